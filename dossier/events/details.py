"""Details of one event from the parse around its trigger: place, date, duration, status, outcome."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml
from spacy.tokens import Doc, Span, Token

from dossier.events import lexicon as lx, memo
from dossier.models import Mention, Timex
from dossier.nlp import access
from dossier.nlp.tokens import morph, table

_NO_DATE_BASES = frozenset({"publication-fallback", "none", None})


# -- place --------------------------------------------------------------------------------------
DATA = Path(__file__).resolve().parent / "data" / "details.yaml"


@lru_cache(maxsize=1)
def _data() -> dict:
    with open(DATA, encoding="utf-8") as fh:
        return yaml.safe_load(fh) or {}


def _place_words() -> tuple[frozenset[str], frozenset[str]]:
    """``data/details.yaml``: (occasion nouns, hosting verbs)."""
    return frozenset(_data().get("occasions") or ()), frozenset(_data().get("hosting") or ())


@lru_cache(maxsize=1)
def _earlier_words() -> frozenset[str]:
    """``data/details.yaml``: words of an unspecified earlier time ("précédemment")."""
    return frozenset(w.lower() for w in _data().get("earlier") or ())


def _dates_nothing(t: Timex) -> bool:
    """"précédemment": before the text's time, an unknown day; no event's date."""
    return " ".join(t.text.lower().split()) in _earlier_words()


def _is_place(m: Mention) -> bool:
    return m.entity_type == "place" or m.label == "LOC"


def _locates(root: Token, trigger: Token, head: Token) -> bool:
    """The place's phrase hangs on the trigger's clause: directly, through an adjunct of it
    ("samedi 12 avril à X", "quelques heures plus tôt, à X"), through an occasion noun introduced
    by a preposition that itself hangs on the clause ("lors d'un sommet à X"; not "un accord signé
    lors d'un sommet à X") or a hosting verb ("reçus à X", "un sommet organisé à X"); not through
    another noun ("un cessez-le-feu à X") or verb ("s'affrontant au Soudan"). Inside the phrase
    of an occasion trigger ("la rencontre entre les dirigeants à X") the parser's attachment is
    not trusted: the place is the occasion's."""
    occasions, hosting = _place_words()
    if trigger.pos_ in ("NOUN", "PROPN") and _is_occasion(trigger, occasions) and trigger.is_ancestor(root):
        return True
    cur, occasion = root, False
    for _ in range(10):
        if cur.head.i == cur.i:
            return True
        cur = cur.head
        if cur.i in (trigger.i, head.i) or cur.is_punct or cur.is_space:
            return True  # (a phrase the parser hung on punctuation: attached to nothing in particular)
        if cur.pos_ in ("NOUN", "PROPN"):
            if cur.pos_ == "PROPN" or (cur.dep_.startswith("obl") and cur.head.i in (trigger.i, head.i)):
                continue  # a name the parser hung the phrase on; an adjunct of the clause (a date)
            if _is_occasion(cur, occasions) and any(c.dep_ == "case" for c in cur.children):
                occasion = True  # the occasion's place is the event's unless the occasion is another
                continue         # verb's ("un accord signé lors d'un sommet à X")
            return occasion  # "au terme de trois jours de discussions à X"
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ not in ("aux", "aux:tense", "aux:pass", "cop"):
            return cur.lemma_.lower() in hosting
    return True


_DEMONSTRATIVES = frozenset("ce cet cette ces this that these".split())


def _town_referred_back(doc: Doc, trigger: Token, mentions: list[Mention]) -> Mention | None:
    """"la prise de cette ville (clé) du Darfour": a settlement noun (``settlements``) with a
    demonstrative, as what a military trigger acts on, is the place named last before it in the
    sentence or the one before (same paragraph); a place after it ("du Darfour") is the region around that town, not the event's
    place. None when there is no such noun or no place before it."""
    settlements = frozenset(_data().get("settlements") or ())
    noun = next((c for c in trigger.children if c.dep_ in ("obj", "nmod") and c.pos_ == "NOUN"
                 and c.lemma_.lower() in settlements
                 and any(d.dep_ == "det" and d.lower_ in _DEMONSTRATIVES for d in c.children)), None)
    if noun is None:
        return None
    sent = trigger.sent
    previous = doc[sent.start - 1].sent.start_char if sent.start > 0 else sent.start_char
    text = access.doc_text(doc)
    line = text.rfind("\n", 0, noun.idx) + 1  # the sentence or the one before, within the paragraph
    before = [m for m in access.mentions_in(doc, max(previous, line), noun.idx, mentions) if _is_place(m)]
    return before[-1] if before else None


def _named_settlement(root: Token) -> bool:
    """"dans la ville assiégée d'el-Facher", "au village de X": the name of a town, a village or
    a region (``data/details.yaml``: settlements) that a place preposition governs."""
    noun = root.head
    if not any(c.dep_ == "case" and c.lower_ in ("de", "d'", "d’", "du", "of") for c in root.children):
        return False
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in frozenset(_data().get("settlements") or ()):
        return False
    return any(c.dep_ == "case" and c.lower_ in lx.PLACE_PREPS for c in noun.children)


def _second_party(root: Token) -> bool:
    """"une guerre opposant Kiev à Moscou", "un corridor reliant Bakou à Erevan": after a verb of
    pairing (``data/details.yaml``: pairing), "à" names a second party or an end point, not where
    anything happens."""
    pairing = frozenset(_data().get("pairing") or ())
    verb = root.head
    return verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in pairing and any(
        c.dep_ == "obj" and c.i < root.i for c in verb.children)


def _is_occasion(tok: Token, occasions: frozenset[str]) -> bool:
    return tok.lemma_.lower() in occasions or tok.lower_ in occasions


def find_place(doc: Doc, trigger: Token, head: Token, mentions: list[Mention],
               objects: bool = False, located: bool = True) -> Mention | None:
    """A place mention governed by à/au/en/dans inside the trigger's clause, nearest the trigger
    (with ``objects``, also the place a military trigger acts on: "capturé le village de X").
    With ``located`` (the default), only a place whose phrase locates the event (``_locates``);
    without, any such place of the clause (a place named there is no actor of the event)."""
    obj_tokens = {t.i for c in trigger.children if c.dep_ in ("obj", "nmod") for t in c.subtree} if objects else set()
    if objects:
        back = _town_referred_back(doc, trigger, mentions)
        if back is not None:
            return back
    if not objects and head.i == trigger.i and trigger.dep_ == "xcomp" and trigger.head.pos_ in ("VERB", "AUX"):
        head = trigger.head  # "X, reçu à Y, a assuré soutenir …": the clause of the verb it completes
    lo = min(head.left_edge.i, trigger.left_edge.i)
    hi = max(head.right_edge.i, trigger.right_edge.i)
    lo_c, hi_c = doc[lo].idx, doc[hi].idx + len(doc[hi].text)
    best, best_d = None, None
    for m in memo.within(doc, mentions, lo_c, hi_c):
        if not _is_place(m):
            continue
        span = memo.char_span(doc, m.start, m.end)
        if span is None:
            continue
        root = doc[span[2]]
        cases = [c for c in root.children if c.dep_ == "case"]
        # "à Kiev" parsed as a determiner of the next noun: look at the token before the mention
        prev = doc[span[0] - 1] if span[0] > 0 else None
        governed = any(c.lower_ in lx.PLACE_PREPS for c in cases) or (
            prev is not None and prev.lower_ in lx.PLACE_PREPS) or _named_settlement(root)
        if not governed and root.i not in obj_tokens:
            continue
        if governed and _second_party(root):
            continue
        if located and root.i not in obj_tokens and not objects and not _locates(root, trigger, head):
            continue
        d = abs(root.i - trigger.i)
        if best_d is None or d < best_d:
            best, best_d = m, d
    if best is None and objects:
        best = _stricken(doc, trigger, mentions)
    return best


def _stricken(doc: Doc, trigger: Token, mentions: list[Mention]) -> Mention | None:
    """The land a fighting noun befalls: "le Soudan est ravagé par une guerre", "le pays reste
    en proie à un conflit qui a éclaté …" (the subject of a passive verb, or of a verb of state
    in ``data/details.yaml``, whose oblique is the fighting)."""
    noun = trigger
    if trigger.pos_ in ("VERB", "AUX") and trigger.dep_ in ("acl", "acl:relcl") and trigger.head.pos_ == "NOUN":
        noun = trigger.head  # "un conflit qui a éclaté", "une guerre opposant X à Y"
    if noun.pos_ != "NOUN" or not noun.dep_.startswith("obl") or noun.head.pos_ not in ("VERB", "AUX"):
        return None
    verb = noun.head
    states = frozenset(_data().get("states") or ())
    for c in verb.children:
        if c.dep_ == "nsubj:pass" or (c.dep_ == "nsubj" and verb.lemma_.lower() in states):
            lo, hi = c.left_edge.idx, c.right_edge.idx + len(c.right_edge.text)
            found = [m for m in access.mentions_in(doc, lo, hi, mentions) if _is_place(m)]
            if found:
                return found[0]
    return None


# -- date ---------------------------------------------------------------------------------------
def _governs(timex_tok: Token, trigger: Token, head: Token) -> bool:
    cur = timex_tok
    for _ in range(8):
        if cur.i in (trigger.i, head.i):
            return True
        if cur.head.i == cur.i:
            return False
        if (cur.pos_ in ("VERB",) or cur.dep_ == "acl:relcl") and cur.i != timex_tok.i:
            return False  # a verb, or a relative clause the tagger headed by a noun ("qui contrôle Gaza depuis 2007")
        cur = cur.head
    return False


def event_date(doc: Doc, trigger: Token, head: Token, sent: Span, si: int,
               timexes: list[Timex], quoted: list[tuple[int, int]] = ()) -> tuple[str, str, str] | None:
    """(value, precision, basis): the date timex governing the trigger, else the sentence time.
    ``quoted``: the document's direct-speech spans (``filters.quoted_regions``)."""
    timexes_all = timexes
    found = memo.list_memo(doc, timexes, "in_sentence")  # (the same for every event of the sentence)
    key = (sent.start_char, sent.end_char)
    in_sent = found.get(key)
    if in_sent is None:
        in_sent = found[key] = [t for t in timexes if t.type in ("date", "time") and t.value
                                and sent.start_char <= t.start < sent.end_char and not _dates_nothing(t)]
    best = None
    for t in in_sent:
        span = memo.char_span(doc, t.start, t.end)
        if span is None:
            continue
        root = doc[span[2]]
        if _governs(root, trigger, head):
            d = abs(root.i - trigger.i)
            if best is None or d < best[0]:
                best = (d, t)
    if best is not None:
        t = best[1]
        return t.value, t.precision, "governing"
    st = access.sentence_time(doc, si)
    if st is None or not st.value or st.basis in _NO_DATE_BASES:
        return None
    source = timexes_all[st.timex_index] if st.timex_index is not None and st.timex_index < len(timexes_all) else None
    if source is not None and _dates_nothing(source):
        return None
    if source is not None and _quoted_apart(doc, source, trigger, quoted):
        return None  # « … dans un an … », a ajouté X: the quoted words' date is not the saying's
    if source is not None and not sent.start_char <= source.start < sent.end_char:
        # the sentence ran over a paragraph break: a date of another paragraph says nothing here
        near = [t for t in in_sent if t.type == "date" and not is_deadline(t, doc)
                and not _quoted_apart(doc, t, trigger, quoted)]
        if not near:
            return None
        t = min(near, key=lambda t: abs(t.start - trigger.idx))
        return t.value, t.precision, "paragraph-nearest"
    if source is not None and is_deadline(source, doc):
        return None  # "d'ici 2027": a deadline, not the time of what the sentence reports
    if source is not None and _since_other(doc, source, trigger, head):
        return None  # "…, assiégée depuis huit mois": the start of another clause's state
    if source is not None and _dates_its_content(doc, source, trigger, head):
        return None  # "ont convenu de se rencontrer samedi": the date of the meeting agreed on
    if _told_as_past(trigger) and after_published(doc, st.value):
        return None  # "X a annoncé un accord" after "… en avril prochain": a past act is not dated ahead
    return st.value, st.precision, f"sentence-{st.basis}"


def date_counted(doc: Doc, sent: Span, si: int, date: tuple[str, str, str] | None,
                 timexes: list[Timex]) -> str | None:
    """The duration an event's date was counted by ("assiégée depuis 18 mois": P18M), when the
    date is a timex's own value (governing the trigger, or the sentence's time): such a date is
    only as exact as the count (:attr:`dossier.models.Timex.counted`). None for a date shifted
    from another event's or taken from another event (an offset, a coreference)."""
    if date is None or not (date[2] == "governing" or date[2].startswith(("sentence-", "paragraph-"))):
        return None
    found = [t for t in timexes if t.counted and t.value == date[0] and t.precision == date[1]
             and sent.start_char <= t.start < sent.end_char]
    if not found and date[2].startswith("sentence-"):
        st = access.sentence_time(doc, si)
        if st is not None and st.timex_index is not None and st.timex_index < len(timexes):
            source = timexes[st.timex_index]
            found = [source] if source.counted and source.value == date[0] else []
    return found[0].counted if found else None


def _told_as_past(trigger: Token) -> bool:
    """A verb in a past tense: a past participle with its auxiliary ("a annoncé"), a simple past
    or imperfect."""
    if trigger.pos_ not in ("VERB", "AUX"):
        return False
    if morph(trigger, "VerbForm") == ["Part"] and morph(trigger, "Tense") == ["Past"]:
        return any(c.dep_.startswith("aux") and not morph(c, "Tense") in (["Fut"], ["Cnd"])
                   and "Cnd" not in morph(c, "Mood") for c in trigger.children)
    return morph(trigger, "VerbForm") == ["Fin"] and morph(trigger, "Tense") in (["Past"], ["Imp"]) \
        and "Cnd" not in morph(trigger, "Mood")


def after_published(doc: Doc, value: str | None) -> bool:
    """The value starts after the article's publication day."""
    from dossier.timex.calendar import value_to_date

    published = value_to_date(doc._.published or "")
    when = value_to_date(value or "")
    return published is not None and when is not None and when[0] > published[0]


def _quoted_apart(doc: Doc, t: Timex, trigger: Token, quoted: list[tuple[int, int]]) -> bool:
    """The timex lies inside quoted words, the trigger outside them, and it points past the
    article's day: what the quote says will happen ("dans un an"), not when it was said (a quoted
    "aujourd'hui" is the day of the saying and still dates it)."""
    from dossier.timex.calendar import value_to_date

    published = value_to_date(doc._.published or "")
    when = value_to_date(t.value or "")
    if published is not None and (when is None or when[0] <= published[0]):
        return False
    inside = [(a, b) for a, b in quoted if a <= t.start and t.end <= b]
    return bool(inside) and not any(a <= trigger.idx < b for a, b in inside)


_SINCE = frozenset(("depuis", "since"))


def _since_other(doc: Doc, t: Timex, trigger: Token, head: Token) -> bool:
    """A "depuis …" timex that does not govern the trigger: it dates the start of the state it
    hangs on (a siege, a war), not another event of the sentence."""
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None:
        return False
    before = doc[max(0, span.start - 3):span.start + 1]
    if not any(x.lower_ in _SINCE for x in before):
        return False
    return not _governs(span.root, trigger, head)


def _dates_its_content(doc: Doc, t: Timex, trigger: Token, head: Token) -> bool:
    """The timex belongs to a verb inside the event's own complement ("a annoncé que la trêve
    entrera en vigueur dimanche", "ont convenu de se rencontrer samedi"): it dates what is
    announced or agreed on, not the event."""
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None:
        return False
    cur = span.root
    for _ in range(8):
        if cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ not in ("aux", "aux:tense", "aux:pass", "cop"):
            break
    else:
        return False
    if cur.i in (trigger.i, head.i) or cur.lemma_.lower() in lx.REPORTING or not trigger.is_ancestor(cur):
        return False  # a reporting verb's date dates what it reports ("…, a déclaré mardi X")
    path, step = [], cur
    for _ in range(12):
        if step.i == trigger.i or step.head.i == step.i:
            break
        path.append(step.dep_)
        step = step.head
    return any(d in ("ccomp", "xcomp") for d in path) and "acl" not in path


def is_deadline(t: Timex, doc: Doc) -> bool:
    """"d'ici 2027", "avant la fin du mois" after publication: a time limit (mod before) in the
    future of the article."""
    if t.mod != "before" or not t.value:
        return False
    published = getattr(doc._, "published", None)
    return bool(published) and t.value[:len(published)] > published[:len(t.value)]


# -- duration -----------------------------------------------------------------------------------
_UNIT = {"heure": "H", "heures": "H", "hour": "H", "hours": "H", "minute": "M", "minutes": "M",
         "jour": "D", "jours": "D", "day": "D", "days": "D"}
_NUM = r"(\d+(?:[.,]\d+)?|" + "|".join(sorted(map(re.escape, lx.NUMBER_WORDS), key=len, reverse=True)) + r")"
_DURATION = re.compile(
    r"(?:(?:près d['’]|environ |plus d['’]e? ?|moins d['’]e? ?|about |nearly |almost |more than )?)"
    + _NUM + r"\s+(heures?|minutes?|jours?|hours?|days?)(\s+et\s+demie|\s+and\s+a\s+half)?",
    re.IGNORECASE,
)
_APPROX = re.compile(r"^(près|environ|plus|moins|about|nearly|almost|more)", re.IGNORECASE)


def _iso_duration(number: float, unit: str) -> str:
    if unit == "D":
        return f"P{number:g}D"
    if unit == "H" and number != int(number):
        return f"PT{int(number)}H{int(round((number - int(number)) * 60))}M"
    return f"PT{number:g}{unit}"


# a unit word, which every duration holds: a text without one is not searched further
_UNIT_WORD = re.compile(r"heure|minute|jour|hour|day", re.IGNORECASE)


def parse_duration(text: str) -> tuple[str, str] | None:
    """("PT2H30M", "environ deux heures et demie") from a phrase, or None."""
    if _UNIT_WORD.search(text) is None:
        return None
    m = _DURATION.search(text)
    if m is None:
        return None
    raw = m.group(1).lower().replace(",", ".")
    number = float(raw) if raw[0].isdigit() else float(lx.NUMBER_WORDS.get(raw, 0))
    if not number:
        return None
    if m.group(3):
        number += 0.5
    unit = _UNIT[m.group(2).lower()]
    if unit == "D" and "jour" in m.group(2).lower() and number > 60:
        return None
    return _iso_duration(number, unit), m.group(0).strip()


def event_duration(doc: Doc, trigger: Token, head: Token, sent: Span,
                   timexes: list[Timex]) -> tuple[str | None, str | None]:
    text = access.doc_text(doc)
    lo = min(head.left_edge.i, trigger.left_edge.i, trigger.i - 6)
    hi = max(head.right_edge.i, trigger.right_edge.i)
    lo_c = doc[max(lo, sent.start)].idx
    hi_c = doc[min(hi, sent.end - 1)].idx + len(doc[min(hi, sent.end - 1)].text)
    found = parse_duration(text[lo_c:hi_c])
    for t in timexes:
        if t.type == "duration" and t.value and lo_c <= t.start < hi_c and t.value.startswith("PT"):
            if found is None or t.text not in found[1] or len(t.text) >= len(found[1]):
                found = (t.value, t.text)
                break
    if found is None:
        return None, None
    # "deux heures de retard" is a delay, not a duration
    pos = text.find(found[1], lo_c)
    after = text[pos + len(found[1]): pos + len(found[1]) + 16].lower()
    if any(w in after for w in ("retard", "delay", "plus tard", "late", "avant", "après")):
        return None, None
    return found


# -- status -------------------------------------------------------------------------------------
def event_status(trigger: Token, head: Token, negated: bool, family: str) -> str:
    # (token indexes: forms, lemmas, labels, heads, children and tenses read from the token table)
    tab = table(trigger.doc)
    lower, lemma, dep, children = tab.lower, tab.lemma, tab.dep, tab.children
    chain = [trigger.i]
    cur = trigger.i
    for _ in range(4):
        if tab.head[cur] == cur:
            break
        if dep[cur] not in ("xcomp", "obj", "nsubj", "nsubj:pass", "obl:arg") and cur != trigger.i:
            break
        cur = tab.head[cur]
        chain.append(cur)
    kids = [c for t in chain for c in children[t]]  # the chain's children, read once
    words = {lower[c] for c in kids} | {lower[t] for t in chain}
    lemmas = {lemma[c] for c in kids} | {lemma[t] for t in chain}
    if words & lx.CANCEL_WORDS or lemmas & {"annuler", "ajourner", "cancel", "postpone"}:
        return "cancelled"
    if any(lower[c] in ("si", "if") and dep[c] == "mark" for c in kids) or any(
            lower[g] in ("si", "if") and dep[g] == "mark"
            for c in children[trigger.i] if dep[c] == "advcl" for g in children[c]):
        return "hypothetical"
    if {lower[c] for c in children[trigger.i]} & lx.HYPOTHETICAL_WORDS:
        return "hypothetical"
    if negated and family not in ("rejection", "cancellation"):
        return "denied"
    if any("Fut" in tab.feats(t).get("Tense", ()) for t in chain if tab.pos[t] in ("VERB", "AUX")) or any(
            "Fut" in tab.feats(c).get("Tense", ()) for c in kids if dep[c].startswith("aux")):
        return "planned"
    if (lemmas - {lemma[trigger.i]}) & lx.PLANNED_LEMMAS or words & lx.PLANNED_WORDS:
        return "planned"
    return "held"


# -- outcome ------------------------------------------------------------------------------------
def event_outcome(doc: Doc, sent: Span, si: int, quotes, mentions: list[Mention]) -> list[dict]:
    """Evaluation words said about a meeting ("productives"), with who said them.

    From ``doc._.quotes`` when the quotes component ran (quotes of this or the next sentence),
    else from the parse of this sentence ("X a jugé les entretiens utiles")."""
    out: list[dict] = []
    for q in quotes:
        if q.sentence is None or q.sentence not in (si, si + 1):
            continue
        words = [w for w in re.findall(r"\w+", q.text.lower()) if w in lx.OUTCOME_WORDS]
        if words and q.speaker_id:
            out.append({"words": " ".join(dict.fromkeys(words)), "by": q.speaker_id, "by_name": q.speaker_name})
    if out or quotes:
        return out
    for tok in sent:
        if tok.lower_ in lx.OUTCOME_WORDS and tok.pos_ == "ADJ":
            verb = tok
            for _ in range(4):
                if verb.pos_ == "VERB":
                    break
                verb = verb.head
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subj is None:
                continue
            lo, hi = subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge.text)
            who = [m for m in mentions if m.start >= lo and m.end <= hi]
            if who:
                out.append({"words": tok.text, "by": who[0].entity_id, "by_name": who[0].entity_name})
    return out
