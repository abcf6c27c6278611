// Probe: prove discord-digital-twin@0.1.1 can stand in for Discord for gfmd-bot's e2e tests.
// Plays the bot with a raw websocket + fetch. Run: node e2e/tools/probe.mjs   (exit 0 = all checks passed)

import assert from 'node:assert/strict'
import WebSocket from 'ws'
import { startTwin } from '../lib/harness.mjs'
import { createOpenApiValidator, specPathFor } from '../lib/openapi-validator.mjs'

/** Minimal gateway client that plays the bot's side of the websocket. */
class GatewayClient {
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

const GUILD = '1100000000000000001'
const CHANNEL = '1100000000000000010'
const USER = '1100000000000000100'
const BOT = '1100000000000000999' // bot user id == application id in the twin
const TOKEN = 'gfmd-test-token'

let passed = 0
let failed = 0
async function check(name, fn) {
  try {
    await fn()
    passed++
    console.log(`ok   ${name}`)
  } catch (e) {
    failed++
    console.log(`FAIL ${name}\n     ${e?.stack ?? e}`)
  }
}

const twin = await startTwin({
  guild: { id: GUILD, name: 'gfmd test guild' },
  channels: [{ id: CHANNEL, name: 'general', type: 0 /* GuildText */ }],
  users: [{ id: USER, username: 'alice' }],
  botUser: { id: BOT, username: 'gfmd-bot' },
  botToken: TOKEN,
}, { answerGetGateway: true })
const { discord } = twin
const api = (method, path, body) =>
  fetch(`${twin.apiBase}${path}`, {
    method,
    headers: { Authorization: `Bot ${TOKEN}`, ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  })
const oas = createOpenApiValidator()
const gw = new GatewayClient(`${twin.gatewayUrl}?v=10&encoding=json`) // what serenity connects to

try {
  await check('listens on 127.0.0.1 and exposes URLs', async () => {
    assert.match(twin.apiBase, /^http:\/\/127\.0\.0\.1:\d+\/api\/v10$/)
    assert.equal(discord.gatewayUrl, twin.gatewayUrl)
    assert.equal(discord.botUserId, BOT)
    assert.equal(discord.guildId, GUILD)
  })

  await check('REST: GET /gateway (harness-injected) and GET /gateway/bot', async () => {
    const g = await (await api('GET', '/gateway')).json()
    assert.equal(g.url, twin.gatewayUrl)
    const gb = await (await api('GET', '/gateway/bot')).json()
    assert.equal(gb.url, twin.gatewayUrl)
    assert.equal(gb.shards, 1)
  })

  await check('REST: GET /users/@me is the bot; GET /applications/@me id == bot id', async () => {
    const me = await (await api('GET', '/users/@me')).json()
    assert.equal(me.id, BOT)
    assert.equal(me.bot, true)
    const app = await (await api('GET', '/applications/@me')).json()
    assert.equal(app.id, BOT)
  })

  await check('gateway: HELLO -> IDENTIFY -> READY + GUILD_CREATE', async () => {
    await gw.open()
    const hello = await gw.waitFor((m) => m.op === 10, { label: 'HELLO' })
    assert.equal(hello.d.heartbeat_interval, 45000)
    gw.send({
      op: 2,
      d: { token: TOKEN, intents: (1 << 0) | (1 << 9) | (1 << 15), properties: { os: 'linux', browser: 'probe', device: 'probe' }, compress: true },
    })
    const ready = await gw.waitForDispatch('READY')
    assert.equal(ready.s, 1)
    assert.equal(ready.d.v, 10)
    assert.equal(ready.d.user.id, BOT)
    assert.equal(ready.d.application.id, BOT)
    assert.deepEqual(ready.d.guilds, [{ id: GUILD, unavailable: true }])
    assert.equal(ready.d.resume_gateway_url, twin.gatewayUrl)
    const gc = await gw.waitForDispatch('GUILD_CREATE')
    assert.equal(gc.d.id, GUILD)
    assert.ok(gc.d.channels.some((c) => c.id === CHANNEL && c.type === 0))
    assert.ok(gc.d.members.some((m) => m.user.id === USER))
    assert.ok(gc.d.roles.some((r) => r.id === GUILD && r.name === '@everyone'))
  })

  await check('gateway: heartbeat is acked (op 11)', async () => {
    const since = gw.received.length
    gw.send({ op: 1, d: 2 })
    const ack = await gw.waitFor((m) => m.op === 11, { label: 'HEARTBEAT_ACK', sinceIndex: since })
    assert.equal(ack.d, undefined) // no `d` field at all
  })

  let commandId
  await check('bot bulk-overwrites guild + global commands (PUT), bodies recorded and spec-valid', async () => {
    const commands = [
      {
        name: 'gfmd',
        description: 'Ask the bot',
        type: 1,
        options: [
          { type: 1, name: 'ask', description: 'Ask a question', options: [{ type: 3, name: 'q', description: 'question', required: true, autocomplete: true }] },
        ],
      },
      { name: 'Explain message', type: 3 },
    ]
    const r = await api('PUT', `/applications/${BOT}/guilds/${GUILD}/commands`, commands)
    assert.equal(r.status, 200)
    const created = await r.json()
    assert.equal(created.length, 2)
    commandId = created[0].id
    const r2 = await api('PUT', `/applications/${BOT}/commands`, [])
    assert.equal(r2.status, 200)
    const rec = twin.find('PUT', `/api/v10/applications/${BOT}/guilds/${GUILD}/commands`).at(-1)
    assert.deepEqual(rec.body, commands)
    const res = oas.validateRequest('put', specPathFor('PUT', rec.path), rec.body)
    assert.ok(res.valid, oas.errorsText(res.errors))
  })

  await check('user message -> MESSAGE_CREATE on the socket', async () => {
    const sent = await discord.channel(CHANNEL).user(USER).sendMessage({ content: 'hello <@' + BOT + '>' })
    const ev = await gw.waitForDispatch('MESSAGE_CREATE', (d) => d.id === sent.id)
    assert.equal(ev.d.content, `hello <@${BOT}>`)
    assert.equal(ev.d.channel_id, CHANNEL)
    assert.equal(ev.d.guild_id, GUILD)
    assert.equal(ev.d.author.id, USER)
    assert.equal(ev.d.author.bot, false)
    assert.deepEqual(ev.d.mentions, []) // known gap: mentions never populated
    assert.equal(ev.d.member.user, undefined) // partial member (no user), as on real Discord
  })

  let slash
  await check('slash command with subcommand options -> INTERACTION_CREATE', async () => {
    slash = await discord.channel(CHANNEL).user(USER).runSlashCommand({
      name: 'gfmd',
      options: [{ name: 'ask', type: 1, options: [{ name: 'q', type: 3, value: 'what is gfmd?' }] }],
    })
    const ev = await gw.waitForDispatch('INTERACTION_CREATE', (d) => d.id === slash.id)
    const d = ev.d
    assert.equal(d.type, 2)
    assert.equal(d.token, slash.token)
    assert.equal(d.application_id, BOT)
    assert.equal(d.guild_id, GUILD)
    assert.equal(d.channel_id, CHANNEL)
    assert.equal(d.channel.id, CHANNEL)
    assert.equal(d.member.user.id, USER)
    assert.equal(d.data.id, commandId) // resolved from the registered guild command
    assert.equal(d.data.name, 'gfmd')
    assert.equal(d.data.type, 1)
    assert.deepEqual(d.data.options, [{ name: 'ask', type: 1, options: [{ name: 'q', type: 3, value: 'what is gfmd?' }] }])
    assert.equal(d.version, 1)
    assert.equal(d.locale, 'en-US')
  })

  await check('bot answers via POST /interactions/{id}/{token}/callback; twin stores it; echo MESSAGE_CREATE', async () => {
    const body = { type: 4, data: { content: 'gfmd is ...', flags: 64, allowed_mentions: { parse: [] } } }
    const since = gw.received.length
    const r = await api('POST', `/interactions/${slash.id}/${slash.token}/callback`, body)
    assert.equal(r.status, 204)
    const ack = await discord.channel(CHANNEL).waitForInteractionAck({ interactionId: slash.id, timeout: 3000 })
    assert.equal(ack.acknowledged, true)
    assert.equal(ack.type, 4)
    const stored = await discord.channel(CHANNEL).getInteractionResponse(slash.id)
    assert.deepEqual(JSON.parse(stored.data), body.data) // only `data` is stored, as a JSON string
    const echo = await gw.waitForDispatch('MESSAGE_CREATE', (d) => d.id === ack.messageId, { sinceIndex: since })
    assert.equal(echo.d.author.id, BOT)
    assert.equal(echo.d.webhook_id, BOT)
    const reply = await discord.channel(CHANNEL).waitForBotReply({ timeout: 3000 })
    assert.equal(reply.content, 'gfmd is ...')
    assert.equal(reply.flags, 64) // ephemeral flag just stored; message still visible to everyone
    const rec = twin.find('POST', `/api/v10/interactions/${slash.id}/${slash.token}/callback`).at(-1)
    assert.equal(rec.rawBody, JSON.stringify(body))
    const res = oas.validateRequest('post', specPathFor('POST', rec.path), rec.body)
    assert.ok(res.valid, oas.errorsText(res.errors))
  })

  await check('second callback for the same interaction -> 400 code 40060', async () => {
    const r = await api('POST', `/interactions/${slash.id}/${slash.token}/callback`, { type: 4, data: { content: 'again' } })
    assert.equal(r.status, 400)
    assert.equal((await r.json()).code, 40060)
  })

  await check('followup POST /webhooks/{app}/{token} and PATCH .../messages/@original', async () => {
    const f = await api('POST', `/webhooks/${BOT}/${slash.token}`, { content: 'followup' })
    assert.equal(f.status, 200)
    assert.equal((await f.json()).content, 'followup')
    const e = await api('PATCH', `/webhooks/${BOT}/${slash.token}/messages/@original`, { content: 'edited original' })
    assert.equal(e.status, 200)
    const edited = await e.json()
    assert.equal(edited.content, 'edited original')
    assert.notEqual(edited.edited_timestamp, null)
    for (const rec of [
      twin.find('POST', `/api/v10/webhooks/${BOT}/${slash.token}`).at(-1),
      twin.find('PATCH', /\/messages\/(@|%40)original$/).at(-1),
    ]) {
      const res = oas.validateRequest(rec.method, specPathFor(rec.method, rec.path), rec.body)
      assert.ok(res.valid, `${rec.path}: ${oas.errorsText(res.errors)}`)
    }
  })

  await check('deferred (type 5) then PATCH @original creates the message', async () => {
    const i = await discord.channel(CHANNEL).user(USER).runSlashCommand({ name: 'gfmd' })
    await gw.waitForDispatch('INTERACTION_CREATE', (d) => d.id === i.id)
    assert.equal((await api('POST', `/interactions/${i.id}/${i.token}/callback`, { type: 5 })).status, 204)
    const before = await discord.channel(CHANNEL).getInteractionResponse(i.id)
    assert.equal(before.messageId, null)
    const e = await api('PATCH', `/webhooks/${BOT}/${i.token}/messages/@original`, { content: 'late answer' })
    assert.equal(e.status, 200)
    const after = await discord.channel(CHANNEL).getInteractionResponse(i.id)
    assert.equal(after.messageId, (await e.json()).id)
  })

  await check('autocomplete (type 4) via simulateInteraction; type 8 choices recorded', async () => {
    const i = await discord.simulateInteraction({
      type: 4,
      channelId: CHANNEL,
      userId: USER,
      data: { id: commandId, name: 'gfmd', type: 1, options: [{ name: 'ask', type: 1, options: [{ name: 'q', type: 3, value: 'wh', focused: true }] }] },
    })
    const ev = await gw.waitForDispatch('INTERACTION_CREATE', (d) => d.id === i.id)
    assert.equal(ev.d.type, 4)
    assert.equal(ev.d.data.options[0].options[0].focused, true)
    const body = { type: 8, data: { choices: [{ name: 'what is gfmd?', value: 'what is gfmd?' }] } }
    assert.equal((await api('POST', `/interactions/${i.id}/${i.token}/callback`, body)).status, 204)
    const stored = await discord.channel(CHANNEL).getInteractionResponse(i.id)
    assert.equal(stored.type, 8)
    assert.deepEqual(JSON.parse(stored.data), body.data)
    const res = oas.validateRequest('post', '/interactions/{interaction_id}/{interaction_token}/callback', body)
    assert.ok(res.valid, oas.errorsText(res.errors))
  })

  let botMsg
  await check('bot posts a message with a button (POST /channels/{id}/messages)', async () => {
    const body = {
      content: 'pick one',
      components: [{ type: 1, components: [{ type: 2, style: 1, label: 'More', custom_id: 'gfmd:more' }, ] }],
    }
    const r = await api('POST', `/channels/${CHANNEL}/messages`, body)
    assert.equal(r.status, 200)
    botMsg = await r.json()
    assert.deepEqual(botMsg.components, body.components)
    const rec = twin.find('POST', `/api/v10/channels/${CHANNEL}/messages`).at(-1)
    const res = oas.validateRequest('post', specPathFor('POST', rec.path), rec.body)
    assert.ok(res.valid, oas.errorsText(res.errors))
  })

  await check('button click (type 3) carries `message`; UPDATE_MESSAGE (7) edits it + MESSAGE_UPDATE', async () => {
    const i = await discord.channel(CHANNEL).user(USER).clickButton({ messageId: botMsg.id, customId: 'gfmd:more' })
    const ev = await gw.waitForDispatch('INTERACTION_CREATE', (d) => d.id === i.id)
    assert.equal(ev.d.type, 3)
    assert.deepEqual(ev.d.data, { custom_id: 'gfmd:more', component_type: 2 })
    assert.equal(ev.d.message.id, botMsg.id)
    const since = gw.received.length
    assert.equal((await api('POST', `/interactions/${i.id}/${i.token}/callback`, { type: 7, data: { content: 'more stuff', components: [] } })).status, 204)
    const upd = await gw.waitForDispatch('MESSAGE_UPDATE', (d) => d.id === botMsg.id, { sinceIndex: since })
    assert.equal(upd.d.content, 'more stuff')
  })

  await check('select menu (type 3, component_type 3, values)', async () => {
    const i = await discord.channel(CHANNEL).user(USER).selectMenu({ messageId: botMsg.id, customId: 'gfmd:sel', values: ['a', 'b'] })
    const ev = await gw.waitForDispatch('INTERACTION_CREATE', (d) => d.id === i.id)
    assert.deepEqual(ev.d.data, { custom_id: 'gfmd:sel', component_type: 3, values: ['a', 'b'] })
    assert.equal((await api('POST', `/interactions/${i.id}/${i.token}/callback`, { type: 6 })).status, 204)
  })

  await check('modal: bot replies type 9 (recorded); user submits (type 5)', async () => {
    const s = await discord.channel(CHANNEL).user(USER).runSlashCommand({ name: 'gfmd' })
    await gw.waitForDispatch('INTERACTION_CREATE', (d) => d.id === s.id)
    const modal = {
      type: 9,
      data: { custom_id: 'gfmd:modal', title: 'Ask', components: [{ type: 1, components: [{ type: 4, custom_id: 'q', style: 1, label: 'Question' }] }] },
    }
    assert.equal((await api('POST', `/interactions/${s.id}/${s.token}/callback`, modal)).status, 204)
    assert.deepEqual(JSON.parse((await discord.channel(CHANNEL).getInteractionResponse(s.id)).data), modal.data)
    const res = oas.validateRequest('post', '/interactions/{interaction_id}/{interaction_token}/callback', modal)
    assert.ok(res.valid, oas.errorsText(res.errors))
    const i = await discord.channel(CHANNEL).user(USER).submitModal({ customId: 'gfmd:modal', fields: [{ customId: 'q', value: 'why?' }] })
    const ev = await gw.waitForDispatch('INTERACTION_CREATE', (d) => d.id === i.id)
    assert.equal(ev.d.type, 5)
    assert.deepEqual(ev.d.data, { custom_id: 'gfmd:modal', components: [{ type: 1, components: [{ type: 4, custom_id: 'q', value: 'why?' }] }] })
    assert.equal(ev.d.message, undefined)
  })

  await check('message context-menu command (type 2, data.type 3, target_id + resolved) via simulateInteraction', async () => {
    const [target] = (await discord.channel(CHANNEL).getMessages()).filter((m) => m.author.id === USER)
    const cmd = (await (await api('GET', `/applications/${BOT}/guilds/${GUILD}/commands/${commandId}`)).json())
    assert.equal(cmd.name, 'gfmd') // single GET guild command route exists
    const i = await discord.simulateInteraction({
      type: 2,
      channelId: CHANNEL,
      userId: USER,
      data: { id: '1100000000000005555', name: 'Explain message', type: 3, target_id: target.id, resolved: { messages: { [target.id]: target } } },
    })
    const ev = await gw.waitForDispatch('INTERACTION_CREATE', (d) => d.id === i.id)
    assert.equal(ev.d.data.type, 3)
    assert.equal(ev.d.data.resolved.messages[target.id].content, target.content)
  })

  await check('message edit/delete by user -> MESSAGE_UPDATE / MESSAGE_DELETE', async () => {
    const m = await discord.channel(CHANNEL).user(USER).sendMessage({ content: 'typo' })
    await discord.channel(CHANNEL).user(USER).editMessage({ messageId: m.id, content: 'fixed' })
    const u = await gw.waitForDispatch('MESSAGE_UPDATE', (d) => d.id === m.id)
    assert.equal(u.d.content, 'fixed')
    await discord.channel(CHANNEL).user(USER).deleteMessage({ messageId: m.id })
    const del = await gw.waitForDispatch('MESSAGE_DELETE', (d) => d.id === m.id)
    assert.deepEqual(del.d, { id: m.id, channel_id: CHANNEL, guild_id: GUILD })
  })

  await check('unknown routes 404 (e.g. GET global commands, POST single command); no auth check on REST', async () => {
    const r1 = await api('GET', `/applications/${BOT}/commands`)
    assert.equal(r1.status, 404)
    const r2 = await api('POST', `/applications/${BOT}/commands`, { name: 'x', description: 'y' })
    assert.equal(r2.status, 404)
    const r3 = await fetch(`${twin.apiBase}/users/@me`) // no Authorization header at all
    assert.equal(r3.status, 200)
  })

  await check('typing indicator is recorded (POST /channels/{id}/typing)', async () => {
    assert.equal((await api('POST', `/channels/${CHANNEL}/typing`)).status, 204)
    assert.equal(discord.getTypingEvents({ channelId: CHANNEL }).length, 1)
  })

  await check('test can force-close the gateway with a close code', async () => {
    assert.equal(twin.gatewayClients().length, 1)
    twin.closeGateway(4000, 'unknown error')
    const c = await gw.waitForClose()
    assert.equal(c.code, 4000)
    for (let i = 0; i < 50 && twin.gatewayClients().length > 0; i++) await new Promise((r) => setTimeout(r, 10))
    assert.equal(twin.gatewayClients().length, 0) // server drops it once the close handshake ends
  })

  await check('RESUME (op 6) is ignored: no RESUMED, no INVALID_SESSION; test can inject op 9 itself', async () => {
    const ready = gw.received.find((m) => m.t === 'READY')
    const gw2 = await new GatewayClient(`${twin.gatewayUrl}?v=10&encoding=json`).open()
    await gw2.waitFor((m) => m.op === 10, { label: 'HELLO' })
    gw2.send({ op: 6, d: { token: TOKEN, session_id: ready.d.session_id, seq: 10 } })
    await new Promise((r) => setTimeout(r, 300))
    assert.deepEqual(gw2.received.map((m) => m.op), [10]) // only HELLO
    twin.sendRawGateway({ op: 9, d: false })
    const inv = await gw2.waitFor((m) => m.op === 9, { label: 'INVALID_SESSION' })
    assert.equal(inv.d, false)
    gw2.send({ op: 2, d: { token: TOKEN, intents: 0, properties: {} } })
    await gw2.waitForDispatch('READY')
    gw2.close()
  })

  await check('IDENTIFY with a wrong token -> close 4004', async () => {
    const bad = await new GatewayClient(twin.gatewayUrl).open()
    await bad.waitFor((m) => m.op === 10, { label: 'HELLO' })
    bad.send({ op: 2, d: { token: 'nope', intents: 0, properties: {} } })
    const c = await bad.waitForClose()
    assert.equal(c.code, 4004)
  })

  await check('every recorded request has method/path/status; bodies are raw JSON text', async () => {
    assert.ok(twin.requests.length > 10)
    for (const r of twin.requests) assert.ok(r.method && r.path && typeof r.status === 'number')
  })
} finally {
  gw.close()
  await twin.stop()
}

console.log(`${passed} passed, ${failed} failed`)
process.exit(failed === 0 ? 0 : 1)
