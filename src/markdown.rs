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

/// The text between one heading and the next, for search results that lead
/// to the exact place.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Section {
    /// The heading's anchor; empty for the text before the first heading.
    pub id: String,
    /// The heading's text; empty for the text before the first heading.
    pub title: String,
    /// The section's text without markup (the heading itself excluded).
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
    /// The text split at headings: one section per heading, in order, led by
    /// the text before the first heading when there is any.
    pub sections: Vec<Section>,
    pub problems: Vec<MarkdownProblem>,
}

#[derive(Debug, Clone, Copy, Default)]
pub struct MarkdownOptions {
    pub allow_html: bool,
    /// Render a one-line string without its `<p>` wrapper.
    pub inline: bool,
    /// Also produce [`Rendered::plain`]; the bodies of guides, the bulk of a
    /// large book, are searched by section and need no flat text.
    pub plain: bool,
}

/// The Markdown extensions guides are written with (the floor examples in
/// `examples/` use them too, so the benchmark compares like with like).
pub fn parser_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// The problems [`render`] would report for `source`, without rendering:
/// the load stage validates every guide's links this way and leaves the
/// rendering to the moment its page is written.
pub fn link_problems(source: &str, links: &dyn LinkResolver) -> Vec<MarkdownProblem> {
    let mut problems = Vec::new();
    for (event, range) in Parser::new_ext(source, parser_options()).into_offset_iter() {
        let outcome = match &event {
            Event::Start(Tag::Link { dest_url, .. }) => rewrite_link(dest_url, links).err(),
            Event::Start(Tag::Image { dest_url, .. }) => rewrite_image(dest_url, links).err(),
            _ => None,
        };
        if let Some(Some((code, problem))) = outcome {
            problems.push(MarkdownProblem {
                offset: range.start,
                code,
                problem,
            });
        }
    }
    problems
}

