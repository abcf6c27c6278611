// The one harness for the e2e tests and tools: starts discord-digital-twin@0.1.1 (the Discord
// stand-in) on loopback and instruments it, then starts a bot (gfmd-bot, or the floor bot) wired
// to it, and gives callers what they need to drive the bot and read what it did. Waits are on
// conditions, never fixed sleeps.
//
//   startTwin(seed, listen)  the stand-in alone (the probes play the bot themselves)
//   startBot(options)        the stand-in seeded with the test guild, and a bot connected to it
//   slash(), callbackOf()    send `/gfmd …` and wait for the bot's callback
//
// What the harness adds to the stand-in (NOTES.md says why):
//   * it listens on 127.0.0.1 (the package listens on all interfaces);
//   * every REST request is recorded on arrival: method, path, headers, raw and parsed body,
//     status, and a high-resolution time;
//   * on the gateway: what was delivered to each live, identified connection (INTERACTION_CREATE
//     and READY) and every op a connection sent;
//   * the `locale` an interaction carries (the stand-in always sends en-US): `asLocale()`,
//     `slash({locale})`;
//   * a server's `preferred_locale` in GUILD_CREATE (the stand-in always sends en-US):
//     `startBot({guildLocale})`, and GUILD_UPDATE when it changes: `setGuildLocale()`; and the
//     roles' `colors` in both, without which serenity 0.12.5 cannot read either event;
//   * optionally GET /api/v10/gateway (serenity's ClientBuilder asks for it; the stand-in lacks it)
//     and an INVALID_SESSION answer to RESUME (the stand-in ignores RESUME).
//
// Times are wall-clock milliseconds with sub-millisecond resolution (`now()`), so they compare
// with the bot's own log timestamps. Relies on runtime access to TypeScript-"private" fields
// (`discord.server`), which are plain properties in the shipped dist/ JS; pinned to 0.1.1.

