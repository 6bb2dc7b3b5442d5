"""Page 07 Oefensets: run an exercise set item by item, with automatic feedback on every answer.

Recognise-sets ask which kind of turn the prompt is; write-sets let the trainee type a question that
the coach checks (the shared verdict component) together with the item's own conditions (a complete
question about this situation, not another item's answer, the skill of the set: ``exercise.py``). After
an attempt the explanation and a model answer appear. A trainer can link to one set with ``?set=<id>``.
"""

from __future__ import annotations

import html

import ipywidgets as widgets

from ..coach import MAX_QUESTION_CHARS, Verdict
from ..content import Content
from ..content.models import ExerciseItem, ExerciseMode, ExerciseSet
from ..exercise import MIN_WORDS, check_recognised, check_written
from ..i18n import t
from ..terms import TurnKind
from .dutch_only import only_dutch_note, text_html
from .journal_link import save_to_journal_button
from .limits import too_long
from .shell import PageState, notice, section
from .verdict import verdict_html

__all__ = ["ExerciseView", "ItemView", "exercises"]


def exercises(state: PageState) -> widgets.VBox:
    return section(state, lambda lang: ExerciseView(state.content, lang, state.params.get("set")))


class ExerciseView(widgets.VBox):
    def __init__(self, content: Content, lang: str, set_id: str | None = None, **kwargs: object):
        super().__init__(**kwargs)
        self.add_class("ik-exercises")
        self._content, self._lang = content, lang
        sets = content.exercises
        if not sets:
            self.children = (notice("warn", t("exercise.missing", lang)),)
            return
        self.picker = widgets.Dropdown(
            options=sorted(((s.title.get(lang), s.id) for s in sets.values()), key=lambda o: o[0].lower()),
            value=set_id if set_id in sets else sorted(sets)[0],
            description=t("exercise.set", lang),
            style={"description_width": "initial"},
            layout=widgets.Layout(width="100%", max_width="40em"),
        )
        self.body = widgets.VBox()
        self.score = widgets.HTML()
        self.score.add_class("ik-exercise-score")
        self.items: list[ItemView] = []
        self.save_box = widgets.VBox()
        self.children = (self.picker, self.body, self.score, self.save_box)
        self.picker.observe(lambda _: self._show(), "value")
        self._show()

    def _show(self) -> None:
        lang = self._lang
        exercise_set: ExerciseSet = self._content.exercises[self.picker.value]
        parts: list[widgets.Widget] = [
            widgets.HTML(
                f"<h2>{html.escape(exercise_set.title.get(lang))}</h2>"
                f"<p>{html.escape(exercise_set.instructions.get(lang))}</p>"
            )
        ]
        case = self._content.cases.get(exercise_set.case) if exercise_set.case else None
        if case is not None:
            parts.append(
                widgets.HTML(
                    f"<details class='ik-case'><summary>{html.escape(case.title.get(lang))}</summary>"
                    f"<p>{html.escape(case.story.get(lang))}</p><p><strong>{html.escape(case.question.get(lang))}"
                    "</strong></p></details>"
                )
            )
        every = [item for each in self._content.exercises.values() for item in each.items]
        self.items = [
            ItemView(exercise_set, item, n, lang, _other_answers(every, item))
            for n, item in enumerate(exercise_set.items, start=1)
        ]
        for view in self.items:
            view.on_result(self._update_score)
        self.body.children = (*parts, *self.items)
        self.save_box.children = (save_to_journal_button(lang, self._journal_entry),)
        self._update_score()

    def _journal_entry(self) -> dict:  # type: ignore[type-arg]
        """The set's result as a private journal entry (counted as 'exercises done' in the progress view)."""
        exercise_set: ExerciseSet = self._content.exercises[self.picker.value]
        name = exercise_set.title.get(self._lang)
        right = sum(v.right for v in self.items)
        score = t("exercise.score", self._lang, right=right, total=len(self.items))
        return {
            "template": "oefenset",
            "context": "exercise",
            "context_label": name,
            "title": t("exercise.entry_title", self._lang, name=name),
            "answers": {"summary": score},
            "figures": {"set": exercise_set.id, "right": right, "total": len(self.items)},
        }

    def _update_score(self) -> None:
        right = sum(v.right for v in self.items)
        score = t("exercise.score", self._lang, right=right, total=len(self.items))
        self.score.value = f"<p><strong>{html.escape(score)}</strong></p>"


