"""Dedupe state: canonical URLs, exact hashes and LSH band keys, each mapped to
the id of the first copy seen, plus the signature of every kept document (to
verify an LSH candidate before calling it a near duplicate).

The interface (``DedupeStore``) and what the backends share live here; each
backend is a module of its own:

* ``SQLiteStore`` (``sqlite_store``) — a file under ``STATE_DIR`` (default).
  What is added waits in memory until ``commit()`` writes it in one short ``BEGIN IMMEDIATE``
  transaction; reads run outside any transaction. So several processes share the
  file (a writer waits for another, never fails on a stale snapshot), and a crash
  before ``commit()`` forgets the uncommitted documents (they are kept again next
  run — never lost).
* ``RedisStore`` (``redis_store``) — hashes under ``DEDUP_REDIS_PREFIX`` on a
  shared server, for distributed crawls. A check and its insert are one optimistic transaction:
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

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

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


def check_stored_params(stored: dict[str, str], params: dict[str, str], where: str) -> None:
    for key, value in params.items():
        if key in stored and stored[key] != value:
            raise ParamsMismatch(
                f"dedupe state {where} was built with {key}={stored[key]}, settings say {value};"
                " signatures are not comparable (use another state, or keep the settings)")


def url_key(url: str) -> int:
    """Signed 64-bit key of a canonical URL (its own hash namespace)."""
    return int.from_bytes(hashlib.blake2b(url.encode("utf-8"), digest_size=8,
                                          person=b"dedupe-url").digest(), "little", signed=True)
