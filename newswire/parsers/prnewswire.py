"""PR Newswire (prnewswire.com): press releases, in three template generations.

* ``2023`` (2023 onward): ``<section class="release-body container ">`` (trailing space)
  > ``div.col-lg-10.col-lg-offset-1``; inside it a "Continue Reading" jump button
  (``div.continue-reading``), an image gallery with captions, the release, and a
  "WANT YOUR COMPANY'S NEWS FEATURED ON PRNEWSWIRE.COM?" promo
  (``div.newsFeaturedSection``) after the ``SOURCE <Company>`` line. The ``<article>``
  also holds a share modal whose ``div.col-sm-10.col-sm-offset-1``-like markup must
  not be taken for the body.
* ``legacy`` (2016): ``article.news-release.legacy-template > div.release-body.legacy-list``,
  ``p[itemprop=articleBody]`` paragraphs, the dateline alone in its first paragraph
  ("SAN FRANCISCO, June 13, 2016 /PRNewswire/ --") and "(Logo: http://photos...)" lines.
* ``2015``: ``p[itemprop=articleBody]`` paragraphs in a ``div.col-sm-9`` that also holds a
  photo carousel, each paragraph repeated in ``<!-- Paragraph before: ... -->`` comments,
  and "SOURCE Salesforce" / "RELATED LINKS" after the last one.

Every generation opens with the dateline (``PLEASANTON, Calif., June 13, 2023 /PRNewswire/
-- ...``) and closes the release with ``SOURCE <Company>``: the company is the record's
``source``; the line and everything after it (related links, promos) are not body.
``meta[name=date]`` is the release time (``2023-06-13T09:05:00-04:00``; ``Z`` before
2017); 2015/2016 pages also carry ``itemprop=datePublished`` days later, a page
timestamp. Copies on other sites end "To view the original version on PR Newswire,
visit:<url>" or "View original content:<url>": the URL becomes ``original_url``.
"""

from __future__ import annotations

import re

from newswire.parsers.base import Parser
from newswire.parsers.press_release import container_text, finish_release, text_of

_CLASS = 'contains(concat(" ", normalize-space(@class), " "), " {} ")'
BODY_2023 = f'//section[{_CLASS.format("release-body")}]'
BODY_LEGACY = f'//div[{_CLASS.format("release-body")} and {_CLASS.format("legacy-list")}]'
BODY_2015 = '//p[@itemprop="articleBody"]'
# Furniture inside the 2023 body section: jump button, gallery (images and captions),
# the "featured news" promo, the tracking pixel, the stock-quote modal.
FURNITURE_2023 = (
    f'.//div[{_CLASS.format("continue-reading")}] | .//div[{_CLASS.format("inline-gallery-container")}]'
    f' | .//figure | .//div[{_CLASS.format("newsFeaturedSection")}] | .//img | .//script | .//style'
    f' | .//div[{_CLASS.format("modal")}]'
)

ID_IN_URL = re.compile(r"prnewswire\.com/(?:[a-z]{2,4}/)?news-releases/[^?#]*?-(\d{8,10})\.html", re.I)
SOURCE_LINE = re.compile(r"^SOURCE:?\s+(?P<company>.+?)\s*$")
#: "View original content to download multimedia:https://...", "View original content:https://...",
#: "To view the original version on PR Newswire, visit:http://www.prnewswire.com/..."
PERMALINK = re.compile(
    r"^(?:view original content(?: to download multimedia)?|to view the original version on pr newswire,? visit)"
    r"\s*:?\s*(?P<url>https?://\S+)",
    re.I,
)
#: The dateline printed alone in its own paragraph (2016): joined to the lead.
DATELINE_ONLY = re.compile(r"^[A-Z][^\n]{0,160}/(?:PRNewswire(?:-[\w]+)*|CNW)/\s*-*\s*$")
CREDIT = re.compile(r"^/PRNewswire(?:-[\w]+)*/\s*--\s*")
FURNITURE_LINES = re.compile(r"^(?:continue reading|related links|want your company'?s news featured)", re.I)


