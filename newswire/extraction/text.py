"""Text hygiene shared by every parser: mojibake, odd whitespace, paragraphs, hashes.

Pure functions on strings; no Scrapy, no network.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata

# Characters that carry no text but break matching: zero-width space/joiners,
# word joiner, BOM and soft hyphen ("Ukr\u00adaine" -> "Ukraine").
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
# Looked for before translating: str.translate maps every character through a dict
# (~7 µs a paragraph), and most paragraphs have none of these.
_HAS_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\r\n\s*\r\n")
_WORD = re.compile(r"\w+")
# Text ftfy leaves alone: printable ASCII without "&" (no HTML entity, no control
# character such as a terminal escape "\x1b[31m"), line breaks, and the typographic
# characters of an English release: curly quotes, en and em dashes, NBSP, ellipsis,
# bullet, (R), (TM), (C). None of these can start or end a mojibake sequence that ftfy
# would undo (no accented letter, no currency sign: "”£A" is one), so such text skips
# ftfy: most lines of an English story, ~60 µs each otherwise. Any other character
# (an accent, "€", "&amp;", "â€œ") sends the text through ftfy.
_FTFY_NEEDED = re.compile("[^\t\n\r\x20-\x25\x27-\x7e\u00a0\u2018\u2019\u201c\u201d\u2013\u2014"
                          "\u2026\u2022\u00ae\u2122\u00a9]")


@functools.cache
def ftfy_fixer():
    """ftfy's ``fix_and_explain`` and this project's config for it, built once (ftfy
    builds a config from keyword arguments on every call otherwise). Imported on first
    use: the crawl process imports this module (parsers read ``block_text``) but never
    repairs text, and ftfy costs ~40 ms of its start."""
    import ftfy

    return ftfy.fix_and_explain, ftfy.TextFixerConfig(normalization="NFC", uncurl_quotes=False,
                                                      fix_latin_ligatures=False)


# ftfy's explanation steps that mean the bytes were decoded with the wrong codec.
_REENCODING_STEPS = frozenset({"encode", "decode", "transcode"})


def _repair(text: str) -> tuple[str, bool]:
    """``fix_text`` and whether ftfy undid mojibake (re-encoded the text) on the way."""
    if not text:
        return "", False
    mojibake = False
    # ftfy undoes UTF-8 decoded as cp1252 and friends; it leaves correct text alone.
    if _FTFY_NEEDED.search(text):
        fix_and_explain, config = ftfy_fixer()
        text, steps = fix_and_explain(text, config)
        mojibake = any(step.action in _REENCODING_STEPS for step in steps or ())
    if not text.isascii() and _HAS_INVISIBLE.search(text):  # isascii() is a flag read
        text = text.translate(_INVISIBLE)
    # Every Unicode space or line separator becomes one plain space: NBSP from
    # "&nbsp;", U+2028/U+2029 seen in scraped BW/GNW text, tabs (ftfy has read a lone
    # NEL as cp1252's "…" by then). str.split() splits on exactly the characters
    # str.isspace() names, ~2 µs for a paragraph against ~11 µs for a regular
    # expression substitution.
    return " ".join(text.split()), mojibake


def fix_text(text: str | None) -> str:
    """Repair one line of text: mojibake (``â€œas isâ€`` -> ``“as is”``), invisible
    characters and every kind of space collapsed to one space, trimmed."""
    return _repair(text or "")[0]


def split_paragraphs(text: str | None) -> list[str]:
    """Split body text into cleaned, non-empty paragraphs (blank-line separated)."""
    return repair_paragraphs(text)[0]


def repair_paragraphs(text: str | None) -> tuple[list[str], bool]:
    """``split_paragraphs``, and whether any paragraph was mojibake (``mÃ©dico``)."""
    if not text:
        return [], False
    out = []
    mojibake = False
    for part in _PARAGRAPH_BREAK.split(text.replace("\r\n", "\n")):
        # A single newline inside a paragraph is a soft break, not a new paragraph.
        cleaned, repaired = _repair(part)
        mojibake = mojibake or repaired
        if cleaned:
            out.append(cleaned)
    return out, mojibake


def join_paragraphs(paragraphs: list[str]) -> str:
    """The body format of the schema: paragraphs separated by one blank line."""
    return "\n\n".join(p for p in paragraphs if p)


# The same text is often fingerprinted again soon after: a body for its content hash
# and then its MinHash signature (~50 us each on a press release), a title in cleaning
# and again for the state store. The last few are kept.
@functools.lru_cache(maxsize=4)
def fingerprint(text: str) -> str:
    """Case-, accent- and punctuation-insensitive form of a text, for comparisons.

    ``"Putin praised the “courage”"`` and ``"putin praised the courage"`` are equal.
    """
    if "\n\n" not in text:
        return _fingerprint(text)
    # A body is its paragraphs joined by blank lines, and cleaning has just
    # fingerprinted each of them (dedupe_paragraphs): its fingerprint is theirs joined.
    # The same string either way: no word spans a line break, and case folding and
    # NFKD map characters one by one (combining marks never reorder across a newline).
    return " ".join(part for part in map(_fingerprint, text.split("\n\n")) if part)


@functools.lru_cache(maxsize=256)
def _fingerprint(text: str) -> str:
    return " ".join(_WORD.findall(unicodedata.normalize("NFKD", text.casefold())))


def dedupe_paragraphs(paragraphs: list[str], min_words: int = 5) -> tuple[list[str], int]:
    """Drop paragraphs that repeat an earlier one (MENAFN prints the body twice).

    Short lines (fewer than ``min_words`` words, e.g. ``"###"`` or ``"Contact:"``) may
    legitimately repeat and are kept. Returns the kept paragraphs and how many went.
    """
    seen: set[str] = set()
    kept: list[str] = []
    removed = 0
    for paragraph in paragraphs:
        key = fingerprint(paragraph)
        if len(key.split()) >= min_words and key in seen:
            removed += 1
            continue
        seen.add(key)
        kept.append(paragraph)
    return kept, removed


def word_count(text: str | None) -> int:
    """Whitespace-separated words, as analysts count them."""
    return len(text.split()) if text else 0


def content_hash(text: str | None) -> str | None:
    """``sha1:<hex>`` of the fingerprint of ``text``: formatting-insensitive identity."""
    if not text:
        return None
    return "sha1:" + hashlib.sha1(fingerprint(text).encode("utf-8")).hexdigest()


_BLOCK_TAGS = frozenset(
    "p div li ul ol h1 h2 h3 h4 h5 h6 blockquote section article header footer table tr td th pre figure figcaption".split()
)


def block_text(node) -> str:
    """Text of an lxml element with block boundaries and ``<br>`` as paragraph breaks.

    Wire bodies come both as ``<p>`` paragraphs and as text runs separated by
    ``<br><br>``; both give one paragraph per block here. Scripts and styles are skipped.
    """
    parts: list[str] = []

    def walk(element) -> None:
        tag = element.tag if isinstance(element.tag, str) else None
        if tag is None or tag in ("script", "style", "noscript", "template"):
            # Comments and processing instructions (tag is a function) carry no text.
            if element.tail:
                parts.append(element.tail)
            return
        block = tag in _BLOCK_TAGS
        if block or tag == "br":
            parts.append("\n\n")
        if element.text and tag != "br":
            parts.append(element.text)
        for child in element:
            walk(child)
        if block:
            parts.append("\n\n")
        if element.tail:
            parts.append(element.tail)

    tail, node.tail = node.tail, None  # the text after the element is not part of it
    try:
        walk(node)
    finally:
        node.tail = tail
    return "".join(parts)
