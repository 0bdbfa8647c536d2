"""Item pipelines, one concern each, ordered in ``settings.ITEM_PIPELINES``:

100 ``page_type``  keep real articles; drop error, soft-404 and block pages by structure
200 ``clean``      wire furniture, repeated paragraphs, source marker, tracking token, mojibake
300 ``normalize``  dates to UTC (+ raw), language, authors, tags, id, hash, word count
400 ``validate``   required fields present and sane
500 ``dedupe``     one record per story within the run
600 ``history``    one record per story across runs; updates delivered as new versions
700 ``syndication`` one record per release across wires (near-duplicate bodies)

Every drop is counted as ``newswire/drop/<reason>`` and every fix as
``newswire/fix/<name>`` in the crawl stats.
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

    def count_fixes(self, fixes: list[str]) -> None:
        for fix in fixes:
            self.stats.inc_value(f"newswire/fix/{fix}")


def fields_of(item: Any) -> dict[str, Any]:
    """The item's fields as a new (shallow) dict."""
    if dataclasses.is_dataclass(item):
        # The item schema is a dataclass: read its attributes directly (ItemAdapter
        # looks the item type up again for every field).
        return {name: getattr(item, name) for name in _field_names(type(item))}
    return dict(ItemAdapter(item).items())


def write_back(item: Any, fields: dict[str, Any]) -> None:
    """Set the item's fields from ``fields``, skipping keys that are not item fields
    (stage-only values such as ``notes``)."""
    if dataclasses.is_dataclass(item):
        for name in _field_names(type(item)):
            if name in fields:
                setattr(item, name, fields[name])
        return
    adapter = ItemAdapter(item)
    names = set(adapter.field_names())
    for key, value in fields.items():
        if key in names:
            adapter[key] = value


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(field.name for field in dataclasses.fields(cls))


class StagePipeline(StatsPipeline):
    """Base: a pipeline whose work is one extraction stage (``newswire.extraction.stages``),
    run in an extraction worker (``newswire.workers``) on the item's fields; the fixes it
    reports are counted. ``stage`` is the function; ``after`` may count more."""

    stage: Any = None

    def __init__(self, crawler) -> None:
        super().__init__(crawler)
        from newswire.workers import ExtractionWorkers

        self.workers = ExtractionWorkers.for_crawler(crawler)

    async def process_item(self, item):
        fields, fixes = await self.workers.run(type(self).stage, fields_of(item))
        self.count_fixes(fixes)
        write_back(item, fields)
        self.after(fields)
        return item

    def after(self, fields: dict[str, Any]) -> None:
        """Hook: called with the stage's output fields once they are on the item."""
