#!/usr/bin/env bash
# ladderbook performance benchmark: one command.
#
#   bash bench/run.sh [--quick] [--rounds N] [--scenario ID]... [--rev REV] [--keep]
#                     [--note TEXT]... [--report-name NAME] [--no-serve-latency]
#
# Installs what is missing (Hugo and GNU time from Debian, mdBook with cargo),
# builds ladderbook in release mode, generates the books in a temporary folder
# and runs bench/measure.py, which prints a Markdown table and writes
# bench/results/latest.md and bench/results/latest.json.
#
# Options: --quick (3 rounds instead of 5), --rounds N, --scenario ID
# (rebuild-2000, rebuild-10000, pages-1000, pages-10000, structured-20x200,
# bundled; repeatable), --note TEXT (a sentence under the report's heading),
# --report-name NAME (results/NAME.md and .json instead of latest),
# --no-serve-latency (skip bench/serve_latency.py),
# --max-wait-total S (seconds to wait in all for an idle CPU; default 1800),
# --rev REV (benchmark the committed revision REV, e.g. HEAD, built from a
# `git archive` copy, instead of the working tree), --keep (keep the scratch
# folder), --no-install (fail instead of installing).
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(dirname "$BENCH")"
export PATH="$HOME/.cargo/bin:$PATH"

keep=0
install=1
serve_latency=1
scenarios=()
rev=""
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) args+=(--quick) ;;
    --rounds) args+=(--rounds "$2"); shift ;;
    --scenario) args+=(--scenario "$2"); scenarios+=("$2"); shift ;;
    --note) args+=(--note "$2"); shift ;;
    --report-name) args+=(--report-name "$2"); shift ;;
    --no-serve-latency) serve_latency=0 ;;
    --max-wait-total) args+=(--max-wait-total "$2"); shift ;;
    --rev) rev="$2"; shift ;;
    --keep) keep=1 ;;
    --no-install) install=0 ;;
    -h|--help) sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

say() { printf '[run.sh] %s\n' "$*" >&2; }

# ---- tools ------------------------------------------------------------------
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else "$@"; fi; }

apt_updated=0
apt_install() {
  if [ "$install" = 0 ]; then say "missing: $* (not installing: --no-install)"; return 1; fi
  if [ "$apt_updated" = 0 ]; then
    say "apt-get update"
    as_root nice -n 19 apt-get update -qq >/dev/null
    apt_updated=1
  fi
  say "apt-get install $*"
  as_root env DEBIAN_FRONTEND=noninteractive nice -n 19 apt-get install -y -qq "$@" >/dev/null
}

command -v hugo >/dev/null || apt_install hugo || say "Hugo unavailable: its rows will be skipped"
[ -x /usr/bin/time ] || apt_install time || true   # GNU time: for cross-checking peak RSS by hand

# mdBook is measured only in pages-1000 (part of the default set).
needs_mdbook=1
if [ ${#scenarios[@]} -gt 0 ] && [[ " ${scenarios[*]} " != *" pages-1000 "* ]]; then needs_mdbook=0; fi
if [ "$needs_mdbook" = 1 ] && ! command -v mdbook >/dev/null; then
  if [ "$install" = 1 ]; then
    say "cargo install mdbook --locked (compiles for several minutes)"
    start=$(date +%s)
    nice -n 19 cargo install mdbook --locked -j1 --quiet || say "mdBook install failed: its rows will be skipped"
    say "mdbook installed in $(( $(date +%s) - start )) s"
  else
    say "mdBook missing: its rows will be skipped"
  fi
fi

# ---- ladderbook -----------------------------------------------------------------
WORK="$(mktemp -d /tmp/ladderbook-bench.XXXXXX)"
cleanup() { if [ "$keep" = 1 ]; then say "scratch kept in $WORK"; else rm -rf "$WORK"; fi; }
trap cleanup EXIT
say "scratch folder: $WORK"

SRC="$REPO"
if [ -n "$rev" ]; then
  # A clean copy of one commit: the working tree may be half-edited.
  SRC="$WORK/ladderbook-src"
  mkdir -p "$SRC"
  # Resolved once: HEAD may move while the benchmark runs.
  commit="$(git -C "$REPO" rev-parse --short "$rev")"
  git -C "$REPO" archive "$commit" | tar -x -C "$SRC"
  export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-/tmp/ladderbook-bench-target}"
  LB="$CARGO_TARGET_DIR/release/ladderbook"
  say "building ladderbook at $rev ($commit) in $SRC"
else
  LB="${CARGO_TARGET_DIR:-$REPO/target}/release/ladderbook"
fi
say "cargo build --release (ladderbook)"
# The Markdown and stack floors (examples/) are built beside it.
if ! (cd "$SRC" && nice -n 10 cargo build --release -j1 --quiet --bins --example markdown_floor --example stack_floor); then
  # Never measure a stale binary left over from an earlier build.
  say "ladderbook does not build: measuring the peers only"
  LB=/nonexistent/ladderbook
fi

# ---- run ---------------------------------------------------------------------------
extra=()
[ -n "$rev" ] && extra+=(--commit "$commit")
python3 "$BENCH/measure.py" --ladderbook "$LB" --work "$WORK" --results "$BENCH/results" \
  --markdown-floor "$(dirname "$LB")/examples/markdown_floor" \
  --stack-floor "$(dirname "$LB")/examples/stack_floor" \
  --bundled "$SRC" "${extra[@]}" "${args[@]}"

# ---- serve: edit-to-served latency -------------------------------------------------
if [ -x "$LB" ] && [ "$serve_latency" = 1 ]; then
  say "serve latency (bundled book, then 1,000 pages)"
  python3 "$BENCH/serve_latency.py" --ladderbook "$LB" --book "$SRC" \
    --file content/levels/sre-2.md --page levels/sre-2.html \
    | tee "$BENCH/results/serve-latency.txt"
  python3 "$BENCH/gen_book.py" --out "$WORK/serve-1000" --pages 1000 --force >/dev/null
  python3 "$BENCH/serve_latency.py" --ladderbook "$LB" --book "$WORK/serve-1000" \
    --file content/pages/section-001/page-00002.md --page pages/section-001/page-00002.html --edits 10 \
    | tee -a "$BENCH/results/serve-latency.txt"
fi
