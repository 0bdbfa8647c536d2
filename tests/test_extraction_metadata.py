"""Generic metadata layer: JSON-LD shapes, meta precedence, visible dates and
bylines, authors as people, teaser articleBody, and the date rules (no invented
times, zones kept). Pages are small synthetic documents shaped like the real wire
pages in ``../shared/datasets/wire-pages`` (the markup quoted in each test)."""

import json

import pytest

from newswire.extraction import extract, normalise_fields, parse_page
from newswire.extraction.article import choose_published
from newswire.extraction.structured import jsonld_objects, parse_html
from newswire.parsers.base import Parser

URL = "https://wire.example/news/2026/solar-output-record"
STORY = "".join(
    f"<p>Paragraph {i} of the story about record solar output across the region this week, "
    f"with figures from the grid operator and comments from analysts.</p>"
    for i in range(6)
)
ARTICLE = {
    "@type": "NewsArticle",
    "headline": "Solar output hits record",
    "datePublished": "2026-11-20T08:00:00+04:00",
    "author": {"@type": "Person", "name": "Jane Doe"},
}


def page(head: str = "", body: str = "", h1: str = "Solar output hits record") -> str:
    return (
        f"<html lang='en'><head><title>Solar output hits record | Wire</title>{head}</head>"
        f"<body><article><h1>{h1}</h1>{body}{STORY}</article></body></html>"
    )


def ld(data) -> str:
    return f'<script type="application/ld+json">{data if isinstance(data, str) else json.dumps(data)}</script>'


# -- JSON-LD shapes ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "block",
    [
        ld(ARTICLE),
        ld([ARTICLE, {"@type": "JW Videos", "name": "clip"}]),  # AP 2024: array with a video block
        ld({"@context": "https://schema.org", "@graph": [{"@type": "WebSite", "name": "Wire"}, ARTICLE]}),
        ld({"@type": "WebPage", "mainEntity": ARTICLE}),
        # GlobeNewswire writes capitalised keys
        ld({"@type": "NewsArticle", "Headline": "Solar output hits record", "DatePublished": "2026-11-20T08:00:00+04:00",
            "author": {"@type": "Person", "name": "Jane Doe"}}),
    ],
    ids=["object", "array", "graph", "mainEntity", "capitalised-keys"],
)
def test_every_jsonld_shape_gives_title_date_and_author(block):
    fields = extract(page(block), URL)
    assert fields["title"] == "Solar output hits record"
    assert fields["published_at"] == "2026-11-20T04:00:00Z"
    assert fields["methods"]["published_at"] == "jsonld"
    assert fields["authors"] == ["Jane Doe"]


def test_single_quoted_jsonld_is_counted_invalid_and_still_read():
    # Reuters 2019-2020: "description": 'Oil prices fell ...' makes json.loads fail
    block = """<script type="application/ld+json">{
        "@type": "NewsArticle", "headline": "Oil falls",
        "datePublished": "2019-11-19T21:57:01+0000",
        "author": {"@type": "Person", "name": "Rodrigo Campos"},
        "description": 'Oil prices fell sharply on Tuesday on "oversupply" concerns',
    }</script>"""
    tree = parse_html(page(block))
    objects, invalid = jsonld_objects(tree)
    assert invalid == 1
    assert objects[0]["description"] == 'Oil prices fell sharply on Tuesday on "oversupply" concerns'
    fields = extract(page(block), URL)
    assert "invalid_jsonld" in fields["notes"]
    assert (fields["published_at"], fields["authors"]) == ("2019-11-19T21:57:01Z", ["Rodrigo Campos"])


def test_unrecoverable_jsonld_costs_only_itself():
    fields = extract(page(ld('{"@type": "NewsArticle", "headline": ') + ld(ARTICLE)), URL)
    assert fields["authors"] == ["Jane Doe"] and "invalid_jsonld" in fields["notes"]


# -- dates ---------------------------------------------------------------------------------


def test_earliest_metadata_date_wins_over_a_page_timestamp():
    # PR Newswire 2015: itemprop datePublished is when the page was rebuilt, days later
    head = ('<meta itemprop="datePublished" content="2015-12-17T20:15:18Z">'
            '<meta name="date" content="2015-12-04T08:00:00Z">')
    fields = extract(page(head), URL)
    assert fields["published_at"] == "2015-12-04T08:00:00Z"
    assert fields["methods"]["published_at"] == "meta"


