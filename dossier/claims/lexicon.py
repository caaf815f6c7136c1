"""Data files of the claims stage: cue lexicons, sides, issues, relation facts.

Defaults ship in ``dossier/claims/data``; a user issues file adds issues (same layout) or
replaces an issue with the same id.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from dossier.errors import InputError

DATA = Path(__file__).resolve().parent / "data"


_FOLDED: dict[str, str] = {}  # memo of fold(): token texts and lemmas repeat endlessly
_FOLDED_MAX = 200_000  # entries before the memo is emptied (bounded memory on long runs)


def fold(text: str) -> str:
    """Lower-case, accents removed, typographic apostrophes made plain."""
    done = _FOLDED.get(text)
    if done is not None:
        return done
    if text.isascii():
        done = text.lower()
    else:
        low = unicodedata.normalize("NFKD", text.replace("\u2019", "'").replace("\u2018", "'").lower())
        done = "".join(c for c in low if not unicodedata.combining(c))
    if len(_FOLDED) >= _FOLDED_MAX:
        _FOLDED.clear()
    _FOLDED[text] = done
    return done


def _load_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from exc
    except yaml.YAMLError as exc:
        raise InputError(str(path), f"not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise InputError(str(path), "expected a mapping at the top level")
    return data


@dataclass(frozen=True)
class Issue:
    id: str
    labels: dict[str, str]
    keywords: tuple[str, ...]
    patterns: tuple[re.Pattern, ...] = field(default=(), compare=False)


_GAP = r"\s+(?:(?:jamais|pas|plus|toujours|encore|aussi|egalement|meme|immediatement|rapidement|totalement|entierement)\s+)?"


def _keyword_pattern(keyword: str) -> re.Pattern:
    words = fold(keyword).split()
    parts = []
    for w in words:
        if w == "~":  # up to six words: "adhesion ~ otan" for "adhésion de l'Ukraine à l'OTAN"
            parts.append(None)
            continue
        if w.endswith("*"):
            parts.append(re.escape(w[:-1]) + r"[\w-]*")
        else:
            parts.append(re.escape(w))
    # apostrophes glue words in French ("l'otan"): allow optional space after them
    # a negation or adverb may come between the words ("renoncerait jamais au contrôle")
    body = ""
    for i, part in enumerate(parts):
        if part is None:
            body += r"\W+(?:\w+\W+){0,6}?"
            continue
        if i and parts[i - 1] is not None:
            body += _GAP
        body += part.replace(r"'", r"'\s*")
    return re.compile(r"(?<![\w-])" + body + r"(?![\w-])")


def _issues_from(data: dict[str, Any], source: str) -> list[Issue]:
    out = []
    for item in data.get("issues") or []:
        if not isinstance(item, dict) or not item.get("id") or not item.get("keywords"):
            raise InputError(source, f"an issue needs an id and keywords: {item!r}")
        keywords = tuple(str(k) for k in item["keywords"])
        labels = {str(k): str(v) for k, v in (item.get("labels") or {}).items()}
        out.append(Issue(str(item["id"]), labels, keywords, tuple(_keyword_pattern(k) for k in keywords)))
    return out


def load_issues(issues_file: str | None = None) -> list[Issue]:
    """The default issues, plus (or overridden by) those of ``issues_file``."""
    issues = {i.id: i for i in _issues_from(_load_yaml(DATA / "issues.yaml"), "issues.yaml")}
    if issues_file:
        for issue in _issues_from(_load_yaml(Path(issues_file)), issues_file):
            issues[issue.id] = issue
    return list(issues.values())


@lru_cache(maxsize=1)
def cues() -> dict[str, Any]:
    return _load_yaml(DATA / "cues.yaml")


@lru_cache(maxsize=1)
def sides() -> dict[str, Any]:
    return _load_yaml(DATA / "sides.yaml")


@lru_cache(maxsize=1)
def facts() -> dict[str, Any]:
    return _load_yaml(DATA / "facts.yaml")


@lru_cache(maxsize=1)
def side_words() -> dict[str, str]:
    """folded word -> side id."""
    out = {}
    for side, spec in (sides().get("sides") or {}).items():
        for w in spec.get("words") or []:
            out[fold(w)] = side
    return out


def opponent(side: str | None) -> str | None:
    for pair in sides().get("opponents") or []:
        if side in pair and len(pair) == 2:
            return pair[1] if pair[0] == side else pair[0]
    return None


@lru_cache(maxsize=None)
def cue_set(*path: str) -> frozenset[str]:
    node: Any = cues()
    for key in path:
        node = (node or {}).get(key)
    return frozenset(fold(str(x)) for x in (node or []))
