"""The facilitator's craft (page 10): its content validates, and the question and summary checks behave.

Each criterion has its own small table; the content's own examples are a second table (every criterion's
good example passes it and its weak example fails it; every model summary passes its exercise).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from intervisie_kit import cli
from intervisie_kit.content import load
from intervisie_kit.content.craft import Fit, Scene
from intervisie_kit.craft import (
    MAX_QUESTION_CHARS,
    MAX_SUMMARY_CHARS,
    SUMMARY_MAX_WORDS,
    CraftInputError,
    actueel,
    check_intervisievraag,
    check_summary,
    eigen_aandeel,
    ik_vraag,
    open_vraag,
    summary_elements,
    summary_length,
    summary_own_words,
)
from intervisie_kit.terms import Criterion
from intervisie_kit.ui import content_overview, shell

from .content_fixtures import write_yaml

CONTENT = load(include_env=False, strict=False)
GUIDE = CONTENT.craft["het-vak"]
EXERCISE = {e.id: e for e in GUIDE.lsd.exercises}["nieuwe-teamleider"]

# The eight difficult moments the issue names, plus one the kit adds.
MOMENTS = {
    "veelprater",
    "stil-groepslid",
    "ja-maar",
    "geen-casus",
    "tranen",
    "vertrouwelijkheid-geschonden",
    "blijft-adviseren",
    "onderlinge-discussie",
}


# --- content -------------------------------------------------------------------------------------------------


def test_the_craft_content_loads_without_problems() -> None:
    assert load(include_env=False, strict=True).craft  # strict: any problem would raise
    assert set(GUIDE.question.criteria[i].id for i in range(4)) == set(Criterion)
    assert len(GUIDE.phases.stages) == 5 and GUIDE.phases.stages[0].id == "forming"
    assert {f.id for f in GUIDE.forms.forms} == {"intervisie", "supervisie", "coaching", "werkoverleg"}
    assert "Tuckman" in " ".join(GUIDE.sources)


def test_every_difficult_moment_of_the_issue_is_a_scene_in_both_languages() -> None:
    assert set(CONTENT.scenes) >= MOMENTS
    for scene in CONTENT.scenes.values():
        assert 3 <= len(scene.options) <= 4 and 2 <= len(scene.interventions) <= 3
        assert any(o.fit is Fit.GOOD for o in scene.options)
        texts = [scene.title, scene.situation, scene.question, scene.principle, *scene.interventions]
        texts += [x for o in scene.options for x in (o.text, o.feedback)]
        assert all(t.en for t in texts), f"{scene.id} lacks English"
        assert scene.sources


def test_a_scene_without_a_good_option_is_a_content_problem(tmp_path: Path) -> None:
    scene = CONTENT.scenes["tranen"].model_dump(mode="json")
    for option in scene["options"]:
        option["fit"] = "poor"
    scene["id"] = "zonder-goede-optie"
    write_yaml(tmp_path / "vak" / "momenten" / "zonder-goede-optie.yaml", scene)
    content = load([tmp_path], include_env=False, strict=False)
    assert "zonder-goede-optie" not in content.scenes
    [problem] = [p for p in content.problems if "zonder-goede-optie" in p.file]
    assert problem.code == "no_good_option" and "fit: good" in problem.format("nl")


def test_a_trainer_can_add_a_scene_of_their_own(tmp_path: Path) -> None:
    scene = CONTENT.scenes["geen-casus"].model_dump(mode="json")
    scene["id"] = "te-laat"
    scene["title"] = {"nl": "Iemand komt steeds te laat", "en": "Someone keeps arriving late"}
    write_yaml(tmp_path / "vak" / "momenten" / "te-laat.yaml", scene)
    content = load([tmp_path], include_env=False, strict=True)
    assert isinstance(content.scenes["te-laat"], Scene) and set(content.scenes) >= MOMENTS


def test_validate_reports_a_broken_scene_by_file_and_key(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    scene = CONTENT.scenes["tranen"].model_dump(mode="json")
    scene["id"] = "kapot"
    scene["options"] = scene["options"][:2]
    write_yaml(tmp_path / "vak" / "momenten" / "kapot.yaml", scene)
    assert cli.main(["validate", str(tmp_path), "--lang", "en"]) == 1
    out = capsys.readouterr().out
    assert "kapot.yaml" in out and "options" in out and "needs at least 3 item(s)" in out


def test_the_content_page_lists_the_craft_and_the_scenes() -> None:
    state = shell.PageState(lang="nl", content=CONTENT)
    text = content_overview.overview(state).children[0].children[-1].value
    text += content_overview.overview(state).children[0].children[-2].value
    assert "<code>tranen</code>" in text and "data/vak/momenten/tranen.yaml" in text
    assert "<code>het-vak</code>" in text and "Lastige momenten (vak/momenten/)" in text


def test_lsd_exercise_asking_more_elements_than_it_has_is_a_problem(tmp_path: Path) -> None:
    guide = GUIDE.model_dump(mode="json")
    guide["lsd"]["exercises"][0]["min_elements"] = 8
    write_yaml(tmp_path / "vak" / "het-vak.yaml", guide)
    content = load([tmp_path], include_env=False, strict=False)
    assert any(p.code == "min_elements" and p.path.startswith("lsd.exercises[0]") for p in content.problems)


# --- the four criteria, each with its table ------------------------------------------------------------------

IK_VRAAG = [
    ("nl", "Hoe kan ik mijn teamleider laten weten dat ik overbelast ben?", True),
    ("nl", "Wat maakt dat het mij zo raakt?", True),
    ("nl", "Hoe ga je om met een cliënt die steeds afzegt?", False),
    ("nl", "Wat moeten we doen met cliënten die niet komen opdagen?", False),
    ("en", "How do I deal with a client who keeps cancelling?", True),
    ("en", "How do you deal with a client who keeps cancelling?", False),
]


@pytest.mark.parametrize(("lang", "text", "passed"), IK_VRAAG)
def test_ik_vraag(lang: str, text: str, passed: bool) -> None:
    finding = ik_vraag(text, lang)
    assert finding.passed is passed and finding.id == Criterion.IK_VRAAG
    assert (finding.suggestion is None) is passed


ACTUEEL = [
    ("nl", "Hoe kan ik het volgende gesprek met deze ouders rustig voeren?", True),
    ("nl", "Hoe kan ik voorkomen dat het weer gaat zoals vorige week?", True),  # looks back to look ahead
    ("nl", "Waarom reageerde ik toen zo fel op die ouder?", False),
    ("nl", "Had ik dat gesprek anders moeten voeren?", False),
    ("nl", "Wat ging er mis in dat gesprek?", False),
    ("en", "How can I keep the next conversation with these parents calm?", True),
    ("en", "Why did I react so sharply back then?", False),
    ("en", "Should I have handled that conversation differently?", False),
]


@pytest.mark.parametrize(("lang", "text", "passed"), ACTUEEL)
def test_actueel(lang: str, text: str, passed: bool) -> None:
    finding = actueel(text, lang)
    assert finding.passed is passed and finding.id == Criterion.ACTUEEL
    if not passed:
        assert "Hoe kan ik" in finding.suggestion or "How can I" in finding.suggestion  # type: ignore[operator]


OPEN = [
    ("nl", "Hoe kan ik mijn collega aanspreken?", True),
    ("nl", "Wat kan ik doen om met meer rust te beginnen?", True),
    ("nl", "Moet ik stoppen met deze cliënt?", False),
    ("nl", "Zou het niet beter zijn als ik stop?", False),
    ("nl", "Ik weet niet wat ik moet doen.", False),
    ("en", "How can I raise it with my colleague?", True),
    ("en", "Should I stop working with this client?", False),
]


@pytest.mark.parametrize(("lang", "text", "passed"), OPEN)
def test_open_vraag(lang: str, text: str, passed: bool) -> None:
    finding = open_vraag(text, lang)
    assert finding.passed is passed and finding.id == Criterion.OPEN


def test_a_why_question_is_open_with_a_forward_looking_hint() -> None:
    finding = open_vraag("Waarom lukt het mij nooit om nee te zeggen?", "nl")
    assert finding.passed and "Hoe kan ik" in finding.reason


EIGEN_AANDEEL = [
    ("nl", "Hoe kan ik mijn collega aanspreken op zijn planning, zodat we het werk afkrijgen?", True),
    ("nl", "Hoe kan ik mijn aanpak veranderen?", True),  # one's own behaviour is fine
    ("nl", "Hoe kan ik ervoor zorgen dat ik op tijd stop?", True),
    ("nl", "Hoe zorg ik dat het gesprek rustig blijft?", True),  # an outcome, not a person to change
    ("nl", "Hoe kan ik het rooster veranderen?", True),
    ("nl", "Hoe kan ik ervoor zorgen dat de ouders op tijd komen?", False),
    ("nl", "Hoe krijg ik mijn collega zover dat hij zich aan de planning houdt?", False),
    ("nl", "Hoe zorg ik dat mijn team de nieuwe werkwijze volgt?", False),
    ("nl", "Hoe kan ik hem motiveren?", False),
    ("nl", "Waarom luistert mijn collega nooit naar me?", False),
    ("en", "How can I put my point so that my colleague hears it?", True),
    ("en", "How do I get my colleague to stick to the planning?", False),
    ("en", "How do I make sure the meeting ends on time?", True),
    ("en", "How can I change my approach?", True),
    ("en", "How can I motivate my team?", False),
    ("en", "How do I make sure my team follows the new way of working?", False),
]


@pytest.mark.parametrize(("lang", "text", "passed"), EIGEN_AANDEEL)
def test_eigen_aandeel(lang: str, text: str, passed: bool) -> None:
    finding = eigen_aandeel(text, lang)
    assert finding.passed is passed and finding.id == Criterion.EIGEN_AANDEEL


def test_a_question_about_someone_else_gets_a_zodat_suggestion_in_its_language() -> None:
    nl = eigen_aandeel("Hoe krijg ik mijn collega zover dat hij zich aan de planning houdt?", "nl")
    assert "'Wat kan ik doen, zodat hij zich aan de planning houdt?'" in nl.suggestion  # type: ignore[operator]
    en = eigen_aandeel("How do I get my colleague to stick to the planning?", "en")
    assert "so that my colleague will stick to the planning" in en.suggestion  # type: ignore[operator]
    assert "'how do I get my colleague'" in en.reason


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_content_examples_pass_and_fail_their_own_criterion(lang: str) -> None:
    checks = {Criterion.IK_VRAAG: ik_vraag, Criterion.ACTUEEL: actueel, Criterion.OPEN: open_vraag}
    checks[Criterion.EIGEN_AANDEEL] = eigen_aandeel
    for criterion in GUIDE.question.criteria:
        check = checks[criterion.id]
        assert check(criterion.good.get(lang), lang).passed, (criterion.id, criterion.good.get(lang))
        assert not check(criterion.weak.get(lang), lang).passed, (criterion.id, criterion.weak.get(lang))
    for example in GUIDE.question.examples:
        assert check_intervisievraag(example.better.get(lang), lang).passed, example.better.get(lang)
        assert not check_intervisievraag(example.weak.get(lang), lang).passed, example.weak.get(lang)


def test_check_intervisievraag_gives_all_four_in_order_and_in_the_language() -> None:
    check = check_intervisievraag("  Hoe krijg ik hem zover dat hij luistert?  ", "en")
    assert check.text == "Hoe krijg ik hem zover dat hij luistert?"
    assert [f.id for f in check.findings] == list(Criterion)
    good = check_intervisievraag("Hoe kan ik de volgende keer rustig blijven als een ouder boos wordt?", "nl")
    assert good.passed and all(f.suggestion is None for f in good.findings)
    assert good.finding("open").reason.startswith("Open")


def test_a_question_in_the_other_language_is_checked_by_its_own_rules() -> None:
    check = check_intervisievraag("How do I get my colleague to stick to the planning?", "nl")
    assert check.finding("ik_vraag").passed and not check.finding("eigen_aandeel").passed
    assert check.finding("eigen_aandeel").reason.startswith("De vraag gaat over een ander veranderen")
    assert "Bijvoorbeeld" not in check.finding("eigen_aandeel").suggestion  # type: ignore[operator]
    assert check_intervisievraag("Hoe kan ik de volgende keer rustig blijven?", "en").passed


# --- limits --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_empty_and_too_long_input_is_refused_with_a_message_in_the_language(lang: str) -> None:
    with pytest.raises(CraftInputError) as empty:
        check_intervisievraag("   ", lang)
    assert empty.value.message(lang) == ("Type a text first." if lang == "en" else "Typ eerst een tekst.")
    with pytest.raises(CraftInputError) as long:
        check_intervisievraag("Hoe kan ik " * 200, lang)
    assert str(MAX_QUESTION_CHARS) in long.value.message(lang)
    assert ("too long" if lang == "en" else "te lang") in long.value.message(lang)
    with pytest.raises(CraftInputError):
        check_summary("x" * (MAX_SUMMARY_CHARS + 1), EXERCISE, lang)
    check_intervisievraag("?" * MAX_QUESTION_CHARS, lang)  # exactly at the limit is fine


def test_hostile_text_is_checked_as_plain_text() -> None:
    check = check_intervisievraag("<script>alert('x')</script> Hoe krijg ik <b>hem</b> zover?", "nl")
    assert not check.finding("eigen_aandeel").passed  # the words still count; nothing is interpreted
    summary = check_summary("<img src=x onerror=alert(1)>", EXERCISE, "nl")
    assert not summary.passed


# --- the LSD summary -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_model_summary_passes_its_exercise(lang: str) -> None:
    for exercise in GUIDE.lsd.exercises:
        for model in exercise.model_summaries:
            check = check_summary(model.get(lang), exercise, lang)
            assert check.passed, (exercise.id, lang, [f.reason for f in check.findings if not f.passed])


ELEMENTS = [
    ("nl", "Je bent teamleider van je oud-collega's, ze maken grapjes en Ellen zei dat je veranderd bent.", 3),
    ("nl", "Je bent teamleider. Klopt dat?", 1),
    ("en", "You lead your former colleagues, they joke, and Ellen said you've changed.", 3),
]


@pytest.mark.parametrize(("lang", "text", "found"), ELEMENTS)
def test_summary_elements(lang: str, text: str, found: int) -> None:
    finding, ids = summary_elements(text, EXERCISE, lang)
    assert len(ids) == found and finding.passed is (found >= EXERCISE.min_elements)
    if not finding.passed:
        assert "Ellen" in finding.suggestion or "grapjes" in finding.suggestion  # type: ignore[operator]


OWN_WORDS = [
    ("nl", "Je bent sinds drie maanden teamleider van je oud-collega's. Je moet wel dingen gedaan krijgen.", True),
    ("nl", "Nu weet je niet goed hoe je verder moet. Klopt dat?", True),
    ("nl", "Je zou eens met Ellen moeten praten.", False),  # advice
    ("nl", "Dat had je niet zo persoonlijk moeten nemen.", False),  # judgement
    ("nl", "Dus je bent eigenlijk gewoon te aardig voor ze, toch?", False),  # own reading
    ("en", "When Ellen said you had changed, it kept going round your head. Is that right?", True),
    ("en", "You should just talk to Ellen.", False),
]


@pytest.mark.parametrize(("lang", "text", "passed"), OWN_WORDS)
def test_summary_own_words(lang: str, text: str, passed: bool) -> None:
    assert summary_own_words(text, EXERCISE, lang).passed is passed


def test_summary_length_has_a_named_limit_and_must_be_shorter_than_the_fragment() -> None:
    short, words = summary_length("Je bent teamleider en twijfelt.", EXERCISE, "nl")
    assert short.passed and words == 5
    retelling = EXERCISE.fragment.get("nl")
    long, words = summary_length(retelling, EXERCISE, "nl")
    assert not long.passed and words > min(SUMMARY_MAX_WORDS, words - 1)
    assert "woorden" in long.reason


def test_check_summary_names_what_was_missed() -> None:
    check = check_summary("Je zou eens met Ellen moeten praten.", EXERCISE, "nl")
    assert not check.passed
    assert [f.id for f in check.findings] == ["elements", "own_words", "short"]
    assert not check.finding("own_words").passed and "advies" in check.finding("own_words").reason
