"""Build content folders for the loader and `intervisie-kit validate` tests.

Everything here is a plain function so tests can start from a valid item, break one thing, and know
exactly which problem to expect. Ids start with ``tst-`` so they never collide with the kit's seed
content, which is loaded alongside a trainer's folder.

Line numbers are found with PyYAML's own composer (``key_line``), independently of the kit's loader, so
a test can check that the loader points at the right line.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import yaml

__all__ = [
    "case_dict",
    "dump",
    "exercise_dict",
    "key_line",
    "make_content",
    "method_dict",
    "write_raw",
    "write_yaml",
]

METHOD_ID = "tst-methode"
CASE_ID = "tst-casus"
EXERCISE_ID = "tst-oefening"


def method_dict(method_id: str = METHOD_ID, *, example_case: str | None = None) -> dict[str, Any]:
    """A minimal valid method: two phases (20 + 30 = 50 minutes) and two roles.

    With ``example_case`` the method gets a worked example that refers to that case.
    """
    method: dict[str, Any] = {
        "id": method_id,
        "name": {"nl": "Testmethode", "en": "Test method"},
        "summary": {"nl": "Een korte methode om mee te testen.", "en": "A short method to test with."},
        "not_for": {"nl": "Niet voor een groep zonder tijd.", "en": "Not for a group without time."},
        "origin": "Bedacht voor de tests.",
        "sources": ["Eigen werk"],
        "total_minutes": 50,
        "phases": [
            {
                "id": "inbreng",
                "name": {"nl": "Inbreng", "en": "Presenting"},
                "minutes": 20,
                "speakers": ["inbrenger"],
                "allowed": ["story"],
                "description": "De inbrenger vertelt.",
                "prompt": "Vertel wat er gebeurde.",
            },
            {
                "id": "vragen",
                "name": {"nl": "Vragen", "en": "Questions"},
                "minutes": 30,
                "speakers": ["deelnemers", "inbrenger"],
                "allowed": ["open_question", "story"],
                "description": "De deelnemers stellen open vragen.",
                "prompt": "Welke vraag helpt de inbrenger verder?",
            },
        ],
        "roles": [
            {"id": "inbrenger", "name": {"nl": "Inbrenger", "en": "Presenter"}, "task": "Brengt de casus in."},
            {"id": "deelnemers", "name": {"nl": "Deelnemers", "en": "Participants"}, "task": "Stellen vragen."},
        ],
        "group_size": {"min": 3, "max": 8},
        "experience": "new",
        "trust": "medium",
        "question_types": ["own_behaviour"],
        "focus": ["bovenstroom"],
        "online": "good",
    }
    if example_case is not None:
        method["worked_example"] = {
            "case": example_case,
            "steps": [
                {"phase": "inbreng", "inbrenger": "Ik vertel mijn verhaal."},
                {
                    "phase": "vragen",
                    "turns": [{"speaker": "Deelnemer", "text": "Wat deed je toen?", "kind": "open"}],
                },
            ],
            "outcome": "De inbrenger weet wat hij gaat doen.",
        }
    return method


def case_dict(case_id: str = CASE_ID, *, methods: Iterable[str] = (), title: str = "Een testcasus") -> dict[str, Any]:
    """A minimal valid case, optionally suited to ``methods``."""
    case: dict[str, Any] = {
        "id": case_id,
        "title": {"nl": title, "en": "A test case"},
        "theme": "werkdruk",
        "sector": "zorg",
        "inbrenger": {"name": "Testa", "role": "Verpleegkundige"},
        "story": "Ik heb te veel werk.",
        "question": "Hoe zeg ik vaker nee?",
    }
    methods = list(methods)
    if methods:
        case["methods"] = methods
    return case


def exercise_dict(exercise_id: str = EXERCISE_ID, *, case: str | None = None) -> dict[str, Any]:
    """A minimal valid exercise set, optionally about ``case``."""
    exercise: dict[str, Any] = {
        "id": exercise_id,
        "title": "Verkapt advies herkennen",
        "skill": "recognise_advice",
        "instructions": "Bepaal bij elke beurt wat het is.",
        "items": [{"prompt": "Heb je al eens overwogen om nee te zeggen?", "expected": ["suggestive"]}],
    }
    if case is not None:
        exercise["case"] = case
    return exercise


def dump(data: Any) -> str:
    """YAML text the way a trainer's editor would save it (key order kept, non-ASCII as is)."""
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def write_yaml(path: Path, data: Any) -> str:
    """Write ``data`` as UTF-8 YAML to ``path`` (creating folders); returns the text written."""
    text = dump(data)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return text


def write_raw(path: Path, raw: bytes | str) -> Path:
    """Write raw bytes (or UTF-8 text) to ``path``, for files that are broken below the YAML level."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(raw.encode("utf-8") if isinstance(raw, str) else raw)
    return path


def make_content(
    root: Path,
    *,
    methods: Iterable[Mapping[str, Any]] = (),
    cases: Iterable[Mapping[str, Any]] = (),
    exercises: Iterable[Mapping[str, Any]] = (),
) -> Path:
    """A trainer's content folder: ``root/methods``, ``root/cases``, ``root/exercises``.

    All three folders are created (empty when nothing is given); each item goes to ``<id>.yaml``.
    """
    for kind, items in (("methods", methods), ("cases", cases), ("exercises", exercises)):
        folder = root / kind
        folder.mkdir(parents=True, exist_ok=True)
        for item in items:
            write_yaml(folder / f"{item['id']}.yaml", copy.deepcopy(dict(item)))
    return root


def key_line(text: str, *path: str | int) -> int:
    """The 1-based line of the key at ``path`` in ``text`` (for an int, the line where that item starts)."""
    node = yaml.compose(text, Loader=yaml.SafeLoader)
    line = node.start_mark.line + 1
    for part in path:
        if isinstance(part, int):
            node = node.value[part]
            line = node.start_mark.line + 1
            continue
        for key_node, value_node in node.value:
            if key_node.value == part:
                node, line = value_node, key_node.start_mark.line + 1
                break
        else:
            raise KeyError(f"{part!r} not found along {path!r}")
    return line
