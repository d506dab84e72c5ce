//! One assessment → what it says per competency: how many of the level's
//! expectations it has, how many are rated consistently or beyond, and the
//! mean rating (an unrated expectation counts as "not yet").

use crate::content::model::Book;
use crate::filled::assessment::{Assessment, GOAL, expectations};

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

/// The competencies the file's level expects, in the book's order.
pub fn profiles(book: &Book, file: &Assessment) -> Vec<Profile> {
    let expected = expectations(book, file.level);
    let mut out: Vec<Profile> = Vec::new();
    for (index, expectation) in expected.iter().enumerate() {
        let rating = file
            .ratings
            .iter()
            .find(|r| r.expectation == index)
            .and_then(|r| r.rating)
            .unwrap_or(0);
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
