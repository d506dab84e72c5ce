//! Roles and job postings (issue 23), through the real binary: the role
//! page's sections come from the level, archetype and scorecard; its
//! JSON-LD parses, carries every field the role gives and has what job
//! search engines require; `ladderbook role` prints the same posting in
//! four formats. Bad input is pinned in check.rs (`role-*` fixtures).

use std::path::Path;

use serde_json::{Value, json};

use crate::support::{TestBook, main_of, read_site};

const ROLE: &str = "content/roles/senior-sre.md";

fn base() -> TestBook {
    TestBook::fixture("roles/base")
}

fn build(book: &TestBook) {
    book.run(&["build", "."]).assert_code(0);
}

/// The JSON-LD of a built page.
fn page_jsonld(html: &str) -> Value {
    let open = "<script type=\"application/ld+json\">";
    let start = html.find(open).expect("the page has JSON-LD") + open.len();
    let end = start + html[start..].find("</script>").expect("the script closes");
    serde_json::from_str(&html[start..end]).expect("the JSON-LD parses")
}

#[test]
fn a_role_page_is_made_from_its_level_archetype_and_scorecard() {
    let book = base();
    build(&book);
    let page = read_site(&book, "roles/senior-sre.html");
    let main = main_of(&page);
    for text in [
        "Senior SRE, Payments",
        "The payments team keeps card payments flowing.",
        // The level: its summary and every expectation, and a link to it.
        "Owns a family of services.",
        "Sets SLOs for a service family.",
        "Runs the error budget policy.",
        "Commands Sev-1 incidents.",
        "Writes postmortems an outsider understands.",
        "href=\"../levels/sre-3.html\">Read the full level: Senior Site Reliability Engineer",
        "Years of experience we usually see: 5-8.",
        // The scorecard: each interview with its length and focus, and its bar.
        "Incident simulation",
        "60 min",
        "SLO design",
        "105 minutes in all",
        "Sensible SLIs and a budget policy.",
        // The band.
        "80,000–100,000 EUR a year",
    ] {
        assert!(main.contains(text), "{text:?} missing from:\n{main}");
    }
    // Ordered by the archetype's emphasis: SLO practice (5) before
    // incident management (2) within Reliability; in "What we look for"
    // communication (4) comes second.
    let slo = main.find("Sets SLOs for a service family.").unwrap();
    let incident = main.find("Commands Sev-1 incidents.").unwrap();
    assert!(slo < incident, "emphasis orders the expectations");
    let look = &main[main.find("What we look for").unwrap()..];
    let order: Vec<usize> = ["SLO practice", "Communication", "Incident management"]
        .iter()
        .map(|name| look.find(name).unwrap_or_else(|| panic!("{name}")))
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    // In the navigation, and on a list of its own.
    assert!(page.contains("href=\"../roles/index.html\" aria-current=\"page\">Roles</a>"));
    let list = read_site(&book, "roles/index.html");
    assert!(
        list.contains("href=\"../roles/senior-sre.html\">Senior SRE, Payments</a>"),
        "{list}"
    );
}

#[test]
fn changing_the_ladder_changes_the_posting() {
    let book = base();
    build(&book);
    let before = read_site(&book, "roles/senior-sre.html");
    let markdown_before = book.run(&["role", "senior-sre"]).stdout();
    book.write(
        "content/competencies/slo-practice.yaml",
        "name: SLO practice\narea: Reliability\nsummary: Define and defend SLOs.\nexpectations:\n  sre-2: Defines SLIs for one service.\n  sre-3:\n    - Sets SLOs for every customer journey.\n    - Runs the error budget policy.\n",
    );
    book.write(
        "content/scorecards/senior-sre.yaml",
        std::fs::read_to_string(book.root().join("content/scorecards/senior-sre.yaml"))
            .unwrap()
            .replace("minutes: 45", "minutes: 50"),
    );
    build(&book);
    let after = read_site(&book, "roles/senior-sre.html");
    assert!(before.contains("Sets SLOs for a service family."));
    assert!(!after.contains("Sets SLOs for a service family."));
    assert!(after.contains("Sets SLOs for every customer journey."));
    assert!(after.contains("110 minutes in all"));
    let markdown_after = book.run(&["role", "senior-sre"]).stdout();
    assert!(markdown_before.contains("- Sets SLOs for a service family."));
    assert!(markdown_after.contains("- Sets SLOs for every customer journey."));
    let jsonld = page_jsonld(&after);
    assert!(
        jsonld["description"]
            .as_str()
            .unwrap()
            .contains("Sets SLOs for every customer journey.")
    );
}

