"""PR Newswire bodies on the real pages (2015, 2016 legacy, 2023, 2025): where the
release starts and ends, and none of the page furniture in between. The exact fields
(title, date, source, dateline, tickers) are in ``tests/fixtures/prnewswire``."""

from __future__ import annotations

import gzip
import json
import re

import pytest

from newswire.extraction import extract
from newswire.extraction.article import clean_fields, parse_page
from newswire.extraction.text import split_paragraphs
from newswire.parsers.press_release import decode_cloudflare_email
from newswire.parsers.prnewswire import PrnewswireParser
from tests.conftest import FIXTURES, SHARED

FOLDER = FIXTURES / "prnewswire"
META = json.loads((FOLDER / "meta.json").read_text())
FURNITURE = re.compile(
    r"Continue Reading|WANT YOUR COMPANY|FEATURED ON PRNEWSWIRE|440k\+|GET STARTED|email\s*protected|"
    r"^SOURCE |RELATED LINKS|Paragraph (before|After)|PRNewsfoto|photos\.prnewswire\.com|Media Contact|"
    r"For media inquiries|Share this article|Contact PR Newswire",
    re.M,
)

# (fixture, first words of the body, last words of the body, paragraphs)
BODIES = [
    ("prnewswire_2023_06_13_workday",
     "PLEASANTON, Calif., June 13, 2023 /PRNewswire/ -- Workday, Inc. (NASDAQ: WDAY), a leader in enterprise cloud",
     "Customers who purchase Workday services should make their purchase decisions based upon services, features, "
     "and functions that are currently available.", 11),
    ("prnewswire_2025_06_10_whataburger",
     "SAN ANTONIO, June 10, 2025 /PRNewswire/ -- Toast to 75 years of Whataburger",
     "Get yours while they last! Prices vary by store.", 8),
    ("prnewswire_2015_12_04_britannica",
     "SAN FRANCISCO, Dec. 4, 2015 /PRNewswire/ -- Salesforce [NYSE: CRM], the Customer Success Platform",
     "empowers companies to connect with their customers in a whole new way. For more information about "
     "Salesforce (NYSE: CRM), visit: www.salesforce.com.", 9),
    ("prnewswire_2016_06_13_azalead",
     "SAN FRANCISCO, June 13, 2016 /PRNewswire/ -- Azalead, the international leader in Account Based Marketing",
     "win more target accounts faster. For more information, visit http://azalead.com/", 13),
]


def _extract(name: str) -> dict:
    html = gzip.decompress((FOLDER / f"{name}.html.gz").read_bytes()).decode("utf-8")
    return extract(html, META[name]["url"])


@pytest.mark.parametrize(("name", "start", "end", "count"), BODIES, ids=[b[0] for b in BODIES])
def test_real_release_body(name, start, end, count):
    fields = _extract(name)
    assert fields["body"].startswith(start)
    assert fields["body"].endswith(end), fields["body"][-300:]
    assert len(split_paragraphs(fields["body"])) == count
    assert not FURNITURE.search(fields["body"]), FURNITURE.search(fields["body"])


def test_2023_gallery_caption_and_comment_are_not_body():
    body = _extract("prnewswire_2023_06_13_workday")["body"]
    assert "Emma Chalwin, Chief Marketing Officer, Workday" not in body  # the photo caption
    assert "if video/audio" not in body  # an HTML comment


def test_2015_comments_do_not_double_the_body():
    body = _extract("prnewswire_2015_12_04_britannica")["body"]
    assert body.count("For more than 240 years") == 1


def test_2016_dateline_paragraph_joins_the_lead_and_logo_line_goes():
    fields = _extract("prnewswire_2016_06_13_azalead")
    first = split_paragraphs(fields["body"])[0]
    assert first.startswith("SAN FRANCISCO, June 13, 2016 /PRNewswire/ -- Azalead,")
    assert "LOGO" not in fields["body"]
    assert "press@azalead.com" not in fields["body"]


def test_the_share_modal_is_not_the_body():
    """2023/2025: ``div.col-sm-10.col-sm-offset-1`` inside the <article> is a modal;
    the body comes from ``section.release-body``."""
    fields = _extract("prnewswire_2025_06_10_whataburger")
    assert fields["parser"] == "prnewswire/2023"
    assert "Share this article" not in fields["body"]


def test_cloudflare_email_decoding():
    """The 2025 page's media contact, as served: ``data-cfemail`` (XOR key, then the bytes)
    and the ``/cdn-cgi/l/email-protection#`` link carry the same address."""
    assert decode_cloudflare_email("05726d64716467707762607745616e666b6072762b666a68") == "whataburger@dkcnews.com"
    assert decode_cloudflare_email("6b1c030a1f0a091e190c0e192b0f0008050e1c1845080406") == "whataburger@dkcnews.com"
    assert decode_cloudflare_email("zz") is None


def test_yahoo_copy_permalink_becomes_original_url():
    """A PR Newswire release re-published on Yahoo Finance (2017) ends "To view the
    original version on PR Newswire, visit:<url>": the PR Newswire rules turn that line
    into ``original_url`` and drop it from the body."""
    page = SHARED / "datasets" / "wire-pages" / "yahoo-finance" / "snacktory--finance.yahoo.com.html"
    url = "https://finance.yahoo.com/news/aac-holdings-inc-present-william-103000626.html"
    parser = PrnewswireParser()
    fields = parse_page(page.read_bytes(), url, parser=parser)
    clean_fields(fields, parser)
    assert fields["original_url"] == ("http://www.prnewswire.com/news-releases/aac-holdings-inc-to-present-at-"
                                      "william-blair-2017-growth-conference-300472756.html")
    assert "To view the original version" not in fields["body"]
    assert fields["body"].startswith("BRENTWOOD, Tenn., June 13, 2017 /PRNewswire/ -- AAC Holdings, Inc.")
    assert parser.native_id(fields["original_url"]) == "300472756"


@pytest.mark.parametrize("line", [
    "View original content to download multimedia:https://www.prnewswire.com/news-releases/acme-302478038.html",
    "View original content:https://www.prnewswire.com/news-releases/acme-302478038.html",
])
def test_view_original_content_lines(line):
    fields: dict = {}
    kept, fixes = PrnewswireParser().clean_paragraphs(["NEW YORK, Nov. 26, 2026 /PRNewswire/ -- Acme ...", line,
                                                       "SOURCE Acme Corp."], fields)
    assert kept == ["NEW YORK, Nov. 26, 2026 /PRNewswire/ -- Acme ..."]
    assert fields["original_url"] == "https://www.prnewswire.com/news-releases/acme-302478038.html"
    assert fields["source"] == "Acme Corp."
    assert "original_url" in fixes
