"""Mirror of Business Wire (www.businesswire.com, feed.businesswire.com and the S3 sitemap host).

What it reproduces (research notes §5, §11):

* Release URLs ``/news/home/<YYYYMMDD><6 digits>/<lang>/<Slug>``: the first eight digits
  are the Eastern date of the release, the last six are *not* a time (real ids:
  20190308005002 published 04:10 PM ET, 20240926554709, 20241031980322); here they are
  always an impossible time (hour 24-99), so a parser that reads them as HHMMSS fails.
  One release has no slug at all (``/news/home/20241031980322/en/``-like), one exists in
  English and French (two ids), any other slug of an id serves the release (the
  ``<link rel=canonical>`` names the right one) and RSS links carry a ``?feedref=`` token.
* Two page generations: ``classic`` (pre-2024: ``#bw-news-view > article > div >
  div.bw-release-story``, ``h1.epi-fontLg``, ``div.bw-release-timestamp > time`` reading
  "November 26, 2026 08:05 AM Eastern Standard Time", ``div.bw-release-subhead``, the
  issuer in ``#companyInformation .bw-release-companyinfo``, the release-versions list,
  Contacts printed twice, a site-navigation footer and the cookie banner "Accept the use
  of cookies ... I Accept") and ``2024`` (the redesign: ``div.bw-release-container >
  #bw-release-story``, the date only in JSON-LD ``datePublished`` while the visible
  ``div.ui-kit-press-release__date`` reads "-" until JavaScript runs, contacts in
  ``div.ui-kit-press-release-contacts > div[id^=bw-release-contact]`` and again in the
  sidebar, ``h3.ui-kit-press-release-sidebar__company``, "More News From <Company>",
  toolbar and social-sharing chrome). Datelines ``PALO ALTO, Calif.--(BUSINESS WIRE)--``
  (classic) and ``SAN FRANCISCO, November 26, 2026--(BUSINESS WIRE)--`` (2024), with
  "BUSINESS WIRE" a link as on the real pages. Releases with multimedia end their story
  with "View source version on businesswire.com: <permalink>" and carry a photo caption
  "(Photo: Business Wire)" inside the story container.
* One 2024 release is served as a client-rendered shell (§11.11): an empty
  ``#bw-release-story`` and the release only in the inline
  ``<script id="__NEXT_DATA__" type="application/json">`` that page JavaScript renders.
* Discovery as the real wire offers it: daily gzipped sitemaps on another host,
  ``bw-prod-sitemap.s3.us-east-1.amazonaws.com/webdmz1.vaprod.businesswire.com/home/
  <YYYY-MM-DD>.xml.gz`` (``<loc>``/``<lastmod>`` only; S3's 403 ``AccessDenied`` XML for a
  day that has no file yet; one day served with ``Content-Encoding: gzip`` so the client
  sees plain XML under a ``.xml.gz`` name; one day listing a release twice);
  ``www.businesswire.com/sitemap.xml`` never answers (it "consistently times out");
  RSS on ``feed.businesswire.com/rss/home/?rss=<opaque token>`` (an unknown token gives
  a valid, empty feed); the newsroom ``/newsroom?language=en&page=N`` whose HTML holds an
  empty result list: the items are only in an inline JSON blob that an inline script turns
  into ``a.font-figtree`` cards and a ``rel=next`` link, so a plain HTTP fetch finds no
  release link at all. The classic portal list ``/portal/site/home/news/`` redirects there.
* Anti-bot: an Akamai 403 "Access Denied ... Reference #18.<hex>" and a 429 with
  ``Retry-After`` on listed release URLs, and one release whose first request gets a 429.

The mirror router passes no Host to :meth:`BusinesswireSite.handle`, so the three hosts
share one path space (and one ``robots.txt``); their paths never collide.

Truth: ``source`` is the issuing company (the company box / sidebar), ``dateline`` is
``SAN FRANCISCO--(BUSINESS WIRE)`` or ``SAN FRANCISCO, November 26, 2026--(BUSINESS WIRE)``,
the body runs from the dateline to the last paragraph of the release (no subhead, caption,
permalink line or contacts), ``original_url`` is the permalink named by the "View source
version" line (null without it), ``tickers`` the issuer's, ``modified_at`` null.
"""

