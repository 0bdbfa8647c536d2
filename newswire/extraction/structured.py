"""Page metadata: JSON-LD (object, array, ``@graph``, invalid JSON), microdata,
OpenGraph, ``article:*`` and plain ``<meta>`` tags, canonical link, declared
language, and the visible fallbacks (byline, ``<time datetime>``, dated elements).

``page_metadata(tree)`` returns raw candidates per field, each with the method that
found it, in precedence order, so callers apply their own choice:

======================  ============================================================
field                   candidates, first wins unless said otherwise
======================  ============================================================
title                   JSON-LD ``headline`` · ``og:title`` / ``twitter:title`` ·
                        microdata ``headline`` · ``<title>`` (the caller prefers the
                        page's ``<h1>`` over the last three when they agree)
published_at            JSON-LD ``datePublished`` · ``article:published_time`` (also
                        as ``og:article:published_time``) · microdata
                        ``datePublished`` · ``<meta name=date|pubdate|sailthru.date|
                        ...>`` — all "metadata", the *earliest* parseable one wins
                        (see ``newswire.extraction.article``)
modified_at             JSON-LD ``dateModified`` · ``article:modified_time`` ·
                        ``og:updated_time`` · microdata ``dateModified``
authors                 JSON-LD ``author`` (people only) · ``article:author`` /
                        ``sailthru.author`` / ... meta · microdata ``author`` ·
                        visible byline · ``<meta name=author>`` (two words or more)
summary, tags,          JSON-LD, then OpenGraph, then plain meta
language, canonical_url
======================  ============================================================

Real pages bend every rule, and each bend is read: JSON-LD keys capitalised
(GlobeNewswire's ``"Headline"``, ``"DatePublished"``), JSON-LD with single-quoted
strings (Reuters 2019-2020: ``"description": 'Oil prices fell ...'``), OpenGraph with
``name=``/``value=`` instead of ``property=``/``content=`` (Reuters 2016), property
names with a trailing space (``"og:article:author "``).

JSON-LD blocks are decoded one by one with extruct, so one broken block costs only
itself: it is counted in ``invalid_jsonld``; a lenient reading then recovers what
it can (single-quoted strings, trailing commas, raw control characters).
"""

from __future__ import annotations

import functools
import json
import re
import threading
from typing import Any

from lxml import etree
from lxml import html as lxml_html

from newswire.extraction.authors import person_names
from newswire.imports import submodule

ARTICLE_TYPES = {
    "newsarticle",
    "article",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "backgroundnewsarticle",
    "blogposting",
    "pressrelease",
    "report",
    "opinionnewsarticle",
    "reviewnewsarticle",
    "liveblogposting",
    "scholarlyarticle",
    "techarticle",
}
ORGANISATION_TYPES = {
    "organization",
    "organisation",
    "newsmediaorganization",
    "corporation",
    "localbusiness",
    "governmentorganization",
    "ngo",
    "educationalorganization",
}

# Metadata dates (tier 1). Keys are lower-cased meta property/name values.
PUBLISHED_META = (
    ("article:published_time", "opengraph"),
    ("og:article:published_time", "opengraph"),
    ("og:published_time", "opengraph"),
    ("itemprop:datepublished", "microdata"),
    ("date", "meta"),
    ("pubdate", "meta"),
    ("publishdate", "meta"),
    ("publish-date", "meta"),
    ("publish_date", "meta"),
    ("publication_date", "meta"),
    ("datepublished", "meta"),
    ("dc.date.issued", "meta"),
    ("dcterms.issued", "meta"),
    ("dc.date", "meta"),
    ("sailthru.date", "meta"),
    ("parsely-pub-date", "meta"),
)
MODIFIED_META = (
    ("article:modified_time", "opengraph"),
    ("og:article:modified_time", "opengraph"),
    ("og:updated_time", "opengraph"),
    ("itemprop:datemodified", "microdata"),
    ("datemodified", "meta"),
    ("dcterms.modified", "meta"),
)
# Author meta that names people (``article:author`` may also be a profile URL,
# which the person filter drops).
AUTHOR_META = ("article:author", "og:article:author", "sailthru.author", "parsely-author", "dc.creator", "byl")
SITE_NAME_META = ("og:site_name", "application-name", "publisher", "twitter:site", "itemprop:publisher")
# Visible elements whose class or id says they hold the story's date or byline.
_DATED_XPATH = (
    "//body//*[not(self::script) and not(self::style) and not(self::a)]"
    "[contains(translate(@class, 'DATEIMSUPBLH', 'dateimsupblh'), 'date')"
    " or contains(translate(@class, 'DATEIMSUPBLH', 'dateimsupblh'), 'time')"
    " or contains(translate(@class, 'DATEIMSUPBLH', 'dateimsupblh'), 'publish')"
    " or contains(translate(@id, 'DATEIMSUPBLH', 'dateimsupblh'), 'date')"
    " or contains(translate(@id, 'DATEIMSUPBLH', 'dateimsupblh'), 'time')]"
)
# Elements that may hold a byline: classed "byline"/"author" (any case), id'd "byline",
# or rel="author". XPath hands over only the class/id/rel attribute values of the body
# (each knows its element) and the case-insensitive test runs in Python: libxml2's
# translate() on every element of a 400-link PR Newswire page cost ~1 ms a page, and
# handing over every element that has one of the attributes ~0.6 ms.
_BYLINE_ATTRIBUTES_XPATH = "//body//@class | //body//@id | //body//@rel"
_NOT_BYLINES = frozenset({"script", "style", "meta"})
MAX_BYLINE_NODES = 40


