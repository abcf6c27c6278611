//! What the bot tells one moderator, in each language: `/gfmd-admin` and the "Answer with GFMD
//! FAQ" message command as Discord clients show them, the outcome of a reload or a change, the
//! add and edit forms, the top matches, the inbox and the statistics. A template holds one `{}`
//! per value, filled in order ([`super::fill_all`]); English has the same number in the same
//! order as every other language.
//!
//! What is data stays as it is in every language: answer ids, file names, the loader's and the
//! store's own messages naming a file and line (the sentence around them is translated), numbers,
//! dates and the database's fault. The moderation log channel, which every moderator reads,
//! stays in English.

use super::Named;
use crate::locale::Lang;

/// How `/gfmd-admin`, its subcommands and options, and the message command read in one language.
/// Names follow Discord's rules (lowercase, 1–32 letters, digits, `-` or `_`); descriptions are
/// 1–100 characters. Interactions carry the English names whatever the client showed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AdminCommandWording {
    /// The description of `/gfmd-admin`.
    pub admin: &'static str,
    /// `reload`.
    pub reload: Named,
    /// `add`.
    pub add: Named,
    /// `edit`.
    pub edit: Named,
    /// `remove`.
    pub remove: Named,
    /// `preview`.
    pub preview: Named,
    /// `test`.
    pub test: Named,
    /// `inbox`.
    pub inbox: Named,
    /// `stats`.
    pub stats: Named,
    /// The answer-id option of `edit`, `remove` and `preview`.
    pub id: Named,
    /// The question option of `test`.
    pub question: Named,
    /// The days option of `inbox` and `stats`; the description is a template (`{}` is the
    /// default number of days).
    pub days: Named,
    /// The message command's name (a message command's name may hold spaces and capitals).
    pub answer_with_faq: &'static str,
}

/// The outcome of a reload, a save or a removal, and why one was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChangeWording {
    /// Template: a reload's report (`{}` answers live, `{}` changed).
    pub loaded: &'static str,
    /// Template: saved (`{}` the id, `{}` the reload's report).
    pub saved: &'static str,
    /// Template: removed (`{}` the id, `{}` the trash file's name, `{}` the report).
    pub removed: &'static str,
    /// The answers are compiled in: nothing can be changed from Discord.
    pub not_editable: &'static str,
    /// Something failed inside the bot; the details are in its log.
    pub internal: &'static str,
    /// Template: a save refused (`{}` the store's reason, in English).
    pub not_saved: &'static str,
    /// Template: a save refused because the set would not load (`{}` the problems, one a line).
    pub not_saved_invalid: &'static str,
    /// A save refused because the answer's file is not TOML the bot can edit.
    pub not_saved_unparsable: &'static str,
    /// Template: a save that failed inside the bot (`{}` is [`ChangeWording::internal`]).
    pub not_saved_failed: &'static str,
    /// Template: a reload refused (`{}` is why).
    pub not_reloaded: &'static str,
    /// Template: why: the config file (`{}` the problems).
    pub config_invalid: &'static str,
    /// Template: why: the answer files (`{}` how many problems, `{}` the problems).
    pub answers_invalid: &'static str,
    /// Why: the files could not be read.
    pub unreadable: &'static str,
}

/// The add and edit forms. Discord holds a form's title and its labels to 45 characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FormWording {
    /// The add form's title.
    pub add_title: &'static str,
    /// Template: the add form's title for a translated answer (`{}` the language's name).
    pub add_translated_title: &'static str,
    /// Template: the edit form's title (`{}` the id; cut to 45 characters).
    pub edit_title: &'static str,
    /// The id input.
    pub id: &'static str,
    /// The title input.
    pub title: &'static str,
    /// The questions input.
    pub questions: &'static str,
    /// The answer text input.
    pub text: &'static str,
    /// Template: the title input in one language (`{}` the language's name).
    pub title_in: &'static str,
    /// Template: the answer text input in one language (`{}` the language's name).
    pub text_in: &'static str,
    /// The "Other answer…" form's title.
    pub other_answer_title: &'static str,
    /// The "Other answer…" form's input.
    pub other_answer: &'static str,
}

/// `/gfmd-admin test` and the message command's top matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MatchWording {
    /// Template: the heading (`{}` the question, `{}` the language's name, `{}` what the bot
    /// would do).
    pub top_matches: &'static str,
    /// No answer shares a word with the question.
    pub no_match: &'static str,
    /// Template: the bot would answer (`{}` the id).
    pub would_answer: &'static str,
    /// Template: the bot would offer a "might help" (`{}` the id).
    pub would_offer: &'static str,
    /// The bot would say nothing.
    pub would_stay_silent: &'static str,
    /// Template: a button that posts an answer (`{}` its title).
    pub post: &'static str,
    /// Template: the answer was posted (`{}` its id).
    pub posted: &'static str,
    /// The answer could not be posted.
    pub not_posted: &'static str,
    /// The message command could not read its message.
    pub unreadable_message: &'static str,
}

