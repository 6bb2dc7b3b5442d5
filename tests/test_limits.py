"""Named limits and linear work per input (issue 12, item 3), impossible dates, and text that stays text
in the terminal and in Markdown (item 7)."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest

from intervisie_kit import cli
from intervisie_kit.coach import MAX_QUESTION_CHARS, classify
from intervisie_kit.coach.spelling import MAX_REPAIR_LETTERS, repair
from intervisie_kit.content import load
from intervisie_kit.journal.store import MAX_TEXT
from intervisie_kit.session import MAX_QUESTIONS
from intervisie_kit.text import md_literal, terminal_safe
from intervisie_kit.ui.trajectory import PlannerView

CONTENT = load(include_env=False, strict=False)
HUNDRED_KB = 100_000


@pytest.mark.parametrize(
    "text",
    [
        "a" * HUNDRED_KB,  # one word: the spelling step once cost 30 s on 200,000 letters
        ("verantwoordelijkheidsgevoel " * 4000)[:HUNDRED_KB],  # long words
        ("wat " * 25_000)[:HUNDRED_KB],  # words
        ("wat? " * 20_000)[:HUNDRED_KB],  # 20,000 sentences
        ("Heb je er al aan gedacht om het te zeggen? " * 2500)[:HUNDRED_KB],
        ("é" * 50 + " ") * 1960,
    ],
    ids=["one-word", "long-words", "words", "sentences", "advice", "accents"],
)
def test_the_coach_judges_100_kb_in_under_a_fifth_of_a_second(text: str) -> None:
    classify("warm-up")
    started = time.perf_counter()
    classify(text)
    assert time.perf_counter() - started < 0.2


def test_long_words_are_not_spell_repaired() -> None:
    long_word = "wwat" + "x" * MAX_REPAIR_LETTERS
    assert repair([long_word], "nl") == [long_word]


def test_a_full_session_summary_fits_in_one_journal_answer() -> None:
    assert MAX_QUESTIONS * (MAX_QUESTION_CHARS + 200) < MAX_TEXT


def test_an_impossible_start_date_is_said_not_raised() -> None:
    view = PlannerView(CONTENT, "en", today=date(2026, 12, 6))
    view.members.value = "Anna\nBram\nCem\nDewi\nEva"
    view.start.value = date(9999, 11, 1)
    assert view.make_plan() is None
    assert "first meeting must fall between" in view.error.value
    view.start.value = date(2027, 1, 11)
    assert view.make_plan() is not None and view.error.value == ""


def test_content_problems_reach_the_terminal_without_escape_codes(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "eigen"
    (folder / "cases").mkdir(parents=True)
    hostile_name = "rood\x1b[31m\x07\u202eevil.yaml"
    (folder / "cases" / hostile_name).write_text("id: [kapot\n", encoding="utf-8")
    assert cli.main(["validate", str(folder)]) == 1
    out = capsys.readouterr()
    printed = out.out + out.err
    assert "\x1b" not in printed and "\x07" not in printed and "\u202e" not in printed
    assert "\\x1b[31m" in printed and "\\u202e" in printed


def test_typed_text_is_literal_in_markdown() -> None:
    assert md_literal("**vet** <b>x</b> [a](javascript:alert(1))") == (
        "\\*\\*vet\\*\\* \\<b\\>x\\</b\\> \\[a\\](javascript:alert(1))"
    )
    assert md_literal("- lijst\n1. nummer\n# kop", one_line=False) == "\\- lijst  \n1\\. nummer  \n\\# kop"
    assert md_literal("a\n\nb", one_line=True) == "a b"
    assert terminal_safe("tab\tok") == "tab\tok"
