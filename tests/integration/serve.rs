//! `ladderbook serve`: a real server on a free loopback port.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use crate::support::TestBook;

/// The server process, killed when dropped.
struct Server {
    child: Child,
    address: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(book: &TestBook) -> Server {
    let mut command = book.command(&["serve", ".", "--port", "0"]);
    command.stderr(Stdio::piped()).stdout(Stdio::null());
    let mut child = command.spawn().expect("serve starts");
    let stderr = child.stderr.take().expect("piped stderr");
    let mut lines = BufReader::new(stderr).lines();
    let address = loop {
        let line = lines
            .next()
            .expect("serve prints its address")
            .expect("utf-8 output");
        if let Some(rest) = line.strip_prefix("serve: http://") {
            break rest.split('/').next().unwrap().to_string();
        }
    };
    // Keep draining stderr so the server never blocks on a full pipe.
    std::thread::spawn(move || for _ in lines {});
    Server { child, address }
}

struct Response {
    status: u16,
    content_type: String,
    body: String,
}

/// A bare HTTP/1.1 GET, so the raw path reaches the server unnormalised.
fn get(server: &Server, path: &str) -> Response {
    let mut stream = TcpStream::connect(&server.address).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
        server.address
    )
    .unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("read response");
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let content_type = head
        .lines()
        .find_map(|l| {
            l.to_ascii_lowercase()
                .strip_prefix("content-type: ")
                .map(str::to_string)
        })
        .unwrap_or_default();
    Response {
        status,
        content_type,
        body: body.to_string(),
    }
}

