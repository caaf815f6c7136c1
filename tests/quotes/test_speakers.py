"""Speaker attribution on hand-written French sentences, one table per failure kind of issue 14:
documents and outlets, role descriptions, junk speakers, relative pronouns, the wrong neighbour,
coreference, "côté X" and states the hand-written KB does not list. Full pipeline (KB, roles)."""
from __future__ import annotations

import pytest

from dossier.models import Article
from dossier.pipeline import process_article

pytestmark = pytest.mark.slow


def _quotes(nlp, text, published="2025-06-10"):
    return process_article(Article(raw_text=text, published=published), nlp).quotes


def _quote(nlp, text, contains, published="2025-06-10"):
    quotes = _quotes(nlp, text, published)
    found = [q for q in quotes if contains in q.text]
    assert found, f"no quote containing {contains!r}: {[(q.kind, q.text) for q in quotes]}"
    return found[0]


# (text, words of the quote, speaker id, source document or None)
DOCUMENTS = [
    ("« Nous poursuivrons les pourparlers », a indiqué le communiqué de la présidence tchadienne.",
     "Nous poursuivrons les pourparlers", "chadian_government", "le communiqué de la présidence tchadienne"),
    ("Le ministère tchadien des Affaires étrangères a publié un communiqué dimanche. "
     "Ce même communiqué affirme que la frontière restera fermée jusqu'à nouvel ordre.",
     "la frontière restera fermée", "chadian_foreign_ministry", "Ce même communiqué"),
    ("Selon le communiqué ukrainien, trois drones ont été abattus dans la nuit.",
     "trois drones ont été abattus", "ukrainian_government", "le communiqué ukrainien"),
    # no issuer named anywhere: unattributed, the document kept as the source
    ("Un communiqué affirme que la frontière restera fermée jusqu'à nouvel ordre.",
     "la frontière restera fermée", None, "Un communiqué"),
]


@pytest.mark.parametrize("text, contains, speaker, document", DOCUMENTS)
def test_a_document_speaks_for_its_issuer(nlp, text, contains, speaker, document):
    q = _quote(nlp, text, contains)
    assert q.speaker_id == speaker
    assert q.source_document == document
    if speaker is None:
        assert q.speaker_name is None and q.speaker_text is None


@pytest.mark.parametrize("text, contains, outlet", [
    ("Trois soldats ont été tués près de la frontière, rapporte Reuters.", "Trois soldats ont été tués", "reuters"),
    ("Selon l'AFP, la ville est encerclée depuis mardi.", "la ville est encerclée", "agence_france_presse"),
])
def test_an_outlet_reporting_is_not_the_speaker(nlp, text, contains, outlet):
    q = _quote(nlp, text, contains)
    assert q.speaker_id is None
    assert q.reported_by == outlet


@pytest.mark.parametrize("text, junk", [
    ("Aucune information ne confirme que l'armée a reculé au nord de la ville.", "information"),
    ("Leur nature montre que ces frappes visaient des civils.", "nature"),
    ("Aucun terrain d'entente n'indique que la trêve sera prolongée.", "terrain"),
])
def test_a_phrase_that_cannot_speak_is_no_speaker(nlp, text, junk):
    for q in _quotes(nlp, text):
        assert junk not in (q.speaker_text or "") and junk not in (q.speaker_name or "")
        assert q.speaker_id is None


