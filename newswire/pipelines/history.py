from itemadapter import ItemAdapter

from newswire.extraction.text import fingerprint
from newswire.pipelines import StatsPipeline, fields_of
from newswire.state.crawl import now_of, record_urls, run_key, state_of


class HistoryPipeline(StatsPipeline):
    """Each story once across runs; an update delivered again as a new version.

    Against the state store: a story already delivered with the same body and title
    is dropped (``unchanged``); one whose body or title changed is delivered with
    ``version`` + 1 and ``modified_at`` set (the page's, else the crawl time). Every
    story kept is recorded as *pending* for this run; it becomes *delivered* only when
    the run's feed file is published (``newswire.feedstorage``). Without a store
    (``NEWSWIRE_STATE=off``) every story is delivered as version 1.
    """

    def __init__(self, crawler) -> None:
        super().__init__(crawler)
        self.store = state_of(crawler)
        self.now = None

    def process_item(self, item):
        if self.store is None:
            return item
        adapter = ItemAdapter(item)
        if self.now is None:
            from newswire.extraction.dates import format_utc

            self.now = format_utc(now_of(self.crawler.settings))
        story_id = adapter["id"]
        known = self.store.get(story_id)
        urls = record_urls(adapter.get("hints") or {}, adapter.get("url"), canonical=adapter.get("canonical_url"))
        self.store.observe(fields_of(item), urls, self.now)
        title_fp = fingerprint(adapter.get("title") or "")
        if known is not None and known.version > 0:
            if known.delivered_hash == adapter.get("content_hash") and known.delivered_title_fp == title_fp:
                raise self.drop("unchanged", item, story_id)
            adapter["version"] = known.version + 1
            if not adapter.get("modified_at"):
                adapter["modified_at"] = adapter.get("crawled_at") or self.now
            self.stats.inc_value("newswire/history/updated")
        elif known is not None and known.duplicate_of:
            raise self.drop("syndicated_copy", item, f"copy of {known.duplicate_of}")
        else:
            adapter["version"] = 1
        self.store.add_pending(run_key(self.crawler.spider), story_id, adapter["version"], adapter.get("content_hash"), title_fp)
        return item
