"""Events from English text, read from the written words (no English parser is available).

The French rules (:mod:`dossier.events.extract`) read the dependency parse of fr_core_news_md,
which means nothing on English text. Here the evidence is what stays reliable on English: the
words as written, the dossier entity mentions (KB-linked names), the time expressions and
sentence times, the quotes. Trigger words and phrases are data (``data/english.yaml``); the
families, PLOVER codes and conventions are the French ones (:mod:`dossier.events.lexicon`):

* an act (meeting, visit, call, agreement, attack, capture, rejection …) takes as participants
  the actors named before its trigger in its clause (the subject side: after the last clause
  opener or reporting verb) and those named after it ("with X", "between X and Y", a direct
  object), a noun trigger its own parties ("X's", "with X", "between X and Y") or the subject of
  a light verb before it ("X held talks with Y");
* its place is a place named after "in/at/to" (or written before an event noun: "the Kremlin
  talks"); its date the time expression of its clause nearest to it, else the sentence time;
* its status is planned ("will meet", "is expected to travel", a date after publication),
  hypothetical ("could meet"), cancelled, denied ("did not meet") or held;
* a saying with a named speaker is a neutral ``statement`` (the French gold convention), and
  beside an act it reports, both are events when the speaker takes no part in the act.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from spacy.tokens import Doc

from dossier.events import lexicon as lx
from dossier.events import participants as pa
from dossier.events.coref import inherit_dates
from dossier.events.reports import report_data
from dossier.events.story import mark_story
from dossier.models import Event, Mention, Participant
from dossier.nlp import access

DATA = Path(__file__).resolve().parent / "data" / "english.yaml"

_WORD = re.compile(r"\w+(?:[’'.-]\w+)*|[;:“”\"]")
_QUOTE = re.compile(r"“[^”]*”|\"[^\"]*\"")
# a sentence ends at . ! ? (and a closing quote) before a space and a capital or an opening quote
# a dateline opening a dispatch ("KYIV, Ukraine — "): where it was written, not who acts
_DATELINE = re.compile(r"[A-Z][A-Z .'-]{2,}(?:,[^—–\n]{1,40})?\s*[—–]\s*")
_RECENT = 1  # sentences a speaker stays the antecedent of "he"/"she" after speaking
_SENT_END = re.compile(r"[.!?…][\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])")
_ABBREV = re.compile(r"(?:\b(?:[A-Z]\.)+|\b(?:Mr|Mrs|Ms|Dr|St|Gen|Lt|Col|Sgt|Gov|Sen|Rep|Jan|Feb|Mar|Apr|"
                     r"Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|vs|etc|approx)\.)$")


@dataclass(frozen=True)
class Word:
    start: int
    end: int
    low: str


@dataclass(frozen=True)
class Trigger:
    first: int  # index of its first word in the sentence's word list
    last: int  # index of its last word
    family: str
    kind: str  # verb | noun | host


@dataclass
class _Sentence:
    start: int
    end: int
    words: list[Word]
    mentions: list[Mention]
    quoted: list[tuple[int, int]]
    text: str  # the whole document's text
    doc_starts: list[int]  # start offsets of the Doc's sentences (records cite those)
    recent_speaker: Mention | None = None  # a person who spoke in the last sentences ("he added")


def _norm(word: str) -> str:
    return word.lower().replace("’", "'")


@lru_cache(maxsize=1)
def english_data() -> dict[str, Any]:
    with open(DATA, encoding="utf-8") as fh:
        raw = yaml.safe_load(fh) or {}
    phrases: dict[tuple[str, ...], dict[str, str]] = {}  # words -> kind -> family
    for family, kinds in (raw.get("triggers") or {}).items():
        if family not in lx.FAMILIES:
            raise ValueError(f"{DATA.name}: unknown event family {family!r}")
        for kind, words in (kinds or {}).items():
            for phrase in words or ():
                phrases.setdefault(tuple(_norm(w) for w in str(phrase).split()), {}).setdefault(kind, family)
    for key, value in raw.items():  # YAML reads a bare on/off/no/yes as a boolean: quote them
        if isinstance(value, list) and not all(isinstance(w, str) for w in value):
            raise ValueError(f"{DATA.name}: {key} holds a non-string word: {value!r}")
    data = {k: frozenset(_norm(w) for w in v) for k, v in raw.items() if isinstance(v, list)}
    cues = {k: [tuple(_norm(w) for w in str(c).split()) for c in raw.get(k) or ()]
            for k in ("planned_cues", "hypothetical_cues", "negation_cues", "cancel_cues")}
    data.update(cues)
    data["phrases"] = phrases
    data["not_after"] = {_norm(k): frozenset(_norm(w) for w in v) for k, v in (raw.get("not_after") or {}).items()}
    data["longest"] = max((len(p) for p in phrases), default=1)
    data["call_window"] = int(raw.get("call_window") or 4)
    data["cue_window"] = int(raw.get("cue_window") or 4)
    return data


def is_english(doc: Doc) -> bool:
    """The document's language (``doc._.language``, else detected once) is English."""
    lang = doc._.language
    if not lang:
        lang = doc.user_data.get("dossier.detected_language")
        if lang is None:
            from dossier.read.language import detect_language

            lang = doc.user_data["dossier.detected_language"] = detect_language(access.doc_text(doc)) or ""
    return str(lang).lower().startswith("en")


