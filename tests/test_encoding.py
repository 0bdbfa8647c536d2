"""Page bytes to text: declared charset vs the real bytes, BOM, header, meta."""

import pytest

from newswire.extraction import extract_bytes
from newswire.extraction.dates import parse_date, parse_day, to_utc_iso
from newswire.extraction.encoding import decode_html

STORY = " ".join(f"Sentence {i} of the café owners’ story, told in full for the test." for i in range(30))


def doc(meta: str = "", text: str = STORY) -> str:
    return f"<html><head>{meta}<title>Café owners</title></head><body><article><h1>Café owners win “award”</h1><p>{text}</p></article></body></html>"


@pytest.mark.parametrize(
    ("body", "header", "encoding", "how"),
    [
        (doc('<meta charset="utf-8">').encode("utf-8"), None, "utf-8", "meta"),
        (doc('<meta charset="utf-8">').encode("cp1252"), None, "cp1252", "sniffed"),  # declared UTF-8, real cp1252
        (doc('<meta charset="iso-8859-1">').encode("utf-8"), None, "utf-8", "sniffed"),  # declared latin-1, real UTF-8
        (doc().encode("utf-8"), "text/html; charset=ISO-8859-1", "utf-8", "sniffed"),
        (doc().encode("cp1252"), "text/html; charset=windows-1252", "cp1252", "header"),
        (doc('<meta charset="utf-8">').encode("cp1252"), "text/html; charset=iso-8859-1", "cp1252", "header"),  # header beats meta
        (b"\xef\xbb\xbf" + doc().encode("utf-8"), "text/html; charset=iso-8859-1", "utf-8", "bom"),  # BOM beats header
        (doc().encode("cp1252"), None, "cp1252", "sniffed"),  # nothing declared
    ],
    ids=["utf8-ok", "utf8-declared-cp1252-bytes", "latin1-declared-utf8-bytes", "header-latin1-utf8-bytes",
         "header-cp1252-ok", "header-beats-meta", "bom-beats-header", "undeclared-cp1252"],
)
def test_declared_charset_vs_real_bytes(body, header, encoding, how):
    text, used, found_how = decode_html(body, header)
    assert (used, found_how) == (encoding, how)
    assert "Café owners win “award”" in text and "â€" not in text and "\ufffd" not in text


def test_utf8_page_with_a_stray_cp1252_byte_keeps_both():
    body = doc('<meta charset="utf-8">').encode("utf-8").replace(b"</p>", b" \x96 the end</p>")
    text, used, _ = decode_html(body)
    assert used == "utf-8" and "Café owners win “award”" in text and "– the end" in text


def test_shift_jis_is_trusted():
    body = '<html><head><meta charset="shift_jis"></head><body>日本語の記事</body></html>'.encode("shift_jis")
    assert "日本語の記事" in decode_html(body)[0]


def test_extract_bytes_reads_a_mis_declared_page():
    fields = extract_bytes(doc('<meta charset="utf-8">').encode("cp1252"), "https://wire.example/cafe")
    assert fields["title"] == "Café owners win “award”"
    assert "café owners’ story" in fields["body"]
    assert fields["encoding"] == "cp1252 (sniffed)" and "charset_mismatch" in fields["notes"]


@pytest.mark.parametrize("body", [b"", b"   ", b"\x00\x00", b"\xff\xfe", b"<html></html>"])
def test_empty_documents_do_not_raise(body):
    assert extract_bytes(body, "https://wire.example/x")["page_type"] in ("error", "other")


def test_huge_document_bytes():
    body = doc('<meta charset="utf-8">', " ".join(f"Figure {i} from operator {i * 7}." for i in range(150000))).encode("utf-8")
    fields = extract_bytes(body, "https://wire.example/x")  # ~ 4 MB
    assert fields["page_type"] == "article" and fields["word_count"] > 1000


# -- dates without a time or without a date -------------------------------------------------


@pytest.mark.parametrize("raw", ["2016-04-06", "4/6/2016", "June 13, 2017", "May. 25, 2017"])
def test_date_only_values_are_never_a_moment(raw):
    assert parse_date(raw) is None and parse_date(raw, "America/New_York") is None
    assert parse_day(raw) is not None


def test_time_without_a_date_is_rejected():
    assert parse_date("5:10am EDT") is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Tue Dec 30, 2014 9:21am IST", "2014-12-30T03:51:00Z"),  # India, not Israel
        ("Mon Dec 29, 2014 8:57pm GMT", "2014-12-29T20:57:00Z"),
        ("Wed Dec 14, 2016 | 5:03pm EST", "2016-12-14T22:03:00Z"),
        ("Updated 3:10 PM EDT, September 3, 2024", "2024-09-03T19:10:00Z"),
        ("2016-07-22T15:26:09+0000", "2016-07-22T15:26:09Z"),
        ("Jan 10, 2025, 13:39 PT", "2025-01-10T21:39:00Z"),
    ],
)
def test_zone_words_are_kept(raw, expected):
    assert to_utc_iso(raw) == expected


@pytest.mark.parametrize("charset", ["utf-8", "windows-1252", "utf-16"])
def test_control_characters_go_whatever_the_charset(charset):
    from newswire.extraction.stages import parse_response

    page = ('<html><head><script type="application/ld+json">{"@type": "NewsArticle", '
            '"headline": "Kim\x1b[0m backs\x00 Moscow\x0bagain"}</script></head>'
            '<body><article><h1>Kim backs Moscow again</h1><p>' + "Text of the story. " * 30 + "</p></article></body></html>")
    fields = parse_response(page.encode(charset), f"text/html; charset={charset}", "https://example.com/a", 200, "")
    assert fields["title"] == "Kim[0m backs Moscow again"
    assert fields["notes"] == ["control_characters"]
    clean = page.replace("\x1b", "").replace("\x00", "").replace("\x0b", " ")
    again = parse_response(clean.encode(charset), f"text/html; charset={charset}", "https://example.com/a", 200, "")
    assert again["title"] == "Kim[0m backs Moscow again" and not again.get("notes")
