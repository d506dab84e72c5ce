#!/usr/bin/env python3
"""Writes N assessments (ladderbook.assessment/1) for `bench/team.sh`.

The expectation keys come from the fixture team's files
(tests/fixtures/team/review/), so they are the page's keys; every file gets
its own person (or, every fifth, a self-assessment beside a manager's),
ratings drawn with a fixed seed, and the version of the book exported now.

    python3 bench/gen_team.py --export ladder.json --out DIR --files N
"""
import argparse, json, os, random, glob

RATINGS = ["not-yet", "partly", "consistently", "beyond", None]

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--export", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--files", type=int, required=True)
    args = parser.parse_args()
    version = json.load(open(args.export))["version"]
    here = os.path.dirname(os.path.abspath(__file__))
    fixtures = sorted(glob.glob(os.path.join(here, "..", "tests", "fixtures", "team", "review", "*.json")))
    templates = [json.load(open(path)) for path in fixtures]
    rng = random.Random(18)
    os.makedirs(args.out, exist_ok=True)
    for i in range(args.files):
        data = json.loads(json.dumps(templates[i % len(templates)]))
        data["book"]["version"] = version
        person = i if i % 5 else i - 1  # every fifth file: a second view of the previous person
        data["person"] = f"Person {person:04d}"
        data["perspective"] = "self" if i % 5 == 0 and i else "manager"
        data["assessor"] = data["person"] if data["perspective"] == "self" else f"Manager {i % 7}"
        for entry in data["ratings"].values():
            entry["rating"] = rng.choice(RATINGS)
        with open(os.path.join(args.out, f"assessment-{i:04d}.json"), "w") as out:
            json.dump(data, out, indent=2)

if __name__ == "__main__":
    main()
