"""The `intervisie-kit workshop` server (issue 15, items 1, 2 and 7): start, long polls, restart, HTTPS.

A real server process over HTTP; the trainer's page 11 is played by the test writing to the same
journal through the store (a write by another process, as a kernel makes it).
"""

from __future__ import annotations

import http.client
import json
import re
import shutil
import ssl
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from intervisie_kit import cli
from intervisie_kit.journal.store import Journal
from intervisie_kit.workshop.store import WorkshopStore

from ._workshop_client import Client, lan_address
from .conftest import KitServer, free_port, start_server, wait_until

LAN = lan_address()
needs_lan = pytest.mark.skipif(LAN is None, reason="this machine has no non-loopback IPv4 address to test from")


def _code(server: KitServer) -> str:
    wait_until(lambda: "key=" in server.log(), 30, "the workshop's join details in the output")
    return re.findall(r"(?:Code|code):\s+(\d{6})", server.log())[-1]


def _start(folder: Path, journal: Path, port: int | None = None) -> KitServer:
    return start_server(folder, "--journal", str(journal), command="workshop", port=port)


@needs_lan
def test_start_join_long_poll_restart(tmp_path: Path) -> None:
    journal = tmp_path / "journal.sqlite"
    server = _start(tmp_path, journal)
    try:
        log = server.log()
        code = _code(server)
        assert f"http://{LAN}:{server.port}/join" in log  # the join address on the room's network
        assert "onversleuteld" in log and "/workshop/trainer?key=" in log
        anna = Client(server, host=LAN)  # type: ignore[arg-type]
        assert anna.join(code, "Anna")[0] == 200
        status, me = anna.json("GET", "/workshop/api/me?since=-1")  # version past -1: at once
        assert status == 200 and me["workshop"]["round"] is None
        version = me["version"]

        # A long poll at the current version waits; the trainer's page (another process) starts a round,
        # and the waiting phone hears of it through the server's version check, well within a second or so.
        with ThreadPoolExecutor(1) as pool:
            waiting = pool.submit(anna.json, "GET", f"/workshop/api/me?since={version}")
            # Whether the poll is already waiting or arrives after the write, it must see the new round.
            with Journal(journal) as j:
                WorkshopStore(j).start_round("all")
            started = time.monotonic()
            status, me = waiting.result(timeout=30)
            assert time.monotonic() - started < 5
        assert status == 200 and me["workshop"]["round"]["number"] == 1 and me["version"] > version

        status, answer = anna.json("POST", "/workshop/api/questions", {"text": "Wat maakte het lastig?", "key": "q1"})
        assert status == 200 and answer["question"]["kind"] and answer["repeat"] is False
        status, wall = Client(server).json("GET", "/workshop/api/wall?since=-1")
        assert status == 200 and wall["join"]["url"].endswith("/join") and wall["join"]["paused"] is False
        assert [q["text"] for q in wall["questions"]] == ["Wat maakte het lastig?"]
        assert "name" not in wall["questions"][0] or not wall["questions"][0]["name"]  # names hidden by default
        old_key = re.findall(r"key=([A-Za-z0-9_-]+)", server.log())[-1]

        # Errors are JSON in both languages, also before there is an XSRF cookie or an identity.
        stranger = Client(server, host=LAN)  # type: ignore[arg-type]
        status, body = stranger.json("POST", "/workshop/api/questions", {"text": "Wat?", "key": "k"})
        assert status == 403 and set(body["error"]) == {"nl", "en", "code"}
        stranger.xsrf()
        status, _, raw = stranger.request("POST", "/workshop/api/questions", raw=b"{not json")
        assert status == 401 and json.loads(raw)["error"]["code"] == "no_identity"
    finally:
        server.stop()

    # Stop and start again mid-workshop: the same workshop, the phone's cookie still works, nothing lost.
    server = _start(tmp_path, journal, port=server.port)
    try:
        assert _code(server) == code
        assert "zelfde code" in server.log()
        status, me = anna.json("GET", "/workshop/api/me?since=-1")
        assert status == 200 and me["me"]["name"] == "Anna"
        assert [q["text"] for q in me["questions"]] == ["Wat maakte het lastig?"]
        new_key = re.findall(r"key=([A-Za-z0-9_-]+)", server.log())[-1]
        assert new_key != old_key
        tablet = Client(server, host=LAN)  # type: ignore[arg-type]
        assert tablet.request("GET", f"/workshop/trainer?key={old_key}")[0] == 403  # the old link is void
        assert tablet.request("GET", f"/workshop/trainer?key={new_key}")[0] == 302
    finally:
        server.stop()


