"""A tiny HTTP and websocket client for the workshop server tests: cookies, XSRF, a chosen address.

A phone in the room reaches the trainer's laptop on its LAN address, so the server sees a non-loopback
``remote_ip``; a client here connects to the machine's own LAN address for that (the connection then
comes *from* that address too). The trainer's browser on the laptop connects to 127.0.0.1.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import http.client
import json
import os
import re
import subprocess
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from typing import Any

from tornado.httpclient import HTTPRequest
from tornado.websocket import websocket_connect

from intervisie_kit.workshop.network import lan_addresses

from .conftest import KitServer


def lan_address() -> str | None:
    """A non-loopback IPv4 address of this machine (``hostname -I`` first), or None."""
    try:
        out = subprocess.run(["hostname", "-I"], capture_output=True, text=True, timeout=5).stdout.split()
    except (OSError, subprocess.SubprocessError):
        out = []
    for address in [*out, *lan_addresses()]:
        if re.fullmatch(r"\d+\.\d+\.\d+\.\d+", address) and not address.startswith("127."):
            return address
    return None


@dataclass
class Client:
    server: KitServer
    host: str = "127.0.0.1"
    cookies: dict[str, str] = field(default_factory=dict)
    set_cookie_headers: list[str] = field(default_factory=list)

    @property
    def origin(self) -> str:
        return f"http://{self.host}:{self.server.port}"

    def request(
        self, method: str, path: str, body: Any = None, headers: dict[str, str] | None = None, raw: bytes | None = None
    ) -> tuple[int, http.client.HTTPMessage, bytes]:
        conn = http.client.HTTPConnection(self.host, self.server.port, timeout=60)
        all_headers = {"Host": f"{self.host}:{self.server.port}"}
        if self.cookies:
            all_headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        data = raw
        if method == "POST":
            all_headers["Origin"] = self.origin
            if "_xsrf" in self.cookies:
                all_headers["X-XSRFToken"] = self.cookies["_xsrf"]
            if data is None:
                data = json.dumps(body if body is not None else {}).encode()
            all_headers["Content-Type"] = "application/json"
        all_headers.update(headers or {})
        try:
            conn.request(method, path, body=data, headers=all_headers)
            response = conn.getresponse()
            try:
                content = response.read()
            finally:
                response.close()  # the response holds its own reference to the socket
        finally:
            conn.close()
        for header in response.msg.get_all("Set-Cookie") or []:
            self.set_cookie_headers.append(header)
            jar: SimpleCookie = SimpleCookie()
            jar.load(header)
            for name, morsel in jar.items():
                if morsel.value:
                    self.cookies[name] = morsel.value
                else:
                    self.cookies.pop(name, None)
        return response.status, response.msg, content

    def json(self, method: str, path: str, body: Any = None) -> tuple[int, Any]:
        status, _, content = self.request(method, path, body)
        return status, json.loads(content) if content else None

    def xsrf(self) -> None:
        """Open the join page, as a browser does first: it sets the ``_xsrf`` cookie."""
        if "_xsrf" not in self.cookies:
            self.request("GET", "/join")
            assert "_xsrf" in self.cookies

    def join(self, code: str, name: str) -> tuple[int, Any]:
        self.xsrf()
        return self.json("POST", "/workshop/api/join", {"code": code, "name": name})

    def cookie_header(self, name: str) -> str:
        return next(h for h in reversed(self.set_cookie_headers) if h.startswith(f"{name}="))

    # websocket -------------------------------------------------------------------------------------

    def _ws_request(self, path: str) -> HTTPRequest:
        headers = {"Host": f"{self.host}:{self.server.port}", "Origin": self.origin}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        return HTTPRequest(f"ws://{self.host}:{self.server.port}{path}", headers=headers, request_timeout=60)

    def ws_status(self, path: str) -> int:
        """The status of a websocket upgrade (101 when accepted), over a connection that is always closed."""
        key = base64.b64encode(os.urandom(16)).decode()
        upgrade = {"Connection": "Upgrade", "Upgrade": "websocket", "Sec-WebSocket-Version": "13",
                   "Sec-WebSocket-Key": key, "Origin": self.origin}  # fmt: skip
        return self.request("GET", path, headers=upgrade)[0]

    def kernel_exchange(self, kernel_id: str, messages: list[dict[str, Any]], reply_to: str) -> dict[str, Any]:
        """Send ``messages`` (shell channel) on the kernel's websocket; return the reply to ``reply_to``."""

        async def run() -> dict[str, Any]:
            conn = await websocket_connect(self._ws_request(f"/api/kernels/{kernel_id}/channels"))
            try:
                for message in messages:
                    await conn.write_message(json.dumps(message))
                while True:
                    raw = await asyncio.wait_for(conn.read_message(), 60)
                    assert raw is not None, "the kernel websocket closed"
                    if isinstance(raw, bytes):
                        continue
                    msg = json.loads(raw)
                    if msg.get("parent_header", {}).get("msg_id") == reply_to and msg["msg_type"].endswith("_reply"):
                        return msg
            finally:
                conn.close()
                # Wait for the server's close reply, so the socket is closed before this loop ends (else
                # it lingers until garbage collection and warns as "unclosed socket" in a later test).
                with contextlib.suppress(Exception):
                    while await asyncio.wait_for(conn.read_message(), 5) is not None:
                        pass

        return _in_thread(run())


def kernel_message(msg_type: str, content: dict[str, Any]) -> dict[str, Any]:
    msg_id = uuid.uuid4().hex
    return {
        "header": {
            "msg_id": msg_id,
            "msg_type": msg_type,
            "username": "",
            "session": uuid.uuid4().hex,
            "date": "",
            "version": "5.3",
        },
        "parent_header": {},
        "metadata": {},
        "content": content,
        "channel": "shell",
        "buffers": [],
    }


def _in_thread(coro: Any) -> Any:
    # In its own thread: Playwright's sync API may already run an event loop in this one.
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coro).result(timeout=120)


def kernel_id_of(html: bytes) -> str:
    found = re.search(rb'kernelId": "([0-9a-f-]{36})"', html)
    assert found, "no kernel id in the page"
    return found.group(1).decode()
