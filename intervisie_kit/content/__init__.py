"""The kit's content: methods, cases and exercise sets, loaded from YAML and validated.

``load()`` reads the built-in content (``data/`` and ``exercises/``), then any folders named in the
``INTERVISIE_KIT_CONTENT`` environment variable, then ``extra_dirs``; later folders override earlier ones
by id, so a trainer can replace a built-in case or add their own methods. The validated result is kept in
a cache (:mod:`.cache`) keyed on every file's size and time, so a page's fresh kernel skips the YAML.

A strict load raises :class:`ContentError` listing every problem. Pages load with ``strict=False``: they
get everything that is valid plus the list of problems to show, so one broken file in a trainer's folder
does not take the whole kit down. References that point at missing content are dropped from the loaded
objects and reported.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from . import cache
from .craft import CraftGuide, Scene
from .loader import Source, content_files, display, source_dirs, validate_file
from .models import Case, ExerciseSet, Method, Quiz, ReflectionTemplate
from .problems import ContentError, Problem

__all__ = ["Content", "ContentError", "Problem", "builtin_dirs", "load"]


@dataclass(frozen=True)
class Content:
    """Validated content, keyed by id, plus the problems found while loading."""

    methods: Mapping[str, Method] = field(default_factory=dict)
    cases: Mapping[str, Case] = field(default_factory=dict)
    exercises: Mapping[str, ExerciseSet] = field(default_factory=dict)
    quizzes: Mapping[str, Quiz] = field(default_factory=dict)
    reflection: Mapping[str, ReflectionTemplate] = field(default_factory=dict)  # reflection templates
    craft: Mapping[str, CraftGuide] = field(default_factory=dict)  # the facilitator's craft (page 10)
    scenes: Mapping[str, Scene] = field(default_factory=dict)  # difficult moments in a meeting (page 10)
    problems: tuple[Problem, ...] = ()
    files: Mapping[tuple[str, str], str] = field(default_factory=dict)  # (kind, id) -> file shown to users

    @property
    def ok(self) -> bool:
        return not self.problems


def builtin_dirs() -> tuple[Path, ...]:
    from ..paths import kit_root

    return (kit_root(),)


def load(extra_dirs: Iterable[str | Path] = (), *, strict: bool = True, include_env: bool = True) -> Content:
    """Load and validate the built-in content merged with the trainer's folders."""
    from ..paths import content_dirs_from_env

    roots = [*builtin_dirs()]
    if include_env:
        roots.extend(content_dirs_from_env())
    roots.extend(Path(d).expanduser() for d in extra_dirs)

    roots = _unique_roots(roots)
    found = [(root, *source_dirs(root)) for root in roots]
    # The cache key covers the roots, their content folders and every content file's bytes, so an edit,
    # a new file or a removed one is seen on the next load.
    folders = [s.folder for _, sources, _ in found for s in sources]
    files = [path for _, sources, _ in found for s in sources for path in content_files(s)]
    key = cache.key_for(roots, folders, files)
    result = cache.read(key)
    if not isinstance(result, Content):
        result = _load(found)
        cache.write(key, result)
    if strict and result.problems:
        raise ContentError(result.problems)
    return result


def _load(found: list[tuple[Path, tuple[Source, ...], Problem | None]]) -> Content:
    problems: list[Problem] = []
    merged: dict[str, dict[str, Any]] = {
        k: {} for k in ("methods", "cases", "exercises", "quizzes", "reflection", "craft", "scenes")
    }
    files: dict[tuple[str, str], str] = {}
    for _root, sources, problem in found:
        if problem is not None:
            problems.append(problem)
        for source in sources:
            problems.extend(_load_source(source, merged[source.kind], files))

    content = Content(**merged, files=files)
    content, ref_problems = _resolve_references(content)
    problems.extend(ref_problems)
    return replace(content, problems=tuple(problems))


def _unique_roots(roots: list[Path]) -> list[Path]:
    seen: set[Path] = set()
    out = []
    for root in roots:
        key = root.resolve()
        if key not in seen:
            seen.add(key)
            out.append(root)
    return out


def _load_source(source: Source, into: dict[str, Any], files: dict[tuple[str, str], str]) -> list[Problem]:
    problems: list[Problem] = []
    from_this_root: dict[str, str] = {}
    for path in content_files(source):
        obj, file_problems = validate_file(path, source.model)
        problems.extend(file_problems)
        if obj is None:
            continue
        shown = display(path)
        obj_id = obj.id  # type: ignore[attr-defined]
        if obj_id in from_this_root:
            problems.append(
                Problem(shown, "duplicate_file_id", "id", params={"id": obj_id, "other": from_this_root[obj_id]})
            )
            continue
        from_this_root[obj_id] = shown
        into[obj_id] = obj  # a later root overrides an earlier one with the same id
        files[(source.kind, obj_id)] = shown
    return problems


def _resolve_references(content: Content) -> tuple[Content, list[Problem]]:
    """Check references between files; drop the dangling ones and report them."""
    problems: list[Problem] = []
    methods: dict[str, Method] = dict(content.methods)
    cases: dict[str, Case] = dict(content.cases)
    exercises: dict[str, ExerciseSet] = dict(content.exercises)

    for case_id, case in list(cases.items()):
        missing = [(i, m) for i, m in enumerate(case.methods) if m not in methods]
        for index, ref in missing:
            problems.append(
                Problem(content.files[("cases", case_id)], "missing_method", f"methods[{index}]", params={"ref": ref})
            )
        if missing:
            cases[case_id] = case.model_copy(update={"methods": tuple(m for m in case.methods if m in methods)})

    for method_id, method in list(methods.items()):
        example = method.worked_example
        if example is not None and example.case not in cases:
            problems.append(
                Problem(
                    content.files[("methods", method_id)],
                    "missing_case",
                    "worked_example.case",
                    params={"ref": example.case},
                )
            )
            methods[method_id] = method.model_copy(update={"worked_example": None})

    for ex_id, exercise in list(exercises.items()):
        if exercise.case is not None and exercise.case not in cases:
            problems.append(
                Problem(content.files[("exercises", ex_id)], "missing_case", "case", params={"ref": exercise.case})
            )
            exercises[ex_id] = exercise.model_copy(update={"case": None})

    return replace(content, methods=methods, cases=cases, exercises=exercises), problems
