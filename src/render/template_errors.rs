//! tera's errors as the book's diagnostics, or as ladderbook's own bugs.
//!
//! An error tera places in one of the book's templates is the book's. So is
//! one it places in a built-in template that extends, imports or includes
//! one of the book's overrides: a `base.html` override without the `content`
//! block breaks every built-in page that fills it. Such an error is reported
//! on those overrides, once for all the built-in templates it breaks the
//! same way. Anything else is ladderbook's bug: the built-in templates
//! build and render every valid book (the test suite makes sure).

use std::collections::BTreeMap;

use super::RenderFailure;
use super::theme::{Origin, Template, Theme};
use crate::diagnostics::Diagnostic;
use crate::node::Pos;

/// One problem tera reported: the template it names, where, and what.
#[derive(Debug, PartialEq)]
struct Problem {
    template: String,
    pos: Pos,
    message: String,
}

pub fn template_failure(err: &tera::Error, theme: &Theme) -> RenderFailure {
    let overrides: Vec<&Template> = theme
        .templates
        .iter()
        .filter(|template| matches!(template.origin, Origin::Book(_)))
        .collect();
    let mut diagnostics = Vec::new();
    // (override's file, message) → the built-in templates it breaks so.
    let mut broken: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
    // Problems no override can have caused.
    let mut unexplained = Vec::new();
    for problem in problems_of(err) {
        let named = theme.templates.iter().find(|t| t.name == problem.template);
        if let Some(Template {
            origin: Origin::Book(file),
            ..
        }) = named
        {
            diagnostics.push(
                Diagnostic::error(
                    "template",
                    file,
                    problem.pos,
                    format!("template error: {}", problem.message),
                )
                .with_help("see the template context in the theming guide (docs/theming.md)"),
            );
            continue;
        }
        let culprits = named.map_or_else(Vec::new, |built_in| used_overrides(built_in, &overrides));
        if culprits.is_empty() {
            unexplained.push(problem);
            continue;
        }
        for culprit in culprits {
            if let Origin::Book(file) = &culprit.origin {
                let key = (file.clone(), problem.message.clone());
                let at = format!("{}:{}", problem.template, problem.pos);
                broken.entry(key).or_default().push(at);
            }
        }
    }
    for ((file, message), built_in) in broken {
        diagnostics.push(
            Diagnostic::error(
                "template",
                &file,
                Pos::new(1, 1),
                format!(
                    "this template breaks the built-in {} ({}): {message}",
                    if built_in.len() == 1 {
                        "template"
                    } else {
                        "templates"
                    },
                    built_in.join(", ")
                ),
            )
            .with_help(
                "the built-in templates use the blocks, macros and partials of the templates \
                 they extend, import or include: keep those in your copy (compare it with \
                 themes/default/templates/ in the ladderbook repository), or override the \
                 built-in templates that use them too",
            ),
        );
    }
    // The book's own problems first: what is left may follow from them.
    if !diagnostics.is_empty() {
        return RenderFailure::Book(diagnostics);
    }
    let text = unexplained
        .iter()
        .map(|p| format!("`{}` at {}: {}", p.template, p.pos, p.message))
        .collect::<Vec<_>>()
        .join("; ");
    RenderFailure::Tool(anyhow::anyhow!(
        "a built-in template failed: {text} (this is a bug in ladderbook; please report it)"
    ))
}

/// The book's overrides that `built_in` extends, imports or includes: those
/// its source names (`{% extends "base.html" %}`).
fn used_overrides<'t>(built_in: &Template, overrides: &[&'t Template]) -> Vec<&'t Template> {
    overrides
        .iter()
        .copied()
        .filter(|o| {
            built_in.source.contains(&format!("\"{}\"", o.name))
                || built_in.source.contains(&format!("'{}'", o.name))
        })
        .collect()
}

/// Every problem in `err`: tera reports syntax and rendering errors one at a
/// time with their place, but the checks made once all templates are
/// loaded (blocks, components, includes) come joined in one message.
fn problems_of(err: &tera::Error) -> Vec<Problem> {
    match err.kind() {
        tera::ErrorKind::SyntaxError(report) | tera::ErrorKind::RenderingError(report) => {
            vec![Problem {
                template: report.filename().to_string(),
                pos: Pos::new(
                    report.span().start_line as u32,
                    report.span().start_col as u32 + 1,
                ),
                message: report.message().to_string(),
            }]
        }
        tera::ErrorKind::Msg(text) => {
            let reports = parse_reports(text);
            if reports.is_empty() {
                vec![Problem {
                    template: String::new(),
                    pos: Pos::new(1, 1),
                    message: text.clone(),
                }]
            } else {
                reports
            }
        }
        tera::ErrorKind::MissingParent { current, .. } => vec![whole(current, err)],
        tera::ErrorKind::CircularExtend { tpl, .. }
        | tera::ErrorKind::CircularInclude { tpl, .. } => vec![whole(tpl, err)],
        _ => vec![Problem {
            template: String::new(),
            pos: Pos::new(1, 1),
            message: err.to_string(),
        }],
    }
}

