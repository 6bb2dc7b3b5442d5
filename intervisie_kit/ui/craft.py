"""Page 10 Het vak van begeleider: the facilitator's craft, in five tabs.

1. *Een goede intervisievraag*: the four criteria, and a box where a question is checked on each of them.
2. *Luisteren, samenvatten, doorvragen*: the three skills, and a fragment to summarise with feedback.
3. *Fasen van een groep*: the stages of group development as they show in an intervisie group.
4. *Lastige momenten*: pick a scene, choose what you would do, see the feedback and model interventions.
5. *Intervisie en verwante vormen*: intervisie next to supervisie, coaching and werkoverleg.

The texts come from the content (``data/vak``), the checks from :mod:`intervisie_kit.craft`; this module
only shows them. Everything from a file or from the trainee is escaped; feedback sits in a container with
``role="status"`` so a screen reader reads it out. Input beyond the named limits is refused with a message
in the page's language, and what was typed stays in the box.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

import ipywidgets as widgets

from ..content import Content
from ..content.craft import CraftGuide, Fit, Scene, SummaryExercise
from ..craft import CraftInputError, Finding, check_intervisievraag, check_summary
from ..i18n import register, t
from .dutch_only import dutch_html, nl_html, only_dutch_note
from .shell import PageState, notice, section

__all__ = ["TEXTS", "CraftView", "QuestionView", "ScenesView", "SummaryView", "craft", "findings_html"]

TEXTS: dict[str, tuple[str, str]] = {
    "craft.tab.question": ("Een goede intervisievraag", "A good intervisie question"),
    "craft.tab.lsd": ("Luisteren, samenvatten, doorvragen", "Listen, summarise, ask further"),
    "craft.tab.stages": ("Fasen van een groep", "Stages of a group"),
    "craft.tab.scenes": ("Lastige momenten", "Difficult moments"),
    "craft.tab.forms": ("Intervisie en verwante vormen", "Intervisie and related forms"),
    "craft.missing": (
        "De inhoud voor deze pagina (data/vak) ontbreekt of bevat een fout.",
        "The content for this page (data/vak) is missing or has an error.",
    ),
    "craft.sources": ("Bronnen", "Sources"),
    "craft.criteria": ("Vier toetsen voor een intervisievraag", "Four checks for an intervisie question"),
    "craft.good": ("Zo wel", "Like this"),
    "craft.weak": ("Zo niet", "Not like this"),
    "craft.examples": ("Oefenvragen om te verbeteren", "Practice questions to improve"),
    "craft.better": ("Beter", "Better"),
    "craft.try_example": ("Probeer een voorbeeld", "Try an example"),
    "craft.question.label": ("Jouw intervisievraag", "Your intervisie question"),
    "craft.question.placeholder": ("Bijvoorbeeld: Hoe kan ik ...?", "For example: How can I ...?"),
    "craft.check": ("Controleer", "Check"),
    "craft.all_good": ("Deze vraag voldoet aan alle vier.", "This question meets all four."),
    "craft.not_yet": ("Nog niet op alle punten.", "Not on every point yet."),
    "craft.passed": ("in orde", "fine"),
    "craft.failed": ("nog niet", "not yet"),
    "craft.cannot": ("Dit kan de kit niet controleren", "The kit cannot check this"),
    "craft.rules": (
        "De controle werkt met regels en kan zich vergissen; bespreek twijfel met je trainer of je groep.",
        "The check works with rules and can be wrong; discuss doubts with your trainer or your group.",
    ),
    "craft.good_summary": ("Een goede samenvatting", "A good summary"),
    "craft.exercise": ("Fragment", "Fragment"),
    "craft.tells": ("{name} vertelt:", "{name} says:"),
    "craft.summary.label": ("Jouw samenvatting", "Your summary"),
    "craft.summary.placeholder": ("Vat samen in een paar zinnen ...", "Summarise in a few sentences ..."),
    "craft.summary.good": ("Een goede samenvatting.", "A good summary."),
    "craft.check.elements": ("Kernpunten", "Key points"),
    "craft.check.own_words": ("In de woorden van de inbrenger", "In the inbrenger's words"),
    "craft.check.short": ("Kort", "Short"),
    "craft.model_summary": ("Een mogelijke samenvatting", "A possible summary"),
    "craft.follow_up": ("Een doorvraag die erop aansluit", "A follow-up question that connects"),
    "craft.you_see": ("Wat je ziet", "What you see"),
    "craft.you_do": ("Wat je doet", "What you do"),
    "craft.scene": ("Moment", "Moment"),
    "craft.when": ("Wanneer", "When"),
    "craft.choose": ("Kies wat jij zou doen.", "Choose what you would do."),
    "craft.fit.good": ("Sterke keuze", "Strong choice"),
    "craft.fit.partly": ("Deels", "Partly"),
    "craft.fit.poor": ("Liever niet", "Better not"),
    "craft.interventions": ("Zo zou je het kunnen zeggen", "How you might say it"),
    "craft.principle": ("Waar het om draait", "What it comes down to"),
    "craft.col.form": ("Vorm", "Form"),
    "craft.col.led_by": ("Wie leidt", "Who leads"),
    "craft.col.goal": ("Doel", "Goal"),
    "craft.col.hierarchy": ("Hiërarchie", "Hierarchy"),
    "craft.col.content_from": ("Wie brengt de inhoud in", "Who brings the content"),
    "craft.example.label": ("Voorbeeld", "Example"),
}
register(TEXTS)

TAB_KEYS = ("question", "lsd", "stages", "scenes", "forms")
WIDE = widgets.Layout(width="100%", max_width="44em")
NO_EXAMPLE = -1  # the examples menu's first line, "Probeer een voorbeeld" (None would show an empty menu)


def _e(text: str) -> str:
    return html.escape(text)


def craft(state: PageState) -> widgets.VBox:
    """The whole page below the narrative; ``?scene=<id>`` opens that difficult moment."""
    return section(state, lambda lang: CraftView(state.content, lang, state.params.get("scene")))


class CraftView(widgets.VBox):
    def __init__(self, content: Content, lang: str, scene_id: str | None = None, **kwargs: object):
        super().__init__(**kwargs)
        self.add_class("ik-craft")
        guide = _guide(content)
        if guide is None:
            self.children = (notice("warn", t("craft.missing", lang)),)
            return
        self.question = QuestionView(guide, lang)
        self.summary = SummaryView(guide, lang)
        self.scenes = ScenesView(tuple(content.scenes.values()), lang, scene_id)
        self.tabs = widgets.Tab(
            children=[self.question, self.summary, _stages(guide, lang), self.scenes, _forms(guide, lang)],
            titles=tuple(t(f"craft.tab.{k}", lang) for k in TAB_KEYS),
        )
        if scene_id in content.scenes:
            self.tabs.selected_index = TAB_KEYS.index("scenes")
        intro = widgets.HTML(f"<p>{_e(guide.intro.get(lang))}</p>")
        sources = widgets.HTML(_sources_html(guide.sources, lang))
        self.children = (intro, self.tabs, sources)


def _guide(content: Content) -> CraftGuide | None:
    if "het-vak" in content.craft:
        return content.craft["het-vak"]
    return content.craft[sorted(content.craft)[0]] if content.craft else None


def _sources_html(sources: Iterable[str], lang: str) -> str:
    sources = list(sources)
    items = "".join(f"<li>{_e(s)}</li>" for s in sources)
    summary = f"<summary>{_e(t('craft.sources', lang))}{only_dutch_note(lang, *sources)}</summary>"
    return f"<details class='ik-muted'>{summary}{nl_html(f'<ul>{items}</ul>', lang, bool(sources))}</details>"


def findings_html(findings: Iterable[Finding], names: dict[str, str], lang: str, head: str) -> str:
    """The checks of a question or a summary, one line each, in one ``role="status"`` container."""
    findings = tuple(findings)
    ok = all(f.passed for f in findings)
    rows = []
    for f in findings:
        mark, word, css = (
            ("✓", t("craft.passed", lang), "ik-ok-text") if f.passed else ("✗", t("craft.failed", lang), "ik-warn-text")
        )
        suggestion = f"<br><span class='ik-suggestion'>{_e(f.suggestion)}</span>" if f.suggestion else ""
        name = _e(names.get(str(f.id), str(f.id)))
        rows.append(
            f"<li class='ik-finding' data-check='{_e(str(f.id))}' data-ok='{str(f.passed).lower()}'>"
            f"<span class='{css}' aria-hidden='true'>{mark}</span> <strong>{name}</strong>"
            f" ({_e(word)}): {_e(f.reason)}{suggestion}</li>"
        )
    return (
        f"<div class='ik-notice ik-{'ok' if ok else 'warn'}' role='status' data-ok='{str(ok).lower()}'>"
        f"<h3>{_e(head)}</h3><ul>{''.join(rows)}</ul></div>"
    )


def _refused(error: CraftInputError, lang: str) -> str:
    return (
        f"<div class='ik-notice ik-error' role='status' data-ok='false'><h3>{_e(t('craft.cannot', lang))}</h3>"
        f"<p>{_e(error.message(lang))}</p></div>"
    )


def _label(key: str, lang: str) -> widgets.HTML:
    return widgets.HTML(f"<label class='ik-label'>{_e(t(key, lang))}</label>")


class QuestionView(widgets.VBox):
    """The criteria, a box to type a question, and the feedback per criterion."""

    def __init__(self, guide: CraftGuide, lang: str, **kwargs: object):
        super().__init__(**kwargs)
        self.add_class("ik-craft-question-tab")
        self._lang = lang
        q = guide.question
        self._names = {str(c.id): c.name.get(lang) for c in q.criteria}
        criteria = "".join(
            f"<li><strong>{_e(c.name.get(lang))}</strong>: {_e(c.explanation.get(lang))}<br>"
            f"<span class='ik-ok-text'>{_e(t('craft.good', lang))}:</span> <em>{_e(c.good.get(lang))}</em><br>"
            f"<span class='ik-warn-text'>{_e(t('craft.weak', lang))}:</span> <em>{_e(c.weak.get(lang))}</em></li>"
            for c in q.criteria
        )
        better = _e(t("craft.better", lang))
        examples = "".join(
            f"<li><em>{_e(x.weak.get(lang))}</em><br>{better}: <em>{_e(x.better.get(lang))}</em></li>"
            for x in q.examples
        )
        intro = (
            f"<p>{_e(q.intro.get(lang))}</p><h3>{_e(t('craft.criteria', lang))}</h3><ol>{criteria}</ol>"
            + (
                f"<details><summary>{_e(t('craft.examples', lang))}</summary><ul>{examples}</ul></details>"
                if examples
                else ""
            )
            + f"<p class='ik-muted'>{dutch_html(q.source, lang)}</p>"
        )
        self.text = widgets.Textarea(placeholder=t("craft.question.placeholder", lang), rows=2, layout=WIDE)
        self.text.add_class("ik-craft-question")
        self.example = widgets.Dropdown(
            options=[(t("craft.try_example", lang), NO_EXAMPLE)]
            + [(x.weak.get(lang), i) for i, x in enumerate(q.examples)],
            value=NO_EXAMPLE,
            description=t("craft.example.label", lang),
            style={"description_width": "initial"},
            layout=WIDE,
        )
        self.example.add_class("ik-craft-example")
        self._examples = q.examples
        self.check = widgets.Button(description=t("craft.check", lang), button_style="primary")
        self.check.add_class("ik-craft-check")
        self.feedback = widgets.HTML()
        self.feedback.add_class("ik-craft-feedback")
        self.check.on_click(lambda _: self.submit())
        self.example.observe(self._use_example, "value")
        self.children = (
            widgets.HTML(intro),
            _label("craft.question.label", lang),
            self.example,
            self.text,
            self.check,
            self.feedback,
            widgets.HTML(f"<p class='ik-muted'>{_e(t('craft.rules', lang))}</p>"),
        )

    def _use_example(self, change: dict) -> None:  # type: ignore[type-arg]
        if change["new"] != NO_EXAMPLE:
            self.text.value = self._examples[change["new"]].weak.get(self._lang)
            self.feedback.value = ""

    def submit(self) -> None:
        lang = self._lang
        try:
            result = check_intervisievraag(self.text.value, lang)
        except CraftInputError as error:
            self.feedback.value = _refused(error, lang)  # the text box keeps what was typed
            return
        head = t("craft.all_good" if result.passed else "craft.not_yet", lang)
        self.feedback.value = findings_html(result.findings, self._names, lang, head)


class SummaryView(widgets.VBox):
    """LSD: the three skills, a fragment to summarise, feedback, then a model summary and a follow-up."""

    def __init__(self, guide: CraftGuide, lang: str, **kwargs: object):
        super().__init__(**kwargs)
        self.add_class("ik-craft-lsd")
        self._lang = lang
        lsd = guide.lsd
        self._exercises = {e.id: e for e in lsd.exercises}
        steps = "".join(
            f"<li><strong>{_e(s.name.get(lang))}</strong>: {_e(s.explanation.get(lang))}</li>" for s in lsd.steps
        )
        holds = "".join(f"<li>{_e(x.get(lang))}</li>" for x in lsd.good_summary)
        intro = (
            f"<p>{_e(lsd.intro.get(lang))}</p><ul>{steps}</ul>"
            f"<h3>{_e(t('craft.good_summary', lang))}</h3><ul>{holds}</ul>"
            f"<p class='ik-muted'>{dutch_html(lsd.source, lang)}</p>"
        )
        self.picker = widgets.Dropdown(
            options=[(e.title.get(lang), e.id) for e in lsd.exercises],
            description=t("craft.exercise", lang),
            style={"description_width": "initial"},
            layout=WIDE,
        )
        self.fragment = widgets.HTML()
        self.text = widgets.Textarea(placeholder=t("craft.summary.placeholder", lang), rows=4, layout=WIDE)
        self.text.add_class("ik-craft-summary")
        self.check = widgets.Button(description=t("craft.check", lang), button_style="primary")
        self.check.add_class("ik-craft-summary-check")
        self.feedback = widgets.HTML()
        self.feedback.add_class("ik-craft-summary-feedback")
        self.check.on_click(lambda _: self.submit())
        self.picker.observe(lambda _: self._show(), "value")
        self.children = (
            widgets.HTML(intro),
            self.picker,
            self.fragment,
            _label("craft.summary.label", lang),
            self.text,
            self.check,
            self.feedback,
        )
        self._show()

    @property
    def exercise(self) -> SummaryExercise:
        return self._exercises[self.picker.value]

    def _show(self) -> None:
        ex, lang = self.exercise, self._lang
        self.fragment.value = (
            f"<blockquote class='ik-case'><p><strong>{_e(t('craft.tells', lang, name=ex.inbrenger))}</strong></p>"
            f"<p>{_e(ex.fragment.get(lang))}</p></blockquote>"
        )
        self.text.value = ""
        self.feedback.value = ""

    def submit(self) -> None:
        ex, lang = self.exercise, self._lang
        try:
            result = check_summary(self.text.value, ex, lang)
        except CraftInputError as error:
            self.feedback.value = _refused(error, lang)
            return
        names = {k: t(f"craft.check.{k}", lang) for k in ("elements", "own_words", "short")}
        head = t("craft.summary.good" if result.passed else "craft.not_yet", lang)
        models = "".join(f"<p><em>{_e(m.get(lang))}</em></p>" for m in ex.model_summaries)
        self.feedback.value = findings_html(result.findings, names, lang, head) + (
            f"<div class='ik-craft-model'><h4>{_e(t('craft.model_summary', lang))}</h4>{models}"
            f"<h4>{_e(t('craft.follow_up', lang))}</h4><p><em>{_e(ex.follow_up.get(lang))}</em></p></div>"
        )


def _stages(guide: CraftGuide, lang: str) -> widgets.HTML:
    p = guide.phases
    rows = "".join(
        f"<tr><th scope='row'>{_e(s.name.get(lang))}</th><td>{_e(s.you_see.get(lang))}</td>"
        f"<td>{_e(s.you_do.get(lang))}</td></tr>"
        for s in p.stages
    )
    out = widgets.HTML(
        f"<p>{_e(p.intro.get(lang))}</p><div class='ik-table-wrap'><table class='ik-table'>"
        f"<thead><tr><th></th><th>{_e(t('craft.you_see', lang))}</th><th>{_e(t('craft.you_do', lang))}</th></tr>"
        f"</thead><tbody>{rows}</tbody></table></div><p class='ik-muted'>{dutch_html(p.source, lang)}</p>"
    )
    out.add_class("ik-craft-stages")
    return out


def _forms(guide: CraftGuide, lang: str) -> widgets.HTML:
    f = guide.forms
    cols = ("led_by", "goal", "hierarchy", "content_from")
    head = "".join(f"<th scope='col'>{_e(t(f'craft.col.{c}', lang))}</th>" for c in cols)
    rows = "".join(
        f"<tr data-form='{_e(form.id)}'><th scope='row'>{_e(form.name.get(lang))}</th>"
        + "".join(f"<td>{_e(getattr(form, c).get(lang))}</td>" for c in cols)
        + "</tr>"
        for form in f.forms
    )
    note = f"<p>{_e(f.note.get(lang))}</p>" if f.note is not None else ""
    out = widgets.HTML(
        f"<p>{_e(f.intro.get(lang))}</p><div class='ik-table-wrap'><table class='ik-table'><thead><tr>"
        f"<th scope='col'>{_e(t('craft.col.form', lang))}</th>{head}</tr></thead><tbody>{rows}</tbody></table></div>"
        f"{note}<p class='ik-muted'>{dutch_html(f.source, lang)}</p>"
    )
    out.add_class("ik-craft-forms")
    return out


class ScenesView(widgets.VBox):
    """Pick a difficult moment, choose an option, and see the feedback and the model interventions."""

    def __init__(self, scenes: tuple[Scene, ...], lang: str, scene_id: str | None = None, **kwargs: object):
        super().__init__(**kwargs)
        self.add_class("ik-craft-scenes")
        self._lang = lang
        self._scenes = {s.id: s for s in scenes}
        if not self._scenes:
            self.children = (notice("warn", t("craft.missing", lang)),)
            return
        ordered = sorted(scenes, key=lambda s: s.title.get(lang).lower())
        self.picker = widgets.Dropdown(
            options=[(s.title.get(lang), s.id) for s in ordered],
            value=scene_id if scene_id in self._scenes else ordered[0].id,
            description=t("craft.scene", lang),
            style={"description_width": "initial"},
            layout=WIDE,
        )
        self.picker.add_class("ik-craft-scene-picker")
        self.situation = widgets.HTML()
        self.options = widgets.RadioButtons(options=[], value=None, layout=widgets.Layout(width="auto"))
        self.options.add_class("ik-craft-options")
        self.feedback = widgets.HTML()
        self.feedback.add_class("ik-craft-scene-feedback")
        self.picker.observe(lambda _: self._show(), "value")
        self.options.observe(lambda change: self.choose(change["new"]), "value")
        self.children = (self.picker, self.situation, self.options, self.feedback)
        self._show()

    @property
    def scene(self) -> Scene:
        return self._scenes[self.picker.value]

    def _show(self) -> None:
        scene, lang = self.scene, self._lang
        when = f"<p class='ik-muted'>{_e(t('craft.when', lang))}: {_e(scene.when.get(lang))}</p>" if scene.when else ""
        self.situation.value = (
            f"<div class='ik-case'><h3>{_e(scene.title.get(lang))}</h3>{when}<p>{_e(scene.situation.get(lang))}</p>"
            f"<p><strong>{_e(scene.question.get(lang))}</strong> {_e(t('craft.choose', lang))}</p></div>"
        )
        self.options.options = [(o.text.get(lang), i) for i, o in enumerate(scene.options)]
        self.options.value = None
        self.feedback.value = ""  # after the options: a new list may select its first one on the way

    def choose(self, index: int | None) -> None:
        if index is None:
            return
        scene, lang = self.scene, self._lang
        option = scene.options[index]
        kind = {Fit.GOOD: "ok", Fit.PARTLY: "warn", Fit.POOR: "error"}[option.fit]
        lines = "".join(f"<li>{_e(i.get(lang))}</li>" for i in scene.interventions)
        self.feedback.value = (
            f"<div class='ik-notice ik-{kind}' role='status' data-fit='{option.fit.value}'>"
            f"<h3>{_e(t(f'craft.fit.{option.fit.value}', lang))}</h3><p>{_e(option.feedback.get(lang))}</p></div>"
            f"<div class='ik-craft-interventions'><h4>{_e(t('craft.interventions', lang))}</h4><ul>{lines}</ul>"
            f"<p><strong>{_e(t('craft.principle', lang))}:</strong> {_e(scene.principle.get(lang))}</p></div>"
            + _sources_html(scene.sources, lang)
        )
