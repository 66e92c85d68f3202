"""Articles split over several pages, crawled from the replica (issue 29): a
page that fails leaves the article pending and the next run exports it whole;
a crawl killed while a later page is being fetched loses nothing and writes
nothing twice. (The full crawls in test_spiders_replica.py check every
multi-page article's record against the truth.)"""

from __future__ import annotations

import json
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT
from crawl_helpers import crawl_command, proxy_env, run_crawl

from replica import Replica
from replica.generator import page_count, page_url

ARTICLES = 80  # six multi-page articles on fissico, four on sxnews; quick to crawl


@pytest.fixture(scope="module")
def small_replica() -> Iterator[Any]:
    with Replica(articles=ARTICLES) as replica:
        yield replica


def multipage(replica: Any, site: str) -> list[Any]:
    model = replica.model(site)
    return [a for a in (model.article(r) for r in model.refs()) if page_count(a) > 1]


def pending_urls(state: Path, spider: str) -> set[str]:
    import sqlite3

    with sqlite3.connect(state / "frontier" / f"{spider}.sqlite") as db:
        return {url for (url,) in db.execute("SELECT url FROM pending WHERE given_up = 0")}


def test_a_failed_page_leaves_the_article_pending_then_it_comes_whole(
        small_replica: Any, tmp_path: Path) -> None:
    articles = multipage(small_replica, "fissico")
    assert len(articles) >= 3
    broken = articles[1]
    small_replica.fault("gone", url=page_url(broken, 2))  # even a 410: the article is not gone
    try:
        state = tmp_path / "state"
        first = run_crawl("fissico", small_replica.proxy_url, state, tmp_path / "a.jsonl")
    finally:
        small_replica.clear_faults()
    assert first.returncode == 0, first.log[-2000:]
    got = first.by_url()
    assert broken.url not in got  # never a record with a hole
    assert pending_urls(state, "fissico") == {broken.url}
    truth = {r["url"]: r for r in small_replica.truth("fissico")}
    assert set(got) == set(truth) - {broken.url}
    for a in articles:
        if a is not broken:
            assert got[a.url]["text"] == truth[a.url]["text"]
    assert f"'article/multipage': {len(articles) - 1}," in first.log
    pages = sum(page_count(a) for a in articles if a is not broken)
    assert f"'article/pages': {pages}," in first.log
    assert "articles over several pages:" in first.log.rsplit("Dumping Scrapy stats", 1)[1]

    second = run_crawl("fissico", small_replica.proxy_url, state, tmp_path / "b.jsonl")
    assert second.returncode == 0, second.log[-2000:]
    assert [r["url"] for r in second.records] == [broken.url]  # read again from page 1
    assert second.records[0]["text"] == truth[broken.url]["text"]
    assert second.records[0]["id"] == truth[broken.url]["id"]
    assert not pending_urls(state, "fissico")


def test_a_kill_between_pages_loses_nothing(small_replica: Any, tmp_path: Path) -> None:
    target = multipage(small_replica, "fissico")[0]
    waiting = page_url(target, 2)
    small_replica.fault("slow", url=waiting, delay=30.0)
    state, out = tmp_path / "state", tmp_path / "out.jsonl"
    cmd = crawl_command("fissico", state, out)
    since = time.monotonic()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=proxy_env(small_replica.proxy_url),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = since + 120
        while not any(t >= since and u == waiting for t, u in small_replica.hits()):
            assert proc.poll() is None and time.monotonic() < deadline, "page 2 never asked"
            time.sleep(0.05)
        time.sleep(0.5)  # whatever else is in flight gets on with it
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        small_replica.clear_faults()
        if proc.poll() is None:
            proc.kill()
    before = [json.loads(line) for line in out.read_text("utf-8").splitlines()
              if line.endswith("}")] if out.exists() else []
    assert target.url not in {r["url"] for r in before}
    final = subprocess.run(cmd, cwd=ROOT, env=proxy_env(small_replica.proxy_url),
                           capture_output=True, text=True, timeout=600, check=False)
    assert final.returncode == 0, final.stderr[-2000:]
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    ids = [r["id"] for r in records]
    assert len(ids) == len(set(ids)), "a record written twice"
    truth = {r["url"]: r for r in small_replica.truth("fissico")}
    by_url = {r["url"]: r for r in records}
    assert set(by_url) == set(truth)  # every article once, no page URL as a record
    assert by_url[target.url]["text"] == truth[target.url]["text"]


def test_refetch_gives_the_one_record_of_the_first_pages_url(small_replica: Any,
                                                            tmp_path: Path) -> None:
    """refetch reads every page too: unchanged against the truth, updated with
    the whole new text, an error (never a record with a hole) when a page
    fails, and a 304 for the first page re-emits the whole record."""
    articles = multipage(small_replica, "fissico") + multipage(small_replica, "sxnews")[:2]
    truth = [small_replica.record(a.url) for a in articles]
    changed, broken = truth[1], truth[2]
    small_replica.change(changed["url"])
    earlier = tmp_path / "earlier.jsonl"
    earlier.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in truth), "utf-8")
    small_replica.fault("gone", url=page_url(articles[2], 2))
    try:
        run = run_crawl("refetch", small_replica.proxy_url, tmp_path / "state",
                        tmp_path / "o.jsonl", "-a", f"input={earlier}")
    finally:
        small_replica.clear_faults()
    assert run.returncode == 0, run.log[-2000:]  # one failed fetch in 12: below the limit
    by_id = {r["id"]: r for r in run.records}
    assert len(run.records) == len(truth) and set(by_id) == {r["id"] for r in truth}
    for want in truth:
        got = by_id[want["id"]]
        assert got["url"] == want["url"]
        if want is changed:
            assert got["status"] == "updated"
            assert got["text"] == small_replica.record(want["url"])["text"] != want["text"]
        elif want is broken:
            assert got["status"] == "error" and got["reason"].startswith("page 2: "), got
        else:
            assert got["status"] == "unchanged" and got["text"] == want["text"], want["url"]
    assert f"'article/multipage': {len(truth) - 1}," in run.log

    urls = tmp_path / "urls.txt"
    urls.write_text(f"{changed['url']}\n")
    again = run_crawl("refetch", small_replica.proxy_url, tmp_path / "state",
                      tmp_path / "a.jsonl", "-a", f"input={urls}")
    assert "Crawled (304)" in again.log
    [record] = again.records
    assert record["status"] == "unchanged"
    assert record["text"] == small_replica.record(changed["url"])["text"]
