//! Free-form questions typed in channels. In `[questions] channels` the bot answers messages it
//! is confident about, offers a one-line "might help" for a middling match, and stays silent
//! otherwise; elsewhere it answers when mentioned, and in DMs. It never answers bots or itself. A repeat of an answer posted in the channel within the
//! cooldown gets a pointer instead: a 👆 reaction in listening channels, a short reply with a
//! link when the bot was mentioned.

use super::question_log::{log_question, Handled};
use super::recording::{Asked, Live, Records};
use super::reply::Reply;
use super::state::BotState;
use super::throttle::PostedMessage;
use crate::config::QuestionsConfig;
use crate::detect;
use crate::knowledge::{Knowledge, Verdict};
use crate::locale::Lang;
use crate::records::Kind;
use crate::wording::{fill, Wording};
use serenity::all::{Context, Message, ReactionType};
use tracing::{debug, warn};

/// The reaction that points a later asker to an answer posted just above.
pub const POINTER_REACTION: &str = "👆";

/// The facts about a message that decide whether the bot looks at it.
#[derive(Debug, Clone, Copy)]
pub struct MessageFacts<'a> {
    /// Author.
    pub author_id: u64,
    /// Whether the author is a bot (including this one).
    pub author_is_bot: bool,
    /// The bot's own user id.
    pub bot_id: u64,
    /// Channel.
    pub channel_id: u64,
    /// Guild, `None` in a DM.
    pub guild_id: Option<u64>,
    /// Text.
    pub content: &'a str,
}

/// Why the bot reads a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trigger {
    /// A questions channel: answer when confident, else stay silent.
    Listening,
    /// The bot was mentioned: answer, or say it is not sure.
    Mentioned,
    /// A direct message: answer, or say it is not sure.
    Direct,
}

impl Trigger {
    /// How a question read for this reason is recorded.
    pub fn kind(self) -> Kind {
        match self {
            Trigger::Listening => Kind::Message,
            Trigger::Mentioned => Kind::Mention,
            Trigger::Direct => Kind::Dm,
        }
    }
}

/// Whether, and why, the bot should read this message.
pub fn trigger(facts: &MessageFacts<'_>, config: &QuestionsConfig) -> Option<Trigger> {
    if facts.author_is_bot || facts.author_id == facts.bot_id || facts.bot_id == 0 {
        return None;
    }
    if facts.guild_id.is_none() {
        return config.answer_dms.then_some(Trigger::Direct);
    }
    if mentions(facts.content, facts.bot_id) {
        return config.answer_mentions.then_some(Trigger::Mentioned);
    }
    config
        .channels
        .iter()
        .any(|channel| channel.0 == facts.channel_id)
        .then_some(Trigger::Listening)
}

/// Whether `content` mentions user `bot_id` (`<@id>` or `<@!id>`). Parsed from the text because
/// the `mentions` list may be missing.
pub fn mentions(content: &str, bot_id: u64) -> bool {
    content.contains(&format!("<@{bot_id}>")) || content.contains(&format!("<@!{bot_id}>"))
}

/// The question with the bot's mention removed.
pub fn question_text(content: &str, bot_id: u64) -> String {
    content
        .replace(&format!("<@!{bot_id}>"), " ")
        .replace(&format!("<@{bot_id}>"), " ")
        .trim()
        .to_owned()
}

/// What to do with a free-form question, decided from the verdict and the trigger.
#[derive(Debug, Clone, PartialEq)]
pub enum MessagePlan {
    /// Post this reply; when it is an answer, under the channel's cooldown for `answer_id`.
    Post {
        /// The reply.
        reply: Box<Reply>,
        /// The answer it shows or offers, if any.
        answer_id: Option<String>,
        /// The language it is written in (the message's).
        lang: Lang,
    },
    /// Say nothing.
    Silence,
}

/// The language a free-form `question` is answered in: the one its text is written in
/// ([`detect::language_of`]), or `fallback` when the text does not say (`[questions] language`
/// when set, else the server's preferred locale: [`BotState::fallback_language`]).
pub fn message_language(knowledge: &Knowledge, question: &str, fallback: Lang) -> Lang {
    detect::language_of(knowledge, question).unwrap_or(fallback)
}

