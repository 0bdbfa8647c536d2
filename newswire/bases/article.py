"""The article side shared by every wire spider."""

from __future__ import annotations

import asyncio
import logging
import re
from collections import deque
from datetime import datetime, timedelta, timezone
from typing import Any, ClassVar

import scrapy
from scrapy import signals
from scrapy.exceptions import DontCloseSpider
from scrapy.http import Response, TextResponse
from twisted.python.failure import Failure

from newswire.browser import chromium_problem
from newswire.extraction.dates import format_utc, parse_date, utc_now_iso
from newswire.extraction.stages import extract_response
from newswire.extraction.urls import canonicalize_url, strip_secrets
from newswire.items import Article
from newswire.middlewares import RefusedRequest, refusal_reason
from newswire.parsers import parser_for_wire
from newswire.pipelines import fields_of
from newswire.state.crawl import FetchPolicy, now_of, state_of
from newswire.workers import ExtractionWorkers

logger = logging.getLogger(__name__)

# Error pages must reach the callback so they are counted and dropped by structure,
# not silently filtered by HttpErrorMiddleware (5xx and 429 are retried first).
ARTICLE_ERROR_STATUSES = [400, 401, 402, 403, 404, 410, 429, 451, 500, 502, 503, 504]


def _day(raw: str) -> datetime | None:
    """``2026-11-20`` (a sitemap ``<lastmod>``, a ``since`` argument) as that day's start in
    UTC: a window compares days, so the missing time of day does not matter there."""
    match = re.match(r"^(\d{4})-(\d\d)-(\d\d)", raw.strip())
    return datetime(*map(int, match.groups()), tzinfo=timezone.utc) if match else None


