#!/usr/bin/env bash
# Rebuilds the committed seed corpora in fuzz/seeds/ from the small books
# under tests/fixtures/ (run from anywhere; the seeds are plain files).
#   seeds/front_matter/: one file each, a selector byte + the file's text
#   seeds/book/:         one book each, NUL-separated (see fuzz_targets/book.rs)
set -euo pipefail
cd "$(dirname "$0")"
fixtures=../tests/fixtures
rm -rf seeds && mkdir -p seeds/front_matter seeds/book

# The selector byte of fuzz_targets/front_matter.rs's KINDS for a path.
selector() {
    case "$1" in
        content/index.md) echo 0 ;;
        content/tracks.yaml) echo 1 ;;
        content/levels/*.md) echo 2 ;;
        content/competencies/*.yaml) echo 3 ;;
        content/competencies/*.md) echo 4 ;;
        content/archetypes/*.md) echo 5 ;;
        content/scorecards/*.yaml) echo 6 ;;
        content/pages/*.md) echo 7 ;;
        book.toml) echo 8 ;;
        *) echo "" ;;
    esac
}

for book in "$fixtures"/books/* "$fixtures"/invalid/*; do
    [ -f "$book/book.toml" ] || continue
    name=$(basename "$(dirname "$book")")-$(basename "$book")
    out=seeds/book/$name
    cat "$book/book.toml" > "$out"
    while IFS= read -r file; do
        relative=${file#"$book"/}
        [ "$(wc -c < "$file")" -le 4096 ] || continue
        if [ "$relative" != book.toml ]; then
            printf '\0%s\n' "${relative#content/}" >> "$out"
            cat "$file" >> "$out"
        fi
        kind=$(selector "$relative")
        if [ -n "$kind" ]; then
            single=seeds/front_matter/$name-$(echo "$relative" | tr '/' '_')
            printf "\\x$(printf '%02x' "$kind")" > "$single"
            cat "$file" >> "$single"
        fi
    done < <(cd "$book" && find content book.toml -type f ! -path 'content/static/*' 2>/dev/null | sort | sed "s|^|$book/|")
done
# Keep one copy of identical seeds.
for dir in seeds/*; do
    md5sum "$dir"/* | sort | awk 'seen[$1]++ { print $2 }' | xargs -r rm
done
echo "seeds: $(ls seeds/book | wc -l) books, $(ls seeds/front_matter | wc -l) files"
