"""Mirror of EIN Presswire (einpresswire.com) and EIN News (einnews.com and its topic sites).

What it reproduces, from the research notes (newswires.md §6, wire-pages findings §4.4)
and the real pages in ``datasets/wire-pages/einpresswire/``:

* One release, one 9-digit id, many addresses: ``www.einpresswire.com/article/<id>/<slug>``,
  ``www.einnews.com/pr_news/<id>/<slug>`` and the topic sites'
  ``realestate.einnews.com/pr_news/<id>/<slug>``, ``world.einnews.com/pr_news/...``.
  Every address serves the same page; a wrong slug answers 301 to the right one.
  Ids grow with time (336348008 on 2016-07-22, 925230382 in July 2026).
* Discovery: RSS 2.0 at ``/rss`` and ``/rss/all`` (all releases) and ``/rss/<topic>``
  (``technology``, ``business-economy``, ``real-estate`` — malformed, an unescaped
  ``&`` — and ``financial-news``, empty), linking einpresswire.com URLs, one as
  ``http://`` and one without ``www``; EIN News topic listings
  (``realestate.einnews.com/news/real-estate-press-releases?page=2``) in the markup
  the stored EIN News spider reads: ``ul.pr-feed > li > div.article-content``,
  ``h3 > a.title`` whose href carries a ``&pg=`` tracking suffix,
  ``div.pretitle > span.date``, and a ``ul.pagination`` whose next link reads ``»``.
  Listings mix in EIN News teasers of other publishers' news
  (``/article_detail/<id>/<slug>?lcode=...``), pages that are not releases.
* Two page generations. ``2016`` is the real www.einnews.com/pr_news page: class-less
  ``<h1>``, ``div#pr-article-wrapper > div.imported`` holding ``<br>``-separated text
  runs after an italic sub-headline, the issuer's "Contact Us:" lines, then the ``p.contact`` block ("Norah Trent /
  wiseguyreports / +1 646 ... / email us here"), a ``div.website`` iframe and a
  tracking pixel; canonical link to the einnews.com address. ``2024`` carries the same
  parts as ``<p>`` paragraphs in ``div.article_column div.article-content`` (sub-headline
  ``h2.subtitle``, a logo ``<figure>``), the contact block with "Visit us on social
  media:", and the "Legal Disclaimer:" research found on re-hosted copies ("EIN
  Presswire provides this news content "as is" ... kindly contact the author
  above."); canonical link to einpresswire.com.
* Metadata as on the real page: ``article:published_time`` with a colon-less offset
  (``2016-07-22T15:26:09+0000``), JSON-LD ``dateModified`` *earlier* than
  ``datePublished`` (13:29:57Z vs 15:26:09Z: the submission time), the release's
  contact as JSON-LD ``author``, ``og:site_name`` / ``meta[name=author]`` naming the
  site, not the issuer.
* Refusals on EIN News (a stored link check logged einnews.com 403s): an Akamai-style
  "Access Denied ... Reference #18.<hex>" 403 and a 429 with ``Retry-After`` on two
  ``world.einnews.com/pr_news`` entries, and a removed release (404) in a listing.

Truth conventions (as MENAFN's ``truth_record``): ``id`` ``einpresswire:<id>``;
``canonical_url`` the page's canonical link (einpresswire.com for ``2024`` pages,
einnews.com for ``2016`` ones), whichever address was fetched; ``body`` from the
dateline (``NEW YORK, NY, UNITED STATES, November 26, 2026 /EINPresswire.com/ -- ...``)
to the end of the issuer's text ("About ..."), without the sub-headline, contact
lines and blocks or disclaimer; ``summary`` the sub-headline; ``source`` the issuing company,
as the contact block names it; no ``authors`` (the JSON-LD author is the media
contact); ``tickers`` the listing the lead cites (``(NASDAQ: HLXR)`` -> ``NASDAQ:HLXR``);
``modified_at`` ``article:modified_time``. Every day serves the day-1 site.
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
from zoneinfo import ZoneInfo

from . import corpus
from .corpus import Release, seed_for
from .server import Response, WireSite, redirect

WIRE = "einpresswire"
PR_BASE = "https://www.einpresswire.com"
NEWS_BASE = "https://www.einnews.com"
UTC = timezone.utc
EASTERN = ZoneInfo("America/New_York")
"""EIN Presswire is in Washington, D.C.: datelines carry the Eastern date."""

ANCHOR_ID, ANCHOR_TIME = 925230382, datetime(2026, 7, 9, 14, tzinfo=UTC)
IDS_PER_SECOND = (925230382 - 336348008) / (ANCHOR_TIME - datetime(2016, 7, 22, 15, 26, 9, tzinfo=UTC)).total_seconds()
PAGE_SIZE = 10
FEED_SIZE = 20
TOPIC_FEED_SIZE = 12

# topic -> (label, EIN News host, listing path)
TOPICS = {
    "technology": ("Technology", "www.einnews.com", "/news/technology-press-releases"),
    "business-economy": ("Business & Economy", "www.einnews.com", "/news/business-press-releases"),
    "real-estate": ("Real Estate", "realestate.einnews.com", "/news/real-estate-press-releases"),
    "world": ("World", "world.einnews.com", "/news/world-press-releases"),
}
MALFORMED_FEED = "real-estate"
EMPTY_FEED = "financial-news"
PLACES = ["NEW YORK, NY, UNITED STATES", "AUSTIN, TX, UNITED STATES", "LONDON, UNITED KINGDOM", "PUNE, INDIA",
          "DUBAI, UNITED ARAB EMIRATES", "TORONTO, ONTARIO, CANADA", "SINGAPORE, SINGAPORE",
          "MIAMI, FL, UNITED STATES", "SYDNEY, NSW, AUSTRALIA"]
DISCLAIMER = ("EIN Presswire provides this news content “as is” without warranty of any kind. We do not accept any "
              "responsibility or liability for the accuracy, content, images, videos, licenses, completeness, "
              "legality, or reliability of the information contained in this article. If you have any complaints or "
              "copyright issues related to this article, kindly contact the author above.")
TEASERS = ["Telstra network hurt by faulty hardware", "Port congestion eases as carriers add capacity",
           "Regional lenders tighten mortgage rules", "Chipmakers weigh new plants in Southeast Asia",
           "City council approves waterfront housing plan", "Airlines expand winter routes to the Gulf"]
ROBOTS = """User-agent: *
Disallow: /search
Disallow: /contact_author/
Disallow: /article_print/
Disallow: /article_pdf/
Disallow: /my-rss/
"""


@dataclass(slots=True, eq=False)
class Story:
    """One release; its text is regenerated from ``text_seed`` by :func:`corpus.press_release`."""

    id: int
    published: datetime
    topic: str
    text_seed: int
    generation: str
    """``2024`` or ``2016``: the page template it is served in."""
    place: str
    modified: datetime | None = None
    """A correction after publication (``article:modified_time``), or None."""
    title: str = ""
    slug: str = ""

    @property
    def url(self) -> str:
        return f"{PR_BASE}/article/{self.id}/{self.slug}"

    def news_url(self, host: str = "www.einnews.com") -> str:
        return f"https://{host}/pr_news/{self.id}/{self.slug}"

    @property
    def canonical(self) -> str:
        """What the page's ``<link rel=canonical>`` says (the real 2016 page: its einnews.com address, http)."""
        return self.news_url().replace("https://", "http://") if self.generation == "2016" else self.url


