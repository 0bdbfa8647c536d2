"""PR Newswire end to end: the production spider, pipelines and feed settings crawl the
offline mirror (RSS, the paged news sitemap, the monthly .xml.gz archive with a corrupt
month and a missing one, the paged news list, three page generations, an Akamai 403 and
429s); the feed must equal the mirror's truth."""

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

WIRE = "prnewswire"
COMPARED = [*COMPARED, "tickers", "original_url"]
# What a naive scrape of a PR Newswire page keeps besides the release.
FURNITURE = re.compile(
    r"Continue Reading|WANT YOUR COMPANY|FEATURED ON PRNEWSWIRE|GET STARTED|email\s*protected|(^|\n)SOURCE |"
    r"RELATED LINKS|Paragraph (before|After)|PRNewsfoto|photos\.prnewswire\.com|Media Contacts?:|Press Contact|"
    r"Investor Relations Contact|Share this article|Contact PR Newswire|More news from|News provided by"
)


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    return crawl_wire_mirror(WIRE, tmp_path_factory.mktemp(WIRE))


def test_crawl_finishes_and_writes_a_feed(run):
    assert_finished_with_a_feed(run)


def test_every_true_release_exactly_once_and_nothing_else(run):
    assert_truth_exactly_once(run)
    assert not [r["url"] for r in run["records"] if re.search(r"/news/[\w-]+/$|latest-news", r["url"])]


def test_fields_equal_the_truth(run):
    mismatches = field_mismatches(run, COMPARED)
    assert not mismatches, "\n".join(mismatches[:30])


def test_every_page_generation_was_read(run):
    assert {r["parser"] for r in run["records"]} == {"prnewswire/2023", "prnewswire/legacy", "prnewswire/2015"}


def test_no_prnewswire_furniture_left(run):
    for record in run["records"]:
        found = FURNITURE.search(record["body"])
        assert not found, (record["id"], found)
        assert not repeated_paragraphs(record["body"]), f"repeated paragraph in {record['id']}"
        assert "/PRNewswire/ --" in split_paragraphs(record["body"])[0]
        # Media contacts are gone; the only addresses left are investor-relations ones in the
        # release text, decoded from Cloudflare's obfuscation.
        assert all(a.startswith("ir@") for a in re.findall(r"[\w.]+@[\w.]+\w", record["body"])), record["id"]


def test_cloudflare_obfuscated_addresses_are_decoded(run):
    assert any(re.search(r"\bir@[\w.]+\.com\.", r["body"]) for r in run["records"])


def test_records_follow_the_schema(run):
    for record in run["records"]:
        assert list(record) == EXPORT_FIELDS
        assert record["wire"] == WIRE
        assert record["url"].startswith("https://www.prnewswire.com/")
        assert record["authors"] == [] and record["source"]
        assert record["word_count"] == len(record["body"].split())


def test_blocks_and_rate_limits_are_counted_not_delivered(run):
    # the Akamai 403 and the 429 that never lifts (a second 429 heals on retry)
    assert_blocks_counted_not_delivered(run, WIRE)


def test_broken_discovery_files_are_counted(run):
    log = run["log"]
    assert "'newswire/sitemap/corrupt_gzip': 1" in log  # Sitemap_Index_Sep_2026.xml.gz
    assert "'newswire/sitemap/empty'" in log  # the news sitemap's pages past the end
    assert "'newswire/listing/fetched'" in log


def test_429s_wait_for_retry_after(run):
    assert "'newswire/ratelimit/waits'" in run["log"]
    assert "(Retry-After)" in run["log"]
