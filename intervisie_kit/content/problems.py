"""Problems found in content files, with messages in Dutch and English.

A problem names the file, the line where known, the key path (``phases[2].minutes``) and what was
expected. Messages are built from a code and parameters so the same problem reads well on the command
line and on a page, in either language.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

__all__ = ["MESSAGES", "ContentError", "Problem"]

# code -> (Dutch, English); parameters in braces come from Problem.params.
MESSAGES: dict[str, tuple[str, str]] = {
    "not_found": ("map of bestand bestaat niet", "folder or file does not exist"),
    "no_content_dirs": (
        "geen map methods/, cases/ of exercises/ gevonden (of data/ en exercises/)",
        "no methods/, cases/ or exercises/ folder found (nor data/ and exercises/)",
    ),
    "unreadable": ("bestand kan niet gelezen worden: {error}", "file cannot be read: {error}"),
    "empty": ("het bestand is leeg", "the file is empty"),
    "too_large": (
        "het bestand is {size}; een inhoudsbestand mag hooguit {limit} zijn",
        "the file is {size}; a content file may be at most {limit}",
    ),
    "encoding": (
        "het bestand is geen UTF-8 (byte {byte} op positie {position}); sla het op als UTF-8",
        "the file is not UTF-8 (byte {byte} at position {position}); save it as UTF-8",
    ),
    "yaml_syntax": ("ongeldige YAML: {error}", "invalid YAML: {error}"),
    "yaml_alias": (
        "YAML-ankers en -verwijzingen (& en *) zijn niet toegestaan in kit-inhoud",
        "YAML anchors and aliases (& and *) are not allowed in kit content",
    ),
    "yaml_duplicate_key": (
        "de sleutel '{key}' staat twee keer in deze mapping (eerst op regel {first})",
        "the key '{key}' appears twice in this mapping (first on line {first})",
    ),
    "yaml_key_type": ("een sleutel moet tekst zijn, kreeg {got}", "a key must be text, got {got}"),
    "not_mapping": (
        "verwacht een mapping (sleutel: waarde) bovenaan het bestand, kreeg {got}",
        "expected a mapping (key: value) at the top of the file, got {got}",
    ),
    "missing": ("verplichte sleutel ontbreekt", "required key is missing"),
    "extra_forbidden": ("onbekende sleutel; toegestaan zijn: {allowed}", "unknown key; allowed are: {allowed}"),
    "extra_forbidden_close": (
        "onbekende sleutel; bedoelde je '{close}'? Toegestaan zijn: {allowed}",
        "unknown key; did you mean '{close}'? Allowed are: {allowed}",
    ),
    "number": ("verwacht een getal, kreeg {got}", "expected a number, got {got}"),
    "integer": ("verwacht een geheel getal, kreeg {got}", "expected a whole number, got {got}"),
    "text": ("verwacht tekst, kreeg {got}", "expected text, got {got}"),
    "text_or_mapping": (
        "verwacht tekst, of een mapping met nl: en en:, kreeg {got}",
        "expected text, or a mapping with nl: and en:, got {got}",
    ),
    "mapping": ("verwacht een mapping (sleutel: waarde), kreeg {got}", "expected a mapping (key: value), got {got}"),
    "list": ("verwacht een lijst, kreeg {got}", "expected a list, got {got}"),
    "choice": ("verwacht een van: {expected}; kreeg {got}", "expected one of: {expected}; got {got}"),
    "slug": (
        "verwacht een id van kleine letters, cijfers en - of _, kreeg {got}",
        "expected an id of lower-case letters, digits and - or _, got {got}",
    ),
    "empty_value": ("mag niet leeg zijn", "must not be empty"),
    "too_long": ("is te lang (hooguit {max})", "is too long (at most {max})"),
    "too_few": ("heeft minstens {min} element(en) nodig", "needs at least {min} item(s)"),
    "bound": ("verwacht een getal {op} {limit}, kreeg {got}", "expected a number {op_en} {limit}, got {got}"),
    "multiple_of": (
        "verwacht hele of halve minuten, kreeg {got}",
        "expected whole or half minutes, got {got}",
    ),
    "boolean": ("verwacht ja/nee (true/false), kreeg {got}", "expected true/false, got {got}"),
    "minutes_sum": (
        "de fasen tellen op tot {phases} minuten, maar total_minutes is {total}",
        "the phases add up to {phases} minutes, but total_minutes is {total}",
    ),
    "unknown_role": (
        "'{speaker}' is geen rol van deze methode ({roles})",
        "'{speaker}' is not one of this method's roles ({roles})",
    ),
    "unknown_phase": (
        "'{phase}' is geen fase van deze methode ({phases})",
        "'{phase}' is not one of this method's phases ({phases})",
    ),
    "phase_order": (
        "het uitgewerkte voorbeeld gaat terug naar fase '{phase}'; de stappen volgen de fasen op volgorde",
        "the worked example goes back to phase '{phase}'; steps follow the phases in order",
    ),
    "duplicate_id": (
        "id '{id}' komt twee keer voor (ook bij {field}[{first}])",
        "id '{id}' is used twice (also at {field}[{first}])",
    ),
    "duplicate_file_id": (
        "id '{id}' bestaat al in {other}; elk id mag maar één keer voorkomen",
        "id '{id}' already exists in {other}; each id may occur only once",
    ),
    "scale_ends": ("een schaal heeft low: en high: nodig", "a scale needs low: and high:"),
    "choice_options": ("een keuze heeft minstens twee opties nodig", "a choice needs at least two options"),
    "options_only_choice": ("alleen een keuze (kind: choice) heeft opties", "only a choice (kind: choice) has options"),
    "unknown_field": (
        "follows_up noemt '{id}', maar dat is geen veld van dit sjabloon",
        "follows_up names '{id}', which is not a field of this template",
    ),
    "one_correct": ("precies één antwoord moet goed zijn", "exactly one option must be correct"),
    "range_order": ("min ({min}) is groter dan max ({max})", "min ({min}) is larger than max ({max})"),
    "intervention_missing": (
        "een beurt die als fout is gemarkeerd heeft de interventie van de gespreksleider nodig",
        "a turn marked as a mistake needs the facilitator's intervention",
    ),
    "criteria_missing": ("de criteria missen {missing}", "criteria lacks {missing}"),
    "min_elements": (
        "min_elements is {min}, maar er zijn maar {n} elementen",
        "min_elements is {min}, but there are only {n} elements",
    ),
    "no_good_option": ("minstens één optie heeft fit: good nodig", "at least one option needs fit: good"),
    "missing_method": (
        "verwijst naar methode '{ref}', die niet bestaat",
        "refers to method '{ref}', which does not exist",
    ),
    "missing_case": ("verwijst naar casus '{ref}', die niet bestaat", "refers to case '{ref}', which does not exist"),
    "other": ("{detail}", "{detail}"),
}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a content file."""

    file: str
    code: str
    path: str = ""
    line: int | None = None
    params: Mapping[str, str] = field(default_factory=dict)

    def message(self, lang: str = "nl") -> str:
        nl, en = MESSAGES.get(self.code, MESSAGES["other"])
        template = en if lang == "en" else nl
        try:
            return template.format(**self.params)
        except (KeyError, IndexError, ValueError):
            return f"{self.code}: {dict(self.params)}"

    def location(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"{where}: {self.path}" if self.path else where

    def format(self, lang: str = "nl") -> str:
        """One line: ``file:line: key.path: message``."""
        return f"{self.location()}: {self.message(lang)}"

    def __str__(self) -> str:
        return self.format()


class ContentError(Exception):
    """Raised by a strict load when any content file has a problem."""

    def __init__(self, problems: tuple[Problem, ...]):
        self.problems = problems
        lines = "\n".join(p.format() for p in problems)
        super().__init__(f"{len(problems)} probleem/problemen in de inhoud:\n{lines}")
