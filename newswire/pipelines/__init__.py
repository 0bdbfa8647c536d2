"""Item pipelines, one concern each, ordered in ``settings.ITEM_PIPELINES``:

100 ``page_type``  keep real articles; drop error, soft-404 and block pages by structure
400 ``validate``   required fields present and sane; missing optional fields counted
500 ``dedupe``     one record per story within the run
600 ``history``    one record per story across runs; updates delivered as new versions
700 ``syndication`` one record per release across wires (near-duplicate bodies)

An item arrives extracted: the spider has had the page parsed, cleaned (wire
furniture, repeated paragraphs, source marker, tracking token, mojibake) and normalised
(dates to UTC with the raw value, language, authors, tags, id, hash, word count) in
one trip to an extraction worker (``newswire.extraction.stages.extract_response``), and
counted each fix as ``newswire/fix/<name>``. Every drop is counted as
``newswire/drop/<reason>`` in the crawl stats.
"""

from __future__ import annotations

import dataclasses
import functools
from typing import Any

from itemadapter import ItemAdapter
from scrapy.exceptions import DropItem


class StatsPipeline:
    """Base: holds the crawler's stats and knows how to count and drop."""

    def __init__(self, crawler) -> None:
        self.crawler = crawler
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def drop(self, reason: str, item: Any, detail: str = "") -> DropItem:
        self.stats.inc_value(f"newswire/drop/{reason}")
        url = ItemAdapter(item).get("url")
        return DropItem(f"{reason}: {url}" + (f" ({detail})" if detail else ""))


def fields_of(item: Any) -> dict[str, Any]:
    """The item's fields as a new (shallow) dict."""
    if dataclasses.is_dataclass(item):
        # The item schema is a dataclass: read its attributes directly (ItemAdapter
        # looks the item type up again for every field).
        return {name: getattr(item, name) for name in _field_names(type(item))}
    return dict(ItemAdapter(item).items())


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(field.name for field in dataclasses.fields(cls))
