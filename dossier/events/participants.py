"""Who takes part in an event, beyond the trigger's own dependency arguments.

General repairs of what the parse gives:

* **a country or capital acting is its government** (the knowledge base's ``metonym_of``):
  "l'Inde a rejeté l'offre du Pakistan" has two governments as parties, and a country listed
  next to its own government is one participant, not two;
* **the subject group before the verb**: the parser often loses the first conjunct of a
  coordinated subject ("l'Inde et le Pakistan ont signé", "que Paris et Berlin avaient
  approuvé" parsed with the first name as the clause head); the actors named between the
  clause boundary and the verb group are the subject;
* **parties named with the event noun**: "la rencontre entre X et Y", "un accord avec X",
  "les frappes contre X", "l'offensive de X" name their parties inside the noun phrase;
* **a nationality adjective names a state**: "les dirigeants serbe et kosovar ont signé",
  "accepte les propositions kosovares" have the two governments as parties (on the nouns of
  ``lexicon.PARTY_NOUNS`` only: "la ville ukrainienne" is a place, not a party);
* **a pronoun subject is the actor before it**: "Il a ensuite rencontré X", "Celui-ci a signé"
  act for the subject of the previous sentence (or of an earlier clause of the same one);
* **parties named indirectly**: the nation of the persons a release or exchange concerns and of
  the place they were held in, and their holder (``release_parties``: "les otages israéliens
  détenus par X", "libérés des prisons israéliennes", mapped to the article's actor for that
  nation by ``nation_actor``); an unnamed speaker's nationality (``adjective_source``: "un
  responsable américain"); a role and a nationality naming a person the article names
  (``named_holder``: "les dirigeants arménien et azerbaïdjanais"); a pair phrase ("les deux
  parties", "ces pays", "leurs dirigeants": ``names_the_pair``, filled in ``sides``);
* **a group named by what it is** (``descriptor_mentions``): "les paramilitaires", "le groupe
  rebelle", "le mouvement islamiste" stand for the actor the article names that the knowledge
  base describes so (its ``kinds``); "l'armée régulière", "les forces armées nationales" for the
  armed forces of the country the article names most;
* **names that are no party**: a name inside another actor's name or qualifying it ("le Conseil
  de sécurité de l'ONU", "les Forces … du Soudan", "X, porte-parole du gouvernement …":
  ``qualifies_actor``).
"""
from __future__ import annotations

import importlib
from functools import lru_cache

from spacy.tokens import Doc, Token

from dossier.events.memo import char_span, list_memo, longest_mention, memo, starting_between
from dossier.models import Mention, Participant
from dossier.nlp.tokens import sent_of, table

# words that end the subject group looking leftwards from a verb
_BOUNDARY_WORDS = frozenset("que qu' qu’ qui si lorsque quand tandis alors puisque car mais où dont ; :".split())
# prepositions that introduce a party of an event noun
PARTY_PREPS = frozenset("avec entre contre de d' d’ du des par with between against of by".split())
_SUBJECT_SKIP_POS = ("AUX", "ADV", "PART", "PRON")


@lru_cache(maxsize=1)
def _kb():
    try:
        return importlib.import_module("dossier.entities").load_kb()
    except (ModuleNotFoundError, AttributeError):  # the entities package is optional for events
        return None


@lru_cache(maxsize=4096)
def acting_entity(entity_id: str) -> tuple[str, str] | None:
    """(id, name) of the government a place stands for when it acts (KB ``metonym_of``)."""
    kb = _kb()
    if kb is None or entity_id.startswith("local:"):
        return None
    entry = kb.get(entity_id)
    target = kb.get(entry.metonym_of) if entry is not None and entry.metonym_of else None
    return (target.id, target.name) if target is not None else None


def as_actor(m: Mention) -> tuple[str, str]:
    """(id, name) of a mention taking part in an event: a place that acts is its government."""
    if m.entity_type == "place":
        gov = acting_entity(m.entity_id)
        if gov is not None:
            return gov
    return m.entity_id, m.entity_name


def _institution(entity_id: str) -> str | None:
    """The knowledge base's ``institution`` of an entity (None for a local one or none)."""
    if entity_id.startswith("local:"):
        return None
    kb = _kb()
    entry = kb.get(entity_id) if kb is not None else None
    return getattr(entry, "institution", None) if entry is not None else None


def is_media(entity_id: str) -> bool:
    """A news outlet or agency of the knowledge base ("l'AFP", "Associated Press") or a platform
    a statement is posted on ("sur Truth Social", "sur X"): it relays what others do; it takes
    part in an event only as its target."""
    return _institution(entity_id) in ("media", "platform")


def is_platform(entity_id: str) -> bool:
    """A social network of the knowledge base ("sur Truth Social", "sur le réseau social X")."""
    return _institution(entity_id) == "platform"


