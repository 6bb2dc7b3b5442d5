"""The startdag service ``intervisie-startdag``: the workshop's pages and API behind the hub's OAuth.

The handlers of ``workshop/web.py`` with :class:`HubIdentity` mixed in: the participant is the temporary
hub user of the running workshop, the trainer a member of the trainer group (asked of the hub API on every
request, so leaving the group ends it at once); pages live under the service's prefix
(:class:`~intervisie_kit.workshop.web.PageAddresses`). :meth:`Startdag.end` ends a startdag and erases it:
the temporary hub users (hub API; the hub stops their servers), their database roles and rows, the
workshop's rows and its group.
"""

from __future__ import annotations

import asyncio
import json
import logging
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from jupyterhub.services.auth import HubOAuthenticated

from ...workshop import web
from .. import trainer_group
from .room import JOIN_PATH, StartdagRoom, group_name, is_temporary, path_join

__all__ = [
    "END_PARALLEL",
    "HUB_API_TIMEOUT",
    "MAX_HUB_USERS_PER_END",
    "EndReport",
    "Home",
    "HubApi",
    "HubIdentity",
    "JoinRedirect",
    "PhonePage",
    "Startdag",
    "WallPage",
    "api_handlers",
]

log = logging.getLogger(__name__)

MAX_HUB_USERS_PER_END = 500  # group members read from the hub when a startdag ends (a workshop has <= 60)
END_PARALLEL = 8  # temporary users erased at once when a startdag ends (each waits for its server to stop)
HUB_API_TIMEOUT = 30.0  # seconds for one hub API call (deleting a user waits for its server to stop)


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
        self.join_path = path_join(self.base_url, "hub", JOIN_PATH)
        self.addresses = web.PageAddresses(
            base=self.prefix,
            kit=path_join(self.base_url, "hub", "user-redirect") + "/",
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


#: The workshop's JSON API with the hub's identity: (path under the prefix, handler).
api_handlers: list[tuple[str, type]] = [
    (path, type(base.__name__, (HubIdentity, base), {"__module__": __name__}))
    for path, base in (
        ("workshop/api/me", web.MeApi),
        ("workshop/api/wall", web.WallApi),
        ("workshop/api/questions", web.QuestionsApi),
        ("workshop/api/ratings", web.RatingsApi),
        ("workshop/api/save", web.SaveApi),
        ("workshop/api/report", web.ReportDownload),
        ("workshop/api/moderate", web.ModerateApi),
        ("workshop/api/names", web.NamesApi),
    )
]


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
