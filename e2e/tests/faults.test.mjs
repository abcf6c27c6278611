// Short fault checks for CI (correctness only; the full report is `node e2e/tools/faults.mjs`).
//
// Gateway: the stand-in drops the bot's connection mid-load; the bot RESUMEs, is refused
// (INVALID_SESSION, as Discord answers a session it cannot resume), IDENTIFYs again, and answers
// everything sent once it is back. What is sent while it is away reaches no one (the stand-in,
// like Discord without a resume, does not replay it).
//
// REST: a proxy answers chosen callbacks and channel replies with 429 (Retry-After), 500 or 502,
// before or after the stand-in did the work. The bot stays up, sends a failed callback once more
// (within Discord's 3-second deadline), and never answers anything twice. Channel replies are not
// retried (a retry after a 5xx could post twice); see BENCHMARKS.md.
// Run: cd e2e && node --test tests/   (after `cargo build`; GFMD_BOT_BIN overrides the binary)

import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { botBinary, DEADLINE_MS } from '../lib/harness.mjs'
import { gatewayDrop, restFaults } from '../lib/faults.mjs'

describe('gateway dropped mid-load', () => {
  it('reconnects and answers everything sent after it is back, once each', async () => {
    const result = await gatewayDrop({ binary: botBinary(), mode: 'close-4000', before: 40, inFlight: 5, whileDown: 5, after: 40, window: 2 })
    const { before, inFlight, whileDown, after } = result.phases
    assert.ok(result.alive, 'the bot is still running')
    assert.equal(result.troubleLines, 0, 'no panic')
    assert.equal(whileDown.sent, 5)
    assert.equal(whileDown.delivered, 0, 'sent while the bot was away: no live session to deliver them to')
    assert.deepEqual(result.gatewayOpsAfterDrop.filter((op) => op === 6 || op === 2), [6, 2], 'RESUME refused, then IDENTIFY')
    assert.equal(after.sent, 40)
    assert.equal(after.undelivered, 0)
    assert.equal(after.answered, 40, 'everything sent after the new READY is answered')
    assert.equal(before.delivered + inFlight.delivered, 45, 'everything sent before the drop was delivered')
    assert.equal(before.lost + inFlight.lost + after.lost, 0, 'everything delivered is answered')
    for (const phase of [before, inFlight, whileDown, after]) assert.equal(phase.doubles, 0)
    assert.equal(result.commandRegistrations, 1, 'the same commands are not registered again')
  })
})

describe('REST errors', () => {
  let result
  it('never crashes and never answers twice under 429, 500 and 502', async () => {
    result = await restFaults({ binary: botBinary(), count: 40, messages: 5 })
    assert.ok(result.alive, 'the bot is still running')
    assert.equal(result.troubleLines, 0, 'no panic')
    assert.equal(result.interactions.doubles, 0, 'no interaction answered twice')
    for (const stats of Object.values(result.interactions.byFault)) assert.equal(stats.answeredTwice, 0)
    assert.equal(result.messages.repliedTwice, 0, 'no question replied to twice')
  })

  it('answers every callback that was not faulted', () => {
    const { none } = result.interactions.byFault
    assert.equal(none?.interactions, 24, '6 of every 10 callbacks are not faulted')
    assert.equal(none.answeredByStandIn, 24)
    assert.equal(none.attempts, 24, 'sent once each')
  })

  it('answers each interaction whose callback failed exactly once, after one retry, within 3 s', () => {
    const kinds = {}
    for (const { fault } of result.faulted) kinds[fault] = (kinds[fault] ?? 0) + 1
    assert.deepEqual(
      kinds,
      { 429: 4, 500: 4, 502: 4, '502 after forwarding': 4 },
      'each kind of fault hit 4 of the 40 callbacks',
    )
    for (const { id, fault, attempts, accepted, answeredAfterMs } of result.faulted) {
      const seen = `${id} (${fault}): ${JSON.stringify(attempts.map(({ status, forwardedStatus }) => ({ status, forwardedStatus })))}`
      assert.equal(attempts.length, 2, `one retry: ${seen}`)
      if (fault === '502 after forwarding') {
        // The stand-in took the first callback; the bot was told it failed, and the retry is
        // refused as a second callback (400, code 40060), as Discord does.
        assert.deepEqual(attempts.map((a) => [a.status, a.forwardedStatus]), [[502, 204], [400, undefined]], seen)
      } else {
        assert.deepEqual(attempts.map((a) => a.status), [Number(fault), 204], `the retry lands: ${seen}`)
        assert.ok(attempts[1].at > attempts[0].at, seen)
      }
      assert.equal(accepted, 1, `answered exactly once: ${seen}`)
      assert.ok(answeredAfterMs < DEADLINE_MS, `answered ${answeredAfterMs} ms after delivery: ${seen}`)
    }
  })
})
