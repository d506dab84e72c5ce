//! The staging folder a build writes into, beside the output, and how each
//! file gets there (issue 20).
//!
//! A file whose bytes are those of the previous site's file at the same
//! path (by the previous manifest, [`super::manifest`]) and which nobody
//! touched since enters the staging folder as a hard link of that file: no
//! new inode, no write, the same modification time. So does a page whose
//! inputs have the fingerprint the manifest recorded for it
//! ([`super::inputs`]), without being rendered at all. Every other file is
//! written. When every file is there, the manifest is written last and the
//! staging folder is renamed into place; the previous site, whose
//! unchanged files lose only a name, is removed after. A failed build
//! removes the staging folder and leaves the previous site as it was.
//!
//! Where hard links fail (a file system without them, such as FAT, or a
//! network share that refuses them), the unchanged files are written
//! instead and given back their previous modification time, so deploy
//! tools that compare times still skip them; the build says so once with
//! `--verbose`.

use std::collections::HashMap;
use std::fs::File;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use anyhow::Context as _;

use super::manifest::{Entry, MANIFEST_FILE, Manifest, Part, hash_of, hash_of_parts};
use super::{PreviousParts, Sink};

/// A test-only switch: when set (to anything but empty), the build acts as
/// if hard links failed, so the fallback can be tested on any file system.
const NO_HARD_LINKS_VAR: &str = "LADDERBOOK_TEST_NO_HARD_LINKS";

/// Writes the files of a build below the staging folder, linking forward
/// the previous site's unchanged files.
pub(super) struct DiskSink<'a> {
    dir: &'a Path,
    /// The previous site and its manifest; `None` for a first build.
    previous: Option<(&'a Path, Manifest)>,
    /// The fingerprint of each file's inputs, by path, where it is known.
    keys: HashMap<String, u128>,
    entries: Mutex<Vec<(String, Entry)>>,
    parts: Mutex<Vec<(String, Vec<Part>)>>,
    written: AtomicUsize,
    unchanged: AtomicUsize,
    links_work: AtomicBool,
    /// Why hard links could not be used, the first time they failed.
    no_links: OnceLock<String>,
}

/// What the sink did, for the build's summary.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    /// Files written because they are new or their bytes changed.
    pub written: usize,
    /// Files whose bytes and modification time stayed as they were.
    pub unchanged: usize,
    /// Why unchanged files were copied rather than linked, when they were.
    pub no_links: Option<String>,
}

type WriteBytes<'w> = &'w dyn Fn(&File) -> std::io::Result<()>;

