//! The books `init` writes: the bundled SRE ladder (this repository's own
//! `book.toml` and `content/`, embedded at compile time) or a minimal
//! skeleton. Nothing here touches the disk but `write_book`.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, bail};
use include_dir::{Dir, include_dir};

static BUNDLED_CONTENT: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/content");
const BUNDLED_CONFIG: &str = include_str!("../book.toml");
static MINIMAL: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/scaffold/minimal");

/// One file of a new book: its path below the book root and its content.
pub struct NewFile {
    pub path: PathBuf,
    pub contents: &'static [u8],
}

/// The files of the bundled SRE & DevOps ladder, or of the minimal skeleton.
pub fn book_files(minimal: bool) -> Vec<NewFile> {
    let mut files = Vec::new();
    if minimal {
        collect(&MINIMAL, Path::new(""), &mut files);
    } else {
        files.push(NewFile {
            path: PathBuf::from("book.toml"),
            contents: BUNDLED_CONFIG.as_bytes(),
        });
        collect(&BUNDLED_CONTENT, Path::new("content"), &mut files);
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files
}

fn collect(dir: &'static Dir<'static>, prefix: &Path, files: &mut Vec<NewFile>) {
    for file in dir.files() {
        files.push(NewFile {
            path: prefix.join(file.path()),
            contents: file.contents(),
        });
    }
    for sub in dir.dirs() {
        collect(sub, prefix, files);
    }
}

/// Writes `files` below `dir`. Unless `force`, refuses (before writing
/// anything) a folder that already holds anything but hidden entries such as
/// `.git`, so `init` never mixes a new book into existing work.
pub fn write_book(dir: &Path, files: &[NewFile], force: bool) -> anyhow::Result<()> {
    if !force && dir.is_dir() {
        let mut existing: Vec<String> = std::fs::read_dir(dir)
            .with_context(|| format!("reading {}", dir.display()))?
            .filter_map(Result::ok)
            .map(|entry| entry.file_name().to_string_lossy().into_owned())
            .filter(|name| !name.starts_with('.'))
            .collect();
        existing.sort();
        if !existing.is_empty() {
            let clashes = files.iter().filter(|f| dir.join(&f.path).exists()).count();
            let shown = existing
                .iter()
                .take(5)
                .cloned()
                .collect::<Vec<_>>()
                .join(", ");
            bail!(
                "`{}` is not empty ({shown}{}); {clashes} of the new book's files would overwrite existing ones\n  help: choose an empty folder, or pass --force to write the book into it anyway",
                dir.display(),
                if existing.len() > 5 { ", ..." } else { "" }
            );
        }
    }
    for file in files {
        let target = dir.join(&file.path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("creating {}", parent.display()))?;
        }
        std::fs::write(&target, file.contents)
            .with_context(|| format!("writing {}", target.display()))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_book_has_its_config_and_content() {
        let files = book_files(false);
        assert!(files.iter().any(|f| f.path == Path::new("book.toml")));
        assert!(
            files
                .iter()
                .any(|f| f.path == Path::new("content/levels/sre-1.md"))
        );
        assert!(files.iter().all(|f| !f.path.starts_with("site")));
    }

    #[test]
    fn the_minimal_book_has_one_of_each_kind() {
        let files = book_files(true);
        for kind in [
            "levels",
            "competencies",
            "archetypes",
            "scorecards",
            "pages",
        ] {
            assert!(
                files
                    .iter()
                    .any(|f| f.path.starts_with(format!("content/{kind}"))),
                "{kind}"
            );
        }
    }
}
