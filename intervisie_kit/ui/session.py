"""Page 05 Sessie begeleiden: run a meeting with a phase timer, roles, interventions and a projector mode.

The facilitator picks a method and types the group's names, assigns the roles and starts. The live panel
shows the phase, a large timer, who speaks, what is allowed and what the facilitator says or watches for.
Buttons (and the keyboard: space, arrows, a presentation clicker's Page Up/Down) pause, go on, go back,
skip or extend; the intervention buttons log what the facilitator stopped; in a question round the
questions asked can be typed and the coach marks each one. At the end a summary shows planned versus
actual minutes and the interventions, with a download.

The countdown itself runs in the browser (``templates/intervisie/live.js``) from the seconds left that
the kernel renders on each change; the kernel keeps the real time through :class:`~intervisie_kit.session.Session`.

Ending the session with its button asks first ("Ja, beëindig" / "Annuleer"). A reload gives the page a
fresh kernel: so after every change the running session is written to a small local file
(:mod:`intervisie_kit.session_state`), and a reloaded page offers to go on with it ("Ga verder met je
sessie van 14:05"); only when the trainer picks that is it restored, with the time that passed meanwhile.

At a startdag (workshop mode, on the trainer's kernel) the page also tells the room: after every change the
live state goes to the workshop store for the participants' phones, a question phase opens a wall round
(only open questions) that phones type into, and the page shows how many phone questions came in
(:class:`~intervisie_kit.workshop.live.SessionPublisher`). A failure to publish is shown quietly and
never stops the session.

Hook for the journal: ``SessionStore.on_summary`` (also ``SessionView.on_summary``) is a list of callables
that each get the :class:`~intervisie_kit.session.SessionSummary` once when a session ends.
"""

from __future__ import annotations

import base64
import html
import logging
import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import ipywidgets as widgets

from ..cards import CONTRIBUTION_WORDS
from ..coach.tally import tally
from ..content import Content
from ..content.models import Method, Mistake
from ..i18n import minutes_text, pick, register, t
from ..session import (
    INTERVENTIONS,
    MAX_MEMBERS,
    MAX_NAME_CHARS,
    Roles,
    Session,
    SessionError,
    SessionSummary,
    Status,
    find_method,
    mistake_text,
)
from ..session_state import RunningSessionFile, Saved, running_session_file
from ..trajectory import parse_members
from .journal_link import save_to_journal_button
from .shell import PageState, notice, section, submit_on_enter
from .verdict import tally_html, verdict_html
from .workshop import ticker

__all__ = ["TEXTS", "SessionStore", "SessionView", "runner"]

