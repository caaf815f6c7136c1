"""Precision rules of event extraction, on hand-written French sentences (full pipeline).

Each case is an invented sentence exercising one general rule: event nouns inside direct quotes,
echoing definite references, denials governing an agreement verb, places framing a location,
statements without a named source, role-named subjects after a headline, deadline and
cross-paragraph dates, "selon X" sources.
"""
from __future__ import annotations

import pytest

from dossier.events.details import is_deadline
from dossier.events.filters import body_start
from dossier.models import Timex

pytestmark = pytest.mark.slow


def run(nlp, text, published="2025-03-13"):
    doc = nlp.make_doc(text)
    doc._.published = published
    doc._.published_precision = "day"
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def triggers(doc):
    return [e.trigger.lower() for e in doc._.events]


@pytest.mark.parametrize("text, absent", [
    # an event noun inside quoted speech is part of the statement
    ("Emmanuel Macron a reçu lundi à Paris le chancelier Olaf Scholz. « Nous n'avons jamais été aussi près "
     "d'un accord depuis l'été », a-t-il confié à la presse.", "accord"),
    ("« Une trêve durable reste notre priorité absolue », a répété Antonio Guterres mercredi.", "trêve"),
    ("Selon Josep Borrell, « les sanctions contre Moscou resteront en place tant que durera la guerre ».",
     "sanctions"),
])
def test_no_event_from_noun_in_direct_quote(nlp, text, absent):
    assert absent not in triggers(run(nlp, text))


@pytest.mark.parametrize("text, kept", [
    # the same noun outside quotes is still an event
    ("Emmanuel Macron et Olaf Scholz ont conclu un accord mardi à Berlin.", {"conclu", "accord"}),
    ("L'Union européenne a adopté de nouvelles sanctions contre Moscou lundi.", {"sanctions", "adopté"}),
])
def test_unquoted_noun_still_counts(nlp, text, kept):
    assert set(triggers(run(nlp, text))) & kept


@pytest.mark.parametrize("text, consults", [
    # a second definite reference in the same paragraph adds nothing: one meeting
    ("Antonio Guterres a reçu mardi à Genève le ministre turc Hakan Fidan. « Le dialogue progresse », "
     "a-t-il déclaré à l'issue de la rencontre.", 1),
    # a reference with its own duration and source stays (it reports something new)
    ("Antonio Guterres a reçu mardi à Genève le ministre turc Hakan Fidan.\n\nCette rencontre a duré deux "
     "heures, a indiqué l'ONU.", 2),
])
def test_echoing_definite_reference_absorbed(nlp, text, consults):
    events = [e for e in run(nlp, text)._.events if e.plover == "CONSULT"]
    assert len(events) == consults, [(e.trigger, e.text) for e in events]


@pytest.mark.parametrize("text, forbidden_plover", [
    ("Le bureau du Premier ministre serbe Milos Vucevic a toutefois démenti vendredi avoir accepté le "
     "moindre calendrier de départ de ses soldats.", "AGREE"),
    ("Le ministère turc a nié hier avoir signé un protocole avec Damas.", "AGREE"),
])
def test_denial_does_not_yield_agreement(nlp, text, forbidden_plover):
    events = run(nlp, text)._.events
    assert events and events[0].plover == "REJECT"
    assert forbidden_plover not in [e.plover for e in events]


@pytest.mark.parametrize("text, places", [
    ("Les troupes ont attaqué un poste situé à la frontière entre la Serbie et le Kosovo jeudi.",
     {"serbia", "kosovo", "serbie"}),
    ("Le bureau du ministre serbe Ivica Dačić a toutefois démenti jeudi avoir accepté le moindre calendrier "
     "de retrait de ses soldats du corridor, à la frontière entre la Serbie et le Kosovo.",
     {"serbia", "kosovo", "serbie", "local:serbie", "local:kosovo"}),
])
def test_framing_places_are_not_participants(nlp, text, places):
    for e in run(nlp, text)._.events:
        ids = {p.entity_id.lower() for p in e.participants} | {p.name.lower() for p in e.participants}
        assert not ids & places, (e.trigger, ids)


