"""Spidermon runs at the end of every crawl; a broken parser fails the run (exit 7)."""

from __future__ import annotations

import pytest

from newswire.schema import json_schema
from tests.mirror_run import MirrorProcess, crawl

BROKEN_SPIDER = '''
"""A MENAFN layout change the parser did not follow: the source marker is no longer
recognised, so no record gets a source."""
from newswire import parsers
from newswire.parsers.menafn import MenafnParser
from newswire.spiders import menafn


class BrokenMenafnParser(MenafnParser):
    def clean_paragraphs(self, paragraphs, fields):
        return paragraphs, []


parsers.PARSERS["menafn"] = BrokenMenafnParser()


class MenafnSpider(menafn.MenafnSpider):
    """The production spider, unchanged."""
'''


def test_a_broken_parser_fails_the_run(tmp_path):
    (tmp_path / "brokenwire").mkdir()
    (tmp_path / "brokenwire" / "__init__.py").write_text(BROKEN_SPIDER)
    outcomes = []
    for day, extra in ((1, ()), (2, ("SPIDER_MODULES=brokenwire",))):
        mirror = MirrorProcess("--wires", "menafn", "--articles", "40", "--seed", "3", "--day", str(day))
        try:
            outcomes.append(crawl("menafn", mirror.url, tmp_path, f"NEWSWIRE_NOW=2026-11-2{6 + day}T12:00:00Z",
                                  *extra, pythonpath=str(tmp_path)))
        finally:
            mirror.stop()
    good, broken = outcomes
    assert good["returncode"] == 0
    assert "[Spidermon] Records/field fill rates hold against recent runs... OK" in good["log"]
    assert broken["returncode"] == 7, broken["log"][-3000:]
    assert "source missing on 100% of" in broken["log"]
    assert broken["log"].strip().splitlines()[-1].endswith("newswire: run failed (exit 7): 1 monitor(s) failed")


def test_schema_is_generated_from_the_item():
    schema = json_schema()
    assert schema["properties"]["published_at"]["type"] == ["string", "null"]
    assert "published_at" in schema["required"] and "hints" not in schema["required"]


def _validate_all(pipeline_class, records):
    from scrapy.utils.test import get_crawler

    from newswire import settings

    crawler = get_crawler(settings_dict={"SPIDERMON_ENABLED": True,
                                         "SPIDERMON_VALIDATION_SCHEMAS": settings.SPIDERMON_VALIDATION_SCHEMAS})
    crawler.stats.open_spider()
    pipeline = pipeline_class.from_crawler(crawler)
    for record in records:
        pipeline.process_item(record)
    return {k: v for k, v in crawler.stats.get_stats().items() if k.startswith("spidermon/validation")}


def test_schema_validation_counts_what_spidermon_counts():
    """The compiled pipeline reports bad records exactly as Spidermon's own does."""
    import dataclasses

    from spidermon.contrib.scrapy.pipelines import ItemValidationPipeline

    from newswire.items import Article
    from newswire.monitors import SchemaValidationPipeline

    good = Article(id="menafn:1109925453", wire="menafn", url="https://menafn.com/1109925453/x",
                   canonical_url="https://menafn.com/1109925453/x", title="Putin thanks Kim", body="Text.",
                   crawled_at="2026-11-27T12:00:00Z", language="en", methods={"title": "jsonld"})
    bad = [dataclasses.replace(good, crawled_at="yesterday"), dataclasses.replace(good, language="english", title=None),
           dataclasses.replace(good, canonical_url="http://menafn.com/x", id="no id"),
           dataclasses.replace(good, word_count=-1, version=True), dataclasses.replace(good, tags=[""], schema_version=2),
           dataclasses.replace(good, body="", authors="Jane Doe")]
    ours = _validate_all(SchemaValidationPipeline, [good, *bad])
    theirs = _validate_all(ItemValidationPipeline, [good, *bad])
    assert ours == theirs
    assert ours["spidermon/validation/items/errors"] == 6
    assert ours["spidermon/validation/fields/errors/regex_not_matched/crawled_at"] == 1
    assert ours["spidermon/validation/fields/errors/invalid_string/title"] == 1
    assert ours["spidermon/validation/fields/errors/regex_not_matched/canonical_url"] == 1


@pytest.mark.parametrize("overrides", [
    {},
    # Skip values of other types, falsy values counted: 0 is skipped, False (a bool) is not.
    {"SPIDERMON_FIELD_COVERAGE_SKIP_FALSY": False, "SPIDERMON_FIELD_COVERAGE_SKIP_VALUES": [0, "N/A", []]},
])
def test_field_coverage_counts_what_spidermon_counts(overrides):
    import types

    from scrapy.utils.test import get_crawler
    from spidermon.contrib.scrapy.extensions import Spidermon

    from newswire import settings
    from newswire.items import Article
    from newswire.monitors import SpidermonExtension

    records = [Article(id="menafn:1", wire="menafn", title="T", body="B", authors=["Jane Doe"], tags=[],
                       summary="N/A", methods={"title": "jsonld"}, hints={}, word_count=0),
               Article(id="menafn:2", wire="menafn", title="-", summary="", language="en", version=2),
               Article(id="menafn:3", wire="menafn", title="T", word_count=False, version=0, tags=[], hints=[])]
    counted = []
    for extension in (SpidermonExtension, Spidermon):
        crawler = get_crawler(settings_dict={**{name: getattr(settings, name) for name in dir(settings)
                                                if name.startswith("SPIDERMON_")}, **overrides})
        crawler.stats.open_spider()
        ext = extension.from_crawler(crawler)
        spider = types.SimpleNamespace(crawler=crawler)  # item_scraped reads spider.crawler.settings
        for record in records:
            ext.item_scraped(record, None, spider)
        counted.append({k: v for k, v in crawler.stats.get_stats().items() if k.startswith("spidermon_item")})
    ours, theirs = counted
    assert ours == theirs
    if overrides:
        assert ours["spidermon_item_scraped_count/Article/word_count"] == 1  # False, not the 0 skipped
        assert ours["spidermon_item_scraped_count/Article/summary"] == 1  # "" counted, "N/A" skipped
        return
    assert ours["spidermon_item_scraped_count/Article/title"] == 2  # "-" is a skip value
    assert ours["spidermon_item_scraped_count/Article/authors"] == 1  # [] is skipped
    assert "spidermon_item_scraped_count/Article/methods/title" not in ours
