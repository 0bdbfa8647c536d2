"""SQLite backend of the state store (WAL mode: readers never block the crawl, and a
killed process leaves the database consistent)."""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

import numpy as np

from newswire.extraction.text import fingerprint
from newswire.state import StateStore, StoryState, neardup

logger = logging.getLogger(__name__)

SCHEMA = """
CREATE TABLE IF NOT EXISTS stories (
    id TEXT PRIMARY KEY,
    wire TEXT NOT NULL,
    canonical_url TEXT,
    content_hash TEXT,
    title_fp TEXT,
    published_at TEXT,
    modified_at TEXT,
    first_seen TEXT NOT NULL,
    last_fetched TEXT,
    version INTEGER NOT NULL DEFAULT 0,
    delivered_hash TEXT,
    delivered_title_fp TEXT,
    delivered_run TEXT,
    delivered_feed TEXT,
    duplicate_of TEXT
);
CREATE INDEX IF NOT EXISTS stories_wire_published ON stories (wire, published_at);
CREATE TABLE IF NOT EXISTS urls (url TEXT PRIMARY KEY, story_id TEXT NOT NULL) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS urls_story ON urls (story_id);
-- Each story's body signature (newswire.state.neardup), numbered, and its LSH buckets,
-- 12 a story, found by bucket. A lookup probes the buckets and reads its candidates'
-- signatures, at random places: the buckets are kept as two small integers (a 32-bit
-- bucket, the signature's number) and the signatures in a table of their own, so
-- that both stay small enough for the page cache (60,000 stories: 10 MB of buckets and
-- an 18 MB signature table, where 50,000 took 26 MB of buckets kept with 64-bit ints and
-- story ids, and the signatures were read from the 44 MB stories table). ``sid`` is
-- an INTEGER PRIMARY KEY, which VACUUM keeps (a plain rowid it may renumber).
CREATE TABLE IF NOT EXISTS signatures (
    sid INTEGER PRIMARY KEY, story_id TEXT NOT NULL UNIQUE, signature BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS signature_bands (
    bucket INTEGER NOT NULL, sid INTEGER NOT NULL, PRIMARY KEY (bucket, sid)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS copies (
    story_id TEXT NOT NULL, copy_id TEXT NOT NULL, wire TEXT, url TEXT, how TEXT, seen_at TEXT,
    PRIMARY KEY (story_id, copy_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS runs (
    run TEXT PRIMARY KEY, status TEXT NOT NULL, feed TEXT, updated_at TEXT DEFAULT CURRENT_TIMESTAMP,
    started_at TEXT, finish_reason TEXT, found INTEGER, fill TEXT
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS validators (
    url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, run TEXT, published INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS dead (url TEXT PRIMARY KEY, kind TEXT NOT NULL, until TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS pending (
    run TEXT NOT NULL, story_id TEXT NOT NULL, version INTEGER NOT NULL, content_hash TEXT, title_fp TEXT,
    PRIMARY KEY (run, story_id)
) WITHOUT ROWID;
"""

_COLUMNS = (
    "id, wire, canonical_url, content_hash, title_fp, published_at, modified_at, first_seen, last_fetched, "
    "version, delivered_hash, delivered_title_fp, delivered_run, delivered_feed, duplicate_of"
)


