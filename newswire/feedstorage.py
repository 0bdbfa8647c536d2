"""Feed files that readers only ever see whole, and delivery that is exactly-once.

Scrapy's file storage writes the final path directly, so a reader (or the next cron
job) can pick up a half-written file, and a killed run leaves one behind. Here a feed
is written to ``<name>.jsonl.part`` and published at the end of the run:

1. the file is flushed and fsynced;
2. the state store records the run as *publishing* with the final path;
3. the file is renamed into place (atomic on one filesystem) and the folder fsynced;
4. the store marks the run's stories *delivered*, in one transaction.

A crash before 3 leaves only a ``.part`` file (removed by the next run of the wire)
and no delivered story, so the next run delivers them; a crash between 3 and 4 is
finished by the next run's recovery, which sees the file in place.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from scrapy.extensions.feedexport import FileFeedStorage

from newswire.state.crawl import run_key, state_of

logger = logging.getLogger(__name__)

PART = ".part"


class AtomicFileFeedStorage(FileFeedStorage):
    def __init__(self, uri: str, *, feed_options=None, crawler=None) -> None:
        super().__init__(uri, feed_options=feed_options)
        self.crawler = crawler
        self.final = Path(self.path)
        self.part = self.final.with_name(self.final.name + PART)
        self.spider = None

    @classmethod
    def from_crawler(cls, crawler, uri: str, *, feed_options=None):
        return cls(uri, feed_options=feed_options, crawler=crawler)

    def open(self, spider):
        self.spider = spider
        self.final.parent.mkdir(parents=True, exist_ok=True)
        for stale in self.final.parent.glob(f"*{self.final.suffix}{PART}"):
            # Left by a run that was killed: it was never published, its stories were
            # never marked delivered, and this run delivers them again.
            logger.warning("Removing unpublished feed of an interrupted run: %s", stale)
            stale.unlink(missing_ok=True)
            if self.crawler:
                self.crawler.stats.inc_value("newswire/feed/stale_part_removed")
        # A 1 MB buffer: a record is ~5 KB, and the default 8 KB buffer made about one write
        # call per record. Nothing is lost by holding more: the file counts only once
        # ``store`` has flushed, synced and renamed it.
        return self.part.open("wb", buffering=1 << 20)

    def store(self, file):
        file.flush()
        os.fsync(file.fileno())
        file.close()
        store = state_of(self.crawler) if self.crawler else None
        run = run_key(self.spider) if self.spider else None
        if store is not None and run:
            store.begin_publish(run, str(self.final))
        os.replace(self.part, self.final)
        _fsync_dir(self.final.parent)
        if store is not None and run:
            delivered = store.commit_publish(run)
            self.crawler.stats.set_value("newswire/delivered", delivered)
        logger.info("Published feed %s", self.final)


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
