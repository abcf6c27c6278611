//! Hostile input, generated: whatever users type and whatever a careless answer file holds, the
//! bot never panics, every message it would send is inside Discord's limits, and nothing in it
//! can ping anyone.
//!
//! Inputs mix huge strings (up to 60 000 characters), exactly 4 000-character messages (Discord's
//! longest), Unicode edge cases (combining marks, ZWJ emoji, flags, fullwidth and mathematical
//! letters, noncharacters, NUL), right-to-left text and bidi controls, zero-width characters,
//! Discord markdown and every mention form.
//!
//! Sections:
//! - the matcher: `Knowledge::decide`, `Knowledge::autocomplete`, and the slash-command plans
//!   built on them (`plan_gfmd`, `plan_autocomplete`);
//! - the renderer: `render::embed` on answers with arbitrary text (built directly, and loaded via
//!   `AnswerSet::from_sources`), `render::quote_user_text`, `render::defuse_mentions`;
//! - the Discord reply builder: `Reply::{answer, not_sure, might_help, notice}` serialized to
//!   JSON as channel messages and interaction responses, and their custom ids (at most 100
//!   characters and readable back, before any cut) for every loadable answer id;
//! - the loaders: `Config::parse` and `AnswerSet::from_sources` on arbitrary text.
//!
//! Case counts are set per property so that `cargo test --test hostile` stays well under a minute
//! in a debug build (≥10 000 cases in all); `PROPTEST_CASES=N` runs N cases for every property.

use gfmd_bot::answers::limits;
use gfmd_bot::answers::{Answer, AnswerSet, Field, Origin, SourceFile};
use gfmd_bot::config::Config;
use gfmd_bot::discord::custom_id::Click;
use gfmd_bot::discord::{
    command_set, plan_autocomplete, plan_gfmd, question_text, Asked, GfmdRequest, Handled, Noted,
    Reply, Row,
};
use gfmd_bot::knowledge::Knowledge;
use gfmd_bot::knowledge::Verdict;
use gfmd_bot::locale::Lang;
use gfmd_bot::matcher::Settings;
use gfmd_bot::records::{Kind, RecordId};
use gfmd_bot::render::{self, defuse_mentions, quote_user_text};
use proptest::prelude::*;
use serde_json::Value;
use std::sync::OnceLock;

/// Cases for one property: `PROPTEST_CASES` when set, else `default`.
fn cases(default: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(default);
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

fn knowledge() -> &'static Knowledge {
    static KNOWLEDGE: OnceLock<Knowledge> = OnceLock::new();
    KNOWLEDGE.get_or_init(|| Knowledge::embedded().expect("the embedded set is valid"))
}

/// The bot's user id in these tests.
const BOT_ID: u64 = 1_200_000_000_000_000_999;

/// Pieces users (and careless editors) put in text.
const FRAGMENTS: &[&str] = &[
    // Mentions in every form, and near-misses.
    "@everyone",
    "@here",
    "<@123456789012345678>",
    "<@!1200000000000000999>",
    "<@1200000000000000999>",
    "<@&987654321098765432>",
    "<#111111111111111111>",
    "</gfmd ask:1>",
    "<t:0:R>",
    "<:gfmd:1>",
    "<a:gfmd:1>",
    "@\u{200B}everyone",
    "＠everyone",
    "@",
    "<",
    "<@",
    "@@everyone",
    "<<@@",
    // Markdown.
    "**",
    "__",
    "~~",
    "||",
    "`",
    "```",
    "```rust\n",
    "> ",
    ">>> ",
    "# ",
    "-# ",
    "[gfmd](https://example.org)",
    "\\",
    "\\@everyone",
    // Right-to-left text and bidi controls.
    "مرحبا ما هو المنتدى العالمي",
    "שלום",
    "\u{202E}",
    "\u{202B}",
    "\u{202A}",
    "\u{202C}",
    "\u{200F}",
    "\u{200E}",
    "\u{2066}",
    "\u{2067}",
    "\u{2069}",
    "\u{061C}",
    // Zero-width and invisible characters.
    "\u{200B}",
    "\u{200C}",
    "\u{200D}",
    "\u{2060}",
    "\u{FEFF}",
    "\u{00AD}",
    "\u{180E}",
    // Unicode edge cases.
    "e\u{0301}",
    "\u{0301}\u{0301}\u{0301}",
    "Z\u{0351}\u{0357}\u{0344}\u{0300}\u{0327}\u{0489}",
    "👨\u{200D}👩\u{200D}👧\u{200D}👦",
    "🇺🇳",
    "🏳️\u{200D}🌈",
    "ΣΊΣΥΦΟΣ",
    "ß",
    "İ",
    "ﬁ",
    "Ⅻ",
    "ｇｆｍｄ",
    "𝔤𝔣𝔪𝔡",
    "\u{0000}",
    "\u{FFFD}",
    "\u{FFFF}",
    "\u{10FFFF}",
    "\u{E000}",
    "\u{1D11E}",
    "\r\n",
    "\n",
    "\t",
    " ",
    "   ",
    // On-topic words, so the matcher has something to find.
    "gfmd",
    "GFMD?",
    "global forum on migration and development",
    "objectives",
    "migration",
    "who proposed the gfmd",
    "when did the gfmd start",
    "2007",
    "Brussels",
    "cairo",
    "hld",
    "objectiv",
    "migraton",
    // Long words and numbers.
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    "00000000000000000000000000000000000000000000000000",
    "12345678901234567890",
];

