//! The only code that touches pulldown-cmark: Markdown → HTML fragments.
//!
//! Here live the HTML policy (raw HTML dropped unless allowed; `javascript:`
//! and similar link schemes dropped always), heading anchors, and `@/kind/id`
//! links, which are resolved against the book and written relative to the
//! site root behind [`ROOT_MARKER`]. The page writer replaces the marker with
//! the page's own way back to the root (`""`, `"../"`, ...), so one rendered
//! fragment serves pages at any depth and the site works from any sub-path.

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};

/// Stands for "the site root, relative to the current page" in rendered HTML.
pub const ROOT_MARKER: char = '\u{1}';

/// Resolves `@/kind/id#anchor` targets against the book.
pub trait LinkResolver {
    /// The target's address relative to the site root, or why it is broken.
    fn resolve(&self, kind: &str, id: &str, anchor: Option<&str>) -> Result<String, LinkProblem>;
}

/// A broken internal link.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkProblem {
    pub message: String,
    pub help: Option<String>,
}

/// A problem found while rendering, at a byte offset of the Markdown source.
#[derive(Debug, Clone, PartialEq)]
pub struct MarkdownProblem {
    pub offset: usize,
    pub code: &'static str,
    pub problem: LinkProblem,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub text: String,
}

/// The result of rendering one Markdown text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Rendered {
    /// HTML with internal links behind [`ROOT_MARKER`].
    pub html: String,
    /// Text without markup, for search and `<meta name=description>`.
    pub plain: String,
    pub headings: Vec<Heading>,
    pub problems: Vec<MarkdownProblem>,
}

#[derive(Debug, Clone, Copy, Default)]
pub struct MarkdownOptions {
    pub allow_html: bool,
    /// Render a one-line string without its `<p>` wrapper.
    pub inline: bool,
}

pub fn render(source: &str, options: MarkdownOptions, links: &dyn LinkResolver) -> Rendered {
    // The marker must come only from our own link rewriting.
    let cleaned;
    let source = if source.contains(ROOT_MARKER) {
        cleaned = source.replace(ROOT_MARKER, "\u{fffd}");
        cleaned.as_str()
    } else {
        source
    };
    let parser_options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_HEADING_ATTRIBUTES;
    let mut events: Vec<Event> = Vec::new();
    let mut problems = Vec::new();
    let mut plain = String::new();
    // For each open link: was its start tag kept (so its end must be too)?
    let mut open_links: Vec<bool> = Vec::new();
    for (event, range) in Parser::new_ext(source, parser_options).into_offset_iter() {
        match event {
            Event::Html(_) | Event::InlineHtml(_) if !options.allow_html => {}
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => match rewrite_url(&dest_url, links) {
                Ok(url) => {
                    open_links.push(true);
                    events.push(Event::Start(Tag::Link {
                        link_type,
                        dest_url: url,
                        title,
                        id,
                    }));
                }
                Err((code, problem)) => {
                    open_links.push(false);
                    if let Some(problem) = problem {
                        problems.push(MarkdownProblem {
                            offset: range.start,
                            code,
                            problem,
                        });
                    }
                }
            },
            Event::End(TagEnd::Link) => {
                if open_links.pop().unwrap_or(false) {
                    events.push(Event::End(TagEnd::Link));
                }
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let url = match rewrite_url(&dest_url, links) {
                    Ok(url) => url,
                    Err((code, problem)) => {
                        if let Some(problem) = problem {
                            problems.push(MarkdownProblem {
                                offset: range.start,
                                code,
                                problem,
                            });
                        }
                        CowStr::Borrowed("")
                    }
                };
                events.push(Event::Start(Tag::Image {
                    link_type,
                    dest_url: url,
                    title,
                    id,
                }));
            }
            Event::Text(ref text) | Event::Code(ref text) => {
                if !plain.is_empty() && !plain.ends_with(' ') {
                    plain.push(' ');
                }
                plain.push_str(text.trim());
                events.push(event);
            }
            Event::SoftBreak | Event::HardBreak => {
                plain.push(' ');
                events.push(event);
            }
            other => events.push(other),
        }
    }
    let headings = anchor_headings(&mut events);
    let mut out = String::with_capacity(source.len() * 3 / 2);
    html::push_html(&mut out, events.into_iter());
    if options.inline {
        out = unwrap_single_paragraph(out);
    }
    Rendered {
        html: out,
        plain: plain.trim().to_string(),
        headings,
        problems,
    }
}

