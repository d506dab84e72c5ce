//! The whole calibration report: counts, the findings worth a look first
//! (each named, none from too few loops), then the tables per interviewer
//! and per scorecard, the loops, and the notices of a changed ladder. Also
//! the `ladderbook.calibration/1` JSON body (see `json`).

use serde::Serialize;

use crate::calibrate::dimensions::DimensionKind;
use crate::calibrate::interviewers::{InterviewerKind, InterviewerRow, interviewer_rows};
use crate::calibrate::loops::Loop;
use crate::calibrate::scorecards::{ScorecardStats, scorecard_stats};
use crate::calibrate::thresholds::{THRESHOLDS, Thresholds};
use crate::content::model::Book;
use crate::filled::pinning::{VersionNotice, version_notice};
use crate::filled::scorecard::Filled;
use crate::report::count;
use crate::report::envelope::BookRef;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Calibration {
    /// In the JSON envelope, not the body.
    #[serde(skip)]
    pub book: BookRef,
    pub summary: Summary,
    pub thresholds: Thresholds,
    pub findings: Vec<Finding>,
    pub interviewers: Vec<InterviewerRow>,
    pub scorecards: Vec<ScorecardStats>,
    pub loops: Vec<LoopRow>,
    pub notices: Vec<VersionNotice>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    pub files: usize,
    pub loops: usize,
    /// Loops with a recorded decision.
    pub decided: usize,
    pub interviewers: usize,
    /// Below `min_loops`: every figure is shown, none is judged.
    pub too_few: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FindingKind {
    TooFewLoops,
    LenientInterviewer,
    HarshInterviewer,
    NeverVaries,
    LowAgreement,
    MissingInterview,
    NotRated,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub kind: FindingKind,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LoopRow {
    pub scorecard: String,
    pub candidate: String,
    pub files: Vec<String>,
    /// `hire`, `no-hire` or null.
    pub decision: Option<&'static str>,
}

/// The report over checked `files` grouped into `loops`.
pub fn calibrate(book: &Book, files: &[Filled], loops: &[Loop]) -> Calibration {
    let interviewers = interviewer_rows(book, files, loops);
    let scorecards = scorecard_stats(book, files, loops);
    let summary = Summary {
        files: files.len(),
        loops: loops.len(),
        decided: loops.iter().filter(|l| l.decision.is_some()).count(),
        interviewers: interviewers.len(),
        too_few: loops.len() < THRESHOLDS.min_loops,
    };
    let findings = findings(&summary, &interviewers, &scorecards);
    Calibration {
        book: BookRef::of(book),
        summary,
        thresholds: THRESHOLDS,
        findings,
        interviewers,
        scorecards,
        loops: loops
            .iter()
            .map(|l| LoopRow {
                scorecard: book.scorecards[l.scorecard].id.clone(),
                candidate: l.candidate.clone(),
                files: l.files.iter().map(|&f| files[f].file.clone()).collect(),
                decision: l.decision.map(|hire| if hire { "hire" } else { "no-hire" }),
            })
            .collect(),
        notices: loops
            .iter()
            .flat_map(|l| &l.files)
            .filter_map(|&f| version_notice(book, &files[f]))
            .collect(),
    }
}

fn findings(
    summary: &Summary,
    interviewers: &[InterviewerRow],
    scorecards: &[ScorecardStats],
) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut add = |kind, text: String| out.push(Finding { kind, text });
    if summary.too_few {
        add(
            FindingKind::TooFewLoops,
            format!(
                "{}: too few to judge; the figures are shown, no one and nothing is flagged (at least {} are needed)",
                count(summary.loops, "loop"),
                THRESHOLDS.min_loops
            ),
        );
    }
    for row in interviewers {
        let kind = match row.judgement.kind {
            InterviewerKind::Higher => FindingKind::LenientInterviewer,
            InterviewerKind::Lower => FindingKind::HarshInterviewer,
            _ => continue,
        };
        add(kind, format!("{} {}", row.name, row.judgement.text));
    }
    for card in scorecards {
        for d in &card.dimensions {
            let kind = match d.judgement.kind {
                DimensionKind::NeverVaries => FindingKind::NeverVaries,
                DimensionKind::LowAgreement => FindingKind::LowAgreement,
                _ => continue,
            };
            add(
                kind,
                format!("{} ({}): {}", d.name, card.id, d.judgement.text),
            );
        }
        if card.loops >= THRESHOLDS.min_loops {
            for interview in card
                .interviews
                .iter()
                .filter(|i| !i.missing_from.is_empty())
            {
                add(
                    FindingKind::MissingInterview,
                    format!(
                        "{} ({}) is missing from {} of {}",
                        interview.title,
                        card.id,
                        interview.missing_from.len(),
                        count(card.loops, "loop")
                    ),
                );
            }
        }
        if !card.not_rated.is_empty() {
            let mut names: Vec<String> = card
                .not_rated
                .iter()
                .take(6)
                .map(|n| n.name.clone())
                .collect();
            if card.not_rated.len() > 6 {
                names.push(format!("and {} more", card.not_rated.len() - 6));
            }
            let what = match card.not_rated.len() {
                1 => "1 competency".to_string(),
                n => format!("{n} competencies"),
            };
            add(
                FindingKind::NotRated,
                format!(
                    "{what} expected at the levels of {} never rated in a loop: {}",
                    card.id,
                    names.join(", ")
                ),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calibrate::loops::group_loops;
    use crate::diagnostics::Diagnostics;
    use crate::filled::scorecard::FilledRating;
    use crate::filled::testing::{filled, test_book};

    /// `loops` loops of `lead-loop`, each one incident simulation by Ann
    /// rating incident-management "yes".
    fn report(loops: usize) -> Calibration {
        let book = test_book();
        let files: Vec<Filled> = (0..loops)
            .map(|l| {
                let mut f = filled(&format!("l{l}/ann.json"), 0);
                f.interviewer = Some("Ann".into());
                f.ratings = vec![FilledRating {
                    competency: String::new(),
                    dimension: 0,
                    rating: Some(2),
                    notes: None,
                    meets: None,
                    exceeds: None,
                }];
                f
            })
            .collect();
        let grouped = group_loops(&book, &files, &[], &mut Diagnostics::default());
        calibrate(&book, &files, &grouped)
    }

    fn kinds(report: &Calibration) -> Vec<FindingKind> {
        report.findings.iter().map(|f| f.kind).collect()
    }

    #[test]
    fn few_loops_flag_nothing_but_their_own_number() {
        let report = report(4);
        assert!(report.summary.too_few);
        assert_eq!(
            kinds(&report),
            [FindingKind::TooFewLoops, FindingKind::NotRated]
        );
        assert_eq!(
            report.findings[0].text,
            "4 loops: too few to judge; the figures are shown, no one and nothing is flagged (at least 5 are needed)"
        );
    }

    #[test]
    fn enough_loops_name_missing_interviews_and_unrated_competencies() {
        let report = report(5);
        assert_eq!(
            kinds(&report),
            [FindingKind::MissingInterview, FindingKind::NotRated]
        );
        assert_eq!(
            report.findings[0].text,
            "SLO design (lead-loop) is missing from 5 of 5 loops"
        );
        assert_eq!(
            report.findings[1].text,
            // In the book's area order.
            "3 competencies expected at the levels of lead-loop never rated in a loop: Coaching, FinOps, SLO practice"
        );
        assert_eq!(report.summary.loops, 5);
        assert_eq!(report.loops[0].files, ["l0/ann.json"]);
        // The test files name another ladder version: one notice each.
        assert_eq!(report.notices.len(), 5);
    }
}
