"""The vraagcoach: what kind of turn did a group member just type, and how could it be more open?

``classify(text, lang=None) -> Verdict`` is pure Python: no widgets, no network, no model. It reads a
turn the way a trainer listens in a question round, by the kit's didactic line:

- **open**: invites the inbrenger (the one who brought the case) to explore in their own words:
  "Wat maakt dat ...", "Hoe ...", also invitations like "Kun je daar meer over vertellen?";
- **closed**: yes/no, either/or, or one short fact ("Hoe lang werk je daar al?");
- **suggestive**: a question that carries the asker's own solution, opinion or interpretation
  ("Heb je er al aan gedacht om ...", "..., toch?");
- **advice**: a statement that gives a solution, own experience offered as a tip included;
- **judgement**: an evaluation of the inbrenger or others, also as a reproachful question;
- **other**: summaries, reflections, empathy, thanks.

A why-question stays open but is flagged ``why`` with a hint ("Wat maakte dat ...?"); several questions
in one turn are flagged ``stacked``. A turn of several sentences takes the kind of its most problematic
part: judgement, advice, suggestive, open, closed, other.

It works on rules: a lexicon of cue phrases per language (``lexicon.py``), a small spelling repair for
typed-in-a-hurry words (``spelling.py``) and reformulation templates (``feedback.py``). Rules can be read,
argued with and corrected by a trainer, and they answer in microseconds on a laptop without network. Only
where no rule has a cue, a small word model counted on the team's labelled turns (``model.py``) may
overrule the rules' guess, when it is very sure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..terms import ATTENTION_FLAGS, FLAG_LABELS, KIND_LABELS, Dimension, TurnKind
from . import fragments, model
from .feedback import explain, explain_fragment
from .lexicon import EN_MARKERS, LEXICONS, NL_MARKERS, gate_words
from .lexicon import TOKEN as _TOKEN
from .spelling import repair
from .words import EN_POSITIVE_VERDICTS, NL_POSITIVE_VERDICTS

__all__ = ["MAX_QUESTION_CHARS", "Dimension", "Kind", "Verdict", "classify", "detect_lang"]


Kind = TurnKind


#: The most problematic part of a turn decides its kind.
PRIORITY = (Kind.JUDGEMENT, Kind.ADVICE, Kind.SUGGESTIVE, Kind.OPEN, Kind.CLOSED, Kind.OTHER)
_RANK = {kind: i for i, kind in enumerate(PRIORITY)}

#: What a trainee may type as one question or turn on any page: a turn in a round is a sentence or three.
#: The pages refuse more, say so, and keep the text (:func:`intervisie_kit.ui.limits.too_long`).
MAX_QUESTION_CHARS = 2_000
#: A longer text (a paste that reached the coach some other way) is judged on its first part only.
MAX_CHARS = 10_000
#: Very long sentences are judged in pieces, so a paste without full stops costs linear time.
MAX_WORDS = 80
#: A turn is judged on at most this many sentences; the kind of the worst part is decided among them.
MAX_SENTENCES = 40


@dataclass(frozen=True, slots=True)
class Verdict:
    kind: Kind
    flags: frozenset[str] = frozenset()
    dimension: Dimension | None = None
    cues: tuple[str, ...] = ()
    feedback: str = ""
    suggestion: str | None = None
    lang: str = "nl"

    @property
    def is_question(self) -> bool:
        return self.kind in (Kind.OPEN, Kind.CLOSED, Kind.SUGGESTIVE)

    def words(self, lang: str = "nl") -> str:
        """The verdict in the kit's words (one table: ``terms.KIND_LABELS``, ``terms.FLAG_LABELS``), as plain
        text for summaries: "Open vraag (waarom-vraag)"."""
        i = 1 if lang == "en" else 0
        flags = [words[i] for flag, words in FLAG_LABELS.items() if flag in self.flags]
        kind = KIND_LABELS[self.kind][i]
        return f"{kind} ({', '.join(flags)})" if flags else kind

    @property
    def plainly_open(self) -> bool:
        """Open without a why or stacked flag: what "% open" counts (docs/coach-labelling.md)."""
        return self.kind is Kind.OPEN and ATTENTION_FLAGS.isdisjoint(self.flags)


@dataclass(slots=True)
class _Part:
    """What one sentence of a turn turned out to be."""

    kind: Kind
    cues: list[str] = field(default_factory=list)
    question: bool = False
    why: bool = False
    extra_questions: int = 0
    dimension: Dimension | None = None
    text: str = ""
    guessed: bool = False  # no rule decided: a question taken as closed, a statement as other


_SENTENCE_END = {"?", "!", ".", ";"}
_JOINERS = (",", " en ", " of ", " maar ", " and ", " or ", " but ")


def detect_lang(text: str) -> str:
    """Dutch or English, by counting each language's frequent words; Dutch when in doubt."""
    return _lang_of(_TOKEN.findall(text[:MAX_CHARS].lower()))


