// A loopback HTTP proxy between the bot and the stand-in's REST API that injects the errors
// Discord's API gives: 429 with Retry-After (and X-RateLimit-* headers and a JSON body
// {message, retry_after, global:false}, as Discord sends them), 500 and 502. A `plan` decides,
// per request, whether to forward it or to answer with a fault; a fault may also be injected
// after forwarding (the stand-in did the work, the bot is told it failed), which is what makes
// blind retries double-post.
//
//   const proxy = await startRestProxy({ target: twin.proxyUrl, plan })
//   plan({ method, path, attempt, body }) -> undefined (forward) | { status: 429|500|502, retryAfter?, after? }
//   `attempt` counts requests with the same method, path and body, from 1 (a retry repeats all
//   three); `body` is the parsed JSON body, if any.
//   Point the bot at proxy.url (GFMD_DISCORD_API_BASE).
//
// Multipart: the stand-in cannot parse multipart/form-data (it answers 500), which is how
// Discord takes attachments. The proxy reads such a request itself, records its parts in the
// log entry (`parts`: [{name, filename, contentType, size, bytes}]) and forwards the
// `payload_json` part to the stand-in as an ordinary JSON request, so the message is still
// created, recorded by the harness and checked against the spec; the files stay here, for the
// test to check (see contract.mjs, assertMultipartValid).

import http from 'node:http'
import crypto from 'node:crypto'

/** Discord-shaped fault responses. */
export function faultResponse(status, { retryAfter = 1 } = {}) {
  if (status === 429) {
    const body = { message: 'You are being rate limited.', retry_after: retryAfter, global: false }
    return {
      status,
      headers: {
        'content-type': 'application/json',
        'retry-after': String(Math.ceil(retryAfter)),
        'x-ratelimit-limit': '5',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(Date.now() / 1000 + retryAfter),
        'x-ratelimit-reset-after': String(retryAfter),
        'x-ratelimit-bucket': 'f4ultb0cket',
        'x-ratelimit-scope': 'user',
      },
      body: JSON.stringify(body),
    }
  }
  if (status === 500) {
    return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message: '500: Internal Server Error', code: 0 }) }
  }
  if (status === 502) {
    return { status, headers: { 'content-type': 'text/html' }, body: '<html><head><title>502 Bad Gateway</title></head><body>502 Bad Gateway</body></html>' }
  }
  throw new Error(`no fault response for ${status}`)
}

/**
 * Starts the proxy on 127.0.0.1 (random port). `target` is the stand-in's base URL
 * (`http://127.0.0.1:PORT`, no /api). Every request is recorded in `log` as
 * {at, method, path, attempt, fault, status}.
 */
export async function startRestProxy({ target, plan = () => undefined, host = '127.0.0.1' }) {
  const targetUrl = new URL(target)
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(targetUrl.hostname)) throw new Error('loopback targets only')
  const attempts = new Map()
  const log = []
  const server = http.createServer(async (req, res) => {
    const chunks = []
    for await (const chunk of req) chunks.push(chunk)
    const body = Buffer.concat(chunks)
    const path = new URL(req.url, 'http://proxy').pathname
    const key = `${req.method} ${path} ${crypto.createHash('sha256').update(body).digest('hex')}`
    let json
    try {
      json = body.length ? JSON.parse(body.toString('utf8')) : undefined
    } catch {
      json = undefined
    }
    const attempt = (attempts.get(key) ?? 0) + 1
    attempts.set(key, attempt)
    const entry = { at: performance.timeOrigin + performance.now(), method: req.method, path, attempt, fault: null, status: null }
    log.push(entry)
    const multipart = parseMultipart(req.headers['content-type'], body)
    /** What the stand-in gets: the body as sent, or a multipart request's payload_json as is. */
    let forwardBody = body
    if (multipart) {
      entry.parts = multipart
      forwardBody = multipart.find((part) => part.name === 'payload_json')?.bytes ?? Buffer.from('{}')
      json = JSON.parse(forwardBody.toString('utf8'))
    }
    const fault = plan({ method: req.method, path, attempt, body: json })
    const send = ({ status, headers, body }) => {
      entry.status = status
      res.writeHead(status, headers)
      res.end(body)
    }
    if (fault && !fault.after) {
      entry.fault = fault.status
      return send(faultResponse(fault.status, fault))
    }
    let forwarded
    try {
      forwarded = await forward(targetUrl, req, forwardBody, multipart ? 'application/json' : undefined)
    } catch (error) {
      entry.fault = 'proxy error'
      return send({ status: 502, headers: { 'content-type': 'text/plain' }, body: String(error) })
    }
    if (fault?.after) {
      entry.fault = `${fault.status} after forwarding (stand-in answered ${forwarded.status})`
      entry.forwardedStatus = forwarded.status
      return send(faultResponse(fault.status, fault))
    }
    send(forwarded)
  })
  await new Promise((resolve) => server.listen(0, host, resolve))
  const { port } = server.address()
  return {
    url: `http://${host}:${port}`,
    log,
    /** Recorded requests whose path matches. */
    find(method, pattern) {
      return log.filter((e) => e.method === method && (pattern instanceof RegExp ? pattern.test(e.path) : e.path === pattern))
    },
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.()
        server.close(resolve)
      }),
  }
}

/**
 * The parts of a multipart/form-data body ([{name, filename, contentType, size, bytes}]), or
 * null when `contentType` is not multipart/form-data.
 */
export function parseMultipart(contentType, body) {
  const match = /^multipart\/form-data;.*boundary="?([^";]+)"?/i.exec(contentType ?? '')
  if (!match) return null
  const delimiter = Buffer.from(`--${match[1]}`)
  const parts = []
  let at = body.indexOf(delimiter)
  while (at >= 0) {
    const start = at + delimiter.length
    if (body.subarray(start, start + 2).toString() === '--') break // the closing delimiter
    const next = body.indexOf(delimiter, start)
    if (next < 0) break
    // Each part: CRLF, headers, CRLF CRLF, content, CRLF, then the next delimiter.
    const part = body.subarray(start + 2, next - 2)
    const split = part.indexOf('\r\n\r\n')
    const head = part.subarray(0, split).toString('utf8')
    const bytes = part.subarray(split + 4)
    const disposition = /content-disposition:[^\r\n]*/i.exec(head)?.[0] ?? ''
    parts.push({
      name: /\bname="([^"]*)"/.exec(disposition)?.[1],
      filename: /\bfilename="([^"]*)"/.exec(disposition)?.[1],
      contentType: /content-type:\s*([^\r\n]+)/i.exec(head)?.[1],
      size: bytes.length,
      bytes,
    })
    at = next
  }
  return parts
}

function forward(targetUrl, req, body, contentType) {
  const headers = { ...req.headers, host: targetUrl.host }
  if (contentType) headers['content-type'] = contentType
  delete headers['content-length']
  if (body.length) headers['content-length'] = String(body.length)
  return new Promise((resolve, reject) => {
    const upstream = http.request(
      { hostname: targetUrl.hostname, port: targetUrl.port, method: req.method, path: req.url, headers },
      async (response) => {
        const chunks = []
        for await (const chunk of response) chunks.push(chunk)
        const out = { ...response.headers }
        delete out['transfer-encoding']
        delete out.connection
        resolve({ status: response.statusCode, headers: out, body: Buffer.concat(chunks) })
      },
    )
    upstream.on('error', reject)
    upstream.end(body)
  })
}