#[test]
fn the_json_ld_carries_every_field_the_role_gives() {
    let book = base();
    build(&book);
    let jsonld = page_jsonld(&read_site(&book, "roles/senior-sre.html"));
    assert_eq!(jsonld["@context"], "https://schema.org/");
    assert_eq!(jsonld["@type"], "JobPosting");
    assert_eq!(jsonld["title"], "Senior SRE, Payments");
    assert_eq!(jsonld["datePosted"], "2026-11-02");
    assert_eq!(jsonld["validThrough"], "2027-01-31");
    assert_eq!(jsonld["employmentType"], json!(["FULL_TIME"]));
    assert_eq!(
        jsonld["hiringOrganization"],
        json!({
            "@type": "Organization",
            "name": "Example Cloud",
            "sameAs": "https://example.com",
            "logo": "https://example.com/logo.png"
        })
    );
    assert_eq!(
        jsonld["jobLocation"],
        json!([
            { "@type": "Place", "address": { "@type": "PostalAddress", "addressLocality": "Berlin", "addressCountry": "DE" } },
            { "@type": "Place", "address": { "@type": "PostalAddress", "addressLocality": "Amsterdam", "addressCountry": "NL" } }
        ])
    );
    assert_eq!(jsonld.get("applicantLocationRequirements"), None);
    assert_eq!(
        jsonld["baseSalary"],
        json!({
            "@type": "MonetaryAmount",
            "currency": "EUR",
            "value": { "@type": "QuantitativeValue", "minValue": 80000, "maxValue": 100000, "unitText": "YEAR" }
        })
    );
    assert_eq!(
        jsonld["potentialAction"],
        json!({ "@type": "ApplyAction", "target": "https://example.com/jobs/42" })
    );
    assert_eq!(jsonld["identifier"]["value"], "senior-sre");
    let description = jsonld["description"].as_str().unwrap();
    for text in [
        "The payments team keeps card payments flowing.",
        "<h2>What you will do</h2>",
        "<h2>How we interview</h2>",
        "Incident simulation (60 min)",
        // Links work from the page that holds them.
        "href=\"../levels/sre-3.html\"",
    ] {
        assert!(description.contains(text), "{text:?} in {description}");
    }
    // The command prints the same posting; its links are relative to the
    // site root (no base-url here).
    let printed = book.run(&["role", "senior-sre", "--format", "json"]);
    printed.assert_code(0);
    let mut from_command = printed.json();
    let mut from_page = jsonld.clone();
    assert!(
        from_command["description"]
            .as_str()
            .unwrap()
            .contains("href=\"levels/sre-3.html\"")
    );
    from_command["description"] = Value::Null;
    from_page["description"] = Value::Null;
    assert_eq!(from_command, from_page);
}

#[test]
fn a_remote_role_names_where_applicants_may_live_and_a_base_url_makes_links_absolute() {
    let book = base();
    let role = std::fs::read_to_string(book.root().join(ROLE)).unwrap();
    book.write(
        ROLE,
        role.replace("remote: hybrid", "remote: true")
            .replace("[\"Berlin, DE\", \"Amsterdam, NL\"]", "[DE, NL]")
            .replace("  min: 80000\n", "")
            .replace("per: YEAR", "per: HOUR")
            .replace("max: 100000", "max: 62.5"),
    );
    let config = std::fs::read_to_string(book.root().join("book.toml")).unwrap();
    book.write(
        "book.toml",
        format!("{config}\n[site]\nbase-url = \"https://ladder.example.com/\"\n"),
    );
    build(&book);
    let jsonld = page_jsonld(&read_site(&book, "roles/senior-sre.html"));
    assert_eq!(jsonld.get("jobLocation"), None);
    assert_eq!(jsonld["jobLocationType"], "TELECOMMUTE");
    assert_eq!(
        jsonld["applicantLocationRequirements"],
        json!([{ "@type": "Country", "name": "DE" }, { "@type": "Country", "name": "NL" }])
    );
    assert_eq!(
        jsonld["baseSalary"]["value"],
        json!({ "@type": "QuantitativeValue", "maxValue": 62.5, "unitText": "HOUR" })
    );
    assert_eq!(
        jsonld["url"],
        "https://ladder.example.com/roles/senior-sre.html"
    );
    assert!(
        jsonld["description"]
            .as_str()
            .unwrap()
            .contains("href=\"https://ladder.example.com/levels/sre-3.html\"")
    );
    let page = read_site(&book, "roles/senior-sre.html");
    assert!(main_of(&page).contains("up to 62.50 EUR an hour"));
}

