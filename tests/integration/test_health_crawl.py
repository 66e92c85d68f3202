"""Run health in real crawls: a crawl with the sites down, or whose listings all
fail, exits 1 with a reason (the rules themselves: tests/unit/test_health.py)."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

from crawl_helpers import run_crawl


def test_a_crawl_with_the_sites_down_exits_1_with_a_reason(tmp_path: Path) -> None:
    # A port bound and not listening: every request refused, and no other process
    # (another pytest -n worker) can start listening on it during the crawl.
    with socket.socket() as held:
        held.bind(("127.0.0.1", 0))
        down = f"http://127.0.0.1:{held.getsockname()[1]}"
        run = run_crawl("fissico", down, tmp_path / "s", tmp_path / "o.jsonl",
                        "-s", "RETRY_TIMES=0")
    assert run.returncode == 1
    assert "crawl fissico: robots.txt of 1 host unreachable (connection_refused)" in run.log
    assert "crawl fissico: no listing could be read" in run.log


def test_a_crawl_whose_listings_all_fail_exits_1_with_a_reason(replica: Any,
                                                               tmp_path: Path) -> None:
    replica.fault("error", url="http://fissico.com/", status=503, times=10**6, retry_after=0)
    run = run_crawl("fissico", replica.proxy_url, tmp_path / "s", tmp_path / "o.jsonl",
                    "-s", "RETRY_TIMES=1")
    assert run.returncode == 1
    assert run.records == []
    assert "crawl fissico: no listing could be read (1 page failed: http_503 1" in run.log
