"""The selectiewijzer makes the choices experienced facilitators agree on, and says why."""

from __future__ import annotations

import pytest

from intervisie_kit.content import load
from intervisie_kit.content.models import Experience, Focus, Material, QuestionType, Trust
from intervisie_kit.selector import Group, Question, Situation, recommend

E, T, Q = Experience, Trust, QuestionType
ROOM = frozenset({Material.PAPER, Material.POST_ITS, Material.FLIPCHART})


@pytest.fixture(scope="module")
def methods():  # type: ignore[no-untyped-def]
    return list(load(include_env=False).methods.values())


def top(methods, group, question, situation, n: int = 1) -> list[str]:  # type: ignore[no-untyped-def]
    return recommend(methods, group, question, situation).ids()[:n]


def test_still_vague_question_gets_tienstappen_or_short_socratic(methods) -> None:  # type: ignore[no-untyped-def]
    group = Group(6, E.SOME, T.MEDIUM, E.SOME)
    question = Question(Q.OWN_BEHAVIOUR, vague=True)
    assert top(methods, group, question, Situation(150, materials=ROOM))[0] in {"tienstappenmethode", "socratisch-kort"}
    # With an hour only, the ten steps do not fit; the short Socratic form does.
    assert top(methods, group, question, Situation(60, materials=ROOM))[0] == "socratisch-kort"


def test_new_group_with_a_concrete_incident_gets_the_incident_method(methods) -> None:  # type: ignore[no-untyped-def]
    group = Group(6, E.NEW, T.LOW, E.NEW)
    question = Question(Q.OWN_BEHAVIOUR, Focus.BOVENSTROOM, concrete_incident=True)
    assert top(methods, group, question, Situation(60, materials=ROOM)) == ["incidentmethode"]


def test_relational_emotional_case_in_an_experienced_group_gets_balint(methods) -> None:  # type: ignore[no-untyped-def]
    group = Group(7, E.EXPERIENCED, T.HIGH, E.SOME)
    question = Question(Q.OTHER_PERSON, Focus.ONDERSTROOM, emotional=True)
    assert top(methods, group, question, Situation(90, materials=ROOM)) == ["balintmethode"]


def test_a_success_gets_appreciative_intervisie(methods) -> None:  # type: ignore[no-untyped-def]
    group = Group(6, E.SOME, T.MEDIUM, E.SOME)
    assert top(methods, group, Question(Q.SUCCESS), Situation(60, materials=ROOM)) == ["waarderende-intervisie"]


def test_how_do_i_say_this_gets_the_clinic(methods) -> None:  # type: ignore[no-untyped-def]
    group = Group(6, E.SOME, T.MEDIUM, E.SOME)
    question = Question(Q.OWN_BEHAVIOUR, Focus.BOVENSTROOM, practise=True)
    room = ROOM | {Material.ROOM_TO_MOVE}
    assert top(methods, group, question, Situation(60, materials=room)) == ["clinic"]


def test_a_values_dilemma_gets_socratic_or_dynamic_judgement(methods) -> None:  # type: ignore[no-untyped-def]
    group = Group(6, E.SOME, T.MEDIUM, E.SOME)
    question = Question(Q.DILEMMA, Focus.ONDERSTROOM)
    first = top(methods, group, question, Situation(90, materials=ROOM))[0]
    assert first in {"socratisch-gesprek", "socratisch-kort", "dynamische-oordeelsvorming"}
    # An experienced facilitator with time and preparation may hold the full Socratic dialogue.
    expert = Group(6, E.EXPERIENCED, T.HIGH, E.EXPERIENCED)
    long = Situation(180, preparation=True, materials=ROOM)
    assert "socratisch-gesprek" in top(methods, expert, question, long, 3)


def ruled_out(methods, group, question, situation) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    rec = recommend(methods, group, question, situation)
    return {r.method.id: [x.code for x in r.reasons] for r in rec.ruled_out}


def test_gossip_method_is_ruled_out_for_a_new_low_trust_group(methods) -> None:  # type: ignore[no-untyped-def]
    out = ruled_out(methods, Group(6, E.NEW, T.LOW), Question(Q.OWN_BEHAVIOUR), Situation(90, materials=ROOM))
    assert "trust_missing" in out["roddelmethode"]


def test_a_long_method_is_ruled_out_in_45_minutes(methods) -> None:  # type: ignore[no-untyped-def]
    out = ruled_out(methods, Group(6), Question(Q.OWN_BEHAVIOUR, vague=True), Situation(45, materials=ROOM))
    assert "too_long" in out["tienstappenmethode"]
    long_ones = [m.id for m in methods if m.total_minutes >= 120]
    assert long_ones and all("too_long" in out[m] for m in long_ones)


def test_balint_is_ruled_out_with_three_people(methods) -> None:  # type: ignore[no-untyped-def]
    out = ruled_out(methods, Group(3, E.EXPERIENCED, T.HIGH), Question(Q.OTHER_PERSON), Situation(120, materials=ROOM))
    assert "too_few" in out["balintmethode"]


def test_every_method_is_ranked_or_ruled_out_with_reasons_in_both_languages(methods) -> None:  # type: ignore[no-untyped-def]
    rec = recommend(methods, Group(5, E.NEW, T.LOW), Question(Q.KNOWLEDGE), Situation(60, online=True))
    assert {r.method.id for r in rec.ranked} | {r.method.id for r in rec.ruled_out} == {m.id for m in methods}
    for item in rec.ranked:
        assert item.fits or item.lower
        for reason in (*item.fits, *item.lower):
            assert reason.text("nl") and reason.text("en") and reason.text("nl") != reason.text("en")
    for item in rec.ruled_out:
        assert all(r.text("nl") for r in item.reasons)


def test_deterministic(methods) -> None:  # type: ignore[no-untyped-def]
    args = (Group(6), Question(Q.OTHER_PERSON, emotional=True), Situation(90, materials=ROOM))
    assert recommend(methods, *args) == recommend(list(reversed(methods)), *args)


def test_a_30_minute_slot_gets_at_least_one_recommendation(methods) -> None:  # type: ignore[no-untyped-def]
    # A team meeting often has half an hour to spare: the short formats must be offered, not ruled out.
    from intervisie_kit.selector import TIME_STRETCH

    for question in (Question(Q.OWN_BEHAVIOUR), Question(Q.KNOWLEDGE, Focus.BOVENSTROOM), Question(Q.OTHER_PERSON)):
        for group in (Group(6), Group(4, E.NEW, T.LOW, E.NEW)):
            rec = recommend(methods, group, question, Situation(30))
            assert rec.ranked, (question, group)
            assert all(r.method.total_minutes <= 30 * TIME_STRETCH for r in rec.ranked)
