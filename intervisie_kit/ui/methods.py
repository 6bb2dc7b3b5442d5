"""The Methoden page: browse, search and filter the catalogue, read a method card, and step through the
worked example phase by phase, with "what would you ask now?" moments.

A trainer can send trainees straight to one method with ``03_methoden.ipynb?method=<id>``.
"""

from __future__ import annotations

import base64
import html

import ipywidgets as widgets
import traitlets

from .. import cards
from ..coach import MAX_QUESTION_CHARS, Verdict, classify
from ..content import Content
from ..content.models import Experience, Method, QuestionType, Text, WorkedExample
from ..i18n import minutes_text, pick, register, t
from ..pages import page_url
from ..selector import KIND_WORDS
from ..session import mistake_text
from .dutch_only import is_dutch_only, nl_html, only_dutch_note, text_html
from .limits import too_long
from .shell import PageState, notice, section
from .verdict import verdict_html, verdict_view

register({"methods.list": ("Kies een methode", "Choose a method"), "methods.search.label": ("Zoeken", "Search")})

__all__ = ["ExampleStepper", "all_cards", "catalogue", "filter_methods", "method_link"]

PAGE = "03_methoden.ipynb"


def filter_methods(
    content: Content,
    text: str = "",
    kind: QuestionType | None = None,
    experience: Experience | None = None,
    max_minutes: int | None = None,
    lang: str = "nl",
) -> list[Method]:
    """Methods matching a search text (name, summary, origin) and filters; name matches first, then by name."""
    needle = text.strip().lower()
    order = {Experience.NEW: 0, Experience.SOME: 1, Experience.EXPERIENCED: 2}
    found = []
    for method in content.methods.values():
        haystack = " ".join(
            [method.id, method.name.nl, method.name.en, method.summary.nl, method.summary.en or "", method.origin.nl]
        ).lower()
        if needle and needle not in haystack:
            continue
        if kind is not None and kind not in method.question_types:
            continue
        if experience is not None and order[method.experience] > order[experience]:
            continue
        if max_minutes is not None and method.total_minutes > max_minutes:
            continue
        found.append(method)

    def in_name(m: Method) -> bool:
        return needle in f"{m.id} {m.name.nl} {m.name.en}".lower()

    return sorted(found, key=lambda m: (not in_name(m), m.name.get(lang).lower()))


def catalogue(state: PageState) -> widgets.VBox:
    """Search and filters, the list of methods, and the chosen method with its worked example."""
    return section(state, lambda lang: _catalogue(state, lang))


def _catalogue(state: PageState, lang: str) -> widgets.VBox:
    content: Content = state.content
    search = widgets.Text(
        placeholder=t("methods.search", lang), description=t("methods.search.label", lang), continuous_update=True
    )
    search.add_class("ik-method-search")
    search.add_class("ik-skip-target")  # the skip link ("Naar de inhoud") lands here (a11y.js)
    kind = widgets.Dropdown(
        options=[(t("methods.any_question", lang), None)] + [(_kind(k, lang), k) for k in QuestionType],
        description=t("methods.question", lang),
        style={"description_width": "initial"},
    )
    kind.add_class("ik-filter-kind")
    level = widgets.Dropdown(
        options=[(t("methods.any_group", lang), None)] + [(t(f"level.{e.value}", lang), e) for e in Experience],
        description=t("methods.group", lang),
        style={"description_width": "initial"},
    )
    level.add_class("ik-filter-level")
    minutes = widgets.Dropdown(
        options=[(t("methods.any_time", lang), None)]
        + [(t("methods.max_minutes", lang, n=n), n) for n in (45, 60, 90, 120)],
        description=t("methods.time", lang),
        style={"description_width": "initial"},
    )
    minutes.add_class("ik-filter-time")
    # A list box needs a visible name (a screen reader otherwise says only "list box, 8 rows").
    listing = widgets.Select(
        rows=8,
        description=t("methods.list", lang),
        style={"description_width": "initial"},
        layout=widgets.Layout(width="100%"),
    )
    listing.add_class("ik-method-list")
    count = widgets.HTML()
    detail = widgets.VBox()
    detail.add_class("ik-method-detail")

    def refresh(_: object = None) -> None:
        found = filter_methods(content, search.value, kind.value, level.value, minutes.value, lang)
        current = listing.value
        listing.options = [(f"{m.name.get(lang)} ({minutes_text(m.total_minutes, lang)} min)", m.id) for m in found]
        ids = [m.id for m in found]
        if current in ids:
            listing.value = current
        count.value = f"<p>{html.escape(t('methods.count', lang, n=len(found), total=len(content.methods)))}</p>"

    def show(_: object = None) -> None:
        method = content.methods.get(listing.value) if listing.value else None
        detail.children = (method_view(method, content, lang),) if method else ()

    for w in (search, kind, level, minutes):
        w.observe(refresh, "value")
    listing.observe(show, "value")

    def remember(_: object = None) -> None:
        # The choice survives a language switch (which rebuilds this section) through the page state.
        if listing.value and state.params.get("method") != listing.value:
            state.params = {**state.params, "method": listing.value}

    listing.observe(remember, "value")
    refresh()

    def follow(_: object = None) -> None:
        wanted = state.params.get("method")
        if wanted in content.methods:
            if wanted not in [v for _, v in listing.options]:
                search.value, kind.value, level.value, minutes.value = "", None, None, None
            listing.value = wanted

    state.observe(follow, "params")
    follow()
    if not listing.value and state.params.get("method"):
        detail.children = (notice("warn", t("methods.unknown", lang, id=state.params["method"])),)

    filters = widgets.HBox([kind, level, minutes])
    filters.add_class("ik-filters")
    return widgets.VBox([search, filters, count, listing, detail])


