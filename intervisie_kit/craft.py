"""The facilitator's craft, as checks: is this a good intervisievraag, and is this a good summary?

``check_intervisievraag(text, lang) -> QuestionCheck`` tests the question an inbrenger (the group member
who brings a case) wants to bring, on the four criteria of :class:`~intervisie_kit.terms.Criterion`:

- **ik-vraag**: the inbrenger is in the question ("ik", "mijn", "hoe kan ik");
- **actueel**: live now or coming up; a question that only looks back at a finished story fails;
- **open**: the question coach (:func:`intervisie_kit.coach.classify`) hears an open question;
- **eigen aandeel**: about what the inbrenger can do, not how to get someone else to change.

``check_summary(text, exercise, lang) -> SummaryCheck`` tests a trainee's summary of an LSD fragment:
does it pick up enough of the key elements (their word lists are in the content), does it stay in the
inbrenger's words without adding advice, a judgement or an interpretation, and is it short.

Both are rules, pure Python, no widgets; each check is a named function with its own test table. They
are heuristics a trainer can read and argue with, not a grammar: a question with no sign of the past
counts as current, for instance. Every reason and suggestion comes in the language asked for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .coach import classify, detect_lang
from .content.craft import SummaryExercise
from .terms import Criterion, TurnKind

__all__ = [
    "ANCHOR_SHARE",
    "MAX_QUESTION_CHARS",
    "MAX_SUMMARY_CHARS",
    "SUMMARY_MAX_WORDS",
    "CraftInputError",
    "Finding",
    "QuestionCheck",
    "SummaryCheck",
    "actueel",
    "check_intervisievraag",
    "check_summary",
    "eigen_aandeel",
    "ik_vraag",
    "open_vraag",
    "summary_elements",
    "summary_length",
    "summary_own_words",
]

#: An intervisievraag is one or two sentences; a pasted page is not a question.
MAX_QUESTION_CHARS = 1_000
#: A summary is a few sentences.
MAX_SUMMARY_CHARS = 1_000
#: A summary longer than this is a retelling; it must also be shorter than the fragment itself.
SUMMARY_MAX_WORDS = 60
#: A sentence the coach hears as advice, judgement or suggestive still counts as the inbrenger's own
#: words when at least this share of its content words come from the fragment ("je moet wel dingen
#: gedaan krijgen" mirrors "ik moet wel dingen gedaan krijgen").
ANCHOR_SHARE = 0.6

# (Dutch, English) message pairs; parameters in braces.
MESSAGES: dict[str, tuple[str, str]] = {
    "empty": ("Typ eerst een tekst.", "Type a text first."),
    "too_long": (
        "Dit is te lang ({got} tekens, hooguit {limit}). Maak het korter; je tekst staat er nog.",
        "This is too long ({got} characters, at most {limit}). Make it shorter; your text is still there.",
    ),
    "ik.pass": ("Je staat zelf in de vraag.", "You are in the question yourself."),
    "ik.we": (
        "De vraag gaat over 'we'; de groep kan jou helpen met jouw deel daarin.",
        "The question is about 'we'; the group can help you with your part in it.",
    ),
    "ik.general": (
        "Je staat zelf niet in de vraag; zo wordt het een algemene discussie.",
        "You are not in the question yourself; that makes it a general discussion.",
    ),
    "ik.try": (
        "Zet de vraag in de ik-vorm: 'Hoe kan ik ...?' of 'Hoe ga ik om met ...?'",
        "Put it in the first person: 'How can I ...?' or 'How do I deal with ...?'",
    ),
    "actueel.pass": ("De vraag gaat over nu of straks.", "The question is about now or what is coming."),
    "actueel.unknown": (
        "Geen teken dat het verhaal al is afgesloten; zorg dat de situatie nog speelt.",
        "No sign that the story is already closed; make sure the situation is still live.",
    ),
    "actueel.past": (
        "De vraag kijkt alleen terug ('{cue}'); een afgesloten verhaal kun je niet meer veranderen.",
        "The question only looks back ('{cue}'); a finished story can no longer be changed.",
    ),
    "actueel.try": (
        "Maak hem actueel: 'Hoe kan ik de volgende keer ...?' of 'Hoe ga ik nu verder met ...?'",
        "Make it current: 'How can I ... next time?' or 'How do I go on with ... now?'",
    ),
    "open.pass": ("Open: de vraag nodigt uit tot verkennen.", "Open: the question invites exploring."),
    "open.why": (
        "Open, al kijkt 'waarom' vaak terug; 'Hoe kan ik ...?' kijkt vooruit.",
        "Open, though 'why' often looks back; 'How can I ...?' looks ahead.",
    ),
    "open.closed": (
        "Een ja/nee- of keuzevraag: de groep kan dan alleen stemmen.",
        "A yes/no or either/or question: the group can only vote.",
    ),
    "open.suggestive": (
        "Het antwoord zit al in de vraag; de groep kan alleen nog ja zeggen.",
        "The answer is already in the question; the group can only say yes.",
    ),
    "open.judgement": (
        "De vraag klinkt als een oordeel, over jezelf of een ander.",
        "The question sounds like a judgement, of yourself or someone else.",
    ),
    "open.advice": ("Dit is een opdracht of advies, geen vraag.", "This is an instruction or advice, not a question."),
    "open.other": ("Dit is (nog) geen vraag.", "This is not a question (yet)."),
    "open.try": (
        "Begin met 'Hoe' of 'Wat': 'Hoe kan ik ...?' of 'Wat kan ik doen om ...?'",
        "Start with 'How' or 'What': 'How can I ...?' or 'What can I do to ...?'",
    ),
    "eigen.pass": (
        "De vraag gaat over wat jij kunt doen.",
        "The question is about what you can do.",
    ),
    "eigen.other": (
        "De vraag gaat over een ander veranderen ('{cue}'); je kunt alleen je eigen deel veranderen.",
        "The question is about changing someone else ('{cue}'); you can only change your own part.",
    ),
    "eigen.try": (
        "Vraag naar je eigen deel: 'Hoe kan ik ... zodat ...?' of 'Hoe ga ik ermee om als ...?'",
        "Ask about your own part: 'How can I ... so that ...?' or 'How do I deal with it when ...?'",
    ),
    "eigen.try_so": ("Bijvoorbeeld: 'Wat kan ik doen, zodat {goal}?'", "For example: 'What can I do so that {goal}?'"),
    "elements.pass": (
        "Je pakt {found} van de {total} kernpunten op.",
        "You pick up {found} of the {total} key points.",
    ),
    "elements.fail": (
        "Je pakt {found} van de {total} kernpunten op; er zijn er minstens {need} nodig.",
        "You pick up {found} of the {total} key points; at least {need} are needed.",
    ),
    "elements.try": ("Nog niet genoemd: {missing}.", "Not mentioned yet: {missing}."),
    "own.pass": (
        "Je blijft bij wat de inbrenger zei, zonder advies of oordeel.",
        "You stay with what the inbrenger said, without advice or judgement.",
    ),
    "own.fail": (
        "Hier voeg je iets toe ({kind}): '{part}'",
        "Here you add something ({kind}): '{part}'",
    ),
    "own.try": (
        "Laat je eigen uitleg, advies en oordeel weg; gebruik de woorden van de inbrenger en check: 'Klopt dat?'",
        "Leave out your own reading, advice and judgement; use the inbrenger's words and check: 'Is that right?'",
    ),
    "short.pass": ("Kort: {words} woorden.", "Short: {words} words."),
    "short.fail": (
        "Met {words} woorden is het een navertelling; hooguit {limit} woorden.",
        "At {words} words it is a retelling; at most {limit} words.",
    ),
    "short.try": (
        "Houd alleen de kern over, in twee of drie zinnen.",
        "Keep only the core, in two or three sentences.",
    ),
}

_KIND_WORDS: dict[TurnKind, tuple[str, str]] = {
    TurnKind.ADVICE: ("advies", "advice"),
    TurnKind.JUDGEMENT: ("oordeel", "judgement"),
    TurnKind.SUGGESTIVE: ("eigen uitleg", "your own reading"),
}


def _say(key: str, lang: str, **params: object) -> str:
    return MESSAGES[key][1 if lang == "en" else 0].format(**params)


class CraftInputError(ValueError):
    """Input the checks cannot take (empty, too long), with a message in Dutch and English."""

    def __init__(self, code: str, **params: object):
        self.code = code
        self.params = params
        super().__init__(self.message("nl"))

    def message(self, lang: str = "nl") -> str:
        return _say(self.code, lang, **self.params)


@dataclass(frozen=True, slots=True)
class Finding:
    """One check: passed or not, why, and (when it failed) how to do better."""

    id: str
    passed: bool
    reason: str
    suggestion: str | None = None


@dataclass(frozen=True, slots=True)
class QuestionCheck:
    text: str
    lang: str
    findings: tuple[Finding, ...]

    @property
    def passed(self) -> bool:
        return all(f.passed for f in self.findings)

    def finding(self, criterion: Criterion | str) -> Finding:
        for f in self.findings:
            if f.id == str(criterion):
                return f
        raise KeyError(criterion)


@dataclass(frozen=True, slots=True)
class SummaryCheck:
    text: str
    lang: str
    findings: tuple[Finding, ...]  # elements, own_words, short
    found: tuple[str, ...]  # ids of the elements picked up
    words: int

    @property
    def passed(self) -> bool:
        return all(f.passed for f in self.findings)

    def finding(self, check_id: str) -> Finding:
        for f in self.findings:
            if f.id == check_id:
                return f
        raise KeyError(check_id)


_WORD = re.compile(r"[a-zà-ÿ0-9]+(?:['’-][a-zà-ÿ0-9]+)*")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("’", "'"))


def _lang(lang: str) -> str:
    return "en" if lang == "en" else "nl"


def _rules(text: str, rules: str | None) -> str:
    """The language whose word lists apply: given, or the text's own (a Dutch page may get an English
    question); the messages stay in the page's language."""
    return _lang(rules) if rules is not None else detect_lang(text)


