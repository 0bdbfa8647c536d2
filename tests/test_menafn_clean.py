"""The MENAFN cleaning rules against the real naive scrape in shared/examples."""

from newswire.extraction import clean_fields
from newswire.extraction.text import split_paragraphs
from newswire.parsers.menafn import MARKER, TRACKING_TOKEN, MenafnParser

PARSER = MenafnParser()


def story_paragraphs(naive: str) -> list[str]:
    """The article as a reader sees it: the marker paragraph and the three after it."""
    lines = [line.strip() for line in naive.splitlines() if line.strip()]
    start = next(i for i, line in enumerate(lines) if line.startswith("(MENAFN)"))
    return [lines[start].removeprefix("(MENAFN)").strip(), *lines[start + 1 : start + 4]]


def test_naive_scrape_comes_out_as_the_article_only(naive_menafn_text):
    body = "\n\n".join(line for line in naive_menafn_text.splitlines())
    fields = {"wire": "menafn", "body": body, "title": "Putin expresses gratitude for Kim Jong-un for backing in Ukraine war"}
    fixes = clean_fields(fields, PARSER)
    assert split_paragraphs(fields["body"]) == story_paragraphs(naive_menafn_text)
    assert fields["source"] == "MENAFN"
    assert {"leading_furniture", "source_marker", "trailing_furniture", "repeated_paragraphs"} <= set(fixes)
    for junk in ("Sorry!!", "Error!", "Legal Disclaimer", "Most popular", "Market Research", "No comment", "(MENAFN)"):
        assert junk not in fields["body"]


def test_marker_spellings_name_the_provider():
    for text, provider in [
        ("(MENAFN- Daily News Egypt) CAIRO - Egypt's", "Daily News Egypt"),
        ("(MENAFN - Trend News Agency) KHANKENDI, Azerbaijan, July 4. The", "Trend News Agency"),
        ("(MENAFN) Russian President", None),
    ]:
        match = MARKER.match(text)
        assert match and match.group("provider") == provider


def test_tracking_token_and_dateline_are_taken_out_of_the_text():
    token = "MENAFN20112025000131011023ID1110375316"
    fields = {
        "wire": "menafn",
        "body": (
            "(MENAFN - Trend News Agency) KHANKENDI, Azerbaijan, July 4. The forum opened on Friday with delegates "
            f"from twelve countries attending.\n\nSecond paragraph of the story.\n\n{token} {token}\n\n"
            "Legal Disclaimer:\n\nMENAFN provides the information “as is” without warranty of any kind."
        ),
    }
    fixes = clean_fields(fields, PARSER)
    assert fields["source"] == "Trend News Agency"
    assert fields["dateline"] == "KHANKENDI, Azerbaijan, July 4"
    assert fields["body"].startswith("KHANKENDI, Azerbaijan, July 4. The forum")
    assert fields["body"].endswith("Second paragraph of the story.")
    assert not TRACKING_TOKEN.search(fields["body"])
    assert "tracking_token" in fixes


def test_summary_and_title_lose_menafn_furniture():
    assert PARSER.clean_summary("(MENAFN - Trend News Agency) KHANKENDI, Azerbaijan") == "KHANKENDI, Azerbaijan"
    assert PARSER.clean_title("Putin expresses gratitude | MENAFN.COM") == "Putin expresses gratitude"


def test_body_is_found_by_id_and_by_class_without_it():
    from newswire.extraction.structured import parse_html

    story = "<p>(MENAFN) Russian President Vladimir Putin thanked Kim Jong-un.</p>"
    template = ('<html><body><div class="error-page d-none" id="ctl00_cphMain_divError"><p>Sorry!!</p></div>'
                '<article class="news-story"><h1 class="news-title">T</h1>{byline}<div {attrs}>{story}</div>'
                '</article></body></html>')
    pages = {
        'class="news-body" id="ctl00_cphMain_divBody"': "by id",
        'class="col news-body"': "by class (a template without the ASP.NET id)",
        'id="ctl00_cphMain_divBody"': "by id (a template without the class)",
    }
    for attrs, how in pages.items():
        for byline, authors in (("", None), ('<span class="meta news-author">By Ann Lee</span>', ["By Ann Lee"])):
            fields = PARSER.parse_fields(parse_html(template.format(byline=byline, attrs=attrs, story=story)), "")
            assert fields["container_found"] and fields["body"].strip() == story[3:-4], how
            assert fields.get("authors") == authors, how
    missing = PARSER.parse_fields(parse_html(template.format(byline="", attrs='class="other"', story=story)), "")
    assert not missing["container_found"] and "body" not in missing
