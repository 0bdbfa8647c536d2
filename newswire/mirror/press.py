"""What the press-release wire mirrors share (PR Newswire, GlobeNewswire).

* :class:`PressSite`: a :class:`~newswire.mirror.server.WireSite` whose stories are
  :class:`Release` records (issuer text from :func:`corpus.press_release`), with the
  truth, the day-to-day :meth:`PressSite.changes` and the trap URLs every wire mirror
  carries (an Akamai 403 block page, a 429 with ``Retry-After``, a 429 that heals on retry).
* Page helpers: Eastern Time formatting, Cloudflare e-mail obfuscation, snippets.

The wire modules render pages and discovery files; this module holds no markup of a
particular wire except the two anti-bot answers, which are the CDN's, not the wire's.
"""

from __future__ import annotations

import html
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from zoneinfo import ZoneInfo

from . import corpus
from .corpus import seed_for
from .server import Response, WireSite

UTC = timezone.utc
ET = ZoneInfo("America/New_York")
"""Both wires print Eastern Time ("Jun 13, 2023, 09:05 ET", "April 06, 2016 12:00 ET")."""
AP_MONTHS = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
"""AP-style months of wire datelines ("Dec. 4, 2015", "June 13, 2023")."""
SHORT_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


@dataclass(slots=True, eq=False)
class Release:
    """One release as the wire carries it: id, time, text seed and page variant (its text
    is :class:`corpus.Release`, regenerated from ``seed``)."""

    id: int
    published: datetime
    seed: int
    template: str
    """The page generation it is served in (wire-specific names: ``2023``, ``legacy``...)."""
    year: int
    language: str = "en"
    traps: set[str] = field(default_factory=set)
    """Wire-specific page traps (``gallery``, ``cf_email``, ``odd_spacing``, ``heal_429``...)."""
    org: int = 0
    """GlobeNewswire's organisation segment (0 for most releases)."""

    @property
    def local(self) -> datetime:
        return _eastern(self.published)


@lru_cache(maxsize=None)
def _eastern(moment: datetime) -> datetime:
    """``moment`` in Eastern Time, computed once per instant: a sitemap request groups
    every release by its Eastern month (10,000 zone conversions a request otherwise)."""
    return moment.astimezone(ET)


TextRelease = corpus.Release


def e(text: str) -> str:
    return html.escape(text, quote=True)


