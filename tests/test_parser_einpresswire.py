"""EIN Presswire parser on the real pages (tests/fixtures/einpresswire/, copied from
datasets/wire-pages/einpresswire/): the release from its dateline to the end of the
issuer's text, the issuer from the contact block, and EIN News teasers never read as
releases."""

from __future__ import annotations

import gzip
import json

import pytest

from newswire.extraction import extract
from newswire.parsers.einpresswire import EinpresswireParser
from tests.conftest import FIXTURES

FOLDER = FIXTURES / "einpresswire"
META = json.loads((FOLDER / "meta.json").read_text())


def page(name: str) -> dict:
    html = gzip.decompress((FOLDER / f"{name}.html.gz").read_bytes()).decode("utf-8")
    return extract(html, META[name]["url"])


def test_2016_release_body_from_dateline_to_the_issuers_last_line():
    body = page("einpresswire_2016_einnews")["body"]
    assert body.startswith("PUNE, INDIA, July 22, 2016 /EINPresswire.com/ -- Wiseguyreports.Com Adds “Hybrid Cloud "
                           "Computing Market - Global Industry Analysis")
    # The issuer's "About Us" ends the release; its "Contact Us:" lines and EIN's contact block are not text.
    assert body.endswith("ensuring you will receive the most reliable and up to date research data available.")
    assert "Contact Us:" not in body and "Norah Trent" not in body and "email us here" not in body
    assert "Latest News on Hybrid Cloud Computing" not in body  # the italic sub-headline is the summary
    assert "About Us" in body.split("\n\n")


def test_2016_release_issuer_and_no_author():
    fields = page("einpresswire_2016_einnews")
    assert fields["source"] == "wiseguyreports"  # "Norah Trent / wiseguyreports / +1 646 ... / email us here"
    assert fields["authors"] == []  # the JSON-LD author "Norah Trent" is the media contact


def test_aggregator_teaser_is_not_a_release():
    fields = page("einpresswire_it_teaser")
    assert fields["page_type"] == "listing"
    assert fields["body"].endswith("(continue reading)")


@pytest.mark.parametrize(("url", "native"), [
    ("https://www.einpresswire.com/article/897023252/yuno-partners-with-conduit-to-power-stablecoin-based-cross-border"
     "-payments", "897023252"),
    ("https://realestate.einnews.com/pr_news/908834379/two-truck-drivers-built-a-national-pool-rental-marketplace",
     "908834379"),
    ("http://www.einnews.com/pr_news/336348008/hybrid-cloud-computing-industry?ref=rss&pg=2", "336348008"),
    ("https://it.einnews.com/article_detail/327400938/?lcode=otNalICFi_tU71dBe-4j3A%3D%3D&ref=rss", None),
    ("https://world.einnews.com/news/world-press-releases?page=2", None),
])
def test_the_release_id_is_the_story_on_every_host(url, native):
    assert EinpresswireParser().native_id(url) == native