type UrlError = (&'static str, Option<LinkProblem>);

/// `@/` links resolved; dangerous schemes refused; everything else kept.
fn rewrite_url<'a>(url: &CowStr<'a>, links: &dyn LinkResolver) -> Result<CowStr<'a>, UrlError> {
    if let Some(target) = url.strip_prefix("@/") {
        let (path, anchor) = match target.split_once('#') {
            Some((path, anchor)) => (path, Some(anchor)),
            None => (target, None),
        };
        let Some((kind, id)) = path.split_once('/') else {
            return Err((
                "broken-link",
                Some(LinkProblem {
                    message: format!("`{url}` does not name a kind and an id"),
                    help: Some("write links as `@/<kind>/<id>`, e.g. `@/levels/sre-2`".into()),
                }),
            ));
        };
        return links
            .resolve(kind, id, anchor)
            .map(|address| CowStr::from(format!("{ROOT_MARKER}{address}")))
            .map_err(|problem| ("broken-link", Some(problem)));
    }
    if is_dangerous(url) {
        return Err(("unsafe-link", None));
    }
    Ok(url.clone())
}

fn is_dangerous(url: &str) -> bool {
    // Browsers ignore ASCII whitespace and control characters inside schemes.
    let scheme: String = url
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_ascii_control())
        .take(16)
        .collect::<String>()
        .to_ascii_lowercase();
    scheme.starts_with("javascript:")
        || scheme.starts_with("vbscript:")
        || scheme.starts_with("data:")
}

/// Gives every heading an id (its `{#id}` if written, else a unique slug).
fn anchor_headings(events: &mut [Event]) -> Vec<Heading> {
    let mut headings = Vec::new();
    let mut used = std::collections::HashSet::new();
    let mut index = 0;
    while index < events.len() {
        if let Event::Start(Tag::Heading { level, id, .. }) = &events[index] {
            let level = heading_number(*level);
            let explicit = id.as_ref().map(|id| id.to_string());
            let mut text = String::new();
            let mut end = index + 1;
            while end < events.len() && !matches!(events[end], Event::End(TagEnd::Heading(_))) {
                if let Event::Text(t) | Event::Code(t) = &events[end] {
                    text.push_str(t);
                }
                end += 1;
            }
            let base = explicit.unwrap_or_else(|| slugify(&text));
            let mut unique = if base.is_empty() {
                "section".to_string()
            } else {
                base
            };
            let mut suffix = 1;
            while !used.insert(unique.clone()) {
                unique = format!(
                    "{}-{suffix}",
                    unique
                        .trim_end_matches(|c: char| c.is_ascii_digit())
                        .trim_end_matches('-')
                );
                suffix += 1;
            }
            if let Event::Start(Tag::Heading { id, .. }) = &mut events[index] {
                *id = Some(CowStr::from(unique.clone()));
            }
            headings.push(Heading {
                level,
                id: unique,
                text,
            });
            index = end;
        }
        index += 1;
    }
    headings
}

