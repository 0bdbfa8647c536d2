"""``scrapy crawl`` with an honest exit status (see :mod:`newswire.verdict`).

The project's commands module shadows Scrapy's own ``crawl``: same arguments, same
run, but the process exits with the run's verdict code instead of 0.
"""

from __future__ import annotations

import logging

from scrapy.commands.crawl import Command as ScrapyCrawl
from scrapy.exceptions import UsageError

logger = logging.getLogger("newswire")


class Command(ScrapyCrawl):
    def process_options(self, args, opts) -> None:
        super().process_options(args, opts)
        # The settings are complete (``-s`` included): a wire's extraction workers start
        # now, while Scrapy loads the spiders and builds the crawl (``workers.prestart``).
        if len(args) == 1 and is_spider_module(args[0], self.settings.getlist("SPIDER_MODULES")):
            from newswire import workers

            workers.prestart(workers.configured_workers(self.settings))

    def run(self, args, opts) -> None:
        if len(args) != 1:
            raise UsageError("give one spider: scrapy crawl <wire>")
        crawler = self._create_crawler(args[0])
        self.crawler_process.crawl(crawler, **opts.spargs)
        self.crawler_process.start()
        verdict = getattr(crawler, "newswire_verdict", None)
        if self.crawler_process.bootstrap_failed or verdict is None:
            # The run ended before the report could judge it (it never opened).
            self.exitcode = 1
            why = getattr(crawler, "newswire_start_error", "the crawl could not start (see the errors above)")
            logger.error("newswire: run failed (exit 1): %s", why)
            return
        self.exitcode = verdict.code
        # Repeated here so that it is the log's last line, after Scrapy's stats dump.
        if verdict.ok:
            logger.info("newswire: run ok (exit 0): %s", verdict.reason)
        else:
            logger.error("newswire: run failed (exit %d): %s", verdict.code, verdict.reason)


def is_spider_module(name: str, spider_modules: list[str]) -> bool:
    """Whether a module named after the spider exists in a spider package (a wire's
    file is named after it: ``newswire/spiders/menafn.py``), found without importing
    it; a spider of another name (``scrapy crawl bare`` in the benchmark) starts no
    workers ahead."""
    import importlib.util

    for package in spider_modules:
        try:
            if importlib.util.find_spec(f"{package}.{name}") is not None:
                return True
        except (ImportError, ValueError):  # no such package, or a name that is no module name
            continue
    return False