/// One fragment or one arbitrary character.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(FRAGMENTS).prop_map(str::to_owned),
        1 => any::<char>().prop_map(String::from),
        1 => "[a-z]{1,12}",
    ]
}

/// Text of ordinary length: a few dozen pieces, or arbitrary Unicode.
fn short_text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::collection::vec(piece(), 0..40).prop_map(|pieces| pieces.join(" ")),
        1 => prop::collection::vec(piece(), 0..40).prop_map(|pieces| pieces.concat()),
        1 => any::<String>(),
    ]
}

/// `text` repeated or cut to exactly `chars` characters.
fn exactly(text: &str, chars: usize) -> String {
    let source = if text.is_empty() { "a" } else { text };
    source.chars().cycle().take(chars).collect()
}

/// A message of exactly 4 000 characters (Discord's longest message).
fn message_of_4000() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 1..30).prop_map(|pieces| exactly(&pieces.join(" "), 4000))
}

/// A huge string: 10 000 to 60 000 characters.
fn huge_text() -> impl Strategy<Value = String> {
    (prop::collection::vec(piece(), 1..20), 10_000usize..60_000)
        .prop_map(|(pieces, chars)| exactly(&pieces.join(" "), chars))
}

/// Anything a user might type, weighted towards ordinary lengths.
/// Any language the bot answers in (the member's locale).
fn any_lang() -> impl Strategy<Value = Lang> {
    prop::sample::select(Lang::ALL.to_vec())
}

fn hostile_text() -> impl Strategy<Value = String> {
    prop_oneof![
        12 => short_text(),
        2 => message_of_4000(),
        1 => huge_text(),
    ]
}

/// A string that may be far over every limit (for answer fields).
fn long_text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => short_text(),
        1 => message_of_4000(),
        1 => (prop::collection::vec(piece(), 1..10), 0usize..8000)
            .prop_map(|(pieces, chars)| exactly(&pieces.join(""), chars)),
    ]
}

fn arb_field() -> impl Strategy<Value = Field> {
    let text = || prop_oneof![5 => short_text(), 1 => long_text()];
    (text(), text(), any::<bool>()).prop_map(|(name, value, inline)| Field {
        name,
        value,
        inline,
    })
}

/// An answer built directly, bypassing the loader's checks: every part may be over its limit.
fn arb_answer() -> impl Strategy<Value = Answer> {
    (
        "[a-z0-9-]{1,80}",
        long_text(),
        long_text(),
        prop::collection::vec(arb_field(), 0..30),
        long_text(),
        prop::option::of(any::<u32>()),
        prop::option::of(prop_oneof![
            Just("https://www.gfmd.org/".to_owned()),
            (0usize..3000).prop_map(|n| format!("https://example.org/{}", "a".repeat(n))),
        ]),
    )
        .prop_map(
            |(id, title, description, fields, source, color, url)| Answer {
                id,
                title,
                command: None,
                questions: Vec::new(),
                keywords: Vec::new(),
                description,
                fields,
                color,
                url,
                source,
                related: Vec::new(),
                reviewed: None,
                translations: Default::default(),
                origin: Origin::default(),
            },
        )
}

