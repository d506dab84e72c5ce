#!/usr/bin/env python3
"""Time `ladderbook diff` between two revisions of the bundled book.

    python3 bench/diff_history.py [--binary target/release/ladderbook] [--runs 21]

Makes a git repository in a temporary folder holding the bundled book
(book.toml and content/ of this repository) as tag v1, edits it the way a
ladder release does (moves an expectation to another level, rewords one,
adds one, renames a level, changes an archetype's emphasis, a scorecard bar
and a guide) and commits that as tag v2. Then it runs, after one untimed
warm-up each:

  diff v1 v2 --format json     both sides read from the repository
  diff v1 --format json        the older side from the repository, the newer
                               one the working tree (the usual review case)

and prints the median, fastest and slowest wall time of each, the median
CPU time (user + system; what a busy shared machine inflates least), and
the machine's load. The issue's target is < 100 ms for the first (issue 17).
Standard library only; the `git` binary builds the fixture repository (the
product reads it with gix).
"""

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

EDITS = [
    # (file below content/, old text, new text)
    ("competencies/automation.yaml",
     "    - Identifies the largest toil sources across several teams and leads the work that removes them.\n",
     ""),
    ("competencies/automation.yaml",
     "with a kill switch) and reviews",
     "with a kill switch and an audit log) and reviews"),
    ("competencies/automation.yaml",
     "  sre-3:\n",
     "  sre-3:\n    - Identifies the largest toil sources across several teams and leads the work that removes them.\n"),
    ("competencies/automation.yaml",
     "and reports the hours saved per month.\n",
     "and reports the hours saved per month.\n    - Writes a runbook for every automation they ship.\n"),
    ("archetypes/educator.md", "  influence: 4\n", "  influence: 5\n"),
    ("scorecards/senior-sre.yaml", "with burn-rate alerting", "with multi-window burn-rate alerting"),
    ("pages/promotion.md", None, "\nAsk for a calibration date when you start your case.\n"),
]


def git(cwd, *args):
    env = dict(os.environ, GIT_AUTHOR_NAME="bench", GIT_AUTHOR_EMAIL="bench@example.com",
               GIT_COMMITTER_NAME="bench", GIT_COMMITTER_EMAIL="bench@example.com",
               GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL="/dev/null")
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, stdout=subprocess.DEVNULL)


def make_repo(work):
    shutil.copy(os.path.join(REPO, "book.toml"), work)
    shutil.copytree(os.path.join(REPO, "content"), os.path.join(work, "content"))
    git(work, "init", "-q", "-b", "main")
    git(work, "add", "-A")
    git(work, "commit", "-q", "-m", "v1")
    git(work, "tag", "v1")
    for path, old, new in EDITS:
        full = os.path.join(work, "content", path)
        with open(full, encoding="utf-8") as f:
            text = f.read()
        if old is None:
            text += new
        else:
            if old not in text:
                sys.exit(f"diff_history.py: {path} no longer has {old!r}; update EDITS")
            text = text.replace(old, new, 1)
        with open(full, "w", encoding="utf-8") as f:
            f.write(text)
    git(work, "commit", "-q", "-am", "v2")
    git(work, "tag", "v2")


def time_runs(binary, work, args, runs):
    command = [binary, "diff", *args]
    subprocess.run(command, cwd=work, check=True, stdout=subprocess.DEVNULL)  # warm-up
    times = []
    cpu = []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run(command, cwd=work, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        if done.returncode != 0:
            sys.exit(f"diff_history.py: {' '.join(command)} exited {done.returncode}")
    return times, cpu


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", default=os.path.join(REPO, "target", "release", "ladderbook"))
    parser.add_argument("--runs", type=int, default=21)
    options = parser.parse_args()
    binary = os.path.abspath(options.binary)
    work = tempfile.mkdtemp(prefix="ladderbook-diff-bench-")
    try:
        make_repo(work)
        print(f"binary: {binary}")
        print(f"load average before: {os.getloadavg()[0]:.2f}; runs: {options.runs}")
        print("| command | wall median | fastest | slowest | CPU median |")
        print("|---|--:|--:|--:|--:|")
        for args in (["v1", "v2", "--format", "json"], ["v1", "--format", "json"]):
            times, cpu = time_runs(binary, work, args, options.runs)
            ms = [t * 1000 for t in times]
            print(f"| `ladderbook diff {' '.join(args)}` | {statistics.median(ms):.1f} ms "
                  f"| {min(ms):.1f} ms | {max(ms):.1f} ms | {statistics.median(cpu) * 1000:.1f} ms |")
        print(f"load average after: {os.getloadavg()[0]:.2f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
