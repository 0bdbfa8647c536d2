"""AP News end to end: the production spider, pipelines and feed settings crawl the
offline mirror (sitemap index, Google News sitemap, two page generations, hub and
video pages, a 403 block page and a 429); the feed must equal the mirror's truth."""

from __future__ import annotations

import re

import pytest

from newswire.items import EXPORT_FIELDS
from tests.mirror_run import (
    COMPARED,
    assert_finished_with_a_feed,
    crawl_wire_mirror,
    duplicate_ids,
    field_mismatches,
    repeated_paragraphs,
)

# AP furniture a naive scrape keeps: the ___ rule and what follows it, ads, link boxes.
FURNITURE = re.compile(
    r"(^|\n)_{3,}|contributed to this report|receives support from several private foundations|"
    r"Follow AP’s coverage|This is part of the AP’s effort|Data Skrive|Advertisement|RELATED COVERAGE|READ MORE|"
    r"datawrapper|Most read|All Rights Reserved",
)


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    return crawl_wire_mirror("apnews", tmp_path_factory.mktemp("apnews"))


def test_crawl_finishes_and_writes_a_feed(run):
    assert_finished_with_a_feed(run)


def test_every_true_article_exactly_once_and_nothing_else(run):
    assert not duplicate_ids(run), "a story was written twice"
    assert {r["id"] for r in run["records"]} == {t["id"] for t in run["truth"]}
    assert not [r["url"] for r in run["records"] if re.search(r"apnews\.com/(hub|video)/", r["url"])]


def test_fields_equal_the_truth(run):
    mismatches = field_mismatches(run, COMPARED)
    assert not mismatches, "\n".join(mismatches[:30])


def test_both_page_generations_and_all_story_kinds_were_read(run):
    parsers = {r["parser"] for r in run["records"]}
    assert {"apnews/2023", "apnews/2024"} <= parsers
    assert len({r["published_at"][:7] for r in run["records"]}) == 2  # last month: from its .xml.gz sitemap
    assert any("/sports/" in r["url"] for r in run["records"])
    assert any(re.search(r"/article/fact-check-[\w-]+-\d{12}$", r["url"]) for r in run["records"])


def test_no_ap_furniture_left(run):
    for record in run["records"]:
        found = FURNITURE.search(record["body"])
        assert not found, (record["id"], found)
        assert not repeated_paragraphs(record["body"]), f"repeated paragraph in {record['id']}"
        assert not any("State Wire" in t or len(t) < 2 for t in record["tags"]), record["tags"]


def test_records_follow_the_schema(run):
    for record in run["records"]:
        assert list(record) == EXPORT_FIELDS
        assert record["wire"] == "apnews" and record["source"] == "AP"
        assert record["id"].startswith("apnews:")


def test_block_page_and_429_give_stats_not_records(run):
    manifest = run["manifest"]
    assert manifest["dropped"].get("block_page", 0) >= 2, manifest["dropped"]
    assert manifest["errors"].get("http/403", 0) >= 1 and manifest["errors"].get("http/429", 0) >= 1, manifest["errors"]
    assert manifest["dropped"].get("error_page", 0) >= 1  # the deleted story, still in the sitemap
    assert "newswire/blocked/apnews" in run["log"]
    assert "Traceback" not in run["log"]