/// An answer with nothing in it but a title (the id is for the caller to set).
fn arb_plain_answer() -> Answer {
    Answer {
        id: String::new(),
        title: "A title".to_owned(),
        command: None,
        questions: Vec::new(),
        keywords: Vec::new(),
        description: String::new(),
        fields: Vec::new(),
        color: None,
        url: None,
        source: String::new(),
        related: Vec::new(),
        reviewed: None,
        translations: Default::default(),
        origin: Origin::default(),
    }
}

/// A related answer: only its id and title reach a reply (menu options and buttons).
fn arb_related() -> impl Strategy<Value = Answer> {
    ("[a-z0-9-]{1,120}", long_text()).prop_map(|(id, title)| Answer {
        id,
        title,
        ..arb_plain_answer()
    })
}

fn chars(value: &Value) -> usize {
    value.as_str().map_or(0, |text| text.chars().count())
}

/// Text that could notify someone if Discord parsed it as a mention.
fn could_ping(text: &str) -> bool {
    text.contains("@everyone") || text.contains("@here") || text.contains("<@")
}

/// Checks one embed (as JSON) against Discord's limits.
fn check_embed(embed: &Value) {
    assert!(chars(&embed["title"]) <= limits::TITLE_LENGTH, "title");
    assert!(
        chars(&embed["description"]) <= limits::DESCRIPTION_LENGTH,
        "description"
    );
    assert!(
        chars(&embed["footer"]["text"]) <= limits::FOOTER_TEXT_LENGTH,
        "footer"
    );
    assert!(chars(&embed["url"]) <= limits::URL_LENGTH, "url");
    if let Some(color) = embed["color"].as_u64() {
        assert!(color <= u64::from(limits::COLOR_MAX), "colour {color}");
    }
    let fields = embed["fields"].as_array().cloned().unwrap_or_default();
    assert!(
        fields.len() <= limits::FIELD_COUNT,
        "{} fields",
        fields.len()
    );
    let mut total = chars(&embed["title"]) + chars(&embed["description"]);
    total += chars(&embed["footer"]["text"]) + chars(&embed["author"]["name"]);
    for field in &fields {
        assert!(
            chars(&field["name"]) <= limits::FIELD_NAME_LENGTH,
            "field name"
        );
        assert!(
            chars(&field["value"]) <= limits::FIELD_VALUE_LENGTH,
            "field value"
        );
        total += chars(&field["name"]) + chars(&field["value"]);
    }
    assert!(total <= limits::EMBED_TOTAL_LENGTH, "embed total {total}");
}

/// Checks a message body (channel message or interaction response data) as the bot would send
/// it: inside Discord's limits, allowed mentions set to nobody, no raw mention in the content.
fn check_message(json: &Value) {
    let mentions = &json["allowed_mentions"];
    assert_eq!(mentions["parse"], serde_json::json!([]), "{json}");
    assert_eq!(mentions["users"], serde_json::json!([]), "{json}");
    assert_eq!(mentions["roles"], serde_json::json!([]), "{json}");
    assert_eq!(mentions["replied_user"], Value::Bool(false), "{json}");
    let content = json["content"].as_str().unwrap_or("");
    assert!(
        content.chars().count() <= limits::MESSAGE_CONTENT_LENGTH,
        "content of {} characters",
        content.chars().count()
    );
    assert!(!could_ping(content), "pingable content: {content:?}");
    let embeds = json["embeds"].as_array().cloned().unwrap_or_default();
    assert!(embeds.len() <= 10);
    embeds.iter().for_each(check_embed);
    let rows = json["components"].as_array().cloned().unwrap_or_default();
    assert!(rows.len() <= 5, "{} rows", rows.len());
    for row in &rows {
        let components = row["components"].as_array().cloned().unwrap_or_default();
        assert!((1..=limits::BUTTONS_PER_ROW).contains(&components.len()));
        for component in &components {
            assert!(chars(&component["custom_id"]) <= limits::CUSTOM_ID_LENGTH);
            assert!(chars(&component["label"]) <= limits::BUTTON_LABEL_LENGTH);
            assert!(chars(&component["placeholder"]) <= 150);
            if let Some(options) = component["options"].as_array() {
                assert!((1..=limits::SELECT_OPTION_COUNT).contains(&options.len()));
                for option in options {
                    assert!(chars(&option["label"]) <= limits::SELECT_OPTION_TEXT_LENGTH);
                    assert!(chars(&option["value"]) <= limits::SELECT_OPTION_TEXT_LENGTH);
                }
            }
        }
    }
}

