"""EIN Presswire (einpresswire.com) and its releases on EIN News (einnews.com and
topic sites such as realestate.einnews.com).

One release has one 9-digit id and several addresses:
``www.einpresswire.com/article/<id>/<slug>``, ``www.einnews.com/pr_news/<id>/<slug>``
and ``<topic>.einnews.com/pr_news/<id>/<slug>``; the id is the story's identity.
``<topic>.einnews.com/article_detail/<id>/?lcode=...`` pages are EIN News teasers of
other publishers' news (a headline, three lines, "(continue reading)" and ~30
related items): not releases. Pages without a release id (teasers, topic listings)
are never read as releases.

Two page generations, named in ``parser``:

* ``einpresswire/2016`` (the real www.einnews.com/pr_news page of 2016-07-22): class-less
  ``<h1>``, story in ``div#pr-article-wrapper > div.imported`` as ``<br>``-separated
  text runs, opened by the release's italic sub-headline
  (``<p><i>Latest News on ...</i></p>``, the meta description) and closed by the
  contact block ``p.contact`` ("Norah Trent / wiseguyreports / +1 646 ... / email us
  here"), a ``div.website`` iframe and a tracking pixel.
* ``einpresswire/2024`` (no current page was captured; modelled on the research notes):
  the same parts as ``<p>`` paragraphs in
  ``div.article_column div.article-content``, the sub-headline as ``h2.subtitle``,
  then the contact block and the "Legal Disclaimer:" ("EIN Presswire provides this
  news content "as is" ... kindly contact the author above.").

As on the other press-release wires (:func:`newswire.parsers.press_release.finish_release`),
the issuer's own contact lines ("Contact Us:", a name, phones) go and its "About" text
stays; tickers come from the lead ("(NYSE American: NONA)"); there are no authors:
the JSON-LD ``author`` ("Norah Trent") is the media contact. The contact block names
the issuer on its second line: that is ``source`` ("wiseguyreports").
``og:site_name`` and ``meta[name=author]`` say "EIN News", the site, never the issuer.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from newswire.extraction.text import block_text
from newswire.parsers.base import Parser
from newswire.parsers.press_release import container_text, finish_release, until_trailer

ID_IN_URL = re.compile(r"^/(?:article|pr_news)/(\d{6,12})(?:/|$)")
# Blocks after the release: everything from the first of these on is the wire's.
TRAILERS = re.compile(r"^(legal disclaimer\s*:?|ein presswire provides this news content|email us here$|"
                      r"visit us on social media\s*:?$|distribution channels\s*:)", re.I)
# Inside the story container but not the story: contact block, iframe, pixel, scripts, images,
# and the italic sub-headline that opens the 2016 text (``<p><i>Latest News on ...</i></p>``).
FURNITURE = ('.//p[contains(@class, "contact")] | .//div[contains(@class, "website")] | .//img | .//script'
             ' | .//figure | .//div[contains(@class, "legal_disclaimer")] | .//h2[contains(@class, "subtitle")]'
             ' | ./*[1][self::p][count(*) = 1][i or em][not(normalize-space(text()))]')
CONTACT_NOT_COMPANY = re.compile(r"^[+\d(][\d\s()./+-]{5,}$|@|^email us here$|^https?://|^www\.", re.I)

GENERATIONS = (
    ("2024", '//div[contains(@class, "article_column")]//div[contains(@class, "article-content")]',
     '//h1[contains(@class, "title")]'),
    ("2016", '//div[@id="pr-article-wrapper"]/div[contains(@class, "imported")]', '//div[@id="pr-article-wrapper"]/h1'),
)


def contact_lines(tree) -> list[str]:
    """The lines of the release's contact block (``p.contact``), ``<br>``-separated."""
    blocks = tree.xpath('//p[contains(@class, "contact")]')
    if not blocks:
        return []
    return [" ".join(line.split()) for line in block_text(blocks[0]).split("\n\n") if line.strip()]


class EinpresswireParser(Parser):
    wire = "einpresswire"
    version = "2024"
    hosts = ("einpresswire.com", "einnews.com")
    article_xpath = " | ".join(g[1] for g in GENERATIONS)
    bylines = False
    title_suffix = re.compile(r"\s*[|\-–]\s*(EIN Presswire|EIN News)\s*$", re.I)

    def native_id(self, url: str) -> str | None:
        """``336348008`` from ``/pr_news/336348008/hybrid-cloud-...`` or ``/article/...``."""
        match = ID_IN_URL.match(urlsplit(url).path)
        return match.group(1) if match else None

    def parse_fields(self, tree, url: str) -> dict:
        found: dict = {"container_found": False, "methods": {}}
        if self.native_id(url) is None:
            # Not a release: an EIN News teaser of someone else's story, a topic listing.
            # Its own few lines are its text, so the page reads as what it is (a list of
            # linked items) and never as a release.
            found["container_found"] = None
            found["body"] = next(filter(None, (tree.xpath(f"normalize-space(({xpath})[1])") for xpath in (
                '//div[@class="article_page"]//p', "//h1", "//title"))), "")
            return found
        for generation, container_xpath, headline_xpath in GENERATIONS:
            containers = tree.xpath(container_xpath)
            if not containers:
                continue
            found["parser"] = found["methods"]["parser"] = f"{self.wire}/{generation}"
            text = container_text(containers[0], FURNITURE)
            if text.strip():
                found["container_found"] = True
                found["body"] = text
                found["methods"]["body"] = found["parser"]
            headline = tree.xpath(f"normalize-space(({headline_xpath})[1])")
            if headline:
                found["title"] = headline
                found["methods"]["title"] = found["parser"]
            break
        # JSON-LD dateModified is the submission time, hours before datePublished
        # (13:29:57Z vs 15:26:09Z on 2016-07-22); article:modified_time is the release's.
        modified = tree.xpath('string(//meta[@property="article:modified_time"]/@content)').strip()
        if modified:
            found["modified_at"] = modified
            found["methods"]["modified_at"] = "opengraph"
        lines = contact_lines(tree)
        # "Name / Company / phone / email us here": the company is the issuer.
        if len(lines) >= 3 and not CONTACT_NOT_COMPANY.search(lines[1]):
            found["source"] = lines[1]
            found["methods"]["source"] = "einpresswire:contact"
        return found

    def clean_paragraphs(self, paragraphs, fields):
        fixes: list[str] = []
        kept = until_trailer(paragraphs, TRAILERS, fixes)
        # The issuer's own "Contact Us:" lines, tickers, no authors: as on every press-release wire.
        return finish_release(kept, fields, fixes)

