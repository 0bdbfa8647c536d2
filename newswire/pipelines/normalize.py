from newswire.extraction import normalise_fields
from newswire.parsers import parser_for_wire
from newswire.pipelines import StatsPipeline, fields_of, write_back


class NormalizePipeline(StatsPipeline):
    """Dates to UTC ISO 8601 with the raw value kept (page metadata first, then the
    feed's date), language as ISO 639-1, authors and tags as clean lists, the story
    id, canonical URL, word count and content hash."""

    def process_item(self, item):
        fields = fields_of(item)
        self.count_fixes(normalise_fields(fields, parser_for_wire(fields.get("wire"))))
        write_back(item, fields)
        for field in ("published_at", "language", "summary", "dateline"):
            if not fields.get(field):
                self.stats.inc_value(f"newswire/field/{field}/missing")
        return item
