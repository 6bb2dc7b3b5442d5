"""Only the kit's own Host and Origin get in; no listings (a real `intervisie-kit serve` over HTTP).

A hostile website can make a browser send requests to 127.0.0.1 and, through DNS rebinding, read the
answers under its own name. These tests send what such a page would send, to a page, a static file and a
kernel's websocket, and expect 403; and they check that the listings are gone.
"""

from __future__ import annotations

import asyncio
import http.client
import json
import re
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
from tornado.httpclient import HTTPClientError, HTTPRequest
from tornado.websocket import websocket_connect

from intervisie_kit.guard import LOOPBACK_NAMES, host_allowed, origin_allowed, refusal

from .conftest import KitServer, start_server

PORT = 8866


@pytest.mark.parametrize(
    "host",
    ["127.0.0.1:8866", "localhost:8866", "LOCALHOST:8866", "[::1]:8866"],
)
def test_loopback_hosts_on_the_kits_port_pass(host: str) -> None:
    assert host_allowed(host, LOOPBACK_NAMES, PORT)


@pytest.mark.parametrize(
    "host",
    [
        None,
        "",
        "evil.example.com:8866",
        "127.0.0.1.evil.example.com:8866",
        "127.0.0.1:9999",  # another local service's port
        "127.0.0.1",  # no port means port 80
        "user@127.0.0.1:8866",
        "127.0.0.1:8866/path",
        "127.0.0.1:notaport",
        "[::1",
        "x" * 400,
        "192.168.1.20:8866",  # the LAN address: only when a workshop adds it
    ],
)
def test_other_hosts_are_refused(host: str | None) -> None:
    assert not host_allowed(host, LOOPBACK_NAMES, PORT)


def test_a_workshop_can_add_its_lan_address() -> None:
    assert host_allowed("192.168.1.20:8866", (*LOOPBACK_NAMES, "192.168.1.20"), PORT)


@pytest.mark.parametrize(
    ("origin", "allowed"),
    [
        (None, True),  # same-origin navigation sends none
        ("http://127.0.0.1:8866", True),
        ("http://localhost:8866", True),
        ("http://evil.example.com:8866", False),
        ("http://127.0.0.1:9999", False),
        ("null", False),
        ("file://", False),
        ("https://127.0.0.1:8866", True),
        ("http://127.0.0.1:8866/x", False),
        ("javascript:alert(1)", False),
    ],
)
def test_origins(origin: str | None, allowed: bool) -> None:
    assert origin_allowed(origin, LOOPBACK_NAMES, PORT) is allowed


def test_refusal_names_the_reason() -> None:
    assert refusal("127.0.0.1:8866", None, LOOPBACK_NAMES, PORT) == ""
    assert refusal("evil.example.com:8866", None, LOOPBACK_NAMES, PORT) == "foreign Host"
    assert refusal("127.0.0.1:8866", "http://evil.example.com", LOOPBACK_NAMES, PORT) == "foreign Origin"


# --- a real server ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KitServer]:
    server = start_server(tmp_path_factory.mktemp("guard"))
    yield server
    server.stop()


def _get(server: KitServer, path: str, headers: dict[str, str] | None = None) -> tuple[int, dict, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
    try:
        conn.request("GET", path, headers=headers or {})
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        conn.close()


def _ws_status(server: KitServer, kernel_id: str, headers: dict[str, str]) -> int:
    url = f"ws://127.0.0.1:{server.port}/api/kernels/{kernel_id}/channels"

    async def connect() -> int:
        try:
            conn = await websocket_connect(HTTPRequest(url, headers=headers, request_timeout=60))
        except HTTPClientError as exc:
            return exc.code
        conn.close()
        return 101

    # In its own thread: Playwright's sync API may already run an event loop in this one.
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, connect()).result(timeout=120)


FOREIGN_HOST = {"Host": "evil.example.com:{port}", "Origin": "http://evil.example.com:{port}"}


def _foreign(server: KitServer, **extra: str) -> dict[str, str]:
    return {k: v.format(port=server.port) for k, v in {**FOREIGN_HOST, **extra}.items()}


@pytest.mark.parametrize("path", ["/voila/render/06_reflectie.ipynb", "/voila/static/voila.js", "/"])
def test_a_foreign_host_gets_403_for_pages_and_files(served: KitServer, path: str) -> None:
    status, _, body = _get(served, path, _foreign(served))
    assert status == 403
    assert b"intervisie" not in body.split(b"403", 1)[0]  # nothing of the kit's content
    assert _get(served, path, {"Host": f"127.0.0.1:{served.port}", "Origin": "http://evil.example.com"})[0] == 403


def test_kernel_channels_refuse_a_foreign_host_and_origin(served: KitServer) -> None:
    status, _, body = _get(served, "/voila/render/00_start.ipynb")
    assert status == 200
    kernel_id = re.search(rb'kernelId": "([0-9a-f-]{36})"', body).group(1).decode()  # type: ignore[union-attr]
    own = f"127.0.0.1:{served.port}"
    assert _ws_status(served, kernel_id, _foreign(served)) == 403
    assert _ws_status(served, kernel_id, {"Host": own, "Origin": "http://evil.example.com"}) == 403
    assert _ws_status(served, kernel_id, {"Host": own, "Origin": f"http://127.0.0.1:{served.port + 1}"}) == 403
    # The same request from the kit's own page is let through: the refusals above are not an accident.
    # (The page's kernel ends with the module's server.)
    assert _ws_status(served, kernel_id, {"Host": own, "Origin": f"http://{own}"}) == 101
    assert "Refused GET /api/kernels/" in served.log()


@pytest.mark.parametrize("path", ["/voila/tree", "/voila/tree/", "/voila/tree/notebooks"])
def test_the_tree_redirects_to_the_start_page(served: KitServer, path: str) -> None:
    status, headers, _ = _get(served, path)
    assert status in (301, 302)
    assert headers["Location"].endswith("/voila/render/00_start.ipynb")


@pytest.mark.parametrize("path", ["/voila/api/contents", "/voila/api/contents/", "/voila/api/contents/00_start.ipynb"])
def test_the_contents_api_is_gone(served: KitServer, path: str) -> None:
    status, _, body = _get(served, path)
    assert status == 404
    assert b"ipynb" not in body
    with pytest.raises(json.JSONDecodeError):
        json.loads(body)
