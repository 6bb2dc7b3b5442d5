"""The trainers' hub service ``intervisie-trainer``: the reflections a trainer's trainees chose to share.

JupyterHub starts it as a managed service at ``/services/intervisie-trainer/`` (``docs/hub.md``, "Trainer
service"). Three rooms, top to bottom:

* **Who may see whom** (pure, no HTTP): :func:`visible_trainees` turns the hub's groups into the trainees a
  trainer may see, per group. A trainer is a member of the trainer group (:func:`intervisie_kit.hub.
  trainer_group`); their own groups are every other group they are in; the trainees of a group are its
  members who are not trainers.
* **What they shared** (:class:`SharedReflections`): read through the PostgreSQL reader role
  (``HubDatabase.reader_url()``), which row-level security limits to shared entries; the service asks for
  shared entries only as well, so a private entry is out of reach twice. Rendered as server-side HTML with
  the report page 06 makes for the supervisor (:mod:`intervisie_kit.journal.report`), with Markdown and PDF
  downloads. Every text a user wrote is escaped.
* **The tornado app** (:func:`make_app`, :func:`main`): JupyterHub's OAuth (``HubOAuthenticated``) says who
  is asking, and that the hub lets them reach this service (``access:services!service=intervisie-trainer``).
  On every request the service then reads the groups live from the hub REST API with its own token
  (``read:users:groups``, ``read:groups``): taking a trainee or a trainer out of a group ends the access at
  the next request. Nothing is cached beyond one request.

Run it as ``intervisie-kit hub-trainer`` or ``python -m intervisie_kit.hub.trainer``; the hub sets
``JUPYTERHUB_SERVICE_URL``, ``JUPYTERHUB_SERVICE_PREFIX`` and ``JUPYTERHUB_API_TOKEN``, the hub
configuration passes ``INTERVISIE_KIT_HUB_DB`` (the owner role's database URL, used once at start to
prepare the database and get the reader role).
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import html
import json
import logging
import os
import re
import signal
import unicodedata
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

from ..i18n import LANGS, initial_lang, register, t
from ..journal.report import Report, ReportKind, block_items_html, build_report, report_markdown, report_pdf
from ..journal.store import MAX_TITLE, Entry, Journal, JournalError, Trainee
from . import ADMIN_DB_ENV, TRAINER_SERVICE, trainer_group

__all__ = [
    "API_TIMEOUT",
    "CSP",
    "MAX_GROUPS",
    "MAX_USER_NAME",
    "SharedReflections",
    "TraineeRecord",
    "download_name",
    "is_trainer",
    "main",
    "make_app",
    "render_error",
    "render_overview",
    "render_trainee",
    "visible_trainees",
]

log = logging.getLogger(__name__)

MAX_USER_NAME = 255  # characters of a hub user name in an address (JupyterHub's own column is 255)
MAX_GROUP_NAME = 255  # characters of a group name the service accepts from the hub
MAX_GROUPS = 200  # groups of one trainer read per request; more is a configuration mistake, said in the log
MAX_LABEL = MAX_TITLE  # characters of a meeting label in a download address (the journal's own limit)
API_TIMEOUT = 10.0  # seconds a call to the hub API may take before the page says the hub is not answering
STATIC_DIR = os.path.join(os.path.dirname(os.path.dirname(__file__)), "share", "hub")

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

register(
    {
        "hub.trainer.title": ("Gedeelde reflecties van je deelnemers", "Reflections your trainees shared"),
        "hub.trainer.skip": ("Naar de inhoud", "Skip to content"),
        "hub.trainer.signed_in": ("Aangemeld als {name}", "Signed in as {name}"),
        "hub.trainer.intro": (
            "Hier staan per groep de deelnemers en de reflecties die zij zelf met hun begeleider deelden. "
            "Privé-reflecties staan hier nooit. Behandel alles vertrouwelijk: wat in intervisie gezegd "
            "wordt, blijft in de groep.",
            "Per group, the trainees and the reflections they themselves shared with their supervisor. "
            "Private reflections are never shown here. Treat everything as confidential: what is said in "
            "intervisie stays in the group.",
        ),
        "hub.trainer.groups": ("Je groepen", "Your groups"),
        "hub.trainer.group": ("Groep {name}", "Group {name}"),
        "hub.trainer.no_groups": (
            "Je bent trainer, maar nog in geen enkele groep met deelnemers ingedeeld. Vraag de beheerder van "
            "de hub om je aan je groepen toe te voegen.",
            "You are a trainer, but not yet in any group with trainees. Ask the hub's administrator to add "
            "you to your groups.",
        ),
        "hub.trainer.no_trainees": ("In deze groep zitten (nog) geen deelnemers.", "This group has no trainees (yet)."),
        "hub.trainer.trainees": ("Deelnemers in {name}", "Trainees in {name}"),
        "hub.trainer.account": ("hubaccount: {name}", "hub account: {name}"),
        "hub.trainer.count": ("{n} gedeelde reflectie(s)", "{n} shared reflection(s)"),
        "hub.trainer.none_shared": (
            "Deze deelnemer heeft (nog) niets gedeeld.",
            "This trainee has not shared anything (yet).",
        ),
        "hub.trainer.no_journal": (
            "Deze deelnemer heeft de kit op de hub nog niet geopend; er is nog geen dagboek.",
            "This trainee has not opened the kit on the hub yet; there is no journal yet.",
        ),
        "hub.trainer.downloads": ("Verslag downloaden", "Download the report"),
        "hub.trainer.own_page": ("volledig verslag met grafiek", "full report with chart"),
        "hub.trainer.all_shared": (
            "Eindevaluatie (alle gedeelde reflecties)",
            "Final evaluation (all shared reflections)",
        ),
        "hub.trainer.meeting": ("Reflectieverslag: {label}", "Reflection report: {label}"),
        "hub.trainer.download": ("{what} als {fmt}", "{what} as {fmt}"),
        "hub.trainer.lang": ("Taal", "Language"),
        "hub.error.403.title": ("Deze pagina is voor trainers", "This page is for trainers"),
        "hub.error.403.text": (
            "Alleen leden van de trainersgroep op deze hub kunnen de gedeelde reflecties van deelnemers zien. "
            "Hoort dat wel zo te zijn, vraag dan de beheerder van de hub om je aan die groep toe te voegen.",
            "Only members of the trainers' group on this hub can see the reflections trainees shared. If you "
            "should be one, ask the hub's administrator to add you to that group.",
        ),
        "hub.error.404.title": ("Niet gevonden", "Not found"),
        "hub.error.404.text": (
            "Dit adres of deze deelnemer bestaat niet, of hoort niet (meer) bij jouw groepen.",
            "This address or this trainee does not exist, or is not (or no longer) in your groups.",
        ),
        "hub.error.400.title": ("Dit adres klopt niet", "This address is not valid"),
        "hub.error.400.text": (
            "Open de pagina opnieuw vanaf het overzicht van je groepen.",
            "Open the page again from the overview of your groups.",
        ),
        "hub.error.502.title": ("De hub antwoordt niet", "The hub does not answer"),
        "hub.error.502.text": (
            "De dienst kon bij de hub niet nagaan in welke groepen je zit. Probeer het over een minuut opnieuw.",
            "The service could not ask the hub which groups you are in. Try again in a minute.",
        ),
        "hub.error.500.title": ("Dat lukte niet", "That did not work"),
        "hub.error.500.text": (
            "Er ging iets mis bij het maken van deze pagina. Probeer het opnieuw; de technische details staan "
            "in het logboek van de hub.",
            "Something went wrong while making this page. Try again; the technical details are in the hub's log.",
        ),
        "hub.error.back": ("Naar het overzicht", "To the overview"),
    }
)


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


# --- the page ------------------------------------------------------------------------------------------


def _h(text: object) -> str:
    return html.escape(str(text), quote=True)


def _slug(text: str, fallback: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:40] or fallback


def download_name(hub_user: str, report: Report, suffix: str) -> str:
    """An ASCII file name that says whose report it is: ``<trainee>-<report title>.<suffix>``."""
    return f"{_slug(hub_user, 'deelnemer')}-{report.filename(suffix)}"


@dataclass(frozen=True)
class PageContext:
    """What every page needs besides its content: the service's prefix, the language, who is asking."""

    prefix: str  # ends with "/"
    lang: str
    user: str
    default_lang: str = "nl"  # the service's language without ?lang= (INTERVISIE_KIT_LANG, else Dutch)

    def url(self, path: str = "", **query: str) -> str:
        params = {k: v for k, v in query.items() if v}
        if self.lang != self.default_lang:
            params["lang"] = self.lang
        return self.prefix + path + (("?" + urlencode(params)) if params else "")


