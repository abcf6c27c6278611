// Fault scenarios, shared by the report (tools/faults.mjs) and the CI checks (tests/faults.test.mjs).
//
// gatewayDrop: under load, the stand-in drops the bot's gateway connection; interactions are sent
// before, while in flight, while the bot is away, and after it is back (a new READY, waited for
// as a condition). Every interaction is classified by where the stand-in delivered it.
//
// restFaults: a proxy between the bot and the stand-in's REST API answers chosen requests with
// 429 (Retry-After), 500 or 502 — before forwarding, or after (the stand-in did the work; the bot
// is told it failed). Counts what the bot retried, dropped, and whether anything was answered twice.

import { launch, fireAsks, drain, summarize, troubleIn, now, LOAD_CONFIG } from './load.mjs'
import { startRestProxy } from './rest-proxy.mjs'
import { IDS, waitUntil } from './harness.mjs'

/** How the connection is dropped. */
export const DROP_MODES = {
  // Discord's "unknown error, reconnect": serenity RESUMEs; the RESUME is refused with
  // INVALID_SESSION (op 9, d:false), as Discord does for a session it cannot resume.
  'close-4000': (twin) => twin.closeGateway(4000, 'unknown error'),
  // Session timed out: serenity forgets the session and IDENTIFYs again.
  'close-4009': (twin) => twin.closeGateway(4009, 'session timed out'),
  // The TCP connection dies with no close frame (a proxy or network cut).
  cut: (twin) => {
    for (const client of [...twin.gatewayClients()]) client.ws.terminate()
  },
}

/**
 * Drops the gateway connection mid-load and sums up what happened to each interaction:
 * before (sent and answered normally), inFlight (sent just before the drop, not waited for),
 * whileDown (sent after the drop, before the bot is back), after (sent once a new READY reached
 * the bot). Returns the figures; the subject is stopped.
 */
