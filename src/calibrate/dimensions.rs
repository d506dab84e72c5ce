//! Per dimension of a scorecard, over its loops: the distribution of the
//! ratings, how often it was rated, how well interviewers of the same
//! candidate agree (Krippendorff's alpha, ordinal), and whether it moves with
//! the decision (the mean rating in hired loops against not-hired ones).

use serde::Serialize;

use crate::calibrate::interviewers::Rate;
use crate::calibrate::loops::Loop;
use crate::calibrate::stats::{Metric, alpha, mean};
use crate::calibrate::thresholds::THRESHOLDS;
use crate::content::model::{Book, Scorecard};
use crate::filled::scorecard::Filled;
use crate::report::count;
use crate::report::envelope::{two_decimals, two_decimals_or_null};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DimensionStats {
    pub competency: String,
    pub name: String,
    /// Ratings per step of the scale, lowest first.
    pub distribution: Vec<usize>,
    /// Files that rated it, of the scorecard's files.
    pub rated: Rate,
    /// Loops in which someone rated it.
    pub loops_rated: Rate,
    /// Krippendorff's alpha (ordinal) over loops with two or more ratings.
    #[serde(serialize_with = "two_decimals_or_null")]
    pub alpha: Option<f64>,
    /// Loops with two or more ratings (the units alpha is computed over).
    pub alpha_loops: usize,
    /// The mean rating (step) in hired and in not-hired loops.
    pub decision: Option<DecisionGap>,
    pub judgement: DimensionJudgement,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DecisionGap {
    #[serde(serialize_with = "two_decimals")]
    pub hired: f64,
    pub hired_loops: usize,
    #[serde(serialize_with = "two_decimals")]
    pub not_hired: f64,
    pub not_hired_loops: usize,
    /// `hired − not_hired`, in steps.
    #[serde(serialize_with = "two_decimals")]
    pub difference: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DimensionKind {
    /// Every rating on one step: it never separates candidates.
    NeverVaries,
    TooFew,
    /// Alpha under the acceptable limit.
    LowAgreement,
    Agrees,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DimensionJudgement {
    pub kind: DimensionKind,
    pub text: String,
}

/// The statistics of dimension `d` of `scorecard` over its `loops`.
pub fn dimension_stats(
    book: &Book,
    scorecard: usize,
    d: usize,
    files: &[Filled],
    loops: &[&Loop],
) -> DimensionStats {
    let card = &book.scorecards[scorecard];
    let competency = &book.competencies[card.dimensions[d].competency];
    let per_loop: Vec<Vec<usize>> = loops
        .iter()
        .map(|l| l.ratings(files, d).into_iter().map(|(_, p)| p).collect())
        .collect();
    let mut distribution = vec![0; card.scale.len()];
    for &p in per_loop.iter().flatten() {
        distribution[p] += 1;
    }
    let rated = per_loop.iter().map(Vec::len).sum();
    let alpha_loops = per_loop.iter().filter(|u| u.len() >= 2).count();
    let alpha = alpha(&per_loop, card.scale.len(), Metric::Ordinal);
    let decision = decision_gap(loops, &per_loop);
    let loops_rated = per_loop.iter().filter(|u| !u.is_empty()).count();
    let judgement = judge(
        &distribution,
        loops_rated,
        (alpha, alpha_loops),
        decision.as_ref(),
        card,
    );
    DimensionStats {
        competency: competency.id.clone(),
        name: competency.name.clone(),
        distribution,
        rated: Rate {
            count: rated,
            of: loops.iter().map(|l| l.files.len()).sum(),
        },
        loops_rated: Rate {
            count: loops_rated,
            of: loops.len(),
        },
        alpha,
        alpha_loops,
        decision,
        judgement,
    }
}

/// Mean of the per-loop mean ratings, hired against not hired; `None`
/// unless both outcomes have rated loops.
pub fn decision_gap(loops: &[&Loop], per_loop: &[Vec<usize>]) -> Option<DecisionGap> {
    let side = |hire: bool| -> Vec<f64> {
        loops
            .iter()
            .zip(per_loop)
            .filter(|(l, _)| l.decision == Some(hire))
            .filter_map(|(_, ratings)| mean(&ratings.iter().map(|&p| p as f64).collect::<Vec<_>>()))
            .collect()
    };
    let (yes, no) = (side(true), side(false));
    let (hired, not_hired) = (mean(&yes)?, mean(&no)?);
    Some(DecisionGap {
        hired,
        hired_loops: yes.len(),
        not_hired,
        not_hired_loops: no.len(),
        difference: hired - not_hired,
    })
}

/// Never varies (enough ratings in enough loops, all on one step), else too
/// few to judge, else low or acceptable agreement; plus a note when the
/// dimension does not move with the decision.
fn judge(
    distribution: &[usize],
    loops_rated: usize,
    (alpha, alpha_loops): (Option<f64>, usize),
    decision: Option<&DecisionGap>,
    card: &Scorecard,
) -> DimensionJudgement {
    let rated: usize = distribution.iter().sum();
    let used: Vec<usize> = (0..distribution.len())
        .filter(|&s| distribution[s] > 0)
        .collect();
    let enough = rated >= THRESHOLDS.min_ratings && loops_rated >= THRESHOLDS.min_loops;
    let (kind, mut text) = if enough && used.len() == 1 {
        let step = &card.scale[used[0]].label;
        (
            DimensionKind::NeverVaries,
            format!(
                "never varies: all {rated} ratings are “{step}”, so it separates no candidates"
            ),
        )
    } else if alpha_loops < THRESHOLDS.min_loops || alpha.is_none() {
        let loops = count(alpha_loops, "loop");
        (
            DimensionKind::TooFew,
            format!("{loops} rated twice or more: too few to judge agreement"),
        )
    } else {
        let a = alpha.unwrap_or_default();
        if a < THRESHOLDS.alpha_acceptable {
            (
                DimensionKind::LowAgreement,
                format!("low agreement: α = {a:.2} over {alpha_loops} loops"),
            )
        } else {
            (
                DimensionKind::Agrees,
                format!("interviewers agree: α = {a:.2} over {alpha_loops} loops"),
            )
        }
    };
    if let Some(gap) = decision.filter(|g| {
        kind != DimensionKind::NeverVaries
            && g.hired_loops.min(g.not_hired_loops) >= THRESHOLDS.min_decided
            && g.difference.abs() < THRESHOLDS.decision_gap_steps
    }) {
        text.push_str(&format!(
            "; does not move with the decision ({:.1} hired, {:.1} not hired)",
            gap.hired, gap.not_hired
        ));
    }
    DimensionJudgement { kind, text }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calibrate::loops::group_loops;
    use crate::diagnostics::Diagnostics;
    use crate::filled::scorecard::FilledRating;
    use crate::filled::testing::{filled, test_book};

    fn card(folder: &str, who: &str, step: Option<usize>) -> Filled {
        let mut f = filled(&format!("{folder}/{who}.json"), 0);
        f.interviewer = Some(who.into());
        f.ratings = vec![FilledRating {
            competency: String::new(),
            dimension: 1,
            rating: step,
            notes: None,
            meets: None,
            exceeds: None,
        }];
        f
    }

    #[test]
    fn distribution_coverage_and_agreement_worked_by_hand() {
        let book = test_book();
        // Loops a (1, 1), b (2, 2), c (1, 2), d (3, not rated).
        let files = vec![
            card("a", "ann", Some(1)),
            card("a", "bob", Some(1)),
            card("b", "ann", Some(2)),
            card("b", "bob", Some(2)),
            card("c", "ann", Some(1)),
            card("c", "bob", Some(2)),
            card("d", "ann", Some(3)),
            card("d", "bob", None),
        ];
        let loops = group_loops(&book, &files, &[], &mut Diagnostics::default());
        let loops: Vec<&Loop> = loops.iter().collect();
        let stats = dimension_stats(&book, 0, 1, &files, &loops);
        assert_eq!(stats.competency, "slo-practice");
        assert_eq!(stats.distribution, [0, 3, 3, 1]);
        assert_eq!(stats.rated, Rate { count: 7, of: 8 });
        assert_eq!(stats.loops_rated, Rate { count: 4, of: 4 });
        // Units (1,1), (2,2), (1,2): two categories used, so ordinal α equals
        // nominal: 1 − 5 · 2 / 18 = 4/9 (see stats::tests).
        assert!((stats.alpha.unwrap() - 4.0 / 9.0).abs() < 1e-12);
        assert_eq!(stats.alpha_loops, 3);
        assert_eq!(stats.judgement.kind, DimensionKind::TooFew);
        assert_eq!(stats.decision, None);
    }

    #[test]
    fn a_dimension_rated_the_same_everywhere_never_varies() {
        let book = test_book();
        let files: Vec<Filled> = (0..5)
            .flat_map(|l| {
                [
                    card(&format!("l{l}"), "ann", Some(2)),
                    card(&format!("l{l}"), "bob", Some(2)),
                ]
            })
            .collect();
        let loops = group_loops(&book, &files, &[], &mut Diagnostics::default());
        let loops: Vec<&Loop> = loops.iter().collect();
        let stats = dimension_stats(&book, 0, 1, &files, &loops);
        assert_eq!(stats.alpha, None, "no variation: alpha is undefined");
        assert_eq!(stats.judgement.kind, DimensionKind::NeverVaries);
        assert_eq!(
            stats.judgement.text,
            "never varies: all 10 ratings are “Yes”, so it separates no candidates"
        );
    }

    #[test]
    fn the_decision_gap_compares_loop_means() {
        let mut hired = Loop::for_tests(0);
        hired.decision = Some(true);
        let mut rejected = Loop::for_tests(0);
        rejected.decision = Some(false);
        let undecided = Loop::for_tests(0);
        let loops = [&hired, &hired, &rejected, &undecided];
        // Hired loop means 3 and 2 → 2.5; not hired (1 + 2) / 2 = 1.5.
        let per_loop = vec![vec![3, 3], vec![2], vec![1, 2], vec![0]];
        let gap = decision_gap(&loops, &per_loop).unwrap();
        assert_eq!((gap.hired, gap.hired_loops), (2.5, 2));
        assert_eq!((gap.not_hired, gap.not_hired_loops), (1.5, 1));
        assert_eq!(gap.difference, 1.0);
        assert_eq!(decision_gap(&[&hired], &[vec![1]]), None);
    }
}
