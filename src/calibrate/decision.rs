//! A loop's final decision, `decision.json` (`ladderbook.decision/1`), read
//! through the shared reader: whether the candidate was hired, so that
//! recommendations and dimensions can be compared with what was decided.
//!
//! ```json
//! { "format": "ladderbook.decision/1", "candidate": "Jane Doe", "decision": "hire" }
//! ```
//!
//! `decision` is `hire` or `no-hire`. `candidate` and `scorecard` are
//! optional: without `candidate` the decision is for the loop whose
//! scorecards sit in the same folder; `scorecard` picks one loop when a
//! candidate had two. Other fields are ignored (notes, dates, a level).

use crate::content::model::Book;
use crate::decode::At;
use crate::filled::json::{Document, Fields, Kind, hint};
use crate::filled::locate::Target;
use crate::node::Pos;

pub const DECISION_FORMAT: &str = "ladderbook.decision/1";

const KIND: Kind = Kind {
    noun: "decision",
    help: "a decision file is { \"format\": \"ladderbook.decision/1\", \"decision\": \"hire\" } (see docs/workflows.md)",
    missing_help: "a decision file needs `format` and `decision` (`hire` or `no-hire`); see docs/workflows.md",
};

/// One decision file, checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    pub file: String,
    /// The folder the file is in (`""` for the working folder).
    pub folder: String,
    pub candidate: Option<At<String>>,
    /// Index into `Book::scorecards`.
    pub scorecard: Option<At<usize>>,
    pub hire: bool,
    /// Where the `decision` value is, for problems found across files.
    pub pos: Pos,
}

/// Checks a parsed decision file; problems go to `diagnostics`.
pub fn check_decision(
    book: &Book,
    file: &str,
    document: &Document,
    diagnostics: &mut crate::diagnostics::Diagnostics,
) -> Option<Decision> {
    let mut fields = Fields {
        file,
        text: document.text,
        kind: KIND,
        diagnostics,
    };
    let map = fields.object(&document.value)?;
    let errors = fields.diagnostics.error_count();
    let candidate = fields
        .optional_text(map, &["candidate"])
        .map(|name| At::new(name, fields.pos(&["candidate"], Target::Value)));
    let scorecard = fields.optional_text(map, &["scorecard"]).and_then(|id| {
        let pos = fields.pos(&["scorecard"], Target::Value);
        if let Some(index) = book.scorecards.iter().position(|s| s.id == id) {
            return Some(At::new(index, pos));
        }
        let known: Vec<&str> = book.scorecards.iter().map(|s| s.id.as_str()).collect();
        let help = hint(&id, &known, "the book's scorecards");
        let message = format!("this book has no scorecard `{id}`");
        fields
            .error("unknown-scorecard", &["scorecard"], Target::Value, message)
            .help = Some(help);
        None
    });
    let hire = match fields.required_text(map, &["decision"]).as_deref() {
        Some("hire") => Some(true),
        Some("no-hire") => Some(false),
        Some(other) => {
            let message = format!("`{other}` is not a decision");
            fields
                .error("unknown-decision", &["decision"], Target::Value, message)
                .help = Some("a decision is `hire` or `no-hire`".into());
            None
        }
        None => None,
    };
    let pos = fields.pos(&["decision"], Target::Value);
    let hire = hire.filter(|_| fields.diagnostics.error_count() == errors)?;
    Some(Decision {
        file: file.to_string(),
        folder: folder_of(file),
        candidate,
        scorecard,
        hire,
        pos,
    })
}

/// The folder part of a path as given (`a/b/c.json` → `a/b`, `c.json` → ``).
pub fn folder_of(file: &str) -> String {
    std::path::Path::new(file)
        .parent()
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Diagnostics;
    use crate::filled::json::parse;
    use crate::filled::testing::test_book;

    fn check(text: &str) -> (Option<Decision>, Vec<String>) {
        let book = test_book();
        let mut diagnostics = Diagnostics::default();
        let document = parse("jo/decision.json", text.as_bytes(), &KIND, &mut diagnostics).unwrap();
        let decision = check_decision(&book, "jo/decision.json", &document, &mut diagnostics);
        let lines = diagnostics.sorted().iter().map(|d| d.one_line()).collect();
        (decision, lines)
    }

    #[test]
    fn a_decision_names_its_outcome_and_optionally_the_loop() {
        let (decision, problems) = check(
            r#"{"format": "ladderbook.decision/1", "candidate": "Jo", "scorecard": "other-loop", "decision": "no-hire", "notes": "x"}"#,
        );
        assert_eq!(problems, Vec::<String>::new());
        let decision = decision.unwrap();
        assert!(!decision.hire);
        assert_eq!(decision.folder, "jo");
        assert_eq!(decision.candidate.unwrap().value, "Jo");
        assert_eq!(decision.scorecard.unwrap().value, 1);
        let (decision, _) = check(r#"{"format": "ladderbook.decision/1", "decision": "hire"}"#);
        assert!(decision.unwrap().hire);
    }

    #[test]
    fn every_problem_is_reported_at_its_key() {
        let (decision, problems) = check(
            r#"{"format": "ladderbook.decision/1", "scorecard": "lead-lop", "decision": "maybe"}"#,
        );
        assert_eq!(decision, None);
        assert_eq!(
            problems,
            [
                "jo/decision.json:1:50: error[unknown-scorecard]: `scorecard`: this book has no scorecard `lead-lop`",
                "jo/decision.json:1:74: error[unknown-decision]: `decision`: `maybe` is not a decision",
            ]
        );
        let (_, problems) = check(r#"{"format": "ladderbook.decision/1"}"#);
        assert_eq!(
            problems,
            [
                "jo/decision.json:1:1: error[missing-field]: `decision`: this required field is missing"
            ]
        );
    }
}
