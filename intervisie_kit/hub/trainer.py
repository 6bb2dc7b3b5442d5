"""The trainers' hub service ``intervisie-trainer``: the reflections a trainer's trainees chose to share.

JupyterHub starts it as a managed service at ``/services/intervisie-trainer/`` (``docs/hub.md``, "Trainer
service"). Three rooms, top to bottom:

* **Who may see whom** (pure, no HTTP): :func:`visible_trainees` turns the hub's groups into the trainees a
  trainer may see, per group. A trainer is a member of the trainer group (:func:`intervisie_kit.hub.
  trainer_group`); their own groups are every other group they are in; the trainees of a group are its
  members who are not trainers.
* **What they shared** (:class:`SharedReflections`): read through the PostgreSQL reader role
  (``HubDatabase.reader_url()``), which row-level security limits to shared entries; the service asks for
  shared entries only as well, so a private entry is out of reach twice. A :class:`TraineeRecord` makes the
  report page 06 makes for the supervisor (:mod:`intervisie_kit.journal.report`), shown as HTML and offered
  as Markdown and PDF.
* **The tornado app** (:func:`make_app`, :func:`main`): JupyterHub's OAuth (``HubOAuthenticated``) says who
  is asking, and that the hub lets them reach this service (``access:services!service=intervisie-trainer``).
  On every request the service then reads the groups live from the hub REST API with its own token
  (``read:users:groups``, ``read:groups``): taking a trainee or a trainer out of a group ends the access at
  the next request. Group membership is never cached beyond one request (only the identity behind the
  service's cookie is, by HubOAuth, up to five minutes).

The pages themselves are HTML from :mod:`intervisie_kit.hub.trainer_page`.

Run it as ``intervisie-kit hub-trainer`` or ``python -m intervisie_kit.hub.trainer``; the hub sets
``JUPYTERHUB_SERVICE_URL``, ``JUPYTERHUB_SERVICE_PREFIX`` and ``JUPYTERHUB_API_TOKEN``, the hub
configuration passes ``INTERVISIE_KIT_HUB_DB`` (the owner role's database URL, used once at start to
prepare the database and get the reader role).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import signal
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import quote, urlsplit

from ..i18n import LANGS, initial_lang
from ..journal.report import Report, ReportKind, build_report, report_markdown, report_pdf
from ..journal.store import MAX_TITLE, Entry, Journal, JournalError, Trainee
from ..paths import share_dir
from . import ADMIN_DB_ENV, TRAINER_SERVICE, trainer_group
from .trainer_page import PageContext, download_name, render_error, render_overview, render_trainee

__all__ = [
    "API_TIMEOUT",
    "CSP",
    "MAX_GROUPS",
    "MAX_USER_NAME",
    "HubUnavailable",
    "SharedReflections",
    "TraineeRecord",
    "allowed_trainees",
    "hub_groups",
    "is_trainer",
    "main",
    "make_app",
    "visible_trainees",
]

log = logging.getLogger(__name__)

MAX_USER_NAME = 255  # characters of a hub user name in an address (JupyterHub's own column is 255)
MAX_GROUP_NAME = 255  # characters of a group name the service accepts from the hub
MAX_GROUPS = 200  # groups of one trainer read per request; more is a configuration mistake, said in the log
MAX_LABEL = MAX_TITLE  # characters of a meeting label in a download address (the journal's own limit)
API_TIMEOUT = 10.0  # seconds a call to the hub API may take before the page says the hub is not answering
STATIC_DIR = share_dir() / "hub"  # the pages' stylesheet

#: Only the service's own stylesheet and the report's chart (a data: image); no script at all.
CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; "
    "frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",  # shared reflections are confidential: no copies in caches
}


# --- who may see whom (pure) ------------------------------------------------------------------------------


def is_trainer(user: str, groups: Mapping[str, Collection[str]], trainer_group: str) -> bool:
    """Whether ``user`` is a member of the trainer group, as ``groups`` (name -> member names) says."""
    return user in groups.get(trainer_group, ())


def visible_trainees(
    trainer: str, groups: Mapping[str, Collection[str]], trainer_group: str
) -> dict[str, tuple[str, ...]]:
    """The trainees ``trainer`` may see, per group: ``{group: (trainee, ...)}``, both sorted.

    ``groups`` maps each group name to its members, as the hub says now. Someone who is not in the trainer
    group sees nothing. A trainer's groups are the groups they are in, except the trainer group itself;
    the trainees of a group are its members who are not trainers (a co-trainer is a colleague, not a
    trainee). A trainee in two of the trainer's groups appears in both; a group without trainees is kept
    (empty), so the trainer sees that it exists.
    """
    if not is_trainer(trainer, groups, trainer_group):
        return {}
    trainers = set(groups.get(trainer_group, ()))
    return {
        name: tuple(sorted((m for m in set(members) if m not in trainers), key=_sort_key))
        for name, members in sorted(groups.items(), key=lambda item: _sort_key(item[0]))
        if name != trainer_group and trainer in members
    }


def _sort_key(name: str) -> tuple[str, str]:
    return (name.casefold(), name)


def allowed_trainees(view: Mapping[str, Iterable[str]]) -> frozenset[str]:
    """Every trainee in a :func:`visible_trainees` result."""
    return frozenset(name for members in view.values() for name in members)


# --- what they shared -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TraineeRecord:
    """One trainee as the trainer sees them: the hub name, their journal row (None before their first
    visit to the kit on the hub) and the entries they shared, oldest first."""

    hub_user: str
    trainee: Trainee | None
    shared: tuple[Entry, ...] = ()

    @property
    def name(self) -> str:
        return (self.trainee.name if self.trainee is not None else "") or self.hub_user

    def labels(self) -> tuple[str, ...]:
        """The meetings the shared entries name, for one reflectieverslag each."""
        return tuple(sorted({e.context_label for e in self.shared if e.context_label}, key=_sort_key))

    def report(
        self, templates: Mapping[str, Any], lang: str, label: str | None = None, *, chart: bool = True
    ) -> Report:
        """The report page 06 makes for the supervisor: all shared entries (``label`` None) or one meeting's."""
        if self.trainee is None:
            raise JournalError("Er is nog geen dagboek.", "There is no journal yet.")
        trainee = replace(self.trainee, name=self.name)  # an unnamed trainee is called by their hub name
        kind = ReportKind.FINAL if label is None else ReportKind.MEETING
        return build_report(
            kind, trainee, self.shared, templates, lang=lang, all_entries=self.shared, label=label, chart=chart
        )


