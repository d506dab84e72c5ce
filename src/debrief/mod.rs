//! `debrief`: the filled-in scorecards of one hiring loop → one debrief.
//!
//! The stages, one file each, in the order the command runs them:
//!
//! - `crate::filled` each file's JSON → a [`Filled`] checked against the book;
//!   a file given twice, or one interviewer's interview in two files, refused;
//!   a file filled against another ladder version → what changed
//! - `same_loop`  the files together: one scorecard, one candidate
//! - `aggregate`  checked files → a [`aggregate::Debrief`] (pure statistics and verdict)
//! - `text`, `markdown`, `json`  the debrief → a `String`
//!
//! Invariants: nothing here reads or writes files or prints (`cmd::debrief`
//! does the I/O); problems in the input files are diagnostics, not errors;
//! every order is deterministic (see `aggregate`).

pub mod aggregate;
pub mod json;
pub mod markdown;
mod same_loop;
pub mod text;

use crate::content::model::Book;
use crate::diagnostics::Diagnostics;
pub use crate::filled::Input;
use crate::filled::scorecard::Filled;

/// Checks every file against the book and all of them against each other.
/// The files are fit to aggregate when the diagnostics have no errors.
pub fn check_files(book: &Book, inputs: &[Input]) -> (Vec<Filled>, Diagnostics) {
    let mut diagnostics = Diagnostics::default();
    let checked = crate::filled::check_scorecards(book, inputs, &mut diagnostics);
    let keys: Vec<_> = checked.iter().filter_map(|c| c.key.clone()).collect();
    same_loop::check_same_loop(book, &keys, &mut diagnostics);
    let files = checked.into_iter().filter_map(|c| c.filled).collect();
    (files, diagnostics)
}
