"""The workshop's HTTP side: join, phone and wall pages and their JSON API, and who may reach what.

Phones and the wall have no kernel (``docs/workshop.md``): the pages in ``share/workshop/`` talk JSON to
the handlers here, which call the :class:`~.store.WorkshopStore` in the server process. Identity comes
from cookies only: ``ik_participant`` holds a random secret whose hash the store keeps, ``ik_trainer`` the
trainer's key; a request from this machine's loopback address is the trainer too.

:func:`decide` is the access rule for every request in workshop mode, as a pure function of the path and
who is asking; :class:`~intervisie_kit.server.KitApplication` applies it before any handler runs.

Long polls (``/workshop/api/me``, ``/workshop/api/wall``) answer at once when the store's version is past
the client's, else wait on :class:`Notifier`, which the handlers wake on their own writes and a 250 ms
timer wakes when a kernel (pages 05 and 11) changed the version.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import secrets
import time
from dataclasses import dataclass
from enum import Enum
from typing import Any
from urllib.parse import unquote

import tornado.web
from tornado.ioloop import PeriodicCallback

from ..i18n import LANGS, register, t
from ..paths import share_dir
from . import JOIN_ATTEMPTS, JOIN_GLOBAL, JOIN_WINDOW, MAX_BODY, MIN_INTERVAL
from .model import WorkshopError
from .network import is_loopback, qr_svg
from .ratelimit import JoinLimiter

__all__ = [
    "LAPTOP",
    "PARTICIPANT_COOKIE",
    "PARTICIPANT_PAGES",
    "TRAINER_COOKIE",
    "Access",
    "Decision",
    "Notifier",
    "PageAddresses",
    "WorkshopContext",
    "decide",
    "handlers",
]

log = logging.getLogger(__name__)

PARTICIPANT_COOKIE = "ik_participant"
TRAINER_COOKIE = "ik_trainer"
COOKIE_DAYS = 1  # the workshop is one day; the cookie ends with it
MAX_COOKIE = 200  # longer cookie values are ignored without a database look-up
POLL_TIMEOUT = 25.0  # seconds a long poll waits before it answers with what is there
VERSION_CHECK_MS = 250  # how often the store's version is compared (writes by kernels)
#: Voila pages a participant may open (the rest are for the trainer).
PARTICIPANT_PAGES = ("00", "01", "03", "04", "06", "07", "10")
STATIC_DIR = share_dir() / "workshop"

register(
    {
        "ws.err.no_identity": (
            "Je bent niet (meer) aangemeld bij deze workshop. Open de aanmeldpagina en meld je opnieuw aan.",
            "You are not (or no longer) signed in to this workshop. Open the join page and join again.",
        ),
        "ws.err.trainer_only": (
            "Dit deel is alleen voor de trainer.",
            "This part is for the trainer only.",
        ),
        "ws.err.too_big": (
            "Dit bericht is te groot: de grens is {n} bytes per verzoek. Maak je tekst korter.",
            "This message is too large: the limit is {n} bytes per request. Make your text shorter.",
        ),
        "ws.err.bad_request": (
            "De kit kon dit verzoek niet lezen. Laad de pagina opnieuw.",
            "The kit could not read this request. Reload the page.",
        ),
        "ws.err.join_limit": (
            "Te veel verkeerde codes vanaf dit apparaat (grens: {n} per {m} minuten). Probeer het over {s} "
            "seconden opnieuw, of vraag de trainer om de code.",
            "Too many wrong codes from this device (limit: {n} per {m} minutes). Try again in {s} seconds, "
            "or ask the trainer for the code.",
        ),
        "ws.err.join_paused": (
            "Aanmelden met een code staat even stil: er zijn in korte tijd te veel verkeerde codes geprobeerd "
            "(grens: {n} per {m} minuten voor de hele zaal). De trainer maakt een nieuwe code.",
            "Joining with a code is paused: too many wrong codes were tried in a short time (limit: {n} per "
            "{m} minutes for the whole room). The trainer will make a new code.",
        ),
        "ws.err.bad_key": (
            "Deze trainerlink klopt niet (meer). Maak op de laptop van de trainer een nieuwe link.",
            "This trainer link is not (or no longer) valid. Make a new link on the trainer's laptop.",
        ),
        "ws.err.not_found": ("Dit adres bestaat niet in de kit.", "This address does not exist in the kit."),
        "ws.err.kernel": (
            "Deze pagina hoort bij een ander apparaat en kan hier niet verder.",
            "This page belongs to another device and cannot continue here.",
        ),
        "ws.err.loopback": (
            "Dit adres is alleen bereikbaar op de laptop van de trainer zelf.",
            "This address can only be reached on the trainer's laptop itself.",
        ),
        "ws.err.server": (
            "Er ging iets mis op de laptop van de trainer. Probeer het opnieuw.",
            "Something went wrong on the trainer's laptop. Try again.",
        ),
        "ws.err.missing_page": (
            "Deze pagina ontbreekt in de installatie van de kit.",
            "This page is missing from the kit's installation.",
        ),
        "ws.forbidden.title": ("Deze pagina is voor de trainer", "This page is for the trainer"),
        "ws.forbidden.text": (
            "Tijdens de startdag open je op je eigen apparaat alleen de pagina's voor deelnemers.",
            "During the workshop you can open only the participants' pages on your own device.",
        ),
        "ws.forbidden.back": ("Terug naar je startdagpagina", "Back to your workshop page"),
    }
)

#: HTTP status for each refusal the store can give.
STATUS = {
    "no_workshop": 404,
    "joining_closed": 403,
    "bad_code": 400,
    "name": 400,
    "too_long": 400,
    "empty": 400,
    "no_round": 409,
    "too_many": 429,
    "too_fast": 429,
    "not_inbrenger": 403,
    "not_found": 404,
    "removed": 401,
    "full": 409,
    "rating": 400,
    "rule": 409,
    "key": 400,
}

SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}
#: The workshop pages load their own scripts and styles only; text from participants never becomes markup.
PAGE_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'"
)


# --- who may reach what ------------------------------------------------------------------------------


class Access(Enum):
    PASS = "pass"  # the handler runs (workshop handlers check identity themselves)
    LOGIN = "login"  # no identity: go to the join page
    PHONE = "phone"  # a participant at the root: their phone page
    PAGE_FORBIDDEN = "page_forbidden"  # a trainer's page, asked by a participant: a friendly page
    FORBIDDEN = "forbidden"  # 403
    LOOPBACK_ONLY = "loopback_only"  # 403: only this machine
    OWNER = "owner"  # a kernel's channels, model or shutdown: only the browser whose page started it


@dataclass(frozen=True)
class Decision:
    access: Access
    kernel_id: str = ""


_OPEN_PREFIXES = (
    "/workshop/",
    "/voila/static/",
    "/voila/templates/",
    "/voila/labextensions/",
    "/voila/api/themes/",
    "/static/",
)
_KERNEL = re.compile(r"^/(?:api/kernels/([0-9a-fA-F-]{1,64})(?:/channels)?|voila/api/shutdown/([^/]{1,64}))$")
_PAGE = re.compile(r"^/voila/render/(\d\d)_[A-Za-z0-9_]{1,80}\.ipynb$")


def decide(path: str, *, loopback: bool, trainer: bool, participant: bool) -> Decision:
    """The access rule in workshop mode, before any handler; ``path`` is the raw request path."""
    path = unquote(path)
    if path.startswith("/voila/query/"):  # request info for preheated kernels: only the server's own kernels
        return Decision(Access.PASS if loopback else Access.LOOPBACK_ONLY)
    kernel = _KERNEL.match(path)
    if kernel:
        return Decision(Access.OWNER, kernel.group(1) or kernel.group(2))
    if trainer:
        return Decision(Access.PASS)
    if ".." in path or "\\" in path or "\x00" in path:
        return Decision(Access.FORBIDDEN)
    if path in ("/join", "/favicon.ico") or path.startswith(_OPEN_PREFIXES):
        return Decision(Access.PASS)
    if path == "/":
        return Decision(Access.PHONE if participant else Access.LOGIN)
    if path.startswith("/voila/render/"):
        if not participant:
            return Decision(Access.LOGIN)
        page = _PAGE.match(path)
        return Decision(Access.PASS if page and page.group(1) in PARTICIPANT_PAGES else Access.PAGE_FORBIDDEN)
    if path.startswith("/voila/files/") and participant:
        return Decision(Access.PASS)
    return Decision(Access.FORBIDDEN)


# --- the workshop as the server holds it ----------------------------------------------------------------


class Notifier:
    """Long polls waiting for the next change; woken by the server's own writes and a version check."""

    def __init__(self) -> None:
        self._waiters: set[asyncio.Future[bool]] = set()

    def add(self) -> asyncio.Future[bool]:
        future: asyncio.Future[bool] = asyncio.get_running_loop().create_future()
        self._waiters.add(future)
        return future

    def discard(self, future: asyncio.Future[bool]) -> None:
        self._waiters.discard(future)

    def notify(self) -> None:
        waiters, self._waiters = self._waiters, set()
        for future in waiters:
            if not future.done():
                future.set_result(True)

    def __len__(self) -> int:
        return len(self._waiters)