# -- sentences and words ------------------------------------------------------------------------
def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of an English text: paragraphs (line breaks) cut at final punctuation
    followed by a capital, not after an abbreviation ("U.S.", "Dec.", "Mr.")."""
    out = []
    for para in re.finditer(r"[^\n]+", text):
        start = para.start()
        for m in _SENT_END.finditer(para.group()):
            cut = para.start() + m.start()
            if text[cut] == "." and _ABBREV.search(text[start:cut + 1]):
                continue
            out.append((start, para.start() + m.end()))
            start = para.start() + m.end()
        if text[start:para.end()].strip():
            out.append((start, para.end()))
    return [(a + len(text[a:b]) - len(text[a:b].lstrip()), a + len(text[a:b].rstrip())) for a, b in out
            if text[a:b].strip()]


def _words(text: str, start: int, end: int) -> list[Word]:
    return [Word(start + m.start(), start + m.end(), _norm(m.group()).rstrip("."))
            for m in _WORD.finditer(text[start:end])]


def _headline(text: str, start: int, end: int) -> bool:
    """A line without final punctuation is a title, a subhead or a caption, not a report."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start:line_end if line_end >= 0 else len(text)].strip()
    return bool(line) and line[-1] not in ".!?…\"”’):"


# -- triggers -----------------------------------------------------------------------------------
def _triggers(s: _Sentence, data: dict) -> list[Trigger]:
    out, i, lows = [], 0, [w.low for w in s.words]
    while i < len(lows):
        for n in range(min(data["longest"], len(lows) - i), 0, -1):
            kinds = data["phrases"].get(tuple(lows[i:i + n]))
            if kinds is not None:
                kind = _kind(s, i, kinds, data)
                if not any(a <= s.words[i].start < b for a, b in s.quoted):
                    out.append(Trigger(i, i + n - 1, kinds[kind], kind))
                i += n - 1
                break
        i += 1
    return [t for t in out if _valid(t, s, data)]


def _kind(s: _Sentence, i: int, kinds: dict[str, str], data: dict) -> str:
    """"attacks", "visit", "talks" are verbs or nouns: a verb after a name or a subject pronoun
    ("Russia attacks", "he visits"), a noun after anything else ("the attacks", "a visit")."""
    if len(kinds) == 1 or "noun" not in kinds:
        return next(iter(kinds))
    verb = next(k for k in kinds if k != "noun")
    if i == 0:
        return "noun"
    prev = s.words[i - 1]
    if prev.low in data["gerund_preps"]:
        return verb  # "before meeting X", "after visiting Y"
    named = any(m.end == prev.end and not _possessor(s, m) for m in s.mentions)
    return verb if named or prev.low in data["subject_words"] else "noun"


def _mention_at(s: _Sentence, wi: int) -> Mention | None:
    w = s.words[wi]
    return next((m for m in s.mentions if m.start <= w.start < m.end), None)


