//! The words of the interface: labels, headings and notes the built-in
//! templates show around a book's own content (issue 22).
//!
//! One table, English shipped as data (`themes/default/strings.toml`,
//! embedded), that a book changes key by key: a theme's own
//! `themes/<theme>/strings.toml` first, then `[strings]` in `book.toml`.
//! Templates read the words as `{{ t.<key> }}`. Unknown keys are
//! diagnostics with "did you mean"; nothing here reads files or renders.

use std::collections::BTreeMap;

use crate::decode::Decoder;
use crate::node::Node;

/// The English table, as shipped.
pub const ENGLISH: &str = include_str!("../themes/default/strings.toml");

/// Every key of the table, in the order of `ENGLISH` (a test keeps them
/// equal); the schema of `book.toml` and docs/theming.md list the same.
pub const STRING_KEYS: &[&str] = &[
    "skip_to_content",
    "sections_label",
    "sidebar_label",
    "nav_matrix",
    "nav_levels",
    "nav_competencies",
    "nav_archetypes",
    "nav_scorecards",
    "nav_guides",
    "nav_assess",
    "search_label",
    "search_placeholder",
    "search_results_label",
    "print_edition",
    "print_edition_title",
    "footer_version",
    "footer_built_with",
    "carried_over",
    "carried_over_from",
    "search_loading",
    "search_unavailable",
    "search_no_results",
    "search_none_announced",
    "search_results_one",
    "search_results_other",
    "home_guide",
    "home_guide_note",
    "home_hiring",
    "home_hiring_note",
    "home_assess",
    "home_assess_note",
    "home_archetypes",
    "interviews",
    "minutes_short",
    "levels_lede",
    "typically",
    "years",
    "expectations_count",
    "equivalent_level",
    "what_changes_from",
    "changes_starts_one",
    "changes_starts_other",
    "changes_and",
    "changes_grows_one",
    "changes_grows_other",
    "changes_narrows_one",
    "changes_narrows_other",
    "changes_ends_one",
    "changes_ends_other",
    "changes_rest",
    "changes_rest_cumulative",
    "change_starts",
    "change_grows",
    "change_narrows",
    "change_ends",
    "was_at",
    "no_longer_listed",
    "ended_from",
    "ended_was",
    "ended_list",
    "ended_at",
    "owners_note",
    "level_wide",
    "level_wide_lede",
    "level_wide_badge",
    "nothing_changes",
    "expectations",
    "carried_note_before",
    "carried_note_after",
    "cumulative_note",
    "nothing_new_at_level",
    "still_expected_from",
    "unchanged_since",
    "level_archetypes",
    "level_scorecards",
    "matrix_title",
    "matrix_lede_before",
    "matrix_lede_after",
    "matrix_lede_cumulative",
    "nothing_new",
    "matrix_region",
    "competency",
    "not_expected",
    "competencies_lede",
    "starts_from",
    "not_expected_at",
    "nothing_new_items_above",
    "competency_archetypes",
    "assessed_in",
    "weight_of",
    "archetypes_lede",
    "archetype",
    "levels_prefix",
    "applies_at",
    "emphasis_heading",
    "emphasis_caption",
    "weight",
    "archetype_scorecards",
    "archetype_radar_title",
    "scorecards_lede",
    "column_loop",
    "column_hires_for",
    "column_interviews",
    "column_dimensions",
    "column_time",
    "kit_eyebrow",
    "kit_archetype",
    "kit_minutes",
    "kit_contents_label",
    "rating_scale",
    "column_dimension",
    "meets_the_bar",
    "meets",
    "exceeds",
    "rated_in",
    "no_interview",
    "print_interview",
    "what_to_rate",
    "what_to_rate_in",
    "rating",
    "questions",
    "notes",
    "signals",
    "signals_strong",
    "signals_weak",
    "signals_red_flags",
    "loop_coverage",
    "coverage_before",
    "coverage_after",
    "coverage_gaps",
    "coverage_full",
    "not_assessed",
    "rated",
    "not_rated",
    "fill_heading",
    "fill_needs_script",
    "fill_eyebrow",
    "fill_privacy",
    "field_interview",
    "field_date",
    "field_candidate",
    "field_interviewer",
    "field_evidence",
    "field_takeaways",
    "overall_recommendation",
    "export_json",
    "print_filled",
    "clear_draft",
    "scorecard_cannot_save",
    "scorecard_need_candidate",
    "scorecard_need_interviewer",
    "scorecard_need_rating",
    "scorecard_problems_one",
    "scorecard_problems_other",
    "scorecard_not_exported",
    "scorecard_exported",
    "scorecard_clear_confirm",
    "scorecard_cleared",
    "assess_lede",
    "target_level",
    "import_json",
    "print",
    "clear",
    "your_result",
    "biggest_gaps",
    "show_all_gaps",
    "rate_yourself",
    "overall_notes",
    "overall_notes_note",
    "checklist_heading",
    "introduced_at",
    "compare_with_file",
    "about_summary",
    "about_note",
    "about_person",
    "about_assessor",
    "about_perspective",
    "about_current_level",
    "about_not_said",
    "perspective_self",
    "perspective_manager",
    "gaps_note",
    "assess_scale_note",
    "scale_not_yet",
    "scale_partly",
    "scale_consistently",
    "scale_beyond",
    "checklist_no_script",
    "assess_not_yet",
    "assess_partly",
    "assess_consistently",
    "assess_beyond",
    "assess_cannot_save",
    "assess_foundation",
    "assess_expected_at",
    "assess_notes_placeholder",
    "assess_notes_label",
    "assess_rate_against",
    "assess_none_head",
    "assess_none_text",
    "assess_ready_head",
    "assess_ready_text",
    "assess_close_head",
    "assess_close_text",
    "assess_growing_head",
    "assess_growing_text",
    "assess_not_ready_head",
    "assess_not_ready_text",
    "assess_not_rated",
    "assess_readiness_for",
    "assess_met_label",
    "assess_counts_unrated",
    "assess_counts",
    "assess_no_area",
    "assess_chart_axis",
    "assess_chart_expects",
    "assess_key_you",
    "assess_key_target",
    "assess_no_gaps",
    "assess_gap_title",
    "assess_show_all",
    "assess_not_json",
    "assess_not_assessment",
    "assess_no_format",
    "assess_is_scorecard",
    "assess_unknown_format",
    "assess_unknown_level",
    "assess_no_ratings",
    "assess_imported_dated",
    "assess_imported",
    "assess_not_imported",
    "assess_other_book",
    "assess_skipped_one",
    "assess_skipped_other",
    "assess_foundation_skipped",
    "assess_other_version",
    "assess_versions",
    "assess_unknown_version",
    "assess_review",
    "assess_no_changes",
    "assess_changed",
    "assess_foundation_mark",
    "assess_was",
    "assess_now",
    "assess_removed",
    "assess_added",
    "assess_dismiss",
    "assess_about_import",
    "assess_show_fewer",
    "assess_exported",
    "assess_unreadable",
    "assess_clear_confirm",
    "assess_cleared",
    "assess_compare_not_json",
    "assess_compare_not_assessment",
    "assess_compare_other_level",
    "assess_compare_level_id",
    "assess_compare_unreadable",
    "assess_comparing",
    "assess_compare_closed",
    "assess_compare_title",
    "assess_compare_this_page",
    "assess_compare_side",
    "assess_compare_self",
    "assess_compare_manager",
    "assess_compare_sides",
    "assess_compare_source_dated",
    "assess_compare_counts_one",
    "assess_compare_counts_other",
    "assess_compare_other_version",
    "assess_compare_apart_head",
    "assess_compare_apart_caption",
    "assess_compare_none_apart",
    "assess_compare_rest_head",
    "assess_compare_rest_caption",
    "assess_compare_expectation",
    "assess_compare_steps",
    "assess_compare_print",
    "assess_compare_close",
    "pay_title",
    "pay_lede",
    "pay_not_advice",
    "pay_promotion",
    "pay_band",
    "pay_per_year",
    "pay_per_month",
    "pay_per_hour",
    "pay_all_bands",
    "pay_column_level",
    "pay_column_band",
    "pay_column_equivalent",
    "pay_no_band",
    "print_version",
    "print_button",
    "contents",
    "no_guides",
    "breadcrumb_label",
    "on_this_page",
    "nav_roles",
    "roles_lede",
    "role_eyebrow",
    "role_facts_label",
    "role_level",
    "role_team",
    "role_location",
    "role_remote",
    "role_hybrid",
    "role_on_site",
    "role_employment",
    "role_posted",
    "role_valid_through",
    "role_salary",
    "role_apply",
    "role_what_you_will_do",
    "role_what_we_look_for",
    "role_how_we_interview",
    "role_full_level",
    "role_experience",
    "role_profile",
    "role_bar",
    "role_loop_total",
    "role_loop_kit",
    "role_focus",
    "role_minutes",
    "role_per_year",
    "role_per_month",
    "role_per_week",
    "role_per_day",
    "role_per_hour",
    "role_from",
    "role_up_to",
    "employment_full_time",
    "employment_part_time",
    "employment_contractor",
    "employment_temporary",
    "employment_intern",
    "employment_volunteer",
    "employment_per_diem",
    "employment_other",
    "not_found_title",
    "not_found_lede",
    "not_found_home",
    "not_found_or_open",
    "not_found_matrix",
    "nav_changes",
    "changes_lede",
    "release_title",
    "release_latest",
    "release_commit",
    "release_first",
    "release_changes_one",
    "release_changes_other",
    "release_levels_one",
    "release_levels_other",
    "release_compared",
    "release_older",
    "release_newer",
    "release_nothing",
    "release_contents",
    "release_structure",
    "release_for_level",
    "release_level_page",
    "release_kind_tracks",
    "release_kind_levels",
    "release_kind_competencies",
    "release_kind_archetypes",
    "release_kind_scorecards",
    "release_kind_interviews",
    "release_added",
    "release_removed",
    "release_renamed",
    "release_changed",
    "release_renamed_from",
    "release_changed_fields",
    "release_starts",
    "release_ends",
    "release_now_own",
    "release_now_carried",
    "release_new",
    "release_reworded",
    "release_moved_here",
    "release_moved_to",
    "release_earlier",
    "release_later",
    "release_other_track",
    "release_examples",
    "release_emphasis",
    "release_dimensions",
    "release_meets",
    "release_exceeds",
    "release_guides",
    "release_lines",
    "mark_new",
    "mark_reworded",
    "mark_moved",
    "marks_note",
    "assess_release",
    "assess_recheck",
    "assess_moved",
    "assess_recheck_mark",
];

