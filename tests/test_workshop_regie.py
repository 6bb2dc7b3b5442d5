"""Headless tests of page 11 Startdag geven: every control of the trainer's regie against a temp journal."""

from __future__ import annotations

import html
from collections.abc import Iterator
from pathlib import Path

import pytest

from intervisie_kit.content import load
from intervisie_kit.journal import Journal
from intervisie_kit.ui import shell
from intervisie_kit.ui import workshop as regie_ui
from intervisie_kit.workshop import MAX_CASE_TITLE, identity
from intervisie_kit.workshop.model import WorkshopError
from intervisie_kit.workshop.store import WorkshopStore

from .hostile import html_of

CONTENT = load(include_env=False, strict=False)


@pytest.fixture
def path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    path = tmp_path / "journal.sqlite"
    monkeypatch.setenv("INTERVISIE_KIT_JOURNAL", str(path))
    monkeypatch.setenv(identity.WORKSHOP_ENV, "1")
    monkeypatch.delenv("VOILA_PREHEAT", raising=False)
    monkeypatch.setattr(identity, "kernel_id", lambda: "k-trainer")
    with Journal(path) as j:
        store = WorkshopStore(j)
        store.open_workshop("Startdag")
        store.bind_kernel("k-trainer", None)
    yield path


@pytest.fixture
def journal(path: Path) -> Iterator[Journal]:
    with Journal(path) as j:
        yield j


@pytest.fixture
def view(journal: Journal) -> regie_ui.RegieView:
    return regie_ui.RegieView(WorkshopStore(journal), CONTENT, "nl")


def _join(journal: Journal, name: str) -> str:
    store = WorkshopStore(journal)
    return store.join(store.active().code, name, f"secret-{name}-" + "x" * 24).id  # type: ignore[union-attr]


def _active(journal: Journal):  # type: ignore[no-untyped-def]
    return WorkshopStore(journal).active()


