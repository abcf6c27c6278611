//! Which language the dev sets' questions are in, as the bot tells it (`gfmd_bot::detect`) and
//! as the `whatlang` crate tells it (restricted to English, French and Spanish), on every
//! question of the three dev sets: right, undecided (the caller falls back), and wrong — a French
//! question read as Spanish being the worst kind.
//!
//! `cargo run --release --example detect`; `-- --wrong` also prints the questions read wrongly.

use gfmd_bot::detect::language_of;
use gfmd_bot::evaluation::dev_set_in;
use gfmd_bot::knowledge::Knowledge;
use gfmd_bot::locale::Lang;

/// Right, undecided and wrong counts, and the wrong ones.
#[derive(Default)]
struct Count {
    right: usize,
    undecided: usize,
    wrong: Vec<(Lang, String)>,
}

impl Count {
    fn add(&mut self, expected: Lang, got: Option<Lang>, question: &str) {
        match got {
            Some(lang) if lang == expected => self.right += 1,
            Some(lang) => self.wrong.push((lang, question.to_owned())),
            None => self.undecided += 1,
        }
    }

    fn line(&self, name: &str, all: usize) {
        println!(
            "  {name:<24} right {:>5.1}%  undecided {:>5.1}%  wrong {:>4.1}% ({})",
            100.0 * self.right as f64 / all as f64,
            100.0 * self.undecided as f64 / all as f64,
            100.0 * self.wrong.len() as f64 / all as f64,
            self.wrong.len()
        );
    }
}

/// `whatlang`'s language for `text`; only when it calls it reliable, if `reliable`.
fn whatlang_of(detector: &whatlang::Detector, text: &str, reliable: bool) -> Option<Lang> {
    let info = detector.detect(text)?;
    if reliable && !info.is_reliable() {
        return None;
    }
    match info.lang() {
        whatlang::Lang::Eng => Some(Lang::En),
        whatlang::Lang::Fra => Some(Lang::Fr),
        whatlang::Lang::Spa => Some(Lang::Es),
        _ => None,
    }
}

fn main() {
    let show_wrong = std::env::args().any(|arg| arg == "--wrong");
    let knowledge = Knowledge::embedded().expect("the embedded set is valid");
    let detector = whatlang::Detector::with_allowlist(vec![
        whatlang::Lang::Eng,
        whatlang::Lang::Fra,
        whatlang::Lang::Spa,
    ]);
    for lang in Lang::ALL {
        let cases = dev_set_in(lang);
        let (mut ours, mut reliable, mut any) =
            (Count::default(), Count::default(), Count::default());
        for case in &cases {
            let question = &case.question;
            ours.add(lang, language_of(&knowledge, question), question);
            reliable.add(lang, whatlang_of(&detector, question, true), question);
            any.add(lang, whatlang_of(&detector, question, false), question);
        }
        println!("dev-{lang} ({} questions)", cases.len());
        ours.line("gfmd-bot", cases.len());
        reliable.line("whatlang (reliable only)", cases.len());
        any.line("whatlang (any guess)", cases.len());
        if show_wrong {
            for (name, count) in [("gfmd-bot", &ours), ("whatlang", &any)] {
                for (got, question) in &count.wrong {
                    println!("    {name} read {got}: {question:?}");
                }
            }
        }
    }
}
