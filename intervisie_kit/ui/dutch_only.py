"""Content that exists only in Dutch, shown on an English page: marked, not passed off as English.

A content text (``Text``) may lack its English half; ``Text.get("en")`` then falls back to Dutch. Where
such a text is shown under English headings, it is wrapped in ``lang="nl"`` (so a screen reader reads it
with a Dutch voice) and the block carries a small "(alleen in het Nederlands / only in Dutch)" marker.
The English test (tests/test_english.py) skips ``lang="nl"`` parts and checks the rest is English.
"""

from __future__ import annotations

import html

from ..content.models import Text

__all__ = ["NOTE_CLASS", "dutch_html", "is_dutch_only", "nl_html", "only_dutch_note", "text_html"]

NOTE_CLASS = "ik-only-nl"


def is_dutch_only(text: Text | str | None, lang: str) -> bool:
    """Whether ``text`` is shown in Dutch although the page is English (no English half, or plain text)."""
    if lang != "en" or text is None:
        return False
    if isinstance(text, Text):
        return not text.en
    return bool(str(text).strip())


def text_html(text: Text, lang: str) -> str:
    """The text in ``lang``, escaped; a Dutch fallback on an English page is marked ``lang="nl"``."""
    shown = html.escape(text.get(lang))
    return f'<span lang="nl">{shown}</span>' if is_dutch_only(text, lang) else shown


def dutch_html(text: str, lang: str) -> str:
    """A text the content has only in Dutch (a source note, say), escaped; on an English page marked
    ``lang="nl"`` and followed by the marker."""
    shown = html.escape(text)
    if not is_dutch_only(text, lang):
        return shown
    return f'<span lang="nl">{shown}</span>{only_dutch_note(lang, text)}'


def nl_html(fragment: str, lang: str, dutch: bool, tag: str = "div") -> str:
    """Wrap an already escaped HTML ``fragment`` in ``lang="nl"`` when it is Dutch on an English page."""
    return f'<{tag} lang="nl">{fragment}</{tag}>' if dutch and lang == "en" else fragment


def only_dutch_note(lang: str, *texts: Text | str | None) -> str:
    """The marker, when any of ``texts`` is shown in Dutch on an English page; otherwise ``""``."""
    if not any(is_dutch_only(text, lang) for text in texts):
        return ""
    return f' <span class="{NOTE_CLASS}">(<span lang="nl">alleen in het Nederlands</span> / only in Dutch)</span>'