def can_act(m: Mention) -> bool:
    """Persons, organisations, groups, and places the knowledge base knows a government for."""
    return m.entity_type in ("person", "organization", "group") or (
        m.entity_type == "place" and acting_entity(m.entity_id) is not None)


def merge_duplicates(parts: list[Participant]) -> list[Participant]:
    """One participant per actor: a country next to its own government collapses into it, and
    the first role seen wins (a source stays a source)."""
    out: dict[str, Participant] = {}
    for p in parts:
        gov = acting_entity(p.entity_id)
        key = gov[0] if gov is not None else p.entity_id
        if gov is not None:
            p = Participant(gov[0], gov[1], p.role)
        out.setdefault(key, p)
    return list(out.values())


def verb_group_start(verb: Token) -> Token:
    """The first token of a verb group: its auxiliaries, clitics and negation ("ne l'ont pas")."""
    tab = table(verb.doc)  # (the children's labels read from the lists: a Token only for the result)
    dep, pos = tab.dep, tab.pos
    first = verb.i
    for c in tab.children[verb.i]:
        if c < first and (dep[c].startswith("aux") or dep[c] in ("advmod", "expl:pv", "expl:comp", "obj", "iobj")
                          and pos[c] in _SUBJECT_SKIP_POS and verb.i - c <= 4):
            first = c
    return verb if first == verb.i else verb.doc[first]


def subject_group(verb: Token) -> tuple[int, int] | None:
    """Token range [lo, hi) of the noun group written right before a finite verb group, back to
    the clause boundary (sentence start, "que", "qui", ";" or another verb): the subject as
    written, whatever the parser attached it to. None when the verb follows no such group.
    (Found once per token of a Doc: the words and the parse alone decide it.)"""
    found = memo(verb.doc, "subject_group")
    if verb.i in found:
        return found[verb.i]
    group = found[verb.i] = _subject_group(verb)
    return group


def _subject_group(verb: Token) -> tuple[int, int] | None:
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    first = verb_group_start(verb)
    hi = first.i
    start = _written_sentence_start(verb)
    lo = hi
    for i in range(hi - 1, max(start, hi - 25) - 1, -1):
        tok = verb.doc[i]
        if tok.is_space or tok.lower_ in _BOUNDARY_WORDS or tok.pos_ in ("VERB", "AUX", "SCONJ"):
            break
        if tok.text == "," and not _inside_apposition(verb.doc, i, hi):
            break
        lo = i
    if lo >= hi:
        return None
    return lo, hi


_FINAL = frozenset(".!?…;:»\"”")


def _written_sentence_start(verb: Token) -> int:
    """Start of the sentence as written: the parser sometimes cuts a subject group off its verb
    ("l'Inde et le Pakistan | ont signé …"); a parsed sentence that does not end with final
    punctuation or a line break runs on into the next one."""
    sent = sent_of(verb)
    start = sent.start
    doc = verb.doc
    for _ in range(3):
        if start == 0:
            break
        prev = doc[start - 1]
        if prev.text in _FINAL or prev.is_space or "\n" in prev.whitespace_:
            break
        start = sent_of(doc[start - 1]).start
    return start


def _inside_apposition(doc: Doc, comma: int, hi: int) -> bool:
    """"Oman, qui accueille les pourparlers, …" is handled by the boundary words; a comma between
    coordinated names ("la France, l'Allemagne et l'Inde ont signé") is not a boundary when an
    "et" follows it before the verb."""
    return any(doc[j].lower_ in ("et", "and") for j in range(comma + 1, hi))


def subject_mentions(doc: Doc, verb: Token, mentions: list[Mention]) -> list[Mention]:
    """Actor mentions of the subject group written before ``verb`` (see ``subject_group``)."""
    group = subject_group(verb)
    if group is None:
        return []
    lo, hi = doc[group[0]].idx, doc[group[1] - 1].idx + len(doc[group[1] - 1].text)
    return [m for m in mentions if lo <= m.start and m.end <= hi and can_act(m)]


