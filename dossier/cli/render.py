"""Plain-text rendering of store rows for the terminal (kept out of the commands)."""
from __future__ import annotations

import datetime as dt
import re
from typing import Any

from dossier.errors import DossierError

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def check_date(value: str | None, option: str) -> None:
    if value is None:
        return
    fmt = {4: "%Y", 7: "%Y-%m", 10: "%Y-%m-%d"}.get(len(value))
    try:
        ok = bool(_DATE.match(value)) and fmt is not None and bool(dt.datetime.strptime(value, fmt))
    except ValueError:
        ok = False
    if not ok:
        raise DossierError(f"{option}: not a date: {value!r} (expected YYYY, YYYY-MM or YYYY-MM-DD)")


def _one_line(text: str | None, width: int = 100) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def article_line(r: dict[str, Any]) -> str:
    date = r.get("published") or "?"
    prec = r.get("published_precision") or "unknown"
    basis = r.get("published_basis") or ""
    dup = f"  (near-duplicate of #{r['near_duplicate_of']})" if r.get("near_duplicate_of") else ""
    return (f"#{r['id']:<4} {date:10} ({prec}{', ' + basis if basis and basis != 'unknown' else ''})  "
            f"{(r.get('outlet') or '-')[:20]:20}  {_one_line(_headline(r), 70)}{dup}")


def _headline(r: dict[str, Any]) -> str:
    """The title; for an untitled article, the start of its text (marked), else its source."""
    if r.get("title"):
        return r["title"]
    lead = " ".join((r.get("lead") or "").split())
    return f"[no title] {lead}" if lead else (r.get("source") or "?")


def failure_line(r: dict[str, Any]) -> str:
    """One failed article: when, where it came from, the stage that raised and the error."""
    tries = f", {r['attempts']} attempts" if (r.get("attempts") or 1) > 1 else ""
    return (f"{(r.get('failed_at') or '?')[:19]}  {_one_line(r.get('source') or r.get('title') or '?', 1000)}: "
            f"failed in {r.get('component')}: {_one_line(r.get('error'), 120)}{tries}")


def article_view(a: dict[str, Any], sentence: int | None = None) -> str:
    lines = [
        f"#{a['id']}  {a.get('title') or '(no title)'}",
        f"published: {a.get('published') or 'unknown'} ({a.get('published_precision')}, {a.get('published_basis')})"
        f"   outlet: {a.get('outlet') or '-'}   author: {a.get('author') or '-'}   language: {a.get('language') or '?'}",
        *([f"publication date from: {(a.get('extra') or {})['published_evidence']}"]
          if (a.get("extra") or {}).get("published_evidence") else []),
        f"source: {a.get('source')}" + (f"   url: {a['url']}" if a.get("url") else ""),
        f"pipeline: {a.get('pipeline_version')}",
        f"records: {len(a['mentions'])} mentions, {len(a['timexes'])} dates, {len(a['quotes'])} quotes, "
        f"{len(a['events'])} events, {len(a['claims'])} claims",
        "",
    ]
    raw = a["raw_text"]
    if sentence is not None:
        sents = a.get("sentences") or []
        if not 0 <= sentence < len(sents):
            raise DossierError(f"article #{a['id']} has no sentence {sentence} (it has {len(sents)})")
        s = sents[sentence]
        before = raw[max(0, s["start"] - 200):s["start"]]
        after = raw[s["end"]:s["end"] + 200]
        lines.append(f"sentence {sentence} (chars {s['start']}–{s['end']}):")
        lines.append(f"…{_one_line(before, 200)} >>> {raw[s['start']:s['end']]} <<< {_one_line(after, 200)}…")
        return "\n".join(lines)
    marks: list[tuple[int, int, str, str]] = []
    for start, end in a.get("boilerplate") or []:
        marks.append((start, end, "[removed: ", "]"))
    for t in a.get("timexes") or []:
        marks.append((t["start"], t["end"], "⟦", f" → {t.get('value') or '?'}⟧"))
    marks.sort(key=lambda m: (m[0], -m[1]))
    out, pos = [], 0
    for start, end, open_, close in marks:
        if start < pos:
            continue
        out.append(raw[pos:start])
        out.append(open_ + raw[start:end] + close)
        pos = end
    out.append(raw[pos:])
    lines.append("".join(out))
    return "\n".join(lines)