/// Checks a reply both ways the bot can send it.
/// Custom ids as planned, before the builders cut them to Discord's limit (a cut id would no
/// longer mean anything): for answers that could load (ids of at most 64 characters), each
/// fits in 100 characters and reads back as what the bot wrote.
fn check_custom_ids(reply: &Reply) {
    for row in &reply.rows {
        let ids: Vec<&str> = match row {
            Row::Buttons(buttons) => buttons.iter().map(|b| b.custom_id.as_str()).collect(),
            Row::Menu { custom_id, .. } => vec![custom_id.as_str()],
        };
        for id in ids {
            assert!(id.chars().count() <= limits::CUSTOM_ID_LENGTH, "{id}");
            assert!(Click::parse(id).is_some(), "{id}");
        }
    }
}

fn check_reply(reply: &Reply) {
    let channel = serde_json::to_value(reply.to_channel_message()).expect("serializes");
    check_message(&channel);
    let interaction = serde_json::to_value(reply.to_interaction_message()).expect("serializes");
    check_message(&interaction);
}

fn check_decision(knowledge: &Knowledge, verdict: &Verdict) {
    assert!(verdict.score().is_finite() && (0.0..=1.0).contains(&verdict.score()));
    let known = |answer: &gfmd_bot::answers::Answer| knowledge.answers().get(&answer.id).is_some();
    match verdict {
        Verdict::Answer(answered) => {
            assert!(known(answered.answer));
            // The runner-up may score higher when the nearest examples led the reading.
            if let Some(second) = answered.runner_up {
                assert!(known(second.answer) && (0.0..=1.0).contains(&second.score));
            }
        }
        Verdict::Suggest { suggestions } | Verdict::Abstain { suggestions, .. } => {
            assert!(suggestions.len() <= 3);
            assert!(suggestions.iter().all(|candidate| known(candidate.answer)));
        }
    }
}

/// `/gfmd` as asked by user 42 reading `lang`, recording into memory.
fn gfmd(knowledge: &Knowledge, request: GfmdRequest, lang: Lang) -> (Reply, Handled) {
    let asked = Asked::new(Kind::SlashAsk, 42, Some(1), 2);
    let planned = plan_gfmd(knowledge, &request, &asked, lang, &mut Noted::default());
    check_custom_ids(&planned.0);
    planned
}

// The matcher, and the slash-command plans built on it.
proptest! {
    #![proptest_config(cases(1200))]

    #[test]
    fn any_question_gets_a_decision_and_a_reply_inside_the_limits(
        question in hostile_text(),
        lang in any_lang(),
    ) {
        let knowledge = knowledge();
        // `/gfmd ask` reads the question in the language its text is in, the member's when the
        // text does not say.
        let read_in = gfmd_bot::detect::language_of(knowledge, &question).unwrap_or(lang);
        let decision = knowledge.decide_in(read_in, &question);
        check_decision(knowledge, &decision);
        let (reply, handled) = gfmd(knowledge, GfmdRequest::Ask(question.clone()), lang);
        check_reply(&reply);
        prop_assert_eq!(handled.outcome, decision.outcome());
        prop_assert_eq!(reply.embed.is_some(), decision.answer().is_some());
    }

    #[test]
    fn any_free_form_message_is_read_without_panicking(content in hostile_text()) {
        let question = question_text(&content, BOT_ID);
        let mention = format!("<@{BOT_ID}>");
        prop_assert!(!question.contains(&mention));
        check_decision(knowledge(), &knowledge().decide(&question));
    }
}