def _byline_nodes(tree) -> list:
    """Up to 40 byline/author elements, in document order."""
    found: list = []
    seen: set = set()
    for value in tree.xpath(_BYLINE_ATTRIBUTES_XPATH):
        name = value.attrname
        if name == "rel":
            hit = value == "author"
        else:
            lowered = value.lower()
            hit = "byline" in lowered or (name == "class" and "author" in lowered)
        if not hit:
            continue
        node = value.getparent()
        if node.tag in _NOT_BYLINES or node in seen:
            continue
        seen.add(node)
        found.append(node)
        if len(found) == MAX_BYLINE_NODES:
            break
    return found


_YEAR = re.compile(r"\b(19|20)\d\d\b")
_CLOCK = re.compile(r"\d{1,2}:\d\d|\d\s*[ap]\.?m\b", re.I)
_BY_PREFIX = re.compile(r"^\s*by\s", re.I)
_UPDATED = re.compile(r"\bupdated\b|\bmodified\b", re.I)
MAX_VISIBLE_DATE_CHARS = 80

# extruct's JSON-LD reader alone (``newswire.imports``: extruct's package loads every extractor).
_JSONLD = submodule("extruct", "jsonld").JsonLdExtractor()


@functools.cache
def _element_tokens(tag: str) -> re.Pattern:
    # Scripts and comments are read as whole tokens, so a "<nav>" written inside one
    # (document.write("<nav>...")) neither opens nor closes anything.
    return re.compile(rf"<script\b.*?</script\s*>|<!--.*?-->|<(/?){tag}(?=[\s>/])[^>]*>", re.I | re.S)


def cut_elements(html: str, tags: tuple[str, ...]) -> str:
    """``html`` without the elements named in ``tags``, each cut with all it holds.

    For page furniture a wire's parser never reads, before the page is parsed: PR
    Newswire's menus are ``<nav>`` elements of 426 links, 57 KB of a 66 KB release
    page (and 200 of 210 KB on the real 2023 template), most of the time spent
    building the tree. Nested elements of the same name are cut with their outer one;
    an element that is never closed is kept, with everything after it.
    """
    for tag in tags:
        pieces: list[str] = []
        kept_to = depth = 0
        start = None
        for match in _element_tokens(tag).finditer(html):
            closing = match.group(1)
            if closing is None:
                continue  # a script or a comment
            if not closing:
                if depth == 0:
                    start = match.start()
                depth += 1
            elif depth:
                depth -= 1
                if depth == 0:
                    pieces.append(html[kept_to:start])
                    kept_to = match.end()
        if pieces:
            pieces.append(html[kept_to:])
            html = "".join(pieces)
    return html


# A step after "//" that can be read as a descendant step: a name or "*" or text(),
# then predicates. Predicates are checked apart (_POSITIONAL).
_STEP = re.compile(r"(?:[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?(?![\w.:-])(?!\s*\()|\*|text\(\))")
# A predicate that may be positional ("[1]", "[last()]", "[position() < 3]", "[$n]",
# or any other whose value may be a number): only predicates that begin as a test of
# an attribute, a node or a string function are taken as non-positional.
_NON_POSITIONAL = re.compile(r"\s*(?:@|not\(|contains\(|starts-with\(|self::|ancestor::|ancestor-or-self::|parent::"
                             r"|child::|descendant::|following-sibling::|preceding-sibling::|\.//|\./)")


