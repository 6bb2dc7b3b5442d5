"""The words and phrases the question coach listens for, in Dutch and English.

Patterns run on normalised text: lower case, words separated by single spaces, punctuation split off
as its own token (``"wat maakt dat je twijfelt ?"``). Each is a plain alternation without nested
repetition, so a long paste cannot make the regex engine backtrack for long.

Grouped by what they signal, following the kit's didactic line (see ``intervisie_kit.coach``):
judgement, advice, suggestive question, open-question starters and invitations, closed-question
starters, and the empathy, summary and thanks that count as "other".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

__all__ = ["EN_MARKERS", "LEXICONS", "NL_MARKERS", "Cues", "Lexicon"]


class Cues:
    """Many alternative patterns, searched one by one behind cheap tests of the sentence's words.

    One regex of forty alternatives tries every alternative at every position of the sentence; most
    alternatives need a literal word that is simply not in the sentence. Each alternative here keeps the
    longest literal text it cannot match without, or the words one of which must start it, and is only run
    when the sentence has them. Inside such a group, an alternative that also needs one word out of a list
    ("... (?:is|zijn|was) ...") is only run when the sentence holds one of those words too.
    """

    __slots__ = ("_first", "_gated", "_rest", "pattern")

    def __init__(self, *parts: str):
        self.pattern = "|".join(f"(?:{p})" for p in parts)  # the whole, for reading its words
        gated: dict[str, list[str]] = {}
        first: dict[frozenset[str], list[str]] = {}
        rest: list[str] = []
        for part in parts:
            for alt in _split_alternatives(part):
                if (required := _required_text(alt)) is not None:
                    gated.setdefault(required, []).append(alt)
                elif (words := _first_words(alt)) is not None:
                    first.setdefault(words, []).append(alt)
                else:
                    rest.append(alt)
        self._rest = _join(rest) if rest else None
        # Needing a word of the sentence as its first word: tried only when the sentence has one.
        self._first = tuple((words, _gated_runs(alts, words)) for words, alts in first.items())
        # Needing a text somewhere in the sentence: tried only when the text is there. A text that holds
        # another one ("wat een " holds "wat ") joins that one's group: fewer tests per sentence.
        merged: dict[str, list[str]] = {}
        for required, alts in gated.items():
            root = next((r for r in gated if r != required and r in required and not _holds_another(r, gated)), None)
            merged.setdefault(root or required, []).extend(alts)
        self._gated = tuple((required, _gated_runs(alts)) for required, alts in merged.items())

    def search(self, s: str, words: set[str] | frozenset[str] | None = None) -> re.Match[str] | None:
        """The first match, or None. ``words``: the sentence's words, when the caller has them already."""
        if self._rest is not None and (m := self._rest.search(s)):
            return m
        if words is None:
            words = gate_words(s)
        for needed, runs in self._first:
            if not needed.isdisjoint(words):
                for gates, rx in runs:  # (written out, not a function: this loop is the coach's hot path)
                    for gate in gates:
                        if gate.isdisjoint(words):
                            break
                    else:
                        if m := rx.search(s):
                            return m
        for required, runs in self._gated:
            if required in s:
                for gates, rx in runs:
                    for gate in gates:
                        if gate.isdisjoint(words):
                            break
                    else:
                        if m := rx.search(s):
                            return m
        return None


class AnyWord:
    """A pattern whose alternatives are mostly single words, ``\\b(?:voel|voelde|...)\\b``, asked only whether it
    occurs: the single words become a set tested against the sentence's words, the rest stays a regex."""

    __slots__ = ("_rest", "_words", "pattern")

    def __init__(self, *parts: str):
        self.pattern = "|".join(f"(?:{p})" for p in parts)
        words: set[str] = set()
        rest: list[str] = []
        for part in parts:
            for alt in _split_alternatives(part):
                if (m := _WORD_LIST.match(alt)) is None or _groups(alt) != [(2, len(alt) - 3)]:
                    rest.append(alt)
                    continue
                others = []
                for item in _split_alternatives(m.group(1)):
                    if _ONE_WORD.match(item):
                        words.add(item)
                    else:
                        others.append(item)
                if others:
                    rest.append(r"\b(?:" + "|".join(others) + r")\b")
        self._words = frozenset(words)
        self._rest = re.compile("|".join(f"(?:{a})" for a in rest)) if rest else None

    def search(self, s: str, words: set[str] | frozenset[str] | None = None) -> bool:
        if words is None:
            words = gate_words(s)
        return not self._words.isdisjoint(words) or bool(self._rest is not None and self._rest.search(s))


_WORD_LIST = re.compile(r"^\\b\(\?:(.*)\)\\b$")
_ONE_WORD = re.compile(r"^[a-zà-ÿ0-9]+$")


def gate_words(s: str, words: set[str] | None = None) -> set[str]:
    """The words the tables' tests look for: the sentence's words (``words``, when the caller has them)
    and, since a regex word boundary also falls at an apostrophe or a hyphen ("should've", "zo'n"), the
    pieces of such words too."""
    if words is None:
        words = set(s.replace(",", " ").split())
    if "'" in s or "-" in s:
        return words | set(_PIECES.split(s.replace(",", " ")))
    return words


_PIECES = re.compile(r"[ '-]+")
_Runs = tuple[tuple[tuple[frozenset[str], ...], re.Pattern[str]], ...]


def _join(alts: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{a})" for a in alts))


def _gated_runs(alts: list[str], known: frozenset[str] = frozenset()) -> _Runs:
    """Consecutive alternatives that need the same word lists, each run as one regex. ``known``: a word list
    the group as a whole was found by already, not tested again."""
    runs: list[tuple[tuple[frozenset[str], ...], list[str]]] = []
    for alt in alts:
        gates = tuple(g for g in _word_gates(alt) if g != known)
        if runs and runs[-1][0] == gates:
            runs[-1][1].append(alt)
        else:
            runs.append((gates, [alt]))
    return tuple((gates, _join(group)) for gates, group in runs)


_PLAIN_WORDS = re.compile(r"^[a-zà-ÿ0-9'’-]+(?: [a-zà-ÿ0-9'’-]+)*(?:\|[a-zà-ÿ0-9'’-]+(?: [a-zà-ÿ0-9'’-]+)*)*$")


def _groups(alt: str) -> list[tuple[int, int]]:
    """(start, end) of every top-level group of an alternative: ``alt[start] == "("``, ``alt[end] == ")"``."""
    marks = [(i, ch) for i, ch in _top_level(alt) if ch != "|"]
    return [(i, j) for (i, _), (j, _) in zip(marks[::2], marks[1::2], strict=True)]


def _word_gates(alt: str) -> tuple[frozenset[str], ...]:
    """For each group of plain words every match must hold as whole words ("(?:is|zijn|was)" between
    spaces), a set with one word (the longest) of each of its phrases: a sentence without any of them
    cannot match."""
    groups = _groups(alt)
    gates = []
    for start, end in groups:
        content = alt[start + 3 : end]
        if not alt.startswith("(?:", start) or not _PLAIN_WORDS.match(content):
            continue
        if alt[end + 1 : end + 2] in ("?", "*", "{", "+"):
            continue  # optional: not needed
        if alt[end + 1 : end + 2] != " " and alt[end + 1 : end + 3] != "\\b":
            continue  # may run into a longer word
        if _space_before(alt, start, groups):
            gates.append(frozenset(max(p.split(" "), key=len) for p in content.split("|")))
    return tuple(gates)


def _space_before(text: str, i: int, groups: list[tuple[int, int]] | None = None) -> bool:
    """Whether what matches just before ``text[i]`` always ends with a space or a word boundary: a literal
    space or ``\\b``, or after one, optional groups whose every alternative ends that way. ``groups``:
    :func:`_groups` of ``text``, when the caller has them."""
    groups = _groups(text) if groups is None else groups
    while True:
        head = text[:i]
        if head.endswith(" ") or head.endswith("\\b"):
            return True
        quantifier = _QUANTIFIED.search(head)
        group = quantifier and next(((a, b) for a, b in groups if b == quantifier.start()), None)
        if not group or not text.startswith("(?:", group[0]):
            return False
        alternatives = _split_alternatives(text[group[0] + 3 : group[1]])
        if not all(a == "" or _space_before(a, len(a)) for a in alternatives):
            return False
        mandatory = quantifier.group(1) == "+" or (quantifier.group(2) or "0") != "0"
        if mandatory and "" not in alternatives:
            return True  # matched at least once, so it ended with a space
        i = group[0]


_QUANTIFIED = re.compile(r"\)(\?|\*|\+|\{(\d+)(?:,\d*)?\})$")


def _holds_another(text: str, texts: Iterable[str]) -> bool:
    return any(t != text and t in text for t in texts)


_LOOKBEHINDS = re.compile(r"^(?:\(\?<![^)]*\))+")
_FIRST_GROUP = re.compile(r"^(?:\\b|\^)?\(\?:((?:[a-zà-ÿ' -]+\|)*[a-zà-ÿ' -]+)\)(?![?*{])")
_FIRST_WORD = re.compile(r"^(?:\\b|\^)?([a-zà-ÿ']+)(?=[ \\])")


def _first_words(alt: str) -> frozenset[str] | None:
    """The words one of which must start a match, when the alternative begins with plain words."""
    if alt.startswith("^"):
        return None  # anchored alternatives are cheap already
    alt = _LOOKBEHINDS.sub("", alt)
    if m := _FIRST_GROUP.match(alt):
        return frozenset(w.split(" ")[0] for w in m.group(1).split("|"))
    if m := _FIRST_WORD.match(alt):
        return frozenset({m.group(1)})
    return None


