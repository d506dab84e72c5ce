//! The `ladderbook pay` report: every zone's bands by track and rank, with
//! the ratio of each band's min to the next level's min. Pure: the format
//! files (`text`, `markdown`, `csv`, `json`) write it out.

use serde::Serialize;

use crate::content::model::Book;

use super::{Pay, Per};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PayReport {
    pub zones: Vec<ZoneReport>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ZoneReport {
    /// Empty for a pay.yaml without zones.
    pub id: String,
    pub name: String,
    pub currency: String,
    pub per: Per,
    pub rows: Vec<BandRow>,
}

/// One level of one track, with its band when it has one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BandRow {
    pub track: String,
    pub level: String,
    pub code: Option<String>,
    pub title: String,
    pub rank: i64,
    #[serde(serialize_with = "crate::report::envelope::two_decimals_or_null")]
    pub min: Option<f64>,
    #[serde(serialize_with = "crate::report::envelope::two_decimals_or_null")]
    pub max: Option<f64>,
    /// The next rank's min divided by this level's min (e.g. 1.19), when
    /// both have a band and this min is above zero.
    #[serde(serialize_with = "crate::report::envelope::two_decimals_or_null")]
    pub next_min_ratio: Option<f64>,
    /// The id of the level's equivalent in another track.
    pub equivalent: Option<String>,
}

/// The report of a book's pay bands.
pub fn pay_report(book: &Book, pay: &Pay) -> PayReport {
    let zones = pay
        .zones
        .iter()
        .map(|zone| {
            let mut rows = Vec::new();
            for track in &book.tracks {
                for (place, &index) in track.levels.iter().enumerate() {
                    let level = &book.levels[index];
                    let band = zone.band_of(index);
                    let next = track
                        .levels
                        .get(place + 1)
                        .and_then(|&next| zone.band_of(next));
                    let next_min_ratio = match (band, next) {
                        (Some(band), Some(next)) if band.min > 0.0 => Some(next.min / band.min),
                        _ => None,
                    };
                    rows.push(BandRow {
                        track: track.id.clone(),
                        level: level.id.clone(),
                        code: level.code.clone(),
                        title: level.title.clone(),
                        rank: level.rank,
                        min: band.map(|b| b.min),
                        max: band.map(|b| b.max),
                        next_min_ratio,
                        equivalent: level.equivalent.map(|e| book.levels[e].id.clone()),
                    });
                }
            }
            ZoneReport {
                id: zone.id.clone(),
                name: zone.name.clone(),
                currency: zone.currency.clone(),
                per: zone.per,
                rows,
            }
        })
        .collect();
    PayReport { zones }
}

impl ZoneReport {
    /// "EUR per year" (and the zone's name when the book has zones).
    pub fn heading(&self) -> String {
        let per = match self.per {
            Per::Year => "per year",
            Per::Month => "per month",
            Per::Hour => "per hour",
        };
        if self.id.is_empty() {
            format!("{} {per}", self.currency)
        } else {
            format!("{} ({}): {} {per}", self.name, self.id, self.currency)
        }
    }
}

/// A ratio as `×1.19`, or `—` when there is none.
pub fn show_ratio(ratio: Option<f64>) -> String {
    ratio.map_or_else(|| "—".into(), |r| format!("×{r:.2}"))
}
