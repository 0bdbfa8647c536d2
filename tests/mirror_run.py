"""Helpers to run the mirror and real `scrapy crawl` subprocesses in tests."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


class MirrorProcess:
    def __init__(self, *args: str, truth: Path | None = None) -> None:
        cmd = [sys.executable, "-m", "newswire.mirror", "--port", "0", *args]
        if truth:
            cmd += ["--truth", str(truth)]
        self.proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline()
        match = re.search(r"http://127\.0\.0\.1:\d+", line)
        if not match:
            self.proc.kill()
            raise RuntimeError(f"mirror did not start: {line!r}")
        self.url = match.group(0)

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def crawl(wire: str, mirror_url: str, workdir: Path, *settings: str, timeout: int = 300, pythonpath: str = "",
          spider_args: tuple[str, ...] = ()) -> dict:
    """Run the production spider against the mirror; return its records, manifest and log."""
    output = workdir / "output"
    log = workdir / f"{wire}.log"
    cmd = [
        sys.executable,
        "-m",
        "scrapy",
        "crawl",
        wire,
        "-s",
        f"NEWSWIRE_MIRROR={mirror_url}",
        "-s",
        f"NEWSWIRE_OUTPUT_DIR={output}",
        "-s",
        f"LOG_FILE={log}",
        "-s",
        f"NEWSWIRE_STATE={workdir / 'state.sqlite'}",
        # The mirror is local: no need to be gentle, and the tests should be quick.
        "-s",
        "AUTOTHROTTLE_ENABLED=False",
        "-s",
        "DOWNLOAD_DELAY=0",
        # 429s still wait for Retry-After, but a second at most: the tests check behaviour, not patience.
        "-s",
        "NEWSWIRE_MAX_RETRY_AFTER=1",
        *[arg for s in settings for arg in ("-s", s)],
        *[arg for a in spider_args for arg in ("-a", a)],
    ]
    env = {
        **os.environ,
        "SCRAPY_SETTINGS_MODULE": "newswire.settings",
        "PYTHONPATH": os.pathsep.join(p for p in (str(ROOT), pythonpath) if p),
    }
    done = subprocess.run(cmd, cwd=workdir, env=env, timeout=timeout, capture_output=True, text=True)
    manifests = sorted((output / wire).glob("*.manifest.json"), key=lambda p: p.stat().st_mtime)
    feeds = sorted((output / wire).glob("*.jsonl"), key=lambda p: p.stat().st_mtime)
    lines = feeds[-1].read_bytes().decode("utf-8").splitlines() if feeds else []
    return {
        "returncode": done.returncode,
        "stderr": done.stderr,
        "log": log.read_text(encoding="utf-8") if log.exists() else "",
        "lines": lines,
        "records": [json.loads(line) for line in lines],
        "manifest": json.loads(manifests[-1].read_text()) if manifests else None,
        "feed": feeds[-1] if feeds else None,
    }


def read_truth(path: Path, wire: str | None = None) -> list[dict]:
    """The mirror's truth records (every wire's, or one wire's)."""
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in records if wire is None or r["wire"] == wire]


#: Fields every wire's records are compared on with the truth.
COMPARED = [
    "id",
    "canonical_url",
    "title",
    "summary",
    "body",
    "authors",
    "source",
    "dateline",
    "published_at",
    "modified_at",
    "language",
    "tags",
]


def crawl_wire_mirror(wire: str, workdir: Path, articles: int = 40, seed: int = 3, *settings: str,
                      pythonpath: str = "") -> dict:
    """Serve one wire's mirror, crawl it with the production spider (or a spider module
    found on ``pythonpath``), return the crawl result with that wire's ``truth`` records."""
    truth_path = workdir / "truth.jsonl"
    mirror = MirrorProcess("--wires", wire, "--articles", str(articles), "--seed", str(seed), truth=truth_path)
    try:
        result = crawl(wire, mirror.url, workdir, *settings, pythonpath=pythonpath)
    finally:
        mirror.stop()
    result["truth"] = read_truth(truth_path, wire)
    return result


def duplicate_ids(run: dict) -> list[str]:
    ids = [r["id"] for r in run["records"]]
    return sorted({i for i in ids if ids.count(i) > 1})


def field_mismatches(run: dict, fields: list[str] = COMPARED) -> list[str]:
    """``"<id> <field>: got ... want ..."`` for every record field that differs from the truth."""
    by_id = {r["id"]: r for r in run["records"]}
    out = []
    for truth in run["truth"]:
        record = by_id.get(truth["id"])
        for field in fields if record is not None else ():
            if record[field] != truth[field]:
                out.append(f"{truth['id']} {field}: got {record[field]!r:.120} want {truth[field]!r:.120}")
    return out


def repeated_paragraphs(body: str) -> bool:
    """Whether a paragraph of five words or more appears twice in ``body``."""
    from newswire.extraction.text import fingerprint, split_paragraphs

    long_ones = [p for p in map(fingerprint, split_paragraphs(body)) if len(p.split()) >= 5]
    return len(long_ones) != len(set(long_ones))


def assert_blocks_counted_not_delivered(run: dict, wire: str, block_pages: int = 2) -> None:
    """The wire's block answers (an Akamai 403, a 429 that never lifts, a captcha page)
    are dropped as block pages, counted per status, and never crash the run; 429s are
    retried first, so at least two are counted."""
    manifest = run["manifest"]
    assert manifest["dropped"].get("block_page", 0) >= block_pages
    assert manifest["errors"].get("http/403", 0) >= 1
    assert manifest["errors"].get("http/429", 0) >= 2
    assert f"newswire/blocked/{wire}" in run["log"]
    assert "Traceback" not in run["log"]


def assert_finished_with_a_feed(run: dict) -> None:
    """The crawl exited 0, finished, and its manifest counts the records of its feed."""
    assert run["returncode"] == 0, run["stderr"][-2000:]
    assert run["manifest"]["finish_reason"] == "finished"
    assert run["manifest"]["articles"] == len(run["records"])


def assert_truth_exactly_once(run: dict) -> None:
    """Every true story of the mirror once, and no other record."""
    assert not duplicate_ids(run), "a story was written twice"
    assert {r["id"] for r in run["records"]} == {t["id"] for t in run["truth"]}