def _accept(text: object, limit: int) -> str:
    if not isinstance(text, str) or not text.strip():
        raise CraftInputError("empty")
    if len(text) > limit:
        raise CraftInputError("too_long", got=len(text), limit=limit)
    return text.strip()


# --- the intervisievraag ------------------------------------------------------------------------------------

_FIRST_PERSON = {
    "nl": {"ik", "mij", "me", "mijn", "m'n", "mezelf", "mijzelf", "ikzelf"},
    "en": {"i", "me", "my", "myself", "mine", "i'm", "i've", "i'd", "i'll"},
}
_WE = {"nl": {"we", "wij", "ons", "onze"}, "en": {"we", "us", "our", "ours"}}


def ik_vraag(text: str, lang: str = "nl", rules: str | None = None) -> Finding:
    """Is the inbrenger the subject? Any first-person word counts; "we" and "je" alone do not."""
    lang, rules = _lang(lang), _rules(text, rules)
    words = set(_words(text))
    if words & _FIRST_PERSON[rules]:
        return Finding(Criterion.IK_VRAAG, True, _say("ik.pass", lang))
    reason = "ik.we" if words & _WE[rules] else "ik.general"
    return Finding(Criterion.IK_VRAAG, False, _say(reason, lang), _say("ik.try", lang))


