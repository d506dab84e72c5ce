//! The search index: every place a reader may look for, as a small script.
//!
//! `assets/search-index.js` assigns `window.LADDERBOOK_SEARCH`, and each
//! shard `assets/search/N.js` its share of the guides' entries, so the
//! default theme's `search.js` can load them with `<script>` tags: that
//! works from `file://`, where `fetch()` of a local JSON file does not. The
//! browser builds a MiniSearch index from them on first use. The guides'
//! entries are spread over shards by their address, so that an edit of one
//! guide rewrites one shard, not the whole index (issue 20).
//!
//! Each document is one place with an address: a level, archetype, free
//! page or the home page and each of their headings' sections, a
//! competency, a level's own expectations of one competency, an interview
//! kit and each of its interviews. Addresses are relative to the site root;
//! the script prefixes them with the page's way back to the root.
//!
//! Only what results need is stored (kind, title, the page a part belongs
//! to, address, text), all plain text: the script writes it with `textContent`,
//! and `<`, `>` and `&` are escaped besides. The text is capped per
//! document so the index stays a fraction of the site's HTML even for a
//! book of ten thousand long pages.

use std::borrow::Cow;

use crate::content::model::{Book, Html, Scorecard};
use crate::markdown::Section;

/// How much text of one document is indexed (and shipped), in characters.
pub const DOCUMENT_TEXT_CAP: usize = 2_000;

/// How much text one Markdown body's documents share, in characters. The
/// page and each heading's section get a fair share (short ones whole, the
/// longer ones the same beginning), so every heading stays searchable by
/// its title and the opening of its text.
pub const BODY_TEXT_CAP: usize = 2_000;

/// The kinds of place, in the order their numbers are written in the index.
pub const KINDS: [&str; 6] = [
    "Level",
    "Competency",
    "Expectation",
    "Archetype",
    "Interview kit",
    "Guide",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Level = 0,
    Competency = 1,
    Expectation = 2,
    Archetype = 3,
    InterviewKit = 4,
    Guide = 5,
}

/// One searchable place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub kind: Kind,
    pub title: String,
    /// The document of the page this place is a part of (the level of a
    /// section or an expectation, the kit of an interview), by index.
    pub parent: Option<usize>,
    /// Relative to the site root, with the anchor: `levels/sre-2.html#scope`.
    pub url: String,
    pub text: String,
}

/// How many guides' entries a shard holds, on average at most: an edit of
/// one guide rewrites its shard, a few hundred kilobytes at most, instead
/// of the whole index (24 MB at ten thousand guides).
const GUIDES_PER_SHARD: usize = 256;

/// How many shards the guides' entries are spread over: a power of two,
/// so that it changes only when the number of guides doubles or halves.
pub fn shard_count(guides: usize) -> usize {
    guides.div_ceil(GUIDES_PER_SHARD).max(1).next_power_of_two()
}

/// The shard holding the entries of the guide at `path` (its page's
/// address): from the address alone, so that editing, adding or removing
/// one guide moves no other guide's entries to another shard.
pub fn shard_of(path: &str, shards: usize) -> usize {
    (xxhash_rust::xxh3::xxh3_64(path.as_bytes()) % shards.max(1) as u64) as usize
}

/// The address of shard `number` below the site root.
pub fn shard_path(number: usize) -> String {
    format!("assets/search/{number}.js")
}

/// One file of the search index, written in pieces.
///
/// `assets/search-index.js` (the head, [`SearchIndex::head`]) assigns
/// `window.LADDERBOOK_SEARCH = {kinds, shards, docs}` with the book's own
/// documents; each shard `assets/search/N.js` ([`SearchIndex::shard`])
/// assigns its guides' entries to `window.LADDERBOOK_SEARCH_SHARDS[N]`. The
/// browser joins them in order: the head's docs, then shard 0, 1, ...
/// The guides' entries ([`guide_entries`]) are made as their pages are
/// rendered, and each shard lists its guides in the order of the book's
/// pages.
///
/// Each entry of `docs` is `[kind, title, back, url, text]`: arrays, because
/// field names repeated ten thousand times would double the file. A page
/// has `back` 0 and its address; a part of a page is `back` entries after
/// its page and has only `#anchor` as its url. Counting back rather than
/// from the start lets every guide's entries be made on their own, and
/// moved to any shard.
pub struct SearchIndex<'a> {
    /// The opening of the file, and for the head the book's own entries.
    head: String,
    /// Each guide's entries, in the order of the book's pages: made now,
    /// or borrowed from the previous build's shard (a rebuild).
    guides: Vec<Cow<'a, str>>,
    /// What closes the file.
    tail: &'static str,
}

