"""One way to open the SQLite files under ``STATE_DIR``, fit for several processes.

WAL lets readers run beside one writer; a busy timeout makes a second writer
wait for the first instead of failing with ``database is locked``; callers keep
their write transactions short. ``synchronous=NORMAL`` in WAL survives any
process crash (a power loss may forget the last transactions, which only makes
a later run do work again: nothing is marked done that was not).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

BUSY_TIMEOUT_MS = 120_000  # a writer waits this long for another before giving up


def connect(path: Path | str) -> sqlite3.Connection:
    """An autocommit connection (``isolation_level=None``): each statement is
    its own transaction unless the caller opens one."""
    db = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False,
                         timeout=BUSY_TIMEOUT_MS / 1000)
    db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    return db
