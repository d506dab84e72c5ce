//! `serve`: build into memory, serve on loopback, watch the book, rebuild
//! and reload open tabs. A broken book keeps the last good site on screen
//! with an overlay of its problems.

pub mod http;
pub mod state;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::Context as _;
use notify_debouncer_mini::notify::RecursiveMode;
use notify_debouncer_mini::{DebounceEventResult, new_debouncer};
use tokio::sync::broadcast;

use crate::config::CONFIG_FILE;
use state::{Changes, SiteState};

/// How long to wait for more file events before rebuilding: editors often
/// write a file in several steps.
const DEBOUNCE: Duration = Duration::from_millis(25);

pub struct ServeOptions {
    pub root: PathBuf,
    pub address: SocketAddr,
    pub open: bool,
    pub quiet: bool,
}

pub fn serve(options: ServeOptions) -> anyhow::Result<()> {
    let site = SiteState::default();
    let started = Instant::now();
    let first = site.rebuild(&options.root)?;
    report(&first.problems, started, options.quiet);
    let (reloads, _) = broadcast::channel(16);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .context("starting the preview server")?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(options.address)
            .await
            .with_context(|| format!("binding {}", options.address))?;
        let address = listener.local_addr().context("reading the bound address")?;
        // Watch before announcing the address: an edit made as soon as the
        // address is known must not slip in before the watcher.
        let _watcher = watch(&options.root, site.clone(), reloads.clone(), options.quiet)?;
        eprintln!("serve: http://{address}/ (Ctrl-C to stop)");
        if !address.ip().is_loopback() {
            eprintln!(
                "serve: warning: {} is reachable from other machines",
                address.ip()
            );
        }
        if options.open {
            let _ = open::that(format!("http://{address}/"));
        }
        let app = http::router(http::AppState { site, reloads });
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
                eprintln!("serve: stopped");
            })
            .await
            .context("serving")
    })
}

fn report(problems: &[crate::diagnostics::Diagnostic], started: Instant, quiet: bool) {
    report_changes(problems, None, started, quiet)
}

/// The outcome of a build: its time (and, for a rebuild, what changed), or
/// the book's problems.
fn report_changes(
    problems: &[crate::diagnostics::Diagnostic],
    changes: Option<&Changes>,
    started: Instant,
    quiet: bool,
) {
    if problems.is_empty() {
        if quiet {
            return;
        }
        let took = started.elapsed().as_millis();
        match changes {
            None => eprintln!("serve: built in {took} ms"),
            Some(Changes::Files { changed, unchanged }) => eprintln!(
                "serve: rebuilt in {took} ms: {} changed, {unchanged} unchanged",
                crate::cmd::check::plural(changed.len(), "file")
            ),
            Some(Changes::Everything) => eprintln!("serve: rebuilt in {took} ms"),
        }
    } else {
        eprintln!(
            "serve: the book has {} (serving the last good build):",
            crate::cmd::check::plural(problems.len(), "error")
        );
        for problem in problems {
            eprintln!("  {}", problem.one_line());
        }
    }
}

/// Watches book.toml, the content folder and the book's themes.
fn watch(
    root: &Path,
    site: SiteState,
    reloads: broadcast::Sender<String>,
    quiet: bool,
) -> anyhow::Result<
    notify_debouncer_mini::Debouncer<notify_debouncer_mini::notify::RecommendedWatcher>,
> {
    // The content folder may be configured elsewhere; read it once here.
    let content = crate::content::load_book(root)
        .map(|loaded| loaded.book.config.content_dir(root))
        .unwrap_or_else(|_| root.join("content"));
    let folders: Vec<PathBuf> = [content, root.join("themes")]
        .into_iter()
        .filter(|f| f.is_dir())
        .collect();
    let mut seen = Fingerprints::default();
    seen.update(&root.join(CONFIG_FILE));
    for folder in &folders {
        for entry in walkdir::WalkDir::new(folder)
            .into_iter()
            .filter_map(Result::ok)
        {
            seen.update(entry.path());
        }
    }
    let book_root = root.to_path_buf();
    let mut generation = 0u64;
    let mut debouncer = new_debouncer(DEBOUNCE, move |result: DebounceEventResult| {
        let Ok(events) = result else { return };
        // inotify also reports reads, and every rebuild reads every file:
        // only a changed size, time or existence counts as an edit.
        let mut changed = false;
        for event in &events {
            let hidden = event
                .path
                .components()
                .any(|c| c.as_os_str().to_string_lossy().starts_with('.'));
            // Every event's file is recorded, so no short-circuit here.
            changed |= !hidden && seen.update(&event.path);
        }
        if !changed {
            return;
        }
        let started = Instant::now();
        let changes = match site.rebuild(&book_root) {
            Ok(rebuilt) => {
                report_changes(&rebuilt.problems, Some(&rebuilt.changes), started, quiet);
                rebuilt.changes
            }
            Err(err) => {
                eprintln!("serve: rebuild failed: {err:#}");
                Changes::Everything
            }
        };
        if let Some(event) = reload_event(generation + 1, &changes) {
            generation += 1;
            let _ = reloads.send(event);
        }
    })
    .context("starting the file watcher")?;
    let watcher = debouncer.watcher();
    watcher
        .watch(&root.join(CONFIG_FILE), RecursiveMode::NonRecursive)
        .with_context(|| format!("watching {}", root.join(CONFIG_FILE).display()))?;
    for folder in &folders {
        watcher
            .watch(folder, RecursiveMode::Recursive)
            .with_context(|| format!("watching {}", folder.display()))?;
    }
    Ok(debouncer)
}

/// The data of the reload event the tabs get (`http::LIVE_SCRIPT` reads
/// it): the changed files, or `null` for every tab. `None` when nothing
/// changed: no tab reloads.
fn reload_event(generation: u64, changes: &Changes) -> Option<String> {
    let changed = match changes {
        Changes::Files { changed, .. } if changed.is_empty() => return None,
        Changes::Files { changed, .. } => Some(changed),
        Changes::Everything => None,
    };
    let event = serde_json::json!({ "generation": generation, "changed": changed });
    Some(event.to_string())
}

/// What a file looked like when last seen: size and modification time, or
/// absent.
#[derive(Default)]
struct Fingerprints {
    files: std::collections::HashMap<PathBuf, Option<(u64, std::time::SystemTime)>>,
}

impl Fingerprints {
    /// Records the file's current state; true when it differs from before.
    fn update(&mut self, path: &Path) -> bool {
        let now = std::fs::metadata(path)
            .ok()
            .map(|m| (m.len(), m.modified().unwrap_or(std::time::UNIX_EPOCH)));
        self.files.insert(path.to_path_buf(), now) != Some(now)
    }
}
