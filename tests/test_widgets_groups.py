"""Headless widget tests of page 09 (Groepen indelen): set values, click, read what the page shows."""

from __future__ import annotations

import base64
import csv
import io
import re
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from intervisie_kit.content import load
from intervisie_kit.groups.model import Participant
from intervisie_kit.groups.sample import sample_population
from intervisie_kit.groups.store import GroupStore
from intervisie_kit.ui import shell
from intervisie_kit.ui.groups import GroupsState, GroupsView, indeler

CONTENT = load(include_env=False, strict=False)
DAY = date(2026, 3, 1)
HOSTILE = "<img src=x onerror=alert(1)>"


def as_csv(people: tuple[Participant, ...], extra: list[list[str]] = ()) -> str:  # type: ignore[assignment]
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(["Naam", "Regio", "Organisatie", "Team", "Functie", "Leidinggevende", "Ervaring", "Niet met"])
    for p in people:
        writer.writerow(
            [
                p.name,
                p.region,
                p.organisation,
                p.team,
                p.function,
                p.manager,
                str(int(p.experience)),
                ";".join(p.not_with),
            ]
        )
    for row in extra:
        writer.writerow(row)
    return out.getvalue()


@pytest.fixture
def store(tmp_path: Path) -> GroupStore:
    return GroupStore(tmp_path / "groups.json")


def view(store: GroupStore, lang: str = "nl", state: GroupsState | None = None) -> GroupsView:
    return GroupsView(CONTENT, lang, state=state, group_store=store, today=DAY)


def solved(store: GroupStore, n: int = 24) -> tuple[GroupsView, tuple[Participant, ...]]:
    people = sample_population(n, seed=5)
    page = view(store)
    page.typed.value = as_csv(people)
    page.read.click()
    page.facilitators.value = "Femke; Noord, Oost; 2\nGert; Zuid, West, Midden; 2"
    page.solve_button.click()
    return page, people


def links(html_text: str) -> dict[str, bytes]:
    found = re.findall(r"<a class='([^']+)' download='[^']+' href='data:[^;]+;base64,([^']+)'>", html_text)
    return {cls: base64.b64decode(data) for cls, data in found}


def test_a_typed_list_with_a_broken_row_loads_the_rest_and_says_which_row(store: GroupStore) -> None:
    page = view(store)
    page.typed.value = as_csv(sample_population(12), [["", "Noord"], ["Zonder Regio", "", "Org", "", "", "Niemand"]])
    page.read.click()
    assert "13 deelnemers geladen." in page.imported.value
    assert "Rij 14, kolom Naam: geen naam" in page.imported.value
    assert "Rij 15, kolom Leidinggevende: &#x27;Niemand&#x27; staat niet in de lijst" in page.imported.value


def test_an_uploaded_file_is_read(store: GroupStore) -> None:
    page = view(store)
    data = as_csv(sample_population(10)).encode()
    page.upload.value = (
        {
            "name": "deelnemers.csv",
            "type": "text/csv",
            "size": len(data),
            "content": memoryview(data),
            "last_modified": datetime(2026, 3, 1, tzinfo=UTC),
        },
    )
    assert "10 deelnemers geladen." in page.imported.value
    assert len(page.state.participants) == 10


def test_solving_shows_a_card_per_group_with_reasons_and_no_broken_rule(store: GroupStore) -> None:
    page, people = solved(store)
    groups = page.state.assignment.groups  # type: ignore[union-attr]
    assert len(page.cards.children) == len(groups) == 4
    assert "4 groepen voor 24 deelnemers" in page.status.value
    assert "Alle harde regels kloppen." in page.checked.value
    first = page.cards.children[0].children[0].value
    assert "data-conflicts='0'" in first and "Begeleider: " in first and "Gelukt" in first and "Afgewogen" in first
    assert sorted(m for g in groups for m in g.members) == sorted(p.name for p in people)


def test_moving_a_person_into_a_conflict_warns_at_once(store: GroupStore) -> None:
    page, people = solved(store)
    assignment = page.state.assignment
    assert assignment is not None
    boss = next(p for p in people if any(q.manager == p.name for q in people))
    report = next(q for q in people if q.manager == boss.name)
    target = assignment.group_of(boss.name)
    page.person.value = report.name
    page.to.value = target
    page.move_button.click()
    assert "Deze indeling breekt een regel" in page.checked.value
    assert f"{report.name} zit bij {boss.name}, de eigen leidinggevende" in page.checked.value
    card = page.cards.children[target]
    assert "ik-groups-card-conflict" in card._dom_classes
    assert "Met de hand aangepast." in card.children[0].value


