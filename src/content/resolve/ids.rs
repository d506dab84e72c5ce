//! Ids: the spec's rule, Windows device names, and uniqueness within a kind.

use std::collections::HashMap;

use super::Resolver;
use crate::content::raw::RawPage;
use crate::decode::At;
use crate::node::Pos;

/// The id rule of the spec: `^[a-z0-9][a-z0-9-]{0,63}$`.
pub fn is_valid_id(id: &str) -> bool {
    let bytes = id.as_bytes();
    !bytes.is_empty()
        && bytes.len() <= 64
        && (bytes[0].is_ascii_lowercase() || bytes[0].is_ascii_digit())
        && bytes
            .iter()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'-')
}

/// Windows opens a device, not a file, for these names whatever the
/// extension (`nul.html`): an id that is one of them would make a site that
/// cannot be copied to or served from Windows.
pub fn is_reserved_name(id: &str) -> bool {
    matches!(id, "con" | "prn" | "aux" | "nul")
        || ["com", "lpt"].iter().any(|device| {
            id.strip_prefix(device)
                .is_some_and(|n| n.len() == 1 && n.as_bytes()[0].is_ascii_digit() && n != "0")
        })
}

impl Resolver<'_> {
    /// Checks id syntax and uniqueness; the first of duplicates wins.
    pub(super) fn unique_ids<'r>(
        &mut self,
        items: impl Iterator<Item = (&'r String, &'r At<String>)>,
        kind: &str,
    ) -> (HashMap<String, usize>, Vec<bool>) {
        let mut seen: HashMap<String, (usize, String)> = HashMap::new();
        let mut keep = Vec::new();
        for (index, (file, id)) in items.enumerate() {
            if !self.check_id(file, id, kind) {
                let stem = std::path::Path::new(file).file_stem();
                if id.pos == Pos::new(1, 1) && stem.is_some_and(|s| *s == *id.value) {
                    // The id came from the file name (issue 22).
                    let slug = crate::markdown::slugify(&id.value);
                    let example = if is_valid_id(&slug) {
                        slug
                    } else {
                        "...".into()
                    };
                    let help = self.diagnostics.last_mut().help.get_or_insert_default();
                    help.push_str(&format!(
                        "; or keep the file name and set the id inside the file: `id: {example}`"
                    ));
                }
                keep.push(false);
                continue;
            }
            if let Some((_, first_file)) = seen.get(&id.value) {
                let first_file = first_file.clone();
                self.error(
                    "duplicate-id",
                    file,
                    id.pos,
                    format!("the {kind} id `{}` is already used", id.value),
                )
                .help = Some(format!(
                    "{first_file} has the same id; ids must be unique within their kind"
                ));
                keep.push(false);
                continue;
            }
            seen.insert(id.value.clone(), (index, file.clone()));
            keep.push(true);
        }
        (
            seen.into_iter()
                .map(|(id, (index, _))| (id, index))
                .collect(),
            keep,
        )
    }

    pub(super) fn check_id(&mut self, file: &str, id: &At<String>, kind: &str) -> bool {
        if is_reserved_name(&id.value) {
            self.reserved_name(
                file,
                id.pos,
                &format!("`{}` cannot be a {kind} id", id.value),
            );
            return false;
        }
        if is_valid_id(&id.value) {
            return true;
        }
        let suggestion = crate::markdown::slugify(&id.value);
        self.error(
            "invalid-id",
            file,
            id.pos,
            format!("`{}` is not a valid {kind} id", id.value),
        )
        .help = Some(format!(
            "ids use lowercase letters, digits and `-`, start with a letter or digit, at most 64 characters{}",
            if is_valid_id(&suggestion) && !is_reserved_name(&suggestion) {
                format!(" (e.g. `{suggestion}`)")
            } else {
                String::new()
            }
        ));
        false
    }

    pub(super) fn reserved_name(&mut self, file: &str, pos: Pos, what: &str) {
        self.error(
            "invalid-id",
            file,
            pos,
            format!("{what}: it is a device name on Windows"),
        )
        .help = Some(
            "ids become file names of the site; `con`, `prn`, `aux`, `nul`, `com1`-`com9` and `lpt1`-`lpt9` cannot be opened as files on Windows, so choose another id".into(),
        );
    }

    pub(super) fn check_page_path(&mut self, page: &RawPage) -> bool {
        if let Some(part) = page.path.split('/').find(|part| is_reserved_name(part)) {
            let what = format!("the page path segment `{part}` cannot be used");
            self.reserved_name(&page.file, Pos::new(1, 1), &what);
            return false;
        }
        let bad = page.path.split('/').find(|part| !is_valid_id(part));
        if let Some(part) = bad {
            let suggestion = crate::markdown::slugify(part);
            self.error(
                "invalid-id",
                &page.file,
                Pos::new(1, 1),
                format!("the page path segment `{part}` is not a valid id"),
            )
            .help = Some(format!(
                "page paths are their addresses: rename the file or folder with lowercase letters, digits and `-`{}",
                if is_valid_id(&suggestion) && !is_reserved_name(&suggestion) {
                    format!(" (e.g. `{suggestion}`)")
                } else {
                    String::new()
                }
            ));
            return false;
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_follow_the_spec() {
        for good in ["sre-1", "a", "0", "slo-guard", &"a".repeat(64)] {
            assert!(is_valid_id(good), "{good}");
        }
        for bad in [
            "",
            "-a",
            "Sre",
            "a_b",
            "a/b",
            "..",
            "a.b",
            &"a".repeat(65),
            "é",
        ] {
            assert!(!is_valid_id(bad), "{bad}");
        }
    }

    #[test]
    fn windows_device_names_are_reserved() {
        for reserved in ["con", "prn", "aux", "nul", "com1", "com9", "lpt1", "lpt9"] {
            assert!(is_reserved_name(reserved), "{reserved}");
        }
        for fine in [
            "com", "com0", "com10", "lpt", "console", "null", "nul-1", "aux2",
        ] {
            assert!(!is_reserved_name(fine), "{fine}");
        }
    }
}