class ItemView(widgets.VBox):
    """One item: the prompt, the trainee's answer and the feedback on it."""

    def __init__(
        self,
        exercise_set: ExerciseSet,
        item: ExerciseItem,
        n: int,
        lang: str,
        other_answers: tuple[str, ...] = (),
        **kwargs: object,
    ):
        super().__init__(**kwargs)
        self.add_class("ik-exercise-item")
        self._set, self._item, self._lang = exercise_set, item, lang
        self._other_answers = other_answers
        self.right = False
        self._callbacks: list = []  # type: ignore[type-arg]
        note = only_dutch_note(lang, item.prompt, item.answer)
        prompt = f"<p class='ik-exercise-prompt'><strong>{n}.</strong> {text_html(item.prompt, lang)}{note}</p>"
        if item.answer is not None:
            prompt += (
                f"<p class='ik-exercise-answer'><em>{html.escape(t('exercise.answer', lang))}</em> "
                f"{text_html(item.answer, lang)}</p>"
            )
        self.feedback = widgets.HTML()
        self.feedback.add_class("ik-exercise-feedback")
        if exercise_set.mode is ExerciseMode.RECOGNISE:
            self.choice = widgets.ToggleButtons(options=[(t(f"kind.{k.value}", lang), k) for k in TurnKind], value=None)
            self.choice.observe(lambda _: self.recognise(self.choice.value), "value")
            self.children = (widgets.HTML(prompt), self.choice, self.feedback)
        else:
            self.text = widgets.Text(
                placeholder=t("exercise.your_answer", lang),
                continuous_update=False,
                layout=widgets.Layout(width="100%"),
            )
            self.text.add_class("ik-exercise-input")
            self.check = widgets.Button(description=t("exercise.check", lang))
            self.check.on_click(lambda _: self.write(self.text.value))
            self.text.observe(lambda change: self.write(change["new"]) if change["new"].strip() else None, "value")
            self.children = (widgets.HTML(prompt), widgets.HBox([self.text, self.check]), self.feedback)

    def on_result(self, callback) -> None:  # type: ignore[no-untyped-def]
        self._callbacks.append(callback)

    def _done(self, ok: bool, lines: list[str], verdict: Verdict | None = None) -> None:
        lang, item = self._lang, self._item
        self.right = ok
        head = t("exercise.right" if ok else "exercise.not_yet", lang)
        extra = ""
        if item.explanation is not None:
            extra += f"<p>{text_html(item.explanation, lang)}{only_dutch_note(lang, item.explanation)}</p>"
        if item.model_answer is not None:
            extra += (
                f"<p><em>{html.escape(t('exercise.model', lang))}</em> {text_html(item.model_answer, lang)}"
                f"{only_dutch_note(lang, item.model_answer)}</p>"
            )
        body = "".join(f"<p class='ik-exercise-problem'>{html.escape(line)}</p>" for line in lines)
        coach = verdict_html(verdict, lang) if verdict is not None else ""
        self.feedback.value = (
            f"<div class='ik-notice ik-{'ok' if ok else 'warn'}' data-ok='{str(ok).lower()}'>"
            f"<strong>{html.escape(head)}</strong>{coach}{body}{extra}</div>"
        )
        for callback in self._callbacks:
            callback()

    def recognise(self, kind: TurnKind | None) -> bool:
        if kind is None:
            return False
        ok = check_recognised(self._item, kind)
        self._done(ok, [])
        return ok

    def write(self, text: str) -> bool:
        lang, item = self._lang, self._item
        warning = too_long(text, MAX_QUESTION_CHARS, lang)
        if warning:  # the field keeps the text; nothing is judged
            self.feedback.value = warning
            return False
        result = check_written(item, self._set.skill, text, lang, self._other_answers)
        lines = []
        for code in result.problems:
            params: dict[str, str | int] = {}
            if code == "kind" and result.verdict is not None:
                params["kind"] = t(f"kind.{result.verdict.kind.value}", lang).lower()
            if code == "dimension" and result.verdict is not None and item.dimension is not None:
                got = result.verdict.dimension.value if result.verdict.dimension else "facts"
                params = {"got": t(f"dimension.{got}", lang), "want": t(f"dimension.{item.dimension.value}", lang)}
            if code == "follow_up":
                params["word"] = _follow_up_word(item, lang)
            if code == "too_short":
                params["n"] = MIN_WORDS
            lines.append(t(f"exercise.problem.{code}", lang, **params))
        self._done(result.ok, lines, result.verdict)
        return result.ok


def _other_answers(every: list[ExerciseItem], item: ExerciseItem) -> tuple[str, ...]:
    """The model answers, in both languages, of every exercise item but this one."""
    return tuple(
        other.model_answer.get(lang)
        for other in every
        if other is not item and other.model_answer is not None
        for lang in ("nl", "en")
    )


def _follow_up_word(item: ExerciseItem, lang: str) -> str:
    """A follow-up word that occurs in the inbrenger's answer in the page's language (the list holds both)."""
    said = item.answer.get(lang).lower() if item.answer is not None else ""
    return next((w for w in item.follow_up if w.lower() in said), item.follow_up[0])
