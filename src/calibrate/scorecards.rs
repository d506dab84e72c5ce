//! Per scorecard of the book that has loops: how many loops ran, which
//! interviews are missing from how many of them, the dimensions' statistics,
//! and the competencies the scorecard's levels expect that no loop rated
//! (the kit's loop coverage, now from what the loops did).

use serde::Serialize;

use crate::calibrate::dimensions::{DimensionStats, dimension_stats};
use crate::calibrate::loops::Loop;
use crate::content::model::{Book, ScaleStep};
use crate::filled::scorecard::Filled;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScorecardStats {
    pub id: String,
    pub title: String,
    pub loops: usize,
    pub files: usize,
    pub scale: Vec<ScaleStep>,
    pub interviews: Vec<InterviewStats>,
    pub dimensions: Vec<DimensionStats>,
    /// Expected at one of the scorecard's levels and never rated in a loop.
    pub not_rated: Vec<NotRated>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InterviewStats {
    pub id: String,
    pub title: String,
    /// Loops with at least one scorecard for this interview.
    pub held: usize,
    /// Candidates of the loops without one, in loop order.
    pub missing_from: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NotRated {
    pub competency: String,
    pub name: String,
    /// Whether the scorecard has it as a dimension (rated by nobody) or
    /// does not rate it at all.
    pub dimension: bool,
}

/// One entry per scorecard with loops, in the book's order.
pub fn scorecard_stats(book: &Book, files: &[Filled], loops: &[Loop]) -> Vec<ScorecardStats> {
    (0..book.scorecards.len())
        .filter_map(|s| {
            let mine: Vec<&Loop> = loops.iter().filter(|l| l.scorecard == s).collect();
            (!mine.is_empty()).then(|| one_scorecard(book, s, files, &mine))
        })
        .collect()
}

fn one_scorecard(book: &Book, s: usize, files: &[Filled], loops: &[&Loop]) -> ScorecardStats {
    let card = &book.scorecards[s];
    let interviews = card
        .interviews
        .iter()
        .enumerate()
        .map(|(i, interview)| {
            let (held, missing): (Vec<&&Loop>, Vec<&&Loop>) = loops
                .iter()
                .partition(|l| l.files.iter().any(|&f| files[f].interview == i));
            InterviewStats {
                id: interview.id.clone(),
                title: interview.title.clone(),
                held: held.len(),
                missing_from: missing.iter().map(|l| l.candidate.clone()).collect(),
            }
        })
        .collect();
    let dimensions: Vec<DimensionStats> = (0..card.dimensions.len())
        .map(|d| dimension_stats(book, s, d, files, loops))
        .collect();
    ScorecardStats {
        id: card.id.clone(),
        title: card.title.clone(),
        loops: loops.len(),
        files: loops.iter().map(|l| l.files.len()).sum(),
        scale: card.scale.clone(),
        interviews,
        not_rated: not_rated(book, s, &dimensions),
        dimensions,
    }
}

/// Competencies expected at any of the scorecard's levels, in the book's
/// area order, that no loop rated.
fn not_rated(book: &Book, s: usize, dimensions: &[DimensionStats]) -> Vec<NotRated> {
    let card = &book.scorecards[s];
    book.areas
        .iter()
        .flat_map(|area| area.competencies.iter().copied())
        .filter(|&c| {
            card.levels
                .iter()
                .any(|&l| book.competencies[c].cells[l].is_some())
        })
        .filter_map(|c| {
            let d = card.dimensions.iter().position(|d| d.competency == c);
            let rated = d.is_some_and(|d| dimensions[d].rated.count > 0);
            let competency = &book.competencies[c];
            (!rated).then(|| NotRated {
                competency: competency.id.clone(),
                name: competency.name.clone(),
                dimension: d.is_some(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calibrate::loops::group_loops;
    use crate::diagnostics::Diagnostics;
    use crate::filled::scorecard::FilledRating;
    use crate::filled::testing::{filled, test_book};

    #[test]
    fn missing_interviews_and_unrated_competencies_are_listed() {
        let book = test_book();
        let file = |folder: &str, interview: usize, dimension: usize| {
            let mut f = filled(&format!("{folder}/{interview}.json"), 0);
            f.interview = interview;
            f.ratings = vec![FilledRating {
                competency: String::new(),
                dimension,
                rating: Some(2),
                notes: None,
                meets: None,
                exceeds: None,
            }];
            f
        };
        // Loop a held both interviews, loop b only the first.
        let files = vec![file("a", 0, 0), file("a", 1, 1), file("b", 0, 0)];
        let loops = group_loops(&book, &files, &[], &mut Diagnostics::default());
        let stats = scorecard_stats(&book, &files, &loops);
        assert_eq!(stats.len(), 1, "only scorecards with loops");
        let card = &stats[0];
        assert_eq!((card.loops, card.files), (2, 3));
        let interviews: Vec<_> = card
            .interviews
            .iter()
            .map(|i| (i.id.as_str(), i.held, i.missing_from.clone()))
            .collect();
        assert_eq!(
            interviews,
            [
                ("incident-sim", 2, vec![]),
                ("slo-design", 1, vec!["b/".to_string()])
            ]
        );
        // coaching and finops are dimensions nobody rated; every competency
        // of the tiny book is expected at l1.
        let not_rated: Vec<_> = card
            .not_rated
            .iter()
            .map(|n| (n.competency.as_str(), n.dimension))
            .collect();
        assert_eq!(not_rated, [("coaching", true), ("finops", true)]);
    }
}
