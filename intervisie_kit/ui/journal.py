"""Page 06 Reflectie: write, browse and edit one's own reflections, share them by choice, export reports.

The page works for the trainee its kernel serves (:func:`intervisie_kit.workshop.identity.current_trainee`):
on a laptop the one local trainee, at a startdag the participant the server bound this kernel to, on a
JupyterHub the hub user (whose own database role reaches only their own rows). Every call into the journal
names that trainee. Drafts survive a language switch: the controller keeps them while
the widgets are rebuilt.
"""

from __future__ import annotations

import base64
import html
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import ipywidgets as widgets

from ..content import Content
from ..content.models import ReflectionField, ReflectionFieldKind, ReflectionTemplate
from ..hub import ORIGIN_STARTDAG, is_hub
from ..i18n import register, t
from ..journal import Context, Entry, Journal, JournalError, Share
from ..journal.report import (
    block_items_html,
    build_report,
    entry_blocks,
    format_date,
    report_html,
    report_markdown,
    report_pdf,
)
from ..workshop.identity import current_trainee, is_workshop, serves_trainer
from .dutch_only import dutch_html
from .shell import PageState, notice, section

__all__ = ["EditorView", "JournalPage", "JournalView", "reflection"]

TEXTS: dict[str, tuple[str, str]] = {
    "journal.tab.write": ("Schrijven", "Write"),
    "journal.tab.browse": ("Mijn reflecties", "My reflections"),
    "journal.tab.progress": ("Voortgang", "Progress"),
    "journal.tab.share": ("Delen en exporteren", "Share and export"),
    "journal.tab.data": ("Mijn gegevens", "My data"),
    "journal.private": (
        "Je reflecties zijn privé. Niemand anders ziet ze, tenzij jij een reflectie op 'delen' zet; alleen "
        "gedeelde reflecties komen in een verslag of export. Ze staan op deze computer, niet in de kit: {where}",
        "Your reflections are private. Nobody else sees them unless you set a reflection to 'share'; only "
        "shared reflections go into a report or export. They are stored on this computer, not in the kit: {where}",
    ),
    "journal.private.startdag": (
        "Je reflecties zijn privé. Niemand anders ziet ze, ook de trainer niet, tenzij jij een reflectie op "
        "'delen' zet. Ze staan tijdelijk op de laptop van de trainer en worden gewist als de startdag wordt "
        "afgesloten: download je verslag op je telefoonpagina voordat je weggaat.",
        "Your reflections are private. Nobody else sees them, not even the trainer, unless you set a reflection "
        "to 'share'. They are kept on the trainer's laptop for now and are erased when the startdag ends: download "
        "your report from your phone page before you leave.",
    ),
    "journal.private.hub": (
        "Je reflecties zijn privé. Niemand anders ziet ze, ook je trainer niet, tenzij jij een reflectie op "
        "'delen' zet; een gedeelde reflectie kan je trainer lezen. Ze staan in de database van de hub van je "
        "opleiding, niet op deze computer, en alleen jij kunt erbij.",
        "Your reflections are private. Nobody else sees them, not even your trainer, unless you set a reflection "
        "to 'share'; your trainer can read a shared reflection. They are stored in the database of your "
        "institute's hub, not on this computer, and only you can reach them.",
    ),
    "journal.private.hub.startdag": (
        "Je reflecties zijn privé. Niemand anders ziet ze, ook de trainer niet, tenzij jij een reflectie op "
        "'delen' zet. Ze staan tijdelijk op de hub van de opleiding en worden gewist als de startdag wordt "
        "afgesloten: download je verslag voordat je weggaat.",
        "Your reflections are private. Nobody else sees them, not even the trainer, unless you set a reflection "
        "to 'share'. They are kept on the institute's hub for now and are erased when the startdag ends: download "
        "your report before you leave.",
    ),
    "journal.unavailable": ("Het dagboek kan niet geopend worden", "The journal cannot be opened"),
    "journal.template": ("Manier van reflecteren", "Way of reflecting"),
    "journal.context": ("Waarover", "About"),
    "journal.context.meeting": ("een intervisiebijeenkomst", "an intervisie meeting"),
    "journal.context.startdag": ("de startdag", "the start day"),
    "journal.context.exercise": ("een oefening", "an exercise"),
    "journal.context.session": ("een sessie die ik begeleidde", "a session I facilitated"),
    "journal.context.trajectory": ("het hele traject", "the whole trajectory"),
    "journal.context.other": ("iets anders", "something else"),
    "journal.label": ("Welke (bijv. Bijeenkomst 3)", "Which (e.g. Meeting 3)"),
    "journal.title": ("Titel (mag leeg)", "Title (optional)"),
    "journal.previous": ("Vorige keer schreef je:", "Last time you wrote:"),
    "journal.previous.none": (
        "(nog geen eerdere reflectie met dit sjabloon)",
        "(no earlier reflection with this template)",
    ),
    "journal.share": ("Delen met mijn begeleider of trainer", "Share with my supervisor or trainer"),
    "journal.share.help": (
        "Aan: deze reflectie mag in een verslag of export voor je begeleider. Uit (zo staat het standaard): "
        "alleen jij ziet hem. Je kunt dit later altijd veranderen.",
        "On: this reflection may go into a report or export for your supervisor. Off (the default): only you "
        "see it. You can always change this later.",
    ),
    "journal.save": ("Bewaren", "Save"),
    "journal.save.changes": ("Wijzigingen bewaren", "Save changes"),
    "journal.new": ("Nieuwe reflectie", "New reflection"),
    "journal.saved": ("Bewaard.", "Saved."),
    "journal.empty": ("Vul eerst minstens één vraag in.", "Answer at least one question first."),
    "journal.none": ("Je hebt nog geen reflecties.", "You have no reflections yet."),
    "journal.shared": ("gedeeld", "shared"),
    "journal.is_private": ("privé", "private"),
    "journal.edit": ("Bewerken", "Edit"),
    "journal.toggle.share": ("Delen", "Share"),
    "journal.toggle.private": ("Privé maken", "Make private"),
    "journal.delete": ("Verwijderen", "Delete"),
    "journal.delete.confirm": ("Echt verwijderen", "Really delete"),
    "journal.deleted": ("Verwijderd.", "Deleted."),
    "journal.progress.table": ("Per oefenronde", "Per practice round"),
    "journal.progress.round": ("ronde", "round"),
    "journal.progress.col": (
        "datum,casus,vragen,open,aandeel open,suggestief,advies,oordeel,waarom",
        "date,case,questions,open,share open,suggestive,advice,judgement,why",
    ),
    "journal.report.kind": ("Soort verslag", "Kind of report"),
    "journal.report.meeting": ("Reflectieverslag (één bijeenkomst)", "Reflection report (one meeting)"),
    "journal.report.final": ("Eindevaluatie (hele traject)", "Final evaluation (whole trajectory)"),
    "journal.report.which": ("Bijeenkomst", "Meeting"),
    "journal.report.count": ("In dit verslag: {n} gedeelde reflectie(s).", "In this report: {n} shared reflection(s)."),
    "journal.report.none": (
        "Je hebt nog niets gedeeld. Zet bij 'Mijn reflecties' een reflectie op delen.",
        "You have not shared anything yet. Set a reflection to share under 'My reflections'.",
    ),
    "journal.report.make": ("Controleren en verslag maken", "Check and make the report"),
    "journal.privacy.title": (
        "Privacycheck: dit kan iemand herkenbaar maken",
        "Privacy check: this may identify someone",
    ),
    "journal.privacy.text": (
        "Wat in intervisie gezegd wordt, blijft in de groep. Vervang namen en gegevens door pseudoniemen, of "
        "exporteer toch als je zeker weet dat het mag.",
        "What is said in intervisie stays in the group. Replace names and details with pseudonyms, or export "
        "anyway if you are sure it is allowed.",
    ),
    "journal.privacy.ok": (
        "Privacycheck: niets gevonden dat iemand herkenbaar maakt.",
        "Privacy check: nothing found that identifies anyone.",
    ),
    "journal.privacy.replace": ("Vervang door pseudoniemen", "Replace with pseudonyms"),
    "journal.privacy.anyway": ("Toch exporteren", "Export anyway"),
    "journal.privacy.replaced": (
        "Vervangen in je gedeelde reflecties: {pairs}.",
        "Replaced in your shared reflections: {pairs}.",
    ),
    "journal.kind.email": ("e-mailadres", "e-mail address"),
    "journal.kind.phone": ("telefoonnummer", "phone number"),
    "journal.kind.bsn": ("BSN-achtig nummer", "BSN-like number"),
    "journal.kind.birthdate": ("geboortedatum", "date of birth"),
    "journal.kind.name": ("naam", "name"),
    "journal.download": ("Download:", "Download:"),
    "journal.name": ("Je naam (komt op je verslagen)", "Your name (shown on your reports)"),
    "journal.name.save": ("Naam bewaren", "Save name"),
    "journal.erase.title": ("Wis mijn gegevens", "Erase my data"),
    "journal.erase.text": (
        "Dit verwijdert al je reflecties (ook gedeelde), je oefenresultaten en je naam uit het dagboek op "
        "deze computer. Dat kan niet ongedaan gemaakt worden. Verslagen die je al hebt gedownload, blijven "
        "bestaan waar je ze bewaarde.",
        "This deletes all your reflections (shared ones too), your practice results and your name from the "
        "journal on this computer. It cannot be undone. Reports you already downloaded stay where you saved them.",
    ),
    "journal.erase.text.hub": (
        "Dit verwijdert al je reflecties (ook gedeelde, dus ook wat je trainer kon lezen), je oefenresultaten "
        "en je naam uit het dagboek op de hub. Dat kan niet ongedaan gemaakt worden. Je account op de hub "
        "blijft bestaan. Verslagen die je al hebt gedownload, blijven bestaan waar je ze bewaarde.",
        "This deletes all your reflections (shared ones too, so also what your trainer could read), your "
        "practice results and your name from the journal on the hub. It cannot be undone. Your hub account "
        "stays. Reports you already downloaded stay where you saved them.",
    ),
    "journal.erase.confirm": ("Ik begrijp het: wis alles", "I understand: erase everything"),
    "journal.erase.done": (
        "Gewist: {entries} reflectie(s), waarvan {shared} gedeeld, en je naam. "
        "Er staat niets meer van je in het dagboek.",
        "Erased: {entries} reflection(s), {shared} of them shared, and your name. "
        "Nothing of yours is left in the journal.",
    ),
    "journal.erase.pending": (
        "Een andere pagina of programma heeft het dagboekbestand nog open, dus de oude tekst kon nog niet uit "
        "het bestand zelf worden geveegd. Dat gebeurt vanzelf zodra die is gesloten (of wanneer je deze pagina "
        "opnieuw opent).",
        "Another page or program still has the journal file open, so the old text could not be wiped from the "
        "file itself yet. That happens by itself as soon as it is closed (or when you open this page again).",
    ),
    "journal.name.saved": ("Naam bewaard.", "Name saved."),
    "journal.scale.none": ("-", "-"),
    "journal.list": ("Je reflecties", "Your reflections"),
    "journal.progress.alt": (
        "Grafiek van je oefenrondes: {lines} De cijfers per ronde staan in de tabel hieronder.",
        "Chart of your practice rounds: {lines} The figures per round are in the table below.",
    ),
}
register(TEXTS)

