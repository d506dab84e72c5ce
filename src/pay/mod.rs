//! Pay bands (issue 27): `content/pay.yaml` → checked bands per level, the
//! checks that tie them to the ladder, and the `ladderbook pay` report.
//!
//! The stages, in the order a run meets them:
//! - `decode`    pay.yaml (a [`Node`](crate::node::Node) from `src/yaml.rs`) → [`PayFile`], shape errors as diagnostics
//! - `currency`  the ISO 4217 codes a `currency:` may name
//! - `checks`    [`PayFile`] + the resolved levels → [`Pay`]: unknown levels,
//!   missing bands, bands against rank, gaps and overlaps, equal value across tracks
//! - `roles`     each role's band (its own `salary`, or its level's) and its problems
//! - `money`     a figure or a band as text in the book's language
//! - `report`    the `ladderbook pay` table (a pure struct), then `text`,
//!   `markdown`, `csv` and `json`, one file per format
//!
//! Invariants: nothing here reads, writes or prints; every problem is a
//! diagnostic at file:line:col; with `[pay] publish = false` no renderer asks
//! for a figure (`Book::published_pay` is `None`), so none reaches the site.

pub mod checks;
pub mod csv;
pub mod currency;
pub mod decode;
pub mod json;
pub mod markdown;
pub mod money;
pub mod report;
pub mod roles;
pub mod settings;
pub mod text;

use serde::Serialize;

use crate::decode::At;
use crate::node::Pos;

/// `per:` of a zone: the period a figure is paid for (schema.org `unitText`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Per {
    Year,
    Month,
    Hour,
}

impl Per {
    pub const NAMES: [&'static str; 3] = ["YEAR", "MONTH", "HOUR"];

    pub fn parse(text: &str) -> Option<Per> {
        match text {
            "YEAR" => Some(Per::Year),
            "MONTH" => Some(Per::Month),
            "HOUR" => Some(Per::Hour),
            _ => None,
        }
    }

    /// The schema.org `unitText`.
    pub fn unit_text(self) -> &'static str {
        match self {
            Per::Year => "YEAR",
            Per::Month => "MONTH",
            Per::Hour => "HOUR",
        }
    }
}

/// One band as written: the level's id and its figures.
#[derive(Debug, Clone, PartialEq)]
pub struct RawBand {
    pub level: At<String>,
    pub min: At<f64>,
    pub max: At<f64>,
}

/// One zone as written; a flat pay.yaml is one zone without an id.
#[derive(Debug, Clone, PartialEq)]
pub struct RawZone {
    /// Where the zone (or, for a flat file, the file) starts.
    pub pos: Pos,
    pub id: Option<At<String>>,
    pub name: Option<String>,
    pub currency: Option<At<String>>,
    pub per: Option<Per>,
    pub bands: Vec<RawBand>,
}

/// `content/pay.yaml` decoded: its shape is right, its levels unchecked.
#[derive(Debug, Clone, PartialEq)]
pub struct PayFile {
    pub file: String,
    /// Written with `zones:` (else one implicit zone).
    pub zoned: bool,
    pub zones: Vec<RawZone>,
}

/// A level's band in one zone.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Band {
    /// Index into `Book::levels`.
    #[serde(skip)]
    pub level: usize,
    pub min: f64,
    pub max: f64,
}

/// A zone with its bands, each naming a level of the book.
#[derive(Debug, Clone, PartialEq)]
pub struct Zone {
    /// Empty for the implicit zone of a flat pay.yaml.
    pub id: String,
    pub name: String,
    pub currency: String,
    pub per: Per,
    /// In the order of `Book::levels`.
    pub bands: Vec<Band>,
}

impl Zone {
    pub fn band_of(&self, level: usize) -> Option<&Band> {
        self.bands.iter().find(|band| band.level == level)
    }
}

/// The book's pay bands, checked against its levels.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Pay {
    pub file: String,
    /// Whether the book has zones (a flat pay.yaml has one unnamed zone).
    pub zoned: bool,
    pub zones: Vec<Zone>,
}

impl Pay {
    /// Whether any zone has a band for `level`.
    pub fn has_band(&self, level: usize) -> bool {
        self.zones.iter().any(|zone| zone.band_of(level).is_some())
    }
}
