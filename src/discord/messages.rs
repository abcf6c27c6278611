//! Free-form questions typed in channels. In `[questions] channels` the bot answers messages it
//! is confident about and stays silent otherwise; elsewhere it answers when mentioned, and in
//! DMs. It never answers bots or itself. A repeat of an answer posted in the channel within the
//! cooldown gets a pointer instead: a 👆 reaction in listening channels, a short reply with a
//! link when the bot was mentioned.

use super::interactions::{log_question, Outcome};
use super::reply::Reply;
use super::state::BotState;
use super::throttle::PostedMessage;
use crate::config::QuestionsConfig;
use serenity::all::{Context, Message, ReactionType};
use std::time::Instant;
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

/// Handles one message.
pub async fn handle(state: &BotState, ctx: &Context, message: &Message) {
    let started = Instant::now();
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
    let knowledge = state.knowledge.load();
    let verdict = knowledge.decide(&question);
    let (reply, outcome) = match verdict.answered() {
        Some(answered) => {
            let answer = answered.answer;
            let recent = state.cooldowns().reserve(
                facts.channel_id,
                &answer.id,
                tokio::time::Instant::now(),
            );
            if let Err(recent) = recent {
                point_to_earlier(ctx, message, trigger, recent.message).await;
                log_question(
                    "message",
                    &question,
                    &Outcome {
                        answer_id: None,
                        score: Some(answered.score),
                    },
                    started,
                );
                return;
            }
            (
                Reply::answer(answer, &answered.related, facts.author_id),
                Outcome {
                    answer_id: Some(answer.id.clone()),
                    score: Some(answered.score),
                },
            )
        }
        None => {
            let outcome = Outcome {
                answer_id: None,
                score: Some(verdict.score()),
            };
            if trigger == Trigger::Listening {
                log_question("message", &question, &outcome, started);
                return;
            }
            let suggested: Vec<_> = verdict
                .suggestions()
                .iter()
                .map(|candidate| candidate.answer)
                .collect();
            (Reply::not_sure(&suggested), outcome)
        }
    };
    let sent = message
        .channel_id
        .send_message(
            &ctx.http,
            reply.to_channel_message().reference_message(message),
        )
        .await;
    match (&sent, &outcome.answer_id) {
        (Ok(posted), Some(answer_id)) => state.cooldowns().record(
            answer_id,
            PostedMessage {
                guild_id: facts.guild_id,
                channel_id: facts.channel_id,
                message_id: posted.id.get(),
            },
        ),
        (Err(error), answer_id) => {
            warn!(%error, channel = facts.channel_id, "could not reply to a question");
            if let Some(answer_id) = answer_id {
                state.cooldowns().release(facts.channel_id, answer_id);
            }
        }
        (Ok(_), None) => {}
    }
    log_question("message", &question, &outcome, started);
}

async fn point_to_earlier(
    ctx: &Context,
    message: &Message,
    trigger: Trigger,
    earlier: Option<PostedMessage>,
) {
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
            Some(posted) => format!("I answered this just above: {}", posted.jump_link()),
            None => "I answered this just above.".to_owned(),
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

    #[test]
    fn the_mention_is_removed_from_the_question() {
        assert_eq!(
            question_text("<@99> what is the gfmd? <@!99>", 99),
            "what is the gfmd?"
        );
    }
}
