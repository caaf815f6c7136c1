"""Who counts as the same party across reports, and what keeps two mentions apart: an envoy and
his government, an actor the other report's sentence names, two events one article tells apart,
a year-only date. Hand-built Event records (no model: word vectors left out); our own sentences."""
from __future__ import annotations

import pytest

from dossier.events.features import event_class, event_features, merge_data
from dossier.events.merge import features_of, merge_events
from dossier.events.similarity import compare
from dossier.models import Event, Participant

WITKOFF = Participant("steve_witkoff", "Steve Witkoff")
LAVROV = Participant("sergey_lavrov", "Sergueï Lavrov")
BARROT = Participant("jean_noel_barrot", "Jean-Noël Barrot")
US = Participant("us_government", "United States government")
RUSSIA = Participant("russian_government", "Government of Russia")
ISRAEL = Participant("israeli_government", "Government of Israel")
HAMAS = Participant("hamas", "Hamas")
QATAR = Participant("qatari_government", "Government of Qatar")


def ev(text, people, type="meeting", plover="CONSULT", date="2025-05-03", precision="day", place=None, start=0,
       mode=None):
    return Event(start=start, end=start + len(text), text=text, type=type, plover=plover, mode=mode,
                 participants=list(people), place_id=place, date=date, date_precision=precision if date else None)


def merge(items, published=None):
    return merge_events(items, published=published, vectors=False)


def groups(stories):
    return sorted(sorted({k for k, _, _ in s.sources}) for s in stories if len({k for k, _, _ in s.sources}) > 1)


ENVOYS = ev("Steve Witkoff et Sergueï Lavrov se sont retrouvés à Riyad pour préparer un échange de prisonniers",
            (WITKOFF, LAVROV), place="riyadh")
DELEGATIONS = ev("Les délégations américaine et russe ont préparé à Riyad un échange de prisonniers",
                 (US, RUSSIA), place="riyadh")


def test_an_envoy_and_a_minister_count_for_their_governments():
    stories = merge([("a.txt", ENVOYS), ("b.txt", DELEGATIONS)])
    assert groups(stories) == [["a.txt", "b.txt"]]
    joined = next(s for s in stories if len(s.sources) == 2)
    assert any("acting for {russian_government, us_government}" in r for r in joined.explanation)


def test_a_minister_of_another_government_is_another_party():
    other = ev("Jean-Noël Barrot et Sergueï Lavrov se sont retrouvés à Riyad pour préparer un échange de prisonniers",
               (BARROT, LAVROV), place="riyadh")
    pairs = features_of([("a.txt", other), ("b.txt", DELEGATIONS)], vectors=False)
    decision = compare(pairs[0][0], pairs[1][0])
    assert any("the others differ" in r for r in decision.reasons)
    assert decision.score < compare(*[f for f, _ in features_of([("a.txt", ENVOYS), ("b.txt", DELEGATIONS)],
                                                                   vectors=False)]).score


STRIKE = ev("Israël a frappé Rafah dans la nuit de dimanche, faisant au moins quarante morts", (ISRAEL,),
            type="attack", plover="ASSAULT", place="rafah")


@pytest.mark.parametrize("text, merged", [
    # the second report's extraction kept only its source, but its sentence names the attacker
    ("Au moins quarante morts dans des frappes menées par Israël sur Rafah dans la nuit, selon le Hamas", True),
    # nothing in it names the first report's actor: two actors with nothing in common
    ("Au moins quarante morts dans des frappes sur Rafah dans la nuit, selon le Hamas", False),
])
def test_an_actor_the_other_sentence_names_counts_as_a_participant(text, merged):
    other = ev(text, (HAMAS,), type="attack", plover="ASSAULT", place="rafah")
    stories = merge([("a.txt", STRIKE), ("b.txt", other)])
    assert (groups(stories) == [["a.txt", "b.txt"]]) is merged
    if merged:
        joined = next(s for s in stories if len(s.sources) == 2)
        assert any("israeli_government named in the other report" in r for r in joined.explanation)


