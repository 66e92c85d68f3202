"""Distributed crawls: several workers share one crawl through one Redis
(``-s REDIS_URL=…``, crawler/distributed/).

Real ``scrapy crawl`` processes, each with its own ``STATE_DIR`` and output (as
on separate machines), against a real ``redis-server`` on 127.0.0.1 (the
``redis_url`` fixture) and the replica. The oracle: the union of the workers'
outputs is the replica's article set (less the articles dropped as duplicates
of exported ones), nothing is exported twice, and (without kills) no article
page is fetched twice (the replica records every request). With a worker
killed (testkit/kill_runs.py), at most a group of its lines and one
(``FEED_FSYNC_LINES`` + 1) are exported again by another worker.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import threading
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from conftest import ROOT
from crawl_helpers import crawl_command, line_count, proxy_env
from helpers import DROPPED_DUPLICATE, project_crawler
from scrapy import Request, Spider
from scrapy.http import Response

from replica import Replica
from testkit.kill_runs import IDLE_CLOSE, LEASE, KillPlan, kill_run

# Per site; the tests crawl one site: about 1,200 article pages (DISTRIBUTED_ARTICLES=5000
# for the full-size check, run by hand).
ARTICLES = int(os.environ.get("DISTRIBUTED_ARTICLES") or 1200)
SITE = "fissico"


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


def check_union(outs: list[Path], truth: list[dict[str, Any]]) -> set[str]:
    """Nothing lost, nothing exported twice."""
    ids = [r["id"] for out in outs for r in records(out)]
    twice = [i for i, c in Counter(ids).items() if c > 1]
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


@pytest.mark.slow
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


def test_kill_9_with_lines_exported_and_not_yet_fsynced_loses_nothing(
        shared_replica: Any, redis_url: str, tmp_path: Path) -> None:
    """The victim holds 24 exported lines in memory (its group of 64 is not full,
    its timed fsync an hour away) when it is killed: their requests were never
    acknowledged, so the survivors fetch them again. Before acknowledgements
    waited for the fsync, about those 24 were lost."""
    plan = KillPlan(seed=0, moment="unsynced", victim=1, stagger=[1.0, 1.0], group=64,
                    unsynced=24)
    result = kill_run(plan, replica=shared_replica, redis_url=redis_url, site=SITE,
                      tmp=tmp_path, timeout=240)
    assert not result.problems(), (result.line(), result.problems())
    assert result.unsynced_at_kill >= plan.unsynced, result.line()
    assert result.inflight_at_kill >= plan.unsynced, result.line()


def test_kill_9_at_a_drawn_moment_loses_nothing(shared_replica: Any, redis_url: str,
                                                tmp_path: Path) -> None:
    """A worker killed at a moment drawn from a seed (printed; ``KILL_SEED`` pins
    it): lines unsynced, a time after its first line, or a group just written.
    The long runs: ``bench/distributed.py --kill-runs 10``."""
    seed = int(os.environ.get("KILL_SEED") or random.randrange(1 << 20))
    plan = KillPlan.draw(seed)
    print(f"KILL_SEED={seed}: {plan}")
    result = kill_run(plan, replica=shared_replica, redis_url=redis_url, site=SITE,
                      tmp=tmp_path, timeout=240)
    assert not result.problems(), (result.line(), result.problems())


def test_two_workers_keep_one_of_near_duplicates(redis_url: str) -> None:
    """Near-duplicate texts checked at the same moment by two workers: one kept."""
    from crawler.dedupe import DedupeConfig, Deduper, Doc, open_store
    from testkit.synth import Writer

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


# --- The acknowledgement rule, one scheduler against a real Redis ----------------------

class AckSpider(Spider):
    name = "acks"


def open_scheduler(redis_url: str) -> tuple[Any, set[Request], Any]:
    """A ``RedisScheduler`` on ``redis_url``, the set of requests its (stub) engine
    holds, and the crawl's barrier with one grouped output registered."""
    from crawler.distributed.scheduler import RedisScheduler
    from crawler.state.runtime import crawl_state

    crawler = project_crawler(AckSpider, REDIS_URL=redis_url, REDIS_LEASE_SECONDS=30)
    assert crawler.stats is not None
    crawler.stats.open_spider()
    holding: set[Request] = set()
    crawler.engine = SimpleNamespace(  # type: ignore[assignment]
        _slot=SimpleNamespace(inprogress=holding, nextcall=SimpleNamespace(schedule=print)))
    barrier = crawl_state(crawler).durable
    barrier.register(lambda: None)  # one output grouping its lines: marks wait for its fsync
    scheduler = RedisScheduler.from_crawler(crawler)
    scheduler.open(AckSpider())
    return scheduler, holding, barrier


