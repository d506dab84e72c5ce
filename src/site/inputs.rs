//! What each page's bytes depend on, as one fingerprint per output file:
//! a rebuild does not render a page whose fingerprint is the one the
//! previous build recorded for it (issue 20).
//!
//! A page is a function of the program, the theme, the book's inputs and
//! the guides' bodies it reads. So its fingerprint hashes:
//! - the program itself (its version and the executable's size, time and
//!   inode, so a rebuilt ladderbook renders everything again);
//! - the theme: every template, asset and word ([`Theme::fingerprint`]);
//! - the releases `[history]` publishes, by name and commit;
//! - every input of the book but the guides' bodies ([`Book::inputs`]:
//!   `book.toml`, every content file, each guide's front matter);
//! - the bodies of the guides the page reads, as the renderer declares them
//!   ([`BodyReads`]): a guide's page its own, the print edition those it
//!   carries, any other page none;
//! - its own address.
//!
//! Editing one guide's body thus changes the fingerprints of its page, of
//! the print edition when it carries the guide, and of the one shard of
//! the index holding that guide's entries; anything else changes them all.
//! Where the program cannot be identified, no page has a fingerprint and
//! every page is rendered.

use std::collections::HashMap;

use rayon::prelude::*;
use xxhash_rust::xxh3::Xxh3;

use crate::content::model::Book;
use crate::render::{BodyReads, PageKind, PlannedPage, Renderer, search};

/// The search index's head (the book's own places, the home page's among
/// them, and the number of shards): it reads no guide's body. Each shard's covers its guides' pages, and each guide's entries in
/// a shard are a part keyed by the guide page's fingerprint.
pub const SEARCH_INDEX: &str = "assets/search-index.js";

/// The fingerprint of each page's inputs (and of the search index's), by
/// path; empty when the program cannot be identified.
pub fn page_keys(
    book: &Book,
    renderer: &Renderer,
    plan: &[PlannedPage],
) -> anyhow::Result<HashMap<String, u128>> {
    let Some(program) = program_identity() else {
        return Ok(HashMap::new());
    };
    let mut shared = Xxh3::new();
    shared.update(program.as_bytes());
    shared.update(&book.inputs.to_le_bytes());
    shared.update(&renderer.theme().fingerprint()?.to_le_bytes());
    published_releases(book, &mut shared);
    let shared = shared.digest128();
    let bodies: Vec<u128> = book
        .pages
        .par_iter()
        .map(|page| xxhash_rust::xxh3::xxh3_128(page.body.text.as_bytes()))
        .collect();
    let key = |path: &str, reads: &mut dyn Iterator<Item = u128>| {
        let mut hasher = Xxh3::new();
        hasher.update(&shared.to_le_bytes());
        hasher.update(path.as_bytes());
        hasher.update(&[0]);
        for body in reads {
            hasher.update(&body.to_le_bytes());
        }
        hasher.digest128()
    };
    let mut keys: HashMap<String, u128> = plan
        .iter()
        .map(|page| {
            let BodyReads::Guides(read) = renderer.body_reads(&page.kind);
            let value = key(&page.path, &mut read.iter().map(|&i| bodies[i]));
            (page.path.clone(), value)
        })
        .collect();
    // The head holds the book's own places, the home page's among them
    // (`index.md`, a whole input); the guides' entries are in the shards.
    keys.insert(
        SEARCH_INDEX.to_string(),
        key(SEARCH_INDEX, &mut std::iter::empty()),
    );
    let shards = shard_keys(plan, &keys, key);
    keys.extend(shards);
    Ok(keys)
}

/// The releases `[history]` publishes: not files of the book but commits of
/// its repository, so a new tag matching `tags = "v*"` changes the Changes
/// pages, the level marks and the assessment's key maps while every content
/// file stays as it was. A commit id names everything a release shows.
fn published_releases(book: &Book, hasher: &mut Xxh3) {
    let Some(history) = &book.history else {
        return;
    };
    for release in &history.releases {
        for field in [&release.name, &release.commit] {
            hasher.update(&(field.len() as u64).to_le_bytes());
            hasher.update(field.as_bytes());
        }
    }
}

/// The fingerprint of each shard of the search index: of the fingerprints
/// of its guides' pages, in plan order, since a guide's entries are made
/// from exactly what its page is (`render::search::shard_of`).
fn shard_keys(
    plan: &[PlannedPage],
    keys: &HashMap<String, u128>,
    key: impl Fn(&str, &mut dyn Iterator<Item = u128>) -> u128,
) -> Vec<(String, u128)> {
    let guides: Vec<&str> = plan
        .iter()
        .filter(|page| matches!(page.kind, PageKind::Page(_)))
        .map(|page| page.path.as_str())
        .collect();
    let shards = search::shard_count(guides.len());
    let mut members: Vec<Vec<u128>> = vec![Vec::new(); shards];
    for path in guides {
        members[search::shard_of(path, shards)].push(keys[path]);
    }
    members
        .into_iter()
        .enumerate()
        .map(|(number, guide_keys)| {
            let path = search::shard_path(number);
            let value = key(&path, &mut guide_keys.into_iter());
            (path, value)
        })
        .collect()
}

/// This program: its version and the executable's size, modification time
/// and inode. A rebuilt or reinstalled ladderbook has another, so pages
/// made by an older one are never taken for its own.
fn program_identity() -> Option<String> {
    let exe = std::env::current_exe().ok()?;
    let metadata = std::fs::metadata(exe).ok()?;
    let modified = metadata
        .modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?;
    #[cfg(unix)]
    let inode = std::os::unix::fs::MetadataExt::ino(&metadata);
    #[cfg(not(unix))]
    let inode = 0;
    Some(format!(
        "ladderbook {} {} {} {inode}",
        env!("CARGO_PKG_VERSION"),
        metadata.len(),
        modified.as_nanos()
    ))
}
