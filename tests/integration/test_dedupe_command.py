"""``scrapy dedupe IN.jsonl... -o OUT.jsonl`` end to end."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, golden_records

from testkit.synth import Writer


def run(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scrapy", "dedupe", *args, "-s", f"STATE_DIR={tmp_path / 'st'}"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )


def write(path: Path, records: list[dict], extra: str = "") -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records) + extra,
                    "utf-8")
    return path


def test_command_drops_marks_and_remembers(tmp_path: Path) -> None:
    goldens = golden_records()
    w = Writer(31)
    mirror = dict(goldens[2], id="0" * 16, url="http://www.sxrb.com/m/1.shtml", site="sxnews",
                  text=w.mirror(goldens[2]["text"]))
    a = write(tmp_path / "a.jsonl", goldens)
    b = write(tmp_path / "b.jsonl", [*goldens[:2], mirror], extra="{broken\n[1, 2]\n")
    out = tmp_path / "out.jsonl"
    res = run([str(a), str(b), "-o", str(out), "--no-progress"], tmp_path)
    assert res.returncode == 1, res.stderr
    assert f"{b}:4: not JSON (Expecting property name" in res.stderr
    assert f"{b}:5: not a JSON object (list)" in res.stderr
    assert "bad lines 2 (not_an_object 1, not_json 1)" in res.stderr
    kept = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert [r["id"] for r in kept] == [g["id"] for g in goldens]
    assert kept[0] == goldens[0]  # records pass through in the seed format unchanged
    summary = res.stderr
    assert "read: kept 5, url 1, exact 1, near 0" in summary or "kept 5" in summary
    assert "fissico:" in summary and "shanxidayuan:" in summary

    # Second run: nothing new; mark mode keeps all and names the first copy (-O: replace).
    res = run([str(a), "-O", str(out), "-s", "DEDUP_MODE=mark"], tmp_path)
    assert res.returncode == 0, res.stderr
    marked = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert len(marked) == 5 and all(r["duplicate_of"] == r["id"] for r in marked)
    assert "kept 0" in res.stderr


def test_missing_input_is_an_error(tmp_path: Path) -> None:
    res = run([str(tmp_path / "nope.jsonl"), "-o", str(tmp_path / "o.jsonl")], tmp_path)
    assert res.returncode == 2 and "no such file" in res.stderr


def test_appending_writes_each_record_once_and_repairs_a_torn_line(tmp_path: Path) -> None:
    """-o appends; what the output holds already is not written again (a killed
    run's output), and a partial last line left by the kill is cut off."""
    goldens = golden_records()
    src = write(tmp_path / "in.jsonl", goldens)
    out = tmp_path / "out.jsonl"
    first = json.dumps(goldens[0], ensure_ascii=False)
    out.write_text(first + "\n" + first[:40], "utf-8")  # one record, then a torn one
    res = run([str(src), "-o", str(out), "--no-progress"], tmp_path)
    assert res.returncode == 0, res.stderr
    lines = out.read_text("utf-8").splitlines()
    assert [json.loads(x)["id"] for x in lines] == [g["id"] for g in goldens]
    assert "1 in the output already" in res.stderr
    res = run([str(src), "-o", str(out), "--no-progress"], tmp_path)
    assert out.read_text("utf-8").splitlines() == lines  # nothing twice


def test_output_may_not_be_an_input_and_the_crawls_index_is_left_alone(tmp_path: Path) -> None:
    src = write(tmp_path / "x.jsonl", golden_records())
    before = src.read_bytes()
    res = run([str(src), "-o", str(src)], tmp_path)
    assert res.returncode == 2 and "is also an input" in res.stderr
    assert src.read_bytes() == before
    # Without an explicit STATE_DIR (a settings module sets it, as the project's
    # does): the offline index, not the crawls'.
    (tmp_path / "local_settings.py").write_text(
        f"from crawler.settings import *  # noqa\nSTATE_DIR = {str(tmp_path / 'st')!r}\n")
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "local_settings",
           "PYTHONPATH": f"{tmp_path}{os.pathsep}{ROOT}"}
    res = subprocess.run([sys.executable, "-m", "scrapy", "dedupe", str(src), "-o",
                          str(tmp_path / "o.jsonl"), "--no-progress"], cwd=ROOT,
                         capture_output=True, text=True, timeout=120, env=env)
    assert res.returncode == 0, res.stderr
    assert "using the offline index" in res.stderr
    assert (tmp_path / "st" / "dedupe" / "offline.sqlite3").is_file()
    assert not (tmp_path / "st" / "dedupe" / "dedupe.sqlite3").exists()
