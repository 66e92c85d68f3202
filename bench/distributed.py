"""Throughput of a distributed crawl (``-s REDIS_URL=…``) with 1, 2 and 3 workers;
and kill runs: three workers, one killed with kill -9, nothing may be lost.

    python bench/distributed.py                         # 5,000 articles, fissico, 0 and 50 ms
    python bench/distributed.py --articles 1500 --latency-ms 0 --workers 1,2
    python bench/distributed.py --kill-runs 10 --articles 3000   # seed printed
    KILL_SEED=1234 python bench/distributed.py --kill-runs 1 --articles 2000  # replay one

Kill runs (``testkit/kill_runs.py``): each run a fresh Redis database and
three workers; one (drawn) is killed at a moment drawn from the run's seed (the
base seed, from ``--seed``, ``KILL_SEED`` or at random, plus the run's number):
with lines exported but not yet fsynced, a drawn time after its first line, as
a group of lines reaches its output, or once a drawn share of the articles is
out. Each run prints one line; a run that loses an article, or exports more than
a group and a line twice, prints what is wrong, and the exit status is 1.

Each run: a fresh ``redis-server`` database on 127.0.0.1 (a free port), the local
replica, N ``scrapy crawl`` worker processes, each with its own ``STATE_DIR`` and
output (as on separate machines), started together; the time is from the start
to the last record written (the workers' idle wait before closing is not
counted). The oracle is checked every run: the union of the outputs is the
article set, nothing exported twice.

All workers run on *this* machine: their CPU is shared, so with no latency the
figure measures the cores, not the design. The ``slow`` fault (latency per
article page) stands in for real sites, where each worker mostly waits on the
network and on politeness delays; there, workers on separate machines add up.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from replica import Replica  # noqa: E402

FAST = ("-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False",
        "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=16", "-s", "CONCURRENT_REQUESTS=16",
        "-s", "LOG_LEVEL=INFO", "-s", "REDIS_IDLE_CLOSE_SECONDS=2",
        "-s", "REDIS_LEASE_SECONDS=5")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_redis(tmp: Path) -> tuple[subprocess.Popen[bytes], str]:
    server = shutil.which("redis-server")
    if server is None:
        sys.exit("redis-server is not installed (apt-get install -y redis-server)")
    port = free_port()
    proc = subprocess.Popen([server, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                             "--appendonly", "no", "--dir", str(tmp)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    import redis

    url = f"redis://127.0.0.1:{port}/0"
    client = redis.Redis.from_url(url)
    for _ in range(200):
        try:
            client.ping()
            return proc, url
        except redis.ConnectionError:
            time.sleep(0.05)
    sys.exit("redis-server did not start")


def run(replica: Replica, url: str, site: str, workers: int, tmp: Path) -> dict[str, float]:
    import redis

    redis.Redis.from_url(url).flushdb()
    env = {**os.environ, "http_proxy": replica.proxy_url, "no_proxy": "", "NO_PROXY": ""}
    outs, procs = [], []
    start = time.time()
    for n in range(workers):
        base = tmp / f"{workers}w-{n}"
        base.mkdir()
        out = base / "out.jsonl"
        outs.append(out)
        procs.append(subprocess.Popen(
            [sys.executable, "-m", "scrapy", "crawl", site, "-o", str(out), *FAST,
             "-s", f"STATE_DIR={base / 'state'}", "-s", f"REDIS_URL={url}",
             "--logfile", str(base / "out.log")],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
    codes = [p.wait() for p in procs]
    ids = [json.loads(line)["id"] for out in outs if out.exists()
           for line in out.read_text("utf-8").splitlines() if line]
    end = max((o.stat().st_mtime for o in outs if o.exists()), default=time.time())
    wanted = {r["id"] for r in replica.truth(site)}
    return {"records": len(ids), "unique": len(set(ids)), "wanted": len(wanted),
            "missing": len(wanted - set(ids)), "seconds": end - start,
            "failed": sum(c != 0 for c in codes)}


def kill_runs(runs: int, articles: int, site: str, seed: int | None,
              moment: str | None) -> int:
    import redis

    from testkit.kill_runs import KillPlan, kill_run

    base = seed if seed is not None else random.randrange(1 << 20)
    print(f"kill runs of {site}, replica of {articles} articles per site, three workers, "
          f"base seed {base} (KILL_SEED={base} replays them)", flush=True)
    bad = 0
    twice: list[int] = []
    with tempfile.TemporaryDirectory(prefix="bench-kill-") as tmpdir, \
            Replica(articles=articles) as replica:
        tmp = Path(tmpdir)
        redis_proc, url = start_redis(tmp)
        try:
            for n in range(runs):
                redis.Redis.from_url(url).flushdb()
                plan = KillPlan.draw(base + n, moment)
                result = kill_run(plan, replica=replica, redis_url=url, site=site,
                                  tmp=tmp / f"run{n}")
                problems = result.problems()
                bad += bool(problems)
                twice.append(len(result.twice))
                print(("FAIL " if problems else "ok   ") + result.line(), flush=True)
                for problem in problems:
                    print(f"       {problem}", flush=True)
        finally:
            redis_proc.terminate()
            redis_proc.wait(timeout=10)
    print(f"{runs - bad} of {runs} runs lost nothing; exported twice per run: {twice}")
    return 1 if bad else 0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=5000, help="replica articles per site")
    ap.add_argument("--site", default="fissico")
    ap.add_argument("--workers", default="1,2,3")
    ap.add_argument("--latency-ms", default="0,50",
                    help="latency per article page (the replica's slow fault), comma-separated")
    ap.add_argument("--kill-runs", type=int, default=0,
                    help="instead of throughput: this many kill runs of three workers")
    ap.add_argument("--seed", type=int, default=None,
                    help="kill runs: the base seed (else KILL_SEED, else drawn)")
    ap.add_argument("--moment", choices=("unsynced", "time", "group", "share"), default=None,
                    help="kill runs: always this moment (else drawn per run)")
    args = ap.parse_args()
    if args.kill_runs:
        env_seed = os.environ.get("KILL_SEED")
        seed = args.seed if args.seed is not None else (int(env_seed) if env_seed else None)
        sys.exit(kill_runs(args.kill_runs, args.articles, args.site, seed, args.moment))
    cores = os.cpu_count() or 1
    print(f"distributed crawl of {args.site}, replica of {args.articles} articles per site; "
          f"all workers on this machine: {cores} core(s), so with no latency they share "
          f"{cores} core(s) and cannot scale past that")
    print("(not out: articles not exported; the replica has a few duplicates that dedupe drops)")
    print(f"{'latency':>8} {'workers':>7} {'records':>8} {'not out':>7} {'seconds':>8} "
          f"{'articles/s':>10} {'speed-up':>8}")
    with tempfile.TemporaryDirectory(prefix="bench-distributed-") as tmpdir, \
            Replica(articles=args.articles) as replica:
        tmp = Path(tmpdir)
        redis_proc, url = start_redis(tmp)
        try:
            for latency in (int(x) for x in args.latency_ms.split(",")):
                replica.clear_faults()
                if latency:
                    replica.fault("slow", delay=latency / 1000)
                one = None
                for workers in (int(x) for x in args.workers.split(",")):
                    lat = tmp / f"{latency}ms"
                    lat.mkdir(exist_ok=True)
                    r = run(replica, url, args.site, workers, lat)
                    rate = r["unique"] / r["seconds"]
                    one = one or rate
                    bad = (" DUPLICATES" if r["records"] != r["unique"] else "") + \
                        (f" {int(r['failed'])} worker(s) failed" if r["failed"] else "")
                    print(f"{latency:>6}ms {workers:>7} {int(r['unique']):>8} "
                          f"{int(r['missing']):>7} {r['seconds']:>8.1f} {rate:>10.1f} "
                          f"{rate / one:>7.2f}x{bad}", flush=True)
        finally:
            redis_proc.terminate()
            redis_proc.wait(timeout=10)


if __name__ == "__main__":
    main()
