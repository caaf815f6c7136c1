"""A source as a reader cites it: outlet, headline, date, the sentence and a link to it."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

_SPACE = re.compile(r"\s+")


def _short(text: str | None, width: int) -> str:
    text = _SPACE.sub(" ", text or "").strip()
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def safe_url(value: str | None) -> str | None:
    """An http(s) URL from article metadata, or None (no javascript:, data: … links)."""
    if not value or not isinstance(value, str):
        return None
    try:
        parts = urlsplit(value.strip())
    except ValueError:
        return None
    return value.strip() if parts.scheme in ("http", "https") and parts.netloc else None


def host(url: str | None) -> str | None:
    """The site an article comes from ("www.example.org" -> "example.org")."""
    if not url:
        return None
    try:
        name = urlsplit(url).hostname
    except ValueError:
        return None
    return name[4:] if name and name.startswith("www.") else name


@dataclass
class Source:
    article_id: int
    sentence: int | None
    outlet: str | None  # the outlet, else the site of the article's URL; None when unknown
    headline: str  # the title, else the start of the article's text
    published: str | None
    text: str = ""  # the evidence: the quote or the clause
    said: str | None = None  # when the statement was made, when known
    language: str | None = None  # of the article
    titled: bool = True  # False: ``headline`` is the start of the text (the article has no title)
    url: str | None = None  # the article's own http(s) URL

    @property
    def href(self) -> str:
        return f"/articles/{self.article_id}" + (f"#s{self.sentence}" if self.sentence is not None else "")

    @property
    def independent(self) -> str:
        """What counts as one independent source: the outlet, else the article itself."""
        return f"outlet:{self.outlet.casefold()}" if self.outlet else f"article:{self.article_id}"


def outlets(sources: list[Source]) -> int:
    """How many independent sources (distinct outlets; an article of unknown outlet counts alone)."""
    return len({s.independent for s in sources})


class Sources:
    """Builds :class:`Source` objects from article ids, reading each article's metadata once."""

    def __init__(self, store):
        self.store = store
        self.meta: dict[int, dict[str, Any]] = {}

    def load(self, ids) -> None:
        missing = sorted({int(i) for i in ids if i is not None} - set(self.meta))
        if missing:
            self.meta.update(self.store.article_meta(missing))

    def __call__(self, article_id: int | str, sentence: int | None = None, text: str = "",
                 said: str | None = None) -> Source:
        article_id = int(article_id)
        self.load([article_id])
        a = self.meta.get(article_id, {})
        url = safe_url(a.get("url"))
        outlet = a.get("outlet") or host(url)
        headline = _short(a.get("title"), 140) or _short(a.get("lead"), 90) or "(untitled article)"
        return Source(article_id, sentence, outlet, headline, a.get("published"), text or "",
                      said or a.get("published"), a.get("language"), bool(a.get("title")), url)

    def published(self, article_id: int | str) -> str | None:
        self.load([int(article_id)])
        return self.meta.get(int(article_id), {}).get("published")