import { execFile, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import url from 'node:url'
import { DigitalDiscord } from 'discord-digital-twin'

const here = path.dirname(url.fileURLToPath(import.meta.url))

export const IDS = {
  guild: '1200000000000000001',
  questions: '1200000000000000010',
  general: '1200000000000000011',
  modLog: '1200000000000000012',
  alice: '1200000000000000100',
  bob: '1200000000000000101',
  mod: '1200000000000000102',
  admin: '1200000000000000103',
  moderatorRole: '1200000000000000500',
  bot: '1200000000000000999',
  /** A direct-message channel (no server), created by the tests that need it. */
  dm: '1200000000000000020',
}

/** Config for a bot that answers free-form questions in the questions channel at once, with
 * no cooldown and no rate limit in the way; `[questions]` comes last, so a test may append to it. */
export const LISTENING_CONFIG = `
[discord]
guild_ids = ["${IDS.guild}"]

[questions]
channels = ["${IDS.questions}"]
cooldown_seconds = 0
user_rate_limit = 1000
`

/** View Channel (1 << 10) + Send Messages (1 << 11). */
export const PLAIN_MEMBER = String((1 << 10) | (1 << 11))
/** A plain member with Manage Messages (1 << 13). */
export const MODERATOR = String((1 << 10) | (1 << 11) | (1 << 13))
/** A plain member with Manage Server (1 << 5). */
export const SERVER_MANAGER = String((1 << 10) | (1 << 11) | (1 << 5))
export const TOKEN = 'e2e-SECRET-token-do-not-log-0123456789'
/** Discord's interaction deadline. */
export const DEADLINE_MS = 3000

/** Wall-clock ms, sub-ms resolution. */
export const now = () => performance.timeOrigin + performance.now()

/** gfmd-bot: $GFMD_BOT_BIN, else target/<profile>/gfmd-bot. */
export function botBinary(profile = 'debug') {
  return process.env.GFMD_BOT_BIN ?? path.resolve(here, `../../target/${profile}/gfmd-bot`)
}

/**
 * A copy of the repository's `responses/*.toml` in a fresh temporary folder named `prefix…`,
 * for a bot whose answers a test or tool edits (the caller removes it).
 */
export function copyResponses(prefix = 'gfmd-responses-') {
  const from = path.resolve(here, '../../responses')
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
  for (const name of fs.readdirSync(from)) {
    if (name.endsWith('.toml')) fs.copyFileSync(path.join(from, name), path.join(dir, name))
  }
  return dir
}

/** The floor bot (examples/floor_bot.rs): $GFMD_FLOOR_BIN, else target/<profile>/examples/floor_bot. */
export function floorBinary(profile = 'release') {
  return process.env.GFMD_FLOOR_BIN ?? path.resolve(here, `../../target/${profile}/examples/floor_bot`)
}

/** Polls `check` until it returns a truthy value or `timeout` ms pass; returns that value. */
export async function waitUntil(check, { timeout = 10000, label = 'condition', every = 20 } = {}) {
  const deadline = Date.now() + timeout
  for (;;) {
    const value = await check()
    if (value) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${label}`)
    await new Promise((resolve) => setTimeout(resolve, every))
  }
}

/**
 * Starts the stand-in with `seed` (DigitalDiscord's options) and instruments it.
 * `answerGetGateway`: answer GET /api/v10/gateway with the gateway URL.
 * `rejectResume`: answer a RESUME (op 6) with INVALID_SESSION {op:9, d:false}, as Discord does
 * for a session it cannot resume (the stand-in ignores RESUME, leaving a resuming bot connected
 * but deaf; NOTES.md §4).
 */
export async function startTwin(seed = {}, { host = '127.0.0.1', port = 0, answerGetGateway = false, rejectResume = false } = {}) {
  const discord = new DigitalDiscord(seed)
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

  const twin = {
    discord,
    /** Base for serenity's HttpBuilder::proxy(...) (and GFMD_DISCORD_API_BASE): no /api. */
    proxyUrl: `http://${host}:${actualPort}`,
    apiBase: `http://${host}:${actualPort}/api/v10`,
    gatewayUrl: `ws://${host}:${actualPort}/gateway`,
    port: actualPort,
    /** Every REST request: {seq, at, method, path, query, headers, rawBody, body, status}. */
    requests: [],
    /** interaction id -> [{at, session}]: deliveries to live, identified connections. */
    deliveries: new Map(),
    /** interaction id -> [{at, status}]: callbacks received, in order. */
    callbacks: new Map(),
    /** READY dispatches written: [{at, session}]. */
    readies: [],
    /** Ops the connections sent: [{at, op, session}]. */
    gatewayOps: [],
    /** Recorded requests matching method + path (string equality or RegExp). */
    find(method, pathOrPattern) {
      return twin.requests.filter(
        (r) => r.method === method && (pathOrPattern instanceof RegExp ? pathOrPattern.test(r.path) : r.path === pathOrPattern),
      )
    },
    /** Resolves true once interaction `id` has had a callback (at once if it has), false after `timeout` ms. */
    waitForCallback(id, timeout) {
      if (twin.callbacks.has(id)) return Promise.resolve(true)
      return new Promise((resolve) => {
        const done = (answered) => {
          clearTimeout(timer)
          callbackWaiters.get(id)?.delete(done)
          resolve(answered)
        }
        const timer = setTimeout(() => done(false), timeout)
        if (!callbackWaiters.has(id)) callbackWaiters.set(id, new Set())
        callbackWaiters.get(id).add(done)
      })
    },
    /** Live server-side gateway connections (each has .ws, .sessionId, .sequence, .identified, .intents). */
    gatewayClients() {
      return srv.gateway.clients
    },
    /** Closes every live gateway connection with a close code (e.g. 4000, 4009, 1011). */
    closeGateway(code = 4000, reason = 'closed by test') {
      for (const c of [...srv.gateway.clients]) c.ws.close(code, reason)
    },
    /** Cuts every live gateway connection without a close frame (a network cut). */
    cutGateway() {
      for (const c of [...srv.gateway.clients]) c.ws.terminate()
    },
    /** Sends a raw gateway payload (e.g. {op:7} reconnect, {op:9,d:false} invalid session) to every live connection. */
    sendRawGateway(payload) {
      for (const c of srv.gateway.clients) c.ws.send(JSON.stringify(payload))
    },
    async stop() {
      await discord.stop()
      await discord.prisma?.$disconnect?.().catch(() => {})
    },
  }
  const callbackWaiters = new Map()

  // REST: record every request on arrival; answer GET /gateway if asked to.
  let seq = 0
  const app = srv.app // Spiceflow instance; its `handle` is an own (arrow-function) property
  const originalHandle = app.handle
  app.handle = async (request, ctx) => {
    const at = now()
    const requestUrl = new URL(request.url)
    const rec = {
      seq: ++seq,
      at,
      method: request.method,
      path: requestUrl.pathname,
      query: requestUrl.search,
      headers: Object.fromEntries(request.headers),
      rawBody: null,
      body: undefined,
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      rec.rawBody = await request.clone().text()
      try {
        rec.body = rec.rawBody === '' ? undefined : JSON.parse(rec.rawBody)
      } catch {
        rec.body = undefined // e.g. multipart/form-data (the stand-in itself cannot parse those either)
      }
    }
    twin.requests.push(rec)
    let response
    if (answerGetGateway && request.method === 'GET' && requestUrl.pathname === '/api/v10/gateway') {
      // Missing in the stand-in; serenity's ClientBuilder uses it to find the gateway URL
      // (on failure it silently falls back to wss://gateway.discord.gg).
      response = Response.json({ url: discord.gatewayUrl })
    } else {
      response = await originalHandle(request, ctx)
    }
    rec.status = response.status
    const callback = /^\/api\/v10\/interactions\/(\d+)\/[^/]+\/callback$/.exec(rec.path)
    if (callback && request.method === 'POST') {
      const id = callback[1]
      if (!twin.callbacks.has(id)) twin.callbacks.set(id, [])
      twin.callbacks.get(id).push({ at, status: response.status })
      for (const done of [...(callbackWaiters.get(id) ?? [])]) done(true)
    }
    return response
  }

  // Gateway: what the stand-in writes to each live connection, and what each connection sends.
  const gateway = srv.gateway
  // The stand-in writes `locale: 'en-US'` into every interaction; `twin.interactionLocale`, when
  // set, replaces it (as a member whose client reads French or Spanish would send).
  twin.interactionLocale = null
  const originalBroadcast = gateway.broadcast.bind(gateway)
  // The stand-in also writes `guild_id: ''` into the messages of a channel with no server (a
  // DM), which serenity cannot read, so it would drop the event; Discord leaves the field out.
  gateway.broadcast = (event, data) => {
    const locale = twin.interactionLocale
    let sent = event === 'INTERACTION_CREATE' && locale ? { ...data, locale } : data
    if (event.startsWith('MESSAGE_') && sent?.guild_id === '') {
      const { guild_id, ...direct } = sent
      sent = direct
    }
    return originalBroadcast(event, sent)
  }
  // A server's preferred locale (guild id -> Discord locale) to send instead of the stand-in's
  // en-US in GUILD_CREATE and GUILD_UPDATE; and the last guild object sent for each server, on
  // which setGuildLocale() builds its GUILD_UPDATE.
  twin.guildLocales = new Map()
  const guildsSent = new Map()
  /** Sets server `guildId`'s preferred locale and sends GUILD_UPDATE to every live connection. */
  twin.setGuildLocale = (guildId, locale) => {
    twin.guildLocales.set(guildId, locale)
    const guild = guildsSent.get(guildId)
    if (!guild) throw new Error(`no GUILD_CREATE was sent for ${guildId}`)
    // GUILD_UPDATE carries the guild object alone, without GUILD_CREATE's extra fields.
    const { joined_at, large, unavailable, member_count, voice_states, members, channels, threads, presences, stage_instances, guild_scheduled_events, soundboard_sounds, ...update } = guild
    gateway.broadcast('GUILD_UPDATE', update)
  }
  const originalSend = gateway.send.bind(gateway)
  gateway.send = (client, payload) => {
    if (payload.op === 0 && (payload.t === 'GUILD_CREATE' || payload.t === 'GUILD_UPDATE')) {
      payload = { ...payload, d: asDiscordSendsIt(payload.d, twin.guildLocales.get(payload.d.id)) }
      guildsSent.set(payload.d.id, payload.d)
    }
    if (client.ws.readyState === 1 /* OPEN */ && payload.op === 0) {
      const at = now()
      if (payload.t === 'INTERACTION_CREATE' && client.identified) {
        if (!twin.deliveries.has(payload.d.id)) twin.deliveries.set(payload.d.id, [])
        twin.deliveries.get(payload.d.id).push({ at, session: client.sessionId })
      } else if (payload.t === 'READY') {
        twin.readies.push({ at, session: client.sessionId })
      }
    }
    return originalSend(client, payload)
  }
  gateway.wss.on('connection', (ws) => {
    ws.on('message', (raw) => {
      let op
      try {
        op = JSON.parse(raw.toString()).op
      } catch {
        return // not JSON: not ours to judge
      }
      const client = gateway.clients.find((c) => c.ws === ws)
      twin.gatewayOps.push({ at: now(), op, session: client?.sessionId })
      if (op === 6 && rejectResume && ws.readyState === 1) ws.send(JSON.stringify({ op: 9, d: false }))
    })
  })

  return twin
}

/**
 * Guild object `guild` (of GUILD_CREATE or GUILD_UPDATE) as Discord sends it today: each role
 * with its `colors` (the stand-in leaves them out; serenity 0.12.5 requires them, and otherwise
 * cannot read the event at all), and `preferred_locale` set to `locale` when given.
 */
function asDiscordSendsIt(guild, locale) {
  const roles = (guild.roles ?? []).map((role) =>
    role.colors ? role : { ...role, colors: { primary_color: role.color ?? 0, secondary_color: null, tertiary_color: null } },
  )
  return { ...guild, roles, ...(locale ? { preferred_locale: locale } : {}) }
}

/** Milliseconds of a JSON log line's time (tracing's RFC 3339 `timestamp`, or `unix_micros`). */
function logTimeMs(line) {
  if (line.unix_micros) return Number(line.unix_micros) / 1000
  const m = /^(.*T\d\d:\d\d:\d\d)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)$/.exec(line.timestamp ?? '')
  if (!m) return undefined
  const fraction = Number(`0.${m[2] ?? '0'}`) * 1000
  return Date.parse(`${m[1]}${m[3]}`) + fraction
}

