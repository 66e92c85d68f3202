"""``scrapy dedupe IN.jsonl... -o OUT.jsonl`` end to end."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, golden_records

from crawler.dedupe.synth import Writer


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
    assert f"{b}:4: not a JSON record" in res.stderr
    assert f"{b}:5: not a JSON object" in res.stderr
    kept = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert [r["id"] for r in kept] == [g["id"] for g in goldens]
    assert kept[0] == goldens[0]  # records pass through in the seed format unchanged
    summary = res.stderr
    assert "read: kept 5, url 1, exact 1, near 0" in summary or "kept 5" in summary
    assert "fissico:" in summary and "shanxidayuan:" in summary

    # Second run: nothing new; mark mode keeps all and names the first copy.
    res = run([str(a), "-o", str(out), "-s", "DEDUP_MODE=mark"], tmp_path)
    assert res.returncode == 0, res.stderr
    marked = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert len(marked) == 5 and all(r["duplicate_of"] == r["id"] for r in marked)
    assert "kept 0" in res.stderr


def test_missing_input_is_an_error(tmp_path: Path) -> None:
    res = run([str(tmp_path / "nope.jsonl"), "-o", str(tmp_path / "o.jsonl")], tmp_path)
    assert res.returncode == 2 and "no such file" in res.stderr
