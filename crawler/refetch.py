"""Re-fetch inputs and state: what to fetch again, and what was known before.

Inputs (``-a input=PATH``): a file of URLs (one per line, ``#`` comments), a
seed-format ``.txt`` file, a directory or glob of them, or JSONL records with
``url`` (and ``id``, ``text``). Every input document becomes a
``RefetchTarget``; one with no usable URL still becomes a target, with the
reason, so the output reports it instead of skipping it silently.
"""

from __future__ import annotations

import glob
import hashlib
import json
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from crawler.dedupe import normalise
from crawler.state.db import connect
from crawler.textnorm import fold_width, strip_glosses
from crawler.urls import record_id

SEED_NAME = re.compile(r"^\d+_(?P<id>[0-9a-f]{16})\.txt$")
ID_RE = re.compile(r"[0-9a-f]{16}")
ARTICLE_ADDRESS = re.compile(r"本文地址\s*[:：]\s*(?P<url>https?://\S+)")
URL_LINE = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:\S*$")


@dataclass(frozen=True)
class RefetchTarget:
    source: str  # where it came from: "file" or "file:line"
    id: str | None
    url: str | None
    earlier_text: str | None = None  # clean text known from the input
    earlier_is_page: bool = False  # earlier_text is a whole page (a seed file), not clean text
    problem: str | None = None  # why it cannot be fetched, if known from the input alone


def text_fingerprint(text: str) -> str:
    """Hash of the text as dedupe normalises it (Simplified script, no glosses,
    no punctuation or spacing), so re-rendering or re-spacing is no change."""
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()[:32]


def expand_input(spec: str) -> list[Path]:
    """Files named by a path, a directory (its ``.txt``/``.jsonl`` files) or a glob."""
    path = Path(spec)
    if path.is_dir():
        return sorted(p for p in path.iterdir()
                      if p.is_file() and p.suffix in {".txt", ".jsonl", ".json"})
    if path.is_file():
        return [path]
    return sorted(Path(p) for p in glob.glob(spec) if Path(p).is_file())


def _read_text(path: Path) -> tuple[str | None, str | None]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, f"unreadable ({exc.strerror or exc.__class__.__name__})"
    if b"\x00" in raw[:4096]:
        return None, "binary file"
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return None, f"invalid UTF-8 at byte {exc.start}"
    if not text.strip():
        return None, "empty file"
    return text, None


def _jsonl_targets(path: Path, text: str) -> Iterator[RefetchTarget]:
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{lineno}"
        try:
            record: Any = json.loads(line)
        except json.JSONDecodeError as exc:
            yield RefetchTarget(where, None, None, problem=f"not JSON ({exc.msg})")
            continue
        if not isinstance(record, dict):
            yield RefetchTarget(where, None, None, problem="not a JSON object")
            continue
        url = record.get("url") if isinstance(record.get("url"), str) else None
        rid = record.get("id") if isinstance(record.get("id"), str) else None
        if rid is not None and not ID_RE.fullmatch(rid):
            rid = None
        earlier = record.get("text") if isinstance(record.get("text"), str) else None
        yield RefetchTarget(where, rid or (record_id(url) if url else None), url, earlier,
                            problem=None if url else "no URL in the record")


def _seed_target(path: Path, text: str) -> RefetchTarget:
    name = SEED_NAME.match(path.name)
    match = ARTICLE_ADDRESS.search(strip_glosses(fold_width(text))[0])
    url = match["url"] if match else None
    rid = name["id"] if name else (record_id(url) if url else None)
    return RefetchTarget(str(path), rid, url, text, earlier_is_page=True,
                         problem=None if url else "no URL in the document (no 本文地址)")


def _looks_like_url_list(text: str) -> bool:
    lines = [x.strip() for x in text.splitlines() if x.strip() and not x.lstrip().startswith("#")]
    return bool(lines) and all(URL_LINE.match(x) for x in lines)


def read_targets(spec: str) -> Iterator[RefetchTarget]:
    files = expand_input(spec)
    if not files:
        yield RefetchTarget(spec, None, None, problem="no input file matches")
    for path in files:
        text, problem = _read_text(path)
        if text is None:
            yield RefetchTarget(str(path), None, None, problem=problem)
        elif path.suffix in {".jsonl", ".json"}:
            yield from _jsonl_targets(path, text)
        elif _looks_like_url_list(text):
            for lineno, line in enumerate(text.splitlines(), 1):
                url = line.strip()
                if url and not url.startswith("#"):
                    yield RefetchTarget(f"{path}:{lineno}", record_id(url), url)
        else:
            yield _seed_target(path, text)


class RefetchBook:
    """What a re-fetch knew before, held by the crawler (``crawl_state``): the
    fingerprint of each input document's text, and the stored state of earlier
    re-fetches. The spider fills it; the status pipeline reads it."""

    def __init__(self, state: RefetchState) -> None:
        self.state = state
        self.earlier: dict[str, str] = {}  # record id -> fingerprint of the input's text

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
