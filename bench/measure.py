#!/usr/bin/env python3
"""Run the ladderbook benchmark and aggregate the numbers.

Called by bench/run.sh (which installs the tools and builds ladderbook);
it can also be run on its own:

    python3 bench/measure.py --ladderbook target/release/ladderbook \
        --work /tmp/some-empty-dir [--rounds 5] [--scenario pages-1000 ...]

For every scenario it generates the books with bench/gen_book.py, runs each
tool once to warm up and to check that it works, then runs R rounds; each
round runs every (scenario, tool) pair once, round-robin, with the starting
point rotated every round so that background load hits every tool alike.

No file is deleted between the first warm-up run and the last timed run.
Before each run, whatever is at the output path (the previous run's output)
is moved aside with a rename into WORK/graveyard/<n>, so every run writes
to a path that does not exist, and dirty pages are flushed (`sync`); neither
is timed. The last run of each pair stays at its output path (the report's
output size and file count are read from it). The graveyard is deleted once,
after the timed rounds and the `true` overhead measurement. The reason: on
ext4 without a journal (the reference machine's root file system), the inode
allocator probes and skips every inode freed in the last 60 s (360 s while
its inode-table block is dirty), so creating thousands of files right after
deleting thousands of others costs several times the kernel time of creating
them in a fresh place, more so run after run; a delete-then-rebuild loop
would measure that rather than the tools.

Wall time is measured around the child process with a monotonic clock (it
includes about 1 ms for starting GNU time); peak RSS is GNU time's %M, the
ru_maxrss that wait4(2) reports for the tool: the maximum resident size of
the process and of its waited-for descendants.

Writes a Markdown report to stdout and to RESULTS/latest.md, and the raw
numbers to RESULTS/latest.json. Standard library only.
"""

from __future__ import annotations

import argparse
import random
import csv
import datetime as dt
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)

# scenario id -> (description, tools in run order). The rebuild scenarios
# come first: a build over the previous output is what authors, CI jobs and
# `serve` run (issue 20). The others build into a fresh folder every run.
SCENARIOS = {
    "rebuild-2000": ("2,000 free pages, rebuilt over the previous output",
                     ["ladderbook", "ladderbook-edit", "ladderbook-fresh", "hugo"]),
    "rebuild-10000": ("10,000 free pages, rebuilt over the previous output",
                      ["ladderbook", "ladderbook-edit", "ladderbook-fresh", "hugo"]),
    "pages-1000": ("1,000 free pages, fresh folder", ["ladderbook", "hugo", "mdbook", "floor", "stack", "cp"]),
    "pages-10000": ("10,000 free pages, fresh folder", ["ladderbook", "hugo", "floor", "stack", "cp"]),
    "structured-20x200": ("structured book, 20 levels x 200 competencies, fresh folder", ["ladderbook"]),
    "bundled": ("the bundled book (the repository itself), fresh folder", ["ladderbook"]),
    "import-grid-50x200": ("`import --from csv` of a grid, 50 levels x 200 competencies (10,000 cells)", ["ladderbook"]),
}

TOOL_LABEL = {
    "ladderbook": "ladderbook",
    "hugo": "Hugo",
    "mdbook": "mdBook",
    "cp": "cp -r (I/O floor)",
    "floor": "pulldown-cmark alone (Markdown floor)",
    "stack": "pulldown-cmark + serde-saphyr + tera (stack floor)",
}
# The labels of the rebuild scenarios' tools.
REBUILD_LABEL = {
    "ladderbook": "ladderbook, nothing changed",
    "ladderbook-edit": "ladderbook, one page's body edited",
    "ladderbook-fresh": "ladderbook into a fresh folder (same book)",
    "hugo": "Hugo, nothing changed (over its own public/)",
}


def is_rebuild(sc: str) -> bool:
    return sc.startswith("rebuild-")


def over_previous(sc: str, tool: str) -> bool:
    """Does this pair build over its previous output (not a fresh folder)?"""
    return is_rebuild(sc) and tool != "ladderbook-fresh"


def rebuild_label(sc: str, tool: str) -> str:
    return REBUILD_LABEL[tool] if is_rebuild(sc) else TOOL_LABEL[tool]


def edited_page(work_book: str, pages: int) -> str:
    """The page the edit scenario changes: the one in the middle of the book."""
    n = pages // 2
    return os.path.join(work_book, "content", "pages", f"section-{n // 100:03d}", f"page-{n:05d}.md")


def edit_body(path: str, run: int) -> None:
    """Changes the page's body, not its front matter (the title stays): the
    last paragraph says which run made it, so every run is a real change."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    marker = "\n\nEdited for run "
    text = text.split(marker)[0].rstrip("\n")
    with open(path, "w", encoding="utf-8") as f:
        f.write(f"{text}{marker}{run}.\n")


def files_written(log_path: str) -> tuple[int, int] | None:
    """(written, unchanged) from ladderbook's summary line, if it printed one."""
    try:
        with open(log_path, encoding="utf-8", errors="replace") as f:
            for line in f:
                m = re.search(r"(\d+) files written, (\d+) unchanged", line)
                if m:
                    return int(m.group(1)), int(m.group(2))
    except OSError:
        pass
    return None


