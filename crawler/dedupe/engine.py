"""The three dedupe stages over one store: canonical URL -> exact hash of the
normalised text -> MinHash/LSH near duplicate, verified against the candidate's
signature. Shared by the item pipeline and ``scrapy dedupe``.

Only documents that are kept are indexed (their text hash, bands and
signature), so ``duplicate_of`` always names a kept first copy. A duplicate's
canonical URL is recorded too, pointing to that first copy.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from crawler import settings as project_defaults
from crawler.config import DEDUP_BACKENDS, DEDUP_MODES, project_settings
from crawler.dedupe.minhash import MinHasher, Sig, band_keys
from crawler.dedupe.normalize import Codes, normalised_codes
from crawler.dedupe.store import DedupeStore, Query, RedisStore, SQLiteStore
from crawler.urls import canonical_url

# The defaults are crawler/settings.py's (chosen by the measurement in
# docs/dedupe.md); named here for code that builds a DedupeConfig directly.
DEFAULT_SHINGLE: int = project_defaults.DEDUP_SHINGLE
DEFAULT_NUM_PERM: int = project_defaults.DEDUP_NUM_PERM
DEFAULT_BANDS: int = project_defaults.DEDUP_BANDS
DEFAULT_ROWS: int = project_defaults.DEDUP_ROWS
DEFAULT_THRESHOLD: float = project_defaults.DEDUP_THRESHOLD
MODES = DEDUP_MODES
BACKENDS = DEDUP_BACKENDS


@dataclass(frozen=True)
class DedupeConfig:
    """The engine's parameters. ``from_settings`` fills them from the validated
    ``DEDUP_*`` settings (crawler.config); code may also build one directly
    (tests, the bench), checked here again."""

    enabled: bool = project_defaults.DEDUP_ENABLED
    mode: str = project_defaults.DEDUP_MODE
    backend: str = project_defaults.DEDUP_BACKEND
    threshold: float = DEFAULT_THRESHOLD
    shingle: int = DEFAULT_SHINGLE
    num_perm: int = DEFAULT_NUM_PERM
    bands: int = DEFAULT_BANDS
    # 0 only from code (the bench's sweep): num_perm // bands. The DEDUP_ROWS
    # setting must be >= 1, so a setting has one meaning.
    rows: int = DEFAULT_ROWS
    seed: int = project_defaults.DEDUP_SEED
    # Offline use (scrapy dedupe, tests): one record in two inputs is a duplicate.
    # Crawls take DEDUP_SAME_ID_IS_DUPLICATE (False) through from_settings.
    same_id_is_duplicate: bool = True
    commit_every: int = project_defaults.DEDUP_COMMIT_EVERY
    sqlite_path: str | None = project_defaults.DEDUP_SQLITE_PATH
    redis_url: str = project_defaults.DEDUP_REDIS_URL
    redis_prefix: str = project_defaults.DEDUP_REDIS_PREFIX

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ValueError(f"DEDUP_MODE must be one of {MODES}, not {self.mode!r}")
        if self.backend not in BACKENDS:
            raise ValueError(f"DEDUP_BACKEND must be one of {BACKENDS}, not {self.backend!r}")
        if not 0.0 < self.threshold <= 1.0:
            raise ValueError(f"DEDUP_THRESHOLD must be in (0, 1], not {self.threshold}")
        if self.shingle < 1 or self.num_perm < 1 or self.bands < 1 or self.rows < 0:
            raise ValueError("DEDUP_SHINGLE, DEDUP_NUM_PERM and DEDUP_BANDS must be >= 1")
        if self.bands * self.band_rows > self.num_perm or self.band_rows < 1:
            raise ValueError(f"DEDUP_BANDS x DEDUP_ROWS ({self.bands} x {self.band_rows}) must "
                             f"fit in DEDUP_NUM_PERM ({self.num_perm})")
        if self.commit_every < 1:
            raise ValueError(f"DEDUP_COMMIT_EVERY must be >= 1, not {self.commit_every}")

    @property
    def band_rows(self) -> int:
        return self.rows or self.num_perm // self.bands

    @classmethod
    def from_settings(cls, settings: Any) -> DedupeConfig:
        """The ``DEDUP_*`` settings, validated once by ``crawler.config.project_settings``
        (a Scrapy ``Settings``, or a plain dict of overrides of crawler/settings.py);
        ``SettingsError`` names a bad one."""
        p = project_settings(settings)
        return cls(
            enabled=p.dedup_enabled,
            mode=p.dedup_mode,
            backend=p.dedup_backend,
            threshold=p.dedup_threshold,
            shingle=p.dedup_shingle,
            num_perm=p.dedup_num_perm,
            bands=p.dedup_bands,
            rows=p.dedup_rows,
            seed=p.dedup_seed,
            same_id_is_duplicate=p.dedup_same_id_is_duplicate,
            commit_every=p.dedup_commit_every,
            sqlite_path=None if p.dedup_sqlite_path is None else str(p.dedup_sqlite_path),
            redis_url=p.dedup_redis_url,
            redis_prefix=p.dedup_redis_prefix,
        )

    @property
    def params(self) -> dict[str, str]:
        """What the stored signatures and band keys depend on."""
        return {"shingle": str(self.shingle), "num_perm": str(self.num_perm),
                "bands": str(self.bands), "rows": str(self.band_rows), "seed": str(self.seed),
                "minhash": "rensa-rmh-v1"}


def open_store(config: DedupeConfig, settings: Any = None, bulk: bool = False) -> DedupeStore:
    """The configured backend; SQLite at ``DEDUP_SQLITE_PATH``, by default
    ``STATE_DIR/dedupe/dedupe.sqlite3``. ``bulk``: many documents in batches
    (``scrapy dedupe``): SQLite also keeps a bit per key in memory (``KeyFilter``)."""
    store: DedupeStore
    if config.backend == "redis":
        store = RedisStore(config.redis_url, config.redis_prefix)
    else:
        path = config.sqlite_path
        if path is None:
            from crawler.state import state_dir

            if settings is None:
                raise ValueError("settings (for STATE_DIR) or DEDUP_SQLITE_PATH is needed")
            path = str(state_dir(settings, "dedupe") / "dedupe.sqlite3")
        store = SQLiteStore(path, key_filter=bulk)
    store.check_params(config.params)
    return store


@dataclass(frozen=True)
class Doc:
    """What dedupe looks at: the record id, its URL and its clean text."""

    id: str
    url: str | None
    text: str


@dataclass(frozen=True)
class Verdict:
    stage: str | None  # None (kept), "url", "exact", "near"; "empty" when there is no text
    first_id: str | None = None
    score: float = 1.0

    @property
    def duplicate(self) -> bool:
        return self.stage in ("url", "exact", "near")

    def reason(self) -> str:
        if self.stage == "near":
            return f"near duplicate of {self.first_id} (similarity {self.score:.2f})"
        if self.stage == "url":
            return f"same canonical URL as {self.first_id}"
        return f"{self.stage} duplicate of {self.first_id}"


@dataclass(frozen=True)
class Prepared:
    doc: Doc
    url: str | None
    codes: Codes
    digest: int


class Deduper:
    def __init__(self, config: DedupeConfig, store: DedupeStore) -> None:
        self.config = config
        self.store = store
        self.hasher = MinHasher(config.shingle, config.num_perm, config.seed)
        self._pending = 0

    def prepare(self, doc: Doc) -> Prepared:
        url = None
        if doc.url:
            try:
                url = canonical_url(doc.url)
            except ValueError:
                url = None
        codes = normalised_codes(doc.text or "")
        # 64 bits of BLAKE2b: collision odds for 10^7 documents ~ 3e-6.
        digest = int.from_bytes(hashlib.blake2b(codes.tobytes(), digest_size=8).digest(),
                                "little", signed=True)
        return Prepared(doc, url, codes, digest)

    def check_many(self, docs: Sequence[Doc]) -> list[Verdict]:
        """Verdicts in order; each document sees those before it (same batch included)."""
        prepared = [self.prepare(d) for d in docs]
        sigs = self.hasher.sign([p.codes for p in prepared])
        keys = band_keys(sigs, self.config.bands, self.config.band_rows).tolist()
        queries = [(p.url, p.digest, keys[i] if len(p.codes) else [], bool(len(p.codes)))
                   for i, p in enumerate(prepared)]
        self.store.preload(queries)
        return [self._check(prepared[i], sigs[i], q) for i, q in enumerate(queries)]

    def check(self, doc: Doc) -> Verdict:
        return self.check_many([doc])[0]

    def _other(self, first_id: str | None, doc: Doc) -> bool:
        """A match counts unless it is this very record seen again and the
        configuration says that is not a duplicate (re-fetch)."""
        return first_id is not None and (self.config.same_id_is_duplicate or first_id != doc.id)

    def _check(self, p: Prepared, sig: Sig, query: Query) -> Verdict:
        # The store applies the check's inserts atomically with its lookup, or
        # refuses them when another process wrote in between (Redis, several
        # workers): then the check is made again against what is there now.
        while True:
            verdict = self._decide(p, sig, query)
            if self.store.settle():
                break
        self._pending += 1
        if self._pending >= self.config.commit_every:
            self.commit()
        return verdict

    def _decide(self, p: Prepared, sig: Sig, query: Query) -> Verdict:
        doc = p.doc
        _, _, bands, has_text = query
        found = self.store.lookup(*query)
        verdict: Verdict
        if self._other(found.url_id, doc):
            verdict = Verdict("url", found.url_id)
        elif not has_text:
            verdict = Verdict("empty")
        elif self._other(found.exact_id, doc):
            verdict = Verdict("exact", found.exact_id)
        else:
            verdict = Verdict(None)
            cands = [(i, s) for i, s in found.candidates
                     if self._other(i, doc) and len(s) == len(sig)]
            if cands:
                # One numpy comparison for all candidates: estimated Jaccard each.
                scores = (np.stack([s for _, s in cands]) == sig).mean(axis=1)
                best = int(scores.argmax())
                if scores[best] >= self.config.threshold:
                    verdict = Verdict("near", cands[best][0], float(scores[best]))
        if verdict.stage is None and found.exact_id != doc.id:
            # (The record itself, unchanged, is indexed already.)
            self.store.add_doc(doc.id, p.digest, bands, sig)
        if p.url is not None:
            self.store.add_url(p.url, verdict.first_id if verdict.duplicate and verdict.first_id
                               else doc.id)
        return verdict

    def commit(self) -> None:
        self.store.commit()
        self._pending = 0

    def close(self) -> None:
        self.commit()
        self.store.close()

    def abort(self) -> None:
        """Close without committing: state since the last ``commit()`` is forgotten."""
        rollback = getattr(self.store, "rollback", None)
        if rollback is not None:
            rollback()
        self.store.close()
