"""Spider bases. A wire spider is a small declarative class composed from these:

* :class:`~newswire.bases.article.WireSpider` — the article side every wire shares:
  URL rules, native ids, one parse path from page to item, the run id used in feed
  names, error accounting.
* :class:`~newswire.bases.feed.FeedMixin` — discovery from RSS/Atom feeds.
* :class:`~newswire.bases.listing.ListingMixin` — discovery from paginated listing pages.
* :class:`~newswire.bases.sitemap.SitemapMixin` — discovery from (news) sitemaps and robots.txt.

Every spider takes a date window, ``-a since=2026-11-20`` or ``-a days=2``: discovery
entries dated before it are skipped before any article is fetched.
"""

from newswire.bases.article import WireSpider
from newswire.bases.feed import FeedMixin
from newswire.bases.listing import ListingMixin
from newswire.bases.sitemap import SitemapMixin

__all__ = ["WireSpider", "FeedMixin", "ListingMixin", "SitemapMixin"]