/// `/gfmd-admin inbox`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InboxWording {
    /// Recording is off: there is no inbox (nor statistics).
    pub recording_off: &'static str,
    /// The group left the inbox since the page was shown.
    pub group_gone: &'static str,
    /// Template: nothing to deal with (`{}` the days).
    pub empty: &'static str,
    /// Template: the embed's title (`{}` the days, `{}` the page, `{}` the pages).
    pub title: &'static str,
    /// The field "Asked".
    pub asked: &'static str,
    /// Template: its value (`{}` how often, `{}` the date).
    pub asked_times: &'static str,
    /// The field "Why it is here".
    pub why: &'static str,
    /// Reason: unanswered.
    pub unanswered: &'static str,
    /// Reason: suggested but not opened.
    pub not_opened: &'static str,
    /// Reason: "not this".
    pub not_this: &'static str,
    /// Reason: voted not helpful.
    pub not_helpful: &'static str,
    /// The field "Read in".
    pub read_in: &'static str,
    /// Template: its value (`{}` and `{}` the language's name).
    pub read_in_value: &'static str,
    /// The field "The bot leaned towards".
    pub leaned: &'static str,
    /// Its value when the bot leaned towards nothing.
    pub nothing: &'static str,
    /// Template: the footer (`{}` groups, `{}` questions).
    pub footer: &'static str,
    /// The select's placeholder.
    pub add_as_phrasing: &'static str,
    /// The select's last option, which opens a form.
    pub other_answer: &'static str,
    /// The button that opens the add form.
    pub new_answer: &'static str,
    /// The button under a new answer saved with a translation, which opens the English answer's
    /// edit form (the add form had no room for its English questions).
    pub add_english_questions: &'static str,
    /// The button that dismisses the group.
    pub dismiss: &'static str,
    /// The button to the page before.
    pub previous: &'static str,
    /// The button to the page after.
    pub next: &'static str,
    /// The select was sent without a choice.
    pub choose_answer: &'static str,
    /// Template: "Other answer…" named nothing (`{}` what was typed).
    pub no_answer_called: &'static str,
    /// Template: the group left the inbox (`{}` how many questions).
    pub left_inbox: &'static str,
    /// Template: the group could not be marked resolved (`{}` the generic failure).
    pub stays: &'static str,
    /// Template: a phrasing added (`{}` the question, `{}` the id, `{}` the report, `{}` what
    /// left the inbox).
    pub phrasing_added: &'static str,
    /// Template: a phrasing added in another language than English (`{}` the question, `{}` the
    /// language's name, `{}` the id, `{}` the report, `{}` what left the inbox).
    pub translated_phrasing_added: &'static str,
    /// Template: dismissed (`{}` the question, `{}` what left the inbox).
    pub dismissed: &'static str,
}

/// `/gfmd-admin stats`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StatsWording {
    /// Template: the title (`{}` the days, `{}` the first day, `{}` the last).
    pub title: &'static str,
    /// Template: the description (`{}` questions, then answered, its share, suggested, its
    /// share, silent, its share).
    pub summary: &'static str,
    /// The field "Helpful / not helpful".
    pub votes: &'static str,
    /// The field "Time to decide".
    pub time: &'static str,
    /// Template: its value (`{}` the median, `{}` the 99th percentile).
    pub time_value: &'static str,
    /// The field "Top answers".
    pub top_answers: &'static str,
    /// The field "Top unanswered".
    pub top_unanswered: &'static str,
    /// A list with nothing in it.
    pub none: &'static str,
    /// The footer.
    pub footer: &'static str,
    /// Template: recording is failing now (`{}` the fault, in English).
    pub failing: &'static str,
    /// Template: the chart's title (`{}` the first day, `{}` the last).
    pub chart_title: &'static str,
    /// The chart's vertical axis.
    pub chart_axis: &'static str,
    /// The chart's legend: answered, suggested and silent, in that order.
    pub chart_outcomes: [&'static str; 3],
}

/// What the bot tells a moderator, in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Moderation {
    /// The names of English, French and Spanish in this language, in [`Lang::ALL`]'s order.
    pub languages: [&'static str; 3],
    /// The commands as clients show them.
    pub commands: AdminCommandWording,
    /// A member who is not a moderator used a moderator's tool.
    pub refused: &'static str,
    /// Template: no answer has this id (`{}` the id, quoted safely).
    pub no_such_answer: &'static str,
    /// The answer's text does not fit in a form.
    pub too_long_for_form: &'static str,
    /// A form the bot no longer reads.
    pub form_expired: &'static str,
    /// Reloads, saves and removals.
    pub changes: ChangeWording,
    /// The forms.
    pub forms: FormWording,
    /// The top matches.
    pub matches: MatchWording,
    /// The inbox.
    pub inbox: InboxWording,
    /// The statistics.
    pub stats: StatsWording,
}

