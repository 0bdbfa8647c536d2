"""Discovery from paginated listing (section) pages."""

from __future__ import annotations

import logging
from typing import ClassVar

import scrapy

logger = logging.getLogger(__name__)


class ListingMixin:
    """Reads listing pages, queues the article links on them and follows pagination.

    Switches: ``listings`` — first pages of the sections
    (``https://menafn.com/section/business``); ``next_page_xpath`` — the "next" link;
    ``max_listing_pages`` — a hard stop per section.

    Pagination stops when a page brings no article URL not already seen in this run
    (deep pages of some wires re-serve old items), when there is no next link, or at
    ``max_listing_pages``.
    """

    listings: ClassVar[list[str]] = []
    next_page_xpath: ClassVar[str] = '//a[@rel="next"]/@href'
    max_listing_pages: ClassVar[int] = 200
    listing_priority: ClassVar[int] = 20

    def listing_requests(self):
        for url in self.listings:
            yield scrapy.Request(
                url, callback=self.parse_listing, errback=self.on_error, priority=self.listing_priority,
                cb_kwargs={"depth": 1},
            )

    def parse_listing(self, response, depth: int = 1):
        stats = self.crawler.stats
        stats.inc_value("newswire/listing/fetched")
        new = 0
        for href in response.xpath("//a/@href").getall():
            url = response.urljoin(href.strip())
            request = self.article_request(url, {}) if self.is_article_url(url) else None
            if request is not None:
                new += 1
                yield request
        next_href = response.xpath(self.next_page_xpath).get()
        if not new:
            stats.inc_value("newswire/listing/stop_nothing_new")
            logger.info("Listing page brought nothing new, stopping: %s", response.url)
        elif next_href and depth < self.max_listing_pages:
            yield scrapy.Request(
                response.urljoin(next_href), callback=self.parse_listing, errback=self.on_error,
                priority=self.listing_priority, cb_kwargs={"depth": depth + 1},
            )
