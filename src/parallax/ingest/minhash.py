"""MinHash signatures and LSH bands for near-duplicate detection at any corpus size.

Two articles whose word 5-shingle sets have Jaccard similarity J agree on each of the
signature's positions with probability J, so the share of equal positions estimates J.
Signatures are cut into bands; articles sharing a band bucket are candidates, which keeps
the lookup near-constant per article instead of comparing every pair. With 16 bands of 8
rows, pairs at J = 0.8 become candidates with probability above 0.9, pairs at J = 0.5
with under 0.07.

Hashing is multiply-shift over 64-bit words (a 2-universal family), done with numpy on
whole arrays, so no per-shingle Python loop runs per permutation.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np
import numpy.typing as npt

PERMUTATIONS = 128
BANDS = 16
ROWS = PERMUTATIONS // BANDS
SHINGLE_WORDS = 5
_WORD = re.compile(r"\w+")
_rng = np.random.default_rng(20260223)
_A = _rng.integers(1, 2**63, size=PERMUTATIONS, dtype=np.uint64) | np.uint64(1)
_B = _rng.integers(0, 2**63, size=PERMUTATIONS, dtype=np.uint64)


def _shingle_hashes(text: str) -> npt.NDArray[np.uint64]:
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE_WORDS:
        shingles = {" ".join(words)} if words else set()
    else:
        shingles = {
            " ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)
        }
    digests = [
        int.from_bytes(hashlib.blake2b(s.encode(), digest_size=8).digest(), "little")
        for s in shingles
    ]
    return np.array(digests, dtype=np.uint64)


def signature(text: str) -> npt.NDArray[np.uint32]:
    """The MinHash signature of ``text`` (``PERMUTATIONS`` 32-bit values)."""
    hashes = _shingle_hashes(text)
    if hashes.size == 0:
        return np.full(PERMUTATIONS, 2**32 - 1, dtype=np.uint32)
    with np.errstate(over="ignore"):
        mixed = hashes[None, :] * _A[:, None] + _B[:, None]  # wraps mod 2**64 on purpose
    result: npt.NDArray[np.uint32] = (mixed >> np.uint64(32)).min(axis=1).astype(np.uint32)
    return result


def bands(sig: npt.NDArray[np.uint32]) -> list[int]:
    """One bucket id per band (a 63-bit hash of the band's rows)."""
    return [
        int.from_bytes(
            hashlib.blake2b(sig[b * ROWS : (b + 1) * ROWS].tobytes(), digest_size=8).digest(),
            "little",
        )
        >> 1
        for b in range(BANDS)
    ]


def to_bytes(sig: npt.NDArray[np.uint32]) -> bytes:
    """Serialise a signature for storage."""
    return sig.astype("<u4").tobytes()


def from_bytes(data: bytes) -> npt.NDArray[np.uint32]:
    """Read a stored signature."""
    return np.frombuffer(data, dtype="<u4").astype(np.uint32)


def similarity(a: npt.NDArray[np.uint32], b: npt.NDArray[np.uint32]) -> float:
    """Estimated Jaccard similarity of the shingle sets behind two signatures."""
    return float(np.mean(a == b))