class WorkshopContext:
    """What the handlers share: the store, the join limiter, the waiters, the join address."""

    def __init__(self, store: Any, join_url: str, *, https: bool = False, clock: Any = time.monotonic) -> None:
        self.store = store
        self.join_url = join_url
        self.https = https
        self.limiter = JoinLimiter(JOIN_ATTEMPTS, JOIN_WINDOW, JOIN_GLOBAL, clock=clock)
        self.notifier = Notifier()
        self._seen_version = -1
        self._timer: PeriodicCallback | None = None

    def start(self) -> None:
        """Start the version check (on the running IOLoop)."""
        self._seen_version = self.store.version()
        self._timer = PeriodicCallback(self.check_version, VERSION_CHECK_MS)
        self._timer.start()

    def stop(self) -> None:
        if self._timer is not None:
            self._timer.stop()

    def check_version(self) -> None:
        try:
            version = self.store.version()
        except Exception:  # a busy database now and then must not stop the timer
            log.warning("Could not read the workshop version; trying again.", exc_info=True)
            return
        if version != self._seen_version:
            self._seen_version = version
            self.notifier.notify()

    def changed(self) -> None:
        """The server itself just wrote: wake the waiters now instead of at the next check."""
        self.check_version()

    # identity ------------------------------------------------------------------------------------------

    @staticmethod
    def _cookie(request: Any, name: str) -> str:
        morsel = request.cookies.get(name)
        value = morsel.value if morsel is not None else ""
        return value if 0 < len(value) <= MAX_COOKIE else ""

    def participant_of(self, request: Any) -> Any:
        secret = self._cookie(request, PARTICIPANT_COOKIE)
        return self.store.participant_by_secret(secret) if secret else None

    def is_trainer(self, request: Any) -> bool:
        if is_loopback(request.remote_ip):
            return True
        key = self._cookie(request, TRAINER_COOKIE)
        return bool(key) and bool(self.store.check_trainer_key(key))

    def owner_allowed(self, request: Any, kernel_id: str) -> bool:
        """Only the browser whose page started ``kernel_id`` may reach it; an unknown kernel: the trainer."""
        binding = self.store.kernel_binding(kernel_id)
        if binding is not None and binding.participant_id is not None:
            participant = self.participant_of(request)
            return participant is not None and participant.id == binding.participant_id
        return self.is_trainer(request)

    def owner_of_page(self, request: Any) -> str | None:
        """Whom a page's kernel serves: the participant whose cookie came along, else the trainer (None)."""
        participant = self.participant_of(request)
        return participant.id if participant is not None else None

    def decide(self, request: Any) -> Decision:
        loopback = is_loopback(request.remote_ip)
        # What passes without any identity passes for everyone: static files and the workshop's own
        # routes (their handlers check identity) cost no database look-up.
        quick = decide(request.path, loopback=loopback, trainer=False, participant=False)
        if quick.access in (Access.PASS, Access.OWNER, Access.LOOPBACK_ONLY):
            return quick
        return decide(
            request.path,
            loopback=loopback,
            trainer=self.is_trainer(request),
            participant=self.participant_of(request) is not None,
        )

    def join_refusal(self, client: str) -> ApiError | None:
        """Why ``client`` may not try a code (or a trainer key) now; None when it may."""
        workshop = self.store.active()
        verdict = self.limiter.check(client, workshop.code if workshop is not None else None)
        if verdict.allowed:
            return None
        minutes = JOIN_WINDOW // 60
        if verdict.paused:
            return ApiError.of(429, "join_paused", "ws.err.join_paused", 60, n=JOIN_GLOBAL, m=minutes)
        retry = verdict.retry_after
        return ApiError.of(429, "join_limit", "ws.err.join_limit", retry, n=JOIN_ATTEMPTS, m=minutes, s=retry)