def noun_parties(doc: Doc, noun: Token, mentions: list[Mention]) -> list[tuple[Mention, str]]:
    """Actors named inside an event noun's own phrase, with their role: "entre X et Y", "avec X"
    (participants), "contre X" (target), "de X"/"par X" (participant)."""
    from dossier.events import senses
    from dossier.events.lexicon import PARTNER_PREPS

    out: list[tuple[Mention, str]] = []
    phrases = list(noun.children)
    # "les pourparlers sur le nucléaire entre X et Y": a partner phrase the parser hung on the
    # noun's own complement
    phrases += [x for c in noun.children if c.dep_ == "nmod" for x in c.children if x.dep_ == "nmod"
                and any(y.lower_ in PARTNER_PREPS for y in x.children if y.dep_ == "case")]
    # "en guerre depuis 2023 contre X": a "contre" phrase right after the noun's own phrase (and
    # the "depuis" phrase dating it), wherever the parser hung it, is the noun's target
    after = noun.right_edge.i + 1
    since = senses.since_phrase(noun)
    if since is not None:
        after = since[1] + 1
    if after < len(doc) and doc[after].lower_ in ("contre", "against") and doc[after].dep_ == "case" \
            and doc[after].head.i > after and not noun.is_ancestor(doc[after]):
        phrases.append(doc[after].head)
    for c in noun.children:  # "les frappes menées par Israël", "un accord négocié par X": the agent
        if c.dep_ == "acl":
            phrases += [x for x in c.children if x.dep_ in ("obl:agent", "obl:arg", "obl:mod")
                        and any(y.lower_ in ("par", "by") for y in x.children if y.dep_ == "case")]
    for c in phrases:
        if c.dep_ not in ("nmod", "obl:mod", "obl:arg", "obl", "obl:agent"):
            continue
        cases = {x.lower_ for x in c.children if x.dep_ == "case"}
        if not cases & PARTY_PREPS:
            continue
        role = "target" if cases & {"contre", "against"} else "participant"
        lo = c.left_edge.idx
        hi = c.right_edge.idx + len(c.right_edge.text)
        for m in mentions:
            if lo <= m.start and m.end <= hi and can_act(m):
                out.append((m, role))
    return out


def detached_holder(doc: Doc, noun: Token, mentions: list[Mention]) -> Mention | None:
    """The actor a state phrase set off by a comma describes ("les rebelles, en guerre depuis 2024
    contre X"): an event noun introduced by "en", right after a comma, is the state of the last
    actor named before that comma in its sentence (the parser hangs such a phrase anywhere)."""
    if not any(c.dep_ == "case" and c.lower_ in ("en", "in") and c.i == noun.left_edge.i for c in noun.children):
        return None
    start = noun.left_edge.i
    if start == 0 or doc[start - 1].text != ",":
        return None
    sent = sent_of(noun)
    comma = doc[start - 1].idx
    before = [m for m in mentions if sent.start_char <= m.start and m.end <= comma and can_act(m)]
    if not before:
        return None
    last = max(before, key=lambda m: (m.end, -m.start))
    from dossier.nlp import access

    return last if not access.doc_text(doc)[last.end:comma].strip(" )»\"”") else None


_CONTENT_ARGS = ("nsubj", "nsubj:pass", "obj", "iobj", "obl:arg", "obl:agent", "expl:subj")


def content_actors(doc: Doc, reporting: Token, mentions: list[Mention]) -> list[Mention]:
    """Actors of what a reporting verb reports in its completive clause ("a déclaré que
    l'Arménie devait …" -> l'Arménie; "… qu'un accord avait été conclu avec X" -> X): the
    clause's subject group, subjects, objects and "avec/contre/par/entre" phrases."""
    out: list[Mention] = []
    for h in (c for c in reporting.children if c.dep_ == "ccomp" and c.i > reporting.i):
        spans = [(c.left_edge.idx, c.right_edge.idx + len(c.right_edge.text))
                 for c in h.children if c.dep_ in _CONTENT_ARGS or (c.dep_ in ("obl:mod", "nmod") and any(
                     x.lower_ in PARTY_PREPS - {"de", "d'", "d’", "du", "des", "of"} for x in c.children if x.dep_ == "case"))]
        group = subject_group(h) if h.pos_ in ("VERB", "AUX") else None
        if group is not None:
            spans.append((doc[group[0]].idx, doc[group[1] - 1].idx + len(doc[group[1] - 1].text)))
        for m in mentions:
            if can_act(m) and any(lo <= m.start and m.end <= hi for lo, hi in spans) and m not in out:
                out.append(m)
    return out


# subject pronouns standing for one actor / for several
SINGULAR_PRONOUNS = frozenset("il elle celui-ci celle-ci celui celle lui-même elle-même he she".split())  # "celui-ci" may come as "celui" "-" "ci"
PLURAL_PRONOUNS = frozenset("ils elles ceux-ci celles-ci ceux celles they".split())
_ANTECEDENT_SENTENCES = 2


def subject_token(verb: Token) -> Token | None:
    """nsubj of the verb, climbing through xcomp/conj chains ("doit rencontrer"), bounded."""
    tab = table(verb.doc)  # (labels and heads read from the lists: a Token only for the subject)
    cur = verb.i
    for _ in range(4):
        for c in tab.children[cur]:
            if tab.dep[c] in ("nsubj", "nsubj:pass"):
                return verb.doc[c]
        if tab.dep[cur] in ("xcomp", "conj") and tab.head[cur] != cur:
            cur = tab.head[cur]
        else:
            break
    return None


