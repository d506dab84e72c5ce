#!/usr/bin/env bash
# Browser tests in real headless Chromium (Debian's chromium, driven by
# playwright-core). Installs chromium and the npm packages when missing,
# builds the bundled book into a temporary folder, and runs `node --test`.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
cd "$here"

# shellcheck source=../../scripts/lib/setup.sh
source "$repo/scripts/lib/setup.sh"
need_apt chromium chromium "the browser the tests drive"
need_npm

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
build_bundled_book "$repo" "$work/handbook"

export LADDERBOOK_SITE="$work/handbook"
export LADDERBOOK_BIN="$ladderbook"
export LADDERBOOK_REPO="$repo"
export LADDERBOOK_SHOTS="${LADDERBOOK_SHOTS:-$work/shots}"
mkdir -p "$LADDERBOOK_SHOTS"
node --test --test-concurrency=1 ./*.test.mjs
