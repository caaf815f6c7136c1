"""Hypothesis strategies for the readers' inputs: HTML pages, RSS/Atom feeds, JSON documents,
JSON Lines exports, manifests and plain text files, as bytes, well-formed or not."""
from __future__ import annotations

import json
import tempfile
from pathlib import Path

from fuzz_docs import date_expression, documents
from hypothesis import strategies as st

from dossier.config import Settings
from dossier.errors import InputError
from dossier.models import Article

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-2**70, 2**70) | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
dates = st.one_of(date_expression(), st.sampled_from(
    ["2025-03-10", "2025-03-10T08:00:00Z", "Mon, 10 Mar 2025 08:00:00 +0100", "10/03/2025", "0000-00-00",
     "2025-13-45", "9999-12-31T99:99", "", "hier", "1741593600"]))
texts = st.one_of(documents(), st.text(max_size=200))
fields = st.one_of(texts, dates, json_values)

FIELD_NAMES = ["text", "content", "body", "url", "link", "title", "headline", "published", "date",
               "pubDate", "outlet", "source", "author", "authors", "byline", "language", "lang", "extra"]


@st.composite
def json_records(draw):
    record = {}
    for name in draw(st.lists(st.sampled_from(FIELD_NAMES), max_size=8, unique=True)):
        record[name] = draw(texts) if name in ("text", "content", "body") and draw(st.booleans()) else draw(fields)
    return record


def _mutate_bytes(draw, data: bytes) -> bytes:
    choice = draw(st.sampled_from(["keep", "keep", "truncate", "insert", "bom"]))
    if choice == "truncate" and data:
        return data[: draw(st.integers(0, len(data)))]
    if choice == "insert":
        at = draw(st.integers(0, len(data)))
        return data[:at] + draw(st.binary(max_size=8)) + data[at:]
    if choice == "bom":
        return b"\xef\xbb\xbf" + data
    return data


@st.composite
def json_files(draw) -> bytes:
    shape = draw(st.sampled_from(["record", "list", "wrapped", "scalar", "any"]))
    if shape == "record":
        value = draw(json_records())
    elif shape == "list":
        value = draw(st.lists(json_records(), max_size=4))
    elif shape == "wrapped":
        value = {draw(st.sampled_from(["articles", "items", "records", "data"])): draw(st.lists(json_records(), max_size=3))}
    else:
        value = draw(json_values)
    return _mutate_bytes(draw, json.dumps(value, ensure_ascii=draw(st.booleans())).encode())


@st.composite
def jsonl_files(draw) -> bytes:
    lines = []
    for _ in range(draw(st.integers(0, 5))):
        kind = draw(st.sampled_from(["record", "record", "garbage", "blank", "any"]))
        if kind == "record":
            lines.append(json.dumps(draw(json_records()), ensure_ascii=False))
        elif kind == "garbage":
            lines.append(draw(st.text(max_size=40)))
        elif kind == "any":
            lines.append(json.dumps(draw(json_values)))
        else:
            lines.append("")
    return _mutate_bytes(draw, "\n".join(lines).encode("utf-8", "surrogatepass"))


TAGS = ["p", "div", "article", "main", "section", "h1", "h2", "span", "nav", "footer", "header", "aside",
        "script", "style", "figure", "figcaption", "li", "ul", "blockquote", "a", "time", "noscript", "iframe"]


@st.composite
def html_fragment(draw, depth: int = 0) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 4))):
        kind = draw(st.sampled_from(["text", "tag", "tag", "entity", "comment", "br"]))
        if kind == "text":
            parts.append(draw(texts))
        elif kind == "entity":
            parts.append(draw(st.sampled_from(["&amp;", "&nbsp;", "&lol7;", "&#x1F600;", "&#0;", "&", "&lt;script&gt;"])))
        elif kind == "comment":
            parts.append("<!-- " + draw(st.text(max_size=20)) + draw(st.sampled_from([" -->", ""])))
        elif kind == "br":
            parts.append(draw(st.sampled_from(["<br>", "<br/>", "<hr>", "<img src=x onerror=1>"])))
        elif depth < 3:
            tag = draw(st.sampled_from(TAGS))
            attrs = draw(st.sampled_from(["", ' class="article-body"', ' href="https://exemple.org/a"',
                                          ' datetime="2025-03-10"', ' style="display:none"', " x='\"'"]))
            close = draw(st.sampled_from([f"</{tag}>", f"</{tag}>", ""]))
            parts.append(f"<{tag}{attrs}>{draw(html_fragment(depth + 1))}{close}")
    return "".join(parts)