from __future__ import annotations

import gzip
import json
import re
from datetime import date, datetime, timedelta
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
    e,
    is_list_item,
    iso_et,
    iso_z,
    snippet,
)
from .server import Response, redirect

WIRE = "businesswire"
BASE = "https://www.businesswire.com"
FEED_HOST = "https://feed.businesswire.com"
SITEMAP_HOST = "https://bw-prod-sitemap.s3.us-east-1.amazonaws.com"
SITEMAP_DIR = "/webdmz1.vaprod.businesswire.com/home/"
FEEDS = {
    # token -> (feed title, subject filter); tokens are opaque, as on the real wire
    "G1QFDERJXkJeEFpRWg==": ("Home Page", None),
    "G1QFDERJXkJeEF9YXA==": ("Technology News", "Technology"),
    "G1QFDERJXkJeGFpRVQ==": ("Spanish-language News", "es"),  # no Spanish releases here: a valid, empty feed
}
FEED_SIZE = 20
PAGE_SIZE = 10
SLUG_WORDS = 12
STOP_WORDS = {"a", "an", "the", "of", "to", "and", "for", "in", "on", "at", "by", "with"}
FR_MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
             "novembre", "décembre"]
SUBJECTS = ["Technology", "Earnings", "Product/Service", "Partnership", "Financial", "Conference Call"]


@lru_cache(maxsize=None)  # a page links dozens of stories by slug; each slug is made once
def slug_of(title: str) -> str:
    """``"GigCapital, Inc. Confirms Receipt of Sponsor and Founder Funds to Extend ..."`` ->
    ``"GigCapital-Inc.-Confirms-Receipt-Sponsor-Founder-Funds-Extend-..."``: words kept in
    case, small words dropped, at most 12 words."""
    words = [re.sub(r"[^\w.-]", "", w).strip(".") for w in title.replace("’", "'").split()]
    kept = [w for w in words if w and w.lower() not in STOP_WORDS]
    return "-".join(kept[:SLUG_WORDS])


def first_sentence(text: str) -> str:
    """The first sentence of ``text``, not cut after an abbreviation ("Acme Corp. said ...")."""
    for match in re.finditer(r"(?<=[.!?”])\s+(?=[“A-Z])", text):
        before = text[:match.start()]
        if not re.search(r"\b(?:Inc|Corp|Co|Ltd|N\.V|S\.A|[A-Z])\.$", before):
            return before
    return text


def long_date(moment: datetime) -> str:
    """``November 26, 2026`` (the 2024 dateline's date)."""
    local = moment.astimezone(ET)
    return f"{corpus.MONTHS[local.month - 1]} {local.day}, {local.year}"


def classic_time(moment: datetime) -> str:
    """``March 08, 2019 04:10 PM Eastern Standard Time`` (Daylight in summer)."""
    local = moment.astimezone(ET)
    zone = "Eastern Daylight Time" if local.dst() else "Eastern Standard Time"
    return f"{corpus.MONTHS[local.month - 1]} {local.day:02d}, {local.year} {local:%I:%M %p} {zone}"


def newsroom_time(moment: datetime) -> str:
    """``May 11, 2026 at 12:17 AM ET``."""
    local = moment.astimezone(ET)
    return f"{corpus.MONTHS[local.month - 1]} {local.day}, {local.year} at {local.hour % 12 or 12}:{local:%M %p} ET"


