"""Quote extraction on hand-written sentences (every construction the extractor handles).

Structural cases run ``extract_quotes`` on the bare French model (mentions then come from the
NER), so they do not depend on the entities component; cases about entity ids run the full
pipeline and skip when ``dossier_entities`` is absent.
"""
from __future__ import annotations

import pytest

from dossier.quotes import extract_quotes

pytestmark = pytest.mark.slow


def _quotes(nlp, text):
    return extract_quotes(nlp(text))


def _find(quotes, kind, contains):
    found = [q for q in quotes if q.kind == kind and contains in q.text]
    assert found, f"no {kind} quote containing {contains!r} in {[(q.kind, q.text) for q in quotes]}"
    return found[0]


# (text, kind, words the quote contains, words the speaker surface contains)
CASES = [
    # guillemets + incise with the name after the verb
    ("« Nous ne céderons rien sur la Crimée », a déclaré Volodymyr Zelensky.",
     "direct", "Nous ne céderons rien sur la Crimée", "Zelensky"),
    # straight quotes
    ('"La porte reste ouverte", a affirmé Dmitri Peskov devant la presse.',
     "direct", "La porte reste ouverte", "Peskov"),
    # curly quotes, speaker before the quote
    ("Marco Rubio a expliqué : “Les discussions avancent dans le bon sens”.",
     "direct", "Les discussions avancent dans le bon sens", "Rubio"),
    # a quote running over several sentences
    ("« Le cessez-le-feu tient. Les échanges de prisonniers continuent. Nous restons prudents », a déclaré Marco Rubio.",
     "direct", "Les échanges de prisonniers continuent", "Rubio"),
    # partial quote inside a sentence, "qualifié de"
    ("Sergueï Lavrov a qualifié les propositions européennes de « provocatrices ».",
     "direct", "provocatrices", "Lavrov"),
    # indirect speech with que
    ("Emmanuel Macron a déclaré que l'Europe devait renforcer sa défense commune.",
     "indirect", "l'Europe devait renforcer sa défense commune", "Macron"),
    # indirect speech with an infinitive
    ("Le ministère de la Défense russe affirme avoir repoussé trois attaques dans la nuit.",
     "indirect", "avoir repoussé trois attaques", "ministère"),
    # selon, at the start
    ("Selon Dmitri Peskov, les négociations reprendront la semaine prochaine à Genève.",
     "indirect", "les négociations reprendront", "Peskov"),
    # d'après, at the end
    ("Les troupes ont reculé de dix kilomètres vers l'ouest, d'après l'armée ukrainienne.",
     "indirect", "Les troupes ont reculé", "armée ukrainienne"),
    # a reporting incise after an unquoted clause
    ("Les deux présidents se parleront au téléphone jeudi, a précisé Dmitri Peskov.",
     "indirect", "Les deux présidents se parleront", "Peskov"),
    # participial cue: the speaker is the subject of the main verb
    ("Marco Rubio a salué des progrès, ajoutant que la balle était désormais dans le camp russe.",
     "indirect", "la balle était désormais dans le camp russe", "Rubio"),
    # qualifié de without quotation marks
    ("Keir Starmer a regretté l'attitude russe, qu'il a qualifiée d'irresponsable et de dangereuse.",
     "indirect", "irresponsable", "Starmer"),
    # conditional claim attributed by selon
    ("La Russie aurait pris le contrôle de trois villages, selon l'état-major ukrainien.",
     "indirect", "La Russie aurait pris le contrôle", "état-major ukrainien"),
    # "Pour X," at the head of the sentence
    ("Pour Olaf Scholz, « la sécurité du continent se joue aussi à l'est ».",
     "direct", "la sécurité du continent", "Scholz"),
    # a long incidental phrase between commas before "que"
    ("Peu avant, le président chilien Gabriel Boric avait affirmé aux journalistes, au cours d’un entretien avec le "
     "Premier ministre belge Bart De Wever, que son pays allait rouvrir immédiatement la frontière avec le Pérou.",
     "indirect", "son pays allait rouvrir immédiatement la frontière", "Boric"),
    # English
    ('"We will not give up," Zelensky said on Tuesday.', "direct", "We will not give up", "Zelensky"),
    ("According to Dmitry Peskov, the talks were useful and frank.", "indirect", "the talks were useful", "Peskov"),
]


@pytest.mark.parametrize("text, kind, contains, speaker", CASES)
def test_construction(base_nlp, text, kind, contains, speaker):
    q = _find(_quotes(base_nlp, text), kind, contains)
    assert speaker in (q.speaker_text or "") or speaker in (q.speaker_name or "")
    assert text[q.start : q.end] == q.text
    assert q.sentence is not None and q.cue