def descendant_steps(path: str) -> str:
    """``path`` with each ``//step[...]`` whose predicates cannot be positional written
    as ``/descendant::step[...]``: the same nodes, found about twice as fast.

    libxml2 reads ``//meta[@name="date"]`` as "every child ``meta`` of every node", so
    it visits the whole document, text nodes included, once per element; it shortens
    ``//meta`` to one walk of the descendants only when the step has no predicate,
    because ``//p[1]`` (every first ``p`` of its parent) and ``/descendant::p[1]`` (the
    document's first ``p``) differ. For a predicate that is no position the two are the
    same set (``//body//*[@itemprop]`` on a PR Newswire page: 39 -> 20 µs). Steps with
    a predicate that is or may be a number, and ``//@attr``, are left as they are.
    """
    out, i, n = [], 0, len(path)
    while i < n:
        ch = path[i]
        if ch in "\"'":
            end = path.find(ch, i + 1)
            end = n if end < 0 else end + 1
            out.append(path[i:end])
            i = end
            continue
        if path.startswith("//", i):
            step = _STEP.match(path, i + 2)
            if step and _predicates_not_positional(path, step.end()):
                out.append("/descendant::")
                i += 2
                continue
        out.append(ch)
        i += 1
    return "".join(out)


def _predicates_not_positional(path: str, i: int) -> bool:
    """Whether every predicate from ``path[i]`` on (``[...][...]``) is a non-positional test."""
    while i < len(path) and path[i] == "[":
        depth, j, quote = 0, i, None
        while j < len(path):
            ch = path[j]
            if quote:
                quote = None if ch == quote else quote
            elif ch in "\"'":
                quote = ch
            elif ch == "[":
                depth += 1
            elif ch == "]":
                depth -= 1
                if depth == 0:
                    break
            j += 1
        else:
            return False
        inner = path[i + 1 : j]
        if not _NON_POSITIONAL.match(inner) or "position()" in inner or "last()" in inner:
            return False
        i = j + 1
    return True


@functools.lru_cache(maxsize=1024)
def _compiled(path: str) -> etree.XPath:
    return etree.XPath(descendant_steps(path))


class Element(lxml_html.HtmlElement):
    """lxml's HTML element, with every ``xpath()`` expression compiled once per process
    instead of on every call: a page runs 15-30 of them (the parser's, the metadata's,
    the page-type checks), each ~4 µs of compiling against ~5-40 µs of evaluating."""

    def xpath(self, _path, namespaces=None, extensions=None, smart_strings=True, **variables):
        if namespaces is None and extensions is None and smart_strings and not variables:
            return _compiled(_path)(self)
        return super().xpath(_path, namespaces=namespaces, extensions=extensions, smart_strings=smart_strings,
                             **variables)


# lxml.html picks each element's class with a Python callback (special classes for forms
# and inputs, which nothing here reads), ~1 µs for every element Python touches; this
# lookup is done in C. Comments, processing instructions and entities keep lxml.html's
# classes (``isinstance(node, lxml_html.HtmlComment)`` still holds).
_LOOKUP = etree.ElementDefaultClassLookup(element=Element, comment=lxml_html.HtmlComment,
                                          pi=lxml_html.HtmlProcessingInstruction, entity=lxml_html.HtmlEntity)
_local = threading.local()


def _parser() -> lxml_html.HTMLParser:
    """This thread's parser (an lxml parser must not run in two threads at once)."""
    parser = getattr(_local, "parser", None)
    if parser is None:
        parser = _local.parser = lxml_html.HTMLParser(recover=True, encoding="utf-8")
        parser.set_element_class_lookup(_LOOKUP)
    return parser


