"""Did a run do its job? The exit status ``scrapy crawl`` returns, decided from stats.

Scrapy exits 0 after almost any failure (every request failing, a missing browser,
a failed monitor, a feed that was never written). A scheduler needs the opposite:
non-zero whenever the run did not deliver what it should have, and one log line
saying why. The codes (first that applies wins):

== ===========================================================================
0  the run did its job (possibly delivering nothing new)
1  the crawl could not start (bad arguments or settings, missing browser)
2  the finish reason is not ``finished`` (stopped by a signal, a deadline, a limit)
3  too many errors: failed downloads and 5xx answers above ``NEWSWIRE_MAX_ERROR_RATE``
   (0.2) of the requests
4  the wire blocked the crawler: block pages (403 "Access Denied", challenges, 429
   given up) on ``NEWSWIRE_MAX_BLOCKED_RATE`` (0.5) or more of the article pages
5  discovery found no article at all where the last complete run found some (a
   layout change, an emptied feed)
6  the feed file was not published
7  a monitor failed (spidermon: schema, fill rates, counts)
== ===========================================================================
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

OK, NOT_STARTED, UNFINISHED, ERRORS, BLOCKED, NOTHING_FOUND, NOT_PUBLISHED, MONITORS = range(8)


@dataclass
class Verdict:
    code: int
    reason: str

    @property
    def ok(self) -> bool:
        return self.code == OK


def found_articles(stats: dict[str, Any]) -> int:
    """Article URLs discovery reached this run, fetched or not (known stories included)."""
    return sum(v for k, v in stats.items() if k.startswith("newswire/incremental/")) or stats.get(
        "newswire/discovery/article_url", 0
    )


def judge(stats: dict[str, Any], settings, *, reason: str | None, feeds_configured: bool,
          previous_found: int | None, monitors_failed: int = 0) -> Verdict:
    if reason != "finished":
        return Verdict(UNFINISHED, f"finish reason is {reason!r}, not 'finished'")
    requests = stats.get("downloader/request_count", 0)
    failed = stats.get("downloader/exception_count", 0) + sum(
        v for k, v in stats.items() if k.startswith("downloader/response_status_count/5")
    )
    max_rate = settings.getfloat("NEWSWIRE_MAX_ERROR_RATE", 0.2)
    if requests and failed / requests > max_rate:
        return Verdict(ERRORS, f"{failed} of {requests} requests failed (over {max_rate:.0%})")
    blocked = sum(v for k, v in stats.items() if k.startswith("newswire/blocked/"))
    pages = blocked + stats.get("item_scraped_count", 0) + sum(
        v for k, v in stats.items() if k.startswith("newswire/drop/"))
    if blocked and blocked / max(pages, 1) >= settings.getfloat("NEWSWIRE_MAX_BLOCKED_RATE", 0.5):
        return Verdict(BLOCKED, f"blocked on {blocked} of {pages} article pages")
    found = found_articles(stats)
    if found == 0 and previous_found:
        return Verdict(NOTHING_FOUND, f"discovery found no article; the last complete run found {previous_found}")
    if feeds_configured and not stats.get("feedexport/success_count/AtomicFileFeedStorage") and not stats.get(
        "feedexport/success_count/FileFeedStorage"
    ):
        return Verdict(NOT_PUBLISHED, "the feed file was not published")
    if monitors_failed:
        return Verdict(MONITORS, f"{monitors_failed} monitor(s) failed")
    return Verdict(OK, f"delivered {stats.get('newswire/delivered', stats.get('item_scraped_count', 0))} stories")
