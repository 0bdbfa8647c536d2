"""Meta-refresh redirects: followed as Scrapy follows them, without decoding the pages
that cannot have one (newswire.middlewares.MetaRefreshMiddleware)."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from scrapy.downloadermiddlewares.redirect import MetaRefreshMiddleware as ScrapyMetaRefreshMiddleware
from scrapy.http import HtmlResponse, Request
from scrapy.utils.test import get_crawler

from newswire.middlewares import MetaRefreshMiddleware

FIXTURES = Path(__file__).parent / "fixtures"
URL = "https://menafn.com/1112066165/Slug"


def middlewares():
    crawler = get_crawler(settings_dict={"METAREFRESH_ENABLED": True})
    return MetaRefreshMiddleware.from_crawler(crawler), ScrapyMetaRefreshMiddleware.from_crawler(crawler)


def page(body: bytes, encoding: str = "utf-8") -> HtmlResponse:
    return HtmlResponse(URL, body=body, headers={"Content-Type": f"text/html; charset={encoding}"},
                        request=Request(URL))


def outcome(result):
    return result.url if isinstance(result, Request) else "response"


@pytest.mark.parametrize("body, encoding, expected", [
    (b'<html><head><meta http-equiv="refresh" content="0; url=/moved"></head><body>x</body></html>', "utf-8",
     "https://menafn.com/moved"),
    (b'<html><head><META HTTP-EQUIV="Refresh" CONTENT="1;URL=https://menafn.com/moved"></head></html>', "utf-8",
     "https://menafn.com/moved"),
    # w3lib reads character references in the text: the word is not in the bytes.
    (b'<html><head><meta http-equiv="&#82;efresh" content="0; url=/moved"></head></html>', "utf-8", None),
    ('<html><head><meta http-equiv="refresh" content="0; url=/moved"></head></html>'.encode("utf-16"), "utf-16",
     "https://menafn.com/moved"),
    (b'<html><head><title>No redirect</title></head><body>' + b"x" * 20000 + b"</body></html>", "utf-8", "response"),
])
def test_a_page_is_redirected_or_not_as_scrapy_decides(body, encoding, expected):
    ours, scrapys = middlewares()
    response, fresh = page(body, encoding), page(body, encoding)
    scrapy_says = outcome(scrapys.process_response(fresh.request, fresh))
    assert outcome(ours.process_response(response.request, response)) == scrapy_says
    if expected is not None:
        assert scrapy_says == expected


def test_saved_wire_pages_get_scrapys_answer_and_are_decoded_only_if_they_say_refresh():
    ours, scrapys = middlewares()
    pages = sorted(FIXTURES.glob("*/*.html.gz"))
    assert len(pages) >= 6
    skipped = 0
    for path in pages:
        body = gzip.decompress(path.read_bytes())
        response, fresh = page(body), page(body)
        assert outcome(ours.process_response(response.request, response)) == \
            outcome(scrapys.process_response(fresh.request, fresh)), path
        if b"refresh" not in body[:16384].lower():
            assert response._cached_ubody is None, path  # never decoded
            skipped += 1
    assert skipped >= len(pages) - 3


@pytest.mark.parametrize("reference", [b"&#114;", b"&#x72;", b"&#X0052", b"&#0101;", b"&#104"])
def test_a_reference_to_a_letter_of_refresh_is_left_to_scrapy(reference):
    from newswire.middlewares import _REFRESH_LETTER_REF

    assert _REFRESH_LETTER_REF.search(b"<title>" + reference + b"</title>")
    assert not _REFRESH_LETTER_REF.search(b"<title>&#8217; &#1140; &#x720; &amp;</title>")
