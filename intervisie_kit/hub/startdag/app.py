"""The startdag service's application and its entry point (``intervisie-kit hub-startdag``)."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import os
import secrets
import sys
from typing import Any
from urllib.parse import urlparse

import tornado.web
from jupyterhub.services.auth import HubOAuthCallbackHandler

from ...workshop import web
from .. import ADMIN_DB_ENV, STARTDAG_SERVICE
from .regie import Regie
from .room import StartdagRoom
from .service import Home, HubApi, JoinRedirect, PhonePage, Startdag, WallPage, api_handlers

__all__ = ["main", "make_app"]

log = logging.getLogger(__name__)


def make_app(startdag: Startdag, *, cookie_secret: bytes | None = None) -> tornado.web.Application:
    """The service's tornado application under ``startdag.prefix``."""
    p = startdag.prefix
    routes: list[Any] = [
        (p, Home),
        (p + "oauth_callback", HubOAuthCallbackHandler),
        (p + "regie", Regie),
        (p + "join", JoinRedirect),
        (p + "workshop/phone", PhonePage),
        (p + "workshop/wall", WallPage),
        *((p + path, handler) for path, handler in api_handlers),
        (p + "workshop/static/(.*)", web.StaticFiles, {"path": str(web.STATIC_DIR)}),
    ]
    context = web.WorkshopContext(startdag.room.store, "")
    return tornado.web.Application(
        routes,
        cookie_secret=cookie_secret or secrets.token_bytes(32),
        kit_workshop=context,
        kit_log=log,
        ik_startdag=startdag,
    )


def main(argv: list[str] | None = None) -> int:
    """Run the startdag service as the hub starts it (``JUPYTERHUB_*`` and ``INTERVISIE_KIT_HUB_DB``)."""
    parser = argparse.ArgumentParser(prog="intervisie-kit hub-startdag", description=main.__doc__)
    parser.add_argument("--public-url", default="", help="the hub's public address, for the join link and QR code")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="[%(levelname)s %(asctime)s %(name)s] %(message)s")
    admin_url = os.environ.get(ADMIN_DB_ENV, "")
    missing = [
        name
        for name in ("JUPYTERHUB_API_TOKEN", "JUPYTERHUB_API_URL", "JUPYTERHUB_SERVICE_URL")
        if not os.environ.get(name)
    ]
    if not admin_url:
        missing.append(ADMIN_DB_ENV)
    if missing:
        print(f"intervisie-startdag: missing environment: {', '.join(missing)}", file=sys.stderr)
        return 2
    prefix = os.environ.get("JUPYTERHUB_SERVICE_PREFIX", f"/services/{STARTDAG_SERVICE}/")
    base_url = os.environ.get("JUPYTERHUB_BASE_URL", "/")
    public = args.public_url or os.environ.get("JUPYTERHUB_PUBLIC_URL", "")
    startdag = Startdag(
        StartdagRoom(admin_url),
        HubApi(os.environ["JUPYTERHUB_API_URL"], os.environ["JUPYTERHUB_API_TOKEN"]),
        prefix=prefix,
        base_url=base_url,
        public_url=public,
    )
    startdag.room.store.version()  # the database answers, or the service stops here with the reason
    bind = urlparse(os.environ["JUPYTERHUB_SERVICE_URL"])
    app = make_app(startdag)

    async def serve() -> None:
        app.listen(bind.port or 80, bind.hostname or "127.0.0.1", xheaders=True)
        app.settings["kit_workshop"].start()
        log.info("Startdag service at %s (prefix %s)", os.environ["JUPYTERHUB_SERVICE_URL"], prefix)
        await asyncio.Event().wait()

    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve())
    return 0
