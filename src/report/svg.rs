//! Inline SVG charts for HTML reports: no script, no external file, colours
//! from the site's CSS variables (so dark mode and print follow the theme),
//! a `<title>` for screen readers, and the numbers also in a table beside
//! each chart (charts show, tables tell).

use std::fmt::Write as _;

use crate::report::html::escape;

/// One bar of a [`stacked_bars`] chart: counts per category.
pub struct Bar {
    pub label: String,
    pub counts: Vec<usize>,
    /// Drawn with a warning mark after the label.
    pub flagged: bool,
}

const LABEL_WIDTH: f64 = 250.0;
const PLOT_WIDTH: f64 = 440.0;
const ROW: f64 = 26.0;
const BAR: f64 = 16.0;

/// The fill of category `i` of `n`: a diverging scale from the theme's
/// "bad" colour (lowest) through a neutral middle to its "good" colour, the
/// extremes full and the inner steps lighter (mixed with the page surface).
fn category_fill(i: usize, n: usize) -> String {
    let p = if n <= 1 {
        1.0
    } else {
        i as f64 / (n - 1) as f64
    };
    if (p - 0.5).abs() < 1e-9 {
        return "var(--line)".to_string();
    }
    let (colour, strength) = if p < 0.5 {
        ("--bad", 1.0 - p / 0.5)
    } else {
        ("--good", (p - 0.5) / 0.5)
    };
    let mix = (35.0 + 65.0 * strength).round();
    format!("color-mix(in srgb, var({colour}) {mix}%, var(--surface))")
}

/// Horizontal bars, one per row, split by category (for example the steps
/// of a rating scale, lowest first), each bar as long as its share: a
/// distribution per row, comparable across rows with different totals.
pub fn stacked_bars(title: &str, categories: &[String], bars: &[Bar]) -> String {
    let legend_height = 28.0;
    let height = legend_height + ROW * bars.len() as f64 + 6.0;
    let width = LABEL_WIDTH + PLOT_WIDTH + 60.0;
    let mut out = open(title, width, height);
    let mut x = LABEL_WIDTH;
    for (i, category) in categories.iter().enumerate() {
        let _ = write!(
            out,
            "<rect x=\"{x:.1}\" y=\"6\" width=\"12\" height=\"12\" style=\"fill:{}\"/>\
             <text x=\"{:.1}\" y=\"16\" class=\"legend\">{}</text>",
            category_fill(i, categories.len()),
            x + 16.0,
            escape(category)
        );
        x += 24.0 + 7.0 * category.chars().count() as f64;
    }
    for (row, bar) in bars.iter().enumerate() {
        let y = legend_height + ROW * row as f64;
        let total: usize = bar.counts.iter().sum();
        label(&mut out, y, &bar.label, bar.flagged);
        let mut x = LABEL_WIDTH;
        for (i, &count) in bar.counts.iter().enumerate() {
            if count == 0 || total == 0 {
                continue;
            }
            let w = PLOT_WIDTH * count as f64 / total as f64;
            let _ = write!(
                out,
                "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"{BAR}\" style=\"fill:{}\">\
                 <title>{}: {count} of {total}</title></rect>",
                category_fill(i, bar.counts.len()),
                escape(categories.get(i).map_or("", String::as_str)),
            );
            x += w;
        }
        let _ = write!(
            out,
            "<text x=\"{:.1}\" y=\"{:.1}\" class=\"value\">{total}</text>",
            LABEL_WIDTH + PLOT_WIDTH + 8.0,
            y + 12.5
        );
    }
    out.push_str("</svg>\n");
    out
}

/// One row of an [`intervals`] chart.
pub struct Interval {
    pub label: String,
    pub mean: f64,
    pub low: f64,
    pub high: f64,
    /// Drawn in the warning colour.
    pub flagged: bool,
    /// Too few observations: drawn faint.
    pub faint: bool,
}

