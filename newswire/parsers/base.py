"""The parser base: what a wire may override in turning a page into article fields.

A parser is plain Python (no Scrapy, no network). ``newswire.extraction.extract``
runs it in three stages, which the item pipelines also run one per pipeline:

1. :meth:`Parser.parse` reads the page: the generic layer (page metadata, generic
   body extraction) fills every field it can, then :meth:`Parser.parse_fields` lets
   the wire override fields with its own selectors.
2. :meth:`Parser.clean_paragraphs` removes the wire's furniture from the body
   (after the generic cleaning of text and repeated paragraphs).
3. Normalisation (dates to UTC, language, authors) uses :attr:`Parser.default_tz`
   and :meth:`Parser.clean_title` / :meth:`Parser.clean_summary`.

Subclasses set ``wire``, ``version``, ``hosts`` and ``article_xpath``; a new layout
gets a new subclass (``MenafnParserV2(MenafnParserV1)``), so old fixtures keep
their parser.
"""

from __future__ import annotations

import re
from typing import Any

from newswire.extraction.dateline import find_dateline


class Parser:
    """Generic parser, used for hosts no wire claims and as every wire's base."""

    wire: str = "generic"
    version: str = "v1"
    hosts: tuple[str, ...] = ()
    """Hosts (without ``www.``) whose pages this parser reads: ``("menafn.com",)``."""

    article_xpath: str | None = None
    """XPath of the element that holds the story on a real article page. Its presence
    (with enough text) is what makes a page an article; the error wording some
    templates print around articles (MENAFN's "Sorry!! Error!") is never used."""

    skip_elements: tuple[str, ...] = ()
    """Elements cut from the page, with all they hold, before it is parsed: furniture
    the wire's pages carry in bulk and no field comes from (``("nav",)``: PR
    Newswire's menus, 57 of a release page's 66 KB). Nothing is read from them,
    the generic layer included."""

    bylines: bool = True
    """Whether the page may print a byline to search for when its metadata names no
    author (AP's ``By STEVE PEOPLES``). A press release prints none, being credited to
    its issuer (``source``): the search, a pass over every class and id of the page
    (~0.2 ms on a PR Newswire release), is skipped; author metadata is still read."""

    default_tz: str | None = None
    """IANA zone of zone-less times this wire prints (``America/New_York`` for ET)."""

    title_suffix: re.Pattern | None = None
    """The wire's site-name suffix, removed from titles (``" | MENAFN.COM"``)."""

    dateline_pattern: re.Pattern | None = None
    """The wire's own dateline form, tried before the generic rules; its ``dateline``
    group is the dateline (``TOKYO--(BUSINESS WIRE)``)."""

    @property
    def name(self) -> str:
        return f"{self.wire}/{self.version}"

    id_in_url: re.Pattern | None = None
    """Regex finding the wire's story id in a URL; the first group that matched is the id
    (``menafn\\.com/(\\d{10})/`` -> ``"1109925453"``)."""

    def native_id(self, url: str) -> str | None:
        """The wire's own story id from a URL (``"1109925453"``), or None."""
        match = self.id_in_url.search(url) if self.id_in_url is not None else None
        return next((group for group in match.groups() if group), None) if match else None

    def parse_fields(self, tree, url: str) -> dict[str, Any]:
        """Hook: fields read with the wire's own rules, overriding the generic ones.

        Return only what was found; each key may also be listed in ``"methods"``.
        """
        return {}

    def clean_paragraphs(self, paragraphs: list[str], fields: dict[str, Any]) -> tuple[list[str], list[str]]:
        """Hook: drop the wire's furniture from body paragraphs.

        May set fields found on the way (``source``, ``dateline``). Returns the kept
        paragraphs and the names of the fixes made (counted in stats).
        """
        return paragraphs, []

    def clean_title(self, title: str) -> str:
        return self.title_suffix.sub("", title).strip() if self.title_suffix is not None else title

    def clean_summary(self, summary: str) -> str:
        return summary

    def find_dateline(self, first_paragraph: str) -> str | None:
        """Hook: the dateline that opens the body, or None (the wire's pattern, then the
        generic rules)."""
        match = self.dateline_pattern.match(first_paragraph) if self.dateline_pattern is not None else None
        return " ".join(match.group("dateline").split()) if match else find_dateline(first_paragraph)
