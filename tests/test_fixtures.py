"""Fixture tests per wire: saved pages plus expected fields, run through the same
``extract(html, url)`` the spiders use. One parametrised test covers every registered
wire, so a wire without fixtures fails here."""

from __future__ import annotations

import gzip
import json

import pytest

from newswire.extraction import extract
from newswire.parsers import PARSERS
from tests.conftest import FIXTURES


def fixture_cases():
    for wire in sorted(PARSERS):
        folder = FIXTURES / wire
        meta = json.loads((folder / "meta.json").read_text()) if (folder / "meta.json").exists() else {}
        for name in sorted(meta):
            yield pytest.param(wire, name, meta[name]["url"], id=f"{wire}/{name}")


@pytest.mark.parametrize("wire", sorted(PARSERS))
def test_every_registered_wire_has_fixtures(wire):
    folder = FIXTURES / wire
    assert (folder / "meta.json").exists(), f"no fixtures for {wire}: add tests/fixtures/{wire}/"
    meta = json.loads((folder / "meta.json").read_text())
    assert len(meta) >= 3
    for name in meta:
        assert (folder / f"{name}.html.gz").exists() and (folder / f"{name}.expected.json").exists()


@pytest.mark.parametrize(("wire", "name", "url"), list(fixture_cases()))
def test_fixture(wire, name, url):
    folder = FIXTURES / wire
    html = gzip.decompress((folder / f"{name}.html.gz").read_bytes()).decode("utf-8")
    expected = json.loads((folder / f"{name}.expected.json").read_text(encoding="utf-8"))
    got = extract(html, url)
    assert got["wire"] == wire
    wrong = {field: (got.get(field), value) for field, value in expected.items() if got.get(field) != value}
    assert not wrong, "\n".join(f"{f}: got {g!r:.150} want {w!r:.150}" for f, (g, w) in wrong.items())
