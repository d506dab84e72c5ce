//! Readiness: how much of the level a file rates is met (consistently or
//! beyond), and the gaps that stand between the person and it: the
//! expectations furthest below "consistently" (unrated counts as not yet),
//! the book's order breaking ties.

use crate::content::model::Book;
use crate::filled::assessment::{Assessment, GOAL, expectations};

/// How many gaps are named per person.
pub const TOP_GAPS: usize = 3;

/// One person's readiness for the level their file rates.
#[derive(Debug, Clone, PartialEq)]
pub struct Readiness {
    pub met: usize,
    pub total: usize,
    /// Indices into `expectations(book, file.level)`, with the rating
    /// (`None`: not rated), largest gap first.
    pub gaps: Vec<(usize, Option<usize>)>,
}

impl Readiness {
    pub fn share(&self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            self.met as f64 / self.total as f64
        }
    }
}

pub fn readiness(book: &Book, file: &Assessment) -> Readiness {
    let total = expectations(book, file.level).len();
    let rating_of = |index: usize| {
        file.ratings
            .iter()
            .find(|r| r.expectation == index)
            .and_then(|r| r.rating)
    };
    let ratings: Vec<Option<usize>> = (0..total).map(rating_of).collect();
    readiness_of(&ratings)
}

/// The arithmetic, on ratings in the level's order.
pub fn readiness_of(ratings: &[Option<usize>]) -> Readiness {
    let met = ratings.iter().filter(|r| r.unwrap_or(0) >= GOAL).count();
    let mut gaps: Vec<(usize, Option<usize>)> = ratings
        .iter()
        .copied()
        .enumerate()
        .filter(|(_, r)| r.unwrap_or(0) < GOAL)
        .collect();
    // Stable: equal gaps keep the level's order.
    gaps.sort_by_key(|(_, r)| r.unwrap_or(0));
    gaps.truncate(TOP_GAPS);
    Readiness {
        met,
        total: ratings.len(),
        gaps,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_largest_gaps_come_first_in_the_levels_order() {
        // 6 expectations: met are #0 (consistently) and #3 (beyond): 2 of 6.
        // Gaps: #1 partly (1), #2 unrated (0), #4 not yet (0), #5 partly (1).
        // Largest first, ties in order: #2, #4, then #1 (#5 is the fourth).
        let ratings = [Some(2), Some(1), None, Some(3), Some(0), Some(1)];
        let found = readiness_of(&ratings);
        assert_eq!((found.met, found.total), (2, 6));
        assert!((found.share() - 1.0 / 3.0).abs() < 1e-9);
        assert_eq!(found.gaps, [(2, None), (4, Some(0)), (1, Some(1))]);
    }
}
