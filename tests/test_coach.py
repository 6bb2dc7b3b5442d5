"""The vraagcoach judges turns by the kit's didactic line; test cases are the team's labelled turns."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from intervisie_kit.coach import _TOKEN, Dimension, Kind, Verdict, _sentences, classify, detect_lang, model
from intervisie_kit.coach.evaluation import FLAGS, read_labelled, score
from intervisie_kit.coach.fragments import ALLOWED, is_fragment
from intervisie_kit.coach.lexicon import LEXICONS, AnyWord, Cues, Lexicon
from intervisie_kit.coach.spelling import repair

DATA = Path(__file__).parent / "data"
DEV = read_labelled(DATA / "coach_dev.tsv")


# Turns the rules get wrong, kept visible: the test fails as soon as one of them is judged right. These are
# the sixth held-out set's misses, merged into the development set with the fragment rule (issue 13); the
# rules were not tuned on them in that round.
KNOWN_MISSES: frozenset[str] = frozenset(
    (
        "Kunt ge eens vertellen wat er juist gebeurd is in de refter?",
        "Ik had vroeger ook zo'n leerling. Wat toen hielp was hem een eigen plek achterin geven, "
        "dus dat zou ik ook doen.",
        "Hadden jullie die val niet gewoon kunnen voorkomen?",
        "Waarom denkt ge dat die huurder u niet meer vertrouwt?",
        "Waarom denk je dat Kevin niet kwam opdagen bij de reclassering? En hoe denkt zijn moeder daarover?",
        "welke opties heb je al overwogen",
        "Heb je het datalek al gemeld bij de privacy officer?",
        "Hebben we nog tijd voor een laatste vraag?",
        "Can I ask a follow-up question?",
        "I think you should have a one-on-one with the resident before his next shift.",
        "give me a sec to think before my next question",
        "Why would you share that with the whole team?",
        "What you need to do is get the contract terms in writing.",
        "the schools response was completly inadequate",
        "That's a shocking way for a university to treat a PhD student.",
        "What do you think of a sit-down with both team leaders together?",
        "what other routes have u considered",
        "what a terrible manager tbh",
        "Just to check: the grant application went out without your sign-off, did I get that right?",
        "Welke andere wegen heb je al overwogen voor de financiering?",
        "rijdt die chauffeur al lang bij jullie",
        "HEB JE HET AL AAN DE DOMINEE GEVRAAGD",
        "is t geen idee om de oogsthelpers per kist te betalen ipv per uur",
        "is uitstel van de premiere met 2 weken geen optie",
        "Kunnen we na deze vraag even pauzeren? Mijn batterij is bijna leeg.",
        "What do you think the pharmacist meant by 'not my problem'?",
        "what else could you try with the band before the tour",
        "Have you spoken to the vicar yet? And does the parish council know?",
        "how abt a trial month with the new courier?",
        "What you need to do is get everything in writing from the contractor.",
    )
)


def _dev_param(row):  # type: ignore[no-untyped-def]
    marks = [pytest.mark.xfail(strict=True, reason="known miss")] if row.text in KNOWN_MISSES else []
    return pytest.param(row, id=f"{row.lang}-{row.line}", marks=marks)


@pytest.mark.parametrize("row", [_dev_param(r) for r in DEV])
def test_development_set(row) -> None:  # type: ignore[no-untyped-def]
    verdict = classify(row.text, row.lang)
    assert verdict.kind == row.kind, f"{row.text!r}: {verdict.cues}"
    assert FLAGS & verdict.flags == FLAGS & row.flags


def test_development_set_covers_every_kind_in_both_languages() -> None:
    for lang, minimum in (("nl", 300), ("en", 150)):
        rows = [r for r in DEV if r.lang == lang]
        assert len(rows) >= minimum
        assert {r.kind for r in rows} == set(Kind)


def test_held_out_split_is_kept_apart() -> None:
    """The held-out split exists, is large enough to score, and shares no turn with the development set.

    Its score is printed by ``benchmarks/coach.py``, not asserted here: the rules are not tuned on it.
    Once scored, a held-out set is merged into the development set (see the README); until the fresh blind
    set written from ``docs/coach-labelling.md`` replaces it, the merged one is still in the file and this
    test says so instead of passing.
    """
    heldout = read_labelled(DATA / "coach_heldout.tsv")
    assert len([r for r in heldout if r.lang == "nl"]) >= 200 and len([r for r in heldout if r.lang == "en"]) >= 100
    shared = {r.text for r in heldout} & {r.text for r in DEV}
    if shared == {r.text for r in heldout}:
        pytest.skip("the held-out set has been merged into the development set; a fresh blind set is due")
    assert not shared


def test_every_labelled_flag_is_known() -> None:
    for row in [*DEV, *read_labelled(DATA / "coach_heldout.tsv")]:
        assert row.flags <= FLAGS, row
        assert "incomplete" not in row.flags or (row.kind is Kind.OTHER and row.flags == {"incomplete"}), row


def test_scores_on_the_development_set() -> None:
    s = score(DEV)
    assert s.accuracy >= 0.95
    assert s.recall(Kind.SUGGESTIVE) >= 0.9 and s.recall(Kind.ADVICE) >= 0.9


@pytest.mark.parametrize(
    ("text", "kind", "flags", "dimension"),
    [
        ("Wat maakt dat je twijfelt?", Kind.OPEN, set(), Dimension.MOTIVES),
        ("wta maakt dta je twijfelt", Kind.OPEN, set(), Dimension.MOTIVES),  # typos, no question mark
        ("Kun je daar meer over vertellen?", Kind.OPEN, set(), Dimension.FACTS),  # V1 invitation
        ("Vertel eens wat er gebeurde", Kind.OPEN, set(), Dimension.FACTS),
        ("Hoe voelde je je toen ze wegliep?", Kind.OPEN, set(), Dimension.FEELINGS),
        ("Waarom deed je dat?", Kind.OPEN, {"why"}, Dimension.MOTIVES),
        ("Hoe lang werk je daar al?", Kind.CLOSED, set(), None),
        ("Was je boos? Wat voelde je toen?", Kind.OPEN, {"stacked"}, Dimension.FEELINGS),
        ("Heb je er al eens aan gedacht om het te melden?", Kind.SUGGESTIVE, set(), None),
        ("Waarom zeg je niet gewoon nee?", Kind.SUGGESTIVE, {"why"}, None),
        ("Je wilde haar helpen, toch?", Kind.SUGGESTIVE, set(), None),
        ("Je moet gewoon nee zeggen.", Kind.ADVICE, set(), None),
        ("Hoe kun je dat nou laten gebeuren?", Kind.JUDGEMENT, set(), None),
        ("Wat een gedoe, zeg!", Kind.OTHER, set(), None),  # an exclamation that starts with "Wat"
        ("Wat dom van je!", Kind.JUDGEMENT, set(), None),
        ("Have you considered talking to your manager?", Kind.SUGGESTIVE, set(), None),
        ("Why did you do that?", Kind.OPEN, {"why"}, Dimension.MOTIVES),
        ("That sounds hard.", Kind.OTHER, set(), None),
    ],
)
def test_the_didactic_line(text: str, kind: Kind, flags: set[str], dimension: Dimension | None) -> None:
    v = classify(text)
    assert (v.kind, set(v.flags), v.dimension) == (kind, flags, dimension)


# The disputed cases of docs/coach-labelling.md ("The one rule"), as data: text, kind, flags.
ONE_RULE = [
    # why-questions: open + why, with a "Wat maakte dat ...?" reformulation
    ("Waarom heb je toen niets gezegd?", Kind.OPEN, {"why"}),
    ("Why did you stay quiet then?", Kind.OPEN, {"why"}),
    ("Waarom bel je haar niet gewoon?", Kind.SUGGESTIVE, {"why"}),
    # stacked: the kind of the most problematic part, flagged
    ("Wat voelde je en wat deed je daarna?", Kind.OPEN, {"stacked"}),
    ("Hoe ging het gesprek? En hoe reageerde zij?", Kind.OPEN, {"stacked"}),
    ("Was het maandag of dinsdag?", Kind.CLOSED, set()),  # either/or is one question
    # W-questions with a one-fact answer are closed; about experience, open
    ("Hoeveel uur werk je?", Kind.CLOSED, set()),
    ("Wanneer was dat?", Kind.CLOSED, set()),
    ("Hoe lang werk je daar al?", Kind.CLOSED, set()),
    ("Wie was erbij?", Kind.CLOSED, set()),
    ("When was that?", Kind.CLOSED, set()),
    ("Sinds wanneer is hij penningmeester?", Kind.CLOSED, set()),
    ("Sinds wanneer merk je dat het je zwaar valt?", Kind.OPEN, set()),
    ("Wanneer merkte je dat het je raakte?", Kind.OPEN, set()),
    ("When did you first notice it was getting to you?", Kind.OPEN, set()),
    ("Waar liep je tegenaan?", Kind.OPEN, set()),
    # invitations in yes/no form
    ("Kun je daar meer over vertellen?", Kind.OPEN, set()),
    ("Can you say more about that?", Kind.OPEN, set()),
    # "heb je er al eens aan gedacht": suggestive, everywhere
    ("Heb je er al eens aan gedacht om het met je leidinggevende te bespreken?", Kind.SUGGESTIVE, set()),
    ("Have you ever thought about discussing it with your manager?", Kind.SUGGESTIVE, set()),
    # fragments: other + incomplete (rules 1, 2, 3)
    ("wat", Kind.OTHER, {"incomplete"}),
    ("Wat maakte", Kind.OTHER, {"incomplete"}),
    ("hoe?", Kind.OTHER, {"incomplete"}),
    ("en?", Kind.OTHER, {"incomplete"}),
    ("Boos?", Kind.OTHER, {"incomplete"}),
    ("Wie?", Kind.OTHER, {"incomplete"}),
    ("what", Kind.OTHER, {"incomplete"}),
    ("werkdruk", Kind.OTHER, {"incomplete"}),
    ("leidinggevende", Kind.OTHER, {"incomplete"}),
    ("Wat maakte dat", Kind.OTHER, {"incomplete"}),
    ("Hoe kwam het dat", Kind.OTHER, {"incomplete"}),
    ("Hoe voelde je je toen de", Kind.OTHER, {"incomplete"}),
    ("Hoe reageerde je collega en", Kind.OTHER, {"incomplete"}),
    ("What made you", Kind.OTHER, {"incomplete"}),
    ("How did you feel when the", Kind.OTHER, {"incomplete"}),
    # not fragments: the allow-list, short reactions, short verdicts and advice, complete endings
    ("Hoezo?", Kind.OPEN, {"why"}),
    ("Waarom?", Kind.OPEN, {"why"}),
    ("En toen?", Kind.OPEN, set()),
    ("Zoals?", Kind.OPEN, set()),
    ("How so?", Kind.OPEN, {"why"}),
    ("Such as?", Kind.OPEN, set()),
    ("And then?", Kind.OPEN, set()),
    ("What happened?", Kind.OPEN, set()),
    ("Go on.", Kind.OPEN, set()),
    ("Oké.", Kind.OTHER, set()),
    ("ok thanks", Kind.OTHER, set()),
    ("Wow.", Kind.OTHER, set()),
    ("Pff, heftig.", Kind.OTHER, set()),
    ("Dom!", Kind.JUDGEMENT, set()),
    ("Goed zo!", Kind.JUDGEMENT, set()),
    ("Zeg nee!", Kind.ADVICE, set()),
    ("Ben je zelf ook lid van de OR?", Kind.CLOSED, set()),
    ("Waar ging het om?", Kind.OPEN, set()),
    ("Who did you talk to?", Kind.CLOSED, set()),
    ("Was je bang?", Kind.CLOSED, set()),
    ("Wat voelde je?", Kind.OPEN, set()),
]


@pytest.mark.parametrize(("text", "kind", "flags"), ONE_RULE, ids=[t for t, _, _ in ONE_RULE])
def test_the_one_rule(text: str, kind: Kind, flags: set[str]) -> None:
    v = classify(text)
    assert (v.kind, set(v.flags)) == (kind, flags), v.cues


def test_a_fragment_asks_to_finish_the_sentence_with_an_open_example() -> None:
    v = classify("Wat maakte")
    assert v.feedback.startswith("Dit is nog geen volledige vraag: maak de zin af, bijvoorbeeld")
    assert v.suggestion and v.suggestion in v.feedback and classify(v.suggestion).kind is Kind.OPEN
    assert classify("what", "en").feedback.startswith("This is not a complete question yet")
    for text in ("wat", "hoe?", "en?", "werkdruk", "What made you", "Wie?"):
        suggestion = classify(text).suggestion
        assert suggestion and classify(suggestion).kind is Kind.OPEN and not classify(suggestion).flags - {"why"}


def test_the_fragment_rule_on_its_own() -> None:
    assert is_fragment(["wat"], asks=False, reads_as_question=True)
    assert is_fragment(["werkdruk"], asks=True, reads_as_question=False)
    assert not is_fragment(["wow"], asks=False, reads_as_question=False)  # a reaction
    assert not is_fragment(["ok", "thanks"], asks=False, reads_as_question=False)
    assert is_fragment("hoe voel je je bij de".split(), asks=False, reads_as_question=True)
    assert not is_fragment("hoe voel je je bij de".split(), asks=False, reads_as_question=False)
    assert not is_fragment("ben je lid van de or".split(), asks=True, reads_as_question=True, lang="nl")
    assert is_fragment("did you report it and".split(), asks=False, reads_as_question=True, lang="en")
    for words in ALLOWED:
        assert not is_fragment(list(words), asks=True, reads_as_question=True)
        assert classify(" ".join(words) + "?").kind is Kind.OPEN, words


def test_every_kind_but_open_and_other_comes_with_an_open_suggestion() -> None:
    for text in ("Heb je al geprobeerd om nee te zeggen?", "Ik zou stoppen.", "Dat was dom.", "Was je boos?"):
        v = classify(text)
        assert v.suggestion and classify(v.suggestion).kind is Kind.OPEN, (text, v.suggestion)
    assert classify("Wat maakt dat je twijfelt?").suggestion is None


def test_why_question_gets_a_what_made_you_reformulation() -> None:
    assert classify("Waarom deed je dat?").suggestion == "Wat maakte dat je dat deed?"
    assert classify("Waarom vind je dat zo lastig?").suggestion == "Wat maakte dat je dat zo lastig vindt?"
    assert classify("Why did you agree?", "en").suggestion == "What made you agree?"


def test_feedback_is_in_the_language_of_the_turn() -> None:
    assert classify("Je moet stoppen.").feedback.startswith("Dit is een advies")
    assert classify("You should stop.").feedback.startswith("This is advice")
    assert detect_lang("Heb je daar al met haar over gesproken?") == "nl"
    assert detect_lang("Have you spoken to her about it?") == "en"


def test_a_100_kb_paste_returns_quickly() -> None:
    paste = ("Heb je er al aan gedacht om het gewoon te zeggen? Wat voelde je toen! " * 1500)[:100_000]
    start = time.perf_counter()
    classify(paste)
    assert time.perf_counter() - start < 0.5


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=2000))
def test_any_text_gives_a_valid_verdict(text: str) -> None:
    v = classify(text)
    assert isinstance(v, Verdict) and v.kind in Kind and v.lang in ("nl", "en")
    assert v.flags <= FLAGS
    assert "incomplete" not in v.flags or (v.kind is Kind.OTHER and v.flags == {"incomplete"})
    assert v.dimension is None or v.kind is Kind.OPEN
    assert isinstance(v.feedback, str) and v.feedback
    assert (v.suggestion is None) or v.kind is not Kind.OTHER or "incomplete" in v.flags


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(["wat", "heb je", "gewoon", "?", ",", "waarom", "niet", "toch", "je moet", "!"]), max_size=400
    )
)
def test_pathological_word_soup_stays_fast_and_valid(words: list[str]) -> None:
    start = time.perf_counter()
    v = classify(" ".join(words))
    assert v.kind in Kind and time.perf_counter() - start < 0.5


# --- the word model for turns without a cue -----------------------------------------------------------


def test_the_shipped_word_model_is_counted_from_the_current_development_set() -> None:
    """Adding labelled turns without `python -m intervisie_kit.coach.train` fails here."""
    shipped = model.MODEL_FILE.read_text(encoding="utf-8")
    assert shipped == model.dump(model.train([(row.lang, row.kind.value, row.text) for row in DEV]))


def test_the_model_only_decides_turns_the_rules_have_no_cue_for(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[list[str]] = []

    def sure_it_is_judgement(toks, lang, allowed):  # type: ignore[no-untyped-def]
        asked.append(toks)
        return "judgement", 1.0, lambda: ("stub",)

    monkeypatch.setattr(model, "predict", sure_it_is_judgement)
    assert classify("Heb je al geprobeerd om nee te zeggen?").kind is Kind.SUGGESTIVE  # a rule's cue
    assert classify("Wat voelde je toen?").kind is Kind.OPEN
    assert asked == []
    v = classify("Zij heeft haar jas aan de kapstok gehangen.")  # no cue in any rule: the rules' guess is other
    assert (v.kind, v.cues) == (Kind.JUDGEMENT, ("stub",)) and len(asked) == 1


def test_the_model_overrules_a_guess_only_when_it_is_very_sure(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(model, "predict", lambda toks, lang, allowed: ("advice", model.CONFIDENT - 0.01, lambda: ()))
    assert classify("Zij heeft haar jas aan de kapstok gehangen.").kind is Kind.OTHER


def test_a_question_never_becomes_advice_and_a_statement_never_closed() -> None:
    seen: dict[str, tuple[str, ...]] = {}

    def record(toks, lang, allowed):  # type: ignore[no-untyped-def]
        seen[" ".join(toks)] = tuple(allowed)
        return "other", 0.0, lambda: ()

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(model, "predict", record)
        classify("Komt de buurman vaker langs?")
        classify("Zij heeft haar jas aan de kapstok gehangen.")
    allowed = list(seen.values())
    assert "advice" not in allowed[0] and "closed" in allowed[0]
    assert "closed" not in allowed[1] and "advice" in allowed[1]


def test_the_model_is_the_same_in_every_process() -> None:
    """Features come in the turn's order, so sums and the words named as cues do not depend on hashing."""
    toks = model.tokens("Die baas van jou kan er echt helemaal niks van, toch?")
    assert model.features(toks)[:3] == ["die", "baas", "van"]
    assert len(model.features(toks)) == len(set(model.features(toks)))
    kind, sure, evidence = model.predict(toks, "nl", ("judgement", "other", "advice", "open"))
    assert kind in ("judgement", "other", "advice", "open") and 0.25 <= sure <= 1.0
    assert all(isinstance(w, str) and w for w in evidence())


