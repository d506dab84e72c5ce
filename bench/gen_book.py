#!/usr/bin/env python3
"""Generate a synthetic book for the ladderbook performance benchmark.

    python3 bench/gen_book.py --out DIR --pages N [--levels L --competencies C]
                              [--flavor ladderbook|hugo|mdbook] [--seed S]

* ``ladderbook`` (default): a book in the ladderbook content format
  (shared/spec/content-format.md): L levels x C competencies, 4 archetypes,
  2 interview scorecards and N free pages under content/pages/.
* ``hugo``: a minimal Hugo site (hugo.toml, three layouts, no theme) holding
  the same N free pages.
* ``mdbook``: an mdBook (book.toml, src/SUMMARY.md) holding the same N pages.

The free pages are identical in all three flavors except for the link
targets, which are written the way each tool expects, so that every link is
valid for the tool that builds it. Everything is generated from a fixed seed:
the same arguments always give byte-identical files.

Standard library only (Python 3.11).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import sys

PAGES_PER_FOLDER = 100

# --------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------

NOUNS = """
service incident deployment pipeline rollout review design document proposal
migration dashboard alert runbook postmortem roadmap milestone dependency
interface contract schema database cache queue cluster region budget forecast
estimate backlog sprint release changelog test fixture benchmark profile trace
metric log outage escalation handover rotation mentor peer manager team
stakeholder customer partner vendor audit policy standard guideline checklist
template decision tradeoff constraint requirement risk mitigation experiment
hypothesis prototype pilot baseline target objective outcome signal feedback
promotion calibration rubric packet evidence example scope impact ownership
""".split()

ADJECTIVES = """
reliable scalable clear concise robust incremental measurable observable
consistent pragmatic thorough careful deliberate explicit shared critical
cross-team long-term short-term customer-facing internal external high-risk
low-risk well-tested documented repeatable predictable sustainable
""".split()

VERBS = """
owns drives reviews designs writes measures improves automates documents
delegates prioritises negotiates mentors coaches unblocks escalates simplifies
refactors monitors validates estimates communicates proposes aligns ships
""".split()

ADVERBS = """
consistently proactively carefully independently reliably visibly quickly
thoughtfully transparently deliberately routinely
""".split()

CONNECTORS = [
    "In practice,", "As a rule,", "Over a quarter,", "When in doubt,",
    "For most teams,", "During calibration,", "In a typical week,",
    "Before a promotion case,", "After an incident,", "Early on,",
]

CODE_WORDS = [
    "make deploy", "kubectl rollout status", "git bisect", "SLO_TARGET",
    "p99_latency_ms", "retry_budget", "feature_flag", "on_call.yaml",
    "ERROR_BUDGET", "cargo test", "terraform plan", "owners.toml",
    "postmortem.md", "max_in_flight", "healthz", "release/2024-q3",
]

AREAS = ["Craft", "Delivery", "Reliability", "Collaboration", "Leadership"]

LEVEL_TITLES = [
    "Associate Engineer", "Engineer", "Senior Engineer", "Staff Engineer",
    "Senior Staff Engineer", "Principal Engineer", "Distinguished Engineer",
    "Fellow",
]

HEADINGS = [
    "Why this matters", "What good looks like", "Common pitfalls",
    "How we measure it", "Examples from past cycles", "Working agreements",
    "Checklist", "Open questions", "Background", "How to get started",
    "Roles and responsibilities", "Timeline", "Escalation path",
    "Frequently asked questions", "Evidence to collect", "Anti-patterns",
]


def cap(s: str) -> str:
    return s[:1].upper() + s[1:]


# --------------------------------------------------------------------------
# Text generation (consumes the RNG identically for every flavor)
# --------------------------------------------------------------------------

def phrase(rng: random.Random) -> str:
    return f"{rng.choice(ADJECTIVES)} {rng.choice(NOUNS)}"


def sentence(rng: random.Random, code: bool = False) -> str:
    parts = []
    if rng.random() < 0.3:
        parts.append(rng.choice(CONNECTORS))
    subj = rng.choice(["the engineer", "the team", "an owner", "a reviewer",
                       "the on-call engineer", "a lead", "everyone"])
    parts.append(subj if parts else cap(subj))
    if rng.random() < 0.4:
        parts.append(rng.choice(ADVERBS))
    parts.append(rng.choice(VERBS))
    parts.append("the " + phrase(rng))
    tail = rng.random()
    if tail < 0.35:
        parts.append("so that every " + phrase(rng) + " stays " + rng.choice(ADJECTIVES))
    elif tail < 0.6:
        parts.append("with a " + phrase(rng) + " and a " + phrase(rng))
    elif tail < 0.75:
        parts.append("before the " + rng.choice(NOUNS) + " is " + rng.choice(["shipped", "reviewed", "closed", "approved"]))
    if code:
        parts.append(f"(see `{rng.choice(CODE_WORDS)}`)")
    return " ".join(parts) + "."


def sentences(rng: random.Random, lo: int, hi: int) -> str:
    return " ".join(sentence(rng, code=rng.random() < 0.15) for _ in range(rng.randint(lo, hi)))


def inline_sentence(rng: random.Random) -> str:
    """One plain sentence without inline code, for one-line markdown fields."""
    return sentence(rng, code=False)


# --------------------------------------------------------------------------
# Free pages
# --------------------------------------------------------------------------

def page_path(i: int) -> tuple[str, str]:
    """(folder, stem) of page i (0-based)."""
    return f"section-{i // PAGES_PER_FOLDER + 1:03d}", f"page-{i + 1:05d}"


def page_title(i: int) -> str:
    rng = random.Random(1_000_003 * (i + 1))
    return f"{cap(rng.choice(ADJECTIVES))} {rng.choice(NOUNS)} {rng.choice(['guide', 'policy', 'playbook', 'notes', 'handbook', 'practice', 'FAQ'])} {i + 1}"


def make_linker(flavor: str, i: int):
    src_folder, _ = page_path(i)

    def link(j: int) -> str:
        folder, stem = page_path(j)
        if flavor == "ladderbook":
            return f"@/pages/{folder}/{stem}"
        if flavor == "hugo":  # uglyURLs: /section-001/page-00001.html
            return f"../{folder}/{stem}.html" if folder != src_folder else f"{stem}.html"
        if flavor == "mdbook":  # mdBook rewrites .md links to .html
            return f"../{folder}/{stem}.md" if folder != src_folder else f"{stem}.md"
        raise ValueError(flavor)

    return link


_LINK_TARGET = re.compile(r"\]\([^)]*\)")


def canon_len(block: str) -> int:
    """Length of a block with link targets counted alike for every flavor,
    so that the page structure does not depend on the flavor."""
    return len(_LINK_TARGET.sub("](@/pages/section-000/page-00000)", block))


def page_body(i: int, n: int, flavor: str, seed: int) -> str:
    """Markdown body of free page i of n; 3-6 KB; same text for every flavor."""
    rng = random.Random(seed * 7_919 + i)
    link = make_linker(flavor, i)
    target = rng.randint(3100, 5000)

    def other() -> int:
        if n <= 1:
            return i
        j = rng.randrange(n - 1)
        return j if j < i else j + 1

    def with_link(text: str) -> str:
        if n <= 1 or rng.random() < 0.5:
            return text
        j = other()
        return text + f" Read [{page_title(j)}]({link(j)}) for details."

    blocks: list[str] = [with_link(sentences(rng, 3, 5))]
    size = canon_len(blocks[0])
    table_done = False
    headings = rng.sample(HEADINGS, len(HEADINGS))
    h = 0
    while size < target - 400:
        section = [f"## {headings[h % len(headings)]}"]
        h += 1
        for _ in range(rng.randint(1, 3)):
            kind = rng.random()
            if kind < 0.15:
                section.append(f"### {cap(phrase(rng))}")
                section.append(with_link(sentences(rng, 2, 4)))
            elif kind < 0.45:
                items = []
                for _ in range(rng.randint(3, 6)):
                    item = sentence(rng, code=rng.random() < 0.2)
                    if n > 1 and rng.random() < 0.25:
                        j = other()
                        item += f" See [{page_title(j)}]({link(j)})."
                    items.append(f"- {item}")
                section.append("\n".join(items))
            elif kind < 0.6 and not table_done:
                table_done = True
                rows = ["| Item | Owner | Cadence | Notes |", "|---|---|---|---|"]
                for _ in range(rng.randint(3, 6)):
                    rows.append(f"| {cap(phrase(rng))} | {cap(rng.choice(NOUNS))} lead | "
                                f"{rng.choice(['weekly', 'monthly', 'per release', 'quarterly'])} | "
                                f"`{rng.choice(CODE_WORDS)}` |")
                section.append("\n".join(rows))
            else:
                section.append(with_link(sentences(rng, 2, 5)))
        blocks.extend(section)
        size += sum(canon_len(b) + 2 for b in section)
    if not table_done:
        rows = ["| Item | Owner | Cadence |", "|---|---|---|"]
        for _ in range(3):
            rows.append(f"| {cap(phrase(rng))} | {cap(rng.choice(NOUNS))} lead | {rng.choice(['weekly', 'monthly'])} |")
        blocks.append("\n".join(rows))
    if n > 1:
        see = ["## See also", ""]
        for _ in range(3):
            j = other()
            see.append(f"- [{page_title(j)}]({link(j)})")
        blocks.append("\n".join(see))
    return "\n\n".join(blocks) + "\n"


# --------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------

def q(s: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(s)


def write(path: str, text: str) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def prepare_out(out: str, force: bool) -> None:
    if os.path.exists(out):
        if not os.path.isdir(out):
            sys.exit(f"gen_book: {out} exists and is not a folder")
        if os.listdir(out):
            if not force:
                sys.exit(f"gen_book: {out} is not empty (use --force to replace it)")
            shutil.rmtree(out)
    os.makedirs(out, exist_ok=True)


# --------------------------------------------------------------------------
# ladderbook flavor
# --------------------------------------------------------------------------

def level_ids(levels: int) -> list[str]:
    return [f"l{r:02d}" for r in range(1, levels + 1)]


def competency_ids(rng: random.Random, count: int) -> list[tuple[str, str, str]]:
    """(id, name, area) for each competency; ids are unique and valid."""
    out = []
    for k in range(count):
        a = rng.choice(ADJECTIVES).replace(" ", "-")
        b = rng.choice(NOUNS)
        cid = f"c{k + 1:03d}-{a}-{b}"[:64]
        out.append((cid, f"{cap(a.replace('-', ' '))} {b} {k + 1}", AREAS[k % len(AREAS)]))
    return out


def gen_ladderbook(out: str, pages: int, levels: int, comps: int, seed: int) -> None:
    rng = random.Random(seed)
    write(os.path.join(out, "book.toml"), f"""[book]
