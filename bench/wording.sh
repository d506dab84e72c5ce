#!/usr/bin/env bash
# What the wording checks (issue 27) add to `ladderbook check`: at most
# 10 % on the 10,000-page benchmark book.
#
#   bash bench/wording.sh [--rounds N] [--no-build]
#
# Builds ladderbook in release mode (unless --no-build), generates the
# 10,000-page book and the structured 20 levels × 200 competencies book
# with bench/gen_book.py (fixed seed), and times `check` on each twice per
# round, interleaved: as generated (the wording checks on, `[book] language
# = "en"`) and with `[lint] off` naming the three wording codes (the checks
# return before reading a text). Best and median of N rounds (default 5).
# Prints a Markdown table.
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(dirname "$BENCH")"
# shellcheck source=lib/options.sh
source "$BENCH/lib/options.sh"
bench_options "$0" 13 "$@"
SCRATCH="$(mktemp -d)"
trap 'rm -rf "$SCRATCH"' EXIT
python3 "$BENCH/gen_book.py" --out "$SCRATCH/pages-10000" --pages 10000 >/dev/null
python3 "$BENCH/gen_book.py" --out "$SCRATCH/structured-20x200" --pages 0 --levels 20 --competencies 200 >/dev/null
for book in pages-10000 structured-20x200; do
  cp -r "$SCRATCH/$book" "$SCRATCH/$book-off"
  printf '\n[lint]\noff = ["gendered-word", "coded-word", "trait-not-behaviour"]\n' >> "$SCRATCH/$book-off/book.toml"
done
echo "| book | wording checks | best | median | added (medians) |"
echo "|---|---|---:|---:|---:|"
python3 - "$BIN" "$SCRATCH" "$rounds" <<'PY'
import statistics, subprocess, sys, time
binary, scratch, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
def once(book):
    start = time.perf_counter()
    done = subprocess.run([binary, "check", f"{scratch}/{book}", "-q"],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if done.returncode != 0:
        sys.exit(f"check {book} failed: {done.stderr.decode()}")
    return time.perf_counter() - start
for book in ["pages-10000", "structured-20x200"]:
    once(book), once(book + "-off")  # warm the page cache
    on, off = [], []
    for _ in range(rounds):
        off.append(once(book + "-off"))
        on.append(once(book))
    added = (statistics.median(on) / statistics.median(off) - 1) * 100
    for label, times in [("off", off), ("on", on)]:
        tail = f"{added:+.1f} %" if label == "on" else ""
        print(f"| {book} | {label} | {min(times) * 1000:.0f} ms | {statistics.median(times) * 1000:.0f} ms | {tail} |")
PY
