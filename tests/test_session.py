"""The live session's state machine, driven by a fake clock: no test sleeps."""

from __future__ import annotations

import math

import pytest

from intervisie_kit.content import load
from intervisie_kit.content.models import Contribution, Mistake
from intervisie_kit.session import (
    Roles,
    Session,
    SessionError,
    Status,
    find_method,
    suggested_intervention,
)
from intervisie_kit.terms import TurnKind

CONTENT = load(include_env=False, strict=False)
INCIDENT = CONTENT.methods["incidentmethode"]  # 10, 5, 15, 7.5, 7.5, 5, 5 minutes
ROLES = Roles("Anna", "Bram", ("Cem", "Dewi", "Eva"), tijdbewaker="Cem")


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def session(clock: FakeClock) -> Session:
    s = Session(INCIDENT, ROLES, clock=clock)
    s.start()
    return s


def test_a_new_session_waits_and_counts_down_once_started(clock: FakeClock) -> None:
    s = Session(INCIDENT, ROLES, clock=clock)
    assert s.status is Status.READY and s.remaining() == 600
    clock.advance(30)
    assert s.remaining() == 600  # nothing runs before the start
    s.start()
    clock.advance(90)
    assert s.status is Status.RUNNING
    assert s.remaining() == 510
    assert s.phase.id == "inventarisatie" and s.phase_count == len(INCIDENT.phases) == 7


def test_pause_and_resume_stop_the_clock(session: Session, clock: FakeClock) -> None:
    clock.advance(100)
    session.pause()
    clock.advance(1000)
    assert session.status is Status.PAUSED and session.remaining() == 500
    session.resume()
    clock.advance(50)
    assert session.remaining() == 450
    assert session.toggle() is Status.PAUSED
    assert session.toggle() is Status.RUNNING


def test_pause_across_a_phase_end(session: Session, clock: FakeClock) -> None:
    """Paused just before the end: the phase does not end while paused; it ends once time runs again."""
    clock.advance(590)
    session.pause()
    clock.advance(3600)  # an hour of coffee
    assert session.remaining() == 10 and not session.overtime
    session.resume()
    clock.advance(25)
    assert session.remaining() == -15 and session.overtime
    assert session.phase.id == "inventarisatie"  # the facilitator, not the timer, closes a round
    session.pause()
    clock.advance(600)
    assert session.remaining() == -15  # overtime does not grow during a pause either
    session.next()
    assert session.remaining() == 300
    assert session.status is Status.PAUSED  # moving on keeps the pause; space starts the clock
    summary = session.summary()
    assert summary.phases[0].actual_minutes == pytest.approx(615 / 60)


def test_extend_adds_time_also_in_overtime(session: Session, clock: FakeClock) -> None:
    clock.advance(660)
    assert session.remaining() == -60
    session.extend(5)
    assert session.remaining() == 240 and not session.overtime
    session.extend(1)
    assert session.planned_seconds() == 16 * 60
    summary = session.summary()
    assert summary.phases[0].planned_minutes == 10 and summary.phases[0].extended_minutes == 6


@pytest.mark.parametrize("bad", [0, -1, 0.5, 31, math.nan, math.inf, "5", True])
def test_extend_refuses_nonsense(session: Session, bad: object) -> None:
    with pytest.raises(SessionError) as err:
        session.extend(bad)  # type: ignore[arg-type]
    assert err.value.code == "bad_extension"
    assert "Verlengen kan met 1 tot en met 30 minuten" in str(err.value)


def test_next_back_and_the_time_spent_per_phase(session: Session, clock: FakeClock) -> None:
    clock.advance(120)
    assert session.next() is True
    assert session.phase.id == "toelichting"
    clock.advance(60)
    session.back()
    assert session.phase.id == "inventarisatie"
    assert session.remaining() == 480  # goes on from the 2 minutes spent before
    clock.advance(30)
    session.next()
    session.next()
    assert session.phase.id == "informatieronde" and session.is_question_round
    summary = session.summary()
    assert [round(p.actual_minutes * 60) for p in summary.phases[:3]] == [150, 60, 0]


def test_back_at_the_first_phase_is_refused(session: Session) -> None:
    with pytest.raises(SessionError, match="al de eerste fase") as err:
        session.back()
    assert err.value.message("en") == "This is already the first phase."


