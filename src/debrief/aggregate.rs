//! Checked scorecards of one loop → a [`Debrief`]: each dimension's ratings
//! side by side with their mean, spread and a disagreement flag, who said
//! what, and an overall summary with a plain verdict.
//!
//! Everything here is pure and deterministic: interviewers are ordered by the
//! scorecard's interview order, then name, then file; dimensions by the
//! scorecard's order; tallies by the scale's order.

use serde::Serialize;

use crate::content::model::{Book, ScaleStep, Scorecard};
use crate::filled::pinning::{VersionNotice, version_notice};
use crate::filled::scorecard::Filled;
pub use crate::report::count;
pub use crate::report::envelope::BookRef;

/// Two interviewers this many scale steps apart on a dimension disagree.
pub const DISAGREEMENT_STEPS: usize = 2;

/// The debrief of one loop; also the `ladderbook.debrief/1` JSON (see `json`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Debrief {
    /// In the JSON envelope, not the body (see `json`).
    #[serde(skip)]
    pub book: BookRef,
    pub scorecard: ItemRef,
    pub candidate: Option<String>,
    pub scale: Vec<ScaleStep>,
    pub interviewers: Vec<Interviewer>,
    pub dimensions: Vec<DimensionRow>,
    pub summary: Summary,
    pub notices: Vec<VersionNotice>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemRef {
    pub id: String,
    pub title: String,
}

/// One filled-in scorecard: who, which interview, and what they concluded.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Interviewer {
    /// The interviewer's name, or the file's when the file names nobody.
    pub name: String,
    pub file: String,
    pub interview: ItemRef,
    pub date: Option<String>,
    pub recommendation: Option<Step>,
    pub takeaways: Option<String>,
}

/// A step of the scale, with its position (0 = lowest) for spreads.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Step {
    pub id: String,
    pub label: String,
    pub value: i64,
    #[serde(skip)]
    pub position: usize,
}

impl Step {
    fn at(scale: &[ScaleStep], position: usize) -> Step {
        let step = &scale[position];
        Step {
            id: step.id.clone(),
            label: step.label.clone(),
            value: step.value,
            position,
        }
    }
}