def test_incise_inside_guillemets_gives_two_parts_same_speaker(base_nlp):
    text = ("Volodymyr Zelensky est arrivé lundi à Kiev. "
            "« Nous voulons la paix, a-t-il ajouté, mais pas à n'importe quel prix. »")
    quotes = [q for q in _quotes(base_nlp, text) if q.kind == "direct"]
    assert [q.text for q in quotes] == ["Nous voulons la paix", "mais pas à n'importe quel prix."]
    assert {q.speaker_name for q in quotes} == {"Volodymyr Zelensky"}


def test_quote_continued_in_next_paragraph_keeps_speaker(base_nlp):
    text = ("Keir Starmer a pris la parole devant les députés.\n\n"
            "« Nous soutiendrons nos alliés aussi longtemps qu'il le faudra », a-t-il déclaré.\n\n"
            "« Notre engagement ne faiblira pas. »")
    quotes = [q for q in _quotes(base_nlp, text) if q.kind == "direct"]
    assert len(quotes) == 2
    assert quotes[0].speaker_name == quotes[1].speaker_name == "Keir Starmer"


def test_nested_quote_is_one_direct_quote(base_nlp):
    text = "« Il m'a répondu “jamais” puis il a raccroché », a raconté Emmanuel Macron."
    quotes = [q for q in _quotes(base_nlp, text) if q.kind == "direct"]
    assert [q.text for q in quotes] == ["Il m'a répondu “jamais” puis il a raccroché"]


def test_mixed_quotation_gives_direct_and_indirect(base_nlp):
    text = "Sergueï Lavrov a déclaré que les propositions américaines étaient « inacceptables » en l'état."
    quotes = _quotes(base_nlp, text)
    direct = _find(quotes, "direct", "inacceptables")
    indirect = _find(quotes, "indirect", "les propositions américaines")
    assert direct.speaker_name == indirect.speaker_name
    assert "Lavrov" in direct.speaker_name


def test_quoted_fragment_alone_gives_no_indirect(base_nlp):
    text = "Emmanuel Macron a assuré qu'il y aurait « une réponse ferme »."
    quotes = _quotes(base_nlp, text)
    assert [q.kind for q in quotes] == ["direct"]


def test_pronoun_two_sentences_back(base_nlp):
    text = ("Volodymyr Zelensky est arrivé lundi à Paris. "
            "La rencontre avec les dirigeants européens a duré trois heures. "
            "Il a ensuite déclaré que rien n'était encore décidé.")
    q = _find(_quotes(base_nlp, text), "indirect", "rien n'était encore décidé")
    assert q.speaker_text == "Il"
    assert q.speaker_name == "Volodymyr Zelensky"


def test_pronoun_prefers_the_last_speaker(base_nlp):
    text = ("Le Kremlin a indiqué que Poutine et Trump avaient échangé une heure. "
            "Ils se reverront bientôt, a-t-il précisé.")
    q = _find(_quotes(base_nlp, text), "indirect", "Ils se reverront bientôt")
    assert q.speaker_id == "russian_government"


@pytest.mark.parametrize(
    "text, government",
    [
        ("Le Kremlin a déclaré que la rencontre était reportée à une date ultérieure.", "russian_government"),
        ("La Maison-Blanche a affirmé que les sanctions resteraient en place.", "us_government"),
        ("Moscou assure que ses troupes progressent sur tout le front.", "russian_government"),
        ("Kiev estime que les garanties proposées restent insuffisantes.", "ukrainian_government"),
    ],
)
def test_metonymic_speaker(base_nlp, text, government):
    quotes = _quotes(base_nlp, text)
    assert quotes and quotes[0].speaker_id == government


@pytest.mark.parametrize(
    "text, affiliation",
    [
        ("Un haut responsable américain a indiqué que l'accord était proche.", "us_government"),
        ("Des sources ukrainiennes affirment que la ville est encerclée.", "ukrainian_government"),
        ("Selon un diplomate russe, la rencontre aura lieu en Turquie.", "russian_government"),
    ],
)
def test_anonymous_source(base_nlp, text, affiliation):
    q = _quotes(base_nlp, text)[0]
    assert q.anonymous is True
    assert q.speaker_id is None
    assert q.affiliation == affiliation


@pytest.mark.parametrize(
    "text",
    [
        "Le plan dit « de paix » circule depuis une semaine dans les capitales européennes.",
        "Le quotidien « Le Monde » a publié mardi une longue enquête sur les négociations.",
        "Surnommé « le Tsar », il dirige le pays depuis vingt-cinq ans.",
        "Le film « Guerre et paix » sera projeté ce soir, a annoncé la mairie.",
    ],
)
def test_scare_quotes_are_not_quotes(base_nlp, text):
    assert [q for q in _quotes(base_nlp, text) if q.kind == "direct"] == []


