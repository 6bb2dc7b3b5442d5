"""Headless widget tests of page 05 (Sessie begeleiden) and page 08 (Traject plannen): set values, click."""

from __future__ import annotations

import base64
import re
from datetime import date

import ipywidgets as widgets
import pytest
from icalendar import Calendar

from intervisie_kit.content import load
from intervisie_kit.content.models import Mistake
from intervisie_kit.session import SessionSummary, Status
from intervisie_kit.ui import shell
from intervisie_kit.ui.session import SessionStore, SessionView, clock_text, runner
from intervisie_kit.ui.trajectory import PlannerStore, PlannerView

from .test_widgets import find, html_of

CONTENT = load(include_env=False, strict=False)
DAY = date(2026, 3, 10)


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def started(lang: str = "nl", store: SessionStore | None = None) -> tuple[SessionView, FakeClock]:
    clock = FakeClock()
    view = SessionView(CONTENT, lang, store=store, method_id="incidentmethode", clock=clock, today=DAY)
    view.names.value = "Anna\nBram\nCem\nDewi"
    view.start.click()
    assert view.session is not None and view.session.status is Status.RUNNING
    return view, clock


def enter(field: widgets.Text, text: str) -> None:
    """What the browser does on Enter: the value follows the keystrokes, then a "submit" message comes."""
    field.value = text
    field._handle_custom_msg({"event": "submit"}, [])


def shown(widget) -> bool:  # type: ignore[no-untyped-def]
    return widget.layout.display != "none"


def test_the_form_offers_the_typed_names_for_the_roles() -> None:
    view = SessionView(CONTENT, "nl", method_id="balintmethode")
    assert view.method.value == "balintmethode"
    assert "8 fasen, samen 90 minuten" in view.method_facts.value
    view.names.value = "Anna, Bram\nCem"
    assert view.inbrenger.options == ("Anna", "Bram", "Cem")
    assert (view.inbrenger.value, view.leader.value, view.timekeeper.value) == ("Anna", "Bram", "")
    view.inbrenger.value = "Cem"
    view.names.value = "Anna, Bram\nCem\nDewi"
    assert view.inbrenger.value == "Cem", "a choice survives more names"
    assert shown(view.setup) and not shown(view.live) and not shown(view.summary_box)


def test_start_shows_the_live_panel_with_phase_timer_speakers_and_prompt() -> None:
    view, _ = started()
    assert not shown(view.setup) and shown(view.live)
    assert "Fase 1 van 7" in view.head.value and "Inventarisatie en keuze van het incident" in view.head.value
    assert "data-remaining='600.00'" in view.timer.value and "data-running='1'" in view.timer.value
    assert ">10:00<" in view.timer.value
    assert "Gespreksleider: Bram" in view.info.value and "Deelnemers: Cem, Dewi" in view.info.value
    assert "vertellen" in view.info.value and "Wie heeft een situatie" in view.info.value
    assert view.back.disabled and not shown(view.questions)


def test_controls_pause_extend_move_and_mark_the_phase_end() -> None:
    view, clock = started()
    clock.now = 590
    view.pause.click()
    assert view.pause.description == "Doorgaan" and "data-running='0'" in view.timer.value
    assert "data-remaining='10.00'" in view.timer.value and "ik-soon" in view.timer.value
    view.pause.click()
    clock.now = 615
    view.render()
    assert "ik-timer ik-over" in view.timer.value and ">+0:15<" in view.timer.value
    assert "Tijd is om: rond af of verleng" in view.timer.value
    view.extenders[1].click()  # +5 min
    assert "data-remaining='285.00'" in view.timer.value and "ik-over" not in view.timer.value
    view.next.click()
    assert "Toelichting op incident en vraag" in view.head.value and not view.back.disabled
    view.back.click()
    assert "Inventarisatie" in view.head.value
    view.skip.click()
    view.next.click()
    assert "Informatieronde" in view.head.value and shown(view.questions)


def test_a_refused_action_is_shown_not_raised() -> None:
    view, _ = started()
    view.back.click()  # already at the first phase
    assert "Dit is al de eerste fase." in view.error.value
    view.next.click()
    assert view.error.value == ""


def test_the_inbrenger_as_leader_is_refused_on_start() -> None:
    view = SessionView(CONTENT, "en", method_id="incidentmethode")
    view.names.value = "Anna\nBram"
    view.leader.value = "Anna"
    view.start.click()
    assert view.session is None and shown(view.setup)
    assert "Anna cannot be both the inbrenger and the gespreksleider" in view.error.value
    view.names.value = "Anna"
    view.start.click()
    assert "Fill in at least two names first" in view.error.value


