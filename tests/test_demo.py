"""`make demo` twice in a row: the second run delivers no story again, because the
state store persists between runs (in .state/, outside the tracked files)."""

import json
import os
import subprocess
import sys

from tests.mirror_run import ROOT


def test_demo_twice_delivers_each_story_once(tmp_path):
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "newswire.settings", "PYTHONPATH": str(ROOT)}
    outputs = []
    for _ in range(2):
        done = subprocess.run([sys.executable, "-m", "newswire.demo", "--articles", "30"], cwd=tmp_path, env=env,
                              capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stdout + done.stderr
        outputs.append(done.stdout)
    manifests = sorted((tmp_path / "output" / "menafn").glob("*.manifest.json"), key=lambda p: p.stat().st_mtime)
    first, second = (json.loads(m.read_text()) for m in manifests)
    assert first["delivered"] == 30 and second["delivered"] == 0
    assert second["article_requests"] == 0
    assert (tmp_path / ".state" / "demo.sqlite").exists()
    assert "articles" in outputs[0] and "menafn" in outputs[0]
