//! The checks across files: one debrief is one candidate's loop, so every
//! file must be for the same scorecard and the same candidate.
//!
//! The reference is what most files say (the earliest on a tie), so with one
//! stray file among four it is the stray one that is reported. A file that
//! names no candidate agrees with any.

use crate::content::model::Book;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::filled::normalise_name;
use crate::filled::scorecard::LoopKey;
use crate::node::Pos;

/// Reports every file whose scorecard or candidate differs from the rest.
pub fn check_same_loop(book: &Book, keys: &[LoopKey], diagnostics: &mut Diagnostics) {
    let scorecards: Vec<Claim<usize>> = keys
        .iter()
        .map(|k| Claim {
            file: &k.file,
            key: k.scorecard.value,
            pos: k.scorecard.pos,
            shown: book.scorecards[k.scorecard.value].id.clone(),
        })
        .collect();
    for odd in odd_ones_out(&scorecards) {
        diagnostics.push(
            Diagnostic::error(
                "mixed-scorecards",
                odd.file,
                odd.pos,
                format!(
                    "`scorecard`: this file is for scorecard `{}`, {} for `{}`",
                    odd.shown, odd.others, odd.reference
                ),
            )
            .with_help(
                "a debrief aggregates one interview loop: pass only the scorecards of that loop",
            ),
        );
    }
    let candidates: Vec<Claim<String>> = keys
        .iter()
        .filter_map(|k| {
            let name = k.candidate.as_ref()?;
            Some(Claim {
                file: &k.file,
                key: normalise_name(&name.value),
                pos: name.pos,
                shown: name.value.clone(),
            })
        })
        .collect();
    for odd in odd_ones_out(&candidates) {
        diagnostics.push(
            Diagnostic::error(
                "mixed-candidates",
                odd.file,
                odd.pos,
                format!(
                    "`candidate`: this file is about “{}”, {} about “{}”",
                    odd.shown, odd.others, odd.reference
                ),
            )
            .with_help(
                "pass one candidate's scorecards; if it is the same person, correct the name in the file",
            ),
        );
    }
}

/// What one file says, compared by `key` and shown as `shown`.
struct Claim<'a, K> {
    file: &'a str,
    key: K,
    pos: Pos,
    shown: String,
}

/// A file that disagrees with the reference.
struct OddOne<'a> {
    file: &'a str,
    pos: Pos,
    shown: String,
    reference: String,
    /// "the file a.json is" / "the files a.json, b.json are".
    others: String,
}

fn odd_ones_out<'a, K: PartialEq>(claims: &[Claim<'a, K>]) -> Vec<OddOne<'a>> {
    let count = |key: &K| claims.iter().filter(|c| &c.key == key).count();
    // `max_by_key` keeps the last of equals; reversed, that is the earliest.
    let Some(reference) = claims.iter().rev().max_by_key(|c| count(&c.key)) else {
        return Vec::new();
    };
    let agreeing: Vec<&str> = claims
        .iter()
        .filter(|c| c.key == reference.key)
        .map(|c| c.file)
        .collect();
    let others = match agreeing.as_slice() {
        [one] => format!("the file {one} is"),
        many => format!("the files {} are", many.join(", ")),
    };
    claims
        .iter()
        .filter(|c| c.key != reference.key)
        .map(|c| OddOne {
            file: c.file,
            pos: c.pos,
            shown: c.shown.clone(),
            reference: reference.shown.clone(),
            others: others.clone(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::At;
    use crate::filled::testing::test_book;

    fn key(file: &str, scorecard: usize, candidate: Option<&str>) -> LoopKey {
        LoopKey {
            file: file.into(),
            scorecard: At::new(scorecard, Pos::new(4, 17)),
            candidate: candidate.map(|name| At::new(name.into(), Pos::new(2, 3))),
        }
    }

    fn problems(keys: &[LoopKey]) -> Vec<String> {
        let mut diagnostics = Diagnostics::default();
        check_same_loop(&test_book(), keys, &mut diagnostics);
        diagnostics.sorted().iter().map(|d| d.one_line()).collect()
    }

    #[test]
    fn the_odd_scorecard_out_is_reported_against_the_majority() {
        assert_eq!(
            problems(&[
                key("a.json", 0, None),
                key("b.json", 0, None),
                key("c.json", 1, None)
            ]),
            vec![
                "c.json:4:17: error[mixed-scorecards]: `scorecard`: this file is for scorecard `other-loop`, the files a.json, b.json are for `lead-loop`"
            ]
        );
    }

    #[test]
    fn candidates_compare_without_case_and_extra_spaces() {
        assert_eq!(
            problems(&[
                key("a.json", 0, Some("Jane Doe")),
                key("b.json", 0, Some("jane  doe")),
                key("c.json", 0, Some("John Roe")),
            ]),
            vec![
                "c.json:2:3: error[mixed-candidates]: `candidate`: this file is about “John Roe”, the files a.json, b.json are about “Jane Doe”"
            ]
        );
    }

    #[test]
    fn on_a_tie_the_first_file_is_the_reference_and_a_missing_name_is_fine() {
        assert_eq!(
            problems(&[
                key("a.json", 0, Some("Jane Doe")),
                key("b.json", 0, Some("John Roe")),
                key("c.json", 0, None),
            ]),
            vec![
                "b.json:2:3: error[mixed-candidates]: `candidate`: this file is about “John Roe”, the file a.json is about “Jane Doe”"
            ]
        );
    }
}