# Signs of a finished story: time words and past forms. Signs of now or later: present modals and time
# words. A question fails only with signs of the past and none of now, so "Hoe kan ik voorkomen dat het
# weer gaat zoals vorige week?" stays current.
_PAST = {
    "nl": {
        "toen", "destijds", "gisteren", "vroeger", "vorige", "vorig", "eergisteren", "was", "waren", "had",
        "hadden", "deed", "deden", "zei", "zeiden", "ging", "gingen", "kwam", "kwamen", "kon", "konden", "moest",
        "moesten", "wilde", "wilden", "wou", "werd", "werden", "liep", "liet", "dacht", "vond", "gebeurde",
    },
    "en": {
        "then", "yesterday", "ago", "last", "was", "were", "had", "did", "said", "went", "came", "could", "happened",
        "thought", "felt", "made", "got", "told",
    },
}  # fmt: skip
_NOW = {
    "nl": {
        "kan", "kun", "kunt", "wil", "wilt", "ga", "gaat", "moet", "mag", "zal", "zou", "blijf", "blijft", "nu",
        "voortaan", "straks", "binnenkort", "volgende", "komende", "morgen", "steeds", "telkens", "vaak", "altijd",
        "weer", "opnieuw", "word", "wordt", "ben", "houd", "hou", "krijg", "zorg", "merk",
    },
    "en": {
        "can", "will", "want", "do", "does", "am", "is", "are", "should", "now", "next", "going", "keep", "keeps",
        "always", "often", "again", "still", "tomorrow", "future", "deal", "handle",
    },
}  # fmt: skip
# Looking back with a modal: "had ik ... moeten", "should I have ...", "could I have ...".
_LOOKING_BACK = {
    "nl": re.compile(r"\b(?:had|hadden) (?:ik|we|je) (?:[\w'-]+ ){0,6}(?:moeten|kunnen|mogen)\b"),
    "en": re.compile(r"\b(?:should|could|would|might) (?:i |we )?(?:[\w'-]+ )?have\b|\bhave i\b"),
}
_PAST_SUFFIX = {"nl": ("de", "te", "den", "ten"), "en": ("ed",)}


