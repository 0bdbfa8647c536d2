"""Paragraph-level cleaning of an extracted body (helper of ``body.py``).

Extractors keep page furniture that sits next to the article text: the headline
and the byline/date line at the top, photo captions and credits, promo lines
("Related: ...", "Sign up for our newsletter"), and "More stories" link lists at
the end.  These rules remove them.  They only ever remove short lines
(a real paragraph of 30+ words is never dropped here), so a wrong guess costs a
few words, not the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newswire.extraction._body_blocks import Block, words

# Lines longer than this are prose, never furniture.
MAX_FURNITURE_WORDS = 30
# How far down the body the headline/byline/date block may appear.
TOP_ZONE = 6


@dataclass
class PageHints:
    titles: list[str] = field(default_factory=list)
    """Headline candidates: <title>, og:title, <h1>, JSON-LD headline, caller's title."""
    descriptions: list[str] = field(default_factory=list)
    """Summary candidates: meta description, og:description, JSON-LD description."""
    article_body: str = ""
    """The longest JSON-LD articleBody ("" when none)."""


_MONTHS = (
    r"jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|"
    r"nov(ember)?|dec(ember)?"
)
# A date or time as bylines print it: "Nov. 19, 2019", "19 November 2019",
# "2019-11-19", "11/19/2019", "5:45 AM", "10h32".
_DATE_RE = re.compile(
    rf"\b(({_MONTHS})\.?\s+\d{{1,2}}\b|\d{{1,2}}\.?\s+({_MONTHS})\b|\d{{4}}-\d{{2}}-\d{{2}}|"
    r"\d{1,2}/\d{1,2}/\d{2,4}|\d{1,2}[:h]\d{2}\s*(am|pm|a\.m\.|p\.m\.|gmt|utc|[ecmp][sd]t|bst|cet|ist)?\b|"
    r"\d{1,2}\.\d{1,2}\.\d{4}|\d{4}年\d{1,2}月|\d{1,2} de [a-zç]+ de \d{4})",
    re.IGNORECASE,
)
# A dateline on its own line opens the story: "BAAR, SWITZERLAND", "LAGOS, Nigeria".
_DATELINE_RE = re.compile(r"^[A-Z][A-Z .'-]+,\s*[A-Z][\w .'-]+$")
# A short top line that opens like a byline or date line: "By Jane Doe",
# "Updated: Nov. 19", "Published 18 November 2019", "5 min read".
_BYLINE_RE = re.compile(
    r"^\W*(by|von|por|par|di|door|af|av|autor(a)?|author|written by|posted by|reporting by|"
    r"updated|published|posted|last (modified|updated)|published on|updated on|original)\b|"
    r"\b(min(ute)?s? read|reading time|read time|tempo de leitura|lesezeit|temps de lecture|tiempo de lectura)\b",
    re.IGNORECASE,
)
# Promo and navigation lines, anchored at the start: "Related: ...",
# "[Related: ...]", "SEE MORE: ...", "DON'T MISS", "You may also like...",
# "Most read in world news", "Sign up for our newsletter", "Explore further".
# Each needs its separator or the end of the line, so prose that starts with
# the same word ("Related-party deals...", "Trending higher, the index...",
# "Copyright law...") is left alone.
_PROMO_START_RE = re.compile(
    r"^\W*(related( stories| articles| posts?| coverage| content| reading| links| news)?(\s*[:|\]]|\s+-|\s*$)|"
    r"see more\b|see also\s*:|read more\b|read also\b|also read\b|more on this\b|"
    r"don'?t miss\b|you may also like|you might also like|recommended( for you)?\s*([:|]|$)|"
    r"most (read|popular|viewed|shared)\b|popular (on|in)\b|trending( now)?\s*(:|$)|"
    r"sign up\b|subscribe\b|click here\b|follow us\b|follow (him|her|them) on\b|share this( article| story)?\s*(:|$)|"
    r"explore further\b|filed under\b|(tags?|topics?|categor(y|ies))\s*(:|$)|"
    r"advertisement\s*$|sponsored( content)?\s*(:|$)|comments?\s*$|\d+\s+comments?\b|leave a (comment|reply)\b|"
    r"copyright\s*(©|\(c\)|\d{4})|©|\(c\)\s*\d{4}|all rights reserved|"
    r"watch\s*:|listen\s*:|video\s*:|photos?\s*:|image\s*:|pictured\s*:|"
    r"leia (também|mais)\b|veja (também|mais)\b|lesen sie auch\b|lire aussi\b|lee también\b|leggi anche\b)",
    re.IGNORECASE,
)
# "More AP NBA: https://...", "More from the hearing:" -- short lead-ins only
# (a sentence like "More than 30 people were hurt: ..." is longer).
_MORE_RE = re.compile(r"^\W*more(\s+[^\s:.!?]+){0,3}\s*:", re.IGNORECASE)
# Anywhere in a short line: newsletter boxes, error notices of widgets,
# "(Leggi anche su: ...)" and similar read-also asides in brackets.
_PROMO_ANY_RE = re.compile(
    r"\b(sign up|subscribe|register)\b.{0,60}\bnewsletters?\b|\bour newsletters?\b|"
    r"\ball rights reserved\b|\bthanks? (you )?for signing up\b|\ban error (has occurred|occurred)\b|"
    r"\bget the latest .{0,40} (in|to) your inbox\b|^\W*[\[(]\s*(read|see|leggi|leia|veja|lire|lesen|lee) ",
    re.IGNORECASE,
)
# Contact and credit lines of the newsroom: "Write to Al Root at al.root@dowjones.com",
# "Have a tip? Amy may be reached at amy@nj.com", "Follow AP's coverage at https://...",
# "(Reporting by Greg Roumeliotis; editing by Martin Howell)",
# "Keith Bradsher contributed reporting from Hong Kong."
_CONTACT_RE = re.compile(
    r"^\W*(write to|contact|email|e-mail|reach|follow)\b.{0,120}(\S+@\S+\.\w+|https?://|@\w+)|"
    r"\b(be reached at|can reach|reach (him|her|them|me) at)\b|"
    r"^\W*[\w.+-]+@[\w-]+\.[\w.]+\W*$|^\W*(https?://|www\.)\S+\W*$|^\W*[\w-]+(\.[\w-]+)*\.[a-z]{2,}/\S*\s*$|"
    r"^\W*((additional )?(reporting|writing|editing|research)|compiled|edited|written) by\b|"
    r"[;,]\s*(editing|edited|writing) by\b|"
    r"\bcontributed (reporting|to this (report|story|article))\b",
    re.IGNORECASE,
)
# Photo captions and credits: "Photo: Reuters", "(AP Photo/Evan Vucci)",
# "Image credit: NASA", "Foto: dpa", "... Photograph: AFP via Getty".
_CREDIT_RE = re.compile(
    r"^\W*(photo(graph)?|image|picture|foto|bild|credit|illustration|caption)s?"
    r"( credit| by| courtesy)?\s*[:|/]|"
    r"\((ap|afp|reuters|getty|epa|photo|image|file)[^)]{0,60}\)\s*$|"
    r"(photo(graph)?|image|credit|via|/)\s*:?\s*[\w .'-]{0,40}(getty( images)?|ap photo|shutterstock|istock(photo)?)\W*$",
    re.IGNORECASE,
)


