//! The `foundation` of an assessment: the ratings the page exports for the
//! level below the target, where that level's expectations differ from the
//! target's (`{"level": "sre-2", "ratings": {<key>: {"rating": ...}}}`).
//!
//! `team --level` and a person's current level (issue 18) rate a file
//! against a level other than the one it targets; an expectation's key
//! (`content::item_keys`) is the same on every level that expects it, so
//! the target's ratings and the foundation's, by key, are all the file says
//! about any level. Checked like `ratings`: a level the book lacks, a key
//! its level lacks (unless the file is from another version of the ladder)
//! and a rating that is not one are errors at their key path.

use serde_json::{Map, Value};

use crate::content::model::Book;
use crate::filled::assessment::{entry, expectations};
use crate::filled::json::{Fields, hint};
use crate::filled::locate::Target;

/// The foundation's ratings by today's key (`None`: not rated); empty when
/// the file has none; `None` when it has problems (in `fields`).
pub fn foundation_ratings(
    fields: &mut Fields,
    book: &Book,
    map: &Map<String, Value>,
    stale: bool,
) -> Option<Vec<(String, Option<usize>)>> {
    let Some(value) = map.get("foundation") else {
        return Some(Vec::new());
    };
    let Value::Object(foundation) = value else {
        fields.wrong_type(
            &["foundation"],
            "an object with `level` and `ratings`",
            value,
        );
        return None;
    };
    let level = fields.required_text(foundation, &["foundation", "level"]);
    let entries = match foundation.get("ratings") {
        Some(Value::Object(entries)) => Some(entries),
        Some(other) => {
            fields.wrong_type(&["foundation", "ratings"], "an object of ratings", other);
            None
        }
        None => {
            fields.missing(&["foundation", "ratings"]);
            None
        }
    };
    let (Some(level), Some(entries)) = (level, entries) else {
        return None;
    };
    let Some(level) = book.levels.iter().position(|l| l.id == level) else {
        let known: Vec<&str> = book.levels.iter().map(|l| l.id.as_str()).collect();
        fields
            .error(
                "unknown-level",
                &["foundation", "level"],
                Target::Value,
                format!("this book has no level `{level}`"),
            )
            .help = Some(hint(&level, &known, "the book's levels"));
        return None;
    };
    let expected = expectations(book, level);
    let mut ok = true;
    let mut ratings = Vec::new();
    for (key, value) in entries {
        let found = expected
            .iter()
            .find(|e| e.key == *key || e.legacy_key == *key);
        match (found, entry(fields, &["foundation", "ratings", key], value)) {
            (Some(expectation), Some((rating, _))) => {
                ratings.push((expectation.key.clone(), rating));
            }
            (None, Some(_)) if stale => {}
            (None, Some(_)) => {
                ok = false;
                let keys: Vec<&str> = expected.iter().map(|e| e.key.as_str()).collect();
                fields
                    .error(
                        "unknown-expectation",
                        &["foundation", "ratings", key],
                        Target::Key,
                        format!(
                            "level `{}` has no expectation `{key}`",
                            book.levels[level].id
                        ),
                    )
                    .help = Some(hint(key, &keys, "its expectations"));
            }
            (_, None) => ok = false,
        }
    }
    ok.then_some(ratings)
}
