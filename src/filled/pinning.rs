//! Version pinning: a scorecard records the ladder version it was filled
//! against (`book.version`) and the texts of the dimensions it rated. When
//! the book has moved on, the file still counts, but the debrief says what
//! changed under the interviewer's ratings.

use serde::Serialize;

use crate::content::model::{Book, Html};
use crate::filled::scorecard::Filled;

/// What changed in the book since one file was filled.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VersionNotice {
    pub file: String,
    pub interviewer: Option<String>,
    /// The version and title the file names.
    pub filled_version: String,
    pub filled_title: Option<String>,
    /// Rated dimensions whose `meets` or `exceeds` text differs now.
    pub changed: Vec<ChangedDimension>,
    /// Rated dimensions the scorecard no longer has (competency ids).
    pub removed: Vec<String>,
    /// Dimensions the file's interview focuses on now that the file lacks.
    pub added: Vec<DimensionName>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DimensionName {
    pub competency: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChangedDimension {
    pub competency: String,
    pub name: String,
    pub meets: Option<TextChange>,
    pub exceeds: Option<TextChange>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TextChange {
    pub was: String,
    pub now: String,
}

/// The notice for `file`, or `None` when it was filled against this version.
pub fn version_notice(book: &Book, file: &Filled) -> Option<VersionNotice> {
    if file.book_version == book.version {
        return None;
    }
    let scorecard = &book.scorecards[file.scorecard.value];
    let name = |dimension: usize| {
        let competency = &book.competencies[scorecard.dimensions[dimension].competency];
        DimensionName {
            competency: competency.id.clone(),
            name: competency.name.clone(),
        }
    };
    let changed = file
        .ratings
        .iter()
        .filter(|r| r.rating.is_some())
        .filter_map(|r| {
            let now = &scorecard.dimensions[r.dimension];
            let meets = text_change(r.meets.as_deref(), now.meets.as_ref());
            let exceeds = text_change(r.exceeds.as_deref(), now.exceeds.as_ref());
            let DimensionName { competency, name } = name(r.dimension);
            (meets.is_some() || exceeds.is_some()).then_some(ChangedDimension {
                competency,
                name,
                meets,
                exceeds,
            })
        })
        .collect();
    let added = scorecard.interviews[file.interview]
        .focus
        .iter()
        .filter(|&&d| !file.ratings.iter().any(|r| r.dimension == d))
        .map(|&d| name(d))
        .collect();
    Some(VersionNotice {
        file: file.file.clone(),
        interviewer: file.interviewer.clone(),
        filled_version: file.book_version.clone(),
        filled_title: file.book_title.clone(),
        changed,
        removed: file.removed.clone(),
        added,
    })
}

/// The change from the text the file recorded to the book's text now; `None`
/// when equal up to whitespace, or when the file recorded none.
fn text_change(was: Option<&str>, now: Option<&Html>) -> Option<TextChange> {
    let was = was?;
    let now = now.map_or("", |html| html.plain.as_str());
    (squash(was) != squash(now)).then(|| TextChange {
        was: was.to_string(),
        now: now.to_string(),
    })
}

fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::filled::scorecard::FilledRating;
    use crate::filled::testing::{filled, test_book};

    fn rating(dimension: usize, rating: Option<usize>, meets: &str) -> FilledRating {
        FilledRating {
            competency: String::new(),
            dimension,
            rating,
            notes: None,
            meets: Some(meets.into()),
            exceeds: None,
        }
    }

    #[test]
    fn the_same_version_has_no_notice() {
        let book = test_book();
        let mut file = filled("a.json", 0);
        file.book_version = book.version.clone();
        assert_eq!(version_notice(&book, &file), None);
    }

    #[test]
    fn changed_removed_and_added_dimensions_are_listed() {
        let book = test_book();
        let mut file = filled("a.json", 0);
        file.book_version = "0000000000000000".into();
        // incident-sim focuses on incident-management (0) and coaching (2).
        file.interview = 0;
        file.ratings = vec![
            rating(0, Some(2), "Calm  response."),
            rating(1, Some(2), "Old SLO text."),
            rating(3, None, "Old, but not rated."),
        ];
        file.removed = vec!["toil".into()];
        let notice = version_notice(&book, &file).expect("versions differ");
        assert_eq!(notice.filled_version, "0000000000000000");
        assert_eq!(
            notice.changed,
            vec![ChangedDimension {
                competency: "slo-practice".into(),
                name: "SLO practice".into(),
                meets: Some(TextChange {
                    was: "Old SLO text.".into(),
                    now: "Sensible SLIs.".into()
                }),
                exceeds: None,
            }]
        );
        assert_eq!(notice.removed, vec!["toil".to_string()]);
        assert_eq!(
            notice.added,
            vec![DimensionName {
                competency: "coaching".into(),
                name: "Coaching".into()
            }]
        );
    }
}
