"""The dateline a wire story opens with, in the forms the wires print.

``KHANKENDI, Azerbaijan, July 4. The ...``          -> ``KHANKENDI, Azerbaijan, July 4``
``TOKYO--(BUSINESS WIRE)--Vietnam aims ...``          -> ``TOKYO--(BUSINESS WIRE)``
``TORONTO, Nov. 26, 2026 (GLOBE NEWSWIRE) -- ...``    -> ``TORONTO, Nov. 26, 2026 (GLOBE NEWSWIRE)``
``NEW YORK, NY, UNITED STATES, November 26, 2026 /EINPresswire.com/ -- ...``
``Mumbai, Nov 27 (IANS) Uzbek Minister ...``          -> ``Mumbai, Nov 27 (IANS)``
``AMMAN — Pinnacle Insurance ...``                    -> ``AMMAN``

A place followed by a separator only counts when the place is in capitals or a date
or credit follows it, so an ordinary sentence ("Jordan has launched ...",
"Putin said: ...") is never taken for a dateline. The dateline stays in the body.
"""

from __future__ import annotations

import re

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATE = rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,\s*\d{{4}})?|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}})"
_WORD = r"[A-Z][\w'.&-]*"
_PLACE = rf"{_WORD}(?:\s+{_WORD})*"
# "/EINPresswire.com/", "(GLOBE NEWSWIRE)", "(IANS)", "--(BUSINESS WIRE)", "/PRNewswire/"
_CREDIT = r"(?:\s*/[\w.\- ]+/|\s*\([A-Z][\w .\-]*\)|--\([A-Z][A-Z .\-]*\))"
_DATELINE = re.compile(
    rf"^(?P<dateline>(?P<place>{_PLACE})(?:,\s+(?:(?P<date>{_DATE})|{_PLACE}))*(?P<credit>{_CREDIT})?)"
    rf"(?P<sep>\s*--\s*|\s+[-–—]+\s+|(?<=\d)\.\s+|(?<=[)/])\s+)"
)


def find_dateline(paragraph: str) -> str | None:
    """The dateline opening ``paragraph``, or None."""
    match = _DATELINE.match(paragraph or "")
    if not match:
        return None
    place = match.group("place")
    first_word = place.split()[0]
    shouting = len(first_word) >= 2 and first_word.replace(".", "").isupper()
    if not (shouting or match.group("date") or match.group("credit")):
        return None
    return match.group("dateline").strip()
