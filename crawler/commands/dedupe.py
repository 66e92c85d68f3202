"""``scrapy dedupe IN.jsonl... -o OUT.jsonl``: the dedupe stages over existing JSONL.

The same stages and state as ``DedupePipeline`` (canonical URL, exact hash,
MinHash/LSH; ``STATE_DIR`` or Redis), so records deduplicated offline are known
to later crawls and the other way round. ``-s DEDUP_MODE=mark`` keeps every
record and fills ``duplicate_of``. Progress (tqdm) and the summary go to
stderr. Every line is validated as a seed record (``crawler.records``: strict
types, an id of 16 lowercase hex digits); a bad line is reported as
``file:line: reason``, counted by kind in the summary and skipped; the exit
status is then 1. An input that is missing, a symbolic link or not a regular
file is refused before anything is read (exit status 2).

Records are processed in batches (one rensa call signs a whole batch). Dedupe
state is committed every ``DEDUP_OFFLINE_COMMIT_EVERY`` records, each time after the output
up to there is written and fsynced, so the state never knows a record the
output lacks. ``-o`` appends, ``-O`` overwrites; appending, the records the
output already holds are not written again, so running a killed command again
writes each record once. The output may not be one of the inputs.

Without an explicit ``STATE_DIR`` (or ``DEDUP_SQLITE_PATH``) the command keeps
its own index, ``STATE_DIR/dedupe/offline.sqlite3``: trying it on some files
never makes the next crawl drop their articles as already seen. Give
``-s DEDUP_SQLITE_PATH=.state/dedupe/dedupe.sqlite3`` to share the crawls' index.

``scrapy dedupe --explain ID_A ID_B IN.jsonl...`` writes nothing and touches
no index: it finds the two records in the inputs and says why B is or is not a
duplicate of A (``crawler.dedupe.explain``): similarity, LSH bands, lengths,
the specifics compared and the rule applied. The summary of a run counts the
records kept although a candidate reached the threshold, by the rule that kept
them (``distinct: person 3, figures 5``).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError
from scrapy.settings import SETTINGS_PRIORITIES

from crawler.config import SettingsError, project_settings
from crawler.dedupe import DedupeConfig, Deduper, Doc, open_store
from crawler.dedupe.explain import explain
from crawler.extensions import collector_threshold
from crawler.inputs import InputProblem, check_input
from crawler.items import seed_record
from crawler.outputs import Output, OutputError, open_output
from crawler.records import read_jsonl
from crawler.state import state_dir

BATCH = 512


def dumps_record(record: dict[str, Any]) -> str:
    """``crawler.exporters.dumps_record`` for a plain dict (no ItemAdapter: ~2x faster)."""
    return json.dumps(seed_record(record), ensure_ascii=False)


@dataclass
class Summary:
    read: int = 0
    bad: int = 0
    already: int = 0  # records the appended output held before this run
    bad_kinds: Counter[str] = field(default_factory=Counter)  # bad lines by kind
    counts: Counter[str] = field(default_factory=Counter)
    by_site: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    # Kept although a near candidate reached the threshold, by the rule that kept them.
    distinct: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)

    def add(self, site: str, stage: str) -> None:
        self.counts[stage] += 1
        self.by_site[site][stage] += 1

    def lines(self) -> list[str]:
        order = ("kept", "url", "exact", "near", "skipped")
        def fmt(c: Counter[str]) -> str:
            return ", ".join(f"{k} {c.get(k, 0)}" for k in order)
        kinds = ", ".join(f"{k} {n}" for k, n in sorted(self.bad_kinds.items()))
        out = [f"dedupe: {self.read} record(s) read: {fmt(self.counts)}, bad lines {self.bad}"
               + (f" ({kinds})" if kinds else "")
               + (f", {self.already} in the output already (not written again)"
                  if self.already else "")]
        for site in sorted(self.by_site):
            out.append(f"dedupe:   {site}: {fmt(self.by_site[site])}")
        if self.distinct:
            out.append("dedupe:   kept although similar to a kept record (specifics differ): "
                       + ", ".join(f"{k} {n}" for k, n in sorted(self.distinct.items())))
        return out


def _records(paths: list[Path], summary: Summary) -> Iterator[tuple[dict[str, Any], Doc | None]]:
    """(record, doc) per good line; doc is None for a record without text. A bad
    line (not UTF-8, not JSON, no id, a field of the wrong type) is printed as
    ``file:line: reason``, counted by kind and skipped."""
    for path in paths:
        for _where, entry in read_jsonl(path, require=("id",)):
            if isinstance(entry, InputProblem):
                summary.bad += 1
                summary.bad_kinds[entry.kind] += 1
                summary.errors.append(str(entry))
                print(f"dedupe: {entry}", file=sys.stderr)
                continue
            summary.read += 1
            text = entry.get("text")
            doc = Doc(entry["id"], entry.get("url"), text) if text and text.strip() else None
            yield entry, doc


def run_dedupe(paths: list[Path], out: Output | IO[str], settings: Any,
               progress: bool | None = None, config: DedupeConfig | None = None) -> Summary:
    """Dedupe ``paths`` into ``out``; the command and the bench both call this."""
    if not isinstance(out, Output):
        out = Output(out, None)
    output = out
    config = config or DedupeConfig.from_settings(settings)
    # The command commits itself, every DEDUP_OFFLINE_COMMIT_EVERY records, after writing;
    # and one record in two inputs is a duplicate, whatever the crawls say.
    config = dataclasses.replace(config, commit_every=1 << 62, same_id_is_duplicate=True)
    deduper = Deduper(config, open_store(config, settings, bulk=True))
    summary = Summary()
    try:
        from tqdm import tqdm

        bar = tqdm(unit="doc", file=sys.stderr, disable=None if progress is None else not progress,
                   mininterval=1.0, smoothing=0.1)
    except ImportError:  # pragma: no cover - tqdm is a dependency
        bar = None
    batch: list[tuple[dict[str, Any], Doc | None]] = []
    uncommitted = [0]
    # Records between commits (see SQLiteStore.commit for why not every batch).
    commit_every = project_settings(settings).dedup_offline_commit_every

    def flush() -> None:
        docs = [d for _, d in batch if d is not None]
        verdicts = iter(deduper.check_many(docs))
        lines = []
        for record, doc in batch:
            site = str(record.get("site") or "?")
            if record["id"] in output.known_ids:
                # Written by an earlier (perhaps killed) run: checked above, so
                # the index knows it, but not written twice.
                summary.already += 1
                if doc is not None:
                    next(verdicts)
                continue
            if doc is None:
                summary.add(site, "skipped")
                lines.append(dumps_record(record))
                continue
            v = next(verdicts)
            summary.add(site, v.stage or "kept")
            if v.distinct is not None:
                summary.distinct[v.distinct] += 1
            if not v.duplicate:
                lines.append(dumps_record(record))
            elif config.mode == "mark":
                record["duplicate_of"] = v.first_id
                lines.append(dumps_record(record))
        if lines:
            output.write("\n".join(lines) + "\n")
        uncommitted[0] += len(batch)
        if uncommitted[0] >= commit_every:
            deduper.commit()
            uncommitted[0] = 0
        if bar is not None:
            bar.update(len(batch))
        batch.clear()

    try:
        for pair in _records(paths, summary):
            batch.append(pair)
            if len(batch) >= BATCH:
                flush()
        if batch:
            flush()
    except BaseException:
        # Whatever was checked but not written must not be remembered.
        deduper.abort()
        raise
    else:
        deduper.close()
    finally:
        if bar is not None:
            bar.close()
    return summary


class Command(ScrapyCommand):
    requires_project = True
    default_settings = {"LOG_ENABLED": False}

    def syntax(self) -> str:
        return "IN.jsonl... -o OUT.jsonl | --explain ID_A ID_B IN.jsonl..."

    def short_desc(self) -> str:
        return "Drop (or mark) duplicate records in JSONL: same URL, same text, near-same text"

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        target = parser.add_mutually_exclusive_group()
        target.add_argument("-o", "--output", metavar="OUT.jsonl",
                            help="append the records to OUT.jsonl ('-' for stdout)")
        target.add_argument("-O", "--overwrite-output", metavar="OUT.jsonl",
                            help="write the records to OUT.jsonl, replacing its content")
        parser.add_argument("--no-progress", action="store_true", help="no progress bar")
        parser.add_argument("--explain", nargs=2, metavar=("ID_A", "ID_B"),
                            help="say why record ID_B is or is not a duplicate of ID_A "
                                 "(both in the inputs); writes nothing")

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if not args:
            raise UsageError("expected at least one IN.jsonl")
        assert self.settings is not None
        try:
            project_settings(self.settings)
        except SettingsError as exc:
            print(f"dedupe: {exc}", file=sys.stderr)
            self.exitcode = 2
            return
        paths = [Path(a) for a in args]
        # A missing input, a link or a FIFO is a bad command line: nothing is read.
        refused = [problem for p in paths if (problem := check_input(p)) is not None]
        for problem in refused:
            print(f"dedupe: {problem}", file=sys.stderr)
        if refused:
            self.exitcode = 2
            return
        if opts.explain:
            self.exitcode = self._explain(paths, opts.explain)
            return
        if not (opts.output or opts.overwrite_output):
            raise UsageError("expected -o OUT.jsonl or -O OUT.jsonl (or --explain ID_A ID_B)")
        try:
            out = open_output(opts.output or opts.overwrite_output,
                              overwrite=opts.output is None, inputs=paths)
        except OutputError as exc:
            print(f"dedupe: {exc}", file=sys.stderr)
            self.exitcode = 2
            return
        self._private_index()
        try:
            with collector_threshold(project_settings(self.settings).gc_gen0_threshold):
                summary = run_dedupe(paths, out, self.settings,
                                     progress=False if opts.no_progress else None)
        finally:
            out.close()
        for line in summary.lines():
            print(line, file=sys.stderr)
        if summary.bad:
            self.exitcode = 1

    def _explain(self, paths: list[Path], ids: list[str]) -> int:
        assert self.settings is not None
        found: dict[str, Doc] = {}
        summary = Summary()
        for record, doc in _records(paths, summary):
            if record["id"] in ids and record["id"] not in found:
                found[record["id"]] = doc or Doc(record["id"], record.get("url"), "")
        missing = [i for i in ids if i not in found]
        if missing:
            print(f"dedupe: --explain: no record with id {', '.join(missing)} in the inputs",
                  file=sys.stderr)
            return 1
        config = DedupeConfig.from_settings(self.settings)
        _, lines = explain(config, found[ids[0]], found[ids[1]])
        for line in lines:
            print(line)
        return 1 if summary.bad else 0

    def _private_index(self) -> None:
        """Without an explicit STATE_DIR or DEDUP_SQLITE_PATH, an index of the
        command's own: the crawls' index stays as the crawls left it."""
        assert self.settings is not None
        explicit = SETTINGS_PRIORITIES["cmdline"]
        if (project_settings(self.settings).dedup_sqlite_path is not None
                or (self.settings.getpriority("STATE_DIR") or 0) >= explicit
                or project_settings(self.settings).dedup_backend != "sqlite"):
            return
        path = state_dir(self.settings, "dedupe") / "offline.sqlite3"
        self.settings.set("DEDUP_SQLITE_PATH", str(path), priority="cmdline")
        print(f"dedupe: using the offline index {path} (the crawls' index is not touched; "
              "-s STATE_DIR=… or -s DEDUP_SQLITE_PATH=… to choose one)", file=sys.stderr)
