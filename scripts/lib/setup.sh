# What the test scripts share: installing what is missing, and building
# ladderbook and the bundled book. Source it; it only defines functions.

# need_apt COMMAND PACKAGE WHY: installs Debian's PACKAGE unless COMMAND is
# on the PATH.
need_apt() {
    local command="$1" package="$2" why="$3"
    command -v "$command" >/dev/null && return
    echo "--> installing Debian's $package ($why)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null
}

# need_npm: installs the current folder's npm packages from its lockfile
# unless they are there.
need_npm() {
    [ -d node_modules ] && return
    echo "--> npm ci"
    npm ci --no-audit --no-fund --loglevel=error
}

# build_bundled_book REPO OUT: builds ladderbook in release mode, sets
# $ladderbook to the binary and builds the bundled book of REPO into OUT.
build_bundled_book() {
    local repo="$1" out="$2"
    echo "--> cargo build --release"
    (cd "$repo" && cargo build --release --quiet)
    ladderbook="${CARGO_TARGET_DIR:-$repo/target}/release/ladderbook"
    "$ladderbook" --quiet build "$repo" --out "$out"
}
