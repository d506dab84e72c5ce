//! One assessment → what it says per competency of the level it is rated
//! against: how many of the level's expectations it has, how many are rated
//! consistently or beyond, and the mean rating (an unrated expectation
//! counts as "not yet").

use crate::content::model::Book;
use crate::filled::assessment::{GOAL, expectations};
use crate::team::basis::KeyedRatings;

/// One competency of one assessment.
#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    /// Index into `Book::competencies`.
    pub competency: usize,
    pub items: usize,
    /// Items rated consistently or beyond.
    pub met: usize,
    /// Sum of the ratings' values (0 not yet – 3 beyond).
    pub sum: usize,
}

impl Profile {
    pub fn mean(&self) -> f64 {
        if self.items == 0 {
            0.0
        } else {
            self.sum as f64 / self.items as f64
        }
    }

    /// Every expectation of the competency met: the person holds it.
    pub fn meets(&self) -> bool {
        self.items > 0 && self.met == self.items
    }
}

/// The competencies `level` expects, in the book's order, rated from a
/// file's ratings by key (see `basis`): an expectation the file did not
/// rate, or holds no entry for, counts as "not yet".
pub fn profiles(book: &Book, keyed: &KeyedRatings, level: usize) -> Vec<Profile> {
    let mut out: Vec<Profile> = Vec::new();
    for expectation in expectations(book, level) {
        let rating = keyed.get(&expectation.key).copied().flatten().unwrap_or(0);
        if out
            .last()
            .is_none_or(|p| p.competency != expectation.competency)
        {
            out.push(Profile {
                competency: expectation.competency,
                items: 0,
                met: 0,
                sum: 0,
            });
        }
        let profile = out.last_mut().expect("pushed above");
        profile.items += 1;
        profile.sum += rating;
        profile.met += usize::from(rating >= GOAL);
    }
    out
}

#[cfg(test)]
pub mod testing {
    use super::Profile;

    /// A profile from its figures, for the tests of the stages.
    pub fn profile(competency: usize, items: usize, met: usize, sum: usize) -> Profile {
        Profile {
            competency,
            items,
            met,
            sum,
        }
    }
}
