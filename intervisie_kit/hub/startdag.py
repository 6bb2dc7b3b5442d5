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
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import html
import json
import logging
import os
import secrets
import sys
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlparse

import tornado.web

from ..i18n import register, t
from ..workshop import JOIN_ATTEMPTS, JOIN_GLOBAL, JOIN_WINDOW, MAX_BODY, MAX_TITLE, web
from ..workshop.model import WorkshopError
from . import ADMIN_DB_ENV, ORIGIN_STARTDAG, STARTDAG_SERVICE, trainer_group

__all__ = [
    "GROUP_PREFIX",
    "JOIN_PATH",
    "MAX_HUB_USERS_PER_END",
    "USER_PREFIX",
    "EndReport",
    "StartdagRoom",
    "is_temporary",
    "main",
    "make_app",
    "with_startdag",
]

log = logging.getLogger(__name__)

USER_PREFIX = "startdag-"  # temporary hub users: startdag-<16 hex>
GROUP_PREFIX = "startdag-"  # their group: startdag-<workshop id>
USER_RANDOM_BYTES = 8  # 16 hex characters: no two participants of a year's startdagen share a name
JOIN_PATH = "/startdag"  # under the hub prefix: /hub/startdag
MAX_HUB_USERS_PER_END = 500  # group members read from the hub when a startdag ends (a workshop has <= 60)
END_PARALLEL = 8  # temporary users erased at once when a startdag ends (each waits for its server to stop)
HUB_API_TIMEOUT = 30.0  # seconds for one hub API call (deleting a user waits for its server to stop)

register(
    {
        "sd.title": ("Startdag op de hub", "Start day on the hub"),
        "sd.none": (
            "Er loopt nu geen startdag. Open er een: deelnemers melden zich dan aan met een code.",
            "No start day is running. Open one: participants then join with a code.",
        ),
        "sd.open.title": ("Titel (mag leeg blijven)", "Title (may stay empty)"),
        "sd.open.button": ("Open een startdag", "Open a start day"),
        "sd.running": ("Startdag: {title}", "Start day: {title}"),
        "sd.join.go": ("Deelnemers gaan naar", "Participants go to"),
        "sd.join.code": ("Code", "Code"),
        "sd.join.closed": ("Aanmelden is gesloten.", "Joining is closed."),
        "sd.join.close": ("Aanmelden sluiten", "Close joining"),
        "sd.join.reopen": ("Aanmelden openen", "Open joining"),
        "sd.new_code": ("Nieuwe code", "New code"),
        "sd.wall": ("Open de vragenmuur", "Open the question wall"),
        "sd.people": ("Deelnemers ({n})", "Participants ({n})"),
        "sd.people.none": ("Nog niemand aangemeld.", "Nobody has joined yet."),
        "sd.end.head": ("Startdag beëindigen", "End the start day"),
        "sd.end.text": (
            "Beëindigen wist de tijdelijke accounts van de deelnemers op de hub (hun servers stoppen), hun "
            "databaserollen, hun vragen en reflecties, en de startdag zelf. Dit kan niet ongedaan worden.",
            "Ending erases the participants' temporary hub accounts (their servers stop), their database "
            "roles, their questions and reflections, and the start day itself. This cannot be undone.",
        ),
        "sd.end.confirm": ("Ja, wis alles van deze startdag", "Yes, erase everything of this start day"),
        "sd.end.button": ("Beëindig en wis", "End and erase"),
        "sd.end.unconfirmed": (
            "Vink eerst aan dat alles gewist mag worden.",
            "First tick the box that everything may be erased.",
        ),
        "sd.ended": (
            "De startdag is beëindigd. Gewist: {users} tijdelijke accounts op de hub, {roles} databaserollen, "
            "{participants} deelnemers, {questions} vragen, {ratings} waarderingen, {reflections} reflecties.",
            "The start day has ended. Erased: {users} temporary hub accounts, {roles} database roles, "
            "{participants} participants, {questions} questions, {ratings} ratings, {reflections} reflections.",
        ),
        "sd.end.partial": (
            "Niet alles kon gewist worden: {what}. De startdag loopt nog; probeer opnieuw te beëindigen.",
            "Not everything could be erased: {what}. The start day is still running; try ending it again.",
        ),
        "sd.forbidden": (
            "Deze pagina is voor trainers (leden van de groep '{group}'). Meld je aan als trainer, of doe "
            "mee met een startdag via de aanmeldpagina.",
            "This page is for trainers (members of the group '{group}'). Sign in as a trainer, or join a "
            "start day on the join page.",
        ),
        "sd.title.long": (
            "De titel is te lang: hooguit {n} tekens.",
            "The title is too long: at most {n} characters.",
        ),
        "sd.err.hub": (
            "De hub kon de aanmelding niet afmaken. Probeer het opnieuw of vraag de trainer.",
            "The hub could not finish joining. Try again or ask the trainer.",
        ),
        "sd.lang": ("English", "Nederlands"),
    }
)

