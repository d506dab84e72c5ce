//! Published pay (issue 27): a level's bands, and the "Pay and progression"
//! page. Every function here reads `Book::published_pay`, so a book with
//! `[pay] publish = false` gets nothing to show.

use serde::Serialize;

use super::{Link, level_link, level_link_beside_code, page_link};
use crate::content::model::Book;
use crate::pay::{Per, Zone, money};

/// The address of the "Pay and progression" page.
pub const PAY_PAGE: &str = "pay.html";

/// A band as a page shows it.
#[derive(Serialize)]
pub struct BandView {
    /// The zone's name; empty in a book without zones.
    pub zone: String,
    /// `€52,000 – €64,000`, in the book's language.
    pub range: String,
    /// `year`, `month` or `hour`: the template picks `t.pay_per_<per>`.
    pub per: &'static str,
}

fn per_word(per: Per) -> &'static str {
    match per {
        Per::Year => "year",
        Per::Month => "month",
        Per::Hour => "hour",
    }
}

fn band_view(book: &Book, zone: &Zone, level: usize) -> Option<BandView> {
    let band = zone.band_of(level)?;
    Some(BandView {
        zone: zone.name.clone(),
        range: money::range(band, &zone.currency, &book.config.book.language),
        per: per_word(zone.per),
    })
}

/// A level's published bands, one per zone that has one (none when the
/// book does not publish pay).
pub fn level_bands(book: &Book, level: usize) -> Vec<BandView> {
    book.published_pay()
        .map(|pay| {
            pay.zones
                .iter()
                .filter_map(|zone| band_view(book, zone, level))
                .collect()
        })
        .unwrap_or_default()
}

/// One level on the "Pay and progression" page.
#[derive(Serialize)]
pub struct PayRow<'a> {
    pub level: Link,
    pub code: &'a str,
    /// One entry per zone of the book, `None` where the level has no band.
    pub bands: Vec<Option<BandView>>,
    pub equivalent: Option<Link>,
}

#[derive(Serialize)]
pub struct PayTrack<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub named: bool,
    pub rows: Vec<PayRow<'a>>,
}

/// A column of the "Pay and progression" table: one zone.
#[derive(Serialize)]
pub struct ZoneHead<'a> {
    /// Empty in a book without zones.
    pub name: &'a str,
    /// `year`, `month` or `hour`, said once in the column's heading.
    pub per: &'static str,
}

/// The "Pay and progression" page: every level of every track, highest
/// rank first as on the levels page, with its bands and its equivalent.
#[derive(Serialize)]
pub struct PayPageView<'a> {
    /// The zones, in the order of each row's `bands`.
    pub zones: Vec<ZoneHead<'a>>,
    pub tracks: Vec<PayTrack<'a>>,
    /// The book's promotion guide, when it has one.
    pub promotion: Option<Link>,
}

pub fn pay_page(book: &Book) -> Option<PayPageView<'_>> {
    let pay = book.published_pay()?;
    let tracks = book
        .tracks
        .iter()
        .filter(|track| !track.levels.is_empty())
        .map(|track| PayTrack {
            id: &track.id,
            name: &track.name,
            named: !track.implicit,
            rows: track
                .levels
                .iter()
                .rev()
                .map(|&index| PayRow {
                    level: level_link_beside_code(book, index),
                    code: book.levels[index].label(),
                    bands: pay
                        .zones
                        .iter()
                        .map(|zone| band_view(book, zone, index))
                        .collect(),
                    equivalent: book.levels[index].equivalent.map(|e| level_link(book, e)),
                })
                .collect(),
        })
        .collect();
    Some(PayPageView {
        zones: pay
            .zones
            .iter()
            .map(|zone| ZoneHead {
                name: if pay.zoned { &zone.name } else { "" },
                per: per_word(zone.per),
            })
            .collect(),
        tracks,
        promotion: promotion_guide(book).map(|page| page_link(book, page)),
    })
}

/// The guide about promotions: the first whose file name starts with
/// `promotion` (`pages/promotion.md`, `pages/growth/promotions.md`).
fn promotion_guide(book: &Book) -> Option<usize> {
    book.pages.iter().position(|page| {
        page.path
            .rsplit('/')
            .next()
            .is_some_and(|name| name.starts_with("promotion"))
    })
}
