//! The role page (a job posting with its JSON-LD) and the list of roles
//! (issue 23). The posting itself is composed in `posting`; this file
//! only adds what the page shows around it, in the book's words.

use serde::Serialize;

use super::{Link, link};
use crate::content::model::Book;
use crate::posting::{Posting, Words, compose, jsonld};
use crate::strings::Strings;

#[derive(Serialize)]
pub struct Fact {
    pub label: String,
    pub value: String,
}

#[derive(Serialize)]
pub struct RoleView<'a> {
    pub posting: Posting<'a>,
    pub facts: Vec<Fact>,
    /// "Read the full level: …".
    pub full_level: String,
    pub experience: Option<String>,
    /// The band in words: "80,000–100,000 EUR a year".
    pub band: Option<String>,
    pub loop_total: Option<String>,
    /// The `JobPosting` for `<script type="application/ld+json">`, safe
    /// to write as it is.
    pub jsonld: String,
}

/// The page of `book.roles[index]`; `root` is the page's way back to the
/// site root, for the links inside the JSON-LD (which the page's marker
/// pass cannot reach: they are escaped JSON).
pub fn role<'a>(book: &'a Book, index: usize, strings: &Strings, root: &str) -> RoleView<'a> {
    let posting = compose(book, index);
    let words = Words(strings);
    let jsonld_root = book.config.site.base_url.as_deref().unwrap_or(root);
    RoleView {
        facts: crate::posting::text::fact_lines(&posting, &words)
            .into_iter()
            .map(|(label, value)| Fact { label, value })
            .collect(),
        full_level: words.fill("role_full_level", &[("level", posting.level.name)]),
        experience: posting
            .years
            .map(|years| words.fill("role_experience", &[("years", years)])),
        band: posting.band.as_ref().map(|band| words.band(band)),
        loop_total: words.loop_total(&posting),
        jsonld: jsonld::script(&posting, &words, jsonld_root),
        posting,
    }
}

#[derive(Serialize)]
pub struct RoleSummary<'a> {
    pub link: Link,
    pub level: Link,
    pub team: Option<&'a str>,
    pub place: Option<String>,
    pub salary: Option<String>,
}

/// One row per role, by title.
pub fn role_summaries<'a>(book: &'a Book, strings: &Strings) -> Vec<RoleSummary<'a>> {
    let words = Words(strings);
    (0..book.roles.len())
        .map(|index| {
            let posting = compose(book, index);
            let role = &book.roles[index];
            RoleSummary {
                link: link("roles", &role.id, &role.title),
                level: super::level_link(book, role.level),
                team: role.team.as_deref(),
                place: crate::posting::text::place(&posting, &words),
                salary: posting.band.as_ref().map(|band| words.band(band)),
            }
        })
        .collect()
}
