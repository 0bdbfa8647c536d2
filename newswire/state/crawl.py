"""How a crawl uses the state store: one store per crawler, the run's clock and key,
and the fetch policy of incremental runs."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta, timezone
from typing import Any

from newswire.extraction.dates import format_utc, parse_date
from newswire.extraction.urls import canonicalize_url
from newswire.state import StateStore, open_store

logger = logging.getLogger(__name__)

_ATTR = "_newswire_state"


def state_of(crawler) -> StateStore | None:
    """The crawler's state store, opened (and recovered after a crash) on first use."""
    if not hasattr(crawler, _ATTR):
        store = open_store(crawler.settings)
        if store is not None:
            from pathlib import Path

            spider = getattr(crawler, "spider", None)
            counts = store.recover(lambda feed: Path(feed).exists(), wire=getattr(spider, "name", None))
            for what, count in counts.items():
                if count:
                    crawler.stats.inc_value(f"newswire/state/recovered/{what}", count)
                    logger.warning("State store: %d interrupted run(s) %s after an unclean stop", count, what)
            _start_flush_timer(crawler, store)
        setattr(crawler, _ATTR, store)
    return getattr(crawler, _ATTR)


def _start_flush_timer(crawler, store: StateStore) -> None:
    """Every second, commit the store's batch if it is old enough (``flush_if_due``):
    a crawl waiting on slow pages makes no change that would commit it, and its open
    batch would keep another wire's crawl from writing. Only under a running crawl's
    reactor: importing ``twisted.internet.reactor`` here would install one."""
    import sys

    if "twisted.internet.reactor" not in sys.modules:
        return
    from twisted.internet import task

    timer = task.LoopingCall(store.flush_if_due)
    timer.start(1.0, now=False)
    crawler._newswire_state_timer = timer


def close_state(crawler) -> None:
    timer = getattr(crawler, "_newswire_state_timer", None)
    if timer is not None and timer.running:
        timer.stop()
    store = getattr(crawler, _ATTR, None)
    if store is not None:
        store.flush()
        store.close()
        setattr(crawler, _ATTR, None)


def now_of(settings) -> datetime:
    """The run's clock: ``NEWSWIRE_NOW`` (ISO 8601, for tests and replays) or the real time."""
    fixed = settings.get("NEWSWIRE_NOW")
    if fixed:
        parsed = parse_date(fixed)
        if parsed is None:
            raise ValueError(f"NEWSWIRE_NOW={fixed!r} is not an ISO 8601 time with a zone")
        return parsed.astimezone(timezone.utc)
    return datetime.now(timezone.utc)


def run_key(spider) -> str:
    """``menafn/20261127T044737Z``: unique per wire and run."""
    return f"{spider.name}/{spider.run_id}"


class FetchPolicy:
    """Whether an article URL found by discovery should be fetched in this run.

    * a story never delivered (new, or emitted by a run that died before publishing) — fetch;
    * a story recorded as a copy of another — skip;
    * a delivered story published within ``NEWSWIRE_REVISIT_WINDOW_HOURS`` (default 48)
      and not fetched for ``NEWSWIRE_REVISIT_INTERVAL_HOURS`` (default 6) — fetch again,
      since corrections and updates come in the first days;
    * any other delivered story — skip;
    * a URL that gave no article (404/410/soft-404) in the last
      ``NEWSWIRE_RETRY_GONE_AFTER_HOURS`` (24), or failed to download after retries in
      the last ``NEWSWIRE_RETRY_FAILED_AFTER_HOURS`` (1) — skip.
    """

    def __init__(self, store: StateStore, settings) -> None:
        self.store = store
        self.now = now_of(settings)
        self.window = timedelta(hours=settings.getfloat("NEWSWIRE_REVISIT_WINDOW_HOURS", 48))
        self.retry_after = {
            "gone": timedelta(hours=settings.getfloat("NEWSWIRE_RETRY_GONE_AFTER_HOURS", 24)),
            "failed": timedelta(hours=settings.getfloat("NEWSWIRE_RETRY_FAILED_AFTER_HOURS", 1)),
        }
        self.interval = timedelta(hours=settings.getfloat("NEWSWIRE_REVISIT_INTERVAL_HOURS", 6))
        self._cutoffs: dict[str, datetime | None] = {}
        self._dead: dict[str, datetime] | None = None

    def listing_cutoff(self, wire: str):
        """Stories published before this are behind the last complete run: listing and
        sitemap walks stop when a page holds only such stories, all delivered. None
        (walk everything) until a run of the wire has finished completely."""
        # Read once a run: no run of the wire completes while this one is going (a
        # scheduler lock keeps them apart), and a walk asks on every page (MENAFN: 1,000).
        if wire not in self._cutoffs:
            start = parse_date(self.store.last_complete_run_start(wire))
            self._cutoffs[wire] = start - self.window if start else None
        return self._cutoffs[wire]

    def is_behind(self, story_id: str | None, cutoff) -> bool:
        """A delivered story published before ``cutoff``."""
        if cutoff is None or not story_id:
            return False
        state = self.store.get(story_id)
        published = parse_date(state.published_at) if state and state.settled else None
        return published is not None and published < cutoff

    def story_id(self, wire: str, native_id: str | None, url: str) -> str | None:
        if native_id:
            return f"{wire}:{native_id}"
        return self.store.story_for_url(canonicalize_url(url))

    def decide(self, story_id: str | None, url: str | None = None) -> str:
        """``new``, ``pending`` (known, never delivered), ``revisit``, ``skip`` or
        ``skip_dead`` (the URL gave no article recently: 404, soft-404, failed download)."""
        state = self.store.get(story_id) if story_id else None
        dead = self._dead_urls()
        if state is None and url and dead:
            until = dead.get(canonicalize_url(url))
            if until is not None and self.now < until:
                return "skip_dead"
        if state is None:
            return "new"
        if not state.settled:
            return "pending"
        if state.duplicate_of:
            return "skip"
        reference = parse_date(state.published_at) or parse_date(state.first_seen)
        fetched = parse_date(state.last_fetched)
        recent = reference is not None and self.now - reference <= self.window
        stale = fetched is None or self.now - fetched >= self.interval
        return "revisit" if recent and stale else "skip"

    def now_iso(self) -> str:
        return format_utc(self.now)

    def _dead_urls(self) -> dict[str, datetime]:
        """The URLs not to fetch in this run, read once: usually none, and a first run
        of 10,000 stories would otherwise query (and canonicalise) each one for it."""
        if self._dead is None:
            self._dead = {url: parse_date(until) for url, until in self.store.dead_after(format_utc(self.now)).items()}
        return self._dead

    def mark_dead(self, url: str, kind: str) -> None:
        canonical, until = canonicalize_url(url), self.now + self.retry_after[kind]
        self.store.mark_dead(canonical, kind, format_utc(until))
        self._dead_urls()[canonical] = until


def record_urls(hints: dict[str, Any], *urls: str, canonical: str | None = None) -> list[str]:
    """Canonical forms of every URL a story was reached by in this run; ``canonical``
    (the record's ``canonical_url``, made by ``canonicalize_url`` in extraction) as it is."""
    # Usually one URL twice (feed link, page URL): canonicalised once.
    distinct = dict.fromkeys(u for u in [*hints.get("_urls", []), *urls] if u and u != canonical)
    return list(dict.fromkeys([*([canonical] if canonical else []), *(canonicalize_url(u) for u in distinct)]))
