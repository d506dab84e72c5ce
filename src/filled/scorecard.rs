//! One filled-in scorecard (`ladderbook.scorecard/1`, spec "Filled-in
//! files"): its JSON text → a [`Filled`] checked against the book, or every
//! problem of the file as diagnostics at the offending key path.
//!
//! The site writes these files, so fields this version does not know are
//! ignored (a newer site may add optional ones); fields it does know must
//! have the right type and refer to the book. A file filled against another
//! version of the ladder may rate a dimension the scorecard no longer has:
//! that is not an error but a "removed" notice (see `pinning`).

use serde_json::{Map, Value};

use crate::content::model::{Book, ScaleStep, Scorecard};
use crate::decode::{At, did_you_mean};
use crate::diagnostics::Diagnostics;
use crate::filled::json::{Document, Fields, Kind, hint, parse};
use crate::filled::locate::Target;
use crate::node::Pos;

/// The format this version reads.
pub const SCORECARD_FORMAT: &str = "ladderbook.scorecard/1";
/// The other filled-in file of the spec, often passed by mistake.
pub const ASSESSMENT_FORMAT: &str = "ladderbook.assessment/1";

/// What ties a file to one loop: the scorecard and the candidate. Known as
/// soon as the file names a scorecard of the book, even when the rest of it
/// has problems, so the checks across files still run.
#[derive(Debug, Clone, PartialEq)]
pub struct LoopKey {
    pub file: String,
    /// Index into `Book::scorecards`, with the position of the `scorecard` value.
    pub scorecard: At<usize>,
    pub candidate: Option<At<String>>,
}

/// The result of checking one file.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Checked {
    pub key: Option<LoopKey>,
    /// The file, when it is a scorecard of a known scorecard and interview.
    /// Ratings with problems are reported and left out, so callers go by
    /// the diagnostics, not by this being `Some`.
    pub filled: Option<Filled>,
}

/// A scorecard file that matches the book.
#[derive(Debug, Clone, PartialEq)]
pub struct Filled {
    /// The path as given on the command line.
    pub file: String,
    pub book_title: Option<String>,
    pub book_version: String,
    /// Index into `Book::scorecards`, with the position of the `scorecard` value.
    pub scorecard: At<usize>,
    /// Index into the scorecard's `interviews`.
    pub interview: usize,
    pub candidate: Option<At<String>>,
    pub interviewer: Option<String>,
    /// Where the `interviewer` value is (1:1 when the file names nobody).
    pub interviewer_pos: Pos,
    pub date: Option<String>,
    /// In the file's key order (sorted by id).
    pub ratings: Vec<FilledRating>,
    /// Rated dimensions the scorecard no longer has (only in a file filled
    /// against another version of the ladder), as written.
    pub removed: Vec<String>,
    pub takeaways: Option<String>,
    /// Position in the scorecard's scale.
    pub recommendation: Option<usize>,
}

/// One entry of a file's `ratings`.
#[derive(Debug, Clone, PartialEq)]
pub struct FilledRating {
    /// The key as written: a competency id.
    pub competency: String,
    /// Index into the scorecard's `dimensions`.
    pub dimension: usize,
    /// Position in the scorecard's scale; `None` when not rated.
    pub rating: Option<usize>,
    pub notes: Option<String>,
    /// The dimension's texts when the file was filled.
    pub meets: Option<String>,
    pub exceeds: Option<String>,
}

/// What the reader says about files that are not scorecards.
pub const KIND: Kind = Kind {
    noun: "scorecard",
    help: NOT_A_SCORECARD_HELP,
    missing_help: EXPORT_HELP,
};

/// Checks one file's bytes against `book`; every problem goes to `diagnostics`.
pub fn check_file(book: &Book, file: &str, bytes: &[u8], diagnostics: &mut Diagnostics) -> Checked {
    let Some(document) = parse(file, bytes, &KIND, diagnostics) else {
        return Checked::default();
    };
    check_document(book, file, &document, diagnostics)
}

/// Checks a file already parsed by the shared reader (a caller that sorts
/// files by their `format` first parses once).
pub fn check_document(
    book: &Book,
    file: &str,
    document: &Document,
    diagnostics: &mut Diagnostics,
) -> Checked {
    let mut check = FileCheck {
        book,
        fields: Fields {
            file,
            text: document.text,
            kind: KIND,
            diagnostics,
        },
    };
    check.document(&document.value)
}

/// The state of checking one file: the book, and the shared field helpers
/// (where its problems go, its text for positions).
struct FileCheck<'a> {
    book: &'a Book,
    fields: Fields<'a>,
}

