//! When a figure is shown as a judgement and when as "too few to judge":
//! the limits in one place, written into the JSON so a reader of the report
//! knows what they were (docs/workflows.md explains them).

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Thresholds {
    /// Loops an interviewer, a dimension or a scorecard needs before it is judged.
    pub min_loops: usize,
    /// Comparisons with the rest of the panel an interviewer needs.
    pub min_comparisons: usize,
    /// Mean offset, in scale steps, that makes an interviewer lenient or harsh
    /// (when its 95% interval also excludes zero).
    pub offset_steps: f64,
    /// Distance from the mean of at least two other ratings that makes a
    /// rating the outlier.
    pub outlier_steps: f64,
    /// Krippendorff's alpha below this is low agreement (his tentative
    /// lower limit for drawing conclusions).
    pub alpha_acceptable: f64,
    /// Ratings a dimension needs before "never varies" is said.
    pub min_ratings: usize,
    /// Loops per outcome (hired, not hired) needed to compare them.
    pub min_decided: usize,
    /// A hired-minus-not-hired gap below this many steps "does not move".
    pub decision_gap_steps: f64,
}

pub const THRESHOLDS: Thresholds = Thresholds {
    min_loops: 5,
    min_comparisons: 10,
    offset_steps: 0.5,
    outlier_steps: 2.0,
    alpha_acceptable: 0.667,
    min_ratings: 10,
    min_decided: 3,
    decision_gap_steps: 0.25,
};
