"""Every free-text field on every page, fed every string of the shared hostile fixture (tests/hostile.py):
shown as text or refused with a message that keeps what was typed, never run, never a failure.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from intervisie_kit.coach import MAX_QUESTION_CHARS
from intervisie_kit.content import load
from intervisie_kit.journal import store
from intervisie_kit.ui import journal as journal_ui
from intervisie_kit.ui.exercises import ExerciseView
from intervisie_kit.ui.practice import PracticeView
from intervisie_kit.ui.session import SessionView
from intervisie_kit.ui.trajectory import PlannerView

from .hostile import HOSTILE, HOSTILE_IDS, LONG_PASTE, assert_shown_as_text, enter, html_of

CONTENT = load(include_env=False, strict=False)
hostile_inputs = pytest.mark.parametrize("hostile", HOSTILE, ids=HOSTILE_IDS)


@hostile_inputs
def test_page_04_practice_question(hostile: str) -> None:
    view = PracticeView(CONTENT, "nl", "werkdruk-verminderen")
    enter(view.input, hostile)
    rendered = html_of(view)
    assert_shown_as_text(rendered, hostile)
    if len(hostile) > MAX_QUESTION_CHARS:
        assert "te lang" in view.too_long.value and view.input.value == hostile
        assert not view.round.turns
    else:
        assert view.input.value == "" and len(view.round.turns) == 1


@hostile_inputs
def test_page_05_session_names_and_questions(hostile: str) -> None:
    view = SessionView(CONTENT, "nl", method_id="incidentmethode", clock=lambda: 0.0)
    view.names.value = f"{hostile}\nBram\nCem"
    assert_shown_as_text(html_of(view), hostile)
    if len(hostile) > 80:
        assert "te lang" in view.error.value and view.names.value.startswith(hostile)
        view.names.value = "Anna\nBram\nCem"
    view.start.click()
    assert view.session is not None, view.error.value
    view.next.click()
    view.next.click()
    assert view.session.is_question_round
    enter(view.question, hostile)
    assert_shown_as_text(html_of(view), hostile)
    if len(hostile) > MAX_QUESTION_CHARS:
        assert "te lang" in view.error.value and view.question.value == hostile
    else:
        assert view.question.value == "" and len(view.session.questions) == 1
    view.finish.click()
    assert_shown_as_text(html_of(view), hostile)


@hostile_inputs
def test_page_06_reflection_fields_and_name(hostile: str, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv(store.JOURNAL_ENV, str(tmp_path / "journal.sqlite"))
    page = journal_ui.open_page_journal(CONTENT)
    view = journal_ui.JournalView(page, "nl")
    editor = view.editor
    text_field = next(w for w in editor.inputs.values() if isinstance(w.value, str))
    text_field.value = hostile
    editor.title.value = hostile[:50]
    editor.label.value = hostile[:50]
    editor.save.click()
    rendered = html_of(view)
    assert_shown_as_text(rendered, hostile)
    if len(hostile.replace("\x00", "")) > store.MAX_TEXT:
        assert "te lang" in editor.status.value and text_field.value == hostile
    else:
        assert "bewaard" in editor.status.value.lower(), editor.status.value
    view.data.name.value = hostile
    view.data.save_name.click()
    assert_shown_as_text(html_of(view), hostile)
    if len(hostile.strip()) > store.MAX_NAME:
        assert "te lang" in view.data.name_status.value and view.data.name.value == hostile


@hostile_inputs
def test_page_07_written_exercise(hostile: str) -> None:
    view = ExerciseView(CONTENT, "nl", "van-waarom-naar-wat")
    item = view.items[0]
    item.text.value = hostile
    assert_shown_as_text(html_of(view), hostile)
    if len(hostile) > MAX_QUESTION_CHARS:
        assert "te lang" in item.feedback.value and item.text.value == hostile
    else:
        assert "data-ok=" in item.feedback.value


def test_the_200_kb_paste_is_the_fixtures_largest() -> None:
    assert len(LONG_PASTE) == 200_000 and max(map(len, HOSTILE)) == 200_000


@hostile_inputs
def test_page_08_planner_fields(hostile: str) -> None:
    view = PlannerView(CONTENT, "nl")
    view.members.value = f"{hostile}\nBram\nCem\nDewi\nEva"
    view.name.value = hostile
    view.location.value = hostile
    view.facilitator.value = hostile
    result = view.make_plan()
    rendered = html_of(view) + view.output.value + view.downloads.value
    assert_shown_as_text(rendered, hostile)
    if len(hostile) > 80:
        assert result is None and "te lang" in view.error.value
        assert view.members.value.startswith(hostile)
    else:
        assert result is not None, view.error.value


@hostile_inputs
def test_page_03_ask_yourself(hostile: str) -> None:
    from intervisie_kit.ui import methods

    method = CONTENT.methods["incidentmethode"]
    assert method.worked_example is not None
    stepper = methods.ExampleStepper(method, method.worked_example, CONTENT, "nl")
    stepper.index = next(i for i, s in enumerate(method.worked_example.steps) if s.ask_yourself and s.turns)
    ask = next(w for w in _walk(stepper) if isinstance(w, methods.AskYourself))
    ask.own.value = hostile
    ask.check.click()
    assert_shown_as_text(html_of(stepper), hostile)
    if len(hostile.strip()) > MAX_QUESTION_CHARS:
        assert "te lang" in ask.verdict.value and ask.own.value == hostile
    else:
        assert "ik-verdict" in ask.verdict.value


@hostile_inputs
def test_page_09_typed_participant_list(hostile: str, tmp_path: Path) -> None:
    from intervisie_kit.groups.store import GroupStore
    from intervisie_kit.ui.groups import GroupsState, GroupsView

    view = GroupsView(CONTENT, "nl", state=GroupsState(), group_store=GroupStore(tmp_path / "groups.json"))
    rows = "\n".join(f"{name},Noord,Org {i},Team {i},Functie,," for i, name in enumerate(["Anna", "Bram", "Cem"]))
    view.typed.value = f"naam,regio,organisatie,team,functie,leidinggevende,ervaring\n{rows}\n{hostile},Noord,X,Y,Z,,"
    view.read.click()
    view.facilitators.value = f"{hostile}; Noord; 2"
    view.travel.value = f"Noord; {hostile}; 45"
    assert_shown_as_text(html_of(view), hostile)
    said = view.imported.value
    assert "deelnemers geladen" in said or "Rij" in said or "hooguit" in said  # loaded, or refused with a reason
    assert view.typed.value.endswith(",Noord,X,Y,Z,,")  # what was typed stays


@hostile_inputs
def test_page_10_question_and_summary(hostile: str) -> None:
    from intervisie_kit.ui.craft import CraftView, QuestionView, SummaryView

    view = CraftView(CONTENT, "nl")
    for part in (*_of_type(view, QuestionView), *_of_type(view, SummaryView)):
        part.text.value = hostile
        part.check.click()
        assert part.feedback.value, "every check says something"
        if len(hostile) > 1000:
            assert part.text.value == hostile
    assert_shown_as_text(html_of(view), hostile)


def _walk(widget: object):  # type: ignore[no-untyped-def]
    yield widget
    for child in getattr(widget, "children", ()) or ():
        yield from _walk(child)


def _of_type(root: object, kind: type) -> list:  # type: ignore[type-arg]
    return [w for w in _walk(root) if isinstance(w, kind)]


@hostile_inputs
def test_page_11_typed_case_and_participant_names(hostile: str, tmp_path: Path) -> None:
    from intervisie_kit.journal import Journal
    from intervisie_kit.ui.workshop import RegieView
    from intervisie_kit.workshop import MAX_CASE_TEXT, MAX_CASE_TITLE
    from intervisie_kit.workshop.store import WorkshopStore

    with Journal(tmp_path / "journal.sqlite") as journal:
        store = WorkshopStore(journal)
        code = store.open_workshop("Startdag").code
        store.join(code, hostile[:40], "secret-" + "h" * 30)  # a participant's chosen name, cut like the join page
        view = RegieView(store, CONTENT, "nl")
        view.case_title.value = hostile
        view.case_text.value = hostile
        view.show_typed.click()
        assert_shown_as_text(html_of(view), hostile)
        workshop = store.active()
        assert workshop is not None
        if len(hostile) > MAX_CASE_TITLE or len(hostile) > MAX_CASE_TEXT:
            assert "te lang" in view.status.value and view.case_title.value == hostile
            assert workshop.case_title == ""
        else:
            assert "op de muur" in view.status.value, view.status.value
            assert workshop.case_title  # stored (cleaned by the store), shown as text above