def test_questions_are_marked_live_and_interventions_logged() -> None:
    view, clock = started()
    view.next.click()
    view.next.click()
    clock.now = 200
    view.question.value = "Heb je er al"  # typed, then the focus moves on: nothing is noted
    assert view.session.questions == [] and view.question_log.value == ""
    enter(view.question, "Heb je er al aan gedacht om het gewoon te zeggen?")
    assert view.question.value == ""
    assert "data-kind='suggestive'" in view.question_log.value
    assert "interventie: suggestieve vraag?" in view.question_log.value
    enter(view.question, "Wat maakte dat je bleef zitten?")
    log = view.question_log.value[view.question_log.value.index("ik-logged") :]
    assert log.index("data-kind='open'") < log.index("data-kind='suggestive'")
    assert "1 van 2 open (50%)" in view.question_log.value  # the round's tally, by the one rule
    enter(view.question, "<img src=x onerror=alert(1)> Wat voel je?")
    assert "<img" not in view.question_log.value and "&lt;img" in view.question_log.value
    view.intervention_buttons[Mistake.ADVICE_IN_QUESTION_ROUND].click()
    view.intervention_buttons[Mistake.WHY_QUESTION].click()
    assert "2 interventie(s) genoteerd" in view.intervention_log.value
    assert "Informatieronde, minuut 4" in view.intervention_log.value
    assert [i.kind for i in view.session.interventions] == [Mistake.ADVICE_IN_QUESTION_ROUND, Mistake.WHY_QUESTION]


def test_the_end_shows_the_summary_with_a_download_and_calls_the_journal_hook_once() -> None:
    received: list[SessionSummary] = []
    store = SessionStore()
    store.on_summary.append(received.append)
    view, clock = started(store=store)
    assert view.on_summary is store.on_summary
    clock.now = 720
    view.intervention_buttons[Mistake.JUDGEMENT].click()
    view.next.click()
    clock.now = 780
    view.finish.click()
    assert shown(view.live) and shown(view.finish_confirm)  # ending asks first
    view.finish_yes.click()
    assert not shown(view.live) and shown(view.summary_box)
    assert "De sessie is afgelopen: Incidentmethode" in view.summary.value
    assert "<tr data-phase='diagnose'><td>Diagnose</td><td class='ik-num'>7,5</td>" in view.summary.value
    assert "niet aan toegekomen" in view.summary.value and "oordeel: 1×" in view.summary.value
    assert "ik-over-time" in view.summary.value  # 12 minutes for a 10-minute phase
    match = re.search(r"download='([^']+)' href='data:text/markdown;base64,([^']+)'", view.summary.value)
    assert match and match[1] == "sessie-incidentmethode-2026-03-10.md"
    markdown = base64.b64decode(match[2]).decode()
    assert markdown == received[0].summary_markdown("nl")
    assert len(received) == 1
    view.render()
    assert len(received) == 1, "the hook hears of a session once"
    view.new.click()
    assert shown(view.setup) and view.session is None and view.names.value == "Anna\nBram\nCem\nDewi"


def test_a_failing_hook_does_not_hide_the_summary() -> None:
    store = SessionStore()
    store.on_summary.append(lambda s: (_ for _ in ()).throw(RuntimeError("database is weg")))
    view, _ = started(store=store)
    view.finish.click()
    view.finish_yes.click()
    assert "De sessie is afgelopen" in view.summary.value and "database is weg" in view.summary.value


def test_the_session_survives_a_language_switch() -> None:
    page = shell.PageState(lang="nl", content=CONTENT)
    store = SessionStore()
    clock = FakeClock()
    box = runner(page, store, clock=clock)
    view = box.children[0]
    view.names.value = "Anna\nBram\nCem"
    view.start.click()
    view.next.click()
    view.projector.value = True
    page.lang = "en"
    english = box.children[0]
    assert english is not view
    assert "Phase 2 of 7" in english.head.value and "Presenting the incident and the question" in english.head.value
    assert english.projector.value and "ik-projector" in english._dom_classes
    english.projector.value = False
    assert "ik-projector" not in english._dom_classes


def test_ending_asks_for_confirmation_and_cancel_goes_on() -> None:
    view, clock = started()
    clock.now = 90
    view.finish.click()
    assert shown(view.finish_confirm) and view.finish_yes.description == "Ja, beëindig"
    assert view.finish_cancel.description == "Annuleer"
    assert view.session.status is Status.RUNNING
    view.finish_cancel.click()
    assert not shown(view.finish_confirm) and view.session.status is Status.RUNNING and shown(view.live)
    view.finish.click()
    view.finish_yes.click()
    assert view.session.status is Status.FINISHED and not shown(view.finish_confirm)


class FakeWall(FakeClock):
    def __init__(self, now: float) -> None:
        self.now = now


