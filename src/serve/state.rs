//! The preview's current site: the last good build, kept in memory, and the
//! problems of the latest attempt (shown as an overlay until fixed).

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, RwLock};

use crate::content::load_book;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::render::{RenderFailure, Renderer, plan_pages};
use crate::site::{BuildFailure, MemorySink, render_site};

/// One complete site, path → bytes.
pub type Files = HashMap<String, Vec<u8>>;

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
        let outcome = build_in_memory(root)?;
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
fn build_in_memory(root: &Path) -> anyhow::Result<Result<Files, Vec<Diagnostic>>> {
    let loaded = load_book(root)?;
    if loaded.diagnostics.has_errors() {
        return Ok(Err(errors_only(loaded.diagnostics)));
    }
    let renderer = match Renderer::new(&loaded.book, root) {
        Ok(renderer) => renderer,
        Err(RenderFailure::Template(diagnostic)) => return Ok(Err(vec![diagnostic])),
        Err(RenderFailure::Tool(err)) => return Err(err),
    };
    let sink = MemorySink::default();
    let plan = plan_pages(&loaded.book);
    match render_site(&loaded.book, &renderer, &plan, &sink) {
        Ok(_) => Ok(Ok(sink.into_files())),
        Err(BuildFailure::Problems(problems)) => Ok(Err(errors_only(problems))),
        Err(BuildFailure::Tool(err)) => Err(err),
    }
}

fn errors_only(diagnostics: Diagnostics) -> Vec<Diagnostic> {
    diagnostics
        .sorted()
        .into_iter()
        .filter(|d| d.severity == crate::diagnostics::Severity::Error)
        .collect()
}