class BusinesswireSite(PressSite):
    """The businesswire.com mirror, feed host and S3 sitemap host included."""

    wire = WIRE
    base = BASE
    canonical_base = "https://businesswire.com"
    hosts = ("www.businesswire.com", "businesswire.com", "feed.businesswire.com",
             "bw-prod-sitemap.s3.us-east-1.amazonaws.com")
    server_header = "Apache"

    # ------------------------------------------------------------------ plan

    def _plan(self, articles: int) -> list[Release]:
        rng = self.rng
        n_summer = max(3, articles // 10)
        start = self.now - timedelta(seconds=rng.randrange(300, 1500))
        plan = self.spread_times(articles - n_summer - 1, start, (1200, 5400))
        # Summer releases (Eastern Daylight Time), reachable only through the newsroom pages.
        plan += self.spread_times(n_summer, datetime(2026, 8, 14, 20, tzinfo=UTC), (86400 * 2, 86400 * 6))
        releases: list[Release] = []
        taken: set[int] = set()
        for i, moment in enumerate(sorted(plan)):
            release = Release(self._new_id(moment, taken), moment, seed_for(self.seed, WIRE, "text", i),
                              "classic" if rng.random() < 0.35 else "2024", moment.astimezone(ET).year)
            if rng.random() < 0.6:
                release.traps.add("permalink")  # "View source version on businesswire.com: ..."
            if rng.random() < 0.3:
                release.traps.add("photo")
            if rng.random() < 0.4:
                release.traps.add("subhead")
            releases.append(release)
        recent = [r for r in releases if r.published > self.now - timedelta(days=2)]
        english = recent[-4]
        french = Release(self._new_id(english.published, taken), english.published, english.seed,
                         english.template, english.year, "fr", set(english.traps))
        releases.append(french)
        recent[-2].traps.add("heal_429")
        recent[-6].traps.add("slugless")
        next(r for r in reversed(recent[:-6]) if r.template == "2024").traps.add("next_data")
        self.releases_planned = releases
        self.decoys = self.make_decoys({"akamai": recent[-3], "ratelimited": recent[-9]})
        return releases

    def _new_id(self, moment: datetime, taken: set[int]) -> int:
        """``<YYYYMMDD><6 digits>``, the six digits never a valid HHMMSS (hour 24-99)."""
        while True:
            release_id = int(f"{moment.astimezone(ET):%Y%m%d}{self.rng.randrange(240000, 990000):06d}")
            if release_id not in taken:
                taken.add(release_id)
                return release_id

    # ------------------------------------------------------------------ URLs and text

    def url_of(self, release: Release) -> str:
        slug = "" if "slugless" in release.traps else quote(slug_of(self.text(release).title), safe="-.")
        return f"{BASE}/news/home/{release.id}/{release.language}/{slug}"

    def permalink(self, release: Release) -> str:
        """The slug-less form the "View source version" line names."""
        return f"{BASE}/news/home/{release.id}/{release.language}/"

    def _decoy_url(self, decoy_id: int) -> str:
        return f"{BASE}/news/home/{decoy_id}/en/{quote(slug_of(self.decoys[decoy_id][1]), safe='-.')}"

    def dateline(self, release: Release) -> str:
        city = self.text(release).city
        if release.template == "classic":
            return f"{city}--(BUSINESS WIRE)"
        if release.language == "fr":
            local = release.local
            return f"{city}, {local.day} {FR_MONTHS[local.month - 1]} {local.year}--(BUSINESS WIRE)"
        return f"{city}, {long_date(release.published)}--(BUSINESS WIRE)"

    def paragraphs(self, release: Release) -> list[str]:
        paragraphs = list(self.text(release).paragraphs)
        paragraphs[0] = f"{self.dateline(release)}--{paragraphs[0]}"
        return paragraphs

    def subhead(self, release: Release) -> str | None:
        """The italic line under the headline: the first sentence of the second paragraph."""
        if "subhead" not in release.traps:
            return None
        return first_sentence(self.text(release).paragraphs[1]).rstrip(".")

    def summary(self, release: Release) -> str:
        """``og:description``: the subhead when there is one, else the lead after the dateline."""
        return self.subhead(release) or snippet(self.text(release).paragraphs[0], 200)

    def original_url(self, release: Release) -> str | None:
        return self.permalink(release) if "permalink" in release.traps else None

    # ------------------------------------------------------------------ routing

    def handle(self, path: str, query: dict[str, str]) -> Response:
        if path == "/robots.txt":
            return Response(body=ROBOTS.encode(), content_type="text/plain")
        if path == "/sitemap.xml":  # "consistently times out"
            return Response(body=b'<?xml version="1.0" encoding="UTF-8"?>\n', content_type="application/xml",
                            hang=True)
        match = re.fullmatch(re.escape(SITEMAP_DIR) + r"(\d{4})-(\d\d)-(\d\d)\.xml\.gz", path)
        if match:
            return self._daily_sitemap(date(*map(int, match.groups())))
        if path == "/rss/home/":
            return self._rss(query.get("rss", ""))
        if path == "/newsroom":
            return self._newsroom(query)
        if path.startswith("/portal/site/home/news"):
            return redirect(f"{BASE}/newsroom?language=en")
        match = re.fullmatch(r"/news/home/(\d{14})/([a-z]{2})(?:/[^/]*)?/?", path)
        if match:
            return self._release(int(match.group(1)))
        if path == "/":
            return self._page("Business Wire", self._cards(self.newest_first()[:10]))
        return self._not_found()

    def _release(self, release_id: int) -> Response:
        if release_id in self.decoys:
            return self.decoy_response(release_id, self._decoy_url(release_id), self._not_found)
        release = self.by_id.get(release_id)
        if release is None:
            return self._not_found()
        return self.serve_release(release)

    def _not_found(self) -> Response:
        main = '<div class="error-page"><h1>Page Not Found</h1><p>The page you requested could not be found.</p></div>'
        return Response(404, self.chrome("Page Not Found | Business Wire", main).encode())

    def _page(self, title: str, main: str, head: str = "") -> Response:
        return Response(body=self.chrome(title, main, head).encode("utf-8"))

    # ------------------------------------------------------------------ discovery files

    def _listed(self) -> list[tuple[str, str, datetime, str, str, int]]:
        """Every listed URL, newest first: ``(url, title, time, company, lead, id)``, decoys included.
        Built once: every newsroom page and daily sitemap reads it (10,000 releases make
        a per-request build quadratic)."""
        if self._listed_rows is not None:
            return self._listed_rows
        rows = [(self.url_of(r), self.text(r).title, r.published, self.text(r).company,
                 self.text(r).paragraphs[0], r.id) for r in self.newest_first()]
        rows += [(self._decoy_url(i), title, moment, "Business Wire", title, i)
                 for i, (_kind, title, moment) in self.decoys.items()]
        self._listed_rows = sorted(rows, key=lambda row: row[2], reverse=True)
        return self._listed_rows

    def _daily_sitemap(self, day: date) -> Response:
        first = min(r.local.date() for r in self.releases)
        today = self.now.astimezone(ET).date()
        if not first <= day <= today:  # no such object: S3 answers 403 when listing is not public
            body = (f'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>Access Denied'
                    f'</Message><RequestId>{self.seed:04X}{day:%m%d}9C2E1B7A</RequestId><HostId>'
                    f'{day:%Y%m%d}bw+prod/sitemap=</HostId></Error>')
            return Response(403, body.encode(), "application/xml", {"Server": "AmazonS3"})
        rows = [(url, moment) for url, _t, moment, *_ in self._listed() if moment.astimezone(ET).date() == day]
        if day == today - timedelta(days=1) and rows:
            rows.append(rows[0])  # a release listed twice in one day's file
        urls = "\n".join(f"<url><loc>{e(url)}</loc><lastmod>{iso_z(moment)}</lastmod></url>" for url, moment in rows)
        xml = ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
               f"{urls}\n</urlset>\n").encode("utf-8")
        headers = {"Server": "AmazonS3", "ETag": f'"{day:%Y%m%d}{len(rows):04x}"',
                   "Last-Modified": format_datetime(self.now, usegmt=True)}
        if day == today:  # uploaded with Content-Encoding set: clients get it decompressed
            headers["Content-Encoding"] = "gzip"
        return Response(body=gzip.compress(xml, mtime=0), content_type="application/x-gzip", headers=headers)

    def _rss(self, token: str) -> Response:
        title, subject = FEEDS.get(token, ("Home Page", "none"))
        releases = [r for r in self.newest_first() if r.language == "en"]
        if subject == "Technology":
            releases = [r for r in releases if r.seed % 2 == 0]
        elif subject is not None:
            releases = []
        items = []
        for release in releases[:FEED_SIZE]:
            text = self.text(release)
            link = f"{self.url_of(release).rstrip('/')}/?feedref={token.rstrip('=')}{release.id % 9973:04d}"
            items.append(f"""<item>
<title>{e(text.title)}</title>
<link>{e(link)}</link>
<guid isPermaLink="false">{release.id}</guid>
<pubDate>{release.published.astimezone(UTC):%a, %d %b %Y %H:%M:%S} UTC</pubDate>
<description>{e(snippet(text.paragraphs[0], 200))}</description>
<category>{e(text.keywords[-1])}</category>
</item>""")
        body = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>Business Wire News: {e(title)}</title>