# --- handlers ------------------------------------------------------------------------------------------


class ApiError(tornado.web.HTTPError):
    """A refusal with a Dutch and an English text and a machine word."""

    def __init__(self, status: int, code: str, nl: str, en: str, retry_after: int | None = None) -> None:
        super().__init__(status, code)
        self.code, self.nl, self.en, self.retry_after = code, nl, en, retry_after

    @classmethod
    def of(cls, status: int, code: str, key: str, retry_after: int | None = None, **params: object) -> ApiError:
        return cls(status, code, t(key, "nl", **params), t(key, "en", **params), retry_after)

    @classmethod
    def from_store(cls, exc: WorkshopError) -> ApiError:
        retry = getattr(exc, "retry_after", None) or (MIN_INTERVAL if exc.code == "too_fast" else None)
        if exc.code == "too_many":
            retry = retry or 60
        return cls(STATUS.get(exc.code, 400), exc.code, exc.nl, exc.en, retry)


_GENERIC = {
    400: ("bad_request", "ws.err.bad_request"),
    401: ("no_identity", "ws.err.no_identity"),
    403: ("forbidden", "ws.err.trainer_only"),
    404: ("not_found", "ws.err.not_found"),
    413: ("too_big", "ws.err.too_big"),
}


class WorkshopHandler(tornado.web.RequestHandler):
    """JSON errors, body limit, XSRF on every POST, security headers."""

    @property
    def ws(self) -> WorkshopContext:
        return self.settings["kit_workshop"]

    def set_default_headers(self) -> None:
        for name, value in SECURITY_HEADERS.items():
            self.set_header(name, value)

    max_body = MAX_BODY  # bytes in one POST

    def prepare(self) -> None:
        if self.request.method == "POST":
            if len(self.request.body or b"") > self.max_body:
                raise ApiError.of(413, "too_big", "ws.err.too_big", n=self.max_body)
            if not self.settings.get("xsrf_cookies"):  # else tornado checked it already
                self.check_xsrf_cookie()

    @property
    def lang(self) -> str:
        lang = self.get_query_argument("lang", "nl")
        return lang if lang in LANGS else "nl"

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        exc = kwargs.get("exc_info", (None, None, None))[1]
        if isinstance(exc, ApiError):
            error = {"nl": exc.nl, "en": exc.en, "code": exc.code}
            if exc.retry_after:
                self.set_header("Retry-After", str(exc.retry_after))
        else:
            code, key = _GENERIC.get(status_code, ("server", "ws.err.server"))
            params = {"n": MAX_BODY} if status_code == 413 else {}
            if status_code == 403 and isinstance(exc, tornado.web.HTTPError) and "xsrf" in str(exc.log_message):
                code, key = "xsrf", "ws.err.bad_request"
            error = {"nl": t(key, "nl", **params), "en": t(key, "en", **params), "code": code}
        self.set_header("Content-Type", "application/json; charset=utf-8")
        self.finish(json.dumps({"error": error}, ensure_ascii=False))

    def body(self) -> dict[str, Any]:
        try:
            data = json.loads(self.request.body or b"{}")
        except (ValueError, UnicodeDecodeError):
            raise ApiError.of(400, "bad_request", "ws.err.bad_request") from None
        if not isinstance(data, dict):
            raise ApiError.of(400, "bad_request", "ws.err.bad_request")
        return data

    def send_json(self, data: Any) -> None:
        self.set_header("Content-Type", "application/json; charset=utf-8")
        self.finish(json.dumps(data, ensure_ascii=False, default=str))

    # Who is asking, and where things are: the laptop's answers. A hub service (``hub/startdag.py``)
    # overrides these four in a mixin: identity from the hub, addresses under the service's prefix.

    def find_participant(self) -> Any:
        """The participant this request comes from, or None."""
        return self.ws.participant_of(self.request)

    def trainer_allowed(self) -> bool:
        return bool(self.ws.is_trainer(self.request))

    def join_address(self) -> str:
        """The address the wall shows (and its QR code encodes) for joining."""
        return str(self.ws.join_url)

    def page_addresses(self) -> PageAddresses:
        """Where the pages' links and requests go; the laptop's are the paths as written in the files."""
        return LAPTOP

    def participant(self) -> Any:
        participant = self.find_participant()
        if participant is None:
            raise ApiError.of(401, "no_identity", "ws.err.no_identity")
        return participant

    def require_trainer(self) -> None:
        if not self.trainer_allowed():
            raise ApiError.of(403, "trainer_only", "ws.err.trainer_only")

    def set_identity_cookie(self, name: str, value: str) -> None:
        self.set_cookie(
            name,
            value,
            path="/",
            expires_days=COOKIE_DAYS,
            httponly=True,
            secure=self.ws.https,
            samesite="Strict",
        )

    def store_call(self, method: str, *args: Any, **kwargs: Any) -> Any:
        try:
            return getattr(self.ws.store, method)(*args, **kwargs)
        except WorkshopError as exc:
            raise ApiError.from_store(exc) from None


