"""Run report: a small JSON manifest next to each feed file.

``output/menafn/20261127T044737Z.jsonl`` gets ``output/menafn/20261127T044737Z.manifest.json``
with the run id, the feed file, finish reason, articles written, drops per reason,
fixes per kind, errors and elapsed time — what ``make demo`` summarises and what a
scheduler reads instead of the (uninformative) exit code.
"""

from __future__ import annotations

import json
import logging
import os
from datetime import datetime, timezone
from pathlib import Path

from scrapy import signals

from newswire.state.crawl import close_state, run_key, state_of
from newswire.verdict import found_articles, judge

logger = logging.getLogger(__name__)


class RunReport:
    """Writes the manifest once the feed is published (``feed_exporter_closed``), so its
    counts include what was delivered; then closes the run's state store."""

    def __init__(self, crawler) -> None:
        self.crawler = crawler
        self.reason = None
        self.spider = None
        self.written = False
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(self.feed_exporter_closed, signal=signals.feed_exporter_closed)
        crawler.signals.connect(self.engine_stopped, signal=signals.engine_stopped)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def spider_closed(self, spider, reason):
        self.spider, self.reason = spider, reason
        if not self.crawler.settings.getdict("FEEDS"):
            self.write(spider, reason)

    def feed_exporter_closed(self):
        if self.spider is not None:
            self.write(self.spider, self.reason)

    def engine_stopped(self):
        if not self.written and self.spider is not None:
            self.write(self.spider, self.reason)
        close_state(self.crawler)

    def write(self, spider, reason):
        self.written = True
        stats = self.crawler.stats.get_stats()
        store = state_of(self.crawler)
        policy = getattr(spider, "policy", None)
        previous_found = store.last_complete_run_found(spider.name) if store is not None else None
        verdict = judge(
            stats, self.crawler.settings, reason=reason, feeds_configured=bool(self.crawler.settings.getdict("FEEDS")),
            previous_found=previous_found, monitors_failed=stats.get("newswire/monitors/failed", 0),
        )
        self.crawler.newswire_verdict = verdict
        if store is not None and policy is not None:
            from newswire.monitors import MIN_RECORDS, fill_rates

            fill = fill_rates(stats) if stats.get("item_scraped_count", 0) >= MIN_RECORDS else None
            store.note_run(run_key(spider), policy.now_iso(), reason, found_articles(stats), fill)
        start = stats.get("start_time")
        now = datetime.now(timezone.utc)
        elapsed = (now - start).total_seconds() if start else None

        def prefixed(prefix: str) -> dict[str, int]:
            return {k[len(prefix):]: v for k, v in sorted(stats.items()) if k.startswith(prefix)}

        folder = os.path.join(getattr(spider, "output_dir", "output"), spider.name)
        run_id = getattr(spider, "run_id", "run")
        manifest = {
            "run_id": run_id,
            "wire": spider.name,
            "feed": f"{run_id}.jsonl",
            "finish_reason": reason,
            "started_at": start.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ") if start else None,
            "finished_at": now.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "elapsed_seconds": round(elapsed, 2) if elapsed is not None else None,
            "articles": stats.get("item_scraped_count", 0),
            "delivered": stats.get("newswire/delivered", 0),
            "revisit_window_hours": self.crawler.settings.getfloat("NEWSWIRE_REVISIT_WINDOW_HOURS", 48),
            "incremental": prefixed("newswire/incremental/"),
            "dropped": prefixed("newswire/drop/"),
            "fixes": prefixed("newswire/fix/"),
            "errors": {
                **prefixed("newswire/error/"),
                **{f"http/{k}": v for k, v in prefixed("downloader/response_status_count/").items() if int(k) >= 400},
                "log_errors": stats.get("log_count/ERROR", 0),
            },
            "exit": {"code": verdict.code, "reason": verdict.reason},
            "requests": stats.get("downloader/request_count", 0),
            "article_requests": stats.get("newswire/discovery/article_url", 0),
        }
        os.makedirs(folder, exist_ok=True)
        path = os.path.join(folder, f"{run_id}.manifest.json")
        with open(path + ".part", "w", encoding="utf-8") as handle:
            json.dump(manifest, handle, indent=2, sort_keys=False)
            handle.write("\n")
        os.replace(path + ".part", path)
        from newswire.monitors import fill_rates
        from newswire.report import write_reports

        write_reports(Path(folder), manifest, fill_rates(stats))
        logger.info("Run report: %d articles, dropped %s -> %s", manifest["articles"], manifest["dropped"], path)
        if verdict.ok:
            logger.info("newswire: run ok (exit 0): %s", verdict.reason)
        else:
            logger.error("newswire: run failed (exit %d): %s", verdict.code, verdict.reason)