def test_opengraph_written_with_name_and_value_attributes():
    # Reuters 2016: <meta value="..." name="og:article:published_time">
    head = ('<meta value="2016-12-14T22:03:42+0000" name="og:article:published_time">'
            '<meta value="Howard Schneider and Lindsay Dunsmuir" name="og:article:author">')
    fields = extract(page(head), URL)
    assert fields["published_at"] == "2016-12-14T22:03:42Z"
    assert fields["authors"] == ["Howard Schneider", "Lindsay Dunsmuir"]


def test_microdata_time_inside_date_published():
    # GlobeNewswire: <span itemprop="datePublished"><time datetime="...Z">April 06, 2016 12:00 ET</time>
    body = ('<span itemprop="datePublished"><time datetime="2016-04-06T16:00:00Z">April 06, 2016 12:00 ET</time></span>')
    head = '<meta property="og:article:published_time" content="4/6/2016 4:00:00 PM">'  # zone-less: unusable
    fields = extract(page(head, body), URL)
    assert (fields["published_at"], fields["methods"]["published_at"]) == ("2016-04-06T16:00:00Z", "microdata")


def test_visible_date_with_a_zone_word_when_metadata_has_none():
    # Marketwired 2017: <p id="news-date">April 06, 2016 12:00 ET</p> (EDT, so 16:00Z)
    fields = extract(page(body='<p id="news-date">April 06, 2016 12:00 ET</p>'), URL)
    assert fields["published_at"] == "2016-04-06T16:00:00Z"
    assert fields["published_at_raw"] == "April 06, 2016 12:00 ET"
    assert fields["methods"]["published_at"] == "visible_date"


def test_time_only_and_date_only_texts_of_related_lists_are_not_the_story_date():
    body = ('<ul class="related"><li><span class="timestamp">5:10am EDT</span></li>'
            '<li><span class="timestamp">02 Aug 2012</span></li></ul>'
            '<p class="byline">By Jed Horowitz</p><span class="timestamp">Fri Aug 3, 2012 5:10am EDT</span>')
    fields = extract(page(body=body), URL)
    assert fields["published_at"] == "2012-08-03T09:10:00Z"


def test_time_element_when_metadata_has_no_date():
    fields = extract(page(body='<time datetime="2017-06-13T10:30:00.000Z">June 13, 2017</time>'), URL)
    assert (fields["published_at"], fields["methods"]["published_at"]) == ("2017-06-13T10:30:00Z", "time_element")


def test_data_timestamp_under_updated_is_a_modification():
    # AP: <bsp-timestamp data-timestamp="1725369093000"> with the template "Updated [hour]..."
    body = ('<div class="Page-dateModified">Updated <bsp-timestamp data-timestamp="1725369093000">'
            '<template>Updated [hour]:[minute]</template></bsp-timestamp></div>')
    fields = extract(page(body=body), URL)
    assert fields["published_at"] is None
    assert fields["modified_at"] == "2024-09-03T13:11:33Z"


def test_data_timestamp_under_published_is_the_publication():
    body = '<div>Published <bsp-timestamp data-timestamp="1689088761000"></bsp-timestamp></div>'
    assert extract(page(body=body), URL)["published_at"] == "2023-07-11T15:19:21Z"


def test_zone_less_time_is_kept_raw_and_never_assumed_utc():
    # AP 2017 JSON-LD: "datePublished": "2017-05-25 04:37:39" (no zone)
    fields = extract(page(ld({**ARTICLE, "datePublished": "2017-05-25 04:37:39"})), URL)
    assert fields["published_at"] is None
    assert fields["published_at_raw"] == "2017-05-25 04:37:39"
    assert "published_at_zoneless" in fields["fixes"]


def test_zone_less_time_with_the_wire_zone_is_converted():
    class EasternWire(Parser):
        wire, default_tz = "eastern", "America/New_York"

    parser = EasternWire()
    fields = parse_page(page(ld({**ARTICLE, "datePublished": "2025-01-13T09:12:00"})), URL, parser=parser)
    normalise_fields(fields, parser)
    assert (fields["published_at"], fields["published_at_raw"]) == ("2025-01-13T14:12:00Z", "2025-01-13T09:12:00")


