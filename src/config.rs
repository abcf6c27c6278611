//! The bot's configuration: `config.toml` (every key documented in `config.example.toml`),
//! strict about unknown keys and about values out of range, with errors that name the file, line
//! and key (every unusable value at once), and a few environment overrides for deployment and
//! tests, whose errors name the variable.

use crate::answers::{Position, Problem};
use crate::file_error::FileError;
use crate::locale::Lang;
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

/// The environment overrides in force, read once (by `main`) and handed to whatever reads the
/// config again later, so that a reload sees the same overrides as the start did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Environment {
    values: Vec<(String, String)>,
}

impl Environment {
    /// The variables of [`env::ALL`] set in this process's environment.
    pub fn capture() -> Self {
        Self::from_pairs(
            env::ALL
                .iter()
                .filter_map(|name| Some((name.to_string(), std::env::var(name).ok()?))),
        )
    }

    /// An environment holding exactly `pairs` (for tests).
    pub fn from_pairs(pairs: impl IntoIterator<Item = (String, String)>) -> Self {
        Self {
            values: pairs.into_iter().collect(),
        }
    }

    /// The value of variable `name`, if set.
    pub fn get(&self, name: &str) -> Option<String> {
        self.values
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.clone())
    }
}

/// Everything the bot can be configured with.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// Directory of answer files; `None` uses the set compiled into the binary.
    pub responses_dir: Option<PathBuf>,
    /// Matching: the confidence cut-offs and suggestions.
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
    /// The language of a typed message whose text does not say which it is (`en`, `fr` or `es`):
    /// it is matched, and answered, in this one, in every server. `None` (the default): the
    /// server's preferred locale (`crate::discord`'s `server_language`), English in DMs.
    pub language: Option<Lang>,
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
            language: None,
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
    /// Post a weekly digest of the statistics and the inbox to `log_channel_id` (Mondays,
    /// 09:00 UTC). Off by default.
    pub weekly_digest: bool,
}

impl Default for ModerationConfig {
    fn default() -> Self {
        Self {
            role_ids: Vec::new(),
            log_channel_id: None,
            watch: true,
            debounce_ms: 500,
            weekly_digest: false,
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
    /// Record questions and feedback at all. Off: nothing is stored, and the bot shows no
    /// feedback buttons.
    pub record: bool,
}

impl Default for DataConfig {
    fn default() -> Self {
        Self {
            database: None,
            retention_days: 90,
            record: true,
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
    #[error(transparent)]
    File(#[from] FileError),
    /// The file is not valid: each problem names the file, the line and the key.
    #[error("{}", ProblemList(.0))]
    Invalid(Vec<Problem>),
    /// An environment override has a value that cannot be used.
    #[error("environment variable {variable} (for {key}) {message}")]
    Env {
        /// The variable, such as `GFMD_DISCORD_GATEWAY_URL`.
        variable: &'static str,
        /// The config key it overrides, such as `[discord] gateway_url`.
        key: String,
        /// What is wrong with its value, such as "must start with ws:// or wss:// (found `x`)".
        message: String,
    },
}

/// One problem alone; several under a count, one per line.
struct ProblemList<'a>(&'a [Problem]);

impl std::fmt::Display for ProblemList<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0 {
            [problem] => write!(f, "{problem}"),
            problems => {
                write!(f, "{} problems in the config:", problems.len())?;
                problems
                    .iter()
                    .try_for_each(|problem| write!(f, "\n  {problem}"))
            }
        }
    }
}

/// A key of the config file, as messages name it: `[matcher] answer_confidence`, or `responses_dir`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Key {
    /// The `[table]` it is in, or `None` at the top level.
    table: Option<&'static str>,
    name: &'static str,
}

impl Key {
    const fn new(table: &'static str, name: &'static str) -> Self {
        Self {
            table: Some(table),
            name,
        }
    }

    /// Where the key's value is written in the TOML `text`, when it is there.
    fn position(self, text: &str) -> Option<Position> {
        let document = toml_edit::ImDocument::parse(text).ok()?;
        let mut item = document.as_item();
        if let Some(table) = self.table {
            item = item.get(table)?;
        }
        let span = item.get(self.name)?.span()?;
        Some(Position::at(text, span.start))
    }
}

impl std::fmt::Display for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.table {
            Some(table) => write!(f, "[{table}] {}", self.name),
            None => f.write_str(self.name),
        }
    }
}

