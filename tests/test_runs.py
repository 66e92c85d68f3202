"""The run summary and the stats JSON (crawler.runs)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from crawl_helpers import run_crawl

from crawler.runs import summary_lines


def test_summary_names_every_drop_reason_and_what_is_left() -> None:
    stats = {"finish_reason": "finished", "elapsed_time_seconds": 12.4,
             "downloader/response_count": 120, "item_scraped_count": 95,
             "fetch/failed/reason_count/challenge": 3, "fetch/failed/reason_count/http_503": 1,
             "extract/dropped/mojibake": 2, "item_dropped_reasons_count/DuplicateItem": 4,
             "dedupe/exact": 3, "dedupe/near": 1, "extract/fallback": 5,
             "log_count/ERROR": 2, "frontier/pending": 3,
             "refetch/status/unchanged": 7, "refetch/status/gone": 1}
    text = "\n".join(summary_lines("fissico", stats, ["out/fissico/x.jsonl"]))
    for part in ("finished after 12 s", "120 pages fetched", "95 records exported",
                 "not fetched: challenge 3, http_503 1", "no article: mojibake 2",
                 "records dropped: DuplicateItem 4", "extraction fallbacks 5",
                 "duplicates 4 (url 0, exact 3, near 1)", "errors: error 2",
                 "3 articles pending", "re-fetched: unchanged 7, gone 1",
                 "output: out/fissico/x.jsonl"):
        assert part in text, part


def test_summary_names_articles_over_several_pages() -> None:
    stats = {"item_scraped_count": 9, "article/multipage": 4, "article/pages": 13,
             "article/gallery": 1, "article/page_dropped/empty_page": 2}
    text = "\n".join(summary_lines("sxnews", stats, []))
    assert ("sxnews: articles over several pages: 4 records from 13 pages, galleries "
            "(headline only) 1, pages without the article 2") in text
    assert "several pages" not in "\n".join(summary_lines("sxnews", {"item_scraped_count": 9},
                                                           []))


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


def test_progress_names_the_totals_it_knows() -> None:
    from crawler.runs import progress_line

    assert progress_line({"ids/total": 200, "ids/found": 30, "ids/not_found": 20,
                          "item_scraped_count": 28}) == \
        "progress: ids 50 of 200 tried (25%), 30 found, 28 records exported"
    assert "12 records exported of 40 articles asked for" in str(progress_line(
        {"listing/discovered": 40, "item_scraped_count": 12, "pages/listing": 3}))
    assert progress_line({}) is None


def test_an_id_walk_logs_its_progress_against_the_total(replica_session: Any,
                                                        tmp_path: Path) -> None:
    run = run_crawl("fissico", replica_session.proxy_url, tmp_path / "s", tmp_path / "o.jsonl",
                    "-a", "ids=58000-58200", "-s", "LOGSTATS_INTERVAL=0.2",
                    "-s", "DOWNLOAD_DELAY=0.005")
    assert run.returncode == 0, run.log[-2000:]
    assert "progress: ids " in run.log and " of 201 tried" in run.log
