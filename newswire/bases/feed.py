"""Discovery from RSS 2.0 / Atom feeds, parsed with feedparser."""

from __future__ import annotations

import logging
import re
from typing import Any, ClassVar

import feedparser
import scrapy

logger = logging.getLogger(__name__)

_HARMLESS = (feedparser.NonXMLContentType, feedparser.CharacterEncodingOverride)
_TICKER = re.compile(r"^[A-Z][A-Za-z.]{1,15}:[A-Z0-9.\-]{1,10}$")  # "NYSE:XYZ", "Nasdaq:ABCD"


class FeedMixin:
    """Reads the wire's feeds and queues their article links.

    Switches: ``feeds`` — feed URLs, treated as opaque configuration
    (``https://menafn.com/rss/menafn_Business.xml``); ``feed_priority``.

    Each entry's title, date, author and description travel with the article request
    as hints: the page's own metadata wins, the feed fills what the page lacks.
    With a state store, a feed's ``ETag`` / ``Last-Modified`` are sent back as
    ``If-None-Match`` / ``If-Modified-Since``; a ``304`` skips the feed
    (``newswire/feed/not_modified``). Validators are kept only once the run that saw
    them has published its feed, so a crashed run's entries are read again.
    A malformed feed is parsed as far as it goes (``newswire/feed/malformed``); an
    empty one is counted (``newswire/feed/empty``); neither stops the run.
    """

    feeds: ClassVar[list[str]] = []
    feed_priority: ClassVar[int] = 30

    def feed_requests(self):
        store = getattr(self.policy, "store", None) if getattr(self, "policy", None) else None
        for url in self.feeds:
            headers = {}
            etag, modified = store.validators(url) if store is not None else (None, None)
            if etag:
                headers["If-None-Match"] = etag
            if modified:
                headers["If-Modified-Since"] = modified
            yield scrapy.Request(url, callback=self.parse_feed, errback=self.on_error, priority=self.feed_priority,
                                 headers=headers, meta={"handle_httpstatus_list": [304]})

    def parse_feed(self, response):
        stats = self.crawler.stats
        if response.status == 304:
            # Unchanged since the last published run: its entries were all seen then.
            stats.inc_value("newswire/feed/not_modified")
            logger.info("Feed not modified since the last run: %s", response.url)
            return
        stats.inc_value("newswire/feed/fetched")
        store = getattr(self.policy, "store", None) if getattr(self, "policy", None) else None
        etag, modified = response.headers.get("ETag"), response.headers.get("Last-Modified")
        if store is not None and (etag or modified):
            from newswire.state.crawl import run_key

            store.note_validators(run_key(self), response.url,
                                  etag.decode("latin-1") if etag else None, modified.decode("latin-1") if modified else None)
        headers = {"content-location": response.url}
        if response.headers.get("Content-Type"):
            headers["content-type"] = response.headers.get("Content-Type").decode("latin-1")
        parsed = feedparser.parse(response.body, response_headers=headers)
        # A missing or wrong Content-Type, or a charset the body overrides, are not
        # damage in the feed itself; everything else feedparser flags is.
        if parsed.get("bozo") and not isinstance(parsed.get("bozo_exception"), _HARMLESS):
            stats.inc_value("newswire/feed/malformed")
            logger.warning("Malformed feed %s: %s", response.url, parsed.get("bozo_exception"))
        entries = parsed.get("entries") or []
        if not entries:
            stats.inc_value("newswire/feed/empty")
            logger.info("Feed with no entries: %s", response.url)
        for entry in entries:
            if not self.in_window(entry.get("published") or entry.get("updated")):
                stats.inc_value("newswire/window/skipped")
                continue
            link = entry.get("link") or (entry.get("id") if str(entry.get("id", "")).startswith("http") else None)
            if not link:
                stats.inc_value("newswire/feed/entry_without_link")
                continue
            request = self.discover_article(response.urljoin(link), self.feed_hints(entry))
            if request is not None:
                yield request

    def feed_hints(self, entry: Any) -> dict[str, Any]:
        """Hook: what a feed entry tells about its story (raw values)."""
        return {
            "title": entry.get("title"),
            "published": entry.get("published") or entry.get("updated"),
            "feed_author": entry.get("author"),
            "description": entry.get("summary"),
            # GNW-style <category domain="...">NYSE:XYZ</category> tickers
            "tickers": [t["term"] for t in entry.get("tags") or [] if _TICKER.match(t.get("term") or "")],
        }
