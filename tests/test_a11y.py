"""Headless accessibility checks: every control has a name, the header tells the page language, charts
have a text alternative, and the page script and styles that do the browser side are in the template.

The browser side (axe-core, keyboard, live regions) is tested in ``test_browser_a11y.py``.
"""

from __future__ import annotations

import ast
import html
import json
import re
from collections.abc import Iterator
from pathlib import Path

import ipywidgets as widgets
import pytest

from intervisie_kit.pages import PAGES
from intervisie_kit.paths import notebooks_dir, share_dir
from intervisie_kit.ui import journal, practice, shell

TEMPLATE = share_dir() / "jupyter" / "voila" / "templates" / "intervisie"

# Controls a screen reader must be able to name. A text field may be named by its placeholder (axe accepts
# it); every other control needs a description (a visible label) or at least a tooltip.
NAMED = (
    widgets.Select,
    widgets.SelectMultiple,
    widgets.Dropdown,
    widgets.IntSlider,
    widgets.FloatSlider,
    widgets.IntRangeSlider,
    widgets.SelectionSlider,
    widgets.Button,
    widgets.ToggleButton,
    widgets.Checkbox,
)
TEXT_FIELDS = (widgets.Text, widgets.Textarea)


def walk(widget: object) -> Iterator[widgets.Widget]:
    if isinstance(widget, widgets.Widget):
        yield widget
    for child in getattr(widget, "children", ()) or ():
        yield from walk(child)


def unnamed(root: widgets.Widget) -> list[str]:
    bad = []
    for w in walk(root):
        if isinstance(w, NAMED):
            name = w.description or w.tooltip or ""
        elif isinstance(w, TEXT_FIELDS):
            name = w.description or w.placeholder or w.tooltip or ""
        else:
            continue
        if not name.strip():
            bad.append(f"{type(w).__name__} {sorted(w._dom_classes)}")
    return bad


def page_widgets(notebook: str) -> tuple[shell.PageState, list[widgets.Widget]]:
    """Run a page notebook's code cells (they are thin: imports and builder calls) and keep the widgets."""
    cells = json.loads((notebooks_dir() / notebook).read_text(encoding="utf-8"))["cells"]
    namespace: dict[str, object] = {}
    built: list[widgets.Widget] = []
    for cell in cells:
        if cell["cell_type"] != "code":
            continue
        tree = ast.parse("".join(cell["source"]))
        for node in tree.body:
            if isinstance(node, ast.Expr):
                value = eval(compile(ast.Expression(node.value), notebook, "eval"), namespace)
                if isinstance(value, widgets.Widget):
                    built.append(value)
            else:
                exec(compile(ast.Module([node], []), notebook, "exec"), namespace)
    return namespace["page"], built  # type: ignore[return-value]


@pytest.mark.parametrize("notebook", [p.notebook for p in PAGES])
def test_every_control_on_every_page_has_a_name(notebook: str) -> None:
    state, built = page_widgets(notebook)
    for lang in ("nl", "en"):
        state.lang = lang
        problems = [line for root in built for line in unnamed(root)]
        assert problems == [], f"{notebook} ({lang}): controls without a name: {problems}"


def lang_state(root: widgets.Widget) -> dict[str, str]:
    markup = "".join(w.value for w in walk(root) if isinstance(w, widgets.HTML))
    found = re.search(r'<span class="ik-lang-state"([^>]*)>', markup)
    assert found, "the header carries no language marker"
    return {k: html.unescape(v) for k, v in re.findall(r'data-([a-z]+)="([^"]*)"', found.group(1))}


def test_the_header_tells_the_page_script_the_language_and_the_page_titles() -> None:
    state = shell.PageState(lang="nl", content=None)
    header = shell.header(state)
    marker = lang_state(header)
    assert marker["lang"] == "nl" and marker["kit"] == "Intervisie-kit"
    assert json.loads(marker["titles"])["03_methoden.ipynb"] == "Methoden"
    state.lang = "en"
    marker = lang_state(header)
    assert marker["lang"] == "en"
    assert json.loads(marker["titles"])["03_methoden.ipynb"] == "Methods"
    assert set(json.loads(marker["titles"])) == {p.notebook for p in PAGES}


def test_the_method_picker_is_a_labelled_list() -> None:
    state, built = page_widgets("03_methoden.ipynb")
    (listing,) = [w for root in built for w in walk(root) if "ik-method-list" in w._dom_classes]
    assert isinstance(listing, widgets.Select) and listing.description == "Kies een methode"
    state.lang = "en"
    (listing,) = [w for root in built for w in walk(root) if "ik-method-list" in w._dom_classes]
    assert listing.description == "Choose a method"


def test_the_progress_chart_has_a_text_alternative(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INTERVISIE_KIT_JOURNAL", str(tmp_path / "journal.sqlite"))
    state = shell.PageState.create(lang="nl")
    view = practice.PracticeView(state.content, "nl")
    view.limit.value = min(view.limit.options)
    while not view.round.done:
        view.submit("Wat ging er door je heen?")
    next(w for w in view.save_box.children[0].children if hasattr(w, "on_click")).click()
    page = journal.reflection(shell.PageState.create(lang="nl")).children[0]
    page.tabs.selected_index = 2
    markup = "".join(w.value for w in walk(page.progress) if isinstance(w, widgets.HTML))
    (alt,) = re.findall(r"<img [^>]*alt='([^']*)'", markup)
    assert "Oefenrondes: 1" in html.unescape(alt) and "tabel hieronder" in alt


def test_journal_messages_are_announced() -> None:
    source = Path(journal.__file__).read_text(encoding="utf-8")
    for message in ("journal.saved", "journal.empty", "journal.deleted"):
        (line,) = [x for x in source.splitlines() if f"t('{message}'" in x and "status.value" in x]
        assert "role='status'" in line or "role='alert'" in line, line


def test_the_template_carries_the_page_script_and_styles() -> None:
    index = (TEMPLATE / "index.html.j2").read_text(encoding="utf-8")
    assert "{% include 'intervisie/a11y.js' %}" in index and "{% include 'intervisie/a11y.css' %}" in index
    css = (TEMPLATE / "a11y.css").read_text(encoding="utf-8")
    widths = [int(w) for w in re.findall(r"outline:\s*(\d+)px solid", css)]
    assert widths and min(widths) >= 2  # WCAG 2.2: a focus indicator of at least 2 px
    script = (TEMPLATE / "a11y.js").read_text(encoding="utf-8")
    for needed in ("documentElement", "document.title", "loading_text", "aria-live", "ik-skip", 'role", "main"'):
        assert needed in script, needed
