from newswire.extraction.text import (
    content_hash,
    dedupe_paragraphs,
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
