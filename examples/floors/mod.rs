//! What the two floor examples share: the allocator, finding the guides,
//! where each one's page goes, and stopping on an error.

use std::path::{Path, PathBuf};

/// The allocator ladderbook uses (src/main.rs): a floor measured with
/// glibc's would pay the cost ladderbook avoids.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// The `.md` files below `source`, in name order.
pub fn guide_files(source: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(source)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_file())
        .map(walkdir::DirEntry::into_path)
        .filter(|path| path.extension().is_some_and(|ext| ext == "md"))
        .collect()
}

/// Creates the output folder and the folder of every file's page, before
/// any page is written (as ladderbook makes its folders first).
pub fn make_folders(files: &[PathBuf], source: &Path, out: &Path) {
    std::fs::create_dir_all(out).unwrap_or_else(|err| fail(out, &err));
    for file in files {
        let target = target_of(file, source, out);
        std::fs::create_dir_all(target.parent().expect("below the output"))
            .unwrap_or_else(|err| fail(&target, &err));
    }
}

/// Where the page of `file` (below `source`) is written below `out`.
pub fn target_of(file: &Path, source: &Path, out: &Path) -> PathBuf {
    let relative = file.strip_prefix(source).expect("found below the source");
    out.join(relative).with_extension("html")
}

pub fn fail(path: &Path, err: &dyn std::fmt::Display) -> ! {
    let program = std::env::args().next().unwrap_or_default();
    let program = Path::new(&program).file_name().unwrap_or_default();
    eprintln!("{}: {}: {err}", program.to_string_lossy(), path.display());
    std::process::exit(1);
}
