"""Distributed crawls: several workers share one crawl through one Redis
(``-s REDIS_URL=…``, crawler/distributed/).

Real ``scrapy crawl`` processes, each with its own ``STATE_DIR`` and output (as
on separate machines), against a real ``redis-server`` on 127.0.0.1 (the
``redis_url`` fixture) and the replica. The oracle: the union of the workers'
outputs is the replica's article set (less the articles dropped as duplicates
of exported ones), nothing is exported twice, and (without kills) no article
page is fetched twice (the replica records every request).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import threading
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT
from crawl_helpers import crawl_command, line_count, proxy_env
from helpers import DROPPED_DUPLICATE

from replica import Replica

# Per site; the tests crawl one site: about 1,200 article pages (DISTRIBUTED_ARTICLES=5000
# for the full-size check, run by hand).
ARTICLES = int(os.environ.get("DISTRIBUTED_ARTICLES") or 1200)
SITE = "fissico"
LEASE, IDLE_CLOSE = "2", "3"


@pytest.fixture(scope="module")
def shared_replica() -> Iterator[Any]:
    with Replica(articles=ARTICLES) as replica:
        yield replica


def worker(n: int, tmp: Path, url: str, *extra: str) -> tuple[list[str], Path]:
    out = tmp / f"worker{n}" / "out.jsonl"
    out.parent.mkdir(parents=True)
    cmd = crawl_command(SITE, out.parent / "state", out, "-s", f"REDIS_URL={url}",
                        "-s", f"REDIS_LEASE_SECONDS={LEASE}",
                        "-s", f"REDIS_IDLE_CLOSE_SECONDS={IDLE_CLOSE}",
                        "-s", "CONCURRENT_REQUESTS=8", *extra)
    return cmd, out


def records(out: Path) -> list[dict[str, Any]]:
    text = out.read_text("utf-8") if out.exists() else ""
    return [json.loads(line) for line in text.splitlines() if line]


def check_union(outs: list[Path], truth: list[dict[str, Any]],
                killed: Path | None = None) -> set[str]:
    """Nothing lost, nothing exported twice. With a ``killed`` worker's output: a
    line it wrote in the instant before its kill -9, after the write and before
    its mark in the shared seen-set, is exported again by another worker (only
    that machine's next start can tell the line is there); at most its
    in-flight requests' worth (CONCURRENT_REQUESTS)."""
    ids = [r["id"] for out in outs for r in records(out)]
    twice = [i for i, c in Counter(ids).items() if c > 1]
    if killed is not None:
        survivors = [r["id"] for out in outs if out != killed for r in records(out)]
        assert len(survivors) == len(set(survivors)), "a surviving worker exported twice"
        victim = {r["id"] for r in records(killed)}
        assert set(twice) <= victim and len(twice) <= 8, twice
        twice = []
    assert not twice, f"exported twice: {twice[:5]}"
    exported, wanted = set(ids), {r["id"] for r in truth}
    duplicates = {m[1]: m[2] for out in outs
                  for m in DROPPED_DUPLICATE.finditer(
                      out.with_suffix(".log").read_text("utf-8", "replace"))}
    lost = {i for i in wanted - exported if duplicates.get(i) not in exported}
    assert not lost, f"{len(lost)} of {len(wanted)} lost: {sorted(lost)[:5]}"
    assert exported <= wanted
    return exported


def article_hits(replica: Any, since: float, truth: list[dict[str, Any]]) -> Counter[str]:
    urls = {r["url"] for r in truth}
    return Counter(u for t, u in replica.hits() if t >= since and u in urls)


def test_three_workers_share_one_crawl(shared_replica: Any, redis_url: str,
                                       tmp_path: Path) -> None:
    truth = shared_replica.truth(SITE)
    env = proxy_env(shared_replica.proxy_url)
    since = time.monotonic()
    runs = [worker(n, tmp_path, redis_url) for n in range(3)]
    procs = []
    for cmd, _ in runs:  # one after the other: later ones join a running crawl
        procs.append(subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                                      stderr=subprocess.PIPE, text=True))
        time.sleep(1.0)
    for proc in procs:
        _, err = proc.communicate(timeout=240)
        assert proc.returncode == 0, err[-3000:]
    outs = [out for _, out in runs]
    check_union(outs, truth)
    assert all(line_count(out) > 0 for out in outs), [line_count(o) for o in outs]
    hits = article_hits(shared_replica, since, truth)
    twice = [u for u, c in hits.items() if c > 1]
    assert not twice, f"{len(twice)} article pages fetched twice: {twice[:5]}"
    logs = [out.with_suffix(".log").read_text("utf-8") for out in outs]
    assert all("'redis/acked'" in log for log in logs)
    # The last one out cleared the dupefilter; the queue and in-flight sets are empty.
    import redis

    left = sorted(k.decode() for k in redis.Redis.from_url(redis_url).keys(f"{SITE}:*"))
    assert set(left) <= {f"{SITE}:reconciled", f"{SITE}:seen"}, left

    # A second run of the same crawl: the start pages are read again (the
    # finished crawl's dupefilter is gone), and nothing new is exported.
    again = worker(9, tmp_path, redis_url)
    done = subprocess.run(again[0], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    assert line_count(again[1]) == 0
    log = again[1].with_suffix(".log").read_text("utf-8")
    assert "'pages/home'" in log and "'deltafetch/skipped'" in log


def test_kill_9_of_one_worker_loses_nothing(shared_replica: Any, redis_url: str,
                                            tmp_path: Path) -> None:
    truth = shared_replica.truth(SITE)
    env = proxy_env(shared_replica.proxy_url)
    runs = [worker(n, tmp_path, redis_url) for n in range(3)]
    procs = [subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True) for cmd, _ in runs]
    victim, victim_out = procs[0], runs[0][1]
    deadline = time.monotonic() + 120
    while line_count(victim_out) < 40 and time.monotonic() < deadline:
        time.sleep(0.02)
    assert victim.poll() is None, "the worker finished before it could be killed"
    victim.send_signal(signal.SIGKILL)
    victim.wait(timeout=10)
    for proc in procs[1:]:
        _, err = proc.communicate(timeout=240)
        assert proc.returncode == 0, err[-3000:]
    check_union([out for _, out in runs], truth, killed=victim_out)
    logs = "".join(out.with_suffix(".log").read_text("utf-8") for _, out in runs[1:])
    # The dead worker's in-flight requests were put back once its lease expired.
    assert "'redis/requeued'" in logs


