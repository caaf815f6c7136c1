"""The daily brief: what happened, who said what, what is disputed, whose position moved, in a
date window; every line cited (article title, outlet, date, link to the sentence or source).

``build_brief`` gathers the data from the store; ``to_markdown`` / ``to_html`` render it (HTML is
one self-contained file with inline CSS, everything escaped).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from dossier.errors import DossierError

HERE = Path(__file__).resolve().parent


@dataclass
class Citation:
    article_id: int
    sentence: int | None
    title: str
    outlet: str | None
    published: str | None
    url: str | None  # the article's own http(s) URL, when known
    link: str | None  # link to the sentence in a served dossier, when a base URL is given

    @property
    def ref(self) -> str:
        return f"{self.article_id}:{self.sentence}" if self.sentence is not None else str(self.article_id)

    @property
    def href(self) -> str | None:
        return self.link or self.url

    def text(self) -> str:
        parts = [f"« {self.title} »", self.outlet or None, self.published or None]
        return ", ".join(p for p in parts if p)


@dataclass
class Line:
    date: str | None
    text: str
    who: str | None = None
    cites: list[Citation] = field(default_factory=list)
    extra: str | None = None


@dataclass
class Brief:
    since: str
    until: str | None
    generated: str
    happened: list[Line]
    said: list[Line]
    disputed: list[Line]
    moved: list[Line]
    counts: dict[str, int]


def _in_window(value: str | None, since: str, until: str | None) -> bool:
    if not value:
        return False
    if value[: len(since)] < since and not since.startswith(value):
        return False
    return until is None or value[: len(until)] <= until


def _cite_factory(store, base_url: str | None):
    from dossier.web.app import safe_url

    cache: dict[int, dict[str, Any]] = {}

    def cite(article_id: int, sentence: int | None) -> Citation:
        if article_id not in cache:
            cache.update(store.article_meta([article_id]))
        a = cache.get(article_id, {})
        link = None
        if base_url:
            link = f"{base_url.rstrip('/')}/articles/{article_id}" + (f"#s{sentence}" if sentence is not None else "")
        return Citation(article_id, sentence, a.get("title") or f"article #{article_id}", a.get("outlet"),
                        a.get("published"), safe_url(a.get("url")), link)

    return cite


def _names(participants: list[Any] | None) -> str:
    return ", ".join((p.get("name") or p.get("entity_id") or "?") if isinstance(p, dict) else str(p)
                     for p in participants or [])


def _walk_cites(value: Any, out: list[tuple[int, int | None]]) -> None:
    if isinstance(value, dict):
        for key in ("article_id", "article"):
            raw = value.get(key)
            if isinstance(raw, int) or (isinstance(raw, str) and raw.isdigit()):
                s = value.get("sentence")
                out.append((int(raw), s if isinstance(s, int) else None))
                break
        for v in value.values():
            _walk_cites(v, out)
    elif isinstance(value, list):
        for v in value:
            _walk_cites(v, out)


def _dates_in(value: Any) -> list[str]:
    found: list[str] = []
    if isinstance(value, dict):
        for k, v in value.items():
            if k in ("date", "published") and isinstance(v, str):
                found.append(v)
            else:
                found += _dates_in(v)
    elif isinstance(value, list):
        for v in value:
            found += _dates_in(v)
    return found


def build_brief(store, since: str, until: str | None = None, base_url: str | None = None) -> Brief:
    if until is not None and until < since[: len(until)]:
        raise DossierError(f"--until {until} is before --since {since}")
    cite = _cite_factory(store, base_url)
    happened = []
    for s in store.timeline(date_to=until, limit=5000):
        if not _in_window(s.get("date"), since, until):
            continue  # (a month-precise date overlapping the window is kept)
        label = s.get("summary") or f"{s.get('type') or 'event'}: {_names(s.get('participants'))}"
        if s.get("place_name"):
            label += f" ({s['place_name']})"
        if s.get("status") and s["status"] != "held":
            label += f" [{s['status']}]"
        cites = [cite(src["article_id"], src.get("sentence")) for src in s.get("sources", [])]
        happened.append(Line(s.get("date"), label, cites=cites, extra=s.get("plover")))
    said = []
    for q in store.quotes(since=since, until=until, limit=5000):
        who = q.get("speaker_name") or ("anonymous source" if q.get("anonymous") else "unknown speaker")
        said.append(Line(q.get("date") or q.get("article_published"), q.get("text") or "", who=who,
                         cites=[cite(q["article_id"], q.get("sentence"))], extra=q.get("kind")))
    disputed = []
    for d in store.crossref("disputes"):
        dates = _dates_in(d)
        if dates and not any(_in_window(x, since, until) for x in dates):
            continue
        refs: list[tuple[int, int | None]] = []
        _walk_cites(d, refs)
        label = d.get("proposition") or d.get("subject") or d.get("title") or "disputed statement"
        sides = []
        for key in ("asserted", "denied", "asserts", "denies", "for", "against"):
            if isinstance(d.get(key), list):
                sides.append(f"{key}: " + ", ".join(x.get("claimant_name") or x.get("claimant_id") or "?"
                                                    for x in d[key] if isinstance(x, dict)))
        disputed.append(Line(min(dates) if dates else None, label, extra="; ".join(sides) or None,
                             cites=[cite(a, s) for a, s in dict.fromkeys(refs)]))
    moved = []
    history: dict[tuple[str, str], list[dict]] = {}
    for p in store.positions_rows(until=until):
        history.setdefault((p["actor_id"], p["issue"]), []).append(p)
    for (actor, issue), rows in sorted(history.items()):
        changes = [(a, b) for a, b in zip(rows, rows[1:]) if a["stance"] != b["stance"]]
        recent = [(a, b) for a, b in changes if _in_window(b.get("date") or b.get("article_published"), since, until)]
        if not recent:
            continue
        a, b = recent[-1]
        moved.append(Line(b.get("date") or b.get("article_published"),
                          f"{issue}: {a['stance']} → {b['stance']}", who=b.get("actor_name") or actor,
                          cites=[cite(a["article_id"], a.get("sentence")), cite(b["article_id"], b.get("sentence"))]))
    return Brief(since, until, dt.date.today().isoformat(), happened, said, disputed, moved,
                 {"events": len(happened), "quotes": len(said), "disputes": len(disputed), "moves": len(moved)})


def _md_escape(text: str) -> str:
    text = " ".join((text or "").split())
    for ch in "\\`*_[]<>|":
        text = text.replace(ch, "\\" + ch)
    return text


def _md_cites(cites: list[Citation]) -> str:
    parts = []
    for c in cites:
        label = _md_escape(c.text()) + f" \\[{c.ref}\\]"
        parts.append(f"[{label}](<{c.href}>)" if c.href else label)
    return "; ".join(parts)


def to_markdown(b: Brief) -> str:
    window = f"{b.since} → {b.until or 'now'}"
    out = [f"# Brief {window}", "",
           f"{b.counts['events']} events · {b.counts['quotes']} quotes · {b.counts['disputes']} disputes · "
           f"{b.counts['moves']} position changes. Sources are cited as «title», outlet, date [article:sentence] "
           "(`dossier show ARTICLE:SENTENCE` opens the sentence).", ""]
    sections = (("What happened", b.happened, "No storyline event in the window."),
                ("Who said what", b.said, "No quote in the window."),
                ("What is disputed", b.disputed, "No dispute."),
                ("Whose position moved", b.moved, "No position changed in the window."))
    for title, lines, empty in sections:
        out += [f"## {title}", ""]
        if not lines:
            out += [f"_{empty}_", ""]
            continue
        for line in lines:
            who = f"**{_md_escape(line.who)}**: " if line.who else ""
            text = f"« {_md_escape(line.text)} »" if title == "Who said what" else _md_escape(line.text)
            extra = f" ({_md_escape(line.extra)})" if line.extra and title != "Who said what" else ""
            out.append(f"- **{line.date or 'undated'}** {who}{text}{extra} — {_md_cites(line.cites)}")
        out.append("")
    out.append(f"_Generated {b.generated} by dossier._")
    return "\n".join(out) + "\n"


def to_html(b: Brief) -> str:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(HERE / "templates")), autoescape=True)
    return env.get_template("brief.html").render(b=b)


def write_brief(store, since: str, until: str | None, path: str | Path, base_url: str | None = None) -> Path:
    path = Path(path)
    if path.suffix.lower() not in (".md", ".html", ".htm"):
        raise DossierError(f"{path}: the brief is written as .md or .html")
    if not path.parent.exists():
        raise DossierError(f"{path}: folder {path.parent} does not exist")
    b = build_brief(store, since, until, base_url=base_url)
    try:
        path.write_text(to_markdown(b) if path.suffix.lower() == ".md" else to_html(b), encoding="utf-8")
    except OSError as exc:  # disk full, read-only folder
        raise DossierError(f"{path}: cannot write ({exc.strerror or type(exc).__name__})") from None
    return path
