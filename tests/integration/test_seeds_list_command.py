"""``scrapy seeds`` and ``scrapy list`` as commands (the round trip of seed files:
tests/unit/test_seeds_command.py)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import ROOT


def test_scrapy_seeds_command_and_list(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "00000000000000ff", "text": "山西"}) + "\n"
                   + json.dumps({"id": "x", "text": "bad"}) + "\n", "utf-8")
    run = subprocess.run([sys.executable, "-m", "scrapy", "seeds", str(src), str(tmp_path / "d")],
                         cwd=ROOT, capture_output=True, text=True, check=False)
    assert run.returncode == 1, run.stderr
    assert "id 'x' is not 16 lowercase hex digits" in run.stderr
    assert (tmp_path / "d" / "000_00000000000000ff.txt").read_text("utf-8") == "山西"
    listed = subprocess.run([sys.executable, "-m", "scrapy", "list"], cwd=ROOT,
                            capture_output=True, text=True, check=True)
    assert listed.returncode == 0