def method_view(method: Method, content: Content, lang: str) -> widgets.VBox:
    """A method card, the trainer's direct link and downloads, and the worked example."""
    card = widgets.HTML(cards.card_html(method, lang))
    card.add_class("ik-card-view")
    link = method_link(method.id, lang)
    direct = widgets.HTML(
        '<p class="ik-method-links">'
        f"{html.escape(t('methods.direct_link', lang))}: "
        f'<a class="ik-direct-link" href="{html.escape(link)}">{html.escape(link)}</a></p>'
    )
    downloads = download_buttons([method], method.id, lang)
    parts: list[widgets.Widget] = [card, direct, downloads, _details(method, lang)]
    example = method.worked_example
    if example is not None and example.case in content.cases:
        parts.append(ExampleStepper(method, example, content, lang))
    return widgets.VBox(parts)


def method_link(method_id: str, lang: str) -> str:
    """The address that opens this page on one method (the trainer's link for a startdag)."""
    base = page_url(PAGE, lang)
    return f"{base}{'&' if '?' in base else '?'}method={method_id}"


def download_buttons(methods: list[Method], name: str, lang: str) -> widgets.HBox:
    """Buttons that make the printable cards (HTML, PDF) on request and offer them as downloads."""
    make_html = widgets.Button(description=t("methods.card_html", lang), icon="print")
    make_pdf = widgets.Button(description=t("methods.card_pdf", lang), icon="file-pdf-o")
    make_html.add_class("ik-make-html")
    make_pdf.add_class("ik-make-pdf")
    links = widgets.HTML()
    links.add_class("ik-downloads")

    def offer(kind: str) -> None:
        if kind == "pdf":
            data, mime = cards.cards_pdf(methods, lang), "application/pdf"
        else:
            data, mime = cards.cards_document(methods, lang).encode("utf-8"), "text/html"
        encoded = base64.b64encode(data).decode("ascii")
        filename = f"{name}.{kind}"
        links.value += (
            f'<a class="ik-download-{kind}" download="{html.escape(filename)}" '
            f'href="data:{mime};base64,{encoded}">{html.escape(t("methods.download", lang, file=filename))}</a> '
        )

    make_html.on_click(lambda _: offer("html"))
    make_pdf.on_click(lambda _: offer("pdf"))
    return widgets.HBox([make_html, make_pdf, links], layout=widgets.Layout(flex_flow="row wrap"))


def _details(method: Method, lang: str) -> widgets.Accordion:
    e = html.escape
    origin = f"<p>{e(method.origin.get(lang))}</p><ul>" + "".join(f"<li>{e(s)}</li>" for s in method.sources) + "</ul>"
    pitfalls = "<ul>" + "".join(f"<li>{e(p.get(lang))}</li>" for p in method.pitfalls) + "</ul>"
    prompts = "".join(
        f"<h4>{e(p.name.get(lang))}</h4><p>{e(p.description.get(lang))}</p>"
        f"<p class='ik-prompt'><strong>{e(t('methods.prompt', lang))}:</strong> {e(p.prompt.get(lang))}</p>"
        for p in method.phases
    )
    acc = widgets.Accordion(
        children=[widgets.HTML(prompts), widgets.HTML(pitfalls), widgets.HTML(origin)],
        titles=(t("methods.phases_prompts", lang), t("methods.pitfalls", lang), t("methods.origin", lang)),
    )
    acc.add_class("ik-method-more")
    return acc


