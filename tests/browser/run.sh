#!/usr/bin/env bash
# Browser tests in real headless Chromium (Debian's chromium, driven by
# playwright-core). Installs chromium and the npm packages when missing,
# builds the bundled book into a temporary folder, and runs `node --test`.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
cd "$here"

if [ ! -x /usr/bin/chromium ]; then
    echo "--> installing Debian's chromium"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
if [ ! -d node_modules ]; then
    echo "--> npm ci"
    npm ci --no-audit --no-fund --loglevel=error
fi

echo "--> cargo build --release"
(cd "$repo" && cargo build --release --quiet)

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
ladderbook="${CARGO_TARGET_DIR:-$repo/target}/release/ladderbook"
"$ladderbook" --quiet build "$repo" --out "$work/handbook"

export LADDERBOOK_SITE="$work/handbook"
export LADDERBOOK_BIN="$ladderbook"
export LADDERBOOK_REPO="$repo"
export LADDERBOOK_SHOTS="${LADDERBOOK_SHOTS:-$work/shots}"
mkdir -p "$LADDERBOOK_SHOTS"
node --test --test-concurrency=1 ./*.test.mjs
