from datetime import timedelta
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from newswire.bases import FeedMixin, ListingMixin, SitemapMixin, WireSpider
from newswire.settings import PLAYWRIGHT_SETTINGS
from newswire.state.crawl import now_of

SITEMAP_HOST = "bw-prod-sitemap.s3.us-east-1.amazonaws.com"


class BusinesswireSpider(FeedMixin, SitemapMixin, ListingMixin, WireSpider):
    """Business Wire: the RSS feeds (opaque ``?rss=`` tokens) and the daily gzipped
    sitemaps on the S3 host for the last week, without a browser; the newsroom, whose
    list only JavaScript builds from an inline JSON blob, through the browser (it also
    reaches releases older than the sitemaps read). ``www.businesswire.com/sitemap.xml``
    times out and is not used. Akamai answers 403 and 429 above ~3 concurrent requests."""

    name = "businesswire"
    allowed_domains = ["businesswire.com", SITEMAP_HOST]
    custom_settings = {**PLAYWRIGHT_SETTINGS, "CONCURRENT_REQUESTS_PER_DOMAIN": 3}
    feeds = [
        "https://feed.businesswire.com/rss/home/?rss=G1QFDERJXkJeEFpRWg==",
        "https://feed.businesswire.com/rss/home/?rss=G1QFDERJXkJeEF9YXA==",
    ]
    daily_sitemap = f"https://{SITEMAP_HOST}/webdmz1.vaprod.businesswire.com/home/{{day}}.xml.gz"
    sitemap_days = 7
    listings = ["https://www.businesswire.com/newsroom?language=en&page=1"]
    listing_needs_browser = True
    # Two newsroom pages rendered at once (?page=N): a first run walks hundreds of them,
    # and one of the three requests Akamai tolerates stays free for releases.
    listing_walkers = 2
    listing_page_parameter = "page"
    article_patterns = [
        # /news/home/20190308005002/en/GigCapital-Confirms-..., and without slug /news/home/20241031980322/en/
        r"^https?://(www\.)?businesswire\.com/news/home/\d{14}/[a-z]{2}(/|$)",
    ]

    @property
    def sitemaps(self):
        """One sitemap per Eastern day, today's first (``.../home/2026-11-27.xml.gz``)."""
        today = now_of(self.crawler.settings).astimezone(ZoneInfo("America/New_York")).date()
        return [self.daily_sitemap.format(day=today - timedelta(days=n)) for n in range(self.sitemap_days)]

    def article_url(self, url):
        # Feed links carry a tracking token (".../en/Slug/?feedref=JjAwJuNHiystnCoBq_hl-..."):
        # fetched without it.
        return urlsplit(url)._replace(query="", fragment="").geturl()
