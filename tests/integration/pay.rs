//! Pay bands (issue 27): `content/pay.yaml` checked against the levels,
//! published only with `[pay] publish = true`, and `ladderbook pay`.

use std::path::Path;

use crate::support::{TestBook, main_of, read_site};

/// Two tracks: ic1 < ic2 < ic3, and m1 (equivalent of ic3); a promotion guide.
fn pay_book(book_toml_extra: &str, pay_yaml: &str) -> TestBook {
    TestBook::empty()
        .with(
            "book.toml",
            format!("[book]\ntitle = \"Pay\"\n{book_toml_extra}"),
        )
        .with(
            "content/tracks.yaml",
            "- id: ic\n  name: Individual contributor\n- id: mgmt\n  name: Management\n",
        )
        .with("content/levels/ic1.md", "---\ntitle: Engineer\ncode: IC1\ntrack: ic\nrank: 1\n---\n")
        .with("content/levels/ic2.md", "---\ntitle: Senior Engineer\ncode: IC2\ntrack: ic\nrank: 2\n---\n")
        .with(
            "content/levels/ic3.md",
            "---\ntitle: Staff Engineer\ncode: IC3\ntrack: ic\nrank: 3\nequivalent: m1\n---\n",
        )
        .with(
            "content/levels/m1.md",
            "---\ntitle: Engineering Manager\ncode: M1\ntrack: mgmt\nrank: 1\nequivalent: ic3\n---\n",
        )
        .with(
            "content/competencies/craft.yaml",
            "name: Craft\nexpectations:\n  ic1: Writes tests.\n  m1: Reviews the team's designs.\n",
        )
        .with("content/pages/promotion.md", "---\ntitle: Promotions\n---\nHow a promotion is decided.\n")
        .with("content/pay.yaml", pay_yaml)
}

/// Figures no other part of the book contains.
const FLAT: &str = "currency: EUR\nper: YEAR\nbands:\n  ic1: { min: 52317, max: 64129 }\n  ic2: { min: 62741, max: 80263 }\n  ic3: { min: 79583, max: 99871 }\n  m1: { min: 79583, max: 99871 }\n";

/// Every way a figure of [`FLAT`] could be written into a page or export.
fn figure_spellings() -> Vec<String> {
    let mut spellings = Vec::new();
    for figure in [52317, 64129, 62741, 80263, 79583, 99871] {
        let (thousands, rest) = (figure / 1000, figure % 1000);
        spellings.push(figure.to_string());
        for separator in [",", ".", " ", "\u{202F}", "\u{a0}"] {
            spellings.push(format!("{thousands}{separator}{rest:03}"));
        }
    }
    spellings
}

/// Every file below `dir`, as bytes, by path.
fn files_below(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .map(|entry| entry.expect("the output can be walked"))
        .filter(|entry| entry.file_type().is_file())
        .map(|entry| {
            let path = entry
                .path()
                .strip_prefix(dir)
                .unwrap()
                .display()
                .to_string();
            (path, std::fs::read(entry.path()).expect("readable"))
        })
        .collect();
    files.retain(|(path, _)| path != ".ladderbook-manifest");
    files
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w == needle.as_bytes())
}

#[test]
fn unpublished_bands_reach_no_byte_of_the_output_or_the_exports() {
    let book = pay_book("", FLAT);
    book.check(&["--deny-warnings"]).assert_code(0);
    book.run(&["build"]).assert_code(0);
    let json = book.run(&["export", "--format", "json"]);
    let csv = book.run(&["export", "--format", "csv"]);
    let mut outputs = files_below(&book.root().join("site"));
    assert!(
        outputs
            .iter()
            .any(|(path, _)| path.ends_with("search-index.js"))
    );
    outputs.push(("export.json".into(), json.stdout.into_bytes()));
    outputs.push(("export.csv".into(), csv.stdout.into_bytes()));
    for (path, bytes) in &outputs {
        for figure in figure_spellings() {
            assert!(
                !contains(bytes, &figure),
                "{path} holds the figure {figure:?}"
            );
        }
        assert!(!contains(bytes, "EUR"), "{path} names the currency");
    }
    assert!(!book.root().join("site/pay.html").exists());
    // Without pay.yaml the site is the same, byte for byte.
    std::fs::remove_file(book.root().join("content/pay.yaml")).unwrap();
    book.run(&["build", "--out", "site-without"]).assert_code(0);
    assert_eq!(
        files_below(&book.root().join("site-without")),
        files_below(&book.root().join("site"))
    );
}

