"""Discovered articles wait in the spider's frontier and reach Scrapy's scheduler a
batch at a time: the scheduler stays small however large the wire's sitemaps are, and
every story is still fetched once."""

from __future__ import annotations

import re

from tests.mirror_run import assert_truth_exactly_once, crawl_wire_mirror

PROBE_SPIDER = '''
from scrapy import signals

from newswire.spiders import prnewswire


class PrnewswireSpider(prnewswire.PrnewswireSpider):
    """The production spider with a small frontier batch, counting the requests that
    wait in Scrapy's scheduler (scheduled, not dropped, not yet at the downloader)."""

    frontier_batch = 8

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.waiting = 0
        for signal, step in ((signals.request_scheduled, 1), (signals.request_dropped, -1),
                             (signals.request_reached_downloader, -1)):
            crawler.signals.connect(spider.counter(step), signal=signal, weak=False)
        return spider

    def counter(self, step):
        def count(request, spider=None):
            self.waiting += step
            self.crawler.stats.max_value("probe/max_waiting_in_scheduler", self.waiting)
        return count
'''


def _stat(log: str, name: str) -> int:
    match = re.search(rf"'{re.escape(name)}': (\d+)", log)
    assert match, f"{name} not in the stats dump"
    return int(match.group(1))


def test_articles_reach_the_scheduler_a_batch_at_a_time(tmp_path):
    (tmp_path / "probewire").mkdir()
    (tmp_path / "probewire" / "__init__.py").write_text(PROBE_SPIDER)
    run = crawl_wire_mirror("prnewswire", tmp_path, 300, 5, "SPIDER_MODULES=probewire", pythonpath=str(tmp_path))
    assert run["returncode"] == 0, run["log"][-3000:]
    assert_truth_exactly_once(run)
    # The sitemaps list every release at once: most of them waited in the frontier...
    assert _stat(run["log"], "newswire/frontier/max_waiting") > 200
    # ...while the scheduler held at most a batch of articles and the discovery pages
    # (feeds, sitemap pages, the next listing page) queued beside them.
    assert _stat(run["log"], "probe/max_waiting_in_scheduler") <= 8 + 20
    assert "newswire/frontier/left_unfetched" not in run["log"]


def test_a_run_cut_short_says_how_many_stories_it_left(tmp_path):
    run = crawl_wire_mirror("prnewswire", tmp_path, 300, 5, "CLOSESPIDER_ITEMCOUNT=40")
    left = _stat(run["log"], "newswire/frontier/left_unfetched")
    delivered = len(run["records"])
    # Stopped after ~40 records with most of the 300 stories still waiting; the next
    # run finds them again (nothing about them was recorded as delivered).
    assert 40 <= delivered < 300 and left >= 300 - delivered - 64 - 20
    assert re.search(rf"Run ended \(closespider_itemcount\) with {left} discovered stories not fetched", run["log"])


def test_with_jobdir_articles_go_straight_to_the_scheduler(tmp_path):
    # A crawl meant to be paused and resumed keeps every request in Scrapy's disk
    # queue, which is what JOBDIR saves: no frontier, and every story still once.
    run = crawl_wire_mirror("menafn", tmp_path, 60, 5, f"JOBDIR={tmp_path / 'job'}")
    assert run["returncode"] == 0, run["log"][-3000:]
    assert_truth_exactly_once(run)
    assert "newswire/frontier/max_waiting" not in run["log"]
    assert _stat(run["log"], "scheduler/enqueued/disk") >= len(run["truth"])
