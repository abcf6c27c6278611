//! What the bot sends, as plain data first (so handlers can be tested without Discord), then as
//! serenity builders. Every message built here pings nobody: allowed mentions are empty and
//! replies do not notify the replied-to user.

use super::custom_id::Click;
use crate::answers::limits::{self, truncate};
use crate::answers::Answer;
use crate::locale::Lang;
use crate::records::RecordId;
use crate::render::{self, defuse_mentions, Embed};
use crate::wording::Wording;
use serenity::all::{
    ButtonStyle, CreateActionRow, CreateAllowedMentions, CreateButton, CreateEmbed,
    CreateEmbedFooter, CreateInteractionResponseMessage, CreateMessage, CreateSelectMenu,
    CreateSelectMenuKind, CreateSelectMenuOption, EditInteractionResponse,
};

/// A button.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Button {
    /// Custom id (≤100 characters).
    pub custom_id: String,
    /// Label (≤80 characters).
    pub label: String,
    /// Red (destructive) rather than grey.
    pub danger: bool,
}

impl Button {
    /// A grey button for `click`, labelled `label` (cut to Discord's limit).
    pub fn grey(click: Click, label: &str) -> Self {
        Self {
            custom_id: click.custom_id(),
            label: truncate(label, limits::BUTTON_LABEL_LENGTH),
            danger: false,
        }
    }
}

/// A select-menu option.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MenuOption {
    /// Value sent back when chosen (an answer id).
    pub value: String,
    /// Label (≤100 characters).
    pub label: String,
}

/// One row of components.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row {
    /// Up to five buttons.
    Buttons(Vec<Button>),
    /// A string select menu.
    Menu {
        /// Custom id.
        custom_id: String,
        /// Placeholder text.
        placeholder: String,
        /// Up to 25 options.
        options: Vec<MenuOption>,
    },
}

/// A message to send, independent of serenity.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Reply {
    /// Plain text (≤2000 characters).
    pub content: Option<String>,
    /// One embed.
    pub embed: Option<Embed>,
    /// Component rows.
    pub rows: Vec<Row>,
    /// Visible only to the asker (interaction responses only).
    pub ephemeral: bool,
}

impl Reply {
    /// A short text notice, ephemeral when possible.
    pub fn notice(text: impl Into<String>) -> Self {
        Self {
            content: Some(text.into()),
            ephemeral: true,
            ..Self::default()
        }
    }

    /// The answer as a member reading `lang` sees it: the embed in `lang` (or in English with a
    /// note when it is not translated yet), a "Related" menu of titles in `lang`, a "Delete"
    /// button for `asker_id`, and **Helpful** / **Not helpful** buttons when the question was
    /// recorded as `record`.
    pub fn answer(
        answer: &Answer,
        related: &[&Answer],
        asker_id: u64,
        record: Option<RecordId>,
        lang: Lang,
    ) -> Self {
        let words = Wording::of(lang);
        let mut rows = Vec::new();
        let options: Vec<MenuOption> = related
            .iter()
            .take(limits::SELECT_OPTION_COUNT)
            .map(|related| MenuOption {
                value: related.id.clone(),
                label: truncate(related.title_in(lang), limits::SELECT_OPTION_TEXT_LENGTH),
            })
            .collect();
        if !options.is_empty() {
            rows.push(Row::Menu {
                custom_id: Click::Related { asker: asker_id }.custom_id(),
                placeholder: words.related_questions.to_owned(),
                options,
            });
        }
        let mut buttons = Vec::new();
        if let Some(record) = record {
            for (helpful, label) in [(true, words.helpful), (false, words.not_helpful)] {
                buttons.push(Button::grey(Click::Vote { record, helpful }, label));
            }
        }
        buttons.push(Button {
            custom_id: Click::Delete { asker: asker_id }.custom_id(),
            label: words.delete.to_owned(),
            danger: true,
        });
        rows.push(Row::Buttons(buttons));
        Self {
            content: None,
            embed: Some(render::embed_in(answer, lang)),
            rows,
            ephemeral: false,
        }
    }

