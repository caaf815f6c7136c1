"""Small pure helpers shared by the scorers: normalisation, locating gold strings, date values,
entity matching and one-to-one greedy alignment."""
from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Callable, Iterable
from typing import Any

from dossier.eval import timex3
from dossier.eval.gold import GoldEntity

_QUOTE_MARKS = dict.fromkeys(map(ord, "«»\"“”„‟‹›"), " ")
_APOSTROPHES = dict.fromkeys(map(ord, "’‘`´ʼ"), "'")
_SPACES = re.compile(r"\s+")
_EDGE_PUNCT = " ,;:.!?-–—()[]"


def norm(text: str | None) -> str:
    """Case-, accent-, space- and quote-mark-insensitive form used by every text comparison."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES).translate(_QUOTE_MARKS))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return _SPACES.sub(" ", text).strip(_EDGE_PUNCT)


# -- locating gold strings in the article text ---------------------------------------------------
def find_all(text: str, needle: str) -> list[tuple[int, int]]:
    """Spans of ``needle`` in ``text``; when it is not there as written, spans where it occurs
    with other white space between its words (a hard-wrapped text: "un\naccord" for "un accord")
    or with words cut at a line's end ("négocia-\ntions")."""
    spans, i = [], text.find(needle) if needle else -1
    while i >= 0:
        spans.append((i, i + len(needle)))
        i = text.find(needle, i + 1)
    if not spans and needle and any(c.isspace() for c in needle.strip()):
        pattern = r"\s+".join(re.escape(w) for w in needle.split())
        spans = [(m.start(), m.end()) for m in re.finditer(pattern, text)]
    if not spans and needle.strip() and "-\n" in text:
        cut = r"(?:-\r?\n)?"
        pattern = r"\s+".join(cut.join(re.escape(c) for c in w) for w in needle.split())
        spans = [(m.start(), m.end()) for m in re.finditer(pattern, text)]
    return spans


def locate_in_context(text: str, expression: str, context: str) -> list[tuple[int, int]]:
    """Spans of ``expression`` inside every occurrence of ``context`` (first occurrence within it)."""
    out = []
    for s, e in find_all(text, context):
        inner = find_all(text[s:e], expression)
        if inner:
            out.append((s + inner[0][0], s + inner[0][1]))
    return out


def line_spans(text: str, line: str) -> list[tuple[int, int]]:
    """Occurrences of a boilerplate line standing as a whole line; any occurrence as a fallback."""
    spans = find_all(text, line)
    whole = [(s, e) for s, e in spans
             if (s == 0 or text[s - 1] == "\n") and (e == len(text) or text[e] in "\r\n")]
    return whole or spans


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def covered(span: tuple[int, int], removed: list[tuple[int, int]], text: str) -> bool:
    """True when no non-space character of ``span`` is outside the ``removed`` spans."""
    for i in range(span[0], span[1]):
        if text[i].isspace():
            continue
        if not any(s <= i < e for s, e in removed):
            return False
    return True


def touched(span: tuple[int, int], removed: list[tuple[int, int]], text: str) -> bool:
    """True when some non-space character of ``span`` lies inside a removed span."""
    return any(not text[i].isspace() for s, e in removed
               for i in range(max(s, span[0]), min(e, span[1])))


# -- date and time values ------------------------------------------------------------------------
def value_matches(gold: str | None, predicted: str | None) -> bool:
    """The predicted TIMEX3 value is right at the gold's precision (finer predictions are
    truncated; coarser ones are wrong). ``None`` matches only ``None``. See
    :mod:`dossier.eval.timex3`."""
    return timex3.value_matches(gold, predicted)


# -- entities -----------------------------------------------------------------------------------
@dataclasses.dataclass
class PredEntity:
    """What a prediction says about one entity: its id, QID and every surface name seen."""

    id: str | None
    names: set[str] = dataclasses.field(default_factory=set)
    wikidata: str | None = None
    type: str | None = None
    anonymous: bool = False


def gold_names(entity: GoldEntity) -> set[str]:
    return {n for n in (norm(a) for a in [entity.name, *entity.aliases]) if n}


_ARTICLE = re.compile(r"^(?:le |la |les |l'|the )")


