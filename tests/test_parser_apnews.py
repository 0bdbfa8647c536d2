"""AP parser on the real pages (tests/fixtures/apnews/, copied from
datasets/wire-pages/apnews/): where each story starts and ends, and that nothing of the
page furniture or the ``___`` contributor tail reaches the body."""

from __future__ import annotations

import gzip
import json
import re

import pytest

from newswire.extraction import extract
from newswire.parsers.apnews import ApnewsParser
from tests.conftest import FIXTURES

FOLDER = FIXTURES / "apnews"
META = json.loads((FOLDER / "meta.json").read_text())

# name -> (first words of the body, last words of the body, paragraphs), read off the pages.
BODIES = {
    "apnews_hosted_2016": ("KABUL, Afghanistan (AP) -- The father of the Orlando nightclub gunman",
                           "to force the Taliban to the table, to no avail.", None),
    "apnews_2017": ("LOS ANGELES (AP) — Dani Mathers earned fame posing as a nude model.",
                    "in places where people might be naked or expect privacy.", 19),
    "apnews_hosted_2019": ("LONDON (AP) — Britain's Conservative Party was accused Wednesday",
                           "coalition government with the Conservatives. Clegg now works for Facebook.", 18),
    "apnews_2023_04_28": ("MEXICO CITY (AP) — Mexico’s economy grew by 1.1% in the first quarter of 2023",
                          "Mexico’s central bank has raised interest rates to 11.25% and inflation remains high, at "
                          "6.85%.", 4),
    "apnews_2023_07_11": ("A federal judge has handed Microsoft a major victory",
                          "according to a letter to Microsoft filed in the U.S. case late last month.", 21),
    # 40 paragraphs and 4 sub-headings ("The electoral map settles on seven states", ...)
    "apnews_2024_09_03": ("LA CROSSE, Wis. (AP) — After a summer of historic tumult, the path to the presidency",
                          "There’s still a lot of hay out there in the field.”", 44),
    "apnews_2024_fact_check": ("CLAIM: Israel’s Mossad intelligence agency called the U.S. Air Force an “enemy”",
                               "in the Israel-Hamas war in accordance with international law.", 12),
    "apnews_2024_sports_preview": ("Alabama Crimson Tide (19-8, 11-3 SEC) at Ole Miss Rebels (19-8, 6-8 SEC)",
                                   "Their opponents have averaged 87.3 points.", 12),
    "apnews_2024_sports_recap": ("CHARLESTON, Ill. (AP) — Tiger Booker’s 33 points led Eastern Illinois",
                                 "Shamar Wright also had 10 points, eight rebounds and three steals.", 3),
    "apnews_2024_eu_farmers": ("STRASBOURG, France (AP) — The European Union is on the brink of approving",
                               "in order to protect economic competitiveness.", 12),
}
FURNITURE = re.compile(
    r"(^|\n)(_{3,}|-{3,})(\n|$)|contributed to (this|the) (report|story)|receives support from several private|"
    r"Follow AP|This is part of the AP’s effort|Data Skrive|Advertisement|RELATED COVERAGE|READ MORE|"
    r"What to know about|datawrapper|Other news| ,"
)


def page(name: str) -> dict:
    html = gzip.decompress((FOLDER / f"{name}.html.gz").read_bytes()).decode("utf-8")
    return extract(html, META[name]["url"])


@pytest.mark.parametrize("name", sorted(BODIES))
def test_body_starts_and_ends_where_the_story_does(name):
    start, end, count = BODIES[name]
    body = page(name)["body"]
    assert body.startswith(start)
    assert body.endswith(end)
    if count is not None:
        assert len(body.split("\n\n")) == count


@pytest.mark.parametrize("name", sorted(BODIES))
def test_no_furniture_or_contributor_tail(name):
    fields = page(name)
    assert not FURNITURE.search(fields["body"]), FURNITURE.search(fields["body"])
    assert fields["source"] == "AP"


def test_headline_is_the_visible_one_not_the_lagging_jsonld():
    # JSON-LD headline: "The presidential campaigns brace for a sprint to Election Day"
    title = page("apnews_2024_09_03")["title"]
    assert title == "The presidential campaigns brace for an intense sprint to Election Day"


def test_keywords_lose_their_routing_noise():
    tags = page("apnews_2024_09_03")["tags"]
    assert "Kamala Harris" in tags and "Election 2024" in tags
    assert not [t for t in tags if t.endswith("State Wire") or len(t) < 2]
    assert "trump harris presidential election 2024 labor day" not in tags
    assert tags.count("U.S. news") + tags.count("U.S. News") == 1


@pytest.mark.parametrize(("url", "native"), [
    ("https://apnews.com/article/trump-harris-presidential-election-2024-labor-day-151f82b59473d29a448ef1cea9afe471",
     "151f82b59473d29a448ef1cea9afe471"),
    ("https://apnews.com/article/fact-check-mossad-air-force-enemy-israel-596187204627", "596187204627"),
    ("https://apnews.com/sports/college-basketball-mens-college-basketball-illinois-aaeb44ca598744658d879628c820cd2e",
     "aaeb44ca598744658d879628c820cd2e"),
    ("https://www.apnews.com/b823ddc6905d454dacc65fd107730f95/Playmate-tastes-shame,-ordered-to-clean-up-urban-grit",
     "b823ddc6905d454dacc65fd107730f95"),
    ("https://apnews.com/amp/b823ddc6905d454dacc65fd107730f95", "b823ddc6905d454dacc65fd107730f95"),
    ("https://hosted.ap.org/citizensvoice/article/2896af5086674d4bbbbd454dec217c63/uk-tories-under-fire",
     "2896af5086674d4bbbbd454dec217c63"),
    ("https://apnews.com/hub/donald-trump", None),
    ("https://apnews.com/video/harris-rally-4f1c2a0e9b8d7c6a5f4e3d2c1b0a9f8e", None),
    ("https://apnews.com/politics", None),
])
def test_native_ids(url, native):
    assert ApnewsParser().native_id(url) == native


def test_react_comment_separators_neither_split_nor_space_a_sentence():
    """React writes ``<!-- -->`` between a text run and the next: the story text reads
    on through it, in a paragraph and in a container read whole."""
    from newswire.extraction.structured import parse_html
    from newswire.parsers.apnews import story_paragraphs

    tree = parse_html('<html><body><div class="RichTextStoryBody"><!-- x --><p>The pandemic<!-- -->, but '
                      'not the war<!-- -->.</p><!-- --><p>Second <b>one</b><!-- --> here.</p></div>'
                      '<div id="whole">Runs<!-- -->, read<br><br>whole<!-- -->.</div></body></html>')
    assert story_paragraphs(tree.xpath('//div[@class="RichTextStoryBody"]')[0]) == [
        "The pandemic, but not the war.", "Second one here."]
    (whole,) = story_paragraphs(tree.xpath('//div[@id="whole"]')[0])
    assert [part.strip() for part in whole.split("\n\n") if part.strip()] == ["Runs, read", "whole."]