    /// The one-line offer of a middling match in `lang`, "This might help: **title**", with
    /// **Show answer** and **Not this** buttons for `asker_id` on the question `record`; no
    /// embed. Posted in the channel.
    pub fn might_help(
        answer: &Answer,
        asker_id: u64,
        record: Option<RecordId>,
        lang: Lang,
    ) -> Self {
        let words = Wording::of(lang);
        let show = Click::ShowOffer {
            answer: answer.id.clone(),
            asker: asker_id,
            record,
        };
        let not_this = Click::NotThis {
            asker: asker_id,
            record,
        };
        Self {
            content: Some(words.might_help_line(answer.title_in(lang))),
            embed: None,
            rows: vec![Row::Buttons(vec![
                Button::grey(show, words.show_answer),
                Button::grey(not_this, words.not_this),
            ])],
            ephemeral: false,
        }
    }

    /// "Not sure" in `lang`, with up to three "Did you mean" buttons (titles in `lang`) for the
    /// question `record`. Ephemeral.
    pub fn not_sure(suggestions: &[&Answer], record: Option<RecordId>, lang: Lang) -> Self {
        let text = Wording::of(lang).not_sure_line(!suggestions.is_empty());
        let buttons: Vec<Button> = suggestions
            .iter()
            .take(3)
            .map(|answer| {
                let click = Click::DidYouMean {
                    answer: answer.id.clone(),
                    record,
                };
                Button::grey(click, answer.title_in(lang))
            })
            .collect();
        Self {
            content: Some(text),
            embed: None,
            rows: if buttons.is_empty() {
                Vec::new()
            } else {
                vec![Row::Buttons(buttons)]
            },
            ephemeral: true,
        }
    }

    /// The same reply without its button rows (keeps menus): for private copies, where a Delete
    /// button has nothing to delete.
    pub fn without_buttons(mut self) -> Self {
        self.rows.retain(|row| !matches!(row, Row::Buttons(_)));
        self
    }

    /// Content cut to Discord's limit, with mentions defused.
    fn safe_content(&self) -> Option<String> {
        self.content
            .as_deref()
            .map(|text| truncate(&defuse_mentions(text), limits::MESSAGE_CONTENT_LENGTH))
    }

    /// As an interaction response.
    pub fn to_interaction_message(&self) -> CreateInteractionResponseMessage {
        let mut message = CreateInteractionResponseMessage::new()
            .allowed_mentions(no_pings())
            .components(self.rows.iter().map(to_action_row).collect())
            .ephemeral(self.ephemeral);
        if let Some(content) = self.safe_content() {
            message = message.content(content);
        }
        if let Some(embed) = &self.embed {
            message = message.embed(to_create_embed(embed));
        }
        message
    }

    /// As the new content of the message a component is on (ephemeral does not apply).
    pub fn to_update_message(&self) -> CreateInteractionResponseMessage {
        // Content and embeds are always sent, so whatever the message showed before is replaced.
        CreateInteractionResponseMessage::new()
            .allowed_mentions(no_pings())
            .components(self.rows.iter().map(to_action_row).collect())
            .content(self.safe_content().unwrap_or_default())
            .embeds(self.embed.iter().map(to_create_embed).collect())
    }

    /// As the new content of a deferred or earlier response (ephemeral does not apply: it was
    /// decided when the interaction was acknowledged). Content, embeds and components are always
    /// sent, so whatever the response showed before is replaced.
    pub fn to_edit_response(&self) -> EditInteractionResponse {
        EditInteractionResponse::new()
            .allowed_mentions(no_pings())
            .components(self.rows.iter().map(to_action_row).collect())
            .content(self.safe_content().unwrap_or_default())
            .embeds(self.embed.iter().map(to_create_embed).collect())
    }

    /// As a channel message (ephemeral does not apply).
    pub fn to_channel_message(&self) -> CreateMessage {
        let mut message = CreateMessage::new()
            .allowed_mentions(no_pings())
            .components(self.rows.iter().map(to_action_row).collect());
        if let Some(content) = self.safe_content() {
            message = message.content(content);
        }
        if let Some(embed) = &self.embed {
            message = message.embed(to_create_embed(embed));
        }
        message
    }
}

/// Allowed mentions that let nothing ping: no users, roles or `@everyone`, and no reply ping.
pub fn no_pings() -> CreateAllowedMentions {
    CreateAllowedMentions::new()
        .empty_users()
        .empty_roles()
        .everyone(false)
        .replied_user(false)
}

