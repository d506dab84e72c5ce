//! Per interviewer: how many loops and scorecards, how far their ratings sit
//! from the rest of the panel on the same candidate and dimension (with the
//! count and an interval, so one loop brands nobody), how often they are
//! the outlier, and how often their recommendation matched the decision.
//!
//! Offsets are in scale steps (positions), so loops with different scales
//! compare. Files that name no interviewer count for the panel but get no
//! row of their own.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::calibrate::loops::Loop;
use crate::calibrate::stats::{estimate, mean};
use crate::calibrate::thresholds::THRESHOLDS;
use crate::content::model::Book;
use crate::filled::normalise_name;
use crate::filled::scorecard::Filled;
use crate::report::count;
use crate::report::svg::signed;

/// `count` of `of`: "12 of 40".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
pub struct Rate {
    pub count: usize,
    pub of: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Offset {
    #[serde(serialize_with = "crate::report::envelope::two_decimals")]
    pub mean: f64,
    #[serde(serialize_with = "crate::report::envelope::two_decimals")]
    pub low: f64,
    #[serde(serialize_with = "crate::report::envelope::two_decimals")]
    pub high: f64,
    pub comparisons: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum InterviewerKind {
    TooFew,
    InLine,
    Higher,
    Lower,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InterviewerJudgement {
    pub kind: InterviewerKind,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InterviewerRow {
    /// As first written in the files.
    pub name: String,
    pub loops: usize,
    pub scorecards: usize,
    /// `None` below two comparisons.
    pub offset: Option<Offset>,
    /// Ratings at least `outlier_steps` from the mean of two or more others.
    pub outliers: Rate,
    /// Recommendations on the decision's side of the scale's middle, of the
    /// decided loops where they gave one.
    pub matched_decision: Rate,
    pub judgement: InterviewerJudgement,
}

#[derive(Default)]
struct Tally {
    name: String,
    loops: BTreeSet<usize>,
    scorecards: usize,
    offsets: Vec<f64>,
    outliers: Rate,
    matched: Rate,
}

/// One row per named interviewer, ordered by name.
pub fn interviewer_rows(book: &Book, files: &[Filled], loops: &[Loop]) -> Vec<InterviewerRow> {
    let mut tallies: BTreeMap<String, Tally> = BTreeMap::new();
    for (l, found) in loops.iter().enumerate() {
        let scorecard = &book.scorecards[found.scorecard];
        for &f in &found.files {
            if let Some(t) = tally_of(&mut tallies, &files[f]) {
                t.loops.insert(l);
                t.scorecards += 1;
                if let (Some(hire), Some(step)) = (found.decision, files[f].recommendation) {
                    t.matched.of += 1;
                    t.matched.count +=
                        usize::from(leans(step, scorecard.scale.len()) == Some(hire));
                }
            }
        }
        for d in 0..scorecard.dimensions.len() {
            let ratings = found.ratings(files, d);
            for (i, &(f, own)) in ratings.iter().enumerate() {
                let others: Vec<f64> = ratings
                    .iter()
                    .enumerate()
                    .filter(|&(j, _)| j != i)
                    .map(|(_, &(_, p))| p as f64)
                    .collect();
                let (Some(t), Some(panel)) = (tally_of(&mut tallies, &files[f]), mean(&others))
                else {
                    continue;
                };
                let offset = own as f64 - panel;
                t.offsets.push(offset);
                if others.len() >= 2 {
                    t.outliers.of += 1;
                    t.outliers.count += usize::from(offset.abs() >= THRESHOLDS.outlier_steps);
                }
            }
        }
    }
    tallies.into_values().map(row).collect()
}

/// The tally of `file`'s interviewer, `None` when the file names nobody.
fn tally_of<'t>(tallies: &'t mut BTreeMap<String, Tally>, file: &Filled) -> Option<&'t mut Tally> {
    let name = file.interviewer.as_ref()?;
    let entry = tallies.entry(normalise_name(name)).or_default();
    if entry.name.is_empty() {
        entry.name = name.clone();
    }
    Some(entry)
}

/// Which way a recommendation at `step` of a scale of `steps` leans:
/// `Some(true)` above the middle, `Some(false)` below, `None` on it.
pub fn leans(step: usize, steps: usize) -> Option<bool> {
    let doubled = 2 * step + 1;
    match doubled.cmp(&steps) {
        std::cmp::Ordering::Greater => Some(true),
        std::cmp::Ordering::Less => Some(false),
        std::cmp::Ordering::Equal => None,
    }
}

fn row(t: Tally) -> InterviewerRow {
    let offset = estimate(&t.offsets).map(|e| Offset {
        mean: e.mean,
        low: e.low,
        high: e.high,
        comparisons: e.n,
    });
    let judgement = judge(t.loops.len(), offset.as_ref());
    InterviewerRow {
        name: t.name,
        loops: t.loops.len(),
        scorecards: t.scorecards,
        offset,
        outliers: t.outliers,
        matched_decision: t.matched,
        judgement,
    }
}

/// Lenient or harsh only with enough loops and comparisons, a mean offset of
/// at least `offset_steps`, and an interval that excludes zero.
pub fn judge(loops: usize, offset: Option<&Offset>) -> InterviewerJudgement {
    let comparisons = offset.map_or(0, |o| o.comparisons);
    let (kind, text) = match offset {
        Some(o) if loops >= THRESHOLDS.min_loops && comparisons >= THRESHOLDS.min_comparisons => {
            let size = format!(
                "{} in {}",
                count(comparisons, "comparison"),
                count(loops, "loop")
            );
            if o.low > 0.0 && o.mean >= THRESHOLDS.offset_steps {
                let text = format!(
                    "rates higher than the panel: {} steps ({size})",
                    signed(o.mean)
                );
                (InterviewerKind::Higher, text)
            } else if o.high < 0.0 && o.mean <= -THRESHOLDS.offset_steps {
                let text = format!(
                    "rates lower than the panel: {} steps ({size})",
                    signed(o.mean)
                );
                (InterviewerKind::Lower, text)
            } else {
                (
                    InterviewerKind::InLine,
                    format!("in line with the panel ({size})"),
                )
            }
        }
        _ => (
            InterviewerKind::TooFew,
            format!(
                "{}, {}: too few to judge",
                count(loops, "loop"),
                count(comparisons, "comparison")
            ),
        ),
    };
    InterviewerJudgement { kind, text }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calibrate::loops::group_loops;
    use crate::diagnostics::Diagnostics;
    use crate::filled::scorecard::FilledRating;
    use crate::filled::testing::{filled, test_book};

    fn card(
        name: &str,
        who: &str,
        loop_folder: &str,
        ratings: &[(usize, usize)],
        rec: Option<usize>,
    ) -> Filled {
        let mut f = filled(&format!("{loop_folder}/{name}.json"), 0);
        f.interviewer = Some(who.into());
        f.recommendation = rec;
        f.ratings = ratings
            .iter()
            .map(|&(dimension, step)| FilledRating {
                competency: String::new(),
                dimension,
                rating: Some(step),
                notes: None,
                meets: None,
                exceeds: None,
            })
            .collect();
        f
    }

    #[test]
    fn offsets_outliers_and_matches_worked_by_hand() {
        let book = test_book();
        // Loop a: dimension 0 rated 3 (Ann), 1 (Bob), 1 (Cy).
        //   Ann: 3 − mean(1, 1) = +2 (outlier, 2 others); Bob: 1 − mean(3, 1) = −1;
        //   Cy: 1 − 2 = −1. Dimension 1 rated by Ann only: no comparison.
        // Loop b: dimension 0 rated 2 (Ann), 2 (Bob): offsets 0 and 0.
        let files = vec![
            card("ann", "Ann", "a", &[(0, 3), (1, 2)], Some(3)),
            card("bob", "Bob", "a", &[(0, 1)], Some(1)),
            card("cy", "Cy", "a", &[(0, 1)], None),
            card("ann", "Ann", "b", &[(0, 2)], Some(1)),
            card("bob", "Bob", "b", &[(0, 2)], Some(2)),
        ];
        let decisions = [crate::calibrate::decision::Decision {
            file: "a/decision.json".into(),
            folder: "a".into(),
            candidate: None,
            scorecard: None,
            hire: false,
            pos: crate::node::Pos::new(1, 1),
        }];
        let loops = group_loops(&book, &files, &decisions, &mut Diagnostics::default());
        let rows = interviewer_rows(&book, &files, &loops);
        let ann = &rows[0];
        assert_eq!(
            (ann.name.as_str(), ann.loops, ann.scorecards),
            ("Ann", 2, 2)
        );
        // Offsets +2 and 0: mean 1, sd √2, interval 1 ± 1.96 · √2 / √2.
        let offset = ann.offset.as_ref().unwrap();
        assert_eq!((offset.mean, offset.comparisons), (1.0, 2));
        assert!((offset.low - (1.0 - 1.96)).abs() < 1e-12);
        assert_eq!(ann.outliers, Rate { count: 1, of: 1 });
        // Loop a was not hired; Ann recommended strong-yes (step 3 of 4): no match.
        assert_eq!(ann.matched_decision, Rate { count: 0, of: 1 });
        let bob = &rows[1];
        // Offsets −1 and 0; one outlier check (loop a), not an outlier.
        assert_eq!(bob.offset.as_ref().unwrap().mean, -0.5);
        assert_eq!(bob.outliers, Rate { count: 0, of: 1 });
        assert_eq!(bob.matched_decision, Rate { count: 1, of: 1 });
        assert_eq!(rows[2].offset, None, "one comparison gives no interval");
        assert_eq!(
            rows[2].judgement.text,
            "1 loop, 0 comparisons: too few to judge"
        );
    }

    #[test]
    fn recommendations_lean_by_the_middle_of_the_scale() {
        assert_eq!(leans(0, 4), Some(false));
        assert_eq!(leans(1, 4), Some(false));
        assert_eq!(leans(2, 4), Some(true));
        assert_eq!(
            leans(1, 3),
            None,
            "the middle step of an odd scale leans nowhere"
        );
        assert_eq!(leans(2, 3), Some(true));
    }

    #[test]
    fn only_enough_evidence_and_a_clear_interval_make_a_judgement() {
        let offset = |mean: f64, low: f64, high: f64, comparisons| Offset {
            mean,
            low,
            high,
            comparisons,
        };
        assert_eq!(
            judge(5, Some(&offset(0.8, 0.4, 1.2, 30))).kind,
            InterviewerKind::Higher
        );
        assert_eq!(
            judge(5, Some(&offset(0.8, 0.4, 1.2, 30))).text,
            "rates higher than the panel: +0.8 steps (30 comparisons in 5 loops)"
        );
        assert_eq!(
            judge(6, Some(&offset(-0.7, -1.0, -0.4, 12))).kind,
            InterviewerKind::Lower
        );
        // The interval crosses zero, or the offset is small: in line.
        assert_eq!(
            judge(9, Some(&offset(0.8, -0.1, 1.7, 12))).kind,
            InterviewerKind::InLine
        );
        assert_eq!(
            judge(9, Some(&offset(0.3, 0.1, 0.5, 80))).kind,
            InterviewerKind::InLine
        );
        // Few loops or comparisons: never a judgement, however large.
        assert_eq!(
            judge(4, Some(&offset(2.0, 1.5, 2.5, 40))).kind,
            InterviewerKind::TooFew
        );
        assert_eq!(
            judge(3, Some(&offset(2.0, 1.5, 2.5, 9))).text,
            "3 loops, 9 comparisons: too few to judge"
        );
    }
}
