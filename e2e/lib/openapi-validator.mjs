// Validate request bodies against Discord's official OpenAPI 3.1 spec with Ajv (draft 2020-12).
//
// The spec's request schemas $ref into #/components/schemas. We register all component schemas
// once as `$defs` of a schema with $id "discord-openapi.json" (refs rewritten to
// "discord-openapi.json#/$defs/X"), then compile each operation's requestBody schema on demand.
// Quirks handled: custom keyword "x-discord-union" (annotation only), custom formats "snowflake"
// and "nonce"; int32/int64/double/uri/date-time come from ajv-formats. Strict mode stays on.

import fs from 'node:fs'
import path from 'node:path'
import url from 'node:url'
import Ajv2020 from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'

const here = path.dirname(url.fileURLToPath(import.meta.url))

export function defaultSpecPath() {
  if (process.env.DISCORD_OPENAPI_SPEC) return process.env.DISCORD_OPENAPI_SPEC
  // /work/main/e2e/lib -> /work/shared/discord-api-spec/openapi.json (CI clones main elsewhere with shared/ beside it)
  const candidates = [
    path.resolve(here, '../../../shared/discord-api-spec/openapi.json'),
    '/work/shared/discord-api-spec/openapi.json',
  ]
  return candidates.find((p) => fs.existsSync(p)) ?? candidates[0]
}

const ROOT_ID = 'discord-openapi.json'

function rewriteRefs(schema) {
  return JSON.parse(
    JSON.stringify(schema).replaceAll('"#/components/schemas/', `"${ROOT_ID}#/$defs/`),
  )
}

/** JSON pointer (RFC 6901) of an operation's JSON request-body schema inside the spec. */
export function requestSchemaPointer(specPath, method) {
  const esc = (s) => s.replaceAll('~', '~0').replaceAll('/', '~1')
  return `#/paths/${esc(specPath)}/${method.toLowerCase()}/requestBody/content/application~1json/schema`
}

export function createOpenApiValidator(specFile = defaultSpecPath()) {
  const spec = JSON.parse(fs.readFileSync(specFile, 'utf8'))
  const ajv = new Ajv2020({ allErrors: true, strict: true })
  addFormats(ajv)
  ajv.addKeyword({ keyword: 'x-discord-union' })
  ajv.addFormat('snowflake', /^(0|[1-9][0-9]*)$/)
  ajv.addFormat('nonce', true)
  ajv.addSchema({ $id: ROOT_ID, $defs: rewriteRefs(spec.components.schemas) })

  const cache = new Map()
  /** Compile (cached) the JSON request-body validator for e.g. ('post', '/channels/{channel_id}/messages'). */
  function requestValidator(method, specPath) {
    const key = `${method.toUpperCase()} ${specPath}`
    if (!cache.has(key)) {
      const op = spec.paths[specPath]?.[method.toLowerCase()]
      const schema = op?.requestBody?.content?.['application/json']?.schema
      if (!schema) throw new Error(`no JSON request body schema for ${key}`)
      cache.set(key, ajv.compile(rewriteRefs(schema)))
    }
    return cache.get(key)
  }

  /** Validate; returns {valid, errors} with ajv errors. */
  function validateRequest(method, specPath, body) {
    const v = requestValidator(method, specPath)
    const valid = v(body)
    return { valid, errors: valid ? [] : v.errors }
  }

  /**
   * Validate against one named component schema, e.g. 'CreateMessageInteractionCallbackRequest'.
   * Gives much clearer errors than the callback's 7-way anyOf (pick the branch by `type`).
   */
  function validateComponent(name, body) {
    const v = ajv.getSchema(`${ROOT_ID}#/$defs/${name}`)
    if (!v) throw new Error(`no component schema ${name}`)
    const valid = v(body)
    return { valid, errors: valid ? [] : v.errors }
  }

  return { spec, ajv, requestValidator, validateRequest, validateComponent, errorsText: (e) => ajv.errorsText(e) }
}

/** Interaction-callback `type` -> the spec's component schema for that branch. */
export const CALLBACK_SCHEMA_BY_TYPE = {
  1: 'PongInteractionCallbackRequest',
  4: 'CreateMessageInteractionCallbackRequest',
  5: 'CreateMessageInteractionCallbackRequest',
  6: 'UpdateMessageInteractionCallbackRequest',
  7: 'UpdateMessageInteractionCallbackRequest',
  8: 'ApplicationCommandAutocompleteCallbackRequest',
  9: 'ModalInteractionCallbackRequest',
  12: 'LaunchActivityInteractionCallbackRequest',
}

/**
 * Map a concrete twin request path (/api/v10/...) to the spec's templated path.
 * Only the routes gfmd-bot writes to are listed.
 */
export function specPathFor(method, concretePath) {
  const p = concretePath.replace(/^\/api\/v10/, '')
  const m = method.toUpperCase()
  const rules = [
    ['PUT', /^\/applications\/\d+\/commands$/, '/applications/{application_id}/commands'],
    ['PUT', /^\/applications\/\d+\/guilds\/\d+\/commands$/, '/applications/{application_id}/guilds/{guild_id}/commands'],
    ['POST', /^\/interactions\/\d+\/[^/]+\/callback$/, '/interactions/{interaction_id}/{interaction_token}/callback'],
    ['POST', /^\/channels\/\d+\/messages$/, '/channels/{channel_id}/messages'],
    ['PATCH', /^\/channels\/\d+\/messages\/\d+$/, '/channels/{channel_id}/messages/{message_id}'],
    ['PATCH', /^\/webhooks\/\d+\/[^/]+\/messages\/(@|%40)original$/, '/webhooks/{webhook_id}/{webhook_token}/messages/@original'],
    ['PATCH', /^\/webhooks\/\d+\/[^/]+\/messages\/\d+$/, '/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}'],
    ['POST', /^\/webhooks\/\d+\/[^/]+$/, '/webhooks/{webhook_id}/{webhook_token}'],
  ]
  for (const [rm, re, sp] of rules) if (rm === m && re.test(p)) return sp
  return null
}
