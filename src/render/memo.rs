//! Guides' bodies kept from one build to the next, for `serve`: an edit
//! renders again only the Markdown that changed.
//!
//! A body's HTML, headings, sections and link problems depend on its text,
//! the book's Markdown options and the ids links can reach, and on nothing
//! else. So a body is reused when its text is the same and the options and
//! ids are too; when those change, everything is rendered afresh.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use crate::content::model::Book;
use crate::markdown::Rendered;
use crate::render::views::guide_body;

/// Guides' rendered bodies by their text, kept across the builds of one
/// `serve` session. Shared by both cores; each body sits behind an `Arc`
/// so the lock is held only to take a reference, and the copy a page gets
/// is made after.
#[derive(Default)]
pub struct BodyMemo {
    state: Mutex<State>,
}

#[derive(Default)]
struct State {
    /// The Markdown options and link targets every body below was rendered
    /// with ([`setting_of`]).
    setting: Option<(bool, u64)>,
    /// Bodies of the last build, by their text.
    previous: HashMap<String, Arc<Rendered>>,
    /// Bodies of this build: what the next one may reuse. A body edited
    /// away is in neither after one more build, so the memo holds one
    /// book's bodies, not every version of them.
    current: HashMap<String, Arc<Rendered>>,
}

/// What rendering a body depends on besides its text: the options of
/// [`guide_body`] that vary by book, and the link targets.
fn setting_of(book: &Book) -> (bool, u64) {
    (book.config.markdown.allow_html, book.links.fingerprint())
}

impl BodyMemo {
    /// Starts a build of `book`: keeps the last build's bodies if they were
    /// rendered as this book's would be, and forgets them otherwise.
    pub fn begin(&self, book: &Book) {
        let mut state = self.lock();
        let setting = Some(setting_of(book));
        let current = std::mem::take(&mut state.current);
        if state.setting == setting {
            state.previous = current;
        } else {
            state.previous.clear();
            state.setting = setting;
        }
    }

    /// The body of the guide at `index`, rendered now or reused.
    pub fn body(&self, book: &Book, index: usize) -> Rendered {
        let text = &book.pages[index].body.text;
        let kept = {
            let mut state = self.lock();
            match state.current.get(text) {
                Some(kept) => Some(kept.clone()),
                None => state.previous.remove(text).inspect(|kept| {
                    state.current.insert(text.clone(), kept.clone());
                }),
            }
        };
        if let Some(kept) = kept {
            return Rendered::clone(&kept);
        }
        // Rendered outside the lock: the other core renders meanwhile.
        let rendered = guide_body(book, index);
        self.lock()
            .current
            .insert(text.clone(), Arc::new(rendered.clone()));
        rendered
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    #[cfg(test)]
    fn kept(&self) -> (usize, usize) {
        let state = self.lock();
        (state.previous.len(), state.current.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::memory::{MemoryFile, load_memory_book};

    /// A book with the guides `pages` (path, body) and one level.
    fn book(config: &str, pages: &[(&str, &str)]) -> Book {
        let mut files = vec![MemoryFile {
            path: "levels/sre-1.md".into(),
            text: "---\ntitle: Engineer\nrank: 1\n---\nBody\n".into(),
        }];
        files.extend(pages.iter().map(|(path, body)| MemoryFile {
            path: format!("pages/{path}.md"),
            text: format!("---\ntitle: {path}\n---\n{body}"),
        }));
        load_memory_book(&format!("[book]\ntitle = \"T\"\n{config}"), &files).book
    }

    /// Every guide's body through the memo, as one build renders them.
    fn build(memo: &BodyMemo, book: &Book) -> Vec<Rendered> {
        memo.begin(book);
        (0..book.pages.len()).map(|i| memo.body(book, i)).collect()
    }

    fn fresh(book: &Book) -> Vec<Rendered> {
        (0..book.pages.len()).map(|i| guide_body(book, i)).collect()
    }

    #[test]
    fn a_body_is_rendered_once_and_reused_while_its_text_and_setting_hold() {
        let memo = BodyMemo::default();
        let first = book(
            "",
            &[("a", "# A\nSee [b](@/pages/b).\n"), ("b", "B <i>raw</i>\n")],
        );
        assert_eq!(build(&memo, &first), fresh(&first));
        assert_eq!(memo.kept(), (0, 2));
        // A second build of the same book renders nothing: both are reused.
        assert_eq!(build(&memo, &first), fresh(&first));
        assert_eq!(memo.kept(), (0, 2));

        // An edited body is rendered; the other is reused; the old text is
        // forgotten once a build has not used it.
        let edited = book(
            "",
            &[("a", "# A\nSee [b](@/pages/b).\n"), ("b", "B, edited\n")],
        );
        assert_eq!(build(&memo, &edited), fresh(&edited));
        assert_eq!(
            memo.kept(),
            (1, 2),
            "the old text of b is still held, unused"
        );
        memo.begin(&edited);
        assert_eq!(
            memo.kept(),
            (2, 0),
            "only the bodies of the last build are kept"
        );
    }

    #[test]
    fn a_change_of_link_targets_or_options_renders_every_body_again() {
        let memo = BodyMemo::default();
        let links = ("a", "See [c](@/pages/c).\n");
        let before = book("", &[links]);
        let rendered = build(&memo, &before);
        assert_eq!(rendered[0].problems.len(), 1, "c does not exist yet");
        // The text of `a` is the same, but the link it makes now resolves.
        let after = book("", &[links, ("c", "C\n")]);
        assert_ne!(before.links.fingerprint(), after.links.fingerprint());
        let rendered = build(&memo, &after);
        assert!(rendered[0].problems.is_empty());
        assert_eq!(rendered, fresh(&after));
        // Raw HTML allowed: the same text renders differently.
        let html = ("b", "B <i>raw</i>\n");
        let dropped = book("", &[html]);
        let kept = book("[markdown]\nallow-html = true\n", &[html]);
        assert_eq!(build(&memo, &dropped), fresh(&dropped));
        assert_eq!(build(&memo, &kept), fresh(&kept));
        assert_ne!(fresh(&kept), fresh(&dropped));
    }

    #[test]
    fn the_fingerprint_follows_the_ids_not_their_order() {
        let a = book("", &[("a", "A\n"), ("b", "B\n")]);
        let b = book("", &[("b", "B\n"), ("a", "A\n")]);
        assert_eq!(a.links.fingerprint(), b.links.fingerprint());
        let c = book("", &[("a", "A\n"), ("c", "B\n")]);
        assert_ne!(a.links.fingerprint(), c.links.fingerprint());
    }
}
