"""Which per-page and per-item log lines are built, at which LOG_LEVEL."""

import logging

import pytest
from scrapy.exceptions import DropItem
from scrapy.http import Request, Response
from scrapy.logformatter import LogFormatter
from scrapy.utils.test import get_crawler

from newswire.logformatter import NewswireLogFormatter

REQUEST = Request("https://menafn.com/1110000001/Story")
RESPONSE = Response(REQUEST.url, request=REQUEST)
ITEM = {"id": "menafn:1110000001"}


def formatter(**settings):
    return NewswireLogFormatter.from_crawler(get_crawler(settings_dict=settings))


@pytest.mark.parametrize("level", ["INFO", "warning", logging.ERROR])
def test_debug_lines_are_not_built_above_debug(level):
    quiet = formatter(LOG_LEVEL=level)
    assert quiet.crawled(REQUEST, RESPONSE, None) is None
    assert quiet.scraped(ITEM, RESPONSE, None) is None


def test_debug_lines_are_scrapys_at_debug_and_when_the_level_is_unknown():
    for settings in ({"LOG_LEVEL": "DEBUG"}, {"LOG_LEVEL": "NOISY"}):
        ours = formatter(**settings)
        assert ours.crawled(REQUEST, RESPONSE, None) == LogFormatter().crawled(REQUEST, RESPONSE, None)
        assert ours.scraped(ITEM, RESPONSE, None) == LogFormatter().scraped(ITEM, RESPONSE, None)


def test_a_dropped_item_is_one_line_with_its_reason_at_any_level():
    for level in ("DEBUG", "INFO"):
        line = formatter(LOG_LEVEL=level).dropped(ITEM | {"body": "x" * 5000}, DropItem("soft_404"), RESPONSE, None)
        assert line["level"] == logging.INFO
        assert (line["msg"] % line["args"]) == "Dropped soft_404"
