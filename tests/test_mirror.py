"""The offline mirror: server behaviour over HTTP, and a ground truth that the pages
really support (every truth body can be recovered from its page)."""

from __future__ import annotations

import html
import http.client
import json
import re
import signal
import subprocess
import sys
import time
import unicodedata
import xml.etree.ElementTree as ET
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

import ftfy
import pytest

from newswire.mirror import build
from newswire.mirror.menafn import Story
from tests.conftest import local

ROOT = Path(__file__).resolve().parents[1]
NAIVE_SCRAPE = ROOT.parent / "shared" / "examples" / "naive-scrape-menafn.txt"
PUTIN_URL = "https://menafn.com/1109925453/Putin-Expresses-Gratitude-For-Kim-Jong-Un-For-Backing-In-Ukraine-War"


@pytest.fixture(scope="module")
def mirror():
    return build(seed=1, articles=60, wires=["menafn"])


@pytest.fixture(scope="module")
def site(mirror):
    return mirror.sites[0]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The mirror as the crawler sees it: a subprocess on a free port."""
    truth_file = tmp_path_factory.mktemp("mirror") / "truth.jsonl"
    proc = subprocess.Popen(
        [sys.executable, "-m", "newswire.mirror", "--port", "0", "--articles", "60", "--wires", "menafn",
         "--truth", str(truth_file)],
        cwd=ROOT, stdout=subprocess.PIPE, text=True)
    line = proc.stdout.readline().strip()
    match = re.fullmatch(r"listening http://127\.0\.0\.1:(\d+)", line)
    assert match, f"unexpected first line: {line!r}"
    yield {"port": int(match.group(1)), "truth_file": truth_file, "proc": proc}
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=10) == 0


def fetch(port: int, target: str, host: str = "menafn.com"):
    """GET without following redirects; a real URL's path and query are sent to the mirror."""
    parts = urlsplit(target)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", path, headers={"Host": host})
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        conn.close()


def clean(text: str) -> str:
    """The truth's text convention: right characters, no invisible ones, single spaces."""
    text = ftfy.fix_text(text, uncurl_quotes=False)
    text = text.translate({0x200B: None, 0x200C: None, 0x200D: None, 0x2060: None, 0xFEFF: None})
    return " ".join(re.split(r"[\s\u00a0\u2028\u2029]+", text)).strip()


def body_from_page(page: str) -> list[str]:
    """A reference extraction of MENAFN body paragraphs: marker off, repeat and tokens out."""
    match = re.search(r'id="ctl00_cphMain_divBody">(.*?)<div class="legal-disclaimer"', page, re.S)
    assert match, "no article body container"
    blocks = re.split(r"</?p>|<br><br>|<font[^>]*>|</div>", match.group(1))
    paragraphs: list[str] = []
    for block in blocks:
        text = clean(html.unescape(block))
        if not text or re.fullmatch(r"MENAFN\d{20}ID\d{10}", text) or text in paragraphs:
            continue
        paragraphs.append(text)
    paragraphs[0] = re.sub(r"^\(MENAFN(?:\s*-\s*[^)]+)?\)\s*", "", paragraphs[0])
    # The second copy may restart with the marker paragraph: drop it once the marker is gone.
    return [p for i, p in enumerate(paragraphs) if i == 0 or re.sub(r"^\(MENAFN[^)]*\)\s*", "", p) != paragraphs[0]]


# --------------------------------------------------------------------- server


def test_truth_file_matches_library(server, mirror):
    lines = server["truth_file"].read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == mirror.truth


def test_host_routing(server):
    port = server["port"]
    for host in ("menafn.com", "www.menafn.com", "MENAFN.com:80", f"www.menafn.com:{port}"):
        status, _, body = fetch(port, "/robots.txt", host)
        assert status == 200 and b"Disallow: /search" in body
    assert fetch(port, "/robots.txt", "example.com")[0] == 404
    assert fetch(port, PUTIN_URL, "prnewswire.com")[0] == 404