def _subject_actors(doc: Doc, verb: Token, mentions: list[Mention]) -> list[Mention] | None:
    """Actor mentions of the subject phrase of ``verb`` (its nsubj's phrase, else the noun group
    written before it); None when the subject is itself a pronoun or cannot be read."""
    subj = subject_token(verb)
    if subj is not None and subj.pos_ == "PRON":
        return None
    if subj is not None:
        lo, hi = subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge.text)
        return [m for m in mentions if m.start < hi and lo < m.end and can_act(m)]  # a name the parse cut
    return subject_mentions(doc, verb, mentions) or None


_DEMONSTRATIVE = frozenset("celui-ci celle-ci ceux-ci celles-ci celui celle ceux celles".split())


def pronoun_antecedents(doc: Doc, pronoun: Token, mentions: list[Mention]) -> list[Mention]:
    """The actors a subject pronoun stands for. "il", "ils": the subject of an earlier clause of
    its sentence, else of the main clause of the sentence before (up to two back, passing over
    a sentence whose subject is itself a pronoun); a subject that names no actor ("la
    libération") means the pronoun stands for no actor. "celui-ci": the actor named last before
    it. "il" takes one actor, "ils" every coordinated one. [] when nothing fits."""
    low = pronoun.lower_
    if low not in SINGULAR_PRONOUNS and low not in PLURAL_PRONOUNS:
        return []
    plural = low in PLURAL_PRONOUNS
    sent = sent_of(pronoun)
    first = sent.start
    candidates = [t for t in sent if t.i < pronoun.i and t.pos_ in ("VERB", "AUX") and t.dep_ in ("ROOT", "conj")][-1:]
    for _ in range(_ANTECEDENT_SENTENCES):
        if first == 0:
            break
        prev = sent_of(doc[first - 1])
        candidates.append(prev.root)
        first = prev.start
    if low in _DEMONSTRATIVE:
        lo = sent_of(doc[sent.start - 1]).start_char if sent.start > 0 else sent.start_char
        before = [m for m in mentions if lo <= m.start and m.end <= pronoun.idx and can_act(m)]
        named = [m for m in before if m.entity_type != "place"] or before  # a city named last is a setting
        return named[-1:] if named and not plural else []
    for verb in candidates:
        found = _subject_actors(doc, verb, mentions)
        if found is None:
            continue
        if not found:
            return []
        if plural:
            return found if len(found) > 1 or found[0].entity_type in ("organization", "group") else []
        return found[:1] if len({m.entity_id for m in found}) == 1 else []
    return []


def adjective_parties(doc: Doc, heads: list[tuple[Token, str]], mentions: list[Mention],
                      military: bool = False) -> list[tuple[str, str, str]]:
    """(government id, name, dependency of the argument) for each nationality adjective of an
    argument noun or of a noun it governs ("les dirigeants serbe et kosovar", "en présence de
    médiateurs allemands"), unless a mention already covers it ("l'armée russe"). ``military``
    (a military event): weapons and units (``lexicon.ARMED_NOUNS``: "des missiles russes") name
    the state's armed forces."""
    from dossier.events.lexicon import ARMED_NOUNS, PARTY_NOUNS

    kb = _kb()
    if kb is None:
        return []
    out: list[tuple[str, str, str]] = []
    seen: set[str] = set()
    nouns = [(h, dep) for h, dep in heads] + [(c, dep) for h, dep in heads for c in h.children if c.dep_ == "nmod"]
    for noun, dep in nouns:
        armed = military and (noun.lemma_.lower() in ARMED_NOUNS or noun.lower_ in ARMED_NOUNS)
        if noun.pos_ != "NOUN" or not armed and (noun.lemma_.lower() not in PARTY_NOUNS and noun.lower_ not in PARTY_NOUNS):
            continue
        adjs = [c for c in noun.children if c.dep_ == "amod" and c.pos_ == "ADJ"]
        adjs += [x for a in adjs for x in a.children if x.dep_ == "conj"]  # "serbe et kosovar" (any tag)
        for a in adjs:
            if any(m.start <= a.idx < m.end for m in mentions):
                continue
            gov = kb.government_of_adjective(a.text)
            if armed:
                gov = kb.institution(kb.country_of_adjective(a.text), "armed_forces") or gov
            entry = named_holder(noun, a, mentions) or (kb.get(gov) if gov else None)
            if entry is not None and entry.id not in seen:
                seen.add(entry.id)
                out.append((entry.id, entry.name, dep))
    return out


