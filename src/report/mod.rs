//! The output layer every "inputs in, report out" command shares (`debrief`,
//! `calibrate`, and the team and history reports to come): each command's
//! format files build their output from these pieces instead of writing the
//! formats again.
//!
//! - `terminal`  aligned tables with colour (off unless wanted; `NO_COLOR`)
//!   and file text cleaned of control characters
//! - `markdown`  table rows and escaped inline text
//! - `envelope`  the JSON envelope: `format`, then the `book` it was made against
//! - `html`      a self-contained page with the site's stylesheet inlined
//! - `svg`       inline charts: stacked distributions, intervals around zero
//!
//! Invariants: pure functions to `String`; nothing reads, writes or prints
//! (except that `terminal::colour_stdout` asks whether stdout is a terminal);
//! text from input files is escaped or cleaned for every format.

pub mod envelope;
pub mod html;
pub mod markdown;
pub mod svg;
pub mod terminal;

/// "1 loop", "2 loops".
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