def _tables(lex: Lexicon) -> dict[str, Cues | AnyWord]:
    """A lexicon's phrase tables: the ones that test the sentence's words before running their regexes."""
    return {name: table for name, table in vars(lex).items() if isinstance(table, (Cues, AnyWord))}


def test_the_phrase_tables_find_exactly_what_their_whole_pattern_finds() -> None:
    """The word and text tests in front of each group of alternatives (lexicon.Cues, lexicon.AnyWord) only
    skip work: on every sentence of both labelled sets, a table matches exactly when its whole pattern as one
    regex does."""
    rows = [*DEV, *read_labelled(DATA / "coach_heldout.tsv")]
    for lang, lex in LEXICONS.items():
        sentences = [
            words.replace(" ,", ",")
            for row in rows
            if row.lang == lang
            for words, _ in _sentences(repair(_TOKEN.findall(row.text.lower()), lang))
        ]
        tables = _tables(lex)
        assert len(tables) >= 10
        for name, table in tables.items():
            whole = re.compile(table.pattern)
            for s in sentences:
                assert bool(table.search(s)) == bool(whole.search(s)), (lang, name, s)


def _table_vocabulary() -> list[str]:
    words: set[str] = set()
    for lex in LEXICONS.values():
        for table in _tables(lex).values():
            words.update(re.findall(r"[a-zà-ÿ]+(?:['-][a-zà-ÿ]+)?", table.pattern.replace("\\b", " ")))
    return sorted(words)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_table_vocabulary()), min_size=1, max_size=14),
    st.lists(st.sampled_from([" ", " ", " ", ", ", "'", "-"]), min_size=13, max_size=13),
)
def test_the_phrase_tables_agree_with_their_whole_pattern_on_word_soup(words: list[str], joints: list[str]) -> None:
    s = "".join(w + j for w, j in zip(words, joints, strict=False)).strip(" ,'-") or words[0]
    for lex in LEXICONS.values():
        for table in _tables(lex).values():
            assert bool(table.search(s)) == bool(re.search(table.pattern, s)), (table.pattern[:60], s)


def test_words_the_dimension_tables_know_are_never_repaired_into_others() -> None:
    """The spelling repair leaves every word of every table alone ("steun" is not a slip of "steunt")."""
    assert classify("Welke steun zou je voor jezelf kunnen organiseren?").dimension is Dimension.ALTERNATIVES
    assert classify("What conclusions did you draw after that meeting?", "en").dimension is Dimension.THOUGHTS