def test_a_name_is_named_by_all_its_words():
    qatar = event_features("a.txt", 0, ev("Le Qatar a reçu les négociateurs", (QATAR,)), None, vectors=False)
    emirates = event_features("b.txt", 0, ev("Les Émirats arabes unis ont reçu les négociateurs", (US,)), None,
                              vectors=False)
    emirate = event_features("c.txt", 0, ev("L'émirat du Qatar a reçu les négociateurs", (US,)), None, vectors=False)
    assert qatar.named_by(emirates.stems) == []
    assert qatar.named_by(emirate.stems) == ["qatari_government"]
    # words of a kind of actor ("gouvernement", "ministère") name no one in particular
    assert "gouver" not in qatar.names and "qatar" in qatar.names


UKRAINE = Participant("ukrainian_government", "Government of Ukraine")


def test_two_events_one_article_tells_apart_stay_apart_whatever_a_third_report_says():
    talks = ev("Witkoff et Lavrov ont négocié un échange de prisonniers et une trêve maritime en mer Noire",
               (WITKOFF, LAVROV, UKRAINE))
    swap = ev("Washington et Moscou ont conclu un échange de prisonniers détenus depuis deux hivers", (US, RUSSIA),
              type="agreement", plover="AGREE", start=200)
    truce = ev("Moscou et Kiev acceptent une trêve maritime en mer Noire pour protéger les cargos céréaliers",
               (RUSSIA, UKRAINE), type="agreement", plover="AGREE", start=400)
    stories = merge([("a.txt", talks), ("b.txt", swap), ("b.txt", truce)])
    assert all(len({i for k, i, _ in s.sources if k == "b.txt"}) <= 1 for s in stories)
    # two mentions of one article that would be one event if two outlets reported them (the
    # article naming its main meeting again in other words) may join through a third report
    again = ev("Washington et Moscou ont conclu lundi un échange de prisonniers", (US, RUSSIA), type="agreement",
               plover="AGREE", start=600)
    stories = merge([("a.txt", talks), ("b.txt", swap), ("b.txt", again)])
    assert any(len({i for k, i, _ in s.sources if k == "b.txt"}) == 2 for s in stories)


def test_a_year_alone_does_not_support_a_merge():
    dated = ev("Witkoff et Lavrov ont préparé un échange de prisonniers", (WITKOFF, LAVROV))
    year = ev("Witkoff et Lavrov ont préparé un échange de prisonniers", (WITKOFF, LAVROV), date="2025",
              precision="year")
    pairs = features_of([("a.txt", dated), ("b.txt", year)], vectors=False)
    decision = compare(pairs[0][0], pairs[1][0])
    assert any(r.startswith("dates compatible, one only a year (+0.0)") for r in decision.reasons)


def test_an_undated_report_of_the_other_day_costs_nothing_one_of_the_week_before_does():
    undated = ev("Witkoff et Lavrov ont préparé à Riyad un échange de prisonniers", (WITKOFF, LAVROV), date=None,
                 place="riyadh")
    for published, reason in (("2025-05-03", "undated, reported on the other's day (+0.0)"),
                              ("2025-05-08", "undated, within the week of its report (-0.5)")):
        pairs = features_of([("a.txt", undated), ("b.txt", ENVOYS)], {"a.txt": published, "b.txt": "2025-05-03"},
                            vectors=False)
        assert reason in compare(pairs[0][0], pairs[1][0]).reasons


def test_kinds_of_events_are_data():
    data = merge_data()
    from dossier.events.lexicon import FAMILIES

    codes = {f.plover for f in FAMILIES.values()}
    assert codes <= set(data["class_of"]), "every PLOVER code has a kind in events/data/merge.yaml"
    assert event_class("CONSULT", "meeting") == "talk"
    assert event_class("ASSAULT", "military_denial") == "deny"
    assert frozenset(("deal", "aid")) in data["compatible"]
    # a meeting and the agreement it produced are two events (outlets report both)
    assert frozenset(("talk", "deal")) not in data["compatible"]