SERVICE_CSP = (
    "default-src 'self'; script-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'"
)


def is_temporary(name: object) -> bool:
    """Is ``name`` a temporary startdag hub user (made by ``/hub/startdag``, never by a login)?"""
    return isinstance(name, str) and name.lower().startswith(USER_PREFIX)


def group_name(workshop_id: str) -> str:
    return GROUP_PREFIX + workshop_id


def _path_join(*parts: str) -> str:
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
            from ..journal.store import Journal
            from ..workshop.store import WorkshopStore

            self._store = WorkshopStore(Journal(self.admin_url))
        return self._store

    @property
    def hub_db(self) -> Any:
        if self._hub_db is None:
            from .database import HubDatabase

            self._hub_db = HubDatabase(self.admin_url)
        return self._hub_db

    def participant_of(self, hub_user: str) -> Any:
        """The participant of the running workshop that the temporary hub user ``hub_user`` is, or None."""
        import sqlalchemy as sa

        from ..journal.store import trainees
        from ..workshop.tables import participants, workshops

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

        from ..journal.store import trainees
        from ..workshop.tables import participants

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

        from ..journal.store import trainees
        from ..workshop.tables import participants

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


# --- the hub half: /hub/startdag ---------------------------------------------------------------------


def _hub_handler_class() -> type:
    """The ``/hub/startdag`` handler (built lazily: JupyterHub is imported only in the hub process)."""
    from jupyterhub import orm
    from jupyterhub.handlers import BaseHandler

    class StartdagJoinHandler(BaseHandler):
        """GET: the workshop's join page; POST ``{code, name}``: a temporary hub user, logged in."""

        @property
        def room(self) -> StartdagRoom:
            return self.authenticator.startdag_room()

        @property
        def limiter(self) -> Any:
            return self.authenticator.startdag_limiter

        def addresses(self) -> web.PageAddresses:
            join = _path_join(self.hub.base_url, JOIN_PATH)
            return web.PageAddresses(
                base=_path_join(self.base_url, "services", STARTDAG_SERVICE) + "/",
                kit=_path_join(self.hub.base_url, "user-redirect") + "/",
                join=join,
                join_api=join,
            )

        def set_default_headers(self) -> None:
            super().set_default_headers()
            for name, value in web.SECURITY_HEADERS.items():
                self.set_header(name, value)

        def write_error(self, status_code: int, **kwargs: Any) -> None:
            exc = kwargs.get("exc_info", (None, None, None))[1]
            if isinstance(exc, web.ApiError):
                error = {"nl": exc.nl, "en": exc.en, "code": exc.code}
                if exc.retry_after:
                    self.set_header("Retry-After", str(exc.retry_after))
            else:
                code = "xsrf" if status_code == 403 else "server" if status_code >= 500 else "bad_request"
                key = "ws.err.server" if status_code >= 500 else "ws.err.bad_request"
                error = {"nl": t(key, "nl"), "en": t(key, "en"), "code": code}
            self.set_header("Content-Type", "application/json; charset=utf-8")
            self.finish(json.dumps({"error": error}, ensure_ascii=False))

        async def get(self) -> None:
            _ = self.xsrf_token  # the join page's script sends it back with the form
            page = (web.STATIC_DIR / "join.html").read_bytes()
            self.set_header("Content-Type", "text/html; charset=utf-8")
            self.set_header("Content-Security-Policy", web.PAGE_CSP)
            self.finish(self.addresses().apply(page))

        def _refusal(self, client: str) -> web.ApiError | None:
            workshop = self.room.store.active()
            verdict = self.limiter.check(client, workshop.code if workshop is not None else None)
            if verdict.allowed:
                return None
            minutes = JOIN_WINDOW // 60
            if verdict.paused:
                return web.ApiError.of(429, "join_paused", "ws.err.join_paused", 60, n=JOIN_GLOBAL, m=minutes)
            retry = verdict.retry_after
            return web.ApiError.of(429, "join_limit", "ws.err.join_limit", retry, n=JOIN_ATTEMPTS, m=minutes, s=retry)

        async def post(self) -> None:
            if len(self.request.body or b"") > MAX_BODY:
                raise web.ApiError.of(413, "too_big", "ws.err.too_big", n=MAX_BODY)
            try:
                data = json.loads(self.request.body or b"{}")
            except (ValueError, UnicodeDecodeError):
                data = None
            if not isinstance(data, dict):
                raise web.ApiError.of(400, "bad_request", "ws.err.bad_request")
            code, name = data.get("code"), data.get("name")
            if not isinstance(code, str) or not isinstance(name, str):
                raise web.ApiError.of(400, "bad_request", "ws.err.bad_request")
            next_url = self.addresses().base + "workshop/phone"
            me = self.current_user
            if me is not None and is_temporary(me.name):  # a second tap or a reload: the same identity
                already = await asyncio.to_thread(self.room.participant_of, me.name)
                if already is not None:
                    self.finish({"name": already.name, "repeat": True, "next": next_url})
                    return
            client = self.request.remote_ip or "?"
            refusal = await asyncio.to_thread(self._refusal, client)
            if refusal is not None:
                raise refusal
            username = USER_PREFIX + secrets.token_hex(USER_RANDOM_BYTES)
            try:
                participant = await asyncio.to_thread(self.room.join, code.strip()[:20], name, username)
            except WorkshopError as exc:
                if exc.code == "bad_code":
                    workshop = await asyncio.to_thread(self.room.store.active)
                    self.limiter.failure(client, workshop.code if workshop is not None else None)
                    if self.limiter.paused:
                        self.log.warning("Startdag: joining paused after %d wrong codes", JOIN_GLOBAL)
                raise web.ApiError.from_store(exc) from None
            try:
                user = self.user_from_username(username)
                group_id = group_name(participant.workshop_id)
                group = orm.Group.find(self.db, group_id)
                if group is None:
                    group = orm.Group(name=group_id)
                    self.db.add(group)
                if group not in user.orm_user.groups:
                    user.orm_user.groups.append(group)
                self.db.commit()
            except Exception:
                self.log.exception("Startdag: could not make the hub user %s", username)
                await asyncio.to_thread(self.room.undo_join, participant.id, username)
                raise web.ApiError.of(503, "hub", "sd.err.hub") from None
            # Log in as the new user, replacing whoever this browser was (tmpauthenticator does the same).
            self.set_login_cookie(user)
            self.set_hub_cookie(user)
            self.log.info("Startdag: %s joined workshop %s", username, participant.workshop_id)
            self.finish({"name": participant.name, "repeat": False, "next": next_url})

    return StartdagJoinHandler


