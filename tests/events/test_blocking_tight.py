"""The merge's blocking keys meet only pairs ``compare`` could find one event or a date
conflict: the status of two mentions and, for a mention naming no actor, a word in common or
the very same day. No pair the merge keeps is lost (checked against every pair of a dense flow)."""
from __future__ import annotations

import dataclasses
import datetime as dt

from dossier.bench.synth import synthetic_records
from dossier.events.features import blocking_keys, event_features
from dossier.events.merge import candidate_pairs, features_of
from dossier.events.similarity import compare
from dossier.models import Event, Participant

DAY = dt.date(2025, 6, 10)


def _f(key: str, text: str, plover: str = "ASSAULT", type_: str = "attack", actors=(), date="2025-06-10",
       precision="day", status="held", place=None):
    ev = Event(0, len(text), text, type_, plover, participants=[Participant(a, a) for a in actors],
               place_id=place, date=date, date_precision=precision, status=status)
    return event_features(key, 0, ev, DAY, vectors=False)


def _met(a, b) -> bool:
    (ia, pa), (ib, pb) = blocking_keys(a), blocking_keys(b)
    return bool(pa & ib or pb & ia)


def test_a_mention_naming_no_actor_meets_its_kind_by_a_word_or_on_its_day():
    bare = _f("a", "Des bombardements ont touché un dépôt de carburant pendant la nuit.", actors=())
    # the same kind, another day, no word in common: compare could only refuse (was a candidate)
    other = _f("b", "Une offensive terrestre a été repoussée près du fleuve.", actors=("russia",), date="2025-06-09")
    assert not compare(bare, other, explain=False).same
    assert not _met(bare, other)
    # the same day, dated to the day: one event possible without any word ("la frappe de mardi")
    assert _met(bare, _f("c", "Une offensive terrestre a été repoussée près du fleuve.", actors=("russia",)))
    # another day but words in common: met
    assert _met(bare, _f("d", "Les bombardements ont touché un dépôt de carburant.", actors=("russia",),
                         date="2025-06-09"))


def test_status_groups_meet_only_where_compare_may_join_them():
    text = "Le président a rencontré son homologue à Genève pour évoquer une trêve durable."
    held = _f("a", text, "CONSULT", "meeting", actors=("donald_trump", "vladimir_putin"))
    denied = _f("b", text, "CONSULT", "meeting", actors=("donald_trump", "vladimir_putin"), status="denied")
    planned = _f("c", text, "CONSULT", "meeting", actors=("donald_trump", "vladimir_putin"), status="planned")
    planned_later = _f("d", text, "CONSULT", "meeting", actors=("donald_trump", "vladimir_putin"),
                       status="planned", date="2025-06-12")
    assert not _met(held, denied)  # compare refuses a denied and a held event
    assert _met(held, planned)  # a plan for the day it was held: one event
    assert not _met(held, planned_later)  # a plan for another day: two events, never joined
    planned_next = _f("h", text, "CONSULT", "meeting", actors=("donald_trump", "vladimir_putin"),
                      status="planned", date="2025-06-11")
    assert _met(planned, planned_next)  # the same status group: met as before
    said = _f("e", "Le Kremlin a dit que la rencontre était utile.", "OTHER", "statement", actors=("donald_trump",))
    said_planned = dataclasses.replace(said, key="f", status="planned")
    assert _met(said, said_planned)  # two statements: one event whatever their status
    assert not _met(said, dataclasses.replace(said, key="g", status="denied"))


def test_no_pair_the_merge_keeps_is_lost():
    """Over every pair of a dense flow (30 articles over 3 days): a pair compare finds one event
    shares a key whenever it shares an actor, a place or (naming no actor) the kind, as the
    plain (who or where, when) keys met them; and most pairs are no longer met."""
    records = list(synthetic_records(30, seed=11, long=True, span=(dt.date(2025, 6, 1), 3)))
    items = [(r.article.content_hash, e) for r in records for e in r.events]
    published = {r.article.content_hash: r.article.published for r in records}
    feats = [f for f, _ in features_of(items, published, vectors=False)]
    found = candidate_pairs(feats)
    kept = plain = 0
    for j in range(len(feats)):
        for i in range(j):
            a, b = feats[i], feats[j]
            if a.background != b.background:
                continue
            who = a.sides & b.sides or (a.place and a.place == b.place) \
                or ((not a.actors or not b.actors) and a.kind == b.kind)
            if not who:
                continue
            plain += 1
            if compare(a, b, explain=False).same:
                kept += 1
                assert (i, j) in found, (a, b)
    assert kept >= 50
    assert len(found) < 0.7 * plain