def name_key(name: str) -> str:
    """A normalised name without its leading article: "Le Forum des familles" and "Forum des
    familles" name the same body (gold aliases are copied with or without their article)."""
    return _ARTICLE.sub("", norm(name), count=1)


def entity_match(gold: GoldEntity, pred: PredEntity) -> int:
    """3 = same id, 2 = same Wikidata QID, 1 = a shared normalised name/alias (leading article
    ignored), 0 = no match."""
    if pred.id is not None and pred.id == gold.id:
        return 3
    if pred.wikidata and gold.wikidata and pred.wikidata == gold.wikidata:
        return 2
    names = {norm(n) for n in pred.names if n}
    if pred.id and pred.id.startswith("local:"):
        names.add(norm(pred.id[len("local:"):].replace("_", " ")))
    if {name_key(n) for n in names} & {name_key(n) for n in gold_names(gold)} - {""}:
        return 1
    return 0


def pred_entities(records) -> dict[str, PredEntity]:
    """Every entity a record set names (from its mentions), with names from EntityInfo + mentions."""
    out: dict[str, PredEntity] = {}
    infos = records.entities or {}
    for m in records.mentions:
        pe = out.setdefault(m.entity_id, PredEntity(m.entity_id, type=m.entity_type))
        pe.names.update(n for n in (m.text, m.entity_name) if n)
    if not out:  # a component that fills entities but no mentions still counts
        for eid, info in infos.items():
            out[eid] = PredEntity(eid, type=info.type)
    for eid, pe in out.items():
        info = infos.get(eid)
        if info is not None:
            pe.names.update(n for n in [info.name, *info.aliases] if n)
            pe.wikidata = info.wikidata
            pe.type = pe.type or info.type
    return out


def pred_entity_for(entity_id: str | None, names: Iterable[str | None], records=None,
                    anonymous: bool = False) -> PredEntity:
    """A PredEntity for an id named by a quote/event/claim, enriched from the article's records."""
    pe = PredEntity(entity_id, {n for n in names if n}, anonymous=anonymous)
    if records is not None and entity_id:
        info = (records.entities or {}).get(entity_id)
        if info is not None:
            pe.names.update(n for n in [info.name, *info.aliases] if n)
            pe.wikidata = info.wikidata
        pe.names.update(m.text for m in records.mentions if m.entity_id == entity_id)
    return pe


def speaker_match(gold: GoldEntity | None, pred: PredEntity) -> bool:
    """Speakers/claimants: like entities; an anonymous gold source also accepts an anonymous one.
    A null gold speaker (no identifiable source) accepts none, or a source flagged anonymous that
    names no entity ("selon un responsable", "des sources")."""
    if gold is None:
        return pred.id is None and (pred.anonymous or not pred.names)
    if gold.anonymous and pred.anonymous:
        return True
    return entity_match(gold, pred) > 0


# -- alignment ----------------------------------------------------------------------------------
def greedy_align(n_gold: int, n_pred: int, score: Callable[[int, int], float]) -> list[tuple[int, int]]:
    """One-to-one alignment: best-scoring pairs first; pairs scoring <= 0 never align."""
    pairs = [(s, g, p) for g in range(n_gold) for p in range(n_pred) if (s := score(g, p)) > 0]
    pairs.sort(key=lambda t: (-t[0], t[1], t[2]))
    used_g, used_p, out = set(), set(), []
    for _, g, p in pairs:
        if g not in used_g and p not in used_p:
            used_g.add(g)
            used_p.add(p)
            out.append((g, p))
    return sorted(out)


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, Any]:
    """Precision, recall, F1; precision is 0 when nothing is predicted against a non-empty gold,
    and a value is None only when undefined (empty gold and empty prediction)."""
    p = tp / n_pred if n_pred else (0.0 if n_gold else None)
    r = tp / n_gold if n_gold else None
    f = 2 * p * r / (p + r) if p and r else (0.0 if p is not None and r is not None else None)
    return {"precision": _round(p), "recall": _round(r), "f1": _round(f), "n_gold": n_gold,
            "n_pred": n_pred, "tp": tp}


def ratio(num: int, den: int) -> float | None:
    return _round(num / den) if den else None


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 4)