def with_startdag(authenticator_class: type) -> type:
    """``authenticator_class`` plus the startdag's join page ``/hub/startdag``; its own login stays as it
    is, except that it never logs in a temporary startdag user (whatever password comes along)."""
    from jupyterhub.utils import maybe_future

    from ..workshop.ratelimit import JoinLimiter

    class StartdagAuthenticator(authenticator_class):  # type: ignore[misc, valid-type]
        _startdag_room: StartdagRoom | None = None
        _startdag_limiter: JoinLimiter | None = None

        def startdag_room(self) -> StartdagRoom:
            if self._startdag_room is None:
                url = os.environ.get(ADMIN_DB_ENV, "")
                if not url:
                    raise RuntimeError(f"the startdag needs the journal's owner URL in ${ADMIN_DB_ENV}")
                self._startdag_room = StartdagRoom(url)
            return self._startdag_room

        @property
        def startdag_limiter(self) -> JoinLimiter:
            if self._startdag_limiter is None:
                self._startdag_limiter = JoinLimiter(JOIN_ATTEMPTS, JOIN_WINDOW, JOIN_GLOBAL)
            return self._startdag_limiter

        async def get_authenticated_user(self, handler: Any, data: Any) -> Any:
            # Checked before and after the institute's authenticator (which may normalise the name):
            # a temporary user exists only through a join code.
            if isinstance(data, dict) and is_temporary(str(data.get("username", "")).strip()):
                self.log.warning("Startdag: refused a password login as a temporary startdag user")
                return None
            result = await maybe_future(super().get_authenticated_user(handler, data))
            name = result.get("name") if isinstance(result, dict) else result
            if result and is_temporary(name):
                self.log.warning("Startdag: refused a login as the temporary startdag user %s", name)
                return None
            return result

        async def refresh_user(self, user: Any, handler: Any = None, **kwargs: Any) -> Any:
            # A temporary user has no identity at the institute to refresh (an OAuth authenticator would
            # find no auth state and log it out): it lives until the startdag ends.
            if is_temporary(getattr(user, "name", "")):
                return True
            return await maybe_future(super().refresh_user(user, handler, **kwargs))

        def get_handlers(self, app: Any) -> list[tuple[str, type]]:
            return [*super().get_handlers(app), (JOIN_PATH, _hub_handler_class())]

    StartdagAuthenticator.__name__ = StartdagAuthenticator.__qualname__ = f"Startdag{authenticator_class.__name__}"
    return StartdagAuthenticator


