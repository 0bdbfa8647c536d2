"""From page to article fields in three stages: parse, clean, normalise.

Each stage is a plain function on a dict of fields, so it can be tested from saved
HTML. ``extract`` runs all three, which is what ``scrapy extract`` prints; a crawl runs
them in an extraction worker (``newswire.extraction.stages.extract_response``), and
what the spiders emit is the same.
"""

from __future__ import annotations

import re
from typing import Any

from newswire.extraction import language as lang
from newswire.extraction.authors import person_names
from newswire.extraction.body import extract_body
from newswire.extraction.dates import format_utc, has_time, parse_date, parse_day
from newswire.extraction.encoding import decode_html
from newswire.extraction.pagetype import classify
from newswire.extraction.structured import cut_elements, first, h1_text, page_metadata, parse_html, visible_dates
from newswire.extraction.text import (
    content_hash,
    dedupe_paragraphs,
    fingerprint,
    fix_text,
    join_paragraphs,
    repair_paragraphs,
    word_count,
)
from newswire.extraction.urls import canonicalize_url, url_id
from newswire.parsers import parser_for_url, parser_for_wire
from newswire.parsers.base import Parser

# Where a publication date came from, by tier (see ``choose_published``).
METADATA_DATES = {"jsonld", "opengraph", "microdata", "meta"}
VISIBLE_DATES = {"time_element", "data_timestamp", "visible_date"}
# A JSON-LD ``articleBody`` replaces the body read from the page only when it is this
# many times longer: paywalled pages put a teaser there, script-rendered pages the
# whole story while their HTML holds a few words.
ARTICLE_BODY_FACTOR = 2


def _date_tier(method: str | None) -> int:
    """0: the wire parser's own rule (``menafn/v1``); 1: page metadata; 2: dates
    printed on the page; 3: the feed's date; 4: anything else (htmldate)."""
    if method and "/" in method:
        return 0
    if method in METADATA_DATES:
        return 1
    if method in VISIBLE_DATES:
        return 2
    return 3 if method == "feed" else 4


def choose_published(candidates, default_tz: str | None = None):
    """The publication moment among ``(raw, method)`` candidates, as
    ``(aware datetime, raw, method)``, or None.

    Precedence: the wire parser's own date; then page metadata, where the
    *earliest* value wins, because the later ones are updates or page timestamps
    (PR Newswire 2015 carries ``itemprop=datePublished`` 2015-12-17T20:15:18Z on a
    release of 2015-12-04T08:00:00Z; Reuters 2020 ``sailthru.date`` is the update
    time, JSON-LD ``datePublished`` the first publication); then the first date
    printed on the page; then the feed's. Values without a time or a zone never
    win here (see ``parse_date``).
    """
    by_tier: dict[int, list] = {}
    for raw, method in candidates:
        parsed = parse_date(raw, default_tz)
        if parsed is not None:
            by_tier.setdefault(_date_tier(method), []).append((parsed, str(raw), method))
    for tier in sorted(by_tier):
        found = by_tier[tier]
        return min(found, key=lambda c: c[0]) if tier == 1 else found[0]
    return None


def _htmldate(tree, url: str) -> str | None:
    """htmldate's publication *day* (``"2016-06-13"``), for pages with no date in
    metadata or markup we read; it knows many more markup patterns and URL paths
    (``/2014/12/30/``). Its extensive search stays off: that pass runs dateparser
    over free text in every locale, about 2 s on the first such page of a process
    (1 ms without it, same answer on the AP page without metadata)."""
    try:
        from htmldate import find_date

        return find_date(tree, extensive_search=False, original_date=True, url=url or None)
    except Exception:  # noqa: BLE001 - a fallback must never break extraction
        return None


def _same_headline(a: str, b: str) -> bool:
    fa, fb = fingerprint(a), fingerprint(b)
    return bool(fa and fb) and (fa in fb or fb in fa)