@dataclass(frozen=True)
class PageAddresses:
    """Where a workshop page's own paths live. The files in ``share/workshop/`` are written for the laptop
    (``/workshop/...``, ``/voila/...``, ``/join``); a hub serves the workshop under a service prefix, so
    :meth:`apply` rewrites the page's ``href``/``src`` paths and tells the scripts the same in ``meta``
    tags (``workshop.js`` reads them). Every value is a path on this site (it starts with one ``/``)."""

    base: str = "/"  # the workshop's routes: "/" + "workshop/..."
    kit: str = "/"  # the kit's Voila pages: kit + "voila/render/..."
    join: str = "/join"  # the join page
    join_api: str = ""  # where the join form posts ("" = base + "workshop/api/join")

    def __post_init__(self) -> None:
        for value in (self.base, self.kit, self.join, self.join_api):
            if value and (not value.startswith("/") or value.startswith("//") or any(c in value for c in "\"'<>& ")):
                raise ValueError(f"a workshop page address must be a plain path on this site, not {value!r}")
        for value in (self.base, self.kit):
            if not value.endswith("/"):
                raise ValueError(f"a workshop page prefix must end with '/', not {value!r}")

    def apply(self, page: bytes) -> bytes:
        if self == LAPTOP:
            return page
        html = page.decode("utf-8")
        for attr in ("href", "src"):
            html = html.replace(f'{attr}="/workshop/', f'{attr}="{self.base}workshop/')
            html = html.replace(f'{attr}="/voila/', f'{attr}="{self.kit}voila/')
        tags = "".join(
            f'<meta name="{name}" content="{value}">'
            for name, value in (
                ("ik-base", self.base),
                ("ik-kit", self.kit),
                ("ik-join", self.join),
                ("ik-join-api", self.join_api),
            )
            if value
        )
        return html.replace('<meta charset="utf-8">', '<meta charset="utf-8">' + tags, 1).encode("utf-8")


