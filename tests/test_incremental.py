"""Scheduled runs against a mirror that moves from day 1 to day 2: each run delivers
only what is new or changed since the runs before, and a run with nothing new fetches
no article page at all."""

from __future__ import annotations

import json

import pytest

from tests.mirror_run import MirrorProcess, crawl, read_truth

DAY1 = "2026-11-27T12:00:00Z"
DAY2 = "2026-11-28T12:00:00Z"
DAY2_LATER = "2026-11-28T12:10:00Z"
FIELDS = ["title", "body", "source", "published_at", "language", "canonical_url"]


def run_day(workdir, day: int, clock: str):
    truth = workdir / f"truth-{day}.jsonl"
    changes = workdir / f"changes-{day}.json"
    mirror = MirrorProcess("--wires", "menafn", "--articles", "40", "--seed", "3", "--now", DAY1, "--day", str(day),
                           "--changes", str(changes), truth=truth)
    try:
        # The mirror's updated story was published 54 h before the day-2 run: a 72 h
        # revisit window (the setting operators tune to how long a wire edits stories)
        # covers it; the default 48 h would not look at it again.
        result = crawl("menafn", mirror.url, workdir, f"NEWSWIRE_NOW={clock}", "NEWSWIRE_REVISIT_WINDOW_HOURS=72")
    finally:
        mirror.stop()
    result["truth"] = {t["id"]: t for t in read_truth(truth, "menafn")}
    everything = json.loads(changes.read_text())
    # The mirror serves every wire; these runs crawl MENAFN only.
    result["changes"] = {key: ({k: v for k, v in value.items() if k.startswith("menafn:")} if isinstance(value, dict)
                               else [i for i in value if str(i).startswith("menafn:")] if isinstance(value, list) else value)
                         for key, value in everything.items()}
    return result


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("incremental")
    day1 = run_day(workdir, 1, DAY1)
    day2 = run_day(workdir, 2, DAY2)
    day3 = run_day(workdir, 2, DAY2_LATER)
    return day1, day2, day3


def test_day_one_delivers_everything(runs):
    day1, _, _ = runs
    assert day1["returncode"] == 0
    assert sorted(r["id"] for r in day1["records"]) == sorted(day1["truth"])
    assert all(r["version"] == 1 for r in day1["records"])


def test_day_two_delivers_exactly_the_new_and_changed_stories(runs):
    day1, day2, _ = runs
    t1, t2 = day1["truth"], day2["truth"]
    new = {i for i in t2 if i not in t1}
    changed = {i for i in t2 if i in t1 and (t2[i]["body"], t2[i]["title"]) != (t1[i]["body"], t1[i]["title"])}
    assert new and changed  # the mirror really moved on
    got = [r["id"] for r in day2["records"]]
    assert len(got) == len(set(got))
    assert set(got) == new | changed
    for record in day2["records"]:
        truth = t2[record["id"]]
        assert {f: record[f] for f in FIELDS} == {f: truth[f] for f in FIELDS}
        if record["id"] in changed:
            assert record["version"] == 2 and record["modified_at"]
        else:
            assert record["version"] == 1


def test_deleted_moved_and_variant_urls_are_not_delivered_again(runs):
    _, day2, _ = runs
    got = {r["id"] for r in day2["records"]}
    changes = day2["changes"]
    assert not set(changes["deleted"]) & got
    assert not set(changes["variants"]) & got
    assert day2["manifest"]["incremental"].get("revisit", 0) > 0  # recent stories were checked for updates


def test_a_run_with_nothing_new_delivers_nothing_and_fetches_no_article(runs):
    _, _, day3 = runs
    assert day3["returncode"] == 0
    assert day3["records"] == []
    assert day3["manifest"]["article_requests"] == 0
    assert day3["manifest"]["delivered"] == 0
    assert day3["feed"].exists()  # one (empty) file per run: the run happened and found nothing
