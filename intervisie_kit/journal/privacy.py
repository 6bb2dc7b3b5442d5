"""The privacy check before a reflection leaves the journal.

What is said in intervisie stays there unless the person agrees. Before sharing or exporting, the page
looks for text that identifies people: e-mail addresses, phone numbers, BSN-like numbers (nine digits
that pass the elfproef), dates of birth, the names of the case's characters and other words typed as
names (a capital in mid-sentence, or after meneer/mevrouw/collega ...). It then offers pseudonyms:
names become "Persoon A", "Persoon B" (the same name gets the same letter), the rest a label in brackets.

The check is a helper, not a guarantee: it errs towards flagging, and the trainee decides.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from ..i18n import pick

__all__ = ["Finding", "Kind", "find_identifying", "pseudonymise", "replacement_label"]


class Kind(StrEnum):
    EMAIL = "email"
    PHONE = "phone"
    BSN = "bsn"
    BIRTHDATE = "birthdate"
    NAME = "name"


@dataclass(frozen=True)
class Finding:
    kind: Kind
    text: str
    start: int
    end: int


_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
# Dutch mobile and landline numbers, with or without +31/0031, spaces or dashes; international +xx too.
_PHONE = re.compile(
    r"(?<![\w+])(?:(?:\+|00)31[\s-]?(?:\(0\))?[\s-]?|0)(?:6[\s-]?(?:\d[\s-]?){7}\d|[1-9](?:[\s-]?\d){8})(?!\d)"
    r"|(?<![\w+])\+\d{1,3}(?:[\s-]?\d){7,12}(?!\d)"
)
_NINE_DIGITS = re.compile(
    r"(?<!\d)(?<!\d[.,-])(\d{4}[.\s]?\d{2}[.\s]?\d{3}|\d{3}[.\s]?\d{3}[.\s]?\d{3}|\d{9})(?!\d)(?![.,-]\d)"
)
_MONTHS = (
    "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|"
    "jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec|"
    "january|february|march|may|june|july|august|october"
)
_DATE = re.compile(
    rf"\b(?:\d{{1,2}}[-/.]\d{{1,2}}[-/.](?:19|20)\d{{2}}|(?:19|20)\d{{2}}-\d{{2}}-\d{{2}}|"
    rf"\d{{1,2}} (?:{_MONTHS})\.? (?:19|20)\d{{2}})\b",
    re.IGNORECASE,
)
_BIRTH_CONTEXT = re.compile(
    r"\b(?:geb(?:oren|\.)?|geboortedatum|verjaardag|jarig|born|birthday|date of birth|dob)\b", re.IGNORECASE
)
_TITLE = (
    r"(?:meneer|mevrouw|mevr\.?|mw\.?|dhr\.?|de heer|juffrouw|juf|meester|dokter|dr\.?|collega|cliënt|client|"
    r"patiënt|patient|bewoner|leerling|student|zoon|dochter|moeder|vader|mr\.?|mrs\.?|ms\.?|miss|colleague)"
)
_PARTICLE = r"(?:(?:van der|van den|van de|van 't|van|de|der|den|ter|ten|te|in 't|op de|la|le|du|da|di|el) )"
_CAPWORD = r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ'’]+(?:-[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ'’]+)?"
_AFTER_TITLE = re.compile(rf"\b{_TITLE} ((?:{_PARTICLE})?{_CAPWORD}(?: (?:{_PARTICLE})?{_CAPWORD})?)")
_CAPITALISED = re.compile(rf"\b{_CAPWORD}(?: (?:{_PARTICLE})?{_CAPWORD})*")
_LEADING_TITLE = re.compile(rf"^{_TITLE} ", re.IGNORECASE)
# Capitalised words that are not names; the check flags everything else that is capitalised mid-sentence.
_NOT_NAMES = frozenset(
    """ik i jij je u hij zij wij we ze jullie god
    maandag dinsdag woensdag donderdag vrijdag zaterdag zondag monday tuesday wednesday thursday friday
    saturday sunday januari februari maart april mei juni juli augustus september oktober november december
    january february march april may june july august september october november december
    kerst pasen pinksteren christmas easter
    nederlands engels duits frans dutch english german french nederland belgië
    ok oké okay nee ja no yes wat hoe wie waar wanneer waarom welke what how who where when why which
    de het een the a an en and maar but dus so toen then als if
    intervisie inbrenger gespreksleider tijdbewaker startdag balint balintmethode incidentmethode roddelmethode
    starr starrt alact gibbs korthagen
    teams zoom whatsapp outlook""".split()
)


def _elfproef(digits: str) -> bool:
    weights = (9, 8, 7, 6, 5, 4, 3, 2, -1)
    return len(digits) == 9 and sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11 == 0


def _sentence_start(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t\"'“‘(")
    return not before or before[-1] in ".!?:;\n"


def _name_findings(text: str, names: Iterable[str]) -> list[Finding]:
    found: list[Finding] = []
    known = sorted({n.strip() for n in names if n and n.strip()}, key=len, reverse=True)
    for name in known:
        parts = [re.escape(name), *(re.escape(p) for p in name.split() if len(p) > 2 and p[0].isupper())]
        for part in parts:
            for m in re.finditer(rf"(?<![\w]){part}(?![\w])", text):
                found.append(Finding(Kind.NAME, m.group(0), m.start(), m.end()))
    for m in _AFTER_TITLE.finditer(text):
        found.append(Finding(Kind.NAME, m.group(1), m.start(1), m.end(1)))
    for m in _CAPITALISED.finditer(text):
        start, match = m.start(), m.group(0)
        if title := _LEADING_TITLE.match(match):  # "Mevrouw de Vries": the name is what follows the title
            start, match = start + title.end(), match[title.end() :]
        words = [w for w in re.split(r"[\s-]", match) if w[:1].isupper()]
        if all(w.lower().strip("'’") in _NOT_NAMES for w in words):
            continue
        # A capital at the start of a sentence is grammar, not a name, unless a second capital follows.
        if _sentence_start(text, m.start()) and len(words) < 2 and not title:
            continue
        found.append(Finding(Kind.NAME, match, start, start + len(match)))
    # A name found once is a name everywhere, also where it starts a sentence.
    for name in {f.text for f in found}:
        for m in re.finditer(rf"(?<![\w]){re.escape(name)}(?![\w])", text):
            found.append(Finding(Kind.NAME, name, m.start(), m.end()))
    return found


def find_identifying(text: str, names: Iterable[str] = ()) -> list[Finding]:
    """Everything in ``text`` that may identify a person, in order, without overlaps."""
    if not text:
        return []
    found: list[Finding] = []
    found += [Finding(Kind.EMAIL, m.group(0), m.start(), m.end()) for m in _EMAIL.finditer(text)]
    for m in _DATE.finditer(text):
        window = text[max(0, m.start() - 40) : m.start()]
        if _BIRTH_CONTEXT.search(window) or _BIRTH_CONTEXT.search(text[m.end() : m.end() + 20]):
            found.append(Finding(Kind.BIRTHDATE, m.group(0), m.start(), m.end()))
    for m in _NINE_DIGITS.finditer(text):
        if _elfproef(re.sub(r"\D", "", m.group(1))):
            found.append(Finding(Kind.BSN, m.group(0), m.start(), m.end()))
    found += [
        Finding(Kind.PHONE, m.group(0).strip(), m.start(), m.start() + len(m.group(0).strip()))
        for m in _PHONE.finditer(text)
    ]
    found += _name_findings(text, names)
    # Keep the first (by priority above) of overlapping findings, then sort by position.
    order = {k: i for i, k in enumerate((Kind.EMAIL, Kind.BIRTHDATE, Kind.BSN, Kind.PHONE, Kind.NAME))}
    kept: list[Finding] = []
    for f in sorted(found, key=lambda f: (order[f.kind], f.start, -(f.end - f.start))):
        if all(f.end <= k.start or f.start >= k.end for k in kept):
            kept.append(f)
    return sorted(kept, key=lambda f: f.start)


LABELS = {
    Kind.EMAIL: ("[e-mailadres]", "[e-mail address]"),
    Kind.PHONE: ("[telefoonnummer]", "[phone number]"),
    Kind.BSN: ("[BSN]", "[citizen service number]"),
    Kind.BIRTHDATE: ("[geboortedatum]", "[date of birth]"),
    Kind.NAME: ("naam", "name"),
}


def replacement_label(kind: Kind, lang: str = "nl") -> str:
    return pick(LABELS[kind], lang)


def pseudonymise(
    texts: list[str], names: Iterable[str] = (), lang: str = "nl", mapping: dict[str, str] | None = None
) -> tuple[list[str], dict[str, str]]:
    """Replace what identifies people in several texts at once; one name gets one pseudonym throughout.

    Returns the new texts and the mapping from original name to pseudonym (shown to the trainee only).
    """
    mapping = {} if mapping is None else mapping
    person = "Persoon" if lang != "en" else "Person"
    out = []
    names = list(names)
    # A name found in one text is a name in all of them ("Kees" mid-sentence here, "Kees" first word there).
    names += sorted({f.text for text in texts for f in find_identifying(text, names) if f.kind is Kind.NAME})
    for text in texts:
        pieces, last = [], 0
        for f in find_identifying(text, names):
            pieces.append(text[last : f.start])
            if f.kind is Kind.NAME:
                key = _name_key(f.text, mapping)
                if key not in mapping:
                    mapping[key] = f"{person} {_letter(len(set(mapping.values())))}"
                pieces.append(mapping[key])
            else:
                pieces.append(replacement_label(f.kind, lang))
            last = f.end
        pieces.append(text[last:])
        out.append("".join(pieces))
    return out, mapping


def _name_key(name: str, mapping: dict[str, str]) -> str:
    """'Jansen' and 'Mevrouw Jansen' and 'Anna Jansen' share a pseudonym when one part is already known."""
    if name in mapping:
        return name
    parts = {p for p in name.split() if p[:1].isupper()}
    for known in mapping:
        if parts & {p for p in known.split() if p[:1].isupper()}:
            mapping.setdefault(name, mapping[known])
            return name
    return name


def _letter(n: int) -> str:
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    return letters[n] if n < len(letters) else f"{letters[n % 26]}{n // 26}"
