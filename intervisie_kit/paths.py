"""Where the kit's files live, independent of the current working directory.

Voila runs every notebook with the notebook's own folder as cwd, and an installed kit has no checkout
around it, so nothing may be found relative to ``os.getcwd()``. In a checkout (``pip install -e .``) the
content folders sit next to the package; a built wheel carries them inside the package as ``_kit/``.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["CONTENT_ENV", "content_dirs_from_env", "kit_root", "notebooks_dir", "share_dir"]

PACKAGE_DIR = Path(__file__).resolve().parent

#: Environment variable with extra content folders (os.pathsep-separated), merged over the built-in ones.
CONTENT_ENV = "INTERVISIE_KIT_CONTENT"


def kit_root() -> Path:
    """The folder that holds ``data/``, ``exercises/`` and ``notebooks/``."""
    bundled = PACKAGE_DIR / "_kit"
    if bundled.is_dir():
        return bundled
    return PACKAGE_DIR.parent


def notebooks_dir() -> Path:
    return kit_root() / "notebooks"


def share_dir() -> Path:
    """The Jupyter data folder shipped in the package (Voila template, config)."""
    return PACKAGE_DIR / "share"


def content_dirs_from_env() -> tuple[Path, ...]:
    raw = os.environ.get(CONTENT_ENV, "")
    return tuple(Path(p).expanduser() for p in raw.split(os.pathsep) if p.strip())
