"""The article record: the one schema every wire's feed is written in.

Each line of a feed file (``output/<wire>/<run timestamp>.jsonl``) is one
:class:`Article` with the fields listed in :data:`EXPORT_FIELDS`, in that order.
Dates are ISO 8601 in UTC ending in ``Z`` (``2025-08-13T06:12:00Z``); the value
the page or feed actually carried is kept next to them in ``*_raw``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from types import MappingProxyType
from typing import Any

from itemadapter import ItemAdapter
from itemadapter.adapter import DataclassAdapter

#: Bumped whenever a field is added, removed or changes meaning.
SCHEMA_VERSION = 2


@dataclass
class Article:
    """One news story as published by one wire."""

    id: str | None = None
    """Stable story id, ``<wire>:<native id>`` when the URL carries one
    (``menafn:1109925453``), else ``<wire>:url:<sha1 of the canonical URL>``."""

    wire: str | None = None
    """Wire id the story was crawled from (``menafn``); equals the spider name."""

    url: str | None = None
    """URL the page was fetched from, after redirects (a real wire URL, never a mirror)."""

    canonical_url: str | None = None
    """The story's one canonical URL (``https://menafn.com/1109925453/Putin-Expresses-...``):
    https, no ``www``, no tracking parameters or fragment."""

    title: str | None = None
    """Headline, as plain text."""

    summary: str | None = None
    """Lead or description the publisher gives for the story, or null."""

    body: str | None = None
    """Clean article text: paragraphs separated by one blank line, without the headline,
    byline, source marker, tracking codes, disclaimers, related links or comments."""

    authors: list[str] = field(default_factory=list)
    """People the page credits as authors (``["Jane Doe"]``); empty when it credits none.
    A mailbox such as ``marketing@menafn.com (MENAFN)`` is not an author."""

    source: str | None = None
    """Who issued the story: the company behind a press release (PR Newswire,
    GlobeNewswire, Business Wire, EIN Presswire: ``Workday Inc.``), the provider a
    re-publisher names (MENAFN's ``(MENAFN- Business Wire)`` -> ``Business Wire``), else the
    wire itself (``MENAFN``, ``AP``)."""

    dateline: str | None = None
    """Place (and date) line the story opens with (``KHANKENDI, Azerbaijan, July 4``), or null."""

    published_at: str | None = None
    """First publication, UTC ISO 8601 (``2025-08-13T06:12:00Z``), or null when unknown."""

    published_at_raw: str | None = None
    """The publication date exactly as found (``2025-08-13T09:12:00+03:00``), or null."""

    modified_at: str | None = None
    """Last modification, UTC ISO 8601, or null when the page gives none."""

    modified_at_raw: str | None = None
    """The modification date exactly as found, or null."""

    language: str | None = None
    """ISO 639-1 code of the text (``en``, ``ar``): the page's declaration when the text
    agrees with it, else the language detected from the text."""

    tags: list[str] = field(default_factory=list)
    """Keywords / sections the publisher attached, de-duplicated, in page order."""

    tickers: list[str] = field(default_factory=list)
    """Stock tickers the wire attached (``["NYSE:XYZ", "NASDAQ:ABC"]``), from the page or
    the wire's sitemap/feed; empty when none."""

    original_url: str | None = None
    """URL of the original release when the page names one ("View original content ...",
    "View source version on businesswire.com: <url>"); that line is removed from the body."""

    word_count: int | None = None
    """Number of whitespace-separated words in ``body``."""

    content_hash: str | None = None
    """``sha1:<hex>`` of the normalised body (case-folded, punctuation and whitespace
    collapsed): equal for the same text whatever its formatting."""

    version: int = 1
    """1 for the first delivery of a story; 2, 3, ... when a later run found its title or
    body changed and delivered it again (``modified_at`` then says when)."""

    duplicate_of: str | None = None
    """Id of the story this one is a copy of (a syndicated release on another wire), set
    only when duplicates are delivered (``NEWSWIRE_EMIT_DUPLICATES``); else null."""

    crawled_at: str | None = None
    """When the page was fetched, UTC ISO 8601."""

    parser: str | None = None
    """Which parser produced the fields (``menafn/v1``, ``generic``)."""

    schema_version: int = SCHEMA_VERSION
    """Version of this schema the record follows."""

    # Internal fields: filled by the spider for the pipelines, never exported.
    page_type: str | None = None
    """Internal: ``article``, ``listing``, ``error``, ``block`` or ``other`` (structural)."""

    http_status: int | None = None
    """Internal: HTTP status of the response the page came from."""

    hints: dict[str, Any] = field(default_factory=dict)
    """Internal: what discovery knew of the story (feed title, feed date, feed author)."""

    methods: dict[str, str] = field(default_factory=dict)
    """Internal: which extraction method produced each field (``{"title": "jsonld"}``)."""

    date_candidates: list[tuple[str, str]] = field(default_factory=list)
    """Internal: publication dates found on the page, best first, as ``(raw, method)``."""

    signature: bytes | None = None
    """Internal: MinHash signature of the body (64 little-endian uint32, see
    ``newswire.state.neardup``) for the syndication check; None for bodies too short
    to compare."""


#: Every field of :class:`Article`.
FIELD_NAMES = frozenset(f.name for f in fields(Article))

INTERNAL_FIELDS = ("page_type", "http_status", "hints", "methods", "date_candidates", "signature")

#: The fields written to feeds, in this order (settings.FEED_EXPORT_FIELDS).
EXPORT_FIELDS = [f.name for f in fields(Article) if f.name not in INTERNAL_FIELDS]


class ArticleAdapter(DataclassAdapter):
    """itemadapter's dataclass adapter for :class:`Article`, with its field table built once.

    ``ItemAdapter(item)`` asks each registered adapter class whether it takes the item,
    and itemadapter's ``DataclassAdapter`` then builds a ``{name: Field}`` table from
    ``dataclasses.fields()`` for every adapter it makes: ~8.5 µs for Article's 31
    fields, and a record meets an adapter in each pipeline, in Spidermon and in the
    drop log. Registered first, this one answers for Article alone (a subclass goes
    to ``DataclassAdapter``) and shares one table (~0.8 µs); it reads and writes the
    same fields the same way.
    """

    def __init__(self, item: Any) -> None:
        self.item = item
        self._fields_dict = _ARTICLE_FIELDS

    @classmethod
    def is_item(cls, item: Any) -> bool:
        return type(item) is Article

    @classmethod
    def is_item_class(cls, item_class: type) -> bool:
        return item_class is Article


_ARTICLE_FIELDS = MappingProxyType({f.name: f for f in fields(Article)})
ItemAdapter.ADAPTER_CLASSES.appendleft(ArticleAdapter)
