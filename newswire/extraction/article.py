"""From page to article fields in three stages: parse, clean, normalise.

Each stage is a plain function on a dict of fields, so it can be tested from saved
HTML and run by one item pipeline each (``newswire.pipelines``). ``extract`` runs all
three, which is what ``scrapy extract`` prints and what the spiders end up emitting.
"""

from __future__ import annotations

from typing import Any

from ftfy.badness import is_bad

from newswire.extraction import language as lang
from newswire.extraction.body import extract_body
from newswire.extraction.dates import format_utc, parse_date
from newswire.extraction.pagetype import classify
from newswire.extraction.structured import first, page_metadata, parse_html
from newswire.extraction.text import (
    content_hash,
    dedupe_paragraphs,
    fingerprint,
    fix_text,
    join_paragraphs,
    split_paragraphs,
    word_count,
)
from newswire.extraction.urls import canonicalize_url, url_id
from newswire.parsers import parser_for_url, parser_for_wire
from newswire.parsers.base import Parser


def parse_page(html: str | bytes, url: str, status: int = 200, parser: Parser | None = None) -> dict[str, Any]:
    """Stage 1: read every field the page offers, with the method that found each.

    Never raises on bad input: an empty, truncated or broken document gives a dict
    whose ``page_type`` says ``error``.
    """
    parser = parser or parser_for_url(url)
    fields: dict[str, Any] = {"url": url, "wire": parser.wire, "parser": parser.name, "methods": {}, "notes": []}
    tree = parse_html(html, fields["notes"])
    if tree is None:
        fields["page_type"] = "error"
        fields["notes"].append("empty_document")
        return fields
    meta = page_metadata(tree)
    if meta.get("_invalid_jsonld"):
        fields["notes"].append("invalid_jsonld")
    methods = fields["methods"]
    for key in ("title", "summary", "published_at", "modified_at", "authors", "tags", "language", "canonical_url"):
        value, method = first(meta, key)
        if value is not None:
            fields[key] = value
            methods[key] = method
    if "title" in fields and methods.get("title") in ("opengraph", "title_tag"):
        h1 = tree.xpath("normalize-space(//h1)")
        if h1:
            fields["title"], methods["title"] = h1, "h1"
    fields["date_candidates"] = meta.get("published_at", [])

    own = parser.parse_fields(tree, url)
    for key, value in own.items():
        if key == "methods":
            methods.update(value)
        elif key == "container_found":
            continue
        elif value not in (None, "", []):
            fields[key] = value
            methods.setdefault(key, parser.name)
    if own.get("published_at"):
        fields["date_candidates"] = [(own["published_at"], parser.name), *fields["date_candidates"]]
    container_found = own.get("container_found") if parser.article_xpath else None
    if not fields.get("body"):
        result = extract_body(html if isinstance(html, str) else html.decode("utf-8", "replace"), url, fields.get("title"))
        fields["body"], methods["body"] = result.text, result.method
    has_article_meta = bool(first(meta, "_jsonld_article")[0]) or bool(tree.xpath('//meta[@property="og:type"][@content="article"]'))
    fields["page_type"] = classify(
        status, tree, fields.get("body") or "", container_found=container_found, has_article_metadata=has_article_meta
    )
    fields.pop("container_found", None)
    return fields


def clean_fields(fields: dict[str, Any], parser: Parser | None = None) -> list[str]:
    """Stage 2, in place: body furniture out, text repaired. Returns the fixes made
    (``mojibake``, ``repeated_paragraphs``, ``source_marker``, ...), one name per fix."""
    parser = parser or parser_for_wire(fields.get("wire"))
    fixes: list[str] = []
    raw_body = fields.get("body") or ""
    if is_bad(raw_body):
        fixes.append("mojibake")
    paragraphs = split_paragraphs(raw_body)
    paragraphs, wire_fixes = parser.clean_paragraphs(paragraphs, fields)
    fixes.extend(wire_fixes)
    title = fix_text(fields.get("title"))
    if paragraphs and title and fingerprint(paragraphs[0]) == fingerprint(title):
        paragraphs = paragraphs[1:]
        fixes.append("title_in_body")
    paragraphs, repeated = dedupe_paragraphs(paragraphs)
    if repeated:
        fixes.append("repeated_paragraphs")
    if paragraphs and not fields.get("dateline"):
        fields["dateline"] = parser.find_dateline(paragraphs[0])
    fields["body"] = join_paragraphs(paragraphs)
    return fixes


