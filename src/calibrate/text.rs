//! The calibration as text for a terminal: the findings first, then one
//! table per question, through `report::terminal` (colour only when wanted;
//! names from the files cleaned of control characters). The cell helpers
//! here are shared by the Markdown and HTML formats.

use std::fmt::Write as _;

use crate::calibrate::calibration::Calibration;
use crate::calibrate::dimensions::{DimensionKind, DimensionStats};
use crate::calibrate::interviewers::{InterviewerKind, InterviewerRow, Rate};
use crate::calibrate::scorecards::ScorecardStats;
use crate::calibrate::thresholds::THRESHOLDS;
use crate::filled::pinning::VersionNotice;
use crate::report::count;
use crate::report::svg::signed;
use crate::report::terminal::{Cell, Tone, clean, paint, table_in_tones};

/// Shown where a figure cannot be computed.
pub const NONE: &str = "—";

/// The whole report as text; `colour` adds ANSI colours.
pub fn render_text(report: &Calibration, colour: bool) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", paint(&headline(report), Tone::Bold, colour));
    let _ = writeln!(
        out,
        "Ladder: {}, version {}",
        report.book.title, report.book.version
    );
    out.push_str("\nFindings\n");
    if report.findings.is_empty() {
        out.push_str("  nothing stands out\n");
    }
    for finding in &report.findings {
        let _ = writeln!(
            out,
            "  {}",
            paint(&format!("! {}", clean(&finding.text)), Tone::Warn, colour)
        );
    }
    out.push_str("\nInterviewers\n");
    out.push_str(&interviewers_table(&report.interviewers, colour));
    for card in &report.scorecards {
        scorecard(&mut out, card, colour);
    }
    if !report.notices.is_empty() {
        let _ = writeln!(
            out,
            "\n{} filled against another version of the ladder (this book is version {}):",
            count(report.notices.len(), "file"),
            report.book.version
        );
        for notice in &report.notices {
            let _ = writeln!(out, "  {}", notice_line(notice));
        }
    }
    out
}

/// "Calibration of 20 loops (60 scorecards, 5 interviewers; 18 decided)".
pub fn headline(report: &Calibration) -> String {
    let s = &report.summary;
    format!(
        "Calibration of {} ({}, {}; {} with a decision)",
        count(s.loops, "loop"),
        count(s.files, "scorecard"),
        count(s.interviewers, "interviewer"),
        s.decided
    )
}

/// "3 of 40".
pub fn rate(rate: &Rate) -> String {
    if rate.of == 0 {
        NONE.to_string()
    } else {
        format!("{} of {}", rate.count, rate.of)
    }
}

/// The offset's mean, or the not-computed mark.
pub fn offset_cell(row: &InterviewerRow) -> String {
    row.offset
        .as_ref()
        .map_or(NONE.to_string(), |o| signed(o.mean))
}

/// "−0.2 to +0.6 (n 24)".
pub fn interval_cell(row: &InterviewerRow) -> String {
    row.offset.as_ref().map_or(NONE.to_string(), |o| {
        format!(
            "{} to {} (n {})",
            signed(o.low),
            signed(o.high),
            o.comparisons
        )
    })
}

pub fn interviewer_tone(row: &InterviewerRow) -> Tone {
    match row.judgement.kind {
        InterviewerKind::Higher | InterviewerKind::Lower => Tone::Bad,
        InterviewerKind::TooFew => Tone::Dim,
        InterviewerKind::InLine => Tone::Plain,
    }
}

pub fn dimension_tone(row: &DimensionStats) -> Tone {
    match row.judgement.kind {
        DimensionKind::NeverVaries | DimensionKind::LowAgreement => Tone::Bad,
        DimensionKind::TooFew => Tone::Dim,
        DimensionKind::Agrees => Tone::Plain,
    }
}

pub const INTERVIEWER_HEADER: [&str; 8] = [
    "Interviewer",
    "Loops",
    "Scorecards",
    "Offset",
    "95% interval",
    "Outlier",
    "Matched decision",
    "Judgement",
];
pub const INTERVIEWER_RIGHT: [bool; 8] = [false, true, true, true, true, true, true, false];

/// The cells of one interviewer's row (names cleaned, not escaped).
pub fn interviewer_cells(row: &InterviewerRow) -> [String; 8] {
    [
        clean(&row.name),
        row.loops.to_string(),
        row.scorecards.to_string(),
        offset_cell(row),
        interval_cell(row),
        rate(&row.outliers),
        rate(&row.matched_decision),
        row.judgement.text.clone(),
    ]
}

fn interviewers_table(rows: &[InterviewerRow], colour: bool) -> String {
    if rows.is_empty() {
        return "  no file names its interviewer\n".to_string();
    }
    let mut all = vec![INTERVIEWER_HEADER.map(Cell::from).to_vec()];
    for row in rows {
        let tone = interviewer_tone(row);
        let mut cells: Vec<Cell> = interviewer_cells(row).map(Cell::from).to_vec();
        cells[3].tone = tone;
        cells[7].tone = tone;
        all.push(cells);
    }
    table_in_tones(&all, 1, &INTERVIEWER_RIGHT, colour)
}

