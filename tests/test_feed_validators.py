"""Feeds with validators: the second run sends If-None-Match and skips an unchanged
feed on 304; a run that never published does not keep the validators."""

from tests.mirror_run import MirrorProcess, crawl


def test_unchanged_feed_is_not_read_again(tmp_path):
    mirror = MirrorProcess("--wires", "prnewswire", "--articles", "40", "--seed", "3")
    try:
        first = crawl("prnewswire", mirror.url, tmp_path, "NEWSWIRE_NOW=2026-11-27T12:00:00Z")
        second = crawl("prnewswire", mirror.url, tmp_path, "NEWSWIRE_NOW=2026-11-27T12:10:00Z")
    finally:
        mirror.stop()
    assert first["returncode"] == 0 and second["returncode"] == 0
    assert "newswire/feed/not_modified" not in first["log"]
    assert "'newswire/feed/not_modified': 2" in second["log"]  # both PR Newswire feeds send an ETag
    assert "'downloader/response_status_count/304': 2" in second["log"]
    assert second["records"] == []
