"""Mirror of PR Newswire (www.prnewswire.com), modelled on the real pages of 2015-2025.

What it reproduces (research notes §3, real pages in ``wire-pages/prnewswire``):

* Release URLs ``/news-releases/<slug>-<9-digit id>.html``, no date in the URL; ids grow
  at the real rate (301848900 on 2023-06-13, 302478038 on 2025-06-10: ~864 a day), and
  the 2016 archive has ids like 582695011. The slug is the lower-cased headline with
  punctuation dropped, so "Collect 'Em All - Whataburger" gives ``collect-em-all--whataburger``.
  A wrong slug answers 301; ``/apac/news-releases/...`` serves the same release.
* Three page generations: ``2023`` (``section.release-body.container `` with a
  "Continue Reading" button, gallery captions, Cloudflare-obfuscated e-mail addresses,
  the "WANT YOUR COMPANY'S NEWS FEATURED" promo after ``SOURCE <Company>``, a share modal
  in the ``<article>``, a 300-link topic nav), ``legacy`` (2016:
  ``div.release-body.legacy-list``, the dateline alone in the first paragraph,
  "(Logo: http://photos...)" lines) and ``2015`` (``p[itemprop=articleBody]``, each
  paragraph repeated in ``<!-- Paragraph before: -->`` comments, "RELATED LINKS").
* Discovery as the real site offers it: ``robots.txt`` with ``Sitemap:`` lines (one
  written ``sitemap:``); the paged Google News sitemap ``/sitemap-news.xml?page=N`` (the
  last 48 hours, 25 a page, pages past the end empty); the ``/sitemap-gz.xml`` index of
  monthly ``Sitemap_Index_<Mon>_<YYYY>.xml.gz`` files (``<loc>``/``<lastmod>`` only; one
  month corrupt gzip, one 404); RSS ``/rss/news-releases-list.rss`` and a topic feed
  (ETag); the paged list ``/news-releases/news-releases-list/?page=N&pagesize=25`` whose
  cards show "07:00 ET" for today and "Sep 25, 2026, 16:10 ET" before, whose pagination
  prints five page numbers ("« 1 2 3 4 5 »") and whose pages past the end repeat the
  last page (the real cap at page 99).
* Traps: an Akamai 403 block page and a 429 with ``Retry-After`` on listed URLs, a
  release whose first request gets a 429, a withdrawn release (404), company newsroom
  pages ``/news/<company>/`` and topic lists linked from every card.

Truth: ``source`` is the company in the ``SOURCE`` line; ``dateline`` is
``NEW YORK, Nov. 26, 2026 /PRNewswire/``; the body is the release from the dateline to
the last paragraph before the media contact (contacts, ``SOURCE`` and promos excluded,
"About" and forward-looking statements kept); ``modified_at`` is the JSON-LD
``dateModified`` of the 2023 template (equal to the release time), null on older pages.
"""

from __future__ import annotations

import gzip
import json
import re
from datetime import datetime, timedelta
from email.utils import format_datetime
from functools import lru_cache
from urllib.parse import quote

from . import corpus
from .corpus import seed_for
from .press import (
    ET,
    SHORT_MONTHS,
    UTC,
    PressSite,
    Release,
    ap_date,
    cloudflare_email,
    e,
    is_list_item,
    iso_et,
    iso_z,
    snippet,
)
from .server import Response, redirect

WIRE = "prnewswire"
BASE = "https://www.prnewswire.com"
CANONICAL_BASE = "https://prnewswire.com"
ANCHORS = {  # (id, time) pairs from real releases, and ids a day
    "2023": (302478038, datetime(2025, 6, 10, 17, 39, tzinfo=UTC), 864),
    "legacy": (582695011, datetime(2016, 6, 13, 12, 0, tzinfo=UTC), 700),
    "2015": (300187911, datetime(2015, 12, 4, 8, 0, tzinfo=UTC), 700),
}
NEWS_SITEMAP_PAGE = 25
NEWS_SITEMAP_HOURS = 48
LIST_PAGE = 25
FEED_SIZE = 20
CORRUPT_MONTH, MISSING_MONTH = (2026, 9), (2016, 1)
"""The monthly sitemap whose gzip is corrupt, and the month listed but answering 404."""
TOPICS = ["financial-services", "consumer-technology", "health", "energy", "auto-transportation",
          "business-technology", "entertainment-media", "environment", "heavy-industry-manufacturing",
          "policy-public-interest", "retail", "travel"]
