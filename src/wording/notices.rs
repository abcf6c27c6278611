//! The short things the bot tells one member on Discord besides the answers, in each language:
//! the thanks for a vote and the reasons to pick, an unknown or removed topic, an expired or
//! someone else's button, the rate limit, a pointer to an answer posted a moment ago, what
//! `forget-me` deleted. A template
//! holds one `{}` where its value goes ([`fill`]).

/// What the bot tells a member around its answers, in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Notices {
    /// Said privately after **Helpful**.
    pub thanks: &'static str,
    /// Said privately after **Not helpful**, above the reasons.
    pub what_was_wrong: &'static str,
    /// The reason button "Wrong answer".
    pub wrong_answer: &'static str,
    /// The reason button "Out of date".
    pub out_of_date: &'static str,
    /// The reason button "Unclear".
    pub unclear: &'static str,
    /// Template: the reason picked has been noted (`{}` is the reason, in lower case).
    pub noted: &'static str,
    /// Template: `/gfmd topic` was given a name no answer has (`{}` is the name, quoted safely).
    pub no_topic: &'static str,
    /// Follows [`Notices::no_topic`] when there is nothing to suggest.
    pub start_typing: &'static str,
    /// A subcommand removed since Discord showed it.
    pub topic_gone: &'static str,
    /// A button or menu naming an answer that no longer exists.
    pub answer_gone: &'static str,
    /// A button whose custom id the bot no longer reads.
    pub button_expired: &'static str,
    /// **Not this** clicked by someone other than the asker or a moderator.
    pub only_asker_dismiss: &'static str,
    /// **Delete** clicked by someone other than the asker or a moderator.
    pub only_asker_delete: &'static str,
    /// A command the bot cannot read.
    pub not_understood: &'static str,
    /// Template: the member is rate-limited (`{}` is the number of seconds to wait).
    pub asking_quickly: &'static str,
    /// A slash command's answer posted in the channel a moment ago, shown again privately.
    pub answered_recently: &'static str,
    /// Template: as [`Notices::answered_recently`], with a link (`{}`) to the earlier answer.
    pub answered_recently_at: &'static str,
    /// A mention answered a moment ago in the channel.
    pub answered_above: &'static str,
    /// Template: as [`Notices::answered_above`], with a link (`{}`) to the earlier answer.
    pub answered_above_at: &'static str,
    /// `forget-me` when recording is off.
    pub nothing_recorded: &'static str,
    /// `forget-me` found nothing to delete.
    pub forgot_none: &'static str,
    /// `forget-me` deleted one record.
    pub forgot_one: &'static str,
    /// Template: `forget-me` deleted `{}` records.
    pub forgot_many: &'static str,
    /// `forget-me` could not delete (the details go to the log, never to the member).
    pub forget_failed: &'static str,
}

/// Puts `value` where `template`'s `{}` is.
pub fn fill(template: &str, value: impl std::fmt::Display) -> String {
    template.replacen("{}", &value.to_string(), 1)
}

/// Puts `values` where `template`'s `{}` are, in order. A value is never read as a template (a
/// question holding `{}` stays as typed); a `{}` without a value is left as it is.
pub fn fill_all(template: &str, values: &[&dyn std::fmt::Display]) -> String {
    let mut filled = String::with_capacity(template.len());
    let mut pieces = template.split("{}");
    filled.push_str(pieces.next().unwrap_or_default());
    let mut values = values.iter();
    for piece in pieces {
        match values.next() {
            Some(value) => filled.push_str(&value.to_string()),
            None => filled.push_str("{}"),
        }
        filled.push_str(piece);
    }
    filled
}

