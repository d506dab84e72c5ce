//! A book held in memory: the steps of `load_book` after the disk, for fuzz
//! targets and tests that must not touch the file system.
//!
//! The files are given as text with their path below the content folder, so
//! they go through the same classification, decoding and resolution as files
//! read from disk (static files aside: a memory book has none).

use crate::config::parse_config;
use crate::content::source::{SourceFile, Sources, classify};
use crate::content::{Loaded, assemble};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::node::Pos;

/// One content file: its `/`-separated path below `content/` and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemoryFile {
    pub path: String,
    pub text: String,
}

/// Loads a book from `book.toml` text and content files. A path that is no
/// content kind is reported as on disk (`unexpected-file`) and skipped.
pub fn load_memory_book(config_text: &str, files: &[MemoryFile]) -> Loaded {
    let mut diagnostics = Diagnostics::default();
    let config = parse_config(config_text, &mut diagnostics);
    let mut sources = Sources::default();
    for file in files {
        let shown = format!("{}/{}", config.build.content_dir, file.path);
        match classify(&file.path) {
            Some((kind, stem)) => sources.files.push(SourceFile {
                kind,
                file: shown,
                stem,
                text: file.text.clone(),
            }),
            None => diagnostics.push(Diagnostic::warning(
                "unexpected-file",
                &shown,
                Pos::new(1, 1),
                "this file is not part of any content kind and is ignored",
            )),
        }
    }
    let book = assemble(config, config_text.as_bytes(), sources, &mut diagnostics);
    Loaded { book, diagnostics }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, text: &str) -> MemoryFile {
        MemoryFile {
            path: path.into(),
            text: text.into(),
        }
    }

    #[test]
    fn a_memory_book_resolves_like_one_on_disk() {
        let loaded = load_memory_book(
            "[book]\ntitle = \"T\"\n",
            &[
                file(
                    "levels/sre-1.md",
                    "---\ntitle: Engineer\nrank: 1\n---\nBody\n",
                ),
                file(
                    "competencies/ops.yaml",
                    "name: Ops\narea: Reliability\nexpectations:\n  sre-1: Runs things.\n",
                ),
            ],
        );
        assert!(
            !loaded.diagnostics.has_errors(),
            "{:?}",
            loaded.diagnostics.iter().collect::<Vec<_>>()
        );
        assert_eq!(loaded.book.levels[0].id, "sre-1");
        assert_eq!(loaded.book.competencies[0].id, "ops");
    }

    #[test]
    fn unknown_paths_are_reported_not_loaded() {
        let loaded = load_memory_book(
            "[book]\ntitle = \"T\"\n",
            &[file("levels/../x.md", "---\ntitle: X\nrank: 1\n---\n")],
        );
        assert!(loaded.book.levels.is_empty());
        assert!(
            loaded
                .diagnostics
                .iter()
                .any(|d| d.code == "unexpected-file")
        );
    }
}
