//! `/gfmd-admin inbox`: the questions the bot missed (unanswered, suggested but not opened,
//! "not this", voted not helpful), near-duplicates grouped, most frequent first, one group a
//! page with **Previous** / **Next**. Each group offers **Add as phrasing of …** (a select of
//! the matcher's top candidates for its example, plus **Other answer…**, a form that takes any
//! answer's id, subcommand or title), **New answer** (the add form, prefilled with the
//! question; for a French or Spanish question, a form for the answer in English and in that
//! language, the question becoming the translation's phrasing, then **Add its English
//! questions** on the note that it was saved, which opens the English edit form) and
//! **Dismiss**. What a moderator does is written through the keeper (validated,
//! atomic, comments kept, live at once), the group is marked resolved, and the change is logged
//! and posted to the log channel.
//!
//! Custom ids (`<group>` is the inbox's group key, `g<record id>`, at most 20 characters):
//!
//! | what                     | custom id                                  |
//! | ------------------------ | ------------------------------------------ |
//! | Previous / Next          | `gfmd-admin:inbox:<days>:<page>`           |
//! | Add as phrasing (select) | `gfmd-admin:phrase:<days>:<page>:<group>`  |
//! | New answer               | `gfmd-admin:new:<group>`                   |
//! | Dismiss                  | `gfmd-admin:dismiss:<days>:<page>:<group>` |
//! | Other answer… (form)     | `gfmd-admin:phrasing:<days>:<page>:<group>` |
//! | New answer (form)        | `gfmd-admin:add:<group>`                   |
//! | Add its English questions | `gfmd-admin:english:<answer id>` (opens `gfmd-admin:edit:<answer id>`) |

use crate::answers::limits::{self, truncate};
use crate::answers::{is_valid_id, Answer};
use crate::discord::reply::{Button, MenuOption, Reply, Row};
use crate::knowledge::Knowledge;
use crate::records::inbox::{InboxGroup, InboxPage, MissCounts};
use crate::records::{date, day_of};
use crate::render::{quote_user_text, Embed, EmbedField};
use crate::wording::{fill, fill_all, Moderation};

/// The prefix of every inbox component and form.
pub const PREFIX: &str = "gfmd-admin:";
/// The select option that opens the form for any answer.
pub const OTHER_ANSWER: &str = "~other";
/// Matcher candidates offered in the select.
const CANDIDATES: usize = 5;

/// Which page of the inbox a moderator looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct View {
    /// The last N days.
    pub days: u32,
    /// The page (one group a page), from 1.
    pub page: usize,
}

/// What a click or a form in the inbox asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InboxAction {
    /// Show page `View`.
    Page(View),
    /// The "Add as phrasing of …" select on `group`.
    Phrase(View, String),
    /// **New answer** for `group`: open the add form.
    NewAnswer(String),
    /// **Dismiss** `group`.
    Dismiss(View, String),
    /// The "Other answer…" form for `group` was sent.
    OtherAnswerForm(View, String),
    /// The add form opened from `group` was sent.
    NewAnswerForm(String),
    /// **Add its English questions** under a new answer saved with a translation: open the
    /// edit form of answer `id` (English: title, questions, text).
    EnglishQuestions(String),
}

impl InboxAction {
    /// The custom id that stands for this action.
    pub fn custom_id(&self) -> String {
        let view = |verb: &str, view: &View, group: &str| {
            format!("{PREFIX}{verb}:{}:{}:{group}", view.days, view.page)
        };
        match self {
            InboxAction::Page(page) => format!("{PREFIX}inbox:{}:{}", page.days, page.page),
            InboxAction::Phrase(page, group) => view("phrase", page, group),
            InboxAction::NewAnswer(group) => format!("{PREFIX}new:{group}"),
            InboxAction::Dismiss(page, group) => view("dismiss", page, group),
            InboxAction::OtherAnswerForm(page, group) => view("phrasing", page, group),
            InboxAction::NewAnswerForm(group) => format!("{PREFIX}add:{group}"),
            InboxAction::EnglishQuestions(id) => format!("{PREFIX}english:{id}"),
        }
    }

