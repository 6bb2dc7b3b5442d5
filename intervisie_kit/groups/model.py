"""The records of group forming: who takes part, who facilitates, which rules hold, and the groups.

A *startdag* divides 20-200 participants into intervisie groups of five to eight. Hard rules keep a group
safe enough to bring a real case: nobody sits with their own manager or direct report, nor with a close
colleague from the same team, nor with someone they asked not to sit with. Soft goals (one region per
group or least travel, a mix of organisations and functions, a spread of experience, "graag met" wishes)
are weighted and traded against each other by the solver.

All records are frozen; names are the identity of a participant within one list (the importer refuses
duplicates). Limits are named constants here, next to the records that own them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from enum import IntEnum

__all__ = [
    "DEFAULT_SIZE",
    "DEFAULT_TARGET",
    "MAX_FACILITATORS",
    "MAX_FIELD",
    "MAX_PARTICIPANTS",
    "MAX_WISHES",
    "Assignment",
    "Experience",
    "Facilitator",
    "Group",
    "Participant",
    "Rules",
    "Weights",
    "conflict_pairs",
]

#: Participants in one list: a large startdag has 200; more than this is not a startdag but a programme.
MAX_PARTICIPANTS = 500
MAX_FACILITATORS = 100
#: Characters in one field (a name, a region, a team).
MAX_FIELD = 100
#: Names in one "niet met" or "graag met" wish.
MAX_WISHES = 10
#: Group size bounds (hard) and the size aimed for (soft).
DEFAULT_SIZE = (5, 8)
DEFAULT_TARGET = (6, 7)
SIZE_LIMITS = (3, 12)  # what the page lets a coordinator choose
MAX_GROUPS = 60
#: Minutes in a travel-time table entry.
MAX_TRAVEL_MINUTES = 600


class Experience(IntEnum):
    """Experience with intervisie, as a participant says it."""

    NONE = 0
    SOME = 1
    MUCH = 2


@dataclass(frozen=True)
class Participant:
    name: str
    region: str = ""
    organisation: str = ""
    team: str = ""
    function: str = ""
    manager: str = ""  # the name of another participant, or empty
    experience: Experience = Experience.NONE
    not_with: tuple[str, ...] = ()  # "niet met": names this person must not sit with (hard)
    prefer_with: tuple[str, ...] = ()  # "graag met": names this person would like to sit with (soft)

    @property
    def team_key(self) -> tuple[str, str] | None:
        """A team is named within an organisation: "Noord" at two employers is two teams."""
        if not self.team:
            return None
        return (self.organisation.casefold(), self.team.casefold())


@dataclass(frozen=True)
class Facilitator:
    name: str
    regions: tuple[str, ...] = ()  # empty: anywhere
    max_groups: int = 1


@dataclass(frozen=True)
class Weights:
    """How much each soft goal counts; 0 switches it off. The page offers 0-10."""

    region: int = 8
    organisation: int = 3
    function: int = 2
    experience: int = 3
    wishes: int = 4
    size: int = 2
    facilitator_region: int = 4


@dataclass(frozen=True)
class Rules:
    """Hard rules (each can be switched off), size bounds and the soft goals' weights."""

    size: tuple[int, int] = DEFAULT_SIZE
    target: tuple[int, int] = DEFAULT_TARGET
    groups: int | None = None  # None: the solver's page picks a number that fits the target size
    no_manager: bool = True
    no_same_team: bool = True
    not_with: bool = True
    weights: Weights = field(default_factory=Weights)
    #: Optional travel minutes between regions (both directions); with it, "least travel" replaces
    #: "one region per group".
    travel: Mapping[tuple[str, str], int] = field(default_factory=dict)

    def with_weights(self, **changes: int) -> Rules:
        return replace(self, weights=replace(self.weights, **changes))

    def minutes(self, a: str, b: str) -> int | None:
        if a == b:
            return 0
        found = self.travel.get((a, b))
        return found if found is not None else self.travel.get((b, a))


@dataclass(frozen=True)
class Group:
    number: int  # 1-based, as printed
    members: tuple[str, ...]
    facilitator: str = ""
    locked: bool = False


@dataclass(frozen=True)
class Assignment:
    """The groups; every participant's name appears in exactly one group."""

    groups: tuple[Group, ...]

    def group_of(self, name: str) -> int | None:
        for i, g in enumerate(self.groups):
            if name in g.members:
                return i
        return None

    def move(self, name: str, to_index: int) -> Assignment:
        """The same groups with ``name`` moved to the group at ``to_index`` (a manual change)."""
        groups = []
        for i, g in enumerate(self.groups):
            members = tuple(m for m in g.members if m != name)
            if i == to_index:
                members = (*members, name)
            groups.append(replace(g, members=members))
        return Assignment(tuple(groups))

    def with_lock(self, index: int, locked: bool) -> Assignment:
        return Assignment(tuple(replace(g, locked=locked) if i == index else g for i, g in enumerate(self.groups)))

    def with_facilitator(self, index: int, name: str) -> Assignment:
        return Assignment(tuple(replace(g, facilitator=name) if i == index else g for i, g in enumerate(self.groups)))


def conflict_pairs(participants: Iterable[Participant], rules: Rules) -> dict[frozenset[str], str]:
    """Every pair that may not share a group under the switched-on hard rules, with the rule's code
    (``manager``, ``team``, ``not_with``). One pair has one code: the first rule that forbids it."""
    people = list(participants)
    names = {p.name for p in people}
    pairs: dict[frozenset[str], str] = {}
    if rules.no_manager:
        for p in people:
            if p.manager and p.manager in names and p.manager != p.name:
                pairs.setdefault(frozenset((p.name, p.manager)), "manager")
    if rules.no_same_team:
        by_team: dict[tuple[str, str], list[str]] = {}
        for p in people:
            if p.team_key is not None:
                by_team.setdefault(p.team_key, []).append(p.name)
        for members in by_team.values():
            for i, a in enumerate(members):
                for b in members[i + 1 :]:
                    pairs.setdefault(frozenset((a, b)), "team")
    if rules.not_with:
        for p in people:
            for other in p.not_with:
                if other in names and other != p.name:
                    pairs.setdefault(frozenset((p.name, other)), "not_with")
    return pairs


def by_name(participants: Iterable[Participant]) -> Mapping[str, Participant]:
    return {p.name: p for p in participants}