@pytest.mark.parametrize("text, contains, speaker", [
    # relative pronoun: resolved inside its clause, to the noun it hangs on
    ("Le ministre a rencontré lundi Karim Bello, qui a assuré que l'aide arriverait bientôt.",
     "l'aide arriverait bientôt", "Karim Bello"),
    ("Le général Ahmed Saleh, qui commande la région, a déclaré que la situation était stable.",
     "la situation était stable", "Ahmed Saleh"),
    # two people in one sentence: the subject of the cue verb, not the nearer name
    ("Le président Mahamat Idriss a déclaré, après un entretien avec Karim Bello, que les élections auraient lieu en mai.",
     "les élections auraient lieu en mai", "Mahamat Idriss"),
    # a demonstrative takes the last named person
    ("Le plan a été rédigé par le négociateur Karim Bello. Celui-ci a paraphé le texte mardi, assurant que "
     "c'était une « étape décisive pour le pays ».", "étape décisive", "Karim Bello"),
    # a date the parser took for the subject is no speaker: the apposed name is
    ("Le ministre des Affaires étrangères du Tchad, Abakar Mahamat, a déclaré le 13 mars à N'Djamena que le texte était prêt.",
     "le texte était prêt", "Abakar Mahamat"),
    # a present participle right after a noun is that noun's speech, not the main clause subject's
    ("Le président Mahamat Idriss a répondu mardi à la remarque d'une journaliste affirmant que le Niger "
     "aurait retiré ses troupes.", "le Niger aurait retiré ses troupes", "journaliste"),
])
def test_the_speaker_is_the_subject_of_the_cue(nlp, text, contains, speaker):
    q = _quote(nlp, text, contains)
    assert speaker in (q.speaker_name or ""), (q.speaker_id, q.speaker_name, q.speaker_text)


@pytest.mark.parametrize("text, contains, speaker", [
    ("Karim Bello a reçu Amina Diallo lundi à Niamey. Elle a affirmé que les négociations avançaient.",
     "les négociations avançaient", "Amina Diallo"),
    ("Karim Bello a reçu Amina Diallo lundi à Niamey. Il a affirmé que les négociations avançaient.",
     "les négociations avançaient", "Karim Bello"),
])
def test_pronouns_take_a_compatible_antecedent(nlp, text, contains, speaker):
    q = _quote(nlp, text, contains)
    assert q.speaker_name == speaker


def test_a_role_learned_in_one_paragraph_resolves_a_speaker_three_paragraphs_later(nlp):
    text = ("Le chef de la diplomatie tchadienne, Abakar Mahamat, est arrivé lundi à Khartoum pour deux jours.\n\n"
            "Les discussions portent sur le retour des réfugiés installés près de la frontière.\n\n"
            "Plusieurs organisations humanitaires ont demandé un accès sans condition aux camps.\n\n"
            "Le chef de la diplomatie tchadienne a affirmé mardi que les deux pays coopéreraient.")
    q = _quote(nlp, text, "les deux pays coopéreraient")
    assert q.speaker_name == "Abakar Mahamat"
    assert q.speaker_text == "chef de la diplomatie tchadienne"


def test_a_free_text_role_resolves_a_later_description(nlp):
    text = ("Selon Ali Hassan, porte-parole du Front populaire, la réunion de lundi était utile.\n\n"
            "Le porte-parole a ajouté que rien n'était encore signé.")
    first = _quote(nlp, text, "la réunion de lundi était utile")
    assert first.text == "la réunion de lundi était utile"  # the apposed role is not reported content
    later = _quote(nlp, text, "rien n'était encore signé")
    assert later.speaker_name == "Ali Hassan"


def test_cote_names_the_side_head_named_before(nlp):
    text = ("La délégation russe est conduite par Vladimir Medinski. "
            "Côté russe, on juge que le texte reste trop vague.")
    q = _quote(nlp, text, "le texte reste trop vague")
    assert q.speaker_id == "vladimir_medinsky"


@pytest.mark.parametrize("text, contains, government", [
    # states the hand-written KB does not list: generated government, capital as metonym
    ("N'Djamena a affirmé jeudi que l'accord avait été violé.", "l'accord avait été violé", "chadian_government"),
    ("Caracas a affirmé jeudi que l'accord avait été violé.", "l'accord avait été violé", "venezuelan_government"),
    ("Les autorités tchadiennes ont affirmé que la frontière restait ouverte.", "la frontière restait ouverte",
     "chadian_government"),
])
def test_a_state_the_hand_written_kb_lacks_speaks_through_its_capital(nlp, text, contains, government):
    assert _quote(nlp, text, contains).speaker_id == government