def _valid(t: Trigger, s: _Sentence, data: dict) -> bool:
    words = s.words
    excluded = data["not_after"].get(words[t.first].low)
    if excluded and t.first > 0 and words[t.first - 1].low in excluded:
        return False  # "was met with dissatisfaction"
    if t.family == "phone_call" and t.first == t.last and words[t.first].low in data["call_words"]:
        # "called X": a call only with an actor named right after ("called for", "called it …" are not)
        nxt = t.last + 1
        if nxt >= len(words) or words[nxt].low in data["call_not_next"]:
            return False
        return any(m is not None and pa.can_act(m) for m in
                   (_mention_at(s, k) for k in range(nxt, min(len(words), nxt + data["call_window"]))))
    return True


# -- participants, place, date, status ----------------------------------------------------------
def _left_bound(s: _Sentence, t: Trigger, triggers: list[Trigger], data: dict) -> int:
    """Index of the first word of the trigger's clause (after an opener or a reporting verb)."""
    bound = 0
    for k in range(t.first - 1, -1, -1):
        low = s.words[k].low
        if any(a <= s.words[k].start < b for a, b in s.quoted):
            continue  # a quotation's own clauses say nothing of the clause around it
        if low in data["clause_openers"] or any(
                o.family == "statement" and o.first <= k <= o.last and o != t for o in triggers):
            bound = k + 1
            break
    return bound


def _right_bound(s: _Sentence, t: Trigger, triggers: list[Trigger], data: dict) -> int:
    """Index one past the last word of the trigger's clause (before an opener, a reporting verb,
    or a comma followed by a lower-case word other than a conjunction)."""
    text_end = len(s.words)
    for k in range(t.last + 1, text_end):
        w = s.words[k]
        if w.low in data["clause_openers"] or any(o.first == k and o.family == "statement" for o in triggers):
            return k
        if k > t.last + 1 and s.words[k - 1].end < w.start and _comma_before(s, k) and \
                w.low not in ("and", "or") and _lowercase(s, k) and _mention_at(s, k) is None:
            return k
    return text_end


def _comma_before(s: _Sentence, k: int) -> bool:
    return "," in s.text[s.words[k - 1].end:s.words[k].start]


def _lowercase(s: _Sentence, k: int) -> bool:
    return s.text[s.words[k].start].islower()


def _possessor(s: _Sentence, m: Mention) -> bool:
    """"Trump's envoy": the name owns the noun after it, it is not the actor (also a title
    written before the possessive name: "French President Emmanuel Macron's adviser")."""
    if re.match(r"(?:\s+[A-Z][\w.-]*)+['’]s?\b", s.text[m.end:m.end + 60]):
        return True  # the name goes on into a possessive: "French President| Emmanuel Macron's"
    return bool(re.search(r"['’]s?$", s.text[m.start:m.end])) or bool(re.match(r"['’](?:s\b|\s)", s.text[m.end:m.end + 3]))


def _word_before(s: _Sentence, m: Mention, skip: frozenset[str] = frozenset({"the"})) -> str | None:
    prev = [w for w in s.words if w.end <= m.start]
    while prev and prev[-1].low in skip:
        prev.pop()
    return prev[-1].low if prev else None


def _governor(s: _Sentence, m: Mention, floor: int, data: dict, steps: int = 4) -> str | None:
    """The preposition governing a name after a trigger, looking back over its modifiers and
    titles ("with| Turkish foreign minister Hakan Fidan"): None when a comma, a clause opener or the
    trigger (``floor``, a character offset) comes first."""
    prev = [w for w in s.words if floor <= w.start and w.end <= m.start]
    skipped = 0
    for w in reversed(prev):
        if any(o.start <= w.start < o.end for o in s.mentions):
            continue
        if w.low in data["not_subject_preps"] or w.low in data["clause_openers"] or w.low in ("and", "or"):
            return w.low
        if "," in s.text[w.end:m.start] or skipped >= steps:
            return None
        skipped += 1
    return None


def _in_quotes(s: _Sentence, m: Mention) -> bool:
    return any(a <= m.start < b for a, b in s.quoted)


def _modifier(s: _Sentence, m: Mention) -> bool:
    """A country written before another name ("U.S. envoy X", "U.S. Secretary
    of State X") qualifies it: the person acts, not the country."""
    if m.entity_type != "place":
        return False
    nxt = next((o for o in s.mentions if o.start >= m.end), None)
    if nxt is None or nxt.entity_type not in ("person", "organization", "group"):
        return False
    gap = s.text[m.end:nxt.start]
    return len(gap.split()) <= 2 and not re.search(r"[,;:.“”\"()]|\b(?:and|or|with|to|of)\b", gap)


