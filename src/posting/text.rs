//! A posting as plain text, to paste where no markup is read: the facts,
//! the body as written, the sections as indented lists.

use std::fmt::Write as _;

use super::Words;
use super::compose::Posting;

/// The posting's facts as (label, value), in the order every format shows them.
pub fn fact_lines(posting: &Posting, words: &Words) -> Vec<(String, String)> {
    let mut lines = Vec::new();
    let mut push = |key: &str, value: String| lines.push((words.get(key).to_string(), value));
    let level = match posting.level_code {
        Some(code) => format!("{} ({code})", posting.level.name),
        None => posting.level.name.to_string(),
    };
    push("role_level", level);
    if let Some(team) = posting.team {
        push("role_team", team.to_string());
    }
    if let Some(place) = place(posting, words) {
        push("role_location", place);
    }
    if !posting.employment_types.is_empty() {
        let kinds: Vec<String> = posting
            .employment_types
            .iter()
            .map(|e| words.employment(e))
            .collect();
        push("role_employment", kinds.join(", "));
    }
    if let Some(band) = &posting.band {
        push("role_salary", words.band(band));
    }
    if let Some(posted) = posting.posted {
        push("role_posted", posted.to_string());
    }
    if let Some(until) = posting.valid_through {
        push("role_valid_through", until.to_string());
    }
    lines
}

/// Where the work is: the locations, and whether it is remote or hybrid.
pub fn place(posting: &Posting, words: &Words) -> Option<String> {
    let places = posting.locations.join("; ");
    match (places.is_empty(), posting.remote) {
        (true, None) => None,
        (true, Some(remote)) => Some(words.remote(remote).to_string()),
        (false, None) => Some(places),
        (false, Some(remote)) => Some(format!("{places} ({})", words.remote(remote))),
    }
}

/// `ladderbook role --format text`.
pub fn render(posting: &Posting, words: &Words, root: &str) -> String {
    let mut out = format!(
        "{}\n{}\n",
        posting.title,
        "=".repeat(posting.title.chars().count())
    );
    if let Some(org) = posting.organization {
        let _ = writeln!(out, "{}", org.name);
    }
    out.push('\n');
    for (label, value) in fact_lines(posting, words) {
        let _ = writeln!(out, "{label}: {value}");
    }
    if let Some(apply) = posting.apply {
        let _ = writeln!(out, "{}: {apply}", words.get("role_apply"));
    }
    let body = super::markdown::with_links(posting.body.markdown, posting, root);
    let body = body.trim();
    if !body.is_empty() {
        let _ = write!(out, "\n{body}\n");
    }
    section(&mut out, words.get("role_what_you_will_do"));
    if let Some(summary) = &posting.summary {
        let _ = writeln!(out, "{}\n", summary.plain.trim());
    }
    for area in &posting.duties {
        if !area.area.is_empty() {
            let _ = writeln!(out, "{}:", area.area);
        }
        for duty in &area.competencies {
            for item in &duty.items {
                let _ = writeln!(out, "  - {}", item.plain.trim());
            }
        }
    }
    section(&mut out, words.get("role_what_we_look_for"));
    if let Some(years) = posting.years {
        let _ = writeln!(
            out,
            "{}",
            words.fill("role_experience", &[("years", years)])
        );
    }
    for quality in &posting.qualities {
        let mut line = format!("  - {}", quality.competency.name);
        if let Some(summary) = &quality.summary {
            let _ = write!(line, ": {}", summary.plain.trim());
        }
        let _ = writeln!(out, "{line}");
    }
    if !posting.interviews.is_empty() {
        section(&mut out, words.get("role_how_we_interview"));
        for (n, step) in posting.interviews.iter().enumerate() {
            let _ = writeln!(out, "  {}. {}", n + 1, words.step(step));
        }
    }
    out
}

fn section(out: &mut String, title: &str) {
    let _ = write!(out, "\n{title}\n{}\n", "-".repeat(title.chars().count()));
}