def entity_view(e: dict[str, Any]) -> str:
    lines = [f"{e['name']}  [{e['id']}]  {e.get('type') or ''}" + (f"  wikidata {e['wikidata']}" if e.get("wikidata") else "")]
    if e.get("lat") is not None:
        lines.append(f"coordinates: {e['lat']:.4f}, {e['lon']:.4f}  country: {e.get('country') or '?'}")
    seen = ", ".join(f"{s['text']} ({s['n']})" for s in e.get("surface_forms", []))
    lines.append(f"seen as: {seen or '-'}")
    lines.append(f"mentions: {e.get('mention_count', 0)} in {len(e.get('articles', []))} articles; "
                 f"first {e.get('first_seen') or '?'}, last {e.get('last_seen') or '?'}")
    for role in e.get("roles") or []:
        if isinstance(role, dict):
            lines.append(f"role: {role.get('role') or role.get('title') or role}  "
                         f"{role.get('start') or ''}–{role.get('end') or ''}")
    for r in e.get("learned_roles") or []:  # roles the articles themselves state
        org = f" ({r['organization_id']})" if r.get("organization_id") else ""
        lines.append(f"learned role: {r['role']}{org}  on {r.get('date') or '?'}  "
                     f"[{r['article_id']}:{r.get('sentence')}] {_one_line(r.get('text'), 60)}")
    for a in e.get("articles", []):
        lines.append(f"  #{a['id']:<4} {a.get('published') or '?':10} {a['mentions']}×  {_one_line(a.get('title'), 70)}")
    if e.get("co_occurring"):
        lines.append("with: " + ", ".join(f"{c['name']} ({c['articles']})" for c in e["co_occurring"]))
    return "\n".join(lines)


def _names(participants: list[Any]) -> str:
    out = []
    for p in participants or []:
        if isinstance(p, dict):
            role = p.get("role")
            out.append(p.get("name") or p.get("entity_id") + (f" ({role})" if role and role != "participant" else ""))
        else:
            out.append(str(p))
    return ", ".join(out)


def timeline_line(r: dict[str, Any], details: bool = False) -> str:
    """One line per storyline event: date (precision), PLOVER type, who, where, status, and its
    sources as ARTICLE:SENTENCE citations. ``details`` adds the evidence and disagreeing details."""
    date = r.get("date") or "undated"
    prec = r.get("date_precision") or "?"
    place = f" @ {r['place_name']}" if r.get("place_name") else ""
    status = f" [{r['status']}]" if r.get("status") and r["status"] != "held" else ""
    sources = r.get("sources", [])
    # two mentions in one sentence ("signed and ratified") are one source sentence
    sentences = list(dict.fromkeys(f"{s['article_id']}:{s['sentence']}" for s in sources))
    n_art = len({s["article_id"] for s in sources})
    who = _one_line(_names(r.get("participants")), 60)
    line = (f"{date:10} {prec:6} {r.get('plover') or '?':9} {r.get('type') or '':14} {who}{place}{status}"
            f"  ({len(sentences)} src/{n_art} art: {' '.join(sentences)})")
    if not details:
        return line
    lines = [line, f"{'':17}‹{_one_line((sources or [{}])[0].get('text'), 100)}›"]
    for name, values in (r.get("details") or {}).items():
        if isinstance(values, list) and len(values) > 1:
            lines.append(f"{'':17}{name} differs: " + " | ".join(
                f"{v[0] if isinstance(v, (list, tuple)) else v}" for v in values))
    return "\n".join(lines)


def folded_background(rows: list[dict[str, Any]]) -> str:
    """One line standing for the background events of a timeline (history the articles recall)."""
    years = sorted({(r.get("date") or "")[:4] for r in rows if r.get("date")})
    span = f" ({years[0]}–{years[-1]})" if len(years) > 1 else (f" ({years[0]})" if years else "")
    return f"▸ {len(rows)} background event{'s' if len(rows) != 1 else ''}{span} folded: dossier timeline --background"


