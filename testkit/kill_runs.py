"""Kill runs of a distributed crawl: three ``scrapy crawl`` workers on one Redis
(each with its own ``STATE_DIR`` and output, as on separate machines) against the
replica, one of them killed with ``kill -9`` at a moment drawn from a seed.

Used by ``tests/reliability/test_distributed.py`` (one small run in CI) and
``bench/distributed.py --kill-runs N`` (the long runs, on demand). The moments:

- ``unsynced``: the victim groups ``FEED_FSYNC_LINES=G`` lines and its timed
  fsync waits an hour, so exported lines sit in memory; it is killed once K of
  them (K and G drawn) are exported and not on disk. Its log (DEBUG) gets a
  "Scraped from" line as each item goes to the exporter; its output gets the
  lines only at the fsync. Before acknowledgements waited for the barrier, the
  requests of those K lines were already out of the in-flight set: K lost.
- ``time``: default grouping (64 lines or 0.5 s), killed T seconds (drawn) after
  its first line reached the output.
- ``share``: default grouping, killed once the three outputs together hold a
  drawn share (2-95 %) of the articles: late moments too, the crawl's end
  (queue empty, workers idle) among them.
- ``group``: default grouping, killed as soon as the file grows for the n-th
  time (n drawn): a group just written, its seen marks and acknowledgements
  being made, the moment that gives duplicates (durable lines whose requests go
  back to the queue).

The oracle (``KillRun.problems``): every article of the replica is in the union
of the outputs, or was dropped by dedupe as a duplicate of an exported one; no
survivor exported an article twice; what was exported twice is the victim's, at
most a group of it and one line (its ``FEED_FSYNC_LINES`` + 1); the survivors requeued
every request the victim had in flight when it died (``redis/requeued``).
"""

from __future__ import annotations

import json
import os
import random
import re
import signal
import subprocess
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from testkit.crawl import DROPPED_DUPLICATE, LineCounter, crawl_command

ROOT = Path(__file__).resolve().parent.parent
MOMENTS = ("unsynced", "time", "group", "share")
DEFAULT_GROUP = 64  # crawler/settings.py FEED_FSYNC_LINES
LEASE, IDLE_CLOSE = "2", "3"
SCRAPED = b"Scraped from <"
REQUEUED = re.compile(r"'redis/requeued': (\d+)")


