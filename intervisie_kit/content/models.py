"""Frozen pydantic models for the kit's content: methods, cases and exercise sets.

Content is written in YAML by people (the kit's authors and trainers), so the models are strict about
structure (unknown keys are errors, ids are slugs) and forgiving about form: a text that only exists in
Dutch may be written as a plain string instead of ``{nl: ..., en: ...}``.

Semantic rules that concern one file (phase minutes add up to the total, every speaker is a defined
role, the worked example follows the phases) live here as model validators, so that a ``Method`` that
exists in memory is always a consistent one. Rules across files (a case pointing at a missing method,
duplicate ids) live in :mod:`intervisie_kit.content.loader`.

Dutch domain words are kept where they name a domain thing: the *inbrenger* is the person who brings
the case, the *gespreksleider* guards method and time.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator
from pydantic_core import PydanticCustomError

from ..terms import Dimension, TurnKind

__all__ = [
    "Case",
    "Character",
    "Contribution",
    "Dimension",
    "ExampleStep",
    "ExampleTurn",
    "ExerciseItem",
    "ExerciseMode",
    "ExerciseSet",
    "Experience",
    "Focus",
    "GroupSize",
    "InbrengerAnswers",
    "Material",
    "Method",
    "Mistake",
    "NotForWhen",
    "OnlineFit",
    "Phase",
    "QuestionType",
    "Quiz",
    "QuizOption",
    "QuizQuestion",
    "ReflectionField",
    "ReflectionFieldKind",
    "ReflectionOption",
    "ReflectionTemplate",
    "Reveal",
    "Role",
    "Sector",
    "Skill",
    "Strength",
    "Text",
    "TextNlEn",
    "Theme",
    "Trust",
    "TurnKind",
    "WorkedExample",
]

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$", max_length=80)]
Line = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
Prose = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=20_000)]

# Minutes are whole or half minutes (one published incident method uses 7.5-minute rounds).
Minutes = Annotated[float, Field(gt=0, le=600, multiple_of=0.5)]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


class Text(_Frozen):
    """A text in Dutch, optionally with an English version. A plain string in YAML means Dutch only."""

    nl: Prose
    en: Prose | None = None

    @model_validator(mode="before")
    @classmethod
    def _from_plain_string(cls, value: Any) -> Any:
        if isinstance(value, str):
            return {"nl": value}
        if not isinstance(value, dict):
            raise PydanticCustomError("text_or_mapping", "expected text or {{nl: ..., en: ...}}")
        return value

    def get(self, lang: str = "nl") -> str:
        """The text in ``lang``, falling back to Dutch when no translation exists."""
        return self.en if lang == "en" and self.en else self.nl

    def __str__(self) -> str:
        return self.nl


class Name(Text):
    """A name that must exist in both languages (method names, phase names)."""

    en: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]


class TextNlEn(Text):
    """A text that must exist in both languages (a plain Dutch string is an error: ``en`` is missing)."""

    en: Prose


class Experience(StrEnum):
    """How much intervisie experience a group has (or needs)."""

    NEW = "new"
    SOME = "some"
    EXPERIENCED = "experienced"


class Trust(StrEnum):
    """How much trust and safety there is (or must be) in the group."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class QuestionType(StrEnum):
    """What a case question is about; the selectiewijzer matches methods on these."""

    OWN_BEHAVIOUR = "own_behaviour"
    OTHER_PERSON = "other_person"  # another person or a relationship
    DILEMMA = "dilemma"  # a dilemma or values
    KNOWLEDGE = "knowledge"  # knowledge or a practical matter
    SUCCESS = "success"


class Focus(StrEnum):
    """Bovenstroom: behaviour, approach, effect. Onderstroom: beliefs, feelings, drives."""

    BOVENSTROOM = "bovenstroom"
    ONDERSTROOM = "onderstroom"


class OnlineFit(StrEnum):
    """How well a method works in an online meeting."""

    GOOD = "good"
    ADAPTED = "adapted"  # works with changes, e.g. a chat or a shared board
    UNSUITABLE = "unsuitable"