pub fn render(source: &str, options: MarkdownOptions, links: &dyn LinkResolver) -> Rendered {
    // The marker must come only from our own link rewriting.
    let cleaned;
    // A byte search: `str::contains` with a `char` scans without SIMD, and
    // this sees every byte of every guide.
    let source = if memchr::memchr(ROOT_MARKER as u8, source.as_bytes()).is_some() {
        cleaned = source.replace(ROOT_MARKER, "\u{fffd}");
        cleaned.as_str()
    } else {
        source
    };
    let mut events: Vec<Event> = Vec::with_capacity(source.len() / 16);
    let mut problems = Vec::new();
    let mut plain = String::new();
    // For each open link: was its start tag kept (so its end must be too)?
    let mut open_links: Vec<bool> = Vec::new();
    let mut section_texts = SectionTexts::new(source.len());
    let mut report = |offset: usize, failure: Option<(&'static str, LinkProblem)>| {
        if let Some((code, problem)) = failure {
            problems.push(MarkdownProblem {
                offset,
                code,
                problem,
            });
        }
    };
    for (event, range) in Parser::new_ext(source, parser_options()).into_offset_iter() {
        section_texts.see(&event);
        match event {
            Event::Html(_) | Event::InlineHtml(_) if !options.allow_html => {}
            // `# Title {onclick=...}` would write any attribute: raw HTML by
            // another name. Ids and classes stay (anchors, styling).
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) if !options.allow_html && !attrs.is_empty() => {
                events.push(Event::Start(Tag::Heading {
                    level,
                    id,
                    classes,
                    attrs: Vec::new(),
                }));
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => match rewrite_link(&dest_url, links) {
                // The writer would percent-encode the marker in `href` (`%01`),
                // where `relativize` cannot tell it from text: write the tag here.
                Ok(Destination::Internal(address)) => {
                    open_links.push(true);
                    events.push(Event::InlineHtml(
                        internal_link_tag(&address, &title).into(),
                    ));
                }
                Ok(Destination::Url(url)) => {
                    open_links.push(true);
                    events.push(Event::Start(Tag::Link {
                        link_type,
                        dest_url: url,
                        title,
                        id,
                    }));
                }
                Err(failure) => {
                    open_links.push(false);
                    report(range.start, failure);
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
                let url = rewrite_image(&dest_url, links).unwrap_or_else(|failure| {
                    report(range.start, failure);
                    CowStr::Borrowed("")
                });
                events.push(Event::Start(Tag::Image {
                    link_type,
                    dest_url: url,
                    title,
                    id,
                }));
            }
            Event::Text(ref text) | Event::Code(ref text) => {
                if options.plain {
                    if !plain.is_empty() && !plain.ends_with(' ') {
                        plain.push(' ');
                    }
                    plain.push_str(text.trim());
                }
                events.push(event);
            }
            Event::SoftBreak | Event::HardBreak => {
                if options.plain {
                    plain.push(' ');
                }
                events.push(event);
            }
            other => events.push(other),
        }
    }
    let headings = anchor_headings(&mut events);
    let sections = section_texts.into_sections(&headings);
    let mut out = String::with_capacity(source.len() * 3 / 2);
    html::push_html(&mut out, events.into_iter());
    if options.inline {
        out = unwrap_single_paragraph(out);
    }
    Rendered {
        html: out,
        plain: plain.trim().to_string(),
        headings,
        sections,
        problems,
    }
}

/// The text of the lead and of each heading's section, gathered while the
/// events stream by with runs of white space collapsed on the way; the
/// headings' ids are known only after `anchor_headings`.
struct SectionTexts {
    /// The lead first, then one text per heading, in order.
    texts: Vec<String>,
    in_heading: bool,
}

impl SectionTexts {
    fn new(source_len: usize) -> Self {
        SectionTexts {
            texts: vec![String::with_capacity(source_len)],
            in_heading: false,
        }
    }

    fn see(&mut self, event: &Event) {
        match event {
            Event::Start(Tag::Heading { .. }) => {
                self.in_heading = true;
                // A section is a few paragraphs: start with room for them.
                self.texts.push(String::with_capacity(1024));
            }
            Event::End(TagEnd::Heading(_)) => self.in_heading = false,
            // The heading's own text is its section's title.
            _ if self.in_heading => {}
            Event::Text(run) | Event::Code(run) => self.push(run),
            // Blocks end with a break, so paragraphs and cells do not run together.
            Event::SoftBreak | Event::HardBreak => self.push(" "),
            Event::End(tag) if !is_inline(tag) => self.push(" "),
            _ => {}
        }
    }

    /// Appends `run`, every run of ASCII white space as one space and none
    /// at the start of the text. Copies whole words: this sees every
    /// character of every page.
    fn push(&mut self, run: &str) {
        let text = self.texts.last_mut().expect("starts with the lead");
        let mut space = text.is_empty() || text.ends_with(' ');
        // Most runs are words with single spaces between them, already in
        // the shape wanted. The checks are folds, not searches: runs are
        // short, a search's setup cost more than its scan, and without an
        // early exit the compiler checks many bytes at once.
        let bytes = run.as_bytes();
        let breaks = bytes.iter().fold(false, |found, &byte| {
            found | matches!(byte, b'\n' | b'\t' | b'\r' | 0x0C)
        });
        let doubled = bytes
            .iter()
            .zip(bytes.get(1..).unwrap_or_default())
            .fold(false, |found, (&a, &b)| found | ((a == b' ') & (b == b' ')));
        let leading = space && bytes.first() == Some(&b' ');
        let already_collapsed = !(breaks || doubled || leading);
        if already_collapsed {
            text.push_str(run);
            return;
        }
        // ASCII white space never occurs inside a UTF-8 sequence, so the
        // words between such bytes are whole characters.
        let mut word_start = 0;
        for (index, byte) in run.bytes().enumerate() {
            if byte.is_ascii_whitespace() {
                if word_start < index {
                    text.push_str(&run[word_start..index]);
                    space = false;
                }
                if !space {
                    text.push(' ');
                    space = true;
                }
                word_start = index + 1;
            }
        }
        if word_start < run.len() {
            text.push_str(&run[word_start..]);
        }
    }

    /// Pairs each heading with the text after it; the lead (text before the
    /// first heading) comes first, and only when there is some.
    fn into_sections(self, headings: &[Heading]) -> Vec<Section> {
        let mut texts = self.texts.into_iter().map(|mut text| {
            let end = text.trim_end_matches(' ').len();
            text.truncate(end);
            text
        });
        let lead = texts.next().filter(|lead| !lead.is_empty());
        lead.map(|text| Section {
            text,
            ..Section::default()
        })
        .into_iter()
        .chain(headings.iter().zip(texts).map(|(heading, text)| Section {
            id: heading.id.clone(),
            title: heading.text.clone(),
            text,
        }))
        .collect()
    }
}

fn is_inline(tag: &TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
            | TagEnd::Image
    )
}