/// Polls until `check` holds for the page, or fails after a few seconds.
fn wait_for(
    server: &Server,
    path: &str,
    what: &str,
    check: impl Fn(&Response) -> bool,
) -> Duration {
    let started = Instant::now();
    loop {
        let response = get(server, path);
        if check(&response) {
            return started.elapsed();
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "timed out waiting for {what}"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
}

#[test]
fn serves_pages_with_the_reload_script_and_right_types() {
    let book = TestBook::fixture("books/valid");
    let server = start(&book);
    let home = get(&server, "/");
    assert_eq!(home.status, 200);
    assert_eq!(home.content_type, "text/html; charset=utf-8");
    assert!(home.body.contains("/__ladderbook/live.js"));
    let css = get(&server, "/assets/style.css");
    assert_eq!(
        (css.status, css.content_type.as_str()),
        (200, "text/css; charset=utf-8")
    );
    assert!(
        get(&server, "/assets/favicon.svg")
            .content_type
            .starts_with("image/svg+xml")
    );
    assert!(
        get(&server, "/ladder.json")
            .content_type
            .starts_with("application/json")
    );
    assert_eq!(
        get(&server, "/levels/").status,
        200,
        "folders serve their index"
    );
    let missing = get(&server, "/no/such/page.html");
    assert_eq!(missing.status, 404);
    assert!(missing.body.contains("Page not found"));
    // Nothing was written to disk: `build` output never gets the script.
    assert!(!book.root().join("site").exists());
}

#[test]
fn paths_outside_the_site_get_404() {
    let outside = TestBook::empty().with("secret.txt", "top secret");
    let book = TestBook::fixture("books/valid");
    let secret = outside.root().join("secret.txt");
    #[cfg(unix)]
    std::os::unix::fs::symlink(&secret, book.root().join("content/static-link.txt")).unwrap();
    let server = start(&book);
    for path in [
        "/../../../../etc/passwd",
        "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/levels/%2E%2E/%2E%2E/book.toml",
        "/..%2f..%2fbook.toml",
        "/%2fetc%2fpasswd",
        "//etc/passwd",
        "/book.toml",
        "/content/levels/sre-1.md",
        "/static-link.txt",
        "/C:%5cWindows%5cwin.ini",
    ] {
        let response = get(&server, path);
        assert_eq!(response.status, 404, "{path}");
        assert!(
            !response.body.contains("top secret") && !response.body.contains("root:"),
            "{path}"
        );
    }
}

#[test]
fn an_edit_is_rebuilt_and_a_broken_book_keeps_the_last_good_site() {
    let book = TestBook::fixture("books/valid");
    let server = start(&book);
    let page = "/levels/sre-1.html";
    assert!(
        get(&server, page)
            .body
            .contains("Works on well-defined tasks.")
    );
    let original = std::fs::read_to_string(book.root().join("content/levels/sre-1.md")).unwrap();
    book.write(
        "content/levels/sre-1.md",
        original.replace("well-defined tasks", "freshly edited tasks"),
    );
    let latency = wait_for(&server, page, "the edit", |r| {
        r.body.contains("freshly edited tasks")
    });
    eprintln!("edit-to-served latency: {latency:?}");

    book.write(
        "content/levels/sre-1.md",
        "---\ntitle: Broken\nrank: [\n---\n",
    );
    // The file is written in two steps (emptied, then filled), which the
    // watcher may report apart: an overlay for the empty file can come
    // first. Wait for the one that names the final problem's place.
    wait_for(&server, page, "the overlay naming file:line:col", |r| {
        r.body.contains("ladderbook-overlay") && r.body.contains("content/levels/sre-1.md:3:7")
    });
    let broken = get(&server, page);
    assert!(
        broken.body.contains("freshly edited tasks"),
        "the last good page is still served"
    );
    assert!(
        get(&server, "/matrix.html")
            .body
            .contains("ladderbook-overlay"),
        "every page shows it"
    );

    book.write("content/levels/sre-1.md", original);
    wait_for(&server, page, "the fix", |r| {
        !r.body.contains("ladderbook-overlay") && r.body.contains("well-defined tasks")
    });
}

#[test]
fn live_reload_events_are_pushed() {
    let book = TestBook::fixture("books/valid");
    let server = start(&book);
    let mut stream = TcpStream::connect(&server.address).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    write!(
        stream,
        "GET /__ladderbook/events HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\n\r\n"
    )
    .unwrap();
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    reader.read_line(&mut line).unwrap();
    assert!(line.contains("200"), "{line}");
    std::thread::sleep(Duration::from_millis(200));
    book.write(
        "content/pages/promotion.md",
        "---\ntitle: How promotion works\n---\nChanged.\n",
    );
    let started = Instant::now();
    loop {
        line.clear();
        reader.read_line(&mut line).expect("an event arrives");
        if line.starts_with("event: reload") {
            break;
        }
        assert!(started.elapsed() < Duration::from_secs(10));
    }
}

#[test]
fn a_guide_left_as_it_was_is_checked_again_when_the_pages_it_links_to_change() {
    let book = TestBook::fixture("books/valid")
        .with(
            "content/pages/links.md",
            "---\ntitle: Links\n---\nSee [the later guide](@/pages/later).\n",
        )
        .with("content/pages/later.md", "---\ntitle: Later\n---\nLater.\n");
    let server = start(&book);
    let page = "/pages/links.html";
    assert!(
        get(&server, page)
            .body
            .contains("href=\"../pages/later.html\"")
    );

    // links.md is not touched, but its link now leads nowhere.
    std::fs::remove_file(book.root().join("content/pages/later.md")).unwrap();
    wait_for(&server, page, "the overlay", |r| {
        r.body.contains("ladderbook-overlay")
    });
    assert!(
        get(&server, page)
            .body
            .contains("content/pages/links.md:4:5"),
        "the broken link is reported at its place"
    );

    book.write("content/pages/later.md", "---\ntitle: Later\n---\nBack.\n");
    wait_for(&server, page, "the fix", |r| {
        !r.body.contains("ladderbook-overlay")
    });
    wait_for(&server, "/pages/later.html", "the new page", |r| {
        r.body.contains("Back.")
    });
}

/// Reads the event stream until the next reload event; returns its data.
fn next_reload(reader: &mut BufReader<TcpStream>) -> serde_json::Value {
    let started = Instant::now();
    let mut line = String::new();
    let mut reloading = false;
    loop {
        line.clear();
        reader.read_line(&mut line).expect("an event arrives");
        if line.starts_with("event: reload") {
            reloading = true;
        } else if let (true, Some(data)) = (reloading, line.strip_prefix("data: ")) {
            return serde_json::from_str(data.trim()).expect("the event's data is JSON");
        }
        assert!(started.elapsed() < Duration::from_secs(10));
    }
}

/// Saves `relative` the way many editors do, through a hidden file renamed
/// over it: the watcher then never sees the file half written, which a
/// loaded machine can otherwise show it (a truncated guide is a build with
/// problems, whose reload names no files).
fn save_whole(book: &TestBook, relative: &str, contents: String) {
    let path = book.root().join(relative);
    let hidden = path.with_file_name(".ladderbook-test-save");
    std::fs::write(&hidden, contents).expect("the hidden file can be written");
    std::fs::rename(&hidden, &path).expect("the hidden file can be renamed");
}

#[test]
fn a_rebuild_names_the_files_it_changed_and_an_unchanged_one_reloads_nothing() {
    let book = TestBook::fixture("books/valid");
    let server = start(&book);
    let mut stream = TcpStream::connect(&server.address).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    write!(
        stream,
        "GET /__ladderbook/events HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\n\r\n"
    )
    .unwrap();
    let mut reader = BufReader::new(stream);
    std::thread::sleep(Duration::from_millis(200));
    let guide = "content/pages/promotion.md";
    let text = std::fs::read_to_string(book.root().join(guide)).unwrap();
    save_whole(&book, guide, format!("{text}\nOne more paragraph.\n"));
    let event = next_reload(&mut reader);
    let changed = event["changed"].as_array().expect("a list of files");
    assert!(
        changed.contains(&"pages/promotion.html".into())
            && changed.contains(&"assets/search/0.js".into())
            && !changed.contains(&"index.html".into()),
        "{event}"
    );
    // The same bytes saved again: a rebuild, and nothing to reload. The
    // next event is the next real edit's.
    save_whole(&book, guide, format!("{text}\nOne more paragraph.\n"));
    std::thread::sleep(Duration::from_millis(500));
    let other = "content/pages/guides/hiring.md";
    let other_text = std::fs::read_to_string(book.root().join(other)).unwrap();
    save_whole(&book, other, format!("{other_text}\nAnother paragraph.\n"));
    let event = next_reload(&mut reader);
    assert_eq!(event["generation"], 2, "no event in between: {event}");
    let changed = event["changed"].as_array().expect("a list of files");
    assert!(
        changed.contains(&"pages/guides/hiring.html".into())
            && !changed.contains(&"pages/promotion.html".into()),
        "{event}"
    );
}
