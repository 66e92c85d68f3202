"""A pure-NumPy MinHash: the reference the tests and bench/bench_dedupe.py
compare the product's rensa-based signatures with (not used by the crawler)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from crawler.dedupe.minhash import MinHasher, Sig, shingle_hashes
from crawler.dedupe.normalize import Codes


class NumpyMinHash(MinHasher):
    """Pure-numpy MinHash (multiply-shift permutations), kept for the bench comparison."""

    def __init__(self, shingle: int, num_perm: int, seed: int = 1) -> None:
        super().__init__(shingle, num_perm, seed)
        rng = np.random.default_rng(seed)
        self._a = rng.integers(1, 2**63, size=num_perm, dtype=np.uint64) | np.uint64(1)
        self._b = rng.integers(0, 2**63, size=num_perm, dtype=np.uint64)

    def sign(self, docs: Sequence[Codes]) -> Sig:
        out = np.full((len(docs), self.num_perm), 0xFFFFFFFF, dtype=np.uint32)
        with np.errstate(over="ignore"):
            for i, d in enumerate(docs):
                h = np.unique(shingle_hashes(d, self.shingle))
                if len(h):
                    perm = (h[:, None] * self._a[None, :] + self._b[None, :]) >> np.uint64(32)
                    out[i] = perm.min(axis=0)
        return out
