from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def naive_menafn_text() -> str:
    return (SHARED / "examples" / "naive-scrape-menafn.txt").read_text(encoding="utf-8")
