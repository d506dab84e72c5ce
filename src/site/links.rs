//! `check --links`: every internal link and `#anchor` of the rendered site.
//!
//! The site is rendered into memory exactly as `build` would write it; then
//! one pass indexes each HTML page's element ids (a map from path to id set)
//! and one pass checks each page's `href` and `src` targets against that
//! index, so the work grows with the number of links, not pages × pages.
//! External targets (`https:`, `mailto:`, `//host`) are not checked.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::Path;

use percent_encoding::percent_decode_str;

use crate::content::model::Book;
use crate::decode::did_you_mean;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::node::Pos;
use crate::render::{PageKind, PlannedPage};
use crate::site::render_in_memory;

/// Renders the site in memory and reports each internal link that leads to
/// no file of the site, or to a page without the `#anchor` it names.
/// Template problems stop the check and are returned as they are.
pub fn check_links(book: &Book, root: &Path) -> anyhow::Result<Diagnostics> {
    let mut diagnostics = Diagnostics::default();
    let (files, plan) = match render_in_memory(book, root, None)? {
        Ok(rendered) => rendered,
        Err(problems) => return Ok(problems),
    };
    let broken = broken_links(&files);
    for link in &broken {
        // The print edition repeats every page: a link broken there and on
        // its own page is reported once, where it was written.
        let repeated = |other: &BrokenLink| other.page != PRINT && other.missing == link.missing;
        if link.page == PRINT && broken.iter().any(repeated) {
            continue;
        }
        let page = plan.iter().find(|p| p.path == link.page);
        diagnostics.push(diagnostic(book, root, page, link));
    }
    Ok(diagnostics)
}

const PRINT: &str = "print.html";

/// One link that leads nowhere.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct BrokenLink {
    /// The page the link is on.
    pub page: String,
    /// The link as written in the page (`href` or `src`).
    pub target: String,
    pub missing: Missing,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Missing {
    /// No file at this site path (`..` above the root gives an empty path).
    File(String),
    /// The file exists but has no element with this id (`closest`: one
    /// that it has with a similar name).
    Anchor {
        file: String,
        anchor: String,
        closest: Option<String>,
    },
}

/// Every broken internal link of a rendered site (paths → bytes), each
/// (page, target) once, sorted.
pub fn broken_links(files: &HashMap<String, Vec<u8>>) -> Vec<BrokenLink> {
    let pages: HashMap<&str, PageLinks> = files
        .iter()
        .filter(|(path, _)| path.ends_with(".html"))
        .map(|(path, bytes)| (path.as_str(), scan(&String::from_utf8_lossy(bytes))))
        .collect();
    let mut broken = BTreeSet::new();
    for (page, links) in &pages {
        for target in &links.targets {
            if let Some(missing) = check_target(page, target, files, &pages) {
                broken.insert(BrokenLink {
                    page: page.to_string(),
                    target: target.clone(),
                    missing,
                });
            }
        }
    }
    broken.into_iter().collect()
}

fn check_target(
    page: &str,
    target: &str,
    files: &HashMap<String, Vec<u8>>,
    pages: &HashMap<&str, PageLinks>,
) -> Option<Missing> {
    if is_external(target) {
        return None;
    }
    let (path, fragment) = match target.split_once('#') {
        Some((path, fragment)) => (path, Some(fragment)),
        None => (target, None),
    };
    let path = path.split('?').next().unwrap_or_default();
    let file = if path.is_empty() {
        page.to_string()
    } else {
        let Some(resolved) = resolve_path(page, &decode(path)) else {
            return Some(Missing::File(String::new()));
        };
        match [resolved.clone(), format!("{resolved}/index.html")]
            .into_iter()
            .find(|candidate| files.contains_key(candidate))
        {
            Some(found) => found,
            None => return Some(Missing::File(resolved)),
        }
    };
    let anchor = decode(fragment?);
    // `#` and `#top` scroll to the top of any page (HTML's "indicated part").
    if anchor.is_empty() || anchor.eq_ignore_ascii_case("top") {
        return None;
    }
    let ids = &pages.get(file.as_str())?.ids;
    if ids.contains(&anchor) {
        return None;
    }
    let mut known: Vec<&str> = ids.iter().map(String::as_str).collect();
    known.sort_unstable();
    let closest = did_you_mean(&anchor, &known).map(str::to_string);
    Some(Missing::Anchor {
        file,
        anchor,
        closest,
    })
}

/// A URL with a scheme (`https:`, `mailto:`) or a host (`//cdn`).
fn is_external(target: &str) -> bool {
    if target.starts_with("//") {
        return true;
    }
    let scheme_end = target.find(|c: char| !(c.is_ascii_alphanumeric() || "+-.".contains(c)));
    matches!(scheme_end, Some(end) if end > 0 && target[end..].starts_with(':')
        && target.as_bytes()[0].is_ascii_alphabetic())
}

