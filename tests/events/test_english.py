"""dossier_events on English text: surface patterns over mentions and timexes (full pipeline).

The articles below are hand-written for these tests.
"""
from __future__ import annotations

import pytest

from dossier.events.english import extract_english_events, is_english, sentences
from dossier.events.extract import extract_events

pytestmark = pytest.mark.slow


def run(nlp, text, published="2025-11-24", language="en"):
    doc = nlp.make_doc(text)
    doc._.published = published
    doc._.published_precision = "day"
    doc._.language = language
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def ids(event, role=None):
    return {p.entity_id for p in event.participants if role is None or p.role == role}


def only(events, type_):
    found = [e for e in events if e.type == type_]
    assert len(found) == 1, [(e.type, e.text) for e in events]
    return found[0]


MEETING = (
    "Rubio sees Zelensky in Geneva\n\n"
    "U.S. Secretary of State Marco Rubio met Ukrainian President Volodymyr Zelensky in Geneva on Sunday "
    "to go over the latest version of the peace framework.\n\n"
    "The two delegations spent most of the afternoon on the question of security guarantees.\n"
)


def test_meeting_participants_place_date(nlp):
    doc = run(nlp, MEETING)
    meeting = only(doc._.events, "meeting")
    assert meeting.plover == "CONSULT"
    assert {"marco_rubio", "volodymyr_zelensky"} <= ids(meeting)
    assert meeting.place_id == "geneva"
    assert meeting.date == "2025-11-23"  # the Sunday before publication
    assert meeting.status == "held"
    assert meeting.trigger == "met"
    assert meeting.text.startswith("U.S. Secretary of State Marco Rubio met")
    assert doc.text[meeting.start:meeting.end] == meeting.text
    assert meeting.timeline_line and meeting.background is False


def test_headline_is_no_event(nlp):
    # the first line (no final punctuation) names the same meeting: a title, not a second event
    doc = run(nlp, MEETING)
    assert all(e.start > MEETING.index("\n") for e in doc._.events)


PLANNED = (
    "Vladimir Putin will meet Steve Witkoff and Jared Kushner at the Kremlin on Friday, "
    "according to a Kremlin aide.\n"
)


def test_planned_meeting(nlp):
    doc = run(nlp, PLANNED)  # published on a Monday: Friday is ahead
    meeting = only(doc._.events, "meeting")
    assert meeting.status == "planned"
    assert {"vladimir_putin", "steve_witkoff", "jared_kushner"} <= ids(meeting)
    assert meeting.place_id == "kremlin"
    assert meeting.date == "2025-11-28"


def test_held_then_planned_by_cue_words(nlp):
    doc = run(nlp, "Steve Witkoff is expected to travel to Moscow next week.\n")
    visit = only(doc._.events, "visit")
    assert visit.status == "planned"
    assert ids(visit, "visitor") == {"steve_witkoff"}
    assert visit.place_id == "moscow"


AGREEMENT = (
    "The leaders of Armenia and Azerbaijan signed a peace agreement in Washington on Friday, "
    "ending decades of conflict over the region.\n"
)


def test_signed_agreement(nlp):
    doc = run(nlp, AGREEMENT, published="2025-08-09")
    deal = only(doc._.events, "agreement")
    assert deal.plover == "AGREE"
    assert deal.trigger == "signed"
    assert deal.date == "2025-08-08"
    assert deal.place_id == "washington_dc"
    assert len(ids(deal)) == 2, deal.participants  # the two governments, through "the leaders of"
    assert deal.status == "held"


def test_negated_agreement_is_a_rejection(nlp):
    doc = run(nlp, "Russia did not agree to the ceasefire proposal.\n")
    assert [e.type for e in doc._.events] == ["rejection"]


ATTACK = (
    "Russia attacked Kharkiv with drones and missiles on Tuesday night, the city's mayor said.\n"
)


def test_attack(nlp):
    doc = run(nlp, ATTACK, published="2025-11-26")
    attack = only(doc._.events, "attack")
    assert attack.plover == "ASSAULT"
    assert "russian_government" in ids(attack)
    assert attack.place_id == "kharkiv"
    assert attack.date and attack.date.startswith("2025-11-25")


def test_statement_needs_a_named_speaker(nlp):
    doc = run(nlp, "Dmitry Peskov said the talks had been useful. Officials said nothing else.\n")
    statements = [e for e in doc._.events if e.type == "statement"]
    assert len(statements) == 1
    assert ids(statements[0], "source") == {"dmitry_peskov"}
    assert statements[0].plover == "OTHER"


