"""The kit's own Markdown summaries, shown as formatted text in the journal and as plain text in the exports."""

from __future__ import annotations

import io
from pathlib import Path

from intervisie_kit.content import load
from intervisie_kit.journal import Journal
from intervisie_kit.journal.markdown import markdown_html, markdown_text
from intervisie_kit.journal.report import build_report, report_html, report_markdown, report_pdf
from intervisie_kit.practice import PracticeRound

CONTENT = load(include_env=False, strict=False)
HOSTILE = "<script>alert('x')</script>"


def summary() -> str:
    r = PracticeRound(CONTENT.cases["werkdruk-verminderen"], limit=3)
    r.ask(f"{HOSTILE} Wat voelde je?")
    r.ask("Wat [klik](javascript:alert(1)) ![x](http://example.org/x.png) gebeurde er?")
    r.ask("Je moet **echt** nee zeggen.")
    return r.summary_markdown()


def test_formatted_with_every_piece_of_html_as_text() -> None:
    shown = markdown_html(summary())
    assert shown.startswith("<h4>Oefenronde: ")  # under the entry's own <h3>
    assert "<ol>" in shown and "<em>Open vraag</em>" in shown
    # What the trainee typed is text, also when it looks like Markdown (issue 12: the download escapes it).
    assert "**echt**" in shown and "<strong>" not in shown
    assert "<script>" not in shown and "&lt;script&gt;" in shown
    assert "<a " not in shown and "<img" not in shown and "example.org" in shown
    assert 'class="ik-table"' in markdown_html("| a | b |\n|---|---|\n| 1 | 2 |\n")


def test_plain_text_has_no_markdown_marks() -> None:
    text = markdown_text(summary())
    assert text.startswith("Oefenronde: ") and "#" not in text and "*Open vraag*" not in text
    assert "Je moet **echt** nee zeggen." in text  # typed text stays as typed
    assert "\n1. " in text and "\n   Open vraag: " in text and HOSTILE in text
    assert markdown_text("| a | b |\n|---|---|\n| 1 | 2 |\n") == "a | b\n1 | 2\n"


def test_a_shared_practice_round_in_every_report_format(tmp_path: Path) -> None:
    with Journal(tmp_path / "j.sqlite") as j:
        me = j.local_trainee().id
        j.add(
            me,
            template="oefenronde",
            context="practice",
            answers={"summary": summary()},
            share="supervisor",
            title="Mijn ronde",
        )
        report = build_report("eindevaluatie", j.trainee(me), j.entries(me), CONTENT.reflection)
    page = report_html(report)
    assert "<ol>" in page and "<script>" not in page and "# Oefenronde:" not in page
    assert "# Oefenronde:" not in report_markdown(report) and "\\*open\\*" not in report_markdown(report)
    from pypdf import PdfReader

    pdf = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(report_pdf(report))).pages)
    assert "# Oefenronde:" not in pdf and "*open*" not in pdf and "Oefenronde: " in pdf