class Contribution(StrEnum):
    """What may be said in a phase. The question coach and the session runner read these."""

    STORY = "story"  # the inbrenger tells the case or answers
    OPEN_QUESTION = "open_question"
    CLOSED_QUESTION = "closed_question"  # factual questions, yes/no
    SUMMARY = "summary"
    WRITING = "writing"  # writing in silence
    ASSOCIATION = "association"  # images, feelings, first impressions
    ANALYSIS = "analysis"  # hypotheses about the core of the problem
    OPINION = "opinion"  # a view on what the inbrenger might do (Balint's oordeelsvorming)
    ADVICE = "advice"
    EXPERIENCE = "experience"  # own comparable experience
    APPRECIATION = "appreciation"  # naming qualities and what went well
    ROLEPLAY = "roleplay"
    CHOICE = "choice"  # the inbrenger chooses or decides
    EVALUATION = "evaluation"  # looking back on the process and the learning


class Mistake(StrEnum):
    """Typical slips a facilitator intervenes on."""

    ADVICE_IN_QUESTION_ROUND = "advice_in_question_round"
    SUGGESTIVE_QUESTION = "suggestive_question"
    JUDGEMENT = "judgement"
    WHY_QUESTION = "why_question"  # an accusing "waarom"
    STACKED_QUESTIONS = "stacked_questions"
    OWN_STORY = "own_story"  # taking over with one's own experience
    OFF_METHOD = "off_method"  # leaving the method or the phase


class Strength(StrEnum):
    """What a method is especially good at; the selectiewijzer gives these as reasons."""

    VAGUE_QUESTION = "vague_question"  # helps to (re)define a question that is still vague
    HIGH_EMOTION = "high_emotion"  # holds strong feelings safely
    CONCRETE_INCIDENT = "concrete_incident"  # a recent, concrete incident
    CONVERSATION_SKILL = "conversation_skill"  # "how do I say this": practising the conversation
    NEW_PERSPECTIVES = "new_perspectives"  # many angles, blind spots
    ASSUMPTIONS = "assumptions"  # examining beliefs, judgements and reasoning
    ACTION = "action"  # ends in concrete next steps
    QUALITIES = "qualities"  # builds on strengths and what works


class NotForWhen(StrEnum):
    """Conditions of the selectiewijzer's form under which a method's ``not_for`` text applies.

    The machine-checkable part of "what a method is not for": when one of a method's conditions holds,
    the selectiewijzer ranks it lower and shows the method's own ``not_for`` text as the reason.
    """

    NEW_GROUP = "new_group"  # the group is new to intervisie
    LOW_TRUST = "low_trust"  # little trust and safety in the group yet
    HIGH_EMOTION = "high_emotion"  # the question carries a high emotional load
    VAGUE_QUESTION = "vague_question"  # the question is still vague
    ONLINE = "online"  # the meeting is online


class Material(StrEnum):
    """Materials a method needs; the selectiewijzer checks them against what is at hand."""

    FLIPCHART = "flipchart"
    POST_ITS = "post_its"
    PAPER = "paper"
    PICTURE_CARDS = "picture_cards"
    QUALITY_CARDS = "quality_cards"
    ROOM_TO_MOVE = "room_to_move"


class Theme(StrEnum):
    """The themes intervisie groups bring in."""

    ZELFVERTROUWEN = "zelfvertrouwen"
    STRESS = "stress"
    ASSERTIVITEIT = "assertiviteit"
    PLEZIER_IN_HET_WERK = "plezier_in_het_werk"
    WERKDRUK = "werkdruk"
    SPANNINGEN = "spanningen"
    IRRITATIE = "irritatie"
    CONFLICTEN = "conflicten"
    LASTIGE_GESPREKKEN = "lastige_gesprekken"
    BURNOUT = "burnout"
    SAMENWERKING = "samenwerking"
    ETHISCHE_DILEMMAS = "ethische_dilemmas"  # "ethische dilemma's": two duties or values pull apart
    OVERIG = "overig"


class Sector(StrEnum):
    ZORG = "zorg"
    ONDERWIJS = "onderwijs"
    SOCIAAL_WERK = "sociaal_werk"
    OVERHEID = "overheid"
    BEDRIJFSLEVEN = "bedrijfsleven"
    JEUGDZORG = "jeugdzorg"
    GGZ = "ggz"
    POLITIE_EN_VEILIGHEID = "politie_en_veiligheid"
    CULTUUR = "cultuur"
    OVERIG = "overig"