title = "Benchmark Career Ladder"
description = "Synthetic book: {levels} levels, {comps} competencies, {pages} pages"
authors = ["ladderbook bench"]
language = "en"

[ladder]
areas = {json.dumps(AREAS[:min(len(AREAS), comps)])}
""")
    c = os.path.join(out, "content")
    write(os.path.join(c, "index.md"), "---\ntitle: Benchmark Career Ladder\n---\n" + sentences(rng, 3, 4) + "\n")

    lids = level_ids(levels)
    for r, lid in enumerate(lids, start=1):
        base = LEVEL_TITLES[min((r - 1) * len(LEVEL_TITLES) // max(levels, 1), len(LEVEL_TITLES) - 1)]
        body = "\n\n".join([
            sentences(rng, 3, 5),
            "## Scope", sentences(rng, 2, 4),
            "## Impact", "\n".join(f"- {sentence(rng)}" for _ in range(4)),
            "## A typical week", sentences(rng, 2, 4),
        ])
        write(os.path.join(c, "levels", f"{lid}.md"), f"""---
title: {q(f"{base} {r}")}
code: {q(f"L{r}")}
rank: {r}
summary: {q(inline_sentence(rng))}
years: {q(f"{max(0, r - 1)}-{r + 2}")}
---
{body}
""")

    cinfo = competency_ids(rng, comps)
    for cid, name, area in cinfo:
        lines = [
            f"name: {q(name)}",
            f"area: {q(area)}",
            f"summary: {q(inline_sentence(rng))}",
            "description: |",
        ]
        for para in (sentences(rng, 2, 3), sentences(rng, 1, 2)):
            lines.append("  " + para)
            lines.append("")
        lines.pop()
        lines.append("expectations:")
        first = rng.randrange(min(3, levels)) if levels else 0
        had = False
        for r, lid in enumerate(lids):
            if r < first:
                continue
            # ~30% of the levels above the first entry carry over the entry below.
            if had and rng.random() < 0.3:
                continue
            had = True
            if rng.random() < 0.5:
                lines.append(f"  {lid}: {q(inline_sentence(rng))}")
            else:
                lines.append(f"  {lid}:")
                for _ in range(2):
                    lines.append(f"    - {q(inline_sentence(rng))}")
        write(os.path.join(c, "competencies", f"{cid}.yaml"), "\n".join(lines) + "\n")

    cids = [x[0] for x in cinfo]
    arche_names = ["Architect", "Fixer", "Tech Lead", "Operator"]
    arche_ids = ["architect", "fixer", "tech-lead", "operator"]
    for aid, aname in zip(arche_ids, arche_names):
        emph = rng.sample(cids, min(len(cids), 6))
        em = "\n".join(f"  {x}: {rng.randint(1, 5)}" for x in emph)
        lv = lids[len(lids) // 3:] if lids else []
        body = "\n\n".join([
            "## Who they are", sentences(rng, 2, 4),
            "## What they do", "\n".join(f"- {sentence(rng)}" for _ in range(4)),
            "## Skills they need", sentences(rng, 2, 3),
        ])
        write(os.path.join(c, "archetypes", f"{aid}.md"), f"""---
