//! Fitting the ecosystem: the JSON Schemas editors validate with, shell
//! completions, colours, `import --from csv` and its round trip with
//! `export --format csv`.

use std::path::{Path, PathBuf};

use ladderbook::content::source::{classify, split_front_matter};
use ladderbook::schema;
use serde_json::Value;

use crate::support::{TestBook, fixtures_dir};

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

// ---------------------------------------------------------------- schemas

/// A file of a book and the JSON instance its schema validates.
struct Instance {
    file: String,
    kind: &'static str,
    json: Value,
}

/// Every file of the book at `root` that a schema describes and that
/// parses (a file that does not is the parser's problem, not the schema's).
fn instances(root: &Path) -> Vec<Instance> {
    let mut found = Vec::new();
    if let Ok(text) = std::fs::read_to_string(root.join("book.toml"))
        && let Ok(node) = ladderbook::toml_tree::parse(&text)
    {
        found.push(Instance {
            file: "book.toml".into(),
            kind: "book",
            json: schema::to_json(&node),
        });
    }
    let content = root.join("content");
    for entry in walkdir::WalkDir::new(&content).sort_by_file_name() {
        let entry = entry.expect("fixture folders are readable");
        if !entry.file_type().is_file() {
            continue;
        }
        let relative = entry
            .path()
            .strip_prefix(&content)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let Some((kind, _)) = classify(&relative) else {
            continue;
        };
        let Ok(text) = std::fs::read_to_string(entry.path()) else {
            continue; // not UTF-8: a fixture of its own
        };
        let yaml = if relative.ends_with(".md") {
            match split_front_matter(&text) {
                Ok(split) => match split.yaml {
                    Some(yaml) => yaml.to_string(),
                    None => continue,
                },
                Err(_) => continue,
            }
        } else {
            text
        };
        let Ok(node) = ladderbook::yaml::parse(&yaml) else {
            continue;
        };
        found.push(Instance {
            file: format!("content/{relative}"),
            kind: schema::kind_of(kind),
            json: schema::to_json(&node),
        });
    }
    found
}

/// The schema errors of each file of the book at `root`.
fn schema_errors(root: &Path) -> Vec<String> {
    let validators: Vec<(&str, jsonschema::Validator)> = schema::schemas()
        .into_iter()
        .map(|(kind, schema)| {
            let validator = jsonschema::validator_for(&schema)
                .unwrap_or_else(|err| panic!("the {kind} schema compiles: {err}"));
            (kind, validator)
        })
        .collect();
    let mut errors = Vec::new();
    for instance in instances(root) {
        let (_, validator) = validators
            .iter()
            .find(|(kind, _)| *kind == instance.kind)
            .expect("every kind has a validator");
        for error in validator.iter_errors(&instance.json) {
            errors.push(format!(
                "{} {}: {error}",
                instance.file,
                error.instance_path()
            ));
        }
    }
    errors
}

#[test]
fn every_schema_is_a_valid_draft_07_schema() {
    for (kind, schema) in schema::schemas() {
        assert!(jsonschema::meta::is_valid(&schema), "{kind}");
        assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
    }
}

#[test]
fn the_schemas_accept_every_file_of_the_bundled_book() {
    assert!(instances(repo()).len() > 40, "the bundled book is found");
    assert_eq!(schema_errors(repo()), Vec::<String>::new());
}

#[test]
fn the_schemas_accept_the_valid_fixture_and_new_books() {
    assert_eq!(
        schema_errors(&fixtures_dir().join("books/valid")),
        Vec::<String>::new()
    );
    for flags in [&[][..], &["--minimal"][..]] {
        let book = TestBook::empty();
        let mut args = vec!["init", "."];
        args.extend_from_slice(flags);
        book.run(&args).assert_code(0);
        assert_eq!(
            schema_errors(book.root()),
            Vec::<String>::new(),
            "{flags:?}"
        );
    }
}

/// The invalid fixtures whose problem is one of shape, which a schema sees.
const SCHEMA_ERRORS: &[&str] = &[
    "competency-is-a-list",
    "competency-no-expectations",
    "competency-unknown-field",
    "config-missing-title",
    "config-unknown-field",
    "config-unknown-section",
    "emphasis-weight-six",
    "emphasis-weight-zero",
    "expectations-mode-unknown",
    "interview-unknown-field",
    "item-missing-text",
    "item-unknown-field",
    "level-unknown-field",
    "order-not-an-integer",
    "rank-not-an-integer",
    "role-apply-not-url",
    "role-currency-unknown",
    "role-employment-type-unknown",
    "role-missing-level",
    "role-remote-wrong",
    "role-unknown-field",
];