class Skill(StrEnum):
    """The questioning skill an exercise set trains."""

    RECOGNISE_ADVICE = "recognise_advice"
    REWRITE_ADVICE = "rewrite_advice"
    WHY_TO_WHAT = "why_to_what"
    DIMENSIONS = "dimensions"
    ONE_QUESTION = "one_question"
    FOLLOW_UP = "follow_up"
    OTHER = "other"


class Role(_Frozen):
    """A role in a method, e.g. inbrenger, gespreksleider, deelnemers, or a method's own (spiegels)."""

    id: Slug
    name: Name
    task: Text


class Phase(_Frozen):
    id: Slug
    name: Name
    minutes: Minutes
    speakers: tuple[Slug, ...] = Field(min_length=1)
    allowed: tuple[Contribution, ...] = Field(min_length=1)
    description: Text
    prompt: Text  # what the facilitator says or watches for in this phase


class GroupSize(_Frozen):
    min: int = Field(ge=1, le=40)
    max: int = Field(ge=1, le=40)

    @model_validator(mode="after")
    def _ordered(self) -> GroupSize:
        if self.min > self.max:
            raise PydanticCustomError(
                "range_order", "min ({min}) is larger than max ({max})", {"min": self.min, "max": self.max}
            )
        return self


class ExampleTurn(_Frozen):
    """One contribution in a worked example, optionally a typical mistake with the intervention."""

    speaker: Line
    text: Text
    kind: TurnKind | None = None  # for questions, advice and judgements: what the coach would call it
    contribution: Contribution | None = None  # for other turns: analysis, association, advice round, ...
    answer: Text | None = None  # what the inbrenger answers to this turn
    mistake: Mistake | None = None
    intervention: Text | None = None
    # A reviewed exception: why this turn's labelled kind differs from the vraagcoach's verdict
    # (docs/coach-labelling.md). A test allows at most 3% of labelled turns to carry one.
    coach_note: Line | None = None

    @model_validator(mode="after")
    def _mistake_needs_intervention(self) -> ExampleTurn:
        if self.mistake is not None and self.intervention is None:
            raise PydanticCustomError(
                "intervention_missing",
                "a turn marked as a mistake needs the facilitator's intervention",
                {"path": "intervention"},
            )
        return self


class ExampleStep(_Frozen):
    phase: Slug
    inbrenger: Text | None = None
    turns: tuple[ExampleTurn, ...] = ()
    facilitator: Text | None = None
    ask_yourself: Text | None = None  # a "what would you ask now?" moment for the trainee


class WorkedExample(_Frozen):
    case: Slug
    steps: tuple[ExampleStep, ...] = Field(min_length=1)
    outcome: Text