<link>{BASE}/</link>
<atom:link href="{FEED_HOST}/rss/home/?rss={e(token)}" rel="self" type="application/rss+xml"/>
<description>Business Wire: the global leader in press release distribution</description>
<language>en-us</language>
<lastBuildDate>{self.now.astimezone(UTC):%a, %d %b %Y %H:%M:%S} UTC</lastBuildDate>
{chr(10).join(items)}
</channel>
</rss>
"""
        return self.xml(body, "application/rss+xml; charset=UTF-8")

    # ------------------------------------------------------------------ the newsroom

    def _newsroom(self, query: dict[str, str]) -> Response:
        rows = self._listed()
        pages = max(1, -(-len(rows) // PAGE_SIZE))
        raw = query.get("page", "1")
        page = int(raw) if raw.isdigit() and int(raw) > 0 else 1
        language = query.get("language", "en")
        items = []
        for url, title, moment, company, lead, release_id in rows[(page - 1) * PAGE_SIZE: page * PAGE_SIZE]:
            lang, slug = url.split("/")[-2:]
            items.append({"id": str(release_id), "language": lang, "slug": slug, "headline": title,
                          "date": newsroom_time(moment), "company": company, "preview": snippet(lead, 160),
                          "tags": SUBJECTS[release_id % 3: release_id % 3 + 2]})
        data = {"props": {"pageProps": {"page": page, "pageCount": pages, "language": language, "items": items}},
                "page": "/newsroom", "query": {"language": language, "page": str(page)}, "buildId": "bw-2025.11.3"}
        # "</" inside the blob would end the script element early.
        blob = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
        main = f"""<div class="newsroom-page"><h1 class="font-figtree">Newsroom</h1>
