"""HTML pages: trafilatura for the main text and metadata, htmldate for the publication date."""
from __future__ import annotations

import logging
import re
from html.parser import HTMLParser

from dossier.errors import InputError
from dossier.models import Article
from dossier.read.build import make_article

log = logging.getLogger(__name__)

_BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section", "article",
          "header", "footer", "figcaption", "pre", "ul", "ol", "table", "hr"}
_SKIP = {"script", "style", "noscript", "template", "svg", "head",
         "nav", "aside", "form", "button", "select", "menu"}  # page furniture, not article text


class _TextParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP:
            self.skip += 1
        elif tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag):
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (feed summaries), one paragraph per block element."""
    parser = _TextParser()
    parser.feed(fragment)
    parser.close()
    text = "".join(parser.parts)
    paragraphs = (" ".join(p.split()) for p in re.split(r"\n\s*\n", text))
    return "\n\n".join(p for p in paragraphs if p)


def looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return "<html" in head or "<!doctype html" in head or "<body" in head or bool(re.search(r"<(p|div|br|span|a)\b", head))


def article_from_html(html: str, source: str, url: str | None = None) -> Article:
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False, include_tables=False)
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not text:
        text = html_to_text(html)
    if not text.strip():
        raise InputError(source, "no article text found in the HTML")
    published = None
    try:
        from htmldate import find_date

        published = find_date(html, url=url, original_date=True, extensive_search=False)
    except Exception as exc:  # htmldate raises assorted parser errors on odd pages
        log.debug("htmldate failed on %s: %s", source, exc)
    if not published and doc is not None:
        published = getattr(doc, "date", None)
    return make_article(
        text,
        source,
        url=url or (getattr(doc, "url", None) if doc is not None else None),
        outlet=getattr(doc, "sitename", None) if doc is not None else None,
        author=getattr(doc, "author", None) if doc is not None else None,
        title=getattr(doc, "title", None) if doc is not None else None,
        published=published,
        basis="metadata",
        language=getattr(doc, "language", None) if doc is not None else None,
    )
