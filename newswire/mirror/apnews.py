"""Mirror of AP News (apnews.com).

What it reproduces, from the research notes (newswires.md §7) and the real pages in
``datasets/wire-pages/apnews/``:

* URLs ``/article/<slug>-<32 hex>``; fact checks ``/article/fact-check-<slug>-<12
  digits>``; automated game previews ``/sports/<slug>-<32 hex>``. The same host
  serves hub pages ``/hub/<topic>``, video pages ``/video/<slug>-<32 hex>`` and
  section pages (``/business``): never articles. ``www.apnews.com`` serves the same
  pages; their canonical link names ``apnews.com``.
* No RSS. Discovery is the sitemap index ``/sitemap.xml`` (monthly article sitemaps,
  the older month as ``.xml.gz``, plus hub and video sitemaps; hub and video URLs also
  turn up among the articles, which is why fundus filters them) and the Google News
  sitemap ``/news-sitemap-content.xml`` (the last 48 hours, served with a UTF-8 BOM).
  ``robots.txt`` names both.
* Two page generations, modelled on the real captures:
  ``2024`` (July 2023 on): ``h1.Page-headline``, ``div.Page-authors`` ("By STEVE
  PEOPLES, THOMAS BEAUMONT and ..."), ``bsp-timestamp[data-timestamp]`` with an empty
  ``span[data-date]``, body ``div.RichTextStoryBody.RichTextBody`` with ``SovrnAd``
  "Advertisement" blocks, "RELATED COVERAGE" link lists, chart scripts and info
  boxes between the paragraphs, sub-heading ``<h2>``s; JSON-LD an **array** with a
  ``"JW Videos"`` block; ``article:published_time`` without zone and
  ``article:modified_time`` with milliseconds; ``article:tag`` noise ("NE State
  Wire"), one-letter keywords and the slug as a keyword; on some stories a JSON-LD
  ``headline`` that lags behind the ``<h1>`` (the 2024-09-03 "brace for a sprint" /
  "brace for an intense sprint" case). ``2023`` (April 2023): ``div.Article[data-key=
  article]`` with generated class names, React's ``<!-- -->`` after inline links, JSON-LD
  an object with ``Z`` dates, ``og:site_name`` "AP NEWS".
* The story ends with ``<h2>___</h2>`` and a contributor line, a support note or a
  "Follow AP's coverage" line (twice on some stories); fact checks carry
  ``<br>___<br>This is part of the AP's effort ...`` inside their last paragraph;
  game previews end with the Data Skrive / Sportradar credit.
* Refusals: an Akamai "Access Denied ... Reference #18.<hex>" 403 on one article URL,
  a 429 with ``Retry-After`` on another, a deleted story (404) still listed in the
  monthly sitemap.

Truth conventions (as MENAFN's ``truth_record``): ``id`` ``apnews:<32 hex>`` (or the
fact check's 12 digits), ``title`` the ``<h1>``, ``body`` the story paragraphs and
sub-headings with the ``CITY (AP) —`` dateline kept and nothing from the ``___`` on,
``dateline`` ``"DUBAI, United Arab Emirates (AP)"``, ``source`` ``"AP"`` (the credit
every AP dateline prints), ``authors`` the byline's people in title case (none for
"By THE ASSOCIATED PRESS"), ``modified_at`` the JSON-LD ``dateModified``, ``tags`` the
keywords without routing noise. Every day serves the day-1 site.
"""

from __future__ import annotations

import gzip
import html
import json
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from functools import lru_cache

from . import corpus
from .corpus import seed_for
from .server import Response, WireSite, redirect

WIRE = "apnews"
BASE = "https://apnews.com"
UTC = timezone.utc
NEWS_WINDOW = timedelta(hours=48)
"""Google News sitemaps list the last two days only."""

SECTIONS = {"politics": "Politics", "business": "Business", "technology": "Technology",
            "world-news": "World News", "sports": "Sports"}
CORPUS_SECTION = {"politics": "politics", "world-news": "politics", "business": "business",
                  "technology": "technology"}
PLACES = ["DUBAI, United Arab Emirates", "ISTANBUL", "NEW YORK", "WASHINGTON", "BAKU, Azerbaijan", "CAIRO",
          "NEW DELHI", "JAKARTA, Indonesia", "NAIROBI, Kenya", "LA CROSSE, Wis.", "STRASBOURG, France",
          "MEXICO CITY", "LONDON", "TOKYO", "SAN FRANCISCO", "ISLAMABAD", "RIYADH, Saudi Arabia"]
STATE_WIRES = ["NE", "MN", "ME", "GA", "MI", "AZ", "NC", "SC", "PA", "VA", "NJ", "WI", "NV"]
SUBHEADS = ["What comes next", "How markets reacted", "A long road to the deal", "What officials said",
            "The view from the region", "Why it matters"]
HUBS = {"economy": "Economy", "artificial-intelligence": "Artificial intelligence", "middle-east": "Middle East",
        "college-basketball": "College basketball", "fact-checking": "Fact-checking"}
FACT_CHECK_TAIL = ("This is part of the AP’s effort to address widely shared false and misleading information that "
                   "is circulating online. Learn more about fact-checking at AP.")
SPORTS_TAIL = ("The Associated Press created this story using technology provided by Data Skrive and data from "
               "Sportradar.")
