"""Scrapy's own tools and conventions on the project's spiders: ``scrapy parse``,
scrapy-deltafetch's ``-a deltafetch_reset``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT


def scrapy(proxy: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "http_proxy": proxy, "no_proxy": "", "NO_PROXY": ""}
    return subprocess.run([sys.executable, "-m", "scrapy", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120, check=False)


def test_parse_routes_an_article_url_and_prints_the_clean_record(
        replica_session: Any, tmp_path: Path) -> None:
    record = replica_session.truth("fissico")[4]
    run = scrapy(replica_session.proxy_url, "parse", "--spider=fissico", record["url"],
                 "-s", f"STATE_DIR={tmp_path}")
    assert run.returncode == 0, run.stderr[-2000:]
    assert "NotImplementedError" not in run.stderr
    scraped = run.stdout.split("# Scraped Items", 1)[1].split("# Requests", 1)[0]
    assert record["title"] in scraped
    assert record["text"].splitlines()[0][:40] in scraped
    assert "'id': '" + record["id"] + "'" in scraped


def test_parse_gives_the_one_record_of_an_article_split_over_pages(
        replica_session: Any, tmp_path: Path) -> None:
    import json

    from replica.generator import page_count

    model = replica_session.model("sxnews")
    article = next(a for a in (model.article(r) for r in model.refs())
                   if page_count(a) > 2 and a.family != "photo")
    out = tmp_path / "parsed.jsonl"
    run = scrapy(replica_session.proxy_url, "parse", "--spider=sxnews", article.url,
                 "-s", f"STATE_DIR={tmp_path}", "-o", str(out))
    assert run.returncode == 0, run.stderr[-2000:]
    [record] = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert {k: record[k] for k in article.record} == article.record  # every page's text
    assert run.stdout.split("# Requests", 1)[1].split()[1] == "[]"  # no page as a link


def test_parse_routes_a_listing_url_to_its_articles(replica_session: Any,
                                                     tmp_path: Path) -> None:
    listing = "http://fissico.com/html/xw/dzyw/"
    run = scrapy(replica_session.proxy_url, "parse", "--spider=fissico", listing,
                 "-s", f"STATE_DIR={tmp_path}")
    assert run.returncode == 0, run.stderr[-2000:]
    requests = run.stdout.split("# Requests", 1)[1]
    assert requests.count("/html/xw/dzyw/") >= 5


def test_deltafetch_reset_as_scrapy_deltafetch_documents_it(replica_session: Any,
                                                            tmp_path: Path) -> None:
    from crawl_helpers import run_crawl

    state = tmp_path / "state"
    first = run_crawl("shanxidayuan", replica_session.proxy_url, state, tmp_path / "1.jsonl")
    again = run_crawl("shanxidayuan", replica_session.proxy_url, state, tmp_path / "2.jsonl")
    reset = run_crawl("shanxidayuan", replica_session.proxy_url, state, tmp_path / "3.jsonl",
                      "-a", "deltafetch_reset=1")
    assert reset.returncode == 0, reset.log[-2000:]
    assert len(first.records) > 100 and again.records == []
    assert {r["id"] for r in reset.records} == {r["id"] for r in first.records}


def test_describe_lists_every_argument_the_spider_accepts() -> None:
    from crawler.args import CrawlArgs

    run = subprocess.run([sys.executable, "-m", "scrapy", "describe", "fissico"], cwd=ROOT,
                         capture_output=True, text=True, timeout=60, check=False)
    assert run.returncode == 0, run.stderr
    for name, field in CrawlArgs.model_fields.items():
        assert f"    {name}" in run.stdout and str(field.description) in run.stdout
    assert "fissico.com" in run.stdout


@pytest.mark.slow
def test_scrapy_check_runs_every_spider_s_contracts_on_the_replica(
        replica_session: Any, tmp_path: Path) -> None:
    for spider in ("fissico", "sxnews", "shanxidayuan"):
        run = scrapy(replica_session.proxy_url, "check", spider, "-s", f"STATE_DIR={tmp_path}")
        assert run.returncode == 0, run.stderr[-2000:]
        assert "Ran 7 contracts" in run.stderr and "OK" in run.stderr
