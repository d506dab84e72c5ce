//! The Changes section (issue 17): the index of the releases `[history]`
//! publishes, newest first, and one page per release with its diff against
//! the release before, regrouped level by level (`history::by_level`). The
//! diff itself is `history`'s; these views only arrange it for templates
//! and link what the book being built still has.

use serde::Serialize;

use super::{Link, competency_link, level_link, page_link};
use crate::content::model::Book;
use crate::history::by_level::{CompetencyGroup, by_level};
use crate::history::diff::{
    CarryOverNow, CellStatus, Diff, DimensionChange, EmphasisChange, GuideChange, ItemChange, Move,
    Reworded,
};
use crate::history::published::{Published, Release};
use crate::markdown::ROOT_MARKER;

/// A release in the index and in a release page's neighbours.
#[derive(Serialize)]
pub struct ReleaseLink<'a> {
    pub href: String,
    pub name: &'a str,
    pub label: &'a str,
    pub commit: &'a str,
    /// False for the first release published: nothing to compare it with.
    pub compared: bool,
    /// Changes against the release before.
    pub change_count: usize,
    /// Levels with expectation changes.
    pub level_count: usize,
    pub latest: bool,
}

/// The address of a release's page, behind the root marker.
pub fn release_href(release: &Release) -> String {
    format!("{ROOT_MARKER}changes/{}.html", release.slug)
}

fn release_link(published: &Published, index: usize) -> ReleaseLink<'_> {
    let release = &published.releases[index];
    ReleaseLink {
        href: release_href(release),
        name: &release.name,
        label: &release.label,
        commit: &release.commit,
        compared: release.diff.is_some(),
        change_count: release.diff.as_ref().map_or(0, Diff::change_count),
        level_count: release.diff.as_ref().map_or(0, |d| by_level(d).len()),
        latest: index == 0,
    }
}

/// The newest release, for a level page's note on its marks.
pub fn latest_release(published: &Published) -> ReleaseLink<'_> {
    release_link(published, 0)
}

/// The Changes index: every release, newest first.
pub fn releases(published: &Published) -> Vec<ReleaseLink<'_>> {
    (0..published.releases.len())
        .map(|i| release_link(published, i))
        .collect()
}

#[derive(Serialize)]
pub struct ReleaseView<'a> {
    pub name: &'a str,
    pub label: &'a str,
    /// The release's commit, short.
    pub commit: &'a str,
    pub latest: bool,
    /// The release this one is compared with (older), and the next (newer).
    pub previous: Option<ReleaseLink<'a>>,
    pub next: Option<ReleaseLink<'a>>,
    /// False for the first release published: nothing to compare it with.
    pub compared: bool,
    pub change_count: usize,
    pub items: Vec<ItemSection<'a>>,
    pub levels: Vec<LevelChanges<'a>>,
    pub emphasis: &'a [EmphasisChange],
    pub dimensions: &'a [DimensionChange],
    pub guides: Vec<GuideView<'a>>,
}

/// Tracks, levels, competencies... added, removed, renamed or changed.
#[derive(Serialize)]
pub struct ItemSection<'a> {
    /// `tracks`, `levels`, `competencies`, `archetypes`, `scorecards`, `interviews`.
    pub kind: &'static str,
    pub items: &'a [ItemChange],
}

/// What changes for one level.
#[derive(Serialize)]
pub struct LevelChanges<'a> {
    /// `level-<id>`: the anchor of this level's part of the page.
    pub anchor: String,
    pub label: &'a str,
    pub title: &'a str,
    /// The level's page, when the book being built still has the level.
    pub link: Option<Link>,
    pub competencies: Vec<CompetencyChanges<'a>>,
}

