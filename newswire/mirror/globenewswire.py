"""Mirror of GlobeNewswire (www.globenewswire.com, sitemaps.globenewswire.com).

What it reproduces (research notes §4, the real page in ``wire-pages/globenewswire``):

* Release URLs ``/news-release/YYYY/MM/DD/<7-digit id>/<0 or org id>/<lang>/<Slug>.html``
  with the Eastern date of the release; ids grow at the real rate (2992083 on
  2024-12-05, 3115972 on 2025-07-15: ~558 a day). Slugs keep the headline's case, drop
  punctuation, turn apostrophes into dashes (``Alzheimer-s``), keep accents
  percent-encoded (``r%C3%A9sultats``) and stop at 150 characters. One release exists in
  English and French (two ids, same issuer). A wrong slug answers 301.
* Two page generations: ``2023`` modelled on the real page (two ``<h1>``, the first
  empty; ``div#main-body-container`` with a trailing space in its class; "April 06, 2016
  12:00 ET | Source: Segment" with ``time[datetime]`` in UTC; ``og:article:published_time``
  in US format; ``<meta name="ticker">``; JSON-LD with capitalised ``Headline`` and the
  issuer as a ``Person`` author; "Contact Information:" and ``div.mw-contact`` inside the
  body container) and ``legacy`` (``span.article-body``, date and source as text, an empty
  ticker meta).
* Discovery as the real site offers it: the sitemap indexes
  ``sitemaps.globenewswire.com/news-en.xml`` and ``news-fr.xml`` on their own host, with
  monthly ``/news/<lang>/YYYY-MM.xml`` (Google News fields: title, publication date with
  offset, keywords, ``news:stock_tickers``; no ``<lastmod>`` on some entries) and a
  rolling ``latest.xml`` (with a UTF-8 BOM); RSS ``/RssFeed/subjectcode/72-Press+Releases/...``
  whose items carry tickers as ``<category domain=".../rss/stock">``, a second RSS feed
  that is malformed XML, and an Atom feed; the paged ``/NewsRoom?page=N&pageSize=10`` whose
  pages past the end re-serve the last page (with a "next" link) — only "nothing new"
  stops a crawler there. ``robots.txt`` names no sitemap (they live on the other host).
* Traps: an Akamai 403, a 200 "verify you are human" captcha page and a 429 with
  ``Retry-After`` on listed URLs; one release whose first request gets a 429; datelines
  with doubled spaces (``HOUSTON, April  01, 2024  (GLOBE NEWSWIRE) --``); organisation
  search pages linked from every listing item.

Truth: ``source`` is the "Source:" organisation (the issuer); ``dateline`` is
``TORONTO, Nov. 26, 2026 (GLOBE NEWSWIRE)`` (``26 nov. 2026`` in French); the body runs
from the dateline to the last paragraph before the contact block; ``modified_at`` is
null (the page only gives a date without time); ``tickers`` are the issuer's.
"""

from __future__ import annotations

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
    UTC,
    PressSite,
    Release,
    ap_date,
    e,
    is_list_item,
    iso_et,
    iso_z,
    snippet,
)
from .server import Response, redirect

WIRE = "globenewswire"
BASE = "https://www.globenewswire.com"
SITEMAPS = "https://sitemaps.globenewswire.com"
ANCHOR = (3115972, datetime(2025, 7, 15, 13, 0, tzinfo=UTC), 558)
ORG_IDS = (28124, 10561, 31987)
"""Organisation segments of releases distributed for a reseller (Research and Markets-like)."""
PAGE_SIZE = 10
FEED_SIZE = 20
LATEST_SIZE = 20
SLUG_LIMIT = 150
FR_MONTHS = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juill.", "août", "sept.", "oct.", "nov.", "déc."]
LONG_MONTHS = corpus.MONTHS
PRESS_RSS = "/RssFeed/subjectcode/72-Press+Releases/feedTitle/GlobeNewswire+-+Press+Releases"
PUBLIC_RSS = "/RssFeed/orgclass/1/feedTitle/GlobeNewswire+-+News+about+Public+Companies"
ATOM = "/Atom/search/aW5kdXN0cnk9dGVjaG5vbG9neQ"