name: {q(aname)}
tagline: {q(inline_sentence(rng))}
emphasis:
{em}
levels: {json.dumps(lv)}
---
{body}
""")

    for s in range(2):
        sid = ["generalist-loop", "senior-loop"][s]
        lv = [lids[min(len(lids) - 1, 2 + s * 3)]] if lids else []
        dims = rng.sample(cids, min(len(cids), 5))
        lines = [
            f"title: {q(['Generalist interview loop', 'Senior interview loop'][s])}",
            f"levels: {json.dumps(lv)}",
            f"archetype: {arche_ids[s]}",
            "dimensions:",
        ]
        for d in dims:
            lines += [f"  - competency: {d}",
                      f"    meets: {q(inline_sentence(rng))}",
                      f"    exceeds: {q(inline_sentence(rng))}"]
        lines.append("interviews:")
        # Every dimension is the focus of some interview (else check warns).
        groups = [dims[0::3], dims[1::3], dims[2::3]]
        for k, g in enumerate(groups):
            if not g:
                continue
            lines += [f"  - id: interview-{k + 1}",
                      f"    title: {q(f'{cap(phrase(rng))} interview')}",
                      f"    minutes: {rng.choice([45, 60, 75])}",
                      "    brief: |",
                      f"      {sentences(rng, 2, 3)}",
                      f"    focus: {json.dumps(g)}",
                      "    questions:"]
            for _ in range(3):
                lines.append(f"      - {q('How would you ' + rng.choice(['handle', 'design', 'review', 'measure']) + ' the ' + phrase(rng) + '?')}")
        lines += ["signals:",
                  f"  strong: [{q(inline_sentence(rng))}]",
                  f"  weak: [{q(inline_sentence(rng))}]",
                  f"  red-flags: [{q(inline_sentence(rng))}]"]
        write(os.path.join(c, "scorecards", f"{sid}.yaml"), "\n".join(lines) + "\n")

    for i in range(pages):
        folder, stem = page_path(i)
        write(os.path.join(c, "pages", folder, f"{stem}.md"),
              f"---\ntitle: {q(page_title(i))}\norder: {i % PAGES_PER_FOLDER + 1}\n---\n"
              + page_body(i, pages, "ladderbook", seed))


# --------------------------------------------------------------------------
# Hugo flavor
# --------------------------------------------------------------------------

HUGO_BASEOF = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if not .IsHome }}{{ .Title }} - {{ end }}{{ .Site.Title }}</title>
<style>body{font-family:sans-serif;max-width:60rem;margin:auto;display:flex;gap:2rem}nav{min-width:12rem}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .5rem}</style>
</head>
<body>
<nav>
<a href="{{ "" | relURL }}">{{ .Site.Title }}</a>
<ul>
{{ range .Site.Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}</ul>
</nav>
<main>
{{ block "main" . }}{{ end }}
</main>
</body>
</html>
"""