class SharedReflections:
    """The journal as the reader role sees it (shared entries only; the database enforces that)."""

    def __init__(self, reader_url: str):
        self.journal = Journal(reader_url)

    def record(self, hub_user: str) -> TraineeRecord:
        try:
            trainee = self.journal.hub_trainee(hub_user)
        except JournalError:
            return TraineeRecord(hub_user, None)
        shared = tuple(e for e in self.journal.entries(trainee.id, shared_only=True) if e.shared)
        return TraineeRecord(hub_user, trainee, shared)

    def close(self) -> None:
        self.journal.close()


# --- the hub's groups, live ---------------------------------------------------------------------------------


class HubUnavailable(Exception):
    """The hub API did not answer as it should; the page says so (502)."""


async def _hub_get(api_url: str, token: str, path: str) -> Any | None:
    """GET a hub API path with the service's token; None for 404."""
    from tornado.httpclient import AsyncHTTPClient, HTTPClientError

    url = api_url.rstrip("/") + path
    try:
        response = await AsyncHTTPClient().fetch(
            url, headers={"Authorization": f"token {token}"}, request_timeout=API_TIMEOUT
        )
    except HTTPClientError as exc:
        if exc.code == 404:
            return None
        raise HubUnavailable(f"hub API {path[:100]}: HTTP {exc.code}") from exc
    except OSError as exc:
        raise HubUnavailable(f"hub API {path[:100]}: {exc}") from exc
    return json.loads(response.body)


def _names(value: Any, limit: int) -> list[str]:
    if not isinstance(value, list):
        raise HubUnavailable("hub API: a list of names was expected")
    return [v for v in value if isinstance(v, str) and 0 < len(v) <= limit]


async def hub_groups(api_url: str, token: str, user: str, trainer_group: str) -> dict[str, list[str]]:
    """The groups ``user`` is in plus the trainer group, each with its members, as the hub says now."""
    model = await _hub_get(api_url, token, f"/users/{quote(user, safe='')}")
    if model is None:
        return {}
    names = set(_names(model.get("groups", []), MAX_GROUP_NAME)) | {trainer_group}
    if len(names) > MAX_GROUPS:
        log.warning("Trainer %r is in %d groups; only the first %d are read.", user, len(names), MAX_GROUPS)
        names = set(sorted(names)[: MAX_GROUPS - 1]) | {trainer_group}
    ordered = sorted(names)
    models = await asyncio.gather(*(_hub_get(api_url, token, f"/groups/{quote(g, safe='')}") for g in ordered))
    return {g: _names(m.get("users", []), MAX_USER_NAME) for g, m in zip(ordered, models, strict=True) if m}


# --- the tornado app ---------------------------------------------------------------------------------------


