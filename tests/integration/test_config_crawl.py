"""crawler.config through ``scrapy crawl``: a bad setting stops the crawl before any
request, in one line (the settings model itself: tests/unit/test_config.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

# --- the command line -------------------------------------------------------------

def crawl_with_bad_setting(tmp_path: Path) -> subprocess.CompletedProcess[str]:
    scrapy = Path(sys.executable).with_name("scrapy")  # the venv running the tests
    return subprocess.run(
        [str(scrapy), "crawl", "shanxidayuan", "-s", "DEDUP_ROWS=0",
         "-s", f"STATE_DIR={tmp_path / 'state'}"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
        env={k: v for k, v in os.environ.items()
             if k.lower() not in ("http_proxy", "https_proxy")},
    )


def test_crawl_with_a_bad_setting_stops_before_any_request(tmp_path: Path) -> None:
    result = crawl_with_bad_setting(tmp_path)
    assert result.returncode != 0
    assert "bad setting DEDUP_ROWS='0': must be >= 1" in result.stderr
    assert "Crawled 0 pages" not in result.stderr and "Spider opened" not in result.stderr


def test_crawl_with_a_bad_setting_prints_one_line_and_exits_2(tmp_path: Path) -> None:
    result = crawl_with_bad_setting(tmp_path)
    assert "DEDUP_ROWS" in result.stderr
    assert "Traceback" not in result.stderr  # <- the assertion that needs the crawl command
    assert result.returncode == 2