/// The properties job search engines require of a `JobPosting` (Google's
/// structured-data guidelines): title, description, datePosted,
/// hiringOrganization with a name, and jobLocation with a country, or for
/// a remote job applicantLocationRequirements.
fn search_engine_schema() -> Value {
    json!({
        "type": "object",
        "required": ["@context", "@type", "title", "description", "datePosted", "hiringOrganization"],
        "properties": {
            "@context": { "const": "https://schema.org/" },
            "@type": { "const": "JobPosting" },
            "title": { "type": "string", "minLength": 1 },
            "description": { "type": "string", "minLength": 1 },
            "datePosted": { "type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" },
            "validThrough": { "type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" },
            "employmentType": { "type": "array", "items": { "enum": ["FULL_TIME", "PART_TIME", "CONTRACTOR", "TEMPORARY", "INTERN", "VOLUNTEER", "PER_DIEM", "OTHER"] } },
            "hiringOrganization": {
                "type": "object",
                "required": ["@type", "name"],
                "properties": { "@type": { "const": "Organization" }, "name": { "type": "string", "minLength": 1 } }
            },
            "jobLocation": {
                "type": "array", "minItems": 1,
                "items": {
                    "type": "object", "required": ["@type", "address"],
                    "properties": { "address": { "type": "object", "required": ["@type", "addressCountry"] } }
                }
            },
            "applicantLocationRequirements": {
                "type": "array", "minItems": 1,
                "items": { "type": "object", "required": ["@type", "name"] }
            },
            "baseSalary": {
                "type": "object", "required": ["@type", "currency", "value"],
                "properties": {
                    "currency": { "type": "string", "pattern": "^[A-Z]{3}$" },
                    "value": { "type": "object", "required": ["@type", "unitText"] }
                }
            }
        },
        "anyOf": [
            { "required": ["jobLocation"] },
            { "required": ["applicantLocationRequirements", "jobLocationType"] }
        ]
    })
}

#[test]
fn the_bundled_book_s_postings_have_what_job_search_engines_require() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let book = TestBook::copy_of(repo, &["book.toml", "content"]);
    book.check(&["--deny-warnings"]).assert_code(0);
    build(&book);
    let schema = search_engine_schema();
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    let mut seen = 0;
    for entry in std::fs::read_dir(book.root().join("site/roles")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name == "index.html" {
            continue;
        }
        let jsonld = page_jsonld(&std::fs::read_to_string(&path).unwrap());
        let problems: Vec<String> = validator
            .iter_errors(&jsonld)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(problems.is_empty(), "{name}: {problems:?}");
        seen += 1;
    }
    assert_eq!(seen, 2, "the leader role and the senior SRE role");
    // The schema can fail: a posting without its date or place does.
    let mut broken = page_jsonld(&read_site(&book, "roles/senior-sre.html"));
    broken.as_object_mut().unwrap().remove("datePosted");
    assert!(!validator.is_valid(&broken));
    let mut placeless = page_jsonld(&read_site(&book, "roles/senior-sre.html"));
    placeless
        .as_object_mut()
        .unwrap()
        .remove("applicantLocationRequirements");
    assert!(!validator.is_valid(&placeless));
}

#[test]
fn the_role_command_prints_the_posting_in_each_format() {
    let book = base();
    let markdown = book.run(&["role", "senior-sre"]);
    markdown.assert_code(0);
    let text = markdown.stdout();
    for line in [
        "# Senior SRE, Payments\n",
        "- **Salary:** 80,000–100,000 EUR a year\n",
        "- **Location:** Berlin, DE; Amsterdam, NL (Hybrid)\n",
        "- [Apply for this role](https://example.com/jobs/42)\n",
        // The body's `@/` link as an address.
        "See [the level](levels/sre-3.html).",
        "## What you will do\n",
        "### Reliability\n",
        "## How we interview\n",
        "1. Incident simulation (60 min). Focus: Incident management\n",
    ] {
        assert!(text.contains(line), "{line:?} in:\n{text}");
    }
    let plain = book
        .run(&["role", "senior-sre", "--format", "text"])
        .stdout();
    assert!(
        plain.starts_with("Senior SRE, Payments\n====================\n"),
        "{plain}"
    );
    assert!(plain.contains("Salary: 80,000–100,000 EUR a year\n"));
    assert!(plain.contains("  - Sets SLOs for a service family.\n"));
    let html = book
        .run(&["role", "senior-sre", "--format", "html"])
        .stdout();
    assert!(html.starts_with("<!doctype html>"));
    assert!(html.contains("<h1>Senior SRE, Payments</h1>"));
    assert!(html.contains(".role-facts"), "the role styles are inlined");
    page_jsonld(&html);
    let out = book.root().join("posting.md");
    book.run(&["role", "senior-sre", "--out", out.to_str().unwrap()])
        .assert_code(0);
    assert_eq!(std::fs::read_to_string(out).unwrap(), text);
}

