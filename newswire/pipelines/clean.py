from newswire.extraction.stages import clean_stage
from newswire.pipelines import StatsPipeline, fields_of, write_back
from newswire.workers import ExtractionWorkers


class CleanPipeline(StatsPipeline):
    """Body furniture out (the wire's rules, then generic ones), repeated paragraphs
    out, source marker and tracking token moved into fields, mojibake and odd spaces
    repaired. Each fix is counted as ``newswire/fix/<name>``."""

    def __init__(self, crawler) -> None:
        super().__init__(crawler)
        self.workers = ExtractionWorkers.for_crawler(crawler)

    async def process_item(self, item):
        fields, fixes = await self.workers.run(clean_stage, fields_of(item))
        self.count_fixes(fixes)
        write_back(item, fields)
        return item