<div class="newsroom-filters"><button type="button">Industry</button><button type="button">Subject</button><button type="button">Region</button><button type="button">Language</button></div>
<div id="newsroom-results" class="flex flex-col" aria-live="polite"></div>
<nav id="newsroom-pagination" class="pagination" aria-label="Pagination"></nav>
<noscript>Please enable JavaScript to view the newsroom.</noscript></div>
<script id="__NEXT_DATA__" type="application/json">{blob}</script>
<script>{NEWSROOM_SCRIPT}</script>"""
        return self._page("Newsroom | Business Wire", main)

    def _cards(self, releases: list[Release]) -> str:
        return '<ul class="bw-related-list">' + "".join(
            f'<li><a href="{e(self.url_of(r).replace(BASE, ""))}">{e(self.text(r).title)}</a> '
            f"<time>{newsroom_time(r.published)}</time></li>" for r in releases) + "</ul>"

    # ------------------------------------------------------------------ pages

    def chrome(self, title: str, main: str, head: str = "", lang: str = "en", classic: bool = False) -> str:
        if classic:
            nav = "".join(f"<li><a href=\"/portal/site/home/{p}/\">{e(n)}</a></li>" for p, n in CLASSIC_NAV)
            header = (f'<header id="bw-header"><a href="{BASE}/portal/site/home/"><img src="/images/bwlogo_extreme.png" '
                      f'alt="Business Wire"></a><nav class="bw-nav"><ul>{nav}</ul></nav></header>')
            footer = f"""<footer id="bw-footer"><h2>Site Navigation</h2><ul>{nav}</ul>
