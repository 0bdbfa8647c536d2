"""Generic article-body extraction for any news page (no Scrapy, no network).

Minimal first version: trafilatura alone. The function signature is the contract
used by the rest of the package.
"""

from __future__ import annotations

from dataclasses import dataclass

import trafilatura


@dataclass
class BodyResult:
    text: str
    """Body text, paragraphs separated by one blank line ("" when none found)."""
    method: str
    """Which extractor or rule produced it (``trafilatura``)."""


def extract_body(html: str, url: str | None = None, title: str | None = None) -> BodyResult:
    """Return the main text of the article in ``html``.

    ``title``, when known, lets the extractor drop a headline repeated at the top.
    """
    text = trafilatura.extract(html, url=url, include_comments=False, include_tables=False, favor_precision=True) or ""
    paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
    return BodyResult("\n\n".join(paragraphs), "trafilatura")
