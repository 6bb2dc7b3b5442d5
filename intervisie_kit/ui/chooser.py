"""The Methodekiezer page: a short form on group, question and situation; the selectiewijzer's answer as
method cards with the reasons they fit or rank lower, the methods ruled out with why, and a link to
open each method on the Methoden page. Results follow every change in the form.

The answer comes in the selectiewijzer's groups: the methods that fit best; those that fit if the rounds
are shortened, with the shortened timing; other possible methods with their caveats; and those not
possible now. A group without methods is not shown.
"""

from __future__ import annotations

import html

import ipywidgets as widgets
import traitlets

from ..content import Content
from ..content.models import Experience, Focus, Material, QuestionType, Trust
from ..i18n import minutes_text, pick, register, t
from ..selector import (
    FOCUS_WORDS,
    KIND_WORDS,
    MATERIAL_WORDS,
    Group,
    Question,
    Ranked,
    Recommendation,
    Situation,
    Tier,
    recommend,
    shortened_phases,
)
from .methods import method_link
from .shell import PageState, section

__all__ = ["ChooserForm", "chooser"]

SHOWN = 5

register(
    {
        "chooser.shorten": ("Past als je de rondes inkort", "Fits if you shorten the rounds"),
        "chooser.shorten.timing": (
            "Ingekort tot {available} min: {phases}.",
            "Shortened to {available} min: {phases}.",
        ),
        "chooser.phase": ("{name} {old} → {new} min", "{name} {old} → {new} min"),
        "chooser.nobest": (
            "Geen methode past zonder kanttekeningen; kijk bij de andere mogelijke methoden.",
            "No method fits without caveats; see the other possible methods.",
        ),
    }
)


def chooser(state: PageState) -> widgets.VBox:
    return section(state, lambda lang: ChooserForm(state.content, lang))


class ChooserForm(widgets.VBox):
    """The form and its live result. ``recommendation`` always holds the answer for the current form."""

    recommendation = traitlets.Instance(Recommendation, allow_none=True)

    def __init__(self, content: Content, lang: str, **kwargs: object):
        super().__init__(**kwargs)
        self.add_class("ik-chooser")
        self._content, self._lang = content, lang
        wide = {"description_width": "initial"}
        self.size = widgets.BoundedIntText(value=6, min=2, max=20, description=t("chooser.size", lang), style=wide)
        self.experience = widgets.ToggleButtons(
            options=[(t(f"level.{e.value}", lang), e) for e in Experience], value=Experience.SOME
        )
        self.trust = widgets.ToggleButtons(
            options=[(t(f"trust.{x.value}", lang), x) for x in Trust], value=Trust.MEDIUM
        )
        self.facilitator = widgets.ToggleButtons(
            options=[(t(f"chooser.facilitator.{e.value}", lang), e) for e in Experience], value=Experience.NEW
        )
        self.kind = widgets.RadioButtons(
            options=[(pick(KIND_WORDS[k], lang).capitalize(), k) for k in QuestionType],
            value=QuestionType.OWN_BEHAVIOUR,
        )
        self.focus = widgets.ToggleButtons(
            options=[(t("chooser.focus.unknown", lang), None)]
            + [(pick(FOCUS_WORDS[f], lang).split(" (")[0], f) for f in Focus],
            value=None,
        )
        self.emotional = widgets.Checkbox(description=t("chooser.emotional", lang), indent=False)
        self.vague = widgets.Checkbox(description=t("chooser.vague", lang), indent=False)
        self.incident = widgets.Checkbox(description=t("chooser.incident", lang), indent=False)
        self.practise = widgets.Checkbox(description=t("chooser.practise", lang), indent=False)
        # The label above the slider is a separate HTML; the tooltip names the slider handle (a11y.js).
        self.minutes = widgets.IntSlider(
            value=60, min=30, max=240, step=15, tooltip=t("chooser.minutes", lang), layout=widgets.Layout(width="95%")
        )
        self.preparation = widgets.Checkbox(description=t("chooser.preparation", lang), indent=False)
        self.online = widgets.Checkbox(description=t("chooser.online", lang), indent=False)
        self.materials = {
            m: widgets.Checkbox(
                value=m in (Material.PAPER, Material.POST_ITS, Material.FLIPCHART),
                description=pick(MATERIAL_WORDS[m], lang),
                indent=False,
            )
            for m in Material
        }
        for name in (
            "size",
            "experience",
            "trust",
            "facilitator",
            "kind",
            "focus",
            "emotional",
            "vague",
            "incident",
            "practise",
            "minutes",
            "preparation",
            "online",
        ):
            getattr(self, name).add_class(f"ik-form-{name}")
        self.result = widgets.VBox()
        self.result.add_class("ik-chooser-result")

        def label(key: str) -> widgets.HTML:
            return widgets.HTML(f"<strong>{html.escape(t(key, lang))}</strong>")

        group = widgets.VBox(
            [
                widgets.HTML(f"<h2>{html.escape(t('chooser.group', lang))}</h2>"),
                self.size,
                label("chooser.experience"),
                self.experience,
                label("chooser.trust"),
                self.trust,
                label("chooser.facilitator"),
                self.facilitator,
            ]
        )
        question = widgets.VBox(
            [
                widgets.HTML(f"<h2>{html.escape(t('chooser.question', lang))}</h2>"),
                label("chooser.kind"),
                self.kind,
                label("chooser.focus"),
                self.focus,
                self.vague,
                self.emotional,
                self.incident,
                self.practise,
            ]
        )
        situation = widgets.VBox(
            [
                widgets.HTML(f"<h2>{html.escape(t('chooser.situation', lang))}</h2>"),
                label("chooser.minutes"),
                self.minutes,
                self.preparation,
                self.online,
                label("chooser.materials"),
                *self.materials.values(),
            ]
        )
        form = widgets.HBox([group, question, situation], layout=widgets.Layout(flex_flow="row wrap"))
        form.add_class("ik-chooser-form")
        for w in (
            self.size,
            self.experience,
            self.trust,
            self.facilitator,
            self.kind,
            self.focus,
            self.emotional,
            self.vague,
            self.incident,
            self.practise,
            self.minutes,
            self.preparation,
            self.online,
            *self.materials.values(),
        ):
            w.observe(self._update, "value")
        self.children = (form, self.result)
        self._update()

    def answers(self) -> tuple[Group, Question, Situation]:
        group = Group(self.size.value, self.experience.value, self.trust.value, self.facilitator.value)
        question = Question(
            self.kind.value,
            self.focus.value,
            self.emotional.value,
            self.vague.value,
            self.incident.value,
            self.practise.value,
        )
        at_hand = frozenset(m for m, box in self.materials.items() if box.value)
        situation = Situation(self.minutes.value, self.preparation.value, self.online.value, at_hand)
        return group, question, situation

    def _update(self, _: object = None) -> None:
        self.recommendation = recommend(self._content.methods.values(), *self.answers())
        self.result.children = _result(self.recommendation, self._lang)


