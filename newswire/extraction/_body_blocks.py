"""Split an HTML tree into text blocks in document order (helper of ``body.py``).

A *block* is the text that one block-level element holds directly: its own text
and that of its inline descendants (``<a>``, ``<em>``, ``<span>``...), but not
the text of nested block-level elements, which form blocks of their own.  So
``<div>Intro <p>One.</p> tail</div>`` gives three blocks: "Intro" (div),
"One." (p) and "tail" (div again).  ``<br><br>`` also starts a new block, as
many pages write paragraphs that way.

Each block remembers how much of its text sits inside links (navigation and
"related stories" lists are nearly all link text, prose rarely more than a third)
and whether an ancestor marks it as page furniture (``<figure>``, ``<aside>``,
class ``related-links``...), which is what the body extractor needs to decide
whether a block that trafilatura dropped still belongs to the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml.html import HtmlElement

_WORD_RE = re.compile(r"\w+")
_SPACE_RE = re.compile(r"\s+")
# Marks a single <br> while a block is collected; source newlines are plain
# whitespace.  A control character cannot come from parsed HTML text.
_BR = "\x1f"

# Elements whose text is never article text.
SKIP_TAGS = frozenset(
    {
        "script", "style", "noscript", "template", "svg", "math", "iframe", "head", "select", "option",
        "button", "input", "textarea", "object", "embed", "canvas", "video", "audio", "map", "title",
        "meta", "link",
    }
)

# Elements that start a new block; everything else is treated as inline.
BLOCK_TAGS = frozenset(
    {
        "html", "body", "p", "div", "section", "article", "main", "header", "footer", "aside", "nav",
        "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre",
        "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "figure", "figcaption", "form",
        "fieldset", "legend", "address", "center", "hr", "details", "summary", "dialog", "menu",
        "hgroup", "picture", "label",
    }
)

HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})

# Ancestors whose content is furniture by its role, whatever the page's CSS says.
FURNITURE_TAGS = frozenset({"figure", "figcaption", "aside", "nav", "footer", "form", "label", "dialog", "menu"})

# Class/id words of furniture containers, e.g. "related-articles", "ad-slot",
# "newsletter-signup", "c-social-share", "comments-area".  Matched against
# class/id split on non-letters, so "header" does not hit "ad" and
# "shareholders" does not hit "share".  These are clear enough to drop a block
# that trafilatura kept outside the article container.
_FURNITURE_WORDS = frozenset(
    {
        "ad", "ads", "advert", "advertisement", "advertising", "adslot", "adunit", "dfp", "sponsor",
        "sponsored", "promo", "promotion", "related", "recommended", "recommendations", "recirc",
        "recirculation", "outbrain", "taboola", "newsletter", "subscribe", "subscription", "signup",
        "paywall", "share", "sharing", "social", "sharebar", "comment", "comments", "disqus",
        "breadcrumb", "breadcrumbs", "sidebar", "widget", "popular", "trending", "mostread",
        "navigation", "footer", "cookie", "consent", "modal", "popup", "login",
    }
)
# Weaker hints ("headline", "teaser", "meta", "tags", "more"...): some sites name
# their article wrappers so (an aggregator's body sits in <div class="headlines">),
# so they only stop trafilatura-dropped text from being put back.
_WEAK_FURNITURE_WORDS = _FURNITURE_WORDS | frozenset(
    {
        "gpt", "tags", "tag", "topics", "nav", "menu", "masthead", "toolbar", "banner", "most", "hidden",
        "sr", "visually", "print", "video", "player", "gallery", "slideshow", "carousel", "teaser",
        "teasers", "headline", "headlines", "rail", "skip", "meta", "readmore", "more", "next", "prev",
        "pagination", "feedback",
    }
)
_CLASS_SPLIT_RE = re.compile(r"[^a-z]+")

# Embedded posts are quoted content, kept although "twitter"/"social" may appear
# in their wrappers' classes (e.g. <blockquote class="twitter-tweet">).
_EMBED_RE = re.compile(r"tweet|instagram-media|tiktok-embed|fb-post|bluesky")


def words(text: str) -> list[str]:
    """Lower-cased word tokens, as the shingle metrics and matching use them."""
    return _WORD_RE.findall(text.lower())


@dataclass
class Block:
    """Text held directly by one block-level element (see module docstring)."""

    el: HtmlElement
    index: int
    link_chars: int = 0
    text: str = ""
    tokens: list[str] = field(default_factory=list)

    @property
    def tag(self) -> str:
        return self.el.tag if isinstance(self.el.tag, str) else ""

    @property
    def link_density(self) -> float:
        """Share of the text inside ``<a>``: 1.0 for a bare link, ~0.1 for prose with a citation."""
        return min(1.0, self.link_chars / len(self.text)) if self.text else 0.0

    @property
    def is_heading(self) -> bool:
        return self.tag in HEADING_TAGS


# Text meant for screen readers or not shown at all: class "sr-only",
# "visually-hidden", "screen-reader-text", or inline styles such as
# "display:none", "clip:rect(0 0 0 0)" (reuters.com's ", opens new tab" after links).
_HIDDEN_CLASS_RE = re.compile(
    r"(^|[\s_-])(sr-only|sr-text|visually-?hidden|visuallyhidden|screen-?reader(-text|-only)?|offscreen|"
    r"a11y-hidden|hidden|hide|is-hidden|u-hidden)($|\s)",
    re.IGNORECASE,
)
_HIDDEN_STYLE_RE = re.compile(r"display:none|visibility:hidden|clip:rect\(0|clip-path:inset\(50%")


def _is_hidden(el: HtmlElement) -> bool:
    if el.get("hidden") is not None:
        return True
    style = el.get("style")
    if style and _HIDDEN_STYLE_RE.search(style.replace(" ", "").lower()):
        return True
    cls = el.get("class")
    return bool(cls and _HIDDEN_CLASS_RE.search(cls))


class _Segmenter:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.owner: HtmlElement | None = None
        self.parts: list[str] = []
        self.link_chars = 0

    def open(self, el: HtmlElement) -> None:
        if self.parts:
            self.close()
        self.owner = el

    def close(self) -> None:
        parts, self.parts = self.parts, []
        link_chars, self.link_chars = self.link_chars, 0
        raw = "".join(parts)
        if not raw or raw.isspace():
            return
        if _BR in raw:
            lines = [_SPACE_RE.sub(" ", line).strip() for line in raw.split(_BR)]
            text = "\n".join(line for line in lines if line)
        else:
            text = _SPACE_RE.sub(" ", raw).strip()
        tokens = words(text)
        if not tokens:
            return
        self.blocks.append(Block(self.owner, len(self.blocks), link_chars=link_chars, text=text, tokens=tokens))

    def add(self, text: str | None, in_link: bool) -> None:
        if text:
            self.parts.append(text)
            if in_link:
                self.link_chars += len(text.strip())

    def walk(self, el: HtmlElement, owner: HtmlElement, in_link: bool) -> None:
        """Add the text below ``el`` (an open block's element or an inline inside it)."""
        previous_br = False
        for child in el:
            tag = child.tag
            if not isinstance(tag, str):  # comment or processing instruction
                self.add(child.tail, in_link)
                continue
            tag = tag.lower()
            if tag in SKIP_TAGS or _is_hidden(child):
                self.add(child.tail, in_link)
                continue
            if tag == "br":
                if previous_br:
                    self.open(owner)  # <br><br>: paragraph break
                else:
                    self.add(_BR, False)
                previous_br = True
                if child.tail and child.tail.strip():
                    previous_br = False
                self.add(child.tail, in_link)
                continue
            previous_br = False
            if tag in BLOCK_TAGS:
                self.open(child)
                self.add(child.text, in_link)
                self.walk(child, child, in_link)
                self.open(owner)  # text after a nested block is a new block of the owner
                self.add(child.tail, in_link)
            else:
                link = in_link or tag == "a"
                self.add(child.text, link)
                self.walk(child, owner, link)
                self.add(child.tail, in_link)


def segment(root: HtmlElement) -> list[Block]:
    """Blocks of ``root`` (usually ``<body>``) in document order."""
    seg = _Segmenter()
    seg.open(root)
    seg.add(root.text, False)
    seg.walk(root, root, False)
    seg.close()
    return seg.blocks


class FurnitureCache:
    """Answers "is this element inside page furniture, and which?" with memoised walks.

    ``weak`` adds the weaker class hints (see ``_WEAK_FURNITURE_WORDS``).
    ``stop`` is the element (or set of elements) where the search ends, e.g. the
    article container: its own classes and those of its ancestors say nothing
    about a part of it (a body inside ``<div class="story-body with-sidebar">``
    is no sidebar).
    """

    def __init__(self, stop: HtmlElement | set | None = None, weak: bool = True) -> None:
        if stop is None:
            stop = set()
        elif not isinstance(stop, set):
            stop = {stop}
        self.stop = stop
        self.words = _WEAK_FURNITURE_WORDS if weak else _FURNITURE_WORDS
        self.memo: dict[HtmlElement, str | None] = {}

    def __call__(self, el: HtmlElement | None) -> bool:
        kind = self.kind(el)
        return kind is not None and kind != "embed"

    def kind(self, el: HtmlElement | None) -> str | None:
        """``"caption"``, ``"byline"``, ``"furniture"``, ``"embed"`` (a quoted post,
        e.g. a tweet) or None (article text)."""
        chain = []
        result = None
        while el is not None and el not in self.stop:
            if el in self.memo:
                result = self.memo[el]
                break
            chain.append(el)
            result = _element_kind(el, self.words)
            if result is not None:
                break
            el = el.getparent()
        # "embed": an embedded post is content, whatever box holds it
        for item in chain:
            self.memo[item] = result
        return result


_CAPTION_WORDS = frozenset({"caption", "captions", "credit", "credits", "figcaption"})
_BYLINE_WORDS = frozenset({"byline", "author", "authors", "dateline", "timestamp"})


def _element_kind(el: HtmlElement, furniture_words: frozenset = _WEAK_FURNITURE_WORDS) -> str | None:
    tag = el.tag.lower() if isinstance(el.tag, str) else ""
    if tag == "figcaption":
        return "caption"
    names = f"{el.get('class') or ''} {el.get('id') or ''}".lower()
    if names.strip() and _EMBED_RE.search(names):
        return "embed"
    if tag in FURNITURE_TAGS:
        return "furniture"
    role = (el.get("role") or "").lower()
    if role in {"complementary", "navigation", "banner", "contentinfo", "dialog"}:
        return "furniture"
    if not names.strip():
        return None
    found = {word for word in _CLASS_SPLIT_RE.split(names) if word}
    if found & _CAPTION_WORDS:
        return "caption"
    if found & _BYLINE_WORDS:
        return "byline"
    if found & furniture_words:
        return "furniture"
    return None
