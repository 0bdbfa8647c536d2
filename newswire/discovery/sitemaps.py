"""Sitemaps and Google News sitemaps, read as the wires really serve them.

Scrapy's own sitemap reader keeps only the direct children of ``<url>``, so a Google
News entry's ``<news:publication_date>``, ``<news:title>``, ``<news:keywords>`` and
``<news:stock_tickers>`` (inside ``<news:news>``) are lost — and with them the only
date many news sitemaps give. This reader keeps them, and copes with what wires
serve: ``.xml.gz`` files (gzip detected by its magic number, since servers also send
them already decompressed with ``Content-Encoding: gzip``), a corrupt gzip, a UTF-8
BOM, stray control characters (libxml2 recover mode), an ``encoding="iso-8859-1"``
declaration, the same URL or child sitemap listed twice.
"""

from __future__ import annotations

import gzip
import re
import zlib
from dataclasses import dataclass, field
from urllib.parse import urljoin

from lxml import etree

#: Decompressed size cap: a sitemap holds at most 50,000 URLs / 50 MB by the protocol.
MAX_SITEMAP_BYTES = 60 * 1024 * 1024
_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")


@dataclass
class SitemapEntry:
    loc: str
    lastmod: str | None = None
    news_title: str | None = None
    news_published: str | None = None
    keywords: list[str] = field(default_factory=list)
    tickers: list[str] = field(default_factory=list)
    language: str | None = None
    publication: str | None = None


@dataclass
class Sitemap:
    kind: str | None
    """``urlset``, ``sitemapindex``, or None when the document is neither."""
    entries: list[SitemapEntry]
    problems: list[str]
    """What was wrong and worked around: ``corrupt_gzip``, ``too_large``, ``recovered_xml``, ``not_a_sitemap``."""


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _text(element) -> str | None:
    value = (element.text or "").strip()
    return value or None


def decompress(body: bytes, problems: list[str]) -> bytes:
    """Gunzip when the body is gzip (whatever its name or headers say)."""
    if body[:2] != b"\x1f\x8b":
        return body
    try:
        with gzip.GzipFile(fileobj=__import__("io").BytesIO(body)) as handle:
            data = handle.read(MAX_SITEMAP_BYTES + 1)
    except (OSError, EOFError, zlib.error):
        problems.append("corrupt_gzip")
        return b""
    if len(data) > MAX_SITEMAP_BYTES:
        problems.append("too_large")
        return b""
    return data


def parse_sitemap(body: bytes, base_url: str = "") -> Sitemap:
    """Entries of a sitemap or sitemap index; never raises on bad input."""
    problems: list[str] = []
    data = decompress(body or b"", problems)
    data = data.lstrip(b"\xef\xbb\xbf\r\n\t ")
    if not data:
        return Sitemap(None, [], problems or ["empty"])
    cleaned = _CONTROL.sub(b"", data)
    if cleaned != data:
        problems.append("control_characters")
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, remove_comments=True)
    try:
        root = etree.fromstring(cleaned, parser=parser)
    except etree.XMLSyntaxError:
        root = None
    if root is None:
        return Sitemap(None, [], [*problems, "not_xml"])
    if parser.error_log:
        problems.append("recovered_xml")
    kind = _local(root.tag)
    if kind not in ("urlset", "sitemapindex"):
        return Sitemap(None, [], [*problems, "not_a_sitemap"])
    entries: dict[str, SitemapEntry] = {}
    for node in root:
        if _local(node.tag) not in ("url", "sitemap"):
            continue
        entry = _entry(node, base_url)
        if entry and entry.loc not in entries:  # the same URL listed twice counts once
            entries[entry.loc] = entry
    return Sitemap(kind, list(entries.values()), problems)


def _entry(node, base_url: str) -> SitemapEntry | None:
    entry = SitemapEntry(loc="")
    for child in node:
        name = _local(child.tag)
        if name == "loc" and _text(child):
            entry.loc = urljoin(base_url, _text(child))
        elif name == "lastmod":
            entry.lastmod = _text(child)
        elif name == "news":
            for item in child.iter():
                sub = _local(item.tag)
                if sub == "title":
                    entry.news_title = _text(item)
                elif sub == "publication_date":
                    entry.news_published = _text(item)
                elif sub == "keywords" and _text(item):
                    entry.keywords = [k.strip() for k in _text(item).split(",") if k.strip()]
                elif sub == "stock_tickers" and _text(item):
                    entry.tickers = [t.strip() for t in _text(item).split(",") if t.strip()]
                elif sub == "language":
                    entry.language = _text(item)
                elif sub == "name":
                    entry.publication = _text(item)
    return entry if entry.loc else None


def robots_sitemaps(body: bytes, base_url: str) -> list[str]:
    """``Sitemap:`` lines of a robots.txt (any case, relative URLs resolved)."""
    text = (body or b"").decode("utf-8", "replace")
    found = []
    for line in text.splitlines():
        key, _, value = line.partition(":")
        if key.strip().lower() == "sitemap" and value.strip():
            found.append(urljoin(base_url, value.strip()))
    return list(dict.fromkeys(found))