def test_third_party_report_is_two_events(nlp):
    text = "Dmitry Peskov said on Wednesday that Putin met Witkoff at the Kremlin on Tuesday.\n"
    doc = run(nlp, text, published="2025-12-03")
    statement = only(doc._.events, "statement")
    meeting = only(doc._.events, "meeting")
    assert ids(statement, "source") == {"dmitry_peskov"}
    assert statement.date == "2025-12-03"
    assert "dmitry_peskov" not in ids(meeting)
    assert {"vladimir_putin", "steve_witkoff"} <= ids(meeting)
    assert meeting.date == "2025-12-02"  # the meeting's own day, not the day of the saying


@pytest.mark.parametrize("text", [
    "The plan was met with criticism in Kyiv.\n",
    "Volodymyr Zelensky called for more air defence systems.\n",
    "The mayor called it a dark day for the city.\n",
])
def test_no_false_triggers(nlp, text):
    assert [e for e in run(nlp, text)._.events if e.type != "statement"] == []


def test_phone_call(nlp):
    doc = run(nlp, "Emmanuel Macron called Volodymyr Zelensky on Saturday to discuss the plan.\n")
    call = only(doc._.events, "phone_call")
    assert {"emmanuel_macron", "volodymyr_zelensky"} <= ids(call)
    assert call.mode == "phone"


FRENCH = (
    "Vladimir Poutine a reçu mardi au Kremlin l'émissaire américain Steve Witkoff pour cinq heures "
    "de discussions. Le président ukrainien a déclaré que Kiev n'accepterait aucun accord sans garanties.\n"
)


@pytest.mark.parametrize("language", ["fr", None])
def test_french_article_unchanged(nlp, language):
    doc = run(nlp, FRENCH, published="2025-12-03", language=language)
    assert not is_english(doc)
    assert doc._.events  # the French rules ran
    assert [e.__dict__ for e in doc._.events] == [e.__dict__ for e in extract_events(doc)]


def test_english_detected_without_language(nlp):
    doc = run(nlp, MEETING, language=None)
    assert is_english(doc)
    assert any(e.type == "meeting" for e in doc._.events)


@pytest.mark.parametrize("text", ["", "   \n\n", "...", "“", "said", "Putin", "a" * 3000])
def test_bad_input_gives_no_traceback(nlp, text):
    doc = run(nlp, text)
    assert isinstance(extract_english_events(doc), list)


@pytest.mark.parametrize("text, expected", [
    ("U.S. officials met on Dec. 2 in Moscow. Talks went on.", 2),
    ("He said: “We met.” Then he left.", 2),
    ("One line\nAnother line.", 2),
])
def test_sentences(text, expected):
    assert len(sentences(text)) == expected


def test_data_words_are_strings():
    # YAML reads a bare on/no/off as a boolean: the loader refuses it, the shipped file quotes them
    from dossier.events.english import english_data

    data = english_data()
    assert {"on", "against"} <= data["target_preps"]
    assert ("no",) in data["negation_cues"]


def test_fronted_event_noun_takes_the_subject(nlp):
    text = "On a visit to Kyiv, Emmanuel Macron promised more air defence systems.\n"
    doc = run(nlp, text)
    visit = only(doc._.events, "visit")
    assert ids(visit, "visitor") == {"emmanuel_macron"}
    assert visit.place_id == "kyiv"


def test_dateline_names_no_actor(nlp):
    text = "KYIV, Ukraine — Russia struck Odesa with drones on Sunday night, the regional governor said.\n"
    doc = run(nlp, text, published="2025-11-24")
    attack = only(doc._.events, "attack")
    assert "ukrainian_government" not in ids(attack)
    assert "russian_government" in ids(attack)
    assert attack.place_id == "odesa"


def test_speaker_after_the_verb_is_the_person(nlp):
    text = "The talks will go on until Friday, said Kremlin spokesman Dmitry Peskov.\n"
    doc = run(nlp, text)
    statement = only(doc._.events, "statement")
    assert ids(statement, "source") == {"dmitry_peskov"}


def test_he_is_the_person_who_just_spoke(nlp):
    text = ("Dmitry Peskov said the two sides would meet again soon. "
            "He added that no date had been set.\n")
    doc = run(nlp, text)
    statements = [e for e in doc._.events if e.type == "statement"]
    assert [ids(e, "source") for e in statements] == [{"dmitry_peskov"}, {"dmitry_peskov"}]
