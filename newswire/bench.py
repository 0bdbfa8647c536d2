"""``make bench``: speed and memory figures, printed (never asserted by tests).

``python -m newswire.bench crawl`` times end-to-end crawls of the mirror against a bare
Scrapy spider fetching the same pages: every request the crawl sent, as the mirror
logged it (``newswire.bench_crawl``).

``python -m newswire.bench store [--stories 1000000]`` fills a fresh state store the
way the pipelines do (one ``observe`` per story with two URL variants, one
near-duplicate signature) and reports insert and lookup rates, near-duplicate query
time and the process's peak memory at 10 % of the stories and at all of them — the
state lives on disk, so memory must stay flat as the store grows.
"""

from __future__ import annotations

import argparse
import random
import resource
import tempfile
import time
from pathlib import Path

import numpy as np


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench_store(stories: int, seed: int = 1) -> None:
    from newswire.state import neardup
    from newswire.state.sqlite import SQLiteStateStore

    rng = np.random.default_rng(seed)
    with tempfile.TemporaryDirectory() as folder:
        store = SQLiteStateStore(Path(folder) / "state.sqlite", commit_every=5000)
        now = "2026-11-27T12:00:00Z"
        checkpoints = {max(1, stories // 10), stories}
        began = time.perf_counter()
        print(f"state store bench: {stories:,} stories (SQLite WAL, one observe + one signature each)")
        print(f"{'stories':>10} {'insert/s':>10} {'lookup/s':>10} {'near-dup ms':>12} {'peak MB':>8} {'db MB':>7}")
        for n in range(1, stories + 1):
            story_id = f"wire:{n}"
            fields = {"id": story_id, "wire": "wire", "canonical_url": f"https://wire.test/{n}/Story-{n}",
                      "title": f"Story {n}", "content_hash": f"sha1:{n:040x}", "published_at": now}
            store.observe(fields, [fields["canonical_url"], f"https://wire.test/qn?storyid={n}"], now)
            # Random signatures: the store's cost does not depend on where they came from.
            store.add_signature(story_id, rng.integers(0, 2**32, neardup.NUM_PERM, dtype=np.uint32))
            if n in checkpoints:
                store.flush()
                elapsed = time.perf_counter() - began
                picks = [random.randint(1, n) for _ in range(20000)]
                t0 = time.perf_counter()
                for k in picks:
                    store.get(f"wire:{k}")
                    store.story_for_url(f"https://wire.test/qn?storyid={k}")
                lookups = len(picks) * 2 / (time.perf_counter() - t0)
                t0 = time.perf_counter()
                queries = 200
                for _ in range(queries):
                    store.near_duplicates(rng.integers(0, 2**32, neardup.NUM_PERM, dtype=np.uint32), exclude="")
                near_ms = (time.perf_counter() - t0) * 1000 / queries
                size = sum(p.stat().st_size for p in Path(folder).iterdir()) / 2**20
                print(f"{n:>10,} {n / elapsed:>10,.0f} {lookups:>10,.0f} {near_ms:>12.2f} {_peak_mb():>8.0f} {size:>7.0f}")
        # A real body's signature costs this much to compute:
        body = " ".join(f"word{i} of a press release paragraph" for i in range(400))
        t0 = time.perf_counter()
        for _ in range(200):
            neardup.signature(body)
        print(f"MinHash signature of a 2,800-word body: {(time.perf_counter() - t0) * 1000 / 200:.2f} ms")
        store.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="what", required=True)
    store = sub.add_parser("store", help="state store at scale")
    store.add_argument("--stories", type=int, default=1_000_000)
    crawl = sub.add_parser("crawl", help="end-to-end crawl against a bare Scrapy baseline")
    crawl.add_argument("--articles", type=int, nargs="+", default=[1000, 10000],
                       help="articles per wire, one run per size (default: 1000 then 10000)")
    crawl.add_argument("--wires", nargs="*", help="wires to crawl (default: all)")
    crawl.add_argument("--repeat", type=int, nargs="+", default=[1],
                       help="crawl each wire this many times from the same state, each crawl followed by its bare "
                            "spider, and report the pair with the median ratio; one number for every size or one "
                            "per size (default: 1)")
    args = parser.parse_args(argv)
    if args.what == "store":
        bench_store(args.stories)
    else:
        from newswire.bench_crawl import bench_crawl, report

        for size, repeat in repeats_per_size(args.articles, args.repeat, parser):
            print(f"\ncrawl bench: {size:,} articles per wire, {repeat} pair(s) each")
            report(bench_crawl(size, args.wires, repeat=repeat))
    return 0


def repeats_per_size(sizes: list[int], repeats: list[int], parser: argparse.ArgumentParser) -> list[tuple[int, int]]:
    """``--articles 1000 10000 --repeat 5 3`` -> ``[(1000, 5), (10000, 3)]``; one repeat
    applies to every size. A short crawl is timed more often: a 1,000-article crawl lasts
    4-5 s, so a one-second slow or fast spell of a shared machine during it or its bare
    spider moves that pair's ratio by a fifth."""
    if len(repeats) == 1:
        repeats = repeats * len(sizes)
    if len(repeats) != len(sizes) or min(repeats) < 1:
        parser.error("--repeat: one number (at least 1), or one per --articles size")
    return list(zip(sizes, repeats))


if __name__ == "__main__":
    raise SystemExit(main())
