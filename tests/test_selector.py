"""The selectiewijzer makes the choices experienced facilitators agree on, and says why."""

from __future__ import annotations

import pytest

from intervisie_kit.content import load
from intervisie_kit.content.models import Experience, Focus, Material, QuestionType, Trust
from intervisie_kit.selector import BEST_MAX_LOWER, Group, Question, Situation, Tier, recommend, shortened_phases

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


def test_no_method_with_several_caveats_sits_above_one_without(methods) -> None:  # type: ignore[no-untyped-def]
    # Many combinations of the form: in the ranked order, the number of reasons to rank lower never drops
    # from two or more to fewer within the best group, and every best method comes before every caveat.
    for kind in Q:
        for experience in E:
            for emotional in (False, True):
                rec = recommend(
                    methods, Group(6, experience, T.MEDIUM), Question(kind, emotional=emotional), Situation(60)
                )
                tiers = [r.tier for r in rec.ranked]
                assert tiers == sorted(tiers, key=[Tier.BEST, Tier.SHORTEN, Tier.CAVEATS].index)
                for item in rec.tier(Tier.BEST):
                    assert len(item.lower) <= BEST_MAX_LOWER, item.method.id
                for item in rec.tier(Tier.CAVEATS):
                    assert len([r for r in item.lower if r.code != "time_tight"]) > BEST_MAX_LOWER
                caveats = [len(r.lower) for r in rec.tier(Tier.CAVEATS)]
                assert caveats == sorted(caveats)


def test_strong_emotions_change_the_reasons_where_it_matters(methods) -> None:  # type: ignore[no-untyped-def]
    group, situation = Group(6, E.SOME, T.MEDIUM), Situation(90, materials=ROOM | {Material.PICTURE_CARDS})
    calm = recommend(methods, group, Question(Q.OTHER_PERSON), situation)
    moved = recommend(methods, group, Question(Q.OTHER_PERSON, emotional=True), situation)

    def codes(rec, method_id: str) -> set[str]:  # type: ignore[no-untyped-def]
        item = next(r for r in rec.ranked if r.method.id == method_id)
        return {x.code for x in (*item.fits, *item.lower)}

    # A method made to hold strong feelings says so; one that works on behaviour only ranks lower.
    assert "emotion_fit" in codes(moved, "metaforen-beeldkaarten") - codes(calm, "metaforen-beeldkaarten")
    assert "emotion_other" in codes(moved, "probleemoplossende-methode")
    assert "emotion_other" not in codes(calm, "probleemoplossende-methode")
    assert moved.ids().index("metaforen-beeldkaarten") < calm.ids().index("metaforen-beeldkaarten")
    assert moved.ids().index("probleemoplossende-methode") > calm.ids().index("probleemoplossende-methode")


def test_a_method_ideal_but_a_little_too_long_is_offered_with_shorter_rounds(methods) -> None:  # type: ignore[no-untyped-def]
    group = Group(7, E.EXPERIENCED, T.HIGH, E.SOME)
    question = Question(Q.OTHER_PERSON, Focus.ONDERSTROOM, emotional=True)
    rec = recommend(methods, group, question, Situation(75, materials=ROOM))  # Balint takes 90
    balint = next(r for r in rec.ranked if r.method.id == "balintmethode")
    assert balint.tier is Tier.SHORTEN
    assert "time_tight" in {r.code for r in balint.lower}
    shortened = shortened_phases(balint.method, 75)
    assert sum(new for _, new in shortened) == 75
    assert all(1 <= new <= phase.minutes for phase, new in shortened)
    # A quarter too long at most: in an hour, 90 minutes is too long.
    rec = recommend(methods, group, question, Situation(60, materials=ROOM))
    assert "balintmethode" in {r.method.id for r in rec.ruled_out}
