#!/usr/bin/env python3
"""Time a site build with `[history]` over 10 releases of the bundled book
against the same build without it (issue 17: target < 3x).

    python3 bench/history_site.py [--binary target/release/ladderbook] [--runs 11] [--releases 10]

Makes the repository of bench/history_repo.py (the bundled book tagged
v1.0 ... v1.9, each release editing one competency, `[history] tags =
"v*"`), then builds the working tree into a fresh folder, alternately with
`[history]` and with the section taken out of book.toml (the only
difference), after one untimed warm-up of each. Prints the median,
fastest and slowest wall time, the median CPU time (user + system) and the
ratio of the medians. Standard library only.
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

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)


def build(binary, book, out):
    shutil.rmtree(out, ignore_errors=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([binary, "--quiet", "build", book, "--out", out],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"history_site.py: build exited {done.returncode}: {done.stderr.decode()}")
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", default=os.path.join(REPO, "target", "release", "ladderbook"))
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--releases", type=int, default=10)
    options = parser.parse_args()
    binary = os.path.abspath(options.binary)
    work = tempfile.mkdtemp(prefix="ladderbook-history-bench-")
    try:
        book = os.path.join(work, "book")
        subprocess.run([sys.executable, os.path.join(HERE, "history_repo.py"), book,
                        str(options.releases)], check=True, stdout=subprocess.DEVNULL)
        plain = os.path.join(work, "plain")
        shutil.copytree(book, plain, ignore=shutil.ignore_patterns(".git"))
        config = os.path.join(plain, "book.toml")
        with open(config, encoding="utf-8") as f:
            text = f.read()
        with open(config, "w", encoding="utf-8") as f:
            f.write(text.split("\n[history]\n")[0] + "\n")
        out = os.path.join(work, "site")
        cases = {"with [history]": book, "without": plain}
        results = {name: ([], []) for name in cases}
        for path in cases.values():
            build(binary, path, out)  # warm-up
        for _ in range(options.runs):
            for name, path in cases.items():
                wall, cpu = build(binary, path, out)
                results[name][0].append(wall * 1000)
                results[name][1].append(cpu * 1000)
        print(f"binary: {binary}")
        print(f"releases: {options.releases}; runs: {options.runs}; load average: {os.getloadavg()[0]:.2f}")
        print("| build of the bundled book | wall median | fastest | slowest | CPU median |")
        print("|---|--:|--:|--:|--:|")
        for name, (walls, cpus) in results.items():
            print(f"| {name} | {statistics.median(walls):.0f} ms | {min(walls):.0f} ms "
                  f"| {max(walls):.0f} ms | {statistics.median(cpus):.0f} ms |")
        ratio = statistics.median(results["with [history]"][0]) / statistics.median(results["without"][0])
        cpu_ratio = statistics.median(results["with [history]"][1]) / statistics.median(results["without"][1])
        print(f"ratio of medians: wall {ratio:.2f}x, CPU {cpu_ratio:.2f}x (target < 3x)")
        print(f"load average after: {os.getloadavg()[0]:.2f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