fn to_create_embed(embed: &Embed) -> CreateEmbed {
    let mut built = CreateEmbed::new()
        .title(&embed.title)
        .description(&embed.description)
        .footer(CreateEmbedFooter::new(&embed.footer))
        .fields(
            embed
                .fields
                .iter()
                .map(|field| (field.name.clone(), field.value.clone(), field.inline)),
        );
    if let Some(color) = embed.color {
        built = built.colour(color);
    }
    if let Some(url) = &embed.url {
        built = built.url(url);
    }
    built
}

fn to_action_row(row: &Row) -> CreateActionRow {
    match row {
        Row::Buttons(buttons) => CreateActionRow::Buttons(
            buttons
                .iter()
                .take(limits::BUTTONS_PER_ROW)
                .map(|button| {
                    CreateButton::new(truncate(&button.custom_id, limits::CUSTOM_ID_LENGTH))
                        .label(truncate(&button.label, limits::BUTTON_LABEL_LENGTH))
                        .style(if button.danger {
                            ButtonStyle::Danger
                        } else {
                            ButtonStyle::Secondary
                        })
                })
                .collect(),
        ),
        Row::Menu {
            custom_id,
            placeholder,
            options,
        } => CreateActionRow::SelectMenu(
            CreateSelectMenu::new(
                truncate(custom_id, limits::CUSTOM_ID_LENGTH),
                CreateSelectMenuKind::String {
                    options: options
                        .iter()
                        .take(limits::SELECT_OPTION_COUNT)
                        .map(|option| {
                            CreateSelectMenuOption::new(
                                truncate(&option.label, limits::SELECT_OPTION_TEXT_LENGTH),
                                truncate(&option.value, limits::SELECT_OPTION_TEXT_LENGTH),
                            )
                        })
                        .collect(),
                },
            )
            .placeholder(truncate(placeholder, limits::SELECT_OPTION_TEXT_LENGTH)),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::AnswerSet;

    fn button_ids(row: &Row) -> Vec<&str> {
        let Row::Buttons(buttons) = row else {
            panic!("expected buttons, got {row:?}")
        };
        buttons.iter().map(|b| b.custom_id.as_str()).collect()
    }

    #[test]
    fn an_answer_reply_carries_embed_related_menu_and_delete_button() {
        let set = AnswerSet::embedded().unwrap();
        let answer = set.get("objectives").unwrap();
        let related: Vec<&Answer> = answer.related.iter().filter_map(|id| set.get(id)).collect();
        let reply = Reply::answer(answer, &related, 42, None, Lang::En);
        assert_eq!(reply.embed.as_ref().unwrap().title, answer.title);
        assert!(
            matches!(&reply.rows[0], Row::Menu { options, .. } if options.len() == related.len())
        );
        assert_eq!(button_ids(&reply.rows[1]), ["gfmd:delete:42"]);
        assert!(!reply.ephemeral);
    }

    #[test]
    fn a_recorded_answer_asks_helpful_or_not_beside_delete_in_one_row() {
        let set = AnswerSet::embedded().unwrap();
        let answer = set.get("objectives").unwrap();
        let related: Vec<&Answer> = answer.related.iter().filter_map(|id| set.get(id)).collect();
        let record = RecordId(1_234_567);
        let reply = Reply::answer(answer, &related, 42, Some(record), Lang::En);
        assert_eq!(
            reply.rows.len(),
            2,
            "the Related menu and one row of buttons"
        );
        let ids = button_ids(&reply.rows[1]);
        assert_eq!(
            ids,
            [
                Click::Vote {
                    record,
                    helpful: true
                }
                .custom_id()
                .as_str(),
                &Click::Vote {
                    record,
                    helpful: false
                }
                .custom_id(),
                "gfmd:delete:42"
            ]
        );
        let Row::Buttons(buttons) = &reply.rows[1] else {
            unreachable!()
        };
        let labels: Vec<&str> = buttons.iter().map(|b| b.label.as_str()).collect();
        assert_eq!(labels, ["Helpful", "Not helpful", "Delete"]);
        assert!(buttons.len() <= limits::BUTTONS_PER_ROW);
        let json = serde_json::to_value(reply.to_interaction_message()).unwrap();
        assert!(!json["content"].is_string(), "no count is shown");
    }

    #[test]
    fn a_might_help_line_is_one_line_with_show_and_not_this_and_no_embed() {
        let set = AnswerSet::embedded().unwrap();
        let answer = set.get("objectives").unwrap();
        let record = Some(RecordId(99));
        let reply = Reply::might_help(answer, 42, record, Lang::En);
        assert!(reply.embed.is_none() && !reply.ephemeral);
        assert_eq!(
            reply.content.as_deref(),
            Some(format!("This might help: **{}**", answer.title).as_str())
        );
        let ids = button_ids(&reply.rows[0]);
        assert_eq!(ids, ["gfmd:o:objectives:16:2r", "gfmd:n:16:2r"]);
        assert_eq!(
            Click::parse(ids[0]),
            Some(Click::ShowOffer {
                answer: "objectives".into(),
                asker: 42,
                record
            })
        );
    }

    fn labels(row: &Row) -> Vec<&str> {
        match row {
            Row::Buttons(buttons) => buttons.iter().map(|b| b.label.as_str()).collect(),
            Row::Menu { options, .. } => options.iter().map(|o| o.label.as_str()).collect(),
        }
    }

    #[test]
    fn an_answer_for_a_french_reader_is_french_down_to_its_menu_and_buttons() {
        let set = AnswerSet::embedded().unwrap();
        let answer = set.get("objectives").unwrap();
        let related: Vec<&Answer> = answer.related.iter().filter_map(|id| set.get(id)).collect();
        let reply = Reply::answer(answer, &related, 42, Some(RecordId(1)), Lang::Fr);
        let french = answer.translation(Lang::Fr).unwrap();
        assert_eq!(reply.embed.as_ref().unwrap().title, french.title);
        let Row::Menu { placeholder, .. } = &reply.rows[0] else {
            panic!("the Related menu first")
        };
        assert_eq!(placeholder, "Questions liées");
        let titles: Vec<&str> = related.iter().map(|r| r.title_in(Lang::Fr)).collect();
        assert_eq!(labels(&reply.rows[0]), titles);
        assert_ne!(
            titles[0], related[0].title,
            "the related titles are translated"
        );
        assert_eq!(labels(&reply.rows[1]), ["Utile", "Pas utile", "Supprimer"]);
    }

    #[test]
    fn not_sure_and_might_help_speak_spanish_to_a_spanish_reader() {
        let set = AnswerSet::embedded().unwrap();
        let answer = set.get("objectives").unwrap();
        let reply = Reply::not_sure(&[answer], None, Lang::Es);
        assert_eq!(
            reply.content.as_deref(),
            Some(Wording::of(Lang::Es).not_sure_line(true).as_str())
        );
        assert_eq!(labels(&reply.rows[0]), ["Los cinco objetivos del FMMD"]);
        let line = Reply::might_help(answer, 42, None, Lang::Es);
        assert_eq!(
            line.content.as_deref(),
            Some("Esto podría ayudarte: **Los cinco objetivos del FMMD**")
        );
        assert_eq!(labels(&line.rows[0]), ["Ver respuesta", "No es esto"]);
    }

    #[test]
    fn an_update_replaces_the_line_with_the_answer() {
        let set = AnswerSet::embedded().unwrap();
        let answer = set.get("objectives").unwrap();
        let json = serde_json::to_value(
            Reply::answer(answer, &[], 42, None, Lang::En).to_update_message(),
        )
        .unwrap();
        assert_eq!(json["content"], "");
        assert_eq!(json["embeds"][0]["title"], answer.title.as_str());
        assert_eq!(json["allowed_mentions"]["parse"], serde_json::json!([]));
    }

    #[test]
    fn every_message_sets_allowed_mentions_to_nobody() {
        let reply = Reply::notice("@everyone <@1> <@&2>");
        let json = serde_json::to_value(reply.to_channel_message()).unwrap();
        let mentions = &json["allowed_mentions"];
        assert_eq!(mentions["parse"], serde_json::json!([]));
        assert_eq!(mentions["users"], serde_json::json!([]));
        assert_eq!(mentions["roles"], serde_json::json!([]));
        assert_eq!(mentions["replied_user"], serde_json::json!(false));
        let content = json["content"].as_str().unwrap();
        assert!(!content.contains("@everyone") && !content.contains("<@"));
        let json = serde_json::to_value(reply.to_edit_response()).unwrap();
        assert_eq!(json["allowed_mentions"]["parse"], serde_json::json!([]));
        let json = serde_json::to_value(reply.to_interaction_message()).unwrap();
        assert_eq!(json["allowed_mentions"]["parse"], serde_json::json!([]));
        assert_eq!(
            json["flags"],
            serde_json::json!(64),
            "notices are ephemeral"
        );
    }
}
