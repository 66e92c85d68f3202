"""Re-fetch inputs and state: what to fetch again, and what was known before.

Inputs (``-a input=PATH``): a file of URLs (one per line, ``#`` comments), a
seed-format ``.txt`` file, a directory or glob of them, or JSONL records with
``url`` (and ``id``, ``text``), read by ``crawler.records``. Every input
document becomes a ``RefetchTarget``; one that cannot be fetched still becomes
a target, with the reason, so the output reports it instead of skipping it
silently. A bad line (not a URL, not UTF-8, not a valid record) or an unusable
file (a link, a FIFO, binary) is an ``InputProblem``: it gets its own target
naming ``file:line``, the rest of the file is read on, and the crawl command
ends with exit status 1 (``crawler.health``).
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from crawler.cleaning.page import stated_url
from crawler.dedupe import normalise
from crawler.inputs import (
    InputProblem,
    Line,
    expand_inputs,
    looks_like_url_list,
    read_document,
    read_lines,
    url_list_entries,
)
from crawler.records import parse_record, seed_file_id
from crawler.state.db import connect
from crawler.urls import record_id

SUFFIXES = (".txt", ".jsonl", ".json")
JSONL_SUFFIXES = (".jsonl", ".json")


@dataclass(frozen=True)
class RefetchTarget:
    source: str  # where it came from: "file" or "file:line"
    id: str | None
    url: str | None
    earlier_text: str | None = None  # clean text known from the input
    earlier_is_page: bool = False  # earlier_text is a whole page (a seed file), not clean text
    problem: str | None = None  # why it cannot be fetched, if known from the input alone
    # Bad input found on the way: counted, and the run's exit status says so.
    # With ``problem`` set the target is that bad line or file; without, the
    # document is fetched all the same (a seed page with a line not UTF-8).
    bad_input: tuple[InputProblem, ...] = ()


def text_fingerprint(text: str) -> str:
    """Hash of the text as dedupe normalises it (Simplified script, no glosses,
    no punctuation or spacing), so re-rendering or re-spacing is no change."""
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()[:32]


def expand_input(spec: str) -> tuple[list[Path], list[InputProblem]]:
    """Files named by a path, a directory (its ``.txt``/``.jsonl``/``.json``
    files) or a glob; and the links and non-regular files refused on the way."""
    return expand_inputs([spec], SUFFIXES, recursive=False)


def _bad(problem: InputProblem, rid: str | None = None) -> RefetchTarget:
    return RefetchTarget(problem.where, rid, None, problem=str(problem), bad_input=(problem,))


def _jsonl_targets(path: Path) -> Iterator[RefetchTarget]:
    for line in read_lines(path):
        if line.problem is not None:
            yield _bad(line.problem)
            continue
        if not line.text.strip():
            continue
        record = parse_record(line.where, line.number, line.text)
        if isinstance(record, InputProblem):
            yield _bad(record)
            continue
        url, rid = record.get("url"), record.get("id")
        yield RefetchTarget(line.where, rid or (record_id(url) if url else None), url,
                            record.get("text"),
                            problem=None if url else f"{line.where}: no URL in the record")


def _seed_target(path: Path) -> RefetchTarget:
    doc = read_document(path)
    url = stated_url(doc.text)  # as scrapy clean reads it
    rid: str | None
    if url is not None:
        try:
            rid = seed_file_id(path.name) or record_id(url)
        except ValueError as exc:  # 本文地址 with a bad port or bracket
            return _bad(InputProblem(str(path), f"malformed 本文地址 URL ({exc})",
                                     "malformed_url"), seed_file_id(path.name))
    else:
        rid = seed_file_id(path.name)
    return RefetchTarget(str(path), rid, url, doc.text, earlier_is_page=True,
                         problem=None if url else
                         f"{path}: no URL in the document (no 本文地址)",
                         bad_input=doc.problems)


def _url_list_targets(lines: list[Line]) -> Iterator[RefetchTarget]:
    for where, entry in url_list_entries(lines):
        if isinstance(entry, InputProblem):
            yield _bad(entry)
        else:
            yield RefetchTarget(where, record_id(entry), entry)


def _file_targets(path: Path) -> Iterator[RefetchTarget]:
    if path.suffix in JSONL_SUFFIXES:
        yield from _jsonl_targets(path)
        return
    lines = list(read_lines(path))
    if seed_file_id(path.name) is None and looks_like_url_list(lines):
        yield from _url_list_targets(lines)
    else:
        yield _seed_target(path)


def read_targets(spec: str) -> Iterator[RefetchTarget]:
    files, refused = expand_input(spec)
    for problem in refused:
        yield _bad(problem)
    if not files and not refused:
        yield _bad(InputProblem(spec, "no input file matches", "no_match"))
    for path in files:
        try:
            yield from _file_targets(path)
        except InputProblem as problem:  # the file as a whole: a link, binary, empty
            yield _bad(problem, seed_file_id(path.name))
        except OSError as exc:  # a read error half way: the next file is still read
            yield _bad(InputProblem(str(path), f"unreadable ({exc.strerror or exc})",
                                    "unreadable"), seed_file_id(path.name))


class RefetchBook:
    """What a re-fetch knew before, held by the crawler (``crawl_state``): the
    fingerprint of each input document's text, and the stored state of earlier
    re-fetches. The spider fills it; the status pipeline reads it."""

    def __init__(self, state: RefetchState) -> None:
        self.state = state
        self.earlier: dict[str, str] = {}  # record id -> fingerprint of the input's text
        # Answered 304: record id -> the stored record's fingerprint. Its record
        # is the one an earlier re-fetch stored, fingerprinted and indexed then:
        # neither re-signed nor indexed again (the pipelines read this).
        self.not_modified: dict[str, str] = {}

    def earlier_fingerprint(self, rid: str) -> str | None:
        """What the text was before: from the input, else from an earlier re-fetch."""
        if rid in self.earlier:
            return self.earlier[rid]
        known = self.state.get(rid)
        return known.get("fingerprint") if known else None


class RefetchState:
    """What earlier re-fetches learnt, per record id: the server's validators
    (for conditional requests), the extracted record and its text's fingerprint."""

    def __init__(self, path: Path) -> None:
        self._db = connect(path)
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS pages (id TEXT PRIMARY KEY, url TEXT, etag TEXT, "
            "last_modified TEXT, page_text TEXT, fingerprint TEXT, at REAL)")
        # The extracted record, re-emitted on a 304. State written before it was
        # kept has only page_text: such pages are fetched unconditionally once.
        columns = {row[1] for row in self._db.execute("PRAGMA table_info(pages)")}
        if "record" not in columns:
            self._db.execute("ALTER TABLE pages ADD COLUMN record TEXT")

    def get(self, rid: str) -> dict[str, Any] | None:
        cur = self._db.execute(
            "SELECT url, etag, last_modified, record, fingerprint FROM pages WHERE id = ?",
            (rid,))
        row = cur.fetchone()
        if row is None:
            return None
        found = dict(zip(("url", "etag", "last_modified", "record", "fingerprint"), row,
                         strict=True))
        found["record"] = json.loads(found["record"]) if found["record"] else None
        return found

    def save_page(self, rid: str, url: str, etag: str | None, last_modified: str | None,
                  record: dict[str, Any]) -> None:
        self._db.execute(
            "INSERT INTO pages (id, url, etag, last_modified, record, at) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET url=excluded.url, "
            "etag=excluded.etag, last_modified=excluded.last_modified, "
            "record=excluded.record, at=excluded.at",
            (rid, url, etag, last_modified, json.dumps(record, ensure_ascii=False),
             time.time()))

    def save_fingerprint(self, rid: str, fingerprint: str) -> None:
        self._db.execute(
            "INSERT INTO pages (id, fingerprint, at) VALUES (?, ?, ?) ON CONFLICT(id) "
            "DO UPDATE SET fingerprint=excluded.fingerprint", (rid, fingerprint, time.time()))

    def close(self) -> None:
        self._db.close()
