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

Once listening it prints exactly one line, ``listening http://HOST:PORT``, and serves
until SIGINT or SIGTERM.

Library use::

    from newswire.mirror import build
    mirror = build(seed=1, articles=60)
    mirror.truth          # list of dicts
    port = mirror.listen(0)   # in a running Twisted reactor; or serve(mirror, port=0) to block

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


def build(seed: int = 1, articles: int = 60, now: datetime | str | None = None) -> Mirror:
    """Build every wire site for one seed (``articles`` true articles per wire)."""
    if isinstance(now, str):
        now = parse_now(now)
    return Mirror([MenafnSite(seed=seed, articles=articles, now=now or DEFAULT_NOW)])
