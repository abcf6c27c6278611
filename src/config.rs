//! The bot's configuration: `config.toml` (every key documented in `config.example.toml`),
//! strict about unknown keys, with errors that name the file and line, and a few environment
//! overrides for deployment and tests.

use crate::answers::{Position, Problem};
use crate::matcher::Settings as MatcherSettings;
use serde::{Deserialize, Deserializer};
use std::path::{Path, PathBuf};

/// The default config file, read when present and no `--config` is given.
pub const DEFAULT_CONFIG_FILE: &str = "config.toml";

/// Environment variables that override config keys.
pub mod env {
    /// Overrides `[discord] api_base`.
    pub const API_BASE: &str = "GFMD_DISCORD_API_BASE";
    /// Overrides `[discord] gateway_url`.
    pub const GATEWAY_URL: &str = "GFMD_DISCORD_GATEWAY_URL";
    /// Overrides `[logging] format`.
    pub const LOG_FORMAT: &str = "GFMD_LOG_FORMAT";
    /// Overrides `responses_dir`.
    pub const RESPONSES_DIR: &str = "GFMD_RESPONSES_DIR";
    /// The bot token. Read only from the environment.
    pub const TOKEN: &str = "DISCORD_TOKEN";
    /// Overrides `[data] database`.
    pub const DATABASE: &str = "GFMD_DATABASE";
    /// Every override [`super::Config::apply_env`] reads (not the token).
    pub const ALL: &[&str] = &[API_BASE, GATEWAY_URL, LOG_FORMAT, RESPONSES_DIR, DATABASE];
}

/// Everything the bot can be configured with.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// Directory of answer files; `None` uses the set compiled into the binary.
    pub responses_dir: Option<PathBuf>,
    /// Matching thresholds.
    pub matcher: MatcherSettings,
    /// Discord connection and command registration.
    pub discord: DiscordConfig,
    /// Free-form questions in channels.
    pub questions: QuestionsConfig,
    /// Log output.
    pub logging: LoggingConfig,
    /// Moderators and live editing.
    pub moderation: ModerationConfig,
    /// The records database.
    pub data: DataConfig,
}

/// `[discord]`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct DiscordConfig {
    /// Guilds to register `/gfmd` in (instant); empty registers globally.
    pub guild_ids: Vec<Snowflake>,
    /// Base URL of a Discord-compatible REST API (REST goes to `{api_base}/api/v10/...`).
    pub api_base: Option<String>,
    /// Gateway websocket URL (`ws://` or `wss://`) of a Discord-compatible server.
    pub gateway_url: Option<String>,
    /// Whether to request the privileged MESSAGE_CONTENT intent (needed for channel listening).
    pub message_content_intent: bool,
}

impl Default for DiscordConfig {
    fn default() -> Self {
        Self {
            guild_ids: Vec::new(),
            api_base: None,
            gateway_url: None,
            message_content_intent: true,
        }
    }
}

/// `[questions]`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct QuestionsConfig {
    /// Channels where every message is treated as a possible question.
    pub channels: Vec<Snowflake>,
    /// Answer when mentioned in other channels.
    pub answer_mentions: bool,
    /// Answer direct messages.
    pub answer_dms: bool,
    /// Seconds during which the same answer is not posted again in the same channel.
    pub cooldown_seconds: u64,
    /// Questions one user may ask per window before being told to slow down.
    pub user_rate_limit: u32,
    /// Length of the per-user window, in seconds.
    pub user_rate_window_seconds: u64,
}

impl Default for QuestionsConfig {
    fn default() -> Self {
        Self {
            channels: Vec::new(),
            answer_mentions: true,
            answer_dms: true,
            cooldown_seconds: 60,
            user_rate_limit: 5,
            user_rate_window_seconds: 60,
        }
    }
}

/// `[logging]`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct LoggingConfig {
    /// `pretty` (default) or `json`.
    pub format: LogFormat,
    /// A `tracing` filter such as `info` or `gfmd_bot=debug,info`; `RUST_LOG` wins when set.
    pub filter: String,
}

impl Default for LoggingConfig {
    fn default() -> Self {
        Self {
            format: LogFormat::Pretty,
            filter: "info".to_owned(),
        }
    }
}

/// Log line format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    /// Human-readable lines.
    Pretty,
    /// One JSON object per line.
    Json,
}

/// `[moderation]`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ModerationConfig {
    /// Roles whose members may use `/gfmd-admin` (besides those with Manage Server).
    pub role_ids: Vec<Snowflake>,
    /// Channel that receives reload errors and the log of moderators' changes.
    pub log_channel_id: Option<Snowflake>,
    /// Watch `responses_dir` and the config file and reload on change.
    pub watch: bool,
    /// Quiet time, in milliseconds, after the last file change before reloading.
    pub debounce_ms: u64,
}

impl Default for ModerationConfig {
    fn default() -> Self {
        Self {
            role_ids: Vec::new(),
            log_channel_id: None,
            watch: true,
            debounce_ms: 500,
        }
    }
}