def parse_html(html: str | bytes, problems: list[str] | None = None) -> Element | None:
    """Parse a document leniently; None when there is nothing to parse.

    When ``problems`` is given, structural damage is appended to it: ``broken_html``
    (mismatched or stray end tags, as libxml2 reports them) and ``unterminated_html``
    (the document stops before ``</body>``/``</html>``, as a truncated response does).
    """
    if isinstance(html, str):
        html = html.encode("utf-8")
    if not html or not html.strip() or not html.strip(b"\x00 \t\r\n"):
        return None
    parser = _parser()
    try:
        tree = lxml_html.document_fromstring(html, parser=parser)
    except (ValueError, lxml_html.etree.ParserError):
        return None
    if problems is not None:
        # The log of this parse only: lxml starts a parser's log afresh on every run.
        if any(e.type_name == "ERR_TAG_NAME_MISMATCH" for e in parser.error_log):
            problems.append("broken_html")
        tail = html[-2048:].lower()
        if b"</html" not in tail and b"</body" not in tail:
            problems.append("unterminated_html")
    return tree


# -- JSON-LD --------------------------------------------------------------------------


def _lenient_json(text: str) -> Any:
    """Decode JSON-LD the way browsers' JavaScript would have accepted it.

    Rewrites single-quoted strings as JSON strings (``'Oil prices fell ...'`` ->
    ``"Oil prices fell ..."``), drops trailing commas before ``}``/``]`` and
    ``//``-comments outside strings, then parses with raw control characters
    allowed. Raises ``ValueError`` when that is still not JSON.
    """
    text = text.strip()
    if text.startswith("<!--"):
        text = text[4:]
    if text.endswith("-->"):
        text = text[:-3]
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in "\"'":
            j, buf = i + 1, []
            while j < n and text[j] != ch:
                if text[j] == "\\" and j + 1 < n:
                    buf.append(text[j : j + 2])
                    j += 2
                    continue
                buf.append(text[j])
                j += 1
            body = "".join(buf)
            if ch == "'":
                body = body.replace("\\'", "'").replace('"', '\\"')
            out.append('"' + body + '"')
            i = j + 1
        elif ch == "/" and text.startswith("//", i):
            while i < n and text[i] != "\n":
                i += 1
        elif ch == ",":
            k = i + 1
            while k < n and text[k] in " \t\r\n":
                k += 1
            if k < n and text[k] in "}]":
                i += 1
                continue
            out.append(ch)
            i += 1
        else:
            out.append(ch)
            i += 1
    return json.loads("".join(out), strict=False)


def jsonld_objects(tree) -> tuple[list[dict], int]:
    """All JSON-LD objects of the page, flattened (arrays, ``@graph`` and a
    ``mainEntity`` unrolled).

    Returns the objects and the number of blocks that were not valid JSON (those
    still contribute what the lenient reading recovers).
    """
    objects: list[dict] = []
    invalid = 0
    for node in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            items = _JSONLD.extract_items(node)
        except Exception:  # noqa: BLE001 - any decoding error means "this block is not JSON"
            invalid += 1
            try:
                items = [_lenient_json(node.text_content() or "")]
            except (ValueError, RecursionError):
                continue
        stack = list(items)
        while stack:
            obj = stack.pop(0)
            if isinstance(obj, list):
                stack[:0] = obj
            elif isinstance(obj, dict):
                graph = obj.get("@graph")
                if isinstance(graph, list):
                    stack[:0] = graph
                main = _get(obj, "mainEntity")
                if isinstance(main, (dict, list)):
                    stack[:0] = main if isinstance(main, list) else [main]
                objects.append(obj)
    return objects, invalid


def _get(obj: dict, key: str) -> Any:
    """``obj[key]``, matching the key case-insensitively (``"DatePublished"``)."""
    if key in obj:
        return obj[key]
    lower = key.lower()
    for k, v in obj.items():
        if isinstance(k, str) and k.lower() == lower:
            return v
    return None


def _types(obj: dict) -> set[str]:
    value = obj.get("@type") or []
    if isinstance(value, str):
        value = [value]
    return {str(v).rsplit("/", 1)[-1].lower() for v in value}


def article_jsonld(objects: list[dict]) -> dict | None:
    """The first JSON-LD object typed as an article (NewsArticle, BlogPosting, ...)."""
    for obj in objects:
        if _types(obj) & ARTICLE_TYPES:
            return obj
    return None


def _names(value: Any) -> list[str]:
    """Author-like values (string, Person/Organization object, or lists of them) as names."""
    if value is None:
        return []
    if isinstance(value, list):
        return [n for v in value for n in _names(v)]
    if isinstance(value, dict):
        name = _get(value, "name")
        return _names(name) if name else []
    text = str(value).strip()
    return [text] if text else []


