"""What kind of page a response is: article, listing, error, block or other.

Decided by structure, never by error wording alone: a MENAFN article page prints
"Sorry!! Error! We're sorry, but the page you were looking for doesn't exist." next
to a perfectly good story, while a soft-404 prints the same words with no story.

* ``block``: an anti-bot answer (403/429/503 status, or a 200 whose small body is a
  challenge) — Akamai "Access Denied ... Reference #18.x", Cloudflare "Just a
  moment...", captcha pages, "JavaScript is disabled" / "enable JavaScript and
  cookies to continue" interstitials.
* ``error``: status >= 400; or no article container and no article metadata, with
  an error headline ("404", "Page not found") over a short text, or no text at all.
* ``article``: the wire's article container (or, generically, article metadata or
  an ``<article>`` element) holding enough text.
* ``listing``: a section, topic or search page: JSON-LD ``CollectionPage`` /
  ``ItemList`` without an article, or many story links (headline-length anchors)
  and no run of paragraphs long enough to be a story. Wire articles carry hundreds
  of navigation links (PR Newswire: 429 in ``<nav>``), so link counts alone never
  decide.
* ``other``: some text, but neither a story nor a list of stories.
"""

from __future__ import annotations

import re

from lxml import etree

BLOCK_MARKERS = re.compile(
    r"access denied|reference\s*#\s*\d+\.[0-9a-f]|errors\.edgesuite\.net|just a moment\.\.\.|"
    r"cf-chl-|cf-browser-verification|checking your browser|captcha|are you a (ro)?bot|verify you are human|"
    r"unusual traffic|request unsuccessful\. incapsula|pardon our interruption",
    re.I,
)
# Interstitials that only say the page needs JavaScript or cookies. Article pages
# print the same words in a <noscript> next to the story, so these only count on a
# page with almost nothing else to read.
SCRIPT_WALL_MARKERS = re.compile(
    r"javascript is (disabled|required|not enabled|turned off)|(please )?(enable|turn on) javascript|"
    r"enable (javascript and )?cookies to continue|requires? javascript|browser (does not|doesn't) support javascript",
    re.I,
)
MAX_SCRIPT_WALL_WORDS = 300
ERROR_HEADLINE = re.compile(
    r"\b(404|410|500)\b|page not found|not found|no longer (available|exists)|does ?n[o']t exist|"
    r"page (is )?unavailable|^error\b|\berror (page|occurred)|something went wrong",
    re.I,
)
BLOCK_STATUSES = {401, 402, 403, 429, 503}
MIN_ARTICLE_WORDS = 25
# A page with fewer visible characters than this can be a challenge page; a real
# article that merely mentions "captcha" or "access denied" is longer.
MAX_BLOCK_PAGE_CHARS = 5000
# An error page says so in its headline and has little else to say.
MAX_ERROR_PAGE_WORDS = 150
# Listing: at least this many headline-length links (5+ words) ...
MIN_LISTING_STORY_LINKS = 10
STORY_LINK_WORDS = 5
# ... and no element whose child paragraphs hold this many words outside links (a
# story's body holds hundreds; a listing's teasers sit one per item).
MIN_STORY_RUN_WORDS = 120


def classify(
    status: int,
    tree,
    body_text: str,
    *,
    container_found: bool | None,
    has_article_metadata: bool,
    listing_metadata: bool = False,
) -> str:
    """Classify a page; ``container_found`` is None when the parser has no container rule."""
    if tree is None:
        return "error"
    if status in BLOCK_STATUSES:
        return "block"
    head_text = " ".join(tree.xpath("//title//text()"))[:500]
    words = len(body_text.split())
    # The page's whole visible text is only needed when no article container was
    # found (a challenge page has none): a wire article skips this walk.
    visible = "" if container_found else _visible_text(tree)
    sample = head_text + " " + visible[:3000]
    if not container_found and (
        (len(visible) < MAX_BLOCK_PAGE_CHARS and BLOCK_MARKERS.search(sample))
        or (len(visible.split()) < MAX_SCRIPT_WALL_WORDS and words < 100 and SCRIPT_WALL_MARKERS.search(sample))
    ):
        return "block"
    if status >= 400:
        return "error"
    if container_found is not None:
        return "article" if container_found and words >= MIN_ARTICLE_WORDS else "error"
    if not has_article_metadata and _error_headline(tree, head_text) and len(visible.split()) < MAX_ERROR_PAGE_WORDS * 3:
        if words < MAX_ERROR_PAGE_WORDS:
            return "error"
    if listing_metadata and not has_article_metadata:
        return "listing"
    if words >= MIN_ARTICLE_WORDS and has_article_metadata:
        return "article"
    if _looks_like_listing(tree):
        return "listing"
    if words >= MIN_ARTICLE_WORDS and tree.xpath("//article"):
        return "article"
    links = len(tree.xpath("//a[@href]"))
    if links > 30 and words < 150:
        return "listing"
    if words >= 150:
        return "article"
    return "other" if words else "error"


_VISIBLE_TEXT = etree.XPath("//body//text()[not(parent::script) and not(parent::style)]", smart_strings=False)


def _visible_text(tree) -> str:
    return " ".join(" ".join(_VISIBLE_TEXT(tree)).split())


def _error_headline(tree, head_text: str) -> bool:
    h1 = " ".join(" ".join(tree.xpath("(//h1)[1]//text()")).split())
    return bool(ERROR_HEADLINE.search(h1) or ERROR_HEADLINE.search(head_text.strip()))


def _looks_like_listing(tree) -> bool:
    """Many headline links and no story-length run of paragraphs (see module doc)."""
    story_links = 0
    for anchor in tree.xpath("//body//a[@href][not(ancestor::nav) and not(ancestor::header) and not(ancestor::footer)]"):
        if len(anchor.text_content().split()) >= STORY_LINK_WORDS:
            story_links += 1
            if story_links >= MIN_LISTING_STORY_LINKS:
                break
    if story_links < MIN_LISTING_STORY_LINKS:
        return False
    runs: dict = {}
    for para in tree.xpath("//body//p[not(ancestor::a)]"):
        parent = para.getparent()
        if parent is None:
            continue
        text = " ".join(para.xpath(".//text()[not(ancestor::a) and not(ancestor::script) and not(ancestor::style)]"))
        runs[parent] = runs.get(parent, 0) + len(text.split())
        if runs[parent] >= MIN_STORY_RUN_WORDS:
            return False
    return True