def actueel(text: str, lang: str = "nl", rules: str | None = None) -> Finding:
    """Is the situation live now or coming up? Fails on a question that only looks back."""
    lang, rules = _lang(lang), _rules(text, rules)
    words = _words(text)
    joined = " ".join(words)
    back = _LOOKING_BACK[rules].search(joined)
    past = [w for w in words if w in _PAST[rules]]
    me = "ik" if rules == "nl" else "i"
    for i, w in enumerate(words):  # "reageerde ik", "ik reageerde", "I reacted"
        near_me = (i > 0 and words[i - 1] == me) or (i + 1 < len(words) and words[i + 1] == me)
        if near_me and len(w) >= 5 and w.endswith(_PAST_SUFFIX[rules]) and w not in _NOW[rules]:
            past.append(w)
    if back is not None:
        past.insert(0, back.group(0))
    now = [w for w in words if w in _NOW[rules]]
    if back is not None:  # "should I have", "had ik moeten": the modal looks back here
        now = [w for w in now if w not in ("should", "could", "would")]
    if past and not now:
        return Finding(Criterion.ACTUEEL, False, _say("actueel.past", lang, cue=past[0]), _say("actueel.try", lang))
    return Finding(Criterion.ACTUEEL, True, _say("actueel.pass" if now else "actueel.unknown", lang))


def open_vraag(text: str, lang: str = "nl", rules: str | None = None) -> Finding:
    """Open, as the question coach hears it; a "Hoe kan ik ...?" is open."""
    lang = _lang(lang)
    verdict = classify(text, _rules(text, rules))
    if verdict.kind is TurnKind.OPEN:
        return Finding(Criterion.OPEN, True, _say("open.why" if "why" in verdict.flags else "open.pass", lang))
    return Finding(Criterion.OPEN, False, _say(f"open.{verdict.kind.value}", lang), _say("open.try", lang))