@lru_cache(maxsize=None)  # a page links dozens of stories by slug; each slug is made once
def slug_of(title: str) -> str:
    """``"Zscaler Finds Over 87% of Cyberthreats"`` -> ``"Zscaler-Finds-Over-87-of-Cyberthreats"``;
    ``"Alzheimer's"`` -> ``"Alzheimer-s"``; accents kept; at most 150 characters."""
    text = re.sub(r"['’]", " ", title)
    words = [re.sub(r"[^\w-]", "", w) for w in text.split()]
    return "-".join(w for w in words if w.strip("-"))[:SLUG_LIMIT].rstrip("-")


def visible_date(moment: datetime) -> str:
    """``April 06, 2016 12:00 ET``."""
    local = moment.astimezone(ET)
    return f"{LONG_MONTHS[local.month - 1]} {local.day:02d}, {local.year} {local:%H:%M} ET"


class GlobenewswireSite(PressSite):
    """The globenewswire.com mirror, sitemap host included."""

    wire = WIRE
    base = BASE
    canonical_base = "https://globenewswire.com"
    hosts = ("www.globenewswire.com", "globenewswire.com", "sitemaps.globenewswire.com")
    server_header = "Microsoft-IIS/10.0"

    # ------------------------------------------------------------------ plan

    def _plan(self, articles: int) -> list[Release]:
        rng = self.rng
        n_summer = max(3, articles // 10)
        start = self.now - timedelta(seconds=rng.randrange(300, 1500))
        plan = self.spread_times(articles - n_summer - 1, start, (1200, 5400))
        plan += self.spread_times(n_summer, datetime(2026, 7, 30, 20, tzinfo=UTC), (86400 * 2, 86400 * 6))
        releases: list[Release] = []
        previous = 0
        for i, moment in enumerate(sorted(plan)):
            days = (moment - ANCHOR[1]).total_seconds() / 86400
            release_id = max(ANCHOR[0] + round(days * ANCHOR[2]) + rng.randrange(-25, 25), previous + 2)
            previous = release_id
            release = Release(release_id, moment, seed_for(self.seed, WIRE, "text", i),
                              "legacy" if rng.random() < 0.3 else "2023", moment.astimezone(ET).year)
            if rng.random() < 0.15:
                release.org = rng.choice(ORG_IDS)
            if rng.random() < 0.2:
                release.traps.add("odd_spacing")
            if rng.random() < 0.5:
                release.traps.add("mw_contact")
            if rng.random() < 0.3:
                release.traps.add("attachments")
            releases.append(release)
        recent = [r for r in releases if r.published > self.now - timedelta(days=2)]
        english = recent[-4]
        french = Release(english.id + 1, english.published, english.seed, english.template, english.year, "fr",
                         set(english.traps), english.org)
        releases.append(french)
        recent[-2].traps.add("heal_429")
        self.releases_planned = releases
        english = [r for r in releases if r.language == "en"]
        self.decoys = self.make_decoys({"akamai": english[-3], "captcha": english[-8], "ratelimited": english[-12]})
        return releases

    # ------------------------------------------------------------------ URLs and text

    def _url(self, release_id: int, moment: datetime, org: int, lang: str, title: str) -> str:
        return (f"{BASE}/news-release/{moment.astimezone(ET):%Y/%m/%d}/{release_id}/{org}/{lang}/"
                f"{quote(slug_of(title), safe='-')}.html")

    def url_of(self, release: Release) -> str:
        return self._url(release.id, release.published, release.org, release.language, self.text(release).title)

    def _decoy_url(self, decoy_id: int) -> str:
        _kind, title, moment = self.decoys[decoy_id]
        return self._url(decoy_id, moment, 0, "en", title)

    def dateline(self, release: Release) -> str:
        city = self.text(release).city
        if release.language == "fr":
            local = release.local
            return f"{city}, {local.day:02d} {FR_MONTHS[local.month - 1]} {local.year} (GLOBE NEWSWIRE)"
        return f"{city}, {ap_date(release.published, pad=True)} (GLOBE NEWSWIRE)"

    def paragraphs(self, release: Release) -> list[str]:
        paragraphs = list(self.text(release).paragraphs)
        paragraphs[0] = f"{self.dateline(release)} -- {paragraphs[0]}"
        return paragraphs

    # ------------------------------------------------------------------ routing

    def handle(self, path: str, query: dict[str, str]) -> Response:
        if path == "/robots.txt":
            return Response(body=ROBOTS.encode(), content_type="text/plain")
        match = re.fullmatch(r"/news-(en|fr)\.xml", path)
        if match:
            return self.xml(self._sitemap_index(match.group(1)))
        match = re.fullmatch(r"/news/(en|fr)/(\d{4})-(\d\d)\.xml", path)
        if match:
            lang, year, month = match.group(1), int(match.group(2)), int(match.group(3))
            chosen = self.by_month(lang).get((year, month), [])
            return self.xml(self._news_sitemap(chosen, lastmod_every=3)) if chosen else self._not_found()
        match = re.fullmatch(r"/news/(en|fr)/latest\.xml", path)
        if match:
            return self.xml("\ufeff" + self._news_sitemap(self._by_lang(match.group(1))[:LATEST_SIZE]))
        if path == PRESS_RSS:
            return self._rss("Press Releases", [r for r in self._by_lang("en")][:FEED_SIZE])
        if path == PUBLIC_RSS:  # a template bug: an unescaped "&" and the document cut short
            feed = self._rss("News about Public Companies", self._by_lang("en")[:8]).body.decode()
            feed = feed.replace("Press Releases &amp; News", "Press Releases & News")
            return self.xml(feed[: len(feed) * 2 // 3], "application/rss+xml; charset=utf-8")
        if path == ATOM:
            return self._atom(self._by_lang("en")[:10])
        if path.lower() in ("/newsroom", "/en/newsroom"):
            return self._newsroom(query)
        match = re.fullmatch(r"/news-release/(\d{4})/(\d\d)/(\d\d)/(\d+)/(\d+)/(en|fr)/(.+)\.html", path)
        if match:
            return self._release(int(match.group(4)), match.group(7))
        match = re.fullmatch(r"/en/search/organization/(.+)", path)
        if match:
            return self._page("Organization search", f"<h1>{e(match.group(1))}</h1><p>Press releases by this "
                              "organization.</p>" + self._items(self.newest_first()[:5]))
        if path == "/":
            return self._page("GlobeNewswire", self._items(self.newest_first()[:10]))
        return self._not_found()

    def _by_lang(self, lang: str) -> list[Release]:
        if lang not in self._lang_rows:  # built once: sitemaps, feeds and listings all read it
            self._lang_rows[lang] = [r for r in self.newest_first() if r.language == lang]
        return self._lang_rows[lang]

    def _release(self, release_id: int, slug: str) -> Response:
        if release_id in self.decoys:
            return self.decoy_response(release_id, self._decoy_url(release_id), self._not_found)
        release = self.by_id.get(release_id)
        if release is None:
            return self._not_found()
        if quote(slug, safe="-") != self.url_of(release).rsplit("/", 1)[1].removesuffix(".html"):
            return redirect(self.url_of(release))
        return self.serve_release(release)

    def _not_found(self) -> Response:
        main = '<div class="error-page"><h1>404</h1><p>The page you are looking for cannot be found.</p></div>'
        return Response(404, self.chrome("Page not found", main).encode())

    def _page(self, title: str, main: str) -> Response:
        return Response(body=self.chrome(title, main).encode("utf-8"))

    # ------------------------------------------------------------------ discovery files

    def _sitemap_index(self, lang: str) -> str:
        rows = [f"<sitemap><loc>{SITEMAPS}/news/{lang}/latest.xml</loc><lastmod>{iso_z(self.now)}</lastmod></sitemap>"]
        for (year, month), newest in sorted(self.by_month(lang).items(), reverse=True):
            last = newest[0].published
            rows.append(f"<sitemap><loc>{SITEMAPS}/news/{lang}/{year}-{month:02d}.xml</loc>"
                        f"<lastmod>{iso_z(last)}</lastmod></sitemap>")
        return ('<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/'
                'sitemap/0.9">\n' + "\n".join(rows) + "\n</sitemapindex>\n")

    def _news_sitemap(self, releases: list[Release], lastmod_every: int = 0) -> str:
        rows = []
        for n, release in enumerate(releases):
            text = self.text(release)
            lastmod = "" if lastmod_every and n % lastmod_every == 1 else f"<lastmod>{iso_z(release.published)}</lastmod>"
            rows.append(f"""<url><loc>{e(self.url_of(release))}</loc>{lastmod}<news:news><news:publication><news:name>GlobeNewswire</news:name><news:language>{release.language}</news:language></news:publication><news:publication_date>{iso_et(release.published)}</news:publication_date><news:title>{e(text.title)}</news:title><news:keywords>{e(", ".join(text.keywords))}</news:keywords><news:stock_tickers>{self.ticker(release)}</news:stock_tickers></news:news></url>""")
        return ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
                'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n' + "\n".join(rows) + "\n</urlset>\n")

    def _rss(self, title: str, releases: list[Release]) -> Response:
        items = []
        for release in releases:
            text = self.text(release)
            link = self.url_of(release)
            items.append(f"""<item>
<guid isPermaLink="true">{e(link)}</guid>
<link>{e(link)}</link>
<title>{e(text.title)}</title>
<description>{e(snippet(self.paragraphs(release)[0], 200))}</description>
<pubDate>{format_datetime(release.published.astimezone(UTC), usegmt=True)}</pubDate>
<dc:contributor>{e(text.company)}</dc:contributor>
<category domain="https://www.globenewswire.com/rss/stock">{self.ticker(release)}</category>
<category domain="https://www.globenewswire.com/rss/keyword">{e(text.keywords[-1])}</category>
<dc:identifier>{release.id}</dc:identifier>
<dc:language>{release.language}</dc:language>
</item>""")
        body = f"""<?xml version="1.0" encoding="utf-8"?>
<rss xmlns:dc="http://purl.org/dc/elements/1.1/" version="2.0">
<channel>
<title>GlobeNewswire - {e(title)}</title>
<link>{BASE}/</link>
<description>Press Releases &amp; News from GlobeNewswire</description>
<language>en</language>
<lastBuildDate>{format_datetime(self.now, usegmt=True)}</lastBuildDate>
{chr(10).join(items)}
</channel>
</rss>
"""
        return self.xml(body, "application/rss+xml; charset=utf-8")

    def _atom(self, releases: list[Release]) -> Response:
        entries = "\n".join(f"""<entry><id>{e(self.url_of(r))}</id><title type="text">{e(self.text(r).title)}</title>
<updated>{iso_z(r.published)}</updated><author><name>{e(self.text(r).company)}</name></author>
<link href="{e(self.url_of(r))}"/><summary type="text">{e(snippet(self.paragraphs(r)[0], 200))}</summary></entry>"""
                            for r in releases)
        body = (f'<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n'
                f'<title type="text">GlobeNewswire - Technology</title><id>{BASE}{ATOM}</id>'
                f'<updated>{iso_z(self.now)}</updated>\n{entries}\n</feed>\n')
        return self.xml(body, "application/atom+xml; charset=utf-8")

    # ------------------------------------------------------------------ listing pages

    def _items(self, rows) -> str:
        out = []
        for row in rows:
            if isinstance(row, Release):
                row = (self.url_of(row), self.text(row).title, row.published, self.text(row).company)
            url, title, moment, org = row
            out.append(f"""<li class="row"><div class="mainLink"><a href="{e(url.replace(BASE, ''))}">{e(title)}</a></div>
<div class="pagging-list-item-text-container"><span class="dt-green">{visible_date(moment)}</span>
<span class="sourceLink"><a href="/en/search/organization/{quote(org.replace(' ', '-'))}">{e(org)}</a></span></div></li>""")
        return '<ul class="pagging-list">\n' + "\n".join(out) + "\n</ul>"

    def _newsroom(self, query: dict[str, str]) -> Response:
        if self._listed_rows is None:  # built once: 10,000 releases make a per-page build quadratic
            rows = [(self.url_of(r), self.text(r).title, r.published, self.text(r).company) for r in self.newest_first()]
            rows += [(self._decoy_url(i), t, m, "GlobeNewswire") for i, (_k, t, m) in self.decoys.items()]
            self._listed_rows = sorted(rows, key=lambda row: row[2], reverse=True)
        rows = self._listed_rows
        raw_size = query.get("pagesize", str(PAGE_SIZE))
        size = int(raw_size) if raw_size in ("10", "20", "40", "50") else PAGE_SIZE
        pages = max(1, -(-len(rows) // size))
        raw = query.get("page", "1")
        page = int(raw) if raw.isdigit() and int(raw) > 0 else 1
        shown = min(page, pages)  # deep pages re-serve the last one, "next" link and all
        main = (f"<h1>Newsroom</h1>{self._items(rows[(shown - 1) * size: shown * size])}"
                f'<div class="pagination"><a aria-label="Next page" rel="next" '
                f'href="/NewsRoom?page={page + 1}&amp;pageSize={size}">Next</a></div>')
        return self._page("Newsroom | GlobeNewswire", main)

    # ------------------------------------------------------------------ pages

    def chrome(self, title: str, main: str, head: str = "", lang: str = "en") -> str:
        return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(title)}</title>
{head}
</head>
<body id="app-body-container">
<div role="main"><a href="#maincontainer" class="skip-link btn btn-primary text-uppercase">Accessibility: Skip TopNav</a>
<div id="pnr-global-site-header-section"><div id="navigation" class="nav-container"><div id="navigation-logo" class="logo-container"><a href="{BASE}"><img src="{BASE}/content/logo/color.svg" alt="GlobeNewswire"></a></div>
<ul id="navigation-main-navbar-nav" class="navbar-nav"><li><a href="{BASE}/newsroom">Newsroom</a></li><li><a href="https://www.notified.com/gnw-pr/press-release-distribution">press release distribution</a></li><li><a href="https://insight.notified.com/globenewswire-contact-us">contact us</a></li></ul>
<div class="link-button-container"><a href="{BASE}/home/signin">sign in</a> <a href="{BASE}/home/registration">register</a></div></div></div>
<div class="pnr-body-container" id="maincontainer" tabindex="-1">{main}</div>
<footer id="pnr-global-site-footer-section"><p>© {self.now.year} GlobeNewswire, Inc. All Rights Reserved.</p><a href="/rss/list">RSS Feeds</a></footer>
</div></body></html>
"""

    def _body_html(self, release: Release) -> str:
        text = self.text(release)
        paragraphs = self.paragraphs(release)
        lead = e(paragraphs[0])
        if "odd_spacing" in release.traps:  # "HOUSTON, April  01, 2024  (GLOBE NEWSWIRE) --"
            lead = lead.replace(", ", ",  ", 2).replace(" (GLOBE NEWSWIRE)", "  (GLOBE NEWSWIRE)", 1)
        blocks = [f'<p align="justify">{lead}</p>']
        items = []
        for p in paragraphs[1:]:
            if is_list_item(p):
                items.append(f"<li>{e(p)}</li>")
                continue
            if items:
                blocks.append("<ul>" + "".join(items) + "</ul>")
                items = []
            blocks.append(f"<p><strong>{e(p)}</strong></p>" if p.startswith(("About ", "À propos", "Forward"))
                          and len(p.split()) < 8 else f"<p>{e(p)}</p>")
        heading, *lines = text.contact
        if "mw_contact" in release.traps:
            blocks.append('<p>Contact Information: </p>\n<div class="mw-contact"><p><strong>'
                          + e(heading.upper()) + "</strong><br>" + "<br>".join(e(x) for x in lines) + "</p></div>")
        else:
            blocks.append(f"<p><strong>{e(heading)}</strong><br>" + "<br>".join(e(x) for x in lines) + "</p>")
        if "attachments" in release.traps:
            blocks.append(f'<p>Attachment</p><ul><li><a href="https://ml.globenewswire.com/Resource/Download/'
                          f'{release.seed % 16**12:012x}" target="_blank">{e(text.company)} Logo</a></li></ul>')
        return "\n".join(blocks)

    def _head(self, release: Release) -> str:
        text = self.text(release)
        url = self.url_of(release)
        description = snippet(self.paragraphs(release)[0], 200)
        local = release.local
        us_utc = release.published.astimezone(UTC)
        ticker = self.ticker(release) if release.template == "2023" else ""
        jsonld = {"@context": "https://schema.org", "@type": "NewsArticle",
                  "mainEntityOfPage": {"@type": "WebPage", "id": url}, "Headline": text.title,
                  "DatePublished": f"{local.month}/{local.day}/{local.year}", "inLanguage": release.language,
                  "author": {"@type": "Person", "name": text.company},
                  "publisher": {"@type": "Organization", "name": text.company}, "Description": description}
        return "\n".join([
            f'<meta name="author" content="{e(text.company)}">',
            f'<meta name="keywords" content="{e(", ".join(text.keywords))}">',
            f'<meta name="title" content="{e(text.title)}">',
            f'<meta name="ticker" content="{ticker}">',
            f'<meta name="DC.date.issued" content="{local.month}/{local.day}/{local.year}">',
            f'<meta name="original-source" content="{e(url)}">',
            f'<meta property="og:title" content="{e(text.title)}">',
            '<meta property="og:type" content="article">',
            f'<meta property="og:url" content="{e(url)}">',
            f'<meta property="og:article:published_time" content="{us_utc.month}/{us_utc.day}/{us_utc.year} '
            f'{us_utc.hour % 12 or 12}:{us_utc:%M:%S} {"AM" if us_utc.hour < 12 else "PM"}">',
            f'<meta property="og:article:author " content="{e(text.company)}">',
            f'<meta property="og:article:tag" content="{e(", ".join(text.keywords))}, ">',
            f'<meta property="og:locale" content="{"fr_CA" if release.language == "fr" else "en_US"}">',
            '<meta property="og:site_name" content="GlobeNewswire News Room">',
            f'<link rel="canonical" href="{e(url)}">',
            f'<script type="application/ld+json">{json.dumps(jsonld, ensure_ascii=False)}</script>',
        ])

    def article_page(self, release: Release) -> str:
        text = self.text(release)
        description = snippet(self.paragraphs(release)[0], 200)
        org = quote(text.company.replace(" ", "-"))
        if release.template == "2023":
            main = f"""<div class="main-container container-overwrite" id="container-article" itemscope="" itemtype="http://schema.org/NewsArticle">
<meta itemprop="inLanguage" content="{release.language}">
<meta itemprop="description" name="description" content="
  {e(description)}">
<meta itemprop="dateModified" content="{release.local.month}/{release.local.day}/{release.local.year}">
<div class="main-header-container "><div class="carousel-container" id="article-logo-carousel"><h1><img src="{BASE}/news-release/logo/{release.seed % 999999}/0/{release.seed % 999999}.png" alt="logo"></h1></div>
<h1 class="article-headline" itemprop="headline">{e(text.title)}</h1>
<p class="article-published-source"><span class="d-flex justify-content-start">
<span class="article-published" itemprop="datePublished"><time datetime="{iso_z(release.published)}">{visible_date(release.published)}</time></span>
<span class="article-source" itemprop="sourceOrganization" itemscope="" itemtype="http://schema.org/Organization">
 | Source:
 <span><a href="/en/search/organization/{org}" itemprop="name">{e(text.company)}</a></span></span></span>
<span id="pnr-global-follow-button"><button class="pnr-follow-button" type="button">Follow</button></span>
<span itemprop="author copyrightHolder" style="display: none;">{e(text.company)}</span></p>
<p itemprop="dateline contentLocation" style="display: none;">{e(text.city.title())}</p></div>
<hr>
<div class="main-scroll-container"><div id="pnr-global-social-media-sidebar-section"><ul><li><button id="facebook">f</button></li><li><button id="twitter">t</button></li><li><button id="more-actions">...</button></li></ul></div>
<div class="main-body-container article-body " id="main-body-container" itemprop="articleBody">
{self._body_html(release)}
</div>
<div id="article-resource-container" class="main-images-container"><div class="row images-row " id="article_image-box"></div></div>
</div></div>
<div class="main-recommended-articles-container"><h2>Explore</h2>{self._items(self.newest_first()[:4])}</div>"""
        else:
            main = f"""<div class="main-container" id="container-article">
<meta name="description" content="{e(description)}">
<div class="article-header"><h1 class="article-headline">{e(text.title)}</h1>
<p class="article-published-source"><span class="article-published">{visible_date(release.published)}</span> | Source:
<span class="article-source"><a href="/en/search/organization/{org}">{e(text.company)}</a></span></p></div>
<div class="article-share"><a href="#">Share</a> <a href="#" class="print">Print</a> <a href="#">Download PDF</a></div>
<div class="article-body-container"><span class="article-body" itemprop="articleBody">
{self._body_html(release)}
</span></div>
<div class="article-rss">Subscribe via RSS | Subscribe via ATOM | Javascript</div></div>"""
        return self.chrome(text.title[:60].rsplit(" ", 1)[0], main, self._head(release), release.language)


ROBOTS = """User-agent: *
Disallow: /Home/Search
Disallow: /search/
Disallow: /en/search/keyword/
"""
