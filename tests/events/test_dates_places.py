"""Events' dates and places taken from the rest of the article (full pipeline, invented articles)."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def by_trigger(doc, trigger):
    return next(e for e in doc._.events if e.trigger == trigger)


# -- places of fighting events ------------------------------------------------------------------
@pytest.mark.parametrize("text, trigger, place", [
    # the article's ground, named once, locates the fighting it then speaks of without naming it
    ("Des insurgés se sont emparés dimanche de la caserne principale de Kidal, au Mali. Mardi, des affrontements "
     "opposaient encore soldats et insurgés près du marché de la ville, d'après un élu local.", "opposaient", "mali"),
    # the country holding the town is the same ground; a second party after "opposant X à" is none
    ("Des soldats russes ont pris dimanche le contrôle du port à Kherson, en Ukraine. Depuis 2022, l'Ukraine est "
     "ravagée par une guerre opposant Kiev à Moscou. Mardi, des affrontements opposaient encore les deux armées "
     "près du port de la ville, selon un élu local.", "opposaient", "kherson"),
    # two grounds: nothing to inherit
    ("Des insurgés se sont emparés dimanche de la caserne principale de Kidal, au Mali. L'aviation a bombardé Gao "
     "lundi. Mardi, des affrontements opposaient encore soldats et insurgés près du marché, d'après un élu local.",
     "opposaient", None),
])
def test_fighting_events_share_the_article_ground(annotate, text, trigger, place):
    assert by_trigger(annotate(text, "2025-05-12"), trigger).place_id == place


# -- the place of an event: a phrase that locates it, not one that places something else -------
@pytest.mark.parametrize("text, trigger, place", [
    # an occasion introduced by a preposition, held at a place
    ("Emmanuel Macron a annoncé mardi un plan énergétique lors d'une conférence tenue à Lisbonne.", "annoncé", "lisbon"),
    # received somewhere, then saying something: the saying's place
    ("Les deux ministres, accueillis à l'Élysée, ont assuré lundi soutenir la candidature de Paris.",
     "soutenir", "elysee_palace"),
    # a town named after "dans la ville de"
    ("Le président ukrainien a rencontré mardi les élus locaux dans la ville de Kherson.", "rencontré", "kherson"),
    # a place after the date of the clause still locates it
    ("Les négociations entre Belgrade et Pristina se sont terminées le 10 mai à Bruxelles.", "négociations", "brussels"),
    # an occasion of another verb: the signing was there, the release not
    ("Les insurgés ont libéré mardi trente prisonniers, en application d'un compromis signé lors d'une "
     "conférence à Doha.", "libéré", None),
    ("Les insurgés ont libéré mardi trente prisonniers, en application d'un compromis signé lors d'une "
     "conférence à Doha.", "signé", "doha"),
    # an occasion inside a time phrase of the clause
    ("Au terme de deux jours de négociations à Genève, l'Arménie et l'Azerbaïdjan ont accepté jeudi un "
     "cessez-le-feu.", "accepté", "geneva"),
    # what the agreement is about is placed there, not the agreement
    ("Bamako et Alger ont conclu jeudi une entente sur une trêve durable à Kidal.", "conclu", None),
    # an apposition of the subject places the subject
    ("Le Kenya, poids lourd économique en Afrique, a salué lundi la signature de la trêve.", "salué", None),
])
def test_place_phrase_locates_the_event(annotate, text, trigger, place):
    assert by_trigger(annotate(text, "2025-05-12"), trigger).place_id == place


# -- dates of events that go on with an actor's dated act ----------------------------------------
@pytest.mark.parametrize("second, date", [
    # the same actor goes on in the next sentence, which gives no date: the day of the visit
    ("Il a salué « une rencontre fraternelle » devant la presse.", "2025-05-13"),
    # another actor: nothing to go on with
    ("Le chancelier allemand Friedrich Merz a salué « une rencontre fraternelle » devant la presse.", None),
])
def test_an_actor_going_on_keeps_the_day(annotate, second, date):
    doc = annotate("Le président brésilien Lula a été reçu mardi au Vatican par le pape. " + second, "2025-05-16")
    assert by_trigger(doc, "salué").date == date


def test_a_minister_goes_on_with_his_government(annotate):
    doc = annotate("La France a annoncé mardi la réouverture de son ambassade à Damas.\n« Nous voulons renouer le "
                   "dialogue », a déclaré le ministre des Affaires étrangères Jean-Noël Barrot devant la presse.",
                   "2025-05-16")
    assert by_trigger(doc, "déclaré").date == "2025-05-13"


@pytest.mark.parametrize("when, date", [
    ("mardi", "2025-05-13"),
    # an earlier time of no given day: the article's day is not the demand's
    ("précédemment", None),
    ("auparavant", None),
])
def test_an_unspecified_earlier_time_dates_nothing(annotate, when, date):
    doc = annotate(f"Le Chili a exigé {when} que la Bolivie retire ses troupes de la frontière.", "2025-05-16")
    assert by_trigger(doc, "exigé").date == date


def test_a_hypothetical_event_takes_no_day_from_its_sentence(annotate):
    doc = annotate("Le ministre vénézuélien a affirmé mardi que Caracas ne lancerait pas de nouvelles frappes "
                   "si la Guyane retirait ses troupes.", "2025-05-16")
    event = by_trigger(doc, "lancerait")
    assert event.status == "hypothetical" and event.date is None


@pytest.mark.parametrize("text, trigger, place", [
    # the land a war befalls is the war's place
    ("Depuis 2014, le Yémen est ravagé par une guerre opposant les rebelles houthis au gouvernement.",
     "opposant", "yemen"),
    # after a verb of pairing, "à" names a second party
    ("Depuis 2022, une guerre opposant Kiev à Moscou ravage le pays.", "opposant", None),
    # after a meeting, "à" names where it was
    ("Le président a rencontré Emmanuel Macron à Paris mardi.", "rencontré", "paris"),
])
def test_place_of_a_war(annotate, text, trigger, place):
    assert by_trigger(annotate(text, "2025-05-16"), trigger).place_id == place


@pytest.mark.parametrize("first, place", [
    # "le sommet" is the summit the article placed before
    ("lors d'un sommet régional organisé à Nairobi", "nairobi"),
    # a place inside the occasion's topic is not the occasion's
    ("lors de discussions sur la sécurité en Somalie", None),
])
def test_a_definite_occasion_takes_its_place(annotate, first, place):
    second = "Coprésidant le sommet" if place else "Coprésidant les discussions"
    doc = annotate(f"Le président kényan a annoncé lundi un plan de paix {first}. {second} aux côtés du chef de "
                   "l'État rwandais, William Ruto a réuni quinze dirigeants africains.", "2025-05-16")
    assert by_trigger(doc, "Coprésidant").place_id == place


def test_an_agreement_takes_no_date_from_another_agreement_of_one_shared_party(annotate):
    # the government's agreement with the rebels is not its agreement with the neighbour state
    text = ("Le gouvernement du Mali et les rebelles du FLA ont accepté de signer une déclaration de principes, "
            "avec la médiation de l'Algérie. Le 3 juin, les gouvernements du Mali et du Niger ont signé à Niamey "
            "un accord de sécurité, avec l'aide de l'Algérie.")
    doc = annotate(text, "2025-07-20")
    rebels = next(e for e in doc._.events if e.plover == "AGREE" and e.start < text.index("Le 3 juin"))
    assert rebels.date != "2025-06-03", (rebels.date, rebels.date_basis)


@pytest.mark.parametrize("first, second", [
    ("Jean Kamau a précisé qu'il irait à Kampala en avril prochain.",
     "Jean Kamau a signé avec l'Ouganda un accord de deux ans sur le café."),
    # the event before, dated ahead, does not lend its date to the act that goes on from it
    ("Jean Kamau a ajouté qu'il se rendrait à Kampala en avril prochain, invitant en retour son homologue ougandais "
     "à Nairobi.",
     "Jean Kamau a annoncé un accord de deux ans sur le café."),
])
def test_a_past_act_is_not_dated_by_a_future_time_of_the_sentence_before(annotate, first, second):
    # the sentence time "en avril prochain" runs on into the next paragraph; an act told in the past
    # cannot be after the article
    doc = annotate(first + "\n\n" + second, "2025-10-30")
    cut = doc.text.index(second)
    later = [e for e in doc._.events if e.start >= cut]
    assert later, [(e.trigger, e.date) for e in doc._.events]
    assert all(not e.date or e.date[:7] <= "2025-10" for e in later), [(e.trigger, e.date) for e in later]


# -- an event dating the clause as its eve or its morrow -------------------------------------------
def test_the_morrow_of_a_capture_dates_it_the_day_before(annotate):
    doc = annotate("La situation à Kadougli inquiète beaucoup mardi, au lendemain de l'annonce par les rebelles "
                   "de la prise de cette ville du Kordofan.", "2025-06-10")
    capture = by_trigger(doc, "prise")
    assert capture.plover == "ASSAULT" and capture.date == "2025-06-09"
    # "cette ville du Kordofan": the town named before, not the region around it
    assert capture.place_name == "Kadougli"


def test_the_eve_of_a_meeting_dates_it_the_day_after(annotate):
    doc = annotate("Le ministre chilien s'est exprimé mardi, à la veille de la rencontre entre le Chili et "
                   "le Pérou.", "2025-06-10")
    meeting = by_trigger(doc, "rencontre")
    assert meeting.date == "2025-06-11"