# --- the service half: /services/intervisie-startdag/ -------------------------------------------------


@dataclass(frozen=True)
class EndReport:
    """What ending a startdag erased."""

    hub_users: int = 0
    roles: int = 0
    participants: int = 0
    questions: int = 0
    ratings: int = 0
    reflections: int = 0
    failures: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {
            "hub_users": self.hub_users,
            "roles": self.roles,
            "participants": self.participants,
            "questions": self.questions,
            "ratings": self.ratings,
            "reflections": self.reflections,
            "failures": list(self.failures),
        }


class HubApi:
    """The few hub API calls the service makes, with the service's own token."""

    def __init__(self, api_url: str, token: str) -> None:
        self.api_url = api_url.rstrip("/")
        self.token = token

    async def call(self, method: str, path: str) -> tuple[int, Any]:
        from tornado.httpclient import AsyncHTTPClient, HTTPRequest

        request = HTTPRequest(
            self.api_url + path,
            method=method,
            headers={"Authorization": f"token {self.token}"},
            request_timeout=HUB_API_TIMEOUT,
        )
        response = await AsyncHTTPClient().fetch(request, raise_error=False)
        if response.code == 599:
            raise OSError(f"the hub API did not answer {method} {path}: {response.error}")
        body = response.body or b""
        return response.code, json.loads(body) if body.strip() else None

    async def groups_of(self, user: str) -> set[str]:
        status, model = await self.call("GET", "/users/" + quote(user, safe=""))
        if status != 200 or not isinstance(model, dict):
            return set()
        return {g for g in model.get("groups") or [] if isinstance(g, str)}

    async def group_members(self, group: str) -> list[str]:
        status, model = await self.call("GET", "/groups/" + quote(group, safe=""))
        if status != 200 or not isinstance(model, dict):
            return []
        return [u for u in (model.get("users") or [])[:MAX_HUB_USERS_PER_END] if isinstance(u, str)]

    async def delete_user(self, user: str) -> bool:
        """True when the user was deleted now, False when the hub did not know it; raises otherwise."""
        status, _ = await self.call("DELETE", "/users/" + quote(user, safe=""))
        if status in (200, 204):
            return True
        if status == 404:
            return False
        raise OSError(f"the hub refused to delete {user}: HTTP {status}")

    async def delete_group(self, group: str) -> None:
        status, _ = await self.call("DELETE", "/groups/" + quote(group, safe=""))
        if status not in (200, 204, 404):
            raise OSError(f"the hub refused to delete the group {group}: HTTP {status}")