def test_outside_workshop_mode_the_page_only_explains(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(identity.WORKSHOP_ENV, raising=False)
    state = shell.PageState.create(lang="nl", load_content=False)
    box = regie_ui.regie(state)
    text = html_of(box)
    assert "python3 kit.py workshop" in text and "aanmeldcode" in text
    assert not any(isinstance(w, regie_ui.RegieView) for w in box.children)
    state.lang = "en"
    assert "workshop mode" in html_of(box)


def test_the_trainers_kernel_gets_the_controls_a_participants_does_not(path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    state = shell.PageState.create(lang="nl", load_content=False)
    assert isinstance(regie_ui.regie(state).children[0], regie_ui.RegieView)
    with Journal(path) as j:
        WorkshopStore(j).bind_kernel("k-anna", _join(j, "Anna"))
    monkeypatch.setattr(identity, "kernel_id", lambda: "k-anna")
    box = regie_ui.regie(state)
    assert "voor de trainer" in html_of(box) and not isinstance(box.children[0], regie_ui.RegieView)
    monkeypatch.setattr(identity, "kernel_id", lambda: "k-unknown")
    assert "voor de trainer" in html_of(regie_ui.regie(state))


def test_code_wall_link_joining_and_new_code(view: regie_ui.RegieView, journal: Journal) -> None:
    code = _active(journal).code
    assert code in view.code.value
    assert "href='/workshop/wall'" in view.wall_link.value and "target='_blank'" in view.wall_link.value
    assert "Open de muur" in view.wall_link.value
    assert view.joining.value is True
    view.joining.value = False
    assert _active(journal).joining_open is False and "gesloten" in view.status.value
    view.joining.value = True
    assert _active(journal).joining_open is True
    view.new_code.click()
    new = _active(journal).code
    assert new != code and new in view.code.value and new in view.status.value


def test_catalogue_case_in_the_pages_language(journal: Journal) -> None:
    view = regie_ui.RegieView(WorkshopStore(journal), CONTENT, "en")
    case = CONTENT.cases[view.catalogue.value]
    assert html.escape(case.story.get("en")[:40]) in view.preview.value
    view.show_case.click()
    workshop = _active(journal)
    assert workshop.case_id == case.id and workshop.case_title == case.title.get("en")
    assert html.escape(case.title.get("en")) in view.case_now.value


def test_a_typed_case_with_limits(view: regie_ui.RegieView, journal: Journal) -> None:
    view.show_typed.click()
    assert "Typ eerst een titel" in view.status.value and _active(journal).case_title == ""
    view.case_title.value = "x" * (MAX_CASE_TITLE + 1)
    view.case_text.value = "Mijn verhaal"
    view.show_typed.click()
    assert "te lang" in view.status.value and view.case_title.value == "x" * (MAX_CASE_TITLE + 1)
    assert _active(journal).case_title == ""
    view.case_title.value = "Een lastig gesprek"
    view.show_typed.click()
    workshop = _active(journal)
    assert (workshop.case_title, workshop.case_text, workshop.case_id) == ("Een lastig gesprek", "Mijn verhaal", None)


def test_a_participant_as_inbrenger_may_leave_title_and_text_empty(view: regie_ui.RegieView, journal: Journal) -> None:
    anna = _join(journal, "Anna")
    view.refresh_button.click()
    assert view.inbrenger.label.startswith("(niemand") and ("Anna", anna) in view.inbrenger.options
    view.inbrenger.value = anna
    view.set_inbrenger.click()
    assert _active(journal).inbrenger_id == anna and "Inbrenger: Anna" in view.status.value
    view.show_typed.click()  # empty title and text: the case is Anna's
    assert "Typ eerst" not in view.status.value
    view.inbrenger.value = regie_ui.NOBODY
    view.set_inbrenger.click()
    assert _active(journal).inbrenger_id is None


def test_rounds_and_names(view: regie_ui.RegieView, journal: Journal) -> None:
    store = WorkshopStore(journal)
    assert view.close_round.disabled and "geen ronde" in view.round_now.value
    view.round1.click()
    assert store.wall_view("nl")["round"]["rule"] == "all" and "Ronde 1" in view.round_now.value
    view.round2.click()
    current = store.wall_view("nl")["round"]
    assert (current["number"], current["rule"]) == (2, "open") and "alleen open vragen" in view.round_now.value
    view.close_round.click()
    assert store.wall_view("nl")["round"] is None and view.close_round.disabled
    view.names.value = True
    assert _active(journal).show_names is True and "Namen staan" in view.status.value
    view.names.value = False
    assert _active(journal).show_names is False


def test_participants_refresh_and_remove_after_saying_what_goes(view: regie_ui.RegieView, journal: Journal) -> None:
    assert "Nog niemand" in html_of(view.people)
    anna = _join(journal, "<b>Anna</b>")
    bram = _join(journal, "Bram")
    store = WorkshopStore(journal)
    view.round1.click()  # also refreshes the list
    store.submit(anna, "Wat maakte dat je toen zweeg?", "q1")
    trainee = store.participant(anna).trainee_id  # type: ignore[union-attr]
    journal.add(trainee, template="bijeenkomst", answers={"wat-gebeurde": "Privé"})
    rows = view.people.children
    assert len(rows) == 2 and "&lt;b&gt;Anna&lt;/b&gt;" in html_of(view.people)
    rows[0].children[1].click()  # "verwijderen" for Anna (joined first)
    question = html_of(view.confirm_remove)
    assert "1 vraag/vragen" in question and "1 privé" in question and "&lt;b&gt;Anna" in question
    view.confirm_remove.children[1].children[1].click()  # Annuleren
    assert view.confirm_remove.children == () and len(store.participants()) == 2
    view.people.children[0].children[1].click()
    view.confirm_remove.children[1].children[0].click()  # Ja, verwijderen
    assert [p.id for p in store.participants()] == [bram]
    assert "Verwijderd" in view.status.value and "1 reflectie" in view.status.value
    assert len(view.people.children) == 1


def test_end_says_what_is_erased_and_asks_first(view: regie_ui.RegieView, journal: Journal) -> None:
    store = WorkshopStore(journal)
    anna = _join(journal, "Anna")
    view.round1.click()
    store.submit(anna, "Wat raakte je?", "q1")
    trainee = store.participant(anna).trainee_id  # type: ignore[union-attr]
    journal.add(trainee, template="bijeenkomst", answers={"wat-gebeurde": "Privé"})
    journal.add(trainee, template="bijeenkomst", answers={"wat-gebeurde": "Gedeeld"}, share="supervisor")
    view.end.click()
    asked = view.end_question.value
    assert "1 deelnemer(s), 1 vraag/vragen, 0 waardering(en), 1 privéreflectie(s) en 1 gedeelde" in asked
    view.keep_shared.value = True  # the sentence follows the retention choice
    assert "0 gedeelde reflectie(s)" in view.end_question.value
    assert store.active() is not None  # nothing erased before the confirmation
    view.end_no.click()
    assert view.end_confirm.children == () and store.active() is not None
    view.end.click()
    view.end_yes.click()
    assert store.active() is None
    assert "afgesloten" in view.status.value and "Bewaard: de gedeelde" in view.status.value
    assert "geen startdag" in html_of(view.body)
    view.open_button.click()  # a new day can start from here
    assert store.active() is not None and store.active().code in view.code.value  # type: ignore[union-attr]


def test_store_errors_are_shown_not_raised(view: regie_ui.RegieView, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_: object, **__: object) -> None:
        raise WorkshopError("Het dagboek is even bezet.", "The journal is busy.", "busy")

    monkeypatch.setattr(view.store, "start_round", refuse)
    view.round1.click()
    assert "even bezet" in view.status.value
    monkeypatch.setattr(view.store, "active", refuse)
    view.refresh_button.click()  # a failing re-read says so too
    assert "even bezet" in view.status.value


def test_the_ticker_rereads_only_when_the_store_changed(view: regie_ui.RegieView, journal: Journal) -> None:
    assert "ik-ticker" in view.ticker._dom_classes and view.ticker.layout.display == "none"
    assert view.poll() is False  # nothing changed since the page read the store
    _join(journal, "Anna")  # from a phone, meanwhile
    view.ticker.click()  # what the template's script does every few seconds
    assert "Anna" in html_of(view.people) and "Deelnemers (1)" in view.people_title.value
    assert view.poll() is False
    view.end.click()
    assert "1 deelnemer(s)" in view.end_question.value
    _join(journal, "Bram")
    assert view.poll() is True and "2 deelnemer(s)" in view.end_question.value  # the question stays true


def test_the_trainer_reads_only_what_participants_shared_also_after_the_day(
    view: regie_ui.RegieView, journal: Journal
) -> None:
    store = WorkshopStore(journal)
    anna, bram = _join(journal, "Anna"), _join(journal, "<b>Bram</b>")
    for pid, word in ((anna, "Anna"), (bram, "Bram")):
        trainee = store.participant(pid).trainee_id  # type: ignore[union-attr]
        journal.add(trainee, template="bijeenkomst", title=f"Privé {word}", answers={"wat-gebeurde": f"geheim-{word}"})
    trainee = store.participant(anna).trainee_id  # type: ignore[union-attr]
    journal.add(
        trainee, template="bijeenkomst", title="Wat ik meeneem", answers={"wat-gebeurde": "gedeeld"}, share="supervisor"
    )
    view.refresh_button.click()
    shown = view.shared_list.value
    assert "Anna: 1 gedeelde reflectie(s)" in shown and "Wat ik meeneem" in shown
    assert "geheim" not in shown and "Privé" not in shown and "Bram" not in shown  # private stays private
    assert "data:text/markdown" in shown or "download" in shown
    assert view.kept_erase.layout.display == "none"  # nothing kept from an earlier day while this one runs

    view.keep_shared.value = True
    view.end.click()
    view.end_yes.click()
    assert "Wat ik meeneem" in view.shared_list.value  # kept: the trainer can still read it after the day
    assert view.kept_erase.layout.display is None
    view.kept_erase.click()
    assert "1 bewaarde gedeelde reflectie(s)" in html_of(view.kept_confirm)
    view.kept_confirm.children[1].children[0].click()  # "Ja, wis ze"
    assert "Gewist: 1 reflectie(s)." in view.status.value
    assert store.shared_with_trainer() == [] and "Nog niemand" in view.shared_list.value
