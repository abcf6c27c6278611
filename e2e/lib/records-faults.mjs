// Faults in the records database while the bot answers, shared by the report
// (tools/records-faults.mjs) and the CI checks (tests/records-faults.test.mjs). Each scenario runs
// the real bot through the stand-in in three phases of `/gfmd ask`:
//
//   before  recording works;
//   during  the fault is in place: the database file deleted, made read-only, or its disk full;
//   after   the fault is fixed (nothing to fix for a deleted file: the bot starts a new one).
//
// and checks what the issue asks: every question answered, one log line per fault (and one when
// recording works again), and recording resumed: once the bot has stopped (SIGTERM writes what
// is queued), the database holds every question asked since the file it writes was created.
//
// Read-only and full disk need a file system the test controls: as root, a small tmpfs mounted
// for the run (root ignores chmod, so read-only is a read-only remount); otherwise read-only is
// chmod and a full disk is skipped with the reason. A file system cannot be made read-only while
// a file on it is open for writing, and an open handle stays writable after a chmod, so the
// read-only scenario waits until the bot has let go of the database (it closes it after 30 s
// without work), watching /proc/<pid>/fd rather than sleeping a fixed time.

import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startForLoad, fireAsks, drain, summarize, troubleIn, devsetQuestions } from './load.mjs'
import { exportRows, waitForRows } from './records.mjs'
import { waitUntil } from './harness.mjs'

/** The writer's log lines (src/records/writer.rs, sqlite.rs). */
export const LINES = {
  failing: /^cannot record questions/,
  resumed: /^recording questions works again/,
  replaced: /^the records database was deleted or replaced while open/,
}

/** Whether this process may mount file systems (root). */
export function isRoot() {
  return process.getuid?.() === 0
}

/** A tmpfs of `size` mounted at a fresh folder, or the reason it cannot be. */
export function mountTmpfs(size) {
  if (!isRoot()) return { reason: 'mounting a tmpfs needs root' }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gfmd-records-fs-'))
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'pipe' })
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true })
    return { reason: `mount -t tmpfs is not permitted here: ${String(error.stderr ?? error.message).trim()}` }
  }
  return {
    dir,
    remount: (how) => execFileSync('mount', ['-o', `remount,${how}`, dir], { stdio: 'pipe' }),
    remove() {
      execFileSync('umount', ['-l', dir], { stdio: 'pipe' })
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** A plain folder under the system's temporary directory. */
function plainFolder() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gfmd-records-db-'))
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) }
}

/** Whether process `pid` holds a file whose path starts with `prefix` open. */
function holds(pid, prefix) {
  const fds = `/proc/${pid}/fd`
  return fs.readdirSync(fds).some((fd) => {
    try {
      return fs.readlinkSync(path.join(fds, fd)).startsWith(prefix)
    } catch {
      return false // closed meanwhile
    }
  })
}

/** Fills the file system of `dir` with a file until it is full; returns the file's path. */
function fill(dir) {
  const filler = path.join(dir, 'filler')
  const fd = fs.openSync(filler, 'w')
  const block = Buffer.alloc(64 * 1024)
  try {
    for (;;) fs.writeSync(fd, block)
  } catch (error) {
    if (error.code !== 'ENOSPC') throw error
  } finally {
    fs.closeSync(fd)
  }
  // What is left is smaller than a block: fill it a byte at a time.
  const tail = fs.openSync(filler, 'a')
  try {
    for (;;) fs.writeSync(tail, Buffer.alloc(1))
  } catch (error) {
    if (error.code !== 'ENOSPC') throw error
  } finally {
    fs.closeSync(tail)
  }
  return filler
}

/**
 * `count` questions for `phase`, each marked with the phase so the rows tell them apart; long
 * ones (about 900 characters) when `long`, so that storing them needs new room on disk.
 */
function phaseQuestions(phase, count, long = false) {
  const devset = devsetQuestions()
  return Array.from({ length: count }, (_, i) => {
    const question = long ? `about the gfmd objectives, ${'and the forum in some detail '.repeat(30)}` : devset[i % devset.length]
    return `${question} [${phase} ${i}]`
  })
}

