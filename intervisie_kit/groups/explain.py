"""Why a group looks like it does: which soft goals it meets and which were traded, in words.

:func:`explain` looks only at the finished group and the list, so it explains a group changed by hand
just as well as one the solver made.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from .messages import Message, message
from .model import Experience, Facilitator, Group, Participant, Rules, by_name

__all__ = ["Reasons", "explain"]


@dataclass(frozen=True)
class Reasons:
    met: tuple[Message, ...]
    traded: tuple[Message, ...]


def _splits(count: int, low: int, high: int) -> bool:
    return any(k * low <= count <= k * high for k in range(1, count // max(low, 1) + 1))


def explain(
    group: Group,
    participants: Sequence[Participant],
    rules: Rules,
    facilitators: Sequence[Facilitator] = (),
    *,
    manual: bool = False,
) -> Reasons:
    people = by_name(participants)
    members = [people[m] for m in group.members if m in people]
    met: list[Message] = []
    traded: list[Message] = []
    if manual:
        traded.append(message("why.manual"))

    regions = Counter(p.region for p in members if p.region)
    all_regions = Counter(p.region for p in participants if p.region)
    if rules.weights.region and regions:
        if len(regions) == 1:
            met.append(message("why.one_region", region=next(iter(regions))))
        else:
            main = sorted(regions.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
            away = ", ".join(f"{p.name} ({p.region})" for p in members if p.region and p.region != main)
            traded.append(message("why.regions", region=main, away=away))
            forced = [k for k in sorted(regions) if not _splits(all_regions[k], *rules.size)]
            if forced:
                traded.append(message("why.region_forced", region=", ".join(forced)))
            else:
                traded.append(message("why.region_traded"))
        if rules.travel and len(regions) > 1:
            keys = sorted(regions)
            longest = max(rules.minutes(a, b) or 0 for i, a in enumerate(keys) for b in keys[i + 1 :])
            traded.append(message("why.travel", minutes=longest))

    organisations = sorted({p.organisation for p in members if p.organisation})
    if rules.weights.organisation and organisations:
        if len(organisations) > 1:
            met.append(message("why.organisations", n=len(organisations), orgs=", ".join(organisations)))
        elif len({p.organisation for p in participants if p.organisation}) > 1:
            traded.append(message("why.one_organisation", name=organisations[0]))
    functions = {p.function.casefold() for p in members if p.function}
    if rules.weights.function and len(functions) > 1:
        met.append(message("why.functions", n=len(functions)))
    if rules.weights.experience and members:
        levels = Counter(p.experience for p in members)
        spread = tuple(message(f"level.{int(lv)}", n=levels[lv]) for lv in sorted(levels, reverse=True))
        met.append(message("why.experience", spread=spread))
        if Experience.MUCH not in levels and any(p.experience is Experience.MUCH for p in participants):
            traded.append(message("why.no_experienced"))

    if rules.weights.wishes:
        inside = set(group.members)
        for p in members:
            for other in p.prefer_with:
                if other in inside:
                    met.append(message("why.wish_met", names=(p.name, other), a=p.name, b=other))
                elif other in people:
                    traded.append(
                        message(
                            "why.wish_missed",
                            names=(p.name, other),
                            a=p.name,
                            b=other,
                            reason=message("why.reason.traded"),
                        )
                    )

    lo, hi = rules.target
    n = len(group.members)
    met.append(message("why.size_target", n=n, lo=lo, hi=hi)) if lo <= n <= hi else traded.append(
        message("why.size_off", n=n, lo=lo, hi=hi)
    )

    if group.facilitator:
        fac = next((f for f in facilitators if f.name == group.facilitator), None)
        if fac is not None and fac.regions and regions:
            if set(fac.regions) & set(regions):
                met.append(message("why.facilitator_region", name=fac.name))
            else:
                traded.append(message("why.facilitator_far", name=fac.name, regions=", ".join(fac.regions)))
    return Reasons(tuple(met), tuple(traded))
