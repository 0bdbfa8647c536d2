"""GlobeNewswire body on the real page (a 2016 Marketwired release as served in 2023):
where the release starts and ends, without the contact block, the second headline or
the "Explore" carousel. Exact fields are in ``tests/fixtures/globenewswire``."""

from __future__ import annotations

import gzip
import json

import pytest

from newswire.extraction import extract
from newswire.extraction.text import split_paragraphs
from newswire.parsers.globenewswire import GlobenewswireParser
from tests.conftest import FIXTURES

FOLDER = FIXTURES / "globenewswire"
META = json.loads((FOLDER / "meta.json").read_text())
NAME = "globenewswire_2016_04_06_segment"


@pytest.fixture(scope="module")
def segment() -> dict:
    html = gzip.decompress((FOLDER / f"{NAME}.html.gz").read_bytes()).decode("utf-8")
    return extract(html, META[NAME]["url"])


def test_real_release_body(segment):
    body = segment["body"]
    assert body.startswith("SAN FRANCISCO, CA--(Marketwired - April 06, 2016) - Segment, the customer data platform, "
                           "today released Sources")
    assert body.endswith("For more information visit https://segment.com and https://segment.com/sources.")
    paragraphs = split_paragraphs(body)
    assert len(paragraphs) == 9
    assert paragraphs[-2] == "About Segment"


@pytest.mark.parametrize("furniture", [
    "Contact Information", "MEDIA CONTACT", "Nikki Garcia", "segment@bateman-group.com",  # the contact block
    "Segment Sources Combines Data From Cloud Services",  # the sub-headline above the body
    "HII Hosts Australian Ambassador", "Explore", "Follow", "Source:",
])
def test_no_furniture(segment, furniture):
    assert furniture not in segment["body"]


def test_issuer_is_the_source_not_an_author(segment):
    # JSON-LD says {"author": {"@type": "Person", "name": "Segment"}}: the issuer.
    assert segment["source"] == "Segment"
    assert segment["authors"] == []


def test_date_from_the_time_element_not_the_us_format_meta(segment):
    # og:article:published_time "4/6/2016 4:00:00 PM" (UTC, US order); <time datetime="2016-04-06T16:00:00Z">
    assert segment["published_at"] == "2016-04-06T16:00:00Z"


def test_tags_from_the_keywords_meta(segment):
    assert segment["tags"] == ["Segment"]  # og:article:tag reads "Segment, "


@pytest.mark.parametrize(("paragraph", "dateline"), [
    ("HOUSTON, April 01, 2024 (GLOBE NEWSWIRE) -- Acme Corp. today ...", "HOUSTON, April 01, 2024 (GLOBE NEWSWIRE)"),
    ("SAN FRANCISCO, Aug. 08, 2024 (GLOBE NEWSWIRE) -- Acme ...", "SAN FRANCISCO, Aug. 08, 2024 (GLOBE NEWSWIRE)"),
    ("MONTRÉAL, 26 nov. 2026 (GLOBE NEWSWIRE) -- Acme ...", "MONTRÉAL, 26 nov. 2026 (GLOBE NEWSWIRE)"),
    ("SAN FRANCISCO, CA--(Marketwired - April 06, 2016) - Segment ...",
     "SAN FRANCISCO, CA--(Marketwired - April 06, 2016)"),
])
def test_datelines(paragraph, dateline):
    assert GlobenewswireParser().find_dateline(paragraph) == dateline


def test_native_id():
    parser = GlobenewswireParser()
    url = ("https://www.globenewswire.com/news-release/2025/01/29/3017343/28124/en/"
           "Automation-Testing-Market-Forecast-Report-2025.html")
    assert parser.native_id(url) == "3017343"
    assert parser.native_id("https://www.globenewswire.com/en/search/organization/Segment") is None


def test_2023_container_tickers_and_tags_from_the_metas():
    from newswire.extraction.structured import parse_html

    page = ('<html><head><meta name="ticker" content="NASDAQ:ABCD, NYSE:XYZ"><meta name="keywords" content="AI, ">'
            '<meta name="ticker" content="TSX:Q"><meta name="description" content="x"></head><body>'
            '<h1 class="article-headline">Deal</h1><span id="main-body-container">not this span</span>'
            '<div class="main-body-container article-body " id="main-body-container" itemprop="articleBody">'
            '<p>NEW YORK, May 01, 2024 (GLOBE NEWSWIRE) -- Acme agreed.</p></div></body></html>')
    fields = GlobenewswireParser().parse_fields(parse_html(page), "")
    assert fields["tickers"] == ["NASDAQ:ABCD", "NYSE:XYZ", "TSX:Q"]
    assert fields["tags"] == ["AI"]
    assert fields["methods"]["body"] == "globenewswire:2023" and "Acme agreed." in fields["body"]
    # The usual page: the id names the container alone.
    alone = GlobenewswireParser().parse_fields(parse_html(page.replace('<span id="main-body-container">', '<span>')), "")
    assert alone["body"] == fields["body"] and "not this span" not in alone["body"]
    bare = GlobenewswireParser().parse_fields(parse_html(page.replace('name="ticker"', 'name="other"')
                                                         .replace('name="keywords"', 'name="other"')), "")
    assert "tickers" not in bare and "tags" not in bare
