"""Business Wire (businesswire.com): press releases, in two template generations.

* ``classic`` (before the 2024-25 redesign): ``#bw-news-view > article > div >
  div.bw-release-story``; headline ``h1.epi-fontLg``; the time in
  ``div.bw-release-timestamp > time`` ("March 08, 2019 04:10 PM Eastern Standard Time",
  sometimes with ``datetime``); the issuer in ``#companyInformation .bw-release-companyinfo``.
  The Contacts block follows the story and is printed a second time in the sidebar, then
  the site navigation and the cookie banner ("Accept the use of cookies ... I Accept").
* ``2024`` (the redesign): ``div.bw-release-container > #bw-release-story``; the date only
  in JSON-LD ``datePublished`` (the visible ``div.ui-kit-press-release__date`` reads "-"
  until JavaScript runs); the issuer in ``h3.ui-kit-press-release-sidebar__company``;
  contacts in ``div.ui-kit-press-release-contacts`` and the sidebar; toolbar, sharing and
  "More News From <Company>" around the story. Some of these pages are only a shell: the
  story container is empty and the release sits in the inline
  ``<script id="__NEXT_DATA__" type="application/json">`` that page JavaScript renders;
  the release is read from that blob (headline, time, issuer, body HTML) rather than
  delivered with an empty body.

The story opens with the dateline, ``PALO ALTO, Calif.--(BUSINESS WIRE)--GigCapital, Inc.
...`` or, since the redesign, ``SAN FRANCISCO, September 15, 2026--(BUSINESS WIRE)--...``;
releases with multimedia end with "View source version on businesswire.com:
https://www.businesswire.com/news/home/20190308005002/en/", which becomes ``original_url``
(the same line marks Yahoo / Dow Jones copies of a Business Wire release). The issuer is
the record's ``source``. Release ids are the 14 digits of ``/news/home/<id>/``; their last
six digits are not a time.
"""

from __future__ import annotations

import json
import re

from lxml import html as lxml_html

from newswire.parsers.base import Parser
from newswire.parsers.press_release import container_text, finish_release

_CLASS = 'contains(concat(" ", normalize-space(@class), " "), " {} ")'
BODY_2024 = '//*[@id="bw-release-story"]'
BODY_CLASSIC = f'//div[{_CLASS.format("bw-release-story")}]'
NEXT_DATA = '//script[@id="__NEXT_DATA__"]/text()'
# Inside the story container: photos and their captions "(Photo: Business Wire)", sharing
# and toolbar chrome (the redesign nests them there on some pages).
FURNITURE = (
    f'.//div[{_CLASS.format("bw-release-media")}] | .//figure | .//img | .//script | .//style'
    f' | .//*[{_CLASS.format("bw-social-sharing")}] | .//*[{_CLASS.format("bw-release-toolbar")}]'
)
ID_IN_URL = re.compile(r"businesswire\.com/news/home/(\d{14})(?:[/?#]|$)", re.I)
PERMALINK = re.compile(r"^view source version on businesswire\.com\s*:?\s*(?P<url>https?://\S+)", re.I)
# Blocks after the release: the contacts heading, the issuer's other news, the site's
# navigation and cookie banner (reached only when the body comes from the generic layer).
TRAILERS = re.compile(
    r"^(?:contacts?|more news from\b.*|site navigation|accept the use of cookies\b.*|release versions)\s*:?$", re.I
)
DATELINE = re.compile(r"^(?P<dateline>[^\n]{2,160}?--\s*\(BUSINESS WIRE\))\s*--")


class BusinesswireParser(Parser):
    wire = "businesswire"
    version = "v1"
    hosts = ("businesswire.com",)
    id_in_url = ID_IN_URL
    article_xpath = f"{BODY_2024} | {BODY_CLASSIC}"
    default_tz = "America/New_York"
    """Classic pages print "November 26, 2026 08:05 AM Eastern Standard Time"."""
    bylines = False
    title_suffix = re.compile(r"\s*\|\s*Business Wire\s*$", re.I)
    dateline_pattern = DATELINE

    def parse_fields(self, tree, url: str) -> dict:
        found: dict = {"container_found": False, "methods": {}}
        generation = "2024" if tree.xpath(BODY_2024) else "classic"
        nodes = tree.xpath(BODY_2024) or tree.xpath(BODY_CLASSIC)
        text = container_text(nodes[0], FURNITURE) if nodes else ""
        if text.strip():
            found.update(container_found=True, body=text, parser=f"{self.wire}/{generation}")
            found["methods"]["body"] = f"{self.wire}:{generation}"
        elif release := _next_data_release(tree):
            found.update(_fields_of_blob(release))
            if found.get("body"):
                found.update(container_found=True, parser=f"{self.wire}/2024")
                found["methods"]["body"] = f"{self.wire}:next_data"
        title = tree.xpath('normalize-space((//h1[contains(@class, "epi-fontLg")]'
                           ' | //h1[contains(@class, "ui-kit-press-release__title")])[1])')
        if title:
            found["title"] = title
        stamp = '//div[contains(@class, "bw-release-timestamp")]//time'
        date = tree.xpath(f"string(({stamp})[1]/@datetime)").strip() or tree.xpath(f"normalize-space(({stamp})[1])")
        if date:
            found["published_at"] = date
        source = tree.xpath('normalize-space((//h3[contains(@class, "ui-kit-press-release-sidebar__company")]'
                            ' | //*[contains(@class, "bw-release-companyinfo")]//h3)[1])')
        if source:
            found["source"] = source
        return found

    def clean_paragraphs(self, paragraphs, fields):
        fixes: list[str] = []
        kept = []
        for paragraph in paragraphs:
            if match := PERMALINK.match(paragraph):
                fields["original_url"] = match.group("url")
                fixes.append("original_url")
                continue
            if TRAILERS.match(paragraph):
                fixes.append("trailing_furniture")
                break
            kept.append(paragraph)
        return finish_release(kept, fields, fixes)



def _next_data_release(tree) -> dict | None:
    """The release object of a client-rendered page's ``__NEXT_DATA__`` blob: the first
    object holding a ``body`` and a ``headline``/``title`` (``props.pageProps.release``)."""
    raw = "".join(tree.xpath(NEXT_DATA))
    if not raw.strip():
        return None
    try:
        data = json.loads(raw)
    except ValueError:
        return None
    stack = [data]
    while stack:
        node = stack.pop(0)
        if isinstance(node, dict):
            if isinstance(node.get("body"), str) and (node.get("headline") or node.get("title")):
                return node
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return None


def _fields_of_blob(release: dict) -> dict:
    """Article fields from the blob's release: body HTML read like the story container."""
    found: dict = {}
    body = release.get("body") or ""
    if body.strip():
        fragment = lxml_html.fragment_fromstring(body, create_parent="div")
        found["body"] = container_text(fragment, FURNITURE)
    if title := release.get("headline") or release.get("title"):
        found["title"] = " ".join(str(title).split())
    if published := release.get("publishedAt") or release.get("datePublished"):
        found["published_at"] = str(published)
    company = release.get("company")
    if isinstance(company, dict):
        company = company.get("name")
    if isinstance(company, str) and company.strip():
        found["source"] = company.strip()
    if isinstance(release.get("language"), str):
        found["language"] = release["language"]
    return found
