"""Author names: people only, one name per entry.

Pages credit authors in many shapes: JSON-LD ``author`` objects, ``article:author``
meta, a visible byline ("By STEVE PEOPLES , THOMAS BEAUMONT and AMELIA
THOMSON-DEVEAUX"), a ``<meta name="author">`` that often names the site or the
company issuing a press release. The schema's ``authors`` are people, so:

* an organisation is not an author: a name equal to the page's publisher or site
  name (Reuters' JSON-LD Person "Reuters", AP's "The Associated Press" next to the
  publisher "AP News"/"Associated Press"), or with an organisation word ("Reuters
  Editorial", "IPD Group", "Workday Inc.", "EIN News");
* a job title is not an author: AP lists ``{"@type": "Person", "name": "AP
  Technology Writer"}`` next to the reporter;
* a mailbox (``marketing@menafn.com (MENAFN)``), a profile URL
  (``https://apnews.com/author/...``) or a contact line with a phone number is not
  a name.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_BY = re.compile(r"^\s*(?:by|from|written by|words by)\s*[:\-]?\s+", re.I)
_SPLIT = re.compile(r"\s*(?:,|;|\||\band\b|&|\bund\b|\bet\b|\by\b)\s*", re.I)
# Words that make a name an organisation, a desk or a role rather than a person.
ORG_WORDS = re.compile(
    r"\b(press|news|newswire|wire|wires|media|agency|agencies|inc|ltd|llc|llp|plc|corp|corporation|company|"
    r"group|holdings|gmbh|limited|editorial|staff|desk|team|bureau|newsroom|newspaper|magazine|network|"
    r"foundation|association|university|institute|ministry|department|office|services|solutions|"
    r"technologies|partners|research|reports)\b\.?",
    re.I,
)
ROLE_WORDS = re.compile(
    r"\b(writer|correspondent|editor|reporter|columnist|contributor|photographer|producer|"
    r"analyst|journalist|author|administrator|admin)s?\s*$",
    re.I,
)
_NOT_A_NAME = re.compile(r"@|https?://|www\.|\d")


def key(name: str) -> str:
    """Comparison form: accents, case, punctuation and a leading "the" ignored
    (``"The Associated Press"`` == ``"associated press"``)."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    text = " ".join(re.findall(r"\w+", text))
    return re.sub(r"^the ", "", text)


def split_byline(text: str) -> list[str]:
    """``"By DANICA KIRKA and JILL LAWLESS"`` -> ``["DANICA KIRKA", "JILL LAWLESS"]``."""
    text = " ".join(str(text).split())
    text = _BY.sub("", text)
    return [part.strip(" .:-–—") for part in _SPLIT.split(text) if part and part.strip(" .:-–—")]


def is_person(name: str, organisations: Iterable[str] = (), *, min_words: int = 1) -> bool:
    """Whether ``name`` can be a person's name on this page (see the module doc)."""
    words = name.split()
    if not words or len(words) > 6 or len(words) < min_words or len(name) > 60:
        return False
    if _NOT_A_NAME.search(name) or ORG_WORDS.search(name) or ROLE_WORDS.search(name):
        return False
    k = key(name)
    return bool(k) and all(k != key(org) for org in organisations if org)


def person_names(values: Iterable[str], organisations: Iterable[str] = (), *, min_words: int = 1) -> list[str]:
    """The people named by ``values`` (bylines or names), split and filtered, unique."""
    orgs = [o for o in organisations if o]
    out: list[str] = []
    seen: set[str] = set()
    for value in values:
        if not value:
            continue
        for name in split_byline(str(value)):
            if is_person(name, orgs, min_words=min_words) and key(name) not in seen:
                seen.add(key(name))
                out.append(name)
    return out
