// The contract every request the bot sends must meet: valid against Discord's OpenAPI spec,
// inside the documented limits the spec leaves out (6000-character embeds, 2000-character
// content, 25 autocomplete choices), and unable to ping anyone.

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

/** Checks every body the bot wrote to the stand-in so far. */
export function assertEverythingSentIsValid(bot) {
  const oas = createOpenApiValidator()
  const written = bot.twin.requests.filter((r) => r.body !== undefined && r.method !== 'GET')
  assert.ok(written.length >= 10)
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
    const body = request.path.endsWith('/commands')
      ? request.body.map((command) => ({
          ...command,
          default_member_permissions: command.default_member_permissions == null ? command.default_member_permissions : Number(command.default_member_permissions),
        }))
      : request.body
    const result = isCallback
      ? oas.validateComponent(CALLBACK_SCHEMA_BY_TYPE[request.body.type], request.body)
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
  }
}
