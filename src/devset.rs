//! The labelled dev set: the questions the matcher is tuned and fitted on, compiled in, and the
//! reader of labelled lines. The evaluation grades it, the fit learns the confidence from it, and
//! the matcher's nearest-example memory (`matcher::neighbours`) remembers it.
//!
//! A labelled line is `expected<TAB>question`, `expected<TAB>style<TAB>question` or
//! `expected<TAB>style<TAB>gist<TAB>question`; `expected` is `none` (the bot must stay silent) or
//! answer ids joined by `|` (any of them is a right answer). Lines starting with `#` and blank
//! lines are skipped. The labels are their writers', audited once against the answers' texts
//! (`tests/label-audit.md`, which lists every line the audit changed).

use crate::locale::Lang;

/// One dev set file, compiled in deflated (`build.rs` deflates every `tests/devset*.tsv`): the
/// matcher reads the whole dev set once at start-up, and plain text would leave those 3 MB of
/// pages resident for the bot's whole life (0.93 MB deflated; BENCHMARKS.md, "Memory and
/// start-up").
#[derive(Debug, Clone, Copy)]
pub struct DevFile {
    /// The file's path in the repository, as failures name it (`tests/devset.tsv`).
    pub path: &'static str,
    deflated: &'static [u8],
}

impl DevFile {
    /// The file's text, inflated afresh on each call.
    ///
    /// # Panics
    ///
    /// When the compiled-in bytes are not deflated UTF-8: `build.rs` wrote them, and every test
    /// that reads the dev set would catch it first.
    pub fn text(&self) -> String {
        let bytes = miniz_oxide::inflate::decompress_to_vec(self.deflated)
            .unwrap_or_else(|error| panic!("{}: cannot inflate: {error}", self.path));
        String::from_utf8(bytes).unwrap_or_else(|error| panic!("{}: {error}", self.path))
    }
}

/// The `DevFile` of `tests/<name>`, from the deflated copy `build.rs` left in `OUT_DIR`.
macro_rules! dev_file {
    ($name:literal) => {
        DevFile {
            path: concat!("tests/", $name),
            deflated: include_bytes!(concat!(env!("OUT_DIR"), "/", $name, ".deflate")),
        }
    };
}

