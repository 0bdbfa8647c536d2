"""The scheduling recipes of newswire/deploy/: the crontab line's lock, and a deploy
plus a scheduled crawl on a local scrapyd."""

from __future__ import annotations

import fcntl
import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

from tests.mirror_run import ROOT, MirrorProcess, read_truth

BIN = Path(sys.executable).parent
DEPLOY = ROOT / "newswire" / "deploy"


def cron_command(tmp_path: Path, mirror_url: str) -> tuple[str, Path]:
    """The crontab's MENAFN line, pointed at this checkout, a temporary lock and output,
    and the mirror instead of the network."""
    line = next(row for row in (DEPLOY / "crontab.example").read_text().splitlines() if "crawl menafn" in row)
    command = line.split(None, 5)[5].replace("NEWSWIRE", str(ROOT))
    lock = tmp_path / "menafn.lock"
    command = command.replace("/tmp/newswire-menafn.lock", str(lock))
    command = command.replace("LOG_FILE=output/menafn/crawl.log", f"LOG_FILE={tmp_path / 'crawl.log'}")
    command += (f" -s NEWSWIRE_MIRROR={mirror_url} -s NEWSWIRE_OUTPUT_DIR={tmp_path / 'output'}"
                f" -s NEWSWIRE_STATE={tmp_path / 'state.sqlite'} -s AUTOTHROTTLE_ENABLED=False -s DOWNLOAD_DELAY=0")
    return command, lock


def test_cron_line_never_overlaps_two_runs(tmp_path):
    mirror = MirrorProcess("--wires", "menafn", "--articles", "30", "--seed", "2")
    try:
        command, lock = cron_command(tmp_path, mirror.url)
        with lock.open("w") as held:
            fcntl.flock(held, fcntl.LOCK_EX)  # a run of the wire is still going
            started = time.monotonic()
            skipped = subprocess.run(["sh", "-c", command], capture_output=True, timeout=60)
            assert skipped.returncode == 1 and time.monotonic() - started < 5
            assert not (tmp_path / "output").exists()
        ran = subprocess.run(["sh", "-c", command], capture_output=True, timeout=300)
        assert ran.returncode == 0, ran.stderr[-2000:]
        feeds = list((tmp_path / "output" / "menafn").glob("*.jsonl"))
        assert len(feeds) == 1 and len(feeds[0].read_text().splitlines()) == 30
    finally:
        mirror.stop()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def api(base: str, path: str, data: list[tuple[str, str]] | None = None) -> dict:
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    with urllib.request.urlopen(base + path, data=body, timeout=30) as answer:
        return json.loads(answer.read())


def test_scrapyd_deploys_and_schedules_a_crawl(tmp_path):
    port = free_port()
    conf = (DEPLOY / "scrapyd.conf").read_text().replace("http_port    = 6800", f"http_port    = {port}")
    conf += f"eggs_dir = {tmp_path / 'eggs'}\nlogs_dir = {tmp_path / 'logs'}\ndbs_dir = {tmp_path / 'dbs'}\n"
    daemon_dir = tmp_path / "scrapyd"
    daemon_dir.mkdir()
    (daemon_dir / "scrapyd.conf").write_text(conf)
    project = tmp_path / "project"
    shutil.copytree(ROOT / "newswire", project / "newswire", ignore=shutil.ignore_patterns("__pycache__"))
    cfg = (ROOT / "scrapy.cfg").read_text().replace("http://127.0.0.1:6800/", f"http://127.0.0.1:{port}/")
    (project / "scrapy.cfg").write_text(cfg)
    mirror = MirrorProcess("--wires", "menafn", "--articles", "30", "--seed", "2", truth=tmp_path / "truth.jsonl")
    daemon = subprocess.Popen([str(BIN / "scrapyd")], cwd=daemon_dir, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}/"
    try:
        for _ in range(100):
            try:
                assert api(base, "daemonstatus.json")["status"] == "ok"
                break
            except OSError:
                time.sleep(0.2)
        deployed = subprocess.run([str(BIN / "scrapyd-deploy"), "local", "-p", "newswire"], cwd=project,
                                  capture_output=True, text=True, timeout=300)
        assert deployed.returncode == 0, deployed.stdout + deployed.stderr
        assert "menafn" in api(base, "listspiders.json?project=newswire")["spiders"]
        output = tmp_path / "output"
        job = api(base, "schedule.json", [
            ("project", "newswire"), ("spider", "menafn"),
            ("setting", f"NEWSWIRE_MIRROR={mirror.url}"), ("setting", f"NEWSWIRE_OUTPUT_DIR={output}"),
            ("setting", f"NEWSWIRE_STATE={tmp_path / 'state.sqlite'}"),
            ("setting", "AUTOTHROTTLE_ENABLED=False"), ("setting", "DOWNLOAD_DELAY=0"),
        ])["jobid"]
        for _ in range(600):
            jobs = api(base, "listjobs.json?project=newswire")
            if any(j["id"] == job for j in jobs.get("finished", [])):
                break
            time.sleep(0.5)
        else:
            raise AssertionError(f"job {job} did not finish: {jobs}")
    finally:
        daemon.terminate()
        daemon.wait(timeout=10)
        mirror.stop()
    feeds = list((output / "menafn").glob("*.jsonl"))
    assert len(feeds) == 1
    ids = {json.loads(line)["id"] for line in feeds[0].read_text().splitlines()}
    assert ids == {t["id"] for t in read_truth(tmp_path / "truth.jsonl", "menafn")}
