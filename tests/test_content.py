"""The content loader in-process: strict and lenient loads, merging folders, references, models.

The built-in content is loaded next to the trainer's folders in most tests (as in real use); assertions
look only at the tests' own ``tst-`` ids and files. Tests that need exact totals switch the built-in
folders off with the ``only_trainer`` fixture.
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import pytest
from pydantic import ValidationError

import intervisie_kit.content
from intervisie_kit.content import Content, ContentError, Problem, builtin_dirs, load
from intervisie_kit.content.loader import source_dirs
from intervisie_kit.content.models import Method, Text
from intervisie_kit.paths import CONTENT_ENV, kit_root

from .content_fixtures import (
    case_dict,
    dump,
    exercise_dict,
    key_line,
    make_content,
    method_dict,
    write_raw,
    write_yaml,
)


@pytest.fixture(autouse=True)
def _no_content_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(CONTENT_ENV, raising=False)


@pytest.fixture
def only_trainer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(intervisie_kit.content, "builtin_dirs", lambda: ())


def under(problems: tuple[Problem, ...], root: Path) -> list[Problem]:
    """The problems about files (or folders) under ``root``."""
    return [p for p in problems if Path(p.file).resolve().is_relative_to(root.resolve())]


def summary(problems: list[Problem]) -> set[tuple[str, str, str]]:
    return {(Path(p.file).name, p.code, p.path) for p in problems}


# --- strict and lenient loads -------------------------------------------------------------------------------


def test_builtin_content_validates() -> None:
    """The seed content in data/ and exercises/ loads strictly, and has something in every kind."""
    content = load(include_env=False)
    assert content.ok
    assert content.methods and content.cases and content.exercises


def test_strict_load_raises_content_error_listing_every_problem(tmp_path: Path) -> None:
    bad = method_dict()
    bad["total_minutes"] = 60
    root = make_content(tmp_path / "trainer", cases=[case_dict(methods=["tst-weg"])])
    write_yaml(root / "methods/som.yaml", bad)
    write_raw(root / "exercises/leeg.yaml", "")

    with pytest.raises(ContentError) as caught:
        load([root], include_env=False)

    problems = caught.value.problems
    assert isinstance(problems, tuple)
    assert summary(under(problems, root)) == {
        ("som.yaml", "minutes_sum", "total_minutes"),
        ("tst-casus.yaml", "missing_method", "methods[0]"),
        ("leeg.yaml", "empty", ""),
    }
    text = str(caught.value)
    for problem in problems:
        assert problem.format() in text
    minutes = next(p for p in problems if p.code == "minutes_sum")
    assert minutes.message() == "de fasen tellen op tot 50 minuten, maar total_minutes is 60"
    assert minutes.message("en") == "the phases add up to 50 minutes, but total_minutes is 60"


def test_strict_load_of_valid_folders_returns_everything(tmp_path: Path, only_trainer: None) -> None:
    root = make_content(
        tmp_path / "trainer",
        methods=[method_dict(example_case="tst-casus")],
        cases=[case_dict(methods=["tst-methode"])],
        exercises=[exercise_dict(case="tst-casus")],
    )
    content = load([root], include_env=False)
    assert content.ok and content.problems == ()
    assert set(content.methods) == {"tst-methode"}
    assert set(content.cases) == {"tst-casus"}
    assert set(content.exercises) == {"tst-oefening"}
    method = content.methods["tst-methode"]
    assert isinstance(method, Method)
    assert [p.id for p in method.phases] == ["inbreng", "vragen"]
    assert method.worked_example is not None and method.worked_example.case == "tst-casus"
    assert content.cases["tst-casus"].methods == ("tst-methode",)
    assert content.exercises["tst-oefening"].case == "tst-casus"
    assert Path(content.files[("methods", "tst-methode")]).resolve() == (root / "methods/tst-methode.yaml").resolve()


def test_lenient_load_keeps_valid_items_next_to_broken_files(tmp_path: Path) -> None:
    missing_story = case_dict("tst-kapot")
    del missing_story["story"]
    root = make_content(
        tmp_path / "trainer",
        methods=[method_dict("tst-goed")],
        cases=[case_dict("tst-heel"), missing_story],
        exercises=[exercise_dict()],
    )
    write_raw(root / "methods/a-latin1.yaml", dump(method_dict("tst-latin")).replace("Test", "Tést").encode("latin-1"))
    write_raw(root / "methods/b-syntax.yaml", "id: [\n")

    content = load([root], strict=False, include_env=False)

    assert {"tst-goed"} <= set(content.methods)
    assert "tst-latin" not in content.methods
    assert {"tst-heel"} <= set(content.cases)
    assert "tst-kapot" not in content.cases
    assert "tst-oefening" in content.exercises
    assert not content.ok
    assert summary(under(content.problems, root)) == {
        ("a-latin1.yaml", "encoding", ""),
        ("b-syntax.yaml", "yaml_syntax", ""),
        ("tst-kapot.yaml", "missing", "story"),
    }


def test_kit_layout_with_data_folder_is_accepted(tmp_path: Path, only_trainer: None) -> None:
    root = tmp_path / "kit"
    write_yaml(root / "data/methods/m.yaml", method_dict())
    write_yaml(root / "data/cases/c.yaml", case_dict(methods=["tst-methode"]))
    write_yaml(root / "exercises/e.yaml", exercise_dict(case="tst-casus"))
    content = load([root], include_env=False)
    assert (set(content.methods), set(content.cases), set(content.exercises)) == (
        {"tst-methode"},
        {"tst-casus"},
        {"tst-oefening"},
    )


def test_missing_folder_and_folder_without_subfolders_are_problems(tmp_path: Path) -> None:
    (tmp_path / "los").mkdir()
    content = load([tmp_path / "weg", tmp_path / "los"], strict=False, include_env=False)
    assert summary(under(content.problems, tmp_path)) == {("weg", "not_found", ""), ("los", "no_content_dirs", "")}


# --- merging folders ----------------------------------------------------------------------------------------


def test_later_folder_overrides_earlier_one_by_id(tmp_path: Path) -> None:
    first = make_content(tmp_path / "eerste", cases=[case_dict(title="Uit de eerste map")])
    second = make_content(tmp_path / "tweede", cases=[case_dict(title="Uit de tweede map")])

    content = load([first, second], include_env=False, strict=False)
    assert content.cases["tst-casus"].title.nl == "Uit de tweede map"
    assert Path(content.files[("cases", "tst-casus")]).resolve().is_relative_to(second.resolve())
    assert not under(content.problems, tmp_path)  # an override is not a duplicate

    reversed_order = load([second, first], include_env=False, strict=False)
    assert reversed_order.cases["tst-casus"].title.nl == "Uit de eerste map"


def test_broken_override_keeps_the_earlier_version(tmp_path: Path) -> None:
    first = make_content(tmp_path / "eerste", cases=[case_dict(title="Heel")])
    second = make_content(tmp_path / "tweede")
    broken = case_dict()
    broken["theme"] = "geen-thema"
    write_yaml(second / "cases/tst-casus.yaml", broken)
    content = load([first, second], include_env=False, strict=False)
    assert content.cases["tst-casus"].title.nl == "Heel"
    assert summary(under(content.problems, tmp_path)) == {("tst-casus.yaml", "choice", "theme")}


def test_same_id_twice_in_one_folder_keeps_the_first_and_reports_the_second(tmp_path: Path) -> None:
    root = make_content(tmp_path / "trainer")
    write_yaml(root / "cases/a.yaml", case_dict(title="Eerste"))
    write_yaml(root / "cases/b.yaml", case_dict(title="Tweede"))
    content = load([root], include_env=False, strict=False)
    assert content.cases["tst-casus"].title.nl == "Eerste"
    (problem,) = under(content.problems, root)
    assert (Path(problem.file).name, problem.code, problem.path) == ("b.yaml", "duplicate_file_id", "id")
    assert Path(problem.params["other"]).name == "a.yaml"


def test_env_variable_folders_are_merged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    one = make_content(tmp_path / "een", methods=[method_dict("tst-uit-env")])
    two = make_content(tmp_path / "twee", cases=[case_dict(title="Uit env", methods=["tst-uit-env"])])
    extra = make_content(tmp_path / "extra", cases=[case_dict(title="Uit extra_dirs", methods=["tst-uit-env"])])
    monkeypatch.setenv(CONTENT_ENV, os.pathsep.join([str(one), str(two)]))

    content = load(strict=False)
    assert "tst-uit-env" in content.methods
    assert content.cases["tst-casus"].title.nl == "Uit env"
    assert content.cases["tst-casus"].methods == ("tst-uit-env",)  # a reference across folders resolves
    assert not under(content.problems, tmp_path)

    assert load([extra], strict=False).cases["tst-casus"].title.nl == "Uit extra_dirs"  # extra_dirs come last

    without_env = load(strict=False, include_env=False)
    assert "tst-uit-env" not in without_env.methods
    assert "tst-casus" not in without_env.cases


# --- references between files -------------------------------------------------------------------------------


def test_dangling_references_are_dropped_and_reported(tmp_path: Path) -> None:
    root = make_content(
        tmp_path / "trainer",
        methods=[method_dict(example_case="tst-weg")],
        cases=[case_dict(methods=["tst-methode", "tst-geen-methode"])],
        exercises=[exercise_dict(case="tst-weg")],
    )
    content = load([root], include_env=False, strict=False)

    assert content.cases["tst-casus"].methods == ("tst-methode",)
    assert content.methods["tst-methode"].worked_example is None
    assert content.exercises["tst-oefening"].case is None
    mine = under(content.problems, root)
    assert summary(mine) == {
        ("tst-casus.yaml", "missing_method", "methods[1]"),
        ("tst-methode.yaml", "missing_case", "worked_example.case"),
        ("tst-oefening.yaml", "missing_case", "case"),
    }
    assert {p.params["ref"] for p in mine} == {"tst-geen-methode", "tst-weg"}
    with pytest.raises(ContentError):
        load([root], include_env=False)


def test_reference_to_a_broken_file_is_dangling(tmp_path: Path) -> None:
    """A method that failed validation is not there, so a case that names it is reported too."""
    bad = method_dict()
    bad["trust"] = "veel"
    root = make_content(tmp_path / "trainer", methods=[bad], cases=[case_dict(methods=["tst-methode"])])
    content = load([root], include_env=False, strict=False)
    assert content.cases["tst-casus"].methods == ()
    assert summary(under(content.problems, root)) == {
        ("tst-methode.yaml", "choice", "trust"),
        ("tst-casus.yaml", "missing_method", "methods[0]"),
    }


def test_each_dangling_reference_has_its_own_key_path(tmp_path: Path) -> None:
    root = make_content(tmp_path / "trainer", cases=[case_dict(methods=["tst-weg", "tst-weg"])])
    content = load([root], include_env=False, strict=False)
    assert sorted(p.path for p in under(content.problems, root)) == ["methods[0]", "methods[1]"]


# --- line numbers -------------------------------------------------------------------------------------------


def _problem_line_case(kind: str) -> tuple[dict, tuple[str | int, ...], str]:
    method = method_dict()
    if kind == "minutes_sum":
        method["total_minutes"] = 60
        return method, ("total_minutes",), "total_minutes"
    if kind == "duplicate_id":
        method["phases"][1]["id"] = "inbreng"
        return method, ("phases", 1, "id"), "phases[1].id"
    method["phases"][1]["speakers"] = ["spiegel"]
    return method, ("phases", 1, "speakers", 0), "phases[1].speakers[0]"


@pytest.mark.parametrize("kind", ["wrong_type", "unknown_key"])
def test_field_problems_point_at_the_line_of_their_key(tmp_path: Path, kind: str) -> None:
    method = method_dict()
    if kind == "wrong_type":
        method["group_size"]["max"] = "acht"
        key: tuple[str | int, ...] = ("group_size", "max")
    else:
        method["roles"][1]["taak"] = "x"
        key = ("roles", 1, "taak")
    root = make_content(tmp_path / "trainer")
    text = write_yaml(root / "methods/m.yaml", method)
    (problem,) = under(load([root], include_env=False, strict=False).problems, root)
    assert problem.line == key_line(text, *key)
    assert problem.line > 1


@pytest.mark.parametrize("kind", ["minutes_sum", "duplicate_id", "unknown_role"])
def test_model_rule_problems_point_at_the_line_of_their_key(tmp_path: Path, kind: str) -> None:
    method, key, dotted = _problem_line_case(kind)
    root = make_content(tmp_path / "trainer")
    text = write_yaml(root / "methods/m.yaml", method)
    (problem,) = under(load([root], include_env=False, strict=False).problems, root)
    assert (problem.code, problem.path) == (kind, dotted)
    assert problem.line == key_line(text, *key)


# --- models -------------------------------------------------------------------------------------------------


def test_models_and_content_are_frozen(tmp_path: Path) -> None:
    root = make_content(tmp_path / "trainer", methods=[method_dict()], cases=[case_dict()])
    content = load([root], include_env=False, strict=False)
    method = content.methods["tst-methode"]
    with pytest.raises(ValidationError):
        method.total_minutes = 10  # type: ignore[misc]
    with pytest.raises(ValidationError):
        method.phases[0].minutes = 1  # type: ignore[misc]
    with pytest.raises(ValidationError):
        method.name.nl = "Anders"  # type: ignore[misc]
    with pytest.raises(ValidationError):
        content.cases["tst-casus"].methods = ("x",)  # type: ignore[misc]
    with pytest.raises(AttributeError):
        method.phases.append(method.phases[0])  # type: ignore[attr-defined]
    with pytest.raises(dataclasses.FrozenInstanceError):
        content.problems = ()  # type: ignore[misc]
    assert method.total_minutes == 50


def test_text_accepts_a_plain_string_and_falls_back_to_dutch() -> None:
    plain = Text.model_validate("  Alleen Nederlands  ")
    assert (plain.nl, plain.en) == ("Alleen Nederlands", None)
    assert plain.get("en") == "Alleen Nederlands"
    assert plain.get() == plain.get("nl") == str(plain) == "Alleen Nederlands"
    both = Text.model_validate({"nl": "Hallo", "en": "Hello"})
    assert (both.get("nl"), both.get("en")) == ("Hallo", "Hello")
    with pytest.raises(ValidationError):
        Text.model_validate({"en": "Only English"})
    with pytest.raises(ValidationError):
        Text.model_validate("   ")


def test_plain_string_texts_load_but_names_need_both_languages(tmp_path: Path) -> None:
    method = method_dict()
    assert isinstance(method["origin"], str)
    method["summary"] = "Alleen in het Nederlands."
    root = make_content(tmp_path / "trainer", methods=[method])
    loaded = load([root], include_env=False, strict=False).methods["tst-methode"]
    assert loaded.summary.get("en") == "Alleen in het Nederlands."

    method["name"] = "Alleen een Nederlandse naam"
    write_yaml(root / "methods/tst-methode.yaml", method)
    problems = under(load([root], include_env=False, strict=False).problems, root)
    assert summary(problems) == {("tst-methode.yaml", "missing", "name.en")}


def test_not_for_is_required_and_needs_english(tmp_path: Path) -> None:
    """A method without `not_for`, or with only Dutch, is a problem that names the file, the key and its line."""
    method = method_dict()
    del method["not_for"]
    root = make_content(tmp_path / "trainer", methods=[method])
    problems = under(load([root], include_env=False, strict=False).problems, root)
    assert summary(problems) == {("tst-methode.yaml", "missing", "not_for")}

    method["not_for"] = "Niet voor een groep zonder tijd."
    text = dump(method)
    write_raw(root / "methods/tst-methode.yaml", text)
    problems = under(load([root], include_env=False, strict=False).problems, root)
    assert summary(problems) == {("tst-methode.yaml", "missing", "not_for.en")}
    assert problems[0].line == key_line(text, "not_for")


def test_not_for_when_names_known_conditions(tmp_path: Path) -> None:
    method = method_dict()
    method["not_for_when"] = ["low_trust", "new_group"]
    root = make_content(tmp_path / "trainer", methods=[method])
    loaded = load([root], include_env=False, strict=False).methods["tst-methode"]
    assert [c.value for c in loaded.not_for_when] == ["low_trust", "new_group"]
    assert loaded.not_for.get("en") == "Not for a group without time."

    method["not_for_when"] = ["low_trust", "tired_group"]
    write_yaml(root / "methods/tst-methode.yaml", method)
    problems = under(load([root], include_env=False, strict=False).problems, root)
    assert summary(problems) == {("tst-methode.yaml", "choice", "not_for_when[1]")}


def test_minutes_may_be_halves(tmp_path: Path) -> None:
    method = method_dict()
    method["phases"][0]["minutes"] = 7.5
    method["phases"][1]["minutes"] = 42.5
    root = make_content(tmp_path / "trainer", methods=[method])
    loaded = load([root], include_env=False, strict=False).methods["tst-methode"]
    assert [p.minutes for p in loaded.phases] == [7.5, 42.5]
    assert loaded.total_minutes == 50


def test_minutes_may_not_be_other_fractions(tmp_path: Path) -> None:
    method = method_dict()
    method["phases"][0]["minutes"] = 7.3
    root = make_content(tmp_path / "trainer")
    text = write_yaml(root / "methods/m.yaml", method)
    content = load([root], include_env=False, strict=False)
    assert "tst-methode" not in content.methods
    (problem,) = under(content.problems, root)
    assert (problem.code, problem.path, problem.line) == (
        "multiple_of",
        "phases[0].minutes",
        key_line(text, "phases", 0, "minutes"),
    )
    assert problem.message() == "verwacht hele of halve minuten, kreeg 7.3"
    assert problem.message("en") == "expected whole or half minutes, got 7.3"


def test_problem_formats_as_one_line() -> None:
    problem = Problem("m.yaml", "choice", "trust", 12, {"expected": "low, medium, high", "got": "'veel'"})
    assert problem.format() == "m.yaml:12: trust: verwacht een van: low, medium, high; kreeg 'veel'"
    assert problem.format("en") == "m.yaml:12: trust: expected one of: low, medium, high; got 'veel'"
    assert str(Problem("m.yaml", "empty")) == "m.yaml: het bestand is leeg"
    assert "\n" not in Problem("m.yaml", "other", params={"detail": "x"}).format()


# --- where the kit's files are ------------------------------------------------------------------------------


def test_load_does_not_depend_on_the_working_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from_checkout = load(include_env=False, strict=False)
    monkeypatch.chdir(tmp_path)
    root = kit_root()
    assert (root / "data").is_dir() and (root / "notebooks").is_dir() and (root / "exercises").is_dir()
    assert builtin_dirs() == (root,)
    sources, problem = source_dirs(root)
    assert problem is None
    assert {s.kind for s in sources} == {"methods", "cases", "exercises", "quizzes", "reflection", "craft", "scenes"}

    from_elsewhere = load(include_env=False, strict=False)
    assert isinstance(from_elsewhere, Content)
    assert from_elsewhere.methods  # the built-in content was found from an unrelated folder
    assert set(from_elsewhere.methods) == set(from_checkout.methods)
    assert set(from_elsewhere.cases) == set(from_checkout.cases)
    assert set(from_elsewhere.exercises) == set(from_checkout.exercises)
    for shown in from_elsewhere.files.values():
        assert not Path(shown).is_absolute() and (root / shown).is_file(), shown


# --- the content cache ----------------------------------------------------------------------------------


@pytest.fixture
def cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("INTERVISIE_KIT_CACHE", str(folder))
    return folder


def _no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the YAML was parsed although the cache holds this content")

    monkeypatch.setattr(intervisie_kit.content, "validate_file", refuse)


def test_a_second_load_comes_from_the_cache_and_is_equal(
    tmp_path: Path, cache_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_content(tmp_path / "trainer", methods=[method_dict("tst-methode")], cases=[case_dict("tst-casus")])
    first = load([root], strict=False, include_env=False)
    assert len(list(cache_folder.glob("content-*.pickle"))) == 1
    _no_parsing(monkeypatch)
    second = load([root], strict=False, include_env=False)
    assert second == first
    assert second.cases["tst-casus"].title == first.cases["tst-casus"].title


def test_an_edited_added_or_removed_file_is_seen_at_once(tmp_path: Path, cache_folder: Path) -> None:
    root = make_content(tmp_path / "trainer", methods=[method_dict("tst-methode")], cases=[case_dict("tst-casus")])
    assert load([root], strict=False, include_env=False).cases["tst-casus"].title.nl == "Een testcasus"
    # Same size, written at once (within the file system's clock tick): only the bytes differ.
    write_yaml(root / "cases/tst-casus.yaml", case_dict("tst-casus", title="Een testcasuz"))
    assert load([root], strict=False, include_env=False).cases["tst-casus"].title.nl == "Een testcasuz"
    write_yaml(root / "cases/tst-tweede.yaml", case_dict("tst-tweede"))
    assert "tst-tweede" in load([root], strict=False, include_env=False).cases
    (root / "cases/tst-tweede.yaml").unlink()
    assert "tst-tweede" not in load([root], strict=False, include_env=False).cases


def test_problems_come_from_the_cache_too_and_a_strict_load_still_raises(tmp_path: Path, cache_folder: Path) -> None:
    root = make_content(tmp_path / "trainer", methods=[method_dict("tst-methode")])
    write_raw(root / "methods/kapot.yaml", "id: [\n")
    lenient = load([root], strict=False, include_env=False)
    assert ("kapot.yaml", "yaml_syntax") in {(Path(p.file).name, p.code) for p in lenient.problems}
    with pytest.raises(ContentError) as raised:
        load([root], include_env=False)
    assert raised.value.problems == lenient.problems


def test_a_broken_cache_file_is_ignored_and_replaced(
    tmp_path: Path, cache_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_content(tmp_path / "trainer", methods=[method_dict("tst-methode")])
    first = load([root], strict=False, include_env=False)
    (pickled,) = cache_folder.glob("content-*.pickle")
    pickled.write_bytes(pickled.read_bytes()[:100])  # a crash mid-write of an older kit, a full disk
    assert load([root], strict=False, include_env=False) == first
    _no_parsing(monkeypatch)
    assert load([root], strict=False, include_env=False) == first  # rewritten whole


def test_the_cache_can_be_switched_off_and_a_read_only_folder_costs_only_speed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_content(tmp_path / "trainer", methods=[method_dict("tst-methode")])
    monkeypatch.setenv("INTERVISIE_KIT_CACHE", "off")
    assert "tst-methode" in load([root], strict=False, include_env=False).methods
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder should be")
    monkeypatch.setenv("INTERVISIE_KIT_CACHE", str(blocked))
    assert "tst-methode" in load([root], strict=False, include_env=False).methods
    assert not list(tmp_path.glob("**/content-*.pickle"))
