"""Turn every input a user has (text, HTML, JSON/JSONL, folders, URLs, feeds, manifests) into Articles.

    for item in iter_articles(["news/", "https://example.org/feed.xml"], settings):
        if isinstance(item, InputError): report(item)   # one line naming the input; the rest goes on
        else: store(item)
"""
from dossier.read.dates import parse_date
from dossier.read.language import detect_language
from dossier.read.manifest import read_manifest
from dossier.read.sources import iter_articles

__all__ = ["iter_articles", "read_manifest", "parse_date", "detect_language"]
