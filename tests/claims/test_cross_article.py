"""Disputes, conflicts and the positions matrix across articles."""
from __future__ import annotations

import pytest

from dossier.claims import find_conflicts, find_disputes, positions_matrix
from dossier.claims.lexicon import fold, load_issues
from dossier.models import Article, ArticleRecords, Attribute, Claim, Position


def _claim(prop: str, who: str, stance: str, date: str, text: str = "…") -> Claim:
    predicate, args = prop.split("(")[0], prop[prop.index("(") + 1:-1].split(",")
    return Claim(start=0, end=len(text), text=text, predicate=predicate, arguments=args, proposition=prop,
                 claimant_id=who, claimant_name=who, stance=stance, date=date)


def _records(text: str = "x", **lists) -> ArticleRecords:
    return ArticleRecords(article=Article(raw_text=text), clean_text=text, boilerplate=[], **lists)


def test_dispute_sides_and_evolution():
    items = [
        ("a1", _claim("CONTROLS(russia,lyman)", "russian_government", "asserts", "2025-11-01")),
        ("a2", _claim("CONTROLS(russia,lyman)", "armed_forces_of_ukraine", "denies", "2025-11-02")),
        ("a3", _claim("CONTROLS(russia,lyman)", "isw", "confirms", "2025-11-20")),
        ("a3", _claim("CONTROLS(russia,siversk)", "russian_government", "asserts", "2025-11-20")),
        ("a1", _claim("SAYS(x,1234abcd)", "x", "denies", "2025-11-01")),
    ]
    disputes = find_disputes(items)
    assert [d.proposition for d in disputes] == ["CONTROLS(russia,lyman)"]
    d = disputes[0]
    assert d.claimants == {"asserts": ["isw", "russian_government"], "denies": ["armed_forces_of_ukraine"]}
    assert [r.date for r in d.sides["asserts"]] == ["2025-11-20", "2025-11-01"]  # newest first
    assert d.summary == "asserted -> denied -> confirmed"
    assert d.articles == ["a1", "a2", "a3"]
    assert (d.sides["denies"][0].key, d.sides["denies"][0].index) == ("a2", 1)


def test_value_predicates_conflict_on_their_value():
    items = [
        ("a", _claim("EVALUATES(talks@2025-12,productive)", "kirill_dmitriev", "asserts", "2025-12-02")),
        ("b", _claim("EVALUATES(talks@2025-12,no_progress)", "yuri_ushakov", "asserts", "2025-12-03")),
        ("b", _claim("EVALUATES(talks@2025-02,productive)", "donald_trump", "asserts", "2025-02-12")),
    ]
    disputes = find_disputes(items)
    assert len(disputes) == 1 and disputes[0].proposition == "EVALUATES(talks@2025-12)"
    assert set(disputes[0].sides) == {"productive", "no_progress"}


def test_a_claim_that_names_no_holder_joins_the_one_named():
    items = [
        ("a", _claim("CONTROLS(rapid_support_forces,el_fasher)", "rapid_support_forces", "asserts", "2025-10-26")),
        ("b", _claim("CONTROLS(unknown,el_fasher)", "local:comite", "denies", "2025-10-27")),
        ("c", _claim("CONTROLS(unknown,babanusa)", "local:comite", "denies", "2025-10-27")),
    ]
    disputes = find_disputes(items)
    assert [(d.proposition, d.articles) for d in disputes] == [("CONTROLS(rapid_support_forces,el_fasher)", ["a", "b"])]
    assert d_sides(disputes[0]) == {"asserts": ["a"], "denies": ["b"]}


def test_two_holders_named_stay_two_propositions():
    items = [
        ("a", _claim("CONTROLS(russia,kursk_oblast)", "dmitry_peskov", "asserts", "2025-03-13")),
        ("b", _claim("CONTROLS(ukraine,kursk_oblast)", "ukrainian_government", "asserts", "2025-03-13")),
        ("c", _claim("CONTROLS(unknown,kursk_oblast)", "isw", "denies", "2025-03-14")),
    ]
    assert find_disputes(items) == []  # no side of either is denied by name