def parse_page(html: str | bytes, url: str, status: int = 200, parser: Parser | None = None) -> dict[str, Any]:
    """Stage 1: read every field the page offers, with the method that found each.

    Never raises on bad input: an empty, truncated or broken document gives a dict
    whose ``page_type`` says ``error``. Bytes are decoded as a browser would
    (``newswire.extraction.encoding``).
    """
    parser = parser or parser_for_url(url)
    fields: dict[str, Any] = {"url": url, "wire": parser.wire, "parser": parser.name, "methods": {}, "notes": []}
    if isinstance(html, bytes):
        html, _encoding, how = decode_html(html)
        if how == "sniffed":
            fields["notes"].append("charset_mismatch")
    if parser.skip_elements:
        html = cut_elements(html, parser.skip_elements)
    tree = parse_html(html, fields["notes"])
    if tree is None:
        fields["page_type"] = "error"
        fields["notes"].append("empty_document")
        return fields
    meta = page_metadata(tree, bylines=parser.bylines)
    if meta.get("_invalid_jsonld"):
        fields["notes"].append("invalid_jsonld")
    methods = fields["methods"]
    for key in ("title", "summary", "authors", "tags", "language", "canonical_url"):
        value, method = first(meta, key)
        if value is not None:
            fields[key] = value
            methods[key] = method
    # OpenGraph and <title> carry site suffixes ("Solar output hits record | Site"):
    # the page's own <h1> is the headline when it says the same thing. A <title>
    # alone is a weaker claim than an <h1> of a few words.
    h1 = h1_text(tree)
    if h1 and (
        "title" not in fields
        or (methods.get("title") != "jsonld" and _same_headline(h1, fields["title"]))
        or (methods.get("title") == "title_tag" and len(h1.split()) >= 3)
    ):
        fields["title"], methods["title"] = h1, "h1"

    own = parser.parse_fields(tree, url)
    for key, value in own.items():
        if key == "methods":
            methods.update(value)
        elif key == "container_found":
            continue
        elif value not in (None, "", []):
            fields[key] = value
            methods.setdefault(key, parser.name)

    published = list(meta.get("published_at", []))
    modified = list(meta.get("modified_at", []))
    if own.get("published_at"):
        published.insert(0, (own["published_at"], parser.name))
    tz = parser.default_tz
    if choose_published(published, tz) is None:
        shown, shown_modified = visible_dates(tree)
        published += shown
        modified += shown_modified
        if choose_published(published, tz) is None:
            day = _htmldate(tree, url)
            if day:
                published.append((day, "htmldate"))
    fields["date_candidates"] = published
    chosen = choose_published(published, tz)
    fields.pop("published_at", None)
    if chosen:
        fields["published_at"], methods["published_at"] = chosen[1], chosen[2]
    else:
        partial = next(((raw, m) for raw, m in published if parse_day(raw) is not None), None)
        if partial:  # a day or a zone-less time, as found; normalise keeps it raw only
            fields["published_at"], methods["published_at"] = partial
    if not fields.get("modified_at"):
        for raw, method in modified:
            if parse_date(raw, tz) is not None:
                fields["modified_at"], methods["modified_at"] = raw, method
                break

    container_found = own.get("container_found") if parser.article_xpath else None
    if not fields.get("body"):
        result = extract_body(html, url, fields.get("title"))
        fields["body"], methods["body"] = result.text, result.method
        ld_body, _ = first(meta, "body")
        if ld_body and word_count(ld_body) > ARTICLE_BODY_FACTOR * max(word_count(result.text), 1):
            fields["body"], methods["body"] = ld_body, "jsonld:articleBody"
    og_types = [v for v, _ in meta.get("_og_type", [])]
    has_article_meta = bool(first(meta, "_jsonld_article")[0]) or any(t.startswith("article") for t in og_types)
    fields["page_type"] = classify(
        status,
        tree,
        fields.get("body") or "",
        container_found=container_found,
        has_article_metadata=has_article_meta,
        listing_metadata=bool(first(meta, "_jsonld_listing")[0]),
    )
    fields.pop("container_found", None)
    return fields


