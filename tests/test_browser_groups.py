"""Real-browser test of page 09 (Groepen indelen): load a file, solve, move a person into a conflict.

What Python cannot see: the file goes through the browser's file picker, the cards render as cards, and
the warning appears on the page the moment the person is moved.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from .conftest import KitServer, open_page
from .test_browser_pages import assert_no_errors_shown

pytestmark = pytest.mark.browser

HOSTILE = "<img src=x onerror=\"document.body.dataset.pwned='1'\">"


def participant_file(folder: Path) -> Path:
    """Twelve people in two regions; Ada's manager is Baas; one name is markup."""
    rows = [["Naam", "Regio", "Organisatie", "Team", "Functie", "Leidinggevende", "Ervaring"]]
    rows.append(["Baas", "Noord", "Zorggroep", "Wijkzorg", "teamleider", "", "veel"])
    rows.append(["Ada", "Noord", "Zorggroep", "Wijkzorg", "verpleegkundige", "Baas", "geen"])
    rows.append([HOSTILE, "Noord", "Gemeente", "Jeugd", "consulent", "", "enige"])
    for i in range(9):
        region = "Noord" if i < 3 else "Oost"
        rows.append([f"Lid {i}", region, f"Organisatie {i % 3}", f"Team {i}", "adviseur", "", "enige"])
    path = folder / "deelnemers.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out, delimiter=";").writerows(rows)
    return path


def test_load_a_file_solve_and_see_the_warning_after_moving_into_a_conflict(
    kit_page: Page, kit_server: KitServer, tmp_path: Path
) -> None:
    open_page(kit_page, kit_server, "09_groepen_indelen.ipynb")
    with kit_page.expect_file_chooser() as chooser:  # the widget's file input is not in the page's tree
        kit_page.locator(".ik-groups-upload").click()
    chooser.value.set_files(str(participant_file(tmp_path)))
    expect(kit_page.locator(".ik-groups-import")).to_contain_text("12 deelnemers geladen.")
    kit_page.locator(".ik-groups-solve").click()
    cards = kit_page.locator(".ik-group-card")
    expect(cards).to_have_count(2)
    expect(kit_page.locator(".ik-groups-check")).to_contain_text("Alle harde regels kloppen.")
    expect(kit_page.locator(".ik-groups-cards")).to_contain_text(HOSTILE)  # shown as text, not run
    assert kit_page.evaluate("document.body.dataset.pwned") is None

    boss_card = cards.filter(has=kit_page.locator("li", has_text="Baas"))
    boss_group = boss_card.get_attribute("data-group")
    kit_page.locator(".ik-groups-person select").select_option("Ada")
    kit_page.locator(".ik-groups-target select").select_option(label=f"Groep {boss_group}")
    kit_page.locator(".ik-groups-move").click()

    check = kit_page.locator(".ik-groups-check")
    expect(check).to_contain_text("Deze indeling breekt een regel")
    expect(check).to_contain_text(f"Groep {boss_group}: Ada zit bij Baas, de eigen leidinggevende.")
    expect(kit_page.locator(f".ik-group-card[data-group='{boss_group}']")).to_have_attribute("data-conflicts", "1")
    with kit_page.expect_download() as download:
        kit_page.locator("a.ik-groups-csv").click()
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    assert text.startswith("groep;begeleider;naam;regio") and "Wijkzorg" not in text
    assert_no_errors_shown(kit_page)
