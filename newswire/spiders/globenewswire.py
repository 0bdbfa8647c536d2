from newswire.bases import FeedMixin, ListingMixin, SitemapMixin, WireSpider


class GlobenewswireSpider(FeedMixin, SitemapMixin, ListingMixin, WireSpider):
    """GlobeNewswire: the per-language news sitemap indexes on sitemaps.globenewswire.com
    (titles, dates and stock tickers for every release since 2023), the RSS and Atom
    feeds (tickers as categories), and the paged newsroom, whose pages past the end
    repeat the last one. Organisation search pages linked from each item are not releases."""

    name = "globenewswire"
    allowed_domains = ["globenewswire.com"]
    feeds = [
        "https://www.globenewswire.com/RssFeed/subjectcode/72-Press+Releases/feedTitle/GlobeNewswire+-+Press+Releases",
        "https://www.globenewswire.com/RssFeed/orgclass/1/feedTitle/GlobeNewswire+-+News+about+Public+Companies",
        "https://www.globenewswire.com/Atom/search/aW5kdXN0cnk9dGVjaG5vbG9neQ",
    ]
    sitemaps = [
        "https://sitemaps.globenewswire.com/news-en.xml",
        "https://sitemaps.globenewswire.com/news-fr.xml",
    ]
    listings = ["https://www.globenewswire.com/NewsRoom?page=1&pageSize=10"]
    article_patterns = [
        # /news-release/2024/12/05/2992083/0/en/Zscaler-Finds-Over-87-of-Cyberthreats-....html
        r"^https?://(www\.)?globenewswire\.com/([a-z]{2}/)?news-release/\d{4}/\d\d/\d\d/\d+/\d+/[a-z]{2}/",
    ]
