//! `/gfmd-admin stats [days]`: the statistics of the last N days, privately, as an embed
//! (questions; share answered, suggested, silent; helpful against not helpful; top answers; top
//! unanswered groups; median and 99th percentile of the time to decide) with the daily chart
//! attached as a PNG. The figures are read and the chart drawn off the async threads. The embed
//! and the chart are in the moderator's language.

use crate::answers::limits::{self, truncate};
use crate::discord::failure;
use crate::discord::reply::Reply;
use crate::discord::respond::{self, Target};
use crate::discord::state::BotState;
use crate::records::stats::{self, Stats};
use crate::records::{chart, now_millis, DataFiles, Fault, StorageError, Window};
use crate::render::{quote_user_text, Embed, EmbedField};
use crate::wording::{fill_all, Moderation, StatsWording};
use serenity::all::{Context, CreateAttachment};

/// The chart's file name.
pub const CHART_FILE: &str = "gfmd-stats.png";

/// `share` (0..1) as a percentage with one decimal.
pub fn percent(share: f64) -> String {
    format!("{:.1}%", share * 100.0)
}

/// Microseconds as milliseconds with two decimals, or "-" without a figure.
pub fn millis(micros: Option<u64>) -> String {
    micros.map_or_else(
        || "-".to_owned(),
        |micros| format!("{:.2} ms", micros as f64 / 1000.0),
    )
}

/// The statistics as an embed in `words`' language; `failing` (when recording is failing now)
/// is said on top.
pub fn plan_stats(stats: &Stats, failing: Option<Fault>, words: &Moderation) -> Reply {
    let said = words.stats;
    let field = |name: &str, value: String| EmbedField {
        name: name.to_owned(),
        value: truncate(&value, limits::FIELD_VALUE_LENGTH),
        inline: false,
    };
    let or_none = |lines: Vec<String>| {
        if lines.is_empty() {
            said.none.to_owned()
        } else {
            lines.join("\n")
        }
    };
    let top_answers = stats
        .top_answers
        .iter()
        .map(|answer| format!("`{}` × {}", answer.id, answer.count))
        .collect();
    let top_unanswered = stats
        .top_unanswered
        .iter()
        .map(|group| {
            format!(
                "\"{}\" × {}",
                quote_user_text(&group.example, 80),
                group.count
            )
        })
        .collect();
    let embed = Embed {
        title: fill_all(said.title, &[&stats.days, &stats.from, &stats.to]),
        description: fill_all(
            said.summary,
            &[
                &stats.questions,
                &stats.answered,
                &percent(stats.answered_share),
                &stats.suggested,
                &percent(stats.suggested_share),
                &stats.abstained,
                &percent(stats.abstained_share),
            ],
        ),
        fields: vec![
            field(
                said.votes,
                format!("{} / {}", stats.helpful, stats.not_helpful),
            ),
            field(
                said.time,
                fill_all(
                    said.time_value,
                    &[&millis(stats.median_micros), &millis(stats.p99_micros)],
                ),
            ),
            field(said.top_answers, or_none(top_answers)),
            field(said.top_unanswered, or_none(top_unanswered)),
        ],
        footer: said.footer.to_owned(),
        url: None,
        color: None,
    };
    Reply {
        content: failing.map(|fault| fill_all(said.failing, &[&fault])),
        embed: Some(embed),
        rows: Vec::new(),
        ephemeral: true,
    }
}

/// The statistics of the last `days` days and their chart, told with `said` (blocking). No
/// database yet: zeros.
fn read(
    files: &DataFiles,
    days: u32,
    said: &StatsWording,
) -> Result<(Stats, Option<Vec<u8>>), StorageError> {
    let now = now_millis();
    let stats = match files.open_read_only() {
        Ok(mut storage) => stats::stats(&mut storage, days, now)?,
        Err(error) if error.fault == Fault::Missing => {
            stats::compute(&[], Window::last_days(days, now))
        }
        Err(error) => return Err(error),
    };
    let title = fill_all(said.chart_title, &[&stats.from, &stats.to]);
    let labels = chart::Labels::of(&title, said);
    let png = chart::daily_png(&stats.daily, &labels, chart::WIDTH, chart::HEIGHT)
        .map_err(|error| tracing::error!(%error, "the statistics chart could not be drawn"))
        .ok();
    Ok((stats, png))
}

