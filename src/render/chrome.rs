//! The parts of every page that do not depend on the page itself: the
//! header, the levels in the sidebar and the footer (`chrome` in the
//! templates).
//!
//! Links in them are behind the root marker, so one rendering serves pages
//! at any depth. Each part is a partial template rendered once per distinct
//! input (the header per section of the site, the levels list per level
//! shown) instead of once per page: rendered per page, they were 6% of
//! all the work of building a thousand guides.

use std::collections::HashMap;

use tera::{Context, Tera, Value};

use super::{FIXED_PAGES, section_of};
use crate::content::model::Book;

pub const HEADER_TEMPLATE: &str = "partials/header.html";
pub const LEVELS_TEMPLATE: &str = "partials/levels-nav.html";
pub const FOOTER_TEMPLATE: &str = "partials/footer.html";

/// The `chrome` of every page, made once: one map of safe HTML strings per
/// section, and per level page.
pub struct Chrome {
    by_section: HashMap<&'static str, Value>,
    by_level: HashMap<String, Value>,
}

impl Chrome {
    pub fn render(tera: &Tera, book: &Book) -> tera::TeraResult<Chrome> {
        let footer = render(tera, FOOTER_TEMPLATE, None, None)?;
        let levels = render(tera, LEVELS_TEMPLATE, None, None)?;
        let mut headers = HashMap::new();
        let changes = book.history.is_some().then_some(super::CHANGES_INDEX);
        let roles = (!book.roles.is_empty()).then_some(super::ROLE_INDEX);
        let optional = changes.into_iter().chain(roles);
        for path in FIXED_PAGES.iter().map(|(_, path)| *path).chain(optional) {
            let section = section_of(path);
            headers.insert(section, render(tera, HEADER_TEMPLATE, Some(section), None)?);
        }
        let parts = |header: &Value, levels: &Value| {
            let mut map = tera::Map::new();
            map.insert("header".into(), header.clone());
            map.insert("levels".into(), levels.clone());
            map.insert("footer".into(), footer.clone());
            Value::from(map)
        };
        let by_section = headers
            .iter()
            .map(|(section, header)| (*section, parts(header, &levels)))
            .collect();
        let mut by_level = HashMap::new();
        for level in &book.levels {
            let marked = render(tera, LEVELS_TEMPLATE, None, Some(&level.id))?;
            by_level.insert(level.id.clone(), parts(&headers["levels"], &marked));
        }
        Ok(Chrome {
            by_section,
            by_level,
        })
    }

    /// The chrome of the page at `path`.
    pub fn for_page(&self, path: &str) -> Value {
        // "Pay and progression" belongs with the levels it lists.
        let section = if path == super::views::PAY_PAGE {
            "levels"
        } else {
            section_of(path)
        };
        let level = path
            .strip_prefix("levels/")
            .and_then(|rest| rest.strip_suffix(".html"))
            .and_then(|id| self.by_level.get(id));
        level
            .or_else(|| self.by_section.get(section))
            .cloned()
            .unwrap_or_else(|| panic!("every page is in a known section; `{path}` is not"))
    }
}

fn render(
    tera: &Tera,
    template: &str,
    section: Option<&str>,
    current_level: Option<&str>,
) -> tera::TeraResult<Value> {
    let mut context = Context::new();
    context.insert("section", &section);
    context.insert("current_level", &current_level);
    Ok(Value::safe_string(&tera.render(template, &context)?))
}
