"""Headless widget tests of page 06 Reflectie and the 'save to my reflections' buttons of pages 04 and 07."""

from __future__ import annotations

import base64
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from intervisie_kit.journal import Context, Journal, Share
from intervisie_kit.ui import exercises, journal, practice, shell

HOSTILE = "<script>alert('x')</script>"


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    path = tmp_path / "journal.sqlite"
    monkeypatch.setenv("INTERVISIE_KIT_JOURNAL", str(path))
    yield path


def _page(lang: str = "nl") -> tuple[shell.PageState, journal.JournalView]:
    state = shell.PageState.create(lang=lang)
    box = journal.reflection(state)
    return state, box.children[0]


def _entries(path: Path) -> list:  # type: ignore[type-arg]
    with Journal(path) as j:
        return j.entries(j.local_trainee().id)


def _downloads(html: str) -> dict[str, bytes]:
    return {
        name: base64.b64decode(data)
        for name, data in re.findall(r"download='([^']+)' href='data:[^;]+;base64,([^']+)'", html)
    }


def test_write_a_meeting_reflection_private_by_default(store: Path) -> None:
    _, view = _page()
    editor = view.editor
    assert editor.template.value == "bijeenkomst" and editor.shared.value is False
    editor.label.value = "Bijeenkomst 2"
    editor.inputs["wat-gebeurde"].value = "We deden de incidentmethode."
    editor.inputs["volgende-keer"].value = "Minder waarom-vragen."
    saved = editor.submit()
    assert saved is not None and saved.share is Share.PRIVATE and saved.context_label == "Bijeenkomst 2"
    assert "Bewaard" in editor.status.value
    assert editor.inputs["wat-gebeurde"].value == ""  # ready for the next one
    # The next meeting reflection looks back at what the trainee meant to try.
    assert "Minder waarom-vragen." in editor.fields_box.children[0].children[1].value
    assert view.browser.list.options[0][0].endswith("privé")


def test_an_empty_reflection_is_not_saved(store: Path) -> None:
    _, view = _page()
    assert view.editor.submit() is None
    assert "minstens één vraag" in view.editor.status.value
    assert _entries(store) == []


def test_the_non_writing_mode_saves_scales_cards_and_a_mood(store: Path) -> None:
    _, view = _page()
    editor = view.editor
    editor.template.value = "zonder-schrijven"
    editor.inputs["veiligheid"].value = 4
    editor.inputs["kaart"].value = "lamp"
    editor.inputs["stemming"].value = "tevreden"
    editor.submit()
    (entry,) = _entries(store)
    assert entry.answers == {"veiligheid": 4, "kaart": "lamp", "stemming": "tevreden"}
    assert "De lamp" in view.browser.detail.value and "4 / 5" in view.browser.detail.value


def test_edit_share_and_delete_from_the_list(store: Path) -> None:
    _, view = _page()
    view.editor.inputs["wat-gebeurde"].value = "Eerste versie"
    view.editor.submit()
    browse = view.browser
    browse.edit.click()
    assert view.tabs.selected_index == 0 and view.editor.inputs["wat-gebeurde"].value == "Eerste versie"
    view.editor.inputs["wat-gebeurde"].value = "Tweede versie"
    view.editor.submit()
    (entry,) = _entries(store)
    assert entry.answers["wat-gebeurde"] == "Tweede versie"
    browse.toggle.click()
    assert _entries(store)[0].share is Share.SUPERVISOR and "gedeeld" in browse.detail.value
    browse.toggle.click()
    assert _entries(store)[0].share is Share.PRIVATE
    browse.delete.click()
    assert browse.confirm.layout.display is None  # asks first
    browse.confirm.click()
    assert _entries(store) == [] and "nog geen reflecties" in browse.detail.value


def test_hostile_text_is_shown_as_text(store: Path) -> None:
    _, view = _page()
    view.editor.title.value = HOSTILE
    view.editor.inputs["wat-gebeurde"].value = HOSTILE
    view.editor.submit()
    detail = view.browser.detail.value
    assert "<script>" not in detail and "&lt;script&gt;" in detail


def test_export_after_the_privacy_check_holds_only_shared_entries(store: Path) -> None:
    _, view = _page()
    editor = view.editor
    for text, shared in (("Mevrouw Jansen belde 06-12345678.", True), ("PRIVE-GEHEIM", False)):
        editor.label.value = "Bijeenkomst 5"
        editor.inputs["wat-gebeurde"].value = text
        editor.shared.value = shared
        editor.submit()
    share = view.share
    assert "1 gedeelde reflectie" in share.count.value
    share.make.click()
    warning = share.check.children[0].value
    assert "Jansen" in warning and "06-12345678" in warning
    assert share.downloads.value == ""  # nothing leaves before the trainee chooses
    share.check.children[1].children[0].click()  # replace with pseudonyms
    files = _downloads(share.downloads.value)
    assert set(files) == {
        "reflectieverslag-bijeenkomst-5.md",
        "reflectieverslag-bijeenkomst-5.html",
        "reflectieverslag-bijeenkomst-5.pdf",
    }
    markdown = files["reflectieverslag-bijeenkomst-5.md"].decode()
    assert "Persoon A" in markdown and "telefoonnummer" in markdown and "06-12345678" not in markdown
    assert "Jansen" not in markdown and "PRIVE-GEHEIM" not in markdown
    assert files["reflectieverslag-bijeenkomst-5.pdf"].startswith(b"%PDF")
    shared_entry = next(e for e in _entries(store) if e.shared)
    assert shared_entry.answers["wat-gebeurde"] == "Mevrouw Persoon A belde [telefoonnummer]."


