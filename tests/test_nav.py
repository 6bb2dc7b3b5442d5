"""A way through the kit: every page links to the previous and the next page and to the start; the start
page suggests an order for self-study and for preparing a startdag."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from intervisie_kit.pages import PAGES, ROUTES, available_pages, neighbours
from intervisie_kit.paths import notebooks_dir
from intervisie_kit.ui import nav, shell, start

NOTEBOOKS = sorted(notebooks_dir().glob("*.ipynb"))


def last_cell_calls(path: Path) -> list[ast.Call]:
    cells = [c for c in json.loads(path.read_text(encoding="utf-8"))["cells"] if c["cell_type"] == "code"]
    tree = ast.parse("".join(cells[-1]["source"]))
    return [n for n in ast.walk(tree) if isinstance(n, ast.Call)]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_page_ends_with_the_way_through_for_itself(path: Path) -> None:
    calls = [c for c in last_cell_calls(path) if isinstance(c.func, ast.Attribute) and c.func.attr == "page_nav"]
    assert len(calls) == 1, f"{path.name}: the last cell shows nav.page_nav(page, {path.name!r})"
    assert ast.literal_eval(calls[0].args[1]) == path.name


def test_previous_start_and_next_in_the_order_of_the_pages() -> None:
    pages = [p.notebook for p in available_pages()]
    assert pages[0] == "00_start.ipynb" and len(pages) == len(PAGES)
    for i, notebook in enumerate(pages):
        before, after = neighbours(notebook)
        html = nav.nav_links(notebook, "nl").value
        if i > 0:
            assert before is not None and before.notebook == pages[i - 1]
            assert f'rel="prev" href="{pages[i - 1]}"' in html and "Vorige" in html
        else:
            assert before is None and 'rel="prev"' not in html
        if i + 1 < len(pages):
            assert after is not None and after.notebook == pages[i + 1]
            assert f'rel="next" href="{pages[i + 1]}"' in html and "Volgende" in html
        else:
            assert after is None and 'rel="next"' not in html
        assert ('class="ik-nav-start" href="00_start.ipynb"' in html) == (i > 0)


def test_the_links_keep_the_language_and_follow_the_switch() -> None:
    state = shell.PageState(lang="nl", content=None)
    box = nav.page_nav(state, "04_vragen_oefenen.ipynb")
    assert "03 Methoden" in box.children[0].value and "05 Sessie begeleiden" in box.children[0].value
    state.lang = "en"
    html = box.children[0].value
    assert 'href="03_methoden.ipynb?lang=en"' in html and 'href="00_start.ipynb?lang=en"' in html
    assert "Previous" in html and "Next" in html and "05 Run a session" in html


def test_a_missing_page_is_skipped(monkeypatch: pytest.MonkeyPatch) -> None:
    without_05 = tuple(p for p in PAGES if p.notebook != "05_sessie_begeleiden.ipynb")
    monkeypatch.setattr("intervisie_kit.pages.available_pages", lambda: without_05)
    assert neighbours("04_vragen_oefenen.ipynb")[1].notebook == "06_reflectie.ipynb"


def test_the_start_page_suggests_orders_for_self_study_and_a_startdag() -> None:
    names = {p.notebook for p in PAGES}
    assert {r.text("nl") for r in ROUTES} == {"Zelfstudie", "Een startdag voorbereiden"}
    for route in ROUTES:
        assert set(route.steps) <= names and len(route.steps) >= 4
    html = start.routes(shell.PageState(lang="nl", content=None)).children[0].value
    assert "Zelfstudie:" in html and "Een startdag voorbereiden:" in html
    assert html.index("01 Wat is intervisie?") < html.index("03 Methoden") < html.index("04 Vragen oefenen")
    assert 'href="04_vragen_oefenen.ipynb"' in html
    # The suggested orders come before the narrative and the page cards, right under the header.
    cells = json.loads((notebooks_dir() / "00_start.ipynb").read_text(encoding="utf-8"))["cells"]
    assert cells[0]["cell_type"] == "code" and "".join(cells[1]["source"]) == "start.routes(page)"
