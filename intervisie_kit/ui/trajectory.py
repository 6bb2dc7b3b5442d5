"""Page 08 Traject plannen: plan a group's meetings and take the plan along as calendar, overview and contract.

The facilitator fills in the members, the start date and the rhythm; the plan appears as a table with the
kick-off, the case meetings with a fair rota and suggested methods, the mid-term and final evaluations and
the handover to a member-led group. Downloads: an ``.ics`` calendar, a printable overview (HTML) and the
groepscontract (HTML), whose open fields can be filled in here first. Everything typed is escaped.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import ipywidgets as widgets

from ..calendar_nl import holiday_name, next_working_day
from ..content import Content
from ..content.models import Experience
from ..i18n import register, t
from ..trajectory import (
    DEFAULT_INTERVAL_WEEKS,
    DEFAULT_MEETINGS,
    INTERVAL_RANGE,
    MEETINGS_RANGE,
    Plan,
    PlanError,
    Settings,
    contract_html,
    date_text,
    overview_html,
    overview_table,
    parse_dates,
    parse_members,
    parse_time,
    plan,
    to_ics,
)
from .downloads import download_link, file_slug
from .shell import PageState, notice, section

__all__ = ["TEXTS", "PlannerStore", "PlannerView", "planner"]

TEXTS: dict[str, tuple[str, str]] = {
    "plan.group": ("De groep", "The group"),
    "plan.name": ("Naam van de groep", "Name of the group"),
    "plan.facilitator": ("Begeleider", "Facilitator"),
    "plan.location": ("Plaats", "Location"),
    "plan.members": ("Leden, één per regel", "Members, one per line"),
    "plan.members.placeholder": ("Bijvoorbeeld:\nAnna\nBram\nCem", "For example:\nAnna\nBram\nCem"),
    "plan.experience": ("Ervaring met intervisie bij de start", "Intervisie experience at the start"),
    "plan.when": ("Wanneer", "When"),
    "plan.start": ("Eerste bijeenkomst", "First meeting"),
    "plan.time": ("Begintijd", "Start time"),
    "plan.meetings": ("Aantal bijeenkomsten", "Number of meetings"),
    "plan.interval": ("Weken tussen bijeenkomsten", "Weeks between meetings"),
    "plan.length": ("Duur van een bijeenkomst", "Length of a meeting"),
    "plan.hours": ("{h} uur", "{h} hours"),
    "plan.handover": ("Een groepslid leidt vanaf", "A member leads from"),
    "plan.handover.auto": ("na de tussenevaluatie", "after the mid-term evaluation"),
    "plan.handover.n": ("bijeenkomst {n}", "meeting {n}"),
    "plan.skip": ("Data om over te slaan (vakanties)", "Dates to skip (holidays)"),
    "plan.skip.placeholder": (
        "Eén datum of periode per regel, bijvoorbeeld:\n27-04-2026\n20-07-2026 t/m 28-08-2026",
        "One date or period per line, for example:\n27-04-2026\n20-07-2026 to 28-08-2026",
    ),
    "plan.make": ("Maak het plan", "Make the plan"),
    "plan.title": ("Het traject", "The trajectory"),
    "plan.fair": ("Inbrengen per lid: {counts}", "Cases per member: {counts}"),
    "plan.leads": ("Leiden per lid: {counts}", "Leading per member: {counts}"),
    "plan.notes": ("Goed om te weten", "Good to know"),
    "plan.warnings": ("Let op", "Please note"),
    "plan.start.weekend": (
        "{date} valt in het weekend; de meeste groepen komen op een werkdag bij elkaar.",
        "{date} is in the weekend; most groups meet on a working day.",
    ),
    "plan.start.holiday": (
        "{date} is {name}, een feestdag; veel mensen zijn dan vrij.",
        "{date} is {name}, a public holiday; many people have the day off.",
    ),
    "plan.downloads": ("Meenemen", "Take it along"),
    "plan.ics": ("Agenda (.ics)", "Calendar (.ics)"),
    "plan.overview": ("Overzicht om te printen (HTML)", "Overview to print (HTML)"),
    "plan.contract": ("Groepscontract om te printen (HTML)", "Group contract to print (HTML)"),
    "plan.contract.fill": (
        "Groepscontract vooraf invullen (mag ook leeg blijven)",
        "Fill in the group contract beforehand (may stay empty)",
    ),
    "plan.contract.goal": ("Ons doel", "Our goal"),
    "plan.contract.cancel": ("Afmelden bij", "Cancel with"),
    "plan.contract.extra": ("Verdere afspraken", "Further agreements"),
    "plan.methods_note": (
        "De methoden zijn voorstellen die meegroeien met de ervaring van de groep; kies definitief als de vraag "
        "van de inbrenger bekend is.",
        "The methods are suggestions that grow with the group's experience; settle on one once the inbrenger's "
        "question is known.",
    ),
    "plan.error": ("Dit plan kan nog niet worden gemaakt", "This plan cannot be made yet"),
    "plan.private": (
        "De bestanden gaan rechtstreeks naar jouw computer; de kit bewaart niets van dit plan.",
        "The files go straight to your computer; the kit keeps nothing of this plan.",
    ),
}
register(TEXTS)

LENGTHS = (120, 150, 180)
#: The first meeting is proposed this many days ahead (then moved to a working day), so the group has notice.
FIRST_MEETING_NOTICE_DAYS = 14
_LEVELS = (Experience.NEW, Experience.SOME, Experience.EXPERIENCED)


@dataclass
class PlannerStore:
    """The form's values, kept over a rebuild of the page (the language switch)."""

    values: dict[str, Any] = field(default_factory=dict)
    plan: Plan | None = None