@dataclass(slots=True, eq=False)
class Decoy:
    """A listed release that is not served: ``blocked`` (403), ``throttled`` (429) or ``removed`` (404)."""

    id: int
    kind: str
    topic: str
    title: str
    published: datetime

    @property
    def slug(self) -> str:
        return slugify(self.title)


@lru_cache(maxsize=None)  # a page links dozens of stories by slug; each slug is made once
def slugify(title: str) -> str:
    """EIN's slugs: lower case, every run of other characters one hyphen
    (``"... CAGR 34.4% between 2016 – 2022"`` -> ``"...-cagr-34-4-between-2016-2022"``)."""
    return re.sub(r"[^a-z0-9]+", "-", title.lower().replace("’", "").replace("'", "")).strip("-")


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _plus0000(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S+0000")


def _z(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class EinpresswireSite(WireSite):
    """The einpresswire.com + einnews.com mirror: ``articles`` true releases."""

    wire = WIRE
    hosts = ("www.einpresswire.com", "einpresswire.com", "www.einnews.com", "einnews.com",
             "realestate.einnews.com", "world.einnews.com", "it.einnews.com")

    def __init__(self, seed: int = 1, articles: int = 60, now: datetime | None = None, day: int = 1):
        if articles < 24:
            raise ValueError("the EIN Presswire mirror needs at least 24 articles to hold every page variant")
        if day < 1:
            raise ValueError("day counts from 1 (the site at --now)")
        self.seed, self.articles, self.day = seed, articles, day
        self.now = (now or datetime(2026, 11, 27, 12, tzinfo=UTC)).astimezone(UTC)
        self._release = lru_cache(maxsize=None)(self._make_release)
        self.stories = self._plan(articles)
        self.by_id = {s.id: s for s in self.stories}
        self.decoys = self._decoys()
        self.listings = self._listings()

    # ------------------------------------------------------------------- the plan

    def _plan(self, articles: int) -> list[Story]:
        rng = random.Random(seed_for(self.seed, WIRE, "plan"))
        moments, moment = [], self.now - timedelta(seconds=rng.randrange(120, 900))
        for _ in range(articles):
            moments.append(moment)
            moment -= timedelta(seconds=rng.randrange(900, 4800))
        topics = [t for t in TOPICS for _ in range(articles // len(TOPICS) + 1)][:articles]
        rng.shuffle(topics)
        stories, titles, previous = [], set(), 0
        for i, (moment, topic) in enumerate(sorted(zip(moments, topics))):
            r = random.Random(seed_for(self.seed, WIRE, "story", i))
            for attempt in range(30):
                text_seed = seed_for(self.seed, WIRE, "text", i, attempt)
                title = corpus.press_release(text_seed, moment.year).title
                if title not in titles:
                    break
            titles.add(title)
            seconds = (moment - ANCHOR_TIME).total_seconds()
            story_id = max(ANCHOR_ID + round(seconds * IDS_PER_SECOND) + r.randrange(-40, 41), previous + 1)
            previous = story_id
            story = Story(story_id, moment, topic, text_seed, "2016" if r.random() < 0.25 else "2024",
                          r.choice(PLACES), title=title, slug=slugify(title))
            if r.random() < 0.1:
                story.modified = min(moment + timedelta(seconds=r.randrange(900, 30000)), self.now)
            stories.append(story)
        return stories

    def _decoys(self) -> dict[int, Decoy]:
        plan = [("blocked", "world", 3, "Global Logistics Summit Announces 2027 Speakers"),
                ("throttled", "world", 5, "New Study Maps Coastal Flood Risk Across 40 Cities"),
                ("removed", "technology", 2, "Startup Unveils Battery Recycling Pilot in Nevada")]
        decoys = {}
        for kind, topic, position, title in plan:
            near = [s for s in reversed(self.stories) if s.topic == topic]
            older = near[min(position, len(near) - 1)]
            decoy_id = older.id + 1
            while decoy_id in self.by_id or decoy_id in decoys:
                decoy_id += 1
            decoys[decoy_id] = Decoy(decoy_id, kind, topic, title, older.published + timedelta(seconds=30))
        return decoys

    def _listings(self) -> dict[str, list]:
        """Topic listings, newest first: releases, the decoys, and an EIN News teaser of
        another publisher's story after every fourth entry."""
        listings: dict[str, list] = {}
        for topic in TOPICS:
            entries: list = [s for s in self.stories if s.topic == topic]
            entries += [d for d in self.decoys.values() if d.topic == topic]
            entries.sort(key=lambda x: x.published, reverse=True)
            with_teasers = []
            for i, entry in enumerate(entries):
                with_teasers.append(entry)
                if i % 4 == 3:
                    with_teasers.append(("teaser", entry.id + 7_000_000 + i, TEASERS[i // 4 % len(TEASERS)]))
            listings[topic] = with_teasers
        return listings

    # ------------------------------------------------------------------- text

    def _make_release(self, story: Story) -> Release:
        return corpus.press_release(story.text_seed, story.published.year)

    def dateline(self, story: Story) -> str:
        local = story.published.astimezone(EASTERN)
        return f"{story.place}, {corpus.MONTHS[local.month - 1]} {local.day}, {local.year} /EINPresswire.com/"

    def paragraphs(self, story: Story) -> list[str]:
        """The clean body (what the truth's ``body`` holds): dateline, lead, the issuer's text."""
        paragraphs = list(self._release(story).paragraphs)
        paragraphs[0] = f"{self.dateline(story)} -- {paragraphs[0]}"
        return paragraphs

    def subtitle(self, story: Story) -> str:
        """The sub-headline EIN prints under the title (and as the meta description)."""
        release = self._release(story)
        return f"{release.company} shares news on {release.keywords[-1].lower()} with customers and partners."

    def contact(self, story: Story) -> list[str]:
        """The contact block: name, issuer, phone (then "email us here", added by EIN)."""
        release = self._release(story)
        return [release.contact[1], release.company, release.contact[-1]]

    # ------------------------------------------------------------------ truth

    def truth(self) -> Iterator[dict]:
        for story in self.stories:
            yield self.truth_record(story)

    def truth_record(self, story: Story) -> dict:
        release = self._release(story)
        canonical = story.canonical.replace("http://", "https://").replace("://www.", "://")
        return {
            "id": f"{WIRE}:{story.id}",
            "wire": WIRE,
            "url": story.url,
            "canonical_url": canonical,
            "title": story.title,
            "summary": self.subtitle(story),
            "body": "\n\n".join(self.paragraphs(story)),
            "authors": [],
            "tickers": [f"{release.ticker[0].upper()}:{release.ticker[1]}"],
            "source": release.company,
            "dateline": self.dateline(story),
            "published_at": _z(story.published),
            "modified_at": _z(story.modified or story.published),
            "language": "en",
            "tags": list(dict.fromkeys(release.keywords)),
        }

    def changes(self, day: int | None = None) -> dict:
        """Every release is new on day 1; the site does not change after that."""
        day = self.day if day is None else day
        if day < 1:
            raise ValueError(f"no day {day}: days count from 1")
        return {"day": day, "now": _z(self.now + timedelta(days=day - 1)),
                "new": [f"{WIRE}:{s.id}" for s in self.stories] if day == 1 else [],
                "updated": [], "deleted": [], "moved": {}, "variants": {}}

    # ---------------------------------------------------------------- routing

    def handle(self, path: str, query: dict[str, str]) -> Response:
        if path == "/robots.txt":
            return Response(body=ROBOTS.encode(), content_type="text/plain; charset=utf-8")
        match = re.fullmatch(r"/rss(?:/([\w-]+))?/?", path)
        if match:
            return self._feed(match.group(1) or "all")
        match = re.fullmatch(r"/(article|pr_news)/(\d{9})(?:/([\w-]*))?/?", path)
        if match:
            return self._release_page(match.group(1), int(match.group(2)), match.group(3) or "")
        match = re.fullmatch(r"/article_detail/(\d+)(?:/[\w-]*)?/?", path)
        if match:
            return self._page(self._teaser_page(int(match.group(1))))
        for topic, (_, _, listing) in TOPICS.items():
            if path.rstrip("/") == listing:
                return self._listing(topic, query.get("page", "1"))
        if path in ("/", ""):
            return self._page(self._chrome("<title>EIN Presswire - Press Release Distribution</title>",
                                           self._items(self.stories[-20:][::-1], 1, "home")))
        return self._page(self._not_found(), 404)

    def _page(self, text: str | bytes, status: int = 200) -> Response:
        return Response(status=status, body=text if isinstance(text, bytes) else text.encode("utf-8"))

    def _release_page(self, form: str, release_id: int, slug: str) -> Response:
        decoy = self.decoys.get(release_id)
        if decoy is not None:
            if decoy.kind == "blocked":
                body = corpus.access_denied_page("world.einnews.com", f"/pr_news/{release_id}/{slug}",
                                                 random.Random(seed_for(self.seed, WIRE, release_id)))
                return Response(403, body.encode(), headers={"Server": "AkamaiGHost"})
            if decoy.kind == "throttled":
                return Response(429, b"<html><body><h1>Too Many Requests</h1></body></html>",
                                headers={"Retry-After": "60"})
            return self._page(self._not_found(), 404)
        story = self.by_id.get(release_id)
        if story is None:
            return self._page(self._not_found(), 404)
        if slug != story.slug:
            return redirect(story.url if form == "article" else story.news_url())
        return self._page(self.article_bytes(story))

    def _listing(self, topic: str, raw_page: str) -> Response:
        entries = self.listings[topic]
        pages = max(1, -(-len(entries) // PAGE_SIZE))
        if not raw_page.isdigit() or not 1 <= int(raw_page) <= pages:
            return self._page(self._not_found(), 404)
        page = int(raw_page)
        label, host, path = TOPICS[topic]
        items = self._items(entries[(page - 1) * PAGE_SIZE: page * PAGE_SIZE], page, topic)
        numbers = "".join(f'<li class="{"active" if n == page else ""}"><a href="{path}?page={n}">{n}</a></li>'
                          for n in range(max(1, page - 2), min(pages, page + 2) + 1))
        prev = f'<li><a href="{path}?page={page - 1}">«</a></li>' if page > 1 else ""
        nxt = f'<li><a href="{path}?page={page + 1}">»</a></li>' if page < pages else ""
        head = (f"<title>{_e(label)} Press Releases - EIN News</title>\n"
                f'<link rel="canonical" href="https://{host}{path}">')
        main = f"""<div class="row-fluid"><section class="span-p-m"><div>
<h1 class="section-title">{_e(label)} Press Releases</h1>
{items}
<div class="pagination-block"><ul class="pagination">{prev}{numbers}{nxt}</ul></div>
</div></section></div>"""
        return self._page(self._chrome(head, main))

    def _items(self, entries: list, page: int, topic: str) -> str:
        rows = []
        for entry in entries:
            if isinstance(entry, tuple):  # an EIN News teaser of another publisher's story
                _, teaser_id, title = entry
                href = f"/article_detail/{teaser_id}/{slugify(title)}?lcode=x{teaser_id % 97:02d}Qa%3D%3D&pg={page}"
                date = ""
            else:
                href = f"/pr_news/{entry.id}/{entry.slug}?ref={topic}&pg={page}"
                title = entry.title
                date = f"{entry.published.astimezone(EASTERN):%b %-d, %Y}"
            rows.append(f'<li><div class="article-content"><div class="pretitle"><span class="date">{date}</span>'
                        f'</div><h3><a class="title" href="{_e(href)}">{_e(title)}</a></h3></div></li>')
        return f'<ul class="pr-feed">{"".join(rows)}</ul>'

    def _feed(self, name: str) -> Response:
        if name == "all":
            stories = self.stories[-FEED_SIZE:][::-1]
        elif name in TOPICS:
            stories = [s for s in reversed(self.stories) if s.topic == name][:TOPIC_FEED_SIZE]
        elif name == EMPTY_FEED:
            stories = []
        else:
            return self._page(self._not_found(), 404)
        items = []
        for i, story in enumerate(stories):
            link = story.url
            if name == "all" and i == 5:
                link = link.replace("https://", "http://")
            if name == "all" and i == 9:
                link = link.replace("://www.", "://")
            title = _e(story.title)
            if name == MALFORMED_FEED and i == 1:  # the CMS's unescaped ampersand
                title = f"{title} & Partners"
            items.append(f"""<item>
<title>{title}</title>
<link>{_e(link)}</link>
<guid isPermaLink="true">{_e(link)}</guid>
<pubDate>{format_datetime(story.published.astimezone(UTC), usegmt=True)}</pubDate>
<description>{_e(self.subtitle(story))}</description>
</item>""")
        label = TOPICS[name][0] if name in TOPICS else "All" if name == "all" else "Financial News"
        body = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>EIN Presswire - {_e(label)}</title>
<link>{PR_BASE}/</link>
<description>EIN Presswire press releases: {_e(label)}</description>
<language>en-us</language>
<lastBuildDate>{format_datetime(self.now, usegmt=True)}</lastBuildDate>
<atom:link href="{PR_BASE}/rss/{name}" rel="self" type="application/rss+xml"/>
{chr(10).join(items)}
</channel>
</rss>
"""
        return Response(body=body.encode("utf-8"), content_type="application/rss+xml; charset=utf-8")

    # -------------------------------------------------------------- article pages

    def article_page(self, story: Story) -> str:
        release = self._release(story)
        published, modified = story.published, story.modified or story.published
        submitted = published - timedelta(seconds=7000 + story.id % 3000)
        jsonld = {"@context": "http://schema.org", "@type": "NewsArticle", "headline": story.title,
                  "name": story.title, "mainEntityOfPage": story.canonical, "datePublished": _z(published),
                  "dateModified": _z(submitted),
                  "publisher": {"@type": "Organization", "name": "EIN Presswire",
                                "logo": {"@type": "ImageObject", "url": "https://images.einpresswire.com/logo.gif"}},
                  "author": {"@type": "Person", "name": release.contact[1]}}
        site = "EIN News" if story.generation == "2016" else "EIN Presswire"
        head = f"""<title>{_e(story.title)} - {site}</title>
<meta name="description" content="{_e(self.subtitle(story))}" />
<meta name="keywords" content="{_e(', '.join(release.keywords))}" />
<meta name="author" content="{site}" />
<link rel="canonical" href="{story.canonical}" />
<meta property="og:site_name" content="{site}" />
<meta property="og:title" content="{_e(story.title)}" />
<meta property="og:url" content="{story.canonical}" />
<meta property="og:type" content="article" />
<meta property="og:description" content="{_e(self.subtitle(story))}" />
<meta property="og:image" content="https://images.einpresswire.com/ein_logo.png" />
<meta property="article:published_time" content="{_plus0000(published)}" />
<meta property="article:modified_time" content="{_plus0000(modified)}" />
<meta property="og:updated_time" content="{_plus0000(modified)}" />"""
        ld = f'<script type="application/ld+json">{json.dumps(jsonld, ensure_ascii=False)}</script>'
        contact = self.contact(story)
        contact_html = "<br />\n".join(_e(line) for line in contact) + \
            f'<br />\n<a href="{PR_BASE}/contact_author/{story.id}" rel="nofollow">email us here</a>'
        channels = ", ".join(f'<a href="{PR_BASE}/channel/{t}">{_e(TOPICS[t][0])}</a>' for t in (story.topic,))
        paragraphs = self.paragraphs(story)
        if story.generation == "2016":
            # The issuer's own contact lines close its text, as on the real page
            # ("Contact Us:<br />Norah Trent<br />+1 646 845 9349 / ...").
            website = f"www.{release.contact[2].split('@')[1]}"
            own_contact = ["Contact Us:", release.contact[1], release.contact[-1], website]
            runs = "<br />\n<br />\n".join(_e(p) for p in paragraphs) + "<br />\n<br />\n" + \
                "<br />\n".join(_e(line) for line in own_contact)
            main = f"""<div class="prlogo"><a href="{NEWS_BASE}/pr_archive"><img alt="EIN Presswirelogo" src="https://images00.einpresswire.com/01038-einpresswire-logo-320x50.gif" /></a></div>
<div id="pr-article-wrapper" role="main">
<h1>{_e(story.title)}</h1>
<div class="imported">
<p style='margin-bottom:1em;font-size:115%;'><i>{_e(self.subtitle(story))}</i></p>
{runs}<p class='contact' style='margin: 1em 0;'>{contact_html}</p>
<div class='website' style='padding:5px 0;'><iframe width='960' height='720' src='https://www.{release.contact[2].split("@")[1]}/' frameborder='0' style='width:100%;'></iframe></div>
<img class="prtr" height="1" src="{NEWS_BASE}/tracking/article.gif?aid={story.id}&amp;section=einpresswire" width="1" />
</div>
{ld}
</div>
<div class="little-bigger"><div class="channels">Distribution channels: {channels}</div></div>"""
        else:
            body = "\n".join(f"<p>{_e(p)}</p>" for p in paragraphs[:2])
            body += f'\n<figure class="image"><img src="https://images.einpresswire.com/{story.id}/logo.png" alt="" />' \
                    f"<figcaption>{_e(release.company)} logo</figcaption></figure>\n"
            body += "\n".join(f"<p>{_e(p)}</p>" for p in paragraphs[2:])
            main = f"""<div class="article_column" id="article">
<h1 class="title">{_e(story.title)}</h1>
<h2 class="subtitle">{_e(self.subtitle(story))}</h2>
<div class="article_meta"><span class="date">{published.astimezone(EASTERN):%B %-d, %Y, %H:%M} ET</span> | <a href="{PR_BASE}/newsroom/{slugify(release.company)}/">{_e(release.company)}</a></div>
<div class="article-content" itemprop="articleBody">
{body}
<p class="contact">{contact_html}<br />
Visit us on social media:<br />
<a href="https://www.linkedin.com/company/{slugify(release.company)}" rel="nofollow">LinkedIn</a>
<a href="https://x.com/{slugify(release.company)}" rel="nofollow">X</a></p>
<p>Legal Disclaimer:</p>
<p>{_e(DISCLAIMER)}</p>
</div>
{ld}
<div class="channels">Distribution channels: {channels}</div>
</div>"""
        return self._chrome(head, main)

    def _teaser_page(self, teaser_id: int) -> str:
        """An EIN News ``article_detail`` page: another publisher's headline, three lines,
        "(continue reading)" and a column of related items; no canonical link."""
        title = TEASERS[teaser_id % len(TEASERS)]
        related = "".join(f'<div class="headline"><div class="article-content"><div class="title"><h2><a class="title" '
                          f'href="{s.news_url()}">{_e(s.title)}</a></h2></div></div></div>'
                          for s in self.stories[-30:][::-1])
        main = f"""<div class='article_page'><div class='headlines'><div class='headline'><div class='article-content'>
<div class='title'><h2><span class='title g_roboto'>{_e(title)}</span></h2></div>
<div class='date'>{self.now.astimezone(EASTERN):%B %-d, %Y}</div>
<p>Breaking News Business {_e(title)}. Officials and analysts said the change would take time to reach customers, according to the report. &#8230; (<a href="/article/{teaser_id}/x{teaser_id % 89}" class="free-headline">continue reading</a>)</p>
</div></div></div></div>
<div class='headlines mini'>{related}</div>"""
        head = (f"<title>{_e(title)} - EIN News</title>\n<meta content='{self.now:%Y-%m-%d}' name='pubdate'>\n"
                "<meta content='news' name='keywords'>")
        return self._chrome(head, main)

    def _not_found(self) -> str:
        return self._chrome("<title>Page not found - EIN Presswire</title>",
                            '<div class="error"><h1>404</h1><p>The page you requested was not found. It may have '
                            "been removed by its author.</p></div>")

    def _chrome(self, head: str, main: str) -> str:
        latest = "".join(f'<div class="headline"><a href="{s.news_url()}">{_e(s.title)}</a></div>'
                         for s in self.stories[-5:][::-1])
        return f"""<!DOCTYPE html>
<html lang="en-US" xml:lang="en-US" xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1.0" />
{head}
<link href="/css/screen.css" rel="stylesheet" type="text/css" />
</head>
<body>
<div class="masthead"><a class="logo" href="{PR_BASE}/">EIN Presswire</a>
<div class="mrae mrae-top"><a href="{PR_BASE}/pricing?promo=1501" target="_blank">Got News to Share? Send 2 FREE Releases</a></div>
<div class="icon-block"><a class="btn" href="{PR_BASE}/why-us">Submit News</a> <a class="btn" href="/my-rss/start">Get RSS</a></div></div>
<div class="main-content main-sls span-m">
{main}
</div>
<div class="sidebar span-s" role="complementary"><div class="as-title">More From This Source</div>{latest}</div>
<footer><div class="sitemap"><h4>News Topics</h4><ul role="menu">{"".join(f'<li><a href="https://{h}{p}">{_e(lbl)}</a></li>' for lbl, h, p in TOPICS.values())}</ul></div>
<p>© 1995-2026 Newsmatics Inc. dba EIN Presswire. All Right Reserved.</p></footer>
</body>
</html>
"""
