"""Which requests may reach the kit: only those addressed to the kit's own host and port.

A web page on any site can make the browser send requests to ``127.0.0.1``; the browser's same-origin
rule stops that page from *reading* the answers, unless the attacker's own host name resolves to
``127.0.0.1`` (DNS rebinding). Then the page is same-origin with its own name, and only the ``Host``
header still tells the kit that the request was meant for someone else. So the kit serves a request
only when its ``Host`` names one of the addresses the kit serves on (loopback names by default; the
workshop's LAN address when a trainer opens one) with the kit's own port, and a request that carries an
``Origin`` (every websocket upgrade, every cross-site fetch or form post) only when that origin is the
kit itself.

Pure functions without tornado, so they are tested on their own; :mod:`intervisie_kit.server` applies
them to every request before any handler runs.
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlsplit

__all__ = ["LOOPBACK_NAMES", "MAX_HOST_HEADER", "host_allowed", "origin_allowed", "refusal"]

#: The names a browser on the same computer uses for the kit.
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")

#: A Host or Origin header longer than this is refused without parsing.
MAX_HOST_HEADER = 300

_DEFAULT_PORTS = {"http": 80, "https": 443}


def _split(netloc: str) -> tuple[str, int | None] | None:
    """``host[:port]`` -> (lower-case host without IPv6 brackets, port or None); None when malformed."""
    try:
        parts = urlsplit(f"//{netloc}")
        host, port = parts.hostname, parts.port
    except ValueError:
        return None
    if not host or parts.username is not None or parts.path or parts.query or parts.fragment:
        return None
    return host.lower(), port


def host_allowed(host_header: str | None, names: Iterable[str], port: int, scheme: str = "http") -> bool:
    """Is ``Host`` one of ``names`` with the kit's ``port`` (or no port when the port is the default)?"""
    if not host_header or len(host_header) > MAX_HOST_HEADER:
        return False
    split = _split(host_header.strip())
    if split is None:
        return False
    host, given = split
    if given is None:
        given = _DEFAULT_PORTS.get(scheme)
    return given == port and host in {n.lower().strip("[]") for n in names}


def origin_allowed(origin: str | None, names: Iterable[str], port: int) -> bool:
    """An absent ``Origin`` is allowed (same-origin navigation); a present one must be the kit itself."""
    if origin is None:
        return True
    if len(origin) > MAX_HOST_HEADER:
        return False
    try:
        parts = urlsplit(origin.strip())
    except ValueError:
        return False
    if parts.scheme not in _DEFAULT_PORTS or parts.path not in ("", "/") or parts.query or parts.fragment:
        return False  # "null" (a sandboxed frame or a file:// page) ends up here too
    return host_allowed(parts.netloc, names, port, parts.scheme)


def refusal(host: str | None, origin: str | None, names: Iterable[str], port: int, scheme: str = "http") -> str:
    """Why a request is refused ("" when it may pass), for the server log."""
    names = tuple(names)
    if not host_allowed(host, names, port, scheme):
        return "foreign Host"
    if not origin_allowed(origin, names, port):
        return "foreign Origin"
    return ""
