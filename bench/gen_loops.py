#!/usr/bin/env python3
"""Filled-in scorecards of many hiring loops, for `ladderbook calibrate`.

    python3 bench/gen_loops.py --export ladder.json --out DIR --loops 500 [--per-loop 5]

`--export` is the book's `ladderbook export --format json`. Writes
DIR/cNNNN/<interviewer>-<n>.json (`ladderbook.scorecard/1`) for every loop of
the book's scorecards in turn, and a decision.json per loop. Fixed seed, so
every run writes byte-identical files. Planted, so a report can be checked:
"Lenny" rates one step above each candidate's true step, and the last
dimension of every scorecard is always rated at the second-highest step.
Python standard library only.
"""

import argparse
import json
import random
from pathlib import Path

PANEL = ["Ann Smith", "Ben Okafor", "Chloe Martin", "Dev Patel", "Eve Larsen",
         "Femi Adeyemi", "Grace Ho", "Lenny"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--export", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--loops", type=int, default=500)
    parser.add_argument("--per-loop", type=int, default=5)
    args = parser.parse_args()
    ladder = json.loads(Path(args.export).read_text(encoding="utf-8"))
    out = Path(args.out)
    rng = random.Random(19)
    cards = ladder["scorecards"]
    for n in range(args.loops):
        card = cards[n % len(cards)]
        steps = [s["id"] for s in card["scale"]]
        top = len(steps) - 1
        truth = rng.randint(0, top - 1)
        panel = rng.sample(PANEL, args.per_loop)
        folder = out / f"c{n:04d}"
        folder.mkdir(parents=True, exist_ok=True)
        leaning = 0
        for i, who in enumerate(panel):
            interview = card["interviews"][i % len(card["interviews"])]
            lenient = 1 if who == "Lenny" else 0
            ratings = {}
            for d, dim in enumerate(card["dimensions"]):
                if d == len(card["dimensions"]) - 1:
                    step = top - 1
                else:
                    noise = rng.choice([-1, 0, 0, 0, 0, 0, 0, 1]) * (1 - lenient)
                    step = max(0, min(top, truth + noise + lenient))
                ratings[dim["competency"]] = {
                    "rating": steps[step],
                    "notes": None,
                    "meets": dim.get("meets_plain") or None,
                }
            recommendation = max(0, min(top, truth + lenient))
            leaning += recommendation
            document = {
                "format": "ladderbook.scorecard/1",
                "book": {"title": ladder["title"], "version": ladder["version"]},
                "scorecard": card["id"],
                "interview": interview["id"],
                "candidate": f"Candidate {n:04d}",
                "interviewer": who,
                "date": "2026-11-02",
                "ratings": ratings,
                "takeaways": None,
                "recommendation": steps[recommendation],
            }
            name = who.lower().replace(" ", "-")
            (folder / f"{name}-{i}.json").write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
        hire = leaning * 2 >= top * len(panel)
        decision = {"format": "ladderbook.decision/1", "decision": "hire" if hire else "no-hire"}
        (folder / "decision.json").write_text(json.dumps(decision) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
