// End-to-end: moderators curate answers live — /gfmd-admin through the stand-in, gating that
// holds even when the command is opened to everyone, live reload from the files, and the
// "Answer with GFMD FAQ" message command.

import { describe, it, before, after } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startBot, slash, callbackOf, waitUntil, answerWithFaq, asLocale, copyResponses, IDS } from '../lib/harness.mjs'
import { assertEverythingSentIsValid, oneCallbackPerInteraction } from '../lib/contract.mjs'


describe('moderators curate answers live', () => {
  let bot
  let responses
  /** Interactions answered by a deferral and then an edit of the original response. */
  const deferred = []
  /** Posts to the log channel the tests below wait for. */
  const logPosts = []
  /** The message "Answer with GFMD FAQ" answered. */
  let postedReplyTo

  async function adminCommand(user, subcommand, options = []) {
    const { id } = await bot.discord.channel(IDS.general).user(user).runSlashCommand({
      name: 'gfmd-admin',
      options: [{ name: subcommand, type: 1, options }],
    })
    return id
  }

  function editedResponse(id) {
    deferred.push(id)
    return waitUntil(
      () => bot.requests('PATCH', /\/messages\/(@|%40)original$/).find((r) => r.path.includes(`interaction-token-${id}`)),
      { label: `edited response of ${id}` },
    )
  }

  function logChannelMessages() {
    return bot.requests('POST', `/api/v10/channels/${IDS.modLog}/messages`).map((r) => r.body.content)
  }

  before(async () => {
    responses = copyResponses()
    bot = await startBot({
      configToml: `
responses_dir = "${responses}"
[discord]
guild_ids = ["${IDS.guild}"]
[questions]
channels = ["${IDS.questions}"]
user_rate_limit = 1000
[moderation]
role_ids = ["${IDS.moderatorRole}"]
log_channel_id = "${IDS.modLog}"
debounce_ms = 100
`,
    })
    await bot.waitForLog((l) => l.message === 'watching the answer files for changes')
    await waitUntil(() => bot.requests('PUT', /\/commands$/).length > 0, { label: 'registration' })
  })

  after(async () => {
    if (bot) await bot.stop()
    if (responses) fs.rmSync(responses, { recursive: true, force: true })
  })

  it('registers /gfmd-admin for Manage Server and the message command', () => {
    const [put] = bot.requests('PUT', /\/commands$/)
    const adminCommand = put.body.find((c) => c.name === 'gfmd-admin')
    assert.equal(adminCommand.default_member_permissions, '32')
    const names = adminCommand.options.map((o) => o.name)
    assert.deepEqual(names, ['reload', 'add', 'edit', 'remove', 'preview', 'test', 'inbox', 'stats'])
    const menu = put.body.find((c) => c.name === 'Answer with GFMD FAQ')
    assert.equal(menu.type, 3)
    // French and Spanish moderators' clients show the tools in their language.
    assert.equal(adminCommand.options[0].name_localizations.fr, 'recharger')
    assert.equal(adminCommand.options[0].name_localizations['es-419'], 'recargar')
    assert.equal(menu.name_localizations.fr, 'Répondre avec la FAQ du FMMD')
  })

  it('refuses members who are not moderators even if the command was opened to them', async () => {
    const id = await adminCommand(IDS.bob, 'reload')
    const callback = await callbackOf(bot, id)
    assert.equal(callback.body.data.flags & 64, 64)
    assert.match(callback.body.data.content, /only moderators/i)
  })

  it('reload answers "N answers loaded, M changed" to a server manager', async () => {
    const id = await adminCommand(IDS.admin, 'reload')
    const deferred = await callbackOf(bot, id)
    assert.equal(deferred.body.type, 5)
    const edit = await editedResponse(id)
    assert.match(edit.body.content, /^\d+ answers loaded, 0 changed$/)
    assert.deepEqual(edit.body.allowed_mentions.parse, [])
    await waitUntil(() => logChannelMessages().some((m) => /ran `reload`/.test(m)), { label: 'log channel entry' })
    logPosts.push('reload')
  })

  it('a moderator whose Discord is in French reads the reload in French; the log channel stays English', async () => {
    const before = logChannelMessages().length
    const id = await asLocale(bot, 'fr', () => adminCommand(IDS.admin, 'reload'))
    assert.equal((await callbackOf(bot, id)).body.type, 5)
    const edit = await editedResponse(id)
    assert.match(edit.body.content, /^\d+ réponses chargées, 0 modifiées$/)
    const logged = await waitUntil(() => logChannelMessages().slice(before).find((m) => /ran `reload`/.test(m)), {
      label: 'log channel entry',
    })
    assert.match(logged, /: \d+ answers loaded, 0 changed$/)
    logPosts.push('reload in French')
  })

  it('a moderator whose Discord is in Spanish reads the top matches in Spanish', async () => {
    // Written in English, so read in English (a text that does not say is read in the moderator's language).
    const question = [{ name: 'question', type: 3, value: 'what are the objectives of the gfmd?' }]
    const id = await asLocale(bot, 'es-ES', () => adminCommand(IDS.mod, 'test', question))
    const callback = await callbackOf(bot, id)
    assert.match(callback.body.data.content, /^Mejores coincidencias para «what are the objectives of the gfmd\?» \(leída en inglés\) — el bot respondería `objectives`:/)
    assert.match(callback.body.data.content, /\n1\. `objectives` \d\.\d{3}/)
  })

  it('add opens a modal, validates, writes the file and makes the answer live', async () => {
    const id = await adminCommand(IDS.mod, 'add')
    const modal = await callbackOf(bot, id)
    assert.equal(modal.body.type, 9)
    assert.equal(modal.body.data.custom_id, 'gfmd-admin:add')
    const submitted = await bot.discord.channel(IDS.general).user(IDS.mod).submitModal({
      customId: 'gfmd-admin:add',
      fields: [
        { customId: 'id', value: 'study-group-faq' },
        { customId: 'title', value: 'About this study group' },
        { customId: 'questions', value: 'what does this study group read?\nwhich reading group is this' },
        { customId: 'description', value: 'We read the GFMD background note together.' },
      ],
    })
    assert.equal((await callbackOf(bot, submitted.id)).body.type, 5, 'deferred first')
    const saved = await editedResponse(submitted.id)
    assert.match(saved.body.content, /^Saved `study-group-faq`\. \d+ answers loaded, 1 changed$/)
    assert.ok(fs.existsSync(path.join(responses, 'study-group-faq.toml')))
    const asked = await callbackOf(
      bot,
      (await slash(bot, { subcommand: 'ask', options: [{ name: 'question', type: 3, value: 'what does this study group read?' }] })).id,
    )
    assert.equal(asked.body.data.embeds[0].title, 'About this study group')
    await waitUntil(() => logChannelMessages().some((m) => /add study-group-faq/.test(m)), { label: 'log channel entry' })
    logPosts.push('add')
  })

  it('refuses a hostile id and writes nothing', async () => {
    const submitted = await bot.discord.channel(IDS.general).user(IDS.admin).submitModal({
      customId: 'gfmd-admin:add',
      fields: [
        { customId: 'id', value: '../../evil' },
        { customId: 'title', value: 'Evil' },
        { customId: 'questions', value: 'x' },
        { customId: 'description', value: 'y' },
      ],
    })
    await callbackOf(bot, submitted.id)
    const refused = await editedResponse(submitted.id)
    assert.match(refused.body.content, /^Not saved/)
    assert.ok(!fs.existsSync(path.join(responses, '../../evil.toml')))
    assert.ok(!fs.existsSync(path.join(responses, '..', 'evil.toml')))
  })

  it('an edited file goes live by itself; a broken one keeps the old answers and says where', async () => {
    const file = path.join(responses, 'timeline.toml')
    const original = fs.readFileSync(file, 'utf8')
    const before = logChannelMessages().length
    fs.writeFileSync(file, original.replace(/^title = .*$/m, 'title = "GFMD milestones, in order"'))
    await waitUntil(() => logChannelMessages().slice(before).some((m) => /^Answer files reloaded: \d+ answers loaded, 1 changed/.test(m)), {
      label: 'reload log',
    })
    logPosts.push('reloaded')
    const shown = await callbackOf(bot, (await slash(bot, { subcommand: 'timeline' })).id)
    assert.equal(shown.body.data.embeds[0].title, 'GFMD milestones, in order')

    fs.writeFileSync(file, original.replace(/^title = /m, 'title = = '))
    const complaint = await waitUntil(() => logChannelMessages().find((m) => /^Not reloaded; the previous answers stay live/.test(m)), { label: 'error in log channel' })
    assert.match(complaint, /timeline\.toml:\d+:\d+/)
    logPosts.push('not reloaded')
    const still = await callbackOf(bot, (await slash(bot, { subcommand: 'timeline', user: IDS.bob })).id)
    assert.equal(still.body.data.embeds[0].title, 'GFMD milestones, in order')
    const reloads = logChannelMessages().filter((m) => /^Answer files reloaded/.test(m)).length
    fs.writeFileSync(file, original)
    await waitUntil(() => logChannelMessages().filter((m) => /^Answer files reloaded/.test(m)).length > reloads, {
      label: 'reload log after the fix',
    })
    logPosts.push('reloaded')
    // The subcommand's description followed the title there and back: two registrations more.
    await waitUntil(() => bot.requests('PUT', /\/commands$/).length === 3, { label: 'registrations' })
  })

  it('test shows the top 3 with scores, privately', async () => {
    const id = await adminCommand(IDS.mod, 'test', [{ name: 'question', type: 3, value: 'gfmd objectives' }])
    const callback = await callbackOf(bot, id)
    assert.equal(callback.body.data.flags & 64, 64)
    assert.match(callback.body.data.content, /1\. `objectives` \d\.\d{3}/)
  })

  it('"Answer with GFMD FAQ" suggests answers and posts the chosen one as a reply', async () => {
    const question = await bot.discord.channel(IDS.general).user(IDS.alice).sendMessage({ content: 'so who came up with the idea of the gfmd?' })
    const id = await answerWithFaq(bot, { message: question, user: IDS.mod })
    const suggestions = await callbackOf(bot, id)
    assert.equal(suggestions.body.data.flags & 64, 64)
    const buttons = suggestions.body.data.components.flatMap((r) => r.components)
    assert.ok(buttons.length >= 1 && buttons.length <= 3)
    const message = await waitUntil(
      async () => (await bot.discord.channel(IDS.general).getMessages()).reverse().find((m) => /Top matches/.test(m.content)),
      { label: 'suggestion message' },
    )
    const click = await bot.discord.channel(IDS.general).user(IDS.mod).clickButton({ messageId: message.id, customId: buttons[0].custom_id })
    await callbackOf(bot, click.id)
    const posted = await waitUntil(
      () => bot.requests('POST', `/api/v10/channels/${IDS.general}/messages`).find((r) => r.body.message_reference?.message_id === question.id),
      { label: 'posted reply' },
    )
    assert.equal(posted.body.embeds.length, 1)
    postedReplyTo = question.id
  })

  it('remove moves the file to .trash and the answer leaves', async () => {
    const id = await adminCommand(IDS.admin, 'remove', [{ name: 'id', type: 3, value: 'study-group-faq' }])
    await callbackOf(bot, id)
    await editedResponse(id)
    assert.ok(!fs.existsSync(path.join(responses, 'study-group-faq.toml')))
    assert.ok(fs.readdirSync(path.join(responses, '.trash')).some((name) => name.startsWith('study-group-faq')))
    await waitUntil(() => logChannelMessages().some((m) => /ran `remove study-group-faq`/.test(m)), { label: 'log channel entry' })
    logPosts.push('remove')
  })

  it('sends exactly the requests asked for, each valid, limited and ping-free', async () => {
    const interactions = await bot.discord.prisma.interactionResponse.findMany()
    const tokenOf = (id) => interactions.find((i) => i.interactionId === id).interactionToken
    const registration = `PUT /api/v10/applications/${IDS.bot}/guilds/${IDS.guild}/commands`
    const logPost = `POST /api/v10/channels/${IDS.modLog}/messages`
    assertEverythingSentIsValid(bot, {
      expected: [
        // At start, after the title edit, and after the title came back: saves and removals
        // change no subcommand, and each is reloaded once (the watcher sees its own echo).
        registration,
        registration,
        registration,
        ...(await oneCallbackPerInteraction(bot)),
        ...deferred.map((id) => `PATCH /api/v10/webhooks/${IDS.bot}/${tokenOf(id)}/messages/@original`),
        `POST /api/v10/channels/${IDS.general}/messages reply to ${postedReplyTo}`,
        ...logPosts.map(() => logPost),
      ],
    })
  })

  it('never sends a path of the server to Discord, whatever went wrong', () => {
    // The tests above saved, refused, removed and broke answer files in a folder under the
    // system's temp dir; every word the bot sent about them names files only.
    const sent = bot.twin.requests.filter((r) => r.rawBody)
    assert.ok(sent.some((r) => /timeline\.toml:\d+:\d+/.test(r.rawBody)), 'a file problem was reported')
    for (const request of sent) {
      assert.ok(!request.rawBody.includes(responses), `${request.method} ${request.path} names ${responses}`)
      assert.ok(!request.rawBody.includes(os.tmpdir() + '/'), `${request.method} ${request.path} names a temp path`)
    }
  })
})
