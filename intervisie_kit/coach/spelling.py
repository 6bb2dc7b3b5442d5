"""Repair the typing slips that would hide a cue word: "wta maakt dta je ..." -> "wat maakt dat je ...".

Only words the coach listens for are repaired, and only when a single such word is one slip away
(two letters swapped, one letter missing, or one extra). Any word the
coach already knows is left alone, so "hem" never becomes "heb". Repairs are cached per word:
a practice round repeats the same words over and over.
"""

from __future__ import annotations

import re
from functools import cache

__all__ = ["repair"]

_WORD = re.compile(r"[a-zà-ÿ]{2,}")

# Common words that are not cues but must never be "repaired" into one.
_KNOWN = {
    "nl": set(
        (
            "hem haar hen hun ons onze mijn jou jouw zij wij men wie die deze dit dat wat hoe wel niet nooit ook "
            "nog al dan toen nu hier daar waar want maar omdat zodat terwijl tot met mee van voor naar over onder "
            "door bij uit aan op om tegen zonder sinds na team werk baas klant cliënt client kind kinderen ouders "
            "moeder vader zoon dochter school klas les collega collega's manager leidinggevende teamleider "
            "afdeling dag week jaar uur tijd keer mail brief rapport gesprek overleg vergadering dienst zorg huis "
            "thuis ziek moe rust taak taken werkdruk pauze avond ochtend morgen vandaag gisteren altijd vaak soms "
            "eens graag veel weinig meer minder goed slecht groot klein oud nieuw ander andere zelf elkaar iets "
            "niets alles iemand niemand heel erg zeer echt best beetje even weer ging gaan gaat kom komt kwam zie "
            "zag heeft hebben had hadden word werd worden zal zult zullen was waren bent zijn wordt kunnen moeten "
            "willen weet weten wist zeg zegt zei zeggen vraag vraagt vroeg liet laat laten hielp helpen daarna "
            "eerst later snel traag samen alleen ieder elke elk iedereen mensen mens man vrouw meneer mevrouw hé "
            "hoi ja nee oké ok nou dus toch zo ze je jij u ik het een de en of er te is"
        ).split()
    ),
    "en": set(
        (
            "the a an and or but so to of in on at by for from with about into over after before then than that "
            "this these those there here where when who whom whose which what how why you your yours she he her "
            "him his they them their we us our me my mine it its is are was were be been being have has had do "
            "does did done can could will would shall should may might must not no yes ok okay team work boss "
            "client manager colleague school class parents mother father child children kid kids day week year "
            "time hour meeting email report call office home sick tired job task tasks workload break again "
            "always often sometimes never ever already still just really very much many more less good bad big "
            "small old new other others self each every someone nobody everyone people man woman sir madam hey hi "
            "well yeah went go goes come came see saw say says said ask asked let help helped later first soon "
            "alone together"
        ).split()
    ),
}


def _cue_words(lang: str) -> frozenset[str]:
    from . import lexicon

    lex = lexicon.LEXICONS[lang]
    words: set[str] = set(lex.markers)
    for value in vars(lex).values():
        if isinstance(value, (re.Pattern, lexicon.Cues, lexicon.AnyWord)):
            # The literal words in the pattern source (alternatives and sequences of a regex read as text).
            words.update(w for w in _WORD.findall(value.pattern.replace("\\b", " ")) if len(w) >= 3)
    return frozenset(words)


@cache
def _index(lang: str) -> tuple[frozenset[str], frozenset[str], dict[str, str | None]]:
    cues = _cue_words(lang)
    known = frozenset(cues | _KNOWN[lang])
    # For every cue word, each way of dropping one letter -> the word (None when two words collide).
    deletes: dict[str, str | None] = {}
    for w in sorted(cues):
        if len(w) < 3:
            continue
        for i in range(len(w)):
            d = w[:i] + w[i + 1 :]
            deletes[d] = w if deletes.get(d, w) == w else None
    return cues, known, deletes


# Chat spellings and contractions, written out so the patterns see the full words.
_EXPAND = {
    "nl": {
        "da's": "dat is", "das": "dat is", "ni": "niet", "nie": "niet", "'t": "het", "eig": "eigenlijk",
        "mss": "misschien", "misch": "misschien",
        "eigl": "eigenlijk", "wrm": "waarom", "ff": "even", "idd": "inderdaad", "z'n": "zijn", "m'n": "mijn",
        "d'r": "haar", "zo'n": "zo'n", "hoezo": "waarom", "wa": "wat",
    },
    "en": {
        "that's": "that is", "it's": "it is", "what's": "what is", "there's": "there is", "he's": "he is",
        "she's": "she is", "u": "you", "ur": "your", "r": "are", "y": "why", "dont": "don't", "didnt": "didn't",
        "cant": "can't", "wont": "won't", "wouldnt": "wouldn't", "shouldnt": "shouldn't",
        "couldnt": "couldn't", "isnt": "isn't", "arent": "aren't", "wasnt": "wasn't", "doesnt": "doesn't",
        "havent": "haven't", "hasnt": "hasn't", "im": "i am", "i'm": "i am", "youre": "you are", "you're": "you are",
    },
}  # fmt: skip

_cache: dict[tuple[str, str], str] = {}

#: Words longer than this are never spell-repaired: no cue word is that long, and trying every letter of
#: a pasted 200,000-letter "word" would cost quadratic time.
MAX_REPAIR_LETTERS = 30


def _fix(word: str, lang: str) -> str:
    key = (word, lang)
    hit = _cache.get(key)
    if hit is not None:
        return hit
    cues, known, deletes = _index(lang)
    fixed = word
    if word not in known and 3 <= len(word) <= MAX_REPAIR_LETTERS and word.isalpha():
        found: set[str] = set()
        for i in range(len(word) - 1):  # two letters swapped
            swapped = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
            if swapped in cues:
                found.add(swapped)
        if not found and len(word) >= 3:
            target = deletes.get(word)  # one letter missing
            if target:
                found.add(target)
        if not found and len(word) >= 4:
            for i in range(len(word)):  # one letter too many
                d = word[:i] + word[i + 1 :]
                if d in cues and len(d) >= 3:
                    found.add(d)
        if len(found) == 1:
            fixed = found.pop()
    if len(_cache) > 50_000:
        _cache.clear()
    _cache[key] = fixed
    return fixed


_REPAIRED: dict[str, dict[str, str]] = {"nl": {}, "en": {}}


def repair(tokens: list[str], lang: str) -> list[str]:
    done = _REPAIRED[lang]  # every word is looked at once per language; after that it is one dict lookup
    out = []
    for t in tokens:
        fixed = done.get(t)
        if fixed is None:
            fixed = _EXPAND[lang].get(t) or (_fix(t, lang) if t.isalpha() else t)
            if len(done) > 50_000:
                done.clear()
            done[t] = fixed
        out.append(fixed)
    return out