/// The key whose value holds byte `offset` of the TOML `text`, named as messages name keys
/// (`[matcher] answer_confidence`, `responses_dir`), or the key written there (an unknown key, so that
/// its table is named too); `None` elsewhere, as for a syntax error.
fn key_at(text: &str, offset: usize) -> Option<String> {
    fn path_to<'a>(item: &'a toml_edit::Item, offset: usize, path: &mut Vec<&'a str>) -> bool {
        match item.as_table_like() {
            Some(table) => table.iter().any(|(name, child)| {
                path.push(name);
                let at_key = table
                    .key(name)
                    .and_then(toml_edit::Key::span)
                    .is_some_and(|span| span.contains(&offset));
                let found = at_key || path_to(child, offset, path);
                if !found {
                    path.pop();
                }
                found
            }),
            None => item.span().is_some_and(|span| span.contains(&offset)),
        }
    }
    let document = toml_edit::ImDocument::parse(text).ok()?;
    let mut path = Vec::new();
    if !path_to(document.as_item(), offset, &mut path) {
        return None;
    }
    Some(match path.as_slice() {
        [key] => (*key).to_owned(),
        [table, keys @ ..] => format!("[{table}] {}", keys.join(".")),
        [] => return None,
    })
}

/// The keys whose values [`Config::findings`] checks, or an environment variable overrides.
mod keys {
    use super::Key;

    pub const ANSWER_CONFIDENCE: Key = Key::new("matcher", "answer_confidence");
    pub const SUGGEST_CONFIDENCE: Key = Key::new("matcher", "suggest_confidence");
    pub const MAX_SUGGESTIONS: Key = Key::new("matcher", "max_suggestions");
    pub const SUGGESTION_FLOOR: Key = Key::new("matcher", "suggestion_floor");
    pub const API_BASE: Key = Key::new("discord", "api_base");
    pub const GATEWAY_URL: Key = Key::new("discord", "gateway_url");
    pub const USER_RATE_LIMIT: Key = Key::new("questions", "user_rate_limit");
    pub const USER_RATE_WINDOW: Key = Key::new("questions", "user_rate_window_seconds");
    pub const LOG_FORMAT: Key = Key::new("logging", "format");
    pub const DATABASE: Key = Key::new("data", "database");
}

/// The rules for single values, each saying what is wrong ("must …") after the key's name. The
/// file and the environment overrides use the same ones.
mod rules {
    /// A score or a share: 0 to 1 (NaN is refused too).
    pub fn fraction(value: f32) -> Result<(), String> {
        if (0.0..=1.0).contains(&value) {
            Ok(())
        } else {
            Err(format!("must be between 0 and 1 (found {value})"))
        }
    }

    /// At most `limit`.
    pub fn at_most(value: usize, limit: usize) -> Result<(), String> {
        if value <= limit {
            Ok(())
        } else {
            Err(format!("must be 0 to {limit} (found {value})"))
        }
    }

    /// A count or a length of time that cannot be zero.
    pub fn at_least_one(value: u64) -> Result<(), String> {
        if value >= 1 {
            Ok(())
        } else {
            Err("must be at least 1 (found 0)".to_owned())
        }
    }

    /// A path that names a file.
    pub fn file_name(value: &std::path::Path) -> Result<(), String> {
        if value.as_os_str().is_empty() {
            Err("must name a file (found an empty path)".to_owned())
        } else {
            Ok(())
        }
    }

    /// A URL of the REST API.
    pub fn http_url(value: &str) -> Result<(), String> {
        starts_with(value, &["http://", "https://"])
    }

    /// A URL of the gateway websocket.
    pub fn websocket_url(value: &str) -> Result<(), String> {
        starts_with(value, &["ws://", "wss://"])
    }

    fn starts_with(value: &str, schemes: &[&str]) -> Result<(), String> {
        if schemes.iter().any(|scheme| value.starts_with(scheme)) {
            Ok(())
        } else {
            Err(format!(
                "must start with {} (found `{value}`)",
                schemes.join(" or ")
            ))
        }
    }
}

impl Config {
    /// Parses config text; `name` (the file as the user named it) is used in error messages,
    /// which give the line and the key of every value that cannot be used.
    pub fn parse(name: &str, text: &str) -> Result<Self, ConfigError> {
        let config: Self = toml::from_str(text).map_err(|error| {
            let mut problem = Problem::from_toml(name, text, &error);
            if let Some(key) = error.span().and_then(|span| key_at(text, span.start)) {
                problem.message = format!("{key}: {}", problem.message);
            }
            ConfigError::Invalid(vec![problem])
        })?;
        let mut problems: Vec<Problem> = config
            .findings()
            .into_iter()
            .map(|(key, message)| {
                let message = format!("{key} {message}");
                match key.position(text) {
                    Some(position) => Problem::at(name, position, message),
                    None => Problem::in_file(name, message),
                }
            })
            .collect();
        problems.sort_by_key(|problem| problem.position.map(|at| (at.line, at.column)));
        if problems.is_empty() {
            Ok(config)
        } else {
            Err(ConfigError::Invalid(problems))
        }
    }

