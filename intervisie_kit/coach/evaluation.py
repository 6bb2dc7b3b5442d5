"""Score the coach against labelled turns: accuracy, per-kind precision and recall, a confusion matrix.

Labelled turns are tab-separated files with a header ``lang kind flags dimension text note``
(``flags`` separated by ";"). The kit's own sets live in ``tests/data/``; a trainer can score the coach
against turns from their own groups the same way (``python benchmarks/coach.py --file mine.tsv``).
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..terms import TurnKind
from . import Verdict, classify

__all__ = ["FLAGS", "Labelled", "Score", "read_labelled", "score"]

KINDS = tuple(TurnKind)
#: The flags a labelled turn can carry (docs/coach-labelling.md).
FLAGS = frozenset({"why", "stacked", "incomplete"})


@dataclass(frozen=True)
class Labelled:
    lang: str
    kind: TurnKind
    flags: frozenset[str]
    dimension: str
    text: str
    note: str = ""
    line: int = 0


def read_labelled(path: Path) -> list[Labelled]:
    with path.open(encoding="utf-8", newline="") as f:
        rows = csv.DictReader(f, delimiter="\t")
        return [
            Labelled(
                lang=r["lang"],
                kind=TurnKind(r["kind"]),
                flags=frozenset(x for x in (r.get("flags") or "").split(";") if x),
                dimension=r.get("dimension") or "",
                text=r["text"],
                note=r.get("note") or "",
                line=i,
            )
            for i, r in enumerate(rows, start=2)
        ]


@dataclass(frozen=True)
class Score:
    n: int
    correct: int
    confusion: dict[tuple[TurnKind, TurnKind], int]  # (labelled, predicted) -> count
    flag_errors: int
    dimension_hits: int
    dimension_n: int
    misses: tuple[tuple[Labelled, Verdict], ...]

    @property
    def accuracy(self) -> float:
        return self.correct / self.n if self.n else 0.0

    def precision(self, kind: TurnKind) -> float:
        predicted = sum(v for (_, p), v in self.confusion.items() if p == kind)
        return self.confusion.get((kind, kind), 0) / predicted if predicted else 0.0

    def recall(self, kind: TurnKind) -> float:
        actual = sum(v for (a, _), v in self.confusion.items() if a == kind)
        return self.confusion.get((kind, kind), 0) / actual if actual else 0.0

    def support(self, kind: TurnKind) -> int:
        return sum(v for (a, _), v in self.confusion.items() if a == kind)

    def table(self) -> str:
        """The confusion matrix as text: rows are the labels, columns what the coach said."""
        short = {k: k.value[:5] for k in KINDS}
        head = "label \\ coach".ljust(14) + "".join(short[k].rjust(7) for k in KINDS)
        lines = [head]
        for a in KINDS:
            lines.append(a.value.ljust(14) + "".join(str(self.confusion.get((a, p), 0)).rjust(7) for p in KINDS))
        return "\n".join(lines)


def score(rows: Iterable[Labelled]) -> Score:
    confusion: Counter[tuple[TurnKind, TurnKind]] = Counter()
    misses = []
    n = correct = flag_errors = dim_hits = dim_n = 0
    for row in rows:
        v = classify(row.text, row.lang)
        n += 1
        confusion[(row.kind, v.kind)] += 1
        if v.kind == row.kind:
            correct += 1
        else:
            misses.append((row, v))
        if FLAGS & (v.flags ^ row.flags):
            flag_errors += 1
        if row.kind is TurnKind.OPEN and row.dimension and v.kind is TurnKind.OPEN:
            dim_n += 1
            dim_hits += v.dimension == row.dimension
    return Score(n, correct, dict(confusion), flag_errors, dim_hits, dim_n, tuple(misses))