SUPPORT_TAIL = ("Associated Press climate and environmental coverage receives support from several private "
                "foundations. See more about AP’s climate initiative here. The AP is solely responsible for all "
                "content.")
ROBOTS = f"""User-agent: *
Disallow: /search
Disallow: /preview/
Disallow: /account/

Sitemap: {BASE}/sitemap.xml
Sitemap: {BASE}/news-sitemap-content.xml
"""

_TEAMS = [("Alabama", "Crimson Tide", "SEC"), ("Ole Miss", "Rebels", "SEC"), ("Illinois", "Fighting Illini", "Big Ten"),
          ("Purdue", "Boilermakers", "Big Ten"), ("Gonzaga", "Bulldogs", "WCC"), ("Duke", "Blue Devils", "ACC"),
          ("Baylor", "Bears", "Big 12"), ("Creighton", "Bluejays", "Big East"), ("Houston", "Cougars", "Big 12"),
          ("Marquette", "Golden Eagles", "Big East"), ("Auburn", "Tigers", "SEC"), ("Arizona", "Wildcats", "Big 12")]
_ARENAS = ["Oxford, Mississippi", "Champaign, Illinois", "Spokane, Washington", "Durham, North Carolina",
           "Waco, Texas", "Omaha, Nebraska", "Houston", "Milwaukee", "Auburn, Alabama", "Tucson, Arizona"]
_STOP = {"a", "an", "the", "of", "in", "on", "to", "for", "at", "as", "and", "with", "by", "after", "from", "its"}


@dataclass(frozen=True, slots=True)
class Text:
    """A story's text as AP prints it: ``paragraphs`` (subheads included), and what
    follows the ``___`` rule (``tails``, one list per rule)."""

    title: str
    paragraphs: list[str]
    tails: list[str]
    keywords: list[str]
    people: list[str]


@dataclass(slots=True, eq=False)
class Story:
    """One published AP story; its text is regenerated from ``text_seed``."""

    native_id: str
    """32 hex characters, or 12 digits for a fact check."""
    published: datetime
    modified: datetime
    section: str
    kind: str
    """``article``, ``factcheck`` or ``sports``."""
    text_seed: int
    generation: str
    """``2024`` or ``2023``: the page template it is served in."""
    place: str | None
    authors: tuple[str, ...]
    """As the byline prints them (``"RAF CASERT"``); empty for "By THE ASSOCIATED PRESS"."""
    lagging_headline: bool = False
    """JSON-LD ``headline`` and ``<title>`` still carry the headline before its last edit."""
    stamp: str = "Published"
    """Template of ``bsp-timestamp``: its ``data-timestamp`` is the publication time for
    "Published", the modification time for "Updated"."""
    slug: str = ""
    title: str = ""

    @property
    def url(self) -> str:
        return f"{BASE}/{'sports' if self.kind == 'sports' else 'article'}/{self.slug}-{self.native_id}"

    @property
    def dateline(self) -> str | None:
        return f"{self.place} (AP)" if self.place else None


@dataclass(slots=True, eq=False)
class Decoy:
    """A sitemap entry that is not a story: ``blocked`` (403), ``throttled`` (429) or ``deleted`` (404)."""

    native_id: str
    kind: str
    slug: str
    published: datetime

    @property
    def url(self) -> str:
        return f"{BASE}/article/{self.slug}-{self.native_id}"


@lru_cache(maxsize=None)  # a page links dozens of stories by slug; each slug is made once
def slugify(title: str, words: int = 6) -> str:
    """AP slugs are a few keywords of the headline: ``"mexico-economy-growth"``."""
    tokens = [t for t in re.findall(r"[a-z0-9]+", title.lower().replace("’", "").replace("'", "")) if t not in _STOP]
    return "-".join(tokens[:words])


def _naive(moment: datetime, millis: bool = False) -> str:
    """``article:*_time`` as AP prints it from July 2023: UTC without a zone."""
    text = moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S")
    return text + f".{moment.microsecond // 1000:03d}" if millis else text


