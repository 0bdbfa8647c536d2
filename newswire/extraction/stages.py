"""The extraction stages as a crawl runs them, in a worker process (``newswire.workers``).

Plain values in, plain values out: the spider sends a response's bytes, the pipelines
send fields. The heavy modules (lxml, trafilatura, extruct, py3langid) are imported
inside the functions, so the crawl process, which only hands the work over, neither
loads them nor pays their start-up time.
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


def clean_stage(fields: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """``clean_fields``, returning the cleaned fields with the fixes made."""
    from newswire.extraction.article import clean_fields

    fixes = clean_fields(fields)
    return fields, fixes


def normalise_stage(fields: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """``normalise_fields``, returning the normalised fields with the fixes made.

    The body's near-duplicate signature (``newswire.state.neardup``) is computed here
    too, in the same trip to the worker: hashing every 5-word shingle is CPU work, and
    the syndication pipeline only needs the result."""
    from newswire.extraction.article import normalise_fields
    from newswire.state.neardup import signature, to_blob

    fixes = normalise_fields(fields)
    sig = signature(fields.get("body") or "")
    fields["signature"] = None if sig is None else to_blob(sig)
    return fields, fixes
