//! The preview's HTTP side: serves files of the in-memory site only, injects
//! the live-reload script (never into `build` output) and the problems
//! overlay, and pushes "reload" to open tabs as server-sent events.

use std::convert::Infallible;
use std::time::Duration;

use axum::Router;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, Uri, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use tokio::sync::broadcast;
use tokio_stream::StreamExt as _;
use tokio_stream::wrappers::BroadcastStream;

use crate::serve::state::SiteState;

pub const EVENTS_PATH: &str = "/__ladderbook/events";
pub const LIVE_SCRIPT_PATH: &str = "/__ladderbook/live.js";

#[derive(Clone)]
pub struct AppState {
    pub site: SiteState,
    /// The data of each reload event (`serve::reload_event`).
    pub reloads: broadcast::Sender<String>,
}

pub fn router(state: AppState) -> Router {
    Router::new().fallback(handle).with_state(state)
}

async fn handle(State(state): State<AppState>, uri: Uri) -> Response {
    match uri.path() {
        EVENTS_PATH => events(state).into_response(),
        LIVE_SCRIPT_PATH => (
            [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
            LIVE_SCRIPT,
        )
            .into_response(),
        path => serve_file(&state, path),
    }
}

fn events(state: AppState) -> Sse<impl tokio_stream::Stream<Item = Result<Event, Infallible>>> {
    let stream = BroadcastStream::new(state.reloads.subscribe())
        .filter_map(|data| data.ok())
        .map(|data| Ok(Event::default().event("reload").data(data)));
    Sse::new(stream).keep_alive(KeepAlive::new().interval(Duration::from_secs(15)))
}

fn serve_file(state: &AppState, raw_path: &str) -> Response {
    let files = state.site.files();
    let found = site_path(raw_path).and_then(|path| {
        candidates(&path)
            .into_iter()
            .find_map(|candidate| files.get(&candidate).map(|bytes| (candidate, bytes)))
    });
    let (path, bytes, status) = match found {
        Some((path, bytes)) => (path, bytes, StatusCode::OK),
        None => match files.get("404.html") {
            Some(bytes) => ("404.html".to_string(), bytes, StatusCode::NOT_FOUND),
            None => return not_found_without_site(state),
        },
    };
    let content_type = mime_guess::from_path(&path).first_or_octet_stream();
    let is_html = content_type.essence_str() == "text/html";
    let body = if is_html {
        inject(bytes, &overlay(&state.site.problems())).into_bytes()
    } else {
        bytes.clone()
    };
    let mut response = (status, body).into_response();
    let value = if is_html
        || content_type.type_() == "text"
        || content_type.essence_str() == "application/javascript"
    {
        format!("{}; charset=utf-8", content_type.essence_str())
    } else {
        content_type.essence_str().to_string()
    };
    if let Ok(value) = HeaderValue::from_str(&value) {
        response.headers_mut().insert(header::CONTENT_TYPE, value);
    }
    // The preview must always show the latest build.
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

fn not_found_without_site(state: &AppState) -> Response {
    let page = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>ladderbook</title></head><body><h1>The book does not build yet</h1></body></html>";
    let html = inject(page.as_bytes(), &overlay(&state.site.problems()));
    (
        StatusCode::NOT_FOUND,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        html,
    )
        .into_response()
}

/// The site path a request asks for, or `None` for anything that could
/// escape the site: `..` (also percent-encoded), backslashes, NUL,
/// absolute Windows paths. The site is a map of its own paths, so nothing
/// outside it can be reached anyway; this only keeps the answer a plain 404.
pub fn site_path(raw: &str) -> Option<String> {
    let decoded = percent_encoding::percent_decode_str(raw)
        .decode_utf8()
        .ok()?;
    if decoded.contains('\\') || decoded.contains('\0') || decoded.contains(':') {
        return None;
    }
    let trimmed = decoded.trim_start_matches('/');
    if trimmed
        .split('/')
        .any(|segment| segment == ".." || segment == ".")
    {
        return None;
    }
    Some(trimmed.to_string())
}

/// `dir/` → `dir/index.html`; `page` → `page.html` or `page/index.html`.
fn candidates(path: &str) -> Vec<String> {
    if path.is_empty() || path.ends_with('/') {
        return vec![format!("{path}index.html")];
    }
    vec![
        path.to_string(),
        format!("{path}.html"),
        format!("{path}/index.html"),
    ]
}

/// Adds the live-reload script and the overlay before `</body>`.
fn inject(html: &[u8], overlay: &str) -> String {
    let html = String::from_utf8_lossy(html);
    let snippet = format!("{overlay}<script src=\"{LIVE_SCRIPT_PATH}\"></script>");
    match html.rfind("</body>") {
        Some(index) => format!("{}{snippet}{}", &html[..index], &html[index..]),
        None => format!("{html}{snippet}"),
    }
}

/// The problems of the latest build as an overlay on every page.
fn overlay(problems: &[crate::diagnostics::Diagnostic]) -> String {
    if problems.is_empty() {
        return String::new();
    }
    let items: String = problems
        .iter()
        .map(|d| {
            let help = d
                .help
                .as_deref()
                .map(|h| format!("<br><small>help: {}</small>", escape(h)))
                .unwrap_or_default();
            format!(
                "<li><code>{}:{}:{}</code> {}{help}</li>",
                escape(&d.file),
                d.line,
                d.column,
                escape(&d.message)
            )
        })
        .collect();
    format!(
        "<div id=\"ladderbook-overlay\" role=\"alertdialog\" aria-labelledby=\"ladderbook-overlay-title\" style=\"position:fixed;inset:auto 1rem 1rem 1rem;max-height:60vh;overflow:auto;z-index:9999;background:#fff5f4;color:#3a0d08;border:2px solid #b42318;border-radius:10px;padding:1rem 1.2rem;font:14px/1.5 system-ui,sans-serif;box-shadow:0 8px 30px rgba(0,0,0,.25)\"><p id=\"ladderbook-overlay-title\" style=\"margin:0 0 .5rem;font-weight:700\">The book has {} — showing the last good build. Fix and save to reload.</p><ul style=\"margin:0;padding-left:1.2rem\">{items}</ul></div>",
        crate::cmd::check::plural(problems.len(), "error")
    )
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Reloads a tab when a rebuild changed its page, or any file but the
/// search index and its shards (stylesheets, scripts, images may be in use here), or when
/// the event names no files (the problems overlay changed).
const LIVE_SCRIPT: &str = r#"// ladderbook serve: reload this tab when a rebuild changed what it shows.
(function () {
  "use strict";
  var here = decodeURIComponent(window.location.pathname).replace(/^\/+/, "");
  var candidates = /(^|\/)$/.test(here)
    ? [here + "index.html"]
    : [here, here + ".html", here + "/index.html"];
  function shown(path) {
    return candidates.indexOf(path) >= 0
      || (!/\.html$/.test(path) && !/^assets\/search(-index\.js$|\/)/.test(path));
  }
  var source = new EventSource("/__ladderbook/events");
  source.addEventListener("reload", function (event) {
    var changed = null;
    try { changed = JSON.parse(event.data).changed; } catch (e) { changed = null; }
    if (!Array.isArray(changed) || changed.some(shown)) { window.location.reload(); }
  });
})();
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traversal_attempts_are_refused() {
        for bad in [
            "/../etc/passwd",
            "/%2e%2e/etc/passwd",
            "/levels/%2E%2E/%2e%2e/x",
            "/a\\..\\b",
            "/C:/x",
            "/a%00b",
            "/./x",
        ] {
            assert_eq!(site_path(bad), None, "{bad}");
        }
        assert_eq!(
            site_path("/levels/sre-1.html").as_deref(),
            Some("levels/sre-1.html")
        );
        assert_eq!(site_path("/").as_deref(), Some(""));
    }

    #[test]
    fn scripts_go_before_the_end_of_body() {
        let html = inject(b"<html><body><p>x</p></body></html>", "");
        assert!(html.contains("<p>x</p><script src=\"/__ladderbook/live.js\"></script></body>"));
    }

    #[test]
    fn the_overlay_escapes_messages() {
        let diagnostic = crate::diagnostics::Diagnostic::error(
            "x",
            "a.md",
            crate::node::Pos::new(2, 3),
            "<b>bad</b>",
        );
        let html = overlay(&[diagnostic]);
        assert!(html.contains("a.md:2:3") && html.contains("&lt;b&gt;bad&lt;/b&gt;"));
    }
}
