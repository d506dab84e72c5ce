//! Radar charts as inline SVG, drawn at build time (archetype emphasis).
//!
//! The self-assessment page draws the same chart in the browser; both use
//! the `radar-*` CSS classes of the theme so they look alike.

use std::fmt::Write;

/// One spoke of the chart.
pub struct Axis<'a> {
    pub label: &'a str,
    pub value: f64,
}

/// An accessible SVG radar chart: `<title>` for screen readers; the caller
/// shows the data as a table beside it. Fewer than three axes make no
/// polygon, so those charts are drawn as bars instead.
pub fn radar_svg(title: &str, axes: &[Axis], max: f64, id: &str) -> String {
    if axes.len() < 3 {
        return bars_svg(title, axes, max, id);
    }
    let (center, radius) = (210.0, 118.0);
    let mut svg = String::with_capacity(2048);
    // The margin around the 420×420 plot leaves room for wrapped labels.
    let _ = write!(
        svg,
        r#"<svg class="radar" viewBox="-70 -10 560 440" role="img" aria-labelledby="{id}-title"><title id="{id}-title">{}</title>"#,
        escape(title)
    );
    let point = |index: usize, fraction: f64| {
        let angle =
            -std::f64::consts::FRAC_PI_2 + std::f64::consts::TAU * index as f64 / axes.len() as f64;
        (
            center + radius * fraction * angle.cos(),
            center + radius * fraction * angle.sin(),
        )
    };
    // The `points` attribute of a polygon through every spoke, at the
    // fraction of the radius `fraction_of(spoke)`.
    let polygon = |fraction_of: &dyn Fn(usize) -> f64| {
        (0..axes.len())
            .map(|i| {
                let (x, y) = point(i, fraction_of(i));
                format!("{x:.1},{y:.1}")
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let value_at = |i: usize| (axes[i].value / max).clamp(0.0, 1.0);
    let steps = max.round().max(1.0) as usize;
    for ring in 1..=steps {
        let fraction = ring as f64 / steps as f64;
        let _ = write!(
            svg,
            r#"<polygon class="radar-ring" points="{}"/>"#,
            polygon(&|_| fraction)
        );
    }
    for (index, axis) in axes.iter().enumerate() {
        let (x, y) = point(index, 1.0);
        let _ = write!(
            svg,
            r#"<line class="radar-spoke" x1="{center}" y1="{center}" x2="{x:.1}" y2="{y:.1}"/>"#
        );
        let (lx, ly) = point(index, 1.12);
        let anchor = if (lx - center).abs() < 1.0 {
            "middle"
        } else if lx > center {
            "start"
        } else {
            "end"
        };
        let lines = wrap(axis.label, 16);
        // Labels above the centre grow upwards, below it downwards.
        let first_y = if ly < center - 1.0 {
            ly - 14.0 * (lines.len() as f64 - 1.0)
        } else {
            ly + 8.0
        };
        let _ = write!(svg, r#"<text class="radar-label" text-anchor="{anchor}">"#);
        for (n, line) in lines.iter().enumerate() {
            let _ = write!(
                svg,
                r#"<tspan x="{lx:.1}" y="{:.1}">{}</tspan>"#,
                first_y + 14.0 * n as f64,
                escape(line)
            );
        }
        svg.push_str("</text>");
    }
    let _ = write!(
        svg,
        r#"<polygon class="radar-shape" points="{}"/>"#,
        polygon(&value_at)
    );
    for i in 0..axes.len() {
        let (x, y) = point(i, value_at(i));
        let _ = write!(
            svg,
            r#"<circle class="radar-dot" cx="{x:.1}" cy="{y:.1}" r="4"/>"#
        );
    }
    svg.push_str("</svg>");
    svg
}

fn bars_svg(title: &str, axes: &[Axis], max: f64, id: &str) -> String {
    // One row per axis: the label (wrapped to two lines) on the left, the
    // bar on the right.
    let height = 52 * axes.len().max(1) + 8;
    let mut svg = format!(
        r#"<svg class="radar radar-bars" viewBox="0 0 520 {height}" role="img" aria-labelledby="{id}-title"><title id="{id}-title">{}</title>"#,
        escape(title)
    );
    for (index, axis) in axes.iter().enumerate() {
        let y = 8 + index * 52;
        let width = 300.0 * (axis.value / max).clamp(0.0, 1.0);
        let lines = wrap(axis.label, 22);
        let first_y = if lines.len() > 1 { y + 12 } else { y + 21 };
        svg.push_str(r#"<text class="radar-label">"#);
        for (n, line) in lines.iter().take(2).enumerate() {
            let _ = write!(
                svg,
                r#"<tspan x="0" y="{}">{}</tspan>"#,
                first_y + 17 * n,
                escape(line)
            );
        }
        let _ = write!(
            svg,
            r#"</text><rect class="radar-ring" x="210" y="{y}" width="300" height="26" rx="4"/><rect class="radar-shape" x="210" y="{y}" width="{width:.1}" height="26" rx="4"/>"#
        );
    }
    svg.push_str("</svg>");
    svg
}

/// Splits a label into lines of at most `width` characters, at spaces.
fn wrap(label: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in label.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    if lines.is_empty() {
        lines.push(String::new());
    }
    lines
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn radar_has_a_title_a_shape_and_one_label_per_axis() {
        let axes = [
            Axis {
                label: "SLO <practice>",
                value: 5.0,
            },
            Axis {
                label: "Observability",
                value: 4.0,
            },
            Axis {
                label: "Influence",
                value: 2.0,
            },
        ];
        let svg = radar_svg("Emphasis of SLO Guard", &axes, 5.0, "r1");
        assert!(svg.contains(r#"<title id="r1-title">Emphasis of SLO Guard</title>"#));
        assert_eq!(svg.matches("radar-label").count(), 3);
        assert_eq!(svg.matches("radar-ring").count(), 5);
        assert!(svg.contains("SLO &lt;practice&gt;"));
        // The first axis points straight up at full value.
        assert!(
            svg.contains(r#"<circle class="radar-dot" cx="210.0" cy="92.0""#),
            "{svg}"
        );
    }

    #[test]
    fn long_labels_wrap_at_spaces() {
        assert_eq!(
            wrap("SLOs, error budgets and toil", 16),
            ["SLOs, error", "budgets and toil"]
        );
        assert_eq!(wrap("Observability", 16), ["Observability"]);
    }

    #[test]
    fn two_axes_fall_back_to_bars() {
        let axes = [
            Axis {
                label: "A",
                value: 1.0,
            },
            Axis {
                label: "B",
                value: 5.0,
            },
        ];
        assert!(radar_svg("t", &axes, 5.0, "x").contains("radar-bars"));
    }
}