def test_date_only_value_is_not_a_fake_midnight():
    fields = extract(page(ld({**ARTICLE, "datePublished": "2016-04-06"})), URL)
    assert fields["published_at"] is None
    assert fields["published_at_raw"] == "2016-04-06"
    assert "published_date_only" in fields["fixes"]


def test_page_without_any_date_gets_none_and_no_invented_value():
    fields = extract(page(), URL)
    assert fields["published_at"] is None and fields["published_at_raw"] is None


def test_htmldate_gives_a_day_only_when_nothing_else_does():
    # hosted.ap.org 2016: no metadata; htmldate reads the dated URL path as a day
    fields = extract(page(), "https://news.example/article/2016/06/13/father-of-gunman")
    assert fields["published_at"] is None
    if fields["published_at_raw"] is not None:
        assert fields["published_at_raw"].startswith("2016-06-13") and fields["methods"]["published_at"] == "htmldate"


def test_parser_date_beats_metadata_and_feed_comes_after_page_dates():
    candidates = [("2026-11-20T08:00:00Z", "jsonld"), ("2026-11-19T08:00:00Z", "feed"), ("2026-11-21T08:00:00Z", "wire/v1")]
    assert choose_published(candidates)[2] == "wire/v1"
    assert choose_published(candidates[:2])[2] == "jsonld"
    assert choose_published([("June 13, 2017", "visible_date"), ("2017-06-13T10:30:00Z", "feed")])[2] == "feed"


# -- titles and authors -------------------------------------------------------------------


def test_h1_subtitle_and_empty_first_h1():
    # PR Newswire 2015: <h1>Title <small>subtitle</small></h1>; GlobeNewswire: an empty first <h1>
    html = ("<html><head><meta property='og:title' content='Britannica Accelerates Its Digital Transformation'>"
            "</head><body><h1></h1><article><h1>Britannica Accelerates Its Digital Transformation "
            "<small>Salesforce platform helps Britannica reinvent its business</small></h1>" + STORY + "</article></body></html>")
    fields = extract(html, URL)
    assert fields["title"] == "Britannica Accelerates Its Digital Transformation"


def test_upper_case_by_line_becomes_names():
    # AP: <div class="Page-authors">By STEVE PEOPLES , THOMAS BEAUMONT and AMELIA THOMSON-DEVEAUX</div>
    body = '<div class="Page-authors">By&nbsp;STEVE PEOPLES , THOMAS BEAUMONT and AMELIA THOMSON-DEVEAUX</div>'
    fields = extract(page(body=body), URL)
    assert fields["authors"] == ["Steve Peoples", "Thomas Beaumont", "Amelia Thomson-Deveaux"]
    assert fields["methods"]["authors"] == "byline"


def test_innermost_byline_without_the_agency():
    # hosted.ap.org: <div class="byline"><span class="byline">By DANICA KIRKA and JILL LAWLESS</span>Associated Press</div>
    body = '<div class="byline"><span class="byline">By DANICA KIRKA and JILL LAWLESS</span>Associated Press</div>'
    assert extract(page(body=body), URL)["authors"] == ["Danica Kirka", "Jill Lawless"]


@pytest.mark.parametrize(
    ("author", "publisher"),
    [
        ({"@type": "Person", "name": "Reuters"}, {"@type": "Organization", "name": "Reuters"}),  # Reuters 2024
        ({"@type": "Person", "name": "THE ASSOCIATED PRESS"}, {"@type": "Organization", "name": "Associated Press"}),
        ({"@type": "Person", "name": "Reuters Editorial"}, None),
        ({"@type": "Organization", "name": "Segment"}, None),
        ("Associated Press", {"@type": "Organization", "name": "Associated Press"}),  # AP April 2023
    ],
)
def test_organisations_are_not_authors(author, publisher):
    data = {**ARTICLE, "author": author}
    if publisher:
        data["publisher"] = publisher
    fields = extract(page(ld(data)), URL)
    assert fields["authors"] == []


def test_job_title_listed_as_a_person_is_dropped():
    # AP 2023: "author": [{"name": "MATT O'BRIEN", "jobTitle": ...}, {"name": "AP Technology Writer"}]
    data = {**ARTICLE, "author": [{"@type": "Person", "name": "MATT O'BRIEN", "jobTitle": "AP Technology Writer"},
                                  {"@type": "Person", "name": "AP Technology Writer"}]}
    assert extract(page(ld(data)), URL)["authors"] == ["Matt O'Brien"]


