"""Real-browser checks of the promise on one laptop: nothing served reaches beyond the machine, and a page
whose kernel cannot start says so instead of spinning forever."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from intervisie_kit.pages import available_pages

from .conftest import KitServer, close_like_a_person, guard_page, open_page, start_server

pytestmark = pytest.mark.browser

PAGES = [p.notebook for p in available_pages()]


def test_nothing_served_asks_for_anything_beyond_this_machine(page: Page, kit_server: KitServer) -> None:
    guard = guard_page(page)
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    # The addresses that used to list the notebooks now lead to nothing or to the start page.
    for path in ("voila/api/contents", "voila/static/does-not-exist", "", "voila/tree", "voila/tree/"):
        page.goto(kit_server.url + path)
        assert page.url.startswith(kit_server.url)
        if page.url.endswith("00_start.ipynb"):
            page.locator(".ik-page").last.wait_for()
    for notebook in PAGES:
        open_page(page, kit_server, notebook)
    close_like_a_person(page)
    assert len(requested) > 100  # the count covers real traffic: pages, scripts, styles, websockets
    assert guard.external == [], f"{len(guard.external)} request(s) left the machine: {guard.external}"
    assert guard.page_errors == []


@pytest.fixture(scope="module")
def broken_kernels(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KitServer]:
    """A kit whose page kernels die at once: the python3 kernelspec points at a program that exits."""
    tmp = tmp_path_factory.mktemp("broken")
    spec = tmp / "jupyter" / "kernels" / "python3"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(
        json.dumps({"argv": ["/bin/false", "{connection_file}"], "display_name": "broken", "language": "python"})
    )
    server = start_server(tmp, env={"JUPYTER_PATH": str(Path(tmp) / "jupyter")})
    yield server
    server.stop()


@pytest.mark.parametrize(
    ("query", "title", "retry"),
    [("", "kon niet starten", "Opnieuw proberen"), ("?lang=en", "could not start", "Try again")],
)
def test_a_page_whose_kernel_cannot_start_says_so_and_offers_a_retry(
    page: Page, broken_kernels: KitServer, query: str, title: str, retry: str
) -> None:
    page.set_default_timeout(90_000)
    page.goto(broken_kernels.page_url("00_start.ipynb", query), wait_until="commit")
    notice = page.locator(".ik-startup[data-kind='fail']")
    expect(notice).to_be_visible(timeout=90_000)
    expect(notice).to_have_attribute("role", "alert")
    expect(notice).to_contain_text(title)
    button = notice.get_by_role("button", name=retry)
    expect(button).to_be_focused()
    with page.expect_navigation(wait_until="commit"):
        button.click()
    assert page.url.endswith(f"00_start.ipynb{query}")
