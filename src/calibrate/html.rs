//! The calibration as one self-contained HTML page (`report::html`, the
//! site's stylesheet inlined) with inline SVG charts (`report::svg`):
//! interviewer offsets with their intervals, and the distribution of every
//! dimension's ratings; each chart sits beside the table of its numbers.

use std::fmt::Write as _;

use crate::calibrate::calibration::Calibration;
use crate::calibrate::dimensions::DimensionKind;
use crate::calibrate::interviewers::InterviewerKind;
use crate::calibrate::scorecards::ScorecardStats;
use crate::calibrate::text::{
    DIMENSION_RIGHT, INTERVIEWER_HEADER, INTERVIEWER_RIGHT, dimension_cells, dimension_header,
    headline, interviewer_cells, missing_cell, notice_line,
};
use crate::report::html::{escape, render_page, table};
use crate::report::svg::{Bar, Interval, intervals, stacked_bars};

/// The whole report as an HTML page.
pub fn render_html(report: &Calibration, lang: &str) -> String {
    let mut body = String::new();
    let s = &report.summary;
    let _ = write!(
        body,
        "<h1>Interview calibration</h1>\n<p class=\"lede\">{} · {}, version <code>{}</code></p>\n",
        escape(&headline(report)),
        escape(&report.book.title),
        escape(&report.book.version)
    );
    body.push_str("<ul class=\"facts\">");
    for (figure, what) in [
        (s.loops, "loops"),
        (s.files, "scorecards"),
        (s.interviewers, "interviewers"),
        (s.decided, "loops with a decision"),
    ] {
        let _ = write!(
            body,
            "<li><strong>{figure}</strong><span>{what}</span></li>"
        );
    }
    body.push_str("</ul>\n<section class=\"findings\" aria-labelledby=\"findings\"><h2 id=\"findings\">Findings</h2>\n");
    if report.findings.is_empty() {
        body.push_str("<p>Nothing stands out.</p>");
    } else {
        body.push_str("<ul>");
        for finding in &report.findings {
            let _ = write!(body, "<li>{}</li>", escape(&finding.text));
        }
        body.push_str("</ul>");
    }
    body.push_str("</section>\n");
    interviewers(&mut body, report);
    for card in &report.scorecards {
        scorecard(&mut body, card);
    }
    if !report.notices.is_empty() {
        body.push_str("<section><h2>Filled against another version of the ladder</h2><ul>");
        for notice in &report.notices {
            let _ = write!(body, "<li>{}</li>", escape(&notice_line(notice)));
        }
        body.push_str("</ul></section>\n");
    }
    render_page(
        &format!("Interview calibration · {}", report.book.title),
        lang,
        &body,
    )
}

fn interviewers(body: &mut String, report: &Calibration) {
    body.push_str(
        "<section aria-labelledby=\"interviewers\"><h2 id=\"interviewers\">Interviewers</h2>\n",
    );
    let rows: Vec<Interval> = report
        .interviewers
        .iter()
        .filter_map(|r| {
            let o = r.offset.as_ref()?;
            Some(Interval {
                label: r.name.clone(),
                mean: o.mean,
                low: o.low,
                high: o.high,
                flagged: matches!(
                    r.judgement.kind,
                    InterviewerKind::Higher | InterviewerKind::Lower
                ),
                faint: r.judgement.kind == InterviewerKind::TooFew,
            })
        })
        .collect();
    if !rows.is_empty() {
        let _ = writeln!(
            body,
            "<figure>{}<figcaption>Each interviewer's mean offset from the rest of the panel \
             (same candidate, same dimension), in scale steps, with its 95% interval. \
             Faint: too few loops to judge.</figcaption></figure>",
            intervals(
                "Interviewer offsets from their panels",
                "steps above (+) or below (−) the panel",
                &rows
            )
        );
    }
    let cells: Vec<Vec<String>> = report
        .interviewers
        .iter()
        .map(|r| {
            let flag = matches!(
                r.judgement.kind,
                InterviewerKind::Higher | InterviewerKind::Lower
            );
            let few = r.judgement.kind == InterviewerKind::TooFew;
            interviewer_cells(r)
                .iter()
                .enumerate()
                .map(|(i, c)| match i {
                    7 if flag => format!("<span class=\"flag\">{}</span>", escape(c)),
                    7 if few => format!("<span class=\"few\">{}</span>", escape(c)),
                    _ => escape(c),
                })
                .collect()
        })
        .collect();
    body.push_str(&table("", &INTERVIEWER_HEADER, &cells, &INTERVIEWER_RIGHT));
    body.push_str("</section>\n");
}

