"""The built-in catalogue: 25+ complete methods, each taught through a worked example, and 30+ cases,
two or more for every theme groups bring, across sectors."""

from __future__ import annotations

from collections import Counter

import pytest

from intervisie_kit.content import load
from intervisie_kit.content.models import Contribution, Method, Sector, Theme

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