def normalise_fields(fields: dict[str, Any], parser: Parser | None = None) -> list[str]:
    """Stage 3, in place: dates to UTC with raw kept, language code, lists and strings
    in their schema form, id and canonical URL. Returns the fixes made."""
    parser = parser or parser_for_wire(fields.get("wire"))
    fixes: list[str] = []
    if fields.get("title"):
        fields["title"] = parser.clean_title(fix_text(fields["title"])) or None
    if fields.get("summary"):
        fields["summary"] = parser.clean_summary(fix_text(fields["summary"])) or None
    hints = fields.get("hints") or {}
    if not fields.get("title") and hints.get("title"):
        fields["title"] = fix_text(hints["title"])
        fixes.append("title_from_feed")

    candidates = list(fields.pop("date_candidates", None) or [])
    if not candidates and fields.get("published_at"):
        candidates = [(fields["published_at"], fields.get("methods", {}).get("published_at"))]
    if hints.get("published"):
        candidates.append((hints["published"], "feed"))
    fields["published_at"] = fields["published_at_raw"] = None
    for raw, method in candidates:
        parsed = parse_date(raw, parser.default_tz)
        if parsed:
            fields["published_at"], fields["published_at_raw"] = format_utc(parsed), str(raw)
            fields.setdefault("methods", {})["published_at"] = method
            if method == "feed":
                fixes.append("published_at_from_feed")
            break
    else:
        if candidates:
            fixes.append("published_at_unparsed")
    raw_modified = fields.get("modified_at")
    fields["modified_at_raw"] = str(raw_modified) if raw_modified else None
    parsed = parse_date(raw_modified, parser.default_tz) if raw_modified else None
    fields["modified_at"] = format_utc(parsed) if parsed else None

    fields["language"], fields.setdefault("methods", {})["language"] = lang.decide_language(
        fields.get("body"), fields.get("language")
    )
    fields["authors"] = _authors(fields.get("authors"))
    fields["tags"] = _unique(fix_text(t) for t in (fields.get("tags") or []) if isinstance(t, str))
    fields["canonical_url"] = canonicalize_url(fields.get("canonical_url") or fields["url"])
    native = parser.native_id(fields["canonical_url"]) or parser.native_id(fields["url"])
    fields["id"] = f"{fields.get('wire')}:{native or url_id(fields['canonical_url'])}"
    fields["word_count"] = word_count(fields.get("body"))
    fields["content_hash"] = content_hash(fields.get("body"))
    return fixes


def _unique(values) -> list[str]:
    seen, out = set(), []
    for value in values:
        key = value.casefold()
        if value and key not in seen:
            seen.add(key)
            out.append(value)
    return out


def _authors(value: Any) -> list[str]:
    """Author names as a clean list: "By JANE DOE and John Roe" -> two names; e-mail
    forms such as ``marketing@menafn.com (MENAFN)`` are a mailbox, not an author."""
    import re

    if not value:
        return []
    values = value if isinstance(value, list) else [value]
    names = []
    for item in values:
        text = fix_text(str(item))
        if "@" in text:
            continue
        text = re.sub(r"^by\s+", "", text, flags=re.I)
        for part in re.split(r"\s*(?:,|;|\band\b|&)\s*", text):
            part = part.strip()
            if part:
                names.append(part.title() if part.isupper() else part)
    return _unique(names)


def extract(html: str | bytes, url: str, status: int = 200) -> dict[str, Any]:
    """Everything the project knows how to read from one page, as schema fields.

    ``{"title": ..., "body": ..., "published_at": "2025-08-13T06:12:00Z", ...,
    "page_type": "article", "methods": {"title": "h1", ...}, "fixes": [...]}``.
    """
    parser = parser_for_url(url)
    fields = parse_page(html, url, status, parser)
    fixes: list[str] = []
    if fields.get("page_type") == "article":
        fixes += clean_fields(fields, parser)
        fixes += normalise_fields(fields, parser)
    fields["fixes"] = fixes
    return fields
