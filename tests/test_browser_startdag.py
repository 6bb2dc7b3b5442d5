"""Page 11 and page 06 in a real `intervisie-kit workshop`: the trainer's regie on the laptop, and a
participant's reflection page that shows only that participant's entries (the kernel's identity comes
from the server's binding, not from the browser).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from intervisie_kit.journal.store import Journal
from intervisie_kit.workshop.store import WorkshopStore

from ._workshop_client import Client, lan_address
from .conftest import KitServer, assert_clean_log, close_like_a_person, guard_page, start_server, wait_until

pytestmark = pytest.mark.browser
LAN = lan_address()


@pytest.fixture(scope="module")
def workshop(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[KitServer, str, Path]]:
    folder = tmp_path_factory.mktemp("startdag")
    journal = folder / "journal.sqlite"
    server = start_server(folder, "--journal", str(journal), command="workshop")
    wait_until(lambda: "Code:" in server.log(), 30, "the join code in the output")
    code = re.search(r"Code:\s+(\d{6})", server.log()).group(1)  # type: ignore[union-attr]
    yield server, code, journal
    server.stop()
    assert_clean_log(server)


def test_trainer_runs_the_regie_on_page_11(workshop: tuple, browser) -> None:  # type: ignore[no-untyped-def]
    server, code, journal = workshop
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    guard = guard_page(page)
    try:
        page.goto(server.page_url("11_startdag.ipynb"))
        page.locator(".ik-join-code").wait_for()
        assert page.locator(".ik-join-code").inner_text() == code
        wall = page.locator("a.ik-regie-wall")
        assert wall.get_attribute("href") == "/workshop/wall" and wall.get_attribute("target") == "_blank"
        with Journal(journal) as j:  # someone joins from a phone meanwhile
            store = WorkshopStore(j)
            store.join(code, "<img src=x onerror=alert(1)>Noor", "browser-secret-" + "n" * 30)
        page.locator(".ik-regie-name").wait_for()  # no click: the page's ticker notices the new participant
        assert page.locator(".ik-regie-name").inner_text() == "<img src=x onerror=alert(1)>Noor"
        page.get_by_role("button", name="Ronde 1: stel je vragen").click()
        page.locator(".ik-regie-round-now", has_text="Ronde 1").wait_for()
        with Journal(journal) as j:
            assert WorkshopStore(j).wall_view("nl")["round"]["rule"] == "all"
    finally:
        close_like_a_person(page)
        context.close()
    assert guard.page_errors == [] and guard.external == []


@pytest.mark.skipif(LAN is None, reason="this machine has no non-loopback IPv4 address to test from")
def test_a_participants_page_06_shows_only_their_own_reflections(workshop: tuple, browser) -> None:  # type: ignore[no-untyped-def]
    server, code, journal = workshop
    phone = Client(server, host=LAN)  # type: ignore[arg-type]
    assert phone.join(code, "Anna")[0] == 200
    other = Client(server, host=LAN)  # type: ignore[arg-type]
    assert other.join(code, "Bram")[0] == 200
    with Journal(journal) as j:
        store = WorkshopStore(j)
        people = {p.name: p for p in store.participants()}
        for name, title in (("Anna", "Alleen van Anna"), ("Bram", "Alleen van Bram")):
            j.add(people[name].trainee_id, template="bijeenkomst", answers={"wat-gebeurde": title}, title=title)
        j.add(j.local_trainee().id, template="bijeenkomst", answers={"wat-gebeurde": "Trainer"}, title="Van de trainer")
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.add_cookies(
        [{"name": k, "value": v, "url": f"http://{LAN}:{server.port}"} for k, v in phone.cookies.items()]
    )
    page = context.new_page()
    base = f"http://{LAN}:{server.port}/"
    external: list[str] = []
    errors: list[str] = []
    page.route(lambda url: not url.startswith(base), lambda route: (external.append(route.request.url), route.abort()))
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        page.goto(f"http://{LAN}:{server.port}/voila/render/06_reflectie.ipynb")
        page.locator(".ik-journal").wait_for()
        page.get_by_role("tab", name="Mijn reflecties").click()
        listing = page.locator(".ik-journal-list select")
        listing.wait_for()
        text = listing.inner_text().replace("\xa0", " ")
        assert "Alleen van Anna" in text
        assert "Alleen van Bram" not in text and "Van de trainer" not in text
    finally:
        # Not close_like_a_person: over the LAN address, page.close(run_before_unload=True) does not finish
        # here (reported to the server part); the server ends this kernel when it stops.
        context.close()
    assert errors == [] and external == []
