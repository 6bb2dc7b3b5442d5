"""The facilitator's craft, as checks: is this a good intervisievraag, and is this a good summary?

``check_intervisievraag(text, lang) -> QuestionCheck`` tests the question an inbrenger (the group member
who brings a case) wants to bring, on the four criteria of :class:`~intervisie_kit.terms.Criterion`:

- **ik-vraag**: the inbrenger is in the question ("ik", "mijn", "hoe kan ik");
- **actueel**: live now or coming up; a question that only looks back at a finished story fails;
- **open**: the question coach (:func:`intervisie_kit.coach.classify`) hears an open question;
- **eigen aandeel**: about what the inbrenger can do, not how to get someone else to change.

``check_summary(text, exercise, lang) -> SummaryCheck`` tests a trainee's summary of an LSD fragment:
does it pick up enough of the key elements (their word lists are in the content), does it stay in the
inbrenger's words without adding advice, a judgement or an interpretation, and is it short.

Both are rules, pure Python, no widgets; each check is a named function with its own test table. They
are heuristics a trainer can read and argue with, not a grammar: a question with no sign of the past
counts as current, for instance. Every reason and suggestion comes in the language asked for.
"""

from .common import CraftInputError, Finding
from .question import (
    CRITERIA,
    MAX_QUESTION_CHARS,
    QuestionCheck,
    actueel,
    check_intervisievraag,
    eigen_aandeel,
    ik_vraag,
    open_vraag,
)
from .summary import (
    ANCHOR_SHARE,
    MAX_SUMMARY_CHARS,
    SUMMARY_MAX_WORDS,
    SummaryCheck,
    check_summary,
    summary_elements,
    summary_length,
    summary_own_words,
)

__all__ = [
    "ANCHOR_SHARE",
    "CRITERIA",
    "MAX_QUESTION_CHARS",
    "MAX_SUMMARY_CHARS",
    "SUMMARY_MAX_WORDS",
    "CraftInputError",
    "Finding",
    "QuestionCheck",
    "SummaryCheck",
    "actueel",
    "check_intervisievraag",
    "check_summary",
    "eigen_aandeel",
    "ik_vraag",
    "open_vraag",
    "summary_elements",
    "summary_length",
    "summary_own_words",
]
