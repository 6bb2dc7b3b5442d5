"""The kit as a Jupyter Server extension: what ``intervisie-kit serve`` does, inside a single-user server.

On JupyterHub every user gets a single-user server (``jupyterhub-singleuser``, a jupyter_server with the
hub's OAuth in front). This extension turns that server into the kit:

* Voila's own server extension is loaded with the kit's :class:`~intervisie_kit.server.KitPageHandler`
  in place of ``TornadoVoilaHandler``, so a closed tab frees its kernel (the page sets the ``_xsrf``
  cookie the shutdown beacon sends back; on a hub that is JupyterHub's xsrf cookie on ``/user/<name>/``)
  and a page whose kernel died says so;
* no listings: ``/voila``, ``/voila/tree/...`` and ``/tree/...`` redirect to the start page, and both
  contents APIs (``/voila/api/contents`` and jupyter_server's ``/api/contents``) answer 404;
* no page asks anything of another site (no MathJax from a CDN, as in ``serve``);
* the kit's Voila settings (``share/config/voila.json``: template ``intervisie``, no sources, no
  tracebacks) and its kernel settings (idle culling, ``ipc`` transport) apply unless the server's own
  configuration names them; the kit's template is found through ``JUPYTER_PATH``;
* a browser may send its kernel only widget messages (:class:`~intervisie_kit.server.KitChannelsConnection`
  as the kernel websocket connection class, and ``allowed_message_types``).

The kit's own Host/Origin guard (:class:`~intervisie_kit.server.KitApplication`) is not used here: it is
made for a server on loopback. On a hub the single-user server is reached through the hub's proxy under
the institute's host name; jupyter_server's own checks (XSRF, websocket Origin against the Host) and the
hub's OAuth (only the owner's token or cookie gets in) protect it. ``docs/hub.md`` says more.

Enable with ``--ServerApp.jpserver_extensions={"intervisie_kit.hub.extension": True}`` (the
``intervisie-kit singleuser`` command does, and turns Voila's and JupyterLab's own extensions off).
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterator
from typing import Any

import tornado.web

__all__ = [
    "KIT_EXTENSION",
    "START_URL",
    "kit_settings",
    "start_url",
]

#: The name under which jupyter_server loads this extension.
KIT_EXTENSION = "intervisie_kit.hub.extension"

#: The start page, relative to the server's base URL (``/user/<name>/`` on a hub).
START_URL = "voila/render/00_start.ipynb"


def _jupyter_server_extension_points() -> list[dict[str, str]]:
    return [{"module": KIT_EXTENSION}]


def kit_settings() -> dict[str, dict[str, Any]]:
    """The kit's shipped ``voila.json``: ``VoilaConfiguration``, ``MappingKernelManager``, ``KernelManager``."""
    from ..paths import share_dir

    return json.loads((share_dir() / "config" / "voila.json").read_text(encoding="utf-8"))


def start_url(base_url: str) -> str:
    """The start page under ``base_url``."""
    from jupyter_server.utils import url_path_join

    return url_path_join(base_url or "/", START_URL)


def ensure_template_path() -> None:
    """Put the kit's Jupyter data folder (its Voila template) on ``JUPYTER_PATH``, as ``server.run`` does."""
    from ..paths import share_dir

    ours = str(share_dir() / "jupyter")
    current = os.environ.get("JUPYTER_PATH", "")
    if ours not in current.split(os.pathsep):
        os.environ["JUPYTER_PATH"] = os.pathsep.join(p for p in (ours, current) if p)


class _NotFoundHandler(tornado.web.RequestHandler):
    def prepare(self) -> None:
        raise tornado.web.HTTPError(404)


def _apply_defaults(server_app, settings: dict[str, dict[str, Any]]) -> None:  # type: ignore[no-untyped-def]
    """The kit's settings, where the server's configuration (files, command line) does not name them."""
    from traitlets.config import Config

    configured = server_app.config
    voila = {k: v for k, v in settings.get("VoilaConfiguration", {}).items() if k not in configured.VoilaConfiguration}
    if voila:  # read by VoilaConfiguration(parent=server_app) inside Voila's loader
        server_app.config.VoilaConfiguration.merge(Config(voila))

    manager = server_app.kernel_manager
    for name, value in settings.get("MappingKernelManager", {}).items():
        if name not in configured.MappingKernelManager and manager.has_trait(name):
            setattr(manager, name, value)  # the culler starts with the first kernel and reads these then
    per_kernel = {k: v for k, v in settings.get("KernelManager", {}).items() if k not in configured.KernelManager}
    if per_kernel:  # every kernel's manager is created with the mapping manager as parent and reads its config
        manager.update_config(Config({"KernelManager": per_kernel}))


@contextlib.contextmanager
def _kit_handlers(web_app, base_url: str) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """While Voila's extension loads, swap its page handler for the kit's and its listings for redirects."""
    from voila.tornado.contentshandler import VoilaContentsHandler
    from voila.tornado.handler import TornadoVoilaHandler
    from voila.tornado.treehandler import TornadoVoilaTreeHandler

    from ..server import KitPageHandler

    start = start_url(base_url)
    original = web_app.add_handlers

    def add_handlers(host_pattern, host_handlers):  # type: ignore[no-untyped-def]
        kit = []
        for spec in host_handlers:
            pattern, handler, *rest = spec
            if handler is TornadoVoilaHandler:
                kit.append((pattern, KitPageHandler, *rest))
            elif handler is TornadoVoilaTreeHandler:
                kit.append((pattern, tornado.web.RedirectHandler, {"url": start, "permanent": False}))
            elif handler is VoilaContentsHandler:
                kit.append((pattern, _NotFoundHandler))
            else:
                kit.append(spec)
        return original(host_pattern, kit)

    web_app.add_handlers = add_handlers  # an instance attribute shadows the method for this load only
    try:
        yield
    finally:
        del web_app.add_handlers


def _load_jupyter_server_extension(server_app) -> None:  # type: ignore[no-untyped-def]
    from jupyter_server.base.handlers import path_regex
    from jupyter_server.utils import url_path_join
    from voila import server_extension as voila_extension

    from ..server import BROWSER_MESSAGES, KitChannelsConnection

    ensure_template_path()
    _apply_defaults(server_app, kit_settings())
    web_app = server_app.web_app
    # As the Voila application does: no MathJax URL, so a page never loads it from a CDN (Voila's server
    # extension falls back to cdnjs when the setting is missing).
    web_app.settings.setdefault("mathjax_url", None)
    web_app.settings.setdefault("mathjax_config", None)
    base_url = web_app.settings["base_url"]
    with _kit_handlers(web_app, base_url):
        voila_extension._load_jupyter_server_extension(server_app)

    # Handlers added by extensions come before jupyter_server's own, so these win over its contents API.
    redirect = {"url": start_url(base_url), "permanent": False}
    web_app.add_handlers(
        ".*$",
        [
            (url_path_join(base_url, "/api/contents" + path_regex), _NotFoundHandler),
            (url_path_join(base_url, "/tree" + path_regex), tornado.web.RedirectHandler, redirect),
        ],
    )

    current = web_app.settings.get("kernel_websocket_connection_class")
    if not (isinstance(current, type) and issubclass(current, KitChannelsConnection)):
        web_app.settings["kernel_websocket_connection_class"] = KitChannelsConnection
    server_app.kernel_manager.allowed_message_types = sorted(BROWSER_MESSAGES)
    server_app.log.info("intervisie-kit: the kit's pages are served at %s", redirect["url"])
