"""The frame every page shares: a state object, a header with the language switch, and sections.

A page notebook looks like::

    from intervisie_kit.ui import shell, start
    page = shell.PageState.create()
    shell.header(page)            # name, NL/EN switch, large type, content problems
    # ... Markdown narrative in both languages ...
    start.page_list(page)         # a section, rebuilt when the language changes
    shell.follow_address(page)    # last cell: apply ?lang=... also when Voila preheated the kernel

Markdown cells hold both languages in ``<div class="ik-lang-nl">`` / ``<div class="ik-lang-en">`` blocks;
the header switches between them with a style rule, since an HTML widget can carry ``<style>`` but
cannot run scripts.
"""

from __future__ import annotations

import html
import json
import os
from collections.abc import Callable, Iterable
from urllib.parse import parse_qs

import ipywidgets as widgets
import traitlets

from ..i18n import LANGS, initial_lang, query_params, t
from ..pages import PAGES, page_url

__all__ = [
    "PageState",
    "follow_address",
    "header",
    "lang_state",
    "notice",
    "problems_panel",
    "section",
    "submit_on_enter",
]

START = "00_start.ipynb"
LARGE_SCALE = 1.35


class PageState(traitlets.HasTraits):
    """What one open page knows: its language, large type, and the loaded content."""

    lang = traitlets.Unicode("nl")
    large = traitlets.Bool(False)
    content = traitlets.Any(None)
    params = traitlets.Dict()  # the page address's query parameters, e.g. {"lang": "en"}

    @classmethod
    def create(cls, *, lang: str | None = None, load_content: bool = True) -> PageState:
        content = None
        if load_content:
            from ..content import load

            content = load(strict=False)
        return cls(lang=lang or initial_lang(), content=content, params=query_params())


def follow_address(state: PageState) -> None:
    """Apply the page address (``?lang=en``) once the request is known.

    With cold kernels Voila passes the address before the notebook runs, and :meth:`PageState.create`
    has already read it. A preheated kernel runs the notebook before anyone asks for the page; here,
    in the last cell, it waits for the request (the cells above are already rendered) and applies it.
    """
    if os.environ.get("VOILA_PREHEAT") != "True":
        return
    from ..workshop.identity import wait_for_request

    wait_for_request()  # once per kernel: a page may already have waited for its identity
    params = {k: v[0] for k, v in parse_qs(os.environ.get("QUERY_STRING") or "").items() if v}
    state.params = params
    if params.get("lang") in LANGS:
        state.lang = params["lang"]


def header(state: PageState) -> widgets.VBox:
    """The page header: the kit's name (a link home), NL/EN, large type, and any content problems."""
    lang_toggle = widgets.ToggleButtons(
        options=[("NL", "nl"), ("EN", "en")], tooltips=["Nederlands", "English"], style={"button_width": "auto"}
    )
    lang_toggle.add_class("ik-lang-toggle")
    large = widgets.ToggleButton(icon="search-plus")
    large.add_class("ik-large-toggle")
    traitlets.link((state, "lang"), (lang_toggle, "value"))
    traitlets.link((state, "large"), (large, "value"))
    style = widgets.HTML()
    style.add_class("ik-style")
    brand = widgets.HTML()
    controls = widgets.HBox([lang_toggle, large])
    controls.add_class("ik-controls")
    bar = widgets.HBox([brand, controls])
    bar.add_class("ik-header")
    problems = widgets.VBox()
    failure = widgets.HTML()
    failure.add_class("ik-page-error")

    def show_failure() -> None:
        lang = state.lang
        failure.value = (
            f'<div class="ik-notice ik-error" role="alert"><h3>{html.escape(t("error.title", lang))}</h3>'
            f"<p>{html.escape(t('error.text', lang))}</p></div>"
        )

    from .errors import install

    install(show_failure)

    def render(_: object = None) -> None:
        lang = state.lang
        home = html.escape(page_url(START, lang))
        brand.value = (
            f'<span class="ik-brand"><a href="{home}" title="{html.escape(t("kit.home", lang))}">'
            f"{html.escape(t('kit.name', lang))}</a></span>{lang_state(lang)}"
        )
        large.description = t("header.large", lang)
        large.tooltip = t("header.large.tip", lang)
        style.value = _style_rules(lang, state.large)
        panel = problems_panel(state.content.problems, lang) if state.content is not None else None
        problems.children = (panel,) if panel is not None else ()

    state.observe(render, names=["lang", "large"])
    render()
    root = widgets.VBox([bar, problems, failure, style])
    root.add_class("ik-page")
    return root


def lang_state(lang: str) -> str:
    """A hidden marker of the page's language for the template script a11y.js.

    The script sets ``<html lang>`` from ``data-lang`` and the tab title from ``data-titles`` (every page's
    title in this language; the script knows which page it is from the address) and ``data-kit``.
    """
    titles = json.dumps({p.notebook: p.text("title", lang) for p in PAGES}, ensure_ascii=False)
    return (
        f'<span class="ik-lang-state" hidden data-lang="{html.escape(lang)}" '
        f'data-kit="{html.escape(t("kit.name", lang))}" data-titles="{html.escape(titles)}"></span>'
    )


def section(state: PageState, build: Callable[[str], widgets.Widget]) -> widgets.VBox:
    """A part of a page that ``build(lang)`` renders, rebuilt when the language changes."""
    box = widgets.VBox()
    box.add_class("ik-page")

    def render(_: object = None) -> None:
        box.children = (build(state.lang),)

    state.observe(render, names=["lang"])
    render()
    return box


def _style_rules(lang: str, large: bool) -> str:
    rules = []
    if lang == "en":
        rules.append(".ik-lang-nl{display:none !important}.ik-lang-en{display:block !important}")
    if large:
        rules.append(f":root{{--ik-scale:{LARGE_SCALE}}}")
    return f"<style>{''.join(rules)}</style>" if rules else ""


def notice(kind: str, title: str, items: Iterable[str] = (), text: str = "") -> widgets.HTML:
    """A coloured notice box. ``title``, ``text`` and ``items`` are plain text and are escaped here."""
    parts = [f"<h3>{html.escape(title)}</h3>"]
    if text:
        parts.append(f"<p>{html.escape(text)}</p>")
    rows = "".join(f"<li>{html.escape(item)}</li>" for item in items)
    if rows:
        parts.append(f"<ul>{rows}</ul>")
    role = "alert" if kind == "error" else "status"
    box = widgets.HTML(f'<div class="ik-notice ik-{kind}" role="{role}">{"".join(parts)}</div>')
    box.add_class(f"ik-notice-{kind}")
    return box


def problems_panel(problems: Iterable[object], lang: str) -> widgets.HTML | None:
    """The content problems, one line each, or ``None`` when there are none."""
    lines = [p.format(lang) for p in problems]  # type: ignore[attr-defined]
    if not lines:
        return None
    return notice("error", t("problems.title", lang), lines, t("problems.intro", lang))


def submit_on_enter(field: widgets.Text, submit: Callable[[str], object]) -> None:
    """Call ``submit(field.value)`` when Enter is pressed in ``field``, and only then.

    With ``continuous_update=False`` a Text widget sends its value when it loses focus (Tab, a click
    elsewhere) as well as on Enter, so observing the value would send a half-typed question. Here the
    value follows every keystroke and the browser's "submit" message, which only Enter sends and which
    arrives after the value it belongs to, does the asking.
    """
    field.continuous_update = True

    def handle(_: widgets.Widget, content: dict, buffers: object) -> None:  # type: ignore[type-arg]
        if content.get("event") == "submit":
            submit(field.value)

    field.on_msg(handle)
