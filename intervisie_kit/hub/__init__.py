"""The kit on JupyterHub (``docs/hub.md``, ``deploy/jupyterhub/``).

This module stays light (no SQLAlchemy, no JupyterHub): kernels import it to learn whether they run on a
hub. The parts live in submodules: ``database`` (per-user PostgreSQL roles, row-level security),
``extension`` (the single-user server's Jupyter Server extension), ``spawner`` (the hub's pre-spawn hook),
``trainer`` (the trainers' hub service) and ``startdag`` (a startdag workshop on the hub).
"""

from __future__ import annotations

import os

__all__ = [
    "ADMIN_DB_ENV",
    "DB_HOST_ENV",
    "DEFAULT_TRAINER_GROUP",
    "HUB_ENV",
    "HUB_USER_ENV",
    "ORIGIN_HUB",
    "ORIGIN_STARTDAG",
    "STARTDAG_SERVICE",
    "TRAINER_GROUP_ENV",
    "TRAINER_SERVICE",
    "hub_user",
    "is_hub",
    "trainer_group",
]

HUB_ENV = "INTERVISIE_KIT_HUB"  # "1" in a single-user server's environment (and so in its kernels)
HUB_USER_ENV = "JUPYTERHUB_USER"  # set by JupyterHub for the single-user server: whom it serves
ADMIN_DB_ENV = "INTERVISIE_KIT_HUB_DB"  # the owner role's database URL: hub and services only, never a user's server
DB_HOST_ENV = "INTERVISIE_KIT_HUB_DB_HOST"  # optional: the database host as single-user servers reach it
TRAINER_GROUP_ENV = "INTERVISIE_KIT_TRAINER_GROUP"
DEFAULT_TRAINER_GROUP = "trainers"
TRAINER_SERVICE = "intervisie-trainer"  # hub service names: /services/<name>/
STARTDAG_SERVICE = "intervisie-startdag"
ORIGIN_HUB = "hub"  # trainees.origin of a hub user
ORIGIN_STARTDAG = "startdag"  # trainees.origin of a temporary startdag participant on the hub


def is_hub() -> bool:
    """True in a single-user server (and its kernels) that the kit's hub configuration spawned."""
    return os.environ.get(HUB_ENV) == "1"


def hub_user() -> str | None:
    """The hub user this server serves, as the hub set it; ``None`` outside a hub."""
    return os.environ.get(HUB_USER_ENV) or None


def trainer_group() -> str:
    """The JupyterHub group whose members are trainers."""
    return os.environ.get(TRAINER_GROUP_ENV, "").strip() or DEFAULT_TRAINER_GROUP