class SQLiteStateStore(StateStore):
    """State in one SQLite file. Writes are batched in a transaction committed every
    ``commit_every`` changes, when the batch is ``commit_seconds`` old, and at every
    publish step; what a crash loses from an open batch is only "seen" bookkeeping,
    never a delivery.

    Crawls of several wires share the file (cross-wire duplicates), and SQLite has one
    writer at a time: an open batch holds the write lock. The age bound keeps the wait
    of another crawl's write short (it waits up to ``busy_timeout`` seconds, then
    fails), also while this crawl makes no change for a while (``flush_if_due``, called
    on a timer by the crawl).
    """

    # 10,000 changes are ~2,000 stories of a crawl. A commit writes every page the batch
    # touched, and a new story's near-duplicate buckets land on random pages of the
    # bucket index, so a batch of 400 stories already dirties most of it in a store of
    # 30,000 stories: a batch of 2,000 writes it once instead of five times (replaying
    # a 10,000-story PR Newswire crawl on such a store: 2.5 -> 2.0 s of CPU, 3.1 -> 2.2 s
    # of wall time). The 3 s bound usually ends a batch first: at the bench's pace
    # 10,000 changes take about 5 s.
    def __init__(self, path: str | Path, commit_every: int = 10000, commit_seconds: float = 3.0,
                 busy_timeout: float = 60.0) -> None:
        self.path = Path(path)
        if str(path) != ":memory:":
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False, timeout=busy_timeout)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        # A story's near-duplicate lookup reads its candidates' rows and buckets at random
        # places in the file (22 MB for 10,000 stories): with SQLite's default 2 MB page
        # cache a lookup on that store takes 135 us, with 8 MB 120 us, with 16 MB 105 us.
        # 8 MB: the cache fills as the store grows, and 10,000 stories in a run should
        # not cost much more memory than 1,000 (0.15 s of lookups a 10,000-story run).
        self.db.execute("PRAGMA cache_size = -8000")
        self.db.executescript(SCHEMA)
        self._migrate()
        self._lock = threading.Lock()
        self._in_batch = False
        self._dirty = 0
        self._batch_started: float | None = None
        self.commit_every = commit_every
        self.commit_seconds = commit_seconds
        self._runs_noted: set[str] = set()

    def _migrate(self) -> None:
        """Columns added after a store was first created (``runs.found``, ...)."""
        for table, column, kind in (("runs", "started_at", "TEXT"), ("runs", "finish_reason", "TEXT"),
                                    ("runs", "found", "INTEGER"), ("runs", "fill", "TEXT")):
            have = {row[1] for row in self.db.execute(f"PRAGMA table_info({table})")}
            if column not in have:
                self.db.execute(f"ALTER TABLE {table} ADD COLUMN {column} {kind}")
        # The layout of the near-duplicate index (neardup.LAYOUT) is the file's user_version.
        # A store laid out another way (signatures in the stories table, buckets cut 16 x 4
        # or kept with story ids) has its index rebuilt from its signatures, once.
        # Checked again under the write lock: two processes may open an old store at once.
        if self.db.execute("PRAGMA user_version").fetchone()[0] != neardup.LAYOUT:
            self.db.execute("BEGIN IMMEDIATE")
            if self.db.execute("PRAGMA user_version").fetchone()[0] != neardup.LAYOUT:
                self._rebuild_index()
            self.db.execute("COMMIT")

    def _rebuild_index(self) -> None:
        if "signature" in {row[1] for row in self.db.execute("PRAGMA table_info(stories)")}:
            # Layouts 1 and 2 kept each signature in its story's row: moved out, and the
            # rows emptied (smaller rows: more stories a page for every other lookup).
            self.db.execute("INSERT OR IGNORE INTO signatures (story_id, signature) "
                            "SELECT id, signature FROM stories WHERE signature IS NOT NULL ORDER BY rowid")
            self.db.execute("UPDATE stories SET signature = NULL WHERE signature IS NOT NULL")
        for table in ("bands", "signature_buckets"):
            self.db.execute(f"DROP TABLE IF EXISTS {table}")
        self.db.execute("DELETE FROM signature_bands")
        signed = self.db.execute("SELECT sid, signature FROM signatures")
        stories = 0
        while rows := signed.fetchmany(1000):
            self.db.executemany(
                "INSERT OR IGNORE INTO signature_bands (bucket, sid) VALUES (?, ?)",
                [(bucket, sid) for sid, blob in rows for bucket in neardup.buckets(neardup.from_blob(blob))],
            )
            stories += len(rows)
        self.db.execute(f"PRAGMA user_version = {int(neardup.LAYOUT)}")
        if stories:
            logger.info("State store %s: near-duplicate index of %d stories rebuilt (layout %d)",
                        self.path, stories, neardup.LAYOUT)

    # -- reads --------------------------------------------------------------------

    def get(self, story_id: str) -> StoryState | None:
        row = self.db.execute(f"SELECT {_COLUMNS} FROM stories WHERE id = ?", (story_id,)).fetchone()
        return StoryState(*row) if row else None

    def story_for_url(self, url: str) -> str | None:
        row = self.db.execute("SELECT story_id FROM urls WHERE url = ?", (url,)).fetchone()
        return row[0] if row else None

    def near_duplicates(self, signature, exclude: str) -> list[tuple[str, float]]:
        if signature is None:
            return []
        buckets = neardup.buckets(signature)
        # Buckets first, signatures only when some matched (most lookups match none): one
        # statement with the buckets as a subquery had SQLite build a temporary index of
        # its result every time. A lookup that finds nothing: 52-97 against 15-25 µs in
        # the store (WAL included) a 10,000-record replay left; 17-23 against 14-17 µs
        # in a checkpointed store of 10,000 stories.
        sids = {sid for (sid,) in self.db.execute(
            f"SELECT sid FROM signature_bands WHERE bucket IN ({','.join('?' * len(buckets))})", buckets)}
        if not sids:
            return []
        rows = self.db.execute(
            f"SELECT story_id, signature FROM signatures WHERE sid IN ({','.join('?' * len(sids))}) AND story_id != ?",
            (*sids, exclude),
        ).fetchall()
        if not rows:
            return []
        scores = neardup.similarities(signature, [row[1] for row in rows])
        found = [(rows[i][0], float(scores[i])) for i in np.flatnonzero(scores >= neardup.THRESHOLD)]
        return sorted(found, key=lambda pair: (-pair[1], pair[0]))

    def last_complete_run_start(self, wire: str) -> str | None:
        row = self.db.execute(
            "SELECT MAX(started_at) FROM runs WHERE run LIKE ? AND status = 'published' AND finish_reason = 'finished'",
            (f"{wire}/%",),
        ).fetchone()
        return row[0] if row else None

    def last_complete_run_found(self, wire: str) -> int | None:
        row = self.db.execute(
            "SELECT found FROM runs WHERE run LIKE ? AND status = 'published' AND finish_reason = 'finished' "
            "ORDER BY started_at DESC LIMIT 1",
            (f"{wire}/%",),
        ).fetchone()
        return row[0] if row else None

    def recent_fill_rates(self, wire: str, runs: int = 3) -> list[dict[str, float]]:
        """Field fill rates of the wire's last complete runs that delivered records."""
        rows = self.db.execute(
            "SELECT fill FROM runs WHERE run LIKE ? AND status = 'published' AND finish_reason = 'finished' "
            "AND fill IS NOT NULL ORDER BY started_at DESC LIMIT ?",
            (f"{wire}/%", runs),
        ).fetchall()
        return [json.loads(row[0]) for row in rows]

    def validators(self, url: str) -> tuple[str | None, str | None]:
        """ETag and Last-Modified a published run saw for ``url``."""
        row = self.db.execute(
            "SELECT etag, last_modified FROM validators WHERE url = ? AND published = 1", (url,)
        ).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def note_validators(self, run: str, url: str, etag: str | None, last_modified: str | None) -> None:
        """Remember a feed's validators; they count once ``run`` is published."""
        self._begin()
        self.db.execute(
            "INSERT INTO validators (url, etag, last_modified, run, published) VALUES (?, ?, ?, ?, 0) "
            "ON CONFLICT(url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, "
            "run = excluded.run, published = 0",
            (url, etag, last_modified, run),
        )
        self._changed()

    def dead_after(self, moment: str) -> dict[str, str]:
        # ``until`` is always written by format_utc ("2026-11-28T09:00:00Z"), so text order is time order.
        return dict(self.db.execute("SELECT url, until FROM dead WHERE until > ?", (moment,)).fetchall())

    def stories(self, wire: str | None = None, limit: int | None = None) -> list[StoryState]:
        sql = f"SELECT {_COLUMNS} FROM stories" + (" WHERE wire = ?" if wire else "") + " ORDER BY published_at DESC"
        if limit:
            sql += f" LIMIT {int(limit)}"
        return [StoryState(*row) for row in self.db.execute(sql, (wire,) if wire else ())]

    def copies(self, story_id: str) -> list[dict[str, Any]]:
        rows = self.db.execute("SELECT copy_id, wire, url, how, seen_at FROM copies WHERE story_id = ?", (story_id,))
        return [dict(zip(("id", "wire", "url", "how", "seen_at"), row)) for row in rows]

    def runs(self, wire: str | None = None) -> list[dict[str, Any]]:
        rows = self.db.execute("SELECT run, status, feed, updated_at FROM runs ORDER BY run")
        out = [dict(zip(("run", "status", "feed", "updated_at"), r)) for r in rows]
        return [r for r in out if wire is None or r["run"].startswith(f"{wire}/")]

    # -- writes -------------------------------------------------------------------

    def _begin(self) -> None:
        """Open a batch before a write, taking the write lock (waiting for another
        crawl's batch, at most ``busy_timeout``). No transaction is held between
        batches, so reads there see what other crawls committed, and a batch never
        has to upgrade a stale read snapshot to a write (which fails at once)."""
        if not self._in_batch:
            self.db.execute("BEGIN IMMEDIATE")
            self._in_batch = True
            self._batch_started = time.monotonic()

    def _changed(self, count: int = 1) -> None:
        self._dirty += count
        if self._dirty >= self.commit_every:
            self.flush()
        else:
            self.flush_if_due()

    def flush_if_due(self) -> None:
        """Commit a batch that is ``commit_seconds`` old: the crawl calls this on a timer,
        so that a batch left open while nothing changes does not hold the write lock."""
        started = self._batch_started
        if started is not None and time.monotonic() - started >= self.commit_seconds:
            self.flush()

    def flush(self) -> None:
        with self._lock:
            if self._in_batch:
                self.db.execute("COMMIT")
                self._in_batch = False
            self._dirty = 0
            self._batch_started = None

    def mark_fetched(self, story_id: str, now: str) -> None:
        self._begin()
        self.db.execute("UPDATE stories SET last_fetched = ? WHERE id = ?", (now, story_id))
        self._changed()

    def observe(self, fields: dict[str, Any], urls: list[str], now: str) -> None:
        self._begin()
        story_id = fields["id"]
        self.db.execute(
            "INSERT INTO stories (id, wire, canonical_url, content_hash, title_fp, published_at, modified_at, "
            "first_seen, last_fetched) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(id) DO UPDATE SET canonical_url = excluded.canonical_url, content_hash = excluded.content_hash, "
            "title_fp = excluded.title_fp, published_at = COALESCE(stories.published_at, excluded.published_at), "
            "modified_at = COALESCE(excluded.modified_at, stories.modified_at), last_fetched = excluded.last_fetched",
            (
                story_id, fields.get("wire"), fields.get("canonical_url"), fields.get("content_hash"),
                fingerprint(fields.get("title") or ""), fields.get("published_at"), fields.get("modified_at"), now, now,
            ),
        )
        self.db.executemany(
            "INSERT OR IGNORE INTO urls (url, story_id) VALUES (?, ?)", [(u, story_id) for u in dict.fromkeys(urls) if u]
        )
        self._changed(1 + len(urls))

    def add_signature(self, story_id: str, signature) -> None:
        if signature is None:
            return
        self._begin()
        blob = neardup.to_blob(signature)
        # Inserted first: a story gets its signature once, so the insert usually stands.
        inserted = self.db.execute("INSERT INTO signatures (story_id, signature) VALUES (?, ?) "
                                   "ON CONFLICT(story_id) DO NOTHING", (story_id, blob))
        if inserted.rowcount == 1:
            sid = inserted.lastrowid
        else:
            row = self.db.execute("SELECT sid, signature FROM signatures WHERE story_id = ?", (story_id,)).fetchone()
            sid = row[0]
            if row[1] == blob:
                return
            self._drop_bands(sid, row[1])
            self.db.execute("UPDATE signatures SET signature = ? WHERE sid = ?", (blob, sid))
        self.db.executemany(
            "INSERT OR IGNORE INTO signature_bands (bucket, sid) VALUES (?, ?)",
            [(bucket, sid) for bucket in neardup.buckets(signature)],
        )
        self._changed()

    def _drop_bands(self, sid: int, blob: bytes) -> None:
        """Remove the buckets of a signature the story no longer has (found from the
        signature itself: the table is keyed by bucket)."""
        self.db.executemany(
            "DELETE FROM signature_bands WHERE bucket = ? AND sid = ?",
            [(bucket, sid) for bucket in neardup.buckets(neardup.from_blob(blob))],
        )

    def mark_dead(self, url: str, kind: str, until: str) -> None:
        self._begin()
        self.db.execute("INSERT OR REPLACE INTO dead (url, kind, until) VALUES (?, ?, ?)", (url, kind, until))
        self._changed()

    def record_copy(self, original: str, copy_id: str, wire: str, url: str, how: str, now: str) -> None:
        self._begin()
        self.db.execute("UPDATE stories SET duplicate_of = ? WHERE id = ?", (original, copy_id))
        self.db.execute(
            "INSERT OR IGNORE INTO copies (story_id, copy_id, wire, url, how, seen_at) VALUES (?, ?, ?, ?, ?, ?)",
            (original, copy_id, wire, url, how, now),
        )
        self._changed(2)

    def add_pending(self, run: str, story_id: str, version: int, content_hash: str | None, title_fp: str | None) -> None:
        self._begin()
        self.db.execute(
            "INSERT OR REPLACE INTO pending (run, story_id, version, content_hash, title_fp) VALUES (?, ?, ?, ?, ?)",
            (run, story_id, version, content_hash, title_fp),
        )
        if run not in self._runs_noted:  # once a run, not once a story
            self.db.execute("INSERT OR IGNORE INTO runs (run, status) VALUES (?, 'running')", (run,))
            self._runs_noted.add(run)
        self._changed()

    def note_run(self, run: str, started_at: str, finish_reason: str | None, found: int = 0,
                 fill: dict[str, float] | None = None) -> None:
        self._begin()
        self.db.execute(
            "INSERT INTO runs (run, status, started_at, finish_reason, found, fill) VALUES (?, 'running', ?, ?, ?, ?) "
            "ON CONFLICT(run) DO UPDATE SET started_at = excluded.started_at, finish_reason = excluded.finish_reason, "
            "found = excluded.found, fill = excluded.fill",
            (run, started_at, finish_reason, found, json.dumps(fill) if fill else None),
        )
        self.flush()

    def discard_pending(self, run: str, story_id: str) -> None:
        self._begin()
        self.db.execute("DELETE FROM pending WHERE run = ? AND story_id = ?", (run, story_id))
        self._changed()

    def begin_publish(self, run: str, feed: str) -> None:
        """Step 1, before the feed file is moved into place: the run is "publishing"."""
        self._begin()
        self.db.execute(
            "INSERT INTO runs (run, status, feed) VALUES (?, 'publishing', ?) "
            "ON CONFLICT(run) DO UPDATE SET status = 'publishing', feed = excluded.feed, updated_at = CURRENT_TIMESTAMP",
            (run, feed),
        )
        self.flush()

    def commit_publish(self, run: str) -> int:
        """Step 2, once the file is in place: its stories are delivered, in one transaction."""
        self._begin()
        feed = self.db.execute("SELECT feed FROM runs WHERE run = ?", (run,)).fetchone()
        cursor = self.db.execute(
            "UPDATE stories SET version = p.version, delivered_hash = p.content_hash, "
            "delivered_title_fp = p.title_fp, delivered_run = ?, delivered_feed = ? "
            "FROM (SELECT story_id, version, content_hash, title_fp FROM pending WHERE run = ?) AS p "
            "WHERE stories.id = p.story_id",
            (run, feed[0] if feed else None, run),
        )
        delivered = cursor.rowcount
        self.db.execute("UPDATE validators SET published = 1 WHERE run = ?", (run,))
        self.db.execute("DELETE FROM pending WHERE run = ?", (run,))
        self.db.execute("UPDATE runs SET status = 'published', updated_at = CURRENT_TIMESTAMP WHERE run = ?", (run,))
        self.flush()
        return delivered

    def recover(self, feed_exists, wire: str | None = None) -> dict[str, int]:
        """At start: a run caught between the two publish steps is committed when its
        file made it into place, else rolled back; pending rows of runs that never
        reached publishing (killed mid-crawl) are dropped, so their stories are
        fetched and delivered again. With ``wire``, only that wire's runs: a run of
        another wire still "running" may be a crawl going on now, not a dead one."""
        self._begin()
        counts = {"committed": 0, "rolled_back": 0, "abandoned": 0}
        # Run keys are "<wire>/<run id>" (menafn/20261127T044737Z).
        scope, args = (" AND run LIKE ?", (f"{wire}/%",)) if wire else ("", ())
        for run, feed in self.db.execute(f"SELECT run, feed FROM runs WHERE status = 'publishing'{scope}", args).fetchall():
            if feed and feed_exists(feed):
                self.commit_publish(run)
                counts["committed"] += 1
            else:
                self.db.execute("DELETE FROM pending WHERE run = ?", (run,))
                self.db.execute("UPDATE runs SET status = 'failed' WHERE run = ?", (run,))
                counts["rolled_back"] += 1
        for (run,) in self.db.execute(f"SELECT run FROM runs WHERE status = 'running'{scope}", args).fetchall():
            self.db.execute("DELETE FROM pending WHERE run = ?", (run,))
            self.db.execute("UPDATE runs SET status = 'abandoned' WHERE run = ?", (run,))
            counts["abandoned"] += 1
        self.flush()
        return counts

    # -- maintenance (state commands) ---------------------------------------------------

    def forget(self, wire: str, since: str | None = None, until: str | None = None) -> int:
        self._begin()
        where, args = "wire = ?", [wire]
        if since:
            where += " AND published_at >= ?"
            args.append(since)
        if until:
            where += " AND published_at < ?"
            args.append(until)
        ids = [row[0] for row in self.db.execute(f"SELECT id FROM stories WHERE {where}", args)]
        for chunk in range(0, len(ids), 500):
            part = ids[chunk : chunk + 500]
            marks = ",".join("?" * len(part))
            signed = self.db.execute(f"SELECT sid, signature FROM signatures WHERE story_id IN ({marks})", part)
            for sid, blob in signed.fetchall():
                self._drop_bands(sid, blob)
            for table, column in (("signatures", "story_id"), ("urls", "story_id"), ("copies", "story_id"),
                                  ("stories", "id")):
                self.db.execute(f"DELETE FROM {table} WHERE {column} IN ({marks})", part)
        self.flush()
        return len(ids)

    def redeliver(self, run: str) -> int:
        """Mark the stories a run delivered as undelivered: the next run emits them again."""
        self._begin()
        cursor = self.db.execute(
            "UPDATE stories SET version = 0, delivered_hash = NULL, delivered_title_fp = NULL, "
            "delivered_run = NULL, delivered_feed = NULL WHERE delivered_run = ?",
            (run,),
        )
        self.flush()
        return cursor.rowcount

    def summary(self, wire: str | None = None) -> dict[str, Any]:
        where = " WHERE wire = ?" if wire else ""
        args = (wire,) if wire else ()
        total, delivered, copies = self.db.execute(
            f"SELECT COUNT(*), SUM(version > 0), SUM(duplicate_of IS NOT NULL) FROM stories{where}", args
        ).fetchone()
        return {"stories": total, "delivered": delivered or 0, "copies": copies or 0,
                "runs": json.loads(json.dumps(self.runs(wire)[-5:]))}

    def close(self) -> None:
        if self._in_batch:
            try:
                self.db.execute("COMMIT")
            except sqlite3.OperationalError:
                pass
        self.db.close()
