"""Which trainee a page's kernel serves (workshop.identity), and page 06 and the save buttons using it.

A temp journal holds a workshop with two participants; the kernel's id is faked (the server would have
bound the real one), the workshop env var is set as the server sets it for its kernels.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from intervisie_kit.journal import Journal, JournalError
from intervisie_kit.ui import journal as journal_ui
from intervisie_kit.ui import shell
from intervisie_kit.ui.journal_link import save_to_journal_button
from intervisie_kit.workshop import identity
from intervisie_kit.workshop.store import WorkshopStore

from .hostile import html_of


@dataclass
class Room:
    path: Path
    anna: str  # participant ids
    bram: str
    anna_trainee: str
    bram_trainee: str
    trainer_trainee: str


def _entry(j: Journal, trainee: str, title: str) -> None:
    j.add(trainee, template="bijeenkomst", answers={"wat-gebeurde": title}, title=title)


@pytest.fixture
def room(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Room]:
    path = tmp_path / "journal.sqlite"
    monkeypatch.setenv("INTERVISIE_KIT_JOURNAL", str(path))
    monkeypatch.setenv(identity.WORKSHOP_ENV, "1")
    monkeypatch.delenv("VOILA_PREHEAT", raising=False)
    monkeypatch.delenv("VOILA_KERNEL_ID", raising=False)
    monkeypatch.setattr(identity, "_request_known", False)
    with Journal(path) as j:
        store = WorkshopStore(j)
        workshop = store.open_workshop("Startdag")
        anna = store.join(workshop.code, "Anna", "secret-anna-" + "a" * 20)
        bram = store.join(workshop.code, "Bram", "secret-bram-" + "b" * 20)
        trainer = j.local_trainee().id
        _entry(j, anna.trainee_id, "Anna schrijft")
        _entry(j, bram.trainee_id, "Bram schrijft")
        _entry(j, trainer, "De trainer schrijft")
        store.bind_kernel("k-anna", anna.id)
        store.bind_kernel("k-trainer", None)
    yield Room(path, anna.id, bram.id, anna.trainee_id, bram.trainee_id, trainer)


def _as_kernel(monkeypatch: pytest.MonkeyPatch, kernel: str | None) -> None:
    monkeypatch.setattr(identity, "kernel_id", lambda: kernel)


def _titles(view: journal_ui.JournalView) -> str:
    return " ".join(label for label, _ in view.browser.list.options)


def test_outside_workshop_mode_the_page_serves_the_local_trainee(room: Room, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv(identity.WORKSHOP_ENV)
    _as_kernel(monkeypatch, "k-anna")  # a binding is ignored on a laptop
    assert not identity.is_workshop() and identity.serves_trainer()
    with Journal(room.path) as j:
        assert identity.current_trainee(j) == room.trainer_trainee


def test_page_06_shows_only_the_bound_participants_entries(room: Room, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _as_kernel(monkeypatch, "k-anna")
    state = shell.PageState.create(lang="nl")
    view = journal_ui.reflection(state).children[0]
    assert isinstance(view, journal_ui.JournalView)
    titles = _titles(view)
    assert "laptop van de trainer" in html_of(view) and str(room.path) not in html_of(view)
    assert "Anna schrijft" in titles
    assert "Bram schrijft" not in titles and "De trainer schrijft" not in titles
    # What Anna writes on this page is hers, not the trainer's.
    view.editor.inputs["wat-gebeurde"].value = "Nieuw van Anna"
    assert view.editor.submit() is not None
    with Journal(room.path) as j:
        assert [e.answers["wat-gebeurde"] for e in j.entries(room.anna_trainee)].count("Nieuw van Anna") == 1
        assert all(e.answers.get("wat-gebeurde") != "Nieuw van Anna" for e in j.entries(room.trainer_trainee))


def test_an_unbound_kernel_gets_no_journal_at_all(room: Room, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _as_kernel(monkeypatch, "k-stranger")
    state = shell.PageState.create(lang="nl")
    box = journal_ui.reflection(state)
    text = html_of(box)
    assert "telefoonpagina van de startdag" in text
    assert not isinstance(box.children[0], journal_ui.JournalView)
    for title in ("Anna schrijft", "Bram schrijft", "De trainer schrijft"):
        assert title not in text
    state.lang = "en"
    assert "phone page" in html_of(box)
    with Journal(room.path) as j, pytest.raises(JournalError):
        identity.current_trainee(j)
    assert not identity.serves_trainer()


def test_no_kernel_id_is_unbound_too(room: Room, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _as_kernel(monkeypatch, None)
    with Journal(room.path) as j, pytest.raises(JournalError, match="telefoonpagina"):
        identity.current_trainee(j)


def test_the_trainers_kernel_serves_the_local_trainee_never_a_participant(room: Room, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _as_kernel(monkeypatch, "k-trainer")
    with Journal(room.path) as j:
        assert identity.current_trainee(j) == room.trainer_trainee
        assert identity.serves_trainer(j)
    _as_kernel(monkeypatch, "k-anna")
    assert not identity.serves_trainer()


def test_a_removed_participants_kernel_is_unbound(room: Room, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _as_kernel(monkeypatch, "k-anna")
    with Journal(room.path) as j:
        WorkshopStore(j).remove_participant(room.anna)
        with pytest.raises(JournalError):
            identity.current_trainee(j)


def test_save_button_saves_for_the_bound_participant_and_refuses_when_unbound(room: Room, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def make() -> dict:  # type: ignore[type-arg]
        return {"template": "bijeenkomst", "answers": {"wat-gebeurde": "Uit de oefening"}, "context": "practice"}

    _as_kernel(monkeypatch, "k-anna")
    box = save_to_journal_button("nl", make)
    box.children[0].click()
    assert "Bewaard" in box.children[1].value
    _as_kernel(monkeypatch, "k-stranger")
    refused = save_to_journal_button("nl", make)
    refused.children[0].click()
    assert "telefoonpagina" in refused.children[1].value and not refused.children[0].disabled
    with Journal(room.path) as j:
        saved = [e for t in (room.anna_trainee, room.bram_trainee, room.trainer_trainee) for e in j.entries(t)]
        assert [e.answers.get("wat-gebeurde") for e in saved].count("Uit de oefening") == 1
        assert any(e.answers.get("wat-gebeurde") == "Uit de oefening" for e in j.entries(room.anna_trainee))


def test_a_preheated_kernel_reads_its_identity_only_after_its_request(room: Room, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The server binds the kernel before it hands over the request; the kernel waits for that, once."""
    import voila.utils

    monkeypatch.setenv("VOILA_PREHEAT", "True")
    monkeypatch.setenv("VOILA_KERNEL_ID", "k-preheated")
    waits = []

    def request_arrives(url: str | None = None) -> None:
        waits.append(url)
        with Journal(room.path) as j:  # what the server does before the request reaches the kernel
            WorkshopStore(j).bind_kernel("k-preheated", room.bram)
        monkeypatch.setenv("QUERY_STRING", "lang=en")

    monkeypatch.setattr(voila.utils, "wait_for_request", request_arrives)
    state = shell.PageState.create(lang="nl")
    view = journal_ui.reflection(state).children[0]
    assert waits == [None]
    assert "Bram schrijft" in _titles(view) and "Anna schrijft" not in _titles(view)
    shell.follow_address(state)  # the last cell: the request is known, no second wait (it would never end)
    assert waits == [None] and state.lang == "en"


def test_a_participant_who_erases_their_data_keeps_no_identity(room: Room, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _as_kernel(monkeypatch, "k-anna")
    view = journal_ui.reflection(shell.PageState.create(lang="nl")).children[0]
    view.data.agree.value = True
    view.data.erase.click()
    said = view.data.result.value
    assert "Gewist: 1 reflectie(s)" in said and "telefoonpagina" in said
    with Journal(room.path) as j:
        assert [e.title for e in j.entries(room.bram_trainee)] == ["Bram schrijft"]  # nobody else's data
        assert [e.title for e in j.entries(room.trainer_trainee)] == ["De trainer schrijft"]
        with pytest.raises(JournalError):
            identity.current_trainee(j)
