#!/usr/bin/env node
// Load figures: `/gfmd ask` interactions through discord-digital-twin on 127.0.0.1, as fast as the
// stand-in accepts them, for gfmd-bot and for the floor (examples/floor_bot.rs: bare serenity,
// one fixed embed), and for gfmd-bot with recording switched off (`[data] record = false`), to
// see what the database costs. Each run gets a fresh stand-in and a fresh bot process; the runs
// alternate (floor, bot / bot, floor) so that drift on a shared machine hits both. Bounded in
// count and time; stops by itself.
//
//   cargo build --release --bin gfmd-bot --example floor_bot
//   node e2e/tools/load.mjs --count 1000            # 2 rounds: floor, bot, bot, floor
//   node e2e/tools/load.mjs --count 1000 --rounds 1 --window 4 --json
//   node e2e/tools/load.mjs --count 1000 --only bot,bot-nodb    # with and without the database
//
// Kinds: `floor`; `bot` (gfmd-bot recording into a fresh SQLite file under the system's temp
// directory, on disk; after the bot stops on SIGTERM, the rows are counted with `gfmd-bot
// export`); `bot-nodb` (gfmd-bot with `[data] record = false`).
// Options: --count N (per run, default 1000); --rounds N (default 2); --window N (interactions
// unanswered at a time, default 1; see fireAsks in lib/load.mjs); --open (do not wait for
// answers: send as fast as the stand-in accepts; latency then measures its backlog);
// --max-seconds N (per run, default 120); --drain-seconds N (wait for answers after the last
// send, default 10); --profile release|debug; --only KIND[,KIND…] (default floor,bot); --json.
// Exit code 1 if anything was lost, answered twice, the bot panicked, or a recording run
// stored other than one row per interaction answered.

import { startForLoad, fireAsks, drain, summarize, percentile, cpuMsOf, memoryOf, troubleIn, machine, freshDatabase } from '../lib/load.mjs'
import { botBinary, floorBinary } from '../lib/harness.mjs'
import { exportRows } from '../lib/records.mjs'

const KINDS = ['floor', 'bot', 'bot-nodb']

function options(argv) {
  const opts = { count: 1000, rounds: 2, window: 1, open: false, maxSeconds: 120, drainSeconds: 10, profile: 'release', only: null, json: false }
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i].replace(/^--/, '')
    const camel = key.replace(/-(\w)/g, (_, c) => c.toUpperCase())
    if (camel === 'json' || camel === 'open') opts[camel] = true
    else if (camel in opts) opts[camel] = typeof opts[camel] === 'number' ? Number(argv[++i]) : argv[++i]
    else throw new Error(`unknown option ${argv[i]}`)
  }
  return opts
}

/** Per-run latencies, kept out of the JSON report. */
const latenciesOf = new WeakMap()

async function oneRun(kind, opts) {
  const binary = kind === 'floor' ? floorBinary(opts.profile) : botBinary(opts.profile)
  const db = kind === 'bot' ? freshDatabase() : null
  const bot = await startForLoad({ binary, record: kind === 'bot', database: db?.database })
  const idle = memoryOf(bot.pid)
  const botCpu0 = cpuMsOf(bot.pid)
  const twinCpu0 = process.cpuUsage()
  const wall0 = performance.now()
  const sent = await fireAsks(bot, { count: opts.count, window: opts.window, open: opts.open, maxSeconds: opts.maxSeconds })
  await drain(bot, sent, { timeout: opts.drainSeconds * 1000 })
  const wallMs = performance.now() - wall0
  const twinCpu = process.cpuUsage(twinCpu0)
  const botCpuMs = cpuMsOf(bot.pid) - botCpu0
  const after = memoryOf(bot.pid)
  const trouble = troubleIn(bot)
  await bot.stop()
  // SIGTERM flushes the recorder; what is in the file now is all there will be.
  const rows = db ? exportRows({ binary, database: db.database }).length : null
  db?.remove()
  const summary = summarize(bot, sent)
  latenciesOf.set(summary, summary.latencies)
  delete summary.latencies
  return {
    summary,
    kind,
    ...summary,
    wallSeconds: wallMs / 1000,
    twinCpuShare: (twinCpu.user + twinCpu.system) / 1000 / wallMs,
    botCpuShare: botCpuMs / wallMs,
    rssIdleKb: idle.rssKb,
    rssAfterKb: after.rssKb,
    hwmKb: after.hwmKb,
    trouble: trouble.length,
    rows,
  }
}