    /// The action a custom id stands for; `None` for ids this module did not write.
    pub fn parse(custom_id: &str) -> Option<Self> {
        let parts: Vec<&str> = custom_id.strip_prefix(PREFIX)?.split(':').collect();
        let view = |days: &str, page: &str| {
            Some(View {
                days: days.parse().ok()?,
                page: page.parse().ok()?,
            })
        };
        let group = |key: &str| crate::records::inbox::parse_group_key(key).map(|_| key.to_owned());
        Some(match parts.as_slice() {
            ["inbox", days, page] => InboxAction::Page(view(days, page)?),
            ["phrase", days, page, key] => InboxAction::Phrase(view(days, page)?, group(key)?),
            ["new", key] => InboxAction::NewAnswer(group(key)?),
            ["dismiss", days, page, key] => InboxAction::Dismiss(view(days, page)?, group(key)?),
            ["phrasing", days, page, key] => {
                InboxAction::OtherAnswerForm(view(days, page)?, group(key)?)
            }
            ["add", key] => InboxAction::NewAnswerForm(group(key)?),
            ["english", id] if is_valid_id(id) => InboxAction::EnglishQuestions((*id).to_owned()),
            _ => return None,
        })
    }
}

/// The inbox page as a moderator sees it (privately, with `words`, theirs): `page` holds one
/// group; `note` (what was just done) goes on top.
pub fn plan_inbox(
    knowledge: &Knowledge,
    page: &InboxPage,
    note: Option<&str>,
    words: &Moderation,
) -> Reply {
    let inbox = words.inbox;
    let view = View {
        days: page.window.days,
        page: page.page,
    };
    let Some(group) = page.groups.first() else {
        let empty = fill(inbox.empty, view.days);
        return Reply::notice(join_note(note, &empty));
    };
    let mut reply = Reply {
        content: note.map(str::to_owned),
        ephemeral: true,
        ..Reply::default()
    };
    reply.embed = Some(group_embed(page, group, words));
    reply.rows.push(phrase_menu(knowledge, view, group, words));
    reply.rows.push(Row::Buttons(vec![
        Button {
            custom_id: InboxAction::NewAnswer(group.key.clone()).custom_id(),
            label: inbox.new_answer.to_owned(),
            danger: false,
        },
        Button {
            custom_id: InboxAction::Dismiss(view, group.key.clone()).custom_id(),
            label: inbox.dismiss.to_owned(),
            danger: true,
        },
    ]));
    let mut paging = Vec::new();
    if page.page > 1 {
        let previous = InboxAction::Page(View {
            page: page.page - 1,
            ..view
        });
        paging.push(nav_button(previous, inbox.previous));
    }
    if page.page < page.pages {
        let next = InboxAction::Page(View {
            page: page.page + 1,
            ..view
        });
        paging.push(nav_button(next, inbox.next));
    }
    if !paging.is_empty() {
        reply.rows.push(Row::Buttons(paging));
    }
    reply
}

/// What a moderator reads after saving a new answer from the inbox: `text` (the outcome), and
/// when the answer `saved` came with a translation (the question was French or Spanish, so the
/// add form had no room for English questions), a button to its English edit form.
pub fn plan_saved(text: &str, saved: Option<&str>, words: &Moderation) -> Reply {
    let mut reply = Reply::notice(text);
    if let Some(id) = saved {
        reply.rows.push(Row::Buttons(vec![nav_button(
            InboxAction::EnglishQuestions(id.to_owned()),
            words.inbox.add_english_questions,
        )]));
    }
    reply
}

fn nav_button(action: InboxAction, label: &str) -> Button {
    Button {
        custom_id: action.custom_id(),
        label: label.to_owned(),
        danger: false,
    }
}

/// `note` above `text`, when there is a note.
pub fn join_note(note: Option<&str>, text: &str) -> String {
    match note {
        Some(note) => format!("{note}\n{text}"),
        None => text.to_owned(),
    }
}