/// `[data]`: where questions and feedback are recorded, and for how long.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct DataConfig {
    /// The SQLite file; `None` is [`DataConfig::DEFAULT_DATABASE`] next to the config file.
    pub database: Option<PathBuf>,
    /// Days questions are kept; 0 keeps them forever.
    pub retention_days: u32,
}

impl Default for DataConfig {
    fn default() -> Self {
        Self {
            database: None,
            retention_days: 90,
        }
    }
}

impl DataConfig {
    /// The database file when `database` is not set, relative to the config file's folder.
    pub const DEFAULT_DATABASE: &str = "data/gfmd-bot.sqlite3";

    /// The database file: `database` when set (already resolved against the config file's
    /// folder by [`Config::load`]), else [`Self::DEFAULT_DATABASE`] in the folder of
    /// `config_path`, or in the working directory when there is no config file.
    pub fn database_path(&self, config_path: Option<&Path>) -> PathBuf {
        if let Some(database) = &self.database {
            return database.clone();
        }
        match config_path.and_then(Path::parent) {
            Some(folder) if !folder.as_os_str().is_empty() => folder.join(Self::DEFAULT_DATABASE),
            _ => PathBuf::from(Self::DEFAULT_DATABASE),
        }
    }
}

/// A Discord id, written in the config as a string (`"123…"`) or an integer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Snowflake(pub u64);

impl<'de> Deserialize<'de> for Snowflake {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Text(String),
            Number(u64),
        }
        let invalid = || {
            serde::de::Error::custom(
                "a Discord id must be a positive number such as \"123456789012345678\"",
            )
        };
        match Raw::deserialize(deserializer).map_err(|_| invalid())? {
            Raw::Number(0) => Err(invalid()),
            Raw::Number(value) => Ok(Self(value)),
            Raw::Text(text) => match text.trim().parse::<u64>() {
                Ok(value) if value > 0 => Ok(Self(value)),
                _ => Err(invalid()),
            },
        }
    }
}

/// Why the configuration could not be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The path.
        path: String,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// The file is not valid.
    #[error("{0}")]
    Invalid(Problem),
}

impl Config {
    /// Parses config text; `name` is used in error messages.
    pub fn parse(name: &str, text: &str) -> Result<Self, ConfigError> {
        let config: Self = toml::from_str(text).map_err(|error| {
            let message = error.message().trim().to_owned();
            ConfigError::Invalid(match error.span() {
                Some(span) => Problem::at(name, Position::at(text, span.start), message),
                None => Problem::in_file(name, message),
            })
        })?;
        config.check(name)?;
        Ok(config)
    }