/// English.
pub const ENGLISH: Notices = Notices {
    thanks: "Thanks for the feedback.",
    what_was_wrong: "Thanks for the feedback. If you like, tell the moderators what was wrong:",
    wrong_answer: "Wrong answer",
    out_of_date: "Out of date",
    unclear: "Unclear",
    noted: "Thanks, noted for the moderators: {}.",
    no_topic: "I have no topic called \"{}\".",
    start_typing: "Start typing in `/gfmd topic` to see the list.",
    topic_gone: "That topic is no longer available. Try `/gfmd topic`.",
    answer_gone: "That answer is no longer available.",
    button_expired: "This button has expired.",
    only_asker_dismiss: "Only the person who asked, or a moderator, can dismiss this.",
    only_asker_delete: "Only the person who asked, or a moderator, can delete this answer.",
    not_understood: "I did not understand that command.",
    asking_quickly: "You're asking quickly. Try again in {} s.",
    answered_recently: "This was answered here a moment ago (shown again just for you).",
    answered_recently_at: "This was answered here a moment ago: {} (shown again just for you)",
    answered_above: "I answered this just above.",
    answered_above_at: "I answered this just above: {}",
    nothing_recorded: "This bot records nothing about members, so there is nothing to delete.",
    forgot_none: "There was nothing recorded about you; nothing to delete.",
    forgot_one: "Deleted 1 record about you (a question or a vote).",
    forgot_many: "Deleted {} records about you (your questions and votes).",
    forget_failed: "Nothing was deleted: Something went wrong on the bot's side; the details are in its log. Please try again later.",
};

/// French: "vous", and `/gfmd sujet` as French clients show `/gfmd topic`.
pub const FRENCH: Notices = Notices {
    thanks: "Merci pour votre retour.",
    what_was_wrong:
        "Merci pour votre retour. Si vous le souhaitez, dites aux modérateurs ce qui n'allait pas :",
    wrong_answer: "Mauvaise réponse",
    out_of_date: "Pas à jour",
    unclear: "Pas clair",
    noted: "Merci, c'est noté pour les modérateurs : {}.",
    no_topic: "Je n'ai aucun sujet intitulé « {} ».",
    start_typing: "Commencez à taper dans `/gfmd sujet` pour voir la liste.",
    topic_gone: "Ce sujet n'est plus disponible. Essayez `/gfmd sujet`.",
    answer_gone: "Cette réponse n'est plus disponible.",
    button_expired: "Ce bouton a expiré.",
    only_asker_dismiss:
        "Seule la personne qui a posé la question, ou un modérateur, peut retirer ceci.",
    only_asker_delete:
        "Seule la personne qui a posé la question, ou un modérateur, peut supprimer cette réponse.",
    not_understood: "Je n'ai pas compris cette commande.",
    asking_quickly: "Vous posez vos questions un peu vite. Réessayez dans {} s.",
    answered_recently:
        "Cette question a reçu une réponse ici il y a un instant (affichée à nouveau pour vous uniquement).",
    answered_recently_at:
        "Cette question a reçu une réponse ici il y a un instant : {} (affichée à nouveau pour vous uniquement)",
    answered_above: "J'ai répondu à cela juste au-dessus.",
    answered_above_at: "J'ai répondu à cela juste au-dessus : {}",
    nothing_recorded: "Ce bot n'enregistre rien sur les membres : il n'y a donc rien à effacer.",
    forgot_none: "Rien n'était enregistré à votre sujet ; rien à effacer.",
    forgot_one: "1 enregistrement vous concernant a été effacé (une question ou un vote).",
    forgot_many: "{} enregistrements vous concernant ont été effacés (vos questions et vos votes).",
    forget_failed: "Rien n'a été effacé : un problème est survenu du côté du bot ; les détails sont dans son journal. Veuillez réessayer plus tard.",
};

