//! Self vs manager: where a person's self-assessment and their manager's
//! rate the same expectation differently. Two steps or more apart (partly
//! vs beyond, not yet vs consistently) is worth the conversation first;
//! one step apart is counted. Only files of the same level compare.

use crate::filled::assessment::Assessment;

/// One expectation the two files rate two or more steps apart.
#[derive(Debug, Clone, PartialEq)]
pub struct Apart {
    /// Index into the level's expectations.
    pub expectation: usize,
    pub self_rating: usize,
    pub manager_rating: usize,
    pub self_notes: Option<String>,
    pub manager_notes: Option<String>,
}

/// The comparison of one person's two files.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// Largest gap first, then the level's order.
    pub apart: Vec<Apart>,
    pub one_step: usize,
    pub agreed: usize,
    /// Mean of self − manager over expectations both rated.
    pub mean_difference: f64,
}

/// `None` when the files rate different levels.
pub fn compare(self_file: &Assessment, manager: &Assessment) -> Option<Comparison> {
    if self_file.level != manager.level {
        return None;
    }
    let mut apart = Vec::new();
    let (mut one_step, mut agreed, mut sum, mut both) = (0, 0, 0i64, 0i64);
    for mine in &self_file.ratings {
        let Some(theirs) = manager
            .ratings
            .iter()
            .find(|r| r.expectation == mine.expectation)
        else {
            continue;
        };
        let (Some(a), Some(b)) = (mine.rating, theirs.rating) else {
            continue;
        };
        both += 1;
        sum += a as i64 - b as i64;
        match a.abs_diff(b) {
            0 => agreed += 1,
            1 => one_step += 1,
            _ => apart.push(Apart {
                expectation: mine.expectation,
                self_rating: a,
                manager_rating: b,
                self_notes: mine.notes.clone(),
                manager_notes: theirs.notes.clone(),
            }),
        }
    }
    apart.sort_by_key(|a| std::cmp::Reverse(a.self_rating.abs_diff(a.manager_rating)));
    Some(Comparison {
        apart,
        one_step,
        agreed,
        mean_difference: if both == 0 {
            0.0
        } else {
            sum as f64 / both as f64
        },
    })
}
