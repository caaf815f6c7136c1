"""Duplicate detection: exact (``Article.content_hash``) and near (MinHash LSH on word shingles)."""
from dossier.dedup.exact import exact_groups
from dossier.dedup.minhash import NearDuplicateIndex, shingles, signature, similarity

__all__ = ["NearDuplicateIndex", "exact_groups", "shingles", "signature", "similarity"]
