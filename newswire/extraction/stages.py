"""The extraction stages as a crawl runs them, in a worker process (``newswire.workers``).

Plain values in, plain values out: the spider sends a response's bytes and what it
knew of the story, and gets the article's fields back. The heavy modules (lxml,
trafilatura, extruct, py3langid) are imported inside the functions, so the crawl
process, which only hands the work over, neither loads them nor pays their start-up
time.
"""

from __future__ import annotations

import re
from typing import Any

# Raw C0 controls (a NUL, ESC, backspace pasted into JSON-LD strings) are never text:
# a vertical tab is Word's line break, the others go.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), 0x7F])


def parse_response(body: bytes, content_type: str, url: str, status: int, wire: str) -> dict[str, Any]:
    """Stage 1 for a downloaded page: decoded as a browser would, then checked against
    the bytes (a page declared ISO-8859-1 over UTF-8 bytes, or UTF-8 over windows-1252
    ones, comes out right), control characters out, then ``parse_page`` with the
    wire's parser. Notes (``charset_mismatch``, ``control_characters``) are in
    ``fields["notes"]``."""
    from newswire.extraction.article import parse_page
    from newswire.extraction.encoding import decode_html
    from newswire.parsers import parser_for_wire

    text, _encoding, how = decode_html(body, content_type) if body else ("", "", "")
    controls = 0
    # The bytes are checked first (a C loop, ~30 µs for PR Newswire's 200 KB pages
    # against ~300 µs for the regex on the text): in every ASCII-compatible charset a
    # control character is its own byte. UTF-16 pages, full of NULs, take the regex.
    if len(body.translate(None, _CONTROL_BYTES)) != len(body):
        text, controls = _CONTROLS.subn(lambda m: " " if m.group() == "\x0b" else "", text)
    fields = parse_page(text, url, status, parser_for_wire(wire))
    if how == "sniffed":
        fields.setdefault("notes", []).append("charset_mismatch")
    if controls:
        fields.setdefault("notes", []).append("control_characters")
    return fields


def extract_response(body: bytes, content_type: str, url: str, status: int, wire: str,
                     known: dict[str, Any]) -> tuple[dict[str, Any], list[str], list[str]]:
    """A downloaded page to article fields in one trip to a worker: ``parse_response``,
    then, for an article, ``clean_fields`` and ``normalise_fields`` (the three stages of
    ``newswire.extraction.article``, as ``extract`` runs them) and the body's
    near-duplicate signature (``newswire.state.neardup``: hashing every 5-word shingle
    is CPU work; the syndication pipeline only needs the result).

    ``known`` holds what the crawl knew before reading the page (``wire``, ``url``,
    ``crawled_at``, ``http_status``, ``hints`` from the feed or sitemap); the page's item
    fields (``newswire.items.Article``) are laid over it. Returns ``(fields, notes,
    fixes)``: ``fields`` for the item, notes on the page (``charset_mismatch``,
    ``control_characters``) and the fixes made (``leading_furniture``, ``mojibake``...).
    A page that is not an article (an error, block or listing page) comes back parsed
    only, for the page-type pipeline to drop."""
    from newswire.extraction.article import clean_fields, normalise_fields
    from newswire.items import FIELD_NAMES
    from newswire.state.neardup import signature, to_blob

    page = parse_response(body, content_type, url, status, wire)
    notes = page.pop("notes", [])
    fields = dict(known)
    fields.update((key, value) for key, value in page.items()
                  if key in FIELD_NAMES and key not in ("wire", "url"))
    fixes: list[str] = []
    if fields.get("page_type") == "article":
        fixes += clean_fields(fields)
        for key in [key for key in fields if key not in FIELD_NAMES]:
            del fields[key]  # stage-only values (``notes``) do not reach the next stage
        fixes += normalise_fields(fields)
        sig = signature(fields.get("body") or "")
        fields["signature"] = None if sig is None else to_blob(sig)
    return fields, notes, fixes