def _person_names(value: Any) -> list[str]:
    """Like _names but skipping objects typed Organization (a publisher is not an author)."""
    if isinstance(value, list):
        return [n for v in value for n in _person_names(v)]
    if isinstance(value, dict) and _types(value) & ORGANISATION_TYPES:
        return []
    return _names(value)


def _organisation_names(value: Any) -> list[str]:
    if isinstance(value, list):
        return [n for v in value for n in _organisation_names(v)]
    if isinstance(value, dict) and _types(value) & ORGANISATION_TYPES:
        return _names(value)
    return []


def _keywords(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list):
        return [k for v in value for k in _keywords(v)]
    return [k.strip() for k in str(value).split(",") if k.strip()]


def _string(value: Any) -> str | None:
    """A JSON-LD value that should be text (``"headline"``), or None for objects."""
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str)), None)
    return value.strip() if isinstance(value, str) and value.strip() else None


# -- meta tags and microdata ----------------------------------------------------------


def meta_index(tree) -> dict[str, list[str]]:
    """Every ``<meta>`` value by lower-cased key, in document order, read in one pass.

    Keys are the ``property``, ``name`` and ``http-equiv`` values (``og:title``,
    ``article:published_time``, ``content-language``) and ``itemprop:<name>`` for
    microdata. ``content`` is read, else ``value`` (Reuters 2016 writes
    ``<meta value="2016-12-14T22:03:42+0000" name="og:article:published_time">``).
    """
    index: dict[str, list[str]] = {}
    for node in tree.iter("meta"):
        content = node.get("content")
        if content is None:
            content = node.get("value")
        content = (content or "").strip()
        if not content:
            continue
        for attr in ("property", "name", "http-equiv", "itemprop"):
            name = node.get(attr)
            if not name:
                continue
            for key in name.split() if attr in ("property", "itemprop") else [name]:
                key = key.strip().lower()
                if attr == "itemprop":
                    key = "itemprop:" + key
                index.setdefault(key, []).append(content)
    return index


def _meta(index: dict[str, list[str]], *keys: str) -> list[str]:
    return [v for key in keys for v in index.get(key, [])]


def _itemprop_value(node) -> str:
    """The machine value of a microdata element: ``content``/``datetime``, or a
    ``<time datetime>`` inside it (GlobeNewswire: ``<span itemprop="datePublished">
    <time datetime="2016-04-06T16:00:00Z">``), else its text."""
    for attr in ("content", "datetime"):
        if node.get(attr):
            return node.get(attr).strip()
    inner = node.xpath(".//time/@datetime")
    if inner:
        return inner[0].strip()
    return " ".join(node.text_content().split())


def microdata(tree) -> dict[str, list[tuple[str, bool]]]:
    """Microdata values of non-``<meta>`` elements, by lower-cased property:
    ``{"datepublished": [("2016-04-06T16:00:00Z", False)], "author": [("PR Newswire", True)]}``;
    the flag says the element is an Organization item."""
    found: dict[str, list[tuple[str, bool]]] = {}
    # Reached through the attribute (libxml2 then tests only elements that have one):
    # ``//body//*[@itemprop]`` tests every element, 265 against 124 µs a PR Newswire page.
    for node in tree.xpath("//body/descendant::*/@itemprop/parent::*[not(self::meta)]"):
        props = {p.lower() for p in node.get("itemprop", "").split()}
        wanted = props & {"datepublished", "datemodified", "headline", "author", "creator"}
        if not wanted:
            continue
        itemtype = (node.get("itemtype") or "").rsplit("/", 1)[-1].lower()
        is_org = itemtype in ORGANISATION_TYPES
        if node.get("itemscope") is not None and props & {"author", "creator"}:
            names = node.xpath('.//*[@itemprop="name"]')
            value = _itemprop_value(names[0]) if names else ""
        else:
            value = _itemprop_value(node)
        if value:
            for prop in wanted:
                found.setdefault(prop, []).append((value, is_org))
    return found


# -- the candidates ----------------------------------------------------------------------


