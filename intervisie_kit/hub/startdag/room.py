"""The startdag's names and its database side, shared by the hub process and the service.

Temporary hub users are ``startdag-<16 hex>`` in the group ``startdag-<workshop id>``; nothing typed by a
person ever becomes a name. :class:`StartdagRoom` holds the owner role's journal, the workshop store on it
and the hub's database roles (``HubDatabase``), and links a temporary user to its participant: the
participant's trainee is the row of the user's own database role (``trainees.hub_user``).
"""

from __future__ import annotations

import logging
import secrets
from typing import Any

from .. import ORIGIN_STARTDAG

__all__ = [
    "GROUP_PREFIX",
    "JOIN_PATH",
    "NAME_TRIES",
    "USER_PREFIX",
    "USER_RANDOM_BYTES",
    "StartdagRoom",
    "group_name",
    "is_temporary",
    "path_join",
]

log = logging.getLogger(__name__)

USER_PREFIX = "startdag-"  # temporary hub users: startdag-<16 hex>
GROUP_PREFIX = "startdag-"  # their group: startdag-<workshop id>
USER_RANDOM_BYTES = 8  # 16 hex characters: no two participants of a year's startdagen share a name
NAME_TRIES = 5  # new random names tried before a join gives up (a taken one is never reused)
JOIN_PATH = "/startdag"  # under the hub prefix: /hub/startdag


def is_temporary(name: object) -> bool:
    """Is ``name`` a temporary startdag hub user (made by ``/hub/startdag``, never by a login)?"""
    return isinstance(name, str) and name.lower().startswith(USER_PREFIX)


def group_name(workshop_id: str) -> str:
    return GROUP_PREFIX + workshop_id


def path_join(*parts: str) -> str:
    """Join URL path parts with one slash between them (``jupyterhub.utils.url_path_join`` without the hub)."""
    joined = "/".join(p.strip("/") for p in parts if p.strip("/"))
    return "/" + joined if joined else "/"


# --- the database side, shared by both halves --------------------------------------------------------


class StartdagRoom:
    """The owner role's journal, the workshop store on it and the hub's database roles (lazy)."""

    def __init__(self, admin_url: str) -> None:
        self.admin_url = admin_url
        self._store: Any = None
        self._hub_db: Any = None

    @property
    def store(self) -> Any:
        if self._store is None:
            from ...journal.store import Journal
            from ...workshop.store import WorkshopStore

            self._store = WorkshopStore(Journal(self.admin_url))
        return self._store

    @property
    def hub_db(self) -> Any:
        if self._hub_db is None:
            from ..database import HubDatabase

            self._hub_db = HubDatabase(self.admin_url)
        return self._hub_db

    def participant_of(self, hub_user: str) -> Any:
        """The participant of the running workshop that the temporary hub user ``hub_user`` is, or None."""
        import sqlalchemy as sa

        from ...journal.store import trainees
        from ...workshop.tables import participants, workshops

        if not is_temporary(hub_user):
            return None
        with self.store.journal.reader.connect() as conn:
            participant_id = conn.execute(
                sa.select(participants.c.id)
                .select_from(
                    participants.join(trainees, trainees.c.id == participants.c.trainee_id).join(
                        workshops, workshops.c.id == participants.c.workshop_id
                    )
                )
                .where(
                    trainees.c.hub_user == hub_user,
                    participants.c.removed.is_(None),
                    workshops.c.ended.is_(None),
                )
            ).scalar()
        return self.store.participant(participant_id) if participant_id else None

    def hub_users(self, workshop_id: str) -> list[str]:
        """The temporary hub users of a workshop's participants, as the database knows them."""
        import sqlalchemy as sa

        from ...journal.store import trainees
        from ...workshop.tables import participants

        with self.store.journal.reader.connect() as conn:
            names = conn.execute(
                sa.select(trainees.c.hub_user)
                .select_from(participants.join(trainees, trainees.c.id == participants.c.trainee_id))
                .where(participants.c.workshop_id == workshop_id, trainees.c.hub_user.is_not(None))
            ).scalars()
            return sorted(n for n in names if is_temporary(n))

    def join(self, code: str, name: str, hub_user: str) -> Any:
        """Check the code and make ``hub_user`` a participant: its own database role, and the trainee row
        of that role (``trainees.hub_user``) as the participant's trainee, so that what the participant
        writes on their own server's pages (under that role) is the participant's. Raises WorkshopError."""
        import sqlalchemy as sa

        from ...journal.store import trainees
        from ...workshop.tables import participants

        # The store wants a browser secret; on the hub the identity is the hub's, so this one is never
        # handed out and cannot be used by anyone.
        participant = self.store.join(code, name, secrets.token_urlsafe(32))
        try:
            self.hub_db.user_url(hub_user, display_name=participant.name, origin=ORIGIN_STARTDAG)
            with self.store.journal._write() as conn:
                hub_trainee = conn.execute(sa.select(trainees.c.id).where(trainees.c.hub_user == hub_user)).scalar_one()
                conn.execute(
                    participants.update().where(participants.c.id == participant.id).values(trainee_id=hub_trainee)
                )
                if participant.trainee_id and participant.trainee_id != hub_trainee:
                    conn.execute(trainees.delete().where(trainees.c.id == participant.trainee_id))
        except Exception:
            self.undo_join(participant.id, hub_user)
            raise
        return self.store.participant(participant.id)

    def undo_join(self, participant_id: str, hub_user: str) -> None:
        """A join that could not be finished leaves nothing behind."""
        try:
            self.store.remove_participant(participant_id)
        except Exception:
            log.warning("Startdag: could not remove the unfinished participant", exc_info=True)
        try:
            self.hub_db.erase_user(hub_user)
        except Exception:
            log.warning("Startdag: could not erase the database role of %s", hub_user, exc_info=True)