impl<'a> DiskSink<'a> {
    /// A sink into `dir` that links forward what it can of the site in
    /// `previous` (the output folder, when it exists). `keys` are the
    /// fingerprints of the files' inputs, by path, where they are known.
    pub(super) fn new(
        dir: &'a Path,
        previous: Option<&'a Path>,
        keys: HashMap<String, u128>,
    ) -> DiskSink<'a> {
        let sink = DiskSink {
            dir,
            previous: previous.map(|out| (out, Manifest::read(out))),
            keys,
            entries: Mutex::new(Vec::new()),
            parts: Mutex::new(Vec::new()),
            written: AtomicUsize::new(0),
            unchanged: AtomicUsize::new(0),
            links_work: AtomicBool::new(true),
            no_links: OnceLock::new(),
        };
        if std::env::var_os(NO_HARD_LINKS_VAR).is_some_and(|v| !v.is_empty()) {
            sink.links_failed(format!("{NO_HARD_LINKS_VAR} is set"));
        }
        sink
    }

    /// Writes the manifest, last: every other file is in place.
    pub(super) fn finish(self) -> anyhow::Result<Outcome> {
        let entries = self
            .entries
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let parts = self
            .parts
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let target = self.dir.join(MANIFEST_FILE);
        std::fs::write(&target, Manifest::render(entries, &parts))
            .with_context(|| format!("writing {}", target.display()))?;
        Ok(Outcome {
            written: self.written.into_inner(),
            unchanged: self.unchanged.into_inner(),
            no_links: self.no_links.into_inner(),
        })
    }

    /// Puts one file of `size` bytes hashing to `hash` at `path`: linked
    /// forward when the previous site has it unchanged, else written.
    fn store(&self, path: &str, size: u64, hash: u128, write: WriteBytes) -> anyhow::Result<()> {
        let key = self.keys.get(path).copied();
        let entry =
            match self.unchanged_previous(path, |entry| entry.size == size && entry.hash == hash) {
                Some((old, entry)) => match self.carry_forward(path, &old, entry, write)? {
                    Some(entry) => {
                        self.unchanged.fetch_add(1, Ordering::Relaxed);
                        entry
                    }
                    None => self.write_new(path, size, hash, write)?,
                },
                None => self.write_new(path, size, hash, write)?,
            };
        self.record(path, Entry { key, ..entry });
        Ok(())
    }

    fn record(&self, path: &str, entry: Entry) {
        self.entries
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push((path.to_string(), entry));
    }

    /// The previous site's file at `path` and its entry, when the manifest
    /// has an entry that `same` accepts and the disk says nobody changed
    /// the file since.
    fn unchanged_previous(
        &self,
        path: &str,
        same: impl Fn(&Entry) -> bool,
    ) -> Option<(PathBuf, Entry)> {
        let (out, manifest) = self.previous.as_ref()?;
        let entry = *manifest.get(path).filter(|entry| same(entry))?;
        let old = out.join(path);
        let metadata = std::fs::symlink_metadata(&old).ok()?;
        entry.still_describes(&metadata).then_some((old, entry))
    }

    /// Links the previous file into the staging folder, or, where links
    /// fail, writes the same bytes with the previous time. `None` when the
    /// previous file went away meanwhile: it is then written as new.
    fn carry_forward(
        &self,
        path: &str,
        old: &Path,
        entry: Entry,
        write: WriteBytes,
    ) -> anyhow::Result<Option<Entry>> {
        let target = self.dir.join(path);
        if self.links_work.load(Ordering::Relaxed) {
            match link_making_folder(old, &target) {
                Ok(()) => return Ok(Some(entry)),
                Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(None),
                Err(err) => self.links_failed(format!(
                    "linking {} to {}: {err}",
                    old.display(),
                    target.display()
                )),
            }
        }
        let (file, target) = self.create(path)?;
        write(&file).with_context(|| format!("writing {}", target.display()))?;
        // The bytes did not change, so neither does the time: deploy tools
        // that compare times skip the file. A file system that refuses the
        // time only costs that.
        let _ = file.set_modified(entry.modified());
        let metadata = file
            .metadata()
            .with_context(|| format!("reading {}", target.display()))?;
        Ok(Some(Entry::of(
            entry.size, entry.hash, entry.key, &metadata,
        )))
    }

    fn write_new(
        &self,
        path: &str,
        size: u64,
        hash: u128,
        write: WriteBytes,
    ) -> anyhow::Result<Entry> {
        let (file, target) = self.create(path)?;
        write(&file).with_context(|| format!("writing {}", target.display()))?;
        let metadata = file
            .metadata()
            .with_context(|| format!("reading {}", target.display()))?;
        self.written.fetch_add(1, Ordering::Relaxed);
        Ok(Entry::of(size, hash, None, &metadata))
    }

    fn links_failed(&self, why: String) {
        self.links_work.store(false, Ordering::Relaxed);
        let _ = self.no_links.set(why);
    }

    /// Creates the file at `path`, and its folder when missing: pages'
    /// folders exist already, so this costs one extra call only for assets
    /// and static files.
    fn create(&self, path: &str) -> anyhow::Result<(File, PathBuf)> {
        let target = self.dir.join(path);
        match File::create(&target) {
            Ok(file) => Ok((file, target)),
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
                make_parent(&target)?;
                let file = File::create(&target)
                    .with_context(|| format!("writing {}", target.display()))?;
                Ok((file, target))
            }
            Err(err) => Err(err).with_context(|| format!("writing {}", target.display())),
        }
    }
}