class Startdag:
    """What the service's handlers share (``settings["ik_startdag"]``)."""

    def __init__(self, room: StartdagRoom, hub: HubApi, *, prefix: str, base_url: str, public_url: str = "") -> None:
        self.room, self.hub = room, hub
        self.prefix = prefix if prefix.endswith("/") else prefix + "/"
        self.base_url = base_url if base_url.endswith("/") else base_url + "/"
        self.public_url = public_url.rstrip("/")
        self.join_path = _path_join(self.base_url, "hub", JOIN_PATH)
        self.addresses = web.PageAddresses(
            base=self.prefix,
            kit=_path_join(self.base_url, "hub", "user-redirect") + "/",
            join=self.join_path,
            join_api=self.join_path,
        )

    def join_url(self, request: Any) -> str:
        """The join address for the wall and the QR code: the hub's public address, else the request's."""
        origin = self.public_url or f"{request.protocol}://{request.host}"
        return origin + self.join_path

    async def is_trainer(self, user: str) -> bool:
        if not user or is_temporary(user):
            return False  # a temporary user is a participant, whatever group someone put it in
        return trainer_group() in await self.hub.groups_of(user)

    async def end(self) -> EndReport | None:
        """End the running startdag and erase it (None when none runs). Steps that fail are reported and
        the workshop stays, so ending again finishes the job."""
        store = self.room.store
        workshop = await asyncio.to_thread(store.active)
        if workshop is None:
            return None
        counts = await asyncio.to_thread(store.erase_counts)
        names = set(await asyncio.to_thread(self.room.hub_users, workshop.id))
        names |= {n for n in await self.hub.group_members(group_name(workshop.id)) if is_temporary(n)}
        gate = asyncio.Semaphore(END_PARALLEL)

        async def erase(name: str) -> tuple[bool, bool]:
            """(deleted from the hub now, role erased); raises when a step failed."""
            async with gate:
                deleted = await self.hub.delete_user(name)  # the hub stops the user's server first
                await asyncio.to_thread(self.room.hub_db.erase_user, name)
                return deleted, True

        ordered = sorted(names)
        results = await asyncio.gather(*(erase(name) for name in ordered), return_exceptions=True)
        failures = []
        for name, result in zip(ordered, results, strict=True):
            if isinstance(result, BaseException):
                log.error("Startdag: could not erase %s: %s", name, result, exc_info=result)
                failures.append(name)
        done = [r for r in results if not isinstance(r, BaseException)]
        deleted, roles = sum(d for d, _ in done), sum(r for _, r in done)
        if failures:
            return EndReport(deleted, roles, failures=tuple(failures))
        await asyncio.to_thread(store.end_workshop)
        try:
            await self.hub.delete_group(group_name(workshop.id))
        except OSError as exc:  # an empty group left behind holds nobody's data
            log.warning("Startdag: %s", exc)
        return EndReport(
            hub_users=deleted,
            roles=roles,
            participants=counts.participants,
            questions=counts.questions,
            ratings=counts.ratings,
            reflections=counts.private_reflections + counts.shared_reflections,
        )


