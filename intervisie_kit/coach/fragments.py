"""When is a typed turn not a complete question yet? The fragment rule of ``docs/coach-labelling.md``.

A fragment (``wat``, ``Wat maakte``, ``hoe?``, ``en?``, a lone noun) is never an open question: the coach
judges it ``other`` with the flag ``incomplete`` and asks the trainee to finish the sentence. The rule
counts **words** (runs of letters or digits; punctuation does not count). A turn is a fragment when

1. it has one or two words and tries to ask: it ends with "?" or starts with a question word or a
   joining word (``wat``, ``hoe?``, ``en?``, ``Wat maakte``, ``werkdruk?``);
2. it is one word without "?" that is not a short reaction (``werkdruk``; but not ``Wow.``, ``Oké``);
3. it reads as a question and ends in a word that cannot end one: an article, a joining word, or a
   clause opener such as "maakte dat" / "made you" (``Wat maakte dat``, ``Heb je het gemeld en``).

Complete short questions on :data:`ALLOWED` ("Hoezo?", "En toen?", "How so?") are not fragments; the
coach takes them as open. Whether a fragment's kind is replaced is the coach's choice (``classify``
replaces only open, closed and other: short advice or a short verdict keeps its kind). Pure data and
two small functions, so the rule is testable on its own.
"""

from __future__ import annotations

from ..terms import Dimension
from .words import EN_EMPATHY_WORDS, NL_EMPATHY_WORDS

__all__ = ["ALLOWED", "FRAGMENT_MAX_WORDS", "WHY_LIKE", "allowed", "example", "is_fragment"]

#: Turns of at most this many words are judged by rules 1 and 2.
FRAGMENT_MAX_WORDS = 2

QUESTION_WORDS = frozenset(
    "wat hoe waarom wie welk welke wanneer waar waardoor waarover waarmee hoezo "
    "what how why who whom which when where".split()
)
JOINING_WORDS = frozenset("en of maar dus and or but so".split())

#: A question cannot end in these: an article or a joining word ("Hoe voelde je je toen de", "... en"). Per
#: language, since the coach reads lower case: "lid van de OR" ends in the Dutch ondernemingsraad, not "or".
UNFINISHED_ENDS = {
    "nl": frozenset("de een en of maar want omdat zodat".split()),
    "en": frozenset("the a an and or but because".split()),
}
#: Nor in an opener that needs a clause after it ("Wat maakte dat", "What made you").
UNFINISHED_TAILS = frozenset(
    (
        ("maakt", "dat"),
        ("maakte", "dat"),
        ("komt", "het", "dat"),
        ("kwam", "het", "dat"),
        ("makes", "you"),
        ("made", "you"),
    )
)

#: Complete short questions: open, whatever their length; the dimension the coach gives them.
ALLOWED: dict[tuple[str, ...], Dimension] = {
    tuple(text.split()): dimension
    for texts, dimension in (
        ("hoezo|waarom|waarom dan|how so|why|why so|how come", Dimension.MOTIVES),
        ("wat dan|wat nu|hoe verder|what now|what then", Dimension.ALTERNATIVES),
        (
            "en toen|en dan|en nu|en verder|hoe dan|wat nog meer|zoals|namelijk|bijvoorbeeld|vertel eens|"
            "vertel verder|such as|like what|and then|and now|what else|what happened|go on|say more|"
            "for example|for instance",
            Dimension.FACTS,
        ),
    )
    for text in texts.split("|")
}

#: The allowed short questions that ask for a reason: open, flagged ``why`` like every why-question.
WHY_LIKE = frozenset(tuple(text.split()) for text in "hoezo|waarom|waarom dan|how so|why|why so|how come".split("|"))

#: One-word turns that react rather than ask: acknowledgement, thanks, interjection, sympathy.
REACTIONS = frozenset(
    "ok oké oke okay okido ja nee jep jup yes no yeah nope wow wauw omg pff pfff poeh oef oei jeetje "
    "tjonge goh hm hmm mm ah oh aha ach nou tja bedankt dankjewel dankje dank merci thanks thx ty cheers "
    "sorry helder duidelijk precies klopt inderdaad idd herkenbaar snap right sure indeed cool great fine "
    "ouch oof ugh yikes gosh".split()
) | {w for w in NL_EMPATHY_WORDS | EN_EMPATHY_WORDS if " " not in w}


def allowed(words: list[str]) -> Dimension | None:
    """The dimension of a complete short question on the allow-list, or None."""
    return ALLOWED.get(tuple(words)) if len(words) <= 3 else None


def is_fragment(words: list[str], asks: bool, reads_as_question: bool, lang: str = "nl") -> bool:
    """Rules 1-3 above. ``words`` are the turn's lower-case words without punctuation; ``asks``: it ends with
    "?"; ``reads_as_question``: the coach's rules took it as a question (for rule 3)."""
    n = len(words)
    if n == 0 or allowed(words) is not None:
        return False
    if n <= FRAGMENT_MAX_WORDS:
        if asks or words[0] in QUESTION_WORDS or words[0] in JOINING_WORDS:
            return True
        return n == 1 and words[0] not in REACTIONS
    if not reads_as_question:
        return False
    ends = UNFINISHED_ENDS["en" if lang == "en" else "nl"]
    return words[-1] in ends or tuple(words[-2:]) in UNFINISHED_TAILS or tuple(words[-3:]) in UNFINISHED_TAILS


_EXAMPLES: dict[str, tuple[str, str]] = {
    "maakte": ("Wat maakte dat je toen zo reageerde?", "What made you react that way?"),
    "maakt": ("Wat maakt dat je twijfelt?", "What makes you hesitate?"),
    "made": ("Wat maakte dat je toen zo reageerde?", "What made you react that way?"),
    "makes": ("Wat maakt dat je twijfelt?", "What makes you hesitate?"),
    "wat": ("Wat gebeurde er toen?", "What happened then?"),
    "what": ("Wat gebeurde er toen?", "What happened then?"),
    "hoe": ("Hoe ging dat verder?", "How did that go on?"),
    "how": ("Hoe ging dat verder?", "How did that go on?"),
    "waarom": ("Wat maakte dat je dat deed?", "What made you do that?"),
    "why": ("Wat maakte dat je dat deed?", "What made you do that?"),
    "wie": ("Wie was er voor jou belangrijk op dat moment?", "Who mattered to you at that moment?"),
    "who": ("Wie was er voor jou belangrijk op dat moment?", "Who mattered to you at that moment?"),
}
_DEFAULT_EXAMPLE = ("Kun je daar meer over vertellen?", "Can you say more about that?")


def example(words: list[str], lang: str) -> str:
    """A complete open question in the direction the fragment started, to show how it could go on."""
    pair = next((_EXAMPLES[w] for w in (words[1:2] if len(words) > 1 else []) if w in _EXAMPLES), None)
    if pair is None and words:
        pair = _EXAMPLES.get(words[0])
    pair = pair or _DEFAULT_EXAMPLE
    return pair[0] if lang == "nl" else pair[1]
