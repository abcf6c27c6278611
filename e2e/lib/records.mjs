// Reading what the bot recorded, through its own offline commands (which read the database
// beside the running bot: WAL readers never block its writer): `gfmd-bot export` (one JSON
// line per question) and `gfmd-bot stats --json`. Question ids are 19-digit numbers, beyond
// what a JavaScript number holds exactly, so they are read as strings.

import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { botBinary, waitUntil } from './harness.mjs'

/**
 * Runs `gfmd-bot <args>` against the database that `configPath` names, or against `database`
 * (through GFMD_DATABASE, from a folder with no config file).
 */
function offline(args, { binary = botBinary(), configPath, database }) {
  if (configPath) return execFileSync(binary, [...args, '--config', configPath], { encoding: 'utf8' })
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'gfmd-records-'))
  try {
    return execFileSync(binary, args, { encoding: 'utf8', cwd, env: { PATH: process.env.PATH, GFMD_DATABASE: database } })
  } finally {
    fs.rmSync(cwd, { recursive: true, force: true })
  }
}

/** Every stored question (`gfmd-bot export`), ids as strings. */
export function exportRows(where) {
  return offline(['export'], where)
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line.replace(/^\{"id":(\d+)/, '{"id":"$1"')))
}

/** `gfmd-bot stats --json --days N`. */
export function statsJson(where, days = 1) {
  return JSON.parse(offline(['stats', '--json', '--days', String(days)], where))
}

/** `gfmd-bot inbox --json --days N` (every group). */
export function inboxJson(where, days = 1) {
  return JSON.parse(offline(['inbox', '--json', '--days', String(days)], where))
}

/** Polls the export until `check(rows)` is truthy (the writer stores within milliseconds). */
export function waitForRows(where, check, { timeout = 10000, label = 'the records' } = {}) {
  return waitUntil(
    () => {
      let rows
      try {
        rows = exportRows(where)
      } catch {
        return false // no database yet
      }
      return check(rows) && rows
    },
    { timeout, label, every: 100 },
  )
}

/** The record id (a decimal string) at the end of a `gfmd:…:<record>` custom id (base 36). */
export function recordOf(customId) {
  const part = customId.split(':').at(-1)
  let id = 0n
  for (const digit of part) id = id * 36n + BigInt(parseInt(digit, 36))
  return id.toString()
}
