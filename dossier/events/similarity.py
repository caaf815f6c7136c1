"""Are two event mentions one event? A pairwise decision over :class:`EventFeatures` that
explains itself.

The decision is a record-linkage score in the manner of Fellegi and Sunter: each field that
agrees adds its weight, each field that disagrees subtracts one, and the pair is one event when
the total reaches :data:`SAME`. The fields are the type (kinds of events are data,
``events/data/merge.yaml``: a meeting, "discussions" and "pourparlers" are one kind; a statement
may report any event), the participants (canonical; a minister or an envoy acts for his
government, from the knowledge base; an actor one report's extraction missed counts when its
sentence names it), the dates at their precisions (a year alone supports nothing; an undated
report is most likely about its own day), the places (the same, near each other, or unknown),
and the words of the two sentences (shared content stems, an actor's name spelled one letter
apart counting as shared, a single word in common counting when it names the act in both and
an actor is common to both, and the cosine of their mean word vectors when the model is
installed). A decision depends on the two mentions only,
never on the rest of the corpus, so an incremental update decides every pair as a rebuild would.

Hard limits come before the score: a call is not a meeting; a planned and a held event are two
events (linked, not merged) unless the plan named the day it was held; background history only
meets background history; two dates more than :data:`WINDOW_DAYS` apart never merge, and when
everything else matches strongly (:data:`STRONG`) the pair is reported as a date conflict.
An undated mention of an article whose time is unknown (no publication day, no dated event)
may be one event with another mention, of time known or unknown, only when reported in the same
words (:data:`FULL_WORDS` content words in common besides everything else): an agency dispatch
repeated without its dateline still joins the dated report of it.
:func:`cannot_link` keeps groups apart whose members could not all be one event (among them two
mentions one article tells apart, whatever a third report says).
"""
from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import numpy as np

from dossier.events.features import PRECISION_RANK, WINDOW_DAYS, EventFeatures, _gap, merge_data, place_relation

REPEAT_WORDS = 3  # content words a mention needs before it can repeat another of its article
FULL_WORDS = 4  # shared content words from which their share counts fully (features.TIMELESS_WORDS)
LONG_ENOUGH = 5  # content words each sentence needs before sharing none counts against a pair
SAME = 4.5  # total weight from which two mentions are one event
STRONG = 6.0  # weight without the dates from which two mentions apart in time are a date conflict
TIMELESS = -0.5  # the time weight of two mentions whose articles' time is unknown
COARSE = frozenset({"season", "year", "decade"})  # precisions too coarse to support a merge
TRIGGER_WEIGHT = 1.5  # the only content word two sentences share names the act in both (see _text_weight)
VECTOR_BONUS = ((0.9, 1.5), (0.82, 1.0), (0.78, 0.5))  # cosine of the sentences' vectors -> weight


# -- the decision ---------------------------------------------------------------------------------
@dataclass
class Decision:
    same: bool
    score: float
    reasons: list[str]
    disagreements: dict[str, tuple[Any, Any]] = field(default_factory=dict)
    date_conflict: bool = False  # apart in time, everything else strongly alike


def _status_group(status: str) -> str:
    return "held" if status in ("held", "hypothetical") else status


Reason = Callable[[], str]  # formatted only when a decision is explained


def _status_weight(a: EventFeatures, b: EventFeatures) -> tuple[float | None, Reason | None]:
    """A statement is one whatever its content's mode; a plan announced for a day and the event
    held that day are one event (the announcement is one of its sources); otherwise a planned or
    cancelled event and a held one are two (linked as related, not merged)."""
    ga, gb = _status_group(a.status), _status_group(b.status)
    if ga == gb:
        return 0.0, None
    if "cancelled" in (a.status, b.status) or "denied" in (a.status, b.status):
        return None, lambda: f"status {a.status} / {b.status}"
    if _both_say(a, b):
        return 0.0, None
    if {ga, gb} == {"held", "planned"} and a.interval and b.interval and a.interval == b.interval \
            and {a.precision, b.precision} <= {"day", "time"}:
        return -0.5, lambda: f"planned for {a.interval[0]} and held that day"
    return None, lambda: f"status {a.status} / {b.status}"


def _type_weight(a: EventFeatures, b: EventFeatures) -> tuple[float, Reason]:
    ca, cb = a.kind, b.kind
    if a.type == b.type and a.plover == b.plover:
        return 1.0, lambda: f"same type {a.type}"
    if ca == cb:
        return 0.5, lambda: f"same kind {ca} ({a.type} / {b.type})"
    data = merge_data()
    if ca in data["open"] or cb in data["open"] or frozenset((ca, cb)) in data["compatible"]:
        return 0.0, lambda: f"compatible types {a.type} / {b.type}"
    return -2.0, lambda: f"incompatible types {a.type} / {b.type}"