HUGO_SINGLE = """{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ .Content }}
<p>
{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">&larr; {{ .Title }}</a>{{ end }}
{{ with .NextInSection }}<a href="{{ .RelPermalink }}">{{ .Title }} &rarr;</a>{{ end }}
</p>
{{ end }}
"""

HUGO_LIST = """{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ .Content }}
<ul>
{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}</ul>
{{ end }}
"""


def gen_hugo(out: str, pages: int, seed: int) -> None:
    rng = random.Random(seed)
    write(os.path.join(out, "hugo.toml"), """baseURL = "https://example.org/"
languageCode = "en"
title = "Benchmark Career Ladder"
uglyURLs = true
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
enableGitInfo = false

[markup.goldmark.renderer]
unsafe = false
""")
    write(os.path.join(out, "layouts", "_default", "baseof.html"), HUGO_BASEOF)
    write(os.path.join(out, "layouts", "_default", "single.html"), HUGO_SINGLE)
    write(os.path.join(out, "layouts", "_default", "list.html"), HUGO_LIST)
    c = os.path.join(out, "content")
    write(os.path.join(c, "_index.md"), "---\ntitle: Benchmark Career Ladder\n---\n" + sentences(rng, 3, 4) + "\n")
    folders = sorted({page_path(i)[0] for i in range(pages)})
    for k, folder in enumerate(folders, start=1):
        write(os.path.join(c, folder, "_index.md"), f"---\ntitle: {q(f'Section {k}')}\nweight: {k}\n---\n")
    for i in range(pages):
        folder, stem = page_path(i)
        write(os.path.join(c, folder, f"{stem}.md"),
              f"---\ntitle: {q(page_title(i))}\nweight: {i % PAGES_PER_FOLDER + 1}\n---\n"
              + page_body(i, pages, "hugo", seed))