@pytest.mark.parametrize("text, kept_trigger", [
    # a reporting cue without a named source is not a statement event
    ("Les précédentes trêves, annoncées il y a trois semaines, n'ont jamais été respectées.", None),
    ("Le président a par ailleurs ajouté que rien ne pouvait être prévu.", None),
    # a named source stays
    ("Antonio Guterres a déclaré mercredi que la situation restait préoccupante.", "déclaré"),
])
def test_statement_needs_a_named_source(nlp, text, kept_trigger):
    statements = [e for e in run(nlp, text)._.events if e.type == "statement" and e.plover == "OTHER"]
    if kept_trigger is None:
        assert statements == []
    else:
        assert [e.trigger for e in statements] == [kept_trigger]
        assert statements[0].participants


@pytest.mark.parametrize("text, who", [
    # headline without final punctuation, then a subject named by its role and name
    ("Berlin accueille une conférence sur la Libye\n\nLe chancelier allemand, Olaf Scholz, a reçu lundi à "
     "Berlin le Premier ministre libyen.", "scholz"),
])
def test_subject_after_headline_is_participant(nlp, text, who):
    events = [e for e in run(nlp, text)._.events if e.trigger == "reçu"]
    assert events
    names = " ".join(p.entity_id + " " + p.name for p in events[0].participants).lower()
    assert who in names


@pytest.mark.parametrize("text, published, trigger, bad_date", [
    # a deadline does not date what the sentence reports
    ("Le ministre Ararat Mirzoyan a rejeté cette exigence mais promet un référendum d'ici 2028.",
     "2025-08-08", "rejeté", "2028"),
])
def test_deadline_does_not_date_event(nlp, text, published, trigger, bad_date):
    events = [e for e in run(nlp, text, published)._.events if e.trigger == trigger]
    assert events
    assert not (events[0].date or "").startswith(bad_date)


@pytest.mark.parametrize("text, source", [
    # a misparsed "selon X" must not pick a person named before the preposition
    ("Depuis le 3 mars, les affrontements entre les partisans du général Khalifa Haftar et les milices "
     "ont fait 300 morts selon l'Organisation mondiale de la santé.", "world_health_organization"),
    # "X, dit « Y »" names X; the event noun subject of "dit" is no speaker
    ("Depuis le 3 mars, les affrontements entre les partisans du général Khalifa Haftar et celles de son "
     "ancien allié, Fayez al-Sarraj, dit « le docteur », ont fait 300 morts selon l'Organisation mondiale "
     "de la santé.", "world_health_organization"),
])
def test_selon_source_follows_preposition(nlp, text, source):
    # the sentence's speaker (a "selon X" source is no party of the clashes it reports, so it is
    # read from the speaker resolution, not from the events' participants)
    from dossier.events import extract
    from dossier.nlp import access

    doc = run(nlp, text)
    mentions = access.mentions(doc)
    sources = []
    for sent in doc.sents:
        reporting = [c for c in extract.candidates(sent) if c.family == "statement"]
        _, found = extract._speaker(sent, reporting, mentions)
        sources += [m.entity_id for m in found]
    assert sources and all(s == source for s in sources), sources


@pytest.mark.parametrize("value, mod, published, expected", [
    ("2027", "before", "2025-08-08", True),
    ("2025-09", "before", "2025-08-08", True),
    ("2025", "before", "2025-08-08", False),
    ("2027", None, "2025-08-08", False),
    ("2024", "before", "2025-08-08", False),
])
def test_is_deadline(base_nlp, value, mod, published, expected):
    doc = base_nlp.make_doc("x")
    doc._.published = published
    t = Timex(0, 1, "x", "date", value, "year", mod=mod)
    assert is_deadline(t, doc) is expected


