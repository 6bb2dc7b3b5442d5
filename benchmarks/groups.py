"""How fast and how well page 09 divides a startdag into groups.

For made-up populations of 20, 50, 100 and 200 participants (``intervisie_kit.groups.sample``: five
regions, teams of two to five with their manager, a few wishes) with facilitators, prints the number of
groups, the wall and CPU time of a solve, the solver's status, how many groups hold one region and how
many people sit outside their group's main region, and
checks that no hard rule is broken and that a second solve gives the same groups.

    python benchmarks/groups.py [--sizes 20 50 100 200] [--budget 1.2] [--seed 1]

Target (issue 17): within 10 s for 200 participants on this machine, deterministic for the same input.
The solver's budget is deterministic work, not seconds, so a busy machine takes longer in wall time
but gives the same groups; the CPU column shows the work itself.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from intervisie_kit.groups.model import Rules  # noqa: E402
from intervisie_kit.groups.rules import check  # noqa: E402
from intervisie_kit.groups.sample import sample_facilitators, sample_population  # noqa: E402
from intervisie_kit.groups.solver import DETERMINISTIC_BUDGET, auto_group_count, solve  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[20, 50, 100, 200])
    parser.add_argument(
        "--budget", type=float, default=None, help=f"deterministic time (default {DETERMINISTIC_BUDGET})"
    )
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)

    import ortools  # noqa: F401  (loaded once here, so the first row does not pay for the import)

    head = ("people", "groups", "wall s", "cpu s", "status", "1 region", "away", "rules", "same")
    print(" ".join(f"{h:>{w}}" for h, w in zip(head, (6, 6, 7, 6, 9, 9, 5, 6, 5), strict=True)))
    failed = False
    for n in args.sizes:
        people = sample_population(n, seed=args.seed)
        rules = Rules()
        groups = auto_group_count(n, rules) or 0
        facilitators = sample_facilitators(groups)
        wall, cpu = time.perf_counter(), time.process_time()
        outcome = solve(people, rules, facilitators, budget=args.budget)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        if not outcome.ok or outcome.assignment is None:
            print(
                f"{n:>6} {groups:>6} {wall:>7.2f} {cpu:>6.2f} {outcome.status:>9}  {outcome.collisions[0].text('en')}"
            )
            failed = True
            continue
        region = {p.name: p.region for p in people}
        one_region = sum(len({region[m] for m in g.members}) == 1 for g in outcome.assignment.groups)
        # Away from home: people outside their group's largest region.
        away = sum(
            len(g.members) - max(Counter(region[m] for m in g.members).values()) for g in outcome.assignment.groups
        )
        broken = len(check(outcome.assignment, people, rules, facilitators))
        same = solve(people, rules, facilitators, budget=args.budget).assignment == outcome.assignment
        failed |= broken > 0 or not same
        print(
            f"{n:>6} {groups:>6} {wall:>7.2f} {cpu:>6.2f} {outcome.status:>9} "
            f"{one_region:>4}/{groups:<4} {away:>5} {broken or 'ok':>6} {'yes' if same else 'NO':>5}"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