/// A dot per row at its mean with a line over its interval, against a
/// zero line: offsets from a reference, with how sure each one is.
pub fn intervals(title: &str, axis_label: &str, rows: &[Interval]) -> String {
    let top = 10.0;
    let axis = 34.0;
    let height = top + ROW * rows.len() as f64 + axis;
    let width = LABEL_WIDTH + PLOT_WIDTH + 60.0;
    let reach = rows
        .iter()
        .flat_map(|r| [r.low.abs(), r.high.abs(), r.mean.abs()])
        .fold(1.0_f64, f64::max)
        .ceil();
    let x_of = |v: f64| LABEL_WIDTH + PLOT_WIDTH * (v + reach) / (2.0 * reach);
    let mut out = open(title, width, height);
    let bottom = top + ROW * rows.len() as f64;
    for tick in ticks(reach) {
        let x = x_of(tick);
        let class = if tick == 0.0 { "zero" } else { "grid" };
        let _ = write!(
            out,
            "<line x1=\"{x:.1}\" y1=\"{top}\" x2=\"{x:.1}\" y2=\"{bottom:.1}\" class=\"{class}\"/>\
             <text x=\"{x:.1}\" y=\"{:.1}\" class=\"tick\">{}</text>",
            bottom + 14.0,
            signed(tick)
        );
    }
    let _ = write!(
        out,
        "<text x=\"{:.1}\" y=\"{:.1}\" class=\"tick\">{}</text>",
        x_of(0.0),
        bottom + 30.0,
        escape(axis_label)
    );
    for (row, r) in rows.iter().enumerate() {
        let y = top + ROW * row as f64;
        label(&mut out, y, &r.label, r.flagged);
        let class = match (r.flagged, r.faint) {
            (true, _) => "mark flagged",
            (false, true) => "mark faint",
            (false, false) => "mark",
        };
        let cy = y + BAR / 2.0;
        let _ = write!(
            out,
            "<g class=\"{class}\"><title>{}: {} (from {} to {})</title>\
             <line x1=\"{:.1}\" y1=\"{cy:.1}\" x2=\"{:.1}\" y2=\"{cy:.1}\"/>\
             <circle cx=\"{:.1}\" cy=\"{cy:.1}\" r=\"5\"/></g>",
            escape(&r.label),
            signed(r.mean),
            signed(r.low),
            signed(r.high),
            x_of(r.low),
            x_of(r.high),
            x_of(r.mean),
        );
    }
    out.push_str("</svg>\n");
    out
}

/// A grid of values from 0 to `max`, rows × columns, each cell shaded on
/// the diverging scale of [`stacked_bars`] (low "bad", high "good") and
/// showing its text; `None` cells are left blank. Column heads are slanted
/// so long names fit.
pub struct Grid<'a> {
    pub rows: &'a [String],
    pub columns: &'a [String],
    /// Per row, per column: the value and the text shown in the cell.
    pub cells: &'a [Vec<Option<(f64, String)>>],
    pub max: f64,
}

pub fn heatmap(title: &str, grid: &Grid) -> String {
    const CELL_W: f64 = 78.0;
    const CELL_H: f64 = 24.0;
    const HEAD: f64 = 96.0;
    let width = LABEL_WIDTH + CELL_W * grid.columns.len() as f64 + 40.0;
    let height = HEAD + CELL_H * grid.rows.len() as f64 + 6.0;
    let mut out = open(title, width, height);
    for (c, column) in grid.columns.iter().enumerate() {
        let x = LABEL_WIDTH + CELL_W * (c as f64 + 0.5);
        let _ = write!(
            out,
            "<text class=\"legend\" transform=\"translate({x:.1} {:.1}) rotate(-35)\">{}</text>",
            HEAD - 8.0,
            escape(column)
        );
    }
    for (r, row) in grid.rows.iter().enumerate() {
        let y = HEAD + CELL_H * r as f64;
        label(&mut out, y + 3.5, row, false);
        for (c, cell) in grid.cells[r].iter().enumerate() {
            let Some((value, text)) = cell else { continue };
            let x = LABEL_WIDTH + CELL_W * c as f64;
            // Eleven shades are plenty; the text carries the exact figure.
            let step = ((value / grid.max).clamp(0.0, 1.0) * 10.0).round() as usize;
            let _ = write!(
                out,
                "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" rx=\"3\" style=\"fill:{}\"/>\
                 <text class=\"cell{}\" x=\"{:.1}\" y=\"{:.1}\">{}</text>",
                x + 2.0,
                y + 2.0,
                CELL_W - 4.0,
                CELL_H - 4.0,
                category_fill(step, 11),
                // The darkest shades take the page's background as text colour.
                if !(3..=7).contains(&step) {
                    " strong"
                } else {
                    ""
                },
                x + CELL_W / 2.0,
                y + CELL_H / 2.0 + 4.0,
                escape(text)
            );
        }
    }
    out.push_str("</svg>");
    out
}