/// `/gfmd-admin stats [days]`: acknowledged privately, then the figures with the chart, told
/// with `words`.
pub async fn show(
    state: &BotState,
    ctx: &Context,
    target: Target<'_>,
    days: u32,
    words: &Moderation,
) {
    let Some(files) = state.records.clone() else {
        respond::notice(ctx, target, words.inbox.recording_off).await;
        return;
    };
    if !respond::defer_privately(ctx, target).await {
        return;
    }
    state.settle_records().await;
    let failing = state.recorder.health().borrow().fault;
    let said = words.stats;
    let (reply, chart) = match tokio::task::spawn_blocking(move || read(&files, days, &said)).await
    {
        Ok(Ok((stats, png))) => (plan_stats(&stats, failing, words), png),
        Ok(Err(error)) => {
            failure::log_internal("the statistics could not be read", &error);
            (Reply::notice(words.changes.internal), None)
        }
        Err(error) => {
            failure::log_internal("the statistics could not be read", &error);
            (Reply::notice(words.changes.internal), None)
        }
    };
    let attachment = chart.map(|png| CreateAttachment::bytes(png, CHART_FILE));
    respond::edit_original(ctx, target, &reply, attachment).await;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locale::Lang;
    use crate::records::stats::{AnswerCount, UnansweredGroup};
    use crate::wording::Wording;

    /// The words of a moderator reading `lang`.
    fn words(lang: Lang) -> &'static Moderation {
        &Wording::of(lang).moderation
    }

    #[test]
    fn the_chart_is_drawn_in_the_moderator_s_language() {
        let folder = tempfile::tempdir().unwrap();
        let files = DataFiles::at(folder.path().join("none-yet.sqlite3"), 90);
        let drawn = |lang: Lang| {
            let (_, png) = read(&files, 7, &words(lang).stats).unwrap();
            png.expect("a chart, empty")
        };
        let english = drawn(Lang::En);
        assert_eq!(
            drawn(Lang::En),
            english,
            "the same words draw the same chart"
        );
        assert_ne!(drawn(Lang::Fr), english);
        assert_ne!(drawn(Lang::Es), english);
        assert_ne!(drawn(Lang::Es), drawn(Lang::Fr));
        let french = chart::Labels::of("t", &words(Lang::Fr).stats);
        assert_eq!(
            (french.answered, french.silent),
            ("avec réponse", "sans réponse")
        );
    }

    fn stats() -> Stats {
        let mut stats = stats::compute(&[], Window::last_days(7, 1_780_000_000_000));
        stats.questions = 10;
        stats.answered = 6;
        stats.suggested = 1;
        stats.abstained = 3;
        stats.answered_share = 0.6;
        stats.suggested_share = 0.1;
        stats.abstained_share = 0.3;
        stats.helpful = 4;
        stats.not_helpful = 1;
        stats.median_micros = Some(420);
        stats.p99_micros = Some(3_100);
        stats.top_answers = vec![AnswerCount {
            id: "objectives".into(),
            count: 4,
        }];
        stats.top_unanswered = vec![UnansweredGroup {
            key: "g1".into(),
            count: 2,
            example: "@everyone visa?".into(),
        }];
        stats
    }

    #[test]
    fn the_figures_are_all_there_privately() {
        let reply = plan_stats(&stats(), None, words(Lang::En));
        assert!(reply.ephemeral && reply.content.is_none());
        let embed = reply.embed.unwrap();
        assert_eq!(
            embed.title,
            "Questions, last 7 day(s): 2026-05-22 to 2026-05-28 (UTC)"
        );
        assert_eq!(
            embed.description,
            "**10** question(s): 6 answered (60.0%), 1 suggested (10.0%), 3 silent (30.0%)."
        );
        let values: Vec<&str> = embed.fields.iter().map(|f| f.value.as_str()).collect();
        assert_eq!(values[0], "4 / 1");
        assert_eq!(values[1], "median 0.42 ms, p99 3.10 ms");
        assert_eq!(values[2], "`objectives` × 4");
        assert!(values[3].ends_with("visa?\" × 2") && !values[3].contains("@everyone"));
        assert!(embed.total_chars() <= limits::EMBED_TOTAL_LENGTH);
    }

    #[test]
    fn no_questions_yet_reads_as_zeros_and_a_failure_is_said_without_internals() {
        let empty = stats::compute(&[], Window::last_days(30, 1_780_000_000_000));
        let reply = plan_stats(&empty, Some(Fault::Full), words(Lang::En));
        let embed = reply.embed.unwrap();
        assert!(embed.description.starts_with("**0** question(s)"));
        assert_eq!(embed.fields[1].value, "median -, p99 -");
        assert_eq!(embed.fields[2].value, "none");
        assert_eq!(
            reply.content.as_deref(),
            Some("Recording is failing right now (the disk is full): the newest questions may be missing.")
        );
    }

    #[test]
    fn a_french_or_spanish_moderator_reads_the_figures_in_their_language() {
        let french = plan_stats(&stats(), None, words(Lang::Fr)).embed.unwrap();
        assert_eq!(
            french.title,
            "Questions, 7 dernier(s) jour(s) : du 2026-05-22 au 2026-05-28 (UTC)"
        );
        assert_eq!(
            french.description,
            "**10** question(s) : 6 avec réponse (60.0%), 1 avec suggestion (10.0%), 3 sans \
             réponse (30.0%)."
        );
        assert_eq!(french.fields[1].value, "médiane 0.42 ms, p99 3.10 ms");
        let empty = stats::compute(&[], Window::last_days(30, 1_780_000_000_000));
        let spanish = plan_stats(&empty, Some(Fault::Full), words(Lang::Es));
        assert_eq!(spanish.embed.unwrap().fields[2].value, "ninguna");
        assert_eq!(
            spanish.content.as_deref(),
            Some("El registro está fallando ahora mismo (the disk is full): pueden faltar las preguntas más recientes.")
        );
    }
}