impl<'a> std::ops::Deref for FileCheck<'a> {
    type Target = Fields<'a>;
    fn deref(&self) -> &Fields<'a> {
        &self.fields
    }
}

impl<'a> std::ops::DerefMut for FileCheck<'a> {
    fn deref_mut(&mut self) -> &mut Fields<'a> {
        &mut self.fields
    }
}

impl FileCheck<'_> {
    fn document(&mut self, value: &Value) -> Checked {
        let Some(map) = self.object(value) else {
            return Checked::default();
        };
        if !self.format(map) {
            return Checked::default();
        }
        let (book_title, book_version) = self.book_fields(map);
        let scorecard = self.scorecard(map);
        let candidate = self.optional_text(map, &["candidate"]).map(|name| {
            let pos = self.pos(&["candidate"], Target::Value);
            At::new(name, pos)
        });
        let key = scorecard.map(|scorecard| LoopKey {
            file: self.file.to_string(),
            scorecard,
            candidate,
        });
        let interviewer = self.optional_text(map, &["interviewer"]);
        let date = self.optional_text(map, &["date"]);
        let takeaways = self.optional_text(map, &["takeaways"]);
        let Some(key) = key else {
            return Checked::default();
        };
        let book = self.book;
        let scorecard = &book.scorecards[key.scorecard.value];
        let interview = self.interview(map, scorecard);
        let stale = book_version.as_ref().is_some_and(|v| *v != book.version);
        let ratings = self.ratings(map, scorecard, stale);
        let recommendation = self.step(
            map.get("recommendation"),
            &["recommendation"],
            &scorecard.scale,
        );
        let filled = match (book_version, interview, ratings) {
            (Some(book_version), Some(interview), Some((ratings, removed))) => Some(Filled {
                file: key.file.clone(),
                book_title,
                book_version,
                scorecard: key.scorecard.clone(),
                interview,
                candidate: key.candidate.clone(),
                interviewer,
                interviewer_pos: self.pos(&["interviewer"], Target::Value),
                date,
                ratings,
                removed,
                takeaways,
                recommendation,
            }),
            _ => None,
        };
        Checked {
            key: Some(key),
            filled,
        }
    }

    /// Whether the file says it is a `ladderbook.scorecard/1`; reports why not.
    fn format(&mut self, map: &Map<String, Value>) -> bool {
        let format = match map.get("format") {
            Some(Value::String(format)) => format.as_str(),
            Some(other) => {
                self.wrong_type(&["format"], "a string", other);
                return false;
            }
            None => {
                self.error(
                    "missing-format",
                    &[],
                    Target::Value,
                    "not a scorecard: the file has no `format` field",
                )
                .help = Some(format!(
                    "a scorecard exported by the site starts with \"format\": \"{SCORECARD_FORMAT}\""
                ));
                return false;
            }
        };
        if format == SCORECARD_FORMAT {
            return true;
        }
        let (message, help) = if format == ASSESSMENT_FORMAT {
            (
                format!("this is a self-assessment (`{ASSESSMENT_FORMAT}`), not a scorecard"),
                "debrief and calibrate read the scorecards interviewers export from an interview kit page"
                    .to_string(),
            )
        } else if format.starts_with("ladderbook.scorecard/") {
            (
                format!("`{format}` is a newer scorecard format than this ladderbook reads"),
                format!("this version reads `{SCORECARD_FORMAT}`; upgrade ladderbook"),
            )
        } else {
            (
                format!("unknown format `{format}`"),
                format!("debrief and calibrate read `{SCORECARD_FORMAT}` files"),
            )
        };
        self.error("wrong-format", &["format"], Target::Value, message)
            .help = Some(help);
        false
    }

    /// `book.title` (optional) and `book.version` (required).
    fn book_fields(&mut self, map: &Map<String, Value>) -> (Option<String>, Option<String>) {
        match map.get("book") {
            Some(Value::Object(book)) => (
                self.optional_text(book, &["book", "title"]),
                self.required_text(book, &["book", "version"]),
            ),
            Some(other) => {
                self.wrong_type(&["book"], "an object with `title` and `version`", other);
                (None, None)
            }
            None => {
                self.missing(&["book"]);
                (None, None)
            }
        }
    }

    fn scorecard(&mut self, map: &Map<String, Value>) -> Option<At<usize>> {
        let id = self.required_text(map, &["scorecard"])?;
        let pos = self.pos(&["scorecard"], Target::Value);
        if let Some(index) = self.book.scorecards.iter().position(|s| s.id == id) {
            return Some(At::new(index, pos));
        }
        let known: Vec<&str> = self.book.scorecards.iter().map(|s| s.id.as_str()).collect();
        let help = hint(&id, &known, "the book's scorecards");
        self.error(
            "unknown-scorecard",
            &["scorecard"],
            Target::Value,
            format!("this book has no scorecard `{id}`"),
        )
        .help = Some(help);
        None
    }

    fn interview(&mut self, map: &Map<String, Value>, scorecard: &Scorecard) -> Option<usize> {
        let id = self.required_text(map, &["interview"])?;
        if let Some(index) = scorecard.interviews.iter().position(|i| i.id == id) {
            return Some(index);
        }
        let known: Vec<&str> = scorecard.interviews.iter().map(|i| i.id.as_str()).collect();
        let help = hint(&id, &known, "its interviews");
        self.error(
            "unknown-interview",
            &["interview"],
            Target::Value,
            format!("scorecard `{}` has no interview `{id}`", scorecard.id),
        )
        .help = Some(help);
        None
    }

    fn ratings(
        &mut self,
        map: &Map<String, Value>,
        scorecard: &Scorecard,
        stale: bool,
    ) -> Option<(Vec<FilledRating>, Vec<String>)> {
        let entries = match map.get("ratings") {
            Some(Value::Object(entries)) => entries,
            Some(other) => {
                self.wrong_type(&["ratings"], "an object of ratings by dimension", other);
                return None;
            }
            None => {
                self.missing(&["ratings"]);
                return None;
            }
        };
        let ids: Vec<&str> = scorecard
            .dimensions
            .iter()
            .map(|d| self.book.competencies[d.competency].id.as_str())
            .collect();
        let mut ratings = Vec::new();
        let mut removed = Vec::new();
        for (key, value) in entries {
            match ids.iter().position(|id| id == key) {
                Some(dimension) => {
                    ratings.extend(self.rating(key, value, dimension, &scorecard.scale))
                }
                // Gone since the file was filled: whether it was rated is all that matters.
                None if stale => {
                    if value.get("rating").is_some_and(|r| !r.is_null()) {
                        removed.push(key.clone());
                    }
                }
                None => self.unknown_dimension(key, scorecard, &ids),
            }
        }
        Some((ratings, removed))
    }

    fn unknown_dimension(&mut self, key: &str, scorecard: &Scorecard, ids: &[&str]) {
        let what = if self.book.competencies.iter().any(|c| c.id == key) {
            format!(
                "competency `{key}` is not a dimension of scorecard `{}`",
                scorecard.id
            )
        } else {
            format!("scorecard `{}` has no dimension `{key}`", scorecard.id)
        };
        let help = hint(key, ids, "its dimensions");
        self.error("unknown-dimension", &["ratings", key], Target::Key, what)
            .help = Some(help);
    }

    /// One entry of `ratings`.
    fn rating(
        &mut self,
        key: &str,
        value: &Value,
        dimension: usize,
        scale: &[ScaleStep],
    ) -> Option<FilledRating> {
        let Value::Object(fields) = value else {
            self.wrong_type(
                &["ratings", key],
                "an object with `rating` and `notes`",
                value,
            );
            return None;
        };
        let errors = self.diagnostics.error_count();
        let rating = self.step(fields.get("rating"), &["ratings", key, "rating"], scale);
        let notes = self.optional_text(fields, &["ratings", key, "notes"]);
        let meets = self.optional_text(fields, &["ratings", key, "meets"]);
        let exceeds = self.optional_text(fields, &["ratings", key, "exceeds"]);
        (self.diagnostics.error_count() == errors).then(|| FilledRating {
            competency: key.to_string(),
            dimension,
            rating,
            notes,
            meets,
            exceeds,
        })
    }

    /// A scale step id (or null / absent) → its position in the scale.
    fn step(&mut self, value: Option<&Value>, path: &[&str], scale: &[ScaleStep]) -> Option<usize> {
        let id = match value {
            None | Some(Value::Null) => return None,
            Some(Value::String(id)) => id,
            Some(other) => {
                self.wrong_type(path, "a step id of the scale or null", other);
                return None;
            }
        };
        if let Some(position) = scale.iter().position(|step| &step.id == id) {
            return Some(position);
        }
        let allowed: Vec<&str> = scale.iter().map(|s| s.id.as_str()).collect();
        let list = allowed
            .iter()
            .map(|id| format!("`{id}`"))
            .collect::<Vec<_>>()
            .join(", ");
        let help = match did_you_mean(id, &allowed) {
            Some(close) => format!(
                "did you mean `{close}`? The scale's steps are {list}, or null when not rated"
            ),
            None => format!("the scale's steps are {list}, or null when not rated"),
        };
        self.error(
            "unknown-rating",
            path,
            Target::Value,
            format!("`{id}` is not a step of the scorecard's scale"),
        )
        .help = Some(help);
        None
    }
}

