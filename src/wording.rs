//! Every sentence and label the bot puts around its answers, in each language it speaks, written
//! once for every front end: "not sure", "did you mean", "might help", the buttons and menu, the
//! console's prompts to pick a number, the footer's label and the note for an answer not
//! translated yet, `/gfmd`'s own subcommands and options as Discord clients show them, and the
//! short notices Discord members get besides the answers ([`Notices`]), and what moderators are
//! told, with `/gfmd-admin` as their clients show it ([`Moderation`]).
//! The answers' own text lives in `responses/`; this is the rest.
//!
//! A leaf, like [`crate::locale`]: the loader builds footers from it (to count them against
//! Discord's limits), `render` and the front ends phrase replies with it, and command
//! registration names `/gfmd`'s and `/gfmd-admin`'s parts with it. Also reachable as `render::wording`.

use crate::locale::Lang;

mod moderation;
mod notices;

pub use moderation::{
    AdminCommandWording, ChangeWording, FormWording, InboxWording, MatchWording, Moderation,
    StatsWording, Told,
};
pub use notices::{fill, fill_all, Notices};

/// The words of one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Wording {
    /// Said when the bot is not confident enough to answer.
    pub not_sure: &'static str,
    /// Follows [`Wording::not_sure`] when there are suggestions to pick from.
    pub did_you_mean: &'static str,
    /// Opens the one-line offer of a middling match: "This might help: **title**".
    pub might_help: &'static str,
    /// The button that shows the offered answer.
    pub show_answer: &'static str,
    /// The button that turns the offer down.
    pub not_this: &'static str,
    /// The button that deletes the bot's answer.
    pub delete: &'static str,
    /// The button that votes an answer helpful.
    pub helpful: &'static str,
    /// The button that votes an answer not helpful.
    pub not_helpful: &'static str,
    /// The placeholder of the related-answers menu.
    pub related_questions: &'static str,
    /// The console's "did you mean", followed by numbered suggestions.
    pub pick_a_number: &'static str,
    /// Follows the console's one-line offer: how to see it.
    pub type_one: &'static str,
    /// Opens the footer, before the source citation: "Source: ".
    pub source_label: &'static str,
    /// Ends the footer of an answer shown in English because it has no translation into this
    /// language yet (empty for English, which every answer has).
    pub untranslated: &'static str,
    /// `/gfmd` and its own subcommands and options.
    pub commands: CommandWording,
    /// What the bot tells one member on Discord besides the answers.
    pub notices: Notices,
    /// What the bot tells one moderator, and the moderators' commands.
    pub moderation: Moderation,
}

/// How `/gfmd`, its `ask` and `topic` subcommands and their options read in one language. Names
/// follow Discord's rules (lowercase, 1–32 letters, digits, `-` or `_`); descriptions are 1–100
/// characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CommandWording {
    /// The description of `/gfmd`.
    pub gfmd: &'static str,
    /// `/gfmd ask`.
    pub ask: Named,
    /// The `question` option of `ask`.
    pub question: Named,
    /// `/gfmd topic`.
    pub topic: Named,
    /// The `name` option of `topic`.
    pub name: Named,
    /// `/gfmd forget-me`.
    pub forget_me: Named,
}

/// A command or option's name and description.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Named {
    /// The name Discord shows (the English one is the one interactions carry).
    pub name: &'static str,
    /// The description.
    pub description: &'static str,
}

/// English.
pub const ENGLISH: Wording = Wording {
    not_sure: "I'm not sure I can answer that from the GFMD source.",
    did_you_mean: "Did you mean:",
    might_help: "This might help:",
    show_answer: "Show answer",
    not_this: "Not this",
    delete: "Delete",
    helpful: "Helpful",
    not_helpful: "Not helpful",
    related_questions: "Related questions",
    pick_a_number: "Did you mean (type the number):",
    type_one: "(type 1 to see it)",
    source_label: "Source: ",
    untranslated: "",
    commands: CommandWording {
        gfmd: "Answers about the Global Forum on Migration and Development (GFMD)",
        ask: Named {
            name: "ask",
            description: "Ask a question about the GFMD in your own words",
        },
        question: Named {
            name: "question",
            description: "Your question",
        },
        topic: Named {
            name: "topic",
            description: "Show any GFMD answer by name",
        },
        name: Named {
            name: "name",
            description: "Start typing a topic",
        },
        forget_me: Named {
            name: "forget-me",
            description: "Delete what this bot recorded about you (your questions and votes)",
        },
    },
    notices: notices::ENGLISH,
    moderation: moderation::ENGLISH,
};