#[test]
fn published_bands_are_on_level_pages_the_matrix_the_exports_and_the_pay_page() {
    let book = pay_book("[pay]\npublish = true\n", FLAT);
    book.check(&["--deny-warnings"]).assert_code(0);
    book.run(&["build"]).assert_code(0);
    let level = read_site(&book, "levels/ic1.html");
    assert!(
        main_of(&level).contains("€52,317 – €64,129"),
        "{}",
        main_of(&level)
    );
    assert!(main_of(&level).contains("per year"));
    assert!(main_of(&level).contains(r#"href="../pay.html""#));
    let matrix = read_site(&book, "matrix.html");
    assert!(matrix.contains("€62,741 – €80,263"));
    let ladder: serde_json::Value = serde_json::from_str(&read_site(&book, "ladder.json")).unwrap();
    assert_eq!(
        ladder["levels"][0]["pay"],
        serde_json::json!([{ "currency": "EUR", "per": "YEAR", "min": 52317.0, "max": 64129.0 }])
    );
    let csv = read_site(&book, "matrix.csv");
    assert!(csv.lines().next().unwrap().ends_with(",pay_band"), "{csv}");
    assert!(csv.contains("52317–64129 EUR per YEAR"), "{csv}");
    let pay = read_site(&book, "pay.html");
    let main = main_of(&pay);
    for level in ["IC1", "IC2", "IC3", "M1"] {
        assert!(
            main.contains(&format!(r#"<span class="code">{level}</span>"#)),
            "{level}"
        );
    }
    assert!(main.contains("not legal advice"));
    assert!(
        main.contains(r#"href="pages/promotion.html">Promotions</a>"#),
        "{main}"
    );
    // IC3's equivalent is named in its row.
    let ic3_row = &main[main.find(r#"id="pay-ic3""#).unwrap()..];
    let ic3_row = &ic3_row[..ic3_row.find("</tr>").unwrap()];
    assert!(ic3_row.contains("Engineering Manager"), "{ic3_row}");
    assert!(read_site(&book, "levels/index.html").contains(r#"href="../pay.html""#));
}

#[test]
fn zones_are_shown_by_name_and_figures_in_the_book_s_language() {
    let zones = "zones:\n  - id: berlin\n    name: Berlin\n    currency: EUR\n    per: YEAR\n    bands:\n      ic1: { min: 52000, max: 64000 }\n      ic2: { min: 62000, max: 80000 }\n      ic3: { min: 79000, max: 99000 }\n      m1: { min: 79000, max: 99000 }\n  - id: remote-us\n    name: Remote (US)\n    currency: USD\n    per: HOUR\n    bands:\n      ic1: { min: 40, max: 55.5 }\n      ic2: { min: 50, max: 70 }\n      ic3: { min: 65, max: 90 }\n      m1: { min: 65, max: 90 }\n";
    let book = pay_book("[pay]\npublish = true\n", zones).with(
        "book.toml",
        "[book]\ntitle = \"Pay\"\nlanguage = \"de\"\n[pay]\npublish = true\n",
    );
    book.check(&["--deny-warnings"]).assert_code(0);
    book.run(&["build"]).assert_code(0);
    let main = main_of(&read_site(&book, "levels/ic1.html")).to_string();
    assert!(main.contains("Berlin"), "{main}");
    assert!(main.contains("52.000\u{a0}€ – 64.000\u{a0}€"), "{main}");
    assert!(main.contains("Remote (US)"));
    assert!(main.contains("40\u{a0}$ – 55,50\u{a0}$"), "{main}");
    assert!(main.contains("per hour"));
}

#[test]
fn equivalent_levels_with_different_bands_and_bands_out_of_step_are_warnings() {
    let pay = "currency: EUR\nper: YEAR\nbands:\n  ic1: { min: 50000, max: 60000 }\n  ic2: { min: 45000, max: 58000 }\n  ic3: { min: 90000, max: 99000 }\n  m1: { min: 95000, max: 110000 }\n";
    let book = pay_book("", pay);
    let run = book.check(&["--format", "json"]);
    run.assert_code(0);
    assert_eq!(
        run.diagnostic_lines(),
        [
            "content/pay.yaml:5:3: warning[band-order]: the band of `ic2` (45000–58000 EUR) sits lower than the band of `ic1` (50000–60000 EUR), which ranks below it",
            "content/pay.yaml:6:3: warning[unequal-pay]: `ic3` (90000–99000 EUR) and its equivalent `m1` (95000–110000 EUR) have different bands",
            "content/pay.yaml:6:3: warning[band-gap]: a gap between the band of `ic3` (90000–99000 EUR) and the band of `ic2` (45000–58000 EUR) below it",
        ]
    );
    // `[pay]` decides about gaps and overlaps; `[lint]` turns a code off.
    book.write(
        "book.toml",
        "[book]\ntitle = \"Pay\"\n[pay]\nallow-gaps = true\nallow-overlaps = false\n[lint]\noff = [\"unequal-pay\"]\n",
    );
    let run = book.check(&["--format", "json"]);
    let lines = run.diagnostic_lines();
    assert!(
        lines
            .iter()
            .all(|l| !l.contains("band-gap") && !l.contains("unequal-pay")),
        "{lines:?}"
    );
    assert!(lines.iter().any(|l| l.contains("band-order")));
    let overlapping = "currency: EUR\nper: YEAR\nbands:\n  ic1: { min: 50000, max: 60000 }\n  ic2: { min: 58000, max: 70000 }\n  ic3: { min: 70000, max: 80000 }\n  m1: { min: 70000, max: 80000 }\n";
    book.write("content/pay.yaml", overlapping);
    assert_eq!(
        book.check(&["--format", "json"]).diagnostic_lines(),
        [
            "content/pay.yaml:5:3: warning[band-overlap]: the band of `ic2` (58000–70000 EUR) overlaps the band of `ic1` (50000–60000 EUR) below it"
        ]
    );
}

#[test]
fn every_bad_pay_input_is_an_error_at_its_place_all_at_once() {
    let flat = "currency: EURO\nper: YEARLY\nbands:\n  ic1: { min: 64000, max: 52000 }\n  ic2: { min: -5, max: 80000 }\n  ic3: { min: \"79k\", max: 99000 }\n  icc3: { min: 1, max: 2 }\n";
    let book = pay_book("[pay]\npublish = true\npublsh = true\n", flat);
    book.run(&["build"]).assert_code(1);
    assert!(
        !book.root().join("site").exists(),
        "a failed build writes nothing"
    );
    let run = book.check(&["--format", "json"]);
    run.assert_code(1);
    assert_eq!(
        run.diagnostic_lines(),
        [
            "book.toml:5:1: error[unknown-field]: unknown field `publsh` in [pay]",
            "content/pay.yaml:1:11: error[invalid-currency]: `EURO` is not an ISO 4217 currency code",
            "content/pay.yaml:2:6: error[unknown-period]: `per: YEARLY` is not a pay period",
            "content/pay.yaml:4:15: error[invalid-band]: the band of `ic1` starts above where it ends (min 64000 > max 52000)",
            "content/pay.yaml:5:15: error[invalid-band]: `min` is -5: a pay figure cannot be negative",
            "content/pay.yaml:6:15: error[wrong-type]: `min` must be a number, found a string",
            "content/pay.yaml:7:3: error[unknown-reference]: a band for the level `icc3`, which does not exist",
        ]
    );
    let json = run.json();
    let hint = |code: &str| -> String {
        json["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["code"] == code)
            .and_then(|d| d["help"].as_str())
            .unwrap_or_default()
            .to_string()
    };
    assert!(hint("unknown-reference").contains("did you mean `ic3`?"));
    assert!(hint("unknown-period").contains("did you mean `YEAR`?"));
    let zones = "zones:\n  - name: Nowhere\n    currency: EUR\n    per: YEAR\n    bands: {}\n  - id: de\n    currency: EUR\n    per: YEAR\n    bands: {}\n  - id: de\n    currency: EUR\n    per: MONTH\n    bands: {}\n";
    book.write("book.toml", "[book]\ntitle = \"Pay\"\n");
    book.write("content/pay.yaml", zones);
    let run = book.check(&["--format", "json"]);
    run.assert_code(1);
    let errors: Vec<String> = run
        .diagnostic_lines()
        .into_iter()
        .filter(|line| line.contains(": error["))
        .collect();
    assert_eq!(
        errors,
        [
            "content/pay.yaml:2:5: error[missing-field]: a zone is missing the required field `id`",
            "content/pay.yaml:10:9: error[duplicate-id]: two zones have the id `de`",
        ]
    );
}

#[test]
fn a_level_without_a_band_is_a_warning() {
    let pay = "currency: EUR\nper: YEAR\nbands:\n  ic1: { min: 1, max: 2 }\n  ic2: { min: 2, max: 3 }\n  ic3: { min: 3, max: 4 }\n";
    let run = pay_book("", pay).check(&["--format", "json"]);
    run.assert_code(0);
    assert_eq!(
        run.diagnostic_lines(),
        ["content/pay.yaml:1:1: warning[missing-band]: the level `m1` has no band"]
    );
}

#[test]
fn the_pay_command_prints_each_step_up_in_every_format_published_or_not() {
    let book = pay_book("", FLAT);
    let text = book.run(&["pay"]);
    text.assert_code(0);
    assert!(text.stdout.contains("EUR per year"), "{}", text.stdout);
    // 62741 / 52317 = 1.199...
    assert!(text.stdout.contains("×1.20"), "{}", text.stdout);
    let markdown = book.run(&["pay", "--format", "markdown"]).stdout;
    assert!(
        markdown.contains("| IC1 | Engineer | 52317 | 64129 | ×1.20 |"),
        "{markdown}"
    );
    let csv = book.run(&["pay", "--format", "csv"]).stdout;
    assert_eq!(
        csv.lines().take(2).collect::<Vec<_>>(),
        [
            "zone,currency,per,track,level,level_code,level_title,rank,min,max,next_min_ratio,equivalent",
            ",EUR,YEAR,ic,ic1,IC1,Engineer,1,52317,64129,1.20,",
        ]
    );
    let json = book.run(&["pay", "--format", "json"]).json();
    assert_eq!(json["format"], "ladderbook.pay/1");
    let rows = &json["zones"][0]["rows"];
    assert_eq!(rows[0]["next_min_ratio"], 1.2);
    assert_eq!(rows[2]["next_min_ratio"], serde_json::Value::Null);
    assert_eq!(rows[2]["equivalent"], "m1");
    std::fs::remove_file(book.root().join("content/pay.yaml")).unwrap();
    let none = book.run(&["pay"]);
    none.assert_code(1);
    assert!(none.stderr().contains("no content/pay.yaml"));
}

// ------------------------------------------------ postings take their range

const ROLE: &str = "content/roles/senior-sre.md";

/// The roles fixture (sre-2, sre-3, one role at sre-3 with a salary of
/// 80000–100000 EUR a year) with bands, and the role's salary removed
/// unless `keep_salary`.
fn roles_book(pay_yaml: &str, keep_salary: bool, zone: Option<&str>) -> TestBook {
    let book = TestBook::fixture("roles/base").with("content/pay.yaml", pay_yaml);
    let role = std::fs::read_to_string(book.root().join(ROLE)).unwrap();
    let mut text = if keep_salary {
        role
    } else {
        role.replace(
            "salary:\n  min: 80000\n  max: 100000\n  currency: EUR\n  per: YEAR\n",
            "",
        )
    };
    if let Some(zone) = zone {
        text = text.replacen(
            "level: sre-3\n",
            &format!("level: sre-3\nzone: {zone}\n"),
            1,
        );
    }
    book.write(ROLE, text);
    book
}

const ROLE_BANDS: &str = "currency: EUR\nper: YEAR\nbands:\n  sre-2: { min: 61000, max: 79000 }\n  sre-3: { min: 77000, max: 97000 }\n";

fn jsonld_salary(html: &str) -> serde_json::Value {
    let open = "<script type=\"application/ld+json\">";
    let start = html.find(open).expect("the page has JSON-LD") + open.len();
    let end = start + html[start..].find("</script>").unwrap();
    let posting: serde_json::Value = serde_json::from_str(&html[start..end]).unwrap();
    posting["baseSalary"].clone()
}

#[test]
fn a_role_without_salary_posts_its_level_s_band_even_when_bands_are_unpublished() {
    let book = roles_book(ROLE_BANDS, false, None);
    book.check(&["--deny-warnings"]).assert_code(0);
    book.run(&["build"]).assert_code(0);
    let page = read_site(&book, "roles/senior-sre.html");
    assert!(main_of(&page).contains("77,000"), "{}", main_of(&page));
    let salary = jsonld_salary(&page);
    assert_eq!(salary["currency"], "EUR");
    assert_eq!(salary["value"]["minValue"], 77000.0);
    assert_eq!(salary["value"]["maxValue"], 97000.0);
    assert_eq!(salary["value"]["unitText"], "YEAR");
    let json = book.run(&["role", "senior-sre", "--format", "json"]).json();
    assert_eq!(json["baseSalary"], salary);
    let text = book.run(&["role", "senior-sre", "--format", "text"]).stdout;
    assert!(text.contains("77,000–97,000 EUR"), "{text}");
    // The level pages still show no band: only the posting carries it.
    assert!(!read_site(&book, "levels/sre-3.html").contains("77,000"));
}

#[test]
fn a_salary_outside_its_level_s_band_is_a_warning_naming_both_ranges() {
    let run = roles_book(ROLE_BANDS, true, None).check(&["--format", "json"]);
    run.assert_code(0);
    assert_eq!(
        run.diagnostic_lines(),
        [
            "content/roles/senior-sre.md:11:3: warning[salary-outside-band]: the salary 80000–100000 EUR per YEAR is outside the band of `sre-3`, 77000–97000 EUR per YEAR"
        ]
    );
}

#[test]
fn a_role_with_no_salary_and_no_band_is_a_warning() {
    let pay = "currency: EUR\nper: YEAR\nbands:\n  sre-2: { min: 61000, max: 79000 }\n";
    let run = roles_book(pay, false, None).check(&["--format", "json"]);
    let lines = run.diagnostic_lines();
    assert!(
        lines.contains(&"content/roles/senior-sre.md:2:1: warning[posting-without-range]: the role has no `salary`, and `sre-3` has no band in content/pay.yaml: many jurisdictions require the range in the posting itself".to_string()),
        "{lines:?}"
    );
}

#[test]
fn a_role_takes_the_band_of_the_zone_it_names() {
    let zones = "zones:\n  - id: berlin\n    currency: EUR\n    per: YEAR\n    bands:\n      sre-2: { min: 61000, max: 79000 }\n      sre-3: { min: 77000, max: 97000 }\n  - id: warsaw\n    currency: PLN\n    per: MONTH\n    bands:\n      sre-2: { min: 18000, max: 24000 }\n      sre-3: { min: 23000, max: 30000 }\n";
    let book = roles_book(zones, false, Some("warsaw"));
    book.check(&["--deny-warnings"]).assert_code(0);
    let json = book.run(&["role", "senior-sre", "--format", "json"]).json();
    assert_eq!(json["baseSalary"]["currency"], "PLN");
    assert_eq!(json["baseSalary"]["value"]["minValue"], 23000.0);
    assert_eq!(json["baseSalary"]["value"]["unitText"], "MONTH");
    let typo = roles_book(zones, false, Some("warsw")).check(&["--format", "json"]);
    typo.assert_code(1);
    assert_eq!(
        typo.diagnostic_lines(),
        [
            "content/roles/senior-sre.md:4:7: error[unknown-reference]: the role names the pay zone `warsw`, which content/pay.yaml does not have"
        ]
    );
    assert!(typo.stdout.contains("did you mean `warsaw`?"));
    // Without `zone:` a book with zones has no band to give.
    let lines = roles_book(zones, false, None)
        .check(&["--format", "json"])
        .diagnostic_lines();
    assert!(
        lines
            .iter()
            .any(|l| l.contains("posting-without-range") && l.contains("no `zone`")),
        "{lines:?}"
    );
}