proptest! {
    #![proptest_config(cases(800))]

    #[test]
    fn autocomplete_offers_at_most_25_short_known_choices(
        input in hostile_text(),
        limit in 0usize..40,
        lang in any_lang(),
    ) {
        let knowledge = knowledge();
        let offered = knowledge.autocomplete_in(lang, &input, limit);
        prop_assert!(offered.len() <= limit);
        let choices = plan_autocomplete(knowledge, lang, &input);
        prop_assert!(choices.len() <= limits::AUTOCOMPLETE_CHOICES);
        for (name, value) in &choices {
            prop_assert!((1..=limits::CHOICE_LENGTH).contains(&name.chars().count()));
            prop_assert!(knowledge.answers().get(value).is_some());
        }
    }

    #[test]
    fn any_topic_name_is_shown_or_refused_without_a_ping(name in hostile_text(), lang in any_lang()) {
        let (reply, _) = gfmd(knowledge(), GfmdRequest::Topic(name), lang);
        check_reply(&reply);
    }
}

// The renderer.
proptest! {
    #![proptest_config(cases(300))]

    #[test]
    fn any_answer_renders_inside_discords_embed_limits(answer in arb_answer()) {
        let embed = render::embed(&answer);
        prop_assert!(embed.total_chars() <= limits::EMBED_TOTAL_LENGTH);
        check_embed(&serde_json::to_value(&embed).expect("serializes"));
    }

    #[test]
    fn any_answer_makes_replies_inside_the_limits_that_ping_nobody(
        answer in arb_answer(),
        related in prop::collection::vec(arb_related(), 0..30),
        asker in any::<u64>(),
        lang in any_lang(),
    ) {
        let related: Vec<&Answer> = related.iter().collect();
        let record = Some(RecordId(i64::MAX));
        check_reply(&Reply::answer(&answer, &related, asker, record, lang));
        check_reply(&Reply::not_sure(&related, record, lang));
        check_reply(&Reply::might_help(&answer, asker, record, lang));
    }

    #[test]
    fn every_custom_id_of_a_loadable_answer_fits_and_reads_back(
        id in "[a-z0-9][a-z0-9-]{0,63}",
        asker in any::<u64>(),
        record in prop::option::of(0i64..=i64::MAX),
    ) {
        let answer = Answer { id, ..arb_plain_answer() };
        let record = record.map(RecordId);
        let related = [&answer];
        check_custom_ids(&Reply::answer(&answer, &related, asker, record, Lang::Fr));
        check_custom_ids(&Reply::not_sure(&related, record, Lang::Es));
        check_custom_ids(&Reply::might_help(&answer, asker, record, Lang::En));
    }
}

proptest! {
    #![proptest_config(cases(1500))]

    #[test]
    fn quoted_user_text_is_one_short_line_that_pings_nobody(text in hostile_text(), max in 1usize..200) {
        let quoted = quote_user_text(&text, max);
        prop_assert!(!quoted.chars().any(char::is_control), "{:?}", quoted);
        prop_assert!(!quoted.contains('`'));
        prop_assert!(!could_ping(&quoted), "{:?}", quoted);
        prop_assert!(quoted.chars().count() <= max, "{} > {max}: {:?}", quoted.chars().count(), quoted);
    }

    #[test]
    fn defused_text_pings_nobody_and_loses_nothing(text in hostile_text()) {
        let defused = defuse_mentions(&text);
        prop_assert!(!could_ping(&defused));
        prop_assert_eq!(defused.replace('\u{200B}', ""), text.replace('\u{200B}', ""));
    }

    #[test]
    fn any_notice_is_sent_short_and_harmless(text in hostile_text()) {
        check_reply(&Reply::notice(text));
    }
}

// The loaders.

/// A TOML basic string for arbitrary text. (Written by hand: toml_write 0.1.2, under
/// `toml::Value`'s `Display`, counts runs of quotes in a `u8` and overflows on 256 in a row.)
fn toml_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// An answer file with arbitrary text in every free-text key.
fn arb_answer_file() -> impl Strategy<Value = SourceFile> {
    (
        "[a-z0-9][a-z0-9-]{0,20}",
        prop::option::of("[a-z0-9-]{1,40}"),
        long_text(),
        long_text(),
        long_text(),
        prop::collection::vec(short_text(), 0..4),
        prop::collection::vec((long_text(), long_text()), 0..4),
    )
        .prop_map(
            |(id, command, title, description, source, questions, fields)| {
                let mut text = format!(
                    "id = {}\ntitle = {}\ndescription = {}\nsource = {}\n",
                    toml_string(&id),
                    toml_string(&title),
                    toml_string(&description),
                    toml_string(&source)
                );
                if let Some(command) = command {
                    text.push_str(&format!("command = {}\n", toml_string(&command)));
                }
                let questions: Vec<String> = questions.iter().map(|q| toml_string(q)).collect();
                text.push_str(&format!("questions = [{}]\n", questions.join(", ")));
                for (name, value) in fields {
                    text.push_str(&format!(
                        "\n[[fields]]\nname = {}\nvalue = {}\n",
                        toml_string(&name),
                        toml_string(&value)
                    ));
                }
                SourceFile::new(format!("responses/{id}.toml"), text)
            },
        )
}

