//! Level ids, codes and ranks a grid gives itself (issue 26): a column of
//! its own when levels are rows (`Id`, `Level code`, `Rank`), a row of its
//! own when levels are columns. They are used as given instead of the ids
//! derived from the level cells and the ranks of the sheet's order; `--map
//! COLUMN=id|code|rank` names any other column (or row) for them.
//!
//! Kept apart from `grid` (which reads the axes) so the rules for these
//! three fields sit in one place: an id must be a valid id, a rank a whole
//! number, and two levels may not share a rank.

use crate::content::resolve::is_valid_id;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::node::Pos;

/// The extras' fields this file reads (the grid's other extras go to the level's text).
pub const KEY_FIELDS: [&str; 3] = ["id", "code", "rank"];

/// What the sheet says of one level's id, code and rank.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GivenKeys {
    pub id: Option<String>,
    pub code: Option<String>,
    /// The rank given, else the level's place in the sheet (1 first).
    pub rank: i64,
}

/// One level's identity, as `grid` holds it: its label and line.
pub type LevelLabel = (String, u32);

/// The keys of every level, in the order of `levels`. `extras` are the
/// grid's (field, level index, text); problems go to `diagnostics`.
pub fn given_keys(
    levels: &[LevelLabel],
    extras: &[(String, usize, String)],
    file: &str,
    diagnostics: &mut Diagnostics,
) -> Vec<GivenKeys> {
    let mut keys: Vec<GivenKeys> = (1..=levels.len() as i64)
        .map(|rank| GivenKeys {
            rank,
            ..GivenKeys::default()
        })
        .collect();
    for (field, level, text) in extras {
        let (Some(given), Some((label, line))) = (keys.get_mut(*level), levels.get(*level)) else {
            continue;
        };
        let text = text.trim();
        if text.is_empty() {
            continue;
        }
        let at =
            |message: String| Diagnostic::error("invalid-id", file, Pos::new(*line, 1), message);
        match field.as_str() {
            "id" if is_valid_id(text) => given.id = Some(text.to_string()),
            "id" => diagnostics.push(
                at(format!("the id `{text}` given for the level `{label}` is not a valid id"))
                    .with_help(id_help(text)),
            ),
            "code" => given.code = Some(text.to_string()),
            "rank" => match text.parse::<i64>() {
                Ok(rank) => given.rank = rank,
                Err(_) => diagnostics.push(Diagnostic {
                    code: "wrong-type",
                    ..at(format!(
                        "the rank given for the level `{label}` must be a whole number, found `{text}`"
                    ))
                }),
            },
            _ => {}
        }
    }
    check_ranks(levels, &keys, file, diagnostics);
    keys
}

/// How to write an id, with the slug of `text` as an example when it is one.
pub(super) fn id_help(text: &str) -> String {
    let suggestion = crate::markdown::slugify(text);
    let example = if is_valid_id(&suggestion) {
        format!(" (e.g. `{suggestion}`)")
    } else {
        String::new()
    };
    format!(
        "ids use lowercase letters, digits and `-`, start with a letter or digit, at most 64 characters{example}"
    )
}

/// Two levels of one rank: an error on the second, naming the first.
fn check_ranks(
    levels: &[LevelLabel],
    keys: &[GivenKeys],
    file: &str,
    diagnostics: &mut Diagnostics,
) {
    for (index, key) in keys.iter().enumerate() {
        let Some(first) = keys[..index].iter().position(|k| k.rank == key.rank) else {
            continue;
        };
        let (label, line) = &levels[index];
        diagnostics.push(
            Diagnostic::error(
                "duplicate-rank",
                file,
                Pos::new(*line, 1),
                format!(
                    "the level `{label}` has rank {}, as `{}` (line {}) has",
                    key.rank, levels[first].0, levels[first].1
                ),
            )
            .with_help(
                "give each level its own rank, or leave the rank empty to use the sheet's order",
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn levels() -> Vec<LevelLabel> {
        vec![
            ("Junior".into(), 3),
            ("Senior".into(), 4),
            ("Staff".into(), 5),
        ]
    }

    fn extra(field: &str, level: usize, text: &str) -> (String, usize, String) {
        (field.into(), level, text.into())
    }

    #[test]
    fn given_ids_codes_and_ranks_are_used_and_the_rest_follows_the_sheet() {
        // Junior: id and rank 10 given; Senior: only a code; Staff: rank 30.
        // Senior keeps its place in the sheet (2), which no given rank takes.
        let extras = [
            extra("id", 0, " jr "),
            extra("rank", 0, "10"),
            extra("code", 1, "L4"),
            extra("rank", 2, "30"),
            extra("summary", 2, "ignored here"),
        ];
        let mut diagnostics = Diagnostics::default();
        let keys = given_keys(&levels(), &extras, "grid.csv", &mut diagnostics);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        assert_eq!(
            keys,
            [
                GivenKeys {
                    id: Some("jr".into()),
                    code: None,
                    rank: 10
                },
                GivenKeys {
                    id: None,
                    code: Some("L4".into()),
                    rank: 2
                },
                GivenKeys {
                    id: None,
                    code: None,
                    rank: 30
                },
            ]
        );
    }

    #[test]
    fn a_bad_id_a_bad_rank_and_a_rank_taken_twice_are_errors_at_their_rows() {
        // Staff's rank 1 collides with Junior's place in the sheet (1).
        let extras = [
            extra("id", 0, "E 1"),
            extra("rank", 1, "two"),
            extra("rank", 2, "1"),
        ];
        let mut diagnostics = Diagnostics::default();
        given_keys(&levels(), &extras, "grid.csv", &mut diagnostics);
        let lines: Vec<String> = diagnostics
            .sorted()
            .iter()
            .map(Diagnostic::one_line)
            .collect();
        assert_eq!(
            lines,
            [
                "grid.csv:3:1: error[invalid-id]: the id `E 1` given for the level `Junior` is not a valid id",
                "grid.csv:4:1: error[wrong-type]: the rank given for the level `Senior` must be a whole number, found `two`",
                "grid.csv:5:1: error[duplicate-rank]: the level `Staff` has rank 1, as `Junior` (line 3) has",
            ]
        );
    }
}
