"""The hard rules, checked on a finished set of groups: after the solver, and after every manual move.

:func:`check` returns every broken rule as a :class:`~.messages.Message` (empty: all hard rules hold).
It is the one judge of a division: the solver's result passes through it before the page shows it, the
property tests call it on every generated population, and the page calls it when a person is moved.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from .messages import Message, message
from .model import Assignment, Facilitator, Participant, Rules, by_name, conflict_pairs

__all__ = ["check"]


def check(
    assignment: Assignment,
    participants: Sequence[Participant],
    rules: Rules,
    facilitators: Sequence[Facilitator] = (),
) -> tuple[Message, ...]:
    people = by_name(participants)
    found: list[Message] = []
    seen: Counter[str] = Counter(m for g in assignment.groups for m in g.members)
    for name in people:
        if seen[name] == 0:
            found.append(message("rule.unplaced", names=(name,), name=name))
        elif seen[name] > 1:
            found.append(message("rule.twice", names=(name,), name=name))
    for name in seen:
        if name not in people:
            found.append(message("rule.unknown", names=(name,), name=name))

    pairs = conflict_pairs(participants, rules)
    low, high = rules.size
    for index, group in enumerate(assignment.groups):
        n = len(group.members)
        if n < low:
            found.append(message("rule.size_small", group=index, n=n, min=low))
        elif n > high:
            found.append(message("rule.size_large", group=index, n=n, max=high))
        members = [m for m in group.members if m in people]
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                code = pairs.get(frozenset((a, b)))
                if code is None:
                    continue
                found.append(_pair_message(code, a, b, index, people))
        if group.facilitator and rules.no_manager:
            for m in members:
                if people[m].manager and people[m].manager == group.facilitator:
                    found.append(
                        message(
                            "rule.facilitator_manager",
                            names=(m, group.facilitator),
                            group=index,
                            a=m,
                            b=group.facilitator,
                        )
                    )
        if facilitators and not group.facilitator:
            found.append(message("rule.no_facilitator", group=index))

    led = Counter(g.facilitator for g in assignment.groups if g.facilitator)
    for f in facilitators:
        if led[f.name] > f.max_groups:
            found.append(
                message("rule.facilitator_over", names=(f.name,), name=f.name, n=led[f.name], max=f.max_groups)
            )
    return tuple(found)


def _pair_message(code: str, a: str, b: str, index: int, people: Mapping[str, Participant]) -> Message:
    pa = people[a]
    if code == "manager":
        # Say it from the report's side: "Anna sits with Bram, her own manager".
        report, boss = (a, b) if pa.manager == b else (b, a)
        return message("rule.manager", names=(report, boss), group=index, a=report, b=boss)
    if code == "team":
        return message("rule.team", names=(a, b), group=index, a=a, b=b, team=pa.team)
    wisher, other = (a, b) if b in pa.not_with else (b, a)
    return message("rule.not_with", names=(wisher, other), group=index, a=wisher, b=other)
