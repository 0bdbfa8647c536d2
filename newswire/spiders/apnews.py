from newswire.bases import SitemapMixin, WireSpider


class ApnewsSpider(SitemapMixin, WireSpider):
    """AP News: no official RSS, so the Google News sitemap (the last 48 hours, with
    titles and publication dates) and the monthly article sitemaps of the sitemap index.
    The index also lists hub and video sitemaps, which are not followed; hub, video and
    section URLs that turn up among the articles fail ``article_patterns``."""

    name = "apnews"
    allowed_domains = ["apnews.com"]
    sitemaps = [
        "https://apnews.com/news-sitemap-content.xml",
        "https://apnews.com/sitemap.xml",
    ]
    sitemap_follow = [r"/ap-sitemap-\d{6}\.xml"]  # ap-sitemap-202611.xml, ap-sitemap-202610.xml.gz
    article_patterns = [
        # /article/<slug>-<32 hex>, fact checks /article/fact-check-<slug>-<12 digits>, /sports/<slug>-<32 hex>
        r"^https?://(www\.)?apnews\.com/(article|sports)/[\w-]+-([0-9a-f]{32}|\d{12})/?$",
    ]
