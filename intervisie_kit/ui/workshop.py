"""Page 11 Startdag geven: the trainer's controls (regie) for a startdag workshop.

Outside workshop mode the page only explains how to start one (``python3 kit.py workshop``). In workshop
mode, on a kernel the server bound to the trainer, it shows the join code and a link to the projected
wall, opens and closes joining, sets the case (from the catalogue, typed live, or a participant as
inbrenger), starts and closes question rounds, shows or hides names, removes a participant, and ends
the workshop after saying exactly what will be erased.

Everything goes through :class:`~intervisie_kit.workshop.store.WorkshopStore`; the phones and the wall
read the same store through the server. The page re-reads the store after each of its own actions, on
its "Vernieuwen" button, and when the store changed (participants join from their phones meanwhile):
the page template's script (``live.js``) presses a hidden button ``.ik-ticker`` every few seconds while
the tab is visible, and the kernel then compares one number, the workshop's ``version``; no thread and
no timer in the kernel. Errors the trainer can act
on (:class:`WorkshopError`, :class:`JournalError`) are shown in the page's language, never a traceback.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

import ipywidgets as widgets

from ..i18n import register, t
from .limits import too_long
from .shell import PageState, notice, section

__all__ = ["TEXTS", "RegieView", "regie", "ticker"]

TEXTS: dict[str, tuple[str, str]] = {
    "ws.off.title": ("Zo geef je een startdag met de kit", "How to run a startdag with the kit"),
    "ws.off.text": (
        "Deze pagina is de regie van een startdag: de trainer zet hier de casus klaar, start vragenrondes en "
        "sluit de dag af. Ze werkt alleen als de kit in startdagmodus draait. Stop de kit en start hem op je "
        "eigen laptop opnieuw met: python3 kit.py workshop. Dan luistert de kit ook op het netwerk van de zaal, "
        "toont hij een aanmeldcode en een QR-code voor de beamer, en kunnen deelnemers met hun telefoon "
        "meedoen zonder account. Zonder startdagmodus blijft de kit alleen op deze laptop bereikbaar.",
        "This page is the control room of a startdag: here the trainer sets the case, starts question rounds "
        "and ends the day. It only works when the kit runs in workshop mode. Stop the kit and start it again "
        "on your own laptop with: python3 kit.py workshop. The kit then also listens on the room's network, "
        "shows a join code and a QR code for the projector, and participants take part from their phones "
        "without an account. Without workshop mode the kit stays reachable from this laptop only.",
    ),
    "ws.trainer_only": (
        "Deze pagina is voor de trainer, op de laptop van de trainer.",
        "This page is for the trainer, on the trainer's laptop.",
    ),
    "ws.none": ("Er loopt nu geen startdag.", "No startdag is running now."),
    "ws.tick": ("Bijwerken", "Update"),
    "ws.open": ("Nieuwe startdag openen", "Open a new startdag"),
    "ws.code": ("Aanmeldcode", "Join code"),
    "ws.code.help": (
        "Deelnemers gaan naar het adres op de muur of scannen de QR-code daar, en typen deze code.",
        "Participants go to the address on the wall or scan the QR code there, and type this code.",
    ),
    "ws.wall": ("Open de muur", "Open the wall"),
    "ws.wall.help": (
        "De muur (voor de beamer) toont het adres, de code en de QR-code, de casus en de vragen.",
        "The wall (for the projector) shows the address, the code and the QR code, the case and the questions.",
    ),
    "ws.joining": ("Aanmelden staat open", "Joining is open"),
    "ws.newcode": ("Nieuwe code", "New code"),
    "ws.newcode.done": (
        "Nieuwe code: {code}. De oude werkt niet meer.",
        "New code: {code}. The old one no longer works.",
    ),
    "ws.joining.open": ("Aanmelden is open.", "Joining is open."),
    "ws.joining.closed": ("Aanmelden is gesloten.", "Joining is closed."),
    "ws.case": ("De casus", "The case"),
    "ws.case.now": ("Nu op de muur: {title}", "On the wall now: {title}"),
    "ws.case.nothing": ("Nog geen casus op de muur.", "No case on the wall yet."),
    "ws.case.catalogue": ("Uit de kit", "From the kit"),
    "ws.case.show": ("Deze casus tonen", "Show this case"),
    "ws.case.title": ("Titel", "Title"),
    "ws.case.text": ("Het verhaal", "The story"),
    "ws.case.live": ("Zelf typen", "Type it yourself"),
    "ws.case.show_typed": ("Getypte casus tonen", "Show the typed case"),
    "ws.case.empty": (
        "Typ eerst een titel of een verhaal, of kies hieronder een deelnemer als inbrenger.",
        "Type a title or a story first, or choose a participant as inbrenger below.",
    ),
    "ws.case.shown": ("De casus staat op de muur.", "The case is on the wall."),
    "ws.inbrenger": ("Inbrenger", "Inbrenger"),
    "ws.inbrenger.none": ("(niemand: de casus komt van de trainer)", "(nobody: the trainer brings the case)"),
    "ws.inbrenger.set": ("Inbrenger kiezen", "Choose inbrenger"),
    "ws.inbrenger.help": (
        "Een deelnemer als inbrenger brengt de eigen casus in (titel en verhaal mogen dan leeg) en waardeert "
        "op de eigen telefoon elke vraag als koud, neutraal of warm.",
        "A participant as inbrenger brings their own case (title and story may then stay empty) and rates each "
        "question on their own phone as cold, neutral or warm.",
    ),
    "ws.inbrenger.done": ("Inbrenger: {name}.", "Inbrenger: {name}."),
    "ws.inbrenger.cleared": ("Geen inbrenger meer.", "No inbrenger any more."),
    "ws.rounds": ("Vragenrondes", "Question rounds"),
    "ws.round1": ("Ronde 1: stel je vragen", "Round 1: ask your questions"),
    "ws.round2": ("Ronde 2: nu alleen open vragen", "Round 2: open questions only"),
    "ws.round.close": ("Ronde sluiten", "Close the round"),
    "ws.round.now": ("Ronde {n} loopt ({rule}).", "Round {n} is running ({rule})."),
    "ws.round.none": (
        "Er loopt geen ronde: telefoons kunnen nu geen vragen sturen.",
        "No round is running: phones cannot send questions now.",
    ),
    "ws.rule.all": ("alle vragen", "all questions"),
    "ws.rule.open": ("alleen open vragen", "open questions only"),
    "ws.names": ("Namen tonen op de muur", "Show names on the wall"),
    "ws.names.on": ("Namen staan nu op de muur.", "Names are now shown on the wall."),
    "ws.names.off": ("Namen zijn verborgen op de muur.", "Names are hidden on the wall."),
    "ws.people": ("Deelnemers ({n})", "Participants ({n})"),
    "ws.people.none": ("Nog niemand aangemeld.", "Nobody has joined yet."),
    "ws.shared": ("Met jou gedeeld", "Shared with you"),
    "ws.shared.help": (
        "Alleen reflecties die een deelnemer zelf met jou deelde. Privéreflecties zie je nooit.",
        "Only reflections a participant chose to share with you. You never see private ones.",
    ),
    "ws.shared.none": ("Nog niemand heeft een reflectie met je gedeeld.", "Nobody has shared a reflection yet."),
    "ws.shared.person": ("{name}: {n} gedeelde reflectie(s)", "{name}: {n} shared reflection(s)"),
    "ws.shared.download": ("Download als tekst (Markdown)", "Download as text (Markdown)"),
    "ws.shared.anonymous": ("(naam gewist)", "(name erased)"),
    "ws.kept.erase": (
        "Wis de bewaarde reflecties van eerdere startdagen",
        "Erase the kept reflections of earlier startdagen",
    ),
    "ws.kept.confirm": (
        "Weet je het zeker? Dit wist {n} bewaarde gedeelde reflectie(s) en de deelnemers van eerdere startdagen.",
        "Are you sure? This erases {n} kept shared reflection(s) and the participants of earlier startdagen.",
    ),
    "ws.kept.yes": ("Ja, wis ze", "Yes, erase them"),
    "ws.kept.done": ("Gewist: {n} reflectie(s).", "Erased: {n} reflection(s)."),
    "ws.refresh": ("Vernieuwen", "Refresh"),
    "ws.remove": ("verwijderen", "remove"),
    "ws.remove.ask": (
        "{name} verwijderen? Dit wist {questions} vraag/vragen, {ratings} waardering(en) en {private} privé- en "
        "{shared} gedeelde reflectie(s) van deze deelnemer. Dat kan niet ongedaan gemaakt worden.",
        "Remove {name}? This erases {questions} question(s), {ratings} rating(s) and {private} private and "
        "{shared} shared reflection(s) of this participant. It cannot be undone.",
    ),
    "ws.remove.yes": ("Ja, verwijderen", "Yes, remove"),
    "ws.cancel": ("Annuleren", "Cancel"),
    "ws.remove.done": (
        "Verwijderd: {name}, met {questions} vraag/vragen, {ratings} waardering(en) en {reflections} reflectie(s).",
        "Removed: {name}, with {questions} question(s), {ratings} rating(s) and {reflections} reflection(s).",
    ),
    "ws.end": ("Startdag afsluiten", "End the startdag"),
    "ws.end.keep": ("Bewaar gedeelde reflecties", "Keep shared reflections"),
    "ws.end.ask": (
        "Afsluiten wist van deze laptop: {participants} deelnemer(s), {questions} vraag/vragen, {ratings} "
        "waardering(en), {private} privéreflectie(s) en {shared} gedeelde reflectie(s). Daarna kan niemand "
        "meer meedoen met deze code. Dat kan niet ongedaan gemaakt worden.",
        "Ending erases from this laptop: {participants} participant(s), {questions} question(s), {ratings} "
        "rating(s), {private} private reflection(s) and {shared} shared reflection(s). After that nobody can "
        "join with this code. It cannot be undone.",
    ),
    "ws.end.yes": ("Ja, afsluiten en wissen", "Yes, end and erase"),
    "ws.end.done": (
        "De startdag is afgesloten. Gewist: {participants} deelnemer(s), {questions} vraag/vragen, {ratings} "
        "waardering(en), {private} privéreflectie(s) en {shared} gedeelde reflectie(s).",
        "The startdag has ended. Erased: {participants} participant(s), {questions} question(s), {ratings} "
        "rating(s), {private} private reflection(s) and {shared} shared reflection(s).",
    ),
    "ws.end.kept": (
        "Bewaard: de gedeelde reflecties van de deelnemers.",
        "Kept: the participants' shared reflections.",
    ),
}
register(TEXTS)


WIDE = widgets.Layout(width="100%", max_width="46em")
PICK: dict[str, Any] = {
    "style": {"description_width": "initial"},
    "layout": widgets.Layout(width="auto", max_width="100%"),
}
NOBODY = ""  # the inbrenger dropdown's "nobody" (a Dropdown whose value is None shows nothing selected)


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _ok(text: str) -> str:
    return f"<p class='ik-ok-text' role='status'>{_e(text)}</p>"


def _warn(text: str) -> str:
    return f"<p class='ik-warn-text' role='alert'>{_e(text)}</p>"


def ticker(tick: Callable[[], object], lang: str) -> widgets.Button:
    """A hidden button the template's script presses every few seconds while the tab is visible."""
    button = widgets.Button(description=t("ws.tick", lang), layout=widgets.Layout(display="none"))
    button.add_class("ik-ticker")
    button.on_click(lambda _: tick())
    return button


