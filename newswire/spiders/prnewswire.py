from newswire.bases import FeedMixin, ListingMixin, SitemapMixin, WireSpider


class PrnewswireSpider(FeedMixin, SitemapMixin, ListingMixin, WireSpider):
    """PR Newswire: the RSS feeds and the paged Google News sitemap for the newest
    releases, the monthly ``.xml.gz`` sitemaps (named in robots.txt) and the paged news
    list for the rest. Company newsrooms (``/news/<company>/``) and topic lists
    (``/news-releases/<topic>-latest-news/...``) linked from every card are not releases."""

    name = "prnewswire"
    allowed_domains = ["prnewswire.com"]
    feeds = [
        "https://www.prnewswire.com/rss/news-releases-list.rss",
        "https://www.prnewswire.com/rss/financial-services-latest-news.rss",
    ]
    # robots.txt names sitemap-news.xml (page 1) and the sitemap-gz.xml index of monthly
    # archives; the news sitemap's further pages (about 15, the last ones empty) are not indexed.
    sitemaps = [
        "https://www.prnewswire.com/robots.txt",
        *(f"https://www.prnewswire.com/sitemap-news.xml?page={n}" for n in range(2, 16)),
    ]
    listings = ["https://www.prnewswire.com/news-releases/news-releases-list/?page=1&pagesize=25"]
    next_page_xpath = '//ul[contains(@class, "pagination")]//a[@aria-label="Next"]/@href'
    # The header's topic menus (400 links) and the footer: no releases, no pagination.
    listing_cut = ("header", "footer")
    article_patterns = [
        # /news-releases/<slug>-302478038.html, and the regional editions /apac/news-releases/...
        r"^https?://(www\.)?prnewswire\.com/([a-z]{2,4}/)?news-releases/[a-z0-9-]+-\d{8,10}\.html",
    ]