def _false_name(s: _Sentence, m: Mention) -> bool:
    """A one-word name of no known entity opening the sentence ("More bluntly, …"): the capital
    of the first word, not a name."""
    return m.entity_id.startswith("local:") and m.start == s.start and " " not in m.text.strip()


def _party_of(s: _Sentence, m: Mention, before: str, data: dict) -> bool:
    """"the leaders of X", "a delegation from X": the name stands for who acts."""
    if before not in ("of", "from"):
        return False
    prev = [w for w in s.words if w.end <= m.start]
    while prev and prev[-1].low in ("the", before):
        prev.pop()
    return bool(prev) and prev[-1].low in data["party_nouns"]


def _actors_between(s: _Sentence, lo: int, hi: int, data: dict, subject: bool) -> list[Mention]:
    if lo >= hi:
        return []
    a, b = s.words[lo].start, s.words[hi - 1].end
    out = []
    for m in s.mentions:
        if not (a <= m.start and m.end <= b) or not pa.can_act(m) or _possessor(s, m) or _in_quotes(s, m) \
                or _modifier(s, m) or _false_name(s, m) or pa.is_media(m.entity_id):
            continue
        before = _word_before(s, m)
        if subject and before in data["not_subject_preps"] and not _party_of(s, m, before, data):
            continue
        out.append(m)
    return out


def _fronted_subject(s: _Sentence, t: Trigger) -> list[Mention]:
    """"On a trip to Paris, X said …": the subject after the fronted phrase's comma."""
    comma = s.text.find(",", s.words[t.last].end, s.end)
    if comma < 0:
        return []
    out, pos = [], comma + 1
    for m in s.mentions:
        if m.start < pos:
            continue
        if re.fullmatch(r"[\s,]*(?:and\s+)?", s.text[pos:m.start]) and pa.can_act(m) and not _possessor(s, m) \
                and not _modifier(s, m):
            out.append(m)
            pos = m.end
        elif m.start > pos:
            break
    return out


def _participants(s: _Sentence, t: Trigger, triggers: list[Trigger], data: dict,
                  lo: int, hi: int) -> list[tuple[Mention, str]]:
    fam = t.family
    out: list[tuple[Mention, str]] = []
    subj_role = "host" if t.kind == "host" else "visitor" if fam == "visit" else "participant"
    obj_role = ("visitor" if t.kind == "host" else "host" if fam == "visit" else
                "participant" if fam in ("meeting", "phone_call", "agreement") else "target")
    if t.kind == "noun":
        # "X held talks with Y": the subject of a light verb just before the noun
        light = next((k for k in range(t.first - 1, max(lo, t.first - 7) - 1, -1)
                      if s.words[k].low in data["light_verbs"]), None)
        if light is not None:
            out += [(m, subj_role) for m in _actors_between(s, lo, light, data, subject=True)]
        # "Putin's meeting", "Russia's invasion"
        prev = [m for m in s.mentions if _possessor(s, m) and pa.can_act(m)
                and 0 <= s.words[t.first].start - m.end <= 12]
        out += [(m, subj_role) for m in prev[-1:]]
        det = [w.low for w in s.words[max(lo, t.first - 3):t.first]]
        if not prev and any(w in data["possessive_determiners"] for w in det):
            # "X was late for his meeting with Y": the clause's subject owns the meeting
            personal = not set(det) & {"their", "its"}  # "his"/"her" own only a person's
            own = [m for m in _actors_between(s, lo, t.first, data, subject=True)
                   if m.entity_type == "person" or not personal]
            out += [(m, subj_role) for m in own[:1]]
    else:
        subject = _actors_between(s, lo, t.first, data, subject=True)
        if not subject and lo > 0 and s.words[lo - 1].low in data["relative_pronouns"]:
            # "negotiators who have arrived": the name before the relative pronoun
            subject = _actors_between(s, max(0, lo - 4), lo - 1, data, subject=False)[-1:]
        out += [(m, subj_role) for m in subject]
    fronting = data["fronting_preps"] if t.kind == "noun" else data["gerund_preps"]
    if not out and lo <= 1 and s.words[0].low in fronting:
        out += [(m, subj_role) for m in _fronted_subject(s, t)]
    if t.kind == "noun":  # a noun's own parties follow it closely, before any other trigger
        hi = min([hi, t.last + 14] + [o.first for o in triggers if o.first > t.last])
    after = _actors_between(s, t.last + 1, hi, data, subject=False)
    last = None  # the party accepted just before: a list of parties goes on from it only
    for k, m in enumerate(after):
        before = _word_before(s, m, frozenset(data["place_fillers"]) | {"the"})
        gov = _governor(s, m, s.words[t.last].end, data)
        if before not in data["partner_preps"] and gov in data["partner_preps"]:
            before = gov
        if gov == "and" and _governor(s, m, s.words[t.last].end, data, steps=2) != "and":
            gov = None  # "… and then study a new French plan": too far for a list of parties
        direct = t.kind != "noun" and _direct(s, t, m, data)
        if before in data["partner_preps"] or direct or (before in data["target_preps"] and obj_role == "target") \
                or (before == "of" and fam in ("attack", "military_claim") and t.kind == "noun") \
                or (before == "by" and t.kind != "noun"):
            out.append((m, "participant" if before in ("with", "between", "by") and obj_role != "target"
                        else obj_role))
            last = k
        elif last == k - 1 and k > 0 and (before in ("and", ",") or gov == "and"):
            out.append((m, out[-1][1]))
            last = k
    return out


