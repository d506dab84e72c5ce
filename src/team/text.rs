//! The team report for a terminal: one aligned table per section, colour
//! only when wanted. The rows built here are the Markdown and HTML tables'
//! too (each format escapes them its own way).

use crate::report::terminal::{Cell, Tone, clean, table_in_tones};
use crate::team::report::{Cell as Heat, PersonRow, Team};

/// The heatmap's cell text: the mean rating, with ✓ when every expectation
/// of the competency is met; `·` where the person's level expects none.
pub fn heat_text(cell: &Option<Heat>) -> String {
    match cell {
        Some(c) if c.meets => format!("{:.1} ✓", c.mean),
        Some(c) => format!("{:.1}", c.mean),
        None => "·".to_string(),
    }
}

fn heat_tone(cell: &Option<Heat>) -> Tone {
    match cell {
        Some(c) if c.meets => Tone::Good,
        Some(c) if c.mean < 1.0 => Tone::Bad,
        Some(_) => Tone::Warn,
        None => Tone::Dim,
    }
}

/// What the heatmap, coverage and specialisms rate people against, in one
/// sentence (every format says it).
pub fn rated_against_rule(report: &Team) -> String {
    match &report.rated_against.level {
        Some(level) => format!(
            "Everyone is rated against {} (--level {}), the level the team needs.",
            level.label, level.id
        ),
        None => "Each person is rated against their current level where their file covers it, \
                 else against the level their file rates (--level rates everyone against one)."
            .to_string(),
    }
}

/// The level one person is rated against, with what their file lacks of it.
pub fn rated_against_person(person: &PersonRow) -> String {
    match person.not_in_file {
        0 => person.rated_against.label.clone(),
        n => format!(
            "{} ({n} of its expectations not in the file, counted as not yet)",
            person.rated_against.label
        ),
    }
}

/// One line under the title: people, files' levels, findings in numbers.
pub fn headline(report: &Team) -> String {
    let gaps = report.single_points_of_failure();
    let uncovered = report.uncovered_archetypes();
    format!(
        "{} · {} single points of failure · {} of {} archetypes covered by nobody",
        crate::report::count(report.people.len(), "person").replace("persons", "people"),
        gaps,
        uncovered,
        report.archetypes.len()
    )
}

/// The coverage table's rows (header first).
pub fn coverage_rows(report: &Team) -> Vec<Vec<String>> {
    let mut rows = vec![vec![
        "Competency".into(),
        "Held by".into(),
        "Of".into(),
        "Single point of failure".into(),
        "Could grow into it".into(),
    ]];
    for c in &report.coverage {
        rows.push(vec![
            c.name.clone(),
            names(&c.holders),
            c.assessed.to_string(),
            if c.single_point_of_failure { "yes" } else { "" }.into(),
            c.could_grow.join(", "),
        ]);
    }
    rows
}

/// The specialisms table's rows: archetypes × people, fits in percent.
pub fn archetype_rows(report: &Team) -> Vec<Vec<String>> {
    let mut header = vec!["Archetype".to_string()];
    header.extend(report.people.iter().map(|p| p.name.clone()));
    header.push("Covered by".into());
    let mut rows = vec![header];
    for a in &report.archetypes {
        let mut row = vec![a.name.clone()];
        row.extend(a.fits.iter().map(|f| percent(*f)));
        row.push(if a.covered_by.is_empty() {
            "nobody".into()
        } else {
            a.covered_by.join(", ")
        });
        rows.push(row);
    }
    rows
}

/// The readiness table's rows.
pub fn readiness_rows(report: &Team) -> Vec<Vec<String>> {
    let mut rows = vec![vec![
        "Person".into(),
        "Level".into(),
        "Met".into(),
        "Top gaps".into(),
    ]];
    for r in &report.readiness {
        let gaps = r
            .gaps
            .iter()
            .map(|g| {
                format!(
                    "{} ({})",
                    g.competency,
                    g.rating.unwrap_or("not rated").replace('-', " ")
                )
            })
            .collect::<Vec<_>>()
            .join("; ");
        rows.push(vec![
            r.person.clone(),
            r.level.label.clone(),
            format!("{} of {} ({})", r.met, r.total, percent(Some(r.share))),
            gaps,
        ]);
    }
    rows
}

pub fn percent(fit: Option<f64>) -> String {
    fit.map_or("–".into(), |f| format!("{:.0}%", f * 100.0))
}