def _service_classes() -> dict[str, type]:
    """The service's handlers: the workshop's, with the hub's identity mixed in (JupyterHub imported lazily)."""
    from jupyterhub.services.auth import HubOAuthCallbackHandler, HubOAuthenticated

    class HubIdentity(HubOAuthenticated):
        """Identity from the hub's OAuth: participant = temporary user of the running workshop; trainer =
        member of the trainer group, asked of the hub on every request (leaving the group ends it)."""

        _trainer = False

        @property
        def startdag(self) -> Startdag:
            return self.settings["ik_startdag"]

        def user_name(self) -> str:
            user = self.current_user
            return str(user.get("name", "")) if isinstance(user, dict) and user.get("kind", "user") == "user" else ""

        async def prepare(self) -> None:
            super().prepare()  # the workshop's checks: body size, XSRF on POST
            name = self.user_name()
            self._trainer = bool(name) and await self.startdag.is_trainer(name)

        def find_participant(self) -> Any:
            name = self.user_name()
            return self.startdag.room.participant_of(name) if is_temporary(name) else None

        def trainer_allowed(self) -> bool:
            return self._trainer

        def join_address(self) -> str:
            return self.startdag.join_url(self.request)

        def page_addresses(self) -> web.PageAddresses:
            return self.startdag.addresses

        def login_first(self) -> bool:
            """A page asked without the service's login: go through the hub's OAuth first (True)."""
            if self.current_user is None:
                self.redirect(self.get_login_url())
                return True
            return False

    class PhonePage(HubIdentity, web.PhonePage):
        async def get(self) -> None:
            if not self.login_first():
                super().get()

    class WallPage(HubIdentity, web.WallPage):
        async def get(self) -> None:
            if not self.login_first():
                super().get()

    classes: dict[str, type] = {"PhonePage": PhonePage, "WallPage": WallPage}
    for base in (
        web.MeApi,
        web.WallApi,
        web.QuestionsApi,
        web.RatingsApi,
        web.SaveApi,
        web.ReportDownload,
        web.ModerateApi,
        web.NamesApi,
    ):
        classes[base.__name__] = type(base.__name__, (HubIdentity, base), {})

    class Home(HubIdentity, web.WorkshopHandler):
        """The service's root: trainers to the regie page, participants to their phone page."""

        async def get(self) -> None:
            if self.login_first():
                return
            if self.trainer_allowed():
                self.redirect(self.startdag.prefix + "regie")
            elif self.find_participant() is not None:
                self.redirect(self.startdag.prefix + "workshop/phone")
            else:
                self.redirect(self.startdag.join_path)

    class JoinRedirect(web.WorkshopHandler):
        """``/join`` of the laptop's pages: on the hub the join page is the hub's own."""

        def get(self) -> None:
            query = self.request.query
            self.redirect(self.settings["ik_startdag"].join_path + (f"?{query}" if query else ""))

    class Regie(HubIdentity, web.WorkshopHandler):
        """The trainer's page: open a startdag, show code, address, QR code and participants; end it."""

        def write_error(self, status_code: int, **kwargs: Any) -> None:
            exc = kwargs.get("exc_info", (None, None, None))[1]
            if status_code == 403 and not (isinstance(exc, tornado.web.HTTPError) and "xsrf" in str(exc.log_message)):
                self.set_header("Content-Type", "text/html; charset=utf-8")
                self.finish(self.page(f'<p role="alert">{self.say("sd.forbidden", group=trainer_group())}</p>'))
                return
            super().write_error(status_code, **kwargs)

        def say(self, key: str, **params: Any) -> str:
            return html.escape(t(key, self.lang, **{k: str(v) for k, v in params.items()}))

        def page(self, body: str) -> str:
            other = "en" if self.lang == "nl" else "nl"
            return (
                f'<!doctype html><html lang="{self.lang}"><head><meta charset="utf-8">'
                '<meta name="viewport" content="width=device-width, initial-scale=1">'
                f"<title>{self.say('sd.title')}</title>"
                f'<link rel="stylesheet" href="{self.startdag.prefix}workshop/static/workshop.css"></head>'
                f'<body class="ikw-regie"><main id="ikw-main"><h1>{self.say("sd.title")}</h1>'
                f'<p><a href="?lang={other}" data-testid="lang-toggle">{self.say("sd.lang")}</a></p>'
                f"{body}</main></body></html>"
            )

        def form(self, action: str, inner: str, testid: str) -> str:
            return (
                f'<form method="post" action="?lang={self.lang}" data-testid="{testid}">{self.xsrf_form_html()}'
                f'<input type="hidden" name="action" value="{action}">{inner}</form>'
            )

        async def get(self) -> None:
            if self.login_first():
                return
            self.require_trainer()
            await self.show()

        async def show(self, notice: str = "") -> None:
            self.set_header("Content-Type", "text/html; charset=utf-8")
            self.set_header("Content-Security-Policy", SERVICE_CSP)
            store = self.startdag.room.store
            workshop = await asyncio.to_thread(store.active)
            parts = [f'<p role="status" data-testid="notice">{notice}</p>' if notice else ""]
            if workshop is None:
                parts.append(f"<p>{self.say('sd.none')}</p>")
                parts.append(
                    self.form(
                        "open",
                        f'<label for="ikr-title">{self.say("sd.open.title")}</label> '
                        f'<input id="ikr-title" name="title" maxlength="{MAX_TITLE}" data-testid="title"> '
                        f'<button type="submit" data-testid="open">{self.say("sd.open.button")}</button>',
                        "open-form",
                    )
                )
                self.finish(self.page("".join(parts)))
                return
            url = self.join_address()
            people = await asyncio.to_thread(store.participants)
            names = "".join(f'<li data-testid="participant">{html.escape(p.name)}</li>' for p in people)
            parts += [
                f'<h2 data-testid="title">{self.say("sd.running", title=workshop.title or "-")}</h2>',
                f'<div class="ikw-qr" data-testid="join-qr">{web.qr_svg(url)}</div>',
                f'<p>{self.say("sd.join.go")} <strong data-testid="join-url">{html.escape(url)}</strong></p>',
                f'<p>{self.say("sd.join.code")}: <strong class="ikw-join-code" data-testid="join-code">'
                f"{html.escape(workshop.code)}</strong></p>",
                "" if workshop.joining_open else f"<p>{self.say('sd.join.closed')}</p>",
                self.form("new_code", f'<button type="submit">{self.say("sd.new_code")}</button>', "new-code"),
                self.form(
                    "joining",
                    f'<input type="hidden" name="open" value="{"0" if workshop.joining_open else "1"}">'
                    f'<button type="submit">{self.say("sd.join.close" if workshop.joining_open else "sd.join.reopen")}'
                    "</button>",
                    "joining",
                ),
                f'<p><a href="{self.startdag.prefix}workshop/wall?lang={self.lang}" data-testid="wall-link">'
                f"{self.say('sd.wall')}</a></p>",
                f"<h2>{self.say('sd.people', n=len(people))}</h2>",
                f'<ul data-testid="participants">{names}</ul>' if people else f"<p>{self.say('sd.people.none')}</p>",
                f"<h2>{self.say('sd.end.head')}</h2><p>{self.say('sd.end.text')}</p>",
                self.form(
                    "end",
                    f'<label><input type="checkbox" name="confirm" value="1" data-testid="end-confirm"> '
                    f"{self.say('sd.end.confirm')}</label> "
                    f'<button type="submit" data-testid="end">{self.say("sd.end.button")}</button>',
                    "end-form",
                ),
            ]
            self.finish(self.page("".join(parts)))

        async def post(self) -> None:
            self.require_trainer()
            store = self.startdag.room.store
            action = self.get_body_argument("action", "")
            notice = ""
            try:
                if action == "open":
                    title = self.get_body_argument("title", "")
                    if len(title) > MAX_TITLE:
                        notice = self.say("sd.title.long", n=MAX_TITLE)
                    else:
                        await asyncio.to_thread(store.open_workshop, title)
                elif action == "new_code":
                    await asyncio.to_thread(store.new_code)
                elif action == "joining":
                    await asyncio.to_thread(store.set_joining, self.get_body_argument("open", "") == "1")
                elif action == "end":
                    if self.get_body_argument("confirm", "") != "1":
                        notice = self.say("sd.end.unconfirmed")
                    else:
                        report = await self.startdag.end()
                        if report is not None and report.failures:
                            notice = self.say("sd.end.partial", what=", ".join(report.failures))
                        elif report is not None:
                            notice = self.say(
                                "sd.ended",
                                users=report.hub_users,
                                roles=report.roles,
                                participants=report.participants,
                                questions=report.questions,
                                ratings=report.ratings,
                                reflections=report.reflections,
                            )
                            self.set_header("X-Startdag-Ended", json.dumps(report.as_dict()))
                else:
                    raise web.ApiError.of(400, "bad_request", "ws.err.bad_request")
            except WorkshopError as exc:
                notice = html.escape(exc.text(self.lang))
            self.ws.changed()
            await self.show(notice)

    return {
        **classes,
        "Home": Home,
        "JoinRedirect": JoinRedirect,
        "Regie": Regie,
        "OAuthCallback": HubOAuthCallbackHandler,
    }


