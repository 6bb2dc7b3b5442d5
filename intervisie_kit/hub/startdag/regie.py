"""The trainer's page of the startdag service (``regie``): open, run and end a startdag on the hub.

Server-rendered forms with the XSRF field and no scripts (its own strict CSP): open a startdag (title),
the join code, address and QR code, the participants, a new code, joining open or closed, the case on the
wall, rounds, the inbrenger, and ending (with a confirmation box), which erases everything
(:meth:`~.service.Startdag.end`) and says what. Everything typed is escaped; a refused text stays in its
form. Only trainers (the hub's trainer group) get in; others get a page that says so in their language.
"""

from __future__ import annotations

import asyncio
import html
import json
from typing import Any

import tornado.web

from ...i18n import register, t
from ...workshop import MAX_CASE_TEXT, MAX_CASE_TITLE, MAX_TITLE, web
from ...workshop.model import WorkshopError
from .. import trainer_group
from .service import HubIdentity

__all__ = ["REGIE_MAX_BODY", "SERVICE_CSP", "Regie"]

REGIE_MAX_BODY = 64 * 1024  # bytes in one POST of the regie page (the case text is the large part)

#: The link to the other language names that language in itself (not a catalogue text: it is the same word
#: in both languages' pages).
LANGUAGE_LINK = {"nl": "English", "en": "Nederlands"}

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
            "{participants} deelnemers, {questions} gestelde vragen, {ratings} waarderingen, {reflections} "
            "reflecties.",
            "The start day has ended. Erased: {users} temporary hub accounts, {roles} database roles, "
            "{participants} participants, {questions} questions, {ratings} ratings, {reflections} reflections.",
        ),
        "sd.end.partial": (
            "Niet alles kon gewist worden: {what}. De startdag loopt nog; probeer opnieuw te beëindigen.",
            "Not everything could be erased: {what}. The start day is still running; try ending it again.",
        ),
        "sd.err.hub_api": (
            "De hub antwoordde niet. De startdag loopt nog; probeer het zo opnieuw.",
            "The hub did not answer. The start day is still running; try again shortly.",
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
        "sd.case": ("De casus op de muur", "The case on the wall"),
        "sd.case.title": ("Titel van de casus", "Title of the case"),
        "sd.case.text": ("Tekst van de casus", "Text of the case"),
        "sd.case.save": ("Casus tonen", "Show the case"),
        "sd.round": ("Ronde", "Round"),
        "sd.round.none": (
            "Er loopt geen ronde: telefoons kunnen nu geen vragen sturen.",
            "No round is running: phones cannot send questions now.",
        ),
        "sd.round.all": ("Ronde {n} loopt: alle vragen.", "Round {n} is running: all questions."),
        "sd.round.open": ("Ronde {n} loopt: nu alleen open vragen.", "Round {n} is running: open questions only."),
        "sd.round.start_all": ("Nieuwe ronde: alle vragen", "New round: all questions"),
        "sd.round.start_open": ("Nieuwe ronde: alleen open vragen", "New round: open questions only"),
        "sd.round.close": ("Ronde sluiten", "Close the round"),
        "sd.inbrenger": ("Inbrenger", "Case giver"),
        "sd.inbrenger.none": ("(nog niemand)", "(nobody yet)"),
        "sd.inbrenger.save": ("Inbrenger kiezen", "Choose the case giver"),
    }
)

SERVICE_CSP = (
    "default-src 'self'; script-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'"
)