/// Schema errors are rejected; the other fixtures' problems (references,
/// ids from file names, duplicates, syntax) are not the schema's to find,
/// and a schema stricter than `check` would flag what `check` accepts.
#[test]
fn the_schemas_reject_the_shape_errors_among_the_invalid_fixtures_and_only_those() {
    let dir = fixtures_dir().join("invalid");
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/fixtures/invalid exists")
        .map(|entry| entry.expect("readable").path())
        .collect();
    cases.sort();
    for case in cases {
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        let errors = schema_errors(&case);
        if SCHEMA_ERRORS.contains(&name.as_str()) {
            assert!(!errors.is_empty(), "{name}: the schema accepts it");
        } else {
            assert_eq!(errors, Vec::<String>::new(), "{name}");
        }
    }
}

#[test]
fn the_schemas_reject_wrong_types_missing_fields_bad_ids_and_weights() {
    let valid = |kind: &str, yaml: &str| -> bool {
        let schema = schema::schema(kind).unwrap();
        let node = ladderbook::yaml::parse(yaml).expect("test YAML parses");
        jsonschema::is_valid(&schema, &schema::to_json(&node))
    };
    assert!(valid("level", "title: L\nrank: 1\nyears: 5\ncode: 3\n"));
    assert!(!valid("level", "rank: 1\n"), "missing title");
    assert!(
        !valid("level", "title: L\nrank: \"1\"\n"),
        "rank is a string"
    );
    assert!(
        !valid("level", "id: Sre_1\ntitle: L\nrank: 1\n"),
        "id pattern"
    );
    assert!(
        !valid("level", "title: L\nrank: 1\ntrack: IC\n"),
        "track id"
    );
    assert!(
        !valid("level", "title: ~\nrank: 1\n"),
        "null is not a value"
    );
    assert!(valid(
        "competency",
        "name: C\narea: A\nexpectations:\n  sre-1: x\n  sre-2: [y, z]\n"
    ));
    assert!(!valid(
        "competency",
        "name: C\narea: A\nexpectations:\n  SRE-1: x\n"
    ));
    assert!(!valid(
        "competency",
        "name: C\narea: A\nexpectations:\n  sre-1: 3\n"
    ));
    assert!(!valid("competency", "name: C\narea: A\nexpectations: {}\n"));
    assert!(valid(
        "competency",
        "name: C\norder: 2\nexpectations:\n  sre-1:\n    - x\n    - text: y\n      examples: [e]\n"
    ));
    assert!(!valid(
        "competency",
        "name: C\nexpectations:\n  sre-1:\n    - examples: [e]\n"
    ));
    assert!(valid(
        "archetype",
        "name: A\nemphasis:\n  slo: 1\n  ops: 5\n"
    ));
    assert!(!valid("archetype", "name: A\nemphasis:\n  slo: 6\n"));
    assert!(!valid("archetype", "name: A\nemphasis:\n  slo: 2.5\n"));
    let card = "title: T\nlevels: sre-1\ndimensions:\n  - competency: slo\ninterviews:\n  - id: one\n    title: One\n    minutes: 45\n    focus: slo\n";
    assert!(valid("scorecard", card));
    assert!(!valid("scorecard", &card.replace("45", "0")));
    assert!(!valid("scorecard", &card.replace("id: one", "id: One")));
    assert!(!valid(
        "scorecard",
        &format!("{card}scale:\n  - {{ id: only, label: Only, value: 1 }}\n")
    ));
    assert!(valid("tracks", "- id: ic\n  name: IC\n"));
    assert!(!valid("tracks", "[]\n"));
    assert!(!valid("page", "order: 1\n"));
    assert!(valid("index", "order: 1\n"));
}

#[test]
fn schema_prints_every_kind_or_writes_one_file_each() {
    let book = TestBook::empty();
    let run = book.run(&["schema"]);
    run.assert_code(0);
    let all = run.json();
    let kinds: Vec<&str> = all
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let mut expected = schema::KINDS.to_vec();
    expected.extend(schema::FILLED_KINDS);
    expected.sort_unstable();
    assert_eq!(kinds, expected);

    book.run(&["schema", "--out", "schemas"]).assert_code(0);
    for kind in schema::KINDS.iter().chain(&schema::FILLED_KINDS) {
        let path = book
            .root()
            .join("schemas")
            .join(format!("{kind}.schema.json"));
        let written: Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        assert_eq!(written, all[kind], "{kind}");
    }
}

