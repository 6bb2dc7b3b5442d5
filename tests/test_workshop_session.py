"""Page 05 at a startdag: the live session goes to the workshop store for the room's phones (fake clocks)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from intervisie_kit.content import load
from intervisie_kit.content.models import Mistake
from intervisie_kit.journal import Journal
from intervisie_kit.session import Status
from intervisie_kit.ui import shell
from intervisie_kit.ui.session import SessionStore, SessionView, runner
from intervisie_kit.workshop import identity
from intervisie_kit.workshop.live import SessionPublisher
from intervisie_kit.workshop.model import WorkshopError
from intervisie_kit.workshop.store import WorkshopStore

CONTENT = load(include_env=False, strict=False)
WALL_CLOCK = 1_800_000_000.0


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def journal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Journal]:
    monkeypatch.setenv("INTERVISIE_KIT_JOURNAL", str(tmp_path / "journal.sqlite"))
    with Journal(tmp_path / "journal.sqlite") as j:
        WorkshopStore(j).open_workshop("Startdag")
        yield j


def _join(journal: Journal, name: str) -> str:
    store = WorkshopStore(journal)
    return store.join(store.active().code, name, f"secret-{name}-" + "x" * 24).id  # type: ignore[union-attr]


def _live(journal: Journal) -> dict | None:  # type: ignore[type-arg]
    return WorkshopStore(journal).active().live_session  # type: ignore[union-attr]


def _view(journal: Journal) -> tuple[SessionView, FakeClock]:
    clock = FakeClock()
    store = SessionStore(workshop=SessionPublisher(WorkshopStore(journal), now=lambda: WALL_CLOCK + clock.now))
    view = SessionView(CONTENT, "nl", store=store, method_id="incidentmethode", clock=clock, today=date(2026, 3, 10))
    return view, clock


def _to_question_round(view: SessionView) -> None:
    while not view.session.is_question_round:  # type: ignore[union-attr]
        view.next.click()


def test_participants_fill_the_group_and_roles_go_to_their_phones(journal: Journal) -> None:
    anna, bram, cem = _join(journal, "anna "), _join(journal, "Bram"), _join(journal, "Cem")
    outsider = _join(journal, "Zoë")
    view, clock = _view(journal)
    assert view.from_workshop.layout.display != "none"
    view.from_workshop.click()
    assert view.names.value.split("\n") == ["anna", "Bram", "Cem", "Zoë"]
    view.names.value = "Anna\nBram\nCem"  # the trainer edits: Zoë watches
    view.inbrenger.value, view.leader.value = "Anna", "Bram"
    view.start.click()
    live = _live(journal)
    assert live is not None and live["running"] is True
    assert live["roles"] == {anna: "inbrenger", bram: "gespreksleider", cem: "deelnemer"}
    assert outsider not in live["roles"]
    assert live["phase"]["index"] == 0 and live["phase"]["count"] == view.session.phase_count  # type: ignore[union-attr]
    assert live["ends_at"] == pytest.approx(WALL_CLOCK + live["remaining"], abs=0.2)
    assert "De telefoons van de zaal volgen" in view.room.value
    clock.now = 30
    view.pause.click()
    paused = _live(journal)
    assert paused["running"] is False and paused["ends_at"] is None  # type: ignore[index]
    assert paused["remaining"] == pytest.approx(live["remaining"] - 30, abs=0.2)  # type: ignore[index]


def test_a_question_phase_opens_an_open_round_for_the_phones_and_counts_them(journal: Journal) -> None:
    anna = _join(journal, "Anna")
    store = WorkshopStore(journal)
    view, _ = _view(journal)
    view.names.value = "Anna\nBram\nCem"
    view.start.click()
    assert store.wall_view("nl")["round"] is None
    _to_question_round(view)
    live = _live(journal)
    assert live["phase"]["questions"] is True and live["phase"]["allowed"]  # type: ignore[index]
    current = store.wall_view("nl")["round"]
    assert current is not None and current["rule"] == "open"
    assert "Vragen van telefoons in deze ronde: 0" in view.room.value
    view.room_ticker.click()  # nothing changed: nothing re-read
    store.submit(anna, "Wat maakte dat je toen zweeg?", "key-1")
    view.room_ticker.click()  # what the template's script does every few seconds
    assert "Vragen van telefoons in deze ronde: 1" in view.room.value
    store.submit(_join(journal, "Bram"), "Hoe reageerde je collega?", "key-2")
    view.room_refresh.click()
    assert "Vragen van telefoons in deze ronde: 2" in view.room.value
    view.intervention_buttons[Mistake.ADVICE_IN_QUESTION_ROUND].click()
    interventions = _live(journal)["interventions"]  # type: ignore[index]
    assert len(interventions) == 1 and "Anna" not in interventions[0]
    view.next.click()
    if not view.session.is_question_round:  # type: ignore[union-attr]
        assert store.wall_view("nl")["round"] is None  # leaving the question phase closes its round
    view.finish.click()
    view.finish_yes.click()
    assert view.session.status is Status.FINISHED  # type: ignore[union-attr]
    assert _live(journal) is None and store.wall_view("nl")["round"] is None


def test_a_round_the_trainer_started_on_page_11_is_left_alone(journal: Journal) -> None:
    store = WorkshopStore(journal)
    view, _ = _view(journal)
    view.names.value = "Anna\nBram\nCem"
    view.start.click()
    store.start_round("all")
    view.pause.click()
    assert store.wall_view("nl")["round"]["rule"] == "all"


def test_publishing_failures_are_quiet_and_the_session_goes_on(journal: Journal, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    view, _ = _view(journal)
    publisher = view.store.workshop

    def busy(_: object) -> None:
        raise WorkshopError("Het dagboek is even bezet.", "The journal is busy.", "busy")

    monkeypatch.setattr(publisher.store, "publish_session", busy)
    view.names.value = "Anna\nBram\nCem"
    view.start.click()
    assert view.session is not None and view.session.status is Status.RUNNING
    assert "even bezet" in view.room.value and view.error.value == ""

    def broken(_: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(publisher.store, "publish_session", broken)
    view.next.click()
    assert view.session.index == 1 and "onbekende fout" in view.room.value
    assert "disk on fire" not in view.room.value
    monkeypatch.undo()
    view.pause.click()
    assert _live(journal)["running"] is False and "bezet" not in view.room.value  # type: ignore[index]


def test_runner_publishes_only_for_the_trainers_kernel_in_workshop_mode(journal: Journal, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    state = shell.PageState.create(lang="nl")
    monkeypatch.delenv(identity.WORKSHOP_ENV, raising=False)
    assert runner(state, SessionStore()).children[0].store.workshop is None  # type: ignore[attr-defined]
    monkeypatch.setenv(identity.WORKSHOP_ENV, "1")
    monkeypatch.delenv("VOILA_PREHEAT", raising=False)
    WorkshopStore(journal).bind_kernel("k-trainer", None)
    monkeypatch.setattr(identity, "kernel_id", lambda: "k-trainer")
    view = runner(state, SessionStore()).children[0]
    assert isinstance(view.store.workshop, SessionPublisher)  # type: ignore[attr-defined]
    assert view.from_workshop.layout.display != "none"  # type: ignore[attr-defined]
    monkeypatch.setattr(identity, "kernel_id", lambda: "k-nobody")
    view = runner(state, SessionStore()).children[0]
    assert view.store.workshop is None and view.from_workshop.layout.display == "none"  # type: ignore[attr-defined]


def test_the_room_sees_only_the_latest_interventions(journal: Journal) -> None:
    from intervisie_kit.workshop.live import MAX_ROOM_INTERVENTIONS

    view, _ = _view(journal)
    view.names.value = "Anna\nBram\nCem"
    view.start.click()
    button = next(iter(view.intervention_buttons.values()))
    for _ in range(MAX_ROOM_INTERVENTIONS + 5):
        button.click()
    assert len(view.session.interventions) == MAX_ROOM_INTERVENTIONS + 5  # type: ignore[union-attr]
    assert len(_live(journal)["interventions"]) == MAX_ROOM_INTERVENTIONS  # type: ignore[index]
