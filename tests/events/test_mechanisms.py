"""Event mechanisms on hand-written French sentences: who takes part, how a reported statement is
typed, word senses read from arguments, the clause as evidence, dates of the same event."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def events_of(annotate, text, published="2025-03-13"):
    return annotate(text, published)._.events


def by_trigger(annotate, text, trigger, published="2025-03-13"):
    found = [e for e in events_of(annotate, text, published) if e.trigger == trigger]
    assert found, [e.trigger for e in events_of(annotate, text, published)]
    return found[0]


@pytest.mark.parametrize("text, trigger, expected", [
    # a country acting is its government; the object's owner is a party
    ("L'Inde a finalement accepté jeudi l'offre du Pakistan.", "accepté",
     {"indian_government", "pakistani_government"}),
    # the first conjunct of a subject the parser lost
    ("Oman et le Hamas ont accepté vendredi un texte de compromis.", "accepté", {"omani_government", "hamas"}),
    # coordinated names before the verb, commas included
    ("La France, l'Allemagne, l'Inde et Oman ont signé jeudi un communiqué commun.", "signé",
     {"french_government", "german_government", "indian_government", "omani_government"}),
    # reported content by a third party: the parties of the content (the speaker's saying is an
    # event of its own, tests/events/test_reports.py)
    ("Emmanuel Macron a affirmé jeudi que l'Inde et le Pakistan avaient convenu d'une pause.",
     "convenu", {"indian_government", "pakistani_government"}),
    # an announcement makes the news it carries: the announcer stays a participant
    ("Emmanuel Macron a annoncé jeudi que l'Inde et le Pakistan avaient convenu d'une pause.",
     "convenu", {"emmanuel_macron", "indian_government", "pakistani_government"}),
])
def test_participants(annotate, text, trigger, expected):
    event = by_trigger(annotate, text, trigger)
    assert {p.entity_id for p in event.participants} == expected


def test_a_country_and_its_government_are_one_participant(annotate):
    event = by_trigger(annotate, "Le Qatar et le gouvernement qatari ont accepté la proposition.", "accepté")
    assert [p.entity_id for p in event.participants].count("qatari_government") == 1
    assert "qatar" not in {p.entity_id for p in event.participants}


@pytest.mark.parametrize("text, plover", [
    ("Le porte-parole indien a assuré jeudi qu'aucun accord n'avait encore été trouvé.", "REJECT"),
    ("Le porte-parole a déclaré que ces annonces n'étaient que des ruses.", "ACCUSE"),
    ("Le ministre turc a déclaré que l'Arménie devait modifier sa constitution.", "DEMAND"),
    ("Le secrétaire général a déclaré qu'il saluait la décision des deux camps.", "SUPPORT"),
    ("Le ministre a déclaré que la réunion avait eu lieu dans le calme.", "CONSULT"),
])
def test_statements_are_typed_by_their_content(annotate, text, plover):
    assert plover in {e.plover for e in events_of(annotate, text)}


@pytest.mark.parametrize("text, trigger, plover", [
    ("Le Hamas a libéré lundi vingt otages israéliens.", "libéré", "CONCEDE"),
    ("Les deux ministres ont échangé dans une atmosphère constructive.", "échangé", "CONSULT"),
    ("Les deux pays ont échangé des prisonniers samedi.", "échangé", "CONCEDE"),
    ("Les milices ont pris le contrôle de la ville mardi.", "pris", "ASSAULT"),
    ("La Russie a salué samedi la rencontre entre les deux dirigeants.", "salué", "SUPPORT"),
    ("Washington a annoncé la levée des sanctions contre Damas.", "levée", "CONCEDE"),
    ("La trêve entrera en vigueur dimanche.", "trêve", "RETREAT"),
    ("Pékin et Londres ont fait part de leur vive inquiétude.", "inquiétude", "DISAPPROVE"),
])
def test_word_senses(annotate, text, trigger, plover):
    assert by_trigger(annotate, text, trigger).plover == plover


@pytest.mark.parametrize("text", [
    "Le pays attend la trêve depuis des mois.",            # a truce mentioned, not taking effect
    "L'inquiétude grandit dans la capitale.",              # a concern nobody voices
    "Le gouvernement a libéré des fonds pour la reconstruction.",  # released money, not captives
])
def test_senses_that_are_no_event(annotate, text):
    assert events_of(annotate, text) == []


def test_each_event_keeps_its_own_clause(annotate):
    text = "Israël suspend les cours dans les écoles, et le Hamas a libéré trois otages israéliens."
    events = events_of(annotate, text)
    spans = {e.trigger: e.text for e in events}
    assert "libéré" not in spans.get("suspend", "")


def test_a_weekday_written_with_its_date_settles_the_year(annotate):
    doc = annotate("Les deux délégations se rencontreront à nouveau samedi 19 avril.", "2025-04-12")
    assert [t.value for t in doc._.timexes] == ["2025-04-19"]


def test_the_same_event_elsewhere_dates_an_undated_report(annotate):
    text = ("Le Hamas a libéré lundi 13 octobre vingt otages israéliens. "
            "Selon la Croix-Rouge, le Hamas a libéré les otages israéliens dans le calme.")
    events = [e for e in events_of(annotate, text, "2025-10-14") if e.plover == "CONCEDE"]
    assert len(events) == 2 and {e.date for e in events} == {"2025-10-13"}


@pytest.mark.parametrize("text, trigger, expected", [
    # "il": the subject of the sentence before, whatever the parse did with the name
    ("Le ministre iranien des Affaires étrangères Abbas Araghchi a reçu les médiateurs. "
     "Il a ensuite rencontré Steve Witkoff à Mascate.", "rencontré", {"abbas_araghchi", "steve_witkoff"}),
    # "celui-ci": the actor named last, not the city where it happened
    ("Le plan a été préparé par le président américain Donald Trump au Caire. "
     "Celui-ci a signé l'accord mardi.", "signé", {"donald_trump"}),
    # the sentence before has a subject that is no actor: the pronoun stands for nobody named
    ("La libération des otages a commencé dimanche près de Rafah. Elle a signé l'accord mardi.", "signé", set()),
])
def test_a_pronoun_subject_is_the_actor_before_it(annotate, text, trigger, expected):
    event = by_trigger(annotate, text, trigger)
    assert {p.entity_id for p in event.participants} == expected



@pytest.mark.parametrize("text, trigger, expected", [
    # a nationality adjective on who acts or on what is put forward names a state
    ("Les dirigeants serbe et kosovar ont signé vendredi un accord à Bruxelles.", "signé",
     {"serbian_government", "kosovar_government"}),
    ("La Serbie accepte les propositions kosovares sur les deux articles.", "accepte",
     {"serbian_government", "kosovar_government"}),
    # a place so qualified is no party
    ("Les forces russes ont pris la ville ukrainienne de Koupiansk.", "pris", {"russian_armed_forces"}),
])
def test_a_nationality_adjective_names_a_state_party(annotate, text, trigger, expected):
    assert {p.entity_id for p in by_trigger(annotate, text, trigger).participants} == expected


def test_an_accusation_governs_the_act_it_imputes(annotate):
    """"accuse X de « tuer »": the event is the accusation, the killing only its content."""
    events = events_of(annotate, "Le collectif des familles accuse le Premier ministre de « tuer » leurs proches.")
    assert events and events[0].plover == "ACCUSE"  # the sentence's main event


def test_a_date_inside_a_relative_clause_does_not_date_the_event(annotate):
    text = ("La Serbie a signé mardi un accord. Le mouvement, qui contrôle la région depuis 2007, "
            "accuse le Premier ministre serbe de mentir.")
    event = by_trigger(annotate, text, "accuse")
    assert event.date_basis is None or not event.date_basis.startswith("governing")


def test_a_war_opposing_two_sides_is_fighting_not_a_rejection(annotate):
    event = by_trigger(annotate, "Le pays est ravagé depuis mars 2022 par une guerre opposant l'armée aux milices.",
                       "opposant", "2025-10-27")
    assert event.plover == "ASSAULT"
    assert event.date == "2022-03"


def test_an_event_in_a_time_adjunct_is_a_second_event_dated_by_its_offset(annotate):
    text = "Le ministre a rencontré mardi son homologue, deux jours après l'attaque contre la base de Kadougli."
    events = events_of(annotate, text, "2025-10-27")
    assert {e.trigger for e in events} >= {"rencontré", "attaque"}
    assert by_trigger(annotate, text, "rencontré", "2025-10-27").date == "2025-10-21"
    assert by_trigger(annotate, text, "attaque", "2025-10-27").date == "2025-10-19"
    vague = "La trêve est annoncée un peu plus d'une semaine après la prise de Kadougli par les milices."
    assert by_trigger(annotate, vague, "prise", "2025-10-27").date is None


def test_a_siege_since_a_date_is_its_own_event_and_does_not_date_the_capture(annotate):
    text = "Les milices se sont emparées de Kadougli, assiégée depuis huit mois."
    siege = by_trigger(annotate, text, "assiégée", "2025-10-27")
    assert siege.plover == "ASSAULT" and siege.date == "2025-02"
    assert by_trigger(annotate, text, "emparées", "2025-10-27").date is None
    # a participle the tagger took for a noun, heading its own phrase
    alone = by_trigger(annotate, "Encerclée depuis dix mois, la ville de Kadougli était le dernier bastion de l'armée.",
                       "Encerclée", "2025-10-27")
    assert alone.date == "2024-12"


def test_coordinated_event_nouns_in_a_time_adjunct_give_one_event_each(annotate):
    text = ("Le président a pris la parole devant le Parlement, après un accord de trêve et la libération "
            "des derniers otages détenus dans la région.")
    plovers = {e.trigger: e.plover for e in events_of(annotate, text, "2025-10-27")}
    assert plovers.get("accord") == "AGREE" and plovers.get("libération") == "CONCEDE"


def test_the_main_verb_wins_over_participles_describing_an_adjunct_noun(annotate):
    text = ("Les rebelles ont libéré jeudi 4 mai les douze derniers otages, dans le cadre d'un accord négocié "
            "par le Qatar et signé par les deux camps lors d'une réunion à Doha.")
    events = {e.trigger: e for e in events_of(annotate, text, "2025-10-27")}
    assert events["libéré"].plover == "CONCEDE" and events["libéré"].date == "2025-05-04"
    # the coordinated participles are events of their own
    assert events["négocié"].plover == "CONSULT" and events["signé"].plover == "AGREE"


def test_an_incise_after_an_event_is_the_speakers_own_statement(annotate):
    text = ("Le chef de la milice, Omar Haddad, a été tué dans les bombardements, a annoncé le ministre libyen "
            "Ali Mansour dans un communiqué.")
    events = {e.trigger: e for e in events_of(annotate, text, "2025-10-27")}
    assert events["tué"].plover == "ASSAULT"
    statement = events["annoncé"]
    assert statement.plover == "OTHER"
    # the incise clause is the statement's evidence, and the event's span stops before it
    assert statement.text.startswith("a annoncé") and "tué" not in statement.text
    assert "annoncé" not in events["tué"].text


def test_a_dated_truce_named_in_a_sourced_report_is_an_event_without_the_source(annotate):
    text = ("Israël a lancé dans la nuit des frappes massives, les plus lourdes depuis le début de la trêve "
            "du 2 février dernier, causant au moins cinquante morts selon Amnesty International.")
    events = {e.trigger: e for e in events_of(annotate, text, "2025-03-20")}
    assert events["lancé"].plover == "ASSAULT"
    truce = events["trêve"]
    assert truce.plover == "RETREAT" and truce.date == "2025-02-02"
    # the source reports the strikes; it is not one of their parties (both golds' convention)
    assert not any("amnesty" in p.entity_id for p in events["lancé"].participants)
    assert not any("amnesty" in p.entity_id for p in truce.participants)


def test_an_undated_event_naming_a_dated_event_of_its_type_takes_its_date(annotate):
    text = ("Un nouveau bilan a été publié mardi par les secours.\n\nAu moins quarante personnes ont été tuées à "
            "Kadougli dans des frappes menées par l'armée le 3 mai.\n\nPar ailleurs, le chef de la milice, Omar "
            "Haddad, a été tué dans les frappes.")
    killed = by_trigger(annotate, text, "tué", "2025-05-06")
    assert (killed.date, killed.date_basis) == ("2025-05-03", "named-event")


@pytest.mark.parametrize("text, trigger, plover", [
    # an evacuation ordered on others is coercion; troops leaving a place is a retreat
    ("L'armée, qui a ordonné aux habitants d'évacuer plusieurs quartiers de Kadougli, affirme que l'opération durera.",
     "évacuer", "COERCE"),
    ("Les troupes ont évacué mardi la base de Kadougli.", "évacué", "RETREAT"),
])
def test_an_ordered_evacuation_is_coercion(annotate, text, trigger, plover):
    assert by_trigger(annotate, text, trigger, "2025-10-27").plover == plover


def test_a_future_date_inside_the_quote_does_not_date_the_saying(annotate):
    text = ("« Il faut tenir bon pour que, dans un an, la frontière soit enfin sûre », a ajouté le président "
            "ukrainien Volodymyr Zelensky.")
    dates = {e.trigger: e.date for e in events_of(annotate, text, "2025-12-02")}
    assert "ajouté" in dates, dates
    assert not (dates["ajouté"] or "").startswith("2026"), dates


@pytest.mark.parametrize("text, trigger", [
    # "ne pas tarder à", "ne pas hésiter à": the negation affirms the act
    ("La Chine n'a pas tardé à riposter en imposant des taxes sur les produits américains.", "riposter"),
    ("Le Kenya n'a pas hésité à signer l'accord mardi.", "signer"),
])
def test_a_negated_verb_of_delay_affirms_its_complement(annotate, text, trigger):
    event = by_trigger(annotate, text, trigger)
    assert event.status != "denied" and event.type != "rejection"


@pytest.mark.parametrize("text, trigger", [
    # "pas" after an adjective or a determiner is a step ("un premier pas"), no negation
    ("Des diplomates kényans ont qualifié la réunion de Nairobi de « premier pas » vers la paix.", "réunion"),
    ("Des diplomates kényans ont qualifié la réunion de Nairobi de petit pas vers la paix.", "réunion"),
])
def test_a_step_is_no_negation(annotate, text, trigger):
    assert by_trigger(annotate, text, trigger).status != "denied"
