//! Guides (the free pages under `pages/`) compared by path: added, removed,
//! or changed with a count of changed lines.

use crate::content::model::{Book, Page};
use crate::history::diff::{Change, GuideChange};
use crate::history::words::line_counts;

/// Guide changes, in the newer book's order, removed ones after.
pub fn diff_guides(old: &Book, new: &Book) -> Vec<GuideChange> {
    let mut changes = Vec::new();
    for page in &new.pages {
        match old.pages.iter().find(|p| p.path == page.path) {
            None => {
                let lines = page.body.text.lines().count();
                changes.push(guide(page, Change::Added, None, (lines, 0)));
            }
            Some(before) => {
                let lines = line_counts(&before.body.text, &page.body.text);
                let renamed = before.title != page.title;
                if renamed {
                    changes.push(guide(page, Change::Renamed, Some(&before.title), lines));
                } else if lines != (0, 0) {
                    changes.push(guide(page, Change::Changed, None, lines));
                }
            }
        }
    }
    for page in &old.pages {
        if !new.pages.iter().any(|p| p.path == page.path) {
            let lines = page.body.text.lines().count();
            changes.push(guide(page, Change::Removed, None, (0, lines)));
        }
    }
    changes
}

fn guide(
    page: &Page,
    change: Change,
    old_title: Option<&str>,
    (added, removed): (usize, usize),
) -> GuideChange {
    GuideChange {
        path: page.path.clone(),
        title: page.title.clone(),
        change,
        old_title: old_title.map(str::to_string),
        lines_added: added,
        lines_removed: removed,
    }
}
