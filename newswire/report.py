"""The human side of a run report: a text summary and a small HTML page with charts.

Written next to the feed and its manifest (``output/menafn/<run>.summary.txt`` and
``<run>.report.html``) from the manifest, the published feed and the fill rates.
The charts are inline SVG bars, so the page opens anywhere without scripts or network.
"""

from __future__ import annotations

import html
import json
from collections import Counter
from pathlib import Path


def articles_per_hour(feed: Path) -> dict[str, int]:
    """Delivered stories by publication hour (UTC), from the published feed."""
    hours: Counter[str] = Counter()
    if feed.exists():
        with feed.open(encoding="utf-8") as handle:
            for line in handle:
                published = json.loads(line).get("published_at") or ""
                hours[published[:13].replace("T", " ") + ":00" if published else "unknown"] += 1
    return dict(sorted(hours.items()))


def summary_text(manifest: dict, fill: dict[str, float]) -> str:
    lines = [
        f"newswire run {manifest['wire']}/{manifest['run_id']}: {manifest['exit']['reason']} (exit {manifest['exit']['code']})",
        f"finish reason {manifest['finish_reason']}, {manifest['elapsed_seconds']} s, {manifest['requests']} requests "
        f"({manifest.get('article_requests', 0)} article pages)",
        f"delivered {manifest.get('delivered', 0)} stories in {manifest['feed']}",
    ]
    for title, counts in (("dropped", manifest["dropped"]), ("fixed", manifest["fixes"]), ("errors", manifest["errors"])):
        if counts:
            lines.append(f"{title}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    if fill:
        lines.append("fill rates: " + ", ".join(f"{k} {v:.0%}" for k, v in sorted(fill.items())))
    return "\n".join(lines) + "\n"


def _bars(title: str, data: dict[str, float], percent: bool = False) -> str:
    if not data:
        return f"<h2>{html.escape(title)}</h2><p>none</p>"
    top = max(data.values()) or 1
    row, width = 22, 360
    parts = [f'<h2>{html.escape(title)}</h2><svg width="{width + 330}" height="{row * len(data) + 4}" role="img">']
    for i, (label, value) in enumerate(data.items()):
        bar = int(width * (value / (1 if percent else top)))
        shown = f"{value:.0%}" if percent else f"{value:g}"
        y = i * row
        parts.append(f'<text x="0" y="{y + 15}">{html.escape(label)}</text>'
                     f'<rect x="200" y="{y + 3}" width="{max(bar, 1)}" height="16" fill="#3b6ea5"/>'
                     f'<text x="{205 + max(bar, 1)}" y="{y + 15}">{shown}</text>')
    parts.append("</svg>")
    return "".join(parts)


def report_html(manifest: dict, per_hour: dict[str, int], fill: dict[str, float]) -> str:
    exit_info = manifest["exit"]
    colour = "#2e7d32" if exit_info["code"] == 0 else "#c62828"
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>newswire {html.escape(manifest['wire'])} {html.escape(manifest['run_id'])}</title>
<style>body{{font:14px sans-serif;margin:2em;max-width:60em}} svg text{{font:12px sans-serif}} .exit{{color:{colour}}}</style></head>
<body><h1>{html.escape(manifest['wire'])} — run {html.escape(manifest['run_id'])}</h1>
<p class="exit"><b>exit {exit_info['code']}</b>: {html.escape(exit_info['reason'])}</p>
<p>{manifest.get('delivered', 0)} stories delivered in <code>{html.escape(manifest['feed'])}</code>;
{manifest['requests']} requests in {manifest['elapsed_seconds']} s; finish reason {html.escape(str(manifest['finish_reason']))}.</p>
{_bars("Articles per hour of publication (UTC)", per_hour)}
{_bars("Items dropped, by reason", manifest['dropped'])}
{_bars("Field fill rates", dict(sorted(fill.items())), percent=True)}
</body></html>
"""


def write_reports(folder: Path, manifest: dict, fill: dict[str, float]) -> None:
    base = folder / manifest["run_id"]
    per_hour = articles_per_hour(folder / manifest["feed"])
    for suffix, text in ((".summary.txt", summary_text(manifest, fill)), (".report.html", report_html(manifest, per_hour, fill))):
        part = base.with_name(base.name + suffix + ".part")
        part.write_text(text, encoding="utf-8")
        part.replace(base.with_name(base.name + suffix))