#[test]
fn an_unknown_role_or_a_broken_book_is_refused_with_a_hint() {
    let book = base();
    let unknown = book.run(&["role", "senior-ser"]);
    unknown.assert_code(1);
    assert!(
        unknown.stderr.contains("the book has no role `senior-ser`")
            && unknown.stderr.contains("did you mean `senior-sre`?"),
        "{}",
        unknown.stderr
    );
    assert!(unknown.stdout.is_empty());
    let role = std::fs::read_to_string(book.root().join(ROLE)).unwrap();
    book.write(ROLE, role.replace("currency: EUR", "currency: eur"));
    let broken = book.run(&["role", "senior-sre"]);
    broken.assert_code(1);
    assert!(
        broken.stderr.contains("error[invalid-currency]"),
        "{}",
        broken.stderr
    );
    assert!(
        broken.stderr.contains("write it in capitals: `EUR`"),
        "{}",
        broken.stderr
    );
    assert!(broken.stdout.is_empty());
}

#[test]
fn a_role_s_text_is_escaped_everywhere() {
    let book = base();
    let role = std::fs::read_to_string(book.root().join(ROLE)).unwrap();
    book.write(
        ROLE,
        role.replace(
            "title: Senior SRE, Payments",
            "title: \"SRE </script><script>alert(1)</script> & <b>\"",
        ),
    );
    build(&book);
    let page = read_site(&book, "roles/senior-sre.html");
    assert!(!page.contains("<script>alert(1)"));
    assert_eq!(
        page_jsonld(&page)["title"],
        "SRE </script><script>alert(1)</script> & <b>"
    );
    let html = book
        .run(&["role", "senior-sre", "--format", "html"])
        .stdout();
    assert!(!html.contains("<script>alert(1)"));
    assert_eq!(
        page_jsonld(&html)["title"],
        "SRE </script><script>alert(1)</script> & <b>"
    );
}

#[test]
fn role_pages_are_deterministic_and_absent_from_a_book_without_roles() {
    let book = base();
    build(&book);
    let first = read_site(&book, "roles/senior-sre.html");
    build(&book);
    assert_eq!(first, read_site(&book, "roles/senior-sre.html"));
    let plain = TestBook::fixture("books/valid");
    build(&plain);
    assert!(!plain.root().join("site/roles").exists());
    assert!(!read_site(&plain, "index.html").contains("Roles</a>"));
}

#[test]
fn a_minimal_role_takes_its_title_from_the_level_and_warns_about_what_it_lacks() {
    let book = base().with(
        "content/roles/draft.md",
        "---\nlevel: sre-2\n---\nA draft.\n",
    );
    let check = book.check(&["--format", "json"]);
    check.assert_code(0);
    let fields: Vec<String> = check.json()["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["file"] == "content/roles/draft.md")
        .map(|d| {
            assert_eq!(d["code"], "posting-incomplete");
            assert_eq!(
                (d["line"].as_i64(), d["column"].as_i64()),
                (Some(2), Some(1))
            );
            d["message"].as_str().unwrap().to_string()
        })
        .collect();
    for field in [
        "posted",
        "location",
        "employment-type",
        "valid-through",
        "salary",
    ] {
        assert!(
            fields.iter().any(|m| m.contains(&format!("`{field}`"))),
            "{field}: {fields:?}"
        );
    }
    assert_eq!(fields.len(), 5, "{fields:?}");
    book.check(&["--deny-warnings"]).assert_code(1);
    build(&book);
    let main = main_of(&read_site(&book, "roles/draft.html")).to_string();
    assert!(
        main.contains("<h1>Site Reliability Engineer II</h1>"),
        "{main}"
    );
    // Without an archetype or a scorecard: the level's competencies in the
    // book's order, and no interview section.
    assert!(main.contains("Defines SLIs for one service."));
    assert!(!main.contains("How we interview"));
    let look = &main[main.find("What we look for").unwrap()..];
    assert!(look.find("Incident management").unwrap() < look.find("SLO practice").unwrap());
    let jsonld = page_jsonld(&read_site(&book, "roles/draft.html"));
    for absent in [
        "datePosted",
        "validThrough",
        "employmentType",
        "jobLocation",
        "baseSalary",
    ] {
        assert_eq!(jsonld.get(absent), None, "{absent} is never guessed");
    }
}
