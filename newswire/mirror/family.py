"""One release on several wires: the syndication set (newswires.md §11.9).

When the mirror serves both GlobeNewswire and MENAFN, one GlobeNewswire release is
also served by MENAFN as ``(MENAFN- GlobeNewswire)``, with the same headline and text
(and MENAFN's own furniture around it), and another MENAFN story carries the same
headline over a different text. A crawl of both wires must deliver the release once,
record the MENAFN copy against it, and keep the same-headline story.
"""

from __future__ import annotations


def link(sites) -> dict:
    """Wire the family into the built sites; returns the ids involved (empty when the
    sites needed are not all served)."""
    by_wire = {site.wire: site for site in sites}
    gnw, menafn = by_wire.get("globenewswire"), by_wire.get("menafn")
    if gnw is None or menafn is None:
        return {}
    release = next(r for r in reversed(gnw.newest_first()) if r.language == "en")
    original = gnw.truth_record(release)
    paragraphs = original["body"].split("\n\n")
    dateline = gnw.dateline(release)
    separator = " -- "
    paragraphs[0] = paragraphs[0].removeprefix(dateline + separator)
    copy = menafn.syndicate(original["title"], paragraphs, "GlobeNewswire", dateline, separator, original["tags"])
    twin = menafn.same_headline(original["title"])
    return {"original": original["id"], "copy": f"menafn:{copy.id}", "same_headline": f"menafn:{twin.id}"}
