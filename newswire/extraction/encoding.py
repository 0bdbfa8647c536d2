"""Page bytes to text, as a browser would decode them, with a sanity check.

Order (the WHATWG one, through w3lib): a byte-order mark, then the charset of the
HTTP ``Content-Type`` header, then ``<meta charset>`` / ``<meta http-equiv>``, then
UTF-8. Labels resolve the way browsers resolve them (``iso-8859-1`` and ``latin-1``
are windows-1252, so ``0x93`` is ``“`` and not a C1 control).

The declaration is then checked against the bytes, because wires and their
re-publishers get it wrong both ways:

* declared UTF-8 (or nothing) but the bytes are windows-1252 (``caf\\xe9`` from a
  CMS that pastes Word text): every byte that is not valid UTF-8 is read as
  windows-1252, so ``café`` comes out right and the valid UTF-8 around it too;
* declared ``ISO-8859-1`` but the bytes are UTF-8 (``caf\\xc3\\xa9``): decoding as
  declared would give ``cafÃ©``. Valid multi-byte UTF-8 sequences almost never
  occur by chance in windows-1252 text, so when they are there and outnumber the
  bytes that are not UTF-8, the page is read as UTF-8.

A BOM is never second-guessed: it is written by the program that encoded the file.
"""

from __future__ import annotations

import codecs
import re

from w3lib.encoding import html_body_declared_encoding, http_content_type_encoding, read_bom, resolve_encoding

_FALLBACK_HANDLER = "newswire-cp1252-fallback"
# A well-formed multi-byte UTF-8 sequence (2, 3 or 4 bytes; no overlongs, no surrogates).
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}|"
    rb"\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
_NON_ASCII = re.compile(rb"[\x80-\xff]")
# Single-byte charsets a page may wrongly declare for UTF-8 bytes.
_SINGLE_BYTE = re.compile(r"^(cp125\d|iso8859-\d+|latin-?\d|ascii|cp437|koi8-[ru]|mac-roman)$")
# Only the first bytes are searched for <meta charset>, as browsers do (1024 bytes;
# a little more for pages with long <head> comments).
_PRESCAN_BYTES = 4096


def _cp1252_fallback(error: UnicodeDecodeError) -> tuple[str, int]:
    """Decode each byte that is not valid UTF-8 as windows-1252 (``\\xe9`` -> ``é``)."""
    bad = error.object[error.start : error.end]
    return bad.decode("cp1252", errors="replace"), error.end


codecs.register_error(_FALLBACK_HANDLER, _cp1252_fallback)


def _utf8_evidence(body: bytes) -> tuple[int, int]:
    """(bytes in valid multi-byte UTF-8 sequences, other non-ASCII bytes)."""
    non_ascii = len(_NON_ASCII.findall(body))
    in_sequences = sum(len(m) for m in _UTF8_MULTIBYTE.findall(body))
    return in_sequences, non_ascii - in_sequences


def declared_encoding(body: bytes, content_type_header: str | None = None) -> tuple[str | None, str]:
    """The charset a browser would pick before looking at the text, and where it
    came from: ``("utf-8", "bom")``, ``("cp1252", "header")``, ``("utf-8", "meta")``
    or ``(None, "none")``."""
    bom, _ = read_bom(body)
    if bom:
        return bom, "bom"
    if content_type_header:
        enc = http_content_type_encoding(content_type_header)
        if enc:
            return enc, "header"
    enc = html_body_declared_encoding(body[:_PRESCAN_BYTES])
    if enc:
        return enc, "meta"
    return None, "none"


def decode_html(body: bytes, content_type_header: str | None = None) -> tuple[str, str, str]:
    """Decode page bytes; returns ``(text, encoding used, how)``.

    ``how`` is ``bom``, ``header``, ``meta`` or ``default`` when the bytes agree with
    that source, or ``sniffed`` when the declaration was overruled by the bytes
    (declared UTF-8 over windows-1252 bytes, declared ISO-8859-1 over UTF-8 bytes).
    """
    if not body:
        return "", "utf-8", "default"
    enc, source = declared_encoding(body, content_type_header)
    if source == "bom":
        bom, raw_bom = read_bom(body)
        return body[len(raw_bom) :].decode(bom, errors="replace"), bom, "bom"
    resolved = resolve_encoding(enc) if enc else None
    if source == "meta" and resolved and resolved.startswith("utf-16"):
        # A <meta> that could be read as ASCII cannot be in UTF-16: browsers use UTF-8.
        resolved = "utf-8"
    how = source if resolved else "default"
    if body.isascii():
        return body.decode("ascii"), resolved or "utf-8", how
    if resolved in (None, "utf-8"):
        try:
            return body.decode("utf-8"), "utf-8", how
        except UnicodeDecodeError:
            # Decoded byte by byte: a windows-1252 page comes out right, and so does a
            # UTF-8 page with a few stray windows-1252 bytes pasted into it.
            good, _bad = _utf8_evidence(body)
            text = body.decode("utf-8", errors=_FALLBACK_HANDLER)
            return text, "utf-8" if good else "cp1252", "sniffed"
    codec = codecs.lookup(resolved).name
    if _SINGLE_BYTE.match(codec):
        good, bad = _utf8_evidence(body)
        if good and good > bad:
            return body.decode("utf-8", errors=_FALLBACK_HANDLER), "utf-8", "sniffed"
        return body.decode(resolved, errors="replace"), resolved, how
    # A multi-byte charset (shift_jis, gb18030, euc-kr, big5): trust it unless it
    # cannot decode the bytes and UTF-8 can.
    try:
        return body.decode(resolved), resolved, how
    except UnicodeDecodeError:
        try:
            return body.decode("utf-8"), "utf-8", "sniffed"
        except UnicodeDecodeError:
            return body.decode(resolved, errors="replace"), resolved, how