/// Plans the reply to a free-form `question` read because of `trigger` and records it (the
/// silent ones too: they are what the moderators' inbox is for): the answer when confident;
/// the one-line "might help" offer for a middling match; for an unsure match, silence in
/// listening channels and "not sure" with suggestions when mentioned or in a DM. The question is
/// matched, and the reply written, in the message's language ([`message_language`], falling back
/// to `fallback`), which the returned plan names.
pub fn plan_message(
    knowledge: &Knowledge,
    question: &str,
    trigger: Trigger,
    asked: &Asked,
    fallback: Lang,
    records: &mut dyn Records,
) -> (MessagePlan, Handled) {
    let asker_id = asked.user_id;
    let lang = message_language(knowledge, question, fallback);
    let verdict = knowledge.decide_in(lang, question);
    let handled = Handled::from_verdict(&verdict).in_lang(lang);
    let record = records.question(asked.decided(question, lang, &verdict));
    let post = |reply: Reply, answer_id: Option<&str>| MessagePlan::Post {
        reply: Box::new(reply),
        answer_id: answer_id.map(str::to_owned),
        lang,
    };
    let plan = match &verdict {
        Verdict::Answer(answered) => {
            let answer = answered.answer;
            let reply = Reply::answer(answer, &answered.related, asker_id, record, lang);
            post(reply, Some(&answer.id))
        }
        Verdict::Suggest { suggestions } => match suggestions.first() {
            Some(best) => post(
                Reply::might_help(best.answer, asker_id, record, lang),
                Some(&best.answer.id),
            ),
            None => MessagePlan::Silence,
        },
        Verdict::Abstain { .. } if trigger == Trigger::Listening => MessagePlan::Silence,
        Verdict::Abstain { suggestions, .. } => {
            let suggested: Vec<_> = suggestions
                .iter()
                .map(|candidate| candidate.answer)
                .collect();
            post(Reply::not_sure(&suggested, record, lang), None)
        }
    };
    (plan, handled)
}

/// Handles one message.
pub async fn handle(state: &BotState, ctx: &Context, message: &Message) {
    let facts = MessageFacts {
        author_id: message.author.id.get(),
        author_is_bot: message.author.bot,
        bot_id: state.bot_user_id(),
        channel_id: message.channel_id.get(),
        guild_id: message.guild_id.map(|id| id.get()),
        content: &message.content,
    };
    let Some(trigger) = trigger(&facts, &state.config.questions) else {
        debug!(message_id = %message.id, channel = facts.channel_id, "not a question for the bot");
        return;
    };
    let question = question_text(&message.content, facts.bot_id);
    if question.is_empty() {
        return;
    }
    let allowed = state
        .rate_limiter()
        .check(facts.author_id, tokio::time::Instant::now());
    if let Err(wait) = allowed {
        debug!(
            user = facts.author_id,
            wait_secs = wait.as_secs(),
            "rate-limited a free-form question"
        );
        return;
    }
    let asked = Asked::new(
        trigger.kind(),
        facts.author_id,
        facts.guild_id,
        facts.channel_id,
    );
    let mut records = Live::new(&state.recorder, facts.author_id);
    let fallback = state.fallback_language(facts.guild_id);
    let knowledge = state.knowledge();
    let (plan, handled) = plan_message(
        &knowledge,
        &question,
        trigger,
        &asked,
        fallback,
        &mut records,
    );
    drop(knowledge);
    if let MessagePlan::Post {
        reply,
        answer_id,
        lang,
    } = plan
    {
        let reply = Posting {
            reply: &reply,
            answer_id: answer_id.as_deref(),
            lang,
        };
        post(state, ctx, message, trigger, reply).await;
    }
    log_question("message", &question, &handled, asked.started);
}

/// A planned reply to a message: what to post, the answer it carries, and its language.
struct Posting<'a> {
    reply: &'a Reply,
    answer_id: Option<&'a str>,
    lang: Lang,
}

