//! The team report as GitHub-flavoured Markdown, for a review document.

use crate::report::markdown::{escape, header, row};
use crate::team::report::Team;
use crate::team::text::{
    archetype_rows, coverage_rows, headline, heat_text, rated_against_person, rated_against_rule,
    readiness_rows, removed,
};

fn table(out: &mut String, rows: &[Vec<String>], right: &[bool]) {
    let escaped: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|c| escape(c)).collect())
        .collect();
    header(out, &escaped[0], right);
    for r in &escaped[1..] {
        row(out, r);
    }
    out.push('\n');
}

pub fn render_markdown(report: &Team) -> String {
    let mut out = format!(
        "# Team review · {}\n\n{}\n\n## Heatmap\n\nMean rating per competency (0 not yet – 3 beyond; ✓ every expectation met). {}\n\n",
        escape(&report.book.title),
        escape(&headline(report)),
        escape(&rated_against_rule(report))
    );
    let mut rows = vec![{
        let mut h = vec!["Competency".to_string()];
        h.extend(
            report
                .people
                .iter()
                .map(|p| format!("{} ({})", p.name, rated_against_person(p))),
        );
        h
    }];
    for (c, competency) in report.competencies.iter().enumerate() {
        let mut r = vec![competency.name.clone()];
        r.extend(report.people.iter().map(|p| heat_text(&p.heatmap[c])));
        rows.push(r);
    }
    let right: Vec<bool> = (0..=report.people.len()).map(|i| i > 0).collect();
    table(&mut out, &rows, &right);
    out.push_str("## Coverage\n\n");
    table(&mut out, &coverage_rows(report), &[false, false, true]);
    out.push_str("## Specialisms\n\n");
    table(&mut out, &archetype_rows(report), &right);
    out.push_str("## Readiness\n\n");
    if report.readiness.is_empty() {
        out.push_str("No file rates a level above its person's current level.\n\n");
    } else {
        table(&mut out, &readiness_rows(report), &[false, false, true]);
    }
    out.push_str("## Self vs manager\n\n");
    if report.disagreements.is_empty() {
        out.push_str(
            "No person has both a self-assessment and a manager's assessment of one level.\n",
        );
    }
    for d in &report.disagreements {
        out.push_str(&format!(
            "**{}** ({}): {} two or more steps apart, {} one step, {} agreed; self − manager {:+.2}.\n\n",
            escape(&d.person),
            escape(&d.level.label),
            d.apart.len(),
            d.one_step,
            d.agreed,
            d.mean_difference
        ));
        for a in &d.apart {
            out.push_str(&format!(
                "- {}: self *{}*, manager *{}*: {}\n",
                escape(&a.competency),
                a.self_rating,
                a.manager,
                escape(&a.text)
            ));
        }
        out.push('\n');
    }
    if !report.notices.is_empty() {
        out.push_str("## Made against another version of the ladder\n\n");
        for n in &report.notices {
            out.push_str(&format!(
                "- {} (`{}`){}\n",
                escape(&n.file),
                escape(&n.filled_version),
                escape(&removed(&n.removed))
            ));
        }
    }
    out
}
