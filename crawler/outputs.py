"""Where the offline commands (``scrapy clean``, ``scrapy dedupe``) write, with
the crawl's guarantees: ``-o`` appends and ``-O`` overwrites, as in Scrapy; a
command never writes into one of its own inputs; appending cuts a partial last
line a kill left and tells the command which record ids the file holds
already, so running a killed command again writes each record once.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from crawler.exporters import cut_partial_line
from crawler.records import id_of_line


class OutputError(ValueError):
    """The output cannot be used; the message says why, in one line."""


@dataclass
class Output:
    stream: IO[str]
    path: Path | None  # None for stdout
    known_ids: set[str] = field(default_factory=set)  # records the file held before

    def write(self, text: str) -> None:
        """Write and make durable (flush, fsync) before the caller records anything."""
        self.stream.write(text)
        self.stream.flush()
        if self.path is not None:
            os.fsync(self.stream.fileno())

    def close(self) -> None:
        if self.path is not None:
            self.stream.close()


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except OSError:
        return False


def open_output(spec: str, *, overwrite: bool, inputs: list[Path]) -> Output:
    """Open ``spec`` (``-`` for stdout) to append or, with ``overwrite``, to
    replace. Raises ``OutputError`` when it is one of ``inputs``."""
    if spec == "-":
        return Output(sys.stdout, None)
    path = Path(spec)
    for source in inputs:
        if _same(path, source):
            raise OutputError(f"{spec}: is also an input; write the output elsewhere")
    if path.is_symlink():
        raise OutputError(f"{spec}: is a symbolic link; not followed (name the file itself)")
    if path.is_dir():
        raise OutputError(f"{spec}: is a directory")
    if path.exists() and not path.is_file():
        raise OutputError(f"{spec}: is not a regular file")
    path.parent.mkdir(parents=True, exist_ok=True)
    known: set[str] = set()
    if not overwrite and path.exists():
        with path.open("r+b") as fh:
            cut_partial_line(fh.fileno())
        known = ids_in(path)
    return Output(path.open("w" if overwrite else "a", encoding="utf-8"), path, known)


def ids_in(path: Path) -> set[str]:
    """The record ids of a JSONL file's lines (lines that are no record are skipped)."""
    with path.open("rb") as fh:
        return {rid for line in fh if (rid := id_of_line(line)) is not None}