/** All runs of one kind together: counts summed, percentiles over every latency of every run. */
function pooled(runs, kind) {
  const mine = runs.filter((r) => r.kind === kind)
  if (!mine.length) return null
  const sum = (key) => mine.reduce((total, r) => total + r[key], 0)
  const latencies = mine.flatMap((r) => latenciesOf.get(r.summary)).sort((a, b) => a - b)
  return {
    kind,
    runs: mine.length,
    sent: sum('sent'),
    answered: sum('answered'),
    lost: sum('lost'),
    undelivered: sum('undelivered'),
    doubles: sum('doubles'),
    late: sum('late'),
    p50: percentile(latencies, 50),
    p90: percentile(latencies, 90),
    p99: percentile(latencies, 99),
    max: latencies.at(-1),
    p99PerRun: mine.map((r) => r.p99),
    sendRate: sum('sendRate') / mine.length,
    rows: kind === 'bot' ? sum('rows') : null,
  }
}

const fmt = (ms) => (Number.isFinite(ms) ? `${ms.toFixed(2)} ms` : 'n/a')

async function main() {
  const opts = options(process.argv.slice(2))
  const before = machine()
  const kinds = opts.only ? opts.only.split(',') : ['floor', 'bot']
  for (const kind of kinds) if (!KINDS.includes(kind)) throw new Error(`unknown kind ${kind}: ${KINDS.join(', ')}`)
  const order = []
  for (let round = 0; round < opts.rounds; round++) order.push(...(round % 2 ? [...kinds].reverse() : kinds))
  const runs = []
  for (const kind of order) {
    const run = await oneRun(kind, opts)
    runs.push(run)
    if (!opts.json) {
      console.log(
        `${kind.padEnd(8)} sent ${run.sent} answered ${run.answered} lost ${run.lost} doubles ${run.doubles} late ${run.late} | ` +
          `p50 ${fmt(run.p50)} p90 ${fmt(run.p90)} p99 ${fmt(run.p99)} max ${fmt(run.max)} | ${run.sendRate.toFixed(0)}/s | ` +
          `CPU stand-in ${(run.twinCpuShare * 100).toFixed(0)}% bot ${(run.botCpuShare * 100).toFixed(0)}% | ` +
          `RSS ${(run.rssIdleKb / 1024).toFixed(1)} -> ${(run.rssAfterKb / 1024).toFixed(1)} MB` +
          (run.rows === null ? '' : ` | ${run.rows} rows`),
      )
    }
  }
  const floor = pooled(runs, 'floor')
  const bot = pooled(runs, 'bot')
  const noDb = pooled(runs, 'bot-nodb')
  const ratio = floor && bot ? bot.p99 / floor.p99 : null
  const p50Ratio = floor && bot ? bot.p50 / floor.p50 : null
  const dbRatio = bot && noDb ? bot.p99 / noDb.p99 : null
  for (const run of runs) delete run.summary
  const report = { machine: before, options: opts, runs, floor, bot, botNoDb: noDb, p99Ratio: ratio, p50Ratio, p99RatioDbToNoDb: dbRatio }
  if (opts.json) {
    console.log(JSON.stringify(report, null, 2))
  } else {
    const m = report.machine
    console.log(`\nmachine: ${m.nproc} cores, ${m.cpu}, ${m.memoryGb} GB; ${m.rustc}; node ${m.node}; discord-digital-twin ${m.twin}; load average before: ${m.loadavg}`)
    for (const p of [floor, bot, noDb].filter(Boolean)) {
      console.log(
        `${p.kind.padEnd(8)} ${p.runs} run(s): ${p.answered}/${p.sent} answered, ${p.lost} lost, ${p.undelivered} undelivered, ${p.doubles} doubles, ${p.late} over 3 s; ` +
          `pooled p50 ${fmt(p.p50)}, p90 ${fmt(p.p90)}, p99 ${fmt(p.p99)}, max ${fmt(p.max)}; p99 per run ${p.p99PerRun.map((x) => x.toFixed(1)).join(', ')} ms; ~${p.sendRate.toFixed(0)} interactions/s` +
          (p.rows === null ? '' : `; ${p.rows} rows for ${p.sent - p.undelivered} delivered`),
      )
    }
    if (ratio !== null) console.log(`p99 ratio gfmd-bot / floor: ${ratio.toFixed(2)} (target <= 1.10); p50 ratio ${p50Ratio.toFixed(2)}`)
    if (dbRatio !== null) console.log(`p99 ratio gfmd-bot with the database / without: ${dbRatio.toFixed(3)} (target <= 1.05)`)
  }
  const failed = runs.some((r) => r.lost || r.doubles || r.trouble || (r.rows !== null && r.rows !== r.delivered))
  process.exitCode = failed ? 1 : 0
}

main().catch((error) => {
  console.error(error)
  process.exitCode = 2
})