    /// Reads and parses `path`. A relative `responses_dir` is resolved against the file's folder.
    pub fn load(path: &Path) -> Result<Self, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| FileError::read(path, source))?;
        Self::parse_file(path, &text)
    }

    /// Parses `text`, read from `path`, as [`Config::load`] does: for a caller that keeps the
    /// text it parsed (to tell later whether the file changed).
    pub fn parse_file(path: &Path, text: &str) -> Result<Self, ConfigError> {
        let mut config = Self::parse(&path.display().to_string(), text)?;
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

    /// Applies the environment overrides in [`env`], reading variables through `lookup`. A value
    /// that cannot be used is an error naming its variable (and the key it overrides).
    pub fn apply_env(
        &mut self,
        lookup: impl Fn(&str) -> Option<String>,
    ) -> Result<(), ConfigError> {
        let set = |name: &str| lookup(name).filter(|value| !value.trim().is_empty());
        let refuse = |variable: &'static str, key: Key, message: String| ConfigError::Env {
            variable,
            key: key.to_string(),
            message,
        };
        if let Some(base) = set(env::API_BASE) {
            rules::http_url(&base)
                .map_err(|message| refuse(env::API_BASE, keys::API_BASE, message))?;
            self.discord.api_base = Some(base);
        }
        if let Some(url) = set(env::GATEWAY_URL) {
            rules::websocket_url(&url)
                .map_err(|message| refuse(env::GATEWAY_URL, keys::GATEWAY_URL, message))?;
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
                _ => {
                    return Err(refuse(
                        env::LOG_FORMAT,
                        keys::LOG_FORMAT,
                        format!("must be `pretty` or `json` (found `{}`)", format.trim()),
                    ))
                }
            };
        }
        Ok(())
    }

    /// Values that parse but make no sense: each with its key and what is wrong with it.
    fn findings(&self) -> Vec<(Key, String)> {
        let matcher = &self.matcher;
        let questions = &self.questions;
        let optional_fraction = |value: Option<f32>| value.map_or(Ok(()), rules::fraction);
        let mut checks = vec![
            (
                keys::ANSWER_CONFIDENCE,
                optional_fraction(matcher.answer_confidence),
            ),
            (
                keys::SUGGEST_CONFIDENCE,
                optional_fraction(matcher.suggest_confidence),
            ),
            (
                keys::MAX_SUGGESTIONS,
                rules::at_most(matcher.max_suggestions, MatcherSettings::MAX_SUGGESTIONS),
            ),
            (
                keys::SUGGESTION_FLOOR,
                rules::fraction(matcher.suggestion_floor),
            ),
            (
                keys::USER_RATE_LIMIT,
                rules::at_least_one(questions.user_rate_limit.into()),
            ),
            (
                keys::USER_RATE_WINDOW,
                rules::at_least_one(questions.user_rate_window_seconds),
            ),
        ];
        if let Some(base) = &self.discord.api_base {
            checks.push((keys::API_BASE, rules::http_url(base)));
        }
        if let Some(url) = &self.discord.gateway_url {
            checks.push((keys::GATEWAY_URL, rules::websocket_url(url)));
        }
        if let Some(database) = &self.data.database {
            checks.push((keys::DATABASE, rules::file_name(database)));
        }
        checks
            .into_iter()
            .filter_map(|(key, result)| result.err().map(|message| (key, message)))
            .collect()
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
    fn the_fallback_language_is_unset_or_en_fr_es_and_a_wrong_one_names_file_line_and_key() {
        let config = Config::parse("c", "[questions]\nlanguage = \"fr\"\n").unwrap();
        assert_eq!(config.questions.language, Some(Lang::Fr));
        let config = Config::parse("c", "[questions]\nlanguage = \"en\"\n").unwrap();
        assert_eq!(
            config.questions.language,
            Some(Lang::En),
            "older configs stay valid"
        );
        let config = Config::parse("c", "[questions]\nchannels = []\n").unwrap();
        assert_eq!(
            config.questions.language, None,
            "unset: the server's locale"
        );
        assert_eq!(Config::default().questions.language, None);
        let error = Config::parse(
            "config.toml",
            "[questions]\nchannels = []\nlanguage = \"de\"\n",
        )
        .unwrap_err()
        .to_string();
        assert!(error.starts_with("config.toml:3:"), "{error}");
        assert!(error.contains("[questions] language"), "{error}");
        assert!(error.contains("`de`"), "{error}");
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

    /// The message for `text`, which must not parse.
    fn error(text: &str) -> String {
        Config::parse("c.toml", text).unwrap_err().to_string()
    }

    #[test]
    fn each_matcher_setting_out_of_range_names_file_line_and_key() {
        let cases = [
            (
                "answer_confidence = 1.5",
                "c.toml:3:21: [matcher] answer_confidence must be between 0 and 1 (found 1.5)",
            ),
            (
                "suggest_confidence = -0.1",
                "c.toml:3:22: [matcher] suggest_confidence must be between 0 and 1 (found -0.1)",
            ),
            (
                "suggestion_floor = 2.0",
                "c.toml:3:20: [matcher] suggestion_floor must be between 0 and 1 (found 2)",
            ),
            (
                "suggestion_floor = nan",
                "c.toml:3:20: [matcher] suggestion_floor must be between 0 and 1 (found NaN)",
            ),
            (
                "max_suggestions = 4",
                "c.toml:3:19: [matcher] max_suggestions must be 0 to 3 (found 4)",
            ),
        ];
        for (line, expected) in cases {
            assert_eq!(error(&format!("# tuned\n[matcher]\n{line}\n")), expected);
        }
        assert!(Config::parse(
            "c.toml",
            "[matcher]\nsuggestion_floor = 1.0\nsuggest_confidence = 0.0\n"
        )
        .is_ok());
    }

    #[test]
    fn a_value_of_the_wrong_type_names_its_key() {
        assert_eq!(
            error("[matcher]\nanswer_confidence = \"high\"\n"),
            "c.toml:2:21: [matcher] answer_confidence: invalid type: string \"high\", expected f32"
        );
        assert_eq!(
            error("[discord]\nguild_ids = [\"general\"]\n"),
            "c.toml:2:13: [discord] guild_ids: \
             a Discord id must be a positive number such as \"123456789012345678\""
        );
        assert_eq!(
            error("responses_dir = 5\n"),
            "c.toml:1:17: responses_dir: invalid type: integer `5`, expected path string"
        );
        assert_eq!(
            error("[logging]\nformat = \"xml\"\n"),
            "c.toml:2:10: [logging] format: unknown variant `xml`, expected `pretty` or `json`"
        );
    }

    #[test]
    fn an_unknown_key_is_named_with_its_table() {
        assert!(
            error("[questions]\nchanel = []\n")
                .starts_with("c.toml:2:1: [questions] chanel: unknown field `chanel`, expected"),
            "{}",
            error("[questions]\nchanel = []\n")
        );
    }

    #[test]
    fn a_dotted_key_is_found_too() {
        assert_eq!(
            error("responses_dir = \"r\"\nmatcher.suggestion_floor = 7\n"),
            "c.toml:2:28: [matcher] suggestion_floor must be between 0 and 1 (found 7)"
        );
    }

    #[test]
    fn every_unusable_value_is_listed_in_file_order() {
        let text = "[questions]\nuser_rate_window_seconds = 0\n\n\
                    [discord]\ngateway_url = \"http://x\"\n\n\
                    [matcher]\nanswer_confidence = 2\n";
        assert_eq!(
            error(text),
            "3 problems in the config:\n  \
             c.toml:2:28: [questions] user_rate_window_seconds must be at least 1 (found 0)\n  \
             c.toml:5:15: [discord] gateway_url must start with ws:// or wss:// \
             (found `http://x`)\n  \
             c.toml:8:21: [matcher] answer_confidence must be between 0 and 1 (found 2)"
        );
    }

    #[test]
    fn the_discord_urls_and_rate_limit_name_their_key() {
        assert_eq!(
            error("[discord]\napi_base = \"ftp://x\"\n"),
            "c.toml:2:12: [discord] api_base must start with http:// or https:// (found `ftp://x`)"
        );
        assert_eq!(
            error("[questions]\nuser_rate_limit = 0\n"),
            "c.toml:2:19: [questions] user_rate_limit must be at least 1 (found 0)"
        );
    }

    #[test]
    fn a_bad_environment_override_names_its_variable_and_the_key_it_overrides() {
        let apply = |variable: &'static str, value: &'static str| {
            Config::default()
                .apply_env(|name| (name == variable).then(|| value.to_owned()))
                .unwrap_err()
                .to_string()
        };
        assert_eq!(
            apply(env::GATEWAY_URL, "http://x"),
            "environment variable GFMD_DISCORD_GATEWAY_URL (for [discord] gateway_url) \
             must start with ws:// or wss:// (found `http://x`)"
        );
        assert_eq!(
            apply(env::API_BASE, "ws://x"),
            "environment variable GFMD_DISCORD_API_BASE (for [discord] api_base) \
             must start with http:// or https:// (found `ws://x`)"
        );
        assert_eq!(
            apply(env::LOG_FORMAT, " XML "),
            "environment variable GFMD_LOG_FORMAT (for [logging] format) \
             must be `pretty` or `json` (found `XML`)"
        );
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
