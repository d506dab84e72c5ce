//! Disk → source files: walk `content/`, read every file, sort them by kind,
//! and split Markdown front matter from its body, keeping line offsets so
//! positions count from the top of the file.

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::diagnostics::{Diagnostic, Diagnostics, display_path};
use crate::node::Pos;

/// The content kinds of the spec's "A book on disk".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Index,
    Tracks,
    /// `content/pay.yaml`: the pay bands (issue 27).
    Pay,
    Level,
    Competency,
    Archetype,
    Scorecard,
    /// `roles/<id>.md`: a job posting built on a level (issue 23).
    Role,
    Page,
}

/// One content file, read and decoded as UTF-8.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub kind: Kind,
    /// Path relative to the book root, `/`-separated: what diagnostics show.
    pub file: String,
    /// Path below the kind's folder without extension (`growth/mid-level`).
    pub stem: String,
    pub text: String,
}

/// A file under `content/static/`, copied as-is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaticFile {
    pub source: PathBuf,
    /// `/`-separated path below `static/`, the same below the output root.
    pub relative: String,
}

#[derive(Debug, Default)]
pub struct Sources {
    pub files: Vec<SourceFile>,
    pub statics: Vec<StaticFile>,
}

/// Walks the content folder. Symbolic links are not followed (a link could
/// point outside the book, or loop); each one is reported as a warning.
pub fn load_sources(root: &Path, content_dir: &Path, diagnostics: &mut Diagnostics) -> Sources {
    let mut sources = Sources::default();
    if !content_dir.is_dir() {
        diagnostics.push(
            Diagnostic::error(
                "missing-content",
                "book.toml",
                Pos::new(1, 1),
                format!(
                    "the content folder `{}` does not exist",
                    display_path(root, content_dir)
                ),
            )
            .with_help("create it, or set `[build] content-dir` in book.toml"),
        );
        return sources;
    }
    // The walk hands each entry to whichever core is free, so files are
    // read while the walk goes on; the entries are put back in the walk's
    // (sorted) order afterwards, so the book does not depend on timing.
    let walker = WalkDir::new(content_dir)
        .follow_links(false)
        .sort_by_file_name();
    let mut found: Vec<(usize, Found)> = walker
        .into_iter()
        .enumerate()
        .par_bridge()
        .filter_map(|(order, entry)| visit(root, content_dir, entry).map(|found| (order, found)))
        .collect();
    found.sort_unstable_by_key(|(order, _)| *order);
    for (_, found) in found {
        match found {
            Found::Source(source) => sources.files.push(source),
            Found::Static(file) => sources.statics.push(file),
            Found::Problem(diagnostic) => diagnostics.push(diagnostic),
        }
    }
    sources
}

/// What one entry of `content/` is.
enum Found {
    /// A content file, read.
    Source(SourceFile),
    Static(StaticFile),
    /// An entry that could not be read, or is skipped with a warning.
    Problem(Diagnostic),
}

/// Whether a file below `static/` goes to the site. Hidden files are an
/// editor's or the system's (`.DS_Store`, `.file.swp`, `.git/`) and stay
/// out, except those a host reads from the site: GitHub Pages' `.nojekyll`,
/// Apache's `.htaccess`, and `.well-known/` (RFC 8615: `security.txt`,
/// domain verification). See docs/deploying.md.
fn is_published_static(path: &str) -> bool {
    const HOST_FILES: [&str; 2] = [".nojekyll", ".htaccess"];
    let mut parts = path.split('/').peekable();
    if parts.peek() == Some(&".well-known") {
        parts.next();
    }
    parts.all(|part| !part.starts_with('.') || HOST_FILES.contains(&part) && !path.contains('/'))
}

/// One entry of the walk: a content file is read here, on the core that
/// took the entry. Folders and hidden files are nothing.
fn visit(
    root: &Path,
    content_dir: &Path,
    entry: walkdir::Result<walkdir::DirEntry>,
) -> Option<Found> {
    let entry = match entry {
        Ok(entry) => entry,
        Err(err) => {
            let path = err
                .path()
                .map_or_else(|| content_dir.to_path_buf(), Path::to_path_buf);
            return Some(Found::Problem(Diagnostic::error(
                "unreadable-file",
                &display_path(root, &path),
                Pos::new(1, 1),
                format!(
                    "cannot read this folder entry: {}",
                    io_reason(err.io_error())
                ),
            )));
        }
    };
    let path = entry.path();
    let file = display_path(root, path);
    let relative = display_path(content_dir, path);
    if entry.path_is_symlink() {
        return Some(Found::Problem(
            Diagnostic::warning(
                "symlink-skipped",
                &file,
                Pos::new(1, 1),
                "symbolic links in content/ are not followed; this one is skipped",
            )
            .with_help("copy the file into the book instead of linking to it"),
        ));
    }
    if !entry.file_type().is_file() {
        return None;
    }
    if let Some(static_path) = relative.strip_prefix("static/")
        && is_published_static(static_path)
    {
        return Some(Found::Static(StaticFile {
            source: path.to_path_buf(),
            relative: static_path.to_string(),
        }));
    }
    if relative.split('/').any(|part| part.starts_with('.')) {
        return None; // editor swap files, .DS_Store, .git
    }
    let found = match classify(&relative) {
        Some((kind, stem)) => match read_source(kind, path, file, stem) {
            Ok(source) => Found::Source(source),
            Err(diagnostic) => Found::Problem(diagnostic),
        },
        None => Found::Problem(
            Diagnostic::warning(
                "unexpected-file",
                &file,
                Pos::new(1, 1),
                "this file is not part of any content kind and is ignored",
            )
            .with_help(
                "levels/, archetypes/ and roles/ take .md, competencies/ .yaml or .md, \
                 scorecards/ .yaml, pages/ .md, static/ anything; each may have sub-folders",
            ),
        ),
    };
    Some(found)
}