impl Sink for DiskSink<'_> {
    fn put(&self, path: &str, bytes: &[u8]) -> anyhow::Result<()> {
        let write = |mut file: &File| file.write_all(bytes);
        self.store(path, bytes.len() as u64, hash_of(bytes), &write)
    }

    fn put_parts(&self, path: &str, parts: &[&str]) -> anyhow::Result<()> {
        let size = parts.iter().map(|part| part.len() as u64).sum();
        let write = |file: &File| {
            let mut out = std::io::BufWriter::with_capacity(1 << 16, file);
            for part in parts {
                out.write_all(part.as_bytes())?;
            }
            out.flush()
        };
        self.store(path, size, hash_of_parts(parts), &write)
    }

    /// Links the previous file forward when its inputs' fingerprint is the
    /// one recorded for it (where links fail, copies it with its time).
    fn reuse(&self, path: &str) -> anyhow::Result<Option<u64>> {
        let Some(&key) = self.keys.get(path) else {
            return Ok(None);
        };
        let Some((old, entry)) = self.unchanged_previous(path, |entry| entry.key == Some(key))
        else {
            return Ok(None);
        };
        let copy = |mut file: &File| std::io::copy(&mut File::open(&old)?, &mut file).map(|_| ());
        match self.carry_forward(path, &old, entry, &copy)? {
            Some(entry) => {
                self.unchanged.fetch_add(1, Ordering::Relaxed);
                self.record(path, entry);
                // Its parts are where they were.
                if let Some((_, manifest)) = &self.previous {
                    let parts = manifest.parts(path);
                    if !parts.is_empty() {
                        self.list_parts(path, parts.to_vec());
                    }
                }
                Ok(Some(entry.size))
            }
            None => Ok(None),
        }
    }

    fn key_of(&self, path: &str) -> Option<u128> {
        self.keys.get(path).copied()
    }

    /// The previous file at `path` with its listed parts, when it is still
    /// the file the manifest describes, bytes included.
    fn previous_parts(&self, path: &str) -> Option<PreviousParts> {
        let (_, manifest) = self.previous.as_ref()?;
        let parts = manifest.parts(path);
        if parts.is_empty() {
            return None;
        }
        let (old, entry) = self.unchanged_previous(path, |_| true)?;
        let bytes = std::fs::read(old).ok()?;
        (hash_of(&bytes) == entry.hash).then(|| PreviousParts::new(bytes, parts))
    }

    fn list_parts(&self, path: &str, parts: Vec<Part>) {
        self.parts
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push((path.to_string(), parts));
    }
}

/// Links `old` at `target`, creating the target's folder when missing.
/// `NotFound` after that means `old` itself is gone.
fn link_making_folder(old: &Path, target: &Path) -> std::io::Result<()> {
    match std::fs::hard_link(old, target) {
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
            if let Some(parent) = target.parent().filter(|p| !p.exists()) {
                std::fs::create_dir_all(parent)?;
                return std::fs::hard_link(old, target);
            }
            Err(err)
        }
        done => done,
    }
}

/// Removes the previous site once the new one is in place. Its unchanged
/// files are the new site's too: this removes their old names only.
fn remove_previous(old: &Path) -> anyhow::Result<()> {
    remove_tree(old).with_context(|| format!("removing the previous site {}", old.display()))
}