def test_export_anyway_keeps_the_text(store: Path) -> None:
    _, view = _page()
    view.editor.inputs["wat-gebeurde"].value = "Ik sprak mevrouw Jansen."
    view.editor.shared.value = True
    view.editor.submit()
    view.share.make.click()
    view.share.check.children[1].children[1].click()  # export as it is
    (markdown,) = [v for k, v in _downloads(view.share.downloads.value).items() if k.endswith(".md")]
    assert "Jansen" in markdown.decode()


def test_a_draft_survives_a_language_switch(store: Path) -> None:
    state = shell.PageState.create(lang="nl")
    box = journal.reflection(state)
    box.children[0].editor.template.value = "gibbs"
    box.children[0].editor.inputs["gevoelens"].value = "Onrustig"
    state.lang = "en"
    new = box.children[0]  # rebuilt in English
    assert new.tabs.titles[0] == "Write"
    assert new.editor.template.value == "gibbs" and new.editor.inputs["gevoelens"].value == "Onrustig"


def test_erase_my_data(store: Path) -> None:
    _, view = _page()
    view.data.name.value = "Noor"
    view.data.children[0].children[1].click()
    for i in range(3):
        view.editor.inputs["wat-gebeurde"].value = f"Reflectie {i}"
        view.editor.shared.value = i == 0
        view.editor.submit()
    assert view.data.erase.disabled  # not without the explicit confirmation
    view.data.agree.value = True
    view.data.erase.click()
    assert "3 reflectie(s), waarvan 1 gedeeld" in view.data.result.value
    assert _entries(store) == []
    with Journal(store) as j:
        assert j.local_trainee().name == ""
    assert "nog geen reflecties" in view.browser.detail.value


def test_a_practice_round_can_be_saved_with_its_figures(store: Path) -> None:
    state = shell.PageState.create(lang="nl")
    view = practice.PracticeView(state.content, "nl")
    view.limit.value = min(view.limit.options)
    while not view.round.done:
        view.submit("Wat ging er door je heen?")
    (button,) = [w for w in view.save_box.children[0].children if hasattr(w, "on_click")]
    button.click()
    (entry,) = _entries(store)
    assert entry.context_kind is Context.PRACTICE and entry.share is Share.PRIVATE
    assert entry.figures["turns"] == len(view.round.turns) and entry.figures["open"] == len(view.round.turns)
    _, page = _page()
    assert page.progress.children == ()  # nothing computed until the tab is opened
    page.tabs.selected_index = 2
    assert "Oefenrondes: 1" in page.progress.children[0].value
    assert any("<img" in getattr(w, "value", "") for w in page.progress.children)  # the chart (alt: test_a11y.py)


def test_a_saved_practice_round_reads_as_formatted_text_and_the_table_in_dutch(store: Path) -> None:
    state = shell.PageState.create(lang="nl")
    view = practice.PracticeView(state.content, "nl", "werkdruk-verminderen")
    view.limit.value = min(view.limit.options)
    view.submit(f"{HOSTILE} **vet** Wat ging er door je heen?")
    view.submit("Wat [klik](javascript:alert(1)) ![x](http://example.org/x.png) deed je?")
    while not view.round.done:
        view.submit("Wat ging er door je heen?")
    next(w for w in view.save_box.children[0].children if hasattr(w, "on_click")).click()
    _, page = _page()
    shown = page.browser.detail.value
    assert "<h4>Oefenronde: " in shown and "<ol>" in shown and "<em>Open vraag</em>" in shown
    assert "# Oefenronde" not in shown and "*Open vraag*" not in shown  # no raw Markdown
    assert "<script>" not in shown and "&lt;script&gt;" in shown  # typed HTML stays text
    assert "<a " not in shown and "<img" not in shown and "example.org" in shown  # no links, no fetching
    page.tabs.selected_index = 2
    table = page.progress.children[-1].value
    headers = re.findall(r"<th>([^<]*)</th>", table)
    assert headers[:4] == ["ronde", "datum", "casus", "vragen"]
    title = state.content.cases["werkdruk-verminderen"].title.nl
    assert f"<td>{title}</td>" in table and "werkdruk-verminderen" not in table
    _, english = _page("en")
    english.tabs.selected_index = 2
    table = english.progress.children[-1].value
    assert re.findall(r"<th>([^<]*)</th>", table)[:3] == ["round", "date", "case"]
    assert state.content.cases["werkdruk-verminderen"].title.en in table


def test_an_exercise_result_can_be_saved(store: Path) -> None:
    state = shell.PageState.create(lang="nl")
    view = exercises.ExerciseView(state.content, "nl", "van-waarom-naar-wat")
    view.save_box.children[0].children[0].click()
    (entry,) = _entries(store)
    assert entry.context_kind is Context.EXERCISE and entry.figures["set"] == "van-waarom-naar-wat"
