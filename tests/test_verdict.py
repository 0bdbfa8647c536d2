"""The exit status of a run, per failure kind (newswire.verdict)."""

import pytest
from scrapy.settings import Settings

from newswire import verdict as v

CLEAN = {"downloader/request_count": 100, "item_scraped_count": 40, "newswire/incremental/new": 44,
         "feedexport/success_count/AtomicFileFeedStorage": 1, "newswire/delivered": 40}


def judge(stats, reason="finished", previous_found=40, monitors_failed=0):
    return v.judge(stats, Settings(), reason=reason, feeds_configured=True, previous_found=previous_found,
                   monitors_failed=monitors_failed)


def test_clean_run_is_ok():
    assert judge(CLEAN) == v.Verdict(0, "delivered 40 stories")


def test_nothing_new_is_still_ok():
    stats = {**CLEAN, "item_scraped_count": 0, "newswire/delivered": 0, "newswire/incremental/new": 0,
             "newswire/incremental/skip": 44}
    assert judge(stats).ok


@pytest.mark.parametrize(
    ("changes", "reason", "code", "says"),
    [
        ({}, "shutdown", v.UNFINISHED, "finish reason is 'shutdown'"),
        ({}, "closespider_timeout", v.UNFINISHED, "closespider_timeout"),
        ({"downloader/exception_count": 15, "downloader/response_status_count/503": 10}, "finished", v.ERRORS,
         "25 of 100 requests failed"),
        ({"newswire/blocked/businesswire": 50, "item_scraped_count": 2}, "finished", v.BLOCKED, "blocked on 50 of 52"),
        ({"newswire/incremental/new": 0, "item_scraped_count": 0, "newswire/delivered": 0}, "finished",
         v.NOTHING_FOUND, "last complete run found 40"),
        ({"feedexport/success_count/AtomicFileFeedStorage": 0}, "finished", v.NOT_PUBLISHED, "not published"),
    ],
)
def test_failures_have_their_code_and_reason(changes, reason, code, says):
    result = judge({**CLEAN, **changes}, reason=reason)
    assert result.code == code and says in result.reason


def test_failed_monitor_fails_the_run():
    result = judge(CLEAN, monitors_failed=2)
    assert (result.code, result.reason) == (v.MONITORS, "2 monitor(s) failed")


def test_first_run_of_a_wire_finding_nothing_is_not_compared():
    stats = {**CLEAN, "newswire/incremental/new": 0, "item_scraped_count": 0}
    assert judge(stats, previous_found=None).ok


def test_a_feed_path_with_an_unknown_placeholder_fails_the_run(tmp_path):
    """Scrapy alone writes nothing for ``%(nope)s`` and exits 0; here the run says so."""
    from tests.mirror_run import MirrorProcess, crawl

    mirror = MirrorProcess("--wires", "menafn", "--articles", "24", "--seed", "3")
    try:
        result = crawl("menafn", mirror.url, tmp_path,
                       'FEEDS={"%(output_dir)s/%(name)s/%(nope)s.jsonl": {"format": "jsonlines"}}')
    finally:
        mirror.stop()
    assert result["feed"] is None
    last = result["log"].strip().splitlines()[-1]
    assert result["returncode"] == v.NOT_PUBLISHED, last
    assert "newswire: run failed (exit 6)" in last and "not published" in last