/// Spanish: "tú", and `/gfmd tema` as Spanish clients show `/gfmd topic`.
pub const SPANISH: Notices = Notices {
    thanks: "Gracias por tu opinión.",
    what_was_wrong:
        "Gracias por tu opinión. Si quieres, cuéntales a los moderadores qué estaba mal:",
    wrong_answer: "Respuesta incorrecta",
    out_of_date: "Desactualizada",
    unclear: "Poco clara",
    noted: "Gracias, anotado para los moderadores: {}.",
    no_topic: "No tengo ningún tema llamado «{}».",
    start_typing: "Empieza a escribir en `/gfmd tema` para ver la lista.",
    topic_gone: "Ese tema ya no está disponible. Prueba `/gfmd tema`.",
    answer_gone: "Esa respuesta ya no está disponible.",
    button_expired: "Este botón ha caducado.",
    only_asker_dismiss: "Solo quien hizo la pregunta, o un moderador, puede descartar esto.",
    only_asker_delete:
        "Solo quien hizo la pregunta, o un moderador, puede eliminar esta respuesta.",
    not_understood: "No entendí ese comando.",
    asking_quickly: "Estás preguntando muy rápido. Vuelve a intentarlo en {} s.",
    answered_recently: "Esto se respondió aquí hace un momento (se muestra de nuevo solo para ti).",
    answered_recently_at:
        "Esto se respondió aquí hace un momento: {} (se muestra de nuevo solo para ti)",
    answered_above: "Respondí esto justo arriba.",
    answered_above_at: "Respondí esto justo arriba: {}",
    nothing_recorded: "Este bot no registra nada sobre los miembros, así que no hay nada que borrar.",
    forgot_none: "No había nada registrado sobre ti; nada que borrar.",
    forgot_one: "Se borró 1 registro sobre ti (una pregunta o un voto).",
    forgot_many: "Se borraron {} registros sobre ti (tus preguntas y tus votos).",
    forget_failed: "No se borró nada: algo falló del lado del bot; los detalles están en su registro. Vuelve a intentarlo más tarde.",
};

impl Notices {
    /// The templates, each with exactly one `{}`.
    pub fn templates(&self) -> [&'static str; 6] {
        [
            self.forgot_many,
            self.noted,
            self.no_topic,
            self.asking_quickly,
            self.answered_recently_at,
            self.answered_above_at,
        ]
    }

    /// The sentences that take no value.
    pub fn sentences(&self) -> [&'static str; 18] {
        [
            self.nothing_recorded,
            self.forgot_none,
            self.forgot_one,
            self.forget_failed,
            self.thanks,
            self.what_was_wrong,
            self.wrong_answer,
            self.out_of_date,
            self.unclear,
            self.start_typing,
            self.topic_gone,
            self.answer_gone,
            self.button_expired,
            self.only_asker_dismiss,
            self.only_asker_delete,
            self.not_understood,
            self.answered_recently,
            self.answered_above,
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_template_takes_its_value_where_the_braces_are() {
        assert_eq!(
            fill(ENGLISH.asking_quickly, 3),
            "You're asking quickly. Try again in 3 s."
        );
        assert_eq!(
            fill(FRENCH.no_topic, "pizza"),
            "Je n'ai aucun sujet intitulé « pizza »."
        );
    }

    #[test]
    fn templates_take_their_values_in_order_and_never_read_a_value_as_a_template() {
        assert_eq!(fill_all("{} of {}", &[&1, &"{}"]), "1 of {}");
        assert_eq!(fill_all("{} and {}", &[&"a"]), "a and {}");
        assert_eq!(fill_all("none", &[&1]), "none");
    }

    #[test]
    fn every_template_has_one_place_for_its_value_and_no_sentence_has_any() {
        for notices in [ENGLISH, FRENCH, SPANISH] {
            for template in notices.templates() {
                assert_eq!(template.matches("{}").count(), 1, "{template}");
            }
            for sentence in notices.sentences() {
                assert!(
                    !sentence.is_empty() && !sentence.contains('{'),
                    "{sentence}"
                );
            }
        }
    }

    #[test]
    fn french_and_spanish_are_written_not_copied_from_english() {
        for notices in [FRENCH, SPANISH] {
            let sentences = notices.sentences();
            let english = ENGLISH.sentences();
            for (own, english) in sentences.iter().zip(english) {
                assert_ne!(*own, english);
            }
        }
    }
}