def test_skip_marks_the_phase_and_skip_at_the_last_phase_finishes(session: Session, clock: FakeClock) -> None:
    session.skip()
    assert session.phase.id == "toelichting"
    while not session.is_last:
        clock.advance(60)
        session.next()
    clock.advance(60)
    assert session.skip() is False
    assert session.status is Status.FINISHED
    summary = session.summary()
    assert summary.finished
    assert summary.phases[0].skipped and not summary.phases[0].done
    assert summary.phases[-1].skipped and summary.phases[-1].actual_minutes == 1
    assert all(p.done for p in summary.phases[1:-1])
    with pytest.raises(SessionError, match="afgelopen"):
        session.next()
    with pytest.raises(SessionError, match="afgelopen"):
        session.pause()


def test_next_at_the_last_phase_finishes_and_freezes_the_time(session: Session, clock: FakeClock) -> None:
    for _ in range(len(INCIDENT.phases) - 1):
        session.next()
    assert session.is_last
    clock.advance(200)
    assert session.next() is False
    clock.advance(9999)
    summary = session.summary()
    assert summary.phases[-1].actual_minutes == pytest.approx(200 / 60)
    assert summary.elapsed_minutes == pytest.approx(200 / 60)
    assert session.finish() == summary  # finishing twice is harmless


def test_finish_early_marks_what_was_not_reached(session: Session, clock: FakeClock) -> None:
    clock.advance(300)
    summary = session.finish()
    assert [p.done for p in summary.phases] == [True] + [False] * (len(INCIDENT.phases) - 1)
    assert summary.planned_minutes == INCIDENT.total_minutes and summary.actual_minutes == 5


def test_actions_before_the_start_are_refused(clock: FakeClock) -> None:
    s = Session(INCIDENT, ROLES, clock=clock)
    for action in (s.pause, s.next, s.back, s.skip, s.finish):
        with pytest.raises(SessionError) as err:
            action()
        assert err.value.code == "not_started"
    s.start()
    with pytest.raises(SessionError, match="loopt al"):
        s.start()
    with pytest.raises(SessionError, match="niet gepauzeerd"):
        s.resume()


def test_what_is_allowed_and_who_speaks(session: Session) -> None:
    session.next()
    session.next()
    assert Contribution.OPEN_QUESTION in session.allowed and Contribution.ADVICE not in session.allowed
    speakers = dict(session.speakers())
    assert speakers["deelnemers"] == ("Cem", "Dewi", "Eva")
    assert speakers["inbrenger"] == ("Anna",)
    assert speakers["gespreksleider"] == ("Bram",)


def test_interventions_and_questions_are_logged_with_their_phase(session: Session, clock: FakeClock) -> None:
    session.next()
    session.next()
    clock.advance(75)
    item = session.intervene(Mistake.ADVICE_IN_QUESTION_ROUND)
    assert item.phase_id == "informatieronde" and item.at == 75
    session.intervene("why_question")
    q = session.record_question("Heb je er al aan gedacht om nee te zeggen?")
    assert q.verdict.kind is TurnKind.SUGGESTIVE and q.mistake is Mistake.SUGGESTIVE_QUESTION
    assert session.record_question("Wat maakte dat je ja zei?").mistake is None
    with pytest.raises(SessionError, match="Typ eerst een vraag"):
        session.record_question("   ")
    session.next()  # diagnose: no questions here
    with pytest.raises(SessionError) as err:
        session.record_question("Wat voelde je?")
    assert err.value.code == "not_question_round" and "Diagnose" in str(err.value)
    summary = session.summary()
    assert summary.intervention_counts() == {Mistake.ADVICE_IN_QUESTION_ROUND: 1, Mistake.WHY_QUESTION: 1}
    assert summary.question_tally().open == 1


def test_suggested_intervention_follows_the_coach() -> None:
    from intervisie_kit.coach import classify

    assert suggested_intervention(classify("Je moet gewoon nee zeggen.")) is Mistake.ADVICE_IN_QUESTION_ROUND
    assert suggested_intervention(classify("Dat was echt dom van je.")) is Mistake.JUDGEMENT
    assert suggested_intervention(classify("Wat deed je en hoe voelde dat?")) is Mistake.STACKED_QUESTIONS
    assert suggested_intervention(classify("Waarom ging je daarheen?")) is Mistake.WHY_QUESTION