@pytest.mark.parametrize("text, trigger", [
    ("Le cessez-le-feu doit entrer en vigueur lundi.\n\nLes combats ont repris dans la capitale.", "combats"),
])
def test_date_of_another_paragraph_is_not_used(nlp, text, trigger):
    """A parser sentence running over a paragraph break: the time chosen for the whole sentence,
    taken from the other paragraph, does not date an event of this paragraph."""
    from dossier.events.details import event_date
    from dossier.models import SentenceTime

    doc = run(nlp, text)
    timexes = list(doc._.timexes)
    other = next(i for i, t in enumerate(timexes) if t.text == "lundi")
    tok = next(t for t in doc if t.text == trigger)
    para = doc[next(t.i for t in doc if t.is_space) + 1:len(doc)]
    doc._.sentence_times = [SentenceTime(0, timexes[other].value, "day", "nearest", other)]
    assert event_date(doc, tok, tok.head, para, 0, timexes) is None
    doc._.sentence_times = [SentenceTime(0, "2025-03-10", "day", "nearest", None)]
    assert event_date(doc, tok, tok.head, para, 0, timexes)[0] == "2025-03-10"


def test_a_future_date_in_quoted_words_does_not_date_the_saying_across_a_paragraph(nlp):
    """The sentence runs over a paragraph break and its only date of this paragraph is inside the
    quoted words, pointing past the article's day: the saying gets no date from it."""
    from dossier.events.details import event_date
    from dossier.events.filters import quoted_regions
    from dossier.models import SentenceTime

    text = ("Le conseil a siégé lundi.\n\n« Il faudra que, dans un an, la digue soit finie », "
            "a ajouté Ivan Petrenko.")
    doc = run(nlp, text)
    timexes = list(doc._.timexes)
    other = next(i for i, t in enumerate(timexes) if t.text == "lundi")
    assert any(t.text == "dans un an" for t in timexes)
    tok = next(t for t in doc if t.text == "ajouté")
    para = doc[next(t.i for t in doc if t.is_space) + 1:len(doc)]
    doc._.sentence_times = [SentenceTime(0, timexes[other].value, "day", "nearest", other)]
    assert event_date(doc, tok, tok.head, para, 0, timexes, quoted_regions(doc)) is None


@pytest.mark.parametrize("text, trigger", [
    # a negated reporting cue reports nothing
    ("La Serbie n'a pas encore répondu officiellement à cette offre.", "répondu"),
    # a reporting verb in a relative clause describing a noun
    ("Donald Trump avait menacé la semaine dernière de frapper le Venezuela, une menace que Caracas "
     "qualifie de « provocation ».", "qualifie"),
])
def test_background_reporting_is_no_statement(nlp, text, trigger):
    assert trigger not in triggers(run(nlp, text))


@pytest.mark.parametrize("text, absent_plover", [
    # a definite event noun complementing an ordinary noun is background ("la paternité de l'accord")
    ("Le chancelier Olaf Scholz a salué Emmanuel Macron, alors que le président français revendique "
     "la paternité de l'accord.", "AGREE"),
])
def test_definite_background_noun_is_no_event(nlp, text, absent_plover):
    assert absent_plover not in [e.plover for e in run(nlp, text)._.events]


@pytest.mark.parametrize("text, is_meeting", [
    ("Le général Valeri Guerassimov a assuré que l'armée avait reçu l'ordre de riposter.", False),
    ("Le président Emmanuel Macron a reçu des messages de soutien de Berlin.", False),
    ("Le président Emmanuel Macron a reçu Olaf Scholz à l'Elysée lundi.", True),
])
def test_receiving_a_thing_is_not_a_meeting(nlp, text, is_meeting):
    meetings = [e for e in run(nlp, text)._.events if e.trigger == "reçu" and e.plover == "CONSULT"]
    assert bool(meetings) is is_meeting


