"""The run summary and the saved stats of real crawls, and an id walk's progress
lines (crawler.runs; the summary's lines on their own: tests/unit/test_runs.py)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from crawl_helpers import run_crawl


def test_a_crawl_ends_with_the_summary_and_keeps_its_stats(replica_session: Any,
                                                          tmp_path: Path) -> None:
    state, out = tmp_path / "state", tmp_path / "o.jsonl"
    run = run_crawl("shanxidayuan", replica_session.proxy_url, state, out)
    assert run.returncode == 0, run.log[-2000:]
    log = run.log.rsplit("Dumping Scrapy stats", 1)[1]  # the summary comes after the dump
    exported = f"{len(run.records)} records exported"
    assert exported in log
    assert f"shanxidayuan: output: {out}" in log
    saved = list((state / "runs" / "shanxidayuan").glob("*.json"))
    assert len(saved) == 1
    stats = json.loads(saved[0].read_text("utf-8"))
    assert stats["item_scraped_count"] == len(run.records)
    assert stats["finish_reason"] == "finished"
    run_crawl("shanxidayuan", replica_session.proxy_url, state, tmp_path / "o2.jsonl")
    assert len(list((state / "runs" / "shanxidayuan").glob("*.json"))) == 2  # never replaced


def test_an_exception_in_a_signal_handler_fails_the_run(replica_session: Any,
                                                        tmp_path: Path) -> None:
    # Scrapy logs an output it cannot open (here a second -O naming a spider
    # attribute that does not exist) and goes on: the exit status must say so.
    bad = tmp_path / "x-%(no_such_attribute)s.jsonl"
    run = run_crawl("shanxidayuan", replica_session.proxy_url, tmp_path / "state",
                    tmp_path / "o.jsonl", "-O", str(bad))
    assert run.returncode == 1, run.log[-2000:]
    assert "crawl shanxidayuan: 1 exception raised in signal handlers " \
           "(FeedExporter.open_spider 1)" in run.log
    assert run.records  # the good output was written all the same


def test_an_id_walk_logs_its_progress_against_the_total(replica_session: Any,
                                                        tmp_path: Path) -> None:
    run = run_crawl("fissico", replica_session.proxy_url, tmp_path / "s", tmp_path / "o.jsonl",
                    "-a", "ids=58000-58200", "-s", "LOGSTATS_INTERVAL=0.2",
                    "-s", "DOWNLOAD_DELAY=0.005")
    assert run.returncode == 0, run.log[-2000:]
    assert "progress: ids " in run.log and " of 201 tried" in run.log