TEXTS: dict[str, tuple[str, str]] = {
    "session.method": ("Methode", "Method"),
    "session.method_facts": ("{phases} fasen, samen {minutes} minuten", "{phases} phases, {minutes} minutes in all"),
    "session.names": ("Namen van de groep", "The group's names"),
    "session.names.placeholder": (
        "Eén naam per regel (of gescheiden door komma's)",
        "One name per line (or separated by commas)",
    ),
    "session.inbrenger": ("Inbrenger", "Inbrenger"),
    "session.leader": ("Gespreksleider", "Gespreksleider (leads)"),
    "session.timekeeper": ("Tijdbewaker", "Timekeeper"),
    "session.nobody": ("(niemand apart)", "(nobody separately)"),
    "session.start": ("Start de sessie", "Start the session"),
    "session.need_names": (
        "Vul eerst minstens twee namen in: een inbrenger en een gespreksleider.",
        "Fill in at least two names first: an inbrenger and a gespreksleider.",
    ),
    "session.count": ("Fase {n} van {total}", "Phase {n} of {total}"),
    "session.planned": ("gepland {minutes} min", "planned {minutes} min"),
    "session.left": ("nog over in deze fase", "left in this phase"),
    "session.left_paused": ("gepauzeerd", "paused"),
    "session.over": ("Tijd is om: rond af of verleng", "Time is up: round off or extend"),
    "session.over_paused": ("Tijd is om (gepauzeerd)", "Time is up (paused)"),
    "session.speaks": ("Wie spreekt", "Who speaks"),
    "session.allowed": ("Toegestaan", "Allowed"),
    "session.prompt": ("Gespreksleider", "Gespreksleider"),
    "session.pause": ("Pauze", "Pause"),
    "session.resume": ("Doorgaan", "Resume"),
    "session.back": ("Vorige fase", "Previous phase"),
    "session.next": ("Volgende fase", "Next phase"),
    "session.last": ("Afronden", "Finish"),
    "session.skip": ("Overslaan", "Skip"),
    "session.extend": ("+{n} min", "+{n} min"),
    "session.extend.tip": ("Geef deze fase {n} minuut/minuten extra", "Give this phase {n} more minute(s)"),
    "session.finish": ("Sessie beëindigen", "End the session"),
    "session.projector": ("Beamer", "Projector"),
    "session.projector.tip": (
        "Presentatiemodus: groot, contrastrijk, schermvullend (Esc om terug te gaan)",
        "Projector mode: large, high contrast, full screen (Esc to return)",
    ),
    "session.sound": ("Geluid", "Sound"),
    "session.sound.tip": ("Een korte toon als een fase afloopt", "A short tone when a phase ends"),
    "session.keys": (
        "Toetsen: <kbd>spatie</kbd> pauze · <kbd>→</kbd> volgende fase · <kbd>←</kbd> vorige fase · "
        "<kbd>Esc</kbd> beamer uit",
        "Keys: <kbd>space</kbd> pause · <kbd>→</kbd> next phase · <kbd>←</kbd> previous phase · "
        "<kbd>Esc</kbd> leave projector mode",
    ),
    "session.interventions": ("Interventie: wat onderbrak je?", "Intervention: what did you stop?"),
    "session.logged": ("{n} interventie(s) genoteerd", "{n} intervention(s) logged"),
    "session.at": ("{phase}, minuut {minute}", "{phase}, minute {minute}"),
    "session.questions": ("Gestelde vragen", "Questions asked"),
    "session.question.placeholder": (
        "Typ de vraag die gesteld werd en druk op Enter",
        "Type the question that was asked and press Enter",
    ),
    "session.question.label": ("Vraag uit de groep", "Question from the group"),
    "session.question.hint": ("interventie: {mistake}?", "intervention: {mistake}?"),
    "session.phases": ("Alle fasen", "All phases"),
    "session.done": ("De sessie is afgelopen", "The session has ended"),
    "session.summary.phase": ("Fase", "Phase"),
    "session.summary.planned": ("Gepland", "Planned"),
    "session.summary.actual": ("Werkelijk", "Actual"),
    "session.summary.note": ("Opmerking", "Note"),
    "session.summary.total": ("Totaal", "Total"),
    "session.summary.skipped": ("overgeslagen", "skipped"),
    "session.summary.not_reached": ("niet aan toegekomen", "not reached"),
    "session.summary.extended": ("{n} min verlengd", "extended by {n} min"),
    "session.summary.interventions": ("Interventies", "Interventions"),
    "session.summary.none": ("Geen interventies genoteerd.", "No interventions logged."),
    "session.summary.questions": (
        "{open} van de {n} genoteerde vragen waren open (zonder aandachtspunt).",
        "{open} of the {n} questions noted were open (without a point of attention).",
    ),
    "session.download": ("Download het verslag (Markdown)", "Download the summary (Markdown)"),
    "session.keep": (
        "Het verslag blijft op jouw computer; deze pagina bewaart niets.",
        "The summary stays on your computer; this page keeps nothing.",
    ),
    "session.hook_failed": ("Het verslag kon niet worden doorgegeven", "The summary could not be passed on"),
    "session.new": ("Nieuwe sessie", "New session"),
    "session.finish.confirm": (
        "De sessie nu beëindigen? Fasen die nog komen, tellen dan als niet gedaan.",
        "End the session now? Phases still to come then count as not done.",
    ),
    "session.finish.yes": ("Ja, beëindig", "Yes, end it"),
    "session.finish.cancel": ("Annuleer", "Cancel"),
    "session.resume.title": ("Er loopt nog een sessie", "A session is still running"),
    "session.resume.text": (
        "{method}, begonnen om {time}, in fase {n} van {total} ({state}). Inbrenger: {inbrenger}; "
        "gespreksleider: {leader}.",
        "{method}, started at {time}, in phase {n} of {total} ({state}). Inbrenger: {inbrenger}; "
        "gespreksleider: {leader}.",
    ),
    "session.resume.running": ("loopt door", "still running"),
    "session.resume.paused": ("gepauzeerd", "paused"),
    "session.resume.go": ("Ga verder met je sessie van {time}", "Go on with your session of {time}"),
    "session.resume.drop": ("Nee, begin opnieuw", "No, start afresh"),
    "session.not_kept": (
        "De sessie kon niet worden bewaard voor als de pagina herlaadt; ze loopt gewoon door.",
        "The session could not be kept in case the page reloads; it simply goes on.",
    ),
    "session.nomethods": ("Er zijn geen methoden geladen.", "No methods are loaded."),
    "session.minute_short": ("min", "min"),
    "session.ws.members": ("Deelnemers van de startdag als groepsleden", "Startdag participants as group members"),
    "session.ws.members.none": (
        "Er heeft zich nog niemand aangemeld voor de startdag.",
        "Nobody has joined the startdag yet.",
    ),
    "session.ws.live": (
        "De telefoons van de zaal volgen deze sessie.",
        "The room's phones follow this session.",
    ),
    "session.ws.phone_questions": (
        "Vragen van telefoons in deze ronde: {n}",
        "Questions from phones in this round: {n}",
    ),
    "session.ws.failed": (
        "De telefoons konden even niet bijgewerkt worden ({reason}); de sessie loopt gewoon door en de kit "
        "probeert het bij de volgende stap opnieuw.",
        "The phones could not be updated just now ({reason}); the session simply goes on and the kit tries "
        "again at the next step.",
    ),
    "session.ws.failed.unknown": ("onbekende fout", "unknown error"),
    "session.ws.refresh": ("Vernieuwen", "Refresh"),
}
register(TEXTS)

EXTENSIONS = (1, 5)
_log = logging.getLogger(__name__)


@dataclass
class SessionStore:
    """What outlives a rebuild of the page (the language switch): the session, the form, the hooks.

    ``on_summary`` is the hook for the reflection journal: each callable gets the
    :class:`SessionSummary` once, when a session ends.
    """

    session: Session | None = None
    on_summary: list[Callable[[SessionSummary], Any]] = field(default_factory=list)
    form: dict[str, Any] = field(default_factory=dict)
    projector: bool = False
    sound: bool = False
    delivered: bool = False  # the hooks have had this session's summary
    saved: RunningSessionFile | None = None  # where the running session is kept over a reload; None: nowhere
    workshop: Any = None  # a SessionPublisher at a startdag (trainer's kernel), else None


