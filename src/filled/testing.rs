//! A tiny book and blank scorecard files for the unit tests of this module.

use crate::content::model::Book;
use crate::decode::At;
use crate::filled::scorecard::Filled;
use crate::node::Pos;

const FILES: &[(&str, &str)] = &[
    ("book.toml", "[book]\ntitle = \"Test Ladder\"\n"),
    (
        "content/levels/l1.md",
        "---\ntitle: Engineer\nrank: 1\n---\n",
    ),
    (
        "content/competencies/incident-management.yaml",
        "name: Incident management\narea: Reliability\nexpectations:\n  l1: Leads incidents.\n",
    ),
    (
        "content/competencies/slo-practice.yaml",
        "name: SLO practice\narea: Reliability\nexpectations:\n  l1: Sets SLOs.\n",
    ),
    (
        "content/competencies/coaching.yaml",
        "name: Coaching\narea: Collaboration\nexpectations:\n  l1: Mentors.\n",
    ),
    (
        "content/competencies/finops.yaml",
        "name: FinOps\narea: Delivery\nexpectations:\n  l1: Watches cost.\n",
    ),
    (
        "content/scorecards/lead-loop.yaml",
        "title: Lead loop
levels: [l1]
dimensions:
  - { competency: incident-management, meets: Calm response., exceeds: Lowered MTTR. }
  - { competency: slo-practice, meets: Sensible SLIs., exceeds: Error budget policy. }
  - { competency: coaching, meets: Mentors one., exceeds: Grows leads. }
  - { competency: finops, meets: Knows cost drivers. }
interviews:
  - { id: incident-sim, title: Incident simulation, focus: [incident-management, coaching] }
  - { id: slo-design, title: SLO design, focus: [slo-practice] }
",
    ),
    (
        "content/scorecards/other-loop.yaml",
        "title: Other loop
levels: [l1]
dimensions:
  - { competency: coaching }
interviews:
  - { id: chat, title: Chat, focus: [coaching] }
",
    ),
];

/// The book: scorecards `lead-loop` (default scale; dimensions
/// incident-management, slo-practice, coaching, finops — finops with no
/// interview; interviews incident-sim, slo-design) and `other-loop`.
pub fn test_book() -> Book {
    let folder = tempfile::tempdir().expect("a temporary folder can be created");
    for (path, text) in FILES {
        let path = folder.path().join(path);
        std::fs::create_dir_all(path.parent().expect("files are in folders"))
            .expect("folders can be created");
        std::fs::write(path, text).expect("files can be written");
    }
    let loaded = crate::content::load_book(folder.path()).expect("the test book loads");
    assert!(
        !loaded.diagnostics.has_errors(),
        "{:?}",
        loaded.diagnostics.sorted()
    );
    loaded.book
}

/// A file for `scorecard`'s first interview with nothing filled in, made
/// against another version of the ladder.
pub fn filled(file: &str, scorecard: usize) -> Filled {
    Filled {
        file: file.into(),
        book_title: Some("Test Ladder".into()),
        book_version: "ffffffffffffffff".into(),
        scorecard: At::new(scorecard, Pos::new(1, 1)),
        interview: 0,
        candidate: None,
        interviewer: None,
        interviewer_pos: Pos::new(1, 1),
        date: None,
        ratings: Vec::new(),
        removed: Vec::new(),
        takeaways: None,
        recommendation: None,
    }
}