/// The dev set: every file the matcher is tuned and fitted on, read by the dev-set test, the
/// evaluation and the fitting tools alike. `tests/devset.tsv` is the first set, grouped by answer;
/// `tests/devset-discord.tsv` and `-2` to `-35` (later batches by other writers, from the third on
/// paraphrasing away from the answers' words; the sixth to thirty-fifth written from the source
/// note alone, as the blind sets are, the sixth labelled apart, the others labelled by their
/// writers after reading the answers) hold questions in Discord styles (long, terse, text-speak,
/// symbols, plain; near-miss and off-topic), grouped by style in most batches, mixed in some of the
/// latest; `tests/devset-nearmiss.tsv` and `-2` to `-12` hold near-misses alone, by twelve more
/// writers; `tests/devset-blind-retired.tsv` holds 28 questions retired from the blind
/// set (`tests/blind/README.md`, "Retired"). Files are listed in the order they joined (each
/// file's place is its writer's batch number), so the seven latest Discord batches come last.
pub const DEV_SET_FILES: &[DevFile] = &[
    dev_file!("devset.tsv"),
    dev_file!("devset-discord.tsv"),
    dev_file!("devset-discord-2.tsv"),
    dev_file!("devset-discord-3.tsv"),
    dev_file!("devset-discord-4.tsv"),
    dev_file!("devset-discord-5.tsv"),
    dev_file!("devset-discord-6.tsv"),
    dev_file!("devset-discord-7.tsv"),
    dev_file!("devset-discord-8.tsv"),
    dev_file!("devset-discord-9.tsv"),
    dev_file!("devset-discord-10.tsv"),
    dev_file!("devset-discord-11.tsv"),
    dev_file!("devset-nearmiss.tsv"),
    dev_file!("devset-nearmiss-2.tsv"),
    dev_file!("devset-discord-12.tsv"),
    dev_file!("devset-nearmiss-3.tsv"),
    dev_file!("devset-discord-13.tsv"),
    dev_file!("devset-discord-14.tsv"),
    dev_file!("devset-nearmiss-4.tsv"),
    dev_file!("devset-discord-15.tsv"),
    dev_file!("devset-discord-16.tsv"),
    dev_file!("devset-discord-17.tsv"),
    dev_file!("devset-discord-18.tsv"),
    dev_file!("devset-nearmiss-5.tsv"),
    dev_file!("devset-discord-19.tsv"),
    dev_file!("devset-discord-20.tsv"),
    dev_file!("devset-nearmiss-6.tsv"),
    dev_file!("devset-discord-21.tsv"),
    dev_file!("devset-nearmiss-7.tsv"),
    dev_file!("devset-nearmiss-8.tsv"),
    dev_file!("devset-nearmiss-9.tsv"),
    dev_file!("devset-discord-22.tsv"),
    dev_file!("devset-discord-23.tsv"),
    dev_file!("devset-discord-24.tsv"),
    dev_file!("devset-nearmiss-10.tsv"),
    dev_file!("devset-discord-25.tsv"),
    dev_file!("devset-discord-26.tsv"),
    dev_file!("devset-nearmiss-11.tsv"),
    dev_file!("devset-discord-27.tsv"),
    dev_file!("devset-discord-28.tsv"),
    dev_file!("devset-nearmiss-12.tsv"),
    dev_file!("devset-blind-retired.tsv"),
    dev_file!("devset-discord-29.tsv"),
    dev_file!("devset-discord-30.tsv"),
    dev_file!("devset-discord-31.tsv"),
    dev_file!("devset-discord-32.tsv"),
    dev_file!("devset-discord-33.tsv"),
    dev_file!("devset-discord-34.tsv"),
    dev_file!("devset-discord-35.tsv"),
];

/// The French dev set: questions as French speakers write them, labelled with the answer ids:
/// a first set, thirty-eight batches in Discord styles (the fourth to thirty-eighth written from
/// the source note alone, the fourth labelled apart, the others by their writers after reading
/// the answers) and thirteen batches of near-misses, each by its own writer.
pub const DEV_SET_FILES_FR: &[DevFile] = &[
    dev_file!("devset.fr.tsv"),
    dev_file!("devset.fr-discord.tsv"),
    dev_file!("devset.fr-nearmiss.tsv"),
    dev_file!("devset.fr-discord-2.tsv"),
    dev_file!("devset.fr-discord-3.tsv"),
    dev_file!("devset.fr-discord-4.tsv"),
    dev_file!("devset.fr-discord-5.tsv"),
    dev_file!("devset.fr-discord-6.tsv"),
    dev_file!("devset.fr-discord-7.tsv"),
    dev_file!("devset.fr-discord-8.tsv"),
    dev_file!("devset.fr-discord-9.tsv"),
    dev_file!("devset.fr-discord-10.tsv"),
    dev_file!("devset.fr-discord-11.tsv"),
    dev_file!("devset.fr-nearmiss-2.tsv"),
    dev_file!("devset.fr-nearmiss-3.tsv"),
    dev_file!("devset.fr-discord-12.tsv"),
    dev_file!("devset.fr-discord-13.tsv"),
    dev_file!("devset.fr-nearmiss-4.tsv"),
    dev_file!("devset.fr-discord-14.tsv"),
    dev_file!("devset.fr-discord-15.tsv"),
    dev_file!("devset.fr-discord-16.tsv"),
    dev_file!("devset.fr-nearmiss-5.tsv"),
    dev_file!("devset.fr-discord-17.tsv"),
    dev_file!("devset.fr-discord-18.tsv"),
    dev_file!("devset.fr-discord-19.tsv"),
    dev_file!("devset.fr-discord-20.tsv"),
    dev_file!("devset.fr-nearmiss-6.tsv"),
    dev_file!("devset.fr-discord-21.tsv"),
    dev_file!("devset.fr-discord-22.tsv"),
    dev_file!("devset.fr-discord-23.tsv"),
    dev_file!("devset.fr-nearmiss-7.tsv"),
    dev_file!("devset.fr-discord-24.tsv"),
    dev_file!("devset.fr-discord-25.tsv"),
    dev_file!("devset.fr-discord-26.tsv"),
    dev_file!("devset.fr-discord-27.tsv"),
    dev_file!("devset.fr-nearmiss-8.tsv"),
    dev_file!("devset.fr-discord-28.tsv"),
    dev_file!("devset.fr-discord-29.tsv"),
    dev_file!("devset.fr-nearmiss-9.tsv"),
    dev_file!("devset.fr-discord-30.tsv"),
    dev_file!("devset.fr-discord-31.tsv"),
    dev_file!("devset.fr-nearmiss-10.tsv"),
    dev_file!("devset.fr-discord-32.tsv"),
    dev_file!("devset.fr-nearmiss-11.tsv"),
    dev_file!("devset.fr-discord-33.tsv"),
    dev_file!("devset.fr-nearmiss-12.tsv"),
    dev_file!("devset.fr-discord-34.tsv"),
    dev_file!("devset.fr-discord-35.tsv"),
    dev_file!("devset.fr-nearmiss-13.tsv"),
    dev_file!("devset.fr-discord-36.tsv"),
    dev_file!("devset.fr-discord-37.tsv"),
    dev_file!("devset.fr-discord-38.tsv"),
];

