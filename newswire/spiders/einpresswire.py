from newswire.bases import FeedMixin, ListingMixin, WireSpider
from newswire.extraction.urls import canonicalize_url


class EinpresswireSpider(FeedMixin, ListingMixin, WireSpider):
    """EIN Presswire: its RSS feeds for the newest releases, EIN News topic listings
    (``»`` pagination) for the rest. A release is one story on every host that carries
    it (``/article/<id>/`` on einpresswire.com, ``/pr_news/<id>/`` on einnews.com and
    its topic sites); EIN News teasers (``/article_detail/``) are not releases."""

    name = "einpresswire"
    allowed_domains = ["einpresswire.com", "einnews.com"]
    feeds = [
        "https://www.einpresswire.com/rss",
        "https://www.einpresswire.com/rss/technology",
        "https://www.einpresswire.com/rss/business-economy",
        "https://www.einpresswire.com/rss/real-estate",
        "https://www.einpresswire.com/rss/financial-news",
    ]
    listings = [
        "https://www.einnews.com/news/technology-press-releases",
        "https://www.einnews.com/news/business-press-releases",
        "https://realestate.einnews.com/news/real-estate-press-releases",
        "https://world.einnews.com/news/world-press-releases",
    ]
    next_page_xpath = '//ul[contains(@class, "pagination")]//a[normalize-space()="»"]/@href'
    article_patterns = [
        r"^https?://(www\.)?einpresswire\.com/article/\d{6,12}/",  # /article/897023252/yuno-partners-with-...
        r"^https?://([\w-]+\.)?einnews\.com/pr_news/\d{6,12}/",  # www., realestate., world. ...
    ]

    def article_url(self, url):
        # Listing links carry tracking parameters ("...?ref=world&pg=2"): fetched without them.
        return canonicalize_url(url)
