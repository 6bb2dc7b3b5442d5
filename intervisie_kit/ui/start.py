"""The start page: suggested orders through the kit, and what each page offers and for whom, with links to
the pages that exist."""

from __future__ import annotations

import html

import ipywidgets as widgets

from ..i18n import register, t
from ..pages import ROUTES, Page, Route, available_pages, page_number, page_url
from .shell import START, PageState, section

__all__ = ["page_list", "routes"]

register(
    {
        "start.routes": ("Waar begin je?", "Where to start?"),
        "start.routes.hint": (
            "Een voorgestelde volgorde; elke pagina heeft onderaan een link naar de vorige en de volgende.",
            "A suggested order; every page has links to the previous and the next page at the bottom.",
        ),
    }
)


def routes(state: PageState) -> widgets.VBox:
    """The suggested orders through the kit (self-study, preparing a startdag), at the top of the start page."""
    return section(state, _routes)


def _routes(lang: str) -> widgets.HTML:
    exists = {p.notebook: p for p in available_pages()}
    rows = "".join(_route(r, exists, lang) for r in ROUTES)
    box = widgets.HTML(
        f'<nav class="ik-routes" aria-label="{html.escape(t("start.routes", lang))}">'
        f"<h2>{html.escape(t('start.routes', lang))}</h2><ul>{rows}</ul>"
        f"<p class='ik-muted'>{html.escape(t('start.routes.hint', lang))}</p></nav>"
    )
    box.add_class("ik-start-routes")
    return box


def _route(route: Route, exists: dict[str, Page], lang: str) -> str:
    steps = " → ".join(
        f'<a href="{html.escape(page_url(nb, lang))}" data-page="{html.escape(nb)}" '
        f'title="{html.escape(exists[nb].text("title", lang))}">'
        f"{html.escape(page_number(nb))} {html.escape(exists[nb].text('title', lang))}</a>"
        for nb in route.steps
        if nb in exists
    )
    return f"<li class='ik-route'><strong>{html.escape(route.text(lang))}:</strong> {steps}</li>"


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
