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
4. **A browser sends its kernel only widget messages** (:class:`KitChannelsConnection`): no
   ``execute_request``, ``inspect``, ``complete``, ``input_reply`` or ``shutdown_request`` from a page.
5. **Workshop mode** (``intervisie-kit workshop``, ``docs/workshop.md``): only then does the kit listen
   beyond loopback (every interface or ``--host``, HTTPS with ``--cert``/``--key``); the access rule of
   :mod:`intervisie_kit.workshop.web` runs before any handler, and every page's kernel is bound in the
   store to the browser that opened it (a participant or the trainer) before the kernel learns its request.

Only the command line imports this module; pages never do.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import tornado.httpserver
import tornado.ioloop
import tornado.web
from jupyter_server.services.kernels.connection.base import deserialize_binary_message, deserialize_msg_from_ws_v1
from jupyter_server.services.kernels.connection.channels import ZMQChannelsWebsocketConnection
from traitlets import Bool, List, Unicode
from voila.app import Voila
from voila.tornado.contentshandler import VoilaContentsHandler
from voila.tornado.handler import TornadoVoilaHandler
from voila.tornado.treehandler import TornadoVoilaTreeHandler

from .guard import LOOPBACK_NAMES, refusal
from .paths import share_dir

__all__ = [
    "BROWSER_MESSAGES",
    "START_PAGE",
    "KitApplication",
    "KitChannelsConnection",
    "KitPageHandler",
    "KitVoila",
    "WorkshopServing",
    "voila_argv",
]

START_PAGE = "00_start.ipynb"

#: What a page's browser may send to its kernel: the widgets' messages and the connection handshake.
#: Voila runs the notebook from the server, so an ``execute_request`` (or inspect, complete, history,
#: input_reply, shutdown_request...) from a browser is never needed and is dropped.
BROWSER_MESSAGES = frozenset({"comm_msg", "comm_open", "comm_close", "comm_info_request", "kernel_info_request"})


class KitChannelsConnection(ZMQChannelsWebsocketConnection):
    """The kernel websocket, passing only :data:`BROWSER_MESSAGES` from the browser to the kernel."""

    def _message_type(self, incoming) -> str | None:  # type: ignore[no-untyped-def]
        try:
            if self.subprotocol == "v1.kernel.websocket.jupyter.org":
                _channel, parts = deserialize_msg_from_ws_v1(incoming)
                header = self.get_part("header", None, parts)
            elif isinstance(incoming, bytes):
                header = deserialize_binary_message(incoming)["header"]
            else:
                header = json.loads(incoming)["header"]
            kind = header["msg_type"]
        except Exception:  # whatever cannot be read is not passed on
            return None
        return kind if isinstance(kind, str) else None

    def handle_incoming_message(self, incoming_msg) -> None:  # type: ignore[no-untyped-def]
        kind = self._message_type(incoming_msg)
        if kind not in BROWSER_MESSAGES:
            self.log.warning("Dropped a %r message from the browser for kernel %s.", str(kind)[:40], self.kernel_id)
            return
        super().handle_incoming_message(incoming_msg)


