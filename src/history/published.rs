//! The releases `[history]` names, read from the book's own repository for
//! the site (issue 17): each release's book, its diff against the release
//! before, and how the item keys of every older release map onto the
//! ladder being built (for assessments exported against it).
//!
//! Reading goes through `git` (objects only, nothing written) and the
//! memory pipeline, as `diff` does; the comparison is `diff_books`, the
//! one diff. Problems are diagnostics on `book.toml` (an unknown revision,
//! no repository) or on the release's own files (`v1.0:content/...`), so
//! `check` and `build` report them with the rest of the book's.

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::Arc;

use rayon::prelude::*;

use crate::config::{CONFIG_FILE, HistorySection};
use crate::content::memory::load_memory_book;
use crate::content::model::Book;
use crate::content::{LoadError, Loaded, load_book};
use crate::decode::At;
use crate::diagnostics::{Diagnostic, Diagnostics, Severity};
use crate::history::diff::Diff;
use crate::history::diff_books;
use crate::history::error::HistoryError;
use crate::history::git::Repo;
use crate::history::key_map::{KeyMap, key_map};
use crate::history::releases::{matches, version_order};
use crate::history::side::label_files;

/// The published releases, ready for the site.
#[derive(Debug)]
pub struct Published {
    /// Newest first.
    pub releases: Vec<Release>,
    /// Per ladder version of a release that differs from the book being
    /// built: where its item keys went (oldest release first).
    pub key_maps: Vec<KeyMap>,
}

/// One release and what changed in it.
#[derive(Debug)]
pub struct Release {
    /// As `book.toml` or the tag names it: `v1.2`.
    pub name: String,
    /// Its page's file name below `changes/`, without `.html`.
    pub slug: String,
    /// The name and its commit: `v1.2 (3f2a9c1)`.
    pub label: String,
    /// The commit alone, short: `3f2a9c1`.
    pub commit: String,
    /// The ladder's version hash at that release.
    pub version: String,
    /// Against the release before; `None` for the first one published.
    pub diff: Option<Diff>,
}

/// Loads the book at `root` as `load_book` does, with the releases its
/// `[history]` names: what every command that renders the site reads.
pub fn load_with_history(root: &Path) -> Result<Loaded, LoadError> {
    let mut loaded = load_book(root)?;
    crate::timings::measure("load: history", || attach(&mut loaded, root));
    Ok(loaded)
}

/// Reads the releases of `loaded`'s `[history]` into `loaded.book.history`,
/// or adds why they cannot be read to its diagnostics. Does nothing for a
/// book without `[history]` or one that already has errors.
pub fn attach(loaded: &mut Loaded, root: &Path) {
    let Some(history) = loaded.book.config.history.clone() else {
        return;
    };
    if loaded.diagnostics.has_errors() {
        return;
    }
    match read_releases(&history, root, &loaded.book) {
        Ok(Some(published)) => loaded.book.history = Some(Arc::new(published)),
        Ok(None) => {}
        Err(problems) => loaded.diagnostics.extend(problems),
    }
}

fn read_releases(
    history: &HistorySection,
    root: &Path,
    current: &Book,
) -> Result<Option<Published>, Diagnostics> {
    let repo = Repo::open(root).map_err(|err| one(at_section(history, "no-repository", &err)))?;
    let names = release_names(history, &repo)?;
    if names.is_empty() {
        return Ok(None);
    }
    let mut problems = Diagnostics::default();
    let mut snapshots = Vec::new();
    for name in &names {
        match crate::timings::measure("history: read revisions", || repo.read(&name.value)) {
            Ok(snapshot) => snapshots.push((name, snapshot)),
            Err(err) => {
                let mut diagnostic = at(name.pos, release_code(&err), &err);
                if let HistoryError::UnknownRevision { shallow: false, .. } = err {
                    diagnostic.help = Some(UNKNOWN_RELEASE_HELP.into());
                }
                problems.push(diagnostic);
            }
        }
    }
    if problems.has_errors() {
        return Err(problems);
    }
    let books: Vec<ReleaseBook> = snapshots
        .into_par_iter()
        .with_max_len(1)
        .map(|(name, snapshot)| {
            let mut loaded = load_memory_book(&snapshot.config_text, &snapshot.files);
            let mut all = snapshot.diagnostics;
            all.extend(std::mem::take(&mut loaded.diagnostics));
            loaded.diagnostics = label_files(all, &name.value);
            ReleaseBook {
                name: name.value.clone(),
                label: snapshot.label,
                commit: snapshot.commit,
                loaded,
            }
        })
        .collect();
    for ReleaseBook { loaded, .. } in &books {
        let errors = loaded
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error);
        problems.extend(errors.cloned());
    }
    if problems.has_errors() {
        return Err(problems);
    }
    Ok(Some(publish(&books, current)))
}

/// A release's book, as read.
struct ReleaseBook {
    name: String,
    label: String,
    commit: String,
    loaded: Loaded,
}

