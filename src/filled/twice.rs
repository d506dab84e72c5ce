//! A scorecard counts once (issue 22): the same file given twice (by the
//! same path, or a copy under another name) and two files for the same
//! interviewer, interview and candidate are errors naming both files, never
//! a double count that skews a mean or a verdict.

use std::collections::HashMap;

use crate::content::model::Book;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::filled::assessment::Assessment;
use crate::filled::scorecard::Filled;
use crate::filled::{Input, normalise_name};
use crate::node::Pos;

/// Reports every input given again: by the same path (up to `./`), or, for
/// the inputs `by_content` allows, with the same content (a byte order mark
/// aside). A scorecard names its loop, interview and interviewer, so a copy
/// of one is the same scorecard; a decision without a candidate belongs to
/// its folder, so two equal ones in two folders are two decisions. Returns,
/// per input, whether it is such a repeat, so callers read it no further.
pub fn check_given_twice(
    inputs: &[Input],
    by_content: &[bool],
    diagnostics: &mut Diagnostics,
) -> Vec<bool> {
    let mut paths: HashMap<String, &str> = HashMap::new();
    let mut contents: HashMap<&[u8], &str> = HashMap::new();
    inputs
        .iter()
        .enumerate()
        .map(|(i, input)| {
            let message = if let Some(first) = paths.get(&lexical(&input.file)) {
                if *first == input.file {
                    "this file is given twice; it would be counted twice".to_string()
                } else {
                    format!("this is {first} again; it would be counted twice")
                }
            } else {
                paths.insert(lexical(&input.file), &input.file);
                let bytes = input
                    .bytes
                    .strip_prefix(b"\xEF\xBB\xBF")
                    .unwrap_or(&input.bytes);
                match contents.get(bytes) {
                    Some(first) if by_content.get(i).copied().unwrap_or(true) => format!(
                        "this file has the same content as {first}; it would be counted twice"
                    ),
                    Some(_) => return false,
                    None => {
                        contents.insert(bytes, &input.file);
                        return false;
                    }
                }
            };
            diagnostics.push(
                Diagnostic::error("file-given-twice", &input.file, Pos::new(1, 1), message)
                    .with_help("pass each file once"),
            );
            true
        })
        .collect()
}

/// A path without `.` components, `\\` as `/`: the same file as given twice.
fn lexical(path: &str) -> String {
    path.replace('\\', "/")
        .split('/')
        .filter(|part| *part != "." && !part.is_empty())
        .collect::<Vec<_>>()
        .join("/")
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

/// Reports every assessment of a person by an assessor (or from a
/// perspective) already given in an earlier file: the team report would
/// count one view twice. Files that name nobody are not compared.
pub fn check_assessment_twice(files: &[Assessment], diagnostics: &mut Diagnostics) {
    let mut seen: HashMap<(String, String), &Assessment> = HashMap::new();
    for file in files {
        let Some(person) = &file.person else {
            continue;
        };
        let by = match (&file.assessor, file.perspective) {
            (Some(assessor), _) => normalise_name(assessor),
            (None, Some(perspective)) => format!("({})", perspective.id()),
            (None, None) => continue,
        };
        let key = (normalise_name(person), by);
        let Some(first) = seen.get(&key) else {
            seen.insert(key, file);
            continue;
        };
        let by = file
            .assessor
            .clone()
            .unwrap_or_else(|| format!("a {} assessment", file.perspective.map_or("", |p| p.id())));
        diagnostics.push(
            Diagnostic::error(
                "assessment-twice",
                &file.file,
                file.person_pos,
                format!(
                    "`person`: {} already has an assessment by {by} in {}; each view counts once",
                    first.person.as_deref().unwrap_or(person),
                    first.file
                ),
            )
            .with_help("pass one of the two files; if both are meant, one names the wrong person or assessor"),
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
                input("./b.json", b"{ }"),
                // Equal content that may not be compared so: two decisions.
                input("x/d.json", b"{ }"),
            ],
            &[true, true, true, true, true, false],
            &mut diagnostics,
        );
        assert_eq!(repeats, [false, false, true, true, true, false]);
        assert_eq!(
            lines(diagnostics),
            [
                "./b.json:1:1: error[file-given-twice]: this is b.json again; it would be counted twice",
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
