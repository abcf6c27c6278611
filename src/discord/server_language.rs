//! Each server's preferred language, for typed messages whose text does not say which language
//! they are in (`crate::detect::language_of` returns `None`: "GFMD", "GCIM", "2007").
//!
//! Discord sends a server's `preferred_locale` in GUILD_CREATE (for every server, when the bot
//! connects or joins) and in GUILD_UPDATE (when it changes); messages carry no locale at all.
//! [`ServerLanguages`] keeps the language of each server seen (guild id → [`Lang`], by
//! [`Lang::from_discord`]), and [`fallback_language`] decides in this order: `[questions]
//! language` when the operator set it, else the server's language, else English (DMs, and
//! servers whose GUILD_CREATE has not arrived or could not be read).

use crate::locale::Lang;
use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard, PoisonError};

/// The language a typed message is read in when its text does not say: `configured`
/// (`[questions] language`) when set, since an operator's explicit choice wins; else `server`,
/// the preferred language of the server it was sent in; else English.
pub fn fallback_language(configured: Option<Lang>, server: Option<Lang>) -> Lang {
    configured.or(server).unwrap_or_default()
}

/// The preferred language of each server the bot has been told about.
#[derive(Debug, Default)]
pub struct ServerLanguages {
    by_guild: Mutex<HashMap<u64, Lang>>,
}

impl ServerLanguages {
    /// Remembers that server `guild_id` prefers Discord locale `preferred_locale` (from
    /// GUILD_CREATE or GUILD_UPDATE); returns the language that reads as.
    pub fn remember(&self, guild_id: u64, preferred_locale: &str) -> Lang {
        let lang = Lang::from_discord(preferred_locale);
        self.lock().insert(guild_id, lang);
        lang
    }

    /// Forgets server `guild_id` (the bot left it).
    pub fn forget(&self, guild_id: u64) {
        self.lock().remove(&guild_id);
    }

    /// The preferred language of server `guild_id`, when the bot has been told it.
    pub fn of(&self, guild_id: u64) -> Option<Lang> {
        self.lock().get(&guild_id).copied()
    }

    /// The fallback for a message sent in `guild_id` (`None` in a DM), given `configured`
    /// (`[questions] language`): see [`fallback_language`].
    pub fn fallback_for(&self, configured: Option<Lang>, guild_id: Option<u64>) -> Lang {
        fallback_language(configured, guild_id.and_then(|id| self.of(id)))
    }

    /// The map, recovered if a panicking thread poisoned it (each write is one insert or remove,
    /// so it is always whole).
    fn lock(&self) -> MutexGuard<'_, HashMap<u64, Lang>> {
        self.by_guild.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FRENCH_SERVER: u64 = 1;
    const SPANISH_SERVER: u64 = 2;
    const ENGLISH_SERVER: u64 = 3;
    const UNSEEN_SERVER: u64 = 4;

    fn servers() -> ServerLanguages {
        let servers = ServerLanguages::default();
        servers.remember(FRENCH_SERVER, "fr");
        servers.remember(SPANISH_SERVER, "es-419");
        servers.remember(ENGLISH_SERVER, "en-US");
        servers
    }

    #[test]
    fn a_configured_language_wins_in_every_server_and_in_dms() {
        let servers = servers();
        for guild in [
            Some(FRENCH_SERVER),
            Some(SPANISH_SERVER),
            Some(UNSEEN_SERVER),
            None,
        ] {
            assert_eq!(servers.fallback_for(Some(Lang::Es), guild), Lang::Es);
            assert_eq!(servers.fallback_for(Some(Lang::En), guild), Lang::En);
        }
    }

    #[test]
    fn unset_the_fallback_is_the_servers_preferred_locale() {
        let servers = servers();
        assert_eq!(servers.fallback_for(None, Some(FRENCH_SERVER)), Lang::Fr);
        assert_eq!(servers.fallback_for(None, Some(SPANISH_SERVER)), Lang::Es);
        assert_eq!(servers.fallback_for(None, Some(ENGLISH_SERVER)), Lang::En);
    }

    #[test]
    fn an_unseen_server_or_a_dm_falls_back_to_english() {
        let servers = servers();
        assert_eq!(servers.fallback_for(None, Some(UNSEEN_SERVER)), Lang::En);
        assert_eq!(servers.fallback_for(None, None), Lang::En);
        assert_eq!(fallback_language(None, None), Lang::En);
    }

    #[test]
    fn preferred_locales_read_as_french_spanish_or_english() {
        let servers = ServerLanguages::default();
        for (locale, lang) in [
            ("fr", Lang::Fr),
            ("es-ES", Lang::Es),
            ("es-419", Lang::Es),
            ("en-US", Lang::En),
            ("de", Lang::En),
            ("pt-BR", Lang::En),
        ] {
            assert_eq!(servers.remember(9, locale), lang, "{locale}");
            assert_eq!(servers.of(9), Some(lang), "{locale}");
        }
    }

    #[test]
    fn an_update_replaces_the_language_and_leaving_forgets_it() {
        let servers = servers();
        servers.remember(ENGLISH_SERVER, "fr");
        assert_eq!(servers.fallback_for(None, Some(ENGLISH_SERVER)), Lang::Fr);
        servers.forget(ENGLISH_SERVER);
        assert_eq!(servers.of(ENGLISH_SERVER), None);
        assert_eq!(servers.fallback_for(None, Some(ENGLISH_SERVER)), Lang::En);
        assert_eq!(servers.of(FRENCH_SERVER), Some(Lang::Fr), "others stay");
    }
}
