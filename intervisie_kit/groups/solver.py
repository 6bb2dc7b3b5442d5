"""Dividing participants into groups with OR-Tools CP-SAT: hard rules as constraints, soft goals weighted.

:func:`solve` first runs cheap pre-checks that name a collision in words (too few people for the size
bounds, a team larger than the number of groups, people who must all sit apart, a person the rules leave
almost nobody to sit with, too few facilitators). Only then is the model built:

- ``x[i, g]``: participant ``i`` sits in group ``g``; everyone sits in exactly one group;
- hard: size bounds; at most one member of a team per group; a manager and a direct report never share a
  group, nor a facilitator and their report; "niet met" pairs never share a group; every group gets one
  facilitator and nobody leads more groups than agreed;
- soft (minimised, weights from :class:`~.model.Weights`): every group gets a *home region*, apportioned
  to the regions by their number of participants, and sitting in a group of another region costs (with a
  travel table: in proportion to the minutes from one's own region to the home region); sizes outside the
  target; facilitators from another region; too few organisations, functions or experience levels in a
  group; unmet "graag met" wishes.

The solver runs in two phases: first the goals that are linear in the placements (travel, size,
facilitators' regions), where CP-SAT's LP relaxation guides the search well; then, starting from that
division (a complete hint), all goals together. It uses one worker with a fixed seed and a
*deterministic* time budget, so the same input gives the same groups on the same machine and OR-Tools
version, however busy the machine is. When CP-SAT proves the rules infeasible, a second model with one
assumption literal per rule family names the families in the conflict (``SufficientAssumptionsForInfeasibility``).

Facilitators join the model only when one of them manages a participant. Otherwise their goal depends on
the groups' home regions alone, so people are placed first and facilitators assigned after, in a small
model of their own: the same optimum with a much smaller search.

Locked groups are kept as they are; the rest of the list is divided over the remaining groups.
"""

from __future__ import annotations

import math
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from .messages import Message, message
from .model import Assignment, Facilitator, Group, Participant, Rules, by_name, conflict_pairs
from .rules import check

__all__ = ["DETERMINISTIC_BUDGET", "WALL_LIMIT", "Outcome", "auto_group_count", "home_regions", "precheck", "solve"]

#: CP-SAT's deterministic time budget for up to :data:`BUDGET_PEOPLE` participants (about 6 s of CPU for
#: 200 here); being deterministic, the result does not depend on how busy the machine is. Larger lists get
#: a larger budget (the first phase's work grows faster than the list: 0.3 at 200, 0.9 at 300).
DETERMINISTIC_BUDGET = 1.2
BUDGET_PEOPLE = 200
SEED = 20261206
#: A wall-clock backstop, far above what the budget needs (about 6 s of CPU for 200 people), so that only a
#: machine many times overloaded reaches it; reaching it ends the solve early and may change the groups.
WALL_LIMIT = 90.0
#: Points per unit of each soft goal before its weight; they set how goals trade at equal weights.
SCALE = {
    "region": 6,
    "travel_per_10min": 2,
    "organisation": 2,
    "function": 2,
    "experience": 3,
    "wish": 5,
    "size": 3,
    "facilitator_region": 5,
}
#: Travel minutes assumed between two regions the table does not list.
UNKNOWN_TRAVEL = 60
#: The part of the budget for the first phase (travel, size, facilitators' regions).
PHASE_ONE_SHARE = 0.6
FAMILIES = ("size", "team", "manager", "not_with", "facilitators")


@dataclass(frozen=True)
class Outcome:
    """What the solver returns: groups, or the collisions that prevent them and what to relax."""

    assignment: Assignment | None
    collisions: tuple[Message, ...] = ()
    relax: tuple[Message, ...] = ()
    warnings: tuple[Message, ...] = ()
    status: str = ""  # optimal | feasible | infeasible | unknown | precheck
    seconds: float = 0.0
    objective: int | None = None
    groups: int = 0

    @property
    def ok(self) -> bool:
        return self.assignment is not None