const EXPORT_HELP: &str = "export the scorecard again from the site's interview kit page";
const NOT_A_SCORECARD_HELP: &str = "pass the .json file the site's interview kit exported";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::filled::testing::test_book;

    const GOOD: &str = r#"{
  "format": "ladderbook.scorecard/1",
  "book": { "title": "Test Ladder", "version": "VERSION" },
  "scorecard": "lead-loop",
  "interview": "incident-sim",
  "candidate": " Jane Doe ",
  "interviewer": "Ann Smith",
  "date": "2026-11-21",
  "ratings": {
    "incident-management": { "rating": "yes", "notes": "Calm", "meets": "Calm response.", "exceeds": "Lowered MTTR." },
    "coaching": { "rating": null, "notes": "" }
  },
  "takeaways": "Good.",
  "recommendation": "strong-yes",
  "added-by-a-newer-site": true
}"#;

    /// Checks `text` (with `VERSION` replaced by the book's version).
    fn check(text: &str) -> (Checked, Vec<String>) {
        let book = test_book();
        let text = text.replace("VERSION", &book.version);
        let mut diagnostics = Diagnostics::default();
        let checked = check_file(&book, "f.json", text.as_bytes(), &mut diagnostics);
        let lines = diagnostics.sorted().iter().map(|d| d.one_line()).collect();
        (checked, lines)
    }

    fn problems(text: &str) -> Vec<String> {
        check(text).1
    }

    #[test]
    fn a_good_file_is_read_and_unknown_fields_are_ignored() {
        let (checked, problems) = check(GOOD);
        assert_eq!(problems, Vec::<String>::new());
        let filled = checked.filled.expect("a good file is filled");
        assert_eq!(filled.scorecard.value, 0);
        assert_eq!(filled.interview, 0);
        assert_eq!(
            filled.candidate.map(|c| c.value).as_deref(),
            Some("Jane Doe")
        );
        assert_eq!(filled.recommendation, Some(3));
        assert_eq!(
            filled.ratings,
            vec![
                FilledRating {
                    competency: "coaching".into(),
                    dimension: 2,
                    rating: None,
                    notes: None,
                    meets: None,
                    exceeds: None,
                },
                FilledRating {
                    competency: "incident-management".into(),
                    dimension: 0,
                    rating: Some(2),
                    notes: Some("Calm".into()),
                    meets: Some("Calm response.".into()),
                    exceeds: Some("Lowered MTTR.".into()),
                },
            ]
        );
        assert!(checked.key.is_some());
    }

    #[test]
    fn files_that_are_not_scorecards_are_refused_with_the_reason() {
        let cases = [
            (
                "{\"format\": ",
                "f.json:1:11: error[not-json]: not a JSON file: EOF while parsing a value",
            ),
            (
                "[1, 2]",
                "f.json:1:1: error[not-an-object]: not a scorecard: the file holds an array, not a JSON object",
            ),
            (
                "{}",
                "f.json:1:1: error[missing-format]: not a scorecard: the file has no `format` field",
            ),
            (
                r#"{"format": "ladderbook.assessment/1"}"#,
                "f.json:1:12: error[wrong-format]: `format`: this is a self-assessment (`ladderbook.assessment/1`), not a scorecard",
            ),
            (
                r#"{"format": "ladderbook.scorecard/2"}"#,
                "f.json:1:12: error[wrong-format]: `format`: `ladderbook.scorecard/2` is a newer scorecard format than this ladderbook reads",
            ),
            (
                r#"{"format": "mdbook"}"#,
                "f.json:1:12: error[wrong-format]: `format`: unknown format `mdbook`",
            ),
            (
                r#"{"format": 1}"#,
                "f.json:1:12: error[wrong-type]: `format`: must be a string, found a number",
            ),
        ];
        for (text, expected) in cases {
            let (checked, problems) = check(text);
            assert_eq!(problems, vec![expected.to_string()], "{text}");
            assert_eq!(checked, Checked::default(), "{text}");
        }
        let mut diagnostics = Diagnostics::default();
        check_file(&test_book(), "f.json", b"\xff\xfe{", &mut diagnostics);
        assert_eq!(diagnostics.sorted()[0].code, "not-utf8");
    }

    #[test]
    fn unknown_scorecards_and_interviews_get_a_hint() {
        let book = test_book();
        let text = GOOD.replace("\"lead-loop\"", "\"lead-lop\"");
        let mut diagnostics = Diagnostics::default();
        let checked = check_file(&book, "f.json", text.as_bytes(), &mut diagnostics);
        let all = diagnostics.sorted();
        assert_eq!(
            all.iter().map(|d| d.one_line()).collect::<Vec<_>>(),
            vec![
                "f.json:4:16: error[unknown-scorecard]: `scorecard`: this book has no scorecard `lead-lop`"
            ]
        );
        assert_eq!(
            all[0].help.as_deref(),
            Some("did you mean `lead-loop`? The book's scorecards are `lead-loop`, `other-loop`")
        );
        assert_eq!(checked, Checked::default());

        let (checked, problems) = check(&GOOD.replace("\"incident-sim\"", "\"whiteboard\""));
        assert_eq!(
            problems,
            vec![
                "f.json:5:16: error[unknown-interview]: `interview`: scorecard `lead-loop` has no interview `whiteboard`"
            ]
        );
        assert!(
            checked.key.is_some(),
            "the loop is known, for the checks across files"
        );
        assert!(checked.filled.is_none());
    }

    #[test]
    fn every_problem_of_the_ratings_is_reported_at_its_key_path() {
        let text = GOOD
            .replace(
                "\"incident-management\": { \"rating\": \"yes\"",
                "\"incident-management\": { \"rating\": \"maybe\"",
            )
            .replace(
                "\"coaching\": { \"rating\": null, \"notes\": \"\" }",
                "\"toil\": 3, \"finop\": {}, \"ci-cd\": {}",
            )
            .replace(
                "\"recommendation\": \"strong-yes\"",
                "\"recommendation\": 4",
            );
        assert_eq!(
            problems(&text),
            vec![
                "f.json:10:40: error[unknown-rating]: `ratings.incident-management.rating`: `maybe` is not a step of the scorecard's scale",
                "f.json:11:5: error[unknown-dimension]: `ratings.toil`: scorecard `lead-loop` has no dimension `toil`",
                "f.json:11:16: error[unknown-dimension]: `ratings.finop`: scorecard `lead-loop` has no dimension `finop`",
                "f.json:11:29: error[unknown-dimension]: `ratings.ci-cd`: scorecard `lead-loop` has no dimension `ci-cd`",
                "f.json:14:21: error[wrong-type]: `recommendation`: must be a step id of the scale or null, found a number",
            ]
            .into_iter()
            .map(String::from)
            .collect::<Vec<_>>()
        );
    }

    #[test]
    fn a_competency_that_is_not_a_dimension_says_so() {
        let text = GOOD.replace(
            "\"coaching\": { \"rating\": null",
            "\"finops\": { \"rating\": null",
        );
        let book = test_book();
        assert!(book.competencies.iter().any(|c| c.id == "finops"));
        let text = text
            .replace("\"lead-loop\"", "\"other-loop\"")
            .replace("incident-sim", "chat");
        let found = problems(&text);
        assert!(
            found.iter().any(|p| p.ends_with(
                "error[unknown-dimension]: `ratings.finops`: competency `finops` is not a dimension of scorecard `other-loop`"
            )),
            "{found:#?}"
        );
    }

    #[test]
    fn missing_required_fields_are_each_reported() {
        let text =
            r#"{"format": "ladderbook.scorecard/1", "book": {"title": "T"}, "interview": "x"}"#;
        assert_eq!(
            problems(text),
            vec![
                "f.json:1:1: error[missing-field]: `scorecard`: this required field is missing",
                "f.json:1:46: error[missing-field]: `book.version`: this required field is missing",
            ]
        );
    }

    #[test]
    fn a_stale_file_may_rate_a_dimension_that_is_gone() {
        let stale = GOOD.replace("VERSION", "0000000000000000").replace(
            "\"coaching\": { \"rating\": null",
            "\"toil\": { \"rating\": \"no\"",
        );
        let (checked, problems) = check(&stale);
        assert_eq!(problems, Vec::<String>::new());
        let filled = checked.filled.expect("a stale file still counts");
        assert_eq!(filled.removed, vec!["toil".to_string()]);
        assert_eq!(filled.ratings.len(), 1);
        // The same file made against this version: a plain error.
        let current = stale.replace("0000000000000000", "VERSION");
        assert_eq!(check(&current).1.len(), 1);
    }
}
