//! The team report as one self-contained HTML page (`report::html`, the
//! site's stylesheet inlined, no script): the heatmap as an inline SVG
//! (`report::svg::heatmap`) beside its numbers, then coverage, specialisms,
//! readiness and self vs manager as tables. Personal data: a file to keep,
//! never a page of the site.

use std::fmt::Write as _;

use crate::report::html::{escape, render_page, table};
use crate::report::svg::{Grid, heatmap};
use crate::team::report::Team;
use crate::team::text::{
    archetype_rows, coverage_rows, heat_text, rated_against_person, rated_against_rule,
    readiness_rows, removed,
};

/// The whole report as an HTML page.
pub fn render_html(report: &Team, lang: &str) -> String {
    let mut body = String::new();
    let _ = write!(
        body,
        "<h1>Team review</h1>\n<p class=\"lede\">{} · version <code>{}</code></p>\n",
        escape(&report.book.title),
        escape(&report.book.version)
    );
    facts(&mut body, report);
    heatmap_section(&mut body, report);
    let escaped = |rows: Vec<Vec<String>>| -> (Vec<String>, Vec<Vec<String>>) {
        let mut rows = rows.into_iter();
        let head = rows.next().unwrap_or_default();
        (
            head,
            rows.map(|r| r.iter().map(|c| escape(c)).collect())
                .collect(),
        )
    };
    let (head, mut rows) = escaped(coverage_rows(report));
    for row in &mut rows {
        if row[3] == "yes" {
            row[3] = "<span class=\"spof\">yes</span>".into();
        }
    }
    section(
        &mut body,
        "coverage",
        "Coverage",
        "Who meets every expectation of each competency at the level each person is rated against (see the heatmap). Held by one person or nobody: a single point of failure, with the two closest to holding it.",
        &head,
        &rows,
        &[false, false, true],
    );
    let (head, rows) = escaped(archetype_rows(report));
    let right: Vec<bool> = (0..head.len())
        .map(|i| i > 0 && i + 1 < head.len())
        .collect();
    section(
        &mut body,
        "specialisms",
        "Specialisms",
        "How well each person's ratings fit each archetype's emphasis (100% = consistently everywhere it leans). From 85% a person covers the archetype.",
        &head,
        &rows,
        &right,
    );
    let (head, rows) = escaped(readiness_rows(report));
    section(
        &mut body,
        "readiness",
        "Readiness",
        "Files that rate a level above the person's current one, most ready first, with the largest gaps.",
        &head,
        &rows,
        &[false, false, true],
    );
    disagreements(&mut body, report);
    if !report.notices.is_empty() {
        body.push_str("<section><h2>Made against another version of the ladder</h2><ul>");
        for n in &report.notices {
            let _ = write!(
                body,
                "<li>{} (<code>{}</code>){}</li>",
                escape(&n.file),
                escape(&n.filled_version),
                escape(&removed(&n.removed))
            );
        }
        body.push_str("</ul></section>\n");
    }
    render_page(&format!("Team review · {}", report.book.title), lang, &body)
}

fn facts(body: &mut String, report: &Team) {
    let spof = report.single_points_of_failure();
    let uncovered = report.uncovered_archetypes();
    body.push_str("<ul class=\"facts\">");
    for (figure, what) in [
        (report.people.len(), "people"),
        (report.competencies.len(), "competencies"),
        (spof, "single points of failure"),
        (uncovered, "archetypes covered by nobody"),
    ] {
        let _ = write!(
            body,
            "<li><strong>{figure}</strong><span>{what}</span></li>"
        );
    }
    body.push_str("</ul>\n");
}