/// Posts the reply to `message`. An answer (or an offer of one) already posted in the channel
/// within the cooldown gets a pointer to it instead.
async fn post(
    state: &BotState,
    ctx: &Context,
    message: &Message,
    trigger: Trigger,
    posting: Posting<'_>,
) {
    let Posting {
        reply,
        answer_id,
        lang,
    } = posting;
    let channel_id = message.channel_id.get();
    let is_answer = reply.embed.is_some();
    if let Some(answer_id) = answer_id {
        let now = tokio::time::Instant::now();
        let recent = if is_answer {
            state.cooldowns().reserve(channel_id, answer_id, now)
        } else {
            state.cooldowns().recent(channel_id, answer_id, now)
        };
        if let Err(recent) = recent {
            point_to_earlier(ctx, message, trigger, recent.message, lang).await;
            return;
        }
    }
    let sent = message
        .channel_id
        .send_message(
            &ctx.http,
            reply.to_channel_message().reference_message(message),
        )
        .await;
    match (sent, answer_id.filter(|_| is_answer)) {
        (Ok(posted), Some(answer_id)) => state.cooldowns().record(
            answer_id,
            PostedMessage {
                guild_id: message.guild_id.map(|id| id.get()),
                channel_id,
                message_id: posted.id.get(),
            },
        ),
        (Ok(_), None) => {}
        (Err(error), answer_id) => {
            warn!(%error, channel = channel_id, "could not reply to a question");
            if let Some(answer_id) = answer_id {
                state.cooldowns().release(channel_id, answer_id);
            }
        }
    }
}

