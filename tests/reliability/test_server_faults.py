"""Servers that lie, throttle, challenge, loop or bomb: every page counted
under a reason, nothing garbage exported, what may pass left for the next run.

Each test runs real ``scrapy crawl`` processes against the replica with its
faults switched on (``replica/faults.py``); docs/reliability.md lists them.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from crawl_helpers import run_crawl

CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def stat(log: str, key: str) -> int:
    """A counter from the stats dump at the end of a crawl's log (0 if absent)."""
    found = re.findall(rf"'{re.escape(key)}': (\d+)", log)
    return int(found[-1]) if found else 0


@pytest.mark.parametrize("charset", ["koi8-r", "iso-8859-5"])
def test_a_header_lying_with_a_single_byte_charset_loses_to_the_bytes(
        charset: str, replica: Any, tmp_path: Path) -> None:
    truth = replica.truth("sxnews")
    replica.fault("wrong_charset", site="sxnews", charset=charset)
    run = run_crawl("sxnews", replica.proxy_url, tmp_path / "s", tmp_path / "o.jsonl")
    assert run.returncode == 0, run.log[-2000:]
    assert not [r["url"] for r in run.records if CYRILLIC.search(r["title"] + r["text"])]
    got = run.by_url()
    assert set(got) == {r["url"] for r in truth}
    assert all(got[r["url"]]["text"] == r["text"] for r in truth)
    assert stat(run.log, "item_dropped_reasons_count/DuplicateItem") == 0


def test_retry_after_is_waited_for_before_the_next_request_to_the_host(
        replica: Any, tmp_path: Path) -> None:
    truth = replica.truth("fissico")
    url = truth[5]["url"]
    replica.fault("ratelimit", url=url, times=1, retry_after=4)
    run = run_crawl("fissico", replica.proxy_url, tmp_path / "s", tmp_path / "o.jsonl")
    assert run.returncode == 0, run.log[-2000:]
    assert url in run.by_url()  # retried once the pause was over
    hits = replica.hits(urlsplit(url).hostname)
    limited = next(t for t, u in hits if u == url)
    # What was already in flight when the 429 came back arrives at once; then
    # nothing until the pause is over (before: the crawl went on at full speed).
    during = [u for t, u in hits if limited + 1.0 < t < limited + 3.9]
    assert during == [], f"{len(during)} requests within Retry-After: 4"
    assert max(t for t, u in hits if u == url) >= limited + 3.9
    assert stat(run.log, "backoff/retry_after") == 1


def test_a_retry_after_longer_than_a_run_waits_leaves_the_host_for_the_next_run(
        replica: Any, tmp_path: Path) -> None:
    truth = replica.truth("shanxidayuan")
    replica.fault("ratelimit", site="shanxidayuan", times=1, retry_after=3600)
    state, out = tmp_path / "s", tmp_path / "o.jsonl"
    run = run_crawl("shanxidayuan", replica.proxy_url, state, out)
    assert stat(run.log, "backoff/host_backed_off") == 1
    assert len(run.records) < len(truth) // 2
    assert stat(run.log, "fetch/failed/reason_count/host_backed_off") > 0
    replica.clear_faults()
    again = run_crawl("shanxidayuan", replica.proxy_url, state, tmp_path / "o2.jsonl")
    assert {r["url"] for r in run.records} | {r["url"] for r in again.records} == \
        {r["url"] for r in truth}


def test_challenge_pages_are_not_retried_and_stay_pending(replica: Any,
                                                          tmp_path: Path) -> None:
    truth = replica.truth("fissico")
    challenged = [truth[3]["url"], truth[40]["url"]]
    for url in challenged:
        replica.fault("challenge", url=url)
    state, out = tmp_path / "s", tmp_path / "o.jsonl"
    run = run_crawl("fissico", replica.proxy_url, state, out)
    assert run.returncode == 0, run.log[-2000:]
    fetched = [u for _, u in replica.hits()]
    assert [fetched.count(u) for u in challenged] == [1, 1]  # no blind retries
    assert set(run.by_url()) == {r["url"] for r in truth} - set(challenged)
    assert stat(run.log, "backoff/challenge") == 2
    assert stat(run.log, "fetch/failed/reason_count/challenge") == 2
    assert stat(run.log, "frontier/pending") == 2
    replica.clear_faults()
    again = run_crawl("fissico", replica.proxy_url, state, tmp_path / "o2.jsonl")
    assert {r["url"] for r in again.records} == set(challenged)


