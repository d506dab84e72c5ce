//! The preview's current site: the last good build, kept in memory, and the
//! problems of the latest attempt (shown as an overlay until fixed).

use std::path::Path;
use std::sync::{Arc, RwLock};

use crate::content::load_book;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::render::memo::BodyMemo;
use crate::site::{Files, render_in_memory};

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
    /// Returns the problems of this build.
    pub fn rebuild(&self, root: &Path) -> anyhow::Result<Vec<Diagnostic>> {
        let outcome = build_in_memory(root, &self.bodies)?;
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
        Ok(snapshot.problems.clone())
    }
}

/// The whole site in memory, or the book's problems.
fn build_in_memory(
    root: &Path,
    bodies: &BodyMemo,
) -> anyhow::Result<Result<Files, Vec<Diagnostic>>> {
    let loaded = load_book(root)?;
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
