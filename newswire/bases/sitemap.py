"""Discovery from sitemaps, sitemap indexes, Google News sitemaps and robots.txt."""

from __future__ import annotations

import logging
import re
from typing import Any, ClassVar

import scrapy

from newswire.discovery.sitemaps import SitemapEntry, parse_sitemap, robots_sitemaps

logger = logging.getLogger(__name__)


class SitemapMixin:
    """Reads the wire's sitemaps and queues their article URLs.

    Switches: ``sitemaps`` — sitemap, sitemap-index or ``robots.txt`` URLs
    (``https://www.prnewswire.com/robots.txt``: its ``Sitemap:`` lines are followed);
    ``sitemap_follow`` — regexes a child sitemap of an index must match to be read
    (``r"/sitemap-news"``; default: all); ``sitemap_priority``.

    The Google News fields of each entry (title, publication date, keywords, stock
    tickers) travel with the article request as hints, and the date window
    (``-a since=`` / ``-a days=``) drops entries before any article is fetched, using
    the publication date, else ``<lastmod>``. Child sitemaps whose ``<lastmod>`` is
    older than the window are not read. Broken sitemaps are counted
    (``newswire/sitemap/<problem>``) and read as far as they go.
    """

    sitemaps: ClassVar[list[str]] = []
    sitemap_follow: ClassVar[list[str]] = []
    sitemap_priority: ClassVar[int] = 25

    def sitemap_requests(self):
        for url in self.sitemaps:
            yield scrapy.Request(url, callback=self.parse_sitemap, errback=self.on_error, priority=self.sitemap_priority)

    def _follows(self, url: str) -> bool:
        return not self.sitemap_follow or any(re.search(p, url) for p in self.sitemap_follow)

    def parse_sitemap(self, response):
        stats = self.crawler.stats
        if response.url.rstrip("/").endswith("/robots.txt"):
            found = robots_sitemaps(response.body, response.url)
            stats.inc_value("newswire/sitemap/from_robots", len(found))
            if not found:
                logger.info("robots.txt lists no sitemap: %s", response.url)
            for url in found:
                if self._follows(url):
                    yield scrapy.Request(url, callback=self.parse_sitemap, errback=self.on_error,
                                         priority=self.sitemap_priority)
            return
        sitemap = parse_sitemap(response.body, response.url)
        stats.inc_value("newswire/sitemap/fetched")
        for problem in sitemap.problems:
            stats.inc_value(f"newswire/sitemap/{problem}")
            logger.warning("Sitemap %s: %s", problem, response.url)
        if sitemap.kind == "sitemapindex":
            for entry in sitemap.entries:
                if not self._follows(entry.loc):
                    continue
                if not self.in_window(entry.lastmod):
                    stats.inc_value("newswire/window/skipped_sitemap")
                    continue
                yield scrapy.Request(entry.loc, callback=self.parse_sitemap, errback=self.on_error,
                                     priority=self.sitemap_priority)
            return
        if not sitemap.entries:
            stats.inc_value("newswire/sitemap/empty")
        for entry in sitemap.entries:
            if not self.in_window(entry.news_published or entry.lastmod):
                stats.inc_value("newswire/window/skipped")
                continue
            request = self.discover_article(entry.loc, self.sitemap_hints(entry))
            if request is not None:
                yield request

    def sitemap_hints(self, entry: SitemapEntry) -> dict[str, Any]:
        """Hook: what a sitemap entry tells about its story (raw values)."""
        return {
            "title": entry.news_title,
            "published": entry.news_published,
            "lastmod": entry.lastmod,
            "keywords": entry.keywords,
            "tickers": entry.tickers,
            "language": entry.language,
        }