def _direct(s: _Sentence, t: Trigger, m: Mention, data: dict) -> bool:
    """The name follows the verb as its object: nothing between them but a few modifiers
    ("phoned the Turkish foreign minister X"), no preposition, no punctuation."""
    between = [w for w in s.words if s.words[t.last].end <= w.start and w.end <= m.start]
    gap = s.text[s.words[t.last].end:m.start]
    return len(between) <= 3 and not re.search(r"[,;:.“”\"()]", gap) and not any(
        w.low in data["not_subject_preps"] or w.low in data["clause_openers"] for w in between)


def _place(s: _Sentence, t: Trigger, lo: int, hi: int, data: dict) -> Mention | None:
    """A place named after "in/at/to" in the clause (or a visit's, an attack's direct object), or
    written right before an event noun ("the Kremlin talks")."""
    a, b = s.words[lo].start, s.words[hi - 1].end
    fillers = frozenset(data["place_fillers"]) | {"the"}
    best = None
    for m in s.mentions:
        if m.entity_type != "place" or not (a <= m.start and m.end <= b) or _possessor(s, m):
            continue
        before = _word_before(s, m, fillers)
        direct = m.start >= s.words[t.last].end and t.family in ("visit", "attack", "military_claim") \
            and t.kind != "noun" and (_direct(s, t, m, data) or before == s.words[t.last].low)
        modifier = t.kind == "noun" and 0 <= s.words[t.first].start - m.end <= 2
        if before in data["place_preps"] or direct or modifier or (
                before in ("of", "on") and t.family in ("attack", "military_claim")):
            dist = abs(m.start - s.words[t.first].start)
            if best is None or dist < best[0]:
                best = (dist, m)
    return best[1] if best else None


def _date(doc: Doc, s: _Sentence, t: Trigger, a: int, b: int, si: int,
          said: tuple[int, int] = (0, 0)) -> tuple[str, str, str] | None:
    """The date or time expression between characters ``a`` and ``b`` (the clause) nearest the
    trigger, else the sentence time, unless that time is written in another clause of the
    sentence (the day of a saying is not the day of what it reports)."""
    all_timexes = access.timexes(doc)
    said_from, said_to = said
    timexes = [x for x in all_timexes if x.type in ("date", "time") and x.value
               and x.mod not in ("before", "after")  # "previously", "before Friday": no day of the event
               and s.start <= x.start < s.end and not any(qa <= x.start < qb for qa, qb in s.quoted)]
    inside = [x for x in timexes if a <= x.start < b]
    if inside:
        x = min(inside, key=lambda x: abs(x.start - s.words[t.first].start))
        return x.value, x.precision, "governing"
    # "On Tuesday, …, where X met Y": a date of the sentence outside the saying that reports it
    outside = [x for x in timexes if not said_from <= x.start < said_to and x.start < a]
    if outside:
        x = min(outside, key=lambda x: abs(x.start - s.words[t.first].start))
        return x.value, x.precision, "sentence-nearest"
    st = access.sentence_time(doc, si)
    if st is None or not st.value or st.basis in ("publication-fallback", "none", None):
        return None
    source = all_timexes[st.timex_index] if st.timex_index is not None and st.timex_index < len(all_timexes) else None
    if source is not None and s.start <= source.start < s.end:
        return None
    return st.value, st.precision, f"sentence-{st.basis}"