impl Moderation {
    /// The name of `lang` in this language ("French", "français", "francés").
    pub fn language(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.languages[0],
            Lang::Fr => self.languages[1],
            Lang::Es => self.languages[2],
        }
    }

    /// The forms' titles and labels whose `{}` (if any) takes a language's name (Discord holds
    /// them to 45 characters; the edit form's title, which takes an answer id, is cut to fit
    /// when the form is made).
    pub fn form_texts(&self) -> [&'static str; 10] {
        let forms = self.forms;
        [
            forms.add_title,
            forms.add_translated_title,
            forms.id,
            forms.title,
            forms.questions,
            forms.text,
            forms.title_in,
            forms.text_in,
            forms.other_answer_title,
            forms.other_answer,
        ]
    }

    /// The buttons' labels and select texts (a button label holds 80 characters, a select's
    /// placeholder 150 and an option's label 100).
    pub fn component_texts(&self) -> [&'static str; 7] {
        let inbox = self.inbox;
        [
            inbox.add_as_phrasing,
            inbox.other_answer,
            inbox.new_answer,
            inbox.add_english_questions,
            inbox.dismiss,
            inbox.previous,
            inbox.next,
        ]
    }

    /// Every sentence, label and template that is not a command's name or description, in one
    /// order for every language.
    pub fn texts(&self) -> Vec<&'static str> {
        let (changes, matches, inbox, stats) = (self.changes, self.matches, self.inbox, self.stats);
        let mut texts = vec![
            self.refused,
            self.no_such_answer,
            self.too_long_for_form,
            self.form_expired,
            self.forms.edit_title,
            changes.loaded,
            changes.saved,
            changes.removed,
            changes.not_editable,
            changes.internal,
            changes.not_saved,
            changes.not_saved_invalid,
            changes.not_saved_unparsable,
            changes.not_saved_failed,
            changes.not_reloaded,
            changes.config_invalid,
            changes.answers_invalid,
            changes.unreadable,
            matches.top_matches,
            matches.no_match,
            matches.would_answer,
            matches.would_offer,
            matches.would_stay_silent,
            matches.post,
            matches.posted,
            matches.not_posted,
            matches.unreadable_message,
            inbox.recording_off,
            inbox.group_gone,
            inbox.empty,
            inbox.title,
            inbox.asked,
            inbox.asked_times,
            inbox.why,
            inbox.unanswered,
            inbox.not_opened,
            inbox.not_this,
            inbox.not_helpful,
            inbox.read_in,
            inbox.read_in_value,
            inbox.leaned,
            inbox.nothing,
            inbox.footer,
            inbox.choose_answer,
            inbox.no_answer_called,
            inbox.left_inbox,
            inbox.stays,
            inbox.phrasing_added,
            inbox.translated_phrasing_added,
            inbox.dismissed,
            stats.title,
            stats.summary,
            stats.votes,
            stats.time,
            stats.time_value,
            stats.top_answers,
            stats.top_unanswered,
            stats.none,
            stats.footer,
            stats.failing,
            stats.chart_title,
            stats.chart_axis,
        ];
        texts.extend(stats.chart_outcomes);
        texts.extend(self.languages);
        texts.extend(self.form_texts());
        texts.extend(self.component_texts());
        texts
    }
}