def auto_group_count(n: int, rules: Rules) -> int | None:
    """The number of groups whose average size is closest to the middle of the target; ``None`` when no
    number of groups fits the size bounds."""
    low, high = rules.size
    options = [g for g in range(max(1, math.ceil(n / high)), n // low + 1) if g * low <= n <= g * high]
    if not options:
        return None
    middle = (rules.target[0] + rules.target[1]) / 2
    return min(options, key=lambda g: (abs(n / g - middle), g))


def home_regions(people: Sequence[Participant], groups: int) -> list[str]:
    """A home region per group, apportioned to the regions by their number of participants (largest
    remainder), groups of one region next to each other. Empty when nobody gave a region."""
    counts = Counter(p.region for p in people if p.region)
    if not counts or groups <= 0:
        return [""] * max(groups, 0)
    total = sum(counts.values())
    quotas = {k: groups * c / total for k, c in counts.items()}
    seats = {k: int(q) for k, q in quotas.items()}
    by_remainder = sorted(counts, key=lambda k: (-(quotas[k] - seats[k]), -counts[k], k))
    for k in by_remainder[: groups - sum(seats.values())]:
        seats[k] += 1
    return [k for k in sorted(counts) for _ in range(seats[k])]


def _team_label(p: Participant) -> str:
    return f"{p.team} ({p.organisation})" if p.organisation else p.team


def precheck(
    participants: Sequence[Participant], groups: int | None, rules: Rules, facilitators: Sequence[Facilitator] = ()
) -> tuple[tuple[Message, ...], tuple[Message, ...], tuple[Message, ...]]:
    """Collisions that can be named without the solver, what to relax, and soft warnings."""
    n = len(participants)
    low, high = rules.size
    collide: list[Message] = []
    relax: list[str] = []
    warnings: list[Message] = []
    if n < low:
        return (message("collide.too_few", n=n, min=low),), (message("relax.more_people"),), ()
    if groups is None:
        return (
            (
                message(
                    "collide.no_group_count", n=n, min=low, max=high, low=max(1, n // low), high=math.ceil(n / high)
                ),
            ),
            (message("relax.size"),),
            (),
        )
    if not groups * low <= n <= groups * high:
        collide.append(message("collide.groups_size", n=n, groups=groups, min=low, max=high))
        relax += ["relax.groups", "relax.size"]

    teams: dict[tuple[str, str], list[Participant]] = defaultdict(list)
    for p in participants:
        if p.team_key is not None:
            teams[p.team_key].append(p)
    if rules.no_same_team:
        for members in teams.values():
            if len(members) > groups:
                collide.append(message("collide.team", team=_team_label(members[0]), n=len(members), groups=groups))
                relax.append("relax.team")

    pairs = conflict_pairs(participants, rules)
    adjacent: dict[str, set[str]] = defaultdict(set)
    kinds: dict[str, set[str]] = defaultdict(set)
    for pair, code in pairs.items():
        a, b = tuple(pair)
        adjacent[a].add(b)
        adjacent[b].add(a)
        kinds[a].add(code)
        kinds[b].add(code)
    order = {p.name: i for i, p in enumerate(participants)}
    for p in participants:
        allowed = n - 1 - len(adjacent[p.name])
        if allowed < low - 1:
            why = tuple(message(f"why.{k}") for k in sorted(kinds[p.name]))
            collide.append(message("collide.isolated", names=(p.name,), name=p.name, n=allowed, need=low - 1, why=why))
            relax += [f"relax.{k}" for k in sorted(kinds[p.name])]
    clique = _largest_clique(adjacent, order)
    if len(clique) > groups and not (rules.no_same_team and _one_team(clique, participants)):
        codes = sorted({pairs[frozenset((a, b))] for i, a in enumerate(clique) for b in clique[i + 1 :]})
        why = tuple(message(f"why.{c}") for c in codes)
        collide.append(message("collide.clique", names=tuple(clique), people=", ".join(clique), groups=groups, why=why))
        relax += [f"relax.{c}" for c in codes]
    if facilitators:
        capacity = sum(f.max_groups for f in facilitators)
        if capacity < groups:
            collide.append(message("collide.facilitators", capacity=capacity, groups=groups))
            relax.append("relax.facilitators")
        elif rules.weights.facilitator_region and all(f.regions for f in facilitators):
            # Soft: a region that gets groups but has no facilitator of its own.
            homes = Counter(home_regions(participants, groups))
            covered = {r for f in facilitators for r in f.regions}
            for region, count in sorted(homes.items()):
                if region and region not in covered:
                    warnings.append(message("warn.facilitator_region", region=region, n=count))

    # Soft warnings: where one region per group cannot hold.
    if rules.weights.region and not rules.travel:
        regions = Counter(p.region for p in participants if p.region)
        for region, count in sorted(regions.items()):
            if not any(k * low <= count <= k * high for k in range(1, count // low + 1)):
                warnings.append(message("warn.region_split", region=region, n=count, min=low, max=high))
        if rules.no_same_team:
            for members in teams.values():
                local = Counter(p.region for p in members if p.region)
                for region, count in local.items():
                    room = regions[region] // low
                    if count > room:
                        warnings.append(
                            message(
                                "warn.team_region",
                                team=_team_label(members[0]),
                                n=count,
                                region=region,
                                room=room,
                                max=high,
                                extra=count - room,
                            )
                        )
    seen: list[str] = []
    for code in relax:
        if code not in seen:
            seen.append(code)
    return tuple(collide), tuple(message(c) for c in seen), tuple(warnings)


def _one_team(clique: list[str], participants: Sequence[Participant]) -> bool:
    people = by_name(participants)
    keys = {people[n].team_key for n in clique}
    return len(keys) == 1 and None not in keys


def _largest_clique(adjacent: dict[str, set[str]], order: dict[str, int]) -> list[str]:
    """A large clique of the conflict graph, found greedily from every person (exact search is not needed:
    a clique found is a proof, and the solver still catches what this misses)."""
    best: list[str] = []
    for start in sorted(adjacent, key=lambda v: (-len(adjacent[v]), order.get(v, 0))):
        if len(adjacent[start]) + 1 <= len(best):
            break
        clique = [start]
        candidates = set(adjacent[start])
        while candidates:
            pick = min(candidates, key=lambda v: (-len(adjacent[v] & candidates), order.get(v, 0)))
            clique.append(pick)
            candidates &= adjacent[pick]
        if len(clique) > len(best):
            best = clique
    return sorted(best, key=lambda v: order.get(v, 0))


def solve(
    participants: Sequence[Participant],
    rules: Rules,
    facilitators: Sequence[Facilitator] = (),
    keep: Assignment | None = None,
    *,
    budget: float | None = None,
) -> Outcome:
    """Divide ``participants`` into groups. Locked groups of ``keep`` stay as they are, in their place."""
    started = time.perf_counter()
    if budget is None:
        budget = DETERMINISTIC_BUDGET * max(1.0, len(participants) / BUDGET_PEOPLE) ** 1.5
    people = by_name(participants)
    locked = [(i, g) for i, g in enumerate(keep.groups) if g.locked] if keep is not None else []
    total = rules.groups or (len(keep.groups) if locked and keep is not None else None)
    if total is None:
        total = auto_group_count(len(participants), rules)

    if locked:
        # A locked group must hold on its own; then it is taken out of the problem.
        names = {m for _, g in locked for m in g.members}
        sub = [people[m] for m in names if m in people]
        broken = [
            v
            for v in check(Assignment(tuple(g for _, g in locked)), sub, rules, facilitators)
            if v.code not in ("rule.unplaced", "rule.no_facilitator")
        ]
        if broken:
            detail = tuple(broken[:3])
            return Outcome(
                None,
                (message("collide.locked", detail=detail),),
                (message("relax.locked"),),
                status="precheck",
                seconds=time.perf_counter() - started,
                groups=total or 0,
            )
        led = Counter(g.facilitator for _, g in locked if g.facilitator)
        facilitators = [replace(f, max_groups=f.max_groups - led[f.name]) for f in facilitators]
        facilitators = [f for f in facilitators if f.max_groups > 0]
        free = [p for p in participants if p.name not in names]
        free_groups = (total or 0) - len(locked)
    else:
        free, free_groups = list(participants), total

    if locked and not free:
        return Outcome(keep, status="optimal", seconds=time.perf_counter() - started, groups=len(keep.groups))  # type: ignore[union-attr]
    if free_groups is not None and free_groups <= 0 and free:
        free_groups = None if not locked else 0
    collide, relax, warnings = precheck(free, free_groups or None, rules, facilitators)
    if collide:
        return Outcome(None, collide, relax, warnings, "precheck", time.perf_counter() - started, groups=total or 0)
    assert free_groups is not None  # precheck reports a missing group count

    # A facilitator's only link to the placements is managing a participant. Without such links the
    # facilitators' goal depends on the groups' home regions alone, which are fixed before solving, so
    # placing people first and facilitators second finds the same optimum with a much smaller search.
    leaders = {f.name for f in facilitators}
    joint = rules.no_manager and any(p.manager in leaders for p in free)
    built = _Model(free, free_groups, rules, facilitators if joint else ())
    status, solution, objective = built.run(budget)
    if solution is not None and facilitators and not joint:
        solution = _with_facilitators(solution, built.home, facilitators, rules)
    if solution is None:
        if status == "infeasible":
            families = _Model(free, free_groups, rules, facilitators, families=True).colliding_families()
            names = tuple(message(f"family.{f}") for f in families)
            fam_relax = tuple(message(f"relax.{f}") for f in families)
            found = (message("collide.families", families=names, codes=",".join(families)),)
            return Outcome(None, found, fam_relax, warnings, status, time.perf_counter() - started, groups=total)
        return Outcome(
            None,
            (message("collide.timeout"),),
            (message("relax.size"),),
            warnings,
            status,
            time.perf_counter() - started,
            groups=total,
        )

    # Locked groups keep their place (or take the first free one when there are now fewer groups).
    slots: list[Group | None] = [None] * total
    for index, group in locked:
        free_slot = index if index < total and slots[index] is None else slots.index(None)
        slots[free_slot] = group
    new_groups = iter(solution)
    placed = [
        replace(slot, number=i + 1) if slot is not None else Group(i + 1, *next(new_groups))
        for i, slot in enumerate(slots)
    ]
    return Outcome(Assignment(tuple(placed)), (), (), warnings, status, time.perf_counter() - started, objective, total)


def _with_facilitators(
    groups: list[tuple[tuple[str, ...], str]], home: Sequence[str], facilitators: Sequence[Facilitator], rules: Rules
) -> list[tuple[tuple[str, ...], str]]:
    """One facilitator per group within each one's number of groups, preferring their own regions: a
    small assignment model (the pre-check made sure there are enough facilitators)."""
    from ortools.sat.python import cp_model

    m = cp_model.CpModel()
    a = [[m.new_bool_var(f"a{f}_{g}") for g in range(len(groups))] for f in range(len(facilitators))]
    for g in range(len(groups)):
        m.add_exactly_one(a[f][g] for f in range(len(facilitators)))
    cost = []
    for f, fac in enumerate(facilitators):
        m.add(sum(a[f]) <= fac.max_groups)
        if rules.weights.facilitator_region and fac.regions:
            cost += [a[f][g] for g in range(len(groups)) if home[g] and home[g] not in fac.regions]
    if cost:
        m.minimize(sum(cost))
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.random_seed = SEED
    solver.parameters.max_time_in_seconds = WALL_LIMIT
    if solver.solve(m) not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return groups  # cannot happen after the pre-check; the rule check would show the missing facilitators
    return [
        (members, next(fac.name for f, fac in enumerate(facilitators) if solver.boolean_value(a[f][g])))
        for g, (members, _) in enumerate(groups)
    ]


@dataclass
class _Model:
    people: list[Participant]
    groups: int
    rules: Rules
    facilitators: Sequence[Facilitator]
    families: bool = False
    literals: dict[str, object] = field(default_factory=dict)

    def __post_init__(self) -> None:
        from ortools.sat.python import cp_model

        self.cp = cp_model
        m = self.model = cp_model.CpModel()
        people, G, rules = self.people, self.groups, self.rules
        n = len(people)
        index = {p.name: i for i, p in enumerate(people)}
        if self.families:
            self.literals = {f: m.new_bool_var(f"family_{f}") for f in FAMILIES}

        def enforce(constraint, family: str) -> None:  # type: ignore[no-untyped-def]
            if self.families:
                constraint.only_enforce_if(self.literals[family])

        x = self.x = [[m.new_bool_var(f"x{i}_{g}") for g in range(G)] for i in range(n)]
        for i in range(n):
            m.add_exactly_one(x[i])
        sizes = [sum(x[i][g] for i in range(n)) for g in range(G)]
        low, high = rules.size
        for g in range(G):
            enforce(m.add(sizes[g] >= low), "size")
            enforce(m.add(sizes[g] <= high), "size")

        if rules.no_same_team:
            teams: dict[tuple[str, str], list[int]] = defaultdict(list)
            for i, p in enumerate(people):
                if p.team_key is not None:
                    teams[p.team_key].append(i)
            for members in teams.values():
                if len(members) > 1:
                    for g in range(G):
                        enforce(m.add(sum(x[i][g] for i in members) <= 1), "team")
        for pair, code in conflict_pairs(people, rules).items():
            if code == "team":
                continue
            a, b = (index[v] for v in sorted(pair))
            for g in range(G):
                enforce(m.add(x[a][g] + x[b][g] <= 1), code)

        terms: list = []  # the secondary goals: variety and wishes
        primary: list = []  # travel, size and the facilitators' regions: linear in the placements
        w = rules.weights
        # Each group gets a home region, in proportion to where the participants are; sitting in a group
        # of another region costs (with a travel table: the minutes from one's own region to the home).
        self.home = home = home_regions(people, G)
        if w.region:
            for i, p in enumerate(people):
                for g in range(G):
                    if p.region and home[g] and home[g] != p.region:
                        if rules.travel:
                            minutes = rules.minutes(p.region, home[g])
                            cost = 1 + (UNKNOWN_TRAVEL if minutes is None else minutes) // 10
                            primary.append(w.region * SCALE["travel_per_10min"] * cost * x[i][g])
                        else:
                            primary.append(w.region * SCALE["region"] * x[i][g])

        def variety(key, weight: int, scale: int, label: str) -> None:  # type: ignore[no-untyped-def]
            if not weight:
                return
            values: dict[str, list[int]] = defaultdict(list)
            for i, p in enumerate(people):
                value = key(p)
                if value != "":
                    values[value].append(i)
            for value, members in sorted(values.items()):
                if len(members) < 2:
                    continue  # someone whose value nobody shares adds variety wherever they sit
                for g in range(G):
                    present = m.new_bool_var(f"{label}{g}_{value}")
                    m.add(sum(x[i][g] for i in members) >= 1).only_enforce_if(present)
                    terms.append(-weight * scale * present)

        variety(lambda p: p.organisation.casefold(), w.organisation, SCALE["organisation"], "o")
        variety(lambda p: p.function.casefold(), w.function, SCALE["function"], "f")
        variety(lambda p: str(int(p.experience)), w.experience, SCALE["experience"], "e")

        if w.wishes:
            for i, p in enumerate(people):
                for other in p.prefer_with:
                    if other not in index:
                        continue
                    j = index[other]
                    together = m.new_bool_var(f"w{i}_{j}")
                    for g in range(G):
                        m.add_bool_or([together.Not(), x[i][g].Not(), x[j][g]])
                    terms.append(-w.wishes * SCALE["wish"] * together)
        if w.size:
            t_low, t_high = rules.target
            for g in range(G):
                under = m.new_int_var(0, high, f"under{g}")
                over = m.new_int_var(0, high, f"over{g}")
                m.add(under >= t_low - sizes[g])
                m.add(over >= sizes[g] - t_high)
                primary.append(w.size * SCALE["size"] * (under + over))

        self.a: list[list] = []
        if self.facilitators:
            a = self.a = [[m.new_bool_var(f"a{f}_{g}") for g in range(G)] for f in range(len(self.facilitators))]
            for g in range(G):
                enforce(m.add(sum(a[f][g] for f in range(len(a))) == 1), "facilitators")
            for f, fac in enumerate(self.facilitators):
                enforce(m.add(sum(a[f]) <= fac.max_groups), "facilitators")
                if rules.no_manager:
                    for i, p in enumerate(people):
                        if p.manager and p.manager == fac.name:
                            for g in range(G):
                                enforce(m.add(a[f][g] + x[i][g] <= 1), "manager")
                if w.facilitator_region and fac.regions:
                    for g in range(G):
                        if home[g] and home[g] not in fac.regions:
                            primary.append(w.facilitator_region * SCALE["facilitator_region"] * a[f][g])
        self.terms, self.primary = terms, primary
        if self.families:
            m.add_assumptions(list(self.literals.values()))

    def _solver(self, budget: float):  # type: ignore[no-untyped-def]
        solver = self.cp.CpSolver()
        solver.parameters.num_workers = 1
        solver.parameters.random_seed = SEED
        solver.parameters.max_deterministic_time = budget
        solver.parameters.max_time_in_seconds = WALL_LIMIT
        return solver

    def run(self, budget: float) -> tuple[str, list[tuple[tuple[str, ...], str]] | None, int | None]:
        """Two phases (see the module docstring); the first also settles feasibility. When the first phase
        finds nothing within its share of the budget, a search without objective finds any division."""
        cp = self.cp
        if self.primary:
            self.model.minimize(sum(self.primary))
        first = self._solver(budget * PHASE_ONE_SHARE)
        code = first.solve(self.model)
        if code == cp.UNKNOWN and self.primary:
            # No division yet within the budget: find any division that keeps the hard rules (fast).
            self.model.clear_objective()
            first = self._solver(budget)
            first.parameters.linearization_level = 0  # without an objective the LP only slows the search
            code = first.solve(self.model)
        if code not in (cp.OPTIMAL, cp.FEASIBLE):
            return ("infeasible" if code == cp.INFEASIBLE else "unknown"), None, None
        best, best_status = self._read(first), "optimal" if code == cp.OPTIMAL else "feasible"
        if not self.terms:
            return best_status, best, int(first.objective_value) if self.model.has_objective() else None
        # Hint every variable (the helpers too) with the first division, so the search starts from a
        # complete, feasible point and only improves on it.
        values = list(first.response_proto.solution)
        self.model.clear_hints()
        hint = self.model.proto.solution_hint
        hint.vars.extend(range(len(values)))
        hint.values.extend(values)
        self.model.minimize(sum(self.primary) + sum(self.terms))
        second = self._solver(budget * (1 - PHASE_ONE_SHARE))
        code = second.solve(self.model)
        if code not in (cp.OPTIMAL, cp.FEASIBLE):
            return "feasible", best, None
        return ("optimal" if code == cp.OPTIMAL else "feasible"), self._read(second), int(second.objective_value)

    def _read(self, solver) -> list[tuple[tuple[str, ...], str]]:  # type: ignore[no-untyped-def]
        out = []
        for g in range(self.groups):
            members = tuple(p.name for i, p in enumerate(self.people) if solver.boolean_value(self.x[i][g]))
            leader = ""
            for f, fac in enumerate(self.facilitators):
                if solver.boolean_value(self.a[f][g]):
                    leader = fac.name
            out.append((members, leader))
        return out

    def colliding_families(self) -> list[str]:
        """The rule families in a small infeasible core (CP-SAT's sufficient assumptions)."""
        solver = self._solver(DETERMINISTIC_BUDGET)
        code = solver.solve(self.model)
        if code != self.cp.INFEASIBLE:
            return []
        core = set(solver.sufficient_assumptions_for_infeasibility())
        return [f for f in FAMILIES if self.literals[f].index in core]
