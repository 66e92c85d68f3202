"""A durable set of keys: the articles a spider has exported.

SQLite in WAL mode under ``STATE_DIR``: a key is committed when it is added, so a
crash after an export never forgets it, and one before never records it.
"""

from __future__ import annotations

import time
from pathlib import Path

from crawler.state.db import connect


class SeenStore:
    def __init__(self, path: Path, reset: bool = False) -> None:
        self.path = path
        self.opened_at = time.time()
        self._db = connect(path)
        self._db.execute("CREATE TABLE IF NOT EXISTS seen (key TEXT PRIMARY KEY, at REAL)")
        if reset:
            self._db.execute("DELETE FROM seen")

    def __contains__(self, key: object) -> bool:
        if isinstance(key, bytes):
            key = key.decode("utf-8", "replace")
        row = self._db.execute("SELECT 1 FROM seen WHERE key = ?", (key,)).fetchone()
        return row is not None

    def known_before(self, key: str | bytes) -> bool:
        """Whether an earlier run (before this store was opened) recorded ``key``."""
        if isinstance(key, bytes):
            key = key.decode("utf-8", "replace")
        row = self._db.execute("SELECT 1 FROM seen WHERE key = ? AND at < ?",
                               (key, self.opened_at)).fetchone()
        return row is not None

    def add(self, key: str | bytes) -> bool:
        """Record ``key``; False when it was already there."""
        if isinstance(key, bytes):
            key = key.decode("utf-8", "replace")
        cur = self._db.execute("INSERT OR IGNORE INTO seen VALUES (?, ?)", (key, time.time()))
        return cur.rowcount == 1

    def __setitem__(self, key: str | bytes, _value: object) -> None:
        self.add(key)

    def __len__(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM seen").fetchone()[0])

    def close(self) -> None:
        self._db.close()