LAPTOP = PageAddresses()


class PageHandler(WorkshopHandler):
    """A page from ``share/workshop/``: its scripts do the rest; it sets the ``_xsrf`` cookie they send."""

    page = ""

    def serve_page(self) -> None:
        _ = self.xsrf_token
        path = STATIC_DIR / self.page
        if not path.is_file():
            raise ApiError.of(503, "missing_page", "ws.err.missing_page")
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.set_header("Content-Security-Policy", PAGE_CSP)
        self.finish(self.page_addresses().apply(path.read_bytes()))


class JoinPage(PageHandler):
    page = "join.html"

    def get(self) -> None:
        self.serve_page()


class PhonePage(PageHandler):
    page = "phone.html"

    def get(self) -> None:
        if self.find_participant() is None:
            self.redirect(self.page_addresses().join)
            return
        self.serve_page()


class WallPage(PageHandler):
    page = "wall.html"

    def get(self) -> None:
        self.require_trainer()
        self.serve_page()


class StaticFiles(tornado.web.StaticFileHandler):
    """The pages' scripts and styles; tornado's handler keeps requests inside the folder."""

    def set_default_headers(self) -> None:
        self.set_header("X-Content-Type-Options", "nosniff")


class JoinApi(WorkshopHandler):
    def post(self) -> None:
        existing = self.ws.participant_of(self.request)
        if existing is not None:  # a reload or a second tap: the same identity
            self.send_json({"name": existing.name, "repeat": True})
            return
        client = self.request.remote_ip or "?"
        refusal = self.ws.join_refusal(client)
        if refusal is not None:
            raise refusal
        data = self.body()
        code, name = data.get("code"), data.get("name")
        if not isinstance(code, str) or not isinstance(name, str):
            raise ApiError.of(400, "bad_request", "ws.err.bad_request")
        secret = secrets.token_urlsafe(32)
        try:
            participant = self.ws.store.join(code.strip()[:20], name, secret)
        except WorkshopError as exc:
            if exc.code == "bad_code":
                workshop = self.ws.store.active()
                self.ws.limiter.failure(client, workshop.code if workshop is not None else None)
                if self.ws.limiter.paused:
                    log.warning("Joining paused: %d wrong codes in %d s from the room.", JOIN_GLOBAL, JOIN_WINDOW)
            raise ApiError.from_store(exc) from None
        self.set_identity_cookie(PARTICIPANT_COOKIE, secret)
        self.ws.changed()
        self.send_json({"name": participant.name, "repeat": False})


