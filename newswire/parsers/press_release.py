"""Rules shared by the press-release wires (PR Newswire, GlobeNewswire).

A press release is issued by a company and carried by a wire, so its pages share the
same furniture whatever the wire: a media-contact block at the end ("Media Contact:",
a name, an e-mail address, a phone number), e-mail addresses that Cloudflare replaces
with "[email protected]" in the served HTML, multimedia lines ("Logo -
https://mma.prnewswire.com/media/1724389/Workday_Logo.jpg"), stock tickers in the lead
("Workday, Inc. (NASDAQ: WDAY)"), and no author: the JSON-LD or ``<meta name=author>``
"author" is the issuing company, which is the record's ``source``.

The release text itself, including "About <Company>" and "Forward-Looking Statements",
is the issuer's and stays in the body.
"""

from __future__ import annotations

import copy
import re

from lxml import etree

from newswire.extraction.text import block_text

#: "Media Contact:", "For media inquiries, please contact:", "Contact Information:",
#: "Investor Relations Contact:", "/CONTACT: ..." (PRN 2000s), "Contact médias :".
CONTACT_HEADING = re.compile(
    r"^(?:/?contacts?\b(?:\s+information)?|(?:media|press|investor|investors|ir|public)(?:\s+relations)?"
    r"(?:\s+(?:and|&)\s+(?:media|investor|investors)(?:\s+relations)?)?\s+(?:contacts?|inquiries|enquiries)\b|"
    r"for\s+(?:media|press|further|more|investor)\b[^:]{0,60}contact|contacts?\s+(?:médias?|presse)\b)[^:]{0,40}:",
    re.I,
)
#: What ends a contact block: the next section of the release, or the wire's closing line.
SECTION_HEADING = re.compile(r"^(?:about\s+\S|à propos de\s|forward[- ]looking statements|source\s|safe harbor)", re.I)
#: "Logo - https://mma.prnewswire.com/...", "(Logo: http://photos.prnewswire.com/prnh/20151214/295669LOGO )",
#: "Photo: https://...", "Multimedia: https://..."
MULTIMEDIA_LINE = re.compile(
    r"^\(?\s*(?:logos?|photos?|videos?|images?|multimedia|infographic|audio)\s*(?:[-–:]\s*)?https?://\S+\s*\)?$", re.I
)
CLOUDFLARE_EMAIL = re.compile(r"\[\s*email\s*(?:&#160;|\u00a0|\s)?\s*protected\s*\]", re.I)
#: "(NASDAQ: WDAY)", "[NYSE:  CRM]", "(TSX: ABC.U)"; exchange names as wires print them.
TICKER = re.compile(
    r"[\[(]\s*(NYSE American|NYSE MKT|NYSE Arca|NYSE|NASDAQ|Nasdaq|TSXV|TSX-V|TSX|OTCQB|OTCQX|OTC|CSE|LSE|AIM|ASX)"
    r"\s*:\s*([A-Z][A-Z0-9]{0,5}(?:\.[A-Z]{1,2})?)\s*[\])]"
)


def decode_cloudflare_email(hex_value: str) -> str | None:
    """Cloudflare's e-mail obfuscation undone: the first byte is the XOR key of the rest
    (``data-cfemail="0572...2b666a68"`` -> ``"whataburger@..."``)."""
    try:
        data = bytes.fromhex(hex_value)
    except ValueError:
        return None
    if len(data) < 2:
        return None
    return bytes(b ^ data[0] for b in data[1:]).decode("utf-8", "replace")


def container_text(node, drop_xpath: str | None = None) -> str:
    """Block text of a body container without its furniture: comments (PR Newswire 2015
    repeats every paragraph in ``<!-- Paragraph before: ... -->``), scripts, images,
    and whatever ``drop_xpath`` selects inside it; Cloudflare-obfuscated addresses are
    decoded back to the address."""
    node = copy.deepcopy(node)
    node.tail = None
    for comment in node.xpath(".//comment()"):
        _remove(comment)
    if drop_xpath:
        for element in node.xpath(drop_xpath):
            _remove(element)
    for span in node.xpath('.//*[@data-cfemail]'):
        address = decode_cloudflare_email(span.get("data-cfemail", ""))
        if address:
            for child in list(span):
                span.remove(child)
            span.text = address
    return block_text(node)


def _remove(element) -> None:
    """Remove an element but keep the text that follows it."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    previous = element.getprevious()
    if tail:
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


def tickers_in(paragraphs: list[str]) -> list[str]:
    """Tickers cited in the text, as ``EXCHANGE:SYMBOL`` (``["NASDAQ:WDAY"]``)."""
    found = []
    for paragraph in paragraphs:
        for exchange, symbol in TICKER.findall(paragraph):
            found.append(f"{exchange.upper()}:{symbol}")
    return list(dict.fromkeys(found))


def drop_contacts(paragraphs: list[str]) -> tuple[list[str], bool]:
    """Remove media-contact blocks: from a contact heading up to the next release section
    ("About ...", "Forward-Looking Statements", "SOURCE ...") or a paragraph of prose."""
    kept: list[str] = []
    in_contact = dropped = False
    for paragraph in paragraphs:
        if CONTACT_HEADING.match(paragraph):
            in_contact = dropped = True
            continue
        if in_contact:
            if SECTION_HEADING.match(paragraph) or len(paragraph.split()) > 25:
                in_contact = False
            else:
                continue
        kept.append(paragraph)
    return kept, dropped


def drop_wire_lines(paragraphs: list[str]) -> tuple[list[str], list[str]]:
    """Multimedia lines and Cloudflare placeholders out; returns kept paragraphs and fixes."""
    kept, fixes = [], []
    for paragraph in paragraphs:
        if MULTIMEDIA_LINE.match(paragraph):
            fixes.append("multimedia_line")
            continue
        if CLOUDFLARE_EMAIL.search(paragraph):
            paragraph = " ".join(CLOUDFLARE_EMAIL.sub(" ", paragraph).split())
            fixes.append("cloudflare_email")
            if not paragraph:
                continue
        kept.append(paragraph)
    return kept, list(dict.fromkeys(fixes))


def text_of(node) -> str:
    """Whitespace-collapsed text of an element (``""`` for None)."""
    if node is None:
        return ""
    if isinstance(node, etree._Element):
        return " ".join(node.text_content().split())
    return " ".join(str(node).split())


def until_trailer(paragraphs: list[str], trailers: re.Pattern, fixes: list[str]) -> list[str]:
    """The paragraphs before the first one ``trailers`` matches ("Press Release Actions",
    "Contact Us:"): what follows it is page furniture."""
    for index, paragraph in enumerate(paragraphs):
        if trailers.match(paragraph):
            fixes.append("trailing_furniture")
            return paragraphs[:index]
    return paragraphs


def finish_release(paragraphs: list[str], fields: dict, fixes: list[str]) -> tuple[list[str], list[str]]:
    """The cleaning every press-release wire ends with: contact blocks, multimedia lines
    and Cloudflare placeholders out; tickers from the page, else from the sitemap/feed
    hints, else from the text; no authors (the "author" the page names is the issuer)."""
    kept, dropped = drop_contacts(paragraphs)
    if dropped:
        fixes.append("contact_block")
    kept, line_fixes = drop_wire_lines(kept)
    fields["tickers"] = fields.get("tickers") or (fields.get("hints") or {}).get("tickers") or tickers_in(kept)
    fields["authors"] = []
    return kept, list(dict.fromkeys(fixes + line_fixes))
