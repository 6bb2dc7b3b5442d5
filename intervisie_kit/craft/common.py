"""What the question check and the summary check share: a finding, refused input, words.

Messages are (Dutch, English) pairs; :func:`say` picks one and fills in the parameters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["CraftInputError", "Finding", "accept", "lang_of", "say", "words"]

MESSAGES: dict[str, tuple[str, str]] = {
    "empty": ("Typ eerst een tekst.", "Type a text first."),
    "too_long": (
        "Dit is te lang ({got} tekens, hooguit {limit}). Maak het korter; je tekst staat er nog.",
        "This is too long ({got} characters, at most {limit}). Make it shorter; your text is still there.",
    ),
}


def say(messages: dict[str, tuple[str, str]], key: str, lang: str, **params: object) -> str:
    return messages[key][1 if lang == "en" else 0].format(**params)


class CraftInputError(ValueError):
    """Input the checks cannot take (empty, too long), with a message in Dutch and English."""

    def __init__(self, code: str, **params: object):
        self.code = code
        self.params = params
        super().__init__(self.message("nl"))

    def message(self, lang: str = "nl") -> str:
        return say(MESSAGES, self.code, lang, **self.params)


@dataclass(frozen=True, slots=True)
class Finding:
    """One check: passed or not, why, and (when it failed) how to do better."""

    id: str
    passed: bool
    reason: str
    suggestion: str | None = None


_WORD = re.compile(r"[a-zà-ÿ0-9]+(?:['’-][a-zà-ÿ0-9]+)*")


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("’", "'"))


def lang_of(lang: str) -> str:
    """English or Dutch; anything else is Dutch."""
    return "en" if lang == "en" else "nl"


def accept(text: object, limit: int) -> str:
    """The text, stripped; refused when empty or longer than ``limit`` characters."""
    if not isinstance(text, str) or not text.strip():
        raise CraftInputError("empty")
    if len(text) > limit:
        raise CraftInputError("too_long", got=len(text), limit=limit)
    return text.strip()
