"""``make demo``: crawl the bundled offline mirror with the production spiders.

Starts ``newswire.mirror`` on a free port of 127.0.0.1, runs ``scrapy crawl <wire>``
for every registered wire with ``NEWSWIRE_MIRROR`` pointing at it (same spiders,
pipelines and feed settings as production), prints a summary from each run's
manifest, and stops the mirror.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

from scrapy.spiderloader import SpiderLoader
from scrapy.utils.project import get_project_settings

#: State store of demo runs (git-ignored): a second `make demo` delivers no story again.
DEMO_STATE = Path(".state") / "demo.sqlite"


def start_mirror(articles: int, seed: int) -> tuple[subprocess.Popen, str]:
    """Start the mirror as a child process; return it and its base URL."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "newswire.mirror", "--port", "0", "--articles", str(articles), "--seed", str(seed)],
        stdout=subprocess.PIPE,
        text=True,
    )
    line = proc.stdout.readline()
    match = re.search(r"http://127\.0\.0\.1:\d+", line)
    if not match:
        proc.kill()
        raise SystemExit(f"mirror did not start: {line!r}")
    return proc, match.group(0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=60, help="true articles per wire in the mirror")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("wires", nargs="*", help="wires to crawl (default: all)")
    args = parser.parse_args(argv)

    settings = get_project_settings()
    wires = args.wires or sorted(SpiderLoader.from_settings(settings).list())
    began = time.monotonic()
    mirror, base = start_mirror(args.articles, args.seed)
    print(f"mirror: {base} ({args.articles} articles per wire, seed {args.seed}); politeness delays off for it, Retry-After waits capped at 2 s")
    rows, status = [], 0
    try:
        for wire in wires:
            folder = Path(settings.get("NEWSWIRE_OUTPUT_DIR", "output")) / wire
            before = set(folder.glob("*.manifest.json")) if folder.exists() else set()
            code = subprocess.call(
                [sys.executable, "-m", "scrapy", "crawl", wire, "-s", f"NEWSWIRE_MIRROR={base}", "-s", "LOG_LEVEL=WARNING",
                 # The mirror is on this machine: politeness delays would only slow the demo.
                 "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0", "-s", "NEWSWIRE_MAX_RETRY_AFTER=2",
                 # The mirror's stories must not mix with what real crawls delivered.
                 "-s", f"NEWSWIRE_STATE={DEMO_STATE}"],
                env={**os.environ, "SCRAPY_SETTINGS_MODULE": "newswire.settings"},
            )
            new = sorted(set(folder.glob("*.manifest.json")) - before)
            if code:
                status = 1
            if not new:
                print(f"{wire}: the crawl did not run (exit {code})")
                continue
            rows.append(json.loads(new[-1].read_text()))
    finally:
        mirror.terminate()
        mirror.wait(timeout=10)

    print()
    print(f"{'wire':<14} {'articles':>8} {'requests':>8} {'seconds':>8} {'exit':>4}  feed")
    for row in rows:
        feed = Path(settings.get("NEWSWIRE_OUTPUT_DIR", "output")) / row["wire"] / row["feed"]
        print(f"{row['wire']:<14} {row['delivered']:>8} {row['requests']:>8} {row['elapsed_seconds']:>8} "
              f"{row['exit']['code']:>4}  {feed}")
        if row["exit"]["code"]:
            print(f"{'':<14} {row['exit']['reason']}")
    for row in rows:
        if row["dropped"]:
            drops = ", ".join(f"{reason} {count}" for reason, count in row["dropped"].items())
            print(f"{row['wire']} dropped: {drops}")
        if row["fixes"]:
            fixes = ", ".join(f"{name} {count}" for name, count in row["fixes"].items())
            print(f"{row['wire']} fixed: {fixes}")
    print(f"elapsed: {time.monotonic() - began:.1f} s")
    return status


if __name__ == "__main__":
    raise SystemExit(main())
