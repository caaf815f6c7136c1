"""Against the gold dates of the seed articles (read from the shared corpus at run time)."""

from __future__ import annotations

import json

import pytest

from dossier.timex import find_timexes, same_at


@pytest.fixture(scope="module")
def gold_dates(corpus_dir, gold_file, seeds_dir):
    gold = json.loads(gold_file.read_text(encoding="utf-8"))["articles"]
    manifest = {}
    for line in (corpus_dir / "seeds.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            manifest[row["file"].split("/")[-1]] = row
    items = []
    for name, article in gold.items():
        text = (seeds_dir / name).read_text(encoding="utf-8")
        items.append((text, manifest[name]["published"], article.get("dates", [])))
    return items


def _score(items, anchor_of):
    n = found = correct = 0
    for text, published, dates in items:
        timexes = find_timexes(text, anchor_of(text, published), lang="fr")
        for d in dates:
            at = text.find(d["context"])
            if at < 0:
                continue
            start = at + d["context"].find(d["expression"])
            end = start + len(d["expression"])
            hits = [t for t in timexes if t.start < end and t.end > start]
            n += 1
            found += bool(hits)
            correct += any(same_at(t.value, d["value"]) for t in hits)
    return found / n, correct / n


def test_with_manifest_dates(gold_dates):
    found, correct = _score(gold_dates, lambda text, published: published)
    assert found >= 0.9
    assert correct >= 0.9


def test_with_publication_withheld_still_finds(gold_dates):
    from dossier.timex import infer_published

    def inferred(text, published):
        guess = infer_published(text, lang="fr")
        return guess[0] if guess else None

    found, correct = _score(gold_dates, inferred)
    assert found >= 0.9
    assert correct >= 0.2  # weekdays cannot be dated without the day of publication