TOPIC_NAV = ["Dividends", "Earnings", "Earnings Forecasts & Projections", "Financing Agreements",
             "Mergers & Acquisitions", "Stock Offering", "Contracts", "Joint Ventures", "Licensing",
             "New Products & Services", "Product Launches", "Awards", "Conference Call Announcements",
             "Executive Changes", "Trade Show News", "Artificial Intelligence", "Cloud Computing",
             "Data Analytics", "Cybersecurity", "Semiconductors", "Banking & Financial Services",
             "Insurance", "Real Estate", "Oil & Energy", "Utilities", "Biotechnology", "Pharmaceuticals",
             "Medical Equipment", "Retail", "Restaurants", "Travel", "Automotive", "Aerospace & Defense"]


@lru_cache(maxsize=None)  # a page links dozens of stories by slug; each slug is made once
def slug_of(title: str) -> str:
    """PR Newswire's slug: ``"Drink Up, Collect 'Em All - Whataburger Releases"`` ->
    ``"drink-up-collect-em-all--whataburger-releases"`` (a lone dash leaves an empty word)."""
    words = [re.sub(r"[^a-z0-9-]", "", w.replace("'", "").replace("’", "")) for w in title.lower().split()]
    return "-".join("" if w == "-" else w for w in words)


@lru_cache(maxsize=1)
def _nav() -> str:
    """The topic menu every page carries (the same on all of them: built once)."""
    return "".join(f'<li><a href="/news-releases/{topic}-latest-news/{topic}-latest-news-list/">'
                   f'{e(topic.replace("-", " ").title())}</a><ul>'
                   + "".join(f'<li><a href="/news-releases/{topic}-latest-news/{topic}-latest-news-list/'
                             f'?category={slug_of(name)}">{e(name)}</a></li>' for name in TOPIC_NAV)
                   + "</ul></li>" for topic in TOPICS)


def _et_clock(moment: datetime, today: datetime) -> str:
    """A card's time: ``07:00 ET`` for today, ``Sep 25, 2026, 16:10 ET`` before."""
    local = moment.astimezone(ET)
    if local.date() == today.astimezone(ET).date():
        return f"{local:%H:%M} ET"
    return f"{SHORT_MONTHS[local.month - 1]} {local.day:02d}, {local.year}, {local:%H:%M} ET"


