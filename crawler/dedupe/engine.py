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
from crawler.dedupe.normalize import Codes, normalised_views
from crawler.dedupe.redis_store import RedisStore
from crawler.dedupe.specifics import Agreement, Hashes, agree, keys_many
from crawler.dedupe.sqlite_store import SQLiteStore
from crawler.dedupe.store import DedupeStore, Query
from crawler.urls import canonical_url

# The defaults are crawler/settings.py's (chosen by the measurement in
# docs/dedupe.md); named here for code that builds a DedupeConfig directly.
DEFAULT_SHINGLE: int = project_defaults.DEDUP_SHINGLE
DEFAULT_NUM_PERM: int = project_defaults.DEDUP_NUM_PERM
DEFAULT_BANDS: int = project_defaults.DEDUP_BANDS
DEFAULT_ROWS: int = project_defaults.DEDUP_ROWS
DEFAULT_THRESHOLD: float = project_defaults.DEDUP_THRESHOLD
DEFAULT_NEAR_MIN_CHARS: int = project_defaults.DEDUP_NEAR_MIN_CHARS

# Stored after a kept document's signature (same blob, both backends): this
# marker, its normalised length, the number of specifics keys, the keys. A row
# written before (the signature alone) has no specifics: see _candidate.
SPECIFICS_MARK = 0x53504543  # "SPEC"
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
    # Shorter normalised texts (headlines, two-line notices) are duplicates
    # only when exactly equal: see docs/dedupe.md.
    near_min_chars: int = DEFAULT_NEAR_MIN_CHARS
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
        if self.near_min_chars < 0:
            raise ValueError(f"DEDUP_NEAR_MIN_CHARS must be >= 0, not {self.near_min_chars}")
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
            near_min_chars=p.dedup_near_min_chars,
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
    # Near stage: the specifics compared with ``first_id`` (a duplicate), or for
    # a kept record with the most similar candidate that was not confirmed.
    agreement: Agreement | None = None
    # Kept although a candidate reached the threshold: "person", "place",
    # "figures" (the specifics differ) or "unconfirmed" (an index row without them).
    distinct: str | None = None
    distinct_from: str | None = None
    short: bool = False  # below DEDUP_NEAR_MIN_CHARS: judged exactly only

    @property
    def duplicate(self) -> bool:
        return self.stage in ("url", "exact", "near")

    def reason(self) -> str:
        if self.stage == "near":
            why = f": {self.agreement.describe()}" if self.agreement is not None else ""
            return f"near duplicate of {self.first_id} (similarity {self.score:.2f}{why})"
        if self.stage == "url":
            return f"same canonical URL as {self.first_id}"
        if self.stage is None:
            if self.distinct is not None:
                why = (self.agreement.describe() if self.agreement is not None
                       else "its index row predates specifics: not confirmed")
                return (f"kept: similar to {self.distinct_from} (similarity {self.score:.2f}) "
                        f"but {why}")
            if self.short:
                return "kept: a short text, a duplicate only when exactly equal"
            return "kept: no similar record"
        return f"{self.stage} duplicate of {self.first_id}"


@dataclass(frozen=True)
class Prepared:
    doc: Doc
    url: str | None
    codes: Codes
    marked: Codes  # with separators: what the specifics are read from
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
        codes, marked = normalised_views(doc.text or "")
        # 64 bits of BLAKE2b: collision odds for 10^7 documents ~ 3e-6.
        digest = int.from_bytes(hashlib.blake2b(codes.tobytes(), digest_size=8).digest(),
                                "little", signed=True)
        return Prepared(doc, url, codes, marked, digest)

    def _near(self, p: Prepared) -> bool:
        """Long enough for the near stage (shorter: exact only)."""
        return len(p.codes) >= max(1, self.config.near_min_chars)

    def check_many(self, docs: Sequence[Doc]) -> list[Verdict]:
        """Verdicts in order; each document sees those before it (same batch included)."""
        prepared = [self.prepare(d) for d in docs]
        sigs = self.hasher.sign([p.codes for p in prepared])
        keys = band_keys(sigs, self.config.bands, self.config.band_rows).tolist()
        specs = keys_many([p.marked for p in prepared])
        # A short text is neither banded nor compared: only its exact hash counts.
        queries = [(p.url, p.digest, keys[i] if self._near(p) else [], bool(len(p.codes)))
                   for i, p in enumerate(prepared)]
        self.store.preload(queries)
        return [self._check(prepared[i], sigs[i], specs[i], q) for i, q in enumerate(queries)]

    def check(self, doc: Doc) -> Verdict:
        return self.check_many([doc])[0]

    def _other(self, first_id: str | None, doc: Doc) -> bool:
        """A match counts unless it is this very record seen again and the
        configuration says that is not a duplicate (re-fetch)."""
        return first_id is not None and (self.config.same_id_is_duplicate or first_id != doc.id)

    def _check(self, p: Prepared, sig: Sig, spec: Hashes, query: Query) -> Verdict:
        # The store applies the check's inserts atomically with its lookup, or
        # refuses them when another process wrote in between (Redis, several
        # workers): then the check is made again against what is there now.
        while True:
            verdict = self._decide(p, sig, spec, query)
            if self.store.settle():
                break
        self._pending += 1
        if self._pending >= self.config.commit_every:
            self.commit()
        return verdict

    def _decide(self, p: Prepared, sig: Sig, spec: Hashes, query: Query) -> Verdict:
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
        elif not self._near(p):
            verdict = Verdict(None, short=True)
        else:
            verdict = self._near_stage(doc, sig, spec, found.candidates)
        if verdict.stage is None and found.exact_id != doc.id:
            # (The record itself, unchanged, is indexed already.)
            stored = np.concatenate([sig.astype(np.uint32), np.array(
                [SPECIFICS_MARK, len(p.codes), len(spec)], dtype=np.uint32), spec])
            self.store.add_doc(doc.id, p.digest, bands, stored)
        if p.url is not None:
            self.store.add_url(p.url, verdict.first_id if verdict.duplicate and verdict.first_id
                               else doc.id)
        return verdict

    def _near_stage(self, doc: Doc, sig: Sig, spec: Hashes,
                    candidates: list[tuple[str, Sig]]) -> Verdict:
        """The most similar candidate at or above the threshold whose specifics
        agree; else kept, with the most similar one that did not confirm."""
        n = self.config.num_perm
        cands = [(i, s) for i, s in candidates if self._other(i, doc) and len(s) >= n]
        if not cands:
            return Verdict(None)
        # One numpy comparison for all candidates: estimated Jaccard each.
        scores = (np.stack([s[:n] for _, s in cands]) == sig).mean(axis=1)
        rejected: Verdict | None = None
        for j in np.argsort(-scores, kind="stable").tolist():
            score = float(scores[j])
            if score < self.config.threshold:
                break
            first_id, stored = cands[j]
            if len(stored) < n + 3 or int(stored[n]) != SPECIFICS_MARK:
                # Indexed before specifics were stored: nothing to confirm
                # with, and a lost article costs more than a duplicate.
                rejected = rejected or Verdict(None, score=score, distinct="unconfirmed",
                                               distinct_from=first_id)
                continue
            if int(stored[n + 1]) < self.config.near_min_chars:
                continue  # a short text is only ever an exact duplicate
            agreement = agree(stored[n + 3:n + 3 + int(stored[n + 2])], spec)
            if agreement.agree:
                return Verdict("near", first_id, score, agreement)
            rejected = rejected or Verdict(None, score=score, agreement=agreement,
                                           distinct=agreement.differs,
                                           distinct_from=first_id)
        return rejected or Verdict(None)

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
