// Load runs, shared by the load and fault tools (tools/load.mjs, tools/faults.mjs) and their
// short CI versions (tests/load.test.mjs, tests/faults.test.mjs): fires `/gfmd ask` interactions
// at a bot started by the harness as fast as the stand-in accepts them, and sums up answered /
// lost / double answers and latencies from what the harness recorded.
//
//   sent      = the stand-in writes INTERACTION_CREATE to a live, identified bot connection
//   answered  = the stand-in receives POST /interactions/:id/:token/callback (before handling it)
//
// Both times come from the stand-in's process (`now()` in harness.mjs).

import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import url from 'node:url'
import { IDS, DEADLINE_MS, now, startBot, waitUntil } from './harness.mjs'

const here = path.dirname(url.fileURLToPath(import.meta.url))

/** A command id for the simulated `/gfmd` (saves the stand-in a lookup per interaction). */
const GFMD_COMMAND_ID = '1200000000000007777'

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

/**
 * LOAD_CONFIG with recording as asked: `record: false` stores nothing (`[data] record = false`,
 * the run "without the database"); otherwise questions are recorded into `database`, or into
 * data/gfmd-bot.sqlite3 beside the config (the bot's own temporary folder, removed on stop).
 */
export function loadConfig({ record = true, database } = {}) {
  if (!record) return `${LOAD_CONFIG}\n[data]\nrecord = false\n`
  return database ? `${LOAD_CONFIG}\n[data]\ndatabase = "${database}"\n` : LOAD_CONFIG
}

/**
 * A database path in a fresh folder under the system's temporary directory (on disk here, not
 * tmpfs, so recording pays for real writes), and a function that removes the folder.
 */
export function freshDatabase() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gfmd-load-db-'))
  return { database: path.join(dir, 'gfmd-bot.sqlite3'), remove: () => fs.rmSync(dir, { recursive: true, force: true }) }
}

/** The word after `--name` on this tool's command line, else `fallback`. */
export function option(name, fallback) {
  const args = process.argv.slice(2)
  const at = args.indexOf(`--${name}`)
  return at >= 0 ? args[at + 1] : fallback
}

/** `option`, read as a number. */
export function numberOption(name, fallback) {
  const value = option(name, undefined)
  return value === undefined ? fallback : Number(value)
}

/** The median of the finite `values` (NaN when there is none). */
export function median(values) {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b)
  if (!sorted.length) return NaN
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/** `kb` kilobytes in megabytes, for a report. */
export const mb = (kb) => `${(kb / 1024).toFixed(1)} MB`

/** VmRSS and VmHWM of `pid`, in kB (from /proc/<pid>/status). */
export function memoryOf(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  const field = (name) => Number(status.match(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm'))?.[1])
  // RssAnon is the heap and stacks; RssFile is mostly the binary's own pages, which depend on
  // how much of the file the page cache holds (the kernel maps cached neighbours of a touched
  // page), so it drifts between runs of one binary more than the heap does.
  return { rssKb: field('VmRSS'), hwmKb: field('VmHWM'), anonKb: field('RssAnon'), fileKb: field('RssFile') }
}

/** CPU time (user + system) of `pid`, in ms (from /proc/<pid>/stat). */
export function cpuMsOf(pid) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  const ticks = Number(fields[11]) + Number(fields[12]) // utime, stime
  return (ticks * 1000) / 100 // USER_HZ is 100 on Linux
}

/**
 * Starts `binary` (gfmd-bot, or the floor bot) through the harness for a load run: the load
 * config with recording as `record` and `database` say (see loadConfig), info-level logs (debug
 * logs would slow the bot and the figures down), and any other startBot option (`apiBase`,
 * `rejectResume`, ...).
 */
export function startForLoad({ record, database, ...options } = {}) {
  return startBot({ configToml: loadConfig({ record, database }), logFilter: 'info', ...options })
}

/** Start-up figures of a started bot: spawn -> READY log line, READY dispatch -> first action. */
export function startupOf(bot) {
  const ready = bot.twin.readies[0]?.at
  const firstRest = bot.twin.requests.find((r) => r.at > ready)
  return {
    spawnToReadyLogMs: bot.readyLoggedAt - bot.spawnedAt,
    readyDispatchToHandlerMs: bot.readyLoggedAt - ready,
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
  bot,
  { count, window = 8, open = false, maxSeconds = 120, answerTimeout = 2 * DEADLINE_MS, questions = devsetQuestions(), onSent } = {},
) {
  const sent = []
  const stopAt = now() + maxSeconds * 1000
  const users = [IDS.alice, IDS.bob, IDS.mod]
  let next = 0
  const answerOf = (id) => bot.twin.deliveries.has(id) && bot.twin.waitForCallback(id, answerTimeout)
  async function sender() {
    while (next < count && now() < stopAt) {
      const index = next++
      const question = questions[index % questions.length]
      const { id } = await bot.discord.simulateSlashCommand({
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
 * Waits until every delivered interaction in `sent` has had a callback, or `timeout` ms pass.
 */
export async function drain(bot, sent, { timeout = 10000 } = {}) {
  const { deliveries, callbacks } = bot.twin
  const pending = () => sent.filter((s) => deliveries.has(s.id) && !callbacks.has(s.id)).length
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
export function summarize(bot, sent) {
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
    const deliveries = bot.twin.deliveries.get(id)
    const callbacks = bot.twin.callbacks.get(id) ?? []
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
  const times = sent.map((s) => bot.twin.deliveries.get(s.id)?.[0]?.at).filter(Boolean)
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
export function troubleIn(bot) {
  return bot.readLogs().filter((l) => l.message === 'panic' || /panicked/.test(l.message ?? ''))
}

/** ERROR log lines. */
export function errorsIn(bot) {
  return bot.readLogs().filter((l) => l.level === 'ERROR')
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

