"""Parties an event's text names only indirectly (hand-written French articles): the nations of
the persons a release or exchange concerns and of the places they were held in, the holder of
the persons released."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def ids(event):
    return {p.entity_id for p in event.participants}


@pytest.mark.parametrize("text, trigger, expected", [
    # the nationality of the persons released names the other party
    ("Le Hamas a libéré mardi douze otages thaïlandais après des semaines de négociations.",
     "libéré", {"hamas", "thai_government"}),
    # the holder ("détenus par X") and the nation of the persons held
    ("Trente soldats arméniens détenus par l'Azerbaïdjan ont été relâchés samedi.",
     "relâchés", {"azerbaijani_government", "armenian_government"}),
    # the prison's nationality names the holder; a people the article names an organisation of
    # stands for that organisation, not for a government the article never names
    ("Le Hamas a salué l'accord. Mardi, cinquante prisonniers palestiniens ont été libérés des "
     "prisons israéliennes.", "libérés", {"israeli_government", "hamas"}),
    # persons named by their nationality noun, exchanged against others
    ("Le Hamas et Israël ont conclu une trêve. Elle prévoit la libération de dix Israéliens, "
     "échangés contre trois cents Palestiniens.", "libération", {"israeli_government", "hamas"}),
])
def test_release_parties(event_by_trigger, text, trigger, expected):
    assert ids(event_by_trigger(text, trigger)) == expected


def test_a_nationality_of_other_nouns_names_no_release_party(event_by_trigger):
    # "la ville ukrainienne" is where it happened, not who takes part
    event = event_by_trigger("La Russie a libéré lundi deux journalistes dans la ville ukrainienne de Soumy.",
                       "libéré")
    assert "ukrainian_government" not in ids(event)


def test_an_unnamed_speaker_with_a_nationality_speaks_for_its_government(annotate):
    text = "Un responsable indien a confirmé jeudi que les deux délégations se rencontreraient à Genève."
    sayings = [e for e in annotate(text)._.events if "indian_government" in ids(e)]
    assert sayings, [(e.trigger, ids(e)) for e in annotate(text)._.events]


@pytest.mark.parametrize("text, plover", [
    # an agreement whose text names no party, reported by someone: that person's statement
    ("Un responsable indien a confirmé jeudi qu'un accord avait été conclu.", "OTHER"),
    # the parties named as the subject: the agreement itself, even when the parse loses them
    ("Selon Emmanuel Macron, leurs dirigeants se sont engagés jeudi à cesser les combats.", "AGREE"),
    # an announcement makes the news it carries
    ("Mardi, le Pakistan a annoncé qu'un consensus avait été obtenu avec l'Inde sur le texte.", "AGREE"),
])
def test_a_reported_agreement_without_parties_is_a_statement(annotate, text, plover):
    events = annotate(text)._.events
    assert plover in {e.plover for e in events}, [(e.trigger, e.plover) for e in events]
    if plover == "OTHER":
        assert "AGREE" not in {e.plover for e in events}


def test_the_two_parties_are_the_pair_the_article_names_together(event_by_trigger):
    text = ("Des négociations entre l'Inde et le Pakistan se sont tenues lundi à Genève. "
            "Les deux parties ont convenu de se revoir la semaine prochaine.")
    event = event_by_trigger(text, "convenu")
    assert {"indian_government", "pakistani_government"} <= ids(event)


def test_the_two_parties_take_no_pair_when_none_stands_out(event_by_trigger):
    text = "Les deux parties ont convenu mardi de se revoir la semaine prochaine."
    event = event_by_trigger(text, "convenu")
    assert not ids(event)


def test_weapons_of_a_nationality_are_its_armed_forces(event_by_trigger):
    event = event_by_trigger("Dans la nuit, des drones pakistanais ont frappé un dépôt près de Lahore.", "frappé")
    from dossier.entities import load_kb

    assert load_kb().institution("PK", "armed_forces") in ids(event)
    assert "indian_government" not in ids(event)


BELLIGERENTS = (
    "L'armée indienne a bombardé mardi des camps du Pakistan, près de la frontière avec le Pakistan, "
    "a indiqué l'Inde. Le Pakistan a promis une réponse. Les bombardements ont continué mercredi soir.")


def test_the_sides_named_around_the_fighting_are_the_belligerents(annotate):
    from dossier.events.sides import article_belligerents

    doc = annotate(BELLIGERENTS)
    pair = article_belligerents(doc._.events, doc)
    assert pair is not None and {p.entity_id for p in pair} == {"indian_government", "pakistani_government"}
    resumed = [e for e in doc._.events if e.trigger == "bombardements"]
    assert resumed and {"indian_government", "pakistani_government"} <= ids(resumed[0])


def test_no_sides_when_the_fighting_sentences_name_one_actor(annotate):
    from dossier.events.sides import article_belligerents

    doc = annotate("L'armée indienne a bombardé mardi plusieurs camps, a indiqué l'Inde. Le Pakistan a "
                   "promis une réponse. Les bombardements ont continué mercredi soir.")
    assert article_belligerents(doc._.events, doc) is None
    resumed = [e for e in doc._.events if e.trigger == "bombardements"]
    assert resumed and all(not ids(e) for e in resumed)


PAIR_ARTICLE = "Une rencontre entre l'Inde et le Pakistan a eu lieu lundi à Genève. "


@pytest.mark.parametrize("sentence, trigger", [
    # "leurs dirigeants": the pair's leaders, as their governments
    ("Mardi, leurs dirigeants se sont engagés à cesser les tirs.", "engagés"),
    # "ces pays", in a "pour" phrase of what is stressed
    ("La France a souligné mardi la nécessité pour ces pays de reprendre le dialogue.", "souligné"),
])
def test_the_pair_named_by_a_possessive_or_a_demonstrative(event_by_trigger, sentence, trigger):
    event = event_by_trigger(PAIR_ARTICLE + sentence, trigger)
    assert {"indian_government", "pakistani_government"} <= ids(event)


def test_a_clause_describing_a_conflict_takes_the_conflicts_parties(event_by_trigger):
    text = "Le pays vit depuis un conflit entre l'Inde et le Pakistan, qui a éclaté en mai 2024 après un attentat."
    event = event_by_trigger(text, "éclaté")
    assert {"indian_government", "pakistani_government"} <= ids(event)


def test_a_partner_phrase_hung_on_the_nouns_complement(event_by_trigger):
    text = "Des pourparlers sur le programme nucléaire entre l'Inde et le Pakistan se sont achevés samedi à Genève."
    event = event_by_trigger(text, "pourparlers")
    assert {"indian_government", "pakistani_government"} <= ids(event)


@pytest.mark.parametrize("text, trigger, absent", [
    # the country qualifying an actor's name
    ("Les Forces de soutien rapide du Soudan ont attaqué mardi un dépôt de munitions.", "attaqué",
     "sudanese_government"),
    # a name inside another actor's name
    ("Le Pakistan a demandé mardi au Conseil de sécurité de l'ONU de condamner les frappes.", "demandé",
     "united_nations"),
    # the body a speaker speaks for, in the role noun in apposition to the speaker
    ("Ali Karimi, porte-parole du gouvernement iranien, a accusé mardi l'Inde de mentir.", "accusé",
     "iranian_government"),
])
def test_a_name_qualifying_another_actor_is_no_party(event_by_trigger, text, trigger, absent):
    assert absent not in ids(event_by_trigger(text, trigger))


@pytest.mark.parametrize("text, trigger, plover", [
    # fighting announced in the future tense is a threat
    ("Le Pakistan combattra tant que ses soldats ne seront pas rentrés, a prévenu le ministre.", "combattra",
     "THREATEN"),
    ("L'Inde frappera les camps si les attaques continuent, a averti son ministre.", "frappera", "THREATEN"),
    # a dated future strike is a planned attack, not a threat
    ("L'armée indienne frappera les camps le 12 mars, selon le ministre.", "frappera", "ASSAULT"),
])
def test_fighting_announced_in_the_future_is_a_threat(event_by_trigger, text, trigger, plover):
    assert event_by_trigger(text, trigger).plover == plover


def test_a_threat_by_one_side_is_against_the_other(annotate):
    doc = annotate(BELLIGERENTS + " L'Inde combattra tant que les camps resteront ouverts.")
    threat = [e for e in doc._.events if e.trigger == "combattra"]
    assert threat and threat[0].plover == "THREATEN"
    assert {"indian_government", "pakistani_government"} <= ids(threat[0])


LEADERS = "Nikol Pachinian et Ilham Aliev étaient attendus mardi à Paris. "


def test_leaders_of_a_nationality_are_the_persons_the_article_names(annotate):
    doc = annotate(LEADERS + "Les dirigeants azerbaïdjanais et arménien ont signé mercredi une déclaration commune.",
                   published="2025-08-09")
    signed = [e for e in doc._.events if e.trigger == "signé"]
    assert signed and {"ilham_aliyev", "nikol_pashinyan"} <= ids(signed[0])


def test_leaders_the_article_does_not_name_stay_their_governments(annotate):
    doc = annotate("Les dirigeants azerbaïdjanais et arménien ont signé mercredi une déclaration commune.",
                   published="2025-08-09")
    signed = [e for e in doc._.events if e.trigger == "signé"]
    assert signed and {"azerbaijani_government", "armenian_government"} <= ids(signed[0])


def test_a_sentence_the_page_repeats_is_told_once(annotate):
    lead = "Le Pakistan annonce un accord avec l'Inde sur le partage des eaux de l'Indus."
    body = "Emmanuel Macron a salué mardi cet accord lors d'une visite à Genève."
    doc = annotate(f"{lead}\n\n{lead}\n\n{body}")
    assert [e for e in doc._.events if e.start < len(lead)]  # the first telling
    assert not [e for e in doc._.events if len(lead) < e.start < 2 * len(lead) + 4]  # not its repeat
    assert [e for e in doc._.events if e.start > 2 * len(lead)]


def test_a_sentence_written_once_is_a_report(annotate):
    lead = "Le Pakistan annonce un accord avec l'Inde sur le partage des eaux de l'Indus."
    doc = annotate(f"{lead}\n\nLe ministre pakistanais a déclaré mardi que les deux pays avaient signé le texte.")
    assert [e for e in doc._.events if e.start < len(lead)]


def test_an_incise_speaker_the_quotes_resolved_makes_the_statement(annotate):
    # "le mouvement islamiste": a description the quotes component resolves to Hamas
    doc = annotate("Le Hamas a perdu un cadre. Le porte-parole de sa branche armée à Rafah, Ahmed Saleh, "
                   "a été tué dans la nuit, a annoncé le mouvement islamiste dans un communiqué.")
    said = [e for e in doc._.events if e.trigger == "annoncé"]
    assert said and "hamas" in ids(said[0])


def test_a_news_agency_relaying_takes_no_part(annotate):
    # the agency reports the meeting; it neither met anyone nor made a statement of its own
    doc = annotate("Selon des informations rapportées mardi par l'AFP, les négociateurs du Mali et du Niger "
                   "se sont rencontrés à Niamey. L'AFP a rapporté que la rencontre avait duré trois heures.",
                   "2025-07-02")
    ids = {p.entity_id for e in doc._.events for p in e.participants if p.role != "target"}
    assert "agence_france_presse" not in ids, [(e.type, [(p.entity_id, p.role) for p in e.participants]) for e in doc._.events]


def test_a_platform_a_statement_is_posted_on_takes_no_part(annotate):
    doc = annotate("« Le Mali et le Niger ont convenu d'un cessez-le-feu avec effet immédiat », a déclaré le ministre "
                   "nigérien des Affaires étrangères, Bakary Sangaré, sur le réseau social X.", "2025-07-02")
    ids = {p.entity_id for e in doc._.events for p in e.participants}
    assert doc._.events and not ids & {"truth_social", "x_platform"}, \
        [(e.type, [(p.entity_id, p.role) for p in e.participants]) for e in doc._.events]


@pytest.mark.parametrize("text, etype", [
    # a proposal rejected is a political rejection, whatever military words its complement holds
    ("Le gouvernement péruvien a rejeté mardi la proposition chilienne de retirer les troupes des positions "
     "occupées le long de la frontière.", "rejection"),
    # a military claim denied stays a military denial
    ("L'armée péruvienne a rejeté mardi les affirmations chiliennes sur la prise de la ville de Tacna.",
     "military_denial"),
])
def test_a_rejected_proposal_is_no_military_denial(annotate, text, etype):
    doc = annotate(text, "2025-07-02")
    assert [e.type for e in doc._.events if e.trigger == "rejeté"] == [etype], \
        [(e.type, e.trigger) for e in doc._.events]


def test_talks_denied_are_no_military_denial(annotate):
    # talks denied are political, whatever military words the sentence holds
    doc = annotate("Le chef des opérations militaires dans la région a annoncé sa retraite, tandis que la "
                   "vice-présidente a démenti toute négociation secrète avec l'opposition.", "2025-07-02")
    assert [e.type for e in doc._.events if e.trigger == "démenti"] == ["rejection"], \
        [(e.type, e.trigger) for e in doc._.events]