@pytest.mark.parametrize("text, who", [
    # "ont mené à X des discussions", the noun hung on the place by the parser: the verb's subject
    ("L'émissaire américain Steve Witkoff et le ministre russe des Affaires étrangères, Sergueï Lavrov, ont "
     "mené lundi à Riyad des discussions jugées « utiles » par les deux délégations.", {"witkoff", "lavrov"}),
])
def test_noun_carried_by_verb_over_place(nlp, text, who):
    events = [e for e in run(nlp, text)._.events if e.plover == "CONSULT"]
    assert events
    names = " ".join(p.entity_id + " " + p.name for p in events[0].participants).lower()
    assert all(w in names for w in who), names


# -- the opening lines without a full stop sum up the story ------------------------------------------


@pytest.mark.parametrize("text,first_body_words", [
    ("Afrique\nInde : New Delhi affirme avoir repris la ville de Leh\n- Aucune réaction du Pakistan\n"
     "L'armée indienne a annoncé dimanche avoir repris Leh.\n", "L'armée"),
    ("Le Pakistan a annoncé un accord.\nInde : suite", "Le Pakistan"),  # the first line is a report
    ("Le président a déclaré :\n« Nous sommes prêts. »\n", "Le président"),
    ("Un titre sans point\nun autre\n", "Un titre"),  # no line ends a sentence: nothing is cut
    # a paragraph of several sentences is body even when its last one ends on the speaker's name
    ("« Tout est prêt », selon Paris\n\nLes deux ministres se sont vus à Rome mardi. Ils se reverront. "
     "« Nous avançons », a résumé Karl Berger\n\nLa suite est prévue en mai.\n", "Les deux ministres"),
])
def test_the_body_starts_at_the_first_line_that_ends_a_sentence(text, first_body_words):
    assert text[body_start(text):].startswith(first_body_words)


def test_a_headline_and_key_point_bullets_carry_no_event(annotate):
    text = ("Afrique\n"
            "Inde : le Pakistan affirme avoir pris le contrôle de la ville de Kargil\n"
            "- « Nos forces ont libéré la ville », déclare le ministre pakistanais de la Défense Khawaja Asif\n"
            "Le Pakistan a déclaré dimanche avoir pris le contrôle de la ville de Kargil, après trois jours de "
            "combats.\n")
    doc = annotate(text, "2025-10-27")
    body = text.index("Le Pakistan a déclaré")
    assert doc._.events and all(e.start >= body for e in doc._.events), [(e.plover, e.text) for e in doc._.events]


@pytest.mark.parametrize("text,kept", [
    ("Le texte a été rédigé au terme de négociations intensives.", False),  # talks in general
    ("Si les négociations indirectes se déroulaient favorablement, un accord pourrait suivre.", False),
    ("Les pourparlers directs tenus le 2 juin à Istanbul ont permis cet échange.", True),  # a place: a meeting
    ("Emmanuel Macron a rencontré Olaf Scholz mardi.", True),
])
def test_a_meeting_without_parties_or_place_is_talks_in_general(annotate, text, kept):
    doc = annotate(text, "2025-06-10")
    meetings = [e for e in doc._.events if e.plover == "CONSULT"]
    assert bool(meetings) == kept, [(e.plover, e.text, e.participants, e.place_id) for e in doc._.events]


@pytest.mark.parametrize("text, threats", [
    # a present participle describing a noun says what it is, it makes no threat
    ("Selon Santiago, le Pérou héberge des groupes armés menaçant la sécurité du Chili.", 0),
    ("Des milices menaçant les convois ont été signalées près de la frontière.", 0),
    ("Le gouvernement péruvien a menacé mardi de fermer la frontière.", 1),
])
def test_a_participle_describing_a_noun_is_no_threat(nlp, text, threats):
    assert [e.plover for e in run(nlp, text)._.events].count("THREATEN") == threats
