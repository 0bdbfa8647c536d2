"""Generic article-body extraction for any news page (no Scrapy, no network).

How the body is found
---------------------
1. trafilatura proposes the article text.  Its fast mode is used unless it
   found less than 30 % of the page's prose; then its full mode (which also
   runs readability- and jusText-style passes and picks the best) is used.
2. The page is split into DOM text blocks (``_body_blocks``) and each block is
   aligned with trafilatura's text by shared 4-word shingles.  The *article
   container* is the deepest element holding 70 % of the aligned words, e.g.
   ``<div class="story-body">``.
3. The container corrects trafilatura both ways:

   * recall: blocks inside the container between the first and last kept block
     that trafilatura dropped but that are not furniture (short subheads, list
     items, embedded tweets, a paragraph after an inline ad) are put back; and
     when the body is cut into sibling containers with the same tag and class
     (``<div class="body__container">`` chunks with ad slots between them,
     where extractors often stop at the first break), the later chunks are
     added too;
   * precision: short or link-heavy blocks that trafilatura kept *outside* the
     container (headline, standfirst, "Most read" lists, newsletter boxes) are
     dropped, prose paragraphs outside it are kept; captions inside it
     (``<figcaption>``, ``class="caption"``) and copies of body sentences in
     "Highlights" boxes are dropped.

4. Cleaning (``_body_clean``): headline and byline/date lines at the top,
   caption/credit lines, promo lines ("Related: ...", "Sign up for ..."),
   newsroom contact/credit lines, trailing "More stories" link lists; mojibake
   is repaired with ftfy.
5. JSON-LD ``articleBody`` is only a fallback: publishers often put a teaser
   (the first 500 characters) there, so it is used only when it is clearly
   longer than what the page gave, or when it agrees with trafilatura's text
   that could not be found in the page's blocks (it then has the paragraphs).

Each step only removes short lines or adds blocks from the article's own
container, so a wrong guess costs a few lines, not the article.
"""

from __future__ import annotations

import html as html_lib
import json
import re
from bisect import bisect_left
from dataclasses import dataclass

import ftfy
from lxml.html import HtmlElement

from newswire.extraction._body_blocks import Block, FurnitureCache, segment, words
from newswire.extraction._body_clean import PageHints, clean_paragraphs

# Pages above this size are cut before parsing: real articles are far below
# (a heavy news page with inline scripts is ~1.5 MB), and lxml/trafilatura
# time grows with size.
MAX_HTML_CHARS = 5_000_000

# trafilatura's full mode runs when the fast one found less than this share of
# the page's prose words (paragraphs of 20+ words with little link text).  On
# real article pages the two modes practically only differ where this share is
# below 0.25; a good extraction covers 0.4-1.0 (less with long comment threads).
FULL_MODE_BELOW = 0.3
# A block is "kept by trafilatura" when at least half its 4-word shingles occur
# in trafilatura's text (a paragraph that lost an inline "Read more" link keeps
# ~90 %, a headline that shares a few words with the lede ~20 %).
MATCH_SHARE = 0.5
# The article container holds at least this share of the aligned words.
CONTAINER_SHARE = 0.7
# Below this share of trafilatura's text found again in the DOM blocks (text
# from <noscript>, JSON, or split very differently), trafilatura's text is used
# as it is.
MIN_COVERAGE = 0.85
# Recovered blocks must be mostly plain text: prose with a few citation links
# is ~0.1 link text, "related stories" lists are ~1.0.
MAX_RECOVER_LINK_DENSITY = 0.5
# Largest gap of non-prose blocks put back between two kept blocks (see _gap_blocks).
MAX_GAP_WORDS = 300


@dataclass
class BodyResult:
    text: str
    """Body text, paragraphs separated by one blank line ("" when none found)."""
    method: str
    """Which extractor or rule produced it: ``trafilatura+dom`` (trafilatura aligned
    with and corrected by the page's blocks), ``trafilatura`` (its text, cleaned),
    ``json-ld`` (the page's articleBody) or ``empty``."""