class Method(_Frozen):
    """An intervisie method with its phases, roles, fit and a worked example."""

    id: Slug
    name: Name
    summary: Text
    not_for: TextNlEn  # when not to use it: 1-3 sentences, Dutch and English
    not_for_when: tuple[NotForWhen, ...] = ()  # the form's conditions under which not_for applies
    origin: Text
    sources: tuple[Line, ...] = Field(min_length=1)
    total_minutes: Minutes
    phases: tuple[Phase, ...] = Field(min_length=1)
    roles: tuple[Role, ...] = Field(min_length=1)
    group_size: GroupSize
    experience: Experience
    trust: Trust
    question_types: tuple[QuestionType, ...] = Field(min_length=1)
    focus: tuple[Focus, ...] = Field(min_length=1)
    materials: tuple[Text, ...] = ()
    needs: tuple[Material, ...] = ()  # the materials of the list above that the selectiewijzer can check
    online: OnlineFit
    preparation: bool = False  # the inbrenger or the facilitator must prepare beforehand
    facilitator_experience: Experience = Experience.NEW  # what the facilitator needs to run it well
    strengths: tuple[Strength, ...] = ()
    pitfalls: tuple[Text, ...] = ()
    worked_example: WorkedExample | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Method:
        phase_total = sum(p.minutes for p in self.phases)
        if abs(phase_total - self.total_minutes) > 1e-9:
            raise PydanticCustomError(
                "minutes_sum",
                "the phases add up to {phases} minutes, but total_minutes is {total}",
                {"path": "total_minutes", "phases": _num(phase_total), "total": _num(self.total_minutes)},
            )
        _unique(self.phases, "phases")
        _unique(self.roles, "roles")
        role_ids = {r.id for r in self.roles}
        for i, phase in enumerate(self.phases):
            for j, speaker in enumerate(phase.speakers):
                if speaker not in role_ids:
                    raise PydanticCustomError(
                        "unknown_role",
                        "'{speaker}' is not one of this method's roles ({roles})",
                        {
                            "path": f"phases[{i}].speakers[{j}]",
                            "speaker": speaker,
                            "roles": ", ".join(sorted(role_ids)),
                        },
                    )
        if self.worked_example is not None:
            order = [p.id for p in self.phases]
            last = -1
            for i, step in enumerate(self.worked_example.steps):
                if step.phase not in order:
                    raise PydanticCustomError(
                        "unknown_phase",
                        "'{phase}' is not one of this method's phases ({phases})",
                        {
                            "path": f"worked_example.steps[{i}].phase",
                            "phase": step.phase,
                            "phases": ", ".join(order),
                        },
                    )
                if order.index(step.phase) < last:
                    raise PydanticCustomError(
                        "phase_order",
                        "the worked example goes back to phase '{phase}'; steps follow the phases in order",
                        {"path": f"worked_example.steps[{i}].phase", "phase": step.phase},
                    )
                last = order.index(step.phase)
        return self

    def phase(self, phase_id: str) -> Phase:
        for p in self.phases:
            if p.id == phase_id:
                return p
        raise KeyError(phase_id)


class Character(_Frozen):
    """A fictional person in a case. Names are invented; the privacy check uses them."""

    name: Line
    role: Text


class Reveal(_Frozen):
    """What the inbrenger tells, bit by bit, when asked openly about one dimension of the case."""

    answers: tuple[Text, ...] = Field(min_length=2)  # each good open question reveals the next one
    missed: Text  # said at the end when nobody asked about it: "Je hebt niet gevraagd naar wat haar drijft."


class InbrengerAnswers(_Frozen):
    """How the inbrenger of a case answers in a practice round, as real inbrengers do.

    An open question about a dimension gets a fuller answer that reveals something new; a closed question
    a short yes or no; a suggestive question or advice the defensive "ja, maar ..."; a judgement makes the
    inbrenger close up.
    """

    facts: Reveal
    feelings: Reveal
    thoughts: Reveal
    motives: Reveal
    alternatives: Reveal
    short: tuple[Text, ...] = Field(min_length=2)  # answers to closed questions
    yes_but: tuple[Text, ...] = Field(min_length=2)  # to suggestive questions and advice
    closing_up: tuple[Text, ...] = Field(min_length=1)  # after a judgement
    other: tuple[Text, ...] = Field(min_length=1)  # to a summary, empathy or thanks

    def reveal(self, dimension: Dimension) -> Reveal:
        return getattr(self, dimension.value)


class Case(_Frozen):
    """A fictional case an inbrenger brings in, with their story and question."""

    id: Slug
    title: Text
    theme: Theme
    sector: Sector
    inbrenger: Character
    story: Text
    question: Text
    characters: tuple[Character, ...] = ()
    question_types: tuple[QuestionType, ...] = ()
    focus: Focus | None = None
    methods: tuple[Slug, ...] = ()  # methods this case is suited to; checked to exist
    answers: InbrengerAnswers | None = None  # how the inbrenger answers on the practice page


class ExerciseMode(StrEnum):
    RECOGNISE = "recognise"  # the trainee says what kind of turn the prompt is
    WRITE = "write"  # the trainee types a question; the coach checks it


class ExerciseItem(_Frozen):
    prompt: Text  # recognise: the turn to judge; write: the task, or the turn to rewrite
    expected: tuple[TurnKind, ...] = ()  # recognise: the kind(s) that count as right; write: default open
    dimension: Dimension | None = None  # write: the direction the question should explore
    answer: Text | None = None  # write, follow-up: what the inbrenger just said
    follow_up: tuple[str, ...] = ()  # write, follow-up: words of the answer a follow-up question picks up
    # write: words (either language) an answer about this item's situation may use when the prompt does not hold
    # them: "ja", "zei" for "Waarom heb je toen ja gezegd?" (exercise.py, "about this item")
    topic_words: tuple[str, ...] = ()
    model_answer: Text | None = None
    explanation: Text | None = None