def test_meta_author_naming_a_company_or_site_is_not_an_author():
    # PR Newswire: <meta name="author" content="Salesforce">; EIN: content="EIN News"
    for name in ("Salesforce", "EIN News", "Workday Inc."):
        assert extract(page(f'<meta name="author" content="{name}">'), URL)["authors"] == []
    assert extract(page('<meta name="author" content="Norah Trent">'), URL)["authors"] == ["Norah Trent"]


def test_reader_comments_are_not_bylines():
    body = '<div class="commentAuthor byline"><a href="/profile/x">Vuenbelvue</a> wrote:</div>'
    assert extract(page(body=body), URL)["authors"] == []


# -- body and page type ----------------------------------------------------------------------


def test_teaser_article_body_does_not_replace_the_page_text():
    data = {**ARTICLE, "articleBody": "Paragraph 0 of the story about record solar output..."}
    fields = extract(page(ld(data)), URL)
    assert fields["methods"]["body"] != "jsonld:articleBody"
    assert "Paragraph 5 of the story" in fields["body"]


def test_article_body_of_a_script_rendered_page_is_used():
    full = " ".join(f"Sentence {i} of the full story as the publisher put it in JSON-LD." for i in range(40))
    html = (f"<html><head>{ld({**ARTICLE, 'articleBody': full})}</head><body><div id='app'><h1>Solar output hits record</h1>"
            "<p>Loading the story now, one moment.</p></div></body></html>")
    fields = extract(html, URL)
    assert fields["methods"]["body"] in ("json-ld", "jsonld:articleBody")
    assert fields["page_type"] == "article" and "Sentence 39" in fields["body"]


def test_no_metadata_at_all_still_reads_title_and_body():
    html = f"<html><body><h1>Solar output hits record in the region</h1>{STORY}{STORY}</body></html>"
    fields = extract(html, URL)
    assert fields["page_type"] == "article"
    assert fields["title"] == "Solar output hits record in the region"
    assert fields["authors"] == [] and fields["published_at"] is None


# -- how the wire-pages evaluation reads its expectations ------------------------------------


def test_evaluation_reads_each_source_at_the_precision_it_supports():
    from newswire.extraction.evaluate_wire_pages import compare, expectations

    def dates(source, expected):
        exps, _ = expectations({"_source": source, "kind": "fields", "expected": expected})
        return [(e.value, e.precision) for e in exps if e.field == "published"]

    assert dates("fundus", {"publishing_date": "2023-04-28 17:40:08+00:00"}) == [("2023-04-28T17:40Z", "minute")]
    assert dates("pr-newswire-app", {"date": "2023-06-13T09:05:00-04:00"}) == [("2023-06-13T13:05Z", "minute")]
    assert dates("snacktory", {"date": "2016-07-22 15:26:09"}) == [("2016-07-22T15:26Z", "minute")]  # zone-less UTC
    assert dates("snacktory", {"date": "2017-05-25 00:00:00"}) == [("2017-05-25", "day")]  # from a date-only source
    # metascraper prints "April 06, 2016 12:00 ET" as 12:00Z: only its day is usable
    assert dates("metascraper", {"date": "2016-04-06T12:00:00.000Z"}) == [("2016-04-06", "day")]
    assert dates("htmldate", {"date": "2020-01-13"}) == [("2020-01-13", "day")]

    exps, skipped = expectations({"_source": "newspaper4k", "kind": "fields",
                                  "expected": {"meta_refresh_title": "News from The Associated Press"}})
    assert exps == [] and skipped
    authors = expectations({"_source": "snacktory", "kind": "fields",
                            "expected": {"author_name": "Norah Trent wiseguyreports +1 646 845 9349"}})[0][0]
    assert compare(authors, {"authors": ["Norah Trent"]})[0]
    day = expectations({"_source": "htmldate", "kind": "date", "expected": {"date": "2016-04-06"}})[0][0]
    # a release at 23:30 ET is on the next day in UTC: the page's own day counts
    assert compare(day, {"published_at": "2016-04-07T03:30:00Z", "published_at_raw": "2016-04-06T23:30:00-04:00"})[0]
    assert compare(day, {"published_at": None, "published_at_raw": "2016-04-06"})[0]