def clean_paragraphs(paragraphs: list[tuple[str, Block | None]], hints: PageHints) -> list[str]:
    """Drop furniture lines from ``(text, block)`` pairs; return paragraph strings.

    ``block`` is the DOM block the text came from, or None when the text comes
    from an extractor's plain output (then link density is unknown).
    """
    items = [(text.strip(), block, words(text)) for text, block in paragraphs]
    items = [item for item in items if item[2]]
    titles = [t for t in (words(t) for t in hints.titles) if t]

    # 1. headline, byline and date lines at the top
    out: list[tuple[str, Block | None, list[str]]] = []
    in_top = True
    for i, item in enumerate(items):
        text, block, tokens = item
        if in_top and i < TOP_ZONE:
            if len(tokens) <= MAX_FURNITURE_WORDS and (_is_title(tokens, titles) or _is_byline(text, tokens)):
                continue
            if len(tokens) >= 20:
                in_top = False
            elif (not out and len(tokens) <= 3 and not text.rstrip().endswith(_SENTENCE_END)
                  and not _DATELINE_RE.match(text)):
                # nothing kept yet: a kicker, section label or tool before the
                # first paragraph ("Opinion", "Print Article", "Text size")
                continue
        out.append(item)

    # 2. promo lines, captions and credits, link lists, the headline repeated
    #    lower down (share boxes, galleries: "LeBron sets mark, Lakers win | Sports")
    out = [item for item in out
           if not _is_furniture_line(*item) and not _is_title(item[2], titles, strict=True)]

    # 3. trailing headings and "More:" lead-ins with nothing after them, and a
    #    closing "More Great Stories" box: a heading-like line followed only by
    #    short linked items
    while out:
        if _is_dangling(*out[-1]):
            out.pop()
            continue
        cut = _further_reading_start(out)
        if cut is None:
            break
        del out[cut:]

    result: list[str] = []
    for text, _, _ in out:
        for line in text.split("\n"):
            line = line.strip()
            if line:
                result.append(line)
    return result


