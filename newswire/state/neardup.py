"""Near-duplicate signatures of article bodies (MinHash, banded for LSH lookups).

A syndicated copy of a release (``(MENAFN- Business Wire)`` reposts, Yahoo copies) is
the same text give or take a dateline, a disclaimer line or a changed figure, so exact
hashes miss it. Each body becomes a 64-value MinHash signature (datasketch) over
5-word shingles of its fingerprint; its first 60 values are cut into 12 bands of 5 and
every band hashed into one 32-bit bucket. Stories sharing a bucket are candidates,
confirmed when the signatures agree on at least ``THRESHOLD`` of their values (the
estimated Jaccard similarity). With 12 x 5 bands a pair at similarity 0.9 shares a
bucket with probability 0.99998, at 0.85 0.9991, at 0.8 0.991; a pair at 0.3 with
0.029 (then rejected by the check). Releases share boilerplate (safe-harbour
paragraphs, "About the company", templated announcements), so most stories are 0.1-0.3
similar to many others: 16 bands of 4 (0.9996 at 0.8, but 0.12 at 0.3) gave a lookup
86 candidates on average in a store of 60,000 mirror stories, 12 of 5 give 16, and
the cost of a lookup grows with the store by that much less.
Buckets and signatures live in the state store, so this works across runs and wires.
"""

from __future__ import annotations

import functools
import hashlib
import re
import struct
import threading

import numpy as np

from newswire.extraction.text import fingerprint

try:
    # CPython's own SHA-1, the same digest as hashlib's OpenSSL one: for a 40-byte
    # shingle it takes about half the time, as OpenSSL 3 sets up a context per call
    # (300 shingles: ~140 against ~275 us).
    from _sha1 import sha1 as _sha1
except ImportError:  # an interpreter built without its own hash modules
    _sha1 = hashlib.sha1

NUM_PERM = 64
BANDS = 12
ROWS = 5
#: How the store keeps the index (1: 16 x 4 bands; 2: 12 x 5; 3: 12 x 5 in 32-bit
#: buckets, by signature number): a store holding another layout has it rebuilt
#: from its signatures.
LAYOUT = 3
SHINGLE = 5
THRESHOLD = 0.8
#: Bodies shorter than this many words are too short to call near-duplicates safely.
MIN_WORDS = 30

_SPACE = re.compile(b" ")

# "affine32" keeps values in uint32, which is what the store keeps.
SCHEME = "affine32"


@functools.cache
def _permutations():
    """One permutation set per process (building it is the costly part of MinHash).
    Imported here, and without the rest of datasketch (``newswire.imports``: its
    package imports scipy, ~0.37 s), only where signatures are computed (an extraction
    worker)."""
    from newswire.imports import submodule

    MinHash = submodule("datasketch", "minhash").MinHash

    return MinHash, MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME).permutations


_local = threading.local()


def _minhash():
    """This thread's MinHash over the shared permutations, cleared for each body:
    making one per body cost ~35 us of its ~300."""
    minhash = getattr(_local, "minhash", None)
    if minhash is None:
        minhash_class, permutations = _permutations()
        # The hashes are computed by ``signature`` and handed over as ints.
        minhash = _local.minhash = minhash_class(num_perm=NUM_PERM, seed=1, permutations=permutations,
                                                 scheme=SCHEME, hashfunc=int)
    else:
        minhash.clear()
    return minhash


def signature(text: str) -> np.ndarray | None:
    """MinHash signature (``uint32[64]``) of a body, or None when it is too short."""
    # The fingerprint is its words joined by single spaces, so a shingle (SHINGLE words
    # joined by spaces, UTF-8) is a slice of the encoded fingerprint from one word's
    # first byte to the end of the SHINGLE-th word after it.
    encoded = fingerprint(text or "").encode("utf-8")
    spaces = [match.start() for match in _SPACE.finditer(encoded)]
    if len(spaces) + 1 < MIN_WORDS:
        return None
    starts = [0] + [space + 1 for space in spaces]
    ends = spaces + [len(encoded)]
    shingles = {encoded[starts[i] : ends[i + SHINGLE - 1]] for i in range(len(starts) - SHINGLE + 1)}
    # datasketch's default hash (sha1_hash32: the first 4 bytes of SHA-1, little-endian)
    # computed for all shingles at once and handed over as ints: the same signature
    # in half the time of one Python hash call per shingle. The digests are joined
    # whole and their first words read as every fifth uint32 (no slice per shingle).
    digests = b"".join([_sha1(shingle).digest() for shingle in shingles])
    hashes = np.frombuffer(digests, "<u4")[::5]
    minhash = _minhash()
    minhash.update_batch(hashes.tolist())
    return minhash.hashvalues.astype(np.uint32)


def buckets(sig: np.ndarray) -> list[int]:
    """The 12 band buckets of a signature, as signed 32-bit ints (4 bytes in SQLite). A
    chance collision with one of a 50,000-story store's 600,000 buckets brings an
    unrelated candidate, checked and rejected, about once in 600 lookups."""
    return _buckets(to_blob(sig))


_BAND_PREFIXES = [bytes([band]) for band in range(BANDS)]
_WIDTH = ROWS * 4
_UNPACK_BUCKETS = struct.Struct(f"<{BANDS}i").unpack


# A new story's buckets are looked up, then stored: computed once for both. Each band's
# bucket is the 4-byte BLAKE2b of its number and its 5 values (20 bytes), read as a
# signed little-endian int; the 12 digests are unpacked at once (~11 against ~21 us
# one by one).
@functools.lru_cache(maxsize=64)
def _buckets(raw: bytes) -> list[int]:
    blake2b = hashlib.blake2b
    digests = [blake2b(_BAND_PREFIXES[band] + raw[band * _WIDTH : (band + 1) * _WIDTH], digest_size=4).digest()
               for band in range(BANDS)]
    return list(_UNPACK_BUCKETS(b"".join(digests)))


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.count_nonzero(a == b)) / NUM_PERM


def similarities(sig: np.ndarray, blobs: list[bytes]) -> np.ndarray:
    """``similarity`` of ``sig`` to each stored signature (blobs of ``to_blob``) at once:
    a lookup has 16 candidates on average in a store of 60,000 mirror stories."""
    others = np.frombuffer(b"".join(blobs), dtype="<u4").reshape(len(blobs), NUM_PERM)
    return np.count_nonzero(others == sig, axis=1) / NUM_PERM


def to_blob(sig: np.ndarray) -> bytes:
    return sig.astype("<u4").tobytes()


def from_blob(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype="<u4")
