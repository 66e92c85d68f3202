"""``scrapy clean PATH... -o OUT.jsonl [--site S]``: clean saved pages offline.

Runs the crawl's text rules (glosses, spam, chrome labels; ``crawler.cleaning``) over

* seed-format ``.txt`` files (``NNN_<id>.txt``: the id comes from the name;
  a name without one gets the first 16 hex digits of SHA-256 of the text), and
* ``.jsonl`` files of records with a ``text`` field (their other keys are kept;
  the cleaned fields fill those that are empty).

PATH may be a file, a directory (its ``*.txt`` and ``*.jsonl``, recursively) or
a glob, read by ``crawler.records``: symbolic links and non-regular files
(FIFOs, devices) are refused, never opened. A bad file or record (unreadable,
binary, empty, not JSON, a field of the wrong type for the seed format, a page
text with a line that is not UTF-8) is reported on one line, ``file:line:
reason`` or ``file: reason``, and skipped; the rest goes on, the summary counts
the bad input by kind (``clean/bad_input/<kind>``) and the exit status is 1
if anything failed. An unexpected exception (a bug) cleaning one document or
reading one file is that one's failure the same way: ``file: Type: message (at
file:line in function)``, counted ``clean/error/<Type>``.

``-o`` appends (records the output holds already are not written again, so a
killed run's rerun writes each once), ``-O`` overwrites; the output may not be
one of the inputs. Each record is on disk before the next is cleaned.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError
from tqdm import tqdm

from crawler.cleaning.lines import SITE_RULES
from crawler.cleaning.page import CleanResult, clean_document
from crawler.cleaning.script import SCRIPTS
from crawler.config import SettingsError, project_settings
from crawler.exporters import dumps_record
from crawler.inputs import InputProblem, expand_inputs, read_document
from crawler.items import SEED_FIELDS
from crawler.outputs import Output, OutputError, open_output
from crawler.records import read_jsonl, seed_file_id
from crawler.unexpected import describe

SUFFIXES = (".txt", ".jsonl")
# Inputs bigger than this (files or bytes) get a progress bar on stderr.
PROGRESS_MIN_FILES = 50
PROGRESS_MIN_BYTES = 5 * 1024 * 1024


def expand_paths(args: list[str]) -> tuple[list[Path], list[InputProblem]]:
    """Files named by the arguments, in order, once each; and a problem for each
    argument that names nothing and each link or non-regular file refused."""
    return expand_inputs(args, SUFFIXES, recursive=True)


def seed_id(path: Path, text: str) -> str:
    return seed_file_id(path.name) or hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


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
        self.bad: Counter[str] = Counter()  # bad input (lines, files) by kind
        self.written = 0
        self.dropped = 0
        self.already = 0

    def problem(self, problem: InputProblem) -> None:
        self.errors.append(str(problem))
        self.bad[problem.kind] += 1

    def crashed(self, where: str, exc: Exception) -> None:
        """An unexpected exception (a bug) on one document or file: that one's
        failure, one line ``where: Type: message (at file:line in function)``."""
        self.errors.append(f"{where}: {describe(exc)}")
        self.counters["error"] += 1
        self.counters[f"error/{type(exc).__name__}"] += 1

    def clean(self, base: dict[str, Any], text: str, where: str) -> None:
        if base.get("id") in self.out.known_ids:
            self.already += 1
            return
        site = self.site or base.get("site")
        try:
            result = clean_document(text, site, script=self.script)
        except Exception as exc:  # a bug on one document: the others go on
            self.crashed(where, exc)
            return
        self.counters.update(result.counters)
        if result.empty:
            self.dropped += 1
            self.errors.append(f"{where}: chrome only, no article text (not written)")
            return
        self.out.write(dumps_record(record_from(base, result)) + "\n")
        self.out.known_ids.add(str(base.get("id")))
        self.written += 1

    def clean_file(self, path: Path) -> None:
        if path.suffix == ".jsonl":
            self.clean_jsonl(path)
            return
        try:
            doc = read_document(path)
        except InputProblem as problem:
            self.problem(problem)
            return
        if doc.problems:
            # A page text with a line lost would clean into a wrong record.
            first, more = doc.problems[0], len(doc.problems) - 1
            self.problem(InputProblem(
                first.where, first.reason + (f" (and {more} more line(s))" if more else "")
                + "; the document is not cleaned", first.kind, first.line))
            return
        self.clean({"id": seed_id(path, doc.text)}, doc.text, str(path))

    def clean_jsonl(self, path: Path) -> None:
        lines = 0
        for where, entry in read_jsonl(path, require=("text",)):
            lines += 1
            if isinstance(entry, InputProblem):
                self.problem(entry)
            elif not entry["text"].strip():
                self.problem(InputProblem(where, "empty text", "empty_text", lines))
            else:
                if entry.get("id") is None:
                    entry["id"] = hashlib.sha256(entry["text"].encode()).hexdigest()[:16]
                self.clean(entry, entry["text"], where)
        if not lines:
            self.problem(InputProblem(str(path), "empty", "empty"))


def summary(cleaner: Cleaner, files: int) -> list[str]:
    bad = sum(cleaner.bad.values())
    lines = [
        f"clean: {files} file(s), {cleaner.written} record(s) written, "
        f"{cleaner.dropped} dropped as chrome only, {len(cleaner.errors)} problem(s)"
        + (f", {bad} bad input(s)" if bad else "")
        + (f", {cleaner.already} in the output already (not written again)"
           if cleaner.already else "")
    ]
    counters = dict(cleaner.counters)
    if bad:
        counters["bad_input"] = bad
        counters.update({f"bad_input/{kind}": n for kind, n in cleaner.bad.items()})
    for key, value in sorted(counters.items()):
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
        try:
            script = opts.script or project_settings(self.settings).text_script
        except SettingsError as exc:
            print(f"clean: {exc}", file=sys.stderr)
            self.exitcode = 2
            return
        if script not in SCRIPTS:
            raise UsageError(f"--script must be one of {', '.join(SCRIPTS)}")
        files, refused = expand_paths(args)
        try:
            out = open_output(opts.output or opts.overwrite_output,
                              overwrite=opts.output is None, inputs=files)
        except OutputError as exc:
            print(f"clean: {exc}", file=sys.stderr)
            self.exitcode = 2
            return
        try:
            cleaner = Cleaner(out, opts.site, script)
            for problem in refused:
                cleaner.problem(problem)
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
                try:
                    cleaner.clean_file(path)
                except OSError:
                    # Not a bug: an unreadable input is bad input already
                    # (crawler.records), so this is the output (or the disk)
                    # failing, and no line may follow a partial one.
                    raise
                except Exception as exc:  # a bug reading one file: the others go on
                    cleaner.crashed(str(path), exc)
                with contextlib.suppress(OSError):
                    bar.update(path.stat().st_size)