def test_served_page_is_the_rendered_page(server, site):
    status, headers, body = fetch(server["port"], PUTIN_URL)
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    assert body == site.article_page(site.by_id[1109925453]).encode("utf-8")


def test_wrong_slug_redirects_to_real_canonical_url(server):
    for path in ("/1109925453/Putin-Expresses", "/1109925453", "/1109925453/putin-expresses-gratitude"):
        status, headers, _ = fetch(server["port"], path)
        assert (status, headers["Location"]) == (301, PUTIN_URL)


def test_legacy_urls_301_or_200_with_same_page(server, site):
    moved = next(s for s in site.stories if s.language == "en" and s.legacy == 301)
    status, headers, _ = fetch(server["port"], moved.legacy_url)
    assert (status, headers["Location"]) == (301, moved.url)
    kept = next(s for s in site.stories if s.language == "en" and s.legacy == 200 and not s.fail_once)
    status, _, body = fetch(server["port"], kept.legacy_url, "www.menafn.com")
    assert status == 200
    assert f'<link rel="canonical" href="{kept.url}">'.encode() in body
    assert body == fetch(server["port"], kept.url)[2]


def test_arabic_story_url(server, site):
    story = next(s for s in site.stories if s.language == "ar")
    assert re.fullmatch(r"https://menafn\.com/arabic/\d{10}/(%[0-9A-F]{2}|[-\w])+", story.url)
    status, _, body = fetch(server["port"], story.url)
    page = body.decode("utf-8")
    assert status == 200 and '<html lang="ar" dir="rtl">' in page and story.title in page
    status, headers, _ = fetch(server["port"], f"/arabic/{story.id}/wrong")
    assert (status, headers["Location"]) == (301, story.url)


def test_error_pages(server, site):
    port = server["port"]
    kinds = {d.kind: d for d in site.decoys.values()}
    status, _, body = fetch(port, kinds["soft404"].url)
    assert status == 200 and b"Sorry!!" in body and b'class="news-story"' not in body
    missing = [d for d in site.decoys.values() if d.kind == "missing"]
    assert len(missing) == 2 and all(fetch(port, d.url)[0] == 404 for d in missing)
    assert fetch(port, "/9999999999/Nothing-Here")[0] == 404
    with pytest.raises(http.client.IncompleteRead):
        fetch(port, kinds["truncated"].url)


def test_500_once_then_200(server, site):
    story = next(s for s in site.stories if s.fail_once)
    assert fetch(server["port"], story.url)[0] == 500
    status, _, body = fetch(server["port"], story.url)
    assert status == 200 and story.title.encode() in body