CONTEXTS = (Context.MEETING, Context.STARTDAG, Context.EXERCISE, Context.SESSION, Context.TRAJECTORY, Context.OTHER)
WIDE = widgets.Layout(width="100%", max_width="46em")


def _e(text: str) -> str:
    return html.escape(text, quote=True)


@dataclass
class JournalPage:
    """What the page keeps across language switches: the journal, the trainee and the draft."""

    content: Content
    journal: Journal
    trainee_id: str
    draft: dict[str, Any] = field(default_factory=dict)  # template, context, label, title, share, answers
    editing: int | None = None
    saved: int | None = None  # the entry saved last: "Mijn reflecties" shows it first
    listeners: list[Callable[[], None]] = field(default_factory=list)
    startdag: bool = False  # a participant's page at a startdag: the journal is on the trainer's laptop
    hub: str | None = None  # on a JupyterHub: the trainee's origin there ("hub", or "startdag": temporary)

    @property
    def templates(self) -> Mapping[str, ReflectionTemplate]:
        return self.content.reflection

    def entries(self, **kwargs: Any) -> list[Entry]:
        return self.journal.entries(self.trainee_id, **kwargs)

    def changed(self) -> None:
        for listener in list(self.listeners):
            listener()

    def case_names(self) -> list[str]:
        names = []
        for case in self.content.cases.values():
            names.append(case.inbrenger.name)
            names.extend(c.name for c in case.characters)
        return names