class PrnewswireSite(PressSite):
    """The www.prnewswire.com mirror (``prnewswire.com`` answers the same)."""

    wire = WIRE
    base = BASE
    canonical_base = CANONICAL_BASE
    hosts = ("www.prnewswire.com", "prnewswire.com")
    server_header = "Apache"

    # ------------------------------------------------------------------ plan

    def _plan(self, articles: int) -> list[Release]:
        rng = self.rng
        n2015, n2016 = max(2, articles // 20), max(3, articles // 12)
        n_summer = max(3, articles // 12)
        recent = articles - n2015 - n2016 - n_summer
        plan: list[tuple[datetime, str]] = []
        start = self.now - timedelta(seconds=rng.randrange(300, 1500))
        plan += [(t, "2023") for t in self.spread_times(recent, start, (1500, 5400))]
        summer = datetime(2026, 9, 30, 20, tzinfo=UTC)
        plan += [(t, "2023") for t in self.spread_times(n_summer, summer, (86400 * 3, 86400 * 20))]
        plan += [(t, "legacy") for t in self.spread_times(n2016, datetime(2016, 6, 20, 16, tzinfo=UTC),
                                                          (3600 * 5, 86400 * 2))]
        plan += [(t, "2015") for t in self.spread_times(n2015, datetime(2015, 12, 9, 16, tzinfo=UTC),
                                                        (3600 * 5, 86400 * 2))]
        releases: list[Release] = []
        last: dict[str, int] = {}
        for i, (moment, template) in enumerate(sorted(plan)):
            anchor_id, anchor_time, per_day = ANCHORS[template]
            days = (moment - anchor_time).total_seconds() / 86400
            release_id = max(anchor_id + round(days * per_day) + rng.randrange(-40, 40), last.get(template, 0) + 1)
            last[template] = release_id
            release = Release(release_id, moment, seed_for(self.seed, WIRE, "text", i), template,
                              moment.astimezone(ET).year)
            if template == "2023":
                if rng.random() < 0.5:
                    release.traps.add("gallery")
                if rng.random() < 0.25:
                    release.traps.add("cf_email")
            releases.append(release)
        recent_ones = [r for r in releases if r.published > self.now - timedelta(days=3)]
        recent_ones[-3].traps.add("heal_429")
        recent_ones[-5].traps.add("apac")
        recent_ones[-7].traps.add("utm")
        self.releases_planned = releases
        latest = [r for r in releases if r.template == "2023"]
        self.decoys = self.make_decoys({"akamai": latest[-2], "ratelimited": latest[-6], "withdrawn": latest[-9]})
        return releases

    # ------------------------------------------------------------------ URLs and text

    def url_of(self, release: Release) -> str:
        return f"{BASE}/news-releases/{slug_of(self.text(release).title)}-{release.id}.html"

    def _decoy_url(self, decoy_id: int) -> str:
        return f"{BASE}/news-releases/{slug_of(self.decoys[decoy_id][1])}-{decoy_id}.html"

    def dateline(self, release: Release) -> str:
        return f"{self.text(release).city}, {ap_date(release.published)} /PRNewswire/"

    def paragraphs(self, release: Release) -> list[str]:
        """The release as the truth holds it: dateline + lead, text, "About", statements."""
        text = self.text(release)
        paragraphs = list(text.paragraphs)
        paragraphs[0] = f"{self.dateline(release)} -- {paragraphs[0]}"
        if "cf_email" in release.traps:
            about = next(i for i, p in enumerate(paragraphs) if p.startswith("About ")) + 1
            paragraphs[about] += f" Investors can reach the company at {self._ir_email(release)}."
        return paragraphs

    def _ir_email(self, release: Release) -> str:
        return f"ir@{corpus._domain(self.text(release).company)}"

    def tags(self, release: Release) -> list[str]:
        """``meta[name=keywords]``: the issuer (2023 on); issuer, ticker and industries before."""
        text = self.text(release)
        if release.template == "2023":
            return [text.company]
        return [text.company, self.ticker(release), *text.keywords[1:], "New Products & Services"]

    def summary(self, release: Release) -> str:
        if release.template == "2023":  # after "/PRNewswire/ -- " in the description
            return snippet(self.text(release).paragraphs[0], 150)
        return snippet(self.paragraphs(release)[0], 200)

    def modified_at(self, release: Release) -> str | None:
        return iso_z(release.published) if release.template == "2023" else None

    # ------------------------------------------------------------------ routing

    def handle(self, path: str, query: dict[str, str]) -> Response:
        if path == "/robots.txt":
            return Response(body=ROBOTS.encode(), content_type="text/plain")
        if path in ("/", "/news-releases/"):
            return self._page("PR Newswire: news distribution, targeting and monitoring",
                              self._cards(self.newest_first()[:10]))
        if path == "/rss/news-releases-list.rss":
            return self._rss("News Releases List", self.newest_first()[:FEED_SIZE])
        if path == "/rss/financial-services-latest-news.rss":
            chosen = [r for r in self.newest_first() if r.id % 2 == 0][:FEED_SIZE]
            return self._rss("Financial Services Latest News", chosen)
        if path == "/sitemap-news.xml":
            return self._news_sitemap(query.get("page", "1"))
        if path == "/sitemap-gz.xml":
            return self.xml(self._sitemap_index())
        match = re.fullmatch(r"/Sitemap_Index_([A-Z][a-z]{2})_(\d{4})\.xml\.gz", path)
        if match:
            return self._monthly(match.group(1), int(match.group(2)))
        if path == "/news-releases/news-releases-list/":
            return self._listing(query)
        match = re.fullmatch(r"/(?:(apac|in|uk)/)?news-releases/([a-z0-9-]+)-(\d{8,10})\.html", path)
        if match:
            return self._release(int(match.group(3)), match.group(2), match.group(1))
        match = re.fullmatch(r"/news/([a-z0-9-]+)/", path)
        if match:
            return self._newsroom(match.group(1))
        match = re.fullmatch(r"/news-releases/([a-z-]+)-latest-news/\1-latest-news-list/", path)
        if match and match.group(1) in TOPICS:
            title = match.group(1).replace("-", " ").title()
            return self._page(f"{title} Latest News", self._cards(self.newest_first()[:8]))
        return self._not_found()

    def _release(self, release_id: int, slug: str, region: str | None) -> Response:
        if release_id in self.decoys:
            return self.decoy_response(release_id, self._decoy_url(release_id), self._not_found)
        release = self.by_id.get(release_id)
        if release is None:
            return self._not_found()
        canonical = self.url_of(release)
        if slug != canonical.rsplit("/", 1)[1].rsplit("-", 1)[0]:
            return redirect(canonical)
        return self.serve_release(release)

    def _not_found(self) -> Response:
        main = ('<div class="container error-page"><h1>Page Not Found</h1><p>The page you requested could not be '
                'found. It may have been removed or the address may be mistyped.</p><a href="/">PR Newswire home</a>'
                "</div>")
        return Response(404, self._page("Page Not Found | PR Newswire", main).body)

    # ------------------------------------------------------------------ discovery files

    def _rss(self, title: str, releases: list[Release]) -> Response:
        items = []
        for release in releases:
            link = self.url_of(release)
            if "utm" in release.traps:
                link += "?utm_source=rss&utm_medium=rss&utm_campaign=news-releases-list"
            text = self.text(release)
            items.append(f"""<item>
<title>{e(text.title)}</title>
<link>{e(link)}</link>
<guid>{e(link)}</guid>
<pubDate>{format_datetime(release.published.astimezone(UTC), usegmt=True)}</pubDate>
<dc:creator>{e(text.company)}</dc:creator>
<description>{e(self.paragraphs(release)[0][:300])}</description>
</item>""")
        body = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>PR Newswire: {e(title)}</title>
<link>{BASE}/</link>
<description>PR Newswire: {e(title)}</description>
<language>en-us</language>
<lastBuildDate>{format_datetime(self.now, usegmt=True)}</lastBuildDate>
{chr(10).join(items)}
</channel>
</rss>
"""
        etag = f'"{seed_for(self.seed, title, releases[0].id if releases else 0) % 16**12:012x}"'
        return self.xml(body, "application/rss+xml; charset=UTF-8", ETag=etag)

    def _news_sitemap(self, raw_page: str) -> Response:
        page = int(raw_page) if raw_page.isdigit() and int(raw_page) > 0 else 1
        fresh = [r for r in self.newest_first() if r.published > self.now - timedelta(hours=NEWS_SITEMAP_HOURS)]
        chunk = fresh[(page - 1) * NEWS_SITEMAP_PAGE: page * NEWS_SITEMAP_PAGE]
        entries = []
        for release in chunk:
            text = self.text(release)
            entries.append(f"""<url><loc>{e(self.url_of(release))}</loc><news:news><news:publication><news:name>PR Newswire</news:name><news:language>en</news:language></news:publication><news:publication_date>{iso_et(release.published)}</news:publication_date><news:title>{e(text.title)}</news:title><news:keywords>{e(text.company)}</news:keywords></news:news></url>""")
        return self.xml('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/'
                         'sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n'
                         + "\n".join(entries) + "\n</urlset>\n")

    def _months(self) -> list[tuple[int, int]]:
        months = set(self.by_month()) | {CORRUPT_MONTH, MISSING_MONTH}
        return sorted(months, reverse=True)

    def _sitemap_index(self) -> str:
        rows = []
        for year, month in self._months():
            name = f"Sitemap_Index_{SHORT_MONTHS[month - 1]}_{year}.xml.gz"
            newest = self.by_month().get((year, month))
            last = newest[0].published if newest else datetime(year, month, 28, tzinfo=UTC)
            rows.append(f"<sitemap><loc>{BASE}/{name}</loc><lastmod>{last:%Y-%m-%d}</lastmod></sitemap>")
        return ('<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/'
                'sitemap/0.9">\n' + "\n".join(rows) + "\n</sitemapindex>\n")

    def _monthly(self, month_name: str, year: int) -> Response:
        if month_name not in SHORT_MONTHS:
            return self._not_found()
        month = SHORT_MONTHS.index(month_name) + 1
        if (year, month) == MISSING_MONTH:
            return self._not_found()
        rows = [f"<url><loc>{e(self.url_of(r))}</loc><lastmod>{r.published:%Y-%m-%d}</lastmod></url>"
                for r in self.by_month().get((year, month), [])]
        data = gzip.compress(('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/'
                              'schemas/sitemap/0.9">\n' + "\n".join(rows) + "\n</urlset>\n").encode(), mtime=0)
        if (year, month) == CORRUPT_MONTH:  # a month whose archive fails to gunzip
            data = data[:10] + bytes(b ^ 0x5A for b in data[10:40]) + data[40:len(data) // 2]
        return Response(body=data, content_type="application/x-gzip")

    # ------------------------------------------------------------------ listing pages

    def _entries(self) -> list[tuple[str, str, datetime, str]]:
        """(url, title, time, snippet) of every listed item, newest first, decoys included.
        Built once: every listing page reads it."""
        if self._entries_rows is not None:
            return self._entries_rows
        rows = []
        for release in self.newest_first():
            url = self.url_of(release)
            if "apac" in release.traps:
                url = url.replace("/news-releases/", "/apac/news-releases/")
            text = self.text(release)
            rows.append((url, text.title, release.published, snippet(text.paragraphs[0], 160)))
        for decoy_id, (_kind, title, moment) in self.decoys.items():
            rows.append((self._decoy_url(decoy_id), title, moment, ""))
        self._entries_rows = sorted(rows, key=lambda row: row[2], reverse=True)
        return self._entries_rows

    def _cards(self, releases_or_rows) -> str:
        cards = []
        for row in releases_or_rows:
            if isinstance(row, Release):
                row = (self.url_of(row), self.text(row).title, row.published, "")
            url, title, moment, teaser = row
            company = slug_of(title.split(" ")[0])
            cards.append(f"""<div class="card col-view">
<a class="newsreleaseconsolidatelink display-outline w-100" href="{e(url.replace(BASE, ''))}">
<div class="col-sm-12 card-list card-list-hr"><h3><small>{_et_clock(moment, self.now)}</small> {e(title)}</h3>
<p class="remove-outline">{e(teaser)}</p></div></a>
<p class="more-news">More news about: <a href="/news/{company}/">{e(title.split(" ")[0])}</a></p>
</div>""")
        return '<div class="row newsCards" lang="en-US">\n' + "\n".join(cards) + "\n</div>"

    def _listing(self, query: dict[str, str]) -> Response:
        size = int(query.get("pagesize", "25")) if query.get("pagesize", "25") in ("25", "50", "100") else LIST_PAGE
        entries = self._entries()
        pages = max(1, -(-len(entries) // size))
        raw = query.get("page", "1")
        page = min(int(raw), pages) if raw.isdigit() and int(raw) > 0 else 1  # past the end: the last page again
        nav = ['<nav aria-label="pagination"><ul class="pagination">']
        if page > 1:
            nav.append(f'<li><a aria-label="Previous" href="?page={page - 1}&amp;pagesize={size}">«</a></li>')
        # Five page numbers around this one, as the real list prints them
        # ("« 1 2 3 4 5 »" on page 1), however many pages the list has.
        first_number = max(1, min(page - 2, pages - 4))
        nav += [f'<li{" class=active" if n == page else ""}><a href="?page={n}&amp;pagesize={size}">{n}</a></li>'
                for n in range(first_number, min(pages, first_number + 4) + 1)]
        if page < pages:
            nav.append(f'<li><a aria-label="Next" href="?page={page + 1}&amp;pagesize={size}">»</a></li>')
        nav.append("</ul></nav>")
        main = ("<h1>News Releases List</h1>" + self._cards(entries[(page - 1) * size: page * size]) + "".join(nav))
        return self._page("News Releases List | PR Newswire", main)

    def _newsroom(self, company: str) -> Response:
        mine = [r for r in self.newest_first() if slug_of(self.text(r).title.split(" ")[0]) == company][:10]
        return self._page(f"{company} News | PR Newswire", f"<h1>{e(company)}</h1>" + self._cards(mine))

    # ------------------------------------------------------------------ pages

    def _page(self, title: str, main: str, head: str = "", lang: str = "en-US") -> Response:
        return Response(body=self.chrome(title, main, head, lang).encode("utf-8"))

    def chrome(self, title: str, main: str, head: str = "", lang: str = "en-US") -> str:
        nav = _nav()
        return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8"/>
<meta content="IE=edge,chrome=1" http-equiv="X-UA-Compatible"/>
<meta name="viewport" content="width=device-width, initial-scale=1"/>
<title>{e(title)}</title>
{head}
<script src="https://code.jquery.com/jquery-3.5.0.min.js"></script>
</head>
<body>
<header class="prn-header"><a class="logo" href="/"><img src="/content/dam/prnewswire/homepage/prn_cision_logo_desktop.png" alt="Cision PR Newswire"/></a>
<nav class="main-nav"><ul class="nav-topics">{nav}</ul>
<a href="/contact-us/">Contact Us</a> <a href="/account/online-membership-form/">Send a Release</a></nav></header>
<div class="main-content">{main}</div>
<footer class="prn-footer"><div class="row"><h3>Contact PR Newswire</h3><p>Call 888-776-0942 from 8 AM - 10 PM ET</p>
<ul><li><a href="/about-us/">About PR Newswire</a></li><li><a href="/terms-of-use/">Terms of Use</a></li><li><a href="/privacy/">Privacy</a></li></ul>
<p>Copyright © {self.now.year} Cision US Inc.</p></div></footer>
</body>
</html>
"""

    def article_page(self, release: Release) -> str:
        render = {"2023": self._page_2023, "legacy": self._page_legacy, "2015": self._page_2015}
        return render[release.template](release)

    def _release_html(self, release: Release, paragraph: str, bullets: bool = True) -> list[str]:
        """The release paragraphs after the lead as HTML blocks (highlights as a list,
        "About" headings bold), with the obfuscated investor address where present."""
        text = self.text(release)
        body = self.paragraphs(release)[1:]
        blocks, items = [], []
        for p in body:
            if bullets and is_list_item(p):
                items.append(f"<li>{e(p)}</li>")
                continue
            if items:
                blocks.append('<ul type="disc">' + "".join(items) + "</ul>")
                items = []
            html_p = e(p)
            if "cf_email" in release.traps and self._ir_email(release) in p:
                html_p = html_p.replace(e(self._ir_email(release)), cloudflare_email(self._ir_email(release),
                                                                                     release.id % 200 + 17))
            if p in (f"About {text.company}", "Forward-Looking Statements"):
                html_p = f"<b>{html_p}</b>"
            blocks.append(paragraph.format(html_p))
        if items:
            blocks.append('<ul type="disc">' + "".join(items) + "</ul>")
        return blocks

    def _contact_html(self, release: Release, cloudflare: bool) -> str:
        heading, name, mail, phone = self.text(release).contact
        address = cloudflare_email(mail, release.id % 97 + 3) if cloudflare else f'<a href="mailto:{mail}">{mail}</a>'
        return f'<p><b>{e(heading)}<br class="dnr"/></b>{e(name)}<br class="dnr"/>{address}<br class="dnr"/>{e(phone)}</p>'

    def _lead_html(self, release: Release, ticker_links: bool) -> str:
        text = self.text(release)
        lead = e(text.paragraphs[0])
        if ticker_links:
            exchange, symbol = text.ticker
            lead = lead.replace(f"({e(exchange)}: {symbol})",
                                f'({e(exchange)}: <a class="ticket-symbol" data-toggle="modal" '
                                f'href="#financial-modal">{symbol}</a>)', 1)
        city = e(text.city).split(",", 1)
        place = f'<span class="xn-location">{city[0]}</span>' + (f",{city[1]}" if len(city) > 1 else "")
        return f'{place}, <span class="xn-chron">{ap_date(release.published)}</span> /PRNewswire/ -- {lead}'

    def _head(self, release: Release, description: str, jsonld: bool, date_value: str) -> str:
        text = self.text(release)
        url = self.url_of(release)
        keywords = e(", ".join(self.tags(release)))
        parts = [f'<meta name="description" content="{e(description)}"/>',
                 '<meta itemprop="inLanguage" http-equiv="Content-Language" content="en-US"/>',
                 f'<meta name="author" content="{e(text.company)}"/>',
                 '<meta name="Publisher" content="Cision PR Newswire"/>',
                 f'<meta name="geo.placename" content="{e(text.city)}, {ap_date(release.published)}"/>',
                 f'<meta name="date" content="{date_value}"/>',
                 f'<meta itemprop="keywords" content="{keywords}"/>', f'<meta name="keywords" content="{keywords}"/>',
                 '<meta name="twitter:site" content="@PRNewswire"/>',
                 f'<meta property="og:title" content="{e(text.title)}"/>',
                 f'<meta property="og:type" content="{"articles" if jsonld else "website"}"/>',
                 f'<meta property="og:description" content="{e(description)}"/>',
                 f'<meta property="og:url" content="{e(url)}"/>',
                 f'<link rel="canonical" href="{e(url)}"/>']
        if jsonld:
            parts.append(f"""<script type="application/ld+json">
{{"@context": "https://schema.org", "@type": "NewsArticle", "mainEntityOfPage": {{"@id": "{url}"}},
 "headline": {_json(text.title)}, "image": ["https://mma.prnewswire.com/media/{release.id % 9999999}/{quote(text.company.split()[0])}_Logo.jpg?p=facebook"],
 "datePublished": "{iso_et(release.published)}", "dateModified": "{iso_et(release.published)}",
 "description": {_json(description)},
 "publisher": {{"@type": "Organization", "name": "Cision PR Newswire", "logo": {{"@type": "ImageObject", "url": "https://www.prnewswire.com/content/dam/prnewswire/homepage/prn_cision_logo_desktop.png"}}}}}}
</script>""")
        return "\n".join(parts)

    def _page_2023(self, release: Release) -> str:
        text = self.text(release)
        local = release.local
        head = self._head(release, f"/PRNewswire/ -- {self.summary(release)}", True, iso_et(release.published))
        blocks = self._release_html(release, "<p>{}</p>")
        gallery = ""
        if "gallery" in release.traps:
            caption = f"{text.company} logo (PRNewsfoto/{text.company})"
            gallery = f"""<div class="pull-right inline-gallery-container col-md-8 col-sm-7 col-xs-12"><div class="gallery inline-gallery"><div class="row"><div class="col-sm-12 clearfix">
<figure><div class="image lightbox-item" data-sub-html="{e(caption)}"><a href="#" class="tabfocus" role="button"><img title="{e(caption)}" alt="{e(caption)}" class="gallery-thumb img-responsive" loading="lazy"/></a></div>
<figcaption>
        {e(caption)}
      </figcaption></figure>
<!-- if video/audio/not yotube -->
</div></div></div></div>"""
        continue_reading = """<div class="continue-reading text-center mt-xl visible-xs-block"><span><a class="smooth-scroll" href="#continue-jump">Continue Reading
<br/><i class="btr bt-angle-down mt-md"></i></a></span></div>"""
        body = (f"<p>{self._lead_html(release, True)}</p>" + "".join(blocks[:1]) + continue_reading + gallery
                + '<p id="continue-jump">\n</p>' + "".join(blocks[1:]) + self._contact_html(release, True)
                + f"<p>SOURCE {e(text.company)}</p>"
                + f'<img alt="" src="https://rt.prnewswire.com/rt.gif?NewsItemId={release.id}&amp;DateId={local:%Y%m%d}" style="border:0px; width:1px; height:1px;">')
        company_slug = slug_of(text.company.split(" ")[0])
        main = f"""<article class="news-release inline-gallery-template">
<header class="container release-header"><div class="row"><div class="col-sm-12"><div class="row detail-headline"><div class="col-sm-8 col-vcenter col-xs-12 ">
<h1>{e(text.title)}
					</h1></div></div></div></div>
<div class="row"><div class="col-lg-8 col-md-8 col-sm-7 swaping-class-left">
<h2 class="meta">News provided by</h2>
<a href="/news/{company_slug}/"><strong>{e(text.company)}
<span aria-hidden="true" class="btb bt-long-arrow-right"></span></strong></a>
<p class="mb-no">{SHORT_MONTHS[local.month - 1]} {local.day:02d}, {local.year}, {local:%H:%M} ET</p></div>
<div class="col-lg-4 col-md-4 col-sm-5 swaping-class-right"><div class="social-share-circle pull-right hidden-xs"><h2 class="meta text-uppercase mb-s">Share this article</h2></div></div></div>
<div class="modal fade modal-bottom social-share-mobile" id="social-share-mobile" tabindex="-1" role="dialog"><div class="modal-dialog" role="document"><div class="modal-content"><div class="col-sm-10 col-sm-offset-1 modal-body"><p class="meta text-uppercase mb-s">Share this article</p><ul class="list-unstyled"><li>Facebook</li><li>X</li><li>LinkedIn</li><li>WhatsApp</li><li>Pinterest</li></ul></div></div></div></div>
</header>
<section class="release-body container ">
<div class="row"><div class="col-lg-10 col-lg-offset-1">
{body}
</div></div>
<div class="row"><div class="col-sm-10 col-sm-offset-1">
<div class="newsFeaturedSection "><div class="newsFeaturedWrap"><div class="newsFeaturedHeading"><h2>WANT YOUR COMPANY'S NEWS <span>FEATURED ON PRNEWSWIRE.COM?</span></h2></div>
<div class="newFeaturedIcon"><div class="featuredIcon-col"><div class="icon-text">440k+<br />
Newsrooms &amp;<br />
Influencers</div></div><div class="featuredIcon-col"><div class="icon-text">9k+<br />
Digital Media<br />
Outlets</div></div><div class="featuredIcon-col"><div class="icon-text">270k+<br />
Journalists<br />
Opted In</div></div></div>
<div class="bottom-section"><a href="/account/online-membership-form/?site_refer=press-release-widget" class="btnCustom">GET STARTED</a></div></div></div>
</div></div>
</section>
<div class="modal fade" id="financial-modal" tabindex="-1" role="dialog"><div class="modal-dialog" role="document"><div class="modal-content" id="stock-modal-content"><div class="modal-header"><h3 class="modal-title">Modal title</h3></div></div></div></div>
</article>
<div class="row releaseList-section"><h3>More news from {e(text.company)}</h3>{self._cards(self.newest_first()[:3])}</div>"""
        return self.chrome(text.title, main, head)

    def _page_legacy(self, release: Release) -> str:
        text = self.text(release)
        head = self._head(release, snippet(self.paragraphs(release)[0], 200), False, iso_z(release.published))
        blocks = self._release_html(release, '<p itemprop="articleBody">{}</p>')
        logo = (f'<p itemprop="articleBody">&#160;&#160;&#160;&#160; (Logo: <a class="linkOnClick" href="javascript:void(0)" '
                f'rel="nofollow">http://photos.prnewswire.com/prnh/{release.local:%Y%m%d}/{release.id % 999999}LOGO</a> )<br/>\n</p>')
        city = e(text.city)
        body = (f'<p itemprop="articleBody"><span class="xn-location" itemprop="contentLocation">{city}</span>, '
                f'<span class="xn-chron">{ap_date(release.published)}</span> /PRNewswire/ --</p>\n'
                f'<p itemprop="articleBody">{e(text.paragraphs[0])}</p>\n{logo}\n' + "\n".join(blocks)
                + self._contact_html(release, False).replace("<p>", '<p itemprop="articleBody">', 1)
                + f'\n<p itemprop="articleBody">SOURCE {e(text.company)}</p>')
        main = f"""<article class="news-release legacy-template">
<header class="release-header"><h1>{e(text.title)}</h1>
<p class="meta">News provided by <a href="/news/{slug_of(text.company.split()[0])}/">{e(text.company)}</a></p>
<p class="mb-no">{SHORT_MONTHS[release.local.month - 1]} {release.local.day:02d}, {release.local.year}, {release.local:%H:%M} ET</p></header>
<div class="row">
     <div class="col-sm-12 release-body legacy-list">
{body}
</div></div>
</article>"""
        return self.chrome(text.title, main, head)

    def _page_2015(self, release: Release) -> str:
        text = self.text(release)
        head = self._head(release, snippet(self.paragraphs(release)[0], 200), False, iso_z(release.published))
        stamp = iso_z(release.published + timedelta(days=13, hours=12, minutes=15))  # a page timestamp, not the release
        head += f'\n<meta itemprop="datePublished" content="{stamp}"/>'
        paragraphs = [self._lead_html(release, False)] + self._release_html(release, "{}", bullets=False)
        body = "".join(f"<!-- Paragraph before: {p}</p>\n-->\n<!-- Paragraph After: {p}</p>\n-->\n"
                       f'<p itemprop="articleBody">{p}</p>\n' for p in paragraphs)
        subtitle = e(text.paragraphs[1].split(". ")[0].rstrip("."))
        main = f"""<div class="row"><div class="col-sm-9">
<div class="flexslider"><ul class="slides"><li><!-- itemType: image --><img src="http://photos.prnewswire.com/prn/{release.local:%Y%m%d}/{release.id % 99999}LOGO" alt="{e(text.company)}"/>
<div class="flex-caption">{e(text.company)}</div></li></ul></div>
<h1>{e(text.title)} <small>{subtitle}</small></h1>
<span>
{body}
<p></p> <p>SOURCE  {e(text.company)}</p></span> <br/><br/> RELATED LINKS<br/>
<a title="Link to http://www.{corpus._domain(text.company)}" href="http://www.{corpus._domain(text.company)}" rel="nofollow">http://www.{corpus._domain(text.company)}</a><br />
</div></div>"""
        title = f"{text.title} -- {text.city}, {ap_date(release.published)} /PRNewswire/ --"
        return self.chrome(title, main, head)


def _json(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


ROBOTS = """User-agent: *
Disallow: /search/
Disallow: /account/
Disallow: /rss/preview/

sitemap: https://www.prnewswire.com/sitemap-news.xml
Sitemap: https://www.prnewswire.com/sitemap-gz.xml
"""
