//! [`PayFile`] + the resolved levels → [`Pay`], and the rules that tie the
//! bands to the ladder, one small function each:
//!
//! - `unknown-reference`: a band names a level the book does not have (error)
//! - `missing-band`: a level of the book has no band in a zone (warning)
//! - `band-order`: a band sits lower than the band of the rank below (warning)
//! - `band-gap`, `band-overlap`: consecutive bands leave a gap, or overlap,
//!   where `[pay]` does not allow it (warning)
//! - `unequal-pay`: a level and its `equivalent` in another track have
//!   different bands in one zone (warning; Article 4 of (EU) 2023/970)

use std::collections::HashMap;

use crate::content::model::Book;
use crate::decode::did_you_mean;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::node::Pos;

use super::settings::PaySettings;
use super::{Band, Pay, PayFile, Zone};

/// A band as checked: its zone's place, the band, and where it is written.
struct Placed {
    pos: Pos,
    band: Band,
}

/// Resolves the bands against the book's levels and runs every rule.
pub fn check_pay(file: PayFile, book: &Book, undecoded_levels: &[String]) -> (Pay, Diagnostics) {
    let mut diagnostics = Diagnostics::default();
    let by_id: HashMap<&str, usize> = book
        .levels
        .iter()
        .enumerate()
        .map(|(index, level)| (level.id.as_str(), index))
        .collect();
    let ids: Vec<&str> = book.levels.iter().map(|l| l.id.as_str()).collect();
    let mut pay = Pay {
        file: file.file.clone(),
        zoned: file.zoned,
        zones: Vec::new(),
    };
    for raw in file.zones {
        let mut placed = Vec::new();
        for band in raw.bands {
            match by_id.get(band.level.value.as_str()) {
                Some(&level) => placed.push(Placed {
                    pos: band.level.pos,
                    band: Band {
                        level,
                        min: band.min.value,
                        max: band.max.value,
                    },
                }),
                None if undecoded_levels.contains(&band.level.value) => {}
                None => diagnostics.push(unknown_level(&file.file, &band.level, &ids)),
            }
        }
        // A zone without a currency or period is reported already; its
        // figures mean nothing without them.
        let (Some(currency), Some(per)) = (raw.currency, raw.per) else {
            continue;
        };
        placed.sort_by_key(|p| p.band.level);
        let id = raw.id.map(|id| id.value).unwrap_or_default();
        let zone = Zone {
            name: raw.name.unwrap_or_else(|| id.clone()),
            id,
            currency: currency.value,
            per,
            bands: placed.iter().map(|p| p.band).collect(),
        };
        let rules = Rules {
            file: &file.file,
            book,
            zone: &zone,
            placed: &placed,
        };
        diagnostics.extend(rules.missing_bands(raw.pos));
        diagnostics.extend(rules.progression(&book.config.pay));
        diagnostics.extend(rules.equal_value());
        pay.zones.push(zone);
    }
    (pay, diagnostics)
}

fn unknown_level(file: &str, level: &crate::decode::At<String>, ids: &[&str]) -> Diagnostic {
    let help = match did_you_mean(&level.value, ids) {
        Some(close) => format!("did you mean `{close}`?"),
        None => "a band's key is the id of a level (`content/levels/<id>.md`)".into(),
    };
    Diagnostic::error(
        "unknown-reference",
        file,
        level.pos,
        format!(
            "a band for the level `{}`, which does not exist",
            level.value
        ),
    )
    .with_help(help)
}

/// The rules of one zone.
struct Rules<'a> {
    file: &'a str,
    book: &'a Book,
    zone: &'a Zone,
    placed: &'a [Placed],
}

impl Rules<'_> {
    fn pos_of(&self, level: usize) -> Pos {
        self.placed
            .iter()
            .find(|p| p.band.level == level)
            .map_or(Pos::new(1, 1), |p| p.pos)
    }

    fn in_zone(&self) -> String {
        if self.zone.id.is_empty() {
            String::new()
        } else {
            format!(" in zone `{}`", self.zone.id)
        }
    }

    fn show(&self, band: &Band) -> String {
        let id = &self.book.levels[band.level].id;
        format!(
            "`{id}` ({})",
            super::money::plain_range(band, &self.zone.currency)
        )
    }

    /// A book with pay.yaml gives every level a band, in every zone.
    fn missing_bands(&self, zone_pos: Pos) -> Vec<Diagnostic> {
        self.book
            .levels
            .iter()
            .enumerate()
            .filter(|(index, _)| self.zone.band_of(*index).is_none())
            .map(|(_, level)| {
                Diagnostic::warning(
                    "missing-band",
                    self.file,
                    zone_pos,
                    format!("the level `{}` has no band{}", level.id, self.in_zone()),
                )
                .with_help(format!(
                    "add `{}: {{ min: ..., max: ... }}` under `bands:`",
                    level.id
                ))
            })
            .collect()
    }

    /// Consecutive ranks of each track: bands that go down, gaps, overlaps.
    fn progression(&self, settings: &PaySettings) -> Vec<Diagnostic> {
        let mut found = Vec::new();
        for track in &self.book.tracks {
            let bands: Vec<&Band> = track
                .levels
                .iter()
                .filter_map(|&level| self.zone.band_of(level))
                .collect();
            for pair in bands.windows(2) {
                let (lower, higher) = (pair[0], pair[1]);
                let pos = self.pos_of(higher.level);
                let (code, message, help) = if higher.min < lower.min || higher.max < lower.max {
                    (
                        "band-order",
                        format!(
                            "the band of {} sits lower than the band of {}, which ranks below it",
                            self.show(higher),
                            self.show(lower)
                        ),
                        "pay should not go down as rank goes up: raise this band or lower the one below",
                    )
                } else if higher.min > lower.max && !settings.allow_gaps {
                    (
                        "band-gap",
                        format!(
                            "a gap between the band of {} and the band of {} below it",
                            self.show(higher),
                            self.show(lower)
                        ),
                        "a promotion would jump the gap; close it, or set `[pay] allow-gaps = true`",
                    )
                } else if higher.min < lower.max && !settings.allow_overlaps {
                    (
                        "band-overlap",
                        format!(
                            "the band of {} overlaps the band of {} below it",
                            self.show(higher),
                            self.show(lower)
                        ),
                        "start each band where the one below ends, or set `[pay] allow-overlaps = true`",
                    )
                } else {
                    continue;
                };
                found.push(
                    Diagnostic::warning(
                        code,
                        self.file,
                        pos,
                        format!("{message}{}", self.in_zone()),
                    )
                    .with_help(help),
                );
            }
        }
        found
    }

    /// A level and its equivalent in another track: work of equal value.
    fn equal_value(&self) -> Vec<Diagnostic> {
        let mut found = Vec::new();
        for (index, level) in self.book.levels.iter().enumerate() {
            let Some(other) = level.equivalent else {
                continue;
            };
            // Each pair once, even when both sides name the other.
            let back = self.book.levels[other].equivalent == Some(index);
            if back && other < index {
                continue;
            }
            let (Some(mine), Some(theirs)) = (self.zone.band_of(index), self.zone.band_of(other))
            else {
                continue;
            };
            if mine.min != theirs.min || mine.max != theirs.max {
                found.push(
                    Diagnostic::warning(
                        "unequal-pay",
                        self.file,
                        self.pos_of(index),
                        format!(
                            "{} and its equivalent {} have different bands{}",
                            self.show(mine),
                            self.show(theirs),
                            self.in_zone()
                        ),
                    )
                    .with_help("equivalent levels are work of equal value: give them one band, or remove `equivalent` if they are not"),
                );
            }
        }
        found
    }
}
