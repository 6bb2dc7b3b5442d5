"""Where a participant list is kept between visits: one JSON file in the local store, never in the kit.

The list says who manages whom and who does not want to sit with whom: personal data about working
relations. It lives where the journal lives:

- ``INTERVISIE_KIT_GROUPS`` (a file path), else
- ``groups.json`` next to the journal when ``INTERVISIE_KIT_JOURNAL`` names a journal file, else
- ``groups.json`` in the user's data folder (platformdirs), as the journal's default.

A path inside the kit's own checkout is refused, so the list never ends up in a repository. The file has
mode 0600 in a folder with mode 0700 and is written atomically (a temporary file, then ``os.replace``), so
a crash leaves the old list or the new one, never half of one. A JSON file rather than the journal's
SQLite: the list is read and written whole, by one coordinator, and erasing it is deleting one file.
Stored data carries a schema version (``version``).
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .model import Assignment, Experience, Facilitator, Group, Participant

__all__ = ["GROUPS_ENV", "VERSION", "Erased", "GroupStore", "Saved", "StoreError", "default_location"]

GROUPS_ENV = "INTERVISIE_KIT_GROUPS"
JOURNAL_ENV = "INTERVISIE_KIT_JOURNAL"
VERSION = 1
FILENAME = "groups.json"
#: A stored list larger than this is not one the kit wrote.
MAX_STORE_BYTES = 20_000_000


class StoreError(Exception):
    """A problem the coordinator can act on, in Dutch and English."""

    def __init__(self, nl: str, en: str):
        super().__init__(nl)
        self.nl, self.en = nl, en

    def text(self, lang: str = "nl") -> str:
        return self.en if lang == "en" else self.nl


@dataclass(frozen=True)
class Saved:
    participants: tuple[Participant, ...]
    facilitators: tuple[Facilitator, ...]
    travel: dict[tuple[str, str], int]
    assignment: Assignment | None
    saved: str = ""


@dataclass(frozen=True)
class Erased:
    """What 'Wis de lijst' deleted."""

    participants: int
    facilitators: int
    groups: int
    file: bool


def default_location() -> Path:
    raw = os.environ.get(GROUPS_ENV, "").strip()
    if raw:
        return Path(raw).expanduser()
    if os.environ.get(JOURNAL_ENV, "").strip():
        from ..journal.store import local_journal_file

        journal = local_journal_file()
        if journal is not None:
            return journal.parent / FILENAME
    import platformdirs

    return platformdirs.user_data_path("intervisie-kit", appauthor=False) / FILENAME


class GroupStore:
    """The one stored participant list of this computer (or of this server's coordinator)."""

    def __init__(self, location: str | os.PathLike[str] | None = None):
        path = (Path(location).expanduser() if location else default_location()).resolve()
        from ..journal.store import _checkout_root  # one rule for what is the kit's own tree

        root = _checkout_root()
        if root is not None and path.is_relative_to(root.resolve()):
            raise StoreError(
                f"De deelnemerslijst mag niet in de map van de kit staan ({path}): gegevens over werkrelaties "
                "horen niet in een repository. Kies een map buiten de kit of laat de instelling leeg.",
                f"The participant list may not live inside the kit's folder ({path}): data about working "
                "relations do not belong in a repository. Choose a folder outside the kit or leave the setting empty.",
            )
        self.path = path

    def load(self) -> Saved | None:
        if not self.path.is_file():
            return None
        try:
            if self.path.stat().st_size > MAX_STORE_BYTES:
                raise ValueError("too large")
            data = json.loads(self.path.read_text(encoding="utf-8"))
            return _decode(_upgrade(data))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise StoreError(
                f"De bewaarde deelnemerslijst ({self.path}) is niet te lezen; laad de lijst opnieuw of wis hem.",
                f"The stored participant list ({self.path}) cannot be read; load the list again or erase it.",
            ) from exc

    def save(
        self,
        participants: tuple[Participant, ...],
        facilitators: tuple[Facilitator, ...] = (),
        travel: dict[tuple[str, str], int] | None = None,
        assignment: Assignment | None = None,
    ) -> None:
        data = {
            "version": VERSION,
            "saved": datetime.now(UTC).isoformat(timespec="seconds"),
            "participants": [_participant(p) for p in participants],
            "facilitators": [
                {"name": f.name, "regions": list(f.regions), "max_groups": f.max_groups} for f in facilitators
            ],
            "travel": [[a, b, m] for (a, b), m in sorted((travel or {}).items())],
            "assignment": None
            if assignment is None
            else [
                {"members": list(g.members), "facilitator": g.facilitator, "locked": g.locked}
                for g in assignment.groups
            ],
        }
        self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".groups-", suffix=".tmp", dir=self.path.parent)  # created 0600
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(data, out, ensure_ascii=False)
                out.flush()
                os.fsync(out.fileno())
            os.chmod(tmp, 0o600)
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def erase(self) -> Erased:
        """Delete the stored list; says how many participants, facilitators and groups went."""
        try:
            saved = self.load()
        except StoreError:
            saved = None
        existed = self.path.is_file()
        if existed:
            size = self.path.stat().st_size
            with self.path.open("r+b") as f:  # overwrite before unlinking: best effort against undelete
                f.write(b"\0" * size)
                f.flush()
                os.fsync(f.fileno())
            self.path.unlink()
        return Erased(
            participants=len(saved.participants) if saved else 0,
            facilitators=len(saved.facilitators) if saved else 0,
            groups=len(saved.assignment.groups) if saved and saved.assignment else 0,
            file=existed,
        )


def _participant(p: Participant) -> dict[str, Any]:
    data = asdict(p)
    data["experience"] = int(p.experience)
    data["not_with"], data["prefer_with"] = list(p.not_with), list(p.prefer_with)
    return data


def _upgrade(data: dict[str, Any]) -> dict[str, Any]:
    """Bring an older stored list to :data:`VERSION` (there is one version so far)."""
    if data.get("version") != VERSION:
        raise ValueError(f"unknown version {data.get('version')!r}")
    return data


def _decode(data: dict[str, Any]) -> Saved:
    people = tuple(
        Participant(
            name=str(p["name"]),
            region=str(p.get("region", "")),
            organisation=str(p.get("organisation", "")),
            team=str(p.get("team", "")),
            function=str(p.get("function", "")),
            manager=str(p.get("manager", "")),
            experience=Experience(int(p.get("experience", 0))),
            not_with=tuple(str(n) for n in p.get("not_with", ())),
            prefer_with=tuple(str(n) for n in p.get("prefer_with", ())),
        )
        for p in data["participants"]
    )
    facilitators = tuple(
        Facilitator(str(f["name"]), tuple(str(r) for r in f.get("regions", ())), int(f.get("max_groups", 1)))
        for f in data.get("facilitators", ())
    )
    travel = {(str(a), str(b)): int(m) for a, b, m in data.get("travel", ())}
    groups = data.get("assignment")
    assignment = (
        None
        if groups is None
        else Assignment(
            tuple(
                Group(i + 1, tuple(str(m) for m in g["members"]), str(g.get("facilitator", "")), bool(g.get("locked")))
                for i, g in enumerate(groups)
            )
        )
    )
    return Saved(people, facilitators, travel, assignment, str(data.get("saved", "")))
