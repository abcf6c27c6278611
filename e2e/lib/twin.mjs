// Thin harness around discord-digital-twin@0.1.1 for driving gfmd-bot (serenity 0.12.5).
//
// What it adds on top of the package (see NOTES.md for why):
//   * re-binds the HTTP/WS server to a chosen host/port (the package always does listen(0) on all interfaces);
//   * records every REST request (method, path, query, headers, raw body, parsed JSON, status);
//   * optionally answers GET /api/v10/gateway, which serenity's ClientBuilder calls but the twin
//     lacks (off by default: gfmd-bot sets the gateway URL itself, and the tests prove that);
//   * a tiny raw gateway client (GatewayClient) for probes / tests that play the bot themselves.
//
// Relies on runtime access to TypeScript-"private" fields (`discord.server`), which are plain
// properties in the shipped dist/ JS. Pinned to 0.1.1; re-check after upgrading.

import { DigitalDiscord } from 'discord-digital-twin'
import WebSocket from 'ws'

/**
 * Start a DigitalDiscord twin and instrument it.
 * @param {import('discord-digital-twin').DigitalDiscordOptions} options seed options
 * @param {{host?: string, port?: number, answerGetGateway?: boolean}} [listen] where to listen
 *   (default 127.0.0.1, random port) and whether to answer GET /gateway
 */
export async function startTwin(options = {}, { host = '127.0.0.1', port = 0, answerGetGateway = false } = {}) {
  const discord = new DigitalDiscord(options)
  await discord.start() // seeds the DB, listens on :: / random port

  const srv = discord.server // { httpServer, gateway, app, typingEvents, port }
  // Re-listen on the requested host/port (loopback only by default).
  await new Promise((resolve) => srv.httpServer.close(resolve))
  await new Promise((resolve, reject) => {
    srv.httpServer.once('error', reject)
    srv.httpServer.listen(port, host, () => resolve())
  })
  const actualPort = srv.httpServer.address().port
  srv.port = actualPort // used by restUrl / gatewayUrl / GET /gateway/bot
  srv.gateway.port = actualPort // used for READY.resume_gateway_url

  /** @type {Array<{seq:number, time:number, method:string, path:string, query:string, headers:Record<string,string>, rawBody:string|null, body:any, status?:number}>} */
  const requests = []
  let seq = 0
  const app = srv.app // Spiceflow instance; its `handle` is an own (arrow-function) property
  const originalHandle = app.handle
  app.handle = async (request, ctx) => {
    const url = new URL(request.url)
    const rec = {
      seq: ++seq,
      time: Date.now(),
      method: request.method,
      path: url.pathname,
      query: url.search,
      headers: Object.fromEntries(request.headers),
      rawBody: null,
      body: undefined,
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      rec.rawBody = await request.clone().text()
      try {
        rec.body = rec.rawBody === '' ? undefined : JSON.parse(rec.rawBody)
      } catch {
        rec.body = undefined // e.g. multipart/form-data (the twin itself cannot parse those either)
      }
    }
    requests.push(rec)
    let response
    if (answerGetGateway && request.method === 'GET' && url.pathname === '/api/v10/gateway') {
      // Missing in the twin; serenity's ClientBuilder uses it to find the gateway URL
      // (on failure it silently falls back to wss://gateway.discord.gg).
      response = Response.json({ url: discord.gatewayUrl })
    } else {
      response = await originalHandle(request, ctx)
    }
    rec.status = response.status
    return response
  }

  return {
    discord,
    /** Base for serenity's HttpBuilder::proxy(...) — serenity appends /api/v10/... itself. */
    proxyUrl: `http://${host}:${actualPort}`,
    apiBase: `http://${host}:${actualPort}/api/v10`,
    gatewayUrl: `ws://${host}:${actualPort}/gateway`,
    port: actualPort,
    requests,
    /** Recorded requests matching method + path (string equality or RegExp). */
    find(method, path) {
      return requests.filter(
        (r) => r.method === method && (path instanceof RegExp ? path.test(r.path) : r.path === path),
      )
    },
    /** Live server-side gateway connections (each has .ws, .sessionId, .sequence, .identified, .intents). */
    gatewayClients() {
      return srv.gateway.clients
    },
    /** Force-close every live gateway connection with a close code (e.g. 4000, 4009, 1011). */
    closeGateway(code = 4000, reason = 'closed by test') {
      for (const c of [...srv.gateway.clients]) c.ws.close(code, reason)
    },
    /** Send a raw gateway payload (e.g. {op:7} reconnect, {op:9,d:false} invalid session) to every live connection. */
    sendRawGateway(payload) {
      for (const c of srv.gateway.clients) c.ws.send(JSON.stringify(payload))
    },
    async stop() {
      await discord.stop()
    },
  }
}

/** Minimal gateway client that plays the bot's side of the websocket. */
export class GatewayClient {
  constructor(url) {
    this.url = url
    this.received = []
    this.waiters = []
    this.closed = null
  }

  open() {
    return new Promise((resolve, reject) => {
      this.ws = new WebSocket(this.url)
      this.ws.on('message', (raw) => {
        const msg = JSON.parse(raw.toString())
        this.received.push(msg)
        for (const w of [...this.waiters]) {
          if (w.pred(msg)) {
            this.waiters.splice(this.waiters.indexOf(w), 1)
            clearTimeout(w.timer)
            w.resolve(msg)
          }
        }
      })
      this.ws.on('close', (code, reason) => {
        this.closed = { code, reason: reason.toString() }
        for (const w of this.waiters.splice(0)) {
          clearTimeout(w.timer)
          w.reject(new Error(`gateway closed ${code} ${reason} while waiting for ${w.label}`))
        }
      })
      this.ws.once('open', () => resolve(this))
      this.ws.once('error', reject)
    })
  }

  send(payload) {
    this.ws.send(JSON.stringify(payload))
  }

  /** Wait for the next received payload (after `sinceIndex`) matching pred. */
  waitFor(pred, { timeout = 5000, label = 'payload', sinceIndex = 0 } = {}) {
    const already = this.received.slice(sinceIndex).find(pred)
    if (already) return Promise.resolve(already)
    return new Promise((resolve, reject) => {
      const w = { pred, resolve, reject, label }
      w.timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(w), 1)
        reject(new Error(`timeout waiting for ${label}`))
      }, timeout)
      this.waiters.push(w)
    })
  }

  waitForDispatch(t, pred = () => true, opts = {}) {
    return this.waitFor((m) => m.op === 0 && m.t === t && pred(m.d), { label: t, ...opts })
  }

  waitForClose(timeout = 5000) {
    if (this.closed) return Promise.resolve(this.closed)
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('timeout waiting for close')), timeout)
      this.ws.once('close', (code, reason) => {
        clearTimeout(timer)
        resolve({ code, reason: reason.toString() })
      })
    })
  }

  close() {
    this.ws?.close()
  }
}
