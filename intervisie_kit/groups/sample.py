"""A made-up startdag population for the benchmark, the tests and the page's "voorbeeld" button.

Deterministic for a seed: regions, organisations with teams, a manager per team, functions, experience and
a few wishes, shaped like the lists the kit's organisations bring (teams of 3-7, one region per team).
"""

from __future__ import annotations

import random

from .model import Experience, Facilitator, Participant

__all__ = ["sample_facilitators", "sample_population"]

REGIONS = ("Noord", "Oost", "Zuid", "West", "Midden")
ORGANISATIONS = ("Zorggroep", "Gemeente", "Welzijn", "Jeugdhulp", "Woonstichting")
FUNCTIONS = ("begeleider", "consulent", "verpleegkundige", "coördinator", "adviseur", "teamleider")
FIRST = (
    "Anna",
    "Bram",
    "Cem",
    "Dewi",
    "Eva",
    "Fleur",
    "Gijs",
    "Hana",
    "Ivo",
    "Jesse",
    "Kim",
    "Lars",
    "Mila",
    "Noah",
    "Omar",
    "Pien",
    "Quinten",
    "Rosa",
    "Sem",
    "Tess",
    "Umut",
    "Vera",
    "Wout",
    "Xena",
    "Yara",
    "Zeno",
)


def sample_population(n: int, seed: int = 1) -> tuple[Participant, ...]:
    rng = random.Random(seed)
    people: list[Participant] = []
    regions = REGIONS[: max(2, min(len(REGIONS), n // 20))]  # about twenty people or more per region
    while len(people) < n:
        region = regions[len(people) * len(regions) // max(n, 1)]
        org = rng.choice(ORGANISATIONS)
        team = f"{region} {len(people)}"
        size = min(rng.randint(2, max(2, min(5, n // 7))), n - len(people))
        names = [f"{rng.choice(FIRST)} {len(people) + k + 1}" for k in range(size)]
        manager = names[0] if size > 2 else ""
        for name in names:
            people.append(
                Participant(
                    name=name,
                    region=region,
                    organisation=f"{org} {region}",
                    team=team,
                    function="teamleider" if name == manager else rng.choice(FUNCTIONS[:-1]),
                    manager="" if name == manager else manager,
                    experience=Experience(rng.choice((0, 0, 1, 1, 2))),
                )
            )
    # A few wishes between people of different teams.
    out = []
    for i, p in enumerate(people):
        if i % 11 == 5 and i + 7 < len(people):
            p = Participant(**{**p.__dict__, "prefer_with": (people[i + 7].name,)})
        if i % 17 == 3 and i + 9 < len(people):
            p = Participant(**{**p.__dict__, "not_with": (people[i + 9].name,)})
        out.append(p)
    return tuple(out)


def sample_facilitators(groups: int) -> tuple[Facilitator, ...]:
    """Enough facilitators for ``groups`` groups, two groups each, spread over the regions."""
    count = (groups + 1) // 2
    return tuple(Facilitator(f"Begeleider {i + 1}", (REGIONS[i % len(REGIONS)],), 2) for i in range(count))