def regie(state: PageState) -> widgets.VBox:
    """The page's section: the explanation outside workshop mode, the trainer's controls in it."""
    from ..workshop.identity import is_workshop

    if not is_workshop():
        return section(state, lambda lang: notice("info", t("ws.off.title", lang), text=t("ws.off.text", lang)))
    from ..journal import Journal, JournalError
    from ..workshop.identity import serves_trainer

    try:
        journal = Journal()
    except JournalError as exc:
        error = exc
        return section(state, lambda lang: notice("error", t("ws.none", lang), text=error.text(lang)))
    if not serves_trainer(journal):  # asked here, after the request: a preheated kernel waits for it
        journal.close()
        return section(state, lambda lang: notice("error", t("ws.trainer_only", lang)))
    from ..workshop.store import WorkshopStore

    store = WorkshopStore(journal)
    return section(state, lambda lang: RegieView(store, state.content, lang))


class RegieView(widgets.VBox):
    """The trainer's controls over one store; every action re-reads the store and says what it did."""

    def __init__(self, store: Any, content: Any, lang: str, **kwargs: Any):
        super().__init__(**kwargs)
        self.add_class("ik-regie")
        self.store, self.lang = store, lang
        self.cases = dict(content.cases) if content is not None else {}
        self.templates = dict(content.reflection) if content is not None else {}
        self._reports: dict[tuple[object, ...], bytes] = {}  # shared-reflection downloads, see _show_shared
        self.status = widgets.HTML()
        self.status.add_class("ik-regie-status")
        self.refresh_button = widgets.Button(description=t("ws.refresh", lang), icon="refresh")
        self.refresh_button.add_class("ik-regie-refresh")
        self.refresh_button.on_click(lambda _: self.act(lambda: None))
        self._build_none()
        self._build_join()
        self._build_case()
        self._build_rounds()
        self._build_people()
        self._build_end()
        self._build_shared()
        self.body = widgets.VBox()
        self._seen_version: int | None = None
        self.ticker = ticker(lambda: self.poll(), lang)
        self.children = (self.status, self.body, self.ticker)
        self.refresh()

    # -- parts ---------------------------------------------------------------------------------------

    def _button(self, key: str, cls: str, **kw: Any) -> widgets.Button:
        button = widgets.Button(description=t(key, self.lang), layout=widgets.Layout(width="auto"), **kw)
        button.add_class(cls)
        return button

    def _build_none(self) -> None:
        self.open_button = self._button("ws.open", "ik-regie-open", button_style="primary", icon="play")
        self.open_button.on_click(lambda _: self.act(lambda: self.store.open_workshop()))
        self.none_box = widgets.VBox([widgets.HTML(f"<p>{_e(t('ws.none', self.lang))}</p>"), self.open_button])

    def _build_join(self) -> None:
        lang = self.lang
        self.code = widgets.HTML()
        self.code.add_class("ik-regie-code")
        self.wall_link = widgets.HTML(
            f"<p><a class='ik-regie-wall ik-big-link' href='/workshop/wall' target='_blank' rel='noopener'>"
            f"{_e(t('ws.wall', lang))}</a></p><p class='ik-muted'>{_e(t('ws.wall.help', lang))}</p>"
        )
        self.joining = widgets.Checkbox(description=t("ws.joining", lang), indent=False)
        self.joining.add_class("ik-regie-joining")
        self.joining.observe(self._joining_changed, "value")
        self.new_code = self._button("ws.newcode", "ik-regie-newcode", icon="key")
        self.new_code.on_click(lambda _: self.act(self._make_code))
        self.join_box = widgets.VBox([self.code, widgets.HBox([self.new_code]), self.wall_link, self.joining])

    def _build_case(self) -> None:
        lang = self.lang
        options = sorted(((c.title.get(lang), c.id) for c in self.cases.values()), key=lambda o: o[0].lower())
        self.catalogue = widgets.Dropdown(options=options, description=t("ws.case.catalogue", lang), **PICK)
        self.catalogue.add_class("ik-regie-catalogue")
        self.preview = widgets.HTML()
        self.preview.add_class("ik-regie-preview")
        self.catalogue.observe(lambda _: self._show_preview(), "value")
        self.show_case = self._button("ws.case.show", "ik-regie-show-case", icon="eye")
        self.show_case.on_click(lambda _: self.act(self._set_catalogue_case))
        self.case_title = widgets.Text(description=t("ws.case.title", lang), layout=WIDE)
        self.case_title.add_class("ik-regie-case-title")
        self.case_text = widgets.Textarea(
            description=t("ws.case.text", lang), layout=widgets.Layout(width="100%", max_width="46em", height="9em")
        )
        self.case_text.add_class("ik-regie-case-text")
        self.show_typed = self._button("ws.case.show_typed", "ik-regie-show-typed", icon="pencil")
        self.show_typed.on_click(lambda _: self.act(self._set_typed_case))
        self.inbrenger = widgets.Dropdown(description=t("ws.inbrenger", lang), **PICK)
        self.inbrenger.add_class("ik-regie-inbrenger")
        self.set_inbrenger = self._button("ws.inbrenger.set", "ik-regie-set-inbrenger", icon="user")
        self.set_inbrenger.on_click(lambda _: self.act(self._choose_inbrenger))
        self.case_now = widgets.HTML()
        self.case_now.add_class("ik-regie-case-now")
        self._show_preview()
        self.case_box = widgets.VBox(
            [
                widgets.HTML(f"<h3>{_e(t('ws.case', lang))}</h3>"),
                self.case_now,
                widgets.HBox([self.catalogue, self.show_case]),
                self.preview,
                widgets.HTML(f"<h4>{_e(t('ws.case.live', lang))}</h4>"),
                self.case_title,
                self.case_text,
                self.show_typed,
                widgets.HTML(
                    f"<h4>{_e(t('ws.inbrenger', lang))}</h4><p class='ik-muted'>{_e(t('ws.inbrenger.help', lang))}</p>"
                ),
                widgets.HBox([self.inbrenger, self.set_inbrenger]),
            ]
        )

    def _build_rounds(self) -> None:
        self.round1 = self._button("ws.round1", "ik-regie-round1", button_style="primary")
        self.round1.on_click(lambda _: self.act(lambda: self.store.start_round("all")))
        self.round2 = self._button("ws.round2", "ik-regie-round2", button_style="primary")
        self.round2.on_click(lambda _: self.act(lambda: self.store.start_round("open")))
        self.close_round = self._button("ws.round.close", "ik-regie-close-round", icon="stop")
        self.close_round.on_click(lambda _: self.act(self.store.close_round))
        self.round_now = widgets.HTML()
        self.round_now.add_class("ik-regie-round-now")
        self.names = widgets.Checkbox(description=t("ws.names", self.lang), indent=False)
        self.names.add_class("ik-regie-names")
        self.names.observe(self._names_changed, "value")
        self.rounds_box = widgets.VBox(
            [
                widgets.HTML(f"<h3>{_e(t('ws.rounds', self.lang))}</h3>"),
                self.round_now,
                widgets.HBox([self.round1, self.round2, self.close_round]),
                self.names,
            ]
        )

    def _build_people(self) -> None:
        self.people_title = widgets.HTML()
        self.people = widgets.VBox()
        self.people.add_class("ik-regie-people")
        self.confirm_remove = widgets.VBox()
        self.confirm_remove.add_class("ik-regie-confirm-remove")
        self.people_box = widgets.VBox(
            [widgets.HBox([self.people_title, self.refresh_button]), self.people, self.confirm_remove]
        )

    def _build_end(self) -> None:
        lang = self.lang
        self.end = self._button("ws.end", "ik-regie-end", button_style="danger", icon="power-off")
        self.end.on_click(lambda _: self.act(self._ask_end))
        self.keep_shared = widgets.Checkbox(description=t("ws.end.keep", lang), indent=False)
        self.keep_shared.add_class("ik-regie-keep")
        self.keep_shared.observe(lambda _: self.act(self._ask_end) if self.end_confirm.children else None, "value")
        self.end_question = widgets.HTML()
        self.end_question.add_class("ik-regie-end-question")
        self.end_yes = self._button("ws.end.yes", "ik-regie-end-yes", button_style="danger")
        self.end_yes.on_click(lambda _: self.act(self._end))
        self.end_no = self._button("ws.cancel", "ik-regie-end-no")
        self.end_no.on_click(lambda _: self._cancel_end())
        self.end_confirm = widgets.VBox()
        self.end_confirm.add_class("ik-regie-end-confirm")
        self.end_box = widgets.VBox(
            [widgets.HTML(f"<h3>{_e(t('ws.end', lang))}</h3>"), self.keep_shared, self.end, self.end_confirm]
        )

    # -- actions -------------------------------------------------------------------------------------

    def act(self, action: Callable[[], object]) -> bool:
        """Run one action against the store, then re-read it; a store error is shown, not raised."""
        from ..journal import JournalError
        from ..workshop.store import WorkshopError

        try:
            message = action()
        except (WorkshopError, JournalError) as exc:
            self.status.value = _warn(exc.text(self.lang))
            self._safe_refresh()
            return False
        self.status.value = message if isinstance(message, str) else ""
        self._safe_refresh()
        return True

    def _safe_refresh(self) -> None:
        from ..journal import JournalError
        from ..workshop.store import WorkshopError

        try:
            self.refresh()
        except (WorkshopError, JournalError) as exc:
            self.status.value += _warn(exc.text(self.lang))

    def _joining_changed(self, change: dict[str, Any]) -> None:
        if self._refreshing:
            return
        key = "ws.joining.open" if change["new"] else "ws.joining.closed"
        self.act(lambda: (self.store.set_joining(bool(change["new"])), _ok(t(key, self.lang)))[1])

    def _names_changed(self, change: dict[str, Any]) -> None:
        if self._refreshing:
            return
        key = "ws.names.on" if change["new"] else "ws.names.off"
        self.act(lambda: (self.store.set_show_names(bool(change["new"])), _ok(t(key, self.lang)))[1])

    def _make_code(self) -> str:
        code = self.store.new_code()
        return _ok(t("ws.newcode.done", self.lang, code=code))

    def _show_preview(self) -> None:
        case = self.cases.get(self.catalogue.value)
        self.preview.value = (
            "" if case is None else f"<blockquote class='ik-regie-story'>{_e(case.story.get(self.lang))}</blockquote>"
        )

    def _set_catalogue_case(self) -> str:
        case = self.cases.get(self.catalogue.value)
        if case is None:
            return ""
        self.store.set_case(case.title.get(self.lang), case.story.get(self.lang), case_id=case.id)
        return _ok(t("ws.case.shown", self.lang))

    def _set_typed_case(self) -> str:
        from ..workshop import MAX_CASE_TEXT, MAX_CASE_TITLE

        title, text = self.case_title.value, self.case_text.value
        for value, limit in ((title, MAX_CASE_TITLE), (text, MAX_CASE_TEXT)):
            warning = too_long(value, limit, self.lang)
            if warning is not None:
                return warning  # what was typed stays in the fields
        workshop = self.store.active()
        has_inbrenger = workshop is not None and workshop.inbrenger_id is not None
        if not title.strip() and not text.strip() and not has_inbrenger:
            return _warn(t("ws.case.empty", self.lang))
        self.store.set_case(title, text, case_id=None)
        return _ok(t("ws.case.shown", self.lang))

    def _choose_inbrenger(self) -> str:
        chosen = self.inbrenger.value or None  # NOBODY ("") is the trainer's own case
        self.store.set_inbrenger(chosen)
        if chosen is None:
            return _ok(t("ws.inbrenger.cleared", self.lang))
        name = dict((v, k) for k, v in self.inbrenger.options).get(chosen, "")
        return _ok(t("ws.inbrenger.done", self.lang, name=name))

    def participant_counts(self, participant: Any) -> dict[str, int]:
        """What removing ``participant`` erases: their questions, the ratings those got, their reflections."""
        view = self.store.phone_view(participant.id, self.lang)
        questions = view.get("questions", [])
        ratings = sum(1 for q in questions if q.get("rating"))
        journal = self.store.journal
        entries = journal.entries(participant.trainee_id)
        shared = sum(1 for e in entries if str(getattr(e.share, "value", e.share)) != "private")
        return {"questions": len(questions), "ratings": ratings, "private": len(entries) - shared, "shared": shared}

    def ask_remove(self, participant: Any) -> None:
        """Say what removing ``participant`` erases, with a confirmation."""
        counts = self.participant_counts(participant)
        question = widgets.HTML(_warn(t("ws.remove.ask", self.lang, name=participant.name, **counts)))
        yes = self._button("ws.remove.yes", "ik-regie-remove-yes", button_style="danger")
        no = self._button("ws.cancel", "ik-regie-remove-no")
        yes.on_click(lambda _: self.act(lambda: self._remove(participant)))
        no.on_click(lambda _: setattr(self.confirm_remove, "children", ()))
        self.confirm_remove.children = (question, widgets.HBox([yes, no]))

    def _remove(self, participant: Any) -> str:
        self.confirm_remove.children = ()
        erased = self.store.remove_participant(participant.id)
        reflections = erased.private_reflections + erased.shared_reflections
        return _ok(
            t(
                "ws.remove.done",
                self.lang,
                name=participant.name,
                questions=erased.questions,
                ratings=erased.ratings,
                reflections=reflections,
            )
        )

    def _counts_text(self, key: str, counts: Any) -> str:
        return t(
            key,
            self.lang,
            participants=counts.participants,
            questions=counts.questions,
            ratings=counts.ratings,
            private=counts.private_reflections,
            shared=counts.shared_reflections,
        )

    def _ask_end(self) -> None:
        counts = self.store.erase_counts(keep_shared=self.keep_shared.value)
        self.end_question.value = _warn(self._counts_text("ws.end.ask", counts))
        self.end_confirm.children = (self.end_question, widgets.HBox([self.end_yes, self.end_no]))

    def _cancel_end(self) -> None:
        self.end_confirm.children = ()

    def _end(self) -> str:
        keep = self.keep_shared.value
        erased = self.store.end_workshop(keep_shared=keep)
        self.end_confirm.children = ()
        done = self._counts_text("ws.end.done", erased)
        if keep:
            done += " " + t("ws.end.kept", self.lang)
        return _ok(done)

    # -- reading the store ---------------------------------------------------------------------------

    _refreshing = False

    def poll(self) -> bool:
        """A tick: re-read the store only when it changed since the last read. True when it did."""
        from ..journal import JournalError
        from ..workshop.store import WorkshopError

        try:
            changed = self.store.version() != self._seen_version
        except (WorkshopError, JournalError):
            return False  # busy: the next tick asks again
        if not changed:
            return False
        self._safe_refresh()
        if self.end_confirm.children:  # the numbers in the question must be the numbers erased
            try:
                self._ask_end()
            except (WorkshopError, JournalError) as exc:
                self.status.value = _warn(exc.text(self.lang))
        return True

    def refresh(self) -> None:
        """Show the store as it is now: the workshop, its round, case and participants."""
        self._seen_version = self.store.version()  # read first: a write during the reads shows next tick
        workshop = self.store.active()
        self._show_shared()
        if workshop is None:
            self.body.children = (self.none_box, self.shared_box)
            return
        lang = self.lang
        self._refreshing = True
        try:
            self.joining.value = bool(workshop.joining_open)
            self.names.value = bool(workshop.show_names)
            self.code.value = (
                f"<p class='ik-regie-code-line'>{_e(t('ws.code', lang))}: "
                f"<strong class='ik-join-code'>{_e(workshop.code)}</strong></p>"
                f"<p class='ik-muted'>{_e(t('ws.code.help', lang))}</p>"
            )
            people = self.store.participants()
            options = [(t("ws.inbrenger.none", lang), NOBODY)] + [(p.name, p.id) for p in people]
            chosen, ids = self.inbrenger.value, {p.id for p in people}
            self.inbrenger.options = options
            # keep a choice the trainer is about to confirm; otherwise show the store's inbrenger
            self.inbrenger.value = (
                chosen if chosen in ids else (workshop.inbrenger_id if workshop.inbrenger_id in ids else NOBODY)
            )
        finally:
            self._refreshing = False
        case_title = workshop.case_title or ""
        self.case_now.value = (
            f"<p>{_e(t('ws.case.now', lang, title=case_title))}</p>"
            if case_title or workshop.case_text
            else f"<p class='ik-muted'>{_e(t('ws.case.nothing', lang))}</p>"
        )
        current = next((r for r in self.store.rounds() if r.open), None)
        self.round_now.value = (
            f"<p>{_e(t('ws.round.now', lang, n=current.number, rule=t('ws.rule.' + current.rule, lang)))}</p>"
            if current
            else f"<p class='ik-muted'>{_e(t('ws.round.none', lang))}</p>"
        )
        self.close_round.disabled = current is None
        self.people_title.value = f"<h3>{_e(t('ws.people', lang, n=len(people)))}</h3>"
        rows = []
        for person in people:
            name = widgets.HTML(f"<span class='ik-regie-name'>{_e(person.name)}</span>")
            remove = self._button("ws.remove", "ik-regie-remove", icon="user-times")
            remove.on_click(lambda _, p=person: self.act(lambda: self.ask_remove(p)))
            row = widgets.HBox([name, remove])
            row.add_class("ik-regie-person")
            rows.append(row)
        nobody = widgets.HTML(f"<p class='ik-muted'>{_e(t('ws.people.none', lang))}</p>")
        self.people.children = tuple(rows) or (nobody,)
        self.body.children = (
            self.join_box,
            self.case_box,
            self.rounds_box,
            self.people_box,
            self.end_box,
            self.shared_box,
        )

    # -- what participants shared ------------------------------------------------------------------

    def _build_shared(self) -> None:
        lang = self.lang
        self.shared_list = widgets.HTML()
        self.shared_list.add_class("ik-regie-shared")
        self.kept_erase = self._button("ws.kept.erase", "ik-regie-kept-erase", icon="trash")
        self.kept_erase.on_click(lambda _: self.act(self._ask_erase_kept))
        self.kept_confirm = widgets.VBox()
        self.kept_confirm.add_class("ik-regie-kept-confirm")
        self.shared_box = widgets.VBox(
            [
                widgets.HTML(
                    f"<h3>{_e(t('ws.shared', lang))}</h3><p class='ik-muted'>{_e(t('ws.shared.help', lang))}</p>"
                ),
                self.shared_list,
                self.kept_erase,
                self.kept_confirm,
            ]
        )

    def _show_shared(self) -> None:
        from ..journal.report import ReportKind, build_report, report_markdown
        from .downloads import download_link, file_slug

        lang = self.lang
        shared = self.store.shared_with_trainer()
        parts = []
        for trainee, entries in shared:
            name = trainee.name or t("ws.shared.anonymous", lang)
            titles = "".join(f"<li>{_e(e.title or e.context_label or e.template)}</li>" for e in entries)
            # Every refresh re-lists; the report (pandas, maybe a matplotlib chart) is built once per version
            # of this participant's shared entries.
            key = (trainee.id, trainee.name, lang, tuple((e.id, e.updated) for e in entries))
            if key not in self._reports:
                report = build_report(ReportKind.MEETING, trainee, entries, self.templates, lang=lang)
                self._reports[key] = report_markdown(report, lang).encode("utf-8")
            link = download_link(
                self._reports[key],
                "text/markdown",
                f"gedeeld-{file_slug(name)}.md",
                t("ws.shared.download", lang),
            )
            head = _e(t("ws.shared.person", lang, name=name, n=len(entries)))
            parts.append(
                f"<div class='ik-regie-shared-person'><p><strong>{head}</strong></p>"
                f"<ul>{titles}</ul><p>{link}</p></div>"
            )
        self.shared_list.value = "".join(parts) or f"<p class='ik-muted'>{_e(t('ws.shared.none', lang))}</p>"
        kept = self.store.active() is None and bool(shared)
        self.kept_erase.layout.display = None if kept else "none"
        if not kept:
            self.kept_confirm.children = ()

    def _ask_erase_kept(self) -> None:
        n = sum(len(entries) for _, entries in self.store.shared_with_trainer())
        yes = self._button("ws.kept.yes", "ik-regie-kept-yes", button_style="danger")
        no = self._button("ws.cancel", "ik-regie-kept-no")
        yes.on_click(lambda _: self.act(self._erase_kept))
        no.on_click(lambda _: setattr(self.kept_confirm, "children", ()))
        question = widgets.HTML(f"<p>{_e(t('ws.kept.confirm', self.lang, n=n))}</p>")
        self.kept_confirm.children = (question, widgets.HBox([yes, no]))

    def _erase_kept(self) -> str:
        erased = self.store.erase_kept()
        self.kept_confirm.children = ()
        return _ok(t("ws.kept.done", self.lang, n=erased))