/// Removes `dir` and everything below it, folders on both cores: a site of
/// ten thousand pages is ten thousand names to remove on every build. A
/// symbolic link is removed, never followed.
fn remove_tree(dir: &Path) -> std::io::Result<()> {
    use rayon::prelude::*;
    let entries = std::fs::read_dir(dir)?.collect::<std::io::Result<Vec<_>>>()?;
    entries.par_iter().try_for_each(|entry| {
        if entry.file_type()?.is_dir() {
            remove_tree(&entry.path())
        } else {
            std::fs::remove_file(entry.path())
        }
    })?;
    std::fs::remove_dir(dir)
}

/// Trades two paths in one atomic step (Linux 3.15 and later, on the file
/// systems that support it: ext4, XFS, Btrfs, tmpfs, ...).
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use std::os::unix::ffi::OsStrExt as _;
    let c_path = |path: &Path| {
        std::ffi::CString::new(path.as_os_str().as_bytes())
            .map_err(|_| std::io::Error::from(std::io::ErrorKind::InvalidInput))
    };
    let (a, b) = (c_path(a)?, c_path(b)?);
    // SAFETY: both are valid NUL-terminated paths that outlive the call;
    // the raw system call avoids depending on the C library's version.
    let done = unsafe {
        libc::syscall(
            libc::SYS_renameat2,
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if done == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_a: &Path, _b: &Path) -> std::io::Result<()> {
    Err(std::io::ErrorKind::Unsupported.into())
}

fn make_parent(target: &Path) -> anyhow::Result<()> {
    let parent = target
        .parent()
        .expect("a file below the output has a parent");
    std::fs::create_dir_all(parent).with_context(|| format!("creating {}", parent.display()))
}

/// A temporary folder beside the output, swapped in by renaming.
pub(super) struct Staging {
    pub(super) path: PathBuf,
}

impl Staging {
    pub(super) fn create(out: &Path) -> anyhow::Result<Staging> {
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

    pub(super) fn swap_into(self, out: &Path) -> anyhow::Result<()> {
        // Where the file system can trade the two folders in one step, the
        // output is never missing, not even between two renames.
        if out.is_dir() && exchange(&self.path, out).is_ok() {
            return remove_previous(&self.path);
        }
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
            remove_previous(&old)?;
        }
        Ok(())
    }

    pub(super) fn discard(self) {
        let _ = std::fs::remove_dir_all(&self.path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_removed_tree_is_gone_and_what_its_links_point_to_stays() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let kept = dir.path().join("kept");
        std::fs::create_dir(&kept).expect("created");
        std::fs::write(kept.join("file"), "stays").expect("written");
        let tree = dir.path().join("tree");
        for folder in ["a/b/c", "a/d", "e"] {
            std::fs::create_dir_all(tree.join(folder)).expect("created");
            std::fs::write(tree.join(folder).join("page.html"), "x").expect("written");
        }
        #[cfg(unix)]
        std::os::unix::fs::symlink(&kept, tree.join("a/link")).expect("linked");
        remove_tree(&tree).expect("removed");
        assert!(!tree.exists());
        assert_eq!(
            std::fs::read_to_string(kept.join("file")).expect("kept"),
            "stays"
        );
    }

    #[test]
    fn a_file_in_parts_is_their_concatenation_in_a_folder_made_for_it() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let long = "é".repeat(70_000);
        let parts = ["head[", "", long.as_str(), ",", "]tail\n"];
        let disk = DiskSink::new(dir.path(), None, HashMap::new());
        disk.put_parts("assets/deep/index.js", &parts)
            .expect("the file is written");
        let written = std::fs::read_to_string(dir.path().join("assets/deep/index.js"))
            .expect("the file is there");
        assert_eq!(written, parts.concat());
        let outcome = disk.finish().expect("the manifest is written");
        assert_eq!((outcome.written, outcome.unchanged), (1, 0));
        let manifest = Manifest::read(dir.path());
        let entry = manifest.get("assets/deep/index.js").expect("listed");
        assert_eq!(entry.hash, hash_of(parts.concat().as_bytes()));
        assert_eq!(entry.size, parts.concat().len() as u64);
    }
}
