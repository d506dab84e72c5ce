//! Checked files → loops: one loop is one candidate's scorecards for one
//! scorecard of the book. The candidate is the files' `candidate` field
//! (compared without case and extra spaces) or, for files that name none,
//! the folder they sit in ("one candidate per folder"). Each decision file
//! is matched to its loop here; one that matches no loop, or a second
//! decision for a loop, is an error naming both files.

use std::collections::{BTreeMap, BTreeSet};

use crate::calibrate::decision::{Decision, folder_of};
use crate::content::model::Book;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::filled::normalise_name;
use crate::filled::scorecard::Filled;

/// One candidate's loop.
#[derive(Debug, Clone, PartialEq)]
pub struct Loop {
    /// Index into `Book::scorecards`.
    pub scorecard: usize,
    /// The candidate as first written, or the folder for unnamed files.
    pub candidate: String,
    /// Indices into the checked files, in interview order, then
    /// interviewer, then file.
    pub files: Vec<usize>,
    pub folders: BTreeSet<String>,
    /// `Some(true)` hired, `Some(false)` not hired, `None` not recorded.
    pub decision: Option<bool>,
    /// The decision file, for the "decided twice" message.
    decision_file: Option<String>,
}

/// Groups `files` into loops (sorted by scorecard, then candidate) and
/// gives each its decision.
pub fn group_loops(
    book: &Book,
    files: &[Filled],
    decisions: &[Decision],
    diagnostics: &mut Diagnostics,
) -> Vec<Loop> {
    let mut by_key: BTreeMap<(usize, String), Loop> = BTreeMap::new();
    for (index, file) in files.iter().enumerate() {
        let folder = folder_of(&file.file);
        let (key, shown) = match &file.candidate {
            Some(name) => (normalise_name(&name.value), name.value.clone()),
            None => (format!("\u{0}{folder}"), display_folder(&folder)),
        };
        let entry = by_key
            .entry((file.scorecard.value, key))
            .or_insert_with(|| Loop {
                scorecard: file.scorecard.value,
                candidate: shown,
                files: Vec::new(),
                folders: BTreeSet::new(),
                decision: None,
                decision_file: None,
            });
        entry.files.push(index);
        entry.folders.insert(folder);
    }
    let mut loops: Vec<Loop> = by_key.into_values().collect();
    loops.sort_by_cached_key(|l| (l.scorecard, normalise_name(&l.candidate), l.files[0]));
    for found in &mut loops {
        found.files.sort_by(|&a, &b| {
            let (a, b) = (&files[a], &files[b]);
            (a.interview, &a.interviewer, &a.file).cmp(&(b.interview, &b.interviewer, &b.file))
        });
    }
    for decision in decisions {
        attach_decision(book, &mut loops, decision, diagnostics);
    }
    loops
}

fn display_folder(folder: &str) -> String {
    if folder.is_empty() {
        "(no candidate named)".to_string()
    } else {
        format!("{folder}/")
    }
}

fn attach_decision(
    book: &Book,
    loops: &mut [Loop],
    decision: &Decision,
    diagnostics: &mut Diagnostics,
) {
    let matches = |l: &Loop| {
        let who = match &decision.candidate {
            Some(name) => normalise_name(&name.value) == normalise_name(&l.candidate),
            None => l.folders.contains(&decision.folder),
        };
        who && decision
            .scorecard
            .as_ref()
            .is_none_or(|s| s.value == l.scorecard)
    };
    let mut matched = 0;
    for found in loops.iter_mut().filter(|l| matches(l)) {
        matched += 1;
        if let Some(first) = &found.decision_file {
            diagnostics.push(
                Diagnostic::error(
                    "decision-twice",
                    &decision.file,
                    decision.pos,
                    format!(
                        "`decision`: the loop of “{}” for `{}` already has a decision, in {first}",
                        found.candidate, book.scorecards[found.scorecard].id
                    ),
                )
                .with_help("keep one decision file per loop"),
            );
            continue;
        }
        found.decision = Some(decision.hire);
        found.decision_file = Some(decision.file.clone());
    }
    if matched == 0 {
        let whose = match &decision.candidate {
            Some(name) => format!("no scorecard given is about “{}”", name.value),
            None => "no scorecard given sits in the same folder".to_string(),
        };
        diagnostics.push(
            Diagnostic::error(
                "decision-without-loop",
                &decision.file,
                decision.pos,
                format!("`decision`: {whose}, so this decision belongs to no loop"),
            )
            .with_help("pass the loop's scorecards too, or name its candidate in `candidate`"),
        );
    }
}

