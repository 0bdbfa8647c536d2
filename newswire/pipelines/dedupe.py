from itemadapter import ItemAdapter

from newswire.pipelines import StatsPipeline


class DedupePipeline(StatsPipeline):
    """One record per story within a run, keyed on the story id: the legacy
    ``qn_news_story_s.aspx?storyid=1109925453`` page and ``/1109925453/<slug>`` are one
    item (``newswire/drop/duplicate_in_run``)."""

    def __init__(self, crawler) -> None:
        super().__init__(crawler)
        self.seen: set[str] = set()

    def process_item(self, item):
        story = ItemAdapter(item)["id"]
        if story in self.seen:
            raise self.drop("duplicate_in_run", item, story)
        self.seen.add(story)
        return item