/// What changes for one competency at one level.
#[derive(Serialize)]
pub struct CompetencyChanges<'a> {
    /// `<level>--<competency>`: what the level pages' markers link to.
    pub anchor: String,
    pub name: &'a str,
    pub link: Option<Link>,
    /// `changed`, `starts` or `ends`.
    pub status: &'static str,
    /// `own` or `carried`, with the level it carried over from.
    pub carry_over: Option<&'static str>,
    pub carry_from: Option<&'a str>,
    pub added: &'a [String],
    pub removed: &'a [String],
    pub reworded: &'a [Reworded],
    pub examples: &'a [crate::history::diff::ExampleChange],
    pub moved_in: Vec<&'a Move>,
    pub moved_out: Vec<&'a Move>,
}

#[derive(Serialize)]
pub struct GuideView<'a> {
    pub change: &'a GuideChange,
    pub link: Option<Link>,
}

/// The page of release `index` (0 is the newest).
pub fn release<'a>(book: &'a Book, published: &'a Published, index: usize) -> ReleaseView<'a> {
    let release = &published.releases[index];
    let previous =
        (index + 1 < published.releases.len()).then(|| release_link(published, index + 1));
    let next = index.checked_sub(1).map(|i| release_link(published, i));
    let mut view = ReleaseView {
        name: &release.name,
        label: &release.label,
        commit: &release.commit,
        latest: index == 0,
        previous,
        next,
        compared: release.diff.is_some(),
        change_count: 0,
        items: Vec::new(),
        levels: Vec::new(),
        emphasis: &[],
        dimensions: &[],
        guides: Vec::new(),
    };
    let Some(diff) = &release.diff else {
        return view;
    };
    let kinds = [
        "tracks",
        "levels",
        "competencies",
        "archetypes",
        "scorecards",
        "interviews",
    ];
    let lists = [
        &diff.tracks,
        &diff.levels,
        &diff.competencies,
        &diff.archetypes,
        &diff.scorecards,
        &diff.interviews,
    ];
    view.change_count = diff.change_count();
    view.items = kinds
        .into_iter()
        .zip(lists)
        .filter(|(_, items)| !items.is_empty())
        .map(|(kind, items)| ItemSection { kind, items })
        .collect();
    view.levels = level_changes(book, diff);
    view.emphasis = &diff.emphasis;
    view.dimensions = &diff.dimensions;
    view.guides = diff
        .guides
        .iter()
        .map(|change| GuideView {
            change,
            link: book
                .pages
                .iter()
                .position(|p| p.path == change.path)
                .filter(|_| change.change != crate::history::diff::Change::Removed)
                .map(|p| page_link(book, p)),
        })
        .collect();
    view
}

fn level_changes<'a>(book: &'a Book, diff: &'a Diff) -> Vec<LevelChanges<'a>> {
    by_level(diff)
        .into_iter()
        .map(|group| LevelChanges {
            anchor: format!("level-{}", group.id),
            label: group.label,
            title: group.title,
            link: book
                .levels
                .iter()
                .position(|l| l.id == group.id)
                .map(|l| level_link(book, l)),
            competencies: group
                .competencies
                .iter()
                .map(|c| competency_changes(book, group.id, c))
                .collect(),
        })
        .collect()
}

fn competency_changes<'a>(
    book: &'a Book,
    level: &str,
    group: &CompetencyGroup<'a>,
) -> CompetencyChanges<'a> {
    let id = group
        .cell
        .map(|c| c.competency.as_str())
        .or_else(|| {
            group
                .moved_in
                .iter()
                .chain(&group.moved_out)
                .map(|m| m.competency.as_str())
                .next()
        })
        .unwrap_or_default();
    let cell = group.cell;
    CompetencyChanges {
        anchor: change_anchor(level, id),
        name: group.name,
        link: book
            .competencies
            .iter()
            .position(|c| c.id == id)
            .map(|c| competency_link(book, c)),
        status: match cell.map(|c| c.status) {
            Some(CellStatus::Starts) => "starts",
            Some(CellStatus::Ends) => "ends",
            _ => "changed",
        },
        carry_over: cell
            .and_then(|c| c.carry_over.as_ref())
            .map(|c| match c.now {
                CarryOverNow::Own => "own",
                CarryOverNow::Carried => "carried",
            }),
        carry_from: cell
            .and_then(|c| c.carry_over.as_ref())
            .map(|c| c.from_label.as_str()),
        added: cell.map_or(&[], |c| &c.added),
        removed: cell.map_or(&[], |c| &c.removed),
        reworded: cell.map_or(&[], |c| &c.reworded),
        examples: cell.map_or(&[], |c| &c.examples),
        moved_in: group.moved_in.clone(),
        moved_out: group.moved_out.clone(),
    }
}

