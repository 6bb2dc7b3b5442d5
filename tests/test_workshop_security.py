"""Workshop mode on a shared network (issue 15, item 6): a real `intervisie-kit workshop` over HTTP.

Participants reach the server on the machine's LAN address (a non-loopback ``remote_ip``, as a phone
in the room); the trainer on 127.0.0.1. Without a LAN address these tests are skipped (the access rule
itself is unit-tested in ``test_workshop_ratelimit.py``).
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from intervisie_kit.journal.store import Journal
from intervisie_kit.workshop import JOIN_ATTEMPTS, MAX_BODY, MAX_PER_ROUND, MAX_QUESTION
from intervisie_kit.workshop.store import WorkshopStore

from ._workshop_client import Client, kernel_id_of, kernel_message, lan_address
from .conftest import KitServer, start_server, wait_until
from .hostile import HOSTILE, HOSTILE_IDS

LAN = lan_address()
pytestmark = pytest.mark.skipif(LAN is None, reason="this machine has no non-loopback IPv4 address to test from")


@pytest.fixture(scope="module")
def workshop(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[KitServer, str, Path]]:
    folder = tmp_path_factory.mktemp("workshop-sec")
    journal = folder / "journal.sqlite"
    server = start_server(folder, "--journal", str(journal), command="workshop")
    wait_until(lambda: "Code:" in server.log() and "key=" in server.log(), 30, "the join code in the output")
    code = re.search(r"Code:\s+(\d{6})", server.log()).group(1)  # type: ignore[union-attr]
    with Journal(journal) as j:
        WorkshopStore(j).start_round("all")  # as the trainer's page 11 would
    yield server, code, journal
    server.stop()


def _participant(server: KitServer, code: str, name: str) -> Client:
    client = Client(server, host=LAN)  # type: ignore[arg-type]
    status, body = client.join(code, name)
    assert status == 200, body
    return client


def test_join_sets_a_private_cookie_and_the_identity_survives_a_reload(workshop: tuple) -> None:
    server, code, _ = workshop
    anna = _participant(server, code, "Anna")
    header = anna.cookie_header("ik_participant")
    assert "HttpOnly" in header and "SameSite=Strict" in header and "Path=/" in header
    assert "Secure" not in header  # plain http: a Secure cookie would never come back
    assert "expires=" in header
    secret = anna.cookies["ik_participant"]
    assert len(secret) >= 40 and secret not in server.log()
    # A reload (a new connection with the same cookie) is the same person; joining again changes nothing.
    status, me = anna.json("GET", "/workshop/api/me?since=-1")
    assert status == 200 and me["me"]["name"] == "Anna"
    assert anna.join(code, "Someone else") == (200, {"name": "Anna", "repeat": True})
    # Without the cookie there is no identity.
    stranger = Client(server, host=LAN)  # type: ignore[arg-type]
    status, body = stranger.json("GET", "/workshop/api/me?since=-1")
    assert status == 401 and body["error"]["code"] == "no_identity" and body["error"]["en"]
    assert stranger.request("GET", "/voila/render/04_vragen_oefenen.ipynb")[1]["Location"] == "/join"


@pytest.mark.parametrize(
    "path",
    [
        "/api/kernels",
        "/api/sessions",
        "/api/kernelspecs",
        "/api/contents",
        "/voila/tree",
        "/voila/api/contents",
        "/workshop/wall",
        "/workshop/api/wall?since=-1",
        "/voila/render/02_methodekiezer.ipynb",
        "/voila/render/05_sessie_begeleiden.ipynb",
        "/voila/render/11_startdag.ipynb",
        "/voila/render/..%2F..%2Fpyproject.toml",
        "/voila/render/04_vragen_oefenen.ipynb/../../11_startdag.ipynb",
        "/voila/static/../../../../etc/passwd",
        "/workshop/static/../../server.py",
        "/workshop/static/%2e%2e/%2e%2e/cli.py",
        "/voila/files/../pyproject.toml",
        "/voila/query/00000000-0000-0000-0000-000000000000",
    ],
)
def test_a_participant_cannot_reach_the_trainers_side(workshop: tuple, path: str) -> None:
    server, code, _ = workshop
    anna = _participant(server, code, "Anna")
    status, _, body = anna.request("GET", path)
    assert status in (403, 404), (path, status)
    assert b"ipynb" not in body and b"import " not in body and b"root:" not in body


def test_trainer_pages_answer_a_participant_with_a_friendly_page(workshop: tuple) -> None:
    server, code, _ = workshop
    anna = _participant(server, code, "Anna")
    status, _, body = anna.request("GET", "/voila/render/05_sessie_begeleiden.ipynb")
    assert status == 403
    assert b"voor de trainer" in body and b"for the trainer" in body


def test_a_participant_cannot_moderate_or_show_names(workshop: tuple) -> None:
    server, code, _ = workshop
    anna = _participant(server, code, "Anna")
    trainer_posts = {"/workshop/api/moderate": {"question": 1, "hidden": True}, "/workshop/api/names": {"show": True}}
    for path, body in trainer_posts.items():
        status, answer = anna.json("POST", path, body)
        assert status == 403 and answer["error"]["code"] == "trainer_only"


def test_the_trainer_link_works_from_another_device_and_never_reaches_the_log(workshop: tuple) -> None:
    server, _, _ = workshop
    key = re.findall(r"key=([A-Za-z0-9_-]+)", server.log())[-1]
    tablet = Client(server, host=LAN)  # type: ignore[arg-type]
    assert tablet.request("GET", "/workshop/api/wall?since=-1")[0] == 403
    status, _, _ = tablet.request("GET", "/workshop/trainer?key=wrong")
    assert status == 403
    status, headers, _ = tablet.request("GET", f"/workshop/trainer?key={key}")
    assert status == 302 and headers["Location"] == "/workshop/wall"
    assert "HttpOnly" in tablet.cookie_header("ik_trainer")
    status, wall = tablet.json("GET", "/workshop/api/wall?since=-1")
    assert status == 200 and wall["join"]["code"] and wall["join"]["qr_svg"].startswith("<svg")
    # The request info of preheated kernels stays on the laptop, even for the trainer's tablet.
    assert tablet.request("GET", "/voila/query/00000000-0000-0000-0000-000000000000")[0] == 403
    log = server.log()
    assert log.count(key) == 1  # printed once at the start; no access-log line carries it


def test_kernels_belong_to_the_browser_that_opened_the_page(workshop: tuple) -> None:
    server, code, journal = workshop
    anna, bram = _participant(server, code, "Anna"), _participant(server, code, "Bram")
    status, _, html = anna.request("GET", "/voila/render/00_start.ipynb")
    assert status == 200
    kernel_id = kernel_id_of(html)
    with Journal(journal) as j:
        binding = WorkshopStore(j).kernel_binding(kernel_id)
    assert binding is not None and binding.participant_id is not None  # bound to Anna, by the server
    anna_id = binding.participant_id
    # Bram learned the id: he can neither attach nor shut the kernel down nor read its model.
    assert bram.ws_status(f"/api/kernels/{kernel_id}/channels") == 403
    bram.xsrf()
    status, _, _ = bram.request("POST", f"/voila/api/shutdown/{kernel_id}")
    assert status == 403
    assert bram.request("GET", f"/api/kernels/{kernel_id}")[0] == 403
    assert Client(server, host=LAN).ws_status(f"/api/kernels/{kernel_id}/channels") == 403  # type: ignore[arg-type]

    # Anna can; and her own websocket runs no code: an execute_request is dropped, kernel_info answers.
    marker = Path(journal).parent / f"executed-{uuid.uuid4().hex}"
    execute = kernel_message("execute_request", {"code": f"open({str(marker)!r}, 'w').write('x')", "silent": False})
    info = kernel_message("kernel_info_request", {})
    reply = anna.kernel_exchange(kernel_id, [execute, info], info["header"]["msg_id"])
    assert reply["msg_type"] == "kernel_info_reply"
    assert not marker.exists()  # the shell channel is in order: the execute would have run before the reply
    assert "Dropped a 'execute_request' message" in server.log()

    # Anna's question, then her page's kernel is killed: nothing accepted is lost.
    status, answer = anna.json("POST", "/workshop/api/questions", {"text": "Wat raakte je?", "key": "k-kill"})
    assert status == 200, answer
    before = len(server.kernels())
    for kernel in server.kernels():
        kernel.kill()
    wait_until(lambda: len(server.kernels()) < before or not server.kernels(), 20, "the kernels to die")
    status, me = anna.json("GET", "/workshop/api/me?since=-1")
    assert [q["text"] for q in me["questions"]] == ["Wat raakte je?"]
    assert anna_id  # the binding named a participant, not the trainer


def test_guessing_the_code_is_limited_per_address(workshop: tuple) -> None:
    server, code, _ = workshop
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    guesser = Client(server)  # 127.0.0.1: an address no other test joins from
    for _ in range(JOIN_ATTEMPTS):
        status, body = guesser.join(wrong, "Gokker")
        assert status == 400 and body["error"]["code"] == "bad_code"
    status, headers, raw = guesser.request("POST", "/workshop/api/join", {"code": code, "name": "Gokker"})
    assert status == 429 and int(headers["Retry-After"]) > 60
    body = json.loads(raw)
    assert body["error"]["code"] == "join_limit" and "5" in body["error"]["nl"] and "minutes" in body["error"]["en"]
    assert "ik_participant" not in guesser.cookies  # the right code did not let this address in
    assert _participant(server, code, "Iemand anders").cookies["ik_participant"]  # other phones still join


def test_flooding_is_refused_with_clear_messages(workshop: tuple) -> None:
    server, code, journal = workshop
    anna = _participant(server, code, "Flood")
    status, answer = anna.json("POST", "/workshop/api/questions", {"text": "x" * (MAX_QUESTION + 1), "key": "k-long"})
    assert status == 400 and answer["error"]["code"] == "too_long" and str(MAX_QUESTION) in answer["error"]["nl"]
    status, _, raw = anna.request("POST", "/workshop/api/questions", {"text": "Wat " * 3000, "key": "k-big"})
    answer = json.loads(raw)
    assert status == 413 and answer["error"]["code"] == "too_big" and str(MAX_BODY) in answer["error"]["en"]
    assert anna.json("POST", "/workshop/api/questions", {"text": "Wat zag je?", "key": "k-1"})[0] == 200
    status, headers, raw = anna.request("POST", "/workshop/api/questions", {"text": "Hoe voelde dat?", "key": "k-2"})
    assert status == 429 and 1 <= int(headers["Retry-After"]) <= 3
    assert json.loads(raw)["error"]["code"] == "too_fast"
    # The same key again is the same question (a phone retrying after Wi-Fi came back), not a flood.
    status, again = anna.json("POST", "/workshop/api/questions", {"text": "Wat zag je?", "key": "k-1"})
    assert status == 200 and again["repeat"] is True
    status, me = anna.json("GET", "/workshop/api/me?since=-1")
    assert [q["text"] for q in me["questions"]] == ["Wat zag je?"]
    # Twelve questions in this round already (stored over the last minutes): the next one is refused.
    full = _participant(server, code, "Vol")
    with Journal(journal) as j:
        store = WorkshopStore(j)
        full_id = store.participant_by_secret(full.cookies["ik_participant"]).id  # type: ignore[union-attr]
        start = datetime.now(UTC).replace(tzinfo=None) - timedelta(minutes=10)
        for i in range(MAX_PER_ROUND):
            store.submit(full_id, f"Wat zag je bij stap {i}?", f"early-{i}", now=start + timedelta(seconds=10 * i))
    status, headers, raw = full.request("POST", "/workshop/api/questions", {"text": "Wat nu?", "key": "k-13"})
    answer = json.loads(raw)
    assert status == 429 and answer["error"]["code"] == "too_many" and str(MAX_PER_ROUND) in answer["error"]["en"]
    assert int(headers["Retry-After"]) > 0
    # Without the XSRF header a post is refused (a form on another site cannot post for the phone).
    anna.cookies.pop("_xsrf")
    status, answer = anna.json("POST", "/workshop/api/questions", {"text": "Wat nog?", "key": "k-3"})
    assert status == 403 and answer["error"]["code"] == "xsrf"


@pytest.mark.parametrize("hostile", HOSTILE, ids=HOSTILE_IDS)
def test_hostile_questions_come_back_as_data(workshop: tuple, hostile: str) -> None:
    server, code, _ = workshop
    client = _participant(server, code, hostile[:30] if len(hostile) < 100 else "Plakker")
    status, answer = client.json("POST", "/workshop/api/questions", {"text": hostile, "key": "hostile"})
    if len(hostile.encode()) > MAX_BODY:
        assert status == 413 and answer["error"]["nl"]
        return
    assert status == 200, answer
    expected = hostile.replace("\x00", "").strip()
    assert answer["question"]["text"] == expected
    status, wall = Client(server).json("GET", "/workshop/api/wall?since=-1")
    assert expected in [q["text"] for q in wall["questions"]]
