// Shared by the load and fault runs (tools/load.mjs, tools/faults.mjs) and their short CI versions
// (tests/load.test.mjs, tests/faults.test.mjs): starts a stand-in and a bot (gfmd-bot or the floor bot) on
// loopback, records with high-resolution times what the stand-in delivered on the gateway and
// what the bot called back, fires `/gfmd ask` interactions as fast as the stand-in accepts them,
// and sums up answered / lost / double answers and latencies.
//
// Times are wall-clock milliseconds with sub-millisecond resolution (performance.timeOrigin +
// performance.now()), so they compare with the bot's own log timestamps (same system clock).
//
//   sent      = the stand-in writes INTERACTION_CREATE to a live, identified bot connection
//   answered  = the stand-in receives POST /interactions/:id/:token/callback (before handling it)
//
// The bot's stderr goes to a file (in a temporary folder, removed at the end unless
// GFMD_E2E_KEEP is set), not through this process, so that logging one line per
// question costs the stand-in's event loop nothing (the floor bot logs nothing per question).

import { spawn, execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import url from 'node:url'
import { startTwin } from './twin.mjs'
import { IDS, TOKEN, PLAIN_MEMBER, MODERATOR, waitUntil } from './harness.mjs'

const here = path.dirname(url.fileURLToPath(import.meta.url))

/** Discord's interaction deadline. */
export const DEADLINE_MS = 3000

/** A command id for the simulated `/gfmd` (saves the stand-in a lookup per interaction). */
const GFMD_COMMAND_ID = '1200000000000007777'

/** Wall-clock ms, sub-ms resolution. */
export const now = () => performance.timeOrigin + performance.now()

/** gfmd-bot: $GFMD_BOT_BIN, else target/<profile>/gfmd-bot. */
export function gfmdBotBinary(profile = 'debug') {
  return process.env.GFMD_BOT_BIN ?? path.resolve(here, `../../target/${profile}/gfmd-bot`)
}

/** The floor bot: $GFMD_FLOOR_BIN, else target/<profile>/examples/floor_bot. */
export function floorBinary(profile = 'release') {
  return process.env.GFMD_FLOOR_BIN ?? path.resolve(here, `../../target/${profile}/examples/floor_bot`)
}

/** Questions from the dev set (in-domain and off-topic), in file order. */
export function devsetQuestions() {
  return fs
    .readFileSync(path.resolve(here, '../../tests/devset.tsv'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .map((line) => line.split('\t')[1])
    .filter(Boolean)
}

/** Config for a load run: every question answered in full (no cooldown, no per-user limit). */
export const LOAD_CONFIG = `
[discord]
guild_ids = ["${IDS.guild}"]

[questions]
channels = ["${IDS.questions}"]
cooldown_seconds = 0
user_rate_limit = 1000000
`

/** VmRSS and VmHWM of `pid`, in kB (from /proc/<pid>/status). */
export function memoryOf(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  const field = (name) => Number(status.match(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm'))?.[1])
  return { rssKb: field('VmRSS'), hwmKb: field('VmHWM') }
}

/** CPU time (user + system) of `pid`, in ms (from /proc/<pid>/stat). */
export function cpuMsOf(pid) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  const ticks = Number(fields[11]) + Number(fields[12]) // utime, stime
  return (ticks * 1000) / 100 // USER_HZ is 100 on Linux
}

/** Microsecond wall-clock time of a JSON log line (tracing's RFC 3339 `timestamp`, or `unix_micros`). */
function logTimeMs(line) {
  if (line.unix_micros) return Number(line.unix_micros) / 1000
  const m = /^(.*T\d\d:\d\d:\d\d)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)$/.exec(line.timestamp ?? '')
  if (!m) return undefined
  const fraction = Number(`0.${m[2] ?? '0'}`) * 1000
  return Date.parse(`${m[1]}${m[3]}`) + fraction
}

/**
 * Starts a stand-in and `binary` (gfmd-bot, or anything that reads the same environment and logs
 * `{"message":"connected to Discord"}` on READY), and waits for that line.
 * `apiBase(twin)` may put a proxy between the bot and the stand-in's REST API.
 * `rejectResume`: answer a RESUME (op 6) with INVALID_SESSION {op:9, d:false}, as Discord does
 * when a session cannot be resumed. (The stand-in ignores RESUME, leaving a resuming bot connected
 * but deaf; see NOTES.md §4.)
 */
export async function launch({
  binary,
  configToml = LOAD_CONFIG,
  env = {},
  apiBase = (twin) => twin.proxyUrl,
  rejectResume = false,
  readyTimeout = 20000,
} = {}) {
  // The stand-in keeps its state in SQLite; on tmpfs its commits cost no disk flush, so it keeps
  // up better with the bots (and the figures do not depend on the disk of the day).
  const tmp = fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir()
  const dir = fs.mkdtempSync(path.join(tmp, 'gfmd-load-'))
  const twin = await startTwin({
    guild: { id: IDS.guild, name: 'GFMD study group' },
    channels: [
      { id: IDS.questions, name: 'gfmd-questions', type: 0 },
      { id: IDS.general, name: 'general', type: 0 },
    ],
    users: [
      { id: IDS.alice, username: 'alice' },
      { id: IDS.bob, username: 'bob' },
      { id: IDS.mod, username: 'mod' },
    ],
    botUser: { id: IDS.bot, username: 'gfmd-bot' },
    botToken: TOKEN,
    dbUrl: `file:${path.join(dir, 'twin.db')}`,
  })
  for (const [user, permissions] of [
    [IDS.alice, PLAIN_MEMBER],
    [IDS.bob, PLAIN_MEMBER],
    [IDS.mod, MODERATOR],
  ]) {
    await twin.discord.prisma.guildMember.update({
      where: { guildId_userId: { guildId: IDS.guild, userId: user } },
      data: { permissions },
    })
  }

  const subject = {
    twin,
    discord: twin.discord,
    dir,
    binary,
    /** interaction id -> [{at, session}] deliveries to live, identified connections */
    deliveries: new Map(),
    /** interaction id -> [{at, status}] callbacks received */
    callbacks: new Map(),
    /** gateway READY dispatches: [{at, session}] */
    readies: [],
    /** ops the bot sent on the gateway: [{at, op, session}] */
    gatewayOps: [],
    /** every REST request, at arrival: [{at, method, path}] */
    rest: [],
    /** interaction id -> resolve(), for senders waiting on an answer */
    waiters: new Map(),
    /** ids whose answer came, or is known not to be coming (see settle) */
    settled: new Set(),
  }
  /** Marks interaction `id` as answered, or as not going to be (a fault), releasing its sender. */
  subject.settle = (id) => {
    subject.settled.add(id)
    subject.waiters.get(id)?.()
  }

  // Gateway: what the stand-in writes to each live connection, and what each connection sends.
  const gateway = twin.discord.server.gateway
  const originalSend = gateway.send.bind(gateway)
  gateway.send = (client, payload) => {
    if (client.ws.readyState === 1 /* OPEN */ && payload.op === 0) {
      const at = now()
      if (payload.t === 'INTERACTION_CREATE' && client.identified) {
        const list = subject.deliveries.get(payload.d.id) ?? []
        list.push({ at, session: client.sessionId })
        subject.deliveries.set(payload.d.id, list)
      } else if (payload.t === 'READY') {
        subject.readies.push({ at, session: client.sessionId })
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
      subject.gatewayOps.push({ at: now(), op, session: client?.sessionId })
      if (op === 6 && rejectResume && ws.readyState === 1) ws.send(JSON.stringify({ op: 9, d: false }))
    })
  })

  // REST: arrival time of every request, and of callbacks per interaction.
  const app = twin.discord.server.app
  const inner = app.handle
  app.handle = async (request, ctx) => {
    const at = now()
    const { pathname } = new URL(request.url)
    subject.rest.push({ at, method: request.method, path: pathname })
    const callback = /^\/api\/v10\/interactions\/(\d+)\/[^/]+\/callback$/.exec(pathname)
    const response = await inner(request, ctx)
    if (callback) {
      const list = subject.callbacks.get(callback[1]) ?? []
      list.push({ at, status: response.status })
      subject.callbacks.set(callback[1], list)
      subject.settle(callback[1])
    }
    return response
  }

  const configPath = path.join(dir, 'config.toml')
  fs.writeFileSync(configPath, configToml)
  const logPath = path.join(dir, 'bot.log')
  const logFd = fs.openSync(logPath, 'w')
  subject.spawnedAt = now()
  const child = spawn(binary, ['run', '--config', configPath], {
    cwd: dir,
    env: {
      PATH: process.env.PATH,
      DISCORD_TOKEN: TOKEN,
      GFMD_DISCORD_API_BASE: await apiBase(twin),
      GFMD_DISCORD_GATEWAY_URL: twin.gatewayUrl,
      GFMD_LOG_FORMAT: 'json',
      RUST_LOG: 'info',
      ...env,
    },
    stdio: ['ignore', 'ignore', logFd],
  })
  fs.closeSync(logFd)
  subject.child = child
  subject.pid = child.pid
  subject.exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })))
  subject.exit = null
  subject.exited.then((exit) => (subject.exit = exit))

  let logOffset = 0
  let partial = ''
  const logs = []
  subject.logs = logs
  /** Reads what the bot has logged since the last call (JSON lines). */
  subject.readLogs = () => {
    const fd = fs.openSync(logPath, 'r')
    try {
      const size = fs.fstatSync(fd).size
      if (size > logOffset) {
        const buffer = Buffer.alloc(size - logOffset)
        fs.readSync(fd, buffer, 0, buffer.length, logOffset)
        logOffset = size
        const text = partial + buffer.toString('utf8')
        const lines = text.split('\n')
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
  /** Waits for a log line matching `pred` (polling the log file). */
  subject.waitForLog = (pred, { timeout = 10000, label = 'log line', since = 0 } = {}) =>
    waitUntil(
      () => {
        if (subject.exit) throw new Error(`the bot exited (${JSON.stringify(subject.exit)}) while waiting for ${label}`)
        return subject.readLogs().slice(since).find(pred)
      },
      { timeout, label, every: 2 },
    )
  subject.readyCount = () => subject.readLogs().filter((l) => l.message === 'connected to Discord').length
  subject.stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
    const result = await subject.exited
    subject.readLogs()
    await twin.stop()
    await twin.discord.prisma?.$disconnect?.().catch(() => {})
    if (!process.env.GFMD_E2E_KEEP) fs.rmSync(dir, { recursive: true, force: true })
    return result
  }

  try {
    const readyLine = await subject.waitForLog((l) => l.message === 'connected to Discord', {
      timeout: readyTimeout,
      label: 'READY',
    })
    subject.readyLoggedAt = logTimeMs(readyLine)
  } catch (error) {
    await subject.stop().catch(() => {})
    throw error
  }
  return subject
}

/** Start-up figures of a launched subject: spawn -> READY log line, READY dispatch -> first action. */
export function startupOf(subject) {
  const ready = subject.readies[0]?.at
  const firstRest = subject.rest.find((r) => r.at > ready)
  return {
    spawnToReadyLogMs: subject.readyLoggedAt - subject.spawnedAt,
    readyDispatchToHandlerMs: subject.readyLoggedAt - ready,
    readyDispatchToFirstRequestMs: firstRest ? firstRest.at - ready : undefined,
    firstRequest: firstRest ? `${firstRest.method} ${firstRest.path}` : undefined,
  }
}

/**
 * Fires up to `count` `/gfmd ask` interactions and stops early after `maxSeconds`.
 *
 * Closed loop by default: `window` senders, each sending one interaction and waiting for its
 * answer (at most `answerTimeout` ms; an interaction the stand-in could not deliver is not waited
 * for) before sending the next, so at most `window` interactions are unanswered at any time and
 * the pace is whatever the stand-in and the bot together sustain. With `open: true` the senders
 * do not wait for answers: interactions go out as fast as the stand-in accepts them, and the
 * latency then measures the stand-in's backlog more than the bot.
 *
 * `onSent(index, id)` runs after each send (it may await, e.g. to inject a fault).
 * Returns [{index, id, question}] in send order.
 */
export async function fireAsks(
  subject,
  { count, window = 8, open = false, maxSeconds = 120, answerTimeout = 2 * DEADLINE_MS, questions = devsetQuestions(), onSent } = {},
) {
  const sent = []
  const stopAt = now() + maxSeconds * 1000
  const users = [IDS.alice, IDS.bob, IDS.mod]
  let next = 0
  const answerOf = (id) =>
    new Promise((resolve) => {
      if (subject.settled.has(id) || !subject.deliveries.has(id)) return resolve()
      const timer = setTimeout(done, answerTimeout)
      function done() {
        clearTimeout(timer)
        subject.waiters.delete(id)
        resolve()
      }
      subject.waiters.set(id, done)
    })
  async function sender() {
    while (next < count && now() < stopAt) {
      const index = next++
      const question = questions[index % questions.length]
      const { id } = await subject.discord.simulateSlashCommand({
        channelId: index % 2 ? IDS.questions : IDS.general,
        userId: users[index % users.length],
        name: 'gfmd',
        commandId: GFMD_COMMAND_ID,
        options: [{ name: 'ask', type: 1, options: [{ name: 'question', type: 3, value: question }] }],
      })
      sent.push({ index, id, question })
      if (onSent) await onSent(index, id)
      if (!open) await answerOf(id)
    }
  }
  await Promise.all(Array.from({ length: window }, sender))
  sent.sort((a, b) => a.index - b.index)
  return sent
}

/**
 * Waits until every delivered interaction in `sent` is settled (answered, or known not to be: see
 * `subject.settle`), or `timeout` ms pass.
 */
export async function drain(subject, sent, { timeout = 10000 } = {}) {
  const pending = () =>
    sent.filter((s) => subject.deliveries.has(s.id) && !subject.settled.has(s.id)).length
  try {
    await waitUntil(() => pending() === 0, { timeout, label: 'every delivered interaction answered', every: 10 })
  } catch {
    // what is still pending is counted as lost by summarize()
  }
}

/** Nearest-rank percentile of sorted numbers. */
export function percentile(sorted, p) {
  if (!sorted.length) return NaN
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]
}