def _top_level(source: str) -> Iterator[tuple[int, str]]:
    """Where a regex source opens or closes a top-level group ("(", ")") and where it has a top-level "|",
    skipping escapes and character classes."""
    depth, i, in_class = 0, 0, False
    while i < len(source):
        ch = source[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            if depth == 0:
                yield i, ch
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                yield i, ch
        elif ch == "|" and depth == 0:
            yield i, ch
        i += 1


def _split_alternatives(source: str) -> list[str]:
    """Split a regex source at its top-level ``|``."""
    cuts = [i for i, ch in _top_level(source) if ch == "|"]
    return [source[a + 1 : b] for a, b in zip([-1, *cuts], [*cuts, len(source)], strict=True)]


def _required_text(alt: str) -> str | None:
    """The longest run of plain text outside groups that every match must contain (3+ characters)."""
    runs, run, depth, i = [], "", 0, 0
    while i < len(alt):
        ch = alt[i]
        if ch == "\\" or ch in "()[]|.^$+*?{}":
            if ch in "?*{" and run:
                run = run[:-1]  # the character before an optional quantifier is not required
            if depth == 0 and run:
                runs.append(run)
            run = ""
            if ch == "\\":
                i += 2
                continue
            if ch == "(":
                depth += 1
            elif ch == ")":
                depth -= 1
            elif ch == "[":
                i = alt.index("]", i + 1)
            elif ch == "{":
                i = alt.index("}", i)
        elif depth == 0:
            run += ch
        i += 1
    if depth == 0 and run:
        runs.append(run)
    best = max(runs, key=len, default="")
    word = best.startswith(" ") and best.endswith(" ") and len(best) > 3  # " of ", " en ": a whole word
    return best if len(best.strip()) >= 3 or word else None


def _rx(*parts: str) -> Cues:
    return Cues(*parts)


# A pronoun for "you" and what may stand between the verb and it in a question.
_JE = r"(?:je|jij|u|jullie|ge|gij)"

#: How the coach reads a typed turn (lower case): words, with an apostrophe or hyphen inside, and marks.
TOKEN = re.compile(r"[a-zà-ÿ0-9]+(?:['’-][a-zà-ÿ0-9]+)*|[?!.;:,]")


@dataclass(frozen=True)
class Lexicon:
    lang: str
    judgement: Cues  # evaluations and reproaches, statement or question
    advice: Cues  # a solution given as a statement (as a question it is suggestive)
    imperative: re.Pattern[str]  # a sentence that starts with a command
    suggestive: Cues  # a question that carries the asker's solution or interpretation
    suggestive_tail: re.Pattern[str]  # "..., toch?" at the end of a sentence
    statement_advice: Cues  # advice only when it is not a question ("je moet ...", "ik zou ...")
    hedge: re.Pattern[str]  # "gewoon", "misschien" inside a question: the asker's own idea
    hedge_start: re.Pattern[str]  # "misschien kun je ...?": an idea even when it looks like an invitation
    process: Cues  # talk to the facilitator about the round ("mag ik nog een vraag stellen?")
    rhetorical: re.Pattern[str]  # "is het niet verstandig om ...?": a suggestion dressed as a question
    quoting: re.Pattern[str]  # "je zei dat ...": the inbrenger's own words reflected back, not the asker's view
    invitation: Cues  # open invitations: "kun je vertellen ...", "vertel eens"
    open_start: re.Pattern[str]  # question words that open
    closed_start: re.Pattern[str]  # question words asking one fact
    verb_first: re.Pattern[str]  # verb + you: a yes/no question
    why: re.Pattern[str]
    exclamation: re.Pattern[str]  # "wat een gedoe", "wat vervelend": not a question
    other: Cues  # empathy, summaries, thanks, recognition
    second_question: re.Pattern[str]  # "... en wat deed je toen": a second question in one sentence
    feelings: AnyWord
    thoughts: AnyWord
    motives: re.Pattern[str]
    alternatives: AnyWord
    markers: frozenset[str]  # frequent words that tell this language apart
    # Word lists (words.py) for what no phrase can list: "die directie van jou is echt hopeloos".
    traits: frozenset[str] = frozenset()  # negative traits of a person or their conduct
    insults: frozenset[str] = frozenset()  # nouns that label a person
    imperatives: frozenset[str] = frozenset()  # verbs that tell the inbrenger what to do
    empathy: frozenset[str] = frozenset()  # words of sympathy about a situation
    copulas: frozenset[str] = frozenset()  # "is", "klinkt", "gedraagt": what links a person to a trait
    persons: frozenset[str] = frozenset()  # words that point at a person


_NL_NEGATIVE = (
    r"domme|stomme|slappe|luie|laffe|zwakke|rare|naïeve|naieve|slordige|onprofessionele|onverantwoordelijk|"
    r"onverantwoorde|dom|stom|onprofessioneel|fout|naïef|naief|onverstandig|slordig|onhandig|lui|laf|zwak|raar|belachelijk|"
    r"respectloos|egoïstisch|egoistisch|kinderachtig|onacceptabel|onverantwoord|schandalig|onzin|dwaas|"
    r"onnozel|stompzinnig|amateuristisch|onbeschoft|arrogant|incompetent|slap|overdreven|hysterisch|"
    r"onbekwaam|ondoordacht|laks|nalatig|slap|braaf|te braaf|naïef van je|dom van je|niet slim|niet handig|niet professioneel|niet oké|niet ok|"
    r"niet zo slim|niet erg slim|niet verstandig|een fout|jouw fout|jouw schuld|je eigen schuld|goedgelovig|"
    r"roekeloos|onzorgvuldig|slordig geweest|nalatig geweest|veel te laat|te laat|te soft|slecht|waardeloos|"
    r"onbeleefd|bot|hypocriet|oneerlijk|onbehoorlijk|ongepast|ontoelaatbaar|knullig|sloom|traag|lamlendig"
)

_NL_INSULT = (
    r"lui|dom|zeur|zeurpiet|onbeschoft|arrogant|incompetent|onprofessioneel|respectloos|egoïstisch|egoistisch|"
    r"manipulatief|betweter|bullebak|narcist|onredelijk|onbekwaam|lastpak|querulant|hork|eikel|onmogelijk|"
    r"onuitstaanbaar|ongeschikt|niet geschikt|gestoord|toxisch|giftig|kwaadaardig|jaloers|gemeen|achterbaks|"
    r"onbetrouwbaar|slap|zwak|lafaard|control freak|controlfreak|drammer|dictator|kwal|klier|sukkel|idioot|"
    r"prutser|amateur|watje|doetje|zak|lul|etter|kreng|heks|tiran|despoot|mierenneuker|regelneef|zeikerd|"
    r"bemoeial|luiaard|nietsnut|profiteur|oplichter|leugenaar|hypocriet|bot|waardeloos|slecht|onbeleefd|"
    r"egoïst|egoist|onuitstaanbaar|vervelend mens|rotzak|rotwijf|botterik"
)

_NL_MOD = (
    r"toch |echt |gewoon |nogal |wel |heel |erg |ook |best |behoorlijk |ontzettend |zo |een beetje |vrij |"
    r"trouwens |eigenlijk |natuurlijk |gewoonweg |ronduit |wel erg |totaal |compleet |ni |niet zo |"
)

NL = Lexicon(
    lang="nl",
    judgement=_rx(
        # hindsight: "dat had je nooit moeten doen", "je had haar eerder moeten bellen"
        rf"\b(?:had|hadden) {_JE} (?:[a-zà-ÿ']+ ){{0,6}}(?:moeten|mogen|kunnen weten)\b",
        rf"\b{_JE} (?:had|hadden) (?:[a-zà-ÿ']+ ){{0,6}}(?:moeten|mogen|kunnen weten)\b",
        rf"\b(?:dat|het|dit|da's|das) (?:is |was |vind ik |lijkt me |klinkt )?(?:{_NL_MOD})*(?:{_NL_NEGATIVE})\b",
        rf"\b(?:ik vind|vind ik) (?:het |dat |dit |je |jou |hem |haar )?(?:{_NL_MOD})*(?:{_NL_NEGATIVE})\b",
        rf"\b(?:{_NL_NEGATIVE}) van (?:je|jou|jullie|hem|haar|die|ze|hen|u)\b",
        rf"\bwat een (?:{_NL_NEGATIVE})\b|\bwat een (?:eikel|sukkel|lul|zeikerd|zeur|klier|kwal|hork|lafaard|"
        r"idioot|betweter|bullebak|egoïst|egoist|mafkees|oen|prutser|amateur|amateurs|watje|doetje|sloddervos)\b|"
        rf"\bwat een (?:slechte|waardeloze|belabberde|hopeloze|slappe|luie|rare) ",
        # praise of what someone did in the case is an evaluation too; appreciation of bringing it in is not
        r"\b(?:goed|slim|knap|terecht|verstandig|sterk|handig|top|super|prima|wijs) (?:dat|van) (?:je|jij|u)\b"
        r"(?!.*\b(?:inbrengt|inbracht|deelt|deelde|vertelt|vertelde|durft|bespreekbaar|hier|hiermee|openheid|"
        r"komt|opstelt|kwetsbaar|groep|deze casus)\b)",
        r"\b(?:de juiste|een goede|een slimme|een verstandige|de goede) (?:keuze|beslissing|zet|reactie)\b|"
        r"\bslim idee van je\b|\b(?:goed|knap|sterk|netjes|prima|slim) gedaan\b(?! dat je (?:dit|hier))|"
        r"\bwat een held\b",
        r"\bover (?:je|jou|zich) heen (?:laten )?lopen\b|\bhet jezelf (?:[a-zà-ÿ']+ ){0,3}(?:moeilijk|lastig) "
        r"(?:gemaakt|maakt)\b|\b(?:heeft|hebt|had|heb|hebben) (?:het|dat|alles|de boel|dit|er) (?:[a-zà-ÿ']+ ){0,2}(?:verprutst|verknald|"
        r"verkloot|verknoeid|verpest|een potje van gemaakt)\b|\b(?:gefaald|steken laten vallen)\b|"
        r"^typisch\b|\btypisch (?:een|zo'n|iets voor)\b|\bdat had je kunnen weten\b",
        r"^(?:(?:en|maar|nou|dus),? )*had (?:je|jij|u) (?:het |dat |dit )?(?:niet )?(?:beter|eerder|meteen|direct)\b|"
        r"\bhad (?:je|jij|u) (?:[a-zà-ÿ']+ ){0,3}(?:toch )?kunnen (?:zien|weten|bedenken|verwachten|voorkomen|"
        r"vermijden|regelen|zeggen|doen)\b|"
        r"\bhoe is het mogelijk dat\b|\bhoe (?:is|kwam) het (?:bij je|in je hoofd) (?:op)?gekomen\b|"
        r"\b(?:laat|liet|laten) (?:je|jij) (?:je )?(?:[a-zà-ÿ']+ ){0,3}(?:aanpraten|inpakken|afschepen|gebruiken|"
        r"afbluffen|ondersneeuwen|overrulen|kisten|piepelen|intimideren|manipuleren)\b|"
        r"\b(?:hebben|heeft) (?:je|jou) (?:gewoon |echt )?(?:laten vallen|in de steek gelaten|laten zitten)\b|"
        r"\b(?:niet|ni) (?:zo |erg )?goed bezig\b|\bslecht bezig\b|\bniet geschikt\b|"
        r"\b(?:makkelijk|gemakkelijk|kortzichtig|brutaal|onaardig|oneerlijk|lui|laf|slordig|dom|naïef) van "
        r"(?:je|jou|hem|haar|die|ze)\b|"
        r"^(?:(?:wat |echt |heel |erg |zo )?(?:knap|goed|sterk|mooi|netjes|slim|top),?(?: (?:hoor|zeg),?)? )(?:hoe|dat) (?:je|jij) "
        r"(?:[a-zà-ÿ']+ ){0,8}(?:hebt|heeft|had|bent|was)\b|"
        r"\bde schuld van\b|\bgedraagt zich (?:[a-zà-ÿ']+ ){0,2}als\b|\bhoe bestaat het\b|\bhoe kan dat (?:nou|nu)\b|"
        r"\baan (?:jezelf|zichzelf) te danken\b|\bdacht (?:je|jij) (?:nou|nu) (?:echt )?|\bdacht (?:je|jij) echt dat\b|"
        r"\bveel te (?:veel|snel|laat|makkelijk|lang|weinig|zacht|soft|aardig|streng|goedgelovig|naïef)\b|"
        r"\b(?:vreselijk|naar|raar|akelig|onmogelijk|verschrikkelijk|eng) (?:type|mens|figuur|persoon|vent|wijf)\b|"
        r"\bmaakt? er (?:[a-zà-ÿ']+ ){0,2}(?:een )?(?:zooitje|puinhoop|potje|janboel|bende|rommeltje|soepje) van\b|"
        r"^(?:(?:nou|jeetje|zo),? )*wat (?:ben|bent|was) (?:je|jij) (?:toch |echt |wel )*[a-zà-ÿ']+ (?:geweest|zeg)\b|"
        r"\bdeugt (?:gewoon )?niet\b|"
        r"\bniet goed wijs\b|\b(?:je|jij) (?:hebt|heeft|had) (?:je|jezelf) (?:[a-zà-ÿ']+ ){0,4}laten\b|"
        r"^(?:(?:nou|jeetje|zo),? )*wat (?:ben|bent|is|was) (?:je|jij|hij|zij|ze) (?:toch |ook |echt )*(?:een|zo'n)\b",
        rf"\bwat (?:ontzettend |ongelooflijk |erg |echt )?(?:{_NL_NEGATIVE})\b",
        r"\b(?:je bent|jij bent|ben je|ben jij) (?:ook |gewoon |echt |veel |wel |toch |nogal |soms |misschien |"
        r"gewoon echt )*(?:te|veel te|gewoon|echt|zo|nogal) "
        r"(?:braaf|aardig|soft|lief|goed|makkelijk|streng|emotioneel|gevoelig|naïef|naief|zwak|bang|onzeker|"
        r"goedgelovig|slap|passief|dom|lui|laat)\b",
        rf"\b(?:hij|zij|ze|die|hem|dat|zo|deze|je|jouw|jullie|zo'n|de|het) (?:[a-zà-ÿ']+ (?:van (?:jou|je|jullie|u) )?)?"
        rf"(?:is|zijn|was|waren|klinkt|lijkt|blijkt) (?:{_NL_MOD})*(?:een |zo'n )?"
        rf"(?:echte |enorme |grote |ongelooflijke )?(?:{_NL_INSULT}|{_NL_NEGATIVE})\b",
        r"\bwat (?:een )?[a-zà-ÿ']+ van (?:je|jou|jullie|die|dat|hem|haar|hen|ze|u)\b(?! (?:om dit|om dat|dat je "
        r"dit|om hier))|\bin (?:godsnaam|hemelsnaam|vredesnaam|jezusnaam)\b",
        r"^(?:(?:nou|jeetje|tjonge|zo|pff),? )*wat (?:ben|bent|was|is) (?:je|jij|hij|zij|ze|die) (?:toch |ook |echt |"
        r"nogal |wel )*[a-zà-ÿ']+(?: zeg| hoor)?$",
        rf"\b(?:je|jij|u) (?:bent|was|bent geweest|hebt|had|heeft) (?:[a-zà-ÿ']+ ){{0,3}}(?:{_NL_NEGATIVE})\b",
        rf"\b(?:{_NL_NEGATIVE}) (?:bent|was) geweest\b",
        rf"\b(?:je|jij|u) (?:hebt|had|heeft) (?:{_NL_MOD})*(?:te weinig|te veel|te snel|te laat|niet genoeg|veel te)"
        r"\b",
        r"\beigen schuld\b|\bdat krijg je ervan\b|\bdat had ik nooit gedaan\b|\bdat zou ik nooit doen\b|"
        r"\bonbegrijpelijk\b|\bongelooflijk dat\b|\bik snap (?:echt )?niet (?:dat|hoe|waarom) je\b|"
        r"\bik begrijp (?:echt )?niet (?:dat|hoe|waarom) je\b|\bschande\b|\bbeschamend\b",
        # idioms of a verdict: "die baas kan er niks van", "dat kan echt niet", "te veel hooi op je vork"
        r"\bkan (?:er )?(?:echt |helemaal |gewoon |ook |totaal |dus )*(?:niks|niets|geen bal|geen moer|geen reet) van\b|"
        r"^(?:(?:maar|en|nee|echt|sorry),? )*(?:dat|dit) kan (?:echt |gewoon |toch |toch echt |natuurlijk |dus )*niet$|"
        r"\bte veel hooi op (?:je|jouw) vork\b(?! \?)|\b(?:heeft|hebben|had|hadden) (?:echt |totaal |helemaal |"
        r"gewoon |ook )*geen (?:benul|flauw idee|idee waar (?:hij|zij|ze|die) mee bezig)\b",
        r"^(?:(?:en|maar|nou|dus),? )*had (?:je|jij|u) (?:het |dat |dit |hem |haar )?niet (?:[a-zà-ÿ']+ ){0,4}"
        r"(?:kunnen|moeten) [a-zà-ÿ]+en\b",
        rf"\b(?:liet|laat) {_JE} (?:het|dat|dit) (?:zomaar |zo |gewoon |maar )+(?:gebeuren|gaan|lopen|passeren)\b",
        # reproaches phrased as questions
        rf"\bhoe (?:kun|kan|kunt|haal) {_JE} (?:dat|nou|nu|zoiets|zo|het in je hoofd)\b",
        rf"\bhoe kon {_JE}\b|\bhoe (?:kun|kan|kunt) {_JE} (?:[a-zà-ÿ']+ ){{0,5}}(?:nou|toch|zomaar|in vredesnaam)\b",
        rf"\bhoe (?:heb|had) {_JE} (?:dat|het|dit) (?:nou|nu|toch|kunnen)\b",
        rf"\bwaarom (?:heb|had|ben|was|deed|zei|liet|liep|gaf|nam|ging) {_JE} (?:[a-zà-ÿ']+ ){{0,3}}"
        r"(?:in hemelsnaam|in godsnaam|nou|toch|dan niet|niet gewoon|niet eerder|niet meteen|niet direct|niet)\b",
        r"\bwaarom in (?:hemelsnaam|godsnaam)\b",
        rf"\bwat (?:bezielde|bezielt|dacht) {_JE} (?:wel niet|eigenlijk|nou|toen wel)\b",
        r"\bwat (?:bezielde|bezielt) (?:je|jou|u)\b",
        rf"\bhoe kom {_JE} erbij\b|\bben {_JE} (?:nou |nu |soms )?(?:gek|helemaal gek|niet goed wijs)\b",
        rf"\bsnap {_JE} (?:dan |zelf )?(?:niet|nou niet)\b",
        rf"\bvind {_JE} (?:dat|het|dit) (?:zelf |nou |echt )?(?:normaal|professioneel|slim|oké|ok|verstandig|handig)\b",
        rf"\bbesef {_JE} (?:wel|eigenlijk) (?:wat|hoe)\b",
    ),
    advice=_rx(
        rf"\b{_JE} (?:moet|moeten|moest|zou|zouden|kunt|kan|kun|mag) (?:echt |gewoon |eens |maar |misschien |"
        r"beter |het beste |wel |toch |dan |eerst |gewoon eens |echt eens |eigenlijk |nu |zeker |altijd |"
        r"meteen |direct |vooral |even )*(?:[a-zà-ÿ']+ ){0,6}"
        r"(?:moeten|zeggen|doen|vragen|aangeven|melden|stoppen|gaan|nemen|bellen|praten|maken|regelen|"
        r"inplannen|proberen|delegeren|laten|houden|zoeken|aankaarten|bespreken|overleggen|weigeren|accepteren|"
        r"afspreken|opschrijven|aanspreken|sturen|stellen|geven|kiezen|voorleggen|escaleren|"
        r"trekken|beginnen|confronteren|loslaten|afbakenen|zetten|schrappen|uitleggen|inschakelen)\b",
        rf"\b(?:moet|zou|kun|kan|kunt) {_JE} (?:echt |gewoon |eens |maar |misschien |beter |het beste |wel |toch |"
        r"eerst |eigenlijk |zeker |vooral |even )+",
        rf"\b{_JE} moet\b|\bmoet {_JE}\b|\b{_JE} moeten\b",
        rf"\bmisschien (?:moet|kun|kan|kunt|zou|moeten) {_JE}\b|\bmisschien is het (?:een idee|goed|beter|slim|handig|"
        r"verstandig)\b|\bwellicht (?:is het|kun je|kan je|moet je|zou je)\b",
        r"\bik zou (?!graag\b|willen weten\b|benieuwd\b|me afvragen\b|het (?:graag )?willen weten\b)"
        r"(?:zeggen|kiezen|gaan|stoppen|bellen|vragen|aangeven|melden|proberen|nemen|doen|beginnen|praten)\b",
        r"\bals ik (?:jou|u|jij) (?:was|ben|zou zijn)\b|\bin jouw (?:plaats|schoenen)\b|\bik zou zeggen\b|\bwat ik (?:zelf )?(?:zou|zal|zou gaan) doen\b",
        r"\bhet (?:beste|handigste|slimste|verstandigste|makkelijkste) (?:is|kun|kan|lijkt|zou)\b",
        r"\b(?:het )?lijkt me (?:goed|verstandig|beter|slim|handig|een idee|nuttig|wijs|raadzaam|tijd)\b",
        r"\bhet (?:is|lijkt) (?:beter|verstandig|slim|handig|goed|tijd|raadzaam|wijs) (?:om|als|dat je)\b",
        r"\b(?:is het|lijkt het me) (?:misschien )?een idee\b|\bmijn (?:tip|advies|suggestie)\b|\btip :|"
        r"\bik (?:raad|adviseer|stel voor|zou voorstellen)\b|\bik raad (?:je|jou|u) aan\b",
        r"\bbij ons (?:werkte|hielp|deden we|doen we|werkt|helpt)\b|\bwat (?:bij mij|mij|ons) (?:altijd )?"
        r"(?:werkte|hielp|helpt|werkt)\b|\btoen heb ik (?:gewoon|maar|meteen|direct)\b|"
        r"\bik heb (?:zelf )?(?:goede ervaringen?|veel baat)\b|\bdat heb ik ook (?:eens )?gedaan\b",
        r"\bdan (?:moet|kun|kan|zou) (?:je|jij|u)\b|\bdan ben je er\b|\bdan is het opgelost\b",
        r"\bgewoon (?:nee|ja) zeggen\b|\bniet (?:over )?nadenken\b|\b(?:mijn|een|kleine|gouden) tip\b|\btip van mij\b|"
        r"\bhet (?:is|zou|lijkt) (?:[a-zà-ÿ']+ ){0,3}(?:slim|goed|verstandig|handig|beter|wijs|raadzaam|nuttig|fijn)"
        r"(?: zijn)? om\b|^wat (?:je|jij) (?:nodig hebt|moet doen) is\b",
        r"\bwat (?:je|jij) (?:moet|zou moeten|het beste kunt|kunt|zou kunnen) doen(?: is)?\b",
        r"\bdat (?:loste|hielp|werkte)\b|\bzou (?:[a-zà-ÿ']+ ){0,4}(?:ook )?(?:prima |goed |best )?(?:werken|helpen)\b|"
        r"\b(?:een )?(?:idee|suggestie|tip) :|\b(?:wellicht|misschien|mogelijk) (?:is het )?(?:handig|slim|goed|"
        r"verstandig|een idee|nuttig|fijn) om\b|^niet (?:[a-zà-ÿ']+ ){0,3}[a-zà-ÿ]{2,}en\b|"
        r"\b(?:aanraden|aan te raden|aanbevelen)\b|"
        r"^(?:(?:misschien|gewoon|even|eerst|maar|eens),? )+(?:[a-zà-ÿ']+ ){0,3}(?!hebben\b|zijn\b|worden\b)"
        r"[a-zà-ÿ]{2,}en\b|\bloste ik (?:dit|dat|het) op\b|\b(?:scheelde|scheelt) (?:een hoop|veel|enorm)\b|\bik heb (?:dat|dit|het) "
        r"(?:toen |zelf )?(?:opgelost|aangepakt) door\b",
        r"\b(?:dat|zo) (?:zou|zal) ik (?:ook |zelf |dan |echt )*(?:doen|proberen|aanpakken)\b",
    ),
    statement_advice=_rx(
        r"\b(?:zou|zal) ik (?!ook\b|graag\b|willen weten\b|benieuwd\b|(?:[a-zà-ÿ']+ ){0,4}(?:vinden|voelen|schrikken|balen|"
        r"worden|zijn|weten|horen|snappen|begrijpen)\b)",
        rf"^(?:(?:en|dus|dan|nou|ja|maar|volgens mij|eerlijk gezegd|trouwens|sowieso),? )*{_JE} (?:moet|moeten|zou|"
        r"zoudt|kunt|kan|kun|mag|moest)\b",
        r"\bik zou (?!graag\b|willen weten\b|benieuwd\b|me afvragen\b|(?:[a-zà-ÿ']+ ){0,4}(?:vinden|voelen|"
        r"schrikken|balen|worden|zijn|weten|horen|snappen|begrijpen)\b)",
        rf"\bdat {_JE} (?:[a-zà-ÿ']+ ){{0,8}}(?:moet|moeten|zou moeten|moest|beter kunt|beter kan)\b",
        r"\bzou (?:[a-zà-ÿ']+ ){0,4}moeten\b|\b(?:misschien |wellicht )?(?:een )?(?:goed )?idee om\b|"
        r"\bhet is (?:misschien |wellicht )?een idee\b",
        r"\bdat (?:werkte|hielp|werkt|helpt) (?:bij mij |bij ons )?(?:prima|goed|perfect|echt|uitstekend|wonderen|"
        r"top)\b|\b(?:ben|heb) (?:ik )?toen (?:gewoon|maar|meteen)\b",
        r"^(?:(?:gewoon|maar|even|eerst|eens),? )+[a-zà-ÿ]+en\b",
        r"^(?:gewoon|gwn|eerst|maar|even),? (?!(?:[a-zà-ÿ']+ )*(?:je|jij|ik|we|wij|u|ze|hij|zij|het|is|was|zijn|"
        r"waren|heeft|had|hebben)\b)(?:[a-zà-ÿ']+ ){0,9}[a-zà-ÿ]{3,}en\b",
    ),
    hedge=re.compile(r"(?<!\bof )(?<!\bnog )\b(?:gewoon|misschien|wellicht|eventueel|soms niet|eens niet)\b"),
    hedge_start=re.compile(r"^(?:misschien|wellicht|eventueel)\b"),
    process=_rx(
        r"\bmag ik (?:nog |nu |even |ook |dan )*(?:een |iets |één |nog een )?(?:vraag|vragen)\b|\bwaar (?:zijn|waren) we\b|"
        r"\bik was (?:even )?(?:weg|afgeleid|kwijt)\b|\bik heb (?:nog )?(?:een|geen) "
        r"(?:vraag|vragen)(?: meer)?\s*[.!]?$|\bkunnen we (?:even )?(?:een )?(?:pauze|korte pauze)\b|"
        r"\bis het mijn beurt\b|\b(?:wil|kan) iemand\b.*\bherhalen\b|\b(?:vragenronde|adviesronde)\b|\bhoeveel tijd (?:hebben we|is er)\b|\bde vraag (?:nog )?(?:een keer|eens|"
        r"opnieuw) (?:herhalen|stellen)\b|\bben ik aan de beurt\b|^zullen we\b|\bmag ik (?:even |nog )?(?:terugkomen|reageren|"
        r"aanvullen|inhaken)\b|\bzal ik (?:mijn|de|die|deze) vraag\b|\bik (?:stel|formuleer) "
        r"(?:mijn|de) vraag (?:anders|opnieuw)\b"
    ),
    rhetorical=re.compile(
        r"^(?:(?:en|dus|nou|maar),? )*(?:is|was|zou|lijkt|wordt) (?:het|dat) (?:[a-zà-ÿ']+ ){0,2}(?:niet|geen)\b"
    ),
    quoting=re.compile(r"^(?:(?:en|dus|oké|ok),? )*(?:je|jij|u) (?:zei|zegt|noemde|noemt|vertelde|gebruikte) "),
    imperative=re.compile(
        r"^(?:(?:gewoon|maar|eens|even|misschien|dus|dan|en|ok|oké|nou|toch|echt|vooral|gerust|eerlijk gezegd|"
        r"serieus|weet je wat),? )*"
        r"(?:stel(?! dat| je voor| je eens voor)|dien|zeg|vraag|stop|neem|bel|plan|maak|stuur|schrijf|laat|geef|zoek|leg|spreek|probeer|doe|kies|"
        r"meld|trek|begin|hou|houd|wees|blijf|lees|regel|delegeer|zet|check|praat|bespreek|overleg|escaleer|"
        r"schakel|accepteer|vertrouw|durf|focus|pak|ga|kaart|geef|weiger|schrap|reserveer|blokkeer|sluit|"
        r"negeer|vergeet|zorg|wacht|loop|let|benoem|vraag|confronteer|streep|denk eens|kijk eens|kijk naar|"
        r"denk aan|geniet|gun|doe dat|doe het)\b(?! {_JE}\b)".replace("{_JE}", _JE)
    ),
    suggestive=_rx(
        rf"^(?:(?:en|dus|nou|maar|ok|oké),? )*(?:heb|hebt|had|ben) {_JE}\b.*\b(?:al|eens|ooit|weleens)\b.*"
        r"\b(?:overwogen|geprobeerd|gedacht|bedacht|nagedacht|uitgeprobeerd|gekeken|gezocht|geïnformeerd|"
        r"gesproken|gepraat|overlegd|gemeld|aangekaart|gevraagd|geweest|gestapt)\b",
        r"^(?:(?:en|dus|nou|maar|ok|oké),? )*(?:zou|zouden)\b.*\bniet\b",
        rf"\b(?:heb|had|hebt) {_JE} (?:[a-zà-ÿ']+ ){{0,4}}aan (?:[a-zà-ÿ']+ ){{0,3}}gedacht\b",
        rf"\b(?:kun|kan|kunt|moet|zou|zoudt|mag|wil) {_JE} (?:(?!wat |hoe |waarom |waar |wie |welke |of |dat je )"
        r"[a-zà-ÿ']+ ){0,3}(?:niet|geen)\b(?! (?:meer|zo goed|goed|alles|zeggen wat|vertellen))",
        r"\btoch (?:wel|zeker|ook wel)\b.*\?$|\bniet (?:beter|handiger|slimmer|verstandiger|makkelijker|eerlijker|prettiger|effectiever|fijner)\b",
        r"\bwat maakt dat (?:je|jij) nog (?:steeds )?(?:niet|geen)\b|\bwat (?:houdt|belet|weerhoudt) (?:je|jou) "
        r"(?:tegen |ervan )?om\b|"
        r"\bwat weerhoudt (?:je|jou) (?:ervan )?om\b",
        r"\bwat (?:vind|denk) (?:je|jij) (?:ervan|van het idee|daarvan) (?:om|als)\b|\bwat denk je van\b|"
        r"\bhoe zou het zijn als (?:je|jij) (?:gewoon|eens|nou)\b",
        rf"\bwaarom (?:[a-zà-ÿ']+ ){{1,2}}{_JE} (?:[a-zà-ÿ']+ ){{0,3}}geen\b",
        rf"(?<!wat )(?<!hoe )(?<!wie )(?<!waar )(?<!welke )(?<!wanneer )\b(?:heb|hebt|had|ben) {_JE} (?:er |het |dat |dit )?(?:al |wel |nog |ooit |eens |weleens |al eens |wel eens |"
        r"nooit |niet |nog nooit |al eerder |toevallig )*(?:aan gedacht|gedacht aan|gedacht om|overwogen|"
        r"geprobeerd|nagedacht over|over nagedacht|uitgeprobeerd|aan gedacht om)\b",
        rf"\b(?:heb|ben) {_JE} (?:al|wel|nog|nooit|eens|niet|al eens|wel eens) (?:[a-zà-ÿ']+ ){{0,5}}"
        r"(?:gesproken|gepraat|overlegd|gevraagd|besproken|aangekaart|gemeld|gezegd|aangegeven|voorgesteld|"
        r"gebeld|gemaild|gecheckt|geregeld|gedelegeerd|ingeschakeld|aangesproken|uitgelegd|geweigerd|"
        r"opgeschreven|ingepland|geweest|gegaan|naartoe gegaan)\b",
        r"\bzou (?:het|dat|dit) (?:niet |soms |misschien |ook |wellicht |dan )*(?:helpen|beter|verstandig|"
        r"handig|een idee|goed|slim|kunnen helpen|schelen|uitmaken|werken|fijn|makkelijker|prettiger|een "
        r"oplossing|opluchten)\b",
        r"\b(?:zou|kan|kon) het (?:ook |misschien |soms |niet )*(?:zo )?(?:kunnen|zijn) (?:zijn )?dat\b",
        r"\bkan het (?:zijn|kloppen) dat\b|\bzou het kunnen\b|\bkan het niet zo zijn\b",
        r"\bis (?:het|dat) (?:niet|soms|misschien|eigenlijk niet|dan niet|toch) (?:beter|verstandiger|handiger|"
        r"slimmer|eerlijker|makkelijker|zo|een idee|tijd|logisch|gewoon|omdat|zo dat|juist|ook)\b",
        r"\bis (?:het|dat) (?:geen|niet een) (?:idee|optie|tijd|oplossing|goed idee)\b",
        r"\blijkt (?:het|dat) (?:je|jou) (?:niet |ook niet )?(?:beter|verstandig|een idee|goed|slim)\b",
        rf"\b(?:kun|kan|kunt|moet|moeten|zou|zouden|mag|wil) {_JE} (?:dan |ook |er |haar |hem |het |dat |"
        r"eigenlijk )?(?:niet|nou niet|dan niet|eigenlijk niet)\b(?! (?:meer|zo goed|goed|alles))",
        rf"\b(?:kun|kan|kunt|zou|zouden|moet|mag|wil) {_JE} (?:[a-zà-ÿ']+ ){{0,3}}(?:gewoon|eens|misschien|"
        r"beter|wellicht|simpelweg|even)\b",
        r"\bwaarom (?:[a-zà-ÿ']+ ){1,3}(?:niet gewoon|gewoon niet|niet eens|niet even|niet gewoon eens)\b",
        rf"\bwaarom (?:niet|niet gewoon)\b|\bwaarom (?:zeg|vraag|doe|ga|stop|neem|probeer|bel|stuur|laat|geef|"
        rf"maak|zoek|plan|spreek|kaart|meld|leg|kies|trek|weiger|schakel|delegeer) {_JE} (?:[a-zà-ÿ']+ ){{0,3}}niet\b",
        rf"\b(?:vind|denk|voel|merk|zie|weet) {_JE} (?:ook|zelf|eigenlijk|dan|toch|zelf ook)? ?(?:niet|nou niet) "
        r"(?:dat|ook dat|zelf dat)\b",
        rf"\b(?:vind|denk) {_JE} (?:het|dat|dit) (?:ook |zelf )?niet\b",
        rf"\bben {_JE} (?:het )?(?:niet )?(?:met me |met mij )?eens dat\b",
        rf"\bben {_JE} (?:niet|misschien|soms|gewoon) (?:gewoon |te |een beetje |heel |erg |ook )*(?:bang|moe|"
        r"boos|jaloers|onzeker|overbelast|perfectionistisch|te aardig|te streng|op|overspannen|gekwetst|"
        r"gefrustreerd|teleurgesteld|verliefd|te betrokken|te goed|te lief|te veel)\b",
        r"\bwat als (?:je|jij|u|jullie)\b|\ben als (?:je|jij) (?:nu |nou |gewoon |eens |dan )\b|"
        r"\bals (?:je|jij|u) (?:[a-zà-ÿ']+ ){0,6}(?:gewoon|eens|nou eens)\b|"
        rf"\bwat (?:zou er gebeuren|gebeurt er|zou er dan gebeuren) als {_JE} (?:gewoon|eens|nou|nu|morgen)\b",
        r"\b(?:ligt|lag) (?:het|dat) (?:niet|misschien|soms) (?:ook )?aan\b|\bkomt (?:het|dat) (?:niet|misschien|"
        r"soms) (?:doordat|omdat|door)\b|\bheeft (?:het|dat) (?:niet|misschien|soms) (?:ook )?te maken met\b|"
        r"\bspeelt (?:er|daar) (?:niet|misschien|soms) (?:ook )?\b|\bzit (?:er|daar) (?:niet|misschien|soms) "
        r"(?:ook )?\b|\bhangt (?:het|dat) (?:niet|misschien) samen met\b",
        r"^(?:(?:en|dus|nou|maar),? )*zou je (?:haar|hem|het|dat|ze|niet|eens|gewoon|kunnen|moeten) (?:[a-zà-ÿ']+ ){0,4}"
        r"(?:kunnen|moeten)\b",
        r"^(?:(?:en|dus|nou|maar),? )*(?:is|zou|lijkt|wordt|werd) (?:het|dat) (?:[a-zà-ÿ']+ ){0,2}(?:niet|geen)\b",
        r"\bgeen (?:goed |slecht )?idee\b|\bwat zou je ervan vinden (?:om|als)\b|\bniet (?:eens )?tijd (?:voor|om)\b",
        rf"^(?:(?:en|dus|nou|maar),? )*waarom (?!heb\b|had\b|ben\b|was\b|deed\b|zei\b|liet\b|ging\b)[a-zà-ÿ']+ "
        rf"{_JE} (?:[a-zà-ÿ']+ ){{0,6}}(?:niet|geen)\b",
        r"\bmoet (?:je|jij) (?:niet )?(?:[a-zà-ÿ']+ ){0,3}(?:gewoon|eens|beter|niet)\b",
        r"\bhelpt het (?:niet|misschien|als)\b|\bhelpt (?:het|dat) (?:niet )?(?:om|als)\b",
        r"\bis het (?:geen|niet) (?:tijd|verstandig|slim)\b|\bis het (?:misschien|soms) (?:zo|omdat|een "
        r"kwestie)\b",
        rf"\b(?:heb|hebt|had) {_JE} (?:[a-zà-ÿ']+ ){{0,3}}(?:eraan|daaraan) gedacht om\b|\bwat let (?:je|jou|jullie|u)\b|"
        r"\bwat maakt dat (?:je|jij) (?:[a-zà-ÿ']+ ){1,5}nog (?:steeds )?(?:niet|geen)\b",
        # "hoe zou het zijn als je dat gesprek samen met de mentor voert?": a plan of the asker's
        r"\bhoe zou het (?:zijn|voelen|gaan|uitpakken) als (?:je|jij|u) (?:[a-zà-ÿ']+ ){0,7}(?:doet|voert|zegt|"
        r"vraagt|belt|neemt|stopt|gaat|maakt|laat|geeft|stuurt|kiest|doorverwijst|bespreekt|aangeeft|plant|regelt|"
        r"probeert|weigert|delegeert|meldt|inschakelt|thuiswerkt|werkt|overdraagt|opzegt|afzegt|uitnodigt)\b",
    ),
    suggestive_tail=re.compile(
        r"(?:,|\btoch) (?:toch |niet dan |of niet |hè |he |nietwaar |zeker )?\?$|, (?:toch|niet dan|of niet|hè|nietwaar)$"
    ),
    invitation=_rx(
        rf"\b(?:kun|kan|kunt|wil|zou|zoudt|mag ik) {_JE} (?:[a-zà-ÿ']+ ){{0,6}}(?:vertellen|beschrijven|"
        r"uitleggen|toelichten|schetsen|omschrijven|verwoorden|uitdiepen|zeggen over|zeggen|vertellen over|"
        r"delen|laten zien|meenemen|voorbeeld geven|voorbeeld noemen|schilderen|noemen|aangeven wat|aangeven hoe|verduidelijken|uitweiden|"
        r"terughalen|beschrijven hoe|benoemen)\b",
        r"^(?:(?:en|dus|oké|ok|nou|misschien) )?(?:vertel|beschrijf|schets|omschrijf|zeg eens|neem (?:ons|me|mij) (?:eens |even )?mee|"
        r"neem me mee|leg eens uit|licht eens toe|licht toe|vertel eens|vertel es|vertel ns|vertel nog eens|"
        r"vertel ons|vertel me)\b",
        r"\bik (?:vraag me af|ben benieuwd|ben nieuwsgierig|zou graag (?:willen )?(?:weten|horen)|wil graag "
        r"(?:weten|horen)|hoor graag)\b(?! of\b)",
        r"\bwil je (?:daar|er|hier) (?:[a-zà-ÿ']+ ){0,3}(?:iets )?(?:over|meer|op)\b",
        r"\bmag ik (?:vragen|je vragen) (?:wat|hoe|waar)\b",
    ),
    open_start=re.compile(
        r"^(?:(?:en|dus|oké|ok|nou|maar|ja|en dan|stel|of|hmm|ehm) )*(?!wat (?:je|jij) (?:nodig hebt|moet doen) is\b)"
        r"(?:(?:bij|met|aan|voor|van|naar|op) (?:wie|welke) "
        r"(?=(?:[a-zà-ÿ']+ ){0,2}(?:zou|zouden|kan|kun|kunnen|zal))|(?!wat (?:ik|mij|ons|bij)\b|wat (?:je|jij) "
        r"(?:moet|zou moeten|het beste kunt) doen\b)(?:wat|hoe|waarom|waardoor|waarvoor|waarmee|"
        r"waarover|waarop|waaraan|waarin|waaruit|waarnaar|waarbij|welke?|in hoeverre|op welke|in welke|"
        r"wat maakt|wat maakte|wiens|waar|wanneer|sinds wanneer|(?:toen|daarna|verder)\s*$|wie (?:zou|kan|kun|kunnen|zouden|helpt|steunt|heb je nodig)|wie (?:[a-zà-ÿ']+ ){1,3}(?:zou|zouden|kan|"
        r"kunnen) (?:je|jij|u) (?:[a-zà-ÿ']+ ){0,3}(?:helpen|steunen|ondersteunen|bijstaan)))\b"
    ),
    closed_start=re.compile(
        r"^(?:(?:en|dus|oké|ok|nou|maar|ja|en dan) )*(?:(?:hoe (?:lang|vaak|oud|veel|groot|laat|ver|zeker)|"
        r"hoeveel|zie (?:je|jij|u) (?:het|dat) (?:wel |nog |echt )?zitten|wie(?! (?:zou|kan|kun|kunnen|zouden|helpt|steunt|heb je nodig))(?! (?:[a-zà-ÿ']+ ){1,3}(?:zou|zouden|kan|"
        r"kunnen) (?:je|jij|u) (?:[a-zà-ÿ']+ ){0,3}(?:helpen|steunen|ondersteunen|bijstaan)\b)|wanneer(?!.*\b(?:wel|merk|"
        r"merkte|voel|voelde|gevoel|lukt|lukte|vaker|meestal|ervaar|kom je|gaat het|word je|ben je op je)\b)|welke (?:dag|datum|tijd|afdeling|functie|klas|collega|school|cliënt|client|"
        r"leerling|jaar|maand|week|rol|team|locatie|collega's|opleiding|keer|medicatie|medicijnen|diagnose|dosis)|sinds wanneer(?!.*\b(?:merk|merkte|voel|voelde|gevoel|ervaar)\b)|wat (?:is|was) (?:je|jouw|zijn|"
        r"haar|hun) (?:functie|rol|leeftijd|naam|opleiding|taak|afdeling|contract)|wat voor (?:werk|functie|"
        r"opleiding|contract|afdeling|soort|team|school|organisatie)|(?:op |in |bij |met )?welke (?:locatie|afdeling|dag|school|plek|vestiging|klas|groep|vakken|vak|"
        r"klassen|groepen|uren|dagen)|hoe heet|waar (?:werk|woon|was|is|zit|"
        r"ben|gebeurde|speelde|vond|werkt)\b(?!(?: [a-zà-ÿ']+){4})(?!.*\b(?:voor|aan|tegenaan|over|op|mee|van|uit|"
        r"door|naar|om|bij|vandaan|in|toe|naartoe)\s*\??\s*$)))\b"
    ),
    verb_first=re.compile(
        rf"^(?:(?:en|dus|oké|ok|nou|maar|ja|en dan|of) )*(?!laat je niet|maak je (?:niet|geen)|zet je (?:er )?over)(?:(?!dank|bedankt|sterkte|succes|goed|fijn|knap|mooi|"
        rf"zeg|vertel|stel|wat|hoe|waar|wie|als|dat|toen|omdat|want|zodat|terwijl|nu|dan|wanneer|welke|dus|en|maar|"
        rf"nou|ja|oké|ok|of|trouwens|eigenlijk|ook|misschien)[a-zà-ÿ']+ {_JE}|(?:is|was|waren|zijn|ben|bent|heb|hebt|heeft|had|hadden|kun|kunt|kan|"
        r"kon|konden|zou|zouden|wil|wilt|wilde|moet|moest|mag|mocht|doe|doet|deed|ga|gaat|ging|vind|vindt|vond|"
        r"denk|dacht|voel|voelde|weet|wist|werk|werkt|werkte|speelt|speelde|krijg|kreeg|merk|merkte|zie|zag|"
        r"hoor|hoorde|lukt|lukte|klopt|klopte|gebeurt|gebeurde|komt|kwam|word|wordt|werd|zit|zat|staat|stond|"
        r"herken|ervaar|snap|begrijp|verwacht|blijft|bleef|praat|sprak|helpt|hielp|geeft|gaf|neemt|nam|"
        r"hebben|maakt|maakte|weten|reageerde|reageert|heette|heet) (?:het|er|ze|zij|hij|dat|die|de|dit|hun|"
        r"haar|zijn|jouw|je|men|iemand|iedereen|u|jullie|ik|zoiets|daar|dit))\b"
    ),
    why=re.compile(r"\bwaarom\b"),
    exclamation=re.compile(
        r"^(?:(?:oh|o|ah|nou|jee|jeetje|tjonge|pff|poeh|zo|ja|oei|au|amai|allez|wauw|wow|goh|hé|man),? )*wat (?:een|vervelend|naar|rot|lastig|"
        r"moeilijk|heftig|pijnlijk|erg|jammer|herkenbaar|mooi|fijn|goed|knap|sterk|dapper|moedig|gaaf|bijzonder|"
        r"interessant|spannend|zwaar|frustrerend|balen|klote|zuur|pittig|akelig|vreselijk|verdrietig|schrijnend|"
        r"ingewikkeld|complex|intens|veel|eng|stom|dom|naïef|naief|raar|vreemd|leuk|tof|prachtig|ontroerend|"
        r"confronterend|ellendig|kut|shit|triest|sneu|lief|attent|slim|dom van|ontzettend|ongelooflijk|"
        r"afschuwelijk|verschrikkelijk|onhandig|onprofessioneel|lui|laf|kinderachtig|belachelijk)\b"
        r"(?!.*\?\s*$)|^wat (?:is|was) (?:dat|het) (?:toch |ook |echt )?(?:[a-zà-ÿ']+) (?:zeg )?!"
    ),
    other=_rx(
        r"^wat [a-zà-ÿ']+ voor (?:je|jou|u|jullie)\b|\bdank(?:je|jewel|u|e| je| je wel| u wel)?\b|\bbedankt\b|\bmerci\b",
        r"\bik herken\b|\bherkenbaar\b|\bals ik (?:je|jou|u) (?:goed )?(?:begrijp|hoor|volg)\b|"
        r"\b(?:je|jij) zegt (?:dus|eigenlijk)\b|\bhet klinkt (?:alsof|als|naar)\b|\bik hoor (?:je|dat|in)\b|"
        r"\bik (?:snap|begrijp) (?:het|dat|je)\b|\bdat (?:lijkt|klinkt) me\b|\b(?:goed|knap|fijn|mooi|sterk|"
        r"moedig|dapper) dat je\b|\bdus (?:als ik|wat ik)\b|\bsamengevat\b|\bkortom\b|\bik heb geen vragen\b|"
        r"\bgeen vragen meer\b|\bik leef met je mee\b|\bsterkte\b|\bvervelend voor je\b|\bnaar voor je\b|"
        r"\brot voor je\b|\bdapper van je\b|\bknap van je\b|\bmooi van je\b|\bfijn dat\b|"
        r"\b(?:dapper|moedig|fijn|mooi|knap|sterk|goed) om (?:[a-zà-ÿ']+ ){0,5}(?:casus|verhaal|inbreng)\b|"
        r"\bdaar zou ik (?:ook )?(?:slecht van slapen|wakker van liggen|van wakker liggen)\b",
    ),
    second_question=re.compile(
        r"(?:,|\ben|\bof|\bmaar) (?:ook )?(?:waarom|wat dan|hoe dan|hoezo)\s*$|"
        r"(?:,|\ben|\bof|\bmaar) (?:ook )?(?:wat|hoe|waarom|welke|wie|wanneer|waardoor|in hoeverre) "
        r"(?!je\b|jij\b|ze\b|hij\b|zij\b|u\b|we\b|het\b|dat\b|er\b|ik\b)"
        r"(?:[a-zà-ÿ']+ ){0,2}(?:je|jij|u|er|ze|zij|hij|het|dat|deed|dacht|voelde|zou|wil|vind|is|was|maakt|maakte)\b|"
        r"\ben (?:is|was|zijn|waren|heb|hebt|heeft|weet|wist|ben|bent) (?:je|jij|die|hij|zij|ze|het|er|hr|jullie|"
        r"iemand)\b"
    ),
    feelings=AnyWord(
        r"\bwat (?:deed|doet|deden|doen) (?:[a-zà-ÿ']+ ){0,5}met (?:je|jou|jezelf|u)\b|\bhoe (?:was|is) (?:het|dat) voor (?:je|jou|u)\b|\bwat gebeurt(?:e)? er in "
        r"(?:je|jou)\b|\b(?:voel|voelde|voelt|voelen|gevoel|gevoelens|emotie|emoties|raakte|raakt|geraakt|boos|bang|"
        r"verdriet|verdrietig|angst|schaamte|schaamde|schrok|frustratie|gefrustreerd|blij|machteloos|"
        r"onmachtig|spanning|gespannen|onrust|onrustig|geïrriteerd|irritatie|teleurgesteld|teleurstelling|"
        r"kwaad|woede|paniek|opgelucht|ervaarde|ervaar|ervaren|beleefde|beleef|lijf|lichaam|buik|keel|energie|"
        r"wat deed dat met je|wat doet dat met je|wat deed het met je|wat doet het met je|wat gebeurde er met je|"
        r"wat gebeurt er met je|wat gebeurde er in je|emotioneel|stemming|gemoed)\b"
    ),
    thoughts=AnyWord(
        r"\b(?:verklaar|verklaart|verklaring|denk|dacht|denkt|gedacht|gedachte|gedachten|vind|vond|vindt|mening|overtuiging|overtuigingen|"
        r"door je heen|door je hoofd|tegen jezelf|zei je tegen jezelf|zeg je tegen jezelf|overweging|"
        r"overwegingen|verwacht|verwachtte|verwachting|verwachtingen|aanname|aannames|interpretatie|"
        r"veronderstel|conclusie|inschatting|oordeel|bedoeling|opvatting|kijk je|keek je|beeld|"
        r"ziet|zie je|zag je|snapte|begreep|twijfel|twijfelt|twijfelde|afweging|afwegingen|bedacht)\b"
    ),
    motives=re.compile(
        r"\b(?:weegt|wegen|woog) (?:[a-zà-ÿ']+ ){0,4}mee\b|\bgaat het (?:je|jou|jij) om\b|\bhoe (?:kwam|komt) "
        r"het dat\b|\bbelangrijk\w*|\b(?:drijft|dreef|drijfveer|drijfveren|motief|motieven|motivatie|wil je|wilde je|wil jij|"
        r"wilde jij|willen|wens|wensen|verlangen|hoop|hoopte|hoopt|waarde|waarden|waardevol|doel|doelen|"
        r"bereiken|nastreven|waarom|waar doe je het voor|wat maakt dat|wat maakte dat|waardoor|nodig|behoefte|"
        r"behoeftes|behoeften|drive|beweegt|bewoog|staat voor|principe|principes|er toe|ertoe|zin|betekenis|"
        r"betekent|betekende|wat levert|wat leverde|wat brengt|wat bracht|wat houdt je tegen|tegenhoudt|"
        r"tegenhield|houdt je tegen|hield je tegen|vrees|bang voor|verantwoordelijk|zorgen over)\b"
    ),
    alternatives=AnyWord(
        r"\b(?:zou (?:[a-zà-ÿ']+ ){0,4}(?:eruitzien|uitzien|steunen|helpen)|steunen|steun|eruitzien|overwogen|"
        r"geprobeerd|bedacht|anders|andere|alternatief|alternatieven|mogelijkheid|mogelijkheden|"
        r"optie|opties|keuze|keuzes|"
        r"kiezen|ruimte|nog meer|wat nog|volgende stap|volgende keer|een volgende|stap|stappen|wat zou je|"
        r"wat kun je|wat kan je|wat zou helpen|wat helpt|wat zou jou helpen|zou je kunnen|kun je nu|wat nu|"
        r"plan|oplossingen|scenario|scenario's|uitweg|welke kant|richting|ideaal|ideale|gewenste|wat als het|"
        r"zelf bedenken|zou willen|wat zou er|morgen|toekomst|verder)\b"
    ),
    markers=frozenset(
        (
            "je jij het een de dat wat hoe ik niet van is en heb zou waarom met voor er die toch ook naar maar "
            "gewoon eens hebt was ben bent deed zei jou jouw mij zij ze hij haar hem wij we ons moet kun kan wilt "
            "wil daar hier nog al dan als om te op aan bij uit over zijn werd wordt geen meer jullie"
        ).split()
    ),
)


_EN_NEGATIVE = (
    r"reckless|gullible|too late|way too late|negligent|spineless|useless|hopeless|a disgrace|a shambles|"
    r"stupid|silly|dumb|naive|unprofessional|careless|lazy|irresponsible|ridiculous|pathetic|foolish|"
    r"a mistake|a big mistake|wrong|weak|immature|childish|sloppy|cowardly|reckless|rude|selfish|"
    r"not very smart|not smart|not professional|not okay|not ok|unacceptable|inexcusable|a bad idea|"
    r"your own fault|your fault|a terrible idea|a cop out|a cop-out|crazy|insane|absurd"
)

EN = Lexicon(
    lang="en",
    judgement=_rx(
        r"\b(?:you|u) (?:should|shouldn't|should not|could|ought to|oughta) (?:never |not |really )?(?:have|'ve|of)\b|"
        r"\bwaste of (?:space|oxygen|a salary)\b|\bdid (?:you|u) really think\b|\byou (?:handled|dealt with|managed) "
        r"(?:[a-z']+ ){0,4}(?:really |so |very |incredibly )?well\b|\byou should've\b|"
        r"\byou shouldn't've\b|\bshould have known\b",
        rf"\b(?:that|this|it) (?:was|is|sounds|seems) (?:really |just |pretty |rather |very |quite |so |a bit |"
        rf"incredibly |totally |completely |frankly |honestly )*(?:{_EN_NEGATIVE})\b",
        r"\bhow (?:stupid|silly|dumb|naive|unprofessional|careless|lazy|irresponsible|ridiculous|pathetic|"
        r"childish|selfish|rude|reckless)\b|\bwhat a (?:stupid|silly|dumb|foolish|ridiculous|naive|careless) ",
        r"\byou(?:'re| are) (?:just |being |really |way |far |much |simply |so |too |a bit |clearly )+(?:too )?"
        r"(?:soft|nice|naive|sensitive|emotional|weak|passive|lazy|stupid|gullible|scared|insecure|"
        r"a pushover|a doormat|dramatic|defensive|stubborn)\b",
        r"\b(?:he|she|they|your manager|your boss|that colleague|your colleague|that man|that woman|those "
        r"parents|that client|the client|people like that|someone like that|your team leader)(?:'s| is| are| "
        r"was| were| sounds| seems) (?:just |really |clearly |obviously |simply |so |pretty |a |an |quite |"
        r"being )*(?:lazy|incompetent|rude|arrogant|bully|toxic|difficult|selfish|unprofessional|useless|"
        r"manipulative|narcissist|jerk|idiot|impossible|unreasonable|a pain|nightmare|control freak|"
        r"know-it-all|know it all|unbearable|hopeless|unfit|jealous|mean|two-faced|untrustworthy|entitled|"
        r"spineless|clueless)\b",
        r"\b(?:your|that|the|those|this) [a-z]+ (?:is|are|was|were|sounds|seems|seem) (?:just |really |clearly |"
        r"completely |totally |utterly |obviously |simply |so |pretty |quite |a bit |being )*(?:useless|"
        r"incompetent|lazy|entitled|spineless|clueless|rude|arrogant|toxic|hopeless|selfish|unprofessional|"
        rf"a joke|a nightmare|ridiculous|pathetic|weak|{_EN_NEGATIVE})\b",
        r"\bout for (?:herself|himself|themselves|number one|themself)\b|\bwhat a [a-z]+ (?:your|he|she|they|that) "
        r"(?:[a-z]+ ){0,3}(?:made|caused|created|has made)\b",
        r"\b(?:should|shouldn't|couldn't|could) (?:you|u) (?:not )?(?:have|'ve)\b",
        rf"\b(?:was|is|seems|sounds like) (?:a|an) (?:pretty |rather |really |bit of a |very |quite |fairly )?"
        rf"(?:{_EN_NEGATIVE}) (?:thing|move|way|decision|choice|call)\b|\bwhat (?:a|an) (?:{_EN_NEGATIVE}) (?:way|thing)\b",
        r"\b(?:you|u) (?:were|are|was|'re) (?:being )?(?:far |way |much |a bit |rather |just |so |really )?too "
        r"[a-z]+\b|\bcouldn't care less\b|\bhow on earth\b|\bwhy would (?:you|u) ever\b|\b(?:didn't|did) it "
        r"(?:not )?occur to you\b|\bnever occurred to you\b|\b(?:a|an) (?:total |complete |absolute )?joke\b|"
        r"\bsounds like (?:a|an) (?:coward|bully|idiot|nightmare|control freak|jerk|snake|liar|tyrant)\b",
        r"\b(?:brilliant|great|good|well done|clever|smart|impressive|excellent|amazing) (?:that|of) you\b"
        r"(?!.*\b(?:bring|brought|share|shared|sharing|bringing|here|group|this case|open up|opened up)\b)|"
        r"\bfair play (?:for|to you)\b|\bspot on\b|\b(?:great|good|nice|brilliant|excellent|fantastic) (?:job|work)\b|"
        r"\bnicely (?:handled|done)\b|\bwell (?:handled|played)\b|\bthat is on (?:you|him|her|them)\b|"
        r"\b(?:behaved|acted|handled it) (?:appallingly|terribly|badly|disgracefully|shamefully|unprofessionally|"
        r"poorly|atrociously)\b",
        rf"\b(?:{_EN_NEGATIVE}) of (?:you|him|her|them)\b|\b(?:great|good|smart|wise|right) (?!move is to|move "
        r"would be|thing is to|thing would be|call is to)(?:call|move|"
        r"decision|choice)\b|\bthe right thing\b|\bwell done for (?!bringing|sharing|telling)\b|"
        r"\b(?:screwed|messed|stuffed) (?:it |that |this )?up\b|\bdropped the ball\b",
        r"\bhow (?:can|did|dare) (?:you|u) (?:let|do|say|allow|possibly|ever|not|just|even)\b|"
        r"\bhow could (?:you|u) (?!approach|handle|tackle|find|prepare|make sure|deal|go about|support|use|start|"
        r"get|ask|tell|raise|bring|explore|look|try|work|help|do (?:it|this|that) differently)|"
        r"\bwhat were you thinking(?: [?!]|$)|\bwhy on earth\b|\bwhy the hell\b|\bwhy would (?:you|u) (?:ever )?"
        r"(?:do|say|let|agree|accept|allow|put)\b|\bwhy (?:didn't|did not|didnt|haven't|hadn't|havent|"
        r"weren't|wasn't) (?:you|u)\b|\bwhy did (?:you|u) (?:ever|even|not)\b",
        r"\bi can't believe (?:you|u)\b|\bi (?:would|'d) never have\b|\bi would never do\b|\bwhat did you "
        r"expect\b|\bserves (?:you|them|him|her) right\b|\bdon't you realise\b|\bdon't you realize\b|"
        r"\bdo you (?:really )?think (?:that|this|it) (?:was|is) (?:professional|smart|okay|ok|acceptable|wise)\b",
        r"\b(?:hasn't|has not|doesn't|does not|haven't|don't)(?: got| have)? (?:a|any|the (?:slightest|faintest)) "
        r"(?:clue|idea) what (?:he|she|they)(?:'s|'re| is| are) doing\b|\b(?:hasn't|haven't) got a clue\b|"
        r"\bhas no clue\b|\b(?:way |completely |totally |well |a bit |so )?out of line\b|"
        r"\b(?:didn't|did) (?:you|u) (?:not )?(?:even )?(?:think|bother|care) to\b",
    ),
    advice=_rx(
        r"\b(?:you|u) (?:should|need to|must|have to|ought to|gotta|might want to|may want to|could just|"
        r"could always|could try|could maybe|can just|can always|can try|'d better|had better|better)\b",
        r"\b(?:you|u) (?:should|must|have to|gotta|need to)\b(?! (?:have|'ve)\b)",
        r"\bi(?:'d| would) (?:just |definitely |probably |really |simply |honestly |personally |first |also )*"
        r"(?!like to know|love to hear|like to hear|be curious|be interested|wonder|like to ask)"
        r"(?:tell|say|talk|go|ask|try|call|send|write|stop|quit|take|book|set|make|refuse|push|escalate|"
        r"delegate|report|confront|leave|suggest|recommend|start|plan|speak|have|put|give|let|get|pick|"
        r"drop|accept|email|raise|bring|sit|walk|block)\b",
        r"\bif i were (?:you|u)\b|\bin your (?:shoes|position|place)\b|\bmy (?:advice|tip|suggestion)\b|"
        r"\bi (?:suggest|recommend|advise)\b|\bthe best (?:thing|way|option|approach)\b|\bit(?:'s| is| would be| "
        r"might be) (?:better|best|wise|smart|a good idea|worth|time) to\b|\bit would be (?:better|best|wise|good) "
        r"(?:if|for you)\b|\bmaybe (?:you should|you could|you need|try|just)\b|\bperhaps (?:you should|you could|"
        r"try|just)\b|\bwhat (?:worked|helped) for (?:me|us)\b|\bwhat i (?:did|do|always do)\b|"
        r"\bwe (?:always|just) (?:did|do)\b|\bi had the same\b.*\b(?:so i|i just|and i)\b|\bjust (?:say|tell|"
        r"do|ask|go|stop|let|put|talk|send|write|refuse|quit|be|ignore|walk|book|block|delegate)\b",
        r"\bwhy not (?:just )?(?:try|tell|ask|say|talk|go|stop)\b.*[^?]$",
        r"\b(?:might|may|could|would) be (?:an idea|worth|wise|good to|smart to|best to|better to)\b|"
        r"\bworth (?:a try|trying|a shot)\b|\b(?:fixed|sorted|solved) it\b|\b(?:so|then|just) (?:go for|try|do) "
        r"(?:that|it|this)\b|"
        r"\bbest (?:thing|option|way|bet|move)\b|\bworked (?:a treat|for me|wonders|really well|like a charm)\b|"
        r"^(?:(?:honestly|just|maybe|so),? )*have (?:a|another) (?:word|chat|talk|look|go|think|conversation)\b|"
        r"^(?:(?:honestly|just|so),? )*(?:hand in|put in) your (?:notice|resignation)\b|\bwhat (?:you|u) need is\b|"
        r"\bdid (?:wonders|the trick)\b|\b(?:the )?(?:smart|best|right|wise) (?:move|thing) (?:is|would be) to\b|"
        r"\bsorted (?:itself|themselves) out\b|\b(?:vanished|disappeared|evaporated) (?:overnight|in no time|within "
        r"(?:a|one) (?:week|month|day))\b|\bnever looked back\b|"
        r"\bgive (?:that|it|this) a (?:go|try|shot)\b|\b(?:so|then|just) (?:definitely |really |just )?(?:do|try|go for) "
        r"(?:that|it|this)\b",
    ),
    statement_advice=_rx(
        r"\bi(?:'d| would) (?!(?:also |probably |really |definitely |honestly )?(?:like to know|love to hear|"
        r"like to hear|be curious|be interested|wonder|like to ask|like to understand|feel|find|be |have been|"
        r"struggle|hate|get (?:angry|upset|nervous|anxious)|love to know|want to know|have felt))[a-z]+",
        r"^(?:(?:honestly|tbh|so|well|i think|frankly),? )*(?:you|u) (?:guys |all |two |lot |people )?(?:really |just |"
        r"probably |definitely |clearly )?need (?:a|an|to|some|more|proper|better)\b",
        r"^(?:(?:so|then|well|honestly|frankly|i think|personally|maybe|perhaps),? )*(?:you|u) (?:could|can|might|may) "
        r"(?!have\b|be\b|see\b|tell\b|feel\b|hear\b|say\b|sense\b)",
    ),
    hedge=re.compile(r"(?<!\bor )\b(?:just|maybe|perhaps|surely|simply)\b"),
    hedge_start=re.compile(r"^(?:maybe|perhaps)\b"),
    process=_rx(
        r"\b(?:can|could|may) (?:i|we) (?:ask (?:one more|another|a(?: quick)?) question|have a (?:short |quick )?"
        r"break|take a (?:short |quick )?break)\b|\bcan you (?:all )?hear me\b|\bmy (?:mic|microphone|camera|"
        r"connection|wifi)\b|\b(?:are|is) we still in\b|\bquestions? round\b|\badvice round\b|\bhow much time (?:have we|do we|is)\b|^shall we\b|\b(?:could|can) (?:someone|somebody|anyone|you) "
        r"repeat\b|\bi have no (?:more )?questions\b|\bis it my turn\b"
    ),
    rhetorical=re.compile(
        r"^(?:(?:and|so|but),? )*(?:isn't|wouldn't|shouldn't|is|would) (?:it|that) (?:not )?(?:be )?(?:better|wiser|easier|smarter|a good idea|sensible|worth)\b"
    ),
    quoting=re.compile(r"^(?:(?:and|so|ok|okay),? )*you (?:said|say|mentioned|used|called|told us) "),
    imperative=re.compile(
        r"^(?:(?:just|so|then|and|ok|okay|well|maybe|simply|please|definitely|honestly|seriously|look),? )*(?:tell|ask|talk|"
        r"say|stop|take|call|plan|make|send|write|let|give|find|set|book|delegate|speak|try|put|get|start|"
        r"focus|accept|trust|be|don't|do|go|quit|leave|block|refuse|report|escalate|raise|drop|ignore|"
        r"prioritise|prioritize|schedule|confront|keep|stay|stand|push|pick|learn|consider|remember|think about|"
        r"look for|look at|document|note|email|check|sleep|rest|breathe)\b(?! (?:you|u|me|us)\b)"
    ),
    suggestive=_rx(
        r"(?<!what )(?<!how )(?<!who )\b(?:have|had|did) (?:you|u) (?:ever |already |at least |not |maybe |even |never )*"
        r"(?:thought about|thought of|considered|tried|think about|think of|consider|try|looked into|looked at|"
        r"tried to)\b",
        r"(?<!what )(?<!how )(?<!who )\b(?:have|had|did) (?:you|u) (?:ever |already |at least )+(?:talked to|spoken to|"
        r"spoke to|asked|told|raised|discussed|mentioned|reported|gone to|been to|checked|reached out)\b|"
        r"\b(?:have|had) (?:you|u) (?:talked to|spoken to|asked|told|raised|discussed|mentioned|reported|checked) "
        r"(?:[a-z']+ ){0,4}(?:yet|already)\b",
        r"^(?:(?:and|so|but|ok|cheers for sharing),? )*(?:would|could|should|can|is|isn't|are) (?:[a-z']+ ){1,3}not\b",
        r"\bwould(?:n't| not)? (?:it|that|this) (?:not )?(?:help|be better|be easier|be wiser|be smarter|make "
        r"sense|be a good idea|be an idea|work|be more|be kinder|solve|be fair)\b|\bwouldn't it\b",
        r"\b(?:shouldn't|couldn't|can't|cant|wouldnt|wouldn't|shouldnt|couldnt|won't|don't|dont) (?:you|u)\b|"
        r"\b(?:should|could|can|would) (?:you|u) not\b|\b(?:should|could|can) (?:you|u) (?:not )?(?:just|"
        r"maybe|perhaps|simply|at least)\b",
        r"\bwhy (?:don't|dont|do not|not|won't|wouldn't|can't) (?:you|u)? ?(?:just )?\b|\bwhy not\b",
        r"\b(?:isn't|is not|wasn't|aren't|isnt|arent) (?:it|that|this|he|she|they|there|you)\b",
        r"\bdon't you (?:think|feel|agree)\b|\bdo you not (?:think|feel|agree)\b|\bwouldn't you (?:agree|say)\b|"
        r"\bdon't you agree\b",
        r"\b(?:could|might|can) it be (?:that|because)\b|\bis it possible (?:that|you)\b|\bis it because\b|"
        r"\bmaybe (?:it's|its|it is|she's|he's|they're|you're) .*\?|\bperhaps (?:it's|it is|she|he|they|you) .*\?",
        r"\bwhat(?:'s| is) (?:stopping|keeping|holding) you (?:back )?from\b|\bwhat (?:stops|keeps) you from\b|\bif you (?:just|simply)\b|\bhow would you feel about\b|"
        r"\bwhat do you think (?:about|of) (?:trying|asking|talking|telling|just|going|getting|taking)\b|"
        r"\bhow would it be if you just\b|\bwhat if (?:you|u|we)\b|\b(?:what|how) about [a-z]+ing\b|\bhow about (?:a|an|some|another)\b|"
        r"^(?:(?:and|so|but),? )*(?:wouldn't|shouldn't|couldn't|won't|aren't|isn't|wouldnt|shouldnt|couldnt)\b|\bhow about (?:you|u|trying|asking|talking|telling|saying|taking|just)\b|"
        r"\bwhat about (?:trying|asking|talking|telling|saying|taking|just|getting|setting|booking)\b",
        r"\b(?:are|were) (?:you|u) (?:not )?(?:just|maybe|perhaps|simply|actually) (?:a bit |too |overly |"
        r"being )?(?:tired|scared|afraid|jealous|burnt out|burned out|overworked|insecure|angry|perfectionist|"
        r"too nice|too soft|too involved|overthinking|stressed|avoiding)\b",
        r"\bdo (?:you|u) think (?:it|that|this|she|he|they) (?:would|might|could) (?:help|work)\b|"
        r"\bwould (?:it|that) help (?:if|to)\b|(?<!what )(?<!how )(?<!who )(?<!where )\bcould (?:you|u) (?:not |maybe |perhaps |just )?(?:tell|ask|talk|"
        r"say|try|go|delegate|refuse|stop|set|book|let|block|push|report|escalate|get|find)\b(?!.*\b(?:what|how)\b)",
        r"\bsurely\b",
        r"\bcross(?:ed)? your mind\b|^(?:(?:and|so|but),? )*(?:could|might) (?:she|he|they) (?:just |perhaps |maybe |"
        r"also |actually )?(?:be|have been)\b|^(?:(?:and|so|but),? )*(?:did|does|was|is) (?:it|that|this) not "
        r"(?:feel|seem|sound|look)\b|^(?:(?:and|so|but),? )*(?:didn't|doesn't) (?:it|that|this) (?:feel|seem|sound|look)\b|"
        r"\bwould (?:[a-z']+ ){1,6}not (?:help|be better|work|make sense|be easier|be wiser)\b",
        r"\bhow would it (?:be|feel|go) if (?:you|u) (?:[a-z']+ ){0,3}(?:told|asked|talked|said|went|took|handed|"
        r"stopped|tried|called|sent|gave|let|delegated|refused|reported|worked|did|made|set|booked|brought|invited|"
        r"cancelled|canceled|quit|dropped)\b",
        r"\bis (?:that|it) (?:not )?(?:why|because)\b",
    ),
    suggestive_tail=re.compile(
        r", (?:right|yeah|no|isn't it|don't you|didn't you|wasn't it|surely|eh|(?:are|is|do|did|will|won't|can't|"
        r"would|wouldn't|isn't|aren't|don't|didn't|haven't|have) (?:you|it|they|we|he|she)) \?$"
    ),
    invitation=_rx(
        r"\b(?:can|could|would|will) (?:you|u) (?:[a-z']+ ){0,5}(?:tell|describe|explain|say (?:a bit |a little )?"
        r"(?:more|about)|say a (?:little|bit|word|few words)|"
        r"talk (?:me|us) through|walk (?:me|us) through|elaborate|expand|share|paint|sketch|take (?:me|us) "
        r"through|unpack|put into words|give (?:me|us) an example|help (?:me|us) understand|say something "
        r"about|show|give (?:me|us) (?:a sense|an idea|a picture|a feel|a flavour|a flavor) of)\b",
        r"^(?:(?:so|and|ok|okay|maybe) )?(?:tell (?:me|us)|describe|talk (?:me|us) through|walk (?:me|us) "
        r"through|say more|explain|help (?:me|us) understand|take (?:me|us) through|share|paint)\b",
        r"\bi(?:'m| am) (?:curious|wondering|interested)\b|\bi(?:'d| would) be (?:interested|curious) to (?:know|hear)\b|"
        r"\bi(?:'d| would) be (?:interested|curious) (?:in|about)\b|\bi wonder\b(?! if\b| whether\b)|"
        r"\bi(?:'d| would) (?:like|love) to (?:know|hear|understand)\b",
        r"\b(?:would|do) you (?:mind|like to|want to) (?:telling|saying|sharing|describing|tell|say|share|"
        r"describe|talk|explain)\b",
    ),
    open_start=re.compile(
        r"^(?:(?:and|so|ok|okay|well|but|then|hmm|um|right) )*(?!what (?:i|we|worked|helped)\b|what (?:you|u) need is\b)(?:what|how|why|in what way|to what extent|"
        r"which|whats|what's|hows|how's|whose|where|when|(?:then|after that)\s*$|who (?=(?:[a-z']+ ){0,4}(?:could|would|can|might)\b)|"
        r"who (?:helps|supports))\b"
    ),
    closed_start=re.compile(
        r"^(?:(?:and|so|ok|okay|well|but|then) )*(?:how (?:long|often|many|much|old|far|soon|big)|"
        r"who(?!(?: [a-z']+){0,4} (?:could|would|can|might)\b| (?:helps|supports)\b)|whom|"
        r"when(?! (?:do|does|did) you first (?:notice|feel|felt|sense|realise|realize) (?:that|it|you)\b)(?! (?:do|does|are|have|did) (?:you|it|things) (?:feel|notice|find|tend|manage|succeed|work|go well|"
        r"feel|at your best|felt|noticed))|which (?:day|date|time|department|team|colleague|school|client|year|month|week|role|one|"
        r"ward|unit|site|office|class|pupil|student)|what (?:year|age)\b|what (?:is|was|'s) (?:your|his|her|their) (?:job|role|"
        r"title|age|name|position|department|contract)|what (?:time|day|date|kind of (?:job|contract|team|"
        r"school|role)|department|team|subject|subjects|grade|year group)|where (?:do|did|was|is|are|were|does)\b(?! (?:you|u) (?:see|want|think|feel|imagine|go from here))(?!.*\b(?:from|to|for|in|"
        r"with|about|on|at)\s*\??\s*$))\b"
    ),
    verb_first=re.compile(
        r"^(?:(?:and|so|ok|okay|well|but|then|or) )*(?:do|does|did|is|are|was|were|have|has|had|can|could|"
        r"will|would|should|shall|may|might|must|am|were|didn't|don't|doesn't|aren't|isn't|wasn't|haven't|"
        r"hasn't|won't|wouldn't|can't|couldn't|shouldn't)\b(?! be\b| been\b| have\b| worth\b| a\b| an\b| another\b)"
    ),
    why=re.compile(r"\bwhy\b"),
    exclamation=re.compile(
        r"^(?:(?:oh|ah|wow|gosh|god|well|man|ouch|oof|ugh|jeez|blimey|oh dear|yikes|crikey|geez),? )*(?:what a|how (?:awful|frustrating|"
        r"annoying|sad|hard|difficult|horrible|terrible|painful|lovely|nice|great|brave|wonderful|stressful|"
        r"exhausting|tough|upsetting|infuriating|scary|stupid|silly|dumb|naive|unprofessional|careless|lazy|"
        r"rude|unfair|mean|strange|weird|confusing|complicated|intense|heavy|sweet|kind|brave of you))\b"
        r"(?!.*\?\s*$)"
    ),
    other=_rx(
        r"\bthank(?:s| you)\b|\breflect(?:ing)? back\b|\blet me (?:just )?(?:summarise|summarize|check|see)\b|\bcheers\b|\bi recognise\b|\bi recognize\b|\bi can relate\b|\bif i understand\b|"
        r"\bif i hear you\b|\bso what you(?:'re| are) saying\b|\bwhat i hear\b|\bi hear (?:you|that)\b|"
        r"\bit sounds like\b|\bthat sounds\b|\bthat(?:'s| is) (?:hard|tough|rough|awful|a lot|difficult|brave)\b|\bsounds (?:like|hard|tough|difficult|awful|rough|frustrating|"
        r"exhausting|painful|stressful)\b|\bi(?:'m| am) sorry\b|\bso sorry\b|\bi get (?:it|that)\b|\bi understand\b|"
        r"\bgood (?:on|for) you\b|\bwell done\b|\bbrave of you\b|\bin short\b|\bto sum up\b|\bto summarise\b|"
        r"\bto summarize\b|\bso you(?:'re| are| feel| felt| said| say)\b|\bno (?:more )?questions\b|"
        r"\bthat must (?:be|have been)\b|\bthat's (?:hard|tough|rough|awful|a lot|difficult|brave)\b",
    ),
    second_question=re.compile(
        r"(?:,|\band|\bor|\bbut) (?:also )?(?:why|how come|what then)\s*$|"
        r"(?:,|\band|\bor|\bbut) (?:also )?(?:what|how|why|which|who|when|where) (?:[a-z']+ ){0,2}(?:you|did|do|"
        r"does|is|was|were|are|would|could|made|makes|she|he|they|it|that)\b|"
        r"\band (?:did|do|does|was|were|is|are|have|has|had) (?:you|u|he|she|they|anyone|anybody|someone|"
        r"the|your|his|her|their)\b"
    ),
    feelings=AnyWord(
        r"\bhow (?:was|is) (?:that|it) for you\b|\bdo to you\b|\bemotionally\b|\blanded with you\b|"
        r"\bgoing on for you\b|\bhow did (?:that|it) (?:land|sit)\b|\b(?:feel|feeling|feelings|felt|emotion|emotions|emotional|angry|anger|afraid|fear|scared|sad|"
        r"sadness|upset|ashamed|shame|frustrated|frustration|hurt|anxious|anxiety|worried|nervous|tense|"
        r"relieved|helpless|powerless|gut|stomach|body|experience it|experienced|affect|affected|what did "
        r"that do to you|what does that do to you|mood|energy|touched|moved)\b"
    ),
    thoughts=AnyWord(
        r"\b(?:explain|think|thought|thoughts|thinking|believe|belief|beliefs|mind|opinion|assume|assumption|"
        r"assumptions|expect|expected|expectation|expectations|conclude|conclusion|interpret|interpretation|"
        r"tell yourself|told yourself|consider|considerations|make of|made of|view|see it|saw it|doubt|"
        r"doubts|judge|realise|realize|realised|realized|figure|weigh|weighing|understand)\b"
    ),
    motives=re.compile(
        r"\b(?:important|matter|matters|mattered|drive|drives|drove|driving|motive|motives|motivation|"
        r"motivates|motivated|want|wanted|wish|hope|hoped|value|values|goal|goals|achieve|need|needs|needed|"
        r"why|what makes you|what made you|stops you|stopped you|holds you back|held you back|purpose|"
        r"meaning|mean to you|means to you|care about|cares|sake|stand for|principle|principles|at stake|"
        r"afraid of|worry about)\b"
    ),
    alternatives=AnyWord(
        r"\b(?:else|other|different|differently|alternative|alternatives|option|options|possibilities|tried|"
        r"considered|happen next|what next|like to happen|like to see|step|support you|change one thing|look like|"
        r"possibility|choice|choices|choose|next step|next steps|next time|could you do|can you do|would you do|"
        r"would help|could help|help you|plan|ways|way forward|ideal|instead|room|scenario|future|tomorrow|"
        r"what if it|try next|going forward)\b"
    ),
    markers=frozenset(
        (
            "you the a an to what how why i not of is and have would did do that with for it your just was are "
            "were be been this they she he her him my me we our can could should don't didn't doesn't about from "
            "there here then if so at on in or"
        ).split()
    ),
)


def _with_words(lex: Lexicon, lang: str) -> Lexicon:
    from dataclasses import replace

    from . import words

    prefix = lang.upper()
    return replace(
        lex,
        traits=frozenset(getattr(words, f"{prefix}_NEGATIVE_TRAITS")),
        insults=frozenset(w for w in getattr(words, f"{prefix}_INSULT_NOUNS") if " " not in w),
        imperatives=frozenset(getattr(words, f"{prefix}_IMPERATIVE_VERBS")),
        empathy=frozenset(w for w in getattr(words, f"{prefix}_EMPATHY_WORDS") if " " not in w),
        copulas=frozenset(
            "is zijn was waren bent ben klinkt klonk lijkt leek blijkt bleek gedraagt gedroeg wordt werd "
            "doet deed vind vindt vond".split()
            if lang == "nl"
            else "is are was were 's sound sounds sounded seem seems seemed being acting look looks looked 're am isn't wasn't aren't "
            "find found think".split()
        ),
        persons=frozenset(
            "je jij jou jouw u hij zij ze die dat deze dit hem haar jullie hun de het zo'n iemand men".split()
            if lang == "nl"
            else "you your he she they them him her that this those these the someone people it".split()
        ),
    )


NL = _with_words(NL, "nl")
EN = _with_words(EN, "en")
LEXICONS = {"nl": NL, "en": EN}
NL_MARKERS, EN_MARKERS = NL.markers, EN.markers