/// "2 / 10 / 30 / 5".
pub fn distribution_cell(row: &DimensionStats) -> String {
    row.distribution
        .iter()
        .map(usize::to_string)
        .collect::<Vec<_>>()
        .join(" / ")
}

/// Alpha only from enough loops: from fewer it would look surer than it is.
pub fn alpha_cell(row: &DimensionStats) -> String {
    match row.alpha {
        Some(a) if row.alpha_loops >= THRESHOLDS.min_loops => format!("{a:.2}"),
        Some(_) => "too few".to_string(),
        None => NONE.to_string(),
    }
}

/// "+0.8 (12 / 9 loops)": hired minus not hired, with both counts.
pub fn gap_cell(row: &DimensionStats) -> String {
    row.decision.as_ref().map_or(NONE.to_string(), |g| {
        format!(
            "{} ({} / {} loops)",
            signed(g.difference),
            g.hired_loops,
            g.not_hired_loops
        )
    })
}

/// The header of the dimensions table for a scale.
pub fn dimension_header(card: &ScorecardStats) -> [String; 6] {
    let steps: Vec<&str> = card.scale.iter().map(|s| s.label.as_str()).collect();
    [
        "Dimension".to_string(),
        format!("Ratings ({})", steps.join(" / ")),
        "Rated".to_string(),
        "α".to_string(),
        "Hired − not hired".to_string(),
        "Judgement".to_string(),
    ]
}
pub const DIMENSION_RIGHT: [bool; 6] = [false, true, true, true, true, false];

pub fn dimension_cells(row: &DimensionStats) -> [String; 6] {
    [
        row.name.clone(),
        distribution_cell(row),
        rate(&row.rated),
        alpha_cell(row),
        gap_cell(row),
        row.judgement.text.clone(),
    ]
}

/// "held in 18 of 20 loops; missing from Jo, Kim".
pub fn missing_cell(held: usize, loops: usize, missing: &[String]) -> String {
    if missing.is_empty() {
        return format!("held in {held} of {loops}");
    }
    let shown: Vec<String> = missing.iter().take(5).map(|c| clean(c)).collect();
    let more = if missing.len() > 5 {
        format!(" and {} more", missing.len() - 5)
    } else {
        String::new()
    };
    format!(
        "held in {held} of {loops}; missing from {}{more}",
        shown.join(", ")
    )
}

fn scorecard(out: &mut String, card: &ScorecardStats, colour: bool) {
    let _ = writeln!(
        out,
        "\n{}",
        paint(
            &format!(
                "Scorecard: {} ({}), {}, {}",
                card.title,
                card.id,
                count(card.loops, "loop"),
                count(card.files, "scorecard")
            ),
            Tone::Bold,
            colour
        )
    );
    out.push_str("\nInterviews\n");
    let mut rows = vec![vec![Cell::from("Interview"), Cell::from("Loops")]];
    for i in &card.interviews {
        rows.push(vec![
            Cell::from(format!("{} ({})", i.title, i.id)),
            Cell::from(missing_cell(i.held, card.loops, &i.missing_from)),
        ]);
    }
    out.push_str(&table_in_tones(&rows, 1, &[], colour));
    out.push_str("\nDimensions\n");
    let mut rows = vec![dimension_header(card).map(Cell::from).to_vec()];
    for d in &card.dimensions {
        let mut cells: Vec<Cell> = dimension_cells(d).map(Cell::from).to_vec();
        cells[5].tone = dimension_tone(d);
        rows.push(cells);
    }
    out.push_str(&table_in_tones(&rows, 1, &DIMENSION_RIGHT, colour));
    if !card.not_rated.is_empty() {
        out.push_str("\nExpected at the scorecard's levels, never rated in a loop:\n");
        for n in &card.not_rated {
            let why = if n.dimension {
                "a dimension no interviewer rated"
            } else {
                "not a dimension of the scorecard"
            };
            let _ = writeln!(out, "  {} ({}): {why}", n.name, n.competency);
        }
    }
}

/// One line per notice: the file and what changed under its ratings.
pub fn notice_line(notice: &VersionNotice) -> String {
    let mut parts = Vec::new();
    if !notice.changed.is_empty() {
        let names: Vec<&str> = notice.changed.iter().map(|c| c.name.as_str()).collect();
        parts.push(format!("changed: {}", names.join(", ")));
    }
    if !notice.removed.is_empty() {
        parts.push(format!("removed: {}", clean(&notice.removed.join(", "))));
    }
    if !notice.added.is_empty() {
        let names: Vec<&str> = notice.added.iter().map(|c| c.name.as_str()).collect();
        parts.push(format!("added: {}", names.join(", ")));
    }
    if parts.is_empty() {
        parts.push("the dimensions it rated are unchanged".to_string());
    }
    format!(
        "{} (version {}): {}",
        notice.file,
        clean(&notice.filled_version),
        parts.join("; ")
    )
}
