"""EIN Presswire end to end: the production spider, pipelines and feed settings crawl
the offline mirror (RSS feeds, EIN News topic listings with ``&pg=`` links and ``»``
pagination, one release on several hosts, aggregator teasers, two page generations,
a 403 block page and a 429); the feed must equal the mirror's truth."""

from __future__ import annotations

import re

import pytest

from newswire.items import EXPORT_FIELDS
from tests.mirror_run import (
    COMPARED,
    assert_finished_with_a_feed,
    assert_truth_exactly_once,
    crawl_wire_mirror,
    field_mismatches,
    repeated_paragraphs,
)

COMPARED = [*COMPARED, "tickers"]
# EIN furniture a naive scrape keeps: contact block, disclaimer, social links, channels, promos.
FURNITURE = re.compile(
    r"email us here|Legal Disclaimer|EIN Presswire provides this news content|kindly contact the author above|"
    r"Visit us on social media|Distribution channels|Got News to Share|More From This Source|logo$",
    re.M,
)


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    return crawl_wire_mirror("einpresswire", tmp_path_factory.mktemp("einpresswire"))


def test_crawl_finishes_and_writes_a_feed(run):
    assert_finished_with_a_feed(run)


def test_every_release_exactly_once_whatever_its_host(run):
    assert_truth_exactly_once(run)
    hosts = {re.match(r"https://([^/]+)/", r["url"]).group(1) for r in run["records"]}
    assert any(h.endswith("einnews.com") for h in hosts) and any(h.endswith("einpresswire.com") for h in hosts)
    assert not [r["url"] for r in run["records"] if "article_detail" in r["url"] or "pg=" in r["url"]]


def test_fields_equal_the_truth(run):
    mismatches = field_mismatches(run, COMPARED)
    assert not mismatches, "\n".join(mismatches[:30])


def test_both_page_generations_were_read(run):
    assert {r["parser"] for r in run["records"]} == {"einpresswire/2016", "einpresswire/2024"}


def test_no_ein_furniture_left(run):
    for record in run["records"]:
        found = FURNITURE.search(record["body"])
        assert not found, (record["id"], found)
        assert "/EINPresswire.com/" in record["dateline"]
        assert not repeated_paragraphs(record["body"]), f"repeated paragraph in {record['id']}"


def test_records_follow_the_schema(run):
    for record in run["records"]:
        assert list(record) == EXPORT_FIELDS
        assert record["wire"] == "einpresswire" and record["source"] not in (None, "EIN News", "EIN Presswire")


def test_block_page_429_and_broken_feeds_give_stats_not_records(run):
    manifest = run["manifest"]
    assert manifest["dropped"].get("block_page", 0) >= 2, manifest["dropped"]
    assert manifest["errors"].get("http/403", 0) >= 1 and manifest["errors"].get("http/429", 0) >= 1, manifest["errors"]
    assert manifest["dropped"].get("error_page", 0) >= 1  # the removed release
    assert "newswire/blocked/einpresswire" in run["log"]
    assert "newswire/feed/malformed" in run["log"] and "newswire/feed/empty" in run["log"]
    assert "Traceback" not in run["log"]
