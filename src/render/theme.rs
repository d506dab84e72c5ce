//! The built-in theme, embedded in the binary, and a book's overrides.
//!
//! A book's `themes/<name>/templates/*.html` replaces the built-in template
//! of the same name, and `themes/<name>/static/**` replaces or adds assets,
//! file by file. Everything else comes from the binary, so the binary alone
//! can build a book.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::Context as _;

use super::RenderFailure;
use crate::diagnostics::Diagnostic;

macro_rules! embed {
    ($($path:literal),* $(,)?) => {
        &[$(($path, include_str!(concat!("../../themes/default/", $path)))),*]
    };
}

/// Built-in templates, by name.
pub const TEMPLATES: &[(&str, &str)] = embed!(
    "templates/base.html",
    "templates/macros.html",
    "templates/index.html",
    "templates/matrix.html",
    "templates/levels.html",
    "templates/level.html",
    "templates/competencies.html",
    "templates/competency.html",
    "templates/archetypes.html",
    "templates/archetype.html",
    "templates/scorecards.html",
    "templates/scorecard.html",
    "templates/roles.html",
    "templates/role.html",
    "templates/pages.html",
    "templates/page.html",
    "templates/assess.html",
    "templates/print.html",
    "templates/404.html",
    "templates/changes.html",
    "templates/release.html",
    "templates/pay.html",
    "templates/partials/tree.html",
    "templates/partials/nav-entry.html",
    "templates/partials/nav-open.html",
    "templates/partials/header.html",
    "templates/partials/levels-nav.html",
    "templates/partials/footer.html",
    "templates/partials/changes-style.html",
    "templates/partials/role-style.html",
    "templates/partials/pay-style.html",
);

/// Built-in assets, by path below the output's `assets/`.
pub const ASSETS: &[(&str, &str)] = embed!(
    "static/style.css",
    "static/ladderbook.js",
    "static/assess.js",
    "static/scorecard.js",
    "static/search.js",
    "static/vendor/minisearch.min.js",
    "static/favicon.svg",
);

/// Where a template came from, for error messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    BuiltIn,
    /// A file of the book, relative to the book root.
    Book(String),
}

#[derive(Debug, Clone)]
pub struct Template {
    pub name: String,
    pub source: String,
    pub origin: Origin,
}