def _has_cue(s: _Sentence, t: Trigger, cues: list[tuple[str, ...]], window: int, lo: int) -> bool:
    lows = [w.low for w in s.words[max(lo - 1, 0, t.first - window):t.first]]
    for cue in cues:
        n = len(cue)
        if cue == ("n't",) and any(w.endswith("n't") for w in lows):
            return True
        if cue == ("to",):
            if t.kind != "noun" and lows[-1:] == ["to"]:
                return True
            continue
        if any(tuple(lows[k:k + n]) == cue for k in range(len(lows) - n + 1)):
            return True
    return False


def _status(s: _Sentence, t: Trigger, lo: int, data: dict, date: tuple | None, published: str | None,
            negated: bool) -> str:
    w = data["cue_window"]
    if t.family == "cancellation" or _has_cue(s, t, data["cancel_cues"], w, lo):
        return "cancelled"
    if _has_cue(s, t, data["hypothetical_cues"], w, lo):
        return "hypothetical"
    if negated and t.family not in ("rejection", "cancellation"):
        return "denied"
    if _has_cue(s, t, data["planned_cues"], w, lo):
        return "planned"
    if date is not None and published and date[1] == "day" and date[0][:10] > published[:10]:
        return "planned"
    return "held"


# -- events -------------------------------------------------------------------------------------
def _passive(s: _Sentence, t: Trigger, data: dict) -> bool:
    """"were killed": the victims are the subject; an active trigger of the sentence comes first."""
    return t.first > 0 and s.words[t.first - 1].low in data["passive_aux"]


def _acts(doc: Doc, s: _Sentence, si: int, triggers: list[Trigger], data: dict) -> list[tuple[Trigger, Event]]:
    """The strongest act of each clause (verbs before nouns; a second act only of another PLOVER
    code in another clause); a trigger that makes no event leaves its place to the next one."""
    acts = [t for t in triggers if t.family != "statement"]
    acts.sort(key=lambda t: (t.kind == "noun", _passive(s, t, data), -lx.FAMILIES[t.family].rank, t.first))
    chosen: list[tuple[Trigger, Event]] = []
    for t in acts:
        if any(c.family == t.family for c, _ in chosen):
            continue
        if chosen and any(_left_bound(s, t, triggers, data) == _left_bound(s, c, triggers, data) for c, _ in chosen):
            continue
        event = _act(doc, s, si, t, triggers, data)
        if event is not None:
            chosen.append((t, event))
    return sorted(chosen, key=lambda x: x[0].first)


def _is_person(entity_id: str) -> bool:
    kb = pa._kb()
    entry = kb.get(entity_id) if kb is not None else None
    return entry is not None and getattr(entry, "type", None) == "person"


def _next_to(s: _Sentence, m: Mention, t: Trigger, gap: int = 2) -> bool:
    """The name is the saying's subject: right before the verb, or with an adverb or two between
    ("Peskov later said"); not a name further back ("…the US proposals, the correspondent noted")."""
    between = s.text[m.end:s.words[t.first].start]
    return not re.search(r"[,;:“”\"()]", between) and len(between.split()) <= gap


