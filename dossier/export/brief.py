"""The daily brief: what happened, the events most sources report, who said what, what is
disputed (the disputes page's cards: who asserts, who denies), which reports conflict, whose
position moved, in a date window; every line cited (article title, outlet, date, link to the
sentence or source).

``build_brief`` gathers the data from the store; ``to_markdown`` / ``to_html`` render it (HTML is
one self-contained file with inline CSS, everything escaped).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from dossier import cards
from dossier.cards.sources import Source
from dossier.cards.timeline import first_day, last_day
from dossier.claims.wording import issue_labels, stance_label
from dossier.errors import DossierError

HERE = Path(__file__).resolve().parent
TOP = 10  # events in "Most reported"


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
    disputed: list[cards.DisputeCard]
    moved: list[Line]
    counts: dict[str, int]
    top: list[cards.Line] = field(default_factory=list)  # the window's events most sources report
    conflicts: list[cards.ConflictCard] = field(default_factory=list)
    base_url: str | None = None

    def cites(self, sources: list[Source]) -> list[Citation]:
        return [self.cite(s) for s in sources]

    def cite(self, source: Source) -> Citation:
        """A card's source as a citation (a link into a served dossier when a base URL is given)."""
        link = f"{self.base_url.rstrip('/')}{source.href}" if self.base_url else None
        return Citation(source.article_id, source.sentence, source.headline, source.outlet, source.published,
                        source.url, link)


def _in_window(value: str | None, since: str, until: str | None) -> bool:
    """Whether the days an ISO value may denote (2025-12, 2025-W49, 2025-12-02T17:00) overlap
    the window [since, until] (each read at its own precision)."""
    first, last = first_day(value), last_day(value)
    if first is None or last is None:
        return False
    start = first_day(since)
    if start is not None and last < start:
        return False
    end = last_day(until) if until else None
    return end is None or first <= end


def _cite_factory(store, base_url: str | None):
    sources = cards.Sources(store)

    def cite(article_id: int, sentence: int | None) -> Citation:
        s = sources(article_id, sentence)
        link = None
        if base_url:
            link = f"{base_url.rstrip('/')}{s.href}"
        return Citation(article_id, sentence, s.headline, s.outlet, s.published, s.url, link)

    return cite


def _names(participants: list[Any] | None) -> str:
    return ", ".join((p.get("name") or p.get("entity_id") or "?") if isinstance(p, dict) else str(p)
                     for p in participants or [])


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
        if not _in_window(q.get("date") or q.get("article_published"), since, until):
            continue  # a week value (2025-W26) sorts after any day of its year in SQL
        who = q.get("speaker_name") or ("anonymous source" if q.get("anonymous") else "unknown speaker")
        said.append(Line(q.get("date") or q.get("article_published"), q.get("text") or "", who=who,
                         cites=[cite(q["article_id"], q.get("sentence"))], extra=q.get("kind")))
    disputed = cards.dispute_cards(store, cards.Filters(since=since, until=until))
    conflicts = [c for c in cards.conflict_cards(store)
                 if any(_in_window(src.published, since, until) for v in c.values for src in v.sources)]
    view = cards.timeline_view(store, date_to=until, conflicts=conflicts)
    view.story = [ln for ln in view.story if _in_window(ln.date, since, until)]
    labels = issue_labels()
    moved = []
    history: dict[tuple[str, str], list[dict]] = {}
    for p in store.positions_rows(until=until):  # in the order they were said
        history.setdefault((p["actor_id"], p["issue"]), []).append(p)
    for (actor, issue), rows in sorted(history.items()):
        changes = [(a, b) for a, b in zip(rows, rows[1:]) if a["stance"] != b["stance"]]
        recent = [(a, b) for a, b in changes if _in_window(b.get("said"), since, until)]
        if not recent:
            continue
        a, b = recent[-1]
        moved.append(Line(b.get("said"),
                          f"{labels.get(issue, issue)} : {stance_label(a['stance'])} → {stance_label(b['stance'])}",
                          who=b.get("actor_name") or actor,
                          cites=[cite(a["article_id"], a.get("sentence")), cite(b["article_id"], b.get("sentence"))]))
    return Brief(since, until, dt.date.today().isoformat(), happened, said, disputed, moved,
                 {"events": len(happened), "quotes": len(said), "disputes": len(disputed), "moves": len(moved),
                  "conflicts": len(conflicts)},
                 top=cards.top_events(view, TOP), conflicts=conflicts, base_url=base_url)


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