def _document(ctx: PageContext, title: str, body: str, *, lang_links: str = "") -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="{ctx.lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_h(title)}</title>"
        f'<link rel="stylesheet" href="{_h(ctx.prefix)}static/trainer.css"></head><body>'
        f'<a class="ik-skip" href="#main">{_h(t("hub.trainer.skip", ctx.lang))}</a>'
        f'<header class="ik-header"><p class="ik-kit">{_h(t("kit.name", ctx.lang))}</p>{lang_links}'
        + (f'<p class="ik-user">{_h(t("hub.trainer.signed_in", ctx.lang, name=ctx.user))}</p>' if ctx.user else "")
        + f'</header><main id="main" tabindex="-1">{body}</main></body></html>\n'
    )


def _lang_links(ctx: PageContext, path: str, query: Mapping[str, str]) -> str:
    links = []
    for lang in LANGS:
        other = replace(ctx, lang=lang)
        label = {"nl": "Nederlands", "en": "English"}[lang]
        current = ' aria-current="true"' if lang == ctx.lang else ""
        links.append(f'<li><a href="{_h(other.url(path, **query))}" lang="{lang}"{current}>{label}</a></li>')
    return f'<nav class="ik-lang" aria-label="{_h(t("hub.trainer.lang", ctx.lang))}"><ul>{"".join(links)}</ul></nav>'