#[test]
fn init_writes_the_schemas_and_points_each_file_at_its_own() {
    let book = TestBook::empty();
    book.run(&["init", "."]).assert_code(0);
    let read = |path: &str| std::fs::read_to_string(book.root().join(path)).unwrap();
    assert!(read("book.toml").starts_with("#:schema ./schemas/book.schema.json\n"));
    assert!(
        read("content/levels/sre-3.md")
            .starts_with("---\n# yaml-language-server: $schema=../../schemas/level.schema.json\n")
    );
    assert!(
        read("content/scorecards/senior-sre.yaml")
            .starts_with("# yaml-language-server: $schema=../../schemas/scorecard.schema.json\n")
    );
    for kind in schema::KINDS {
        assert!(
            book.root()
                .join(format!("schemas/{kind}.schema.json"))
                .is_file()
        );
    }
}

/// The modeline is a line of the file like any other: a problem below it
/// is reported on the line an editor shows.
#[test]
fn positions_count_the_modeline_line() {
    let book = TestBook::empty();
    book.run(&["init", ".", "--minimal"]).assert_code(0);
    let level = std::fs::read_dir(book.root().join("content/levels"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let text = std::fs::read_to_string(&level).unwrap();
    assert!(text.starts_with("---\n# yaml-language-server:"));
    let broken = text.replacen("\nrank:", "\nranc: 1\nrank:", 1);
    std::fs::write(&level, &broken).unwrap();
    let line = broken.lines().position(|l| l.starts_with("ranc:")).unwrap() + 1;
    let run = book.check(&["--format", "json"]);
    run.assert_code(1);
    let name = level.file_name().unwrap().to_string_lossy();
    assert_eq!(
        run.diagnostic_lines(),
        [format!(
            "content/levels/{name}:{line}:1: error[unknown-field]: unknown field `ranc` in a level"
        )]
    );
}

// ------------------------------------------------- completions and colour

#[test]
fn completions_for_every_shell_name_the_subcommands() {
    let book = TestBook::empty();
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let run = book.run(&["completions", shell]);
        run.assert_code(0);
        for command in [
            "check",
            "build",
            "import",
            "schema",
            "completions",
            "debrief",
        ] {
            assert!(run.stdout.contains(command), "{shell}: {command}");
        }
    }
    let run = book.run(&["completions", "tcsh"]);
    run.assert_code(2);
    assert!(run.stderr.contains("possible values"), "{}", run.stderr);
}

const ESCAPE: char = '\u{1b}';

#[test]
fn no_color_and_color_never_turn_off_every_colour() {
    let book = TestBook::fixture("invalid/level-unknown-field");
    // A usage error (clap's output) and diagnostics (ladderbook's own).
    for args in [&["chek"][..], &["check", "."][..]] {
        let mut with_always = vec!["--color", "always"];
        with_always.extend_from_slice(args);
        let run = book.run(&with_always);
        assert!(run.stderr.contains(ESCAPE), "--color always {args:?}");

        let mut command = book.command(args);
        command.env("NO_COLOR", "1").env("CLICOLOR_FORCE", "1");
        let run = book.run_command(command);
        assert!(
            !run.stderr.contains(ESCAPE),
            "NO_COLOR {args:?}: {}",
            run.stderr
        );

        let mut with_never = vec!["--color", "never"];
        with_never.extend_from_slice(args);
        let mut command = book.command(&with_never);
        command.env_remove("NO_COLOR").env("CLICOLOR_FORCE", "1");
        let run = book.run_command(command);
        assert!(
            !run.stderr.contains(ESCAPE),
            "--color never {args:?}: {}",
            run.stderr
        );
    }
}

#[test]
fn wrong_usage_says_what_to_type_instead() {
    let book = TestBook::empty();
    let run = book.run(&["chek"]);
    run.assert_code(2);
    assert!(run.stderr.contains("'check'"), "{}", run.stderr);
    let run = book.run(&["import", "x.csv"]);
    run.assert_code(2);
    assert!(run.stderr.contains("--from <FROM>"), "{}", run.stderr);
    let run = book.run(&["--version"]);
    run.assert_code(0);
    assert!(run.stdout.contains("content format: 1"), "{}", run.stdout);
    for command in [
        "init",
        "check",
        "build",
        "serve",
        "export",
        "debrief",
        "import",
        "schema",
        "completions",
    ] {
        let run = book.run(&["help", command]);
        run.assert_code(0);
        assert!(run.stdout.contains("Examples:"), "{command}");
    }
}

// ------------------------------------------------------------- csv import

/// export → import into an empty folder → export gives the same CSV.
fn assert_round_trip(source: &TestBook) {
    let exported = source.run(&["export", ".", "--format", "csv"]);
    exported.assert_code(0);
    let target = TestBook::empty();
    std::fs::write(target.root().join("../ladder.csv"), &exported.stdout).unwrap();
    let run = target.run(&["import", "--from", "csv", "../ladder.csv", "."]);
    run.assert_code(0);
    target.check(&["--deny-warnings"]).assert_code(0);
    let again = target.run(&["export", ".", "--format", "csv"]);
    again.assert_code(0);
    assert!(exported.stdout.lines().count() > 5);
    assert_eq!(again.stdout, exported.stdout);
}

#[test]
fn csv_round_trips_through_import_for_the_bundled_book() {
    assert_round_trip(&TestBook::copy_of(repo(), &["book.toml", "content"]));
}

#[test]
fn csv_round_trips_through_import_for_the_valid_fixture() {
    assert_round_trip(&TestBook::fixture("books/valid"));
}

#[test]
fn csv_cells_a_spreadsheet_would_run_are_text_and_round_trip() {
    let config = std::fs::read_to_string(fixtures_dir().join("books/valid/book.toml"))
        .unwrap()
        .replace("\"Collaboration\"", "\"@Collaboration\"");
    let source = TestBook::fixture("books/valid")
        .with("book.toml", config)
        .with(
            "content/competencies/coaching.yaml",
            "name: '=HYPERLINK(\"http://evil.example\", \"Coaching\")'\n\
         area: '@Collaboration'\n\
         summary: Grows others.\n\
         expectations:\n  \
         sre-3: \"-5% error budget, at most.\\nRuns a guild.\"\n  \
         mgr-1: \"'+ coaches'\"\n",
        );
    source.check(&["--deny-warnings"]).assert_code(0);
    let exported = source.run(&["export", ".", "--format", "csv"]);
    exported.assert_code(0);
    let mut reader = csv::Reader::from_reader(exported.stdout.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let coaching: Vec<&csv::StringRecord> =
        rows.iter().filter(|row| &row[6] == "coaching").collect();
    assert_eq!(coaching.len(), 2);
    for row in &coaching {
        assert!(row[5].starts_with("'@"), "{row:?}");
        assert!(row[7].starts_with("'=HYPERLINK"), "{row:?}");
    }
    let cells: Vec<&str> = coaching.iter().map(|row| &row[8]).collect();
    assert!(
        cells.contains(&"'-5% error budget, at most.\nRuns a guild."),
        "{cells:?}"
    );
    assert!(cells.contains(&"''+ coaches'"), "{cells:?}");
    assert!(
        rows.iter()
            .flat_map(|row| row.iter())
            .all(|cell| !cell.starts_with(['=', '+', '-', '@'])),
        "no cell starts a formula"
    );
    assert_round_trip(&source);
}

#[test]
fn carried_over_rows_are_not_written_as_own_entries() {
    let source = TestBook::fixture("books/valid");
    let csv = source.run(&["export", ".", "--format", "csv"]).stdout;
    assert!(csv.contains(",incident-management,Incident management,Leads Sev-3 incidents; writes the postmortem.,sre-2"));
    let target = TestBook::empty();
    std::fs::write(target.root().join("../ladder.csv"), &csv).unwrap();
    target
        .run(&["import", "--from", "csv", "../ladder.csv", "."])
        .assert_code(0);
    let yaml = std::fs::read_to_string(
        target
            .root()
            .join("content/competencies/incident-management.yaml"),
    )
    .unwrap();
    assert!(yaml.contains("sre-2:"), "{yaml}");
    assert!(
        !yaml.contains("sre-3:"),
        "carried over, not written:\n{yaml}"
    );
}

#[test]
fn import_reads_standard_input() {
    let source = TestBook::fixture("books/valid");
    let csv = source.run(&["export", ".", "--format", "csv"]).stdout;
    let target = TestBook::empty();
    let mut command = target.command(&["import", "--from", "csv", "-", "."]);
    command.stdin(std::process::Stdio::piped());
    command.stdout(std::process::Stdio::piped());
    command.stderr(std::process::Stdio::piped());
    let mut child = command.spawn().unwrap();
    std::io::Write::write_all(&mut child.stdin.take().unwrap(), csv.as_bytes()).unwrap();
    let output = child.wait_with_output().unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(target.root().join("content/tracks.yaml").is_file());
}

const HEADER: &str = "track,level,level_code,level_title,rank,area,competency,competency_name,expectation,carried_from\n";

/// Runs an import of `csv`; returns the run and whether anything was written.
fn import_of(csv: &str) -> (crate::support::Run, bool) {
    let book = TestBook::empty();
    std::fs::write(book.root().join("../ladder.csv"), csv).unwrap();
    let run = book.run(&["import", "--from", "csv", "../ladder.csv", "."]);
    let written = std::fs::read_dir(book.root()).unwrap().next().is_some();
    (run, written)
}

#[test]
fn import_reports_a_missing_column() {
    let (run, written) =
        import_of("level,level_title,area,competency,competency_name,expectation\ne-1,E,A,c,C,x\n");
    run.assert_code(1);
    assert!(!written);
    assert!(
        run.stderr()
            .contains("error[csv-missing-column]: the header row has no `rank` column"),
        "{}",
        run.stderr()
    );
}

#[test]
fn import_reports_a_bad_id_with_a_suggestion() {
    let (run, written) = import_of(&format!("{HEADER}default,Senior Eng,,Senior,1,A,c,C,x,\n"));
    run.assert_code(1);
    assert!(!written);
    let stderr = run.stderr();
    assert!(
        stderr.contains("error[invalid-id]: `Senior Eng` in the `level` column is not a valid id"),
        "{stderr}"
    );
    assert!(stderr.contains("`senior-eng`"), "{stderr}");
    assert!(stderr.contains("ladder.csv:2:1"), "{stderr}");
}

#[test]
fn import_reports_a_duplicate_rank() {
    let (run, written) = import_of(&format!(
        "{HEADER}default,e-1,,E1,1,A,c,C,x,\ndefault,e-2,,E2,1,A,c,C,y,\n"
    ));
    run.assert_code(1);
    assert!(!written);
    assert!(
        run.stderr().contains(
            "error[duplicate-rank]: rank 1 is already taken in the `default` track by `e-1` (line 2)"
        ),
        "{}",
        run.stderr()
    );
}

#[test]
fn import_refuses_a_non_empty_folder_without_force() {
    let csv = format!("{HEADER}default,e-1,,E1,1,A,c,C,x,\n");
    let book = TestBook::empty().with("notes.txt", "mine");
    std::fs::write(book.root().join("../ladder.csv"), &csv).unwrap();
    let run = book.run(&["import", "--from", "csv", "../ladder.csv", "."]);
    run.assert_code(2);
    assert!(run.stderr().contains("--force"), "{}", run.stderr());
    assert!(!book.root().join("book.toml").exists());
    book.run(&["import", "--from", "csv", "../ladder.csv", ".", "--force"])
        .assert_code(0);
    assert!(book.root().join("content/levels/e-1.md").is_file());
    assert!(book.root().join("schemas/level.schema.json").is_file());
}

// ------------------------------------------------------------ documentation

fn doc(name: &str) -> String {
    std::fs::read_to_string(repo().join("docs").join(name))
        .unwrap_or_else(|err| panic!("docs/{name}: {err}"))
}

/// Every identifier written inside backticks in a Markdown text.
fn code_words(markdown: &str) -> std::collections::BTreeSet<String> {
    markdown
        .split('`')
        .skip(1)
        .step_by(2)
        .flat_map(|span| {
            span.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect()
}

fn json_keys(value: &Value, keys: &mut std::collections::BTreeSet<String>) {
    match value {
        Value::Object(object) => {
            for (key, value) in object {
                keys.insert(key.clone());
                json_keys(value, keys);
            }
        }
        Value::Array(items) => items.iter().for_each(|item| json_keys(item, keys)),
        _ => {}
    }
}

#[test]
fn the_exports_doc_names_every_field_of_ladder_json_and_every_csv_column() {
    let book = TestBook::copy_of(repo(), &["book.toml", "content"]);
    let run = book.run(&["export", ".", "--format", "json"]);
    run.assert_code(0);
    let mut keys = std::collections::BTreeSet::new();
    json_keys(&run.json(), &mut keys);
    let documented = code_words(&doc("exports.md"));
    let missing: Vec<&String> = keys.iter().filter(|k| !documented.contains(*k)).collect();
    assert!(
        missing.is_empty(),
        "docs/exports.md does not name {missing:?}"
    );
    for column in ladderbook::render::export::CSV_COLUMNS {
        assert!(documented.contains(*column), "column {column}");
    }
}

/// The fields of the `#[derive(Serialize)]` structs in a source file (all
/// of `views/` is template data) or of one named struct.
fn struct_fields(source: &str, only: Option<&str>) -> Vec<String> {
    let mut fields = Vec::new();
    let mut inside = only.is_none();
    for line in source.lines() {
        if let Some(name) = only {
            if line.starts_with(&format!("struct {name}")) {
                inside = true;
                continue;
            }
            if inside && line.starts_with('}') {
                break;
            }
        }
        let trimmed = line.trim_start();
        let field = trimmed.strip_prefix("pub ").unwrap_or(trimmed);
        if inside
            && line.starts_with("    ")
            && !line.starts_with("     ")
            && let Some((name, _)) = field.split_once(": ")
            && name.chars().all(|c| c.is_ascii_lowercase() || c == '_')
        {
            fields.push(name.to_string());
        }
    }
    fields
}

#[test]
fn the_theming_doc_names_every_template_and_every_context_field() {
    let theming = doc("theming.md");
    let documented = code_words(&theming);
    for (path, _) in ladderbook::render::theme::TEMPLATES {
        let name = path.trim_start_matches("templates/");
        assert!(
            theming.contains(name),
            "docs/theming.md does not name {name}"
        );
    }
    let mut views: Vec<PathBuf> = std::fs::read_dir(repo().join("src/render/views"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    views.sort();
    let render = std::fs::read_to_string(repo().join("src/render/mod.rs")).unwrap();
    let mut fields = Vec::new();
    for view in &views {
        fields.extend(struct_fields(&std::fs::read_to_string(view).unwrap(), None));
    }
    fields.extend(struct_fields(&render, Some("SiteContext")));
    assert!(fields.len() > 60, "the template data is found: {fields:?}");
    // `PrintItem::item` is flattened into its entry: templates never see it.
    let missing: Vec<&String> = fields
        .iter()
        .filter(|f| *f != "item" && !documented.contains(*f))
        .collect();
    assert!(
        missing.is_empty(),
        "docs/theming.md does not name {missing:?}"
    );
}

#[test]
fn the_ci_files_parse_and_check_before_they_build() {
    for (file, out) in [
        ("ci/github-pages.yml", "_site"),
        ("ci/gitlab-ci.yml", "public"),
    ] {
        let text = doc(file);
        ladderbook::yaml::parse(&text).unwrap_or_else(|err| panic!("{file}: {}", err.message));
        let check = text
            .find("ladderbook check \"$BOOK_DIR\" --deny-warnings")
            .unwrap_or_else(|| panic!("{file} checks the book"));
        let build = text
            .find(&format!("ladderbook build \"$BOOK_DIR\" --out {out}"))
            .unwrap_or_else(|| panic!("{file} builds the site"));
        assert!(check < build, "{file}: check before build");
        assert!(text.contains("cargo install --locked"), "{file}");
        assert!(!text.contains("cargo install --git"), "{file}");
    }
}

#[test]
fn relative_links_in_the_docs_and_readme_lead_to_files() {
    let mut files: Vec<PathBuf> = std::fs::read_dir(repo().join("docs"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    files.push(repo().join("README.md"));
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for target in text
            .split("](")
            .skip(1)
            .filter_map(|rest| rest.split(')').next())
        {
            let path = target.split('#').next().unwrap();
            // `@/` links are the content format's, shown as examples.
            if path.is_empty()
                || path.contains("://")
                || path.starts_with("mailto:")
                || path.starts_with("@/")
            {
                continue;
            }
            let resolved = file.parent().unwrap().join(path);
            assert!(
                resolved.exists(),
                "{} links to {target}, which does not exist",
                file.display()
            );
        }
    }
}
