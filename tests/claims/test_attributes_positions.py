"""Attributes stated in apposition, and actors' positions on the negotiation's issues."""
from __future__ import annotations

import pytest

from dossier.claims.component import ClaimsComponent
from dossier.claims.lexicon import load_issues
from dossier.errors import InputError

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text,entity,attribute,value", [
    ("Arrivé lundi, le gendre de Vladimir Poutine, Jared Kushner, a souri.", "kushner", "son-in-law of", "poutine"),
    ("Jared Kushner, gendre de Donald Trump, a rencontré les négociateurs.", "kushner", "son-in-law of", "trump"),
    ("Sergueï Lavrov, conseiller du président Vladimir Poutine, a parlé.", "lavrov", "adviser of", "poutine"),
    ("Le président russe Vladimir Poutine a reçu les émissaires.", "poutine", "position", "president russe"),
    ("Jeudi, Kiev a reçu un appel du secrétaire d'État Marco Rubio.", "rubio", "position", "secretaire d'etat"),
])
def test_attributes(annotate, text, entity, attribute, value):
    attrs = annotate(text)._.attributes
    match = [a for a in attrs if entity in a.entity_id and a.attribute == attribute]
    assert match, [(a.entity_id, a.attribute, a.value) for a in attrs]
    assert value in match[0].value
    assert text[match[0].start:match[0].end] == match[0].text


NATO_TEXT = ("Volodymyr Zelensky a redit que l'Ukraine réclame son entrée dans l'OTAN, une perspective "
             "que le Kremlin refuse et que Washington a écartée. Le président russe Vladimir Poutine "
             "rejette toute intégration de l'Ukraine à l'OTAN.")


def test_nato_positions_of_three_actors(annotate):
    doc = annotate(NATO_TEXT)
    nato = {p.actor_id: p.stance for p in doc._.positions if p.issue == "nato_membership"}
    assert len(nato) >= 3, nato

    def stance_of(word):
        return [stance for actor, stance in nato.items() if word in actor]

    assert stance_of("ukraine") == ["supports"]
    assert stance_of("kremlin") == ["opposes"]
    assert stance_of("washington") == ["opposes"]
    assert stance_of("poutine") == ["opposes"]
    for p in doc._.positions:
        assert doc.text[p.start:p.end] == p.text
        assert p.date == "2025-12-02"


@pytest.mark.parametrize("text,actor,issue,stance", [
    ("Kiev accepterait un cessez-le-feu à condition que des garanties de sécurité soient fournies.",
     "kiev", "ceasefire", "conditional"),
    ("Volodymyr Zelensky a juré qu'il ne céderait jamais de territoires à Moscou.",
     "zelensky", "territorial_concessions", "opposes"),
    ("Le Kremlin exige que Washington reconnaisse ces territoires comme russes.",
     "russia_government", "recognition_of_annexation", "supports"),
    ("Le chancelier allemand soutient de nouvelles sanctions contre Moscou.", "allemand", "sanctions", "supports"),
])
def test_position_stances(annotate, text, actor, issue, stance):
    found = [p for p in annotate(text)._.positions if p.issue == issue]
    assert found, [(p.actor_id, p.issue, p.stance) for p in annotate(text)._.positions]
    assert actor in found[0].actor_id
    assert found[0].stance == stance


def test_issue_added_by_user_file(tmp_path, claims_nlp, annotate):
    path = tmp_path / "issues.yaml"
    path.write_text("issues:\n  - id: grain_corridor\n    labels: {fr: corridor céréalier, en: grain corridor}\n"
                    "    keywords: [corridor cerealier, exportations de ble*]\n", encoding="utf-8")
    issues = load_issues(str(path))
    assert "grain_corridor" in {i.id for i in issues} and "nato_membership" in {i.id for i in issues}
    component = ClaimsComponent(claims_nlp, issues_file=str(path))
    doc = annotate("Ankara soutient le corridor céréalier en mer Noire.")
    doc._.positions = []
    doc._.claims = []
    doc._.attributes = []
    doc = component(doc)
    assert [(p.issue, p.stance) for p in doc._.positions] == [("grain_corridor", "supports")]


