"""Save mirror pages as parser fixtures: ``python -m newswire.mirror.fixtures DIR``.

For each page variant the mirror serves (every JSON-LD shape, ``<br>`` and broken
markup, the whole body printed twice, mojibake, invisible characters, a byline, an
Arabic story, the naive-scrape story, a soft-404) one page is written as
``<wire>_<id>.html.gz`` with ``<wire>_<id>.expected.json``: the mirror's ground truth
for that story (written from the story record, not from any parser), plus
``meta.json`` with each fixture's URL. Wires without real saved pages get their
fixtures this way; ``tests/test_fixtures.py`` runs every registered parser on them.
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

from newswire.mirror import apnews
from newswire.mirror.apnews import ApnewsSite
from newswire.mirror.businesswire import BusinesswireSite
from newswire.mirror.einpresswire import EinpresswireSite
from newswire.mirror.globenewswire import GlobenewswireSite
from newswire.mirror.menafn import MenafnSite
from newswire.mirror.press import PressSite
from newswire.mirror.prnewswire import PrnewswireSite


def _pick_menafn(site: MenafnSite) -> list:
    picks, seen = [], set()

    def take(predicate) -> None:
        for story in reversed(site.stories):
            if story.id not in seen and predicate(story):
                picks.append(story)
                seen.add(story.id)
                return

    take(lambda s: s.fixed)
    for shape in ("object", "array", "graph", "missing", "invalid", "nodate"):
        take(lambda s, shape=shape: s.jsonld == shape and s.language == "en")
    for markup in ("br", "broken"):
        take(lambda s, markup=markup: s.markup == markup)
    take(lambda s: s.repeat == "all")
    take(lambda s: s.mojibake)
    for soil in ("nbsp", "lsep", "zwsp", "mixed"):
        take(lambda s, soil=soil: s.soil == soil)
    take(lambda s: s.author is not None)
    take(lambda s: s.language == "ar")
    take(lambda s: s.modified is not None)
    return picks


def save_menafn(dest: Path, seed: int = 1, articles: int = 60) -> int:
    site = MenafnSite(seed=seed, articles=articles)
    folder = dest / "menafn"
    folder.mkdir(parents=True, exist_ok=True)
    meta = {}
    pages = []
    for story in _pick_menafn(site):
        expected = site.truth_record(story)
        if story.jsonld in ("missing", "nodate") and story.meta_date is None:
            # Dated only by its RSS pubDate: the page alone carries no date.
            expected["published_at"] = None
        pages.append((story.url, expected))
    soft404 = next(d for d in site.decoys.values() if d.kind == "soft404")
    pages.append((soft404.url, {"page_type": "error"}))
    for url, expected in pages:
        parts = urlsplit(url)
        response = site.handle(unquote(parts.path), {})
        if response.status == 500:  # the story that fails once, then serves
            response = site.handle(unquote(parts.path), {})
        assert response.status == 200, url
        name = f"menafn_{parts.path.strip('/').split('/')[-2 if 'arabic' not in parts.path else 1]}"
        (folder / f"{name}.html.gz").write_bytes(gzip.compress(response.body, mtime=0))
        expected = {k: v for k, v in expected.items() if k not in ("url", "wire")}
        expected.setdefault("page_type", "article")
        (folder / f"{name}.expected.json").write_text(
            json.dumps(expected, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8"
        )
        meta[name] = {"url": url, "source": f"newswire.mirror seed={seed} articles={articles}"}
    (folder / "meta.json").write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return len(pages)


def _save_press(site: PressSite, dest: Path, picks: list, decoy_kinds: tuple[str, ...], seed: int,
                articles: int) -> int:
    """Write one page per picked release (expected: its truth record and the template it was
    served in) and one page per decoy kind (expected: ``page_type`` only). Real-page
    fixtures already listed in ``meta.json`` (``"real_page": true``) are kept."""
    folder = dest / site.wire
    folder.mkdir(parents=True, exist_ok=True)
    meta_path = folder / "meta.json"
    meta = {k: v for k, v in json.loads(meta_path.read_text()).items() if v.get("real_page")} \
        if meta_path.exists() else {}
    pages = []
    for release in dict.fromkeys(picks):
        expected = {k: v for k, v in site.truth_record(release).items() if k not in ("url", "wire")}
        expected.update(page_type="article", parser=f"{site.wire}/{release.template}")
        pages.append((f"{site.wire}_{release.id}", site.url_of(release), expected))
    for decoy_id, (kind, *_rest) in site.decoys.items():
        if kind in decoy_kinds:
            pages.append((f"{site.wire}_{decoy_id}_{kind}", site._decoy_url(decoy_id), {"page_type": "block"}))
    for name, url, expected in pages:
        response = site.handle(unquote(urlsplit(url).path), {})
        if response.status == 429 and expected["page_type"] == "article":  # the release that heals on retry
            response = site.handle(unquote(urlsplit(url).path), {})
        (folder / f"{name}.html.gz").write_bytes(gzip.compress(response.body, mtime=0))
        (folder / f"{name}.expected.json").write_text(
            json.dumps(expected, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8"
        )
        meta[name] = {"url": url, "source": f"newswire.mirror seed={seed} articles={articles}"}
    meta_path.write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return len(pages)


def save_prnewswire(dest: Path, seed: int = 1, articles: int = 60) -> int:
    """One release per template generation and page trap, and the Akamai block page."""
    site = PrnewswireSite(seed=seed, articles=articles)
    newest = site.newest_first()
    picks = [next(r for r in newest if r.template == t) for t in ("2023", "legacy", "2015")]
    picks += [next(r for r in newest if trap in r.traps) for trap in ("gallery", "cf_email")]
    picks.append(next(r for r in newest if r.template == "2023" and not r.traps))
    return _save_press(site, dest, picks, ("akamai",), seed, articles)


def save_globenewswire(dest: Path, seed: int = 1, articles: int = 60) -> int:
    """One release per template generation, the French release, the odd-spaced dateline,
    both contact-block forms, attachments, and the Akamai and captcha block pages."""
    site = GlobenewswireSite(seed=seed, articles=articles)
    newest = site.newest_first()
    picks = [next(r for r in newest if r.template == t) for t in ("2023", "legacy")]
    picks.append(next(r for r in newest if r.language == "fr"))
    picks += [next(r for r in newest if trap in r.traps) for trap in ("odd_spacing", "mw_contact", "attachments")]
    picks.append(next(r for r in newest if r.org))
    return _save_press(site, dest, picks, ("akamai", "captcha"), seed, articles)


def save_businesswire(dest: Path, seed: int = 1, articles: int = 60) -> int:
    """One release per template generation, the client-rendered shell whose release is
    only in its ``__NEXT_DATA__`` blob, the French version, the slug-less URL, a photo
    caption and a "View source version" line, and the Akamai block page."""
    site = BusinesswireSite(seed=seed, articles=articles)
    newest = site.newest_first()
    picks = [next(r for r in newest if r.template == t and not r.traps & {"next_data", "slugless"})
             for t in ("classic", "2024")]
    picks.append(next(r for r in newest if r.language == "fr"))
    picks += [next(r for r in newest if trap in r.traps) for trap in ("next_data", "slugless", "photo", "permalink")]
    picks.append(next(r for r in newest if r.template == "classic" and r.published.month in (7, 8)))
    return _save_press(site, dest, picks, ("akamai",), seed, articles)


def _write_pages(folder: Path, pages: list[tuple[str, str, bytes, dict]], seed: int, articles: int) -> int:
    """Write ``(name, url, page bytes, expected fields)`` fixtures into ``folder`` and list
    them in ``meta.json``, keeping the real-page fixtures (``"real_page": true``) there."""
    folder.mkdir(parents=True, exist_ok=True)
    meta_path = folder / "meta.json"
    meta = {k: v for k, v in json.loads(meta_path.read_text()).items() if v.get("real_page")} \
        if meta_path.exists() else {}
    for name, url, body, expected in pages:
        (folder / f"{name}.html.gz").write_bytes(gzip.compress(body, mtime=0))
        (folder / f"{name}.expected.json").write_text(
            json.dumps(expected, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        meta[name] = {"url": url, "source": f"newswire.mirror seed={seed} articles={articles}"}
    meta_path.write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return len(pages)


def _story_fixture(site, story, name: str) -> tuple[str, str, bytes, dict]:
    """A story page with its truth record (and the template it is served in) as expected."""
    expected = {k: v for k, v in site.truth_record(story).items() if k not in ("url", "wire")}
    expected.update(page_type="article", parser=f"{site.wire}/{story.generation}")
    response = site.handle(urlsplit(story.url).path, {})
    assert response.status == 200, story.url
    return name, story.url, response.body, expected


def save_apnews(dest: Path, seed: int = 1, articles: int = 60) -> int:
    """Both page generations, a fact check, a game preview, a lagging JSON-LD headline, a
    byline of two, a hub, a video and a section page, and the Akamai block page."""
    site = ApnewsSite(seed=seed, articles=articles)
    newest = list(reversed(site.stories))
    picks = [next(s for s in newest if s.generation == g and s.kind == "article" and s.place) for g in ("2024", "2023")]
    picks += [next(s for s in newest if s.kind == k) for k in ("factcheck", "sports")]
    picks += [next(s for s in newest if s.lagging_headline), next(s for s in newest if len(s.authors) == 2)]
    pages = [_story_fixture(site, s, f"apnews_{s.native_id}") for s in dict.fromkeys(picks)]
    video, title = next(iter(site.videos.items()))
    others = [("hub", f"{apnews.BASE}/hub/{next(iter(apnews.HUBS))}", "listing"),
              ("video", f"{apnews.BASE}/video/{apnews.slugify(title)}-{video}", "other"),
              ("section", f"{apnews.BASE}/business", "listing")]
    blocked = next(d for d in site.decoys.values() if d.kind == "blocked")
    others.append(("blocked", blocked.url, "block"))
    for kind, url, page_type in others:
        body = site.handle(urlsplit(url).path, {}).body
        pages.append((f"apnews_mirror_{kind}", url, body, {"page_type": page_type}))
    return _write_pages(dest / "apnews", pages, seed, articles)


def save_einpresswire(dest: Path, seed: int = 1, articles: int = 60) -> int:
    """Both page generations, a release fetched on an EIN News topic site, a corrected
    release, an EIN News teaser and a topic listing (not releases), and the block page."""
    site = EinpresswireSite(seed=seed, articles=articles)
    newest = list(reversed(site.stories))
    picks = [next(s for s in newest if s.generation == g) for g in ("2024", "2016")]
    picks.append(next(s for s in newest if s.modified))
    pages = [_story_fixture(site, s, f"einpresswire_{s.id}") for s in dict.fromkeys(picks)]
    on_topic_site = next(s for s in newest if s.topic == "real-estate" and s not in picks)
    name, _, body, expected = _story_fixture(site, on_topic_site, f"einpresswire_{on_topic_site.id}")
    pages.append((name, on_topic_site.news_url("realestate.einnews.com"), body, expected))
    teaser_id = next(e for e in site.listings["world"] if isinstance(e, tuple))[1]
    blocked = next(d for d in site.decoys.values() if d.kind == "blocked")
    for kind, url, page_type in (
            ("teaser", f"https://world.einnews.com/article_detail/{teaser_id}/x?lcode=x1Qa%3D%3D", "listing"),
            ("listing", "https://realestate.einnews.com/news/real-estate-press-releases", "listing"),
            ("blocked", f"https://world.einnews.com/pr_news/{blocked.id}/{blocked.slug}", "block")):
        body = site.handle(urlsplit(url).path, {"page": "1"}).body
        pages.append((f"einpresswire_mirror_{kind}", url, body, {"page_type": page_type}))
    return _write_pages(dest / "einpresswire", pages, seed, articles)


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "tests/fixtures")
    print(f"{save_menafn(target)} MENAFN fixtures written to {target / 'menafn'}")
    print(f"{save_prnewswire(target)} PR Newswire fixtures written to {target / 'prnewswire'}")
    print(f"{save_globenewswire(target)} GlobeNewswire fixtures written to {target / 'globenewswire'}")
    print(f"{save_apnews(target)} AP News fixtures written to {target / 'apnews'}")
    print(f"{save_einpresswire(target)} EIN Presswire fixtures written to {target / 'einpresswire'}")
    print(f"{save_businesswire(target)} Business Wire fixtures written to {target / 'businesswire'}")