/// English, the words moderators saw before the other languages.
pub const ENGLISH: Moderation = Moderation {
    languages: ["English", "French", "Spanish"],
    commands: AdminCommandWording {
        admin: "Moderators: manage the GFMD answers",
        reload: Named {
            name: "reload",
            description: "Reload the answer files now",
        },
        add: Named {
            name: "add",
            description: "Add an answer",
        },
        edit: Named {
            name: "edit",
            description: "Edit an answer's title, questions and text",
        },
        remove: Named {
            name: "remove",
            description: "Remove an answer (moved to responses/.trash)",
        },
        preview: Named {
            name: "preview",
            description: "Show an answer privately",
        },
        test: Named {
            name: "test",
            description: "Show the top 3 matches for a question, with scores",
        },
        inbox: Named {
            name: "inbox",
            description: "Questions the bot missed, grouped, to add as phrasings or answers",
        },
        stats: Named {
            name: "stats",
            description: "Statistics of the questions, with a daily chart",
        },
        id: Named {
            name: "id",
            description: "Answer id",
        },
        question: Named {
            name: "question",
            description: "A question",
        },
        days: Named {
            name: "days",
            description: "The last N days (default {})",
        },
        answer_with_faq: "Answer with GFMD FAQ",
    },
    refused: "Only moderators can do that.",
    no_such_answer: "No answer has the id `{}`.",
    too_long_for_form: "That answer is longer than a Discord form can hold; edit its file instead.",
    form_expired: "This form has expired.",
    changes: ChangeWording {
        loaded: "{} answers loaded, {} changed",
        saved: "Saved `{}`. {}",
        removed: "Removed `{}` (a copy is kept in the answers folder's trash as `{}`). {}",
        not_editable:
            "The answers are built into the bot; set `responses_dir` in its config to edit them live.",
        internal: "Something went wrong on the bot's side; the details are in its log.",
        not_saved: "Not saved: {}.",
        not_saved_invalid: "Not saved: the answers would not be valid.\n{}",
        not_saved_unparsable:
            "Not saved: that answer's file is not TOML the bot can edit; fix the file by hand.",
        not_saved_failed: "Not saved. {}",
        not_reloaded: "Not reloaded; the previous answers stay live: {}",
        config_invalid: "the config file is not valid:\n{}",
        answers_invalid: "{} problem(s) in the answer files:\n{}",
        unreadable: "the files could not be read (details in the bot's log)",
    },
    forms: FormWording {
        add_title: "Add a GFMD answer",
        add_translated_title: "Add a GFMD answer, in English and {}",
        edit_title: "Edit {}",
        id: "Id (a-z, 0-9 and -)",
        title: "Title",
        questions: "Questions it answers (one per line)",
        text: "Answer text (markdown)",
        title_in: "Title in {}",
        text_in: "Answer text in {} (markdown)",
        other_answer_title: "Add as phrasing of another answer",
        other_answer: "Answer: its id, subcommand or title",
    },
    matches: MatchWording {
        top_matches: "Top matches for \"{}\" (read as {}) — {}:",
        no_match: "(no answer shares a word with it)",
        would_answer: "would answer `{}`",
        would_offer: "would offer `{}` (\"might help\", not confident enough to answer)",
        would_stay_silent: "would stay silent (not confident)",
        post: "Post: {}",
        posted: "Posted `{}` as a reply.",
        not_posted: "I could not post that answer.",
        unreadable_message: "I could not read that message.",
    },
    inbox: InboxWording {
        recording_off:
            "Recording is off in this bot's config (`[data] record = false`): there is no inbox.",
        group_gone:
            "That group is no longer in the inbox (another moderator dealt with it, or it expired).",
        empty: "The inbox is empty for the last {} day(s): every question was answered, or \
                moderators have dealt with it.",
        title: "Inbox, last {} day(s): group {} of {}",
        asked: "Asked",
        asked_times: "{} time(s), last on {} (UTC)",
        why: "Why it is here",
        unanswered: "unanswered",
        not_opened: "suggested but not opened",
        not_this: "\"not this\"",
        not_helpful: "voted not helpful",
        read_in: "Read in",
        read_in_value: "{} (\"Add as phrasing\" adds it to the {} questions)",
        leaned: "The bot leaned towards",
        nothing: "nothing",
        footer: "{} group(s), {} question(s) in the inbox; most frequent first",
        add_as_phrasing: "Add as phrasing of …",
        other_answer: "Other answer…",
        new_answer: "New answer",
        add_english_questions: "Add its English questions",
        dismiss: "Dismiss",
        previous: "Previous",
        next: "Next",
        choose_answer: "Choose an answer in the menu.",
        no_answer_called: "No answer is called \"{}\": give its id, subcommand or title.",
        left_inbox: "{} question(s) left the inbox.",
        stays: "The group stays in the inbox: {}",
        phrasing_added: "Added \"{}\" as a phrasing of `{}`. {}. {}",
        translated_phrasing_added: "Added \"{}\" as a {} phrasing of `{}`. {}. {}",
        dismissed: "Dismissed \"{}\". {}",
    },
    stats: StatsWording {
        title: "Questions, last {} day(s): {} to {} (UTC)",
        summary: "**{}** question(s): {} answered ({}), {} suggested ({}), {} silent ({}).",
        votes: "Helpful / not helpful",
        time: "Time to decide",
        time_value: "median {}, p99 {}",
        top_answers: "Top answers",
        top_unanswered: "Top unanswered",
        none: "none",
        footer: "The chart shows the questions of each day by outcome.",
        failing: "Recording is failing right now ({}): the newest questions may be missing.",
        chart_title: "Questions per day, {} to {}",
        chart_axis: "questions per day (UTC)",
        chart_outcomes: ["answered", "suggested", "silent"],
    },
};