def planner(state: PageState, store: PlannerStore | None = None, *, today: date | None = None) -> widgets.VBox:
    store = store if store is not None else PlannerStore()
    return section(state, lambda lang: PlannerView(state.content, lang, store=store, today=today))


class PlannerView(widgets.VBox):
    def __init__(
        self, content: Content, lang: str, *, store: PlannerStore | None = None, today: date | None = None, **kw: Any
    ):
        super().__init__(**kw)
        self.add_class("ik-planner")
        self._content, self._lang = content, lang
        self.store = store if store is not None else PlannerStore()
        today = today or date.today()
        # Two weeks' notice for the group, on a working day (not a weekend, not a Dutch public holiday).
        first = next_working_day(today + timedelta(days=FIRST_MEETING_NOTICE_DAYS))
        v = self.store.values
        full = widgets.Layout(width="100%")
        label = {"style": {"description_width": "initial"}, "layout": full}

        self.name = widgets.Text(value=v.get("name", ""), description=t("plan.name", lang), **label)
        self.facilitator = widgets.Text(
            value=v.get("facilitator", ""), description=t("plan.facilitator", lang), **label
        )
        self.location = widgets.Text(value=v.get("location", ""), description=t("plan.location", lang), **label)
        self.members = widgets.Textarea(
            value=v.get("members", ""), placeholder=t("plan.members.placeholder", lang), rows=7, layout=full
        )
        self.members.add_class("ik-plan-members")
        self.experience = widgets.Dropdown(
            options=[(t(f"level.{lv.value}", lang), lv.value) for lv in _LEVELS],
            value=v.get("experience", Experience.NEW.value),
            description=t("plan.experience", lang),
            **label,
        )
        self.start = widgets.DatePicker(value=v.get("start", first), description=t("plan.start", lang), **label)
        self.start.add_class("ik-plan-start")
        self.start_hint = widgets.HTML()
        self.start_hint.add_class("ik-plan-start-hint")
        self.time = widgets.Text(value=v.get("time", "14:00"), description=t("plan.time", lang), **label)
        self.meetings = widgets.IntSlider(
            value=v.get("meetings", DEFAULT_MEETINGS),
            min=MEETINGS_RANGE[0],
            max=MEETINGS_RANGE[1],
            description=t("plan.meetings", lang),
            **label,
        )
        self.meetings.add_class("ik-plan-meetings")
        self.interval = widgets.IntSlider(
            value=v.get("interval", DEFAULT_INTERVAL_WEEKS),
            min=INTERVAL_RANGE[0],
            max=INTERVAL_RANGE[1],
            description=t("plan.interval", lang),
            **label,
        )
        self.length = widgets.ToggleButtons(
            options=[(t("plan.hours", lang, h=_hours(m, lang)), m) for m in LENGTHS],
            value=v.get("length", LENGTHS[0]),
        )
        self.length.add_class("ik-plan-length")
        self.handover = widgets.Dropdown(description=t("plan.handover", lang), **label)
        self.handover.add_class("ik-plan-handover")
        self.skip = widgets.Textarea(
            value=v.get("skip", ""), placeholder=t("plan.skip.placeholder", lang), rows=3, layout=full
        )
        self.skip.add_class("ik-plan-skip")
        self.make = widgets.Button(description=t("plan.make", lang), button_style="primary", icon="calendar")
        self.make.add_class("ik-plan-make")

        self.goal = widgets.Textarea(value=v.get("goal", ""), rows=3, layout=full)
        self.cancel_with = widgets.Text(value=v.get("cancel_with", ""), layout=full)
        self.extra = widgets.Textarea(value=v.get("extra", ""), rows=3, layout=full)

        def heading(key: str) -> widgets.HTML:
            return widgets.HTML(f"<h3>{html.escape(t(key, lang))}</h3>")

        def caption(key: str) -> widgets.HTML:
            return widgets.HTML(f"<label class='ik-label'>{html.escape(t(key, lang))}</label>")

        group = widgets.VBox(
            [
                heading("plan.group"),
                self.name,
                self.facilitator,
                self.location,
                caption("plan.members"),
                self.members,
                self.experience,
            ]
        )
        when = widgets.VBox(
            [
                heading("plan.when"),
                self.start,
                self.start_hint,
                self.time,
                self.meetings,
                self.interval,
                caption("plan.length"),
                self.length,
                self.handover,
                caption("plan.skip"),
                self.skip,
            ]
        )
        form = widgets.HBox([group, when])
        form.add_class("ik-plan-form")
        contract_fields = widgets.VBox(
            [
                caption("plan.contract.goal"),
                self.goal,
                caption("plan.contract.cancel"),
                self.cancel_with,
                caption("plan.contract.extra"),
                self.extra,
            ]
        )
        contract = widgets.Accordion(children=[contract_fields], titles=(t("plan.contract.fill", lang),))
        contract.selected_index = None
        contract.add_class("ik-plan-contract-fields")

        self.error = widgets.HTML()
        self.error.add_class("ik-plan-error")
        self.output = widgets.HTML()
        self.output.add_class("ik-plan-output")
        self.downloads = widgets.HTML()
        self.downloads.add_class("ik-plan-downloads-w")
        self.children = (form, contract, self.make, self.error, self.output, self.downloads)

        self._fill_handover(v.get("handover", 0))
        self.meetings.observe(lambda _: self._fill_handover(self.handover.value), "value")
        for key in ("name", "facilitator", "location", "members", "experience", "start", "time", "meetings"):
            self._remember(key, getattr(self, key))
        for key, w in (("interval", self.interval), ("length", self.length), ("handover", self.handover)):
            self._remember(key, w)
        for key in ("skip", "goal", "cancel_with", "extra"):
            self._remember(key, getattr(self, key))
        for w in (self.goal, self.cancel_with, self.extra):
            w.observe(lambda _: self._render_downloads(), "value")
        self.make.on_click(lambda _: self.make_plan())
        self.start.observe(lambda _: self._check_start(), "value")
        self._check_start()
        if self.store.plan is not None:
            self.make_plan()

    def _check_start(self) -> None:
        """A warning at once when the chosen first meeting is on a weekend or a Dutch public holiday."""
        day, lang = self.start.value, self._lang
        name = holiday_name(day, lang) if isinstance(day, date) else None
        if name is not None:
            text = t("plan.start.holiday", lang, date=date_text(day, lang), name=name)
        elif isinstance(day, date) and day.weekday() >= 5:
            text = t("plan.start.weekend", lang, date=date_text(day, lang))
        else:
            self.start_hint.value = ""
            return
        self.start_hint.value = f"<p class='ik-notice ik-warn' role='status' data-code='start'>{html.escape(text)}</p>"

    def _remember(self, key: str, widget: widgets.Widget) -> None:
        widget.observe(lambda change: self.store.values.__setitem__(key, change["new"]), "value")

    def _fill_handover(self, keep: int) -> None:
        n = self.meetings.value
        options = [(t("plan.handover.auto", self._lang), 0)]
        options += [(t("plan.handover.n", self._lang, n=i), i) for i in range(2, n + 1)]
        self.handover.options = options
        self.handover.value = keep if keep in {value for _, value in options} else 0

    def settings(self) -> Settings:
        """The form as planner settings; raises :class:`PlanError` for what cannot be read."""
        if self.start.value is None:
            raise PlanError("bad_date", text="")
        return Settings(
            members=parse_members(self.members.value),
            start=self.start.value,
            meetings=self.meetings.value,
            interval_weeks=self.interval.value,
            minutes=self.length.value,
            start_time=parse_time(self.time.value),
            skip=parse_dates(self.skip.value),
            handover_from=self.handover.value or None,
            experience=Experience(self.experience.value),
            group_name=" ".join(self.name.value.split()),
            facilitator=" ".join(self.facilitator.value.split()),
            location=" ".join(self.location.value.split()),
        )

    def make_plan(self) -> Plan | None:
        lang = self._lang
        try:
            result = plan(self.settings(), self._content.methods.values())
        except PlanError as exc:
            self.error.value = notice("error", t("plan.error", lang), text=exc.message(lang)).value
            self.output.value = self.downloads.value = ""
            self.store.plan = None
            return None
        self.store.plan = result
        self.error.value = ""
        self.output.value = self._plan_html(result)
        self._render_downloads()
        return result

    def _plan_html(self, p: Plan) -> str:
        lang, e = self._lang, html.escape
        notes = ""
        # Warnings look like warnings; notes (a meeting moved, who leads) are information, never a success.
        for level, kind, title in (("warn", "ik-warn", "plan.warnings"), ("info", "ik-info", "plan.notes")):
            shown = [n for n in p.notices if n.level == level]
            if shown:
                items = "".join(f"<li data-code='{n.code}'>{e(n.text(lang))}</li>" for n in shown)
                notes += (
                    f"<div class='ik-notice {kind} ik-plan-notices' data-level='{level}' role='status'>"
                    f"<h3>{e(t(title, lang))}</h3><ul>{items}</ul></div>"
                )
        fair = ", ".join(f"{name} {n}" for name, n in p.inbreng_counts().items())
        leads = ", ".join(f"{name} {n}" for name, n in p.lead_counts().items())
        return (
            f"<h2>{e(t('plan.title', lang))}</h2>{notes}"
            f"<div class='ik-table-wrap'>{overview_table(p, lang)}</div>"
            f"<p class='ik-plan-fair'>{e(t('plan.fair', lang, counts=fair))}<br>"
            f"{e(t('plan.leads', lang, counts=leads))}</p>"
            f"<p class='ik-muted'>{e(t('plan.methods_note', lang))}</p>"
        )

    def _render_downloads(self) -> None:
        p = self.store.plan
        if p is None:
            self.downloads.value = ""
            return
        lang = self._lang
        base = file_slug(p.settings.group_name or "intervisie")
        filled = {"goal": self.goal.value, "cancel_with": self.cancel_with.value, "extra": self.extra.value}
        links = [
            download_link(to_ics(p, lang), "text/calendar", f"{base}.ics", t("plan.ics", lang), "ik-plan-ics"),
            download_link(
                overview_html(p, lang).encode(),
                "text/html",
                f"{base}-overzicht.html",
                t("plan.overview", lang),
                "ik-plan-overview",
            ),
            download_link(
                contract_html(p, lang, filled).encode(),
                "text/html",
                f"{base}-groepscontract.html",
                t("plan.contract", lang),
                "ik-plan-contract",
            ),
        ]
        self.downloads.value = (
            f"<h3>{html.escape(t('plan.downloads', lang))}</h3><div class='ik-plan-downloads'>{''.join(links)}</div>"
            f"<p class='ik-muted'>{html.escape(t('plan.private', lang))}</p>"
        )


def _hours(minutes: int, lang: str) -> str:
    hours = minutes / 60
    text = str(int(hours)) if hours.is_integer() else str(hours)
    return text.replace(".", ",") if lang != "en" else text