<h2>Follow Us</h2><ul><li><a href="https://twitter.com/businesswire">Twitter</a></li><li><a href="https://www.linkedin.com/company/business-wire">LinkedIn</a></li></ul>
<h2>Business Wire Information</h2><ul><li><a href="/portal/site/home/contact-us/">Contact Us</a></li><li><a href="/portal/site/home/privacy/">Privacy Statement</a></li><li><a href="/portal/site/home/terms-of-use/">Terms of Use</a></li><li>© {self.now.year} Business Wire</li></ul></footer>"""
        else:
            header = (f'<header class="bw-header"><a href="{BASE}/"><img src="/images/bw-logo.svg" alt="Business Wire">'
                      '</a><nav><a href="/newsroom">Newsroom</a> <a href="/portal/site/home/news/">News</a> '
                      '<a href="https://services.businesswire.com/">Services</a> <a href="/login">Log In</a></nav></header>')
            footer = (f'<footer class="bw-footer"><p>© {self.now.year} Business Wire, Inc.</p><a href="/privacy">Privacy '
                      'Statement</a> <a href="/terms">Terms of Use</a></footer>')
        return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(title)}</title>
{head}
</head>
<body>
<div id="__next">
{header}
<main>{main}</main>
{footer}
<div id="cookie-banner" class="bw-cookie-banner"><p>Accept the use of cookies <a href="/privacy">Learn more</a></p><button type="button">I Accept</button></div>
</div>
</body>
</html>
"""

    def _head(self, release: Release, jsonld: bool) -> str:
        text = self.text(release)
        url = self.url_of(release)
        parts = [f'<meta name="description" content="{e(self.summary(release))}">',
                 f'<meta name="keywords" content="{e(", ".join(text.keywords))}">',
                 f'<meta property="og:title" content="{e(text.title)}">',
                 f'<meta property="og:description" content="{e(self.summary(release))}">',
                 f'<meta property="og:url" content="{e(url)}">',
                 '<meta property="og:type" content="article">',
                 '<meta property="og:site_name" content="Business Wire">',
                 f'<link rel="canonical" href="{e(url)}">']
        if jsonld:
            data = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": text.title,
                    "datePublished": iso_et(release.published), "inLanguage": release.language,
                    "keywords": text.keywords, "mainEntityOfPage": {"@type": "WebPage", "@id": url},
                    "author": {"@type": "Organization", "name": text.company},
                    "publisher": {"@type": "Organization", "name": "Business Wire",
                                  "logo": {"@type": "ImageObject", "url": f"{BASE}/images/bw-logo.svg"}}}
            parts.append(f'<script type="application/ld+json">{json.dumps(data, ensure_ascii=False)}</script>')
        return "\n".join(parts)

    def story_html(self, release: Release) -> str:
        """The story container's content: dateline + lead, text (highlights as a list), a
        photo caption, the permalink line."""
        text = self.text(release)
        paragraphs = self.paragraphs(release)
        city, _, lead = paragraphs[0].partition("--(BUSINESS WIRE)--")
        blocks = [f'<p>{e(city)}--(<a href="https://www.businesswire.com" rel="nofollow">BUSINESS WIRE</a>)--{e(lead)}</p>']
        if "photo" in release.traps:
            caption = f"{text.company} headquarters (Photo: Business Wire)"
            blocks.append(f'<div class="bw-release-media"><figure><img src="https://mms.businesswire.com/media/'
                          f'{release.id}/en/{release.seed % 999999}/4/photo.jpg" alt="{e(caption)}">'
                          f"<figcaption>{e(caption)}</figcaption></figure></div>")
        items: list[str] = []
        for p in paragraphs[1:]:
            if is_list_item(p):
                items.append(f"<li>{e(p)}</li>")
                continue
            if items:
                blocks.append('<ul class="bwlistdisc">' + "".join(items) + "</ul>")
                items = []
            heading = p.startswith(("About ", "À propos", "Forward")) and len(p.split()) < 8
            blocks.append(f"<p><b>{e(p)}</b></p>" if heading else f"<p>{e(p)}</p>")
        if items:
            blocks.append('<ul class="bwlistdisc">' + "".join(items) + "</ul>")
        if "permalink" in release.traps:
            link = self.permalink(release)
            blocks.append(f'<p>View source version on businesswire.com: <a href="{e(link)}">{e(link)}</a></p>')
        return "\n".join(blocks)

    def contacts_html(self, release: Release) -> str:
        lines = self.text(release).contact
        return "<p>" + "<br>".join(e(x) for x in lines) + "</p>"

    def article_page(self, release: Release) -> str:
        if "next_data" in release.traps:
            return self._page_next_data(release)
        if release.template == "classic":
            return self._page_classic(release)
        return self._page_2024(release)

    def _page_classic(self, release: Release) -> str:
        text = self.text(release)
        subhead = self.subhead(release)
        stamp = f'<time datetime="{iso_z(release.published)}">{classic_time(release.published)}</time>'
        other = next((r for r in self.releases if r.published == release.published and r is not release), None)
        versions = ""
        if other is not None:
            names = {"en": "English", "fr": "French"}
            versions = (f'<div id="ajaxReleaseVersions"><h3>Release Versions</h3><ul class="bw-release-versions">'
                        f'<li><a href="{e(self.url_of(other).replace(BASE, ""))}">{names[other.language]}</a></li>'
                        f"<li>{names[release.language]}</li></ul></div>")
        contacts = self.contacts_html(release)
        main = f"""<div id="bw-news-view" class="bw-news-view">
<article class="bw-release">
<div class="bw-release-main">
<header class="bw-release-header"><h1 class="epi-fontLg bwalignc"><b>{e(text.title)}</b></h1>
{f'<div class="bw-release-subhead"><p><i>{e(subhead)}</i></p></div>' if subhead else ''}</header>
<div class="bw-release-timestamp">{stamp}</div>
<div class="bw-release-story">
{self.story_html(release)}
</div>
<div class="bw-release-contact"><h2>Contacts</h2>{contacts}</div>
</div>
<div class="bw-release-sidebar">
{versions}
<div id="companyInformation"><div class="bw-release-companyinfo"><h3>{e(text.company)}</h3>
<a href="/portal/site/home/news/company/?company={release.seed % 99991}"><img src="https://mms.businesswire.com/media/{release.id}/en/logo.jpg" alt="{e(text.company)} logo"></a></div></div>
<div class="bw-release-contacts"><h2>Contacts</h2>{contacts}</div>
<div class="bw-release-toolbar"><a href="#">Print</a> <a href="#">Email</a> <a href="#">PDF</a></div>
</div>
</article>
</div>"""
        return self.chrome(f"{text.title} | Business Wire", main, self._head(release, jsonld=False),
                           release.language, classic=True)

    def _page_2024(self, release: Release) -> str:
        text = self.text(release)
        subhead = self.subhead(release)
        contacts = self.contacts_html(release)
        more = [r for r in self.newest_first() if r is not release][:3]
        main = f"""<div class="ui-kit-press-release">
<div class="bw-release-toolbar"><button type="button">Share</button><button type="button">Print</button><button type="button">Download PDF</button></div>
<div class="ui-kit-press-release__header"><h1 class="ui-kit-press-release__title font-figtree">{e(text.title)}</h1>
{f'<h2 class="ui-kit-press-release__subtitle">{e(subhead)}</h2>' if subhead else ''}
<div class="ui-kit-press-release__date">-</div></div>
<div class="ui-kit-press-release__body">
<div class="bw-release-container">
<div id="bw-release-story" class="bw-release-story">
{self.story_html(release)}
</div>
<div class="bw-social-sharing"><span>Share</span> <a href="#">LinkedIn</a> <a href="#">X</a> <a href="#">Facebook</a></div>
</div>
<div class="ui-kit-press-release-contacts"><h2>Contacts</h2><div id="bw-release-contact-1">{contacts}</div></div>
</div>
<aside class="ui-kit-press-release-sidebar">
<div class="ui-kit-press-release-sidebar__logo"><a href="/newsroom?company={release.seed % 99991}"><img src="https://mms.businesswire.com/media/{release.id}/en/logo.jpg" alt="{e(text.company)}"></a></div>
<h3 class="ui-kit-press-release-sidebar__company">{e(text.company)}</h3>
<div class="bw-release-contacts"><h2>Contacts</h2>{contacts}</div>
</aside>
<section class="bw-related-news"><h2>More News From {e(text.company)}</h2>{self._cards(more)}</section>
</div>"""
        return self.chrome(f"{text.title} | Business Wire", main, self._head(release, jsonld=True), release.language)

    def _page_next_data(self, release: Release) -> str:
        """The client-rendered shell: head metadata, empty containers, the release in a JSON blob."""
        text = self.text(release)
        data = {"props": {"pageProps": {"release": {
            "id": str(release.id), "language": release.language, "headline": text.title,
            "subhead": self.subhead(release), "publishedAt": iso_z(release.published).replace("Z", ".000Z"),
            "company": {"name": text.company, "logo": f"https://mms.businesswire.com/media/{release.id}/en/logo.jpg"},
            "body": self.story_html(release), "contacts": self.contacts_html(release),
            "permalink": self.permalink(release)}}},
            "page": "/news/home/[releaseId]/[language]/[[...slug]]", "buildId": "bw-2025.11.3", "isFallback": False}
        blob = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
        main = f"""<div class="ui-kit-press-release">
<div class="ui-kit-press-release__header"><h1 class="ui-kit-press-release__title font-figtree"></h1><div class="ui-kit-press-release__date">-</div></div>
<div class="bw-release-container"><div id="bw-release-story" class="bw-release-story"></div></div>
<div class="ui-kit-press-release-contacts"></div>
<noscript>You need to enable JavaScript to run this app.</noscript>
</div>
<script id="__NEXT_DATA__" type="application/json">{blob}</script>
<script>{ARTICLE_SCRIPT}</script>"""
        return self.chrome(f"{text.title} | Business Wire", main, self._head(release, jsonld=False), release.language)