/// The Spanish dev set, likewise: a first set, thirty-five batches in Discord styles and
/// seventeen batches of near-misses, each by its own writer.
pub const DEV_SET_FILES_ES: &[DevFile] = &[
    dev_file!("devset.es.tsv"),
    dev_file!("devset.es-discord.tsv"),
    dev_file!("devset.es-nearmiss.tsv"),
    dev_file!("devset.es-discord-2.tsv"),
    dev_file!("devset.es-discord-3.tsv"),
    dev_file!("devset.es-discord-4.tsv"),
    dev_file!("devset.es-discord-5.tsv"),
    dev_file!("devset.es-discord-6.tsv"),
    dev_file!("devset.es-discord-7.tsv"),
    dev_file!("devset.es-discord-8.tsv"),
    dev_file!("devset.es-discord-9.tsv"),
    dev_file!("devset.es-discord-10.tsv"),
    dev_file!("devset.es-discord-11.tsv"),
    dev_file!("devset.es-nearmiss-2.tsv"),
    dev_file!("devset.es-nearmiss-3.tsv"),
    dev_file!("devset.es-discord-12.tsv"),
    dev_file!("devset.es-discord-13.tsv"),
    dev_file!("devset.es-nearmiss-4.tsv"),
    dev_file!("devset.es-discord-14.tsv"),
    dev_file!("devset.es-discord-15.tsv"),
    dev_file!("devset.es-discord-16.tsv"),
    dev_file!("devset.es-nearmiss-5.tsv"),
    dev_file!("devset.es-discord-17.tsv"),
    dev_file!("devset.es-discord-18.tsv"),
    dev_file!("devset.es-nearmiss-6.tsv"),
    dev_file!("devset.es-discord-19.tsv"),
    dev_file!("devset.es-discord-20.tsv"),
    dev_file!("devset.es-nearmiss-7.tsv"),
    dev_file!("devset.es-discord-21.tsv"),
    dev_file!("devset.es-discord-22.tsv"),
    dev_file!("devset.es-discord-23.tsv"),
    dev_file!("devset.es-nearmiss-8.tsv"),
    dev_file!("devset.es-discord-24.tsv"),
    dev_file!("devset.es-discord-25.tsv"),
    dev_file!("devset.es-nearmiss-9.tsv"),
    dev_file!("devset.es-discord-26.tsv"),
    dev_file!("devset.es-nearmiss-10.tsv"),
    dev_file!("devset.es-discord-27.tsv"),
    dev_file!("devset.es-discord-28.tsv"),
    dev_file!("devset.es-nearmiss-11.tsv"),
    dev_file!("devset.es-discord-29.tsv"),
    dev_file!("devset.es-discord-30.tsv"),
    dev_file!("devset.es-nearmiss-12.tsv"),
    dev_file!("devset.es-nearmiss-13.tsv"),
    dev_file!("devset.es-discord-31.tsv"),
    dev_file!("devset.es-nearmiss-14.tsv"),
    dev_file!("devset.es-nearmiss-15.tsv"),
    dev_file!("devset.es-nearmiss-16.tsv"),
    dev_file!("devset.es-discord-32.tsv"),
    dev_file!("devset.es-nearmiss-17.tsv"),
    dev_file!("devset.es-discord-33.tsv"),
    dev_file!("devset.es-discord-34.tsv"),
    dev_file!("devset.es-discord-35.tsv"),
];