class ExampleStepper(widgets.VBox):
    """Step through a worked example one phase at a time.

    In a phase with an "ask yourself" moment, the group's questions stay hidden until the trainee has
    written their own question (or chooses to look), so they practise before they compare.
    """

    index = traitlets.Int(0)

    def __init__(self, method: Method, example: WorkedExample, content: Content, lang: str, **kwargs: object):
        super().__init__(**kwargs)
        self.add_class("ik-stepper")
        self._method, self._example, self._lang = method, example, lang
        case = content.cases[example.case]
        self._case = case
        self._back = widgets.Button(description=t("stepper.back", lang), icon="arrow-left")
        self._next = widgets.Button(description=t("stepper.next", lang), icon="arrow-right", button_style="primary")
        self._back.add_class("ik-step-back")
        self._next.add_class("ik-step-next")
        self._title = widgets.HTML()
        self._title.add_class("ik-step-title")
        self._body = widgets.VBox()
        self._back.on_click(lambda _: self._go(-1))
        self._next.on_click(lambda _: self._go(+1))
        intro = widgets.HTML(
            f"<h2>{html.escape(t('stepper.heading', lang))}: {html.escape(case.title.get(lang))}</h2>"
            f"<p><strong>{html.escape(case.inbrenger.name)}</strong>, {html.escape(case.inbrenger.role.get(lang))}</p>"
            f"<blockquote>{_paragraphs(case.story.get(lang))}</blockquote>"
            f"<p><strong>{html.escape(t('stepper.question', lang))}:</strong> "
            f"{html.escape(case.question.get(lang))}</p>"
        )
        nav = widgets.HBox([self._back, self._next])
        nav.add_class("ik-step-nav")
        self.children = (intro, self._title, self._body, nav)
        self.observe(self._render, "index")
        self._render()

    @property
    def steps(self) -> int:
        return len(self._example.steps) + 1  # every phase, then the outcome

    def _go(self, delta: int) -> None:
        self.index = max(0, min(self.steps - 1, self.index + delta))

    def _render(self, _: object = None) -> None:
        lang = self._lang
        self._back.disabled = self.index == 0
        self._next.disabled = self.index == self.steps - 1
        if self.index == len(self._example.steps):
            outcome = self._example.outcome
            self._title.value = f"<h3>{html.escape(t('stepper.outcome', lang))}{only_dutch_note(lang, outcome)}</h3>"
            dutch = is_dutch_only(outcome, lang)
            self._body.children = (widgets.HTML(nl_html(_paragraphs(outcome.get(lang)), lang, dutch)),)
            return
        step = self._example.steps[self.index]
        phase = self._method.phase(step.phase)
        counter = t("stepper.counter", lang, n=self.index + 1, total=len(self._example.steps))
        self._title.value = (
            f"<h3>{html.escape(counter)}: {html.escape(phase.name.get(lang))} "
            f"<span class='ik-minutes'>({minutes_text(phase.minutes, lang)} min)</span>"
            f"{only_dutch_note(lang, *_step_texts(step))}</h3>"
            f"<p class='ik-allowed'>{html.escape(t('stepper.allowed', lang))}: "
            f"{html.escape(', '.join(pick(cards.CONTRIBUTION_WORDS[c], lang) for c in phase.allowed))}</p>"
        )
        parts: list[widgets.Widget] = []
        if step.inbrenger is not None:
            said = nl_html(_paragraphs(step.inbrenger.get(lang)), lang, is_dutch_only(step.inbrenger, lang), "span")
            parts.append(
                widgets.HTML(
                    f"<p class='ik-inbrenger'><strong>{html.escape(self._case.inbrenger.name)}:</strong> {said}</p>"
                )
            )
        turns = widgets.HTML("".join(_turn_html(turn, self._case.inbrenger.name, lang) for turn in step.turns))
        turns.add_class("ik-turns")
        if step.facilitator is not None:
            turns.value += (
                f"<p class='ik-facilitator'><strong>{html.escape(t('stepper.facilitator', lang))}:</strong> "
                f"{text_html(step.facilitator, lang)}</p>"
            )
        if step.ask_yourself is not None and step.turns:
            parts.append(AskYourself(step.ask_yourself, turns, lang))
        else:
            parts.append(turns)
        self._body.children = tuple(parts)
        # Marks which step the body shows, set after its children, so a page (or a test) can wait for it.
        self._body._dom_classes = ("ik-step-body", f"ik-step-{self.index + 1}")


