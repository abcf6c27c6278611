#!/usr/bin/env node
// Memory across reloads, for the build to deploy (the `dist` profile), against
// discord-digital-twin on 127.0.0.1. Every reload builds the answers and the three languages'
// matchers anew (their dev-set examples included) and swaps them in; the set they replace is
// freed once no question holds it. This checks that a server whose moderators edit the answers
// all day does not grow with each edit.
//
//   cargo build --profile dist --bin gfmd-bot
//   node e2e/tools/load-reload.mjs                          # 2,000 questions, 100 reloads, 2,000 questions
//   node e2e/tools/load-reload.mjs --reloads 20 --questions 500 --every 5
//   GFMD_BOT_BIN=target/release/gfmd-bot node e2e/tools/load-reload.mjs   # another build
//   node e2e/tools/load-reload.mjs --new-answer             # each reload adds or removes an answer
//
// The bot answers from a copy of responses/ (a reload needs a folder to read). Each reload is
// `/gfmd-admin reload` run by the test guild's server manager, waited for until the bot edits
// its deferred reply ("N answers loaded, 0 changed"), so that reloads never overlap. With
// --new-answer, a moderator's answer (one no dev-set label names) is written into the copy
// before every odd reload and deleted before every even one, so that each reload adds or
// removes an answer ("1 changed"; the file watcher is off so that only the command reloads). Memory is
// VmRSS (and its anonymous part) from /proc/<pid>/status after the first questions, every
// --every reloads, and after the second questions; VmHWM is the peak.

import fs from 'node:fs'
import path from 'node:path'
import { startForLoad, fireAsks, drain, summarize, memoryOf, machine, troubleIn, LOAD_CONFIG, numberOption, median, mb } from '../lib/load.mjs'
import { botBinary, copyResponses, waitUntil, IDS } from '../lib/harness.mjs'

const args = process.argv.slice(2)
const reloads = numberOption('reloads', 100)
const questionCount = numberOption('questions', 2000)
const every = numberOption('every', 10)
const settleSeconds = numberOption('settle', 15)
const newAnswer = args.includes('--new-answer')

/** The moderator's answer that --new-answer adds and removes; its id sorts among the shipped. */
const MODERATORS_ANSWER = `id = "meeting-rooms"
title = "Where the meetings are held"
questions = ["Which rooms are the meetings held in?"]
description = "The note does not say."
source = "GFMD background note"
`

/** Runs `/gfmd-admin reload` as the server manager; resolves with the edited reply's text. */
async function reload(bot) {
  const { id } = await bot.discord.channel(IDS.general).user(IDS.admin).runSlashCommand({
    name: 'gfmd-admin',
    options: [{ name: 'reload', type: 1, options: [] }],
  })
  const edit = await waitUntil(
    () => bot.requests('PATCH', /\/messages\/(@|%40)original$/).find((r) => r.path.includes(`interaction-token-${id}`)),
    { timeout: 30000, label: `the reply to reload ${id}` },
  )
  return edit.body.content
}

/** `count` `/gfmd ask` questions through the stand-in, four at a time; how many were lost. */
async function ask(bot, count) {
  const sent = await fireAsks(bot, { count, window: 4, maxSeconds: 600 })
  await drain(bot, sent)
  const summary = summarize(bot, sent)
  return { sent: summary.sent, answered: summary.answered, lost: summary.lost }
}

const responses = copyResponses('gfmd-reload-responses-')
const bot = await startForLoad({
  binary: botBinary('dist'),
  configToml: `responses_dir = "${responses}"\n${LOAD_CONFIG}${newAnswer ? '\n[moderation]\nwatch = false\n' : ''}`,
})
let report
try {
  await bot.waitForLog((l) => /^registered \/gfmd/.test(l.message ?? ''), { label: 'command registration' })
  const idle = memoryOf(bot.pid)
  const first = await ask(bot, questionCount)
  const afterFirst = memoryOf(bot.pid)
  const checkpoints = []
  const reloadMs = []
  const moderatorsFile = path.join(responses, 'meeting-rooms.toml')
  const expected = newAnswer ? /^\d+ answers loaded, 1 changed$/ : /^\d+ answers loaded, 0 changed$/
  for (let i = 1; i <= reloads; i++) {
    if (newAnswer && i % 2 === 1) fs.writeFileSync(moderatorsFile, MODERATORS_ANSWER)
    if (newAnswer && i % 2 === 0) fs.rmSync(moderatorsFile)
    const started = performance.now()
    const reply = await reload(bot)
    reloadMs.push(performance.now() - started)
    if (!expected.test(reply)) throw new Error(`reload ${i} replied ${JSON.stringify(reply)}`)
    if (i % every === 0 || i === reloads) checkpoints.push({ after: i, ...memoryOf(bot.pid) })
  }
  // Freed memory goes back to the system with a delay (jemalloc's decay): read it again after
  // the bot has been idle a while, as a server is between edits.
  await new Promise((resolve) => setTimeout(resolve, settleSeconds * 1000))
  const settled = memoryOf(bot.pid)
  const second = await ask(bot, questionCount)
  const afterSecond = memoryOf(bot.pid)
  report = {
    machine: machine(),
    binary: botBinary('dist'),
    idle,
    first,
    afterFirst,
    reloads,
    newAnswer,
    reloadMedianMs: median(reloadMs),
    reloadWorstMs: Math.max(...reloadMs),
    checkpoints,
    settleSeconds,
    settled,
    second,
    afterSecond,
    trouble: troubleIn(bot).length,
  }
} finally {
  await bot.stop()
  fs.rmSync(responses, { recursive: true, force: true })
}

if (args.includes('--json')) {
  console.log(JSON.stringify(report, null, 2))
} else {
  const m = report.machine
  const rss = (x) => `${mb(x.rssKb)} (anonymous ${mb(x.anonKb)})`
  console.log(`machine: ${m.nproc} cores, ${m.cpu}; ${m.rustc}; node ${m.node}; stand-in ${m.twin}; load average ${m.loadavg}`)
  console.log(`binary: ${report.binary}`)
  console.log(`RSS idle after READY: ${rss(report.idle)}`)
  console.log(`after ${report.first.sent} questions (${report.first.lost} lost): ${rss(report.afterFirst)}`)
  console.log(
    `${report.reloads} reloads${report.newAnswer ? ' (each adding or removing an answer)' : ''}, each ${report.reloadMedianMs.toFixed(0)} ms from the command to the reply (median; worst ${report.reloadWorstMs.toFixed(0)} ms):`,
  )
  for (const c of report.checkpoints) console.log(`  after ${String(c.after).padStart(4)}: ${rss(c)}`)
  console.log(`then idle for ${report.settleSeconds} s: ${rss(report.settled)}`)
  console.log(`after ${report.second.sent} more questions (${report.second.lost} lost): ${rss(report.afterSecond)}; peak ${mb(report.afterSecond.hwmKb)}`)
  console.log(`warnings and errors logged: ${report.trouble}`)
}
