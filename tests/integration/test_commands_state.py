"""Commands that must not destroy what a user ran before, nor write into the
state the scheduled crawls rely on."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from conftest import ROOT
from crawl_helpers import FAST


def scrapy(*args: str, tmp_path: Path, env: dict[str, str] | None = None,
           settings_state: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run a scrapy command; ``settings_state`` sets STATE_DIR the way the
    project's settings do (not on the command line)."""
    environment = {**os.environ, **(env or {})}
    if settings_state is not None:
        (tmp_path / "local_settings.py").write_text(
            f"from crawler.settings import *  # noqa\nSTATE_DIR = {str(settings_state)!r}\n")
        environment.update(SCRAPY_SETTINGS_MODULE="local_settings",
                           PYTHONPATH=f"{tmp_path}{os.pathsep}{ROOT}")
    return subprocess.run([sys.executable, "-m", "scrapy", *args], cwd=ROOT, env=environment,
                          capture_output=True, text=True, timeout=180)


def test_overwriting_an_incremental_crawl_warns(tmp_path: Path, replica: Any) -> None:
    proc = scrapy("crawl", "shanxidayuan", "-O", str(tmp_path / "o.jsonl"), "-a", "max_items=3",
                  *FAST, "-s", f"STATE_DIR={tmp_path / 's'}", tmp_path=tmp_path,
                  env={"http_proxy": replica.proxy_url})
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "warning: -O replaces" in proc.stderr


def test_refetch_output_may_not_be_its_input(tmp_path: Path) -> None:
    records = tmp_path / "old.jsonl"
    content = '{"id": "f10ca46bc84d34c9", "url": "http://fissico.com/html/xw/dzyw/58159.html"}\n'
    records.write_text(content, "utf-8")
    proc = scrapy("crawl", "refetch", "-a", f"input={records}", "-O", str(records),
                  "-s", f"STATE_DIR={tmp_path / 's'}", tmp_path=tmp_path)
    assert proc.returncode == 2 and "is also an input" in proc.stderr
    assert records.read_text("utf-8") == content


def test_parse_and_a_local_proxy_leave_the_default_state_alone(tmp_path: Path,
                                                               replica: Any) -> None:
    default = tmp_path / "default-state"
    url = "http://www.shanxidayuan.com/gsyl/lzyl/10077.html"
    env = {"http_proxy": replica.proxy_url}
    proc = scrapy("parse", "--spider=shanxidayuan", "-c", "parse_article", "--pipelines", url,
                  tmp_path=tmp_path, env=env, settings_state=default)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "parse: state in" in proc.stderr
    assert not (default / "deltafetch").exists()
    proc = scrapy("crawl", "shanxidayuan", "-o", str(tmp_path / "o.jsonl"), "-a", "max_items=3",
                  *FAST, tmp_path=tmp_path, env=env, settings_state=default)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "a local stand-in?" in proc.stderr
    assert (default / "via-local-proxy" / "deltafetch" / "shanxidayuan.sqlite").is_file()
    assert not (default / "deltafetch").exists()
