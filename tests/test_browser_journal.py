"""Real-browser test of page 06 Reflectie: write an entry, share it, export it."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from .conftest import KitServer, open_page
from .test_browser_pages import assert_no_errors_shown

pytestmark = pytest.mark.browser

HOSTILE = "<script>document.title='gehackt'</script>"


def test_write_share_and_export_a_reflection(kit_page: Page, kit_server: KitServer, tmp_path: Path) -> None:
    open_page(kit_page, kit_server, "06_reflectie.ipynb")
    expect(kit_page.locator(".ik-journal-private")).to_contain_text("Je reflecties zijn privé")
    kit_page.locator(".ik-journal-label input").fill("Bijeenkomst 7")
    what = kit_page.locator(".ik-field-wat-gebeurde textarea")
    what.fill(f"We oefenden de roddelmethode. {HOSTILE}")
    kit_page.locator(".ik-field-volgende-keer textarea").fill("Eerst samenvatten, dan vragen.")
    share = kit_page.locator(".ik-journal-share input")
    expect(share).not_to_be_checked()  # private unless the trainee chooses
    share.check()
    kit_page.locator(".ik-journal-save").click()
    expect(kit_page.locator(".ik-journal-status")).to_contain_text("Bewaard.")

    kit_page.get_by_role("tab", name="Mijn reflecties").click()
    detail = kit_page.locator(".ik-journal-detail .ik-entry")
    expect(detail).to_have_attribute("data-share", "supervisor")
    expect(detail).to_contain_text(HOSTILE)  # shown as text, not run
    assert kit_page.title() != "gehackt"

    kit_page.get_by_role("tab", name="Delen en exporteren").click()
    expect(kit_page.locator(".ik-journal-share-view")).to_contain_text("In dit verslag: 1 gedeelde reflectie")
    kit_page.locator(".ik-journal-make").click()
    expect(kit_page.locator(".ik-privacy")).to_contain_text("niets gevonden")
    with kit_page.expect_download() as info:
        kit_page.locator(".ik-download", has_text="Markdown").click()
    download = info.value
    assert download.suggested_filename == "reflectieverslag-bijeenkomst-7.md"
    target = tmp_path / download.suggested_filename
    download.save_as(target)
    text = target.read_text(encoding="utf-8")
    assert "We oefenden de roddelmethode." in text and "Eerst samenvatten, dan vragen." in text
    assert "<script>" not in text
    assert_no_errors_shown(kit_page)