/**
 * Sums up a run: sent, delivered (a live bot connection got it), undelivered (no live
 * connection: the stand-in drops it), answered (a callback accepted with 204), lost (delivered,
 * never answered), doubles (more than one callback accepted: answered twice), repeats (more than
 * one callback sent; the stand-in refuses all but the first with 400/40060, as Discord does),
 * late (answered after 3 s), latencies.
 */
export function summarize(subject, sent) {
  const latencies = []
  let delivered = 0
  let undelivered = 0
  let answered = 0
  let lost = 0
  let doubles = 0
  let repeats = 0
  let late = 0
  let rejected = 0
  const lostIds = []
  for (const { id } of sent) {
    const deliveries = subject.deliveries.get(id)
    const callbacks = subject.callbacks.get(id) ?? []
    if (callbacks.length > 1) repeats++
    if (callbacks.filter((c) => c.status === 204).length > 1) doubles++
    if (!deliveries) {
      undelivered++
      continue
    }
    delivered++
    const accepted = callbacks.find((c) => c.status === 204)
    if (!accepted) {
      if (callbacks.length) rejected++
      lost++
      lostIds.push(id)
      continue
    }
    answered++
    const latency = accepted.at - deliveries[0].at
    if (latency > DEADLINE_MS) late++
    latencies.push(latency)
  }
  latencies.sort((a, b) => a - b)
  const times = sent.map((s) => subject.deliveries.get(s.id)?.[0]?.at).filter(Boolean)
  const seconds = times.length > 1 ? (Math.max(...times) - Math.min(...times)) / 1000 : NaN
  return {
    sent: sent.length,
    delivered,
    undelivered,
    answered,
    lost,
    rejected,
    doubles,
    repeats,
    late,
    lostIds,
    sendRate: times.length / seconds,
    p50: percentile(latencies, 50),
    p90: percentile(latencies, 90),
    p99: percentile(latencies, 99),
    max: latencies.at(-1),
    latencies,
  }
}

/** Log lines that show a panic (the bot's panic hook logs `panic`; the default hook prints `panicked`). */
export function troubleIn(subject) {
  return subject.readLogs().filter((l) => l.message === 'panic' || /panicked/.test(l.message ?? ''))
}

/** ERROR log lines. */
export function errorsIn(subject) {
  return subject.readLogs().filter((l) => l.level === 'ERROR')
}

/** The machine, for BENCHMARKS.md. */
export function machine() {
  const version = (cmd, args) => {
    try {
      return execFileSync(cmd, args, { encoding: 'utf8' }).trim()
    } catch {
      return 'unknown'
    }
  }
  return {
    nproc: os.availableParallelism(),
    cpu: os.cpus()[0]?.model,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    loadavg: os.loadavg().map((x) => x.toFixed(2)).join(' '),
    rustc: version('rustc', ['-V']),
    node: process.version,
    twin: JSON.parse(fs.readFileSync(path.join(here, '../node_modules/discord-digital-twin/package.json'))).version,
  }
}