NEWSROOM_SCRIPT = """(function () {
  var data = JSON.parse(document.getElementById('__NEXT_DATA__').textContent).props.pageProps;
  var list = document.getElementById('newsroom-results');
  data.items.forEach(function (item) {
    var row = document.createElement('div');
    row.className = 'border-gray300 py-6';
    var link = document.createElement('a');
    link.className = 'font-figtree';
    link.href = ['', 'news', 'home', item.id, item.language, item.slug].join('/');
    var title = document.createElement('h2');
    title.textContent = item.headline;
    link.appendChild(title);
    row.appendChild(link);
    var when = document.createElement('span');
    when.textContent = item.date + ' | ' + item.company;
    row.appendChild(when);
    var preview = document.createElement('div');
    preview.className = 'rich-text';
    preview.textContent = item.preview;
    row.appendChild(preview);
    item.tags.forEach(function (tag) {
      var button = document.createElement('button');
      button.textContent = tag;
      row.appendChild(button);
    });
    list.appendChild(row);
  });
  if (data.page < data.pageCount) {
    var next = document.createElement('a');
    next.rel = 'next';
    next.setAttribute('aria-label', 'Next page');
    next.href = '/newsroom?language=' + data.language + '&page=' + (data.page + 1);
    next.textContent = 'Next';
    document.getElementById('newsroom-pagination').appendChild(next);
  }
})();"""

ARTICLE_SCRIPT = """(function () {
  var release = JSON.parse(document.getElementById('__NEXT_DATA__').textContent).props.pageProps.release;
  document.querySelector('.ui-kit-press-release__title').textContent = release.headline;
  document.querySelector('.ui-kit-press-release__date').textContent = new Date(release.publishedAt).toLocaleString();
  document.getElementById('bw-release-story').innerHTML = release.body;
  document.querySelector('.ui-kit-press-release-contacts').innerHTML = '<h2>Contacts</h2>' + release.contacts;
})();"""

CLASSIC_NAV = [("news", "All News"), ("news-with-multimedia", "News with Multimedia"),
               ("news-by-industry", "News by Industry"), ("news-by-subject", "News by Subject"),
               ("submit-a-press-release", "Submit a Press Release"), ("about-us", "About Us")]

ROBOTS = """User-agent: *
Disallow: /portal/site/home/search/
Disallow: /portal/site/home/email/
Disallow: /news/home/search/

Sitemap: https://www.businesswire.com/sitemap.xml
"""
