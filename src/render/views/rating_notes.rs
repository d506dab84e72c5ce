//! The self-assessment page's two notes that name rating words in bold
//! (the scale under "Rate yourself", the note above the gaps): made here
//! rather than in the template, so that a book's own words for them
//! (`[strings]`) are escaped once, as text, and only the `<strong>` around
//! each rating word is markup.

use serde::Serialize;

use crate::strings::Strings;

/// The two notes as safe HTML.
#[derive(Debug, Serialize, PartialEq)]
pub struct RatingNotes {
    /// `assess_scale_note`, its `{not_yet}` … `{beyond}` in bold.
    pub scale: String,
    /// `gaps_note`, its `{consistently}` in bold.
    pub gaps: String,
}

/// The rating words' placeholders and the keys of their words.
const RATING_WORDS: [(&str, &str); 4] = [
    ("{not_yet}", "scale_not_yet"),
    ("{partly}", "scale_partly"),
    ("{consistently}", "scale_consistently"),
    ("{beyond}", "scale_beyond"),
];

pub fn rating_notes(words: &Strings) -> RatingNotes {
    RatingNotes {
        scale: with_bold_ratings(words, "assess_scale_note"),
        gaps: with_bold_ratings(words, "gaps_note"),
    }
}

fn with_bold_ratings(words: &Strings, key: &str) -> String {
    let text = |key: &str| words.get(key).map_or("", String::as_str);
    let mut html = escaped(text(key));
    for (placeholder, word) in RATING_WORDS {
        let bold = format!("<strong>{}</strong>", escaped(text(word)));
        html = html.replace(placeholder, &bold);
    }
    html
}

/// Escaped as the templates escape a `{{ t.<key> }}` (tera's rule).
fn escaped(text: &str) -> String {
    let mut out = Vec::with_capacity(text.len());
    tera::escape_html(text, &mut out).expect("writing to a Vec cannot fail");
    String::from_utf8(out).expect("escaping keeps UTF-8 text UTF-8")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_books_words_are_escaped_and_only_the_rating_words_are_bold() {
        let mut words = crate::strings::english();
        words.insert("gaps_note", "Sous <b>{consistently}</b> & co".into());
        words.insert("scale_consistently", "<i>régulièrement</i>".into());
        let notes = rating_notes(&words);
        assert_eq!(
            notes.gaps,
            "Sous &lt;b&gt;<strong>&lt;i&gt;régulièrement&lt;/i&gt;</strong>&lt;/b&gt; &amp; co"
        );
        assert!(notes.scale.starts_with(
            "For each expectation: <strong>not yet</strong> · <strong>partly</strong> · "
        ));
    }
}
