//! The output's manifest: one line per file the build wrote (its path,
//! size, content hash, the modification time and inode it had when the
//! build finished, and the fingerprint of the inputs it was made from),
//! kept in the output as [`MANIFEST_FILE`] and written last, after every
//! other file (issue 20).
//!
//! The next build reads it to know which files would come out the same
//! without reading the previous site: a page whose inputs have the recorded
//! fingerprint is not rendered at all, and a file whose new bytes hash to
//! the recorded hash is not written; both are linked forward, but only
//! while the file on disk is still the one the build left there (same size,
//! time and inode). A file edited by hand in the output fails that test and
//! is made again. Each entry checks itself against the disk, so a missing,
//! old or damaged manifest only costs work, never a wrong file.
//!
//! A file made of parts (the search index) may also list where each part
//! sits in it and the fingerprint of that part's inputs, so the next build
//! can take unchanged parts from it instead of making them again.

use std::collections::HashMap;
use std::fs::Metadata;
use std::path::Path;

/// The manifest's name inside the output folder. Hidden, so that static
/// hosts do not publish it by accident; deploy commands exclude it
/// (docs/deploying.md).
pub const MANIFEST_FILE: &str = ".ladderbook-manifest";

/// The first line; a manifest of another version is ignored whole.
const HEADER: &str = "ladderbook-manifest 2";

/// What the build knew about one file of the output when it finished.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    pub size: u64,
    /// XXH3-128 of the bytes: a change detector, not a defence against
    /// forgery (whoever can write the book can change the site anyway).
    pub hash: u128,
    /// Modification time, nanoseconds since the Unix epoch.
    pub mtime_ns: i128,
    /// The inode (0 where the platform has none to offer).
    pub inode: u64,
    /// The fingerprint of the inputs the file was made from
    /// (`site::inputs`), when the build knew them.
    pub key: Option<u128>,
}

impl Entry {
    /// The entry of a file just written or linked: `size` and `hash` of its
    /// bytes, time and inode from the disk.
    pub fn of(size: u64, hash: u128, key: Option<u128>, metadata: &Metadata) -> Entry {
        Entry {
            size,
            hash,
            mtime_ns: mtime_ns(metadata),
            inode: inode(metadata),
            key,
        }
    }

    /// The recorded modification time.
    pub fn modified(&self) -> std::time::SystemTime {
        let nanos = |ns: i128| {
            std::time::Duration::from_nanos(u64::try_from(ns.unsigned_abs()).unwrap_or(u64::MAX))
        };
        if self.mtime_ns >= 0 {
            std::time::UNIX_EPOCH + nanos(self.mtime_ns)
        } else {
            std::time::UNIX_EPOCH - nanos(self.mtime_ns)
        }
    }

    /// Whether the file on disk is still the one this entry describes: a
    /// regular file (not a link planted in its place) of the same size,
    /// modification time and inode. Editors either write in place (a new
    /// time) or replace the file (a new inode).
    pub fn still_describes(&self, metadata: &Metadata) -> bool {
        metadata.is_file()
            && metadata.len() == self.size
            && mtime_ns(metadata) == self.mtime_ns
            && inode(metadata) == self.inode
    }
}

/// The content hash every entry records.
pub fn hash_of(bytes: &[u8]) -> u128 {
    xxhash_rust::xxh3::xxh3_128(bytes)
}

/// The same hash for a file made of parts, without joining them.
pub fn hash_of_parts(parts: &[&str]) -> u128 {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    for part in parts {
        hasher.update(part.as_bytes());
    }
    hasher.digest128()
}

/// Where one part of a file made of parts sits in it, and the fingerprint
/// of the inputs that part was made from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Part {
    pub key: u128,
    pub offset: u64,
    pub len: u64,
}

/// Path below the output root → entry, and the parts of the files that
/// list them.
#[derive(Debug, Default)]
pub struct Manifest {
    entries: HashMap<String, Entry>,
    parts: HashMap<String, Vec<Part>>,
}

impl Manifest {
    /// The manifest of the site in `out`; empty when there is none or it
    /// cannot be read (every file is then written).
    pub fn read(out: &Path) -> Manifest {
        std::fs::read_to_string(out.join(MANIFEST_FILE))
            .map(|text| Manifest::parse(&text))
            .unwrap_or_default()
    }

