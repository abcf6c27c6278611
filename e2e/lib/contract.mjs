// The contract every request the bot sends must meet: valid against Discord's OpenAPI spec,
// inside the documented limits the spec leaves out (6000-character embeds, 2000-character
// content, 25 autocomplete choices), and unable to ping anyone; and the exact set of requests
// that change something (every method but GET) that a scenario must produce, no more, no less.

import assert from 'node:assert/strict'
import { createOpenApiValidator, specPathFor, CALLBACK_SCHEMA_BY_TYPE } from './openapi-validator.mjs'

/** Characters Discord counts towards an embed's 6000 total. */
function embedTotal(embed) {
  const len = (s) => [...(s ?? '')].length
  return (
    len(embed.title) +
    len(embed.description) +
    len(embed.footer?.text) +
    len(embed.author?.name) +
    (embed.fields ?? []).reduce((sum, f) => sum + len(f.name) + len(f.value), 0)
  )
}

/** The message-like part of a recorded bot request body (channel message or callback data). */
function messagePart(request) {
  if (request.path.includes('/interactions/')) return request.body?.data ?? null
  return request.body ?? null
}

/**
 * A request as the exact-set check names it: `METHOD /api/v10/path`, and for a channel message
 * that replies, ` reply to <message id>`.
 */
export function writeKey(request) {
  const reply = request.body?.message_reference?.message_id
  return `${request.method} ${request.path}${reply ? ` reply to ${reply}` : ''}`
}

/** Keys for one callback per interaction the stand-in created (each must be answered once). */
export async function oneCallbackPerInteraction(bot) {
  const interactions = await bot.discord.prisma.interactionResponse.findMany()
  return interactions.map((i) => `POST /api/v10/interactions/${i.interactionId}/${i.interactionToken}/callback`)
}

/** Counts of each key. */
function tally(keys) {
  const counts = new Map()
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1)
  return counts
}

/**
 * Checks every request the bot sent to the stand-in so far: the ones that change something
 * (every method but GET) are exactly `expected` (keys as writeKey gives them, in any order, each
 * as many times as listed), and every body is valid, inside Discord's limits and ping-free.
 * Keys matching `atLeast` are the exception: writes whose number the scenario cannot fix must be
 * there at least as many times as listed.
 */