def qualifies_actor(doc: Doc, m: Mention, mentions: list[Mention]) -> bool:
    """A name that only says which actor another one is: a name inside another actor's name, a
    complement of another actor's name
    ("les Forces de soutien rapide du Soudan") or of the role noun in apposition to it ("X,
    porte-parole du gouvernement soudanais"). Such a name is no party of the event. (Answered
    once per name and list of mentions: every event of a sentence asks of its names.)"""
    found = list_memo(doc, mentions, "qualifies_actor")
    key = (m.start, m.end, m.entity_id)
    answer = found.get(key)
    if answer is None:
        answer = found[key] = _qualifies_actor(doc, m, mentions)
    return answer


def _qualifies_actor(doc: Doc, m: Mention, mentions: list[Mention]) -> bool:
    # (the names that may hold it or a token start at most the longest name's length before)
    longest = longest_mention(doc, mentions)
    if any(o.start <= m.start and m.end <= o.end and o.end - o.start > m.end - m.start
           and o.entity_id != m.entity_id and can_act(o)
           for o in starting_between(doc, mentions, m.end - longest, m.start)):  # (offsets tested first: cheaper)
        return True  # "le Conseil de sécurité de l'ONU": a name inside another actor's name
    span = char_span(doc, m.start, m.end)
    if span is None:
        return False
    root = doc[span[2]]
    if root.dep_ != "nmod" or root.head.i == root.i:
        return False
    if any(c.dep_ == "case" and c.lower_ in ("contre", "against") for c in root.children):
        return False  # "X, en guerre … contre Y" hung on X: an opponent, not a complement of X's name
    head = root.head

    def owner(o: Mention) -> bool:
        return (o.start, o.end, o.entity_id) != (m.start, m.end, m.entity_id) and can_act(o) \
            and not (o.start <= m.start and m.end <= o.end) and o.resolution != "descriptor"  # a description qualifies by no name

    def named(tok: Token) -> bool:
        idx = tok.idx
        return any(o.start <= idx < o.end and owner(o) for o in starting_between(doc, mentions, idx - longest, idx))

    if named(head):
        return True
    # the role noun in apposition to a name ("X, porte-parole de Y"; "porte-parole de Y, X")
    return head.pos_ == "NOUN" and ((head.dep_ == "appos" and named(head.head)) or any(
        c.dep_ == "appos" and named(c) for c in head.children))


def named_holder(noun: Token, adjective: Token, mentions: list[Mention]):
    """The KB person holding the role a noun and a nationality adjective name ("les dirigeants
    arménien et azerbaïdjanais": the role "dirigeant arménien" on the publication day), when the
    article names that person; None otherwise (the government then stands for its leader)."""
    kb = _kb()
    if kb is None or not mentions:
        return None
    named = {m.entity_id for m in mentions if m.entity_type == "person"}
    if not named:
        return None
    date = noun.doc._.published if noun.doc.has_extension("published") else None
    for text in (f"{noun.lemma_} {adjective.lemma_}", f"{noun.text} {adjective.text}"):
        holder = kb.resolve_role(text.lower(), date=date or None)
        if holder is not None and holder.id in named:
            return holder
    return None


def holder_of_mention(doc: Doc, m: Mention, mentions: list[Mention]) -> tuple[str, str] | None:
    """(id, name) of the person a role mention with a nationality adjective stands for ("les
    dirigeants azerbaïdjanais" resolved to a government), when the article names that person
    (``named_holder``); None otherwise."""
    if m.entity_type == "person":
        return None
    span = char_span(doc, m.start, m.end)
    if span is None:
        return None
    noun = doc[span[2]]
    if noun.pos_ != "NOUN":
        return None
    for a in noun.children:
        if a.dep_ == "amod" and a.pos_ == "ADJ":
            holder = named_holder(noun, a, mentions)
            if holder is not None:
                return holder.id, holder.name
    return None


def adjective_source(noun: Token, mentions: list[Mention] = ()) -> list[Mention]:
    """The government a nationality adjective names on an unnamed speaker ("un responsable
    américain", "des diplomates égyptiens"; the nouns of ``lexicon.PARTY_NOUNS``), as a mention
    of the adjective; [] otherwise."""
    from dossier.events.lexicon import PARTY_NOUNS

    kb = _kb()
    if kb is None or (noun.lemma_.lower() not in PARTY_NOUNS and noun.lower_ not in PARTY_NOUNS):
        return []
    for a in noun.children:
        if a.dep_ != "amod" or a.pos_ != "ADJ":
            continue
        gov = kb.government_of_adjective(a.text)
        entry = named_holder(noun, a, mentions) or (kb.get(gov) if gov else None)
        if entry is not None:
            return [Mention(a.idx, a.idx + len(a.text), a.text, "ORG", entry.id, entry.name, entry.type,
                            confidence=0.5, resolution="adjective")]
    return []


