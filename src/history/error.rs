//! Why a side of a diff could not be read at all (exit 2): each a one-line
//! reason and a hint, printed by `main` like every failure of the tool.
//! Problems *in* a side's book are diagnostics instead (exit 1).

use std::path::PathBuf;

#[derive(Debug)]
pub enum HistoryError {
    /// The folder given with `--book` is in no repository that can be read.
    NoRepository { book: PathBuf, reason: String },
    /// The revision names nothing in the repository.
    UnknownRevision {
        revision: String,
        repository: PathBuf,
        reason: String,
        shallow: bool,
    },
    /// The revision was found but its objects could not be read.
    UnreadableRevision {
        revision: String,
        reason: String,
        shallow: bool,
    },
    /// The revision has no `book.toml` in the book's folder.
    NotABookAt { revision: String, folder: String },
}

const SHALLOW_HELP: &str = "this clone is shallow and may not hold that revision: fetch the history with `git fetch --unshallow --tags`";

impl std::fmt::Display for HistoryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            HistoryError::NoRepository { book, reason } => write!(
                f,
                "cannot read a git repository holding `{}`: {}\n  help: revisions are read from the book's own repository; run in it, pass it with --book, or compare two book folders",
                book.display(),
                first_line(reason)
            ),
            HistoryError::UnknownRevision {
                revision,
                repository,
                shallow,
                ..
            } => {
                write!(
                    f,
                    "unknown revision `{revision}` in the repository at `{}`",
                    repository.display()
                )?;
                if *shallow {
                    write!(f, "\n  help: {SHALLOW_HELP}")
                } else {
                    write!(
                        f,
                        "\n  help: check the name with `git tag` or `git branch -a`; fetch tags with `git fetch --tags`; or name an existing book folder"
                    )
                }
            }
            HistoryError::UnreadableRevision {
                revision,
                reason,
                shallow,
            } => {
                write!(
                    f,
                    "cannot read revision `{revision}`: {}",
                    first_line(reason)
                )?;
                let help = if *shallow {
                    SHALLOW_HELP
                } else {
                    "check the repository with `git fsck`"
                };
                write!(f, "\n  help: {help}")
            }
            HistoryError::NotABookAt { revision, folder } => write!(
                f,
                "`{revision}` has no book at `{folder}`: no book.toml there\n  help: pass the book's folder with --book, or a revision where the book exists"
            ),
        }
    }
}

impl std::error::Error for HistoryError {}

/// A library's message on one line, so the reason stays one line.
fn first_line(reason: &str) -> &str {
    reason.lines().next().unwrap_or_default()
}