def _lang_of(tokens: list[str]) -> str:
    nl = en = 0
    for w in tokens:
        if w in NL_MARKERS:
            nl += 1
        if w in EN_MARKERS:
            en += 1
    return "en" if en > nl else "nl"


def classify(text: str, lang: str | None = None) -> Verdict:
    """Judge one typed turn. Never raises for any string; an empty turn is ``other``."""
    if not isinstance(text, str):
        raise TypeError(f"classify() needs a str, not {type(text).__name__}")
    text = text[:MAX_CHARS]
    tokens = _TOKEN.findall(text.lower().replace("’", "'"))
    if lang not in LEXICONS:
        lang = _lang_of(tokens)
    lex = LEXICONS[lang]
    parts = [p for words, ended_with in _sentences(repair(tokens, lang)) if (p := _judge(words, ended_with, lex))]
    if not parts:
        feedback, suggestion = explain(Kind.OTHER, frozenset(), (), lang, text, ())
        return Verdict(Kind.OTHER, feedback=feedback, lang=lang)
    worst = parts[0]
    for p in parts:
        if _RANK[p.kind] < _RANK[worst.kind]:
            worst = p
    kind = worst.kind
    cues = tuple(dict.fromkeys(c for p in parts if p.kind is worst.kind for c in p.cues))[:4]
    if worst.guessed:  # no rule matched: the word model may know better (model.py)
        asks = worst.question or kind is Kind.CLOSED
        allowed = ("open", "closed", "suggestive", "judgement") if asks else ("advice", "judgement", "other", "open")
        best, sure, evidence = model.predict(tokens, lang, allowed)
        if sure >= model.CONFIDENT and best != kind.value:
            kind, cues = Kind(best), evidence()
    words: list[str] | None = None
    if len(tokens) <= 6:  # a complete short question of the allow-list is open, whatever the rules read
        words = [w for w in tokens if w not in _PUNCTUATION]
        if (short := fragments.allowed(words)) is not None:
            return _short_question(words, short, lang, text)
    elif kind in _MAY_BE_FRAGMENT and _last_word(tokens) in _MAY_END_FRAGMENT:
        words = [w for w in tokens if w not in _PUNCTUATION]
    # docs/coach-labelling.md: a fragment is never an open question
    if (
        words
        and kind in _MAY_BE_FRAGMENT
        and (len(words) <= fragments.FRAGMENT_MAX_WORDS or words[-1] in _MAY_END_FRAGMENT)
    ):
        asks = tokens[-1] == "?" or (tokens[-1] in _SENTENCE_END and "?" in tokens[-3:])
        if len(words) <= fragments.FRAGMENT_MAX_WORDS and (verdict := _short_verdict(words, lex)):
            kind, cues = Kind.JUDGEMENT, (verdict,)  # "Dom!", "Goed zo.": short, but a verdict
        elif fragments.is_fragment(words, asks, worst.question or kind is not Kind.OTHER, lang):
            feedback, suggestion = explain_fragment(words, lang)
            return Verdict(Kind.OTHER, _INCOMPLETE, None, (), feedback, suggestion, lang)
    flags = set()
    if any(p.why for p in parts):
        flags.add("why")
    if sum(p.question + p.extra_questions for p in parts) >= 2:
        flags.add("stacked")
    if kind is not Kind.OPEN:
        dimension = None
    elif worst.kind is Kind.OPEN:
        dimension = worst.dimension
    else:
        dimension = _dimension(worst.text, lex)
    frozen = frozenset(flags)
    feedback, suggestion = explain(kind, frozen, cues, lang, text, [p.text for p in parts])
    return Verdict(kind, frozen, dimension, cues, feedback, suggestion, lang)


