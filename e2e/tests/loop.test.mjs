// End-to-end: the learning loop through the stand-in. Every question is recorded; members vote
// on answers; a question the bot cannot answer reaches /gfmd-admin inbox, a moderator adds it as
// a phrasing of an answer (the file on disk gains it; the diff is printed), and the same
// question is then answered; /gfmd-admin stats attaches a PNG chart (multipart, which the
// stand-in cannot parse: the loopback REST proxy takes the parts and hands the stand-in the
// JSON); /gfmd forget-me deletes a member's rows. What the bot stored is read with its own
// offline commands (`gfmd-bot export`).
// Run: cd e2e && node --test tests/   (after `cargo build`; GFMD_BOT_BIN overrides the binary)

import { describe, it, before, after } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { execFileSync } from 'node:child_process'
import { startBot, slash, callbackOf, waitUntil, answerWithFaq, copyResponses, IDS } from '../lib/harness.mjs'
import { startRestProxy } from '../lib/rest-proxy.mjs'
import { assertEverythingSentIsValid, assertMultipartValid, oneCallbackPerInteraction, PNG_SIGNATURE } from '../lib/contract.mjs'
import { exportRows, waitForRows, recordOf, statsJson } from '../lib/records.mjs'


/** Questions the shipped answers cannot answer (`gfmd-bot ask` abstains on each). */
const UNKNOWN = {
  phrase: 'which country chairs the gfmd this year',
  other: 'who hosts the next gfmd summit',
  newAnswer: 'is there a gfmd newsletter',
  dismiss: 'how do i register for the gfmd summit',
}