# --------------------------------------------------------------------------
# mdBook flavor
# --------------------------------------------------------------------------

def gen_mdbook(out: str, pages: int, seed: int) -> None:
    rng = random.Random(seed)
    write(os.path.join(out, "book.toml"), """[book]
title = "Benchmark Career Ladder"
authors = ["ladderbook bench"]
language = "en"
src = "src"
""")
    s = os.path.join(out, "src")
    write(os.path.join(s, "README.md"), "# Benchmark Career Ladder\n\n" + sentences(rng, 3, 4) + "\n")
    summary = ["# Summary", "", "[Introduction](README.md)"]
    current = None
    for i in range(pages):
        folder, stem = page_path(i)
        if folder != current:
            current = folder
            summary += ["", f"# Section {i // PAGES_PER_FOLDER + 1}", ""]
        summary.append(f"- [{page_title(i)}]({folder}/{stem}.md)")
        write(os.path.join(s, folder, f"{stem}.md"),
              f"# {page_title(i)}\n\n" + page_body(i, pages, "mdbook", seed))
    write(os.path.join(s, "SUMMARY.md"), "\n".join(summary) + "\n")


# --------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", required=True, help="folder to write the book into (emptied first)")
    ap.add_argument("--pages", type=int, required=True, help="number of free pages")
    ap.add_argument("--levels", type=int, default=6, help="levels (ladderbook flavor; default 6)")
    ap.add_argument("--competencies", type=int, default=12, help="competencies (ladderbook flavor; default 12)")
    ap.add_argument("--flavor", choices=["ladderbook", "hugo", "mdbook"], default="ladderbook")
    ap.add_argument("--seed", type=int, default=20240601)
    ap.add_argument("--force", action="store_true", help="delete --out first if it is not empty")
    a = ap.parse_args(argv)
    if a.pages < 0 or a.levels < 1 or a.competencies < 1:
        ap.error("--pages must be >= 0, --levels and --competencies >= 1")
    if a.levels > 99 or a.competencies > 999:
        ap.error("at most 99 levels and 999 competencies")
    prepare_out(a.out, a.force)
    if a.flavor == "ladderbook":
        gen_ladderbook(a.out, a.pages, a.levels, a.competencies, a.seed)
    elif a.flavor == "hugo":
        gen_hugo(a.out, a.pages, a.seed)
    else:
        gen_mdbook(a.out, a.pages, a.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
