// Probe: validate request bodies against Discord's official OpenAPI 3.1 spec with Ajv 2020 + ajv-formats.
// Run: node e2e/tools/validate-probe.mjs   (exit 0 = all expectations met)

import assert from 'node:assert/strict'
import { createOpenApiValidator, requestSchemaPointer, defaultSpecPath, CALLBACK_SCHEMA_BY_TYPE } from '../lib/openapi-validator.mjs'

const t0 = Date.now()
const oas = createOpenApiValidator()
console.log(`spec: ${defaultSpecPath()} (openapi ${oas.spec.openapi}); components registered in ${Date.now() - t0} ms`)

const CALLBACK = '/interactions/{interaction_id}/{interaction_token}/callback'
const operations = [
  ['put', '/applications/{application_id}/commands'],
  ['put', '/applications/{application_id}/guilds/{guild_id}/commands'],
  ['post', CALLBACK],
  ['post', '/channels/{channel_id}/messages'],
  ['patch', '/webhooks/{webhook_id}/{webhook_token}/messages/@original'], // interaction "edit original response"
  ['post', '/webhooks/{webhook_id}/{webhook_token}'], // interaction followup
]
for (const [m, p] of operations) {
  const t = Date.now()
  oas.requestValidator(m, p)
  console.log(`compiled ${m.toUpperCase()} ${p} in ${Date.now() - t} ms; schema at ${requestSchemaPointer(p, m)}`)
}

let passed = 0
let failed = 0
function expect(name, method, path, body, shouldBeValid) {
  const { valid, errors } = oas.validateRequest(method, path, body)
  const ok = valid === shouldBeValid
  ok ? passed++ : failed++
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}: valid=${valid}${valid ? '' : ` (${oas.errorsText(errors.slice(0, 3))}${errors.length > 3 ? ', ...' : ''})`}`)
}

// The two the brief asks for: one valid, one invalid interaction-callback body.
expect('valid callback: type 4 message with ephemeral flag', 'post', CALLBACK,
  { type: 4, data: { content: 'gfmd is ...', flags: 64, allowed_mentions: { parse: [] } } }, true)
expect('invalid callback: unknown type 42, content not a string', 'post', CALLBACK,
  { type: 42, data: { content: 123 } }, false)

// More callback shapes the bot will send.
expect('valid callback: serenity-shaped type 4 (attachments: [] always present)', 'post', CALLBACK,
  { type: 4, data: { content: 'hi', attachments: [] } }, true)
expect('valid callback: serenity-shaped type 5 Defer', 'post', CALLBACK, { type: 5, data: { attachments: [] } }, true)
expect('valid callback: serenity-shaped Pong (data: null)', 'post', CALLBACK, { type: 1, data: null }, true)
expect('valid callback: type 6 deferred update, data null (serenity Acknowledge)', 'post', CALLBACK, { type: 6, data: null }, true)
expect('valid callback: type 8 autocomplete choices', 'post', CALLBACK,
  { type: 8, data: { choices: [{ name: 'what is gfmd?', value: 'what is gfmd?' }] } }, true)
expect('invalid callback: type 8 without data (required)', 'post', CALLBACK, { type: 8 }, false)
expect('invalid callback: type 4, 26 embeds (maxItems 10)', 'post', CALLBACK,
  { type: 4, data: { embeds: Array.from({ length: 26 }, () => ({ title: 't' })) } }, false)
expect('invalid callback: type 9 modal without title', 'post', CALLBACK,
  { type: 9, data: { custom_id: 'm', components: [{ type: 1, components: [{ type: 4, custom_id: 'q', style: 1, label: 'Q' }] }] } }, false)
expect('QUIRK callback: unknown extra property still passes (no additionalProperties:false in spec)', 'post', CALLBACK,
  { type: 4, data: { content: 'x', conten: 'typo' } }, true)

// Clearer errors: validate against the branch chosen by `type` instead of the 7-way anyOf.
{
  const body = { type: 4, data: { embeds: Array.from({ length: 26 }, () => ({ title: 't' })) } }
  const { valid, errors } = oas.validateComponent(CALLBACK_SCHEMA_BY_TYPE[body.type], body)
  const ok = !valid && errors.some((e) => e.instancePath === '/data/embeds' && e.keyword === 'maxItems')
  ok ? passed++ : failed++
  console.log(`${ok ? 'ok  ' : 'FAIL'} branch-specific validation pinpoints /data/embeds: ${oas.errorsText(errors)}`)
}

// Bulk command overwrite, shaped like serenity 0.12.5's CreateCommand/CreateCommandOption serialization.
const serenityCommand = {
  name: 'gfmd',
  name_localizations: {},
  description: 'Ask the bot',
  description_localizations: {},
  options: [{
    type: 1, name: 'ask', description: 'Ask a question', required: false, autocomplete: false,
    choices: [], options: [{ type: 3, name: 'q', description: 'question', required: true, autocomplete: true, choices: [], options: [], channel_types: [], min_value: null, max_value: null, min_length: null, max_length: null }],
    channel_types: [], min_value: null, max_value: null, min_length: null, max_length: null,
  }],
  nsfw: false,
}
expect('valid PUT global commands (serenity-shaped)', 'put', '/applications/{application_id}/commands', [serenityCommand], true)
expect('valid PUT guild commands (message context menu, type 3)', 'put', '/applications/{application_id}/guilds/{guild_id}/commands',
  [{ name: 'Explain message', type: 3, name_localizations: {}, description_localizations: {}, options: [], nsfw: false }], true)
expect('invalid PUT commands: name longer than 32', 'put', '/applications/{application_id}/commands', [{ name: 'x'.repeat(33), description: 'd' }], false)
expect('QUIRK PUT commands: default_member_permissions as string "8" (what serenity/Discord docs use) fails the spec (integer)',
  'put', '/applications/{application_id}/commands', [{ ...serenityCommand, default_member_permissions: '8' }], false)

expect('valid POST channel message', 'post', '/channels/{channel_id}/messages',
  { content: 'hello', components: [{ type: 1, components: [{ type: 2, style: 1, label: 'More', custom_id: 'gfmd:more' }] }] }, true)
expect('QUIRK POST channel message: spec allows content up to 4000 (docs say 2000)', 'post', '/channels/{channel_id}/messages', { content: 'x'.repeat(3000) }, true)
expect('invalid PATCH @original: content 2001 chars (webhook limit 2000)', 'patch', '/webhooks/{webhook_id}/{webhook_token}/messages/@original', { content: 'x'.repeat(2001) }, false)
expect('valid POST followup (webhook execute)', 'post', '/webhooks/{webhook_id}/{webhook_token}', { content: 'followup', flags: 64 }, true)

// Sanity: the first two must have gone as expected for the probe to count.
assert.equal(failed, 0)
console.log(`${passed} passed, ${failed} failed`)