async fn point_to_earlier(
    ctx: &Context,
    message: &Message,
    trigger: Trigger,
    earlier: Option<PostedMessage>,
    lang: Lang,
) {
    let notices = &Wording::of(lang).notices;
    let result = if trigger == Trigger::Listening {
        message
            .react(
                &ctx.http,
                ReactionType::Unicode(POINTER_REACTION.to_owned()),
            )
            .await
            .map(|_| ())
    } else {
        let text = match earlier {
            Some(posted) => fill(notices.answered_above_at, posted.jump_link()),
            None => notices.answered_above.to_owned(),
        };
        message
            .channel_id
            .send_message(
                &ctx.http,
                Reply::notice(text)
                    .to_channel_message()
                    .reference_message(message),
            )
            .await
            .map(|_| ())
    };
    if let Err(error) = result {
        warn!(%error, "could not point to an earlier answer");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Snowflake;
    use crate::discord::recording::Noted;
    use crate::discord::reply::Row;

    fn facts(content: &str) -> MessageFacts<'_> {
        MessageFacts {
            author_id: 1,
            author_is_bot: false,
            bot_id: 99,
            channel_id: 10,
            guild_id: Some(5),
            content,
        }
    }

    fn config() -> QuestionsConfig {
        QuestionsConfig {
            channels: vec![Snowflake(10)],
            ..QuestionsConfig::default()
        }
    }

    #[test]
    fn questions_channels_are_listened_to_and_other_channels_only_on_mention() {
        assert_eq!(
            trigger(&facts("when did it start?"), &config()),
            Some(Trigger::Listening)
        );
        let elsewhere = MessageFacts {
            channel_id: 11,
            ..facts("when did it start?")
        };
        assert_eq!(trigger(&elsewhere, &config()), None);
        let mentioned = MessageFacts {
            channel_id: 11,
            ..facts("<@99> when did it start?")
        };
        assert_eq!(trigger(&mentioned, &config()), Some(Trigger::Mentioned));
        let nickname_mention = MessageFacts {
            channel_id: 11,
            ..facts("<@!99> hi")
        };
        assert_eq!(
            trigger(&nickname_mention, &config()),
            Some(Trigger::Mentioned)
        );
        let direct = MessageFacts {
            guild_id: None,
            ..facts("hello")
        };
        assert_eq!(trigger(&direct, &config()), Some(Trigger::Direct));
    }

    #[test]
    fn bots_and_the_bot_itself_are_never_answered() {
        let bot = MessageFacts {
            author_is_bot: true,
            ..facts("<@99> objectives?")
        };
        assert_eq!(trigger(&bot, &config()), None);
        let itself = MessageFacts {
            author_id: 99,
            ..facts("objectives?")
        };
        assert_eq!(trigger(&itself, &config()), None);
    }

    fn knowledge() -> Knowledge {
        Knowledge::embedded().unwrap()
    }

    fn plan(question: &str, trigger: Trigger, noted: &mut Noted) -> MessagePlan {
        let asked = Asked::new(trigger.kind(), 1, Some(5), 10);
        plan_message(&knowledge(), question, trigger, &asked, Lang::En, noted).0
    }

    #[test]
    fn every_question_read_is_recorded_as_what_brought_it_silent_ones_too() {
        let mut noted = Noted::default();
        assert_eq!(
            plan(
                "anyone up for valorant tonight?",
                Trigger::Listening,
                &mut noted
            ),
            MessagePlan::Silence
        );
        plan(
            "what are the objectives of the gfmd",
            Trigger::Mentioned,
            &mut noted,
        );
        plan(
            "what are the objectives of the gfmd",
            Trigger::Direct,
            &mut noted,
        );
        let kinds: Vec<Kind> = noted.questions.iter().map(|q| q.source.kind).collect();
        assert_eq!(kinds, [Kind::Message, Kind::Mention, Kind::Dm]);
        assert_eq!(noted.questions[0].outcome, crate::records::Outcome::Abstain);
        assert_eq!(noted.questions[2].source.channel_id, None, "no DM channel");
    }

    #[test]
    fn a_confident_answer_carries_feedback_buttons_for_its_record() {
        let mut noted = Noted::default();
        let MessagePlan::Post { reply, .. } = plan(
            "what are the objectives of the gfmd",
            Trigger::Listening,
            &mut noted,
        ) else {
            panic!("answered")
        };
        let Some(Row::Buttons(buttons)) = reply.rows.last() else {
            panic!("buttons")
        };
        assert_eq!(buttons[0].custom_id, "gfmd:h:1");
        assert_eq!(buttons[1].custom_id, "gfmd:u:1");
    }

    #[test]
    fn the_mention_is_removed_from_the_question() {
        assert_eq!(
            question_text("<@99> what is the gfmd? <@!99>", 99),
            "what is the gfmd?"
        );
    }

    /// The reply planned for `question` (mentioned, so every outcome posts) and its language.
    fn posted(knowledge: &Knowledge, question: &str, fallback: Lang) -> Option<(Reply, Lang)> {
        let asked = Asked::new(Kind::Mention, 1, Some(5), 10);
        let mut noted = Noted::default();
        match plan_message(
            knowledge,
            question,
            Trigger::Mentioned,
            &asked,
            fallback,
            &mut noted,
        )
        .0
        {
            MessagePlan::Post { reply, lang, .. } => Some((*reply, lang)),
            MessagePlan::Silence => None,
        }
    }

    #[test]
    fn a_question_typed_in_french_or_spanish_is_answered_in_that_language() {
        let knowledge = knowledge();
        let objectives = knowledge.answers().get("objectives").unwrap();
        let (reply, lang) =
            posted(&knowledge, "Quels sont les objectifs du FMMD ?", Lang::En).unwrap();
        assert_eq!(lang, Lang::Fr);
        assert_eq!(reply.embed.unwrap().title, objectives.title_in(Lang::Fr));
        let (reply, lang) =
            posted(&knowledge, "¿Cuáles son los objetivos del FMMD?", Lang::Fr).unwrap();
        assert_eq!(lang, Lang::Es);
        assert_eq!(reply.embed.unwrap().title, objectives.title_in(Lang::Es));
        let (reply, lang) =
            posted(&knowledge, "what are the objectives of the gfmd", Lang::Es).unwrap();
        assert_eq!(lang, Lang::En);
        assert_eq!(reply.embed.unwrap().title, objectives.title);
    }

    #[test]
    fn a_text_that_does_not_say_its_language_is_read_in_the_configured_one() {
        let knowledge = knowledge();
        for fallback in Lang::ALL {
            assert_eq!(message_language(&knowledge, "GFMD", fallback), fallback);
        }
        assert_eq!(
            message_language(&knowledge, "Quels sont les objectifs du FMMD ?", Lang::Es),
            Lang::Fr
        );
    }

    #[test]
    fn a_text_that_does_not_say_is_answered_in_the_servers_language_unless_one_is_configured() {
        use crate::discord::server_language::ServerLanguages;
        let knowledge = knowledge();
        let servers = ServerLanguages::default();
        let (french_server, english_server, unseen_server) = (1, 2, 3);
        servers.remember(french_server, "fr");
        servers.remember(english_server, "en-US");
        for (text, id) in [("GCIM", "gcim"), ("GFMD", "what-is-gfmd")] {
            assert_eq!(detect::language_of(&knowledge, text), None, "{text:?}");
            let answer = knowledge.answers().get(id).unwrap();
            for (configured, guild, lang) in [
                (None, Some(french_server), Lang::Fr),
                (None, Some(english_server), Lang::En),
                (None, Some(unseen_server), Lang::En),
                (None, None, Lang::En),
                (Some(Lang::Es), Some(french_server), Lang::Es),
                (Some(Lang::En), Some(french_server), Lang::En),
            ] {
                let fallback = servers.fallback_for(configured, guild);
                let (reply, read_in) = posted(&knowledge, text, fallback).unwrap();
                let case = format!("{text:?} configured {configured:?} in {guild:?}");
                assert_eq!(read_in, lang, "{case}");
                assert_eq!(reply.embed.unwrap().title, answer.title_in(lang), "{case}");
            }
        }
        let french = "Quels sont les objectifs du FMMD ?";
        let in_english_server = servers.fallback_for(None, Some(english_server));
        assert_eq!(
            posted(&knowledge, french, in_english_server).unwrap().1,
            Lang::Fr
        );
    }

    /// The in-domain questions of the dev set file `path` of `lang`.
    fn in_domain(lang: Lang, path: &str) -> Vec<String> {
        let file = crate::devset::dev_set_files(lang)
            .iter()
            .find(|file| file.path == path)
            .unwrap_or_else(|| panic!("{path} is a {lang} dev set file"));
        crate::devset::parse_cases(&file.text())
            .unwrap()
            .into_iter()
            .filter(crate::devset::Case::in_domain)
            .map(|case| case.question)
            .collect()
    }

    #[test]
    fn a_french_question_never_gets_a_spanish_reply_nor_a_spanish_one_a_french_reply() {
        let knowledge = knowledge();
        for (path, asked_in, never) in [
            ("tests/devset.fr.tsv", Lang::Fr, Lang::Es),
            ("tests/devset.es.tsv", Lang::Es, Lang::Fr),
        ] {
            let questions = in_domain(asked_in, path);
            assert!(questions.len() >= 60, "{asked_in}: {}", questions.len());
            let mut in_own = 0;
            for question in questions.iter().map(String::as_str) {
                let Some((reply, lang)) = posted(&knowledge, question, Lang::En) else {
                    continue;
                };
                assert_ne!(lang, never, "{question:?}");
                let words = Wording::of(never);
                let text = reply.content.clone().unwrap_or_default();
                assert!(!text.starts_with(words.not_sure), "{question:?}");
                assert!(!text.starts_with(words.might_help), "{question:?}");
                if let Some(embed) = &reply.embed {
                    assert!(
                        !embed.footer.starts_with(words.source_label),
                        "{question:?}"
                    );
                }
                in_own += usize::from(lang == asked_in);
            }
            assert!(in_own * 10 >= questions.len() * 9, "{asked_in}: {in_own}");
        }
    }

    #[test]
    fn the_log_line_names_the_language_the_question_was_read_in() {
        let knowledge = knowledge();
        let asked = Asked::new(Kind::Message, 1, Some(5), 10);
        let handled = |question: &str, fallback: Lang| {
            let mut noted = Noted::default();
            let listening = Trigger::Listening;
            plan_message(
                &knowledge, question, listening, &asked, fallback, &mut noted,
            )
            .1
        };
        assert_eq!(
            handled("Quels sont les objectifs du FMMD ?", Lang::En).lang,
            Lang::Fr
        );
        assert_eq!(handled("GFMD", Lang::Es).lang, Lang::Es);
    }
}
