"""Forming groups (page 09): the importer, the hard-rule checks, the CP-SAT solver, the reasons, the store.

Property tests generate populations: no returned division breaks a hard rule, everyone is placed exactly
once or the collision is named, and the same input gives the same groups.
"""

from __future__ import annotations

import io
import os
import stat
import sys
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from intervisie_kit.content import load
from intervisie_kit.groups.explain import explain
from intervisie_kit.groups.export import group_plans, groups_csv, groups_html
from intervisie_kit.groups.importer import parse_facilitators, parse_travel, read_file, read_text, template_csv
from intervisie_kit.groups.model import Assignment, Experience, Facilitator, Group, Participant, Rules, Weights
from intervisie_kit.groups.rules import check
from intervisie_kit.groups.sample import sample_facilitators, sample_population
from intervisie_kit.groups.solver import auto_group_count, precheck, solve
from intervisie_kit.groups.store import GroupStore, StoreError

#: Small budgets keep the property tests quick; the rules hold at any budget.
QUICK = 0.3
HOSTILE = "<img src=x onerror=alert(1)>"
NAMED_COLLISIONS = {
    "collide.too_few",
    "collide.no_group_count",
    "collide.groups_size",
    "collide.team",
    "collide.clique",
    "collide.isolated",
    "collide.facilitators",
    "collide.families",
    "collide.timeout",
}


def placed_once(assignment: Assignment, people: tuple[Participant, ...]) -> bool:
    names = [m for g in assignment.groups for m in g.members]
    return sorted(names) == sorted(p.name for p in people)


# -- generated populations -----------------------------------------------------------------------------


