"""Page 09 Groepen indelen: divide a startdag's participants into intervisie groups, with the reasons shown.

The coordinator loads a list (CSV or Excel, typed text, or the participants a workshop hands in), sets the
rules, and lets the solver divide; each group is a card with its members, facilitator and why it looks
like this. Moving a person re-checks every hard rule at once; locked groups stay when the rest is solved
again. Exports: a printable list, a CSV, and a trajectory plan per group (page 08's downloads).

The list is kept in the local store (``groups/store.py``), never in the kit's folder, and can be erased
here with a count of what went. Everything typed is escaped.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import ipywidgets as widgets

from ..content import Content
from ..groups.explain import explain
from ..groups.export import group_plans, groups_csv, groups_html
from ..groups.importer import (
    ImportResult,
    parse_facilitators,
    parse_travel,
    read_file,
    read_text,
    template_csv,
)
from ..groups.messages import Message
from ..groups.model import (
    DEFAULT_SIZE,
    DEFAULT_TARGET,
    MAX_GROUPS,
    SIZE_LIMITS,
    Assignment,
    Facilitator,
    Participant,
    Rules,
    Weights,
)
from ..groups.rules import check
from ..groups.store import GroupStore, StoreError
from ..i18n import register, t
from ..trajectory import PlanError, contract_html, overview_html, to_ics
from .downloads import download_link, file_slug
from .shell import PageState, notice, section

__all__ = ["TEXTS", "GroupsState", "GroupsView", "indeler"]

TEXTS: dict[str, tuple[str, str]] = {
    "groups.list": ("1. De deelnemers", "1. The participants"),
    "groups.upload": ("Kies een bestand (CSV of Excel)", "Choose a file (CSV or Excel)"),
    "groups.template": ("Download het sjabloon (CSV)", "Download the template (CSV)"),
    "groups.template_file": ("deelnemers-sjabloon.csv", "participants-template.csv"),
    "groups.typed": ("Of typ of plak de lijst (met kopregel)", "Or type or paste the list (with a header row)"),
    "groups.read": ("Lees de lijst", "Read the list"),
    "groups.loaded": ("{n} deelnemers geladen.", "{n} participants loaded."),
    "groups.loaded_from": ("{n} deelnemers uit {source}.", "{n} participants from {source}."),
    "groups.source.workshop": ("de workshop", "the workshop"),
    "groups.source.store": ("de bewaarde lijst", "the stored list"),
    "groups.problems": ("Niet alles kon worden gelezen", "Not everything could be read"),
    "groups.facilitators": (
        "Begeleiders, één per regel: naam; regio's; aantal groepen",
        "Facilitators, one per line: name; regions; number of groups",
    ),
    "groups.facilitators.placeholder": (
        "Femke de Boer; Noord, Oost; 2\nGert Jansen; Zuid; 1",
        "Femke de Boer; North, East; 2\nGert Jansen; South; 1",
    ),
    "groups.travel": (
        "Reistijden tussen regio's (mag leeg), één per regel: regio; regio; minuten",
        "Travel times between regions (may stay empty), one per line: region; region; minutes",
    ),
    "groups.rules": ("2. De regels", "2. The rules"),
    "groups.hard": ("Harde regels", "Hard rules"),
    "groups.no_manager": (
        "Niet met de eigen leidinggevende of een direct ondergeschikte",
        "Not with one's own manager or a direct report",
    ),
    "groups.no_team": ("Niet met iemand uit hetzelfde team", "Not with someone from the same team"),
    "groups.not_with": ("'Niet met'-wensen gelden", "'Not with' wishes hold"),
    "groups.size": ("Groepsgrootte", "Group size"),
    "groups.target": ("Streven", "Target"),
    "groups.count": ("Aantal groepen (0 = kies zelf)", "Number of groups (0 = choose for me)"),
    "groups.soft": ("Zachte doelen (0 = uit, 10 = zwaar)", "Soft goals (0 = off, 10 = heavy)"),
    "groups.w.region": ("Eén regio per groep / weinig reistijd", "One region per group / little travel"),
    "groups.w.organisation": ("Mix van organisaties", "Mix of organisations"),
    "groups.w.function": ("Mix van functies", "Mix of functions"),
    "groups.w.experience": ("Spreiding van ervaring", "Spread of experience"),
    "groups.w.wishes": ("'Graag met'-wensen", "'Prefer with' wishes"),
    "groups.w.size": ("Grootte binnen het streven", "Size within the target"),
    "groups.w.facilitator_region": ("Begeleider uit de eigen regio", "Facilitator from the group's region"),
    "groups.solve": ("Maak de groepen", "Make the groups"),
    "groups.resolve": ("Deel de rest opnieuw in", "Divide the rest again"),
    "groups.busy": (
        "Bezig met indelen; dit duurt hooguit enkele seconden ...",
        "Dividing; this takes a few seconds at most ...",
    ),
    "groups.result": ("3. De groepen", "3. The groups"),
    "groups.solved": (
        "{groups} groepen voor {n} deelnemers, in {seconds} s ({status}).",
        "{groups} groups for {n} participants, in {seconds} s ({status}).",
    ),
    "groups.status.optimal": ("de beste indeling", "the best division"),
    "groups.status.feasible": ("een goede indeling binnen de rekentijd", "a good division within the time"),
    "groups.collide": ("Zo lukt het niet", "This does not work"),
    "groups.relax": ("Wat je kunt verruimen", "What you can relax"),
    "groups.warnings": ("Let op", "Please note"),
    "groups.group": ("Groep {n}", "Group {n}"),
    "groups.facilitator": ("Begeleider: {name}", "Facilitator: {name}"),
    "groups.no_facilitator": ("Begeleider: nog niet gekozen", "Facilitator: not chosen yet"),
    "groups.met": ("Gelukt", "Met"),
    "groups.traded": ("Afgewogen", "Traded"),
    "groups.lock": ("Zet vast", "Lock"),
    "groups.move": ("Verplaats", "Move"),
    "groups.move.to": ("naar", "to"),
    "groups.move.who": ("Deelnemer", "Participant"),
    "groups.lead.who": ("Begeleider", "Facilitator"),
    "groups.lead": ("Wijs toe", "Assign"),
    "groups.lead.for": ("begeleidt", "leads"),
    "groups.ok": ("Alle harde regels kloppen.", "Every hard rule holds."),
    "groups.broken": ("Deze indeling breekt een regel", "This division breaks a rule"),
    "groups.exports": ("4. Meenemen", "4. Take it along"),
    "groups.print": ("Lijst per groep om te printen (HTML)", "List per group to print (HTML)"),
    "groups.csv": ("Groepen als CSV", "Groups as CSV"),
    "groups.exports.note": (
        "De exports tonen alleen de groepen: naam, regio, groep en begeleider; niets over leidinggevenden, "
        "teams of wensen.",
        "The exports show only the groups: name, region, group and facilitator; nothing about managers, "
        "teams or wishes.",
    ),
    "groups.plans.start": ("Eerste bijeenkomst van elke groep", "First meeting of each group"),
    "groups.plans": ("Maak een trajectplan per groep", "Make a trajectory plan per group"),
    "groups.plans.error": ("De plannen konden niet worden gemaakt", "The plans could not be made"),
    "groups.privacy": ("5. Privacy", "5. Privacy"),
    "groups.stored": (
        "De lijst staat alleen op deze computer, in {path}; nooit in de map van de kit.",
        "The list is kept only on this computer, in {path}; never in the kit's folder.",
    ),
    "groups.not_stored": ("De lijst is niet bewaard: {reason}", "The list was not stored: {reason}"),
    "groups.erase.confirm": (
        "Ik begrijp het: wis de lijst en de groepen",
        "I understand: erase the list and the groups",
    ),
    "groups.erase": ("Wis de lijst", "Erase the list"),
    "groups.erased": (
        "Gewist: {participants} deelnemer(s), {facilitators} begeleider(s) en {groups} groep(en).",
        "Erased: {participants} participant(s), {facilitators} facilitator(s) and {groups} group(s).",
    ),
    "groups.nothing": ("Laad eerst een lijst met deelnemers.", "Load a list of participants first."),
}
register(TEXTS)

WEIGHTS = ("region", "organisation", "function", "experience", "wishes", "size", "facilitator_region")
WEIGHT_RANGE = (0, 10)


@dataclass
class GroupsState:
    """What the page knows across a rebuild (the language switch): the list, the rules and the groups."""

    participants: tuple[Participant, ...] = ()
    facilitators: tuple[Facilitator, ...] = ()
    travel: dict[tuple[str, str], int] = field(default_factory=dict)
    assignment: Assignment | None = None
    manual: set[int] = field(default_factory=set)  # groups changed by hand
    source: str = ""
    problems: tuple[Message, ...] = ()
    outcome: Any = None  # the last solver Outcome
    values: dict[str, Any] = field(default_factory=dict)
    loaded: bool = False


def indeler(
    state: PageState,
    participants: Sequence[Participant] | None = None,
    *,
    store: GroupsState | None = None,
    group_store: GroupStore | None = None,
    today: date | None = None,
) -> widgets.VBox:
    """The page's builder. ``participants`` is the list a workshop hands in (issue 15); without it the
    coordinator loads one here, or the stored list comes back."""
    memory = store if store is not None else GroupsState()
    if participants is not None and not memory.loaded:
        memory.participants, memory.source, memory.loaded = tuple(participants), "workshop", True
    return section(
        state, lambda lang: GroupsView(state.content, lang, state=memory, group_store=group_store, today=today)
    )


def _e(text: object) -> str:
    return html.escape(str(text))


class GroupsView(widgets.VBox):
    def __init__(
        self,
        content: Content | None,
        lang: str,
        *,
        state: GroupsState | None = None,
        group_store: GroupStore | None = None,
        today: date | None = None,
        **kw: Any,
    ):
        super().__init__(**kw)
        self.add_class("ik-groups")
        self._content, self._lang = content, lang
        self.state = state if state is not None else GroupsState()
        self._today = today or date.today()
        v = self.state.values
        full = widgets.Layout(width="100%")
        label = {"style": {"description_width": "initial"}, "layout": full}

        self.store: GroupStore | None = None
        self.store_note = widgets.HTML()
        self.store_note.add_class("ik-groups-store")
        try:
            self.store = group_store if group_store is not None else GroupStore()
        except StoreError as exc:
            self.store_note.value = self._muted(t("groups.not_stored", lang, reason=exc.text(lang)))
        if not self.state.loaded and self.store is not None:
            self._restore()

        # -- 1. participants ---------------------------------------------------------------------
        self.upload = widgets.FileUpload(
            accept=".csv,.xlsx,.xlsm,.txt", multiple=False, description=t("groups.upload", lang)
        )
        self.upload.add_class("ik-groups-upload")
        self.upload.layout.width = "auto"
        self.template = widgets.HTML(
            download_link(
                template_csv(lang),
                "text/csv",
                t("groups.template_file", lang),
                t("groups.template", lang),
                "ik-groups-template",
            )
        )
        self.typed = widgets.Textarea(
            value=v.get("typed", ""), rows=6, layout=full, placeholder=template_csv(lang).decode("utf-8-sig")
        )
        self.typed.add_class("ik-groups-typed")
        self.read = widgets.Button(description=t("groups.read", lang), icon="table")
        self.read.add_class("ik-groups-read")
        typed_box = widgets.Accordion(
            children=[widgets.VBox([self.typed, self.read])], titles=(t("groups.typed", lang),)
        )
        typed_box.selected_index = None
        self.imported = widgets.HTML()
        self.imported.add_class("ik-groups-import")
        self.facilitators = widgets.Textarea(
            value=v.get("facilitators", ""), rows=3, layout=full, placeholder=t("groups.facilitators.placeholder", lang)
        )
        self.facilitators.add_class("ik-groups-facilitators")
        self.travel = widgets.Textarea(value=v.get("travel", ""), rows=2, layout=full, placeholder="Noord; Oost; 45")
        self.travel.add_class("ik-groups-travel")
        if not v.get("facilitators") and self.state.facilitators:
            self.facilitators.value = "\n".join(
                f"{f.name}; {', '.join(f.regions)}; {f.max_groups}" for f in self.state.facilitators
            )
        if not v.get("travel") and self.state.travel:
            self.travel.value = "\n".join(f"{a}; {b}; {m}" for (a, b), m in sorted(self.state.travel.items()))

        # -- 2. rules ------------------------------------------------------------------------------
        self.no_manager = widgets.Checkbox(
            value=v.get("no_manager", True), description=t("groups.no_manager", lang), indent=False, layout=full
        )
        self.no_manager.add_class("ik-groups-no-manager")
        self.no_team = widgets.Checkbox(
            value=v.get("no_team", True), description=t("groups.no_team", lang), indent=False, layout=full
        )
        self.no_team.add_class("ik-groups-no-team")
        self.not_with = widgets.Checkbox(
            value=v.get("not_with", True), description=t("groups.not_with", lang), indent=False, layout=full
        )
        self.size = widgets.IntRangeSlider(
            value=v.get("size", DEFAULT_SIZE),
            min=SIZE_LIMITS[0],
            max=SIZE_LIMITS[1],
            description=t("groups.size", lang),
            **label,
        )
        self.size.add_class("ik-groups-size")
        self.target = widgets.IntRangeSlider(
            value=v.get("target", DEFAULT_TARGET),
            min=SIZE_LIMITS[0],
            max=SIZE_LIMITS[1],
            description=t("groups.target", lang),
            **label,
        )
        self.count = widgets.BoundedIntText(
            value=v.get("count", 0), min=0, max=MAX_GROUPS, description=t("groups.count", lang), **label
        )
        self.count.add_class("ik-groups-count")
        defaults = Weights()
        self.weights = {
            key: widgets.IntSlider(
                value=v.get(f"w.{key}", getattr(defaults, key)),
                min=WEIGHT_RANGE[0],
                max=WEIGHT_RANGE[1],
                description=t(f"groups.w.{key}", lang),
                **label,
            )
            for key in WEIGHTS
        }
        self.solve_button = widgets.Button(description=t("groups.solve", lang), button_style="primary", icon="users")
        self.solve_button.add_class("ik-groups-solve")

        # -- 3. result, moves ----------------------------------------------------------------------
        self.status = widgets.HTML()
        self.status.add_class("ik-groups-status")
        self.checked = widgets.HTML()
        self.checked.add_class("ik-groups-check")
        self.cards = widgets.Box()
        self.cards.add_class("ik-cards")
        self.cards.add_class("ik-groups-cards")
        self.person = widgets.Dropdown(
            options=[],
            description=t("groups.move.who", lang),
            layout=widgets.Layout(width="auto", max_width="100%"),
            style={"description_width": "initial"},
        )
        self.person.add_class("ik-groups-person")
        self.to = widgets.Dropdown(
            options=[],
            description=t("groups.move.to", lang),
            layout=widgets.Layout(width="auto"),
            style={"description_width": "initial"},
        )
        self.to.add_class("ik-groups-target")
        self.move_button = widgets.Button(description=t("groups.move", lang), icon="exchange")
        self.move_button.add_class("ik-groups-move")
        self.locks: list[widgets.Checkbox] = []

        # -- 4. exports ----------------------------------------------------------------------------
        self.exports = widgets.HTML()
        self.exports.add_class("ik-groups-exports")
        self.plan_start = widgets.DatePicker(
            value=v.get("plan_start", self._today + timedelta(days=28)),
            description=t("groups.plans.start", lang),
            **label,
        )
        self.plan_start.add_class("ik-groups-plan-start")
        self.plans_button = widgets.Button(description=t("groups.plans", lang), icon="calendar")
        self.plans_button.add_class("ik-groups-plans")
        self.plans = widgets.HTML()
        self.plans.add_class("ik-groups-plan-links")

        # -- 5. privacy ----------------------------------------------------------------------------
        self.agree = widgets.Checkbox(description=t("groups.erase.confirm", lang), indent=False, layout=full)
        self.agree.add_class("ik-groups-erase-confirm")
        self.erase_button = widgets.Button(
            description=t("groups.erase", lang), button_style="danger", icon="trash", disabled=True
        )
        self.erase_button.add_class("ik-groups-erase")
        self.erased = widgets.HTML()
        self.erased.add_class("ik-groups-erased")

        def heading(key: str) -> widgets.HTML:
            return widgets.HTML(f"<h2>{_e(t(key, lang))}</h2>")

        def caption(key: str) -> widgets.HTML:
            return widgets.HTML(f"<label class='ik-label'>{_e(t(key, lang))}</label>")

        self.upload_row = widgets.HBox([self.upload, self.template])
        self.upload_row.add_class("ik-groups-row")
        self.move_row = widgets.HBox([self.person, self.to, self.move_button])
        self.leader = widgets.Dropdown(
            options=[],
            description=t("groups.lead.who", lang),
            layout=widgets.Layout(width="auto", max_width="100%"),
            style={"description_width": "initial"},
        )
        self.leader.add_class("ik-groups-leader")
        self.lead_to = widgets.Dropdown(
            options=[],
            description=t("groups.lead.for", lang),
            layout=widgets.Layout(width="auto"),
            style={"description_width": "initial"},
        )
        self.lead_to.add_class("ik-groups-lead-target")
        self.lead_button = widgets.Button(description=t("groups.lead", lang), icon="user")
        self.lead_button.add_class("ik-groups-lead")
        self.lead_row = widgets.HBox([self.leader, self.lead_to, self.lead_button])
        self.lead_row.add_class("ik-groups-row")
        self.move_row.add_class("ik-groups-row")
        self.move_row.add_class("ik-groups-move-row")
        self.children = (
            heading("groups.list"),
            self.upload_row,
            typed_box,
            self.imported,
            caption("groups.facilitators"),
            self.facilitators,
            caption("groups.travel"),
            self.travel,
            heading("groups.rules"),
            widgets.HTML(f"<h3>{_e(t('groups.hard', lang))}</h3>"),
            self.no_manager,
            self.no_team,
            self.not_with,
            self.size,
            self.target,
            self.count,
            widgets.HTML(f"<h3>{_e(t('groups.soft', lang))}</h3>"),
            *self.weights.values(),
            self.solve_button,
            heading("groups.result"),
            self.status,
            self.checked,
            self.move_row,
            self.lead_row,
            self.cards,
            heading("groups.exports"),
            self.exports,
            self.plan_start,
            self.plans_button,
            self.plans,
            heading("groups.privacy"),
            self.store_note,
            self.agree,
            self.erase_button,
            self.erased,
        )

        for key in (
            "typed",
            "facilitators",
            "travel",
            "no_manager",
            "not_with",
            "size",
            "target",
            "count",
            "plan_start",
        ):
            self._remember(key, getattr(self, key))
        self._remember("no_team", self.no_team)
        for key, w in self.weights.items():
            self._remember(f"w.{key}", w)
        self.upload.observe(lambda _: self.load_upload(), "value")
        self.read.on_click(lambda _: self.load_typed())
        self.solve_button.on_click(lambda _: self.solve())
        self.move_button.on_click(lambda _: self.move())
        self.lead_button.on_click(lambda _: self.assign_leader())
        self.plans_button.on_click(lambda _: self.make_plans())
        self.agree.observe(lambda c: setattr(self.erase_button, "disabled", not c["new"]), "value")
        self.erase_button.on_click(lambda _: self.erase())
        self._show_import()
        self._render()
        self._show_store()

    # -- helpers ---------------------------------------------------------------------------------------

    def _remember(self, key: str, widget: widgets.Widget) -> None:
        widget.observe(lambda change: self.state.values.__setitem__(key, change["new"]), "value")

    @staticmethod
    def _muted(text: str) -> str:
        return f"<p class='ik-muted'>{_e(text)}</p>"

    def _restore(self) -> None:
        assert self.store is not None
        try:
            saved = self.store.load()
        except StoreError as exc:
            self.store_note.value = self._muted(exc.text(self._lang))
            return
        self.state.loaded = True
        if saved is None:
            return
        s = self.state
        s.participants, s.facilitators, s.travel, s.assignment = (
            saved.participants,
            saved.facilitators,
            saved.travel,
            saved.assignment,
        )
        s.source = "store"

    def _show_store(self) -> None:
        if self.store is not None:
            self.store_note.value = self._muted(t("groups.stored", self._lang, path=str(self.store.path)))

    def _save(self) -> None:
        if self.store is None:
            return
        s = self.state
        try:
            self.store.save(s.participants, s.facilitators, s.travel, s.assignment)
        except OSError as exc:
            self.store_note.value = self._muted(t("groups.not_stored", self._lang, reason=exc.strerror or str(exc)))

    def rules(self) -> Rules:
        weights = Weights(**{key: w.value for key, w in self.weights.items()})
        low, high = self.size.value
        t_low, t_high = self.target.value
        t_low, t_high = max(t_low, low), min(t_high, high)
        if t_low > t_high:
            t_low, t_high = low, high
        return Rules(
            size=(low, high),
            target=(t_low, t_high),
            groups=self.count.value or None,
            no_manager=self.no_manager.value,
            no_same_team=self.no_team.value,
            not_with=self.not_with.value,
            weights=weights,
            travel=dict(self.state.travel),
        )

    # -- 1. loading ------------------------------------------------------------------------------------

    def load_upload(self) -> ImportResult | None:
        files = self.upload.value
        if not files:
            return None
        item = files[0]
        data = bytes(item["content"]) if not isinstance(item["content"], bytes) else item["content"]
        result = read_file(data, str(item.get("name", "upload.csv")))
        return self._take(result, str(item.get("name", "")))

    def load_typed(self) -> ImportResult:
        return self._take(read_text(self.typed.value), "")

    def load(self, participants: Sequence[Participant], source: str = "workshop") -> None:
        """Use a list handed in by another part of the kit (the workshop's joined participants)."""
        self._take(ImportResult(tuple(participants), ()), source)

    def _take(self, result: ImportResult, source: str) -> ImportResult:
        s = self.state
        s.problems = result.problems
        if result.participants:
            s.participants, s.source = result.participants, source
            s.assignment, s.outcome, s.manual = None, None, set()
            self._save()
        self._show_import()
        self._render()
        return result

    def _show_import(self) -> None:
        s, lang = self.state, self._lang
        parts = []
        if s.participants:
            if s.source in ("workshop", "store"):
                text = t("groups.loaded_from", lang, n=len(s.participants), source=t(f"groups.source.{s.source}", lang))
            else:
                text = t("groups.loaded", lang, n=len(s.participants))
            parts.append(f"<p class='ik-groups-count-line'>{_e(text)}</p>")
        if s.problems:
            parts.append(notice("warn", t("groups.problems", lang), [m.text(lang) for m in s.problems]).value)
        self.imported.value = "".join(parts)

    def _read_side_lists(self) -> list[Message]:
        facilitators, f_problems = parse_facilitators(self.facilitators.value)
        travel, t_problems = parse_travel(self.travel.value)
        self.state.facilitators, self.state.travel = facilitators, travel
        return [*f_problems, *t_problems]

    # -- 2. solving ------------------------------------------------------------------------------------

    def solve(self):  # type: ignore[no-untyped-def]
        from ..groups.solver import solve

        s, lang = self.state, self._lang
        if not s.participants:
            self.status.value = notice("warn", t("groups.nothing", lang)).value
            return None
        side = self._read_side_lists()
        # The kernel is busy for a few seconds: say so, and keep the button from being pressed twice.
        self.status.value = f"<p class='ik-groups-busy' role='status'>{_e(t('groups.busy', lang))}</p>"
        self.solve_button.disabled = True
        keep = s.assignment if s.assignment is not None and any(g.locked for g in s.assignment.groups) else None
        try:
            outcome = solve(s.participants, self.rules(), s.facilitators, keep)
        finally:
            self.solve_button.disabled = False
        s.outcome = outcome
        if outcome.ok:
            s.assignment = outcome.assignment
            s.manual = {i for i in s.manual if keep is not None and keep.groups[i].locked} if keep else set()
            self._save()
        self._render(side)
        return outcome

    # -- 3. showing and moving ---------------------------------------------------------------------------

    def _render(self, side: Sequence[Message] = ()) -> None:
        s, lang = self.state, self._lang
        outcome = s.outcome
        status = []
        if side:
            status.append(notice("warn", t("groups.problems", lang), [m.text(lang) for m in side]).value)
        if outcome is not None and not outcome.ok:
            status.append(notice("error", t("groups.collide", lang), [m.text(lang) for m in outcome.collisions]).value)
            if outcome.relax:
                status.append(notice("warn", t("groups.relax", lang), [m.text(lang) for m in outcome.relax]).value)
        elif outcome is not None:
            label = t(f"groups.status.{outcome.status}", lang) if outcome.status in ("optimal", "feasible") else ""
            text = t(
                "groups.solved",
                lang,
                groups=len(s.assignment.groups) if s.assignment else 0,
                n=len(s.participants),
                seconds=f"{outcome.seconds:.1f}",
                status=label,
            )
            status.append(f"<p class='ik-groups-solved'>{_e(text)}</p>")
        if outcome is not None and outcome.warnings:
            status.append(notice("warn", t("groups.warnings", lang), [m.text(lang) for m in outcome.warnings]).value)
        self.status.value = "".join(status)
        has_groups = s.assignment is not None
        self.solve_button.description = t(
            "groups.resolve" if has_groups and any(g.locked for g in s.assignment.groups) else "groups.solve", lang
        )
        self.move_row.layout.display = "" if has_groups else "none"
        self.lead_row.layout.display = "" if has_groups and s.facilitators else "none"
        self.plan_start.layout.display = self.plans_button.layout.display = "" if has_groups else "none"
        if not has_groups:
            self.cards.children, self.checked.value, self.exports.value, self.plans.value = (), "", "", ""
            return
        self._render_cards()
        self._render_check()
        self._render_exports()

    def _render_cards(self) -> None:
        s, lang = self.state, self._lang
        assert s.assignment is not None
        rules = self.rules()
        broken = check(s.assignment, s.participants, rules, s.facilitators)
        people = {p.name: p for p in s.participants}
        cards, self.locks = [], []
        for index, group in enumerate(s.assignment.groups):
            reasons = explain(group, s.participants, rules, s.facilitators, manual=index in s.manual)
            regions = sorted({people[m].region for m in group.members if m in people and people[m].region})
            title = t("groups.group", lang, n=group.number) + (f" · {', '.join(regions)}" if regions else "")
            leader = (
                t("groups.facilitator", lang, name=group.facilitator)
                if group.facilitator
                else t("groups.no_facilitator", lang)
            )
            members = "".join(
                f"<li>{_e(m)}<span class='ik-muted'>{_e(self._member_note(people.get(m)))}</span></li>"
                for m in group.members
            )
            conflicts = [v for v in broken if v.group == index]
            conflict_html = (
                "<ul class='ik-group-conflicts'>" + "".join(f"<li>{_e(v.text(lang))}</li>" for v in conflicts) + "</ul>"
                if conflicts
                else ""
            )
            met = "".join(f"<li>{_e(m.text(lang))}</li>" for m in reasons.met)
            traded = "".join(f"<li>{_e(m.text(lang))}</li>" for m in reasons.traded)
            body = widgets.HTML(
                f"<div class='ik-group-card' data-group='{group.number}' data-conflicts='{len(conflicts)}'>"
                f"<h3>{_e(title)}</h3><p class='ik-group-leader'>{_e(leader)}</p>{conflict_html}"
                f"<ul class='ik-group-members'>{members}</ul>"
                f"<details><summary>{_e(t('groups.met', lang))} ({len(reasons.met)}) · "
                f"{_e(t('groups.traded', lang))} ({len(reasons.traded)})</summary>"
                f"<p><b>{_e(t('groups.met', lang))}</b></p><ul class='ik-group-met'>{met}</ul>"
                f"<p><b>{_e(t('groups.traded', lang))}</b></p><ul class='ik-group-traded'>{traded}</ul></details></div>"
            )
            lock = widgets.Checkbox(value=group.locked, description=t("groups.lock", lang), indent=False)
            lock.add_class("ik-groups-lock")
            lock.observe(lambda c, i=index: self.set_lock(i, c["new"]), "value")
            self.locks.append(lock)
            card = widgets.VBox([body, lock])
            card.add_class("ik-card")
            card.add_class("ik-groups-card")
            if conflicts:
                card.add_class("ik-groups-card-conflict")
            cards.append(card)
        self.cards.children = tuple(cards)
        names = sorted(people)
        keep = self.person.value
        self.person.options = names
        if keep in names:
            self.person.value = keep
        self.to.options = [(t("groups.group", lang, n=g.number), i) for i, g in enumerate(s.assignment.groups)]
        self.lead_to.options = self.to.options
        self.leader.options = [f.name for f in s.facilitators]

    @staticmethod
    def _member_note(p: Participant | None) -> str:
        if p is None:
            return ""
        bits = [b for b in (p.function, p.organisation) if b]
        return f" — {', '.join(bits)}" if bits else ""

    def _render_check(self) -> None:
        s, lang = self.state, self._lang
        assert s.assignment is not None
        broken = check(s.assignment, s.participants, self.rules(), s.facilitators)
        if broken:
            self.checked.value = notice("error", t("groups.broken", lang), [v.text(lang) for v in broken]).value
        else:
            self.checked.value = f"<p class='ik-groups-ok'>{_e(t('groups.ok', lang))}</p>"

    def move(self, name: str | None = None, to_index: int | None = None) -> tuple[Message, ...]:
        """Move a person by hand; every hard rule is checked again at once."""
        s = self.state
        name = name if name is not None else self.person.value
        to_index = to_index if to_index is not None else self.to.value
        if s.assignment is None or name is None or to_index is None:
            return ()
        from_index = s.assignment.group_of(name)
        if from_index == to_index:
            return check(s.assignment, s.participants, self.rules(), s.facilitators)
        s.assignment = s.assignment.move(name, to_index)
        s.manual |= {to_index} | ({from_index} if from_index is not None else set())
        self._save()
        self._render_cards()
        self._render_check()
        self._render_exports()
        return check(s.assignment, s.participants, self.rules(), s.facilitators)

    def assign_leader(self, name: str | None = None, to_index: int | None = None) -> tuple[Message, ...]:
        """Give a group another facilitator by hand; the rules are checked again at once."""
        s = self.state
        name = name if name is not None else self.leader.value
        to_index = to_index if to_index is not None else self.lead_to.value
        if s.assignment is None or not name or to_index is None:
            return ()
        s.assignment = s.assignment.with_facilitator(to_index, name)
        s.manual.add(to_index)
        self._save()
        self._render_cards()
        self._render_check()
        self._render_exports()
        return check(s.assignment, s.participants, self.rules(), s.facilitators)

    def set_lock(self, index: int, locked: bool) -> None:
        s = self.state
        if s.assignment is None:
            return
        s.assignment = s.assignment.with_lock(index, locked)
        self._save()
        self.solve_button.description = t(
            "groups.resolve" if any(g.locked for g in s.assignment.groups) else "groups.solve", self._lang
        )

    # -- 4. exports ------------------------------------------------------------------------------------

    def _render_exports(self) -> None:
        s, lang = self.state, self._lang
        assert s.assignment is not None
        links = [
            download_link(
                groups_html(s.assignment, s.participants, lang).encode(),
                "text/html",
                "intervisiegroepen.html",
                t("groups.print", lang),
                "ik-groups-print",
            ),
            download_link(
                groups_csv(s.assignment, s.participants, lang),
                "text/csv",
                "intervisiegroepen.csv",
                t("groups.csv", lang),
                "ik-groups-csv",
            ),
        ]
        self.exports.value = (
            f"<div class='ik-plan-downloads'>{' '.join(links)}</div>{self._muted(t('groups.exports.note', lang))}"
        )
        self.plans.value = ""

    def make_plans(self) -> int:
        s, lang = self.state, self._lang
        if s.assignment is None or self.plan_start.value is None:
            return 0
        methods = self._content.methods.values() if self._content is not None else ()
        try:
            plans = group_plans(s.assignment, self.plan_start.value, methods, lang)
        except PlanError as exc:
            self.plans.value = notice("error", t("groups.plans.error", lang), text=exc.message(lang)).value
            return 0
        rows = []
        for group, p in zip(s.assignment.groups, plans, strict=True):
            base = file_slug(p.settings.group_name)
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
                    contract_html(p, lang).encode(),
                    "text/html",
                    f"{base}-groepscontract.html",
                    t("plan.contract", lang),
                    "ik-plan-contract",
                ),
            ]
            rows.append(f"<li data-group='{group.number}'><b>{_e(p.settings.group_name)}</b>: {' · '.join(links)}</li>")
        self.plans.value = f"<ul class='ik-groups-plan-list'>{''.join(rows)}</ul>"
        return len(plans)

    # -- 5. privacy ------------------------------------------------------------------------------------

    def erase(self):  # type: ignore[no-untyped-def]
        if not self.agree.value:
            return None
        lang = self._lang
        erased = self.store.erase() if self.store is not None else None
        s = self.state
        s.participants, s.facilitators, s.travel, s.assignment = (), (), {}, None
        s.outcome, s.problems, s.manual, s.source = None, (), set(), ""
        self.typed.value = self.facilitators.value = self.travel.value = ""
        self.agree.value = False
        if erased is not None:
            text = t(
                "groups.erased",
                lang,
                participants=erased.participants,
                facilitators=erased.facilitators,
                groups=erased.groups,
            )
            self.erased.value = notice("ok", text).value
        self._show_import()
        self._render()
        return erased
