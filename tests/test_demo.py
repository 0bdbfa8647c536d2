"""`make demo` twice in a row: the second run delivers no story again, because the
state store persists between runs (in .state/, outside the tracked files)."""

import json
import os
import subprocess
import sys

from scrapy.spiderloader import SpiderLoader
from scrapy.utils.project import get_project_settings

from tests.mirror_run import ROOT

WIRES = sorted(SpiderLoader.from_settings(get_project_settings()).list())


def test_demo_twice_delivers_each_story_once(tmp_path):
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "newswire.settings", "PYTHONPATH": str(ROOT)}
    outputs = []
    for _ in range(2):
        done = subprocess.run([sys.executable, "-m", "newswire.demo", "--articles", "30"], cwd=tmp_path, env=env,
                              capture_output=True, text=True, timeout=900)
        assert done.returncode == 0, done.stdout + done.stderr
        outputs.append(done.stdout)
    for wire in WIRES:
        manifests = sorted((tmp_path / "output" / wire).glob("*.manifest.json"), key=lambda p: p.stat().st_mtime)
        first, second = (json.loads(m.read_text()) for m in manifests)
        assert first["delivered"] > 0, wire
        assert second["delivered"] == 0 and second["article_requests"] == 0, (wire, second)
        assert f"{wire} " in outputs[0]
    assert (tmp_path / ".state" / "demo.sqlite").exists()
