//! The report: what changed between two books, keyed by ids. Every list is
//! in a fixed order (the newer book's order, removed items after in the
//! older book's order), so the same two books always give the same report.

use serde::Serialize;

use crate::history::words::Words;

/// Everything that changed from `old` to `new`.
#[derive(Debug, Clone, Serialize)]
pub struct Diff {
    pub old: SideSummary,
    pub new: SideSummary,
    pub tracks: Vec<ItemChange>,
    pub levels: Vec<ItemChange>,
    pub competencies: Vec<ItemChange>,
    pub archetypes: Vec<ItemChange>,
    pub scorecards: Vec<ItemChange>,
    pub interviews: Vec<ItemChange>,
    pub cells: Vec<CellChange>,
    pub moves: Vec<Move>,
    pub emphasis: Vec<EmphasisChange>,
    pub dimensions: Vec<DimensionChange>,
    pub guides: Vec<GuideChange>,
    /// The newer book's levels and competencies in display order, for
    /// grouping the report by level (not part of the JSON: its lists
    /// already come in this order).
    #[serde(skip)]
    pub order: Order,
}

/// Display order of the newer book.
#[derive(Debug, Clone, Default)]
pub struct Order {
    /// Level id, label (code or title) and title, track by track, by rank.
    pub levels: Vec<(String, String, String)>,
    /// Competency ids, area by area.
    pub competencies: Vec<String>,
}

impl Diff {
    /// True when the two books differ in anything this report covers.
    pub fn has_changes(&self) -> bool {
        self.change_count() > 0
    }

    /// How many entries the report has, all lists together.
    pub fn change_count(&self) -> usize {
        self.tracks.len()
            + self.levels.len()
            + self.competencies.len()
            + self.archetypes.len()
            + self.scorecards.len()
            + self.interviews.len()
            + self.cells.len()
            + self.moves.len()
            + self.emphasis.len()
            + self.dimensions.len()
            + self.guides.len()
    }
}

/// Which version a side is, as the user named it.
#[derive(Debug, Clone, Serialize)]
pub struct SideSummary {
    /// `v1.2 (3f2a9c1)`, `working tree` or a folder's path.
    pub label: String,
    pub title: String,
    /// The ladder's content hash (`Book::version`).
    pub version: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Change {
    Added,
    Removed,
    /// Same id, new title (other fields may have changed too).
    Renamed,
    /// Same id and title, other fields changed.
    Changed,
}

/// A track, level, competency, archetype, scorecard or interview.
#[derive(Debug, Clone, Serialize)]
pub struct ItemChange {
    /// The item's id; an interview's is `scorecard/interview`.
    pub id: String,
    pub change: Change,
    /// The title in the newer book (the older one's when removed).
    pub title: String,
    /// The older title, when renamed.
    pub old_title: Option<String>,
    /// The fields that changed, besides the title, by their names in the
    /// content format (`rank`, `summary`, `body`...). Empty when added or removed.
    pub fields: Vec<&'static str>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CellStatus {
    /// Expected at this level before and after.
    Changed,
    /// Not expected at this level before; expected now.
    Starts,
    /// Expected at this level before; not any more.
    Ends,
}

/// What one competency expects at one level, before and after. Only levels
/// and competencies that both books have get cells: an added or removed one
/// is an [`ItemChange`].
#[derive(Debug, Clone, Serialize)]
pub struct CellChange {
    pub competency: String,
    pub competency_name: String,
    pub level: String,
    pub level_label: String,
    pub status: CellStatus,
    /// Set when the cell went from its own text to carrying over, or back.
    pub carry_over: Option<CarryOver>,
    pub added: Vec<String>,
    pub removed: Vec<String>,
    pub reworded: Vec<Reworded>,
    /// Expectations kept here whose examples changed.
    pub examples: Vec<ExampleChange>,
}

/// An expectation's examples added or removed (an example reworded is one
/// removed and one added: examples are short, and each stands alone).
#[derive(Debug, Clone, Serialize)]
pub struct ExampleChange {
    /// The expectation's text in the newer book.
    pub expectation: String,
    pub added: Vec<String>,
    pub removed: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CarryOverNow {
    /// Used to carry over from a lower level; has its own text now.
    Own,
    /// Had its own text; carries over from a lower level now.
    Carried,
}

#[derive(Debug, Clone, Serialize)]
pub struct CarryOver {
    pub now: CarryOverNow,
    /// The level it carried over from (before when `own`, now when `carried`).
    pub from: String,
    pub from_label: String,
}

/// One expectation whose text changed in place.
#[derive(Debug, Clone, Serialize)]
pub struct Reworded {
    pub old: String,
    pub new: String,
    pub words: Vec<Words>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Direction {
    /// Now expected at a lower rank.
    Earlier,
    /// Now expected at a higher rank.
    Later,
    /// Now expected in another track.
    OtherTrack,
}

/// An expectation now expected at another level (same or nearly the same text).
#[derive(Debug, Clone, Serialize)]
pub struct Move {
    pub competency: String,
    pub competency_name: String,
    pub from: String,
    pub from_label: String,
    pub to: String,
    pub to_label: String,
    pub direction: Direction,
    pub old: String,
    pub new: String,
    /// The word diff when the text changed on the way; `null` when equal.
    pub words: Option<Vec<Words>>,
}

/// An archetype's weight for one competency, 1 to 5; `null` when absent.
#[derive(Debug, Clone, Serialize)]
pub struct EmphasisChange {
    pub archetype: String,
    pub competency: String,
    pub old: Option<u8>,
    pub new: Option<u8>,
}

/// A text that changed: both versions (`null` where absent) and the words.
#[derive(Debug, Clone, Serialize)]
pub struct TextChange {
    pub old: Option<String>,
    pub new: Option<String>,
    pub words: Vec<Words>,
}

/// A scorecard's dimension (one competency) added, removed or with new bars.
#[derive(Debug, Clone, Serialize)]
pub struct DimensionChange {
    pub scorecard: String,
    pub competency: String,
    pub name: String,
    pub change: Change,
    /// The "meets" bar when it changed.
    pub meets: Option<TextChange>,
    /// The "exceeds" bar when it changed.
    pub exceeds: Option<TextChange>,
}

/// A guide (a page under `pages/`) added, removed or changed.
#[derive(Debug, Clone, Serialize)]
pub struct GuideChange {
    pub path: String,
    pub title: String,
    pub change: Change,
    pub old_title: Option<String>,
    pub lines_added: usize,
    pub lines_removed: usize,
}