fn whole(template: &str, err: &tera::Error) -> Problem {
    Problem {
        template: template.to_string(),
        pos: Pos::new(1, 1),
        message: err.to_string(),
    }
}

/// The reports in a message of joined tera reports: each starts with
/// `error: <message>` and has a ` --> <template>:<line>:<col>` line.
fn parse_reports(text: &str) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut message: Option<&str> = None;
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix("error: ") {
            message = Some(rest);
        } else if let (Some(found), Some(place)) = (message, line.trim_start().strip_prefix("--> "))
            && let Some((template, pos)) = parse_place(place)
        {
            problems.push(Problem {
                template: template.to_string(),
                pos,
                message: found.to_string(),
            });
            message = None;
        }
    }
    problems
}

/// `name:line:col` → the name and the position.
fn parse_place(place: &str) -> Option<(&str, Pos)> {
    let (rest, col) = place.rsplit_once(':')?;
    let (name, line) = rest.rsplit_once(':')?;
    Some((name, Pos::new(line.parse().ok()?, col.parse().ok()?)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn template(name: &str, source: &str, origin: Origin) -> Template {
        Template {
            name: name.into(),
            source: source.into(),
            origin,
        }
    }

    fn theme(templates: Vec<Template>) -> Theme {
        Theme {
            templates,
            assets: BTreeMap::new(),
            strings: Default::default(),
        }
    }

    /// A built-in `404.html` filling a `content` block its built-in parent
    /// lacks: the error every test here provokes, with no override in it.
    fn built_in_base_and_404() -> Vec<Template> {
        vec![
            template("base.html", "<main></main>", Origin::BuiltIn),
            template(
                "404.html",
                "{% extends \"base.html\" %}\n{% block content %}gone{% endblock content %}",
                Origin::BuiltIn,
            ),
        ]
    }

    /// What tera says when a book's `base.html` lost the `content` block.
    fn missing_block_error(theme: &Theme) -> tera::Error {
        let mut tera = tera::Tera::default();
        tera.add_raw_templates(
            theme
                .templates
                .iter()
                .map(|t| (t.name.as_str(), t.source.as_str())),
        )
        .expect_err("the child's block has no parent")
    }

    #[test]
    fn joined_reports_are_split_with_their_places() {
        let text = "error: Block `content` is not defined in any parent template\n --> 404.html:2:10\n  |\n2 | {% block content %}\n  |          ^^^^^^^\n\nerror: Component `x` not found\n --> partials/a.html:7:3\n";
        assert_eq!(
            parse_reports(text),
            vec![
                Problem {
                    template: "404.html".into(),
                    pos: Pos::new(2, 10),
                    message: "Block `content` is not defined in any parent template".into(),
                },
                Problem {
                    template: "partials/a.html".into(),
                    pos: Pos::new(7, 3),
                    message: "Component `x` not found".into(),
                },
            ]
        );
    }

    #[test]
    fn a_built_in_template_broken_by_an_override_is_the_books_problem() {
        let theme = theme(vec![
            template(
                "base.html",
                "<main></main>",
                Origin::Book("themes/default/templates/base.html".into()),
            ),
            template(
                "404.html",
                "{% extends \"base.html\" %}\n{% block content %}gone{% endblock content %}",
                Origin::BuiltIn,
            ),
            template(
                "level.html",
                "{% extends \"base.html\" %}\n{% block content %}L{% endblock content %}",
                Origin::BuiltIn,
            ),
            template(
                "partials/footer.html",
                "<footer></footer>",
                Origin::Book("themes/default/templates/partials/footer.html".into()),
            ),
        ]);
        let RenderFailure::Book(diagnostics) =
            template_failure(&missing_block_error(&theme), &theme)
        else {
            panic!("an override's breakage is the book's problem");
        };
        // One diagnostic, on the parent the built-in templates extend, not on
        // the footer they do not use.
        assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
        assert_eq!(diagnostics[0].file, "themes/default/templates/base.html");
        assert_eq!(
            diagnostics[0].message,
            "this template breaks the built-in templates (404.html:2:10, level.html:2:10): \
             Block `content` is not defined in any parent template"
        );
    }

    #[test]
    fn a_built_in_failure_no_override_takes_part_in_is_a_bug_of_ladderbook() {
        let mut templates = built_in_base_and_404();
        templates.push(template(
            "partials/footer.html",
            "<footer></footer>",
            Origin::Book("themes/default/templates/partials/footer.html".into()),
        ));
        let theme = theme(templates);
        let failure = template_failure(&missing_block_error(&theme), &theme);
        assert!(
            matches!(failure, RenderFailure::Tool(_)),
            "404.html uses no override: not the book's problem"
        );
    }

    #[test]
    fn without_overrides_a_template_error_is_a_bug_of_ladderbook() {
        let theme = theme(built_in_base_and_404());
        let failure = template_failure(&missing_block_error(&theme), &theme);
        let RenderFailure::Tool(err) = failure else {
            panic!("the built-in theme's own error is a bug");
        };
        assert!(err.to_string().contains("`404.html` at 2:10"), "{err}");
    }
}
