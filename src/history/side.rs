//! The two sides of a diff: a book folder, or a git revision of the book's
//! own repository. Either is loaded through the normal pipeline (a revision
//! from memory), so a broken side gets the diagnostics `check` would give;
//! a revision's name each file as `revision:path`, as git does.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::config::CONFIG_FILE;
use crate::content::memory::load_memory_book;
use crate::content::{Loaded, load_book};
use crate::diagnostics::Diagnostics;
use crate::history::git::Repo;

/// What one side of the command line names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Side {
    /// A book folder (`--book` itself for the working tree).
    Folder { path: PathBuf, label: String },
    /// A revision of the repository holding `--book`.
    Revision(String),
}

impl Side {
    /// A folder when `arg` names an existing folder, else a revision (a
    /// folder that happens to share a branch's name wins; `./main` vs `main`
    /// cannot both be meant).
    pub fn from_arg(arg: &str) -> Side {
        if Path::new(arg).is_dir() {
            Side::Folder {
                path: PathBuf::from(arg),
                label: arg.to_string(),
            }
        } else {
            Side::Revision(arg.to_string())
        }
    }

    /// The book's folder as it is on disk now.
    pub fn working_tree(book: &Path) -> Side {
        Side::Folder {
            path: book.to_path_buf(),
            label: "working tree".to_string(),
        }
    }
}

/// A side, loaded.
pub struct LoadedSide {
    pub label: String,
    pub loaded: Loaded,
    /// Where its diagnostics' files are read from, to quote their lines.
    pub sources: Sources,
}

/// The files of a side, for quoting the lines its diagnostics point at.
pub enum Sources {
    /// A book folder: its files are on disk below it.
    Folder(PathBuf),
    /// A revision: its files by their labelled names (`v1:content/...`).
    Memory(BTreeMap<String, String>),
}

impl Sources {
    /// The text of `file`, a diagnostic's file name.
    pub fn text(&self, file: &str) -> Option<String> {
        match self {
            Sources::Folder(root) => String::from_utf8(std::fs::read(root.join(file)).ok()?).ok(),
            Sources::Memory(files) => files.get(file).cloned(),
        }
    }
}

/// Loads `side`; revisions come from the repository holding `book`, opened
/// on first use and kept in `repo` for the other side.
pub fn load_side(side: &Side, book: &Path, repo: &mut Option<Repo>) -> anyhow::Result<LoadedSide> {
    match side {
        Side::Folder { path, label } => Ok(LoadedSide {
            label: label.clone(),
            loaded: load_book(path)?,
            sources: Sources::Folder(path.clone()),
        }),
        Side::Revision(revision) => {
            let repo = match repo {
                Some(repo) => repo,
                None => repo.insert(Repo::open(book)?),
            };
            let snapshot = repo.read(revision)?;
            let mut loaded = load_memory_book(&snapshot.config_text, &snapshot.files);
            let mut all = snapshot.diagnostics;
            all.extend(loaded.diagnostics);
            loaded.diagnostics = label_files(all, revision);
            let content_dir = &loaded.book.config.build.content_dir;
            let mut sources = BTreeMap::new();
            sources.insert(format!("{revision}:{CONFIG_FILE}"), snapshot.config_text);
            for file in snapshot.files {
                sources.insert(format!("{revision}:{content_dir}/{}", file.path), file.text);
            }
            Ok(LoadedSide {
                label: snapshot.label,
                loaded,
                sources: Sources::Memory(sources),
            })
        }
    }
}

/// Every diagnostic's file as `revision:file`.
pub(crate) fn label_files(diagnostics: Diagnostics, revision: &str) -> Diagnostics {
    diagnostics
        .into_iter()
        .map(|mut diagnostic| {
            diagnostic.file = format!("{revision}:{}", diagnostic.file);
            diagnostic
        })
        .collect()
}