def _step_texts(step) -> list[Text | None]:  # type: ignore[no-untyped-def]
    """Every content text one step of a worked example shows."""
    texts: list[Text | None] = [step.inbrenger, step.facilitator, step.ask_yourself]
    for turn in step.turns:
        texts += [turn.text, turn.answer, turn.intervention]
    return texts


class AskYourself(widgets.VBox):
    """ "Bedenk eerst zelf een vraag": the trainee types a question, the coach judges it (the shared verdict
    component), and only then the group's turns are revealed next to it."""

    def __init__(self, prompt: Text | str, turns: widgets.HTML, lang: str, **kwargs: object):
        super().__init__(**kwargs)
        self.add_class("ik-ask-yourself")
        self._turns, self._lang = turns, lang
        self.own = widgets.Textarea(
            placeholder=t("stepper.your_question", lang), rows=2, layout=widgets.Layout(width="100%")
        )
        self.own.add_class("ik-own-question")
        self.check = widgets.Button(description=t("stepper.check", lang), icon="check", button_style="primary")
        self.check.add_class("ik-own-check")
        self.reveal = widgets.Button(description=t("stepper.reveal", lang), icon="eye")
        self.reveal.add_class("ik-reveal")
        self.verdict = verdict_view(None, lang)
        self.box = widgets.VBox()
        self.check.on_click(lambda _: self.judge())
        self.reveal.on_click(lambda _: self.show())
        shown = text_html(prompt, lang) if isinstance(prompt, Text) else html.escape(prompt)
        ask = widgets.HTML(f"<div class='ik-notice ik-warn'><strong>{shown}</strong></div>")
        buttons = widgets.HBox([self.check, self.reveal], layout=widgets.Layout(flex_flow="row wrap"))
        self.children = (ask, self.own, buttons, self.verdict, self.box)

    def judge(self) -> Verdict | None:
        """The coach's verdict on what the trainee typed, shown above the group's turns."""
        text = self.own.value.strip()
        if not text:
            self.verdict.value = notice("warn", t("stepper.type_first", self._lang)).value
            return None
        warning = too_long(text, MAX_QUESTION_CHARS, self._lang)
        if warning:  # the box keeps the text
            self.verdict.value = warning
            return None
        verdict = classify(text)
        mine = (
            f"<p class='ik-mine'><strong>{html.escape(t('stepper.you_asked', self._lang))}:</strong> "
            f"{html.escape(text)}</p>"
        )
        self.verdict.value = mine + verdict_html(verdict, self._lang)
        return verdict

    def show(self) -> None:
        """Reveal the group's turns, judging the trainee's own question first if there is one."""
        if self.own.value.strip():
            self.judge()
        self.reveal.disabled = True
        self.box.children = (self._turns,)


def _turn_html(turn, inbrenger: str, lang: str) -> str:  # type: ignore[no-untyped-def]
    e = html.escape
    cls = "ik-turn ik-mistake" if turn.mistake else "ik-turn"
    out = f"<div class='{cls}'><p><strong>{e(turn.speaker)}:</strong> {text_html(turn.text, lang)}</p>"
    if turn.answer is not None:
        out += f"<p class='ik-answer'><strong>{e(inbrenger)}:</strong> {text_html(turn.answer, lang)}</p>"
    if turn.mistake is not None:
        label = mistake_text(turn.mistake, lang)  # the session page's and the coach's words
        out += f"<p class='ik-mistake-label'>⚠ {e(label)}</p>"
    if turn.intervention is not None:
        out += (
            f"<p class='ik-intervention'><strong>{e(t('stepper.facilitator', lang))}:</strong> "
            f"{text_html(turn.intervention, lang)}</p>"
        )
    return out + "</div>"


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{html.escape(p.strip())}</p>" for p in text.split("\n\n") if p.strip())


def _kind(kind: QuestionType, lang: str) -> str:
    return pick(KIND_WORDS[kind], lang).capitalize()


def all_cards(state: PageState) -> widgets.VBox:
    """The whole card set, to print: one page per method, as HTML or PDF."""

    def build(lang: str) -> widgets.Widget:
        methods = sorted(state.content.methods.values(), key=lambda m: m.name.get(lang).lower())
        heading = widgets.HTML(f"<h2>{html.escape(t('methods.all_cards', lang))}</h2>")
        return widgets.VBox([heading, download_buttons(methods, "methodekaarten", lang)])

    return section(state, build)