class TrainerLogin(WorkshopHandler):
    """``/workshop/trainer?key=...``: the trainer's second device gets the trainer cookie."""

    def _request_summary(self) -> str:  # the key never reaches the log
        return f"{self.request.method} {self.request.path} ({self.request.remote_ip})"

    def get(self) -> None:
        key = self.get_query_argument("key", "")
        client = self.request.remote_ip or "?"
        refusal = self.ws.join_refusal(client)
        if refusal is not None:
            raise refusal
        if not key or len(key) > MAX_COOKIE or not self.ws.store.check_trainer_key(key):
            self.ws.limiter.failure(client, None)
            raise ApiError.of(403, "bad_key", "ws.err.bad_key")
        self.set_identity_cookie(TRAINER_COOKIE, key)
        self.redirect("/workshop/wall")


class LongPoll(WorkshopHandler):
    _waiter: asyncio.Future[bool] | None = None
    _gone = False

    def on_connection_close(self) -> None:
        self._gone = True
        if self._waiter is not None and not self._waiter.done():
            self._waiter.set_result(False)

    async def wait_for_change(self) -> bool:
        """Wait until the version passes ``since`` (or the timeout); False when the client went away."""
        try:
            since = int(self.get_query_argument("since", "-1"))
        except ValueError:
            since = -1
        if self.ws.store.version() > since:
            return True
        self._waiter = self.ws.notifier.add()
        try:
            await asyncio.wait_for(self._waiter, POLL_TIMEOUT)
        except TimeoutError:
            pass
        finally:
            self.ws.notifier.discard(self._waiter)
        return not self._gone