def test_negated_cue_is_not_a_quote(base_nlp):
    text = "Donald Trump n'a pas indiqué quels émissaires iraient à Genève."
    assert _quotes(base_nlp, text) == []


def test_conditional_claim_after_a_report(base_nlp):
    text = ("L'armée ukrainienne a affirmé mardi avoir repoussé une attaque. "
            "Les forces russes auraient perdu une dizaine de blindés.")
    q = _find(_quotes(base_nlp, text), "indirect", "auraient perdu")
    assert "armée ukrainienne" in q.speaker_text


def test_place_of_statement(base_nlp):
    text = "« Nous sommes prêts », a déclaré Volodymyr Zelensky pendant un point presse à Dublin."
    q = _find(_quotes(base_nlp, text), "direct", "Nous sommes prêts")
    assert q.place_id is not None and "dublin" in q.place_id


# ---------------------------------------------------------------- with the entities component
@pytest.fixture()
def full_nlp(nlp):
    if "dossier_entities" not in nlp.pipe_names:
        pytest.skip("dossier_entities is not available")
    return nlp


def _run(nlp, text, published="2025-12-03"):
    doc = nlp.make_doc(text)
    doc._.published = published
    doc._.published_precision = "day"
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return list(doc._.quotes)


@pytest.mark.parametrize(
    "text, contains, speaker_id",
    [
        ("Le porte-parole du Kremlin a assuré que Moscou restait ouverte au dialogue.", "Moscou restait ouverte",
         "dmitry_peskov"),
        ("« Nous ne céderons rien », a déclaré Volodymyr Zelensky.", "Nous ne céderons rien", "volodymyr_zelensky"),
        ("Selon le président russe, les discussions ont été utiles.", "les discussions ont été utiles",
         "vladimir_putin"),
        ("Le Kremlin a déclaré que la rencontre était reportée.", "la rencontre était reportée", "russian_government"),
    ],
)
def test_speaker_ids_with_entities(full_nlp, text, contains, speaker_id):
    quotes = _run(full_nlp, text)
    q = next(q for q in quotes if contains in q.text)
    assert q.speaker_id == speaker_id


def test_quotes_component_is_registered(full_nlp):
    assert "dossier_quotes" in full_nlp.pipe_names
    assert full_nlp.get_pipe("dossier_quotes").version == "dossier.quotes.v1"


def test_role_noun_resolved_to_the_person_introduced_with_it(base_nlp):
    text = ("Iouri Ouchakov, conseiller diplomatique du Kremlin, a rencontré les émissaires. "
            "« Rien n'est réglé », a déclaré le conseiller.")
    q = _find(_quotes(base_nlp, text), "direct", "Rien n'est réglé")
    assert q.speaker_text == "le conseiller"
    assert q.speaker_name == "Iouri Ouchakov"


def test_pronoun_after_an_anonymous_speaker_stays_anonymous(base_nlp):
    text = ("Interrogé par une radio, un membre de l'entourage du président a reconnu que les discussions patinaient. "
            "« Personne ne veut céder le premier », a-t-il confié.")
    q = _find(_quotes(base_nlp, text), "direct", "Personne ne veut céder")
    assert q.anonymous is True and q.speaker_id is None


def test_quote_gets_the_sentence_date(full_nlp):
    if "dossier_time" not in full_nlp.pipe_names:
        pytest.skip("dossier_time is not available")
    quotes = _run(full_nlp, "Mardi, Volodymyr Zelensky a déclaré que les discussions continuaient.")
    assert quotes and quotes[0].date == "2025-12-02"


def test_a_quote_is_never_dated_after_its_article(full_nlp):
    # "en janvier" inside a conditional clause reads as next January: it dates the programme the
    # speaker refers to, and no one is reported to have spoken after the article was written
    if "dossier_time" not in full_nlp.pipe_names:
        pytest.skip("dossier_time is not available")
    quotes = _run(full_nlp, "Le président a confirmé que cela permettrait « de tenir les engagements pris » "
                            "dans son discours d'investiture, en janvier, devant le Parlement.")
    assert quotes and all(q.date and q.date <= "2025-12-03" for q in quotes), [(q.text, q.date) for q in quotes]


@pytest.mark.parametrize("text", [
    "La coopération sera organisée selon les modalités prévues par l'accord signé à Niamey.",
    "Selon le calendrier convenu, les troupes se retireront dans les deux mois.",
])
def test_selon_a_rule_or_a_plan_is_no_source(nlp, text):
    assert not [q for q in _quotes(nlp, text) if (q.cue or "").lower() == "selon"]


def test_selon_a_body_is_still_a_source(nlp):
    [q] = [q for q in _quotes(nlp, "Les combats ont repris dans la nuit, selon l'armée nigérienne.")]
    assert q.cue == "selon" and q.speaker_id
