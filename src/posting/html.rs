//! A posting as HTML: the description fragment job boards read (the
//! JSON-LD's `description`, an ATS's rich-text field) and, for `ladderbook
//! role --format html`, a page of its own with the site's stylesheet and
//! the JSON-LD in it. Text from the book is escaped; rendered Markdown is
//! the book's own HTML with its links made absolute against `root`.

use std::fmt::Write as _;

use super::compose::{Fragment, Posting};
use super::{Words, jsonld};
use crate::markdown::relativize;
use crate::report::html::{escape, render_page};

/// Rendered Markdown with its links against `root`.
fn linked(fragment: &Fragment, root: &str) -> String {
    relativize(fragment.html, root)
}

/// The posting's text: the body, then the three sections and the band.
pub fn description(posting: &Posting, words: &Words, root: &str) -> String {
    let mut out = linked(&posting.body, root);
    out.push_str(&what_you_will_do(posting, words, root));
    out.push_str(&what_we_look_for(posting, words, root));
    out.push_str(&how_we_interview(posting, words));
    if let Some(band) = &posting.band {
        let _ = write!(
            out,
            "<h2>{}</h2>\n<p>{}</p>\n",
            escape(words.get("role_salary")),
            escape(&words.band(band))
        );
    }
    out
}

fn what_you_will_do(posting: &Posting, words: &Words, root: &str) -> String {
    let mut out = format!("<h2>{}</h2>\n", escape(words.get("role_what_you_will_do")));
    if let Some(summary) = &posting.summary {
        let _ = writeln!(out, "<p>{}</p>", linked(summary, root));
    }
    for area in &posting.duties {
        if !area.area.is_empty() {
            let _ = writeln!(out, "<h3>{}</h3>", escape(area.area));
        }
        out.push_str("<ul>\n");
        for duty in &area.competencies {
            for item in &duty.items {
                let _ = writeln!(out, "<li>{}</li>", linked(item, root));
            }
        }
        out.push_str("</ul>\n");
    }
    let full = words.fill("role_full_level", &[("level", posting.level.name)]);
    let _ = writeln!(
        out,
        "<p><a href=\"{}{}\">{}</a></p>",
        escape(root),
        posting.level.path,
        escape(&full)
    );
    out
}

fn what_we_look_for(posting: &Posting, words: &Words, root: &str) -> String {
    let mut out = format!("<h2>{}</h2>\n", escape(words.get("role_what_we_look_for")));
    if let Some(years) = posting.years {
        let _ = writeln!(
            out,
            "<p>{}</p>",
            escape(&words.fill("role_experience", &[("years", years)]))
        );
    }
    if let Some(archetype) = &posting.archetype {
        let _ = writeln!(
            out,
            "<p>{}</p>",
            escape(&format!("{} {}", words.get("role_profile"), archetype.name))
        );
    }
    out.push_str("<ul>\n");
    for quality in &posting.qualities {
        let _ = write!(
            out,
            "<li><strong>{}</strong>",
            escape(quality.competency.name)
        );
        if let Some(summary) = &quality.summary {
            let _ = write!(out, ": {}", linked(summary, root));
        }
        if let Some(bar) = &quality.bar {
            let _ = write!(
                out,
                "<div class=\"role-bar\">{} {}</div>",
                escape(words.get("role_bar")),
                linked(bar, root)
            );
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n");
    out
}

fn how_we_interview(posting: &Posting, words: &Words) -> String {
    if posting.interviews.is_empty() {
        return String::new();
    }
    let mut out = format!(
        "<h2>{}</h2>\n<ol>\n",
        escape(words.get("role_how_we_interview"))
    );
    for step in &posting.interviews {
        let _ = writeln!(out, "<li>{}</li>", escape(&words.step(step)));
    }
    out.push_str("</ol>\n");
    if let Some(total) = words.loop_total(posting) {
        let _ = writeln!(out, "<p>{}</p>", escape(&total));
    }
    out
}

/// The posting's facts (level, team, place, employment, dates), one
/// `<dt>`/`<dd>` pair each.
pub fn facts(posting: &Posting, words: &Words) -> String {
    let mut out = String::from("<dl class=\"role-facts\">\n");
    for (label, value) in super::text::fact_lines(posting, words) {
        let _ = writeln!(
            out,
            "<dt>{}</dt><dd>{}</dd>",
            escape(&label),
            escape(&value)
        );
    }
    out.push_str("</dl>\n");
    out
}

/// `ladderbook role --format html`: one self-contained page, links
/// against `root` (the book's `base-url`, or none).
pub fn page(posting: &Posting, words: &Words, language: &str, root: &str) -> String {
    let mut body = format!(
        "<div class=\"role-page\">\n<h1>{}</h1>\n",
        escape(posting.title)
    );
    if let Some(org) = posting.organization {
        let _ = writeln!(body, "<p class=\"lede\">{}</p>", escape(&org.name));
    }
    body.push_str(&facts(posting, words));
    if let Some(apply) = posting.apply {
        let _ = writeln!(
            body,
            "<p><a href=\"{}\">{}</a></p>",
            escape(apply),
            escape(words.get("role_apply"))
        );
    }
    body.push_str(&description(posting, words, root));
    let _ = writeln!(
        body,
        "<script type=\"application/ld+json\">{}</script>",
        jsonld::script(posting, words, root)
    );
    body.push_str("</div>\n");
    let page = render_page(posting.title, language, &body);
    // The role page's own rules, as the site's role pages have them.
    let style = ROLE_STYLE
        .split_once("<style>")
        .map_or("", |(_, rest)| rest);
    page.replacen("</style>", style, 1)
}

/// The role pages' rules (a partial of the default theme).
const ROLE_STYLE: &str = include_str!("../../themes/default/templates/partials/role-style.html");
