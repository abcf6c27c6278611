// Fault scenarios, shared by the report (tools/faults.mjs) and the CI checks (tests/faults.test.mjs).
//
// gatewayDrop: under load, the stand-in drops the bot's gateway connection; interactions are sent
// before, while in flight, while the bot is away, and after it is back (a new READY, waited for
// as a condition). Every interaction is classified by where the stand-in delivered it.
//
// restFaults: a proxy between the bot and the stand-in's REST API answers chosen requests with
// 429 (Retry-After), 500 or 502 — before forwarding, or after (the stand-in did the work; the bot
// is told it failed). Records, per interaction, every attempt at its callback (the bot retries a
// failed one once), and whether anything was answered twice.

import { startForLoad, fireAsks, drain, summarize, troubleIn } from './load.mjs'
import { startRestProxy } from './rest-proxy.mjs'
import { IDS, DEADLINE_MS, now, waitUntil } from './harness.mjs'

/** How the connection is dropped. */
export const DROP_MODES = {
  // Discord's "unknown error, reconnect": serenity RESUMEs; the RESUME is refused with
  // INVALID_SESSION (op 9, d:false), as Discord does for a session it cannot resume.
  'close-4000': (twin) => twin.closeGateway(4000, 'unknown error'),
  // Session timed out: serenity forgets the session and IDENTIFYs again.
  'close-4009': (twin) => twin.closeGateway(4009, 'session timed out'),
  // The TCP connection dies with no close frame (a proxy or network cut).
  cut: (twin) => twin.cutGateway(),
}

/**
 * Drops the gateway connection mid-load and sums up what happened to each interaction:
 * before (sent and answered normally), inFlight (sent just before the drop, not waited for),
 * whileDown (sent after the drop, before the bot is back), after (sent once a new READY reached
 * the bot). Returns the figures; the bot is stopped.
 */
export async function gatewayDrop({ binary, mode = 'close-4000', before = 200, inFlight = 10, whileDown = 20, after = 200, window = 1, backTimeout = 30000 }) {
  const bot = await startForLoad({ binary, rejectResume: true })
  try {
    const readiesBefore = bot.twin.readies.length
    const loggedBefore = bot.readyCount()
    const phases = {}
    phases.before = await fireAsks(bot, { count: before, window })
    phases.inFlight = await fireAsks(bot, { count: inFlight, open: true })
    const droppedAt = now()
    DROP_MODES[mode](bot.twin)
    phases.whileDown = await fireAsks(bot, { count: whileDown, open: true })
    // Back = a READY dispatched on a new connection and the bot's ready handler has run.
    await waitUntil(() => bot.twin.readies.length > readiesBefore && bot.readyCount() > loggedBefore, {
      timeout: backTimeout,
      label: 'the bot back on the gateway (a new READY)',
      every: 5,
    })
    const backAt = bot.twin.readies.at(-1).at
    phases.after = await fireAsks(bot, { count: after, window })
    await drain(bot, Object.values(phases).flat(), { timeout: 10000 })
    const alive = bot.exit === null
    const trouble = troubleIn(bot)
    const ops = bot.twin.gatewayOps.filter((o) => o.at >= droppedAt).map((o) => o.op)
    const puts = bot.twin.requests.filter((r) => r.method === 'PUT' && r.path.endsWith('/commands')).length
    await bot.stop()
    const result = { mode, alive, troubleLines: trouble.length, recoveryMs: backAt - droppedAt, gatewayOpsAfterDrop: ops, commandRegistrations: puts, phases: {} }
    for (const [name, sent] of Object.entries(phases)) {
      const summary = summarize(bot, sent)
      result.phases[name] = {
        sent: summary.sent,
        delivered: summary.delivered,
        undelivered: summary.undelivered,
        answered: summary.answered,
        lost: summary.lost,
        doubles: summary.doubles,
        repeats: summary.repeats,
        late: summary.late,
        p99: summary.p99,
      }
    }
    return result
  } catch (error) {
    await bot.stop().catch(() => {})
    throw error
  }
}

/**
 * The fault the first attempt of the n-th callback gets, in turn: of every 10 callbacks, one 429
 * (Retry-After 0.5 s), one 500, one 502, one 502 after the stand-in did the work, and six none.
 */