fn open(title: &str, width: f64, height: f64) -> String {
    format!(
        "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 {width:.0} {height:.0}\" \
         width=\"{width:.0}\" height=\"{height:.0}\" xmlns=\"http://www.w3.org/2000/svg\">\
         <title>{}</title>",
        escape(title)
    )
}

fn label(out: &mut String, y: f64, text: &str, flagged: bool) {
    let shown: String = if text.chars().count() > 28 {
        text.chars().take(27).chain(['…']).collect()
    } else {
        text.to_string()
    };
    let mark = if flagged { " ⚑" } else { "" };
    let _ = write!(
        out,
        "<text x=\"{:.1}\" y=\"{:.1}\" class=\"label{}\">{}{mark}</text>",
        LABEL_WIDTH - 10.0,
        y + 12.5,
        if flagged { " flagged" } else { "" },
        escape(&shown)
    );
}

/// Ticks every whole step from −reach to +reach (every other one past 4).
fn ticks(reach: f64) -> Vec<f64> {
    let every = if reach > 4.0 { 2.0 } else { 1.0 };
    let mut ticks = Vec::new();
    let mut t = -reach;
    while t <= reach + 1e-9 {
        ticks.push(t);
        t += every;
    }
    ticks
}

/// "+0.5", "−1.0", "0.0".
pub fn signed(v: f64) -> String {
    let v = (v * 10.0).round() / 10.0;
    if v > 0.0 {
        format!("+{v:.1}")
    } else if v < 0.0 {
        format!("−{:.1}", -v)
    } else {
        "0.0".to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_are_as_long_as_their_share_and_escape_labels() {
        let svg = stacked_bars(
            "Ratings",
            &["No".into(), "Yes".into()],
            &[Bar {
                label: "<SLOs>".into(),
                counts: vec![1, 3],
                flagged: true,
            }],
        );
        assert!(svg.starts_with("<svg class=\"chart\" role=\"img\""));
        assert!(svg.contains("<title>Ratings</title>"));
        assert!(svg.contains("&lt;SLOs&gt; ⚑"));
        assert!(
            svg.contains("width=\"110.0\" height=\"16\""),
            "1 of 4 is a quarter of 440"
        );
        assert!(svg.contains("width=\"330.0\" height=\"16\""));
        assert!(svg.contains("<title>Yes: 3 of 4</title>"));
    }

    #[test]
    fn intervals_sit_on_a_symmetric_axis_around_zero() {
        let svg = intervals(
            "Offsets",
            "steps",
            &[Interval {
                label: "Ann".into(),
                mean: 0.5,
                low: -0.5,
                high: 1.5,
                flagged: true,
                faint: false,
            }],
        );
        // Reach 2: −2 at 250, 0 at 470, +2 at 690.
        assert!(
            svg.contains("<line x1=\"470.0\" y1=\"10\" x2=\"470.0\" y2=\"36.0\" class=\"zero\"/>")
        );
        assert!(svg.contains("<circle cx=\"525.0\""), "{svg}");
        assert!(svg.contains("x1=\"415.0\" y1=\"18.0\" x2=\"635.0\""));
        assert!(svg.contains("<title>Ann: +0.5 (from −0.5 to +1.5)</title>"));
    }

    #[test]
    fn signed_numbers_use_a_real_minus() {
        assert_eq!(signed(0.04), "0.0");
        assert_eq!(signed(-0.25), "−0.3");
        assert_eq!(signed(1.0), "+1.0");
        assert_eq!(
            category_fill(0, 4),
            "color-mix(in srgb, var(--bad) 100%, var(--surface))"
        );
        assert_eq!(
            category_fill(1, 4),
            "color-mix(in srgb, var(--bad) 57%, var(--surface))"
        );
        assert_eq!(
            category_fill(3, 4),
            "color-mix(in srgb, var(--good) 100%, var(--surface))"
        );
        assert_eq!(
            category_fill(1, 3),
            "var(--line)",
            "an odd scale's middle is neutral"
        );
    }
}
