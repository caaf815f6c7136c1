"""`dossier conflicts` names each source by its outlet (else its file) and publication day."""
from __future__ import annotations

from dossier.cli.render import conflict_block


def test_each_source_says_who_published_it_and_when():
    conflict = {"kind": "date", "summary": "date of the meeting: 2025-03-04 per 1; 2025-03-05 per 2",
                "values": [{"value": "2025-03-04", "sources": [["1", "Les deux ministres se sont vus mardi."]]},
                           {"value": "2025-03-05", "sources": [["2", "Ils se sont vus mercredi."]]}]}
    articles = {"1": {"outlet": "La Gazette du Port", "published": "2025-03-06", "source": "/x/a.txt"},
                "2": {"outlet": None, "published": None, "source": "/in/b.txt"}}
    text = conflict_block(conflict, articles)
    assert "article 1 (La Gazette du Port, 2025-03-06)" in text
    assert "article 2 (b.txt, undated)" in text
    assert "article 1  «" in conflict_block(conflict)  # no metadata given: the id alone, as before
