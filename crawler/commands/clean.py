"""``scrapy clean PATH... -o OUT.jsonl [--site S]``: clean saved pages offline.

Runs the crawl's text rules (glosses, spam, chrome labels; ``crawler.cleaning``) over

* seed-format ``.txt`` files (``NNN_<id>.txt``: the id comes from the name;
  a name without one gets the first 16 hex digits of SHA-256 of the text), and
* ``.jsonl`` files of records with a ``text`` field (their other keys are kept;
  the cleaned fields fill those that are empty).

PATH may be a file, a directory (its ``*.txt`` and ``*.jsonl``, recursively) or
a glob. A bad file or record (unreadable, binary, invalid UTF-8, empty, not
JSON) is reported on one line with the reason and skipped; the rest goes on,
and the exit status is 1 if anything failed.

``-o`` appends (records the output holds already are not written again, so a
killed run's rerun writes each once), ``-O`` overwrites; the output may not be
one of the inputs. Each record is on disk before the next is cleaned.
"""

from __future__ import annotations

import argparse
import contextlib
import glob
import hashlib
import json
import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError
from tqdm import tqdm

from crawler.cleaning.core import SITE_RULES, CleanResult, clean_document
from crawler.cleaning.script import SCRIPTS
from crawler.exporters import dumps_record
from crawler.items import SEED_FIELDS
from crawler.outputs import Output, OutputError, open_output

SEED_NAME = re.compile(r"^(?:\d+_)?(?P<id>[0-9a-f]{16})\.txt$")
ID_RE = re.compile(r"^[0-9a-f]{16}$")
SUFFIXES = (".txt", ".jsonl")
# Inputs bigger than this (files or bytes) get a progress bar on stderr.
PROGRESS_MIN_FILES = 50
PROGRESS_MIN_BYTES = 5 * 1024 * 1024


class BadInput(Exception):
    """A file or record that cannot be cleaned; the message is the reason."""


def expand_paths(args: list[str]) -> tuple[list[Path], list[str]]:
    """Files named by the arguments, in order, once each; and error lines for
    arguments that name nothing."""
    files: list[Path] = []
    errors: list[str] = []
    for arg in args:
        path = Path(arg)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix in SUFFIXES)
        elif path.exists():
            found = [path]
        elif glob.has_magic(arg):
            found = sorted(Path(p) for p in glob.glob(arg, recursive=True) if Path(p).is_file())
        else:
            found = []
        if not found:
            errors.append(f"{arg}: no such file or no .txt/.jsonl files")
        files.extend(found)
    unique = list(dict.fromkeys(files))
    return unique, errors