def test_a_serve_server_still_listens_on_loopback_only(tmp_path: Path) -> None:
    server = start_server(tmp_path)
    try:
        if LAN is not None:
            conn = http.client.HTTPConnection(LAN, server.port, timeout=5)
            try:
                with pytest.raises(OSError):
                    conn.request("GET", "/")
            finally:
                conn.close()
        assert "ik_participant" not in server.log()
    finally:
        server.stop()


@pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl is needed to make a test certificate")
def test_https_with_the_trainers_certificate(tmp_path: Path) -> None:
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    folder = tmp_path / "run"
    folder.mkdir()
    port = free_port()
    log_path = folder / "https.log"
    with log_path.open("w") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "intervisie_kit.cli", "workshop", "--port", str(port),
             "--journal", str(tmp_path / "j.sqlite"), "--cert", str(cert), "--key", str(key)],
            stdout=log, stderr=subprocess.STDOUT, cwd=folder,
        )  # fmt: skip
    context = ssl.create_default_context(cafile=str(cert))
    context.check_hostname = False

    def get(path: str) -> tuple[int, list[str], bytes]:
        conn = http.client.HTTPSConnection("127.0.0.1", port, timeout=10, context=context)
        try:
            conn.request("GET", path, headers={"Host": f"127.0.0.1:{port}"})
            response = conn.getresponse()
            try:
                return response.status, response.msg.get_all("Set-Cookie") or [], response.read()
            finally:
                response.close()
        finally:
            conn.close()

    def ready() -> bool:
        try:
            return get("/")[0] == 301
        except OSError:
            return proc.poll() is not None

    try:
        wait_until(ready, 60, "the HTTPS workshop server")
        assert proc.poll() is None, log_path.read_text()
        output = log_path.read_text()
        assert "https://" in output and "HTTPS" in output and "onversleuteld" not in output
        key_value = re.findall(r"key=([A-Za-z0-9_-]+)", output)[-1]
        status, cookies, _ = get(f"/workshop/trainer?key={key_value}")
        assert status == 302
        trainer_cookie = next(c for c in cookies if c.startswith("ik_trainer="))
        assert "Secure" in trainer_cookie and "HttpOnly" in trainer_cookie and "SameSite=Strict" in trainer_cookie
        # Plain http on the same port gets nowhere.
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        try:
            with pytest.raises((OSError, http.client.HTTPException)):
                conn.request("GET", "/join")
                response = conn.getresponse()
                response.close()
                status = response.status
                raise OSError(status) if status >= 400 else AssertionError("plain http was served")
        finally:
            conn.close()
    finally:
        proc.terminate()
        proc.wait(30)


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["workshop", "--cert", "c.pem"], "--cert"),
        (["workshop", "--cert", "missing.pem", "--key", "missing.key"], "missing.pem"),
        (["workshop", "--cert", "{c}", "--key", "{c}", "--preheat", "1"], "--preheat"),
    ],
)
def test_workshop_options_are_checked_before_serving(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], says: str
) -> None:
    existing = tmp_path / "c.pem"
    existing.write_text("x")
    argv = [a.replace("{c}", str(existing)) for a in argv]
    assert cli.main(argv) == 2
    assert says in capsys.readouterr().err


# --- kernel binding, without a server ------------------------------------------------------------------


class _FakeKernels:
    def __init__(self) -> None:
        self.events: list[str] = []

    async def start_kernel(self, **kwargs: object) -> str:
        self.events.append("started")
        return "cold-kernel"

    async def get_rendered_notebook(self, **kwargs: object) -> tuple[object, list[str], str]:
        self.events.append("handed out")
        return object(), [], "warm-kernel"


def test_a_pages_kernel_is_bound_before_the_page_goes_on() -> None:
    import asyncio

    from intervisie_kit.server import _RecordingKernels

    fake = _FakeKernels()
    kernels = _RecordingKernels(fake, lambda kernel_id: fake.events.append(f"bound {kernel_id}"))

    def run(coroutine):  # type: ignore[no-untyped-def]
        # Its own thread: a browser test earlier in the run leaves Playwright's event loop in this one.
        with ThreadPoolExecutor(1) as pool:
            return pool.submit(asyncio.run, coroutine).result()

    assert run(kernels.start_kernel(kernel_name="python3")) == "cold-kernel"
    # Preheated: bound as soon as the pool hands the kernel out, before Voila sends it the request info.
    assert run(kernels.get_rendered_notebook(notebook_name="00_start.ipynb"))[2] == "warm-kernel"
    assert fake.events == ["started", "bound cold-kernel", "handed out", "bound warm-kernel"]
    assert kernels.started == "warm-kernel"