class _RecordingKernels:
    """The kernel manager as one page request sees it: it remembers which kernel it started.

    In workshop mode it also binds that kernel to the page's owner (a participant or the trainer) in the
    store, before the kernel can learn its request: a cold kernel right after it started (Voila runs the
    first cell only after that), a preheated one as soon as the pool hands it out (before Voila sends it
    the request info).
    """

    def __init__(self, manager, bind=None):  # type: ignore[no-untyped-def]
        self._manager = manager
        self._bind = bind
        self.started: str | None = None

    def _record(self, kernel_id: str) -> None:
        self.started = kernel_id
        if self._bind is not None:
            self._bind(kernel_id)

    async def start_kernel(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        from jupyter_core.utils import ensure_async

        kernel_id = await ensure_async(self._manager.start_kernel(*args, **kwargs))
        self._record(kernel_id)
        return kernel_id

    async def get_rendered_notebook(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        result = await self._manager.get_rendered_notebook(*args, **kwargs)
        self._record(result[2])  # (render_task, rendered_cache, kernel_id)
        return result

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
        workshop = self.settings.get("kit_workshop")
        bind = None
        if workshop is not None:
            owner = workshop.owner_of_page(self.request)

            def bind(kernel_id: str) -> None:
                workshop.store.bind_kernel(kernel_id, owner)

        self._kit_kernels = _RecordingKernels(self.settings["kernel_manager"], bind)

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
        workshop = self.settings.get("kit_workshop")
        if workshop is not None:
            from .workshop import web

            decision = workshop.decide(request)
            answer = web.refusal_for(decision)
            if decision.access is web.Access.OWNER and not workshop.owner_allowed(request, decision.kernel_id):
                answer = web.kernel_refusal()
            if answer is not None:
                return self.get_handler_delegate(request, *answer)
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

    workshop = Bool(False, help="Serve a startdag workshop: listen beyond loopback, phones join.").tag(config=True)
    bind_hosts = List(
        Unicode(), default_value=[], help="Addresses to listen on in workshop mode (empty: all interfaces)."
    ).tag(config=True)
    join_url = Unicode("", help="The address phones join at (printed and shown as a QR code).").tag(config=True)
    certfile = Unicode("", help="TLS certificate (PEM) for HTTPS in workshop mode.").tag(config=True)
    keyfile = Unicode("", help="TLS private key (PEM) for HTTPS in workshop mode.").tag(config=True)

    def init_handlers(self) -> list:
        handlers = []
        if self.workshop:
            from .workshop import web

            handlers += web.handlers()
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
        settings["kernel_websocket_connection_class"] = KitChannelsConnection
        self.kernel_manager.allowed_message_types = sorted(BROWSER_MESSAGES)  # jupyter_server checks too
        if self.workshop:
            settings["kit_workshop"] = self._workshop_context()
            if self.certfile:
                settings["xsrf_cookie_kwargs"] = {"secure": True, "samesite": "Strict"}
        self.app = KitApplication(**settings)
        self.app.settings.update(self.tornado_settings)
        self.app.add_handlers(".*$", self.init_handlers())
        if self.workshop:
            self.app.settings["kit_workshop"].start()
        self.listen()

    def _workshop_context(self):  # type: ignore[no-untyped-def]
        from .journal.store import Journal
        from .workshop.store import WorkshopStore
        from .workshop.web import WorkshopContext

        return WorkshopContext(WorkshopStore(Journal()), self.join_url, https=bool(self.certfile))

    def listen(self) -> None:
        """Loopback only, as Voila does; in workshop mode every interface (or ``bind_hosts``), maybe HTTPS."""
        if not self.workshop:
            super().listen()
            return
        ssl_options = None
        if self.certfile:
            import ssl

            ssl_options = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            ssl_options.load_cert_chain(self.certfile, self.keyfile or None)
        server = tornado.httpserver.HTTPServer(self.app, ssl_options=ssl_options, max_body_size=2 * 1024 * 1024)
        for host in self.bind_hosts or [""]:
            server.listen(self.port, host)
        if "127.0.0.1" not in self.bind_hosts and self.bind_hosts:
            server.listen(self.port, "127.0.0.1")  # kernels reach the server on loopback
        self.log.info("Workshop server listening on port %i (%s).", self.port, ", ".join(self.bind_hosts) or "all")
        self.ioloop = tornado.ioloop.IOLoop.current()
        try:
            self.ioloop.start()
        except KeyboardInterrupt:
            self.log.info("Stopping...")
        finally:
            self.stop()


@dataclass(frozen=True)
class WorkshopServing:
    """How the ``workshop`` command serves: where it listens, under which names, the join address, TLS."""

    join_url: str
    allowed_hosts: tuple[str, ...]
    bind_hosts: tuple[str, ...] = ()
    certfile: str = ""
    keyfile: str = ""


def voila_argv(
    notebooks: Path,
    *,
    port: int,
    open_browser: bool = False,
    cull_idle: int | None = None,
    preheat: int = 0,
    preheat_pages: Sequence[str] = (),
    workshop: WorkshopServing | None = None,
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
        if preheat_pages:  # warm only these pages (a startdag: 04 and 06), the others start cold
            cold = sorted(nb.name for nb in notebooks.glob("*.ipynb") if nb.name[:2] not in set(preheat_pages))
            argv += [f"--VoilaKernelManager.preheat_denylist={name}" for name in cold]
    if workshop is not None:
        argv += ["--KitVoila.workshop=True", f"--KitVoila.join_url={workshop.join_url}"]
        argv += [f"--KitVoila.allowed_hosts={host}" for host in workshop.allowed_hosts]
        argv += [f"--KitVoila.bind_hosts={host}" for host in workshop.bind_hosts]
        if workshop.certfile:
            argv += [f"--KitVoila.certfile={workshop.certfile}", f"--KitVoila.keyfile={workshop.keyfile}"]
    return argv


def run(argv: list[str]) -> None:
    """Start the server (blocking). The kit's Voila template is found through ``JUPYTER_PATH``."""
    jupyter_path = os.environ.get("JUPYTER_PATH", "")
    ours = str(share_dir() / "jupyter")
    if ours not in jupyter_path.split(os.pathsep):
        os.environ["JUPYTER_PATH"] = os.pathsep.join(p for p in (ours, jupyter_path) if p)
    KitVoila.launch_instance(argv=argv)