# Someone else: a pronoun, or "mijn/de/het ..." with a word for people ("mijn team", "de ouders"), so that
# "Hoe zorg ik dat het gesprek rustig blijft?" or "Hoe kan ik mijn aanpak veranderen?" are not flagged.
_PEOPLE_NL = (
    r"(?:team|collega|medewerker|leidinggevende|manager|baas|teamleider|directeur|cli[eë]nt|ouder|leerling|"
    r"student|pati[eë]nt|klant|leden|groep|afdeling|partner|kind|bewoner|deelnemer|docent|jongere|gezin|"
    r"familie|mensen|iedereen)[\w'-]*"
)
_PEOPLE_EN = (
    r"(?:team|colleague|co-worker|staff|employee|manager|boss|leader|director|client|parent|pupil|student|"
    r"patient|customer|member|group|department|partner|child|kid|resident|participant|teacher|people|everyone)"
    r"[\w'-]*"
)
_OTHERS = rf"(?:hem|haar|ze|zij|hen|hun|iedereen|(?:mijn|m'n|onze|ons|de|het|die|deze) {_PEOPLE_NL})"
_SOMEONE_NL = rf"(?=(?:hij|zij|ze|hun|hen|men|iedereen|niemand|(?:mijn|m'n|onze|ons|de|het|die|deze) {_PEOPLE_NL})\b)"
_SOMEONE_EN = rf"(?=(?:he|she|they|everyone|nobody|(?:my|our|the|this|that|these|those) {_PEOPLE_EN})\b)"
_ME_NL = r"(?:ik|je|we)"
_W = r"[\w'-]+"
_CHANGE = r"(?:veranderen|overtuigen|motiveren|laten (?:inzien|stoppen|ophouden|veranderen|doen))"
_OTHER_DOES = r"(?:doet|doen|luistert|luisteren|komt|komen|snapt|snappen|wil|willen|houdt|houden)"
_HOW_EN = r"\bhow (?:do|can|could|should) (?:i|we)"
_CHANGE_OTHERS = {
    "nl": (
        re.compile(
            rf"\bhoe (?:krijg|kan|kun) {_ME_NL} (?:{_W} ){{1,4}}(?:zover|zo ver)\b(?: (?:krijgen )?dat (?P<goal>.+))?"
        ),
        re.compile(rf"\bhoe (?:zorg|zorgen) {_ME_NL} (?:er ?voor |ervoor )?dat {_SOMEONE_NL}(?P<goal>.+)"),
        re.compile(rf"\bhoe (?:kan|kun) {_ME_NL} (?:er ?voor |ervoor )zorgen dat {_SOMEONE_NL}(?P<goal>.+)"),
        re.compile(rf"\bhoe (?:kan|kun|moet) {_ME_NL} {_OTHERS} (?:{_W} ){{0,3}}{_CHANGE}\b"),
        re.compile(rf"\bhoe (?:verander|overtuig|motiveer) {_ME_NL}\b"),
        re.compile(rf"\bwaarom {_OTHER_DOES} (?:hij|zij|ze|mijn|m'n|de|het|die|onze|mensen)\b"),
    ),
    "en": (
        re.compile(rf"{_HOW_EN} get (?P<who>{_W}(?: {_W}){{0,2}}) to (?P<goal>.+)"),
        re.compile(rf"{_HOW_EN} (?:make sure|ensure) (?:that )?{_SOMEONE_EN}(?P<goal>.+)"),
        re.compile(
            rf"{_HOW_EN} (?:convince|persuade|motivate|change) (?:him|her|them|(?:(?:my|our|the) )?{_PEOPLE_EN})\b"
        ),
        re.compile(rf"{_HOW_EN} make (?:him|her|them) "),
        re.compile(r"\bwhy (?:does|do|won't|doesn't|don't|is|are|can't) (?:he|she|they|my|the|our|people)\b"),
    ),
}


def eigen_aandeel(text: str, lang: str = "nl", rules: str | None = None) -> Finding:
    """About the inbrenger's own part? Fails on questions aimed at getting someone else to change."""
    lang, rules = _lang(lang), _rules(text, rules)
    joined = " ".join(_words(text))
    for pattern in _CHANGE_OTHERS[rules]:
        match = pattern.search(joined)
        if match is None:
            continue
        cue = " ".join(match.group(0).split()[:6])
        goal = (match.groupdict().get("goal") or "").strip()
        who = match.groupdict().get("who")
        if rules == "en":
            cue = re.sub(r"\bi\b", "I", cue)
            goal = f"{who} will {goal}" if who and goal else goal
        suggestion = _say("eigen.try", lang)
        if goal and rules == lang:  # the example reuses the question's own words
            suggestion += " " + _say("eigen.try_so", lang, goal=goal)
        return Finding(Criterion.EIGEN_AANDEEL, False, _say("eigen.other", lang, cue=cue), suggestion)
    return Finding(Criterion.EIGEN_AANDEEL, True, _say("eigen.pass", lang))


CRITERIA = (ik_vraag, actueel, open_vraag, eigen_aandeel)


