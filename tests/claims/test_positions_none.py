"""A stance cue whose clause says there is none of the issue ("nous n'avons signé aucune
trêve") takes no side on the issue; a negated verb inside the issue's own words does not
count ("s'assurer que X ne pourra pas …" still supports what it asks for)."""
from __future__ import annotations

import pytest

from dossier.models import Article
from dossier.pipeline import process_article

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text, stance", [
    ("Le ministre iranien Abbas Araghchi a insisté mardi : « nous n'avons signé aucune trêve avec Israël ».",
     "unclear"),
    ("Le ministre iranien Abbas Araghchi a insisté mardi sur le fait qu'il n'y a toujours pas de trêve "
     "avec Israël.", "unclear"),
    ("Le ministre iranien Abbas Araghchi a insisté mardi sur une trêve immédiate avec Israël.", "supports"),
    ("Le ministre iranien Abbas Araghchi a exigé mardi qu'il y ait une trêve avec Israël.", "supports"),
])
def test_a_clause_saying_there_is_none(nlp, text, stance):
    records = process_article(Article(raw_text=text, published="2025-06-24", published_precision="day"), nlp)
    found = [(p.actor_id, p.issue, p.stance) for p in records.positions]
    assert found == [("abbas_araghchi", "ceasefire", stance)], found