    /// Reads and parses `path`. A relative `responses_dir` is resolved against the file's folder.
    pub fn load(path: &Path) -> Result<Self, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Io {
            path: path.display().to_string(),
            source,
        })?;
        let mut config = Self::parse(&path.display().to_string(), &text)?;
        if let (Some(dir), Some(parent)) = (&config.responses_dir, path.parent()) {
            if dir.is_relative() && !parent.as_os_str().is_empty() {
                config.responses_dir = Some(parent.join(dir));
            }
        }
        if let (Some(database), Some(parent)) = (&config.data.database, path.parent()) {
            if database.is_relative() && !parent.as_os_str().is_empty() {
                config.data.database = Some(parent.join(database));
            }
        }
        Ok(config)
    }

    /// `--config PATH` when given; else `./config.toml` when it exists; else the defaults.
    /// Returns the config and the file it came from.
    pub fn resolve(explicit: Option<&Path>) -> Result<(Self, Option<PathBuf>), ConfigError> {
        let path = match explicit {
            Some(path) => Some(path.to_path_buf()),
            None => Some(PathBuf::from(DEFAULT_CONFIG_FILE)).filter(|path| path.exists()),
        };
        match path {
            Some(path) => Ok((Self::load(&path)?, Some(path))),
            None => Ok((Self::default(), None)),
        }
    }

    /// Applies the environment overrides in [`env`], reading variables through `lookup`.
    pub fn apply_env(
        &mut self,
        lookup: impl Fn(&str) -> Option<String>,
    ) -> Result<(), ConfigError> {
        let set = |name: &str| lookup(name).filter(|value| !value.trim().is_empty());
        if let Some(base) = set(env::API_BASE) {
            self.discord.api_base = Some(base);
        }
        if let Some(url) = set(env::GATEWAY_URL) {
            self.discord.gateway_url = Some(url);
        }
        if let Some(dir) = set(env::RESPONSES_DIR) {
            self.responses_dir = Some(PathBuf::from(dir));
        }
        if let Some(database) = set(env::DATABASE) {
            self.data.database = Some(PathBuf::from(database));
        }
        if let Some(format) = set(env::LOG_FORMAT) {
            self.logging.format = match format.trim().to_lowercase().as_str() {
                "json" => LogFormat::Json,
                "pretty" => LogFormat::Pretty,
                other => {
                    return Err(ConfigError::Invalid(Problem::in_file(
                        env::LOG_FORMAT,
                        format!("unknown log format `{other}` (use `pretty` or `json`)"),
                    )))
                }
            };
        }
        self.check(&format!("{} / {}", env::API_BASE, env::GATEWAY_URL))
    }

    /// Checks values that parse but make no sense, naming the key.
    fn check(&self, name: &str) -> Result<(), ConfigError> {
        let problem = |message: String| Err(ConfigError::Invalid(Problem::in_file(name, message)));
        let matcher = &self.matcher;
        if !(0.0..=1.0).contains(&matcher.threshold) || !(0.0..=1.0).contains(&matcher.margin) {
            return problem("[matcher] threshold and margin must be between 0 and 1".to_owned());
        }
        if matcher.max_suggestions > 3 {
            return problem("[matcher] max_suggestions must be 0 to 3".to_owned());
        }
        if let Some(base) = &self.discord.api_base {
            if !(base.starts_with("http://") || base.starts_with("https://")) {
                return problem(format!(
                    "[discord] api_base `{base}` must start with http:// or https://"
                ));
            }
        }
        if let Some(url) = &self.discord.gateway_url {
            if !(url.starts_with("ws://") || url.starts_with("wss://")) {
                return problem(format!(
                    "[discord] gateway_url `{url}` must start with ws:// or wss://"
                ));
            }
        }
        if self
            .data
            .database
            .as_ref()
            .is_some_and(|database| database.as_os_str().is_empty())
        {
            return problem("[data] database must name a file".to_owned());
        }
        if self.questions.user_rate_limit == 0 || self.questions.user_rate_window_seconds == 0 {
            return problem(
                "[questions] user_rate_limit and user_rate_window_seconds must be at least 1"
                    .to_owned(),
            );
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_key_is_an_error_naming_file_and_line() {
        let error = Config::parse(
            "config.toml",
            "[questions]\ncooldown_seconds = 5\nchanel = []\n",
        )
        .unwrap_err()
        .to_string();
        assert!(error.starts_with("config.toml:3:1:"), "{error}");
        assert!(error.contains("chanel"), "{error}");
    }

    #[test]
    fn ids_may_be_strings_or_numbers_but_not_words() {
        let config = Config::parse("c", "[discord]\nguild_ids = [\"42\", 43]\n").unwrap();
        assert_eq!(config.discord.guild_ids, vec![Snowflake(42), Snowflake(43)]);
        let error = Config::parse("c", "[discord]\nguild_ids = [\"general\"]\n").unwrap_err();
        assert!(error.to_string().contains("c:2:"), "{error}");
    }

    #[test]
    fn the_example_config_documents_the_defaults() {
        let example = Config::parse(
            "config.example.toml",
            include_str!("../config.example.toml"),
        )
        .unwrap();
        assert_eq!(example, Config::default());
    }

    #[test]
    fn the_database_sits_next_to_the_config_file_unless_set() {
        let data = DataConfig::default();
        assert_eq!(
            data.database_path(Some(Path::new("/etc/gfmd/config.toml"))),
            Path::new("/etc/gfmd/data/gfmd-bot.sqlite3")
        );
        assert_eq!(
            data.database_path(Some(Path::new("config.toml"))),
            Path::new("data/gfmd-bot.sqlite3")
        );
        assert_eq!(data.database_path(None), Path::new("data/gfmd-bot.sqlite3"));
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(
            &path,
            "[data]\ndatabase = \"db/records.sqlite3\"\nretention_days = 0\n",
        )
        .unwrap();
        let config = Config::load(&path).unwrap();
        assert_eq!(
            config.data.database_path(Some(&path)),
            dir.path().join("db/records.sqlite3")
        );
        assert_eq!(config.data.retention_days, 0);
        let error = Config::parse("c.toml", "[data]\nretention = 3\n").unwrap_err();
        assert!(error.to_string().starts_with("c.toml:2:1:"), "{error}");
        let mut config = Config::default();
        config
            .apply_env(|name| (name == env::DATABASE).then(|| "/tmp/x.sqlite3".to_owned()))
            .unwrap();
        assert_eq!(config.data.database_path(None), Path::new("/tmp/x.sqlite3"));
    }

    #[test]
    fn environment_overrides_endpoints() {
        let mut config = Config::default();
        config
            .apply_env(|name| match name {
                env::API_BASE => Some("http://127.0.0.1:9".to_owned()),
                env::GATEWAY_URL => Some("ws://127.0.0.1:9/gateway".to_owned()),
                _ => None,
            })
            .unwrap();
        assert_eq!(
            config.discord.api_base.as_deref(),
            Some("http://127.0.0.1:9")
        );
        assert_eq!(
            config.discord.gateway_url.as_deref(),
            Some("ws://127.0.0.1:9/gateway")
        );
        assert!(Config::default()
            .apply_env(|name| (name == env::GATEWAY_URL).then(|| "http://x".to_owned()))
            .is_err());
    }
}