def _named_in(a: EventFeatures, b: EventFeatures) -> list[str]:
    """``a``'s actors that ``b``'s sentence names (one of their own names among its words)."""
    return a.named_by(b.stems)


def _actor_weight(a: EventFeatures, b: EventFeatures) -> tuple[float, Reason | None]:
    if not a.actors or not b.actors:
        bare = a if not a.actors else b
        if (a.actors or b.actors) and a.interval and b.interval and a.interval == b.interval \
                and {a.precision, b.precision} <= {"day", "time"} and a.type == b.type and len(bare.stems) >= 2:
            # "la réunion de mardi": a report naming no one joins the same kind of event that day
            # (when it says something: a bare "d'accord" cannot be placed by its kind and day)
            return 1.5, lambda: "one report names no actor, the kind and the day agree"
        return 0.0, None
    shared = a.actors & b.actors
    if len(shared) >= 2:
        return 3.0, lambda: f"participants {{{', '.join(sorted(shared))}}}"
    # actors of one that the other's sentence names (its extraction left them out; told only
    # when a weight below needs them)
    named = sorted((set(_named_in(a, b)) | set(_named_in(b, a))) - shared) if shared else None
    if shared and named and (a.actors <= b.actors | set(named) or b.actors <= a.actors | set(named)):
        # one report's participants all in the other, in its participants or its words (a name
        # in a sentence is weaker than a participant: between one shared and two)
        return 2.5, lambda: f"participant {{{next(iter(shared))}}}, and {', '.join(named)} named in the other report"
    # a government and its minister or envoy are one party
    pa, pb = a.parties, b.parties
    parties = pa & pb
    party_match = len(parties) >= 2 or (parties and (pa <= pb or pb <= pa))
    if shared:
        if a.actors <= b.actors or b.actors <= a.actors:
            return 2.0, lambda: f"participant {{{next(iter(shared))}}}"
        if not party_match:
            return 0.5, lambda: f"participant {{{next(iter(shared))}}}, the others differ"
    if parties:
        if len(parties) >= 2:
            return 2.5, lambda: f"acting for {{{', '.join(sorted(parties))}}}"
        if pa <= pb or pb <= pa:
            return 1.5, lambda: f"acting for {{{next(iter(parties))}}}"
        return 0.5, lambda: f"acting for {{{next(iter(parties))}}}, the others differ"
    sides = a.sides & b.sides
    if sides:
        return (2.0 if len(sides) >= 2 else 1.0), lambda: f"acting for {{{', '.join(sorted(sides))}}}"
    # an actor the other report's extraction missed, but its sentence names
    if named is None:
        named = sorted((set(_named_in(a, b)) | set(_named_in(b, a))) - shared)
    if named:
        return 1.0, lambda: f"{', '.join(named)} named in the other report"
    if all(x.startswith("local:") for x in a.actors) or all(x.startswith("local:") for x in b.actors):
        return 0.0, None  # names the KB does not know may be another spelling of the same people
    return -2.5, lambda: f"no participant in common ({', '.join(sorted(a.actors))} / {', '.join(sorted(b.actors))})"


def _both_say(a: EventFeatures, b: EventFeatures) -> bool:
    return a.kind == b.kind == "say"