/// The words of one book: English with the theme's and the book's own
/// words over it.
pub type Strings = BTreeMap<&'static str, String>;

/// The English words, by key.
pub fn english() -> Strings {
    let mut decoder_problems = crate::diagnostics::Diagnostics::default();
    let node = crate::toml_tree::parse(ENGLISH).expect("the shipped strings are valid TOML");
    let mut decoder = Decoder {
        file: "themes/default/strings.toml",
        diagnostics: &mut decoder_problems,
    };
    let words = decode_strings(&node, &mut decoder, "the strings table");
    assert!(
        decoder_problems.is_empty(),
        "the shipped strings decode cleanly: {decoder_problems:?}"
    );
    words
}

/// Decodes a table of words (`[strings]` of book.toml, or a theme's
/// strings.toml): text values of known keys; unknown keys and values that
/// are not text are diagnostics.
pub fn decode_strings(node: &Node, decoder: &mut Decoder, what: &str) -> Strings {
    let mut words = Strings::new();
    let Some(mut fields) = decoder.fields(node, what) else {
        return words;
    };
    for key in STRING_KEYS {
        if let Some(value) = fields.get(key)
            && let Some(text) = decoder.text(value, key)
        {
            words.insert(key, text.value);
        }
    }
    fields.finish(decoder, STRING_KEYS, what);
    words
}

