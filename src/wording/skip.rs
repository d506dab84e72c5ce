//! The parts of a text the wording checks do not read: quoted text (a
//! quotation reports what someone said, it states no criterion), code spans
//! and blocks, URLs and Markdown link targets, block quotes.

/// Byte ranges of `text` to leave alone, in order (they may overlap).
pub fn skipped_ranges(text: &str) -> Vec<(usize, usize)> {
    let mut ranges = Vec::new();
    block_ranges(text, &mut ranges);
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < text.len() {
        let rest = &text[at..];
        let step = if rest.starts_with('`') {
            code_span(rest)
        } else if rest.starts_with('"') {
            closing(rest, 1, "\"")
        } else if rest.starts_with('“') {
            closing(rest, '“'.len_utf8(), "”")
        } else if rest.starts_with('«') {
            closing(rest, '«'.len_utf8(), "»")
        } else if rest.starts_with("](") {
            closing(rest, 2, ")")
        } else if starts_url(rest) && (at == 0 || !bytes[at - 1].is_ascii_alphanumeric()) {
            Some(
                rest.find(|c: char| c.is_whitespace() || "<>)]\"".contains(c))
                    .unwrap_or(rest.len()),
            )
        } else {
            None
        };
        match step {
            Some(length) if length > 0 => {
                ranges.push((at, at + length));
                at += length;
            }
            _ => at += rest.chars().next().map_or(1, char::len_utf8),
        }
    }
    ranges
}

/// Whether `offset` lies inside one of `ranges`.
pub fn is_skipped(ranges: &[(usize, usize)], offset: usize) -> bool {
    ranges
        .iter()
        .any(|&(start, end)| start <= offset && offset < end)
}

fn starts_url(text: &str) -> bool {
    ["http://", "https://", "mailto:", "www."]
        .iter()
        .any(|scheme| {
            text.get(..scheme.len())
                .is_some_and(|start| start.eq_ignore_ascii_case(scheme))
        })
}

/// A run of backticks up to the same run again; unclosed, nothing.
fn code_span(text: &str) -> Option<usize> {
    let fence = text.len() - text.trim_start_matches('`').len();
    let close = text[fence..].find(&text[..fence])?;
    Some(fence + close + fence)
}

/// From an opening mark to its closing one, within the paragraph; an
/// unclosed quote skips nothing, so a stray `"` cannot hide a finding.
fn closing(text: &str, open: usize, close: &str) -> Option<usize> {
    let body = &text[open..];
    let end = body.find(close)?;
    if body[..end].contains("\n\n") {
        return None;
    }
    Some(open + end + close.len())
}

/// Fenced code blocks and block-quote lines.
fn block_ranges(text: &str, ranges: &mut Vec<(usize, usize)>) {
    let mut offset = 0;
    let mut fence: Option<(usize, &str)> = None;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let marker = ["```", "~~~"].into_iter().find(|m| trimmed.starts_with(m));
        match (fence, marker) {
            (None, Some(marker)) => fence = Some((offset, marker)),
            (Some((start, open)), Some(marker)) if marker == open => {
                ranges.push((start, offset + line.len()));
                fence = None;
            }
            (None, None) if trimmed.starts_with('>') => ranges.push((offset, offset + line.len())),
            _ => {}
        }
        offset += line.len();
    }
    if let Some((start, _)) = fence {
        ranges.push((start, text.len()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kept(text: &str) -> String {
        let ranges = skipped_ranges(text);
        text.char_indices()
            .filter(|(i, _)| !is_skipped(&ranges, *i))
            .map(|(_, c)| c)
            .collect()
    }

    #[test]
    fn quotes_code_and_urls_are_skipped() {
        assert_eq!(kept(r#"a "he said" b"#), "a  b");
        assert_eq!(kept("a “he” b «guys» c"), "a  b  c");
        assert_eq!(kept("a `he` b ``x ` y`` c"), "a  b  c");
        assert_eq!(
            kept("see https://x.org/his-page and [his](./his)"),
            "see  and [his"
        );
        assert_eq!(kept("> he said\nhe did\n"), "he did\n");
        assert_eq!(kept("```\nhe\n```\nshe\n"), "she\n");
    }

    #[test]
    fn an_unclosed_quote_hides_nothing() {
        assert_eq!(kept("a \"he b"), "a \"he b");
        assert_eq!(kept("a \"x\n\nhe\" b"), "a \"x\n\nhe\" b");
    }
}
