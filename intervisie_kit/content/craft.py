"""Frozen models for the facilitator's craft (page 10): the guide and the difficult moments.

Two kinds of content file:

- ``data/vak/*.yaml`` holds a :class:`CraftGuide`: the criteria of a good intervisievraag (the question
  the inbrenger brings), the LSD exercises (luisteren, samenvatten, doorvragen: listening, summarising,
  asking further), the stages a group goes through, and intervisie next to supervisie, coaching and
  werkoverleg (team meeting).
- ``data/vak/momenten/*.yaml`` holds one :class:`Scene` each: a difficult moment in a meeting with the
  question "wat doe je nu?", three or four options with feedback and the model interventions. A trainer
  adds a scene by adding a file, or replaces one by using the same id.

The rules that check a question or a summary live in :mod:`intervisie_kit.craft`; here are only the texts
and the word lists those rules read.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import Field, StringConstraints, model_validator
from pydantic_core import PydanticCustomError

from ..terms import Criterion
from .models import Line, Name, Slug, Text, _Frozen, _unique

__all__ = [
    "CraftGuide",
    "Criterion",
    "Fit",
    "FormsGuide",
    "GroupStage",
    "LsdGuide",
    "LsdStep",
    "QuestionCriterion",
    "QuestionExample",
    "QuestionGuide",
    "RelatedForm",
    "Scene",
    "SceneOption",
    "StagesGuide",
    "SummaryElement",
    "SummaryExercise",
    "WordLists",
]

#: A key word or phrase a summary may use for an element; matched on whole-word beginnings.
Word = Annotated[str, StringConstraints(strip_whitespace=True, to_lower=True, min_length=2, max_length=60)]


class QuestionCriterion(_Frozen):
    """One of the four checks, with an example that passes it and one that does not."""

    id: Criterion
    name: Name
    explanation: Text
    good: Text
    weak: Text


class QuestionExample(_Frozen):
    """A weak intervisievraag to try in the checker, and a better version."""

    weak: Text
    better: Text


class QuestionGuide(_Frozen):
    intro: Text
    source: Line
    criteria: tuple[QuestionCriterion, ...] = Field(min_length=4, max_length=4)
    examples: tuple[QuestionExample, ...] = ()

    @model_validator(mode="after")
    def _every_criterion_once(self) -> QuestionGuide:
        _unique(self.criteria, "criteria")
        missing = [c.value for c in Criterion if c not in {x.id for x in self.criteria}]
        if missing:
            raise PydanticCustomError(
                "criteria_missing", "criteria lacks {missing}", {"path": "criteria", "missing": ", ".join(missing)}
            )
        return self


class LsdStep(_Frozen):
    id: Slug
    name: Name
    explanation: Text


class WordLists(_Frozen):
    """Words that show an element was picked up, per language (the English list may be left out)."""

    nl: tuple[Word, ...] = Field(min_length=1)
    en: tuple[Word, ...] = ()

    def get(self, lang: str) -> tuple[str, ...]:
        return self.en if lang == "en" and self.en else self.nl


class SummaryElement(_Frozen):
    """Something a good summary of the fragment picks up, and the words that show it did."""

    id: Slug
    label: Text
    words: WordLists


class SummaryExercise(_Frozen):
    """A fragment an inbrenger tells; the trainee summarises it."""

    id: Slug
    title: Text
    inbrenger: Line  # an invented first name
    fragment: Text
    elements: tuple[SummaryElement, ...] = Field(min_length=2, max_length=8)
    min_elements: int = Field(ge=1, le=8)  # how many elements a summary must pick up
    model_summaries: tuple[Text, ...] = Field(min_length=1)
    follow_up: Text  # a good question to ask after the summary

    @model_validator(mode="after")
    def _reachable(self) -> SummaryExercise:
        _unique(self.elements, "elements")
        if self.min_elements > len(self.elements):
            raise PydanticCustomError(
                "min_elements",
                "min_elements is {min}, but there are only {n} elements",
                {"path": "min_elements", "min": self.min_elements, "n": len(self.elements)},
            )
        return self


class LsdGuide(_Frozen):
    intro: Text
    source: Line
    steps: tuple[LsdStep, ...] = Field(min_length=1)
    good_summary: tuple[Text, ...] = Field(min_length=1)  # what a good summary holds
    exercises: tuple[SummaryExercise, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _ids(self) -> LsdGuide:
        _unique(self.steps, "steps")
        _unique(self.exercises, "exercises")
        return self


class GroupStage(_Frozen):
    """A stage of group development as it shows in an intervisie group."""

    id: Slug
    name: Name
    you_see: Text
    you_do: Text


class StagesGuide(_Frozen):
    intro: Text
    source: Line
    stages: tuple[GroupStage, ...] = Field(min_length=2)

    @model_validator(mode="after")
    def _ids(self) -> StagesGuide:
        _unique(self.stages, "stages")
        return self


class RelatedForm(_Frozen):
    """Intervisie or a form it is confused with, on the four points that tell them apart."""

    id: Slug
    name: Name
    led_by: Text
    goal: Text
    hierarchy: Text
    content_from: Text  # who brings the content


class FormsGuide(_Frozen):
    intro: Text
    source: Line
    forms: tuple[RelatedForm, ...] = Field(min_length=2)
    note: Text | None = None

    @model_validator(mode="after")
    def _ids(self) -> FormsGuide:
        _unique(self.forms, "forms")
        return self


class CraftGuide(_Frozen):
    """The facilitator's craft: everything on page 10 except the scenes."""

    id: Slug
    title: Name
    intro: Text
    sources: tuple[Line, ...] = Field(min_length=1)
    question: QuestionGuide
    lsd: LsdGuide
    phases: StagesGuide
    forms: FormsGuide


class Fit(StrEnum):
    """How well an option in a scene serves the group."""

    GOOD = "good"
    PARTLY = "partly"
    POOR = "poor"


class SceneOption(_Frozen):
    text: Text
    fit: Fit
    feedback: Text  # why this works or not, shown when it is chosen


def _default_question() -> Text:
    return Text(nl="Wat doe je nu?", en="What do you do now?")


class Scene(_Frozen):
    """A difficult moment in a meeting: what happens, what you could do, and what a trainer would say."""

    id: Slug
    title: Name
    when: Text | None = None  # the phase of the meeting
    situation: Text
    question: Text = Field(default_factory=_default_question)
    options: tuple[SceneOption, ...] = Field(min_length=3, max_length=4)
    interventions: tuple[Text, ...] = Field(min_length=2, max_length=3)  # model interventions, said aloud
    principle: Text  # the idea behind the interventions, in one sentence
    sources: tuple[Line, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _has_good_option(self) -> Scene:
        if not any(o.fit is Fit.GOOD for o in self.options):
            raise PydanticCustomError("no_good_option", "at least one option needs fit: good", {"path": "options"})
        return self
