#!/usr/bin/env python3
"""Edit-to-served latency of `ladderbook serve`.

Copies a book into a temporary folder, starts `ladderbook serve` on a free
loopback port, then repeatedly edits one content file and polls the page that
shows it until the edit is served. Reports the median, min and max.

    python3 bench/serve_latency.py --ladderbook target/release/ladderbook \
        --book . --file content/levels/sre-2.md --page levels/sre-2.html
"""

import argparse
import re
import shutil
import statistics
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--ladderbook", required=True)
    parser.add_argument("--book", required=True, help="the book to copy (its book.toml and content/)")
    parser.add_argument("--file", required=True, help="content file to edit, relative to the book")
    parser.add_argument("--page", required=True, help="page that shows the file, relative to the site")
    parser.add_argument("--edits", type=int, default=15)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="lb-serve-") as scratch:
        book = Path(scratch) / "book"
        book.mkdir()
        shutil.copy(Path(args.book) / "book.toml", book / "book.toml")
        shutil.copytree(Path(args.book) / "content", book / "content")
        server = subprocess.Popen(
            [args.ladderbook, "serve", str(book), "--port", "0"],
            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True,
        )
        try:
            address = None
            while address is None:
                line = server.stderr.readline()
                if not line:
                    raise SystemExit("serve exited before printing its address")
                found = re.search(r"http://(127\.0\.0\.1:\d+)/", line)
                address = found.group(1) if found else None
            url = f"http://{address}/{args.page}"
            target = book / args.file
            original = target.read_text()
            latencies = []
            for n in range(args.edits):
                marker = f"latency-probe-{n}"
                started = time.perf_counter()
                target.write_text(original + f"\n\n{marker}\n")
                while marker not in urllib.request.urlopen(url).read().decode():
                    time.sleep(0.001)
                latencies.append((time.perf_counter() - started) * 1000)
                time.sleep(0.2)
            print(
                f"{args.book} ({args.file}): edit-to-served median {statistics.median(latencies):.0f} ms, "
                f"min {min(latencies):.0f} ms, max {max(latencies):.0f} ms over {len(latencies)} edits"
            )
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