def _md_lines(title: str, lines: list[Line]) -> list[str]:
    out = []
    for line in lines:
        who = f"**{_md_escape(line.who)}**: " if line.who else ""
        text = f"« {_md_escape(line.text)} »" if title == "Who said what" else _md_escape(line.text)
        extra = f" ({_md_escape(line.extra)})" if line.extra and title != "Who said what" else ""
        out.append(f"- **{line.date or 'undated'}** {who}{text}{extra} — {_md_cites(line.cites)}")
    return out


def _md_top(b: Brief) -> list[str]:
    out = []
    for ln in b.top:
        who = ", ".join(name for _, name, _ in ln.participants)
        where = f" ({_md_escape(ln.place[1])})" if ln.place else ""
        disputed = " — sources disagree" if ln.disputed else ""
        out.append(f"- **{ln.date or 'undated'}** {_md_escape(ln.label)}{': ' + _md_escape(who) if who else ''}"
                   f"{where}, {ln.outlets} source{'' if ln.outlets == 1 else 's'}{disputed} — "
                   + _md_cites([b.cite(s) for s in ln.sources]))
    return out


def _md_disputes(b: Brief) -> list[str]:
    out = []
    for card in b.disputed:
        out += [f"### {_md_escape(card.title)}", ""]
        for side in card.sides:
            out.append(f"- **{_md_escape(side.label)}**")
            for e in side.entries:
                about = f" (about {e.about})" if e.about else ""
                out.append(f"  - {_md_escape(e.actor_name)}, {e.said or 'undated'}{about}: "
                           f"« {_md_escape(e.source.text)} » — {_md_cites([b.cite(e.source)])}")
        out.append("")
    return out


def _md_conflicts(b: Brief) -> list[str]:
    out = []
    for card in b.conflicts:
        out += [f"### {_md_escape(card.title)} ({_md_escape(card.kind_label)})", ""]
        for v in card.values:
            settled = " (knowledge base)" if v.settled else ""
            out.append(f"- **{_md_escape(v.value)}**{settled}: "
                       + "; ".join(f"« {_md_escape(s.text)} » — {_md_cites([b.cite(s)])}" for s in v.sources))
        kb = f"La base de connaissances tranche : {_md_escape(card.settled)}" if card.settled \
            else "La base de connaissances ne tranche pas."
        out += [f"- _{kb}_", ""]
    return out


def to_markdown(b: Brief) -> str:
    window = f"{b.since} → {b.until or 'now'}"
    out = [f"# Brief {window}", "",
           f"{b.counts['events']} events · {b.counts['quotes']} quotes · {b.counts['disputes']} disputes · "
           f"{b.counts['conflicts']} conflicting reports · {b.counts['moves']} position changes. Sources are cited "
           "as «title», outlet, date [article:sentence] (`dossier show ARTICLE:SENTENCE` opens the sentence).", ""]
    sections = (("What happened", _md_lines("What happened", b.happened), "No storyline event in the window."),
                ("Most reported", _md_top(b), "No event of the story in the window."),
                ("Who said what", _md_lines("Who said what", b.said), "No quote in the window."),
                ("What is disputed", _md_disputes(b), "No dispute."),
                ("Conflicting reports", _md_conflicts(b), "No conflicting report."),
                ("Whose position moved", _md_lines("Whose position moved", b.moved), "No position changed in the window."))
    for title, lines, empty in sections:
        out += [f"## {title}", ""]
        out += (lines + ([""] if lines and lines[-1] else [])) if lines else [f"_{empty}_", ""]
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


__all__ = ["Brief", "Citation", "Line", "build_brief", "to_markdown", "to_html", "write_brief"]
