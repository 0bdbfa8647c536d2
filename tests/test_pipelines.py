"""Each pipeline on its own, built the way Scrapy builds it (from_crawler), and the
extraction the spider runs before them (parse, clean, normalise in one trip)."""

import gzip
import json

import pytest
import pytest_twisted
from scrapy.exceptions import DropItem
from scrapy.http import HtmlResponse, Request
from scrapy.utils.test import get_crawler

from newswire.extraction.article import clean_fields, normalise_fields
from newswire.items import Article
from newswire.pipelines.dedupe import DedupePipeline
from newswire.pipelines.page_type import PageTypePipeline
from newswire.pipelines.validate import ValidatePipeline
from newswire.spiders.menafn import MenafnSpider
from tests.conftest import FIXTURES, collected, offline_spider

BODY = " ".join(f"word{i}" for i in range(40))


@pytest.fixture
def crawler():
    crawler = get_crawler()
    crawler.stats.open_spider()
    return crawler


def build(cls, crawler):
    return cls.from_crawler(crawler)


@pytest.mark.parametrize(
    ("page_type", "status", "reason"),
    [("error", 404, "error_page"), ("error", 200, "soft_404"), ("block", 403, "block_page"), ("listing", 200, "not_article")],
)
def test_page_type_drops_non_articles_with_a_counted_reason(crawler, page_type, status, reason):
    pipeline = build(PageTypePipeline, crawler)
    with pytest.raises(DropItem):
        pipeline.process_item(Article(wire="menafn", url="https://menafn.com/x", page_type=page_type, http_status=status))
    assert crawler.stats.get_value(f"newswire/drop/{reason}") == 1


def test_page_type_keeps_articles(crawler):
    item = Article(wire="menafn", url="https://menafn.com/x", page_type="article", http_status=200)
    assert build(PageTypePipeline, crawler).process_item(item) is item


def test_clean_fields_returns_its_fixes():
    fields = dict(
        wire="menafn",
        url="https://menafn.com/1109925453/X",
        title="Headline",
        body=f"Sorry!!\n\n(MENAFN- Jordan Times) {BODY}\n\n{BODY}\n\nMost popular stories\n\nOther story",
    )
    fixes = clean_fields(fields)
    assert fields["body"] == BODY
    assert fields["source"] == "Jordan Times"
    assert sorted(fixes) == ["leading_furniture", "repeated_paragraphs", "source_marker", "trailing_furniture"]


def test_normalise_fields_uses_page_date_then_feed_date():
    with_page_date = dict(
        wire="menafn",
        url="http://www.menafn.com/1109925453/X#rssom",
        body=BODY,
        date_candidates=[("2025-08-13T09:12:00+03:00", "jsonld")],
        hints={"published": "Wed, 13 Aug 2025 07:00:00 GMT"},
        authors=["marketing@menafn.com (MENAFN)", "By JANE DOE"],
    )
    normalise_fields(with_page_date)
    assert with_page_date["published_at"] == "2025-08-13T06:12:00Z"
    assert with_page_date["published_at_raw"] == "2025-08-13T09:12:00+03:00"
    assert with_page_date["authors"] == ["Jane Doe"]
    assert with_page_date["id"] == "menafn:1109925453"
    assert with_page_date["canonical_url"] == "https://menafn.com/1109925453/X"
    assert with_page_date["word_count"] == 40 and with_page_date["content_hash"].startswith("sha1:")

    feed_only = dict(wire="menafn", url="https://menafn.com/1109925454/Y", body=BODY,
                     hints={"published": "Wed, 13 Aug 2025 07:00:00 GMT"})
    assert "published_at_from_feed" in normalise_fields(feed_only)
    assert feed_only["published_at"] == "2025-08-13T07:00:00Z"


def menafn_page(name: str) -> HtmlResponse:
    meta = json.loads((FIXTURES / "menafn" / "meta.json").read_text())
    url = meta[name]["url"]
    body = gzip.decompress((FIXTURES / "menafn" / f"{name}.html.gz").read_bytes())
    return HtmlResponse(url, body=body, headers={"Content-Type": "text/html; charset=utf-8"}, request=Request(url))


async def parsed(spider, response, hints=None) -> list:
    return await collected(spider.parse_article(response, hints))


@pytest.fixture
def menafn_spider():
    return offline_spider(MenafnSpider)


@pytest_twisted.ensureDeferred
async def test_the_spider_yields_an_extracted_article_and_counts_each_fix(menafn_spider):
    # The page of tests/fixtures: source marker, tracking code, the body printed twice,
    # "Most popular stories" after it.
    [item] = await parsed(menafn_spider, menafn_page("menafn_1112064490"))
    assert item.page_type == "article" and item.http_status == 200 and item.wire == "menafn"
    assert item.id == "menafn:1112064490" and item.source and item.word_count > 100
    paragraphs = item.body.split("\n\n")
    assert len(paragraphs) == len(set(paragraphs))
    assert "MENAFN-" not in item.body and "Most popular" not in item.body
    assert item.signature is not None and item.content_hash.startswith("sha1:")
    stats = menafn_spider.crawler.stats
    for fix in ("source_marker", "tracking_token", "trailing_furniture", "repeated_paragraphs"):
        assert stats.get_value(f"newswire/fix/{fix}") == 1, fix