fn decode(text: &str) -> String {
    percent_decode_str(text).decode_utf8_lossy().into_owned()
}

/// The site path `link` leads to from `page`; `None` above the site root.
/// A leading `/` is the site root (the 404 page's links).
fn resolve_path(page: &str, link: &str) -> Option<String> {
    let mut parts: Vec<&str> = if link.starts_with('/') {
        Vec::new()
    } else {
        page.split('/').collect()
    };
    parts.pop(); // the page's own file name (or the empty root)
    for part in link.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            part => parts.push(part),
        }
    }
    let mut path = parts.join("/");
    if link.ends_with('/') || path.is_empty() {
        path = format!("{path}/index.html")
            .trim_start_matches('/')
            .to_string();
    }
    Some(path)
}

/// The ids and link targets of one HTML page.
#[derive(Debug, Default, PartialEq)]
pub struct PageLinks {
    /// `id` attributes, and `name` of `<a>` (both are fragment targets).
    pub ids: HashSet<String>,
    /// `href` and `src` attribute values, entities decoded, in page order.
    pub targets: Vec<String>,
}

/// Scans HTML for start tags and their attributes, skipping comments,
/// doctypes and the raw text of `<script>` and `<style>`.
pub fn scan(html: &str) -> PageLinks {
    let mut links = PageLinks::default();
    let bytes = html.as_bytes();
    let mut at = 0;
    while let Some(found) = html[at..].find('<') {
        at += found;
        let rest = &html[at..];
        if let Some(comment) = rest.strip_prefix("<!--") {
            at += 4 + comment.find("-->").map_or(comment.len(), |end| end + 3);
        } else if rest.starts_with("<!") || rest.starts_with("<?") || rest.starts_with("</") {
            at += rest.find('>').map_or(rest.len(), |end| end + 1);
        } else if bytes.get(at + 1).is_some_and(u8::is_ascii_alphabetic) {
            let (tag, end) = start_tag(html, at + 1);
            at = end;
            record(&tag, &mut links);
            if matches!(tag.name.as_str(), "script" | "style") {
                let close = format!("</{}", tag.name);
                at += find_ignore_case(&html[at..], &close).unwrap_or(html.len() - at);
            }
        } else {
            at += 1;
        }
    }
    links
}

struct StartTag {
    name: String,
    attributes: Vec<(String, String)>,
}

fn record(tag: &StartTag, links: &mut PageLinks) {
    for (name, value) in &tag.attributes {
        match name.as_str() {
            "id" => {
                links.ids.insert(value.clone());
            }
            "name" if tag.name == "a" => {
                links.ids.insert(value.clone());
            }
            "href" | "src" => links.targets.push(value.trim().to_string()),
            _ => {}
        }
    }
}

/// Reads a start tag from just after its `<`; returns it and the offset
/// after its `>` (the HTML tokenizer's rules for names and values).
fn start_tag(html: &str, from: usize) -> (StartTag, usize) {
    let bytes = html.as_bytes();
    let is_space = |b: u8| b.is_ascii_whitespace();
    let mut at = from;
    let name_end = |at: usize, stop: &dyn Fn(u8) -> bool| {
        at + bytes[at..]
            .iter()
            .position(|&b| stop(b))
            .unwrap_or(bytes.len() - at)
    };
    let end = name_end(at, &|b| is_space(b) || b == b'/' || b == b'>');
    let mut tag = StartTag {
        name: html[at..end].to_ascii_lowercase(),
        attributes: Vec::new(),
    };
    at = end;
    loop {
        while at < bytes.len() && (is_space(bytes[at]) || bytes[at] == b'/') {
            at += 1;
        }
        if at >= bytes.len() || bytes[at] == b'>' {
            return (tag, (at + 1).min(bytes.len()));
        }
        let end = name_end(at + 1, &|b| is_space(b) || b"/>=".contains(&b));
        let name = html[at..end].to_ascii_lowercase();
        at = end;
        while at < bytes.len() && is_space(bytes[at]) {
            at += 1;
        }
        let mut value = String::new();
        if bytes.get(at) == Some(&b'=') {
            at += 1;
            while at < bytes.len() && is_space(bytes[at]) {
                at += 1;
            }
            let (raw, next) = match bytes.get(at) {
                Some(&quote @ (b'"' | b'\'')) => {
                    let close = name_end(at + 1, &|b| b == quote);
                    (&html[at + 1..close], (close + 1).min(bytes.len()))
                }
                _ => {
                    let close = name_end(at, &|b| is_space(b) || b == b'>');
                    (&html[at..close], close)
                }
            };
            value = unescape(raw);
            at = next;
        }
        tag.attributes.push((name, value));
    }
}

