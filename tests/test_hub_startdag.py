"""Issue 18, item 4: a startdag on a real JupyterHub (``docs/hub.md``, "Startdag on the hub").

One hub (``tests/hubtest.py``: the Python proxy, a local spawner, the test PostgreSQL) whose authenticator
is wrapped by :func:`intervisie_kit.hub.startdag.with_startdag`, with the ``intervisie-startdag`` service.
Tineke (trainers) opens a startdag on the service's regie page; two phones join through ``/hub/startdag``
with the code and become temporary hub users in the workshop's group, reach the phone page through the
hub's OAuth and post questions the wall shows. A temporary user cannot log in with a password; wrong
codes are refused and then limited; ending the startdag removes the users from the hub, their database
roles (they can no longer log in to PostgreSQL) and their rows.

The tests share one hub and run in file order: the joins happen in the ``room`` fixture before the
wrong-code test uses up this machine's join attempts (every request reaches the hub from 127.0.0.1), and
the last test ends the startdag.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import requests
import sqlalchemy as sa
from playwright.sync_api import Browser, Playwright, expect

from intervisie_kit.hub import STARTDAG_SERVICE
from intervisie_kit.hub.startdag import GROUP_PREFIX, USER_PREFIX
from intervisie_kit.workshop import JOIN_ATTEMPTS, MAX_CASE_TEXT, MAX_TITLE
from intervisie_kit.workshop.store import WorkshopStore

from .conftest import guard_page
from .hubtest import HTTP_TIMEOUT, Hub, HubSession, browser_login, hub_database, running_hub

TINEKE, ANNA = "tineke", "anna"
TRAINERS = "trainers"
SERVICE = f"/services/{STARTDAG_SERVICE}/"
JOIN = "/hub/startdag"
SPAWN_MS = 120_000  # a participant's own server starting on a busy 2-core machine, then page 06
HOSTILE = "<img src=x onerror=alert(1)>"  # within MAX_NAME

#: The test authenticator is set after the deploy config ran: it gets the join handler as an institute's does.
EXTRA_CONFIG = """
from intervisie_kit.hub.hubconfig import use_startdag as _use_startdag

