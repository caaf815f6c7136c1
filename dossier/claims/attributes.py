"""Attributes: relations and titles stated about a person in apposition.

"le gendre de X, Y" / "Y, gendre de X" -> Attribute(Y, "son-in-law of", X);
"le président russe X" -> Attribute(X, "position", "president russe");
"X, conseiller principal du président Y" -> Attribute(X, "adviser of", Y).
"""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Token

from dossier.claims.actors import ActorContext
from dossier.claims.lexicon import DATA, _load_yaml, fold
from dossier.models import Attribute, Mention

_DETS = frozenset({"le", "la", "l'", "les", "un", "une", "son", "sa", "ses", "leur", "notre", "cet", "cette", "ce"})
_OF = frozenset({"de", "du", "des", "d'"})
_MAX = 14  # tokens of a title phrase


@lru_cache(maxsize=1)
def titles() -> dict:
    data = _load_yaml(DATA / "titles.yaml")
    return {
        "relations": {fold(k): str(v) for k, v in (data.get("relations") or {}).items()},
        "functional": frozenset(str(x) for x in data.get("functional") or []),
        "positions": frozenset(fold(x) for x in data.get("positions") or []),
    }


def functional_attributes() -> frozenset[str]:
    return titles()["functional"]


def _is_person(m: Mention) -> bool:
    return m.entity_type == "person" or m.label == "PER"


def _phrase_ok(t: Token) -> bool:
    low = fold(t.text)
    return (t.pos_ in ("NOUN", "ADJ", "PROPN", "DET", "NUM") or low in _OF or t.text in ("-", "'")
            or (t.pos_ == "ADP" and low in ("a", "en", "aux", "au"))) and t.text != ","


def _left_phrase(doc: Doc, m_start_tok: int, sent_start: int) -> list[Token]:
    """The title phrase just before a name ("le gendre du président X, " / "le président russe ").

    Without a comma the name's own title is the part after the last "de/du" when that part
    opens with a title ("le gendre du président X": X is "président", not "gendre")."""
    i = m_start_tok - 1
    apposed = i >= sent_start and doc[i].text == ","
    if apposed:
        i -= 1
    out: list[Token] = []
    while i >= sent_start and len(out) < _MAX and _phrase_ok(doc[i]):
        out.insert(0, doc[i])
        if fold(doc[i].text) in _DETS and doc[i].pos_ == "DET":
            break
        i -= 1
    if not apposed:
        for j in range(len(out) - 1, -1, -1):
            if fold(out[j].text) in _OF:
                tail = out[j + 1:]
                if tail and _title_in([fold(t.text) for t in tail]) is not None:
                    return tail
                return [] if not tail else out
    return out


def _right_phrase(doc: Doc, m_end_tok: int, sent_end: int) -> list[Token]:
    """", conseiller principal du président X" after a name."""
    i = m_end_tok
    if i >= sent_end or doc[i].text != ",":
        return []
    i += 1
    out: list[Token] = []
    while i < sent_end and len(out) < _MAX and _phrase_ok(doc[i]):
        out.append(doc[i])
        i += 1
    return out


def _title_in(words: list[str]) -> tuple[int, str, str] | None:
    """(index, title, relation-or-'position') of the first title noun in the folded words."""
    rel, pos = titles()["relations"], titles()["positions"]
    for i in range(len(words)):
        for n in (3, 2, 1):
            cand = " ".join(words[i:i + n])
            if cand in rel:
                return i, cand, rel[cand]
            if cand in pos:
                return i, cand, "position"
        if words[i] not in _DETS:
            # the title must open the phrase (after a determiner / adjectives like "principal")
            if i > 2:
                return None
    return None


def extract_attributes(doc: Doc, ctx: ActorContext | None = None) -> list[Attribute]:
    ctx = ctx or ActorContext(doc)
    sent_index = {s.start: i for i, s in enumerate(ctx.sents)}
    out: list[Attribute] = []
    seen: set[tuple] = set()
    # name mentions (with a proper noun), not role phrases such as "le président russe"
    people = [m for m in ctx.mentions if _is_person(m) and m.resolution != "kb-role"]
    for m in people:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or not any(t.pos_ == "PROPN" or t.text[:1].isupper() for t in span):
            continue
        sent = span.sent
        sent_i = sent_index.get(sent.start)
        for side, phrase in (("left", _left_phrase(doc, span.start, sent.start)),
                             ("right", _right_phrase(doc, span.end, sent.end))):
            if not phrase:
                continue

            words = [fold(t.text) for t in phrase]
            found = _title_in(words)
            if found is None:
                continue
            i, title, attribute = found
            rest = phrase[i + 1:]
            value = None
            if attribute != "position":
                # the related person: a mention after "de/du" in the rest of the phrase
                if rest and (fold(rest[0].text) in _OF or any(fold(t.text) in _OF for t in rest[:3])):
                    for t in rest:
                        other = ctx.mention_at(t)
                        if other is not None and other.entity_id != m.entity_id and (
                                _is_person(other) or other.entity_type in ("organization", "place", "group")):
                            value = other.entity_id
                            break
                if value is None:
                    attribute = "position"
            if attribute == "position":
                # up to the first embedded name: "président russe" of "le président russe X"
                words_out = []
                for t in phrase[i:]:
                    other = ctx.mention_at(t)
                    if other is not None and _is_person(other) and other.resolution != "kb-role":
                        break
                    words_out.append(fold(t.text))
                while words_out and words_out[-1] in _OF | _DETS:
                    words_out.pop()
                value = " ".join(words_out).replace(" - ", "-").replace("' ", "'")
            if not value:
                continue
            start = phrase[0].idx if side == "left" else m.start
            end = m.end if side == "left" else phrase[-1].idx + len(phrase[-1])
            key = (m.entity_id, attribute, value)
            if key in seen:
                continue
            seen.add(key)
            out.append(Attribute(start=start, end=end, text=ctx.text[start:end], entity_id=m.entity_id,
                                 attribute=attribute, value=value, sentence=sent_i))
    return out