def test_summary_markdown_in_both_languages(session: Session, clock: FakeClock) -> None:
    clock.advance(720)
    session.extend(2)
    session.next()
    session.intervene(Mistake.JUDGEMENT)
    summary = session.finish()
    nl = summary.summary_markdown("nl")
    assert nl.startswith("# Sessieverslag: Incidentmethode\n")
    assert "| Inventarisatie en keuze van het incident | 10 | 12 | +2 min verlengd |" in nl
    assert "| Diagnose | 7,5 | 0 | niet aan toegekomen |" in nl
    assert "- oordeel: 1×" in nl and "- Inbrenger: Anna" in nl
    en = session.summary_markdown("en")
    assert "# Session summary: Incident method" in en and "| Diagnosis | 7.5 | 0 | not reached |" in en
    anonymous = summary.summary_markdown("nl", with_names=False)
    assert "Anna" not in anonymous and "Rollen" not in anonymous


def test_typed_text_cannot_break_the_markdown(clock: FakeClock) -> None:
    s = Session(INCIDENT, Roles("An|na", "Bram"), clock=clock)
    s.start()
    s.next()
    s.next()
    s.record_question("Wat **voel** je | nu?\n# kop")
    md = s.finish().summary_markdown()
    assert "An\\|na" in md and "Wat \\*\\*voel\\*\\* je \\| nu? \\# kop" in md


# -- bad input -----------------------------------------------------------------------------------------------


def test_unknown_method_names_the_closest_one() -> None:
    with pytest.raises(SessionError) as err:
        find_method(CONTENT.methods, "incidentmetode")
    assert str(err.value) == "Methode 'incidentmetode' bestaat niet in deze kit. Bedoelde je 'incidentmethode'?"
    assert err.value.message("en").endswith("Did you mean 'incidentmethode'?")
    with pytest.raises(SessionError, match=r"bestaat niet in deze kit\.$"):
        find_method(CONTENT.methods, "xyz")
    assert isinstance(err.value, ValueError)


@pytest.mark.parametrize("minutes", [0, -5, 0.0, 241, math.nan, "10", None])
def test_a_zero_minute_or_nonsense_phase_is_refused(clock: FakeClock, minutes: object) -> None:
    with pytest.raises(SessionError) as err:
        Session(INCIDENT, ROLES, clock=clock, minutes={"diagnose": minutes})  # type: ignore[dict-item]
    assert err.value.code == "bad_minutes"
    assert "Fase 'diagnose'" in str(err.value) and "groter dan 0" in str(err.value)


def test_phase_minutes_can_be_fitted_to_the_meeting(clock: FakeClock) -> None:
    s = Session(INCIDENT, ROLES, clock=clock, minutes={"informatieronde": 20})
    assert s.summary().planned_minutes == INCIDENT.total_minutes + 5
    with pytest.raises(SessionError, match="'vragen' is geen fase van Incidentmethode"):
        Session(INCIDENT, ROLES, clock=clock, minutes={"vragen": 5})


@pytest.mark.parametrize(
    ("roles", "code"),
    [
        (dict(inbrenger="Anna", gespreksleider="Anna"), "leader_is_inbrenger"),
        (dict(inbrenger="Anna", gespreksleider=" anna "), "leader_is_inbrenger"),
        (dict(inbrenger="", gespreksleider="Bram"), "name_missing"),
        (dict(inbrenger="Anna", gespreksleider="   "), "name_missing"),
        (dict(inbrenger="Anna", gespreksleider="Bram", tijdbewaker="Anna"), "timekeeper_is_inbrenger"),
        (dict(inbrenger="Anna", gespreksleider="Bram", deelnemers=("Cem", "cem")), "duplicate_member"),
        (dict(inbrenger="Anna", gespreksleider="Bram", deelnemers=("Cem", "Bram")), "member_has_role"),
    ],
)
def test_roles_that_cannot_be_are_refused(roles: dict, code: str) -> None:
    with pytest.raises(SessionError) as err:
        Roles(**roles)
    assert err.value.code == code
    assert err.value.message("nl") != err.value.message("en")


def test_the_inbrenger_as_leader_gets_a_clear_dutch_message() -> None:
    with pytest.raises(SessionError) as err:
        Roles("Anna", "Anna")
    assert str(err.value).startswith("Anna kan niet tegelijk inbrenger en gespreksleider zijn")


