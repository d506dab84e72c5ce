//! Where a site may be written: the output folder must not hold the book's
//! own files, and must be missing, empty or a site ladderbook wrote, because
//! a build replaces it whole.
//!
//! `build` refuses such a folder before it writes anything; `check` reports
//! the same refusal for the `output-dir` of `book.toml`, with the same words,
//! so a book that checks clean also builds (issue 22). Nothing here writes.

use std::path::{Path, PathBuf};

use crate::config::CONFIG_FILE;
use crate::content::model::Book;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::node::Pos;

/// Why the site cannot go to a folder, and what to do instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub message: String,
    pub help: String,
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}\n  help: {}", self.message, self.help)
    }
}

/// Refuses `out` (the output of `build`, from `book.toml` or `--out`) as a
/// tool error, the way `build_site` stops before it writes.
pub fn check_output(book: &Book, root: &Path, out: &Path) -> anyhow::Result<()> {
    match refusal(book, root, out) {
        Some(refusal) => Err(anyhow::anyhow!("{refusal}")),
        None => Ok(()),
    }
}

/// The refusal of the output folder `book.toml` configures, as a diagnostic
/// on its `output-dir` line: what `check` reports and what `build` reports
/// when no `--out` overrides it.
pub fn configured_output_problems(book: &Book, root: &Path) -> Diagnostics {
    let out = book.config.output_dir(root);
    let pos = book.config.build.output_dir_pos.unwrap_or(Pos::new(1, 1));
    refusal(book, root, &out)
        .map(|refusal| {
            Diagnostic::error("unusable-output-dir", CONFIG_FILE, pos, refusal.message)
                .with_help(refusal.help)
        })
        .into_iter()
        .collect()
}

fn refusal(book: &Book, root: &Path, out: &Path) -> Option<Refusal> {
    location_refusal(book, root, out).or_else(|| replace_refusal(out))
}

/// Refuses an output folder that would replace the book or its sources.
fn location_refusal(book: &Book, root: &Path, out: &Path) -> Option<Refusal> {
    let absolute = |p: &Path| -> PathBuf {
        let joined = if p.is_absolute() {
            p.to_path_buf()
        } else {
            std::env::current_dir().unwrap_or_default().join(p)
        };
        normalize(&joined)
    };
    let out_abs = absolute(out);
    let root_abs = absolute(root);
    let protected = [
        root_abs.clone(),
        absolute(&book.config.content_dir(root)),
        absolute(&root.join("themes")),
    ];
    let place = protected.iter().find(|place| {
        place.starts_with(&out_abs) || out_abs.starts_with(place) && *place != &root_abs
    })?;
    Some(Refusal {
        message: format!(
            "refusing to write the site to `{}`: it would replace the book's own files ({})",
            out.display(),
            place.display(),
        ),
        help: format!(
            "choose an output folder such as `{}`",
            root.join("site").display()
        ),
    })
}

/// Refuses an output that a build would destroy without it being a site:
/// the swap replaces the whole folder, so it must be missing, empty, or a
/// site ladderbook wrote (its `ladder.json` says so), never a file or a
/// folder of someone's documents given as `--out` by mistake.
pub fn replace_refusal(out: &Path) -> Option<Refusal> {
    let meta = std::fs::metadata(out).ok()?;
    if !meta.is_dir() {
        return Some(Refusal {
            message: format!(
                "refusing to write the site to `{}`: it is a file, and the site is a folder",
                out.display()
            ),
            help: "choose a folder for the output (it is created if missing)".into(),
        });
    }
    // A folder that cannot be listed is left to the build to report as I/O.
    let mut entries = std::fs::read_dir(out).ok()?;
    if entries.next().is_none() || super::is_a_site(out) {
        return None;
    }
    Some(Refusal {
        message: format!(
            "refusing to write the site to `{}`: the folder holds files ladderbook did not write, and a build replaces the whole folder",
            out.display()
        ),
        help: "choose a new or empty folder for the output, or remove this one yourself if it is an old site".into(),
    })
}

/// Resolves `.` and `..` without touching the disk (the output may not exist).
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}
