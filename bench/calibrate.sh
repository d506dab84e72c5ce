#!/usr/bin/env bash
# `ladderbook calibrate` speed: 500 loops × 5 scorecards must take < 500 ms,
# and the time must grow linearly with the number of files.
#
#   bash bench/calibrate.sh [--rounds N] [--no-build]
#
# Builds ladderbook in release mode (unless --no-build), exports the bundled
# book, writes 125, 250 and 500 loops of 5 scorecards with bench/gen_loops.py
# (fixed seed) into a temporary folder, and times `calibrate --format json`
# on each, best and median of N rounds (default 5). Prints a Markdown table.
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(dirname "$BENCH")"
# shellcheck source=lib/options.sh
source "$BENCH/lib/options.sh"
bench_options "$0" 11 "$@"
SCRATCH="$(mktemp -d)"
trap 'rm -rf "$SCRATCH"' EXIT
"$BIN" export "$REPO" --format json > "$SCRATCH/ladder.json"
echo "| loops | scorecards | best | median | per file |"
echo "|---:|---:|---:|---:|---:|"
for loops in 125 250 500; do
  python3 "$BENCH/gen_loops.py" --export "$SCRATCH/ladder.json" --out "$SCRATCH/loops-$loops" --loops "$loops" --per-loop 5
  python3 - "$BIN" "$REPO" "$SCRATCH/loops-$loops" "$rounds" "$loops" <<'PY'
import statistics, subprocess, sys, time
binary, repo, folder, rounds, loops = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
times = []
for _ in range(rounds):
    start = time.perf_counter()
    done = subprocess.run([binary, "calibrate", "--book", repo, "--format", "json", folder],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    times.append(time.perf_counter() - start)
    if done.returncode != 0:
        sys.exit(f"calibrate failed: {done.stderr.decode()}")
files = loops * 5
best, median = min(times) * 1000, statistics.median(times) * 1000
print(f"| {loops} | {files} | {best:.0f} ms | {median:.0f} ms | {median * 1000 / files:.0f} µs |")
PY
done
