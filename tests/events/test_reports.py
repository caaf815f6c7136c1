"""A reported statement as an event beside the event it reports (dossier.events.reports), and a
clause of circumstance as an event of its own; hand-written sentences."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def events_of(annotate, text, published="2025-03-13"):
    return list(annotate(text, published)._.events)


def kinds(events):
    return sorted((e.plover, e.trigger) for e in events)


def test_a_third_party_report_is_a_statement_beside_the_reported_meeting(annotate):
    events = events_of(annotate, "Le ministre Emmanuel Macron a déclaré jeudi que l'Inde et le Pakistan "
                                 "s'étaient rencontrés à Genève.")
    assert kinds(events) == [("CONSULT", "rencontrés"), ("OTHER", "déclaré")]
    saying = next(e for e in events if e.trigger == "déclaré")
    meeting = next(e for e in events if e.trigger == "rencontrés")
    assert {p.entity_id for p in saying.participants} == {"emmanuel_macron"}
    assert saying.date == "2025-03-13"  # the saying's own day
    assert "emmanuel_macron" not in {p.entity_id for p in meeting.participants}
    assert {"indian_government", "pakistani_government"} <= {p.entity_id for p in meeting.participants}
    # each span is its own clause: the statement stops before what it reports
    assert "rencontrés" not in saying.text and "Macron" not in meeting.text


@pytest.mark.parametrize("text", [
    # an announcement is the news itself
    "Emmanuel Macron a annoncé jeudi que l'Inde et le Pakistan s'étaient rencontrés à Genève.",
    # the speaker reports its own act (an infinitive: no subject of its own)
    "Le gouvernement indien a déclaré jeudi avoir accepté la trêve proposée par le Pakistan.",
    # the speaker's own troops
    "Le colonel Ivan Petrenko a expliqué jeudi que plusieurs de ses bataillons se retiraient du front sud.",
])
def test_a_report_of_ones_own_act_stays_one_event(annotate, text):
    events = events_of(annotate, text)
    assert len(events) == 1, kinds(events)


def test_a_report_by_someone_on_the_actors_side_stays_one_event(annotate):
    # a government's spokesman reporting what his government's army does (knowledge base sides)
    events = events_of(annotate, "Le porte-parole Dmitri Peskov a déclaré que l'armée russe avait repris "
                                 "trois villages.")
    assert len(events) == 1, kinds(events)


def test_a_source_introduced_by_selon_is_not_a_party_of_the_reported_act(annotate):
    events = events_of(annotate, "Selon Emmanuel Macron, l'Inde et le Pakistan se sont rencontrés jeudi à Genève.")
    meeting = next(e for e in events if e.plover == "CONSULT")
    assert "emmanuel_macron" not in {p.entity_id for p in meeting.participants}


def test_a_clause_of_circumstance_in_the_report_is_an_event(annotate):
    events = events_of(annotate, "Emmanuel Macron a déclaré mardi que l'Inde et le Pakistan s'étaient "
                                 "engagés à signer un traité, alors qu'il accueillait à l'Élysée les "
                                 "dirigeants des deux pays.")
    assert ("CONSULT", "accueillait") in kinds(events)
    meeting = next(e for e in events if e.trigger == "accueillait")
    assert meeting.text.startswith("alors qu'il accueillait")


def test_events_named_to_date_a_report_are_events_without_the_speaker(annotate):
    text = ("La veille, reçu en grande pompe, M. Emmanuel Macron avait annoncé devant le Sénat la fin d'une longue "
            "crise, après un accord de principe et la libération des cinq derniers otages français, échangés "
            "contre trente détenus.")
    events = events_of(annotate, text, "2025-06-10")
    release = [e for e in events if e.plover == "CONCEDE"]
    assert release, kinds(events)
    assert "emmanuel_macron" not in {p.entity_id for p in release[0].participants}


def test_events_of_one_sentence_keep_apart_spans(annotate):
    text = ("La veille, reçu en grande pompe, M. Emmanuel Macron avait annoncé devant le Sénat la fin d'une longue "
            "crise, après un accord de principe et la libération des cinq derniers otages français.")
    events = events_of(annotate, text, "2025-06-10")
    assert len(events) >= 2, kinds(events)
    for a in events:
        for b in events:
            if a is not b:  # no span holds another one at its end
                assert not (a.start <= b.start and b.end == a.end), (a.text, b.text)


def test_people_swapped_for_others_are_an_exchange_not_talks(annotate):
    events = events_of(annotate, "Les cinq journalistes ont été échangés lundi contre trois diplomates.", "2025-06-10")
    assert [e.plover for e in events if e.trigger == "échangés"] == ["CONCEDE"]


def test_what_is_refused_did_not_happen(annotate):
    events = events_of(annotate, "Les raids ont été décidés après le refus obstiné de la milice de libérer les "
                                 "trois otages.", "2025-06-10")
    assert "CONCEDE" not in {e.plover for e in events}, kinds(events)


def test_receiving_proposals_is_not_a_meeting(annotate):
    events = events_of(annotate, "La milice a rejeté toutes les offres qu'elle a reçues du médiateur qatari.",
                       "2025-06-10")
    assert "CONSULT" not in {e.plover for e in events}, kinds(events)


def test_a_truce_named_by_its_start_is_an_event_with_its_own_date(annotate):
    events = events_of(annotate, "Ces raids, les plus meurtriers depuis le début de la trêve le 2 février, ont "
                                 "été décidés par le gouvernement.", "2025-06-10")
    truce = [e for e in events if e.trigger == "trêve"]
    assert truce and truce[0].plover == "RETREAT" and truce[0].date == "2025-02-02", kinds(events)


def test_an_event_judged_by_a_stance_is_an_event_of_its_own(annotate):
    events = events_of(annotate, "La Norvège a chaleureusement salué mardi la rencontre entre les dirigeants "
                                 "chilien et péruvien à Lima.", "2025-06-10")
    meeting = next(e for e in events if e.plover == "CONSULT")
    praise = next(e for e in events if e.plover == "SUPPORT")
    assert {p.entity_id for p in meeting.participants} == {"chilean_government", "peruvian_government"}
    assert {p.entity_id for p in praise.participants} == {"norwegian_government"}
    assert meeting.date is None  # the day of the praise is not the meeting's


def test_people_received_are_the_parties_of_a_participle(annotate):
    events = events_of(annotate, "Les dirigeants chilien et péruvien, reçus à l'Élysée, ont assuré vendredi "
                                 "soutenir la candidature du président français.", "2025-06-10")
    meeting = next(e for e in events if e.plover == "CONSULT")
    assert {"chilean_government", "peruvian_government"} <= {p.entity_id for p in meeting.participants}
    assert meeting.text.endswith("reçus à l'Élysée")  # not the whole sentence the statement spans


def test_an_attack_repelled_is_a_military_claim(annotate):
    events = events_of(annotate, "L'armée a déclaré mardi avoir repoussé une offensive contre une caserne à "
                                 "Kadougli.", "2025-06-10")
    assert [(e.plover, e.type) for e in events] == [("ASSAULT", "military_claim")]


def test_a_truce_to_be_observed_is_a_retreat(annotate):
    events = events_of(annotate, "Le chef de la milice, Omar Haddad, a annoncé lundi que son organisation allait "
                                 "respecter dès maintenant une trêve de deux mois.", "2025-06-10")
    assert [e.plover for e in events] == ["RETREAT"]


ARTICLE_OF_TWO_SIDES = ("Israël et le Hamas ont signé lundi un accord de trêve au Caire.\n\n"
                        "Israël et le Hamas ont aussi échangé mardi des prisonniers.\n\n"
                        "De nouveaux bombardements ont frappé jeudi le nord de la bande de Gaza.")


def test_fighting_without_named_parties_takes_the_articles_two_sides(annotate):
    events = events_of(annotate, ARTICLE_OF_TWO_SIDES, "2025-06-10")
    strikes = next(e for e in events if e.trigger == "frappé")
    assert {p.entity_id for p in strikes.participants} == {"israeli_government", "hamas"}


def test_two_sides_need_two_events_naming_them(annotate):
    text = ARTICLE_OF_TWO_SIDES.split("\n\n", 1)[1]  # one event names the pair: no sides
    events = events_of(annotate, text, "2025-06-10")
    strikes = next(e for e in events if e.trigger == "frappé")
    assert not strikes.participants


def test_the_same_act_by_another_actor_in_its_own_clause_is_an_event_of_its_own(annotate):
    doc = annotate("Le Brésil et l'Inde ont exprimé leur préoccupation, alors que le Mexique et l'Argentine "
                   "condamnent une escalade périlleuse.")
    disapprove = [e for e in doc._.events if e.plover == "DISAPPROVE"]
    assert len(disapprove) == 2, [(e.plover, e.text) for e in doc._.events]
    parties = [{p.entity_id for p in e.participants} for e in disapprove]
    assert {"brazilian_government", "indian_government"} in parties
    assert {"mexican_government", "argentine_government"} in parties


def test_one_actor_doing_the_same_twice_in_a_sentence_stays_one_event(annotate):
    doc = annotate("Le chancelier allemand a condamné les bombardements puis a dénoncé une escalade périlleuse.")
    assert len([e for e in doc._.events if e.plover == "DISAPPROVE"]) == 1, [(e.plover, e.text) for e in doc._.events]


def test_the_occasion_of_a_statement_is_not_what_it_says(annotate):
    # "lors d'une conférence …, où …": the adjunct naming the occasion, and the relative clause
    # describing it, are not the words reported; the signing there is an act of its own
    events = events_of(annotate, "Le président français Emmanuel Macron a déclaré « une journée historique pour "
                                 "le continent » lors d'une conférence à Lima, où les ministres andins ont signé "
                                 "un traité sur l'eau.", "2025-06-10")
    said = [e for e in events if e.trigger == "déclaré"]
    signed = [e for e in events if e.trigger == "signé"]
    assert said and signed, kinds(events)
    assert "emmanuel_macron" in {p.entity_id for p in said[0].participants}
    assert "emmanuel_macron" not in {p.entity_id for p in signed[0].participants}
    assert "signé" not in said[0].text and signed[0].plover == "AGREE"


def test_a_participle_of_saying_after_an_act_is_the_actors_statement(annotate):
    events = events_of(annotate, "Le président français Emmanuel Macron a signé mardi le traité à Lima, affirmant "
                                 "qu'il s'agissait d'un tournant pour la région.", "2025-06-10")
    said = [e for e in events if e.trigger == "affirmant"]
    assert said, kinds(events)
    assert [(p.entity_id, p.role) for p in said[0].participants] == [("emmanuel_macron", "source")]
    assert said[0].text.startswith("affirmant") and said[0].date == "2025-06-10"
    assert [e.plover for e in events if e.trigger == "signé"] == ["AGREE"]


def test_people_traded_for_others_are_the_other_sides_release(annotate):
    text = ("Selon Emmanuel Macron, la crise a pris fin après un accord de principe et la libération des quatre "
            "derniers otages maliens, échangés contre vingt détenus guinéens.")
    events = events_of(annotate, text, "2025-06-10")
    releases = [e for e in events if e.plover == "CONCEDE"]
    assert sorted(e.trigger for e in releases) == ["libération", "échangés"], kinds(events)
    freed, traded = sorted(releases, key=lambda e: e.start)
    assert traded.text.startswith("échangés contre") and "échangés" not in freed.text
    assert "emmanuel_macron" not in {p.entity_id for p in traded.participants}


def test_a_person_cited_with_selon_makes_a_statement_beside_the_act(annotate):
    events = events_of(annotate, "Le Chili et le Pérou se sont engagés mardi à Lima, selon Emmanuel Macron, à "
                                 "cesser leur querelle sur l'eau.", "2025-06-10")
    said = [e for e in events if e.trigger == "selon"]
    assert said and said[0].text == "selon Emmanuel Macron", kinds(events)
    assert [p.entity_id for p in said[0].participants] == ["emmanuel_macron"]
    act = next(e for e in events if e.plover == "AGREE")
    assert "emmanuel_macron" not in {p.entity_id for p in act.participants}


def test_a_toll_cited_with_selon_is_no_statement(annotate):
    events = events_of(annotate, "Au moins trente personnes ont été tuées mardi à Kadougli dans des frappes de "
                                 "l'armée, selon un bilan du ministère de la Santé.", "2025-06-10")
    assert not [e for e in events if e.trigger == "selon"], kinds(events)


def test_an_incise_after_the_words_it_reports_is_a_statement_of_its_issuer(annotate):
    # "indique": a form the lemmatizer leaves as it is; the verb ends the sentence, its document
    # speaks for the government; the words' own date (the truce's) is not the saying's
    events = events_of(annotate, "Les raids, les plus violents depuis le début de la trêve le 2 février, ont été "
                                 "ordonnés par le ministre de la Défense à la suite du refus répété de la milice "
                                 "de libérer les otages, indique un communiqué du gouvernement malien.",
                       "2025-06-10")
    said = [e for e in events if e.trigger == "indique"]
    assert said, kinds(events)
    assert [p.entity_id for p in said[0].participants] == ["malian_government"]
    assert said[0].date is None
    assert "refus répété" in said[0].text  # no act of its own in the words: the statement holds them