const CALLBACK_FAULTS = [{ status: 429, retryAfter: 0.5 }, { status: 500 }, { status: 502 }, { status: 502, after: true }, ...Array(6).fill(undefined)]

/** The name of a fault in the report: none, 429, 500, 502, 502 after forwarding. */
export function faultName(fault) {
  return fault ? `${fault.status}${fault.after ? ' after forwarding' : ''}` : 'none'
}

/** The fault for the n-th bot reply in the questions channel. */
function messageFault(n) {
  return [{ status: 429, retryAfter: 0.5 }, { status: 500 }, { status: 502 }, { status: 502, after: true }][n % 5]
}

/**
 * Runs `count` `/gfmd ask` interactions and `messages` free-form questions through a faulty REST
 * proxy: the first attempt of 40% of callbacks (see CALLBACK_FAULTS) and of 80% of channel
 * replies fails (429, 500, 502, or 502 after the stand-in did the work), and the first command
 * registration gets a 429. Later attempts of the same request pass.
 *
 * Returns, besides the counts, `faulted`: for each interaction whose first callback was faulted,
 * every attempt the proxy saw ({at, status, forwardedStatus}: `status` is what the bot got,
 * `forwardedStatus` what the stand-in answered when the request reached it), how many callbacks
 * the stand-in accepted, and when the accepted one arrived after the delivery.
 */
export async function restFaults({ binary, count = 300, messages = 20, window = 1 } = {}) {
  let proxy
  let callbacks = 0
  let replies = 0
  /** interaction id -> the fault its first callback got (undefined: none) */
  const faultOf = new Map()
  const plan = ({ method, path, attempt }) => {
    if (attempt > 1) return undefined
    const callback = /^\/api\/v10\/interactions\/(\d+)\//.exec(path)
    if (method === 'POST' && callback) {
      const fault = CALLBACK_FAULTS[callbacks++ % CALLBACK_FAULTS.length]
      faultOf.set(callback[1], fault)
      return fault
    }
    if (method === 'PUT' && path.endsWith('/commands')) return { status: 429, retryAfter: 0.5 }
    if (method === 'POST' && path === `/api/v10/channels/${IDS.questions}/messages`) return messageFault(replies++)
    return undefined
  }
  const bot = await startForLoad({
    binary,
    apiBase: async (twin) => {
      proxy = await startRestProxy({ target: twin.proxyUrl, plan })
      return proxy.url
    },
  })
  try {
    // The answer timeout stays short so that the bot's pooled connection is never idle long
    // enough for the stand-in to close it, which is a different fault (idleConnection below).
    const sent = await fireAsks(bot, { count, window, answerTimeout: 1000 })
    await drain(bot, sent, { timeout: 10000 })
    // Free-form questions in the questions channel (each a different confident question, so the
    // cooldown does not turn repeats into reactions).
    const questions = [
      'what is the gfmd',
      'when was the first gfmd meeting',
      'what are the objectives of the gfmd',
      'who proposed the gfmd',
      'is the gfmd binding',
      'what was the high-level dialogue of 2006',
      'what is the gcim',
      'what did cairo 1994 say about migration',
      'who takes part in the gfmd',
      'what is chapter x of the cairo programme',
    ]
    const asked = []
    const handled = () => bot.readLogs().filter((l) => l.via === 'message')
    for (let i = 0; i < messages; i++) {
      const seen = handled().length
      const message = await bot.discord.channel(IDS.questions).user([IDS.alice, IDS.bob][i % 2]).sendMessage({ content: questions[i % questions.length] })
      // One at a time, so that faults line up with questions: the bot logs each question after
      // its reply was sent or failed.
      const line = await waitUntil(() => handled()[seen], { timeout: 5000, label: `the bot's handling of question ${i}` })
      asked.push({ id: message.id, answered: line.message === 'answered' })
    }
    // Let every retry arrive: wait until the proxy has been quiet for 1.5 s (longer than the bot
    // waits after a 429), polling.
    await waitUntil(() => now() - (proxy.log.at(-1)?.at ?? 0) > 1500, { timeout: 15000, label: 'the proxy quiet' })
    const alive = bot.exit === null
    const trouble = troubleIn(bot)
    const logs = bot.readLogs()
    const messagesList = await bot.discord.channel(IDS.questions).getMessages()
    await bot.stop()
    await proxy.stop()

    const summary = summarize(bot, sent)
    const byFault = {}
    const faulted = []
    for (const { id } of sent) {
      const fault = faultOf.get(id)
      const attempts = proxy
        .find('POST', new RegExp(`^/api/v10/interactions/${id}/`))
        .map(({ at, status, forwardedStatus }) => ({ at, status, forwardedStatus }))
      const accepted = (bot.twin.callbacks.get(id) ?? []).filter((c) => c.status === 204)
      const deliveredAt = bot.twin.deliveries.get(id)?.[0]?.at
      const answeredAfterMs = accepted.length && deliveredAt !== undefined ? accepted[0].at - deliveredAt : null
      const stats = (byFault[faultName(fault)] ??= { interactions: 0, attempts: 0, retried: 0, answeredByStandIn: 0, answeredTwice: 0, late: 0 })
      stats.interactions++
      stats.attempts += attempts.length
      if (attempts.length > 1) stats.retried++
      if (accepted.length >= 1) stats.answeredByStandIn++
      if (accepted.length > 1) stats.answeredTwice++
      if (answeredAfterMs > DEADLINE_MS) stats.late++
      if (fault) faulted.push({ id, fault: faultName(fault), attempts, accepted: accepted.length, answeredAfterMs })
    }
    const repliesTo = (id) => messagesList.filter((m) => m.author.id === IDS.bot && m.message_reference?.message_id === id).length
    const replyAttempts = proxy.find('POST', `/api/v10/channels/${IDS.questions}/messages`)
    return {
      alive,
      troubleLines: trouble.length,
      interactions: { sent: summary.sent, answered: summary.answered, lost: summary.lost, doubles: summary.doubles, repeats: summary.repeats, byFault },
      faulted,
      registration: {
        attempts: proxy.find('PUT', /\/commands$/).length,
        logged: logs.filter((l) => /register/.test(l.message ?? '')).map((l) => `${l.level}: ${l.message}${l.error ? ` (${l.error})` : ''}`),
      },
      messages: {
        asked: asked.length,
        replyAttempts: replyAttempts.length,
        faulted: replyAttempts.filter((e) => e.fault).length,
        confident: asked.filter((m) => m.answered).length,
        repliedOnce: asked.filter((m) => repliesTo(m.id) === 1).length,
        repliedTwice: asked.filter((m) => repliesTo(m.id) > 1).length,
        confidentButNoReply: asked.filter((m) => m.answered && repliesTo(m.id) === 0).length,
      },
      warnings: countBy(logs.filter((l) => l.level === 'WARN').map((l) => l.message)),
    }
  } catch (error) {
    await bot.stop().catch(() => {})
    await proxy?.stop().catch(() => {})
    throw error
  }
}

