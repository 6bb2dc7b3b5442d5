"""The trainers' hub service's pages as HTML: Dutch first, English with ``?lang=en``; no tornado, no database.

:func:`render_overview` (each group of the trainer, its trainees, what they shared as page 06's report without
the chart), :func:`render_trainee` (one trainee's whole report with the chart) and :func:`render_error` (a
refusal or failure in both languages). Every text a user wrote (names, titles, labels, answers, group and
hub user names) goes through :func:`html.escape` or the report's own escaping; the pages carry no script and
load only the service's stylesheet, so its CSP (``intervisie_kit.hub.trainer.CSP``) can forbid everything
else.
"""

from __future__ import annotations

import base64
import html
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from ..i18n import LANGS, register, t
from ..journal.report import Report, block_items_html

if TYPE_CHECKING:
    from .trainer import TraineeRecord

__all__ = ["PageContext", "download_name", "render_error", "render_overview", "render_trainee"]

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
        "hub.trainer.error.403.title": ("Deze pagina is voor trainers", "This page is for trainers"),
        "hub.trainer.error.403.text": (
            "Alleen leden van de trainersgroep op deze hub kunnen de gedeelde reflecties van deelnemers zien. "
            "Hoort dat wel zo te zijn, vraag dan de beheerder van de hub om je aan die groep toe te voegen.",
            "Only members of the trainers' group on this hub can see the reflections trainees shared. If you "
            "should be one, ask the hub's administrator to add you to that group.",
        ),
        "hub.trainer.error.404.title": ("Niet gevonden", "Not found"),
        "hub.trainer.error.404.text": (
            "Dit adres of deze deelnemer bestaat niet, of hoort niet (meer) bij jouw groepen.",
            "This address or this trainee does not exist, or is not (or no longer) in your groups.",
        ),
        "hub.trainer.error.400.title": ("Dit adres klopt niet", "This address is not valid"),
        "hub.trainer.error.400.text": (
            "Open de pagina opnieuw vanaf het overzicht van je groepen.",
            "Open the page again from the overview of your groups.",
        ),
        "hub.trainer.error.502.title": ("De hub antwoordt niet", "The hub does not answer"),
        "hub.trainer.error.502.text": (
            "De dienst kon bij de hub niet nagaan in welke groepen je zit. Probeer het over een minuut opnieuw.",
            "The service could not ask the hub which groups you are in. Try again in a minute.",
        ),
        "hub.trainer.error.500.title": ("Dat lukte niet", "That did not work"),
        "hub.trainer.error.500.text": (
            "Er ging iets mis bij het maken van deze pagina. Probeer het opnieuw; de technische details staan "
            "in het logboek van de hub.",
            "Something went wrong while making this page. Try again; the technical details are in the hub's log.",
        ),
        "hub.trainer.error.back": ("Naar het overzicht", "To the overview"),
    }
)


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
    back = f'<p><a href="{_h(ctx.url())}">{_h(t("hub.trainer.error.back", lang))}</a></p>'
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
            f'<section lang="{lang}"><{tag}>{_h(t(f"hub.trainer.error.{key}.title", lang))}</{tag}>'
            f"<p>{_h(t(f'hub.trainer.error.{key}.text', lang))}</p>"
            + (
                f'<p><a href="{_h(replace(ctx, lang=lang).url())}">{_h(t("hub.trainer.error.back", lang))}</a></p>'
                if status != 403
                else ""
            )
            + "</section>"
        )
    return _document(ctx, t(f"hub.trainer.error.{key}.title", ctx.lang), "".join(sections))