def _z(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def sports_preview(seed: int) -> Text:
    """An automated college-basketball preview in the shape of AP's (Data Skrive) ones:
    "Alabama Crimson Tide (19-8, 11-3 SEC) at Ole Miss Rebels ...", "BOTTOM LINE: ..."."""
    rng = random.Random(seed)
    (home, home_m, home_c), (away, away_m, away_c) = rng.sample(_TEAMS, 2)
    player = corpus.person_name(rng)
    rank, points = rng.randrange(1, 26), rng.randrange(18, 36)
    aw, al, acw, acl = rng.randrange(12, 24), rng.randrange(3, 12), rng.randrange(5, 14), rng.randrange(1, 9)
    hw, hl, hcw, hcl = rng.randrange(12, 24), rng.randrange(3, 12), rng.randrange(5, 14), rng.randrange(1, 9)

    def avg() -> str:
        return f"{rng.uniform(60, 95):.1f}"

    paragraphs = [
        f"{away} {away_m} ({aw}-{al}, {acw}-{acl} {away_c}) at {home} {home_m} ({hw}-{hl}, {hcw}-{hcl} {home_c})",
        f"{rng.choice(_ARENAS)}; {rng.choice(corpus.WEEKDAYS)}, {rng.randrange(6, 10)} p.m. EST",
        f"BOTTOM LINE: No. {rank} {away} visits the {home} {home_m} after {player} scored {points} points in "
        f"{away}’s {rng.randrange(70, 110)}-{rng.randrange(55, 95)} victory over the {' '.join(rng.choice(_TEAMS)[:2])}.",
        f"The {home_m} have gone {rng.randrange(8, 16)}-{rng.randrange(0, 4)} at home. {home} is "
        f"{rng.randrange(2, 9)}-{rng.randrange(0, 4)} in one-possession games.",
        f"The {away_m} are {acw}-{acl} against {away_c} opponents. {away} is {rng.randrange(1, 6)}-"
        f"{rng.randrange(0, 5)} in games decided by less than 4 points.",
        f"TOP PERFORMERS: {corpus.person_name(rng)} is averaging {avg()} points and {rng.uniform(1, 9):.1f} "
        f"rebounds for the {home_m}. {player} is scoring {rng.uniform(12, 24):.1f} points per game for the {away_m}.",
        f"LAST 10 GAMES: {home_m}: {rng.randrange(3, 8)}-{rng.randrange(2, 7)}, averaging {avg()} points, "
        f"{rng.uniform(28, 42):.1f} rebounds and {rng.uniform(10, 19):.1f} assists per game while shooting "
        f"{rng.uniform(38, 50):.1f}% from the field.",
        f"{away_m}: {rng.randrange(3, 8)}-{rng.randrange(2, 7)}, averaging {avg()} points, "
        f"{rng.uniform(28, 42):.1f} rebounds and {rng.uniform(10, 19):.1f} assists per game while shooting "
        f"{rng.uniform(38, 50):.1f}% from the field. Their opponents have averaged {avg()} points.",
    ]
    title = f"{player.split()[-1]} leads No. {rank} {away} against {home} after {points}-point game"
    keywords = [f"{home} {home_m}", "Men's college basketball", "College basketball", f"{away} {away_m}",
                f"{away}-{home}-Preview", "Sports"]
    return Text(title, paragraphs, [SPORTS_TAIL], keywords, [player])


class ApnewsSite(WireSite):
    """The apnews.com mirror: ``articles`` true stories, the newest a few minutes before ``now``."""

    wire = WIRE
    hosts = ("apnews.com", "www.apnews.com")
    server_header = "AkamaiGHost"

    def __init__(self, seed: int = 1, articles: int = 60, now: datetime | None = None, day: int = 1):
        if articles < 24:
            raise ValueError("the AP mirror needs at least 24 articles to hold every page variant")
        if day < 1:
            raise ValueError("day counts from 1 (the site at --now)")
        self.seed, self.articles, self.day = seed, articles, day
        self.now = (now or datetime(2026, 11, 27, 12, tzinfo=UTC)).astimezone(UTC)
        self._text = lru_cache(maxsize=None)(self._make_text)
        self.stories = self._plan(articles)
        self._month_rows: dict[str, list[Story]] | None = None
        self.by_id = {s.native_id: s for s in self.stories}
        self.decoys = self._decoys()
        self.videos = {self._hex(random.Random(seed_for(seed, WIRE, "video", i))): t for i, t in enumerate(
            ["Watch: Lawmakers react to budget vote", "Drone footage shows flooding in river valley",
             "Highlights: Tournament opener goes to overtime"])}

    # ------------------------------------------------------------------- the plan

    @staticmethod
    def _hex(rng: random.Random) -> str:
        return f"{rng.getrandbits(128):032x}"

    def _plan(self, articles: int) -> list[Story]:
        rng = random.Random(seed_for(self.seed, WIRE, "plan"))
        recent = articles - max(6, articles // 5)
        month_start = self.now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
        moments, moment = [], self.now - timedelta(seconds=rng.randrange(300, 1800))
        for i in range(articles):
            if i == recent:  # the oldest fifth: the previous month, in its gzipped sitemap
                moment = min(moment, month_start - timedelta(seconds=rng.randrange(3600, 86400)))
            moments.append(moment)
            moment -= timedelta(seconds=rng.randrange(1800, 6000) if i < recent else rng.randrange(86400, 3 * 86400))
        kinds = ["factcheck"] * 2 + ["sports"] * 3
        kinds += ["article"] * (articles - len(kinds))
        rng.shuffle(kinds)
        stories, seen_titles = [], set()
        for i, (moment, kind) in enumerate(zip(moments, kinds)):
            r = random.Random(seed_for(self.seed, WIRE, "story", i))
            section = "sports" if kind == "sports" else r.choice(["politics", "business", "technology", "world-news"])
            native = f"{r.randrange(10**11, 10**12)}" if kind == "factcheck" else self._hex(r)
            for attempt in range(30):
                text_seed = seed_for(self.seed, WIRE, "text", i, attempt)
                story = Story(native, moment, moment, section, kind, text_seed, "2023" if i >= recent else "2024",
                              None, ())
                title = self._make_text(story).title
                if title not in seen_titles:
                    break
            seen_titles.add(title)
            story.title = title
            story.slug = ("fact-check-" if kind == "factcheck" else "") + slugify(title)
            if kind == "article":
                story.place = r.choice(PLACES) if r.random() < 0.85 else None
            if kind != "sports":
                people = list(dict.fromkeys(self._make_text(story).people))
                story.authors = tuple(n.upper() for n in r.sample(people, min(len(people), r.choice([0, 1, 1, 1, 2]))))
            if r.random() < 0.4:
                story.modified = moment + timedelta(seconds=r.randrange(600, 20000))
                story.modified = min(story.modified, self.now - timedelta(seconds=60))
            story.stamp = "Updated" if story.modified != moment and r.random() < 0.5 else "Published"
            story.lagging_headline = story.generation == "2024" and kind == "article" and r.random() < 0.2
            stories.append(story)
        stories.sort(key=lambda s: s.published)
        return stories

    def _decoys(self) -> dict[str, Decoy]:
        rng = random.Random(seed_for(self.seed, WIRE, "decoys"))
        newest = self.stories[-1].published
        plan = [("blocked", "israel-hamas-war-ceasefire-talks-cairo", 900),
                ("throttled", "election-results-county-certification", 2100),
                ("deleted", "correction-stock-market-today-asia", 3 * 86400)]
        return {d.native_id: d for d in (Decoy(self._hex(rng), kind, slug, newest - timedelta(seconds=age))
                                         for kind, slug, age in plan)}

    # ------------------------------------------------------------------- text

    def _make_text(self, story: Story) -> Text:
        if story.kind == "sports":
            return sports_preview(story.text_seed)
        draft = corpus.write(story.text_seed, CORPUS_SECTION[story.section], "en", story.published.year)
        rng = random.Random(story.text_seed ^ 0xAB)
        paragraphs = list(draft.paragraphs)
        title = draft.title
        if story.kind == "factcheck":
            first, _, rest = draft.title.partition(" ")
            claim = f"{first.lower() if first in ('The', 'A', 'An') else first} {rest}"
            title = f"Posts falsely claim {claim}"
            paragraphs = [f"CLAIM: Social media posts say {claim}.",
                          "AP’S ASSESSMENT: False. No such announcement was made, and the posts reuse an image "
                          "from an unrelated event.", f"THE FACTS: {paragraphs[1] if len(paragraphs) > 1 else ''}",
                          *paragraphs[2:]]
            return Text(title, [p for p in paragraphs if p.strip() != "THE FACTS:"], [FACT_CHECK_TAIL],
                        ["Fact-checking"], draft.people)
        if story.generation == "2024" and len(paragraphs) > 5:
            paragraphs.insert(rng.randrange(3, len(paragraphs) - 1), rng.choice(SUBHEADS))
        tails = []
        roll = rng.random()
        if roll < 0.5:
            tails.append(f"Associated Press writer {corpus.person_name(rng)} in "
                         f"{rng.choice(PLACES).split(',')[0].title()} contributed to this report.")
        elif roll < 0.7:
            tails += [SUPPORT_TAIL, f"Follow AP’s coverage at {BASE}/hub/{rng.choice(list(HUBS))}"]
        keywords = list(dict.fromkeys([*draft.keywords, SECTIONS[story.section], "General news"]))
        return Text(title, paragraphs, tails, keywords, draft.people)

    def paragraphs(self, story: Story) -> list[str]:
        """The clean body paragraphs (what the truth's ``body`` holds), dateline included."""
        paragraphs = list(self._text(story).paragraphs)
        if story.place:
            paragraphs[0] = f"{story.place} (AP) — {paragraphs[0]}"
        return paragraphs

    def tags(self, story: Story) -> list[str]:
        return list(self._text(story).keywords)

    def _keywords_with_noise(self, story: Story) -> list[str]:
        """Keywords as AP's CMS emits them: state-wire routing tags, the slug as a phrase,
        one-letter tokens, ``"U.S. news"`` next to ``"U.S. News"``."""
        r = random.Random(story.text_seed ^ 0x57A7E)
        clean = self.tags(story)
        noisy = clean[:2] + [f"{s} State Wire" for s in r.sample(STATE_WIRES, r.randrange(0, 5))] + clean[2:]
        noisy.insert(r.randrange(1, len(noisy) + 1), story.slug.replace("-", " "))
        for letter in r.sample("nafspi", 2):
            noisy.insert(r.randrange(1, len(noisy) + 1), letter)
        return noisy

    # ------------------------------------------------------------------ truth

    def truth(self) -> Iterator[dict]:
        for story in self.stories:
            yield self.truth_record(story)

    def truth_record(self, story: Story) -> dict:
        paragraphs = self.paragraphs(story)
        return {
            "id": f"{WIRE}:{story.native_id}",
            "wire": WIRE,
            "url": story.url,
            "canonical_url": story.url,
            "title": story.title,
            "summary": paragraphs[0],
            "body": "\n\n".join(paragraphs),
            "authors": [n.title() for n in story.authors],
            "source": "AP",
            "dateline": story.dateline,
            "published_at": _z(story.published),
            "modified_at": _z(story.modified),
            "language": "en",
            "tags": self.tags(story),
        }

    def changes(self, day: int | None = None) -> dict:
        """Every story is new on day 1; the site does not change after that."""
        day = self.day if day is None else day
        if day < 1:
            raise ValueError(f"no day {day}: days count from 1")
        return {"day": day, "now": _z(self.now + timedelta(days=day - 1)),
                "new": [f"{WIRE}:{s.native_id}" for s in self.stories] if day == 1 else [],
                "updated": [], "deleted": [], "moved": {}, "variants": {}}

    # ---------------------------------------------------------------- routing

    def handle(self, path: str, query: dict[str, str]) -> Response:
        if path == "/robots.txt":
            return Response(body=ROBOTS.encode(), content_type="text/plain; charset=utf-8")
        if path == "/sitemap.xml":
            return self._xml(self._sitemap_index())
        if path == "/news-sitemap-content.xml":
            return self._xml(b"\xef\xbb\xbf" + self._news_sitemap().encode("utf-8"))
        match = re.fullmatch(r"/ap-sitemap-(\d{6})\.xml(\.gz)?", path)
        if match:
            body = self._month_sitemap(match.group(1))
            if body is None or bool(match.group(2)) != (match.group(1) != self._current_month()):
                return self._page(self._not_found(), 404)
            data = body.encode("utf-8")
            return Response(body=gzip.compress(data, mtime=0), content_type="application/x-gzip") \
                if match.group(2) else self._xml(data)
        if path in ("/hub-sitemap.xml", "/video-sitemap.xml"):
            urls = [f"{BASE}/hub/{h}" for h in HUBS] if path.startswith("/hub") else \
                [f"{BASE}/video/{slugify(t)}-{v}" for v, t in self.videos.items()]
            return self._xml(self._urlset(urls))
        match = re.fullmatch(r"/(article|sports)/([\w-]+)-([0-9a-f]{32}|\d{12})/?", path)
        if match:
            return self._story(match.group(1), match.group(2), match.group(3))
        match = re.fullmatch(r"/hub/([\w-]+)/?", path)
        if match and match.group(1) in HUBS:
            return self._page(self._hub_page(match.group(1)))
        match = re.fullmatch(r"/video/([\w-]+)-([0-9a-f]{32})/?", path)
        if match and match.group(2) in self.videos:
            return self._page(self._video_page(match.group(2)))
        if path == "/" or path.strip("/") in SECTIONS:
            return self._page(self._section_page(path.strip("/") or None))
        return self._page(self._not_found(), 404)

    def _xml(self, body: bytes | str) -> Response:
        data = body.encode("utf-8") if isinstance(body, str) else body
        return Response(body=data, content_type="application/xml; charset=utf-8")

    def _page(self, text: str | bytes, status: int = 200) -> Response:
        body = text if isinstance(text, bytes) else text.encode("utf-8")
        return Response(status=status, body=body, headers={"Cache-Control": "max-age=60"})

    def _story(self, kind: str, slug: str, native: str) -> Response:
        decoy = self.decoys.get(native)
        if decoy is not None:
            if decoy.kind == "blocked":
                body = corpus.access_denied_page("apnews.com", f"/article/{slug}-{native}",
                                                 random.Random(seed_for(self.seed, WIRE, native)))
                return Response(403, body.encode(), headers={"Cache-Control": "no-store"})
            if decoy.kind == "throttled":
                return Response(429, b"<html><body><h1>429 Too Many Requests</h1></body></html>",
                                headers={"Retry-After": "120"})
            return self._page(self._not_found(), 404)
        story = self.by_id.get(native)
        if story is None or kind != story.url.split("/")[3]:
            return self._page(self._not_found(), 404)
        if slug != story.slug:
            return redirect(story.url)
        return self._page(self.article_bytes(story))

    # ------------------------------------------------------------------ sitemaps

    def _current_month(self) -> str:
        return self.now.strftime("%Y%m")

    def _months(self) -> list[str]:
        return sorted(set(self._by_month()) | {self._current_month()}, reverse=True)

    def _by_month(self) -> dict[str, list[Story]]:
        """Stories by ``YYYYMM`` of publication, oldest first; built once (the site's index)."""
        if self._month_rows is None:
            self._month_rows = {}
            for s in self.stories:
                self._month_rows.setdefault(s.published.strftime("%Y%m"), []).append(s)
        return self._month_rows

    def _sitemap_index(self) -> str:
        entries = []
        for month in self._months():
            suffix = "" if month == self._current_month() else ".gz"
            stories = self._by_month().get(month, [])
            lastmod = max((s.modified for s in stories), default=self.now)
            entries.append((f"{BASE}/ap-sitemap-{month}.xml{suffix}", _z(lastmod)))
        entries += [(f"{BASE}/hub-sitemap.xml", _z(self.now)), (f"{BASE}/video-sitemap.xml", _z(self.now))]
        items = "".join(f"<sitemap><loc>{loc}</loc><lastmod>{mod}</lastmod></sitemap>\n" for loc, mod in entries)
        return ('<?xml version="1.0" encoding="UTF-8"?>\n'
                f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{items}</sitemapindex>\n')

    def _month_sitemap(self, month: str) -> str | None:
        if month not in self._months():
            return None
        stories = self._by_month().get(month, [])[::-1]
        urls = [(s.url, _z(s.modified)) for s in stories]
        if month == self._current_month():
            # Hub and video pages mixed in, one story under www., the deleted story still listed.
            urls.insert(3, (f"{BASE}/hub/{next(iter(HUBS))}", _z(self.now)))
            video, title = next(iter(self.videos.items()))
            urls.insert(7, (f"{BASE}/video/{slugify(title)}-{video}", _z(self.now)))
            urls[1] = (urls[1][0].replace("https://apnews.com", "https://www.apnews.com"), urls[1][1])
            deleted = next(d for d in self.decoys.values() if d.kind == "deleted")
            urls.append((deleted.url, _z(deleted.published)))
        return self._urlset([u for u, _ in urls], dict(urls))

    @staticmethod
    def _urlset(urls: list[str], lastmods: dict[str, str] | None = None) -> str:
        items = "".join(f"<url><loc>{_e(u)}</loc>" + (f"<lastmod>{lastmods[u]}</lastmod>" if lastmods else "")
                        + "</url>\n" for u in urls)
        return ('<?xml version="1.0" encoding="UTF-8"?>\n'
                f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{items}</urlset>\n')

    def _news_sitemap(self) -> str:
        entries = [(s.url, s.title, s.published, ", ".join(self.tags(s)))
                   for s in reversed(self.stories) if self.now - s.published <= NEWS_WINDOW]
        for decoy in self.decoys.values():
            if decoy.kind != "deleted":
                entries.insert(2, (decoy.url, decoy.slug.replace("-", " ").capitalize(), decoy.published, ""))
        items = "".join(
            f"<url><loc>{_e(url)}</loc><news:news><news:publication><news:name>AP News</news:name>"
            f"<news:language>en</news:language></news:publication><news:publication_date>{_z(when)}"
            f"</news:publication_date><news:title>{_e(title)}</news:title><news:keywords>{_e(keywords)}"
            f"</news:keywords></news:news></url>\n" for url, title, when, keywords in entries)
        return ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
                f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n{items}</urlset>\n')

    # -------------------------------------------------------------- article pages

    def article_page(self, story: Story) -> str:
        return self._page_2024(story) if story.generation == "2024" else self._page_2023(story)

    def _jsonld_article(self, story: Story, text: Text, paragraphs: list[str]) -> dict:
        headline = corpus.edit_headline(story.title) if story.lagging_headline else story.title
        authors = [{"@context": "http://schema.org", "@type": "Person", "name": n} for n in story.authors] or \
            [{"@context": "http://schema.org", "@type": "Person", "name": "THE ASSOCIATED PRESS"}]
        return {"@context": "http://schema.org", "@type": "NewsArticle", "author": authors,
                "dateModified": _z(story.modified), "datePublished": _z(story.published),
                "description": paragraphs[0], "headline": headline, "keywords": self._keywords_with_noise(story),
                "mainEntityOfPage": {"@type": "WebPage", "@id": story.url},
                "publisher": {"@type": "Organization", "name": "AP News"}, "url": story.url}

    def _body_2024(self, story: Story, text: Text, paragraphs: list[str]) -> str:
        r = random.Random(story.text_seed ^ 0x2024)
        related = [s for s in self.stories[-7:] if s is not story][-6:]
        blocks = []
        subheads = set(SUBHEADS)
        for i, paragraph in enumerate(paragraphs):
            last = i == len(paragraphs) - 1
            if paragraph in subheads:
                blocks.append(f"<h2>{_e(paragraph)}</h2>")
                continue
            inner = _e(paragraph)
            if last and story.kind == "factcheck":
                inner += "<br>___<br>" + _e(text.tails[0])
            blocks.append(f"<p>{inner}</p>")
            if i == 2:
                blocks.append('<div class="SovrnAd Advertisement "><div class="Advertisement-text">Advertisement'
                              '</div><div id="sovrn-1"></div></div>')
            if i == 3:
                links = "".join(f'<li class="PageList-items-item"><a class="Link" href="{s.url}">{_e(s.title)}</a>'
                                "</li>" for s in r.sample(related, 3))
                blocks.append(f'<div class="PageListEnhancementGeneric Enhancement"><div class="PageList-header">'
                              f'{r.choice(["RELATED COVERAGE", "READ MORE"])}</div><ul class="PageList-items">'
                              f"{links}</ul></div>")
            if i == 4:
                blocks.append('<div class="HTMLModuleEnhancement"><script>!function(){"use strict";'
                              'window.addEventListener("message",function(e){if(void 0!==e.data["datawrapper-height"])'
                              "{}})}();</script></div>")
        if story.kind != "factcheck":
            for tail in text.tails:
                blocks += ["<h2>___</h2>", f"<p>{_e(tail)}</p>"]
        return "\n".join(blocks)

    def _page_2024(self, story: Story) -> str:
        text, paragraphs = self._text(story), self.paragraphs(story)
        article = self._jsonld_article(story, text, paragraphs)
        videos = {"@type": "JW Videos", "playlist": [{"mediaid": "Xy7Qp2Lk", "title": "AP News latest"}]}
        jsonld = json.dumps([article, videos], ensure_ascii=False).replace("</", "<\\/")
        noisy = self._keywords_with_noise(story)
        tags = "\n".join(f'<meta property="article:tag" content="{_e(t)}">' for t in noisy if len(t) > 2)
        if story.authors:
            names = [f'<span class="Link">{_e(n)}</span>' if i % 2 == 0 else
                     f'<a class="Link " href="{BASE}/author/{slugify(n.lower())}">{_e(n)}</a>'
                     for i, n in enumerate(story.authors)]
            names_html = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        else:
            names_html = '<span class="Link">THE ASSOCIATED PRESS</span>'
        stamp = story.published if story.stamp == "Published" else story.modified
        shown = article["headline"]
        head = f"""<title>{_e(shown)} | AP News</title>
<meta name="description" content="{_e(paragraphs[0])}">
<link rel="canonical" href="{story.url}">
<meta property="og:title" content="{_e(story.title)}">
<meta property="og:url" content="{story.url}">
<meta property="og:image" content="https://dims.apnews.com/dims4/default/{story.native_id[:7]}/2147483647/strip/true/crop/3000x2000+0+0/resize/1440x960!/quality/90/">
<meta property="og:description" content="{_e(paragraphs[0])}">
<meta property="og:site_name" content="AP News">
<meta property="og:type" content="article">
<meta property="article:published_time" content="{_naive(story.published)}">
<meta property="article:modified_time" content="{_naive(story.modified + timedelta(seconds=694, microseconds=627000), True)}">
<meta property="article:section" content="{SECTIONS[story.section]}">
{tags}
<meta name="keywords" content="{_e(', '.join(noisy))}">
<script type="application/ld+json">{jsonld}</script>"""
        main = f"""<div class="Page-breadcrumbs"><a class="Link " href="{BASE}/{story.section}">{SECTIONS[story.section]}</a></div>
<h1 class="Page-headline">{_e(story.title)}</h1>
<div class="Page-byline"><div class="Page-authors">By&nbsp;{names_html}</div>
<div class="Page-dateModified"><bsp-timestamp data-timestamp="{int(stamp.timestamp() * 1000)}" data-recent-thresholdinhours="1">
<template data-date-tpl>{story.stamp} [hour]:[minute] [AMPM] [timezone], [monthFull] [day], [year]</template>
<span data-date>&nbsp;</span></bsp-timestamp></div></div>
<div class="Page-lead"><figure class="Figure"><img class="Image" alt="" src="https://dims.apnews.com/dims4/default/{story.native_id[:7]}/2147483647/strip/true/resize/599x399!/quality/90/"><figcaption class="Figure-caption">A view of the scene. (AP Photo)</figcaption></figure></div>
<div class="RichTextStoryBody RichTextBody">
{self._body_2024(story, text, paragraphs)}
</div>"""
        return _chrome(head, main, self._most_read(story))

    def _page_2023(self, story: Story) -> str:
        text, paragraphs = self._text(story), self.paragraphs(story)
        article = self._jsonld_article(story, text, paragraphs)
        del article["keywords"]
        if not story.authors:
            article["author"] = ["Associated Press"]
        jsonld = json.dumps(article, ensure_ascii=False).replace("</", "<\\/")
        r = random.Random(story.text_seed ^ 0x2023)
        blocks = []
        for i, paragraph in enumerate(paragraphs):
            inner = _e(paragraph)
            if story.kind == "factcheck" and i == len(paragraphs) - 1:
                inner += "<br>___<br>" + _e(text.tails[0])
            words = paragraph.split()
            if i in (1, 3) and len(words) > 8:
                # An inline link followed by React's empty comment, as in "from the pandemic</a><!-- -->, but".
                cut = r.randrange(3, len(words) - 3)
                before, linked, after = " ".join(words[:cut]), " ".join(words[cut:cut + 3]), " ".join(words[cut + 3:])
                other = r.choice(self.stories)
                inner = (f'{_e(before)} <a href="{other.url.removeprefix(BASE)}" class="paragraph-link">{_e(linked)}'
                         f'</a><!-- --> {_e(after)}')
            blocks.append(f'<p class="Component-root-0-2-50 p Component-p-0-2-40">{inner}</p>')
        if story.kind != "factcheck":
            for tail in text.tails:
                blocks += ['<h2 class="Component-heading-0-2-55">___</h2>',
                           f'<p class="Component-root-0-2-50 p Component-p-0-2-40">{_e(tail)}</p>']
        byline = ("By " + " and ".join(story.authors)) if story.authors else "Associated Press"
        tags = "\n".join(f'<meta data-rh="true" property="article:tag" content="{_e(t)}">' for t in self.tags(story))
        head = f"""<title data-rh="true">{_e(story.title)} | AP News</title>
<meta data-rh="true" name="description" content="{_e(paragraphs[0])}">
<link data-rh="true" rel="canonical" href="{story.url}">
<meta data-rh="true" property="og:title" content="{_e(story.title)}">
<meta data-rh="true" property="og:site_name" content="AP NEWS">
<meta data-rh="true" property="og:type" content="article">
<meta data-rh="true" property="article:published_time" content="{_z(story.published)}">
<meta data-rh="true" property="article:modified_time" content="{_z(story.modified)}">
{tags}
<script data-rh="true" type="application/ld+json">{jsonld}</script>"""
        main = f"""<div class="CardHeadline"><h1 class="Component-heading-0-2-16">{_e(story.title)}</h1>
<div class="Component-signature-0-2-18"><span class="Component-bylines-0-2-19">{_e(byline)}</span>
<span class="Timestamp Component-root-0-2-23 null null" data-key="timestamp" data-source="{_z(story.modified)}">{story.modified:%B %-d, %Y} GMT</span></div></div>
<div class="Article" data-key="article">{"".join(blocks)}</div>"""
        return _chrome(head, main, self._most_read(story))

    def _most_read(self, story: Story) -> list[Story]:
        return [s for s in self.stories[-6:][::-1] if s is not story][:5]

    # ------------------------------------------------------------- other pages

    def _hub_page(self, hub: str) -> str:
        stories = list(reversed(self.stories))[:20]
        items = "".join(f'<div class="PagePromo"><h3 class="PagePromo-title"><a class="Link" href="{s.url}">'
                        f'{_e(s.title)}</a></h3><div class="PagePromo-description">{_e(self.paragraphs(s)[0][:140])}'
                        "</div></div>" for s in stories)
        videos = "".join(f'<li><a class="Link" href="{BASE}/video/{slugify(t)}-{v}">{_e(t)}</a></li>'
                         for v, t in self.videos.items())
        head = (f"<title>{HUBS[hub]} | Latest News &amp; Updates | AP News</title>\n"
                f'<link rel="canonical" href="{BASE}/hub/{hub}">\n<meta property="og:type" content="website">')
        main = (f'<h1 class="PageListStandardD-title">{HUBS[hub]}</h1><div class="PageList-items">{items}</div>'
                f'<ul class="VideoPlaylist">{videos}</ul>')
        return _chrome(head, main, [])

    def _video_page(self, video: str) -> str:
        title = self.videos[video]
        url = f"{BASE}/video/{slugify(title)}-{video}"
        jsonld = json.dumps({"@context": "http://schema.org", "@type": "VideoObject", "name": title,
                             "uploadDate": _z(self.now - timedelta(hours=3)), "thumbnailUrl": f"{url}.jpg"})
        head = (f"<title>{_e(title)} | AP News</title>\n<link rel=\"canonical\" href=\"{url}\">\n"
                f'<meta property="og:type" content="video.other">\n<script type="application/ld+json">{jsonld}</script>')
        main = (f'<h1 class="Page-headline">{_e(title)}</h1><div class="VideoPage-player"><bsp-jw-player '
                f'data-media-id="{video[:8]}"></bsp-jw-player></div><div class="VideoPage-description">'
                f"{_e(title)}.</div>")
        return _chrome(head, main, self._most_read(self.stories[-1]))

    def _section_page(self, section: str | None) -> str:
        stories = [s for s in reversed(self.stories) if section in (None, s.section)][:30]
        items = "".join(f'<div class="PagePromo"><h3 class="PagePromo-title"><a class="Link" href="{s.url}">'
                        f"{_e(s.title)}</a></h3></div>" for s in stories)
        label = SECTIONS.get(section or "", "AP News")
        head = f'<title>{label} | AP News</title>\n<link rel="canonical" href="{BASE}/{section or ""}">'
        return _chrome(head, f'<h1 class="PageListStandardD-title">{label}</h1>{items}', [])

    @staticmethod
    def _not_found() -> str:
        head = "<title>Page Not Found | AP News</title>"
        main = ('<div class="ErrorPage"><h1>Page not found</h1><p>We’re sorry, the page you requested could not be '
                f'found.</p><a class="Link" href="{BASE}/">Go to the AP News homepage</a></div>')
        return _chrome(head, main, [])


def _chrome(head: str, main: str, most_read: list[Story]) -> str:
    """Header, navigation, "Most read" rail and footer around the main column."""
    nav = "".join(f'<li><a class="Link" href="{BASE}/{k}">{v}</a></li>' for k, v in SECTIONS.items())
    nav += "".join(f'<li><a class="Link" href="{BASE}/hub/{k}">{v}</a></li>' for k, v in HUBS.items())
    rail = "".join(f'<li><a class="Link" href="{s.url}">{_e(s.title)}</a></li>' for s in most_read)
    return f"""<!DOCTYPE html>
<html class="Page" lang="en">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
{head}
<link rel="stylesheet" href="https://assets.apnews.com/resource/00000190-0000-0000-0000-000000000000/styleguide/All.min.css">
<script src="https://assets.apnews.com/resource/00000190-0000-0000-0000-000000000000/styleguide/All.min.js" async></script>
</head>
<body class="Page-body">
<header class="Page-header"><a class="Page-logo" href="{BASE}/" aria-label="AP News"><svg viewBox="0 0 40 20"></svg></a>
<nav class="Page-header-navigation"><ul class="Navigation-items">{nav}</ul></nav>
<div class="Page-header-bar"><a class="Link" href="https://apnews.com/donate">Donate</a> <button class="SearchOverlay-toggle">Search</button></div></header>
<main class="Page-main"><div class="Page-content">
{main}
</div>
<aside class="Page-aside"><div class="PageList-header">Most read</div><ul class="PageList-items">{rail}</ul>
<div class="SovrnAd Advertisement "><div class="Advertisement-text">Advertisement</div></div></aside></main>
<footer class="Page-footer"><p class="Page-footer-disclaimer">Copyright 2026 The Associated Press. All Rights Reserved.</p>
<ul><li><a class="Link" href="https://www.ap.org/about">About</a></li><li><a class="Link" href="https://www.ap.org/contact-us">Contact Us</a></li><li><a class="Link" href="https://www.ap.org/privacy-policy">Privacy Policy</a></li></ul></footer>
</body>
</html>
"""
