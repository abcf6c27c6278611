// Short load check for CI (correctness only; the figures come from `node e2e/tools/load.mjs`): a burst
// of `/gfmd ask` interactions, hostile ones among them, through the stand-in. Every one is
// answered exactly once within Discord's 3-second deadline, nothing panics, and no answer can
// ping anyone.
// Run: cd e2e && node --test tests/   (after `cargo build`; GFMD_BOT_BIN overrides the binary)

import { describe, it, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { IDS, DEADLINE_MS } from '../lib/harness.mjs'
import { startForLoad, fireAsks, drain, summarize, troubleIn, devsetQuestions } from '../lib/load.mjs'

const HOSTILE = [
  '@everyone what is the gfmd?',
  `<@${IDS.bob}> <@&${IDS.guild}> @here who proposed the gfmd`,
  'x'.repeat(1000),
  'مرحبا ما هو المنتدى العالمي للهجرة والتنمية؟ \u202Egfmd\u202C',
  'what\u200B is\u200D the\u2060 gfmd\uFEFF',
  '**bold** __under__ ||spoiler|| `code` ```block``` > quote [link](https://example.org)',
  'Z\u0351\u0357\u0344\u0300\u0327\u0489algo 👨\u200D👩\u200D👧 🇺🇳 objectives',
  '</gfmd ask:1> <t:0:R> <#1> @\u200Beveryone ＠everyone',
]

describe('under load (short)', () => {
  let bot
  let sent
  let summary

  before(async () => {
    bot = await startForLoad()
    const questions = devsetQuestions().flatMap((question, i) => (i % 10 === 0 ? [HOSTILE[(i / 10) % HOSTILE.length], question] : [question]))
    sent = await fireAsks(bot, { count: 200, window: 4, questions })
    await drain(bot, sent)
    summary = summarize(bot, sent)
  })

  after(async () => {
    await bot?.stop()
  })

  it('answers every interaction, none lost', () => {
    assert.equal(summary.sent, 200)
    assert.equal(summary.undelivered, 0)
    assert.equal(summary.lost, 0, `lost: ${summary.lostIds.join(', ')}`)
    assert.equal(summary.answered, 200)
  })

  it('answers each interaction once', () => {
    assert.equal(summary.doubles, 0, 'answered twice')
    assert.equal(summary.repeats, 0, 'a second callback sent')
  })

  it('answers within Discord\'s 3-second deadline', () => {
    assert.equal(summary.late, 0, `slowest ${summary.max} ms`)
    assert.ok(summary.max < DEADLINE_MS)
  })

  it('never panics', () => {
    assert.equal(bot.exit, null, 'still running')
    assert.deepEqual(troubleIn(bot), [])
  })

  it('pings nobody, whatever was asked', () => {
    const ids = new Set(sent.map((s) => s.id))
    const callbacks = bot.twin.requests.filter((r) => r.method === 'POST' && ids.has(r.path.split('/')[4]))
    assert.equal(callbacks.length, 200)
    for (const { body } of callbacks) {
      assert.deepEqual(body.data.allowed_mentions.parse, [])
      assert.deepEqual(body.data.allowed_mentions.users ?? [], [])
      assert.deepEqual(body.data.allowed_mentions.roles ?? [], [])
      assert.ok(!/@everyone|@here|<@/.test(body.data.content ?? ''), body.data.content)
    }
  })
})
