//! The preview's current site: the last good build, kept in memory, and the
//! problems of the latest attempt (shown as an overlay until fixed).
//!
//! Like `build` over its previous output (issue 20), a rebuild tells the
//! files whose bytes changed from those that stayed as they were: only the
//! tabs showing a changed page reload, and a rebuild that changed nothing
//! reloads none.

use std::path::Path;
use std::sync::{Arc, RwLock};

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::history::published::load_with_history;
use crate::render::memo::BodyMemo;
use crate::site::{Files, render_in_memory};

/// What a rebuild changed for the open tabs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Changes {
    /// These files are new, changed or gone (none: nothing to reload);
    /// `unchanged` kept their bytes.
    Files {
        changed: Vec<String>,
        unchanged: usize,
    },
    /// The problems overlay appeared, changed or went: every page differs.
    Everything,
}

/// The outcome of one rebuild.
pub struct Rebuilt {
    /// The problems of this build (empty when it succeeded).
    pub problems: Vec<Diagnostic>,
    pub changes: Changes,
}

#[derive(Default)]
pub struct Snapshot {
    /// The last site that built without errors (empty before the first).
    pub files: Arc<Files>,
    /// The problems of the latest build; empty when it succeeded.
    pub problems: Vec<Diagnostic>,
    /// Counts builds, so clients can tell a new one happened.
    pub generation: u64,
}

#[derive(Default, Clone)]
pub struct SiteState {
    inner: Arc<RwLock<Snapshot>>,
    /// The guides' bodies of the last build, reused by the next.
    bodies: Arc<BodyMemo>,
}

impl SiteState {
    pub fn files(&self) -> Arc<Files> {
        self.read(|s| s.files.clone())
    }

    pub fn problems(&self) -> Vec<Diagnostic> {
        self.read(|s| s.problems.clone())
    }

    fn read<T>(&self, f: impl FnOnce(&Snapshot) -> T) -> T {
        f(&self
            .inner
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner))
    }

    /// Rebuilds the book; keeps the last good site when the book is broken.
    /// Returns the problems of this build and what it changed.
    pub fn rebuild(&self, root: &Path) -> anyhow::Result<Rebuilt> {
        let outcome = build_in_memory(root, &self.bodies)?;
        let previous = self.read(|s| (s.files.clone(), s.problems.clone()));
        let changes = match &outcome {
            Ok(files) if previous.1.is_empty() => changed_files(&previous.0, files),
            Err(problems) if *problems == previous.1 => Changes::Files {
                changed: Vec::new(),
                unchanged: previous.0.len(),
            },
            _ => Changes::Everything,
        };
        let mut snapshot = self
            .inner
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        snapshot.generation += 1;
        match outcome {
            Ok(files) => {
                snapshot.files = Arc::new(files);
                snapshot.problems.clear();
            }
            Err(problems) => snapshot.problems = problems,
        }
        Ok(Rebuilt {
            problems: snapshot.problems.clone(),
            changes,
        })
    }
}

/// The files of `next` that are new or whose bytes differ from `previous`,
/// and those of `previous` that are gone, sorted.
fn changed_files(previous: &Files, next: &Files) -> Changes {
    use rayon::prelude::*;
    let mut changed: Vec<String> = next
        .par_iter()
        .filter(|(path, bytes)| previous.get(*path) != Some(*bytes))
        .map(|(path, _)| path.clone())
        .collect();
    let unchanged = next.len() - changed.len();
    changed.extend(
        previous
            .keys()
            .filter(|path| !next.contains_key(*path))
            .cloned(),
    );
    changed.sort_unstable();
    Changes::Files { changed, unchanged }
}

/// The whole site in memory, or the book's problems.
fn build_in_memory(
    root: &Path,
    bodies: &BodyMemo,
) -> anyhow::Result<Result<Files, Vec<Diagnostic>>> {
    let loaded = load_with_history(root)?;
    if loaded.diagnostics.has_errors() {
        return Ok(Err(errors_only(loaded.diagnostics)));
    }
    Ok(render_in_memory(&loaded.book, root, Some(bodies))?
        .map(|(files, _)| files)
        .map_err(errors_only))
}

fn errors_only(diagnostics: Diagnostics) -> Vec<Diagnostic> {
    diagnostics
        .sorted()
        .into_iter()
        .filter(|d| d.severity == crate::diagnostics::Severity::Error)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(files: &[(&str, &str)]) -> Files {
        files
            .iter()
            .map(|(path, text)| (path.to_string(), text.as_bytes().to_vec()))
            .collect()
    }

    #[test]
    fn only_new_changed_and_gone_files_count_as_changed() {
        let before = site(&[("a.html", "a"), ("b.html", "b"), ("gone.html", "g")]);
        let after = site(&[("a.html", "a"), ("b.html", "B"), ("new.html", "n")]);
        assert_eq!(
            changed_files(&before, &after),
            Changes::Files {
                changed: vec!["b.html".into(), "gone.html".into(), "new.html".into()],
                unchanged: 1
            }
        );
        assert_eq!(
            changed_files(&after, &after),
            Changes::Files {
                changed: vec![],
                unchanged: 3
            }
        );
    }
}
