"""The state store on its own: delivery bookkeeping, crash recovery, near-duplicates."""

import hashlib
import struct
from pathlib import Path

import pytest
from scrapy.settings import Settings

from newswire.extraction.text import content_hash
from newswire.state import neardup
from newswire.state.crawl import FetchPolicy
from newswire.state.sqlite import SQLiteStateStore

NOW = "2026-11-27T12:00:00Z"
BODY = " ".join(f"Sentence {i} of the release names company {i % 7} and a figure of {i * 3} million." for i in range(40))


def story(n: int, body: str = BODY, wire: str = "menafn") -> dict:
    return {"id": f"{wire}:{n}", "wire": wire, "canonical_url": f"https://{wire}.com/{n}/Story", "title": f"Story {n}",
            "content_hash": content_hash(body), "published_at": NOW, "modified_at": None, "body": body}


@pytest.fixture
def store(tmp_path):
    db = SQLiteStateStore(tmp_path / "state.sqlite", commit_every=3)
    yield db
    db.close()


def test_story_is_delivered_only_after_commit(store, tmp_path):
    store.observe(story(1), ["https://menafn.com/1/Story", "https://menafn.com/qn_news_story_s.aspx?storyid=1"], NOW)
    store.add_pending("menafn/run1", "menafn:1", 1, "sha1:x", "story 1")
    assert store.get("menafn:1").version == 0
    assert store.story_for_url("https://menafn.com/qn_news_story_s.aspx?storyid=1") == "menafn:1"
    store.begin_publish("menafn/run1", str(tmp_path / "run1.jsonl"))
    assert store.get("menafn:1").version == 0
    assert store.commit_publish("menafn/run1") == 1
    state = store.get("menafn:1")
    assert (state.version, state.delivered_run, state.delivered_feed) == (1, "menafn/run1", str(tmp_path / "run1.jsonl"))
    assert state.settled


def test_recovery_commits_a_publish_whose_file_is_in_place(tmp_path):
    path = tmp_path / "state.sqlite"
    db = SQLiteStateStore(path)
    db.observe(story(1), [], NOW)
    db.add_pending("menafn/run1", "menafn:1", 1, "h", "t")
    db.begin_publish("menafn/run1", str(tmp_path / "run1.jsonl"))
    db.db.close()  # killed between the rename and the commit: no clean close
    (tmp_path / "run1.jsonl").write_text("{}\n")
    again = SQLiteStateStore(path)
    assert again.recover(lambda feed: Path(feed).exists()) == {"committed": 1, "rolled_back": 0, "abandoned": 0}
    assert again.get("menafn:1").version == 1
    again.close()


def test_recovery_rolls_back_unpublished_runs(tmp_path):
    path = tmp_path / "state.sqlite"
    db = SQLiteStateStore(path)
    for n, run in ((1, "menafn/killed-mid-crawl"), (2, "menafn/killed-while-publishing")):
        db.observe(story(n), [], NOW)
        db.add_pending(run, f"menafn:{n}", 1, "h", "t")
    db.begin_publish("menafn/killed-while-publishing", str(tmp_path / "never-renamed.jsonl"))
    db.flush()
    db.db.close()
    again = SQLiteStateStore(path)
    assert again.recover(lambda feed: Path(feed).exists()) == {"committed": 0, "rolled_back": 1, "abandoned": 1}
    assert again.get("menafn:1").version == 0 and again.get("menafn:2").version == 0
    assert not again.db.execute("SELECT COUNT(*) FROM pending").fetchone()[0]
    again.close()


def test_near_duplicates_found_across_wires_and_different_stories_kept_apart(store):
    original = neardup.signature(BODY)
    store.observe(story(1, wire="businesswire"), [], NOW)
    store.add_signature("businesswire:1", original)
    copy = BODY.replace("company 3", "company three") + " Legal disclaimer: provided as is."
    assert [sid for sid, _ in store.near_duplicates(neardup.signature(copy), exclude="menafn:9")] == ["businesswire:1"]
    other = " ".join(f"A different story {i} about harvest number {i * 11} in another region." for i in range(40))
    assert store.near_duplicates(neardup.signature(other), exclude="menafn:9") == []
    assert store.near_duplicates(original, exclude="businesswire:1") == []