def test_a_meeting_and_the_agreement_it_produced_stay_two_storylines():
    meeting = ev("Les dirigeants qatari et américain, reçus à Riyad, ont dîné ensemble", (QATAR, US), place="riyadh")
    deal = ev("Le Qatar et les États-Unis se sont engagés à Riyad à doubler leurs échanges", (QATAR, US),
              type="agreement", plover="AGREE", place="riyadh")
    assert not compare(*(f for f, _ in features_of([("a.txt", meeting), ("b.txt", deal)], vectors=False))).same


def test_two_events_read_in_one_sentence_are_never_one():
    text = "Le Qatar a salué la rencontre de Riyad entre les délégations américaine et russe"
    judged = ev(text, (US, RUSSIA), place="riyadh")
    judged.sentence = 4
    praise = ev(text, (QATAR,), type="statement", plover="SUPPORT")
    praise.sentence = 4
    feats = [f for f, _ in features_of([("a.txt", praise), ("a.txt", judged)], vectors=False)]
    assert not compare(feats[0], feats[1]).same


@pytest.mark.parametrize("other, variant", [
    ("Issam Barhoum a été tué dans la frappe sur Rafah, selon le Hamas", "essam~issam"),
    ("Un responsable a été tué dans la frappe sur Rafah, selon le Hamas", None),
])
def test_a_name_spelled_one_letter_apart_is_a_shared_word(other, variant):
    local = Participant("local:essam_barhoum", "Essam Barhoum")
    a = ev("Essam Barhoum, un cadre du mouvement, a été tué à Rafah", (local,), type="attack", plover="ASSAULT",
           place="rafah")
    b = ev(other, (HAMAS,), type="attack", plover="ASSAULT", place="rafah")
    pairs = features_of([("a.txt", a), ("b.txt", b)], vectors=False)
    reasons = " ".join(compare(pairs[0][0], pairs[1][0]).reasons)
    assert (variant in reasons) if variant else "~" not in reasons


def test_a_role_learned_from_the_text_makes_a_person_act_for_his_organisation():
    from dossier.events.features import learned_affiliations
    from dossier.models import RoleFact

    adviser = Participant("local:karim_belhadj", "Karim Belhadj")
    a = ev("Karim Belhadj a présenté à Djeddah le texte d'une trêve de trois mois", (adviser,), type="proposal",
           plover="REQUEST", place="jeddah")
    b = ev("Washington a présenté à Djeddah le texte d'une trêve de trois mois", (US,), type="proposal",
           plover="REQUEST", place="jeddah")
    roles = [RoleFact("local:karim_belhadj", "Karim Belhadj", "conseiller de la Maison Blanche", 0, 10, "x",
                      organization_id="us_government")]
    affiliations = learned_affiliations(roles)
    assert affiliations == {"local:belhadj": "us_government"}
    plain = features_of([("a.txt", a), ("b.txt", b)], vectors=False)
    learned = features_of([("a.txt", a), ("b.txt", b)], vectors=False, affiliations=affiliations)
    assert "us_government" not in plain[0][0].parties and "us_government" in learned[0][0].parties
    assert any(r.startswith("acting for {us_government}") for r in compare(learned[0][0], learned[1][0]).reasons)
    stories = merge_events([("a.txt", a), ("b.txt", b)], vectors=False, affiliations=affiliations)
    assert groups(stories) == [["a.txt", "b.txt"]]


def test_a_short_word_and_its_plural_are_one_word():
    a = ev("Deux commandants ont été tués à Rafah", (HAMAS,), type="attack", plover="ASSAULT", place="rafah")
    b = ev("Un commandant a été tué à Rafah", (HAMAS,), type="attack", plover="ASSAULT", place="rafah")
    pairs = features_of([("a.txt", a), ("b.txt", b)], vectors=False)
    reasons = " ".join(compare(pairs[0][0], pairs[1][0]).reasons)
    assert "tues" in reasons and "comman" in reasons
