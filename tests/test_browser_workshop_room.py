"""A whole vragenmuur in a real ``intervisie-kit workshop`` with the real pages in Chromium: the trainer's
regie (page 11) and the wall on a 1920x1080 projector, three phones (390x844) on the laptop's network
address. They join, the trainer picks a case and an inbrenger, two phones ask in round 1, the inbrenger
rates on their own phone, the trainer starts round 2 ("nu alleen open vragen"), and the wall shows the
share of open questions per round side by side; a phone saves its own questions to its reflections.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from intervisie_kit.journal.store import Journal
from intervisie_kit.workshop import MIN_INTERVAL
from intervisie_kit.workshop.store import WorkshopStore

from ._workshop_client import lan_address
from .conftest import (
    KitServer,
    OfflineGuard,
    assert_clean_log,
    close_like_a_person,
    guard_page,
    start_server,
    wait_until,
)

pytestmark = pytest.mark.browser
# Phones reach the laptop on its network address; a machine without one uses loopback (the same server code,
# only the trainer check then sees the loopback address, which the phone routes do not use).
HOST = lan_address() or "127.0.0.1"
PROJECTOR = {"width": 1920, "height": 1080}
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def room(tmp_path: Path) -> Iterator[tuple[KitServer, str, Path]]:
    journal = tmp_path / "journal.sqlite"
    server = start_server(tmp_path, "--journal", str(journal), command="workshop")
    wait_until(lambda: "Code:" in server.log(), 30, "the join code in the output")
    code = re.search(r"Code:\s+(\d{6})", server.log()).group(1)  # type: ignore[union-attr]
    yield server, code, journal
    server.stop()
    assert_clean_log(server)


def join(browser: Browser, server: KitServer, code: str, name: str, guard: OfflineGuard) -> Page:
    phone = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    base = f"http://{HOST}:{server.port}/"

    def only_the_laptop(route) -> None:  # type: ignore[no-untyped-def]
        if route.request.url.startswith(base):
            route.continue_()
        else:  # a phone asks nothing of anyone but the trainer's laptop
            guard.external.append(route.request.url)
            route.abort()

    phone.route("**/*", only_the_laptop)
    phone.on("pageerror", lambda exc: guard.page_errors.append(str(exc)))
    phone.goto(f"http://{HOST}:{server.port}/join?code={code}")
    phone.get_by_test_id("join-name").fill(name)
    phone.get_by_test_id("join-button").click()
    expect(phone).to_have_url(re.compile(r"/workshop/phone"))
    return phone


_LAST_SENT: dict[int, float] = {}


def ask(phone: Page, text: str) -> None:
    # The room's flood limit: one question per MIN_INTERVAL seconds per phone. A person waits; so does the test.
    waited = time.monotonic() - _LAST_SENT.get(id(phone), -1e9)
    if waited < MIN_INTERVAL:
        phone.wait_for_timeout((MIN_INTERVAL - waited) * 1000 + 100)
    _LAST_SENT[id(phone)] = time.monotonic()
    before = phone.get_by_test_id("my-question").count()
    phone.get_by_test_id("question-box").fill(text)
    phone.get_by_test_id("send-button").click()
    try:
        expect(phone.get_by_test_id("my-question")).to_have_count(before + 1)
    except AssertionError:
        raise AssertionError(f"not sent: {phone.get_by_test_id('send-error').inner_text()!r}") from None


def card(wall: Page, text: str):  # type: ignore[no-untyped-def]
    return wall.get_by_test_id("card").filter(has=wall.get_by_test_id("card-text").get_by_text(text, exact=True))


def test_a_vragenmuur_with_a_trainer_and_three_phones(browser: Browser, room: tuple) -> None:
    server, code, journal = room
    laptop = browser.new_context(viewport=PROJECTOR)
    regie, wall = laptop.new_page(), laptop.new_page()
    guards = [guard_page(regie), guard_page(wall)]
    phones: list[Page] = []
    try:
        wall.goto(f"http://127.0.0.1:{server.port}/workshop/wall")
        expect(wall.get_by_test_id("join-code")).to_contain_text(code)
        expect(wall.locator("[data-testid=join-qr] svg")).to_be_visible()
        regie.goto(server.page_url("11_startdag.ipynb"))
        regie.locator(".ik-regie-code").wait_for()

        phone_guard = OfflineGuard()
        guards.append(phone_guard)
        anna, bram, cato = phones[:] = [
            join(browser, server, code, name, phone_guard) for name in ("Anna", "Bram", "Cato")
        ]
        expect(regie.locator(".ik-regie-person")).to_have_count(3)  # the regie notices them by itself

        # The trainer projects a case from the catalogue, makes Cato the inbrenger and opens round 1.
        regie.locator(".ik-regie-show-case button, button.ik-regie-show-case").first.click()
        expect(wall.get_by_test_id("case")).not_to_be_empty()
        regie.locator(".ik-regie-inbrenger select").select_option(label="Cato")
        regie.locator(".ik-regie-set-inbrenger button, button.ik-regie-set-inbrenger").first.click()
        regie.locator(".ik-regie-round1 button, button.ik-regie-round1").first.click()
        expect(anna.get_by_test_id("round")).to_contain_text("1")

        ask(anna, "Je moet gewoon met je leidinggevende gaan praten.")
        expect(anna.get_by_test_id("verdict")).to_contain_text("Advies")
        ask(bram, "Wat maakte het voor jou zo lastig?")
        expect(bram.get_by_test_id("verdict")).to_contain_text("Open")
        advice, open_one = (
            card(wall, "Je moet gewoon met je leidinggevende gaan praten."),
            card(wall, "Wat maakte het voor jou zo lastig?"),
        )
        expect(advice).to_have_attribute("data-kind", "advice")
        expect(open_one).to_have_attribute("data-kind", "open")
        assert "Anna" not in wall.get_by_test_id("cards").inner_text()  # names stay hidden until the trainer shows them

        # Cato rates on her own phone; the wall shows the ratings and counts them.
        expect(cato.get_by_test_id("rate-item")).to_have_count(2)
        cato.get_by_test_id("rate-item").filter(has_text="Wat maakte het voor jou zo lastig?").get_by_test_id(
            "rate-warm"
        ).click()
        cato.get_by_test_id("rate-item").filter(has_text="leidinggevende").get_by_test_id("rate-koud").click()
        expect(wall.get_by_test_id("tally-warm")).to_contain_text("1")
        expect(wall.get_by_test_id("tally-koud")).to_contain_text("1")
        expect(open_one.get_by_test_id("card-rating")).not_to_be_empty()
        assert anna.get_by_test_id("rate-item").count() == 0  # only the inbrenger rates

        # Round 2: only open questions now. The chart shows both rounds side by side.
        regie.locator(".ik-regie-round2 button, button.ik-regie-round2").first.click()
        expect(anna.get_by_test_id("round")).to_contain_text("2")
        expect(wall.get_by_test_id("round")).to_contain_text("2")
        ask(anna, "Wat zou je willen dat er anders was gegaan?")
        expect(card(wall, "Wat zou je willen dat er anders was gegaan?")).to_have_attribute("data-kind", "open")
        expect(wall.locator("[data-testid=chart] rect[data-round='1']")).to_have_attribute("data-share", "0.5")
        expect(wall.locator("[data-testid=chart] rect[data-round='2']")).to_have_attribute("data-share", "1")

        # One click hides a question from the room (and from the tallies: the room no longer sees it).
        hidden = wall.locator(f"[data-testid=card][data-question-id='{advice.get_attribute('data-question-id')}']")
        advice.get_by_test_id("hide-button").click()
        expect(hidden).to_have_attribute("data-hidden", "true")
        expect(hidden).not_to_contain_text("leidinggevende")  # the room no longer reads it

        expect(wall.locator("[data-testid=chart] rect[data-round='1']")).to_have_attribute("data-share", "1")
        # The trainer shows names; Anna keeps her questions in her own, private reflections.
        wall.get_by_test_id("names-toggle").click()
        expect(wall.get_by_test_id("card-name").filter(has_text="Anna").first).to_be_visible()
        anna.get_by_test_id("save-button").click()
        expect(anna.get_by_test_id("save-status")).not_to_be_empty()
        with Journal(journal) as j:
            store = WorkshopStore(j)
            anna_id = next(p for p in store.participants() if p.name == "Anna").trainee_id
            saved = j.entries(anna_id)
            assert [e.context_kind.value for e in saved] == ["startdag"] and not saved[0].shared
            assert "Wat zou je willen dat er anders was gegaan?" in str(saved[0].answers)
    finally:
        close_like_a_person(regie)
        for page in [wall, *phones]:
            page.context.close()
        laptop.close()
    for guard in guards:
        assert guard.page_errors == [] and guard.external == [], (guard.page_errors, guard.external)
