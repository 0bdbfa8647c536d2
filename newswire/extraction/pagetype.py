"""What kind of page a response is: article, listing, error, block or other.

Decided by structure, never by error wording alone: a MENAFN article page prints
"Sorry!! Error! We're sorry, but the page you were looking for doesn't exist." next
to a perfectly good story, while a soft-404 prints the same words with no story.

* ``block``: an anti-bot answer (403/429/503 status, or a 200 whose small body is a
  challenge) — Akamai "Access Denied ... Reference #18.x", Cloudflare "Just a moment",
  captcha pages.
* ``error``: status >= 400, or no article container and no article metadata.
* ``article``: the wire's article container (or, generically, article metadata or
  an ``<article>`` element) holding enough text.
* ``listing``: many story links and little text of its own.
"""

from __future__ import annotations

import re

BLOCK_MARKERS = re.compile(
    r"access denied|reference\s*#\s*\d+\.[0-9a-f]|errors\.edgesuite\.net|just a moment\.\.\.|"
    r"cf-chl-|captcha|are you a (ro)?bot|verify you are human|unusual traffic",
    re.I,
)
BLOCK_STATUSES = {401, 402, 403, 429, 503}
MIN_ARTICLE_WORDS = 25


def classify(status: int, tree, body_text: str, *, container_found: bool | None, has_article_metadata: bool) -> str:
    """Classify a page; ``container_found`` is None when the parser has no container rule."""
    if tree is None:
        return "error"
    head_text = " ".join(tree.xpath("//title//text()"))[:500]
    visible = " ".join(tree.xpath("//body//text()[not(ancestor::script) and not(ancestor::style)]"))
    if status in BLOCK_STATUSES or (len(visible) < 5000 and BLOCK_MARKERS.search(head_text + " " + visible[:3000])):
        if status in BLOCK_STATUSES or not container_found:
            return "block"
    if status >= 400:
        return "error"
    words = len(body_text.split())
    if container_found is not None:
        return "article" if container_found and words >= MIN_ARTICLE_WORDS else "error"
    if words >= MIN_ARTICLE_WORDS and (has_article_metadata or tree.xpath("//article")):
        return "article"
    links = len(tree.xpath("//a[@href]"))
    if links > 30 and words < 150:
        return "listing"
    if words >= 150:
        return "article"
    return "other" if words else "error"
