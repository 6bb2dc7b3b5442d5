"""The start page: what each page of the kit offers and for whom, with links to the pages that exist."""

from __future__ import annotations

import html

import ipywidgets as widgets

from ..i18n import t
from ..pages import Page, available_pages, page_url
from .shell import START, PageState, section

__all__ = ["page_list"]


def page_list(state: PageState) -> widgets.VBox:
    """Cards for the kit's other pages, and how much content is loaded."""
    return section(state, lambda lang: _page_list(state, lang))


def _page_list(state: PageState, lang: str) -> widgets.VBox:
    cards = "".join(_card(p, lang) for p in available_pages() if p.notebook != START)
    heading = widgets.HTML(f"<h2>{html.escape(t('start.pages', lang))}</h2>")
    grid = widgets.HTML(f'<div class="ik-cards">{cards}</div>')
    grid.add_class("ik-page-list")
    children: list[widgets.Widget] = [heading, grid]
    content = state.content
    if content is not None:
        counts = t(
            "start.content",
            lang,
            methods=len(content.methods),
            cases=len(content.cases),
            exercises=len(content.exercises),
        )
        children.append(widgets.HTML(f"<p>{html.escape(counts)}</p>"))
    return widgets.VBox(children)


def _card(page: Page, lang: str) -> str:
    audience = ", ".join(t(f"audience.{a}", lang) for a in page.audience)
    return (
        '<section class="ik-card">'
        f"<h3>{html.escape(page.text('title', lang))}</h3>"
        f"<p>{html.escape(page.text('summary', lang))}</p>"
        f'<p class="ik-for">{html.escape(t("start.for", lang))}: {html.escape(audience)}</p>'
        f'<a class="ik-open" href="{html.escape(page_url(page.notebook, lang))}" '
        f'data-page="{html.escape(page.notebook)}">{html.escape(t("start.open", lang))} →</a>'
        "</section>"
    )