def make_app(
    *,
    reflections: SharedReflections,
    templates: Mapping[str, Any],
    prefix: str,
    api_url: str,
    api_token: str,
    group: str | None = None,
    hub_auth: Any = None,
) -> Any:
    """The service as a tornado application under ``prefix`` (``/services/intervisie-trainer/``)."""
    import tornado.web
    from jupyterhub.services.auth import HubOAuth, HubOAuthCallbackHandler, HubOAuthenticated, UserNotAllowed

    auth = hub_auth if hub_auth is not None else HubOAuth(api_token=api_token, api_url=api_url, base_url=prefix)
    group_name = group or trainer_group()
    default_lang = initial_lang()  # INTERVISIE_KIT_LANG, else Dutch (no query string in a service's environment)

    class Page(HubOAuthenticated, tornado.web.RequestHandler):
        """Security headers, the language, the hub user and errors as pages for every handler."""

        hub_auth = auth

        def set_default_headers(self) -> None:
            for name, value in SECURITY_HEADERS.items():
                self.set_header(name, value)

        @property
        def lang(self) -> str:
            lang = self.get_query_argument("lang", default_lang)
            return lang if lang in LANGS else default_lang

        @property
        def ctx(self) -> PageContext:
            # _current_user, not current_user: an error page must not start a (blocking) hub look-up of its own
            model = getattr(self, "_current_user", None)
            user = model["name"] if isinstance(model, dict) else ""
            return PageContext(prefix, self.lang, user, default_lang)

        async def prepare(self) -> None:
            # Ask the hub without blocking the loop (HubAuthenticated's own get_current_user would block).
            model = await self.hub_auth.get_user(self, sync=False)
            if model:
                try:
                    model = self.check_hub_user(model)
                except UserNotAllowed:
                    log.warning("Trainer service: %s is not allowed by the hub's scopes", model.get("name"))
                    raise tornado.web.HTTPError(403) from None
            self.current_user = model

        def write_error(self, status_code: int, **kwargs: Any) -> None:
            self.clear_header("Content-Disposition")
            self.set_header("Content-Type", "text/html; charset=utf-8")
            try:
                ctx = self.ctx
            except Exception:
                ctx = PageContext(prefix, default_lang, "", default_lang)
            self.finish(render_error(ctx, status_code))

        async def trainees(self) -> dict[str, tuple[str, ...]]:
            """The trainees this trainer may see, per group, from the hub now; 403 for a non-trainer."""
            user = self.current_user["name"]
            try:
                groups = await hub_groups(api_url, api_token, user, group_name)
            except HubUnavailable:
                log.exception("Trainer service: the hub API did not answer")
                raise tornado.web.HTTPError(502) from None
            if not is_trainer(user, groups, group_name):
                log.info("Trainer service: %s is not in group %r: 403", user, group_name)
                raise tornado.web.HTTPError(403)
            return visible_trainees(user, groups, group_name)

        async def allowed_name(self) -> str:
            """The ``trainee`` of the address, once the hub confirms they are in this trainer's groups."""
            name = self.get_query_argument("trainee", "")
            if not name or len(name) > MAX_USER_NAME:
                raise tornado.web.HTTPError(400)
            if name not in allowed_trainees(await self.trainees()):  # checked before anything is read
                raise tornado.web.HTTPError(404)
            return name

        async def read(self, names: Iterable[str]) -> dict[str, TraineeRecord]:
            loop = asyncio.get_running_loop()
            wanted = sorted(set(names))
            records = await loop.run_in_executor(None, lambda: [reflections.record(n) for n in wanted])
            return dict(zip(wanted, records, strict=True))

    class Overview(Page):
        @tornado.web.authenticated
        async def get(self) -> None:
            view = await self.trainees()
            records = await self.read(allowed_trainees(view))
            ctx = self.ctx
            page = await asyncio.get_running_loop().run_in_executor(
                None, lambda: render_overview(ctx, view, records, templates)
            )
            self.set_header("Content-Type", "text/html; charset=utf-8")
            self.finish(page)

    class Download(Page):
        @tornado.web.authenticated
        async def get(self, suffix: str) -> None:
            label = self.get_query_argument("label", "")
            if len(label) > MAX_LABEL:
                raise tornado.web.HTTPError(400)
            name = await self.allowed_name()
            record = (await self.read([name]))[name]
            if record.trainee is None or not record.shared or (label and label not in record.labels()):
                raise tornado.web.HTTPError(404)
            lang = self.lang

            def make() -> tuple[str, bytes]:
                report = record.report(templates, lang, label or None)
                data = report_pdf(report, lang) if suffix == "pdf" else report_markdown(report, lang).encode()
                return download_name(name, report, suffix), data

            filename, data = await asyncio.get_running_loop().run_in_executor(None, make)
            mime = "application/pdf" if suffix == "pdf" else "text/markdown; charset=utf-8"
            self.set_header("Content-Type", mime)
            self.set_header("Content-Disposition", f'attachment; filename="{filename}"')
            self.finish(data)

    class TraineePage(Page):
        @tornado.web.authenticated
        async def get(self) -> None:
            name = await self.allowed_name()
            record = (await self.read([name]))[name]
            ctx = self.ctx
            page = await asyncio.get_running_loop().run_in_executor(
                None, lambda: render_trainee(ctx, record, templates)
            )
            self.set_header("Content-Type", "text/html; charset=utf-8")
            self.finish(page)

    class NotFound(Page):
        async def prepare(self) -> None:
            await super().prepare()
            raise tornado.web.HTTPError(404)

    class Callback(HubOAuthCallbackHandler):
        """The end of the hub's OAuth dance; it must use the same HubOAuth (its PKCE states) as the pages."""

        hub_auth = auth

        def set_default_headers(self) -> None:
            for name, value in SECURITY_HEADERS.items():
                self.set_header(name, value)

        def write_error(self, status_code: int, **kwargs: Any) -> None:
            self.set_header("Content-Type", "text/html; charset=utf-8")
            self.finish(render_error(PageContext(prefix, default_lang, "", default_lang), status_code))

    class Static(tornado.web.StaticFileHandler):
        def set_default_headers(self) -> None:
            for name, value in SECURITY_HEADERS.items():
                self.set_header(name, value)
            self.set_header("Cache-Control", "max-age=3600")

    return tornado.web.Application(
        [
            (prefix, Overview),
            (prefix + r"report\.(md|pdf)", Download),
            (prefix + "trainee", TraineePage),
            (prefix + "oauth_callback", Callback),
            (prefix + r"static/(trainer\.css)", Static, {"path": str(STATIC_DIR)}),
            (prefix + ".*", NotFound),
        ],
        cookie_secret=os.urandom(32),
        default_handler_class=NotFound,
        xsrf_cookies=False,  # GET only: nothing here changes state
    )


