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

from newswire.mirror.menafn import MenafnSite


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


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "tests/fixtures")
    print(f"{save_menafn(target)} MENAFN fixtures written to {target / 'menafn'}")
