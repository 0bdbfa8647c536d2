"""Score ``extract(html, url)`` metadata on the real saved wire pages.

    python -m newswire.extraction.evaluate_wire_pages [--data ../shared/datasets/wire-pages] [--generic] [-v]

Runs :func:`newswire.extraction.extract` on every page of the ``wire-pages`` dataset
and compares four fields with the expectations stored next to the pages: ``title``,
``published`` (the publication time), ``authors`` and ``language``. Prints correct /
total per field and per wire, then every miss with what we got and what was wanted.
A page without an expectation for a field is not counted for that field.

The expectation files are not all ground truth (each one says so in its ``how``):
fundus, pr-newswire-app and postlight values are parser-test assertions made by
people; snacktory and metascraper values are those tools' own output; the article
bodies of fundus-evaluation and article-extraction-benchmark are hand-made. So each
source is read with its own rule (:data:`RULES`), and a value is only used at the
precision it can support:

* dates with a zone (``2023-04-28 17:40:08+00:00``, ``2023-06-13T09:05:00-04:00``)
  are compared to the minute in UTC;
* snacktory prints zone-less UTC (``2016-07-22 15:26:09`` for the page's
  ``2016-07-22T15:26:09+0000``; ``2017-06-13 10:30:00`` for ``datetime=
  "2017-06-13T10:30:00.000Z"``), so its times are UTC to the minute; its
  ``00:00:00`` values come from a date-only source and are compared as a day;
* metascraper prints a zone-less wall time as if it were UTC (``2016-04-06T12:00Z``
  for "April 06, 2016 12:00 ET", which is 16:00Z), so its dates are compared as a
  day; htmldate and trafilatura expect a day only;
* a day is matched against the day of our value in UTC or in the page's own zone
  (a release at 23:30 ET is on the next day in UTC), or against the date of a
  date-only / zone-less raw value we kept without a UTC time;
* authors are compared as sets of names, case-, accent- and quote-insensitively
  (AP prints ``MATT O’BRIEN``, we give ``Matt O'Brien``). A tool's author string may
  carry more than names (snacktory: "Norah Trent wiseguyreports +1 646 ..."), so
  for those each name we give must occur in it;
* language expectations are metascraper's ``lang`` or, for pages whose expectation
  is an article body, the language of that body text.

Expectations that are not about the field they seem to be are skipped with the
reason printed (newspaper4k's ``meta_refresh_title`` is the document ``<title>`` of
a hosted.ap.org template, "News from The Associated Press", not the headline; a
snacktory "title" that still carries the dateline).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

FIELDS = ("title", "published", "authors", "language")
DEFAULT_DATA = Path("../shared/datasets/wire-pages")
MISSING_URL = "https://hosted.ap.org/unknown"  # one page has no recorded URL
WARM_UP = (
    b"<html><head><title>Warm-up</title></head><body><h1>Warm-up page</h1>"
    b"<p class='date'>Published March 3, 2025 10:00 ET</p><p>"
    + b"A paragraph of text to read, in English, long enough for the language model. " * 20
    + b"</p></body></html>"
)


@dataclass
class Expectation:
    field: str
    value: Any
    precision: str  # dates: "minute" / "day"; authors: "exact" / "contained"; else "exact"
    source: str  # what the value is, for the miss listing


@dataclass
class Result:
    page: str
    wire: str
    field: str
    ok: bool
    got: Any
    want: Any
    note: str


# -- reading the expectations ------------------------------------------------------


def _split_names(value: str) -> list[str]:
    return [p for p in re.split(r"\s*(?:,|;|\band\b|&)\s*", value) if p.strip()]


def _date_expectation(raw: str, source: str, *, naive_is_utc: bool, trust_time: bool) -> Expectation:
    """``raw`` as a UTC minute when its time can be trusted, else as a day."""
    text = raw.strip().replace("Z", "+00:00")
    if re.fullmatch(r"\d{4}-\d\d-\d\d", text):
        return Expectation("published", text, "day", source)
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        if not naive_is_utc or moment.strftime("%H:%M:%S") == "00:00:00":
            return Expectation("published", moment.date().isoformat(), "day", source)
        moment = moment.replace(tzinfo=timezone.utc)
    if not trust_time:
        return Expectation("published", moment.date().isoformat(), "day", source)
    return Expectation("published", moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%MZ"), "minute", source)


def _body_text(kind: str, expected: dict) -> str:
    if kind == "body_text":
        return expected.get("text") or expected.get("articleBody") or expected.get("body") or ""
    if kind == "body_paragraphs":
        paragraphs = expected.get("paragraphs") or expected.get("body_paragraphs") or expected.get("body") or []
        return "\n\n".join(paragraphs) if isinstance(paragraphs, list) else str(paragraphs)
    if kind == "fields+body_paragraphs":
        body = expected.get("body") or {}
        sections = body.get("sections") or [] if isinstance(body, dict) else []
        return "\n\n".join(p for s in sections for p in s.get("paragraphs", []))
    return ""


def expectations(entry: dict) -> tuple[list[Expectation], list[str]]:
    """The checkable expectations of one expected-output file, and the skipped ones
    (``"title: reason"``)."""
    source = entry["_source"]
    kind = entry.get("kind", "")
    exp = entry.get("expected") or {}
    out: list[Expectation] = []
    skipped: list[str] = []

    if source == "fundus":
        if exp.get("title"):
            out.append(Expectation("title", exp["title"], "exact", "fundus title"))
        if exp.get("publishing_date"):
            out.append(_date_expectation(exp["publishing_date"], "fundus publishing_date", naive_is_utc=False, trust_time=True))
        if exp.get("authors"):
            out.append(Expectation("authors", list(exp["authors"]), "exact", "fundus authors"))
    elif source == "pr-newswire-app":
        if exp.get("title"):
            out.append(Expectation("title", exp["title"], "exact", "pr-newswire-app title"))
        if exp.get("date"):
            out.append(_date_expectation(exp["date"], "pr-newswire-app date", naive_is_utc=False, trust_time=True))
    elif source == "postlight":
        if exp.get("title"):
            out.append(Expectation("title", exp["title"], "exact", "postlight title"))
        if exp.get("author"):
            out.append(Expectation("authors", _split_names(exp["author"]), "exact", "postlight author"))
        if exp.get("date_published"):
            out.append(_date_expectation(exp["date_published"], "postlight date_published", naive_is_utc=False, trust_time=True))
    elif source == "snacktory":
        title = exp.get("title") or exp.get("title_assertion_commented_out")
        if title:
            out.append(Expectation("title", title, "exact", "snacktory title"))
        if exp.get("title_as_extracted_by_snacktory"):
            skipped.append("title: snacktory's own title still carries the dateline ('... -- SAN FRANCISCO, Dec. 4, 2015 /PRNewswire/ --')")
        if exp.get("date"):
            out.append(_date_expectation(exp["date"], "snacktory date (zone-less UTC)", naive_is_utc=True, trust_time=True))
        if exp.get("author_name"):
            out.append(Expectation("authors", exp["author_name"], "contained", "snacktory author_name (tool output)"))
    elif source == "metascraper":
        if exp.get("title"):
            out.append(Expectation("title", exp["title"], "exact", "metascraper title"))
        if exp.get("date"):
            out.append(_date_expectation(exp["date"], "metascraper date (tool output, as a day)", naive_is_utc=False, trust_time=False))
        if exp.get("author"):
            out.append(Expectation("authors", exp["author"], "contained", "metascraper author (tool output)"))
        if exp.get("lang"):
            out.append(Expectation("language", exp["lang"], "exact", "metascraper lang"))
    elif source == "trafilatura":
        if exp.get("title"):
            out.append(Expectation("title", exp["title"], "exact", "trafilatura title"))
        if exp.get("author"):
            out.append(Expectation("authors", _split_names(exp["author"]), "exact", "trafilatura author"))
        if exp.get("date"):
            out.append(_date_expectation(exp["date"], "trafilatura date", naive_is_utc=False, trust_time=False))
    elif source == "htmldate":
        if exp.get("date"):
            out.append(_date_expectation(exp["date"], "htmldate date", naive_is_utc=False, trust_time=False))
    if source == "newspaper4k" and exp.get("meta_refresh_title"):
        skipped.append(
            "title: newspaper4k asserts the document <title> of the hosted.ap.org template "
            f"({exp['meta_refresh_title']!r}), not the story headline"
        )

    body = _body_text(kind, exp)
    if body and not any(e.field == "language" for e in out):
        from newswire.extraction.language import detect

        code, _lead = detect(body)
        if code:
            out.append(Expectation("language", code, "exact", "language of the expected body text"))
    return out, skipped


# -- comparing ---------------------------------------------------------------------


_QUOTES = str.maketrans({"‘": "'", "’": "'", "‛": "'", "`": "'", "´": "'", "“": '"', "”": '"', "„": '"'})


def _norm(text: str) -> str:
    """Comparison form: typographic quotes as plain ones (AP writes ``Mexico’s`` in
    its <h1>, ``Mexico's`` in JSON-LD), accents, case and spacing ignored."""
    text = str(text).translate(_QUOTES)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"\s+", " ", text).strip().casefold()