/// The part of the interface each key belongs to: the comment line right
/// above its group in `ENGLISH` ("Home page", "Levels" ...), by key.
pub fn groups() -> BTreeMap<&'static str, &'static str> {
    let mut groups = BTreeMap::new();
    let mut group = "";
    let mut previous = "";
    for line in ENGLISH.lines() {
        match line.split_once(" = ") {
            Some((key, _)) => {
                if let Some(heading) = previous.strip_prefix("# ") {
                    group = heading;
                }
                groups.insert(key, group);
            }
            None if line.is_empty() => group = "",
            None => {}
        }
        previous = line;
    }
    groups
}

/// The scripts of the default theme that write words, each with the group
/// of the table (its comment line in `ENGLISH`) it reads. A page that loads
/// a script carries that group's words as JSON in an element
/// `<script type="application/json" id="<script>-words">`.
pub const SCRIPT_GROUPS: [(&str, &str); 3] = [
    ("search", "Search box (script)"),
    ("scorecard", "Scorecard form (script)"),
    ("assess", "Self-assessment (script)"),
];

/// The words each script of [`SCRIPT_GROUPS`] reads, by script name.
pub fn script_words(words: &Strings) -> BTreeMap<&'static str, BTreeMap<&'static str, &str>> {
    let groups = groups();
    SCRIPT_GROUPS
        .iter()
        .map(|(script, group)| {
            let own = words
                .iter()
                .filter(|(key, _)| groups.get(*key) == Some(group))
                .map(|(key, text)| (*key, text.as_str()))
                .collect();
            (*script, own)
        })
        .collect()
}

