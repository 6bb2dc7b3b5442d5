"""Where the room can reach the trainer's laptop, and the QR code that takes a phone there.

:func:`lan_addresses` finds the laptop's IPv4 addresses on the local network: the one the operating
system would use to reach the outside (a UDP socket is "connected", which sends nothing, and asked for
its own address) first, then every other non-loopback IPv4 address of the machine. Nothing here sends a
packet. :func:`qr_svg` draws the join address as an inline SVG (segno), built once per address.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterable
from functools import lru_cache
from html import escape

__all__ = ["is_loopback", "join_url", "lan_addresses", "qr_svg"]


def is_loopback(address: str | None) -> bool:
    """Is ``address`` (a request's ``remote_ip``) this machine's loopback, IPv4-mapped forms included?"""
    if not address:
        return False
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    mapped = getattr(ip, "ipv4_mapped", None)
    return (mapped or ip).is_loopback


def _usable(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return ip.version == 4 and not ip.is_loopback and not ip.is_unspecified and not ip.is_link_local


def _routed_address() -> str | None:
    """The address the system would send from; a UDP connect sends no packet."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:
            s.connect(("192.0.2.1", 9))  # TEST-NET-1: never routed anywhere, only used to pick a source
            return s.getsockname()[0]
        except OSError:
            return None


def _host_addresses() -> list[str]:
    found: list[str] = []
    try:
        infos = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
    except OSError:
        infos = []
    found += [info[4][0] for info in infos]
    try:
        import psutil  # present with jupyter; gives every interface, not only the host name's

        for addrs in psutil.net_if_addrs().values():
            found += [a.address for a in addrs if a.family == socket.AF_INET]
    except Exception:  # interface listing is a best effort; the routed address is enough
        pass
    return found


def lan_addresses(extra: Iterable[str] = ()) -> list[str]:
    """The laptop's non-loopback IPv4 addresses, the routed one first, then ``extra`` (``--host``)."""
    ordered: list[str] = []
    for address in [_routed_address() or "", *_host_addresses()]:
        if _usable(address) and address not in ordered:
            ordered.append(address)
    for address in extra:
        if address and address not in ordered and address not in ("0.0.0.0", "::"):
            ordered.append(address)
    return ordered


def join_url(host: str, port: int, https: bool = False) -> str:
    scheme = "https" if https else "http"
    default = 443 if https else 80
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"
    return f"{scheme}://{host}{'' if port == default else f':{port}'}/join"


@lru_cache(maxsize=16)
def qr_svg(url: str, title: str = "QR-code om mee te doen / QR code to join") -> str:
    """The QR code for ``url`` as an inline SVG element (no XML declaration), with a title."""
    import segno

    return segno.make(url, error="m").svg_inline(scale=6, title=escape(title), dark="#000", light="#fff")