/// French: "vous", and the Forum as "le FMMD".
pub const FRENCH: Moderation = Moderation {
    languages: ["anglais", "français", "espagnol"],
    commands: AdminCommandWording {
        admin: "Modération : gérer les réponses sur le FMMD",
        reload: Named {
            name: "recharger",
            description: "Recharger les fichiers de réponses maintenant",
        },
        add: Named {
            name: "ajouter",
            description: "Ajouter une réponse",
        },
        edit: Named {
            name: "modifier",
            description: "Modifier le titre, les questions et le texte d'une réponse",
        },
        remove: Named {
            name: "retirer",
            description: "Retirer une réponse (déplacée dans responses/.trash)",
        },
        preview: Named {
            name: "aperçu",
            description: "Afficher une réponse pour vous seul",
        },
        test: Named {
            name: "tester",
            description: "Afficher les 3 meilleures correspondances d'une question, avec leurs scores",
        },
        inbox: Named {
            name: "à-traiter",
            description: "Questions manquées par le bot, groupées, à ajouter comme formulations ou réponses",
        },
        stats: Named {
            name: "statistiques",
            description: "Statistiques des questions, avec un graphique par jour",
        },
        id: Named {
            name: "id",
            description: "Identifiant de la réponse",
        },
        question: Named {
            name: "question",
            description: "Une question",
        },
        days: Named {
            name: "jours",
            description: "Les N derniers jours (par défaut {})",
        },
        answer_with_faq: "Répondre avec la FAQ du FMMD",
    },
    refused: "Seuls les modérateurs peuvent faire cela.",
    no_such_answer: "Aucune réponse n'a l'identifiant `{}`.",
    too_long_for_form:
        "Cette réponse est plus longue que ce qu'un formulaire Discord peut contenir ; modifiez plutôt son fichier.",
    form_expired: "Ce formulaire a expiré.",
    changes: ChangeWording {
        loaded: "{} réponses chargées, {} modifiées",
        saved: "`{}` enregistrée. {}",
        removed:
            "`{}` retirée (une copie est gardée dans la corbeille du dossier des réponses sous le nom `{}`). {}",
        not_editable:
            "Les réponses sont intégrées au bot ; définissez `responses_dir` dans sa configuration pour les modifier en direct.",
        internal: "Un problème est survenu du côté du bot ; les détails sont dans son journal.",
        not_saved: "Non enregistré : {}.",
        not_saved_invalid: "Non enregistré : les réponses ne seraient pas valides.\n{}",
        not_saved_unparsable:
            "Non enregistré : le fichier de cette réponse n'est pas du TOML que le bot sait modifier ; corrigez le fichier à la main.",
        not_saved_failed: "Non enregistré. {}",
        not_reloaded: "Non rechargé ; les réponses précédentes restent en ligne : {}",
        config_invalid: "le fichier de configuration n'est pas valide :\n{}",
        answers_invalid: "{} problème(s) dans les fichiers de réponses :\n{}",
        unreadable: "les fichiers n'ont pas pu être lus (détails dans le journal du bot)",
    },
    forms: FormWording {
        add_title: "Ajouter une réponse sur le FMMD",
        add_translated_title: "Nouvelle réponse en anglais et en {}",
        edit_title: "Modifier {}",
        id: "Identifiant (a-z, 0-9 et -)",
        title: "Titre",
        questions: "Questions couvertes (une par ligne)",
        text: "Texte de la réponse (markdown)",
        title_in: "Titre en {}",
        text_in: "Texte de la réponse en {} (markdown)",
        other_answer_title: "Ajouter comme formulation d'une autre réponse",
        other_answer: "Réponse : identifiant, sous-commande ou titre",
    },
    matches: MatchWording {
        top_matches: "Meilleures correspondances pour « {} » (lu en {}) — {} :",
        no_match: "(aucune réponse n'a de mot en commun avec elle)",
        would_answer: "le bot répondrait `{}`",
        would_offer:
            "le bot proposerait `{}` (« pourrait vous aider », pas assez sûr pour répondre)",
        would_stay_silent: "le bot se tairait (pas assez sûr)",
        post: "Publier : {}",
        posted: "`{}` publiée en réponse.",
        not_posted: "Je n'ai pas pu publier cette réponse.",
        unreadable_message: "Je n'ai pas pu lire ce message.",
    },
    inbox: InboxWording {
        recording_off:
            "L'enregistrement est désactivé dans la configuration de ce bot (`[data] record = false`) : il n'y a rien à traiter.",
        group_gone:
            "Ce groupe n'est plus à traiter (un autre modérateur s'en est occupé, ou il a expiré).",
        empty: "Rien à traiter sur les {} dernier(s) jour(s) : chaque question a reçu une \
                réponse, ou les modérateurs s'en sont occupés.",
        title: "À traiter, {} dernier(s) jour(s) : groupe {} sur {}",
        asked: "Posée",
        asked_times: "{} fois, dernière le {} (UTC)",
        why: "Pourquoi elle est ici",
        unanswered: "sans réponse",
        not_opened: "suggérée mais pas ouverte",
        not_this: "« pas ça »",
        not_helpful: "jugée pas utile",
        read_in: "Lue en",
        read_in_value: "{} (« Ajouter comme formulation » l'ajoute aux questions en {})",
        leaned: "Le bot penchait pour",
        nothing: "rien",
        footer: "{} groupe(s), {} question(s) à traiter ; les plus fréquentes d'abord",
        add_as_phrasing: "Ajouter comme formulation de …",
        other_answer: "Autre réponse…",
        new_answer: "Nouvelle réponse",
        add_english_questions: "Ajouter ses questions en anglais",
        dismiss: "Écarter",
        previous: "Précédent",
        next: "Suivant",
        choose_answer: "Choisissez une réponse dans le menu.",
        no_answer_called:
            "Aucune réponse ne s'appelle « {} » : donnez son identifiant, sa sous-commande ou son titre.",
        left_inbox: "{} question(s) retirée(s) de la liste à traiter.",
        stays: "Le groupe reste à traiter : {}",
        phrasing_added: "« {} » ajoutée comme formulation de `{}`. {}. {}",
        translated_phrasing_added: "« {} » ajoutée comme formulation en {} de `{}`. {}. {}",
        dismissed: "« {} » écartée. {}",
    },
    stats: StatsWording {
        title: "Questions, {} dernier(s) jour(s) : du {} au {} (UTC)",
        summary: "**{}** question(s) : {} avec réponse ({}), {} avec suggestion ({}), {} sans réponse ({}).",
        votes: "Utile / pas utile",
        time: "Temps de décision",
        time_value: "médiane {}, p99 {}",
        top_answers: "Réponses les plus données",
        top_unanswered: "Questions sans réponse les plus fréquentes",
        none: "aucune",
        footer: "Le graphique montre les questions de chaque jour selon leur issue.",
        failing:
            "L'enregistrement échoue en ce moment ({}) : les questions les plus récentes peuvent manquer.",
        chart_title: "Questions par jour, du {} au {}",
        chart_axis: "questions par jour (UTC)",
        chart_outcomes: ["avec réponse", "avec suggestion", "sans réponse"],
    },
};

