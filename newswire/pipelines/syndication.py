from itemadapter import ItemAdapter

from newswire.pipelines import StatsPipeline
from newswire.state import neardup
from newswire.state.crawl import now_of, run_key, state_of


class SyndicationPipeline(StatsPipeline):
    """One release, one record, across wires and runs.

    A story seen for the first time is compared with every story in the state store by
    its body's MinHash signature (``newswire.state.neardup``): at an estimated
    similarity of 0.8 or more it is a copy (the ``(MENAFN- Business Wire)`` repost of a
    Business Wire release, the same EIN release on another host). By default the first
    copy delivered wins and later copies are not delivered but recorded against it
    (``newswire/drop/syndicated_copy``); with ``NEWSWIRE_EMIT_DUPLICATES = True`` they are
    delivered with ``duplicate_of`` set. Two stories that only share a headline differ
    in body and stay two.
    """

    def __init__(self, crawler) -> None:
        super().__init__(crawler)
        self.store = state_of(crawler)
        self.emit_duplicates = crawler.settings.getbool("NEWSWIRE_EMIT_DUPLICATES", False)

    def process_item(self, item):
        adapter = ItemAdapter(item)
        if self.store is None or adapter.get("version", 1) != 1:
            return item
        # Computed by the normalize stage in a worker (newswire.extraction.stages).
        blob = adapter.get("signature")
        signature = neardup.from_blob(blob) if blob else neardup.signature(adapter.get("body") or "")
        matches = self.store.near_duplicates(signature, exclude=adapter["id"])
        if matches:
            original, score = matches[0]
            from newswire.extraction.dates import format_utc

            self.store.record_copy(original, adapter["id"], adapter.get("wire"), adapter.get("url"),
                                   f"minhash {score:.2f}", format_utc(now_of(self.crawler.settings)))
            if not self.emit_duplicates:
                self.store.discard_pending(run_key(self.crawler.spider), adapter["id"])
                raise self.drop("syndicated_copy", item, f"copy of {original} (similarity {score:.2f})")
            adapter["duplicate_of"] = original
            self.stats.inc_value("newswire/syndication/emitted_copy")
            return item
        self.store.add_signature(adapter["id"], signature)
        return item
