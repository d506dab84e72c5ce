//! Roles → job postings (issue 23): `ladderbook role` and the site's role
//! pages. A pure core in the house's "inputs in, report out" shape:
//!
//! 1. `band`: the pay band a role publishes (one function, so pay bands
//!    can later take the role's place as its source);
//! 2. `compose`: a role of the [`Book`](crate::content::model::Book) → one
//!    [`Posting`], its sections composed from the level (summary,
//!    expectations by area, ordered by the archetype's emphasis), the
//!    scorecard (interviews, length, focus) and the role's own facts;
//! 3. one file per output: `jsonld` (the schema.org `JobPosting`), `html`
//!    (the fragment job boards read as the description, and the standalone
//!    page), `markdown`, `text`.
//!
//! Invariants: nothing here reads, writes or prints; every order is the
//! book's (deterministic); text from the book is escaped by each format;
//! links are given relative to a `root` the caller chooses (the page's way
//! back to the site root, or the published `base-url`).

pub mod band;
pub mod compose;
pub mod html;
pub mod jsonld;
pub mod markdown;
pub mod text;
mod words;

pub use band::{Band, salary_band};
pub use compose::{Posting, compose};
pub use words::Words;

use crate::content::model::Book;
use crate::decode::did_you_mean;

/// The output formats of `ladderbook role`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Text,
    Html,
    Json,
}

/// The index of the role `id`, or why there is none (with a hint).
pub fn find_role(book: &Book, id: &str) -> Result<usize, String> {
    if let Some(index) = book.roles.iter().position(|role| role.id == id) {
        return Ok(index);
    }
    let ids: Vec<&str> = book.roles.iter().map(|role| role.id.as_str()).collect();
    let help = match did_you_mean(id, &ids) {
        Some(close) => format!("did you mean `{close}`?"),
        None if ids.is_empty() => "the book has no roles: add one as content/roles/<id>.md".into(),
        None => format!("the roles are: {}", ids.join(", ")),
    };
    Err(format!("the book has no role `{id}`\n  help: {help}"))
}

/// The posting of `book.roles[index]` in `format`. Links point below the
/// book's `base-url` when it has one, else they are relative to the site root.
pub fn render(book: &Book, index: usize, format: Format) -> String {
    let posting = compose(book, index);
    let strings = crate::strings::merged(&[&book.config.strings]);
    let words = Words(&strings);
    let root = book.config.site.base_url.as_deref().unwrap_or("");
    match format {
        Format::Markdown => markdown::render(&posting, &words, root),
        Format::Text => text::render(&posting, &words, root),
        Format::Html => html::page(&posting, &words, &book.config.book.language, root),
        Format::Json => jsonld::json(&posting, &words, root),
    }
}
