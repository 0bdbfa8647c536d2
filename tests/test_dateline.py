import pytest

from newswire.extraction.dateline import find_dateline


@pytest.mark.parametrize(
    ("opening", "dateline"),
    [
        ("KHANKENDI, Azerbaijan, July 4. The forum opened", "KHANKENDI, Azerbaijan, July 4"),
        ("TOKYO--(BUSINESS WIRE)--Vietnam aims to attract", "TOKYO--(BUSINESS WIRE)"),
        ("TORONTO, Nov. 26, 2026 (GLOBE NEWSWIRE) -- Wheat prices", "TORONTO, Nov. 26, 2026 (GLOBE NEWSWIRE)"),
        (
            "NEW YORK, NY, UNITED STATES, November 26, 2026 /EINPresswire.com/ -- Gold prices",
            "NEW YORK, NY, UNITED STATES, November 26, 2026 /EINPresswire.com/",
        ),
        ("Mumbai, Nov 27 (IANS) Uzbek Minister", "Mumbai, Nov 27 (IANS)"),
        ("SHARJAH, 26th November, 2026 (WAM) -- Tashkent will", "SHARJAH, 26th November, 2026 (WAM)"),
        ("AMMAN — Pinnacle Insurance plans", "AMMAN"),
        ("CAIRO - Egypt's central bank", "CAIRO"),
    ],
)
def test_wire_datelines(opening, dateline):
    assert find_dateline(opening) == dateline


@pytest.mark.parametrize(
    "opening",
    ["Jordan has launched a strategy", "Putin said: the talks", "Mr. Smith said. Then", "The United Arab Emirates aims", ""],
)
def test_ordinary_sentences_have_no_dateline(opening):
    assert find_dateline(opening) is None