class PrnewswireParser(Parser):
    wire = "prnewswire"
    version = "v1"
    hosts = ("prnewswire.com",)
    id_in_url = ID_IN_URL
    article_xpath = f"{BODY_2023} | {BODY_LEGACY} | {BODY_2015}"
    # The menus: the 2023 template's "News" menu alone is 108 KB of a 210 KB page.
    skip_elements = ("nav",)
    default_tz = "America/New_York"
    """Listings and ``p.mb-no`` print "Jun 13, 2023, 09:05 ET"."""
    bylines = False

    def parse_fields(self, tree, url: str) -> dict:
        found: dict = {"container_found": False, "methods": {}}
        generation, text = self._body(tree)
        if text and text.strip():
            found.update(container_found=True, body=text, parser=f"{self.wire}/{generation}")
            found["methods"]["body"] = f"{self.wire}:{generation}"
        title = text_of(next(iter(tree.xpath('//header[contains(@class, "release-header")]//h1')), None))
        if title:
            found["title"] = title
        date = tree.xpath('string(//meta[@name="date"]/@content)').strip() or \
            tree.xpath('normalize-space(//p[contains(@class, "mb-no")])')
        if date:
            found["published_at"] = date
        issuer = tree.xpath('normalize-space(//h2[contains(@class, "meta")]/following-sibling::a[1]//strong)') or \
            tree.xpath('string(//meta[@name="author"]/@content)').strip()
        if issuer:
            found["source"] = issuer
        return found

    def _body(self, tree) -> tuple[str, str | None]:
        section = tree.xpath(BODY_2023)
        if section:
            inner = section[0].xpath('.//div[contains(@class, "col-lg-10")]') or section
            return "2023", container_text(inner[0], FURNITURE_2023)
        legacy = tree.xpath(BODY_LEGACY)
        if legacy:
            return "legacy", container_text(legacy[0], ".//img | .//script | .//style")
        paragraphs = tree.xpath(BODY_2015)
        if paragraphs:
            # The SOURCE line follows the last articleBody paragraph, outside the itemprop.
            source = paragraphs[-1].xpath('following::p[starts-with(normalize-space(), "SOURCE")][1]')
            return "2015", "\n\n".join(container_text(p) for p in [*paragraphs, *source])
        return "generic", None

    def clean_paragraphs(self, paragraphs, fields):
        fixes: list[str] = []
        kept: list[str] = []
        for index, paragraph in enumerate(paragraphs):
            if match := SOURCE_LINE.match(paragraph):
                fields["source"] = match.group("company")
                fixes.append("source_line")
                break  # related links, promos and page furniture follow it
            if match := PERMALINK.match(paragraph):
                fields["original_url"] = match.group("url")
                fixes.append("original_url")
                continue
            if FURNITURE_LINES.match(paragraph):
                fixes.append("trailing_furniture" if index else "leading_furniture")
                continue
            kept.append(paragraph)
        return finish_release(_join_dateline(kept), fields, fixes)

    def clean_title(self, title: str) -> str:
        # 2015 <title>: "Headline -- SAN FRANCISCO, Dec. 4, 2015 /PRNewswire/ --"
        return re.sub(r"\s+--\s+[A-Z][^|]*/PRNewswire[^|]*$", "", title).strip()

    def clean_summary(self, summary: str) -> str:
        # 2023+ descriptions start after the place: "/PRNewswire/ -- Workday, Inc. (NASDAQ: WDAY), ..."
        return CREDIT.sub("", summary).strip()


def _join_dateline(paragraphs: list[str]) -> list[str]:
    """``["SAN FRANCISCO, June 13, 2016 /PRNewswire/ --", "Azalead, the ..."]`` ->
    ``["SAN FRANCISCO, June 13, 2016 /PRNewswire/ -- Azalead, the ..."]``."""
    if len(paragraphs) > 1 and DATELINE_ONLY.match(paragraphs[0]):
        line = paragraphs[0].rstrip(" -")
        return [f"{line} -- {paragraphs[1]}", *paragraphs[2:]]
    return paragraphs