impl<'a> SearchIndex<'a> {
    /// `assets/search-index.js`: the kinds, the number of shards and the
    /// book's own documents (every place but the guides).
    pub fn head(book: &Book, shards: usize) -> SearchIndex<'static> {
        let mut head = String::from(
            "/* ladderbook search index: generated, do not edit */\nwindow.LADDERBOOK_SEARCH = {\"kinds\":",
        );
        head.push_str(&serde_json::to_string(&KINDS).expect("strings always serialize"));
        head.push_str(&format!(",\"shards\":{shards},\"docs\":["));
        head.push_str(&entries(&documents(book)));
        SearchIndex {
            head,
            guides: Vec::new(),
            tail: "]};\n",
        }
    }

    /// Shard `number`: the entries of its guides, in the order given.
    pub fn shard<G: Into<Cow<'a, str>>>(
        number: usize,
        guides: impl IntoIterator<Item = G>,
    ) -> SearchIndex<'a> {
        let head = format!(
            "/* ladderbook search index, shard {number}: generated, do not edit */\n\
             (window.LADDERBOOK_SEARCH_SHARDS = window.LADDERBOOK_SEARCH_SHARDS || [])[{number}] = ["
        );
        SearchIndex {
            head,
            guides: guides.into_iter().map(Into::into).collect(),
            tail: "];\n",
        }
    }

    /// The file's text in pieces, in order. They are written one after the
    /// other rather than joined: at ten thousand guides the file is 24 MB,
    /// and a joined copy would double the memory it takes.
    pub fn parts(&self) -> impl Iterator<Item = &str> {
        let mut needs_comma = !self.head.ends_with('[');
        let guides = self
            .guides
            .iter()
            .filter(|guide| !guide.is_empty())
            .flat_map(move |guide| {
                let separator = if needs_comma { "," } else { "" };
                needs_comma = true;
                [separator, guide.as_ref()]
            });
        std::iter::once(self.head.as_str())
            .chain(guides)
            .chain(std::iter::once(self.tail))
    }

    /// Where each guide's entries sit in the file, in the order they were
    /// given to [`SearchIndex::shard`] (an empty range for a guide without).
    pub fn guide_ranges(&self) -> Vec<std::ops::Range<u64>> {
        let mut offset = self.head.len() as u64;
        let mut needs_comma = !self.head.ends_with('[');
        self.guides
            .iter()
            .map(|guide| {
                if guide.is_empty() {
                    return offset..offset;
                }
                if needs_comma {
                    offset += 1;
                }
                needs_comma = true;
                let start = offset;
                offset += guide.len() as u64;
                start..offset
            })
            .collect()
    }

    /// The file's size in bytes.
    pub fn size(&self) -> u64 {
        self.parts().map(|part| part.len() as u64).sum()
    }

    /// The whole file at once.
    pub fn to_js(&self) -> String {
        self.parts().collect()
    }
}

/// A guide's entries of the index: the page and each heading's section,
/// exactly what [`entries`] writes of [`guide_documents`], written straight
/// from the sections: every guide of a large book comes here, and the
/// documents would copy each text and address once more.
pub fn guide_entries(title: &str, url: &str, sections: &[Section]) -> String {
    let (lead, headed, shares) = body_texts(&[], sections);
    let mut json = String::with_capacity(shares.iter().sum::<usize>() + 64 * (headed.len() + 1));
    push_entry(
        &mut json,
        Kind::Guide,
        title,
        0,
        url,
        capped(&lead, shares[0]),
    );
    let mut anchor = String::new();
    for (back, section) in (1..).zip(headed) {
        anchor.clear();
        anchor.push('#');
        anchor.push_str(&section.id);
        let text = capped(&section.text, shares[back]);
        push_entry(&mut json, Kind::Guide, &section.title, back, &anchor, text);
    }
    script_safe(json)
}

/// A guide's documents: the page and each heading's section.
pub fn guide_documents(title: &str, url: &str, sections: &[Section]) -> Vec<Document> {
    let mut docs = Vec::new();
    push_body(&mut docs, Kind::Guide, title, url, &[], sections);
    docs
}

/// Documents as comma-separated index entries (see [`SearchIndex`]).
fn entries(docs: &[Document]) -> String {
    let mut json = String::with_capacity(docs.iter().map(|d| d.text.len() + 64).sum());
    for (index, d) in docs.iter().enumerate() {
        let (back, url) = match d.parent {
            Some(p) => (index - p, anchor_of(&d.url, &docs[p].url)),
            None => (0, d.url.as_str()),
        };
        push_entry(&mut json, d.kind, &d.title, back, url, &d.text);
    }
    script_safe(json)
}