def test_coordinated_speakers_are_all_kept(nlp):
    q = _quote(nlp, "La Chine et la Russie ont affirmé que la résolution était déséquilibrée.",
               "la résolution était déséquilibrée")
    assert {q.speaker_id, *q.co_speakers} == {"chinese_government", "russian_government"}


# round 2: shapes of the development set's remaining errors, in our own sentences
@pytest.mark.parametrize("text, contains, speaker", [
    # a short place adjunct between the quote and its incise; an elected holder of a KB role (the
    # article is dated 2025-01-10, before the holder takes office)
    ("« La frontière sera rouverte » à Niamey, a lancé le président élu américain devant quelques "
     "journalistes.", "La frontière sera rouverte", "Donald Trump"),
    # "…, a déclaré X, alors que Y accuse …": the content is before the incise, not after "alors que"
    ("Aucun des deux camps n'a signé le texte, a déclaré mardi l'envoyé tchadien Karim Bello, alors que "
     "l'armée tchadienne accuse le Front de libération du Nord (FLN) d'avoir violé la trêve.",
     "Aucun des deux camps", "Karim Bello"),
    # a heading run into the sentence: "qui" takes the name right before it
    ("Médaille d'honneur\n\nDonald Trump, qui estime mériter une médaille d'honneur pour son arbitrage, "
     "a dit que la remise aurait lieu lundi.", "pour son arbitrage", "Donald Trump"),
    # a name opening a "que" clause, set off from its verb by an incise the parser hangs elsewhere
    ("Le ton a changé depuis que Karim Bello, en visite officielle à Niamey pour deux jours, a promis une "
     "« trêve sans conditions » aux rebelles du Nord.", "trêve sans conditions", "Karim Bello"),
])
def test_round_two_speaker_shapes(nlp, text, contains, speaker):
    q = _quote(nlp, text, contains, published="2025-01-10")
    assert speaker in (q.speaker_name or ""), (q.speaker_id, q.speaker_name, q.speaker_text)


def test_an_accusation_keeps_an_organisation_name_with_its_acronym(nlp):
    text = ("Aucun des deux camps n'a signé le texte, a déclaré mardi l'envoyé tchadien Karim Bello, alors que "
            "l'armée tchadienne accuse le Front de libération du Nord (FLN) d'avoir violé la trêve.")
    q = _quote(nlp, text, "d'avoir violé la trêve")
    assert q.speaker_id == "chadian_armed_forces", (q.speaker_id, q.speaker_text)
    assert not any("alors que" in x.text for x in _quotes(nlp, text))


def test_a_subject_before_its_acronym_is_not_replaced_by_a_name_in_the_content(nlp):
    text = ("Soudan : les FLN annoncent avoir accepté une trêve proposée par les pays du Quad\n\n"  # a heading run in
            "Les Forces de libération du Nord (FLN) ont annoncé jeudi avoir accepté la trêve proposée par les États-Unis.")
    q = _quote(nlp, text, "avoir accepté la trêve proposée par les États")
    assert q.speaker_id != "us_government" and "Forces de libération" in (q.speaker_text or ""), (q.speaker_id, q.speaker_text)


def test_a_pronoun_in_the_next_incise_is_the_previous_quotes_speaker(nlp):
    text = ("Donald Trump a annoncé mardi une trêve entre les deux pays. « Nous respecterons la trêve jusqu'au bout », "
            "a déclaré le chef de la diplomatie nigérienne. « La décision finale sera prise demain », a-t-il ajouté.")
    first = _quote(nlp, text, "Nous respecterons la trêve")
    later = _quote(nlp, text, "La décision finale")
    assert first.speaker_id != "donald_trump"
    assert later.speaker_name is not None
    assert (later.speaker_id, later.speaker_name) == (first.speaker_id, first.speaker_name)


