//! What the site contains, and the one place that writes the output folder.
//!
//! A build renders into a fresh temporary folder next to the output and
//! swaps it in only when every file was written, so a failed build leaves
//! the previous site untouched (and a reader never sees half a site).

pub mod links;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, bail};
use rayon::prelude::*;

use crate::content::model::Book;
use crate::diagnostics::Diagnostics;
use crate::render::{PlannedPage, RenderFailure, Renderer, export, plan_pages, search};

/// What a successful build wrote.
#[derive(Debug, Clone, Copy, Default)]
pub struct BuildStats {
    pub pages: usize,
    pub files: usize,
    pub bytes: u64,
    /// Bytes of HTML pages alone, and of the search index: the index's
    /// budget is a share of the HTML (see bench/README.md).
    pub html_bytes: u64,
    pub search_index_bytes: u64,
}

/// Why a build did not replace the output.
pub enum BuildFailure {
    /// Problems in the book's own templates.
    Problems(Diagnostics),
    Tool(anyhow::Error),
}

impl From<anyhow::Error> for BuildFailure {
    fn from(err: anyhow::Error) -> Self {
        BuildFailure::Tool(err)
    }
}

/// Renders the whole site into `out`, atomically replacing what was there.
pub fn build_site(book: &Book, root: &Path, out: &Path) -> Result<BuildStats, BuildFailure> {
    check_output_location(book, root, out)?;
    let renderer = match Renderer::new(book, root) {
        Ok(renderer) => renderer,
        Err(RenderFailure::Template(diagnostic)) => {
            let mut diagnostics = Diagnostics::default();
            diagnostics.push(diagnostic);
            return Err(BuildFailure::Problems(diagnostics));
        }
        Err(RenderFailure::Tool(err)) => return Err(BuildFailure::Tool(err)),
    };
    let staging = Staging::create(out)?;
    let result = write_all(book, &renderer, &staging.path);
    match result {
        Ok(stats) => {
            staging.swap_into(out)?;
            Ok(stats)
        }
        Err(failure) => {
            staging.discard();
            Err(failure)
        }
    }
}

/// Where rendered files go: the staging folder of a build, or memory for
/// `serve`.
pub trait Sink: Sync {
    /// Stores one file at its `/`-separated path below the output root.
    fn put(&self, path: &str, bytes: &[u8]) -> anyhow::Result<()>;
}

/// Writes files below a folder.
struct DiskSink<'a> {
    dir: &'a Path,
}

impl Sink for DiskSink<'_> {
    fn put(&self, path: &str, bytes: &[u8]) -> anyhow::Result<()> {
        let target = self.dir.join(path);
        match std::fs::write(&target, bytes) {
            Ok(()) => Ok(()),
            // Folders are made on demand: pages' folders exist already, so
            // this costs one extra call only for assets and static files.
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
                let parent = target
                    .parent()
                    .expect("a file below the output has a parent");
                std::fs::create_dir_all(parent)
                    .with_context(|| format!("creating {}", parent.display()))?;
                std::fs::write(&target, bytes)
                    .with_context(|| format!("writing {}", target.display()))
            }
            Err(err) => Err(err).with_context(|| format!("writing {}", target.display())),
        }
    }
}

/// A whole site in memory: path below the output root → bytes.
pub type Files = std::collections::HashMap<String, Vec<u8>>;

/// Renders the whole site into memory, writing nothing: what `check`,
/// `check --links` and `serve` look at. The book's template problems come
/// back as diagnostics; failures of the tool as errors.
pub fn render_in_memory(
    book: &Book,
    root: &Path,
) -> anyhow::Result<Result<(Files, Vec<PlannedPage>), Diagnostics>> {
    let renderer = match Renderer::new(book, root) {
        Ok(renderer) => renderer,
        Err(RenderFailure::Template(diagnostic)) => {
            let mut diagnostics = Diagnostics::default();
            diagnostics.push(diagnostic);
            return Ok(Err(diagnostics));
        }
        Err(RenderFailure::Tool(err)) => return Err(err),
    };
    let plan = plan_pages(book);
    let sink = MemorySink::default();
    match render_site(book, &renderer, &plan, &sink) {
        Ok(_) => Ok(Ok((sink.into_files(), plan))),
        Err(BuildFailure::Problems(problems)) => Ok(Err(problems)),
        Err(BuildFailure::Tool(err)) => Err(err),
    }
}

/// Keeps files in memory (the preview server's site).
#[derive(Default)]
pub struct MemorySink {
    files: std::sync::Mutex<std::collections::HashMap<String, Vec<u8>>>,
}

