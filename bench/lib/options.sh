# What the small bench scripts (calibrate.sh, team.sh, wording.sh) share:
# their options and the release binary they time.
#
#   source "$BENCH/lib/options.sh"
#   bench_options "$0" HELP_LAST_LINE "$@"
#
# Reads `--rounds N` (default 5), `--no-build` and `--help` (the script's
# comment lines 2 to HELP_LAST_LINE), builds ladderbook in release mode
# unless told not to, and sets `rounds` and `BIN`. Expects `REPO`.

bench_options() {
  local script="$1" help_last_line="$2"
  shift 2
  rounds=5
  local build=1
  while [ $# -gt 0 ]; do
    case "$1" in
      --rounds) rounds="$2"; shift ;;
      --no-build) build=0 ;;
      -h|--help) sed -n "2,${help_last_line}p" "$script" | sed 's/^# \{0,1\}//'; exit 0 ;;
      *) echo "$(basename "$script"): unknown option $1" >&2; exit 2 ;;
    esac
    shift
  done
  if [ "$build" = 1 ]; then
    (cd "$REPO" && cargo build --release --quiet)
  fi
  BIN="${CARGO_TARGET_DIR:-$REPO/target}/release/ladderbook"
}
