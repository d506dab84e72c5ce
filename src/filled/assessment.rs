//! One filled-in assessment (`ladderbook.assessment/1`, written by the
//! self-assessment page): its JSON text → an [`Assessment`] checked against
//! the book, or every problem of the file at its key path.
//!
//! The optional fields of issue 18 (`person`, `assessor`, `perspective`,
//! `current_level`) are read when present; files exported before them still
//! read. As with scorecards, fields this version does not know are ignored,
//! and a file made against another version of the ladder may rate an
//! expectation the level no longer has: that is a notice (`removed`), not an
//! error. The foundation ratings (the level below) are read by
//! `filled::foundation`, for a team report against another level.

use serde_json::{Map, Value};

use crate::content::item_keys::keyed_items;
use crate::content::model::Book;
use crate::diagnostics::Diagnostics;
use crate::filled::foundation::foundation_ratings;
use crate::filled::json::{Fields, Kind, hint, parse};
use crate::filled::locate::Target;
use crate::filled::scorecard::{ASSESSMENT_FORMAT, SCORECARD_FORMAT};
use crate::node::Pos;

/// The page's rating scale, in order: its position is the rating's value.
pub const RATINGS: [&str; 4] = ["not-yet", "partly", "consistently", "beyond"];
/// The value a level expects: "consistently".
pub const GOAL: usize = 2;
/// The fields the reader knows at the top level (the JSON Schema's too).
pub const ASSESSMENT_FIELDS: [&str; 11] = [
    "format",
    "book",
    "level",
    "date",
    "ratings",
    "notes",
    "foundation",
    "person",
    "assessor",
    "perspective",
    "current_level",
];
/// The fields the reader knows in one entry of `ratings`.
pub const RATING_FIELDS: [&str; 4] = ["rating", "notes", "text", "competency"];

/// Who made an assessment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Perspective {
    #[serde(rename = "self")]
    SelfAssessed,
    Manager,
}

impl Perspective {
    pub fn id(self) -> &'static str {
        match self {
            Perspective::SelfAssessed => "self",
            Perspective::Manager => "manager",
        }
    }
}

/// An assessment file that matches the book.
#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    /// The path as given on the command line.
    pub file: String,
    pub book_version: String,
    /// Index into `Book::levels`: the target level rated.
    pub level: usize,
    pub current_level: Option<usize>,
    pub person: Option<String>,
    pub assessor: Option<String>,
    pub perspective: Option<Perspective>,
    /// Where the `person` value is (the top of the file when absent).
    pub person_pos: Pos,
    pub date: Option<String>,
    pub notes: Option<String>,
    /// One entry per expectation of the level the file rated, in the
    /// level's order (see [`expectations`]).
    pub ratings: Vec<Rated>,
    /// Keys the file rated that the level no longer has (another version).
    pub removed: Vec<String>,
    /// The foundation's ratings (the level below), by today's key.
    pub foundation: Vec<(String, Option<usize>)>,
}

/// One expectation's rating in a file.
#[derive(Debug, Clone, PartialEq)]
pub struct Rated {
    /// Index into [`expectations`] of the file's level.
    pub expectation: usize,
    /// Position in [`RATINGS`]; `None` when not rated.
    pub rating: Option<usize>,
    pub notes: Option<String>,
}

/// One thing a level expects, as the self-assessment page keys it.
#[derive(Debug, Clone, PartialEq)]
pub struct Expectation {
    pub key: String,
    /// The positional key of files exported before issue 25, still read.
    pub legacy_key: String,
    /// Index into `Book::competencies`.
    pub competency: usize,
    pub text: String,
}

/// Every expectation of `level` in page order, keyed as the page keys them
/// (`content::item_keys`, shared with the page).
pub fn expectations(book: &Book, level: usize) -> Vec<Expectation> {
    (0..book.competencies.len())
        .flat_map(|competency| {
            keyed_items(book, competency, level)
                .into_iter()
                .map(move |keyed| Expectation {
                    key: keyed.key,
                    legacy_key: keyed.legacy_key,
                    competency,
                    text: keyed.item.text.plain.clone(),
                })
        })
        .collect()
}

