"""Deduplication without Scrapy: normalisation, shingles, MinHash/LSH, state stores.

See docs/dedupe.md for the stages, the measured parameters and the state layout.
"""

from crawler.dedupe.engine import (
    DedupeConfig,
    Deduper,
    Doc,
    Verdict,
    open_store,
)
from crawler.dedupe.normalize import normalise, normalised_codes
from crawler.dedupe.redis_store import RedisStore
from crawler.dedupe.sqlite_store import SQLiteStore
from crawler.dedupe.store import DedupeStore, ParamsMismatch

__all__ = [
    "DedupeConfig",
    "DedupeStore",
    "Deduper",
    "Doc",
    "ParamsMismatch",
    "RedisStore",
    "SQLiteStore",
    "Verdict",
    "normalise",
    "normalised_codes",
    "open_store",
]