class WireSpider(scrapy.Spider):
    """Base of every wire spider.

    Switches (class attributes):

    * ``name`` — the wire id (``menafn``); also the parser's ``wire``.
    * ``allowed_domains`` — the wire's hosts.
    * ``since`` / ``days`` (spider arguments) — the date window of the run.
    * ``article_patterns`` — regexes a URL must match to be fetched as an article
      (``r"menafn\\.com/\\d{10}/"``); anything else found in feeds or listings is ignored
      and counted (``newswire/discovery/ignored_url``).

    * ``frontier_batch`` — how many waiting articles become requests at a time.

    Hooks:

    * :meth:`article_url` — the URL to fetch for a discovered article link.
    * :meth:`story_key` — what makes two URLs the same story within a run (by default
      the parser's native id, else the canonical URL).

    Discovery (feeds, sitemaps, listings) hands each article link to
    :meth:`discover_article`. An accepted story waits in the spider's frontier as its
    URL and hints, and becomes a Scrapy request only when the scheduler runs dry,
    ``frontier_batch`` at a time: a sitemap of 10,000 releases would otherwise put
    10,000 requests in the scheduler at once, each with its meta, headers, fingerprint
    and parsed URL, and the crawl's memory would grow with the size of the wire's
    sitemaps instead of staying flat. Discovery pages keep going straight to the
    scheduler, ahead of the articles. With ``JOBDIR`` (a crawl to be paused and
    resumed) there is no frontier: every article request goes to the scheduler, which
    is what Scrapy saves on pause.
    """

    article_patterns: ClassVar[list[str]] = []
    # 64 = four times CONCURRENT_REQUESTS: enough to keep the downloader busy from one
    # refill to the next, few enough that the scheduler never holds many.
    frontier_batch: ClassVar[int] = 64
    custom_settings: ClassVar[dict[str, Any]] = {}

    #: URLLENGTH_LIMIT, read when the crawler builds the spider (0: no limit).
    _url_limit: float

    #: Used in feed file names (``output/<wire>/<run_id>.jsonl``); set per run.
    run_id: str = "run"
    output_dir: str = "output"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.run_id = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
        # One pattern for all (a listing page checks ~470 links): "(?:a)|(?:b)"; none
        # matches nothing.
        self._article_re = re.compile("|".join(f"(?:{p})" for p in self.article_patterns) or r"(?!)")
        self.parser = parser_for_wire(self.name)
        # story key -> hints dict shared with the pending request, so a feed date found
        # after a listing already queued the story still reaches its item.
        self._stories: dict[str, dict[str, Any]] = {}
        self.policy: FetchPolicy | None = None
        self.window_start: datetime | None = None
        # In-process until from_crawler gives the crawl's worker pool.
        self.workers = ExtractionWorkers(0)
        # (url, hints) of accepted stories not yet requested; None when requests go
        # straight to the scheduler (JOBDIR).
        self._frontier: deque[tuple[str, dict[str, Any]]] | None = deque()

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.output_dir = crawler.settings.get("NEWSWIRE_OUTPUT_DIR", "output")
        problem = chromium_problem(crawler.settings)
        if problem:
            crawler.newswire_start_error = problem
            raise RuntimeError(problem)
        spider.workers = ExtractionWorkers.for_crawler(crawler)
        spider._url_limit = crawler.settings.getint("URLLENGTH_LIMIT") or float("inf")
        if crawler.settings.get("JOBDIR"):
            spider._frontier = None
        else:
            crawler.signals.connect(spider._scheduler_empty, signal=signals.scheduler_empty)
            crawler.signals.connect(spider._spider_idle, signal=signals.spider_idle)
            crawler.signals.connect(spider._frontier_closed, signal=signals.spider_closed)
        return spider

    def browser_meta(self, page: Any = None) -> dict[str, Any]:
        """Request meta that has the page rendered by the browser (see newswire.browser).

        The browser tab is kept open and handed to the callback as
        ``response.meta["playwright_page"]``; pass it back as ``page`` to render the next
        page of a walk in the same tab: a new tab per page costs chromium a renderer
        process each time. Whoever ends the walk closes the tab (``close_browser_page``)."""
        meta: dict[str, Any] = {"playwright": True, "playwright_include_page": True}
        if page is not None:
            meta["playwright_page"] = page
        mirror = self.crawler.settings.get("NEWSWIRE_MIRROR")
        if mirror:
            meta.update(playwright_page_init_callback="newswire.browser.route_to_mirror", newswire_mirror=mirror)
        return meta

    def in_window(self, raw_date: str | None) -> bool:
        """Whether a discovery date is inside the run's date window (unknown dates are)."""
        if self.window_start is None or not raw_date:
            return True
        moment = parse_date(raw_date) or parse_date(raw_date, "UTC") or _day(raw_date)
        return moment is None or moment >= self.window_start

    def _open_window(self) -> None:
        since, days = getattr(self, "since", None), getattr(self, "days", None)
        if since:
            start = parse_date(since) or parse_date(since, "UTC") or _day(since)
            if start is None:
                raise ValueError(f"-a since={since!r}: expected a date such as 2026-11-20")
            self.window_start = start
        elif days:
            self.window_start = now_of(self.crawler.settings) - timedelta(days=float(days))
        if self.window_start is not None:
            logger.info("Date window: stories published since %s", format_utc(self.window_start))

    async def start(self):
        """Discovery requests of every discovery mixin the spider uses, feeds first
        (they carry dates and titles that listings lack)."""
        self._open_window()
        store = state_of(self.crawler)
        self.policy = FetchPolicy(store, self.crawler.settings) if store is not None else None
        sources = ["feed_requests", "sitemap_requests", "listing_requests"]
        dated = getattr(self, "feeds", None) or getattr(self, "sitemaps", None)
        if self.window_start is not None and dated:
            # Listing pages do not date their links, so in a date-window run they could
            # only be honoured after fetching every article; feeds and sitemaps can.
            sources.remove("listing_requests")
            logger.info("Date window: listings skipped, discovery from dated feeds and sitemaps only")
        for source in sources:
            for request in getattr(self, source, lambda: ())():
                yield request

    # -- discovery helpers ---------------------------------------------------------

    def is_article_url(self, url: str) -> bool:
        return self._article_re.search(url) is not None

    def story_key(self, url: str) -> str:
        return self.parser.native_id(url) or canonicalize_url(url)

    def article_url(self, url: str) -> str:
        """Hook: the URL to fetch for a discovered article link (EIN Presswire's listing
        links lose their ``?ref=world&pg=2``); by default the link as found."""
        return url

    def discover_article(self, url: str, hints: dict[str, Any] | None = None) -> scrapy.Request | None:
        """Takes one article link found by discovery, with what the feed or sitemap said
        about it (``hints``). An accepted story waits in the frontier; the return value
        is a request to yield only when there is no frontier (``JOBDIR``)."""
        if self._frontier is None:
            return self.article_request(url, hints)
        accepted = self._accept_article(self.article_url(url), hints)
        if accepted is not None:
            self._frontier.append(accepted)
            self.crawler.stats.max_value("newswire/frontier/max_waiting", len(self._frontier))
        return None

    def article_request(self, url: str, hints: dict[str, Any] | None = None) -> scrapy.Request | None:
        """The request for one discovered article link, at once (no frontier), or None
        when :meth:`discover_article` would not accept it."""
        accepted = self._accept_article(self.article_url(url), hints)
        return None if accepted is None else self._article_request(*accepted)

    def take_articles(self, limit: int | None = None) -> list[scrapy.Request]:
        """Requests for the next ``limit`` stories of the frontier (all by default), in
        the order they were discovered."""
        frontier = self._frontier or deque()
        count = len(frontier) if limit is None else min(limit, len(frontier))
        return [self._article_request(*frontier.popleft()) for _ in range(count)]

    def _accept_article(self, url: str, hints: dict[str, Any] | None) -> tuple[str, dict[str, Any]] | None:
        """(url, shared hints) of a story to fetch, or None when the link is not an
        article, the same story was already found in this run (its hints are merged
        into the pending story's), or the state store says it was delivered and is
        not due for a revisit."""
        stats = self.crawler.stats
        if not self.is_article_url(url):
            stats.inc_value("newswire/discovery/ignored_url")
            # A feed entry pointing off the wire (file:///etc/passwd, http://10.0.0.5/...):
            # not followed either way, but worth a count and a line.
            reason = refusal_reason(url, self.allowed_domains)
            if reason is not None:
                stats.inc_value(f"newswire/refused/{reason}")
                logger.warning("Refused link (%s): %s", reason, url)
            return None
        if len(url) > self._url_limit:
            # Scrapy's UrlLengthMiddleware would drop it, but requests from the frontier
            # reach the scheduler without passing the spider middlewares.
            stats.inc_value("newswire/discovery/url_too_long")
            logger.warning("Article URL longer than URLLENGTH_LIMIT (%d), not fetched: %s...", self._url_limit, url[:200])
            return None
        key = self.story_key(url)
        if key in self._stories:
            known = self._stories[key]
            for field, value in (hints or {}).items():
                known.setdefault(field, value)
            known.setdefault("_urls", []).append(url)
            stats.inc_value("newswire/discovery/same_story_again")
            return None
        shared = {**(hints or {}), "_urls": [url]}
        self._stories[key] = shared
        if self.policy is not None:
            decision = self.policy.decide(self.policy.story_id(self.name, self.parser.native_id(url), url), url)
            stats.inc_value(f"newswire/incremental/{decision}")
            if decision.startswith("skip"):
                return None
        stats.inc_value("newswire/discovery/article_url")
        return url, shared

    def _article_request(self, url: str, shared: dict[str, Any]) -> scrapy.Request:
        # The hints dict is shared with the story's entry in _stories, so hints found
        # after the story was accepted (a feed date for a listing link) reach its item.
        # dont_filter: the spider already requests each story once (by story key, which
        # also joins two URLs of one story that URL fingerprints tell apart), so
        # Scrapy's duplicate filter would only add its SHA-1 of the canonical URL
        # (~35 us) and a fingerprint kept for the rest of the run. Off-wire URLs are
        # still refused (RefuseUnsafeRequests checks every request, this one included).
        return scrapy.Request(
            url,
            callback=self.parse_article,
            errback=self.on_error,
            cb_kwargs={"hints": shared},
            meta={"handle_httpstatus_list": ARTICLE_ERROR_STATUSES},
            dont_filter=True,
        )

    def _scheduler_empty(self) -> None:
        # Sent by the engine when it wants a request and the scheduler has none.
        engine = self.crawler.engine
        for request in self.take_articles(self.frontier_batch):
            engine.crawl(request)

    def _spider_idle(self) -> None:
        # A safety net: the scheduler_empty refills come first, so the crawl should
        # never go idle with stories still waiting.
        if self._frontier:
            self._scheduler_empty()
            raise DontCloseSpider

    def _frontier_closed(self, reason: str) -> None:
        # A run cut short (deadline, shutdown) leaves stories unfetched: the next run
        # finds them again, as nothing was recorded as delivered.
        if self._frontier:
            self.crawler.stats.set_value("newswire/frontier/left_unfetched", len(self._frontier))
            logger.warning("Run ended (%s) with %d discovered stories not fetched", reason, len(self._frontier))

    # -- the one parse path ------------------------------------------------------------

    async def parse_article(self, response: Response, hints: dict[str, Any] | None = None):
        """Page -> article item through ``newswire.extraction.stages.extract_response``
        (parse, clean, normalise, in one trip to an extraction worker,
        ``newswire.workers``); the pipelines then drop non-articles, validate and
        deduplicate. Notes on the page and fixes made are counted
        (``newswire/page/<note>``, ``newswire/fix/<name>``)."""
        content_type = (response.headers.get("Content-Type") or b"").decode("latin-1")
        # Not hasattr(response, "text"): that decodes the whole page (~40 us for 66 KB)
        # only to throw the text away; the worker decodes the bytes itself.
        body = response.body if isinstance(response, TextResponse) else b""
        known = fields_of(Article(wire=self.name, url=strip_secrets(response.url), crawled_at=utc_now_iso(),
                                  http_status=response.status, hints=hints or {}))
        fields, notes, fixes = await self.workers.run(extract_response, body, content_type, response.url,
                                                      response.status, self.name, known)
        stats = self.crawler.stats
        for note in notes:
            stats.inc_value(f"newswire/page/{note}")
            logger.info("Page note %s: %s", note, response.url)
        for fix in fixes:
            stats.inc_value(f"newswire/fix/{fix}")
        yield Article(**fields)

    @staticmethod
    async def close_browser_page(meta: dict[str, Any]) -> None:
        """Close the browser tab a response or a failed request kept (``browser_meta``)."""
        page = meta.pop("playwright_page", None)
        if page is not None and not page.is_closed():
            await page.close()

    def on_error(self, failure: Failure):
        """A request that failed below HTTP (timeout, reset, truncated body): counted
        and logged; the run goes on."""
        request = getattr(failure, "request", None)
        if request is not None and request.meta.get("playwright_page") is not None:
            asyncio.ensure_future(self.close_browser_page(request.meta))
        if failure.check(RefusedRequest):
            return  # counted (newswire/refused/<reason>) and logged by newswire.middlewares
        kind = failure.type.__name__ if failure.type else "Unknown"
        self.crawler.stats.inc_value(f"newswire/error/download/{kind}")
        if self.policy is not None and request is not None and request.callback == self.parse_article:
            self.policy.mark_dead(request.url, "failed")
        logger.warning("Download failed (%s: %s): %s", kind, str(failure.value)[:200] or "-",
                       failure.request.url if hasattr(failure, "request") else failure)