class JobdirGuard:
    """Keeps a ``JOBDIR`` from silently losing queued work after an unclean stop.

    Scrapy writes the JOBDIR's request queue only when a crawl closes, but its
    ``requests.seen`` fingerprints as it goes: after a SIGKILL, resuming finds an empty
    queue and a "seen" list that filters the links it would have re-found, and ends
    with 0 items and exit code 0. This extension marks a JOBDIR as cleanly closed at
    the end of a run; a JOBDIR without the mark at start (a run was killed) is moved
    aside to ``<JOBDIR>.unclean-<time>`` before the scheduler reads it, so the crawl
    starts over — and the state store makes sure nothing is delivered twice.
    """

    MARK = "newswire-closed-cleanly"

    def __init__(self, crawler) -> None:
        from pathlib import Path

        self.crawler = crawler
        self.jobdir = Path(crawler.settings.get("JOBDIR"))
        mark = self.jobdir / self.MARK
        if self.jobdir.exists() and any(self.jobdir.iterdir()) and not mark.exists():
            aside = self.jobdir.with_name(f"{self.jobdir.name}.unclean-{datetime.now(timezone.utc):%Y%m%dT%H%M%SZ}")
            self.jobdir.rename(aside)
            logger.warning("JOBDIR %s was not closed cleanly (killed run): moved to %s, starting over", self.jobdir, aside)
        mark.unlink(missing_ok=True)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler):
        from scrapy.exceptions import NotConfigured

        if not crawler.settings.get("JOBDIR"):
            raise NotConfigured
        return cls(crawler)

    def spider_closed(self, spider, reason):
        self.jobdir.mkdir(parents=True, exist_ok=True)
        (self.jobdir / self.MARK).write_text(reason + "\n")


class CollectorThreshold:
    """Runs Python's cyclic garbage collector less often during a crawl.

    A crawl allocates many short-lived objects per request (requests, responses,
    Deferreds, dicts of fields). With CPython's default first-generation threshold of
    700 the collector ran ~750 times in a 1,000-article AP News crawl, 0.5 s of the
    crawl process's 3.8 s of CPU, mostly traversing the scheduler's queued requests
    again and again. ``NEWSWIRE_GC_THRESHOLD = (10000, 20, 20)`` ran it 35 times
    (0.15 s); the objects waiting for a collection cost a few MB at most. The previous
    thresholds come back when the engine stops (scrapyd and scripts run several crawls
    in one process). An empty setting leaves the collector alone.

    When the engine starts, everything made so far (Scrapy's and the project's ~1,000
    modules, the settings, the components) is moved out of the collector's sight
    (``gc.freeze``): it lives as long as the process, yet every oldest-generation
    collection walked it again (0.37 s of a 5,000-article AP crawl's 14.7 s, 0.1 s
    with it frozen).
    """

    def __init__(self, crawler, threshold: tuple[int, ...]) -> None:
        import gc

        self._previous = gc.get_threshold()
        gc.set_threshold(*threshold)
        crawler.signals.connect(self.freeze, signal=signals.engine_started)
        crawler.signals.connect(self.restore, signal=signals.engine_stopped)

    @classmethod
    def from_crawler(cls, crawler):
        from scrapy.exceptions import NotConfigured

        threshold = tuple(int(v) for v in crawler.settings.getlist("NEWSWIRE_GC_THRESHOLD"))
        if not threshold:
            raise NotConfigured
        return cls(crawler, threshold)

    def freeze(self) -> None:
        import gc

        gc.freeze()

    def restore(self) -> None:
        import gc

        gc.set_threshold(*self._previous)
        gc.unfreeze()


#: ``mallopt`` parameters (glibc's malloc.h).
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3


def _glibc_mallopt():
    """glibc's ``mallopt``, or None on another C library (musl, macOS)."""
    import ctypes
    import platform

    if platform.libc_ver()[0] != "glibc":
        return None
    return getattr(ctypes.CDLL(None), "mallopt", None)


class MallocThresholds:
    """Fixes glibc malloc's mmap and trim thresholds in the crawl process.

    glibc raises its mmap threshold each time a large block is freed (up to 32 MB), so
    once the first big page bodies are freed (PR Newswire: 66 KB releases, 94 KB
    listing pages, their pickled copies for the extraction worker), every later one
    comes from the heap, between the run's long-lived objects, and the heap seldom
    shrinks: a 10,000-article PR Newswire crawl process peaked at 221-314 MB in four
    runs. ``NEWSWIRE_MALLOC_THRESHOLDS = (131072, 262144)`` (blocks over 128 KB are
    mapped on their own; free memory over 256 KB at the heap's top goes back to the
    system): 213-237 MB in four runs, at the same speed. A lower mmap threshold maps
    every page body on its own: 64 KB gave ~200 MB but cost 10% more CPU.
    Fixed for the life of the process (glibc has no way back to the sliding
    threshold); ignored outside glibc; an empty setting leaves malloc alone.
    """

    @classmethod
    def from_crawler(cls, crawler):
        from scrapy.exceptions import NotConfigured

        values = [int(v) for v in crawler.settings.getlist("NEWSWIRE_MALLOC_THRESHOLDS")]
        if not values:
            raise NotConfigured
        mmap_bytes, trim_bytes = values
        mallopt = _glibc_mallopt()
        if mallopt is None:
            raise NotConfigured("malloc thresholds: not glibc")
        if not (mallopt(_M_MMAP_THRESHOLD, mmap_bytes) and mallopt(_M_TRIM_THRESHOLD, trim_bytes)):
            logger.warning("malloc thresholds not set: mallopt refused %s", values)
            raise NotConfigured
        return cls()
