"""Two wires crawled at the same time into one state store (cron starts each wire on
its own schedule, and a long run of one overlaps the next wire's): neither crawl fails
on the other's write lock, and each delivers every story of its wire once."""

from __future__ import annotations

import threading

from tests.mirror_run import MirrorProcess, crawl, duplicate_ids, read_truth

WIRES = ("menafn", "prnewswire")


def test_two_wires_crawled_at_once_share_the_store(tmp_path):
    truth_path = tmp_path / "truth.jsonl"
    mirror = MirrorProcess("--wires", ",".join(WIRES), "--articles", "150", "--seed", "5", truth=truth_path)
    results: dict[str, dict] = {}
    try:
        # Batches commit every 0.5 s: a crawl this small would otherwise keep the write
        # lock for its whole run (10,000 changes or 3 s) and the test would prove less.
        threads = [threading.Thread(target=lambda w=wire: results.__setitem__(
            w, crawl(w, mirror.url, tmp_path, "NEWSWIRE_STATE_COMMIT_SECONDS=0.5"))) for wire in WIRES]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        mirror.stop()
    for wire in WIRES:
        run = results[wire]
        assert run["returncode"] == 0, (wire, run["log"][-2000:])
        assert "database is locked" not in run["log"]
        assert not duplicate_ids(run)
        truth = {t["id"] for t in read_truth(truth_path, wire)}
        delivered = {r["id"] for r in run["records"]}
        # Every story of the wire is delivered, unless recorded as a copy of the other
        # wire's story (the mirror's MENAFN reposts PR Newswire releases).
        copies = run["manifest"]["dropped"].get("syndicated_copy", 0)
        assert delivered <= truth and len(delivered) + copies == len(truth), wire
