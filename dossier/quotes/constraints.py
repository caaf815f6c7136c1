"""What can speak: a person, an organisation or group, a place standing for its government, or an
anonymous source. Documents ("le communiqué") speak for their issuer; news outlets that report
others' words are sources (``reported_by``), not speakers.

General lexical classes plus the model's word vectors decide whether a noun phrase names
something that can speak ("le porte-parole", "les habitants", "l'ONG") or not ("les discussions",
"aucune information", "leur nature", "le 13 mars"): a noun the classes do not know is compared
with prototypes of animate and of abstract nouns.
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np
from spacy.tokens import Token

from dossier.quotes import lexicon as lx

# Nouns of documents and statements: they speak for whoever issued them.
DOCUMENT_NOUNS = frozenset(
    """
    communiqué communiqués déclaration déclarations texte rapport rapports lettre message messages
    publication tweet post vidéo document note bulletin courrier résolution motion compte-rendu bilan
    statement report letter document post video release
    """.split()
)

# Nouns of news outlets ("l'agence", "le quotidien"): they report, they are not the speaker.
OUTLET_NOUNS = frozenset(
    """
    agence journal quotidien hebdomadaire magazine chaîne télévision radio site
    newspaper agency outlet broadcaster
    """.split()
)

# Definite nouns that take up an organisation named before ("le groupe", "le mouvement").
ORG_ANAPHORS = frozenset(
    """
    groupe mouvement organisation milice formation parti coalition alliance organisme institution
    état-major commandement armée police
    paramilitaires rebelles insurgés ministère agence ong syndicat forum comité conseil bureau
    group movement organisation organization militia party coalition ministry agency
    """.split()
)

# People nouns beyond roles: they can speak (a witness, a doctor, residents).
PEOPLE_NOUNS = frozenset(
    """
    habitant habitants témoin témoins médecin médecins famille familles proche proches résident
    résidents civil civils manifestant manifestants militant militants journaliste journalistes
    expert experts analyste analystes chercheur chercheurs observateur observateurs avocat avocats
    soldat soldats combattant combattants rebelle rebelles otage otages survivant survivants
    ong autorité autorités dirigeant dirigeants élu élus député députés sénateur sénateurs
    spokesperson witness witnesses residents doctor doctors official officials
    """.split()
)

# Determiners and quantifiers that make a noun phrase name nobody ("aucune information").
NEGATIVE_DETERMINERS = frozenset({"aucun", "aucune", "nul", "nulle", "pas", "no", "none"})

_TIME_WORDS = frozenset(
    """
    janvier février mars avril mai juin juillet août septembre octobre novembre décembre lundi mardi
    mercredi jeudi vendredi samedi dimanche jour jours semaine semaines mois année années an ans heure
    heures soir matin midi nuit veille lendemain week-end
    """.split()
)

_ANIMATE = "personne homme femme responsable ministre diplomate gouvernement organisation syndicat dirigeant président militant".split()
_ABSTRACT = "idée chose question situation problème fait résultat processus sujet domaine aspect moment".split()


@lru_cache(maxsize=4)
def _prototypes(vocab_id: int, vocab) -> tuple[np.ndarray, np.ndarray] | None:
    def centroid(words):
        vecs = [vocab[w].vector for w in words if vocab[w].has_vector]
        if not vecs:
            return None
        m = np.mean([v / (np.linalg.norm(v) or 1.0) for v in vecs], axis=0)
        return m / (np.linalg.norm(m) or 1.0)

    a, b = centroid(_ANIMATE), centroid(_ABSTRACT)
    return None if a is None or b is None else (a, b)


def known_speaker_noun(word: str) -> bool:
    """A noun of a lexical class that names speakers (roles, sources, bodies, people)."""
    w = word.lower()
    return (w in lx.ROLE_NOUNS or w in lx.ANONYMOUS_NOUNS or w in lx.COLLECTIVE_NOUNS
            or w in lx.GOVERNMENT_NOUNS or w in ORG_ANAPHORS or w in PEOPLE_NOUNS
            or w in OUTLET_NOUNS or w in DOCUMENT_NOUNS)


def negated_phrase(head: Token) -> bool:
    """"aucune information", "aucun terrain d'entente": a phrase that names nothing."""
    return any(c.lower_ in NEGATIVE_DETERMINERS and c.dep_ in ("det", "advmod", "nummod") for c in head.children) or (
        head.i > 0 and head.doc[head.i - 1].lower_ in NEGATIVE_DETERMINERS)


def animate(head: Token) -> bool | None:
    """True/False from the word vectors (animate vs abstract prototypes); None without a vector."""
    lex = head.vocab[head.lemma_.lower()] if head.lemma_ else head.lex
    if not lex.has_vector:
        lex = head.lex
    if not lex.has_vector:
        return None
    protos = _prototypes(id(head.vocab), head.vocab)
    if protos is None:
        return None
    v = lex.vector / (np.linalg.norm(lex.vector) or 1.0)
    return float(v @ protos[0]) > float(v @ protos[1])


def names_nobody(head: Token) -> bool:
    """The sure cases only (a negated or quantified phrase, a date or a number), without the
    word vectors: for callers that have no other candidate to fall back on."""
    low = head.lower_
    return negated_phrase(head) or low in _TIME_WORDS or head.lemma_.lower() in _TIME_WORDS or head.like_num


def can_speak(head: Token, is_mention: bool) -> bool:
    """Whether the phrase headed by ``head`` can be a speaker (before any resolution)."""
    low = head.lower_
    if negated_phrase(head):
        return False
    if is_mention or head.pos_ == "PRON" or low in lx.PRONOUNS:
        return True
    if low in _TIME_WORDS or head.lemma_.lower() in _TIME_WORDS or head.like_num:
        return False
    if head.pos_ == "PROPN" or head.text[:1].isupper() and head.i > 0 and not head.is_sent_start:
        return True
    if known_speaker_noun(low) or known_speaker_noun(head.lemma_) or known_speaker_noun(_compound(head)):
        return True
    if head.pos_ not in ("NOUN", "PROPN", "ADJ"):
        return False
    verdict = animate(head)
    return True if verdict is None else verdict


def _compound(head: Token) -> str:
    """The hyphenated compound the tokenizer split ("état" "-" "major" -> "état-major")."""
    doc = head.doc
    if head.i + 2 < len(doc) and doc[head.i + 1].text == "-" and not doc[head.i + 1].whitespace_:
        return f"{head.lower_}-{doc[head.i + 2].lower_}"
    return head.lower_


def is_document(head: Token) -> bool:
    return head.lower_ in DOCUMENT_NOUNS or head.lemma_.lower() in DOCUMENT_NOUNS


def is_outlet_noun(head: Token) -> bool:
    return head.lower_ in OUTLET_NOUNS or head.lemma_.lower() in OUTLET_NOUNS