/// The dev set files of `lang`.
pub fn dev_set_files(lang: Lang) -> &'static [DevFile] {
    match lang {
        Lang::En => DEV_SET_FILES,
        Lang::Fr => DEV_SET_FILES_FR,
        Lang::Es => DEV_SET_FILES_ES,
    }
}

/// Every case of the dev set of `lang`, in file order.
///
/// # Panics
///
/// When a line cannot be read: the files are compiled in, so a test catches it first.
pub fn dev_set_in(lang: Lang) -> Vec<Case> {
    dev_batches_in(lang).into_iter().flatten().collect()
}

/// The cases of the dev set of `lang`, file by file (each file one writer's batch).
///
/// # Panics
///
/// As [`dev_set_in`].
pub fn dev_batches_in(lang: Lang) -> Vec<Vec<Case>> {
    each_dev_batch_in(lang).collect()
}

/// The cases of the dev set of `lang`, file by file, each file read only when the one before
/// is done with (the matcher's start-up never holds the whole dev set at once).
///
/// # Panics
///
/// As [`dev_set_in`], when the iterator reaches the line.
pub fn each_dev_batch_in(lang: Lang) -> impl Iterator<Item = Vec<Case>> {
    dev_set_files(lang).iter().map(|file| {
        parse_cases(&file.text()).unwrap_or_else(|error| panic!("{}: {error}", file.path))
    })
}

/// Every case of the dev set ([`DEV_SET_FILES`]), in file order.
///
/// # Panics
///
/// When a line cannot be read: the files are compiled in, so a test catches it first.
pub fn dev_set() -> Vec<Case> {
    dev_set_in(Lang::En)
}

/// One labelled question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Case {
    /// Ids that are right answers; empty when the bot must stay silent.
    pub expected: Vec<String>,
    /// The style the question was written in (`plain`, `long`, `terse`…), when labelled.
    pub style: Option<String>,
    /// The question.
    pub question: String,
}

impl Case {
    /// Whether the bot should answer it.
    pub fn in_domain(&self) -> bool {
        !self.expected.is_empty()
    }
}

/// Why a labelled line could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct CaseError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// Reads labelled questions.
pub fn parse_cases(text: &str) -> Result<Vec<Case>, CaseError> {
    let mut cases = Vec::new();
    for (index, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let columns: Vec<&str> = line.split('\t').collect();
        let (expected, style, question) = match columns.as_slice() {
            [expected, question] => (*expected, None, *question),
            [expected, style, question] => (*expected, Some(style.to_string()), *question),
            [expected, style, _gist, question] => (*expected, Some(style.to_string()), *question),
            _ => {
                return Err(CaseError {
                    line: index + 1,
                    message: format!(
                        "expected 2, 3 or 4 tab-separated columns, found {}",
                        columns.len()
                    ),
                })
            }
        };
        let expected = match expected.trim() {
            "none" => Vec::new(),
            ids => ids.split('|').map(|id| id.trim().to_owned()).collect(),
        };
        cases.push(Case {
            expected,
            style,
            question: question.to_owned(),
        });
    }
    Ok(cases)
}
