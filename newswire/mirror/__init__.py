"""Offline mirror of the news wires: a local HTTP server plus the crawl's ground truth.

Tests and benchmarks never touch the real sites. They start this server and point the
production spiders at it, changing only the network: requests go to
``http://127.0.0.1:PORT/<path>`` with the real ``Host`` header (``Host: menafn.com``),
and every URL the mirror prints or redirects to is a real one
(``https://menafn.com/1109925453/Putin-Expresses-Gratitude-For-Kim-Jong-Un-For-Backing-In-Ukraine-War``).

Everything is generated from a seed: the same ``--seed``, ``--articles`` and ``--now``
give byte-identical pages and truth. The truth lists, one JSON object per line, the
records a perfect crawl outputs (fields of :class:`newswire.items.Article`).

Command line::

    python -m newswire.mirror --port 0 --truth truth.jsonl
    listening http://127.0.0.1:43211

Options:
    --port PORT      TCP port; 0 picks a free one (the bound port is printed). Required.
    --host HOST      interface to bind (default 127.0.0.1).
    --seed N         generator seed (default 1).
    --articles N     number of true articles per wire (default 60; thousands for benchmarks).
    --truth FILE     write the ground truth as JSON Lines before serving.
    --now ISO        the mirror's clock, newest story just before it (default 2026-11-27T12:00:00Z).
    --day N          serve the site as it is N-1 days after --now (default 1; see "Days" below).
    --changes FILE   write what changed since the day before as one JSON object (before serving).
    --wires LIST     comma-separated wires to serve (default: every site in ``sites.py``).
    --faults         add MENAFN's hostile and broken pages (hangs, trickles, 12 MB pages,
                     redirect loops and redirects off the site, brotli/gzip bodies, wrong
                     charsets, 503 bursts, resets, malformed feeds; see ``menafn.py``).
    --request-log FILE  append one line per request received, the absolute URL asked for
                     (``https://<Host><path?query>``), written as it arrives; the file may
                     be truncated between crawls (``server.RequestLog``).

Once listening it prints exactly one line, ``listening http://HOST:PORT``, and serves
until SIGINT or SIGTERM.

Library use::

    from newswire.mirror import build
    mirror = build(seed=1, articles=60)            # day=2: the same site 24 hours later
    mirror.truth          # list of dicts
    mirror.changes()      # new/updated/deleted/moved/variants since the day before
    port = mirror.listen(0)   # in a running Twisted reactor; or serve(mirror, port=0) to block

Days (scheduled-run tests)::

    python -m newswire.mirror --port 0 --seed 1 --now 2026-11-27T12:00:00Z --truth day1.jsonl
    python -m newswire.mirror --port 0 --seed 1 --now 2026-11-27T12:00:00Z --day 2 \
        --truth day2.jsonl --changes day2-changes.json

Day 1 is the site at ``--now``, byte for byte what it was before days existed. Day ``N``
is the same site ``N - 1`` times 24 hours later (its clock, hence page chrome, feed
``lastBuildDate`` and "latest news" sidebars, at ``now + (N - 1) * 24h``); each day on
from day 1 changes, per wire:

* **new**: ``max(8, 20% of --articles)`` stories published during the 24 hours, with the
  next ids and the same page variants and traps, on top of listings and feeds (older
  stories move down the listing pages and out of the feeds);
* **updated**: one older story keeps its id and URL, one paragraph is rewritten and
  ``dateModified`` is set to a time of the new day; its truth has the new body and
  ``modified_at``;
* **deleted**: one older story answers 410 at every URL form and leaves the truth;
* **moved**: one older story's headline is edited, so its slug and URL change and the
  old URL answers 301 to the new one (same id, same body; ``modified_at`` unchanged);
* **variants**: four older stories are linked from listings and feeds in another URL
  form: ``http://www.menafn.com/<id>/<slug>``, the legacy
  ``qn_news_story_s.aspx?storyid=<id>&title=<slug>``, ``?utm_source=...`` parameters,
  and (feeds) a ``#rssom`` fragment. Each serves the same story.

Every other story is served as before (same page apart from the chrome). ``--truth``
writes the full truth of the day served. ``--changes`` (and
``mirror.changes()`` / ``MenafnSite.changes(day)``) gives, by truth id,
``{"day", "now", "new": [...], "updated": [...], "deleted": [...],
"moved": {id: {"from": url, "to": url}}, "variants": {id: [url, ...]}}``;
day 1 lists every article as new.

Wires: MENAFN (``menafn.com``, ``www.menafn.com``; see :mod:`newswire.mirror.menafn`).
Each wire is one module with a :class:`~newswire.mirror.server.WireSite` subclass;
:mod:`newswire.mirror.corpus` writes the text for all of them.
"""

from __future__ import annotations

from datetime import datetime, timezone

from .menafn import MenafnSite
from .server import Mirror, Response, WireSite, serve

DEFAULT_NOW = datetime(2026, 11, 27, 12, tzinfo=timezone.utc)

__all__ = ["DEFAULT_NOW", "Mirror", "Response", "WireSite", "build", "parse_now", "serve"]


def parse_now(text: str) -> datetime:
    """``"2026-11-27T12:00:00Z"`` -> an aware datetime (naive input is taken as UTC)."""
    moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def build(seed: int = 1, articles: int = 60, now: datetime | str | None = None, day: int = 1,
          wires: list[str] | None = None, faults: bool = False) -> Mirror:
    """Build every wire site (or those in ``wires``) for one seed, ``articles`` true
    articles per wire, as it is on ``day`` (1: at ``now``; 2: 24 hours later, see the
    module notes on days). ``faults`` adds MENAFN's hostile and broken pages
    (``--faults``, see :mod:`newswire.mirror.menafn`)."""
    if isinstance(now, str):
        now = parse_now(now)
    from newswire.mirror.sites import WIRE_SITES

    unknown = set(wires or ()) - {cls.wire for cls in WIRE_SITES}
    if unknown:
        raise ValueError(f"no mirror site for {sorted(unknown)}; known: {sorted(cls.wire for cls in WIRE_SITES)}")
    from newswire.mirror import family

    mirror = Mirror([cls(seed=seed, articles=articles, now=now or DEFAULT_NOW, day=day,
                         **({"faults": True} if faults and cls is MenafnSite else {}))
                     for cls in WIRE_SITES if not wires or cls.wire in wires])
    mirror.family = family.link(mirror.sites)
    return mirror
