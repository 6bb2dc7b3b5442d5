"""Page 04 Vragen oefenen: ask the inbrenger of a case questions; the coach answers each one kindly.

The trainee types a question and presses Enter (or the button); leaving the field sends nothing, so a
half-typed question is never asked by accident. Directly under the field, newest first, appear the coach's
verdict (kind, why, a more open way to ask) and the inbrenger's answer, which opens up as the questions get
better. The conversation is a log of one widget per turn: the page template marks it as a polite live
region, so a screen reader reads each new turn (and only that one) and the browser scrolls it into view. A tally
follows the round; at the end the trainee sees what they never asked about and can download a summary.
Everything the trainee types is shown as text (escaped), never as markup.
"""

from __future__ import annotations

import base64
import html

import ipywidgets as widgets

from ..coach import MAX_QUESTION_CHARS
from ..content import Content
from ..i18n import t
from ..practice import DEFAULT_LIMIT, LIMITS, PracticeRound, Turn
from .journal_link import save_to_journal_button
from .limits import too_long
from .shell import PageState, notice, section, submit_on_enter
from .verdict import tally_html, verdict_html

__all__ = ["PracticeView", "didactic_line", "practice"]

LINE = {
    "nl": [
        ("open", "nodigt de inbrenger uit om in eigen woorden te verkennen: “Wat maakt dat …?”, “Hoe …?”, "
         "en ook “Kun je daar meer over vertellen?” of “Vertel eens …”."),
        ("closed", "ja/nee, dit-of-dat, of één kort feit: “Hoe lang werk je daar al?”, “Wie waren erbij?”."),
        ("suggestive", "een vraag waarin jouw eigen oplossing, mening of uitleg al zit: “Heb je er al aan gedacht "
         "om …?”, “Zou het niet helpen als …?”, “Waarom zeg je niet gewoon …?”, “…, toch?”."),
        ("advice", "een uitspraak die een oplossing geeft, ook een eigen ervaring als tip: “Je moet …”, "
         "“Ik zou …”, “Probeer eens …”."),
        ("judgement", "een oordeel over de inbrenger of anderen, ook als verwijtende vraag: “Dat had je nooit "
         "moeten …”, “Hoe kun je dat nou laten gebeuren?”."),
        ("other", "samenvattingen, reflecties, medeleven (“Wat vervelend voor je.”) en bedankjes."),
    ],
    "en": [
        ("open", "invites the inbrenger to explore in their own words: “What makes you …?”, “How …?”, and also "
         "“Can you tell me more about that?” or “Tell me about …”."),
        ("closed", "yes/no, either/or, or one short fact: “How long have you worked there?”, “Who was there?”."),
        ("suggestive", "a question that carries your own solution, opinion or reading: “Have you thought about …?”, "
         "“Wouldn't it help if …?”, “Why don't you just …?”, “…, right?”."),
        ("advice", "a statement that gives a solution, own experience offered as a tip included: “You should …”, "
         "“I would …”, “Try …”."),
        ("judgement", "an evaluation of the inbrenger or others, also as a reproachful question: “You should never "
         "have …”, “How could you let that happen?”."),
        ("other", "summaries, reflections, sympathy (“That sounds hard.”) and thanks."),
    ],
}  # fmt: skip


def didactic_line(lang: str) -> widgets.HTML:
    """The kit's didactic line, as the coach applies it."""
    rows = "".join(
        f"<li><strong>{html.escape(t(f'kind.{kind}', lang))}</strong>: {html.escape(text)}</li>"
        for kind, text in LINE["en" if lang == "en" else "nl"]
    )
    why = (
        "Een waarom-vraag blijft open, maar klinkt al snel als een verwijt; “Wat maakte dat …?” vraagt hetzelfde, "
        "vriendelijker. Een waarom-vraag en meerdere vragen tegelijk tellen als “open, met aandachtspunt”, niet als "
        "gewoon open. Een half zinnetje (“wat”, “Wat maakte”) is nog geen volledige vraag."
        if lang != "en"
        else "A why-question stays open but easily sounds like a reproach; “What made you …?” asks the same, more "
        "kindly. A why-question and several questions at once count as “open, with a point of attention”, not as "
        "plainly open. A fragment (“what”, “What made you”) is not a complete question yet."
    )
    out = widgets.HTML(
        f"<details class='ik-line'><summary>{html.escape(t('practice.line', lang))}</summary>"
        f"<ul>{rows}</ul><p>{html.escape(why)}</p></details>"
    )
    return out