def iso_z(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def iso_et(moment: datetime) -> str:
    """``2023-06-13T09:05:00-04:00``: the offset of that day in New York."""
    return moment.astimezone(ET).isoformat(timespec="seconds")


def ap_date(moment: datetime, pad: bool = False) -> str:
    """``Dec. 4, 2015`` (PR Newswire) or, padded, ``Aug. 08, 2024`` (GlobeNewswire)."""
    local = moment.astimezone(ET)
    day = f"{local.day:02d}" if pad else str(local.day)
    return f"{AP_MONTHS[local.month - 1]} {day}, {local.year}"


def snippet(text: str, limit: int) -> str:
    """The first ``limit`` characters cut at a word, with "..." (how both wires write
    their ``description``)."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "..."


def cloudflare_email(address: str, key: int) -> str:
    """Cloudflare's served form of an e-mail address: a link to ``/cdn-cgi/l/email-protection``
    and a span whose ``data-cfemail`` is the XOR key byte then the XORed bytes."""
    encoded = f"{key:02x}" + "".join(f"{b ^ key:02x}" for b in address.encode())
    return (f'<a href="/cdn-cgi/l/email-protection#{encoded}" rel="nofollow" target="_blank">'
            f'<span class="__cf_email__" data-cfemail="{encoded}">[email&#160;protected]</span></a>')


def access_denied(url: str, rng: random.Random) -> Response:
    """Akamai's 403: "Access Denied ... Reference #18.<hex>", entities and all."""
    reference = f"18.{rng.randrange(16**8):08x}.{rng.randrange(10**9, 2 * 10**9)}.{rng.randrange(16**8):08x}"
    escaped = "".join(c if c.isalnum() else f"&#{ord(c)};" for c in url)
    ref = reference.replace(".", "&#46;")
    body = (f'<HTML><HEAD>\n<TITLE>Access Denied</TITLE>\n</HEAD><BODY>\n<H1>Access Denied</H1>\n \n'
            f'You don\'t have permission to access "{escaped}" on this server.<P>\n'
            f'Reference&#32;&#35;{ref}\n<P>https&#58;&#47;&#47;errors&#46;edgesuite&#46;net&#47;{ref}</P>\n'
            f'</BODY>\n</HTML>\n')
    return Response(403, body.encode(), "text/html", {"Server": "AkamaiGHost", "Mime-Version": "1.0",
                                                      "Cache-Control": "max-age=0, no-cache, no-store"})


def is_list_item(paragraph: str) -> bool:
    """A highlights-list item of :func:`corpus.press_release` ("Net income of $700 million"):
    short, no full stop, not a section heading. Wires print these as ``<li>``."""
    return len(paragraph.split()) <= 8 and not paragraph.endswith(".") and \
        not paragraph.startswith(("About ", "À propos", "Forward"))


def too_many_requests(retry_after: int = 120) -> Response:
    body = ("<html><head><title>429 Too Many Requests</title></head><body><h1>Too Many Requests</h1>"
            "<p>You have sent too many requests in a given amount of time. Please retry later.</p></body></html>")
    return Response(429, body.encode(), "text/html; charset=utf-8", {"Retry-After": str(retry_after)})


class PressSite(WireSite):
    """Base of the press-release wire mirrors.

    Subclasses set ``wire`` and ``hosts`` and implement :meth:`_plan` (the releases, oldest
    first), :meth:`url_of`, :meth:`truth_record` and :meth:`handle`. ``day`` is accepted
    for the scheduled-run tests; every day serves the site as it is at ``now``
    (:meth:`changes` lists every release as new on day 1 and nothing after).
    """

    min_articles = 24

    def __init__(self, seed: int = 1, articles: int = 60, now: datetime | None = None, day: int = 1):
        if articles < self.min_articles:
            raise ValueError(f"the {self.wire} mirror needs at least {self.min_articles} articles")
        if day < 1:
            raise ValueError("day counts from 1 (the site at --now)")
        self.seed, self.articles, self.day = seed, articles, day
        self.now = (now or datetime(2026, 11, 27, 12, tzinfo=UTC)).astimezone(UTC)
        self.rng = random.Random(seed_for(seed, self.wire, "plan"))
        self.releases_planned: list[Release] = []
        self.releases: list[Release] = self._plan(articles)
        self.by_id = {r.id: r for r in self.releases}
        self.healed: set[int] = set()
        self._text = lru_cache(maxsize=None)(self._make_text)
        # Listing rows, built on first use by the sites that have listings.
        self._listed_rows: list | None = None
        self._entries_rows: list | None = None
        self._newest: list[Release] | None = None
        self._lang_rows: dict[str, list[Release]] = {}
        self._month_rows: dict[str | None, dict[tuple[int, int], list[Release]]] = {}

    # -- to implement ------------------------------------------------------------------

    def _plan(self, articles: int) -> list[Release]:
        raise NotImplementedError

    def url_of(self, release: Release) -> str:
        raise NotImplementedError

    def dateline(self, release: Release) -> str:
        raise NotImplementedError

    def paragraphs(self, release: Release) -> list[str]:
        raise NotImplementedError

    # -- the truth: shared shape, per-wire hooks ------------------------------------------

    #: The canonical form of ``base`` (``https://www.prnewswire.com`` -> ``https://prnewswire.com``).
    base = ""
    canonical_base = ""

    def summary(self, release: Release) -> str:
        """``og:description``: the lead (with its dateline), cut at 200 characters."""
        return snippet(self.paragraphs(release)[0], 200)

    def modified_at(self, release: Release) -> str | None:
        return None

    def tags(self, release: Release) -> list[str]:
        return list(self.text(release).keywords)

    def original_url(self, release: Release) -> str | None:
        return None

    def truth_record(self, release: Release) -> dict:
        """What a correct crawler delivers for ``release`` (the tests compare every field)."""
        text = self.text(release)
        url = self.url_of(release)
        return {
            "id": f"{self.wire}:{release.id}",
            "wire": self.wire,
            "url": url,
            "canonical_url": url.replace(self.base, self.canonical_base),
            "title": text.title,
            "summary": self.summary(release),
            "body": "\n\n".join(self.paragraphs(release)),
            "authors": [],
            "source": text.company,
            "dateline": self.dateline(release),
            "published_at": iso_z(release.published),
            "modified_at": self.modified_at(release),
            "language": release.language,
            "tags": self.tags(release),
            "tickers": [self.ticker(release)],
            "original_url": self.original_url(release),
        }

    # -- shared --------------------------------------------------------------------------

    def _make_text(self, release: Release) -> TextRelease:
        return corpus.press_release(release.seed, release.year, release.language)

    def text(self, release: Release) -> TextRelease:
        return self._text(release)

    def newest_first(self) -> list[Release]:
        if self._newest is None:
            self._newest = sorted(self.releases, key=lambda r: (r.published, r.id), reverse=True)
        return self._newest

    def by_month(self, language: str | None = None) -> dict[tuple[int, int], list[Release]]:
        """Releases (of ``language``, or all) by Eastern ``(year, month)``, newest first in
        each month; built once, as a wire's CMS indexes them, for the monthly sitemaps."""
        if language not in self._month_rows:
            months: dict[tuple[int, int], list[Release]] = {}
            for release in self.newest_first():
                if language in (None, release.language):
                    months.setdefault((release.local.year, release.local.month), []).append(release)
            self._month_rows[language] = months
        return self._month_rows[language]

    def spread_times(self, count: int, start: datetime, gap: tuple[int, int]) -> list[datetime]:
        """``count`` release times going back from ``start``, ``gap`` seconds apart (min, max),
        on the minute as wires schedule them (08:00, 08:05, 16:10 ET)."""
        times, moment = [], start
        for _ in range(count):
            moment -= timedelta(seconds=self.rng.randrange(*gap))
            times.append(moment.replace(second=0, microsecond=0) - timedelta(minutes=moment.minute % 5))
        return times

    def ticker(self, release: Release) -> str:
        """``NASDAQ:HLXR``: the issuer's listing as the truth and the wire's ticker fields give it."""
        exchange, symbol = self.text(release).ticker
        return f"{exchange.upper()}:{symbol}"

    def make_decoys(self, kinds: dict[str, Release]) -> dict[int, tuple[str, str, datetime]]:
        """Listed URLs that are no release, one per kind (``akamai``: 403 block page,
        ``ratelimited``: 429 on every try, ``captcha``: a 200 challenge page, ``withdrawn``:
        404), each listed just after the release it is keyed to, with the next free id."""
        taken = {r.id for r in self.releases_planned}
        decoys = {}
        for kind, neighbour in kinds.items():
            decoy_id = neighbour.id + 1
            while decoy_id in taken:
                decoy_id += 1
            taken.add(decoy_id)
            title = corpus.press_release(seed_for(self.seed, self.wire, "decoy", kind)).title
            decoys[decoy_id] = (kind, title, neighbour.published + timedelta(minutes=3))
        return decoys

    def decoy_response(self, decoy_id: int, url: str, not_found) -> Response:
        kind = self.decoys[decoy_id][0]
        if kind == "akamai":
            return access_denied(url, random.Random(decoy_id))
        if kind == "ratelimited":
            return too_many_requests(120)
        if kind == "captcha":
            return Response(body=CAPTCHA.encode())
        return not_found()

    def xml(self, text: str, content_type: str = "application/xml; charset=utf-8", **headers: str) -> Response:
        return Response(body=text.encode("utf-8"), content_type=content_type, headers=headers)

    def serve_release(self, release: Release) -> Response:
        """A release page, or the 429 its first request gets when it has the ``heal_429``
        trap (a rate limit that a retry gets past)."""
        if "heal_429" in release.traps and release.id not in self.healed:
            self.healed.add(release.id)
            return too_many_requests(30)
        return Response(body=self.article_bytes(release))

    def truth(self) -> Iterator[dict]:
        for release in self.newest_first():
            yield self.truth_record(release)

    def changes(self, day: int | None = None) -> dict:
        """Day 1 lists every release as new; the site does not change on later days."""
        day = self.day if day is None else day
        if day < 1:
            raise ValueError(f"no day {day}: days count from 1")
        new = [f"{self.wire}:{r.id}" for r in self.newest_first()] if day == 1 else []
        moment = self.now + timedelta(days=day - 1)
        return json.loads(json.dumps({"day": day, "now": iso_z(moment), "new": new, "updated": [],
                                      "deleted": [], "moved": {}, "variants": {}}))


CAPTCHA = """<!DOCTYPE html><html><head><title>Security check</title></head><body>
<div class="captcha-container"><h1>Please verify you are human</h1>
<p>We have detected unusual traffic from your network. Complete the captcha below to continue.</p>
<div class="g-recaptcha" data-sitekey="6Lc0000000000000000000000000000000000000"></div></div></body></html>
"""
