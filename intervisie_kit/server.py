"""The Voila server that serves the kit's pages, with two fixes on top of stock Voila.

1. **A closed tab frees its kernel.** When a page closes, the widget manager posts a shutdown beacon
   with the ``_xsrf`` value it reads from ``document.cookie``. Stock Voila never sets that cookie on the
   page response, so the beacon is refused (voila issue 1458) and every closed tab leaves a ~100 MB
   kernel behind. :class:`KitPageHandler` sets the cookie by touching tornado's ``xsrf_token`` before the
   page is written, so the beacon carries a valid token and XSRF protection stays on for everything else.
   Idle-kernel culling (``voila.json``) remains as a backstop for tabs that vanish without a beacon
   (a phone that runs out of battery, a killed browser).
2. **The root URL opens the start page**, and the file listings (``/voila/tree``, ``/voila/api/contents``)
   are gone: the tree redirects to the start page, the contents API answers 404.
3. **Only the kit's own Host and Origin get in** (:mod:`intervisie_kit.guard`): stock Voila turns
   jupyter_server's host check off (``allow_remote_access=True``), which lets a hostile website reach the
   pages and kernels through DNS rebinding. :class:`KitApplication` checks every request, websocket
   upgrades and static files included, before any handler runs, and answers 403 otherwise.

Only the command line imports this module; pages never do.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import tornado.web
from traitlets import List, Unicode
from voila.app import Voila
from voila.tornado.contentshandler import VoilaContentsHandler
from voila.tornado.handler import TornadoVoilaHandler
from voila.tornado.treehandler import TornadoVoilaTreeHandler

from .guard import LOOPBACK_NAMES, refusal
from .paths import share_dir

__all__ = ["START_PAGE", "KitApplication", "KitPageHandler", "KitVoila", "voila_argv"]

START_PAGE = "00_start.ipynb"


class _RecordingKernels:
    """The kernel manager as one page request sees it: it remembers which kernel it started."""

    def __init__(self, manager):  # type: ignore[no-untyped-def]
        self._manager = manager
        self.started: str | None = None

    async def start_kernel(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        from jupyter_core.utils import ensure_async

        self.started = await ensure_async(self._manager.start_kernel(*args, **kwargs))
        return self.started

    def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
        return getattr(self._manager, name)


#: Written into a page whose kernel died before the page was complete; startup.js shows the message.
PAGE_FAILED = "<script>window.ikStartupFailed && window.ikStartupFailed();</script>"


class KitPageHandler(TornadoVoilaHandler):
    """Renders a page; holds the ``_xsrf`` cookie for the shutdown beacon; ends a page whose kernel died.

    Stock Voila renders the notebook in a background task and sends a heartbeat every few seconds while
    it waits. When the kernel dies before it answers (a full laptop at a startdag), that task fails
    silently and the heartbeats go on forever: an endless spinner. Here the page's own kernel is watched
    between snippets; when it is gone, the page gets the kit's "could not start" message and ends.
    """

    async def prepare(self) -> None:  # type: ignore[override]
        await super().prepare()
        # Reading the token sets the cookie (tornado's double-submit XSRF scheme). It has to happen here,
        # before the streamed page flushes its headers.
        _ = self.xsrf_token
        self._kit_kernels = _RecordingKernels(self.settings["kernel_manager"])

    @property
    def kernel_manager(self):  # type: ignore[no-untyped-def]
        return getattr(self, "_kit_kernels", None) or self.settings["kernel_manager"]

    def _kernel_gone(self) -> bool:
        kernel_id = self._kit_kernels.started
        return kernel_id is not None and kernel_id not in self.settings["kernel_manager"]

    @tornado.web.authenticated
    async def get(self, path=None):  # type: ignore[no-untyped-def, override]
        generator = self.get_generator(path=path)
        try:
            async for snippet in generator:
                self.write(snippet)
                self.flush()
                if self._kernel_gone():
                    self.log.warning("The kernel of %s died before the page was ready; the page says so.", path)
                    self.write(PAGE_FAILED)
                    break
        except Exception:
            if not self._headers_written:
                raise
            self.log.exception("Rendering %s failed after it started; the page says so.", path)
            self.write(PAGE_FAILED)
        finally:
            await generator.aclose()


class RefusedHandler(tornado.web.RequestHandler):
    """Answers 403 to every method: the request was not addressed to the kit."""

    def initialize(self, reason: str) -> None:
        self.reason = reason

    def prepare(self) -> None:
        self.application.settings["kit_log"].warning(
            "Refused %s %s: %s (Host %r, Origin %r)",
            self.request.method,
            self.request.path[:200],
            self.reason,
            (self.request.headers.get("Host") or "")[:200],
            (self.request.headers.get("Origin") or "")[:200],
        )
        self.set_status(403)
        self.set_header("Content-Type", "text/plain; charset=utf-8")
        self.finish("403: dit adres hoort niet bij de intervisie-kit / this address does not belong to the kit\n")


class KitApplication(tornado.web.Application):
    """A tornado application that serves a request only when it is addressed to the kit itself."""

    def find_handler(self, request, **kwargs):  # type: ignore[no-untyped-def]
        names, port = self.settings["kit_allowed_hosts"], self.settings["kit_voila"].port
        reason = refusal(request.headers.get("Host"), request.headers.get("Origin"), names, port, request.protocol)
        if reason:
            return self.get_handler_delegate(request, RefusedHandler, {"reason": reason})
        return super().find_handler(request, **kwargs)


class NotFoundHandler(tornado.web.RequestHandler):
    def prepare(self) -> None:
        raise tornado.web.HTTPError(404)


class KitVoila(Voila):
    """Voila with the kit's page handler, no listings, and only the kit's own Host and Origin."""

    name = "intervisie-kit"

    allowed_hosts = List(
        Unicode(),
        default_value=list(LOOPBACK_NAMES),
        help="Host names (or addresses) the kit answers to; requests for any other Host are refused.",
    ).tag(config=True)

    def init_handlers(self) -> list:
        handlers = []
        start = f"{self.server_url.rstrip('/')}/voila/render/{START_PAGE}"
        for spec in super().init_handlers():
            pattern, handler, *rest = spec
            if handler is TornadoVoilaHandler:
                handler = KitPageHandler
            elif handler is TornadoVoilaTreeHandler:  # the root and /voila/tree: no listing, the start page
                handlers.append((pattern, tornado.web.RedirectHandler, {"url": start}))
                continue
            elif handler is VoilaContentsHandler:  # the notebook list as JSON
                handlers.append((pattern, NotFoundHandler))
                continue
            handlers.append((pattern, handler, *rest))
        return handlers

    def start(self) -> None:
        # Voila.start, with KitApplication instead of tornado.web.Application (voila 0.5.13).
        self.connection_dir = tempfile.mkdtemp(prefix="voila_", dir=self.connection_dir_root)
        self.log.info("Storing connection files in %s.", self.connection_dir)
        settings = self.init_settings()
        settings.update(kit_allowed_hosts=tuple(self.allowed_hosts), kit_voila=self, kit_log=self.log)
        self.app = KitApplication(**settings)
        self.app.settings.update(self.tornado_settings)
        self.app.add_handlers(".*$", self.init_handlers())
        self.listen()


def voila_argv(
    notebooks: Path, *, port: int, open_browser: bool = False, cull_idle: int | None = None, preheat: int = 0
) -> list[str]:
    """The command line for :class:`KitVoila`; the shipped ``voila.json`` holds everything else."""
    argv = [
        str(notebooks),
        f"--port={port}",
        "--Voila.ip=127.0.0.1",
        "--Voila.port_retries=0",  # a taken port is an error, not a silent move to another address
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