@pytest.mark.parametrize("content,reason", [
    ("issues: [{id: x}]\n", "needs an id and keywords"),
    ("- just a list\n", "mapping"),
    ("issues: [\n", "not valid YAML"),
])
def test_bad_issues_file(tmp_path, content, reason):
    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=reason):
        load_issues(str(path))


def test_his_country_holds_a_position_through_its_government(annotate):
    doc = annotate("Volodymyr Zelensky a répété lundi que son pays soutient une adhésion rapide à l'OTAN.")
    found = [p for p in doc._.positions if p.issue == "nato_membership"]
    assert found, [(p.actor_id, p.issue) for p in doc._.positions]
    assert {p.actor_id for p in found} <= {"ukrainian_government", "volodymyr_zelensky"}
    assert "ukraine" not in {p.actor_id for p in found}  # the place itself holds no position


@pytest.mark.parametrize("text", [
    "Le Kremlin a rejeté la responsabilité de l'échec du cessez-le-feu.",
    "Kiev refuse toute responsabilité dans la violation du cessez-le-feu.",
])
def test_a_stance_on_the_blame_is_no_stance_on_the_issue(annotate, text):
    assert not [p for p in annotate(text)._.positions if p.issue == "ceasefire"]


def test_a_stance_on_the_issue_itself_still_counts(annotate):
    found = [p for p in annotate("Le Kremlin a rejeté le cessez-le-feu.")._.positions if p.issue == "ceasefire"]
    assert [p.stance for p in found] == ["opposes"]


def _stances(doc, issue):
    return sorted((p.actor_id, p.stance) for p in doc._.positions if p.issue == issue)


@pytest.mark.parametrize("text,issue,stance", [
    ("Le Qatar réclame la libération de tous les otages.", "hostages", "supports"),
    ("Le Qatar refuse toute inspection de l'AIEA sur ses sites.", "inspections", "opposes"),
    ("Le Qatar soutient l'acheminement de l'aide dans la ville assiégée.", "humanitarian_access", "supports"),
    ("Le Qatar rejette tout désarmement de la milice.", "disarmament", "opposes"),
    ("Le Qatar exige un retrait complet des soldats étrangers.", "withdrawal_of_forces", "supports"),
    ("Le Qatar accepte la délimitation de la frontière commune.", "border_delimitation", "supports"),
    ("Le Qatar exclut toute révision constitutionnelle.", "constitutional_change", "opposes"),
])
def test_issues_of_other_negotiations(annotate, text, issue, stance):
    found = _stances(annotate(text), issue)
    assert [s for _, s in found] == [stance], found


def test_each_coordinated_actor_holds_the_position(annotate):
    found = _stances(annotate("La Turquie et la Grèce ont accepté jeudi une trêve de trois jours."), "ceasefire")
    assert [s for _, s in found] == ["supports", "supports"], found
    # this test pipeline has no knowledge base: actors are the local names
    assert {a for a, _ in found} == {"local:turquie", "local:grece"}, found


@pytest.mark.parametrize("text,stance", [
    ("Le gouvernement turc a déclaré que la Grèce devait modifier sa constitution.", "supports"),
    ("Le gouvernement turc a déclaré que la Grèce ne devait pas modifier sa constitution.", "opposes"),
])
def test_an_obligation_in_a_reported_clause_is_the_speakers_demand(annotate, text, stance):
    found = _stances(annotate(text), "constitutional_change")
    assert len(found) == 1 and found[0][1] == stance and "gre" not in found[0][0], found


def test_an_intent_imputed_by_another_is_no_position(annotate):
    doc = annotate("Le Qatar accuse le président turc de vouloir sacrifier les otages.")
    assert _stances(doc, "hostages") == []
    # the same words as the actor's own: a position
    assert [s for _, s in _stances(annotate("Le président turc veut sacrifier les otages."), "hostages")] == ["supports"]


def test_issues_file_from_the_environment(tmp_path, monkeypatch):
    from dossier.config import Settings

    path = tmp_path / "issues.yaml"
    path.write_text("issues:\n  - id: grain_corridor\n    keywords: [corridor cerealier]\n", encoding="utf-8")
    monkeypatch.setenv("DOSSIER_ISSUES", str(path))
    assert Settings().issues_file == str(path)
    assert "grain_corridor" in {i.id for i in load_issues(Settings().issues_file)}
    monkeypatch.delenv("DOSSIER_ISSUES")
    assert Settings().issues_file is None
