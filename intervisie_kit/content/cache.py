"""A cache of validated content, so a page's fresh kernel does not parse and validate every YAML file.

Every page of the kit starts in a new kernel and loads the same content; parsing and validating the YAML
costs about a tenth of a second each time. The cache keeps the result of :func:`~intervisie_kit.content.load`
as a pickle in the user's cache folder, under a key made of everything the result depends on: each content
file's path and bytes, the folders themselves, the kit's version and the source of the content package,
the Python and pydantic versions, and the working directory (problem messages show paths relative to
it). Change any of these and the key changes, so a trainer who edits a case sees the edit on
the next page load.

The cache holds only the kit's content (methods, cases, exercises, templates), never anything a trainee
wrote. A cache file that cannot be read is ignored and replaced; one that cannot be written is not an
error. ``INTERVISIE_KIT_CACHE`` names another folder, or ``off`` to switch the cache off.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .loader import MAX_FILE_BYTES

__all__ = ["CACHE_ENV", "cache_dir", "key_for", "read", "write"]

CACHE_ENV = "INTERVISIE_KIT_CACHE"
PREFIX = "content-"
#: Cache files kept per folder; older ones (from edits since) are removed when a new one is written.
KEEP = 8


def cache_dir() -> Path | None:
    raw = os.environ.get(CACHE_ENV, "").strip()
    if raw.lower() in ("off", "0", "no", "false"):
        return None
    if raw:
        return Path(raw).expanduser()
    import platformdirs

    return platformdirs.user_cache_path("intervisie-kit", appauthor=False)


def _digest(path: Path) -> str:
    try:
        st = path.stat()
        if st.st_size > MAX_FILE_BYTES:  # refused by the loader anyway: not worth reading
            return f"{path}|too large|{st.st_size}|{st.st_mtime_ns}"
        return f"{path}|{hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()}"
    except OSError:
        return f"{path}|unreadable"


def key_for(roots: Iterable[Path], folders: Iterable[Path], files: Iterable[Path]) -> str:
    """A digest of everything the loaded content depends on: the bytes of every file, not their times,
    so an edit is seen even within the file system's clock tick (about 1 MB, read in milliseconds)."""
    import pydantic

    from .. import __version__

    parts = [__version__, sys.version, pydantic.VERSION, str(Path.cwd())]
    package = Path(__file__).resolve().parent
    parts.extend(_digest(p) for p in sorted(package.glob("*.py")))
    parts.extend(f"root|{r.resolve()}|{r.is_dir()}" for r in roots)
    parts.extend(f"folder|{f}" for f in folders)
    parts.extend(_digest(f) for f in files)
    return hashlib.sha256("\n".join(parts).encode("utf-8", "surrogateescape")).hexdigest()[:32]


def read(key: str) -> Any | None:
    folder = cache_dir()
    if folder is None:
        return None
    try:
        with open(folder / f"{PREFIX}{key}.pickle", "rb") as fh:
            return pickle.load(fh)
    except Exception:  # missing, truncated or from another kit: load from the YAML instead
        return None


def write(key: str, value: Any) -> None:
    folder = cache_dir()
    if folder is None:
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".content-", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, folder / f"{PREFIX}{key}.pickle")  # readers see the old file or the new, never half
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        _prune(folder)
    except Exception:  # a read-only or full disk only costs speed
        return


def _prune(folder: Path) -> None:
    files = sorted(folder.glob(f"{PREFIX}*.pickle"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
    for old in files[KEEP:]:
        old.unlink(missing_ok=True)