def check_intervisievraag(text: str, lang: str = "nl") -> QuestionCheck:
    """Check a question on the four criteria, by the rules of the question's own language, answering in
    ``lang``. Raises :class:`CraftInputError` when empty or too long."""
    lang = _lang(lang)
    text = _accept(text, MAX_QUESTION_CHARS)
    rules = detect_lang(text)
    return QuestionCheck(text, lang, tuple(check(text, lang, rules) for check in CRITERIA))


# --- the LSD summary -----------------------------------------------------------------------------------------


def _has_word(words: list[str], joined: str, key: str) -> bool:
    """A key word matches a word's beginning ("grap" finds "grapjes"); a phrase matches as words."""
    if " " in key:
        return re.search(rf"(?:^| ){re.escape(key)}", joined) is not None
    return any(w.startswith(key) for w in words)


def summary_elements(text: str, exercise: SummaryExercise, lang: str = "nl") -> tuple[Finding, tuple[str, ...]]:
    """Which of the fragment's key elements the summary picks up; enough when ``min_elements`` are."""
    lang = _lang(lang)
    words = _words(text)
    joined = " ".join(words)
    found = tuple(
        e.id for e in exercise.elements if any(_has_word(words, joined, k.lower()) for k in e.words.get(lang))
    )
    total, need = len(exercise.elements), exercise.min_elements
    if len(found) >= need:
        return Finding("elements", True, _say("elements.pass", lang, found=len(found), total=total)), found
    missing = ", ".join(e.label.get(lang) for e in exercise.elements if e.id not in found)
    reason = _say("elements.fail", lang, found=len(found), total=total, need=need)
    return Finding("elements", False, reason, _say("elements.try", lang, missing=missing)), found


def _stem(word: str) -> str:
    return word[:5]


def _anchored(sentence: str, fragment_stems: set[str]) -> bool:
    content = [w for w in _words(sentence) if len(w) >= 4]
    if not content:
        return False
    share = sum(_stem(w) in fragment_stems for w in content) / len(content)
    return share >= ANCHOR_SHARE


_SENTENCES = re.compile(r"[^.!?;]+[.!?;]*")


def summary_own_words(text: str, exercise: SummaryExercise, lang: str = "nl") -> Finding:
    """No advice, judgement or own interpretation added: each sentence the coach hears as one of those
    must mirror the fragment (most of its content words come from it)."""
    lang = _lang(lang)
    fragment_stems = {_stem(w) for w in _words(exercise.fragment.get(lang))}
    for part in (p.strip() for p in _SENTENCES.findall(text)):
        if not part:
            continue
        kind = classify(part, lang).kind
        if kind in _KIND_WORDS and not _anchored(part, fragment_stems):
            reason = _say("own.fail", lang, kind=_KIND_WORDS[kind][1 if lang == "en" else 0], part=part)
            return Finding("own_words", False, reason, _say("own.try", lang))
    return Finding("own_words", True, _say("own.pass", lang))


def summary_length(text: str, exercise: SummaryExercise, lang: str = "nl") -> tuple[Finding, int]:
    """Short: at most :data:`SUMMARY_MAX_WORDS` words, and fewer than the fragment itself."""
    lang = _lang(lang)
    words = len(_words(text))
    limit = min(SUMMARY_MAX_WORDS, len(_words(exercise.fragment.get(lang))) - 1)
    if words <= limit:
        return Finding("short", True, _say("short.pass", lang, words=words)), words
    return Finding("short", False, _say("short.fail", lang, words=words, limit=limit), _say("short.try", lang)), words


def check_summary(text: str, exercise: SummaryExercise, lang: str = "nl") -> SummaryCheck:
    """Check a summary of ``exercise``'s fragment. Raises :class:`CraftInputError` when empty or too long."""
    lang = _lang(lang)
    text = _accept(text, MAX_SUMMARY_CHARS)
    elements, found = summary_elements(text, exercise, lang)
    length, words = summary_length(text, exercise, lang)
    findings = (elements, summary_own_words(text, exercise, lang), length)
    return SummaryCheck(text, lang, findings, found, words)
