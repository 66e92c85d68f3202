"""``scrapy seeds IN.jsonl DIR``: write records as seed-layout text files.

Each record becomes ``DIR/NNN_<id>.txt`` holding its ``text``. Ids must be
16 lowercase hex digits, so no file name can leave DIR; any other record is
reported on one line and skipped, and the exit status says so.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError

ID_RE = re.compile(r"[0-9a-f]{16}")


def write_seed_files(in_path: Path, out_dir: Path) -> tuple[int, list[str]]:
    """Write one file per good record; return (written, error lines)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = 0
    errors: list[str] = []
    with in_path.open("rb") as fh:
        for lineno, raw in enumerate(fh, 1):
            where = f"{in_path}:{lineno}"
            if not raw.strip():
                continue
            try:
                record: Any = json.loads(raw.decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                errors.append(f"{where}: not a JSON record ({exc.__class__.__name__})")
                continue
            if not isinstance(record, dict):
                errors.append(f"{where}: not a JSON object")
                continue
            rid, text = record.get("id"), record.get("text")
            if not isinstance(rid, str) or not ID_RE.fullmatch(rid):
                errors.append(f"{where}: id {rid!r} is not 16 lowercase hex digits")
                continue
            if not isinstance(text, str):
                errors.append(f"{where}: record {rid} has no text")
                continue
            (out_dir / f"{written:03d}_{rid}.txt").write_text(text, encoding="utf-8")
            written += 1
    return written, errors


class Command(ScrapyCommand):
    requires_project = True
    default_settings = {"LOG_ENABLED": False}

    def syntax(self) -> str:
        return "IN.jsonl DIR"

    def short_desc(self) -> str:
        return "Write JSONL records as seed-layout text files DIR/NNN_<id>.txt"

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if len(args) != 2:
            raise UsageError("expected IN.jsonl and DIR")
        in_path, out_dir = Path(args[0]), Path(args[1])
        if not in_path.is_file():
            print(f"seeds: {in_path}: no such file", file=sys.stderr)
            self.exitcode = 2
            return
        written, errors = write_seed_files(in_path, out_dir)
        for line in errors:
            print(f"seeds: {line}", file=sys.stderr)
        print(f"seeds: wrote {written} file(s) to {out_dir}, {len(errors)} record(s) refused")
        if errors:
            self.exitcode = 1