def test_roles_are_tidied_and_a_timekeeper_may_be_a_participant() -> None:
    roles = Roles("  Anna ", "Bram", ("Cem ", "", "Dewi"), tijdbewaker=" Cem")
    assert roles.inbrenger == "Anna" and roles.deelnemers == ("Cem", "Dewi") and roles.tijdbewaker == "Cem"
    assert Roles("Anna", "Bram", tijdbewaker="").tijdbewaker is None


# -- brought back after a page reload -------------------------------------------------------------------------


def test_a_snapshot_brings_the_session_back_with_the_time_that_passed(clock: FakeClock) -> None:
    import json

    s = Session(INCIDENT, ROLES, clock=clock)
    s.start()
    clock.advance(600)
    s.next()
    clock.advance(60)
    s.extend(1)
    s.next()  # the question round
    clock.advance(30)
    s.record_question("Wat voelde je toen?", "nl")
    s.intervene(Mistake.WHY_QUESTION, "  te   snel ")
    data = json.loads(json.dumps(s.snapshot()))  # as it is stored
    other = FakeClock()
    other.now = 5.0  # a new kernel's clock has nothing to do with the old one
    back = Session.restore(INCIDENT, data, clock=other, away=45)
    assert back.index == 2 and back.status is Status.RUNNING and back.roles == ROLES
    assert back.remaining() == pytest.approx(s.remaining() - 45)
    assert back.elapsed() == pytest.approx(s.elapsed() + 45)
    assert back.planned_seconds(1) == s.planned_seconds(1)  # the extension stays
    assert [(q.text, q.verdict.kind) for q in back.questions] == [("Wat voelde je toen?", TurnKind.OPEN)]
    assert back.interventions == s.interventions
    back.next()
    assert back.summary().phases[2].actual_minutes == pytest.approx((30 + 45) / 60)
    s.pause()
    paused = Session.restore(INCIDENT, s.snapshot(), clock=other, away=600)
    assert paused.status is Status.PAUSED and paused.remaining() == pytest.approx(s.remaining())


def test_a_snapshot_that_does_not_fit_the_method_is_refused(clock: FakeClock) -> None:
    s = Session(INCIDENT, ROLES, clock=clock)
    s.start()
    data = s.snapshot()
    with pytest.raises(SessionError) as err:
        Session.restore(CONTENT.methods["balintmethode"], data, clock=clock)
    assert err.value.code == "cannot_restore"
    for broken in ({**data, "index": 99}, {**data, "status": "finished"}, {**data, "phases": "x"}, {}):
        with pytest.raises(SessionError):
            Session.restore(INCIDENT, broken, clock=clock)


def test_the_running_session_file_lives_next_to_a_local_journal_only(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from intervisie_kit.session_state import running_session_file

    monkeypatch.setenv("INTERVISIE_KIT_JOURNAL", str(tmp_path / "j" / "journal.sqlite"))
    found = running_session_file()
    assert found is not None and found.path == (tmp_path / "j" / "running-session.json").resolve()
    monkeypatch.setenv("INTERVISIE_KIT_JOURNAL", "postgresql+psycopg://server/db")
    assert running_session_file() is None  # a shared server keeps no one's group on disk
    from intervisie_kit.paths import PACKAGE_DIR

    monkeypatch.setenv("INTERVISIE_KIT_JOURNAL", str(PACKAGE_DIR.parent / "journal.sqlite"))
    assert running_session_file() is None  # never inside the kit's checkout


def test_a_snapshot_with_questions_over_the_limits_is_not_restored(clock: FakeClock) -> None:
    import json

    from intervisie_kit.coach import MAX_QUESTION_CHARS
    from intervisie_kit.session import MAX_QUESTIONS

    s = Session(INCIDENT, ROLES, clock=clock)
    s.start()
    s.next()
    s.next()
    s.record_question("Wat voelde je toen?", "nl")
    data = json.loads(json.dumps(s.snapshot()))
    long = {**data, "questions": [{**data["questions"][0], "text": "w" * (MAX_QUESTION_CHARS + 1)}]}
    many = {**data, "questions": data["questions"] * (MAX_QUESTIONS + 1)}
    for bad in (long, many):
        with pytest.raises(SessionError) as caught:
            Session.restore(INCIDENT, bad, clock=clock)
        assert caught.value.code == "cannot_restore"
