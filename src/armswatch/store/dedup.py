"""Near-duplicate detection: MinHash over word 3-shingles of the folded body, LSH bands kept in the DB.

The MinHash is datasketch's classic ("legacy") scheme, computed here with numpy so the CLI does not pay
datasketch's import of scipy (~1 s) on every run: SHA-1 32-bit shingle hashes, 128 permutations
h -> (a*h + b) mod (2^61-1) & (2^32-1) with a, b drawn from RandomState(1). `tests/test_store_dedup.py`
checks the signatures equal `datasketch.MinHash(scheme="legacy")`.

Each stored document's 16 band hashes (8 rows each; LSH threshold about 0.7) go to `minhash_bands`, so a
new document finds its candidates with one indexed query in either backend and the index survives
restarts. Candidates are confirmed by estimated Jaccard >= THRESHOLD.

Ingest stores a document's hashes as one row of `minhash_pending` (its 16 hashes joined, in band order),
written next to the rows before it, and moves a batch of them to `minhash_bands` with the search postings
(`move_pending`): 16 random-keyed rows per document dirtied up to 16 leaf pages per transaction (WAL
frames), a batch sorted by key touches each page once. The look-up reads the pending rows too
(`pending_hits`: a hash equal in the same band, the test the indexed look-up makes), so the candidates
are the same whether a document's hashes are pending or not.
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


def joined(bands: list[tuple[int, str]]) -> str:
    """A document's band hashes as one `minhash_pending.bands` value (hashes in band order)."""
    return "".join(h for _, h in bands)


def pending_hits(bands: list[tuple[int, str]], pending: list[tuple[int, str]]) -> list[int]:
    """The documents of `pending` ((doc_pk, joined hashes) rows) that share a band with `bands`: an equal
    hash in the same band, as the look-up in `minhash_bands` finds them."""
    if not pending:
        return []
    pks, hashes = zip(*pending)
    mine = np.frombuffer(bytes.fromhex(joined(bands)), dtype=np.uint64)
    theirs = np.frombuffer(bytes.fromhex("".join(hashes)), dtype=np.uint64).reshape(-1, BANDS)
    return [pks[i] for i in np.flatnonzero((theirs == mine).any(axis=1))]


def move_pending(cur, dialect: str) -> int:
    """Move every `minhash_pending` row to `minhash_bands` (16 rows each, sorted by key), in the caller's
    transaction; returns how many documents. Taken with DELETE ... RETURNING, as `search.index_pending`."""
    from . import bulk

    cur.execute("DELETE FROM minhash_pending RETURNING doc_pk, bands")
    pending = cur.fetchall()
    rows = sorted((b, hs[16 * b:16 * b + 16], pk) for pk, hs in pending for b in range(BANDS))
    if rows:
        bulk.write_tables(cur, dialect, [(bulk.insert_sql(dialect, "minhash_bands", ("band", "hash", "doc_pk")), rows)])
    return len(pending)
