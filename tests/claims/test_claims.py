"""Claims on invented French sentences: stances (denials in many forms, confirmation, question),
claimants and the normalised proposition."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _claims_on(doc, place: str):
    return [c for c in doc._.claims if c.predicate == "CONTROLS" and c.arguments[-1] == place]


DENIALS = [
    # (sentence, place, words expected in the denier's name)
    ("Le ministère ukrainien de la Défense dément que les troupes russes aient pris la ville de Koupiansk.",
     "koupiansk", "ministere"),
    ("L'état-major ukrainien rejette les affirmations de Moscou selon lesquelles l'armée russe aurait capturé Siversk.",
     "siversk", "major"),
    ("Les forces de Kiev ont assuré qu'elles combattaient toujours les unités russes à Myrnohrad, "
     "démentant la version du Kremlin selon laquelle la ville serait tombée.", "myrnohrad", "forces"),
    ("Selon l'armée ukrainienne, la prétendue prise de Lyman relève de la désinformation.", "lyman", "armee"),
    ("Le commandement ukrainien a indiqué que les combats se poursuivent à Houliaïpole.", "houliaipole", "commandement"),
    ("Kiev assure que la ville de Kostiantynivka n'a pas été prise par les Russes.", "kostiantynivka", "kiev"),
    ("Le porte-parole de l'armée ukrainienne a démenti que Bakhmout soit passée sous contrôle russe.", "bakhmout", "porte"),
]


@pytest.mark.parametrize("text,place,who", DENIALS)
def test_denial_forms_deny_russian_control(annotate, text, place, who):
    claims = _claims_on(annotate(text), place)
    denials = [c for c in claims if c.stance == "denies"]
    assert denials, [(c.proposition, c.stance) for c in annotate(text)._.claims]
    denial = denials[0]
    assert denial.proposition == f"CONTROLS(russia,{place})"
    assert who in (denial.claimant_name or "").lower().replace("é", "e").replace("è", "e")
    assert denial.affiliation == "ukraine"


@pytest.mark.parametrize("text,place,stance", [
    ("Le Kremlin a confirmé que les forces russes avaient pris Siversk.", "siversk", "confirms"),
    ("Des analystes occidentaux mettent en doute la prise de Siversk annoncée par Moscou.", "siversk", "questions"),
    ("Un institut américain conteste que les forces russes aient pris Siversk.", "siversk", "questions"),
    ("Moscou affirme que ses troupes se sont emparées de Lyman.", "lyman", "asserts"),
])
def test_confirmation_and_question(annotate, text, place, stance):
    claims = _claims_on(annotate(text), place)
    assert [c.stance for c in claims] == [stance]
    assert claims[0].proposition == f"CONTROLS(russia,{place})"


def test_claim_noun_owner_asserts_what_is_rejected(annotate):
    doc = annotate("L'état-major ukrainien rejette les affirmations de Moscou selon lesquelles "
                   "l'armée russe aurait capturé Siversk.")
    by_stance = {c.stance: c for c in _claims_on(doc, "siversk")}
    assert set(by_stance) == {"asserts", "denies"}
    assert "moscou" in by_stance["asserts"].claimant_id
    assert by_stance["asserts"].proposition == by_stance["denies"].proposition


@pytest.mark.parametrize("first,second", [
    ("Moscou affirme que ses troupes se sont emparées de Lyman.",
     "La Défense russe a annoncé la capture de Lyman."),
    ("Le Kremlin a déclaré que l'armée russe contrôle désormais la ville de Lyman.",
     "Selon Moscou, les forces russes ont libéré Lyman."),
])
def test_two_wordings_one_proposition(annotate, first, second):
    a = _claims_on(annotate(first), "lyman")
    b = _claims_on(annotate(second), "lyman")
    assert a and b
    assert a[0].proposition == b[0].proposition == "CONTROLS(russia,lyman)"


def test_claim_offsets_and_date(annotate):
    text = "Le Kremlin a confirmé que les forces russes avaient pris Siversk."
    doc = annotate(text, published="2025-11-30")
    claim = doc._.claims[0]
    assert text[claim.start:claim.end] == claim.text
    assert claim.sentence == 0
    assert claim.date == "2025-11-30"
    assert claim.cue == "confirmé"


@pytest.mark.parametrize("text,predicate,value", [
    ("Iouri Ouchakov a estimé que les entretiens avaient été « fructueux ».", "EVALUATES", "productive"),
    ("Les négociations n'ont permis aucun progrès, a affirmé jeudi le ministre Sergueï Lavrov.",
     "EVALUATES", "no_progress"),
    ("D'après lui, le chef du Kremlin souhaite arrêter la guerre.", "INTENDS", "end_war"),
])
def test_other_predicates(annotate, text, predicate, value):
    doc = annotate("Donald Trump a parlé aux journalistes. " + text)
    found = [c for c in doc._.claims if c.predicate == predicate]
    assert found, [c.proposition for c in doc._.claims]
    assert found[0].arguments[-1] == value


def test_pronoun_speaker_is_resolved(annotate):
    doc = annotate("Volodymyr Zelensky était à Dublin mardi. Il a déclaré que la paix était proche.")
    claim = next(c for c in doc._.claims if c.sentence == 1)
    assert "zelensky" in claim.claimant_id


def test_claims_of_a_quoted_passage_take_the_quote_speaker(nlp):
    """A participle incise after a quote ("…, a-t-il écrit, ajoutant que …"): the claimant is the
    speaker the quotes resolve for the same verb, not a country named inside the content."""
    from dossier.models import Article
    from dossier.pipeline import process_article

    text = ("Le chef de la diplomatie turque, Hakan Fidan, a donné lundi soir des précisions. « La Russie "
            "et l'Ukraine se verront jeudi à Istanbul pour des discussions directes », a-t-il écrit sur X, "
            "ajoutant qu'il s'agit « d'une chance » et que « la décision appartient à Moscou ».")
    records = process_article(Article(raw_text=text, published="2025-06-12", published_precision="day"), nlp)
    added = [c for c in records.claims if c.cue == "ajoutant"]
    assert added and {c.claimant_id for c in added} == {"hakan_fidan"}


def test_a_revealing_verb_with_a_completive_reports(annotate):
    doc = annotate("Les médias turcs ont révélé que le ministre rencontrerait son homologue à Ankara.")
    assert [c.cue for c in doc._.claims] == ["révélé"]


def test_a_qualifying_participle_is_its_agent_s_claim(annotate):
    """"des dépôts qualifiés de « X » par Berlin": Berlin asserts it, with its own evidence span."""
    text = "Les frappes visent des dépôts qualifiés de « stratégiques » par Berlin."
    doc = annotate(text)
    claim = next(c for c in doc._.claims if c.cue == "qualifiés")
    assert "berlin" in (claim.claimant_id or "").lower() or "german" in (claim.claimant_id or "")
    assert text[claim.start:claim.end].startswith("dépôts") and text[claim.start:claim.end].endswith("Berlin")


@pytest.mark.parametrize("text", [
    "À l'annonce du cessez-le-feu par le président Trump, les habitants sont sortis dans les rues.",
    "Malgré la déclaration de Moscou, les bombardements ont repris dans la nuit.",
    "Les combats ont continué après l'annonce de l'armée russe.",
])
def test_claim_noun_as_a_circumstance_reports_no_claim(annotate, text):
    doc = annotate(text)
    assert [c for c in doc._.claims if c.cue in ("annonce", "déclaration")] == [], \
        [(c.text, c.cue, c.claimant_id) for c in doc._.claims]


def test_claim_noun_with_its_own_clause_is_a_claim(annotate):
    doc = annotate("Kiev a rejeté l'annonce de Moscou selon laquelle ses troupes avaient pris Lyman.")
    asserted = [c for c in _claims_on(doc, "lyman") if c.stance == "asserts"]
    assert asserted and "moscou" in asserted[0].claimant_id



HEADLINED = ("L'Ukraine dément que les troupes russes aient pris Koupiansk\n\n"
             "Le ministère ukrainien de la Défense a démenti mardi que les troupes russes aient pris "
             "la ville de Koupiansk. Les combats continuent dans le secteur, selon l'état-major.")
OWN_HEADLINE = HEADLINED.replace("aient pris Koupiansk\n", "aient pris Siversk\n")


def _denials(nlp, text):
    from dossier.models import Article
    from dossier.pipeline import process_article

    records = process_article(Article(raw_text=text, source="t.txt", published="2025-12-02",
                                      published_precision="day", published_basis="manifest"), nlp)
    body = records.clean_text.index("Le ministère")
    return sorted((c.proposition, c.start >= body) for c in records.claims if c.stance == "denies")


def test_a_headline_the_body_tells_again_is_not_a_claim_of_its_own(nlp):
    """The headline sums up the report: the claim the body makes again is the body's (one claim,
    its evidence in the body); a claim only the headline makes stays."""
    told = _denials(nlp, HEADLINED)
    assert ("CONTROLS(russia,kupiansk)", True) in told and all(in_body for _, in_body in told), told
    own = _denials(nlp, OWN_HEADLINE)
    assert [p for p, in_body in own if not in_body] == ["CONTROLS(russia,siversk)"], own
    assert ("CONTROLS(russia,kupiansk)", True) in own


def test_a_claim_in_the_first_person_inside_a_quotation_is_its_speakers(nlp):
    """A claim whose verb has "je" or "nous" for subject inside a quotation is the quotation's
    speaker's (and a free-text claim's key names that speaker), not the speaker of the sentence
    before's."""
    from dossier.models import Article
    from dossier.pipeline import process_article

    text = ("Pourparlers de Niamey\n\nLe gouvernement tchadien a salué jeudi une journée utile. « Au fond, je crois "
            "que nous tenons enfin une base pour la trêve », a confié à la radio nationale le négociateur nigérien, "
            "Karim Bello.")
    records = process_article(Article(raw_text=text, source="t.txt", published="2025-04-12",
                                      published_precision="day", published_basis="manifest"), nlp)
    quote = next(q for q in records.quotes if "base pour la trêve" in q.text)
    assert quote.speaker_name == "Karim Bello", quote  # the quotation's speaker is read right
    claim = next(c for c in records.claims if "base pour la trêve" in c.text)
    assert claim.claimant_id == quote.speaker_id, (claim.claimant_id, claim.proposition)
    assert claim.proposition.startswith(f"SAYS({quote.speaker_id.replace('local:', '')},")