/// English, then each table of overrides in turn.
pub fn merged(overrides: &[&Strings]) -> Strings {
    let mut words = english();
    for table in overrides {
        for (key, value) in table.iter() {
            words.insert(key, value.clone());
        }
    }
    words
}

/// Whether `language` (a BCP 47 tag) is written right to left: Arabic,
/// Hebrew, Persian and Urdu, with any region after them (`ar-EG`), and a
/// few more scripts of the same direction.
pub fn is_right_to_left(language: &str) -> bool {
    const RTL: [&str; 9] = ["ar", "he", "iw", "fa", "ur", "ps", "sd", "yi", "dv"];
    let primary = language
        .split(['-', '_'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    RTL.contains(&primary.as_str())
}

/// `rtl` or `ltr`, the `dir` of a page in `language`.
pub fn direction(language: &str) -> &'static str {
    if is_right_to_left(language) {
        "rtl"
    } else {
        "ltr"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::node::NodeKind;

    #[test]
    fn the_keys_are_those_of_the_shipped_table_in_its_order() {
        let node = crate::toml_tree::parse(ENGLISH).unwrap();
        let NodeKind::Map(entries) = &node.kind else {
            panic!("the table is a mapping");
        };
        let mut names: Vec<&str> = entries.iter().map(|(key, _)| key.name.as_str()).collect();
        names.sort_unstable();
        let mut keys = STRING_KEYS.to_vec();
        keys.sort_unstable();
        assert_eq!(names, keys);
        let in_file_order: Vec<&str> = ENGLISH
            .lines()
            .filter_map(|line| line.split_once(" = ").map(|(key, _)| key))
            .collect();
        assert_eq!(in_file_order, STRING_KEYS);
        let groups = groups();
        assert!(
            STRING_KEYS.iter().all(|key| !groups[key].is_empty()),
            "{groups:?}"
        );
        assert_eq!(english().len(), STRING_KEYS.len());
    }

    #[test]
    fn docs_theming_lists_every_key_with_its_english_text() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/theming.md");
        let doc = std::fs::read_to_string(path).expect("docs/theming.md exists");
        let groups = groups();
        for (key, english) in english() {
            let row = format!(
                "| `{key}` | {} | {} |",
                groups[key],
                english.replace('|', "\\|")
            );
            assert!(doc.contains(&row), "docs/theming.md lacks the row {row}");
        }
    }

    #[test]
    fn each_scripts_english_fallbacks_are_the_shipped_words_of_its_group() {
        let english = english();
        for (script, words) in script_words(&english) {
            assert!(!words.is_empty(), "{script} has words");
            let path = format!(
                "{}/themes/default/static/{script}.js",
                env!("CARGO_MANIFEST_DIR")
            );
            let source = std::fs::read_to_string(&path).expect("the script exists");
            for (key, text) in &words {
                let call = format!("word(\"{key}\", {}", serde_json::to_string(text).unwrap());
                assert!(source.contains(&call), "{script}.js lacks {call}");
            }
            for used in source.split("word(\"").skip(1) {
                let key = used.split('"').next().unwrap_or_default();
                assert!(
                    words.contains_key(key),
                    "{script}.js reads {key}, not in its group"
                );
            }
        }
    }

    #[test]
    fn unknown_keys_are_reported_with_a_close_one() {
        let node =
            crate::toml_tree::parse("nav_matrx = \"Matrice\"\nnav_levels = \"Niveaux\"\n").unwrap();
        let mut problems = crate::diagnostics::Diagnostics::default();
        let mut decoder = Decoder {
            file: "book.toml",
            diagnostics: &mut problems,
        };
        let words = decode_strings(&node, &mut decoder, "[strings]");
        assert_eq!(words.get("nav_levels").map(String::as_str), Some("Niveaux"));
        let problems = problems.sorted();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].code, "unknown-field");
        assert!(
            problems[0]
                .help
                .as_deref()
                .unwrap_or("")
                .contains("nav_matrix")
        );
        let merged = merged(&[&words]);
        assert_eq!(merged["nav_levels"], "Niveaux");
        assert_eq!(merged["nav_matrix"], "Matrix");
    }

    #[test]
    fn right_to_left_languages_and_their_regions() {
        for rtl in [
            "ar", "ar-EG", "he", "he-IL", "fa", "fa-IR", "ur", "ur-PK", "AR",
        ] {
            assert_eq!(direction(rtl), "rtl", "{rtl}");
        }
        for ltr in ["en", "en-US", "fr", "de-AR", "", "hr", "ja"] {
            assert_eq!(direction(ltr), "ltr", "{ltr}");
        }
    }
}