function countBy(values) {
  const out = {}
  for (const v of values) out[v] = (out[v] ?? 0) + 1
  return out
}

/**
 * A pooled HTTP connection closed by the server just as the bot reuses it. The stand-in (Node 20's
 * HTTP server) closes a keep-alive connection about 1 s after its `keepAliveTimeout` (default 5 s;
 * shortened here so the run is quick). The bot answers `count` interactions, each after an idle
 * gap of about that length, so its next request races the close. The gap is the fault being
 * injected, not a way to wait for something.
 */
export async function idleConnection({ binary, count = 10, keepAliveMs = 1000, gapMs = keepAliveMs + 1000 } = {}) {
  const bot = await startForLoad({ binary })
  try {
    bot.twin.discord.server.httpServer.keepAliveTimeout = keepAliveMs
    const sent = []
    for (let i = 0; i < count; i++) {
      sent.push(...(await fireAsks(bot, { count: 1, answerTimeout: 1000 })))
      await new Promise((resolve) => setTimeout(resolve, gapMs))
    }
    await drain(bot, sent, { timeout: 3000 })
    const errors = bot.readLogs().filter((l) => l.message === 'could not answer an interaction').map((l) => l.error)
    const alive = bot.exit === null
    await bot.stop()
    const summary = summarize(bot, sent)
    return { keepAliveMs, gapMs, alive, sent: summary.sent, answered: summary.answered, lost: summary.lost, doubles: summary.doubles, errors: countBy(errors) }
  } catch (error) {
    await bot.stop().catch(() => {})
    throw error
  }
}