    /// Lines that do not parse are skipped: their files are written again.
    pub fn parse(text: &str) -> Manifest {
        let mut lines = text.lines();
        if lines.next() != Some(HEADER) {
            return Manifest::default();
        }
        let mut manifest = Manifest::default();
        for line in lines {
            if let Some(rest) = line.strip_prefix(PART_PREFIX) {
                if let Some((path, part)) = parse_part(rest) {
                    manifest.parts.entry(path).or_default().push(part);
                }
            } else if let Some((path, entry)) = parse_line(line) {
                manifest.entries.insert(path, entry);
            }
        }
        manifest
    }

    /// The parts listed for the file at `path` (none when there are none).
    pub fn parts(&self, path: &str) -> &[Part] {
        self.parts.get(path).map_or(&[], Vec::as_slice)
    }

    pub fn get(&self, path: &str) -> Option<&Entry> {
        self.entries.get(path)
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The manifest's text, sorted by path. A path with a line break cannot
    /// be written on one line; it is left out, so its file is always
    /// written again.
    /// `parts` are listed after the entries, in the order given.
    pub fn render(mut entries: Vec<(String, Entry)>, parts: &[(String, Vec<Part>)]) -> String {
        use std::fmt::Write as _;
        entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let one_line = |path: &&String| !path.contains(['\n', '\r']);
        let mut text = String::with_capacity(64 + entries.len() * 128);
        text.push_str(HEADER);
        text.push('\n');
        for (path, entry) in entries.iter().filter(|(path, _)| one_line(&path)) {
            let key = entry
                .key
                .map_or_else(|| "-".to_string(), |key| format!("{key:032x}"));
            let _ = writeln!(
                text,
                "{:032x} {} {} {} {key} {path}",
                entry.hash, entry.size, entry.mtime_ns, entry.inode
            );
        }
        for (path, listed) in parts.iter().filter(|(path, _)| one_line(&path)) {
            for part in listed {
                let _ = writeln!(
                    text,
                    "{PART_PREFIX}{:032x} {} {} {path}",
                    part.key, part.offset, part.len
                );
            }
        }
        text
    }
}

/// How the line of a part begins.
const PART_PREFIX: &str = "part ";

/// `hash size mtime inode key path`, the key `-` when there is none; the
/// path is the rest of the line, spaces included.
fn parse_line(line: &str) -> Option<(String, Entry)> {
    let mut fields = line.splitn(6, ' ');
    let hash = u128::from_str_radix(fields.next()?, 16).ok()?;
    let size = fields.next()?.parse().ok()?;
    let mtime_ns = fields.next()?.parse().ok()?;
    let inode = fields.next()?.parse().ok()?;
    let key = match fields.next()? {
        "-" => None,
        key => Some(u128::from_str_radix(key, 16).ok()?),
    };
    let path = fields.next().filter(|path| !path.is_empty())?;
    let entry = Entry {
        size,
        hash,
        mtime_ns,
        inode,
        key,
    };
    Some((path.to_string(), entry))
}

/// `key offset len path` (after [`PART_PREFIX`]).
fn parse_part(line: &str) -> Option<(String, Part)> {
    let mut fields = line.splitn(4, ' ');
    let key = u128::from_str_radix(fields.next()?, 16).ok()?;
    let offset = fields.next()?.parse().ok()?;
    let len = fields.next()?.parse().ok()?;
    let path = fields.next().filter(|path| !path.is_empty())?;
    Some((path.to_string(), Part { key, offset, len }))
}

fn mtime_ns(metadata: &Metadata) -> i128 {
    match metadata.modified() {
        Ok(time) => match time.duration_since(std::time::UNIX_EPOCH) {
            Ok(after) => after.as_nanos() as i128,
            Err(before) => -(before.duration().as_nanos() as i128),
        },
        // No time on this platform: never matches a recorded one.
        Err(_) => i128::MIN,
    }
}

#[cfg(unix)]
fn inode(metadata: &Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::ino(metadata)
}

/// Windows has file indexes, but std exposes them only on nightly; the
/// size and time still catch hand edits there.
#[cfg(not(unix))]
fn inode(_metadata: &Metadata) -> u64 {
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(n: u64) -> Entry {
        Entry {
            size: n,
            hash: u128::from(n) << 70 | 7,
            mtime_ns: 1_700_000_000_123_456_789 + i128::from(n),
            inode: 1000 + n,
            key: n.is_multiple_of(2).then_some(u128::from(n) << 90 | 3),
        }
    }

    #[test]
    fn a_rendered_manifest_parses_back_sorted_and_whole() {
        let part = |key: u128, offset: u64| Part {
            key,
            offset,
            len: 7,
        };
        let parts = vec![(
            "assets/search index.js".to_string(),
            vec![part(5, 10), part(u128::MAX, 17)],
        )];
        let text = Manifest::render(
            vec![
                ("pages/with space.html".into(), entry(2)),
                ("index.html".into(), entry(1)),
                ("bad\nname.html".into(), entry(3)),
            ],
            &parts,
        );
        let lines: Vec<_> = text.lines().collect();
        assert_eq!(lines.len(), 5, "{text}");
        assert!(lines[1].ends_with(" index.html"), "{text}");
        let manifest = Manifest::parse(&text);
        assert_eq!(manifest.len(), 2);
        assert_eq!(manifest.get("index.html"), Some(&entry(1)));
        assert_eq!(manifest.get("pages/with space.html"), Some(&entry(2)));
        assert_eq!(manifest.get("bad\nname.html"), None);
        assert_eq!(manifest.parts("assets/search index.js"), parts[0].1);
        assert!(manifest.parts("index.html").is_empty());
    }

    #[test]
    fn damaged_lines_and_other_versions_are_ignored() {
        let good = Manifest::render(vec![("a.html".into(), entry(1))], &[]);
        let damaged = format!(
            "{good}zz 1 2 3 - b.html\n0 1 2\n0 x 2 3 - c.html\n0 1 2 3 k d.html\npart 1 x 2 e.js\n"
        );
        let manifest = Manifest::parse(&damaged);
        assert_eq!(manifest.len(), 1);
        assert!(manifest.parts("e.js").is_empty());
        assert!(Manifest::parse(&good.replace(" 2\n", " 1\n")).is_empty());
        assert!(Manifest::parse("").is_empty());
    }

    #[test]
    fn an_entry_describes_only_the_file_it_was_made_from() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("page.html");
        std::fs::write(&path, "<p>one</p>").expect("written");
        let meta = std::fs::metadata(&path).expect("metadata");
        let recorded = Entry::of(10, hash_of(b"<p>one</p>"), None, &meta);
        assert!(recorded.still_describes(&meta));
        let written_at = meta.modified().expect("a time");
        // Edited in place, same size: the time moves.
        let file = std::fs::OpenOptions::new()
            .write(true)
            .open(&path)
            .expect("opened");
        file.set_modified(written_at + std::time::Duration::from_secs(1))
            .expect("time set");
        assert!(!recorded.still_describes(&std::fs::metadata(&path).expect("metadata")));
        // Replaced by another file with the same size and time: the inode
        // differs (both files existed at once).
        file.set_modified(written_at).expect("time set");
        assert!(recorded.still_describes(&std::fs::metadata(&path).expect("metadata")));
        let other = dir.path().join("other.html");
        std::fs::write(&other, "<p>two</p>").expect("written");
        let replacement = std::fs::OpenOptions::new()
            .write(true)
            .open(&other)
            .expect("opened");
        replacement.set_modified(written_at).expect("time set");
        std::fs::rename(&other, &path).expect("renamed");
        let replaced = std::fs::metadata(&path).expect("metadata");
        assert_eq!(mtime_ns(&replaced), recorded.mtime_ns);
        assert_eq!(cfg!(unix), !recorded.still_describes(&replaced));
        assert!(!recorded.still_describes(&std::fs::metadata(dir.path()).expect("metadata")));
    }

    #[test]
    fn parts_hash_like_their_concatenation() {
        let parts = ["head[", "", "é-body", "]tail"];
        assert_eq!(hash_of_parts(&parts), hash_of(parts.concat().as_bytes()));
        assert_ne!(hash_of(b"a"), hash_of(b"b"));
    }
}
