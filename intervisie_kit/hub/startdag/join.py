"""The hub's half of the startdag: ``/hub/startdag`` and the authenticator that carries it.

:func:`with_startdag` wraps the institute's authenticator class. The subclass adds the hub page
``/hub/startdag``: the workshop's join page (``share/workshop/join.html``) whose script posts a code and a
name or pseudonym. A right code makes a temporary hub user (``room.StartdagRoom.join``: participant, own
database role, trainee), puts it in the workshop's group and logs the browser in as that user with the
hub's cookie, as jupyterhub-tmpauthenticator does. Wrong codes count against the workshop's
:class:`~intervisie_kit.workshop.ratelimit.JoinLimiter`. The authenticator's own login refuses every
temporary name, whatever password comes with it, and never refreshes a temporary user out.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import secrets
from typing import Any

from jupyterhub import orm
from jupyterhub.handlers import BaseHandler
from jupyterhub.utils import maybe_future
from traitlets import Integer

from ...i18n import register, t
from ...workshop import JOIN_ATTEMPTS, JOIN_GLOBAL, JOIN_WINDOW, MAX_BODY, web
from ...workshop.model import WorkshopError
from ...workshop.ratelimit import JoinLimiter
from .. import ADMIN_DB_ENV, STARTDAG_SERVICE
from .room import (
    JOIN_PATH,
    NAME_TRIES,
    USER_PREFIX,
    USER_RANDOM_BYTES,
    StartdagRoom,
    group_name,
    is_temporary,
    path_join,
)

__all__ = ["MAX_PROXY_HOPS", "StartdagJoinHandler", "client_address", "with_startdag"]

register(
    {
        "sd.err.hub": (
            "De hub kon de aanmelding niet afmaken. Probeer het opnieuw of vraag de trainer.",
            "The hub could not finish joining. Try again or ask the trainer.",
        ),
    }
)


MAX_PROXY_HOPS = 5  # proxies in front of the hub's proxy that a configuration may name


def client_address(remote_ip: str | None, forwarded_for: str | None, hops: int) -> str:
    """The address a wrong join code is counted against. The hub runs with tornado's ``xheaders``, so
    ``remote_ip`` is the last ``X-Forwarded-For`` entry (whoever reached the hub's proxy); with ``hops``
    trusted proxies in front of that proxy, the phone's address is that many entries further left. An
    entry a phone wrote itself lies left of every trusted one, so it is never chosen."""
    address = remote_ip or "?"
    if hops <= 0 or not forwarded_for:
        return address
    entries = [e.strip() for e in forwarded_for.split(",")[-(MAX_PROXY_HOPS + 1) :] if e.strip()]
    return entries[-1 - hops] if len(entries) > hops else address


class StartdagJoinHandler(BaseHandler):
    """GET: the workshop's join page; POST ``{code, name}``: a temporary hub user, logged in."""

    @property
    def room(self) -> StartdagRoom:
        return self.authenticator.startdag_room()

    @property
    def limiter(self) -> Any:
        return self.authenticator.startdag_limiter

    def addresses(self) -> web.PageAddresses:
        join = path_join(self.hub.base_url, JOIN_PATH)
        return web.PageAddresses(
            base=path_join(self.base_url, "services", STARTDAG_SERVICE) + "/",
            kit=path_join(self.hub.base_url, "user-redirect") + "/",
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

    def new_username(self) -> str:
        """A random name no hub user has (a name that exists would log this phone in as someone else)."""
        for _ in range(NAME_TRIES):
            name = USER_PREFIX + secrets.token_hex(USER_RANDOM_BYTES)
            if self.find_user(name) is None:
                return name
        raise web.ApiError.of(503, "hub", "sd.err.hub")

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
        client = client_address(
            self.request.remote_ip, self.request.headers.get("X-Forwarded-For"), self.authenticator.startdag_proxy_hops
        )
        refusal = await asyncio.to_thread(self._refusal, client)
        if refusal is not None:
            raise refusal
        username = self.new_username()
        try:
            participant = await asyncio.to_thread(self.room.join, code.strip()[:20], name, username)
        except WorkshopError as exc:
            if exc.code == "bad_code":
                workshop = await asyncio.to_thread(self.room.store.active)
                self.limiter.failure(client, workshop.code if workshop is not None else None)
                if self.limiter.paused:
                    self.log.warning("Startdag: joining paused after %d wrong codes", JOIN_GLOBAL)
            raise web.ApiError.from_store(exc) from None
        user = None
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
            self.db.rollback()
            if user is not None:
                with contextlib.suppress(Exception):
                    self.users.delete(user)
            await asyncio.to_thread(self.room.undo_join, participant.id, username)
            raise web.ApiError.of(503, "hub", "sd.err.hub") from None
        try:
            # As a login through the authenticator would (tmpauthenticator's too): e.g. a LocalAuthenticator
            # makes the system user a local spawner needs. The phone page needs none of it, so a refusal
            # only means the participant's own server will not start; joining goes on.
            await maybe_future(self.authenticator.add_user(user))
        except Exception:
            self.log.warning("Startdag: the authenticator did not add %s (its own server may not start)", username)
        # Log in as the new user, replacing whoever this browser was (tmpauthenticator does the same).
        self.set_login_cookie(user)
        self.set_hub_cookie(user)
        self.log.info("Startdag: %s joined workshop %s", username, participant.workshop_id)
        self.finish({"name": participant.name, "repeat": False, "next": next_url})


def with_startdag(authenticator_class: type) -> type:
    """``authenticator_class`` plus the startdag's join page ``/hub/startdag``; its own login stays as it
    is, except that it never logs in a temporary startdag user (whatever password comes along)."""

    class StartdagAuthenticator(authenticator_class):  # type: ignore[misc, valid-type]
        startdag_proxy_hops = Integer(
            0,
            min=0,
            max=MAX_PROXY_HOPS,
            help="""Proxies in front of the hub's own proxy (a Kubernetes ingress, a load balancer): how many
            X-Forwarded-For entries to skip to find a phone's address for the join-code limit. 0 when phones
            reach configurable-http-proxy directly; with an ingress, 1 (else the whole room counts as one).""",
        ).tag(config=True)
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
            return [*super().get_handlers(app), (JOIN_PATH, StartdagJoinHandler)]

    StartdagAuthenticator.__name__ = StartdagAuthenticator.__qualname__ = f"Startdag{authenticator_class.__name__}"
    return StartdagAuthenticator