def _result(rec: Recommendation, lang: str) -> tuple[widgets.Widget, ...]:
    e = html.escape
    best, shorten, caveats = rec.tier(Tier.BEST), rec.tier(Tier.SHORTEN), rec.tier(Tier.CAVEATS)
    out: list[widgets.Widget] = []
    if not rec.ranked:
        out.append(widgets.HTML(f"<h2>{e(t('chooser.none', lang))}</h2>"))
    elif best:
        out.append(widgets.HTML(f"<h2>{e(t('chooser.best', lang))}</h2>"))
        out.append(_cards(best[:SHOWN], lang, "ik-choices"))
    elif not shorten:
        out.append(widgets.HTML(f"<h2>{e(t('chooser.nobest', lang))}</h2>"))
    if shorten:
        out.append(widgets.HTML(f"<h2 class='ik-shorten-head'>{e(t('chooser.shorten', lang))}</h2>"))
        # Numbered on from the best, so every card's rank is its place in the whole answer.
        first = len(best[:SHOWN]) + 1
        out.append(_cards(shorten, lang, "ik-choices-shorten", minutes=rec.minutes, first=first))
    others = [*best[SHOWN:], *caveats]
    parts: list[tuple[str, widgets.Widget]] = []
    if others:
        rows = "".join(_other(r, lang) for r in others)
        parts.append((t("chooser.others", lang, n=len(others)), widgets.HTML(f"<ul class='ik-others'>{rows}</ul>")))
    if rec.ruled_out:
        rows = "".join(
            f"<li><strong>{e(r.method.name.get(lang))}</strong>: {e('; '.join(x.text(lang) for x in r.reasons))}</li>"
            for r in rec.ruled_out
        )
        parts.append(
            (t("chooser.ruled_out", lang, n=len(rec.ruled_out)), widgets.HTML(f"<ul class='ik-ruled-out'>{rows}</ul>"))
        )
    if parts:
        more = widgets.Accordion(children=[w for _, w in parts], titles=tuple(title for title, _ in parts))
        more.add_class("ik-chooser-more")
        if others and not best and not shorten:
            more.selected_index = 0  # only methods with caveats: show them at once
        out.append(more)
    return tuple(out)


def _cards(
    items: tuple[Ranked, ...], lang: str, cls: str, *, minutes: int | None = None, first: int = 1
) -> widgets.HTML:
    e = html.escape
    cards = []
    for rank, item in enumerate(items, start=first):
        fits = "".join(f"<li class='ik-fit'>✓ {e(r.text(lang))}</li>" for r in item.fits)
        lower = "".join(f"<li class='ik-lower'>− {e(r.text(lang))}</li>" for r in item.lower)
        link = method_link(item.method.id, lang)
        length = t("chooser.min", lang, n=minutes_text(item.method.total_minutes, lang))
        timing = ""
        if minutes is not None:
            phases = ", ".join(
                t("chooser.phase", lang, name=phase.name.get(lang), old=minutes_text(phase.minutes, lang), new=new)
                for phase, new in shortened_phases(item.method, minutes)
                if new != phase.minutes
            )
            timing = (
                f"<p class='ik-shortened'>{e(t('chooser.shorten.timing', lang, available=minutes, phases=phases))}</p>"
            )
        cards.append(
            f'<section class="ik-card ik-choice" data-method="{e(item.method.id)}" data-rank="{rank}" '
            f'data-tier="{item.tier.value}">'
            f"<h3>{rank}. {e(item.method.name.get(lang))} "
            f"<span class='ik-minutes'>({e(length)})</span></h3>"
            f"<p>{e(item.method.summary.get(lang))}</p>{timing}<ul>{fits}{lower}</ul>"
            f'<a class="ik-open" href="{e(link)}">{e(t("chooser.open", lang))} →</a></section>'
        )
    grid = widgets.HTML(f'<div class="ik-cards">{"".join(cards)}</div>')
    grid.add_class(cls)
    return grid


def _other(item: Ranked, lang: str) -> str:
    e = html.escape
    lower = "; ".join(r.text(lang) for r in item.lower)
    note = f": − {e(lower)}" if lower else ""
    return f"<li data-method='{e(item.method.id)}'><strong>{e(item.method.name.get(lang))}</strong>{note}</li>"
