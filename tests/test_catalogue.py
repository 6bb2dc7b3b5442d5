"""The built-in catalogue: 25+ complete methods, each taught through a worked example, and 30+ cases,
two or more for every theme groups bring, across sectors."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from pydantic import BaseModel

from intervisie_kit.content import load
from intervisie_kit.content.models import Contribution, Method, Sector, Text, Theme

CONTENT = load(include_env=False)
METHODS = sorted(CONTENT.methods.values(), key=lambda m: m.id)

REQUIRED = {
    "basismodel", "incidentmethode", "probleemoplossende-methode", "vijfstappenmethode", "tienstappenmethode",
    "balintmethode", "roddelmethode", "clinic", "socratisch-gesprek", "socratisch-kort", "denkvragen",
    "reflecting-team", "oplossingsgerichte-intervisie", "waarderende-intervisie", "kernkwadranten",
    "ladder-van-argyris", "ijsbergmodel", "logische-niveaus", "ret-abc", "korthagen-alact", "leercirkel",
    "action-learning", "dynamische-oordeelsvorming", "the-work", "metaforen-beeldkaarten", "stralend-falen",
}  # fmt: skip


def test_at_least_25_methods_including_the_required_ones() -> None:
    assert len(CONTENT.methods) >= 25
    assert set(CONTENT.methods) >= REQUIRED, sorted(REQUIRED - set(CONTENT.methods))


@pytest.mark.parametrize("method", METHODS, ids=lambda m: m.id)
def test_method_is_complete(method: Method) -> None:
    assert method.name.en and method.summary.en
    assert sum(p.minutes for p in method.phases) == method.total_minutes
    for phase in method.phases:
        assert phase.name.en and phase.prompt.nl and phase.speakers and phase.allowed
    assert method.pitfalls, "typical pitfalls"
    assert method.materials or method.needs == ()
    assert method.sources and method.question_types and method.focus


@pytest.mark.parametrize("method", METHODS, ids=lambda m: m.id)
def test_question_rounds_never_allow_advice(method: Method) -> None:
    for phase in method.phases:
        if Contribution.OPEN_QUESTION in phase.allowed and Contribution.ADVICE in phase.allowed:
            pytest.fail(f"{method.id}: phase {phase.id} allows both questions and advice")


@pytest.mark.parametrize("method", METHODS, ids=lambda m: m.id)
def test_worked_example_plays_every_phase_with_a_mistake_and_an_outcome(method: Method) -> None:
    example = method.worked_example
    assert example is not None, "every method is taught through a worked example"
    assert example.case in CONTENT.cases
    assert [s.phase for s in example.steps] == [p.id for p in method.phases]
    mistakes = [t for s in example.steps for t in s.turns if t.mistake]
    assert mistakes and all(t.intervention for t in mistakes)
    assert any(s.ask_yourself for s in example.steps), "a 'what would you ask now?' moment"
    assert example.outcome.nl
    busiest = max(len(s.turns) for s in example.steps)
    assert 3 <= busiest <= 8


def test_at_least_30_cases_two_per_theme_and_five_sectors() -> None:
    cases = CONTENT.cases.values()
    assert len(CONTENT.cases) >= 30
    per_theme = Counter(c.theme for c in cases)
    thin = sorted(t.value for t in set(Theme) - {Theme.OVERIG} if per_theme[t] < 2)
    assert not thin, thin
    assert len({c.sector for c in cases} - {Sector.OVERIG}) >= 5


def test_ethical_dilemmas_have_their_own_theme() -> None:
    # a case that weighs a duty against a value is an ethical dilemma, not "spanningen"
    for case_id in ("besluit-over-melding", "zorgplicht-of-autonomie", "een-eerlijke-referentie"):
        assert CONTENT.cases[case_id].theme is Theme.ETHISCHE_DILEMMAS, case_id


def test_cases_are_complete_and_fictional() -> None:
    for case in CONTENT.cases.values():
        assert case.title.en, case.id
        assert 80 <= len(case.story.nl.split()) <= 400, case.id
        assert case.question.nl.rstrip().endswith("?"), case.id
        assert case.methods, case.id


def test_the_methods_a_trainer_expects_and_at_least_three_short_formats() -> None:
    expected = {
        "dramadriehoek", "zes-denkhoeden", "tafelopstelling", "narratieve-methode", "helpende-vragen-kaarten",
        "johari-feedback",
    }  # fmt: skip
    assert len(CONTENT.methods) >= 36
    assert expected <= set(CONTENT.methods), sorted(expected - set(CONTENT.methods))
    short = [m for m in METHODS if m.total_minutes <= 30]
    assert len(short) >= 3, [m.id for m in short]
    assert all(m.worked_example is not None for m in short)


@pytest.mark.parametrize("method", METHODS, ids=lambda m: m.id)
def test_every_method_says_briefly_what_it_is_not_for(method: Method) -> None:
    for lang in ("nl", "en"):
        text = method.not_for.get(lang)
        sentences = re.findall(r"[.!?](?:\s|$)", text)
        assert 1 <= len(sentences) <= 3, f"{lang}: 1-3 sentences, got {len(sentences)}"
    assert method.not_for.en != method.not_for.nl
    assert len(set(method.not_for_when)) == len(method.not_for_when)


@pytest.mark.parametrize("method", METHODS, ids=lambda m: m.id)
def test_sources_are_named_not_marked_unverified(method: Method) -> None:
    texts = [*method.sources, method.origin.nl, method.origin.en or ""]
    assert not [t for t in texts if re.search(r"niet geverifieerd|unverified|niet bevestigd|unconfirmed", t, re.I)]


def test_incidentmethode_credits_pigors_and_lets_the_group_hear_what_the_inbrenger_did() -> None:
    method = CONTENT.methods["incidentmethode"]
    assert "Pigors" in method.origin.nl and "Hendriksen" in method.origin.nl
    assert any("Pigors" in s for s in method.sources)
    order = [p.id for p in method.phases]
    told = method.phase("werkelijk")
    assert order.index("oplossingen") < order.index("werkelijk") < order.index("keuze")
    assert "inbrenger" in told.speakers and Contribution.STORY in told.allowed
    step = next(s for s in method.worked_example.steps if s.phase == "werkelijk")  # type: ignore[union-attr]
    assert step.inbrenger is not None and step.inbrenger.en


def _dutch(node: object) -> list[str]:
    """Every Dutch text in a content model (the ``nl`` of each Text, wherever it sits)."""
    if isinstance(node, Text):
        return [node.nl]
    if isinstance(node, BaseModel):
        return [t for name in type(node).model_fields for t in _dutch(getattr(node, name))]
    if isinstance(node, tuple):
        return [t for item in node for t in _dutch(item)]
    return []


@pytest.mark.parametrize(
    "item",
    [*METHODS, *sorted(CONTENT.exercises.values(), key=lambda x: x.id)],
    ids=lambda x: x.id,
)
def test_dutch_texts_use_the_usual_dutch_word(item: BaseModel) -> None:
    """'Nagaan', not 'checken': an anglicism where Dutch has the usual word."""
    found = [t for t in _dutch(item) if re.search(r"\b(ge)?check(en|t|te|ten)?\b(?!-)", t, re.I)]
    assert not found, found
