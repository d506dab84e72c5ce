#!/usr/bin/env bash
# Checks of the published site, as CI runs them:
#   1. every page of the bundled book is valid HTML (the Nu Html Checker,
#      run with the machine's Java; errors only);
#   2. `ladderbook check --links`: every internal link and #anchor, as the
#      generator sees them;
#   3. linkinator crawls the site served over HTTP on 127.0.0.1 (serve.mjs),
#      at the root and under a sub-path (/handbook/), following internal
#      links only and checking their #fragments too.
# Installs Java (Debian's default-jre-headless) and the npm packages
# (package-lock.json) when they are missing.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
cd "$here"

step() { printf -- '--> %s\n' "$*"; }

# shellcheck source=../../scripts/lib/setup.sh
source "$repo/scripts/lib/setup.sh"
need_apt java default-jre-headless "for the Nu Html Checker"
need_npm

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
site="$work/handbook"
build_bundled_book "$repo" "$site"

step "Nu Html Checker"
mapfile -t pages < <(find "$site" -name '*.html' | sort)
# vnu writes its JSON report to standard error and exits 1 on errors.
status=0
java -jar node_modules/vnu-jar/build/dist/vnu.jar --errors-only --format json \
    "${pages[@]}" 2> "$work/vnu.json" || status=$?
node -e '
    const fs = require("fs");
    const [report, site, count] = process.argv.slice(1);
    const messages = JSON.parse(fs.readFileSync(report, "utf8")).messages;
    for (const m of messages) {
        const file = decodeURI((m.url || "").replace(/^file:/, "")).replace(site + "/", "");
        console.log(`${file}:${m.lastLine ?? "?"}:${m.firstColumn ?? m.lastColumn ?? "?"}: ${m.type}: ${m.message}`);
    }
    console.log(`${count} pages, ${messages.length} errors`);
    process.exit(messages.length ? 1 : 0);
' "$work/vnu.json" "$site" "${#pages[@]}" || exit 1
[ "$status" -eq 0 ] || { echo "vnu failed (exit $status)"; exit 1; }

step "ladderbook check --links"
"$ladderbook" check "$repo" --links

# A static server on 127.0.0.1 serves the folder around the site, so the
# site is both at /handbook/ (a sub-path) and, from a second server, at the
# root. linkinator crawls from a start URL and follows the links below it;
# links that leave the local server (external sites) are skipped.
servers=()
serve() { # serve FOLDER: starts a server and sets $url to its address
    local out="$work/server-${#servers[@]}.url"
    node "$here/serve.mjs" "$1" > "$out" &
    servers+=("$!")
    for _ in $(seq 100); do
        [ -s "$out" ] && break
        sleep 0.1
    done
    url="$(head -n 1 "$out")"
    [ -n "$url" ] || { echo "the static server did not start"; exit 1; }
}
trap 'kill "${servers[@]}" 2>/dev/null; rm -rf "$work"' EXIT

crawl() {
    local start="$1" origin
    origin="$(printf '%s' "$start" | sed -E 's|^(https?://[^/]+/).*|\1|; s|[.]|\\.|g')"
    node_modules/.bin/linkinator "$start" --recurse --check-fragments \
        --skip "^(?!$origin)" --verbosity error
}

step "linkinator: the site at the root"
serve "$site"
crawl "$url"

step "linkinator: the site under /handbook/"
serve "$work"
crawl "${url}handbook/"
echo "site checks passed"
