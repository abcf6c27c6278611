#!/usr/bin/env node
// Fault figures (see lib/faults.mjs): the gateway connection dropped mid-load three ways, and REST
// errors (429 with Retry-After, 500, 502) injected by a loopback proxy. Prints one JSON report.
//
//   cargo build --release --bin gfmd-bot
//   node e2e/tools/faults.mjs                      # all scenarios, release build
//   node e2e/tools/faults.mjs --only gateway --profile debug     (gateway | rest | idle)
//   node e2e/tools/faults.mjs --only idle --keep-alive-ms 5000 --gap-ms 6000 --idle-count 6
//
// Exit code 1 if the bot died, panicked, answered anything twice, lost an interaction delivered
// after it was back on the gateway, or left an interaction unanswered under REST errors (it
// retries a failed callback once).

import { gatewayDrop, restFaults, idleConnection, DROP_MODES } from '../lib/faults.mjs'
import { machine, option } from '../lib/load.mjs'
import { botBinary } from '../lib/harness.mjs'

const profile = option('profile', 'release')
const only = option('only', null)
const binary = botBinary(profile)

const report = { machine: machine(), binary, gateway: {}, rest: null, idle: null }
let failed = false
if (!only || only === 'gateway') {
  for (const mode of Object.keys(DROP_MODES)) {
    const result = await gatewayDrop({ binary, mode, before: 200, inFlight: 10, whileDown: 20, after: 200 })
    report.gateway[mode] = result
    const after = result.phases.after
    const doubles = Object.values(result.phases).reduce((n, p) => n + p.doubles, 0)
    if (!result.alive || result.troubleLines || doubles || after.lost || after.undelivered) failed = true
  }
}
if (!only || only === 'rest') {
  const { faulted, ...result } = await restFaults({ binary, count: 300, messages: 20 })
  report.rest = result // per-interaction attempts left out; byFault sums them up
  const unanswered = result.interactions.sent - result.interactions.answered
  if (!result.alive || result.troubleLines || result.interactions.doubles || unanswered || result.messages.repliedTwice) failed = true
}
if (!only || only === 'idle') {
  // Reported, not judged: see BENCHMARKS.md.
  const keepAliveMs = Number(option('keep-alive-ms', 1000))
  report.idle = await idleConnection({
    binary,
    count: Number(option('idle-count', 10)),
    keepAliveMs,
    gapMs: Number(option('gap-ms', keepAliveMs + 1000)),
  })
}
console.log(JSON.stringify(report, null, 2))
process.exitCode = failed ? 1 : 0
