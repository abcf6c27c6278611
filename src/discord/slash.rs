//! `/gfmd`: the subcommands, `ask` and `topic`, and the autocomplete of `topic`, each in the
//! member's language (the interaction's `locale`: French, Spanish, else English). Each handler
//! first decides what to send as plain data (`plan_*`, testable without Discord), then sends it
//! in one REST call, well inside Discord's 3-second deadline: the work before it is in memory and
//! takes microseconds.

use super::commands::gfmd::{self, GfmdRequest};
use super::privacy;
use super::question_log::{log_question, Handled};
use super::recording::{Asked, Live, Records};
use super::reply::Reply;
use super::respond::{self, Target};
use super::state::BotState;
use super::throttle::PostedMessage;
use crate::answers::limits::{self, truncate};
use crate::answers::Answer;
use crate::detect;
use crate::knowledge::Knowledge;
use crate::locale::Lang;
use crate::records::Kind;
use crate::render::quote_user_text;
use crate::wording::{fill, Wording};
use serenity::all::{
    CommandInteraction, Context, CreateAutocompleteResponse, CreateInteractionResponse,
};

/// What to reply to a `/gfmd` request asked as `asked` by a member reading `lang` (the
/// interaction's locale), recording the question in `records`. The answer is shown in `lang`, or
/// in English with a note in `lang` when it is not translated yet. An `ask` question is matched,
/// and answered, in the language its text is in, or in `lang` when the text does not say. A question the bot is not confident about gets a private "not sure"
/// with "Did you mean" buttons, never a guess. `forget-me` is not planned here (see
/// `super::privacy`).
pub fn plan_gfmd(
    knowledge: &Knowledge,
    request: &GfmdRequest,
    asked: &Asked,
    lang: Lang,
    records: &mut dyn Records,
) -> (Reply, Handled) {
    // The words decide: a French question from a member whose client reads English is read,
    // and answered, in French. The locale decides when the text does not say.
    let lang = match request {
        GfmdRequest::Ask(question) => detect::language_of(knowledge, question).unwrap_or(lang),
        _ => lang,
    };
    let notices = &Wording::of(lang).notices;
    let asker = asked.user_id;
    let mut public = |kind: Kind, answer: &Answer| {
        let question = asked
            .as_kind(kind)
            .direct(&request_text(request), lang, &answer.id);
        let record = records.question(question);
        let related = knowledge.related(answer);
        let reply = Reply::answer(answer, &related, asker, record, lang);
        (reply, Handled::shown(&answer.id))
    };
    let (reply, handled) = match request {
        GfmdRequest::Show(command) => match knowledge.answers().by_command(command) {
            Some(answer) => public(Kind::SlashSubcommand, answer),
            // A subcommand removed since Discord showed it: not a question, nothing to record.
            None => (Reply::notice(notices.topic_gone), Handled::nothing()),
        },
        GfmdRequest::Ask(question) => {
            let verdict = knowledge.decide_in(lang, question);
            let handled = Handled::from_verdict(&verdict);
            let record = records.question(asked.decided(question, lang, &verdict));
            let reply = match verdict.answered() {
                Some(answered) => {
                    Reply::answer(answered.answer, &answered.related, asker, record, lang)
                }
                None => {
                    let suggested: Vec<&Answer> = verdict
                        .suggestions()
                        .iter()
                        .map(|candidate| candidate.answer)
                        .collect();
                    Reply::not_sure(&suggested, record, lang)
                }
            };
            (reply, handled)
        }
        GfmdRequest::Topic(name) => match knowledge.resolve_topic_in(lang, name) {
            Some(answer) => public(Kind::SlashTopic, answer),
            None => {
                let suggested = knowledge.autocomplete_in(lang, name, 3);
                let best = suggested.first().map(|answer| answer.id.as_str());
                let record = records.question(asked.unmatched(name, lang, best));
                let reply = unknown_topic(name, &suggested, record, lang);
                (reply, Handled::nothing())
            }
        },
        GfmdRequest::ForgetMe => (Reply::notice(notices.not_understood), Handled::nothing()),
    };
    (reply, handled.in_lang(lang))
}

