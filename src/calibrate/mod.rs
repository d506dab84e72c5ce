//! `calibrate`: many loops' filled-in scorecards (and their decisions) → one
//! report about the hiring process: interviewers who rate higher or lower
//! than their panels, dimensions that never separate candidates or on which
//! interviewers disagree, interviews often missing, expected competencies no
//! loop rated.
//!
//! The stages, one file each, in the order the command runs them:
//!
//! - `crate::filled` each file's JSON: a scorecard checked against the book,
//!   a file given twice or one interviewer's interview in two files refused
//! - `decision`   a `decision.json` (`ladderbook.decision/1`) checked
//! - `loops`      checked files → loops (candidate field or folder), decisions attached
//! - `interviewers`, `dimensions`, `scorecards`  the statistics (`stats`
//!   holds the formulas, `thresholds` the limits below which nothing is judged)
//! - `calibration` the whole report and its findings
//! - `text`, `markdown`, `json`, `html`  the report → a `String`, through `crate::report`
//!
//! Invariants: nothing here reads or writes files or prints (`cmd::calibrate`
//! does the I/O); problems in the input files are diagnostics, all of them at
//! once; every order is deterministic (loops by scorecard and candidate,
//! interviewers by name, scorecards and dimensions in the book's order).

pub mod calibration;
pub mod decision;
pub mod dimensions;
pub mod html;
pub mod interviewers;
pub mod json;
pub mod loops;
pub mod markdown;
pub mod scorecards;
pub mod stats;
pub mod text;
pub mod thresholds;

use crate::content::model::Book;
use crate::diagnostics::Diagnostics;
use crate::filled::json::{Document, format_of, parse};
use crate::filled::scorecard::{self, Filled};
use crate::filled::{Input, twice};
use decision::{DECISION_FORMAT, Decision, check_decision};
use loops::{Loop, group_loops};

/// The checked inputs: scorecards, and the loops they form.
pub struct Checked {
    pub files: Vec<Filled>,
    pub loops: Vec<Loop>,
}

/// Checks every file (a scorecard or a decision, told apart by `format`)
/// and all of them together. Fit to report when the diagnostics have no errors.
pub fn check_files(book: &Book, inputs: &[Input]) -> (Checked, Diagnostics) {
    let mut diagnostics = Diagnostics::default();
    // Parsed first, to tell decisions (never compared by content) apart; a
    // file's parse problems are kept until it is known not to be a repeat.
    let parsed: Vec<(Option<Document>, Diagnostics)> = inputs
        .iter()
        .map(|input| {
            let mut problems = Diagnostics::default();
            let document = parse(&input.file, &input.bytes, &scorecard::KIND, &mut problems);
            (document, problems)
        })
        .collect();
    let is_decision = |d: &Document| format_of(&d.value) == Some(DECISION_FORMAT);
    let by_content: Vec<bool> = parsed
        .iter()
        .map(|(d, _)| !d.as_ref().is_some_and(is_decision))
        .collect();
    let repeats = twice::check_given_twice(inputs, &by_content, &mut diagnostics);
    let mut files = Vec::new();
    let mut decisions: Vec<Decision> = Vec::new();
    for ((input, (document, problems)), repeat) in inputs.iter().zip(parsed).zip(repeats) {
        if repeat {
            continue;
        }
        diagnostics.extend(problems);
        match document {
            None => {}
            Some(d) if is_decision(&d) => {
                decisions.extend(check_decision(book, &input.file, &d, &mut diagnostics));
            }
            Some(d) => {
                let checked = scorecard::check_document(book, &input.file, &d, &mut diagnostics);
                files.extend(checked.filled);
            }
        }
    }
    twice::check_scorecard_twice(book, &files.iter().collect::<Vec<_>>(), &mut diagnostics);
    let loops = group_loops(book, &files, &decisions, &mut diagnostics);
    (Checked { files, loops }, diagnostics)
}
