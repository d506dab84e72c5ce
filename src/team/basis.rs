//! The level each person is rated against in the heatmap, the coverage and
//! the specialisms (issue 18): the level the team needs, given with
//! `--level`, or else each person's own current level.
//!
//! A file rates the expectations of its target level and, in its
//! foundation, those of the level below that differ; an expectation's key
//! is the same on every level that expects it. So a file says something
//! about any level by key, and covers a level when it holds an entry for
//! each of that level's expectations. Without `--level` a person is rated
//! against their current level when their file covers it, else against the
//! level the file rates (a file without `current_level`, or one exported
//! without its foundation). With `--level`, expectations the file holds no
//! entry for count as "not yet", and the report says how many there were.

use std::collections::HashMap;

use crate::content::model::Book;
use crate::filled::assessment::{Assessment, expectations};

/// What the team is rated against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Against {
    /// Each person's current level where their file covers it.
    EachCurrent,
    /// One level for everyone (index into `Book::levels`).
    Level(usize),
}

/// Every rating a file holds, by expectation key (`None`: not rated).
pub type KeyedRatings = HashMap<String, Option<usize>>;

/// The file's target ratings and its foundation's, by key.
pub fn keyed_ratings(book: &Book, file: &Assessment) -> KeyedRatings {
    let expected = expectations(book, file.level);
    let mut keyed: KeyedRatings = file.foundation.iter().cloned().collect();
    for rated in &file.ratings {
        keyed.insert(expected[rated.expectation].key.clone(), rated.rating);
    }
    keyed
}

/// The level one person is rated against, and how many of its
/// expectations their file holds no entry for.
pub fn basis(
    book: &Book,
    file: &Assessment,
    keyed: &KeyedRatings,
    against: Against,
) -> (usize, usize) {
    let missing = |level: usize| {
        expectations(book, level)
            .iter()
            .filter(|e| !keyed.contains_key(&e.key))
            .count()
    };
    match against {
        Against::Level(level) => (level, missing(level)),
        Against::EachCurrent => match file.current_level {
            Some(current) if missing(current) == 0 => (current, 0),
            _ => (file.level, missing(file.level)),
        },
    }
}

/// A `--level` id as the index of a level of the book, or the one-line
/// message that names the levels (and the closest one).
pub fn level_named(book: &Book, id: &str) -> Result<usize, String> {
    if let Some(index) = book.levels.iter().position(|l| l.id == id) {
        return Ok(index);
    }
    let known: Vec<&str> = book.levels.iter().map(|l| l.id.as_str()).collect();
    // Ids are lowercase; a level typed as its code (`SRE-3`) is that one.
    let hint = match known.iter().find(|k| k.eq_ignore_ascii_case(id)) {
        Some(same) => format!("did you mean `{same}`? Level ids are lowercase"),
        None => crate::filled::json::hint(id, &known, "its levels"),
    };
    Err(format!(
        "--level {id}: this book has no level `{id}`; {hint}"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::memory::{MemoryFile, load_memory_book};
    use crate::filled::assessment::Rated;
    use crate::node::Pos;
    use crate::team::profile::testing::profile;
    use crate::team::profile::{Profile, profiles};

    /// Levels e1 < e2; `a` expects A1, A2 at e1 and B1 at e2; `b` expects
    /// C1 at e1 only, so e2 carries it over (one key on both levels).
    fn book() -> Book {
        let level = |id: &str, rank: u32| MemoryFile {
            path: format!("levels/{id}.md"),
            text: format!("---\ntitle: {id}\nrank: {rank}\n---\n"),
        };
        let competency = |id: &str, expectations: &str| MemoryFile {
            path: format!("competencies/{id}.yaml"),
            text: format!("name: {id}\narea: Craft\nexpectations:\n{expectations}"),
        };
        let files = [
            level("e1", 1),
            level("e2", 2),
            competency("a", "  e1: [A1, A2]\n  e2: [B1]\n"),
            competency("b", "  e1: [C1]\n"),
        ];
        let loaded = load_memory_book(
            "[book]\ntitle = \"T\"\n[ladder]\nareas = [\"Craft\"]\n",
            &files,
        );
        assert!(!loaded.diagnostics.has_errors());
        loaded.book
    }

    /// A file for e2 (B1 beyond, C1 consistently) by someone now at e1,
    /// with the page's foundation (A1 partly, A2 consistently) or without.
    fn file(book: &Book, with_foundation: bool) -> Assessment {
        let below = expectations(book, 0);
        let foundation = if with_foundation {
            vec![
                (below[0].key.clone(), Some(1)),
                (below[1].key.clone(), Some(2)),
            ]
        } else {
            Vec::new()
        };
        Assessment {
            file: "x.json".into(),
            book_version: book.version.clone(),
            level: 1,
            current_level: Some(0),
            person: Some("Ann".into()),
            assessor: None,
            perspective: None,
            person_pos: Pos::new(1, 1),
            date: None,
            notes: None,
            ratings: vec![
                Rated {
                    expectation: 0,
                    rating: Some(3),
                    notes: None,
                },
                Rated {
                    expectation: 1,
                    rating: Some(2),
                    notes: None,
                },
            ],
            removed: Vec::new(),
            foundation,
        }
    }

    fn rated(book: &Book, file: &Assessment, against: Against) -> ((usize, usize), Vec<Profile>) {
        let keyed = keyed_ratings(book, file);
        let (level, missing) = basis(book, file, &keyed, against);
        ((level, missing), profiles(book, &keyed, level))
    }

    #[test]
    fn a_file_with_its_foundation_is_rated_at_the_current_level_by_default() {
        let book = book();
        let file = file(&book, true);
        // e1 expects A1, A2 (competency a, index 0) and C1 (b, index 1); the
        // file holds all three: a has 1 of 2 met (A2), sum 1 + 2 = 3; b has
        // C1 met, sum 2.
        let (basis, found) = rated(&book, &file, Against::EachCurrent);
        assert_eq!(basis, (0, 0));
        assert_eq!(found, [profile(0, 2, 1, 3), profile(1, 1, 1, 2)]);
        // The team needs e2: B1 beyond (a: 1 of 1, sum 3), C1 as before.
        let (basis, found) = rated(&book, &file, Against::Level(1));
        assert_eq!(basis, (1, 0));
        assert_eq!(found, [profile(0, 1, 1, 3), profile(1, 1, 1, 2)]);
    }

    #[test]
    fn without_its_foundation_a_file_falls_back_or_counts_what_it_lacks() {
        let book = book();
        let file = file(&book, false);
        // e1's A1 and A2 are not in the file: by default the file's own e2.
        let (basis, _) = rated(&book, &file, Against::EachCurrent);
        assert_eq!(basis, (1, 0));
        // Forced to e1: 2 expectations not in the file, counted as not yet
        // (a: 0 of 2, sum 0); C1 still counts from the e2 ratings (same key).
        let (basis, found) = rated(&book, &file, Against::Level(0));
        assert_eq!(basis, (0, 2));
        assert_eq!(found, [profile(0, 2, 0, 0), profile(1, 1, 1, 2)]);
    }

    #[test]
    fn an_unknown_level_names_the_closest() {
        let book = book();
        assert_eq!(level_named(&book, "e2"), Ok(1));
        assert_eq!(
            level_named(&book, "E2").unwrap_err(),
            "--level E2: this book has no level `E2`; did you mean `e2`? Level ids are lowercase"
        );
        assert_eq!(
            level_named(&book, "e-2").unwrap_err(),
            "--level e-2: this book has no level `e-2`; its levels are `e1`, `e2`"
        );
    }
}
