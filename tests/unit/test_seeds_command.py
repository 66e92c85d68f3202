from __future__ import annotations

import json
from pathlib import Path

from conftest import golden_records

from crawler.commands.seeds import write_seed_files


def test_golden_records_round_trip_to_seed_files(tmp_path: Path) -> None:
    records = golden_records()
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    written, errors = write_seed_files(src, tmp_path / "out")
    assert (written, errors) == (len(records), [])
    files = sorted((tmp_path / "out").iterdir())
    assert [f.name for f in files] == [f"{i:03d}_{r['id']}.txt" for i, r in enumerate(records)]
    for f, r in zip(files, records, strict=True):
        assert f.read_text("utf-8") == r["text"]


def test_ids_that_could_escape_are_refused(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    lines = [
        {"id": "../../etc/passwd", "text": "x"},
        {"id": "ABCDEF0123456789", "text": "upper case"},
        {"id": "0123456789abcdef", "text": "good"},
        {"id": "0123456789abcdef0", "text": "too long"},
    ]
    src.write_text("\n".join(json.dumps(x) for x in lines) + "\nnot json\n", "utf-8")
    written, errors = write_seed_files(src, tmp_path / "out")
    assert written == 1
    assert len(errors) == 4 and all(e.startswith(f"{src}:") for e in errors)
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["000_0123456789abcdef.txt"]
    assert not (tmp_path / "etc").exists()
