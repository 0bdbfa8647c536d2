import json

import pytest

from newswire.extraction import extract
from newswire.extraction.structured import cut_elements, first, jsonld_objects, page_metadata, parse_html

ARTICLE = {
    "@type": "NewsArticle",
    "headline": "Solar output hits record",
    "datePublished": "2026-11-20T08:00:00+04:00",
    "dateModified": "2026-11-20T10:30:00Z",
    "author": [{"@type": "Person", "name": "Jane Doe"}, {"@type": "Organization", "name": "Wire Co"}],
    "keywords": "energy, solar, energy",
    "inLanguage": "en-GB",
}
PARAGRAPHS = "".join(
    f"<p>Paragraph {i} of the story about record solar output across the region this week, "
    f"with figures from the grid operator and comments from analysts.</p>"
    for i in range(6)
)


def page(head: str, body: str = PARAGRAPHS) -> str:
    return f"<html lang='en'><head><title>Solar | Site</title>{head}</head><body><article><h1>Solar output hits record</h1>{body}</article></body></html>"


def ld(data) -> str:
    return f'<script type="application/ld+json">{data if isinstance(data, str) else json.dumps(data)}</script>'


@pytest.mark.parametrize(
    "block",
    [
        ld(ARTICLE),
        ld([{"@type": "WebSite", "name": "Site"}, ARTICLE]),
        ld({"@context": "https://schema.org", "@graph": [{"@type": "Organization", "name": "Site"}, ARTICLE]}),
        ld({**ARTICLE, "@type": ["NewsArticle", "Article"]}),
    ],
    ids=["object", "array", "graph", "type-list"],
)
def test_jsonld_shapes_give_the_same_fields(block):
    meta = page_metadata(parse_html(page(block)))
    assert first(meta, "title") == ("Solar output hits record", "jsonld")
    assert first(meta, "published_at") == ("2026-11-20T08:00:00+04:00", "jsonld")
    assert first(meta, "authors") == (["Jane Doe"], "jsonld")  # the organisation is not an author
    assert first(meta, "tags")[0] == ["energy", "solar", "energy"]


def test_invalid_jsonld_block_is_counted_and_others_still_read():
    broken = ld('{"@type": "NewsArticle", "headline": "Broken, }')
    tree = parse_html(page(broken + ld(ARTICLE)))
    objects, invalid = jsonld_objects(tree)
    assert invalid == 1
    assert [o["headline"] for o in objects] == ["Solar output hits record"]
    fields = extract(page(broken), "https://example.org/solar")
    assert fields["page_type"] == "article"
    assert fields["title"] == "Solar output hits record"  # from the <h1>, since JSON-LD is unreadable


def test_opengraph_and_meta_fallbacks():
    head = (
        '<meta property="og:title" content="Solar output hits record | Site">'
        '<meta property="article:published_time" content="2026-11-20T04:00:00Z">'
        '<meta name="description" content="Record solar output.">'
        '<meta name="keywords" content="energy,solar">'
        '<link rel="canonical" href="https://example.org/solar?utm_source=x">'
    )
    fields = extract(page(head), "https://example.org/solar?ref=home")
    assert fields["title"] == "Solar output hits record"  # the <h1>, not the suffixed og:title
    assert fields["published_at"] == "2026-11-20T04:00:00Z"
    assert fields["published_at_raw"] == "2026-11-20T04:00:00Z"
    assert fields["summary"] == "Record solar output."
    assert fields["tags"] == ["energy", "solar"]
    assert fields["canonical_url"] == "https://example.org/solar"
    assert fields["language"] == "en"


def test_page_without_metadata_still_gives_body_and_no_invented_date():
    fields = extract(page(""), "https://example.org/solar")
    assert fields["page_type"] == "article"
    assert fields["published_at"] is None
    assert "Paragraph 0 of the story" in fields["body"]


@pytest.mark.parametrize("html", ["", "   ", "<html></html>", "\x00\x00", "<p>unclosed <b>tags <i>everywhere"])
def test_empty_and_broken_documents_do_not_raise(html):
    fields = extract(html, "https://example.org/x")
    assert fields["page_type"] in ("error", "other")