fn find_ignore_case(haystack: &str, needle: &str) -> Option<usize> {
    haystack
        .as_bytes()
        .windows(needle.len())
        .position(|window| window.eq_ignore_ascii_case(needle.as_bytes()))
}

/// Decodes the character references templates and Markdown write
/// (`&amp;`, `&quot;`, `&#39;`, `&#x2F;`...); others are kept as written.
fn unescape(raw: &str) -> String {
    if !raw.contains('&') {
        return raw.to_string();
    }
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(start) = rest.find('&') {
        out.push_str(&rest[..start]);
        rest = &rest[start..];
        let decoded = rest.find(';').filter(|&end| end <= 10).and_then(|end| {
            let name = &rest[1..end];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                _ => name
                    .strip_prefix("#x")
                    .or_else(|| name.strip_prefix("#X"))
                    .map(|hex| u32::from_str_radix(hex, 16))
                    .or_else(|| name.strip_prefix('#').map(str::parse))
                    .and_then(Result::ok)
                    .and_then(char::from_u32),
            }?;
            Some((c, end + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The diagnostic of a broken link, pinned to the content file that made the
/// page when the link is found in it, else to the page itself.
fn diagnostic(
    book: &Book,
    root: &Path,
    page: Option<&PlannedPage>,
    broken: &BrokenLink,
) -> Diagnostic {
    let (what, help) = match &broken.missing {
        Missing::File(path) if path.is_empty() => (
            "which leads above the site's root".to_string(),
            "internal links stay inside the site; write `@/<kind>/<id>` links and they are made relative for you".to_string(),
        ),
        Missing::File(path) => (
            format!("but the site has no file `{path}`"),
            "link to an item with `@/<kind>/<id>` (checked when the book is loaded), or to a file under content/static/".to_string(),
        ),
        Missing::Anchor {
            file,
            anchor,
            closest,
        } => (
            format!("but `{file}` has no element with the id `{anchor}`"),
            match closest {
                Some(closest) => format!("did you mean `#{closest}`?"),
                None => "link to one of the page's headings (their anchors are their slugs, or `{#id}`); a level's competency sections and a competency's level rows are anchored by id".to_string(),
            },
        ),
    };
    let message = format!(
        "the page `{}` links to `{}`, {what}",
        broken.page, broken.target
    );
    let needle = match &broken.missing {
        Missing::Anchor { anchor, .. } => format!("#{anchor}"),
        Missing::File(_) => {
            let path = broken.target.split(['#', '?']).next().unwrap_or_default();
            path.rsplit('/').next().unwrap_or(path).to_string()
        }
    };
    let located = page
        .and_then(|page| source_file(book, root, page))
        .and_then(|file| Some((find_in_file(root, &file, &needle)?, file)));
    match located {
        Some((pos, file)) => Diagnostic::error("broken-link", &file, pos, message),
        None => Diagnostic::error("broken-link", &broken.page, Pos::new(1, 1), message),
    }
    .with_help(help)
}

/// The content file a page was made from, relative to the book root, when
/// it is on disk under its usual name.
fn source_file(book: &Book, root: &Path, page: &PlannedPage) -> Option<String> {
    let content = &book.config.build.content_dir;
    let candidates: Vec<String> = match &page.kind {
        PageKind::Home => vec!["index.md".into()],
        PageKind::Level(i) => vec![format!("levels/{}.md", book.levels[*i].id)],
        PageKind::Competency(i) => ["yaml", "yml", "md"]
            .iter()
            .map(|ext| format!("competencies/{}.{ext}", book.competencies[*i].id))
            .collect(),
        PageKind::Archetype(i) => vec![format!("archetypes/{}.md", book.archetypes[*i].id)],
        PageKind::Scorecard(i) => ["yaml", "yml"]
            .iter()
            .map(|ext| format!("scorecards/{}.{ext}", book.scorecards[*i].id))
            .collect(),
        PageKind::Page(i) => vec![format!("pages/{}.md", book.pages[*i].path)],
        PageKind::Role(i) => {
            let file = &book.roles[*i].file;
            return root.join(file).is_file().then(|| file.clone());
        }
        _ => Vec::new(),
    };
    candidates
        .into_iter()
        .map(|candidate| format!("{content}/{candidate}"))
        .find(|file| root.join(file).is_file())
}

/// The line and column of the first occurrence of `needle` in a file.
fn find_in_file(root: &Path, file: &str, needle: &str) -> Option<Pos> {
    if needle.is_empty() {
        return None;
    }
    let text = std::fs::read_to_string(root.join(file)).ok()?;
    (1..).zip(text.lines()).find_map(|(line, text)| {
        let byte = text.find(needle)?;
        Some(Pos::new(line, text[..byte].chars().count() as u32 + 1))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(pages: &[(&str, &str)]) -> HashMap<String, Vec<u8>> {
        pages
            .iter()
            .map(|(path, html)| (path.to_string(), html.as_bytes().to_vec()))
            .collect()
    }

    #[test]
    fn ids_and_targets_are_read_from_start_tags() {
        let links = scan(
            "<!DOCTYPE html><!-- <a href=\"no\"> --><h2 id=\"a&amp;b\">x</h2>\
             <A HREF='x.html#y' class=c>x</A><a name=old>o</a><img alt=\"i\" src = img.png>\
             <script>if (a<b) { x = \"<a href='skipped'>\" }</script><style>a{}</style>\
             <link href=\"s.css\"/><p title=\"a > b\" id=\"c\">",
        );
        assert_eq!(links.targets, ["x.html#y", "img.png", "s.css"]);
        let mut ids: Vec<_> = links.ids.into_iter().collect();
        ids.sort();
        assert_eq!(ids, ["a&b", "c", "old"]);
    }

    #[test]
    fn character_references_in_values_are_decoded() {
        assert_eq!(
            unescape("a&#x2F;b&#39;c&quot;&amp;&bogus;&"),
            "a/b'c\"&&bogus;&"
        );
    }

    #[test]
    fn paths_resolve_relative_to_the_page() {
        assert_eq!(
            resolve_path("levels/sre-1.html", "../matrix.html").as_deref(),
            Some("matrix.html")
        );
        assert_eq!(
            resolve_path("pages/a/b.html", "./c.html").as_deref(),
            Some("pages/a/c.html")
        );
        assert_eq!(
            resolve_path("levels/x.html", "../").as_deref(),
            Some("index.html")
        );
        assert_eq!(
            resolve_path("levels/x.html", "./").as_deref(),
            Some("levels/index.html")
        );
        assert_eq!(
            resolve_path("404.html", "/levels/").as_deref(),
            Some("levels/index.html")
        );
        assert_eq!(resolve_path("index.html", "../x.html"), None);
    }

    #[test]
    fn external_targets_are_not_checked() {
        for external in ["https://x.org/a", "mailto:a@b", "//cdn.x/y.js", "tel:+1"] {
            assert!(is_external(external), "{external}");
        }
        for internal in ["a.html", "../a:b.html", "#x", "./x", "1x:y"] {
            assert!(!is_external(internal), "{internal}");
        }
    }

    #[test]
    fn missing_files_and_anchors_are_reported_once() {
        let files = site(&[
            (
                "index.html",
                "<a href=\"levels/a.html#ok\"></a><a href=\"levels/a.html#nope\"></a>\
                            <a href=\"levels/a.html#nope\"></a><a href=\"gone.html\"></a>",
            ),
            (
                "levels/a.html",
                "<h2 id=\"ok\"></h2><a href=\"../index.html#top\"></a>\
                               <a href=\"#\"></a><a href=\"../../up.html\"></a>\
                               <img src=\"../static/p%20q.png\">",
            ),
            ("static/p q.png", ""),
        ]);
        assert_eq!(
            broken_links(&files),
            [
                BrokenLink {
                    page: "index.html".into(),
                    target: "gone.html".into(),
                    missing: Missing::File("gone.html".into()),
                },
                BrokenLink {
                    page: "index.html".into(),
                    target: "levels/a.html#nope".into(),
                    missing: Missing::Anchor {
                        file: "levels/a.html".into(),
                        anchor: "nope".into(),
                        closest: None,
                    },
                },
                BrokenLink {
                    page: "levels/a.html".into(),
                    target: "../../up.html".into(),
                    missing: Missing::File(String::new()),
                },
            ]
        );
    }

    #[test]
    fn a_missing_anchor_names_the_closest_one() {
        let files = site(&[(
            "index.html",
            "<h2 id=\"incident-management\"></h2><a href=\"#incident-managment\"></a>",
        )]);
        let broken = broken_links(&files);
        assert_eq!(
            broken[0].missing,
            Missing::Anchor {
                file: "index.html".into(),
                anchor: "incident-managment".into(),
                closest: Some("incident-management".into()),
            }
        );
    }

    #[test]
    fn folders_lead_to_their_index_and_fragments_are_decoded() {
        let files = site(&[
            (
                "index.html",
                "<a href=\"levels\"></a><a href=\"#caf%C3%A9\"></a><p id=\"café\">",
            ),
            ("levels/index.html", ""),
        ]);
        assert!(broken_links(&files).is_empty());
    }
}
