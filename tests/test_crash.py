"""Exactly once across crashes: a 2,000-article crawl killed at random moments
(SIGKILL), stopped gracefully (SIGTERM) and cut short (CLOSESPIDER_ITEMCOUNT), then
rerun until it completes. The union of the published feed files must be the truth,
each story exactly once, and no reader may ever see a partial feed file.

The moments are random points in the crawl's progress (records written to the run's
``.part`` file), not in wall time: a timed kill lands after the end of a run that got
faster, and then tests nothing."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import threading
import time

from tests.mirror_run import ROOT, MirrorProcess, read_truth

ARTICLES = 2000
NOW = "2026-11-27T12:00:00Z"


def start_crawl(mirror_url, workdir, *extra):
    cmd = [
        sys.executable, "-m", "scrapy", "crawl", "menafn",
        "-s", f"NEWSWIRE_MIRROR={mirror_url}", "-s", f"NEWSWIRE_OUTPUT_DIR={workdir / 'output'}",
        "-s", f"NEWSWIRE_STATE={workdir / 'state.sqlite'}", "-s", f"NEWSWIRE_NOW={NOW}",
        "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0", "-s", "LOG_LEVEL=INFO",
        "-s", f"LOG_FILE={workdir / 'crawl.log'}", *extra,
    ]
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "newswire.settings", "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(cmd, cwd=workdir, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


class PartialFileWatcher(threading.Thread):
    """Reads every visible feed file while the crawls run, as a consumer would."""

    def __init__(self, folder):
        super().__init__(daemon=True)
        self.folder, self.stop, self.partial, self.reads = folder, threading.Event(), [], 0

    def run(self):
        while not self.stop.is_set():
            for path in self.folder.glob("*.jsonl") if self.folder.exists() else []:
                try:
                    data = path.read_bytes()
                except FileNotFoundError:
                    continue
                self.reads += 1
                lines = data.decode("utf-8").split("\n")
                if data and (not data.endswith(b"\n") or any(not _is_json(line) for line in lines[:-1])):
                    self.partial.append(path.name)
            time.sleep(0.05)


def wait_for_records(crawl, folder, records, started, timeout=300):
    """Returns once the running crawl has written ``records`` lines to its ``.part``
    file (say 180 of the 1,700 stories left), or once it has exited on its own. A
    killed run's ``.part`` file, last written before ``started``, is not counted."""
    deadline = time.monotonic() + timeout
    while crawl.poll() is None and time.monotonic() < deadline:
        written = 0
        for part in folder.glob("*.part") if folder.exists() else []:
            try:
                if part.stat().st_mtime >= started:
                    written = max(written, part.read_bytes().count(b"\n"))
            except FileNotFoundError:
                continue
        if written >= records:
            return
        time.sleep(0.02)


def _is_json(line: str) -> bool:
    try:
        json.loads(line)
        return True
    except ValueError:
        return False


def test_killed_runs_deliver_every_story_exactly_once(tmp_path):
    truth_path = tmp_path / "truth.jsonl"
    mirror = MirrorProcess("--wires", "menafn", "--articles", str(ARTICLES), "--seed", "5", "--now", NOW, truth=truth_path)
    truth_ids = {t["id"] for t in read_truth(truth_path, "menafn")}
    watcher = PartialFileWatcher(tmp_path / "output" / "menafn")
    watcher.start()
    rng = random.Random(20261127)
    # A killed run publishes nothing, so only the itemcount and term runs use up stories:
    # 300 + at most 350 (plus the term run's in-flight pages) leave well over 350 for each kill.
    plan = [("itemcount", 300), ("kill", rng.randint(50, 350)), ("term", rng.randint(50, 350)),
            ("kill", rng.randint(1, 100)), ("kill", rng.randint(100, 350)), ("finish", None)]
    codes = []
    try:
        for step, value in plan:
            extra = ("-s", f"CLOSESPIDER_ITEMCOUNT={value}") if step == "itemcount" else ()
            started = time.time()
            crawl = start_crawl(mirror.url, tmp_path, *extra)
            if step in ("kill", "term"):
                wait_for_records(crawl, watcher.folder, value, started)
                if crawl.poll() is None:
                    crawl.send_signal(signal.SIGKILL if step == "kill" else signal.SIGTERM)
            codes.append((step, crawl.wait(timeout=600)))
        # One more run: nothing left, so nothing delivered.
        last = start_crawl(mirror.url, tmp_path)
        assert last.wait(timeout=600) == 0
    finally:
        watcher.stop.set()
        watcher.join()
        mirror.stop()

    # Every kill really landed mid-crawl (not after the run had ended on its own).
    assert [code for step, code in codes if step == "kill"] == [-signal.SIGKILL] * 3, codes
    feeds = sorted((tmp_path / "output" / "menafn").glob("*.jsonl"))
    delivered = [json.loads(line)["id"] for feed in feeds for line in feed.read_text(encoding="utf-8").splitlines()]
    assert watcher.reads > 0 and not watcher.partial, watcher.partial
    assert len(delivered) == len(set(delivered)), "a story was delivered twice"
    assert set(delivered) == truth_ids
    # Each later run removed the unpublished .part file a killed run left behind.
    assert not list((tmp_path / "output" / "menafn").glob("*.part"))
    manifests = list((tmp_path / "output" / "menafn").glob("*.manifest.json"))
    assert sum(json.loads(m.read_text())["delivered"] for m in manifests) == len(truth_ids)