/// Near-valid config text: real sections and keys with hostile values, or arbitrary text.
fn arb_config_text() -> impl Strategy<Value = String> {
    let key = prop::sample::select(vec![
        "responses_dir",
        "threshold",
        "margin",
        "max_suggestions",
        "guild_ids",
        "api_base",
        "gateway_url",
        "message_content_intent",
        "channels",
        "cooldown_seconds",
        "user_rate_limit",
        "format",
        "filter",
        "role_ids",
        "log_channel_id",
        "debounce_ms",
        "chanel",
    ]);
    let section = prop::sample::select(vec![
        "",
        "[matcher]",
        "[discord]",
        "[questions]",
        "[logging]",
        "[moderation]",
        "[x]",
    ]);
    let value = prop_oneof![
        short_text().prop_map(|text| toml_string(&text)),
        any::<i64>().prop_map(|n| n.to_string()),
        any::<f64>().prop_map(|n| format!("{n:?}")),
        Just("[\"0\", 1, \"x\"]".to_owned()),
        Just("true".to_owned()),
        Just("\"ws://127.0.0.1:1/gateway\"".to_owned()),
        short_text(),
    ];
    let line = (section, key, value)
        .prop_map(|(section, key, value)| format!("{section}\n{key} = {value}\n"));
    prop_oneof![
        3 => prop::collection::vec(line, 0..8).prop_map(|lines| lines.concat()),
        1 => hostile_text(),
    ]
}

proptest! {
    #![proptest_config(cases(1500))]

    #[test]
    fn any_config_text_parses_or_names_the_file(text in arb_config_text()) {
        if let Err(error) = Config::parse("hostile.toml", &text) {
            // One problem is one line naming the file; several are counted on a first line,
            // then listed one a line, each naming the file.
            let message = error.to_string();
            let mut lines = message.lines();
            let first = lines.next().unwrap_or_default();
            if !first.starts_with("hostile.toml") {
                prop_assert!(first.ends_with("problems in the config:"), "{message}");
                let problems: Vec<&str> = lines.collect();
                prop_assert!(problems.len() >= 2, "{message}");
                for problem in problems {
                    prop_assert!(problem.trim_start().starts_with("hostile.toml"), "{message}");
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(cases(200))]

    #[test]
    fn any_answer_file_loads_inside_the_limits_or_names_the_file(
        files in prop::collection::vec(arb_answer_file(), 1..4),
        question in hostile_text(),
    ) {
        let mut files = files;
        files.sort_by(|a, b| a.name.cmp(&b.name));
        files.dedup_by(|a, b| a.name == b.name);
        match AnswerSet::from_sources(&files) {
            Ok(set) => {
                for answer in set.answers() {
                    check_embed(&serde_json::to_value(render::embed(answer)).expect("serializes"));
                }
                let commands = serde_json::to_value(command_set(&set)).expect("serializes");
                for option in commands[0]["options"].as_array().expect("options") {
                    prop_assert!((1..=limits::COMMAND_NAME_LENGTH).contains(&chars(&option["name"])));
                    prop_assert!((1..=limits::COMMAND_DESCRIPTION_LENGTH).contains(&chars(&option["description"])));
                }
                let knowledge = Knowledge::new(set, Settings::default());
                check_decision(&knowledge, &knowledge.decide(&question));
                let (reply, _) = gfmd(&knowledge, GfmdRequest::Ask(question), Lang::En);
                check_reply(&reply);
            }
            Err(error) => {
                let message = error.to_string();
                for line in message.lines().skip(1) {
                    prop_assert!(
                        files.iter().any(|file| line.trim_start().starts_with(&file.name)),
                        "a problem that names no file: {line}"
                    );
                }
            }
        }
    }
}
