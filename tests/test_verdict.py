"""One verdict component, one tally, one rule: the same text gets the same label and flags on every page.

Headless: each page's own code path (01 quiz, 03 "bedenk eerst zelf een vraag", 04 practice, 05 live coach,
07 exercises) is driven with the same three questions, and the verdict it shows is read back from its HTML.
"""

from __future__ import annotations

import re

import pytest

from intervisie_kit.coach import Kind, classify
from intervisie_kit.coach.tally import tally
from intervisie_kit.content import load
from intervisie_kit.content.models import Quiz
from intervisie_kit.i18n import t
from intervisie_kit.practice import PracticeRound
from intervisie_kit.terms import FLAG_LABELS, KIND_LABELS
from intervisie_kit.ui import methods
from intervisie_kit.ui.exercises import ExerciseView
from intervisie_kit.ui.practice import PracticeView
from intervisie_kit.ui.quiz import QuizView
from intervisie_kit.ui.verdict import KIND_COLOURS, tally_html, verdict_html, verdict_view

from .test_widgets import find, html_of
from .test_widgets_session import started

CONTENT = load(include_env=False, strict=False)

#: The three questions of issue 13: a why-question, a stacked question, a disguised advice.
THREE = {
    "Waarom heb je toen niets gezegd?": ("open", ("why",)),
    "Wat voelde je en wat deed je daarna?": ("open", ("stacked",)),
    "Heb je er al eens aan gedacht om het met je leidinggevende te bespreken?": ("suggestive", ()),
}

_VERDICT = re.compile(r"<(?:div|span) class='ik-verdict[^']*'[^>]*data-kind='(\w+)' data-flags='([\w ]*)'")
_KIND_WORD = re.compile(r"<strong class='ik-verdict-kind'[^>]*>([^<]+)</strong>")
_CHIP = re.compile(r"<span class='ik-flag' data-flag='\w+'>([^<]+)</span>")


def shown_verdict(markup: str) -> tuple[str, tuple[str, ...], str, tuple[str, ...]]:
    """The first verdict in a page's HTML: kind, flags, the kind's word and the flag chips' words."""
    start = markup.index("class='ik-verdict")
    rest = markup[start - 5 :]
    m = _VERDICT.search(rest)
    assert m is not None, rest[:200]
    word = _KIND_WORD.search(rest)
    assert word is not None
    head = rest[: rest.index("</strong>", word.end() - 9) + 200]
    chips = tuple(_CHIP.findall(head.split("ik-verdict-feedback")[0]))
    return m.group(1), tuple(m.group(2).split()), word.group(1), chips


def via_quiz(text: str) -> str:
    quiz = Quiz.model_validate(
        {
            "id": "een-beurt",
            "title": {"nl": "Een beurt", "en": "A turn"},
            "questions": [
                {
                    "prompt": {"nl": "Wat doe je?", "en": "What do you do?"},
                    "turn": {"nl": text, "en": text},
                    "options": [
                        {"text": {"nl": "A", "en": "A"}, "correct": True, "feedback": {"nl": "Ja.", "en": "Yes."}},
                        {"text": {"nl": "B", "en": "B"}, "feedback": {"nl": "Nee.", "en": "No."}},
                    ],
                }
            ],
        }
    )
    view = QuizView(quiz, "nl")
    view.choices[0].value = 1
    return html_of(view)


def via_method_page(text: str) -> str:
    method = CONTENT.methods["incidentmethode"]
    stepper = methods.ExampleStepper(method, method.worked_example, CONTENT, "nl")
    stepper.index = next(i for i, s in enumerate(method.worked_example.steps) if s.ask_yourself and s.turns)
    ask = find(stepper, methods.AskYourself)[0]
    ask.own.value = text
    ask.check.click()
    return html_of(ask.verdict)


def via_practice(text: str) -> str:
    view = PracticeView(CONTENT, "nl", "werkdruk-verminderen")
    view.submit(text)
    return view.conversation_html


def via_session(text: str) -> str:
    view, _ = started()
    view.next.click()
    view.next.click()  # the question round
    view.ask(text)
    return view.question_log.value


def via_exercise(text: str) -> str:
    view = ExerciseView(CONTENT, "nl", "een-vraag-tegelijk")
    view.items[0].write(text)
    return view.items[0].feedback.value


PAGES = {"01": via_quiz, "03": via_method_page, "04": via_practice, "05": via_session, "07": via_exercise}


