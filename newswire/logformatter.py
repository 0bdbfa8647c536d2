"""Log lines for crawled pages and items: only the ones that will be written.

* Dropped items: one short line with the reason, not the whole item. Scrapy's default
  logs every dropped item in full at WARNING, so a run with 40 soft-404s buries its
  real warnings under 40 page bodies. The reason is already counted in
  ``newswire/drop/<reason>``.
* "Crawled (200) <GET ...>" and "Scraped from <200 ...>" are DEBUG lines. Below
  ``LOG_LEVEL`` they are not built at all: Scrapy builds a log record for each and the
  handler then discards it, ~2% of the crawl process's CPU at ``LOG_LEVEL = "INFO"``.
"""

import logging

from scrapy.logformatter import LogFormatter


class NewswireLogFormatter(LogFormatter):
    #: Lines below this level are not built (``LOG_LEVEL``; DEBUG when unknown).
    level = logging.DEBUG

    @classmethod
    def from_crawler(cls, crawler):
        formatter = cls()
        settings = crawler.settings
        level = settings.get("LOG_LEVEL", "DEBUG")
        if isinstance(level, str):
            level = logging.getLevelName(level.upper())  # "INFO" -> 20; unknown -> "Level X"
        formatter.level = level if isinstance(level, int) else logging.DEBUG
        if not settings.getbool("LOG_ENABLED", True):
            formatter.level = logging.CRITICAL + 1
        return formatter

    def crawled(self, request, response, spider=None, *args, **kwargs):
        if self.level > logging.DEBUG:
            return None
        return super().crawled(request, response, spider, *args, **kwargs)

    def scraped(self, item, response, spider=None, *args, **kwargs):
        if self.level > logging.DEBUG:
            return None
        return super().scraped(item, response, spider, *args, **kwargs)

    def dropped(self, item, exception, response, spider=None, *args, **kwargs):
        return {"level": logging.INFO, "msg": "Dropped %(reason)s", "args": {"reason": exception}}