export async function gatewayDrop({ binary, mode = 'close-4000', before = 200, inFlight = 10, whileDown = 20, after = 200, window = 1, backTimeout = 30000 }) {
  const subject = await launch({ binary, rejectResume: true })
  try {
    const readiesBefore = subject.readies.length
    const loggedBefore = subject.readyCount()
    const phases = {}
    phases.before = await fireAsks(subject, { count: before, window })
    phases.inFlight = await fireAsks(subject, { count: inFlight, open: true })
    const droppedAt = now()
    DROP_MODES[mode](subject.twin)
    phases.whileDown = await fireAsks(subject, { count: whileDown, open: true })
    // Back = a READY dispatched on a new connection and the bot's ready handler has run.
    await waitUntil(() => subject.readies.length > readiesBefore && subject.readyCount() > loggedBefore, {
      timeout: backTimeout,
      label: 'the bot back on the gateway (a new READY)',
      every: 5,
    })
    const backAt = subject.readies.at(-1).at
    phases.after = await fireAsks(subject, { count: after, window })
    await drain(subject, Object.values(phases).flat(), { timeout: 10000 })
    const alive = subject.exit === null
    const trouble = troubleIn(subject)
    const ops = subject.gatewayOps.filter((o) => o.at >= droppedAt).map((o) => o.op)
    const puts = subject.rest.filter((r) => r.method === 'PUT' && r.path.endsWith('/commands')).length
    await subject.stop()
    const result = { mode, alive, troubleLines: trouble.length, recoveryMs: backAt - droppedAt, gatewayOpsAfterDrop: ops, commandRegistrations: puts, phases: {} }
    for (const [name, sent] of Object.entries(phases)) {
      const summary = summarize(subject, sent)
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
    await subject.stop().catch(() => {})
    throw error
  }
}

/** The fault for a callback, from the interaction id (so that it does not depend on timing). */
function callbackFault(id) {
  switch (BigInt(id) % 10n) {
    case 0n:
      return { status: 429, retryAfter: 0.5 }
    case 1n:
      return { status: 500 }
    case 2n:
      return { status: 502 }
    case 3n:
      return { status: 502, after: true }
    default:
      return undefined
  }
}

/** The fault for the n-th bot reply in the questions channel. */
function messageFault(n) {
  return [{ status: 429, retryAfter: 0.5 }, { status: 500 }, { status: 502 }, { status: 502, after: true }][n % 5]
}

/**
 * Runs `count` `/gfmd ask` interactions and `messages` free-form questions through a faulty REST
 * proxy: the first attempt of ~40% of callbacks and 80% of channel replies fails (429, 500, 502,
 * or 502 after the stand-in did the work), and the first command registration gets a 429.
 * Later attempts of the same request pass.
 */
export async function restFaults({ binary, count = 300, messages = 20, window = 1 } = {}) {
  let proxy
  let subject
  let replies = 0
  const plan = ({ method, path, attempt }) => {
    if (attempt > 1) return undefined
    const callback = /^\/api\/v10\/interactions\/(\d+)\//.exec(path)
    if (method === 'POST' && callback) {
      const fault = callbackFault(callback[1])
      // The sender waits for each answer; a faulted one will not come, so stop waiting now.
      if (fault) subject?.settle(callback[1])
      return fault
    }
    if (method === 'PUT' && path.endsWith('/commands')) return { status: 429, retryAfter: 0.5 }
    if (method === 'POST' && path === `/api/v10/channels/${IDS.questions}/messages`) return messageFault(replies++)
    return undefined
  }
  subject = await launch({
    binary,
    configToml: LOAD_CONFIG,
    apiBase: async (twin) => {
      proxy = await startRestProxy({ target: twin.proxyUrl, plan })
      return proxy.url
    },
  })
  try {
    // The answer timeout stays short so that the bot's pooled connection is never idle long
    // enough for the stand-in to close it, which is a different fault (idleConnection below).
    const sent = await fireAsks(subject, { count, window, answerTimeout: 1000 })
    await drain(subject, sent, { timeout: 10000 })
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
    const handled = () => subject.readLogs().filter((l) => l.via === 'message')
    for (let i = 0; i < messages; i++) {
      const seen = handled().length
      const message = await subject.discord.channel(IDS.questions).user([IDS.alice, IDS.bob][i % 2]).sendMessage({ content: questions[i % questions.length] })
      // One at a time, so that faults line up with questions: the bot logs each question after
      // its reply was sent or failed.
      const line = await waitUntil(() => handled()[seen], { timeout: 5000, label: `the bot's handling of question ${i}` })
      asked.push({ id: message.id, answered: line.message === 'answered' })
    }
    // Let any retry the bot might make arrive: wait until the proxy has been quiet for 1.5 s
    // (longer than the 0.5 s Retry-After), polling.
    await waitUntil(() => now() - (proxy.log.at(-1)?.at ?? 0) > 1500, { timeout: 15000, label: 'the proxy quiet' })
    const alive = subject.exit === null
    const trouble = troubleIn(subject)
    const logs = subject.readLogs()
    const messagesList = await subject.discord.channel(IDS.questions).getMessages()
    await subject.stop()
    await proxy.stop()

    const summary = summarize(subject, sent)
    const byFault = {}
    for (const { id } of sent) {
      const fault = callbackFault(id)
      const name = fault ? `${fault.status}${fault.after ? ' after forwarding' : ''}` : 'none'
      const attempts = proxy.log.filter((e) => e.method === 'POST' && e.path.startsWith(`/api/v10/interactions/${id}/`))
      const accepted = (subject.callbacks.get(id) ?? []).filter((c) => c.status === 204).length
      const stats = (byFault[name] ??= { interactions: 0, attempts: 0, retried: 0, answeredByStandIn: 0, answeredTwice: 0 })
      stats.interactions++
      stats.attempts += attempts.length
      if (attempts.length > 1) stats.retried++
      if (accepted >= 1) stats.answeredByStandIn++
      if (accepted > 1) stats.answeredTwice++
    }
    const repliesTo = (id) => messagesList.filter((m) => m.author.id === IDS.bot && m.message_reference?.message_id === id).length
    const replyAttempts = proxy.find('POST', `/api/v10/channels/${IDS.questions}/messages`)
    return {
      alive,
      troubleLines: trouble.length,
      interactions: { sent: summary.sent, answered: summary.answered, lost: summary.lost, doubles: summary.doubles, repeats: summary.repeats, byFault },
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
    await subject.stop().catch(() => {})
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
  const subject = await launch({ binary })
  try {
    subject.twin.discord.server.httpServer.keepAliveTimeout = keepAliveMs
    const sent = []
    for (let i = 0; i < count; i++) {
      sent.push(...(await fireAsks(subject, { count: 1, answerTimeout: 1000 })))
      await new Promise((resolve) => setTimeout(resolve, gapMs))
    }
    await drain(subject, sent, { timeout: 3000 })
    const errors = subject.readLogs().filter((l) => l.message === 'could not answer an interaction').map((l) => l.error)
    const alive = subject.exit === null
    await subject.stop()
    const summary = summarize(subject, sent)
    return { keepAliveMs, gapMs, alive, sent: summary.sent, answered: summary.answered, lost: summary.lost, doubles: summary.doubles, errors: countBy(errors) }
  } catch (error) {
    await subject.stop().catch(() => {})
    throw error
  }
}
