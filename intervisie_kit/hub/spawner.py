"""The hub side of a user's server: the database is prepared at hub start, each spawn gets its own role.

``deploy/jupyterhub/jupyterhub_config.py`` wires these in:

* :func:`prepare_database` runs once while the hub loads its configuration: migrations to HEAD, the group
  roles, grants and row-level-security policies (``HubDatabase.prepare``, idempotent). A hub whose
  database is unreachable does not start, and says why.
* :func:`pre_spawn_hook` runs before every single-user server starts: the user's own PostgreSQL role
  gets a new password, the trainee row exists, and the server's environment names that role
  (``INTERVISIE_KIT_JOURNAL``) and hub mode (``INTERVISIE_KIT_HUB=1``). The owner URL
  (``INTERVISIE_KIT_HUB_DB``) stays on the hub and is never put into a user's environment.

Each spawn sets a new password, so an older server of the same user loses its database access: the
configuration keeps named servers off (one server per user).
"""

from __future__ import annotations

import asyncio
import logging
import os
import threading
from typing import Any

from . import ADMIN_DB_ENV, HUB_ENV, ORIGIN_HUB, ORIGIN_STARTDAG

__all__ = [
    "JOURNAL_ENV",
    "SpawnRefused",
    "hub_database",
    "pre_spawn_hook",
    "prepare_database",
]

log = logging.getLogger(__name__)

JOURNAL_ENV = "INTERVISIE_KIT_JOURNAL"  # intervisie_kit.journal.store.JOURNAL_ENV, without importing the store

_SPAWN_FAILED = (
    "Je dagboek kon niet worden ingericht; probeer het zo nog eens of vraag de beheerder. / "
    "Your journal could not be set up; try again shortly or ask the administrator."
)
_NO_DATABASE = (
    "De hub heeft geen database voor de kit ({env} ontbreekt); vraag de beheerder. / "
    "The hub has no database for the kit ({env} is not set); ask the administrator."
)

_lock = threading.Lock()
_databases: dict[str, Any] = {}


class SpawnRefused(RuntimeError):
    """The server cannot start; the message (Dutch / English) is what the hub shows the user."""


def admin_url(environ: dict[str, str] | None = None) -> str | None:
    """The owner role's database URL from the hub's environment, or ``None`` when it is not set."""
    value = (os.environ if environ is None else environ).get(ADMIN_DB_ENV, "").strip()
    return value or None


def hub_database(url: str):  # type: ignore[no-untyped-def]
    """One :class:`~intervisie_kit.hub.database.HubDatabase` per owner URL for the life of the hub (its engine
    and connection pool are shared by all spawns)."""
    from .database import HubDatabase

    with _lock:
        database = _databases.get(url)
        if database is None:
            database = _databases[url] = HubDatabase(url)
        return database


def prepare_database(environ: dict[str, str] | None = None) -> bool:
    """Prepare the kit's database once at hub start; ``False`` (and a warning) when no URL is configured."""
    url = admin_url(environ)
    if url is None:
        log.warning("%s is not set: the kit's journal is not prepared and servers will not start.", ADMIN_DB_ENV)
        return False
    hub_database(url).prepare()
    log.info("The kit's database is prepared (migrations, roles, row-level security).")
    return True


def _origin(spawner) -> str:  # type: ignore[no-untyped-def]
    """``startdag`` for a startdag participant: a temporary user (the startdag's own rule) or a member of a
    startdag's group; else ``hub``."""
    from .startdag.room import GROUP_PREFIX, is_temporary

    groups = getattr(spawner.user, "groups", None) or []
    in_startdag = any(getattr(group, "name", "").startswith(GROUP_PREFIX) for group in groups)
    return ORIGIN_STARTDAG if is_temporary(spawner.user.name) or in_startdag else ORIGIN_HUB


async def pre_spawn_hook(spawner) -> None:  # type: ignore[no-untyped-def]
    """``c.Spawner.pre_spawn_hook``: the user's own database role and hub mode in the server's environment."""
    url = admin_url()
    if url is None:
        raise SpawnRefused(_NO_DATABASE.format(env=ADMIN_DB_ENV))
    hub_user = spawner.user.name
    origin = _origin(spawner)
    database = hub_database(url)
    try:
        user_url = await asyncio.to_thread(database.user_url, hub_user, origin=origin)
    except Exception:
        # The database's own error may name hosts and roles; the user sees a plain sentence, the log the rest.
        spawner.log.exception("Preparing the journal of hub user %r failed.", hub_user)
        raise SpawnRefused(_SPAWN_FAILED) from None
    # The URL already names the host the servers use (INTERVISIE_KIT_HUB_DB_HOST, applied by HubDatabase).
    spawner.environment = {**dict(spawner.environment), HUB_ENV: "1", JOURNAL_ENV: user_url}
    spawner.log.info("The journal of hub user %r is ready (own database role).", hub_user)
