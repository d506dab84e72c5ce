//! `ladderbook build` over its previous output (issue 20): files whose bytes
//! did not change keep their inode and modification time, everything else
//! is written, and every guarantee of a build into a fresh folder holds.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::{Duration, SystemTime};

use crate::support::{Run, TestBook};

/// The manifest the build keeps in the output: rewritten by every build.
const MANIFEST: &str = ".ladderbook-manifest";

/// What identifies one file of the site on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Stamp {
    inode: u64,
    modified: SystemTime,
    bytes: Vec<u8>,
}

/// Every file of the site but the manifest, by path.
fn stamps(book: &TestBook) -> BTreeMap<String, Stamp> {
    let site = book.root().join("site");
    walkdir::WalkDir::new(&site)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_file() && entry.file_name() != MANIFEST)
        .map(|entry| {
            let metadata = entry.metadata().expect("metadata");
            let relative = entry.path().strip_prefix(&site).expect("below the site");
            let stamp = Stamp {
                inode: inode(&metadata),
                modified: metadata.modified().expect("a modification time"),
                bytes: std::fs::read(entry.path()).expect("readable"),
            };
            (relative.to_string_lossy().replace('\\', "/"), stamp)
        })
        .collect()
}

#[cfg(unix)]
fn inode(metadata: &std::fs::Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::ino(metadata)
}

#[cfg(not(unix))]
fn inode(_metadata: &std::fs::Metadata) -> u64 {
    0
}

fn build(book: &TestBook) -> Run {
    let run = book.run(&["build", "."]);
    run.assert_code(0);
    run
}

fn build_without_links(book: &TestBook) -> Run {
    let mut command = book.command(&["build", ".", "--verbose"]);
    command.env("LADDERBOOK_TEST_NO_HARD_LINKS", "1");
    let run = book.run_command(command);
    run.assert_code(0);
    run
}

/// Paths whose stamps differ in `field` between two builds.
fn differing<T: PartialEq>(
    before: &BTreeMap<String, Stamp>,
    after: &BTreeMap<String, Stamp>,
    field: impl Fn(&Stamp) -> T,
) -> Vec<String> {
    let mut paths: Vec<String> = after
        .iter()
        .filter(|(path, stamp)| {
            before
                .get(*path)
                .is_none_or(|old| field(old) != field(stamp))
        })
        .map(|(path, _)| path.clone())
        .collect();
    paths.extend(
        before
            .keys()
            .filter(|path| !after.contains_key(*path))
            .cloned(),
    );
    paths
}

/// Waits until the clock has moved past what a file system records, so
/// that a rewrite would show in the modification time.
fn let_the_clock_move() {
    std::thread::sleep(Duration::from_millis(30));
}

#[test]
fn a_rebuild_of_an_unchanged_book_keeps_every_file_and_says_so() {
    let book = TestBook::fixture("books/valid");
    let first = build(&book);
    let files = stamps(&book).len();
    assert!(
        first
            .stderr()
            .contains(&format!(": {files} files written, 0 unchanged (")),
        "{}",
        first.stderr()
    );
    let before = stamps(&book);
    let_the_clock_move();
    let second = build(&book);
    assert!(
        second
            .stderr()
            .contains(&format!(": 0 files written, {files} unchanged (")),
        "{}",
        second.stderr()
    );
    assert_eq!(stamps(&book), before, "inode, time and bytes of every file");
    assert!(book.root().join("site").join(MANIFEST).is_file());
}

#[test]
fn an_edited_page_rewrites_only_the_files_whose_bytes_changed() {
    let book = TestBook::fixture("books/valid");
    build(&book);
    let before = stamps(&book);
    let source = book.root().join("content/pages/promotion.md");
    let text = std::fs::read_to_string(&source).expect("the guide");
    book.write(
        "content/pages/promotion.md",
        format!("{text}\nA paragraph added by the test.\n"),
    );
    let_the_clock_move();
    let run = build(&book);
    let after = stamps(&book);
    let changed_bytes = differing(&before, &after, |s| s.bytes.clone());
    assert!(
        changed_bytes.contains(&"pages/promotion.html".to_string())
            && changed_bytes.contains(&"assets/search/0.js".to_string()),
        "{changed_bytes:?}"
    );
    assert!(changed_bytes.len() < 5, "{changed_bytes:?}");
    if cfg!(unix) {
        assert_eq!(differing(&before, &after, |s| s.inode), changed_bytes);
    }
    assert_eq!(differing(&before, &after, |s| s.modified), changed_bytes);
    assert!(
        run.stderr().contains(&format!(
            ": {} files written, {} unchanged (",
            changed_bytes.len(),
            after.len() - changed_bytes.len()
        )),
        "{}",
        run.stderr()
    );
}

