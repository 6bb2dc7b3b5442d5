"""A 'save to my reflections' button for other pages (practice, exercises, sessions).

The journal (and SQLAlchemy) load only when the button is clicked, so a page that is only looked at
does not pay for them.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

import ipywidgets as widgets

from ..i18n import register, t

__all__ = ["save_to_journal_button"]

register(
    {
        "journal.saveto": ("Bewaar in mijn reflecties", "Save to my reflections"),
        "journal.saveto.done": (
            "Bewaard in je reflecties (privé). Je vindt het op de pagina Reflectie.",
            "Saved to your reflections (private). You will find it on the Reflection page.",
        ),
    }
)


def save_to_journal_button(lang: str, make: Callable[[], dict[str, Any]]) -> widgets.VBox:
    """``make()`` returns the keyword arguments for :meth:`Journal.add`, without the trainee."""
    button = widgets.Button(description=t("journal.saveto", lang), icon="book")
    button.add_class("ik-save-to-journal")
    status = widgets.HTML()
    status.add_class("ik-save-to-journal-status")

    def save(_: object) -> None:
        from ..journal import Journal, JournalError
        from ..workshop.identity import current_trainee

        try:
            with Journal() as journal:  # the identity is asked now, at the click: never while preheating
                journal.add(current_trainee(journal), **make())
        except JournalError as exc:
            status.value = f"<p class='ik-warn-text'>{html.escape(exc.text(lang))}</p>"
            return
        button.disabled = True
        status.value = f"<p class='ik-ok-text'>{html.escape(t('journal.saveto.done', lang))}</p>"

    button.on_click(save)
    return widgets.VBox([button, status])