def test_a_cue_in_an_earlier_si_clause_does_not_govern_the_quote(nlp):
    text = ("Si les Américains avaient appelé à un face-à-face, les négociateurs se sont finalement parlé de "
            "façon « indirecte » à Mascate, selon le chef de la diplomatie omanaise.")
    q = _quote(nlp, text, "indirecte")
    assert q.cue == "selon" and "diplomatie omanaise" in (q.speaker_text or ""), (q.cue, q.speaker_text)
    assert not any("les négociateurs" in x.text and x.cue.startswith("appel") for x in _quotes(nlp, text))


@pytest.mark.parametrize("text, contains, speaker", [
    # a stance stated as the object of a verb that is no cue verb
    ("La Russie et la Chine ont exprimé leur inquiétude lundi.",
     "leur inquiétude", "russian_government"),
    # a toll "évoqué" by a body
    ("Le ministère tchadien de la Santé évoque quant à lui 52 morts et 80 blessés.", "52 morts", None),
    # a cue's object that quotes words reports them
    ("M. Trump avait annoncé devant le Congrès la fin d'un « long cauchemar » pour les deux pays.",
     "la fin d'un", "donald_trump"),
    # a headline "Actor : …" whose words have no cue of their own
    ("Trump : le Tchad et le Niger ont conclu un « accord historique »\nLe texte sera signé lundi.",
     "le Tchad et le Niger ont conclu", "donald_trump"),
    ("Tchad : « Pas de trêve » avec les rebelles pour l'instant\nLe texte sera discuté lundi.",
     "Pas de trêve", "chadian_government"),
])
def test_reports_without_a_content_clause(nlp, text, contains, speaker):
    q = _quote(nlp, text, contains)
    if speaker is not None:
        assert q.speaker_id == speaker, (q.speaker_id, q.speaker_text)


def test_a_headline_label_with_its_own_cue_verb_is_a_topic_not_a_speaker(nlp):
    text = "Tchad : les rebelles annoncent avoir accepté une trêve\nLe texte sera discuté lundi."
    q = _quote(nlp, text, "avoir accepté une trêve")
    assert q.speaker_id != "chadian_government"


def test_an_accusation_stops_before_a_coordinated_report(nlp):
    text = "Le Collectif des familles accuse le gouvernement de « mentir » et exige une rencontre urgente avec le ministre."
    quotes = _quotes(nlp, text)
    assert any(q.text.startswith("une rencontre urgente") for q in quotes), [(q.cue, q.text) for q in quotes]
    assert not any("exige" in q.text for q in quotes if q.kind == "indirect")


def test_coordinated_speakers_each_get_the_quote(nlp):
    quotes = [q for q in _quotes(nlp, "La Chine et la Russie ont affirmé que la résolution était déséquilibrée.")
              if "la résolution était déséquilibrée" in q.text]
    assert {q.speaker_id for q in quotes} == {"chinese_government", "russian_government"}
    assert all(q.co_speakers and q.speaker_id not in q.co_speakers for q in quotes)


def test_an_enumeration_apposed_to_a_collective_subject_keeps_one_quote(nlp):
    text = ("Plusieurs pays africains – Sénégal, Ghana, Bénin – ont rappelé que l'avenir du Tchad devait "
            "se décider avec N'Djamena.")
    assert len([q for q in _quotes(nlp, text) if "l'avenir du Tchad" in q.text]) == 1


def test_a_reporting_verb_under_sans_opens_no_quote(nlp):
    text = "Le ministre a quitté la salle sans préciser la nature des « garanties » offertes à Kiev."
    assert not [q for q in _quotes(nlp, text) if "préciser" in q.cue or "nommer" in q.cue], _quotes(nlp, text)
    said = _quotes(nlp, "Le médiateur a précisé que la prochaine séance aurait lieu jeudi.")
    assert said and "précis" in said[0].cue


