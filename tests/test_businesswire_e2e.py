"""Business Wire end to end: the production spider, pipelines and feed settings crawl the
offline mirror (opaque-token RSS with ``?feedref=`` links, daily .xml.gz sitemaps on the S3
host, one of them sent with Content-Encoding: gzip, the newsroom that only JavaScript
fills, rendered by Debian's chromium, two page generations, a client-rendered release
whose story is only in ``__NEXT_DATA__``, an English/French pair, a slug-less URL, an
Akamai 403 and 429s); the feed must equal the mirror's truth."""

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
    crawl,
    crawl_wire_mirror,
    field_mismatches,
    repeated_paragraphs,
)

WIRE = "businesswire"
COMPARED = [*COMPARED, "tickers", "original_url"]
# The mirror's clock: the spider picks the daily sitemaps of the week before it.
NOW = "2026-11-27T12:00:00Z"
# What a naive scrape of a Business Wire page keeps besides the release.
FURNITURE = re.compile(
    r"View source version|(^|\n)Contacts(\n|$)|Media Contacts?:|Press Contact|Investor Relations Contact|"
    r"Contact médias|\(Photo: Business Wire\)|More News From|Accept the use of cookies|I Accept|Site Navigation|"
    r"Release Versions|Download PDF|Share|@\w+\.com"
)


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    return crawl_wire_mirror(WIRE, tmp_path_factory.mktemp(WIRE), 40, 3, f"NEWSWIRE_NOW={NOW}")


def test_crawl_finishes_and_writes_a_feed(run):
    assert_finished_with_a_feed(run)


def test_every_true_release_exactly_once_and_nothing_else(run):
    assert_truth_exactly_once(run)


def test_fields_equal_the_truth(run):
    mismatches = field_mismatches(run, COMPARED)
    assert not mismatches, "\n".join(mismatches[:30])


def test_releases_only_the_javascript_newsroom_lists_were_found(run):
    # Summer releases are in no feed and in no sitemap the spider reads: only the newsroom
    # pages, whose links exist once the page's script has run, lead to them.
    summer = {t["id"] for t in run["truth"] if t["published_at"] < "2026-11-01"}
    assert summer and summer <= {r["id"] for r in run["records"]}
    assert "'playwright/page_count'" in run["log"]
    assert "'newswire/listing/fetched'" in run["log"]


def test_both_generations_the_shell_and_both_languages_were_read(run):
    assert {r["parser"] for r in run["records"]} == {"businesswire/classic", "businesswire/2024"}
    french = [r for r in run["records"] if r["language"] == "fr"]
    assert len(french) == 1 and "/fr/" in french[0]["canonical_url"]
    assert any(r["canonical_url"].endswith("/en/") for r in run["records"])  # the slug-less release
    assert all("feedref" not in r["url"] for r in run["records"])


def test_no_businesswire_furniture_left(run):
    for record in run["records"]:
        found = FURNITURE.search(record["body"])
        assert not found, (record["id"], found)
        assert not repeated_paragraphs(record["body"]), f"repeated paragraph in {record['id']}"
        assert "--(BUSINESS WIRE)--" in split_paragraphs(record["body"])[0]
    assert any(r["original_url"] for r in run["records"])


def test_records_follow_the_schema(run):
    for record in run["records"]:
        assert list(record) == EXPORT_FIELDS
        assert record["wire"] == WIRE
        assert re.fullmatch(r"https://www\.businesswire\.com/news/home/\d{14}/(en|fr)/[^?]*", record["url"])
        assert record["authors"] == [] and record["source"]
        assert record["word_count"] == len(record["body"].split())


def test_blocks_and_rate_limits_are_counted_not_delivered(run):
    # the Akamai 403 and the 429 that never lifts (a second 429 heals on retry)
    assert_blocks_counted_not_delivered(run, WIRE)


def test_daily_sitemaps_on_the_s3_host_were_read(run):
    log = run["log"]
    assert "'newswire/sitemap/fetched': 7" in log  # a week of daily files, one decompressed in transit
    assert "newswire/refused/offsite" not in log and "offsite/filtered" not in log


def test_days_without_a_sitemap_yet_do_not_fail_the_run(tmp_path):
    # Three days ahead of the mirror, the three newest daily files do not exist: S3 answers
    # 403 AccessDenied for each, the run goes on and the newsroom still finds everything.
    ahead = crawl_wire_mirror(WIRE, tmp_path, 40, 3, "NEWSWIRE_NOW=2026-11-30T12:00:00Z")
    assert ahead["returncode"] == 0, ahead["stderr"][-2000:]
    assert {r["id"] for r in ahead["records"]} == {t["id"] for t in ahead["truth"]}
    assert ahead["manifest"]["errors"].get("download/HttpError") == 3
    assert "'newswire/sitemap/fetched': 4" in ahead["log"]


def test_missing_chromium_stops_the_crawl_at_start(tmp_path):
    run = crawl("businesswire", "http://127.0.0.1:9", tmp_path,
                'PLAYWRIGHT_LAUNCH_OPTIONS={"executable_path": "/nonexistent/chromium"}')
    assert run["returncode"] == 1
    last = run["log"].strip().splitlines()[-1]
    assert "newswire: run failed (exit 1): Chromium not found at /nonexistent/chromium" in last
    assert "apt-get install chromium" in last
    assert run["records"] == [] and run["manifest"] is None
