// Runs the real gfmd-bot binary against discord-digital-twin on loopback, and gives tests what
// they need to drive it and read what it did: the twin, the bot's JSON log lines, and waits on
// conditions (never fixed sleeps).

import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import url from 'node:url'
import readline from 'node:readline'
import { startTwin } from './twin.mjs'

const here = path.dirname(url.fileURLToPath(import.meta.url))

export const IDS = {
  guild: '1200000000000000001',
  questions: '1200000000000000010',
  general: '1200000000000000011',
  modLog: '1200000000000000012',
  alice: '1200000000000000100',
  bob: '1200000000000000101',
  mod: '1200000000000000102',
  admin: '1200000000000000103',
  moderatorRole: '1200000000000000500',
  bot: '1200000000000000999',
}
/** View Channel (1 << 10) + Send Messages (1 << 11). */
export const PLAIN_MEMBER = String((1 << 10) | (1 << 11))
/** A plain member with Manage Messages (1 << 13). */
export const MODERATOR = String((1 << 10) | (1 << 11) | (1 << 13))
/** A plain member with Manage Server (1 << 5). */
export const SERVER_MANAGER = String((1 << 10) | (1 << 11) | (1 << 5))
export const TOKEN = 'e2e-SECRET-token-do-not-log-0123456789'

/** The gfmd-bot binary: $GFMD_BOT_BIN, else the debug build. */
export function botBinary() {
  return process.env.GFMD_BOT_BIN ?? path.resolve(here, '../../target/debug/gfmd-bot')
}

/** Polls `check` until it returns a truthy value or `timeout` ms pass; returns that value. */
export async function waitUntil(check, { timeout = 10000, label = 'condition', every = 20 } = {}) {
  const deadline = Date.now() + timeout
  for (;;) {
    const value = await check()
    if (value) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${label}`)
    await new Promise((resolve) => setTimeout(resolve, every))
  }
}

/**
 * Starts the twin and the bot. `configToml` is written to a temp config file; `env` is added to
 * the bot's environment.
 */
export async function startBot({ configToml = '', env = {}, twinOptions = {} } = {}) {
  const twin = await startTwin({
    guild: { id: IDS.guild, name: 'GFMD study group' },
    channels: [
      { id: IDS.questions, name: 'gfmd-questions', type: 0 },
      { id: IDS.general, name: 'general', type: 0 },
      { id: IDS.modLog, name: 'mod-log', type: 0 },
    ],
    users: [
      { id: IDS.alice, username: 'alice' },
      { id: IDS.bob, username: 'bob' },
      { id: IDS.mod, username: 'mod' },
      { id: IDS.admin, username: 'admin' },
    ],
    botUser: { id: IDS.bot, username: 'gfmd-bot' },
    botToken: TOKEN,
    dbUrl: `file:${path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gfmd-twin-')), 'twin.db')}`,
    ...twinOptions,
  })
  // The twin gives every member all permissions unless told otherwise: make alice and bob plain
  // members (View Channel + Send Messages), mod a member with Manage Messages and the moderator
  // role, and admin a member with Manage Server.
  for (const [user, permissions, roles] of [
    [IDS.alice, PLAIN_MEMBER, []],
    [IDS.bob, PLAIN_MEMBER, []],
    [IDS.mod, MODERATOR, [IDS.moderatorRole]],
    [IDS.admin, SERVER_MANAGER, []],
  ]) {
    await twin.discord.prisma.guildMember.update({
      where: { guildId_userId: { guildId: IDS.guild, userId: user } },
      data: { permissions, roles: JSON.stringify(roles) },
    })
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gfmd-bot-e2e-'))
  const configPath = path.join(dir, 'config.toml')
  fs.writeFileSync(configPath, configToml)
  const child = spawn(botBinary(), ['run', '--config', configPath], {
    cwd: dir,
    env: {
      PATH: process.env.PATH,
      DISCORD_TOKEN: TOKEN,
      GFMD_DISCORD_API_BASE: twin.proxyUrl,
      GFMD_DISCORD_GATEWAY_URL: twin.gatewayUrl,
      GFMD_LOG_FORMAT: 'json',
      RUST_LOG: 'gfmd_bot=debug,serenity=debug,info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const output = { stdout: '', stderr: '' }
  const logs = []
  child.stdout.on('data', (chunk) => (output.stdout += chunk))
  readline.createInterface({ input: child.stderr }).on('line', (line) => {
    output.stderr += line + '\n'
    try {
      logs.push(JSON.parse(line))
    } catch {
      logs.push({ message: line })
    }
  })
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })))
  const bot = {
    twin,
    discord: twin.discord,
    child,
    logs,
    output,
    exited,
    dir,
    configPath,
    /** Waits for a log line matching `pred`, at or after index `since`. */
    waitForLog(pred, { since = 0, timeout = 10000, label = 'log line' } = {}) {
      return waitUntil(() => logs.slice(since).find(pred), { timeout, label })
    },
    /** Bot-authored REST requests (all of them carry the bot token). */
    requests(method, pathPattern) {
      return twin.find(method, pathPattern)
    },
    /** Stops the bot with SIGTERM and the twin. */
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
      const result = await exited
      await twin.stop()
      return result
    },
  }
  await bot.waitForLog((line) => line.message === 'connected to Discord', { label: 'READY', timeout: 20000 })
  return bot
}

/** Sends a slash command as `userId`; returns {id, token, sentAt}. */
export async function slash(bot, { channel = IDS.general, user = IDS.alice, subcommand, options = [] }) {
  const sentAt = Date.now()
  const { id, token } = await bot.discord.channel(channel).user(user).runSlashCommand({
    name: 'gfmd',
    options: [{ name: subcommand, type: 1, options }],
  })
  return { id, token, sentAt }
}

/** Waits for the bot's callback to interaction `id`; returns the recorded request. */
export function callbackOf(bot, id, timeout = 10000) {
  return waitUntil(
    () => bot.twin.requests.find((r) => r.method === 'POST' && r.path.startsWith(`/api/v10/interactions/${id}/`)),
    { timeout, label: `callback of interaction ${id}` },
  )
}
