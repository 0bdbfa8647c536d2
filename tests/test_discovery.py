"""Sitemap, robots.txt and feed discovery: plain readers and the spider mixins."""

import gzip

import pytest
from scrapy.http import Request, TextResponse, XmlResponse
from scrapy.utils.test import get_crawler

from newswire.bases import FeedMixin, SitemapMixin, WireSpider
from newswire.discovery.sitemaps import parse_sitemap, robots_sitemaps

NEWS_SITEMAP = """\ufeff<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://wire.test/news/2026/11/26/1001/Acme.html</loc>
<news:news><news:publication><news:name>Wire</news:name><news:language>en</news:language></news:publication>
<news:publication_date>2026-11-26T13:05:00-05:00</news:publication_date><news:title>Acme \x01reports</news:title>
<news:keywords>Earnings, Tech</news:keywords><news:stock_tickers>NYSE:ACM, NASDAQ:ACMX</news:stock_tickers></news:news></url>
<url><loc>https://wire.test/news/2026/11/26/1001/Acme.html</loc></url>
<url><loc>https://wire.test/news/2026/11/10/0900/Old.html</loc><lastmod>2026-11-10T08:00:00Z</lastmod></url>
</urlset>""".encode("utf-8")
INDEX = b"""<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://wire.test/sitemap-2026-11.xml.gz</loc><lastmod>2026-11-26</lastmod></sitemap>
<sitemap><loc>https://wire.test/sitemap-2026-10.xml.gz</loc><lastmod>2026-10-31</lastmod></sitemap>
<sitemap><loc>https://wire.test/sitemap-2026-11.xml.gz</loc></sitemap></sitemapindex>"""


def test_news_fields_bom_control_characters_and_repeats():
    sitemap = parse_sitemap(NEWS_SITEMAP)
    assert sitemap.kind == "urlset" and "control_characters" in sitemap.problems
    first = sitemap.entries[0]
    assert len(sitemap.entries) == 2  # the URL listed twice counts once
    assert (first.news_title, first.news_published) == ("Acme reports", "2026-11-26T13:05:00-05:00")
    assert first.keywords == ["Earnings", "Tech"] and first.tickers == ["NYSE:ACM", "NASDAQ:ACMX"]


def test_gzip_by_magic_number_and_corrupt_gzip():
    assert parse_sitemap(gzip.compress(NEWS_SITEMAP)).entries[0].tickers == ["NYSE:ACM", "NASDAQ:ACMX"]
    assert parse_sitemap(gzip.compress(NEWS_SITEMAP)[:40]).problems == ["corrupt_gzip"]


@pytest.mark.parametrize("body", [b"", b"<html><body>Not found</body></html>", b"not xml at all <<<"])
def test_junk_is_not_a_sitemap(body):
    assert parse_sitemap(body).entries == []


def test_robots_sitemap_lines():
    body = b"User-agent: *\nDisallow: /search\nsitemap: /sitemap-news.xml\nSitemap: https://s3.wire.test/daily.xml.gz\n"
    assert robots_sitemaps(body, "https://wire.test/robots.txt") == [
        "https://wire.test/sitemap-news.xml", "https://s3.wire.test/daily.xml.gz"]


class WireTestSpider(SitemapMixin, FeedMixin, WireSpider):
    name = "wiretest"
    article_patterns = [r"^https://wire\.test/news/"]
    sitemap_follow = [r"sitemap-\d{4}-\d\d"]


def spider_with(**kwargs):
    crawler = get_crawler(WireTestSpider, settings_dict={"NEWSWIRE_STATE": "off", "NEWSWIRE_NOW": "2026-11-27T12:00:00Z"})
    crawler.stats.open_spider()
    spider = WireTestSpider.from_crawler(crawler, **kwargs)
    spider._open_window()
    return spider, crawler


def test_date_window_skips_old_entries_before_fetching():
    spider, crawler = spider_with(days="2")
    response = XmlResponse("https://wire.test/sitemap-news.xml", body=NEWS_SITEMAP)
    assert list(spider.parse_sitemap(response)) == []  # articles wait in the frontier
    requests = spider.take_articles()
    assert [r.url for r in requests] == ["https://wire.test/news/2026/11/26/1001/Acme.html"]
    assert requests[0].cb_kwargs["hints"]["tickers"] == ["NYSE:ACM", "NASDAQ:ACMX"]
    assert crawler.stats.get_value("newswire/window/skipped") == 1


def test_index_follows_children_in_window_once():
    spider, _ = spider_with(since="2026-11-20")
    requests = list(spider.parse_sitemap(XmlResponse("https://wire.test/sitemap.xml", body=INDEX)))
    assert [r.url for r in requests] == ["https://wire.test/sitemap-2026-11.xml.gz"]


def test_robots_txt_leads_to_its_sitemaps():
    spider, _ = spider_with()
    body = b"User-agent: *\nSitemap: /sitemap-2026-11.xml.gz\nSitemap: /other.xml\n"
    requests = list(spider.parse_sitemap(TextResponse("https://wire.test/robots.txt", body=body)))
    assert [r.url for r in requests] == ["https://wire.test/sitemap-2026-11.xml.gz"]


def test_malformed_and_empty_feeds_are_counted():
    spider, crawler = spider_with()
    rss = b"<rss><channel><item><title>A &nbsp; B</title><link>https://wire.test/news/1</link>"  # truncated
    list(spider.parse_feed(XmlResponse("https://wire.test/rss", body=rss, request=Request("https://wire.test/rss"))))
    empty = b'<?xml version="1.0"?><rss version="2.0"><channel><title>Empty</title></channel></rss>'
    list(spider.parse_feed(XmlResponse("https://wire.test/rss2", body=empty, request=Request("https://wire.test/rss2"))))
    assert crawler.stats.get_value("newswire/feed/malformed") == 1
    assert crawler.stats.get_value("newswire/feed/empty") == 1
