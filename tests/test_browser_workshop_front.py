"""The workshop's kernel-less pages (join, phone, wall) in a real Chromium, against a faked API.

The static files are served as they ship (``intervisie_kit/share/workshop``) by a tiny local HTTP server at
the routes the kit uses (``/join``, ``/workshop/phone``, ``/workshop/wall``, ``/workshop/static/<file>``);
every ``/workshop/api/...`` call is answered by :class:`FakeWorkshop` through Playwright's ``page.route``,
in the JSON shapes of docs/workshop.md. Long polls are held (the route is parked) until the fake's state
changes, as the real server does, so nothing here sleeps.
"""

from __future__ import annotations

import http.server
import json
import re
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import segno
from playwright.sync_api import Page, Route, expect

from intervisie_kit.coach import classify
from intervisie_kit.paths import share_dir
from intervisie_kit.terms import KIND_LABELS, TurnKind
from intervisie_kit.ui.verdict import verdict_html

from .conftest import guard_page
from .hostile import HOSTILE, LONG_PASTE
from .test_browser_a11y import axe_check

pytestmark = pytest.mark.browser

WORKSHOP_DIR = share_dir() / "workshop"
PAGES = {"/join": "join.html", "/workshop/phone": "phone.html", "/workshop/wall": "wall.html"}
XSRF = "2|abc123|def456|1700000000"
MAX_QUESTION = 400
MIN_TARGET_PX = 44