/// The group: its example, how often and why it was asked, what the bot leaned towards.
fn group_embed(page: &InboxPage, group: &InboxGroup, words: &Moderation) -> Embed {
    let inbox = words.inbox;
    let field = |name: &str, value: String| EmbedField {
        name: name.to_owned(),
        value: truncate(&value, limits::FIELD_VALUE_LENGTH),
        inline: false,
    };
    let leaned = if group.candidates.is_empty() {
        inbox.nothing.to_owned()
    } else {
        group
            .candidates
            .iter()
            .map(|id| format!("`{id}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let language = words.language(group.lang);
    Embed {
        title: fill_all(inbox.title, &[&page.window.days, &page.page, &page.pages]),
        description: format!("“{}”", quote_user_text(&group.example, 1000)),
        fields: vec![
            field(
                inbox.asked,
                fill_all(
                    inbox.asked_times,
                    &[&group.count, &date(day_of(group.last_asked))],
                ),
            ),
            field(inbox.why, why(&group.misses, words)),
            field(
                inbox.read_in,
                fill_all(inbox.read_in_value, &[&language, &language]),
            ),
            field(inbox.leaned, leaned),
        ],
        footer: fill_all(inbox.footer, &[&page.total_groups, &page.total_questions]),
        url: None,
        color: None,
    }
}

/// "3 unanswered, 1 not helpful", in `words`' language.
pub fn why(misses: &MissCounts, words: &Moderation) -> String {
    let inbox = words.inbox;
    [
        (misses.unanswered, inbox.unanswered),
        (misses.not_opened, inbox.not_opened),
        (misses.not_this, inbox.not_this),
        (misses.not_helpful, inbox.not_helpful),
    ]
    .iter()
    .filter(|(count, _)| *count > 0)
    .map(|(count, what)| format!("{count} {what}"))
    .collect::<Vec<_>>()
    .join(", ")
}

/// "Add as phrasing of …": the matcher's best answers for the example (read in the group's
/// language, titles in it), then those the bot leaned towards, then **Other answer…**.
fn phrase_menu(knowledge: &Knowledge, view: View, group: &InboxGroup, words: &Moderation) -> Row {
    let mut answers: Vec<&Answer> = knowledge
        .rank_in(group.lang, &group.example, CANDIDATES)
        .into_iter()
        .map(|candidate| candidate.answer)
        .collect();
    for id in &group.candidates {
        if let Some(answer) = knowledge.answers().get(id) {
            if !answers.iter().any(|listed| listed.id == answer.id) {
                answers.push(answer);
            }
        }
    }
    let mut options: Vec<MenuOption> = answers
        .iter()
        .take(limits::SELECT_OPTION_COUNT - 1)
        .map(|answer| MenuOption {
            value: answer.id.clone(),
            label: truncate(
                &format!("{} · {}", answer.id, answer.title_in(group.lang)),
                limits::SELECT_OPTION_TEXT_LENGTH,
            ),
        })
        .collect();
    options.push(MenuOption {
        value: OTHER_ANSWER.to_owned(),
        label: words.inbox.other_answer.to_owned(),
    });
    Row::Menu {
        custom_id: InboxAction::Phrase(view, group.key.clone()).custom_id(),
        placeholder: words.inbox.add_as_phrasing.to_owned(),
        options,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locale::Lang;
    use crate::records::inbox::page;
    use crate::records::{Kind, Outcome, Question, RecordId, Source, StoredQuestion, Window};

    fn knowledge() -> Knowledge {
        Knowledge::embedded().unwrap()
    }

    /// The words of a moderator reading `lang`.
    fn words(lang: Lang) -> &'static Moderation {
        &crate::wording::Wording::of(lang).moderation
    }

    /// [`plan_inbox`] for a moderator reading English.
    fn plan(knowledge: &Knowledge, page: &InboxPage, note: Option<&str>) -> Reply {
        plan_inbox(knowledge, page, note, words(Lang::En))
    }

    fn missed(id: i64, text: &str) -> StoredQuestion {
        missed_in(id, text, Lang::En)
    }

    fn missed_in(id: i64, text: &str, lang: Lang) -> StoredQuestion {
        StoredQuestion {
            id: RecordId(id),
            question: Question {
                at: 1_780_000_000_000 + id,
                source: Source::discord(Kind::SlashAsk, Some(1), Some(2)),
                member: None,
                text: text.to_owned(),
                lang,
                outcome: Outcome::Abstain,
                answer_id: Some("objectives".into()),
                score: 0.1,
                runner_up: None,
                micros: 10,
            },
            opened: None,
            not_this: false,
            helpful: 0,
            not_helpful: 0,
            reasons: Vec::new(),
            resolved: None,
        }
    }

    fn inbox(questions: &[StoredQuestion], number: usize) -> InboxPage {
        page(
            questions,
            Window::last_days(30, 1_780_000_100_000),
            number,
            1,
        )
    }

    #[test]
    fn a_new_answer_saved_with_a_translation_offers_its_english_form_in_the_moderators_words() {
        let saved = plan_saved("Saved `who-pays`.", Some("who-pays"), words(Lang::Es));
        assert_eq!(saved.content.as_deref(), Some("Saved `who-pays`."));
        assert!(saved.ephemeral);
        let [Row::Buttons(buttons)] = saved.rows.as_slice() else {
            panic!("one row of buttons: {:?}", saved.rows);
        };
        let [button] = buttons.as_slice() else {
            panic!("one button: {buttons:?}");
        };
        assert_eq!(button.label, "Añadir sus preguntas en inglés");
        assert_eq!(
            InboxAction::parse(&button.custom_id),
            Some(InboxAction::EnglishQuestions("who-pays".into()))
        );
        let english = plan_saved("Saved `newsletter`.", None, words(Lang::En));
        assert!(english.rows.is_empty());
    }

    #[test]
    fn every_action_reads_back_as_itself_within_100_characters() {
        let view = View {
            days: 3650,
            page: usize::MAX,
        };
        let group = format!("g{}", i64::MAX);
        for action in [
            InboxAction::Page(view),
            InboxAction::Phrase(view, group.clone()),
            InboxAction::NewAnswer(group.clone()),
            InboxAction::Dismiss(view, group.clone()),
            InboxAction::OtherAnswerForm(view, group.clone()),
            InboxAction::NewAnswerForm(group.clone()),
            InboxAction::EnglishQuestions("a".repeat(64)),
        ] {
            let id = action.custom_id();
            assert!(id.len() <= limits::CUSTOM_ID_LENGTH, "{id}");
            assert_eq!(InboxAction::parse(&id), Some(action), "{id}");
        }
        assert_eq!(
            InboxAction::parse("gfmd-admin:add"),
            None,
            "the plain add form"
        );
        assert_eq!(InboxAction::parse("gfmd-admin:new:x1"), None);
        assert_eq!(InboxAction::parse("gfmd-admin:edit:timeline"), None);
        assert_eq!(InboxAction::parse("gfmd-admin:english:Not/An/Id"), None);
    }

    #[test]
    fn a_group_offers_phrasing_of_the_top_candidates_or_any_answer_new_answer_and_dismiss() {
        let questions = [
            missed(1, "what are the gfmd objectives about remittances"),
            missed(2, "what are the gfmd objectives about remittances?"),
            missed(3, "pizza"),
        ];
        let reply = plan(&knowledge(), &inbox(&questions, 1), None);
        assert!(reply.ephemeral);
        let embed = reply.embed.as_ref().unwrap();
        assert_eq!(embed.title, "Inbox, last 30 day(s): group 1 of 2");
        assert!(embed.description.contains("remittances"));
        assert_eq!(embed.fields[0].value, "2 time(s), last on 2026-05-28 (UTC)");
        assert_eq!(embed.fields[1].value, "2 unanswered");
        let Row::Menu {
            custom_id, options, ..
        } = &reply.rows[0]
        else {
            panic!("the select first")
        };
        assert_eq!(custom_id, "gfmd-admin:phrase:30:1:g1");
        let best = knowledge().rank(&questions[0].question.text, 1)[0]
            .answer
            .id
            .clone();
        assert_eq!(options[0].value, best, "the matcher's best first");
        assert!(
            options.iter().any(|o| o.value == "objectives"),
            "and what the bot leaned to"
        );
        assert_eq!(options.last().unwrap().value, OTHER_ANSWER);
        assert!(options.len() <= 7);
        let Row::Buttons(actions) = &reply.rows[1] else {
            panic!("actions")
        };
        let labels: Vec<&str> = actions.iter().map(|b| b.label.as_str()).collect();
        assert_eq!(labels, ["New answer", "Dismiss"]);
        let Row::Buttons(paging) = &reply.rows[2] else {
            panic!("paging")
        };
        assert_eq!(paging.len(), 1, "no Previous on the first page");
        assert_eq!(paging[0].custom_id, "gfmd-admin:inbox:30:2");
    }

    #[test]
    fn a_french_group_stays_apart_and_offers_its_answers_with_french_titles() {
        let question = "Quels sont les objectifs du FMMD ?";
        let questions = [
            missed_in(1, question, Lang::Fr),
            missed_in(2, question, Lang::Fr),
            missed(3, question),
        ];
        let page = inbox(&questions, 1);
        assert_eq!(page.total_groups, 2, "French and English apart");
        let group = &page.groups[0];
        assert_eq!((group.count, group.lang), (2, Lang::Fr));
        let reply = plan(&knowledge(), &page, None);
        let embed = reply.embed.unwrap();
        assert!(
            embed.fields.iter().any(|f| f.value.starts_with("French")),
            "{:?}",
            embed.fields
        );
        let Row::Menu { options, .. } = &reply.rows[0] else {
            panic!("the select first")
        };
        let objectives = knowledge();
        let french = objectives
            .answers()
            .get("objectives")
            .unwrap()
            .title_in(Lang::Fr);
        assert_eq!(options[0].value, "objectives");
        assert!(options[0].label.contains(french), "{}", options[0].label);
    }

    #[test]
    fn the_last_page_goes_back_and_an_empty_inbox_says_so() {
        let questions = [missed(1, "first thing"), missed(2, "completely different")];
        let reply = plan(&knowledge(), &inbox(&questions, 2), Some("Dismissed."));
        assert_eq!(reply.content.as_deref(), Some("Dismissed."));
        let Some(Row::Buttons(paging)) = reply.rows.last() else {
            panic!("paging")
        };
        let labels: Vec<&str> = paging.iter().map(|b| b.label.as_str()).collect();
        assert_eq!(labels, ["Previous"]);
        let empty = plan(&knowledge(), &inbox(&[], 1), Some("Added."));
        assert!(empty.rows.is_empty() && empty.embed.is_none());
        assert!(empty
            .content
            .unwrap()
            .starts_with("Added.\nThe inbox is empty"));
    }

    #[test]
    fn the_example_cannot_ping_anyone() {
        let questions = [missed(1, "@everyone <@123> what is this")];
        let reply = plan(&knowledge(), &inbox(&questions, 1), None);
        let description = &reply.embed.unwrap().description;
        assert!(!description.contains("@everyone") && !description.contains("<@1"));
    }

    #[test]
    fn a_french_or_spanish_moderator_reads_the_inbox_in_their_language() {
        let questions = [
            missed(1, "what are the gfmd objectives about remittances"),
            missed(2, "pizza"),
        ];
        let french = plan_inbox(&knowledge(), &inbox(&questions, 1), None, words(Lang::Fr));
        let embed = french.embed.unwrap();
        assert_eq!(
            embed.title,
            "À traiter, 30 dernier(s) jour(s) : groupe 1 sur 2"
        );
        assert_eq!(embed.fields[1].value, "1 sans réponse");
        assert!(
            embed.fields[2]
                .value
                .starts_with("anglais (« Ajouter comme formulation »"),
            "{}",
            embed.fields[2].value
        );
        let Row::Buttons(actions) = &french.rows[1] else {
            panic!("actions")
        };
        let labels: Vec<&str> = actions.iter().map(|b| b.label.as_str()).collect();
        assert_eq!(labels, ["Nouvelle réponse", "Écarter"]);
        let spanish = plan_inbox(&knowledge(), &inbox(&[], 1), None, words(Lang::Es));
        assert!(spanish
            .content
            .unwrap()
            .starts_with("No hay pendientes de los últimos 30 día(s)"),);
    }

    #[test]
    fn why_names_each_reason_with_its_count() {
        let misses = MissCounts {
            unanswered: 3,
            not_opened: 0,
            not_this: 1,
            not_helpful: 2,
        };
        assert_eq!(
            why(&misses, words(Lang::En)),
            "3 unanswered, 1 \"not this\", 2 voted not helpful"
        );
    }
}
