from itemadapter import ItemAdapter

from newswire.pipelines import StatsPipeline

REASONS = {"error": "error_page", "block": "block_page", "listing": "not_article", "other": "not_article"}


class PageTypePipeline(StatsPipeline):
    """Keep real articles only. The page type was decided by structure in
    ``newswire.extraction.pagetype`` (status plus the wire's article container), so a
    MENAFN story that prints "Sorry!! Error!" around it is kept and a soft-404
    (status 200, the same template, no story) is dropped as ``error_page``."""

    def process_item(self, item):
        adapter = ItemAdapter(item)
        page_type = adapter.get("page_type")
        if page_type == "article":
            return item
        reason = REASONS.get(page_type, "not_article")
        if page_type == "error" and adapter.get("http_status") == 200:
            reason = "soft_404"
        if page_type == "block":
            self.stats.inc_value(f"newswire/blocked/{adapter.get('wire')}")
        policy = getattr(self.crawler.spider, "policy", None)
        if policy is not None and page_type in ("error", "block"):
            # A 404 or soft-404 rarely comes back to life: not fetched again for a day. A
            # blocked page is tried again after an hour, not at every run in between.
            kind = "gone" if page_type == "error" else "failed"
            for url in {adapter.get("url"), *(adapter.get("hints") or {}).get("_urls", [])}:
                policy.mark_dead(url, kind)
        raise self.drop(reason, item, f"status {adapter.get('http_status')}")