@pytest_twisted.ensureDeferred
async def test_the_feed_date_dates_a_page_without_one(menafn_spider):
    hints = {"published": "Thu, 26 Nov 2026 23:30:00 GMT"}
    [undated] = await parsed(menafn_spider, menafn_page("menafn_1112064132"), hints)
    assert undated.published_at == "2026-11-26T23:30:00Z"
    assert undated.hints == hints
    assert menafn_spider.crawler.stats.get_value("newswire/fix/published_at_from_feed") == 1
    [dated] = await parsed(menafn_spider, menafn_page("menafn_1109925453"), hints)
    assert dated.published_at == "2025-08-13T06:12:00Z"


def test_validate_counts_missing_optional_fields(crawler):
    item = Article(id="menafn:1", url="https://menafn.com/1", title="T", body=BODY, word_count=40, language="en")
    assert build(ValidatePipeline, crawler).process_item(item) is item
    for field in ("published_at", "summary", "dateline"):
        assert crawler.stats.get_value(f"newswire/field/{field}/missing") == 1
    assert crawler.stats.get_value("newswire/field/language/missing") is None


@pytest.mark.parametrize(
    ("changes", "reason"),
    [({"title": None}, "missing_title"), ({"body": ""}, "missing_body"), ({"word_count": 3}, "body_too_short"),
     ({"published_at": "2025-08-13 06:12"}, "bad_date")],
)
def test_validate_drops_with_reason(crawler, changes, reason):
    fields = dict(id="menafn:1", url="https://menafn.com/1", title="T", body=BODY, word_count=40)
    fields.update(changes)
    with pytest.raises(DropItem):
        build(ValidatePipeline, crawler).process_item(Article(**fields))
    assert crawler.stats.get_value(f"newswire/drop/{reason}") == 1


def test_dedupe_keeps_first_record_of_a_story(crawler):
    pipeline = build(DedupePipeline, crawler)
    first = Article(id="menafn:1109925453", url="https://menafn.com/1109925453/X")
    legacy = Article(id="menafn:1109925453", url="https://menafn.com/qn_news_story_s.aspx?storyid=1109925453")
    assert pipeline.process_item(first) is first
    with pytest.raises(DropItem):
        pipeline.process_item(legacy)
    assert crawler.stats.get_value("newswire/drop/duplicate_in_run") == 1


def test_the_feed_exporter_writes_what_scrapys_writes():
    import dataclasses
    import io

    from scrapy.exporters import JsonLinesItemExporter

    from newswire.exporters import JsonLinesExporter
    from newswire.items import EXPORT_FIELDS

    @dataclasses.dataclass
    class Shouted:
        title: str = dataclasses.field(default="", metadata={"serializer": str.upper})

    items = [Article(id="menafn:1", wire="menafn", title="Caf\u00e9 \u201cquotes\u201d \u0634\u0631\u0643\u0629", body=BODY,
                     authors=["Jane Doe"], tags=[], word_count=40, hints={"_urls": ["x"]}),
             Article(), {"title": "a dict item"}, Shouted(title="loud")]
    for fields in (EXPORT_FIELDS, ["title"]):
        ours, theirs = io.BytesIO(), io.BytesIO()
        for exporter_class, out in ((JsonLinesExporter, ours), (JsonLinesItemExporter, theirs)):
            exporter = exporter_class(out, fields_to_export=fields, encoding="utf-8")
            for item in items:
                exporter.export_item(item)
        assert ours.getvalue() == theirs.getvalue()
        assert b"LOUD" in ours.getvalue() and "\u0634\u0631\u0643\u0629".encode() in ours.getvalue()


def test_article_adapter_reads_and_writes_as_itemadapters_dataclass_adapter():
    """``ItemAdapter(article)`` goes to the project's ``ArticleAdapter`` (one shared field
    table) and answers as itemadapter's own dataclass adapter would."""
    from itemadapter import ItemAdapter
    from itemadapter.adapter import DataclassAdapter

    from newswire.items import ArticleAdapter

    ours = ItemAdapter(Article(id="a1", wire="menafn", url="https://menafn.com/1/x", title="T"))
    theirs = DataclassAdapter(Article(id="a1", wire="menafn", url="https://menafn.com/1/x", title="T"))
    assert type(ours.adapter) is ArticleAdapter
    assert list(ours.keys()) == list(theirs.keys()) and dict(ours.items()) == dict(theirs.items())
    assert ours.get_field_meta("title") == theirs.get_field_meta("title")
    ours["version"] = theirs["version"] = 3
    assert ours.item == theirs.item
    for adapter in (ours, theirs):
        with pytest.raises(KeyError):
            adapter["no_such_field"] = 1
    # A subclass of Article is not Article: itemadapter's dataclass adapter takes it.

    class Special(Article):
        pass

    assert type(ItemAdapter(Special(id="a2")).adapter) is DataclassAdapter
