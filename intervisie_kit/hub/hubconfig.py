"""The kit's part of a JupyterHub configuration, in one function that every way of running a hub calls.

``deploy/jupyterhub/jupyterhub_config.py`` (TLJH's ``jupyterhub_config.d``, a plain ``jupyterhub -f``),
the TLJH plugin (``deploy/jupyterhub/tljh``) and the Zero to JupyterHub ``extraConfig``
(``deploy/jupyterhub/z2jh-values.yaml``) all call :func:`configure_hub` on the hub's config object, so
the three stay the same. It sets only the kit's parts; the institute chooses the authenticator (and, on
Kubernetes, the chart chooses the spawner):

* every user's server is ``intervisie-kit singleuser`` with the start page as default URL, one server per
  user, no user-controlled Jupyter config, and ``pre_spawn_hook`` (the user's own database role);
* the database is prepared once while the hub starts (``HubDatabase.prepare``: migrations, roles, RLS);
* the hub-managed services ``intervisie-trainer``, ``intervisie-startdag`` and ``idle-culler``, and the
  roles that give each of them only the scopes it needs, trainers (the trainer group) access to both kit
  services and every user access to the startdag service (the service itself decides what a user who is
  not in a running startdag sees);
* when the startdag part is installed, the configured authenticator gets the ``/hub/startdag`` join
  handler (:func:`use_startdag`; a configuration that sets the authenticator later calls it again).

Everything an institute may want to change comes from the environment (:data:`ENVIRONMENT`), so the
configuration files themselves need no edits; ``deploy/jupyterhub/README.md`` lists them.
"""

from __future__ import annotations

import inspect
import logging
import os
import sys
from collections.abc import Mapping
from typing import Any

from . import (
    ADMIN_DB_ENV,
    DB_HOST_ENV,
    DEFAULT_TRAINER_GROUP,
    STARTDAG_SERVICE,
    TRAINER_GROUP_ENV,
    TRAINER_SERVICE,
)

__all__ = [
    "CULLER_SERVICE",
    "ENVIRONMENT",
    "HubSettings",
    "configure_hub",
    "hub_settings",
    "use_startdag",
]

log = logging.getLogger(__name__)

CULLER_SERVICE = "idle-culler"
SINGLEUSER_CMD = ["intervisie-kit", "singleuser"]

#: The environment variables the hub configuration reads, with their defaults.
ENVIRONMENT = {
    ADMIN_DB_ENV: "",  # the owner role's PostgreSQL URL (required for servers to start)
    DB_HOST_ENV: "",  # the database host as single-user servers reach it, if not the hub's
    TRAINER_GROUP_ENV: DEFAULT_TRAINER_GROUP,
    "INTERVISIE_KIT_LANG": "",  # nl (default) or en: the language of pages and services
    "INTERVISIE_KIT_SERVICE_HOST": "127.0.0.1",  # where the kit's services listen (the proxy must reach it)
    "INTERVISIE_KIT_TRAINER_PORT": "10101",
    "INTERVISIE_KIT_STARTDAG_PORT": "10102",
    "INTERVISIE_KIT_CULL_TIMEOUT": "3600",  # seconds without activity before a user's server is stopped
    "INTERVISIE_KIT_CULL_EVERY": "300",  # seconds between the culler's rounds
    "INTERVISIE_KIT_CULLER": "1",  # 0: no idle-culler service (the Z2JH chart runs its own)
    "INTERVISIE_KIT_PREPARE_DB": "1",  # 0: do not run migrations at hub start (someone else does)
}

#: Passed on to the kit's services (they run with the hub's Python and read these themselves).
_SERVICE_ENV = (ADMIN_DB_ENV, DB_HOST_ENV, TRAINER_GROUP_ENV, "INTERVISIE_KIT_LANG")

#: Scopes per service: only what each one calls in the hub's REST API.
SERVICE_SCOPES = {
    TRAINER_SERVICE: ["read:users:name", "read:users:groups", "read:groups"],
    STARTDAG_SERVICE: [
        "admin:users",  # create and delete the temporary startdag users
        "admin:groups",  # the workshop's group startdag-<id>
        "admin:servers",  # stop a participant's server before the user is deleted
        "list:users",
        "read:users",
        "read:groups",
    ],
    CULLER_SERVICE: ["list:users", "read:users:activity", "read:servers", "delete:servers"],
}