/// An asset file to copy into `assets/`.
#[derive(Debug, Clone)]
pub enum Asset {
    BuiltIn(&'static str),
    File(PathBuf),
}

#[derive(Debug, Clone)]
pub struct Theme {
    pub templates: Vec<Template>,
    /// Path below `assets/` → content.
    pub assets: BTreeMap<String, Asset>,
    /// The theme's own interface words (`themes/<name>/strings.toml`).
    pub strings: crate::strings::Strings,
}

impl Theme {
    /// Everything of the theme a page can depend on, as one number: each
    /// template, asset and word, with its name (see `site::inputs`).
    pub fn fingerprint(&self) -> anyhow::Result<u128> {
        let mut hasher = xxhash_rust::xxh3::Xxh3::new();
        let mut field = |bytes: &[u8]| {
            hasher.update(&(bytes.len() as u64).to_le_bytes());
            hasher.update(bytes);
        };
        for template in &self.templates {
            field(template.name.as_bytes());
            field(template.source.as_bytes());
        }
        for (name, asset) in &self.assets {
            field(name.as_bytes());
            field(&asset.bytes()?);
        }
        for (key, word) in &self.strings {
            field(key.as_bytes());
            field(word.as_bytes());
        }
        Ok(hasher.digest128())
    }
}

/// The built-in theme with the book's overrides applied. A template that is
/// not UTF-8 text is the book's problem (each one a diagnostic), a folder
/// that cannot be read the tool's.
pub fn load_theme(root: &Path, theme: &str) -> Result<Theme, RenderFailure> {
    let mut templates: BTreeMap<String, Template> = TEMPLATES
        .iter()
        .map(|(path, source)| {
            let name = path.trim_start_matches("templates/").to_string();
            (
                name.clone(),
                Template {
                    name,
                    source: (*source).to_string(),
                    origin: Origin::BuiltIn,
                },
            )
        })
        .collect();
    let mut assets: BTreeMap<String, Asset> = ASSETS
        .iter()
        .map(|(path, source)| {
            (
                path.trim_start_matches("static/").to_string(),
                Asset::BuiltIn(source),
            )
        })
        .collect();
    let mut problems = Vec::new();
    let theme_dir = root.join("themes").join(theme);
    let template_dir = theme_dir.join("templates");
    if template_dir.is_dir() {
        for entry in walkdir::WalkDir::new(&template_dir).sort_by_file_name() {
            let entry = entry
                .with_context(|| format!("reading theme folder {}", template_dir.display()))?;
            if !entry.file_type().is_file() {
                continue;
            }
            let name = crate::diagnostics::display_path(&template_dir, entry.path());
            let file = crate::diagnostics::display_path(root, entry.path());
            let bytes = std::fs::read(entry.path())
                .with_context(|| format!("reading template {}", entry.path().display()))?;
            let source = match String::from_utf8(bytes) {
                Ok(source) => source,
                Err(err) => {
                    problems.push(
                        Diagnostic::not_utf8(
                            &file,
                            err.as_bytes(),
                            err.utf8_error(),
                            "this template is not valid UTF-8 text",
                        )
                        .with_help("save the file with UTF-8 encoding"),
                    );
                    continue;
                }
            };
            let origin = Origin::Book(file);
            templates.insert(
                name.clone(),
                Template {
                    name,
                    source,
                    origin,
                },
            );
        }
    }
    let static_dir = theme_dir.join("static");
    if static_dir.is_dir() {
        for entry in walkdir::WalkDir::new(&static_dir).sort_by_file_name() {
            let entry =
                entry.with_context(|| format!("reading theme folder {}", static_dir.display()))?;
            if entry.file_type().is_file() {
                let name = crate::diagnostics::display_path(&static_dir, entry.path());
                assets.insert(name, Asset::File(entry.path().to_path_buf()));
            }
        }
    }
    let strings = load_theme_strings(root, &theme_dir, &mut problems)?;
    if !problems.is_empty() {
        return Err(RenderFailure::Book(problems));
    }
    Ok(Theme {
        strings,
        templates: templates.into_values().collect(),
        assets,
    })
}

/// The theme's `strings.toml`, when it has one: the interface's words for
/// every book of the theme (a book's `[strings]` goes over them).
fn load_theme_strings(
    root: &Path,
    theme_dir: &Path,
    problems: &mut Vec<Diagnostic>,
) -> Result<crate::strings::Strings, RenderFailure> {
    let path = theme_dir.join("strings.toml");
    // A link is not followed, as with every file of the book (issue 22).
    let is_file = std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_file());
    if !is_file {
        return Ok(crate::strings::Strings::new());
    }
    let file = crate::diagnostics::display_path(root, &path);
    let bytes = std::fs::read(&path).with_context(|| format!("reading {}", path.display()))?;
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => {
            problems.push(
                Diagnostic::not_utf8(
                    &file,
                    err.as_bytes(),
                    err.utf8_error(),
                    "this strings file is not valid UTF-8 text",
                )
                .with_help("save the file with UTF-8 encoding"),
            );
            return Ok(crate::strings::Strings::new());
        }
    };
    let mut diagnostics = crate::diagnostics::Diagnostics::default();
    let mut decoder = crate::decode::Decoder {
        file: &file,
        diagnostics: &mut diagnostics,
    };
    let strings = match crate::toml_tree::parse(&text) {
        Ok(node) => crate::strings::decode_strings(&node, &mut decoder, "the strings table"),
        Err(err) => {
            decoder
                .error(
                    "toml-syntax",
                    err.pos,
                    format!("this strings file is not valid TOML: {}", err.message),
                )
                .help = Some("write one `key = \"text\"` line per word to change".into());
            crate::strings::Strings::new()
        }
    };
    problems.extend(diagnostics);
    Ok(strings)
}

impl Asset {
    pub fn bytes(&self) -> anyhow::Result<Vec<u8>> {
        match self {
            Asset::BuiltIn(text) => Ok(text.as_bytes().to_vec()),
            Asset::File(path) => std::fs::read(path)
                .with_context(|| format!("reading theme asset {}", path.display())),
        }
    }
}