const EXPORT_HELP: &str =
    "export the assessment again from the handbook's self-assessment page (Export JSON)";

pub const KIND: Kind = Kind {
    noun: "assessment",
    help: "pass the JSON files the self-assessment page exports",
    missing_help: EXPORT_HELP,
};

/// Checks one file's bytes against `book`; every problem goes to `diagnostics`.
pub fn check_file(
    book: &Book,
    file: &str,
    bytes: &[u8],
    diagnostics: &mut Diagnostics,
) -> Option<Assessment> {
    let document = parse(file, bytes, &KIND, diagnostics)?;
    let mut fields = Fields {
        file,
        text: document.text,
        kind: KIND,
        diagnostics,
    };
    let map = fields.object(&document.value)?;
    format(&mut fields, map)?;
    let book_version = book_version(&mut fields, map);
    let level = level(&mut fields, book, map, "level", true);
    let current_level = level_field(&mut fields, book, map);
    let person = fields.optional_text(map, &["person"]);
    let person_pos = fields.pos(&["person"], Target::Value);
    let assessor = fields.optional_text(map, &["assessor"]);
    let perspective = perspective(&mut fields, map);
    let date = fields.optional_text(map, &["date"]);
    let notes = fields.optional_text(map, &["notes"]);
    let level = level?;
    let stale = book_version.as_ref().is_some_and(|v| *v != book.version);
    let foundation = foundation_ratings(&mut fields, book, map, stale);
    let (ratings, removed) = ratings(&mut fields, book, map, level, stale)?;
    Some(Assessment {
        file: file.to_string(),
        book_version: book_version?,
        level,
        current_level,
        person,
        assessor,
        perspective,
        person_pos,
        date,
        notes,
        ratings,
        removed,
        foundation: foundation?,
    })
}

fn format(fields: &mut Fields, map: &Map<String, Value>) -> Option<()> {
    let format = fields.required_text(map, &["format"])?;
    if format == ASSESSMENT_FORMAT {
        return Some(());
    }
    let (message, help) = if format == SCORECARD_FORMAT {
        (
            format!("this is an interview scorecard (`{SCORECARD_FORMAT}`), not an assessment"),
            "read scorecards with `ladderbook debrief` or `ladderbook calibrate`".to_string(),
        )
    } else if format.starts_with("ladderbook.assessment/") {
        (
            format!("`{format}` is a newer assessment format than this ladderbook reads"),
            format!("this version reads `{ASSESSMENT_FORMAT}`; upgrade ladderbook"),
        )
    } else {
        (
            format!("unknown format `{format}`"),
            format!("`team` reads `{ASSESSMENT_FORMAT}` files"),
        )
    };
    fields
        .error("wrong-format", &["format"], Target::Value, message)
        .help = Some(help);
    None
}

fn book_version(fields: &mut Fields, map: &Map<String, Value>) -> Option<String> {
    match map.get("book") {
        Some(Value::Object(book)) => fields.required_text(book, &["book", "version"]),
        Some(other) => {
            fields.wrong_type(&["book"], "an object with `title` and `version`", other);
            None
        }
        None => {
            fields.missing(&["book"]);
            None
        }
    }
}

/// A level id field: required (`level`) or optional (`current_level`).
fn level(
    fields: &mut Fields,
    book: &Book,
    map: &Map<String, Value>,
    name: &str,
    required: bool,
) -> Option<usize> {
    let id = if required {
        fields.required_text(map, &[name])?
    } else {
        fields.optional_text(map, &[name])?
    };
    if let Some(index) = book.levels.iter().position(|l| l.id == id) {
        return Some(index);
    }
    let known: Vec<&str> = book.levels.iter().map(|l| l.id.as_str()).collect();
    fields
        .error(
            "unknown-level",
            &[name],
            Target::Value,
            format!("this book has no level `{id}`"),
        )
        .help = Some(hint(&id, &known, "the book's levels"));
    None
}