class HubSettings(dict):
    """The hub configuration's inputs, read once from the environment (defaults from :data:`ENVIRONMENT`)."""

    def number(self, name: str) -> int:
        value = self[name]
        try:
            number = int(value)
        except ValueError:
            raise ValueError(f"{name} must be a whole number, not {value[:40]!r}") from None
        if number <= 0:
            raise ValueError(f"{name} must be positive, not {number}")
        return number


def hub_settings(environ: Mapping[str, str] | None = None) -> HubSettings:
    source = os.environ if environ is None else environ
    return HubSettings({name: (source.get(name) or default).strip() for name, default in ENVIRONMENT.items()})


#: The kit's hub services: name, port setting, ``intervisie-kit`` command, module that serves it.
KIT_SERVICES = (
    (TRAINER_SERVICE, "INTERVISIE_KIT_TRAINER_PORT", "hub-trainer", "intervisie_kit.hub.trainer"),
    (STARTDAG_SERVICE, "INTERVISIE_KIT_STARTDAG_PORT", "hub-startdag", "intervisie_kit.hub.startdag"),
)


def _installed(module: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(module) is not None


def _services(settings: HubSettings) -> list[dict[str, Any]]:
    """The services to run. A kit service whose part is not installed is left out (with a warning): a
    managed service that exits at once would stop the whole hub."""
    python = sys.executable  # the hub's own Python: the kit and the culler are installed next to JupyterHub
    env = {name: settings[name] for name in _SERVICE_ENV if settings[name]}
    host = settings["INTERVISIE_KIT_SERVICE_HOST"]
    services: list[dict[str, Any]] = []
    for name, port, command, module in KIT_SERVICES:
        url = f"http://{host}:{settings.number(port)}"
        if not _installed(module):
            log.warning("%s is not installed: the hub runs without the service %s.", module, name)
            continue
        services.append(
            {
                "name": name,
                "url": url,
                "command": [python, "-m", "intervisie_kit.cli", command],
                "environment": dict(env),
                "oauth_no_confirm": True,  # the institute's own service: no "authorize this app" page
            }
        )
    if settings["INTERVISIE_KIT_CULLER"] != "0":
        timeout, every = settings.number("INTERVISIE_KIT_CULL_TIMEOUT"), settings.number("INTERVISIE_KIT_CULL_EVERY")
        command = [python, "-m", "jupyterhub_idle_culler", f"--timeout={timeout}", f"--cull-every={every}"]
        services.append({"name": CULLER_SERVICE, "command": command})
    return services


def _roles(settings: HubSettings, running: set[str]) -> list[dict[str, Any]]:
    """The roles of the ``running`` services, of the trainer group, and the extended default role."""
    roles: list[dict[str, Any]] = [
        {"name": f"{name}-service", "scopes": scopes, "services": [name]}
        for name, scopes in SERVICE_SCOPES.items()
        if name in running
    ]
    access = [f"access:services!service={name}" for name in (TRAINER_SERVICE, STARTDAG_SERVICE) if name in running]
    if access:
        roles.append(
            {
                "name": "intervisie-trainers",
                "description": "Trainers: the trainer page and the startdag regie",
                "scopes": access,
                "groups": [settings[TRAINER_GROUP_ENV]],
            }
        )
    if STARTDAG_SERVICE in running:
        # Extends JupyterHub's default role of every user: their own things ("self") and the startdag
        # service (startdag groups are made at run time, and roles come only from configuration).
        roles.append({"name": "user", "scopes": ["self", f"access:services!service={STARTDAG_SERVICE}"]})
    return roles


def _merge_named(existing: list[dict[str, Any]], ours: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``ours`` replace entries of the same name (the scopes of a role are joined); other entries stay."""
    before = {entry.get("name"): entry for entry in existing}
    merged = []
    for entry in ours:
        old = before.get(entry["name"])
        if old is not None and "scopes" in entry:
            entry = {**entry, "scopes": list(dict.fromkeys([*old.get("scopes", []), *entry["scopes"]]))}
        merged.append(entry)
    names = {entry["name"] for entry in ours}
    return [*(entry for entry in existing if entry.get("name") not in names), *merged]


def _configured(section: Any, name: str) -> Any:
    return section.get(name)


def use_startdag(c: Any) -> bool:
    """Give the configured authenticator the startdag join handler (part E), once; ``False`` if not possible.

    Not possible when the startdag part is not installed or no authenticator is configured yet (the
    institute's own configuration, loaded later, calls this again after choosing one).
    """
    try:
        from .startdag import with_startdag
    except ModuleNotFoundError as exc:
        if exc.name != f"{__package__}.startdag":
            raise
        return False
    current = _configured(c.JupyterHub, "authenticator_class")
    if current is None:
        return False
    authenticator = _authenticator_class(current)
    if getattr(authenticator, "_kit_startdag", False):  # already has the join handler
        return True
    wrapped = with_startdag(authenticator)
    wrapped._kit_startdag = True  # loading the configuration twice wraps once
    c.JupyterHub.authenticator_class = wrapped
    return True


def _authenticator_class(value: Any) -> type:
    """A class, a dotted import path, or an entry-point name such as ``"dummy"`` or ``"github"``."""
    if isinstance(value, type):
        return value
    name = str(value)
    if "." in name:
        from traitlets.utils.importstring import import_item

        return import_item(name)
    from importlib.metadata import entry_points

    for entry in entry_points(group="jupyterhub.authenticators"):
        if entry.name == name:
            return entry.load()
    raise ValueError(f"unknown authenticator {name[:80]!r}")


def _chained(theirs: Any, ours: Any) -> Any:
    """``ours`` after the institute's own pre-spawn hook, if one is configured (sync or async)."""
    if theirs is None or theirs is ours:
        return ours
    if getattr(theirs, "_kit_hook", None) is ours:  # already chained (the configuration ran twice)
        return theirs

    async def hook(spawner: Any) -> None:
        result = theirs(spawner)
        if inspect.isawaitable(result):
            await result
        await ours(spawner)

    hook._kit_hook = ours  # type: ignore[attr-defined] # loading the configuration twice chains once
    return hook


def configure_hub(c: Any, environ: Mapping[str, str] | None = None) -> HubSettings:
    """Apply the kit's part of the hub configuration to ``c`` (see the module docstring); the settings used."""
    from .extension import START_URL
    from .spawner import pre_spawn_hook, prepare_database

    settings = hub_settings(environ)

    c.Spawner.cmd = list(SINGLEUSER_CMD)
    c.Spawner.default_url = "/" + START_URL
    c.Spawner.pre_spawn_hook = _chained(_configured(c.Spawner, "pre_spawn_hook"), pre_spawn_hook)
    c.Spawner.disable_user_config = True  # a user's ~/.jupyter cannot switch JupyterLab or terminals back on
    if settings["INTERVISIE_KIT_LANG"]:
        environment = dict(_configured(c.Spawner, "environment") or {})
        environment["INTERVISIE_KIT_LANG"] = settings["INTERVISIE_KIT_LANG"]
        c.Spawner.environment = environment
    c.JupyterHub.allow_named_servers = False  # each spawn sets a new database password: one server per user

    services = _services(settings)
    running = {service["name"] for service in services}
    c.JupyterHub.services = _merge_named(list(_configured(c.JupyterHub, "services") or []), services)
    c.JupyterHub.load_roles = _merge_named(
        list(_configured(c.JupyterHub, "load_roles") or []), _roles(settings, running)
    )

    if settings[ADMIN_DB_ENV] and settings["INTERVISIE_KIT_PREPARE_DB"] != "0":
        prepare_database({ADMIN_DB_ENV: settings[ADMIN_DB_ENV]})
    elif not settings[ADMIN_DB_ENV]:
        log.warning("%s is not set: users' servers will not start until it is.", ADMIN_DB_ENV)
    use_startdag(c)
    return settings
