//! Filled-in files: the JSON a person or the site filled in (scorecards,
//! decisions), read and checked the same way by every command that takes
//! them (`debrief`, `calibrate`, `team`).
//!
//! - `json`      the one reader: bytes (a byte order mark accepted) → value,
//!   and the field helpers that report a problem at its key path
//! - `locate`    the line and column of a JSON key path
//! - `twice`     a file given twice, or one scorecard in two files, is an error
//! - `scorecard` one `ladderbook.scorecard/1` file checked against the book
//! - `assessment` one `ladderbook.assessment/1` file checked against the book
//! - `pinning`   a file filled against another ladder version → what changed
//!
//! Invariants: nothing here reads or writes files or prints; problems are
//! diagnostics, every one at a file, line and column, all of a run at once.

pub mod assessment;
pub mod foundation;
pub mod json;
pub mod locate;
pub mod pinning;
pub mod scorecard;
#[cfg(test)]
pub mod testing;
pub mod twice;

use crate::content::model::Book;
use crate::diagnostics::Diagnostics;
use scorecard::Checked;

/// One input file as read from disk.
pub struct Input {
    /// The path as given on the command line; diagnostics name it so.
    pub file: String,
    pub bytes: Vec<u8>,
}

/// Names compare without case and with runs of spaces as one.
pub fn normalise_name(name: &str) -> String {
    name.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Checks scorecard files: a file given twice is reported once and not
/// read again; every other file is checked against the book; then two files
/// for one interviewer's interview are reported.
pub fn check_scorecards(
    book: &Book,
    inputs: &[Input],
    diagnostics: &mut Diagnostics,
) -> Vec<Checked> {
    let repeats = twice::check_given_twice(inputs, &[], diagnostics);
    let checked: Vec<Checked> = inputs
        .iter()
        .zip(&repeats)
        .filter(|(_, repeat)| !**repeat)
        .map(|(input, _)| scorecard::check_file(book, &input.file, &input.bytes, diagnostics))
        .collect();
    let filled: Vec<_> = checked.iter().filter_map(|c| c.filled.as_ref()).collect();
    twice::check_scorecard_twice(book, &filled, diagnostics);
    checked
}

/// Checks assessment files: a file given twice is reported once and not
/// read again; every other file is checked against the book; then two files
/// by the same assessor about the same person are reported.
pub fn check_assessments(
    book: &Book,
    inputs: &[Input],
    diagnostics: &mut Diagnostics,
) -> Vec<assessment::Assessment> {
    let repeats = twice::check_given_twice(inputs, &[], diagnostics);
    let checked: Vec<_> = inputs
        .iter()
        .zip(&repeats)
        .filter(|(_, repeat)| !**repeat)
        .filter_map(|(input, _)| {
            assessment::check_file(book, &input.file, &input.bytes, diagnostics)
        })
        .collect();
    twice::check_assessment_twice(&checked, diagnostics);
    checked
}