class _StaticHandler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        path = urlsplit(self.path).path
        name = PAGES.get(path) or path.removeprefix("/workshop/static/")
        file = WORKSHOP_DIR / name
        if (path not in PAGES and not path.startswith("/workshop/static/")) or "/" in name or not file.is_file():
            self.send_error(404)
            return
        body = file.read_bytes()
        kind = {".html": "text/html", ".js": "text/javascript", ".css": "text/css"}[file.suffix]
        self.send_response(200)
        self.send_header("Content-Type", f"{kind}; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _StaticHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def question(qid: int, text: str, *, round_: int = 1, rating: str | None = None, name: str = "Anna") -> dict:
    verdict = classify(text[:MAX_QUESTION])
    return {
        "id": qid,
        "round": round_,
        "text": text[:MAX_QUESTION],  # the server keeps at most MAX_QUESTION characters on the wall
        "kind": verdict.kind.value,
        "kind_label": verdict.kind.value,
        "flags": sorted(verdict.flags),
        "verdict_html": verdict_html(verdict, "nl"),
        "rating": rating,
        "name": name,
        "hidden": False,
        "pinned": False,
    }


def kind_label(q: dict, lang: str) -> str:
    return KIND_LABELS[TurnKind(q["kind"])][1 if lang == "en" else 0]


class FakeWorkshop:
    """The workshop API of docs/workshop.md, in memory, answering one page through ``page.route``."""

    def __init__(self, page: Page, site: str) -> None:
        self.page = page
        self.version = 1
        self.questions = [
            question(1, "Is het werk te veel?", rating="koud"),
            question(2, "Wat maakt dat je nu twijfelt?", round_=2, rating="warm"),
        ]
        self.case = {"title": "Werkdruk", "text": "Sanne werkt al weken over.\nZe zegt er niets van."}
        self.round = {"id": 2, "number": 2, "rule": "open"}
        self.me = {"name": "Anna", "role": None}
        self.inbrenger = False
        self.to_rate: list[dict] = []
        self.session: dict | None = None
        self.show_names = False
        self.title = "Startdag Utrecht"
        self.inbrenger_name = "Sanne"
        self.join = {"url": "http://192.168.1.20:8866/join?code=123456", "code": "123456", "open": True}
        self.requests: list[dict] = []
        self.script: dict[str, list] = {}  # path -> actions for the next requests: "abort" or (status, body, headers)
        self.keys: dict[str, dict] = {}  # idempotency key -> the stored question
        self.parked: list[tuple[Route, str, str]] = []
        self.poll_fails = False
        self.questions_fail = False
        self.accepted: list[dict] = []  # every POST /questions answered with 200
        page.route(f"{site}/workshop/api/**", self._handle)

    # -- views ------------------------------------------------------------------------------------------

    def phone_view(self, lang: str = "nl") -> dict:
        mine = [
            {**{k: v for k, v in q.items() if k not in ("name", "hidden", "pinned")}, "kind_label": kind_label(q, lang)}
            for q in self.questions
        ]
        return {
            "workshop": {
                "title": "Startdag",
                "joining_open": self.join["open"],
                "case": self.case,
                "round": self.round,
                "inbrenger": self.inbrenger,
                "session": self.session,
            },
            "me": self.me,
            "questions": mine,
            "to_rate": self.to_rate if self.inbrenger else [],
            "limits": {
                "max_question": MAX_QUESTION,
                "left_in_round": 12
                - sum(1 for q in self.questions if self.round and q["round"] == self.round["number"]),
            },
            "version": self.version,
            "server_time": time.time(),
        }

    def wall_view(self, lang: str = "nl") -> dict:
        qr = segno.make(self.join["url"], error="m").svg_inline(scale=6, title="QR", dark="#000", light="#fff")
        rounds = []
        for number, rule in ((1, "all"), (2, "open")):
            asked = [q for q in self.questions if q["round"] == number]
            plain_open = sum(1 for q in asked if q["kind"] == "open" and not q["flags"])
            share = plain_open / len(asked) if asked else 0.0
            rounds.append(
                {
                    "number": number,
                    "rule": rule,
                    "turns": len(asked),
                    "open": plain_open,
                    "open_share": share,
                    "counts": {},
                }
            )
        ratings = {r: sum(1 for q in self.questions if q["rating"] == r) for r in ("koud", "neutraal", "warm")}
        shown = [
            {**q, "name": q["name"] if self.show_names else None, "kind_label": kind_label(q, lang)}
            for q in self.questions
        ]
        return {
            "title": self.title,
            "inbrenger": self.inbrenger_name if self.show_names else None,
            "join": {**self.join, "qr_svg": qr},
            "case": self.case,
            "show_names": self.show_names,
            "participants": 3,
            "round": self.round,
            "rounds": rounds,
            "questions": shown,
            "ratings": ratings,
            "session": self.session,
            "version": self.version,
            "server_time": time.time(),
        }

    # -- state changes ----------------------------------------------------------------------------------

    def bump(self) -> None:
        """A write: the version goes up and every waiting long poll gets its answer."""
        self.version += 1
        parked, self.parked = self.parked, []
        for route, path, lang in parked:
            self._answer_poll(route, path, lang)

    def calls(self, method: str, path: str) -> list[dict]:
        return [r for r in self.requests if r["method"] == method and r["path"] == path]

    # -- the routes -------------------------------------------------------------------------------------

    def _answer_poll(self, route: Route, path: str, lang: str) -> None:
        view = self.phone_view(lang) if path.endswith("/me") else self.wall_view(lang)
        route.fulfill(status=200, content_type="application/json", body=json.dumps(view))

    def _handle(self, route: Route) -> None:
        request = route.request
        url = urlsplit(request.url)
        query = {k: v[0] for k, v in parse_qs(url.query).items()}
        body = json.loads(request.post_data) if request.post_data else None
        self.requests.append(
            {"method": request.method, "path": url.path, "query": query, "body": body, "headers": request.headers}
        )
        actions = self.script.get(url.path)
        if actions:
            action = actions.pop(0)
            if action == "abort":
                route.abort("internetdisconnected")
            else:
                status, payload, headers = action
                route.fulfill(status=status, content_type="application/json", body=json.dumps(payload), headers=headers)
            return
        if url.path in ("/workshop/api/me", "/workshop/api/wall"):
            if self.poll_fails:
                route.abort("internetdisconnected")
            elif self.version > int(query.get("since", "0")):
                self._answer_poll(route, url.path, query.get("lang", "nl"))
            else:
                self.parked.append((route, url.path, query.get("lang", "")))
            return
        if url.path == "/workshop/api/questions" and self.questions_fail:
            route.abort("internetdisconnected")
            return
        if url.path == "/workshop/api/questions":
            stored = self.keys.get(body["key"])
            repeat = stored is not None
            if stored is None:
                stored = question(len(self.questions) + 1, body["text"], round_=self.round["number"])
                self.keys[body["key"]] = stored
                self.questions.append(stored)
            route.fulfill(
                status=200, content_type="application/json", body=json.dumps({"question": stored, "repeat": repeat})
            )
            self.accepted.append(body)
            if not repeat:
                self.bump()
            return
        reply: dict = {"ok": True}
        by_id = {q["id"]: q for q in self.questions}
        if url.path == "/workshop/api/moderate":
            for field in ("hidden", "pinned"):
                if field in body:
                    by_id[body["question"]][field] = body[field]
        elif url.path == "/workshop/api/names":
            self.show_names = body["show"]
        elif url.path == "/workshop/api/ratings":
            for q in [*self.to_rate, *self.questions]:
                if q["id"] == body["question"]:
                    q["rating"] = body["rating"]
        if url.path == "/workshop/api/join":
            reply = {"name": body["name"]}
        elif url.path == "/workshop/api/save":
            reply = {"entry": 7}
        route.fulfill(status=200, content_type="application/json", body=json.dumps(reply))
        if url.path in ("/workshop/api/moderate", "/workshop/api/names", "/workshop/api/ratings"):
            self.bump()


@pytest.fixture
def fake(page: Page, site: str) -> Iterator[FakeWorkshop]:
    """A page with the faked API, the kit's XSRF cookie, and a guard: no request beyond this machine, no
    script error, no dialog."""
    page.context.add_cookies([{"name": "_xsrf", "value": XSRF, "url": site}])
    guard = guard_page(page)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    yield FakeWorkshop(page, site)
    assert guard.external == [], f"the page tried to reach beyond this machine: {guard.external}"
    assert guard.page_errors == [], f"errors in the page: {guard.page_errors}"
    assert dialogs == [], f"a dialog opened: {dialogs}"


def open_phone(page: Page, site: str, query: str = "") -> None:
    page.goto(f"{site}/workshop/phone{query}")
    expect(page.get_by_test_id("round")).not_to_be_empty()


def open_wall(page: Page, site: str, query: str = "") -> None:
    page.goto(f"{site}/workshop/wall{query}")
    expect(page.get_by_test_id("join-code")).not_to_be_empty()


def pending(page: Page) -> dict | None:
    raw = page.evaluate("() => localStorage.getItem('ik-workshop-pending')")
    return json.loads(raw) if raw else None


INJECTED = "main img, main script, main iframe, [onerror], [onload], [onclick], a[href^='javascript' i]"


def assert_nothing_injected(page: Page, url: str) -> None:
    assert page.locator(INJECTED).count() == 0
    assert page.evaluate("() => document.body.dataset.pwned") is None
    assert "ik-pwned" not in page.title()
    assert page.url == url


def test_hostile_text_is_shown_as_text_on_phone_and_wall(fake: FakeWorkshop, page: Page, site: str) -> None:
    fake.questions = [question(i + 1, text, rating="warm", name=text[:40]) for i, text in enumerate(HOSTILE)]
    fake.case = {"title": HOSTILE[0], "text": "\n".join(HOSTILE[:-1])}
    fake.me = {"name": HOSTILE[1][:40], "role": HOSTILE[2]}
    fake.inbrenger = True
    fake.to_rate = [{"id": q["id"], "round": 1, "text": q["text"], "rating": None} for q in fake.questions]
    fake.session = {
        "method": "incident",
        "phase": {"index": 1, "count": 6, "name": HOSTILE[3], "allowed": HOSTILE[4], "questions": True},
        "ends_at": time.time() + 300,
        "remaining": 300,
        "running": True,
        "roles": [{"name": HOSTILE[7][:40], "role": "vraagsteller"}],  # the wall's shape (names shown)
        "interventions": list(HOSTILE),
    }
    fake.show_names = True
    fake.title = HOSTILE[5]
    fake.inbrenger_name = HOSTILE[6][:40]
    open_phone(page, site)
    expect(page.get_by_test_id("my-question")).to_have_count(len(HOSTILE))
    expect(page.get_by_test_id("rate-item")).to_have_count(len(HOSTILE))
    mine = page.locator("[data-testid=my-question] p.ikw-user-text").all_text_contents()
    assert mine == [text[:MAX_QUESTION] for text in reversed(HOSTILE)]
    notes = page.locator("[data-testid=interventions] li").all_text_contents()
    assert notes == list(HOSTILE)
    expect(page.locator("#ikw-case-title")).to_have_text(HOSTILE[0])
    assert HOSTILE[1][:40] in (page.get_by_test_id("me").text_content() or "")
    assert_nothing_injected(page, f"{site}/workshop/phone")

    open_wall(page, site)
    expect(page.get_by_test_id("card")).to_have_count(len(HOSTILE))
    texts = page.locator("[data-testid=card-text]").all_text_contents()
    assert sorted(texts) == sorted(text[:MAX_QUESTION] for text in HOSTILE)
    names = page.locator("[data-testid=card-name]").all_text_contents()
    assert sorted(names) == sorted(f"— {text[:40]}" for text in HOSTILE)
    assert page.locator("[data-testid=interventions] li").all_text_contents() == list(HOSTILE)
    expect(page.locator("#ikw-title")).to_have_text(HOSTILE[5])
    expect(page.get_by_test_id("inbrenger")).to_have_text(f"Inbrenger: {HOSTILE[6][:40]}")
    expect(page.get_by_test_id("session-roles")).to_have_text(f"Rollen: {HOSTILE[7][:40]} (vraagsteller)")
    assert page.locator("#ikw-qr svg").count() == 1  # the server's QR code is the one markup inserted
    assert_nothing_injected(page, f"{site}/workshop/wall")


def test_pending_question_survives_lost_network_and_reload_and_is_stored_once(
    fake: FakeWorkshop, page: Page, site: str
) -> None:
    open_phone(page, site)
    text = "Wat maakt dat je het niet zegt?"
    fake.questions_fail = True
    page.get_by_test_id("question-box").fill(text)
    page.get_by_test_id("send-button").click()
    expect(page.get_by_test_id("send-status")).to_contain_text("Nog niet verstuurd")
    first = pending(page)
    assert first is not None and first["text"] == text and len(first["key"]) >= 32
    expect(page.get_by_test_id("send-button")).to_be_disabled()

    # The phone sleeps and loses the server: the page reloads while nothing gets through.
    fake.poll_fails = True
    page.reload()
    expect(page.get_by_test_id("offline")).to_have_text("Verbinding kwijt, we proberen het opnieuw…")
    expect(page.get_by_test_id("question-box")).to_have_value(text)
    expect(page.get_by_test_id("send-status")).to_contain_text("Nog niet verstuurd")
    assert pending(page) == first
    tries = len(fake.calls("POST", "/workshop/api/questions"))
    assert tries >= 2

    # The network is back (the phone tells the page): the poll reconnects, the banner goes, and the
    # question goes out with the same key, once.
    fake.questions_fail = False
    fake.poll_fails = False
    page.evaluate("() => window.dispatchEvent(new Event('online'))")
    expect(page.get_by_test_id("offline")).to_be_hidden()
    expect(page.get_by_test_id("verdict")).to_contain_text(text)
    expect(page.get_by_test_id("question-box")).to_have_value("")
    expect(page.get_by_test_id("my-question").filter(has_text=text)).to_have_count(1)
    assert pending(page) is None
    posts = fake.calls("POST", "/workshop/api/questions")
    assert {p["body"]["key"] for p in posts} == {first["key"]}
    assert fake.accepted == [{"text": text, "key": first["key"]}]
    assert [q["text"] for q in fake.questions].count(text) == 1
    assert all(p["headers"].get("x-xsrftoken") == XSRF for p in posts)


def test_a_refusal_is_shown_and_keeps_the_typed_text(fake: FakeWorkshop, page: Page, site: str) -> None:
    open_phone(page, site)
    refusal = {"error": {"nl": "Rustig aan: wacht even tussen twee vragen.", "en": "Slow down.", "code": "too_fast"}}
    fake.script["/workshop/api/questions"] = [(429, refusal, {"Retry-After": "3"})]
    text = "Hoe merk je dat?"
    page.get_by_test_id("question-box").fill(text)
    page.get_by_test_id("send-button").click()
    expect(page.get_by_test_id("send-error")).to_have_text("Rustig aan: wacht even tussen twee vragen.")
    expect(page.get_by_test_id("question-box")).to_have_value(text)
    expect(page.get_by_test_id("question-box")).to_be_editable()
    expect(page.get_by_test_id("send-button")).to_be_enabled()
    assert pending(page) is None
    assert len(fake.calls("POST", "/workshop/api/questions")) == 1


def test_the_inbrenger_rates_with_three_buttons(fake: FakeWorkshop, page: Page, site: str) -> None:
    fake.inbrenger = True
    fake.to_rate = [{"id": 2, "round": 2, "text": "Wat maakt dat je nu twijfelt?", "rating": None}]
    open_phone(page, site)
    item = page.get_by_test_id("rate-item")
    item.get_by_test_id("rate-warm").click()
    expect(item.get_by_test_id("rated")).to_have_text("Jouw keuze: warm")
    expect(item.get_by_test_id("rate-warm")).to_have_attribute("aria-pressed", "true")
    assert fake.calls("POST", "/workshop/api/ratings")[-1]["body"] == {"question": 2, "rating": "warm"}


def test_wall_updates_cards_in_place_and_moderates(fake: FakeWorkshop, page: Page, site: str) -> None:
    page.set_viewport_size({"width": 1920, "height": 1080})
    open_wall(page, site)
    card = page.locator("[data-question-id='1']")
    expect(card.get_by_test_id("card-rating")).to_have_text("❄ koud")
    card.evaluate("el => { el.dataset.marker = 'same-element'; }")
    expect(page.get_by_test_id("tally-koud")).to_contain_text("koud: 1")

    # The inbrenger changes a rating and a new question arrives: the card changes in place.
    fake.questions[0]["rating"] = "warm"
    fake.questions.append(question(3, "Wat zou je willen dat er gebeurt?", round_=2))
    fake.bump()
    expect(card.get_by_test_id("card-rating")).to_have_text("☀ warm")
    expect(card).to_have_attribute("data-marker", "same-element")
    expect(page.get_by_test_id("tally-warm")).to_contain_text("warm: 2")
    expect(page.get_by_test_id("card")).to_have_count(3)
    expect(page.get_by_test_id("card").first).to_have_attribute("data-question-id", "3")  # newest first
    expect(page.get_by_test_id("summary")).to_have_text("1 nieuwe vraag binnen. 3 vragen op de muur.")

    card.get_by_test_id("hide-button").click()
    expect(card.get_by_test_id("card-text")).to_have_text("Verborgen vraag")
    expect(card.get_by_test_id("hide-button")).to_have_text("Toon")
    page.locator("[data-question-id='2']").get_by_test_id("pin-button").click()
    expect(page.locator("#ikw-pinned [data-question-id='2']")).to_be_visible()
    moderated = fake.calls("POST", "/workshop/api/moderate")
    assert [m["body"] for m in moderated] == [{"question": 1, "hidden": True}, {"question": 2, "pinned": True}]
    assert all(m["headers"].get("x-xsrftoken") == XSRF for m in moderated)

    page.get_by_test_id("names-toggle").click()
    assert fake.calls("POST", "/workshop/api/names")[-1]["body"] == {"show": True}
    expect(page.get_by_test_id("names-toggle")).to_have_attribute("aria-pressed", "true")

    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    # The chart: one bar per round, with its share in words for screen readers.
    expect(page.locator("rect[data-round='1']")).to_have_count(1)
    expect(page.locator("rect[data-round='2']")).to_have_count(1)
    label = page.locator("#ikw-chart svg").get_attribute("aria-label") or ""
    assert "ronde 1 0% (0 van 1)" in label and "ronde 2" in label

    # Joining is big while no round runs; once a round runs it is small, with a button to show it big.
    expect(page.get_by_test_id("join-panel")).not_to_have_class(re.compile(r"\bikw-big\b"))
    small = page.locator("#ikw-qr svg").bounding_box()
    page.get_by_test_id("join-toggle").click()
    expect(page.get_by_test_id("join-panel")).to_have_class(re.compile(r"\bikw-big\b"))
    big = page.locator("#ikw-qr svg").bounding_box()
    assert small and big and big["width"] > 2 * small["width"]  # the server's fixed-size code scales


def test_phone_fits_a_small_screen_with_large_targets(fake: FakeWorkshop, page: Page, site: str) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    fake.inbrenger = True
    fake.to_rate = [{"id": 2, "round": 2, "text": "Wat maakt dat je nu twijfelt?", "rating": "warm"}]
    fake.questions.append(question(3, LONG_PASTE))
    fake.session = {
        "method": "incident",
        "phase": {"index": 2, "count": 6, "name": "Vragenronde", "allowed": "alleen open vragen", "questions": True},
        "ends_at": None,
        "remaining": 125,
        "running": False,
        "roles": {},
        "interventions": ["Let op: dit is een advies."],
    }
    fake.me = {"name": "Anna", "role": "vraagsteller"}
    open_phone(page, site)
    expect(page.get_by_test_id("session-time")).to_have_text("2:05 (gepauzeerd)")
    expect(page.get_by_test_id("session-role")).to_have_text("Jouw rol: vraagsteller")
    expect(page.get_by_test_id("round")).to_have_text("Ronde 2: nu alleen open vragen")
    expect(page.get_by_test_id("question-counter")).to_have_text("0 van 400 tekens")
    expect(page.get_by_test_id("left-in-round")).to_have_text("Je kunt in deze ronde nog 11 vragen stellen.")
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    small = []
    for target in page.locator("main button, main a, main textarea, main input, header button").all():
        box = target.bounding_box()
        if box and (box["height"] < MIN_TARGET_PX or box["width"] < MIN_TARGET_PX):
            small.append((target.text_content(), box))
    assert small == []


def test_no_serious_accessibility_problems(fake: FakeWorkshop, page: Page, site: str) -> None:
    page.goto(f"{site}/join?code=123456")
    expect(page.get_by_test_id("join-code-input")).to_have_value("123456")
    axe_check(page, "join")
    fake.inbrenger = True
    fake.to_rate = [{"id": 2, "round": 2, "text": "Wat maakt dat je nu twijfelt?", "rating": "warm"}]
    fake.session = {
        "method": "incident",
        "phase": {"index": 0, "count": 6, "name": "Inbreng", "allowed": "luisteren", "questions": False},
        "ends_at": time.time() + 90,
        "remaining": 90,
        "running": True,
        "roles": {},
        "interventions": ["Een vraag tegelijk."],
    }
    page.set_viewport_size({"width": 390, "height": 844})
    open_phone(page, site)
    axe_check(page, "phone")
    page.set_viewport_size({"width": 1920, "height": 1080})
    open_wall(page, site)
    expect(page.get_by_test_id("card")).to_have_count(2)
    axe_check(page, "wall")


def test_english_by_query_and_by_toggle(fake: FakeWorkshop, page: Page, site: str) -> None:
    open_phone(page, site, "?lang=en")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_test_id("send-button")).to_have_text("Send question")
    expect(page.get_by_test_id("my-question").first.locator(".ikw-kind")).to_have_text("Open question")
    expect(page.get_by_test_id("round")).to_have_text("Round 2: open questions only now")
    expect(page.get_by_test_id("report-link")).to_have_attribute("href", "/workshop/api/report?lang=en")
    assert fake.calls("GET", "/workshop/api/me")[-1]["query"]["lang"] == "en"
    page.get_by_test_id("lang-nl").click()
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.get_by_test_id("send-button")).to_have_text("Verstuur vraag")
    expect(page.locator("#ikw-link-06")).to_have_attribute("href", "/voila/render/06_reflectie.ipynb?lang=nl")
    # The view is asked again in Dutch: the server's words (kinds, verdicts) follow.
    expect(page.get_by_test_id("my-question").first.locator(".ikw-kind")).to_have_text("Open vraag")
    page.goto(f"{site}/join?lang=en")
    expect(page.locator("h1")).to_have_text("Join the start day")
    expect(page).to_have_title("Join - Intervisie kit")