def test_giving_a_facilitator_one_group_too_many_warns_at_once(store: GroupStore) -> None:
    page, _ = solved(store)
    led = [g.facilitator for g in page.state.assignment.groups]  # type: ignore[union-attr]
    assert sorted(led) == ["Femke", "Femke", "Gert", "Gert"]
    other = next(i for i, name in enumerate(led) if name == "Gert")
    page.leader.value = "Femke"
    page.lead_to.value = other
    page.lead_button.click()
    assert "Femke begeleidt 3 groepen; afgesproken is hooguit 2." in page.checked.value
    assert "Begeleider: Femke" in page.cards.children[other].children[0].value


def test_a_locked_group_stays_when_the_rest_is_divided_again(store: GroupStore) -> None:
    page, _ = solved(store)
    before = page.state.assignment.groups[2]  # type: ignore[union-attr]
    page.locks[2].value = True
    assert page.solve_button.description == "Deel de rest opnieuw in"
    page.weights["region"].value = 0
    page.solve_button.click()
    after = page.state.assignment.groups[2]  # type: ignore[union-attr]
    assert after.members == before.members and after.locked


def test_an_impossible_division_says_what_collides_and_what_to_relax(store: GroupStore) -> None:
    page, _ = solved(store)
    page.count.value = 2
    page.solve_button.click()
    assert "Zo lukt het niet" in page.status.value
    assert "24 deelnemers passen niet in precies 2 groepen van 5 tot 8 leden." in page.status.value
    assert "Wat je kunt verruimen" in page.status.value


def test_exports_hold_only_the_groups(store: GroupStore) -> None:
    page, people = solved(store)
    found = links(page.exports.value)
    text = found["ik-groups-csv"].decode("utf-8-sig")
    assert text.splitlines()[0] == "groep;begeleider;naam;regio"
    assert len(text.splitlines()) == 1 + len(people)
    assert all(p.team not in text for p in people if p.team)
    assert "teamleider" not in text and "teamleider" not in found["ik-groups-print"].decode()


def test_a_trajectory_plan_per_group(store: GroupStore) -> None:
    page, _ = solved(store)
    page.plan_start.value = date(2026, 4, 7)
    page.plans_button.click()
    assert page.plans.value.count("<li data-group=") == 4
    calendar = links(page.plans.value)["ik-plan-ics"]
    assert b"DTSTART" in calendar and b"20260407" in calendar


def test_the_list_comes_back_and_is_erased_with_a_count(store: GroupStore) -> None:
    solved(store)
    again = view(store)
    assert "24 deelnemers uit de bewaarde lijst." in again.imported.value
    assert len(again.cards.children) == 4
    assert str(store.path) in again.store_note.value
    again.erase_button.click()
    assert store.path.exists()  # not without the confirm step
    again.agree.value = True
    again.erase_button.click()
    assert "Gewist: 24 deelnemer(s), 2 begeleider(s) en 4 groep(en)." in again.erased.value
    assert not store.path.exists() and again.cards.children == ()


def test_workshop_participants_are_handed_in(store: GroupStore) -> None:
    state = shell.PageState.create(lang="nl", load_content=False)
    box = indeler(state, sample_population(10), group_store=store)
    page = box.children[0]
    assert isinstance(page, GroupsView)
    assert "10 deelnemers uit de workshop." in page.imported.value
    state.lang = "en"
    page = box.children[0]
    assert "10 participants from the workshop." in page.imported.value


def test_english_page(store: GroupStore) -> None:
    page = view(store, "en")
    page.solve_button.click()
    assert "Load a list of participants first." in page.status.value
    assert page.solve_button.description == "Make the groups"


def test_hostile_names_are_shown_as_text(store: GroupStore) -> None:
    people = tuple(Participant(f"{HOSTILE} {i}", region="Noord", organisation=HOSTILE) for i in range(6))
    page = view(store)
    page.typed.value = as_csv(people)
    page.read.click()
    page.solve_button.click()
    card = page.cards.children[0].children[0].value
    assert HOSTILE not in card and "&lt;img src=x onerror=alert(1)&gt; 0" in card


def test_unreadable_facilitator_and_travel_lines_are_named(store: GroupStore) -> None:
    page = view(store)
    page.typed.value = as_csv(sample_population(12))
    page.read.click()
    page.facilitators.value = "Femke; Noord; 2\nGert; Oost; veel"
    page.travel.value = "Noord; Oost"
    page.solve_button.click()
    assert "Begeleiders, regel 2: &#x27;Gert; Oost; veel&#x27; is niet te lezen" in page.status.value
    assert "Reistijden, regel 1" in page.status.value
    assert all(g.facilitator == "Femke" for g in page.state.assignment.groups)  # type: ignore[union-attr]
