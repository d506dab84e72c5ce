//! A scorecard counts once (issue 22): the same file given twice (by the
//! same path, or a copy under another name) and two files for the same
//! interviewer, interview and candidate are errors naming both files, never
//! a double count that skews a mean or a verdict.

use std::collections::HashMap;

use crate::content::model::Book;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::filled::scorecard::Filled;
use crate::filled::{Input, normalise_name};
use crate::node::Pos;

/// Reports every input whose content repeats an earlier one's (a byte order
/// mark aside); returns, per input, whether it is such a repeat, so callers
/// read it no further.
pub fn check_given_twice(inputs: &[Input], diagnostics: &mut Diagnostics) -> Vec<bool> {
    let mut seen: HashMap<&[u8], &str> = HashMap::new();
    inputs
        .iter()
        .map(|input| {
            let bytes = input
                .bytes
                .strip_prefix(b"\xEF\xBB\xBF")
                .unwrap_or(&input.bytes);
            let Some(first) = seen.get(bytes).copied() else {
                seen.insert(bytes, &input.file);
                return false;
            };
            let message = if first == input.file {
                "this file is given twice; it would be counted twice".to_string()
            } else {
                format!("this file has the same content as {first}; it would be counted twice")
            };
            diagnostics.push(
                Diagnostic::error("file-given-twice", &input.file, Pos::new(1, 1), message)
                    .with_help("pass each file once"),
            );
            true
        })
        .collect()
}

/// Reports every scorecard whose interviewer already filled the same
/// interview of the same scorecard for the same candidate in an earlier file.
/// Files that name no interviewer are not compared: two of them may be two
/// people.
pub fn check_scorecard_twice(book: &Book, files: &[&Filled], diagnostics: &mut Diagnostics) {
    type Key = (usize, Option<String>, usize, String);
    let mut seen: HashMap<Key, &Filled> = HashMap::new();
    for file in files {
        let Some(interviewer) = &file.interviewer else {
            continue;
        };
        let key = (
            file.scorecard.value,
            file.candidate.as_ref().map(|c| normalise_name(&c.value)),
            file.interview,
            normalise_name(interviewer),
        );
        let Some(first) = seen.get(&key) else {
            seen.insert(key, file);
            continue;
        };
        let scorecard = &book.scorecards[file.scorecard.value];
        let interview = &scorecard.interviews[file.interview].id;
        let candidate = first
            .candidate
            .as_ref()
            .map(|c| format!(" about “{}”", c.value))
            .unwrap_or_default();
        diagnostics.push(
            Diagnostic::error(
                "scorecard-twice",
                &file.file,
                file.interviewer_pos,
                format!(
                    "`interviewer`: {} already filled interview `{interview}`{candidate} in {}; a scorecard counts once",
                    first.interviewer.as_deref().unwrap_or(interviewer),
                    first.file
                ),
            )
            .with_help(
                "pass one of the two files; if both are meant, one names the wrong interviewer or interview",
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::At;
    use crate::filled::testing::{filled, test_book};

    fn input(file: &str, bytes: &[u8]) -> Input {
        Input {
            file: file.into(),
            bytes: bytes.to_vec(),
        }
    }

    fn lines(diagnostics: Diagnostics) -> Vec<String> {
        diagnostics.sorted().iter().map(|d| d.one_line()).collect()
    }

    #[test]
    fn the_same_content_twice_is_reported_on_the_later_file() {
        let mut diagnostics = Diagnostics::default();
        let repeats = check_given_twice(
            &[
                input("a.json", b"{}"),
                input("b.json", b"{ }"),
                input("a.json", b"{}"),
                input("c.json", b"\xEF\xBB\xBF{}"),
            ],
            &mut diagnostics,
        );
        assert_eq!(repeats, [false, false, true, true]);
        assert_eq!(
            lines(diagnostics),
            [
                "a.json:1:1: error[file-given-twice]: this file is given twice; it would be counted twice",
                "c.json:1:1: error[file-given-twice]: this file has the same content as a.json; it would be counted twice",
            ]
        );
    }

    #[test]
    fn one_interviewers_interview_in_two_files_is_reported() {
        let book = test_book();
        let file = |name: &str, who: Option<&str>, interview: usize, candidate: &str| {
            let mut f = filled(name, 0);
            f.interviewer = who.map(String::from);
            f.interviewer_pos = Pos::new(6, 18);
            f.interview = interview;
            f.candidate = Some(At::new(candidate.into(), Pos::new(5, 16)));
            f
        };
        let files = [
            file("a.json", Some("Ann Smith"), 0, "Jo"),
            file("b.json", Some("ann  smith"), 0, "jo"),
            // Another interview, another candidate, or nobody named: fine.
            file("c.json", Some("Ann Smith"), 1, "Jo"),
            file("d.json", Some("Ann Smith"), 0, "Kim"),
            file("e.json", None, 0, "Jo"),
            file("f.json", None, 0, "Jo"),
        ];
        let mut diagnostics = Diagnostics::default();
        check_scorecard_twice(&book, &files.iter().collect::<Vec<_>>(), &mut diagnostics);
        assert_eq!(
            lines(diagnostics),
            [
                "b.json:6:18: error[scorecard-twice]: `interviewer`: Ann Smith already filled interview `incident-sim` about “Jo” in a.json; a scorecard counts once"
            ]
        );
    }
}