_MAY_BE_FRAGMENT = (Kind.OPEN, Kind.CLOSED, Kind.OTHER)
_PUNCTUATION = frozenset("?!.;:,")
_INCOMPLETE = frozenset({"incomplete"})
# The last words rule 3 of the fragment rule looks at; any other last word cannot end a fragment.
_MAY_END_FRAGMENT = fragments.UNFINISHED_ENDS["nl"] | fragments.UNFINISHED_ENDS["en"] | {"dat", "you"}


_PRAISE = frozenset(w for w in (*NL_POSITIVE_VERDICTS, *EN_POSITIVE_VERDICTS) if " " in w) | {
    "bravo",
    "chapeau",
    "kudos",
}


def _short_verdict(words: list[str], lex) -> str | None:  # type: ignore[no-untyped-def]
    """A turn of a word or two that is a verdict: a negative trait or label ("Dom!", "Lafaard."), or praise
    ("Goed zo.", "Well done!")."""
    for w in words:
        if w in lex.traits or w in lex.insults:
            return w
    joined = " ".join(words)
    return joined if joined in _PRAISE else None


def _last_word(tokens: list[str]) -> str:
    for w in reversed(tokens):
        if w not in _PUNCTUATION:
            return w
    return ""


def _short_question(words: list[str], dimension: Dimension, lang: str, text: str) -> Verdict:
    """A complete short question of the allow-list ("Hoezo?", "En toen?", "How so?"): open."""
    flags = frozenset({"why"}) if tuple(words) in fragments.WHY_LIKE else frozenset()
    feedback, suggestion = explain(Kind.OPEN, flags, (), lang, text, (" ".join(words),))
    return Verdict(Kind.OPEN, flags, dimension, (" ".join(words),), feedback, suggestion, lang)


def _sentences(tokens: list[str]) -> list[tuple[str, str]]:
    """Split into sentences; each is its words joined by spaces and the mark it ended with ("" if none)."""
    if 1 < len(tokens) <= MAX_WORDS:  # most turns are one sentence: no loop over the words
        ends = sum(map(_SENTENCE_END.__contains__, tokens))
        if ends == 0:
            return [(" ".join(tokens), "")]
        if ends == 1 and tokens[-1] in _SENTENCE_END:
            return [(" ".join(tokens[:-1]), tokens[-1])]
    out: list[tuple[str, str]] = []
    current: list[str] = []
    for tok in tokens:
        if len(out) >= MAX_SENTENCES:
            break
        if len(current) >= MAX_WORDS:
            out.append((" ".join(current), ""))
            current = []
        if tok in _SENTENCE_END:
            if current:
                out.append((" ".join(current), tok))
                current = []
            elif out and tok == "?" and out[-1][1] != "?":  # "... !?" still asks
                out[-1] = (out[-1][0], "?")
            continue
        current.append(tok)
    if current and len(out) < MAX_SENTENCES:
        out.append((" ".join(current), ""))
    return out


def _search(pattern, s: str, words: set[str] | None = None) -> str | None:  # type: ignore[no-untyped-def]
    m = pattern.search(s, words) if words is not None else pattern.search(s)
    return m.group(0).strip() if m else None