/// French (`fr`). Members are addressed as "vous", as in the French answers.
pub const FRENCH: Wording = Wording {
    not_sure: "Je ne suis pas sûr de pouvoir répondre à cela à partir de la source sur le FMMD.",
    did_you_mean: "Vous cherchiez peut-être :",
    might_help: "Ceci pourrait vous aider :",
    show_answer: "Afficher la réponse",
    not_this: "Pas ça",
    delete: "Supprimer",
    helpful: "Utile",
    not_helpful: "Pas utile",
    related_questions: "Questions liées",
    pick_a_number: "Vous cherchiez peut-être (tapez le numéro) :",
    type_one: "(tapez 1 pour l'afficher)",
    source_label: "Source : ",
    untranslated: "Cette réponse n'est pas encore traduite en français.",
    commands: CommandWording {
        gfmd: "Réponses sur le Forum mondial sur la migration et le développement (FMMD)",
        ask: Named {
            name: "demander",
            description: "Posez une question sur le FMMD avec vos propres mots",
        },
        question: Named {
            name: "question",
            description: "Votre question",
        },
        topic: Named {
            name: "sujet",
            description: "Afficher une réponse sur le FMMD par son nom",
        },
        name: Named {
            name: "nom",
            description: "Commencez à taper un sujet",
        },
        forget_me: Named {
            name: "oubliez-moi",
            description: "Effacer ce que ce bot a enregistré sur vous (vos questions et vos votes)",
        },
    },
    notices: notices::FRENCH,
    moderation: moderation::FRENCH,
};

/// Spanish (`es-ES` and `es-419`). Members are addressed as "tú", as in the Spanish answers.
pub const SPANISH: Wording = Wording {
    not_sure: "No estoy seguro de poder responder a eso con la fuente sobre el FMMD.",
    did_you_mean: "Quizás buscabas:",
    might_help: "Esto podría ayudarte:",
    show_answer: "Ver respuesta",
    not_this: "No es esto",
    delete: "Eliminar",
    helpful: "Útil",
    not_helpful: "No útil",
    related_questions: "Preguntas relacionadas",
    pick_a_number: "Quizás buscabas (escribe el número):",
    type_one: "(escribe 1 para verla)",
    source_label: "Fuente: ",
    untranslated: "Esta respuesta aún no está traducida al español.",
    commands: CommandWording {
        gfmd: "Respuestas sobre el Foro Mundial sobre Migración y Desarrollo (FMMD)",
        ask: Named {
            name: "preguntar",
            description: "Haz una pregunta sobre el FMMD con tus propias palabras",
        },
        question: Named {
            name: "pregunta",
            description: "Tu pregunta",
        },
        topic: Named {
            name: "tema",
            description: "Muestra cualquier respuesta sobre el FMMD por su nombre",
        },
        name: Named {
            name: "nombre",
            description: "Empieza a escribir un tema",
        },
        forget_me: Named {
            name: "olvídame",
            description: "Borra lo que este bot registró sobre ti (tus preguntas y tus votos)",
        },
    },
    notices: notices::SPANISH,
    moderation: moderation::SPANISH,
};

impl Wording {
    /// The words of `lang`.
    pub fn of(lang: Lang) -> &'static Wording {
        match lang {
            Lang::En => &ENGLISH,
            Lang::Fr => &FRENCH,
            Lang::Es => &SPANISH,
        }
    }

    /// "Not sure", followed by "did you mean" when `has_suggestions`.
    pub fn not_sure_line(&self, has_suggestions: bool) -> String {
        if has_suggestions {
            format!("{} {}", self.not_sure, self.did_you_mean)
        } else {
            self.not_sure.to_owned()
        }
    }

    /// The one-line offer of a middling match, with the title in Discord bold.
    pub fn might_help_line(&self, title: &str) -> String {
        format!("{} **{title}**", self.might_help)
    }

    /// The language of a one-line offer written by [`Wording::might_help_line`], read from its
    /// opening words; `None` for any other text.
    pub fn language_of_offer(line: &str) -> Option<Lang> {
        Lang::ALL
            .into_iter()
            .find(|lang| line.starts_with(&format!("{} **", Wording::of(*lang).might_help)))
    }
}

/// Said when the bot is not confident enough to answer (English).
pub const NOT_SURE: &str = ENGLISH.not_sure;

/// Follows [`NOT_SURE`] when there are suggestions to pick from (English).
pub const DID_YOU_MEAN: &str = ENGLISH.did_you_mean;

/// Opens the one-line offer of a middling match: "This might help: **title**" (English).
pub const MIGHT_HELP: &str = ENGLISH.might_help;

