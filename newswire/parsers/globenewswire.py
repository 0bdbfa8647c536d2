"""GlobeNewswire (globenewswire.com): press releases, in two template generations.

* ``2023``: ``<div class="main-body-container article-body " id="main-body-container"
  itemprop="articleBody">`` (trailing space); the headline is ``h1.article-headline``,
  the *second* ``<h1>`` (the first, in the logo carousel, is empty); above the body
  "April 06, 2016 12:00 ET | Source: Segment" with the machine date in
  ``span.article-published > time[datetime="2016-04-06T16:00:00Z"]`` and the issuer in
  ``span.article-source``. Inside the body container, after the release: "Contact
  Information:" and a ``div.mw-contact`` block.
* ``legacy``: ``span.article-body[itemprop=articleBody]`` under the same headline, with
  the date and source as text in ``p.article-published-source``.

The issuer (the "Source:" organisation) is the record's ``source``; the JSON-LD and
``og:article:author`` name it as an author, but a release credits no author.
Dates: ``time[datetime]`` (UTC) first; the visible "August 08, 2024 14:25 ET" else.
``og:article:published_time`` ("4/6/2016 4:00:00 PM", US format in UTC, no zone) and
``DC.date.issued`` ("4/6/2016") are never used. Tickers: ``<meta name="ticker">``
("NASDAQ:ABCD, NYSE:XYZ"), else the sitemap's ``news:stock_tickers`` or the feed's
``<category domain=".../rss/stock">`` (hints).

Datelines: ``SAN FRANCISCO, Aug. 08, 2024 (GLOBE NEWSWIRE) -- ...`` with irregular
whitespace in real data (``HOUSTON, April  01, 2024  (GLOBE NEWSWIRE) --``), and on
releases migrated from Marketwired ``SAN FRANCISCO, CA--(Marketwired - April 06, 2016) -``.
"""

from __future__ import annotations

import re

from newswire.parsers.base import Parser
from newswire.parsers.press_release import container_text, finish_release, until_trailer

_CLASS = 'contains(concat(" ", normalize-space(@class), " "), " {} ")'
BODY_2023 = '//div[@id="main-body-container"]'
# Looked up first in libxml2's table of ids (~1 us, where the scan above tests every
# element: ~20 us); the scan runs when the id is missing or first names another element.
BODY_2023_BY_ID = 'id("main-body-container")[self::div]'
BODY_LEGACY = f'//span[{_CLASS.format("article-body")}]'
FURNITURE = (
    f'.//div[{_CLASS.format("mw-contact")}] | .//div[{_CLASS.format("mw_disclaimer")}] | .//img | .//script'
    f' | .//style | .//div[{_CLASS.format("main-images-container")}]'
    f' | .//div[{_CLASS.format("article-attachments")}]'
)
ID_IN_URL = re.compile(r"globenewswire\.com/(?:[a-z]{2}/)?news-release/\d{4}/\d\d/\d\d/(\d{5,9})/", re.I)
# "SAN FRANCISCO, Aug. 08, 2024 (GLOBE NEWSWIRE) --", "SAN FRANCISCO, CA--(Marketwired - April 06, 2016) -"
DATELINE = re.compile(
    r"^(?P<dateline>[A-ZÀ-Ý][^()\n]{0,120}?(?:\((?:GLOBE NEWSWIRE|GLOBENEWSWIRE)\)|--\(Marketwired\s*-\s*[^)]{4,30}\)))"
    r"\s*[-–—]+\s*"
)
# "Contact Information:" alone, or "Attachment" / "Attachments" headings over file names.
TRAILERS = re.compile(r"^(?:press release actions|company profile|attachments?|related links)\s*:?$", re.I)


class GlobenewswireParser(Parser):
    wire = "globenewswire"
    version = "v1"
    hosts = ("globenewswire.com",)
    id_in_url = ID_IN_URL
    article_xpath = f"{BODY_2023} | {BODY_LEGACY}"
    default_tz = "America/New_York"
    bylines = False
    title_suffix = re.compile(r"\s*[|\-–]\s*GlobeNewswire(?: News Room)?\s*$", re.I)
    dateline_pattern = DATELINE

    def parse_fields(self, tree, url: str) -> dict:
        found: dict = {"container_found": False, "methods": {}}
        for generation, xpath in (("2023", BODY_2023), ("legacy", BODY_LEGACY)):
            nodes = (generation == "2023" and tree.xpath(BODY_2023_BY_ID)) or tree.xpath(xpath)
            if nodes:
                text = container_text(nodes[0], FURNITURE)
                if text.strip():
                    found.update(container_found=True, body=text, parser=f"{self.wire}/{generation}")
                    found["methods"]["body"] = f"{self.wire}:{generation}"
                break
        title = tree.xpath('normalize-space(//h1[contains(@class, "article-headline")'
                           ' or contains(@class, "main-title")][1])')
        if title:
            found["title"] = title
        # Both templates put the date and the issuer in spans (above): a scan of the
        # page's spans, not of all its elements (58 -> 19 us a page for the date, 54 -> 16
        # for the issuer); the plain substring test first spares the token test (a
        # string built per element).
        published = tree.xpath(f'//span[contains(@class, "article-published")][{_CLASS.format("article-published")}]')
        if published:
            stamps = (stamp for node in published for stamp in node.xpath(".//time/@datetime"))
            date = next(stamps, "").strip() or published[0].xpath("normalize-space(.)")
            if date:
                found["published_at"] = date
        source = tree.xpath('normalize-space((//span[contains(@class, "article-source")]//a)[1])')
        if source:
            found["source"] = source
        # og:article:tag is one unsplit string ("Segment, "); the keywords meta is the list.
        # Both metas in one pass over the page (~20 us each).
        metas: dict[str, list[str]] = {"keywords": [], "ticker": []}
        for node in tree.xpath('//meta[@name="keywords" or @name="ticker"]'):
            if (content := node.get("content")) is not None:
                metas[node.get("name")].append(content)
        tags = [t.strip() for v in metas["keywords"] for t in v.split(",")]
        if any(tags):
            found["tags"] = [t for t in tags if t]
        tickers = [t.strip() for v in metas["ticker"] for t in v.split(",")]
        if any(tickers):
            found["tickers"] = [t for t in tickers if t]
        return found

    def clean_paragraphs(self, paragraphs, fields):
        fixes: list[str] = []
        kept = until_trailer(paragraphs, TRAILERS, fixes)
        return finish_release(kept, fields, fixes)