def _shared_words(a: EventFeatures, b: EventFeatures) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(content words the two sentences share, ``a``'s and ``b``'s content words): the names of
    actors both have are counted with the participants, not again as words; "tués" / "tué": a
    short word keeps its plural in its stem."""
    both = a.names & b.names
    sa, sb = (a.stems - both, b.stems - both) if both else (a.stems, b.stems)
    ma = _singulars(a.stems)
    # two of b's words with one singular: the last (its plural) stands for both, whatever the hash seed
    last, mixed = _last_words(b.stems)
    if both and not both.isdisjoint(mixed):  # a name word shares its singular with another word
        mb = _singulars(b.stems)
        one_b = {mb[w]: w for w in sorted(sb)}
        shared = frozenset(w for w in sa if ma[w] in one_b)
        return shared, sa, sb - {one_b[ma[w]] for w in shared} | shared
    # else the last of sb's words with a singular is b's own, unless it is a name word both have
    shared = frozenset(w for w in sa if (x := last.get(ma[w])) is not None and x not in both)
    return shared, sa, sb - {last[ma[w]] for w in shared} | shared


@lru_cache(maxsize=1 << 16)
def _last_words(stems: frozenset[str]) -> tuple[dict[str, str], frozenset[str]]:
    """A mention's words by singular: singular -> the last of its words (sorted) with it, and
    the words that share their singular with another (once per mention, not per pair)."""
    singular = _singulars(stems)
    last = {singular[w]: w for w in sorted(stems)}
    count: dict[str, int] = {}
    for w in stems:
        count[singular[w]] = count.get(singular[w], 0) + 1
    return last, frozenset(w for w in stems if count[singular[w]] > 1)


def _text_weight(a: EventFeatures, b: EventFeatures) -> tuple[float, Reason | None]:
    shared, sa, sb = _shared_words(a, b)
    # a name spelled another way ("Issam" / "Essam", "Ouchakov" / "Oushakov"): one of an
    # actor's own name words and a word of the other sentence one letter apart
    variants = _name_variants(a, sa - shared, sb - shared, b.stems) | _name_variants(b, sb - shared, sa - shared, a.stems)
    if variants:
        shared = shared | {f"{x}~{y}" if x < y else f"{y}~{x}" for x, y in variants}
    small = min(len(sa), len(sb))
    weight, words_why = 0.0, None
    if len(shared) >= 2 and small:
        # the share of the shorter sentence, trusted fully from FULL_WORDS shared words on
        share = len(shared) / small
        weight = 4.0 * share * min(1.0, len(shared) / FULL_WORDS)
        # many words in common are rarer by chance than a few
        weight += min(1.5, 0.25 * max(0, len(shared) - FULL_WORDS))
        words_why = (lambda shared=shared, share=share:
                     f"words {{{', '.join(sorted(shared))}}} ({share:.2f} of the shorter)")
    elif len(shared) == 1 and _same_act(a, b, shared):
        # the one word in common names the act in both, done by or to the same actor ("Tokyo dit
        # avoir été consulté" / "Séoul a consulté le gouvernement japonais")
        weight, words_why = TRIGGER_WEIGHT, (lambda: f"the same act word {a.trigger} and the same actor")
    elif not shared and small >= (2 if _both_say(a, b) else LONG_ENOUGH):  # a statement is what it says
        weight, words_why = -1.0, (lambda: "no content word in common")
    cos = None
    if a.vector is not None and b.vector is not None:
        cos = float(np.dot(a.vector, b.vector))
        bonus = next((w for floor, w in VECTOR_BONUS if cos >= floor),
                     -0.5 if cos < 0.6 and small >= LONG_ENOUGH else 0.0)
        if not bonus:
            cos = None
        weight += bonus
    if words_why is None and cos is None:
        return weight, None
    return weight, lambda: ", ".join(x for x in ((words_why() if words_why else None),
                                                 (f"vector cosine {cos:.2f}" if cos is not None else None)) if x)


def _same_act(a: EventFeatures, b: EventFeatures, shared: frozenset[str]) -> bool:
    """Their triggers are the same word (:attr:`EventFeatures.trigger`), among the words they
    share, and they have an actor in common (not only a party both act for)."""
    return bool(a.trigger) and a.trigger == b.trigger and a.trigger in shared and not a.actors.isdisjoint(b.actors)


NAME_VARIANT_LETTERS = 4  # name words this long may be spelled one letter apart


def _singular(word: str) -> str:
    return word[:-1] if len(word) >= 4 and word.endswith("s") else word


@lru_cache(maxsize=1 << 16)
def _singulars(stems: frozenset[str]) -> dict[str, str]:
    """Each stem of a mention -> :func:`_singular` (once per mention, not per pair)."""
    return {w: _singular(w) for w in stems}


def _name_variants(f: EventFeatures, mine: frozenset[str], theirs: frozenset[str],
                   their_stems: frozenset[str]) -> set[tuple[str, str]]:
    """(name word of ``f``'s actors, word of the other sentence) pairs one edit apart
    (``theirs``: words among the other mention's ``their_stems``)."""
    names = mine & _long_names(f.names)
    if not names:
        return set()
    return {(x, y) for x in names for y in _one_edit_words(x, their_stems) if y in theirs}


@lru_cache(maxsize=1 << 14)
def _long_names(names: frozenset[str]) -> frozenset[str]:
    """The name words long enough to be spelled one letter apart (once per mention)."""
    return frozenset(x for x in names if len(x) >= NAME_VARIANT_LETTERS)


@lru_cache(maxsize=1 << 18)
def _one_edit_words(x: str, stems: frozenset[str]) -> tuple[str, ...]:
    """The words among a mention's ``stems`` one edit from the name word ``x`` (once per name
    word and mention, not per pair)."""
    ends = _ends(stems)  # two words one edit apart share their first letter or their last one
    return tuple(sorted(y for y in {*ends.get("^" + x[0], ()), *ends.get("$" + x[-1], ())}
                        if abs(len(x) - len(y)) <= 1 and _one_edit(x, y)))


@lru_cache(maxsize=1 << 16)
def _ends(stems: frozenset[str]) -> dict[str, tuple[str, ...]]:
    """A mention's words long enough to be a name's variant, by first letter (``^x``) and by
    last letter (``$x``): once per mention, not per pair."""
    out: dict[str, list[str]] = {}
    for w in sorted(stems):
        if len(w) >= NAME_VARIANT_LETTERS:
            out.setdefault("^" + w[0], []).append(w)
            out.setdefault("$" + w[-1], []).append(w)
    return {k: tuple(v) for k, v in out.items()}


def _one_edit(x: str, y: str) -> bool:
    """Whether two different words are one substitution, insertion or deletion apart."""
    if x == y:
        return False
    if len(x) > len(y):
        x, y = y, x
    i = 0
    while i < len(x) and x[i] == y[i]:
        i += 1
    return x[i + 1:] == y[i + 1:] if len(x) == len(y) else x[i:] == y[i + 1:]


def _time(a: EventFeatures, b: EventFeatures) -> tuple[float | None, Reason, bool]:
    """(weight or None when incompatible, reason, whether the dates disagree)."""
    if a.interval and b.interval:
        gap = _gap(a.interval, b.interval)
        if gap > WINDOW_DAYS:
            return None, lambda: f"dates {a.interval[0]} and {b.interval[0]} are {gap} days apart", True
        fine = {a.precision, b.precision} <= {"day", "time"}
        if gap:
            return -1.0, lambda: f"dates {a.interval[0]} and {b.interval[0]} one day apart", True
        # history: articles recall few past events, so a shared past date says more
        bonus = 1.0 if a.background and b.background else 0.0
        if fine and a.interval == b.interval:
            return 2.0 + bonus, lambda: f"same day {a.interval[0]}", False
        if not bonus and {a.precision, b.precision} & COARSE:
            # "en 2025" says little about which event of the year it is
            return 0.0, lambda: f"dates compatible, one only a {_coarsest(a, b)}", False
        counts = ", ".join(sorted({f.counted for f in (a, b) if f.counted}))
        return 0.5 + 2 * bonus, lambda: "dates compatible at their precisions" + (
            f" (counted back by {counts}: give or take one unit)" if counts else ""), False
    if a.span is None and b.span is None:
        # two articles of unknown time (no date, no publication day, no dated event): only
        # their words can tie them (see compare)
        return TIMELESS, lambda: "neither report's time is known", False
    if a.span is None or b.span is None:
        # one article's time unknown: its mention may be any day's, so only the words can tie
        # the two (see compare), and the time supports nothing
        return TIMELESS, lambda: "one report's time is unknown", False
    gap = _gap(a.span, b.span)
    if gap > WINDOW_DAYS:
        return None, lambda: "the undated report lies outside the other's dates", False
    if gap:
        return -1.0, lambda: "undated, one day outside the week of its report", False
    if _gap(_news_days(a), _news_days(b)) == 0:
        # news reports the last day or two: an undated report and a date (or another undated
        # report) of its own days
        return 0.0, lambda: "undated, reported on the other's day", False
    return -0.5, lambda: "undated, within the week of its report", False


def _news_days(f: EventFeatures) -> tuple:
    """The days a mention is most likely about: its date, else its reference day and the day before."""
    if f.interval:
        return f.interval
    ref = f.window[1]
    return ref - dt.timedelta(days=WINDOW_DAYS), ref


def _coarsest(a: EventFeatures, b: EventFeatures) -> str:
    return max((a.precision or "day", b.precision or "day"), key=lambda p: PRECISION_RANK.get(p, 1))


_PLACE_WEIGHT = {"same": 1.0, "near": 0.5, "within": 0.0, "unknown": 0.0, "elsewhere": -0.5, "differ": -1.5}


def compare(a: EventFeatures, b: EventFeatures, explain: bool = True, one_article: bool = True) -> Decision:
    """One event or two, and why (see the module docstring). ``explain=False`` skips writing
    the reasons (the score and the verdict are the same); ``one_article=False`` decides two
    mentions of one article as if two outlets reported them."""
    parts: list[tuple[float | None, Reason]] = []

    def decide(same: bool, score: float, disagreements=None, date_conflict: bool = False) -> Decision:
        reasons = [why() + ("" if w is None else f" ({w:+.1f})") for w, why in parts] if explain else []
        return Decision(same, round(score, 2), reasons, disagreements or {}, date_conflict)

    # without the reasons, the parts of a few fields' values are told once per pair of values
    ga, gb = (None, None) if explain else (_signatures(a), _signatures(b))
    status_w, status_why = _status_weight(a, b) if explain else (_pair_memo(0, ga, gb, a, b), None)
    if status_w is None:
        parts.append((None, status_why))
        return decide(False, 0.0)
    if a.plover == b.plover == "CONSULT" and (a.mode == "phone") != (b.mode == "phone") and a.mode and b.mode:
        parts.append((None, lambda: "a call is not a meeting"))
        return decide(False, 0.0)
    if a.background != b.background:
        parts.append((None, lambda: "background history and a current event"))
        return decide(False, 0.0)
    score, disagreements = status_w, {}
    if status_why:
        parts.append((status_w, status_why))
    type_w = _type_weight(a, b) if explain else (_pair_memo(2, ga, gb, a, b), None)
    for weight, why in (type_w, _actor_weight(a, b), _text_weight(a, b)):
        score += weight
        if why:
            parts.append((weight, why))
    relation = place_relation(a, b) if explain else _pair_memo(3, ga, gb, a, b)
    if relation != "unknown":
        parts.append((_PLACE_WEIGHT[relation], lambda: f"places {a.place} / {b.place}: {relation}"))
        score += _PLACE_WEIGHT[relation]
    if relation == "differ":
        disagreements["place"] = (a.place, b.place)
    if one_article and a.key == b.key and not _repeats(a, b):
        parts.append((None, lambda: "two mentions of one article, not a repeat"))
        return decide(False, score)
    if explain:
        time_w, time_why, dates_differ = _time(a, b)
    else:
        (time_w, dates_differ), time_why = _pair_memo(1, ga, gb, a, b), None
    parts.append((time_w, time_why))
    if time_w is None:
        return decide(False, score, disagreements, date_conflict=dates_differ and score >= STRONG and a.key != b.key)
    if dates_differ:
        disagreements["date"] = (a.interval[0].isoformat(), b.interval[0].isoformat())
    score += time_w
    if (a.span is None or b.span is None) and score >= SAME and len(_shared_words(a, b)[0]) < FULL_WORDS:
        parts.append((None, lambda: f"time unknown: fewer than {FULL_WORDS} content words in common"))
        return decide(False, score)
    if a.background and score >= SAME:  # history is merged only on its date and kind
        if not (a.interval and b.interval and _gap(a.interval, b.interval) == 0) or _type_weight(a, b)[0] < 0:
            parts.append((None, lambda: "background history needs the same date"))
            return decide(False, score)
    return decide(score >= SAME, score, disagreements)


MAX_ACTOR = 3.0  # the highest weight _actor_weight gives


def cannot_match(a: EventFeatures, b: EventFeatures) -> bool:
    """True when :func:`compare` would find the two neither one event nor a date conflict, told
    cheaply: the dates, status, type and place exactly, the words by a bound (the shared words at
    most those whose singulars meet, their share at most 1, the vector's bonus exact), the
    participants by their highest weight and, only when that is not enough, exactly. False
    means only that :func:`compare` must decide. Two mentions of one article are refused when
    they do not repeat each other (as :func:`compare` refuses them), else left to it."""
    if a.background != b.background:
        return True
    if a.key == b.key:
        return not _repeats(a, b)
    ga, gb = _signatures(a), _signatures(b)
    status = _pair_memo(0, ga, gb, a, b)
    if status is None:
        return True
    if a.plover == b.plover == "CONSULT" and (a.mode == "phone") != (b.mode == "phone") and a.mode and b.mode:
        return True
    time_w, dates_differ = _pair_memo(1, ga, gb, a, b)
    if time_w is None and not dates_differ:
        return True
    # what the weights before the dates must reach: one event, or a date conflict
    need = (STRONG if time_w is None else SAME - time_w) - 1e-9
    score = status + _pair_memo(2, ga, gb, a, b)
    relation = _pair_memo(3, ga, gb, a, b)
    if relation != "unknown":
        score += _PLACE_WEIGHT[relation]
    if a.vector is not None and b.vector is not None:
        cos = float(np.dot(a.vector, b.vector))
        score += next((w for floor, w in VECTOR_BONUS if cos >= floor),
                      -0.5 if cos < 0.6 and _small(a, b) >= LONG_ENOUGH else 0.0)
    words = _words_bound(a, b)
    if words is None:
        return False
    score += words
    if score + MAX_ACTOR < need:
        return True
    return score + _actor_weight(a, b)[0] < need


# the parts of :func:`cannot_match` that depend on a few fields of each mention only (the
# status, the dates, the type, the place), told once per pair of those fields' values: the
# candidates of one mention share few of them (an update decides millions of pairs)
_FIELD_PARTS: tuple[Callable[[EventFeatures, EventFeatures], Any], ...] = (
    lambda a, b: _status_weight(a, b)[0],
    lambda a, b: _time(a, b)[::2],  # (weight, whether the dates disagree)
    lambda a, b: _type_weight(a, b)[0],
    place_relation,
)
_SIGNATURE_IDS: dict[tuple, int] = {}  # (part, its fields' values) -> its number
_NUMBERS = itertools.count(1)  # never 0: a number found is true
_PART_VALUES: dict[tuple[int, int, int], Any] = {}  # (part, number of a, number of b) -> its value
_MEMO_LIMIT = 500_000  # values kept at most (then forgotten and told again)


def _signatures(f: EventFeatures) -> tuple[int, ...] | None:
    """Once per mention (kept on it): the number of the values of the fields each of
    :data:`_FIELD_PARTS` reads (None when one is not hashable: told every time)."""
    found = f.__dict__.get("_signatures", False)
    if found is False:
        try:
            fields = ((f.status, f.kind, f.interval, f.precision),  # _status_weight
                      (f.interval, f.precision, f.background, f.window),  # _time (span: interval or window)
                      (f.type, f.plover, f.kind),  # _type_weight
                      (f.place, tuple(f.place_info) if f.place else None))  # place_relation
            if len(_SIGNATURE_IDS) > _MEMO_LIMIT:
                _SIGNATURE_IDS.clear()  # the numbers are never given again: those kept on mentions stay true
            found = tuple(_SIGNATURE_IDS.get((i, v)) or _SIGNATURE_IDS.setdefault((i, v), next(_NUMBERS))
                          for i, v in enumerate(fields))
        except TypeError:
            found = None
        f.__dict__["_signatures"] = found
    return found


def _pair_memo(part: int, ga: tuple[int, ...] | None, gb: tuple[int, ...] | None, a: EventFeatures, b: EventFeatures) -> Any:
    """The value of ``_FIELD_PARTS[part]`` for the pair, from the values of the pairs of the same fields."""
    if ga is None or gb is None:
        return _FIELD_PARTS[part](a, b)
    key = (part, ga[part], gb[part])
    try:
        return _PART_VALUES[key]  # one look-up; a clear by another thread between two cannot fail it
    except KeyError:
        pass
    if len(_PART_VALUES) > _MEMO_LIMIT:
        _PART_VALUES.clear()
    value = _PART_VALUES[key] = _FIELD_PARTS[part](a, b)
    return value


def _bound_info(f: EventFeatures) -> tuple[frozenset[str], int, frozenset[str], frozenset[str], frozenset[str]]:
    """Once per mention (kept on it): its stems as singulars, how many of its stems share a
    singular with another, its actors' long name words its sentence holds, and the one-deletion
    neighbourhoods (the word and the word less one letter) of those and of all its long stems:
    two words one edit apart always have neighbourhoods that meet."""
    info = f.__dict__.get("_bound")
    if info is None:
        singulars = frozenset(_singular(w) for w in f.stems)
        names = _long_names(f.names) & f.stems
        info = (singulars, len(f.stems) - len(singulars), names, _deletions(names),
                _deletions(w for w in f.stems if len(w) >= NAME_VARIANT_LETTERS - 1))
        f.__dict__["_bound"] = info
    return info


def _deletions(words) -> frozenset[str]:
    return frozenset(v for w in words for v in (w, *(w[:i] + w[i + 1:] for i in range(len(w)))))


def _words_bound(a: EventFeatures, b: EventFeatures) -> float | None:
    """An upper bound of :func:`_text_weight` without the vector's bonus (None: no cheap one,
    when a name may be spelled one letter apart)."""
    sa, na, la, da, wa = _bound_info(a)
    sb, nb, lb, db, wb = _bound_info(b)
    if (la and not da.isdisjoint(wb)) or (lb and not db.isdisjoint(wa)):
        both = a.names & b.names
        if any(_one_edit_words(x, b.stems) for x in la - both) or any(_one_edit_words(x, a.stems) for x in lb - both):
            return None
    common = sa & sb
    shared = len(common) + max(na, nb)  # words of one sharing a singular with the other's
    if _none_shared(a, b, common):  # as _text_weight: against the pair when both say enough
        return -1.0 if _small(a, b) >= (2 if _both_say(a, b) else LONG_ENOUGH) else 0.0
    if shared < 2:
        return TRIGGER_WEIGHT if a.trigger and a.trigger == b.trigger else 0.0
    # their share of the shorter sentence: at most ``shared`` of its words (_text_weight's shorter
    # sentence holds every shared word, so it is never shorter than _small)
    share = min(1.0, shared / max(_small(a, b), 1))
    return 4.0 * share * min(1.0, shared / FULL_WORDS) + min(1.5, 0.25 * max(0, shared - FULL_WORDS))


def _none_shared(a: EventFeatures, b: EventFeatures, common: frozenset[str]) -> bool:
    """Whether :func:`_shared_words` finds no word in common (``common``: the singulars of their
    stems that meet), told exactly only when at most the names both actors have meet."""
    if not common:
        return True
    both = a.names & b.names
    if not both or not common <= {_singular(w) for w in both}:
        return False
    # a singular they share beyond those names is one of ``common``: only those are looked at
    wa, wb = _stems_by_singular(a), _stems_by_singular(b)
    return not any(any(w not in both for w in wa[s]) and any(w not in both for w in wb[s]) for s in common)


def _stems_by_singular(f: EventFeatures) -> dict[str, tuple[str, ...]]:
    """Once per mention (kept on it): each singular of its stems -> the stems of that singular."""
    found = f.__dict__.get("_by_singular")
    if found is None:
        by: dict[str, list[str]] = {}
        for w in f.stems:
            by.setdefault(_singular(w), []).append(w)
        found = f.__dict__["_by_singular"] = {k: tuple(v) for k, v in by.items()}
    return found


def _small(a: EventFeatures, b: EventFeatures) -> int:
    """The content words of the shorter sentence, less the names both actors' have (as
    :func:`_text_weight` counts them)."""
    both = a.names & b.names
    return min(len(a.stems - both), len(b.stems - both)) if both else min(len(a.stems), len(b.stems))


def _repeats(a: EventFeatures, b: EventFeatures) -> bool:
    """Two mentions of one article are one event only when they repeat the same words (a
    headline and its lead): telling events of one article apart is the events stage's job."""
    if a.key == b.key and a.sentence == b.sentence >= 0:
        return False  # two events the events stage read in one sentence are two
    sa, sb = a.stems - a.names, b.stems - b.names  # the words beyond their actors' names
    if min(len(sa), len(sb)) < REPEAT_WORDS:  # a bare "le président X a déclaré" repeats nothing
        return False
    return len(sa & sb) / min(len(sa), len(sb)) >= 0.8


def cannot_link(members_a: list[EventFeatures], members_b: list[EventFeatures],
                memo: dict | None = None) -> str | None:
    """Why two groups must stay apart: participants with nothing in common (none named in the
    other's sentences either), members dated more
    than the window apart, or one article dating two of them on different days.

    The pairs of members are tried in order (each member of ``members_a``, then each of
    ``members_b``) and the first reason found is given; a pair that can give none (another
    article's member within the window) is not looked at. ``memo`` (a dict kept over one
    clustering) holds the comparisons of two members of one article, asked again as groups grow."""
    return groups_apart(Group(members_a), Group(members_b), memo)


class Group:
    """A group of mentions as :func:`groups_apart` reads it: its members, and what
    :func:`cannot_link` derives from all of them (the union of their sides and stems, their
    articles, their dates as day numbers), worked out once however often the group is asked."""

    __slots__ = ("members", "_sides", "_stems", "_dates", "_by_key", "_span")

    def __init__(self, members: list[EventFeatures]) -> None:
        self.members = members
        self._sides = self._stems = self._dates = self._by_key = self._span = None

    @property
    def sides(self) -> frozenset[str]:
        if self._sides is None:
            self._sides = frozenset().union(*(m.sides for m in self.members))
        return self._sides

    @property
    def stems(self) -> frozenset[str]:
        if self._stems is None:
            self._stems = frozenset().union(*(m.stems for m in self.members))
        return self._stems

    @property
    def dates(self) -> list[tuple[EventFeatures, str, tuple[int, int] | None]]:
        """Each member, its article and its interval as day numbers (None: undated), in order."""
        if self._dates is None:
            self._dates = [(m, m.key, (m.interval[0].toordinal(), m.interval[1].toordinal()) if m.interval else None)
                           for m in self.members]
        return self._dates

    @property
    def by_key(self) -> dict[str, list[tuple[EventFeatures, str, tuple[int, int] | None]]]:
        """:attr:`dates` by article, each article's in order."""
        if self._by_key is None:
            self._by_key = {}
            for d in self.dates:
                self._by_key.setdefault(d[1], []).append(d)
        return self._by_key

    @property
    def span(self) -> tuple[int | None, int | None]:
        """The latest start and the earliest end of its dated members (None, None: none dated)."""
        if self._span is None:
            dated = [d for _, _, d in self.dates if d is not None]
            self._span = (max(d[0] for d in dated), min(d[1] for d in dated)) if dated else (None, None)
        return self._span


def groups_apart(ga: Group, gb: Group, memo: dict | None = None) -> str | None:
    """:func:`cannot_link` of two groups' members, from what each :class:`Group` keeps (the
    same reason, found in the same order: only the pairs that can give one are looked at)."""
    members_a, members_b = ga.members, gb.members
    actors_a, actors_b = ga.sides, gb.sides
    if actors_a and actors_b and not actors_a & actors_b and not (
            _may_name_stems(members_a, members_b, ga.stems, gb.stems)
            and any(_named_in(a, b) or _named_in(b, a) for a in members_a for b in members_b)):
        return "their participants have nothing in common"
    by_key_b = gb.by_key
    latest_start, earliest_end = gb.span
    if by_key_b.keys().isdisjoint(ga.by_key):
        start_a, end_a = ga.span
        if start_a is None or latest_start is None or not (
                start_a - earliest_end > WINDOW_DAYS or latest_start - end_a > WINDOW_DAYS):
            return None  # _may_clash: no article in both, no two dates too far apart
    days_b = gb.dates
    for a, _, da in ga.dates:
        far = da is not None and latest_start is not None and (
            latest_start - da[1] > WINDOW_DAYS or da[0] - earliest_end > WINDOW_DAYS)
        if far:
            pairs = days_b
        else:
            pairs = by_key_b.get(a.key)
            if pairs is None:
                continue
        for b, key, db in pairs:
            same = key == a.key
            if not same and not far:
                continue
            if da is not None and db is not None:
                gap = max(0, max(da[0], db[0]) - min(da[1], db[1]))
                if gap > WINDOW_DAYS:
                    return f"{a.key} and {b.key} date them {gap} days apart"
                if gap and same:
                    return f"{a.key} dates them on different days"
            if not same:
                continue
            if a.sentence == b.sentence >= 0:
                return f"{a.key} reads them as two events of one sentence"
            if not _repeats(a, b) and not _same_in_article(a, b, memo):
                return f"{a.key} reports them as two events"
    return None


def nothing_in_common(members_a: list[EventFeatures], members_b: list[EventFeatures]) -> bool:
    """Both groups name participants, none shared, and no member's sentence names an actor of
    the other group (:func:`cannot_link`'s first reason)."""
    actors_a = frozenset().union(*(m.sides for m in members_a))
    actors_b = frozenset().union(*(m.sides for m in members_b))
    return bool(actors_a and actors_b and not actors_a & actors_b and not (_may_name(members_a, members_b) and any(
        _named_in(a, b) or _named_in(b, a) for a in members_a for b in members_b)))


def _same_in_article(a: EventFeatures, b: EventFeatures, memo: dict | None) -> bool:
    """:func:`compare` of two members of one article as if two outlets reported them (remembered
    in ``memo`` when given)."""
    if memo is None:
        return compare(a, b, False, one_article=False).same
    key = (a.key, a.index, b.index)
    found = memo.get(key)
    if found is None:
        found = memo[key] = compare(a, b, False, one_article=False).same
    return found


def _may_name(members_a: list[EventFeatures], members_b: list[EventFeatures]) -> bool:
    """False only when no member of one group names an actor of the other's (a name whose
    stems one sentence holds is held by the union of the group's sentences): the pairs need
    not be tried one by one."""
    return _may_name_stems(members_a, members_b, frozenset().union(*(m.stems for m in members_a)),
                           frozenset().union(*(m.stems for m in members_b)))


def _may_name_stems(members_a: list[EventFeatures], members_b: list[EventFeatures],
                    stems_a: frozenset[str], stems_b: frozenset[str]) -> bool:
    """:func:`_may_name` given each group's stems."""
    return any(a.named_by(stems_b) for a in members_a) or any(b.named_by(stems_a) for b in members_b)


def _may_clash(members_a: list[EventFeatures], members_b: list[EventFeatures]) -> bool:
    """False only when :func:`cannot_link` finds no pair of members apart in time or of one
    article: no two of their dates more than the window apart (told from the groups' earliest
    ends and latest starts) and no article in both groups."""
    if not {a.key for a in members_a}.isdisjoint({b.key for b in members_b}):
        return True
    dated_a = [a.interval for a in members_a if a.interval]
    dated_b = [b.interval for b in members_b if b.interval]
    if not dated_a or not dated_b:
        return False
    return (max(iv[0] for iv in dated_a) - min(iv[1] for iv in dated_b)).days > WINDOW_DAYS \
        or (max(iv[0] for iv in dated_b) - min(iv[1] for iv in dated_a)).days > WINDOW_DAYS
