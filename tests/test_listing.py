"""Listing walks (newswire.bases.listing): one walker following "next" links, or several
reading numbered pages at once."""

from __future__ import annotations

import pytest
import pytest_twisted
from scrapy.http import HtmlResponse, Request

from newswire.bases import ListingMixin, WireSpider
from tests.conftest import collected, offline_spider

SECTION = "https://wire.example/news?lang=en&page=1"


class NumberedSpider(ListingMixin, WireSpider):
    name = "numbered"
    allowed_domains = ["wire.example"]
    listings = [SECTION]
    article_patterns = [r"^https://wire\.example/story/\d+$"]


def page(number: int, stories: range, last: int = 9) -> HtmlResponse:
    links = "".join(f'<a href="/story/{n}">Story {n}</a>' for n in stories)
    more = f'<a rel="next" href="/news?lang=en&page={number + 1}">Next</a>' if number < last else ""
    url = f"https://wire.example/news?lang=en&page={number}"
    return HtmlResponse(url, body=f"<html><body>{links}{more}</body></html>".encode(), encoding="utf-8",
                        request=Request(url))


async def walk(spider, response, depth) -> list[tuple[str, int]]:
    """(page number, depth) of the listing requests a listing page yields."""

    requests = await collected(spider.parse_listing(response, depth=depth))
    return [(r.url.rsplit("page=", 1)[1], r.cb_kwargs["depth"]) for r in requests if r.callback == spider.parse_listing]


@pytest.fixture
def spider():
    return offline_spider(NumberedSpider)


@pytest_twisted.ensureDeferred
async def test_one_walker_follows_the_next_link(spider):
    assert await walk(spider, page(1, range(0, 10)), 1) == [("2", 2)]
    assert spider.crawler.stats.get_value("newswire/discovery/article_url") == 10


@pytest_twisted.ensureDeferred
async def test_two_walkers_read_alternate_pages_and_page_one_starts_the_second(spider):
    spider.listing_walkers, spider.listing_page_parameter = 2, "page"
    assert await walk(spider, page(1, range(0, 10)), 1) == [("3", 3), ("2", 2)]
    assert await walk(spider, page(2, range(10, 20)), 2) == [("4", 4)]
    assert await walk(spider, page(3, range(20, 30)), 3) == [("5", 5)]
    # Page 4 repeats stories already listed: that walker stops, and so does the other at page 5.
    assert await walk(spider, page(4, range(20, 30)), 4) == []
    assert await walk(spider, page(5, range(0, 5)), 5) == []
    assert spider.crawler.stats.get_value("newswire/listing/stop_nothing_new") == 2


@pytest_twisted.ensureDeferred
async def test_walkers_stop_at_the_last_page_and_at_max_listing_pages(spider):
    spider.listing_walkers, spider.listing_page_parameter, spider.max_listing_pages = 3, "page", 4
    assert await walk(spider, page(1, range(0, 10)), 1) == [("4", 4), ("2", 2), ("3", 3)]
    assert await walk(spider, page(2, range(10, 20)), 2) == []  # 5 is past max_listing_pages
    assert spider.crawler.stats.get_value("newswire/listing/stop_max_pages") == 1
    assert await walk(spider, page(4, range(30, 40), last=4), 4) == []  # no next link


@pytest.mark.parametrize("base_tag", ["", '<base href="https://cdn.wire.example/a/b/">'])
def test_listing_links_resolve_as_urljoin_does(base_tag):
    # Links from the root are joined once per host and path (a cache), the rest
    # against the page's base URL; both give what urljoin gives on the base URL.
    from urllib.parse import urljoin

    from scrapy.utils.response import get_base_url

    from newswire.bases.listing import _links

    hrefs = ["/story/1", " /story/1 ", "/a/./b/../story/2?x=1#top", "//other.example/story/3", "story/4",
             "../story/5", "?page=2", "#top", "https://wire.example/story/6", "", "/"]
    body = f"<html><head>{base_tag}</head><body>" + "".join(f'<a href="{h}">x</a>' for h in hrefs) + "</body></html>"
    for url in ("https://wire.example/news/list?page=1", "http://www.wire.example/"):
        response = HtmlResponse(url, body=body.encode(), encoding="utf-8")
        base = get_base_url(response)
        expected = [urljoin(base, h) for h in dict.fromkeys(h.strip() for h in hrefs)]
        assert list(_links(response)) == expected