export function assertEverythingSentIsValid(bot, { expected, atLeast = /^$/ }) {
  const changes = bot.twin.requests.filter((r) => r.method !== 'GET')
  const actual = tally(changes.map(writeKey))
  const wanted = tally(expected)
  const missing = []
  const extra = []
  for (const key of new Set([...actual.keys(), ...wanted.keys()])) {
    const got = actual.get(key) ?? 0
    const want = wanted.get(key) ?? 0
    if (got < want) missing.push(`${want - got} × ${key}`)
    else if (got > want && !atLeast.test(key)) extra.push(`${got - want} × ${key}`)
  }
  assert.deepEqual({ missing, extra }, { missing: [], extra: [] }, 'the requests the scenario must produce, no more, no less')

  const oas = createOpenApiValidator()
  const written = changes.filter((r) => r.body !== undefined)
  for (const request of written) {
    const specPath = specPathFor(request.method, request.path)
    assert.ok(specPath, `unexpected write ${request.method} ${request.path}`)
    const isCallback = request.path.includes('/interactions/')
    // The spec types default_member_permissions as an integer; Discord's docs (and serenity)
    // send it as a string of digits. Check it is one, then validate the rest.
    if (request.path.endsWith('/commands')) {
      for (const command of request.body) {
        if (command.default_member_permissions !== undefined && command.default_member_permissions !== null) {
          assert.match(command.default_member_permissions, /^\d+$/)
        }
      }
    }
    let body = request.path.endsWith('/commands')
      ? request.body.map((command) => ({
          ...command,
          default_member_permissions: command.default_member_permissions == null ? command.default_member_permissions : Number(command.default_member_permissions),
        }))
      : request.body
    // The spec types an attachment's id as a snowflake string; Discord's own "Uploading Files"
    // examples (and serenity) send the placeholder index of a new file as an integer. Check it
    // is one, then validate the rest with it as a string.
    const attachments = (isCallback ? body.data : body)?.attachments
    if (Array.isArray(attachments) && attachments.some((a) => typeof a.id === 'number')) {
      for (const attachment of attachments) assert.ok(Number.isInteger(attachment.id) && attachment.id >= 0, `attachment id ${attachment.id}`)
      const asStrings = attachments.map((a) => ({ ...a, id: String(a.id) }))
      body = isCallback ? { ...body, data: { ...body.data, attachments: asStrings } } : { ...body, attachments: asStrings }
    }
    const result = isCallback
      ? oas.validateComponent(CALLBACK_SCHEMA_BY_TYPE[request.body.type], body)
      : oas.validateRequest(request.method, specPath, body)
    assert.ok(result.valid, `${request.method} ${request.path}: ${oas.errorsText(result.errors)}`)
    const message = messagePart(request)
    if (!message || request.path.endsWith('/commands')) continue
    if (isCallback && request.body.type === 8) {
      assert.ok(message.choices.length <= 25)
      continue
    }
    // Deferrals (5), acknowledgements (6) and modals (9) carry no message.
    if (isCallback && [5, 6, 9].includes(request.body.type)) continue
    assert.ok([...(message.content ?? '')].length <= 2000, 'content ≤ 2000')
    for (const embed of message.embeds ?? []) assert.ok(embedTotal(embed) <= 6000, 'embed ≤ 6000')
    assert.deepEqual(message.allowed_mentions?.parse, [], `${request.path} allowed_mentions`)
    assert.deepEqual(message.allowed_mentions?.users ?? [], [])
    assert.deepEqual(message.allowed_mentions?.roles ?? [], [])
    assert.notEqual(message.allowed_mentions?.replied_user, true, `${request.path}: a reply pings its author`)
  }
}

/** The first eight bytes of every PNG file. */
export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
/** Discord's upload limit for a server without boosts (the stand-in's attachment_size_limit). */
export const ATTACHMENT_SIZE_LIMIT = 25 * 1024 * 1024

/**
 * Checks every multipart/form-data request the REST proxy saw (the stand-in never sees them
 * whole; see rest-proxy.mjs): exactly one `payload_json` part holding JSON (which the stand-in
 * received and `assertEverythingSentIsValid` checks against the spec), and every other part a
 * file `files[n]` that the JSON's `attachments` announce with id n and the same file name, with
 * a content type and inside the size limit. Returns the files: [{path, name, filename,
 * contentType, size, bytes}].
 */
export function assertMultipartValid(proxy) {
  const files = []
  for (const entry of proxy.log.filter((e) => e.parts)) {
    const payloads = entry.parts.filter((part) => part.name === 'payload_json')
    assert.equal(payloads.length, 1, `${entry.method} ${entry.path}: one payload_json part`)
    const payload = JSON.parse(payloads[0].bytes.toString('utf8'))
    for (const part of entry.parts.filter((p) => p.name !== 'payload_json')) {
      const index = /^files\[(\d+)\]$/.exec(part.name ?? '')?.[1]
      assert.ok(index !== undefined, `${entry.path}: a file part is named files[n], not ${part.name}`)
      const announced = (payload.attachments ?? []).find((a) => String(a.id) === index)
      assert.ok(announced, `${entry.path}: files[${index}] is announced in attachments`)
      assert.equal(announced.filename, part.filename, 'the same file name in the part and the JSON')
      assert.ok(part.contentType, `${part.filename}: a content type`)
      assert.ok(part.size > 0 && part.size <= ATTACHMENT_SIZE_LIMIT, `${part.filename}: ${part.size} bytes`)
      files.push({ path: entry.path, ...part })
    }
  }
  return files
}
