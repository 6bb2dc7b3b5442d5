"""One look for a verdict of the vraagcoach, on every page that shows one.

The 01 quiz, 03 "bedenk eerst zelf een vraag", 04 practice, 05 live coach, 07 exercises (and the workshop
wall later) all show a :class:`~intervisie_kit.coach.Verdict` through :func:`verdict_view` (a widget) or
:func:`verdict_html` (the same markup, for pages that build one HTML log): the kind's word and colour,
chips for the flags ("waarom-vraag", "meerdere vragen tegelijk", "nog geen volledige vraag"), the
direction an open question explores, the feedback and the reformulation. Words come from one table
(``terms.KIND_LABELS``, ``terms.FLAG_LABELS`` via ``i18n``); every text is escaped. The same text gets the
same label and chips on every page (``tests/test_verdict.py``).
"""

from __future__ import annotations

import html

import ipywidgets as widgets

from ..coach import Verdict
from ..coach.tally import Tally
from ..i18n import t
from ..terms import FLAG_LABELS, TurnKind

__all__ = ["KIND_COLOURS", "tally_html", "verdict_html", "verdict_view"]

#: One colour per kind (the border and the kind's word), readable on white (WCAG AA for text).
KIND_COLOURS: dict[TurnKind, str] = {
    TurnKind.OPEN: "#1f7a3a",
    TurnKind.CLOSED: "#2d5b9a",
    TurnKind.SUGGESTIVE: "#a34f00",
    TurnKind.ADVICE: "#8a4a00",
    TurnKind.JUDGEMENT: "#a4262c",
    TurnKind.OTHER: "#5f6b76",
}


def verdict_html(verdict: Verdict, lang: str, *, compact: bool = False, live: bool = True) -> str:
    """The verdict as markup. ``compact``: kind and flag chips only (a line in a log); ``live``: announce it to
    screen readers (``role=status``, polite) - only for the newest verdict on a page."""
    e = html.escape
    kind = verdict.kind
    colour = KIND_COLOURS[kind]
    flags = [flag for flag in FLAG_LABELS if flag in verdict.flags]
    chips = "".join(f"<span class='ik-flag' data-flag='{flag}'>{e(t(f'flag.{flag}', lang))}</span>" for flag in flags)
    head = (
        f"<strong class='ik-verdict-kind' style='color:{colour}'>{e(t(f'kind.{kind.value}', lang))}</strong>"
        f"{' ' + chips if chips else ''}"
    )
    body = ""
    if not compact:
        if verdict.dimension is not None:
            explores = t("coach.explores", lang, dimension=t(f"dimension.{verdict.dimension.value}", lang))
            head += f" <span class='ik-verdict-dimension'>· {e(explores)}</span>"
        body = f"<p class='ik-verdict-feedback'>{e(verdict.feedback)}</p>"
        if verdict.suggestion:
            body += f"<p class='ik-suggestion'>{e(t('coach.try', lang))} <em>{e(verdict.suggestion)}</em></p>"
    aria = " role='status' aria-live='polite'" if live else ""
    tag = "span" if compact else "div"
    return (
        f"<{tag} class='ik-verdict ik-kind-{kind.value}{' ik-verdict-compact' if compact else ''}'{aria} "
        f"data-kind='{kind.value}' data-flags='{' '.join(flags)}' style='border-left-color:{colour}'>"
        f"{head}{body}</{tag}>"
    )


def verdict_view(verdict: Verdict | None, lang: str) -> widgets.HTML:
    """A widget showing one verdict (empty for None), announced politely to screen readers."""
    view = widgets.HTML(verdict_html(verdict, lang) if verdict is not None else "")
    view.add_class("ik-verdict-view")
    return view


def tally_html(counts: Tally, lang: str) -> str:
    """A :class:`~intervisie_kit.coach.tally.Tally` in the kit's words: plainly open with its share, open with a
    point of attention, then the other kinds that occurred."""
    e = html.escape
    parts = [
        f"<span data-count='open'>{e(t('tally.open', lang, open=counts.open, turns=counts.turns))} "
        f"({counts.open_share:.0%})</span>",
        f"<span data-count='open_flagged'>{e(t('tally.open_flagged', lang, n=counts.open_flagged))}</span>",
    ]
    for kind in (TurnKind.CLOSED, TurnKind.SUGGESTIVE, TurnKind.ADVICE, TurnKind.JUDGEMENT, TurnKind.OTHER):
        n = counts.counts[kind.value]
        parts.append(f"<span data-count='{kind.value}'>{e(t(f'kind.{kind.value}', lang))} {n}</span>")
    if counts.incomplete:
        parts.append(f"<span data-count='incomplete'>{e(t('flag.incomplete', lang))} {counts.incomplete}</span>")
    return " · ".join(parts)
