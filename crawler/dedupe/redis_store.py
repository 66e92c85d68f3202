"""The Redis backend of the dedupe state (``crawler.dedupe.store``), for
distributed crawls: one optimistic transaction per check and its inserts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from crawler.dedupe.minhash import Sig
from crawler.dedupe.store import (
    SCHEMA_VERSION,
    Lookup,
    Query,
    check_stored_params,
)


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
        check_stored_params(stored, params, f"{self.url} {self.prefix}")
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
