"""The Littlest JupyterHub (TLJH) plugin for intervisie-kit (``deploy/jupyterhub/README.md``, "TLJH").

Install it while bootstrapping TLJH (``--plugin``); TLJH then

* installs the kit into the users' environment (``tljh_extra_user_pip_packages``), so every user's server
  can run ``intervisie-kit singleuser``;
* applies the kit's hub configuration (``tljh_custom_jupyterhub_config``): the same
  ``configure_hub`` as ``jupyterhub_config.py`` and the Z2JH values. TLJH culls idle servers itself
  (``tljh-config set services.cull.timeout``), so the kit adds no second culler.

The hub reads the kit's settings (``INTERVISIE_KIT_HUB_DB`` and the others in ``jupyterhub_config.py``)
from its environment: put them in a systemd drop-in for ``jupyterhub.service``.
"""

from __future__ import annotations

import os

try:
    from tljh.hooks import hookimpl
except ImportError:  # outside TLJH (tests, linters): the same marker, from pluggy itself
    import pluggy

    hookimpl = pluggy.HookimplMarker("tljh")

#: What goes into the users' environment; pin a version, or name a wheel or git URL you trust.
KIT_REQUIREMENT = os.environ.get("INTERVISIE_KIT_REQUIREMENT", "intervisie-kit[postgres]")


@hookimpl
def tljh_extra_user_pip_packages() -> list[str]:
    return [KIT_REQUIREMENT]


@hookimpl
def tljh_custom_jupyterhub_config(c) -> None:  # type: ignore[no-untyped-def]
    from intervisie_kit.hub.hubconfig import configure_hub

    configure_hub(c, {**os.environ, "INTERVISIE_KIT_CULLER": "0"})