def page_metadata(tree, bylines: bool = True) -> dict[str, Any]:
    """Raw metadata candidates of a parsed page, each as ``{field: [(value, method), ...]}``.

    Candidates are listed in precedence order (see the module doc). Authors are
    already filtered to people: the first source that names at least one person
    gives the only candidate. ``bylines=False`` skips the visible byline sources
    (for pages that print none: ``Parser.bylines``).
    """
    objects, invalid = jsonld_objects(tree)
    art = article_jsonld(objects) or {}
    metas = meta_index(tree)
    micro = microdata(tree)
    cands: dict[str, list[tuple[Any, str]]] = {}

    def add(field: str, value: Any, method: str) -> None:
        if value in (None, "", []):
            return
        cands.setdefault(field, []).append((value, method))

    add("title", _string(_get(art, "headline")), "jsonld")
    add("summary", _string(_get(art, "description")), "jsonld")
    add("published_at", _string(_get(art, "datePublished")), "jsonld")
    add("modified_at", _string(_get(art, "dateModified")), "jsonld")
    add("tags", _keywords(_get(art, "keywords")), "jsonld")
    add("language", _string(_get(art, "inLanguage")), "jsonld")
    add("body", _string(_get(art, "articleBody")), "jsonld")
    main = _get(art, "mainEntityOfPage")
    add("canonical_url", main.get("@id") if isinstance(main, dict) else _string(main), "jsonld")

    for field, keys in (
        ("title", ("og:title", "twitter:title")),
        ("summary", ("og:description", "twitter:description")),
        ("canonical_url", ("og:url",)),
    ):
        for value in _meta(metas, *keys):
            add(field, value, "opengraph")
    for key, method in PUBLISHED_META:
        for value in metas.get(key, []):
            add("published_at", value, method)
    for value, _org in micro.get("datepublished", []):
        add("published_at", value, "microdata")
    for key, method in MODIFIED_META:
        for value in metas.get(key, []):
            add("modified_at", value, method)
    for value, _org in micro.get("datemodified", []):
        add("modified_at", value, "microdata")
    for value, _org in micro.get("headline", []):
        add("title", value, "microdata")
    add("tags", _meta(metas, "article:tag", "og:article:tag"), "opengraph")
    add("summary", next(iter(_meta(metas, "description")), None), "meta")
    add("tags", [k for v in _meta(metas, "keywords", "news_keywords") for k in _keywords(v)], "meta")

    # Who published the page: never an author.
    organisations = _names(_get(art, "publisher")) + _organisation_names(_get(art, "author"))
    organisations += _meta(metas, *SITE_NAME_META)
    organisations += [v for v, is_org in micro.get("author", []) + micro.get("creator", []) if is_org]
    # Sources are callables: the page scans for bylines only when metadata names no one,
    # and then only once for both byline sources.
    byline_nodes = functools.cache(lambda: _byline_nodes(tree))
    author_sources = (
        (lambda: _person_names(_get(art, "author")), "jsonld", 1),
        (lambda: _meta(metas, *AUTHOR_META), "meta", 1),
        (lambda: [v for v, is_org in micro.get("author", []) + micro.get("creator", []) if not is_org], "microdata", 1),
        (lambda: visible_bylines(tree, byline_nodes()), "byline", 1),
        (lambda: byline_texts(tree, byline_nodes()), "byline", 2),
        # <meta name="author"> often names the site or the issuing company
        # ("Salesforce", "EIN News"): only names of two words or more count.
        (lambda: _meta(metas, "author"), "meta", 2),
    )
    for values, method, min_words in author_sources:
        if method == "byline" and not bylines:
            continue
        names = person_names(values(), organisations, min_words=min_words)
        if names:
            add("authors", names, method)
            break

    for href in tree.xpath('//link[@rel="canonical"]/@href'):
        add("canonical_url", href.strip(), "link")
    title = tree.findtext(".//title")
    add("title", " ".join((title or "").split()), "title_tag")
    lang = tree.xpath("/html/@lang") or _meta(metas, "content-language")
    add("language", (lang[0] if lang else "").strip(), "html_lang")
    for value in _meta(metas, "og:locale"):
        add("language", value, "opengraph")
    cands["_invalid_jsonld"] = [(invalid, "jsonld")] if invalid else []
    cands["_jsonld_article"] = [(bool(art), "jsonld")]
    listing_types = {"collectionpage", "searchresultspage", "itemlist"}
    cands["_jsonld_listing"] = [(any(_types(o) & listing_types for o in objects), "jsonld")]
    cands["_og_type"] = [(v.lower(), "opengraph") for v in _meta(metas, "og:type")]
    return cands


def first(cands: dict, field: str) -> tuple[Any, str | None]:
    """The highest-precedence candidate of ``field`` and its method, or (None, None)."""
    values = cands.get(field) or []
    return values[0] if values else (None, None)


