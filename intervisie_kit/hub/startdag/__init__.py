"""A startdag workshop on JupyterHub: join codes give temporary hub users, the service serves the room.

Two halves (``docs/hub.md``, "Startdag on the hub"):

* **In the hub process**, :func:`with_startdag` wraps the institute's authenticator class. The subclass
  adds the hub page ``/hub/startdag``: the workshop's join page (``share/workshop/join.html``) whose form
  posts a code and a name or pseudonym. A right code makes a temporary hub user ``startdag-<random>``
  (the name never comes from what was typed; the pseudonym is the participant's display name), puts it in
  the group ``startdag-<workshop id>``, gives it its own database role (``HubDatabase.user_url``) whose
  trainee row is the participant's trainee, and logs it in with the hub's cookie, as
  jupyterhub-tmpauthenticator does. Wrong codes count against the workshop's :class:`JoinLimiter`. The
  authenticator's own login refuses every temporary name, whatever password comes with it.
* **The service** ``intervisie-startdag`` (:func:`main`) is a tornado app behind the hub's OAuth at
  ``/services/intervisie-startdag/``. It reuses the workshop's handlers (``workshop/web.py``) with the
  identity taken from the hub: the participant is the temporary hub user of the running workshop, the
  trainer is a member of the trainer group (read from the hub API on every request). Its page ``regie``
  lets a trainer open a startdag (code, join address and QR code, participants) and end it: ending
  deletes the temporary hub users through the hub API (which stops their servers), their database roles
  and rows (``HubDatabase.erase_user``) and the workshop's rows (``WorkshopStore.end_workshop``), and
  shows what was erased.

The store is the owner role's journal (``INTERVISIE_KIT_HUB_DB``) in both processes.

* :mod:`.room` - names (``startdag-*``), the database side both halves share (:class:`StartdagRoom`).
* :mod:`.join` - the hub's half: ``/hub/startdag`` and :func:`with_startdag`.
* :mod:`.service` - the service's identity mixin, the workshop's pages and API with it, ending a startdag.
* :mod:`.regie` - the trainer's page.
* :mod:`.app` - the service's application and :func:`main`.
"""

from __future__ import annotations

from .app import main, make_app
from .join import with_startdag
from .room import GROUP_PREFIX, JOIN_PATH, USER_PREFIX, StartdagRoom, group_name, is_temporary

__all__ = [
    "GROUP_PREFIX",
    "JOIN_PATH",
    "USER_PREFIX",
    "StartdagRoom",
    "group_name",
    "is_temporary",
    "main",
    "make_app",
    "with_startdag",
]
