"""Blocking for the cross-article steps: per-record keys computed once, candidate pairs from
an index (never all pairs), and an order-independent grouping of the accepted pairs.

- :mod:`dossier.blocking.text`: folded words, content stems and figures of a sentence;
- :mod:`dossier.blocking.index`: :class:`KeyIndex` (records sharing a key, e.g. actor x week)
  and :class:`PrefixIndex` (token sets that may overlap above a threshold, by prefix filtering);
- :mod:`dossier.blocking.cluster`: :func:`cluster`, connected components of the accepted pairs
  split by cannot-link constraints, the same result for any input order;
- :mod:`dossier.blocking.vectors`: a normalised mean word vector per sentence (the spaCy
  model's static vectors, loaded once, when the model is installed).

Storyline merge, quote groups, disputes and conflicts use the same pieces, so an incremental
update can query the same indexes with the records of new articles.
"""
from dossier.blocking.cluster import Edge, cluster
from dossier.blocking.index import KeyIndex, PrefixIndex
from dossier.blocking.text import content_stems, figures, fold, words

__all__ = ["Edge", "KeyIndex", "PrefixIndex", "cluster", "content_stems", "figures", "fold", "words"]