/// Why a link or image is dropped: the diagnostic code and problem to
/// report, or `None` for one dropped silently (a dangerous scheme).
type UrlError = Option<(&'static str, LinkProblem)>;

/// Where a link of the book leads.
enum Destination<'a> {
    /// An item of the book (`@/kind/id#anchor`): its address below the site root.
    Internal(String),
    /// Any other URL, kept as written.
    Url(CowStr<'a>),
}

/// A link's destination: `@/` resolved, dangerous schemes refused,
/// everything else kept.
fn rewrite_link<'a>(
    url: &CowStr<'a>,
    links: &dyn LinkResolver,
) -> Result<Destination<'a>, UrlError> {
    if let Some(target) = url.strip_prefix("@/") {
        let (path, anchor) = match target.split_once('#') {
            Some((path, anchor)) => (path, Some(anchor)),
            None => (target, None),
        };
        let Some((kind, id)) = path.split_once('/') else {
            return Err(Some((
                "broken-link",
                LinkProblem {
                    message: format!("`{url}` does not name a kind and an id"),
                    help: Some("write links as `@/<kind>/<id>`, e.g. `@/levels/sre-2`".into()),
                },
            )));
        };
        return links
            .resolve(kind, id, anchor)
            .map(Destination::Internal)
            .map_err(|problem| Some(("broken-link", problem)));
    }
    if is_dangerous(url) {
        return Err(None);
    }
    Ok(Destination::Url(url.clone()))
}

/// An image's source: like a link's, except that a page is no image.
fn rewrite_image<'a>(url: &CowStr<'a>, links: &dyn LinkResolver) -> Result<CowStr<'a>, UrlError> {
    match rewrite_link(url, links)? {
        Destination::Internal(_) => Err(Some((
            "broken-link",
            LinkProblem {
                message: format!("`{url}` is a page, not an image"),
                help: Some(
                    "link to the page with `[text](...)`; images are files under content/static/"
                        .into(),
                ),
            },
        ))),
        Destination::Url(url) => Ok(url),
    }
}

/// `<a href="MARKERaddress" title="...">` for a resolved `@/` link. The
/// address is ours (kind, id, anchor); anything outside a small safe set is
/// percent-encoded, so it cannot leave the attribute.
fn internal_link_tag(address: &str, title: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut tag = String::with_capacity(address.len() + title.len() + 24);
    tag.push_str("<a href=\"");
    tag.push(ROOT_MARKER);
    let safe = |byte: u8| byte.is_ascii_alphanumeric() || b"-._~/#".contains(&byte);
    if address.bytes().all(safe) {
        tag.push_str(address);
    } else {
        for byte in address.bytes() {
            if safe(byte) {
                tag.push(byte as char);
            } else {
                tag.push('%');
                tag.push(HEX[usize::from(byte >> 4)] as char);
                tag.push(HEX[usize::from(byte & 15)] as char);
            }
        }
    }
    tag.push('"');
    if !title.is_empty() {
        tag.push_str(" title=\"");
        for c in title.chars() {
            match c {
                '&' => tag.push_str("&amp;"),
                '<' => tag.push_str("&lt;"),
                '>' => tag.push_str("&gt;"),
                '"' => tag.push_str("&quot;"),
                '\'' => tag.push_str("&#39;"),
                _ => tag.push(c),
            }
        }
        tag.push('"');
    }
    tag.push('>');
    tag
}