impl MemorySink {
    pub fn into_files(self) -> Files {
        self.files
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

impl Sink for MemorySink {
    fn put(&self, path: &str, bytes: &[u8]) -> anyhow::Result<()> {
        let mut files = self
            .files
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        files.insert(path.to_string(), bytes.to_vec());
        Ok(())
    }
}

fn write_all(book: &Book, renderer: &Renderer, dir: &Path) -> Result<BuildStats, BuildFailure> {
    let plan = plan_pages(book);
    let folders: BTreeSet<PathBuf> = plan
        .iter()
        .filter_map(|page| Path::new(&page.path).parent().map(Path::to_path_buf))
        .collect();
    for folder in &folders {
        std::fs::create_dir_all(dir.join(folder))
            .with_context(|| format!("creating {}", dir.join(folder).display()))?;
    }
    render_site(book, renderer, &plan, &DiskSink { dir })
}

/// Renders every page (in parallel) and every other file of the site into
/// `sink`. Template problems of the book are collected, not stopped at.
pub fn render_site(
    book: &Book,
    renderer: &Renderer,
    plan: &[PlannedPage],
    sink: &dyn Sink,
) -> Result<BuildStats, BuildFailure> {
    let results: Vec<Result<u64, RenderFailure>> = plan
        .par_iter()
        .map(|page| {
            let html = renderer.render(page)?;
            sink.put(&page.path, html.as_bytes())?;
            Ok(html.len() as u64)
        })
        .collect();
    let mut stats = BuildStats {
        pages: plan.len(),
        ..BuildStats::default()
    };
    let mut problems = Diagnostics::default();
    for result in results {
        match result {
            Ok(bytes) => stats.bytes += bytes,
            Err(RenderFailure::Template(diagnostic)) => problems.push(diagnostic),
            Err(RenderFailure::Tool(err)) => return Err(BuildFailure::Tool(err)),
        }
    }
    if !problems.is_empty() {
        return Err(BuildFailure::Problems(problems));
    }
    let mut extra: Vec<(String, Vec<u8>)> = vec![
        ("ladder.json".into(), export::ladder_json(book).into_bytes()),
        ("matrix.csv".into(), export::matrix_csv(book).into_bytes()),
    ];
    let search_index = search::search_index_js(book).into_bytes();
    stats.html_bytes = stats.bytes;
    stats.search_index_bytes = search_index.len() as u64;
    extra.push(("assets/search-index.js".into(), search_index));
    if let Some(sitemap) = sitemap(book, plan) {
        extra.push(("sitemap.xml".into(), sitemap.into_bytes()));
    }
    for (name, asset) in &renderer.theme().assets {
        extra.push((format!("assets/{name}"), asset.bytes()?));
    }
    for static_file in &book.statics {
        let bytes = std::fs::read(&static_file.source)
            .with_context(|| format!("reading {}", static_file.source.display()))?;
        extra.push((static_file.relative.clone(), bytes));
    }
    for (path, bytes) in extra {
        sink.put(&path, &bytes)?;
        stats.bytes += bytes.len() as u64;
        stats.files += 1;
    }
    stats.files += stats.pages;
    Ok(stats)
}

fn sitemap(book: &Book, plan: &[PlannedPage]) -> Option<String> {
    let base = book.config.site.base_url.as_deref()?;
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for page in plan.iter().filter(|p| p.path != "404.html") {
        let url = format!("{base}{}", page.path);
        xml.push_str(&format!("  <url><loc>{}</loc></url>\n", xml_escape(&url)));
    }
    xml.push_str("</urlset>\n");
    Some(xml)
}

fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Refuses an output folder that would replace the book or its sources.
fn check_output_location(book: &Book, root: &Path, out: &Path) -> anyhow::Result<()> {
    let absolute = |p: &Path| -> PathBuf {
        let joined = if p.is_absolute() {
            p.to_path_buf()
        } else {
            std::env::current_dir().unwrap_or_default().join(p)
        };
        normalize(&joined)
    };
    let out_abs = absolute(out);
    let root_abs = absolute(root);
    let protected = [
        root_abs.clone(),
        absolute(&book.config.content_dir(root)),
        absolute(&root.join("themes")),
    ];
    for place in &protected {
        if place.starts_with(&out_abs) || out_abs.starts_with(place) && place != &root_abs {
            bail!(
                "refusing to write the site to `{}`: it would replace the book's own files ({})\n  help: choose an output folder such as `{}`",
                out.display(),
                place.display(),
                root.join("site").display()
            );
        }
    }
    Ok(())
}

/// Resolves `.` and `..` without touching the disk (the output may not exist).
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// A temporary folder beside the output, swapped in by renaming.
struct Staging {
    path: PathBuf,
}

impl Staging {
    fn create(out: &Path) -> anyhow::Result<Staging> {
        let parent = out
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        std::fs::create_dir_all(parent)
            .with_context(|| format!("creating {}", parent.display()))?;
        let name = out
            .file_name()
            .map_or_else(|| "site".into(), |n| n.to_string_lossy().into_owned());
        let path = parent.join(format!(".{name}.building-{}", std::process::id()));
        if path.exists() {
            std::fs::remove_dir_all(&path)
                .with_context(|| format!("removing {}", path.display()))?;
        }
        std::fs::create_dir(&path).with_context(|| format!("creating {}", path.display()))?;
        Ok(Staging { path })
    }

    fn swap_into(self, out: &Path) -> anyhow::Result<()> {
        let old = self.path.with_extension("old");
        if out.exists() {
            std::fs::rename(out, &old)
                .with_context(|| format!("moving the previous site {} aside", out.display()))?;
        }
        if let Err(err) = std::fs::rename(&self.path, out) {
            // Put the previous site back: a failed swap must lose nothing.
            if old.exists() {
                let _ = std::fs::rename(&old, out);
            }
            return Err(err).with_context(|| format!("moving the new site into {}", out.display()));
        }
        if old.exists() {
            std::fs::remove_dir_all(&old)
                .with_context(|| format!("removing the previous site {}", old.display()))?;
        }
        Ok(())
    }

    fn discard(self) {
        let _ = std::fs::remove_dir_all(&self.path);
    }
}
