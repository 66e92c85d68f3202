"""``scrapy clean``: golden reproduction, JSONL input, bad files, exit status."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import GOLDEN_DIR, ROOT, SEEDS_DIR
from crawl_helpers import raising_launcher


def run_clean(*args: str, cwd: Path = ROOT, launcher: tuple[str, ...] = ("-m", "scrapy.cmdline")
              ) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, *launcher, "clean", *args],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=120,
    )


def test_seeds_reproduce_golden_byte_exact(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    seeds = sorted(str(p) for p in SEEDS_DIR.glob("*.txt"))
    proc = run_clean(*seeds, "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    lines = out.read_text("utf-8").splitlines()
    golden = [json.loads(p.read_text("utf-8")) for p in sorted(GOLDEN_DIR.glob("*.json"))]
    assert lines == [json.dumps(g, ensure_ascii=False) for g in golden]
    assert "clean/documents/shanxidayuan: 3" in proc.stderr


def test_directory_glob_and_jsonl(tmp_path: Path) -> None:
    records = tmp_path / "in.jsonl"
    text = next(SEEDS_DIR.glob("001_*.txt")).read_text("utf-8")
    records.write_text(
        json.dumps({"id": "00000000000000aa", "url": None, "text": text}, ensure_ascii=False)
        + "\n\n" + json.dumps({"text": text}, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    proc = run_clean(str(SEEDS_DIR), str(records), str(SEEDS_DIR / "00[01]_*.txt"),
                     "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    got = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert len(got) == 5 + 2  # the glob repeats files the directory already named
    assert got[5]["id"] == "00000000000000aa"
    assert got[5]["url"] == "http://fissico.com/html/xw/dzyw/58159.html"
    assert len(got[6]["id"]) == 16


def test_forced_site(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("某县召开会议\n\n会议强调要做好工作。", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    proc = run_clean(str(page), "-o", str(out), "--site", "fissico")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(out.read_text("utf-8"))["site"] == "fissico"
    assert "clean/documents/fissico: 1" in proc.stderr


def test_bad_files_are_reported_and_skipped(tmp_path: Path) -> None:
    (tmp_path / "000_00000000000000b1.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00binary")
    (tmp_path / "001_00000000000000b2.txt").write_bytes("标题\n\n正文。".encode("gbk"))
    (tmp_path / "002_00000000000000b3.txt").write_text("  \n\n", encoding="utf-8")
    (tmp_path / "bad.jsonl").write_text('{"text": "标题\\n\\n正文。"}\nnot json\n', "utf-8")
    good = next(SEEDS_DIR.glob("002_*.txt"))
    out = tmp_path / "out.jsonl"
    proc = run_clean(str(tmp_path / "*.txt"), str(tmp_path / "bad.jsonl"), str(good),
                     str(tmp_path / "missing.txt"), "-o", str(out))
    assert proc.returncode == 1
    errors = [line for line in proc.stderr.splitlines() if line.startswith("clean: ") and
              ": " in line[7:]]
    text = "\n".join(errors)
    assert "000_00000000000000b1.txt: binary" in text
    # GBK, lines 1 and 3: a page text with lines that are not UTF-8 is not cleaned.
    assert ("001_00000000000000b2.txt:1: invalid UTF-8 at byte 0 (and 1 more line(s)); "
            "the document is not cleaned") in text
    assert "002_00000000000000b3.txt: empty" in text
    assert "bad.jsonl:2: not JSON" in text
    assert "missing.txt: no such file" in text
    assert len(out.read_text("utf-8").splitlines()) == 2  # the JSONL record and the seed
    assert "clean/bad_input: 5" in proc.stderr  # the chrome-only drop aside, none here
    assert "clean/bad_input/invalid_utf8: 1" in proc.stderr
    assert "clean/bad_input/not_json: 1" in proc.stderr


def test_unreadable_file(tmp_path: Path) -> None:
    page = tmp_path / "000_00000000000000c1.txt"
    page.write_text("标题\n\n正文。", encoding="utf-8")
    page.chmod(0)
    if os.access(page, os.R_OK):
        pytest.skip("running as root: file permissions do not stop reads")
    proc = run_clean(str(page), "-o", str(tmp_path / "out.jsonl"))
    assert proc.returncode == 1 and "unreadable" in proc.stderr


def test_usage_errors() -> None:
    assert run_clean("-o", "x.jsonl").returncode == 2
    assert run_clean(str(SEEDS_DIR)).returncode == 2


def test_append_writes_each_record_once_and_never_into_an_input(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    seeds = sorted(str(p) for p in SEEDS_DIR.glob("*.txt"))
    assert run_clean(*seeds[:2], "-o", str(out)).returncode == 0
    proc = run_clean(*seeds, "-o", str(out))  # a rerun with more: only the new ones
    assert proc.returncode == 0, proc.stderr
    ids = [json.loads(line)["id"] for line in out.read_text("utf-8").splitlines()]
    assert len(ids) == len(set(ids)) == 5 and "2 in the output already" in proc.stderr
    assert run_clean(*seeds[:1], "-O", str(out)).returncode == 0  # -O replaces
    assert len(out.read_text("utf-8").splitlines()) == 1
    before = out.read_bytes()
    proc = run_clean(str(out), "-o", str(out))
    assert proc.returncode == 2 and "is also an input" in proc.stderr
    assert out.read_bytes() == before


@pytest.mark.parametrize(("target", "needle"), [
    ("crawler.commands.clean:clean_document", "会议强调要做好工作"),  # cleaning one document
    ("crawler.commands.clean:read_document", "bug.txt"),  # reading one file
])
def test_a_file_whose_processing_raises_is_one_line_and_the_rest_goes_on(
        target: str, needle: str, tmp_path: Path) -> None:
    seeds = sorted(SEEDS_DIR.glob("*.txt"))[:3]
    bug = tmp_path / "bug.txt"
    bug.write_text("某县召开会议\n\n会议强调要做好工作。", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    proc = run_clean(*map(str, seeds), str(bug), "-o", str(out),
                     launcher=raising_launcher(target, [needle], tmp_path / "raising.txt"))
    assert proc.returncode == 1, proc.stderr
    assert len(out.read_text("utf-8").splitlines()) == 3  # every other file written
    problems = [line for line in proc.stderr.splitlines() if line.startswith("clean: /")]
    assert len(problems) == 1 and problems[0].startswith(
        f"clean: {bug}: ValueError: simulated bug (at tests/support/raising.py:"), problems
    assert "clean/error/ValueError: 1" in proc.stderr
    assert "Traceback" not in proc.stderr