def test_a_casualty_figure_about_the_war_joins_the_place_of_the_same_day():
    items = [
        ("a", _claim("CASUALTIES(war,120)", "local:protection_civile", "asserts", "2025-05-02")),
        ("b", _claim("CASUALTIES(kharkiv,135)", "local:mairie", "asserts", "2025-05-02")),
        ("b", _claim("CASUALTIES(odesa,4)", "local:mairie", "asserts", "2025-05-02")),
        ("c", _claim("CASUALTIES(war,90000)", "united_nations", "asserts", "2024-01-10")),
    ]
    disputes = find_disputes(items)
    assert disputes == []  # two places that day: the generic figure cannot tell which
    disputes = find_disputes(items[:2] + items[3:])
    assert [(d.proposition, sorted(d.sides)) for d in disputes] == [("CASUALTIES(kharkiv)", ["120", "135"])]


def test_a_denial_linked_to_the_claim_it_answers_takes_its_key():
    claim = _claim("CONTROLS(russia,lyman)", "russian_government", "asserts", "2025-11-01")
    denial = _claim("SAYS(armed_forces_of_ukraine,1a2b3c4d)", "armed_forces_of_ukraine", "denies", "2025-11-01")
    denial.predicate = "OTHER"
    denial.denies = "CONTROLS(russia,lyman)"  # the claims stage's link: the proposition it contradicts
    disputes = find_disputes([("a", claim), ("b", denial)])
    assert [(d.proposition, d_sides(d)) for d in disputes] == [("CONTROLS(russia,lyman)", {"asserts": ["a"], "denies": ["b"]})]
    denial.denies = None  # without the link, free-text content shares no key with the claim
    assert find_disputes([("a", claim), ("b", denial)]) == []


def d_sides(dispute):
    return {side: sorted(r.key for r in refs) for side, refs in dispute.sides.items()}


@pytest.mark.slow
def test_dispute_across_two_invented_articles(annotate):
    one = annotate("L'armée russe a annoncé lundi la prise de Lyman.", "2025-12-01")
    two = annotate("L'armée ukrainienne assure que les combats continuent à Lyman.", "2025-12-02")
    items = [("one", c) for c in one._.claims] + [("two", c) for c in two._.claims]
    disputes = [d for d in find_disputes(items) if d.proposition == "CONTROLS(russia,lyman)"]
    assert disputes, [c.proposition for _, c in items]
    assert disputes[0].articles == ["one", "two"]
    assert disputes[0].summary == "asserted -> denied"


def _attr(entity: str, attribute: str, value: str, text: str) -> Attribute:
    return Attribute(start=0, end=len(text), text=text, entity_id=entity, attribute=attribute, value=value)


@pytest.mark.parametrize("kb", [None, {}])
def test_relation_conflict_settled_by_facts(kb):
    items = [
        ("a", _records(attributes=[_attr("jared_kushner", "son-in-law of", "donald_trump", "gendre de Trump")])),
        ("b", _records(attributes=[_attr("local:jared_kushner", "son-in-law of", "local:poutine", "gendre de Poutine")])),
        ("c", _records(attributes=[_attr("local:kushner", "son-in-law of", "local:trump", "gendre de M. Trump")])),
    ]
    conflicts = [c for c in find_conflicts(items, kb=kb) if c.kind == "relation"]
    assert len(conflicts) == 1
    c = conflicts[0]
    assert (c.subject, c.attribute) == ("jared_kushner", "son-in-law of")
    assert {v.value for v in c.values} == {"donald_trump", "vladimir_putin"}
    assert c.settled_by_kb == "donald_trump"
    assert c.articles == ["a", "b", "c"]
    trump = next(v for v in c.values if v.value == "donald_trump")
    assert trump.sources == [("a", "gendre de Trump"), ("c", "gendre de M. Trump")]