fn level_field(fields: &mut Fields, book: &Book, map: &Map<String, Value>) -> Option<usize> {
    level(fields, book, map, "current_level", false)
}

fn perspective(fields: &mut Fields, map: &Map<String, Value>) -> Option<Perspective> {
    let value = fields.optional_text(map, &["perspective"])?;
    match value.as_str() {
        "self" => Some(Perspective::SelfAssessed),
        "manager" => Some(Perspective::Manager),
        other => {
            fields
                .error(
                    "unknown-perspective",
                    &["perspective"],
                    Target::Value,
                    format!("`{other}` is not a perspective"),
                )
                .help = Some("write `self` or `manager`".into());
            None
        }
    }
}

fn ratings(
    fields: &mut Fields,
    book: &Book,
    map: &Map<String, Value>,
    level: usize,
    stale: bool,
) -> Option<(Vec<Rated>, Vec<String>)> {
    let entries = match map.get("ratings") {
        Some(Value::Object(entries)) => entries,
        Some(other) => {
            fields.wrong_type(&["ratings"], "an object of ratings by expectation", other);
            return None;
        }
        None => {
            fields.missing(&["ratings"]);
            return None;
        }
    };
    let expected = expectations(book, level);
    let keys: Vec<&str> = expected.iter().map(|e| e.key.as_str()).collect();
    let mut rated = Vec::new();
    let mut removed = Vec::new();
    let mut ok = true;
    for (key, value) in entries {
        let position = keys.iter().position(|k| k == key).or_else(|| {
            // A file exported before items were keyed by text (issue 25).
            expected.iter().position(|e| e.legacy_key == *key)
        });
        match position {
            Some(expectation) => match entry(fields, &["ratings", key], value) {
                Some((rating, notes)) => rated.push(Rated {
                    expectation,
                    rating,
                    notes,
                }),
                None => ok = false,
            },
            None if stale => removed.push(key.clone()),
            None => {
                ok = false;
                let level_id = &book.levels[level].id;
                fields
                    .error(
                        "unknown-expectation",
                        &["ratings", key],
                        Target::Key,
                        format!("level `{level_id}` has no expectation `{key}`"),
                    )
                    .help = Some(hint(key, &keys, "its expectations"));
            }
        }
    }
    rated.sort_by_key(|r| r.expectation);
    ok.then_some((rated, removed))
}