def quote_line(q: dict[str, Any]) -> str:
    when = q.get("date") or q.get("article_published") or "?"
    who = q.get("speaker_name") or ("anonymous" + (f" ({q['affiliation']})" if q.get("affiliation") else "")
                                     if q.get("anonymous") else "unknown")
    mark = "«»" if q.get("kind") == "direct" else "~"
    return (f"{when:10} {who:22} {mark} {_one_line(q.get('text'), 90)}\n"
            f"           cue: {q.get('cue') or '-'}   source {q['article_id']}:{q.get('sentence')}")


def generic_block(r: dict[str, Any], indent: str = "") -> str:
    """A readable dump of a nested record (disputes, conflicts, positions)."""
    lines = []
    for k, v in r.items():
        if isinstance(v, dict):
            lines.append(f"{indent}{k}:")
            lines.append(generic_block(v, indent + "  "))
        elif isinstance(v, list):
            lines.append(f"{indent}{k}:")
            for item in v:
                if isinstance(item, dict):
                    lines.append(generic_block(item, indent + "  - "))
                else:
                    lines.append(f"{indent}  - {_one_line(str(item), 110)}")
        else:
            lines.append(f"{indent}{k}: {_one_line(str(v), 110)}")
    return "\n".join(lines) + ("\n" if not indent else "")


def _cite_of(item: dict[str, Any]) -> str:
    if item.get("article_id") is not None:
        return f"[{item['article_id']}:{item.get('sentence') if item.get('sentence') is not None else '?'}]"
    if item.get("key") is not None:
        return f"[{item['key']}]"
    return ""


def dispute_block(d: dict[str, Any]) -> str:
    lines = [f"{d.get('proposition')}   {d.get('summary') or ''}".rstrip()]
    for stance, items in (d.get("sides") or {}).items():
        for it in items:
            lines.append(f"  {stance:8} {it.get('claimant_name') or it.get('claimant_id') or 'unknown':32} "
                         f"{it.get('date') or '?':10} {_cite_of(it):8} «{_one_line(it.get('evidence'), 80)}»")
    return "\n".join(lines) + "\n"


def article_label(a: dict[str, Any] | None) -> str:
    """Who said it, when: the outlet (else the source file's name) and the publication day."""
    if not a:
        return ""
    who = a.get("outlet") or (str(a.get("source") or "").rstrip("/").rsplit("/", 1)[-1]) or "?"
    return f"{_one_line(who, 24)}, {str(a.get('published') or 'undated')[:10]}"


def conflict_block(c: dict[str, Any], articles: dict[str, dict[str, Any]] | None = None) -> str:
    """One conflict, each value with its sources: article id (and, given ``articles`` by id as a
    string, its outlet and day) and evidence."""
    head = f"{c.get('kind') or 'conflict'}: {c.get('summary') or c.get('subject')}"
    lines = [head]
    for v in c.get("values") or []:
        for src in v.get("sources") or []:
            key, evidence = (src[0], src[1]) if isinstance(src, (list, tuple)) and len(src) > 1 else (src, "")
            label = article_label((articles or {}).get(str(key)))
            where = f"article {key} ({label})" if label else f"article {key}"
            lines.append(f"  {str(v.get('value')):28} {where}  «{_one_line(evidence, 80)}»")
    if c.get("settled_by_kb"):
        lines.append(f"  settled by the knowledge base: {c['settled_by_kb']}")
    return "\n".join(lines) + "\n"


def position_line(p: dict[str, Any]) -> str:
    history = p.get("history") or []
    latest = history[-1] if history else {}
    moved = ""
    stances = [h.get("stance") for h in history]
    if len(set(stances)) > 1:
        moved = "  (moved: " + " → ".join(stances) + ")"
    return (f"{p.get('actor_name') or p.get('actor_id'):32} {p.get('issue'):20} {p.get('stance'):11} "
            f"{p.get('date') or '?':10} {_cite_of(latest):8} «{_one_line(latest.get('evidence'), 60)}»{moved}")
