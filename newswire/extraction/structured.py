"""Page metadata: JSON-LD (object, array, ``@graph``, invalid JSON), OpenGraph,
``article:*`` and plain ``<meta>`` tags, canonical link and declared language.

``page_metadata(tree)`` returns one flat dict of raw values with the method that
found each, so callers apply their own precedence. JSON-LD blocks are decoded one by
one with extruct, so one broken block (a stray control character, a trailing comma)
costs only itself: it is counted in ``invalid_jsonld`` and the rest still count.
"""

from __future__ import annotations

from typing import Any

from extruct.jsonld import JsonLdExtractor
from lxml import html as lxml_html

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
}

_JSONLD = JsonLdExtractor()


def parse_html(html: str | bytes, problems: list[str] | None = None) -> lxml_html.HtmlElement | None:
    """Parse a document leniently; None when there is nothing to parse.

    When ``problems`` is given, structural damage is appended to it: ``broken_html``
    (mismatched or stray end tags, as libxml2 reports them) and ``unterminated_html``
    (the document stops before ``</body>``/``</html>``, as a truncated response does).
    """
    if isinstance(html, str):
        html = html.encode("utf-8")
    if not html or not html.strip() or not html.strip(b"\x00 \t\r\n"):
        return None
    parser = lxml_html.HTMLParser(recover=True, encoding="utf-8")
    try:
        tree = lxml_html.document_fromstring(html, parser=parser)
    except (ValueError, lxml_html.etree.ParserError):
        return None
    if problems is not None:
        if any(e.type_name == "ERR_TAG_NAME_MISMATCH" for e in parser.error_log):
            problems.append("broken_html")
        tail = html[-2048:].lower()
        if b"</html" not in tail and b"</body" not in tail:
            problems.append("unterminated_html")
    return tree


def jsonld_objects(tree) -> tuple[list[dict], int]:
    """All JSON-LD objects of the page, flattened (arrays and ``@graph`` unrolled).

    Returns the objects and the number of blocks that could not be decoded.
    """
    objects: list[dict] = []
    invalid = 0
    for node in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            items = _JSONLD.extract_items(node)
        except Exception:  # noqa: BLE001 - any decoding error means "this block is junk"
            invalid += 1
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
                objects.append(obj)
    return objects, invalid


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
        name = value.get("name")
        return _names(name) if name else []
    text = str(value).strip()
    return [text] if text else []


def _person_names(value: Any) -> list[str]:
    """Like _names but skipping objects typed Organization (a publisher is not an author)."""
    if isinstance(value, list):
        return [n for v in value for n in _person_names(v)]
    if isinstance(value, dict) and _types(value) & {"organization", "newsmediaorganization", "corporation"}:
        return []
    return _names(value)


def _keywords(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list):
        return [k for v in value for k in _keywords(v)]
    return [k.strip() for k in str(value).split(",") if k.strip()]


def _meta(tree, *keys: str) -> list[str]:
    values = []
    for key in keys:
        for node in tree.xpath(f'//meta[@property="{key}" or @name="{key}"]'):
            content = (node.get("content") or "").strip()
            if content:
                values.append(content)
    return values


def page_metadata(tree) -> dict[str, Any]:
    """Raw metadata candidates of a parsed page, each as ``{field: [(value, method), ...]}``.

    Candidates are listed in precedence order: JSON-LD first, then OpenGraph /
    ``article:`` meta, then plain ``<meta>`` and document tags.
    """
    objects, invalid = jsonld_objects(tree)
    art = article_jsonld(objects) or {}
    cands: dict[str, list[tuple[Any, str]]] = {}

    def add(field: str, value: Any, method: str) -> None:
        if value in (None, "", []):
            return
        cands.setdefault(field, []).append((value, method))

    add("title", art.get("headline"), "jsonld")
    add("summary", art.get("description"), "jsonld")
    add("published_at", art.get("datePublished"), "jsonld")
    add("modified_at", art.get("dateModified"), "jsonld")
    add("authors", _person_names(art.get("author")), "jsonld")
    add("tags", _keywords(art.get("keywords")), "jsonld")
    add("language", art.get("inLanguage"), "jsonld")
    add("body", art.get("articleBody"), "jsonld")
    main = art.get("mainEntityOfPage")
    add("canonical_url", main.get("@id") if isinstance(main, dict) else main, "jsonld")

    for field, keys in (
        ("title", ("og:title", "twitter:title")),
        ("summary", ("og:description", "twitter:description")),
        ("published_at", ("article:published_time",)),
        ("modified_at", ("article:modified_time", "og:updated_time")),
        ("canonical_url", ("og:url",)),
    ):
        for value in _meta(tree, *keys):
            add(field, value, "opengraph")
    add("tags", _meta(tree, "article:tag"), "opengraph")
    add("authors", _meta(tree, "author"), "meta")
    add("summary", next(iter(_meta(tree, "description")), None), "meta")
    add("tags", [k for v in _meta(tree, "keywords", "news_keywords") for k in _keywords(v)], "meta")
    for value in _meta(tree, "pubdate", "publish-date", "date", "DC.date.issued"):
        add("published_at", value, "meta")

    for href in tree.xpath('//link[@rel="canonical"]/@href'):
        add("canonical_url", href.strip(), "link")
    title = tree.findtext(".//title")
    add("title", (title or "").strip(), "title_tag")
    lang = tree.xpath("/html/@lang") or tree.xpath('//meta[@http-equiv="content-language"]/@content')
    add("language", (lang[0] if lang else "").strip(), "html_lang")
    for value in _meta(tree, "og:locale"):
        add("language", value, "opengraph")
    cands["_invalid_jsonld"] = [(invalid, "jsonld")] if invalid else []
    cands["_jsonld_article"] = [(bool(art), "jsonld")]
    return cands


def first(cands: dict, field: str) -> tuple[Any, str | None]:
    """The highest-precedence candidate of ``field`` and its method, or (None, None)."""
    values = cands.get(field) or []
    return values[0] if values else (None, None)