def read_text(path: Path) -> str:
    """The file as UTF-8 text, or ``BadInput`` saying why not."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise BadInput(f"unreadable ({exc.strerror or exc.__class__.__name__})") from exc
    if not data.strip():
        raise BadInput("empty")
    if b"\x00" in data[:8192]:
        raise BadInput("binary (NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BadInput(f"invalid UTF-8 at byte {exc.start}") from exc
    return text


def seed_id(path: Path, text: str) -> str:
    m = SEED_NAME.match(path.name)
    if m:
        return m.group("id")
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def record_from(base: dict[str, Any], result: CleanResult) -> dict[str, Any]:
    """The output record: the input's keys, empty seed fields filled from the
    cleaning, ``text`` replaced."""
    record = {key: base.get(key) for key in SEED_FIELDS}
    record.update({k: v for k, v in base.items() if k not in record})
    for key, value in result.fields.items():
        if record.get(key) in (None, []):
            record[key] = value
    if record.get("site") is None:
        record["site"] = result.site
    record["text"] = result.text
    return record


class Cleaner:
    """Cleans documents, writes records, keeps counters and failures."""

    def __init__(self, out: Output, site: str | None, script: str) -> None:
        self.out, self.site, self.script = out, site, script
        self.counters: Counter[str] = Counter()
        self.errors: list[str] = []
        self.written = 0
        self.dropped = 0
        self.already = 0

    def clean(self, base: dict[str, Any], text: str, where: str) -> None:
        if base.get("id") in self.out.known_ids:
            self.already += 1
            return
        site = self.site or (base.get("site") if base.get("site") in SITE_RULES else None)
        result = clean_document(text, site, script=self.script)
        self.counters.update(result.counters)
        if result.empty:
            self.dropped += 1
            self.errors.append(f"{where}: chrome only, no article text (not written)")
            return
        self.out.write(dumps_record(record_from(base, result)) + "\n")
        self.out.known_ids.add(str(base.get("id")))
        self.written += 1

    def clean_file(self, path: Path) -> None:
        try:
            text = read_text(path)
        except BadInput as exc:
            self.errors.append(f"{path}: {exc}")
            return
        if path.suffix == ".jsonl":
            for where, record in self.records(path, text):
                self.clean(record, record["text"], where)
        else:
            self.clean({"id": seed_id(path, text)}, text, str(path))

    def records(self, path: Path, text: str) -> Iterator[tuple[str, dict[str, Any]]]:
        for lineno, line in enumerate(text.splitlines(), 1):
            where = f"{path}:{lineno}"
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                self.errors.append(f"{where}: not JSON ({exc.msg})")
                continue
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                self.errors.append(f"{where}: not a record with a text field")
                continue
            if not record["text"].strip():
                self.errors.append(f"{where}: empty text")
                continue
            if not isinstance(record.get("id"), str) or not ID_RE.match(record["id"]):
                record["id"] = hashlib.sha256(record["text"].encode()).hexdigest()[:16]
            yield where, record


def summary(cleaner: Cleaner, files: int) -> list[str]:
    lines = [
        f"clean: {files} file(s), {cleaner.written} record(s) written, "
        f"{cleaner.dropped} dropped as chrome only, {len(cleaner.errors)} problem(s)"
        + (f", {cleaner.already} in the output already (not written again)"
           if cleaner.already else "")
    ]
    for key, value in sorted(cleaner.counters.items()):
        lines.append(f"  clean/{key}: {value}")
    return lines


class Command(ScrapyCommand):
    requires_project = True
    default_settings = {"LOG_ENABLED": False}

    def syntax(self) -> str:
        return "PATH... -o OUT.jsonl [--site S]"

    def short_desc(self) -> str:
        return "Clean seed-format .txt pages and .jsonl records offline into seed-format JSONL"

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        target = parser.add_mutually_exclusive_group()
        target.add_argument("-o", "--output", metavar="OUT.jsonl",
                            help="append to OUT.jsonl (- for stdout)")
        target.add_argument("-O", "--overwrite-output", metavar="OUT.jsonl",
                            help="write OUT.jsonl, replacing its content")
        parser.add_argument("--site", choices=sorted(SITE_RULES), help="force a site's rules")
        parser.add_argument(
            "--script", choices=SCRIPTS, default=None,
            help="convert the script (default: TEXT_SCRIPT setting, keep)",
        )

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if not args:
            raise UsageError("expected at least one PATH")
        if not (opts.output or opts.overwrite_output):
            raise UsageError("-o OUT.jsonl (append) or -O OUT.jsonl (overwrite) is required")
        assert self.settings is not None
        script = opts.script or self.settings.get("TEXT_SCRIPT", "keep")
        if script not in SCRIPTS:
            raise UsageError(f"TEXT_SCRIPT must be one of {', '.join(SCRIPTS)}")
        files, errors = expand_paths(args)
        try:
            out = open_output(opts.output or opts.overwrite_output,
                              overwrite=opts.output is None, inputs=files)
        except OutputError as exc:
            print(f"clean: {exc}", file=sys.stderr)
            self.exitcode = 2
            return
        try:
            cleaner = Cleaner(out, opts.site, script)
            cleaner.errors.extend(errors)
            self.clean_all(cleaner, files)
        finally:
            out.close()
        for line in cleaner.errors:
            print(f"clean: {line}", file=sys.stderr)
        for line in summary(cleaner, len(files)):
            print(line, file=sys.stderr)
        if cleaner.errors:
            self.exitcode = 1

    @staticmethod
    def clean_all(cleaner: Cleaner, files: list[Path]) -> None:
        size = 0
        for path in files:
            with contextlib.suppress(OSError):
                size += path.stat().st_size
        show = len(files) >= PROGRESS_MIN_FILES or size >= PROGRESS_MIN_BYTES
        with tqdm(total=size, unit="B", unit_scale=True, file=sys.stderr, disable=not show,
                  desc="clean") as bar:
            for path in files:
                cleaner.clean_file(path)
                with contextlib.suppress(OSError):
                    bar.update(path.stat().st_size)