def test_title_conflict_and_no_conflict_for_compatible_titles():
    items = [
        ("a", _records(attributes=[_attr("vladimir_putin", "position", "president russe", "le président russe")])),
        ("b", _records(attributes=[_attr("vladimir_putin", "position", "president ukrainien", "le président ukrainien"),
                                   _attr("vladimir_putin", "position", "chef du kremlin", "le chef du Kremlin")])),
    ]
    titles = [c for c in find_conflicts(items) if c.kind == "title"]
    assert len(titles) == 1
    assert {v.value for v in titles[0].values} == {"president russe", "president ukrainien"}
    assert titles[0].settled_by_kb == "president russe"


def test_disputes_and_positions_are_conflicts_too():
    claims_a = [_claim("CONTROLS(russia,lyman)", "russian_government", "asserts", "2025-11-01")]
    claims_b = [_claim("CONTROLS(russia,lyman)", "armed_forces_of_ukraine", "denies", "2025-11-02")]
    pos = [Position("ukraine", "Ukraine", "nato_membership", "supports", 0, 1, "x", "2025-12-02"),
           Position("russia", "Russie", "nato_membership", "opposes", 0, 1, "y", "2025-12-02")]
    conflicts = find_conflicts([("a", _records(claims=claims_a, positions=pos[:1])),
                                ("b", _records(claims=claims_b, positions=pos[1:]))])
    kinds = {(c.kind, c.subject) for c in conflicts}
    assert ("dispute", "CONTROLS(russia,lyman)") in kinds
    assert ("position", "nato_membership") in kinds
    # each names what it is about: the dispute its arguments and claimants, the position its actors
    about = {c.kind: set(c.entities) for c in conflicts}
    assert {"russia", "lyman", "russian_government", "armed_forces_of_ukraine"} <= about["dispute"]
    assert about["position"] == {"ukraine", "russia"}


def test_positions_matrix_latest_stance_and_history():
    items = [
        ("a", Position("donald_trump", "Trump", "nato_membership", "unclear", 0, 1, "a", "2025-01-20")),
        ("b", Position("donald_trump", "Trump", "nato_membership", "opposes", 0, 1, "b", "2025-12-02")),
        ("c", Position("russia", "Russie", "nato_membership", "opposes", 0, 1, "c", "2025-12-01")),
        ("d", Position("donald_trump", "Trump", "sanctions", "supports", 0, 1, "d", None)),
    ]
    m = positions_matrix(items)
    cell = m["donald_trump"]["nato_membership"]
    assert (cell["stance"], cell["date"]) == ("opposes", "2025-12-02")
    assert [h["key"] for h in cell["history"]] == ["a", "b"]
    assert set(m) == {"donald_trump", "russia"}
    assert m["donald_trump"]["sanctions"]["stance"] == "supports"


def test_positions_matrix_dates_a_stance_by_when_it_was_said():
    """A stance stated in 2025 about the borders of 2014 is a 2025 stance: the matrix orders and
    dates by ``said``; the sentence's own time stays as ``about``."""
    items = [
        ("a", Position("us", "USA", "nato_membership", "opposes", 0, 1, "a", "2014", said="2025-02-12")),
        ("b", Position("us", "USA", "nato_membership", "unclear", 0, 1, "b", "2024-06-01", said="2024-06-01")),
    ]
    cell = positions_matrix(items)["us"]["nato_membership"]
    assert (cell["stance"], cell["date"]) == ("opposes", "2025-02-12")
    assert [h["key"] for h in cell["history"]] == ["b", "a"]
    assert cell["history"][1]["about"] == "2014" and "about" not in cell["history"][0]


@pytest.mark.parametrize("keyword_text,issue,hit", [
    ("l'adhésion de l'Ukraine à l'OTAN", "nato_membership", True),
    ("L’adhésion de la Géorgie à l’Otan", "nato_membership", True),
    ("les pays membres de l'Otan", "nato_membership", False),
    ("un cessez-le-feu de deux semaines", "ceasefire", True),
    ("des garanties de sécurité", "security_guarantees", True),
    ("il ne cédera jamais de territoires", "territorial_concessions", True),
    ("la sécurité de l'Europe", "security_guarantees", False),
])
def test_issue_keywords(keyword_text, issue, hit):
    patterns = next(i for i in load_issues() if i.id == issue).patterns
    assert any(p.search(fold(keyword_text)) for p in patterns) is hit