/// "I have no topic called …" in `lang`, with "Did you mean" buttons for `suggested`.
fn unknown_topic(
    name: &str,
    suggested: &[&Answer],
    record: Option<crate::records::RecordId>,
    lang: Lang,
) -> Reply {
    let words = Wording::of(lang);
    let mut reply = Reply::not_sure(suggested, record, lang);
    let then = if suggested.is_empty() {
        words.notices.start_typing
    } else {
        words.did_you_mean
    };
    let unknown = fill(words.notices.no_topic, quote_user_text(name, 80));
    reply.content = Some(format!("{unknown} {then}"));
    reply
}

/// Autocomplete choices for `/gfmd topic` shown to a member reading `lang`: matched on the
/// answers' text in `lang`, named by their titles in `lang` (English when not translated), each
/// `(name ≤100 chars, value = answer id)`, at most 25.
pub fn plan_autocomplete(knowledge: &Knowledge, lang: Lang, input: &str) -> Vec<(String, String)> {
    knowledge
        .autocomplete_in(lang, input, limits::AUTOCOMPLETE_CHOICES)
        .into_iter()
        .map(|answer| {
            (
                truncate(answer.title_in(lang), limits::CHOICE_LENGTH),
                truncate(&answer.id, limits::CHOICE_LENGTH),
            )
        })
        .collect()
}

/// Handles one `/gfmd` invocation: rate limit for `ask`, the plan (which records the
/// question), the per-channel cooldown (a repeat of an answer just posted here is shown
/// privately with a link), then the response.
pub async fn handle_gfmd(state: &BotState, ctx: &Context, command: &CommandInteraction) {
    let target = Target::from(command);
    let lang = Lang::from_discord(&command.locale);
    let notices = &Wording::of(lang).notices;
    let Some(request) = gfmd::parse_request(&command.data.options) else {
        respond::notice(ctx, target, notices.not_understood).await;
        return;
    };
    let asker = command.user.id.get();
    if request == GfmdRequest::ForgetMe {
        return privacy::handle_forget_me(state, ctx, command).await;
    }
    if let GfmdRequest::Ask(_) = request {
        let allowed = state
            .rate_limiter()
            .check(asker, tokio::time::Instant::now());
        if let Err(wait) = allowed {
            let notice = fill(notices.asking_quickly, wait.as_secs().max(1));
            respond::notice(ctx, target, notice).await;
            return;
        }
    }
    let channel = command.channel_id.get();
    let guild = command.guild_id.map(|id| id.get());
    let asked = Asked::new(Kind::SlashAsk, asker, guild, channel);
    let mut records = Live::new(&state.recorder, asker);
    let (mut reply, handled) = plan_gfmd(&state.knowledge(), &request, &asked, lang, &mut records);
    let public_answer = handled.answer_id.as_ref().filter(|_| reply.embed.is_some());
    if let Some(answer_id) = public_answer {
        let reserved = state
            .cooldowns()
            .reserve(channel, answer_id, tokio::time::Instant::now());
        if let Err(recent) = reserved {
            reply = answered_here_recently(reply, recent.message, lang);
        }
    }
    let sent = respond::reply(ctx, target, &reply).await;
    if let (false, Some(answer_id)) = (sent, public_answer) {
        state.cooldowns().release(channel, answer_id);
    }
    log_question("slash", &request_text(&request), &handled, asked.started);
}

/// `reply`, shown privately with a pointer (in `lang`) to the same answer posted here a moment
/// ago.
fn answered_here_recently(reply: Reply, earlier: Option<PostedMessage>, lang: Lang) -> Reply {
    let notices = &Wording::of(lang).notices;
    let mut reply = reply.without_buttons();
    reply.ephemeral = true;
    reply.content = Some(match earlier {
        Some(message) => fill(notices.answered_recently_at, message.jump_link()),
        None => notices.answered_recently.to_owned(),
    });
    reply
}

/// Answers an autocomplete request of `/gfmd topic` (and of `/gfmd-admin`'s answer ids).
pub async fn handle_autocomplete(state: &BotState, ctx: &Context, command: &CommandInteraction) {
    let input = command
        .data
        .autocomplete()
        .map(|option| option.value.to_owned())
        .unwrap_or_default();
    let lang = Lang::from_discord(&command.locale);
    let choices = plan_autocomplete(&state.knowledge(), lang, &input);
    let response = choices.into_iter().fold(
        CreateAutocompleteResponse::new(),
        |response, (name, value)| response.add_string_choice(name, value),
    );
    respond::respond(
        ctx,
        Target::from(command),
        CreateInteractionResponse::Autocomplete(response),
    )
    .await;
}

