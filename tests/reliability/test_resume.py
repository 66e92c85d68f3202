"""Crawls that resume after any interruption: nothing lost, nothing twice.

Each test runs real ``scrapy`` processes against the replica and interrupts them
for real (``kill -9`` at random moments, SIGTERM, ``max_items``, processes side
by side on one STATE_DIR). The user's recovery is always the same: run the same
command again. The oracle: every output line parses, no record is written
twice, and every article of the replica is in the output or was dropped as a
duplicate of one that is (two video items with one headline are one text).

The kill moments are random; the seed is printed with any failure and can be
fixed with RELIABILITY_SEED=N.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT
from crawl_helpers import crawl_command, line_count, proxy_env, run_and_interrupt
from helpers import DROPPED_DUPLICATE

from replica import Replica

ARTICLES = 3000
KILLS = 5
SITES = ("shanxidayuan", "fissico", "sxnews")
SEED = int(os.environ.get("RELIABILITY_SEED") or time.time())


@pytest.fixture(scope="module")
def big_replica() -> Iterator[Any]:
    with Replica(articles=ARTICLES) as replica:
        yield replica


def records_of(out: Path) -> list[dict[str, Any]]:
    lines = out.read_bytes().split(b"\n") if out.exists() else []
    if lines and not lines[-1]:
        lines.pop()
    records = []
    for n, line in enumerate(lines, 1):
        try:
            records.append(json.loads(line))
        except ValueError as exc:  # not JSON, or not UTF-8 (a line cut inside a character)
            raise AssertionError(f"{out}:{n}: not a JSON record ({exc}) [seed {SEED}]") from exc
    return records


def assert_complete(out: Path, truth: list[dict[str, Any]], logs: list[Path]) -> None:
    ids = [r["id"] for r in records_of(out)]
    twice = {i for i in ids if ids.count(i) > 1} if len(ids) != len(set(ids)) else set()
    assert not twice, f"written twice: {sorted(twice)[:5]} [seed {SEED}]"
    duplicates = {m[1]: m[2] for log in logs if log.exists()
                  for m in DROPPED_DUPLICATE.finditer(log.read_text("utf-8", "replace"))}
    exported = set(ids)
    wanted = {r["id"] for r in truth}
    lost = {i for i in wanted - exported if duplicates.get(i) not in exported}
    assert not lost, f"{len(lost)} of {len(wanted)} articles lost: {sorted(lost)[:5]} [seed {SEED}]"
    assert exported <= wanted, f"records of no article: {sorted(exported - wanted)[:5]}"


def assert_multipage_whole(out: Path, replica: Any, site: str) -> None:
    """Articles split over several pages (a kill may fall between two): each in
    the output once (assert_complete), with every page's text."""
    from replica.generator import page_count

    model = replica.model(site)
    paged = {a.url: a.record for a in map(model.article, model.refs()) if page_count(a) > 1}
    got = {r["url"]: r for r in records_of(out) if r["url"] in paged}
    assert site == "shanxidayuan" or len(got) > 50, len(got)
    cut = sorted(u for u, r in got.items() if r["text"] != paged[u]["text"])
    assert not cut, f"multi-page articles not whole: {cut[:5]} [seed {SEED}]"


def assert_archive_whole(state: Path, out: Path) -> None:
    """Every archive file the killed runs and the last one wrote reads back
    whole (the last run finished the killed runs' files: cut after their last
    whole record, renamed), passes ``warcio check``, and holds every exported page."""
    from crawler.archive.reextract import plan

    archive = state / "archive"
    assert not list(archive.rglob("*.open")), f"an unfinished archive file [seed {SEED}]"
    files = sorted(archive.rglob("*.warc.gz"))
    problems: list[str] = []
    found = plan(files, on_problem=lambda p: problems.append(str(p)))
    assert not problems, f"{problems[:3]} [seed {SEED}]"
    missing = {r["url"] for r in records_of(out)} - {t.uri for t in found.tasks}
    assert not missing, f"exported but not archived: {sorted(missing)[:5]} [seed {SEED}]"
    check = subprocess.run([sys.executable, "-c", "from warcio.cli import main; main()",
                            "check", *map(str, files)], capture_output=True, text=True,
                           timeout=600, check=False)
    assert check.returncode == 0, f"{check.stdout[-2000:]} [seed {SEED}]"


