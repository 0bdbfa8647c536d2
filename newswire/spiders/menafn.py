from newswire.bases import FeedMixin, ListingMixin, WireSpider


class MenafnSpider(FeedMixin, ListingMixin, WireSpider):
    """MENAFN: section RSS feeds for the newest stories, section listings for the rest."""

    name = "menafn"
    allowed_domains = ["menafn.com"]
    feeds = [
        "https://menafn.com/rss/menafn_Business.xml",
        "https://menafn.com/rss/menafn_Technology.xml",
        "https://menafn.com/rss/menafn_Politics.xml",
        "https://menafn.com/rss/menafn_Arabic.xml",
        "https://menafn.com/rss/menafn_Sports.xml",
    ]
    listings = [
        "https://menafn.com/section/business",
        "https://menafn.com/section/technology",
        "https://menafn.com/section/politics",
        "https://menafn.com/section/arabic",
    ]
    article_patterns = [
        r"^https?://(www\.)?menafn\.com/\d{10}/",  # /1109925453/Putin-Expresses-Gratitude-...
        r"^https?://(www\.)?menafn\.com/arabic/\d{10}/",
        r"^https?://(www\.)?menafn\.com/qn_news_story_s\.aspx\?.*storyid=\d+",  # legacy ASP.NET form
    ]

