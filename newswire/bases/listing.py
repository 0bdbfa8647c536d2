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

    Pagination stops when a page lists no story that is both new to this run's listing
    pages (deep pages of some wires re-serve old items) and due for fetching (in an
    incremental run, stories delivered earlier are not), when there is no next link,
    or at ``max_listing_pages``. Stories first found in a feed still
    count as new here: page 1 of a section holds the same newest stories as its feed.
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
        listed = getattr(self, "_listed_stories", None)
        if listed is None:
            listed = self._listed_stories = set()
        new = 0
        for href in response.xpath("//a/@href").getall():
            url = response.urljoin(href.strip())
            if not self.is_article_url(url):
                continue
            key = self.story_key(url)
            request = self.article_request(url, {})
            if key not in listed:
                listed.add(key)
                # A story counts as new when this section had not listed it yet and it
                # is due: in an incremental run, a page of delivered stories ends the walk.
                new += self.is_due(url)
            if request is not None:
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