/// Appends one entry `[kind, title, back, url, text]` to a comma-separated
/// list of entries: the JSON serde_json writes for the tuple, written in
/// place, since every section of every guide comes here.
fn push_entry(json: &mut String, kind: Kind, title: &str, back: usize, url: &str, text: &str) {
    use std::fmt::Write as _;
    if !json.is_empty() {
        json.push(',');
    }
    write!(json, "[{},", kind as u8).expect("writing to a String cannot fail");
    push_json_string(json, title);
    write!(json, ",{back},").expect("writing to a String cannot fail");
    push_json_string(json, url);
    json.push(',');
    push_json_string(json, text);
    json.push(']');
}

/// `text` as a JSON string. Text without quotes, backslashes or control
/// characters, most of it, is copied whole; the rest is serde_json's.
fn push_json_string(json: &mut String, text: &str) {
    // A fold, not `any`: without the early exit the compiler checks many
    // bytes at once, and the answer is almost always "none".
    let plain = !text.bytes().fold(false, |found, byte| {
        found | (byte == b'"') | (byte == b'\\') | (byte < 0x20)
    });
    if plain {
        json.push('"');
        json.push_str(text);
        json.push('"');
    } else {
        json.push_str(&serde_json::to_string(text).expect("strings always serialize"));
    }
}

/// `#anchor` of a part of the page at `page`.
fn anchor_of<'a>(url: &'a str, page: &str) -> &'a str {
    url.strip_prefix(page)
        .filter(|anchor| anchor.starts_with('#'))
        .expect("a part's address is its page's plus an anchor")
}

/// Every searchable place of the book but the guides (see
/// [`guide_documents`]), in a fixed order.
pub fn documents(book: &Book) -> Vec<Document> {
    let mut docs = Vec::new();
    if let Some(home) = &book.index {
        let title = &book.config.book.title;
        push_body(
            &mut docs,
            Kind::Guide,
            title,
            "index.html",
            &[],
            &home.sections,
        );
    }
    for (index, level) in book.levels.iter().enumerate() {
        let url = format!("levels/{}.html", level.id);
        let summary = level.summary.as_ref().map(plain).unwrap_or_default();
        let page = push_body(
            &mut docs,
            Kind::Level,
            &level.name,
            &url,
            &[&summary],
            &level.sections,
        );
        for (competency, cell) in book.expectations_at(index) {
            // Carried-over words are indexed once, at the level they start
            // at; so are a cumulative level's inherited items.
            if cell.carried_from(index).is_some() || cell.items.is_empty() {
                continue;
            }
            let c = &book.competencies[competency];
            docs.push(Document {
                kind: Kind::Expectation,
                title: c.name.clone(),
                parent: Some(page),
                url: format!("{url}#{}", c.id),
                text: joined(
                    cell.items
                        .iter()
                        .flat_map(|item| std::iter::once(&item.text).chain(&item.examples))
                        .map(plain),
                    DOCUMENT_TEXT_CAP,
                ),
            });
        }
    }
    for c in book.competencies.iter().filter(|c| !c.level_wide) {
        let texts = [c.summary.as_ref(), c.description.as_ref()];
        let area = book.areas[c.area].name.as_str();
        docs.push(Document {
            kind: Kind::Competency,
            title: c.name.clone(),
            parent: None,
            url: format!("competencies/{}.html", c.id),
            text: joined(
                texts
                    .into_iter()
                    .flatten()
                    .map(plain)
                    .chain([Cow::Borrowed(area)]),
                DOCUMENT_TEXT_CAP,
            ),
        });
    }
    for a in &book.archetypes {
        let tagline = a.tagline.as_ref().map(plain).unwrap_or_default();
        let url = format!("archetypes/{}.html", a.id);
        push_body(
            &mut docs,
            Kind::Archetype,
            &a.name,
            &url,
            &[&tagline],
            &a.sections,
        );
    }
    for s in &book.scorecards {
        push_scorecard(&mut docs, book, s);
    }
    docs
}

/// A page with a Markdown body: one document for the page (its `lead`
/// texts, then the body before the first heading) and one per heading,
/// sharing [`BODY_TEXT_CAP`]. Returns the page's document index.
fn push_body(
    docs: &mut Vec<Document>,
    kind: Kind,
    title: &str,
    url: &str,
    lead: &[&str],
    sections: &[Section],
) -> usize {
    let (lead, headed, shares) = body_texts(lead, sections);
    let page = docs.len();
    docs.push(Document {
        kind,
        title: title.to_string(),
        parent: None,
        url: url.to_string(),
        text: capped(&lead, shares[0]).to_string(),
    });
    for (section, share) in headed.iter().zip(&shares[1..]) {
        docs.push(Document {
            kind,
            title: section.title.clone(),
            parent: Some(page),
            url: format!("{url}#{}", section.id),
            text: capped(&section.text, *share).to_string(),
        });
    }
    page
}

