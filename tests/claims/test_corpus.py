"""The seed articles (read at run time from the shared corpus): the Pokrovsk dispute, the
son-in-law conflict and the NATO positions, with the full pipeline."""
from __future__ import annotations

import json

import pytest

from dossier.claims import find_conflicts, find_disputes, positions_matrix
from dossier.models import Article
from dossier.pipeline import process_article

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def seed_records(nlp, corpus_dir):
    out = []
    for line in (corpus_dir / "seeds.jsonl").read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        path = corpus_dir / entry["file"]
        article = Article(raw_text=path.read_text(encoding="utf-8"), source=str(path),
                          published=entry.get("published"), published_precision="day",
                          published_basis="manifest", language=entry.get("language"))
        out.append((path.name, process_article(article, nlp)))
    return out


def test_pokrovsk_dispute_links_both_articles(seed_records):
    claims = [(key, c) for key, rec in seed_records for c in rec.claims]
    dispute = next((d for d in find_disputes(claims) if d.proposition == "CONTROLS(russia,pokrovsk)"), None)
    assert dispute is not None
    assert len(dispute.articles) >= 2
    assert dispute.sides["asserts"] and dispute.sides["denies"]
    deniers = {r.claimant_id or "" for r in dispute.sides["denies"]}
    assert any("ukrain" in d for d in deniers), deniers


def test_son_in_law_conflict_settled(seed_records):
    conflicts = [c for c in find_conflicts(seed_records) if c.kind == "relation"]
    kushner = next((c for c in conflicts if c.subject == "jared_kushner"), None)
    assert kushner is not None
    assert kushner.settled_by_kb == "donald_trump"
    assert len(kushner.articles) == 2


def test_nato_positions(seed_records):
    matrix = positions_matrix([(key, p) for key, rec in seed_records for p in rec.positions])
    nato = {actor: cells["nato_membership"]["stance"] for actor, cells in matrix.items() if "nato_membership" in cells}
    assert len(nato) >= 3, nato
    assert {"supports", "opposes"} <= set(nato.values())
    for actor, cells in matrix.items():
        if "nato_membership" in cells:
            assert cells["nato_membership"]["date"]
