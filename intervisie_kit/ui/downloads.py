"""A file to download from a page: a ``data:`` link (no server round trip, nothing stored), and a file name
made from a typed title. Pages 08 and 09 share these."""

from __future__ import annotations

import base64
import html

__all__ = ["download_link", "file_slug"]


def download_link(data: bytes, mime: str, filename: str, label: str, cls: str = "ik-download") -> str:
    """An ``<a download>`` that carries ``data`` itself; file name and label are escaped."""
    b64 = base64.b64encode(data).decode()
    return (
        f"<a class='{html.escape(cls, quote=True)}' download='{html.escape(filename, quote=True)}' "
        f"href='data:{mime};base64,{b64}'>{html.escape(label)}</a>"
    )


def file_slug(text: str) -> str:
    """Letters and digits of ``text`` joined by dashes, at most 40 characters: safe in any file name."""
    out = "".join(ch.lower() if ch.isalnum() else "-" for ch in text).strip("-")
    return "-".join(p for p in out.split("-") if p)[:40] or "intervisie"