/// Spanish: "tú", and the Forum as "el FMMD".
pub const SPANISH: Moderation = Moderation {
    languages: ["inglés", "francés", "español"],
    commands: AdminCommandWording {
        admin: "Moderación: gestiona las respuestas sobre el FMMD",
        reload: Named {
            name: "recargar",
            description: "Recarga ahora los archivos de respuestas",
        },
        add: Named {
            name: "añadir",
            description: "Añade una respuesta",
        },
        edit: Named {
            name: "editar",
            description: "Edita el título, las preguntas y el texto de una respuesta",
        },
        remove: Named {
            name: "quitar",
            description: "Quita una respuesta (se mueve a responses/.trash)",
        },
        preview: Named {
            name: "vista-previa",
            description: "Muestra una respuesta solo para ti",
        },
        test: Named {
            name: "probar",
            description: "Muestra las 3 mejores coincidencias de una pregunta, con sus puntuaciones",
        },
        inbox: Named {
            name: "pendientes",
            description: "Preguntas que el bot no acertó, agrupadas, para añadir como formulaciones o respuestas",
        },
        stats: Named {
            name: "estadísticas",
            description: "Estadísticas de las preguntas, con un gráfico diario",
        },
        id: Named {
            name: "id",
            description: "Identificador de la respuesta",
        },
        question: Named {
            name: "pregunta",
            description: "Una pregunta",
        },
        days: Named {
            name: "días",
            description: "Los últimos N días (por defecto {})",
        },
        answer_with_faq: "Responder con la FAQ del FMMD",
    },
    refused: "Solo los moderadores pueden hacer eso.",
    no_such_answer: "Ninguna respuesta tiene el identificador `{}`.",
    too_long_for_form:
        "Esa respuesta es más larga de lo que cabe en un formulario de Discord; edita su archivo en su lugar.",
    form_expired: "Este formulario ha caducado.",
    changes: ChangeWording {
        loaded: "{} respuestas cargadas, {} cambiadas",
        saved: "`{}` guardada. {}",
        removed:
            "`{}` quitada (se guarda una copia en la papelera de la carpeta de respuestas como `{}`). {}",
        not_editable:
            "Las respuestas están integradas en el bot; define `responses_dir` en su configuración para editarlas en vivo.",
        internal: "Algo falló del lado del bot; los detalles están en su registro.",
        not_saved: "No se guardó: {}.",
        not_saved_invalid: "No se guardó: las respuestas no serían válidas.\n{}",
        not_saved_unparsable:
            "No se guardó: el archivo de esa respuesta no es TOML que el bot pueda editar; corrige el archivo a mano.",
        not_saved_failed: "No se guardó. {}",
        not_reloaded: "No se recargó; las respuestas anteriores siguen activas: {}",
        config_invalid: "el archivo de configuración no es válido:\n{}",
        answers_invalid: "{} problema(s) en los archivos de respuestas:\n{}",
        unreadable: "no se pudieron leer los archivos (detalles en el registro del bot)",
    },
    forms: FormWording {
        add_title: "Añadir una respuesta sobre el FMMD",
        add_translated_title: "Añadir una respuesta, en inglés y en {}",
        edit_title: "Editar {}",
        id: "Identificador (a-z, 0-9 y -)",
        title: "Título",
        questions: "Preguntas que responde (una por línea)",
        text: "Texto de la respuesta (markdown)",
        title_in: "Título en {}",
        text_in: "Texto de la respuesta en {} (markdown)",
        other_answer_title: "Añadir como formulación de otra respuesta",
        other_answer: "Respuesta: identificador, subcomando o título",
    },
    matches: MatchWording {
        top_matches: "Mejores coincidencias para «{}» (leída en {}) — {}:",
        no_match: "(ninguna respuesta comparte una palabra con ella)",
        would_answer: "el bot respondería `{}`",
        would_offer:
            "el bot ofrecería `{}` («podría ayudarte», no tiene seguridad suficiente para responder)",
        would_stay_silent: "el bot se callaría (no tiene seguridad suficiente)",
        post: "Publicar: {}",
        posted: "`{}` publicada como respuesta.",
        not_posted: "No pude publicar esa respuesta.",
        unreadable_message: "No pude leer ese mensaje.",
    },
    inbox: InboxWording {
        recording_off:
            "El registro está desactivado en la configuración de este bot (`[data] record = false`): no hay pendientes.",
        group_gone:
            "Ese grupo ya no está en pendientes (otro moderador se ocupó de él, o caducó).",
        empty: "No hay pendientes de los últimos {} día(s): todas las preguntas recibieron \
                respuesta, o los moderadores se ocuparon de ellas.",
        title: "Pendientes, últimos {} día(s): grupo {} de {}",
        asked: "Preguntada",
        asked_times: "{} vez/veces, la última el {} (UTC)",
        why: "Por qué está aquí",
        unanswered: "sin respuesta",
        not_opened: "sugerida pero no abierta",
        not_this: "«no es esto»",
        not_helpful: "votada no útil",
        read_in: "Leída en",
        read_in_value: "{} («Añadir como formulación» la añade a las preguntas en {})",
        leaned: "El bot se inclinaba por",
        nothing: "nada",
        footer: "{} grupo(s), {} pregunta(s) pendientes; las más frecuentes primero",
        add_as_phrasing: "Añadir como formulación de …",
        other_answer: "Otra respuesta…",
        new_answer: "Nueva respuesta",
        add_english_questions: "Añadir sus preguntas en inglés",
        dismiss: "Descartar",
        previous: "Anterior",
        next: "Siguiente",
        choose_answer: "Elige una respuesta en el menú.",
        no_answer_called:
            "Ninguna respuesta se llama «{}»: indica su identificador, subcomando o título.",
        left_inbox: "{} pregunta(s) salieron de pendientes.",
        stays: "El grupo sigue en pendientes: {}",
        phrasing_added: "«{}» añadida como formulación de `{}`. {}. {}",
        translated_phrasing_added: "«{}» añadida como formulación en {} de `{}`. {}. {}",
        dismissed: "«{}» descartada. {}",
    },
    stats: StatsWording {
        title: "Preguntas, últimos {} día(s): del {} al {} (UTC)",
        summary: "**{}** pregunta(s): {} respondidas ({}), {} con sugerencia ({}), {} sin respuesta ({}).",
        votes: "Útil / no útil",
        time: "Tiempo de decisión",
        time_value: "mediana {}, p99 {}",
        top_answers: "Respuestas más dadas",
        top_unanswered: "Preguntas sin respuesta más frecuentes",
        none: "ninguna",
        footer: "El gráfico muestra las preguntas de cada día según su resultado.",
        failing:
            "El registro está fallando ahora mismo ({}): pueden faltar las preguntas más recientes.",
        chart_title: "Preguntas por día, del {} al {}",
        chart_axis: "preguntas por día (UTC)",
        chart_outcomes: ["respondidas", "con sugerencia", "sin respuesta"],
    },
};

