"""The mirror's days: day 2 is the day-1 site 24 hours later, with new stories and one
updated, one deleted and one moved story, and older stories linked by other URL forms."""

from __future__ import annotations

import html
import json
import re
import signal
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta

import pytest

from newswire.mirror import DEFAULT_NOW, build
from tests import test_mirror as base
from tests.test_mirror import ROOT, body_from_page, fetch, local

ENGLISH_FEEDS = ("Business", "Technology", "Politics")


def number(truth_id: str) -> int:
    return int(truth_id.removeprefix("menafn:"))


@pytest.fixture(scope="module")
def day1():
    return build(seed=1, articles=60, wires=["menafn"])


@pytest.fixture(scope="module")
def day2():
    return build(seed=1, articles=60, day=2, wires=["menafn"])


@pytest.fixture(scope="module")
def site1(day1):
    return day1.sites[0]


@pytest.fixture(scope="module")
def site2(day2):
    return day2.sites[0]


@pytest.fixture(scope="module")
def changes(site2):
    return site2.changes()


@pytest.fixture(scope="module")
def server2(tmp_path_factory):
    """The day-2 mirror as the crawler sees it, with its truth and changes files."""
    folder = tmp_path_factory.mktemp("day2")
    proc = subprocess.Popen(
        [sys.executable, "-m", "newswire.mirror", "--port", "0", "--articles", "60", "--wires", "menafn", "--day", "2",
         "--now", "2026-11-27T12:00:00Z", "--truth", str(folder / "truth.jsonl"),
         "--changes", str(folder / "changes.json")],
        cwd=ROOT, stdout=subprocess.PIPE, text=True)
    line = proc.stdout.readline().strip()
    match = re.fullmatch(r"listening http://127\.0\.0\.1:(\d+)", line)
    assert match, f"unexpected first line: {line!r}"
    yield {"port": int(match.group(1)), "folder": folder}
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=10) == 0


def feed_links(site, names=ENGLISH_FEEDS + ("Arabic",)) -> list[str]:
    links = []
    for name in names:
        channel = ET.fromstring(local(site, f"/rss/menafn_{name}.xml").body).find("channel")
        links += [item.findtext("link") for item in channel.findall("item")]
    return links


