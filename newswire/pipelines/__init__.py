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
from typing import Any

from itemadapter import ItemAdapter
from scrapy.exceptions import DropItem

from newswire.items import record_fields, update_record


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
        return record_fields(item)
    return dict(ItemAdapter(item).items())


def write_back(item: Any, fields: dict[str, Any]) -> None:
    """Set the item's fields from ``fields``, skipping keys that are not item fields
    (stage-only values such as ``notes``)."""
    if dataclasses.is_dataclass(item):
        update_record(item, fields)
        return
    adapter = ItemAdapter(item)
    names = set(adapter.field_names())
    for key, value in fields.items():
        if key in names:
            adapter[key] = value


class StagePipeline(StatsPipeline):
    """Base: a pipeline whose work is one extraction stage (``newswire.extraction.stages``),
    run in an extraction worker (``newswire.workers``) on the item's fields; the fixes it
    reports are counted. ``stage`` is the function; ``after`` may count more.

    An article page's worker runs the clean and normalise stages in the same trip as the
    parse (``extract_page``) and lists them in the item's ``stages_done`` with their
    fixes: the pipeline then counts those fixes instead of sending the item again. An
    item without the stage done (from a spider of one's own) has it run here."""

    stage: Any = None

    def __init__(self, crawler) -> None:
        super().__init__(crawler)
        from newswire.workers import ExtractionWorkers

        self.workers = ExtractionWorkers.for_crawler(crawler)

    async def process_item(self, item):
        stage = type(self).stage
        done = ItemAdapter(item).get("stages_done") or {}
        fixes = done.pop(stage.__name__, None)
        if fixes is None:
            fields, fixes = await self.workers.run(stage, fields_of(item))
            write_back(item, fields)
        self.count_fixes(fixes)
        self.after(ItemAdapter(item))
        return item

    def after(self, item: ItemAdapter) -> None:
        """Hook: called with the item once the stage's output is on it."""
