"""The crawl's stats collector keeps Scrapy's semantics."""

from scrapy.statscollectors import MemoryStatsCollector
from scrapy.utils.test import get_crawler

from newswire import settings
from newswire.stats import StatsCollector


def test_the_crawl_uses_it():
    crawler = get_crawler(settings_dict={"STATS_CLASS": settings.STATS_CLASS})
    assert type(crawler.stats) is StatsCollector


def test_counts_as_scrapys_collector_counts():
    results = []
    for cls in (StatsCollector, MemoryStatsCollector):
        crawler = get_crawler()
        crawler.spider = crawler._create_spider("menafn")
        stats = cls(crawler)
        stats.open_spider()
        stats.inc_value("newswire/drop/soft_404")
        stats.inc_value("newswire/drop/soft_404", 2)
        stats.inc_value("newswire/fix/dup", start=10)
        stats.max_value("max", 3)
        stats.max_value("max", 1)
        stats.min_value("min", 3)
        stats.min_value("min", 1)
        stats.set_value("finish_reason", "finished")
        stats.get_stats()["spidermon_item_scraped_count"] = 1  # as Spidermon writes it
        results.append((dict(stats.get_stats()), stats.get_value("max"), stats.get_value("missing", 7)))
        stats.close_spider(reason="finished")
        assert stats.spider_stats["menafn"]["max"] == 3
    assert results[0] == results[1]