/**
 * Starts the stand-in, seeded with the test guild (channels #gfmd-questions, #general, #mod-log;
 * alice and bob plain members, mod with Manage Messages and the moderator role, admin with Manage
 * Server), then `binary` wired to it, and waits for the bot's `connected to Discord` log line.
 *
 *   binary       gfmd-bot's debug build unless told (the floor bot reads the same environment)
 *   configToml   written to config.toml in the bot's own temporary folder (also its cwd)
 *   env          added to the bot's environment
 *   logFilter    RUST_LOG (default: debug for the bot and serenity; load runs pass 'info')
 *   apiBase      (twin) => the REST base the bot is given, e.g. a fault-injecting proxy in front
 *   rejectResume see startTwin
 *   guildLocale  the test guild's preferred locale in GUILD_CREATE (the stand-in's is en-US)
 *
 * The bot's standard error (JSON log lines) and output go to files in its folder, not through
 * this process, so that a log line per question costs the stand-in's event loop nothing. The
 * folder (with the stand-in's SQLite database, on tmpfs when there is one) is removed by stop()
 * unless GFMD_E2E_KEEP is set.
 */
export async function startBot({
  binary = botBinary(),
  configToml = '',
  env = {},
  logFilter = 'gfmd_bot=debug,serenity=debug,info',
  apiBase = (twin) => twin.proxyUrl,
  rejectResume = false,
  readyTimeout = 20000,
  guildLocale = null,
} = {}) {
  // On tmpfs the stand-in's SQLite commits cost no disk flush, so it keeps up better with the
  // bots (and the load figures do not depend on the disk of the day).
  const tmp = fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir()
  const dir = fs.mkdtempSync(path.join(tmp, 'gfmd-e2e-'))
  const twin = await startTwin(
    {
      guild: { id: IDS.guild, name: 'GFMD study group' },
      channels: [
        { id: IDS.questions, name: 'gfmd-questions', type: 0 },
        { id: IDS.general, name: 'general', type: 0 },
        { id: IDS.modLog, name: 'mod-log', type: 0 },
      ],
      users: [
        { id: IDS.alice, username: 'alice' },
        { id: IDS.bob, username: 'bob' },
        { id: IDS.mod, username: 'mod' },
        { id: IDS.admin, username: 'admin' },
      ],
      botUser: { id: IDS.bot, username: 'gfmd-bot' },
      botToken: TOKEN,
      dbUrl: `file:${path.join(dir, 'twin.db')}`,
    },
    { rejectResume },
  )
  if (guildLocale) twin.guildLocales.set(IDS.guild, guildLocale)
  // The stand-in gives every member all permissions unless told otherwise.
  for (const [user, permissions, roles] of [
    [IDS.alice, PLAIN_MEMBER, []],
    [IDS.bob, PLAIN_MEMBER, []],
    [IDS.mod, MODERATOR, [IDS.moderatorRole]],
    [IDS.admin, SERVER_MANAGER, []],
  ]) {
    await twin.discord.prisma.guildMember.update({
      where: { guildId_userId: { guildId: IDS.guild, userId: user } },
      data: { permissions, roles: JSON.stringify(roles) },
    })
  }

  const configPath = path.join(dir, 'config.toml')
  fs.writeFileSync(configPath, configToml)
  const stderrPath = path.join(dir, 'bot.log')
  const stdoutPath = path.join(dir, 'bot.out')
  const stderrFd = fs.openSync(stderrPath, 'w')
  const stdoutFd = fs.openSync(stdoutPath, 'w')
  const spawnedAt = now()
  const child = spawn(binary, ['run', '--config', configPath], {
    cwd: dir,
    env: {
      PATH: process.env.PATH,
      DISCORD_TOKEN: TOKEN,
      GFMD_DISCORD_API_BASE: await apiBase(twin),
      GFMD_DISCORD_GATEWAY_URL: twin.gatewayUrl,
      GFMD_LOG_FORMAT: 'json',
      RUST_LOG: logFilter,
      ...env,
    },
    stdio: ['ignore', stdoutFd, stderrFd],
  })
  fs.closeSync(stderrFd)
  fs.closeSync(stdoutFd)

  const logs = []
  let logOffset = 0
  let partial = ''
  let removed = false
  /** Reads what the bot has logged since the last call (JSON lines); returns every line so far. */
  function readLogs() {
    if (removed) return logs
    const fd = fs.openSync(stderrPath, 'r')
    try {
      const size = fs.fstatSync(fd).size
      if (size > logOffset) {
        const buffer = Buffer.alloc(size - logOffset)
        fs.readSync(fd, buffer, 0, buffer.length, logOffset)
        logOffset = size
        const lines = (partial + buffer.toString('utf8')).split('\n')
        partial = lines.pop()
        for (const line of lines) {
          if (!line.trim()) continue
          try {
            logs.push(JSON.parse(line))
          } catch {
            logs.push({ message: line })
          }
        }
      }
    } finally {
      fs.closeSync(fd)
    }
    return logs
  }
  const output = { stderr: '', stdout: '' }
  const readOutput = () => {
    if (!removed) {
      output.stderr = fs.readFileSync(stderrPath, 'utf8')
      output.stdout = fs.readFileSync(stdoutPath, 'utf8')
    }
    return output
  }

  const bot = {
    twin,
    discord: twin.discord,
    child,
    pid: child.pid,
    dir,
    configPath,
    spawnedAt,
    /** Resolves to {code, signal} when the bot exits; `exit` holds it from then on (else null). */
    exited: new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal }))),
    exit: null,
    /** Every JSON log line so far. */
    get logs() {
      return readLogs()
    },
    readLogs,
    /** Everything the bot wrote to standard error (its log) so far. */
    stderr: () => readOutput().stderr,
    /** Everything the bot wrote to standard output so far. */
    stdout: () => readOutput().stdout,
    /** Waits for a log line matching `pred`, at or after index `since`; fails at once if the bot exits. */
    waitForLog(pred, { since = 0, timeout = 10000, label = 'log line', every = 5 } = {}) {
      return waitUntil(
        () => {
          const line = readLogs().slice(since).find(pred)
          if (!line && bot.exit) throw new Error(`the bot exited (${JSON.stringify(bot.exit)}) while waiting for ${label}`)
          return line
        },
        { timeout, label, every },
      )
    },
    /** How many times the bot has logged `connected to Discord` (one per READY). */
    readyCount: () => readLogs().filter((l) => l.message === 'connected to Discord').length,
    /** Recorded REST requests the bot sent to the stand-in (method + path or RegExp). */
    requests: (method, pathOrPattern) => twin.find(method, pathOrPattern),
    /** Stops the bot (SIGTERM) and the stand-in; resolves to the bot's {code, signal}. */
    stop() {
      stopping ??= (async () => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
        const result = await bot.exited
        readLogs()
        readOutput()
        await twin.stop()
        if (!process.env.GFMD_E2E_KEEP) {
          removed = true
          fs.rmSync(dir, { recursive: true, force: true })
        }
        return result
      })()
      return stopping
    },
  }
  let stopping = null
  bot.exited.then((exit) => (bot.exit = exit))

  try {
    const ready = await bot.waitForLog((l) => l.message === 'connected to Discord', { timeout: readyTimeout, label: 'READY' })
    bot.readyLoggedAt = logTimeMs(ready)
  } catch (error) {
    await bot.stop().catch(() => {})
    error.message += `\nthe bot's log:\n${output.stderr.split('\n').slice(-20).join('\n')}`
    throw error
  }
  return bot
}