def make_app(startdag: Startdag, *, cookie_secret: bytes | None = None) -> tornado.web.Application:
    """The service's tornado application under ``startdag.prefix``."""
    classes = _service_classes()
    p = startdag.prefix
    routes: list[Any] = [
        (p, classes["Home"]),
        (p + "oauth_callback", classes["OAuthCallback"]),
        (p + "regie", classes["Regie"]),
        (p + "join", classes["JoinRedirect"]),
        (p + "workshop/phone", classes["PhonePage"]),
        (p + "workshop/wall", classes["WallPage"]),
        (p + "workshop/api/me", classes["MeApi"]),
        (p + "workshop/api/wall", classes["WallApi"]),
        (p + "workshop/api/questions", classes["QuestionsApi"]),
        (p + "workshop/api/ratings", classes["RatingsApi"]),
        (p + "workshop/api/save", classes["SaveApi"]),
        (p + "workshop/api/report", classes["ReportDownload"]),
        (p + "workshop/api/moderate", classes["ModerateApi"]),
        (p + "workshop/api/names", classes["NamesApi"]),
        (p + "workshop/static/(.*)", web.StaticFiles, {"path": str(web.STATIC_DIR)}),
    ]
    context = web.WorkshopContext(startdag.room.store, "")
    return tornado.web.Application(
        routes,
        cookie_secret=cookie_secret or secrets.token_bytes(32),
        kit_workshop=context,
        kit_log=log,
        ik_startdag=startdag,
    )