class MeApi(LongPoll):
    async def get(self) -> None:
        participant = self.participant()
        if not await self.wait_for_change():
            return
        version = self.ws.store.version()
        view = self.store_call("phone_view", participant.id, self.lang)
        self.send_json({**view, "version": version, "server_time": time.time()})


class WallApi(LongPoll):
    async def get(self) -> None:
        self.require_trainer()
        if not await self.wait_for_change():
            return
        version = self.ws.store.version()
        url = self.join_address()
        view = dict(self.store_call("wall_view", self.lang, join_url=url, qr_svg=qr_svg(url) if url else ""))
        # Joining by code paused by the room's limit (until the trainer makes a new code): the wall says so.
        join = view.get("join") or {}
        view["join"] = {**join, "paused": self.ws.limiter.paused_for(join.get("code"))}
        self.send_json({**view, "version": version, "server_time": time.time()})


class QuestionsApi(WorkshopHandler):
    def post(self) -> None:
        participant = self.participant()
        data = self.body()
        text, key = data.get("text"), data.get("key")
        if not isinstance(text, str) or not isinstance(key, str):
            raise ApiError.of(400, "bad_request", "ws.err.bad_request")
        question, repeat = self.store_call("submit", participant.id, text, key)
        self.ws.changed()
        lang = self.lang
        view = self.store_call("phone_view", participant.id, lang)
        mine = next((q for q in view.get("questions", []) if q.get("id") == question.id), None)
        self.send_json({"question": mine or {"id": question.id, "text": question.text}, "repeat": repeat})


class RatingsApi(WorkshopHandler):
    def post(self) -> None:
        participant = self.participant()
        data = self.body()
        question, rating = data.get("question"), data.get("rating")
        if not isinstance(question, int) or isinstance(question, bool) or not isinstance(rating, str):
            raise ApiError.of(400, "bad_request", "ws.err.bad_request")
        stored = self.store_call("rate", participant.id, question, rating)
        self.ws.changed()
        self.send_json({"question": stored.question_id, "rating": stored.rating})


class SaveApi(WorkshopHandler):
    def post(self) -> None:
        participant = self.participant()
        entry = self.store_call("save_to_journal", participant.id, self.lang)
        self.send_json({"entry": entry})


class ReportDownload(WorkshopHandler):
    def get(self) -> None:
        participant = self.participant()
        markdown = self.store_call("participant_report", participant.id, self.lang)
        name = "startdag-report.md" if self.lang == "en" else "startdag-verslag.md"
        self.set_header("Content-Type", "text/markdown; charset=utf-8")
        self.set_header("Content-Disposition", f'attachment; filename="{name}"')
        self.finish(markdown.encode("utf-8"))


class ModerateApi(WorkshopHandler):
    def post(self) -> None:
        self.require_trainer()
        data = self.body()
        question = data.get("question")
        flags = {k: data[k] for k in ("hidden", "pinned") if k in data}
        if not isinstance(question, int) or isinstance(question, bool) or not flags:
            raise ApiError.of(400, "bad_request", "ws.err.bad_request")
        if not all(isinstance(v, bool) for v in flags.values()):
            raise ApiError.of(400, "bad_request", "ws.err.bad_request")
        self.store_call("moderate", question, **flags)
        self.ws.changed()
        self.send_json({"question": question, **flags})


