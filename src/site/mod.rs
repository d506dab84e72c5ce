//! What the site contains, and the one place that writes the output folder.
//!
//! A build renders into a fresh temporary folder next to the output and
//! swaps it in only when every file was written, so a failed build leaves
//! the previous site untouched (and a reader never sees half a site).
//! Files whose bytes did not change enter that folder as hard links of the
//! previous site's files, keeping their inode and modification time
//! (`staging`, by the previous build's `manifest`). A page whose inputs did
//! not change (`inputs`) is not even rendered: the previous file is linked.

pub mod inputs;
pub mod links;
pub mod manifest;
pub mod place;
mod staging;

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use rayon::prelude::*;

use crate::content::model::Book;
use crate::diagnostics::Diagnostics;
use crate::render::memo::BodyMemo;
use crate::render::{PlannedPage, RenderFailure, Renderer, Templates, export, plan_pages, search};
use crate::timings;
use staging::{DiskSink, Staging};

/// What a successful build wrote.
#[derive(Debug, Clone, Default)]
pub struct BuildStats {
    pub pages: usize,
    pub files: usize,
    pub bytes: u64,
    /// How many files were new or changed, and how many kept their bytes,
    /// inode and time; whether hard links failed (`None` in memory).
    pub output: Option<staging::Outcome>,
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
/// `parsed` are the theme's templates when the caller parsed them already
/// (while the book loaded); they are used if they are the book's theme.
pub fn build_site(
    book: &Book,
    root: &Path,
    out: &Path,
    parsed: Option<Templates>,
) -> Result<BuildStats, BuildFailure> {
    place::check_output(book, root, out)?;
    let renderer = timings::measure("render: templates", || match parsed {
        Some(templates) if templates.name == book.config.build.theme => {
            Renderer::with_templates(book, templates)
        }
        _ => Renderer::new(book, root),
    });
    let renderer = match renderer {
        Ok(renderer) => renderer,
        Err(RenderFailure::Book(problems)) => {
            return Err(BuildFailure::Problems(problems.into_iter().collect()));
        }
        Err(RenderFailure::Tool(err)) => return Err(BuildFailure::Tool(err)),
    };
    let staging = Staging::create(out)?;
    let result = write_all(book, &renderer, &staging.path, out);
    match result {
        Ok(stats) => {
            timings::measure("write: swap into place", || staging.swap_into(out))?;
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

    /// Stores one file made of `parts`, in order, without joining them
    /// first.
    fn put_parts(&self, path: &str, parts: &[&str]) -> anyhow::Result<()>;

    /// Stores the previous build's file at `path` as it is, when the
    /// inputs it was made from are this build's: its size, or `None` when
    /// it must be made.
    fn reuse(&self, _path: &str) -> anyhow::Result<Option<u64>> {
        Ok(None)
    }

    /// The fingerprint of the inputs of the file at `path`, when known.
    fn key_of(&self, _path: &str) -> Option<u128> {
        None
    }

    /// The previous build's file at `path` and where its parts sit in it.
    fn previous_parts(&self, _path: &str) -> Option<PreviousParts> {
        None
    }

    /// Notes where the parts of the file at `path` sit in it, for the next
    /// build's [`Sink::previous_parts`].
    fn list_parts(&self, _path: &str, _parts: Vec<manifest::Part>) {}
}

/// A previous build's file made of parts, with its parts by the
/// fingerprint of their inputs.
pub struct PreviousParts {
    bytes: Vec<u8>,
    by_key: std::collections::HashMap<u128, std::ops::Range<usize>>,
}

impl PreviousParts {
    pub fn new(bytes: Vec<u8>, parts: &[manifest::Part]) -> PreviousParts {
        let by_key = parts
            .iter()
            .filter_map(|part| {
                let start = usize::try_from(part.offset).ok()?;
                let end = start.checked_add(usize::try_from(part.len).ok()?)?;
                Some((part.key, start..end))
            })
            .collect();
        PreviousParts { bytes, by_key }
    }

    /// The part made from inputs with fingerprint `key`, when there is one.
    pub fn get(&self, key: u128) -> Option<&str> {
        let range = self.by_key.get(&key)?.clone();
        std::str::from_utf8(self.bytes.get(range)?).ok()
    }
}

/// A whole site in memory: path below the output root → bytes.
pub type Files = std::collections::HashMap<String, Vec<u8>>;

/// Renders the whole site into memory, writing nothing: what `check`,
/// `check --links` and `serve` look at. The book's template problems come
/// back as diagnostics; failures of the tool as errors. `bodies` are the
/// guides' bodies of the previous build, for `serve` to reuse.
pub fn render_in_memory<'b>(
    book: &'b Book,
    root: &Path,
    bodies: Option<&'b BodyMemo>,
) -> anyhow::Result<Result<(Files, Vec<PlannedPage>), Diagnostics>> {
    let renderer = match Renderer::new(book, root) {
        Ok(renderer) => match bodies {
            Some(memo) => renderer.remembering(memo),
            None => renderer,
        },
        Err(RenderFailure::Book(problems)) => return Ok(Err(problems.into_iter().collect())),
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

    fn store(&self, path: &str, bytes: Vec<u8>) {
        self.files
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .insert(path.to_string(), bytes);
    }
}

impl Sink for MemorySink {
    fn put(&self, path: &str, bytes: &[u8]) -> anyhow::Result<()> {
        self.store(path, bytes.to_vec());
        Ok(())
    }

    /// Joined once and kept: not copied again, as `put` would (the search
    /// index of a large book is tens of megabytes).
    fn put_parts(&self, path: &str, parts: &[&str]) -> anyhow::Result<()> {
        self.store(path, parts.concat().into_bytes());
        Ok(())
    }
}

/// Renders the site into the staging folder `dir`, linking forward what
/// did not change of the previous site in `out`, and writes the manifest.
fn write_all(
    book: &Book,
    renderer: &Renderer,
    dir: &Path,
    out: &Path,
) -> Result<BuildStats, BuildFailure> {
    let plan = plan_pages(book);
    let folders: BTreeSet<PathBuf> = plan
        .iter()
        .filter_map(|page| Path::new(&page.path).parent().map(Path::to_path_buf))
        .collect();
    for folder in &folders {
        std::fs::create_dir_all(dir.join(folder))
            .with_context(|| format!("creating {}", dir.join(folder).display()))?;
    }
    let previous = out.is_dir().then_some(out);
    let keys = timings::measure("render: input fingerprints", || {
        inputs::page_keys(book, renderer, &plan)
    })?;
    let sink = DiskSink::new(dir, previous, keys);
    let mut stats = render_site(book, renderer, &plan, &sink)?;
    stats.output = Some(timings::measure("write: manifest", || sink.finish())?);
    Ok(stats)
}

/// Renders every page (in parallel) and every other file of the site into
/// `sink`. Template problems of the book are collected, not stopped at.
pub fn render_site(
    book: &Book,
    renderer: &Renderer,
    plan: &[PlannedPage],
    sink: &dyn Sink,
) -> Result<BuildStats, BuildFailure> {
    let clashes = static_clashes(book, renderer, plan);
    if !clashes.is_empty() {
        return Err(BuildFailure::Problems(clashes));
    }
    // The files that do not depend on the pages are made while the pages
    // render: in a small book they are a good part of the work.
    let (pages, fixed) = rayon::join(
        || timings::measure("render: pages", || render_pages(book, renderer, plan, sink)),
        || {
            timings::measure("render: exports, assets", || {
                write_fixed(book, renderer, plan, sink)
            })
        },
    );
    let mut stats = pages?;
    let (fixed_files, fixed_bytes) = fixed?;
    stats.bytes += fixed_bytes;
    stats.files = stats.pages + fixed_files + 1;
    Ok(stats)
}

/// Every page of the plan, rendered and stored, and the search index made
/// of the guides' entries.
fn render_pages(
    book: &Book,
    renderer: &Renderer,
    plan: &[PlannedPage],
    sink: &dyn Sink,
) -> Result<BuildStats, BuildFailure> {
    let render = |page: &PlannedPage| -> PageOutcome {
        if let Some(size) = sink.reuse(&page.path)? {
            return Ok((size, None));
        }
        let rendered = renderer.render(page)?;
        sink.put(&page.path, &rendered.html)?;
        Ok((rendered.html.len() as u64, rendered.search_entries))
    };
    let order = renderer.render_order(plan);
    let render_at = |position: &usize| (*position, render(&plan[*position]));
    // The guides the print edition carries come first; then everything
    // else is handed to both cores at once: the print edition, the other
    // pages, and the other guides followed by the search index (made of the
    // guides' entries alone, 24 MB at ten thousand guides). Long tasks run
    // beside many short ones, whatever kind of book this is.
    let mut guides: Vec<_> = order.print_guides.par_iter().map(render_at).collect();
    let mut print = None;
    let mut others = Vec::new();
    let mut index = Ok(0);
    rayon::scope(|scope| {
        scope.spawn(|_| {
            print = timings::measure("render: print edition", || {
                order.print.as_ref().map(render_at)
            });
        });
        scope.spawn(|_| others = order.others.par_iter().map(render_at).collect());
        guides.extend(
            order
                .other_guides
                .par_iter()
                .map(render_at)
                .collect::<Vec<_>>(),
        );
        // In the plan's order, whatever order they rendered in.
        guides.sort_unstable_by_key(|(position, _)| *position);
        index = timings::measure("render: search index", || {
            write_search_index(book, renderer, plan, &mut guides, sink)
        });
    });
    let mut stats = BuildStats {
        pages: plan.len(),
        ..BuildStats::default()
    };
    let mut problems = Diagnostics::default();
    // Problems are reported in the plan's order, whatever order pages
    // rendered in.
    let mut results: Vec<_> = guides.into_iter().chain(print).chain(others).collect();
    results.sort_unstable_by_key(|(position, _)| *position);
    for (_, result) in results {
        match result {
            Ok((bytes, _)) => stats.bytes += bytes,
            Err(RenderFailure::Book(found)) => problems.extend(found),
            Err(RenderFailure::Tool(err)) => return Err(BuildFailure::Tool(err)),
        }
    }
    if !problems.is_empty() {
        return Err(BuildFailure::Problems(problems));
    }
    stats.html_bytes = stats.bytes;
    stats.search_index_bytes = index?;
    stats.bytes += stats.search_index_bytes;
    Ok(stats)
}

/// What rendering (or reusing) one page gave: its size, and for a guide
/// rendered now its entries of the search index.
type PageOutcome = Result<(u64, Option<String>), RenderFailure>;

/// The search index: its head (`assets/search-index.js`, the book's own
/// places) and its shards, each holding the entries of the guides
/// [`search::shard_of`] assigns to it, in plan order. Each file is linked
/// forward when its inputs did not change; else each guide's entries come
/// from its render, or, for a guide whose page was reused, from the
/// previous build's shard. So an edit of one guide reads and writes one
/// shard, not the whole index.
fn write_search_index(
    book: &Book,
    renderer: &Renderer,
    plan: &[PlannedPage],
    guides: &mut [(usize, PageOutcome)],
    sink: &dyn Sink,
) -> anyhow::Result<u64> {
    let shards = search::shard_count(guides.len());
    let mut members: Vec<Vec<&mut (usize, PageOutcome)>> =
        (0..shards).map(|_| Vec::new()).collect();
    for guide in guides.iter_mut() {
        members[search::shard_of(&plan[guide.0].path, shards)].push(guide);
    }
    let shard_bytes = members
        .into_par_iter()
        .enumerate()
        .map(|(number, mut guides)| write_search_shard(renderer, plan, number, &mut guides, sink))
        .sum::<anyhow::Result<u64>>()?;
    if let Some(size) = sink.reuse(inputs::SEARCH_INDEX)? {
        return Ok(size + shard_bytes);
    }
    let head = search::SearchIndex::head(book, shards);
    let parts: Vec<&str> = head.parts().collect();
    sink.put_parts(inputs::SEARCH_INDEX, &parts)?;
    Ok(head.size() + shard_bytes)
}

/// Shard `number` of the search index, of `guides` in plan order.
fn write_search_shard(
    renderer: &Renderer,
    plan: &[PlannedPage],
    number: usize,
    guides: &mut [&mut (usize, PageOutcome)],
    sink: &dyn Sink,
) -> anyhow::Result<u64> {
    let path = search::shard_path(number);
    if let Some(size) = sink.reuse(&path)? {
        return Ok(size);
    }
    let previous = sink.previous_parts(&path);
    let search_entries: Vec<Cow<str>> = guides
        .iter_mut()
        .filter_map(|guide| {
            let (position, result) = &mut **guide;
            let page = &plan[*position];
            let entries = result.as_mut().ok()?.1.take();
            Some(match entries {
                Some(made) => Cow::Owned(made),
                None => {
                    let kept = sink
                        .key_of(&page.path)
                        .and_then(|key| previous.as_ref()?.get(key));
                    kept.map_or_else(
                        || Cow::Owned(renderer.search_entries(page).unwrap_or_default()),
                        Cow::Borrowed,
                    )
                }
            })
        })
        .collect();
    let shard = search::SearchIndex::shard(number, search_entries);
    let parts: Vec<&str> = shard.parts().collect();
    sink.put_parts(&path, &parts)?;
    let ok_guides = guides.iter().filter(|guide| guide.1.is_ok());
    let listed = shard
        .guide_ranges()
        .into_iter()
        .zip(ok_guides)
        .filter_map(|(range, guide)| {
            Some(manifest::Part {
                key: sink.key_of(&plan[guide.0].path)?,
                offset: range.start,
                len: range.end - range.start,
            })
        })
        .collect();
    sink.list_parts(&path, listed);
    Ok(shard.size())
}

/// The exports, the sitemap, the theme's assets and the book's static
/// files: how many files and bytes were stored.
fn write_fixed(
    book: &Book,
    renderer: &Renderer,
    plan: &[PlannedPage],
    sink: &dyn Sink,
) -> anyhow::Result<(usize, u64)> {
    let mut files = 0;
    let mut bytes = 0;
    let mut put = |path: &str, content: &[u8]| -> anyhow::Result<()> {
        sink.put(path, content)?;
        files += 1;
        bytes += content.len() as u64;
        Ok(())
    };
    put("ladder.json", export::ladder_json(book).as_bytes())?;
    put("matrix.csv", export::matrix_csv(book).as_bytes())?;
    if let Some(sitemap) = sitemap(book, plan) {
        put("sitemap.xml", sitemap.as_bytes())?;
    }
    for (name, asset) in &renderer.theme().assets {
        put(&format!("assets/{name}"), &asset.bytes()?)?;
    }
    for static_file in &book.statics {
        let content = std::fs::read(&static_file.source)
            .with_context(|| format!("reading {}", static_file.source.display()))?;
        put(&static_file.relative, &content)?;
    }
    Ok((files, bytes))
}

/// Files the build writes itself besides pages and theme assets.
const GENERATED_FILES: [&str; 4] = [
    "ladder.json",
    "matrix.csv",
    "sitemap.xml",
    inputs::SEARCH_INDEX,
];

/// A static file at the address of a generated file would replace it, or
/// be replaced, depending on which is written last: refuse both.
fn static_clashes(book: &Book, renderer: &Renderer, plan: &[PlannedPage]) -> Diagnostics {
    let mut problems = Diagnostics::default();
    if book.statics.is_empty() {
        return problems;
    }
    let generated: std::collections::HashSet<String> = plan
        .iter()
        .map(|page| page.path.clone())
        .chain(GENERATED_FILES.iter().map(|name| name.to_string()))
        .chain((0..search_shards(plan)).map(search::shard_path))
        .chain(
            renderer
                .theme()
                .assets
                .keys()
                .map(|name| format!("assets/{name}")),
        )
        .collect();
    for static_file in &book.statics {
        if generated.contains(&static_file.relative) {
            problems.push(
                crate::diagnostics::Diagnostic::error(
                    "static-clash",
                    &format!(
                        "{}/static/{}",
                        book.config.build.content_dir, static_file.relative
                    ),
                    crate::node::Pos::new(1, 1),
                    format!(
                        "this static file has the address of a page or file the build writes: `{}`",
                        static_file.relative
                    ),
                )
                .with_help("rename or move it; to change a generated page, override its template in themes/ instead"),
            );
        }
    }
    problems
}

/// How many shards the search index of `plan` has.
fn search_shards(plan: &[PlannedPage]) -> usize {
    let guides = plan
        .iter()
        .filter(|page| matches!(page.kind, crate::render::PageKind::Page(_)))
        .count();
    search::shard_count(guides)
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

/// Whether `dir` holds a site ladderbook built: its `ladder.json` starts
/// with ladderbook's format name.
pub(crate) fn is_a_site(dir: &Path) -> bool {
    use std::io::Read as _;
    let mut head = [0u8; 256];
    let Ok(mut file) = std::fs::File::open(dir.join("ladder.json")) else {
        return false;
    };
    let Ok(read) = file.read(&mut head) else {
        return false;
    };
    String::from_utf8_lossy(&head[..read]).contains(SITE_SIGNATURE)
}

/// How `ladder.json` begins in every site ladderbook writes, whatever the
/// version of its format ([`export::LADDER_FORMAT`]).
const SITE_SIGNATURE: &str = "\"format\": \"ladderbook.ladder/";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_site_carries_the_signature_a_rebuild_looks_for() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        assert!(export::LADDER_FORMAT.starts_with("ladderbook.ladder/"));
        let written = format!("{{\n  \"format\": \"{}\",\n", export::LADDER_FORMAT);
        assert!(written.contains(SITE_SIGNATURE));
        std::fs::write(dir.path().join("notes.txt"), "mine").expect("written");
        assert!(!is_a_site(dir.path()));
        assert!(place::replace_refusal(dir.path()).is_some());
        std::fs::write(dir.path().join("ladder.json"), written).expect("written");
        assert!(is_a_site(dir.path()));
        assert!(place::replace_refusal(dir.path()).is_none());
    }

    #[test]
    fn a_file_in_parts_is_kept_joined_in_memory() {
        let parts = ["head[", "", "é-body", ",", "]tail\n"];
        let memory = MemorySink::default();
        memory
            .put_parts("assets/deep/index.js", &parts)
            .expect("memory takes it");
        assert_eq!(
            memory.into_files()["assets/deep/index.js"],
            parts.concat().into_bytes()
        );
    }
}
