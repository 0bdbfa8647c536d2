"""Mirror of MENAFN (menafn.com), the Middle East financial news re-publisher.

What it reproduces, from the research notes on the real site:

* Article URLs ``/<10-digit id>/<Title-Case-Slug>``; ids grow with time at the real
  site's rate (1109925453 on 2025-08-13, 1110375316 on 2025-11-20: ~4,544 a day).
  A wrong slug answers 301 to the canonical URL. The legacy
  ``/qn_news_story_s.aspx?storyid=<id>&title=<slug>`` answers 301 for some ids and
  200 with the same page for others. Arabic stories live at
  ``/arabic/<id>/<percent-encoded Arabic slug>``.
* Article pages that defeat naive scraping: the "403 / Sorry!! / Error!" template in
  the page before the story, the ``(MENAFN- Provider)`` marker opening the body, the
  body printed twice, the ``MENAFN<DDMMYYYY><12 digits>ID<id>`` tracking token twice,
  the legal disclaimer, "Most popular stories", "Market Research" links, "Comments".
* Metadata of uneven quality: JSON-LD as an object, an array, an ``@graph``, missing,
  or broken; og:title not always equal to the headline; the logo as og:image.
* Discovery: RSS 2.0 per section (``/rss/menafn_Business.xml``), paged section
  listings (``/section/business?page=2``), robots.txt.
* Traps: a soft 404, real 404s, a 500 that heals on retry, a truncated response,
  cp1252 mojibake, broken HTML, ``&nbsp;`` / U+2028 / zero-width characters.
* Hostile and broken input (``faults=True``, ``--faults``; off by default, and then
  nothing below exists): see :data:`FAULT_PAGES`, :data:`FAULT_STORIES` and
  :data:`FAULT_LINKS`. The fault pages are linked from page 1 of the business listing
  and from the Sports feed, which becomes malformed XML; the Politics feed is cut off
  mid-item. The fault stories are true articles (in the truth); the fault pages are not.

* Days (``day=2``: the site 24 hours later, see :meth:`MenafnSite._advance`): new
  stories on top, one story updated (a paragraph rewritten, ``dateModified``), one
  deleted (410), one moved (headline edited, old URL 301s), four older stories linked
  as ``http://www.``, legacy ``.aspx``, ``?utm_*`` or ``#rssom`` URLs;
  :meth:`MenafnSite.changes` lists them.

Stories are kept as compact :class:`Story` records; text and pages are generated on
request from each story's seed, so 5,000 stories start in about a second.
"""

from __future__ import annotations

import html
import json
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from functools import lru_cache
from urllib.parse import quote, urljoin

from . import corpus
from .corpus import Draft, seed_for, slugify, title_case
from .server import Response, WireSite, redirect

WIRE = "menafn"
BASE = "https://menafn.com"
LOGO = "https://menafn.com/includes/img/logo.jpg"
UTC = timezone.utc
AMMAN = timezone(timedelta(hours=3))
"""MENAFN is based in Amman (UTC+3 all year since 2022): pages show local time."""

ANCHOR_ID, ANCHOR_TIME = 1109925453, datetime(2025, 8, 13, 6, 12, tzinfo=UTC)
IDS_PER_SECOND = 4544 / 86400
PAGE_SIZE = 10
FEED_SIZE = 20

SECTIONS = {"business": "Business", "technology": "Technology", "politics": "Politics", "arabic": "Arabic"}
EMPTY_FEED = "Sports"
"""A section whose feed exists but is empty (the desk publishes nothing there)."""

DAY = timedelta(days=1)
NEW_PER_DAY = 0.2
"""Stories published per day after day 1, as a share of ``articles`` (at least 8)."""
VARIANTS = ("www", "legacy", "utm", "rssom")
"""The URL forms older stories are linked with on a later day (see :meth:`MenafnSite._link`)."""

_PICKS = {
    "jsonld": {"object": 5, "array": 2, "graph": 2, "missing": 2},
    "og": {"same": 5, "suffix": 3, "titlecase": 2},
    "desc": {"both": 8, "og": 1, "none": 2},
    "soil": {"": 14, "nbsp": 1, "lsep": 1, "zwsp": 1, "mixed": 1},
    "link": {"new": 16, "legacy": 3, "both": 2},
    "legacy": {"301": 1, "200": 1},
    "markup": {"p": 6, "br": 1},
}
"""Page-variant proportions (the first value is the common case)."""

FAULT_PAGES = {
    "hang": "Headers then silence: the download timeout must end it",
    "trickle": "One byte a second: the download timeout must end it",
    "oversized": "Twelve megabytes of page, over DOWNLOAD_MAXSIZE",
    "reset": "The server aborts the TCP connection",
    "redirect-loop": "Redirect loop: a slash added, a slash removed",
    "redirect-chain": "Redirect chain that never ends",
    "redirect-offsite": "Redirect to another host",
    "redirect-loopback": "Redirect to the loopback address",
    "redirect-private": "Redirect to a private address",
    "redirect-metadata": "Redirect to the cloud metadata service",
    "redirect-localhost": "Redirect to localhost",
    "redirect-file": "Redirect to a file URL",
}
"""Fault pages that are not articles (``kind: headline``), each at ``/<id>/<Slug>``."""

FAULT_REDIRECTS = {
    "redirect-offsite": "https://evil.example/collect?from=menafn",
    "redirect-loopback": "http://127.0.0.1:8080/admin",
    "redirect-private": "http://10.0.0.5/internal/status",
    "redirect-metadata": "http://169.254.169.254/latest/meta-data/iam/security-credentials/",
    "redirect-localhost": "http://localhost/server-status",
    "redirect-file": "file:///etc/passwd",
}

FAULT_STORIES = ("br", "gzip", "wrong-charset", "conflicting-charset", "control-jsonld", "burst")
"""True articles served the hard way: brotli and gzip bodies (``Content-Encoding``), a
page declared ISO-8859-1 (header and meta) over UTF-8 bytes, a page whose header says
UTF-8 over windows-1252 bytes its ``<meta>`` names rightly, JSON-LD strings holding raw
control characters, and a page answering 503 three times before its 200."""

FAULT_LINKS = (
    "https://evil.example/1109999999/Phishing-Copy-Of-A-Story",
    "http://127.0.0.1:8080/1109999998/Loopback-Link",
    "http://10.0.0.5/1109999997/Private-Network-Link",
    "http://169.254.169.254/latest/meta-data/",
    "http://localhost/1109999996/Localhost-Link",
    "http://[::1]/1109999995/IPv6-Loopback-Link",
    "http://2130706433/1109999994/Decimal-Loopback-Link",
    "file:///etc/passwd",
    "data:text/html,<script>alert(1)</script>",
    "ftp://menafn.com/pub/export.csv",
)
"""Links straight to other hosts, internal addresses and other schemes (feed entries)."""

FAULT_TOKEN = "nwTOKENs3cr3t0123456789"
"""A secret in feed links' queries (``?access_token=...`` on a true story, ``?sig=...`` on the
page that hangs): it must reach no log line and no record."""

ERROR_EN = ("403", "Sorry!!", "Error!", "We're sorry, but the page you were looking for doesn't exist.")
ERROR_AR = ("403", "عذراً!!", "خطأ!", "نأسف، الصفحة التي تبحث عنها غير موجودة.")
DISCLAIMER_EN = (
    "Legal Disclaimer:",
    "MENAFN provides the information “as is” without warranty of any kind. We do not accept any responsibility or "
    "liability for the accuracy, content, images, videos, licenses, completeness, legality, or reliability of the "
    "information contained in this article. If you have any complaints or copyright issues related to this article, "
    "kindly contact the provider above.",
)
DISCLAIMER_AR = (
    "إخلاء المسؤولية القانونية:",
    "تقدم مينافن المعلومات “كما هي” دون أي ضمان من أي نوع. ولا نتحمل أي مسؤولية عن دقة المحتوى أو الصور أو مقاطع "
    "الفيديو أو التراخيص أو اكتمال المعلومات الواردة في هذا المقال أو قانونيتها أو موثوقيتها. إذا كانت لديك أي شكاوى "
    "أو مشكلات تتعلق بحقوق النشر، يرجى التواصل مع المزود أعلاه.",
)

# The story of the founding naive scrape (shared/examples/naive-scrape-menafn.txt), verbatim.
PUTIN_ID = ANCHOR_ID
PUTIN_TITLE = "Putin expresses gratitude for Kim Jong-un for backing in Ukraine war"
PUTIN_PARAGRAPHS = (
    "Russian President Vladimir Putin has expressed gratitude to North Korean leader Kim Jong-un for backing Moscow "
    "in the Ukraine war, according to the Kremlin. During a phone call on Tuesday, Putin commended Pyongyang for its "
    "role in reclaiming Russia’s Kursk Region, which had been captured by Ukrainian forces last August.",
    "The two leaders reaffirmed their commitment to strengthening cooperation under their strategic partnership "
    "agreement and agreed to maintain direct communication. Putin specifically praised the “courage, heroism, and "
    "selflessness” of North Korean soldiers involved in the operation.",
    "The North Korean mission in Kursk was carried out under a bilateral treaty signed in June 2024, which includes "
    "mutual defense clauses. Russia and North Korea’s historically close ties have intensified since the outbreak of "
    "the Ukraine conflict, with Pyongyang consistently supporting Moscow, particularly regarding NATO expansion.",
    "Pyongyang described Ukrainian forces in Kursk as “neo-Nazi” and justified its involvement as a measure to "
    "counter what it called an “adventurous political and military attempt” by Ukraine and the West. The Kremlin "
    "also noted that Putin briefed Kim ahead of his upcoming summit with US President Donald Trump on August 15, "
    "where the Ukraine conflict is expected to be a central topic.",
)
PUTIN_KEYWORDS = ["Putin", "Kim Jong-un", "North Korea", "Russia", "Ukraine war", "Kursk"]
PUTIN_RESEARCH = [
    "UAE Solar Energy Market Size To Reach 73.5 Twh By 2033: Growth Trends & Market Scope",
    "Ultra Marine Blue Pigment Manufacturing Plant Setup And Cost Analysis Report: Raw Materials And Investment "
    "Opportunities",
    "Radiator Manufacturing Plant Setup Report 2025: Cost Analysis",
    "Philippines Freight And Logistics Market 2025 Industry Trends, Size, Share, Growth, Demand And Outlook By 2033",
    "Nail Salon Business Plan 2025: How To Attract Investors",
    "Cloud Kitchen Business Plan 2025: Operational Setup Checklist",
]


