//! `team`: a team's filled-in assessments (`ladderbook.assessment/1`) → one
//! report for a talent review: a heatmap of people × competencies, coverage
//! and single points of failure, specialisms (fit to the book's
//! archetypes), readiness for the level rated, and self vs manager
//! disagreements. Personal data: never part of the published site.
//!
//! The stages, one file each, in the order the command runs them:
//!
//! - `crate::filled` each file checked against the book, a file given twice
//!   or one assessor's view of one person in two files refused
//! - `people`       files → people (by `person`), the manager's view first
//! - `basis`        the level each person is rated against: `--level`, or
//!   their current level where their file covers it; ratings by key
//! - `profile`      one file at that level → per competency: items, items met, mean rating
//! - `coverage`     who meets each competency; single points of failure and
//!   who could grow into them
//! - `specialisms`  each person's fit to each archetype, from its emphasis
//! - `readiness`    share of the rated level met, and the top gaps
//! - `disagreements` self vs manager, two steps or more first
//! - `report`       the whole report, with names instead of indices
//! - `text`, `markdown`, `json`, `html`  the report → a `String`, through `crate::report`
//!
//! Invariants: nothing here reads or writes files or prints (`cmd::team`
//! does the I/O); every order is deterministic (people by name, competencies
//! and archetypes in the book's order).

pub mod basis;
pub mod coverage;
pub mod disagreements;
pub mod html;
pub mod json;
pub mod markdown;
pub mod people;
pub mod profile;
pub mod readiness;
pub mod report;
pub mod specialisms;
pub mod text;

/// Rounds to two decimals, for figures shown and exported.
pub fn round2(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}
