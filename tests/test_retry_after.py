"""429 answers: the wire's download slot waits for Retry-After before the retry."""

import pytest
from scrapy.http import Request, Response
from scrapy.utils.test import get_crawler

from newswire.middlewares import RetryAfterMiddleware, retry_after_seconds


@pytest.mark.parametrize(("value", "seconds"), [(b"120", 120.0), ("7", 7.0), (None, 0.0), (b"soon", 0.0),
                                                ("Wed, 21 Oct 2015 07:28:00 GMT", 0.0)])
def test_retry_after_values(value, seconds):
    assert retry_after_seconds(value) == seconds


class FakeSlot:
    delay = 0.25


class FakeDownloader:
    def __init__(self):
        self.slots = {"wire.test": FakeSlot()}

    def get_slot_key(self, request):
        return "wire.test"


def test_429_pauses_the_slot_and_retries(monkeypatch):
    from scrapy import Spider

    crawler = get_crawler(Spider, settings_dict={"NEWSWIRE_MAX_RETRY_AFTER": 30, "RETRY_TIMES": 2})
    crawler.stats.open_spider()
    crawler.engine = type("Engine", (), {"downloader": FakeDownloader()})()
    crawler.spider = crawler._create_spider("wire")
    middleware = RetryAfterMiddleware.from_crawler(crawler)
    later = []
    monkeypatch.setattr("twisted.internet.reactor.callLater", lambda delay, fn: later.append((delay, fn)))
    request = Request("https://wire.test/news/1")
    retried = middleware.process_response(request, Response(request.url, status=429, headers={"Retry-After": "120"}))
    assert isinstance(retried, Request) and retried.meta["retry_times"] == 1
    slot = crawler.engine.downloader.slots["wire.test"]
    assert slot.delay == 30  # capped at NEWSWIRE_MAX_RETRY_AFTER
    assert crawler.stats.get_value("newswire/ratelimit/waits") == 1
    delay, restore = later[0]
    restore()
    assert delay == 30 and slot.delay == 0.25