/// A body's lead (the `lead` texts and the text before the first heading),
/// its headed sections, and the share of [`BODY_TEXT_CAP`] of each: the
/// lead's first.
fn body_texts<'s>(lead: &[&str], sections: &'s [Section]) -> (String, &'s [Section], Vec<usize>) {
    let (intro, headed) = match sections.split_first() {
        Some((first, rest)) if first.id.is_empty() => (first.text.as_str(), rest),
        _ => ("", sections),
    };
    let lead = joined(lead.iter().copied().chain([intro]), BODY_TEXT_CAP);
    let lengths: Vec<usize> = std::iter::once(lead.as_str())
        .chain(headed.iter().map(|s| s.text.as_str()))
        .map(|text| text.chars().count())
        .collect();
    let shares = fair_shares(&lengths, BODY_TEXT_CAP);
    (lead, headed, shares)
}

/// Splits `budget` between texts of the given lengths: the shorter ones
/// get all they need while that is at most an equal share of what is left,
/// the longer ones an equal share of the rest.
fn fair_shares(lengths: &[usize], budget: usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..lengths.len()).collect();
    order.sort_by_key(|&i| lengths[i]);
    let mut left = budget.min(DOCUMENT_TEXT_CAP * lengths.len());
    let mut shares = vec![0; lengths.len()];
    for (done, &i) in order.iter().enumerate() {
        let fair = left / (lengths.len() - done);
        shares[i] = lengths[i].min(fair).min(DOCUMENT_TEXT_CAP);
        left -= shares[i];
    }
    shares
}

fn push_scorecard(docs: &mut Vec<Document>, book: &Book, s: &Scorecard) {
    let url = format!("scorecards/{}.html", s.id);
    let dimensions = s
        .dimensions
        .iter()
        .map(|d| Cow::Borrowed(book.competencies[d.competency].name.as_str()));
    let signals = s
        .signals
        .strong
        .iter()
        .chain(&s.signals.weak)
        .chain(&s.signals.red_flags)
        .map(plain);
    let page = docs.len();
    docs.push(Document {
        kind: Kind::InterviewKit,
        title: s.title.clone(),
        parent: None,
        url: url.clone(),
        text: joined(dimensions.chain(signals), DOCUMENT_TEXT_CAP),
    });
    for interview in &s.interviews {
        let brief = interview.brief.as_ref().map(plain);
        let questions = interview.questions.iter().map(plain);
        docs.push(Document {
            kind: Kind::InterviewKit,
            title: interview.title.clone(),
            parent: Some(page),
            url: format!("{url}#{}", interview.id),
            text: joined(brief.into_iter().chain(questions), DOCUMENT_TEXT_CAP),
        });
    }
}

/// A field's text. `Html::plain` puts a space between any two runs of
/// text (`*systems*.` gives `systems .`): close those gaps before
/// punctuation, where a reader of an excerpt would see them.
fn plain(html: &Html) -> Cow<'_, str> {
    let gap = |(a, b): (char, char)| {
        (a == ' ' && ".,;:!?)]".contains(b)) || (b == ' ' && "([".contains(a))
    };
    let text = html.plain.as_str();
    if !text.chars().zip(text.chars().skip(1)).any(gap) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = html.plain.chars().peekable();
    while let Some(c) = chars.next() {
        let closes = chars.peek().is_some_and(|next| ".,;:!?)]".contains(*next));
        let opened = out.ends_with(['(', '[']);
        if c == ' ' && (closes || opened) {
            continue;
        }
        out.push(c);
    }
    Cow::Owned(out)
}