def _report_html(report: Report, *, level: int) -> str:
    """The blocks and figures of a report (the same parts :func:`report_html` writes), headings from ``level``."""
    h, sub = f"h{level}", f"h{level + 1}"
    parts = []
    if not report.blocks:
        return ""
    for block in report.blocks:
        parts.append(
            f"<section class='ik-entry'><{h} class='ik-user-text'>{_h(block.heading)}</{h}>"
            f"<p class='ik-meta ik-user-text'>{_h(block.meta)}</p>{block_items_html(block)}</section>"
        )
    if report.progress_lines:
        lines = "".join(f"<li>{_h(line)}</li>" for line in report.progress_lines)
        parts.append(f"<section class='ik-progress'><{sub}>{_h(report.progress_heading)}</{sub}><ul>{lines}</ul>")
        if report.chart_png:
            data = base64.b64encode(report.chart_png).decode()
            parts.append(f"<img alt='{_h(report.progress_heading)}' src='data:image/png;base64,{data}'>")
        parts.append("</section>")
    return "".join(parts)


def _downloads(ctx: PageContext, record: TraineeRecord) -> str:
    reports = [(t("hub.trainer.all_shared", ctx.lang), "")]
    reports += [(t("hub.trainer.meeting", ctx.lang, label=label), label) for label in record.labels()]
    items = []
    for what, label in reports:
        links = " ".join(
            f'<a class="ik-download" href="{_h(ctx.url("report." + suffix, trainee=record.hub_user, label=label))}" '
            f'aria-label="{_h(t("hub.trainer.download", ctx.lang, what=what, fmt=fmt))}">{fmt}</a>'
            for suffix, fmt in (("md", "Markdown"), ("pdf", "PDF"))
        )
        items.append(f"<li><span class='ik-user-text'>{_h(what)}</span>: {links}</li>")
    title = _h(t("hub.trainer.downloads", ctx.lang))
    return f"<p class='ik-downloads-title'>{title}</p><ul class='ik-downloads'>{''.join(items)}</ul>"


def _trainee_html(ctx: PageContext, record: TraineeRecord, templates: Mapping[str, Any], anchor: str) -> str:
    lang = ctx.lang
    head = f"<h3 id='{anchor}' class='ik-user-text'>{_h(record.name)}</h3>"
    if record.name != record.hub_user:
        head += f"<p class='ik-meta ik-user-text'>{_h(t('hub.trainer.account', lang, name=record.hub_user))}</p>"
    if record.trainee is None:
        return f"{head}<p>{_h(t('hub.trainer.no_journal', lang))}</p>"
    if not record.shared:
        return f"{head}<p>{_h(t('hub.trainer.none_shared', lang))}</p>"
    report = record.report(templates, lang, chart=False)  # charts on the trainee's own page only (cost)
    own_page = _h(ctx.url("trainee", trainee=record.hub_user))
    return (
        f"{head}<p class='ik-count'>{_h(t('hub.trainer.count', lang, n=len(record.shared)))} · "
        f'<a href="{own_page}">{_h(t("hub.trainer.own_page", lang))}</a></p>'
        f"{_downloads(ctx, record)}<div class='ik-report'>{_report_html(report, level=4)}</div>"
    )