class NamesApi(WorkshopHandler):
    def post(self) -> None:
        self.require_trainer()
        show = self.body().get("show")
        if not isinstance(show, bool):
            raise ApiError.of(400, "bad_request", "ws.err.bad_request")
        self.store_call("set_show_names", show)
        self.ws.changed()
        self.send_json({"show": show})


class ForbiddenPage(tornado.web.RequestHandler):
    """A participant asked for a trainer's page: say so in both languages, with a way back."""

    def prepare(self) -> None:
        self.set_status(403)
        for name, value in SECURITY_HEADERS.items():
            self.set_header(name, value)
        self.set_header("Content-Type", "text/html; charset=utf-8")
        parts = [
            f'<section lang="{lang}"><h1>{t("ws.forbidden.title", lang)}</h1><p>{t("ws.forbidden.text", lang)}</p>'
            f'<p><a href="/workshop/phone">{t("ws.forbidden.back", lang)}</a></p></section>'
            for lang in LANGS
        ]
        self.finish(
            '<!doctype html><html lang="nl"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{t('ws.forbidden.title', 'nl')}</title></head><body>{''.join(parts)}</body></html>"
        )


class Refusal(WorkshopHandler):
    """403 (or the status given) with a JSON error, for every method, before any other handler."""

    def initialize(self, status: int, code: str, key: str) -> None:
        self._refusal = (status, code, key)

    def prepare(self) -> None:
        status, code, key = self._refusal
        self.settings["kit_log"].warning(
            "Workshop: refused %s %s from %s (%s)", self.request.method, self.request.path[:200],
            self.request.remote_ip, code,
        )  # fmt: skip
        raise ApiError.of(status, code, key)


def refusal_for(decision: Decision) -> tuple[type[tornado.web.RequestHandler], dict[str, Any]] | None:
    """The handler that answers a refused request, or a redirect; None when the request may pass."""
    access = decision.access
    if access is Access.LOGIN:
        return tornado.web.RedirectHandler, {"url": "/join", "permanent": False}
    if access is Access.PHONE:
        return tornado.web.RedirectHandler, {"url": "/workshop/phone", "permanent": False}
    if access is Access.PAGE_FORBIDDEN:
        return ForbiddenPage, {}
    if access is Access.FORBIDDEN:
        return Refusal, {"status": 403, "code": "trainer_only", "key": "ws.err.trainer_only"}
    if access is Access.LOOPBACK_ONLY:
        return Refusal, {"status": 403, "code": "loopback_only", "key": "ws.err.loopback"}
    return None


def kernel_refusal() -> tuple[type[tornado.web.RequestHandler], dict[str, Any]]:
    return Refusal, {"status": 403, "code": "not_owner", "key": "ws.err.kernel"}


def handlers() -> list[tuple[str, type[tornado.web.RequestHandler], dict[str, Any]] | tuple]:
    """The workshop's routes (``docs/workshop.md``)."""
    return [
        (r"/join", JoinPage),
        (r"/workshop/api/join", JoinApi),
        (r"/workshop/trainer", TrainerLogin),
        (r"/workshop/phone", PhonePage),
        (r"/workshop/wall", WallPage),
        (r"/workshop/api/me", MeApi),
        (r"/workshop/api/wall", WallApi),
        (r"/workshop/api/questions", QuestionsApi),
        (r"/workshop/api/ratings", RatingsApi),
        (r"/workshop/api/save", SaveApi),
        (r"/workshop/api/report", ReportDownload),
        (r"/workshop/api/moderate", ModerateApi),
        (r"/workshop/api/names", NamesApi),
        (r"/workshop/static/(.*)", StaticFiles, {"path": str(STATIC_DIR)}),
    ]
