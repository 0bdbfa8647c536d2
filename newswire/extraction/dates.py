"""Dates to UTC ISO 8601, without ever dropping a time zone.

Accepted: ISO 8601 (``2025-08-13T09:12:00+03:00``, ``...Z``), RFC 822 as used by RSS
(``Wed, 13 Aug 2025 06:12:00 GMT``), epoch milliseconds (AP's ``data-timestamp``) and
human forms such as ``March 08, 2019 04:10 PM Eastern Standard Time`` or
``Aug 08, 2024 14:25 ET`` (through dateparser). A time without a zone is converted
from ``default_tz`` when the caller knows the publisher's zone, otherwise rejected:
guessing UTC would silently shift the story by hours.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from zoneinfo import ZoneInfo

# US wire abbreviations dateparser does not map to a DST-aware zone.
_US_EASTERN = re.compile(r"\b(ET|EST|EDT|Eastern (Standard |Daylight )?Time)\b", re.I)
_EPOCH_MS = re.compile(r"^\d{12,13}$")


def parse_date(raw: str | None, default_tz: str | None = None) -> datetime | None:
    """Parse ``raw`` into an aware datetime, or None when unknown or zone-less."""
    if raw is None:
        return None
    value = str(raw).strip()
    if not value:
        return None
    parsed = _parse_known_forms(value)
    if parsed is None or parsed.tzinfo is None:
        # A zone word the strict parsers skip ("10:25 ET") must not be lost.
        parsed = _parse_human(value) or parsed
    if parsed is None:
        return None
    if parsed.tzinfo is None or parsed.utcoffset() is None:
        if not default_tz:
            return None
        parsed = parsed.replace(tzinfo=ZoneInfo(default_tz))
    return parsed


def to_utc_iso(raw: str | None, default_tz: str | None = None) -> str | None:
    """``raw`` as ``YYYY-MM-DDTHH:MM:SSZ`` in UTC, or None."""
    parsed = parse_date(raw, default_tz)
    return format_utc(parsed) if parsed else None


def format_utc(moment: datetime) -> str:
    """An aware datetime as the schema's UTC form (``2025-08-13T06:12:00Z``)."""
    return moment.astimezone(timezone.utc).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def utc_now_iso() -> str:
    return format_utc(datetime.now(timezone.utc))


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


def _parse_human(value: str) -> datetime | None:
    import dateparser  # imported lazily: it costs ~0.3 s at import and is rarely needed

    zone = None
    if _US_EASTERN.search(value):
        value = _US_EASTERN.sub("", value)
        zone = "America/New_York"
    value = re.sub(r"\s+at\s+", " ", value)
    value = re.sub(r"\s+", " ", value).strip(" ,")
    settings = {"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False}
    parsed = dateparser.parse(value, languages=["en"], settings=settings)
    if parsed is None:
        return None
    if zone and parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=ZoneInfo(zone))
    return parsed