@dataclass(frozen=True, slots=True)
class Provider:
    """An upstream source MENAFN re-publishes, and how its copy opens.

    ``style`` names the dateline format (``"trend"``: ``BAKU, Azerbaijan, July 4.``);
    ``spaced`` is the marker spelling (``(MENAFN - X)`` vs ``(MENAFN- X)``).
    """

    name: str
    code: int
    style: str | None
    spaced: bool
    sections: tuple[str, ...]
    weight: int = 1


PROVIDERS = [
    Provider("MENAFN", 45, None, False, ("business", "technology", "politics", "arabic"), 5),
    Provider("Trend News Agency", 131, "trend", True, ("business", "technology", "politics"), 3),
    Provider("Daily News Egypt", 87, None, False, ("business", "politics"), 2),
    Provider("EIN Presswire", 211, "ein", False, ("business", "technology"), 2),
    Provider("Business Wire", 162, "bw", False, ("business", "technology"), 2),
    Provider("GlobeNewswire", 198, "gnw", False, ("business", "technology"), 2),
    Provider("Jordan Times", 59, "jt", False, ("business", "politics"), 1),
    Provider("IANS", 147, "ians", False, ("business", "technology", "politics"), 2),
    Provider("Emirates News Agency", 93, "wam", False, ("business", "politics"), 1),
    Provider("KUNA", 74, "kuna", True, ("business", "politics"), 1),
    Provider("The Peninsula", 66, None, True, ("business", "politics"), 1),
    Provider("AzerNews", 128, "trend", False, ("business", "politics"), 1),
    Provider("Al Ghad", 301, None, False, ("arabic",), 2),
    Provider("Al Bawaba", 305, None, True, ("arabic",), 1),
]

_PLACES = {
    "trend": ["BAKU, Azerbaijan", "KHANKENDI, Azerbaijan", "TASHKENT, Uzbekistan", "ASTANA, Kazakhstan",
              "TBILISI, Georgia", "BISHKEK, Kyrgyzstan", "ASHGABAT, Turkmenistan"],
    "ein": ["NEW YORK, NY, UNITED STATES", "LONDON, UNITED KINGDOM", "DUBAI, UNITED ARAB EMIRATES",
            "AUSTIN, TX, UNITED STATES", "SINGAPORE, SINGAPORE"],
    "bw": ["NEW YORK", "DUBLIN", "SAN FRANCISCO", "BOSTON", "TOKYO", "DUBAI, United Arab Emirates"],
    "gnw": ["TORONTO", "NEW YORK", "VANCOUVER, British Columbia", "LONDON", "CHICAGO"],
    "jt": ["AMMAN", "AQABA", "IRBID"],
    "ians": ["New Delhi", "Mumbai", "Bengaluru", "Chennai", "Kolkata"],
    "wam": ["ABU DHABI", "DUBAI", "SHARJAH"],
    "kuna": ["KUWAIT", "KUWAIT CITY"],
}
_AP_MONTHS = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
_SHORT_MONTHS = ["Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sep", "Oct", "Nov", "Dec"]


def _dateline(style: str, when: datetime, rng: random.Random) -> tuple[str, str]:
    """The provider's dateline for a story and the separator that follows it.

    ``("KHANKENDI, Azerbaijan, July 4", ". ")``, ``("DUBLIN--(BUSINESS WIRE)", "--")``,
    ``("TORONTO, Nov. 20, 2025 (GLOBE NEWSWIRE)", " -- ")``.
    """
    place = rng.choice(_PLACES[style])
    day, month, year = when.day, corpus.MONTHS[when.month - 1], when.year
    if style == "trend":
        return f"{place}, {month} {day}", ". "
    if style == "ein":
        return f"{place}, {month} {day}, {year} /EINPresswire.com/", " -- "
    if style == "bw":
        return f"{place}--(BUSINESS WIRE)", "--"
    if style == "gnw":
        return f"{place}, {_AP_MONTHS[when.month - 1]} {day}, {year} (GLOBE NEWSWIRE)", " -- "
    if style == "jt":
        return place, " — "
    if style == "ians":
        return f"{place}, {_SHORT_MONTHS[when.month - 1]} {day} (IANS)", " "
    if style == "wam":
        suffix = "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
        return f"{place}, {day}{suffix} {month}, {year} (WAM)", " -- "
    return f"{place}, {_SHORT_MONTHS[when.month - 1]} {day} (KUNA)", " -- "


@dataclass(slots=True, eq=False)
class Story:
    """One published story: everything needed to render its pages, minus the text,
    which :func:`corpus.write` regenerates from ``text_seed``."""

    id: int
    published: datetime
    section: str
    title: str
    """As the CMS stores it; may contain a non-breaking space (which fuses slug words)."""
    text_seed: int
    provider: Provider
    marker: str
    dateline: str | None = None
    dateline_sep: str = ""
    jsonld: str = "object"
    """``object``, ``array``, ``graph``, ``missing``, ``invalid`` or ``nodate`` (no datePublished)."""
    meta_date: str | None = None
    """Offset style of ``article:published_time`` (``"Z"`` or ``"+03:00"``), None when absent."""
    visible_date: bool = True
    modified: datetime | None = None
    author: str | None = None
    og_title: str = "same"
    description: str = "both"
    """Which of meta description / og:description exist: ``both``, ``og`` or ``none``."""
    keywords: bool = True
    repeat: str = "rest"
    """The second copy of the body: paragraphs 2..n (``rest``) or all of them (``all``)."""
    markup: str = "p"
    """``p`` paragraphs, ``br`` text lines, ``broken`` (unclosed tags)."""
    soil: str | None = None
    """Invisible-character damage in the HTML: ``nbsp``, ``lsep``, ``zwsp`` or ``mixed``."""
    mojibake: bool = False
    legacy: int = 301
    link_form: str = "new"
    """How listings and feeds link the story: ``new``, ``legacy`` or ``both``."""
    fail_once: bool = False
    image: bool = False
    code: str = "000000000000"
    fixed: bool = False
    """The verbatim naive-scrape story, whose text is not generated."""
    edits: tuple[tuple[int, str], ...] = ()
    """Paragraphs rewritten by a later update (``(index, new text)``), applied over the draft."""
    fault: str | None = None
    """How a ``--faults`` story is served (one of :data:`FAULT_STORIES`), None for the rest."""

    @property
    def language(self) -> str:
        return "ar" if self.section == "arabic" else "en"

    @property
    def clean_title(self) -> str:
        return " ".join(self.title.split())

    @property
    def slug(self) -> str:
        return slugify(self.title)

    @property
    def url(self) -> str:
        if self.language == "ar":
            return f"{BASE}/arabic/{self.id}/{quote(self.slug, safe='-')}"
        return f"{BASE}/{self.id}/{self.slug}"

    @property
    def legacy_url(self) -> str:
        return f"{BASE}/qn_news_story_s.aspx?storyid={self.id}&title={self.slug}"

    @property
    def source(self) -> str:
        return self.provider.name


@dataclass(slots=True, eq=False)
class Decoy:
    """A listing entry whose URL looks like an article but is not one
    (``kind``: ``soft404``, ``missing`` or ``truncated``)."""

    id: int
    kind: str
    title: str
    section: str
    published: datetime

    @property
    def url(self) -> str:
        return f"{BASE}/{self.id}/{slugify(self.title)}"


_CONTROLS = ("\x01", "\x08", "\x0b", "\x1b", "\x7f", "\r", "\u2028", "\t", "\n", "\x00", "\x1f", "\x0c")


def _control_characters(jsonld: str, strings: list[str]) -> str:
    """JSON-LD as a CMS writes it when it pastes text without escaping: raw control
    characters (``\\x01``, backspace, ESC, DEL, U+2028, a raw tab, CR and newline, a NUL)
    next to the spaces of the headline and description strings. Strict JSON refuses
    them; the visible text is unchanged once they are removed and spaces collapsed."""
    for string in filter(None, strings):
        encoded = json.dumps(string, ensure_ascii=False)[1:-1]
        words = encoded.split(" ")
        soiled = words[0]
        for i, word in enumerate(words[1:]):
            soiled += " " + (_CONTROLS[i % len(_CONTROLS)] if i < 2 * len(_CONTROLS) else "") + word
        jsonld = jsonld.replace(f'"{encoded}"', f'"{soiled}"')
    return jsonld


