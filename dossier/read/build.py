"""Build an Article from text plus whatever metadata came with it.

What the text itself says (headline, byline, dateline) fills only the fields the metadata left
empty; a manifest (applied later) wins over both.
"""
from __future__ import annotations

import re
from typing import Any

from dossier.clean import clean_text
from dossier.errors import InputError
from dossier.models import Article
from dossier.read.dates import header_date, parse_date
from dossier.read.language import detect_language


def without_nul(text: str) -> str:
    """``text`` without NUL characters: junk in any article, and PostgreSQL text cannot hold them."""
    return text.replace("\x00", "")


def _str(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        parts = [_str(v) for v in value]
        value = ", ".join(p for p in parts if p)
    if isinstance(value, dict):
        value = value.get("name") or value.get("title")
    text = " ".join(without_nul(str(value)).split()) if value is not None else ""
    return text or None


MIN_WORDS = 3  # an article has at least this many words once markup and entity references are gone
_ENTITY = re.compile(r"&#?\w+;?")
_WORD = re.compile(r"[^\W\d_]{2,}")


def no_real_text(text: str) -> str | None:
    """The reason ``text`` is not an article (an unexpanded entity, a lone link...), or None."""
    if len(_WORD.findall(_ENTITY.sub(" ", text[:10_000]), )) >= MIN_WORDS:
        return None
    if _ENTITY.fullmatch(text.strip()):
        return f"no real text (only an unexpanded entity reference: {text.strip()[:40]!r})"
    return f"no real text (fewer than {MIN_WORDS} words)"


def language_code(value: Any) -> str | None:
    """"fr-FR" / "fr_FR" / "French"? -> "fr" (None when not a 2-letter code)."""
    text = _str(value)
    if not text:
        return None
    code = text.replace("_", "-").split("-")[0].lower()
    return code if len(code) == 2 and code.isalpha() else None


def make_article(
    raw_text: str,
    source: str,
    *,
    url: Any = None,
    outlet: Any = None,
    author: Any = None,
    title: Any = None,
    published: Any = None,
    basis: str = "metadata",
    language: Any = None,
    extra: dict | None = None,
) -> Article:
    """An Article, or InputError when the text is not an article (see :func:`no_real_text`)."""
    raw_text = without_nul(raw_text)
    reason = no_real_text(raw_text)
    if reason:
        raise InputError(source, reason)
    title, author = _str(title), _str(author)
    header = clean_text(raw_text, title=title)
    article = Article(
        raw_text=raw_text,
        source=source,
        url=_str(url),
        outlet=_str(outlet) or header.outlet,
        author=author or header.author,
        title=title or header.title,
        language=language_code(language),
        extra=dict(extra or {}),
    )
    date = parse_date(published)
    if date:
        article.published, article.published_precision = date
        article.published_basis = basis
        article.published_confidence = 0.9
    elif header.dateline and parse_date(header.dateline):
        article.published, article.published_precision = parse_date(header.dateline)
        article.published_basis = "dateline"
        article.published_confidence = 0.8
    elif (in_header := header_date(raw_text, header.kinds)) is not None:
        article.published, article.published_precision = in_header  # "Nom | 06.11.2025" on a byline
        article.published_basis = "dateline"
        article.published_confidence = 0.7
    if published is not None and not date:
        article.extra["published_unparsed"] = str(published)
    if article.language is None:
        article.language = detect_language(header.text)
    return article