/// The anchor of one competency's changes at one level on a release page.
pub fn change_anchor(level: &str, competency: &str) -> String {
    format!("{level}--{competency}")
}

/// A level page's mark on an expectation that changed in the latest
/// release, linking to that change.
#[derive(Serialize)]
pub struct ReleaseMark<'a> {
    /// `new`, `reworded` or `moved`.
    pub kind: &'static str,
    pub release: &'a str,
    pub href: String,
}

/// The marks of a cell's own items (`marks[n]` for `items[n]`): what the
/// latest release added, reworded or moved into the level whose entry the
/// cell shows. Empty without releases or when nothing of it changed, so a
/// page without marks renders as before.
pub fn cell_marks<'a>(
    book: &'a Book,
    competency: usize,
    cell: &crate::content::model::Cell,
) -> Vec<Option<ReleaseMark<'a>>> {
    let Some(release) = book.history.as_ref().and_then(|p| p.releases.first()) else {
        return Vec::new();
    };
    let Some(diff) = &release.diff else {
        return Vec::new();
    };
    let competency = &book.competencies[competency].id;
    let level = &book.levels[cell.source_level].id;
    let change = diff
        .cells
        .iter()
        .find(|c| &c.competency == competency && &c.level == level);
    let moves: Vec<&Move> = diff
        .moves
        .iter()
        .filter(|m| &m.competency == competency && &m.to == level)
        .collect();
    if change.is_none() && moves.is_empty() {
        return Vec::new();
    }
    let href = format!(
        "{}#{}",
        release_href(release),
        change_anchor(level, competency)
    );
    let marks: Vec<Option<ReleaseMark>> = cell
        .items
        .iter()
        .map(|item| {
            let text = item.text.source.trim();
            let kind = if change.is_some_and(|c| c.added.iter().any(|a| a == text)) {
                "new"
            } else if change.is_some_and(|c| c.reworded.iter().any(|r| r.new == text)) {
                "reworded"
            } else if moves.iter().any(|m| m.new == text) {
                "moved"
            } else {
                return None;
            };
            Some(ReleaseMark {
                kind,
                release: &release.name,
                href: href.clone(),
            })
        })
        .collect();
    if marks.iter().all(Option::is_none) {
        return Vec::new();
    }
    marks
}

/// What the self-assessment page needs to carry ratings exported against
/// an older release over (`assess.js`), as JSON for a
/// `<script type="application/json">` element: per ladder version of a
/// release, its name and where each of its changed keys is now, and the
/// words of the import notice about them (sent here rather than with the
/// script's words, so a book without `[history]` gets the page as before).
/// `None` without `[history]`.
pub fn assess_history(book: &Book, words: &crate::strings::Strings) -> Option<String> {
    let published = book.history.as_deref()?;
    let releases: std::collections::BTreeMap<&str, &crate::history::key_map::KeyMap> = published
        .key_maps
        .iter()
        .map(|map| (map.version.as_str(), map))
        .collect();
    let groups = crate::strings::groups();
    let own: std::collections::BTreeMap<&str, &str> = words
        .iter()
        .filter(|(key, _)| {
            groups
                .get(*key)
                .is_some_and(|g| g.starts_with("Self-assessment across releases"))
        })
        .map(|(key, text)| (*key, text.as_str()))
        .collect();
    let data = serde_json::json!({ "releases": releases, "words": own });
    let json = serde_json::to_string(&data).expect("key maps always serialize");
    Some(crate::render::search::script_safe(json))
}
