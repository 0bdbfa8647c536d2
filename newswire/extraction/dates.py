"""Dates to UTC ISO 8601, without ever dropping a time zone.

Accepted: ISO 8601 (``2025-08-13T09:12:00+03:00``, ``...Z``), RFC 822 as used by RSS
(``Wed, 13 Aug 2025 06:12:00 GMT``), epoch milliseconds (AP's ``data-timestamp``) and
human forms such as ``March 08, 2019 04:10 PM Eastern Standard Time`` or
``Aug 08, 2024 14:25 ET`` (through dateparser). A time without a zone is converted
from ``default_tz`` when the caller knows the publisher's zone, otherwise rejected:
guessing UTC would silently shift the story by hours.

A value without a time of day (``2016-04-06``, ``June 13, 2017``, ``4/6/2016``) is
not a moment at all: :func:`parse_date` rejects it even when the zone is known, so
it never becomes a fake midnight timestamp; :func:`parse_day` reads it as a date.
A time without a date (``5:10am EDT`` in a list of related stories) is rejected too:
the parser would otherwise fill in today's date.
"""

from __future__ import annotations

import functools
import re
import time
from datetime import date, datetime, timezone
from email.utils import parsedate_to_datetime
from zoneinfo import ZoneInfo

# Zone words dateparser does not map to a DST-aware zone, or maps to the wrong one:
# US wires print "ET" / "EST" / "EDT" for New York time whatever the season, and
# "IST" on wire pages (in.reuters.com "Tue Dec 30, 2014 9:21am IST") is India
# (+05:30), where dateparser reads Israel (+02:00).
_ZONE_WORDS = (
    (re.compile(r"\b(ET|EST|EDT|Eastern (Standard |Daylight )?Time)\b", re.I), "America/New_York"),
    (re.compile(r"\b(CT|CST|CDT|Central (Standard |Daylight )?Time)\b"), "America/Chicago"),
    (re.compile(r"\b(MT|MST|MDT|Mountain (Standard |Daylight )?Time)\b"), "America/Denver"),
    (re.compile(r"\b(PT|PST|PDT|Pacific (Standard |Daylight )?Time)\b"), "America/Los_Angeles"),
    (re.compile(r"\bIST\b"), "Asia/Kolkata"),
)
_EPOCH_MS = re.compile(r"^\d{12,13}$")
# A time of day: "09:05", "9:21am", "4 PM", or an ISO "T09".
_TIME_OF_DAY = re.compile(r"\d{1,2}:\d\d|\b\d{1,2}\s*[ap]\.?m\b|T\d\d", re.I)
# Words around a visible date that are not part of it ("Published", "Updated", "|").
_LEAD_WORDS = re.compile(r"^\W*(?:first\s+)?(?:published|updated|posted|last\s+updated|released|modified)(?:\s+on)?\b\W*", re.I)
_ISO_DATE = re.compile(r"^(\d{4})-(\d\d)-(\d\d)")


def has_time(raw: str | None) -> bool:
    """Whether ``raw`` carries a time of day (``"2017-05-25 04:37:39"``: yes;
    ``"2016-04-06"``, ``"4/6/2016"``, ``"June 13, 2017"``: no)."""
    value = str(raw or "").strip()
    return bool(_EPOCH_MS.match(value) or _TIME_OF_DAY.search(value))


def parse_date(raw: str | None, default_tz: str | None = None) -> datetime | None:
    """Parse ``raw`` into an aware datetime, or None when unknown or zone-less."""
    if raw is None:
        return None
    value = str(raw).strip()
    if not value or not has_time(value):
        return None
    return _parse_cached(value, default_tz)


@functools.lru_cache(maxsize=4096)
def _parse_cached(value: str, default_tz: str | None) -> datetime | None:
    # Cached: one page offers the same value several times (JSON-LD, OpenGraph,
    # microdata), and each is compared while choosing the publication date.
    parsed = _parse_known_forms(value)
    if parsed is None or (parsed.tzinfo is None and not _ISO_DATE.match(value)):
        # A zone word the strict parsers skip ("10:25 ET") must not be lost. A
        # zone-less ISO value ("2024-09-03T04:03:19") has no such word to find.
        parsed = _parse_human(value) or parsed
    if parsed is None:
        return None
    if parsed.tzinfo is None or parsed.utcoffset() is None:
        if not default_tz:
            return None
        parsed = parsed.replace(tzinfo=ZoneInfo(default_tz))
    return parsed