def test_huge_document_does_not_raise():
    body = "".join(f"<p>Paragraph {i} reports figure {i * 7} from grid operator number {i}.</p>" for i in range(20000))
    html = page("", body)  # ~ 1.3 MB of distinct paragraphs
    fields = extract(html, "https://example.org/solar")
    assert fields["page_type"] == "article"
    assert fields["word_count"] > 1000


def test_cut_elements_removes_each_element_with_all_it_holds():
    page = ('<body><nav class="main-nav"><ul><li><nav id="sub"><a href="/a">A</a></nav></li></ul></nav>'
            '<article><p>Story</p></article><NAV>menu</NAV ><footer>f</footer></body>')
    assert cut_elements(page, ("nav",)) == "<body><article><p>Story</p></article><footer>f</footer></body>"


def test_cut_elements_reads_scripts_and_comments_as_text():
    # A "<nav>" inside a script or a comment opens nothing; "<nav-menu>" is another element.
    page = ('<script>document.write("<nav>");</script><!-- <nav> --><nav-menu>m</nav-menu>'
            '<p>Story</p><nav>x<script>var s = "</nav>";</script>y</nav><p>End</p>')
    assert cut_elements(page, ("nav",)) == (
        '<script>document.write("<nav>");</script><!-- <nav> --><nav-menu>m</nav-menu><p>Story</p><p>End</p>')


def test_cut_elements_keeps_an_element_that_is_never_closed():
    page = "<nav>a</nav><p>Story</p><nav><p>cut short"
    assert cut_elements(page, ("nav",)) == "<p>Story</p><nav><p>cut short"
    assert cut_elements("<p>no menus</p>", ("nav",)) == "<p>no menus</p>"


def test_parsed_elements_answer_xpath_as_lxml_does():
    """Trees come with compiled, cached XPath and a C class lookup: same answers,
    variables included, and lxml.html's comment class for comments."""
    from lxml import etree
    from lxml import html as lxml_html

    html = page("<!-- note -->", "<p class='a'>One</p><p class='b'>Two</p>")
    tree = parse_html(html)
    plain = lxml_html.document_fromstring(html)
    for path in ("//p/text()", "normalize-space(//h1)", "count(//p)", "//p[@class='b']"):
        ours, theirs = tree.xpath(path), plain.xpath(path)
        assert ([getattr(x, "text", x) for x in ours] if isinstance(ours, list) else ours) == \
            ([getattr(x, "text", x) for x in theirs] if isinstance(theirs, list) else theirs)
    assert [p.text for p in tree.xpath("//p[@class=$c]", c="a")] == ["One"]
    assert tree.xpath("string(//p[2])") == "Two"
    assert tree.body.text_content().startswith("Solar output hits record")
    assert any(isinstance(node, lxml_html.HtmlComment) for node in tree.iter(etree.Comment))


def test_broken_html_is_reported_for_that_page_only():
    problems: list[str] = []
    parse_html("<html><body><div><p>x</span></div></body></html>", problems)
    assert problems == ["broken_html"]
    clean: list[str] = []
    parse_html(page(""), clean)  # the same thread's parser, run again
    assert clean == []


def test_visible_bylines_are_searched_only_where_a_page_may_print_one():
    byline = "<div class='Page-byline'>By JANE DOE</div>" + PARAGRAPHS
    tree = parse_html(page("", byline))
    assert first(page_metadata(tree), "authors") == (["JANE DOE"], "byline")
    assert first(page_metadata(tree, bylines=False), "authors") == (None, None)
    # Author metadata is read either way.
    meta = page_metadata(parse_html(page("<meta property='article:author' content='Jane Doe'>", byline)), bylines=False)
    assert first(meta, "authors") == (["Jane Doe"], "meta")



