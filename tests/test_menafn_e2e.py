"""MENAFN end to end: the production spider, pipelines and feed settings crawl the
offline mirror; the feed must equal the mirror's ground truth."""

from __future__ import annotations

import re

import pytest

from newswire.extraction.text import split_paragraphs
from newswire.items import EXPORT_FIELDS, SCHEMA_VERSION
from tests.mirror_run import (
    COMPARED,
    MirrorProcess,
    crawl,
    duplicate_ids,
    field_mismatches,
    read_truth,
    repeated_paragraphs,
)

NAIVE_DEFECTS = re.compile(
    r"Sorry!!|We're sorry, but the page|Legal Disclaimer|MENAFN provides the information|Most popular stories|"
    r"Market Research|No comment|\(MENAFN|MENAFN\d{8}\d{12}ID\d{10}|â€",
)


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("menafn")
    truth_path = workdir / "truth.jsonl"
    mirror = MirrorProcess("--wires", "menafn", "--articles", "40", "--seed", "3", truth=truth_path)
    try:
        result = crawl("menafn", mirror.url, workdir)
    finally:
        mirror.stop()
    result["truth"] = read_truth(truth_path, "menafn")
    return result


def test_crawl_finishes_and_writes_a_feed(run):
    assert run["returncode"] == 0, run["stderr"][-2000:]
    assert run["feed"] is not None and run["feed"].name.endswith(".jsonl")
    assert run["manifest"]["finish_reason"] == "finished"
    assert run["manifest"]["articles"] == len(run["records"])


def test_every_true_article_exactly_once_and_nothing_else(run):
    assert not duplicate_ids(run), "a story was written twice"
    assert {r["id"] for r in run["records"]} == {t["id"] for t in run["truth"]}


def test_fields_equal_the_truth(run):
    mismatches = field_mismatches(run, COMPARED)
    assert not mismatches, "\n".join(mismatches[:30])


def test_no_naive_scrape_defects(run):
    for record in run["records"]:
        assert not NAIVE_DEFECTS.search(record["body"]), (record["id"], NAIVE_DEFECTS.search(record["body"]))
        assert not repeated_paragraphs(record["body"]), f"repeated paragraph in {record['id']}"


def test_the_naive_scrape_page_comes_out_clean(run):
    record = next(r for r in run["records"] if r["id"] == "menafn:1109925453")
    assert record["title"] == "Putin expresses gratitude for Kim Jong-un for backing in Ukraine war"
    assert record["source"] == "MENAFN"
    assert record["body"].startswith("Russian President Vladimir Putin has expressed gratitude")
    assert record["body"].endswith("where the Ukraine conflict is expected to be a central topic.")
    assert len(split_paragraphs(record["body"])) == 4


def test_records_follow_the_schema(run):
    for line, record in zip(run["lines"], run["records"]):
        assert list(record) == EXPORT_FIELDS
        assert record["schema_version"] == SCHEMA_VERSION
        assert record["wire"] == "menafn"
        assert "\\u" not in line  # FEED_EXPORT_ENCODING utf-8: Arabic and quotes written as text
        for field in ("published_at", "modified_at", "crawled_at"):
            assert record[field] is None or re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", record[field])
        assert record["word_count"] == len(record["body"].split())
        assert record["url"].startswith("https://menafn.com/")


def test_bad_pages_are_counted_not_crashed_on(run):
    manifest = run["manifest"]
    assert manifest["dropped"].get("soft_404", 0) >= 1
    assert manifest["dropped"].get("error_page", 0) >= 1  # the real 404s reach the page-type pipeline
    assert manifest["errors"].get("download/ResponseDataLossError", 0) >= 1 or any(
        k.startswith("download/") for k in manifest["errors"]
    ), manifest["errors"]
    assert "Traceback" not in run["log"]
    assert "newswire/feed/empty" in run["log"]
    assert "newswire/page/invalid_jsonld" in run["log"]
    assert manifest["fixes"].get("mojibake", 0) >= 1
    assert manifest["fixes"].get("repeated_paragraphs", 0) >= 1


def test_clean_run_exits_0_and_says_so_last(run):
    assert run["returncode"] == 0
    assert run["log"].strip().splitlines()[-1].endswith("newswire: run ok (exit 0): delivered 40 stories")


def test_a_run_cut_short_exits_non_zero_and_says_why(tmp_path):
    mirror = MirrorProcess("--wires", "menafn", "--articles", "30", "--seed", "3")
    try:
        result = crawl("menafn", mirror.url, tmp_path, "CLOSESPIDER_ITEMCOUNT=5")
    finally:
        mirror.stop()
    assert result["returncode"] == 2
    last = result["log"].strip().splitlines()[-1]
    assert "newswire: run failed (exit 2): finish reason is 'closespider_itemcount'" in last
    assert result["manifest"]["exit"] == {
        "code": 2,
        "reason": "finish reason is 'closespider_itemcount', not 'finished'",
    }


def test_run_report_next_to_the_feed(run):
    folder = run["feed"].parent
    run_id = run["manifest"]["run_id"]
    summary = (folder / f"{run_id}.summary.txt").read_text(encoding="utf-8")
    page = (folder / f"{run_id}.report.html").read_text(encoding="utf-8")
    assert summary.startswith(f"newswire run menafn/{run_id}: delivered 40 stories (exit 0)")
    assert "dropped: error_page 2, soft_404 1" in summary
    assert "published_at 100%" in summary
    assert page.count("<svg") == 3 and "Items dropped, by reason" in page and "soft_404" in page
    assert not list(folder.glob("*.part"))


def test_static_wire_never_starts_a_browser(run):
    assert "playwright" not in run["log"].lower()
