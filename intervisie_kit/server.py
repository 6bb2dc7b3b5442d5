"""The Voila server that serves the kit's pages, with two fixes on top of stock Voila.

1. **A closed tab frees its kernel.** When a page closes, the widget manager posts a shutdown beacon
   with the ``_xsrf`` value it reads from ``document.cookie``. Stock Voila never sets that cookie on the
   page response, so the beacon is refused (voila issue 1458) and every closed tab leaves a ~100 MB
   kernel behind. :class:`KitPageHandler` sets the cookie by touching tornado's ``xsrf_token`` before the
   page is written, so the beacon carries a valid token and XSRF protection stays on for everything else.
   Idle-kernel culling (``voila.json``) remains as a backstop for tabs that vanish without a beacon
   (a phone that runs out of battery, a killed browser).
2. **The root URL opens the start page** instead of a file listing.

Only the command line imports this module; pages never do.
"""

from __future__ import annotations

import os
from pathlib import Path

import tornado.web
from voila.app import Voila
from voila.tornado.handler import TornadoVoilaHandler
from voila.tornado.treehandler import TornadoVoilaTreeHandler

from .paths import share_dir

__all__ = ["START_PAGE", "KitPageHandler", "KitVoila", "voila_argv"]

START_PAGE = "00_start.ipynb"


class KitPageHandler(TornadoVoilaHandler):
    """Renders a page and makes sure the browser holds the ``_xsrf`` cookie for the shutdown beacon."""

    async def prepare(self) -> None:  # type: ignore[override]
        await super().prepare()
        # Reading the token sets the cookie (tornado's double-submit XSRF scheme). It has to happen here,
        # before the streamed page flushes its headers.
        _ = self.xsrf_token


class KitVoila(Voila):
    """Voila with the kit's page handler and a root URL that leads to the start page."""

    name = "intervisie-kit"

    def init_handlers(self) -> list:
        handlers = []
        for spec in super().init_handlers():
            pattern, handler, *rest = spec
            if handler is TornadoVoilaHandler:
                handler = KitPageHandler
            elif handler is TornadoVoilaTreeHandler and pattern.rstrip("/") == self.server_url.rstrip("/"):
                target = f"{self.server_url.rstrip('/')}/voila/render/{START_PAGE}"
                handlers.append((pattern, tornado.web.RedirectHandler, {"url": target}))
                continue
            handlers.append((pattern, handler, *rest))
        return handlers


def voila_argv(
    notebooks: Path, *, port: int, open_browser: bool = False, cull_idle: int | None = None, preheat: int = 0
) -> list[str]:
    """The command line for :class:`KitVoila`; the shipped ``voila.json`` holds everything else."""
    argv = [
        str(notebooks),
        f"--port={port}",
        "--Voila.ip=127.0.0.1",
        f"--Voila.open_browser={open_browser}",
        f"--Voila.config_file_paths={share_dir() / 'config'}",
    ]
    if cull_idle is not None:
        argv += [
            f"--MappingKernelManager.cull_idle_timeout={cull_idle}",
            f"--MappingKernelManager.cull_interval={max(1, min(60, cull_idle // 2))}",
        ]
    if preheat:
        argv += ["--preheat_kernel=True", f"--pool_size={preheat}"]
    return argv


def run(argv: list[str]) -> None:
    """Start the server (blocking). The kit's Voila template is found through ``JUPYTER_PATH``."""
    jupyter_path = os.environ.get("JUPYTER_PATH", "")
    ours = str(share_dir() / "jupyter")
    if ours not in jupyter_path.split(os.pathsep):
        os.environ["JUPYTER_PATH"] = os.pathsep.join(p for p in (ours, jupyter_path) if p)
    KitVoila.launch_instance(argv=argv)
