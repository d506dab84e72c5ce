//! The books `init` writes: the bundled SRE ladder (this repository's own
//! `book.toml` and `content/`, embedded at compile time) or a minimal
//! skeleton, with the editor support every new book gets (JSON Schemas under
//! `schemas/` and a modeline in each file that points to its schema). Nothing
//! here touches the disk but `write_book`.

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, bail};
use include_dir::{Dir, include_dir};

static BUNDLED_CONTENT: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/content");
const BUNDLED_CONFIG: &str = include_str!("../book.toml");
static MINIMAL: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/scaffold/minimal");

/// One file of a new book: its path below the book root and its content.
pub struct NewFile {
    pub path: PathBuf,
    pub contents: Cow<'static, [u8]>,
}

impl NewFile {
    /// A file with generated text.
    pub fn text(path: impl Into<PathBuf>, text: String) -> NewFile {
        NewFile {
            path: path.into(),
            contents: Cow::Owned(text.into_bytes()),
        }
    }
}

/// The files of the bundled SRE & DevOps ladder, or of the minimal skeleton,
/// with editor support.
pub fn book_files(minimal: bool) -> Vec<NewFile> {
    let mut files = Vec::new();
    if minimal {
        collect(&MINIMAL, Path::new(""), &mut files);
    } else {
        files.push(NewFile {
            path: PathBuf::from("book.toml"),
            contents: Cow::Borrowed(BUNDLED_CONFIG.as_bytes()),
        });
        collect(&BUNDLED_CONTENT, Path::new("content"), &mut files);
    }
    with_editor_support(files)
}

/// Where a new book's schemas go, below its root.
pub const SCHEMA_DIR: &str = "schemas";

/// Adds the JSON Schemas under `schemas/` and points each file at its
/// schema: a `yaml-language-server` modeline as the first line of a YAML
/// file or of a Markdown file's front matter (VS Code's YAML extension and
/// Neovim's yamlls read it), and Taplo's `#:schema` line in `book.toml`.
/// A comment line moves nothing else: positions count from the top of the
/// file, the comment included. Returns the files sorted by path.
pub fn with_editor_support(files: Vec<NewFile>) -> Vec<NewFile> {
    let mut files: Vec<NewFile> = files.into_iter().map(add_modeline).collect();
    for (kind, schema) in crate::schema::schemas() {
        files.push(NewFile::text(
            Path::new(SCHEMA_DIR).join(crate::schema::file_name(kind)),
            crate::schema::render(&schema),
        ));
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files
}

/// The modeline that points `path` (below the book root) at its schema, if
/// it is `book.toml` or a content file of a known kind.
pub fn modeline(path: &Path) -> Option<String> {
    let relative: Vec<String> = path
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let up = "../".repeat(relative.len().saturating_sub(1));
    if relative == ["book.toml"] {
        return Some(format!(
            "#:schema ./{SCHEMA_DIR}/{}",
            crate::schema::file_name("book")
        ));
    }
    let (first, rest) = relative.split_first()?;
    if first != "content" {
        return None;
    }
    let (kind, _) = crate::content::source::classify(&rest.join("/"))?;
    let schema = crate::schema::file_name(crate::schema::kind_of(kind));
    Some(format!(
        "# yaml-language-server: $schema={up}{SCHEMA_DIR}/{schema}"
    ))
}

fn add_modeline(mut file: NewFile) -> NewFile {
    let Some(line) = modeline(&file.path) else {
        return file;
    };
    let Ok(text) = std::str::from_utf8(&file.contents) else {
        return file;
    };
    if text.contains("yaml-language-server:") || text.starts_with("#:schema") {
        return file;
    }
    let is_markdown = file.path.extension().is_some_and(|e| e == "md");
    let text = if !is_markdown {
        format!("{line}\n{text}")
    } else if let Some(fence_end) = text
        .find('\n')
        .filter(|&end| text[..end].trim_end() == "---")
    {
        // Inside the front matter: a Markdown file's first line must stay `---`.
        let (fence, rest) = text.split_at(fence_end + 1);
        format!("{fence}{line}\n{rest}")
    } else {
        return file; // no front matter to hold the line
    };
    file.contents = Cow::Owned(text.into_bytes());
    file
}

fn collect(dir: &'static Dir<'static>, prefix: &Path, files: &mut Vec<NewFile>) {
    for file in dir.files() {
        files.push(NewFile {
            path: prefix.join(file.path()),
            contents: Cow::Borrowed(file.contents()),
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
        std::fs::write(&target, &file.contents)
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

    fn text_of<'a>(files: &'a [NewFile], path: &str) -> &'a str {
        let file = files
            .iter()
            .find(|f| f.path == Path::new(path))
            .unwrap_or_else(|| panic!("{path} is written"));
        std::str::from_utf8(&file.contents).expect("text")
    }

    #[test]
    fn every_file_points_at_its_schema() {
        let files = book_files(false);
        assert!(text_of(&files, "book.toml").starts_with("#:schema ./schemas/book.schema.json\n"));
        assert!(
            text_of(&files, "content/tracks.yaml")
                .starts_with("# yaml-language-server: $schema=../schemas/tracks.schema.json\n")
        );
        assert!(text_of(&files, "content/levels/sre-3.md").starts_with(
            "---\n# yaml-language-server: $schema=../../schemas/level.schema.json\ntitle:"
        ));
        assert!(
            text_of(&files, "content/competencies/coaching.yaml").starts_with(
                "# yaml-language-server: $schema=../../schemas/competency.schema.json\n"
            )
        );
        for kind in crate::schema::KINDS {
            let schema = text_of(&files, &format!("schemas/{kind}.schema.json"));
            assert!(schema.contains("json-schema.org"), "{kind}");
        }
        let nested: Vec<&NewFile> = files
            .iter()
            .filter(|f| f.path.starts_with("content/pages/") && f.path.components().count() > 3)
            .collect();
        assert!(!nested.is_empty(), "the bundled book has pages in folders");
        for file in nested {
            let depth = file.path.components().count() - 1;
            let expected = format!(
                "---\n# yaml-language-server: $schema={}schemas/page.schema.json\n",
                "../".repeat(depth)
            );
            let text = std::str::from_utf8(&file.contents).unwrap();
            assert!(text.starts_with(&expected), "{}", file.path.display());
        }
    }

    #[test]
    fn a_modeline_is_added_once_and_only_to_known_files() {
        let again = add_modeline(add_modeline(NewFile::text(
            "content/scorecards/x.yaml",
            "title: X\n".into(),
        )));
        assert_eq!(
            std::str::from_utf8(&again.contents).unwrap(),
            "# yaml-language-server: $schema=../../schemas/scorecard.schema.json\ntitle: X\n"
        );
        assert_eq!(modeline(Path::new("content/static/logo.svg")), None);
        assert_eq!(modeline(Path::new("themes/x/templates/a.html")), None);
        let no_front_matter = add_modeline(NewFile::text("content/index.md", "# Hi\n".into()));
        assert_eq!(&*no_front_matter.contents, b"# Hi\n");
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
