"""A saying and the act its words report are two events: "X a déclaré que « Y a accepté … »"
gives X's statement and Y's acceptance, and the merge never joins two events the events stage
read in one sentence, whatever other reports say."""
from __future__ import annotations

import pytest

from dossier.events.merge import merge_events
from dossier.models import Event, Participant

PUTIN = Participant("vladimir_putin", "Vladimir Putin")
RUSSIA = Participant("russian_government", "Government of Russia")
UKRAINE = Participant("ukrainian_government", "Government of Ukraine")


def _event(text, type_, plover, people, sentence, start=0, date="2025-05-06"):
    return Event(start=start, end=start + len(text), text=text, type=type_, plover=plover, participants=list(people),
                 date=date, date_precision="day", sentence=sentence)


def _groups(stories):
    return sorted(sorted((k, i) for k, i, _ in s.sources) for s in stories if len({k for k, _, _ in s.sources}) > 1)


def test_two_events_of_one_sentence_stay_two_storylines():
    said_a = "« Les négociations sur le traité avec l'Ukraine sont terminées », a déclaré mardi Vladimir Poutine"
    deal_a = "Moscou a annoncé mardi un consensus avec Kiev sur tous les articles du traité"
    both_b = ("Vladimir Poutine a déclaré mardi que « les négociations sur le traité avec l'Ukraine sont terminées "
              "et que Kiev accepte tous les articles du traité »")
    items = [
        ("a.txt", _event(said_a, "statement", "OTHER", [PUTIN], 0)),
        ("a.txt", _event(deal_a, "agreement", "AGREE", [RUSSIA, UKRAINE], 1, start=200)),
        ("b.txt", _event(both_b, "statement", "OTHER", [PUTIN], 0)),
        ("b.txt", _event(both_b, "agreement", "AGREE", [RUSSIA, UKRAINE], 0)),
    ]
    stories = merge_events(items, published={"a.txt": "2025-05-07", "b.txt": "2025-05-07"}, vectors=False)
    assert _groups(stories) == [[("a.txt", 0), ("b.txt", 0)], [("a.txt", 1), ("b.txt", 1)]]
    refused = [line for s in stories for c in s.date_conflicts for line in c["reasons"]]
    assert not any("one sentence" in line for line in refused)  # kept apart, not a date conflict


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    # the whole reported clause quoted: the minister's saying, and the acceptance it reports
    "Le ministre russe des Affaires étrangères, Sergueï Lavrov, a déclaré le 6 mai à Moscou que « les négociations "
    "sur le traité sont closes et Kiev a accepté les clauses restantes ».",
    # words woven into the reporter's own clause: the extractor's own statement, no second one
    "Sergueï Lavrov a déclaré mardi que les troupes ukrainiennes « avaient accepté le retrait ».",
])
def test_a_quoted_clause_gives_the_saying_its_own_statement(annotate, text):
    doc = annotate(text, published="2025-05-07")
    assert "agreement" in {e.type for e in doc._.events}
    said = [e for e in doc._.events if e.type == "statement"]
    assert len(said) == 1
    assert [p.entity_id for p in said[0].participants if p.role == "source"] == ["sergey_lavrov"]
    assert said[0].date == "2025-05-06"
