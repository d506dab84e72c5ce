//! One thin file per subcommand: glue between stages, no business logic.

pub mod build;
pub mod calibrate;
pub mod check;
pub mod completions;
pub mod debrief;
pub mod diff;
pub mod export;
pub mod import;
pub mod init;
mod inputs;
pub mod pay;
pub mod role;
pub mod schema;
pub mod serve;
pub mod team;

use std::path::Path;

use crate::cli::ColorChoice;
use crate::diagnostics::{ColorMode, Diagnostics, Severity, print_human};

/// How a command ended, mapped to the exit status by `main`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Exit 0.
    Success,
    /// Exit 1: the book or an input file has errors.
    Problems,
}

/// Options every command shares.
#[derive(Debug, Clone, Copy)]
pub struct Global {
    pub color: ColorMode,
    pub quiet: bool,
    pub verbose: bool,
}

impl From<ColorChoice> for ColorMode {
    fn from(choice: ColorChoice) -> Self {
        match choice {
            ColorChoice::Auto => ColorMode::Auto,
            ColorChoice::Always => ColorMode::Always,
            ColorChoice::Never => ColorMode::Never,
        }
    }
}

/// Prints a run's diagnostics (errors only when quiet).
pub fn report_problems(diagnostics: Diagnostics, root: &Path, global: Global) {
    let sorted: Vec<_> = diagnostics
        .sorted()
        .into_iter()
        .filter(|d| !global.quiet || d.severity == Severity::Error)
        .collect();
    print_human(&sorted, root, global.color);
}