/// One entry at `at` (`["ratings", key]`): its rating (`None` when not
/// rated) and notes.
pub(crate) fn entry(
    fields: &mut Fields,
    at: &[&str],
    value: &Value,
) -> Option<(Option<usize>, Option<String>)> {
    let path = |field: &'static str| [at, &[field]].concat();
    let Value::Object(entry) = value else {
        fields.wrong_type(at, "an object with `rating`", value);
        return None;
    };
    let notes = fields.optional_text(entry, &path("notes"));
    let rating = match entry.get("rating") {
        None | Some(Value::Null) => None,
        Some(Value::String(id)) => match RATINGS.iter().position(|r| r == id) {
            Some(index) => Some(index),
            None => {
                fields
                    .error(
                        "unknown-rating",
                        &path("rating"),
                        Target::Value,
                        format!("`{id}` is not a rating"),
                    )
                    .help = Some(hint(id, &RATINGS, "the ratings"));
                return None;
            }
        },
        Some(other) => {
            fields.wrong_type(&path("rating"), "a rating or null", other);
            return None;
        }
    };
    Some((rating, notes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::filled::testing::test_book;

    fn check(text: &str) -> (Option<Assessment>, Vec<String>) {
        let book = test_book();
        let mut diagnostics = Diagnostics::default();
        let text = text.replace("VERSION", &book.version);
        let found = check_file(&book, "a.json", text.as_bytes(), &mut diagnostics);
        let lines = diagnostics.sorted().iter().map(|d| d.one_line()).collect();
        (found, lines)
    }

    #[test]
    fn an_old_file_without_the_new_fields_still_reads() {
        let (found, problems) = check(
            r#"{"format": "ladderbook.assessment/1", "book": {"version": "VERSION"},
 "level": "l1", "ratings": {"coaching:0": {"rating": "partly"}, "finops:0": {"rating": null}}}"#,
        );
        assert_eq!(problems, Vec::<String>::new());
        let found = found.expect("the file reads");
        assert_eq!((found.person, found.perspective), (None, None));
        // coaching comes first in the book's order (competencies sort by id).
        let ratings: Vec<_> = found.ratings.iter().map(|r| r.rating).collect();
        assert_eq!(ratings, [Some(1), None]);
    }

    #[test]
    fn the_new_fields_are_read() {
        let (found, problems) = check(
            r#"{"format": "ladderbook.assessment/1", "book": {"version": "VERSION"}, "level": "l1",
 "person": " Ann ", "assessor": "Sam", "perspective": "manager", "current_level": "l1", "ratings": {}}"#,
        );
        assert_eq!(problems, Vec::<String>::new());
        let found = found.expect("the file reads");
        assert_eq!(found.person.as_deref(), Some("Ann"));
        assert_eq!(found.assessor.as_deref(), Some("Sam"));
        assert_eq!(found.perspective, Some(Perspective::Manager));
        assert_eq!(found.current_level, Some(0));
    }

    #[test]
    fn every_problem_of_a_file_is_reported_at_its_key_path() {
        let (found, problems) = check(
            "{\"format\": \"ladderbook.assessment/1\", \"book\": {\"version\": \"VERSION\"},
 \"level\": \"l1\", \"perspective\": \"boss\", \"current_level\": \"l9\",
 \"ratings\": {\"coaching:7\": {}, \"finops:0\": {\"rating\": \"great\"}}}",
        );
        assert_eq!(found, None);
        assert_eq!(
            problems,
            [
                "a.json:2:32: error[unknown-perspective]: `perspective`: `boss` is not a perspective",
                "a.json:2:57: error[unknown-level]: `current_level`: this book has no level `l9`",
                "a.json:3:14: error[unknown-expectation]: `ratings.coaching:7`: level `l1` has no expectation `coaching:7`",
                "a.json:3:55: error[unknown-rating]: `ratings.finops:0.rating`: `great` is not a rating",
            ]
        );
    }

    #[test]
    fn the_foundation_is_read_by_key_and_its_problems_are_at_their_key_paths() {
        let (found, problems) = check(
            r#"{"format": "ladderbook.assessment/1", "book": {"version": "VERSION"}, "level": "l1",
 "ratings": {}, "foundation": {"level": "l1", "ratings": {"coaching:0": {"rating": "beyond"}}}}"#,
        );
        assert_eq!(problems, Vec::<String>::new());
        let foundation = found.expect("the file reads").foundation;
        assert_eq!(foundation.len(), 1);
        assert!(
            foundation[0].0.starts_with("coaching@l1:"),
            "{foundation:?}"
        );
        assert_eq!(foundation[0].1, Some(3));
        let (found, problems) = check(
            "{\"format\": \"ladderbook.assessment/1\", \"book\": {\"version\": \"VERSION\"}, \"level\": \"l1\",
 \"ratings\": {}, \"foundation\": {\"level\": \"l1\", \"ratings\": {\"coaching:0\": {\"rating\": \"great\"}, \"x:0\": {}}}}",
        );
        assert_eq!(found, None);
        // Line 2: ` "ratings": {}, ` (cols 1-16), `"foundation": {` (17-31),
        // `"level": "l1", ` (32-46), `"ratings": {` (47-58), `"coaching:0": {`
        // (59-73), `"rating": ` (74-83): "great" at 84; `}, ` then "x:0" at 94.
        assert_eq!(
            problems,
            [
                "a.json:2:84: error[unknown-rating]: `foundation.ratings.coaching:0.rating`: `great` is not a rating",
                "a.json:2:94: error[unknown-expectation]: `foundation.ratings.x:0`: level `l1` has no expectation `x:0`",
            ]
        );
    }
}
