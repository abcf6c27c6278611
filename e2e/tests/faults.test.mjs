// Short fault checks for CI (correctness only; the full report is `node e2e/tools/faults.mjs`).
//
// Gateway: the stand-in drops the bot's connection mid-load; the bot RESUMEs, is refused
// (INVALID_SESSION, as Discord answers a session it cannot resume), IDENTIFYs again, and answers
// everything sent once it is back. What the stand-in could not deliver while it was away is lost
// (the stand-in, like Discord without a resume, does not replay it); it is counted, not asserted.
//
// REST: a proxy answers chosen callbacks and channel replies with 429 (Retry-After), 500 or 502,
// before or after the stand-in did the work. The bot stays up and never answers anything twice.
// (It does not retry either; see BENCHMARKS.md.)
// Run: cd e2e && node --test tests/   (after `cargo build`; GFMD_BOT_BIN overrides the binary)

import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { botBinary } from '../lib/harness.mjs'
import { gatewayDrop, restFaults } from '../lib/faults.mjs'

describe('gateway dropped mid-load', () => {
  it('reconnects and answers everything sent after it is back, once each', async () => {
    const result = await gatewayDrop({ binary: botBinary(), mode: 'close-4000', before: 40, inFlight: 5, whileDown: 5, after: 40, window: 2 })
    const { before, inFlight, whileDown, after } = result.phases
    assert.ok(result.alive, 'the bot is still running')
    assert.equal(result.troubleLines, 0, 'no panic')
    assert.deepEqual(result.gatewayOpsAfterDrop.filter((op) => op === 6 || op === 2), [6, 2], 'RESUME refused, then IDENTIFY')
    assert.equal(after.sent, 40)
    assert.equal(after.undelivered, 0)
    assert.equal(after.answered, 40, 'everything sent after the new READY is answered')
    assert.equal(before.lost + inFlight.lost + after.lost, 0, 'everything delivered is answered')
    for (const phase of [before, inFlight, whileDown, after]) assert.equal(phase.doubles, 0)
    assert.equal(whileDown.delivered + whileDown.undelivered, whileDown.sent)
    assert.equal(result.commandRegistrations, 1, 'the same commands are not registered again')
  })
})

describe('REST errors', () => {
  it('never crashes and never answers twice under 429, 500 and 502', async () => {
    const result = await restFaults({ binary: botBinary(), count: 40, messages: 5 })
    assert.ok(result.alive, 'the bot is still running')
    assert.equal(result.troubleLines, 0, 'no panic')
    assert.equal(result.interactions.doubles, 0, 'no interaction answered twice')
    for (const stats of Object.values(result.interactions.byFault)) assert.equal(stats.answeredTwice, 0)
    assert.equal(result.interactions.byFault.none?.answeredByStandIn, result.interactions.byFault.none?.interactions, 'unfaulted callbacks all land')
    assert.equal(result.messages.repliedTwice, 0, 'no question replied to twice')
  })
})