/// One outcome told twice: to the moderator, in the language of their interaction, and in
/// English, for the bot's log and the moderation log channel, which every moderator reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Told {
    /// What the moderator who acted reads.
    pub moderator: String,
    /// The same in English.
    pub english: String,
}

impl Told {
    /// `say` in `lang` for the moderator and in English for the log. `say` only phrases: what
    /// must happen once (logging a failure) happens before.
    pub fn new(lang: Lang, say: impl Fn(&Moderation) -> String) -> Told {
        Told {
            moderator: say(&super::Wording::of(lang).moderation),
            english: say(&ENGLISH),
        }
    }

    /// The sentence `say` puts around this outcome, told in `lang` (the moderator's, as this
    /// one) and in English: each language's sentence holds that language's telling of it.
    pub fn around(&self, lang: Lang, say: impl Fn(&Moderation, &str) -> String) -> Told {
        Told {
            moderator: say(&super::Wording::of(lang).moderation, &self.moderator),
            english: say(&ENGLISH, &self.english),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::limits;
    use crate::wording::fill_all;

    const ALL: [(Lang, Moderation); 3] =
        [(Lang::En, ENGLISH), (Lang::Fr, FRENCH), (Lang::Es, SPANISH)];

    fn places(text: &str) -> usize {
        text.matches("{}").count()
    }

    #[test]
    fn every_language_has_the_same_places_for_values_as_english_in_every_text() {
        let english = ENGLISH.texts();
        for (lang, words) in ALL {
            let texts = words.texts();
            assert_eq!(texts.len(), english.len());
            for (own, english) in texts.iter().zip(&english) {
                assert!(!own.trim().is_empty(), "{lang}: an empty text");
                assert_eq!(
                    places(own),
                    places(english),
                    "{lang}: {own:?} for {english:?}"
                );
                assert_eq!(own.matches('{').count(), places(own), "{lang}: {own:?}");
            }
            let days = words.commands.days.description;
            assert_eq!(places(days), places(ENGLISH.commands.days.description));
        }
    }

    #[test]
    fn french_and_spanish_are_written_not_copied_from_english() {
        let english = ENGLISH.texts();
        for (lang, words) in [(Lang::Fr, FRENCH), (Lang::Es, SPANISH)] {
            let same: Vec<_> = words
                .texts()
                .into_iter()
                .zip(&english)
                .filter(|(own, english)| own == *english)
                .map(|(own, _)| own)
                .collect();
            // "Edit {}" and the like would be, but none is today.
            assert!(same.is_empty(), "{lang}: {same:?}");
        }
    }

    #[test]
    fn forms_and_components_fit_discord_s_limits_with_their_values() {
        for (lang, words) in ALL {
            for text in words.form_texts() {
                for language in Lang::ALL {
                    let filled = fill_all(text, &[&words.language(language)]);
                    let most = limits::MODAL_TITLE_LENGTH.min(limits::TEXT_INPUT_LABEL_LENGTH);
                    assert!(
                        (1..=most).contains(&limits::char_count(&filled)),
                        "{lang}: {filled} ({} characters)",
                        limits::char_count(&filled)
                    );
                }
            }
            for text in words.component_texts() {
                assert!(
                    (1..=limits::BUTTON_LABEL_LENGTH).contains(&limits::char_count(text)),
                    "{lang}: {text}"
                );
            }
            for text in words.texts() {
                assert!(
                    limits::char_count(text) <= 500,
                    "{lang}: a sentence leaves room for its values: {text}"
                );
            }
            for name in [
                words.inbox.asked,
                words.inbox.why,
                words.inbox.read_in,
                words.inbox.leaned,
                words.stats.votes,
                words.stats.time,
                words.stats.top_answers,
                words.stats.top_unanswered,
            ] {
                assert!(limits::char_count(name) <= limits::FIELD_NAME_LENGTH);
            }
        }
    }

    #[test]
    fn the_admin_commands_fit_discord_s_limits_and_name_rules_in_every_language() {
        for (lang, words) in ALL {
            let commands = words.commands;
            let named = [
                commands.reload,
                commands.add,
                commands.edit,
                commands.remove,
                commands.preview,
                commands.test,
                commands.inbox,
                commands.stats,
                commands.id,
                commands.question,
                commands.days,
            ];
            for Named { name, description } in named {
                assert!(
                    crate::wording::tests::is_command_name(name),
                    "{lang}: {name}"
                );
                let description = fill_all(description, &[&3650]);
                assert!(
                    (1..=limits::COMMAND_DESCRIPTION_LENGTH)
                        .contains(&limits::char_count(&description)),
                    "{lang}: {description} ({} characters)",
                    limits::char_count(&description)
                );
            }
            let subcommands: Vec<&str> = named[..8].iter().map(|named| named.name).collect();
            let mut unique = subcommands.clone();
            unique.sort_unstable();
            unique.dedup();
            assert_eq!(unique.len(), subcommands.len(), "{lang}: {subcommands:?}");
            assert!((1..=limits::COMMAND_DESCRIPTION_LENGTH)
                .contains(&limits::char_count(commands.admin)));
            assert!((1..=limits::COMMAND_NAME_LENGTH)
                .contains(&limits::char_count(commands.answer_with_faq)));
        }
    }
}