def runner(state: PageState, store: SessionStore | None = None, *, clock: Callable[[], float] = time.monotonic):
    """The page's live-session section; ``?method=<id>`` preselects a method.

    Without a ``store``, the page keeps its running session in the user's local file, so a reload can bring
    it back.
    """
    store = store if store is not None else SessionStore(saved=running_session_file())
    if store.workshop is None:
        store.workshop = workshop_publisher()
    return section(
        state,
        lambda lang: SessionView(state.content, lang, store=store, method_id=state.params.get("method"), clock=clock),
    )


def workshop_publisher() -> Any:
    """A publisher for the room when this kernel is the trainer's at a startdag; ``None`` otherwise.

    Asked when the page is built, after a preheated kernel got its request (see workshop.identity).
    """
    from ..workshop.identity import is_workshop

    if not is_workshop():
        return None
    from ..journal import Journal, JournalError
    from ..workshop.identity import serves_trainer

    try:
        journal = Journal()
    except JournalError:
        _log.exception("page 05 cannot open the journal for the workshop")
        return None
    if not serves_trainer(journal):
        journal.close()
        return None
    from ..workshop.live import SessionPublisher
    from ..workshop.store import WorkshopStore

    return SessionPublisher(WorkshopStore(journal))


def _display(widget: widgets.Widget, shown: bool) -> None:
    widget.layout.display = None if shown else "none"


