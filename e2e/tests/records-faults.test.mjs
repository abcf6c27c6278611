// Records faults for CI, the cheap ones (the full report, with a read-only database, is
// `node e2e/tools/records-faults.mjs`): the database file deleted while the bot answers, and its
// disk full (a 2 MB tmpfs; skipped, saying why, where mounting is not permitted). Every question
// is answered, the fault is logged once, and recording resumes.
// Run: cd e2e && node --test tests/   (after `cargo build`; GFMD_BOT_BIN overrides the binary)

import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { botBinary } from '../lib/harness.mjs'
import { recordsFault } from '../lib/records-faults.mjs'

/** Every phase answered in full, nothing twice. */
function assertAllAnswered(result) {
  assert.ok(result.alive, 'the bot is still running')
  assert.equal(result.panics, 0, 'no panic')
  for (const [phase, figures] of Object.entries(result.phases)) {
    assert.equal(figures.answered, figures.sent, `${phase}: every question answered`)
    assert.equal(figures.doubles, 0)
  }
}

describe('the records database fails while the bot runs', () => {
  it('deleted: every question answered, one log line, a new file holds what came after', async () => {
    const result = await recordsFault({ binary: botBinary(), mode: 'deleted', count: 20 })
    assertAllAnswered(result)
    assert.equal(result.log.replaced, 1, 'the deletion is logged once')
    assert.equal(result.log.failing, 0, 'and is no outage')
    assert.deepEqual(result.rowsFromEachPhase, { before: 0, during: 20, after: 20 })
  })

  it('full disk: every question answered, logged once, everything written once there is room', async (t) => {
    const result = await recordsFault({ binary: botBinary(), mode: 'full', count: 20 })
    if (result.skipped) return t.skip(result.skipped)
    assertAllAnswered(result)
    assert.deepEqual([result.log.failing, result.log.resumed], [1, 1], 'one line when it fails, one when it works again')
    assert.deepEqual(result.log.failingFault, ['Full'], 'the fault named: a full disk')
    assert.deepEqual(result.rowsFromEachPhase, { before: 20, during: 20, after: 20 })
  })
})
