//! A book as it was at a git revision, read straight from the repository
//! with gix: no `git` binary, no checkout, and nothing written to the
//! repository (objects are only looked up).
//!
//! The files come out as text in memory, ready for
//! [`crate::content::memory::load_memory_book`]; what `load_sources` would
//! report on disk (a file too large or not UTF-8) is reported here, with the
//! same codes.

use std::path::{Path, PathBuf};

use crate::config::{CONFIG_FILE, parse_config};
use crate::content::memory::MemoryFile;
use crate::content::source::MAX_FILE_BYTES;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::history::error::HistoryError;
use crate::node::Pos;

/// The repository that holds a book, and where in it the book lies.
pub struct Repo {
    repo: gix::Repository,
    /// The book's folder below the repository's top, `/`-separated; empty
    /// when the book is the whole repository.
    prefix: String,
    /// Where the repository is, for messages.
    place: PathBuf,
}

/// The book's files at one revision.
pub struct Snapshot {
    /// The revision as given and its commit, short: `v1.2 (3f2a9c1)`.
    pub label: String,
    /// The commit alone, short: `3f2a9c1`.
    pub commit: String,
    pub config_text: String,
    pub files: Vec<MemoryFile>,
    /// Problems found reading the files (too large, not UTF-8).
    pub diagnostics: Diagnostics,
}

