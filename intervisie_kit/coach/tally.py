"""One way to count verdicts, for every tally in the kit (page 04's round, page 05's live tally, reports).

By the one rule (``docs/coach-labelling.md``, "Hoe de pagina's dit tellen"): open questions are split
into **plainly open** (no flag) and **open, met aandachtspunt** (a why-question and/or several questions
at once); "% open" is plainly open over all turns. Fragments are counted with "other" and separately as
``incomplete``. Pure Python.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..terms import ATTENTION_FLAGS, TurnKind
from . import Verdict

__all__ = ["Tally", "tally"]


@dataclass(frozen=True)
class Tally:
    turns: int
    open: int  # plainly open: open without a why or stacked flag
    counts: dict[str, int]  # per kind (its value), flagged open questions included under "open"
    why: int
    stacked: int
    open_flagged: int = 0  # open, met aandachtspunt
    incomplete: int = 0

    @property
    def open_share(self) -> float:
        """The share of plainly open questions among all turns."""
        return self.open / self.turns if self.turns else 0.0


def tally(verdicts: Iterable[Verdict]) -> Tally:
    counts = dict.fromkeys((k.value for k in TurnKind), 0)
    turns = plain = flagged = why = stacked = incomplete = 0
    for v in verdicts:
        turns += 1
        counts[v.kind.value] += 1
        why += "why" in v.flags
        stacked += "stacked" in v.flags
        incomplete += "incomplete" in v.flags
        if v.kind is TurnKind.OPEN:
            if ATTENTION_FLAGS.isdisjoint(v.flags):
                plain += 1
            else:
                flagged += 1
    return Tally(turns, plain, counts, why, stacked, flagged, incomplete)