def _judge(words: str, ended_with: str, lex) -> _Part | None:  # type: ignore[no-untyped-def]
    s = words.replace(" ,", ",")
    if not any(ch.isalpha() for ch in s):
        return None
    ws = set(s.replace(",", " ").split())  # the sentence's words
    gw = gate_words(s, ws)  # and for the phrase tables, "should've" in pieces too
    if cue := _search(lex.process, s, gw):  # "mag ik nog een vraag stellen?" is for the facilitator
        return _Part(Kind.OTHER, [cue], text=s)
    asks = ended_with == "?"
    if not asks and (cue := _search(lex.quoting, s)):  # "je zei dat je het verpest hebt": their words, no verdict
        return _Part(Kind.OTHER, [cue], text=s)
    q = s + " ?" if asks else s
    # A question may follow an opening clause: "stel dat alles kan, hoe zou je rooster eruitzien?"
    clauses = (s, *s.split(", ")[1:]) if ", " in s else (s,)
    if (
        len(clauses) > 1
        and s.split(" ", 2)[s.startswith(("and ", "so ", "en ", "dus "))] in _OPENS_CLAUSE
        and _SUBORDINATE.search(s)
    ):  # "toen hij dat zei, wat dacht je?": the main clause asks
        clauses = clauses[1:]
    invitation = _search(lex.invitation, s, gw)
    closed_cue = open_cue = None
    for clause in clauses:
        closed_cue = closed_cue or _search(lex.closed_start, clause)
        open_cue = open_cue or _search(lex.open_start, clause)
    verb_first = bool(lex.verb_first.search(s)) and not lex.imperative.search(s)
    exclaims = not asks and bool(lex.exclamation.search(s))
    question = not exclaims and bool(asks or invitation or open_cue or closed_cue or verb_first)
    part = _Part(Kind.OTHER, text=s, question=question)
    # Cheap substring tests first: most sentences have no "waarom" and no second clause.
    part.why = question and ("waarom" in s or "why" in s) and bool(lex.why.search(s))
    if (
        question
        and any(j in s for j in _JOINERS)
        and (verb_first or invitation or lex.open_start.search(s) or lex.closed_start.search(s))
        and lex.second_question.search(s)
    ):
        part.extra_questions = 1

    rhetorical = question and (cue := _search(lex.rhetorical, s))
    if rhetorical and lex.traits.isdisjoint(ws) and not _OF_YOU.search(s):
        part.kind = Kind.SUGGESTIVE  # "is het niet slim om ...?": the asker's own idea, not a verdict
    elif cue := _judgement(s, q, question, lex, ws, gw):
        part.kind = Kind.JUDGEMENT
    elif exclaims:
        part.kind, cue = Kind.OTHER, s.split(" ")[0]
    elif question:
        tail = ("," in q or "toch" in q) and not _SUMMARY.search(s)
        if (cue := _search(lex.suggestive, q, gw) or (_search(lex.suggestive_tail, q) if tail else None)) or (
            (cue := _search(lex.hedge_start, s)) or (not invitation and not open_cue and (cue := _search(lex.hedge, s)))
        ):
            part.kind = Kind.SUGGESTIVE
        elif cue := invitation:
            part.kind = Kind.OPEN
        elif cue := closed_cue:
            part.kind, part.guessed = Kind.CLOSED, " " not in cue  # "wie ...?" may ask more than a name
        elif cue := open_cue:
            part.kind = Kind.OPEN
        else:
            part.kind, cue, part.guessed = Kind.CLOSED, s.split(" ")[0], True
    elif cue := (
        _search(lex.advice, s, gw)
        or _search(lex.statement_advice, s, gw)
        or _search(lex.imperative, s)
        or _commands(s, lex)
    ):
        part.kind = Kind.ADVICE
    elif cue := _search(lex.suggestive, s, gw):  # "ik vraag me af of het niet beter is om ..."
        part.kind = Kind.SUGGESTIVE
    else:
        cue = _search(lex.other, s, gw)
        part.guessed = cue is None
    if cue:
        part.cues.append(cue)
    if part.kind is Kind.OPEN:
        part.dimension = _dimension(s, lex, bool(invitation), gw)
    return part


_FILLERS = frozenset(
    "en dus dan maar gewoon even eens eerst misschien wellicht nou ok oké ja toch trouwens gerust vooral "
    "and so then but just maybe perhaps simply ok okay well yes please honestly seriously also first".split()
)
_YOU = frozenset("je jij u ge gij jullie ik we wij you ye i".split())