def extract_body(html: str, url: str | None = None, title: str | None = None) -> BodyResult:
    """Return the main text of the article in ``html``.

    ``title``, when known, lets the extractor drop a headline repeated at the top.
    """
    if not html or not html.strip():
        return BodyResult("", "empty")
    # bytes are accepted too: trafilatura's loader then reads the page's charset
    if len(html) > MAX_HTML_CHARS:
        html = html[:MAX_HTML_CHARS]
    tree = _parse(html)
    if tree is None:
        return BodyResult("", "empty")

    hints = _page_hints(tree, title)
    root = tree.find("body")
    if root is None:
        root = tree
    try:
        blocks = segment(root)
    except RecursionError:  # absurdly nested inline markup: keep trafilatura's text
        blocks = []

    # trafilatura's own extraction first (fast mode); its slower mode, which
    # also runs a readability- and a jusText-style pass and picks the best, is
    # only needed when the fast result missed most of the page's prose (e.g. it
    # took a 47-word sidebar item of a 1,100-word Reuters story).
    traf_text = _trafilatura(tree, url, fast=True)
    page_prose = sum(len(b.tokens) for b in blocks if len(b.tokens) >= 20 and b.link_density < 0.3)
    if len(words(traf_text)) < FULL_MODE_BELOW * page_prose or not traf_text:
        traf_text = _trafilatura(tree, url, fast=False) or traf_text

    selected = _select_blocks(blocks, traf_text) if traf_text else None
    if selected is not None:
        paragraphs = [(b.text, b) for b in selected]
        method = "trafilatura+dom"
    else:
        paragraphs = [(line, None) for line in traf_text.split("\n")]
        method = "trafilatura"
    paragraphs = clean_paragraphs(paragraphs, hints)
    text = "\n\n".join(paragraphs)

    # JSON-LD articleBody: a fallback when the page gave (almost) nothing, and
    # the better-formatted copy when trafilatura's text could not be found in
    # the page (it then often comes from that very JSON-LD, run together).
    if hints.article_body:
        declared = words(hints.article_body)
        found = words(text)
        if len(declared) >= 50 and (
            len(found) < 0.5 * len(declared)
            or (method == "trafilatura" and len(declared) >= 0.8 * len(found) and _agrees(found, declared))
        ):
            paragraphs = clean_paragraphs([(p, None) for p in _jsonld_paragraphs(hints.article_body)], hints)
            text, method = "\n\n".join(paragraphs), "json-ld"

    if not text:
        return BodyResult("", "empty")
    return BodyResult(_fix_encoding(text), method)


def _trafilatura(tree: HtmlElement, url: str | None, fast: bool) -> str:
    # Imported on first use (~0.3 s): pages of the wires' known templates never need it.
    import trafilatura

    try:
        return trafilatura.extract(tree, url=url, include_comments=False, include_tables=True, fast=fast) or ""
    except Exception:  # noqa: BLE001 - a broken page must not stop a crawl
        return ""


def extract_body_text(html: str, url: str | None = None) -> str:
    """Only the body text, for ``eval_extraction.py`` and quick scripts."""
    return extract_body(html, url).text


# ---------------------------------------------------------------------------
# parsing and page hints


def _parse(html: str | bytes) -> HtmlElement | None:
    from trafilatura.utils import load_html

    try:
        tree = load_html(html)
        if tree is None:
            # load_html rejects fragments ("<p>x</p>"): wrap them as a document
            if isinstance(html, bytes):
                html = html.decode("utf-8", errors="replace")
            tree = load_html(f"<html><body>{html}</body></html>")
    except Exception:  # noqa: BLE001 - lxml raises several types on garbage
        return None
    return tree


_TITLE_META = ("og:title", "twitter:title", "title", "sailthru.title", "parsely-title")
_DESCRIPTION_META = ("description", "og:description", "twitter:description")


