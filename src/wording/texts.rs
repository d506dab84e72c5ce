//! The texts of a book the wording checks read, with where each is written:
//! the ladder's criteria (tracks, levels, competencies, archetypes,
//! scorecards) and its job postings (roles' titles and bodies), not the
//! guides, which explain the ladder and state none.

use crate::content::raw::{Md, RawBook};
use crate::decode::At;
use crate::node::Pos;

/// One text to check.
pub struct Text<'a> {
    pub file: &'a str,
    pub text: &'a str,
    pub pos: Pos,
    /// The text stands in its file line for line from `pos` (see `Md`).
    pub line_based: bool,
    /// Also weighed for masculine- and feminine-coded words, as a whole:
    /// level summaries (and role postings).
    pub coded: bool,
    /// What the text is, for the coded balance's message ("this summary").
    pub what: &'static str,
}

impl<'a> Text<'a> {
    fn md(file: &'a str, md: &'a Md) -> Text<'a> {
        Text {
            file,
            text: &md.text,
            pos: md.pos,
            line_based: md.line_based,
            coded: false,
            what: "text",
        }
    }

    fn plain(file: &'a str, at: &'a At<String>) -> Text<'a> {
        Text {
            file,
            text: &at.value,
            pos: at.pos,
            line_based: false,
            coded: false,
            what: "text",
        }
    }

    /// The place of byte `offset`: exact in a line-based text, else where
    /// the value starts.
    pub fn pos_of(&self, offset: usize) -> Pos {
        if !self.line_based {
            return self.pos;
        }
        let before = &self.text[..offset.min(self.text.len())];
        let line = before.matches('\n').count() as u32;
        let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u32;
        if line == 0 {
            Pos::new(self.pos.line, self.pos.col + col)
        } else {
            Pos::new(self.pos.line + line, self.pos.col + col)
        }
    }
}

/// Every checked text of the book, file by file.
pub fn book_texts(raw: &RawBook) -> Vec<Text<'_>> {
    let mut texts = Vec::new();
    if let Some((file, tracks)) = &raw.tracks {
        for track in tracks {
            texts.push(Text::plain(file, &track.name));
            texts.extend(track.description.iter().map(|md| Text::md(file, md)));
        }
    }
    for level in &raw.levels {
        texts.push(Text::plain(&level.file, &level.title));
        if let Some(summary) = &level.summary {
            texts.push(Text {
                coded: true,
                what: "summary",
                ..Text::md(&level.file, summary)
            });
        }
        texts.push(Text::md(&level.file, &level.body));
    }
    for competency in &raw.competencies {
        let file = competency.file.as_str();
        texts.push(Text::plain(file, &competency.name));
        let mds = competency.summary.iter().chain(&competency.description);
        texts.extend(mds.map(|md| Text::md(file, md)));
        for entry in &competency.expectations {
            texts.extend(entry.note.iter().map(|md| Text::md(file, md)));
            for item in &entry.items {
                texts.push(Text::md(file, &item.text));
                texts.extend(item.examples.iter().map(|md| Text::md(file, md)));
            }
        }
    }
    for archetype in &raw.archetypes {
        let file = archetype.file.as_str();
        texts.push(Text::plain(file, &archetype.name));
        texts.extend(archetype.tagline.iter().map(|md| Text::md(file, md)));
        texts.push(Text::md(file, &archetype.body));
    }
    for card in &raw.scorecards {
        let file = card.file.as_str();
        texts.push(Text::plain(file, &card.title));
        for dimension in &card.dimensions {
            let mds = dimension.meets.iter().chain(&dimension.exceeds);
            texts.extend(mds.map(|md| Text::md(file, md)));
        }
        for interview in &card.interviews {
            texts.push(Text::plain(file, &interview.title));
            let mds = interview.brief.iter().chain(&interview.questions);
            texts.extend(mds.map(|md| Text::md(file, md)));
        }
        let signals = &card.signals;
        let mds = signals
            .strong
            .iter()
            .chain(&signals.weak)
            .chain(&signals.red_flags);
        texts.extend(mds.map(|md| Text::md(file, md)));
    }
    for role in &raw.roles {
        let file = role.file.as_str();
        texts.extend(role.title.iter().map(|title| Text::plain(file, title)));
        texts.push(Text {
            coded: true,
            what: "posting",
            ..Text::md(file, &role.body)
        });
    }
    texts
}
