"""The way through the kit: every page ends with links to the previous and the next page and to the start.

The order is the order of :data:`intervisie_kit.pages.PAGES`, limited to the pages whose notebook exists,
so a link never leads to a page that is not there. The links keep the page's language.
"""

from __future__ import annotations

import html

import ipywidgets as widgets

from ..i18n import register, t
from ..pages import Page, neighbours, page_number, page_url
from .shell import START, PageState, section

__all__ = ["page_nav"]

register(
    {
        "nav.label": ("Pagina's van de kit", "Pages of the kit"),
        "nav.prev": ("Vorige", "Previous"),
        "nav.next": ("Volgende", "Next"),
        "nav.start": ("Naar de start", "Back to the start"),
    }
)


def page_nav(state: PageState, notebook: str) -> widgets.VBox:
    """Previous / start / next links for the page ``notebook``; rebuilt when the language changes."""
    return section(state, lambda lang: nav_links(notebook, lang))


def nav_links(notebook: str, lang: str) -> widgets.HTML:
    before, after = neighbours(notebook)
    parts = []
    if before is not None:
        parts.append(_link(before, lang, "prev", f"← {t('nav.prev', lang)}"))
    if notebook != START:
        home = html.escape(page_url(START, lang))
        parts.append(
            f'<a class="ik-nav-start" href="{home}" data-page="{START}">{html.escape(t("nav.start", lang))}</a>'
        )
    if after is not None:
        parts.append(_link(after, lang, "next", f"{t('nav.next', lang)} →"))
    out = widgets.HTML(f'<nav class="ik-nav" aria-label="{html.escape(t("nav.label", lang))}">{"".join(parts)}</nav>')
    out.add_class("ik-page-nav")
    return out


def _link(page: Page, lang: str, rel: str, word: str) -> str:
    title = f"{page_number(page.notebook)} {page.text('title', lang)}"
    return (
        f'<a class="ik-nav-{rel}" rel="{rel}" href="{html.escape(page_url(page.notebook, lang))}" '
        f'data-page="{html.escape(page.notebook)}"><span class="ik-nav-word">{html.escape(word)}</span> '
        f"<span class='ik-nav-title'>{html.escape(title)}</span></a>"
    )