def log(msg: str) -> None:
    print(f"[measure] {msg}", file=sys.stderr, flush=True)


def tool_version(argv: list[str]) -> str | None:
    try:
        r = subprocess.run(argv, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    out = (r.stdout or r.stderr).strip().splitlines()
    return out[0] if r.returncode == 0 and out else None


def tree_size(path: str) -> tuple[int, int]:
    """(bytes, files) of a folder tree: sum of file sizes, count of files."""
    total = files = 0
    for d, _, fs in os.walk(path):
        for f in fs:
            try:
                total += os.lstat(os.path.join(d, f)).st_size
            except OSError:
                continue
            files += 1
    return total, files


class Graveyard:
    """Where old outputs go instead of being deleted: see the module docstring.

    bury() renames a path into ROOT/<n> (same file system as the work
    folder, so it is one cheap rename and frees no inode); clear() deletes
    everything buried, once, when no timed run follows. A graveyard left by
    an interrupted benchmark in the same work folder is cleared too.
    """

    def __init__(self, root: str) -> None:
        self.root = root
        self.n = 0
        os.makedirs(root, exist_ok=True)

    def bury(self, path: str) -> None:
        if not os.path.lexists(path):
            return
        while True:
            self.n += 1
            dest = os.path.join(self.root, str(self.n))
            if not os.path.lexists(dest):
                break
        os.rename(path, dest)

    def clear(self) -> None:
        if os.path.lexists(self.root):
            shutil.rmtree(self.root)


GNU_TIME = "/usr/bin/time"
HZ = os.sysconf("SC_CLK_TCK")


def cpu_busy_s() -> float:
    """CPU seconds spent busy by the whole machine since boot (all cores)."""
    try:
        with open("/proc/stat") as f:
            v = [int(x) for x in f.readline().split()[1:]]
    except (OSError, ValueError):
        return 0.0
    # user nice system idle iowait irq softirq steal ...
    return (v[0] + v[1] + v[2] + v[5] + v[6] + (v[7] if len(v) > 7 else 0)) / HZ


def wait_quiet(max_wait: float, busy_limit: float = 0.15, window: float = 0.5) -> float:
    """Wait until other processes use under busy_limit of one core over a
    window; give up after max_wait seconds. Returns the seconds waited."""
    t0 = time.perf_counter()
    while True:
        b0 = cpu_busy_s()
        time.sleep(window)
        if (cpu_busy_s() - b0) / window < busy_limit or time.perf_counter() - t0 > max_wait:
            return time.perf_counter() - t0
        time.sleep(2)


def disturbed(r: dict) -> bool:
    """Did other processes use a noticeable share of the CPU during the run?"""
    return r["foreign_cpu_s"] > max(0.05, 0.1 * r["wall"])


def timed_run(argv: list[str], out_dir: str, log_path: str, timeout: float,
              graveyard: Graveyard, keep_output: bool = False) -> dict:
    """Run argv once; return wall seconds, peak RSS (KiB) and exit status.

    Whatever is at out_dir is first moved into the graveyard (not deleted),
    so the tool writes to a path that does not exist.

    Peak RSS comes from GNU time (%M), which forks the tool from a small
    process: a child forked straight from this Python process would have
    Python's own resident size (~17 MB) counted in its ru_maxrss, since the
    kernel records the pre-exec memory too. Without GNU time, wait4's
    ru_maxrss is used and the report says so.

    With keep_output (the rebuild scenarios), the previous output stays
    where it is and the tool builds over it. Kernel time (sys_s) is the
    ru_stime of GNU time and the tool it waited for.
    """
    if not keep_output:
        graveyard.bury(out_dir)
    os.sync()
    rss_file = log_path + ".rss"
    full = [GNU_TIME, "-f", "%M", "-o", rss_file, *argv] if os.access(GNU_TIME, os.X_OK) else argv
    with open(log_path, "wb") as logf:
        b0 = cpu_busy_s()
        t0 = time.perf_counter()
        p = subprocess.Popen(full, stdin=subprocess.DEVNULL, stdout=logf, stderr=subprocess.STDOUT,
                             start_new_session=True)
        timer = threading.Timer(timeout, lambda: os.killpg(p.pid, 9))
        timer.start()
        try:
            _, status, ru = os.wait4(p.pid, 0)  # blocking: exact end time and rusage
            p.returncode = os.waitstatus_to_exitcode(status)  # reaped: Popen must not signal it
        finally:
            t1 = time.perf_counter()
            b1 = cpu_busy_s()
            timer.cancel()
    # CPU time that the machine spent on anything but this run (other
    # processes, e.g. a compiler): a sign that the run was disturbed.
    own = ru.ru_utime + ru.ru_stime
    foreign = max(0.0, (b1 - b0) - own)
    rss = ru.ru_maxrss
    if full is not argv:
        # The file is kept (not unlinked), like the log: no file is deleted
        # while runs are being timed; a re-run overwrites it.
        try:
            with open(rss_file) as f:
                rss = int(f.read().split()[-1])
        except (OSError, ValueError, IndexError):
            pass
    if t1 - t0 >= timeout:
        try:
            os.killpg(p.pid, 9)
        except OSError:
            pass
        return {"ok": False, "wall": t1 - t0, "rss_kib": rss, "status": "timeout",
                "cpu_s": round(own, 3), "sys_s": round(ru.ru_stime, 3),
                "foreign_cpu_s": round(foreign, 3)}
    code = p.returncode
    return {"ok": code == 0, "wall": t1 - t0, "rss_kib": rss, "status": code,
            "cpu_s": round(own, 3), "sys_s": round(ru.ru_stime, 3),
            "foreign_cpu_s": round(foreign, 3)}


def tail(path: str, n: int = 15) -> str:
    try:
        with open(path, "rb") as f:
            lines = f.read().decode("utf-8", "replace").splitlines()
    except OSError:
        return ""
    return "\n".join(lines[-n:])


def gen(out: str, flavor: str, pages: int, levels: int | None = None, comps: int | None = None) -> None:
    argv = [sys.executable, os.path.join(HERE, "gen_book.py"), "--force", "--out", out,
            "--pages", str(pages), "--flavor", flavor]
    if levels:
        argv += ["--levels", str(levels)]
    if comps:
        argv += ["--competencies", str(comps)]
    subprocess.run(argv, check=True)


def gen_grid(path: str, levels: int, comps: int) -> str:
    """A spreadsheet grid as teams keep it (issue 26): a title row, levels as
    columns (`Senior (L4)` style), one row per competency, 1-3 bullet
    criteria per cell; fixed seed, so every run imports the same bytes."""
    rng = random.Random(26)
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Engineering ladder (benchmark)"] + [""] * levels)
        w.writerow(["Competency"] + [f"Level {n} (L{n})" for n in range(1, levels + 1)])
        for c in range(comps):
            cells = ["\n".join(f"- Criterion {c}.{n}.{k}: shows the behaviour in practice"
                               for k in range(rng.randint(1, 3))) for n in range(levels)]
            w.writerow([f"Competency {c:03d}"] + cells)
    return path


def fmt_s(x: float | None) -> str:
    if x is None:
        return "–"
    if x < 1:
        return f"{x * 1000:.0f} ms"
    return f"{x:.2f} s"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="ladderbook benchmark runner")
    ap.add_argument("--ladderbook", default=os.path.join(REPO, "target", "release", "ladderbook"))
    ap.add_argument("--hugo", default=shutil.which("hugo"))
    ap.add_argument("--mdbook", default=shutil.which("mdbook") or os.path.expanduser("~/.cargo/bin/mdbook"))
    ap.add_argument("--markdown-floor", default=os.path.join(REPO, "target", "release", "examples", "markdown_floor"),
                    help="examples/markdown_floor.rs, built: reads, renders and writes the pages with pulldown-cmark alone")
    ap.add_argument("--stack-floor", default=os.path.join(REPO, "target", "release", "examples", "stack_floor"),
                    help="examples/stack_floor.rs, built: the pages through the required crates alone "
                         "(front matter, Markdown, a small tera layout, a search index)")
    ap.add_argument("--bundled", default=REPO, help="the bundled book (default: the repository)")
    ap.add_argument("--commit", help="the ladderbook commit being measured (default: the repository's HEAD)")
    ap.add_argument("--work", required=True, help="scratch folder for books and outputs")
    ap.add_argument("--results", default=os.path.join(HERE, "results"))
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--quick", action="store_true", help="3 rounds (unless --rounds is given)")
    ap.add_argument("--scenario", action="append", choices=list(SCENARIOS),
                    help="run only these scenarios (repeatable)")
    ap.add_argument("--timeout", type=float, default=900, help="per-run limit in seconds")
    ap.add_argument("--max-wait", type=float, default=300,
                    help="before each run, wait up to this many seconds for other processes "
                         "to leave the CPU idle (0: do not wait)")
    ap.add_argument("--max-wait-total", type=float, default=1800,
                    help="stop waiting for idle CPU once this many seconds were spent waiting in all")
    ap.add_argument("--retries", type=int, default=2,
                    help="re-run a timed run disturbed by other processes up to this many times")
    ap.add_argument("--report-name", default="latest",
                    help="write RESULTS/<name>.md and RESULTS/<name>.json (default: latest)")
    ap.add_argument("--note", action="append", default=[],
                    help="a sentence printed under the report's heading (repeatable), e.g. about the machine")
    a = ap.parse_args(argv)
    rounds = a.rounds if (a.rounds != 5 or not a.quick) else 3
    scenarios = a.scenario or list(SCENARIOS)
    if not a.work.strip() or not a.results.strip():
        ap.error("--work and --results must name folders (an empty value would mean the current folder)")
    work = os.path.abspath(a.work)
    os.makedirs(work, exist_ok=True)
    # Replaced books, copies and outputs are moved here, never deleted
    # before the last timed run (see the module docstring).
    graveyard = Graveyard(os.path.join(work, "graveyard"))

    # ---- which tools are usable -------------------------------------------
    versions = {
        "ladderbook": None, "hugo": None, "mdbook": None, "floor": None, "stack": None,
        "cp": tool_version(["cp", "--version"]),
        "rustc": tool_version(["rustc", "--version"]),
        "python": platform.python_version(),
    }
    missing: dict[str, str] = {}
    def private_copy(path: str, name: str) -> str:
        """A copy of our binary `path` in the work folder, if it exists: a
        rebuild of the repository during the benchmark must not swap it
        between rounds."""
        path = os.path.abspath(path)
        if not os.access(path, os.X_OK):
            return path
        os.makedirs(os.path.join(work, "bin"), exist_ok=True)
        copy = os.path.join(work, "bin", name)
        shutil.copy2(path, copy)
        return copy

    lb = private_copy(a.ladderbook, "ladderbook")
    if os.access(lb, os.X_OK) and subprocess.run([lb, "build", "--help"], capture_output=True).returncode == 0:
        versions["ladderbook"] = tool_version([lb, "--version"]) or "ladderbook (no --version)"
    else:
        missing["ladderbook"] = f"{lb} missing or has no working `build` subcommand"
    floor = private_copy(a.markdown_floor, "markdown_floor")
    if os.access(floor, os.X_OK):
        versions["floor"] = "examples/markdown_floor.rs (pulldown-cmark, ladderbook's parser options)"
    else:
        missing["floor"] = f"{floor} missing (cargo build --release --example markdown_floor)"
    stack = private_copy(a.stack_floor, "stack_floor")
    if os.access(stack, os.X_OK):
        versions["stack"] = "examples/stack_floor.rs (serde-saphyr, pulldown-cmark, tera, serde_json)"
    else:
        missing["stack"] = f"{stack} missing (cargo build --release --example stack_floor)"
    if a.hugo and os.access(a.hugo, os.X_OK):
        versions["hugo"] = tool_version([a.hugo, "version"])
    else:
        missing["hugo"] = "hugo not installed"
    if a.mdbook and os.access(a.mdbook, os.X_OK):
        versions["mdbook"] = tool_version([a.mdbook, "--version"])
    else:
        missing["mdbook"] = "mdbook not installed"
    rev = a.commit
    if not rev:
        try:
            rev = subprocess.run(["git", "-C", REPO, "rev-parse", "--short", "HEAD"],
                                 capture_output=True, text=True).stdout.strip() or None
        except OSError:
            rev = None
        if rev and subprocess.run(["git", "-C", REPO, "diff", "--quiet", "HEAD", "--", "src", "Cargo.toml", "Cargo.lock"],
                                  capture_output=True).returncode != 0:
            rev += " + uncommitted changes"

    load_start = os.getloadavg()

    # ---- books ---------------------------------------------------------------
    books: dict[tuple[str, str], str] = {}
    for sc in scenarios:
        t0 = time.perf_counter()
        if sc.startswith("pages-") or is_rebuild(sc):
            n = int(sc.split("-")[1])
            for tool in SCENARIOS[sc][1]:
                if tool in ("cp", "floor", "stack"):
                    continue  # cp copies a site; the floors read ladderbook's book
                if tool == "ladderbook-fresh":
                    continue  # builds the unchanged rebuild's book, into fresh folders
                d = os.path.join(work, "books", sc, tool)
                graveyard.bury(d)  # a book from an earlier benchmark in this work folder
                # The edit scenario has its own copy: its edits must not
                # reach the unchanged rebuild's book.
                gen(d, "ladderbook" if tool.startswith("ladderbook") else tool, n)
                books[(sc, tool)] = d
            if "ladderbook-fresh" in SCENARIOS[sc][1]:
                books[(sc, "ladderbook-fresh")] = books[(sc, "ladderbook")]
        elif sc == "structured-20x200":
            d = os.path.join(work, "books", sc, "ladderbook")
            graveyard.bury(d)
            gen(d, "ladderbook", 0, 20, 200)
            books[(sc, "ladderbook")] = d
        elif sc == "import-grid-50x200":
            d = os.path.join(work, "books", sc)
            graveyard.bury(d)
            os.makedirs(d)
            books[(sc, "ladderbook")] = gen_grid(os.path.join(d, "grid.csv"), 50, 200)
        elif sc == "bundled":
            if os.path.isfile(os.path.join(a.bundled, "book.toml")):
                # A snapshot, for the same reason as the binary.
                d = os.path.join(work, "books", sc, "ladderbook")
                graveyard.bury(d)
                os.makedirs(d)
                shutil.copy2(os.path.join(a.bundled, "book.toml"), d)
                for sub in ("content", "themes"):
                    if os.path.isdir(os.path.join(a.bundled, sub)):
                        shutil.copytree(os.path.join(a.bundled, sub), os.path.join(d, sub))
                books[(sc, "ladderbook")] = d
            else:
                missing[f"bundled:{a.bundled}"] = "no book.toml in the bundled book folder"
        log(f"generated books for {sc} in {time.perf_counter() - t0:.1f} s")

    out_root = os.path.join(work, "out")
    log_root = os.path.join(work, "logs")
    os.makedirs(log_root, exist_ok=True)

    def command(sc: str, tool: str, out: str) -> list[str] | None:
        book = books.get((sc, tool))
        if sc == "import-grid-50x200" and book and "ladderbook" not in missing:
            return [lb, "import", "--from", "csv", "--quiet", book, out]
        if tool.startswith("ladderbook") and book and "ladderbook" not in missing:
            return [lb, "build", book, "--out", out]
        if tool == "hugo" and book and "hugo" not in missing:
            return [a.hugo, "--source", book, "--destination", out, "--quiet",
                    "--cacheDir", os.path.join(work, "hugo-cache"), "--noBuildLock"]
        if tool == "mdbook" and book and "mdbook" not in missing:
            return [a.mdbook, "build", book, "--dest-dir", out]
        if tool == "floor" and "floor" not in missing and books.get((sc, "ladderbook")):
            return [floor, os.path.join(books[(sc, "ladderbook")], "content", "pages"), "--out", out]
        if tool == "stack" and "stack" not in missing and books.get((sc, "ladderbook")):
            return [stack, os.path.join(books[(sc, "ladderbook")], "content", "pages"), "--out", out]
        if tool == "cp":
            src = cp_source.get(sc)
            return ["cp", "-r", src[1], out] if src else None
        return None

    # ---- warm-up: one untimed run per pair, checks that each tool works ------
    pairs: list[tuple[str, str]] = []
    problems: dict[str, str] = {}
    cp_source: dict[str, tuple[str, str]] = {}  # scenario -> (tool, site folder)
    for sc in scenarios:
        for tool in SCENARIOS[sc][1]:
            if tool == "cp":
                continue
            key = f"{sc}/{tool}"
            out = os.path.join(out_root, sc, tool)
            cmd = command(sc, tool, out)
            if cmd is None:
                problems[key] = missing.get(tool) or missing.get(f"bundled:{a.bundled}") or "not available"
                continue
            logp = os.path.join(log_root, f"{sc}-{tool}-warmup.log")
            if tool == "ladderbook-edit":
                edit_body(edited_page(books[(sc, tool)], int(sc.split("-")[1])), 0)
            r = timed_run(cmd, out, logp, a.timeout, graveyard, keep_output=over_previous(sc, tool))
            if not r["ok"]:
                problems[key] = f"warm-up run failed (exit {r['status']}): " + tail(logp, 8)
                log(f"{key}: FAILED\n{tail(logp, 8)}")
                continue
            log(f"{key}: warm-up {fmt_s(r['wall'])}, {r['rss_kib'] / 1024:.0f} MiB")
            pairs.append((sc, tool))
        if "cp" in SCENARIOS[sc][1]:
            # The floor: copying the site ladderbook produced (a peer's output
            # when ladderbook cannot build yet, flagged in the report).
            for tool in ("ladderbook", "hugo"):
                if (sc, tool) in pairs:
                    ref = os.path.join(work, "ref", sc)
                    graveyard.bury(ref)
                    os.makedirs(os.path.dirname(ref), exist_ok=True)
                    shutil.copytree(os.path.join(out_root, sc, tool), ref, symlinks=True)
                    cp_source[sc] = (tool, ref)
                    pairs.append((sc, "cp"))
                    break
            else:
                problems[f"{sc}/cp"] = "no site to copy"

    # ---- timed rounds ---------------------------------------------------------
    samples: dict[tuple[str, str], list[dict]] = {p: [] for p in pairs}
    failed: dict[tuple[str, str], str] = {}
    waited = 0.0
    reruns = 0
    edits = 0
    for rnd in range(rounds):
        k = rnd % max(len(pairs), 1)
        order = pairs[k:] + pairs[:k]
        t0 = time.perf_counter()
        for sc, tool in order:
            if (sc, tool) in failed:
                continue
            out = os.path.join(out_root, sc, tool)
            logp = os.path.join(log_root, f"{sc}-{tool}-{rnd + 1}.log")
            for attempt in range(a.retries + 1):
                budget = min(a.max_wait, a.max_wait_total - waited)
                if budget > 0:
                    waited += wait_quiet(budget)
                if tool == "ladderbook-edit":
                    # Untimed, before the run: every run rebuilds a real edit.
                    edits += 1
                    edit_body(edited_page(books[(sc, tool)], int(sc.split("-")[1])), edits)
                r = timed_run(command(sc, tool, out), out, logp, a.timeout, graveyard,
                              keep_output=over_previous(sc, tool))
                if tool.startswith("ladderbook"):
                    r["written_unchanged"] = files_written(logp)
                if not r["ok"] or not disturbed(r):
                    break
                log(f"{sc}/{tool}: round {rnd + 1} disturbed by other processes "
                    f"({r['foreign_cpu_s']:.2f} CPU s), " + ("re-running" if attempt < a.retries else "kept"))
                reruns += attempt < a.retries
            if not r["ok"]:
                failed[(sc, tool)] = f"round {rnd + 1} failed (exit {r['status']}): " + tail(logp, 8)
                log(f"{sc}/{tool}: round {rnd + 1} FAILED")
                continue
            r["round"] = rnd + 1
            samples[(sc, tool)].append(r)
        log(f"round {rnd + 1}/{rounds} done in {time.perf_counter() - t0:.1f} s")

    load_end = os.getloadavg()

    # Cost of starting a process through the harness (GNU time + fork/exec of
    # `true`): part of every wall time, reported, not subtracted. Measured
    # after the rounds, once the CPU is idle.
    if a.max_wait > 0:
        wait_quiet(a.max_wait)
    overhead = statistics.median(
        timed_run(["true"], os.path.join(work, "none"), os.path.join(work, "true.log"), 10, graveyard)["wall"]
        for _ in range(21))

    # Only now, with no timed run left, are the old outputs deleted.
    t0 = time.perf_counter()
    buried = len(os.listdir(graveyard.root))
    graveyard.clear()
    log(f"deleted {buried} old outputs and copies ({graveyard.root}) in {time.perf_counter() - t0:.1f} s")


    # ---- aggregate --------------------------------------------------------------
    results: dict[str, dict] = {}
    for (sc, tool), ss in samples.items():
        if not ss or (sc, tool) in failed:
            continue
        # Runs disturbed by other processes (after the re-runs) are left out
        # of the medians as long as at least half of the runs are clean.
        clean = [s for s in ss if not disturbed(s)]
        used = clean if 2 * len(clean) >= len(ss) else ss
        walls = [s["wall"] for s in used]
        rss = [s["rss_kib"] for s in ss]
        size, files = tree_size(os.path.join(out_root, sc, tool))
        results[f"{sc}/{tool}"] = {
            "scenario": sc, "tool": tool,
            "wall_s": [round(s["wall"], 5) for s in ss],
            "runs_in_median": len(used),
            "rss_kib": rss,
            "median_wall_s": round(statistics.median(walls), 5),
            "min_wall_s": round(min(walls), 5),
            "max_wall_s": round(max(walls), 5),
            "median_rss_mb": round(statistics.median(rss) * 1024 / 1e6, 1),
            "median_cpu_s": round(statistics.median(s["cpu_s"] for s in ss), 3),
            "median_sys_s": round(statistics.median(s["sys_s"] for s in used), 3),
            "files_written": [s["written_unchanged"][0] for s in ss if s.get("written_unchanged")],
            "files_unchanged": [s["written_unchanged"][1] for s in ss if s.get("written_unchanged")],
            "foreign_cpu_s": [s["foreign_cpu_s"] for s in ss],
            "disturbed_runs": sum(disturbed(s) for s in ss),
            "max_rss_mb": round(max(rss) * 1024 / 1e6, 1),
            "output_mb": round(size / 1e6, 2),
            "output_files": files,
        }
        if tool == "cp":
            results[f"{sc}/{tool}"]["copied_site_of"] = cp_source[sc][0]
    for (sc, tool), why in failed.items():
        problems[f"{sc}/{tool}"] = why

    # ladderbook / peer, both from this run: ratio of medians, and the median of
    # the per-round ratios (same round = same background load).
    for key, r in results.items():
        sc, tool = r["scenario"], r["tool"]
        base = results.get(f"{sc}/ladderbook")
        if tool == "ladderbook" or not base:
            continue
        r["ratio_ladderbook_over_tool"] = round(base["median_wall_s"] / r["median_wall_s"], 4)
        per_round = {s["round"]: s["wall"] for s in samples[(sc, "ladderbook")] if not disturbed(s)}
        rr = [per_round[s["round"]] / s["wall"] for s in samples[(sc, tool)]
              if s["round"] in per_round and not disturbed(s)]
        if rr:
            r["ratio_per_round_median"] = round(statistics.median(rr), 4)

    def get(key: str, field: str):
        return results.get(key, {}).get(field)

    def edit_over_unchanged(sc: str):
        edit, same = get(f"{sc}/ladderbook-edit", "median_wall_s"), get(f"{sc}/ladderbook", "median_wall_s")
        return round(edit / same, 4) if edit and same else None

    def most_written(key: str):
        written = get(key, "files_written")
        return max(written) if written else None

    # (scenario, target, measured, limit, unit); "ratio" and "files" pass at <= limit.
    targets = [
        ("rebuild-2000", "rebuild, nothing changed ≤ 0.1 × Hugo's rebuild, N=2,000",
         get("rebuild-2000/hugo", "ratio_ladderbook_over_tool"), 0.1, "ratio"),
        ("rebuild-10000", "rebuild, nothing changed ≤ 0.1 × Hugo's rebuild, N=10,000",
         get("rebuild-10000/hugo", "ratio_ladderbook_over_tool"), 0.1, "ratio"),
        ("rebuild-2000", "rebuild, nothing changed ≤ 1.2 × a build into a fresh folder, N=2,000",
         get("rebuild-2000/ladderbook-fresh", "ratio_ladderbook_over_tool"), 1.2, "ratio"),
        ("rebuild-10000", "rebuild, nothing changed ≤ 1.2 × a build into a fresh folder, N=10,000",
         get("rebuild-10000/ladderbook-fresh", "ratio_ladderbook_over_tool"), 1.2, "ratio"),
        ("rebuild-10000", "rebuild, nothing changed: files written (most in any run), N=10,000",
         most_written("rebuild-10000/ladderbook"), 0, "files"),
        ("rebuild-10000", "rebuild after one body edit ≤ 1.1 × the unchanged rebuild, N=10,000",
         edit_over_unchanged("rebuild-10000"), 1.1, "ratio"),
        ("rebuild-10000", "rebuild after one body edit writes a handful of files (≤ 5; most in any run), N=10,000",
         most_written("rebuild-10000/ladderbook-edit"), 5, "files"),
        ("pages-1000", "ladderbook ≤ 0.2 × Hugo wall time, N=1,000 (fresh folder)",
         get("pages-1000/hugo", "ratio_ladderbook_over_tool"), 0.2, "ratio"),
        ("pages-10000", "ladderbook ≤ 0.2 × Hugo wall time, N=10,000 (fresh folder)",
         get("pages-10000/hugo", "ratio_ladderbook_over_tool"), 0.2, "ratio"),
        ("pages-1000", "ladderbook ≤ 0.05 × mdBook wall time, N=1,000 (fresh folder)",
         get("pages-1000/mdbook", "ratio_ladderbook_over_tool"), 0.05, "ratio"),
        ("pages-10000", "ladderbook ≤ 2 × `cp -r` of its own output, N=10,000 (fresh folder)",
         get("pages-10000/cp", "ratio_ladderbook_over_tool") if get("pages-10000/cp", "copied_site_of") == "ladderbook" else None,
         2.0, "ratio"),
        ("structured-20x200", "structured 20 × 200 builds in < 1 s", get("structured-20x200/ladderbook", "median_wall_s"), 1.0, "s"),
        ("import-grid-50x200", "a 50 × 200 grid imports in < 500 ms (issue 26)",
         get("import-grid-50x200/ladderbook", "median_wall_s"), 0.5, "s"),
        ("bundled", "bundled book builds in < 100 ms", get("bundled/ladderbook", "median_wall_s"), 0.1, "s"),
        ("pages-10000", "peak memory < 150 MB at N=10,000", get("pages-10000/ladderbook", "max_rss_mb"), 150.0, "MB"),
    ]
    target_rows = []
    for sc, name, val, limit, unit in targets:
        if sc not in scenarios:
            continue
        if val is None:
            status, shown = "pending", "–"
        else:
            status = "pass" if (val <= limit if unit in ("ratio", "files") else val < limit) else "FAIL"
            shown = (f"{val:.3f}" if unit == "ratio" else fmt_s(val) if unit == "s"
                     else f"{val}" if unit == "files" else f"{val:.1f} MB")
        target_rows.append({"target": name, "measured": val, "limit": limit, "unit": unit, "status": status})
        target_rows[-1]["shown"] = shown

    # ---- report -------------------------------------------------------------------
    now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()
    cpu = ""
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    md = [
        "# ladderbook benchmark results",
        "",
        f"{now} · {os.cpu_count()} cores · {cpu} · {platform.system()} {platform.release()} · "
        f"{rounds} rounds, median shown · {versions['ladderbook'] or 'ladderbook not built'}"
        + (f" (commit {rev})" if rev else ""),
        "",
        f"Peers: {versions['hugo'] or 'Hugo missing'}; {versions['mdbook'] or 'mdBook missing'}.",
        "",
        *[line for note in a.note for line in (note, "")],
    ]
    rebuilds = [sc for sc in scenarios if is_rebuild(sc)]
    if rebuilds:
        md += [
            "## Rebuilds over the previous output",
            "",
            "| Scenario | Build | Median wall | Min – max | Kernel CPU | All CPU | Files written | Peak RSS | Output | Files "
            "| unchanged rebuild ÷ this |",
            "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for sc in rebuilds:
            for tool in SCENARIOS[sc][1]:
                r = results.get(f"{sc}/{tool}")
                if not r:
                    why = problems.get(f"{sc}/{tool}", "not run").splitlines()[0]
                    md.append(f"| {SCENARIOS[sc][0]} | {rebuild_label(sc, tool)} | – | – | – | – | – | – | – | – | {why} |")
                    continue
                written = r["files_written"]
                shown = (f"{statistics.median(written):.0f} of {written[0] + r['files_unchanged'][0]}"
                         if written else "–")
                ratio = r.get("ratio_ladderbook_over_tool")
                md.append(
                    f"| {SCENARIOS[sc][0]} | {rebuild_label(sc, tool)} | {fmt_s(r['median_wall_s'])} | "
                    f"{fmt_s(r['min_wall_s'])} – {fmt_s(r['max_wall_s'])} | {fmt_s(r['median_sys_s'])} | "
                    f"{fmt_s(r['median_cpu_s'])} | {shown} | "
                    f"{r['max_rss_mb']:.0f} MB | {r['output_mb']:.1f} MB | {r['output_files']} | "
                    f"{'' if ratio is None else f'{ratio:.3f}'} |")
        md += ["", "Kernel CPU: median system time of the runs in the median (GNU time and the tool, "
               "from wait4); All CPU: median user + system time of all runs, which other processes "
               "on the machine disturb less than wall time. Files written: ladderbook's own count (\"N files written, M unchanged\"), "
               "median over the runs, of the site's files.", ""]
    fresh = [sc for sc in scenarios if not is_rebuild(sc)]
    if fresh:
        md += [
            "## Builds into a fresh folder",
            "",
            "| Scenario | Tool | Median wall | Min – max | Peak RSS | Output | Files | ladderbook ÷ tool |",
            "|---|---|---:|---:|---:|---:|---:|---:|",
        ]
    for sc in fresh:
        for tool in SCENARIOS[sc][1]:
            r = results.get(f"{sc}/{tool}")
            label = TOOL_LABEL[tool]
            if tool == "cp" and r and r.get("copied_site_of") != "ladderbook":
                label += f" of {TOOL_LABEL[r['copied_site_of']]}'s site"
            if not r:
                why = problems.get(f"{sc}/{tool}", "not run").splitlines()[0]
                md.append(f"| {SCENARIOS[sc][0]} | {label} | – | – | – | – | – | {why} |")
                continue
            ratio = r.get("ratio_ladderbook_over_tool")
            md.append(
                f"| {SCENARIOS[sc][0]} | {label} | {fmt_s(r['median_wall_s'])} | "
                f"{fmt_s(r['min_wall_s'])} – {fmt_s(r['max_wall_s'])} | "
                f"{r['max_rss_mb']:.0f} MB | {r['output_mb']:.1f} MB | {r['output_files']} | "
                f"{'' if ratio is None else f'{ratio:.3f}'} |")
    md += ["", "## Targets", "", "| Target | Measured | Status |", "|---|---:|---|"]
    for t in target_rows:
        md.append(f"| {t['target']} | {t['shown']} | {t['status']} |")
    if problems:
        md += ["", "Not measured:", ""]
        for k, v in sorted(problems.items()):
            md.append(f"- `{k}`: {v.splitlines()[0] if v else ''}")
    md += ["", "Wall time: median of the undisturbed rounds (warm page cache; `sync` before each run; "
           "a rebuild builds over its own previous output, every other run writes a new "
           "output folder, the previous one moved aside, deleted only after the last round). Peak RSS: maximum over the rounds of "
           + ("GNU time's %M. " if os.access(GNU_TIME, os.X_OK) else
              "wait4's ru_maxrss (GNU time missing: includes ~17 MB of the Python harness). ")
           + f"Every wall time includes {overhead * 1000:.1f} ms of process start through the harness "
           f"(measured with `true`). Load average (1 min) {load_start[0]:.2f} before, {load_end[0]:.2f} after the rounds. "
           + f"Waited {waited:.0f} s in all for other processes to leave the CPU idle; "
           f"{reruns} runs re-done because another process used the CPU during them; "
           f"{sum(r['disturbed_runs'] for r in results.values())} runs still disturbed after that, "
           "left out of the medians unless fewer than half of a pair's runs were undisturbed "
           "(then every run is in its median). "
           "MB = 10^6 bytes. Ratio: ladderbook's median over the tool's median, same run.", ""]
    text = "\n".join(md)
    print(text)

    os.makedirs(a.results, exist_ok=True)
    with open(os.path.join(a.results, f"{a.report_name}.md"), "w", encoding="utf-8") as f:
        f.write(text)
    raw = {
        "date": now, "rounds": rounds, "cores": os.cpu_count(), "cpu": cpu,
        "kernel": platform.release(), "ladderbook_commit": rev, "versions": versions,
        "harness_overhead_s": round(overhead, 5),
        "loadavg_start": [round(x, 2) for x in load_start],
        "loadavg_end": [round(x, 2) for x in load_end],
        "quiet_wait_s": round(waited, 1), "reruns": reruns,
        "rss_source": "GNU time %M" if os.access(GNU_TIME, os.X_OK) else "wait4 ru_maxrss (includes harness)",
        "notes": a.note, "results": results, "targets": target_rows,
        "not_measured": {k: v for k, v in problems.items()},
    }
    with open(os.path.join(a.results, f"{a.report_name}.json"), "w", encoding="utf-8") as f:
        json.dump(raw, f, indent=1, ensure_ascii=False)
        f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
