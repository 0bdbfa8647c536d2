"""AP News (apnews.com) and AP stories on member-paper pages (hosted.ap.org).

Five page generations, each recognised by its story container and named in
``parser`` (``apnews/2024``):

=============  =========================================================  ===========================
generation     story container and headline                               seen in
=============  =========================================================  ===========================
hosted-2016    ``span.entry-content > p.ap-story-p``, ``span.entry-title``  hosted.ap.org, June 2016
2017           ``div.articleBody > p``, ``h1.topTitle``                   www.apnews.com/<hex>/<Slug>
hosted-2019    ``div.ap-story block > p``, ``h2.ap-story-headline``       hosted.ap.org, Nov. 2019
2023           ``div.Article[data-key=article] > p``, generated classes   apnews.com, April 2023
2024           ``div.RichTextStoryBody > p, h2``, ``h1.Page-headline``    apnews.com, July 2023 on
=============  =========================================================  ===========================

What each needs beyond the generic layer:

* The container holds furniture between the paragraphs: ``div.SovrnAd``
  ("Advertisement"), "RELATED COVERAGE" / "READ MORE" link lists, an "What to know
  about the 2024 Election" info box, scripts of embedded charts. Only the
  container's own ``<p>`` and sub-heading ``<h2>``/``<h3>`` children are story text.
* The story ends at an underscore rule, ``<h2>___</h2>`` (``_______`` on
  2023-07-11, ``<p>___</p>`` on hosted.ap.org 2019, ``---`` in 2016, inside a
  paragraph as ``<br>___<br>`` on fact checks): what follows is the contributor
  line ("Associated Press writers ... contributed to this report."), a support
  note ("Associated Press climate and environmental coverage receives support
  ...") or "Follow AP's coverage at ...", never the story.
* The headline is the visible ``<h1>``: the JSON-LD ``headline`` lags behind edits
  (2024-09-03: "... brace for a sprint ..." vs h1/og:title "... brace for an intense
  sprint ...").
* Naive times are UTC: ``article:published_time`` "2024-09-03T04:03:19" is JSON-LD
  "2024-09-03T04:03:19Z"; the 2017 JSON-LD "2017-05-25 04:37:39" reads the same way.
  hosted.ap.org 2016 gives the time only as ``title="2016-06-13T1603Z"``.
* Tags: JSON-LD/meta keywords carry routing noise: 14 "NE State Wire"-style tags
  on 2024-09-03, one-letter tokens ("n", "a", "f"), the URL slug as a phrase
  ("trump harris presidential election 2024 labor day").
* ``source`` is "AP", the credit every AP dateline prints ("LA CROSSE, Wis. (AP) —").

Hub (``/hub/<topic>``), video (``/video/<slug>-<hex>``) and section (``/business``)
pages share the host and carry no story id: they are never articles, and are read as
a listing or a page of their own, whatever their markup.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from newswire.extraction.text import block_text
from newswire.extraction.urls import host_of
from newswire.parsers.base import Parser

# /article/<slug>-<32 hex>, /sports/<slug>-<32 hex>, fact checks /article/<slug>-<12 digits>,
# 2017 www.apnews.com/<32 hex>/<Slug>, AMP /amp/<32 hex>, hosted.ap.org/<paper>/article/<32 hex>/<slug>
ID_IN_URL = re.compile(
    r"^/(?:article|sports)/(?:[\w-]*-)?(?P<slug_id>[0-9a-f]{32}|\d{12})/?$"
    r"|^/(?:amp/|[\w-]+/article/)?(?P<path_id>[0-9a-f]{32})(?:/|$)"
)
UNDERSCORE_RULE = re.compile(r"^(?:_{3,}|-{3,})$")  # "___", "_______"; "---" on hosted.ap.org 2016
STATE_WIRE = re.compile(r"\bState Wire$", re.I)

# (generation, container XPath, headline XPath, byline XPath), newest first.
GENERATIONS = (
    ("2024", '//div[contains(concat(" ", normalize-space(@class), " "), " RichTextStoryBody ")]',
     '//h1[contains(@class, "Page-headline")]', '//div[contains(@class, "Page-authors")]'),
    ("2023", '//div[@data-key="article"]',
     '//h1', '//span[contains(@class, "Component-bylines")]'),
    ("2017", '//div[@class="articleBody"]',
     '//h1[contains(@class, "topTitle")]',
     '//div[contains(@class, "fullscreen")]//h4[starts-with(normalize-space(), "By")]'),
    ("hosted-2019", '//div[contains(concat(" ", normalize-space(@class), " "), " ap-story ")]//block',
     '//h2[contains(@class, "ap-story-headline")]', '//div[contains(@class, "field-name-field-byline-original")]'),
    ("hosted-2016", '//span[contains(concat(" ", normalize-space(@class), " "), " entry-content ")]',
     '//span[contains(@class, "entry-title")]', '//span[@class="byline"]'),
)


def story_paragraphs(container) -> list[str]:
    """The story text of a container: its ``<p>`` and sub-heading children in order,
    up to the first underscore rule; link boxes, ads and embeds (``<div>`` children)
    are not story text. A container whose text is not in ``<p>`` children
    (``<br>``-separated runs) is read whole."""
    paragraphs: list[str] = []
    # React's empty "<!-- -->" separators ("pandemic<!-- -->, but") are skipped, their
    # tails kept, by block_text: no copy of the container with its comments stripped.
    children = [c for c in container if isinstance(c.tag, str)]
    if not any(c.tag == "p" for c in children):
        return [block_text(container)]
    for child in children:
        if child.tag not in ("p", "h2", "h3", "h4"):
            continue
        # A rule may sit inside a paragraph: "... international law.<br>___<br>This is part of ..."
        for piece in block_text(child).split("\n\n"):
            text = " ".join(piece.split())
            if UNDERSCORE_RULE.match(text):
                return paragraphs
            if text:
                paragraphs.append(text)
    return paragraphs


class ApnewsParser(Parser):
    wire = "apnews"
    version = "2024"
    hosts = ("apnews.com", "hosted.ap.org")
    article_xpath = " | ".join(g[1] for g in GENERATIONS)
    default_tz = "UTC"
    title_suffix = re.compile(r"\s*[|\-–]\s*(AP News|Hosted)\s*$", re.I)

    def native_id(self, url: str) -> str | None:
        """``596187204627`` for a fact check, else the 32-hex id (``151f82b5...afe471``)."""
        match = ID_IN_URL.match(urlsplit(url).path)
        return (match.group("slug_id") or match.group("path_id")) if match else None

    def parse_fields(self, tree, url: str) -> dict:
        found: dict = {"container_found": False, "methods": {}}
        if host_of(url) == "apnews.com" and self.native_id(url) is None:
            # A hub, video or section page: read its own short text, so the page type comes
            # from its structure (a hub is a list of links) and never from a story body.
            found["container_found"] = None
            found["body"] = " ".join(tree.xpath("normalize-space(//h1)").split()) or \
                tree.xpath("normalize-space(//title)")
            return found
        for generation, container_xpath, headline_xpath, byline_xpath in GENERATIONS:
            containers = tree.xpath(container_xpath)
            if not containers:
                continue
            paragraphs = [p for p in story_paragraphs(containers[0]) if p.strip()]
            found["parser"] = found["methods"]["parser"] = f"{self.wire}/{generation}"
            if paragraphs:
                found["container_found"] = True
                found["body"] = "\n\n".join(paragraphs)
                found["methods"]["body"] = f"{self.wire}/{generation}"
            headline = tree.xpath(f"normalize-space(({headline_xpath})[1])")
            if headline:
                found["title"] = headline
                found["methods"]["title"] = f"{self.wire}/{generation}"
            byline = tree.xpath(f"normalize-space(({byline_xpath})[1])")
            if byline:
                found["authors"] = [byline]
                found["methods"]["authors"] = f"{self.wire}/{generation}"
            break
        # hosted.ap.org 2016: <div class="timestamp updated" title="2016-06-13T1603Z">Jun 13, 4:03 PM EDT</div>
        stamp = tree.xpath('string(//div[contains(@class, "timestamp")]/@title)').strip()
        if stamp and found.get("parser") == f"{self.wire}/hosted-2016":
            found["published_at"] = stamp
        return found

    @staticmethod
    def clean_tags(tags: list, url: str) -> list[str]:
        """The page's keywords without routing noise (``"NE State Wire"``, ``"n"``, the
        slug as a phrase ``"trump harris presidential election 2024 labor day"``)."""
        last = urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1]
        slug = re.sub(r"-(?:[0-9a-f]{32}|\d{12})$", "", last).replace("-", " ").lower()
        kept = []
        for tag in tags:
            tag = " ".join(str(tag).split())
            if len(tag) < 2 or STATE_WIRE.search(tag) or tag.lower() == slug:
                continue
            kept.append(tag)
        return kept

    def clean_paragraphs(self, paragraphs, fields):
        fixes: list[str] = []
        cut = next((i for i, p in enumerate(paragraphs) if UNDERSCORE_RULE.match(p)), None)
        if cut is not None:
            paragraphs = paragraphs[:cut]
            fixes.append("trailing_furniture")
        kept = [p for p in paragraphs if p.lower() != "advertisement"]
        fields["source"] = "AP"
        fields["tags"] = self.clean_tags(fields.get("tags") or [], fields.get("url") or "")
        return kept, fixes

