// End-to-end: answers in the member's language (issue 10) through the stand-in. Slash commands,
// autocomplete and clicks follow the interaction's `locale` (French for fr, Spanish for es-ES and
// es-419, English for anything else, such as de); a question typed in a listening channel is
// answered in the language its text is written in, and one whose text does not say (a name such
// as "GCIM") in the server's preferred locale (GUILD_CREATE, then GUILD_UPDATE).
//
// The stand-in always sends `locale: 'en-US'`; the harness's asLocale() / slash({locale}) set it.
// It also sends `preferred_locale: 'en-US'` for every server; startBot({guildLocale}) and
// twin.setGuildLocale() change it.
// Expected titles are read from the answer files themselves (English first, then [fr], [es]).

import { describe, it, before, after, afterEach } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import url from 'node:url'
import { startBot, slash, callbackOf, asLocale, waitUntil, askJson, replyTo, answerWithFaq, IDS, LISTENING_CONFIG } from '../lib/harness.mjs'
import { assertEverythingSentIsValid, oneCallbackPerInteraction } from '../lib/contract.mjs'

const responses = path.resolve(path.dirname(url.fileURLToPath(import.meta.url)), '../../responses')

/** The titles of answer `id` in English, French and Spanish, from responses/<id>.toml. */
function titles(id) {
  const text = fs.readFileSync(path.join(responses, `${id}.toml`), 'utf8')
  const [english, rest = ''] = text.split(/^\[fr\]$/m)
  const [french, spanish = ''] = rest.split(/^\[es\]$/m)
  const title = (part) => /^title = "(.*)"$/m.exec(part)?.[1]
  return { en: title(english), fr: title(french), es: title(spanish) }
}

const config = LISTENING_CONFIG