def main(argv: list[str] | None = None) -> int:
    """Run the startdag service as the hub starts it (``JUPYTERHUB_*`` and ``INTERVISIE_KIT_HUB_DB``)."""
    parser = argparse.ArgumentParser(prog="intervisie-kit hub-startdag", description=main.__doc__)
    parser.add_argument("--public-url", default="", help="the hub's public address, for the join link and QR code")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="[%(levelname)s %(asctime)s %(name)s] %(message)s")
    admin_url = os.environ.get(ADMIN_DB_ENV, "")
    missing = [
        name
        for name in ("JUPYTERHUB_API_TOKEN", "JUPYTERHUB_API_URL", "JUPYTERHUB_SERVICE_URL")
        if not os.environ.get(name)
    ]
    if not admin_url:
        missing.append(ADMIN_DB_ENV)
    if missing:
        print(f"intervisie-startdag: missing environment: {', '.join(missing)}", file=sys.stderr)
        return 2
    prefix = os.environ.get("JUPYTERHUB_SERVICE_PREFIX", f"/services/{STARTDAG_SERVICE}/")
    base_url = os.environ.get("JUPYTERHUB_BASE_URL", "/")
    public = args.public_url or os.environ.get("JUPYTERHUB_PUBLIC_URL", "")
    startdag = Startdag(
        StartdagRoom(admin_url),
        HubApi(os.environ["JUPYTERHUB_API_URL"], os.environ["JUPYTERHUB_API_TOKEN"]),
        prefix=prefix,
        base_url=base_url,
        public_url=public,
    )
    startdag.room.store.version()  # the database answers, or the service stops here with the reason
    bind = urlparse(os.environ["JUPYTERHUB_SERVICE_URL"])
    app = make_app(startdag)

    async def serve() -> None:
        app.listen(bind.port or 80, bind.hostname or "127.0.0.1", xheaders=True)
        app.settings["kit_workshop"].start()
        log.info("Startdag service at %s (prefix %s)", os.environ["JUPYTERHUB_SERVICE_URL"], prefix)
        await asyncio.Event().wait()

    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve())
    return 0


if __name__ == "__main__":
    sys.exit(main())