# -- visible fallbacks ----------------------------------------------------------------


def h1_text(tree) -> str:
    """The first non-empty ``<h1>``, without a ``<small>`` subtitle inside it
    (PR Newswire 2015: ``<h1>Britannica Accelerates ... <small>Salesforce Customer
    Success Platform helps ...</small></h1>``). GlobeNewswire's first h1 is empty."""
    for node in tree.iter("h1"):
        parts = [node.text or ""]
        for child in node:
            if child.tag not in ("small", "script", "style") and not isinstance(child, lxml_html.HtmlComment):
                parts.append(child.text_content())
            parts.append(child.tail or "")
        text = " ".join(" ".join(parts).split())
        if text:
            return text
    return ""


def visible_bylines(tree, nodes: list | None = None) -> list[str]:
    """Bylines printed on the page: the innermost byline/author element whose text
    starts with "By" (hosted.ap.org: ``By DANICA KIRKA and JILL LAWLESS`` inside a
    block that adds "Associated Press"); else short author-classed texts."""
    nodes = _byline_nodes(tree) if nodes is None else nodes
    texts = [" ".join(n.text_content().split()) for n in nodes]
    by_nodes = {n for n, t in zip(nodes, texts) if _BY_PREFIX.match(t) and len(t) < 200}
    for node, text in zip(nodes, texts):
        if node in by_nodes and not any(d in by_nodes for d in node.iterdescendants()):
            return [_strip_trailing_date(text)]
    return []


def byline_texts(tree, nodes: list | None = None) -> list[str]:
    """The first short text of an element classed ``byline`` (or ``rel=author``)
    without a "By", outside comment threads (a ``commentAuthor`` is a reader)."""
    for node in _byline_nodes(tree) if nodes is None else nodes:
        marker = ((node.get("class") or "") + " " + (node.get("id") or "")).lower()
        if "byline" not in marker and node.get("rel") != "author":
            continue
        if node.xpath("ancestor-or-self::*[contains(translate(@class, 'COMENT', 'coment'), 'comment')]"):
            continue
        text = " ".join(node.text_content().split())
        if 0 < len(text) < 60:
            return [text]
    return []


def _strip_trailing_date(byline: str) -> str:
    """``"By THE ASSOCIATED PRESS Updated [hour]:[minute] ..."`` -> ``"By THE ASSOCIATED PRESS"``."""
    return re.split(r"\s(?:updated|published|posted)\b", byline, maxsplit=1, flags=re.I)[0]


def visible_dates(tree) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Publication and modification candidates printed on the page, for pages whose
    metadata has none: ``<time datetime>``, ``data-timestamp`` epoch milliseconds
    (AP: ``<bsp-timestamp data-timestamp="1689088761000">``, a modification when its
    template says "Updated"), and short dated elements (``<p id="news-date">April 06,
    2016 12:00 ET</p>``, ``<span class="timestamp">Fri Aug 3, 2012 5:10am EDT</span>``).

    Only texts with a year and a clock time are kept; a related-stories list prints
    "02 Aug 2012" or "5:10am EDT", neither of which is a moment of this story.
    """
    published: list[tuple[str, str]] = []
    modified: list[tuple[str, str]] = []
    for node in tree.xpath("//body//time[@datetime]")[:10]:
        value = node.get("datetime").strip()
        context = " ".join([node.get("class") or "", node.get("itemprop") or "", node.text_content()])
        (modified if _UPDATED.search(context) else published).append((value, "time_element"))
    for node in tree.xpath("//body//*[@data-timestamp]")[:10]:
        value = node.get("data-timestamp").strip()
        context = " ".join(node.getparent().text_content().split()) if node.getparent() is not None else ""
        context += " " + " ".join(node.xpath(".//template//text()"))
        (modified if _UPDATED.search(context) else published).append((value, "data_timestamp"))
    seen = 0
    for node in tree.xpath(_DATED_XPATH):
        text = " ".join(node.text_content().split())
        if not text or len(text) > MAX_VISIBLE_DATE_CHARS or not _YEAR.search(text) or not _CLOCK.search(text):
            continue
        context = (node.get("class") or "") + " " + (node.get("id") or "") + " " + text
        (modified if _UPDATED.search(context) and not re.search(r"publish", context, re.I) else published).append(
            (text, "visible_date")
        )
        seen += 1
        if seen >= 5:
            break
    return published, modified
