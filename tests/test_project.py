"""Project-level checks: names are mechanical, every spider starts, docs match the code."""

import importlib
import inspect
import re

import pytest
import pytest_twisted
from scrapy.spiderloader import SpiderLoader
from scrapy.utils.project import get_project_settings
from scrapy.utils.test import get_crawler

from newswire.bases import WireSpider
from newswire.parsers import PARSERS
from newswire.schema import markdown_table
from tests.conftest import ROOT

SPIDERS = sorted(SpiderLoader.from_settings(get_project_settings()).list())


def test_readme_schema_table_is_current():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = re.search(r"<!-- schema:start.*?-->\n(.*?)\n<!-- schema:end -->", readme, re.S)
    assert section and section.group(1) == markdown_table(), "run `python -m newswire.schema --write-readme`"


@pytest.mark.parametrize("name", SPIDERS)
def test_spider_names_are_mechanical(name):
    module = importlib.import_module(f"newswire.spiders.{name}")
    classes = [c for _, c in inspect.getmembers(module, inspect.isclass) if issubclass(c, WireSpider) and c.__module__ == module.__name__]
    assert len(classes) == 1
    cls = classes[0]
    assert cls.name == name
    assert cls.__name__ == "".join(part.capitalize() for part in name.split("_")) + "Spider"
    assert name in PARSERS, "every wire has a parser"
    assert not hasattr(cls, "start_requests") or cls.start_requests is WireSpider.start_requests


@pytest.mark.parametrize("name", SPIDERS)
@pytest_twisted.ensureDeferred
async def test_every_spider_makes_start_requests(name):

    module = importlib.import_module(f"newswire.spiders.{name}")
    cls = next(c for _, c in inspect.getmembers(module, inspect.isclass) if getattr(c, "name", None) == name)
    crawler = get_crawler(cls, settings_dict={"NEWSWIRE_STATE": "off"})
    spider = cls.from_crawler(crawler)

    requests = [request async for request in spider.start()]
    assert requests, "a spider that yields nothing from start() crawls nothing"
    assert all(r.url.startswith("https://") for r in requests)


def test_readme_lists_every_wire():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    line = re.search(r"^Supported wires: (.*)$", readme, re.M).group(1)
    assert sorted(re.findall(r"`(\w+)`", line)) == SPIDERS


def test_collector_threshold_is_set_for_a_crawl_and_restored():
    import gc

    from scrapy import signals
    from scrapy.utils.test import get_crawler

    from newswire.extensions import CollectorThreshold

    before = gc.get_threshold()
    crawler = get_crawler(settings_dict={"NEWSWIRE_GC_THRESHOLD": (10000, 20, 20)})
    extension = CollectorThreshold.from_crawler(crawler)  # held, as the extension manager holds it
    try:
        assert gc.get_threshold() == (10000, 20, 20)
        frozen_before = gc.get_freeze_count()
        crawler.signals.send_catch_log(signals.engine_started)
        # What exists when the engine starts is out of the collector's walks.
        assert gc.get_freeze_count() > frozen_before
    finally:
        crawler.signals.send_catch_log(signals.engine_stopped)
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0
    assert extension._previous == before


MALLOC_PROBE = """
import ctypes, sys
class MallInfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in
                ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost")]
libc = ctypes.CDLL(None)
libc.mallinfo2.restype = MallInfo2
if sys.argv[1] == "fixed":
    from scrapy.utils.test import get_crawler
    from newswire.extensions import MallocThresholds
    MallocThresholds.from_crawler(get_crawler(settings_dict={"NEWSWIRE_MALLOC_THRESHOLDS": (131072, 262144)}))
big = bytearray(4 << 20)  # a 4 MB block, mapped on its own; freeing it raises glibc's sliding threshold
del big
before = libc.mallinfo2().hblks
page = bytearray(200 << 10)  # a 200 KB page body
print(libc.mallinfo2().hblks - before)
"""


@pytest.mark.skipif(__import__("platform").libc_ver()[0] != "glibc", reason="mallopt thresholds are glibc's")
def test_malloc_thresholds_keep_big_page_bodies_off_the_heap():
    """After a large block is freed glibc would serve a 200 KB body from the heap
    (its sliding mmap threshold rose); with the thresholds fixed it is mapped on its
    own, and its memory goes back to the system when it is freed."""
    import subprocess
    import sys

    def mapped_blocks(mode: str) -> int:
        out = subprocess.run([sys.executable, "-c", MALLOC_PROBE, mode], capture_output=True, text=True, check=True)
        return int(out.stdout.split()[-1])

    assert mapped_blocks("default") == 0
    assert mapped_blocks("fixed") == 1


def test_components_a_run_never_uses_are_not_imported():
    import subprocess
    import sys

    script = """
import sys
from scrapy.core.downloader.middleware import DownloaderMiddlewareManager
from scrapy.utils.project import get_project_settings
from scrapy.utils.test import get_crawler
from scrapy.utils.reactor import install_reactor
from newswire.spiders.menafn import MenafnSpider
install_reactor("twisted.internet.asyncioreactor.AsyncioSelectorReactor")
crawler = get_crawler(MenafnSpider, settings_dict=get_project_settings().copy_to_dict())  # builds the extensions
middlewares = DownloaderMiddlewareManager.from_crawler(crawler)
names = {type(component).__name__ for component in crawler.extensions.middlewares + middlewares.middlewares}
print(sorted(module for module in ("aiohttp", "tldextract") if module in sys.modules))
print(sorted(names & {"TelnetConsole", "RemoteControl", "CookiesMiddleware"}), "RetryAfterMiddleware" in names)
"""
    env = {**__import__("os").environ, "SCRAPY_SETTINGS_MODULE": "newswire.settings"}
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, env=env, check=True)
    assert out.stdout.split("\n")[:2] == ["[]", "[] True"], out.stdout + out.stderr
