"""Dedupe state: canonical URLs, exact hashes and LSH band keys, each mapped to
the id of the first copy seen, plus the signature of every kept document (to
verify an LSH candidate before calling it a near duplicate).

Two backends with one interface:

* ``SQLiteStore`` — a file under ``STATE_DIR`` (default). What is added waits in
  memory until ``commit()`` writes it in one short ``BEGIN IMMEDIATE``
  transaction; reads run outside any transaction. So several processes share the
  file (a writer waits for another, never fails on a stale snapshot), and a crash
  before ``commit()`` forgets the uncommitted documents (they are kept again next
  run — never lost).
* ``RedisStore`` — hashes under ``DEDUP_REDIS_PREFIX`` on a shared server, for
  distributed crawls. A check and its insert are one optimistic transaction:
  ``lookup`` WATCHes the key hashes, the ``add_*`` that follow are queued, and
  ``settle()`` applies them in MULTI/EXEC; when another worker wrote in between,
  EXEC fails, nothing is written and the engine checks the document again
  against what is there now. So two workers never both keep near copies.
  ``commit()`` is a no-op: each settled check is applied when made.

Compact on purpose: every key is a 64-bit integer that *is* the rowid of one
table, pointing to a document number, so a million documents × bands stays on
disk, not in Python dicts.
"""

from __future__ import annotations

import contextlib
import hashlib
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from crawler.dedupe.minhash import Sig

SCHEMA_VERSION = "1"


@dataclass
class Lookup:
    url_id: str | None = None
    exact_id: str | None = None
    # (first id, signature) of kept documents sharing at least one band.
    candidates: list[tuple[str, Sig]] = field(default_factory=list)


# lookup()'s arguments: canonical URL, text digest, band keys, want_exact.
Query = tuple[str | None, int, Sequence[int], bool]


class DedupeStore(Protocol):
    def check_params(self, params: dict[str, str]) -> None: ...

    def lookup(self, url: str | None, digest: int, bands: Sequence[int],
               want_exact: bool = True) -> Lookup: ...

    def preload(self, queries: Sequence[Query]) -> None:
        """A hint: the ``lookup``s of ``queries`` follow (a batch). A store may read
        what they need at once; lookups still see every ``add_*`` made since."""
        ...

    def add_url(self, url: str, first_id: str) -> None: ...

    def add_doc(self, doc_id: str, digest: int, bands: Sequence[int], sig: Sig) -> None: ...

    def settle(self) -> bool:
        """Apply the ``add_*`` since the last ``lookup`` atomically with it: ``False``
        (nothing written) when the state changed in between, so the check must be
        made again."""
        ...

    def commit(self) -> None: ...

    def close(self) -> None: ...


class ParamsMismatch(RuntimeError):
    """The state was built with other shingle/permutation/band settings."""


def _check(stored: dict[str, str], params: dict[str, str], where: str) -> None:
    for key, value in params.items():
        if key in stored and stored[key] != value:
            raise ParamsMismatch(
                f"dedupe state {where} was built with {key}={stored[key]}, settings say {value};"
                " signatures are not comparable (use another state, or keep the settings)")


def url_key(url: str) -> int:
    """Signed 64-bit key of a canonical URL (its own hash namespace)."""
    return int.from_bytes(hashlib.blake2b(url.encode("utf-8"), digest_size=8,
                                          person=b"dedupe-url").digest(), "little", signed=True)


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
        _check(stored, params, str(self.path or ":memory:"))
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


class RedisStore:
    """Hashes ``{prefix}url``, ``{prefix}exact``, ``{prefix}band`` (key -> first id),
    ``{prefix}sig`` (id -> signature) and ``{prefix}meta`` on one server."""

    # No default prefix: DEDUP_REDIS_PREFIX (crawler/settings.py) is the one default.
    def __init__(self, url: str, prefix: str, client: Any = None) -> None:
        import redis

        # Any: redis-py's stubs type replies as bytes | str; we never decode on the client.
        self._r: Any = client if client is not None else redis.Redis.from_url(url)
        self.prefix = prefix
        self.url = url
        p = prefix
        self._k_url, self._k_exact, self._k_band = f"{p}url", f"{p}exact", f"{p}band"
        self._k_sig, self._k_meta = f"{p}sig", f"{p}meta"
        self._watch: Any = None  # the pipeline of the check in progress (WATCHing)
        self._ops: list[tuple[str, str, str, Any]] = []
        self.conflicts = 0  # checks made again because another worker wrote first

    def check_params(self, params: dict[str, str]) -> None:
        raw = self._r.hgetall(self._k_meta)
        stored = {k.decode(): v.decode() for k, v in raw.items()}
        _check(stored, params, f"{self.url} {self.prefix}")
        pipe = self._r.pipeline()
        for k, v in {**params, "schema": SCHEMA_VERSION}.items():
            pipe.hsetnx(self._k_meta, k, v)
        pipe.execute()

    def lookup(self, url: str | None, digest: int, bands: Sequence[int],
               want_exact: bool = True) -> Lookup:
        self._discard()
        pipe = self._r.pipeline()
        # WATCH first: a write to any of these hashes by another worker between
        # here and settle() makes its EXEC fail (optimistic locking).
        pipe.watch(self._k_url, self._k_exact, self._k_band)
        self._watch, self._ops = pipe, []
        url_hit = pipe.hget(self._k_url, url) if url is not None else None
        exact_hit = pipe.hget(self._k_exact, str(digest)) if want_exact else None
        found = Lookup(url_id=url_hit.decode() if url_hit else None,
                       exact_id=exact_hit.decode() if exact_hit else None)
        if bands:
            ids = sorted({v.decode() for v in pipe.hmget(self._k_band, [str(k) for k in bands])
                          if v})
            if ids:
                sigs = pipe.hmget(self._k_sig, ids)
                found.candidates = [(i, np.frombuffer(s, dtype=np.uint32))
                                    for i, s in zip(ids, sigs, strict=True) if s]
        return found

    def preload(self, queries: Sequence[Query]) -> None:
        """Nothing: each lookup WATCHes and reads its own keys (see ``settle``)."""

    def add_url(self, url: str, first_id: str) -> None:
        self._op(("hsetnx", self._k_url, url, first_id))

    def add_doc(self, doc_id: str, digest: int, bands: Sequence[int], sig: Sig) -> None:
        self._op(("hsetnx", self._k_exact, str(digest), doc_id))
        if bands:
            self._op(("hsetnx", self._k_sig, doc_id, sig.astype(np.uint32).tobytes()))
            for k in bands:
                self._op(("hsetnx", self._k_band, str(k), doc_id))

    def _op(self, op: tuple[str, str, str, Any]) -> None:
        if self._watch is not None:
            self._ops.append(op)
        else:  # an add without a lookup before it: applied at once, first writer wins
            getattr(self._r, op[0])(*op[1:])

    def settle(self) -> bool:
        import redis

        pipe, ops = self._watch, self._ops
        self._watch, self._ops = None, []
        if pipe is None:
            return True
        try:
            if not ops:
                return True  # nothing to write: the lookup's answer stands
            pipe.multi()
            for name, *args in ops:
                getattr(pipe, name)(*args)
            pipe.execute()
            return True
        except redis.WatchError:
            self.conflicts += 1
            return False
        finally:
            pipe.reset()

    def _discard(self) -> None:
        if self._watch is not None:
            self._watch.reset()
        self._watch, self._ops = None, []

    def commit(self) -> None:
        """Nothing to do: every ``add_*`` is applied on the server when made."""

    def close(self) -> None:
        self._discard()
        self._r.close()