def test_two_workers_keep_one_of_near_duplicates(redis_url: str) -> None:
    """Near-duplicate texts checked at the same moment by two workers: one kept."""
    from support.synth import Writer

    from crawler.dedupe import DedupeConfig, Deduper, Doc, open_store

    cfg = DedupeConfig(backend="redis", redis_url=redis_url, redis_prefix="race:")
    w = Writer(21)
    pairs = []
    for _ in range(40):
        text = w.article()
        pairs.append((text, w.mirror(w.truncated(text))))
    kept: list[list[str]] = [[], []]
    barrier = threading.Barrier(2)

    def run(side: int) -> None:
        deduper = Deduper(cfg, open_store(cfg))
        for n, pair in enumerate(pairs):
            barrier.wait()  # both check pair n at once
            doc = Doc(f"{side:08x}{n:08x}", None, pair[side])
            if not deduper.check(doc).duplicate:
                kept[side].append(doc.id)
        deduper.close()

    threads = [threading.Thread(target=run, args=(side,)) for side in (0, 1)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert len(kept[0]) + len(kept[1]) == len(pairs), kept


def resolved(**cmdline: Any) -> Any:
    """The project's settings with ``cmdline`` given as ``-s`` would, after the
    addons' ``update_settings`` (what ``scrapy crawl`` does before building anything)."""
    from scrapy.utils.misc import load_object
    from scrapy.utils.project import get_project_settings

    settings = get_project_settings()
    settings.setdict(cmdline, priority="cmdline")
    for path in settings.getdict("ADDONS"):
        load_object(path)().update_settings(settings)
    return settings


def test_the_switch_is_off_without_redis_url() -> None:
    s = resolved()
    assert s["SCHEDULER"] == "scrapy.core.scheduler.Scheduler"
    assert (s["DEDUP_BACKEND"], s["REDIS_URL"]) == ("sqlite", None)


def test_redis_url_turns_on_shared_queue_dupefilter_and_dedupe(redis_url: str) -> None:
    s = resolved(REDIS_URL=redis_url)
    assert s["SCHEDULER"] == "crawler.distributed.scheduler.RedisScheduler"
    assert s["DUPEFILTER_CLASS"] == "crawler.distributed.scheduler.FingerprintDupeFilter"
    assert s.getbool("SCHEDULER_PERSIST")
    assert (s["DEDUP_BACKEND"], s["DEDUP_REDIS_URL"]) == ("redis", redis_url)
    # What the user sets explicitly stays.
    s = resolved(REDIS_URL=redis_url, DEDUP_BACKEND="sqlite")
    assert s["DEDUP_BACKEND"] == "sqlite"


def test_dupefilter_uses_scrapys_fingerprints(redis_url: str) -> None:
    import redis
    from scrapy import Request
    from scrapy.utils.test import get_crawler

    from crawler.distributed.scheduler import FingerprintDupeFilter

    crawler = get_crawler()
    df = FingerprintDupeFilter.for_crawler(crawler, redis.Redis.from_url(redis_url), "t:df")
    request = Request("http://fissico.com/html/xw/dzyw/1.html")
    assert df.request_fingerprint(request) == crawler.request_fingerprinter.fingerprint(
        request).hex()
    assert not df.request_seen(request)
    assert df.request_seen(request.replace())


def test_redis_seen_store_is_shared_and_reconciles(redis_url: str, tmp_path: Path) -> None:
    from crawler.state.seen import RedisSeenStore

    a, b = RedisSeenStore(redis_url, "t"), RedisSeenStore(redis_url, "t")
    assert a.add("0123456789abcdef") and not b.add("0123456789abcdef")
    assert "0123456789abcdef" in b and b"0123456789abcdef" in a
    assert not a.known_before("0123456789abcdef")  # marked by this run
    out = tmp_path / "out.jsonl"
    out.write_text('{"id": "fedcba9876543210"}\n{"id": "1111111111111111"}\n{"id": "22', "utf-8")
    assert b.reconcile(out) == 2 and b.reconcile(out) == 0  # the partial line is no record
    assert len(RedisSeenStore(redis_url, "t")) == 3
    assert RedisSeenStore(redis_url, "t").known_before("1111111111111111")
    assert len(RedisSeenStore(redis_url, "t", reset=True)) == 0