def test_short_bodies_get_no_signature():
    assert neardup.signature("Too short to tell copies apart.") is None


def test_a_new_signature_replaces_the_old_buckets_and_forget_removes_them(store):
    store.observe(story(1), [], NOW)
    store.add_signature("menafn:1", neardup.signature(BODY))
    other = " ".join(f"A different story {i} about harvest number {i * 11} in another region." for i in range(40))
    store.add_signature("menafn:1", neardup.signature(other))  # rewritten before it was ever published
    assert store.near_duplicates(neardup.signature(BODY), exclude="menafn:9") == []
    assert [sid for sid, _ in store.near_duplicates(neardup.signature(other), exclude="menafn:9")] == ["menafn:1"]
    assert store.db.execute("SELECT COUNT(*) FROM signature_bands").fetchone()[0] == neardup.BANDS
    store.forget("menafn")
    assert store.db.execute("SELECT COUNT(*) FROM signature_bands").fetchone()[0] == 0
    assert store.db.execute("SELECT COUNT(*) FROM signatures").fetchone()[0] == 0


def test_buckets_of_a_store_from_before_signature_buckets_are_carried_over(tmp_path):
    import sqlite3

    path = tmp_path / "state.sqlite"
    old = sqlite3.connect(path)
    old.execute("CREATE TABLE bands (story_id TEXT NOT NULL, band INTEGER NOT NULL, bucket INTEGER NOT NULL, "
                "PRIMARY KEY (story_id, band)) WITHOUT ROWID")
    old.execute("CREATE INDEX bands_bucket ON bands (bucket)")
    old.execute("CREATE TABLE stories (id TEXT PRIMARY KEY, wire TEXT NOT NULL, canonical_url TEXT, content_hash TEXT, "
                "title_fp TEXT, published_at TEXT, modified_at TEXT, first_seen TEXT NOT NULL, last_fetched TEXT, "
                "version INTEGER NOT NULL DEFAULT 0, delivered_hash TEXT, delivered_title_fp TEXT, delivered_run TEXT, "
                "delivered_feed TEXT, duplicate_of TEXT, signature BLOB)")
    signature = neardup.signature(BODY)
    old.execute("INSERT INTO stories (id, wire, first_seen, signature) VALUES ('businesswire:1', 'businesswire', ?, ?)",
                (NOW, neardup.to_blob(signature)))
    old.executemany("INSERT INTO bands VALUES ('businesswire:1', ?, ?)", enumerate(neardup.buckets(signature)))
    old.commit()
    old.close()
    store = SQLiteStateStore(path)
    try:
        assert [sid for sid, _ in store.near_duplicates(signature, exclude="menafn:9")] == ["businesswire:1"]
        assert not store.db.execute("SELECT 1 FROM sqlite_master WHERE name IN ('bands', 'bands_bucket')").fetchall()
        assert store.db.execute("SELECT COUNT(*) FROM stories WHERE signature IS NOT NULL").fetchone()[0] == 0
    finally:
        store.close()


