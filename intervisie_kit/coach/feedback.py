"""Kind feedback and an open reformulation for a verdict, in the language of the turn.

The tone is a trainer's at a startdag: say what the turn does to the inbrenger, assume good intent,
and offer a way to ask it openly. Reformulations keep the asker's own words where a rule can do that
safely (a why-question becomes "Wat maakte dat ...?"); otherwise they offer an open question in the
same direction (feelings, thoughts, motives, alternatives or facts).
"""

from __future__ import annotations

import re

from ..terms import TurnKind
from .fragments import example

__all__ = ["explain", "explain_fragment"]

FEEDBACK: dict[str, tuple[str, str]] = {
    "open": (
        "Een open vraag: de inbrenger kan in eigen woorden verder verkennen.",
        "An open question: the inbrenger can explore further in their own words.",
    ),
    "closed": (
        "Een gesloten vraag: het antwoord is ja, nee of één feit. Soms nodig, maar het opent weinig. "
        "Nodig de inbrenger uit om meer te vertellen.",
        "A closed question: the answer is yes, no or one fact. Sometimes needed, but it opens little. "
        "Invite the inbrenger to tell more.",
    ),
    "suggestive": (
        "In deze vraag zit al jouw eigen idee ({cue}). Goed bedoeld, maar de inbrenger gaat dan reageren op "
        "jouw oplossing of uitleg in plaats van zelf te zoeken. Vraag naar wat de inbrenger zelf ziet.",
        "This question already carries your own idea ({cue}). Well meant, but the inbrenger will react to your "
        "solution or reading instead of searching themselves. Ask what the inbrenger sees.",
    ),
    "advice": (
        "Dit is een advies ({cue}). In de vraagronde geven we nog geen oplossingen: de inbrenger leert meer "
        "van een vraag die helpt zelf mogelijkheden te vinden. Bewaar je idee voor een adviesronde.",
        "This is advice ({cue}). In the question round we give no solutions yet: the inbrenger learns more from "
        "a question that helps them find options. Keep your idea for an advice round.",
    ),
    "judgement": (
        "Hier klinkt een oordeel in door ({cue}). Een oordeel maakt dat de inbrenger zich gaat verdedigen of "
        "dichtklapt. Blijf nieuwsgierig naar wat er gebeurde en wat het met de inbrenger deed.",
        "There is a judgement in this ({cue}). A judgement makes the inbrenger defend themselves or close up. "
        "Stay curious about what happened and what it did to them.",
    ),
    "other": (
        "Geen vraag: een samenvatting, reactie of blijk van medeleven. Dat mag, zolang de inbrenger daarna "
        "weer de ruimte krijgt.",
        "Not a question: a summary, response or sign of sympathy. That is fine, as long as the inbrenger gets "
        "the floor again afterwards.",
    ),
    "why": (
        "Tip: 'waarom' kan als een verwijt klinken en roept vaak een verdediging op. 'Wat maakte dat ...?' "
        "vraagt hetzelfde, vriendelijker.",
        "Tip: 'why' can sound like a reproach and often invites a defence. 'What made you ...?' asks the same, "
        "more kindly.",
    ),
    "incomplete": (
        "Dit is nog geen volledige vraag: maak de zin af, bijvoorbeeld '{example}'",
        "This is not a complete question yet: finish the sentence, for example '{example}'",
    ),
    "stacked": (
        "Je stelt meerdere vragen tegelijk; de inbrenger kiest er dan één. Stel één vraag en wacht het antwoord af.",
        "You ask several questions at once; the inbrenger will pick one. Ask one question and wait for the answer.",
    ),
}

# Open questions in each direction, used when the asker's words cannot be kept safely.
OPEN_BY_DIRECTION: dict[str, tuple[str, str]] = {
    "feelings": ("Wat voelde je op dat moment?", "What did you feel at that moment?"),
    "thoughts": ("Wat ging er op dat moment door je heen?", "What went through your mind at that moment?"),
    "motives": ("Wat is voor jou belangrijk in deze situatie?", "What matters most to you in this situation?"),
    "alternatives": ("Welke mogelijkheden zie je zelf?", "Which options do you see yourself?"),
    "why": ("Wat maakte dat?", "What made you do that?"),
    "facts": ("Kun je vertellen wat er precies gebeurde?", "Can you tell what exactly happened?"),
    "helps": ("Wat zou jou helpen?", "What would help you?"),
    "tried": ("Wat heb je tot nu toe zelf geprobeerd?", "What have you tried so far yourself?"),
    "view": ("Hoe kijk je daar zelf naar?", "How do you see that yourself?"),
    "reading": ("Wat denk je zelf dat daar speelt?", "What do you think is going on there?"),
    "holds_back": ("Wat houdt je tegen?", "What holds you back?"),
    "look_back": ("Hoe kijk je daar nu zelf op terug?", "How do you look back on it now?"),
    "other_person": ("Wat doet het gedrag van die ander met jou?", "What does the other person's behaviour do to you?"),
}

