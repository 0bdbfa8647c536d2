"""``python -m newswire.bench crawl``: end-to-end crawl speed against a bare baseline.

Serves the mirror with ``--articles`` per wire, then for each wire runs (1) the
production ``scrapy crawl <wire>`` — discovery, extraction, all pipelines, feed — and
(2) a bare Scrapy spider that fetches the same article URLs (from the mirror's truth)
and does nothing with them, the cost of Scrapy alone. Each crawl is its own process;
CPU time and peak memory are read from ``getrusage`` of that child.
"""

from __future__ import annotations

import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE_SPIDER = '''
import json, scrapy

class BareSpider(scrapy.Spider):
    name = "bare"
    custom_settings = {"ITEM_PIPELINES": {}, "FEEDS": {}, "EXTENSIONS": {}, "ROBOTSTXT_OBEY": False,
                       "SPIDERMON_ENABLED": False, "DOWNLOADER_MIDDLEWARES": {}}

    def __init__(self, urls, **kwargs):
        super().__init__(**kwargs)
        self.urls = [line.strip() for line in open(urls) if line.strip()]

    async def start(self):
        for url in self.urls:
            yield scrapy.Request(url, callback=self.parse)

    def parse(self, response):
        pass
'''


def _run(cmd: list[str], env: dict, cwd: Path) -> dict:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    code = subprocess.call(cmd, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    # ru_maxrss of children is the largest child so far: run the smaller crawl first.
    return {"code": code, "wall": wall, "cpu": cpu, "peak_mb": after.ru_maxrss / 1024}


def bench_crawl(articles: int, wires: list[str] | None, seed: int = 11) -> list[dict]:
    from scrapy.spiderloader import SpiderLoader
    from scrapy.utils.project import get_project_settings

    wires = wires or sorted(SpiderLoader.from_settings(get_project_settings()).list())
    root = Path(__file__).resolve().parent.parent
    work = Path(tempfile.mkdtemp(prefix="newswire-bench-"))
    (work / "barebench").mkdir()
    (work / "barebench" / "__init__.py").write_text(BARE_SPIDER)
    truth = work / "truth.jsonl"
    mirror = subprocess.Popen([sys.executable, "-m", "newswire.mirror", "--port", "0", "--articles", str(articles),
                               "--seed", str(seed), "--wires", ",".join(wires), "--truth", str(truth)],
                              stdout=subprocess.PIPE, text=True, cwd=root)
    base = re.search(r"http://127\.0\.0\.1:\d+", mirror.stdout.readline()).group(0)
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "newswire.settings",
           "PYTHONPATH": os.pathsep.join([str(root), str(work)])}
    common = ["-s", f"NEWSWIRE_MIRROR={base}", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0",
              "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=16", "-s", "LOG_LEVEL=ERROR",
              # The mirror's 429 traps would otherwise add their Retry-After waits to the timings.
              "-s", "NEWSWIRE_MAX_RETRY_AFTER=0"]
    rows = []
    try:
        records = [json.loads(line) for line in truth.read_text().splitlines()]
        for wire in wires:
            urls = work / f"{wire}.urls"
            urls.write_text("\n".join(r["url"] for r in records if r["wire"] == wire))
            bare = _run([sys.executable, "-m", "scrapy", "crawl", "bare", "-a", f"urls={urls}", *common,
                         "-s", "SPIDER_MODULES=barebench"], env, work)
            full = _run([sys.executable, "-m", "scrapy", "crawl", wire, *common,
                         "-s", f"NEWSWIRE_OUTPUT_DIR={work / 'output'}", "-s", f"NEWSWIRE_STATE={work / 'state.sqlite'}"],
                        env, work)
            manifest = json.loads(sorted((work / "output" / wire).glob("*.manifest.json"))[-1].read_text())
            rows.append({"wire": wire, "articles": manifest["delivered"], "pages": len(urls.read_text().split()),
                         "full": full, "bare": bare})
    finally:
        mirror.terminate()
        mirror.wait()
    return rows


def report(rows: list[dict]) -> None:
    print(f"{'wire':<14} {'articles':>8} {'art/s':>7} {'bare p/s':>9} {'ratio':>6} {'CPU ms/art':>10} "
          f"{'bare CPU ms/p':>13} {'peak MB':>8}")
    total = {"articles": 0, "wall": 0.0, "cpu": 0.0, "bare_wall": 0.0, "pages": 0}
    for row in rows:
        full, bare = row["full"], row["bare"]
        rate, bare_rate = row["articles"] / full["wall"], row["pages"] / bare["wall"]
        print(f"{row['wire']:<14} {row['articles']:>8} {rate:>7.1f} {bare_rate:>9.1f} {rate / bare_rate:>6.2f} "
              f"{1000 * full['cpu'] / max(row['articles'], 1):>10.1f} {1000 * bare['cpu'] / max(row['pages'], 1):>13.2f} "
              f"{full['peak_mb']:>8.0f}")
        total["articles"] += row["articles"]
        total["pages"] += row["pages"]
        total["wall"] += full["wall"]
        total["cpu"] += full["cpu"]
        total["bare_wall"] += bare["wall"]
    rate, bare_rate = total["articles"] / total["wall"], total["pages"] / total["bare_wall"]
    print(f"{'all':<14} {total['articles']:>8} {rate:>7.1f} {bare_rate:>9.1f} {rate / bare_rate:>6.2f} "
          f"{1000 * total['cpu'] / max(total['articles'], 1):>10.1f}")