/// "Not sure", followed by "Did you mean:" when `has_suggestions` (English).
pub fn not_sure(has_suggestions: bool) -> String {
    ENGLISH.not_sure_line(has_suggestions)
}

/// The one-line offer of a middling match, with the title in Discord bold (English).
pub fn might_help(title: &str) -> String {
    ENGLISH.might_help_line(title)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::limits;

    /// Whether `name` follows Discord's rules for a slash command's, a subcommand's or an
    /// option's name, localized or not: 1–32 characters, each a letter without an upper case, a
    /// digit, `-` or `_` (the moderators' wording checks its names by it too).
    pub(super) fn is_command_name(name: &str) -> bool {
        (1..=limits::COMMAND_NAME_LENGTH).contains(&name.chars().count())
            && name
                .chars()
                .all(|c| c == '-' || c == '_' || (c.is_alphanumeric() && !c.is_uppercase()))
    }

    #[test]
    fn not_sure_asks_did_you_mean_only_with_suggestions() {
        assert_eq!(not_sure(false), NOT_SURE);
        assert!(not_sure(true).ends_with(DID_YOU_MEAN));
        assert_eq!(
            FRENCH.not_sure_line(true),
            format!("{} {}", FRENCH.not_sure, FRENCH.did_you_mean)
        );
    }

    #[test]
    fn might_help_names_the_title_in_bold() {
        assert_eq!(might_help("Origins"), "This might help: **Origins**");
        assert_eq!(
            Wording::of(Lang::Es).might_help_line("Orígenes"),
            "Esto podría ayudarte: **Orígenes**"
        );
    }

    #[test]
    fn an_offer_line_says_which_language_it_is_in() {
        for lang in Lang::ALL {
            let line = Wording::of(lang).might_help_line("Orígenes");
            assert_eq!(Wording::language_of_offer(&line), Some(lang));
        }
        assert_eq!(Wording::language_of_offer("This might help"), None);
        assert_eq!(Wording::language_of_offer(""), None);
    }

    #[test]
    fn the_english_words_are_the_ones_discord_members_saw_before() {
        assert_eq!(
            NOT_SURE,
            "I'm not sure I can answer that from the GFMD source."
        );
        assert_eq!(
            (
                ENGLISH.show_answer,
                ENGLISH.not_this,
                ENGLISH.delete,
                ENGLISH.related_questions
            ),
            ("Show answer", "Not this", "Delete", "Related questions")
        );
    }

    #[test]
    fn notices_name_the_topic_subcommand_as_that_language_s_clients_show_it() {
        for lang in Lang::ALL {
            let words = Wording::of(lang);
            let shown = format!("`/gfmd {}`", words.commands.topic.name);
            assert!(words.notices.start_typing.contains(&shown), "{lang}");
            assert!(words.notices.topic_gone.contains(&shown), "{lang}");
            for sentence in words.notices.sentences() {
                assert!(sentence.chars().count() <= 500, "{lang}: {sentence}");
            }
        }
    }

    #[test]
    fn every_language_fits_discord_s_limits_and_name_rules() {
        for lang in Lang::ALL {
            let words = Wording::of(lang);
            for label in [
                words.show_answer,
                words.not_this,
                words.delete,
                words.helpful,
                words.not_helpful,
                words.notices.wrong_answer,
                words.notices.out_of_date,
                words.notices.unclear,
            ] {
                assert!(
                    (1..=limits::BUTTON_LABEL_LENGTH).contains(&label.chars().count()),
                    "{lang}: {label}"
                );
            }
            // A select menu's placeholder holds at most 150 characters.
            assert!(words.related_questions.chars().count() <= 150);
            assert!(words.not_sure_line(true).chars().count() <= limits::MESSAGE_CONTENT_LENGTH);
            assert_eq!(lang == Lang::En, words.untranslated.is_empty(), "{lang}");
            let commands = words.commands;
            let description_ok = |text: &str| {
                (1..=limits::COMMAND_DESCRIPTION_LENGTH).contains(&text.chars().count())
            };
            assert!(description_ok(commands.gfmd), "{lang}: {}", commands.gfmd);
            for named in [
                commands.ask,
                commands.question,
                commands.topic,
                commands.name,
                commands.forget_me,
            ] {
                assert!(is_command_name(named.name), "{lang}: {}", named.name);
                assert!(
                    description_ok(named.description),
                    "{lang}: {}",
                    named.description
                );
            }
            assert_ne!(commands.ask.name, commands.topic.name);
            assert_ne!(commands.forget_me.name, commands.topic.name);
            assert_ne!(commands.forget_me.name, commands.ask.name);
        }
    }
}