@pytest.mark.parametrize("text", list(THREE))
def test_the_same_text_gets_the_same_label_and_flags_on_every_page(text: str) -> None:
    kind, flags = THREE[text]
    expected = (
        kind,
        flags,
        KIND_LABELS[Kind(kind)][0],
        tuple(FLAG_LABELS[f][0] for f in flags),
    )
    seen = {page: shown_verdict(path(text)) for page, path in PAGES.items()}
    assert seen == dict.fromkeys(PAGES, expected)


def test_the_quiz_answer_key_says_what_the_coach_says() -> None:
    """Page 01's question on "Heb je er al eens aan gedacht ...?" calls it what the coach calls it."""
    question = CONTENT.quizzes["wat-is-intervisie"].questions[0]
    assert question.turn is not None
    verdict = classify(question.turn.nl, "nl")
    assert verdict.kind is Kind.SUGGESTIVE
    right = next(o for o in question.options if o.correct)
    for lang, i in (("nl", 0), ("en", 1)):
        assert KIND_LABELS[verdict.kind][i].lower() in right.text.get(lang).lower()
    view = QuizView(CONTENT.quizzes["wat-is-intervisie"], "nl")
    view.choices[0].value = next(i for i, o in enumerate(question.options) if o.correct)
    assert shown_verdict(html_of(view))[:3] == ("suggestive", (), "Suggestieve vraag")


def test_the_verdict_view_escapes_and_announces() -> None:
    v = classify("Waarom deed je dat?")
    view = verdict_view(v, "nl")
    assert "role='status'" in view.value and "aria-live='polite'" in view.value
    assert "waarom-vraag" in view.value and "Wat maakte dat" in view.value  # chip and reformulation
    assert f"border-left-color:{KIND_COLOURS[Kind.OPEN]}" in view.value
    assert "role='status'" not in verdict_html(v, "nl", live=False)
    compact = verdict_html(v, "nl", compact=True, live=False)
    assert "waarom-vraag" in compact and v.feedback[:20] not in compact
    assert verdict_view(None, "nl").value == ""
    en = verdict_html(classify("wat"), "en")
    assert "Not a question" in en and "not a complete question yet" in en


def test_a_hostile_reformulation_is_text() -> None:
    """The why-reformulation keeps the asker's words, so they must arrive escaped."""
    v = classify("Waarom deed je <img src=x onerror=alert(1)>?")
    assert "<img" in (v.suggestion or "") and "<img" not in verdict_html(v, "nl")


# --- the one tally ----------------------------------------------------------------------------------------


def test_the_tally_counts_flagged_open_questions_apart() -> None:
    counts = tally(
        classify(text)
        for text in (
            "Wat voelde je toen?",
            "Waarom heb je toen niets gezegd?",
            "Wat voelde je en wat deed je daarna?",
            "Heb je er al eens aan gedacht om het met je leidinggevende te bespreken?",
            "wat",
            "Hoe lang werk je daar al?",
        )
    )
    assert (counts.turns, counts.open, counts.open_flagged, counts.why, counts.stacked) == (6, 1, 2, 1, 1)
    assert counts.counts == {
        "open": 3,
        "closed": 1,
        "suggestive": 1,
        "advice": 0,
        "judgement": 0,
        "other": 1,
    }
    assert counts.incomplete == 1 and counts.open_share == pytest.approx(1 / 6)
    assert tally([]).open_share == 0.0
    markup = tally_html(counts, "nl")
    assert "1 van 6 open (17%)" in markup and "open, met aandachtspunt 2" in markup
    assert "nog geen volledige vraag 1" in markup and "Suggestieve vraag 1" in markup


def test_a_practice_round_and_its_summary_count_by_the_one_rule() -> None:
    r = PracticeRound(CONTENT.cases["werkdruk-verminderen"], limit=5)
    for text in ("Waarom heb je toen niets gezegd?", "Wat voelde je toen?", "wat"):
        r.ask(text)
    counts = r.tally()
    assert (counts.open, counts.open_flagged, counts.incomplete) == (1, 1, 1)
    summary = r.summary_markdown()
    assert "waarvan 1 open vragen (33%) en 1 open met aandachtspunt" in summary
    assert "*Open vraag (waarom-vraag)*" in summary and "*Geen vraag (nog geen volledige vraag)*" in summary


def test_the_session_report_counts_by_the_one_rule() -> None:
    view, _ = started()
    view.next.click()
    view.next.click()
    for text in THREE:
        view.ask(text)
    summary = view.session.summary()
    assert summary.question_tally().open == 0 and summary.question_tally().open_flagged == 2
    markdown = summary.summary_markdown("nl")
    assert "0 van de 3 vragen waren open; 2 open met aandachtspunt" in markdown
    assert "*Open vraag (meerdere vragen tegelijk)*" in markdown
    assert t("flag.why", "en") == "why-question"