describe('answers in the member\'s language', () => {
  let bot
  const expectedWrites = []
  const objectives = titles('objectives')

  const labels = (data) => data.components.flatMap((row) => row.components).map((c) => c.label ?? c.placeholder)
  const typed = async (content) => {
    const question = await bot.discord.channel(IDS.questions).user(IDS.alice).sendMessage({ content })
    const reply = await replyTo(bot, question.id)
    expectedWrites.push(`POST /api/v10/channels/${IDS.questions}/messages reply to ${question.id}`)
    return reply
  }

  /** Makes French the server's preferred locale by GUILD_UPDATE, and waits until the bot has read it. */
  const preferFrench = async () => {
    const since = bot.logs.length
    bot.twin.setGuildLocale(IDS.guild, 'fr')
    await bot.waitForLog((l) => l.message === "server's preferred language" && l.lang === 'fr', {
      since,
      label: 'the server\'s language from GUILD_UPDATE',
    })
  }

  before(async () => {
    assert.ok(objectives.en && objectives.fr && objectives.es, JSON.stringify(objectives))
    assert.notEqual(objectives.fr, objectives.en)
    bot = await startBot({ configToml: config })
    await waitUntil(() => bot.requests('PUT', /\/commands$/).length > 0, { label: 'command registration' })
  })

  after(async () => {
    if (bot) await bot.stop()
  })

  for (const [locale, lang, footer, deleteLabel, placeholder] of [
    ['fr', 'fr', 'Source : ', 'Supprimer', 'Questions liées'],
    ['es-ES', 'es', 'Fuente: ', 'Eliminar', 'Preguntas relacionadas'],
    ['de', 'en', 'Source: ', 'Delete', 'Related questions'],
  ]) {
    it(`/gfmd objectives with locale ${locale} answers in ${lang}, menu and buttons too`, async () => {
      const { id } = await slash(bot, { subcommand: 'objectives', locale })
      const callback = await callbackOf(bot, id)
      assert.equal(callback.body.type, 4)
      const { data } = callback.body
      assert.deepEqual(
        data.embeds.map((e) => e.title),
        [objectives[lang]],
      )
      assert.ok(data.embeds[0].footer.text.startsWith(footer), data.embeds[0].footer.text)
      assert.ok(!(data.flags & 64), 'public')
      const shown = labels(data)
      assert.ok(shown.includes(deleteLabel), JSON.stringify(shown))
      assert.ok(shown.includes(placeholder), JSON.stringify(shown))
    })
  }

  it('/gfmd ask with locale fr matches the French question and answers in French', async () => {
    const { id } = await slash(bot, {
      subcommand: 'ask',
      options: [{ name: 'question', type: 3, value: 'Quels sont les objectifs du FMMD ?' }],
      locale: 'fr',
    })
    const callback = await callbackOf(bot, id)
    assert.deepEqual(
      callback.body.data.embeds.map((e) => e.title),
      [objectives.fr],
    )
  })

  it('a French question typed in a listening channel gets the French answer', async () => {
    const reply = await typed('Quels sont les objectifs du FMMD ?')
    assert.deepEqual(
      reply.body.embeds.map((e) => e.title),
      [objectives.fr],
    )
    assert.ok(reply.body.embeds[0].footer.text.startsWith('Source : '))
  })

  it('a Spanish question typed in a listening channel gets the Spanish answer', async () => {
    const reply = await typed('¿Cuándo fue la primera reunión del FMMD?')
    assert.deepEqual(
      reply.body.embeds.map((e) => e.title),
      [titles('first-meeting').es],
    )
    assert.ok(reply.body.embeds[0].footer.text.startsWith('Fuente: '))
  })

  it('"Answer with GFMD FAQ" on a French message ranks it in French and posts the French answer', async () => {
    const question = await bot.discord.channel(IDS.general).user(IDS.alice).sendMessage({ content: 'Quels sont les objectifs du FMMD ?' })
    const id = await answerWithFaq(bot, { message: question, user: IDS.admin })
    const suggestions = await callbackOf(bot, id)
    assert.match(suggestions.body.data.content, /\(read as French\) — would answer `objectives`/)
    const [first] = suggestions.body.data.components.flatMap((r) => r.components)
    assert.equal(first.label, `Post: ${objectives.fr}`)
    const message = await waitUntil(
      async () => (await bot.discord.channel(IDS.general).getMessages()).reverse().find((m) => /Top matches/.test(m.content)),
      { label: 'the top matches' },
    )
    const click = await bot.discord.channel(IDS.general).user(IDS.admin).clickButton({ messageId: message.id, customId: first.custom_id })
    await callbackOf(bot, click.id)
    const posted = await waitUntil(
      () => bot.requests('POST', `/api/v10/channels/${IDS.general}/messages`).find((r) => r.body.message_reference?.message_id === question.id),
      { label: 'the posted reply' },
    )
    expectedWrites.push(`POST /api/v10/channels/${IDS.general}/messages reply to ${question.id}`)
    assert.deepEqual(posted.body.embeds.map((e) => e.title), [objectives.fr])
  })

  it('a middling French question gets the offer in French, and the asker\'s Show answer keeps it French', async () => {
    // The bot's own `ask --json` (no --locale: the text decides, as in a channel) picks the first
    // question it reads as French and offers rather than answers, so a refit cannot stale the list.
    const candidates = [
      'le fmmd est-il formel',
      "qui a eu l'idée du fmmd",
      'a quoi sa sert le fmmd',
      'le fmmd cest lonu ?',
      'objectif numero 3 du fmmd ca dit koi',
      'sa sert a koi davoir un forum mondial pr la migration',
      'Quels buts le FMMD s\'est-il fixés ?',
      'le fmmd et bruxelles',
      'fmmd dialogue truc',
      'fmmd et kofi annan',
    ]
    const reports = await askJson(candidates)
    const middling = reports.find((report) => report.locale === 'fr' && report.decision === 'suggest')
    assert.ok(middling, `one of the candidates is offered in French by ask --json: ${JSON.stringify(reports)}`)
    const since = bot.logs.length
    const question = await bot.discord.channel(IDS.questions).user(IDS.alice).sendMessage({ content: middling.question })
    const decided = await bot.waitForLog((l) => l.via === 'message' && ['answered', 'suggested', 'abstained'].includes(l.message), {
      since,
      label: `the decision on ${middling.question}`,
    })
    assert.equal(decided.lang, 'fr', 'read as French (the log line says)')
    assert.equal(decided.message, 'suggested', 'the bot offers what ask --json offers')
    const reply = await replyTo(bot, question.id)
    expectedWrites.push(`POST /api/v10/channels/${IDS.questions}/messages reply to ${question.id}`)
    const offered = { reply, answer: decided.answer }
    const french = titles(offered.answer).fr
    assert.equal(offered.reply.body.content, `Ceci pourrait vous aider : **${french}**`)
    assert.deepEqual(labels(offered.reply.body), ['Afficher la réponse', 'Pas ça'])
    const line = await waitUntil(
      async () => (await bot.discord.channel(IDS.questions).getMessages()).find((m) => m.content === offered.reply.body.content),
      { label: 'the posted line' },
    )
    const show = line.components.flatMap((row) => row.components).find((c) => c.label === 'Afficher la réponse')
    // Alice's client reads en-US (the stand-in's own locale): the line's language wins.
    const click = await bot.discord.channel(IDS.questions).user(IDS.alice).clickButton({ messageId: line.id, customId: show.custom_id })
    const update = await callbackOf(bot, click.id)
    assert.equal(update.body.type, 7, 'the line itself becomes the answer')
    assert.deepEqual(
      update.body.data.embeds.map((e) => e.title),
      [french],
    )
  })

  it('autocomplete with locale fr matches French words and shows French titles, valued by id', async () => {
    const { id } = await asLocale(bot, 'fr', () =>
      bot.discord.simulateInteraction({
        type: 4,
        channelId: IDS.general,
        userId: IDS.alice,
        data: {
          id: '1200000000000005556',
          name: 'gfmd',
          type: 1,
          options: [{ name: 'topic', type: 1, options: [{ name: 'name', type: 3, value: 'objectifs', focused: true }] }],
        },
      }),
    )
    const callback = await callbackOf(bot, id)
    assert.equal(callback.body.type, 8)
    const { choices } = callback.body.data
    assert.ok(choices.length >= 1 && choices.length <= 25)
    assert.ok(
      choices.some((c) => c.value === 'objectives' && c.name === objectives.fr),
      JSON.stringify(choices),
    )
    for (const choice of choices) assert.equal(choice.name, titles(choice.value).fr, choice.value)
  })

  it('a click answers in the clicker\'s locale: Helpful on the French answer, by a Spanish reader', async () => {
    const answer = await waitUntil(
      async () =>
        (await bot.discord.channel(IDS.questions).getMessages()).find((m) => m.embeds?.[0]?.title === objectives.fr),
      { label: 'the French answer in the channel' },
    )
    const helpful = answer.components.flatMap((row) => row.components).find((c) => c.label === 'Utile')
    assert.ok(helpful, JSON.stringify(answer.components))
    const click = await asLocale(bot, 'es-ES', () =>
      bot.discord.channel(IDS.questions).user(IDS.bob).clickButton({ messageId: answer.id, customId: helpful.custom_id }),
    )
    const callback = await callbackOf(bot, click.id)
    assert.equal(callback.body.data.content, 'Gracias por tu opinión.')
    assert.equal(callback.body.data.flags & 64, 64, 'private')
  })

  it('a text that does not say its language is answered in the server\'s preferred locale, which GUILD_UPDATE changes', async () => {
    const gcim = titles('gcim')
    assert.notEqual(gcim.fr, gcim.en)
    await bot.waitForLog((l) => l.message === "server's preferred language" && l.guild === IDS.guild, {
      label: 'the server\'s language from GUILD_CREATE',
    })
    const inEnglishServer = await typed('GCIM')
    assert.deepEqual(
      inEnglishServer.body.embeds.map((e) => e.title),
      [gcim.en],
      'an en-US server reads it in English',
    )
    await preferFrench()
    const inFrenchServer = await typed('GCIM')
    assert.deepEqual(
      inFrenchServer.body.embeds.map((e) => e.title),
      [gcim.fr],
      'the same text in a server now preferring fr is read in French',
    )
    assert.ok(inFrenchServer.body.embeds[0].footer.text.startsWith('Source : '))
    const english = await typed('what are the objectives of the gfmd')
    assert.deepEqual(
      english.body.embeds.map((e) => e.title),
      [objectives.en],
      'a text in English stays English in a French server',
    )
    bot.twin.setGuildLocale(IDS.guild, 'en-US')
  })

  it('a direct message is answered in its text\'s language, and in English when the text does not say, whatever the server prefers', async () => {
    await bot.discord.prisma.channel.create({ data: { id: IDS.dm, type: 1 } })
    const direct = async (content) => {
      const question = await bot.discord.channel(IDS.dm).user(IDS.alice).sendMessage({ content })
      const reply = await replyTo(bot, question.id)
      expectedWrites.push(`POST /api/v10/channels/${IDS.dm}/messages reply to ${question.id}`)
      return reply
    }
    const firstMeeting = titles('first-meeting')
    const spanish = await direct('¿Cuándo fue la primera reunión del FMMD?')
    assert.deepEqual(spanish.body.embeds.map((e) => e.title), [firstMeeting.es])
    const gcim = titles('gcim')
    await preferFrench()
    const unsaid = await direct('GCIM')
    assert.deepEqual(unsaid.body.embeds.map((e) => e.title), [gcim.en], 'a DM belongs to no server')
    bot.twin.setGuildLocale(IDS.guild, 'en-US')
  })

  it('sends exactly these requests, each valid and ping-free', async () => {
    assertEverythingSentIsValid(bot, {
      expected: [
        `PUT /api/v10/applications/${IDS.bot}/guilds/${IDS.guild}/commands`,
        ...(await oneCallbackPerInteraction(bot)),
        ...expectedWrites,
      ],
    })
  })
})