def _spread(rng: random.Random, count: int, weights: dict[str, int]) -> list[str]:
    """``count`` values in the given proportions, each present at least once (when
    ``count`` allows), shuffled: guarantees every variant exists even in a small mirror.
    The first key is the common case and absorbs the rounding."""
    total = sum(weights.values())
    values = [name for name, weight in list(weights.items())[1:] for _ in range(max(1, count * weight // total))]
    values = values[:count] + [next(iter(weights))] * max(0, count - len(values))
    rng.shuffle(values)
    return values


def _iso_z(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _iso_local(moment: datetime) -> str:
    return moment.astimezone(AMMAN).strftime("%Y-%m-%dT%H:%M:%S+03:00")


def _visible(moment: datetime) -> str:
    """The ASP.NET-style local date MENAFN prints (``8/13/2025 9:12:00 AM``)."""
    local = moment.astimezone(AMMAN)
    hour = local.hour % 12 or 12
    return f"{local.month}/{local.day}/{local.year} {hour}:{local.minute:02d}:{local.second:02d} " + \
        ("AM" if local.hour < 12 else "PM")


def _e(text: str) -> str:
    return html.escape(text).replace("\u00a0", "&nbsp;")


def _mojibake(text: str) -> str:
    """UTF-8 bytes read as Windows-1252 (``“as is”`` -> ``â€œas isâ€\\x9d``), bytes that
    cp1252 leaves undefined kept as C1 controls, as sloppy decoders do."""
    data = text.encode("utf-8")
    return "".join(chr(b) if b in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else bytes([b]).decode("cp1252") for b in data)


def _soil(text: str, kind: str, rng: random.Random) -> str:
    """Add the invisible damage CMS copy-paste leaves (no change to the visible text):
    non-breaking spaces, U+2028 line separators between sentences, zero-width spaces."""
    kinds = ["nbsp", "lsep", "zwsp"] if kind == "mixed" else [kind]
    for k in kinds:
        if k == "nbsp":
            spaces = [m.start() for m in re.finditer(" ", text)]
            for pos in sorted(rng.sample(spaces, min(2, len(spaces))), reverse=True):
                text = text[:pos] + rng.choice(["\u00a0", " \u00a0"]) + text[pos + 1:]
        elif k == "lsep":
            breaks = [m.start() for m in re.finditer(r"[.,] (?=\S)", text)]
            if breaks:
                pos = rng.choice(breaks) + 1
                text = text[:pos] + rng.choice(["\u2028", " \u2028"]) + text[pos + 1:]
        else:
            words = [m.start() for m in re.finditer(r"\w{6,}", text)]
            for pos in sorted(rng.sample(words, min(2, len(words))), reverse=True):
                cut = pos + 3
                text = text[:cut] + "\u200b" + text[cut:]
    return text


class MenafnSite(WireSite):
    """The menafn.com mirror. ``articles`` counts the true articles, the naive-scrape
    story included; ``now`` is the mirror's clock (newest story a few minutes older)."""

    wire = WIRE
    hosts = ("menafn.com", "www.menafn.com")
    server_header = "Microsoft-IIS/10.0"

    def __init__(self, seed: int = 1, articles: int = 60, now: datetime | None = None, day: int = 1,
                 faults: bool = False):
        if articles < 24:
            raise ValueError("the MENAFN mirror needs at least 24 articles to hold every page variant")
        if day < 1:
            raise ValueError("day counts from 1 (the site at --now)")
        self.seed = seed
        self.articles = articles
        self.day = day
        self.start = (now or datetime(2026, 11, 27, 12, tzinfo=UTC)).astimezone(UTC)
        """The day-1 clock; day ``N`` is served at ``start + (N - 1) * 24h`` (:attr:`now`)."""
        self.now = self.start
        self._overrides: dict[int, Draft] = {}
        """Story id -> text taken from another wire (see :meth:`syndicate`)."""
        self.stories = self._plan(articles)
        self.by_id = {story.id: story for story in self.stories}
        self.listings, self.decoys = self._listings()
        self._touched: set[int] = set()
        self.gone: dict[int, Story] = {}
        """Stories deleted on a later day: their URLs answer 410."""
        self.variants: dict[int, str] = {}
        """Day-1 stories linked in another URL form today (``www``, ``legacy``, ``utm``, ``rssom``)."""
        self._history = {1: self._changes_record(1, [s.id for s in self.stories], [], [], {})}
        for later in range(2, day + 1):
            self._advance(later)
        self.faults = faults
        self.fault_pages: dict[int, Decoy] = {}
        """Fault pages that are not articles, by id (``kind``: a key of :data:`FAULT_PAGES`)."""
        self.fault_stories: list[Story] = []
        self._hits: dict[int, int] = {}
        if faults:
            self._add_faults()
        self._failed: set[int] = set()
        self._draft = lru_cache(maxsize=None)(self._make_draft)
        self._chrome = {lang: _Chrome(lang, self.now, self._latest(lang)) for lang in ("en", "ar")}

    # ----------------------------------------------------------------- the plan

    def _plan(self, articles: int) -> list[Story]:
        rng = random.Random(seed_for(self.seed, WIRE, "plan"))
        count = articles - 1
        moments, moment = [], self.now - timedelta(seconds=rng.randrange(240, 2100))
        for _ in range(count):
            moments.append(moment)
            moment -= timedelta(seconds=rng.randrange(1200, 5400))
        n_arabic = max(3, round(count * 0.06))
        rest = count - n_arabic
        n_business, n_tech = round(rest * 0.4), round(rest * 0.27)
        sections = ["arabic"] * n_arabic + ["business"] * n_business + ["technology"] * n_tech
        sections += ["politics"] * (count - len(sections))
        rng.shuffle(sections)

        pick = {name: _spread(rng, count, weights) for name, weights in _PICKS.items()}

        stories, self._headlines = [], {PUTIN_TITLE}
        for i, (moment, section) in enumerate(zip(moments, sections)):
            stories.append(self._make_story(i, moment, section, pick))

        putin = Story(id=PUTIN_ID, published=ANCHOR_TIME, section="politics", title=PUTIN_TITLE, text_seed=0,
                      provider=PROVIDERS[0], marker="(MENAFN)", meta_date="+03:00", description="both",
                      code="000045017169", fixed=True, image=True)
        stories.append(putin)
        stories.sort(key=lambda s: s.published)
        self._assign_ids(stories, rng)
        self._assign_roles(stories)
        return stories

    def _make_story(self, i: int, moment: datetime, section: str, pick: dict[str, list[str]],
                    labels: tuple = ()) -> Story:
        """Story ``i`` of a batch (day 1: ``labels=()``; a later day: ``("day", N)``), id unset."""
        titles = self._headlines
        r = random.Random(seed_for(self.seed, WIRE, "story", *labels, i))
        providers = [p for p in PROVIDERS if section in p.sections]
        provider = r.choices(providers, [p.weight for p in providers])[0]
        spaced = provider.spaced if r.random() < 0.85 else not provider.spaced
        marker = "(MENAFN)" if provider.name == "MENAFN" else \
            f"(MENAFN{' - ' if spaced else '- '}{provider.name})"
        for attempt in range(50):  # headlines are unique, as on the real site
            text_seed = seed_for(self.seed, WIRE, "text", *labels, i, attempt)
            title = corpus.headline(text_seed, section, "ar" if section == "arabic" else "en", moment.year)
            if title not in titles:
                break
        titles.add(title)
        english = section != "arabic"
        if english and (provider.style in ("ians", "ein", "gnw", "bw") or r.random() < 0.2):
            title = title_case(title)
        if english and r.random() < 0.06:
            gaps = [m.start() for m in re.finditer(" ", title)]
            pos = r.choice(gaps[1:] or gaps)
            title = title[:pos] + "\u00a0" + title[pos + 1:]
        story = Story(id=0, published=moment, section=section, title=title, text_seed=text_seed,
                      provider=provider, marker=marker, code=f"{provider.code:06d}{r.randrange(10**6):06d}")
        if provider.style and r.random() < 0.85:
            story.dateline, story.dateline_sep = _dateline(provider.style, moment.astimezone(AMMAN), r)
        story.jsonld = pick["jsonld"][i]
        story.meta_date = r.choice(["Z", "+03:00"]) if story.jsonld == "missing" or r.random() < 0.5 else None
        age = (self.now - moment).total_seconds()
        if r.random() < 0.12 and age > 1200:
            story.modified = moment + timedelta(seconds=r.randrange(600, int(min(age, 172800))))
        if r.random() < 0.08:
            story.author = corpus.person_name(r)
        story.og_title = pick["og"][i]
        story.description = pick["desc"][i]
        story.keywords = r.random() < 0.8
        story.repeat = "all" if r.random() < 0.25 else "rest"
        story.markup = pick["markup"][i]
        story.soil = pick["soil"][i] or None
        story.legacy = int(pick["legacy"][i])
        story.link_form = pick["link"][i] if english else "new"
        story.image = r.random() < 0.6
        return story

    @staticmethod
    def _assign_ids(stories: list[Story], rng: random.Random) -> None:
        """Ids from the real site's id/time rate, with a little jitter, strictly increasing."""
        previous = 0
        for story in stories:
            if story.fixed:
                story.id = PUTIN_ID
            else:
                seconds = (story.published - ANCHOR_TIME).total_seconds()
                story.id = max(ANCHOR_ID + round(seconds * IDS_PER_SECOND) + rng.randrange(-12, 13), previous + 1)
                if story.id == PUTIN_ID:
                    story.id += 1
            previous = story.id

    def _assign_roles(self, stories: list[Story]) -> None:
        """Give the trap roles to specific recent stories, so that they sit on the first
        listing pages and (for the feed-dated ones) inside the section feeds."""
        newest = {s: [x for x in reversed(stories) if x.section == s and not x.fixed] for s in SECTIONS}
        business, tech, politics = newest["business"], newest["technology"], newest["politics"]

        for story, jsonld in ((business[1], "missing"), (tech[3], "nodate")):  # dated only by the RSS pubDate
            story.jsonld, story.meta_date, story.visible_date, story.modified = jsonld, None, False, None

        fail = politics[1]
        fail.fail_once, fail.link_form, fail.legacy = True, "new", 301

        invalid = politics[2]
        invalid.jsonld, invalid.meta_date = "invalid", invalid.meta_date or "+03:00"

        broken = tech[1]
        broken.markup, broken.soil = "broken", None

        # Mojibake needs curly quotes or dashes in the body to damage; the disclaimer always has some.
        candidates = [s for s in business[3:12] if re.search("[’“”—]", " ".join(self._make_draft(s).paragraphs))]
        mojibake = (candidates or [business[3]])[0]
        mojibake.mojibake, mojibake.soil, mojibake.markup = True, None, "p"

        for story in stories:  # pages without their own date must be dated by something
            if story.jsonld in ("missing", "invalid") and story.visible_date and story.meta_date is None:
                story.meta_date = "Z"

    # ------------------------------------------------------------ later days

    def _advance(self, day: int) -> None:
        """Turn the site of day ``day - 1`` into the site 24 hours later.

        New stories (``NEW_PER_DAY`` of ``articles``, at least 8) are published over the
        24 hours, with the next ids and the same page variants, three of them taking
        traps (dated only by the feed, broken markup, a 500 on first request). Among the
        older stories near the top of the English sections (inside the feeds in a small
        mirror) one is updated (a paragraph rewritten, ``modified`` set), one deleted
        (410), one moved (headline edited: new slug, the old URL 301s) and four are
        linked in another URL form (:data:`VARIANTS`). Everything else stays as it was.
        """
        rng = random.Random(seed_for(self.seed, WIRE, "day", day))
        before, self.now = self.now, self.start + (day - 1) * DAY
        span = int((self.now - before).total_seconds())
        count = max(8, round(self.articles * NEW_PER_DAY))
        moments = [before + timedelta(seconds=o) for o in sorted(rng.sample(range(120, span - 240), count))]
        n_arabic = max(1, round(count * 0.06))
        rest = count - n_arabic
        n_business, n_tech = round(rest * 0.4), round(rest * 0.27)
        sections = ["arabic"] * n_arabic + ["business"] * n_business + ["technology"] * n_tech
        sections += ["politics"] * (count - len(sections))
        rng.shuffle(sections)
        pick = {name: _spread(rng, count, weights) for name, weights in _PICKS.items()}
        fresh = [self._make_story(i, moment, section, pick, ("day", day))
                 for i, (moment, section) in enumerate(zip(moments, sections))]
        previous = max([s.id for s in self.stories] + list(self.decoys) + list(self.gone))
        for story in fresh:
            seconds = (story.published - ANCHOR_TIME).total_seconds()
            story.id = max(ANCHOR_ID + round(seconds * IDS_PER_SECOND) + rng.randrange(-12, 13), previous + 1)
            previous = story.id
        newest = {name: [s for s in reversed(fresh) if s.section == name] for name in SECTIONS}
        self._assign_day_roles(newest)
        for name in SECTIONS:
            self.listings[name][:0] = newest[name]
        self.stories += fresh
        self.by_id.update((story.id, story) for story in fresh)

        # The older stories an editor touches today: near the top of the English sections.
        pool: list[Story] = []
        for name in ("business", "technology", "politics"):
            older = [x for x in self.listings[name] if isinstance(x, Story) and x.published < before]
            pool += older[:max(6, FEED_SIZE - len(newest[name]))]
        pool = [s for s in pool if not (s.fixed or s.fail_once or s.mojibake or s.markup == "broken"
                                        or not s.visible_date or s.id in self._touched)]
        rng.shuffle(pool)
        updated = next((s for s in pool if s.jsonld in ("object", "array", "graph")), None)
        pool = [s for s in pool if s is not updated]
        deleted, moved = (pool[:2] + [None, None])[:2]
        variants = [s for s in pool[2:] if s.link_form == "new"][:len(VARIANTS)]

        if updated is not None:
            paragraphs = self._make_draft(updated).paragraphs
            index = rng.randrange(1, len(paragraphs))
            for attempt in range(20):
                text = corpus.revise(updated.text_seed, updated.section, updated.language, updated.published.year,
                                     seed_for(self.seed, WIRE, "edit", day, updated.id, attempt))
                if text not in paragraphs:
                    break
            updated.edits = (*updated.edits, (index, text))
            updated.modified = before + timedelta(seconds=rng.randrange(1800, span - 1800))
        if deleted is not None:
            self.stories.remove(deleted)
            del self.by_id[deleted.id]
            self.listings[deleted.section].remove(deleted)
            self.gone[deleted.id] = deleted
        moves: dict[int, tuple[str, str]] = {}
        if moved is not None:
            old_url, old_slug = moved.url, moved.slug
            moved.title = corpus.edit_headline(moved.title)
            if moved.slug.lower() == old_slug.lower():
                moved.title = f"{moved.title}, Officials Say"
            moves[moved.id] = (old_url, moved.url)
        self._touched.update(s.id for s in (updated, deleted, moved) if s is not None)
        self.variants = {story.id: kind for story, kind in zip(variants, VARIANTS)}
        self._history[day] = self._changes_record(
            day, [s.id for s in fresh], [updated.id] if updated else [], [deleted.id] if deleted else [], moves)

    def _assign_day_roles(self, newest: dict[str, list[Story]]) -> None:
        """Traps among a later day's new stories (``newest``: per section, newest first)."""
        business, tech, politics = newest["business"], newest["technology"], newest["politics"]
        feed_only = business[1] if len(business) > 1 else business[0]
        feed_only.jsonld, feed_only.meta_date, feed_only.visible_date, feed_only.modified = "missing", None, False, None
        broken = tech[0]
        broken.markup, broken.soil = "broken", None
        fail = politics[0]
        fail.fail_once, fail.link_form, fail.legacy = True, "new", 301
        for stories in newest.values():
            for story in stories:
                if story.jsonld == "missing" and story.visible_date and story.meta_date is None:
                    story.meta_date = "Z"

    def _changes_record(self, day: int, new: list[int], updated: list[int], deleted: list[int],
                        moved: dict[int, tuple[str, str]]) -> dict:
        variants: dict[str, list[str]] = {}
        for story_id in self.variants:
            story = self.by_id[story_id]
            links = [urljoin(BASE + "/", self._link(story, place)) for place in ("listing", "feed")]
            variants[f"{WIRE}:{story_id}"] = list(dict.fromkeys(link for link in links if link != story.url))
        return {
            "day": day,
            "now": _iso_z(self.now),
            "new": [f"{WIRE}:{i}" for i in new],
            "updated": [f"{WIRE}:{i}" for i in updated],
            "deleted": [f"{WIRE}:{i}" for i in deleted],
            "moved": {f"{WIRE}:{i}": {"from": old, "to": new_url} for i, (old, new_url) in moved.items()},
            "variants": variants,
        }

    def changes(self, day: int | None = None) -> dict:
        """What changed from day ``day - 1`` to ``day`` (default: the day served), by truth id::

            {"day": 2, "now": "2026-11-28T12:00:00Z",
             "new": ["menafn:1112...", ...],          # published during the day
             "updated": ["menafn:..."],               # same URL, a paragraph rewritten, modified_at set
             "deleted": ["menafn:..."],               # 410 now, gone from the truth
             "moved": {"menafn:...": {"from": OLD_URL, "to": NEW_URL}},   # old URL 301s to the new one
             "variants": {"menafn:...": [URL, ...]}}  # other URL forms listings/feeds link it by today

        Day 1 lists every story as new. Asking a day-1 site for day 2 builds the day-2 site.
        """
        day = self.day if day is None else day
        if day in self._history:
            return json.loads(json.dumps(self._history[day]))
        if day > self.day:
            return MenafnSite(self.seed, self.articles, self.start, day).changes(day)
        raise ValueError(f"no day {day}: days count from 1")

    def _listings(self) -> tuple[dict[str, list[Story | Decoy]], dict[int, Decoy]]:
        """Section listings, newest first, with the decoy entries slotted in."""
        listings: dict[str, list[Story | Decoy]] = {
            s: [x for x in reversed(self.stories) if x.section == s] for s in SECTIONS}
        taken = set(self.by_id)
        decoys: dict[int, Decoy] = {}
        plan = [("business", 4, "soft404", "Dubai Chamber welcomes record number of new members"),
                ("technology", 6, "missing", "Regional telecom operators agree on roaming price cuts"),
                ("politics", 12, "missing", "Foreign ministers to meet in Muscat next week"),
                ("business", 13, "truncated", "Gulf airlines report strong passenger growth in October")]
        for section, position, kind, title in plan:
            entries = listings[section]
            position = min(position, len(entries))
            older = entries[position] if position < len(entries) else entries[-1]
            decoy_id = older.id + 1
            while decoy_id in taken:
                decoy_id += 1
            taken.add(decoy_id)
            decoy = Decoy(decoy_id, kind, title, section, older.published + timedelta(seconds=40))
            entries.insert(position, decoy)
            decoys[decoy_id] = decoy
        return listings, decoys

    def _latest(self, lang: str) -> list[Story]:
        pool = [s for s in reversed(self.stories) if s.language == lang and not s.fault]
        return pool[:6]

    # ----------------------------------------------------------------- faults

    def _add_faults(self) -> None:
        """Plan the ``--faults`` stories and pages: ids from the id/time rate, between
        the day's stories and never one already taken; the stories join the truth."""
        rng = random.Random(seed_for(self.seed, WIRE, "faults"))
        taken = set(self.by_id) | set(self.decoys) | set(self.gone)
        pick = {name: [next(iter(weights))] * 400 for name, weights in _PICKS.items()}

        def next_id(moment: datetime) -> int:
            seconds = (moment - ANCHOR_TIME).total_seconds()
            candidate = ANCHOR_ID + round(seconds * IDS_PER_SECOND)
            while candidate in taken:
                candidate += 1
            taken.add(candidate)
            return candidate

        moment = self.now - timedelta(hours=5)
        for n, kind in enumerate(FAULT_STORIES):
            moment -= timedelta(seconds=rng.randrange(600, 1800))
            for i in range(n * 50, n * 50 + 50):  # the charset pages need text beyond ASCII
                story = self._make_story(i, moment, "business", pick, ("fault", kind))
                if not kind.endswith("charset") or re.search("[’“”—é]", " ".join(self._make_draft(story).paragraphs)):
                    break
            story.fault, story.soil, story.jsonld = kind, None, "object"
            story.meta_date = story.meta_date or "Z"
            story.id = next_id(moment)
            self.stories.append(story)
            self.by_id[story.id] = story
            self.fault_stories.append(story)
        for kind, title in FAULT_PAGES.items():
            moment -= timedelta(seconds=rng.randrange(300, 900))
            page = Decoy(next_id(moment), kind, title, "business", moment)
            self.fault_pages[page.id] = page
        self._history[self.day]["new"] += [f"{WIRE}:{s.id}" for s in self.fault_stories]

    def _fault_links(self, place: str) -> list[tuple[str, str]]:
        """(URL, headline) of every fault story and page, as a listing (``"listing"``)
        or the Sports feed (``"feed"``: with the direct hostile links, and two links
        carrying :data:`FAULT_TOKEN`) links them."""
        links = []
        for story in self.fault_stories:
            url = story.url
            if place == "feed" and story.fault == "gzip":
                url += f"?access_token={FAULT_TOKEN}&utm_source=rss"
            links.append((url, story.title))
        for page in self.fault_pages.values():
            # A signed link to a page that fails: the URL lands in error lines. Signed in
            # the feed and the listing alike, so the URL fetched carries it whichever
            # of the two the crawl reads first.
            secret = page.kind == "hang"
            links.append((page.url + (f"?sig={FAULT_TOKEN}" if secret else ""), page.title))
        if place == "feed":
            links += [(url, "Partner link") for url in FAULT_LINKS]
        return links

    def _fault_response(self, story_id: int, slug: str, query: dict[str, str]) -> Response | None:
        """The answer of a fault story or page, or None when ``story_id`` is neither."""
        page = self.fault_pages.get(story_id)
        if page is None:
            story = self.by_id.get(story_id)
            return self._fault_story(story) if story is not None and story.fault else None
        kind = page.kind
        if kind == "hang":
            return Response(body=b'<!DOCTYPE html>\n<html lang="en">\n<head>\n', hang=True)
        if kind == "trickle":
            return Response(body=self._decoy_page(page).encode("utf-8"), trickle=1.0)
        if kind == "oversized":
            filler = "<p>" + "MENAFN market data table row. " * 30 + "</p>\n"
            return Response(body=filler.encode(), repeat_to=12 * 1024 * 1024)
        if kind == "reset":
            return Response(reset=True)
        if kind == "redirect-loop":
            # /<id>/Slug -> /<id>/Slug/ -> /<id>/Slug: an IIS rule and a CMS rule disagreeing.
            target = page.url.rstrip("/") + ("" if slug.endswith("/") else "/")
            return redirect(target, 302)
        if kind == "redirect-chain":
            raw = query.get("hop", "0")
            return redirect(f"{page.url}?hop={int(raw) + 1 if raw.isdigit() else 1}", 302)
        return redirect(FAULT_REDIRECTS[kind], 302)

    def _fault_story(self, story: Story) -> Response:
        page = self.article_page(story)
        headers = {"Cache-Control": "private", "X-Powered-By": "ASP.NET"}
        if story.fault == "br":
            import brotli

            return Response(body=brotli.compress(page.encode("utf-8")), headers={**headers, "Content-Encoding": "br"})
        if story.fault == "gzip":
            import gzip

            return Response(body=gzip.compress(page.encode("utf-8"), mtime=0),
                            headers={**headers, "Content-Encoding": "gzip"})
        if story.fault == "wrong-charset":
            page = page.replace('<meta charset="utf-8">', '<meta charset="iso-8859-1">', 1)
            return Response(body=page.encode("utf-8"), content_type="text/html; charset=ISO-8859-1", headers=headers)
        if story.fault == "conflicting-charset":
            page = page.replace('<meta charset="utf-8">', '<meta charset="windows-1252">', 1)
            return Response(body=page.encode("cp1252", errors="xmlcharrefreplace"),
                            content_type="text/html; charset=utf-8", headers=headers)
        if story.fault == "burst":
            hits = self._hits[story.id] = self._hits.get(story.id, 0) + 1
            if hits <= 3:
                return Response(503, SERVER_ERROR.encode("utf-8"), headers={"Retry-After": "1"})
        return Response(body=page.encode("utf-8"), headers=headers)

    def _fault_block(self) -> str:
        links = "".join(f'<li><a href="{_e(url.removeprefix(BASE))}">{_e(title)}</a></li>'
                        for url, title in self._fault_links("listing"))
        direct = "".join(f'<li><a href="{_e(url)}">Partner link</a></li>' for url in FAULT_LINKS)
        return f'<div class="partner-news"><h4>Partner news</h4><ul>{links}{direct}</ul></div>'

    def _fault_feeds(self, name: str) -> Response | None:
        """The Sports feed as malformed XML listing the fault links (an unescaped ``&``,
        an unclosed tag, a stray control character), or the Politics feed cut off mid-item."""
        if name == EMPTY_FEED:
            items = []
            for url, title in self._fault_links("feed"):
                items.append(f"<item>\n<title>{title} & more</title>\n<link>{url}</link>\n"
                             f"<pubDate>{format_datetime(self.now.astimezone(AMMAN))}</pubDate>\n"
                             f"<description>Partner <b>news\x0b</description>\n</item>")
            xml = self._rss(name, []).replace("</channel>", "\n".join(items) + "\n</channel>")
            return Response(body=xml.encode("utf-8"), content_type="application/rss+xml; charset=utf-8")
        if name == "Politics":
            stories = [x for x in self.listings["politics"] if isinstance(x, Story)][:FEED_SIZE]
            xml = self._rss(name, stories)
            items = [m.start() for m in re.finditer("<item>", xml)]
            cut = xml.index("<description>", items[-1]) if len(items) > 1 else len(xml) * 2 // 3
            return Response(body=xml[:cut].encode("utf-8"), content_type="application/rss+xml; charset=utf-8")
        return None

    # ------------------------------------------------------------------- text

    def syndicate(self, title: str, paragraphs: list[str], provider: str, dateline: str, separator: str,
                  keywords: list[str]) -> Story:
        """Make one plain story a MENAFN copy of another wire's release: the same headline
        and text under ``(MENAFN- <provider>)``, as MENAFN reposts GlobeNewswire releases.
        ``paragraphs[0]`` excludes the dateline. Returns the story chosen."""
        story = self._plain_stories()[0]
        story.provider = next(p for p in PROVIDERS if p.name == provider)
        story.marker = f"(MENAFN- {provider})"
        story.title, story.dateline, story.dateline_sep = title, dateline, separator
        self._overrides[story.id] = Draft(title, list(paragraphs), list(keywords), [])
        return story

    def same_headline(self, title: str) -> Story:
        """Give one more plain story ``title``: a different story that shares a headline
        with another one (it must stay a story of its own)."""
        story = self._plain_stories()[1]
        story.title = title
        return story

    def _plain_stories(self) -> list[Story]:
        """English stories of the older half of day 1 (day-2 changes pick recent ones)
        without a trap, a day-2 role or an override, oldest first."""
        older = sorted(self.stories, key=lambda s: s.published)[: len(self.stories) // 2]
        return [s for s in older if s.section in ("business", "technology", "politics") and not s.fixed
                and not s.fail_once and not s.mojibake and s.markup != "broken" and s.link_form == "new"
                and s.jsonld in ("object", "array", "graph") and not s.edits and s.id not in self._overrides
                and s.id not in self._touched]

    def _make_draft(self, story: Story) -> Draft:
        if story.id in self._overrides:
            return self._overrides[story.id]
        if story.fixed:
            return Draft(PUTIN_TITLE, list(PUTIN_PARAGRAPHS), list(PUTIN_KEYWORDS), [], None)
        return corpus.write(story.text_seed, story.section, story.language, story.published.year)

    def paragraphs(self, story: Story) -> list[str]:
        """The clean body paragraphs, dateline included (what the truth's ``body`` holds)."""
        paragraphs = list(self._draft(story).paragraphs)
        for index, text in story.edits:
            paragraphs[index] = text
        if story.dateline:
            paragraphs[0] = f"{story.dateline}{story.dateline_sep}{paragraphs[0]}"
        return paragraphs

    def _snippet(self, story: Story, limit: int = 200) -> str:
        first = self.paragraphs(story)[0]
        if len(first) <= limit:
            return first
        return first[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "..."

    def _description(self, story: Story) -> str:
        """The meta description as the CMS writes it: marker first, sloppy spacing."""
        gap = "  " if story.text_seed % 3 == 0 else " "
        return f"{story.marker}{gap}{self._snippet(story)}" + (" " if story.text_seed % 5 == 0 else "")

    def _tags(self, story: Story) -> list[str]:
        tags: list[str] = []
        for keyword in self._draft(story).keywords:
            if keyword not in tags:
                tags.append(keyword)
        return tags

    def _keywords_meta(self, story: Story) -> str:
        """Keywords as typed by editors: uneven spacing and a repeated tag now and then."""
        tags = self._tags(story)
        r = random.Random(story.text_seed ^ 0x5A5A)
        if r.random() < 0.4:
            tags = tags + [tags[0]]
        return "".join((tag if i == 0 else r.choice([", ", ",", " , "]) + tag) for i, tag in enumerate(tags))

    # ------------------------------------------------------------------ truth

    def truth(self) -> Iterator[dict]:
        for story in self.stories:
            yield self.truth_record(story)

    def truth_record(self, story: Story) -> dict:
        return {
            "id": f"{WIRE}:{story.id}",
            "wire": WIRE,
            "url": story.url,
            "canonical_url": story.url,
            "title": story.clean_title,
            "summary": " ".join(self._snippet(story).split()) if story.description != "none" else None,
            "body": "\n\n".join(self.paragraphs(story)),
            "authors": [story.author] if story.author else [],
            "source": story.source,
            "dateline": story.dateline,
            "published_at": _iso_z(story.published),
            "modified_at": _iso_z(story.modified) if story.modified else None,
            "language": story.language,
            "tags": self._tags(story) if story.keywords else [],
        }

    # ---------------------------------------------------------------- routing

    def handle(self, path: str, query: dict[str, str]) -> Response:
        if path in ("/", "/default.aspx"):
            return self._html(self._home())
        if path == "/robots.txt":
            return Response(body=ROBOTS.encode(), content_type="text/plain; charset=utf-8")
        if path.rstrip("/") == "/rss":
            return self._html(self._feed_index())
        match = re.fullmatch(r"/rss/menafn_(\w+)\.xml", path)
        if match:
            return self._feed(match.group(1))
        match = re.fullmatch(r"/section/(\w+)/?", path)
        if match:
            return self._section(match.group(1), query.get("page", "1"))
        if path.lower() == "/qn_news_story_s.aspx":
            return self._legacy(query.get("storyid", ""))
        match = re.fullmatch(r"/arabic/(\d{10})(?:/(.*))?", path)
        if match:
            return self._arabic(int(match.group(1)), match.group(2) or "")
        match = re.fullmatch(r"/(\d{10})(?:/(.*))?", path)
        if match and self.faults:
            fault = self._fault_response(int(match.group(1)), match.group(2) or "", query)
            if fault is not None:
                return fault
        if match:
            return self._story(int(match.group(1)), match.group(2) or "")
        match = re.fullmatch(r"/(company|market-research)/([\w-]+)/?", path)
        if match:
            return self._html(self._other_page(match.group(1), match.group(2)))
        if path in STATIC_PAGES or path in ("/company/", "/market-research/", "/search"):
            return self._html(self._other_page("static", path))
        return self._html(self._error_page("en"), 404)

    def _html(self, page: str | bytes, status: int = 200) -> Response:
        body = page if isinstance(page, bytes) else page.encode("utf-8")
        return Response(status=status, body=body, headers={"Cache-Control": "private",
                                                                            "X-Powered-By": "ASP.NET"})

    def _story(self, story_id: int, slug: str) -> Response:
        decoy = self.decoys.get(story_id)
        if decoy is not None:
            if decoy.kind == "soft404":
                return self._html(self._error_page("en"))
            if decoy.kind == "truncated":
                body = self._decoy_page(decoy).encode("utf-8")
                return Response(body=body, truncate_at=len(body) * 2 // 5)
            return self._html(self._error_page("en"), 404)
        if story_id in self.gone:
            return self._html(self._error_page(self.gone[story_id].language), 410)
        story = self.by_id.get(story_id)
        if story is None:
            return self._html(self._error_page("en"), 404)
        if story.language == "ar" or slug != story.slug:
            return redirect(story.url)
        return self._serve_story(story)

    def _arabic(self, story_id: int, slug: str) -> Response:
        if story_id in self.gone:
            return self._html(self._error_page(self.gone[story_id].language), 410)
        story = self.by_id.get(story_id)
        if story is None or story.language != "ar":
            return self._html(self._error_page("ar"), 404)
        if slug != story.slug:
            return redirect(story.url)
        return self._serve_story(story)

    def _legacy(self, raw_id: str) -> Response:
        if raw_id.strip().isdigit() and int(raw_id) in self.gone:
            return self._html(self._error_page("en"), 410)
        story = self.by_id.get(int(raw_id)) if raw_id.strip().isdigit() else None
        if story is None or story.language != "en":
            return self._html(self._error_page("en"), 404)
        if story.legacy == 301:
            return redirect(story.url)
        return self._serve_story(story)

    def _serve_story(self, story: Story) -> Response:
        if story.fail_once and story.id not in self._failed:
            self._failed.add(story.id)
            return Response(500, SERVER_ERROR.encode("utf-8"))
        return self._html(self.article_bytes(story))

    def _section(self, name: str, raw_page: str) -> Response:
        if name not in SECTIONS or not raw_page.isdigit():
            return self._html(self._error_page("en"), 404)
        entries = self.listings[name]
        pages = max(1, -(-len(entries) // PAGE_SIZE))
        page = int(raw_page)
        if not 1 <= page <= pages:
            return self._html(self._error_page("ar" if name == "arabic" else "en"), 404)
        html_page = self._listing_page(name, page, pages)
        if self.faults and name == "business" and page == 1:
            html_page = html_page.replace('<nav class="pagination">', self._fault_block() + '\n<nav class="pagination">', 1)
        return self._html(html_page)

    def _feed(self, name: str) -> Response:
        sections = {label: key for key, label in SECTIONS.items()}
        if name != EMPTY_FEED and name not in sections:
            return self._html(self._error_page("en"), 404)
        if self.faults:
            fault = self._fault_feeds(name)
            if fault is not None:
                return fault
        stories = [] if name == EMPTY_FEED else \
            [x for x in self.listings[sections[name]] if isinstance(x, Story)][:FEED_SIZE]
        return Response(body=self._rss(name, stories).encode("utf-8"),
                        content_type="application/rss+xml; charset=utf-8")

    # -------------------------------------------------------------- rendering

    def _link(self, story: Story, place: str) -> str:
        """The URL a listing (``place="listing"``) or feed uses for a story.

        Listings link the current form site-relative (``/1109925453/Putin-...``) and the
        legacy form absolute, sometimes with the old ``http://www.`` host; feeds are absolute.
        On a later day a few older stories are linked in another form (:attr:`variants`):
        ``http://www.menafn.com/<id>/<slug>``, the legacy ``.aspx?storyid=`` URL, with
        ``utm_*`` parameters, or (feeds only) with a ``#rssom`` fragment.
        """
        variant = self.variants.get(story.id)
        if variant is not None:
            path = story.url.removeprefix(BASE)
            if variant == "www":
                return "http://www.menafn.com" + path
            if variant == "legacy":
                return story.legacy_url
            if variant == "utm":
                if place == "listing":
                    return f"{path}?utm_source=menafn&utm_medium=web&utm_campaign=latest_news"
                return f"{story.url}?utm_source=rss&utm_medium=feed&utm_campaign={SECTIONS[story.section]}"
            if place == "feed":  # rssom
                return f"{story.url}#rssom"
        if story.language == "ar" or story.link_form == "new" or (story.link_form == "both" and place == "listing"):
            return story.url.removeprefix(BASE) if place == "listing" else story.url
        if story.text_seed % 4 == 0 and place == "listing":
            return story.legacy_url.replace("https://menafn.com", "http://www.menafn.com")
        return story.legacy_url

    def article_page(self, story: Story) -> str:
        """The full HTML of a story page (what both the canonical and a legacy-200 URL serve)."""
        lang = story.language
        draft = self._draft(story)
        title = story.title
        r = random.Random(story.text_seed ^ 0xA11CE)
        head = self._article_head(story, r)

        texts = self.paragraphs(story)
        texts[0] = f"{story.marker} {texts[0]}"
        if story.soil:
            for index in sorted(r.sample(range(len(texts)), min(2, len(texts)))):
                texts[index] = _soil(texts[index], story.soil, r)
        if story.mojibake:
            texts = [_mojibake(t) for t in texts]
        blocks = [_e(t) for t in texts]
        blocks += blocks[1:] if story.repeat == "rest" else blocks
        local = story.published.astimezone(AMMAN)
        token = f"MENAFN{local:%d%m%Y}{story.code}ID{story.id}"
        blocks += [token, token]
        if story.markup == "br":
            body = "\n" + "<br><br>\n".join(blocks) + "\n"
        elif story.markup == "broken":
            body = '\n<font face="Arial" size="2">' + "\n".join(f"<p>{b}" for b in blocks) + "\n"
        else:
            body = "\n" + "\n".join(f"<p>{b}</p>" for b in blocks) + "\n"
        close_body = "" if story.markup == "broken" else "</div>"

        error = ERROR_AR if lang == "ar" else ERROR_EN
        labels = _LABELS[lang]
        disclaimer = DISCLAIMER_AR if lang == "ar" else DISCLAIMER_EN
        disclaimer_text = _mojibake(disclaimer[1]) if story.mojibake else disclaimer[1]
        byline = f'<span class="news-author">By {_e(story.author)}</span>' if story.author else ""
        date = f'<span class="news-date"><i class="fa fa-clock-o"></i> {_visible(story.published)}</span>' \
            if story.visible_date else ""
        image = ""
        if story.image:
            image = (f'<figure class="news-img"><img src="{BASE}/updates/pr/{local:%Y-%m}/{local:%d}/'
                     f'{story.provider.code:x}_{story.code[-8:]}image_story.jpg" alt="{_e(draft.title)}" '
                     f'class="img-fluid" loading="lazy"></figure>')
        research = PUTIN_RESEARCH if story.fixed else corpus.market_research_titles(r, 6)
        research_html = "".join(f'<li><a href="/market-research/{slugify(t)}">{_e(t)}</a></li>' for t in research)
        section_label = labels["sections"][story.section]
        main = f"""
<ol class="breadcrumb"><li class="breadcrumb-item"><a href="/">{labels['home']}</a></li><li class="breadcrumb-item"><a href="/section/{story.section}">{section_label}</a></li></ol>
<div class="error-page d-none" id="ctl00_cphMain_divError">
<div class="error-code">{error[0]}</div>
<h3 class="error-title">{error[1]}</h3>
<div class="error-details"><strong>{error[2]}</strong> {error[3]}</div>
</div>
<article class="news-story" id="ctl00_cphMain_story">
<h1 class="news-title">{_e(title)}</h1>
<div class="news-info">{date} {byline}</div>
<div class="share-bar"><a href="https://www.facebook.com/sharer.php?u={quote(story.url, safe='')}" rel="nofollow">Facebook</a><a href="https://twitter.com/intent/tweet?url={quote(story.url, safe='')}" rel="nofollow">X</a><a href="https://www.linkedin.com/shareArticle?url={quote(story.url, safe='')}" rel="nofollow">LinkedIn</a><a href="https://wa.me/?text={quote(story.url, safe='')}" rel="nofollow">WhatsApp</a><a href="javascript:window.print()">{labels['print']}</a></div>
{image}
<div class="news-body" id="ctl00_cphMain_divBody">{body}{close_body}
<div class="legal-disclaimer"><strong>{disclaimer[0]}</strong><br>
{_e(disclaimer_text)}</div>
</article>
<div class="popular-stories"><h4>{labels['popular']}</h4><ul id="ulPopular"></ul></div>
<div class="market-research"><h4>{labels['research']}</h4><ul>{research_html}</ul></div>
<div class="comments"><h4>{labels['comments']}</h4><span class="no-comment">{labels['no_comment']}</span></div>
"""
        return self._chrome[lang].page(head, main, story.section)

    def _article_head(self, story: Story, r: random.Random) -> str:
        lang = story.language
        title = story.title
        parts = [f"<title>{_e(title)} | MENAFN.COM</title>"]
        description = self._description(story) if story.description != "none" else None
        if story.description == "both":
            parts.append(f'<meta name="description" content="{_e(description)}">')
        if story.keywords:
            parts.append(f'<meta name="keywords" content="{_e(self._keywords_meta(story))}">')
        parts.append(f'<link rel="canonical" href="{_e(story.url)}">')
        og_title = {"same": title, "suffix": f"{title} | MENAFN.COM"}.get(story.og_title, title_case(title))
        if og_title == title and story.og_title == "titlecase":
            og_title = f"{title} | MENAFN.COM"
        parts += [
            '<meta property="og:type" content="article">',
            '<meta property="og:site_name" content="MENAFN.COM">',
            f'<meta property="og:title" content="{_e(og_title)}">',
            f'<meta property="og:url" content="{_e(story.url)}">',
            f'<meta property="og:image" content="{LOGO}">',
            f'<meta property="og:locale" content="{"ar_AR" if lang == "ar" else "en_US"}">',
        ]
        if description:
            parts.append(f'<meta property="og:description" content="{_e(description)}">')
        if story.meta_date:
            moment = _iso_z(story.published) if story.meta_date == "Z" else _iso_local(story.published)
            parts.append(f'<meta property="article:published_time" content="{moment}">')
            if story.modified and story.jsonld not in ("object", "array", "graph"):
                parts.append(f'<meta property="article:modified_time" content="{_iso_z(story.modified)}">')
        parts.append(f'<meta property="article:section" content="{SECTIONS[story.section]}">')
        parts += ['<meta name="twitter:card" content="summary_large_image">',
                  '<meta name="twitter:site" content="@MENAFN">',
                  f'<meta name="twitter:title" content="{_e(title)}">']
        jsonld = self._jsonld(story, description)
        if jsonld:
            parts.append(f'<script type="application/ld+json">{jsonld}</script>')
        return "\n".join(parts)

    def _jsonld(self, story: Story, description: str | None) -> str | None:
        if story.jsonld == "missing":
            return None
        headline = story.clean_title
        if len(headline) > 110:
            headline = headline[:107].rsplit(" ", 1)[0] + "..."
        article: dict = {
            "@context": "https://schema.org", "@type": "NewsArticle",
            "mainEntityOfPage": {"@type": "WebPage", "@id": story.url},
            "url": story.url, "headline": headline,
        }
        if description:
            article["description"] = description
        article["image"] = {"@type": "ImageObject", "url": LOGO, "width": 600, "height": 315}
        if story.jsonld != "nodate":
            article["datePublished"] = _iso_local(story.published)
        if story.modified:
            article["dateModified"] = _iso_local(story.modified)
        article["author"] = {"@type": "Person", "name": story.author} if story.author else \
            {"@type": "Organization", "name": "MENAFN", "url": BASE}
        article["publisher"] = {"@type": "Organization", "name": "MENAFN",
                                "logo": {"@type": "ImageObject", "url": LOGO}}
        article["articleSection"] = SECTIONS[story.section]
        article["inLanguage"] = story.language
        if story.keywords:
            article["keywords"] = ", ".join(self._tags(story))
        breadcrumb = {"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": [
            {"@type": "ListItem", "position": 1, "name": "Home", "item": BASE + "/"},
            {"@type": "ListItem", "position": 2, "name": SECTIONS[story.section],
             "item": f"{BASE}/section/{story.section}"}]}
        if story.jsonld == "array":
            data: object = [article, breadcrumb]
        elif story.jsonld == "graph":
            del article["@context"]
            data = {"@context": "https://schema.org", "@graph": [
                {"@type": "WebSite", "@id": BASE + "/#website", "url": BASE + "/", "name": "MENAFN"},
                {"@type": "WebPage", "@id": story.url, "url": story.url, "name": story.clean_title,
                 "isPartOf": {"@id": BASE + "/#website"}}, article]}
        else:
            data = article
        text = json.dumps(data, ensure_ascii=False, indent=1).replace("</", "<\\/")
        if story.jsonld == "invalid":  # a template bug: trailing comma, closing brace lost
            text = text.rstrip().removesuffix("}").rstrip() + ",\n"
        if story.fault == "control-jsonld":
            text = _control_characters(text, [headline, description or ""])
        return text

    def _decoy_page(self, decoy: Decoy) -> str:
        """A full-size article-like page, only ever sent truncated."""
        fake = Story(id=decoy.id, published=decoy.published, section=decoy.section, title=decoy.title,
                     text_seed=seed_for(self.seed, WIRE, "decoy", decoy.id), provider=PROVIDERS[0],
                     marker="(MENAFN)")
        return self.article_page(fake)

    def _error_page(self, lang: str) -> str:
        error = ERROR_AR if lang == "ar" else ERROR_EN
        main = f"""
<div class="error-page" id="ctl00_cphMain_divError">
<div class="error-code">{error[0]}</div>
<h3 class="error-title">{error[1]}</h3>
<div class="error-details"><strong>{error[2]}</strong> {error[3]}</div>
<a class="btn btn-primary" href="/">{_LABELS[lang]['home']}</a>
</div>
"""
        return self._chrome[lang].page("<title>MENAFN.COM</title>", main, None)

    def _entry_html(self, entry: Story | Decoy, lang: str) -> str:
        if isinstance(entry, Decoy):
            snippet, date, extra, company = "", _visible(entry.published), "", None
            link = entry.url.removeprefix(BASE)
        else:
            draft = self._draft(entry)
            snippet = self._snippet(entry, 160)
            date = _visible(entry.published) if entry.visible_date else ""
            link = self._link(entry, "listing")
            extra = f' <a class="read-more" href="{_e(entry.legacy_url)}">Read more</a>' \
                if entry.link_form == "both" else ""
            company = draft.company
        image = f'<a class="thumb" href="{_e(link)}"><img src="/includes/img/thumb-default.jpg" alt=""></a>'
        company_html = f'<a class="company-link" href="/company/{slugify(company)}">{_e(company)}</a>' \
            if company else ""
        date_html = f'<span class="date">{date}</span>' if date else ""
        return f"""<div class="news-item row">
<div class="col-3">{image}</div>
<div class="col-9"><h3><a href="{_e(link)}">{_e(entry.title)}</a></h3>
<div class="meta">{date_html} {company_html}</div>
<p class="teaser">{_e(snippet)}</p>{extra}</div>
</div>"""

    def _listing_page(self, name: str, page: int, pages: int) -> str:
        lang = "ar" if name == "arabic" else "en"
        labels = _LABELS[lang]
        entries = self.listings[name][(page - 1) * PAGE_SIZE: page * PAGE_SIZE]
        items = "\n".join(self._entry_html(entry, lang) for entry in entries)
        nav = []
        head = [f"<title>{labels['sections'][name]} | MENAFN.COM</title>",
                f'<link rel="canonical" href="{BASE}/section/{name}{f"?page={page}" if page > 1 else ""}">']
        if page > 1:
            nav.append(f'<a rel="prev" class="page-link" href="/section/{name}?page={page - 1}">« {labels["prev"]}</a>')
            head.append(f'<link rel="prev" href="{BASE}/section/{name}?page={page - 1}">')
        nav.append(f'<span class="page-info">{labels["page"]} {page} / {pages}</span>')
        if page < pages:
            nav.append(f'<a rel="next" class="page-link" href="/section/{name}?page={page + 1}">{labels["next"]} »</a>')
            head.append(f'<link rel="next" href="{BASE}/section/{name}?page={page + 1}">')
        main = f"""
<ol class="breadcrumb"><li class="breadcrumb-item"><a href="/">{labels['home']}</a></li><li class="breadcrumb-item active">{labels['sections'][name]}</li></ol>
<h1 class="section-title">{labels['sections'][name]}</h1>
<div class="list-news" id="ctl00_cphMain_listNews">
{items}
</div>
<nav class="pagination">{' '.join(nav)}</nav>
<div class="market-research"><h4>{labels['research']}</h4><ul>{''.join(
            f'<li><a href="/market-research/{slugify(t)}">{_e(t)}</a></li>'
            for t in corpus.market_research_titles(random.Random(seed_for(self.seed, name, page)), 4))}</ul></div>
"""
        return self._chrome[lang].page("\n".join(head), main, name)

    def _home(self) -> str:
        blocks = []
        for name, label in SECTIONS.items():
            lang = "ar" if name == "arabic" else "en"
            stories = [x for x in self.listings[name] if isinstance(x, Story)][:5]
            links = "".join(f'<li><a href="{_e(self._link(s, "listing"))}">{_e(s.title)}</a></li>' for s in stories)
            blocks.append(f'<section class="home-block" lang="{lang}"><h2><a href="/section/{name}">{label}</a></h2>'
                          f'<ul>{links}</ul><a class="more" href="/section/{name}">More {label} news</a></section>')
        head = ('<title>MENAFN.COM - Middle East North Africa Financial Network</title>\n'
                f'<link rel="canonical" href="{BASE}/">\n'
                '<meta name="description" content="MENAFN - Middle East North Africa Financial Network: business, '
                'financial and political news from the region and the world.">')
        return self._chrome["en"].page(head, "\n".join(blocks), None)

    def _feed_index(self) -> str:
        names = [*SECTIONS.values(), EMPTY_FEED]
        links = "".join(f'<li><a href="/rss/menafn_{n}.xml">MENAFN - {n}</a></li>' for n in names)
        main = f'<h1>RSS Feeds</h1><p>Subscribe to MENAFN news by section.</p><ul class="rss-list">{links}</ul>'
        return self._chrome["en"].page("<title>RSS Feeds | MENAFN.COM</title>", main, None)

    def _other_page(self, kind: str, name: str) -> str:
        """Company profiles, market-research teasers and static pages: linked everywhere,
        never articles (no article container, no story id)."""
        label = name.strip("/").replace("-", " ") or "MENAFN"
        if kind == "company":
            main = (f'<div class="company-profile"><h1>{_e(label)}</h1><table class="table"><tr><th>Sector</th>'
                    '<td>Diversified</td></tr><tr><th>Country</th><td>-</td></tr></table>'
                    '<h4>Latest press releases</h4><p>No press releases found.</p></div>')
        elif kind == "market-research":
            main = (f'<div class="mr-teaser"><h1>{_e(label)}</h1><p>Request a free sample of this report to see '
                    'market size, share, growth drivers and forecasts.</p><a class="btn" href="/contact">'
                    'Request sample</a></div>')
        else:
            main = f'<div class="static-page"><h1>{_e(label.title())}</h1><p>MENAFN - Middle East North Africa ' \
                   'Financial Network, Amman, Jordan.</p></div>'
        return self._chrome["en"].page(f"<title>{_e(label)} | MENAFN.COM</title>", main, None)

    def _rss(self, name: str, stories: list[Story]) -> str:
        items = []
        for story in stories:
            link = _e(self._link(story, "feed"))
            description = f"{story.marker} {self._snippet(story, 300)}".replace("]]>", "]]&gt;")
            items.append(f"""<item>
<title>{_e(story.title)}</title>
<link>{link}</link>
<guid isPermaLink="true">{link}</guid>
<pubDate>{format_datetime(story.published.astimezone(AMMAN))}</pubDate>
<author>marketing@menafn.com (MENAFN)</author>
<description><![CDATA[{description}]]></description>
</item>""")
        language = "ar" if name == "Arabic" else "en-us"
        built = format_datetime(self.now.astimezone(AMMAN))
        return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>MENAFN - {name}</title>
<link>{BASE}/section/{name.lower()}</link>
<description>MENAFN {name} news</description>
<language>{language}</language>
<copyright>Copyright {self.now.year} MENAFN. All rights reserved.</copyright>
<lastBuildDate>{built}</lastBuildDate>
<atom:link href="{BASE}/rss/menafn_{name}.xml" rel="self" type="application/rss+xml"/>
<image><url>{LOGO}</url><title>MENAFN</title><link>{BASE}/</link></image>
{chr(10).join(items)}
</channel>
</rss>
"""


ROBOTS = """User-agent: *
Disallow: /search
Disallow: /login.aspx
Disallow: /register.aspx
Disallow: /includes/
Disallow: /mobile/
Allow: /
"""

STATIC_PAGES = ("/about", "/contact", "/privacy-policy", "/terms-of-use", "/advertise")

SERVER_ERROR = """<!DOCTYPE html>
<html>
<head><title>Runtime Error</title>
<style>body {font-family:"Verdana";font-weight:normal;font-size: .7em;color:black;} H1 { font-family:"Verdana";font-weight:normal;font-size:18pt;color:red } H2 { font-family:"Verdana";font-weight:normal;font-size:14pt;color:maroon }</style>
</head>
<body bgcolor="white">
<span><H1>Server Error in '/' Application.<hr width=100% size=1 color=silver></H1>
<h2> <i>Runtime Error</i> </h2></span>
<font face="Arial, Helvetica, Geneva, SunSans-Regular, sans-serif ">
<b> Description: </b>An application error occurred on the server. The current custom error settings for this application prevent the details of the application error from being viewed remotely (for security reasons).
<br><br>
</font>
</body>
</html>
"""

_LABELS = {
    "en": {
        "home": "Home", "print": "Print", "popular": "Most popular stories", "research": "Market Research",
        "comments": "Comments", "no_comment": "No comment", "prev": "Previous", "next": "Next", "page": "Page",
        "latest": "Latest News", "newsletter": "Subscribe to our newsletter", "search": "Search",
        "sections": {"business": "Business", "technology": "Technology", "politics": "Politics", "arabic": "Arabic"},
    },
    "ar": {
        "home": "الرئيسية", "print": "طباعة", "popular": "الأكثر قراءة", "research": "أبحاث السوق",
        "comments": "التعليقات", "no_comment": "لا توجد تعليقات", "prev": "السابق", "next": "التالي",
        "page": "صفحة", "latest": "آخر الأخبار", "newsletter": "اشترك في النشرة الإخبارية", "search": "بحث",
        "sections": {"business": "اقتصاد", "technology": "تكنولوجيا", "politics": "سياسة", "arabic": "عربي"},
    },
}


class _Chrome:
    """The site furniture around every page (header, menus, ticker, sidebar, footer,
    scripts), rendered once per language: only the main column changes per page."""

    def __init__(self, lang: str, now: datetime, latest: list[Story]):
        labels = _LABELS[lang]
        self.lang = lang
        local = now.astimezone(AMMAN)
        today = f"{corpus.WEEKDAYS[local.weekday()]}, {local.day} {corpus.MONTHS[local.month - 1]} {local.year}"
        menu = "".join(f'<li class="nav-item"><a class="nav-link" href="/section/{key}">{label}</a></li>'
                       for key, label in labels["sections"].items())
        self.top = f"""<body class="{'rtl' if lang == 'ar' else 'ltr'}">
<noscript><iframe src="https://www.googletagmanager.com/ns.html?id=GTM-K7XQ3M" height="0" width="0" style="display:none;visibility:hidden"></iframe></noscript>
<div id="cookieConsent" class="cookie-bar">We use cookies to improve your experience. By continuing to browse you agree to our <a href="/privacy-policy">Privacy Policy</a>. <button type="button" class="btn btn-sm">OK</button></div>
<header class="site-header">
<div class="top-bar"><div class="container"><span class="today">{today}</span>
<ul class="top-links"><li><a href="/login.aspx">Login</a></li><li><a href="/register.aspx">Register</a></li><li><a href="/rss">RSS</a></li><li><a href="/advertise">Advertise</a></li></ul>
<ul class="social"><li><a href="https://www.facebook.com/menafn" rel="noopener">Facebook</a></li><li><a href="https://twitter.com/menafn" rel="noopener">X</a></li><li><a href="https://www.linkedin.com/company/menafn" rel="noopener">LinkedIn</a></li></ul></div></div>
<div class="container header-main"><a class="logo" href="/"><img src="/includes/img/logo.png" alt="MENAFN - Middle East North Africa Financial Network" width="220" height="60"></a>
<div class="ad-leaderboard" id="div-gpt-ad-1526300000001-0"></div></div>
<nav class="navbar navbar-expand-lg main-menu"><div class="container"><ul class="navbar-nav">
<li class="nav-item"><a class="nav-link" href="/">{labels['home']}</a></li>{menu}
<li class="nav-item dropdown"><a class="nav-link dropdown-toggle" href="#">Markets</a><ul class="dropdown-menu"><li><a href="/market-research/">Market Research</a></li><li><a href="/company/">Companies</a></li></ul></li>
</ul>
<form class="search-form" action="/search" method="get"><input type="text" name="q" placeholder="{labels['search']}"><button type="submit">{labels['search']}</button></form></div></nav>
<div class="ticker"><div class="container"><span>Brent <b>82.31</b> <em class="up">+0.42%</em></span> <span>Gold <b>2,614.70</b> <em class="down">-0.18%</em></span> <span>EUR/USD <b>1.0841</b></span> <span>USD/JOD <b>0.7090</b></span> <span>TASI <b>11,902.55</b> <em class="up">+0.61%</em></span></div></div>
</header>
<main class="container"><div class="row">
<div class="col-lg-8" id="mainCol">"""
        latest_links = "".join(f'<li><a href="{_e(s.url)}">{_e(s.title)}</a></li>' for s in latest)
        self.bottom = f"""</div>
<aside class="col-lg-4 sidebar">
<div class="ad-box" id="div-gpt-ad-1526300000002-0"></div>
<div class="widget latest"><h4>{labels['latest']}</h4><ul>{latest_links}</ul></div>
<div class="widget newsletter"><h4>{labels['newsletter']}</h4><form action="/newsletter/subscribe" method="post"><input type="email" name="email" placeholder="Email"><button type="submit">Subscribe</button></form></div>
<div class="widget pr"><h4>Press Releases</h4><p>Distribute your press release to MENAFN's network of financial portals. <a href="/advertise">Learn more</a></p></div>
<div class="ad-box" id="div-gpt-ad-1526300000003-0"></div>
</aside>
</div></main>
<footer class="site-footer"><div class="container">
<ul class="footer-links"><li><a href="/about">About Us</a></li><li><a href="/contact">Contact Us</a></li><li><a href="/privacy-policy">Privacy Policy</a></li><li><a href="/terms-of-use">Terms of Use</a></li><li><a href="/rss">RSS</a></li><li><a href="/advertise">Advertise</a></li></ul>
<p class="copyright">© 2000-{now.year} MENAFN. All Rights Reserved.</p></div></footer>
<script src="/includes/js/jquery-3.6.0.min.js"></script>
<script src="/includes/js/bootstrap.bundle.min.js"></script>
<script>
$(function () {{
  $("#cookieConsent button").on("click", function () {{ $("#cookieConsent").hide(); document.cookie = "consent=1; path=/"; }});
  $.getJSON("/mobile/WebAPI/getnews/getsection/MostPopular", function (data) {{
    $.each(data.slice(0, 5), function (i, item) {{ $("#ulPopular").append('<li><a href="' + item.link + '">' + item.title + '</a></li>'); }});
  }});
}});
</script>
</body>
</html>
"""
        self.head_top = f"""<!DOCTYPE html>
<html lang="{lang}"{' dir="rtl"' if lang == 'ar' else ''}>
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="/favicon.ico">
<link rel="stylesheet" href="/includes/css/bootstrap{'.rtl' if lang == 'ar' else ''}.min.css?v=5.3.2">
<link rel="stylesheet" href="/includes/css/site.css?v=20251104">
<link rel="alternate" type="application/rss+xml" title="MENAFN" href="{BASE}/rss/menafn_Business.xml">
<script async src="https://www.googletagmanager.com/gtag/js?id=G-8Q2S1M4LZD"></script>
<script>
  window.dataLayer = window.dataLayer || [];
  function gtag(){{dataLayer.push(arguments);}}
  gtag('js', new Date());
  gtag('config', 'G-8Q2S1M4LZD');
</script>
<script async src="https://securepubads.g.doubleclick.net/tag/js/gpt.js"></script>
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"Organization","name":"MENAFN","url":"{BASE}/","logo":"{LOGO}","sameAs":["https://www.facebook.com/menafn","https://twitter.com/menafn"]}}</script>
"""

    def page(self, head: str, main: str, section: str | None) -> str:
        active = f'<script>var activeSection = "{section}";</script>\n' if section else ""
        return f"{self.head_top}{head}\n{active}</head>\n{self.top}{main}{self.bottom}"
