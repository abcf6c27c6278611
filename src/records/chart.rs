//! The statistics chart: daily questions as bars stacked by outcome (answered, suggested,
//! silent), drawn with `plotters` into memory and encoded as PNG. Text is drawn with DejaVu
//! Sans, embedded in the binary (`assets/fonts/`, licence alongside), so the chart renders on a
//! server with no fonts installed.

use super::stats::DailyCount;
use crate::wording::StatsWording;
use plotters::prelude::*;
use plotters::style::{register_font, FontStyle};
use std::sync::Once;

/// Default width, in pixels.
pub const WIDTH: u32 = 900;
/// Default height, in pixels.
pub const HEIGHT: u32 = 450;

/// The embedded font.
static FONT: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
/// The family name the chart asks plotters for.
const FAMILY: &str = "sans-serif";

/// Colours of the three outcomes (colour-blind safe: Okabe-Ito green, orange, vermilion).
const ANSWERED: RGBColor = RGBColor(0, 158, 115);
const SUGGESTED: RGBColor = RGBColor(230, 159, 0);
const SILENT: RGBColor = RGBColor(213, 94, 0);

/// The chart's words: its title and axis, and the three outcomes' names in the legend.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Labels<'a> {
    /// Above the chart.
    pub title: &'a str,
    /// Beside the vertical axis.
    pub axis: &'a str,
    /// The outcome "answered".
    pub answered: &'a str,
    /// The outcome "suggested".
    pub suggested: &'a str,
    /// The outcome "silent".
    pub silent: &'a str,
}

impl<'a> Labels<'a> {
    /// The words of `said` (a moderator's language, or English for the operator's CLI) under
    /// `title`.
    pub fn of(title: &'a str, said: &'a StatsWording) -> Self {
        let [answered, suggested, silent] = said.chart_outcomes;
        Self {
            title,
            axis: said.chart_axis,
            answered,
            suggested,
            silent,
        }
    }
}

/// Where one outcome's bar starts and ends on a day.
type Span = fn(&DailyCount) -> (u64, u64);

/// Why the chart could not be drawn.
#[derive(Debug, thiserror::Error)]
#[error("cannot draw the chart: {0}")]
pub struct ChartError(String);

fn register_embedded_font() {
    static REGISTER: Once = Once::new();
    REGISTER.call_once(|| {
        if register_font(FAMILY, FontStyle::Normal, FONT).is_err() {
            tracing::error!("the embedded chart font is invalid");
        }
    });
}

/// The daily series as a PNG of `width` × `height` pixels, in the words of `labels`.
pub fn daily_png(
    days: &[DailyCount],
    labels: &Labels,
    width: u32,
    height: u32,
) -> Result<Vec<u8>, ChartError> {
    register_embedded_font();
    let mut pixels = vec![0u8; width as usize * height as usize * 3];
    draw(days, labels, &mut pixels, (width, height)).map_err(ChartError)?;
    let mut png = Vec::new();
    let mut encoder = png::Encoder::new(&mut png, width, height);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder
        .write_header()
        .map_err(|error| ChartError(error.to_string()))?;
    writer
        .write_image_data(&pixels)
        .map_err(|error| ChartError(error.to_string()))?;
    writer
        .finish()
        .map_err(|error| ChartError(error.to_string()))?;
    Ok(png)
}

/// Draws the chart into an RGB buffer.
fn draw(
    days: &[DailyCount],
    labels: &Labels,
    pixels: &mut [u8],
    size: (u32, u32),
) -> Result<(), String> {
    let failed = |error: &dyn std::fmt::Display| error.to_string();
    let root = BitMapBackend::with_buffer(pixels, size).into_drawing_area();
    root.fill(&WHITE).map_err(|e| failed(&e))?;
    let count = days.len().max(1);
    let highest = days.iter().map(DailyCount::total).max().unwrap_or(0);
    let top = (highest + highest / 10 + 1).max(4);
    let mut chart = ChartBuilder::on(&root)
        .caption(labels.title, (FAMILY, 22))
        .margin(14)
        .x_label_area_size(36)
        .y_label_area_size(48)
        .build_cartesian_2d(-0.5f64..(count as f64 - 0.5), 0u64..top)
        .map_err(|e| failed(&e))?;
    let label = |x: &f64| {
        let at = x.round();
        let day = (at >= 0.0 && (x - at).abs() < 0.01).then(|| days.get(at as usize));
        day.flatten()
            .map(|day| day.date.get(5..).unwrap_or(&day.date).to_owned())
            .unwrap_or_default()
    };
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(count.min(12))
        .x_label_formatter(&label)
        .y_desc(labels.axis)
        .label_style((FAMILY, 13))
        .axis_desc_style((FAMILY, 14))
        .draw()
        .map_err(|e| failed(&e))?;
    let stacks: [(&str, RGBColor, Span); 3] = [
        (labels.answered, ANSWERED, |day| (0, day.answered)),
        (labels.suggested, SUGGESTED, |day| {
            (day.answered, day.answered + day.suggested)
        }),
        (labels.silent, SILENT, |day| {
            (day.answered + day.suggested, day.total())
        }),
    ];
    for (name, colour, span) in stacks {
        let bars = days.iter().enumerate().filter_map(|(at, day)| {
            let (low, high) = span(day);
            let x = at as f64;
            (high > low).then(|| Rectangle::new([(x - 0.4, low), (x + 0.4, high)], colour.filled()))
        });
        chart
            .draw_series(bars)
            .map_err(|e| failed(&e))?
            .label(name)
            .legend(move |(x, y)| Rectangle::new([(x, y - 6), (x + 12, y + 6)], colour.filled()));
    }
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperLeft)
        .label_font((FAMILY, 14))
        .background_style(WHITE.mix(0.85))
        .border_style(BLACK.mix(0.4))
        .draw()
        .map_err(|e| failed(&e))?;
    root.present().map_err(|e| failed(&e))
}
