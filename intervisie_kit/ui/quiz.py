"""A check-yourself quiz: choose an answer, read why it is (not) right, see the score."""

from __future__ import annotations

import html

import ipywidgets as widgets

from ..coach import classify
from ..content.models import Quiz
from ..i18n import t
from .shell import PageState, notice, section
from .verdict import verdict_html

__all__ = ["QuizView", "quiz"]


def quiz(state: PageState, quiz_id: str) -> widgets.VBox:
    def build(lang: str) -> widgets.Widget:
        found = state.content.quizzes.get(quiz_id)
        if found is None:
            return notice("warn", t("quiz.missing", lang, id=quiz_id))
        return QuizView(found, lang)

    return section(state, build)


class QuizView(widgets.VBox):
    """One radio group per question; feedback appears as soon as an answer is chosen."""

    def __init__(self, quiz: Quiz, lang: str, **kwargs: object):
        super().__init__(**kwargs)
        self.add_class("ik-quiz")
        self._quiz, self._lang = quiz, lang
        self.choices: list[widgets.RadioButtons] = []
        self._feedback: list[widgets.HTML] = []
        parts: list[widgets.Widget] = [widgets.HTML(f"<h2>{html.escape(quiz.title.get(lang))}</h2>")]
        if quiz.intro is not None:
            parts.append(widgets.HTML(f"<p>{html.escape(quiz.intro.get(lang))}</p>"))
        for n, question in enumerate(quiz.questions, start=1):
            choice = widgets.RadioButtons(
                options=[(o.text.get(lang), i) for i, o in enumerate(question.options)],
                value=None,
                layout=widgets.Layout(width="100%"),
            )
            choice.add_class("ik-quiz-choice")
            feedback = widgets.HTML()
            feedback.add_class("ik-quiz-feedback")
            choice.observe(self._answered, "value")
            self.choices.append(choice)
            self._feedback.append(feedback)
            prompt = widgets.HTML(
                f"<p class='ik-quiz-prompt'><strong>{n}. {html.escape(question.prompt.get(lang))}</strong></p>"
            )
            parts += [prompt, choice, feedback]
        self.score = widgets.HTML()
        self.score.add_class("ik-quiz-score")
        parts.append(self.score)
        self.children = tuple(parts)

    def _answered(self, _: object = None) -> None:
        lang = self._lang
        right = 0
        answered = 0
        for question, choice, feedback in zip(self._quiz.questions, self.choices, self._feedback, strict=True):
            if choice.value is None:
                continue
            answered += 1
            option = question.options[choice.value]
            right += option.correct
            kind, label = ("ok", t("quiz.right", lang)) if option.correct else ("warn", t("quiz.not_quite", lang))
            coach = ""
            if question.turn is not None:  # the coach's own verdict on the quoted turn, in the shared look
                turn = question.turn.get(lang)
                said = t("quiz.coach_says", lang, turn=turn)
                coach = f"<p class='ik-quiz-coach'>{html.escape(said)}</p>{verdict_html(classify(turn, lang), lang)}"
            feedback.value = (
                f"<div class='ik-notice ik-{kind}'><strong>{html.escape(label)}</strong> "
                f"{html.escape(option.feedback.get(lang))}</div>{coach}"
            )
        total = len(self._quiz.questions)
        self.score.value = (
            f"<p><strong>{html.escape(t('quiz.score', lang, right=right, answered=answered, total=total))}</strong></p>"
        )
