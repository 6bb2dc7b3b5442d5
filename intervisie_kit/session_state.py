"""The running session of page 05, kept on disk so that a page reload does not lose it.

A reload gives the page a fresh kernel, and with it an empty page. So after every change the page writes
the running session (phase, times, names and roles, interventions, questions; see
:meth:`Session.snapshot`) to one small file, and on load offers to go on with it. The file is removed when
the session ends or the trainer declines.

Where: next to the reflection journal when that is a file (``--journal`` / ``INTERVISIE_KIT_JOURNAL``),
else in the user's data folder; never inside the kit's own checkout. On a shared server (a journal that
is a database URL) nothing is written: the server's one folder would show one trainer's group to another.
The file is written whole with mode 0600 and put in place with ``os.replace``, so a crash never leaves
half a file; it carries a schema version, and a file of another version is ignored.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["FILENAME", "MAX_AGE_SECONDS", "SCHEMA_VERSION", "RunningSessionFile", "Saved", "running_session_file"]

FILENAME = "running-session.json"
SCHEMA_VERSION = 1
#: A saved session older than this is not offered again: that meeting is over.
MAX_AGE_SECONDS = 12 * 3600
#: A larger file is not read (the page writes a few kilobytes; anything this big is not ours).
MAX_BYTES = 1_000_000


@dataclass(frozen=True)
class Saved:
    """A session found on disk: its data, when it was saved and when it started (wall-clock seconds)."""

    data: dict[str, Any]
    saved_at: float
    started_at: float


class RunningSessionFile:
    """One file holding at most one running session. ``wall`` is the wall clock (injectable for tests)."""

    def __init__(self, path: Path, *, wall: Callable[[], float] = time.time):
        self.path = path
        self._wall = wall

    def save(self, data: dict[str, Any]) -> None:
        now = self._wall()
        record = {"version": SCHEMA_VERSION, "saved_at": now, "session": data}
        self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".running-session-", suffix=".tmp", dir=self.path.parent)
        try:
            os.fchmod(fd, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(record, out, ensure_ascii=False)
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def load(self) -> Saved | None:
        """The saved session, or ``None`` when there is none, it is too old, or the file is not ours."""
        try:
            if self.path.stat().st_size > MAX_BYTES:
                return None
            record = json.loads(self.path.read_text(encoding="utf-8"))
            if record.get("version") != SCHEMA_VERSION:
                return None
            saved_at, data = float(record["saved_at"]), record["session"]
            elapsed = float(data["elapsed"])
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None
        if not isinstance(data, dict) or not 0 <= self._wall() - saved_at <= MAX_AGE_SECONDS:
            return None
        return Saved(data, saved_at, saved_at - elapsed)

    def away(self, saved: Saved) -> float:
        """Seconds since ``saved`` was written."""
        return max(0.0, self._wall() - saved.saved_at)

    def clear(self) -> None:
        self.path.unlink(missing_ok=True)


def running_session_file(*, wall: Callable[[], float] = time.time) -> RunningSessionFile | None:
    """The file for this user, or ``None`` where nothing may be kept (a shared server, or the checkout)."""
    from .journal.store import _checkout_root, local_journal_file

    journal = local_journal_file()
    if journal is None:
        return None
    folder = journal.parent
    root = _checkout_root()
    if root is not None and folder.is_relative_to(root.resolve()):
        return None
    return RunningSessionFile(folder / FILENAME, wall=wall)
