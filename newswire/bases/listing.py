"""Discovery from paginated listing (section) pages."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from functools import lru_cache
from typing import ClassVar
from urllib.parse import urljoin, urlsplit

import scrapy
from lxml import etree
from scrapy.utils.response import get_base_url
from w3lib.url import add_or_replace_parameter

from newswire.extraction.structured import cut_elements

logger = logging.getLogger(__name__)

# Plain strings: lxml's default "smart" strings each build a proxy of their parent
# element (through lxml.html's Python class lookup), ~470 times a PR Newswire page.
_HREFS = etree.XPath("//a/@href", smart_strings=False)


def _page(response, cut: tuple[str, ...] = ()) -> scrapy.Selector:
    """The listing page parsed, as a Selector that does not point back at the response,
    without the elements named in ``cut`` (``ListingMixin.listing_cut``).

    ``response.xpath()`` caches its Selector on the response, and that Selector keeps
    the response: a reference cycle, so the page's bytes and its lxml tree wait
    for the cyclic garbage collector, which the crawl runs rarely
    (``NEWSWIRE_GC_THRESHOLD``). PR Newswire's 403 listing pages of 66 KB kept the
    crawl process's heap swinging between 40 and 125 MB; parsed this way each page is
    freed as soon as it has been read."""
    if cut:
        return scrapy.Selector(text=cut_elements(response.text, cut), type="html", base_url=response.url)
    return scrapy.Selector(body=response.body, encoding=response.encoding, type="html", base_url=response.url)


def _links(response, page: scrapy.Selector | None = None) -> Iterator[str]:
    """The absolute URL of every link on a listing page, each once: a listing links a
    story from its picture and its headline, and the navigation again in the footer
    (MENAFN: 65 links, 49 different; PR Newswire: 25 releases among 467 links, most of them menus)."""
    base = get_base_url(response)
    parts = urlsplit(base)
    origin = f"{parts.scheme}://{parts.netloc}/"
    # The lxml root's own XPath: attribute values as strings, without a Selector made
    # for each of the page's hundreds of links.
    # "page or ...": a Selector's truth is its serialised document (a whole listing page
    # written out as text, ~1.3 ms on PR Newswire's 66 KB), so None is tested for.
    root = (page if page is not None else _page(response)).root
    for href in dict.fromkeys(href.strip() for href in _HREFS(root)):
        if href.startswith("/") and not href.startswith("//"):
            # A path from the root ("/news-releases/...") resolves against the scheme and
            # host only (RFC 3986, 5.2.2): the same menu links on every page, joined once.
            yield _join_from_root(origin, href)
        else:
            yield urljoin(base, href)


@lru_cache(maxsize=4096)
def _join_from_root(origin: str, href: str) -> str:
    return urljoin(origin, href)


class ListingMixin:
    """Reads listing pages, queues the article links on them and follows pagination.

    Switches: ``listings`` — first pages of the sections
    (``https://menafn.com/section/business``); ``next_page_xpath`` — the "next" link;
    ``max_listing_pages`` — a hard stop per section; ``listing_walkers`` with
    ``listing_page_parameter`` — read that many pages of a section at once when its
    pages are numbered by a query parameter (``?page=7``).

    Pagination stops when there is no next link, at ``max_listing_pages``, when a page
    lists no story new to this run's listing pages (deep pages of some wires re-serve
    old items), or, in an incremental run, when every story on the page was delivered
    and published before the last complete run's start minus the revisit window
    (a run that crashed or was cut short does not count, so the next one walks on
    until it reaches what is really behind it). Stories first found in a feed still
    count as new here: page 1 of a section holds the same newest stories as its feed.
    """

    listings: ClassVar[list[str]] = []
    #: The listing is built by JavaScript: fetch it through the browser
    #: (the spider must also set ``custom_settings = PLAYWRIGHT_SETTINGS``).
    listing_needs_browser: ClassVar[bool] = False
    next_page_xpath: ClassVar[str] = '//a[@rel="next"]/@href'
    # A safety stop only: a first run of a large section walks hundreds of pages
    # (MENAFN: 10 stories a page), and "nothing new" ends the walk of re-served pages.
    max_listing_pages: ClassVar[int] = 1000
    listing_priority: ClassVar[int] = 20
    #: Elements cut from a listing page before it is parsed: furniture that holds
    #: neither story links nor pagination. PR Newswire's ``("header", "footer")``: the
    #: header's topic menus are 57 KB of a 74 KB list page and 414 of its 462 links
    #: (decoding, parsing and reading its links: 1.7 ms a page, 0.9 ms without them).
    listing_cut: ClassVar[tuple[str, ...]] = ()
    #: A browser walk renders this many pages in one tab, then opens a fresh one:
    #: Playwright keeps every request of a tab until it closes (a 1,000-page walk in
    #: one tab grew the crawl by 1 GB; a new tab per page costs a renderer process each).
    browser_tab_pages: ClassVar[int] = 50
    #: Pages of a section read at once. Walker ``i`` of ``n`` reads pages i, i + n,
    #: i + 2n... (a browser walker in a tab of its own), found by setting
    #: ``listing_page_parameter`` in the section's URL; page 1 starts the others. Each
    #: walker stops as a single walk does, so at most n - 1 pages are read past the end.
    #: One walker (the default) follows the "next" links instead.
    listing_walkers: ClassVar[int] = 1
    listing_page_parameter: ClassVar[str | None] = None

    def listing_requests(self):
        for url in self.listings:
            yield self._listing_request(url, 1)

    def _listing_request(self, url: str, depth: int, page=None) -> scrapy.Request:
        return scrapy.Request(
            url, callback=self.parse_listing, errback=self.on_error, priority=self.listing_priority,
            cb_kwargs={"depth": depth}, meta=self.browser_meta(page) if self.listing_needs_browser else {},
        )

    async def parse_listing(self, response, depth: int = 1):
        stats = self.crawler.stats
        stats.inc_value("newswire/listing/fetched")
        listed = getattr(self, "_listed_stories", None)
        if listed is None:
            listed = self._listed_stories = set()
        new = 0
        behind = 0
        policy = getattr(self, "policy", None)
        cutoff = policy.listing_cutoff(self.name) if policy is not None else None
        page = _page(response, self.listing_cut)
        for url in _links(response, page):
            if not self.is_article_url(url):
                continue
            key = self.story_key(url)
            request = self.discover_article(url, {})
            if key not in listed:
                listed.add(key)
                new += 1
                if cutoff is not None and policy.is_behind(policy.story_id(self.name, self.parser.native_id(url), url), cutoff):
                    behind += 1
            if request is not None:
                yield request
        next_href = page.xpath(self.next_page_xpath).get()
        del page
        walkers = self.listing_walkers if self.listing_page_parameter else 1
        if not new:
            stats.inc_value("newswire/listing/stop_nothing_new")
            logger.info("Listing page brought nothing new, stopping: %s", response.url)
        elif behind == new:
            stats.inc_value("newswire/listing/stop_behind_last_run")
            logger.info("Listing page holds only stories before the last complete run, stopping: %s", response.url)
        elif next_href and depth + walkers > self.max_listing_pages:
            stats.inc_value("newswire/listing/stop_max_pages")
            logger.warning("Listing walk stopped at max_listing_pages=%d: %s", self.max_listing_pages, response.url)
        elif next_href:
            # A browser walk goes on in the same tab (see WireSpider.browser_meta) for
            # browser_tab_pages pages of that walker.
            walked = (depth - 1) // walkers + 1
            tab = response.meta.pop("playwright_page", None) if walked % self.browser_tab_pages else None
            if walkers == 1:
                yield self._listing_request(response.urljoin(next_href), depth + 1, tab)
            else:
                yield self._listing_request(self.listing_page(response.url, depth + walkers), depth + walkers, tab)
                if depth == 1:
                    for number in range(2, min(walkers, self.max_listing_pages) + 1):
                        yield self._listing_request(self.listing_page(response.url, number), number)
        await self.close_browser_page(response.meta)

    def listing_page(self, url: str, number: int) -> str:
        """Page ``number`` of the section ``url`` is a page of
        (``/newsroom?language=en&page=1`` -> ``/newsroom?language=en&page=7``)."""
        return add_or_replace_parameter(url, self.listing_page_parameter, str(number))
