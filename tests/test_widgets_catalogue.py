"""Headless tests of the catalogue pages: Wat is intervisie (quiz), Methodekiezer and Methoden."""

from __future__ import annotations

import html
import io
import re

import ipywidgets as widgets
import pytest
from pypdf import PdfReader

from intervisie_kit import cards
from intervisie_kit.content import load
from intervisie_kit.content.models import Experience, Focus, QuestionType, Trust
from intervisie_kit.ui import chooser, methods, quiz, shell

from .test_widgets import find, html_of

CONTENT = load(include_env=False, strict=False)  # content validity: test_catalogue.py


@pytest.fixture
def state() -> shell.PageState:
    return shell.PageState(lang="nl", content=CONTENT)


def test_quiz_gives_feedback_and_a_score(state: shell.PageState) -> None:
    view = find(quiz.quiz(state, "wat-is-intervisie"), quiz.QuizView)[0]
    question = CONTENT.quizzes["wat-is-intervisie"].questions[0]
    right = next(i for i, o in enumerate(question.options) if o.correct)
    wrong = next(i for i, o in enumerate(question.options) if not o.correct)
    view.choices[0].value = wrong
    assert "Niet helemaal." in html_of(view)
    assert html.escape(question.options[wrong].feedback.nl) in html_of(view)
    view.choices[0].value = right
    assert "Goed." in html_of(view)
    assert "1 van de 1 beantwoorde vragen goed" in view.score.value
    state.lang = "en"
    assert "Check yourself" in html_of(find(quiz.quiz(state, "wat-is-intervisie"), quiz.QuizView)[0])


def test_chooser_follows_the_form(state: shell.PageState) -> None:
    form = find(chooser.chooser(state), chooser.ChooserForm)[0]
    form.size.value = 7
    form.experience.value = Experience.EXPERIENCED
    form.trust.value = Trust.HIGH
    form.kind.value = QuestionType.OTHER_PERSON
    form.focus.value = Focus.ONDERSTROOM
    form.emotional.value = True
    form.minutes.value = 90
    assert form.recommendation.ids()[0] == "balintmethode"
    shown = html_of(form.result)
    assert 'data-method="balintmethode" data-rank="1"' in shown
    assert "03_methoden.ipynb?method=balintmethode" in shown
    assert "biedt ruimte voor sterke gevoelens" in shown
    form.size.value = 3
    assert "balintmethode" not in form.recommendation.ids()
    assert "vraagt minstens 5 deelnemers; de groep heeft er 3" in html_of(form.result)


def test_chooser_shows_what_a_method_is_not_for_when_the_form_matches(state: shell.PageState) -> None:
    form = find(chooser.chooser(state), chooser.ChooserForm)[0]
    form.experience.value = Experience.NEW
    form.trust.value = Trust.LOW
    form.emotional.value = True
    form.vague.value = True
    form.online.value = True
    shown = html_of(form.result)
    flagged = [r.method for r in form.recommendation.ranked if "not_for" in [x.code for x in r.lower]]
    assert flagged, "some method is not for a new, low-trust group with a vague, emotional question"
    for method in flagged:  # on its card, or in the list of other methods with its caveats
        assert html.escape(method.not_for.nl) in shown, method.id
    form.emotional.value = form.vague.value = form.online.value = False
    form.experience.value, form.trust.value = Experience.SOME, Trust.MEDIUM
    for item in form.recommendation.ranked:
        assert "not_for" not in [x.code for x in item.lower], item.method.id


def test_chooser_groups_agree_with_their_reasons_and_hide_empty_sections(state: shell.PageState) -> None:
    form = find(chooser.chooser(state), chooser.ChooserForm)[0]
    form.size.value = 7
    form.experience.value = Experience.EXPERIENCED
    form.trust.value = Trust.HIGH
    form.kind.value = QuestionType.OTHER_PERSON
    form.focus.value = Focus.ONDERSTROOM
    form.emotional.value = True
    form.minutes.value = 75  # Balint takes 90: a little too long
    shown = html_of(form.result)
    assert "Past als je de rondes inkort" in shown
    assert re.search(r'data-method="balintmethode" data-rank="\d+" data-tier="shorten"', shown)
    ranks = re.findall(r'data-rank="(\d+)"', shown)
    assert ranks == [str(i) for i in range(1, len(ranks) + 1)]  # one numbering over the groups
    assert "Ingekort tot 75 min:" in shown
    assert "balintmethode" not in {r.method.id for r in form.recommendation.ruled_out}
    # Cards under "passen het best" have at most one reason to rank lower.
    best = find(form.result, widgets.HTML, "ik-choices")[0].value
    for card in best.split("<section")[1:]:
        assert card.count("class='ik-lower'") <= 1
    # No empty "(0)" sections: with a big group, plenty of time and every material, nothing is ruled out.
    form.minutes.value = 240
    form.preparation.value = True
    for box in form.materials.values():
        box.value = True
    titles = [title for w in find(form.result, widgets.Accordion) for title in w.titles]
    assert titles and not any("(0)" in title for title in titles)
    assert "Past als je de rondes inkort" not in html_of(form.result)


def test_chooser_with_only_caveats_says_so_and_opens_them(state: shell.PageState) -> None:
    form = find(chooser.chooser(state), chooser.ChooserForm)[0]
    form.size.value = 3
    form.experience.value = Experience.NEW
    form.trust.value = Trust.LOW
    form.emotional.value = form.vague.value = form.online.value = True
    form.minutes.value = 30
    assert form.recommendation.ranked and not find(form.result, widgets.HTML, "ik-choices")
    assert "Geen methode past zonder kanttekeningen" in html_of(form.result)
    more = find(form.result, widgets.Accordion)[0]
    assert more.selected_index == 0 and more.titles[0].startswith("Andere mogelijke methoden")