class ExerciseSet(_Frozen):
    id: Slug
    title: Text
    skill: Skill
    mode: ExerciseMode = ExerciseMode.RECOGNISE
    instructions: Text
    case: Slug | None = None
    items: tuple[ExerciseItem, ...] = Field(min_length=1)


class QuizOption(_Frozen):
    text: Text
    correct: bool = False
    feedback: Text  # why this answer is (not) right, shown when it is chosen


class QuizQuestion(_Frozen):
    prompt: Text
    # A turn the question quotes: once answered, the page shows the coach's verdict on it, so the quiz and the
    # coach say the same words (docs/coach-labelling.md).
    turn: Text | None = None
    options: tuple[QuizOption, ...] = Field(min_length=2)

    @model_validator(mode="after")
    def _one_correct(self) -> QuizQuestion:
        if sum(o.correct for o in self.options) != 1:
            raise PydanticCustomError("one_correct", "exactly one option must be correct", {"path": "options"})
        return self


class Quiz(_Frozen):
    """A short check-yourself quiz with feedback on every answer."""

    id: Slug
    title: Text
    intro: Text | None = None
    questions: tuple[QuizQuestion, ...] = Field(min_length=1)


class ReflectionFieldKind(StrEnum):
    TEXT = "text"  # a written answer
    SCALE = "scale"  # 1-5, for those who would rather not write
    CHOICE = "choice"  # pick one card or mood


class ReflectionOption(_Frozen):
    id: Slug
    text: Text


class ReflectionField(_Frozen):
    """One question of a reflection template."""

    id: Slug
    kind: ReflectionFieldKind = ReflectionFieldKind.TEXT
    label: Text
    help: Text | None = None
    low: Text | None = None  # scale: what 1 means
    high: Text | None = None  # scale: what 5 means
    options: tuple[ReflectionOption, ...] = ()  # choice: the cards or moods
    # A text field that looks back: shows what the trainee wrote in this field of their previous entry
    # with the same template ("what will I try next?" -> "what came of it?").
    follows_up: Slug | None = None

    @model_validator(mode="after")
    def _fits_kind(self) -> ReflectionField:
        if self.kind is ReflectionFieldKind.SCALE and (self.low is None or self.high is None):
            raise PydanticCustomError("scale_ends", "a scale needs low: and high:", {"path": "low"})
        if self.kind is ReflectionFieldKind.CHOICE and len(self.options) < 2:
            raise PydanticCustomError("choice_options", "a choice needs at least two options", {"path": "options"})
        if self.kind is not ReflectionFieldKind.CHOICE and self.options:
            raise PydanticCustomError("options_only_choice", "only a choice has options", {"path": "options"})
        _unique(self.options, "options")
        return self


class ReflectionTemplate(_Frozen):
    """A way to reflect: the intervisie meeting reflection, ALACT, STARRT, Gibbs, or a non-writing mode."""

    id: Slug
    name: Name
    summary: Text
    source: Line  # where the structure comes from; the wording is the kit's own
    writing: bool = True  # False: the non-writing mode (scales, cards, a mood)
    fields: tuple[ReflectionField, ...] = Field(min_length=1, max_length=20)

    @model_validator(mode="after")
    def _check_fields(self) -> ReflectionTemplate:
        _unique(self.fields, "fields")
        ids = {f.id for f in self.fields}
        for i, f in enumerate(self.fields):
            if f.follows_up is not None and f.follows_up not in ids:
                raise PydanticCustomError(
                    "unknown_field",
                    "follows_up names '{id}', which is not a field of this template",
                    {"path": f"fields[{i}].follows_up", "id": f.follows_up},
                )
        return self


def _unique(items: tuple[Any, ...], field: str) -> None:
    seen: dict[str, int] = {}
    for i, item in enumerate(items):
        if item.id in seen:
            raise PydanticCustomError(
                "duplicate_id",
                "id '{id}' is used twice (also at {field}[{first}])",
                {"path": f"{field}[{i}].id", "id": item.id, "field": field, "first": seen[item.id]},
            )
        seen[item.id] = i


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)
