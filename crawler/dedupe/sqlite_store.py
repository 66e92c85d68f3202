"""The SQLite backend of the dedupe state (``crawler.dedupe.store``): a file
under ``STATE_DIR``, shared by processes, with a bit filter of its keys for
bulk runs."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt

from crawler.dedupe.minhash import Sig
from crawler.dedupe.store import (
    SCHEMA_VERSION,
    Lookup,
    Query,
    check_stored_params,
    url_key,
)


def _rows_in_order(keys: npt.NDArray[np.int64], docs: npt.NDArray[np.int64],
                   order: npt.NDArray[np.intp], chunk: int = 65_536) -> Iterator[tuple[int, int]]:
    """(key, document) rows in ``order``, as Python ints a chunk at a time (a
    million at once would be a hundred MiB of int objects)."""
    for start in range(0, len(order), chunk):
        part = order[start:start + chunk]
        yield from zip(keys[part].tolist(), docs[part].tolist(), strict=True)


class KeyFilter:
    """Which keys an SQLite index may hold, as one bit per 2^36 of the key space
    (32 MiB), for bulk runs (``scrapy dedupe``): SQLite is asked only for keys
    whose bit is set, instead of all eighteen of every document (at a million
    documents an ``IN`` lookup costs ~1.5 µs a key, and most keys are new). A
    million documents set ~17 million bits of 268 million: one new key in 16
    is still looked up, for nothing.

    Exact, never a guess: every commit, by any process, bumps ``generation`` in
    ``dedupe_meta``. The bits answer only while the generation is the one they
    were read at or advanced to by this process' own commits. When another
    process has committed, the batch asks SQLite for every key, and the bits are
    read again once the index has stayed still about as long as reading it
    costs: a busy neighbour costs a slower run, never a missed duplicate."""

    BITS = 28
    _SHIFT = np.uint64(64 - BITS)
    _WORD = np.uint64(6)  # 64 bits a word
    _LOW = np.uint64(63)
    _ONE = np.uint64(1)

    def __init__(self) -> None:
        self.words: npt.NDArray[np.uint64] | None = None
        self.generation = -1  # at which ``words`` is exact
        self.keys = 0  # keys read or added (what reading the index again would cost)
        self._last_seen = -1
        self._still = 0  # batches since the generation last moved under us

    def present(self, db: sqlite3.Connection, wanted: list[int]) -> list[int] | None:
        """The keys of ``wanted`` the index may hold (a subset holding all that
        it does hold), or ``None`` when the bits cannot tell now."""
        generation = _generation(db)
        if generation != self.generation:
            self._still = self._still + 1 if generation == self._last_seen else 0
            self._last_seen = generation
            if self.words is not None and self._still * len(wanted) < self.keys // 8:
                return None  # reading the index again costs more than asking, for now
            self._load(db)
        if not wanted:
            return []
        asked = np.array(wanted, dtype=np.int64)
        return asked[self._bits(asked)].tolist()

    def _bits(self, keys: npt.NDArray[np.int64]) -> npt.NDArray[np.bool_]:
        assert self.words is not None
        bit = keys.view(np.uint64) >> self._SHIFT
        word = self.words[(bit >> self._WORD).astype(np.intp)]
        return ((word >> (bit & self._LOW)) & self._ONE).astype(bool)

    def _set(self, keys: npt.NDArray[np.int64]) -> None:
        assert self.words is not None
        bit = keys.view(np.uint64) >> self._SHIFT
        np.bitwise_or.at(self.words, (bit >> self._WORD).astype(np.intp),
                         np.left_shift(self._ONE, bit & self._LOW))
        self.keys += len(keys)

    def _load(self, db: sqlite3.Connection) -> None:
        self.words = np.zeros(1 << (self.BITS - 6), dtype=np.uint64)
        self.keys = 0
        db.execute("BEGIN")  # one snapshot for the generation and the keys
        try:
            generation = _generation(db)
            rows = db.execute("SELECT k FROM dedupe_key")
            while chunk := rows.fetchmany(1 << 18):
                self._set(np.fromiter((k for (k,) in chunk), dtype=np.int64, count=len(chunk)))
        finally:
            db.execute("COMMIT")
        self.generation = self._last_seen = generation

    def committed(self, before: int, added: npt.NDArray[np.int64]) -> None:
        """This process committed ``added`` at generation ``before`` + 1."""
        if self.words is None or before != self.generation:
            return  # already behind: present() reads the index again when it pays
        self._set(added)
        self.generation = self._last_seen = before + 1


def _generation(db: sqlite3.Connection) -> int:
    row = db.execute("SELECT v FROM dedupe_meta WHERE k = 'generation'").fetchone()
    return int(row[0]) if row else 0


class SQLiteStore:
    """Two tables: ``dedupe_doc(n, id, sig)`` for kept documents and
    ``dedupe_key(k, n)``: canonical-URL keys, exact-text keys and LSH band keys,
    each a signed 64-bit integer that *is* the rowid, pointing to the first
    document seen with it. One indexed ``IN`` query per batch (``preload``)
    answers all three stages for its documents; a bulk store (``key_filter``)
    first drops the keys its ``KeyFilter`` knows are not there. Rows added since
    the last ``commit()`` wait in dicts (consulted by lookups) and are written
    with ``executemany`` at ``commit()``.
    """

    def __init__(self, path: Path | str | None = None, conn: sqlite3.Connection | None = None,
                 cache_mb: int = 256, key_filter: bool = False) -> None:
        if conn is None:
            from crawler.state.db import connect

            conn = connect(path) if path else sqlite3.connect(":memory:", isolation_level=None,
                                                               check_same_thread=False)
        self.path = path
        self._db = conn
        # Bulk runs only: reading the index's keys costs ~0.2 µs a key at the first batch.
        self._filter = KeyFilter() if key_filter else None
        self._db.execute(f"PRAGMA cache_size=-{cache_mb * 1024}")
        self._db.executescript("""
            CREATE TABLE IF NOT EXISTS dedupe_meta (k TEXT PRIMARY KEY, v TEXT) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS dedupe_doc (n INTEGER PRIMARY KEY, id TEXT, sig BLOB);
            CREATE TABLE IF NOT EXISTS dedupe_key (k INTEGER PRIMARY KEY, n INTEGER);
        """)
        self._reset_pending()

    def _reset_pending(self) -> None:
        # Document numbers for new rows are taken at commit time (another process
        # may have added documents meanwhile); until then they are local, negative.
        self._next_local = -1
        self._new_docs: dict[int, tuple[str, bytes | None]] = {}
        self._new_keys: dict[int, int] = {}
        self._n_of: dict[str, int] = {}
        # preload()'s keys and the committed rows among them.
        self._preloaded: set[int] = set()
        self._committed: dict[int, tuple[int, str, bytes | None]] = {}

    def check_params(self, params: dict[str, str]) -> None:
        stored = dict(self._db.execute("SELECT k, v FROM dedupe_meta").fetchall())
        check_stored_params(stored, params, str(self.path or ":memory:"))
        with self._write_lock():
            self._db.executemany("INSERT OR IGNORE INTO dedupe_meta VALUES (?, ?)",
                                 [*params.items(), ("schema", SCHEMA_VERSION)])

    @staticmethod
    def _keys(url: str | None, digest: int, bands: Sequence[int], want_exact: bool) -> list[int]:
        keys = list(bands)
        if want_exact:
            keys.append(digest)
        if url is not None:
            keys.append(url_key(url))
        return keys

    def _read(self, keys: Sequence[int]) -> dict[int, tuple[int, str, bytes | None]]:
        """The committed rows of ``keys``: key -> (document number, id, signature)."""
        hits: dict[int, tuple[int, str, bytes | None]] = {}
        # In chunks well under SQLite's limit of 32,766 parameters.
        for start in range(0, len(keys), 8192):
            part = keys[start:start + 8192]
            rows = self._db.execute(
                "SELECT k.k, d.n, d.id, d.sig FROM dedupe_key k JOIN dedupe_doc d ON d.n = k.n"
                f" WHERE k.k IN ({','.join('?' * len(part))})", part).fetchall()
            hits.update((k, (n, i, sig)) for k, n, i, sig in rows)
        return hits

    def preload(self, queries: Sequence[Query]) -> None:
        """Read the committed rows of a whole batch in one query (one statement and
        one file lock per batch instead of per document). Held until the next
        ``preload`` or ``commit``; what this store adds meanwhile is consulted as
        before, and keys another process commits meanwhile wait for this
        process' commit, where the first writer wins."""
        keys = [k for q in queries for k in self._keys(*q)]
        self._preloaded = set(keys)
        present = self._filter.present(self._db, keys) if self._filter is not None else None
        self._committed = self._read(keys if present is None else present)

    def lookup(self, url: str | None, digest: int, bands: Sequence[int],
               want_exact: bool = True) -> Lookup:
        keys = self._keys(url, digest, bands, want_exact)
        ukey = keys[-1] if url is not None else None
        committed = self._committed
        hits = {k: hit for k in keys if (hit := committed.get(k)) is not None}
        missing = [k for k in keys if k not in self._preloaded]
        if missing:
            hits.update(self._read(missing))
        if self._new_keys:
            for k in self._new_keys.keys() & keys:
                if k not in hits:
                    n = self._new_keys[k]
                    doc = self._new_docs.get(n)
                    if doc is None:  # a new URL key pointing to a committed document
                        doc = self._db.execute("SELECT id, sig FROM dedupe_doc WHERE n = ?",
                                               (n,)).fetchone()
                    hits[k] = (n, doc[0], doc[1])
        found = Lookup()
        for n, i, _ in hits.values():
            self._n_of[i] = n
        if ukey is not None and ukey in hits:
            found.url_id = hits[ukey][1]
        if want_exact and digest in hits:
            found.exact_id = hits[digest][1]
        seen: set[int] = set()
        for k in bands:
            hit = hits.get(k)
            if hit is not None and hit[0] not in seen and hit[2] is not None:
                seen.add(hit[0])
                found.candidates.append((hit[1], np.frombuffer(hit[2], dtype=np.uint32)))
        return found

    def _doc(self, doc_id: str, sig: bytes | None) -> int:
        n = self._next_local
        self._next_local -= 1
        self._new_docs[n] = (doc_id, sig)
        self._n_of[doc_id] = n
        return n

    def add_url(self, url: str, first_id: str) -> None:
        n = self._n_of.get(first_id)
        if n is None:  # a record without text: a document row with no signature
            n = self._doc(first_id, None)
        self._new_keys.setdefault(url_key(url), n)

    def add_doc(self, doc_id: str, digest: int, bands: Sequence[int], sig: Sig) -> None:
        n = self._doc(doc_id, sig.astype(np.uint32).tobytes())
        self._new_keys.setdefault(digest, n)
        for k in bands:
            self._new_keys.setdefault(k, n)

    def settle(self) -> bool:
        """Always ``True``: one process' adds wait for ``commit()``, where a key
        another process wrote first keeps its first document."""
        return True

    @contextlib.contextmanager
    def _write_lock(self) -> Iterator[None]:
        """One short write transaction; ``IMMEDIATE`` takes the write lock first,
        so a busy database makes it wait (busy timeout) instead of failing."""
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def commit(self) -> None:
        """Write what was added since the last commit, in one transaction.

        Keys are random, so a commit rewrites most pages of the key table: commit
        per crawled item (cheap at crawl speed) but per tens of thousands of
        records offline (``scrapy dedupe``). A key another process wrote first
        keeps its first document (first writer wins)."""
        if not self._new_docs and not self._new_keys:
            return
        with self._write_lock():
            generation = _generation(self._db)
            self._db.execute("INSERT OR REPLACE INTO dedupe_meta VALUES ('generation', ?)",
                             (str(generation + 1),))
            row = self._db.execute("SELECT max(n) FROM dedupe_doc").fetchone()
            # Local numbers are -1, -2, … in the order taken: -1 becomes base.
            base = (row[0] or 0) + 1
            self._db.executemany("INSERT INTO dedupe_doc VALUES (?, ?, ?)",
                                 [(base - 1 - n, i, s) for n, (i, s) in self._new_docs.items()])
            # In key order: each insert lands next to the one before in the b-tree.
            # (Sorted as one int64 array: a sort of a million tuples costs seconds.)
            keys = np.fromiter(self._new_keys, dtype=np.int64, count=len(self._new_keys))
            docs = np.fromiter(self._new_keys.values(), dtype=np.int64,
                               count=len(self._new_keys))
            docs = np.where(docs < 0, base - 1 - docs, docs)  # committed documents stay
            order = np.argsort(keys)
            self._db.executemany("INSERT OR IGNORE INTO dedupe_key VALUES (?, ?)",
                                 _rows_in_order(keys, docs, order))
        if self._filter is not None:
            self._filter.committed(generation, keys)
        self._reset_pending()

    def rollback(self) -> None:
        """Forget everything since the last ``commit()`` (what a crash does)."""
        self._reset_pending()

    def close(self) -> None:
        self.commit()
        self._db.close()