def practice(state: PageState) -> widgets.VBox:
    return section(state, lambda lang: PracticeView(state.content, lang, state.params.get("case")))


class PracticeView(widgets.VBox):
    """Case, input, running tally and the conversation so far; ``round`` holds the domain state."""

    def __init__(self, content: Content, lang: str, case_id: str | None = None, **kwargs: object):
        super().__init__(**kwargs)
        self.add_class("ik-practice")
        self._lang = lang
        self._cases = {c.id: c for c in content.cases.values() if c.answers is not None}
        if not self._cases:
            self.children = (notice("warn", t("practice.nocases", lang)),)
            return
        first = case_id if case_id in self._cases else sorted(self._cases)[0]
        self.case = widgets.Dropdown(
            options=sorted(((c.title.get(lang), c.id) for c in self._cases.values()), key=lambda o: o[0].lower()),
            value=first,
            description=t("practice.case", lang),
            style={"description_width": "initial"},
            layout=widgets.Layout(width="100%", max_width="40em"),
        )
        self.limit = widgets.ToggleButtons(options=list(LIMITS), value=DEFAULT_LIMIT)
        self.new = widgets.Button(description=t("practice.new", lang), icon="refresh")
        self.story = widgets.HTML()
        self.input = widgets.Text(placeholder=t("practice.placeholder", lang), layout=widgets.Layout(width="100%"))
        self.input.add_class("ik-practice-input")
        self.ask = widgets.Button(description=t("practice.ask", lang), button_style="primary")
        self.ask.add_class("ik-practice-ask")
        self.tally = widgets.HTML()
        self.tally.add_class("ik-practice-tally")
        # Turns are appended (a new one only adds a view; inserting at the front would make the browser
        # rebuild, and a screen reader re-read, every turn) and shown in reverse: the newest on top.
        self.conversation = widgets.VBox(layout=widgets.Layout(flex_flow="column-reverse"))
        self.conversation.add_class("ik-practice-log")
        self.summary = widgets.HTML()
        self.summary.add_class("ik-practice-summary")
        self.save_box = widgets.VBox()
        self.too_long = widgets.HTML()
        self.too_long.add_class("ik-practice-too-long")
        limit_label = widgets.HTML(f"<span class='ik-label'>{html.escape(t('practice.limit', lang))}</span>")
        self.children = (
            didactic_line(lang),
            self.case,
            widgets.HBox([limit_label, self.limit, self.new], layout=widgets.Layout(flex_flow="row wrap")),
            self.story,
            widgets.HTML(f"<label class='ik-label'>{html.escape(t('practice.input', lang))}</label>"),
            widgets.HBox([self.input, self.ask], layout=widgets.Layout(width="100%")),
            self.too_long,
            self.tally,
            self.conversation,
            self.summary,
            self.save_box,
        )
        self.case.observe(lambda _: self.restart(), "value")
        self.limit.observe(lambda _: self.restart(), "value")
        self.new.on_click(lambda _: self.restart())
        submit_on_enter(self.input, self.submit)  # only Enter or the button asks; leaving the field does not
        self.ask.on_click(lambda _: self.submit(self.input.value))
        self.restart()

    def restart(self) -> None:
        case = self._cases[self.case.value]
        self.round = PracticeRound(case, limit=self.limit.value, lang=self._lang)
        name = html.escape(case.inbrenger.name)
        role = html.escape(case.inbrenger.role.get(self._lang)) if case.inbrenger.role else ""
        question_label = html.escape(t("practice.question", self._lang, name=case.inbrenger.name))
        story = "".join(f"<p>{html.escape(p)}</p>" for p in case.story.get(self._lang).split("\n\n") if p.strip())
        self.story.value = (
            f"<div class='ik-case'><h3>{html.escape(case.title.get(self._lang))}</h3>"
            f"<p class='ik-muted'>{name}{', ' + role if role else ''}</p>{story}"
            f"<p class='ik-case-question'><strong>{question_label}:</strong> "
            f"{html.escape(case.question.get(self._lang))}</p></div>"
        )
        self.input.disabled = self.ask.disabled = False
        self.conversation.children = ()
        self.summary.value = ""
        self.save_box.children = ()
        self._render()

    @property
    def conversation_html(self) -> str:
        """The conversation so far, newest turn first, as the page shows it."""
        return "".join(w.value for w in reversed(self.conversation.children))

    def submit(self, text: str) -> Turn | None:
        """Ask one question. Empty input and turns after the end of the round are ignored."""
        if not text.strip() or self.round.done:
            return None
        warning = too_long(text, MAX_QUESTION_CHARS, self._lang)
        self.too_long.value = warning or ""
        if warning:
            return None  # the field keeps the text
        turn = self.round.ask(text)
        self.input.value = ""
        # Shown newest first, directly under the field: the answer is visible without scrolling, also on a phone.
        # The log announces each new turn to screen readers (log.js gives it role=log), so the verdict inside
        # does not announce itself a second time.
        shown = widgets.HTML(self._turn_html(turn, len(self.round.turns)))
        shown.add_class("ik-turn-w")
        self.conversation.children = (*self.conversation.children, shown)
        self._render()
        if self.round.done:
            self.input.disabled = self.ask.disabled = True
            self.summary.value = self._summary_html()
            self.save_box.children = (save_to_journal_button(self._lang, self._journal_entry),)
        return turn

    def _turn_html(self, turn: Turn, n: int, live: bool = False) -> str:
        lang = self._lang
        name = html.escape(self.round.case.inbrenger.name)
        return (
            f"<div class='ik-turn' data-n='{n}'>"
            f"<p class='ik-asked'><strong>{n}. {html.escape(t('practice.you', lang))}:</strong> "
            f"{html.escape(turn.text)}</p>"
            f"{verdict_html(turn.verdict, lang, live=live)}"
            f"<p class='ik-reply' data-tone='{turn.reply.tone}'><strong>{name}:</strong> "
            f"{html.escape(turn.reply.text)}</p>"
            "</div>"
        )

    def _render(self) -> None:
        lang = self._lang
        left = t("practice.left", lang, left=self.round.remaining)
        state = t(f"practice.openness.{self.round.openness}", lang)
        mood = t("practice.openness", lang, name=self.round.case.inbrenger.name, state=state)
        self.tally.value = (
            f"<p><strong>{tally_html(self.round.tally(), lang)} · {html.escape(left)}</strong><br>"
            f"<span class='ik-openness' data-openness='{self.round.openness}'>{html.escape(mood)}</span></p>"
        )

    def _journal_entry(self) -> dict:  # type: ignore[type-arg]
        """The finished round as a private journal entry, with the figures the progress view charts."""
        from ..journal.progress import practice_figures

        case = self.round.case
        return {
            "template": "oefenronde",
            "context": "practice",
            "context_label": case.title.get(self._lang),
            "title": t("practice.entry_title", self._lang, case=case.title.get(self._lang)),
            "answers": {"summary": self.round.summary_markdown()},
            "figures": practice_figures(self.round.tally(), case.id),
        }

    def _summary_html(self) -> str:
        lang = self._lang
        missed = self.round.missed()
        items = (
            "<ul>" + "".join(f"<li>{html.escape(text)}</li>" for _, text in missed) + "</ul>"
            if missed
            else f"<p>{html.escape(t('practice.all_asked', lang))}</p>"
        )
        data = base64.b64encode(self.round.summary_markdown().encode()).decode()
        filename = f"oefenronde-{self.round.case.id}.md"
        return (
            f"<div class='ik-notice ik-ok'><h3>{html.escape(t('practice.done', lang))}</h3>"
            f"<h4>{html.escape(t('practice.missed', lang))}</h4>{items}"
            f"<p><a download='{filename}' href='data:text/markdown;base64,{data}'>"
            f"{html.escape(t('practice.download', lang))}</a></p>"
            f"<p class='ik-muted'>{html.escape(t('practice.keep', lang))}</p></div>"
        )