def open_page_journal(content: Content) -> JournalPage:
    """Open the journal for this kernel's trainee; asked here, when the page is built after its request."""
    journal = Journal()
    try:
        trainee_id = current_trainee(journal)
        participant = is_workshop() and not serves_trainer(journal)
        hub = journal.trainee(trainee_id).origin if is_hub() else None
    except BaseException:
        journal.close()  # no identity, no journal: the page keeps nothing open
        raise
    return JournalPage(content, journal, trainee_id, startdag=participant, hub=hub)


def reflection(state: PageState) -> widgets.VBox:
    try:
        page = open_page_journal(state.content)
    except JournalError as exc:
        error = exc
        return section(state, lambda lang: notice("error", t("journal.unavailable", lang), text=error.text(lang)))

    def build(lang: str) -> widgets.Widget:
        page.listeners.clear()
        return JournalView(page, lang)

    return section(state, build)


class JournalView(widgets.VBox):
    def __init__(self, page: JournalPage, lang: str, **kwargs: Any):
        super().__init__(**kwargs)
        self.add_class("ik-journal")
        notes = "".join(f"<p class='ik-warn-text' role='status'>{_e(n.text(lang))}</p>" for n in page.journal.notices)
        if page.hub is not None:  # the database address names the user's role: nothing for the page
            private = t("journal.private.hub.startdag" if page.hub == ORIGIN_STARTDAG else "journal.private.hub", lang)
        elif page.startdag:
            private = t("journal.private.startdag", lang)
        else:
            journal = page.journal
            where = str(journal.path) if journal.path else journal.url.render_as_string(hide_password=True)
            private = t("journal.private", lang, where=where)
        intro = widgets.HTML(f"<p class='ik-journal-private'>{_e(private)}</p>{notes}")
        self.editor = EditorView(page, lang)
        self.browser = BrowseView(page, lang, self)
        self.progress = ProgressView(page, lang)  # fills itself when its tab is first opened (pandas, charts)
        self.share = ShareView(page, lang)
        self.data = DataView(page, lang)
        self.tabs = widgets.Tab(children=[self.editor, self.browser, self.progress, self.share, self.data])
        self.tabs.titles = tuple(t(f"journal.tab.{k}", lang) for k in ("write", "browse", "progress", "share", "data"))
        self.children = (intro, self.tabs)
        self.tabs.observe(self._opened, "selected_index")

    def _opened(self, change: dict[str, Any]) -> None:
        if self.tabs.children[change["new"]] is self.progress:
            self.progress.show()

    def edit(self, entry: Entry) -> None:
        self.editor.load(entry)
        self.tabs.selected_index = 0


