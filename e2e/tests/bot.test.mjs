// End-to-end: the real gfmd-bot binary (serenity 0.12.5) against discord-digital-twin on
// loopback. Every request the bot sends is recorded and, at the end, checked against Discord's
// OpenAPI spec and the documented limits the spec leaves out (6000-character embeds,
// 2000-character content, 25 autocomplete choices).
// Run: cd e2e && node --test tests/   (after `cargo build`; GFMD_BOT_BIN overrides the binary)

import { describe, it, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startBot, slash, callbackOf, waitUntil, now, IDS, TOKEN, DEADLINE_MS } from '../lib/harness.mjs'
import { assertEverythingSentIsValid, oneCallbackPerInteraction } from '../lib/contract.mjs'

/** allowed_mentions on every message: nobody. */
const NO_PINGS = { parse: [], users: [], roles: [], replied_user: false }

const config = `
[discord]
guild_ids = ["${IDS.guild}"]

[questions]
channels = ["${IDS.questions}"]
cooldown_seconds = 60
user_rate_limit = 1000

[moderation]
role_ids = ["${IDS.moderatorRole}"]
`

describe('gfmd-bot against the Discord stand-in', () => {
  let bot
  const interactionTimes = []
  /** Requests the tests below expect besides the registration and one callback per interaction. */
  const expectedWrites = []
  const expectReply = (channel, messageId) => expectedWrites.push(`POST /api/v10/channels/${channel}/messages reply to ${messageId}`)

  async function ask(options) {
    const sent = await slash(bot, options)
    const callback = await callbackOf(bot, sent.id)
    interactionTimes.push(callback.at - sent.sentAt)
    return callback
  }

  function sendAs(user, channel, content) {
    return bot.discord.channel(channel).user(user).sendMessage({ content })
  }

  function botRepliesTo(messageId) {
    return bot
      .requests('POST', /\/channels\/\d+\/messages$/)
      .filter((r) => r.body?.message_reference?.message_id === messageId)
  }

  before(async () => {
    bot = await startBot({ configToml: config })
    await waitUntil(() => bot.requests('PUT', /\/commands$/).length > 0, { label: 'command registration' })
  })

  after(async () => {
    if (bot) await bot.stop()
  })

  it('registers /gfmd in the configured guild with one bulk overwrite', () => {
    const puts = bot.requests('PUT', /\/commands$/)
    assert.equal(puts.length, 1)
    assert.equal(puts[0].path, `/api/v10/applications/${IDS.bot}/guilds/${IDS.guild}/commands`)
    const [gfmd] = puts[0].body
    assert.equal(gfmd.name, 'gfmd')
    const names = gfmd.options.map((o) => o.name)
    for (const expected of ['objectives', 'origins', 'ask', 'topic']) assert.ok(names.includes(expected), expected)
    assert.ok(gfmd.options.length <= 25)
    const topic = gfmd.options.find((o) => o.name === 'topic')
    assert.equal(topic.options[0].autocomplete, true)
  })

  it('uses the configured gateway URL instead of asking GET /gateway', () => {
    assert.equal(bot.twin.gatewayClients().filter((c) => c.identified).length, 1)
  })

  it('/gfmd objectives answers with the objectives embed, citing the source', async () => {
    const callback = await ask({ subcommand: 'objectives' })
    assert.equal(callback.body.type, 4)
    const [embed] = callback.body.data.embeds
    assert.equal(embed.title, 'The five objectives of the GFMD')
    assert.match(embed.footer.text, /^Source: /)
    assert.ok(!(callback.body.data.flags & 64), 'public')
    const rows = callback.body.data.components
    assert.ok(rows.some((row) => row.components.some((c) => c.type === 3)), 'related menu')
    assert.ok(rows.some((row) => row.components.some((c) => c.type === 2 && c.label === 'Delete')), 'delete button')
  })

  it('/gfmd ask answers a paraphrased question', async () => {
    const callback = await ask({
      subcommand: 'ask',
      options: [{ name: 'question', type: 3, value: 'who proposed creating the gfmd?' }],
    })
    assert.equal(callback.body.type, 4)
    assert.ok(!(callback.body.data.flags & 64), 'public')
    assert.deepEqual(
      callback.body.data.embeds.map((e) => e.title),
      ['Who proposed the GFMD'],
    )
  })

  it('/gfmd ask on an off-topic question says "not sure" privately, never guessing', async () => {
    const callback = await ask({
      subcommand: 'ask',
      options: [{ name: 'question', type: 3, value: 'how do I renew my passport' }],
    })
    assert.equal(callback.body.type, 4)
    assert.equal(callback.body.data.flags & 64, 64, 'ephemeral')
    assert.ok(!callback.body.data.embeds?.length, 'no answer embed')
    assert.match(callback.body.data.content, /not sure/i)
  })

  it('/gfmd topic autocompletes, prefix matches first, within Discord limits', async () => {
    const sentAt = now()
    const { id } = await bot.discord.simulateInteraction({
      type: 4,
      channelId: IDS.general,
      userId: IDS.alice,
      data: {
        id: '1200000000000005555',
        name: 'gfmd',
        type: 1,
        options: [{ name: 'topic', type: 1, options: [{ name: 'name', type: 3, value: 'cai', focused: true }] }],
      },
    })
    const callback = await callbackOf(bot, id)
    interactionTimes.push(callback.at - sentAt)
    assert.equal(callback.body.type, 8)
    const { choices } = callback.body.data
    assert.ok(choices.length >= 1 && choices.length <= 25)
    assert.equal(choices[0].value, 'cairo-1994')
    for (const choice of choices) assert.ok([...choice.name].length <= 100 && [...choice.value].length <= 100)
  })

  it('/gfmd topic with a typed value that is no choice still resolves it, or refuses politely', async () => {
    const resolved = await ask({ subcommand: 'topic', options: [{ name: 'name', type: 3, value: 'timeline' }] })
    assert.deepEqual(
      resolved.body.data.embeds.map((e) => e.title),
      ['GFMD timeline: key dates from 1994 to 2007'],
    )
    const refused = await ask({ subcommand: 'topic', options: [{ name: 'name', type: 3, value: 'pizza recipes' }] })
    assert.equal(refused.body.data.flags & 64, 64)
    assert.match(refused.body.data.content, /no topic/i)
  })

  it('answers a confident question in a questions channel as a reply', async () => {
    const question = await sendAs(IDS.alice, IDS.questions, 'when did the gfmd start?')
    const [reply] = await waitUntil(() => botRepliesTo(question.id).length && botRepliesTo(question.id), {
      label: 'reply in the questions channel',
    })
    assert.equal(reply.path, `/api/v10/channels/${IDS.questions}/messages`)
    assert.match(reply.body.embeds[0].title, /2007/)
    expectReply(IDS.questions, question.id)
  })

  it('stays silent on off-topic chatter in a questions channel', async () => {
    const since = bot.logs.length
    const chatter = await sendAs(IDS.bob, IDS.questions, 'anyone up for valorant tonight?')
    await bot.waitForLog((l) => l.message === 'abstained' && /valorant/.test(l.question), { since, label: 'abstain log' })
    assert.equal(botRepliesTo(chatter.id).length, 0)
    assert.equal(bot.requests('PUT', new RegExp(`/messages/${chatter.id}/reactions/`)).length, 0)
  })

  it('ignores questions elsewhere unless mentioned, and answers the mention', async () => {
    const since = bot.logs.length
    const unmentioned = await sendAs(IDS.alice, IDS.general, 'what are the objectives of the gfmd?')
    await bot.waitForLog((l) => l.message === 'not a question for the bot' && l.message_id === unmentioned.id, { since })
    assert.equal(botRepliesTo(unmentioned.id).length, 0)
    const mentioned = await sendAs(IDS.alice, IDS.general, `<@${IDS.bot}> what is the gcim?`)
    const [reply] = await waitUntil(() => botRepliesTo(mentioned.id).length && botRepliesTo(mentioned.id), {
      label: 'reply to the mention',
    })
    assert.match(reply.body.embeds[0].title, /Global Commission/i)
    expectReply(IDS.general, mentioned.id)
  })

  it('answers a direct message, and says it is not sure of an off-topic one there', async () => {
    await bot.discord.prisma.channel.create({ data: { id: IDS.dm, type: 1 } })
    const question = await sendAs(IDS.alice, IDS.dm, 'what are the objectives of the gfmd?')
    const [reply] = await waitUntil(() => botRepliesTo(question.id).length && botRepliesTo(question.id), {
      label: 'reply to the direct message',
    })
    assert.equal(reply.path, `/api/v10/channels/${IDS.dm}/messages`)
    assert.match(reply.body.embeds[0].title, /objectives/i)
    expectReply(IDS.dm, question.id)
    // In a DM the member asked the bot and no one else: silence would leave them waiting.
    const chatter = await sendAs(IDS.alice, IDS.dm, 'anyone up for valorant tonight?')
    const [unsure] = await waitUntil(() => botRepliesTo(chatter.id).length && botRepliesTo(chatter.id), {
      label: 'not-sure reply to the direct message',
    })
    assert.equal(unsure.body.embeds?.length ?? 0, 0, 'no answer embed on a guess')
    assert.match(unsure.body.content, /not sure/i)
    expectReply(IDS.dm, chatter.id)
  })

  it('answers a burst of the same question once, pointing later askers to it', async () => {
    const first = await sendAs(IDS.alice, IDS.questions, 'what was the high-level dialogue of 2006?')
    await waitUntil(() => botRepliesTo(first.id).length, { label: 'first answer' })
    expectReply(IDS.questions, first.id)
    const second = await sendAs(IDS.bob, IDS.questions, 'what was the hld in 2006')
    const pointer = await waitUntil(
      () => bot.requests('PUT', new RegExp(`/channels/${IDS.questions}/messages/${second.id}/reactions/`))[0],
      { label: 'pointer reaction' },
    )
    assert.match(decodeURIComponent(pointer.path), /👆/)
    expectedWrites.push(`PUT /api/v10/channels/${IDS.questions}/messages/${second.id}/reactions/${encodeURIComponent('👆')}/@me`)
    assert.equal(botRepliesTo(second.id).length, 0, 'no second answer')
  })

  it('never pings anyone, whatever the user typed', async () => {
    // A message full of mentions gets a reply that pings nobody.
    const hostile = await sendAs(
      IDS.alice,
      IDS.general,
      `<@${IDS.bot}> @everyone @here <@${IDS.bob}> <@&${IDS.guild}> what is the weather`,
    )
    const [reply] = await waitUntil(() => botRepliesTo(hostile.id).length && botRepliesTo(hostile.id), {
      label: 'reply to hostile mention',
    })
    assert.deepEqual(reply.body.allowed_mentions, NO_PINGS)
    expectReply(IDS.general, hostile.id)
    assert.ok(!/@everyone|@here|<@/.test(reply.body.content ?? ''), reply.body.content)

    // A topic that does not exist is quoted back ("I have no topic called …"): the echo is there,
    // with every mention defused, and the request itself allows no mentions.
    const typed = `@everyone @here <@${IDS.bob}> <@&${IDS.moderatorRole}>`
    const topic = await ask({ subcommand: 'topic', options: [{ name: 'name', type: 3, value: typed }] })
    const { content, allowed_mentions: allowed } = topic.body.data
    assert.ok(content.replace(/[\u200B-\u200D\u2060\uFEFF]/g, '').includes(`"${typed}"`), `the name is quoted back: ${content}`)
    assert.ok(!/@everyone|@here|<@/.test(content), content)
    assert.deepEqual(allowed, NO_PINGS)
  })

  it('shows a "Did you mean" choice publicly when clicked', async () => {
    // Not answered (two answers score close), but with suggestions: `gfmd-bot ask --json` says
    // "suggest" with stakeholders, first-meeting and belgium.
    const callback = await ask({ subcommand: 'ask', options: [{ name: 'question', type: 3, value: 'who began the gfmd' }] })
    assert.ok(!callback.body.data.embeds?.length, 'not answered')
    assert.equal(callback.body.data.flags & 64, 64, 'the "not sure" is private')
    assert.match(callback.body.data.content, /not sure/i)
    const buttons = callback.body.data.components.flatMap((row) => row.components)
    assert.ok(buttons.length >= 1 && buttons.length <= 3, `${buttons.length} suggestion buttons`)
    // `gfmd:s:<answer>:<record>` (custom_id.rs): the suggestion and the question it answers.
    const choice = buttons.find((b) => b.custom_id.startsWith('gfmd:s:first-meeting:'))
    assert.ok(choice, `first-meeting is suggested: ${buttons.map((b) => b.custom_id)}`)
    const message = await waitUntil(
      async () =>
        (await bot.discord.channel(IDS.general).getMessages())
          .reverse()
          .find((m) => m.components?.some((row) => row.components.some((c) => c.custom_id === choice.custom_id))),
      { label: 'the not-sure message' },
    )
    const { id } = await bot.discord.channel(IDS.general).user(IDS.alice).clickButton({
      messageId: message.id,
      customId: choice.custom_id,
    })
    const click = await callbackOf(bot, id)
    assert.equal(click.body.type, 4)
    assert.ok(!(click.body.data.flags & 64), 'public')
    assert.deepEqual(
      click.body.data.embeds.map((e) => e.title),
      ['When the GFMD started: the first meeting (Brussels, July 2007)'],
    )
    assert.equal(choice.label, click.body.data.embeds[0].title, 'the button named the answer it shows')
  })

  it('lets only the asker or a moderator delete an answer', async () => {
    const callback = await ask({ subcommand: 'nature', user: IDS.alice })
    const message = await waitUntil(
      async () => (await bot.discord.channel(IDS.general).getMessages()).reverse().find((m) => m.embeds?.[0]?.title === callback.body.data.embeds[0].title),
      { label: 'the answer message' },
    )
    const deleteId = callback.body.data.components.flatMap((r) => r.components).find((c) => c.label === 'Delete').custom_id
    const denied = await bot.discord.channel(IDS.general).user(IDS.bob).clickButton({ messageId: message.id, customId: deleteId })
    const refusal = await callbackOf(bot, denied.id)
    assert.equal(refusal.body.data.flags & 64, 64)
    assert.match(refusal.body.data.content, /only the person who asked/i)
    const allowed = await bot.discord.channel(IDS.general).user(IDS.alice).clickButton({ messageId: message.id, customId: deleteId })
    const ack = await callbackOf(bot, allowed.id)
    assert.equal(ack.body.type, 6)
    await waitUntil(() => bot.requests('DELETE', `/api/v10/channels/${IDS.general}/messages/${message.id}`).length, {
      label: 'delete request',
    })
    expectedWrites.push(`DELETE /api/v10/channels/${IDS.general}/messages/${message.id}`)
    const other = await ask({ subcommand: 'purpose', user: IDS.bob })
    const otherMessage = await waitUntil(
      async () => (await bot.discord.channel(IDS.general).getMessages()).reverse().find((m) => m.embeds?.[0]?.title === other.body.data.embeds[0].title),
      { label: "bob's answer" },
    )
    const otherDelete = other.body.data.components.flatMap((r) => r.components).find((c) => c.label === 'Delete').custom_id
    const byModerator = await bot.discord.channel(IDS.general).user(IDS.mod).clickButton({ messageId: otherMessage.id, customId: otherDelete })
    assert.equal((await callbackOf(bot, byModerator.id)).body.type, 6)
    await waitUntil(() => bot.requests('DELETE', `/api/v10/channels/${IDS.general}/messages/${otherMessage.id}`).length, {
      label: 'moderator delete request',
    })
    expectedWrites.push(`DELETE /api/v10/channels/${IDS.general}/messages/${otherMessage.id}`)
  })

  it('shows a related answer privately from the menu', async () => {
    const callback = await ask({ subcommand: 'origins', channel: IDS.questions, user: IDS.bob })
    const menu = callback.body.data.components.flatMap((r) => r.components).find((c) => c.type === 3)
    const message = await waitUntil(
      async () => (await bot.discord.channel(IDS.questions).getMessages()).reverse().find((m) => m.embeds?.[0]?.title === callback.body.data.embeds[0].title),
      { label: 'the origins message' },
    )
    const { id } = await bot.discord.channel(IDS.questions).user(IDS.alice).selectMenu({
      messageId: message.id,
      customId: menu.custom_id,
      values: [menu.options[0].value],
    })
    const chosen = await callbackOf(bot, id)
    assert.equal(chosen.body.data.flags & 64, 64)
    assert.deepEqual(
      chosen.body.data.embeds.map((e) => e.title),
      [menu.options[0].label],
    )
  })

  it('answers every interaction within 3 seconds', () => {
    assert.ok(interactionTimes.length >= 8, `${interactionTimes.length} timed interactions`)
    const slowest = Math.max(...interactionTimes)
    assert.ok(slowest < DEADLINE_MS, `slowest acknowledgement ${slowest} ms`)
  })

  it('sends exactly the requests asked for, each valid against the OpenAPI spec, inside Discord limits and ping-free', async () => {
    assertEverythingSentIsValid(bot, {
      expected: [
        `PUT /api/v10/applications/${IDS.bot}/guilds/${IDS.guild}/commands`,
        ...(await oneCallbackPerInteraction(bot)),
        ...expectedWrites,
      ],
    })
  })

  it('never logs the token, even at debug level', () => {
    assert.ok(bot.stderr().length > 1000, 'debug logs were captured')
    assert.ok(!bot.stderr().includes(TOKEN))
    assert.ok(!bot.stdout().includes(TOKEN))
  })
})

describe('shutdown', () => {
  it('SIGTERM closes the gateway connection and exits 0', async () => {
    const bot = await startBot({ configToml: config })
    const { code } = await bot.stop() // SIGTERM
    assert.equal(code, 0)
    assert.ok(bot.logs.some((l) => l.message === 'shutting down: closing the gateway connection'))
    assert.ok(bot.logs.some((l) => l.message === 'stopped'))
  })
})
