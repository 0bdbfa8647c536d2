from pathlib import Path

import numpy as np
import pytest

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


def test_a_declaration_confirmed_on_the_opening_is_decided_as_on_the_whole_sample():
    from newswire.extraction import language

    def on_the_whole_sample(text, declared):
        detected, lead = language.detect(text)
        if detected == declared:
            return declared, "declared+text"
        if lead >= language.CONFIDENT_LEAD and len(text) >= language.MIN_CHARS_TO_OVERRIDE:
            return detected, "detected"
        return declared, "declared"

    for text in (EN, AR, AR[:250] + EN * 3):
        for declared in ("en", "ar", "fr"):
            assert decide_language(text, declared) == on_the_whole_sample(text, declared), (text[:40], declared)
    # An English opening over an Arabic story: the opening agrees with "en", the whole
    # sample leans Arabic without the lead to override. Same language either way; only
    # the method says the opening confirmed it.
    half = language.DETECT_CHARS // 2
    assert language.CONFIRM_CHARS <= half
    mixed = (EN * 5)[:half] + " " + AR * 3
    assert on_the_whole_sample(mixed, "en") == ("en", "declared")
    assert decide_language(mixed, "en") == ("en", "declared+text")
    # Declared Arabic, English opening: the opening disagrees, so the whole sample decides.
    assert decide_language(mixed, "ar") == on_the_whole_sample(mixed, "ar") == ("ar", "declared+text")


def test_declaration_used_when_text_is_too_short_to_tell():
    assert decide_language("OK", "fr") == ("fr", "declared")
    assert decide_language(EN, None)[0] == "en"


def test_model_read_from_the_cache_ranks_as_the_library_does(tmp_path, monkeypatch):
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    from newswire.extraction import language

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    language._identifier.cache_clear()
    try:
        stale = tmp_path / "newswire" / "py3langid-1-2.ptc-float32.npy"  # another model version's table
        stale.parent.mkdir()
        stale.write_bytes(b"old")
        cached = language._identifier()
        # Written on first use: the decompressed model and its weights as float32,
        # which the identifier reads from a mapping of the file.
        assert list((tmp_path / "newswire").glob("py3langid-*.npz"))
        [table] = (tmp_path / "newswire").glob("py3langid-*.ptc-float32.npy")
        assert not stale.exists()
        assert cached.nb_ptc.dtype == np.float32 and not cached.nb_ptc.flags.writeable
        assert isinstance(cached.nb_ptc.base, np.memmap) and Path(cached.nb_ptc.base.filename) == table
        library = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        assert library.nb_ptc.dtype == np.float16
        for text in (EN, AR, "Le gouvernement a annoncé mardi une hausse des prix de l'énergie."):
            assert cached.rank(text)[:5] == library.rank(text)[:5]
        # A second start reads both files as they are.
        language._identifier.cache_clear()
        mtime = table.stat().st_mtime_ns
        assert language._identifier().rank(EN)[:3] == library.rank(EN)[:3]
        assert table.stat().st_mtime_ns == mtime
    finally:
        language._identifier.cache_clear()


def test_an_unwritable_cache_falls_back_to_the_library_loader(tmp_path, monkeypatch):
    from newswire.extraction import language

    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    language._identifier.cache_clear()
    try:
        assert decide_language(EN, None)[0] == "en"
    finally:
        language._identifier.cache_clear()


@pytest.mark.parametrize("text", [
    "The company reported record quarterly revenue and raised its outlook for the full year.",
    "La empresa informó ingresos trimestrales récord y elevó sus previsiones para el año.",
    "Das Unternehmen meldete einen Rekordumsatz im Quartal und hob seine Prognose an.",
    "أعلنت الشركة عن إيرادات فصلية قياسية ورفعت توقعاتها للعام بأكمله",
    "公司公布了创纪录的季度收入，并上调了全年预期。",
    "12345 67890", "!!!",
])
def test_detection_takes_the_two_best_that_py3langid_ranks_first(text):
    """``detect`` reads the best two scores itself rather than through ``rank``: the same
    language and lead as ``rank``'s first two."""
    from newswire.extraction.language import _identifier, detect

    ranked = _identifier().rank(text)
    (code, best), (_, runner_up) = ranked[0], ranked[1]
    assert detect(text) == ((code if len(code) == 2 else None),
                            pytest.approx(best / runner_up if runner_up > 0 else float("inf")))
