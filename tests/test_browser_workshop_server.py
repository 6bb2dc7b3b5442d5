"""The real workshop server with the real pages in Chromium: a phone joins on the LAN address, asks a
question, and the trainer's wall on 127.0.0.1 shows it (the pages' own behaviour is tested against a
faked API in ``test_browser_workshop_front.py``; this checks they work with the server, its cookies,
its XSRF check and its Content-Security-Policy)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from intervisie_kit.journal.store import Journal
from intervisie_kit.workshop.store import WorkshopStore

from ._workshop_client import lan_address
from .conftest import KitServer, start_server, wait_until

LAN = lan_address()
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(LAN is None, reason="this machine has no non-loopback IPv4 address for the phone"),
]


@pytest.fixture
def workshop(tmp_path: Path) -> Iterator[tuple[KitServer, str, Path]]:
    journal = tmp_path / "journal.sqlite"
    server = start_server(tmp_path, "--journal", str(journal), command="workshop")
    wait_until(lambda: "key=" in server.log(), 30, "the join details")
    yield server, re.findall(r"Code:\s+(\d{6})", server.log())[-1], journal
    server.stop()


def test_a_phone_joins_and_its_question_reaches_the_wall(browser: Browser, workshop: tuple) -> None:
    server, code, journal = workshop
    with Journal(journal) as j:
        WorkshopStore(j).start_round("all")
    errors: list[str] = []
    wall_ctx = browser.new_context(viewport={"width": 1920, "height": 1080})
    phone_ctx = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        wall = wall_ctx.new_page()
        phone = phone_ctx.new_page()
        for page in (wall, phone):
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            page.on("console", lambda msg: errors.append(msg.text) if "Content Security Policy" in msg.text else None)
        wall.goto(f"http://127.0.0.1:{server.port}/workshop/wall")
        expect(wall.get_by_test_id("join-code")).to_contain_text(code)
        expect(wall.locator("[data-testid=join-qr] svg")).to_be_visible()

        phone.goto(f"http://{LAN}:{server.port}/join?code={code}")
        phone.get_by_test_id("join-name").fill("Anna")
        phone.get_by_test_id("join-button").click()
        expect(phone).to_have_url(re.compile(r"/workshop/phone"))
        cookies = {c["name"]: c for c in phone_ctx.cookies()}
        assert cookies["ik_participant"]["httpOnly"] and cookies["ik_participant"]["sameSite"] == "Strict"

        phone.get_by_test_id("question-box").fill("Wat maakte het voor jou zo lastig?")
        phone.get_by_test_id("send-button").click()
        expect(phone.get_by_test_id("my-question")).to_have_count(1)
        expect(wall.get_by_test_id("card-text")).to_have_text(["Wat maakte het voor jou zo lastig?"])

        phone.reload()  # the identity survives a reload
        expect(phone.get_by_test_id("my-question")).to_have_count(1)
        assert errors == []
    finally:
        wall_ctx.close()
        phone_ctx.close()
