"""Character shingles, MinHash signatures and LSH band keys.

Chinese has no spaces, so a "word" split on ``\\W`` is a whole clause; the unit
here is the character k-gram of the normalised text (k chosen by measurement,
see docs/dedupe.md). Shingles are hashed with a vectorised rolling hash and
signed by rensa's ``RMinHash`` from the flat hash buffer, many documents per
call. The bench compares this with datasketch and with a NumPy reference
(``testkit/numpy_minhash.py``).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from crawler.dedupe.normalize import Codes

Sig = npt.NDArray[np.uint32]
U64 = npt.NDArray[np.uint64]

_MUL = np.uint64(0x100000001B3)  # FNV-1a 64-bit prime: spreads each added character
_MIX1 = np.uint64(0xFF51AFD7ED558CCD)  # murmur3 fmix64 constants: avalanche the
_MIX2 = np.uint64(0xC4CEB9FE1A85EC53)  # rolling hash so nearby k-grams look unrelated


_S33 = np.uint64(33)


def _fmix(h: U64) -> U64:
    """murmur3's finaliser, overwriting ``h`` (one scratch array instead of six
    new ones: a batch is hundreds of thousands of hashes)."""
    scratch = h >> _S33
    h ^= scratch
    h *= _MIX1
    np.right_shift(h, _S33, out=scratch)
    h ^= scratch
    h *= _MIX2
    np.right_shift(h, _S33, out=scratch)
    h ^= scratch
    return h


def shingle_hashes(codes: Codes, k: int) -> U64:
    """64-bit hashes of every character k-gram (a text shorter than k is one shingle)."""
    n = len(codes)
    if n == 0:
        return np.zeros(0, dtype=np.uint64)
    c = codes.astype(np.uint64)
    if n < k:
        k = n
    m = n - k + 1
    h = c[:m].copy()
    with np.errstate(over="ignore"):
        for j in range(1, k):
            h *= _MUL
            h += c[j : j + m]
        h += np.uint64(k)
        return _fmix(h)


class MinHasher:
    """Signs documents: ``sign(list of code arrays) -> (n, num_perm) uint32``."""

    def __init__(self, shingle: int, num_perm: int, seed: int = 1) -> None:
        self.shingle = shingle
        self.num_perm = num_perm
        self.seed = seed

    def _flat(self, docs: Sequence[Codes]) -> tuple[U64, U64]:
        """Every document's shingle hashes end to end, and where each starts."""
        k = self.shingle
        lengths = np.fromiter((len(d) for d in docs), dtype=np.int64, count=len(docs))
        if not len(docs) or bool(((lengths > 0) & (lengths < k)).any()):
            # A document shorter than a shingle is one shingle of its own length.
            parts = [shingle_hashes(d, k) for d in docs]
            counts = np.fromiter(map(len, parts), dtype=np.int64, count=len(parts))
            flat = np.concatenate(parts) if parts else np.zeros(0, dtype=np.uint64)
        else:
            # One rolling hash over the batch end to end (a few NumPy passes
            # instead of a few per document), then the windows that cross from
            # one document into the next are dropped: shingle_hashes' values.
            hashes = shingle_hashes(np.concatenate(docs), k)
            counts = np.maximum(lengths - k + 1, 0)
            ends = np.cumsum(lengths)
            inner = ends[(ends > 0) & (ends < len(hashes) + k - 1)]  # between two documents
            keep = np.ones(len(hashes), dtype=bool)
            for j in range(1, k):  # the windows starting 1..k-1 before a boundary cross it
                keep[inner - j] = False
            flat = hashes[keep]
        offsets = np.zeros(len(docs) + 1, dtype=np.uint64)
        np.cumsum(counts, out=offsets[1:])
        return flat, offsets

    def sign(self, docs: Sequence[Codes]) -> Sig:
        import rensa

        if not docs:
            return np.zeros((0, self.num_perm), dtype=np.uint32)
        flat, offsets = self._flat(docs)
        matrix = rensa.RMinHash.digest_matrix_from_flat_token_hashes(
            flat, offsets, self.num_perm, self.seed
        )
        sigs = np.array(matrix.to_rows(), dtype=np.uint32).reshape(len(docs), self.num_perm)
        # An empty document has no shingles; give it a signature that matches nothing.
        for i in np.flatnonzero(offsets[1:] == offsets[:-1]):
            sigs[i] = np.uint32(0xFFFFFFFF)
        return sigs


def band_keys(sigs: Sig, bands: int, rows: int | None = None) -> npt.NDArray[np.int64]:
    """(n, bands) signed 64-bit keys: band index and its rows hashed together.

    The band index is part of the key so one flat table holds every band. With
    ``bands * rows`` below the signature length, only the first values are banded
    (candidate search) while the whole signature still estimates similarity."""
    n, num_perm = sigs.shape
    rows = rows or num_perm // bands
    s = sigs[:, : bands * rows].reshape(n, bands, rows).astype(np.uint64)
    h = np.broadcast_to(np.arange(bands, dtype=np.uint64) + np.uint64(0x9E3779B97F4A7C15),
                        (n, bands)).copy()
    with np.errstate(over="ignore"):
        for j in range(rows):
            h = _fmix(h * _MUL + s[:, :, j])
    return h.view(np.int64)