def _speaker(doc: Doc, s: _Sentence, t: Trigger, triggers: list[Trigger], data: dict) -> Mention | None:
    lo = _left_bound(s, t, triggers, data)
    before = _actors_between(s, lo, t.first, data, subject=True)
    if before and _next_to(s, before[-1], t):
        return before[-1]
    if before and re.fullmatch(r",[^,;:“”\"()]{1,80},\s*(?:\w+\s+)?", s.text[before[0].end:s.words[t.first].start]):
        return before[0]  # "X, head of Y, confirmed": the name before the apposition
    if t.first > 0 and s.words[t.first - 1].low in data["pronouns"]:
        person = s.words[t.first - 1].low in data["person_pronouns"]
        for q in doc._.quotes or ():  # "he said": the quote component's speaker of this sentence
            if q.speaker_id and q.speaker_name and s.start <= q.start < s.end and (
                    not person or _is_person(q.speaker_id)):
                return Mention(q.start, q.start, q.speaker_name, "PER", q.speaker_id, q.speaker_name,
                               "person", resolution="quote")
        return s.recent_speaker if person else None  # "…,” he added": the person who just spoke
    nxt = t.last + 1
    if nxt < len(s.words) and not s.text[s.words[t.last].end:s.words[nxt].start].strip():  # "…, said Ushakov"
        group = [m for m in _name_group(s, s.words[nxt].start) if m.start == s.words[nxt].start] and \
            _name_group(s, s.words[nxt].start)
        persons = [m for m in group if m.entity_type == "person"]
        m = (persons or group or [None])[-1]
        if m is not None and pa.can_act(m) and not _possessor(s, m) and not pa.is_media(m.entity_id):
            return m
    return None


def _name_group(s: _Sentence, start: int) -> list[Mention]:
    """The names of the noun phrase starting at ``start``, up to a punctuation mark ("said Kyiv
    city head X": the city, then the person the phrase is about)."""
    stop = re.search(r"[,;:.“”\"()]|$", s.text[start:s.end])
    end = start + stop.start()
    return [m for m in s.mentions if start <= m.start and m.end <= end]


def _event(doc: Doc, s: _Sentence, si: int, t: Trigger, family: str, parts: list[Participant],
           place: Mention | None, date, status: str, span: tuple[int, int], trigger_text: str) -> Event:
    fam = lx.FAMILIES[family]
    text = s.text
    start, end = span
    while end > start and text[end - 1] in " ,;:":
        end -= 1
    return Event(
        start=start, end=end, text=text[start:end], type=fam.type if family != "phone_call" else "phone_call",
        plover=fam.plover, mode=fam.mode, context=fam.context, trigger=trigger_text,
        participants=pa.merge_duplicates(parts),
        place_id=place.entity_id if place is not None else None,
        place_name=place.entity_name if place is not None else None,
        date=date[0] if date else None, date_precision=date[1] if date else None,
        date_basis=date[2] if date else None,
        status=status, sentence=access.sentence_index(doc, s.words[t.first].start, s.doc_starts) if s.doc_starts else si,
        confidence=0.5 if family != "statement" else 0.4,
    )


def _participant(m: Mention, role: str) -> Participant:
    eid, name = pa.as_actor(m)
    return Participant(eid, name, role)


def _act(doc: Doc, s: _Sentence, si: int, t: Trigger, triggers: list[Trigger], data: dict) -> Event | None:
    lo = _left_bound(s, t, triggers, data)
    hi = _right_bound(s, t, triggers, data)
    found = _participants(s, t, triggers, data, lo, hi)
    fronting = data["fronting_preps"] if t.kind == "noun" else data["gerund_preps"]
    if lo <= 1 and s.words[0].low in fronting:  # "On a visit to X, Y …": the event's words end at the comma
        hi = next((k for k in range(t.last + 1, hi) if _comma_before(s, k)), hi)
    place = _place(s, t, lo, hi, data)
    if place is not None:
        found = [(m, r) for m, r in found if m.start != place.start]
    if not found and (t.kind == "noun" or place is None):
        return None  # "the talks", "the deal": a reference to an event told elsewhere; nobody, nowhere
    sayings = [o for o in triggers if o.family == "statement" and o.last < t.first]
    said = (s.start, s.words[lo].start) if sayings else (0, 0)  # the saying's part: its date is the saying's
    # the date may follow the clause's own words ("X attacked Y, killing three overnight into
    # Friday"), up to the next trigger
    date_end = min([s.end] + [s.words[o.first].start for o in triggers if o.first > t.last])
    date = _date(doc, s, t, s.words[lo].start, max(s.words[hi - 1].end, date_end), si, said)
    family = t.family
    negated = _has_cue(s, t, data["negation_cues"], 3, lo)
    if family == "agreement" and negated:
        family, negated = "rejection", False
    status = _status(s, t, lo, data, date, doc._.published, negated)
    trigger_text = s.text[s.words[t.first].start:s.words[t.last].end]
    parts = [_participant(m, r) for m, r in found]
    span = (s.words[lo].start, s.words[hi - 1].end)
    return _event(doc, s, si, t, family, parts, place, date, status, span, trigger_text)


