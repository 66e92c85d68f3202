"""A durable set of keys: the articles a spider has exported.

SQLite in WAL mode under ``STATE_DIR``. A key is added once its record's line is
on disk (``crawler.exporters``), so a crash can only leave a line the state does
not know yet; ``reconcile`` reads such lines back from the output at the next
start. How far each output file has been read is kept, so a run reads only what
was appended since.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from crawler.records import id_of_line
from crawler.state.db import connect


class SeenStore:
    def __init__(self, path: Path, reset: bool = False) -> None:
        self.path = path
        self.opened_at = time.time()
        self._db = connect(path)
        self._db.execute("CREATE TABLE IF NOT EXISTS seen (key TEXT PRIMARY KEY, at REAL)")
        self._db.execute("CREATE TABLE IF NOT EXISTS reconciled (path TEXT PRIMARY KEY, "
                         "inode INTEGER, offset INTEGER)")
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

    def reconcile(self, path: Path) -> int:
        """Record the ids of an output file's complete lines that this store
        lacks (a crash between a line's write and its mark); returns how many.
        Reads from where the last reconcile of the same file stopped."""
        try:
            stat = path.stat()
        except OSError:
            return 0
        name = str(path.resolve())
        row = self._db.execute("SELECT inode, offset FROM reconciled WHERE path = ?",
                               (name,)).fetchone()
        start = row[1] if row and row[0] == stat.st_ino and row[1] <= stat.st_size else 0
        added = 0
        end = start
        now = time.time()
        self._db.execute("BEGIN IMMEDIATE")
        try:
            for line, offset in _complete_lines(path, start):
                end = offset
                rid = id_of_line(line)
                if rid is not None:
                    cur = self._db.execute("INSERT OR IGNORE INTO seen VALUES (?, ?)", (rid, now))
                    added += cur.rowcount
            self._db.execute("INSERT OR REPLACE INTO reconciled VALUES (?, ?, ?)",
                             (name, stat.st_ino, end))
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")
        return added

    def __len__(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM seen").fetchone()[0])

    def close(self) -> None:
        self._db.close()


def _complete_lines(path: Path, start: int) -> Iterator[tuple[bytes, int]]:
    """Each complete line from byte ``start``, with the offset after it; a
    partial last line (a crash mid-write) is not one."""
    with path.open("rb") as fh:
        fh.seek(start)
        offset = start
        for line in fh:
            if not line.endswith(b"\n"):
                return
            offset += len(line)
            yield line, offset



class RedisSeenStore:
    """The seen-set of a distributed crawl (``REDIS_URL``): one hash per spider,
    ``<spider>:seen`` (key -> the time it was marked), on the shared server, so an
    article one worker exported is neither fetched nor exported by another.

    Same interface and rule as ``SeenStore``: a key is added once its record's
    line is on disk in the worker's own output. ``reconcile`` reads that worker's
    outputs back (its offsets kept per host and path in ``<spider>:reconciled``).
    ``reset`` forgets the whole shared set: start one worker with it, then the others.
    """

    def __init__(self, url: str, spider: str, reset: bool = False, client: Any = None) -> None:
        import socket

        import redis

        self._r: Any = client if client is not None else redis.Redis.from_url(url)
        self.path = f"{url} {spider}:seen"
        self._key, self._done = f"{spider}:seen", f"{spider}:reconciled"
        self._host = socket.gethostname()
        self.opened_at = time.time()
        if reset:
            self._r.delete(self._key, self._done)

    @staticmethod
    def _text(key: object) -> str:
        return key.decode("utf-8", "replace") if isinstance(key, bytes) else str(key)

    def __contains__(self, key: object) -> bool:
        return bool(self._r.hexists(self._key, self._text(key)))

    def known_before(self, key: str | bytes) -> bool:
        at = self._r.hget(self._key, self._text(key))
        return at is not None and float(at) < self.opened_at

    def add(self, key: str | bytes) -> bool:
        return bool(self._r.hsetnx(self._key, self._text(key), repr(time.time())))

    def reconcile(self, path: Path) -> int:
        try:
            stat = path.stat()
        except OSError:
            return 0
        name = f"{self._host}:{path.resolve()}"
        raw = self._r.hget(self._done, name)
        inode, offset = (int(x) for x in raw.split(b" ")) if raw else (0, 0)
        start = offset if inode == stat.st_ino and offset <= stat.st_size else 0
        end, now = start, repr(time.time())
        pipe = self._r.pipeline(transaction=False)
        for line, offset in _complete_lines(path, start):
            end = offset
            rid = id_of_line(line)
            if rid is not None:
                pipe.hsetnx(self._key, rid, now)
        added = sum(int(n) for n in pipe.execute())
        self._r.hset(self._done, name, f"{stat.st_ino} {end}")
        return added

    def __len__(self) -> int:
        return int(self._r.hlen(self._key))

    def close(self) -> None:
        self._r.close()


# What the components type against: either store.
AnySeenStore = SeenStore | RedisSeenStore