def render_overview(
    ctx: PageContext,
    view: Mapping[str, Sequence[str]],
    records: Mapping[str, TraineeRecord],
    templates: Mapping[str, Any],
) -> str:
    """The trainer's page: each group, its trainees and their shared reflections as page 06's report."""
    lang = ctx.lang
    title = t("hub.trainer.title", lang)
    body = [f"<h1>{_h(title)}</h1>", f"<p class='ik-note'>{_h(t('hub.trainer.intro', lang))}</p>"]
    if not view:
        body.append(f"<p>{_h(t('hub.trainer.no_groups', lang))}</p>")
    else:
        toc = "".join(
            f"<li><a href='#g{i}' class='ik-user-text'>{_h(group)}</a> ({len(members)})</li>"
            for i, (group, members) in enumerate(view.items())
        )
        body.append(
            f"<nav aria-labelledby='ik-groups'><h2 id='ik-groups'>{_h(t('hub.trainer.groups', lang))}</h2>"
            f"<ul>{toc}</ul></nav>"
        )
    for i, (group, members) in enumerate(view.items()):
        section = [f"<section class='ik-group' aria-labelledby='g{i}'>"]
        section.append(f"<h2 id='g{i}' class='ik-user-text'>{_h(t('hub.trainer.group', lang, name=group))}</h2>")
        if not members:
            section.append(f"<p>{_h(t('hub.trainer.no_trainees', lang))}</p>")
        else:
            label = _h(t("hub.trainer.trainees", lang, name=group))
            items = "".join(
                f"<li class='ik-trainee'><article aria-labelledby='g{i}t{j}'>"
                f"{_trainee_html(ctx, records[name], templates, f'g{i}t{j}')}</article></li>"
                for j, name in enumerate(members)
            )
            section.append(f"<ul class='ik-trainees' aria-label='{label}'>{items}</ul>")
        section.append("</section>")
        body.append("".join(section))
    return _document(ctx, title, "".join(body), lang_links=_lang_links(ctx, "", {}))


def render_trainee(ctx: PageContext, record: TraineeRecord, templates: Mapping[str, Any]) -> str:
    """One trainee's page: page 06's report of everything they shared, with the chart, and the downloads."""
    lang = ctx.lang
    back = f'<p><a href="{_h(ctx.url())}">{_h(t("hub.error.back", lang))}</a></p>'
    if record.trainee is None or not record.shared:
        key = "hub.trainer.no_journal" if record.trainee is None else "hub.trainer.none_shared"
        body = f"<h1 class='ik-user-text'>{_h(record.name)}</h1><p>{_h(t(key, lang))}</p>{back}"
        return _document(ctx, record.name, body, lang_links=_lang_links(ctx, "trainee", {"trainee": record.hub_user}))
    report = record.report(templates, lang)
    body = (
        f"{back}<h1 class='ik-user-text'>{_h(report.title)}</h1>"
        f"<p class='ik-meta ik-user-text'>{_h(report.subtitle)}</p>"
        + (
            f"<p class='ik-meta ik-user-text'>{_h(t('hub.trainer.account', lang, name=record.hub_user))}</p>"
            if record.name != record.hub_user
            else ""
        )
        + f"<p class='ik-note'>{_h(report.note)}</p>{_downloads(ctx, record)}"
        f"<div class='ik-report'>{_report_html(report, level=2)}</div>"
    )
    title = f"{report.title} · {record.name}"
    return _document(ctx, title, body, lang_links=_lang_links(ctx, "trainee", {"trainee": record.hub_user}))


_ERROR_KEYS = {400: "400", 403: "403", 404: "404", 502: "502"}


def render_error(ctx: PageContext, status: int) -> str:
    """A refusal or failure as a page: the asked language first, the other one below; never a traceback."""
    key = _ERROR_KEYS.get(status, "500")
    order = [ctx.lang, *(lang for lang in LANGS if lang != ctx.lang)]
    sections = []
    for n, lang in enumerate(order):
        tag = "h1" if n == 0 else "h2"
        sections.append(
            f'<section lang="{lang}"><{tag}>{_h(t(f"hub.error.{key}.title", lang))}</{tag}>'
            f"<p>{_h(t(f'hub.error.{key}.text', lang))}</p>"
            + (
                f'<p><a href="{_h(replace(ctx, lang=lang).url())}">{_h(t("hub.error.back", lang))}</a></p>'
                if status != 403
                else ""
            )
            + "</section>"
        )
    return _document(ctx, t(f"hub.error.{key}.title", ctx.lang), "".join(sections))


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
            (prefix + r"static/(trainer\.css)", Static, {"path": STATIC_DIR}),
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