class EditorView(widgets.VBox):
    """Write a new reflection or edit one; the template decides the questions."""

    def __init__(self, page: JournalPage, lang: str, **kwargs: Any):
        super().__init__(**kwargs)
        self.add_class("ik-journal-editor")
        self.page, self.lang = page, lang
        templates = sorted(page.templates.values(), key=lambda tp: (not tp.writing, tp.id != "bijeenkomst", tp.id))
        draft = page.draft
        self.template = widgets.Dropdown(
            options=[(tp.name.get(lang), tp.id) for tp in templates],
            value=draft.get("template") if draft.get("template") in page.templates else templates[0].id,
            description=t("journal.template", lang),
            style={"description_width": "initial"},
            layout=WIDE,
        )
        self.context = widgets.Dropdown(
            options=[(t(f"journal.context.{c.value}", lang), c.value) for c in CONTEXTS],
            value=draft.get("context", Context.MEETING.value),
            description=t("journal.context", lang),
            style={"description_width": "initial"},
        )
        self.label = widgets.Text(value=draft.get("label", ""), placeholder=t("journal.label", lang), layout=WIDE)
        self.label.add_class("ik-journal-label")
        self.title = widgets.Text(value=draft.get("title", ""), placeholder=t("journal.title", lang), layout=WIDE)
        self.summary = widgets.HTML()
        self.fields_box = widgets.VBox()
        self.shared = widgets.Checkbox(
            value=bool(draft.get("share")), description=t("journal.share", lang), indent=False
        )
        self.shared.add_class("ik-journal-share")
        share_help = widgets.HTML(f"<p class='ik-muted'>{_e(t('journal.share.help', lang))}</p>")
        self.save = widgets.Button(description=t("journal.save", lang), button_style="primary", icon="save")
        self.save.add_class("ik-journal-save")
        self.new = widgets.Button(description=t("journal.new", lang), icon="plus")
        self.status = widgets.HTML()
        self.status.add_class("ik-journal-status")
        self.inputs: dict[str, widgets.Widget] = {}
        self.children = (
            self.template,
            self.summary,
            widgets.HBox([self.context, self.label]),
            self.title,
            self.fields_box,
            self.shared,
            share_help,
            widgets.HBox([self.save, self.new]),
            self.status,
        )
        self.template.observe(lambda _: self._show_fields(), "value")
        for w in (self.context, self.label, self.title, self.shared):
            w.observe(lambda _: self._keep_draft(), "value")
        self.save.on_click(lambda _: self.submit())
        self.new.on_click(lambda _: self.reset())
        self._show_fields(draft.get("answers", {}))

    # -- fields --------------------------------------------------------------------------------------

    def _show_fields(self, answers: Mapping[str, Any] | None = None) -> None:
        lang = self.lang
        template = self.page.templates[self.template.value]
        self.summary.value = (
            f"<p>{_e(template.summary.get(lang))}</p>"
            f"<p class='ik-muted'><small>{dutch_html(template.source, lang)}</small></p>"
        )
        answers = answers or {}
        self.inputs = {}
        rows: list[widgets.Widget] = []
        for f in template.fields:
            rows.append(self._field(f, answers.get(f.id)))
        self.fields_box.children = tuple(rows)
        self._keep_draft()

    def _field(self, f: ReflectionField, value: Any) -> widgets.Widget:
        lang = self.lang
        parts: list[widgets.Widget] = [widgets.HTML(f"<h4 class='ik-journal-q'>{_e(f.label.get(lang))}</h4>")]
        if f.follows_up:
            parts.append(widgets.HTML(self._previous_html(f.follows_up)))
        if f.help:
            parts.append(widgets.HTML(f"<p class='ik-muted'>{_e(f.help.get(lang))}</p>"))
        if f.kind is ReflectionFieldKind.SCALE:
            widget: widgets.Widget = widgets.ToggleButtons(
                options=[("1", 1), ("2", 2), ("3", 3), ("4", 4), ("5", 5)],
                value=value if value in (1, 2, 3, 4, 5) else None,
                style={"button_width": "3em"},
            )
            ends = f"1 = {f.low.get(lang) if f.low else ''} · 5 = {f.high.get(lang) if f.high else ''}"
            parts += [widget, widgets.HTML(f"<p class='ik-muted'>{_e(ends)}</p>")]
        elif f.kind is ReflectionFieldKind.CHOICE:
            ids = {o.id for o in f.options}
            widget = widgets.ToggleButtons(
                options=[(o.text.get(lang), o.id) for o in f.options], value=value if value in ids else None
            )
            widget.add_class("ik-journal-cards")
            parts.append(widget)
        else:
            widget = widgets.Textarea(value=value if isinstance(value, str) else "", rows=4, layout=WIDE)
        widget.add_class(f"ik-field-{f.id}")
        widget.observe(lambda _: self._keep_draft(), "value")
        self.inputs[f.id] = widget
        box = widgets.VBox(parts if f.kind is not ReflectionFieldKind.TEXT else [*parts, widget])
        box.add_class("ik-journal-field")
        return box

    def _previous_html(self, field_id: str) -> str:
        """What the trainee wrote in ``field_id`` in their previous entry with this template."""
        earlier = [
            e
            for e in self.page.entries(templates=[self.template.value])
            if e.id != self.page.editing and e.answers.get(field_id)
        ]
        if self.page.editing is not None:
            current = next((e for e in earlier if e.id == self.page.editing), None)
            earlier = [e for e in earlier if current is None or e.created <= current.created]
        lang = self.lang
        if not earlier:
            return f"<p class='ik-previous ik-muted'>{_e(t('journal.previous.none', lang))}</p>"
        last = earlier[-1]
        return (
            f"<blockquote class='ik-previous'><strong>{_e(t('journal.previous', lang))}</strong> "
            f"({_e(format_date(last.created, lang))}) {_e(str(last.answers[field_id]))}</blockquote>"
        )

    def answers(self) -> dict[str, Any]:
        out = {}
        for key, widget in self.inputs.items():
            value = widget.value
            if isinstance(value, str):
                value = value.strip()
            if value not in (None, ""):
                out[key] = value
        return out

    def _keep_draft(self) -> None:
        self.page.draft = {
            "template": self.template.value,
            "context": self.context.value,
            "label": self.label.value,
            "title": self.title.value,
            "share": self.shared.value,
            "answers": self.answers(),
        }

    # -- actions -------------------------------------------------------------------------------------

    def submit(self) -> Entry | None:
        lang, page = self.lang, self.page
        answers = self.answers()
        if not answers:
            self.status.value = f"<p class='ik-warn-text' role='alert'>{_e(t('journal.empty', lang))}</p>"
            return None
        share = Share.SUPERVISOR if self.shared.value else Share.PRIVATE
        try:
            if page.editing is None:
                entry = page.journal.add(
                    page.trainee_id,
                    template=self.template.value,
                    answers=answers,
                    title=self.title.value,
                    context=self.context.value,
                    context_label=self.label.value,
                    share=share,
                )
            else:
                page.journal.update(
                    page.trainee_id,
                    page.editing,
                    answers=answers,
                    title=self.title.value,
                    context_label=self.label.value,
                )
                entry = page.journal.set_share(page.trainee_id, page.editing, share)
        except JournalError as exc:
            self.status.value = f"<p class='ik-warn-text' role='alert'>{_e(exc.text(lang))}</p>"
            return None
        self.reset()
        page.saved = entry.id
        self.status.value = f"<p class='ik-ok-text' role='status'>{_e(t('journal.saved', lang))}</p>"
        page.changed()
        return entry

    def reset(self) -> None:
        self.page.editing = None
        self.page.draft = {}
        self.save.description = t("journal.save", self.lang)
        self.title.value = ""
        self.shared.value = False
        self.status.value = ""
        self._show_fields({})

    def load(self, entry: Entry) -> None:
        """Open an entry for editing."""
        if entry.template not in self.page.templates:
            return
        self.page.editing = entry.id
        self.template.value = entry.template
        self.context.value = entry.context_kind.value
        self.label.value = entry.context_label
        self.title.value = entry.title
        self.shared.value = entry.shared
        self.save.description = t("journal.save.changes", self.lang)
        self._show_fields(entry.answers)


