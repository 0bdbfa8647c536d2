"""Extraction in worker processes, so that a crawl uses more than one core.

Scrapy runs every callback and pipeline on one thread, so a crawl is bound by one
core while extraction costs several milliseconds a page (lxml parse, metadata, body
alignment, ftfy, language detection) against about two of Scrapy's own work. The
three extraction stages — parse (spider), clean and normalise (pipelines) — are pure
functions of picklable values (``newswire.extraction.stages``), so they run in a
``ProcessPoolExecutor`` while the reactor keeps downloading; the stages that touch
the state store (dedupe, history, syndication) stay in the crawl process.

``NEWSWIRE_EXTRACTION_WORKERS``: how many worker processes; ``None`` (default) means
one fewer than the machine's cores (2 cores -> 1 worker), ``0`` runs the stages in
the crawl process (same results, one core).

A worker that dies (killed, out of memory) costs nothing: the stage is run again in
the crawl process, counted as ``newswire/workers/lost``, and a fresh pool is started
for the next page.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import os
import sys
import threading
import types
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Callable

from scrapy import signals

logger = logging.getLogger(__name__)

_CRAWLER_ATTRIBUTE = "_newswire_workers"
#: After this many broken pools in one crawl the stages run in the crawl process.
MAX_POOL_LOSSES = 3


def default_workers() -> int:
    return max((os.cpu_count() or 1) - 1, 0)


def _warm_up(spider_modules: list[str]) -> None:
    """Import the extraction stack once per worker, before the first page arrives, and
    the crawl's spider modules, so that a parser registered or replaced there
    (``parsers.PARSERS["menafn"] = ...``) is the one the worker runs too."""
    from scrapy.utils.misc import walk_modules

    # A pool's worker holds both ends of its task queue, so it never sees the crawl
    # process die: a crawl killed with SIGKILL would leave it waiting forever.
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_with, args=(parent,), name="exit-with-crawl", daemon=True).start()

    import newswire.extraction.article  # noqa: F401
    import newswire.state.neardup  # noqa: F401

    for name in spider_modules:
        walk_modules(name)


def _exit_with(parent) -> None:
    parent.join()  # returns when the crawl process is gone, however it ended
    os._exit(0)


@contextlib.contextmanager
def _main_script_hidden():
    """A spawned process first runs the parent's ``__main__`` file again (as
    ``__mp_main__``). ``scrapy crawl`` and scrapyd guard theirs, but a script that starts
    a ``CrawlerProcess`` without ``if __name__ == "__main__"`` would start its crawl
    once more in every worker: workers are started with that module hidden."""
    main = sys.modules.get("__main__")
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        sys.modules["__main__"] = main


def _ready() -> bool:
    return True


class ExtractionWorkers:
    """One pool per crawl, shared by the spider and the pipelines (``for_crawler``)."""

    def __init__(self, workers: int, crawler=None) -> None:
        self.workers = workers
        self.crawler = crawler  # for stats, which exist only once the crawl starts
        self.spider_modules = crawler.settings.getlist("SPIDER_MODULES") if crawler is not None else []
        self._pool: ProcessPoolExecutor | None = None
        self._losses = 0
        if workers:
            self._pool = self._start()

    @classmethod
    def for_crawler(cls, crawler) -> ExtractionWorkers:
        existing = getattr(crawler, _CRAWLER_ATTRIBUTE, None)
        if existing is not None:
            return existing
        configured = crawler.settings.get("NEWSWIRE_EXTRACTION_WORKERS")
        workers = default_workers() if configured in (None, "") else int(configured)
        pool = cls(workers, crawler)
        setattr(crawler, _CRAWLER_ATTRIBUTE, pool)
        crawler.signals.connect(pool.close, signal=signals.engine_stopped)
        logger.info("Extraction runs in %s", f"{workers} worker process(es)" if workers else "the crawl process")
        return pool

    def _start(self) -> ProcessPoolExecutor:
        # "spawn", never fork: the crawl process holds a running reactor, threads and
        # an open SQLite connection that a forked child must not inherit.
        pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_warm_up, initargs=(self.spider_modules,))
        # Processes start on the first task: start them now, so that their imports
        # (~1 s) overlap the crawl's own start and its first feed and listing fetches.
        with _main_script_hidden():
            for _ in range(self.workers):
                pool.submit(_ready)
        return pool

    async def run(self, func: Callable[..., Any], *args: Any) -> Any:
        """``func(*args)`` in a worker (in this process when there are none).

        Exceptions raised by ``func`` come back as they would in-process."""
        pool = self._pool
        if pool is None:
            return func(*args)
        try:
            return await asyncio.wrap_future(pool.submit(func, *args))
        except BrokenProcessPool:
            if self.crawler is not None:
                self.crawler.stats.inc_value("newswire/workers/lost")
            logger.warning("An extraction worker died; running %s in the crawl process", func.__name__)
            # Every page in flight sees the same broken pool; only the first replaces it.
            if self._pool is pool:
                pool.shutdown(wait=False, cancel_futures=True)
                self._losses += 1
                if self._losses < MAX_POOL_LOSSES:
                    self._pool = self._start()
                else:  # workers that keep dying (out of memory?) are not worth restarting
                    self._pool = None
                    logger.error("Extraction workers died %s times: extraction runs in the crawl process from now on",
                                 self._losses)
            return func(*args)

    def close(self) -> None:
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