fn request_text(request: &GfmdRequest) -> String {
    match request {
        GfmdRequest::Show(command) => format!("/gfmd {command}"),
        GfmdRequest::Ask(question) => question.clone(),
        GfmdRequest::Topic(name) => name.clone(),
        GfmdRequest::ForgetMe => format!("/gfmd {}", gfmd::FORGET_ME),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::AnswerSet;
    use crate::discord::custom_id::Click;
    use crate::discord::recording::Noted;
    use crate::discord::reply::Row;
    use crate::matcher::Settings;
    use crate::records::{Outcome, RecordId};

    fn knowledge() -> Knowledge {
        Knowledge::embedded().unwrap()
    }

    fn plan(knowledge: &Knowledge, request: GfmdRequest, noted: &mut Noted) -> (Reply, Handled) {
        let asked = Asked::new(Kind::SlashAsk, 7, Some(1), 2);
        plan_gfmd(knowledge, &request, &asked, Lang::En, noted)
    }

    fn custom_ids(reply: &Reply) -> Vec<String> {
        reply
            .rows
            .iter()
            .flat_map(|row| match row {
                Row::Buttons(buttons) => buttons.iter().map(|b| b.custom_id.clone()).collect(),
                Row::Menu { custom_id, .. } => vec![custom_id.clone()],
            })
            .collect()
    }

    #[test]
    fn a_subcommand_shows_its_answer_publicly_and_records_it_as_a_subcommand() {
        let mut noted = Noted::default();
        let (reply, handled) = plan(
            &knowledge(),
            GfmdRequest::Show("objectives".into()),
            &mut noted,
        );
        assert!(!reply.ephemeral);
        assert_eq!(handled.answer_id.as_deref(), Some("objectives"));
        let [question] = noted.questions.as_slice() else {
            panic!("one question recorded: {:?}", noted.questions)
        };
        assert_eq!(question.source.kind, Kind::SlashSubcommand);
        assert_eq!(question.text, "/gfmd objectives");
        assert_eq!(question.outcome, Outcome::Answer);
        let helpful = Click::Vote {
            record: RecordId(1),
            helpful: true,
        };
        assert!(custom_ids(&reply).contains(&helpful.custom_id()));
    }

    #[test]
    fn an_off_topic_question_gets_an_ephemeral_not_sure_never_a_guess() {
        let mut noted = Noted::default();
        let (reply, handled) = plan(
            &knowledge(),
            GfmdRequest::Ask("how do I renew my passport".into()),
            &mut noted,
        );
        assert!(reply.ephemeral);
        assert!(reply.embed.is_none());
        assert_eq!(handled.answer_id, None);
        assert!(reply.content.unwrap().starts_with(crate::wording::NOT_SURE));
        assert_eq!(noted.questions[0].outcome, Outcome::Abstain);
        assert_eq!(noted.questions[0].source.kind, Kind::SlashAsk);
        assert_eq!(noted.questions[0].text, "how do I renew my passport");
    }

    #[test]
    fn did_you_mean_buttons_name_the_question_they_answer() {
        let mut noted = Noted::default();
        let (reply, _) = plan(
            &knowledge(),
            GfmdRequest::Ask("who began the gfmd".into()),
            &mut noted,
        );
        let ids = custom_ids(&reply);
        assert!(!ids.is_empty());
        for id in ids {
            assert!(
                matches!(
                    Click::parse(&id),
                    Some(Click::DidYouMean {
                        record: Some(RecordId(1)),
                        ..
                    })
                ),
                "{id}"
            );
        }
    }

    #[test]
    fn with_recording_off_an_answer_has_no_feedback_buttons() {
        let mut noted = Noted {
            off: true,
            ..Noted::default()
        };
        let (reply, _) = plan(
            &knowledge(),
            GfmdRequest::Ask("what are the objectives of the gfmd".into()),
            &mut noted,
        );
        assert!(reply.embed.is_some());
        assert_eq!(custom_ids(&reply).last().unwrap(), "gfmd:delete:7");
        assert!(custom_ids(&reply)
            .iter()
            .all(|id| !id.starts_with("gfmd:h:")));
    }

    #[test]
    fn a_typed_topic_that_is_no_choice_is_resolved_or_refused_politely() {
        let knowledge = knowledge();
        let mut noted = Noted::default();
        let (reply, _) = plan(
            &knowledge,
            GfmdRequest::Topic("The five objectives of the GFMD".into()),
            &mut noted,
        );
        assert_eq!(
            reply.embed.unwrap().title,
            "The five objectives of the GFMD"
        );
        assert_eq!(noted.questions[0].source.kind, Kind::SlashTopic);
        let (reply, handled) = plan(
            &knowledge,
            GfmdRequest::Topic("@everyone pizza".into()),
            &mut noted,
        );
        assert!(reply.ephemeral && handled.answer_id.is_none());
        assert!(!reply.content.unwrap().contains("@everyone"));
        assert_eq!(
            noted.questions[1].outcome,
            Outcome::Abstain,
            "a miss, for the inbox"
        );
        assert_eq!(noted.questions[1].text, "@everyone pizza");
    }

    #[test]
    fn autocomplete_offers_at_most_25_short_choices_and_prefix_matches_first() {
        let knowledge = knowledge();
        let choices = plan_autocomplete(&knowledge, Lang::En, "");
        assert!(!choices.is_empty() && choices.len() <= 25);
        let choices = plan_autocomplete(&knowledge, Lang::En, "cai");
        assert_eq!(choices[0].1, "cairo-1994");
        assert!(choices
            .iter()
            .all(|(name, value)| name.chars().count() <= 100 && value.chars().count() <= 100));
    }

    /// The plan of `request` for a member whose client reads `locale`.
    fn plan_for(knowledge: &Knowledge, locale: &str, request: GfmdRequest) -> (Reply, Noted) {
        let mut noted = Noted::default();
        let asked = Asked::new(Kind::SlashAsk, 7, Some(1), 2);
        let lang = Lang::from_discord(locale);
        let (reply, _) = plan_gfmd(knowledge, &request, &asked, lang, &mut noted);
        (reply, noted)
    }

    fn title(reply: &Reply) -> &str {
        &reply.embed.as_ref().expect("an answer").title
    }

    /// The shipped answers with `id`'s French and Spanish translations taken out.
    fn without_translations(id: &str) -> Knowledge {
        let files: Vec<crate::answers::SourceFile> = crate::answers::embedded_sources()
            .into_iter()
            .map(|mut file| {
                if file.name == format!("responses/{id}.toml") {
                    let cut = file.text.find("\n[fr]").expect("a French table");
                    file.text.truncate(cut + 1);
                }
                file
            })
            .collect();
        Knowledge::new(
            AnswerSet::from_sources(&files).unwrap(),
            Settings::default(),
        )
    }

    #[test]
    fn a_subcommand_answers_in_the_member_s_locale_french_spanish_or_else_english() {
        let knowledge = knowledge();
        let answer = knowledge.answers().get("objectives").unwrap();
        let show = || GfmdRequest::Show("objectives".into());
        let (french, _) = plan_for(&knowledge, "fr", show());
        assert_eq!(title(&french), answer.translation(Lang::Fr).unwrap().title);
        assert!(french
            .embed
            .as_ref()
            .unwrap()
            .footer
            .starts_with("Source : "));
        let (spanish, _) = plan_for(&knowledge, "es-ES", show());
        assert_eq!(title(&spanish), "Los cinco objetivos del FMMD");
        let (latin, _) = plan_for(&knowledge, "es-419", show());
        assert_eq!(title(&latin), "Los cinco objetivos del FMMD");
        let (german, _) = plan_for(&knowledge, "de", show());
        assert_eq!(title(&german), "The five objectives of the GFMD");
        assert_ne!(title(&french), title(&german));
    }

    #[test]
    fn an_untranslated_answer_is_shown_in_english_with_a_note_in_the_member_s_language() {
        let knowledge = without_translations("objectives");
        let show = || GfmdRequest::Show("objectives".into());
        let (french, _) = plan_for(&knowledge, "fr", show());
        let embed = french.embed.as_ref().unwrap();
        assert_eq!(embed.title, "The five objectives of the GFMD");
        assert!(embed.footer.starts_with("Source : "), "{}", embed.footer);
        assert!(embed.footer.ends_with(Wording::of(Lang::Fr).untranslated));
        let (spanish, _) = plan_for(&knowledge, "es-ES", show());
        let footer = &spanish.embed.as_ref().unwrap().footer;
        assert!(
            footer.ends_with(Wording::of(Lang::Es).untranslated),
            "{footer}"
        );
        let (english, _) = plan_for(&knowledge, "en-US", show());
        assert!(!english
            .embed
            .unwrap()
            .footer
            .contains(Wording::of(Lang::Fr).untranslated));
        // Its buttons still speak the member's language.
        assert!(french.rows.iter().any(|row| matches!(row,
            Row::Buttons(buttons) if buttons.iter().any(|b| b.label == "Supprimer"))));
    }

    #[test]
    fn ask_matches_a_question_in_the_member_s_language() {
        let knowledge = knowledge();
        let ask = |text: &str| GfmdRequest::Ask(text.into());
        let (french, noted) = plan_for(&knowledge, "fr", ask("Quels sont les objectifs du FMMD ?"));
        assert_eq!(
            title(&french),
            knowledge
                .answers()
                .get("objectives")
                .unwrap()
                .title_in(Lang::Fr)
        );
        assert_eq!(noted.questions[0].outcome, Outcome::Answer);
        let (spanish, _) = plan_for(
            &knowledge,
            "es-419",
            ask("¿Cuándo fue la primera reunión del FMMD?"),
        );
        let first = knowledge.answers().get("first-meeting").unwrap();
        assert_eq!(title(&spanish), first.title_in(Lang::Es));
        assert_ne!(first.title_in(Lang::Es), first.title_in(Lang::Fr));
    }

    #[test]
    fn ask_reads_a_question_in_the_language_it_is_written_in_whatever_the_client_reads() {
        let knowledge = knowledge();
        let objectives = knowledge.answers().get("objectives").unwrap();
        let french = GfmdRequest::Ask("Quels sont les objectifs du FMMD ?".into());
        let (reply, noted) = plan_for(&knowledge, "en-US", french.clone());
        assert_eq!(title(&reply), objectives.title_in(Lang::Fr));
        assert_eq!(noted.questions[0].outcome, Outcome::Answer);
        let asked = Asked::new(Kind::SlashAsk, 7, Some(1), 2);
        let (_, handled) = plan_gfmd(&knowledge, &french, &asked, Lang::En, &mut Noted::default());
        assert_eq!(
            handled.lang,
            Lang::Fr,
            "the log line names the language read in"
        );
        let english = GfmdRequest::Ask("What are the objectives of the GFMD?".into());
        let (reply, _) = plan_for(&knowledge, "es-ES", english);
        assert_eq!(title(&reply), objectives.title_in(Lang::En));
    }

    #[test]
    fn not_sure_and_an_unknown_topic_are_said_in_the_member_s_language() {
        let knowledge = knowledge();
        let (unsure, _) = plan_for(
            &knowledge,
            "fr",
            GfmdRequest::Ask("comment renouveler mon passeport".into()),
        );
        assert!(unsure.embed.is_none());
        assert!(unsure
            .content
            .unwrap()
            .starts_with(Wording::of(Lang::Fr).not_sure));
        let (unknown, _) = plan_for(&knowledge, "es-ES", GfmdRequest::Topic("zzzz pizza".into()));
        let text = unknown.content.unwrap();
        assert!(
            text.starts_with("No tengo ningún tema llamado «zzzz pizza»."),
            "{text}"
        );
    }

    #[test]
    fn a_topic_is_resolved_and_autocompleted_in_the_member_s_language() {
        let knowledge = knowledge();
        let answer = knowledge.answers().get("objectives").unwrap();
        let french_title = answer.title_in(Lang::Fr);
        let (reply, _) = plan_for(&knowledge, "fr", GfmdRequest::Topic(french_title.into()));
        assert_eq!(title(&reply), french_title);
        let choices = plan_autocomplete(&knowledge, Lang::Fr, "objectifs");
        assert!(!choices.is_empty());
        let (name, value) = &choices[0];
        let chosen = knowledge
            .answers()
            .get(value)
            .expect("the value is an answer id");
        assert_eq!(name, chosen.title_in(Lang::Fr));
        assert_ne!(name, &chosen.title, "a French title, not the English one");
        for (name, value) in plan_autocomplete(&knowledge, Lang::Es, "") {
            assert_eq!(
                name,
                knowledge.answers().get(&value).unwrap().title_in(Lang::Es)
            );
        }
    }
}