class Regie(HubIdentity, web.WorkshopHandler):
    """The trainer's page: open a startdag, show code, address, QR code and participants; end it."""

    # A case text of MAX_CASE_TEXT characters, form-encoded (up to 9 bytes a character), and the rest.
    max_body = REGIE_MAX_BODY
    _typed_case: tuple[str, str] | None = None  # a refused case stays in the form
    _typed_title = ""  # and so does a refused title

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        exc = kwargs.get("exc_info", (None, None, None))[1]
        if status_code == 403 and not (isinstance(exc, tornado.web.HTTPError) and "xsrf" in str(exc.log_message)):
            self.set_header("Content-Type", "text/html; charset=utf-8")
            self.set_header("Content-Security-Policy", SERVICE_CSP)
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
            f'<p><a href="?lang={other}" data-testid="lang-toggle">{LANGUAGE_LINK[self.lang]}</a></p>'
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
                    f'<input id="ikr-title" name="title" maxlength="{MAX_TITLE}" data-testid="title" '
                    f'value="{html.escape(self._typed_title)}"> '
                    f'<button type="submit" data-testid="open">{self.say("sd.open.button")}</button>',
                    "open-form",
                )
            )
            self.finish(self.page("".join(parts)))
            return
        url = self.join_address()
        people = await asyncio.to_thread(store.participants)
        rounds = await asyncio.to_thread(store.rounds)
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
            self.case_and_rounds(workshop, rounds, people),
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

    def case_and_rounds(self, workshop: Any, rounds: list[Any], people: list[Any]) -> str:
        """The forms a trainer runs the room with (page 11's essentials): the case, rounds, the inbrenger."""
        current = next((r for r in rounds if r.closed is None), None)
        case_title, case_text = self._typed_case or (workshop.case_title, workshop.case_text)
        if current is None:
            state = self.say("sd.round.none")
        else:
            state = self.say("sd.round.open" if current.rule == "open" else "sd.round.all", n=current.number)
        options = "".join(
            f'<option value="{html.escape(p.id)}"{" selected" if p.id == workshop.inbrenger_id else ""}>'
            f"{html.escape(p.name)}</option>"
            for p in people
        )
        return "".join(
            [
                f"<h2>{self.say('sd.case')}</h2>",
                self.form(
                    "case",
                    f'<p><label for="ikr-case-title">{self.say("sd.case.title")}</label><br>'
                    f'<input id="ikr-case-title" name="case_title" maxlength="{MAX_CASE_TITLE}" size="60" '
                    f'value="{html.escape(case_title)}" data-testid="case-title"></p>'
                    f'<p><label for="ikr-case-text">{self.say("sd.case.text")}</label><br>'
                    f'<textarea id="ikr-case-text" name="case_text" maxlength="{MAX_CASE_TEXT}" rows="6" '
                    f'cols="60" data-testid="case-text">{html.escape(case_text)}</textarea></p>'
                    f'<button type="submit">{self.say("sd.case.save")}</button>',
                    "case-form",
                ),
                f"<h2>{self.say('sd.round')}</h2>",
                f'<p data-testid="round-state">{state}</p>',
                self.form(
                    "round",
                    '<input type="hidden" name="rule" value="all">'
                    f'<button type="submit" data-testid="round-all">{self.say("sd.round.start_all")}</button>',
                    "round-all-form",
                ),
                self.form(
                    "round",
                    '<input type="hidden" name="rule" value="open">'
                    f'<button type="submit" data-testid="round-open">{self.say("sd.round.start_open")}</button>',
                    "round-open-form",
                ),
                self.form("close_round", f'<button type="submit">{self.say("sd.round.close")}</button>', "close-round")
                if current is not None
                else "",
                f"<h2>{self.say('sd.inbrenger')}</h2>",
                self.form(
                    "inbrenger",
                    f'<label for="ikr-inbrenger">{self.say("sd.inbrenger")}</label> '
                    f'<select id="ikr-inbrenger" name="participant" data-testid="inbrenger">'
                    f'<option value="">{self.say("sd.inbrenger.none")}</option>{options}</select> '
                    f'<button type="submit">{self.say("sd.inbrenger.save")}</button>',
                    "inbrenger-form",
                )
                if people
                else "",
            ]
        )

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
                    self._typed_title = title
                else:
                    await asyncio.to_thread(store.open_workshop, title)
            elif action == "new_code":
                await asyncio.to_thread(store.new_code)
            elif action == "joining":
                await asyncio.to_thread(store.set_joining, self.get_body_argument("open", "") == "1")
            elif action == "case":
                title = self.get_body_argument("case_title", "")
                text = self.get_body_argument("case_text", "")
                self._typed_case = (title, text)
                await asyncio.to_thread(store.set_case, title, text)  # the store names its limits
                self._typed_case = None
            elif action == "round":
                await asyncio.to_thread(store.start_round, self.get_body_argument("rule", "all"))
            elif action == "close_round":
                await asyncio.to_thread(store.close_round)
            elif action == "inbrenger":
                chosen = self.get_body_argument("participant", "")[:64]
                await asyncio.to_thread(store.set_inbrenger, chosen or None)
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
        except OSError:  # the hub's API did not answer (ending): nothing is lost, the startdag still runs
            self.settings["kit_log"].exception("Startdag: the hub's API failed during %r", action)
            notice = self.say("sd.err.hub_api")
        self.ws.changed()
        await self.show(notice)
