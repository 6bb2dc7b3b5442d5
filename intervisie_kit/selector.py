"""The methode-selectiewijzer: which intervisie methods fit this group, this question and this situation.

Deterministic and explainable. Every method is either ruled out, with the reasons (too long for the time
available, too few people, more trust or experience needed than the group has, materials or preparation
missing), or scored: the reasons it fits add points, the reasons it ranks lower take points away, and
both are returned so a facilitator can see *why*. When the form matches one of a method's ``not_for_when``
conditions (a new group, low trust, a high emotional load, a vague question, online), the method's own
``not_for`` text is one of the reasons it ranks lower. Ties are broken by method id, so the same answers
always give the same list.

The ranked methods fall into three groups, in this order, so that the page agrees with its own reasons:

- **best**: at most one reason to rank lower, and fitting in the time;
- **shorten**: would be among the best, but takes up to a quarter longer than the time there is; it is
  offered with the phases shortened to fit (:func:`shortened_phases`), not ruled out;
- **caveats**: two or more reasons to rank lower. However high its score, such a method never sits
  above one without those reasons.

The three axes follow the selection factors in the literature (Praktijkboek Intervisie's
selectiewijzer factors; Blankestijn's boven-/onderstroom; the question-type fits named per method):
the group, the case question and the situation. The weights are the kit's own.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from .content.models import (
    Experience,
    Focus,
    Material,
    Method,
    NotForWhen,
    OnlineFit,
    Phase,
    QuestionType,
    Strength,
    Trust,
)
from .i18n import minutes_text, pick

__all__ = [
    "Group",
    "Question",
    "Ranked",
    "Reason",
    "Recommendation",
    "RuledOut",
    "Situation",
    "Tier",
    "recommend",
    "shortened_phases",
]

_LEVEL = {Experience.NEW: 0, Experience.SOME: 1, Experience.EXPERIENCED: 2}
_TRUST = {Trust.LOW: 0, Trust.MEDIUM: 1, Trust.HIGH: 2}

#: A method may be squeezed a little into less time (shorter rounds), not more: up to a quarter.
TIME_STRETCH = 1.25
#: A method with more reasons to rank lower than this is shown with its caveats, below the best.
BEST_MAX_LOWER = 1


class Tier(StrEnum):
    BEST = "best"  # fits, with at most one reason to rank lower
    SHORTEN = "shorten"  # would be among the best, with shorter rounds
    CAVEATS = "caveats"  # possible, with several reasons to rank lower


#: A short format (at most this many minutes) ranks a little lower when the slot is at least twice as long:
#: a facilitator with an hour would rather give the case a full method than a quarter-hour round.
SHORT_FORMAT_MINUTES = 30


@dataclass(frozen=True)
class Group:
    size: int
    experience: Experience = Experience.SOME
    trust: Trust = Trust.MEDIUM
    facilitator: Experience = Experience.SOME


@dataclass(frozen=True)
class Question:
    kind: QuestionType
    focus: Focus | None = None  # None: not known yet
    emotional: bool = False  # a high emotional load
    vague: bool = False  # the question is still vague
    concrete_incident: bool = False  # it is about a recent, concrete incident
    practise: bool = False  # "how do I say this?": the inbrenger wants to try out a conversation


@dataclass(frozen=True)
class Situation:
    minutes: int
    preparation: bool = False  # can the inbrenger or the facilitator prepare beforehand?
    online: bool = False
    materials: frozenset[Material] = field(default_factory=lambda: frozenset({Material.PAPER, Material.POST_ITS}))


@dataclass(frozen=True)
class Reason:
    """One reason, as a code with parameters; :meth:`text` renders it in Dutch or English."""

    code: str
    params: Mapping[str, str] = field(default_factory=dict)
    weight: int = 0

    def text(self, lang: str = "nl") -> str:
        params = {k: pick(tuple(v.split(_SEP)), lang) if _SEP in v else v for k, v in self.params.items()}
        return pick(REASONS[self.code], lang).format(**params)


@dataclass(frozen=True)
class Ranked:
    method: Method
    score: int
    fits: tuple[Reason, ...]
    lower: tuple[Reason, ...]
    tier: Tier = Tier.BEST


@dataclass(frozen=True)
class RuledOut:
    method: Method
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class Recommendation:
    ranked: tuple[Ranked, ...]
    ruled_out: tuple[RuledOut, ...]
    minutes: int | None = None  # the time there is, for the shortened timing of the SHORTEN group

    def ids(self) -> list[str]:
        return [r.method.id for r in self.ranked]

    def tier(self, tier: Tier) -> tuple[Ranked, ...]:
        return tuple(r for r in self.ranked if r.tier is tier)


REASONS: dict[str, tuple[str, str]] = {
    # ruled out
    "too_long": (
        "duurt {needed} minuten; er zijn er {available}",
        "takes {needed} minutes; there are {available}",
    ),
    "too_few": (
        "vraagt minstens {min} deelnemers; de groep heeft er {size}",
        "needs at least {min} participants; the group has {size}",
    ),
    "trust_missing": (
        "vraagt veel vertrouwen en veiligheid in de groep; dat is er nog niet genoeg",
        "needs a lot of trust and safety in the group; there is not enough yet",
    ),
    "experience_missing": (
        "is voor ervaren groepen; deze groep is nieuw met intervisie",
        "is for experienced groups; this group is new to intervisie",
    ),
    "not_online": ("werkt niet goed online", "does not work well online"),
    "preparation_missing": (
        "vraagt voorbereiding vooraf, en die is er niet",
        "needs preparation beforehand, and there is none",
    ),
    "materials_missing": ("vraagt {materials}, en dat is er niet", "needs {materials}, which is not at hand"),
    # fits
    "question_main": (
        "past bij uitstek bij een vraag {kind}",
        "is made for a question {kind}",
    ),
    "question_also": ("past ook bij een vraag {kind}", "also fits a question {kind}"),
    "focus_fit": ("richt zich op de {focus}, zoals deze vraag", "works on the {focus}, as this question does"),
    "vague_fit": (
        "helpt een vraag die nog vaag is scherp te krijgen",
        "helps to sharpen a question that is still vague",
    ),
    "emotion_fit": ("biedt ruimte voor sterke gevoelens", "makes room for strong feelings"),
    "incident_fit": ("is gemaakt voor een recent, concreet voorval", "is made for a recent, concrete incident"),
    "practise_fit": (
        "laat de inbrenger het gesprek uitproberen en oefenen",
        "lets the inbrenger try out and practise the conversation",
    ),
    "qualities_fit": ("bouwt voort op wat goed gaat", "builds on what goes well"),
    "assumptions_fit": (
        "onderzoekt aannames, oordelen en redeneringen",
        "examines assumptions, judgements and reasoning",
    ),
    "perspectives_fit": ("laat de situatie van veel kanten zien", "shows the situation from many sides"),
    "action_fit": ("eindigt in concrete volgende stappen", "ends in concrete next steps"),
    "level_fit": ("is gemaakt voor groepen op dit niveau", "is made for groups at this level"),
    # lower
    "question_other": (
        "is niet gemaakt voor een vraag {kind}",
        "is not made for a question {kind}",
    ),
    "focus_other": ("richt zich vooral op de {focus}", "works mainly on the {focus}"),
    "vague_other": (
        "gaat uit van een duidelijke vraag; deze is nog vaag",
        "assumes a clear question; this one is still vague",
    ),
    "time_tight": (
        "duurt {needed} minuten: met {available} minuten moeten de rondes korter",
        "takes {needed} minutes: with {available} minutes the rounds must be shorter",
    ),
    "time_short": (
        "is een korte vorm van {needed} minuten; met {available} minuten past een vollere bespreking",
        "is a short format of {needed} minutes; with {available} minutes a fuller discussion fits",
    ),
    "emotion_other": (
        "richt zich op gedrag en aanpak; bij veel emotie heeft de inbrenger eerst ruimte voor gevoel nodig",
        "works on behaviour and approach; with strong emotions the inbrenger first needs room for feelings",
    ),
    "too_many": (
        "is bedoeld voor hooguit {max} deelnemers; met {size} kun je in subgroepen werken",
        "is meant for at most {max} participants; with {size} you can work in subgroups",
    ),
    "trust_stretch": (
        "vraagt meer vertrouwen dan de groep nu heeft; bespreek eerst de veiligheid",
        "needs more trust than the group has now; talk about safety first",
    ),
    "experience_stretch": (
        "vraagt meer ervaring met intervisie dan de groep heeft",
        "needs more intervisie experience than the group has",
    ),
    "facilitator_stretch": (
        "vraagt een ervaren begeleider",
        "needs an experienced facilitator",
    ),
    "online_adapted": (
        "kan online, maar vraagt aanpassing (chat, gedeeld bord)",
        "works online with adaptations (chat, shared board)",
    ),
    "simple_for_group": (
        "is eenvoudig voor deze ervaren groep",
        "is simple for this experienced group",
    ),
    "not_for": ("{text}", "{text}"),  # the method's own not_for text, when one of its not_for_when holds
}

#: How much it costs a method when the form matches what the method is not for.
NOT_FOR_WEIGHT = 3

KIND_WORDS: dict[QuestionType, tuple[str, str]] = {
    QuestionType.OWN_BEHAVIOUR: ("over eigen gedrag", "about one's own behaviour"),
    QuestionType.OTHER_PERSON: ("over een ander of een relatie", "about another person or a relationship"),
    QuestionType.DILEMMA: ("over een dilemma of waarden", "about a dilemma or values"),
    QuestionType.KNOWLEDGE: ("over kennis of iets praktisch", "about knowledge or a practical matter"),
    QuestionType.SUCCESS: ("over een succes", "about a success"),
}
FOCUS_WORDS: dict[Focus, tuple[str, str]] = {
    Focus.BOVENSTROOM: ("bovenstroom (gedrag, aanpak, effect)", "bovenstroom (behaviour, approach, effect)"),
    Focus.ONDERSTROOM: (
        "onderstroom (gevoelens, overtuigingen, drijfveren)",
        "onderstroom (feelings, beliefs, drives)",
    ),
}
MATERIAL_WORDS: dict[Material, tuple[str, str]] = {
    Material.FLIPCHART: ("een flip-over", "a flip chart"),
    Material.POST_ITS: ("post-its", "sticky notes"),
    Material.PAPER: ("pen en papier", "pen and paper"),
    Material.PICTURE_CARDS: ("beeldkaarten", "picture cards"),
    Material.QUALITY_CARDS: ("kwaliteitenkaarten", "quality cards"),
    Material.ROOM_TO_MOVE: ("ruimte om te bewegen", "room to move around"),
}


# A parameter that exists in both languages is stored as "Dutch<SEP>English" and resolved by Reason.text.
_SEP = "\x00"


def _bilingual(pair: tuple[str, str]) -> str:
    return _SEP.join(pair)


def recommend(methods: Iterable[Method], group: Group, question: Question, situation: Situation) -> Recommendation:
    """Rank ``methods`` for this group, question and situation; rule out those that cannot work."""
    ranked: list[Ranked] = []
    ruled_out: list[RuledOut] = []
    for method in methods:
        blockers = _blockers(method, group, situation)
        if blockers:
            ruled_out.append(RuledOut(method, tuple(blockers)))
            continue
        fits, lower = _assess(method, group, question, situation)
        score = sum(r.weight for r in fits) - sum(r.weight for r in lower)
        ranked.append(Ranked(method, score, tuple(fits), tuple(lower), _tier(lower)))
    order = {Tier.BEST: 0, Tier.SHORTEN: 1, Tier.CAVEATS: 2}
    # Among the methods with caveats, fewer caveats first; within the other groups the score decides.
    ranked.sort(
        key=lambda r: (
            order[r.tier],
            len(r.lower) if r.tier is Tier.CAVEATS else 0,
            -r.score,
            r.method.total_minutes,
            r.method.id,
        )
    )
    ruled_out.sort(key=lambda r: r.method.id)
    return Recommendation(tuple(ranked), tuple(ruled_out), situation.minutes)


def _tier(lower: list[Reason]) -> Tier:
    others = [r for r in lower if r.code != "time_tight"]
    if len(others) > BEST_MAX_LOWER:
        return Tier.CAVEATS
    return Tier.SHORTEN if len(others) < len(lower) else Tier.BEST


def shortened_phases(method: Method, minutes: int) -> tuple[tuple[Phase, int], ...]:
    """The method's phases shortened in proportion to fit ``minutes``, in whole minutes (at least one each).

    The rounding is settled on the longest phases, so the minutes add up to exactly ``minutes``.
    """
    if minutes >= method.total_minutes:
        return tuple((p, round(p.minutes)) for p in method.phases)
    factor = minutes / method.total_minutes
    new = [max(1, int(p.minutes * factor)) for p in method.phases]
    order = sorted(range(len(new)), key=lambda i: -method.phases[i].minutes)
    i = 0
    while sum(new) != minutes and i < 10 * len(new):
        j = order[i % len(order)]
        step = 1 if sum(new) < minutes else -1
        if new[j] + step >= 1:
            new[j] += step
        i += 1
    return tuple(zip(method.phases, new, strict=True))


def _blockers(method: Method, group: Group, situation: Situation) -> list[Reason]:
    out = []
    if method.total_minutes > situation.minutes * TIME_STRETCH:
        out.append(
            Reason("too_long", {"needed": minutes_text(method.total_minutes), "available": str(situation.minutes)})
        )
    if group.size < method.group_size.min:
        out.append(Reason("too_few", {"min": str(method.group_size.min), "size": str(group.size)}))
    if _TRUST[method.trust] - _TRUST[group.trust] >= 2:
        out.append(Reason("trust_missing"))
    if _LEVEL[method.experience] - _LEVEL[group.experience] >= 2:
        out.append(Reason("experience_missing"))
    if situation.online and method.online is OnlineFit.UNSUITABLE:
        out.append(Reason("not_online"))
    if method.preparation and not situation.preparation:
        out.append(Reason("preparation_missing"))
    missing = [m for m in method.needs if m not in situation.materials]
    if missing:
        out.append(Reason("materials_missing", {"materials": _bilingual_list(missing)}))
    return out


def _assess(
    method: Method, group: Group, question: Question, situation: Situation
) -> tuple[list[Reason], list[Reason]]:
    fits: list[Reason] = []
    lower: list[Reason] = []
    kind = {"kind": _bilingual(KIND_WORDS[question.kind])}
    if method.question_types and method.question_types[0] is question.kind:
        fits.append(Reason("question_main", kind, 4))
    elif question.kind in method.question_types:
        fits.append(Reason("question_also", kind, 2))
    else:
        lower.append(Reason("question_other", kind, 3))

    if question.focus is not None:
        if question.focus in method.focus:
            fits.append(Reason("focus_fit", {"focus": _bilingual(FOCUS_WORDS[question.focus])}, 1))
        else:
            lower.append(Reason("focus_other", {"focus": _bilingual(FOCUS_WORDS[method.focus[0]])}, 1))

    strengths = set(method.strengths)
    if question.vague:
        if Strength.VAGUE_QUESTION in strengths:
            fits.append(Reason("vague_fit", weight=4))
        else:
            lower.append(Reason("vague_other", weight=1))
    if question.emotional:
        if Strength.HIGH_EMOTION in strengths:
            fits.append(Reason("emotion_fit", weight=2))
        elif Focus.ONDERSTROOM not in method.focus:
            # A method that only works on behaviour and approach skips past the feelings in the room.
            lower.append(Reason("emotion_other", weight=2))
    if question.concrete_incident and Strength.CONCRETE_INCIDENT in strengths:
        fits.append(Reason("incident_fit", weight=2))
    if question.practise and Strength.CONVERSATION_SKILL in strengths:
        fits.append(Reason("practise_fit", weight=5))
    if question.kind is QuestionType.SUCCESS and Strength.QUALITIES in strengths:
        fits.append(Reason("qualities_fit", weight=1))
    if Strength.ASSUMPTIONS in strengths and (
        question.kind is QuestionType.DILEMMA or question.focus is Focus.ONDERSTROOM
    ):
        fits.append(Reason("assumptions_fit", weight=1))
    if Strength.NEW_PERSPECTIVES in strengths and question.kind is QuestionType.OTHER_PERSON:
        fits.append(Reason("perspectives_fit", weight=1))
    if Strength.ACTION in strengths and question.focus is Focus.BOVENSTROOM:
        fits.append(Reason("action_fit", weight=1))

    if method.experience is group.experience:
        fits.append(Reason("level_fit", weight=1))
    elif _LEVEL[method.experience] > _LEVEL[group.experience]:
        lower.append(Reason("experience_stretch", weight=2))
    elif group.experience is Experience.EXPERIENCED and method.experience is Experience.NEW:
        lower.append(Reason("simple_for_group", weight=1))
    if _TRUST[method.trust] > _TRUST[group.trust]:
        lower.append(Reason("trust_stretch", weight=2))
    if _LEVEL[method.facilitator_experience] > _LEVEL[group.facilitator]:
        lower.append(
            Reason(
                "facilitator_stretch", weight=2 * (_LEVEL[method.facilitator_experience] - _LEVEL[group.facilitator])
            )
        )
    if method.total_minutes > situation.minutes:
        lower.append(
            Reason("time_tight", {"needed": minutes_text(method.total_minutes), "available": str(situation.minutes)}, 1)
        )
    if method.total_minutes <= SHORT_FORMAT_MINUTES and situation.minutes >= 2 * method.total_minutes:
        lower.append(
            Reason("time_short", {"needed": minutes_text(method.total_minutes), "available": str(situation.minutes)}, 1)
        )
    if group.size > method.group_size.max:
        lower.append(Reason("too_many", {"max": str(method.group_size.max), "size": str(group.size)}, 1))
    if situation.online and method.online is OnlineFit.ADAPTED:
        lower.append(Reason("online_adapted", weight=1))
    if any(_holds(c, group, question, situation) for c in method.not_for_when):
        text = _bilingual((method.not_for.nl, method.not_for.en or method.not_for.nl))
        lower.append(Reason("not_for", {"text": text}, NOT_FOR_WEIGHT))
    return fits, lower


def _holds(condition: NotForWhen, group: Group, question: Question, situation: Situation) -> bool:
    """Whether the form's answers match one of the conditions a method is not for."""
    return {
        NotForWhen.NEW_GROUP: group.experience is Experience.NEW,
        NotForWhen.LOW_TRUST: group.trust is Trust.LOW,
        NotForWhen.HIGH_EMOTION: question.emotional,
        NotForWhen.VAGUE_QUESTION: question.vague,
        NotForWhen.ONLINE: situation.online,
    }[condition]


def _bilingual_list(materials: list[Material]) -> str:
    nl = ", ".join(MATERIAL_WORDS[m][0] for m in materials)
    en = ", ".join(MATERIAL_WORDS[m][1] for m in materials)
    return _bilingual((nl, en))