def test_the_resolver_reads_roles_and_acting_capitals_only_when_asked(nlp):
    """A speaker resolver (quotes and claims each make one per article) leaves the person-role
    table and the capitals' acts_for map until a speaker needs them, then gives the same ones."""
    from dossier.nlp import access
    from dossier.quotes.speakers import SpeakerResolver

    text = "Le conseiller russe Iouri Ouchakov a rencontré Steve Witkoff à Moscou mardi."
    doc = nlp(text)
    resolver = SpeakerResolver(doc, access.mentions(doc), [])
    assert "person_roles" not in vars(resolver) and "acts_for" not in vars(resolver)
    roles = resolver.person_roles
    assert roles == resolver._person_roles() and any(r for _, r in roles)
    assert resolver.acts_for == {(e.start_char, e.end_char): e._.acts_for for e in doc.ents if e._.acts_for}


def test_the_cue_test_is_remembered_per_token(nlp):
    """The quote scans ask whether a word is a speech cue again and again (each quote's incise,
    each comma's look-ahead): the answer is computed once per token and kind of test."""
    from dossier.quotes.extract import Extractor

    doc = nlp("« Nous ne céderons pas », a déclaré mardi le ministre. Il a rencontré son homologue.")
    ex = Extractor(doc)
    declared = next(t for t in doc if t.text == "déclaré")
    met = next(t for t in doc if t.text == "rencontré")
    assert ex.is_cue(declared) and not ex.is_cue(met)
    assert ex._cue_memo[(declared.i, False)] is True and ex._cue_memo[(met.i, False)] is False
    assert ex.is_cue(declared) == ex._is_cue(declared) and ex.is_cue(met) == ex._is_cue(met)


@pytest.mark.parametrize("text, contains, wrong", [
    # a capital of two words after "à" is where the speaker spoke, every word of it: the speaker
    # comes after it
    ("Les deux camps sont parvenus à un « accord de principe » sur le commerce, a indiqué dimanche à "
     "Buenos Aires l'un des négociateurs chiliens.", "accord de principe", "argentine_government"),
    ("Les deux camps sont tombés d'accord sur le commerce, a indiqué dimanche à Buenos Aires "
     "un négociateur chilien.", "tombés d'accord", "argentine_government"),
])
def test_a_capital_named_as_the_place_of_a_statement_does_not_speak(nlp, text, contains, wrong):
    q = _quote(nlp, text, contains)
    assert q.speaker_id != wrong, (q.speaker_id, q.speaker_text)


def test_a_singular_pronoun_is_not_the_plural_subject_of_the_main_clause(nlp):
    # "ce qu'il a qualifié de …": "il" is not "les rebelles" (the main clause's subject)
    text = ("Le président Mahamat Idriss a annoncé que les rebelles avaient accepté de cesser les combats, ce qu'il a "
            "qualifié de « bonne nouvelle ».")
    short = [q for q in _quotes(nlp, text) if q.text == "bonne nouvelle"]
    assert short and "rebelles" not in (short[0].speaker_text or "") and short[0].speaker_name == "Mahamat Idriss"


@pytest.mark.parametrize("text, word, name", [
    # a name the parser cut into words hung apart: the whole run of capitalised words
    ("Le convoi partira jeudi, assure Abdel-Karim Moussa Bello, le négociateur du Front.", "Abdel",
     "Abdel-Karim Moussa Bello"),
    # a sentence's first word is capitalised whatever it is: not part of the name
    ("Selon Idriss Moussa Bello, le convoi partira jeudi.", "Idriss", "Idriss Moussa Bello"),
])
def test_an_unresolved_speaker_is_the_whole_name(nlp, text, word, name):
    from dossier.quotes.speakers import _name_run

    doc = nlp.make_doc(text)
    i = next(t.i for t in doc if t.text == word)
    lo, hi = _name_run(doc, i, i, i + 1)
    assert doc[lo:hi].text == name