/// The kind of a content file from its path below `content/`.
pub fn classify(relative: &str) -> Option<(Kind, String)> {
    // A walk never yields these; a path given in memory (fuzzing, tests) may.
    if relative
        .split('/')
        .any(|part| part.is_empty() || part == "." || part == "..")
    {
        return None;
    }
    let (stem, extension) = relative.rsplit_once('.')?;
    let yaml = matches!(extension, "yaml" | "yml");
    let markdown = extension == "md";
    match stem.split_once('/') {
        None if stem == "index" && markdown => Some((Kind::Index, stem.into())),
        None if stem == "tracks" && yaml => Some((Kind::Tracks, stem.into())),
        None if stem == "pay" && yaml => Some((Kind::Pay, stem.into())),
        Some(("pages", rest)) if markdown => Some((Kind::Page, rest.into())),
        // Sub-folders only sort the files (issue 21): the id is the file's
        // own name wherever it sits, and `duplicate-id` names both files
        // when two sub-folders hold one name.
        Some((folder, path)) => {
            let name = path.rsplit('/').next().unwrap_or(path);
            match folder {
                "levels" if markdown => Some((Kind::Level, name.into())),
                "competencies" if markdown || yaml => Some((Kind::Competency, name.into())),
                "archetypes" if markdown => Some((Kind::Archetype, name.into())),
                "scorecards" if yaml => Some((Kind::Scorecard, name.into())),
                "roles" if markdown => Some((Kind::Role, name.into())),
                _ => None,
            }
        }
        _ => None,
    }
}

fn read_source(
    kind: Kind,
    path: &Path,
    file: String,
    stem: String,
) -> Result<SourceFile, Diagnostic> {
    let bytes = read_capped(path).map_err(|err| {
        Diagnostic::error(
            "unreadable-file",
            &file,
            Pos::new(1, 1),
            format!("cannot read this file: {}", io_reason(Some(&err))),
        )
    })?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(Diagnostic::error(
            "file-too-large",
            &file,
            Pos::new(1, 1),
            format!(
                "this file is larger than {} MiB, the limit for a content file",
                MAX_FILE_BYTES >> 20
            ),
        )
        .with_help("split it into several pages, or put large documents under content/static/"));
    }
    let text = String::from_utf8(bytes).map_err(|err| {
        Diagnostic::not_utf8(
            &file,
            err.as_bytes(),
            err.utf8_error(),
            "this file is not valid UTF-8 text",
        )
        .with_help("save the file with UTF-8 encoding")
    })?;
    // A byte-order mark is invisible in editors; do not let it break `---`.
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    };
    Ok(SourceFile {
        kind,
        file,
        stem,
        text,
    })
}

/// Content files are text people write (the longest guide is far below a
/// megabyte). The limit bounds memory and time: a page is held several times
/// over while it is rendered (HTML, plain text, search index, print page).
pub const MAX_FILE_BYTES: u64 = 8 << 20;

/// Reads a file, but never more than one byte past the limit (a file may
/// grow between a size check and the read, or be a device).
fn read_capped(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let file = std::fs::File::open(path)?;
    // Room for the whole file and the read that finds its end, so a page
    // is read in one call instead of a growing buffer's several.
    let size = file
        .metadata()
        .map_or(0, |m| m.len())
        .min(MAX_FILE_BYTES + 1);
    let mut bytes = Vec::with_capacity(size as usize + 1);
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)?;
    Ok(bytes)
}

fn io_reason(err: Option<&std::io::Error>) -> String {
    match err {
        Some(err) if err.kind() == std::io::ErrorKind::PermissionDenied => {
            "permission denied".into()
        }
        Some(err) => err.to_string(),
        None => "a symbolic link loop or an unreadable folder".into(),
    }
}

/// A Markdown file split into YAML front matter and body.
#[derive(Debug, Clone, PartialEq)]
pub struct FrontMatter<'a> {
    /// The YAML between the fences, if the file has front matter.
    pub yaml: Option<&'a str>,
    /// Lines before the YAML starts (the opening fence): add to YAML positions.
    pub yaml_line_offset: u32,
    pub body: &'a str,
    /// 1-based line on which the body starts.
    pub body_line: u32,
}

