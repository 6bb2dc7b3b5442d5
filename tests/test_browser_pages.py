"""Real-browser tests: the pages served by `intervisie-kit serve`, driven in the system Chromium."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from intervisie_kit.pages import available_pages

from .conftest import (
    KitServer,
    assert_clean_log,
    close_like_a_person,
    guard_page,
    open_page,
    start_server,
    wait_until,
)

pytestmark = pytest.mark.browser

PAGES = [p.notebook for p in available_pages()]


def assert_no_errors_shown(page: Page) -> None:
    text = page.locator("body").inner_text()
    assert "error when executing" not in text.lower()
    assert "Traceback" not in text
    assert page.locator('[data-mime-type="application/vnd.jupyter.stderr"]').count() == 0
    assert page.locator(".jp-CodeCell .jp-InputArea:visible").count() == 0, "code is visible on the page"
    assert "intervisie_kit" not in text, "code is visible on the page"


def test_start_page_renders_in_dutch(kit_page: Page, kit_server: KitServer) -> None:
    open_page(kit_page, kit_server, "00_start.ipynb")
    expect(kit_page.get_by_role("heading", name="Intervisie leren begeleiden")).to_be_visible()
    expect(kit_page.get_by_role("heading", name="Wat je in deze kit vindt")).to_be_visible()
    expect(kit_page.get_by_role("heading", name="Learning to facilitate intervisie")).to_be_hidden()
    assert_no_errors_shown(kit_page)


def test_language_switch_shows_english(kit_page: Page, kit_server: KitServer) -> None:
    open_page(kit_page, kit_server, "00_start.ipynb")
    kit_page.locator(".ik-lang-toggle").get_by_role("button", name="EN").click()
    expect(kit_page.get_by_role("heading", name="Learning to facilitate intervisie")).to_be_visible()
    expect(kit_page.get_by_role("heading", name="What you will find in this kit")).to_be_visible()
    expect(kit_page.get_by_role("heading", name="Intervisie leren begeleiden")).to_be_hidden()
    expect(kit_page.locator(".ik-card a.ik-open").first).to_have_attribute("href", re.compile(r"\?lang=en$"))


def test_lang_in_address_starts_in_english(kit_page: Page, kit_server: KitServer) -> None:
    open_page(kit_page, kit_server, "00_start.ipynb", "?lang=en")
    expect(kit_page.get_by_role("heading", name="What you will find in this kit")).to_be_visible()


def test_link_on_start_page_opens_the_page(kit_page: Page, kit_server: KitServer) -> None:
    open_page(kit_page, kit_server, "00_start.ipynb")
    kit_page.locator('.ik-card a[data-page="99_inhoud.ipynb"]').click()
    kit_page.wait_for_url(re.compile(r"/voila/render/99_inhoud\.ipynb$"))
    expect(kit_page.locator(".ik-content-methods")).to_be_visible()
    expect(kit_page.get_by_role("heading", name="Inhoud en eigen materiaal")).to_be_visible()
    assert_no_errors_shown(kit_page)


@pytest.mark.parametrize("notebook", PAGES)
def test_every_page_fits_a_phone(kit_page: Page, kit_server: KitServer, notebook: str) -> None:
    kit_page.set_viewport_size({"width": 360, "height": 740})
    open_page(kit_page, kit_server, notebook)
    assert_no_errors_shown(kit_page)
    scroll_width = kit_page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= 360, f"{notebook} scrolls sideways on a 360 px phone ({scroll_width} px wide)"


def test_large_type_for_the_projector(kit_page: Page, kit_server: KitServer) -> None:
    kit_page.set_viewport_size({"width": 1920, "height": 1080})
    open_page(kit_page, kit_server, "00_start.ipynb")
    kit_page.locator(".ik-large-toggle").click()
    paragraph = kit_page.locator(".jp-RenderedHTMLCommon p").first

    def font_px(locator) -> float:  # type: ignore[no-untyped-def]
        return float(locator.evaluate("el => parseFloat(getComputedStyle(el).fontSize)"))

    wait_until(lambda: font_px(paragraph) >= 24, 10, "large type on the page text")
    assert font_px(kit_page.get_by_role("heading", name="Intervisie leren begeleiden")) >= 48
    assert font_px(kit_page.locator(".ik-card p").first) >= 24


def test_closed_tabs_free_their_kernels(browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Voila issue 1458: the shutdown beacon must be accepted, so closing a tab ends its kernel."""
    server = start_server(tmp_path)  # its own server, so the count starts at zero
    context = browser.new_context()
    try:
        pages = []
        for notebook in ["00_start.ipynb", "99_inhoud.ipynb", "00_start.ipynb"]:
            page = context.new_page()
            guard = guard_page(page)
            open_page(page, server, notebook)
            pages.append((page, guard))
        wait_until(lambda: len(server.kernels()) == 3, 20, "three kernels, one per open page")
        for page, guard in pages:
            close_like_a_person(page)
            assert guard.external == [] and guard.page_errors == []
        wait_until(lambda: len(server.kernels()) == 0, 20, "the kernels of the closed pages to end")
    finally:
        context.close()
        server.stop()
    assert "Kernel shutdown" in server.log()
    assert_clean_log(server)  # includes: no "403 POST /voila/api/shutdown"


