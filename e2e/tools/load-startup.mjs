#!/usr/bin/env node
// Start-up and memory figures for the build to deploy (the `dist` profile: the release build
// with link-time optimization), against discord-digital-twin on 127.0.0.1.
//
//   cargo build --profile dist --bin gfmd-bot && cargo build --release --example floor_bot
//   node e2e/tools/load-startup.mjs                       # 10 start-ups each, then 10,000 questions
//   node e2e/tools/load-startup.mjs --starts 5 --questions 2000
//   GFMD_BOT_BIN=target/release/gfmd-bot node e2e/tools/load-startup.mjs   # another build
//
// Start-up (per launch, medians over --starts launches):
//   spawn -> ready      from spawning the process to its "connected to Discord" log line (the
//                       bot's own timestamp; same clock as this process)
//   READY -> handler    from the stand-in writing READY to the bot's ready handler logging
//   READY -> 1st action from the stand-in writing READY to the bot's first REST request arriving
//                       (gfmd-bot registers /gfmd; the floor bot does nothing, so n/a)
// Memory (VmRSS from /proc/<pid>/status): idle after READY (and the command registration), then
// after --questions `/gfmd ask` interactions through the stand-in, and for `gfmd-bot ask` over
// the same number of lines on standard input (no Discord at all).

import { spawn } from 'node:child_process'
import readline from 'node:readline'
import { startForLoad, startupOf, fireAsks, drain, summarize, memoryOf, devsetQuestions, machine, troubleIn, numberOption, median, mb } from '../lib/load.mjs'
import { botBinary, floorBinary, waitUntil } from '../lib/harness.mjs'

const args = process.argv.slice(2)
const starts = numberOption('starts', 10)
const questionCount = numberOption('questions', 10000)
const window = numberOption('window', 4)

const ms = (x) => (Number.isFinite(x) ? `${x.toFixed(1)} ms` : 'n/a')

async function startups(kind) {
  const binary = kind === 'bot' ? botBinary('dist') : floorBinary('release')
  const rows = []
  for (let i = 0; i < starts; i++) {
    const bot = await startForLoad({ binary })
    if (kind === 'bot') {
      await bot.waitForLog((l) => /^registered \/gfmd/.test(l.message ?? ''), { label: 'command registration' })
    }
    rows.push({ ...startupOf(bot), ...memoryOf(bot.pid) })
    await bot.stop()
  }
  return {
    kind,
    starts,
    spawnToReadyMs: median(rows.map((r) => r.spawnToReadyLogMs)),
    readyToHandlerMs: median(rows.map((r) => r.readyDispatchToHandlerMs)),
    readyToFirstRequestMs: median(rows.map((r) => r.readyDispatchToFirstRequestMs)),
    worstReadyToFirstRequestMs: Math.max(...rows.map((r) => r.readyDispatchToFirstRequestMs ?? NaN).filter(Number.isFinite)),
    firstRequest: rows[0].firstRequest,
    idleRssKb: median(rows.map((r) => r.rssKb)),
  }
}

async function afterQuestions() {
  const bot = await startForLoad({ binary: botBinary('dist') })
  await bot.waitForLog((l) => /^registered \/gfmd/.test(l.message ?? ''), { label: 'command registration' })
  const idle = memoryOf(bot.pid)
  const checkpoints = []
  const sent = await fireAsks(bot, {
    count: questionCount,
    window,
    maxSeconds: 600,
    onSent: (index) => {
      if ((index + 1) % 2000 === 0) checkpoints.push({ after: index + 1, ...memoryOf(bot.pid) })
    },
  })
  await drain(bot, sent)
  const after = memoryOf(bot.pid)
  const trouble = troubleIn(bot).length
  await bot.stop()
  const summary = summarize(bot, sent)
  return { idle, after, checkpoints, sent: summary.sent, answered: summary.answered, lost: summary.lost, trouble }
}

/** `gfmd-bot ask --json` over `count` lines of standard input; RSS read once every answer is out. */
async function askCli(count) {
  const questions = devsetQuestions()
  const child = spawn(botBinary('dist'), ['ask', '--json'], { stdio: ['pipe', 'pipe', 'inherit'], env: { PATH: process.env.PATH } })
  let answered = 0
  readline.createInterface({ input: child.stdout }).on('line', () => answered++)
  const exited = new Promise((resolve) => child.on('exit', resolve))
  const started = performance.now()
  for (let i = 0; i < count; i++) {
    if (!child.stdin.write(questions[i % questions.length] + '\n')) await new Promise((resolve) => child.stdin.once('drain', resolve))
  }
  await waitUntil(() => answered >= count, { timeout: 120000, label: 'every answer printed' })
  const elapsedMs = performance.now() - started
  const memory = memoryOf(child.pid)
  child.stdin.end()
  await exited
  return { count, answered, elapsedMs, ...memory }
}

const report = { machine: machine() }
report.startup = { bot: await startups('bot'), floor: await startups('floor') }
report.afterQuestions = await afterQuestions()
report.askCli = await askCli(questionCount)

if (args.includes('--json')) {
  console.log(JSON.stringify(report, null, 2))
} else {
  const m = report.machine
  console.log(`machine: ${m.nproc} cores, ${m.cpu}; ${m.rustc}; node ${m.node}; stand-in ${m.twin}; load average ${m.loadavg}`)
  for (const s of Object.values(report.startup)) {
    console.log(
      `${s.kind.padEnd(5)} ${s.starts} starts (medians): spawn -> ready ${ms(s.spawnToReadyMs)}, READY -> ready handler ${ms(s.readyToHandlerMs)}, ` +
        `READY -> first action ${ms(s.readyToFirstRequestMs)} (worst ${ms(s.worstReadyToFirstRequestMs)}; ${s.firstRequest ?? 'none'}), idle RSS ${mb(s.idleRssKb)}`,
    )
  }
  const q = report.afterQuestions
  console.log(
    `gfmd-bot, ${q.sent} questions through the stand-in (${q.answered} answered, ${q.lost} lost): RSS idle ${mb(q.idle.rssKb)} -> after ${mb(q.after.rssKb)} (peak ${mb(q.after.hwmKb)}; after: anonymous ${mb(q.after.anonKb)}, file ${mb(q.after.fileKb)}); ` +
      `checkpoints ${q.checkpoints.map((c) => `${c.after}: ${mb(c.rssKb)}`).join(', ')}`,
  )
  const a = report.askCli
  console.log(`gfmd-bot ask --json, ${a.count} stdin lines: ${a.answered} answers in ${(a.elapsedMs / 1000).toFixed(2)} s, RSS ${mb(a.rssKb)} (peak ${mb(a.hwmKb)})`)
}
