"""The labelled formulaic set through ``scrapy dedupe`` (``--explain``, what the
specifics rule kept) and through the Redis backend (the rest of issue 27's tests:
tests/unit/test_dedupe_formulaic.py)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

from crawler.dedupe import DedupeConfig, Doc, open_store
from crawler.dedupe.explain import explain
from testkit.formulaic import FIXTURE, dedupe_and_score, fixture_records


def command(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scrapy", "dedupe", *args, "-s", f"STATE_DIR={tmp_path / 'st'}"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )


def test_explain_says_why(tmp_path: Path) -> None:
    recs = fixture_records()
    meetings = [r for r in recs if r["template"] == "meeting" and r["variant"] == "original"]
    # Two different reports an LSH band joins above the threshold.
    a, b = next((a, b) for a in meetings for b in meetings if a is not b and any(
        line.startswith("rule: different") for line in explain(
            DedupeConfig(), Doc(a["id"], None, a["text"]), Doc(b["id"], None, b["text"]))[1]))
    copy = next(r for r in recs if r["variant"] == "corrected")
    original = next(r for r in recs if r["cluster"] == copy["cluster"] and r is not copy)
    res = command(["--explain", a["id"], b["id"], str(FIXTURE)], tmp_path)
    assert res.returncode == 0, res.stderr
    out = res.stdout
    assert "similarity (MinHash estimate" in out and "only in A:" in out and "person" in out
    assert "rule: different" in out and "verdict: B is kept (not a duplicate)" in out
    res = command(["--explain", original["id"], copy["id"], str(FIXTURE)], tmp_path)
    assert "rule: specifics agree" in res.stdout
    assert f"verdict: B is near duplicate of {original['id']}" in res.stdout
    assert not (tmp_path / "st").exists()  # nothing written, no index
    res = command(["--explain", a["id"], "0" * 16, str(FIXTURE)], tmp_path)
    assert res.returncode == 1 and "no record with id 0000000000000000" in res.stderr


def test_the_command_reports_what_specifics_kept(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    res = command([str(FIXTURE), "-o", str(out), "--no-progress"], tmp_path)
    assert res.returncode == 0, res.stderr
    assert "kept although similar to a kept record (specifics differ): " in res.stderr
    cluster = {r["id"]: r["cluster"] for r in fixture_records()}
    kept = {cluster[json.loads(line)["id"]] for line in out.read_text("utf-8").splitlines()}
    assert kept == {r["cluster"] for r in fixture_records()}  # every article once
    assert len(out.read_text("utf-8").splitlines()) == len(kept)


def test_the_formulaic_set_through_redis(redis_url: str) -> None:
    cfg = DedupeConfig(backend="redis", redis_url=redis_url, redis_prefix="formulaic:")
    s = dedupe_and_score(fixture_records(), cfg, open_store(cfg))
    assert (s["fp"], s["fn"]) == (0, 0)