def clean_fields(fields: dict[str, Any], parser: Parser | None = None) -> list[str]:
    """Stage 2, in place: body furniture out, text repaired. Returns the fixes made
    (``mojibake``, ``repeated_paragraphs``, ``source_marker``, ...), one name per fix."""
    parser = parser or parser_for_wire(fields.get("wire"))
    fixes: list[str] = []
    raw_body = fields.get("body") or ""
    paragraphs, mojibake = repair_paragraphs(raw_body)
    if mojibake:
        fixes.append("mojibake")
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

    methods = fields.setdefault("methods", {})
    candidates = list(fields.pop("date_candidates", None) or [])
    if not candidates and fields.get("published_at"):
        candidates = [(fields["published_at"], methods.get("published_at"))]
    if hints.get("published"):
        candidates.append((hints["published"], "feed"))
    fields["published_at"] = fields["published_at_raw"] = None
    methods.pop("published_at", None)
    chosen = choose_published(candidates, parser.default_tz)
    if chosen:
        parsed, raw, method = chosen
        fields["published_at"], fields["published_at_raw"], methods["published_at"] = format_utc(parsed), raw, method
        if method == "feed":
            fixes.append("published_at_from_feed")
    elif candidates:
        # No moment, but maybe a day ("2016-04-06" from htmldate, "May. 25, 2017")
        # or a zone-less time ("2017-05-25 04:37:39"): kept as found, never turned
        # into a made-up UTC time. ``published_at`` stays null.
        ranked = sorted(candidates, key=lambda c: _date_tier(c[1]))
        partial = next(((str(raw), m) for raw, m in ranked if parse_day(raw) is not None), None)
        if partial:
            fields["published_at_raw"], methods["published_at"] = partial
            fixes.append("published_at_zoneless" if has_time(partial[0]) else "published_date_only")
        else:
            fixes.append("published_at_unparsed")
    raw_modified = fields.get("modified_at")
    fields["modified_at_raw"] = str(raw_modified) if raw_modified else None
    parsed = parse_date(raw_modified, parser.default_tz) if raw_modified else None
    fields["modified_at"] = format_utc(parsed) if parsed else None

    fields["language"], fields.setdefault("methods", {})["language"] = lang.decide_language(
        fields.get("body"), fields.get("language")
    )
    fields["authors"] = _authors(fields.get("authors"))
    if not fields.get("tickers") and hints.get("tickers"):
        fields["tickers"] = hints["tickers"]
    fields["tickers"] = _unique(fix_text(t) for t in (fields.get("tickers") or []) if isinstance(t, str))
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
    """Author names as a clean list of people: "By JANE DOE and John Roe" -> two
    names, upper-case bylines in title case ("Jane Doe"); a mailbox such as
    ``marketing@menafn.com (MENAFN)``, a desk ("Reuters Editorial") or a role ("AP
    Technology Writer") is not an author (``newswire.extraction.authors``)."""
    if not value:
        return []
    values = value if isinstance(value, list) else [value]
    names = person_names(fix_text(str(v)) for v in values)
    return _unique(_name_case(n) for n in names)


def _name_case(name: str) -> str:
    """``"MATT O'BRIEN"`` -> ``"Matt O'Brien"``; mixed case is kept (``"Jane McDonald"``)."""
    if not name.isupper():
        return name
    return re.sub(r"(?<=\bMc)[a-z]", lambda m: m.group(0).upper(), name.title())


def extract_bytes(
    body: bytes, url: str, content_type_header: str | None = None, status: int = 200
) -> dict[str, Any]:
    """``extract`` for page bytes: decoded like a browser (BOM, then the HTTP
    ``Content-Type`` charset, then ``<meta charset>``, checked against the bytes),
    so a saved ``.html`` file or a raw response body gives the same text as the
    page shows. ``fields["encoding"]`` says which charset was used and how
    (``"cp1252 (sniffed)"`` when the page declared UTF-8 over windows-1252 bytes)."""
    text, encoding, how = decode_html(body, content_type_header)
    fields = extract(text, url, status)
    fields["encoding"] = f"{encoding} ({how})"
    if how == "sniffed":
        fields.setdefault("notes", []).append("charset_mismatch")
    return fields


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
