// Short load check for CI (correctness only; the figures come from `node e2e/tools/load.mjs`): a burst
// of `/gfmd ask` interactions, hostile ones among them, through the stand-in. Every one is
// answered exactly once within Discord's 3-second deadline, nothing panics, no answer can ping
// anyone, and the database holds exactly one row per interaction once the bot has stopped.
// Run: cd e2e && node --test tests/   (after `cargo build`; GFMD_BOT_BIN overrides the binary)

import { describe, it, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { IDS, DEADLINE_MS } from '../lib/harness.mjs'
import { startForLoad, fireAsks, drain, summarize, troubleIn, devsetQuestions, freshDatabase } from '../lib/load.mjs'
import { exportRows } from '../lib/records.mjs'

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
  let alive
  let trouble
  let rows
  const db = freshDatabase()

  before(async () => {
    bot = await startForLoad({ database: db.database })
    const questions = devsetQuestions().flatMap((question, i) => (i % 10 === 0 ? [HOSTILE[(i / 10) % HOSTILE.length], question] : [question]))
    sent = await fireAsks(bot, { count: 200, window: 4, questions })
    await drain(bot, sent)
    summary = summarize(bot, sent)
    alive = bot.exit === null
    trouble = troubleIn(bot)
    await bot.stop() // SIGTERM: the recorder writes what is queued before the bot exits
    rows = exportRows({ database: db.database })
  })

  after(async () => {
    await bot?.stop()
    db.remove()
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
    assert.ok(alive, 'still running after the burst')
    assert.deepEqual(trouble, [])
  })

  it('records exactly one row per interaction, each as it was asked', () => {
    assert.equal(rows.length, 200)
    assert.deepEqual(new Set(rows.map((r) => r.kind)), new Set(['slash-ask']))
    const asked = sent.map((s) => s.question.slice(0, 1000)).sort()
    assert.deepEqual(rows.map((r) => r.text).sort(), asked)
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