/// The releases' pages and key maps, from their loaded books (oldest first).
fn publish(books: &[ReleaseBook], current: &Book) -> Published {
    let diffs: Vec<Option<Diff>> = (0..books.len())
        .into_par_iter()
        .map(|i| {
            let new = &books[i];
            let old = books.get(i.checked_sub(1)?)?;
            Some(diff_books(
                &old.loaded.book,
                &old.label,
                &new.loaded.book,
                &new.label,
            ))
        })
        .collect();
    let mut versions = BTreeSet::new();
    let older: Vec<&ReleaseBook> = books
        .iter()
        .filter(|release| {
            let version = &release.loaded.book.version;
            version != &current.version && versions.insert(version)
        })
        .collect();
    let key_maps = crate::timings::measure("history: key maps", || {
        older
            .into_par_iter()
            .map(|release| {
                let old = &release.loaded.book;
                let diff = diff_books(old, &release.label, current, "this build");
                key_map(&release.name, old, current, &diff)
            })
            .collect()
    });
    let mut slugs = BTreeSet::new();
    let mut releases: Vec<Release> = books
        .iter()
        .zip(diffs)
        .map(|(release, diff)| Release {
            name: release.name.clone(),
            slug: unique_slug(&release.name, &mut slugs),
            label: release.label.clone(),
            commit: release.commit.clone(),
            version: release.loaded.book.version.clone(),
            diff,
        })
        .collect();
    releases.reverse();
    Published { releases, key_maps }
}

/// The revisions to read, oldest first: the list as written, or the tags
/// the pattern matches in version order.
fn release_names(history: &HistorySection, repo: &Repo) -> Result<Vec<At<String>>, Diagnostics> {
    let Some(pattern) = &history.tags else {
        return Ok(history.releases.clone());
    };
    let mut tags: Vec<String> = repo
        .tag_names()
        .map_err(|err| one(at(pattern.pos, "unreadable-release", &err)))?
        .into_iter()
        .filter(|tag| matches(&pattern.value, tag))
        .collect();
    tags.sort_by(|a, b| version_order(a, b));
    if tags.is_empty() {
        let warning = Diagnostic::warning(
            "no-release",
            CONFIG_FILE,
            pattern.pos,
            format!(
                "no tag matches `{}`: the site has no Changes section yet",
                pattern.value
            ),
        )
        .with_help("tag a release (`git tag v1.0`), or fetch the tags with `git fetch --tags`");
        return Err(one(warning));
    }
    Ok(tags
        .into_iter()
        .map(|tag| At::new(tag, pattern.pos))
        .collect())
}

/// The hint of `diff` names a folder as another way out; in `[history]`
/// only revisions count.
const UNKNOWN_RELEASE_HELP: &str = "check the name with `git tag`; fetch the tags with `git fetch --tags` (a CI checkout needs its history: `fetch-depth: 0`)";

fn release_code(err: &HistoryError) -> &'static str {
    match err {
        HistoryError::UnknownRevision { .. } => "unknown-release",
        HistoryError::NotABookAt { .. } => "not-a-book",
        _ => "unreadable-release",
    }
}

/// A failure to read history as a diagnostic at `pos` of book.toml: the
/// error's first line as the message, its `help:` line as the hint.
fn at(pos: crate::node::Pos, code: &'static str, err: &HistoryError) -> Diagnostic {
    let text = err.to_string();
    let (message, help) = match text.split_once("\n  help: ") {
        Some((message, help)) => (message.to_string(), Some(help.to_string())),
        None => (text, None),
    };
    let mut diagnostic = Diagnostic::error(code, CONFIG_FILE, pos, message);
    diagnostic.help = help;
    diagnostic
}

fn at_section(history: &HistorySection, code: &'static str, err: &HistoryError) -> Diagnostic {
    let mut diagnostic = at(history.pos, code, err);
    diagnostic.help = Some(
        "[history] reads the releases from the git repository the book is in; build inside a clone (with its tags), or remove [history]"
            .into(),
    );
    diagnostic
}

fn one(diagnostic: Diagnostic) -> Diagnostics {
    let mut diagnostics = Diagnostics::default();
    diagnostics.push(diagnostic);
    diagnostics
}

/// A file name for a release's page: its name with anything but letters,
/// digits, `.`, `_` and `-` made `-`, lower-case (file systems that ignore
/// case would join `V1` and `v1`), numbered when two names meet.
fn unique_slug(name: &str, taken: &mut BTreeSet<String>) -> String {
    let base: String = name
        .chars()
        .map(|c| match c {
            'a'..='z' | '0'..='9' | '.' | '_' | '-' => c,
            'A'..='Z' => c.to_ascii_lowercase(),
            _ => '-',
        })
        .collect();
    let base = base.trim_start_matches('.').to_string();
    let base = if base.is_empty() || base == "index" {
        format!("release-{base}")
    } else {
        base
    };
    let mut slug = base.clone();
    let mut n = 2;
    while !taken.insert(slug.clone()) {
        slug = format!("{base}-{n}");
        n += 1;
    }
    slug
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn release_slugs_are_safe_file_names_and_unique() {
        let mut taken = BTreeSet::new();
        let slugs: Vec<String> = ["v1.0", "V1.0", "release/2026 Q1", "index", "..", "HEAD~1"]
            .iter()
            .map(|name| unique_slug(name, &mut taken))
            .collect();
        assert_eq!(
            slugs,
            vec![
                "v1.0",
                "v1.0-2",
                "release-2026-q1",
                "release-index",
                "release-",
                "head-1"
            ]
        );
    }
}