/// One interviewer's entry for one dimension.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rating {
    pub rating: Option<Step>,
    pub notes: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DimensionRow {
    pub competency: String,
    pub name: String,
    /// One per interviewer, in the order of `Debrief::interviewers`.
    pub ratings: Vec<Rating>,
    #[serde(serialize_with = "crate::report::envelope::two_decimals_or_null")]
    pub mean: Option<f64>,
    /// Scale steps between the lowest and highest rating.
    pub spread: Option<usize>,
    /// Two ratings at least [`DISAGREEMENT_STEPS`] apart.
    pub disagreement: bool,
    /// At least one interviewer rated it.
    pub covered: bool,
    /// At least one interview of the scorecard focuses on it.
    pub focused: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    pub interviews: usize,
    /// Every step of the scale, lowest first, with how many recommended it.
    pub recommendations: Vec<Tally>,
    pub no_recommendation: usize,
    #[serde(serialize_with = "crate::report::envelope::two_decimals_or_null")]
    pub mean_recommendation: Option<f64>,
    /// Halfway between the scale's lowest and highest value.
    pub midpoint: f64,
    pub recommendation_spread: Option<usize>,
    pub flagged_dimensions: usize,
    pub not_covered: usize,
    pub verdict: Verdict,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tally {
    #[serde(flatten)]
    pub step: Step,
    pub count: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Verdict {
    pub kind: VerdictKind,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum VerdictKind {
    /// Strong disagreement on a dimension or on the recommendation.
    Mixed,
    LeaningYes,
    LeaningNo,
    /// The mean recommendation is exactly the midpoint.
    Split,
    NoRecommendation,
}

/// Aggregates the files of one loop. The files must have passed
/// `check_files`: at least one, all of the same scorecard.
pub fn debrief(book: &Book, files: &[Filled]) -> Debrief {
    let first = files.first().expect("a debrief has at least one file");
    let scorecard = &book.scorecards[first.scorecard.value];
    let scale = &scorecard.scale;
    let mut ordered: Vec<&Filled> = files.iter().collect();
    ordered.sort_by(|a, b| {
        (a.interview, &a.interviewer, &a.file).cmp(&(b.interview, &b.interviewer, &b.file))
    });
    let interviewers: Vec<Interviewer> =
        ordered.iter().map(|f| interviewer(scorecard, f)).collect();
    let dimensions: Vec<DimensionRow> = (0..scorecard.dimensions.len())
        .map(|d| {
            let competency = &book.competencies[scorecard.dimensions[d].competency];
            let ratings = ordered.iter().map(|f| rating(scale, f, d)).collect();
            let focused = scorecard.interviews.iter().any(|i| i.focus.contains(&d));
            dimension_row(&competency.id, &competency.name, ratings, focused)
        })
        .collect();
    let summary = summarise(scale, &interviewers, &dimensions);
    Debrief {
        book: BookRef::of(book),
        scorecard: ItemRef {
            id: scorecard.id.clone(),
            title: scorecard.title.clone(),
        },
        candidate: ordered
            .iter()
            .find_map(|f| f.candidate.as_ref().map(|c| c.value.clone())),
        scale: scale.clone(),
        interviewers,
        dimensions,
        summary,
        notices: ordered
            .iter()
            .filter_map(|f| version_notice(book, f))
            .collect(),
    }
}

fn interviewer(scorecard: &Scorecard, file: &Filled) -> Interviewer {
    let interview = &scorecard.interviews[file.interview];
    Interviewer {
        name: file
            .interviewer
            .clone()
            .unwrap_or_else(|| file.file.clone()),
        file: file.file.clone(),
        interview: ItemRef {
            id: interview.id.clone(),
            title: interview.title.clone(),
        },
        date: file.date.clone(),
        recommendation: file.recommendation.map(|p| Step::at(&scorecard.scale, p)),
        takeaways: file.takeaways.clone(),
    }
}

/// What `file` says about dimension `d` (nothing, when it has no entry).
fn rating(scale: &[ScaleStep], file: &Filled, d: usize) -> Rating {
    let entry = file.ratings.iter().find(|r| r.dimension == d);
    Rating {
        rating: entry.and_then(|r| r.rating).map(|p| Step::at(scale, p)),
        notes: entry.and_then(|r| r.notes.clone()),
    }
}

fn dimension_row(id: &str, name: &str, ratings: Vec<Rating>, focused: bool) -> DimensionRow {
    let steps: Vec<&Step> = ratings.iter().filter_map(|r| r.rating.as_ref()).collect();
    let values: Vec<i64> = steps.iter().map(|s| s.value).collect();
    let positions: Vec<usize> = steps.iter().map(|s| s.position).collect();
    let spread = spread(&positions);
    DimensionRow {
        competency: id.to_string(),
        name: name.to_string(),
        mean: mean(&values),
        spread,
        disagreement: spread.is_some_and(|s| s >= DISAGREEMENT_STEPS),
        covered: !steps.is_empty(),
        focused,
        ratings,
    }
}

fn summarise(scale: &[ScaleStep], interviewers: &[Interviewer], rows: &[DimensionRow]) -> Summary {
    let recommended: Vec<&Step> = interviewers
        .iter()
        .filter_map(|i| i.recommendation.as_ref())
        .collect();
    let recommendations = (0..scale.len())
        .map(|p| Tally {
            step: Step::at(scale, p),
            count: recommended.iter().filter(|s| s.position == p).count(),
        })
        .collect();
    let values: Vec<i64> = recommended.iter().map(|s| s.value).collect();
    let positions: Vec<usize> = recommended.iter().map(|s| s.position).collect();
    let mean_recommendation = mean(&values);
    let recommendation_spread = spread(&positions);
    let midpoint = midpoint(scale);
    let flagged_dimensions = rows.iter().filter(|r| r.disagreement).count();
    Summary {
        interviews: interviewers.len(),
        recommendations,
        no_recommendation: interviewers.len() - recommended.len(),
        mean_recommendation,
        midpoint,
        recommendation_spread,
        flagged_dimensions,
        not_covered: rows.iter().filter(|r| !r.covered).count(),
        verdict: verdict(
            mean_recommendation,
            midpoint,
            recommendation_spread,
            flagged_dimensions,
        ),
    }
}

/// The arithmetic mean, `None` for no values.
pub fn mean(values: &[i64]) -> Option<f64> {
    (!values.is_empty()).then(|| values.iter().sum::<i64>() as f64 / values.len() as f64)
}

/// Steps between the lowest and highest position, `None` for none.
pub fn spread(positions: &[usize]) -> Option<usize> {
    let max = positions.iter().max()?;
    let min = positions.iter().min()?;
    Some(max - min)
}

/// Halfway between the lowest and highest value of the scale.
pub fn midpoint(scale: &[ScaleStep]) -> f64 {
    match (scale.first(), scale.last()) {
        (Some(low), Some(high)) => (low.value + high.value) as f64 / 2.0,
        _ => 0.0,
    }
}

/// The verdict line: mixed when interviewers strongly disagree (on a
/// dimension or on the recommendation), else where the mean recommendation
/// falls against the scale's midpoint.
pub fn verdict(
    mean: Option<f64>,
    midpoint: f64,
    recommendation_spread: Option<usize>,
    flagged: usize,
) -> Verdict {
    let mut reasons = Vec::new();
    if flagged > 0 {
        reasons.push(format!(
            "{} with strong disagreement",
            count(flagged, "dimension")
        ));
    }
    if let Some(steps) = recommendation_spread.filter(|&s| s >= DISAGREEMENT_STEPS) {
        reasons.push(format!("recommendations {steps} steps apart"));
    }
    let (kind, text) = if !reasons.is_empty() {
        (
            VerdictKind::Mixed,
            format!("Mixed: {} — discuss before deciding", reasons.join(" and ")),
        )
    } else {
        match mean {
            None => (
                VerdictKind::NoRecommendation,
                "No recommendation: no interviewer gave one — decide from the dimensions".into(),
            ),
            Some(m) if (m - midpoint).abs() < 1e-9 => (
                VerdictKind::Split,
                format!(
                    "Split: the mean recommendation {m:.1} is the scale's midpoint — discuss before deciding"
                ),
            ),
            Some(m) if m > midpoint => (
                VerdictKind::LeaningYes,
                format!(
                    "Leaning yes: the mean recommendation {m:.1} is above the scale's midpoint {midpoint:.1}"
                ),
            ),
            Some(m) => (
                VerdictKind::LeaningNo,
                format!(
                    "Leaning no: the mean recommendation {m:.1} is below the scale's midpoint {midpoint:.1}"
                ),
            ),
        }
    };
    Verdict { kind, text }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::filled::scorecard::FilledRating;
    use crate::filled::testing::{filled, test_book};

    fn rated(dimension: usize, rating: usize) -> FilledRating {
        FilledRating {
            competency: String::new(),
            dimension,
            rating: Some(rating),
            notes: None,
            meets: None,
            exceeds: None,
        }
    }

    #[test]
    fn spread_counts_scale_steps_and_mean_averages_values() {
        assert_eq!(spread(&[]), None);
        assert_eq!(spread(&[2]), Some(0));
        assert_eq!(spread(&[0, 3, 1]), Some(3));
        assert_eq!(mean(&[]), None);
        assert_eq!(mean(&[1, 2, 4]), Some(7.0 / 3.0));
    }

    #[test]
    fn spread_is_in_steps_not_values() {
        // Values 1, 5, 10: one step apart, though the values are far apart.
        let scale: Vec<ScaleStep> = [("low", 1), ("mid", 5), ("high", 10)]
            .into_iter()
            .map(|(id, value)| ScaleStep {
                id: id.into(),
                label: id.into(),
                value,
            })
            .collect();
        let ratings = [0, 1]
            .into_iter()
            .map(|p| Rating {
                rating: Some(Step::at(&scale, p)),
                notes: None,
            })
            .collect();
        let row = dimension_row("x", "X", ratings, true);
        assert_eq!(row.spread, Some(1));
        assert!(!row.disagreement);
        assert_eq!(row.mean, Some(3.0));
        assert_eq!(midpoint(&scale), 5.5);
    }

    #[test]
    fn verdicts_follow_disagreement_then_the_mean() {
        let v = |mean, spread, flagged| verdict(mean, 2.5, spread, flagged);
        assert_eq!(v(Some(3.0), Some(1), 0).kind, VerdictKind::LeaningYes);
        assert_eq!(v(Some(2.0), Some(1), 0).kind, VerdictKind::LeaningNo);
        assert_eq!(v(Some(2.5), Some(1), 0).kind, VerdictKind::Split);
        assert_eq!(v(None, None, 0).kind, VerdictKind::NoRecommendation);
        assert_eq!(
            v(Some(3.5), Some(1), 2).text,
            "Mixed: 2 dimensions with strong disagreement — discuss before deciding"
        );
        assert_eq!(
            v(Some(2.5), Some(3), 1).text,
            "Mixed: 1 dimension with strong disagreement and recommendations 3 steps apart — discuss before deciding"
        );
        assert_eq!(
            v(Some(3.25), Some(1), 0).text,
            "Leaning yes: the mean recommendation 3.2 is above the scale's midpoint 2.5"
        );
    }

    #[test]
    fn a_loop_is_aggregated_per_dimension_in_scorecard_order() {
        let book = test_book();
        let mut ann = filled("ann.json", 0);
        ann.interviewer = Some("Ann".into());
        ann.interview = 0;
        ann.ratings = vec![rated(0, 3), rated(2, 2)];
        ann.recommendation = Some(3);
        let mut bob = filled("bob.json", 0);
        bob.interviewer = Some("Bob".into());
        bob.interview = 1;
        bob.ratings = vec![rated(0, 1), rated(1, 2)];
        bob.recommendation = Some(2);
        // Given in the "wrong" order: the interview order decides.
        let debrief = debrief(&book, &[bob, ann]);
        let names: Vec<_> = debrief
            .interviewers
            .iter()
            .map(|i| i.name.as_str())
            .collect();
        assert_eq!(names, ["Ann", "Bob"]);
        let rows: Vec<_> = debrief
            .dimensions
            .iter()
            .map(|r| {
                (
                    r.competency.as_str(),
                    r.mean,
                    r.spread,
                    r.disagreement,
                    r.covered,
                    r.focused,
                )
            })
            .collect();
        assert_eq!(
            rows,
            [
                ("incident-management", Some(3.0), Some(2), true, true, true),
                ("slo-practice", Some(3.0), Some(0), false, true, true),
                ("coaching", Some(3.0), Some(0), false, true, true),
                ("finops", None, None, false, false, false),
            ]
        );
        let labels: Vec<_> = debrief.dimensions[0]
            .ratings
            .iter()
            .map(|r| r.rating.as_ref().map(|s| s.label.as_str()))
            .collect();
        assert_eq!(labels, [Some("Strong yes"), Some("No")]);
        let summary = &debrief.summary;
        assert_eq!(summary.interviews, 2);
        let tally: Vec<_> = summary.recommendations.iter().map(|t| t.count).collect();
        assert_eq!(tally, [0, 0, 1, 1]);
        assert_eq!(summary.mean_recommendation, Some(3.5));
        assert_eq!(summary.flagged_dimensions, 1);
        assert_eq!(summary.not_covered, 1);
        assert_eq!(summary.verdict.kind, VerdictKind::Mixed);
        assert_eq!(
            debrief.notices.len(),
            2,
            "the test files name another version"
        );
    }
}