def test_join_explains_refusals_and_opens_the_phone(fake: FakeWorkshop, page: Page, site: str) -> None:
    page.goto(f"{site}/join?code=12345x")
    expect(page.get_by_test_id("join-code-input")).to_have_value("12345")
    expect(page.get_by_test_id("join-code-input")).to_have_attribute("inputmode", "numeric")
    expect(page.get_by_test_id("join-name")).to_have_attribute("maxlength", "40")
    page.get_by_test_id("join-button").click()
    expect(page.get_by_test_id("join-message")).to_have_text(
        "De code bestaat uit 6 cijfers. Kijk nog eens op het scherm."
    )
    page.get_by_test_id("join-code-input").fill("123456")
    page.get_by_test_id("join-button").click()
    expect(page.get_by_test_id("join-message")).to_have_text("Vul een naam of schuilnaam in.")
    page.get_by_test_id("join-name").fill("Anna")
    closed = {"error": {"nl": "Aanmelden is gesloten.", "en": "Joining is closed.", "code": "joining_closed"}}
    many = {"error": {"nl": "Te veel verkeerde codes.", "en": "Too many wrong codes.", "code": "too_many"}}
    fake.script["/workshop/api/join"] = [(403, closed, {}), (429, many, {"Retry-After": "300"})]
    page.get_by_test_id("join-button").click()
    expect(page.get_by_test_id("join-message")).to_have_text("Aanmelden is gesloten.")
    page.get_by_test_id("join-button").click()
    expect(page.get_by_test_id("join-message")).to_have_text(
        re.compile(r"^Te veel verkeerde codes\. \(Nog [45]:\d\d wachten\.\)$")  # counting down from Retry-After
    )
    expect(page.get_by_test_id("join-button")).to_be_disabled()
    page.goto(f"{site}/join?code=123456")
    expect(page.get_by_test_id("join-name")).to_have_value("Anna")  # remembered from the last try
    page.get_by_test_id("join-button").click()
    expect(page).to_have_url(f"{site}/workshop/phone?lang=nl")
    assert fake.calls("POST", "/workshop/api/join")[-1]["body"] == {"code": "123456", "name": "Anna"}
    expect(page.get_by_test_id("me")).to_have_text("Je doet mee als Anna")


