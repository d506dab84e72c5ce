//! Standard output of the commands that print their result (`check
//! --format json`, `export`, `debrief`, `schema`, `completions`).
//!
//! A reader that stops early (`ladderbook export | head`) closes the pipe;
//! that is not a failure of the tool, so the rest of the output is dropped
//! quietly and the command ends as it would have (issue 22). Rust ignores
//! SIGPIPE, so the closed pipe arrives here as a `BrokenPipe` error.

use std::io::Write as _;

use anyhow::Context as _;

/// Writes `bytes` to standard output and flushes it; a closed pipe is not
/// an error, any other failure is.
pub fn write_stdout(bytes: &[u8]) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        result => result.context("writing to standard output"),
    }
}