@st.composite
def populations(draw: st.DrawFn) -> tuple[tuple[Participant, ...], Rules, tuple[Facilitator, ...]]:
    n = draw(st.integers(min_value=3, max_value=34))
    names = [f"P{i}" for i in range(n)]
    teams = draw(st.integers(min_value=1, max_value=max(1, n // 3)))
    people = []
    for i, name in enumerate(names):
        manager = draw(st.one_of(st.just(""), st.sampled_from(names))) if i else ""
        not_with = draw(st.lists(st.sampled_from(names), max_size=2, unique=True))
        prefer = draw(st.lists(st.sampled_from(names), max_size=1))
        people.append(
            Participant(
                name=name,
                region=draw(st.sampled_from(["Noord", "Oost", "Zuid", ""])),
                organisation=draw(st.sampled_from(["A", "B", "C"])),
                team=f"T{draw(st.integers(0, teams))}" if draw(st.booleans()) else "",
                function=draw(st.sampled_from(["x", "y", "z"])),
                manager="" if manager == name else manager,
                experience=Experience(draw(st.integers(0, 2))),
                not_with=tuple(w for w in not_with if w != name),
                prefer_with=tuple(w for w in prefer if w != name and w not in not_with),
            )
        )
    rules = Rules(
        size=draw(st.sampled_from([(5, 8), (4, 6), (3, 5)])),
        no_manager=draw(st.booleans()),
        no_same_team=draw(st.booleans()),
        not_with=draw(st.booleans()),
    )
    facilitators = tuple(
        Facilitator(
            # Sometimes a participant's manager facilitates: then not the group of their report.
            draw(st.sampled_from([f"F{k}", names[0]])) if k == 0 else f"F{k}",
            tuple(draw(st.lists(st.sampled_from(["Noord", "Oost", "Zuid"]), max_size=2, unique=True))),
            draw(st.integers(1, 3)),
        )
        for k in range(draw(st.integers(0, 4)))
    )
    return tuple(people), rules, facilitators


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(populations())
def test_a_returned_division_never_breaks_a_hard_rule_and_places_everyone_once(case) -> None:  # type: ignore[no-untyped-def]
    people, rules, facilitators = case
    outcome = solve(people, rules, facilitators, budget=QUICK)
    if outcome.ok:
        assert outcome.assignment is not None
        assert check(outcome.assignment, people, rules, facilitators) == ()
        assert all(g.facilitator for g in outcome.assignment.groups) or not facilitators
        assert placed_once(outcome.assignment, people)
        low, high = rules.size
        assert all(low <= len(g.members) <= high for g in outcome.assignment.groups)
    else:
        assert outcome.collisions, "an input without groups must say why"
        assert {c.code for c in outcome.collisions} <= NAMED_COLLISIONS
        assert all(c.text("nl") and c.text("en") for c in outcome.collisions)


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(populations())
def test_the_same_input_gives_the_same_groups(case) -> None:  # type: ignore[no-untyped-def]
    people, rules, facilitators = case
    first = solve(people, rules, facilitators, budget=QUICK)
    second = solve(people, rules, facilitators, budget=QUICK)
    assert first.assignment == second.assignment
    assert [c.text() for c in first.collisions] == [c.text() for c in second.collisions]


def test_a_startdag_of_sixty_with_facilitators_keeps_every_rule_and_mostly_one_region() -> None:
    people = sample_population(60, seed=4)
    rules = Rules()
    groups = auto_group_count(len(people), rules)
    assert groups is not None
    facilitators = sample_facilitators(groups)
    outcome = solve(people, rules, facilitators)
    assert outcome.ok and outcome.assignment is not None
    assert check(outcome.assignment, people, rules, facilitators) == ()
    assert all(g.facilitator for g in outcome.assignment.groups)
    assert placed_once(outcome.assignment, people)


# -- infeasible inputs get a named reason ---------------------------------------------------------------


def team(n: int, name: str = "Wijkzorg Noord", region: str = "Noord") -> list[Participant]:
    return [Participant(f"{name} {i}", region=region, organisation="Zorggroep", team=name) for i in range(n)]


def others(n: int, region: str = "Oost") -> list[Participant]:
    return [
        Participant(f"Lid {region} {i}", region=region, organisation=f"Org {i % 3}", team=f"T{region}{i}")
        for i in range(n)
    ]


def test_a_team_larger_than_the_number_of_groups_is_named() -> None:
    people = team(4) + others(8)  # 12 people: 2 groups, a team of 4 cannot be spread over 2
    outcome = solve(people, Rules())
    assert not outcome.ok
    text = outcome.collisions[0].text("nl")
    assert outcome.collisions[0].code == "collide.team"
    assert "Wijkzorg Noord (Zorggroep)" in text and "4 leden" in text and "2 groepen" in text
    assert [r.code for r in outcome.relax] == ["relax.team"]
    assert "Switch off the rule" in outcome.relax[0].text("en")


def test_a_team_that_outgrows_its_region_is_warned_in_words() -> None:
    people = team(9) + others(6, "Noord") + others(60, "Oost")
    collide, _, warnings = precheck(people, 11, Rules())
    assert collide == ()
    texts = [w.text("nl") for w in warnings]
    assert any(
        "Team Wijkzorg Noord (Zorggroep) heeft 9 leden in regio Noord" in t and "plaats voor 3" in t for t in texts
    )


@pytest.mark.parametrize(
    ("people", "rules", "code", "words"),
    [
        (others(3), Rules(), "collide.too_few", "minstens 5"),
        (others(9), Rules(), "collide.no_group_count", "9 deelnemers passen niet in groepen van 5 tot 8"),
        (others(20), Rules(groups=2), "collide.groups_size", "precies 2 groepen"),
    ],
)
def test_size_collisions_are_named(people, rules, code: str, words: str) -> None:  # type: ignore[no-untyped-def]
    outcome = solve(people, rules)
    assert not outcome.ok and outcome.collisions[0].code == code
    assert words in outcome.collisions[0].text("nl")


def test_a_manager_chain_that_forces_conflicts_names_the_people() -> None:
    # A manager, two reports who asked not to sit together, and a third: all four must sit apart, 3 groups.
    boss = Participant("Baas", region="Noord", team="")
    a = Participant("Ada", manager="Baas", not_with=("Bo", "Cas"))
    b = Participant("Bo", manager="Baas", not_with=("Cas",))
    c = Participant("Cas", manager="Baas")
    people = [boss, a, b, c, *others(14)]
    outcome = solve(people, Rules())
    assert not outcome.ok
    clique = next(m for m in outcome.collisions if m.code == "collide.clique")
    assert set(clique.names) == {"Baas", "Ada", "Bo", "Cas"}
    assert "maar 3 groepen" in clique.text("nl") and "leidinggevende" in clique.text("nl")
    assert {r.code for r in outcome.relax} >= {"relax.manager", "relax.not_with"}


def test_a_person_the_rules_leave_almost_alone_is_named() -> None:
    everyone = others(10)
    lonely = Participant("Eenling", not_with=tuple(p.name for p in everyone[:7]))
    outcome = solve([lonely, *everyone], Rules(size=(5, 6)))
    assert not outcome.ok
    assert any(c.code == "collide.isolated" and "Eenling" in c.text("nl") for c in outcome.collisions)


def test_too_few_facilitators_are_named() -> None:
    outcome = solve(others(30), Rules(), (Facilitator("Femke", max_groups=2),))
    assert not outcome.ok
    assert outcome.collisions[0].code == "collide.facilitators"
    assert "hooguit 2" in outcome.collisions[0].text("nl")


def test_what_only_the_solver_finds_is_named_by_rule_family() -> None:
    # Found by a random search: every pre-check passes, CP-SAT proves it infeasible; the assumption
    # literals name the two rule families in the conflict.
    wishes = {"B": ("D", "A", "J"), "F": ("E", "J", "H"), "I": ("B",)}
    people = [Participant(chr(65 + i), not_with=wishes.get(chr(65 + i), ())) for i in range(10)]
    outcome = solve(people, Rules(size=(5, 5)))
    assert not outcome.ok and outcome.status == "infeasible"
    assert outcome.collisions[0].code == "collide.families"
    assert "groepsgrootte" in outcome.collisions[0].text("nl") and "'niet met'" in outcome.collisions[0].text("nl")
    assert "group size" in outcome.collisions[0].text("en")
    assert {r.code for r in outcome.relax} == {"relax.size", "relax.not_with"}
    # Switching the wishes off makes it possible.
    assert solve(people, Rules(size=(5, 5), not_with=False)).ok


# -- rules after a manual move, locks ------------------------------------------------------------------


def test_moving_a_person_next_to_their_manager_is_caught() -> None:
    people = [Participant(f"P{i}", team=f"T{i}") for i in range(10)]
    people[3] = Participant("P3", team="T3", manager="P0")
    outcome = solve(people, Rules(size=(5, 5)))
    assert outcome.ok and outcome.assignment is not None
    index = outcome.assignment.group_of("P0")
    assert index is not None
    moved = outcome.assignment.move("P3", index)
    broken = check(moved, people, Rules(size=(5, 5)))
    codes = {b.code for b in broken}
    assert "rule.manager" in codes
    assert "rule.size_large" in codes or "rule.size_small" in codes
    manager = next(b for b in broken if b.code == "rule.manager")
    assert manager.text("nl") == f"Groep {index + 1}: P3 zit bij P0, de eigen leidinggevende."
    assert manager.text("en") == f"Group {index + 1}: P3 sits with P0, their own manager."
    assert check(moved, people, Rules(size=(4, 6), no_manager=False)) == ()


def test_locked_groups_stay_and_the_rest_is_divided_again() -> None:
    people = sample_population(40, seed=2)
    rules = Rules()
    first = solve(people, rules, budget=QUICK)
    assert first.ok and first.assignment is not None
    locked = first.assignment.with_lock(1, True)
    again = solve(people, rules.with_weights(region=0), keep=locked, budget=QUICK)
    assert again.ok and again.assignment is not None
    assert again.assignment.groups[1] == locked.groups[1]
    assert check(again.assignment, people, rules) == ()
    assert placed_once(again.assignment, people)


def test_locked_groups_take_a_free_place_when_there_are_fewer_groups() -> None:
    people = sample_population(30, seed=6)
    first = solve(people, Rules(groups=5, no_same_team=False), budget=QUICK)
    assert first.ok and first.assignment is not None
    locked = first.assignment.with_lock(4, True)
    again = solve(people, Rules(groups=4, no_same_team=False), keep=locked, budget=QUICK)
    assert again.ok and again.assignment is not None
    assert len(again.assignment.groups) == 4
    assert again.assignment.groups[0].members == locked.groups[4].members
    assert placed_once(again.assignment, people)


def test_a_region_without_its_own_facilitator_is_warned() -> None:
    people = others(12, "Noord") + others(12, "Oost")
    outcome = solve(people, Rules(), (Facilitator("Femke", ("Noord",), 4),), budget=QUICK)
    assert outcome.ok
    assert [w.text("en") for w in outcome.warnings] == [
        "Region Oost gets 2 group(s), but no facilitator works in that region."
    ]


def test_a_locked_group_that_breaks_a_rule_is_named() -> None:
    people = [Participant(f"P{i}", team="Same" if i < 2 else f"T{i}") for i in range(10)]
    keep = Assignment(
        (Group(1, tuple(f"P{i}" for i in range(5)), locked=True), Group(2, tuple(f"P{i}" for i in range(5, 10))))
    )
    outcome = solve(people, Rules(), keep=keep)
    assert not outcome.ok and outcome.collisions[0].code == "collide.locked"
    assert "P0 en P1 zitten in hetzelfde team" in outcome.collisions[0].text("nl")


# -- reasons -------------------------------------------------------------------------------------------


def test_reasons_say_what_was_met_and_what_was_traded() -> None:
    people = [
        Participant(
            "Ada", region="Noord", organisation="A", function="x", experience=Experience.MUCH, prefer_with=("Bo",)
        ),
        Participant("Bo", region="Noord", organisation="B", function="y"),
        Participant("Cas", region="Oost", organisation="A", function="x", prefer_with=("Dirk",)),
        Participant("Dirk", region="Noord", organisation="B"),
    ]
    group = Group(1, ("Ada", "Bo", "Cas"), facilitator="Femke")
    reasons = explain(group, people, Rules(), (Facilitator("Femke", ("Zuid",)),))
    met = [m.text("nl") for m in reasons.met]
    traded = [m.text("en") for m in reasons.traded]
    assert "2 organisaties: A, B." in met and "Wens vervuld: Ada met Bo." in met
    assert "Mostly region Noord; from another region: Cas (Oost)." in traded
    assert "Wish not met: Cas with Dirk (traded against other goals)." in traded
    assert "Facilitator Femke comes from another region (Zuid)." in traded
    assert "3 members, outside the target of 6-7." in traded


# -- import --------------------------------------------------------------------------------------------

BROKEN_CSV = """Naam;Regio;Organisatie;Team;Functie;Leidinggevende;Ervaring;Niet met;Graag met
Anna de Vries;Noord;Zorggroep;Wijkzorg;verpleegkundige;Bram Smit;geen;;Cem Yilmaz
Bram Smit;Noord;Zorggroep;Wijkzorg;teamleider;;veel;;
;Oost;Gemeente;Jeugd;consulent;;;;
Cem Yilmaz;Oost;Gemeente;Jeugd;consulent;Onbekend Iemand;soms;Anna de Vries;
anna de vries;Zuid;Welzijn;;;;;;
Dewi;;Welzijn;;;Dewi;1;Bram Smit, Cem Yilmaz;
"""


def test_broken_rows_get_row_and_column_and_the_rest_loads() -> None:
    result = read_text(BROKEN_CSV)
    assert [p.name for p in result.participants] == ["Anna de Vries", "Bram Smit", "Cem Yilmaz", "Dewi"]
    texts = [m.text("nl") for m in result.problems]
    assert "Rij 4, kolom Naam: geen naam; de rij is overgeslagen." in texts
    assert any(t.startswith("Rij 5, kolom Leidinggevende: 'Onbekend Iemand' staat niet in de lijst") for t in texts)
    assert any(t.startswith("Rij 5, kolom Ervaring: 'soms' is geen ervaring") for t in texts)
    assert any(t.startswith("Rij 6, kolom Naam: 'anna de vries' staat al in rij 2") for t in texts)
    assert any(t.startswith("Rij 7, kolom Leidinggevende: iemand kan niet naar zichzelf verwijzen") for t in texts)
    assert any(t.startswith("Rij 7, kolom Regio: geen regio") for t in texts)
    anna, bram, cem, dewi = result.participants
    assert anna.manager == "Bram Smit" and anna.prefer_with == ("Cem Yilmaz",)
    assert cem.manager == "" and cem.not_with == ("Anna de Vries",) and cem.experience is Experience.NONE
    assert dewi.not_with == ("Bram Smit", "Cem Yilmaz") and dewi.experience is Experience.SOME
    assert bram.experience is Experience.MUCH


def test_english_headers_commas_and_place_instead_of_region() -> None:
    text = "Name,Place,Organization,Team,Role,Manager,Experience,Not with,Prefer with\nAnna,Assen,Org,T1,x,,some,,\n"
    result = read_text(text)
    assert result.problems == ()
    assert result.participants[0].region == "Assen" and result.participants[0].experience is Experience.SOME


def test_an_excel_file_loads_like_a_csv(tmp_path: Path) -> None:
    import pandas as pd

    frame = pd.read_csv(io.StringIO(BROKEN_CSV), sep=";", dtype=str, keep_default_na=False)
    target = tmp_path / "deelnemers.xlsx"
    frame.to_excel(target, index=False)
    from_excel = read_file(target.read_bytes(), target.name)
    from_csv = read_text(BROKEN_CSV)
    assert from_excel.participants == from_csv.participants
    assert [m.text() for m in from_excel.problems] == [m.text() for m in from_csv.problems]


def test_the_template_loads_without_problems() -> None:
    result = read_file(template_csv(), "sjabloon.csv")
    assert result.problems == () and len(result.participants) == 3
    assert result.participants[0].manager == "Bram Smit"


def test_unreadable_and_nameless_files_say_so() -> None:
    assert read_file(b"Regio;Team\nNoord;A\n", "x.csv").problems[0].code == "import.no_name_column"
    assert read_file(b"PK\x03\x04 not really excel", "x.xlsx").problems[0].code == "import.unreadable"
    assert read_file(b"x" * 2_000_001, "x.csv").problems[0].code == "import.too_big"
    assert read_text("naam\n" + "x" * 200_001).problems[0].text("nl").startswith("De getypte lijst heeft 200006 tekens")


def test_facilitator_and_travel_lines() -> None:
    facilitators, problems = parse_facilitators("Femke; Noord, Oost; 2\nGert\nfout; ; x\n")
    assert facilitators == (Facilitator("Femke", ("Noord", "Oost"), 2), Facilitator("Gert", (), 1))
    assert problems[0].text("nl").startswith("Begeleiders, regel 3")
    travel, problems = parse_travel("Noord; Oost; 45\nNoord;Zuid\n")
    assert travel == {("Noord", "Oost"): 45} and problems[0].text("en").startswith("Travel times, line 2")


def test_a_travel_table_replaces_one_region_by_least_travel() -> None:
    people = others(6, "Noord") + others(6, "Oost") + others(2, "Zuid") + others(2, "West")
    near = {("Zuid", "Noord"): 10, ("West", "Oost"): 10, ("Zuid", "Oost"): 120, ("West", "Noord"): 120}
    outcome = solve(people, Rules(size=(8, 8), travel=near))
    assert outcome.ok and outcome.assignment is not None
    region = {p.name: p.region for p in people}
    groups = [{region[m] for m in g.members} for g in outcome.assignment.groups]
    assert sorted(map(sorted, groups)) == [["Noord", "Zuid"], ["Oost", "West"]]


# -- exports -------------------------------------------------------------------------------------------


def test_exports_hold_only_the_groups_and_escape_what_was_typed() -> None:
    people = (
        Participant(HOSTILE, region="Noord", team="Geheim team", manager="=HYPERLINK(1)", not_with=("x",)),
        Participant("=HYPERLINK(1)", region="Noord", function="Directeur"),
    )
    assignment = Assignment((Group(1, (HOSTILE, "=HYPERLINK(1)"), facilitator="Femke"),))
    page = groups_html(assignment, people)
    assert HOSTILE not in page and "&lt;img src=x" in page
    assert "Geheim team" not in page and "Directeur" not in page
    text = groups_csv(assignment, people).decode("utf-8-sig")
    assert text.splitlines()[0] == "groep;begeleider;naam;regio"
    assert "'=HYPERLINK(1)" in text and "Geheim team" not in text and "Directeur" not in text


def test_a_trajectory_plan_per_group() -> None:
    content = load(include_env=False, strict=False)
    assignment = Assignment(
        (
            Group(1, ("Anna", "Bram", "Cem", "Dewi", "Eva"), "Femke"),
            Group(2, ("Fleur", "Gijs", "Hana", "Ivo", "Jet"), "Gert"),
        )
    )
    plans = group_plans(assignment, date(2026, 3, 2), content.methods.values())
    assert [p.settings.group_name for p in plans] == ["Groep 1", "Groep 2"]
    assert plans[1].settings.facilitator == "Gert" and plans[1].settings.members[0] == "Fleur"
    assert plans[0].meetings[0].day == date(2026, 3, 2)


# -- store ---------------------------------------------------------------------------------------------


def test_the_store_keeps_the_list_privately_and_erases_with_a_count(tmp_path: Path) -> None:
    store = GroupStore(tmp_path / "lokaal" / "groups.json")
    people = sample_population(12)
    assignment = Assignment(
        (Group(1, tuple(p.name for p in people[:6]), "Femke", locked=True), Group(2, tuple(p.name for p in people[6:])))
    )
    store.save(people, (Facilitator("Femke", ("Noord",), 2),), {("Noord", "Oost"): 30}, assignment)
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(store.path.parent.stat().st_mode) == 0o700
    saved = store.load()
    assert saved is not None
    assert saved.participants == people and saved.assignment == assignment
    assert saved.travel == {("Noord", "Oost"): 30}
    assert [p.name for p in tmp_path.joinpath("lokaal").iterdir()] == ["groups.json"]  # no temporary left
    erased = store.erase()
    assert (erased.participants, erased.facilitators, erased.groups, erased.file) == (12, 1, 2, True)
    assert not store.path.exists() and store.load() is None


def test_the_store_follows_the_journal_and_refuses_the_kit_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("INTERVISIE_KIT_GROUPS", raising=False)
    monkeypatch.setenv("INTERVISIE_KIT_JOURNAL", str(tmp_path / "j" / "journal.sqlite"))
    assert GroupStore().path == (tmp_path / "j" / "groups.json").resolve()
    monkeypatch.setenv("INTERVISIE_KIT_GROUPS", str(Path(__file__).resolve().parent / "groups.json"))
    with pytest.raises(StoreError) as refused:
        GroupStore()
    assert "repository" in refused.value.text("en")


def test_a_damaged_store_says_so(tmp_path: Path) -> None:
    path = tmp_path / "groups.json"
    path.write_text('{"version": 99}', encoding="utf-8")
    with pytest.raises(StoreError):
        GroupStore(path).load()
    assert GroupStore(path).erase().file


def test_importing_the_package_stays_light() -> None:
    code = (
        "import sys, intervisie_kit.groups.solver, intervisie_kit.groups.importer, intervisie_kit.ui.groups; "
        "print('ortools' in sys.modules, 'pandas' in sys.modules)"
    )
    import subprocess

    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=os.environ, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_weights_of_zero_switch_soft_goals_off() -> None:
    people = sample_population(20, seed=3)
    rules = Rules(weights=Weights(0, 0, 0, 0, 0, 0, 0))
    outcome = solve(people, rules, budget=QUICK)
    assert outcome.ok and outcome.objective is None