assert _use_startdag(c)
"""


@pytest.fixture(scope="module")
def hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hub]:
    folder = tmp_path_factory.mktemp("hub-startdag")
    passwords = {name: f"pw-{name}-{uuid.uuid4().hex[:8]}" for name in (TINEKE, ANNA)}
    with hub_database() as db_url:
        with running_hub(folder, passwords, db_url=db_url, extra_config=EXTRA_CONFIG) as running:
            running.create_users(TINEKE, ANNA)
            running.add_to_group(TRAINERS, TINEKE)  # the deploy config made the group (its role)
            yield running
        assert running.forced == [], f"processes outlived the hub's shutdown: {running.forced}"
    log = running.log()
    assert "Traceback" not in log, log[-4000:]


def xsrf(session: HubSession, path: str) -> str:
    value = session.http.cookies.get("_xsrf", path=path)
    assert value, f"no _xsrf cookie for {path}"
    return value


def regie(session: HubSession, action: str, **fields: str) -> requests.Response:
    """Post one of the regie page's forms as the trainer's browser does."""
    data = {"_xsrf": xsrf(session, SERVICE), "action": action, **fields}
    response = session.post(f"{SERVICE}regie", data=data)
    assert response.status_code == 200, f"regie {action}: {response.status_code} {response.text[:300]}"
    return response


def text_of(html: str, name: str) -> str:
    found = re.search(rf'data-testid="{name}"[^>]*>([^<]*)<', html)
    assert found, f"no {name} on the page"
    return found.group(1)


@dataclass
class Phone:
    session: HubSession
    user: str
    name: str


def join(hub: Hub, code: str, name: str) -> tuple[HubSession, requests.Response]:
    """A phone opens the join page of the hub and sends code and name as its script does."""
    phone = HubSession(hub)
    with phone.get(JOIN) as page:
        assert page.status_code == 200
        assert "ikw-join" in page.text and f'content="{SERVICE}"' in page.text
        assert page.headers["Content-Security-Policy"].startswith("default-src 'self'")
    response = phone.post(JOIN, json={"code": code, "name": name}, headers={"X-XSRFToken": xsrf(phone, "/hub/")})
    return phone, response


def whoami(session: HubSession) -> str:
    """The hub user this browser is logged in as (the hub's own API, with its cookie and XSRF)."""
    with session.get("/hub/api/user", headers={"X-XSRFToken": xsrf(session, "/hub/")}) as response:
        assert response.status_code == 200, response.text[:300]
        return response.json()["name"]


@pytest.fixture(scope="module")
def room(hub: Hub) -> Iterator[dict[str, Any]]:
    """Tineke opens a startdag; two phones join with its code."""
    trainer = hub.session(TINEKE)
    with trainer.get(f"{SERVICE}regie") as page:  # through the hub's OAuth to the service
        assert page.status_code == 200, page.text[:300]
        assert 'data-testid="open-form"' in page.text
    refused = regie(trainer, "open", title="T" * (MAX_TITLE + 1))
    assert f"hooguit {MAX_TITLE} tekens" in text_of(refused.text, "notice")
    assert f'value="{"T" * (MAX_TITLE + 1)}"' in refused.text and 'data-testid="open-form"' in refused.text
    opened = regie(trainer, "open", title="Startdag <b>najaar</b>")
    code = text_of(opened.text, "join-code")
    assert re.fullmatch(r"\d{6}", code)
    assert "Startdag &lt;b&gt;najaar&lt;/b&gt;" in opened.text  # the title is text, not markup
    assert text_of(opened.text, "join-url").endswith(JOIN)
    phones = []
    for name in ("Sam", HOSTILE):
        session, response = join(hub, code, name)
        with response:
            assert response.status_code == 200, response.text[:300]
            body = response.json()
        assert body["next"] == f"{SERVICE}workshop/phone"
        phones.append(Phone(session, whoami(session), body["name"]))
    yield {"trainer": trainer, "code": code, "phones": phones}
    for phone in phones:
        phone.session.close()
    trainer.close()


def workshop_id(hub: Hub) -> str:
    engine = sa.create_engine(hub.db_url)
    try:
        with engine.connect() as conn:
            return conn.execute(sa.text("SELECT id FROM workshops WHERE ended IS NULL")).scalar_one()
    finally:
        engine.dispose()


def test_a_right_code_gives_a_temporary_hub_user_in_the_workshops_group(hub: Hub, room: dict[str, Any]) -> None:
    sam, hostile = room["phones"]
    assert sam.user != hostile.user
    group = GROUP_PREFIX + workshop_id(hub)
    for phone in (sam, hostile):
        # The hub name is random, never what was typed; the pseudonym is the display name.
        assert re.fullmatch(re.escape(USER_PREFIX) + r"[0-9a-f]{16}", phone.user)
        assert group in hub.user(phone.user)["groups"]
    assert sam.name == "Sam"
    assert hostile.name == HOSTILE
    # The trainer's regie page lists both, the hostile name as text.
    page = room["trainer"].get(f"{SERVICE}regie").text
    assert "&lt;img src=x" in page and "<img src=x" not in page
    assert page.count('data-testid="participant"') == 2
    # A participant is not a trainer: the regie page and the wall are refused.
    with sam.session.get(f"{SERVICE}regie?lang=en", allow_redirects=True) as refused:
        assert refused.status_code == 403
        assert "This page is for trainers (members of the group &#x27;trainers&#x27;)" in refused.text
        assert refused.headers["Content-Security-Policy"].startswith("default-src 'self'; script-src 'none'")
    with sam.session.get(f"{SERVICE}workshop/api/wall") as refused:
        assert refused.status_code == 403
        assert refused.json()["error"]["code"] == "trainer_only"


def test_a_phone_posts_a_question_that_the_wall_shows(hub: Hub, room: dict[str, Any]) -> None:
    sam, hostile = room["phones"]
    with sam.session.get(f"{SERVICE}workshop/phone") as page:  # the hub's OAuth, then the phone page
        assert page.status_code == 200, page.text[:300]
        assert page.url == f"{hub.url}{SERVICE}workshop/phone"
        assert f'src="{SERVICE}workshop/static/phone.js"' in page.text
    with sam.session.get(f"{SERVICE}workshop/static/phone.js") as script:
        assert script.status_code == 200 and "W.path(" in script.text
    trainer = room["trainer"]
    typed = "é\n" * MAX_CASE_TEXT + "<b>mijn eigen woorden</b>"  # ~54 kB as a form: within the page's limit
    too_long = regie(trainer, "case", case_title="Werkdruk", case_text=typed)
    assert f"hooguit {MAX_CASE_TEXT}" in text_of(too_long.text, "notice")
    assert "&lt;b&gt;mijn eigen woorden&lt;/b&gt;</textarea>" in too_long.text  # kept, as text
    regie(trainer, "case", case_title="Werkdruk", case_text=f"Casus met {HOSTILE}")
    assert "Ronde 1 loopt: alle vragen." in regie(trainer, "round", rule="all").text
    question = "Wat maakte dat je toen zweeg?"
    posted = sam.session.post(
        f"{SERVICE}workshop/api/questions?lang=nl",
        json={"text": question, "key": "k1"},
        headers={"X-XSRFToken": xsrf(sam.session, SERVICE)},
    )
    with posted:
        assert posted.status_code == 200, posted.text[:300]
        assert posted.json()["question"]["text"] == question
    with sam.session.get(f"{SERVICE}workshop/api/me?since=-1") as me:
        assert me.json()["me"]["name"] == "Sam"
        assert me.json()["workshop"]["case"]["text"] == f"Casus met {HOSTILE}"  # as typed: the page shows text
        assert [q["text"] for q in me.json()["questions"]] == [question]
    with sam.session.get(f"{SERVICE}workshop/api/report?lang=nl") as report:
        assert report.status_code == 200 and report.headers["Content-Type"].startswith("text/markdown")
        assert question in report.text
    with hostile.session.get(f"{SERVICE}workshop/api/me?since=-1") as other:
        assert other.status_code == 401  # not yet through the hub's OAuth to the service
    hostile.session.get(f"{SERVICE}workshop/phone").close()
    with hostile.session.get(f"{SERVICE}workshop/api/me?since=-1") as other:
        assert other.json()["questions"] == []  # a phone sees only its own questions
    with trainer.get(f"{SERVICE}workshop/wall") as wall:
        assert wall.status_code == 200 and 'data-page="wall"' in wall.text
    with trainer.get(f"{SERVICE}workshop/api/wall?since=-1") as wall:
        view = wall.json()
    assert [q["text"] for q in view["questions"]] == [question]
    assert view["participants"] == 2
    assert view["join"]["url"].endswith(JOIN) and view["join"]["code"] == room["code"]
    # Without the hub's login the API knows nobody.
    with requests.get(f"{hub.url}{SERVICE}workshop/api/me", timeout=HTTP_TIMEOUT) as anonymous:
        assert anonymous.status_code == 401
        assert anonymous.json()["error"]["code"] == "no_identity"


@pytest.fixture
def chromium(playwright: Playwright, browser_type_launch_args: dict) -> Iterator[Browser]:
    """The system Chromium, launched here rather than through pytest-playwright's ``browser``: that fixture
    is parametrized per browser, and pytest would move this test next to other modules' browser tests,
    tearing down this module's hub in between (the tests here share one hub and run in file order)."""
    browser = playwright.chromium.launch(**browser_type_launch_args)
    yield browser
    browser.close()


@pytest.mark.browser
def test_a_phone_joins_through_the_hub_in_a_browser(chromium: Browser, hub: Hub, room: dict[str, Any]) -> None:
    """Chromium: the hub's join page, the code prefilled from the QR address, the phone page under the
    service's prefix, a question sent and on the wall the trainer sees in their own browser."""
    browser = chromium
    regie(room["trainer"], "round", rule="open")
    phone = browser.new_context(locale="nl-NL")
    page = phone.new_page()
    guard = guard_page(page)
    page.goto(f"{hub.url}{JOIN}?code={room['code']}")
    expect(page.get_by_test_id("join-code-input")).to_have_value(room["code"])
    page.get_by_test_id("join-name").fill("Kim")
    page.get_by_test_id("join-button").click()
    page.wait_for_url(f"{hub.url}{SERVICE}workshop/phone*")
    expect(page.get_by_test_id("me")).to_contain_text("Kim")
    # The page's own links stay on the hub: the report under the service, page 06 on the own server.
    expect(page.get_by_test_id("report-link")).to_have_attribute("href", f"{SERVICE}workshop/api/report?lang=nl")
    expect(page.locator("#ikw-link-06")).to_have_attribute(
        "href", "/hub/user-redirect/voila/render/06_reflectie.ipynb?lang=nl"
    )
    question = "Hoe merkte je dat het team vastliep?"
    page.get_by_test_id("question-box").fill(question)
    page.get_by_test_id("send-button").click()
    expect(page.get_by_test_id("my-question")).to_contain_text(question)
    expect(page.get_by_test_id("verdict")).not_to_be_empty()
    # Saved to the journal by the service (owner role), read on page 06 of Kim's own server (Kim's own
    # role under row-level security): one trainee, the participant's.
    page.get_by_test_id("save-button").click()
    expect(page.get_by_test_id("save-status")).to_contain_text("Bewaard")
    kim = kim_user(hub)
    with page.expect_navigation(url=f"{hub.url}/user/{kim}/voila/render/06_reflectie.ipynb*", timeout=SPAWN_MS):
        page.locator("#ikw-link-06").click()
    page.locator(".ik-header").wait_for(timeout=SPAWN_MS)
    page.get_by_role("tab", name="Mijn reflecties").click()
    expect(page.locator(".ik-journal-list option")).to_have_count(1)
    expect(page.locator(".ik-journal-list option")).to_contain_text("Startdag")
    assert guard.external == [] and guard.page_errors == [], (guard.external, guard.page_errors)

    trainer = browser.new_context(locale="nl-NL")
    wall = trainer.new_page()
    wall_guard = guard_page(wall)
    browser_login(wall, hub, TINEKE, next_path=f"{SERVICE}workshop/wall")
    wall.wait_for_url(f"{hub.url}{SERVICE}workshop/wall*")
    expect(wall.get_by_test_id("card-text").filter(has_text=question)).to_have_count(1)
    expect(wall.get_by_test_id("join-url")).to_have_text(f"{hub.url}{JOIN}")
    expect(wall.get_by_test_id("join-code")).to_have_text(room["code"])
    wall.get_by_test_id("names-toggle").click()  # a POST through the service, with the service's XSRF
    expect(wall.get_by_test_id("names-toggle")).to_have_attribute("aria-pressed", "true")
    card = wall.get_by_test_id("card").filter(has_text=question)
    expect(card.get_by_test_id("card-name")).to_have_text("— Kim")
    assert wall_guard.external == [] and wall_guard.page_errors == []
    trainer.close()
    phone.close()
    room["phones"].append(Phone(HubSession(hub), kim, "Kim"))


def kim_user(hub: Hub) -> str:
    engine = sa.create_engine(hub.db_url)
    try:
        with engine.connect() as conn:
            return conn.execute(sa.text("SELECT hub_user FROM trainees WHERE name = 'Kim'")).scalar_one()
    finally:
        engine.dispose()


def test_a_temporary_user_cannot_log_in_with_a_password(hub: Hub, room: dict[str, Any]) -> None:
    sam = room["phones"][0]
    # Whatever password: the wrapped authenticator refuses temporary names before and after its own check.
    hub.passwords[sam.user] = "any-password"
    try:
        with pytest.raises(AssertionError, match="login as startdag-"):
            hub.session(sam.user)
    finally:
        del hub.passwords[sam.user]
    assert "refused a password login as a temporary startdag user" in hub.log()


def test_wrong_codes_are_refused_and_then_limited(hub: Hub, room: dict[str, Any]) -> None:
    wrong = "000000" if room["code"] != "000000" else "111111"
    phone = HubSession(hub)
    phone.get(JOIN).close()
    headers = {"X-XSRFToken": xsrf(phone, "/hub/")}
    for _ in range(JOIN_ATTEMPTS):
        with phone.post(JOIN, json={"code": wrong, "name": "Raad"}, headers=headers) as refused:
            assert refused.status_code == 400
            assert refused.json()["error"]["code"] == "bad_code"
    with phone.post(JOIN, json={"code": room["code"], "name": "Raad"}, headers=headers) as limited:
        assert limited.status_code == 429  # the right code too, once the limit is reached
        assert limited.json()["error"]["code"] == "join_limit"
        assert int(limited.headers["Retry-After"]) > 0
    phone.close()


def own_journal_url(hub: Hub, user: str) -> str:
    """The journal URL a spawn of ``user``'s server gets: their own role with a new password."""
    from intervisie_kit.hub.database import HubDatabase

    db = HubDatabase(hub.db_url)
    try:
        return db.user_url(user)
    finally:
        db.close()


def role_exists(hub: Hub, user: str) -> bool:
    from intervisie_kit.hub.database import role_name

    database = sa.make_url(hub.db_url).database
    return count_rows(hub, f"SELECT count(*) FROM pg_roles WHERE rolname = '{role_name(database, user)}'") == 1


def write_as(url: str, user: str, text: str, share: str) -> None:
    """What the participant's own server does on page 06: an entry under the user's own role."""
    from intervisie_kit.journal.store import Journal

    journal = Journal(url)
    try:
        me = journal.hub_trainee(user)
        journal.add(me.id, template="bijeenkomst", answers={"wat-gebeurde": text}, title=text, share=share)
    finally:
        journal.close()


def can_connect(url: str) -> bool:
    engine = sa.create_engine(url)
    try:
        with engine.connect():
            return True
    except sa.exc.OperationalError:
        return False
    finally:
        engine.dispose()


def count_rows(hub: Hub, sql: str) -> int:
    engine = sa.create_engine(hub.db_url)
    try:
        with engine.connect() as conn:
            return conn.execute(sa.text(sql)).scalar_one()
    finally:
        engine.dispose()


def test_ending_the_startdag_erases_users_roles_and_rows(hub: Hub, room: dict[str, Any]) -> None:
    users = [phone.user for phone in room["phones"]]
    group = GROUP_PREFIX + workshop_id(hub)
    urls = {user: own_journal_url(hub, user) for user in users}
    for index, (user, url) in enumerate(urls.items()):
        share = "supervisor" if index % 2 else "private"
        assert can_connect(url)
        write_as(url, user, f"Reflectie van {user}", share)
    reflections = count_rows(hub, "SELECT count(*) FROM entries")
    assert reflections >= len(users)
    questions = count_rows(hub, "SELECT count(*) FROM workshop_questions")
    assert questions >= 1
    assert count_rows(hub, "SELECT count(*) FROM trainees WHERE origin = 'startdag'") == len(users)
    trainer = room["trainer"]
    unconfirmed = regie(trainer, "end")
    assert "Vink eerst aan" in unconfirmed.text
    ended = regie(trainer, "end", confirm="1")
    assert "De startdag is beëindigd" in ended.text
    assert 'data-testid="open-form"' in ended.text
    report = json.loads(ended.headers["X-Startdag-Ended"])
    assert report == {
        "hub_users": len(users),
        "roles": len(users),
        "participants": len(users),
        "questions": questions,
        "ratings": 0,
        "reflections": reflections,
        "failures": [],
    }
    for user in users:
        hub.api("GET", f"users/{user}", ok=(404,))
        assert not role_exists(hub, user)
        assert not can_connect(urls[user])  # the role that could log in a moment ago cannot any more
    hub.api("GET", f"groups/{group}", ok=(404,))
    assert count_rows(hub, "SELECT count(*) FROM trainees WHERE origin IN ('startdag', 'workshop')") == 0
    assert count_rows(hub, "SELECT count(*) FROM entries") == 0
    for table in ("workshops", "workshop_participants", "workshop_questions", "workshop_rounds"):
        assert count_rows(hub, f"SELECT count(*) FROM {table}") == 0, table
    # The phone's identity is gone: its next request is turned away.
    with room["phones"][0].session.get(f"{SERVICE}workshop/api/me?since=-1") as gone:
        assert gone.status_code in (401, 403)


# -- without a hub: the pieces -----------------------------------------------------------------------------


def test_the_wrapped_authenticator_refuses_temporary_names_and_keeps_them_logged_in() -> None:
    import asyncio
    from concurrent.futures import ThreadPoolExecutor
    from types import SimpleNamespace

    from jupyterhub.auth import Authenticator

    from intervisie_kit.hub.startdag import with_startdag

    class Institute(Authenticator):
        async def authenticate(self, handler, data):  # type: ignore[no-untyped-def]
            return data["username"]  # every password is right: the wrapper alone must refuse

        async def refresh_user(self, user, handler=None):  # type: ignore[no-untyped-def]
            return False  # e.g. an OAuth authenticator that finds no auth state

    def run(coro):  # type: ignore[no-untyped-def]
        # In a thread of its own: a browser test before this one leaves Playwright's loop in this thread.
        with ThreadPoolExecutor(1) as pool:
            return pool.submit(asyncio.run, coro).result()

    auth = with_startdag(Institute)(allow_all=True)
    login = auth.get_authenticated_user
    for name in ("startdag-0123456789abcdef", "STARTDAG-x", " startdag-y"):
        assert run(login(None, {"username": name, "password": "x"})) is None, name
    assert run(login(None, {"username": "anna", "password": "x"}))["name"] == "anna"
    assert run(auth.refresh_user(SimpleNamespace(name="startdag-0123456789abcdef"))) is True
    assert run(auth.refresh_user(SimpleNamespace(name="anna"))) is False
    assert auth.get_handlers(None)[-1][0] == "/startdag"
    assert type(auth).__name__ == "StartdagInstitute"


def test_page_addresses_move_the_pages_under_a_prefix_and_leave_the_laptops_alone() -> None:
    from intervisie_kit.workshop.web import LAPTOP, STATIC_DIR, PageAddresses

    for page in ("join.html", "phone.html", "wall.html"):
        raw = (STATIC_DIR / page).read_bytes()
        assert LAPTOP.apply(raw) == raw
        moved = PageAddresses(base="/services/s/", kit="/hub/user-redirect/", join="/hub/startdag").apply(raw)
        text = moved.decode()
        assert '="/workshop/' not in text and '="/voila/' not in text
        assert '<meta name="ik-base" content="/services/s/">' in text
        assert 'src="/services/s/workshop/static/workshop.js"' in text
    for bad in ("services/s/", "//evil.example/", '/s/"><script>', "/s"):
        with pytest.raises(ValueError):
            PageAddresses(base=bad)


def test_the_join_limit_counts_the_phones_address_behind_trusted_proxies() -> None:
    from intervisie_kit.hub.startdag.join import client_address

    # Phones straight at the hub's proxy (which appends its peer): tornado's remote_ip is the phone.
    assert client_address("10.0.0.7", ",10.0.0.7", 0) == "10.0.0.7"
    # Behind an ingress: the hub's proxy saw the ingress; the phone is one entry further left.
    assert client_address("10.1.1.1", "10.0.0.7,10.1.1.1", 1) == "10.0.0.7"
    # A phone that writes its own X-Forwarded-For cannot choose its address: its entry lies further left.
    assert client_address("10.1.1.1", "1.2.3.4,10.0.0.7,10.1.1.1", 1) == "10.0.0.7"
    # Fewer entries than trusted hops (a misconfiguration): the address the hub saw.
    assert client_address("10.1.1.1", "10.1.1.1", 1) == "10.1.1.1"
    assert client_address(None, None, 0) == "?"
    # The institute's configuration names the hops on any authenticator it wraps.
    from jupyterhub.auth import Authenticator
    from traitlets.config import Config

    from intervisie_kit.hub.startdag import with_startdag

    config = Config()
    config.Authenticator.startdag_proxy_hops = 1
    assert with_startdag(Authenticator)(config=config).startdag_proxy_hops == 1


class FakeHubDatabase:
    """HubDatabase's two calls the join makes, on the test's SQLite journal (no PostgreSQL roles)."""

    def __init__(self, journal: Any, *, fail: bool = False) -> None:
        self.journal, self.fail, self.erased = journal, fail, []

    def user_url(self, hub_user: str, *, display_name: str | None = None, origin: str = "hub") -> str:
        from intervisie_kit.journal.store import trainees

        if self.fail:
            raise OSError("the database refused the role")
        with self.journal._write() as conn:
            conn.execute(
                trainees.insert().values(
                    id=uuid.uuid4().hex, name=display_name, created=datetime.now(UTC).replace(tzinfo=None),
                    origin=origin, hub_user=hub_user, db_role="r",
                )
            )  # fmt: skip
        return "postgresql://role"

    def erase_user(self, hub_user: str) -> int:
        self.erased.append(hub_user)
        return 0


def test_a_join_links_the_participant_to_the_users_own_trainee_or_leaves_nothing(tmp_path: Path) -> None:
    from intervisie_kit.hub.startdag import StartdagRoom
    from intervisie_kit.journal.store import Journal

    room = StartdagRoom(str(tmp_path / "journal.sqlite"))
    room._store = WorkshopStore(Journal(tmp_path / "journal.sqlite"))
    journal = room.store.journal
    code = room.store.open_workshop("Startdag").code

    room._hub_db = FakeHubDatabase(journal)
    participant = room.join(code, "Sam", "startdag-00000000000000aa")
    own = journal.hub_trainee("startdag-00000000000000aa")
    assert participant.trainee_id == own.id and own.name == "Sam"
    assert [t.origin for t in trainees_of(journal)] == ["startdag"]  # the row join() made is gone
    assert room.participant_of("startdag-00000000000000aa") == participant
    assert room.participant_of("anna") is None  # a regular hub user is never a participant
    assert room.hub_users(participant.workshop_id) == ["startdag-00000000000000aa"]

    room._hub_db = FakeHubDatabase(journal, fail=True)
    with pytest.raises(OSError):
        room.join(code, "Kim", "startdag-00000000000000bb")
    assert [p.name for p in room.store.participants()] == ["Sam"]
    assert room._hub_db.erased == ["startdag-00000000000000bb"]
    assert len(trainees_of(journal)) == 1
    journal.close()


def trainees_of(journal: Any) -> list[Any]:
    from intervisie_kit.journal.store import trainees

    with journal.reader.connect() as conn:
        return conn.execute(trainees.select()).all()
