"""The durable frontier of one spider: what a crawl still has to do, so that an
interrupted crawl is completed by running the same command again.

Three tables in ``STATE_DIR/frontier/<spider>.sqlite``:

- ``walk``: per listing (its first page's canonical URL) and argument scope (the
  date window), how far its pages were read: ``walking`` with the next page to
  read, or ``complete`` once its last page (or ``since``) was reached. A run
  resumes each walk it finds ``walking`` from its next page; "stop paging at a
  page whose articles are all known" applies only to a listing with a recorded
  walk, so a listing first read by an interrupted run is read to its end.
- ``pending``: article URLs discovered and not yet exported or given up, with
  the request meta they need and how often they failed. A run requests them
  again before anything else.
- ``walked_id``: ids of an ``ids=`` walk that were resolved (found or missing in
  every column), per scope, so a resumed walk does not ask for them again.
- ``site_column``: every column the crawler found named on the site's own home
  and section pages (the site description's list is where it starts).
- ``id_column``: every article id seen in a URL (a listing's link, an exported
  record) with its column and the date a listing printed beside it: where an
  id walk looks first, and what dates an undated link by its neighbours.

Writes are single short statements (autocommit); several processes may share
the file (``crawler.state.db``). In a crawl one component writes it:
``FrontierMiddleware`` (``crawler.state.frontier_middleware``), from the facts
the spider states; the spider only reads it.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from crawler.state.db import connect

WALKING, COMPLETE = "walking", "complete"
FRONTIER_KEY = "frontier_key"  # request meta: the pending URL an article request serves
DEFAULT_MAX_TRIES = 5


@dataclass(frozen=True)
class Pending:
    url: str
    meta: dict[str, Any]
    tries: int


class Frontier:
    def __init__(self, path: Path, max_tries: int = DEFAULT_MAX_TRIES) -> None:
        self.path = path
        self.max_tries = max_tries
        self._db = connect(path)
        self._db.executescript("""
            CREATE TABLE IF NOT EXISTS walk (listing TEXT, scope TEXT, state TEXT,
                next_url TEXT, pages INTEGER, at REAL, PRIMARY KEY (listing, scope));
            CREATE TABLE IF NOT EXISTS pending (url TEXT PRIMARY KEY, meta TEXT,
                tries INTEGER DEFAULT 0, reason TEXT, given_up INTEGER DEFAULT 0, at REAL);
            CREATE TABLE IF NOT EXISTS walked_id (scope TEXT, number INTEGER,
                PRIMARY KEY (scope, number)) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS site_column (name TEXT PRIMARY KEY, at REAL);
            CREATE TABLE IF NOT EXISTS id_column (column_name TEXT, number INTEGER,
                day TEXT, PRIMARY KEY (column_name, number)) WITHOUT ROWID;
        """)

    # --- listing walks ------------------------------------------------------

    def walk_state(self, listing: str, scope: str) -> str | None:
        """``walking``, ``complete`` or ``None`` (never walked in this scope). A
        walk completed without a window covers every scope."""
        rows = dict(self._db.execute(
            "SELECT scope, state FROM walk WHERE listing = ? AND scope IN (?, '')",
            (listing, scope)).fetchall())
        if rows.get("") == COMPLETE:
            return COMPLETE
        return rows.get(scope)

    def walk_progress(self, listing: str, scope: str, next_url: str) -> None:
        """The listing's pages up to ``next_url`` (not included) were read and
        their articles recorded. A complete walk stays complete."""
        self._db.execute(
            "INSERT INTO walk VALUES (?, ?, ?, ?, 1, ?) ON CONFLICT (listing, scope) DO UPDATE "
            "SET next_url = excluded.next_url, pages = pages + 1, at = excluded.at "
            "WHERE state = ?", (listing, scope, WALKING, next_url, time.time(), WALKING))

    def walk_complete(self, listing: str, scope: str) -> None:
        self._db.execute(
            "INSERT INTO walk VALUES (?, ?, ?, NULL, 1, ?) ON CONFLICT (listing, scope) DO "
            "UPDATE SET state = excluded.state, next_url = NULL, at = excluded.at",
            (listing, scope, COMPLETE, time.time()))

    def unfinished_walks(self, scope: str) -> list[tuple[str, str]]:
        """(listing, next page) of every walk an earlier run left half way."""
        return [(listing, url) for listing, url in self._db.execute(
            "SELECT listing, next_url FROM walk WHERE scope = ? AND state = ? "
            "AND next_url IS NOT NULL", (scope, WALKING))]

    # --- pending articles -------------------------------------------------------

    def discovered(self, url: str, meta: dict[str, Any]) -> None:
        self._db.execute("INSERT OR IGNORE INTO pending (url, meta, at) VALUES (?, ?, ?)",
                         (url, json.dumps(meta, ensure_ascii=False), time.time()))

    def done(self, url: str) -> None:
        """Exported, or settled for good (a duplicate, out of the window, gone)."""
        self._db.execute("DELETE FROM pending WHERE url = ?", (url,))

    def failed(self, url: str, reason: str) -> bool:
        """Count a failure; ``True`` when the URL is now given up."""
        self._db.execute("UPDATE pending SET tries = tries + 1, reason = ?, at = ?, "
                         "given_up = (tries + 1 >= ?) WHERE url = ?",
                         (reason, time.time(), self.max_tries, url))
        row = self._db.execute("SELECT given_up FROM pending WHERE url = ?", (url,)).fetchone()
        return bool(row and row[0])

    def pending(self) -> Iterator[Pending]:
        rows = self._db.execute("SELECT url, meta, tries FROM pending WHERE given_up = 0 "
                                "ORDER BY at").fetchall()
        for url, meta, tries in rows:
            yield Pending(url, json.loads(meta or "{}"), tries)

    def counts(self) -> dict[str, int]:
        pending, given_up = self._db.execute(
            "SELECT sum(given_up = 0), sum(given_up = 1) FROM pending").fetchone()
        walking = self._db.execute("SELECT count(*) FROM walk WHERE state = ?",
                                   (WALKING,)).fetchone()[0]
        return {"pending": pending or 0, "given_up": given_up or 0, "walking": walking}

    # --- id walks -------------------------------------------------------------------

    def ids_walked(self, scope: str, numbers: Iterable[int]) -> set[int]:
        wanted = list(numbers)
        if not wanted:
            return set()
        lo, hi = min(wanted), max(wanted)
        return {n for (n,) in self._db.execute(
            "SELECT number FROM walked_id WHERE scope = ? AND number BETWEEN ? AND ?",
            (scope, lo, hi))}

    def id_walked(self, scope: str, number: int) -> None:
        self._db.execute("INSERT OR IGNORE INTO walked_id VALUES (?, ?)", (scope, number))

    # --- what the site is made of ----------------------------------------------

    def columns_seen(self) -> list[str]:
        return [name for (name,) in self._db.execute(
            "SELECT name FROM site_column ORDER BY name")]

    def column_seen(self, names: Iterable[str]) -> None:
        now = time.time()
        self._db.executemany("INSERT INTO site_column VALUES (?, ?) ON CONFLICT (name) "
                             "DO UPDATE SET at = excluded.at", [(n, now) for n in names])

    def ids_seen(self, facts: Iterable[tuple[str, int, str | None]]) -> None:
        """(column, id, listing date or None) of article URLs seen."""
        self._db.executemany(
            "INSERT INTO id_column VALUES (?, ?, ?) ON CONFLICT (column_name, number) "
            "DO UPDATE SET day = coalesce(excluded.day, day)", list(facts))

    def id_facts(self, lo: int, hi: int) -> list[tuple[str, int, str | None]]:
        return list(self._db.execute(
            "SELECT column_name, number, day FROM id_column WHERE number BETWEEN ? AND ?",
            (lo, hi)))

    def close(self) -> None:
        self._db.close()
