"""Language of a story as an ISO 639-1 code.

The page's declaration (``<html lang="en-US">``, ``og:locale``, JSON-LD ``inLanguage``)
is the cheap answer but is often wrong (templates declare ``en`` on every edition); the
text decides when it clearly disagrees. Detection uses py3langid (a trimmed, faster
langid.py: about 0.3 ms for a story's opening).

py3langid ships its model LZMA-compressed (4.5 MB): decompressing it costs every
process that detects a language ~0.45 s of CPU, once per run and per extraction
worker. The decompressed model (68 MB) is kept in the user's cache directory
(``$XDG_CACHE_HOME/newswire``, else ``~/.cache/newswire``) and loaded from there in
~0.1 s; without a writable cache the library's own loader is used. Its big table (the
feature weights, 100,053 x 142) is kept beside it as float32 and memory-mapped: the
library's float16 rows are converted on every detection (~80 against ~30 µs for a
story's opening), and a mapped table costs nothing to load and is shared by the
workers through the page cache.
"""

from __future__ import annotations

import functools
import os
import re
import tempfile
from pathlib import Path

_CODE = re.compile(r"^[a-zA-Z]{2,3}")
# Probabilities are normalised over the model's languages, which include close
# relatives (English 0.56 / Nigerian Pidgin 0.14 on a clear English paragraph; Arabic
# 0.85 / Moroccan Arabic 0.12), so confidence is the winner's lead over the runner-up.
CONFIDENT_LEAD = 3.0
MIN_CHARS_TO_OVERRIDE = 200
# The opening of a story decides: detection time grows with the text, and 600
# characters (one or two paragraphs) give a typical story a lead in the thousands (the
# smallest among 2,000 mirror stories: 7.6, where 3 is needed). On the mirror's 900
# saved pages they give the same languages as 1,500, in 60% of the time.
DETECT_CHARS = 600
# A page whose opening 200 characters confidently agree with its declaration (the usual
# case: ``lang="en"`` and an English story) needs no more; a story whose declaration
# is wrong or missing is decided on DETECT_CHARS. Detection reads the model's 68 MB of
# tables at random, ~0.27 ms for 300 characters in a crawl's worker; on the mirror's
# 900 saved pages 150, 200, 250 and 300 characters give the same languages and methods.
CONFIRM_CHARS = 200


@functools.cache
def _identifier():
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    model = _load_model(MODEL_DIR / MODEL_FILE)
    if model is None:
        return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    ptc, pc, classes, nextmove, row, output = model
    return LanguageIdentifier(ptc, pc, classes, nextmove, output, norm_probs=True, tk_row=row)


def model_cache_dir() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "newswire"


def _write_atomically(path: Path, write) -> None:
    """``write(file)`` into a temporary file beside ``path``, then renamed to it: two
    workers starting at once never read a half-written file, and a failed write (a
    full disk) leaves no remnant behind."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".part", delete=False) as part:
        try:
            write(part)
        except BaseException:
            os.unlink(part.name)
            raise
    os.replace(part.name, path)


def _write_cache(packaged: Path, cache: Path) -> None:
    """The decompressed model (68 MB); copies for other versions of the model, and
    their tables, are removed."""
    import lzma
    import shutil

    def decompress(part) -> None:
        with lzma.open(packaged) as source:
            shutil.copyfileobj(source, part, length=1 << 20)

    _write_atomically(cache, decompress)
    for stale in cache.parent.glob("py3langid-*"):
        if stale != cache and not stale.name.startswith(f"{cache.stem}."):  # the same model's table stays
            stale.unlink(missing_ok=True)


def _write_table(cache: Path, table: Path) -> None:
    """The model's feature weights (``ptc``) as a float32 ``.npy`` file."""
    import numpy as np

    with np.load(cache, allow_pickle=False) as data:
        weights = data["ptc"].astype(np.float32)
    _write_atomically(table, lambda part: np.save(part, weights, allow_pickle=False))


def _load_model(packaged: Path):
    """py3langid's model as ``py3langid.modelio.load_model`` returns it, read from the
    decompressed copy in the cache (written on first use), its weights as a read-only
    float32 array mapped from the cache; None when there is no usable cache, so the
    caller falls back to the library's loader."""
    import numpy as np
    from py3langid import modelio

    try:
        stat = packaged.stat()
        cache = model_cache_dir() / f"py3langid-{stat.st_size}-{int(stat.st_mtime)}.npz"
        table = cache.with_name(f"{cache.stem}.ptc-float32.npy")
        if not cache.exists():
            _write_cache(packaged, cache)
        if not table.exists():
            _write_table(cache, table)
        weights = np.asarray(np.load(table, mmap_mode="r"))
        if weights.dtype != np.float32 or weights.ndim != 2:
            return None
        # An npz member is read when it is asked for: the float16 weights never are.
        with np.load(cache, allow_pickle=False) as data:
            return (weights, data["pc"], data["classes"].tolist(), modelio._to_array(data["nextmove"]),
                    modelio._to_array(data["nextmove_row"]), data["out_feat"].tolist())
    except (OSError, ValueError, KeyError, AttributeError):
        return None


def normalise_code(value: str | None) -> str | None:
    """``"en-US"`` / ``"en_GB"`` / ``"EN"`` -> ``"en"``; None for junk."""
    if not value:
        return None
    match = _CODE.match(str(value).strip())
    if not match:
        return None
    code = match.group(0).lower()
    return code if len(code) == 2 else None


def detect(text: str, chars: int = DETECT_CHARS) -> tuple[str | None, float]:
    """Detected ISO 639-1 code and its lead over the runner-up (how many times more
    likely) in the first ``chars`` characters; (None, 0.0) for empty text or a language
    without a 2-letter code."""
    sample = (text or "")[:chars]
    if not sample.strip():
        return None, 0.0
    import numpy as np

    identifier = _identifier()
    # The two best of py3langid's scores, as ``rank`` would list them first: ``rank``
    # sorts all 142 languages through a dict each call (~30 us of a ~130 us detection).
    # ``_decide`` already folds an aliased language's score into its first column.
    scores = identifier._decide(sample)
    second, first = np.argpartition(scores, -2)[-2:]
    if scores[second] == scores[first] and second < first:
        first, second = second, first  # a tie goes to the earlier language, as in rank
    code, prob, runner_up = identifier.nb_classes[first], float(scores[first]), float(scores[second])
    lead = prob / runner_up if runner_up > 0 else float("inf")
    return (code if len(code) == 2 else None), lead


def decide_language(text: str | None, declared: str | None) -> tuple[str | None, str]:
    """The story's language and how it was decided (``declared``, ``detected``, ``declared+text``)."""
    declared_code = normalise_code(declared)
    if declared_code and len(text or "") > CONFIRM_CHARS:
        # Agreement is confirmed on a shorter opening; anything else is decided on
        # the full sample below.
        detected, lead = detect(text, CONFIRM_CHARS)
        if detected == declared_code and lead >= CONFIDENT_LEAD:
            return declared_code, "declared+text"
    detected, lead = detect(text or "")
    if declared_code and detected == declared_code:
        return declared_code, "declared+text"
    if detected and lead >= CONFIDENT_LEAD and len(text or "") >= MIN_CHARS_TO_OVERRIDE:
        return detected, "detected"
    if declared_code:
        return declared_code, "declared"
    return detected, "detected" if detected else "none"