impl Loop {
    /// An empty loop of `scorecard`, for tests of the statistics.
    #[cfg(test)]
    pub fn for_tests(scorecard: usize) -> Loop {
        Loop {
            scorecard,
            candidate: String::new(),
            files: Vec::new(),
            folders: BTreeSet::new(),
            decision: None,
            decision_file: None,
        }
    }

    /// The ratings of dimension `d` in this loop: (file index, scale position).
    pub fn ratings(&self, files: &[Filled], d: usize) -> Vec<(usize, usize)> {
        self.files
            .iter()
            .filter_map(|&f| {
                let rating = files[f].ratings.iter().find(|r| r.dimension == d)?;
                Some((f, rating.rating?))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::At;
    use crate::filled::testing::{filled, test_book};
    use crate::node::Pos;

    fn file(name: &str, candidate: Option<&str>, interviewer: &str) -> Filled {
        let mut f = filled(name, 0);
        f.candidate = candidate.map(|c| At::new(c.into(), Pos::new(1, 1)));
        f.interviewer = Some(interviewer.into());
        f
    }

    fn decision(file: &str, candidate: Option<&str>, hire: bool) -> Decision {
        Decision {
            file: file.into(),
            folder: folder_of(file),
            candidate: candidate.map(|c| At::new(c.into(), Pos::new(1, 1))),
            scorecard: None,
            hire,
            pos: Pos::new(3, 15),
        }
    }

    #[test]
    fn files_group_by_candidate_name_or_folder_and_get_their_decision() {
        let book = test_book();
        let files = [
            file("q1/jo-ann.json", Some("Jo Park"), "Ann"),
            file("q1/jo-bob.json", Some("jo park"), "Bob"),
            file("kim/ann.json", None, "Ann"),
            file("kim/bob.json", None, "Bob"),
        ];
        let decisions = [
            decision("kim/decision.json", None, true),
            decision("q1/jo.json", Some("JO PARK"), false),
        ];
        let mut diagnostics = Diagnostics::default();
        let loops = group_loops(&book, &files, &decisions, &mut diagnostics);
        assert!(diagnostics.is_empty());
        let summary: Vec<_> = loops
            .iter()
            .map(|l| (l.candidate.as_str(), l.files.clone(), l.decision))
            .collect();
        assert_eq!(
            summary,
            [
                ("Jo Park", vec![0, 1], Some(false)),
                ("kim/", vec![2, 3], Some(true))
            ]
        );
    }

    #[test]
    fn a_decision_for_no_loop_or_a_second_one_is_an_error() {
        let book = test_book();
        let files = [file("kim/ann.json", None, "Ann")];
        let decisions = [
            decision("kim/decision.json", None, true),
            decision("kim/again.json", None, false),
            decision("elsewhere/decision.json", Some("Lee"), true),
        ];
        let mut diagnostics = Diagnostics::default();
        let loops = group_loops(&book, &files, &decisions, &mut diagnostics);
        assert_eq!(loops[0].decision, Some(true));
        let lines: Vec<String> = diagnostics.sorted().iter().map(|d| d.one_line()).collect();
        assert_eq!(
            lines,
            [
                "elsewhere/decision.json:3:15: error[decision-without-loop]: `decision`: no scorecard given is about “Lee”, so this decision belongs to no loop",
                "kim/again.json:3:15: error[decision-twice]: `decision`: the loop of “kim/” for `lead-loop` already has a decision, in kim/decision.json",
            ]
        );
    }
}