def test_methods_filter_and_search() -> None:
    everything = methods.filter_methods(CONTENT)
    assert len(everything) == len(CONTENT.methods)
    # A name match comes first; methods that only mention Balint in their text follow.
    assert methods.filter_methods(CONTENT, "balint")[0].id == "balintmethode"
    assert [m.id for m in methods.filter_methods(CONTENT, "Balint method", lang="en")] == ["balintmethode"]
    short = methods.filter_methods(CONTENT, max_minutes=60)
    assert short and all(m.total_minutes <= 60 for m in short)
    beginners = methods.filter_methods(CONTENT, experience=Experience.NEW)
    assert beginners and all(m.experience is Experience.NEW for m in beginners)
    success = methods.filter_methods(CONTENT, kind=QuestionType.SUCCESS)
    assert "waarderende-intervisie" in [m.id for m in success]


def test_deep_link_opens_one_method_and_its_example(state: shell.PageState) -> None:
    state.params = {"method": "incidentmethode"}
    page = methods.catalogue(state)
    listing = find(page, widgets.Select, "ik-method-list")[0]
    assert listing.value == "incidentmethode"
    assert 'data-method="incidentmethode"' in html_of(page)
    stepper = find(page, methods.ExampleStepper)[0]
    assert stepper.index == 0
    state.params = {"method": "balintmethode"}
    assert find(page, widgets.Select, "ik-method-list")[0].value == "balintmethode"


def test_stepper_walks_every_phase_to_the_outcome(state: shell.PageState) -> None:
    method = CONTENT.methods["incidentmethode"]
    stepper = methods.ExampleStepper(method, method.worked_example, CONTENT, "nl")
    back, nxt = stepper._back, stepper._next
    assert back.disabled and not nxt.disabled
    seen = []
    for _ in range(stepper.steps - 1):
        seen.append(stepper._title.value)
        nxt.click()
    assert nxt.disabled and "Wat het de inbrenger opleverde" in stepper._title.value
    for phase, title in zip(method.phases, seen, strict=True):
        assert phase.name.nl in title
    back.click()
    assert method.phases[-1].name.nl in stepper._title.value


def test_ask_yourself_hides_the_group_until_the_trainee_asks(state: shell.PageState) -> None:
    method = CONTENT.methods["incidentmethode"]
    stepper = methods.ExampleStepper(method, method.worked_example, CONTENT, "nl")
    index = next(i for i, s in enumerate(method.worked_example.steps) if s.ask_yourself and s.turns)
    stepper.index = index
    step = method.worked_example.steps[index]
    first_turn = step.turns[0].text.nl
    assert first_turn not in html_of(stepper)
    own = find(stepper, widgets.Textarea, "ik-own-question")[0]
    own.value = "Wat maakte het lastig voor je?"
    find(stepper, widgets.Button, "ik-reveal")[0].click()
    shown = html_of(stepper)
    assert first_turn in shown and "Wat maakte het lastig voor je?" in shown


def test_cards_html_and_pdf_hold_every_method() -> None:
    chosen = sorted(CONTENT.methods.values(), key=lambda m: m.id)
    document = cards.cards_document(chosen)
    assert document.count('class="ik-method-card"') == len(chosen)
    reader = PdfReader(io.BytesIO(cards.cards_pdf(chosen, "nl")))
    assert len(reader.pages) >= len(chosen)
    text = " ".join(page.extract_text() for page in reader.pages)
    for method in chosen:
        assert method.name.nl.split()[0] in text
    assert "Wie spreekt" in text


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_method_page_says_what_the_method_is_not_for(state: shell.PageState, lang: str) -> None:
    state.lang = lang
    state.params = {"method": "roddelmethode"}
    shown = html_of(methods.catalogue(state))
    method = CONTENT.methods["roddelmethode"]
    assert ("Niet geschikt voor" if lang == "nl" else "Not for") in shown
    assert html.escape(method.not_for.get(lang)) in shown


def test_printed_cards_say_what_the_method_is_not_for() -> None:
    method = CONTENT.methods["incidentmethode"]
    for lang in ("nl", "en"):
        document = cards.cards_document([method], lang)
        assert '<section class="ik-not-for">' in document
        assert html.escape(method.not_for.get(lang)) in document
        text = PdfReader(io.BytesIO(cards.cards_pdf([method], lang))).pages[0].extract_text()
        assert ("Niet geschikt voor" if lang == "nl" else "Not for") in text
        first_words = " ".join(method.not_for.get(lang).split()[:4])
        assert first_words in " ".join(text.split())
    hostile = method.model_copy(update={"not_for": method.not_for.model_copy(update={"nl": "<b>vet</b>"})})
    assert "<b>vet</b>" not in cards.card_html(hostile) and "&lt;b&gt;vet&lt;/b&gt;" in cards.card_html(hostile)


def test_card_escapes_content() -> None:
    method = CONTENT.methods["incidentmethode"]
    hostile = method.model_copy(update={"summary": method.summary.model_copy(update={"nl": "<script>x()</script>"})})
    assert "<script>" not in cards.card_html(hostile) and "&lt;script&gt;" in cards.card_html(hostile)
    pdf = PdfReader(io.BytesIO(cards.cards_pdf([hostile])))
    assert "<script>x()</script>" in pdf.pages[0].extract_text()


def test_download_buttons_offer_files_on_request() -> None:
    box = methods.download_buttons([CONTENT.methods["incidentmethode"]], "incidentmethode", "nl")
    assert "download=" not in html_of(box)
    find(box, widgets.Button, "ik-make-pdf")[0].click()
    assert 'download="incidentmethode.pdf"' in html_of(box)