def pair_phrase(tok: Token) -> bool:
    """"les deux parties", "les deux pays", "les belligérants": a phrase standing for the pair of
    actors the article is about."""
    from dossier.events.lexicon import PAIR_NOUNS, PAIR_WORDS

    if tok.pos_ not in ("NOUN", "PRON") or (tok.lemma_.lower() not in PAIR_NOUNS and tok.lower_ not in PAIR_NOUNS):
        return False
    if any(c.lower_ in PAIR_WORDS for c in tok.children if c.dep_ in ("nummod", "det", "amod")):
        return True
    return tok.lemma_.lower() in ("belligérant", "protagoniste") or any(
        c.lower_ in ("ces", "these") for c in tok.children if c.dep_ == "det")  # "ces pays", "ces parties"


def _their_party(tok: Token) -> bool:
    """"leurs dirigeants", "leurs délégations": a party noun owned by a plural "leur"."""
    from dossier.events.lexicon import PARTY_NOUNS

    return tok.pos_ == "NOUN" and (tok.lemma_.lower() in PARTY_NOUNS or tok.lower_ in PARTY_NOUNS) and any(
        c.lower_ in ("leurs", "their") for c in tok.children if c.dep_ in ("det", "nmod:poss"))


def pair_holder(trigger: Token) -> tuple[bool, Token | None]:
    """Whether an event's trigger has a pair phrase as its subject, object or "entre"/"de" phrase
    ("les deux parties ont convenu …", "les négociations entre les deux pays"; an argument the
    parse coordinated with another counts), and the party noun that owns the pair when there
    is one ("les dirigeants des deux pays", "leurs dirigeants": ``dirigeants``), else None."""
    heads = [trigger]
    if trigger.pos_ in ("VERB", "AUX"):
        subj = subject_token(trigger)
        heads = [trigger] + ([subj] if subj is not None else [])
    for h in heads:
        if h.i != trigger.i and (pair_phrase(h) or _their_party(h)):
            return True, h if _their_party(h) else None
        args = [c for c in h.children]
        # "reçoit à X les dirigeants des deux pays", parsed as one phrase: the guests hang on the place
        nested = [x for c in args if c.dep_ in ("obj", "obl:arg", "nmod") for x in c.children
                  if x.dep_ in ("conj", "nmod") and x.pos_ == "NOUN" and leads(x)]
        for c in args + nested:
            dep = "obj" if c.head.i != trigger.i and c.head.i != h.i else c.dep_
            if dep in ("nsubj", "nsubj:pass", "obj", "nmod", "obl:arg") and (pair_phrase(c) or _their_party(c)) or (
                    dep == "obl:mod" and pair_phrase(c) and any(x.lower_ in ("pour", "for") for x in c.children)):
                return True, c if _their_party(c) else None
            if dep == "obj" and any(x.dep_ == "nmod" and pair_phrase(x) for x in c.children):
                return True, c  # "a souligné la nécessité pour ces pays de …", "accueille les dirigeants des deux pays"
    return False, None


def names_the_pair(trigger: Token) -> bool:
    """Whether an event's trigger has a pair phrase as an argument (``pair_holder``)."""
    return pair_holder(trigger)[0]


def leads(noun: Token | None) -> bool:
    """A noun naming the leaders of the parties ("les dirigeants des deux pays", "leurs
    chefs d'État"): the persons, not their governments (``lexicon.LEADER_NOUNS``)."""
    from dossier.events.lexicon import LEADER_NOUNS

    return noun is not None and (noun.lemma_.lower() in LEADER_NOUNS or noun.lower_ in LEADER_NOUNS)


_CLAUSE_STOP = ("advcl", "ccomp", "parataxis", "csubj", "acl:relcl")