def _longest(mentions: list[Mention]) -> list[Mention]:
    """Of overlapping mentions, the longest ("U.S. President" over the "U.S." inside it)."""
    out = []
    for m in sorted(mentions, key=lambda m: (-(m.end - m.start), m.start)):
        if not any(o.start < m.end and m.start < o.end for o in out):
            out.append(m)
    return sorted(out, key=lambda m: (m.start, m.end))


def _sentence_events(doc: Doc, s: _Sentence, si: int, data: dict) -> list[Event]:
    triggers = _triggers(s, data)
    out: list[Event] = []
    found = _acts(doc, s, si, triggers, data)
    acts = [e for _, e in found]
    saying = next((t for t in triggers if t.family == "statement"), None)
    if saying is not None:
        speaker = _speaker(doc, s, saying, triggers, data)
        folded = saying.first == saying.last and s.words[saying.first].low in data["folding"]
        speaker_id = pa.as_actor(speaker)[0] if speaker is not None else None
        acting = {p.entity_id for e in acts for p in e.participants}
        reported = {e.plover for e in acts} & report_data()["reported"]
        # "On a visit to X, Y stressed …": an act written before its speaker is no content of the saying
        before = speaker is not None and all(s.words[t.last].end <= speaker.start for t, _ in found)
        if speaker is not None and (not acts or before or (reported and speaker_id not in acting and not folded)):
            first_act = min((e.start for e in acts), default=s.end)
            start, end = s.start, (first_act if first_act > s.words[saying.last].end else s.end)
            if acts and before:  # the saying's own words follow the act told before it
                last_act = max(e.end for e in acts)
                if last_act <= speaker.start:
                    start = last_act + len(s.text[last_act:speaker.start]) - len(s.text[last_act:speaker.start].lstrip(" ,;:—–"))
            date = _date(doc, s, saying, start, end, si, (s.start, s.end))
            out.append(_event(doc, s, si, saying, "statement", [_participant(speaker, "source")], None, date,
                              "held", (start, end), s.text[s.words[saying.first].start:s.words[saying.last].end]))
        elif speaker is not None and folded:
            acts = [dataclasses.replace(e, participants=pa.merge_duplicates(
                e.participants + [_participant(speaker, "source")])) for e in acts]
    return sorted(out + acts, key=lambda e: (e.start, e.end))


def extract_english_events(doc: Doc) -> list[Event]:
    """Events of an English document (see the module docstring), as :class:`Event` records."""
    data = english_data()
    text = access.doc_text(doc)
    mentions = access.mentions(doc)
    doc_sents = access.sentence_starts(doc) if doc.has_annotation("SENT_START") else [0]
    events: list[Event] = []
    recent, since = None, 0
    for start, end in sentences(text):
        if _headline(text, start, end):
            continue
        dateline = _DATELINE.match(text, start, end)
        start = dateline.end() if dateline else start
        words = _words(text, start, end)
        if not words:
            continue
        quoted = [(start + m.start(), start + m.end()) for m in _QUOTE.finditer(text[start:end])]
        s = _Sentence(start, end, words, _longest([m for m in mentions if start <= m.start and m.end <= end]), quoted, text, doc_sents)
        si = access.sentence_index(doc, start, doc_sents)
        s.recent_speaker = recent if since <= _RECENT else None
        found = _sentence_events(doc, s, si, data)
        events.extend(found)
        sources = [p for e in found if e.type == "statement" for p in e.participants
                   if p.role == "source" and _is_person(p.entity_id)]
        recent, since = ((Mention(start, start, sources[-1].name, "PER", sources[-1].entity_id, sources[-1].name,
                                  "person", resolution="antecedent"), 0) if sources else (recent, since + 1))
    inherited = [e if e.date_basis != "coreference" or e.date_precision in ("day", "week", "time")
                 else dataclasses.replace(e, date=None, date_precision=None, date_basis=None)
                 for e in inherit_dates(events)]  # "this year" told of another event dates nothing here
    return mark_story(inherited, doc._.published)


__all__ = ["extract_english_events", "is_english", "sentences", "english_data"]
