"""A date-window run (``-a days=1``) fetches no article page older than the window:
sitemap and feed entries are dated before anything is fetched."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from tests.mirror_run import MirrorProcess, crawl, read_truth

NOW = datetime(2026, 11, 27, 12, tzinfo=timezone.utc)


def test_window_run_fetches_only_recent_articles(tmp_path):
    truth_path = tmp_path / "truth.jsonl"
    mirror = MirrorProcess("--wires", "globenewswire", "--articles", "40", "--seed", "3", truth=truth_path)
    try:
        run = crawl("globenewswire", mirror.url, tmp_path, "NEWSWIRE_NOW=2026-11-27T12:00:00Z",
                    spider_args=("days=1",))
    finally:
        mirror.stop()
    start = NOW - timedelta(days=1)
    truth = read_truth(truth_path, "globenewswire")
    recent = {t["id"] for t in truth if datetime.fromisoformat(t["published_at"].replace("Z", "+00:00")) >= start}
    assert 0 < len(recent) < len(truth)  # the window really cuts the mirror's stories
    assert {r["id"] for r in run["records"]} == recent
    # Every article page fetched was a story inside the window: none was fetched to be
    # thrown away afterwards.
    assert run["manifest"]["article_requests"] == len(recent)
    assert "'newswire/window/skipped'" in run["log"]
    assert "Date window: listings skipped" in run["log"]