def _release_tokens(trigger: Token) -> list[Token]:
    """The trigger's own phrase: its subtree without the clauses hanging on it ("…, tandis que
    …") or verbs coordinated with it."""
    out, todo = [], [trigger]
    while todo:
        t = todo.pop()
        out.append(t)
        todo += [c for c in t.children if c.dep_ not in _CLAUSE_STOP
                 and not (c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"))]
    if trigger.dep_ == "acl" and trigger.head.pos_ in ("NOUN", "PROPN"):
        out.append(trigger.head)  # "2 000 Palestiniens échangés contre …": the persons exchanged
        out += [c for c in trigger.head.children if c.dep_ == "amod"]
    return out


def _demonym_nation(kb, tok: Token) -> str | None:
    """ISO code of the nation a word names as people ("les Israéliens") or qualifies ("les otages
    israéliens", "des prisons israéliennes": held persons and holding places only)."""
    from dossier.events.lexicon import HELD_NOUNS

    if tok.pos_ in ("NOUN", "PROPN", "ADJ") and tok.text[:1].isupper() and tok.i != tok.sent.start:
        return kb.country_of_adjective(tok.text)  # a capitalised demonym names people, whatever its tag
    if tok.pos_ == "ADJ" and tok.dep_ in ("amod", "conj"):
        noun = tok.head if tok.dep_ == "amod" else tok.head.head
        if noun.lemma_.lower() in HELD_NOUNS or noun.lower_ in HELD_NOUNS:
            return kb.country_of_adjective(tok.text)
    return None


def nation_actor(code: str, mentions: list[Mention]) -> tuple[str, str] | None:
    """The actor of the article standing for a nation: its government when the article names it
    (or a place or person acting for it), else the one organisation of that country the article
    names (the Palestinians of a text naming Hamas only), else the government."""
    kb = _kb()
    if kb is None:
        return None
    gov = kb.institution(code)
    from dossier.events.features import side_of

    named = {as_actor(m)[0] for m in mentions if can_act(m)}
    if gov is not None and (gov in named or any(side_of(x) == gov for x in named)):
        entry = kb.get(gov)
        return (gov, entry.name) if entry is not None else None
    own = []
    for x in named:
        entry = kb.get(x) if not x.startswith("local:") else None
        if entry is not None and entry.type in ("organization", "group") and entry.country == code \
                and entry.institution is None and entry.id not in own:
            own.append(entry.id)
    pick = own[0] if len(own) == 1 else gov
    entry = kb.get(pick) if pick else None
    return (entry.id, entry.name) if entry is not None else None


def release_parties(doc: Doc, trigger: Token, mentions: list[Mention]) -> list[tuple[str, str]]:
    """(id, name) of the parties of a release or exchange the text names indirectly: the nation
    of the persons released or exchanged and of the place they were held in ("les otages
    israéliens", "libérés des prisons israéliennes", "échangés contre des Palestiniens"), and the
    holder ("détenus par X")."""
    from dossier.events.lexicon import HOLD_VERBS

    kb = _kb()
    if kb is None:
        return []
    out: list[tuple[str, str]] = []
    for tok in _release_tokens(trigger):
        found = None
        if tok.dep_ == "obl:agent" and tok.head.lemma_.lower() in HOLD_VERBS:
            lo, hi = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)
            holder = next((m for m in mentions if lo <= m.start and m.end <= hi and can_act(m)), None)
            found = as_actor(holder) if holder is not None else None
        else:
            code = _demonym_nation(kb, tok)
            found = nation_actor(code, mentions) if code else None
        if found is not None and found not in out:
            out.append(found)
    return out


@lru_cache(maxsize=1)
def _kinds() -> dict[str, tuple[str, ...]]:
    """Descriptor word (the knowledge base's ``kinds``, "paramilitaire") -> ids it describes."""
    kb = _kb()
    out: dict[str, list[str]] = {}
    for entry in kb.entries() if kb is not None else ():
        for k in getattr(entry, "kinds", None) or ():
            out.setdefault(k, []).append(entry.id)
    return {k: tuple(v) for k, v in out.items()}


def _kind_word(tok: Token) -> str | None:
    """The descriptor word a token is ("paramilitaires" -> "paramilitaire"), or None."""
    kinds = _kinds()
    for w in (tok.lower_, tok.lemma_.lower(), tok.lower_[:-1] if tok.lower_.endswith(("s", "x")) else ""):
        if w and w in kinds:
            return w
    return None


def _definite(tok: Token) -> bool:
    from dossier.events.lexicon import DEFINITE_DETS

    # "la victoire des paramilitaires", "le retrait du groupe rebelle": "des", "du" are de + the
    return any(c.dep_ == "det" and c.lower_ in DEFINITE_DETS or c.dep_ == "case" and c.lower_ in _CONTRACTED
               for c in tok.children)


_CONTRACTED = frozenset("du des au aux".split())
_OWN_NAME_DEPS = ("nmod", "appos", "flat:name", "flat", "compound", "amod")


def descriptor_mentions(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Groups an article names only by what they are, once it has named them: "les
    paramilitaires", "le groupe rebelle", "le mouvement islamiste" stand for the one actor of
    the article the knowledge base describes so (``kinds``); when several fit, the one the
    article names most often (none on a tie). A definite phrase only ("des rebelles" are some),
    without a name of its own ("les paramilitaires des FSR") and without a nationality that
    contradicts the actor's country ("les rebelles syriens" in a text about Sudan). Returned as
    mentions of the noun (``resolution="descriptor"``)."""
    from collections import Counter

    from dossier.events.lexicon import DESCRIBED_HEADS, NATIONAL_ARMY_HEADS
    from dossier.nlp import access, tokens

    kb = _kb()
    kinds = _kinds()
    if kb is None or not kinds or not mentions:
        return []
    counts = Counter(m.entity_id for m in mentions if not m.entity_id.startswith("local:"))
    out: list[Mention] = []
    army = None  # the armed forces of the article's country, looked up on the first description
    tab = tokens.table(doc)
    for i, (pos, dep, lower, lemma) in enumerate(zip(tab.pos, tab.dep, tab.lower, tab.lemma)):
        if pos not in ("NOUN", "ADJ", "PROPN") or dep in ("amod", "conj") and pos == "ADJ":
            continue
        # what the tests below can start from: an army head, a descriptor word, a described head
        # (read from the token table: most nouns are none, and need no Token or children walk)
        if not (lower in NATIONAL_ARMY_HEADS or lower in DESCRIBED_HEADS or lemma in DESCRIBED_HEADS
                or lower in kinds or lemma in kinds or lower.endswith(("s", "x")) and lower[:-1] in kinds):
            continue
        tok = doc[i]
        national = _national_army(tok, mentions) if _definite(tok) else None
        if national is not None:
            army = army if army is not None else _article_army(kb, mentions)
            entry = kb.get(army) if army else None
            if entry is not None:
                out.append(Mention(tok.idx, national.idx + len(national.text),
                                   access.doc_text(doc)[tok.idx:national.idx + len(national.text)], "ORG",
                                   entry.id, entry.name, entry.type, confidence=0.5, resolution="descriptor"))
            continue
        word = _kind_word(tok) if tok.pos_ != "ADJ" or _definite(tok) else None
        last = tok
        if word is None and (tok.lemma_.lower() in DESCRIBED_HEADS or tok.lower_ in DESCRIBED_HEADS):
            adj = next((c for c in tok.children if c.dep_ == "amod" and c.i > tok.i and _kind_word(c)), None)
            word, last = (_kind_word(adj), adj) if adj is not None else (None, tok)
        if word is None or not _definite(tok):
            continue
        own = [tok] + [c for c in tok.children if c.dep_ in _OWN_NAME_DEPS]
        if any(m.start <= t.idx < m.end for m in mentions for t in own):
            continue  # "les paramilitaires des FSR", "les rebelles houthis": named
        countries = {kb.country_of_adjective(c.text) for c in tok.children if c.dep_ == "amod"} - {None}
        fits = [i for i in kinds[word] if counts[i] and (not countries or (kb.get(i).country in countries))]
        if not fits:
            continue
        best = max(counts[i] for i in fits)
        top = [i for i in fits if counts[i] == best]
        if len(top) != 1:
            continue
        entry = kb.get(top[0])
        start, end = min(tok.idx, last.idx), max(tok.idx + len(tok.text), last.idx + len(last.text))
        out.append(Mention(start, end, access.doc_text(doc)[start:end], LABELS_OF.get(entry.type, "ORG"), entry.id, entry.name,
                           entry.type, confidence=0.5, resolution="descriptor"))
    return out


def _national_army(tok: Token, mentions: list[Mention]) -> Token | None:
    """The last word of "l'armée régulière", "les forces armées nationales" (an unnamed army said
    to be the state's own) when ``tok`` heads one, else None."""
    from dossier.events.lexicon import NATIONAL_ARMY_HEADS, NATIONAL_ARMY_WORDS

    if tok.lower_ not in NATIONAL_ARMY_HEADS or any(m.start <= tok.idx < m.end for m in mentions):
        return None
    adjs = [c for c in tok.children if c.dep_ == "amod" and c.i > tok.i]
    adjs += [x for a in adjs for x in a.children if x.dep_ == "amod"]  # "forces armées nationales"
    return next((a for a in adjs if a.lower_ in NATIONAL_ARMY_WORDS), None)


def _article_army(kb, mentions: list[Mention]) -> str:
    """The armed forces (KB ``institution``) of the one country the article names most often
    (its places and the places' countries); "" when none stands out."""
    from collections import Counter

    counts: Counter = Counter()
    for m in mentions:
        entry = kb.get(m.entity_id) if not m.entity_id.startswith("local:") else None
        if entry is not None and entry.type == "place" and entry.country:
            counts[entry.country] += 1
    top = counts.most_common(2)
    if not top or len(top) > 1 and top[0][1] == top[1][1]:
        return ""
    return kb.institution(top[0][0], "armed_forces") or ""


LABELS_OF = {"person": "PER", "place": "LOC", "organization": "ORG", "group": "GRP"}


__all__ = ["acting_entity", "adjective_parties", "adjective_source", "as_actor", "can_act", "content_actors",
           "descriptor_mentions", "holder_of_mention", "leads", "merge_duplicates", "named_holder", "names_the_pair", "nation_actor",
           "noun_parties", "pair_holder", "pair_phrase", "pronoun_antecedents", "qualifies_actor", "release_parties",
           "subject_group", "subject_mentions", "verb_group_start"]