def test_a_store_of_the_previous_layout_has_its_index_rebuilt_from_its_signatures(tmp_path):
    import sqlite3

    # Layout 2: signatures in the stories rows, buckets as 64-bit ints with the story id.
    path = tmp_path / "state.sqlite"
    signature = neardup.signature(BODY)
    raw = neardup.to_blob(signature)
    old_buckets = [struct.unpack("<q", hashlib.blake2b(bytes([band]) + raw[band * 20:(band + 1) * 20],
                                                       digest_size=8).digest())[0] for band in range(12)]
    old = sqlite3.connect(path)
    old.execute("CREATE TABLE stories (id TEXT PRIMARY KEY, wire TEXT NOT NULL, canonical_url TEXT, content_hash TEXT, "
                "title_fp TEXT, published_at TEXT, modified_at TEXT, first_seen TEXT NOT NULL, last_fetched TEXT, "
                "version INTEGER NOT NULL DEFAULT 0, delivered_hash TEXT, delivered_title_fp TEXT, delivered_run TEXT, "
                "delivered_feed TEXT, duplicate_of TEXT, signature BLOB)")
    old.execute("CREATE TABLE signature_buckets (bucket INTEGER NOT NULL, story_id TEXT NOT NULL, "
                "PRIMARY KEY (bucket, story_id)) WITHOUT ROWID")
    old.execute("INSERT INTO stories (id, wire, first_seen, signature) VALUES ('menafn:1', 'menafn', ?, ?)", (NOW, raw))
    old.executemany("INSERT INTO signature_buckets VALUES (?, 'menafn:1')", [(bucket,) for bucket in old_buckets])
    old.execute("PRAGMA user_version = 2")
    old.commit()
    old.close()
    store = SQLiteStateStore(path)
    try:
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == neardup.LAYOUT
        assert not store.db.execute("SELECT 1 FROM sqlite_master WHERE name = 'signature_buckets'").fetchall()
        assert store.db.execute("SELECT story_id, signature FROM signatures").fetchall() == [("menafn:1", raw)]
        assert sorted(row[0] for row in store.db.execute("SELECT bucket FROM signature_bands")) == \
            sorted(neardup.buckets(signature))
        assert store.db.execute("SELECT signature FROM stories").fetchall() == [(None,)]
        assert [sid for sid, _ in store.near_duplicates(signature, exclude="menafn:9")] == ["menafn:1"]
        # The old column stays (SQLite keeps it), unused: a new signature goes to the new table.
        store.observe(story(2), [], NOW)
        store.add_signature("menafn:2", signature)
        assert [sid for sid, _ in store.near_duplicates(signature, exclude="menafn:9")] == ["menafn:1", "menafn:2"]
    finally:
        store.close()


def test_forget_and_redeliver(store, tmp_path):
    for n in (1, 2):
        store.observe(story(n), [f"https://menafn.com/{n}/Story"], NOW)
        store.add_pending("menafn/run1", f"menafn:{n}", 1, "h", "t")
    store.begin_publish("menafn/run1", "f.jsonl")
    store.commit_publish("menafn/run1")
    assert store.redeliver("menafn/run1") == 2
    assert store.get("menafn:1").version == 0
    assert store.forget("menafn") == 2
    assert store.get("menafn:2") is None and store.story_for_url("https://menafn.com/2/Story") is None


def test_feed_validators_count_only_once_their_run_is_published(store):
    store.note_validators("prnewswire/run1", "https://www.prnewswire.com/rss/x.rss", '"abc"', None)
    store.add_pending("prnewswire/run1", "prnewswire:1", 1, "h", "t")
    assert store.validators("https://www.prnewswire.com/rss/x.rss") == (None, None)  # a crash here forgets them
    store.begin_publish("prnewswire/run1", "f.jsonl")
    store.commit_publish("prnewswire/run1")
    assert store.validators("https://www.prnewswire.com/rss/x.rss") == ('"abc"', None)


def test_dead_urls_are_skipped_until_their_time_is_up(store):
    url = "https://menafn.com/1109925453/Gone"
    FetchPolicy(store, Settings({"NEWSWIRE_NOW": NOW})).mark_dead(url, "gone")  # 404 today: 24 h
    assert store.dead_after(NOW) == {"https://menafn.com/1109925453/Gone": "2026-11-28T12:00:00Z"}
    assert store.dead_after("2026-11-28T12:00:00Z") == {}
    later = FetchPolicy(store, Settings({"NEWSWIRE_NOW": "2026-11-28T11:00:00Z"}))
    # The same URL as a feed spells it is the same page.
    assert later.decide("menafn:1109925453", "http://www.menafn.com/1109925453/Gone?utm_source=rss") == "skip_dead"
    assert later.decide("menafn:2", "https://menafn.com/2/Alive") == "new"
    later.mark_dead("https://menafn.com/2/Alive", "failed")  # marked in this run: skipped from now on
    assert later.decide("menafn:2", "https://menafn.com/2/Alive") == "skip_dead"
    after = FetchPolicy(store, Settings({"NEWSWIRE_NOW": "2026-11-28T13:00:00Z"}))
    assert after.decide("menafn:1109925453", url) == "new"


