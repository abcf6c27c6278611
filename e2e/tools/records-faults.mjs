#!/usr/bin/env node
// Records faults (see lib/records-faults.mjs): the database file deleted while the bot runs, made
// read-only, and its disk full (a 2 MB tmpfs), each under `/gfmd ask` load. Prints one JSON
// report; a scenario that cannot run here (mounting needs root) says why instead.
//
//   cargo build --release --bin gfmd-bot
//   node e2e/tools/records-faults.mjs                      # all three, 30 questions a phase
//   node e2e/tools/records-faults.mjs --only full --count 100 --profile debug
//
// Exit code 1 if a question went unanswered, the bot died or panicked, a fault was logged other
// than once (with one line when recording works again), or a question asked since the current
// file was created is missing from it.

import { recordsFault } from '../lib/records-faults.mjs'
import { machine, option } from '../lib/load.mjs'
import { botBinary } from '../lib/harness.mjs'

const binary = botBinary(option('profile', 'release'))
const count = Number(option('count', 30))
const only = option('only', null)
const report = { machine: machine(), binary, count, scenarios: [] }
let failed = false
for (const mode of ['deleted', 'read-only', 'full']) {
  if (only && only !== mode) continue
  const result = await recordsFault({ binary, mode, count })
  report.scenarios.push(result)
  if (result.skipped) continue
  const unanswered = Object.values(result.phases).reduce((n, p) => n + p.sent - p.answered, 0)
  const once = mode === 'deleted' ? result.log.replaced === 1 && result.log.failing === 0 : result.log.failing === 1 && result.log.resumed === 1
  if (!result.alive || result.panics || unanswered || !once || result.rows !== result.expectedRows) failed = true
}
console.log(JSON.stringify(report, null, 2))
process.exitCode = failed ? 1 : 0
