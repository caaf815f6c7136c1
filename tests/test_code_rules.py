"""Rules every module of dossier/ keeps, checked on the source (AST), not by review.

1. No identity comparison between objects: spaCy builds a new Token/Span object on every access,
   so ``tok is other`` is always False and ``head is not verb`` always True (a RecursionError in
   the time component came from that). Tokens are compared by ``.i``, spans by ``(start, end)``.
   ``is``/``is not`` stays allowed against None/True/False/constants, types (``tp is list``,
   ``type(None)``, ``models.Event``) and sentinels (``_MISSING``, ``NOTHING``).
2. No function taking a Token or Span calls itself unless it carries an explicit ``depth`` bound:
   walks of the parse tree are loops (``dossier.nlp.tree``), bounded by the sentence length.
3. No ``doc.text`` read (nor ``x.doc.text``) outside ``dossier/nlp/access.py``: spaCy joins every
   token of the Doc on each access, so a read per record or per candidate costs the square of the
   text's length (one such read per demonstrative once took a quarter of the pipeline's time).
   Components call ``access.doc_text(doc)``, which joins once per Doc.
"""
from __future__ import annotations

import ast
import builtins
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "dossier"
_BUILTIN_TYPES = {name for name in dir(builtins) if isinstance(getattr(builtins, name), type)}


def _last_name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def _is_safe_operand(node: ast.expr) -> bool:
    """An operand ``is`` may be used with: a constant, a type, or a sentinel."""
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "type":
        return True  # type(None), type(x)
    name = _last_name(node)
    if name is None:
        return False
    if name in _BUILTIN_TYPES:
        return True
    bare = name.lstrip("_")
    return bool(bare) and bare[0].isupper()  # a class (models.Event) or a SENTINEL / _MISSING


def identity_comparisons(source: str, filename: str = "<string>") -> list[str]:
    """``file:line: expression`` for every ``is``/``is not`` between two non-safe operands."""
    found = []
    for node in ast.walk(ast.parse(source, filename)):
        if not isinstance(node, ast.Compare):
            continue
        operands = [node.left, *node.comparators]
        for op, left, right in zip(node.ops, operands, operands[1:]):
            if isinstance(op, (ast.Is, ast.IsNot)) and not (_is_safe_operand(left) or _is_safe_operand(right)):
                found.append(f"{filename}:{node.lineno}: {ast.unparse(node)}")
    return found


def _annotation_names(fn: ast.FunctionDef) -> set[str]:
    names = set()
    for arg in [*fn.args.posonlyargs, *fn.args.args, *fn.args.kwonlyargs]:
        if arg.annotation is not None:
            names |= {n.id for n in ast.walk(arg.annotation) if isinstance(n, ast.Name)}
            names |= {n.value for n in ast.walk(arg.annotation) if isinstance(n, ast.Constant) and isinstance(n.value, str)}
    return names


def _calls(func: ast.expr, name: str) -> bool:
    """``name(...)``, ``self.name(...)`` or ``cls.name(...)`` (not ``self.seen.name(...)``)."""
    if isinstance(func, ast.Name):
        return func.id == name
    return (isinstance(func, ast.Attribute) and func.attr == name and isinstance(func.value, ast.Name)
            and func.value.id in ("self", "cls"))


def unbounded_tree_recursion(source: str, filename: str = "<string>") -> list[str]:
    """Functions with a Token/Span parameter that call themselves without a ``depth`` parameter."""
    found = []
    for fn in ast.walk(ast.parse(source, filename)):
        if not isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        annotations = " ".join(_annotation_names(fn))
        if "Token" not in annotations and "Span" not in annotations:
            continue
        if "depth" in {a.arg for a in [*fn.args.args, *fn.args.kwonlyargs]}:
            continue
        for node in ast.walk(fn):
            if isinstance(node, ast.Call) and _calls(node.func, fn.name):
                found.append(f"{filename}:{node.lineno}: {fn.name} calls itself")
    return found


def doc_text_reads(source: str, filename: str = "<string>") -> list[str]:
    """``file:line: expression`` for every ``<...>doc.text`` attribute read."""
    found = []
    for node in ast.walk(ast.parse(source, filename)):
        if isinstance(node, ast.Attribute) and node.attr == "text" and _last_name(node.value) == "doc":
            found.append(f"{filename}:{node.lineno}: {ast.unparse(node)}")
    return found


def _package_sources():
    for path in sorted(PACKAGE.rglob("*.py")):
        yield path.relative_to(PACKAGE.parent).as_posix(), path.read_text(encoding="utf-8")


def test_no_identity_comparison_between_objects_in_dossier():
    offenders = [line for name, src in _package_sources() for line in identity_comparisons(src, name)]
    assert offenders == []


def test_no_unbounded_recursion_over_the_parse_in_dossier():
    offenders = [line for name, src in _package_sources() for line in unbounded_tree_recursion(src, name)]
    assert offenders == []


def test_no_doc_text_read_outside_access():
    offenders = [line for name, src in _package_sources() if name != "dossier/nlp/access.py"
                 for line in doc_text_reads(src, name)]
    assert offenders == []


@pytest.mark.parametrize(
    ("source", "flagged"),
    [
        ("after = doc.text[a:b]", True),
        ("t = sent.doc.text", True),
        ("t = self.doc.text", True),
        ("t = access.doc_text(doc)", False),
        ("t = sent.text", False),
        ("t = token.text", False),
    ],
)
def test_doc_text_check_catches_planted_examples(source, flagged):
    assert bool(doc_text_reads(source)) is flagged


@pytest.mark.parametrize(
    ("source", "flagged"),
    [
        # the bug that sank a batch, and its kin
        ("if head is not verb and head.pos_ == 'VERB':\n    pass", True),
        ("ok = t.head is t", True),
        ("ok = span is other_span", True),
        ("ok = [c for c in cands if c is not best]", True),
        ("ok = a < b is c", True),
        # what stays allowed
        ("ok = head is None", False),
        ("ok = head is not None", False),
        ("ok = flag is True or flag is False", False),
        ("ok = tp is list or origin is dict", False),
        ("ok = [a for a in args if a is not type(None)]", False),
        ("ok = cls is models.Event", False),
        ("ok = value is _MISSING or value is NOTHING", False),
        ("ok = head.i != verb.i", False),
    ],
)
def test_identity_check_catches_planted_examples(source, flagged):
    assert bool(identity_comparisons(source)) is flagged


@pytest.mark.parametrize(
    ("source", "flagged"),
    [
        ("def tense(verb: Token) -> str:\n    return tense(verb.head)", True),
        ("def walk(t: 'Token'):\n    for c in t.children:\n        walk(c)", True),
        ("def size(s: Span | None):\n    return size(None)", True),
        ("def speaker(cue: Token, depth: int = 0):\n    return speaker(cue.head, depth + 1)", False),
        ("def tense(verb: Token) -> str:\n    return verb.text", False),
        ("def count(n: int):\n    return count(n - 1) if n else 0", False),
        ("def speaker(self, cue: Token):\n    return self.speaker(cue.head)", True),
        ("def add(self, cue: Token):\n    self.seen.add(cue.i)", False),
    ],
)
def test_recursion_check_catches_planted_examples(source, flagged):
    assert bool(unbounded_tree_recursion(source)) is flagged
