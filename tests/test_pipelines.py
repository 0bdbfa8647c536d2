"""Each pipeline on its own, built the way Scrapy builds it (from_crawler)."""

import inspect

import pytest
from scrapy.exceptions import DropItem
from scrapy.utils.test import get_crawler

from newswire.items import Article
from newswire.pipelines.clean import CleanPipeline
from newswire.pipelines.dedupe import DedupePipeline
from newswire.pipelines.normalize import NormalizePipeline
from newswire.pipelines.page_type import PageTypePipeline
from newswire.pipelines.validate import ValidatePipeline

BODY = " ".join(f"word{i}" for i in range(40))


@pytest.fixture
def crawler():
    # Stages in this process: a unit test needs no worker pool.
    crawler = get_crawler(settings_dict={"NEWSWIRE_EXTRACTION_WORKERS": 0})
    crawler.stats.open_spider()
    return crawler


def build(cls, crawler):
    return cls.from_crawler(crawler)


def process(pipeline, item):
    """``process_item`` as Scrapy calls it, awaited when it is a coroutine. With no
    worker processes nothing in it waits, so one step runs it to the end."""
    result = pipeline.process_item(item)
    if not inspect.iscoroutine(result):
        return result
    try:
        result.send(None)
    except StopIteration as done:
        return done.value
    raise AssertionError("process_item waited on something in a test without workers")


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


def test_clean_counts_its_fixes(crawler):
    item = Article(
        wire="menafn",
        url="https://menafn.com/1109925453/X",
        title="Headline",
        body=f"Sorry!!\n\n(MENAFN- Jordan Times) {BODY}\n\n{BODY}\n\nMost popular stories\n\nOther story",
    )
    process(build(CleanPipeline, crawler), item)
    assert item.body == BODY
    assert item.source == "Jordan Times"
    for fix in ("leading_furniture", "source_marker", "repeated_paragraphs", "trailing_furniture"):
        assert crawler.stats.get_value(f"newswire/fix/{fix}") == 1


def test_normalize_uses_page_date_then_feed_date(crawler):
    pipeline = build(NormalizePipeline, crawler)
    with_page_date = Article(
        wire="menafn",
        url="http://www.menafn.com/1109925453/X#rssom",
        body=BODY,
        date_candidates=[("2025-08-13T09:12:00+03:00", "jsonld")],
        hints={"published": "Wed, 13 Aug 2025 07:00:00 GMT"},
        authors=["marketing@menafn.com (MENAFN)", "By JANE DOE"],
    )
    process(pipeline, with_page_date)
    assert with_page_date.published_at == "2025-08-13T06:12:00Z"
    assert with_page_date.published_at_raw == "2025-08-13T09:12:00+03:00"
    assert with_page_date.authors == ["Jane Doe"]
    assert with_page_date.id == "menafn:1109925453"
    assert with_page_date.canonical_url == "https://menafn.com/1109925453/X"
    assert with_page_date.word_count == 40 and with_page_date.content_hash.startswith("sha1:")

    feed_only = Article(wire="menafn", url="https://menafn.com/1109925454/Y", body=BODY,
                        hints={"published": "Wed, 13 Aug 2025 07:00:00 GMT"})
    process(pipeline, feed_only)
    assert feed_only.published_at == "2025-08-13T07:00:00Z"
    assert crawler.stats.get_value("newswire/fix/published_at_from_feed") == 1


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