impl Repo {
    /// Finds the repository that holds the folder `book`.
    pub fn open(book: &Path) -> Result<Repo, HistoryError> {
        let unreadable = |reason: String| HistoryError::NoRepository {
            book: book.to_path_buf(),
            reason,
        };
        let repo = gix::discover(book).map_err(|err| unreadable(err.to_string()))?;
        let top = repo
            .workdir()
            .unwrap_or_else(|| repo.git_dir())
            .to_path_buf();
        let canonical =
            |path: &Path| std::fs::canonicalize(path).map_err(|err| unreadable(err.to_string()));
        let (book_path, top_path) = (canonical(book)?, canonical(&top)?);
        let prefix = book_path
            .strip_prefix(&top_path)
            .map_err(|_| unreadable(format!("the book is not inside `{}`", top.display())))?
            .components()
            .map(|part| part.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/");
        Ok(Repo {
            repo,
            prefix,
            place: top_path,
        })
    }

    /// Reads the book's files as they were at `revision`.
    pub fn read(&self, revision: &str) -> Result<Snapshot, HistoryError> {
        let id = self
            .repo
            .rev_parse_single(revision)
            .map_err(|err| self.unknown(revision, err.to_string()))?;
        let commit = id.shorten_or_id().to_string();
        let unreadable = |err: gix::Error| self.unreadable(revision, err.to_string());
        let tree = id
            .object()
            .map_err(unreadable)?
            .peel_to_tree()
            .map_err(unreadable)?;
        let not_a_book = || HistoryError::NotABookAt {
            revision: revision.to_string(),
            folder: if self.prefix.is_empty() {
                ".".into()
            } else {
                self.prefix.clone()
            },
        };
        let book = if self.prefix.is_empty() {
            tree
        } else {
            let entry = tree
                .lookup_entry_by_path(&self.prefix)
                .map_err(unreadable)?
                .ok_or_else(not_a_book)?;
            if !entry.mode().is_tree() {
                return Err(not_a_book());
            }
            entry.object().map_err(unreadable)?.into_tree()
        };
        let config = book
            .lookup_entry_by_path(CONFIG_FILE)
            .map_err(unreadable)?
            .ok_or_else(not_a_book)?;
        let mut object = config.object().map_err(unreadable)?;
        let config_bytes = std::mem::take(&mut object.data);
        let mut diagnostics = Diagnostics::default();
        let config_text = match String::from_utf8(config_bytes) {
            Ok(text) => text,
            Err(err) => {
                diagnostics.push(not_utf8(CONFIG_FILE, err));
                String::new()
            }
        };
        let content_dir = parse_config(&config_text, &mut Diagnostics::default())
            .build
            .content_dir;
        let mut files = Vec::new();
        let content_path: Vec<&str> = content_dir
            .split('/')
            .filter(|p| !p.is_empty() && *p != ".")
            .collect();
        match book
            .lookup_entry_by_path(content_path.join("/"))
            .map_err(unreadable)?
        {
            Some(entry) if entry.mode().is_tree() => {
                let content = entry.object().map_err(unreadable)?.into_tree();
                let shown = content_path.join("/");
                collect(&content, "", &shown, &mut files, &mut diagnostics).map_err(unreadable)?;
            }
            _ => diagnostics.push(
                Diagnostic::error(
                    "missing-content",
                    CONFIG_FILE,
                    Pos::new(1, 1),
                    format!("the content folder `{content_dir}` does not exist at this revision"),
                )
                .with_help("create it, or set `[build] content-dir` in book.toml"),
            ),
        }
        Ok(Snapshot {
            label: format!("{revision} ({commit})"),
            commit,
            config_text,
            files,
            diagnostics,
        })
    }

    /// The short names of the repository's tags (`v1.2`), unordered.
    pub fn tag_names(&self) -> Result<Vec<String>, HistoryError> {
        let unreadable = |err: gix::Error| self.unreadable("refs/tags", err.to_string());
        let mut names = Vec::new();
        for reference in self
            .repo
            .references()
            .map_err(unreadable)?
            .tags()
            .map_err(unreadable)?
        {
            names.push(reference.map_err(unreadable)?.name().shorten().to_string());
        }
        Ok(names)
    }

    fn unknown(&self, revision: &str, reason: String) -> HistoryError {
        HistoryError::UnknownRevision {
            revision: revision.to_string(),
            repository: self.place.clone(),
            reason,
            shallow: self.repo.is_shallow().unwrap_or(false),
        }
    }

    fn unreadable(&self, revision: &str, reason: String) -> HistoryError {
        HistoryError::UnreadableRevision {
            revision: revision.to_string(),
            reason,
            shallow: self.repo.is_shallow().unwrap_or(false),
        }
    }
}

/// Every file below `tree`, as `load_sources` would see it on disk: hidden
/// files, `static/` and symbolic links are left out (the diff needs none).
fn collect(
    tree: &gix::Tree<'_>,
    below: &str,
    content_dir: &str,
    files: &mut Vec<MemoryFile>,
    diagnostics: &mut Diagnostics,
) -> Result<(), gix::Error> {
    for entry in tree.iter() {
        let entry = entry?;
        let name = entry.filename().to_string();
        let path = if below.is_empty() {
            name.clone()
        } else {
            format!("{below}/{name}")
        };
        if name.starts_with('.') || path == "static" {
            continue;
        }
        let mode = entry.mode();
        if mode.is_tree() {
            let subtree = entry.object()?.into_tree();
            collect(&subtree, &path, content_dir, files, diagnostics)?;
        } else if mode.is_blob() {
            let mut object = entry.object()?;
            let bytes = std::mem::take(&mut object.data);
            let shown = format!("{content_dir}/{path}");
            if bytes.len() as u64 > MAX_FILE_BYTES {
                diagnostics.push(Diagnostic::error(
                    "file-too-large",
                    &shown,
                    Pos::new(1, 1),
                    format!(
                        "this file is larger than {} MiB, the limit for a content file",
                        MAX_FILE_BYTES >> 20
                    ),
                ));
                continue;
            }
            match String::from_utf8(bytes) {
                Ok(text) => files.push(MemoryFile { path, text }),
                Err(err) => diagnostics.push(not_utf8(&shown, err)),
            }
        }
    }
    Ok(())
}

fn not_utf8(file: &str, err: std::string::FromUtf8Error) -> Diagnostic {
    Diagnostic::not_utf8(
        file,
        err.as_bytes(),
        err.utf8_error(),
        "this file is not valid UTF-8 text",
    )
    .with_help("save the file with UTF-8 encoding")
}
