//! A posting as Markdown, to paste into an ATS or a careers site that
//! reads it: the facts as a list, the body as written with its `@/` links
//! turned into addresses, the sections as headings and lists.

use std::fmt::Write as _;

use super::Words;
use super::compose::Posting;
use crate::markdown::LinkResolver;
use crate::report::markdown::escape;

/// `source` with each `](@/kind/id#anchor)` link target replaced by its
/// address below `root`. Links were checked when the book loaded.
pub fn with_links(source: &str, posting: &Posting, root: &str) -> String {
    let mut out = String::with_capacity(source.len());
    let mut rest = source;
    while let Some(at) = rest.find("](@/") {
        let (before, after) = rest.split_at(at + 2);
        out.push_str(before);
        let end = after.find([')', ' ']).unwrap_or(after.len());
        let target = &after[2..end];
        let (path, anchor) = match target.split_once('#') {
            Some((path, anchor)) => (path, Some(anchor)),
            None => (target, None),
        };
        let address = path
            .split_once('/')
            .and_then(|(kind, id)| posting.links.resolve(kind, id, anchor).ok());
        match address {
            Some(address) => {
                out.push_str(root);
                out.push_str(&address);
            }
            None => out.push_str(&after[..end]),
        }
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

/// `ladderbook role --format markdown`.
pub fn render(posting: &Posting, words: &Words, root: &str) -> String {
    let mut out = format!("# {}\n\n", escape(posting.title));
    if let Some(org) = posting.organization {
        let _ = writeln!(out, "{}\n", escape(&org.name));
    }
    for (label, value) in super::text::fact_lines(posting, words) {
        let _ = writeln!(out, "- **{}:** {}", escape(&label), escape(&value));
    }
    if let Some(apply) = posting.apply {
        let _ = writeln!(out, "- [{}]({apply})", escape(words.get("role_apply")));
    }
    let body = with_links(posting.body.markdown, posting, root);
    if !body.trim().is_empty() {
        let _ = write!(out, "\n{}\n", body.trim());
    }
    let _ = write!(
        out,
        "\n## {}\n\n",
        escape(words.get("role_what_you_will_do"))
    );
    if let Some(summary) = &posting.summary {
        let _ = writeln!(
            out,
            "{}\n",
            with_links(summary.markdown.trim(), posting, root)
        );
    }
    for area in &posting.duties {
        if !area.area.is_empty() {
            let _ = writeln!(out, "### {}\n", escape(area.area));
        }
        for duty in &area.competencies {
            for item in &duty.items {
                let text = with_links(item.markdown.trim(), posting, root);
                let _ = writeln!(out, "- {}", text.replace('\n', "\n  "));
            }
        }
        out.push('\n');
    }
    let full = words.fill("role_full_level", &[("level", posting.level.name)]);
    let _ = writeln!(out, "[{}]({root}{})", escape(&full), posting.level.path);
    let _ = write!(
        out,
        "\n## {}\n\n",
        escape(words.get("role_what_we_look_for"))
    );
    if let Some(years) = posting.years {
        let _ = writeln!(
            out,
            "{}\n",
            escape(&words.fill("role_experience", &[("years", years)]))
        );
    }
    for quality in &posting.qualities {
        let mut line = format!("- **{}**", escape(quality.competency.name));
        if let Some(summary) = &quality.summary {
            let _ = write!(
                line,
                ": {}",
                with_links(summary.markdown.trim(), posting, root)
            );
        }
        let _ = writeln!(out, "{line}");
    }
    if !posting.interviews.is_empty() {
        let _ = write!(
            out,
            "\n## {}\n\n",
            escape(words.get("role_how_we_interview"))
        );
        for (n, step) in posting.interviews.iter().enumerate() {
            let _ = writeln!(out, "{}. {}", n + 1, escape(&words.step(step)));
        }
        if let Some(total) = words.loop_total(posting) {
            let _ = writeln!(out, "\n{}", escape(&total));
        }
    }
    out
}