def _contains(seq: list[str], sub: list[str]) -> bool:
    n = len(sub)
    if n == 0 or n > len(seq):
        return False
    first = sub[0]
    for i in range(len(seq) - n + 1):
        if seq[i] == first and seq[i:i + n] == sub:
            return True
    return False


def _is_title(tokens: list[str], titles: list[list[str]], strict: bool = False) -> bool:
    """The line repeats a headline: equal, a large part of "Headline | Site", or
    the headline plus a few words.  ``strict`` (away from the top, where a
    sentence may share words with the headline) asks for nearly the whole
    headline and at least four words."""
    if len(tokens) > MAX_FURNITURE_WORDS:
        return False
    part, whole, overlap = (0.8, 0.7, 0.9) if strict else (0.5, 0.7, 0.8)
    if strict and len(tokens) < 4:
        return False
    for title in titles:
        if tokens == title:
            return True
        if len(tokens) >= 3 and len(tokens) >= part * len(title) and _contains(title, tokens):
            return True
        if len(title) >= 3 and len(title) >= whole * len(tokens) and _contains(tokens, title):
            return True
        a, b = set(tokens), set(title)
        if len(a) >= 4 and len(a & b) >= overlap * len(a | b):
            return True
    return False


def _is_byline(text: str, tokens: list[str]) -> bool:
    if len(tokens) > 20:
        return False
    # a sentence is not a byline: "By the end of the week, the council had voted."
    if len(tokens) >= 6 and text.rstrip().endswith((".", "!", "?", "”", '"')):
        return False
    if _BYLINE_RE.search(text):
        return True
    # a short line that is mostly a date: "Tue., Nov. 19, 2019", "18/11/2019 10:32"
    return bool(_DATE_RE.search(text)) and len(tokens) <= 8


def _is_furniture_line(text: str, block: Block | None, tokens: list[str]) -> bool:
    n = len(tokens)
    if block is not None and block.link_density >= 0.75:
        # a link alone on its line, or several stacked with <br>: "related" teasers
        if n <= 25 or max(len(words(line)) for line in text.split("\n")) <= 20:
            return True
    if n > MAX_FURNITURE_WORDS:
        return False
    if _PROMO_START_RE.search(text) or _PROMO_ANY_RE.search(text):
        return True
    if n <= 12 and _MORE_RE.search(text) and not text.rstrip().endswith(_SENTENCE_END):
        return True
    if n <= 20 and _CREDIT_RE.search(text):
        return True
    if _CONTACT_RE.search(text):
        return True
    return False


_SENTENCE_END = (".", "!", "?", "”", '"', "’", ")", "。", "！", "？")


def _is_prose_line(text: str, tokens: list[str]) -> bool:
    return len(tokens) > 25 or (len(tokens) >= 8 and text.rstrip().endswith(_SENTENCE_END))


def _is_lead_in(text: str, block: Block | None, tokens: list[str]) -> bool:
    """A short line that announces what follows: a heading, "More stories:"."""
    if len(tokens) > 10:
        return False
    if block is not None and block.is_heading:
        return True
    stripped = text.rstrip()
    return stripped.endswith((":", "...", "…")) or not stripped.endswith((".", "!", "?", "”", '"'))


def _further_reading_start(items: list[tuple[str, Block | None, list[str]]]) -> int | None:
    """Index where a closing "further reading" section starts, or None.

    The section is a lead-in line after the last prose paragraph, followed by
    at least two short items of which most carry links (wired.com's "More Great
    WIRED Stories" list, a "Popular on" box).
    """
    last_prose = max((i for i, (t, b, w) in enumerate(items)
                      if _is_prose_line(t, w) and not (b is not None and b.link_density >= 0.3 and len(w) <= 40)),
                     default=-1)
    start = last_prose + 1
    if start >= len(items) - 2 or not _is_lead_in(*items[start]):
        return None
    rest = items[start + 1:]
    linked = sum(1 for _, b, _ in rest if b is not None and b.link_density >= 0.3)
    if all(len(w) <= 40 for _, _, w in rest) and linked * 2 > len(rest):
        return start
    return None


def _is_dangling(text: str, block: Block | None, tokens: list[str]) -> bool:
    if len(tokens) > 12:
        return False
    if block is not None and block.is_heading:
        return True
    return text.rstrip().endswith((":", "...", "…")) or (block is not None and block.link_density >= 0.5)
