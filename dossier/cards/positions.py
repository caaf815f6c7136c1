"""Positions over time: each actor's stances on each issue (named in words, from the issues
file), dated by when they were said, with a strip of stances over the months and a marker where
an actor's stance changes."""
from __future__ import annotations

from dataclasses import dataclass, field

from dossier.cards.sources import Source, Sources
from dossier.claims.wording import issue_labels, stance_label

FIRM = ("supports", "opposes", "conditional")  # stances a change is counted between
SYMBOLS = {"supports": "+", "opposes": "−", "conditional": "±", "unclear": "?"}


@dataclass
class Stance:
    stance: str
    label: str  # "pour", "contre" …
    said: str | None  # when it was stated
    about: str | None  # the time its sentence is about, when it differs from ``said``
    source: Source
    changed: bool = False  # differs from the actor's previous stance on the issue

    @property
    def symbol(self) -> str:
        return SYMBOLS.get(self.stance, "?")

    @property
    def month(self) -> str:
        return (self.said or "")[:7] or "?"


@dataclass
class Cell:
    issue: str
    stances: list[Stance] = field(default_factory=list)  # in the order they were said

    @property
    def latest(self) -> Stance:
        return self.stances[-1]

    @property
    def changes(self) -> list[Stance]:
        return [s for s in self.stances if s.changed]

    def in_month(self, month: str) -> list[Stance]:
        return [s for s in self.stances if s.month == month]


@dataclass
class ActorRow:
    actor_id: str
    name: str
    cells: dict[str, Cell] = field(default_factory=dict)

    @property
    def changes(self) -> int:
        return sum(len(c.changes) for c in self.cells.values())


@dataclass
class PositionsView:
    issues: list[tuple[str, str]]  # (issue id, label in words) of the issues with a stance
    actors: list[ActorRow]
    months: list[str]  # the months a stance was said in (the strips' columns), oldest first
    total: int

    def label(self, issue: str) -> str:
        return dict(self.issues).get(issue, issue.replace("_", " "))

    def cells_of(self, actor: ActorRow) -> list[tuple[str, str, Cell]]:
        """(issue id, label, cell) of the issues the actor took a stance on, in column order."""
        return [(i, label, actor.cells[i]) for i, label in self.issues if i in actor.cells]


def positions_view(store, actor: str | None = None, issue: str | None = None,
                   issues_file: str | None = None) -> PositionsView:
    """Stated positions of the actors matching ``actor`` (a name or alias) on ``issue`` (an id
    or a label in words)."""
    labels = issue_labels(issues_file)
    if issue:
        wanted = issue.strip().casefold()
        issue = next((i for i, label in labels.items() if wanted in (i.casefold(), label.casefold())), issue)
    ids = store.resolve_entity(actor) if actor else None
    rows = store.positions_rows(actor_ids=ids, issue=issue or None)
    sources = Sources(store)
    sources.load(r["article_id"] for r in rows)
    actors: dict[str, ActorRow] = {}
    for r in rows:  # in the order they were said
        row = actors.setdefault(r["actor_id"], ActorRow(r["actor_id"], r.get("actor_name") or r["actor_id"]))
        cell = row.cells.setdefault(r["issue"], Cell(r["issue"]))
        said = r.get("said") or r.get("article_published")
        about = r.get("date") if r.get("date") and r.get("date") != said else None
        firm = [s for s in cell.stances if s.stance in FIRM]
        changed = bool(firm) and r["stance"] in FIRM and firm[-1].stance != r["stance"]
        cell.stances.append(Stance(r["stance"], stance_label(r["stance"]), said, about,
                                   sources(r["article_id"], r.get("sentence"), r.get("text") or "", said), changed))
    used = sorted({r["issue"] for r in rows}, key=lambda i: labels.get(i, i).casefold())
    months = sorted({s.month for a in actors.values() for c in a.cells.values() for s in c.stances})
    ordered = sorted(actors.values(), key=lambda a: (-len(a.cells), -sum(len(c.stances) for c in a.cells.values()),
                                                     a.name.casefold()))
    return PositionsView([(i, labels.get(i, i.replace("_", " "))) for i in used], ordered, months, len(rows))