def test_descendant_steps_rewrites_only_steps_without_positions():
    """``//step[test]`` becomes ``/descendant::step[test]``; a step whose predicate is or
    may be a position keeps its ``//``, because there the two differ."""
    from newswire.extraction.structured import descendant_steps

    rewritten = {
        '//script[@type="application/ld+json"]': '/descendant::script[@type="application/ld+json"]',
        "//body//*[@itemprop][not(self::meta)]": "/descendant::body/descendant::*[@itemprop][not(self::meta)]",
        './/div[contains(@class, "col")]': './descendant::div[contains(@class, "col")]',
        "(//h1)[1]": "(/descendant::h1)[1]",
        "//x[.//y]": "/descendant::x[./descendant::y]",
    }
    for path, expected in rewritten.items():
        assert descendant_steps(path) == expected
    for path in ("//p[1]", "//p[last()]", "//a[@href][position() > 1]", "//tr[td]", "//x[count(y)]",
                 "//body//@class", "//comment()", '//p[contains(@class, "a//b")][2]'):
        assert descendant_steps(path).replace("/descendant::body", "//body") == path
    assert descendant_steps('//p[@class="a//b"]') == '/descendant::p[@class="a//b"]'  # strings are not read
    # Why positions are left alone: two divs of two paragraphs each.
    tree = parse_html("<html><body><div><p>a</p><p>b</p></div><div><p>c</p><p>d</p></div></body></html>")
    assert [p.text for p in tree.xpath("//p[1]")] == ["a", "c"]
    assert [p.text for p in tree.xpath("/descendant::p[1]")] == ["a"]


def test_every_parser_xpath_finds_the_same_nodes_rewritten(monkeypatch):
    """Every expression the extraction runs on the wires' fixture pages, evaluated as
    written and as rewritten by ``descendant_steps``, on every fixture page: the same
    nodes and values."""
    import gzip

    from lxml import etree

    from newswire.extraction import structured
    from tests.test_fixtures import FIXTURES, fixture_cases

    used: set[str] = set()
    rewrite = structured.descendant_steps

    def recording(path: str) -> str:
        used.add(path)
        return rewrite(path)

    monkeypatch.setattr(structured, "descendant_steps", recording)
    structured._compiled.cache_clear()
    cases = [case.values for case in fixture_cases()]
    pages = [(gzip.decompress((FIXTURES / wire / f"{name}.html.gz").read_bytes()).decode("utf-8"), url)
             for wire, name, url in cases]
    for html, url in pages:
        extract(html, url)
    structured._compiled.cache_clear()
    changed = sorted(path for path in used if rewrite(path) != path)
    assert len(changed) >= 20, changed
    checked = 0
    for html, _url in pages:
        tree = parse_html(html)
        for path in changed:
            as_written, as_rewritten = etree.XPath(path)(tree), etree.XPath(rewrite(path))(tree)
            if isinstance(as_written, list):
                assert [id(x) if isinstance(x, etree._Element) else x for x in as_written] == \
                    [id(x) if isinstance(x, etree._Element) else x for x in as_rewritten], path
                checked += bool(as_written)
            else:
                assert as_written == as_rewritten, path
    assert checked >= len(pages)


def test_microdata_reads_body_elements_with_itemprop_in_document_order():
    from newswire.extraction.structured import microdata

    tree = parse_html(
        '<html><head><meta itemprop="datePublished" content="2001-01-01"></head><body>'
        '<div itemscope><time itemprop="datePublished" datetime="2024-05-01T10:00:00Z">May 1</time>'
        '<meta itemprop="dateModified" content="2024-05-02">'
        '<span itemprop="author" itemscope itemtype="https://schema.org/Organization">'
        '<span itemprop="name">PR Newswire</span></span>'
        '<p><span itemprop="author">Ann Lee</span> <b itemprop="headline">Deal</b></p></div></body></html>')
    found = microdata(tree)
    assert found["datepublished"] == [("2024-05-01T10:00:00Z", False)]
    assert "datemodified" not in found  # a <meta> is read with the other meta tags
    assert [value for value, _ in found["author"]] == ["PR Newswire", "Ann Lee"]
    assert [org for _, org in found["author"]] == [True, False]
    assert found["headline"] == [("Deal", False)]