/**
 * Runs `send` (which has the stand-in send interactions) with those interactions carrying
 * `locale` (a Discord locale code such as 'fr' or 'es-ES') instead of the stand-in's en-US;
 * returns what `send` returns. Interactions sent meanwhile by other code carry it too.
 */
export async function asLocale(bot, locale, send) {
  const before = bot.twin.interactionLocale
  bot.twin.interactionLocale = locale
  try {
    return await send()
  } finally {
    bot.twin.interactionLocale = before
  }
}

/** Sends `/gfmd <subcommand>` as `user` in `channel` (with `locale` when given); returns {id, token, sentAt}. */
export async function slash(bot, { channel = IDS.general, user = IDS.alice, subcommand, options = [], locale = null }) {
  const sentAt = now()
  const run = () =>
    bot.discord.channel(channel).user(user).runSlashCommand({
      name: 'gfmd',
      options: [{ name: subcommand, type: 1, options }],
    })
  const { id, token } = locale ? await asLocale(bot, locale, run) : await run()
  return { id, token, sentAt }
}

/**
 * Runs the "Answer with GFMD FAQ" message command on `message` (as the stand-in returned it from
 * sendMessage) as `user` in `channel`; returns the interaction's id.
 */
export async function answerWithFaq(bot, { message, user, channel = IDS.general }) {
  const { id } = await bot.discord.simulateInteraction({
    type: 2,
    channelId: channel,
    userId: user,
    data: {
      id: '1200000000000007777',
      name: 'Answer with GFMD FAQ',
      type: 3,
      target_id: message.id,
      resolved: { messages: { [message.id]: message } },
    },
  })
  return id
}