@st.composite
def html_files(draw) -> bytes:
    head = draw(st.sampled_from(["", "<title>Titre</title>",
                                 '<meta property="article:published_time" content="2025-03-10">',
                                 '<meta name="author" content="">', '<meta charset="iso-8859-1">']))
    title = draw(st.one_of(st.just(""), texts.map(lambda t: f"<title>{t[:80]}</title>")))
    page = f"<!DOCTYPE html><html><head>{head}{title}</head><body>{draw(html_fragment())}</body></html>"
    if draw(st.booleans()):
        page = draw(html_fragment())  # a bare fragment
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "latin-1", "utf-16", "cp1252"]))
    return _mutate_bytes(draw, page.encode(encoding, "replace"))


@st.composite
def feed_files(draw) -> bytes:
    atom = draw(st.booleans())
    items = []
    for _ in range(draw(st.integers(0, 4))):
        title, body = draw(texts)[:60], draw(st.one_of(texts, html_fragment()))
        if draw(st.booleans()):
            body = f"<![CDATA[{body}]]>"
        else:
            body = body.replace("&", "&amp;").replace("<", "&lt;") if draw(st.booleans()) else body
        date = draw(dates)
        if atom:
            items.append(f"<entry><title>{title}</title><link href='https://exemple.org/{len(items)}'/>"
                         f"<updated>{date}</updated><content type='html'>{body}</content></entry>")
        else:
            items.append(f"<item><title>{title}</title><link>https://exemple.org/{len(items)}</link>"
                         f"<pubDate>{date}</pubDate><description>{body}</description></item>")
    entity = draw(st.sampled_from(["", '<!DOCTYPE r [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>']))
    if atom:
        doc = f'<?xml version="1.0"?>{entity}<feed xmlns="http://www.w3.org/2005/Atom"><title>Flux</title>{"".join(items)}</feed>'
    else:
        doc = f'<?xml version="1.0"?>{entity}<rss version="2.0"><channel><title>Flux</title>{"".join(items)}</channel></rss>'
    return _mutate_bytes(draw, doc.encode("utf-8", "surrogatepass"))


@st.composite
def text_files(draw) -> bytes:
    text = draw(documents())
    encoding = draw(st.sampled_from(["utf-8", "latin-1", "cp1252", "utf-16", "utf-16-le", "mac_roman"]))
    data = text.encode(encoding, "replace")
    return draw(st.one_of(st.just(_mutate_bytes(draw, data)), st.binary(max_size=300)))


ODD_FILE_NAMES = ["absent.txt", "", ".", "..", "~", "a\x00b.txt", "x" * 5000 + ".txt", "ligne\nneuve.txt",
                  "dossier/", "*.txt", "\u202etxt.exe", "C:\\temp\\a.txt", "file:///tmp/a.txt"]


@st.composite
def manifest_lines(draw, names: list[str]) -> bytes:
    lines = []
    for _ in range(draw(st.integers(0, 5))):
        entry = {}
        target = draw(st.sampled_from(["file", "file", "url", "none"]))
        if target == "file":
            entry["file"] = draw(st.one_of(st.sampled_from(names + ODD_FILE_NAMES + ["sub/../" + names[0]]),
                                           json_values))
        elif target == "url":
            entry["url"] = draw(st.one_of(st.just("https://exemple.org/a"), json_values))
        for name in draw(st.lists(st.sampled_from(["published", "outlet", "title", "author", "language", "url"]),
                                  max_size=4, unique=True)):
            entry[name] = draw(st.one_of(dates, json_values))
        line = json.dumps(entry, ensure_ascii=False) if draw(st.integers(0, 5)) else draw(st.text(max_size=30))
        lines.append(line)
    return "\n".join(lines).encode("utf-8", "surrogatepass")


FORMATS = {"html": (".html", html_files), "feed": (".xml", feed_files), "json": (".json", json_files),
           "jsonl": (".jsonl", jsonl_files), "text": (".txt", text_files)}


def read_all(files: dict[str, bytes], manifest: bytes | None = None) -> list:
    """Write ``files`` (name -> bytes) to a fresh folder and read it through ``iter_articles``."""
    from dossier.read import iter_articles

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for name, data in files.items():
            (root / name).write_bytes(data)
        manifest_path = None
        if manifest is not None:
            manifest_path = root / "manifest.jsonl.txt"
            manifest_path.write_bytes(manifest)
            manifest_path = str(manifest_path)
        # the folder is always named, so a manifest's URLs are never fetched
        return list(iter_articles([str(root / name) for name in files], Settings(db=str(root / "x.db")),
                                  manifest=manifest_path))


def check_items(items: list) -> None:
    for item in items:
        assert isinstance(item, (Article, InputError)), item
        if isinstance(item, Article):
            assert isinstance(item.raw_text, str) and item.raw_text.strip()
            for name in ("url", "outlet", "author", "title", "published", "language"):
                value = getattr(item, name)
                assert value is None or isinstance(value, str), (name, value)
        else:
            assert str(item) and "\n" not in str(item).strip(), item
