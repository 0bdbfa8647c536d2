"""The benchmark's supports: the mirror's ``--request-log`` and the process-tree memory sampler."""

from __future__ import annotations

import http.client
import os
import subprocess
import sys

import pytest

from newswire.bench_crawl import tree_rss_kb
from tests.mirror_run import MirrorProcess


def _get(url: str, target: str, host: str, **headers: str) -> int:
    conn = http.client.HTTPConnection(url.split("//", 1)[1], timeout=10)
    try:
        conn.request("GET", target, headers={"Host": host, **headers})
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


def test_request_log_lines_and_truncation(tmp_path):
    log = tmp_path / "requests.log"
    mirror = MirrorProcess("--articles", "24", "--wires", "menafn", "--request-log", str(log))
    try:
        _get(mirror.url, "/robots.txt", "menafn.com")
        _get(mirror.url, "/qn_news_story_s.aspx?storyid=1&title=a%20b", "www.menafn.com")
        _get(mirror.url, "/x", "unknown.example")
        # The crawler's browser routing marks what chromium asked for (newswire.browser).
        _get(mirror.url, "/section/business", "menafn.com", **{"X-Newswire-Browser": "1"})
        # Each line is written as its request arrives, path and query as sent.
        assert log.read_text().splitlines() == [
            "https://menafn.com/robots.txt",
            "https://www.menafn.com/qn_news_story_s.aspx?storyid=1&title=a%20b",
            "https://unknown.example/x",
            "https://menafn.com/section/business browser",
        ]
        log.write_bytes(b"")  # the bench empties the log between crawls
        _get(mirror.url, "/", "menafn.com")
        assert log.read_text() == "https://menafn.com/\n"
    finally:
        mirror.stop()


def test_tree_rss_counts_descendants():
    code = "import subprocess, sys, time; c = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(30)']); " \
           "print(c.pid, flush=True); time.sleep(30)"
    parent = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        child = int(parent.stdout.readline())
        alone = tree_rss_kb(child)
        assert alone > 0
        assert tree_rss_kb(parent.pid) > alone  # the parent's own RSS plus its child's
    finally:
        os.kill(child, 9)
        parent.kill()
        parent.wait()


def test_cpu_seconds_of_a_process():
    from newswire.bench_crawl import _cpu_seconds

    sum(i * i for i in range(300_000))  # some CPU of our own
    assert _cpu_seconds(os.getpid()) > 0
    assert _cpu_seconds(2**22 + 12345) == 0.0  # beyond pid_max: no such process


def test_a_repeat_crawls_from_the_state_the_first_started_from(tmp_path):
    """``--repeat``: the store is saved before a wire's first crawl and put back before
    each other, so every repeat delivers the same stories."""
    import sqlite3

    from newswire.bench_crawl import _restore, _snapshot

    state = tmp_path / "state.sqlite"
    db = sqlite3.connect(state)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("CREATE TABLE stories (id TEXT)")
    db.execute("INSERT INTO stories VALUES ('menafn:1')")
    db.commit()
    db.close()
    _snapshot(state, tmp_path / "before")
    db = sqlite3.connect(state)
    db.execute("INSERT INTO stories VALUES ('menafn:2')")  # what a crawl adds
    db.commit()
    db.close()
    _restore(state, tmp_path / "before")
    db = sqlite3.connect(state)
    assert db.execute("SELECT id FROM stories").fetchall() == [("menafn:1",)]
    db.close()


def test_repeats_are_given_for_every_size_or_per_size():
    import argparse

    from newswire.bench import repeats_per_size

    parser = argparse.ArgumentParser()
    assert repeats_per_size([1000, 10000], [5, 3], parser) == [(1000, 5), (10000, 3)]
    assert repeats_per_size([1000, 10000], [3], parser) == [(1000, 3), (10000, 3)]
    with pytest.raises(SystemExit):
        repeats_per_size([1000, 10000], [5, 3, 1], parser)
    with pytest.raises(SystemExit):
        repeats_per_size([1000], [0], parser)
