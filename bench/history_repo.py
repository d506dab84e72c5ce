#!/usr/bin/env python3
"""A git repository of the bundled book with N tagged releases (issue 17).

    python3 bench/history_repo.py OUT [N]

Copies book.toml and content/ into OUT, adds `[history] tags = "v*"`, and
commits and tags v1.0; each later release v1.1 ... v1.(N-1) edits one
competency the way ladders change: an expectation reworded, one added, one
moved from a level to the level below, examples added, and every third
release a guide. Used by the benchmark's [history] row, the docs' example
and the screenshots; deterministic (fixed dates and author).
"""

import os
import pathlib
import shutil
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
ENV = dict(
    os.environ,
    GIT_AUTHOR_NAME="Ladder Owners",
    GIT_AUTHOR_EMAIL="ladder@example.org",
    GIT_COMMITTER_NAME="Ladder Owners",
    GIT_COMMITTER_EMAIL="ladder@example.org",
)


def git(out, *args, date=None):
    env = dict(ENV)
    if date:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = date
    subprocess.run(["git", "-C", str(out), *args], check=True, env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def blocks(lines):
    """Level id -> (first item line, end) of each `  <level>:` list."""
    found, current = {}, None
    for i, line in enumerate(lines):
        if line.startswith("  ") and not line.startswith("   ") and line.rstrip().endswith(":"):
            current = line.strip()[:-1]
            found[current] = [i + 1, i + 1]
        elif current and line.startswith("    - "):
            found[current][1] = i + 1
        elif current and not line.startswith("     "):
            current = None
    return found


def edit(path, release):
    lines = path.read_text().split("\n")
    at = blocks(lines)
    # Reword: the first sre-2 expectation gains a clause.
    if "sre-2" in at:
        first = at["sre-2"][0]
        text = lines[first].rstrip(".")
        lines[first] = f"{text}, and says so in the team's weekly notes."
    # Examples: the first sre-3 expectation gets one.
    if "sre-3" in at:
        first = at["sre-3"][0]
        text = lines[first][len("    - "):]
        lines[first:first + 1] = [
            f"    - text: {text}",
            f"      examples: [\"Release {release}: written up for the whole team.\"]",
        ]
    at = blocks(lines)
    # Move: the last sre-4 expectation is now expected at sre-3.
    if "sre-4" in at and "sre-3" in at and at["sre-4"][1] - at["sre-4"][0] > 1:
        last = at["sre-4"][1] - 1
        moved = lines.pop(last)
        lines.insert(at["sre-3"][1], moved)
    at = blocks(lines)
    # Add: a new sre-1 expectation.
    if "sre-1" in at:
        lines.insert(at["sre-1"][1], f"    - Reads the release {release} notes of this competency and asks about what is unclear.")
    path.write_text("\n".join(lines))


def main():
    out = pathlib.Path(sys.argv[1])
    releases = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    shutil.copytree(ROOT / "content", out / "content")
    config = (ROOT / "book.toml").read_text()
    (out / "book.toml").write_text(config.rstrip("\n") + "\n\n[history]\ntags = \"v*\"\n")
    git(out, "init", "-q", "-b", "main")
    git(out, "add", "-A")
    git(out, "commit", "-q", "-m", "v1.0", date="2026-01-01T10:00:00Z")
    git(out, "tag", "v1.0")
    competencies = sorted((out / "content" / "competencies").glob("*.yaml"))
    guides = sorted((out / "content" / "pages").rglob("*.md"))
    for n in range(1, releases):
        name = f"v1.{n}"
        edit(competencies[(n - 1) % len(competencies)], name)
        if n % 3 == 0 and guides:
            guide = guides[n % len(guides)]
            guide.write_text(guide.read_text() + f"\n\nUpdated for {name}.\n")
        git(out, "add", "-A")
        git(out, "commit", "-q", "-m", name, date=f"2026-01-{n + 1:02d}T10:00:00Z")
        git(out, "tag", name)
    print(out)


if __name__ == "__main__":
    main()
