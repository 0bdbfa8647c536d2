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