class SessionView(widgets.VBox):
    """Setup form, live panel and summary of one session; the state lives in ``store``."""

    def __init__(
        self,
        content: Content,
        lang: str,
        *,
        store: SessionStore | None = None,
        method_id: str | None = None,
        clock: Callable[[], float] = time.monotonic,
        today: date | None = None,
        **kwargs: object,
    ):
        super().__init__(**kwargs)
        self.add_class("ik-session")
        self._lang, self._clock, self._today = lang, clock, today
        self.store = store if store is not None else SessionStore()
        self._methods = dict(content.methods)
        self._renders = 0
        if not self._methods:
            self.children = (notice("warn", t("session.nomethods", lang)),)
            return
        self.error = widgets.HTML()
        self.error.add_class("ik-session-error")
        self._build_setup(method_id)
        self._build_live()
        self.summary = widgets.HTML()
        self.new = widgets.Button(description=t("session.new", lang), icon="refresh")
        self.new.add_class("ik-session-new")
        self.new.on_click(lambda _: self.reset())
        self.save_box = widgets.VBox()
        self.summary_box = widgets.VBox([self.summary, self.save_box, self.new])
        self.summary_box.add_class("ik-session-summary")
        self.resume_box = widgets.VBox()
        self.resume_box.add_class("ik-session-resume")
        self.children = (self.error, self.room_box, self.resume_box, self.setup, self.live, self.summary_box)
        self._offer_saved()
        self.projector.value = self.store.projector
        self.sound.value = self.store.sound
        self.render()

    @property
    def on_summary(self) -> list[Callable[[SessionSummary], Any]]:
        return self.store.on_summary

    @property
    def session(self) -> Session | None:
        return self.store.session

    # -- setup -------------------------------------------------------------------------------------------

    def _build_setup(self, method_id: str | None) -> None:
        lang, form = self._lang, self.store.form
        options = sorted(((m.name.get(lang), m.id) for m in self._methods.values()), key=lambda o: o[0].lower())
        preferred = form.get("method") or method_id
        default = "incidentmethode" if "incidentmethode" in self._methods else options[0][1]
        wide = widgets.Layout(width="100%", max_width="40em")
        self.method = widgets.Dropdown(
            options=options,
            value=preferred if preferred in self._methods else default,
            description=t("session.method", lang),
            style={"description_width": "initial"},
            layout=wide,
        )
        self.method.add_class("ik-session-method")
        self.method_facts = widgets.HTML()
        self.names = widgets.Textarea(
            value=form.get("names", ""),
            placeholder=t("session.names.placeholder", lang),
            rows=6,
            layout=widgets.Layout(width="100%", max_width="40em"),
        )
        self.names.add_class("ik-session-names")
        dropdown = {"style": {"description_width": "initial"}, "layout": widgets.Layout(width="auto")}
        self.inbrenger = widgets.Dropdown(description=t("session.inbrenger", lang), **dropdown)
        self.inbrenger.add_class("ik-session-inbrenger")
        self.leader = widgets.Dropdown(description=t("session.leader", lang), **dropdown)
        self.leader.add_class("ik-session-leader")
        self.timekeeper = widgets.Dropdown(description=t("session.timekeeper", lang), **dropdown)
        self.timekeeper.add_class("ik-session-timekeeper")
        self.start = widgets.Button(description=t("session.start", lang), button_style="primary", icon="play")
        self.start.add_class("ik-session-start")
        roles = widgets.HBox([self.inbrenger, self.leader, self.timekeeper])
        roles.add_class("ik-session-roles")
        names_label = widgets.HTML(f"<label class='ik-label'>{html.escape(t('session.names', lang))}</label>")
        self.from_workshop = widgets.Button(description=t("session.ws.members", lang), icon="users")
        self.from_workshop.add_class("ik-session-from-workshop")
        self.from_workshop.on_click(lambda _: self.fill_from_workshop())
        _display(self.from_workshop, self.store.workshop is not None)
        self.setup = widgets.VBox(
            [self.method, self.method_facts, names_label, self.names, self.from_workshop, roles, self.start]
        )
        self.setup.add_class("ik-session-setup")
        self._fill_roles()
        self._show_method_facts()
        self.method.observe(self._method_changed, "value")
        self.names.observe(lambda _: self._fill_roles(), "value")
        for w, key in ((self.inbrenger, "inbrenger"), (self.leader, "leader"), (self.timekeeper, "timekeeper")):
            w.observe(lambda change, key=key: self.store.form.__setitem__(key, change["new"]), "value")
        self.start.on_click(lambda _: self.begin())

    def _method_changed(self, change: dict) -> None:  # type: ignore[type-arg]
        self.store.form["method"] = change["new"]
        self._show_method_facts()

    def _show_method_facts(self) -> None:
        method: Method = self._methods[self.method.value]
        facts = t(
            "session.method_facts",
            self._lang,
            phases=len(method.phases),
            minutes=minutes_text(method.total_minutes, self._lang),
        )
        self.method_facts.value = f"<p class='ik-muted'>{html.escape(facts)}</p>"

    def _fill_roles(self) -> None:
        """Offer the typed names in the role dropdowns, keeping choices that still exist."""
        form = self.store.form
        form["names"] = self.names.value
        names = list(dict.fromkeys(parse_members(self.names.value)))
        too_long = next((n for n in names if len(n) > MAX_NAME_CHARS), None)
        if len(names) > MAX_MEMBERS or too_long is not None:  # say so, keep the text, offer nothing yet
            problem = (
                SessionError("too_many_members", n=len(names), max=MAX_MEMBERS)
                if too_long is None
                else SessionError("name_too_long", name=too_long[:20], n=len(too_long), max=MAX_NAME_CHARS)
            )
            self._show_error(problem)
            names = []
        elif self.store.session is None:
            self.error.value = ""
        nobody = [(t("session.nobody", self._lang), "")]
        keep = {
            "inbrenger": form.get("inbrenger") or self.inbrenger.value,
            "leader": form.get("leader") or self.leader.value,
            "timekeeper": form.get("timekeeper") or self.timekeeper.value,
        }
        self.inbrenger.options = names
        self.leader.options = names
        self.timekeeper.options = nobody + [(n, n) for n in names]
        if names:
            self.inbrenger.value = keep["inbrenger"] if keep["inbrenger"] in names else names[0]
            others = [n for n in names if n != self.inbrenger.value] or names
            self.leader.value = keep["leader"] if keep["leader"] in names else others[0]
        self.timekeeper.value = keep["timekeeper"] if keep["timekeeper"] in names else ""

    def roles(self) -> Roles:
        """The roles as chosen in the form; raises :class:`SessionError` for a combination that cannot be."""
        names = list(dict.fromkeys(parse_members(self.names.value)))
        if len(names) < 2 or self.inbrenger.value is None or self.leader.value is None:
            raise _FormError("session.need_names")
        taken = {self.inbrenger.value, self.leader.value}
        return Roles(
            inbrenger=self.inbrenger.value,
            gespreksleider=self.leader.value,
            deelnemers=tuple(n for n in names if n not in taken),
            tijdbewaker=self.timekeeper.value or None,
        )

    def begin(self) -> Session | None:
        """Start a session with the chosen method and roles; a problem is shown, not raised."""
        try:
            method = find_method(self._methods, self.method.value)
            session = Session(method, self.roles(), clock=self._clock, day=self._today or date.today())
            session.start()
        except (SessionError, _FormError) as exc:
            self._show_error(exc)
            return None
        self.store.session = session
        self.store.delivered = False
        self.error.value = ""
        self.drop_saved()  # a new session replaces one a reload left behind
        self._keep()
        self.render()
        return session

    def reset(self) -> None:
        """Back to the form for a new session (the names and roles stay filled in)."""
        self.store.session = None
        self.store.delivered = False
        self._keep()
        self.summary.value = ""
        self.save_box.children = ()
        self.render()

    # -- live panel --------------------------------------------------------------------------------------

    def _build_live(self) -> None:
        lang = self._lang
        self.head = widgets.HTML()
        self.head.add_class("ik-phase-head-w")
        self.timer = widgets.HTML()
        self.timer.add_class("ik-timer-w")
        self.info = widgets.HTML()
        self.info.add_class("ik-phase-info-w")

        def button(key: str, cls: str, icon: str, **kw: Any) -> widgets.Button:
            b = widgets.Button(description=t(key, lang), icon=icon, **kw)
            b.add_class(cls)
            return b

        self.back = button("session.back", "ik-session-back", "step-backward")
        self.pause = button("session.pause", "ik-session-pause", "pause")
        self.next = button("session.next", "ik-session-next", "step-forward", button_style="primary")
        self.skip = button("session.skip", "ik-session-skip", "forward")
        self.extenders = []
        for n in EXTENSIONS:
            b = button("session.extend", f"ik-session-extend-{n}", "clock-o")
            b.description = t("session.extend", lang, n=n)
            b.tooltip = t("session.extend.tip", lang, n=n)
            b.on_click(lambda _, n=n: self._act(lambda s: s.extend(n)))
            self.extenders.append(b)
        self.finish = button("session.finish", "ik-session-finish", "stop")
        self.projector = widgets.ToggleButton(
            description=t("session.projector", lang), icon="television", tooltip=t("session.projector.tip", lang)
        )
        self.projector.add_class("ik-projector-toggle")
        self.sound = widgets.ToggleButton(
            description=t("session.sound", lang), icon="bell", tooltip=t("session.sound.tip", lang)
        )
        self.sound.add_class("ik-sound-toggle")
        self.back.on_click(lambda _: self._act(lambda s: s.back()))
        self.pause.on_click(lambda _: self._act(lambda s: s.toggle()))
        self.next.on_click(lambda _: self._act(lambda s: s.next()))
        self.skip.on_click(lambda _: self._act(lambda s: s.skip()))
        self.finish.on_click(lambda _: self._confirm_finish(True))
        self.finish_yes = button("session.finish.yes", "ik-session-finish-yes", "stop", button_style="danger")
        self.finish_cancel = button("session.finish.cancel", "ik-session-finish-cancel", "times")
        self.finish_yes.on_click(lambda _: self._end())
        self.finish_cancel.on_click(lambda _: self._confirm_finish(False))
        question = widgets.HTML(f"<p role='alert'>{html.escape(t('session.finish.confirm', lang))}</p>")
        self.finish_confirm = widgets.HBox([question, self.finish_yes, self.finish_cancel])
        self.finish_confirm.add_class("ik-session-finish-confirm")
        _display(self.finish_confirm, False)
        self.projector.observe(self._projector_changed, "value")
        self.sound.observe(self._sound_changed, "value")
        controls = widgets.HBox(
            [self.back, self.pause, self.next, self.skip, *self.extenders, self.finish, self.projector, self.sound]
        )
        controls.add_class("ik-session-controls")
        keys = widgets.HTML(f"<p class='ik-keys'>{t('session.keys', lang)}</p>")  # the kit's own markup

        self.question = widgets.Text(
            placeholder=t("session.question.placeholder", lang), layout=widgets.Layout(width="100%")
        )
        self.question.add_class("ik-session-question")
        submit_on_enter(self.question, self._question_entered)  # leaving the field notes nothing
        self.question_log = widgets.HTML()
        self.question_log.add_class("ik-session-question-log")
        label = widgets.HTML(f"<h3>{html.escape(t('session.questions', lang))}</h3>")
        self.questions = widgets.VBox([label, self.question, self.question_log])
        self.questions.add_class("ik-session-questions")

        self.intervention_buttons: dict[Mistake, widgets.Button] = {}
        for kind in INTERVENTIONS:
            b = widgets.Button(description=mistake_text(kind, lang), icon="hand-paper-o")
            b.add_class("ik-intervention")
            b.add_class(f"ik-intervention-{kind.value.replace('_', '-')}")
            b.on_click(lambda _, kind=kind: self._act(lambda s: s.intervene(kind)))
            self.intervention_buttons[kind] = b
        interventions = widgets.HBox(list(self.intervention_buttons.values()))
        interventions.add_class("ik-session-interventions")
        self.intervention_log = widgets.HTML()
        self.intervention_log.add_class("ik-session-interventions-log")
        self.phase_list = widgets.HTML()
        self.phase_list.add_class("ik-phase-list")
        heading = widgets.HTML(f"<h3>{html.escape(t('session.interventions', lang))}</h3>")
        self.room = widgets.HTML()
        self.room.add_class("ik-session-room")
        self.room_refresh = widgets.Button(description=t("session.ws.refresh", lang), icon="refresh")
        self.room_refresh.add_class("ik-session-room-refresh")
        self.room_refresh.on_click(lambda _: self.render())
        self.room_ticker = ticker(self._room_tick, lang)
        self.room_box = widgets.HBox([self.room, self.room_refresh, self.room_ticker])
        _display(self.room_box, self.store.workshop is not None)
        self.live = widgets.VBox(
            [
                self.head,
                self.timer,
                controls,
                self.finish_confirm,
                keys,
                self.info,
                self.questions,
                heading,
                interventions,
                self.intervention_log,
                self.phase_list,
            ]
        )
        self.live.add_class("ik-session-live")

    def _projector_changed(self, change: dict) -> None:  # type: ignore[type-arg]
        self.store.projector = change["new"]
        if change["new"]:
            self.add_class("ik-projector")
        else:
            self.remove_class("ik-projector")

    def _sound_changed(self, change: dict) -> None:  # type: ignore[type-arg]
        self.store.sound = change["new"]
        self._render_timer()

    def _confirm_finish(self, asking: bool) -> None:
        """The end button asks first; "Annuleer" takes the question away and the session goes on."""
        _display(self.finish_confirm, asking)

    def _end(self) -> None:
        _display(self.finish_confirm, False)
        self._act(lambda s: s.finish())

    def _act(self, action: Callable[[Session], object]) -> bool:
        session = self.store.session
        if session is None:
            return False
        try:
            action(session)
        except SessionError as exc:
            self._show_error(exc)
            return False
        self.error.value = ""
        self._keep()
        self.render()
        return True

    # -- kept over a reload ------------------------------------------------------------------------------

    def _keep(self) -> None:
        """Write the running session to the local file after a change; remove it once the session ended."""
        saved, s = self.store.saved, self.store.session
        if saved is None:
            return
        try:
            if s is not None and s.status in (Status.RUNNING, Status.PAUSED):
                saved.save(s.snapshot())
            else:
                saved.clear()
        except OSError:
            _log.exception("could not keep the running session in %s", saved.path)
            self.error.value = notice("warn", t("session.not_kept", self._lang)).value

    def _offer_saved(self) -> None:
        """On a fresh page, offer the session a reload interrupted; nothing is restored until asked."""
        saved_file = self.store.saved
        found = saved_file.load() if saved_file is not None and self.store.session is None else None
        method = self._methods.get(str(found.data.get("method"))) if found is not None else None
        lang, e = self._lang, html.escape
        try:
            if found is None or method is None:
                raise ValueError("nothing to offer")
            at = datetime.fromtimestamp(found.started_at).strftime("%H:%M")
            data, roles = found.data, dict(found.data.get("roles") or {})
            paused = data.get("status") == "paused"
            text = t(
                "session.resume.text",
                lang,
                method=method.name.get(lang),
                time=at,
                n=int(data.get("index", 0)) + 1,
                total=len(method.phases),
                state=t("session.resume.paused" if paused else "session.resume.running", lang),
                inbrenger=str(roles.get("inbrenger", "")),
                leader=str(roles.get("gespreksleider", "")),
            )
        except (ValueError, TypeError, OverflowError, OSError):  # nothing saved, or not a session we can show
            self.resume_box.children = ()
            _display(self.resume_box, False)
            return
        go = widgets.Button(description=t("session.resume.go", lang, time=at), button_style="primary", icon="play")
        go.add_class("ik-session-resume-go")
        drop = widgets.Button(description=t("session.resume.drop", lang), icon="times")
        drop.add_class("ik-session-resume-drop")
        go.on_click(lambda _: self.resume_saved(found))
        drop.on_click(lambda _: self.drop_saved())
        self.resume_box.children = (
            widgets.HTML(
                f"<div class='ik-notice ik-info' role='status'><h3>{e(t('session.resume.title', lang))}</h3>"
                f"<p>{e(text)}</p></div>"
            ),
            widgets.HBox([go, drop]),
        )
        _display(self.resume_box, True)

    def resume_saved(self, found: Saved) -> Session | None:
        """Bring back the saved session, with the time that passed since it was saved."""
        saved_file = self.store.saved
        if saved_file is None:
            return None
        try:
            method = find_method(self._methods, str(found.data.get("method")))
            session = Session.restore(method, found.data, clock=self._clock, away=saved_file.away(found))
        except SessionError as exc:
            self.drop_saved()
            self._show_error(exc)
            return None
        self.store.session = session
        self.store.delivered = False
        self.store.form.update(
            method=method.id,
            names="\n".join([session.roles.inbrenger, session.roles.gespreksleider, *session.roles.deelnemers]),
            inbrenger=session.roles.inbrenger,
            leader=session.roles.gespreksleider,
            timekeeper=session.roles.tijdbewaker or "",
        )
        self.method.value = method.id
        self.names.value = self.store.form["names"]  # the roles follow from the form (see _fill_roles)
        self.resume_box.children = ()
        _display(self.resume_box, False)
        self.error.value = ""
        self._keep()
        self.render()
        return session

    def drop_saved(self) -> None:
        """The trainer starts afresh: the saved session is removed."""
        if self.store.saved is not None:
            try:
                self.store.saved.clear()
            except OSError:
                _log.exception("could not remove %s", self.store.saved.path)
        self.resume_box.children = ()
        _display(self.resume_box, False)

    def _question_entered(self, text: str) -> None:
        if not text.strip():
            return
        self.ask(text)

    def ask(self, text: str) -> None:
        """Note a question of the question round; the coach's verdict appears in the log."""
        if self._act(lambda s: s.record_question(text, self._lang)):
            self.question.value = ""  # kept when it could not be noted (too long, too many), with the reason

    def _show_error(self, exc: Exception) -> None:
        lang = self._lang
        message = exc.message(lang) if isinstance(exc, SessionError) else t(str(exc), lang)
        self.error.value = notice("error", message).value

    # -- rendering ---------------------------------------------------------------------------------------

    def fill_from_workshop(self) -> None:
        """Put the startdag's participants in the names field, one a line (the roles follow)."""
        publisher = self.store.workshop
        if publisher is None:
            return
        try:
            names = [p.name for p in publisher.participants()]
        except Exception as exc:
            self._room_problem(exc)
            return
        if not names:
            self.error.value = notice("warn", t("session.ws.members.none", self._lang)).value
            return
        self.names.value = "\n".join(names)

    def _room_problem(self, exc: Exception) -> None:
        lang = self._lang
        text = getattr(exc, "text", None)
        reason = text(lang) if callable(text) else t("session.ws.failed.unknown", lang)
        if not callable(text):
            _log.error("page 05 could not reach the workshop store: %r", exc)
        message = html.escape(t("session.ws.failed", lang, reason=reason))
        self.room.value = f"<p class='ik-warn-text ik-session-room-failed' role='status'>{message}</p>"

    def _publish(self, session: Session | None) -> None:
        """Tell the room (at a startdag): the live state, the round, the count of phone questions."""
        publisher = self.store.workshop
        if publisher is None:
            return
        if not publisher.publish(session, self._lang):
            self._room_problem(publisher.problem)
            return
        self._show_room(session)

    def _room_tick(self) -> None:
        """The template's script presses the hidden ticker: recount the phone questions if the room changed."""
        publisher = self.store.workshop
        if publisher is not None and publisher.changed():
            self._show_room(self.store.session)

    def _show_room(self, session: Session | None) -> None:
        publisher, lang = self.store.workshop, self._lang
        publisher.changed()  # what is shown now is the store as of this version
        lines = [t("session.ws.live", lang)] if session is not None and session.status is not Status.FINISHED else []
        count = publisher.phone_questions()
        if count is not None:
            lines.append(t("session.ws.phone_questions", lang, n=count))
        if publisher.problem is not None:
            self._room_problem(publisher.problem)
            return
        self.room.value = "".join(f"<p class='ik-session-room-line'>{html.escape(line)}</p>" for line in lines)

    def render(self) -> None:
        session = self.store.session
        self._publish(session)
        live = session is not None and session.status in (Status.RUNNING, Status.PAUSED)
        finished = session is not None and session.status is Status.FINISHED
        _display(self.setup, session is None)
        _display(self.live, live)
        _display(self.summary_box, finished)
        if live:
            self._render_live(session)
        elif finished:
            self._render_summary(session)

    def _render_live(self, s: Session) -> None:
        lang, e = self._lang, html.escape
        phase = s.phase
        count = t("session.count", lang, n=s.index + 1, total=s.phase_count)
        planned = t("session.planned", lang, minutes=minutes_text(s.planned_seconds() / 60, lang))
        self.head.value = (
            f"<div class='ik-phase-head'><span class='ik-phase-count'>{e(count)}</span>"
            f"<h2 class='ik-phase-name' data-phase='{e(phase.id)}'>{e(phase.name.get(lang))}</h2>"
            f"<span class='ik-muted'>{e(planned)}</span></div>"
        )
        self._render_timer()
        speakers = []
        for role_id, names in s.speakers():
            role = next((r for r in s.method.roles if r.id == role_id), None)
            role_name = role.name.get(lang) if role is not None else role_id
            who = f"{e(role_name)}: {e(', '.join(names))}" if names else e(role_name)
            speakers.append(f"<li>{who}</li>")
        allowed = "".join(f"<li>{e(pick(CONTRIBUTION_WORDS[c], lang))}</li>" for c in s.allowed)
        self.info.value = (
            "<div class='ik-phase-info'>"
            f"<div class='ik-speakers'><h3>{e(t('session.speaks', lang))}</h3><ul>{''.join(speakers)}</ul></div>"
            f"<div class='ik-allowed'><h3>{e(t('session.allowed', lang))}</h3><ul class='ik-chips'>{allowed}</ul></div>"
            f"<div class='ik-prompt'><h3>{e(t('session.prompt', lang))}</h3><p>{e(phase.prompt.get(lang))}</p></div>"
            "</div>"
        )
        paused = s.status is Status.PAUSED
        self.pause.description = t("session.resume" if paused else "session.pause", lang)
        self.pause.icon = "play" if paused else "pause"
        self.back.disabled = s.index == 0
        self.next.description = t("session.last" if s.is_last else "session.next", lang)
        _display(self.questions, s.is_question_round)
        self.question_log.value = self._questions_html(s)
        self.intervention_log.value = self._interventions_html(s)
        self.phase_list.value = self._phase_list_html(s)

    def _render_timer(self) -> None:
        s = self.store.session
        if s is None or s.status not in (Status.RUNNING, Status.PAUSED):
            return
        lang = self._lang
        self._renders += 1
        left = s.remaining()
        paused = s.status is Status.PAUSED
        over = left <= 0
        classes = "ik-timer" + (" ik-over" if over else "") + (" ik-soon" if 0 < left <= 60 else "")
        label = t("session.left_paused" if paused else "session.left", lang)
        over_label = t("session.over_paused" if paused else "session.over", lang)
        self.timer.value = (
            f"<div class='{classes}' role='timer' data-state='{s.status.value}' "
            f"data-sound='{1 if self.store.sound else 0}'>"
            f"<div class='ik-clock' data-remaining='{left:.2f}' data-running='{0 if paused else 1}' "
            f"data-over='{1 if over else 0}' data-n='{self._renders}'>{clock_text(left)}</div>"
            f"<div class='ik-clock-label' data-text='{html.escape(label, quote=True)}' "
            f"data-over-text='{html.escape(over_label, quote=True)}'>"
            f"{html.escape(over_label if over else label)}</div></div>"
        )

    def _questions_html(self, s: Session) -> str:
        """The questions of this round, newest first: the newest with the coach's full verdict (announced to screen
        readers), earlier ones as a line with the same label and chips; the round's tally by the one rule."""
        lang, e = self._lang, html.escape
        asked = [q for q in s.questions if q.phase_id == s.phase.id]
        items = []
        for n, q in enumerate(reversed(asked)):
            hint = ""
            if q.mistake is not None:
                words = t("session.question.hint", lang, mistake=mistake_text(q.mistake, lang))
                hint = f" <span class='ik-muted'>({e(words)})</span>"
            verdict = verdict_html(q.verdict, lang, compact=n > 0, live=n == 0)
            items.append(f"<li data-kind='{q.verdict.kind.value}'>{e(q.text)}{hint}{verdict}</li>")
        if not items:
            return ""
        counts = tally(q.verdict for q in asked)
        return f"<p class='ik-session-tally'>{tally_html(counts, lang)}</p><ul class='ik-logged'>{''.join(items)}</ul>"

    def _interventions_html(self, s: Session) -> str:
        lang, e = self._lang, html.escape
        if not s.interventions:
            return ""
        names = {p.id: p.name.get(lang) for p in s.method.phases}
        rows = "".join(
            f"<li data-kind='{i.kind.value}'>{e(mistake_text(i.kind, lang))} <span class='ik-muted'>"
            f"({e(t('session.at', lang, phase=names[i.phase_id], minute=int(i.at // 60) + 1))})</span></li>"
            for i in reversed(s.interventions)
        )
        count = t("session.logged", lang, n=len(s.interventions))
        return f"<p><strong>{e(count)}</strong></p><ul class='ik-logged'>{rows}</ul>"

    def _phase_list_html(self, s: Session) -> str:
        lang, e = self._lang, html.escape
        rows = []
        for i, phase in enumerate(s.method.phases):
            current = " aria-current='step'" if i == s.index else ""
            done = " class='ik-done'" if i < s.index else ""
            minutes = minutes_text(s.planned_seconds(i) / 60, lang)
            rows.append(
                f"<li{current}{done}>{e(phase.name.get(lang))} <span class='ik-muted'>({minutes} min)</span></li>"
            )
        return f"<details><summary>{e(t('session.phases', lang))}</summary><ol>{''.join(rows)}</ol></details>"

    # -- summary -----------------------------------------------------------------------------------------

    def _render_summary(self, s: Session) -> None:
        summary = s.summary()
        self.summary.value = summary_html(summary, self._lang)
        lang = self._lang
        self.save_box.children = (
            save_to_journal_button(
                lang,
                lambda: {
                    "template": "sessie",
                    "context": "session",
                    "context_label": pick(summary.method_name, lang),
                    "title": pick(summary.method_name, lang),
                    # Without the colleagues' names: the journal holds the trainee's own data only.
                    "answers": {"summary": summary.summary_markdown(lang, with_names=False)},
                    "figures": {"method": summary.method_id, "interventions": len(summary.interventions)},
                },
            ),
        )
        if not self.store.delivered:
            self.store.delivered = True
            problems = []
            for hook in list(self.store.on_summary):
                try:
                    hook(summary)
                except Exception as exc:  # a failing journal must not take the summary down
                    problems.append(str(exc))
            if problems:
                self.summary.value += notice("warn", t("session.hook_failed", self._lang), problems).value