/// Texts joined by spaces, empty ones skipped, capped at `cap` characters.
fn joined<S: AsRef<str>>(texts: impl IntoIterator<Item = S>, cap: usize) -> String {
    let mut out = String::new();
    let mut chars = 0;
    for text in texts {
        let text = text.as_ref().trim();
        if text.is_empty() {
            continue;
        }
        if chars > cap {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(text);
        chars += text.chars().count() + 1;
    }
    capped(&out, cap).to_string()
}

/// At most `cap` characters of `text`, cut after a whole word when one ends
/// in the last fifth (a word cut in two would be indexed as a wrong word):
/// the beginning of `text` itself.
fn capped(text: &str, cap: usize) -> &str {
    // No more bytes than the cap means no more characters either.
    if text.len() <= cap {
        return text;
    }
    // In ASCII text, characters are bytes: no need to walk them.
    let ascii = text.is_ascii();
    let end = if ascii {
        cap
    } else {
        match text.char_indices().nth(cap) {
            Some((end, _)) => end,
            None => return text,
        }
    };
    let head = &text[..end];
    let chars = |s: &str| if ascii { s.len() } else { s.chars().count() };
    match head.rfind(char::is_whitespace) {
        Some(space) if chars(&head[..space]) >= cap * 4 / 5 => &head[..space],
        _ => head,
    }
}

/// JSON that cannot end a `<script>` element or start markup if the file is
/// ever inlined, and that older engines parse as JavaScript (U+2028/9 were
/// line terminators in JavaScript strings before ES2019).
pub(crate) fn script_safe(json: String) -> String {
    // U+2028 and U+2029 are the only characters encoded from 0xE2 0x80 0xA8/9.
    let bytes = json.as_bytes();
    if memchr::memchr3(b'<', b'>', b'&', bytes).is_none() && memchr::memchr(0xE2, bytes).is_none() {
        return json;
    }
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small book written to a temporary folder and loaded for real.
    fn book(extra: &[(&str, &str)]) -> Book {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let files = [
            (
                "book.toml",
                "[book]\ntitle = \"Tiny <Ladder> & Co\"\n[ladder]\nareas = [\"Reliability\"]\n",
            ),
            (
                "content/tracks.yaml",
                "- id: ic\n  name: Individual contributor\n",
            ),
            (
                "content/levels/sre-1.md",
                "---\ntitle: SRE I\ntrack: ic\nrank: 1\nsummary: Learns the *systems*.\n---\nFollows runbooks.\n\n## Scope {#scope}\n\nWorks on well-defined tasks.\n\n## Scope\n\nTwice.\n",
            ),
            (
                "content/levels/sre-2.md",
                "---\ntitle: SRE II\ntrack: ic\nrank: 2\n---\nOwns a service.\n",
            ),
            (
                "content/competencies/slo-practice.yaml",
                "name: SLO practice\narea: Reliability\nsummary: Define and defend SLOs.\nexpectations:\n  sre-1: Reads the error budget dashboard.\n",
            ),
            (
                "content/archetypes/slo-guard.md",
                "---\nname: SLO Guard\ntagline: Says *no*.\nemphasis:\n  slo-practice: 5\nlevels: [sre-2]\n---\n## Who they are\nGuards the error budget.\n",
            ),
            (
                "content/scorecards/loop.yaml",
                "title: Mid loop\nlevels: [sre-2]\ndimensions:\n  - competency: slo-practice\ninterviews:\n  - id: slo-design\n    title: SLO design\n    brief: Design an error budget policy.\n    focus: [slo-practice]\n    questions: [Which SLIs?]\n",
            ),
            (
                "content/pages/guides/promotion.md",
                "---\ntitle: Promotion\n---\nHow it works.\n\n## Evidence\n\n<script>alert(1)</script>\n\nWrite the <b>case</b> with `code`.\n",
            ),
        ];
        for (path, text) in files.iter().chain(extra) {
            let target = dir.path().join(path);
            std::fs::create_dir_all(target.parent().expect("a file has a folder"))
                .expect("folders can be made");
            std::fs::write(&target, text).expect("files can be written");
        }
        crate::content::load_clean_book(dir.path())
    }

    fn summary(docs: &[Document]) -> Vec<(Kind, &str, Option<&str>, &str)> {
        docs.iter()
            .map(|d| {
                let parent = d.parent.map(|p| docs[p].title.as_str());
                (d.kind, d.title.as_str(), parent, d.url.as_str())
            })
            .collect()
    }

    /// Each guide's body rendered as its page would be.
    fn guide_sections(book: &Book) -> Vec<(usize, Vec<Section>)> {
        (0..book.pages.len())
            .filter(|&i| book.pages[i].path != "index")
            .map(|i| (i, crate::render::views::guide_body(book, i).sections))
            .collect()
    }

    /// Every document, the guides' after the others, as in the index.
    fn all_documents(book: &Book) -> Vec<Document> {
        let mut docs = documents(book);
        for (i, sections) in guide_sections(book) {
            let page = &book.pages[i];
            let offset = docs.len();
            let url = format!("pages/{}.html", page.path);
            docs.extend(
                guide_documents(&page.title, &url, &sections)
                    .into_iter()
                    .map(|d| Document {
                        parent: d.parent.map(|p| p + offset),
                        ..d
                    }),
            );
        }
        docs
    }

    /// The head and every shard, as a build writes them.
    fn index_files(book: &Book) -> (String, Vec<String>) {
        let guides: Vec<(String, String)> = guide_sections(book)
            .into_iter()
            .map(|(i, sections)| {
                let page = &book.pages[i];
                let url = format!("pages/{}.html", page.path);
                let entries = guide_entries(&page.title, &url, &sections);
                (url, entries)
            })
            .collect();
        let shards = shard_count(guides.len());
        let files = (0..shards)
            .map(|n| {
                let own = guides
                    .iter()
                    .filter(|(url, _)| shard_of(url, shards) == n)
                    .map(|(_, entries)| entries.as_str());
                SearchIndex::shard(n, own).to_js()
            })
            .collect();
        (SearchIndex::head(book, shards).to_js(), files)
    }

    /// The JSON a file assigns: the head's object, or a shard's list.
    fn assigned(js: &str) -> serde_json::Value {
        let json = js
            .split_once("window.LADDERBOOK_SEARCH = ")
            .or_else(|| js.split_once("] = "))
            .and_then(|(_, rest)| rest.trim_end().strip_suffix(';'))
            .expect("the file assigns a value");
        serde_json::from_str(json).expect("the data is JSON")
    }

    /// The index's data as the browser joins it: the head's docs, then
    /// each shard's in order.
    fn index_data(book: &Book) -> serde_json::Value {
        let (head, shards) = index_files(book);
        let mut data = assigned(&head);
        assert_eq!(data["shards"], shards.len());
        let docs = data["docs"].as_array_mut().expect("docs");
        for shard in &shards {
            docs.extend(assigned(shard).as_array().expect("entries").clone());
        }
        data
    }

    fn index_js(book: &Book) -> String {
        let (head, shards) = index_files(book);
        head + &shards.concat()
    }

    #[test]
    fn shards_are_chosen_by_address_and_their_number_grows_by_doubling() {
        assert_eq!(shard_count(0), 1);
        assert_eq!(shard_count(GUIDES_PER_SHARD), 1);
        assert_eq!(shard_count(GUIDES_PER_SHARD + 1), 2);
        assert_eq!(shard_count(10_000), 64);
        let paths: Vec<String> = (0..10_000).map(|i| format!("pages/g/{i}.html")).collect();
        let mut sizes = vec![0usize; 64];
        for path in &paths {
            let shard = shard_of(path, 64);
            assert_eq!(shard, shard_of(path, 64), "the same every time");
            sizes[shard] += 1;
        }
        // Spread evenly enough that no shard is several times another.
        let (least, most) = (sizes.iter().min(), sizes.iter().max());
        assert!(*least.unwrap() > 100 && *most.unwrap() < 220, "{sizes:?}");
        assert_eq!(shard_path(7), "assets/search/7.js");
    }

    #[test]
    fn each_guides_range_is_its_entries_in_the_file() {
        let guides = vec![
            "[5,\"a\"]".to_string(),
            String::new(),
            "[5,\"bc\"]".to_string(),
        ];
        let index = SearchIndex::shard(3, guides.clone());
        let file = index.to_js();
        assert_eq!(assigned(&file).as_array().map(Vec::len), Some(2));
        let ranges = index.guide_ranges();
        assert_eq!(ranges.len(), 3);
        for (range, guide) in ranges.iter().zip(&guides) {
            let range = range.start as usize..range.end as usize;
            assert_eq!(&file[range], guide.as_str());
        }
    }

    #[test]
    fn every_place_is_a_document_with_its_anchor() {
        let docs = all_documents(&book(&[]));
        use Kind::*;
        assert_eq!(
            summary(&docs),
            [
                (Level, "SRE I", None, "levels/sre-1.html"),
                (Level, "Scope", Some("SRE I"), "levels/sre-1.html#scope"),
                (Level, "Scope", Some("SRE I"), "levels/sre-1.html#scope-1"),
                (
                    Expectation,
                    "SLO practice",
                    Some("SRE I"),
                    "levels/sre-1.html#slo-practice"
                ),
                (Level, "SRE II", None, "levels/sre-2.html"),
                (
                    Competency,
                    "SLO practice",
                    None,
                    "competencies/slo-practice.html"
                ),
                (Archetype, "SLO Guard", None, "archetypes/slo-guard.html"),
                (
                    Archetype,
                    "Who they are",
                    Some("SLO Guard"),
                    "archetypes/slo-guard.html#who-they-are"
                ),
                (InterviewKit, "Mid loop", None, "scorecards/loop.html"),
                (
                    InterviewKit,
                    "SLO design",
                    Some("Mid loop"),
                    "scorecards/loop.html#slo-design"
                ),
                (Guide, "Promotion", None, "pages/guides/promotion.html"),
                (
                    Guide,
                    "Evidence",
                    Some("Promotion"),
                    "pages/guides/promotion.html#evidence"
                ),
            ]
        );
        let text = |url: &str| docs.iter().find(|d| d.url == url).map(|d| d.text.as_str());
        assert_eq!(
            text("levels/sre-1.html"),
            Some("Learns the systems. Follows runbooks.")
        );
        assert_eq!(
            text("levels/sre-1.html#scope"),
            Some("Works on well-defined tasks.")
        );
        assert_eq!(
            text("competencies/slo-practice.html"),
            Some("Define and defend SLOs. Reliability")
        );
        assert_eq!(
            text("scorecards/loop.html#slo-design"),
            Some("Design an error budget policy. Which SLIs?")
        );
    }

    #[test]
    fn carried_over_expectations_are_indexed_once() {
        let docs = all_documents(&book(&[]));
        let expectations: Vec<&str> = docs
            .iter()
            .filter(|d| d.kind == Kind::Expectation)
            .map(|d| d.url.as_str())
            .collect();
        // sre-2 carries SLO practice over from sre-1.
        assert_eq!(expectations, ["levels/sre-1.html#slo-practice"]);
    }

    #[test]
    fn the_home_page_and_its_sections_are_guides() {
        let home = (
            "content/index.md",
            "Welcome.\n\n## Where to start\n\nThe matrix.\n",
        );
        let docs = all_documents(&book(&[home]));
        assert_eq!(
            summary(&docs[..2]),
            [
                (Kind::Guide, "Tiny <Ladder> & Co", None, "index.html"),
                (
                    Kind::Guide,
                    "Where to start",
                    Some("Tiny <Ladder> & Co"),
                    "index.html#where-to-start"
                ),
            ]
        );
    }

    #[test]
    fn the_index_holds_text_never_markup() {
        let book = book(&[("content/index.md", "Welcome.\n")]);
        let js = index_js(&book);
        for raw in ['<', '>', '&'] {
            assert!(!js.contains(raw), "raw {raw} in {js}");
        }
        assert!(
            !js.contains("alert"),
            "dropped HTML must not be indexed: {js}"
        );
        let data = index_data(&book);
        let docs = data["docs"].as_array().expect("docs");
        let evidence = docs
            .iter()
            .find(|d| d[1] == "Evidence")
            .expect("the Evidence section");
        assert_eq!(evidence[4], "Write the case with code.");
        // The book's title is stored as written, to be shown as text.
        assert_eq!(docs[0][1], "Tiny <Ladder> & Co");
    }

    #[test]
    fn parts_of_a_page_point_at_it_and_store_only_their_anchor() {
        let data = index_data(&book(&[]));
        assert_eq!(data["kinds"][4], "Interview kit");
        let docs = data["docs"].as_array().expect("docs");
        let design = docs
            .iter()
            .find(|d| d[1] == "SLO design")
            .expect("the interview");
        assert_eq!(design[0], Kind::InterviewKit as u8);
        assert_eq!(design[3], "#slo-design");
        let position = docs.iter().position(|d| d == design).expect("listed");
        let back = design[2].as_u64().expect("a distance back") as usize;
        assert!(back > 0);
        let kit = &docs[position - back];
        assert_eq!(kit[1], "Mid loop");
        assert_eq!(kit[2], 0);
        // A guide's entries are made on their own, after the others: its
        // parts still count back to their page.
        let position = docs
            .iter()
            .position(|d| d[1] == "Evidence")
            .expect("the guide's section");
        let back = docs[position][2].as_u64().expect("a distance back") as usize;
        let guide = &docs[position - back];
        assert_eq!(guide[1], "Promotion");
        assert_eq!(guide[3], "pages/guides/promotion.html");
        assert_eq!(docs[position][3], "#evidence");
        assert_eq!(kit[3], "scorecards/loop.html");
    }

    #[test]
    fn a_guides_entries_are_its_documents_written_out() {
        let section = |id: &str, title: &str, text: String| Section {
            id: id.into(),
            title: title.into(),
            text,
        };
        let long = "Zuverlässigkeit über alles, <b> & \u{2028} ".repeat(200);
        let cases = [
            vec![
                section("", "", "Before any heading.".into()),
                section("scope", "Scope", long.clone()),
                section("evidence", "Evidence <kept>", "short".into()),
            ],
            vec![section("only", "Only", "ascii ".repeat(900))],
            vec![
                section("", "", long.clone()),
                section("x", "X", String::new()),
            ],
            vec![],
        ];
        for sections in cases {
            let url = "pages/guides/a b.html";
            assert_eq!(
                guide_entries("Guide \"one\"", url, &sections),
                entries(&guide_documents("Guide \"one\"", url, &sections)),
            );
        }
    }

    #[test]
    fn the_index_in_parts_joins_entries_with_single_commas() {
        let data = |index: &SearchIndex| {
            let js = index.to_js();
            assert_eq!(index.parts().collect::<String>(), js);
            assert_eq!(index.size(), js.len() as u64);
            assigned(&js)
        };
        let guides = || {
            vec![
                String::new(),
                r#"[5,"A",0,"pages/a.html",""]"#.to_string(),
                String::new(),
                r##"[5,"B",0,"pages/b.html",""],[5,"B1",1,"#b1",""]"##.to_string(),
            ]
        };
        let book = book(&[]);
        let own = documents(&book).len();
        let head = data(&SearchIndex::head(&book, 4));
        assert_eq!(head["docs"].as_array().map(Vec::len), Some(own));
        assert_eq!(head["shards"], 4);
        assert_eq!(
            data(&SearchIndex::shard(2, guides()))
                .as_array()
                .map(Vec::len),
            Some(3)
        );
        assert_eq!(
            data(&SearchIndex::shard(0, Vec::<String>::new())),
            serde_json::json!([])
        );
    }

    #[test]
    fn entries_are_written_as_serde_json_writes_them() {
        let texts = [
            "plain words",
            "",
            "quote \" and backslash \\ inside",
            "line\nbreak\ttab\rreturn\u{8}\u{c}\u{1f}\u{0}",
            "Zuverlässigkeit \u{2028} \u{7f} <b> & é",
        ];
        for title in texts {
            for text in texts {
                for (kind, back) in [(Kind::Level, 0), (Kind::Guide, 12_345)] {
                    let mut json = String::new();
                    push_entry(&mut json, kind, title, back, "levels/a.html#x", text);
                    let expected =
                        serde_json::to_string(&(kind as u8, title, back, "levels/a.html#x", text));
                    assert_eq!(json, expected.unwrap(), "{title:?} {text:?}");
                }
            }
        }
        let mut json = String::from("[0]");
        push_entry(&mut json, Kind::Guide, "t", 1, "#u", "v");
        assert_eq!(json, r##"[0],[5,"t",1,"#u","v"]"##);
    }

    #[test]
    fn text_is_capped_per_document_and_per_body() {
        let words = "reliability ".repeat(1_000);
        let sections: String = (0..8)
            .map(|i| format!("## Part {i}\n\n{words}\n\n"))
            .chain(["## Short\n\nKept whole.\n".to_string()])
            .collect();
        let long = format!("---\ntitle: Long\n---\n{words}\n\n{sections}");
        let docs = all_documents(&book(&[("content/pages/long.md", &long)]));
        let parts: Vec<&Document> = docs
            .iter()
            .filter(|d| d.url.starts_with("pages/long.html"))
            .collect();
        assert_eq!(
            parts.len(),
            10,
            "every heading stays searchable by its title"
        );
        assert_eq!(parts[9].text, "Kept whole.");
        for doc in &parts[..9] {
            let chars = doc.text.chars().count();
            assert!((150..=BODY_TEXT_CAP / 9).contains(&chars), "{chars}");
            assert!(doc.text.ends_with("reliability"), "cut after a whole word");
        }
        let total: usize = parts.iter().map(|d| d.text.chars().count()).sum();
        assert!(total <= BODY_TEXT_CAP, "{total}");
        let competency = format!(
            "name: Long\narea: Reliability\nsummary: {words}\nexpectations:\n  sre-1: Some.\n"
        );
        let docs = all_documents(&book(&[("content/competencies/long.yaml", &competency)]));
        let long = docs
            .iter()
            .find(|d| d.title == "Long")
            .expect("the competency");
        assert!(long.text.chars().count() <= DOCUMENT_TEXT_CAP);
    }

    #[test]
    fn shares_are_fair() {
        assert_eq!(
            fair_shares(&[10, 5_000, 20, 5_000], 1_000),
            [10, 485, 20, 485]
        );
        assert_eq!(fair_shares(&[10, 20], 1_000), [10, 20]);
        assert_eq!(fair_shares(&[5_000], 9_000), [DOCUMENT_TEXT_CAP]);
        assert_eq!(fair_shares(&[], 1_000), Vec::<usize>::new());
    }

    #[test]
    fn capping_keeps_whole_words_and_characters() {
        assert_eq!(capped("short", 10), "short");
        assert_eq!(capped("error budget policy", 15), "error budget");
        assert_eq!(capped("ééééé", 3), "ééé");
        assert_eq!(capped("anything", 0), "");
    }
}