fn heatmap_section(body: &mut String, report: &Team) {
    let rows: Vec<String> = report.competencies.iter().map(|c| c.name.clone()).collect();
    let columns: Vec<String> = report.people.iter().map(|p| p.name.clone()).collect();
    let cells: Vec<Vec<Option<(f64, String)>>> = (0..rows.len())
        .map(|c| {
            report
                .people
                .iter()
                .map(|p| {
                    p.heatmap[c]
                        .as_ref()
                        .map(|h| (h.mean, heat_text(&p.heatmap[c])))
                })
                .collect()
        })
        .collect();
    let grid = Grid {
        rows: &rows,
        columns: &columns,
        cells: &cells,
        max: 3.0,
    };
    let _ = write!(
        body,
        "<section aria-labelledby=\"heatmap\"><h2 id=\"heatmap\">Heatmap</h2>\n<p class=\"muted\">Mean rating per competency, 0 not yet to 3 beyond; ✓ every expectation met. {}</p><ul class=\"muted small\">",
        escape(&rated_against_rule(report))
    );
    for p in &report.people {
        let by = match (p.perspective, &p.assessor) {
            (Some("self"), _) => "self-assessment".to_string(),
            (_, Some(assessor)) => format!("assessed by {}", escape(assessor)),
            (Some(perspective), None) => format!("{perspective}'s assessment"),
            (None, None) => "assessor not said".into(),
        };
        let _ = write!(
            body,
            "<li>{}: {} ({by})</li>",
            escape(&p.name),
            escape(&rated_against_person(p))
        );
    }
    body.push_str("</ul>\n<figure>");
    body.push_str(&heatmap(
        "Heatmap of mean ratings, competencies by person",
        &grid,
    ));
    body.push_str("</figure>\n<details><summary>The heatmap's numbers</summary>\n");
    let mut head = vec!["Competency".to_string()];
    head.extend(columns.iter().cloned());
    let rows: Vec<Vec<String>> = rows
        .iter()
        .zip(&cells)
        .map(|(name, cells)| {
            let mut row = vec![escape(name)];
            row.extend(
                cells
                    .iter()
                    .map(|c| c.as_ref().map_or("·".into(), |(_, t)| escape(t))),
            );
            row
        })
        .collect();
    let head: Vec<&str> = head.iter().map(String::as_str).collect();
    let right: Vec<bool> = (0..head.len()).map(|i| i > 0).collect();
    body.push_str(&table("", &head, &rows, &right));
    body.push_str("</details></section>\n");
}

fn section(
    body: &mut String,
    id: &str,
    title: &str,
    intro: &str,
    head: &[String],
    rows: &[Vec<String>],
    right: &[bool],
) {
    let _ = write!(
        body,
        "<section aria-labelledby=\"{id}\"><h2 id=\"{id}\">{title}</h2>\n<p class=\"muted\">{intro}</p>\n"
    );
    if rows.is_empty() {
        body.push_str("<p>Nothing to show.</p>");
    } else {
        let head: Vec<&str> = head.iter().map(String::as_str).collect();
        body.push_str(&table("", &head, rows, right));
    }
    body.push_str("</section>\n");
}

fn disagreements(body: &mut String, report: &Team) {
    body.push_str("<section aria-labelledby=\"versus\"><h2 id=\"versus\">Self vs manager</h2>\n");
    if report.disagreements.is_empty() {
        body.push_str(
            "<p>No person has both a self-assessment and a manager's assessment of one level.</p>",
        );
    }
    for d in &report.disagreements {
        let _ = write!(
            body,
            "<h3>{} <span class=\"muted small\">{}</span></h3><p>{} two or more steps apart, {} one step, {} agreed; self − manager {:+.2} on average.</p>",
            escape(&d.person),
            escape(&d.level.label),
            d.apart.len(),
            d.one_step,
            d.agreed,
            d.mean_difference
        );
        let rows: Vec<Vec<String>> = d
            .apart
            .iter()
            .map(|a| {
                let notes = |n: &Option<String>| {
                    n.as_deref().map_or(String::new(), |n| {
                        format!("<br><span class=\"notes\">{}</span>", escape(n))
                    })
                };
                vec![
                    format!(
                        "{}<br><span class=\"notes\">{}</span>",
                        escape(&a.competency),
                        escape(&a.text)
                    ),
                    format!("{}{}", a.self_rating, notes(&a.self_notes)),
                    format!("{}{}", a.manager, notes(&a.manager_notes)),
                ]
            })
            .collect();
        if !rows.is_empty() {
            body.push_str(&table("", &["Expectation", "Self", "Manager"], &rows, &[]));
        }
    }
    body.push_str("</section>\n");
}