describe('a server whose preferred locale is French', () => {
  let bot
  const configured = (language) => `${config}${language ? `language = "${language}"\n` : ''}`
  const gcim = titles('gcim')

  /** Starts a bot for a server preferring fr (GUILD_CREATE) with `[questions] language` as given. */
  const start = async (language) => {
    bot = await startBot({ configToml: configured(language), guildLocale: 'fr' })
    await bot.waitForLog((l) => l.message === "server's preferred language" && l.lang === 'fr', {
      label: 'the server\'s language from GUILD_CREATE',
    })
  }
  const ask = async (content) => {
    const question = await bot.discord.channel(IDS.questions).user(IDS.alice).sendMessage({ content })
    return waitUntil(
      () => bot.requests('POST', /\/channels\/\d+\/messages$/).find((r) => r.body?.message_reference?.message_id === question.id),
      { label: `the reply to ${content}` },
    )
  }

  afterEach(async () => {
    if (bot) await bot.stop()
    bot = null
  })

  it('gets the French answer from connection on to a text that does not say its language', async () => {
    await start(null)
    const reply = await ask('GCIM')
    assert.deepEqual(
      reply.body.embeds.map((e) => e.title),
      [gcim.fr],
    )
  })

  it('gets the configured language instead when `[questions] language` is set', async () => {
    await start('en')
    const reply = await ask('GCIM')
    assert.deepEqual(
      reply.body.embeds.map((e) => e.title),
      [gcim.en],
    )
  })
})