_FEELING = re.compile(
    r"\b(?:boos|bang|verdrietig|gefrustreerd|teleurgesteld|gekwetst|onzeker|zenuwachtig|blij|moe|voel\w*|"
    r"geraakt|angry|afraid|scared|sad|upset|frustrated|hurt|nervous|anxious|happy|tired|feel\w*)\b"
)
_THOUGHT = re.compile(r"\b(?:denk|dacht|vind|vond|think|thought|believe|expect\w*|verwacht\w*)\b")
_MOTIVE = re.compile(r"\b(?:wil|wilde|belangrijk|want|wanted|important|matter\w*|hoop|hope)\b")
_HELPS = re.compile(r"\b(?:helpen|helpt|help|helps)\b")
_TRIED = re.compile(r"\b(?:geprobeerd|overwogen|gedacht|tried|considered|thought (?:about|of))\b")
_VIEW = re.compile(r"\b(?:toch|vind je|denk je|don't you|right|agree|eens)\b")
_READING = re.compile(r"\b(?:kunnen zijn|kan het|zou het|ligt het|komt het|could it|might it|is it because|maybe)\b")
_OTHERS = re.compile(
    r"\b(?:hij|zij|ze|die|hem|collega|manager|leidinggevende|baas|ouders|he|she|they|colleague|boss|parents)\b"
)

# "waarom deed je dat" -> "wat maakte dat je dat deed"; the verb moves to the end of the clause.
_WHY_NL = re.compile(r"\bwaarom (\w+) (je|jij|u) ([^?!.]*)", re.IGNORECASE)
_WHY_EN = re.compile(r"\bwhy (do|did|are|were|would|have|had) (you) ([^?!.]*)", re.IGNORECASE)
_PAST_OR_FIXED = set(
    [
        "deed",
        "zei",
        "had",
        "was",
        "ging",
        "kwam",
        "liet",
        "nam",
        "gaf",
        "koos",
        "bleef",
        "dacht",
        "vond",
        "wist",
        "wilde",
        "kon",
        "zou",
        "mocht",
        "moest",
        "bracht",
        "zag",
        "hield",
        "vroeg",
        "werd",
        "stond",
        "liep",
        "zat",
        "kreeg",
        "bood",
        "sprak",
        "schreef",
        "belde",
        "reageerde",
        "stopte",
        "maakte",
        "koos",
    ]
)
_SECOND_PERSON = {
    "heb": "hebt", "ben": "bent", "kun": "kunt", "kan": "kunt", "wil": "wilt", "zal": "zult", "doe": "doet",
    "ga": "gaat", "sta": "staat", "zie": "ziet", "sla": "slaat",
}  # fmt: skip


def _why_to_what(text: str, lang: str) -> str | None:
    if lang == "nl":
        m = _WHY_NL.search(text)
        if not m:
            return None
        verb, pronoun, rest = m.group(1).lower(), m.group(2).lower(), m.group(3).strip().rstrip(",")
        if verb in _PAST_OR_FIXED or verb.endswith(("de", "te")):
            finite = verb
        elif verb in _SECOND_PERSON:
            finite = _SECOND_PERSON[verb]
        elif verb.endswith("t"):
            finite = verb
        else:
            finite = verb + "t"
        tail = f"{rest} {finite}".strip() if rest else finite
        return f"Wat maakte dat {pronoun} {tail}?"
    m = _WHY_EN.search(text)
    if not m:
        return None
    aux, rest = m.group(1).lower(), m.group(3).strip().rstrip(",")
    if aux in ("do", "did", "would"):
        return f"What {'made' if aux == 'did' else 'makes'} you {rest}?" if rest else None
    return f"What {'made' if aux in ('were', 'had') else 'makes'} you {aux} {rest}?" if rest else None


def _direction(text: str) -> str:
    if _FEELING.search(text):
        return "feelings"
    if _THOUGHT.search(text):
        return "thoughts"
    if _MOTIVE.search(text):
        return "motives"
    return "facts"


_YOU = re.compile(r"\b(?:je|jij|jou|you)\b")


def explain(
    kind: TurnKind, flags: frozenset[str], cues: tuple[str, ...], lang: str, text: str, sentences: list[str] | tuple[()]
) -> tuple[str, str | None]:
    """Feedback for a verdict and, for every kind but open and other, an open reformulation."""
    i = 0 if lang == "nl" else 1
    cue = f"'{cues[0]}'" if cues else "…"
    lines = [FEEDBACK[kind.value][i].format(cue=cue)]
    joined = " ".join(sentences)
    suggestion: str | None = None
    if kind is TurnKind.SUGGESTIVE:
        if _HELPS.search(joined):
            key = "helps"
        elif _TRIED.search(joined):
            key = "tried"
        elif _READING.search(joined):
            key = "reading"
        elif _VIEW.search(joined):
            key = "view"
        else:
            key = "alternatives"
        suggestion = OPEN_BY_DIRECTION[key][i]
    elif kind is TurnKind.ADVICE:
        suggestion = OPEN_BY_DIRECTION["alternatives"][i]
    elif kind is TurnKind.JUDGEMENT:
        about_others = _OTHERS.search(joined) and not _YOU.search(joined)
        suggestion = OPEN_BY_DIRECTION["other_person" if about_others else "look_back"][i]
    elif kind is TurnKind.CLOSED:
        suggestion = OPEN_BY_DIRECTION[_direction(joined)][i]
    if "why" in flags:
        lines.append(FEEDBACK["why"][i])
        if kind is TurnKind.OPEN or kind is TurnKind.CLOSED:
            suggestion = _why_to_what(text, lang) or OPEN_BY_DIRECTION["why"][i]
    if "stacked" in flags:
        lines.append(FEEDBACK["stacked"][i])
    return " ".join(lines), suggestion


def explain_fragment(words: list[str], lang: str) -> tuple[str, str]:
    """Feedback for a fragment (``fragments.py``) and a complete open question as its reformulation."""
    suggestion = example(words, lang)
    return FEEDBACK["incomplete"][0 if lang == "nl" else 1].format(example=suggestion), suggestion