fn scorecard(body: &mut String, card: &ScorecardStats) {
    let _ = writeln!(
        body,
        "<section aria-labelledby=\"sc-{id}\"><h2 id=\"sc-{id}\">{} <span class=\"code\">{id}</span></h2>\
         <p class=\"lede\">{} loops, {} scorecards</p>",
        escape(&card.title),
        card.loops,
        card.files,
        id = escape(&card.id),
    );
    let steps: Vec<String> = card.scale.iter().map(|s| s.label.clone()).collect();
    let bars: Vec<Bar> = card
        .dimensions
        .iter()
        .map(|d| Bar {
            label: d.name.clone(),
            counts: d.distribution.clone(),
            flagged: matches!(
                d.judgement.kind,
                DimensionKind::NeverVaries | DimensionKind::LowAgreement
            ),
        })
        .collect();
    let _ = writeln!(
        body,
        "<h3>Dimensions</h3><figure>{}<figcaption>How each dimension was rated across all loops; \
         the number is how many ratings. ⚑ never varies or low agreement.</figcaption></figure>",
        stacked_bars(
            &format!("Ratings per dimension of {}", card.title),
            &steps,
            &bars
        )
    );
    let mut header = dimension_header(card);
    header[1] = "Ratings".to_string();
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    let cells: Vec<Vec<String>> = card
        .dimensions
        .iter()
        .map(|d| {
            let flag = matches!(
                d.judgement.kind,
                DimensionKind::NeverVaries | DimensionKind::LowAgreement
            );
            dimension_cells(d)
                .iter()
                .enumerate()
                .map(|(i, c)| match i {
                    5 if flag => format!("<span class=\"flag\">{}</span>", escape(c)),
                    5 if d.judgement.kind == DimensionKind::TooFew => {
                        format!("<span class=\"few\">{}</span>", escape(c))
                    }
                    _ => escape(c),
                })
                .collect()
        })
        .collect();
    let caption = format!("Ratings per step, low to high: {}.", steps.join(" / "));
    body.push_str(&table(&caption, &header, &cells, &DIMENSION_RIGHT));
    body.push_str("<h3>Interviews</h3>");
    let cells: Vec<Vec<String>> = card
        .interviews
        .iter()
        .map(|i| {
            vec![
                format!(
                    "{} <span class=\"code\">{}</span>",
                    escape(&i.title),
                    escape(&i.id)
                ),
                escape(&missing_cell(i.held, card.loops, &i.missing_from)),
            ]
        })
        .collect();
    body.push_str(&table("", &["Interview", "Loops"], &cells, &[]));
    if !card.not_rated.is_empty() {
        body.push_str("<h3>Expected, never rated</h3><p>Competencies the scorecard's levels expect that no loop rated:</p><ul>");
        for n in &card.not_rated {
            let why = if n.dimension {
                "a dimension no interviewer rated"
            } else {
                "not a dimension of the scorecard"
            };
            let _ = write!(
                body,
                "<li>{} <span class=\"muted\">({why})</span></li>",
                escape(&n.name)
            );
        }
        body.push_str("</ul>");
    }
    body.push_str("</section>\n");
}