def parse_day(raw: str | None) -> date | None:
    """The calendar date ``raw`` names, for values that carry no time of day
    (``"2016-04-06"``, ``"4/6/2016"``, ``"June 13, 2017"``), or the local date of a
    zone-less timestamp (``"2017-05-25 04:37:39"`` -> 2017-05-25). None for junk."""
    if raw is None:
        return None
    value = _LEAD_WORDS.sub("", str(raw).strip())
    if not value:
        return None
    match = _ISO_DATE.match(value)
    if match:
        try:
            return date(*map(int, match.groups()))
        except ValueError:
            return None
    parsed = _parse_known_forms(value) or _parse_human(value)
    return parsed.date() if parsed else None


def to_utc_iso(raw: str | None, default_tz: str | None = None) -> str | None:
    """``raw`` as ``YYYY-MM-DDTHH:MM:SSZ`` in UTC, or None."""
    parsed = parse_date(raw, default_tz)
    return format_utc(parsed) if parsed else None


def format_utc(moment: datetime) -> str:
    """An aware datetime as the schema's UTC form (``2025-08-13T06:12:00Z``)."""
    # isoformat, not strftime: half the time (~2 us), and a four-digit year always.
    return moment.astimezone(timezone.utc).replace(microsecond=0, tzinfo=None).isoformat() + "Z"


_now_iso = (0, "")


def utc_now_iso() -> str:
    """The current moment in the schema's UTC form, made once a second (``crawled_at`` of
    every article: a crawl stamps a few hundred a second)."""
    global _now_iso
    second = int(time.time())
    if second != _now_iso[0]:
        _now_iso = (second, format_utc(datetime.fromtimestamp(second, timezone.utc)))
    return _now_iso[1]


def _parse_known_forms(value: str) -> datetime | None:
    if _EPOCH_MS.match(value):
        return datetime.fromtimestamp(int(value) / 1000, tz=timezone.utc)
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00") if value.endswith("Z") else value)
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None


# The forms US wire pages print, read exactly as dateparser reads them (month first) in
# a few microseconds instead of its ~2 ms: "11/27/2026 9:05:00 AM" (PR Newswire's
# meta), "November 27, 2026 10:00" (a zone word already taken off). Anything else,
# or anything left over, goes to dateparser.
_US_FORMS = (
    "%m/%d/%Y %I:%M:%S %p", "%m/%d/%Y %I:%M %p", "%m/%d/%Y %H:%M:%S", "%m/%d/%Y %H:%M",
    "%B %d, %Y %H:%M", "%B %d, %Y %I:%M %p", "%b %d, %Y %H:%M", "%b %d, %Y %I:%M %p",
)


def _parse_us_forms(value: str) -> datetime | None:
    for form in _US_FORMS:
        try:
            return datetime.strptime(value, form)
        except ValueError:
            continue
    return None


def _parse_human(value: str) -> datetime | None:
    import dateparser  # imported lazily: it costs ~0.3 s at import and is rarely needed

    zone = None
    value = _LEAD_WORDS.sub("", value).replace("|", " ")
    for pattern, name in _ZONE_WORDS:
        if pattern.search(value):
            value, zone = pattern.sub("", value), name
            break
    value = re.sub(r"\s+at\s+", " ", value)
    value = re.sub(r"\s+", " ", value).strip(" ,")
    # A zone named in the text ("11:44pm GMT", "9:21am IST") is kept: the result is
    # aware exactly when the text names one. Day, month and year are all required,
    # so "5:10am EDT" or "Tuesday" never borrow today's date.
    parsed = _parse_us_forms(value)
    if parsed is None:
        settings = {"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["day", "month", "year"]}
        parsed = dateparser.parse(value, languages=["en"], settings=settings)
    if parsed is None:
        return None
    if zone and parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=ZoneInfo(zone))
    return parsed
