"""Near-duplicate detection: MinHash over word 3-shingles of the folded body, LSH bands kept in the DB.

The MinHash is datasketch's classic ("legacy") scheme, computed here with numpy so the CLI does not pay
datasketch's import of scipy (~1 s) on every run: SHA-1 32-bit shingle hashes, 128 permutations
h -> (a*h + b) mod (2^61-1) & (2^32-1) with a, b drawn from RandomState(1). `tests/test_store_dedup.py`
checks the signatures equal `datasketch.MinHash(scheme="legacy")`.

Each stored document's 16 band hashes (8 rows each; LSH threshold about 0.7) go to `minhash_bands`, so a
new document finds its candidates with one indexed query in either backend and the index survives
restarts. Candidates are confirmed by estimated Jaccard >= THRESHOLD.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache

import numpy as np

NUM_PERM = 128
SEED = 1
BANDS = 16
ROWS = NUM_PERM // BANDS
THRESHOLD = 0.7
SHINGLE = 3
_MERSENNE = np.uint64((1 << 61) - 1)
_MAX_HASH = np.uint64((1 << 32) - 1)


@lru_cache(maxsize=1)
def _perms() -> tuple[np.ndarray, np.ndarray]:
    gen = np.random.RandomState(SEED)
    ab = np.array([(gen.randint(1, _MERSENNE, dtype=np.uint64), gen.randint(0, _MERSENNE, dtype=np.uint64))
                   for _ in range(NUM_PERM)], dtype=np.uint64).T
    return ab[0], ab[1]


def shingles(toks: list[str]) -> set[str]:
    if len(toks) < SHINGLE:
        return {" ".join(toks)}
    return {f"{a} {b} {c}" for a, b, c in zip(toks, toks[1:], toks[2:])}  # SHINGLE = 3


def signature(toks: list[str]) -> np.ndarray:
    """The 128 MinHash values (uint64) of the document's word 3-shingles."""
    sha1 = hashlib.sha1
    hv = np.frombuffer(b"".join([sha1(s.encode("utf-8")).digest()[:4] for s in shingles(toks)]),
                       dtype="<u4").astype(np.uint64)[:, None]  # each shingle's first 4 digest bytes, little-endian
    a, b = _perms()
    with np.errstate(over="ignore"):
        phv = np.bitwise_and((hv * a + b) % _MERSENNE, _MAX_HASH)
    return np.minimum(np.full(NUM_PERM, _MAX_HASH, dtype=np.uint64), phv.min(axis=0))


def signature_bytes(sig: np.ndarray) -> bytes:
    return sig.astype(np.uint64).tobytes()


def signature_from_bytes(b: bytes) -> np.ndarray:
    return np.frombuffer(b, dtype=np.uint64)


def band_hashes(hv: np.ndarray) -> list[tuple[int, str]]:
    hv = hv.astype(np.uint64)
    return [(b, hashlib.blake2b(hv[b * ROWS:(b + 1) * ROWS].tobytes(), digest_size=8).hexdigest())
            for b in range(BANDS)]


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.count_nonzero(a == b)) / len(a)