def test_a_host_that_keeps_challenging_is_left_alone(replica: Any, tmp_path: Path) -> None:
    truth = replica.truth("fissico")
    replica.fault("challenge", site="fissico")
    run = run_crawl("fissico", replica.proxy_url, tmp_path / "s", tmp_path / "o.jsonl")
    assert run.records == []
    article_hits = [u for _, u in replica.hits() if u in {r["url"] for r in truth}]
    assert len(article_hits) <= 3 + 16  # the limit, plus what was in flight
    assert stat(run.log, "backoff/host_backed_off") == 1
    assert stat(run.log, "backoff/deferred") > 0
    assert stat(run.log, "frontier/pending") >= len(article_hits)
    # The requests already waiting for the host's slow slot fail with the host
    # (HostBackoffMiddleware._let_queued_go): the run does not sit out their
    # delays (up to BACKOFF_MAX_DELAY, 60 s) before it closes.
    left, closing = (dt.datetime.fromisoformat(re.search(
        rf"^(\S+ \S+) .*{what}", run.log, re.M)[1])
        for what in ("Leaving fissico.com", "Closing spider"))
    assert (closing - left).total_seconds() <= 20, (left, closing)


@pytest.mark.parametrize(("fault", "params", "reason"), [
    ("error", {"status": 503, "times": 10**6}, "http_503"),
    ("error", {"status": 500, "times": 10**6}, "http_500"),
    ("challenge", {}, "challenge"),
    ("slow", {"delay": 3.0}, "timeout"),
])
def test_an_unreachable_robots_txt_disallows_the_host(
        fault: str, params: dict[str, Any], reason: str, replica: Any,
        tmp_path: Path) -> None:
    replica.fault(fault, url="http://fissico.com/robots.txt", **params)
    run = run_crawl("fissico", replica.proxy_url, tmp_path / "s", tmp_path / "o.jsonl",
                    "-s", "DOWNLOAD_TIMEOUT=1", "-s", "RETRY_TIMES=1")
    assert run.records == []
    assert run.returncode == 1  # and the exit status says so, in one line
    assert "crawl fissico: robots.txt of 1 host unreachable" in run.log
    assert [u for _, u in replica.hits() if not u.endswith("/robots.txt")] == []
    assert stat(run.log, "robotstxt/unreachable") == 1
    assert stat(run.log, f"robotstxt/unreachable/{reason}") == 1
    assert stat(run.log, "fetch/failed/reason_count/robots_unreachable") >= 1


def test_a_missing_robots_txt_allows_everything(replica: Any, tmp_path: Path) -> None:
    replica.fault("gone", url="http://fissico.com/robots.txt", status=404)
    run = run_crawl("fissico", replica.proxy_url, tmp_path / "s", tmp_path / "o.jsonl")
    assert run.returncode == 0, run.log[-2000:]
    assert len(run.records) == len(replica.truth("fissico"))
    assert stat(run.log, "robotstxt/unavailable") == 1


def test_every_page_that_gives_no_record_is_counted_under_a_reason(
        replica: Any, tmp_path: Path) -> None:
    truth = replica.truth("fissico")
    faults = {"redirect_loop": "fetch/failed/reason_count/redirect_loop",
              "gzip_bomb": "fetch/failed/reason_count/decompression_bomb",
              "oversize": "fetch/failed/reason_count/oversize",
              "redirect_offsite": "fetch/failed/reason_count/refused",
              "binary": "extract/dropped/bad_encoding",
              "empty": "extract/dropped/empty_body",
              "gone": "fetch/failed/reason_count/http_410",
              # A deleted article as CMSs answer it: a 200 error page, a redirect home.
              "soft_404": "extract/dropped/soft_404",
              "redirect": "fetch/failed/reason_count/redirect_to_home"}
    urls = {name: truth[7 + 3 * n]["url"] for n, name in enumerate(faults)}
    for name, url in urls.items():
        replica.fault(name, url=url)
    run = run_crawl("fissico", replica.proxy_url, tmp_path / "s", tmp_path / "o.jsonl",
                    "-s", "DOWNLOAD_MAXSIZE=1048576", "-s", "DOWNLOAD_WARNSIZE=0")
    assert run.returncode == 0, run.log[-2000:]
    assert set(run.by_url()) == {r["url"] for r in truth} - set(urls.values())
    for name, key in faults.items():
        assert stat(run.log, key) == 1, f"{name}: {key} not counted once"
    # Settled for good: nothing is left pending to be asked for again.
    assert stat(run.log, "frontier/pending") == 0