def _got_days(fields: dict) -> set[str]:
    from newswire.extraction.dates import parse_date

    days = set()
    if fields.get("published_at"):
        days.add(fields["published_at"][:10])
    raw = fields.get("published_at_raw")
    if raw:
        local = parse_date(raw)
        if local is not None:
            days.add(local.date().isoformat())
        match = re.match(r"\d{4}-\d\d-\d\d", str(raw))
        if match:
            days.add(match.group(0))
    return days


def compare(exp: Expectation, fields: dict) -> tuple[bool, Any]:
    if exp.field == "title":
        got = fields.get("title")
        return bool(got) and _norm(got) == _norm(exp.value), got
    if exp.field == "language":
        got = fields.get("language")
        return got == exp.value, got
    if exp.field == "authors":
        got = list(fields.get("authors") or [])
        if exp.precision == "contained":
            want = _norm(exp.value)
            return bool(got) and all(_norm(name) in want for name in got), got
        return sorted(map(_norm, got)) == sorted(map(_norm, exp.value)), got
    if exp.field == "published":
        if exp.precision == "minute":
            got = fields.get("published_at")
            return bool(got) and got[:16] + "Z" == exp.value, got or fields.get("published_at_raw")
        days = _got_days(fields)
        return exp.value in days, fields.get("published_at") or fields.get("published_at_raw")
    raise ValueError(exp.field)


