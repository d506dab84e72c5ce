//! The JSON envelope every report shares: `format` (its name and major
//! version, `ladderbook.<report>/1`), then `book` (the title and version of
//! the ladder it was made against), then the report's own fields.
//! Formats are extended compatibly only (new fields).

use serde::Serialize;

use crate::content::model::Book;

/// The book a report was made against.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BookRef {
    pub title: String,
    pub version: String,
}

impl BookRef {
    pub fn of(book: &Book) -> BookRef {
        BookRef {
            title: book.config.book.title.clone(),
            version: book.version.clone(),
        }
    }
}

#[derive(Serialize)]
struct Envelope<'a, T: Serialize> {
    format: &'static str,
    book: &'a BookRef,
    #[serde(flatten)]
    body: &'a T,
}

/// `body` in its envelope, pretty-printed with a final newline. `body`
/// must serialise as an object without `format` or `book` of its own.
pub fn render_json<T: Serialize>(format: &'static str, book: &BookRef, body: &T) -> String {
    let envelope = Envelope { format, book, body };
    let mut text = serde_json::to_string_pretty(&envelope).expect("reports have only string keys");
    text.push('\n');
    text
}

/// Figures in JSON: two decimals, so output does not depend on float noise.
pub fn two_decimals<S: serde::Serializer>(value: &f64, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_f64((value * 100.0).round() / 100.0)
}

/// [`two_decimals`] for an optional figure (`null` when absent).
pub fn two_decimals_or_null<S: serde::Serializer>(
    value: &Option<f64>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match value {
        Some(v) => two_decimals(v, serializer),
        None => serializer.serialize_none(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_and_book_come_first() {
        #[derive(Serialize)]
        struct Body {
            loops: usize,
        }
        let book = BookRef {
            title: "T".into(),
            version: "abc".into(),
        };
        assert_eq!(
            render_json("ladderbook.test/1", &book, &Body { loops: 2 }),
            "{\n  \"format\": \"ladderbook.test/1\",\n  \"book\": {\n    \"title\": \"T\",\n    \"version\": \"abc\"\n  },\n  \"loops\": 2\n}\n"
        );
    }
}