def listing_links(site) -> list[str]:
    links = []
    for section, entries in site.listings.items():
        for page in range(1, -(-len(entries) // 10) + 1):
            text = local(site, f"/section/{section}?page={page}").body.decode("utf-8")
            links += [html.unescape(h) for h in re.findall(r'<h3><a href="([^"]+)"', text)]
    return links


def linked_id(link: str) -> int:
    found = re.search(r"storyid=(\d{10})", link) or re.search(r"/(\d{10})(?:[/?#]|$)", link)
    return int(found.group(1))


# ---------------------------------------------------------------------- day 1


def test_day_1_is_the_default_site(site1):
    explicit = build(seed=1, articles=60, day=1, wires=["menafn"]).sites[0]
    assert explicit.now == site1.now == DEFAULT_NOW and explicit.day == 1
    for story, twin in zip(site1.stories, explicit.stories):
        assert site1.article_page(story) == explicit.article_page(twin)
    for path in ("/", "/section/business?page=3", "/rss/menafn_Business.xml"):
        assert local(site1, path).body == local(explicit, path).body
    record = site1.changes()
    assert record["day"] == 1 and record["now"] == "2026-11-27T12:00:00Z"
    assert record["new"] == [r["id"] for r in build(seed=1, articles=60, wires=["menafn"]).truth]
    assert (record["updated"], record["deleted"], record["moved"], record["variants"]) == ([], [], {}, {})


def test_bad_day_rejected():
    with pytest.raises(ValueError):
        build(seed=1, articles=60, day=0, wires=["menafn"])


# ---------------------------------------------------------------- what changed


def test_changes_shape(site1, site2, changes):
    assert changes["day"] == 2 and changes["now"] == "2026-11-28T12:00:00Z"
    assert site2.now == DEFAULT_NOW + timedelta(hours=24)
    assert len(changes["new"]) == 12  # 20% of --articles
    assert len(changes["updated"]) == len(changes["deleted"]) == len(changes["moved"]) == 1
    assert len(changes["variants"]) == 4
    touched = [*changes["updated"], *changes["deleted"], *changes["moved"], *changes["variants"]]
    assert len(set(touched)) == len(touched)
    assert all(number(i) in site1.by_id for i in touched)  # all day-1 stories
    assert site1.changes(2) == changes  # a day-1 site can tell what day 2 changes
    assert json.loads(json.dumps(changes)) == changes


def test_truth_of_day_2(day1, day2, changes):
    before = {r["id"]: r for r in day1.truth}
    after = {r["id"]: r for r in day2.truth}
    assert set(after) == (set(before) - set(changes["deleted"])) | set(changes["new"])
    touched = {*changes["updated"], *changes["moved"]}
    for truth_id, record in before.items():
        if truth_id in after and truth_id not in touched:
            assert after[truth_id] == record
    ids = [number(r["id"]) for r in day2.truth]
    assert ids == sorted(ids)
    start, end = "2026-11-27T12:00:00Z", "2026-11-28T12:00:00Z"
    for truth_id in changes["new"]:
        assert start < after[truth_id]["published_at"] < end
        assert number(truth_id) > max(number(i) for i in before)


def test_new_stories_top_listings_and_feeds(site1, site2, changes):
    new = {number(i) for i in changes["new"]}
    stories = [site2.by_id[i] for i in new]
    assert {s.section for s in stories} == {"business", "technology", "politics", "arabic"}
    for section, entries in site2.listings.items():
        fresh = [s for s in stories if s.section == section]
        assert entries[:len(fresh)] == sorted(fresh, key=lambda s: s.published, reverse=True)
    feeds = [linked_id(link) for link in feed_links(site2)]
    assert new <= set(feeds)
    # Older stories drop out of the feeds and move down the listings.
    old_feeds = {linked_id(link) for link in feed_links(site1)}
    assert old_feeds - set(feeds) - {number(i) for i in changes["deleted"]}
    first = site1.listings["business"][0].id
    position = [entry.id for entry in site2.listings["business"]].index(first)
    assert position == sum(s.section == "business" for s in stories)
    # The same variety of templates and traps as day 1.
    assert {s.jsonld for s in stories} >= {"object", "array", "graph", "missing"}
    assert {s.link_form for s in stories if s.language == "en"} == {"new", "legacy", "both"}
    assert any(s.markup == "broken" for s in stories) and any(s.markup == "br" for s in stories)
    assert any(s.fail_once for s in stories) and any(s.soil for s in stories)
    feed_only = [s for s in stories if not s.visible_date]
    assert len(feed_only) == 1 and feed_only[0].id in feeds


def test_updated_story(site1, site2, changes):
    story_id = number(changes["updated"][0])
    old, new = site1.by_id[story_id], site2.by_id[story_id]
    assert old.url == new.url
    record1, record2 = site1.truth_record(old), site2.truth_record(new)
    assert record2["title"] == record1["title"] and record2["url"] == record1["url"]
    paragraphs1, paragraphs2 = record1["body"].split("\n\n"), record2["body"].split("\n\n")
    assert len(paragraphs1) == len(paragraphs2)
    assert sum(a != b for a, b in zip(paragraphs1, paragraphs2)) == 1 and paragraphs1[0] == paragraphs2[0]
    assert "2026-11-27T12:00:00Z" < record2["modified_at"] < "2026-11-28T12:00:00Z"
    assert record2["modified_at"] != record1["modified_at"]
    response = local(site2, new.url)
    assert response.status == 200
    page = response.body.decode("utf-8")
    assert body_from_page(page) == paragraphs2 != body_from_page(site1.article_page(old))
    modified = re.findall(r'"dateModified": "([^"]+)"|article:modified_time" content="([^"]+)"', page)
    assert modified and {datetime.fromisoformat(a or b) for a, b in modified} == {new.modified}
    assert new.id in {linked_id(link) for link in feed_links(site2)}  # a feed reader sees it again


def test_deleted_story(site1, site2, changes):
    story_id = number(changes["deleted"][0])
    story = site1.by_id[story_id]
    assert story_id not in site2.by_id
    for target in (story.url, story.legacy_url, f"/{story_id}/Some-Other-Slug", f"/{story_id}"):
        assert local(site2, target).status == 410, target
    assert story_id not in {linked_id(link) for link in listing_links(site2) + feed_links(site2)}
    assert story_id in {linked_id(link) for link in feed_links(site1)}  # it was in a day-1 feed


def test_moved_story(site1, site2, changes):
    truth_id, move = next(iter(changes["moved"].items()))
    story_id = number(truth_id)
    old, new = site1.by_id[story_id], site2.by_id[story_id]
    assert move == {"from": old.url, "to": new.url} and old.url != new.url
    assert f"/{story_id}/" in move["from"] and f"/{story_id}/" in move["to"]
    response = local(site2, move["from"])
    assert (response.status, response.headers["Location"]) == (301, move["to"])
    record1, record2 = site1.truth_record(old), site2.truth_record(new)
    assert record2["body"] == record1["body"] and record2["title"] != record1["title"]
    assert record2["url"] == record2["canonical_url"] == move["to"]
    assert record2["modified_at"] == record1["modified_at"]
    page = local(site2, move["to"]).body.decode("utf-8")
    assert f'<link rel="canonical" href="{move["to"]}">' in page
    assert body_from_page(page) == record2["body"].split("\n\n")
    links = [link for link in listing_links(site2) + feed_links(site2) if linked_id(link) == story_id]
    assert links and all(move["from"].rsplit("/", 1)[1] not in link for link in links)


def test_url_variants_resolve_to_the_same_story(site2, changes):
    listing, feeds = listing_links(site2), feed_links(site2)
    kinds = set()
    for truth_id, urls in changes["variants"].items():
        story = site2.by_id[number(truth_id)]
        assert urls and story.url not in urls
        for url in urls:
            assert url in feeds or url.removeprefix("https://menafn.com") in listing, url
            if url.startswith("http://www.menafn.com/"):
                kinds.add("www")
            elif "qn_news_story_s.aspx?storyid=" in url:
                kinds.add("legacy")
            elif "?utm_source=" in url:
                kinds.add("utm")
            elif url.endswith("#rssom"):
                kinds.add("rssom")
            response = local(site2, url.split("#")[0])
            if response.status == 301:
                assert response.headers["Location"] == story.url
            else:
                assert response.status == 200
                assert f'<link rel="canonical" href="{story.url}">'.encode() in response.body
                assert response.body == local(site2, story.url).body
    assert kinds == {"www", "legacy", "utm", "rssom"}
    assert any(link.endswith("#rssom") for link in feeds)


def test_day_2_site_keeps_day_1_guarantees(day2, site2):
    """The day-1 checks that do not count stories hold on day 2 too."""
    base.test_listings_paginate_and_reach_every_article(site2, day2)
    base.test_feeds(site2)
    base.test_truth_is_recoverable_from_every_page(day2, site2)
    base.test_pages_carry_their_dates_and_authors(site2)
    base.test_ids_follow_real_rate(site2)


def test_deterministic_and_seeded(site2, changes):
    again = build(seed=1, articles=60, day=2, wires=["menafn"]).sites[0]
    assert again.changes() == changes
    for path in ("/", "/section/politics?page=2", "/rss/menafn_Business.xml"):
        assert local(again, path).body == local(site2, path).body
    other = build(seed=2, articles=60, day=2, wires=["menafn"]).sites[0].changes()
    assert other["updated"] != changes["updated"] and other["new"] != changes["new"]


def test_day_3_builds_on_day_2(site1, changes):
    site3 = build(seed=1, articles=60, day=3, wires=["menafn"]).sites[0]
    assert site3.changes(2) == changes
    record = site3.changes()
    assert record["day"] == 3 and len(record["new"]) == 12
    assert not {*record["updated"], *record["deleted"], *record["moved"]} & \
        {*changes["updated"], *changes["deleted"], *changes["moved"]}
    gone = number(changes["deleted"][0])
    assert local(site3, site1.by_id[gone].url).status == 410
    moved = changes["moved"][f"menafn:{number(next(iter(changes['moved'])))}"]
    assert local(site3, moved["from"]).headers["Location"] == moved["to"]
    assert min(number(i) for i in record["new"]) > max(number(i) for i in changes["new"])


def test_smallest_mirror_has_every_change():
    site = build(seed=5, articles=24, day=2, wires=["menafn"]).sites[0]
    record = site.changes()
    assert len(record["new"]) == 8 and len(record["variants"]) == 4
    assert len(record["updated"]) == len(record["deleted"]) == len(record["moved"]) == 1


def test_large_mirror_day_2_starts_fast():
    started = time.perf_counter()
    big = build(seed=3, articles=5000, day=2, wires=["menafn"])
    assert time.perf_counter() - started < 5
    assert len(big.sites[0].stories) == 5000 - 1 + 1000


# ---------------------------------------------------------------------- server


def test_cli_writes_day_2_truth_and_changes(server2, day2, changes):
    lines = (server2["folder"] / "truth.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == day2.truth
    written = json.loads((server2["folder"] / "changes.json").read_text(encoding="utf-8"))
    assert written == day2.changes() and written["updated"] == changes["updated"]


def test_served_day_2(server2, site1, changes):
    port = server2["port"]
    deleted = site1.by_id[number(changes["deleted"][0])]
    assert fetch(port, deleted.url)[0] == 410
    move = next(iter(changes["moved"].values()))
    status, headers, _ = fetch(port, move["from"])
    assert (status, headers["Location"]) == (301, move["to"])
    assert fetch(port, move["to"])[0] == 200
    for url in (u for urls in changes["variants"].values() for u in urls):
        host = "www.menafn.com" if url.startswith("http://www.") else "menafn.com"
        assert fetch(port, url, host)[0] in (200, 301), url
    status, _, body = fetch(port, "/rss/menafn_Business.xml")
    assert status == 200 and b"<lastBuildDate>Sat, 28 Nov 2026" in body
