import pytest

from newswire.extraction.dates import to_utc_iso


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2025-08-13T09:12:00+03:00", "2025-08-13T06:12:00Z"),
        ("2025-08-13T06:12:00Z", "2025-08-13T06:12:00Z"),
        ("2025-08-13T06:12:00.123456+00:00", "2025-08-13T06:12:00Z"),
        ("Wed, 13 Aug 2025 06:12:00 GMT", "2025-08-13T06:12:00Z"),
        ("Wed, 13 Aug 2025 09:12:00 +0300", "2025-08-13T06:12:00Z"),
        ("1723127100000", "2024-08-08T14:25:00Z"),
        # US wires print Eastern time: DST (EDT, -4) in summer, EST (-5) in winter.
        ("Aug 08, 2024 10:25 ET", "2024-08-08T14:25:00Z"),
        ("March 08, 2019 04:10 PM Eastern Standard Time", "2019-03-08T21:10:00Z"),
        ("May 11, 2026 at 12:17 AM ET", "2026-05-11T04:17:00Z"),
    ],
)
def test_dates_with_a_zone_become_utc(raw, expected):
    assert to_utc_iso(raw) == expected


def test_zone_less_time_is_not_guessed():
    assert to_utc_iso("2025-08-13T09:12:00") is None


def test_zone_less_time_with_known_zone_is_converted():
    assert to_utc_iso("2025-08-13T09:12:00", default_tz="Asia/Amman") == "2025-08-13T06:12:00Z"
    assert to_utc_iso("2025-01-13T09:12:00", default_tz="America/New_York") == "2025-01-13T14:12:00Z"


@pytest.mark.parametrize("raw", [None, "", "   ", "not a date", "Sorry!! Error!"])
def test_junk_dates_are_none(raw):
    assert to_utc_iso(raw) is None


US_FORMS = ["11/27/2026 9:05:00 AM", "1/2/2026 12:00:00 PM", "12/31/2025 11:59:59 PM", "1/2/2026 12:30:00 AM",
            "11/27/2026 13:05", "3/4/2026 9:05 PM", "November 27, 2026 10:00", "Nov 27, 2026 10:00",
            "November 7, 2026 9:05 PM", "Sep 3, 2026 12:15 AM", "March 08, 2019 04:10 PM"]
OTHER_FORMS = ["Sept 3, 2026 10:00", "27 November 2026 10:00", "November 27, 2026 10:00 GMT", "13/12/2026 10:00",
               "Tuesday 10:00"]


@pytest.mark.parametrize("value", US_FORMS + OTHER_FORMS)
def test_us_wire_forms_read_as_dateparser_reads_them(value):
    import dateparser

    from newswire.extraction.dates import _parse_us_forms

    fast = _parse_us_forms(value)
    if value in US_FORMS:
        assert fast is not None
    else:  # declined: dateparser reads these
        assert fast is None
        return
    settings = {"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["day", "month", "year"]}
    assert fast == dateparser.parse(value, languages=["en"], settings=settings)
