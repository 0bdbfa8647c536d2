"""Offline tests of the generic article-body extractor on small synthetic pages."""

from __future__ import annotations

import json
import time

import pytest

from newswire.extraction.body import BodyResult, extract_body, extract_body_text

# Eight distinct paragraphs of plain prose, long enough for any extractor to
# recognise an article.
PARAS = [
    f"Paragraph {i} of the story reports that the city council met on Tuesday evening to debate "
    f"the {topic} budget, and members spoke for more than an hour about the costs, the schedule "
    f"and the residents who wrote letters asking for changes before the final vote next month."
    for i, topic in enumerate(
        ["road", "school", "library", "water", "park", "transit", "housing", "police"], start=1
    )
]
HEADLINE = "Council Debates Budget Until Late Night"


def page(body_html: str, *, head: str = "", before: str = "", after: str = "") -> str:
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{HEADLINE} | Example Times</title>
<meta property="og:title" content="{HEADLINE}">{head}</head>
<body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li></ul></nav></header>
<main><article>
<h1>{HEADLINE}</h1>
<p class="byline">By Jane Doe</p>
{before}
<div class="story-body">
{body_html}
</div>
{after}
</article></main>
<footer><p>Contact us</p><p><a href="/privacy">Privacy policy</a></p></footer>
</body></html>"""


def paragraphs(text: str) -> list[str]:
    return text.split("\n\n") if text else []


def test_result_shape_and_paragraph_format():
    html = page("".join(f"<p>{p}</p>" for p in PARAS))
    result = extract_body(html, "https://example.com/news/budget")
    assert isinstance(result, BodyResult)
    assert result.method in {"trafilatura+dom", "trafilatura", "json-ld"}
    assert paragraphs(result.text) == PARAS
    assert "\n\n\n" not in result.text
    assert extract_body_text(html, "https://example.com/news/budget") == result.text


def test_headline_and_byline_removed_from_top():
    # the headline repeated inside the body container, then a date line
    body = f"<h2>{HEADLINE}</h2><p>Updated Nov. 19, 2019 8:21 am ET</p>" + "".join(f"<p>{p}</p>" for p in PARAS)
    text = extract_body_text(page(body))
    first = paragraphs(text)[0]
    assert first == PARAS[0]
    assert HEADLINE not in text
    assert "Jane Doe" not in text


def test_caption_and_credit_removed():
    figure = (
        '<figure><img src="a.jpg" alt=""><figcaption>The council chamber on Tuesday evening, '
        "where members met for the budget debate. Photo: John Smith / Reuters</figcaption></figure>"
    )
    credit_line = '<p class="wp-caption-text">Councillors voting on the plan (AP Photo/Evan Vucci)</p>'
    body = f"<p>{PARAS[0]}</p>{figure}<p>{PARAS[1]}</p>{credit_line}" + "".join(f"<p>{p}</p>" for p in PARAS[2:])
    text = extract_body_text(page(body))
    assert "Reuters" not in text
    assert "AP Photo" not in text
    assert "council chamber on Tuesday evening, where" not in text
    assert paragraphs(text) == PARAS


def test_list_items_and_short_subheads_kept():
    items = ["Repave Main Street", "Open two new libraries", "Hire twelve lifeguards"]
    body = (
        "".join(f"<p>{p}</p>" for p in PARAS[:3])
        + "<h2>What the plan funds</h2><ul>"
        + "".join(f"<li>{item}</li>" for item in items)
        + "</ul>"
        + "".join(f"<p>{p}</p>" for p in PARAS[3:])
    )
    parts = paragraphs(extract_body_text(page(body)))
    for item in items:
        assert item in parts
    assert "What the plan funds" in parts
    assert parts.index("Repave Main Street") < parts.index(PARAS[3])


def test_body_split_by_ad_block_is_recovered():
    # the body comes in chunks of the same class with ad slots between them
    chunks = [PARAS[0:3], PARAS[3:6], PARAS[6:8]]
    body = '<div class="ad ad-slot"><p>Advertisement</p></div>'.join(
        '<div class="body-chunk">' + "".join(f"<p>{p}</p>" for p in chunk) + "</div>" for chunk in chunks
    )
    text = extract_body_text(page(body))
    assert paragraphs(text) == PARAS
    assert "Advertisement" not in text


def test_related_links_and_promos_dropped():
    related = (
        "<h3>More Great Stories</h3><ul>"
        + "".join(f'<li><a href="/s{i}">Another story about the town number {i}</a></li>' for i in range(5))
        + "</ul>"
    )
    body = (
        "".join(f"<p>{p}</p>" for p in PARAS)
        + "<p>Sign up for our newsletter to get the latest news in your inbox.</p>"
        + related
    )
    text = extract_body_text(page(body))
    assert paragraphs(text) == PARAS


def test_teaser_jsonld_article_body_not_preferred():
    teaser = PARAS[0][:120] + "..."
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": HEADLINE,
                     "articleBody": teaser})
    html = page("".join(f"<p>{p}</p>" for p in PARAS),
                head=f'<script type="application/ld+json">{ld}</script>')
    result = extract_body(html)
    assert result.method != "json-ld"
    assert paragraphs(result.text) == PARAS


def test_jsonld_article_body_used_when_page_has_no_text():
    full = "\n".join(PARAS)
    ld = json.dumps({"@type": "NewsArticle", "headline": HEADLINE, "articleBody": full})
    html = (f'<html><head><title>{HEADLINE}</title><script type="application/ld+json">{ld}</script>'
            '</head><body><div id="app">Loading...</div></body></html>')
    result = extract_body(html)
    assert result.method == "json-ld"
    assert paragraphs(result.text) == PARAS


def test_embedded_tweet_between_paragraphs_kept():
    tweet = ('<blockquote class="twitter-tweet"><p lang="en">The budget vote is a disgrace and we will keep '
             'fighting for our parks <a href="https://t.co/x">pic.twitter.com/x</a></p>&mdash; Parks Friends '
             '(@parks) <a href="https://twitter.com/parks/status/1">November 18, 2019</a></blockquote>')
    body = "".join(f"<p>{p}</p>" for p in PARAS[:4]) + tweet + "".join(f"<p>{p}</p>" for p in PARAS[4:])
    text = extract_body_text(page(body))
    assert "we will keep fighting for our parks" in text
    assert paragraphs(text)[-1] == PARAS[-1]


def test_prose_that_looks_like_furniture_is_kept():
    # sentences that start like a byline, a promo or a credit line
    lookalikes = [
        "By the end of the week, the council had voted twice on the plan.",
        "Related-party contracts were also reviewed by the auditors.",
        "The report was published on Monday.",
        "More than 30 residents spoke: most of them opposed the cuts.",
        "Copyright law was not part of the debate.",
    ]
    body = "".join(f"<p>{p}</p>" for p in lookalikes[:3] + PARAS[:4] + lookalikes[3:] + PARAS[4:])
    parts = paragraphs(extract_body_text(page(body)))
    for sentence in lookalikes:
        assert sentence in parts


@pytest.mark.parametrize("html", ["", "   ", "<html></html>", "<html><body></body></html>", "not html at all",
                                  "<p>x</p>", "\x00\x01garbage<<<>>>"])
def test_empty_and_garbage_documents_do_not_crash(html):
    result = extract_body(html)
    assert isinstance(result.text, str)
    if not result.text:
        assert result.method == "empty"


def test_huge_document_does_not_crash_and_stays_fast():
    filler = "".join(f'<div class="teaser"><a href="/x{i}">Link number {i}</a></div>' for i in range(40000))
    body = "".join(f"<p>{p}</p>" for p in PARAS * 40)
    html = page(body, after=filler)
    assert len(html) > 2_000_000
    start = time.perf_counter()
    text = extract_body_text(html)
    assert time.perf_counter() - start < 30
    assert PARAS[0] in text
    # deeply nested markup must not hit the recursion limit
    deep = "<div>" * 3000 + "".join(f"<p>{p}</p>" for p in PARAS) + "</div>" * 3000
    assert isinstance(extract_body_text(f"<html><body>{deep}</body></html>"), str)


def test_encodings_bytes_declaration_and_mojibake():
    text_fr = ("Le conseil municipal a débattu mardi soir du budget des écoles, et les élus ont parlé "
               "pendant plus d’une heure des coûts, du calendrier et des lettres des habitants.")
    paras = [text_fr] + PARAS[:6]
    body = "".join(f"<p>{p}</p>" for p in paras)
    html = page(body).replace('<meta charset="utf-8">', "")
    # an XML declaration with an encoding inside a str (lxml refuses those in str input)
    declared = '<?xml version="1.0" encoding="utf-8"?>\n' + html
    assert "débattu" in extract_body_text(declared)
    # bytes input
    assert "d’une heure" in extract_body_text(html.encode("utf-8"))  # type: ignore[arg-type]
    # UTF-8 that was decoded as cp1252 somewhere upstream: "dÃ©battu", "dâ€™une"
    broken = html.replace(text_fr, text_fr.encode("utf-8").decode("cp1252", errors="replace"))
    fixed = extract_body_text(broken)
    assert "débattu" in fixed and "d’une heure" in fixed