@dataclass
class KillPlan:
    seed: int
    moment: str
    victim: int  # which of the three workers
    stagger: list[float]  # seconds between starting one worker and the next
    group: int = DEFAULT_GROUP  # the victim's FEED_FSYNC_LINES
    unsynced: int = 0  # moment "unsynced": lines exported, not on disk
    after: float = 0.0  # moment "time": seconds after the victim's first line
    groups: int = 1  # moment "group": the n-th group written
    share: float = 0.0  # moment "share": of the articles, in the outputs together

    @classmethod
    def draw(cls, seed: int, moment: str | None = None) -> KillPlan:
        rnd = random.Random(seed)
        drawn = rnd.choice(MOMENTS)  # drawn even when given: a seed's other draws stay
        plan = cls(seed, moment or drawn, rnd.randrange(3),
                   [round(rnd.uniform(0.2, 2.0), 2) for _ in range(2)])
        if plan.moment == "unsynced":
            plan.group = rnd.randrange(24, 129)
            plan.unsynced = rnd.randrange(1, plan.group // 2)
        elif plan.moment == "time":
            plan.after = round(rnd.uniform(0.0, 6.0), 2)
        elif plan.moment == "group":
            plan.groups = rnd.randrange(1, 8)
        else:
            plan.share = round(rnd.uniform(0.02, 0.95), 2)
        return plan

    def victim_settings(self) -> list[str]:
        extra = ["-s", "LOG_LEVEL=DEBUG"]
        if self.moment == "unsynced":
            extra += ["-s", f"FEED_FSYNC_LINES={self.group}", "-s", "FEED_FSYNC_SECONDS=3600"]
        return extra

    def __str__(self) -> str:
        what = {"unsynced": f"{self.unsynced} of a group of {self.group} lines unsynced",
                "time": f"{self.after} s after its first line",
                "group": f"as group {self.groups} reaches the file",
                "share": f"with {self.share:.0%} of the articles out"}[self.moment]
        return f"seed {self.seed}: worker {self.victim} killed {what}"


@dataclass
class KillRun:
    plan: KillPlan
    wanted: int = 0
    exported: int = 0  # distinct articles in the union
    lost: list[str] = field(default_factory=list)
    twice: list[str] = field(default_factory=list)  # exported more than once (any worker)
    survivors_twice: list[str] = field(default_factory=list)
    victim_lines: int = 0
    unsynced_at_kill: int = 0  # exported by the victim, not on disk, when the kill was sent
    inflight_at_kill: int = 0  # the victim's in-flight set just after its death
    requeued: int = 0  # redis/requeued, summed over the survivors
    not_killed: bool = False  # the victim finished before its moment came
    failed: list[str] = field(default_factory=list)  # survivors' bad exits
    seconds: float = 0.0

    def problems(self) -> list[str]:
        out = list(self.failed)
        if self.not_killed:
            out.append("the victim finished before it could be killed")
        if self.lost:
            out.append(f"{len(self.lost)} of {self.wanted} lost: {self.lost[:5]}")
        if self.survivors_twice:
            out.append(f"a survivor exported twice: {self.survivors_twice[:5]}")
        if len(self.twice) > self.plan.group + 1:  # docs/state.md: a group and one line
            out.append(f"{len(self.twice)} exported twice, more than a group and one line "
                       f"({self.plan.group} + 1): {self.twice[:5]}")
        if self.requeued < self.inflight_at_kill:
            out.append(f"the victim died with {self.inflight_at_kill} in flight; the "
                       f"survivors requeued {self.requeued}")
        return out

    def line(self) -> str:
        return (f"{self.plan}: {self.exported}/{self.wanted} exported, lost {len(self.lost)}, "
                f"twice {len(self.twice)}, victim {self.victim_lines} lines "
                f"(+{self.unsynced_at_kill} unsynced at the kill), in flight "
                f"{self.inflight_at_kill}, requeued {self.requeued}, {self.seconds:.0f} s")


def complete_records(out: Path) -> list[dict[str, Any]]:
    """The records of an output's complete lines (a kill may cut the last one)."""
    data = out.read_bytes() if out.exists() else b""
    return [json.loads(line) for line in data.split(b"\n")[:-1] if line]


class _Counter:
    """Counts a growing file's occurrences of a marker, reading only what is new."""

    def __init__(self, path: Path, marker: bytes) -> None:
        self.path, self.marker, self.offset, self.count, self.tail = path, marker, 0, 0, b""

    def __call__(self) -> int:
        try:
            with self.path.open("rb") as fh:
                fh.seek(self.offset)
                chunk = fh.read()
        except FileNotFoundError:
            return 0
        self.offset += len(chunk)
        data = self.tail + chunk
        self.count += data.count(self.marker)
        # Keep the end, in case a marker is split between two reads (not counted twice:
        # it is incomplete there).
        self.tail = data[-(len(self.marker) - 1):] if len(self.marker) > 1 else b""
        return self.count


def _wait_for_moment(plan: KillPlan, proc: subprocess.Popen[bytes], out: Path,
                     outs: list[Path], articles: int, timeout: float) -> int:
    """Block until the plan's moment (or the victim's end); returns how many
    exported lines were not on disk when it came (moment ``unsynced``)."""
    deadline = time.monotonic() + timeout
    scraped = _Counter(out.with_suffix(".log"), SCRAPED)
    counters = {o: LineCounter(o) for o in outs}
    victim_lines = counters.get(out) or LineCounter(out)
    first: float | None = None
    last, grown = 0, 0
    while proc.poll() is None and time.monotonic() < deadline:
        lines = victim_lines()
        grown, last = grown + (lines > last), lines
        if plan.moment == "unsynced":
            waiting = scraped() - lines
            if waiting >= plan.unsynced:
                return waiting
        elif plan.moment == "time":
            if lines and first is None:
                first = time.monotonic()
            if first is not None and time.monotonic() - first >= plan.after:
                return 0
        elif plan.moment == "group":
            if grown >= plan.groups:
                return 0
        elif sum(counter() for counter in counters.values()) >= plan.share * articles:
            return 0
        time.sleep(0.005)
    return 0


def kill_run(plan: KillPlan, *, replica: Any, redis_url: str, site: str, tmp: Path,
             workers_extra: tuple[str, ...] = (), timeout: float = 600) -> KillRun:
    """One run of ``plan``: start three workers, kill one, wait for the others,
    judge the union of the outputs against the replica's truth."""
    import redis

    result = KillRun(plan)
    env = {**os.environ, "http_proxy": replica.proxy_url, "no_proxy": "", "NO_PROXY": ""}
    outs: list[Path] = []
    procs: list[subprocess.Popen[bytes]] = []
    start = time.monotonic()
    for n in range(3):
        out = tmp / f"worker{n}" / "out.jsonl"
        out.parent.mkdir(parents=True)
        extra = plan.victim_settings() if n == plan.victim else []
        cmd = crawl_command(site, out.parent / "state", out, "-s", f"REDIS_URL={redis_url}",
                            "-s", f"REDIS_LEASE_SECONDS={LEASE}",
                            "-s", f"REDIS_IDLE_CLOSE_SECONDS={IDLE_CLOSE}",
                            "-s", "CONCURRENT_REQUESTS=8", *workers_extra, *extra)
        outs.append(out)
        procs.append(subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                                      stderr=subprocess.PIPE))
        if n < 2:
            time.sleep(plan.stagger[n])
    victim, victim_out = procs[plan.victim], outs[plan.victim]
    try:
        result.unsynced_at_kill = _wait_for_moment(plan, victim, victim_out, outs,
                                                   len(replica.truth(site)), timeout)
        if victim.poll() is not None:
            result.not_killed = True
        else:
            victim.send_signal(signal.SIGKILL)
            victim.wait(timeout=10)
            client = redis.Redis.from_url(redis_url)
            for key in client.scan_iter(f"{site}:processing:*:{victim.pid}:*"):
                result.inflight_at_kill += int(client.zcard(key))
            client.close()
        for n, proc in enumerate(procs):
            if n == plan.victim:
                continue
            _, err = proc.communicate(timeout=timeout)
            if proc.returncode != 0:
                result.failed.append(f"worker {n} exit {proc.returncode}: "
                                     f"{err.decode('utf-8', 'replace')[-2000:]}")
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    result.seconds = time.monotonic() - start
    _judge(result, outs, replica.truth(site))
    return result