/// Why front matter could not be split.
#[derive(Debug, Clone, PartialEq)]
pub struct FrontMatterError {
    pub pos: Pos,
    pub message: String,
    pub help: String,
}

/// Splits `---\nyaml\n---\nbody`. A file that does not start with `---` has
/// no front matter and is all body.
pub fn split_front_matter(text: &str) -> Result<FrontMatter<'_>, FrontMatterError> {
    let first_line_end = text.find('\n').map_or(text.len(), |i| i + 1);
    if text[..first_line_end].trim_end() != "---" {
        return Ok(FrontMatter {
            yaml: None,
            yaml_line_offset: 0,
            body: text,
            body_line: 1,
        });
    }
    let mut offset = first_line_end;
    let mut line = 2;
    while offset < text.len() {
        let end = text[offset..]
            .find('\n')
            .map_or(text.len(), |i| offset + i + 1);
        let candidate = text[offset..end].trim_end();
        if candidate == "---" || candidate == "..." {
            return Ok(FrontMatter {
                yaml: Some(&text[first_line_end..offset]),
                yaml_line_offset: 1,
                body: &text[end..],
                body_line: line + 1,
            });
        }
        offset = end;
        line += 1;
    }
    Err(FrontMatterError {
        pos: Pos::new(1, 1),
        message: "the front matter opened on line 1 is never closed".into(),
        help: "add a line with only `---` after the last front matter field".into(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_static_files_are_published_only_when_a_host_reads_them() {
        for path in [
            "CNAME",
            ".nojekyll",
            ".htaccess",
            ".well-known/security.txt",
            "img/a.png",
        ] {
            assert!(is_published_static(path), "{path}");
        }
        for path in [
            ".DS_Store",
            "img/.a.png.swp",
            ".git/config",
            "img/.nojekyll",
            ".well-known/.x",
        ] {
            assert!(!is_published_static(path), "{path}");
        }
    }

    #[test]
    fn front_matter_and_body_keep_their_lines() {
        let split = split_front_matter("---\ntitle: X\n---\n# Body\n").unwrap();
        assert_eq!(split.yaml, Some("title: X\n"));
        assert_eq!(split.yaml_line_offset, 1);
        assert_eq!(split.body, "# Body\n");
        assert_eq!(split.body_line, 4);
    }

    #[test]
    fn no_front_matter_is_all_body() {
        let split = split_front_matter("# Just text\n").unwrap();
        assert_eq!(split.yaml, None);
        assert_eq!(split.body_line, 1);
    }

    #[test]
    fn unclosed_front_matter_is_an_error() {
        assert!(split_front_matter("---\ntitle: X\nbody\n").is_err());
        assert!(split_front_matter("---").is_err());
    }

    #[test]
    fn empty_front_matter_and_crlf() {
        let split = split_front_matter("---\r\n---\r\nbody").unwrap();
        assert_eq!(split.yaml, Some(""));
        assert_eq!(split.body, "body");
    }

    #[test]
    fn files_over_the_limit_are_refused_without_reading_them_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.md");
        let file = std::fs::File::create(&path).unwrap();
        file.set_len(MAX_FILE_BYTES + 4096).unwrap();
        assert_eq!(read_capped(&path).unwrap().len() as u64, MAX_FILE_BYTES + 1);
        let err = read_source(
            Kind::Page,
            &path,
            "content/pages/big.md".into(),
            "big".into(),
        )
        .unwrap_err();
        assert_eq!(err.code, "file-too-large");
        std::fs::write(&path, "---\ntitle: Small\n---\n").unwrap();
        assert!(read_source(Kind::Page, &path, "p".into(), "big".into()).is_ok());
    }

    #[test]
    fn files_are_classified_by_folder_and_extension() {
        assert_eq!(
            classify("levels/sre-1.md"),
            Some((Kind::Level, "sre-1".into()))
        );
        assert_eq!(
            classify("competencies/x.yml"),
            Some((Kind::Competency, "x".into()))
        );
        assert_eq!(classify("pages/a/b.md"), Some((Kind::Page, "a/b".into())));
        assert_eq!(
            classify("levels/nested/deeper/x.md"),
            Some((Kind::Level, "x".into()))
        );
        assert_eq!(
            classify("competencies/craft/x.yaml"),
            Some((Kind::Competency, "x".into()))
        );
        assert_eq!(
            classify("roles/senior-sre.md"),
            Some((Kind::Role, "senior-sre".into()))
        );
        assert_eq!(classify("roles/x.yaml"), None);
        assert_eq!(classify("levels/nested/x.yaml"), None);
        assert_eq!(classify("other/x.md"), None);
        assert_eq!(classify("levels/x.yaml"), None);
        assert_eq!(classify("notes.txt"), None);
    }
}