def tear_last_line(out: Path) -> None:
    """Leave what a kill in the middle of a write leaves (a kill seldom lands
    there): the first half of a line, with no newline. The next run cuts it."""
    data = out.read_bytes() if out.exists() else b""
    if data.endswith(b"\n"):
        last = data[data.rfind(b"\n", 0, len(data) - 1) + 1:]
        with out.open("ab") as fh:
            fh.write(last[:len(last) // 2])


@pytest.mark.slow
@pytest.mark.parametrize("site", SITES)
def test_kill_9_at_random_moments_then_the_same_command_completes(
        site: str, big_replica: Any, tmp_path: Path) -> None:
    rng = random.Random(f"{SEED}:{site}")
    out, state = tmp_path / "out.jsonl", tmp_path / "state"
    cmd = crawl_command(site, state, out)
    env = proxy_env(big_replica.proxy_url)
    killed = 0
    for _ in range(KILLS):
        # At most a third of what is left, so the crawl is still running at
        # the fifth kill however fast the earlier runs were.
        left = ARTICLES - line_count(out)
        code = run_and_interrupt(cmd, env, out, rng.randint(20, max(20, left // 3)),
                                 signal.SIGKILL)
        assert code in (None, 0), f"exit {code} [seed {SEED}]"
        killed += code is None
        tear_last_line(out)
    assert killed == KILLS, f"only {killed} runs were killed mid-crawl [seed {SEED}]"
    final = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
    assert final.returncode == 0, final.stderr[-3000:]
    assert_complete(out, big_replica.truth(site), [out.with_suffix(".log")])
    assert_multipage_whole(out, big_replica, site)
    assert_archive_whole(state, out)  # the archive is on, as by default
    log = out.with_suffix(".log").read_text("utf-8")
    # The last run had something left to do, and left nothing.
    assert "'frontier/pending': 0" in log and "'frontier/walking': 0" in log


@pytest.mark.slow
def test_sigterm_and_max_items_then_a_normal_run_complete(big_replica: Any,
                                                          tmp_path: Path) -> None:
    env = proxy_env(big_replica.proxy_url)
    out, state = tmp_path / "out.jsonl", tmp_path / "state"
    cmd = crawl_command("fissico", state, out)
    # A stopped crawl says so (exit 1: "did not finish (shutdown)"), and is resumed.
    assert run_and_interrupt(cmd, env, out, 300, signal.SIGTERM) == 1
    stopped = line_count(out)
    assert 0 < stopped < ARTICLES
    limited = subprocess.run([*cmd, "-a", "max_items=200"], cwd=ROOT, env=env,
                             capture_output=True, text=True, timeout=900)
    assert limited.returncode == 0, limited.stderr[-2000:]
    assert stopped < line_count(out) <= stopped + 200 + 16  # in-flight items finish
    final = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
    assert final.returncode == 0, final.stderr[-2000:]
    assert_complete(out, big_replica.truth("fissico"), [out.with_suffix(".log")])


def synthetic_records(path: Path, n: int) -> list[dict[str, Any]]:
    from testkit.synth import bench_records

    records = [dict(r, url=None) for r in bench_records(n, seed=7)]  # no URL of the sites
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    return records


def dedupe_command(src: Path, out: Path, state: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "scrapy", "dedupe", str(src), "-o", str(out),
            "--no-progress", "-s", f"STATE_DIR={state}", *extra]


@pytest.mark.slow
def test_two_crawls_and_a_dedupe_share_one_state_dir(big_replica: Any, tmp_path: Path) -> None:
    env = proxy_env(big_replica.proxy_url)
    state = tmp_path / "state"
    src = tmp_path / "in.jsonl"
    synthetic_records(src, 6000)
    crawls = {site: tmp_path / f"{site}.jsonl" for site in ("sxnews", "fissico")}
    procs = [subprocess.Popen(crawl_command(site, state, out), cwd=ROOT, env=env,
                              stderr=subprocess.PIPE, text=True)
             for site, out in crawls.items()]
    dedupe_out = tmp_path / "deduped.jsonl"
    procs.append(subprocess.Popen(dedupe_command(src, dedupe_out, state), cwd=ROOT,
                                  stderr=subprocess.PIPE, text=True))
    errors = [p.communicate(timeout=900)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], [e[-2000:] for e in errors]
    assert not any("database is locked" in e for e in errors)
    for site, out in crawls.items():
        assert_complete(out, big_replica.truth(site), [out.with_suffix(".log")])
    # The dedupe kept what a run alone on a fresh state keeps.
    alone = tmp_path / "alone.jsonl"
    subprocess.run(dedupe_command(src, alone, tmp_path / "alone-state"), cwd=ROOT,
                   capture_output=True, timeout=600, check=True)
    assert {r["id"] for r in records_of(dedupe_out)} == {r["id"] for r in records_of(alone)}


def test_killed_dedupe_run_again_writes_every_record_once(tmp_path: Path) -> None:
    rng = random.Random(f"{SEED}:dedupe")
    src = tmp_path / "in.jsonl"
    synthetic_records(src, 12000)
    out, state = tmp_path / "out.jsonl", tmp_path / "state"
    cmd = dedupe_command(src, out, state, "-s", "DEDUP_OFFLINE_COMMIT_EVERY=1500")
    for _ in range(3):
        run_and_interrupt(cmd, dict(os.environ), out, rng.randint(500, 6000), signal.SIGKILL)
    subprocess.run(cmd, cwd=ROOT, capture_output=True, timeout=600, check=True)
    alone = tmp_path / "alone.jsonl"
    subprocess.run(dedupe_command(src, alone, tmp_path / "alone-state"), cwd=ROOT,
                   capture_output=True, timeout=600, check=True)
    ids = [r["id"] for r in records_of(out)]
    assert len(ids) == len(set(ids)), f"a record written twice [seed {SEED}]"
    assert set(ids) == {r["id"] for r in records_of(alone)}, f"[seed {SEED}]"


def test_a_reset_exports_everything_again(replica: Any, tmp_path: Path) -> None:
    """DELTAFETCH_RESET forgets what was exported, and the dedupe index does not
    then drop the same records as their own duplicates."""
    env = proxy_env(replica.proxy_url)
    state = tmp_path / "state"
    first, again = tmp_path / "first.jsonl", tmp_path / "again.jsonl"
    for out, extra in ((first, ()), (again, ("-s", "DELTAFETCH_RESET=True"))):
        proc = subprocess.run(crawl_command("shanxidayuan", state, out, *extra), cwd=ROOT,
                              env=env, capture_output=True, text=True, timeout=600)
        assert proc.returncode == 0, proc.stderr[-2000:]
    assert {r["id"] for r in records_of(again)} == {r["id"] for r in records_of(first)}
    assert len(records_of(first)) == len(replica.truth("shanxidayuan"))