def test_record_urls_gives_each_url_a_story_was_reached_by_once_in_canonical_form():
    from newswire.state.crawl import record_urls

    hints = {"_urls": ["http://www.menafn.com/1109925453/X#rssom",
                       "https://menafn.com/qn_news_story_s.aspx?storyid=1109925453"]}
    urls = record_urls(hints, "https://menafn.com/1109925453/X?utm_source=rss", canonical="https://menafn.com/1109925453/X")
    assert urls == ["https://menafn.com/1109925453/X", "https://menafn.com/qn_news_story_s.aspx?storyid=1109925453"]
    assert record_urls({}, "http://www.menafn.com/1109925453/X#rssom") == ["https://menafn.com/1109925453/X"]


def test_a_second_crawl_writing_to_the_store_waits_for_the_open_batch(tmp_path):
    # Two wires crawled at once share the store; SQLite has one writer at a time. The
    # first crawl's open batch commits once it is commit_seconds old (here on its timer),
    # and the second crawl's write waits for that instead of failing "database is locked".
    import threading
    import time

    path = tmp_path / "state.sqlite"
    first = SQLiteStateStore(path, commit_seconds=0.3, busy_timeout=10)
    second = SQLiteStateStore(path, commit_seconds=0.3, busy_timeout=10)
    first.observe(story(1), ["https://menafn.com/1/Story"], NOW)  # a batch is open: first holds the lock
    timer = threading.Timer(0.4, first.flush_if_due)
    timer.start()
    started = time.monotonic()
    second.observe(story(2, wire="prnewswire"), ["https://prnewswire.com/2/Story"], NOW)
    waited = time.monotonic() - started
    timer.join()
    second.flush()
    assert 0.2 < waited < 5
    assert second.get("menafn:1") is not None and first.get("prnewswire:2") is not None
    first.close()
    second.close()


def test_a_batch_is_committed_when_old_enough_even_with_few_changes(tmp_path):
    import sqlite3
    import time

    path = tmp_path / "state.sqlite"
    store = SQLiteStateStore(path, commit_seconds=0.2)

    def committed(story_id):  # what another process sees
        with sqlite3.connect(path) as other:
            return other.execute("SELECT COUNT(*) FROM stories WHERE id = ?", (story_id,)).fetchone()[0] == 1

    store.observe(story(1), [], NOW)
    store.flush_if_due()  # too young: still open
    assert not committed("menafn:1")
    time.sleep(0.25)
    store.flush_if_due()
    assert committed("menafn:1")
    store.observe(story(2), [], NOW)  # a new batch, committed by the change that finds it old
    time.sleep(0.25)
    store.observe(story(3), [], NOW)
    assert committed("menafn:2") and committed("menafn:3")
    store.close()


def test_recovery_for_one_wire_leaves_another_wires_running_crawl_alone(tmp_path):
    path = tmp_path / "state.sqlite"
    running = SQLiteStateStore(path)  # a PR Newswire crawl going on
    running.observe(story(1, wire="prnewswire"), [], NOW)
    running.add_pending("prnewswire/20261127T120000Z", "prnewswire:1", 1, "h", "t")
    running.flush()
    starting = SQLiteStateStore(path)  # MENAFN's crawl starts meanwhile
    assert starting.recover(lambda feed: True, wire="menafn") == {"committed": 0, "rolled_back": 0, "abandoned": 0}
    running.begin_publish("prnewswire/20261127T120000Z", str(tmp_path / "prn.jsonl"))
    assert running.commit_publish("prnewswire/20261127T120000Z") == 1
    assert starting.get("prnewswire:1").version == 1
    running.close()
    starting.close()


def test_band_buckets_are_the_stored_layouts_hashes():
    """A store's bucket index is kept across runs (layout 3): each band's bucket stays the
    4-byte BLAKE2b of its number and its five values, read as a signed int."""
    raw = neardup.to_blob(neardup.signature(BODY))
    expected = [struct.unpack("<i", hashlib.blake2b(bytes([band]) + raw[band * 20:(band + 1) * 20],
                                                    digest_size=4).digest())[0] for band in range(neardup.BANDS)]
    assert neardup.LAYOUT == 3
    assert neardup.buckets(neardup.signature(BODY)) == expected
