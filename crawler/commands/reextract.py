"""``scrapy reextract ARCHIVE... -o OUT.jsonl``: the current extractor over the
web archive (``STATE_DIR/archive``; docs/archive.md), no request to any site.

ARCHIVE is a WARC file, a directory (its ``.warc.gz`` files, and the ``.open``
ones up to their last whole record, recursively, sorted) or a glob. Each URL's
last capture is extracted with the spiders' page object and cleaned as a crawl
cleans it (``TEXT_SCRIPT``; ``--dedupe``: the dedupe stages on a fresh index),
over ``-j N`` processes (default: every core) with a progress bar on stderr.

``--against OLD.jsonl`` reviews the change before it is used: records added,
lost and changed, per field, with ``--show K`` examples each.

A file that cannot be read (missing, a link, not WARC, cut short) and a page on
which extraction raised (a bug) are each one line ``reextract: …`` naming it;
the rest goes on and the exit status is 1. A bad command line (no archive at
all, an output that is an input, a bad ``-j``) is exit status 2. ``-o``
appends (records the output holds already are not written again), ``-O``
overwrites.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError

from crawler.archive.read import SUFFIXES, ArchiveError
from crawler.archive.reextract import (
    Cleaning,
    Outcome,
    cpu_count,
    exported,
    extract_all,
    plan,
    review,
)
from crawler.config import SettingsError, project_settings
from crawler.inputs import InputProblem, expand_inputs
from crawler.outputs import OutputError, open_output
from crawler.records import read_jsonl

BATCH = 256


def _say(line: str) -> None:
    print(f"reextract: {line}", file=sys.stderr)


class Command(ScrapyCommand):
    requires_project = True
    default_settings = {"LOG_ENABLED": False}

    def syntax(self) -> str:
        return "ARCHIVE... -o OUT.jsonl [-j N] [--against OLD.jsonl]"

    def short_desc(self) -> str:
        return "Extract the records again from the web archive (no request sent)"

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        target = parser.add_mutually_exclusive_group(required=True)
        target.add_argument("-o", "--output", metavar="OUT.jsonl",
                            help="append the records to OUT.jsonl ('-' for stdout)")
        target.add_argument("-O", "--overwrite-output", metavar="OUT.jsonl",
                            help="write the records to OUT.jsonl, replacing its content")
        parser.add_argument("-j", "--jobs", type=int, default=0, metavar="N",
                            help="processes extracting in parallel (default: every core)")
        parser.add_argument("--against", metavar="OLD.jsonl",
                            help="review the records against an earlier output")
        parser.add_argument("--show", type=int, default=3, metavar="K",
                            help="examples per kind of change in the review (default 3)")
        parser.add_argument("--dedupe", action="store_true",
                            help="drop duplicates as a crawl does (a fresh index)")
        parser.add_argument("--no-progress", action="store_true", help="no progress bar")

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if not args:
            raise UsageError("expected at least one ARCHIVE (a WARC file, a directory or a glob)")
        assert self.settings is not None
        try:
            project_settings(self.settings)
        except SettingsError as exc:
            _say(str(exc))
            self.exitcode = 2
            return
        if opts.jobs < 0 or opts.show < 0:
            _say("-j and --show take a number >= 0")
            self.exitcode = 2
            return
        files, refused = expand_inputs(args, SUFFIXES, recursive=True)
        for problem in refused:
            _say(str(problem))
        if not files:
            self.exitcode = 2
            return
        old_path = Path(opts.against) if opts.against else None
        inputs = files + ([old_path] if old_path else [])
        try:
            out = open_output(opts.output or opts.overwrite_output,
                              overwrite=opts.output is None, inputs=inputs)
        except OutputError as exc:
            _say(str(exc))
            self.exitcode = 2
            return
        try:
            outcome, problems = self._reextract(files, out, opts)
        finally:
            out.close()
        bad = len(refused) + problems + len(outcome.errors)
        if old_path is not None:
            bad += self._review(old_path, outcome, opts.show)
        if bad:
            self.exitcode = 1

    def _reextract(self, files: list[Path], out: Any, opts: argparse.Namespace
                   ) -> tuple[Outcome, int]:
        assert self.settings is not None
        from tqdm import tqdm

        found = plan(files, on_problem=lambda p: _say(str(p)),
                     max_pages=project_settings(self.settings).article_max_pages)
        if found.unresolved:
            _say(f"{found.unresolved} revisit record(s) refer to a response in none of the "
                 "files given (pruned?): their pages are left out")
        jobs = opts.jobs or cpu_count()
        outcome = Outcome()
        cleaning = Cleaning(self.settings, opts.dedupe)
        bar = tqdm(total=len(found.tasks), unit="page", file=sys.stderr, mininterval=1.0,
                   disable=True if opts.no_progress else None)
        lines: list[str] = []
        try:
            for result in extract_all(found.tasks, jobs):
                bar.update(1)
                if result.error is not None:
                    line = f"{result.task.path}@{result.task.offset} {result.task.uri}: " \
                           f"{result.error}"
                    outcome.errors.append(line)
                    bar.write(f"reextract: {line}", file=sys.stderr)
                    continue
                if result.record is None:
                    outcome.dropped[result.dropped or "?"] += 1
                    continue
                record = cleaning(result.record)
                if record is None:
                    outcome.duplicates += 1
                    continue
                outcome.records.append(record)
                if record["id"] in out.known_ids:
                    outcome.already += 1
                    continue
                lines.append(json.dumps(exported(record), ensure_ascii=False))
                if len(lines) >= BATCH:
                    out.write("\n".join(lines) + "\n")
                    lines.clear()
            if lines:
                out.write("\n".join(lines) + "\n")
        finally:
            bar.close()
            cleaning.close()
        dropped = ", ".join(f"{k} {n}" for k, n in sorted(outcome.dropped.items()))
        _say(f"{len(files)} file(s), {found.captures} capture(s) ({found.revisits} revisits), "
             f"{len(found.tasks)} page(s): {len(outcome.records)} record(s)"
             + (f" ({outcome.already} in the output already)" if outcome.already else "")
             + f", no article {sum(outcome.dropped.values())}"
             + (f" ({dropped})" if dropped else "")
             + (f", duplicates {outcome.duplicates}" if opts.dedupe else "")
             + f", errors {len(outcome.errors)}, unreadable files {len(found.problems)}"
             + f" [{jobs} process(es)]")
        return outcome, len(found.problems)

    def _review(self, old_path: Path, outcome: Outcome, show: int) -> int:
        old: dict[str, dict[str, Any]] = {}
        bad = 0
        for _where, entry in read_jsonl(old_path, require=("id",)):
            if isinstance(entry, InputProblem):
                _say(str(entry))
                bad += 1
                continue
            old[entry["id"]] = entry
        new = {r["id"]: exported(r) for r in outcome.records}
        for line in review(old, new).lines(old, new, show):
            _say(f"against {old_path}: {line}" if not line.startswith(" ") else line)
        return bad


__all__ = ["ArchiveError", "Command"]
