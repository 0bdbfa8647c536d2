"""The state store: what earlier runs saw and delivered, so scheduled runs emit each
story once.

Per story it remembers the canonical id and URL, the URL variants seen, the content
hash and title fingerprint, a near-duplicate signature, first/last seen, published and
modified dates, the version delivered and in which feed file it went out. A story
counts as delivered only once the feed file carrying it is published (see
:mod:`newswire.feedstorage`): the store's two-step publish (``begin_publish`` before
the file is moved into place, ``commit_publish`` after) plus :meth:`StateStore.recover`
at start make delivery exactly-once across crashes.

:class:`StateStore` is the interface; :class:`~newswire.state.sqlite.SQLiteStateStore`
(embedded, WAL mode) is the default backend. A Redis backend for multi-machine crawls
implements the same methods.
"""

from __future__ import annotations

import os
from abc import ABC, abstractmethod
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass
class StoryState:
    id: str
    wire: str
    canonical_url: str | None
    content_hash: str | None
    title_fp: str | None
    published_at: str | None
    modified_at: str | None
    first_seen: str
    last_fetched: str | None
    version: int
    """Version last delivered (0: never delivered)."""
    delivered_hash: str | None
    delivered_title_fp: str | None
    delivered_run: str | None
    delivered_feed: str | None
    duplicate_of: str | None

    @property
    def settled(self) -> bool:
        """Delivered, or recorded as a copy of another story: nothing left to deliver."""
        return self.version > 0 or self.duplicate_of is not None


class StateStore(ABC):
    """What the spiders and pipelines need from the store."""

    @abstractmethod
    def get(self, story_id: str) -> StoryState | None: ...

    @abstractmethod
    def story_for_url(self, url: str) -> str | None:
        """The story id a canonical URL variant belongs to, if seen before."""

    @abstractmethod
    def mark_fetched(self, story_id: str, now: str) -> None: ...

    @abstractmethod
    def observe(self, fields: dict[str, Any], urls: list[str], now: str) -> None:
        """Record a story seen in this run (creating it if new) and its URL variants."""

    @abstractmethod
    def mark_dead(self, url: str, kind: str, until: str) -> None:
        """Remember that a URL gave no article (``gone``: 404/410/soft-404; ``failed``:
        download errors) until ``until``, so runs before then do not fetch it again."""

    @abstractmethod
    def dead_after(self, moment: str) -> dict[str, str]:
        """Every URL marked dead until after ``moment`` (UTC ISO 8601), with its
        ``until``: the few URLs a run must not fetch (a day's 404s, an hour's failures)."""

    @abstractmethod
    def validators(self, url: str) -> tuple[str | None, str | None]:
        """``(ETag, Last-Modified)`` of a feed as a published run saw it."""

    @abstractmethod
    def note_validators(self, run: str, url: str, etag: str | None, last_modified: str | None) -> None: ...

    @abstractmethod
    def near_duplicates(self, signature, exclude: str) -> list[tuple[str, float]]:
        """Stories whose body is a near-duplicate of ``signature``: ``[(id, similarity)]``."""

    @abstractmethod
    def add_signature(self, story_id: str, signature) -> None: ...

    @abstractmethod
    def record_copy(self, original: str, copy_id: str, wire: str, url: str, how: str, now: str) -> None: ...

    @abstractmethod
    def add_pending(self, run: str, story_id: str, version: int, content_hash: str | None, title_fp: str | None) -> None: ...

    @abstractmethod
    def note_run(self, run: str, started_at: str, finish_reason: str | None, found: int = 0,
                 fill: dict[str, float] | None = None) -> None:
        """Record when a run started, how it ended (``finished``, ``shutdown``, ...), how
        many article URLs its discovery found and its records' field fill rates."""

    @abstractmethod
    def recent_fill_rates(self, wire: str, runs: int = 3) -> list[dict[str, float]]: ...

    @abstractmethod
    def last_complete_run_found(self, wire: str) -> int | None:
        """Article URLs found by the wire's last complete run (None: no such run)."""

    @abstractmethod
    def last_complete_run_start(self, wire: str) -> str | None:
        """Start of the wire's last run that finished and published its feed."""

    @abstractmethod
    def discard_pending(self, run: str, story_id: str) -> None: ...

    @abstractmethod
    def begin_publish(self, run: str, feed: str) -> None: ...

    @abstractmethod
    def commit_publish(self, run: str) -> int:
        """Mark every story pending in ``run`` as delivered in its feed; returns how many."""

    @abstractmethod
    def recover(self, feed_exists, wire: str | None = None) -> dict[str, int]:
        """Finish or roll back publishes interrupted by a crash; drop stale pending rows
        (of ``wire``'s runs only, when given: another wire's crawl may be running)."""

    @abstractmethod
    def flush(self) -> None: ...

    @abstractmethod
    def flush_if_due(self) -> None:
        """Commit batched writes that have waited long enough (called on a timer)."""

    @abstractmethod
    def close(self) -> None: ...


def default_path() -> Path:
    """``$XDG_DATA_HOME/newswire/state.sqlite`` (``~/.local/share/newswire/state.sqlite``):
    outside the repository, so a fresh checkout does not forget what was delivered."""
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return Path(base) / "newswire" / "state.sqlite"


def open_store(settings) -> StateStore | None:
    """The store configured by ``NEWSWIRE_STATE`` (a path, ``sqlite:///path``, or
    empty for the default path; ``off`` disables incremental crawling)."""
    value = (settings.get("NEWSWIRE_STATE") or "").strip()
    if value.lower() in ("off", "none", "false", "0"):
        return None
    from newswire.state.sqlite import SQLiteStateStore

    path = value.removeprefix("sqlite:///") if value else str(default_path())
    return SQLiteStateStore(path, commit_seconds=settings.getfloat("NEWSWIRE_STATE_COMMIT_SECONDS", 3.0))