# A sentence that opens with a subordinate clause ("when the son started recording, what ..."), not with a
# question word: "when did you ..." and "wanneer merkte je ..." put the verb right after it.
_SUBORDINATE = re.compile(
    r"^(?:(?:and|so|en|dus) )?(?:when|whenever|once|as soon as|toen|wanneer|als|nadat|zodra|voordat) "
    r"(?!(?:do|does|did|is|was|are|were|will|would|can|could|have|has|had|should|ben|bent|is|was|heb|hebt|had|"
    r"merk|merkte|merk je|voel|voelde|wist|zag|kwam|ging|werd|word|wordt|zou|kun|kon|moet|moest|wil|wilde)\b)"
    r"(?:[a-zà-ÿ']+ ){1,}"
)
_OPENS_CLAUSE = frozenset("when whenever once as toen wanneer als nadat zodra voordat".split())
_OF_YOU = re.compile(r"\bvan (?:je|jou)\b|\bof you\b")
# Words after which a judgement is someone else's, reported: "toen hij zei dat het jouw schuld was".
_REPORTED = re.compile(
    r"\b(?:zei|zegt|zeiden|zeggen|vond|vindt|noemde|noemt|riep|beweerde|said|says|told (?:you|her|him|me)|called)\b"
)


# "So you've asked three times, right?": a tag after a summary of facts checks understanding.
_SUMMARY = re.compile(
    r"^(?:so|dus) (?:you've|you have|you had|je hebt|jij hebt|je had|jij had) (?!(?:\w+ )*(?:should|moeten|beter))"
)


def _judgement(s: str, q: str, question: bool, lex, ws: set[str], gw: set[str]) -> str | None:  # type: ignore[no-untyped-def]
    m = lex.judgement.search(q, gw)
    if m is not None:
        reported = _REPORTED.search(s)
        if reported is None or reported.start() > m.start():
            return m.group(0).strip()
    if lex.traits.isdisjoint(ws) and lex.insults.isdisjoint(ws):
        return None
    return _labelled(s, lex, question)


def _labelled(s: str, lex, question: bool = False) -> str | None:  # type: ignore[no-untyped-def]
    """A person linked to a negative trait or label: "die directie is echt hopeloos", "he's a bully"."""
    words = s.replace(",", " ").replace("!", " ").split()
    if lex.traits.isdisjoint(words) and lex.insults.isdisjoint(words):
        return None
    exclaims = len(words) > 2 and words[0] in ("wat", "what") and words[1] in ("een", "a", "an")
    if exclaims and (words[2] in lex.traits or words[2] in lex.insults):  # "wat een slappe directeur"
        return " ".join(words[:3])
    for i, w in enumerate(words):
        if (w in lex.traits or w in lex.insults) and i:
            before = words[max(0, i - 7) : i]
            # In a statement a trait after "is" is a verdict ("ouders van tegenwoordig zijn verwend");
            # in a question it must be about a person ("vind je haar niet lui?" asks, "is het druk?" does not).
            if not lex.copulas.isdisjoint(before) and (not question or not lex.persons.isdisjoint(words[:i])):
                return " ".join(words[max(0, i - 3) : i + 1])
    return None


def _commands(s: str, lex) -> str | None:  # type: ignore[no-untyped-def]
    """A clause that starts with a command: "bel de huisarts", "dus gewoon delegeren", ", volg je protocol"."""
    for clause in s.replace(" : ", ", ").split(", "):
        words = clause.split()
        i = 0
        while i < len(words) and words[i] in _FILLERS:
            i += 1
        reflexive = i + 2 < len(words) and words[i + 2] in ("niet", "geen", "los", "over", "not")  # "laat je niet ..."
        if (
            i < len(words)
            and words[i] in lex.imperatives
            and (i + 1 >= len(words) or words[i + 1] not in _YOU or reflexive)
        ):
            return " ".join(words[: i + 1])
    return None


def _dimension(s: str, lex, told: bool = False, words: set[str] | None = None) -> Dimension:  # type: ignore[no-untyped-def]
    words = words if words is not None else gate_words(s)
    if lex.feelings.search(s, words):
        return Dimension.FEELINGS
    if told:  # "kun je vertellen ...": the story, unless it asks for thoughts
        return Dimension.THOUGHTS if lex.thoughts.search(s, words) else Dimension.FACTS
    if (motive := lex.motives.search(s)) and " " in motive.group(0):  # "wat weegt mee", "waar gaat het je om"
        return Dimension.MOTIVES
    if lex.alternatives.search(s, words):
        return Dimension.ALTERNATIVES
    if motive:
        return Dimension.MOTIVES
    if lex.thoughts.search(s, words):
        return Dimension.THOUGHTS
    return Dimension.FACTS
