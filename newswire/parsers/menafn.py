"""MENAFN (menafn.com): a re-publisher whose pages wrap each story in furniture.

A real page, scraped naively, reads: "403 / Sorry!! / Error! We're sorry, but the
page you were looking for doesn't exist." (template text printed around every
article), the headline, the body opening with a source marker
``(MENAFN- Trend News Agency)``, the body again, a tracking token
``MENAFN20112025000131011023ID1110375316`` twice, "Legal Disclaimer: MENAFN provides
the information ...", "Most popular stories", a "Market Research" link list and
"Comments / No comment". Only the story between the marker and the first of those
trailing blocks is the article.
"""

from __future__ import annotations

import re

from newswire.extraction.text import block_text
from newswire.parsers.base import Parser

# "(MENAFN)", "(MENAFN- Daily News Egypt)", "(MENAFN - Trend News Agency)"
MARKER = re.compile(r"^\s*\(MENAFN\s*(?:[-–—]\s*(?P<provider>[^)]+?))?\s*\)\s*")
# MENAFN + DDMMYYYY + 12-digit provider/sequence code + ID + 10-digit story id
TRACKING_TOKEN = re.compile(r"\s*\bMENAFN\d{8}\d{12}ID\d{10}\b\s*")
# Blocks after the story: everything from the first of these on is furniture.
TRAILERS = re.compile(
    r"^(legal disclaimer\s*:?|menafn provides the information|most popular stories|market research|"
    r"comments?\b|no comment|related (stories|news))",
    re.I,
)
ID_IN_URL = re.compile(r"menafn\.com/(?:arabic/)?(\d{10})(?:/|$)|[?&]storyid=(\d{6,12})", re.I)


# <article class="news-story"> ... <div class="news-body" id="ctl00_cphMain_divBody">: the
# ASP.NET id is the stabler hook, looked up in libxml2's table of ids (~1 µs, where
# ``//*[@id=...]`` tests every element: ~90 µs on a 200-element page); the class is
# the fallback, searched only when the id is missing.
BODY_BY_ID = 'id("ctl00_cphMain_divBody")'
BODY_BY_CLASS = '//div[contains(concat(" ", normalize-space(@class), " "), " news-body ")]'
# <span class="news-author">: the attribute is tested only where an element has a class
# (``//*[contains(@class, ...)]`` tests every element: ~90 against ~40 µs a page).
BYLINE = 'normalize-space(//body/descendant::*/@class[contains(., "news-author")]/..)'


class MenafnParser(Parser):
    wire = "menafn"
    version = "v1"
    hosts = ("menafn.com",)
    id_in_url = ID_IN_URL
    article_xpath = f"{BODY_BY_ID} | {BODY_BY_CLASS}"
    title_suffix = re.compile(r"\s*[|\-–]\s*MENAFN(\.COM)?\s*$", re.I)

    def parse_fields(self, tree, url: str) -> dict:
        found: dict = {"container_found": False, "methods": {}}
        containers = tree.xpath(BODY_BY_ID) or tree.xpath(BODY_BY_CLASS)
        if containers:
            text = block_text(containers[0])
            if text.strip():
                found["container_found"] = True
                found["body"] = text
                found["methods"]["body"] = "menafn:container"
        byline = tree.xpath(BYLINE)
        if byline:
            found["authors"] = [byline]
            found["methods"]["authors"] = "menafn:byline"
        h1 = tree.xpath('normalize-space((//h1[contains(@class, "news-title")] | //h1)[1])')
        if h1:
            found["title"] = h1
            found["methods"]["title"] = "menafn:h1"
        return found

    def clean_paragraphs(self, paragraphs, fields):
        fixes: list[str] = []
        # Everything before the paragraph opening with the marker is template text
        # (the error block, the headline, the visible date).
        start = next((i for i, p in enumerate(paragraphs) if MARKER.match(p)), None)
        if start:
            paragraphs = paragraphs[start:]
            fixes.append("leading_furniture")
        if paragraphs and (match := MARKER.match(paragraphs[0])):
            fields["source"] = (match.group("provider") or "MENAFN").strip()
            fixes.append("source_marker")
        if not fields.get("source"):
            fields["source"] = "MENAFN"
        # The marker opens the story and, when the template prints the whole body
        # twice, its copy too; without it the copy is an exact repeat and is dropped.
        paragraphs = [MARKER.sub("", p, count=1).strip() if MARKER.match(p) else p for p in paragraphs]
        kept = []
        for paragraph in paragraphs:
            if TRACKING_TOKEN.search(paragraph):
                paragraph = TRACKING_TOKEN.sub(" ", paragraph).strip()
                if "tracking_token" not in fixes:
                    fixes.append("tracking_token")
            if TRAILERS.match(paragraph):
                fixes.append("trailing_furniture")
                break
            if paragraph:
                kept.append(paragraph)
        return kept, fixes


    def clean_summary(self, summary: str) -> str:
        return TRACKING_TOKEN.sub(" ", MARKER.sub("", summary)).strip()
