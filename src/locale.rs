//! The languages the bot answers in — English (the source of truth), French and Spanish — and
//! how each is named: by Discord's locale codes (`fr`, `es-ES`, `es-419`) and on the command line
//! (`--locale fr|es|en`).

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A language the bot can answer in.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English: every answer is written in it first, and it is the fallback.
    #[default]
    En,
    /// French (Discord's `fr`).
    Fr,
    /// Spanish (Discord's `es-ES` and `es-419`).
    Es,
}

impl Lang {
    /// Every language, English first.
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Fr, Lang::Es];

    /// The languages an answer may carry a translation into (its `[fr]` and `[es]` tables).
    pub const TRANSLATED: [Lang; 2] = [Lang::Fr, Lang::Es];

    /// The short code: `en`, `fr` or `es` (the `--locale` value, the table name in answer files,
    /// and `"locale"` in `ask --json`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Es => "es",
        }
    }

    /// The language's name in English, for messages to moderators (`check`).
    pub fn english_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Fr => "French",
            Lang::Es => "Spanish",
        }
    }

    /// The language of a Discord locale code (an interaction's `locale` or `guild_locale`):
    /// `fr` is French, `es-ES` and `es-419` are Spanish, anything else is English. Read by the
    /// primary subtag, case-insensitively, so `fr-CA` or `es` would be read the same way.
    pub fn from_discord(locale: &str) -> Lang {
        let primary = locale.split(['-', '_']).next().unwrap_or_default();
        if primary.eq_ignore_ascii_case("fr") {
            Lang::Fr
        } else if primary.eq_ignore_ascii_case("es") {
            Lang::Es
        } else {
            Lang::En
        }
    }

    /// The Discord locales that read this language, as used in `name_localizations` and
    /// `description_localizations`. English has none: the command's default names are English.
    pub fn discord_locales(self) -> &'static [&'static str] {
        match self {
            Lang::En => &[],
            Lang::Fr => &["fr"],
            Lang::Es => &["es-ES", "es-419"],
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A `--locale` value that is not `en`, `fr` or `es`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownLang(pub String);

impl fmt::Display for UnknownLang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown language `{}`: use en, fr or es", self.0)
    }
}

impl std::error::Error for UnknownLang {}

impl FromStr for Lang {
    type Err = UnknownLang;

    /// `en`, `fr` or `es`, in any case: the strict form for the command line. Discord's codes go
    /// through [`Lang::from_discord`], which never fails.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Lang::ALL
            .into_iter()
            .find(|lang| lang.code().eq_ignore_ascii_case(text.trim()))
            .ok_or_else(|| UnknownLang(text.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn discord_locales_map_to_french_spanish_or_english() {
        assert_eq!(Lang::from_discord("fr"), Lang::Fr);
        assert_eq!(Lang::from_discord("es-ES"), Lang::Es);
        assert_eq!(Lang::from_discord("es-419"), Lang::Es);
        for other in ["en-US", "en-GB", "de", "pt-BR", "zh-CN", ""] {
            assert_eq!(Lang::from_discord(other), Lang::En, "{other:?}");
        }
    }

    #[test]
    fn every_translated_language_names_discord_locales_that_map_back_to_it() {
        for lang in Lang::TRANSLATED {
            assert!(!lang.discord_locales().is_empty());
            for locale in lang.discord_locales() {
                assert_eq!(Lang::from_discord(locale), lang);
            }
        }
    }

    #[test]
    fn the_command_line_takes_en_fr_or_es_only() {
        assert_eq!("fr".parse(), Ok(Lang::Fr));
        assert_eq!("ES".parse(), Ok(Lang::Es));
        assert_eq!("en".parse(), Ok(Lang::En));
        let error = "de".parse::<Lang>().unwrap_err();
        assert_eq!(error.to_string(), "unknown language `de`: use en, fr or es");
        for lang in Lang::ALL {
            assert_eq!(lang.code().parse(), Ok(lang));
        }
    }
}