# -- running -----------------------------------------------------------------------


def load_pages(data: Path) -> list[dict]:
    pages = json.loads((data / "manifest.json").read_text(encoding="utf-8"))
    for page in pages:
        page["_html"] = (data / page["file"]).read_bytes()
        if page.get("gzip"):
            page["_html"] = gzip.decompress(page["_html"])
        expected = None
        if page.get("expected"):
            expected = json.loads((data / page["expected"]).read_text(encoding="utf-8"))
            expected["_source"] = Path(page["file"]).name.split("--", 1)[0]
        page["_expected"] = expected
    return pages


def _generic_extract(body: bytes, url: str) -> dict:
    """``extract_bytes`` with the generic parser whatever the host: the metadata
    layer alone, without the wire parsers' own rules."""
    from newswire.extraction.article import clean_fields, normalise_fields, parse_page
    from newswire.extraction.encoding import decode_html
    from newswire.parsers.base import Parser

    parser = Parser()
    fields = parse_page(decode_html(body)[0], url, 200, parser)
    fixes: list[str] = []
    if fields.get("page_type") == "article":
        fixes += clean_fields(fields, parser)
        fixes += normalise_fields(fields, parser)
    fields["fixes"] = fixes
    return fields


def evaluate(data: Path, generic: bool = False) -> tuple[list[Result], list[str], dict[str, Any]]:
    from newswire.extraction import extract_bytes

    if generic:
        extract_bytes = _generic_extract  # noqa: F811 - same call, generic parser

    results: list[Result] = []
    skipped: list[str] = []
    info: dict[str, Any] = {"ms": [], "page_types": {}}
    # Imports and first-call set-up (dateparser, htmldate, the language model) are
    # paid once per process, not per page: pay them before timing.
    extract_bytes(WARM_UP, "https://example.org/warm-up")
    extract_bytes(WARM_UP.replace(b"Published March 3, 2025 10:00 ET", b""), "https://example.org/warm-up")
    for page in load_pages(data):
        name = page["file"]
        started = time.perf_counter()
        fields = extract_bytes(page["_html"], page["url"] or MISSING_URL)
        info["ms"].append((time.perf_counter() - started) * 1000)
        info["page_types"][name] = fields.get("page_type")
        if not page["_expected"]:
            continue
        exps, skips = expectations(page["_expected"])
        skipped += [f"{name}: {s}" for s in skips]
        methods = fields.get("methods") or {}
        for exp in exps:
            ok, got = compare(exp, fields)
            method = methods.get("published_at" if exp.field == "published" else exp.field)
            note = f"{exp.source}, {exp.precision}; ours by {method or '-'}"
            results.append(Result(name, page["wire"], exp.field, ok, got, exp.value, note))
    return results, skipped, info


