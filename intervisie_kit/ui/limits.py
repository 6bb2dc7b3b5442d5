"""One message for a text over its limit, the same on every page: what the limit is, and that the text
is kept. The limits themselves live with the model that owns them (``coach.MAX_QUESTION_CHARS``,
``journal.store.MAX_TEXT``, ``session.MAX_QUESTIONS``, ``trajectory.MAX_NAME_CHARS``)."""

from __future__ import annotations

import html

from ..i18n import register, t

__all__ = ["too_long"]

register(
    {
        "limit.too_long": (
            "Dit is te lang: {n} tekens, hooguit {limit}. Je tekst staat er nog; maak hem korter en probeer "
            "het opnieuw.",
            "This is too long: {n} characters, at most {limit}. Your text is still there; shorten it and try again.",
        ),
    }
)


def too_long(text: str, limit: int, lang: str) -> str | None:
    """The warning (HTML, announced) for ``text`` over ``limit`` characters, or ``None`` when it fits."""
    if len(text) <= limit:
        return None
    message = t("limit.too_long", lang, n=f"{len(text):,}".replace(",", "." if lang == "nl" else ","), limit=limit)
    return f"<p class='ik-warn-text ik-too-long' role='alert'>{html.escape(message)}</p>"
