//! `debrief`: the filled-in scorecards of one hiring loop → one debrief.
//!
//! The stages, one file each, in the order the command runs them:
//!
//! - `filled`     one file's JSON → a [`filled::Filled`] checked against the book
//!   (`locate` finds the line and column of a JSON key path for its diagnostics)
//! - `same_loop`  the files together: one scorecard, one candidate
//! - `pinning`    a file filled against another ladder version → what changed
//! - `aggregate`  checked files → a [`aggregate::Debrief`] (pure statistics and verdict)
//! - `text`, `markdown`, `json`  the debrief → a `String`
//!
//! Invariants: nothing here reads or writes files or prints (`cmd::debrief`
//! does the I/O); problems in the input files are diagnostics, not errors;
//! every order is deterministic (see `aggregate`).

pub mod aggregate;
pub mod filled;
pub mod json;
mod locate;
pub mod markdown;
pub mod pinning;
mod same_loop;
#[cfg(test)]
mod testing;
pub mod text;

use crate::content::model::Book;
use crate::diagnostics::Diagnostics;
use filled::Filled;

/// One input file as read from disk.
pub struct Input {
    /// The path as given on the command line; diagnostics name it so.
    pub file: String,
    pub bytes: Vec<u8>,
}

/// Checks every file against the book and all of them against each other.
/// The files are fit to aggregate when the diagnostics have no errors.
pub fn check_files(book: &Book, inputs: &[Input]) -> (Vec<Filled>, Diagnostics) {
    let mut diagnostics = Diagnostics::default();
    let checked: Vec<filled::Checked> = inputs
        .iter()
        .map(|input| filled::check_file(book, &input.file, &input.bytes, &mut diagnostics))
        .collect();
    let keys: Vec<_> = checked.iter().filter_map(|c| c.key.clone()).collect();
    same_loop::check_same_loop(book, &keys, &mut diagnostics);
    let files = checked.into_iter().filter_map(|c| c.filled).collect();
    (files, diagnostics)
}
