"""The selectiewijzer makes the choices experienced facilitators agree on, and says why."""

from __future__ import annotations

import pytest

from intervisie_kit.content import load
from intervisie_kit.content.models import Experience, Focus, Material, NotForWhen, QuestionType, Trust
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


def lower_texts(methods, group, question, situation, method_id: str, lang: str = "nl") -> list[str]:  # type: ignore[no-untyped-def]
    rec = recommend(methods, group, question, situation)
    return [r.text(lang) for item in rec.ranked if item.method.id == method_id for r in item.lower]


def test_what_a_method_is_not_for_is_a_reason_when_the_form_matches(methods) -> None:  # type: ignore[no-untyped-def]
    incident = next(m for m in methods if m.id == "incidentmethode")
    assert "vague_question" in incident.not_for_when
    group, room = Group(6, E.NEW, T.LOW, E.NEW), Situation(60, materials=ROOM)
    vague = lower_texts(methods, group, Question(Q.OWN_BEHAVIOUR, vague=True), room, "incidentmethode")
    assert incident.not_for.nl in vague
    english = lower_texts(methods, group, Question(Q.OWN_BEHAVIOUR, vague=True), room, "incidentmethode", "en")
    assert incident.not_for.en in english
    clear = lower_texts(methods, group, Question(Q.OWN_BEHAVIOUR, concrete_incident=True), room, "incidentmethode")
    assert incident.not_for.nl not in clear


def test_not_for_costs_a_method_its_place(methods) -> None:  # type: ignore[no-untyped-def]
    """The same method without its not_for_when ranks higher: the reason weighs, it is not only shown."""
    from intervisie_kit.selector import NOT_FOR_WEIGHT

    group, room = Group(6, E.SOME, T.MEDIUM, E.SOME), Situation(60, materials=ROOM)
    question = Question(Q.OWN_BEHAVIOUR, emotional=True)
    method = next(m for m in methods if m.id == "stralend-falen")
    plain = method.model_copy(update={"not_for_when": ()})
    scored = {r.method.not_for_when: r.score for r in recommend([method, plain], group, question, room).ranked}
    assert scored[()] - scored[method.not_for_when] == NOT_FOR_WEIGHT


@pytest.mark.parametrize(
    ("condition", "group", "question", "situation"),
    [
        ("new_group", Group(6, E.NEW, T.MEDIUM), Question(Q.OWN_BEHAVIOUR), Situation(90)),
        ("low_trust", Group(6, E.SOME, T.LOW), Question(Q.OWN_BEHAVIOUR), Situation(90)),
        ("high_emotion", Group(6), Question(Q.OWN_BEHAVIOUR, emotional=True), Situation(90)),
        ("vague_question", Group(6), Question(Q.OWN_BEHAVIOUR, vague=True), Situation(90)),
        ("online", Group(6), Question(Q.OWN_BEHAVIOUR), Situation(90, online=True)),
    ],
)
def test_every_not_for_condition_reads_the_form(methods, condition, group, question, situation) -> None:  # type: ignore[no-untyped-def]
    method = next(m for m in methods if m.id == "basismodel")
    probe = method.model_copy(update={"not_for_when": (NotForWhen(condition),)})
    other = method.model_copy(update={"not_for_when": tuple(c for c in NotForWhen if c.value != condition)})
    assert [r.code for r in recommend([probe], group, question, situation).ranked[0].lower].count("not_for") == 1
    assert "not_for" not in [r.code for r in recommend([other], group, question, situation).ranked[0].lower]


def test_a_30_minute_slot_gets_at_least_one_recommendation(methods) -> None:  # type: ignore[no-untyped-def]
    # A team meeting often has half an hour to spare: the short formats must be offered, not ruled out.
    from intervisie_kit.selector import TIME_STRETCH

    for question in (Question(Q.OWN_BEHAVIOUR), Question(Q.KNOWLEDGE, Focus.BOVENSTROOM), Question(Q.OTHER_PERSON)):
        for group in (Group(6), Group(4, E.NEW, T.LOW, E.NEW)):
            rec = recommend(methods, group, question, Situation(30))
            assert rec.ranked, (question, group)
            assert all(r.method.total_minutes <= 30 * TIME_STRETCH for r in rec.ranked)


def test_with_an_hour_a_full_method_ranks_above_the_short_formats(methods) -> None:  # type: ignore[no-untyped-def]
    from intervisie_kit.selector import SHORT_FORMAT_MINUTES

    rec = recommend(methods, Group(6), Question(Q.KNOWLEDGE, Focus.BOVENSTROOM), Situation(60, materials=ROOM))
    assert rec.ranked[0].method.total_minutes > SHORT_FORMAT_MINUTES
    short = [r for r in rec.ranked if r.method.total_minutes <= SHORT_FORMAT_MINUTES]
    assert short and all("time_short" in [x.code for x in r.lower] for r in short)
    # In a half-hour slot only a format that fills at most half of it carries the reason.
    rec = recommend(methods, Group(6), Question(Q.KNOWLEDGE, Focus.BOVENSTROOM), Situation(30))
    for r in rec.ranked:
        assert ("time_short" in [x.code for x in r.lower]) == (r.method.total_minutes <= 15)


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