def test_a_phone_without_identity_goes_to_join(fake: FakeWorkshop, page: Page, site: str) -> None:
    gone = {"error": {"nl": "Je bent niet aangemeld.", "en": "You have not joined.", "code": "removed"}}
    fake.script["/workshop/api/me"] = [(401, gone, {})]
    page.goto(f"{site}/workshop/phone")
    expect(page).to_have_url(f"{site}/join?expired=1&lang=nl")
    expect(page.get_by_test_id("join-message")).to_contain_text("Meld je hieronder opnieuw aan")


def test_static_files_ship_with_the_package() -> None:
    names = {p.name for p in Path(WORKSHOP_DIR).iterdir()}
    assert {"join.html", "phone.html", "wall.html", "workshop.js", "phone.js", "wall.js", "workshop.css"} <= names
    for page_file in ("join.html", "phone.html", "wall.html"):
        html = (WORKSHOP_DIR / page_file).read_text(encoding="utf-8")
        assert "http://" not in html and "https://" not in html  # nothing from outside the kit
    for script in ("workshop.js", "phone.js", "wall.js"):
        source = (WORKSHOP_DIR / script).read_text(encoding="utf-8")
        # Markup only from the server's verdict_html and qr_svg.
        assert source.count("innerHTML") == (1 if script in ("phone.js", "wall.js") else 0)