def _page_hints(tree: HtmlElement, title: str | None) -> PageHints:
    """Titles and descriptions the page declares, to recognise them in the body."""
    titles: list[str] = [title] if title else []
    descriptions: list[str] = []
    article_body = ""
    for el in tree.iterfind(".//title"):
        titles.append(el.text_content())
        break
    for meta in tree.iterfind(".//meta"):
        key = (meta.get("property") or meta.get("name") or "").lower()
        content = meta.get("content")
        if not content:
            continue
        if key in _TITLE_META:
            titles.append(content)
        elif key in _DESCRIPTION_META:
            descriptions.append(content)
    for i, el in enumerate(tree.iter("h1")):
        if i >= 3:
            break
        titles.append(el.text_content())
    for script in tree.iterfind(".//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        for obj in _json_objects(data):
            for key in ("headline", "alternativeHeadline"):
                if isinstance(obj.get(key), str):
                    titles.append(obj[key])
            if isinstance(obj.get("description"), str):
                descriptions.append(obj["description"])
            body = obj.get("articleBody")
            if isinstance(body, str) and len(body) > len(article_body):
                article_body = body
    return PageHints(titles=[t for t in titles if t and t.strip()], descriptions=descriptions,
                     article_body=article_body)


def _json_objects(data, depth: int = 0):
    if depth > 6:
        return
    if isinstance(data, dict):
        yield data
        for value in data.values():
            if isinstance(value, (dict, list)):
                yield from _json_objects(value, depth + 1)
    elif isinstance(data, list):
        for value in data:
            yield from _json_objects(value, depth + 1)


# A UTF-8 lead byte read as cp1252/latin-1 ("Ã", "â", "Ð"...) followed by a
# continuation byte read the same way ("©", "€", "™"...): "Ã©" for "é", "â€™" for "’".
_MOJIBAKE_HINT = re.compile(
    "[\u00c2-\u00df\u00e0-\u00ef]"
    "[\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)


def _fix_encoding(text: str) -> str:
    """Undo UTF-8 read as cp1252/latin-1 ("Donâ€™t" -> "Don’t"); ftfy only runs
    when such a pair is present, as it costs ~1 ms per 10 kB."""
    if _MOJIBAKE_HINT.search(text):
        text = ftfy.fix_text(text, uncurl_quotes=False, fix_latin_ligatures=False, normalization="NFC")
    return text


def _agrees(found: list[str], declared: list[str]) -> bool:
    """At least 80 % of the extracted text's shingles are in the declared body."""
    ours = _shingles(found)
    if not ours:
        return False
    theirs = set(_shingles(declared))
    return sum(1 for s in ours if s in theirs) >= 0.8 * len(ours)


_HTML_IN_TEXT = re.compile(r"<(p|br|div|h[1-6]|li)\b[^>]*>", re.IGNORECASE)


def _jsonld_paragraphs(body: str) -> list[str]:
    """Paragraphs of a JSON-LD articleBody, which some sites fill with HTML
    ("<p>First.</p><p>Second.</p>") or with escaped entities ("&amp;")."""
    if _HTML_IN_TEXT.search(body):
        tree = _parse(f"<html><body><div>{body}</div></body></html>")
        if tree is not None:
            root = tree.find("body")
            return [b.text for b in segment(root if root is not None else tree)]
    return [html_lib.unescape(line) for line in body.split("\n")]


# ---------------------------------------------------------------------------
# alignment of trafilatura's text with the DOM blocks


def _shingles(tokens: list[str]) -> list[tuple[str, ...]]:
    if len(tokens) < 4:
        return [tuple(tokens)] if tokens else []
    return [tuple(tokens[i:i + 4]) for i in range(len(tokens) - 3)]


def _align(blocks: list[Block], traf_text: str) -> tuple[list[bool], float]:
    """Mark the blocks whose text trafilatura kept; return marks and coverage.

    Long blocks (4+ words) match by shared 4-word shingles, wherever they are.
    Short ones ("Our ruling", a table cell "DL") are too common to match by
    content alone: they must appear in trafilatura's word stream right where the
    previous matched block ended, or be one of its lines.
    """
    stream = words(traf_text)
    positions: dict[tuple[str, ...], list[int]] = {}
    for i, sh in enumerate(_shingles(stream)):
        positions.setdefault(sh, []).append(i)
    lines = {" ".join(words(line)) for line in traf_text.split("\n")}
    matched = [False] * len(blocks)
    covered = bytearray(len(stream))
    cursor = 0
    for k, block in enumerate(blocks):
        tokens = block.tokens
        if len(tokens) >= 4:
            shs = _shingles(tokens)
            # a repeated shingle counts at its first occurrence after the cursor
            hits = []
            for sh in shs:
                found = positions.get(sh)
                if found:
                    if len(found) == 1:
                        hits.append(found[0])
                    else:
                        j = bisect_left(found, cursor)
                        hits.append(found[j] if j < len(found) else found[0])
            if len(hits) >= MATCH_SHARE * len(shs):
                matched[k] = True
                for i in hits:
                    covered[i:i + 4] = b"\x01\x01\x01\x01"
                cursor = max(hits) + 4
        else:
            n = len(tokens)
            for j in range(max(0, cursor - 2), min(len(stream) - n, cursor + 12) + 1):
                if stream[j:j + n] == tokens:
                    matched[k] = True
                    covered[j:j + n] = b"\x01" * n
                    cursor = j + n
                    break
            else:
                if " ".join(tokens) in lines:
                    matched[k] = True
    coverage = sum(covered[:len(stream)]) / len(stream) if stream else 0.0
    return matched, coverage


def _container(blocks: list[Block], matched: list[bool]) -> HtmlElement | None:
    """Deepest element holding CONTAINER_SHARE of the matched words."""
    weight: dict[HtmlElement, int] = {}
    depth: dict[HtmlElement, int] = {}
    total = 0
    for block, ok in zip(blocks, matched):
        if not ok:
            continue
        n = len(block.tokens)
        total += n
        chain = [block.el, *block.el.iterancestors()]
        for d, el in enumerate(reversed(chain)):
            weight[el] = weight.get(el, 0) + n
            depth[el] = d
    if not total:
        return None
    best, best_depth = None, -1
    for el, w in weight.items():
        if w >= CONTAINER_SHARE * total and depth[el] > best_depth:
            best, best_depth = el, depth[el]
    return best


def _inside(el: HtmlElement, container: HtmlElement, memo: dict) -> bool:
    chain = []
    result = False
    node = el
    while node is not None:
        known = memo.get(node)
        if known is not None:
            result = known
            break
        if node is container:
            result = True
            break
        chain.append(node)
        node = node.getparent()
    for item in chain:
        memo[item] = result
    return result


def _split_chunks(container: HtmlElement) -> list[HtmlElement]:
    """Sibling containers of the same body cut by ads or widgets.

    Elements with the container's exact tag and class, inside the nearest
    ``<article>``/``<main>`` ancestor (or at most four levels up), e.g. the
    second and third ``<div class="body__container">`` of a long story.  An
    ``<article>`` container is a whole story: elements like it nearby are other
    stories (a list of posts), so it has no chunks; nor are chunks taken from
    inside another ``<article>`` or from furniture boxes.
    """
    cls = container.get("class")
    if not cls or not cls.strip() or container.tag == "article":
        return []
    scope = container
    for level, anc in enumerate(container.iterancestors()):
        scope = anc
        if anc.tag in ("article", "main") or level >= 3:
            break
    furniture = FurnitureCache(stop=scope)
    chunks = []
    for el in scope.iter(container.tag):
        if el is container or el.get("class") != cls or furniture(el):
            continue
        if not _in_other_article(el, scope):
            chunks.append(el)
    return chunks


def _in_other_article(el: HtmlElement, scope: HtmlElement) -> bool:
    for anc in el.iterancestors():
        if anc is scope:
            return False
        if anc.tag == "article":
            return True
    return False


def _select_blocks(blocks: list[Block], traf_text: str) -> list[Block] | None:
    if not blocks:
        return None
    matched, coverage = _align(blocks, traf_text)
    if coverage < MIN_COVERAGE:
        return None
    container = _container(blocks, matched)
    if container is None:
        return None
    memo: dict = {}
    inside = [_inside(b.el, container, memo) for b in blocks]
    # blocks of the other chunks, with the furniture test scoped to their chunk
    chunk_of: dict[int, FurnitureCache] = {}
    for chunk in _split_chunks(container):
        chunk_memo: dict = {}
        chunk_furniture = FurnitureCache(stop=chunk)
        members = [k for k, b in enumerate(blocks)
                   if not inside[k] and k not in chunk_of and _inside(b.el, chunk, chunk_memo)]
        # a chunk of the body has prose; a look-alike box of the page ("Subscribe",
        # a teaser with the same CSS class) has none
        if any(_is_prose(blocks[k]) and not chunk_furniture(blocks[k].el) for k in members):
            for k in members:
                chunk_of[k] = chunk_furniture
    furniture = FurnitureCache(stop=container)
    # outside the container, only the boxes below the part of the page shared
    # with the body say something ("rail" or "sidebar" on <body> do not)
    page_furniture = FurnitureCache(stop=set(container.iterancestors()) | {container}, weak=False)
    inner = [k for k in range(len(blocks)) if matched[k] and inside[k]]
    if not inner:
        return None
    first, last = inner[0], inner[-1]

    recover = _gap_blocks(blocks, matched, inside, first, last, furniture)
    keep: list[Block] = []
    for k, block in enumerate(blocks):
        if inside[k]:
            if matched[k]:
                if not _is_caption(block, furniture):
                    keep.append(block)
            elif k in recover:
                keep.append(block)
        elif k in chunk_of:
            if _recoverable(block, chunk_of[k]) or (matched[k] and not _is_caption(block, chunk_of[k])):
                keep.append(block)
        elif matched[k] and _outside_keepable(block, page_furniture):
            keep.append(block)
    return _drop_repeats(keep, inside, blocks)


def _gap_blocks(blocks: list[Block], matched: list[bool], inside: list[bool], first: int, last: int,
                furniture: FurnitureCache) -> set[int]:
    """Indexes of the blocks to put back between the first and last kept block.

    Gaps in a body are small: a subhead, a list, an embedded tweet, the
    paragraph after an inline ad (typically under 10 blocks and 100 words).  A gap of more than MAX_GAP_WORDS words that is not mostly prose
    is another part of the page (a sidebar between two parts trafilatura
    kept) and stays out.
    """
    out: set[int] = set()
    run: list[int] = []
    for k in range(first + 1, last + 1):
        if not inside[k]:
            continue
        if not matched[k]:
            if _recoverable(blocks[k], furniture):
                run.append(k)
            continue
        if run:
            total = sum(len(blocks[j].tokens) for j in run)
            prose = sum(len(blocks[j].tokens) for j in run if _is_prose(blocks[j]))
            if total <= MAX_GAP_WORDS or prose >= 0.7 * total:
                out.update(run)
            run = []
    return out


def _drop_repeats(keep: list[Block], inside: list[bool], blocks: list[Block]) -> list[Block]:
    """Drop kept blocks outside the container that repeat text kept elsewhere: a
    caption or "Highlights" box repeating a body sentence, a pull quote.
    Repeats inside the container are the author's (a meal plan listing the same
    snack twice) and stay."""
    inner = {tuple(b.tokens) for b in keep if inside[b.index] and len(b.tokens) >= 5}
    seen: set[tuple[str, ...]] = set()
    out = []
    for block in keep:
        key = tuple(block.tokens)
        if not inside[block.index] and len(key) >= 5:
            if key in inner or key in seen:
                continue
            seen.add(key)
        out.append(block)
    return out


def _is_prose(block: Block) -> bool:
    """A paragraph of running text: 20+ words, little link text."""
    return len(block.tokens) >= 20 and block.link_density < 0.3


def _recoverable(block: Block, furniture: FurnitureCache) -> bool:
    """A block trafilatura dropped from inside the article container: put it back
    unless it is link-heavy or sits in furniture (figure, aside, ad slot...).
    Embedded posts (tweets) are quoted content even when they are mostly links."""
    kind = furniture.kind(block.el)
    if kind == "embed":
        return True
    return kind is None and block.link_density <= MAX_RECOVER_LINK_DENSITY


def _is_caption(block: Block, furniture: FurnitureCache) -> bool:
    """A kept block that is in fact a caption, credit or byline box of the body
    (``<figcaption>``, ``<div class="wp-caption-text">``, ``<p class="byline">``)."""
    return furniture.kind(block.el) in ("caption", "byline")


def _outside_keepable(block: Block, furniture: FurnitureCache) -> bool:
    """A block trafilatura kept outside the container: keep real prose only
    (headlines, standfirsts, "Most read" entries and newsletter boxes are short
    or sit in furniture).  A short sentence counts as prose ("You shouldn't just
    believe them." between two body parts); a headline has no final stop."""
    if block.is_heading or block.link_density > MAX_RECOVER_LINK_DENSITY:
        return False
    n = len(block.tokens)
    if n < 12 and not (n >= 4 and block.text.rstrip().endswith(_SENTENCE_END)):
        return False
    return not furniture(block.el)


_SENTENCE_END = (".", "!", "?", ".\"", ".”", "!”", "?”", ".’", ".)", "。", "！", "？")
