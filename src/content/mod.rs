//! Disk → validated model. This stage never renders pages and never writes.
//!
//! `load_book` runs the steps in order: read `book.toml`, walk and read the
//! content files, decode them, resolve references into a [`model::Book`].
//! Every problem found on the way is collected, so one run reports them all.

pub mod changes;
pub mod item_keys;
pub mod memory;
pub mod model;
pub mod raw;
pub mod resolve;
pub mod source;
pub mod targets;
#[cfg(test)]
mod tests;

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::config::{CONFIG_FILE, Config, parse_config};
use crate::diagnostics::Diagnostics;
use model::Book;

/// The outcome of loading a book: the model (when it could be built) and all
/// diagnostics. A model is returned even with errors so `check` can go on to
/// render in memory; callers decide by `diagnostics.has_errors()`.
pub struct Loaded {
    pub book: Book,
    pub diagnostics: Diagnostics,
}

/// Failures that are not problems of the book's content (exit status 2).
#[derive(Debug)]
pub enum LoadError {
    NoConfig(PathBuf),
    Io(PathBuf, std::io::Error),
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::NoConfig(root) => write!(
                f,
                "no {CONFIG_FILE} in `{}`: this folder is not a ladderbook book\n  help: run `ladderbook init {}` to create one, or pass the book's folder",
                root.display(),
                root.display()
            ),
            LoadError::Io(path, err) => write!(f, "cannot read `{}`: {err}", path.display()),
        }
    }
}

impl std::error::Error for LoadError {}

/// Loads a book that must have no problem at all (tests' fixtures).
#[cfg(test)]
pub fn load_clean_book(root: &Path) -> Book {
    let loaded = load_book(root).expect("the book has a book.toml");
    let problems: Vec<String> = loaded
        .diagnostics
        .sorted()
        .iter()
        .map(|d| d.one_line())
        .collect();
    assert!(problems.is_empty(), "{problems:?}");
    loaded.book
}

/// Reads the book at `root` into a validated model.
pub fn load_book(root: &Path) -> Result<Loaded, LoadError> {
    let config_path = root.join(CONFIG_FILE);
    let config_bytes = match std::fs::read(&config_path) {
        Ok(bytes) => bytes,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
            return Err(LoadError::NoConfig(root.to_path_buf()));
        }
        Err(err) => return Err(LoadError::Io(config_path, err)),
    };
    let mut diagnostics = Diagnostics::default();
    let config = match String::from_utf8(config_bytes.clone()) {
        Ok(text) => parse_config(&text, &mut diagnostics),
        Err(err) => {
            diagnostics.push(
                crate::diagnostics::Diagnostic::not_utf8(
                    CONFIG_FILE,
                    err.as_bytes(),
                    err.utf8_error(),
                    "book.toml is not valid UTF-8 text",
                )
                .with_help("save the file with UTF-8 encoding"),
            );
            Config::default()
        }
    };
    let content_dir = config.content_dir(root);
    let sources = crate::timings::measure("load: walk and read", || {
        source::load_sources(root, &content_dir, &mut diagnostics)
    });
    let book = assemble(config, &config_bytes, sources, &mut diagnostics);
    Ok(Loaded { book, diagnostics })
}

/// The steps after reading, shared with [`memory::load_memory_book`]:
/// decode every file, then resolve the raw items into the model.
fn assemble(
    config: Config,
    config_bytes: &[u8],
    sources: source::Sources,
    diagnostics: &mut Diagnostics,
) -> Book {
    let (version, inputs) = crate::timings::measure("load: version hash", || {
        rayon::join(
            || content_version(config_bytes, &sources.files),
            || inputs_digest(config_bytes, &sources),
        )
    });
    let marks = allow_marks(&sources.files);
    // The sources are consumed, so each file's text is freed once decoded.
    let raw = crate::timings::measure("load: decode", || {
        raw::parse_sources(sources.files, diagnostics)
    });
    diagnostics.extend(crate::timings::measure("load: wording", || {
        crate::wording::check_wording(
            &raw,
            &crate::wording::WordingInput {
                language: &config.book.language,
                lint: &config.lint,
                marks: &marks,
            },
        )
    }));
    // Cloned, not taken: resolving roles needs to know the book has bands.
    let pay_file = raw.pay.clone();
    let undecoded_levels: Vec<String> = raw
        .undecoded
        .iter()
        .filter(|(kind, _)| *kind == source::Kind::Level)
        .map(|(_, stem)| stem.clone())
        .collect();
    let mut book = crate::timings::measure("load: resolve", || {
        resolve::resolve(
            resolve::ResolveInput {
                config,
                raw,
                statics: sources.statics,
                version,
                inputs,
            },
            diagnostics,
        )
    });
    if let Some(file) = pay_file {
        let (pay, problems) = crate::pay::checks::check_pay(file, &book, &undecoded_levels);
        diagnostics.extend(problems);
        diagnostics.extend(crate::pay::roles::check_roles(&pay, &book));
        book.pay = Some(pay);
    }
    diagnostics.retain(|d| {
        d.severity == crate::diagnostics::Severity::Error || !book.config.lint.is_off(d.code)
    });
    // The build stops at these errors: report the guides' broken links now
    // too, which would otherwise be found only once the pages render.
    if diagnostics.has_errors() {
        diagnostics.extend(resolve::guide_link_problems(&book));
    }
    book
}