#[test]
fn a_file_edited_by_hand_in_the_output_is_written_again() {
    let book = TestBook::fixture("books/valid");
    build(&book);
    let site = book.root().join("site");
    let built = stamps(&book);
    // Edited in place (a new size and time), and replaced by a file of the
    // same size given the old time back (a new inode).
    let in_place = "levels/sre-1.html";
    std::fs::write(site.join(in_place), "edited by hand").expect("written");
    let replaced = "matrix.html";
    let original = &built[replaced];
    let impostor = site.join("impostor.tmp");
    std::fs::write(&impostor, vec![b'x'; original.bytes.len()]).expect("written");
    std::fs::File::options()
        .write(true)
        .open(&impostor)
        .and_then(|file| file.set_modified(original.modified))
        .expect("the time is set");
    std::fs::rename(&impostor, site.join(replaced)).expect("renamed");
    build(&book);
    let rebuilt = stamps(&book);
    for path in [in_place, replaced] {
        assert_eq!(
            rebuilt[path].bytes, built[path].bytes,
            "{path} is the book's again"
        );
    }
    if cfg!(not(unix)) {
        return; // without inodes, a same-size, same-time replacement goes unseen
    }
    let mut expected = vec![in_place.to_string(), replaced.to_string()];
    expected.sort();
    assert_eq!(differing(&built, &rebuilt, |s| s.inode), expected);
}

#[test]
fn a_failed_rebuild_leaves_every_byte_inode_and_time_as_it_was() {
    // Found while the pages are written, when half the new site is staged
    // (linked from the previous one).
    let book = TestBook::fixture("books/valid");
    build(&book);
    let before = stamps(&book);
    let manifest = std::fs::read(book.root().join("site").join(MANIFEST)).expect("manifest");
    book.write(
        "content/pages/promotion.md",
        "---\ntitle: Promotion\n---\nSee [the guard](@/archetypes/slo-gaurd).\n",
    );
    let_the_clock_move();
    book.run(&["build", "."]).assert_code(1);
    assert_eq!(stamps(&book), before);
    assert_eq!(
        std::fs::read(book.root().join("site").join(MANIFEST)).ok(),
        Some(manifest)
    );
    let leftovers: Vec<_> = std::fs::read_dir(book.root())
        .expect("readable")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_removed_page_is_gone_from_the_rebuilt_site() {
    let book = TestBook::fixture("books/valid").with(
        "content/pages/temporary.md",
        "---\ntitle: Temporary\n---\nHere for one build.\n",
    );
    build(&book);
    assert!(book.root().join("site/pages/temporary.html").is_file());
    std::fs::remove_file(book.root().join("content/pages/temporary.md")).expect("removed");
    build(&book);
    assert!(!book.root().join("site/pages/temporary.html").exists());
    let manifest =
        std::fs::read_to_string(book.root().join("site").join(MANIFEST)).expect("manifest");
    assert!(!manifest.contains("temporary"), "{manifest}");
}

#[test]
fn without_hard_links_a_rebuild_writes_the_same_bytes_and_keeps_the_times() {
    let book = TestBook::fixture("books/valid");
    build(&book);
    let linked = stamps(&book);
    let_the_clock_move();
    let run = build_without_links(&book);
    assert!(
        run.stderr().contains("hard links unavailable") && run.stderr().contains("0 files written"),
        "{}",
        run.stderr()
    );
    let copied = stamps(&book);
    assert_eq!(
        differing(&linked, &copied, |s| s.bytes.clone()),
        Vec::<String>::new()
    );
    assert_eq!(
        differing(&linked, &copied, |s| s.modified),
        Vec::<String>::new(),
        "unchanged files keep their time"
    );
    if cfg!(unix) {
        assert_eq!(
            differing(&linked, &copied, |s| s.inode).len(),
            copied.len(),
            "every file was written"
        );
    }
    // And a first build without links is the same site.
    let fresh = TestBook::fixture("books/valid");
    build_without_links(&fresh);
    assert_eq!(
        differing(&linked, &stamps(&fresh), |s| s.bytes.clone()),
        Vec::<String>::new()
    );
    let quiet = build(&book);
    assert!(!quiet.stderr().contains("hard links"), "{}", quiet.stderr());
}

#[test]
fn a_damaged_manifest_costs_writes_never_a_wrong_file() {
    let book = TestBook::fixture("books/valid");
    build(&book);
    let site = book.root().join("site");
    let built = stamps(&book);
    // Every entry claims other bytes, made from other inputs; every part of
    // the search index sits elsewhere.
    let manifest = std::fs::read_to_string(site.join(MANIFEST)).expect("manifest");
    let lying: String = manifest
        .lines()
        .map(|line| {
            let fields: Vec<&str> = line.splitn(6, ' ').collect();
            match fields[..] {
                ["part", _, _, _, path] => format!("part 1 0 3 {path}\n"),
                [_, size, mtime, inode, _, path] => format!(
                    "99aabb5566ccdd00112233445566778f {size} {mtime} {inode} 0123456789abcdef0123456789abcdef {path}\n"
                ),
                _ => format!("{line}\n"),
            }
        })
        .collect();
    std::fs::write(site.join(MANIFEST), lying).expect("written");
    let run = build(&book);
    assert!(
        run.stderr()
            .contains(&format!(": {} files written, 0 unchanged", built.len())),
        "{}",
        run.stderr()
    );
    assert_eq!(
        differing(&built, &stamps(&book), |s| s.bytes.clone()),
        Vec::<String>::new()
    );
    assert!(Path::new(&site.join(MANIFEST)).is_file());
}
