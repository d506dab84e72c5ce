//! One thin file per subcommand: glue between stages, no business logic.

pub mod check;

use crate::cli::ColorChoice;
use crate::diagnostics::ColorMode;

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