def report(results: list[Result], skipped: list[str], info: dict[str, Any], verbose: bool = False) -> str:
    wires = sorted({r.wire for r in results})
    score: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for r in results:
        for key in ((r.wire, r.field), (r.wire, "*"), ("*", r.field), ("*", "*")):
            score[key][0] += r.ok
            score[key][1] += 1

    def cell(wire: str, field: str) -> str:
        ok, total = score.get((wire, field), (0, 0))
        return f"{ok}/{total}" if total else "-"

    lines = [f"{'wire':<15}" + "".join(f"{f:>11}" for f in (*FIELDS, "all"))]
    for wire in (*wires, "*"):
        label = "all wires" if wire == "*" else wire
        lines.append(f"{label:<15}" + "".join(f"{cell(wire, f):>11}" for f in (*FIELDS, "*")))
    ms = sorted(info["ms"])
    lines.append("")
    lines.append(
        f"{len(ms)} pages, extract_bytes() {sum(ms) / len(ms):.1f} ms/page mean, "
        f"{ms[len(ms) // 2]:.1f} median, {ms[-1]:.1f} max"
    )
    misses = [r for r in results if not r.ok]
    lines.append("")
    lines.append(f"misses ({len(misses)}):")
    for r in misses:
        lines.append(f"  {r.page} [{r.field}]")
        lines.append(f"      got  {r.got!r}")
        lines.append(f"      want {r.want!r}   ({r.note})")
    if skipped:
        lines.append("")
        lines.append("expectations not used:")
        lines.extend(f"  {s}" for s in skipped)
    if verbose:
        lines.append("")
        lines.append("page types:")
        lines.extend(f"  {t:<8} {p}" for p, t in info["page_types"].items())
        lines.append("")
        lines.append("hits:")
        lines.extend(f"  {r.page} [{r.field}] {r.got!r}  ({r.note})" for r in results if r.ok)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the wire-pages folder (default: %(default)s)")
    ap.add_argument("-v", "--verbose", action="store_true", help="also list page types and every hit")
    ap.add_argument("--generic", action="store_true",
                    help="use the generic parser for every host (the metadata layer without wire rules)")
    args = ap.parse_args(argv)
    if not (args.data / "manifest.json").exists():
        print(f"no manifest.json in {args.data}", file=sys.stderr)
        return 2
    results, skipped, info = evaluate(args.data, args.generic)
    print("parsers: generic only" if args.generic else "parsers: as extract() picks them by host")
    print(report(results, skipped, info, args.verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main())
