import pytest

from newswire.extraction.urls import _PLAIN, _canonicalize_parsed, canonicalize_url, host_of
from newswire.parsers import parser_for_url

CANONICAL = "https://menafn.com/1109925453/Putin-Expresses-Gratitude-For-Kim-Jong-Un"


@pytest.mark.parametrize(
    "variant",
    [
        CANONICAL,
        "http://menafn.com/1109925453/Putin-Expresses-Gratitude-For-Kim-Jong-Un",
        "https://www.menafn.com/1109925453/Putin-Expresses-Gratitude-For-Kim-Jong-Un",
        "https://menafn.com/1109925453/Putin-Expresses-Gratitude-For-Kim-Jong-Un#rssom",
        "https://menafn.com/1109925453/Putin-Expresses-Gratitude-For-Kim-Jong-Un?utm_source=rss&utm_medium=feed",
        "https://MENAFN.com/1109925453/Putin-Expresses-Gratitude-For-Kim-Jong-Un?pg=2",
    ],
)
def test_url_variants_have_one_canonical_form(variant):
    assert canonicalize_url(variant) == CANONICAL


def test_query_that_is_the_address_is_kept():
    url = "https://menafn.com/qn_news_story_s.aspx?storyid=1095168700&title=Abdali-Mall&utm_campaign=x"
    assert canonicalize_url(url) == "https://menafn.com/qn_news_story_s.aspx?storyid=1095168700&title=Abdali-Mall"


@pytest.mark.parametrize(
    ("url", "native"),
    [
        (CANONICAL, "1109925453"),
        ("http://www.menafn.com/1096309905/Some-Story", "1096309905"),
        ("https://menafn.com/qn_news_story_s.aspx?storyid=1095168700&title=Abdali-Mall", "1095168700"),
        ("https://menafn.com/arabic/1110375316/%D8%A8%D9%88%D8%AA%D9%8A%D9%86", "1110375316"),
        ("https://menafn.com/section/business?page=2", None),
    ],
)
def test_menafn_native_id(url, native):
    parser = parser_for_url(url)
    assert parser.wire == "menafn"
    assert parser.native_id(url) == native


def test_unknown_host_gets_generic_parser():
    assert parser_for_url("https://example.org/news/1").wire == "generic"
    assert host_of("https://www.Example.org/x") == "example.org"


@pytest.mark.parametrize("url", [
    "https://www.globenewswire.com/news-release/2026/11/27/3195000/0/en/Acme-Reports-Q3.html",
    "http://www.prnewswire.com/news-releases/acme-to-present-at-conference-302939768.html",
    "https://menafn.com/1112066165/Aluminium-Prices-Fall",
    "https://www.businesswire.com/news/home/20261127005123/en/",
    "https://apnews.com/article/storm-flood-6f1c2a0b9e",
    "https://menafn.com",
    "https://menafn.com/a//b",
    "https://menafn.com/-x/_y/~z.v1",
])
def test_a_plain_url_takes_the_short_path_to_the_same_canonical_form(url):
    assert _PLAIN.fullmatch(url)
    assert canonicalize_url(url) == _canonicalize_parsed(url)


@pytest.mark.parametrize("url", [
    "https://WWW.Menafn.com/1/A", "http://menafn.com:8080/1/x", "https://menafn.com/%7Eb", "https://menafn.com/x#frag",
    "https://menafn.com/a/./b/../c", "https://menafn.com/.well-known/x", "https://u:p@menafn.com/x",
    "https://menafn.com/ä", "https://menafn.com/x?storyid=1&utm_source=rss", " https://menafn.com/x",
])
def test_any_other_url_is_parsed(url):
    assert not _PLAIN.fullmatch(url)
    assert canonicalize_url(url) == _canonicalize_parsed(url)
