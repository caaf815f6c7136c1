"""Near-duplicate detection: MinHash signatures of word shingles + an LSH index (datasketch)."""
from __future__ import annotations

import re
from collections.abc import Hashable, Iterable

import numpy as np

NUM_PERM = 128
SHINGLE = 3  # words per shingle
_SEED = 1
_WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)


def shingles(text: str, size: int = SHINGLE) -> set[bytes]:
    """Lower-cased word n-grams (punctuation and spacing ignored)."""
    tokens = _WORD_RE.findall(text.lower())
    if len(tokens) < size:
        return {" ".join(tokens).encode("utf-8")} if tokens else set()
    return {" ".join(tokens[i : i + size]).encode("utf-8") for i in range(len(tokens) - size + 1)}


# Signature blob: one tag byte (the datasketch permutation scheme) + NUM_PERM little-endian values.
_SCHEMES = {b"\x01": ("affine32", "<u4"), b"\x00": ("legacy", "<u8")}
_TAGS = {scheme: tag for tag, (scheme, _) in _SCHEMES.items()}


def _minhash(hashvalues=None, scheme: str | None = None):
    from datasketch import MinHash

    if hashvalues is None:
        return MinHash(num_perm=NUM_PERM, seed=_SEED)
    if scheme == "legacy" and not hasattr(MinHash(num_perm=1), "scheme"):
        return MinHash(num_perm=NUM_PERM, seed=_SEED, hashvalues=hashvalues)  # datasketch < 2
    return MinHash(num_perm=NUM_PERM, seed=_SEED, hashvalues=hashvalues, scheme=scheme)


def signature(text: str) -> bytes:
    """MinHash signature of the (cleaned) text as bytes, storable as a blob."""
    mh = _minhash()
    grams = shingles(text)
    if grams:
        mh.update_batch(list(grams))
    scheme = getattr(mh, "scheme", "legacy")
    dtype = _SCHEMES[_TAGS[scheme]][1]
    return _TAGS[scheme] + np.asarray(mh.hashvalues).astype(dtype).tobytes()


def _from_bytes(sig: bytes):
    tag = sig[:1]
    if tag not in _SCHEMES:
        raise ValueError("not a dossier MinHash signature")
    scheme, dtype = _SCHEMES[tag]
    values = np.frombuffer(sig[1:], dtype=dtype)
    if values.size != NUM_PERM:
        raise ValueError(f"signature has {values.size} values, expected {NUM_PERM}")
    return _minhash(values.astype(np.dtype(dtype).newbyteorder("=")), scheme)


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of the shingle sets behind two signatures."""
    return float(_from_bytes(a).jaccard(_from_bytes(b)))


class NearDuplicateIndex:
    """MinHash LSH over signatures: ``add(key, sig)``, ``query(sig) -> [(key, jaccard)]`` best first."""

    def __init__(self, threshold: float = 0.8, pairs: Iterable[tuple[Hashable, bytes]] = ()):
        from datasketch import MinHashLSH

        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._sigs: dict[Hashable, object] = {}
        for key, sig in pairs:
            self.add(key, sig)

    @classmethod
    def from_pairs(cls, pairs: Iterable[tuple[Hashable, bytes]], threshold: float = 0.8) -> "NearDuplicateIndex":
        return cls(threshold=threshold, pairs=pairs)

    def __len__(self) -> int:
        return len(self._sigs)

    def __contains__(self, key) -> bool:
        return key in self._sigs

    def add(self, key: Hashable, sig: bytes) -> None:
        if key in self._sigs:
            self._lsh.remove(key)
        mh = _from_bytes(sig)
        self._lsh.insert(key, mh)
        self._sigs[key] = mh

    def remove(self, key: Hashable) -> None:
        if key in self._sigs:
            self._lsh.remove(key)
            del self._sigs[key]

    def query(self, sig: bytes) -> list[tuple[Hashable, float]]:
        """Stored keys whose estimated Jaccard with ``sig`` reaches the threshold, best first."""
        mh = _from_bytes(sig)
        found = []
        for key in self._lsh.query(mh):
            score = float(mh.jaccard(self._sigs[key]))
            if score >= self.threshold:
                found.append((key, score))
        return sorted(found, key=lambda kv: (-kv[1], str(kv[0])))