def main(argv: list[str] | None = None) -> int:
    """Start the service as the hub configured it (environment), until it is stopped."""
    parser = argparse.ArgumentParser(
        prog="intervisie-kit hub-trainer",
        description="The trainers' JupyterHub service: the reflections trainees shared, per group (docs/hub.md).",
    )
    parser.add_argument("--log-level", default="INFO", choices=["DEBUG", "INFO", "WARNING", "ERROR"])
    args = parser.parse_args(argv)
    logging.basicConfig(level=args.log_level, format="[%(levelname)s %(asctime)s %(name)s] %(message)s")

    missing = [
        name
        for name in ("JUPYTERHUB_SERVICE_URL", "JUPYTERHUB_API_TOKEN", "JUPYTERHUB_API_URL", ADMIN_DB_ENV)
        if not os.environ.get(name)
    ]
    if missing:
        parser.error(f"run this as a JupyterHub service; missing environment: {', '.join(missing)}")
    service_url = urlsplit(os.environ["JUPYTERHUB_SERVICE_URL"])
    prefix = os.environ.get("JUPYTERHUB_SERVICE_PREFIX") or f"/services/{TRAINER_SERVICE}/"
    prefix = "/" + prefix.strip("/") + "/"

    from ..content import load
    from .database import HubDatabase

    content = load(strict=False)
    for problem in content.problems:
        log.warning("Content problem (skipped): %s", problem)
    admin = HubDatabase(os.environ[ADMIN_DB_ENV])
    try:
        admin.prepare()
        reader_url = admin.reader_url(TRAINER_SERVICE)
    finally:
        admin.close()
    reflections = SharedReflections(reader_url)

    app = make_app(
        reflections=reflections,
        templates=content.reflection,
        prefix=prefix,
        api_url=os.environ["JUPYTERHUB_API_URL"],
        api_token=os.environ["JUPYTERHUB_API_TOKEN"],
    )
    log.info("Trainer service at %s (prefix %s, group %r)", service_url.geturl(), prefix, trainer_group())
    try:
        asyncio.run(_serve(app, service_url.hostname or "127.0.0.1", service_url.port or 80))
    finally:
        reflections.close()
    return 0


async def _serve(app: Any, host: str, port: int) -> None:
    """Listen (on the running loop) until SIGTERM (the hub stopping its services) or SIGINT; then end quietly."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    server = app.listen(port, host, xheaders=True)
    await stop.wait()
    log.info("Trainer service stopping")
    server.stop()


if __name__ == "__main__":
    raise SystemExit(main())