def _judge(result: KillRun, outs: list[Path], truth: list[dict[str, Any]]) -> None:
    plan = result.plan
    per_worker = [[r["id"] for r in complete_records(out)] for out in outs]
    ids = [i for worker in per_worker for i in worker]
    result.twice = sorted(i for i, c in Counter(ids).items() if c > 1)
    survivors = [i for n, worker in enumerate(per_worker) if n != plan.victim for i in worker]
    result.survivors_twice = sorted(i for i, c in Counter(survivors).items() if c > 1)
    result.victim_lines = len(per_worker[plan.victim])
    exported, wanted = set(ids), {r["id"] for r in truth}
    logs = [out.with_suffix(".log").read_text("utf-8", "replace") for out in outs]
    duplicates = {m[1]: m[2] for log in logs for m in DROPPED_DUPLICATE.finditer(log)}
    result.lost = sorted(i for i in wanted - exported if duplicates.get(i) not in exported)
    result.wanted, result.exported = len(wanted), len(exported & wanted)
    if exported - wanted:
        result.failed.append(f"exported what the replica does not have: "
                             f"{sorted(exported - wanted)[:5]}")
    result.requeued = sum(int(m[1]) for n, log in enumerate(logs) if n != plan.victim
                          for m in REQUEUED.finditer(log))
