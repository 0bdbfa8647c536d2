from newswire.extraction.stages import normalise_stage
from newswire.pipelines import StagePipeline


class NormalizePipeline(StagePipeline):
    """Dates to UTC ISO 8601 with the raw value kept (page metadata first, then the
    feed's date), language as ISO 639-1, authors and tags as clean lists, the story
    id, canonical URL, word count and content hash."""

    stage = normalise_stage

    def after(self, fields):
        for field in ("published_at", "language", "summary", "dateline"):
            if not fields.get(field):
                self.stats.inc_value(f"newswire/field/{field}/missing")
