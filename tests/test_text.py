import re

import pytest

from newswire.extraction.text import (
    content_hash,
    dedupe_paragraphs,
    fingerprint,
    fix_text,
    join_paragraphs,
    repair_paragraphs,
    split_paragraphs,
    word_count,
)


def test_fix_text_repairs_cp1252_mojibake():
    assert fix_text("MENAFN provides the information â€œas isâ€\x9d") == "MENAFN provides the information “as is”"
    assert fix_text("Russiaâ€™s Kursk Region") == "Russia’s Kursk Region"


def test_fix_text_spaces_and_invisible_characters():
    raw = "Kim\u00a0Jong-un\u2028backed\u200b Moscow\u2029 in\tthe  war\ufeff"
    assert fix_text(raw) == "Kim Jong-un backed Moscow in the war"


def test_fix_text_collapses_every_kind_of_space():
    # Figure space, narrow NBSP, ideographic space, form feed, CR. (ftfy removes a
    # vertical tab and reads a lone NEL, U+0085, as cp1252's "…".)
    for space in ("\u2007", "\u202f", "\u3000", "\x0c", "\r", " \t \n "):
        assert fix_text(f"{space}Seoul{space}{space}said{space}") == "Seoul said"
    # Zero-width characters are removed, not turned into spaces.
    assert fix_text("Ukr\u00adaine\u200b") == "Ukraine"


def test_fix_text_leaves_correct_text_alone():
    for text in ("HÀ NỘI", "بوتين يعرب عن امتنانه", "“courage, heroism”"):
        assert fix_text(text) == text


def test_split_and_join_paragraphs():
    body = "First line\nstill first.\n\n\n  Second.  \r\n\r\nThird."
    assert split_paragraphs(body) == ["First line still first.", "Second.", "Third."]
    assert join_paragraphs(["a", "", "b"]) == "a\n\nb"


def test_repair_paragraphs_says_whether_mojibake_was_undone():
    assert repair_paragraphs("Russiaâ€™s Kursk Region\n\nSecond.") == (["Russia’s Kursk Region", "Second."], True)
    # Correct non-ASCII text, entities and odd spaces are repairs, but not mojibake.
    for body in ("HÀ NỘI\n\n“courage”", "AT&amp;T\u00a0said", "بوتين يعرب عن امتنانه"):
        assert repair_paragraphs(body)[1] is False


def test_dedupe_paragraphs_drops_repeats_but_keeps_short_lines():
    paragraphs = [
        "The two leaders reaffirmed their commitment to cooperation.",
        "###",
        "The two leaders reaffirmed their commitment to cooperation.",
        "###",
        "the two leaders reaffirmed their “commitment” to cooperation",
    ]
    kept, removed = dedupe_paragraphs(paragraphs)
    assert kept == ["The two leaders reaffirmed their commitment to cooperation.", "###", "###"]
    assert removed == 2


def test_hash_ignores_formatting_but_not_words():
    assert content_hash("Putin praised the “courage”.") == content_hash("putin praised the courage")
    assert content_hash("Putin praised the courage") != content_hash("Putin praised the army")
    assert content_hash("") is None
    assert word_count("a b  c\n\nd") == 4


def test_text_that_skips_ftfy_is_text_ftfy_would_leave_alone():
    # _repair skips ftfy when _FTFY_NEEDED finds nothing; ftfy must then have had nothing
    # to do. Every string of up to three characters from the skipped alphabet's non-ASCII
    # part (with letters, digits and spaces around them) and 20,000 random strings of the
    # whole alphabet come out of _repair as they would with ftfy run on them.
    import itertools
    import random

    from newswire.extraction.text import _FTFY_NEEDED, _repair, ftfy_fixer

    fix_and_explain, config = ftfy_fixer()

    typographic = "\u00a0\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u2022\u00ae\u2122\u00a9"
    ascii_ = [chr(c) for c in range(0x20, 0x7F) if chr(c) != "&"] + ["\t", "\n", "\r"]

    def with_ftfy(text):
        return re.sub(r"\s+", " ", fix_and_explain(text, config).text).strip()

    samples = ["".join(combo) for n in (1, 2, 3) for combo in itertools.product(typographic + "aA1. ", repeat=n)]
    samples = [f"{edge}{s}{edge}" for s in samples for edge in ("", "x", "Hello ")]
    rng = random.Random(7)
    alphabet = ascii_ + list(typographic) * 6
    samples += ["".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 80))) for _ in range(20_000)]
    for text in samples:
        assert not _FTFY_NEEDED.search(text)
        assert _repair(text) == (with_ftfy(text), False), repr(text)
    # Characters outside it still go through ftfy: "”£A" is mojibake of "ӣA".
    for text in ("x”£Ay", "Russiaâ€™s", "AT&amp;T", "HÀ NỘI", "\x1b[31mred"):
        assert _FTFY_NEEDED.search(text)
    assert fix_text("x”£Ay") == with_ftfy("x”£Ay") != "x”£Ay"


@pytest.mark.parametrize("text", [
    "Putin praised the “courage”\n\nof the ﬁrst STRASSE crews",
    "Straße\n\n\n\u0301accent after a blank line\n\n",
    "\n\nÉcole Polytechnique — 2,5 %\n\n\n\nCAFÉ\n\nx",
    "one paragraph only, no break",
])
def test_a_body_fingerprint_is_its_paragraphs_fingerprints_joined(text):
    # The definition, in one pass over the whole text.
    import re
    import unicodedata

    assert fingerprint(text) == " ".join(re.findall(r"\w+", unicodedata.normalize("NFKD", text.casefold())))