def test_listening_line_and_sigint_exit(tmp_path):
    proc = subprocess.Popen([sys.executable, "-m", "newswire.mirror", "--port", "0", "--seed", "7"],
                            cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert re.fullmatch(r"listening http://127\.0\.0\.1:\d+\n", proc.stdout.readline())
    finally:
        proc.send_signal(signal.SIGINT)
    assert proc.wait(timeout=10) == 0


# ------------------------------------------------------------------ discovery


def test_listings_paginate_and_reach_every_article(site, mirror):
    linked_ids: list[int] = []
    for section in ("business", "technology", "politics", "arabic"):
        page = 1
        while True:
            response = local(site, f"/section/{section}?page={page}")
            if response.status == 404:
                break
            text = response.body.decode("utf-8")
            has_next = 'rel="next"' in text and ">Next" in text or ">التالي" in text
            assert has_next == (local(site, f"/section/{section}?page={page + 1}").status == 200)
            for href in re.findall(r'<h3><a href="([^"]+)"', text):
                link = html.unescape(href)
                found = re.search(r"storyid=(\d{10})", link) or re.search(r"/(\d{10})(?:/|$)", link)
                linked_ids.append(int(found.group(1)))
            page += 1
        assert page > 1
    truth_ids = {int(r["id"].split(":")[1]) for r in mirror.truth}
    assert truth_ids <= set(linked_ids)
    assert {d.id for d in site.decoys.values()} <= set(linked_ids)
    assert len(linked_ids) == len(set(linked_ids))
    assert local(site, "/section/business?page=99").status == 404


def test_both_link_forms_exist(site):
    listing = "".join(local(site, f"/section/{s}?page={n}").body.decode() for s in ("business", "technology",
                                                                                     "politics") for n in (1, 2, 3))
    feeds = "".join(local(site, f"/rss/menafn_{n}.xml").body.decode() for n in ("Business", "Technology", "Politics"))
    assert "/qn_news_story_s.aspx?storyid=" in listing and "http://www.menafn.com/qn_news_story_s.aspx" in listing
    both = [s for s in site.stories if s.link_form == "both"]
    assert both and all(f'href="/{s.id}/{s.slug}"' in listing or f"/{s.id}/" not in listing for s in both)
    assert any(f"storyid={s.id}&amp;" in listing for s in both)
    assert "<link>https://menafn.com/qn_news_story_s.aspx?storyid=" in feeds


def test_feeds(site):
    for name in ("Business", "Technology", "Politics", "Arabic"):
        response = local(site, f"/rss/menafn_{name}.xml")
        assert response.content_type.startswith("application/rss+xml")
        channel = ET.fromstring(response.body).find("channel")
        items = channel.findall("item")
        assert 0 < len(items) <= 20
        for item in items:
            assert item.findtext("author") == "marketing@menafn.com (MENAFN)"
            assert item.findtext("description").startswith("(MENAFN")
            assert re.fullmatch(r"\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}", item.findtext("pubDate"))
            assert item.findtext("link") == item.findtext("guid")
    empty = ET.fromstring(local(site, "/rss/menafn_Sports.xml").body).find("channel")
    assert empty.findtext("title") and empty.findall("item") == []


def test_stories_dated_only_by_rss_are_in_a_feed(site):
    feed_only = [s for s in site.stories if not s.visible_date]
    assert len(feed_only) == 2
    feeds = b"".join(local(site, f"/rss/menafn_{n}.xml").body for n in ("Business", "Technology", "Politics"))
    for story in feed_only:
        assert f"storyid={story.id}&".encode() in feeds or f"/{story.id}/".encode() in feeds
        page = site.article_page(story)
        assert "datePublished" not in page and "article:published_time" not in page and "news-date" not in page


# ---------------------------------------------------------------------- truth


def test_truth_records_well_formed(mirror):
    truth = mirror.truth
    assert len(truth) == 60
    keys = ["id", "wire", "url", "canonical_url", "title", "summary", "body", "authors", "source", "dateline",
            "published_at", "modified_at", "language", "tags"]
    ids = [r["id"] for r in truth]
    assert len(set(ids)) == len(ids) == len({r["url"] for r in truth})
    for r in truth:
        assert list(r) == keys
        number = r["id"].removeprefix("menafn:")
        assert re.fullmatch(r"\d{10}", number) and r["wire"] == "menafn" and r["url"] == r["canonical_url"]
        assert re.fullmatch(rf"https://menafn\.com/(arabic/)?{number}/[^/?#\s]+", r["url"])
        for field in ("published_at", "modified_at"):
            if r[field] is not None:
                assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", r[field])
        assert r["published_at"] and (r["modified_at"] is None or r["modified_at"] > r["published_at"])
        body = r["body"]
        assert "(MENAFN" not in body and "Legal Disclaimer" not in body and "MENAFN provides" not in body
        assert "Most popular stories" not in body and "Market Research" not in body and "No comment" not in body
        assert not re.search(r"MENAFN\d{20}ID", body) and r["title"] not in body.split("\n\n")
        assert "\n\n\n" not in body and not re.search(r"[\u00a0\u2028\u200b]|  |â€", body)
        paragraphs = body.split("\n\n")
        assert len(paragraphs) == len(set(paragraphs)) >= 3
        if r["dateline"]:
            assert paragraphs[0].startswith(r["dateline"])
        summary = r["summary"]
        assert summary is None or ("(MENAFN" not in summary and summary == " ".join(summary.split()))
        assert r["language"] in ("en", "ar") and r["source"] and "MENAFN)" not in r["source"]
        assert len(r["tags"]) == len(set(r["tags"])) and all(t == t.strip() and t for t in r["tags"])
        assert all(isinstance(a, str) and "@" not in a for a in r["authors"])
    ordered = [int(i.removeprefix("menafn:")) for i in ids]
    published = [r["published_at"] for r in truth]
    assert ordered == sorted(ordered) and published == sorted(published)  # ids grow with time
    assert {r["language"] for r in truth} == {"en", "ar"}
    assert {"MENAFN", "Trend News Agency"} <= {r["source"] for r in truth}
    assert any(r["authors"] for r in truth) and any(r["dateline"] for r in truth)
    assert any(r["summary"] is None for r in truth) and any(r["modified_at"] for r in truth)


def test_naive_scrape_story_in_truth(mirror):
    record = next(r for r in mirror.truth if r["id"] == "menafn:1109925453")
    assert record["url"] == PUTIN_URL
    assert record["title"] == "Putin expresses gratitude for Kim Jong-un for backing in Ukraine war"
    assert (record["source"], record["dateline"], record["authors"]) == ("MENAFN", None, [])
    assert record["published_at"].startswith("2025-08-13T")
    paragraphs = record["body"].split("\n\n")
    assert len(paragraphs) == 4 and paragraphs[0].startswith("Russian President Vladimir Putin")
    assert "“courage, heroism, and selflessness”" in paragraphs[1]
    if NAIVE_SCRAPE.exists():
        lines = NAIVE_SCRAPE.read_text(encoding="utf-8").splitlines()
        start = lines.index(record["title"]) + 1
        assert [lines[start].removeprefix("(MENAFN) ")] + lines[start + 1:start + 4] == paragraphs


def test_truth_is_recoverable_from_every_page(mirror, site):
    for record in mirror.truth:
        response = local(site, record["url"])
        if response.status == 500:  # the story that fails once: a retry gets it
            response = local(site, record["url"])
        assert response.status == 200
        page = response.body.decode("utf-8")
        assert body_from_page(page) == record["body"].split("\n\n"), record["id"]
        title = re.search(r'<h1 class="news-title">(.*?)</h1>', page).group(1)
        assert clean(html.unescape(title)) == record["title"]
        assert f'<link rel="canonical" href="{record["url"]}">' in page
        error_text = "We're sorry, but the page you were looking for doesn't exist."
        assert page.count(error_text) == (record["language"] == "en")  # hidden, before the article
        keywords = re.search(r'<meta name="keywords" content="([^"]*)"', page)
        tags = list(dict.fromkeys(t.strip() for t in html.unescape(keywords.group(1)).split(","))) if keywords else []
        assert tags == record["tags"]


def test_pages_carry_their_dates_and_authors(site):
    for story in site.stories:
        page = site.article_page(story)
        record = site.truth_record(story)
        if story.visible_date:
            dates = re.findall(r'"datePublished": "([^"]+)"|article:published_time" content="([^"]+)"', page)
            assert {datetime.fromisoformat(a or b) for a, b in dates} == {story.published}, story.id
        modified = re.findall(r'"dateModified": "([^"]+)"|article:modified_time" content="([^"]+)"', page)
        assert {datetime.fromisoformat(a or b) for a, b in modified} == ({story.modified} if story.modified else set())
        for author in record["authors"]:
            assert f">By {author}</span>" in page
        if not record["authors"]:
            assert ">By " not in page and '"@type": "Person"' not in page


def test_page_variants_present(site):
    pages = {s.id: site.article_page(s) for s in site.stories}
    joined = "".join(pages.values())
    assert '"@graph"' in joined and '<script type="application/ld+json">[' in joined
    assert sum('"@type": "NewsArticle"' not in p for p in pages.values()) >= 2
    invalid = [s for s in site.stories if s.jsonld == "invalid"]
    assert len(invalid) == 1
    block = re.findall(r'<script type="application/ld\+json">(.*?)</script>', pages[invalid[0].id], re.S)[-1]
    with pytest.raises(json.JSONDecodeError):
        json.loads(block)
    assert "| MENAFN.COM\">" in joined and LOGO_META in joined and '"dateModified"' in joined
    assert 'content="2025-08-13T09:12:00+03:00"' in pages[1109925453]
    assert re.search(r'published_time" content="[^"]+Z"', joined)
    assert "&nbsp;" in joined and "\u2028" in joined and "\u200b" in joined
    assert any(s.markup == "br" for s in site.stories)
    broken = next(s for s in site.stories if s.markup == "broken")
    assert "</p>" not in pages[broken.id].split('id="ctl00_cphMain_divBody">')[1].split("legal-disclaimer")[0]
    mojibake = next(s for s in site.stories if s.mojibake)
    assert "â€" in pages[mojibake.id] and "â€" not in site.truth_record(mojibake)["body"]
    assert re.search("[’“”—]", site.truth_record(mojibake)["body"])
    for marker in ("(MENAFN) ", "(MENAFN- ", "(MENAFN - "):
        assert f"<p>{marker}" in joined or f"\n{marker}" in joined


LOGO_META = '<meta property="og:image" content="https://menafn.com/includes/img/logo.jpg">'


def test_deterministic(site):
    again = build(seed=1, articles=60, wires=["menafn"]).sites[0]
    other = build(seed=2, articles=60, wires=["menafn"]).sites[0]
    assert [s.id for s in again.stories] == [s.id for s in site.stories]
    for story, twin in zip(site.stories, again.stories):
        assert site.article_page(story) == again.article_page(twin)
    for path in ("/section/business?page=2", "/rss/menafn_Politics.xml", "/"):
        assert local(site, path).body == local(again, path).body
    assert [s.title for s in other.stories] != [s.title for s in site.stories]


def test_ids_follow_real_rate(site):
    newest = site.stories[-1]
    assert 1112000000 < newest.id < 1112100000  # late November 2026 at ~4,544 ids a day
    assert all(a.id < b.id and a.published < b.published for a, b in zip(site.stories, site.stories[1:]))
    assert all(isinstance(s, Story) and s.slug == s.slug.strip("-") for s in site.stories)


def test_slug_quirks():
    from newswire.mirror.corpus import slugify

    assert slugify("NVIDIA Stock Signal 20/11: What Will Follow Earnings?") == \
        "NVIDIA-Stock-Signal-2011-What-Will-Follow-Earnings"
    assert slugify("Pakistan's Prime Minister Offers To Develop Low-Carbon Corridors Within ECO") == \
        "Pakistans-Prime-Minister-Offers-To-Develop-Low-Carbon-Corridors-Within-ECO"
    assert slugify("Viettel\u00a0experts win at J&K") == "ViettelExperts-Win-At-J-K"
    assert unicodedata.category(slugify("ارتفاع أسعار النفط")[0]).startswith("L")


def test_large_mirror_starts_fast():
    started = time.perf_counter()
    big = build(seed=3, articles=5000, wires=["menafn"])
    assert time.perf_counter() - started < 5
    assert len(big.sites[0].stories) == 5000


def test_prerendered_mirror_answers_exactly_as_rendering_on_request():
    """``--prerender`` (the benchmark's mirror) changes when pages are rendered, not what
    is served: every wire's article URLs, asked twice each, get the same status, headers
    and bytes, one-time traps (a 429 that heals, a 500 once) included, in both mirrors."""
    plain, ready = build(seed=3, articles=30, faults=True), build(seed=3, articles=30, faults=True)
    rendered = ready.prerender()
    assert rendered >= 6 * 30
    urls = [record["url"] for record in plain.truth]
    assert len(urls) >= 6 * 30
    for url in urls:
        host = urlsplit(url).hostname
        for _ in range(2):
            a, b = (local(m.site_for(host), url) for m in (plain, ready))
            assert (a.status, a.headers, a.content_type, a.body) == (b.status, b.headers, b.content_type, b.body), url
    assert all(site._pages for site in ready.sites)
