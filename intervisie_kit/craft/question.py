"""Is this a good intervisievraag? Four criteria, each a named function with its own test table.

- **ik-vraag**: the inbrenger is in the question ("ik", "mijn", "hoe kan ik");
- **actueel**: live now or coming up; a question that only looks back at a finished story fails;
- **open**: the question coach (:func:`intervisie_kit.coach.classify`) hears an open question;
- **eigen aandeel**: about what the inbrenger can do, not how to get someone else to change.

The word lists of the question's own language apply (a Dutch page may get an English question); the
reasons and suggestions come in the page's language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..coach import classify, detect_lang
from ..terms import Criterion, TurnKind
from .common import Finding, accept, lang_of, say
from .common import words as _words

__all__ = [
    "CRITERIA",
    "MAX_QUESTION_CHARS",
    "QuestionCheck",
    "actueel",
    "check_intervisievraag",
    "eigen_aandeel",
    "ik_vraag",
    "open_vraag",
]

#: An intervisievraag is one or two sentences; a pasted page is not a question.
MAX_QUESTION_CHARS = 1_000

MESSAGES: dict[str, tuple[str, str]] = {
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
}


def _say(key: str, lang: str, **params: object) -> str:
    return say(MESSAGES, key, lang, **params)


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


def _rules(text: str, rules: str | None) -> str:
    """The language whose word lists apply: given, or the text's own (a Dutch page may get an English
    question); the messages stay in the page's language."""
    return lang_of(rules) if rules is not None else detect_lang(text)


_FIRST_PERSON = {
    "nl": {"ik", "mij", "me", "mijn", "m'n", "mezelf", "mijzelf", "ikzelf"},
    "en": {"i", "me", "my", "myself", "mine", "i'm", "i've", "i'd", "i'll"},
}
_WE = {"nl": {"we", "wij", "ons", "onze"}, "en": {"we", "us", "our", "ours"}}


def ik_vraag(text: str, lang: str = "nl", rules: str | None = None) -> Finding:
    """Is the inbrenger the subject? Any first-person word counts; "we" and "je" alone do not."""
    lang, rules = lang_of(lang), _rules(text, rules)
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
    lang, rules = lang_of(lang), _rules(text, rules)
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
    lang = lang_of(lang)
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
    lang, rules = lang_of(lang), _rules(text, rules)
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
    lang = lang_of(lang)
    text = accept(text, MAX_QUESTION_CHARS)
    rules = detect_lang(text)
    return QuestionCheck(text, lang, tuple(check(text, lang, rules) for check in CRITERIA))
