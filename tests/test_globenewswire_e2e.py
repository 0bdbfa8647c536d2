"""GlobeNewswire end to end: the production spider, pipelines and feed settings crawl the
offline mirror (sitemap indexes on sitemaps.globenewswire.com with Google News fields and
tickers, RSS with ticker categories, a malformed feed, Atom, the newsroom whose deep pages
repeat themselves, two page generations, an English/French pair, an Akamai 403, a captcha
page and 429s); the feed must equal the mirror's truth."""

from __future__ import annotations

import re

import pytest

from newswire.extraction.text import split_paragraphs
from newswire.items import EXPORT_FIELDS
from tests.mirror_run import (
    COMPARED,
    assert_blocks_counted_not_delivered,
    assert_finished_with_a_feed,
    assert_truth_exactly_once,
    crawl_wire_mirror,
    field_mismatches,
    repeated_paragraphs,
)

WIRE = "globenewswire"
COMPARED = [*COMPARED, "tickers", "original_url"]
# What a naive scrape of a GlobeNewswire page keeps besides the release.
FURNITURE = re.compile(
    r"Contact Information|MEDIA CONTACT|Media Contacts?:|Press Contact|Investor Relations Contact|Contact médias|"
    r"(^|\n)Attachments?(\n|$)|Logo$|Source:|Follow|Explore|Subscribe via RSS|Download PDF|@\w+\.com",
    re.M,
)


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    return crawl_wire_mirror(WIRE, tmp_path_factory.mktemp(WIRE))


def test_crawl_finishes_and_writes_a_feed(run):
    assert_finished_with_a_feed(run)


def test_every_true_release_exactly_once_and_nothing_else(run):
    assert_truth_exactly_once(run)
    assert not [r["url"] for r in run["records"] if "/search/" in r["url"]]


def test_fields_equal_the_truth(run):
    mismatches = field_mismatches(run, COMPARED)
    assert not mismatches, "\n".join(mismatches[:30])


def test_both_generations_and_both_languages_were_read(run):
    assert {r["parser"] for r in run["records"]} == {"globenewswire/2023", "globenewswire/legacy"}
    french = [r for r in run["records"] if r["language"] == "fr"]
    assert len(french) == 1 and "%C3%" in french[0]["canonical_url"]  # accented slug, percent-encoded
    english = next(r for r in run["records"] if r["source"] == french[0]["source"] and r["language"] == "en")
    assert english["tickers"] == french[0]["tickers"]


def test_no_globenewswire_furniture_left(run):
    for record in run["records"]:
        found = FURNITURE.search(record["body"])
        assert not found, (record["id"], found)
        assert not repeated_paragraphs(record["body"]), f"repeated paragraph in {record['id']}"
        assert "(GLOBE NEWSWIRE) --" in split_paragraphs(record["body"])[0]
        assert "  " not in record["body"]  # "HOUSTON, April  01, 2024  (GLOBE NEWSWIRE)" normalised


def test_records_follow_the_schema(run):
    for record in run["records"]:
        assert list(record) == EXPORT_FIELDS
        assert record["wire"] == WIRE
        assert record["url"].startswith("https://www.globenewswire.com/news-release/")
        assert record["authors"] == [] and record["source"]
        assert re.fullmatch(r"[A-Z][A-Z ]+:[A-Z0-9.]+", record["tickers"][0])


def test_blocks_and_rate_limits_are_counted_not_delivered(run):
    # the Akamai 403, the 200 captcha page and the 429 that never lifts
    assert_blocks_counted_not_delivered(run, WIRE, block_pages=3)


def test_broken_or_endless_discovery_is_counted(run):
    log = run["log"]
    assert "'newswire/feed/malformed': 1" in log
    assert "'newswire/listing/stop_nothing_new': 1" in log  # the newsroom repeats its last page forever
