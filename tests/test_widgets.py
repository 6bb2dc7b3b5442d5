"""Headless widget tests: build the pages' widgets in-process, set values, assert on what they show."""

from __future__ import annotations

import ipywidgets as widgets

from intervisie_kit.content import Content, Problem
from intervisie_kit.pages import available_pages
from intervisie_kit.ui import content_overview, shell, start


def html_of(widget: widgets.Widget) -> str:
    """All HTML values inside a widget tree."""
    if isinstance(widget, widgets.HTML):
        return widget.value
    return "".join(html_of(child) for child in getattr(widget, "children", ()))


def find(widget: widgets.Widget, cls: type, css: str | None = None) -> list:
    found = []
    if isinstance(widget, cls) and (css is None or css in widget._dom_classes):
        found.append(widget)
    for child in getattr(widget, "children", ()):
        found.extend(find(child, cls, css))
    return found


def test_header_switches_language_and_sections_follow() -> None:
    state = shell.PageState.create(lang="nl")
    header = shell.header(state)
    pages = start.page_list(state)
    assert "Wat je in deze kit vindt" in html_of(pages)
    toggle = find(header, widgets.ToggleButtons, "ik-lang-toggle")[0]
    toggle.value = "en"
    assert state.lang == "en"
    assert "What you will find in this kit" in html_of(pages)
    assert "?lang=en" in html_of(pages)
    assert ".ik-lang-nl{display:none" in html_of(header)
    toggle.value = "nl"
    assert "Wat je in deze kit vindt" in html_of(pages)
    assert "ik-lang-nl{display:none" not in html_of(header)


def test_large_type_toggle_scales_the_page() -> None:
    state = shell.PageState.create(lang="nl", load_content=False)
    header = shell.header(state)
    large = find(header, widgets.ToggleButton, "ik-large-toggle")[0]
    assert large.description == "Groot"
    large.value = True
    assert "--ik-scale:1.35" in html_of(header)
    state.lang = "en"
    assert large.description == "Large"
    assert "--ik-scale:1.35" in html_of(header)


def test_start_page_links_only_to_pages_that_exist() -> None:
    state = shell.PageState.create(lang="nl")
    text = html_of(start.page_list(state))
    existing = {p.notebook for p in available_pages()}
    assert 'data-page="99_inhoud.ipynb"' in text
    for missing in ("04_vragen_oefenen.ipynb", "06_reflectie.ipynb"):
        if missing not in existing:
            assert missing not in text


def test_content_problems_are_shown_and_escaped() -> None:
    hostile = "<script>alert('x')</script>"
    problem = Problem("cases/x.yaml", "choice", "theme", 3, {"expected": "stress", "got": repr(hostile)})
    state = shell.PageState(lang="nl", content=Content(problems=(problem,)))
    text = html_of(shell.header(state))
    assert "cases/x.yaml:3: theme: verwacht een van: stress" in text
    assert "<script>" not in text
    assert "&lt;script&gt;" in text
    state.lang = "en"
    assert "expected one of: stress" in html_of(shell.header(state))


def test_no_problems_means_no_error_panel() -> None:
    state = shell.PageState(lang="nl", content=Content())
    assert "ik-error" not in html_of(shell.header(state))
    assert "Alle inhoud is in orde" in html_of(content_overview.overview(state))


def test_content_overview_lists_items_with_their_files() -> None:
    state = shell.PageState.create(lang="nl")
    text = html_of(content_overview.overview(state))
    for method_id in state.content.methods:
        assert f"<code>{method_id}</code>" in text
    assert "data/methods/" in text or not state.content.methods
