#!/usr/bin/env bash
# `ladderbook team` speed: 200 assessments of the bundled book must take
# < 200 ms, and the time must grow linearly with the number of files.
#
#   bash bench/team.sh [--rounds N] [--no-build]
#
# Builds ladderbook in release mode (unless --no-build), exports the bundled
# book, writes 50, 100 and 200 assessments with bench/gen_team.py (fixed
# seed) into a temporary folder, and times `team --format json` and
# `team --out report.html` on each, best and median of N rounds (default 5).
# Prints a Markdown table.
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(dirname "$BENCH")"
# shellcheck source=lib/options.sh
source "$BENCH/lib/options.sh"
bench_options "$0" 11 "$@"
SCRATCH="$(mktemp -d)"
trap 'rm -rf "$SCRATCH"' EXIT
"$BIN" export "$REPO" --format json > "$SCRATCH/ladder.json"
echo "| assessments | format | best | median | per file |"
echo "|---:|---|---:|---:|---:|"
for files in 50 100 200; do
  python3 "$BENCH/gen_team.py" --export "$SCRATCH/ladder.json" --out "$SCRATCH/team-$files" --files "$files"
  for format in json html; do
  python3 - "$BIN" "$REPO" "$SCRATCH/team-$files" "$rounds" "$files" "$format" "$SCRATCH" <<'PY'
import statistics, subprocess, sys, time
binary, repo, folder, rounds, files, form, scratch = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]), sys.argv[6], sys.argv[7]
extra = ["--format", "json"] if form == "json" else ["--out", scratch + "/team.html"]
times = []
for _ in range(rounds):
    start = time.perf_counter()
    done = subprocess.run([binary, "team", "--book", repo, "-q", *extra, folder],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    times.append(time.perf_counter() - start)
    if done.returncode != 0:
        sys.exit(f"team failed: {done.stderr.decode()}")
best, median = min(times) * 1000, statistics.median(times) * 1000
print(f"| {files} | {form} | {best:.0f} ms | {median:.0f} ms | {median * 1000 / files:.0f} µs |")
PY
  done
done