fn heading_number(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// Lowercase words joined by `-`: the anchor of a heading.
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if (c.is_whitespace() || c == '-' || c == '_')
            && !slug.ends_with('-')
            && !slug.is_empty()
        {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_string()
}

fn unwrap_single_paragraph(html: String) -> String {
    let trimmed = html.trim_end();
    if let Some(inner) = trimmed
        .strip_prefix("<p>")
        .and_then(|rest| rest.strip_suffix("</p>"))
        && !inner.contains("<p>")
    {
        return inner.to_string();
    }
    html
}

/// How the marker reads inside an attribute written by pulldown-cmark, which
/// percent-encodes control characters in link targets.
const ENCODED_MARKER_ATTRIBUTE: &str = "=\"%01";

/// Replaces the root marker with the way from a page back to the site root.
pub fn relativize(html: &str, root: &str) -> String {
    let mut out = if html.contains(ROOT_MARKER) {
        html.replace(ROOT_MARKER, root)
    } else {
        html.to_string()
    };
    if out.contains(ENCODED_MARKER_ATTRIBUTE) {
        out = out.replace(ENCODED_MARKER_ATTRIBUTE, &format!("=\"{root}"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Links;
    impl LinkResolver for Links {
        fn resolve(
            &self,
            kind: &str,
            id: &str,
            anchor: Option<&str>,
        ) -> Result<String, LinkProblem> {
            if kind == "levels" && id == "sre-2" {
                Ok(format!(
                    "levels/sre-2.html{}",
                    anchor.map(|a| format!("#{a}")).unwrap_or_default()
                ))
            } else {
                Err(LinkProblem {
                    message: format!("no {kind} `{id}`"),
                    help: None,
                })
            }
        }
    }

    fn html(source: &str, allow_html: bool) -> Rendered {
        render(
            source,
            MarkdownOptions {
                allow_html,
                inline: false,
            },
            &Links,
        )
    }

    #[test]
    fn internal_links_are_rewritten_behind_the_root_marker() {
        let out = html("See [L2](@/levels/sre-2#slo).", false);
        assert_eq!(
            relativize(&out.html, "../"),
            "<p>See <a href=\"../levels/sre-2.html#slo\">L2</a>.</p>\n"
        );
        assert!(out.problems.is_empty());
    }

    #[test]
    fn broken_internal_links_are_reported_at_their_offset() {
        let out = html("Intro\n\n[x](@/levels/nope)", false);
        assert_eq!(out.problems.len(), 1);
        assert_eq!(out.problems[0].offset, 7);
        assert!(!out.html.contains("href"));
    }

    #[test]
    fn raw_html_is_dropped_unless_allowed() {
        let source = "<script>alert(1)</script>\n\nText <b>bold</b>";
        let dropped = html(source, false).html;
        assert!(
            !dropped.contains("<script") && !dropped.contains("<b>"),
            "{dropped}"
        );
        assert!(html(source, true).html.contains("<b>bold</b>"));
    }

    #[test]
    fn dangerous_schemes_are_dropped() {
        let out = html(
            "[x](javascript:alert(1)) [y]( JaVa\tScript:alert(2)) ![i](data:text/html,x)",
            false,
        );
        assert!(
            !out.html.to_lowercase().contains("javascript"),
            "{}",
            out.html
        );
        assert!(!out.html.contains("data:"), "{}", out.html);
    }

    #[test]
    fn headings_get_unique_anchors() {
        let out = html("# Who they are\n## Who they are\n### Custom {#mine}", false);
        let ids: Vec<_> = out.headings.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["who-they-are", "who-they-are-1", "mine"]);
        assert!(out.html.contains("<h1 id=\"who-they-are\">"));
    }

    #[test]
    fn inline_text_loses_its_paragraph() {
        let out = render(
            "Owns *one* service",
            MarkdownOptions {
                allow_html: false,
                inline: true,
            },
            &Links,
        );
        assert_eq!(out.html, "Owns <em>one</em> service");
        assert_eq!(out.plain, "Owns one service");
    }

    #[test]
    fn the_root_marker_cannot_be_forged() {
        let out = html("a\u{1}b", false);
        assert!(!out.html.contains(ROOT_MARKER));
    }
}