fn names(list: &[String]) -> String {
    if list.is_empty() {
        "nobody".into()
    } else {
        list.join(", ")
    }
}

fn plain_table(rows: Vec<Vec<String>>, right: &[bool], colour: bool) -> String {
    let rows: Vec<Vec<Cell>> = rows
        .into_iter()
        .map(|row| row.into_iter().map(|c| Cell::from(clean(&c))).collect())
        .collect();
    table_in_tones(&rows, 1, right, colour)
}

/// The whole report as terminal text.
pub fn render_text(report: &Team, colour: bool) -> String {
    let bold = |t: &str| crate::report::terminal::paint(t, Tone::Bold, colour);
    let mut out = format!(
        "{}\n{}\n\n",
        bold(&format!("Team review · {}", clean(&report.book.title))),
        headline(report)
    );
    out.push_str(&bold(
        "Heatmap: mean rating per competency (0 not yet – 3 beyond; ✓ all met)",
    ));
    out.push('\n');
    let mut header = vec![Cell::from("Competency")];
    header.extend(report.people.iter().map(|p| Cell::from(clean(&p.name))));
    let mut rows = vec![header];
    for (c, competency) in report.competencies.iter().enumerate() {
        let mut row = vec![Cell::from(competency.name.as_str())];
        row.extend(
            report
                .people
                .iter()
                .map(|p| Cell::new(heat_text(&p.heatmap[c]), heat_tone(&p.heatmap[c]))),
        );
        rows.push(row);
    }
    let right: Vec<bool> = (0..=report.people.len()).map(|i| i > 0).collect();
    out.push_str(&table_in_tones(&rows, 1, &right, colour));
    out.push_str(&rated_against_rule(report));
    out.push_str("\nRated against: ");
    let levels: Vec<String> = report
        .people
        .iter()
        .map(|p| format!("{} {}", clean(&p.name), rated_against_person(p)))
        .collect();
    out.push_str(&levels.join("; "));
    out.push_str("\n\n");
    out.push_str(&bold("Coverage"));
    out.push('\n');
    out.push_str(&plain_table(
        coverage_rows(report),
        &[false, false, true],
        colour,
    ));
    out.push('\n');
    out.push_str(&bold("Specialisms: fit to each archetype's emphasis"));
    out.push('\n');
    let right: Vec<bool> = (0..=report.people.len()).map(|i| i > 0).collect();
    out.push_str(&plain_table(archetype_rows(report), &right, colour));
    out.push('\n');
    out.push_str(&bold("Readiness for the level rated"));
    out.push('\n');
    if report.readiness.is_empty() {
        out.push_str("No file rates a level above its person's current level.\n");
    } else {
        out.push_str(&plain_table(
            readiness_rows(report),
            &[false, false, true],
            colour,
        ));
    }
    disagreements(&mut out, report, colour);
    notices(&mut out, report);
    out
}

fn disagreements(out: &mut String, report: &Team, colour: bool) {
    out.push('\n');
    out.push_str(&crate::report::terminal::paint(
        "Self vs manager",
        Tone::Bold,
        colour,
    ));
    out.push('\n');
    if report.disagreements.is_empty() {
        out.push_str(
            "No person has both a self-assessment and a manager's assessment of one level.\n",
        );
    }
    for d in &report.disagreements {
        out.push_str(&format!(
            "{} ({}): {} two or more steps apart, {} one step, {} agreed; self − manager {:+.2}\n",
            clean(&d.person),
            d.level.label,
            d.apart.len(),
            d.one_step,
            d.agreed,
            d.mean_difference
        ));
        for a in &d.apart {
            out.push_str(&format!(
                "  {}: self {}, manager {}: {}\n",
                a.competency,
                a.self_rating,
                a.manager,
                clean(&a.text)
            ));
        }
    }
}

fn notices(out: &mut String, report: &Team) {
    if report.notices.is_empty() {
        return;
    }
    out.push_str("\nMade against another version of the ladder:\n");
    for n in &report.notices {
        out.push_str(&format!(
            "  {} ({}){}\n",
            clean(&n.file),
            n.filled_version,
            removed(&n.removed)
        ));
    }
}

pub fn removed(keys: &[String]) -> String {
    if keys.is_empty() {
        String::new()
    } else {
        format!("; no longer in the ladder: {}", keys.join(", "))
    }
}
