import asyncio
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def naive_menafn_text() -> str:
    return (SHARED / "examples" / "naive-scrape-menafn.txt").read_text(encoding="utf-8")


def offline_spider(spider_class):
    """A spider built as Scrapy builds it, extracting in this process (no worker) and
    without a state store."""
    from scrapy.utils.test import get_crawler

    crawler = get_crawler(spider_class, settings_dict={"NEWSWIRE_EXTRACTION_WORKERS": 0, "NEWSWIRE_STATE": "off"})
    crawler.stats.open_spider()
    return spider_class.from_crawler(crawler)


async def collected(outputs) -> list:
    """Everything an async generator callback yields, awaited from a Twisted-run test
    as Scrapy awaits it (on the asyncio loop)."""
    from twisted.internet.defer import Deferred

    async def collect():
        return [output async for output in outputs]

    return await Deferred.fromFuture(asyncio.ensure_future(collect()))


def local(site, target: str):
    """A mirror site's answer to ``target``, made in-process (no socket), for bulk checks."""
    parts = urlsplit(target)
    query = dict((k.lower(), v) for k, v in (p.split("=", 1) for p in parts.query.split("&") if "=" in p))
    return site.handle(unquote(parts.path or "/"), query)