/** How each fault is put in place and fixed. Each returns {put(), fix()} or {reason}. */
const FAULTS = {
  deleted: ({ database }) => ({
    put() {
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(database + suffix, { force: true })
    },
    fix() {}, // the bot starts a new file by itself
  }),
  'read-only': ({ database, folder, bot }) => ({
    async put() {
      // An open handle would stay writable: wait until the idle bot closes the database.
      await waitUntil(() => !holds(bot.pid, database), { timeout: 90000, label: 'the bot letting go of the database', every: 200 })
      if (folder.remount) folder.remount('ro')
      else {
        fs.chmodSync(database, 0o444)
        fs.chmodSync(folder.dir, 0o555)
      }
    },
    fix() {
      if (folder.remount) folder.remount('rw')
      else {
        fs.chmodSync(folder.dir, 0o755)
        fs.chmodSync(database, 0o644)
      }
    },
  }),
  full: ({ folder }) => {
    let filler
    return {
      put() {
        filler = fill(folder.dir)
      },
      fix() {
        fs.rmSync(filler, { force: true })
      },
    }
  },
}

/** The folder the database goes in for `mode`, or the reason the scenario cannot run here. */
function folderFor(mode) {
  if (mode === 'deleted') return plainFolder()
  if (mode === 'full') return mountTmpfs('2m')
  const tmpfs = mountTmpfs('16m')
  if (!tmpfs.reason) return tmpfs
  return isRoot() ? { reason: `root ignores chmod, and ${tmpfs.reason}` } : plainFolder()
}

/**
 * Runs one fault scenario (`deleted`, `read-only` or `full`) with `count` questions per phase.
 * Returns the figures, or {mode, skipped: reason} when it cannot run here. The bot is stopped.
 */
export async function recordsFault({ binary, mode, count = 30, window = 2 }) {
  const folder = folderFor(mode)
  if (folder.reason) return { mode, skipped: folder.reason }
  const database = path.join(folder.dir, 'gfmd-bot.sqlite3')
  const bot = await startForLoad({ binary, database })
  try {
    const fault = FAULTS[mode]({ database, folder, bot })
    const phases = {}
    const logged = () => bot.readLogs().length
    const ask = async (phase, long) => {
      phases[phase] = await fireAsks(bot, { count, window, questions: phaseQuestions(phase, count, long) })
      await drain(bot, phases[phase])
    }
    await ask('before')
    // Everything asked so far is stored before the fault.
    await waitForRows({ binary, database }, (rows) => rows.length === count, { label: 'the first questions stored' })
    await fault.put()
    const faultAt = logged()
    await ask('during', mode === 'full')
    // The fault shows when the writer tries to write what `during` asked.
    await bot.waitForLog((l) => LINES[mode === 'deleted' ? 'replaced' : 'failing'].test(l.message ?? ''), { since: faultAt, timeout: 20000, label: 'the fault in the log' })
    const fixedAt = logged()
    fault.fix()
    if (mode !== 'deleted') {
      // Retries back off (1 s, doubling): wait for the writer to notice, as a condition.
      await bot.waitForLog((l) => LINES.resumed.test(l.message ?? ''), { since: fixedAt, timeout: 90000, label: 'recording working again' })
    }
    await ask('after')
    const alive = bot.exit === null
    const trouble = troubleIn(bot).length
    await bot.stop()
    return report(mode, bot, phases, { alive, trouble, rows: exportRows({ binary, database }) })
  } catch (error) {
    await bot.stop().catch(() => {})
    throw error
  } finally {
    folder.remove()
  }
}

/** The figures of one scenario. */
function report(mode, bot, phases, { alive, trouble, rows }) {
  const lines = (pattern) => bot.logs.filter((l) => pattern.test(l.message ?? ''))
  const result = { mode, alive, panics: trouble, phases: {}, log: {}, rows: rows.length }
  for (const [name, sent] of Object.entries(phases)) {
    const { sent: asked, answered, lost, doubles, p99 } = summarize(bot, sent)
    result.phases[name] = { sent: asked, answered, lost, doubles, p99 }
  }
  for (const [name, pattern] of Object.entries(LINES)) result.log[name] = lines(pattern).length
  result.log.failingFault = lines(LINES.failing).map((l) => l.fault)
  const marker = (phase) => new RegExp(` \\[${phase} \\d+\\]$`)
  // A deleted file takes the questions stored before with it; the new one holds the rest.
  const expected = mode === 'deleted' ? ['during', 'after'] : ['before', 'during', 'after']
  result.expectedRows = expected.reduce((n, phase) => n + phases[phase].length, 0)
  result.rowsFromEachPhase = Object.fromEntries(
    Object.keys(phases).map((phase) => [phase, rows.filter((r) => marker(phase).test(r.text)).length]),
  )
  return result
}
