"""Small shared vocabularies that both the content model and the question coach speak.

Kept free of heavy imports: the coach is pure Python and must stay cheap to import.
"""

from __future__ import annotations

from enum import StrEnum

__all__ = ["ATTENTION_FLAGS", "FLAG_LABELS", "KIND_LABELS", "Criterion", "Dimension", "TurnKind"]


class TurnKind(StrEnum):
    """The kinds of turn the question coach distinguishes; worked examples and exercises use them too."""

    OPEN = "open"
    CLOSED = "closed"
    SUGGESTIVE = "suggestive"
    ADVICE = "advice"
    JUDGEMENT = "judgement"
    OTHER = "other"


class Dimension(StrEnum):
    """What an open question explores: the five directions of questioning in intervisie."""

    FACTS = "facts"
    FEELINGS = "feelings"
    THOUGHTS = "thoughts"
    MOTIVES = "motives"
    ALTERNATIVES = "alternatives"


class Criterion(StrEnum):
    """The four checks of a good intervisievraag (the question an inbrenger brings to the group)."""

    IK_VRAAG = "ik_vraag"  # the inbrenger is the subject: "Hoe kan ik ...?"
    ACTUEEL = "actueel"  # live now or coming up, not a finished story
    OPEN = "open"  # invites exploring, not yes/no or either/or
    EIGEN_AANDEEL = "eigen_aandeel"  # about the inbrenger's own part, not about changing someone else


#: The one table of words for a verdict, Dutch and English: every page, tally and report says these
#: (docs/coach-labelling.md, "Hoe de pagina's dit tellen").
KIND_LABELS: dict[TurnKind, tuple[str, str]] = {
    TurnKind.OPEN: ("Open vraag", "Open question"),
    TurnKind.CLOSED: ("Gesloten vraag", "Closed question"),
    TurnKind.SUGGESTIVE: ("Suggestieve vraag", "Suggestive question"),
    TurnKind.ADVICE: ("Advies", "Advice"),
    TurnKind.JUDGEMENT: ("Oordeel", "Judgement"),
    TurnKind.OTHER: ("Geen vraag", "Not a question"),
}

#: The coach's flags, as a chip next to the kind.
FLAG_LABELS: dict[str, tuple[str, str]] = {
    "why": ("waarom-vraag", "why-question"),
    "stacked": ("meerdere vragen tegelijk", "several questions at once"),
    "incomplete": ("nog geen volledige vraag", "not a complete question yet"),
}

#: An open question with one of these flags is "open, met aandachtspunt", never plainly open.
ATTENTION_FLAGS = frozenset({"why", "stacked"})
