from newswire.extraction.stages import normalise_stage
from newswire.pipelines import StatsPipeline, fields_of, write_back
from newswire.workers import ExtractionWorkers


class NormalizePipeline(StatsPipeline):
    """Dates to UTC ISO 8601 with the raw value kept (page metadata first, then the
    feed's date), language as ISO 639-1, authors and tags as clean lists, the story
    id, canonical URL, word count and content hash."""

    def __init__(self, crawler) -> None:
        super().__init__(crawler)
        self.workers = ExtractionWorkers.for_crawler(crawler)

    async def process_item(self, item):
        fields, fixes = await self.workers.run(normalise_stage, fields_of(item))
        self.count_fixes(fixes)
        write_back(item, fields)
        for field in ("published_at", "language", "summary", "dateline"):
            if not fields.get(field):
                self.stats.inc_value(f"newswire/field/{field}/missing")
        return item
