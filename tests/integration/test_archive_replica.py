"""The web archive of real crawls of the replica, and ``scrapy reextract`` of it.

A crawl whose extraction raises on some pages keeps those pages in its archive:
re-extracted after the bug is fixed, they come back without a request, and
``--against`` shows them added; a re-extraction meeting a bug shows them lost.
A re-fetch's unchanged pages (304) become revisit records, and the archive
still re-extracts to the crawl's records. (The identity on full crawls of the
three sites: tests/integration/test_spiders_replica.py.)
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from conftest import ROOT
from crawl_helpers import raising_launcher, run_crawl

from crawler.archive.reextract import plan

RECORD = "crawler.extract.pages:ArticlePage.record"


def reextract(*args: str, launcher: tuple[str, ...] = ("-m", "scrapy")
              ) -> subprocess.CompletedProcess[str]:
    # No proxy: a request would fail, and none is made.
    env = {"PATH": "/usr/bin:/bin", "HOME": str(ROOT), "http_proxy": "http://127.0.0.1:9"}
    return subprocess.run([sys.executable, *launcher, "reextract", "--no-progress", *args],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
                          check=False)


def jsonl(path: Path) -> dict[str, dict[str, Any]]:
    return {r["id"]: r for r in map(json.loads, path.read_text("utf-8").splitlines())}


def same_records(got: dict[str, dict[str, Any]], want: dict[str, dict[str, Any]]) -> list[Any]:
    return [(rid, key) for rid, record in want.items() for key in record.keys() | got[rid].keys()
            if key != "fetched_at" and got[rid].get(key) != record.get(key)]


def test_pages_whose_extraction_failed_are_recovered_from_the_archive(
        replica_session: Any, tmp_path: Path) -> None:
    urls = [r["url"] for r in replica_session.truth("shanxidayuan")]
    raising = urls[::4]
    state, crawled = tmp_path / "state", tmp_path / "crawl.jsonl"
    run = run_crawl("shanxidayuan", replica_session.proxy_url, state, crawled,
                    launcher=raising_launcher(RECORD, raising, tmp_path / "raising.txt"))
    assert run.returncode == 1, run.log[-2000:]  # the bug fails the run, as before
    assert set(run.by_url()) == set(urls) - set(raising)
    archive = state / "archive"
    files = sorted(archive.rglob("*.warc.gz"))
    assert files and not list(archive.rglob("*.open"))  # every file finished
    assert {t.uri for t in plan(files).tasks} >= set(urls)  # the failed pages too

    # The bug fixed: every page comes back from the archive, none fetched.
    out = tmp_path / "re.jsonl"
    done = reextract(str(archive), "-O", str(out), "-j", "2", "--against", str(crawled))
    assert done.returncode == 0, done.stderr[-2000:]
    records = jsonl(out)
    assert {r["url"] for r in records.values()} == set(urls)
    assert not same_records(records, jsonl(crawled))
    truth = {r["url"]: r for r in replica_session.truth("shanxidayuan")}
    for record in records.values():
        assert record["title"] == truth[record["url"]]["title"]
        assert record["text"] == truth[record["url"]]["text"]
    assert (f"{len(urls) - len(raising)} record(s) before, {len(urls)} now: "
            f"{len(raising)} added, 0 lost, 0 changed") in done.stderr

    # A re-extraction that meets a bug names each page, goes on, exits 1, and
    # the review shows what it would lose.
    again = tmp_path / "again.jsonl"
    broken = reextract(str(archive), "-O", str(again), "-j", "1", "--against", str(out),
                       launcher=raising_launcher(RECORD, urls[:3], tmp_path / "r2.txt"))
    assert broken.returncode == 1
    errors = [line for line in broken.stderr.splitlines() if "simulated bug" in line]
    assert len(errors) == 3 and all(".warc.gz@" in line for line in errors)
    assert f"{len(urls)} record(s) before, {len(urls) - 3} now: 0 added, 3 lost" \
        in broken.stderr


def test_a_refetch_archives_revisits_and_still_reextracts(replica_session: Any,
                                                          tmp_path: Path) -> None:
    truth = replica_session.truth("fissico")[:40]
    earlier = tmp_path / "earlier.jsonl"
    earlier.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in truth))
    state = tmp_path / "state"
    first = run_crawl("refetch", replica_session.proxy_url, state, tmp_path / "1.jsonl",
                      "-a", f"input={earlier}")
    second = run_crawl("refetch", replica_session.proxy_url, state, tmp_path / "2.jsonl",
                       "-a", f"input={earlier}")
    assert first.returncode == 0 and second.returncode == 0, second.log[-2000:]
    assert "Crawled (304)" in second.log
    assert f"'archive/records/not_modified': {len(truth)}" in second.log
    files = sorted((state / "archive").rglob("*.warc.gz"))
    found = plan(files)
    assert (found.revisits, found.unresolved, len(found.tasks)) == (len(truth), 0, len(truth))
    check = subprocess.run([sys.executable, "-c", "from warcio.cli import main; main()",
                            "check", *map(str, files)], capture_output=True, text=True,
                           check=False)
    assert check.returncode == 0, check.stdout[-2000:]
    out = tmp_path / "re.jsonl"
    done = reextract(str(state / "archive"), "-O", str(out), "-j", "1")
    assert done.returncode == 0, done.stderr
    records = jsonl(out)
    fetched = {r["id"]: r for r in first.records}
    assert set(records) == set(fetched)
    # The re-fetch's records carry a status; the page's own fields are the same.
    for rid, record in records.items():
        for key in ("url", "title", "published_at", "text", "date_source"):
            assert record.get(key) == fetched[rid].get(key), (rid, key)
