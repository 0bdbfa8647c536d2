from newswire.extraction.language import decide_language, normalise_code

EN = "Russian President Vladimir Putin has expressed gratitude to North Korean leader Kim Jong-un " * 4
AR = "أعرب الرئيس الروسي فلاديمير بوتين عن امتنانه للزعيم الكوري الشمالي كيم جونغ أون لدعمه موسكو " * 4


def test_codes_are_normalised():
    assert normalise_code("en-US") == "en"
    assert normalise_code("ar_JO") == "ar"
    assert normalise_code("") is None
    assert normalise_code("12") is None


def test_text_overrides_a_wrong_declaration():
    assert decide_language(AR, "en")[0] == "ar"
    assert decide_language(EN, "en-GB") == ("en", "declared+text")


def test_declaration_used_when_text_is_too_short_to_tell():
    assert decide_language("OK", "fr") == ("fr", "declared")
    assert decide_language(EN, None)[0] == "en"
