//! `ladderbook pay --format json`, format `ladderbook.pay/1`:
//!
//! ```text
//! format   "ladderbook.pay/1"
//! book     { title, version }
//! zones    [{ id ("" without zones), name, currency, per (YEAR | MONTH | HOUR),
//!             rows: [{ track, level, code, title, rank, min, max,
//!                      next_min_ratio, equivalent }] }]
//!          rows by track, then rank; `min` / `max` null for a level without
//!          a band; `next_min_ratio` the next rank's min / this min, or null
//! ```

use crate::report::envelope::{BookRef, render_json as envelope};

use super::report::PayReport;

pub const PAY_FORMAT: &str = "ladderbook.pay/1";

pub fn render_json(report: &PayReport, book: &BookRef) -> String {
    envelope(PAY_FORMAT, book, report)
}
