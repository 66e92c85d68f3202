"""``scrapy report IN.jsonl... [--runs FOLDER] -o report.html``: one self-contained
HTML page on a corpus and on the crawls' run history.

IN may be a file, a directory (its ``*.jsonl``, recursively) or a glob (a crawl
writes ``out/<site>/<time>.jsonl``), read by ``crawler.records``: symbolic
links and non-regular files are refused, never opened. A line that is not
JSON or not a seed record is reported on stderr as ``report: file:line:
reason``, counted in the page and skipped; the page is still written and the
exit status is then 1. What the page shows: ``docs/report.md``.

The run history (every run's layout profile per site, alarms and accepted
layouts, ``crawler.report.history``) is read from ``STATE_DIR/runs`` or from
``--runs FOLDER`` (a runs folder or one spider's folder); with ``--runs`` the
JSONL inputs may be left out. A run file that cannot be read is reported as
``report: file: reason`` and listed in the page, the others are still shown, and
the exit status is then 1. A ``--runs`` folder that does not exist is refused
(exit status 2); a missing ``STATE_DIR/runs`` is "no runs yet".

``-o`` writes a new file and refuses an existing one (exit status 2: use
``-O``); ``-O`` replaces it. The output may not be a symbolic link, a
directory or one of the inputs (exit status 2). The page is written to a
temporary file in the output's folder and renamed into place, so a reader
never sees half a page and a failed run leaves the old one as it was.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import errno
import os
import stat
import sys
import tempfile
from pathlib import Path

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError

from crawler.config import SettingsError, project_settings
from crawler.inputs import InputProblem, expand_inputs
from crawler.records import read_jsonl
from crawler.report import Corpus, render
from crawler.report.history import RUNS_SHOWN, History, read_history


class ReportOutputError(ValueError):
    """The output path cannot be used; the message is one line."""


def check_output(path: Path, *, overwrite: bool, inputs: list[Path]) -> None:
    """Raise ``ReportOutputError`` unless the page may be written at ``path``."""
    try:
        mode: int | None = os.lstat(path).st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise ReportOutputError(f"{path}: {exc.strerror}") from None
    if mode is not None:
        if stat.S_ISLNK(mode):
            raise ReportOutputError(f"{path}: is a symbolic link; not written through")
        if stat.S_ISDIR(mode):
            raise ReportOutputError(f"{path}: is a directory")
        if not stat.S_ISREG(mode):
            raise ReportOutputError(f"{path}: is not a regular file")
        if any(path.samefile(p) for p in inputs if p.exists()):
            raise ReportOutputError(f"{path}: is also an input; write the report elsewhere")
        if not overwrite:
            raise ReportOutputError(f"{path}: exists; use -O to overwrite it")


def write_atomically(path: Path, text: str, *, overwrite: bool) -> None:
    """Write ``text`` to a temporary file beside ``path`` and move it into place:
    ``os.replace`` with ``overwrite``, else a hard link, which fails if a file
    appeared at ``path`` meanwhile (``ReportOutputError``)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.fchmod(fd, 0o666 & ~umask)  # as a plain open() would make it, not mkstemp's 0600
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        if overwrite:
            os.replace(tmp, path)
        else:
            try:
                os.link(tmp, path)
            except FileExistsError:
                raise ReportOutputError(f"{path}: exists; use -O to overwrite it") from None
            except OSError as exc:  # a file system without hard links
                if exc.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.EXDEV):
                    raise
                if os.path.lexists(path):
                    raise ReportOutputError(f"{path}: exists; use -O to overwrite it") from None
                os.replace(tmp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
    with contextlib.suppress(OSError):  # make the rename durable
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def read_corpus(files: list[Path], refused: list[InputProblem]) -> Corpus:
    """Every record of ``files``; each bad line or file is printed on stderr as
    it is met and kept in ``corpus.problems``."""
    corpus = Corpus(files=[str(f) for f in files])

    def problem(p: InputProblem) -> None:
        corpus.problems.append(str(p))
        print(f"report: {p}", file=sys.stderr)

    for p in refused:
        problem(p)
    for path in files:
        for where, entry in read_jsonl(path, require=("id",)):
            if isinstance(entry, InputProblem):
                problem(entry)
            else:
                corpus.add(entry, where)
    return corpus


class Command(ScrapyCommand):
    requires_project = True
    default_settings = {"LOG_ENABLED": False}

    def syntax(self) -> str:
        return "IN.jsonl... [--runs FOLDER] -o report.html"

    def short_desc(self) -> str:
        return ("Write an HTML coverage report (per day, fields, duplicates, script) on "
                "JSONL, with the run history (layout per site and run, alarms)")

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        target = parser.add_mutually_exclusive_group()
        target.add_argument("-o", "--output", metavar="report.html",
                            help="write the page to a new file (an existing one is refused)")
        target.add_argument("-O", "--overwrite-output", metavar="report.html",
                            help="write the page, replacing an existing file")
        parser.add_argument("--runs", metavar="FOLDER",
                            help="the run history from FOLDER: a runs folder (one subfolder "
                            "per spider) or one spider's (default: STATE_DIR/runs); "
                            "with it the JSONL inputs may be left out")
        parser.add_argument("--runs-shown", metavar="N", type=int, default=RUNS_SHOWN,
                            help=f"the newest N runs shown per site (default {RUNS_SHOWN}; "
                            "0: all)")

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if not args and opts.runs is None:
            raise UsageError("expected at least one IN.jsonl (a file, directory or glob), "
                             "or --runs FOLDER")
        if not (opts.output or opts.overwrite_output):
            raise UsageError("-o report.html (new file) or -O report.html (overwrite) "
                             "is required")
        if opts.runs_shown < 0:
            raise UsageError("--runs-shown takes a number >= 0")
        overwrite = opts.output is None
        out = Path(opts.overwrite_output if overwrite else opts.output)
        files, refused = expand_inputs(args, (".jsonl",), recursive=True)
        try:
            check_output(out, overwrite=overwrite, inputs=files)
        except ReportOutputError as exc:
            print(f"report: {exc}", file=sys.stderr)
            self.exitcode = 2
            return
        if args and not files:
            for p in refused:
                print(f"report: {p}", file=sys.stderr)
            print("report: no input file to read; nothing written", file=sys.stderr)
            self.exitcode = 2
            return
        history = self._history(opts)
        if history is None:
            self.exitcode = 2
            return
        corpus = read_corpus(files, refused)
        generated = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
        try:
            write_atomically(out, render(corpus, generated, history), overwrite=overwrite)
        except ReportOutputError as exc:
            print(f"report: {exc}", file=sys.stderr)
            self.exitcode = 2
            return
        print(f"report: {corpus.records} record(s) from {len(files)} file(s), "
              f"{len(corpus.problems)} bad input(s); run history: {len(history.runs)} "
              f"run(s) from {history.folder}, {len(history.problems)} unreadable -> {out}",
              file=sys.stderr)
        if corpus.problems or history.problems:
            self.exitcode = 1

    def _history(self, opts: argparse.Namespace) -> History | None:
        """The runs of ``--runs`` or ``STATE_DIR/runs``, each unreadable file said
        on stderr; None (said too) when ``--runs`` is no folder or the settings
        are bad."""
        if opts.runs is not None:
            folder = Path(opts.runs)
            if not folder.is_dir():
                why = "no such folder" if not folder.exists() else "not a folder"
                print(f"report: --runs {folder}: {why}; nothing written", file=sys.stderr)
                return None
        else:
            assert self.settings is not None
            try:
                folder = project_settings(self.settings).state_dir / "runs"
            except SettingsError as exc:
                print(f"report: {exc}", file=sys.stderr)
                return None
        try:
            history = read_history(folder, opts.runs_shown)
        except OSError as exc:
            print(f"report: {folder}: {exc.strerror or exc}; nothing written", file=sys.stderr)
            return None
        for problem in history.problems:
            print(f"report: {problem}", file=sys.stderr)
        return history