def test_a_reload_mid_session_offers_to_go_on_with_it(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from datetime import datetime

    from intervisie_kit.session_state import RunningSessionFile

    wall = FakeWall(datetime(2026, 3, 10, 14, 5).timestamp())
    path = tmp_path / "running-session.json"
    view, clock = started(store=SessionStore(saved=RunningSessionFile(path, wall=wall)))
    assert path.exists() and (path.stat().st_mode & 0o777) == 0o600
    clock.now = 300
    wall.now += 300
    view.next.click()  # to phase 2 after five minutes
    clock.now += 60
    wall.now += 60
    view.intervention_buttons[Mistake.JUDGEMENT].click()
    saved_remaining = view.session.remaining()

    # The reload: a fresh kernel (a new clock starting at 0), a new store reading the same file, 2 minutes on.
    wall.now += 120
    fresh = FakeClock()
    again = SessionView(
        CONTENT, "nl", store=SessionStore(saved=RunningSessionFile(path, wall=wall)), clock=fresh, today=DAY
    )
    assert again.session is None and shown(again.setup) and shown(again.resume_box)
    offer = html_of(again.resume_box)
    assert "Er loopt nog een sessie" in offer and "begonnen om 14:05" in offer and "fase 2 van 7" in offer
    go = find(again.resume_box, widgets.Button, "ik-session-resume-go")[0]
    assert go.description == "Ga verder met je sessie van 14:05"
    go.click()
    s = again.session
    assert s is not None and s.status is Status.RUNNING and s.index == 1
    assert s.remaining() == pytest.approx(saved_remaining - 120)  # the meeting went on during the reload
    assert s.elapsed() == pytest.approx(300 + 60 + 120)
    assert (s.roles.inbrenger, s.roles.gespreksleider) == ("Anna", "Bram")
    assert [i.kind for i in s.interventions] == [Mistake.JUDGEMENT]
    assert shown(again.live) and not shown(again.resume_box) and "Fase 2 van 7" in again.head.value
    # Ending the session removes the file: the next page offers nothing.
    again.finish.click()
    again.finish_yes.click()
    assert not path.exists()
    later = SessionView(CONTENT, "nl", store=SessionStore(saved=RunningSessionFile(path, wall=wall)), clock=fresh)
    assert not shown(later.resume_box)


def test_a_paused_session_keeps_its_time_and_declining_removes_it(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from intervisie_kit.session_state import RunningSessionFile

    wall = FakeWall(1_800_000_000.0)
    path = tmp_path / "running-session.json"
    view, clock = started(store=SessionStore(saved=RunningSessionFile(path, wall=wall)))
    clock.now = 100
    view.pause.click()
    left = view.session.remaining()
    wall.now += 3600  # an hour of lunch with the page closed
    again = SessionView(CONTENT, "en", store=SessionStore(saved=RunningSessionFile(path, wall=wall)), clock=FakeClock())
    assert "paused" in html_of(again.resume_box)
    find(again.resume_box, widgets.Button, "ik-session-resume-go")[0].click()
    assert again.session.status is Status.PAUSED and again.session.remaining() == pytest.approx(left)
    again.reset()
    assert not path.exists()
    view2, _ = started(store=SessionStore(saved=RunningSessionFile(path, wall=wall)))
    assert path.exists()
    snapshot = view2.session.snapshot()
    declined = SessionView(CONTENT, "nl", store=SessionStore(saved=RunningSessionFile(path, wall=wall)))
    find(declined.resume_box, widgets.Button, "ik-session-resume-drop")[0].click()
    assert not path.exists() and not shown(declined.resume_box) and declined.session is None
    # Too old, another version, or not JSON at all: nothing is offered, and the page still opens.
    path.write_text("{not json", encoding="utf-8")
    assert RunningSessionFile(path, wall=wall).load() is None
    for broken in ({"index": "x"}, {"roles": ["Anna"]}, {"method": "nope"}, {"elapsed": -1e300}):
        RunningSessionFile(path, wall=wall).save({**snapshot, **broken})
        page = SessionView(CONTENT, "nl", store=SessionStore(saved=RunningSessionFile(path, wall=wall)))
        assert not shown(page.resume_box) and shown(page.setup)
    view2.pause.click()  # writes a good file again
    assert RunningSessionFile(path, wall=wall).load() is not None
    wall.now += 13 * 3600
    assert RunningSessionFile(path, wall=wall).load() is None


def test_clock_text_matches_the_browser_countdown() -> None:
    assert [clock_text(s) for s in (600, 599.2, 61, 60, 0.4, 0, -0.5, -75)] == [
        "10:00",
        "10:00",
        "1:01",
        "1:00",
        "0:01",
        "+0:00",
        "+0:00",
        "+1:15",
    ]


# -- page 08 -----------------------------------------------------------------------------------------------


def test_planner_makes_a_plan_with_downloads() -> None:
    view = PlannerView(CONTENT, "nl", today=date(2026, 1, 1))
    assert view.start.value == date(2026, 1, 15)
    view.members.value = "Anna\nBram\nCem\nDewi\nEva\nFleur"
    view.start.value = date(2026, 1, 13)
    view.skip.value = "24-02-2026"
    view.make.click()
    assert view.error.value == ""
    assert view.output.value.count("<tr data-meeting=") == 8
    assert "verschoven van dinsdag 24 februari 2026" in view.output.value
    assert "Inbrengen per lid: Anna 2, Bram 1" in view.output.value
    ics = re.search(
        r"class='ik-plan-ics' download='intervisie.ics' href='data:text/calendar;base64,([^']+)'", view.downloads.value
    )
    assert ics is not None
    assert len(Calendar.from_ical(base64.b64decode(ics[1])).walk("VEVENT")) == 8
    view.goal.value = "Beter <leren> vragen"
    contract = re.search(
        r"class='ik-plan-contract' download='[^']+' href='data:text/html;base64,([^']+)'", view.downloads.value
    )
    assert contract is not None and "Beter &lt;leren&gt; vragen" in base64.b64decode(contract[1]).decode()


def test_planner_shows_input_problems_and_warnings() -> None:
    view = PlannerView(CONTENT, "nl")
    view.members.value = "Anna"
    view.make.click()
    assert "Vul minstens 2 namen in" in view.error.value and view.output.value == "" and view.downloads.value == ""
    view.members.value = "Anna\nBram\nCem"
    view.skip.value = "volgende week"
    view.make.click()
    assert "&#x27;volgende week&#x27; is geen datum" in view.error.value
    view.skip.value = ""
    view.time.value = "half twee"
    view.make.click()
    assert "geen tijd" in view.error.value
    view.time.value = "13:30"
    view.make.click()
    assert view.error.value == "" and "data-code='small_group'" in view.output.value


def test_planner_proposes_a_working_day_and_warns_about_weekends_and_holidays_as_warnings() -> None:
    # Two weeks after 13 April 2026 is Koningsdag (Monday 27 April): the next working day is proposed.
    view = PlannerView(CONTENT, "nl", today=date(2026, 4, 13))
    assert view.start.value == date(2026, 4, 28)
    assert PlannerView(CONTENT, "nl", today=date(2026, 1, 2)).start.value == date(2026, 1, 16)  # Fri stays
    assert PlannerView(CONTENT, "nl", today=date(2026, 1, 3)).start.value == date(2026, 1, 19)  # Sat -> Mon
    assert view.start_hint.value == ""
    view.members.value = "Anna\nBram\nCem\nDewi\nEva"
    view.start.value = date(2026, 4, 27)
    assert "maandag 27 april 2026 is Koningsdag" in view.start_hint.value and "ik-warn" in view.start_hint.value
    view.start.value = date(2026, 4, 25)
    assert "zaterdag 25 april 2026 valt in het weekend" in view.start_hint.value
    view.start.value = date(2026, 4, 27)
    view.make.click()
    out = view.output.value
    warn = out.split("data-level='warn'")[1].split("</div>")[0]
    assert "data-code='holiday'" in warn and "Koningsdag" in warn
    assert "class='ik-notice ik-warn ik-plan-notices' data-level='warn'" in out
    assert "ik-ok" not in out
    view.start.value = date(2026, 1, 13)
    view.make.click()
    assert "data-code='holiday'" not in view.output.value and "data-code='weekend'" not in view.output.value


def test_planner_handover_choices_follow_the_number_of_meetings() -> None:
    view = PlannerView(CONTENT, "en")
    view.meetings.value = 6
    assert [v for _, v in view.handover.options] == [0, 2, 3, 4, 5, 6]
    view.handover.value = 3
    view.meetings.value = 10
    assert view.handover.value == 3 and view.handover.options[-1] == ("meeting 10", 10)
    view.members.value = "A\nB\nC\nD"
    view.make.click()
    assert (
        "From meeting 3 a member leads"
        in base64.b64decode(
            re.search(r"ik-plan-overview' download='[^']+' href='data:text/html;base64,([^']+)'", view.downloads.value)[
                1
            ]
        ).decode()
    )


def test_planner_keeps_its_form_and_plan_over_a_language_switch() -> None:
    store = PlannerStore()
    view = PlannerView(CONTENT, "nl", store=store)
    view.members.value = "Anna\nBram\nCem\nDewi"
    view.length.value = 180
    view.make.click()
    again = PlannerView(CONTENT, "en", store=store)
    assert again.members.value == "Anna\nBram\nCem\nDewi" and again.length.value == 180
    assert "Kick-off" in again.output.value and "ik-plan-ics" in again.downloads.value