class BrowseView(widgets.VBox):
    """The trainee's own entries: read, edit, share or unshare, delete."""

    def __init__(self, page: JournalPage, lang: str, parent: JournalView, **kwargs: Any):
        super().__init__(**kwargs)
        self.add_class("ik-journal-browse")
        self.page, self.lang, self.parent = page, lang, parent
        self.list = widgets.Select(
            rows=8, description=t("journal.list", lang), style={"description_width": "initial"}, layout=WIDE
        )
        self.list.add_class("ik-journal-list")
        self.detail = widgets.HTML()
        self.detail.add_class("ik-journal-detail")
        self.edit = widgets.Button(description=t("journal.edit", lang), icon="pencil")
        self.toggle = widgets.Button(description=t("journal.toggle.share", lang), icon="share")
        self.toggle.add_class("ik-journal-toggle")
        self.delete = widgets.Button(description=t("journal.delete", lang), icon="trash", button_style="")
        self.confirm = widgets.Button(description=t("journal.delete.confirm", lang), button_style="danger")
        self.confirm.layout.display = "none"
        self.status = widgets.HTML()
        self.actions = widgets.HBox([self.edit, self.toggle, self.delete, self.confirm])
        self.children = (self.list, self.detail, self.actions, self.status)
        self.list.observe(lambda _: self._show(), "value")
        self.edit.on_click(lambda _: self._edit())
        self.toggle.on_click(lambda _: self._toggle())
        self.delete.on_click(lambda _: setattr(self.confirm.layout, "display", None))
        self.confirm.on_click(lambda _: self._delete())
        page.listeners.append(self.refresh)
        self.refresh()

    def _label(self, e: Entry) -> str:
        lang = self.lang
        template = self.page.templates.get(e.template)
        name = e.title or (template.name.get(lang) if template else e.template)
        state = t("journal.shared" if e.shared else "journal.is_private", lang)
        where = f" · {e.context_label}" if e.context_label else ""
        return f"{format_date(e.created, lang)}{where} · {name} · {state}"

    def refresh(self) -> None:
        entries = self.page.entries()
        current, self.page.saved = (self.page.saved or self.list.value), None
        self.list.options = [(self._label(e), e.id) for e in reversed(entries)]
        ids = [e.id for e in entries]
        self.list.value = current if current in ids else (ids[-1] if ids else None)
        self.actions.layout.display = None if ids else "none"
        if not ids:
            self.detail.value = f"<p>{_e(t('journal.none', self.lang))}</p>"
        self._show()

    def selected(self) -> Entry | None:
        if self.list.value is None:
            return None
        try:
            return self.page.journal.get(self.page.trainee_id, self.list.value)
        except JournalError:
            return None

    def _show(self) -> None:
        self.confirm.layout.display = "none"
        entry = self.selected()
        if entry is None:
            return
        lang = self.lang
        block = entry_blocks(entry, self.page.templates, lang)
        state = t("journal.shared" if entry.shared else "journal.is_private", lang)
        self.detail.value = (
            f"<div class='ik-entry' data-share='{entry.share.value}'><h3>{_e(block.heading)}</h3>"
            f"<p class='ik-muted'>{_e(block.meta)} · <strong>{_e(state)}</strong></p>{block_items_html(block)}</div>"
        )
        self.toggle.description = t("journal.toggle.private" if entry.shared else "journal.toggle.share", lang)
        self.edit.disabled = entry.template not in self.page.templates

    def _edit(self) -> None:
        entry = self.selected()
        if entry is not None:
            self.parent.edit(entry)

    def _toggle(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        new = Share.PRIVATE if entry.shared else Share.SUPERVISOR
        self.page.journal.set_share(self.page.trainee_id, entry.id, new)
        self.page.changed()

    def _delete(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        self.page.journal.delete(self.page.trainee_id, entry.id)
        self.status.value = f"<p role='status'>{_e(t('journal.deleted', self.lang))}</p>"
        self.page.changed()


class ProgressView(widgets.VBox):
    """Practice over time: figures in words, a chart and a table (built when first shown)."""

    def __init__(self, page: JournalPage, lang: str, **kwargs: Any):
        super().__init__(**kwargs)
        self.add_class("ik-journal-progress")
        self.page, self.lang = page, lang
        self.shown = False
        page.listeners.append(self.refresh)

    def show(self) -> None:
        self.shown = True
        self.refresh()

    def refresh(self) -> None:
        if not self.shown:
            return
        from ..journal.progress import exercise_frame, practice_frame, progress_chart, summarise

        lang = self.lang
        entries = self.page.entries()
        rounds = practice_frame(entries)
        figures = summarise(rounds, exercise_frame(entries))
        lines = "".join(f"<li>{_e(line)}</li>" for line in figures.lines(lang))
        parts: list[widgets.Widget] = [widgets.HTML(f"<ul class='ik-progress-lines'>{lines}</ul>")]
        png = progress_chart(rounds, lang)
        if png:
            # An <img> with alt text (widgets.Image has none): the figures in words, and the table follows.
            alt = t("journal.progress.alt", lang, lines=" ".join(figures.lines(lang)))
            data = base64.b64encode(png).decode("ascii")
            image = widgets.HTML(
                f"<img class='ik-progress-img' src='data:image/png;base64,{data}' alt='{_e(alt)}' "
                "style='max-width:100%;height:auto'>"
            )
            image.add_class("ik-progress-chart")
            parts.append(image)
            frame = rounds.copy()
            frame["date"] = frame["date"].dt.strftime("%d-%m-%Y" if lang != "en" else "%Y-%m-%d")
            frame["open_share"] = (frame["open_share"] * 100).round().astype(int).astype(str) + "%"
            cases = self.page.content.cases
            # The case's title in the page's language; a case no longer in the kit keeps its id.
            frame["case"] = [cases[c].title.get(lang) if c in cases else c for c in frame["case"]]
            frame.columns = t("journal.progress.col", lang).split(",")
            frame.insert(0, t("journal.progress.round", lang), frame.index)
            table = frame.to_html(escape=True, border=0, classes="ik-table", index=False)
            parts.append(widgets.HTML(f"<h4>{_e(t('journal.progress.table', lang))}</h4>{table}"))
        self.children = tuple(parts)


class ShareView(widgets.VBox):
    """Make a report from shared entries, after a privacy check; download it as Markdown, HTML or PDF."""

    def __init__(self, page: JournalPage, lang: str, **kwargs: Any):
        super().__init__(**kwargs)
        self.add_class("ik-journal-share-view")
        self.page, self.lang = page, lang
        self.kind = widgets.ToggleButtons(
            options=[
                (t("journal.report.meeting", lang), "verslag"),
                (t("journal.report.final", lang), "eindevaluatie"),
            ],
            description=t("journal.report.kind", lang),
            style={"description_width": "initial"},
        )
        self.meeting = widgets.Dropdown(
            description=t("journal.report.which", lang), style={"description_width": "initial"}
        )
        self.count = widgets.HTML()
        self.make = widgets.Button(description=t("journal.report.make", lang), button_style="primary", icon="file")
        self.make.add_class("ik-journal-make")
        self.check = widgets.VBox()
        self.check.add_class("ik-privacy")
        self.downloads = widgets.HTML()
        self.downloads.add_class("ik-journal-downloads")
        self.children = (self.kind, self.meeting, self.count, self.make, self.check, self.downloads)
        self.kind.observe(lambda _: self.refresh(), "value")
        self.meeting.observe(lambda _: self._count(), "value")
        self.make.on_click(lambda _: self.run_check())
        page.listeners.append(self.refresh)
        self.refresh()

    def shared(self) -> list[Entry]:
        entries = self.page.entries(shared_only=True)
        if self.kind.value == "verslag":
            entries = [e for e in entries if e.context_label == (self.meeting.value or "")]
        return entries

    def refresh(self) -> None:
        labels = sorted({e.context_label for e in self.page.entries(shared_only=True)})
        current = self.meeting.value
        self.meeting.options = labels
        if labels:
            self.meeting.value = current if current in labels else labels[-1]
        self.meeting.layout.display = None if self.kind.value == "verslag" else "none"
        self.check.children = ()
        self.downloads.value = ""
        self._count()

    def _count(self) -> None:
        n = len(self.shared())
        text = t("journal.report.count", self.lang, n=n) if n else t("journal.report.none", self.lang)
        self.count.value = f"<p>{_e(text)}</p>"
        self.make.disabled = n == 0

    def _texts(self) -> list[tuple[Entry, str, str]]:
        """(entry, key, text) for every piece of text that would leave the journal."""
        out = []
        for e in self.shared():
            out += [(e, "title", e.title), (e, "context_label", e.context_label)]
            out += [(e, k, v) for k, v in e.answers.items() if isinstance(v, str)]
        out.append((None, "name", self.page.journal.trainee(self.page.trainee_id).name))  # type: ignore[arg-type]
        return [x for x in out if x[2]]

    def run_check(self) -> None:
        from ..journal.privacy import find_identifying

        lang = self.lang
        names = self.page.case_names()
        findings = []
        for entry, _key, text in self._texts():
            if entry is None:  # the trainee's own name on the report is theirs to show
                continue
            findings += find_identifying(text, names)
        self.downloads.value = ""
        if not findings:
            self.check.children = (widgets.HTML(f"<p class='ik-ok-text'>{_e(t('journal.privacy.ok', lang))}</p>"),)
            self.export()
            return
        items = sorted({f"{t('journal.kind.' + f.kind.value, lang)}: {f.text}" for f in findings})
        replace = widgets.Button(description=t("journal.privacy.replace", lang), button_style="warning")
        replace.add_class("ik-privacy-replace")
        anyway = widgets.Button(description=t("journal.privacy.anyway", lang))
        anyway.add_class("ik-privacy-anyway")
        replace.on_click(lambda _: self.pseudonymise())
        anyway.on_click(lambda _: self.export())
        self.check.children = (
            notice("warn", t("journal.privacy.title", lang), items, t("journal.privacy.text", lang)),
            widgets.HBox([replace, anyway]),
        )

    def pseudonymise(self) -> None:
        """Replace what identifies people in the shared entries themselves, then export."""
        from ..journal.privacy import pseudonymise

        lang, page = self.lang, self.page
        texts = [x for x in self._texts() if x[0] is not None]
        new, mapping = pseudonymise([x[2] for x in texts], page.case_names(), lang)
        changed: dict[int, dict[str, Any]] = {}
        for (entry, key, old), value in zip(texts, new, strict=True):
            if value != old:
                changed.setdefault(entry.id, {"entry": entry})[key] = value
        for entry_id, values in changed.items():
            entry = values.pop("entry")
            answers = {**entry.answers, **{k: v for k, v in values.items() if k in entry.answers}}
            page.journal.update(
                page.trainee_id,
                entry_id,
                answers=answers,
                title=values.get("title"),
                context_label=values.get("context_label"),
            )
        pairs = ", ".join(f"{k} → {v}" for k, v in mapping.items()) or "-"
        page.changed()  # refreshes the lists (and clears this view), then:
        self.check.children = (
            widgets.HTML(f"<p class='ik-ok-text'>{_e(t('journal.privacy.replaced', lang, pairs=pairs))}</p>"),
        )
        self.export()

    def export(self) -> None:
        lang, page = self.lang, self.page
        trainee = page.journal.trainee(page.trainee_id)
        report = build_report(
            self.kind.value,
            trainee,
            self.shared(),
            page.templates,
            lang=lang,
            all_entries=page.entries(),
            label=self.meeting.value if self.kind.value == "verslag" else None,
        )
        files = [
            ("Markdown", report.filename("md"), "text/markdown", report_markdown(report, lang).encode()),
            ("HTML", report.filename("html"), "text/html", report_html(report, lang).encode()),
            ("PDF", report.filename("pdf"), "application/pdf", report_pdf(report, lang)),
        ]
        links = " ".join(
            f"<a class='ik-download' download='{_e(name)}' href='data:{mime};base64,{base64.b64encode(data).decode()}'>"
            f"{_e(label)}</a>"
            for label, name, mime, data in files
        )
        self.downloads.value = f"<p><strong>{_e(t('journal.download', lang))}</strong> {links}</p>"


class DataView(widgets.VBox):
    """The trainee's name, and 'Wis mijn gegevens'."""

    def __init__(self, page: JournalPage, lang: str, **kwargs: Any):
        super().__init__(**kwargs)
        self.add_class("ik-journal-data")
        self.page, self.lang = page, lang
        self.name = widgets.Text(
            value=page.journal.trainee(page.trainee_id).name,
            description=t("journal.name", lang),
            style={"description_width": "initial"},
            layout=WIDE,
        )
        self.save_name = save_name = widgets.Button(description=t("journal.name.save", lang))
        save_name.add_class("ik-journal-name-save")
        self.name_status = widgets.HTML()
        self.name_status.add_class("ik-journal-name-status")
        save_name.on_click(lambda _: self.rename())
        self.agree = widgets.Checkbox(description=t("journal.erase.confirm", lang), indent=False)
        self.erase = widgets.Button(
            description=t("journal.erase.title", lang), button_style="danger", icon="trash", disabled=True
        )
        self.erase.add_class("ik-journal-erase")
        self.result = widgets.HTML()
        self.result.add_class("ik-journal-erased")
        self.agree.observe(lambda c: setattr(self.erase, "disabled", not c["new"]), "value")
        self.erase.on_click(lambda _: self.run_erase())
        erase_text = "journal.erase.text.hub" if page.hub is not None else "journal.erase.text"
        self.children = (
            widgets.HBox([self.name, save_name]),
            self.name_status,
            widgets.HTML(f"<h3>{_e(t('journal.erase.title', lang))}</h3><p>{_e(t(erase_text, lang))}</p>"),
            self.agree,
            self.erase,
            self.result,
        )

    def rename(self) -> None:
        """Save the name, or say why not and keep what was typed."""
        try:
            self.page.journal.rename(self.page.trainee_id, self.name.value)
        except JournalError as exc:
            self.name_status.value = f"<p class='ik-warn-text' role='alert'>{_e(exc.text(self.lang))}</p>"
            return
        self.name_status.value = f"<p class='ik-ok-text' role='status'>{_e(t('journal.name.saved', self.lang))}</p>"

    def run_erase(self) -> None:
        page, lang = self.page, self.lang
        try:
            erased = page.journal.erase_trainee(page.trainee_id)
        except JournalError as exc:
            self.result.value = f"<p class='ik-warn-text' role='alert'>{_e(exc.text(lang))}</p>"
            return
        done = t("journal.erase.done", lang, entries=erased.entries, shared=erased.shared_entries)
        pending = "" if erased.compacted else f" {t('journal.erase.pending', lang)}"
        try:
            page.trainee_id = current_trainee(page.journal)  # a fresh, empty identity (on a hub: the same, emptied)
        except JournalError as exc:  # a startdag participant who erased themselves is no longer bound
            pending += f" {exc.text(lang)}"
        page.draft, page.editing = {}, None
        self.name.value = ""
        self.agree.value = False
        page.changed()
        self.result.value = f"<p class='ik-ok-text' role='status'>{_e(done + pending)}</p>"