/** Waits for the bot's (first) callback to interaction `id`; returns the recorded request. */
export function callbackOf(bot, id, timeout = 10000) {
  return waitUntil(
    () => bot.twin.requests.find((r) => r.method === 'POST' && r.path.startsWith(`/api/v10/interactions/${id}/`)),
    { timeout, label: `callback of interaction ${id}` },
  )
}

/** Waits for the bot's (first) message posted as a reply to message `messageId`; returns the request. */
export function replyTo(bot, messageId) {
  return waitUntil(
    () => bot.requests('POST', /\/channels\/\d+\/messages$/).find((r) => r.body?.message_reference?.message_id === messageId),
    { label: `the reply to ${messageId}` },
  )
}

/**
 * `gfmd-bot ask --json` (no Discord) on each question, one object each: question, locale,
 * decision, answer, score, suggestions. Tests use it to pick questions the bot decides a given way.
 * Run without blocking: the stand-in shares this process's event loop, and a debug build reads its
 * answers and examples for seconds, during which a blocked loop would answer no heartbeat.
 */
export async function askJson(questions) {
  const output = await new Promise((resolve, reject) => {
    const child = execFile(botBinary(), ['ask', '--json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (error, stdout) =>
      error ? reject(error) : resolve(stdout),
    )
    child.stdin.end(questions.join('\n') + '\n')
  })
  return output
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line))
}