fn is_dangerous(url: &str) -> bool {
    // Browsers ignore ASCII whitespace and control characters inside schemes.
    let mut scheme = [0u8; 16];
    let mut len = 0;
    for byte in url
        .bytes()
        .filter(|b| !b.is_ascii_whitespace() && !b.is_ascii_control())
    {
        if len == scheme.len() {
            break;
        }
        scheme[len] = byte.to_ascii_lowercase();
        len += 1;
    }
    let scheme = &scheme[..len];
    scheme.starts_with(b"javascript:")
        || scheme.starts_with(b"vbscript:")
        || scheme.starts_with(b"data:")
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
    if text.is_ascii() {
        // Most headings: no Unicode tables needed, same result.
        for byte in text.bytes() {
            if byte.is_ascii_alphanumeric() {
                slug.push(byte.to_ascii_lowercase() as char);
            } else if (char::from(byte).is_whitespace() || byte == b'-' || byte == b'_')
                && !slug.is_empty()
                && !slug.ends_with('-')
            {
                slug.push('-');
            }
        }
        return slug.trim_end_matches('-').to_string();
    }
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

/// Replaces the root marker with the way from a page back to the site root.
/// Internal links are written by [`render`] itself (never through
/// pulldown-cmark's URL escaping), so the marker appears verbatim.
pub fn relativize(html: &str, root: &str) -> String {
    String::from_utf8(relativize_bytes(html.as_bytes(), root))
        .expect("replacing one ASCII byte with ASCII text keeps UTF-8 valid")
}

/// [`relativize`] on UTF-8 bytes: pages are rendered and written as bytes.
pub fn relativize_bytes(html: &[u8], root: &str) -> Vec<u8> {
    const MARKER: u8 = ROOT_MARKER as u8;
    const _: () = assert!(ROOT_MARKER.len_utf8() == 1, "the marker is one byte");
    let mut out = Vec::with_capacity(html.len() + html.len() / 16);
    let mut copied = 0;
    for at in memchr::memchr_iter(MARKER, html) {
        out.extend_from_slice(&html[copied..at]);
        out.extend_from_slice(root.as_bytes());
        copied = at + 1;
    }
    out.extend_from_slice(&html[copied..]);
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
                plain: true,
            },
            &Links,
        )
    }

    #[test]
    fn checking_links_alone_finds_what_rendering_reports() {
        let source = "[a](@/levels/nope) [b](@/bad) ![c](@/levels/sre-2)\n\n\
                      # T\n\n[d](javascript:x) ![e](@/levels/gone#x) [f](@/levels/sre-2)";
        let rendered = html(source, false).problems;
        assert_eq!(rendered.len(), 4, "{rendered:?}");
        assert_eq!(link_problems(source, &Links), rendered);
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
    fn every_root_marker_becomes_the_way_back_to_the_root() {
        let marker = ROOT_MARKER;
        let html = format!("{marker}a.html é {marker}{marker}b.html");
        assert_eq!(
            relativize(&html, "../../"),
            "../../a.html é ../../../../b.html"
        );
        assert_eq!(relativize("no links", "../"), "no links");
        assert_eq!(relativize("", "../"), "");
    }

    #[test]
    fn internal_link_attributes_cannot_break_out() {
        let out = html("[a](<@/levels/sre-2#x\"on=y z> (t<\"&'))", false);
        assert_eq!(
            relativize(&out.html, ""),
            "<p><a href=\"levels/sre-2.html#x%22on%3Dy%20z\" title=\"t&lt;&quot;&amp;&#39;\">a</a></p>\n"
        );
    }

    #[test]
    fn a_page_is_not_an_image() {
        let out = html("![x](@/levels/sre-2)", false);
        assert_eq!(out.problems.len(), 1);
        assert!(!out.html.contains(ROOT_MARKER), "{}", out.html);
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
    fn heading_attributes_are_raw_html_and_dropped_unless_allowed() {
        let source = "# Title {#t .c onclick=alert(1) style=\"x\"}";
        assert_eq!(
            html(source, false).html,
            "<h1 id=\"t\" class=\"c\">Title</h1>\n"
        );
        assert!(html(source, true).html.contains("onclick"));
    }

    #[test]
    fn headings_get_unique_anchors() {
        let out = html("# Who they are\n## Who they are\n### Custom {#mine}", false);
        let ids: Vec<_> = out.headings.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["who-they-are", "who-they-are-1", "mine"]);
        assert!(out.html.contains("<h1 id=\"who-they-are\">"));
    }

    #[test]
    fn slugs_are_lowercase_words_joined_by_dashes_in_any_script() {
        assert_eq!(slugify("Hello,  World_x-y\u{b}z"), "hello-world-x-y-z");
        assert_eq!(slugify("  On-call -- rotation!  "), "on-call-rotation");
        assert_eq!(slugify("SLO 99.9%"), "slo-999");
        // The same rules past ASCII.
        assert_eq!(slugify("Über  Größe_É"), "über-größe-é");
        assert_eq!(slugify("?!"), "");
    }

    #[test]
    fn section_text_collapses_spaces_across_runs_and_trims_its_ends() {
        let collapsed = |runs: &[&str]| {
            let mut texts = SectionTexts::new(0);
            for run in runs {
                texts.push(run);
            }
            texts
                .into_sections(&[])
                .pop()
                .map(|s| s.text)
                .unwrap_or_default()
        };
        assert_eq!(collapsed(&["  a \n\t b  c "]), "a b c");
        assert_eq!(collapsed(&[" \n ", " "]), "");
        assert_eq!(collapsed(&["é  ü"]), "é ü");
        assert_eq!(
            collapsed(&["one", "word", " next ", " ", "last"]),
            "oneword next last"
        );
    }

    #[test]
    fn inline_text_loses_its_paragraph() {
        let out = render(
            "Owns *one* service",
            MarkdownOptions {
                allow_html: false,
                inline: true,
                plain: true,
            },
            &Links,
        );
        assert_eq!(out.html, "Owns <em>one</em> service");
        assert_eq!(out.plain, "Owns one service");
    }

    #[test]
    fn sections_split_the_text_at_headings() {
        let out = html(
            "Lead *text*.\n\n## Error budgets {#budgets}\n\nSpend it `wisely`.\n\n### Overview\n\n## Overview\n\nAgain.",
            false,
        );
        let sections: Vec<(&str, &str, &str)> = out
            .sections
            .iter()
            .map(|s| (s.id.as_str(), s.title.as_str(), s.text.as_str()))
            .collect();
        assert_eq!(
            sections,
            [
                ("", "", "Lead text."),
                ("budgets", "Error budgets", "Spend it wisely."),
                ("overview", "Overview", ""),
                ("overview-1", "Overview", "Again."),
            ]
        );
    }

    #[test]
    fn no_lead_section_without_text_before_the_first_heading() {
        let out = html("# Title\n\nBody", false);
        assert_eq!(out.sections.len(), 1);
        assert_eq!(out.sections[0].id, "title");
        assert_eq!(out.sections[0].text, "Body");
    }

    #[test]
    fn the_root_marker_cannot_be_forged() {
        let out = html("a\u{1}b", false);
        assert!(!out.html.contains(ROOT_MARKER));
    }
}