def in_flight(scheduler: Any) -> list[str]:
    return sorted(scheduler.queue.decode(d).url for d in
                  scheduler.server.zrange(scheduler.queue.processing, 0, -1))


def popped(scheduler: Any, holding: set[Request], *urls: str) -> list[Request]:
    for url in urls:
        assert scheduler.enqueue_request(Request(url))
    requests = []
    for _ in urls:
        requests.append(scheduler.next_request())
        holding.add(requests[-1])  # the engine holds it before it asks for the next
    return requests


def test_a_request_with_an_exported_item_is_acknowledged_only_after_the_fsync(
        redis_url: str) -> None:
    scheduler, holding, barrier = open_scheduler(redis_url)
    a, _ = popped(scheduler, holding, "http://fissico.com/a", "http://fissico.com/b")
    scheduler.item_scraped({"id": "a"}, Response(a.url, request=a), scheduler.spider)
    holding.clear()  # the engine is done with both
    scheduler.sweep()
    # b produced no line: acknowledged at once; a's line is still in the group.
    assert in_flight(scheduler) == ["http://fissico.com/a"]
    barrier.flush()
    assert in_flight(scheduler) == []
    assert scheduler.stats.get_value("redis/acked_after_sync") == 1
    # An item whose line was fsynced before its request was released: at once.
    (c,) = popped(scheduler, holding, "http://fissico.com/c")
    scheduler.item_scraped({"id": "c"}, Response(c.url, request=c), scheduler.spider)
    barrier.flush()
    holding.clear()
    scheduler.sweep()
    assert in_flight(scheduler) == []
    scheduler.close("finished")


def test_an_item_from_an_unknown_request_holds_every_acknowledgement(redis_url: str) -> None:
    scheduler, holding, barrier = open_scheduler(redis_url)
    popped(scheduler, holding, "http://fissico.com/a", "http://fissico.com/b")
    scheduler.item_scraped({"id": "x"}, None, scheduler.spider)
    holding.clear()
    scheduler.sweep()
    assert in_flight(scheduler) == ["http://fissico.com/a", "http://fissico.com/b"]
    barrier.flush()
    assert in_flight(scheduler) == []
    scheduler.close("finished")


def test_idle_and_close_sync_what_waits_before_anything_is_requeued(redis_url: str) -> None:
    from scrapy.exceptions import DontCloseSpider

    scheduler, holding, _ = open_scheduler(redis_url)
    (a,) = popped(scheduler, holding, "http://fissico.com/a")
    scheduler.item_scraped({"id": "a"}, Response(a.url, request=a), scheduler.spider)
    holding.clear()
    with pytest.raises(DontCloseSpider):  # idle: the group is synced, a acknowledged
        scheduler.spider_idle(scheduler.spider)
    assert in_flight(scheduler) == []
    # At close: synced and acknowledged, not put back in the queue for another worker.
    (b,) = popped(scheduler, holding, "http://fissico.com/b")
    scheduler.item_scraped({"id": "b"}, Response(b.url, request=b), scheduler.spider)
    holding.clear()
    scheduler.close("shutdown")
    assert scheduler.server.zcard(scheduler.queue.key) == 0
    assert not scheduler.stats.get_value("redis/requeued")


def test_the_dupefilter_and_the_queue_are_written_together(redis_url: str) -> None:
    scheduler = open_scheduler(redis_url)[0]
    assert scheduler.enqueue_request(Request("http://fissico.com/a"))
    assert not scheduler.enqueue_request(Request("http://fissico.com/a"))
    assert scheduler.server.scard(scheduler.df.key) == 1
    assert scheduler.server.zcard(scheduler.queue.key) == 1
    assert scheduler.enqueue_request(Request("http://fissico.com/a", dont_filter=True))
    scheduler.close("finished")


def test_a_worker_whose_lease_lapsed_is_a_member_again_at_its_next_pop(redis_url: str) -> None:
    """A stall longer than the lease: another worker requeues the staller's in-flight
    set and takes it out of the workers. What it pops next must be in a set some
    worker will requeue if it then dies before its next tick."""
    staller, holding, _ = open_scheduler(redis_url)
    other = open_scheduler(redis_url)[0]
    popped(staller, holding, "http://fissico.com/a")
    staller.server.delete(staller._key(f"alive:{staller.worker}"))  # the lease lapsed
    assert other.requeue_dead() == 1
    assert staller.worker.encode() not in staller.server.smembers(staller.workers)
    popped(staller, holding, "http://fissico.com/b")
    assert staller.worker.encode() in staller.server.smembers(staller.workers)
    assert staller.server.exists(staller._key(f"alive:{staller.worker}"))
    staller.server.delete(staller._key(f"alive:{staller.worker}"))  # now it dies
    assert other.requeue_dead() == 1  # what it popped after the lapse: not orphaned
    for scheduler in (staller, other):
        scheduler.close("finished")
