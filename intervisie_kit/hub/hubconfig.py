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


def _services(settings: HubSettings) -> list[dict[str, Any]]:
    python = sys.executable  # the hub's own Python: the kit and the culler are installed next to JupyterHub
    env = {name: settings[name] for name in _SERVICE_ENV if settings[name]}
    host = settings["INTERVISIE_KIT_SERVICE_HOST"]
    kit_services = [
        {
            "name": name,
            "url": f"http://{host}:{settings.number(port)}",
            "command": [python, "-m", "intervisie_kit.cli", command],
            "environment": dict(env),
            "oauth_no_confirm": True,  # the institute's own service: no "authorize this app" page
        }
        for name, port, command in (
            (TRAINER_SERVICE, "INTERVISIE_KIT_TRAINER_PORT", "hub-trainer"),
            (STARTDAG_SERVICE, "INTERVISIE_KIT_STARTDAG_PORT", "hub-startdag"),
        )
    ]
    culler = {
        "name": CULLER_SERVICE,
        "command": [
            python,
            "-m",
            "jupyterhub_idle_culler",
            f"--timeout={settings.number('INTERVISIE_KIT_CULL_TIMEOUT')}",
            f"--cull-every={settings.number('INTERVISIE_KIT_CULL_EVERY')}",
        ],
    }
    return [*kit_services, culler] if settings["INTERVISIE_KIT_CULLER"] != "0" else kit_services


def _roles(settings: HubSettings) -> list[dict[str, Any]]:
    startdag_access = f"access:services!service={STARTDAG_SERVICE}"
    culling = settings["INTERVISIE_KIT_CULLER"] != "0"
    roles: list[dict[str, Any]] = [
        {"name": f"{name}-service", "scopes": scopes, "services": [name]}
        for name, scopes in SERVICE_SCOPES.items()
        if culling or name != CULLER_SERVICE
    ]
    roles.append(
        {
            "name": "intervisie-trainers",
            "description": "Trainers: the trainer page and the startdag regie",
            "scopes": [f"access:services!service={TRAINER_SERVICE}", startdag_access],
            "groups": [settings[TRAINER_GROUP_ENV]],
        }
    )
    # Redefines JupyterHub's default role of every user: their own things ("self") and the startdag service.
    roles.append({"name": "user", "scopes": ["self", startdag_access]})
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
    if authenticator.__module__ == with_startdag.__module__:  # already has the handler
        return True
    c.JupyterHub.authenticator_class = with_startdag(authenticator)
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


def configure_hub(c: Any, environ: Mapping[str, str] | None = None) -> HubSettings:
    """Apply the kit's part of the hub configuration to ``c`` (see the module docstring); the settings used."""
    from .extension import START_URL
    from .spawner import pre_spawn_hook, prepare_database

    settings = hub_settings(environ)

    c.Spawner.cmd = list(SINGLEUSER_CMD)
    c.Spawner.default_url = "/" + START_URL
    c.Spawner.pre_spawn_hook = pre_spawn_hook
    c.Spawner.disable_user_config = True  # a user's ~/.jupyter cannot switch JupyterLab or terminals back on
    if settings["INTERVISIE_KIT_LANG"]:
        environment = dict(_configured(c.Spawner, "environment") or {})
        environment["INTERVISIE_KIT_LANG"] = settings["INTERVISIE_KIT_LANG"]
        c.Spawner.environment = environment
    c.JupyterHub.allow_named_servers = False  # each spawn sets a new database password: one server per user

    c.JupyterHub.services = _merge_named(list(_configured(c.JupyterHub, "services") or []), _services(settings))
    c.JupyterHub.load_roles = _merge_named(list(_configured(c.JupyterHub, "load_roles") or []), _roles(settings))

    if settings[ADMIN_DB_ENV] and settings["INTERVISIE_KIT_PREPARE_DB"] != "0":
        prepare_database({ADMIN_DB_ENV: settings[ADMIN_DB_ENV]})
    elif not settings[ADMIN_DB_ENV]:
        log.warning("%s is not set: users' servers will not start until it is.", ADMIN_DB_ENV)
    use_startdag(c)
    return settings