/// Every input of the book but the guides' bodies, as one number: book.toml,
/// every content file whole, except that of a guide only its path and front
/// matter count (its body is hashed on its own by `site::inputs`, so editing
/// it leaves the other guides' pages as they were), and the static files'
/// addresses. XXH3: a change detector for the rebuild, over every byte read.
fn inputs_digest(config: &[u8], sources: &source::Sources) -> u128 {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    let mut field = |bytes: &[u8]| {
        hasher.update(&(bytes.len() as u64).to_le_bytes());
        hasher.update(bytes);
    };
    field(config);
    let mut sorted: Vec<&source::SourceFile> = sources.files.iter().collect();
    sorted.sort_by(|a, b| a.file.cmp(&b.file));
    for file in sorted {
        field(file.file.as_bytes());
        let text = file.text.as_str();
        let before_body = match (&file.kind, source::split_front_matter(text)) {
            (source::Kind::Page, Ok(split)) => &text[..text.len() - split.body.len()],
            _ => text,
        };
        field(before_body.as_bytes());
    }
    for static_file in &sources.statics {
        field(static_file.relative.as_bytes());
    }
    hasher.digest128()
}

/// The `ladderbook-allow` comments of the files the wording checks read.
fn allow_marks(files: &[source::SourceFile]) -> crate::wording::allowed::AllowMarks {
    let mut marks = crate::wording::allowed::AllowMarks::default();
    for file in files {
        if !matches!(
            file.kind,
            source::Kind::Page | source::Kind::Index | source::Kind::Pay
        ) {
            marks.add_file(&file.file, &file.text);
        }
    }
    marks
}

/// `book.toml` without its `[organization]` table: who hires is not part
/// of the ladder, so naming the employer for job postings (issue 23) keeps
/// the version that filled-in scorecards and assessments were made against.
fn without_organization(config: &[u8]) -> std::borrow::Cow<'_, [u8]> {
    let Ok(text) = std::str::from_utf8(config) else {
        return config.into();
    };
    let is_header = |line: &str| line.trim() == "[organization]";
    if !text.lines().any(is_header) {
        return config.into();
    }
    // The blank lines before the table go with it; those at its end stay,
    // so the file hashes as it did before the table was added.
    let mut kept = String::with_capacity(text.len());
    let mut inside = false;
    let mut blanks = String::new();
    for line in text.split_inclusive('\n') {
        if line.trim_start().starts_with('[') {
            if is_header(line) {
                while kept.ends_with("\n\n") {
                    kept.pop();
                }
                inside = true;
                continue;
            }
            if inside {
                kept.push_str(&blanks);
                inside = false;
            }
        }
        if !inside {
            kept.push_str(line);
        } else if line.trim().is_empty() {
            blanks.push_str(line);
        } else {
            blanks.clear();
        }
    }
    kept.into_bytes().into()
}

/// The ladder's version: a hash of book.toml and of the files that make the
/// ladder (tracks, levels, competencies, archetypes, scorecards), so an
/// exported assessment or scorecard can tell which ladder it was made
/// against. Guides (`pages/`, `index.md`) are left out: editing one changes
/// no expectation, and hashing thousands of them would slow every build.
/// `pay.yaml` is left out too: pay is not a criterion, and an unpublished
/// book must build to the same bytes whatever its bands (issue 27).
/// Roles (job postings) are left out too: they publish the ladder and
/// change nothing it expects.
fn content_version(config: &[u8], files: &[source::SourceFile]) -> String {
    let mut hasher = Sha256::new();
    hasher.update(without_organization(config).as_ref());
    let mut sorted: Vec<&source::SourceFile> = files
        .iter()
        .filter(|file| {
            !matches!(
                file.kind,
                source::Kind::Page | source::Kind::Index | source::Kind::Pay | source::Kind::Role
            )
        })
        .collect();
    sorted.sort_by(|a, b| a.file.cmp(&b.file));
    for file in sorted {
        hasher.update(file.file.as_bytes());
        hasher.update([0]);
        hasher.update(file.text.as_bytes());
        hasher.update([0]);
    }
    let digest = hasher.finalize();
    digest.iter().take(8).map(|b| format!("{b:02x}")).collect()
}