def clock_text(seconds: float) -> str:
    """``12:05`` for time left, ``+1:30`` for time over (the same rule as the browser's countdown)."""
    whole = math.ceil(seconds) if seconds > 0 else math.floor(-seconds)
    sign = "" if seconds > 0 else "+"
    return f"{sign}{whole // 60}:{whole % 60:02d}"


def summary_html(summary: SessionSummary, lang: str) -> str:
    """The session summary for the page, with the Markdown download."""
    e = html.escape

    def num(x: float) -> str:
        return minutes_text(round(x, 1), lang)

    rows = []
    for p in summary.phases:
        notes = []
        if p.skipped:
            notes.append(t("session.summary.skipped", lang))
        elif not p.done:
            notes.append(t("session.summary.not_reached", lang))
        if p.extended_minutes:
            notes.append(t("session.summary.extended", lang, n=num(p.extended_minutes)))
        over = " class='ik-num ik-over-time'" if p.done and p.difference > 0.5 else " class='ik-num'"
        rows.append(
            f"<tr data-phase='{e(p.phase_id)}'><td>{e(pick(p.name, lang))}</td>"
            f"<td class='ik-num'>{num(p.planned_minutes)}</td><td{over}>{num(p.actual_minutes)}</td>"
            f"<td>{e('; '.join(notes))}</td></tr>"
        )
    head = "".join(
        f"<th{' class=ik-num' if k in ('planned', 'actual') else ''}>{e(t(f'session.summary.{k}', lang))}</th>"
        for k in ("phase", "planned", "actual", "note")
    )
    total = (
        f"<tr><th>{e(t('session.summary.total', lang))}</th><th class='ik-num'>{num(summary.planned_minutes)}</th>"
        f"<th class='ik-num'>{num(summary.actual_minutes)}</th><th></th></tr>"
    )
    counts = summary.intervention_counts()
    interventions = (
        "<ul>"
        + "".join(
            f"<li data-kind='{k.value}'>{e(mistake_text(k, lang))}: {n}×</li>"
            for k, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0].value))
        )
        + "</ul>"
        if counts
        else f"<p>{e(t('session.summary.none', lang))}</p>"
    )
    questions = ""
    if summary.questions:
        counts = summary.question_tally()
        line = t("session.summary.questions", lang, open=counts.open, n=counts.turns)
        questions = f"<p>{e(line)}</p><p class='ik-session-tally'>{tally_html(counts, lang)}</p>"
    data = base64.b64encode(summary.summary_markdown(lang).encode()).decode()
    day = summary.day.isoformat() if summary.day else "sessie"
    filename = f"sessie-{summary.method_id}-{day}.md"
    return (
        f"<div class='ik-notice ik-ok'><h3>{e(t('session.done', lang))}: {e(pick(summary.method_name, lang))}</h3>"
        f"<div class='ik-table-wrap'><table class='ik-table'><thead><tr>{head}</tr></thead>"
        f"<tbody>{''.join(rows)}{total}</tbody></table></div>"
        f"<h4>{e(t('session.summary.interventions', lang))}</h4>{interventions}{questions}"
        f"<p><a class='ik-session-download' download='{e(filename)}' href='data:text/markdown;base64,{data}'>"
        f"{e(t('session.download', lang))}</a></p>"
        f"<p class='ik-muted'>{e(t('session.keep', lang))}</p></div>"
    )


class _FormError(Exception):
    """A form that is not complete yet; the argument is an interface text key."""