/** `diff -u` of two texts (the lines only, without diff's file header). */
function unifiedDiff(before, after, name) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gfmd-diff-'))
  fs.writeFileSync(path.join(dir, 'before'), before)
  fs.writeFileSync(path.join(dir, 'after'), after)
  try {
    execFileSync('diff', ['-u', '--label', `a/${name}`, '--label', `b/${name}`, 'before', 'after'], { cwd: dir, encoding: 'utf8' })
    return ''
  } catch (error) {
    if (error.status !== 1) throw error
    return error.stdout
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

describe('the learning loop', () => {
  let bot
  let proxy
  let responses
  /** Writes the tests expect besides the registration and one callback per interaction. */
  const expectedWrites = []
  const expectEdit = (id) => expectedWrites.push(`PATCH /api/v10/webhooks/${IDS.bot}/test-interaction-token-${id}/messages/@original`)
  const expectLogPost = () => expectedWrites.push(`POST /api/v10/channels/${IDS.modLog}/messages`)
  const where = () => ({ configPath: bot.configPath })

  const buttonsOf = (body) => (body.components ?? []).flatMap((row) => row.components)

  /** The message an interaction's response created or edited (the stand-in keeps its id). */
  async function messageOf(interactionId) {
    return waitUntil(async () => (await bot.discord.prisma.interactionResponse.findUnique({ where: { interactionId } }))?.messageId, {
      label: `the message of ${interactionId}`,
    })
  }

  /** The latest edit of interaction `id`'s original response. */
  function editOf(id, since = 0) {
    return waitUntil(
      () => bot.requests('PATCH', /\/messages\/(@|%40)original$/).filter((r) => r.seq > since && r.path.includes(`interaction-token-${id}/`)).at(-1),
      { label: `the edit of ${id}` },
    )
  }

  async function ask(question, user = IDS.alice) {
    const { id } = await slash(bot, { user, subcommand: 'ask', options: [{ name: 'question', type: 3, value: question }] })
    return { id, callback: (await callbackOf(bot, id)).body }
  }

  async function admin(user, subcommand, options = []) {
    const { id } = await bot.discord.channel(IDS.general).user(user).runSlashCommand({ name: 'gfmd-admin', options: [{ name: subcommand, type: 1, options }] })
    return id
  }

  /** /gfmd-admin inbox as the moderator: {id, messageId, page (the edit's body)}. */
  async function openInbox() {
    const id = await admin(IDS.mod, 'inbox', [{ name: 'days', type: 4, value: 1 }])
    assert.equal((await callbackOf(bot, id)).body.type, 5, 'deferred privately')
    const page = (await editOf(id)).body
    expectEdit(id)
    return { id, messageId: await messageOf(id), page }
  }

  /** Clicks `customId` (with select `values`) on the inbox message; returns the page it shows next. */
  async function clickInbox(view, customId, values) {
    const actor = bot.discord.channel(IDS.general).user(IDS.mod)
    const since = bot.twin.requests.length ? bot.twin.requests.at(-1).seq : 0
    const { id } = values ? await actor.selectMenu({ messageId: view.messageId, customId, values }) : await actor.clickButton({ messageId: view.messageId, customId })
    const callback = (await callbackOf(bot, id)).body
    if (callback.type === 9) return { id, modal: callback }
    assert.equal(callback.type, 6, 'acknowledged, then edited in place')
    const page = (await editOf(id, since)).body
    expectEdit(id)
    return { id, messageId: view.messageId, page }
  }

  /** Opens the inbox and pages to the group whose example is `text`. */
  async function findGroup(text) {
    let view = await openInbox()
    for (;;) {
      if (view.page.embeds?.[0]?.description.includes(text)) return view
      const next = buttonsOf(view.page).find((b) => b.label === 'Next')
      assert.ok(next, `"${text}" is in the inbox: ${JSON.stringify(view.page.embeds?.[0] ?? view.page.content)}`)
      view = await clickInbox(view, next.custom_id)
    }
  }

  function logChannelMessages() {
    return bot.requests('POST', `/api/v10/channels/${IDS.modLog}/messages`).map((r) => r.body.content)
  }

  before(async () => {
    responses = copyResponses('gfmd-loop-responses-')
    bot = await startBot({
      configToml: `
responses_dir = "${responses}"
[discord]
guild_ids = ["${IDS.guild}"]
[questions]
channels = ["${IDS.questions}"]
user_rate_limit = 1000
cooldown_seconds = 0
[moderation]
role_ids = ["${IDS.moderatorRole}"]
log_channel_id = "${IDS.modLog}"
watch = false
`,
      apiBase: async (twin) => {
        proxy = await startRestProxy({ target: twin.proxyUrl })
        return proxy.url
      },
    })
    await waitUntil(() => bot.requests('PUT', /\/commands$/).length > 0, { label: 'registration' })
    await bot.waitForLog((l) => l.message === 'recording questions and feedback')
  })

  after(async () => {
    if (bot) await bot.stop()
    await proxy?.stop()
    if (responses) fs.rmSync(responses, { recursive: true, force: true })
  })

  it('registers forget-me under /gfmd and inbox and stats under /gfmd-admin', () => {
    const [put] = bot.requests('PUT', /\/commands$/)
    const names = (command) => put.body.find((c) => c.name === command).options.map((o) => o.name)
    assert.ok(names('gfmd').includes('forget-me'))
    assert.deepEqual(names('gfmd-admin').slice(-2), ['inbox', 'stats'])
  })

  it('records every question, whichever way it came', async () => {
    await ask(UNKNOWN.phrase)
    await callbackOf(bot, (await slash(bot, { subcommand: 'objectives', user: IDS.bob })).id)
    await callbackOf(bot, (await slash(bot, { subcommand: 'topic', user: IDS.bob, options: [{ name: 'name', type: 3, value: 'timeline' }] })).id)
    const typed = await bot.discord.channel(IDS.questions).user(IDS.alice).sendMessage({ content: 'what are the objectives of the gfmd?' })
    const mentioned = await bot.discord.channel(IDS.general).user(IDS.bob).sendMessage({ content: `<@${IDS.bot}> what is the gcim?` })
    for (const message of [typed, mentioned]) {
      const reply = await waitUntil(() => bot.requests('POST', /\/channels\/\d+\/messages$/).find((r) => r.body?.message_reference?.message_id === message.id), { label: 'a reply' })
      expectedWrites.push(`POST ${reply.path} reply to ${message.id}`)
    }
    const rows = await waitForRows(where(), (rows) => rows.length >= 5, { label: 'five questions' })
    assert.deepEqual(rows.map((r) => r.kind).sort(), ['mention', 'message', 'slash-ask', 'slash-subcommand', 'slash-topic'])
    assert.equal(rows.find((r) => r.kind === 'slash-ask').decision, 'abstain')
    assert.equal(rows.find((r) => r.kind === 'slash-subcommand').text, '/gfmd objectives')
    assert.ok(rows.every((r) => /^[0-9a-f]{32}$/.test(r.member)), 'members only as keyed hashes')
  })

  it('keeps a "did you mean" pick as opened, and records the pick as a question of its own', async () => {
    const { id, callback } = await ask('who began the gfmd')
    const choice = buttonsOf(callback.data).find((b) => b.custom_id.startsWith('gfmd:s:first-meeting:'))
    const record = recordOf(choice.custom_id)
    const click = await bot.discord.channel(IDS.general).user(IDS.alice).clickButton({ messageId: await messageOf(id), customId: choice.custom_id })
    const shown = (await callbackOf(bot, click.id)).body
    assert.equal(shown.data.embeds[0].title, 'When the GFMD started: the first meeting (Brussels, July 2007)')
    const rows = await waitForRows(where(), (rows) => rows.find((r) => r.id === record)?.opened_answer_id === 'first-meeting' && rows.some((r) => r.kind === 'button'))
    const pick = rows.find((r) => r.kind === 'button')
    assert.equal(pick.decision, 'answer')
    assert.equal(recordOf(buttonsOf(shown.data).find((b) => b.label === 'Helpful').custom_id), pick.id, 'its votes name the pick')
  })

  it('stores Helpful / Not helpful votes, one per member, changeable, with the reason', async () => {
    const { id, callback } = await ask('what are the objectives of the gfmd?')
    assert.ok(!(callback.data.flags & 64), 'public')
    const buttons = buttonsOf(callback.data).filter((b) => b.type === 2)
    assert.deepEqual(buttons.map((b) => b.label), ['Helpful', 'Not helpful', 'Delete'])
    const [helpful, notHelpful] = buttons
    const record = recordOf(helpful.custom_id)
    const messageId = await messageOf(id)
    const click = async (user, customId, on = messageId) => {
      const { id: clickId } = await bot.discord.channel(IDS.general).user(user).clickButton({ messageId: on, customId })
      return { clickId, body: (await callbackOf(bot, clickId)).body }
    }
    const thanks = await click(IDS.bob, helpful.custom_id)
    assert.equal(thanks.body.data.flags & 64, 64, 'privately')
    assert.equal(thanks.body.data.content, 'Thanks for the feedback.')
    const why = await click(IDS.alice, notHelpful.custom_id)
    assert.equal(why.body.data.flags & 64, 64)
    const reasons = buttonsOf(why.body.data)
    assert.deepEqual(reasons.map((b) => b.label), ['Wrong answer', 'Out of date', 'Unclear'])
    const noted = await click(IDS.alice, reasons[1].custom_id, await messageOf(why.clickId))
    assert.equal(noted.body.type, 7, 'the question becomes the thanks')
    assert.equal(noted.body.data.content, 'Thanks, noted for the moderators: out of date.')
    assert.deepEqual(noted.body.data.components, [])
    let row = (await waitForRows(where(), (rows) => rows.find((r) => r.id === record)?.reasons === 'out-of-date')).find((r) => r.id === record)
    assert.deepEqual([row.helpful, row.not_helpful], [1, 1])
    await click(IDS.bob, notHelpful.custom_id)
    row = (await waitForRows(where(), (rows) => rows.find((r) => r.id === record)?.not_helpful === 2)).find((r) => r.id === record)
    assert.equal(row.helpful, 0, "bob's second vote replaced his first")
  })

  it('refuses the inbox to a member who is not a moderator', async () => {
    const id = await admin(IDS.bob, 'inbox')
    const refusal = (await callbackOf(bot, id)).body
    assert.equal(refusal.data.flags & 64, 64)
    assert.match(refusal.data.content, /only moderators/i)
  })

  it('"Add as phrasing of X": the file gains it, and the same question gets X at once', async (t) => {
    const view = await findGroup(UNKNOWN.phrase)
    assert.equal(view.page.embeds[0].fields[1].value, '1 unanswered')
    const menu = buttonsOf(view.page).find((c) => c.type === 3)
    assert.equal(menu.placeholder, 'Add as phrasing of …')
    const option = menu.options.find((o) => o.value !== '~other')
    assert.ok(option, 'the matcher offers candidates')
    assert.equal(menu.options.at(-1).label, 'Other answer…')
    const file = path.join(responses, `${option.value}.toml`)
    const before = fs.readFileSync(file, 'utf8')
    const done = await clickInbox(view, menu.custom_id, [option.value])
    assert.match(done.page.content, new RegExp(`^Added "${UNKNOWN.phrase}" as a phrasing of \`${option.value}\`\\. \\d+ answers loaded, 1 changed\\. 1 question\\(s\\) left the inbox\\.`))
    const after = fs.readFileSync(file, 'utf8')
    const diff = unifiedDiff(before, after, `${option.value}.toml`)
    for (const line of diff.trimEnd().split('\n')) t.diagnostic(line)
    const changed = diff.split('\n').filter((line) => /^[+-][^+-]/.test(line))
    assert.equal(changed.length, 1, `one line added, none removed:\n${diff}`)
    assert.ok(changed[0].startsWith('+') && changed[0].includes(`"${UNKNOWN.phrase}"`), diff)
    const again = (await ask(UNKNOWN.phrase)).callback
    assert.ok(again.data.embeds?.length, `answered now: ${JSON.stringify(again.data.content)}`)
    assert.ok(!(again.data.flags & 64), 'publicly')
    const title = option.label.slice(`${option.value} · `.length).replace(/…$/, '')
    assert.ok(again.data.embeds[0].title.startsWith(title), `${again.data.embeds[0].title} is ${option.label}`)
    await waitUntil(() => logChannelMessages().some((m) => m.includes(`ran \`add phrasing to ${option.value}\``)), { label: 'the log channel entry' })
    expectLogPost()
    const rows = exportRows(where())
    assert.equal(rows.find((r) => r.text === UNKNOWN.phrase && r.decision === 'abstain').resolved, 'phrasing-added')
  })

  it('"Add as phrasing" of a French miss joins the French questions, and the question is then answered in French', async (t) => {
    const question = 'c koi le truc de bruxelles'
    await ask(question)
    const view = await findGroup(question)
    const readIn = view.page.embeds[0].fields.find((f) => f.name === 'Read in')
    assert.ok(readIn?.value.startsWith('French'), JSON.stringify(view.page.embeds[0].fields))
    const menu = buttonsOf(view.page).find((c) => c.type === 3)
    assert.ok(menu.options.some((o) => o.value === 'first-meeting'), JSON.stringify(menu.options))
    const file = path.join(responses, 'first-meeting.toml')
    const before = fs.readFileSync(file, 'utf8')
    const done = await clickInbox(view, menu.custom_id, ['first-meeting'])
    assert.match(done.page.content, new RegExp(`^Added "${question}" as a French phrasing of \`first-meeting\`\\. \\d+ answers loaded, 1 changed\\.`))
    const after = fs.readFileSync(file, 'utf8')
    for (const line of unifiedDiff(before, after, 'first-meeting.toml').trimEnd().split('\n')) t.diagnostic(line)
    const lines = after.split('\n')
    const added = lines.findIndex((line) => line.includes(`"${question}"`))
    assert.ok(lines.indexOf('[fr]') < added && added < lines.indexOf('[es]'), 'in the [fr] table')
    assert.equal(lines.length, before.split('\n').length + 1, 'one line added')
    const frenchTitle = /^title = "(.*)"$/m.exec(after.split(/^\[fr\]$/m)[1])[1]
    const again = (await ask(question)).callback
    assert.deepEqual(again.data.embeds?.map((e) => e.title), [frenchTitle], JSON.stringify(again.data.content))
    await waitUntil(() => logChannelMessages().some((m) => m.includes('ran `add phrasing to first-meeting`')), { label: 'the log channel entry' })
    expectLogPost()
  })

  it('"Other answer…" takes any answer by id, subcommand or title', async () => {
    await ask(UNKNOWN.other)
    const view = await findGroup(UNKNOWN.other)
    const menu = buttonsOf(view.page).find((c) => c.type === 3)
    const opened = await clickInbox(view, menu.custom_id, ['~other'])
    assert.equal(opened.modal.type, 9)
    const form = opened.modal.data
    const submitted = await bot.discord.channel(IDS.general).user(IDS.mod).submitModal({
      customId: form.custom_id,
      fields: [{ customId: form.components[0].components[0].custom_id, value: 'about' }],
    })
    assert.equal((await callbackOf(bot, submitted.id)).body.type, 5)
    const result = (await editOf(submitted.id)).body
    expectEdit(submitted.id)
    assert.match(result.content, /^Added "who hosts the next gfmd summit" as a phrasing of `what-is-gfmd`\./)
    expectLogPost()
    assert.equal((await ask(UNKNOWN.other)).callback.data.embeds?.[0]?.title, 'What the GFMD is')
  })

  it('"New answer" opens the add form with the question, and saving it resolves the group', async () => {
    await ask(UNKNOWN.newAnswer)
    const view = await findGroup(UNKNOWN.newAnswer)
    const button = buttonsOf(view.page).find((b) => b.label === 'New answer')
    const opened = await clickInbox(view, button.custom_id)
    assert.equal(opened.modal.type, 9)
    const fields = opened.modal.data.components.map((row) => row.components[0])
    assert.equal(fields.find((f) => f.custom_id === 'questions').value, UNKNOWN.newAnswer)
    const submitted = await bot.discord.channel(IDS.general).user(IDS.mod).submitModal({
      customId: opened.modal.data.custom_id,
      fields: [
        { customId: 'id', value: 'newsletter' },
        { customId: 'title', value: 'Is there a GFMD newsletter?' },
        { customId: 'questions', value: UNKNOWN.newAnswer },
        { customId: 'description', value: 'The source says nothing about a newsletter; see gfmd.org.' },
      ],
    })
    await callbackOf(bot, submitted.id)
    const saved = (await editOf(submitted.id)).body
    expectEdit(submitted.id)
    assert.match(saved.content, /^Saved `newsletter`\. .* 1 question\(s\) left the inbox\.$/)
    expectLogPost()
    assert.equal((await ask(UNKNOWN.newAnswer)).callback.data.embeds?.[0]?.title, 'Is there a GFMD newsletter?')
  })

  it('"New answer" for a Spanish miss asks for the answer in English and Spanish, answers the question in Spanish, then offers the English questions', async () => {
    const question = 'quién paga las cuentas del fmmd'
    await ask(question)
    const view = await findGroup(question)
    const button = buttonsOf(view.page).find((b) => b.label === 'New answer')
    const opened = await clickInbox(view, button.custom_id)
    assert.equal(opened.modal.type, 9)
    const form = opened.modal.data
    assert.equal(form.title, 'Add a GFMD answer, in English and Spanish')
    const inputs = form.components.map((row) => row.components[0])
    assert.deepEqual(inputs.map((f) => f.custom_id), ['id', 'title', 'description', 'title_es', 'description_es'])
    assert.deepEqual(inputs.map((f) => f.label), ['Id (a-z, 0-9 and -)', 'Title in English', 'Answer text in English (markdown)', 'Title in Spanish', 'Answer text in Spanish (markdown)'])
    const submitted = await bot.discord.channel(IDS.general).user(IDS.mod).submitModal({
      customId: form.custom_id,
      fields: [
        { customId: 'id', value: 'who-pays' },
        { customId: 'title', value: 'Who pays for the GFMD' },
        { customId: 'description', value: 'The background note does not say who pays for the forum.' },
        { customId: 'title_es', value: 'Quién financia el FMMD' },
        { customId: 'description_es', value: 'La nota de antecedentes no dice quién financia el foro.' },
      ],
    })
    await callbackOf(bot, submitted.id)
    const saved = (await editOf(submitted.id)).body
    expectEdit(submitted.id)
    assert.match(saved.content, /^Saved `who-pays`\. .* 1 question\(s\) left the inbox\.$/)
    await waitUntil(() => logChannelMessages().some((m) => m.includes('ran `add who-pays with its Spanish translation`')), { label: 'the log channel entry' })
    expectLogPost()
    const file = fs.readFileSync(path.join(responses, 'who-pays.toml'), 'utf8')
    const spanish = file.split(/^\[es\]$/m)[1]
    assert.ok(spanish?.includes(`"${question}"`), file)
    assert.deepEqual((await ask(question)).callback.data.embeds?.map((e) => e.title), ['Quién financia el FMMD'])

    // The form had no room for English questions: the saved note offers the English form.
    const english = buttonsOf(saved).find((b) => b.label === 'Add its English questions')
    assert.ok(english, JSON.stringify(saved))
    const clicked = await bot.discord.channel(IDS.general).user(IDS.mod).clickButton({ messageId: await messageOf(submitted.id), customId: english.custom_id })
    const modal = (await callbackOf(bot, clicked.id)).body
    assert.equal(modal.type, 9, 'the edit form opens at once')
    assert.equal(modal.data.custom_id, 'gfmd-admin:edit:who-pays')
    const prefilled = Object.fromEntries(modal.data.components.map((row) => [row.components[0].custom_id, row.components[0].value ?? '']))
    assert.deepEqual(prefilled, { title: 'Who pays for the GFMD', questions: '', description: 'The background note does not say who pays for the forum.' })
    const edited = await bot.discord.channel(IDS.general).user(IDS.mod).submitModal({
      customId: modal.data.custom_id,
      fields: [
        { customId: 'title', value: prefilled.title },
        { customId: 'questions', value: 'who funds the gfmd\nwho pays for the forum' },
        { customId: 'description', value: prefilled.description },
      ],
    })
    await callbackOf(bot, edited.id)
    assert.match((await editOf(edited.id)).body.content, /^Saved `who-pays`\./)
    expectEdit(edited.id)
    await waitUntil(() => logChannelMessages().some((m) => m.includes('ran `edit who-pays`')), { label: 'the log channel entry of the edit' })
    expectLogPost()
    const after = fs.readFileSync(path.join(responses, 'who-pays.toml'), 'utf8')
    const [englishPart, spanishPart] = after.split(/^\[es\]$/m)
    assert.match(englishPart, /^questions = \[\n {2}"who funds the gfmd",\n {2}"who pays for the forum",\n\]$/m, after)
    assert.ok(spanishPart?.includes(`"${question}"`), `the Spanish translation is kept: ${after}`)
    assert.deepEqual((await ask('who funds the gfmd')).callback.data.embeds?.map((e) => e.title), ['Who pays for the GFMD'])
    assert.deepEqual((await ask(question)).callback.data.embeds?.map((e) => e.title), ['Quién financia el FMMD'])
  })

  it('"Dismiss" takes a group out of the inbox', async () => {
    await ask(UNKNOWN.dismiss)
    const view = await findGroup(UNKNOWN.dismiss)
    const dismiss = buttonsOf(view.page).find((b) => b.label === 'Dismiss')
    const done = await clickInbox(view, dismiss.custom_id)
    assert.match(done.page.content, /^Dismissed "how do i register for the gfmd summit"\. 1 question\(s\) left the inbox\./)
    expectLogPost()
    const rows = exportRows(where())
    assert.equal(rows.find((r) => r.text === UNKNOWN.dismiss).resolved, 'dismissed')
  })

  it('records "Answer with GFMD FAQ" as the author\'s question and keeps the posted answer votable', async () => {
    const question = await bot.discord.channel(IDS.general).user(IDS.alice).sendMessage({ content: 'so who came up with the idea of the gfmd?' })
    const id = await answerWithFaq(bot, { message: question, user: IDS.mod })
    const post = buttonsOf((await callbackOf(bot, id)).body.data)[0]
    assert.match(post.custom_id, /^gfmd:p:/)
    const click = await bot.discord.channel(IDS.general).user(IDS.mod).clickButton({ messageId: await messageOf(id), customId: post.custom_id })
    await callbackOf(bot, click.id)
    const posted = await waitUntil(() => bot.requests('POST', `/api/v10/channels/${IDS.general}/messages`).find((r) => r.body.message_reference?.message_id === question.id), { label: 'the posted answer' })
    expectedWrites.push(`POST /api/v10/channels/${IDS.general}/messages reply to ${question.id}`)
    const helpful = buttonsOf(posted.body).find((b) => b.label === 'Helpful')
    const record = recordOf(helpful.custom_id)
    const rows = await waitForRows(where(), (rows) => rows.find((r) => r.id === record)?.opened_answer_id)
    const row = rows.find((r) => r.id === record)
    assert.equal(row.kind, 'context-menu')
    assert.equal(row.member, rows.find((r) => r.text === UNKNOWN.phrase).member, "the message's author (alice), not the moderator")
  })

  it('/gfmd-admin stats answers privately with the figures and a PNG chart attached', async () => {
    const id = await admin(IDS.mod, 'stats', [{ name: 'days', type: 4, value: 1 }])
    const deferred = (await callbackOf(bot, id)).body
    assert.deepEqual([deferred.type, deferred.data.flags & 64], [5, 64])
    const upload = await waitUntil(() => proxy.log.find((e) => e.parts && e.path.includes(`interaction-token-${id}/`)), { label: 'the multipart edit' })
    assert.equal(upload.method, 'PATCH')
    const [chart] = assertMultipartValid(proxy).filter((file) => file.path === upload.path)
    assert.equal(chart.filename, 'gfmd-stats.png')
    assert.equal(chart.contentType, 'image/png')
    assert.deepEqual(chart.bytes.subarray(0, 8), PNG_SIGNATURE, 'a PNG')
    assert.deepEqual([chart.bytes.readUInt32BE(16), chart.bytes.readUInt32BE(20)], [900, 450], 'IHDR: 900 × 450')
    assert.ok(chart.size > 5000 && chart.size < 1024 * 1024, `${chart.size} bytes`)
    const edit = (await editOf(id)).body
    expectEdit(id)
    assert.deepEqual(edit.attachments, [{ id: 0, filename: 'gfmd-stats.png', description: null }])
    const [embed] = edit.embeds
    assert.match(embed.title, /^Questions, last 1 day\(s\): \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d \(UTC\)$/)
    const offline = statsJson(where(), 1)
    assert.ok(embed.description.startsWith(`**${offline.questions}** question(s): ${offline.answered} answered`), `${embed.description} vs ${JSON.stringify(offline)}`)
    assert.equal(embed.fields.find((f) => f.name === 'Helpful / not helpful').value, `${offline.helpful} / ${offline.not_helpful}`)
    assert.ok(offline.helpful + offline.not_helpful >= 2)
  })

  it('/gfmd forget-me deletes the member\'s rows and says how many', async () => {
    const rows = exportRows(where())
    const alice = rows.find((r) => r.text === UNKNOWN.phrase).member
    const theirs = rows.filter((r) => r.member === alice).length
    assert.ok(theirs >= 6, `${theirs} questions by alice`)
    const bobs = rows.filter((r) => r.member !== alice).length
    const { id } = await slash(bot, { user: IDS.alice, subcommand: 'forget-me' })
    assert.equal((await callbackOf(bot, id)).body.type, 5, 'deferred: it waits for the writer')
    const told = (await editOf(id)).body
    expectEdit(id)
    // Her questions and her one vote (the reason replaced her "Not helpful", it did not add one).
    assert.equal(told.content, `Deleted ${theirs + 1} records about you (your questions and votes).`)
    const left = exportRows(where())
    assert.equal(left.filter((r) => r.member === alice).length, 0)
    assert.equal(left.length, bobs, "everyone else's questions stay")
    const again = await slash(bot, { user: IDS.alice, subcommand: 'forget-me' })
    await callbackOf(bot, again.id)
    assert.equal((await editOf(again.id)).body.content, 'There was nothing recorded about you; nothing to delete.')
    expectEdit(again.id)
  })

  it('never stores a raw user id', () => {
    const data = path.join(bot.dir, 'data')
    for (const name of fs.readdirSync(data)) {
      const bytes = fs.readFileSync(path.join(data, name))
      for (const user of [IDS.alice, IDS.bob, IDS.mod]) {
        const binary = Buffer.alloc(8)
        binary.writeBigUInt64BE(BigInt(user))
        assert.equal(bytes.indexOf(user), -1, `${name} holds ${user} as text`)
        assert.equal(bytes.indexOf(binary), -1, `${name} holds ${user} as a number`)
      }
    }
  })

  it('never sends a path of the server (the database, the answers) to Discord', () => {
    const sent = [...bot.twin.requests.filter((r) => r.rawBody).map((r) => r.rawBody), ...proxy.log.filter((e) => e.parts).flatMap((e) => e.parts.map((p) => p.bytes.toString('latin1')))]
    for (const body of sent) {
      for (const folder of [bot.dir, responses, os.tmpdir() + '/', 'sqlite3']) assert.ok(!body.includes(folder), `a request names ${folder}`)
    }
  })

  it('sends exactly the requests asked for, each valid, and its multipart uploads well-formed', async () => {
    assertEverythingSentIsValid(bot, {
      expected: [`PUT /api/v10/applications/${IDS.bot}/guilds/${IDS.guild}/commands`, ...(await oneCallbackPerInteraction(bot)), ...expectedWrites],
    })
    assert.equal(assertMultipartValid(proxy).length, 1, 'one upload: the chart')
  })

  it('writes every record before exiting on SIGTERM', async () => {
    const { code } = await bot.stop()
    assert.equal(code, 0)
    const stopped = bot.logs.find((l) => /^recording stopped/.test(l.message ?? ''))
    assert.equal(stopped?.message, 'recording stopped: every record written')
  })
})
