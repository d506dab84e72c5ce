//! A report as one self-contained HTML file: the site's own stylesheet
//! inlined (so a report looks like the handbook it was made against, and
//! follows its light and dark colours), a few report rules, no script and
//! nothing fetched, so it can be mailed, attached to a ticket or opened from
//! disk. Text from files is always escaped here.

use std::fmt::Write as _;

use crate::render::theme::ASSETS;

/// The rules reports add to the site's stylesheet.
const REPORT_CSS: &str = include_str!("report.css");

/// The site's stylesheet as the default theme ships it.
fn site_stylesheet() -> &'static str {
    ASSETS
        .iter()
        .find(|(path, _)| *path == "static/style.css")
        .map(|(_, text)| *text)
        .expect("the default theme has a stylesheet")
}

/// The whole page around `body` (already HTML).
pub fn render_page(title: &str, lang: &str, body: &str) -> String {
    let mut out = String::with_capacity(body.len() + 40_000);
    let _ = write!(
        out,
        "<!doctype html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"ladderbook\">\n<title>{}</title>\n<style>\n{}\n{}</style>\n\
         </head>\n<body class=\"wide report\">\n<main>\n{body}</main>\n</body>\n</html>\n",
        escape(lang),
        escape(title),
        site_stylesheet(),
        REPORT_CSS,
    );
    out
}

/// Text (or an attribute value) safe in HTML.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// A `<table class="data">`: `header` cells, then rows of cells that are
/// already HTML; `right` marks numeric, right-aligned columns.
pub fn table(caption: &str, header: &[&str], rows: &[Vec<String>], right: &[bool]) -> String {
    let class = |i: usize| {
        if right.get(i).copied().unwrap_or(false) {
            " class=\"num\""
        } else {
            ""
        }
    };
    let mut out = String::from("<div class=\"table-wide\"><table class=\"data\">");
    if !caption.is_empty() {
        let _ = write!(out, "<caption>{}</caption>", escape(caption));
    }
    out.push_str("<thead><tr>");
    for (i, cell) in header.iter().enumerate() {
        let _ = write!(out, "<th scope=\"col\"{}>{}</th>", class(i), escape(cell));
    }
    out.push_str("</tr></thead><tbody>\n");
    for row in rows {
        out.push_str("<tr>");
        for (i, cell) in row.iter().enumerate() {
            if i == 0 {
                let _ = write!(out, "<th scope=\"row\">{cell}</th>");
            } else {
                let _ = write!(out, "<td{}>{cell}</td>", class(i));
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table></div>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_is_self_contained_and_escapes_its_title() {
        let page = render_page("Jo <b>", "en", "<p>hi</p>\n");
        assert!(page.starts_with("<!doctype html>\n<html lang=\"en\">"));
        assert!(page.contains("<title>Jo &lt;b&gt;</title>"));
        assert!(
            page.contains("--accent:"),
            "the site's stylesheet is inlined"
        );
        assert!(!page.contains("<script"));
        assert!(!page.contains(" src="));
        assert!(!page.contains("<link"));
    }

    #[test]
    fn tables_escape_headers_and_mark_numbers() {
        let out = table(
            "",
            &["Who", "<n>"],
            &[vec!["Ann".into(), "3".into()]],
            &[false, true],
        );
        assert!(out.contains("<th scope=\"col\" class=\"num\">&lt;n&gt;</th>"));
        assert!(out.contains("<tr><th scope=\"row\">Ann</th><td class=\"num\">3</td></tr>"));
    }

    #[test]
    fn control_characters_and_quotes_are_escaped() {
        assert_eq!(escape("a\"b'\u{1b}"), "a&quot;b&#39;\u{fffd}");
    }
}