def test_idle_kernels_are_culled_when_a_tab_vanishes(browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The backstop: a tab that disappears without a beacon (a crashed browser) still frees its kernel."""
    server = start_server(tmp_path, "--cull-idle", "3")
    try:
        context = browser.new_context()
        page = context.new_page()
        guard_page(page)
        open_page(page, server, "00_start.ipynb")
        assert len(server.kernels()) == 1
        context.close()  # no beforeunload: the beacon is never sent
        wait_until(lambda: len(server.kernels()) == 0, 45, "the idle kernel to be culled")
        assert "Culling 'idle' kernel" in server.log()
    finally:
        server.stop()


HOSTILE = '<img src=x onerror="document.body.dataset.pwned=1">'


@pytest.fixture(scope="module")
def broken_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KitServer]:
    folder = tmp_path_factory.mktemp("broken-content")
    cases = folder / "cases"
    cases.mkdir()
    (cases / "kapot.yaml").write_text("id: kapot\ntitle: [unclosed\n", encoding="utf-8")
    (cases / "vijandig.yaml").write_text(
        f"id: vijandig\ntitle: ok\ntheme: {HOSTILE!r}\nsector: zorg\n", encoding="utf-8"
    )
    (cases / "geldig-maar-vijandig.yaml").write_text(
        "id: geldig-maar-vijandig\n"
        f"title: {HOSTILE!r}\n"
        "theme: stress\nsector: zorg\n"
        "inbrenger: {name: Noor, role: wijkverpleegkundige}\n"
        "story: Een verhaal.\nquestion: Hoe kan ik rust vinden?\n",
        encoding="utf-8",
    )
    server = start_server(tmp_path_factory.mktemp("broken-serve"), "--content", str(folder))
    yield server
    server.stop()
    assert_clean_log(server)


def test_broken_content_is_reported_on_the_page(kit_page: Page, broken_server: KitServer) -> None:
    open_page(kit_page, broken_server, "00_start.ipynb")
    notice = kit_page.locator(".ik-notice-error")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("kapot.yaml:3")
    expect(notice).to_contain_text("ongeldige YAML")
    expect(notice).to_contain_text("vijandig.yaml")
    expect(notice).to_contain_text("theme")
    # The rest of the kit still works.
    expect(kit_page.locator(".ik-page-list")).to_be_visible()
    assert_no_errors_shown(kit_page)


def test_hostile_text_in_content_is_shown_as_text(kit_page: Page, broken_server: KitServer) -> None:
    open_page(kit_page, broken_server, "99_inhoud.ipynb")
    notice = kit_page.locator(".ik-notice-error")
    expect(notice).to_contain_text("onerror")
    assert notice.locator("img").count() == 0
    cases = kit_page.locator(".ik-content-cases")
    expect(cases).to_contain_text(HOSTILE)  # a valid case whose title is markup: listed, as text
    assert cases.locator("img").count() == 0
    assert kit_page.evaluate("document.body.dataset.pwned") is None


def test_preheated_kernels_still_follow_the_address(browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """With --preheat the notebook runs before the request; ?lang=en must still be honoured."""
    server = start_server(tmp_path, "--preheat", "1")
    context = browser.new_context()
    try:
        filled = "Kernel pool of 00_start.ipynb is filled"
        wait_until(lambda: filled in server.log(), 60, "the preheated kernel pool")
        page = context.new_page()
        guard = guard_page(page)
        open_page(page, server, "00_start.ipynb", "?lang=en")
        expect(page.get_by_role("heading", name="What you will find in this kit")).to_be_visible()
        assert_no_errors_shown(page)
        assert "Using pre-heated kernel" in server.log()
        close_like_a_person(page)
        assert guard.external == [] and guard.page_errors == []
    finally:
        context.close()
        server.stop()
    assert_clean_log(server)
