"""Page types from small synthetic pages shaped like what crawlers really receive."""

import json

import pytest

from newswire.extraction import extract

URL = "https://wire.example/news/story-1"
STORY = "".join(
    f"<p>Paragraph {i} of a real story about the port's new terminal, with figures from the operator "
    f"and comments from shipping analysts in the region.</p>"
    for i in range(8)
)

AKAMAI = """<HTML><HEAD><TITLE>Access Denied</TITLE></HEAD><BODY><H1>Access Denied</H1>
You don't have permission to access "http&#58;&#47;&#47;www&#46;prnewswire&#46;com&#47;news&#45;releases&#47;x&#46;html"
on this server.<P>Reference&#32;&#35;18&#46;6f0b3e17&#46;1700000000&#46;1a2b3c4d</BODY></HTML>"""
CLOUDFLARE = """<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title>
<meta http-equiv="refresh" content="390"></head><body><div class="main-wrapper"><h1>wire.example</h1>
<h2 id="challenge-running">Checking if the site connection is secure</h2>
<noscript>Enable JavaScript and cookies to continue</noscript>
<script src="/cdn-cgi/challenge-platform/h/g/orchestrate/chl_page/v1?ray=8a1b2c3d"></script></div></body></html>"""
JS_WALL = """<html><head><title>wire.example</title></head><body>
<h1>JavaScript is disabled</h1><p>In order to continue, we need to verify that you're not a robot.
This requires JavaScript. Enable JavaScript and then reload the page.</p></body></html>"""
SOFT_404 = """<html><head><title>Page Not Found | Wire</title></head><body>
<nav>""" + "".join(f'<a href="/section/{i}">Section {i}</a>' for i in range(20)) + """</nav>
<h1>Sorry, the page you requested was not found.</h1><p>It may have been moved or deleted.
Try the search box or go back to the home page.</p></body></html>"""


def listing_page(jsonld: str = "") -> str:
    items = "".join(
        f'<li class="card"><h3><a href="/news/2026/11/{i}/story-{i}">Company {i} announces quarterly results '
        f'and new plant</a></h3><p class="teaser">Company {i} said revenue rose in the quarter.</p>'
        f'<span class="date">Nov {i + 1}, 2026</span></li>'
        for i in range(25)
    )
    return (f"<html><head><title>Business news | Wire</title>{jsonld}</head><body><h1>Business</h1>"
            f"<ul class='news-list'>{items}</ul></body></html>")


@pytest.mark.parametrize(("html", "status"), [(AKAMAI, 403), (AKAMAI, 200), (CLOUDFLARE, 503), (CLOUDFLARE, 200), (JS_WALL, 200)],
                         ids=["akamai-403", "akamai-200", "cloudflare-503", "cloudflare-200", "javascript-wall"])
def test_block_pages(html, status):
    assert extract(html, URL, status)["page_type"] == "block"


def test_soft_404_is_an_error():
    assert extract(SOFT_404, URL)["page_type"] == "error"


def test_http_error_is_an_error():
    assert extract(f"<html><body><h1>Story</h1>{STORY}</body></html>", URL, 404)["page_type"] == "error"


def test_section_page_is_a_listing():
    assert extract(listing_page(), "https://wire.example/business")["page_type"] == "listing"


def test_collection_page_jsonld_is_a_listing():
    block = '<script type="application/ld+json">' + json.dumps({"@type": "CollectionPage", "name": "Business"}) + "</script>"
    html = f"<html><head>{block}</head><body><h1>Business</h1>{STORY}</body></html>"
    assert extract(html, "https://wire.example/business")["page_type"] == "listing"


def test_article_with_noscript_and_related_links_stays_an_article():
    related = "".join(f'<li><a href="/news/{i}">Another story headline number {i} about the port</a></li>' for i in range(30))
    html = (f"<html><head><meta property='og:type' content='article'></head><body><noscript>Please enable JavaScript "
            f"to view the comments.</noscript><article><h1>Port opens terminal</h1>{STORY}</article>"
            f"<aside><ul>{related}</ul></aside></body></html>")
    assert extract(html, URL)["page_type"] == "article"


def test_article_without_metadata_but_many_nav_links_stays_an_article():
    # PR Newswire 2015/2016: og:type "website", no JSON-LD article, hundreds of topic links
    nav = "".join(f'<a href="/news-releases/topic-{i}-latest-news/">Topic number {i} latest news list</a>' for i in range(60))
    html = f"<html><head><meta property='og:type' content='website'></head><body><div>{nav}</div><h1>Release</h1>{STORY}</body></html>"
    assert extract(html, URL)["page_type"] == "article"


def test_error_wording_around_a_real_story_is_still_an_article():
    html = (f"<html><head><title>Not found? No: a story</title><meta property='og:type' content='article'></head>"
            f"<body><h1>Error! We're sorry</h1>{STORY}</body></html>")
    assert extract(html, URL)["page_type"] == "article"
