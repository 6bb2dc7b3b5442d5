"""What group forming says, in Dutch and English: rule breaks, collisions, import problems and reasons.

Every message is a code with parameters; :class:`Message` renders it in the page's language. Parameters
are plain text (names typed by a coordinator); the page escapes them when it shows them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..i18n import pick

__all__ = ["MESSAGES", "Message", "names_text"]

# code -> (Dutch, English)
MESSAGES: dict[str, tuple[str, str]] = {
    # -- hard rules broken in a set of groups (rules.py) -------------------------------------------
    "rule.size_small": (
        "Groep {group} heeft {n} leden; het minimum is {min}.",
        "Group {group} has {n} members; the minimum is {min}.",
    ),
    "rule.size_large": (
        "Groep {group} heeft {n} leden; het maximum is {max}.",
        "Group {group} has {n} members; the maximum is {max}.",
    ),
    "rule.manager": (
        "Groep {group}: {a} zit bij {b}, de eigen leidinggevende.",
        "Group {group}: {a} sits with {b}, their own manager.",
    ),
    "rule.team": (
        "Groep {group}: {a} en {b} zitten in hetzelfde team ({team}).",
        "Group {group}: {a} and {b} are in the same team ({team}).",
    ),
    "rule.not_with": (
        "Groep {group}: {a} wilde niet met {b} in een groep.",
        "Group {group}: {a} asked not to be in a group with {b}.",
    ),
    "rule.facilitator_manager": (
        "Groep {group}: begeleider {b} is de leidinggevende van {a}.",
        "Group {group}: facilitator {b} is {a}'s manager.",
    ),
    "rule.facilitator_over": (
        "{name} begeleidt {n} groepen; afgesproken is hooguit {max}.",
        "{name} facilitates {n} groups; at most {max} was agreed.",
    ),
    "rule.no_facilitator": ("Groep {group} heeft nog geen begeleider.", "Group {group} has no facilitator yet."),
    "rule.unplaced": ("{name} zit in geen enkele groep.", "{name} is in no group."),
    "rule.twice": ("{name} zit in meer dan één groep.", "{name} is in more than one group."),
    "rule.unknown": ("{name} staat niet in de deelnemerslijst.", "{name} is not on the list of participants."),
    # -- collisions found before or by the solver (solver.py) --------------------------------------
    "collide.too_few": (
        "Er zijn {n} deelnemers; voor één groep zijn er minstens {min} nodig.",
        "There are {n} participants; one group needs at least {min}.",
    ),
    "collide.no_group_count": (
        "{n} deelnemers passen niet in groepen van {min} tot {max}: {low} groep(en) is te weinig en {high} te veel.",
        "{n} participants do not fit groups of {min} to {max}: {low} group(s) are too few and {high} too many.",
    ),
    "collide.groups_size": (
        "{n} deelnemers passen niet in precies {groups} groepen van {min} tot {max} leden.",
        "{n} participants do not fit exactly {groups} groups of {min} to {max} members.",
    ),
    "collide.team": (
        "Team {team} heeft {n} leden en er zijn maar {groups} groepen: collega's uit één team kunnen niet "
        "allemaal in een andere groep.",
        "Team {team} has {n} members and there are only {groups} groups: colleagues from one team cannot all "
        "be in different groups.",
    ),
    "collide.clique": (
        "{people} moeten allemaal in een andere groep ({why}), maar er zijn maar {groups} groepen.",
        "{people} must all be in different groups ({why}), but there are only {groups} groups.",
    ),
    "collide.isolated": (
        "{name} mag door de regels met maar {n} anderen in een groep ({why}); een groep heeft er minstens "
        "{need} nodig.",
        "The rules let {name} sit with only {n} others ({why}); a group needs at least {need}.",
    ),
    "collide.facilitators": (
        "De begeleiders kunnen samen hooguit {capacity} groep(en) leiden; er zijn {groups} groepen.",
        "The facilitators can lead at most {capacity} group(s) together; there are {groups} groups.",
    ),
    "collide.locked": (
        "De vastgezette groepen breken zelf een regel: {detail}",
        "The locked groups break a rule themselves: {detail}",
    ),
    "collide.families": (
        "De regels samen laten geen indeling toe; deze regels botsen: {families}.",
        "Together the rules allow no division; these rules collide: {families}.",
    ),
    "collide.timeout": (
        "De rekentijd was op voordat er een indeling gevonden was.",
        "Time ran out before a division was found.",
    ),
    # what to relax
    "relax.size": ("Verruim de groepsgrootte (bijvoorbeeld 4 tot 9).", "Widen the group size (for example 4 to 9)."),
    "relax.groups": (
        "Laat het aantal groepen automatisch kiezen of kies een ander aantal.",
        "Let the number of groups be chosen automatically, or choose another number.",
    ),
    "relax.team": (
        "Zet de regel 'niet met iemand uit hetzelfde team' uit, of splits grote teams in kleinere teams.",
        "Switch off the rule 'not with someone from the same team', or split large teams into smaller teams.",
    ),
    "relax.manager": (
        "Zet de regel 'niet met de eigen leidinggevende' uit, of haal leidinggevenden uit de lijst.",
        "Switch off the rule 'not with one's own manager', or take managers off the list.",
    ),
    "relax.not_with": (
        "Zet de 'niet met'-wensen uit, of vraag of ze allemaal nodig zijn.",
        "Switch off the 'niet met' wishes, or ask whether they are all needed.",
    ),
    "relax.facilitators": (
        "Voeg begeleiders toe of laat ze meer groepen leiden.",
        "Add facilitators or let them lead more groups.",
    ),
    "relax.locked": ("Maak de vastgezette groepen los.", "Unlock the locked groups."),
    "relax.more_people": ("Voeg deelnemers toe of verklein de groepen.", "Add participants or make groups smaller."),
    "family.size": ("groepsgrootte", "group size"),
    "family.manager": ("niet met de leidinggevende", "not with one's manager"),
    "family.team": ("niet met iemand uit hetzelfde team", "not with someone from the same team"),
    "family.not_with": ("'niet met'-wensen", "'niet met' wishes"),
    "family.facilitators": ("begeleiders per groep", "facilitators per group"),
    "why.manager": ("leidinggevende", "manager"),
    "why.team": ("zelfde team", "same team"),
    "why.not_with": ("'niet met'", "'niet met'"),
    # soft warnings before solving
    "warn.team_region": (
        "Team {team} heeft {n} leden in regio {region}, en regio {region} heeft maar plaats voor {room} "
        "groep(en) van {max}: {extra} van hen komen in een groep met een andere regio.",
        "Team {team} has {n} members in region {region}, and region {region} only has room for {room} "
        "group(s) of {max}: {extra} of them join a group with another region.",
    ),
    "warn.region_split": (
        "Regio {region} heeft {n} deelnemers; dat gaat niet op in groepen van {min} tot {max}, dus die regio "
        "deelt een groep met een andere.",
        "Region {region} has {n} participants; that does not divide into groups of {min} to {max}, so it "
        "shares a group with another region.",
    ),
    "warn.facilitator_region": (
        "Regio {region} krijgt {n} groep(en), maar geen begeleider werkt in die regio.",
        "Region {region} gets {n} group(s), but no facilitator works in that region.",
    ),
    # -- reasons per group (explain.py) --------------------------------------------------------------
    "why.one_region": ("Eén regio: {region}.", "One region: {region}."),
    "why.regions": (
        "Vooral regio {region}; uit een andere regio: {away}.",
        "Mostly region {region}; from another region: {away}.",
    ),
    "why.travel": (
        "Langste reistijd tussen regio's in deze groep: {minutes} min.",
        "Longest travel time between regions in this group: {minutes} min.",
    ),
    "why.organisations": ("{n} organisaties: {orgs}.", "{n} organisations: {orgs}."),
    "why.one_organisation": ("Alle leden uit één organisatie ({name}).", "All members from one organisation ({name})."),
    "why.functions": ("{n} verschillende functies.", "{n} different functions."),
    "why.experience": ("Ervaring: {spread}.", "Experience: {spread}."),
    "why.no_experienced": ("Niemand met veel ervaring.", "Nobody with much experience."),
    "why.wish_met": ("Wens vervuld: {a} met {b}.", "Wish met: {a} with {b}."),
    "why.wish_missed": ("Wens niet vervuld: {a} met {b} ({reason}).", "Wish not met: {a} with {b} ({reason})."),
    "why.size_target": ("{n} leden, binnen het streven van {lo}-{hi}.", "{n} members, within the target of {lo}-{hi}."),
    "why.size_off": ("{n} leden, buiten het streven van {lo}-{hi}.", "{n} members, outside the target of {lo}-{hi}."),
    "why.facilitator_region": ("Begeleider {name} werkt in deze regio.", "Facilitator {name} works in this region."),
    "why.facilitator_far": (
        "Begeleider {name} komt uit een andere regio ({regions}).",
        "Facilitator {name} comes from another region ({regions}).",
    ),
    "why.region_forced": (
        "Regio {region} gaat niet op in groepen van deze grootte.",
        "Region {region} does not divide into groups of this size.",
    ),
    "why.region_traded": (
        "Regio's gemengd om de harde regels (teams, leidinggevenden) te halen of groepen te vullen.",
        "Regions mixed to keep the hard rules (teams, managers) or to fill groups.",
    ),
    "why.manual": ("Met de hand aangepast.", "Changed by hand."),
    "why.reason.rule": ("een harde regel", "a hard rule"),
    "why.reason.traded": ("afgewogen tegen andere doelen", "traded against other goals"),
    "level.0": ("{n} zonder ervaring", "{n} without experience"),
    "level.1": ("{n} met enige ervaring", "{n} with some experience"),
    "level.2": ("{n} met veel ervaring", "{n} with much experience"),
    # -- import problems (importer.py) ---------------------------------------------------------------
    "import.no_name_column": (
        "Het bestand heeft geen kolom 'naam' (of 'name'). Gevonden kolommen: {columns}.",
        "The file has no column 'naam' (or 'name'). Columns found: {columns}.",
    ),
    "import.unreadable": (
        "Het bestand kan niet worden gelezen als CSV of Excel ({detail}).",
        "The file cannot be read as CSV or Excel ({detail}).",
    ),
    "import.too_big": (
        "Het bestand is {size} kB; hooguit {max} kB wordt gelezen.",
        "The file is {size} kB; at most {max} kB is read.",
    ),
    "import.too_many": (
        "De lijst heeft {n} rijen; hooguit {max} worden gelezen, de rest is overgeslagen.",
        "The list has {n} rows; at most {max} are read, the rest were skipped.",
    ),
    "import.typed_too_long": (
        "De getypte lijst heeft {n} tekens; hooguit {max}. Laad zo'n lange lijst als bestand.",
        "The typed list has {n} characters; at most {max}. Load such a long list as a file.",
    ),
    "import.empty": ("De lijst is leeg.", "The list is empty."),
    "import.missing_name": (
        "Rij {row}, kolom {column}: geen naam; de rij is overgeslagen.",
        "Row {row}, column {column}: no name; the row was skipped.",
    ),
    "import.duplicate": (
        "Rij {row}, kolom {column}: '{value}' staat al in rij {first}; de rij is overgeslagen. Maak de "
        "namen verschillend (bijvoorbeeld met een achternaam).",
        "Row {row}, column {column}: '{value}' is already in row {first}; the row was skipped. Make the names "
        "different (for example with a surname).",
    ),
    "import.too_long": (
        "Rij {row}, kolom {column}: meer dan {max} tekens; ingekort.",
        "Row {row}, column {column}: more than {max} characters; shortened.",
    ),
    "import.name_too_long": (
        "Rij {row}, kolom {column}: de naam heeft meer dan {max} tekens; de rij is overgeslagen.",
        "Row {row}, column {column}: the name has more than {max} characters; the row was skipped.",
    ),
    "import.unknown_person": (
        "Rij {row}, kolom {column}: '{value}' staat niet in de lijst; genegeerd.",
        "Row {row}, column {column}: '{value}' is not on the list; ignored.",
    ),
    "import.self": (
        "Rij {row}, kolom {column}: iemand kan niet naar zichzelf verwijzen; genegeerd.",
        "Row {row}, column {column}: a person cannot refer to themselves; ignored.",
    ),
    "import.bad_experience": (
        "Rij {row}, kolom {column}: '{value}' is geen ervaring; gebruik geen, enige of veel (of 0, 1, 2). "
        "Gelezen als 'geen'.",
        "Row {row}, column {column}: '{value}' is not an experience; use none, some or much (or 0, 1, 2). "
        "Read as 'none'.",
    ),
    "import.too_many_wishes": (
        "Rij {row}, kolom {column}: meer dan {max} namen; alleen de eerste {max} gelezen.",
        "Row {row}, column {column}: more than {max} names; only the first {max} were read.",
    ),
    "import.no_region": (
        "Rij {row}, kolom {column}: geen regio of plaats; deze persoon telt niet mee voor 'één regio per groep'.",
        "Row {row}, column {column}: no region or place; this person does not count for 'one region per group'.",
    ),
    "import.facilitator_line": (
        "Begeleiders, regel {row}: '{value}' is niet te lezen. Schrijf: naam; regio's (met komma's); aantal groepen.",
        "Facilitators, line {row}: '{value}' cannot be read. Write: name; regions (comma-separated); number of groups.",
    ),
    "import.travel_line": (
        "Reistijden, regel {row}: '{value}' is niet te lezen. Schrijf: regio; regio; minuten (0 tot {max}).",
        "Travel times, line {row}: '{value}' cannot be read. Write: region; region; minutes (0 to {max}).",
    ),
    "import.too_many_facilitators": (
        "Hooguit {max} begeleiders; de rest is overgeslagen.",
        "At most {max} facilitators; the rest were skipped.",
    ),
}


@dataclass(frozen=True)
class Message:
    """A code with its parameters; ``text(lang)`` renders it. ``names`` lists the people it concerns."""

    code: str
    params: Mapping[str, Any] = field(default_factory=dict)  # text, or messages rendered in the same language
    names: tuple[str, ...] = ()
    group: int | None = None  # the group index it concerns, if any

    def text(self, lang: str = "nl") -> str:
        return pick(MESSAGES[self.code], lang).format(**{k: _render(v, lang) for k, v in self.params.items()})


def _render(value: object, lang: str) -> str:
    """A parameter may itself be a message (or several), rendered in the same language."""
    if isinstance(value, Message):
        return value.text(lang)
    if isinstance(value, tuple):
        return ", ".join(_render(v, lang) for v in value)
    return str(value)


def message(code: str, *, names: tuple[str, ...] = (), group: int | None = None, **params: object) -> Message:
    texts: dict[str, Any] = {k: v if isinstance(v, Message | tuple) else str(v) for k, v in params.items()}
    if group is not None:
        texts.setdefault("group", str(group + 1))  # groups are printed 1-based
    return Message(code, texts, names, group)


def names_text(names: list[str] | tuple[str, ...], lang: str = "nl") -> str:
    """``Anna, Bram en Cem`` / ``Anna, Bram and Cem``."""
    items = list(names)
    if len(items) <= 1:
        return "".join(items)
    joiner = " and " if lang == "en" else " en "
    return ", ".join(items[:-1]) + joiner + items[-1]
