//! Reading the files a report command is given (`calibrate`, `team`): the
//! I/O at the edge, before the pure cores in `filled/` check the bytes.

use std::path::PathBuf;

use anyhow::Context as _;

use crate::filled::Input;

/// Every `.json` file the paths name (folders expanded), read whole.
pub(crate) fn read_json_inputs(paths: &[PathBuf]) -> anyhow::Result<Vec<Input>> {
    json_files(paths)?
        .into_iter()
        .map(|path| {
            let bytes = std::fs::read(&path)
                .with_context(|| format!("cannot read `{}`", path.display()))?;
            Ok(Input {
                file: path.display().to_string(),
                bytes,
            })
        })
        .collect()
}

/// The paths as given, with every folder replaced by the `.json` files
/// below it (sorted, so the order never depends on the file system).
fn json_files(paths: &[PathBuf]) -> anyhow::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for path in paths {
        if !path.is_dir() {
            files.push(path.clone());
            continue;
        }
        let mut found = Vec::new();
        for entry in walkdir::WalkDir::new(path).sort_by_file_name() {
            let entry =
                entry.with_context(|| format!("cannot read folder `{}`", path.display()))?;
            let is_json = entry
                .path()
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("json"));
            if entry.file_type().is_file() && is_json {
                found.push(entry.into_path());
            }
        }
        if found.is_empty() {
            anyhow::bail!("no .json files below `{}`", path.display());
        }
        files.extend(found);
    }
    Ok(files)
}
