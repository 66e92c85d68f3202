"""``scrapy seeds IN.jsonl DIR``: write records as seed-layout text files.

Each record becomes ``DIR/NNN_<id>.txt`` holding its ``text``. Records are read
by ``crawler.records`` (validated as seed records: an id of exactly 16
lowercase hex digits, so no file name can leave DIR); any other record is
reported on one line, ``file:line: reason``, and skipped, and the exit status
is 1.

Nothing is written through a symbolic link: DIR may not be a link (nor a file:
exit status 2), an existing link or non-regular file at a record's name is
refused, and each file is written under a temporary name (``O_CREAT|O_EXCL|
O_NOFOLLOW`` in DIR's descriptor) and renamed over the name, which replaces a
name and never follows it. The input may not be a link or a FIFO either.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import os
import stat
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError

from crawler.inputs import InputProblem, check_input, is_plain_name
from crawler.records import read_jsonl, seed_file_name


class OutputDirError(ValueError):
    """DIR cannot be written into; the message is one line."""


@dataclass
class SeedsResult:
    written: int = 0
    errors: list[str] = field(default_factory=list)
    refused: Counter[str] = field(default_factory=Counter)  # refused records by kind

    def refuse(self, problem: InputProblem) -> None:
        self.errors.append(str(problem))
        self.refused[problem.kind] += 1


def open_output_dir(out_dir: Path) -> int:
    """A descriptor of ``out_dir`` (made if missing); ``OutputDirError`` when it
    is a file, a link or otherwise unusable."""
    try:
        mode = os.lstat(out_dir).st_mode
    except FileNotFoundError:
        try:
            out_dir.mkdir(parents=True)
        except OSError as exc:
            raise OutputDirError(f"{out_dir}: cannot create ({exc.strerror})") from None
    except OSError as exc:
        raise OutputDirError(f"{out_dir}: {exc.strerror}") from None
    else:
        if stat.S_ISLNK(mode):
            raise OutputDirError(f"{out_dir}: is a symbolic link (give the real directory)")
        if not stat.S_ISDIR(mode):
            raise OutputDirError(f"{out_dir}: is not a directory")
    try:
        return os.open(out_dir, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW
                       | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise OutputDirError(f"{out_dir}: {exc.strerror}") from None


def write_file(dir_fd: int, name: str, text: str) -> str | None:
    """Write ``text`` to ``name`` in the directory ``dir_fd``; why not, or None."""
    if not is_plain_name(name):
        return f"{name!r} is not a plain file name"
    try:
        mode: int | None = os.lstat(name, dir_fd=dir_fd).st_mode
    except FileNotFoundError:
        mode = None
    if mode is not None and stat.S_ISLNK(mode):
        return f"{name} is a symbolic link in the output directory (not followed)"
    if mode is not None and not stat.S_ISREG(mode):
        return f"{name} in the output directory is not a regular file"
    tmp = f".{name}.{os.getpid()}.tmp"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(tmp, flags, 0o644, dir_fd=dir_fd)
    except OSError as exc:
        if exc.errno != errno.EEXIST:
            raise
        os.unlink(tmp, dir_fd=dir_fd)  # left by a killed run of this process id
        fd = os.open(tmp, flags, 0o644, dir_fd=dir_fd)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(text.encode("utf-8"))
        # rename replaces the name itself: a link put there meanwhile is replaced,
        # its target untouched.
        os.rename(tmp, name, src_dir_fd=dir_fd, dst_dir_fd=dir_fd)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp, dir_fd=dir_fd)
        raise
    return None


def write_seed_files(in_path: Path, out_dir: Path) -> tuple[int, list[str]]:
    """Write one file per good record; return (written, error lines). Raises
    ``OutputDirError`` when ``out_dir`` cannot be used."""
    result = write_seeds(in_path, out_dir)
    return result.written, result.errors


def write_seeds(in_path: Path, out_dir: Path) -> SeedsResult:
    result = SeedsResult()
    dir_fd = open_output_dir(out_dir)
    try:
        for where, entry in read_jsonl(in_path, require=("id", "text")):
            if isinstance(entry, InputProblem):
                result.refuse(entry)
                continue
            name = seed_file_name(result.written, entry["id"])
            why = write_file(dir_fd, name, entry["text"])
            if why is not None:
                result.refuse(InputProblem(where, why, "output_refused"))
                continue
            result.written += 1
    finally:
        os.close(dir_fd)
    return result


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
        problem = check_input(in_path)
        if problem is not None:
            print(f"seeds: {problem}", file=sys.stderr)
            self.exitcode = 2
            return
        try:
            result = write_seeds(in_path, out_dir)
        except OutputDirError as exc:
            print(f"seeds: {exc}", file=sys.stderr)
            self.exitcode = 2
            return
        for line in result.errors:
            print(f"seeds: {line}", file=sys.stderr)
        kinds = ", ".join(f"{k} {n}" for k, n in sorted(result.refused.items()))
        print(f"seeds: wrote {result.written} file(s) to {out_dir}, "
              f"{len(result.errors)} record(s) refused" + (f" ({kinds})" if kinds else ""))
        if result.errors:
            self.exitcode = 1
