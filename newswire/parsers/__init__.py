"""Per-wire parsers, found by wire id or by a URL's host.

Registering a wire's parser is adding its module to ``PARSERS``; every registered
wire must have fixtures under ``tests/fixtures/<wire>/`` (checked by the tests).
"""

from __future__ import annotations

from newswire.extraction.urls import host_of
from newswire.parsers.apnews import ApnewsParser
from newswire.parsers.base import Parser
from newswire.parsers.businesswire import BusinesswireParser
from newswire.parsers.einpresswire import EinpresswireParser
from newswire.parsers.globenewswire import GlobenewswireParser
from newswire.parsers.menafn import MenafnParser
from newswire.parsers.prnewswire import PrnewswireParser

PARSERS: dict[str, Parser] = {p.wire: p for p in (MenafnParser(), ApnewsParser(), EinpresswireParser(), PrnewswireParser(), GlobenewswireParser(), BusinesswireParser())}
GENERIC = Parser()


def parser_for_wire(wire: str | None) -> Parser:
    return PARSERS.get(wire or "", GENERIC)


def parser_for_url(url: str) -> Parser:
    host = host_of(url)
    for parser in PARSERS.values():
        if any(host == h or host.endswith("." + h) for h in parser.hosts):
            return parser
    return GENERIC
