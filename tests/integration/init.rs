//! `ladderbook init` and the bundled book it writes.

use crate::support::TestBook;

#[test]
fn init_into_an_empty_folder_then_build_succeeds() {
    let folder = TestBook::empty();
    folder.run(&["init", "."]).assert_code(0);
    folder.check(&["--deny-warnings"]).assert_code(0);
    folder.run(&["build", "."]).assert_code(0);
    assert!(folder.root().join("site/levels/sre-3.html").is_file());
}

#[test]
fn init_refuses_a_non_empty_folder_without_force() {
    let folder = TestBook::empty().with("notes.txt", "mine");
    let run = folder.run(&["init", "."]);
    run.assert_code(2);
    assert!(run.stderr().contains("--force"), "{}", run.stderr());
    assert!(!folder.root().join("book.toml").exists(), "nothing written");
    folder.run(&["init", ".", "--force"]).assert_code(0);
    assert!(folder.root().join("book.toml").is_file());
    assert_eq!(
        std::fs::read_to_string(folder.root().join("notes.txt")).unwrap(),
        "mine"
    );
}

#[test]
fn init_minimal_is_a_clean_skeleton() {
    let folder = TestBook::empty();
    let run = folder.run(&["init", ".", "--minimal"]);
    run.assert_code(0);
    assert!(
        run.stderr().contains("ladderbook serve"),
        "says what to run next"
    );
    folder.check(&["--deny-warnings"]).assert_code(0);
    folder.run(&["build", "."]).assert_code(0);
}

/// The bundled book must not silently shrink below what it promises.
#[test]
fn the_bundled_book_keeps_what_it_promises() {
    let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let book = TestBook::copy_of(repo, &["book.toml", "content"]);
    book.check(&["--deny-warnings"]).assert_code(0);
    let run = book.run(&["export", ".", "--format", "json"]);
    run.assert_code(0);
    let ladder = run.json();
    let tracks = ladder["tracks"].as_array().unwrap();
    let levels_of = |id: &str| {
        tracks
            .iter()
            .find(|t| t["id"] == id)
            .unwrap_or_else(|| panic!("track {id}"))["levels"]
            .as_array()
            .unwrap()
            .len()
    };
    assert_eq!(levels_of("ic"), 5, "five IC levels, SRE I to Principal");
    assert!(levels_of("management") >= 2);
    assert!(ladder["competencies"].as_array().unwrap().len() >= 14);
    let archetypes: Vec<&str> = ladder["archetypes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    for id in [
        "educator",
        "slo-guard",
        "infrastructure-architect",
        "incident-response-leader",
    ] {
        assert!(archetypes.contains(&id), "archetype {id}");
    }
    let leader = ladder["scorecards"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "engineering-leader")
        .expect("leader loop");
    assert_eq!(leader["dimensions"].as_array().unwrap().len(), 10);
    assert_eq!(leader["interviews"].as_array().unwrap().len(), 4);
    assert!(
        ladder["scorecards"].as_array().unwrap().len() >= 3,
        "leader, senior and mid-level loops"
    );
    let equivalents = ladder["levels"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| !l["equivalent"].is_null())
        .count();
    assert!(equivalents >= 2, "tracks are linked by equivalent levels");
}