def test_a_parsed_listing_page_is_read_without_writing_it_out():
    # A Selector's truth value is its document serialised (Selector.get()): the links
    # of a page already parsed are read from its tree, never from a copy written out.
    import scrapy

    from newswire.bases.listing import _links, _page

    class Unwritable(scrapy.Selector):
        def get(self):
            raise AssertionError("the listing page was serialised")

    body = b'<html><body><a href="/story/1">one</a><a href="story/2">two</a></body></html>'
    response = HtmlResponse("https://wire.example/news/", body=body, encoding="utf-8")
    parsed = _page(response)
    page = Unwritable(root=parsed.root, type="html")
    assert list(_links(response, page)) == ["https://wire.example/story/1", "https://wire.example/news/story/2"]


@pytest_twisted.ensureDeferred
async def test_a_read_listing_page_is_freed_at_once(spider):
    """Nothing the listing code makes points back at the page (``response.xpath()``
    would: its cached Selector keeps the response), so the page and its parsed tree go
    as soon as the crawl drops the response, without waiting for the cyclic garbage
    collector, which a crawl runs rarely."""
    import gc
    import weakref

    response = page(1, range(0, 10))
    gc.disable()
    try:
        assert await walk(spider, response, 1) == [("2", 2)]
        gone = weakref.ref(response)
        del response
        assert gone() is None
    finally:
        gc.enable()


@pytest_twisted.ensureDeferred
async def test_listing_cut_elements_are_not_read(spider):
    """``listing_cut``: the named elements (menus) are cut before the page is parsed;
    story links and pagination outside them are read as before."""
    spider.listing_cut = ("header", "footer")
    url = "https://wire.example/news?lang=en&page=1"
    body = ('<html><body><header><nav><a href="/story/900">Menu story</a><a href="/topics/">Topics</a></nav></header>'
            '<main><a href="/story/1">One</a><a href="/story/2">Two</a>'
            '<nav><a rel="next" href="/news?lang=en&page=2">Next</a></nav></main>'
            '<footer><a href="/story/901">Footer story</a></footer></body></html>')
    response = HtmlResponse(url, body=body.encode(), encoding="utf-8", request=Request(url))
    assert await walk(spider, response, 1) == [("2", 2)]
    assert [u for u, _ in spider._frontier] == ["https://wire.example/story/1", "https://wire.example/story/2"]


def test_prnewswire_listing_cut_keeps_every_release_and_the_next_page():
    """On the mirror's PR Newswire list page (its header menus hold 414 of 462 links),
    the page read without header and footer lists the same releases and the same next page."""
    import re

    from newswire.bases.listing import _links, _page
    from newswire.mirror import build
    from newswire.spiders.prnewswire import PrnewswireSpider
    from tests.conftest import local

    url = "https://www.prnewswire.com/news-releases/news-releases-list/?page=2&pagesize=25"
    site = build(seed=3, articles=80, wires=["prnewswire"]).site_for("www.prnewswire.com")
    response = HtmlResponse(url, body=local(site, url).body, encoding="utf-8")
    pattern = re.compile(PrnewswireSpider.article_patterns[0])
    read = {}
    for cut in ((), PrnewswireSpider.listing_cut):
        page = _page(response, cut)
        read[cut] = ([u for u in _links(response, page) if pattern.search(u)], page.xpath(PrnewswireSpider.next_page_xpath).get(),
                     len(list(_links(response, page))))
    full, cut = read[()], read[PrnewswireSpider.listing_cut]
    assert len(full[0]) == 25 and full[1]
    assert cut[:2] == full[:2]
    assert cut[2] < full[2] / 4  # the menus' links are gone
