"""A trainee's practice over time: the figures saved with practice rounds and exercise sets.

Practice rounds (page 04) carry ``figures = {"case", "turns", "open", "counts": {kind: n}, "why", "stacked"}``;
exercise sets (page 07) carry ``{"set", "right", "total"}``. pandas and matplotlib are imported here only,
so pages that do not show progress do not pay for them.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .store import Context, Entry

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "Progress",
    "exercise_frame",
    "practice_figures",
    "practice_frame",
    "progress",
    "progress_chart",
    "summarise",
]

PRACTICE_COLUMNS = ["date", "case", "turns", "open", "open_share", "suggestive", "advice", "judgement", "why"]
EXERCISE_COLUMNS = ["date", "set", "right", "total", "score"]


def practice_figures(tally: Any, case_id: str) -> dict[str, Any]:
    """The figures of a finished practice round (a :class:`~intervisie_kit.practice.Tally`), as stored."""
    return {
        "case": case_id,
        "turns": tally.turns,
        "open": tally.open,  # plainly open (docs/coach-labelling.md); rounds saved before issue 13 counted every open
        "open_flagged": tally.open_flagged,
        "incomplete": tally.incomplete,
        "counts": dict(tally.counts),
        "why": tally.why,
        "stacked": tally.stacked,
    }


def practice_frame(entries: Iterable[Entry]) -> pd.DataFrame:
    """One row per practice round, oldest first."""
    import pandas as pd

    rows = []
    for e in entries:
        f = e.figures or {}
        if e.context_kind is not Context.PRACTICE or not f.get("turns"):
            continue
        counts = f.get("counts") or {}
        rows.append(
            {
                "date": pd.Timestamp(e.created),
                "case": str(f.get("case", "")),
                "turns": int(f["turns"]),
                "open": int(f.get("open", 0)),
                "open_share": int(f.get("open", 0)) / int(f["turns"]),
                "suggestive": int(counts.get("suggestive", 0)),
                "advice": int(counts.get("advice", 0)),
                "judgement": int(counts.get("judgement", 0)),
                "why": int(f.get("why", 0)),
            }
        )
    frame = pd.DataFrame(rows, columns=PRACTICE_COLUMNS)
    frame.index = pd.RangeIndex(1, len(frame) + 1, name="round")
    return frame


def exercise_frame(entries: Iterable[Entry]) -> pd.DataFrame:
    import pandas as pd

    rows = []
    for e in entries:
        f = e.figures or {}
        if e.context_kind is not Context.EXERCISE or not f.get("total"):
            continue
        rows.append(
            {
                "date": pd.Timestamp(e.created),
                "set": str(f.get("set", "")),
                "right": int(f.get("right", 0)),
                "total": int(f["total"]),
                "score": int(f.get("right", 0)) / int(f["total"]),
            }
        )
    return pd.DataFrame(rows, columns=EXERCISE_COLUMNS)


@dataclass(frozen=True)
class Progress:
    rounds: int
    first_open_share: float | None
    last_open_share: float | None
    suggestive_first: int | None
    suggestive_last: int | None
    advice_first: int | None
    advice_last: int | None
    exercises_done: int
    exercise_sets: int

    def lines(self, lang: str = "nl") -> list[str]:
        """The figures in plain words, for the page and the report."""
        en = lang == "en"
        if not self.rounds:
            out = ["No practice rounds saved yet." if en else "Nog geen oefenrondes bewaard."]
        else:
            pct = f"{self.first_open_share:.0%} → {self.last_open_share:.0%}"
            out = [
                f"Practice rounds: {self.rounds}; share of open questions {pct} (first → last)."
                if en
                else f"Oefenrondes: {self.rounds}; aandeel open vragen {pct} (eerste → laatste).",
                f"Suggestive questions per round: {self.suggestive_first} → {self.suggestive_last}; "
                f"advice: {self.advice_first} → {self.advice_last}."
                if en
                else f"Suggestieve vragen per ronde: {self.suggestive_first} → {self.suggestive_last}; "
                f"adviezen: {self.advice_first} → {self.advice_last}.",
            ]
        out.append(
            f"Exercise sets done: {self.exercises_done} ({self.exercise_sets} different)."
            if en
            else f"Oefensets gedaan: {self.exercises_done} ({self.exercise_sets} verschillende)."
        )
        return out


def progress(entries: Iterable[Entry]) -> Progress:
    entries = list(entries)
    return summarise(practice_frame(entries), exercise_frame(entries))


def summarise(rounds: pd.DataFrame, exercises: pd.DataFrame) -> Progress:
    """The figures of :func:`practice_frame` and :func:`exercise_frame`, for callers that hold the frames."""

    def ends(column: str) -> tuple[Any, Any]:
        if rounds.empty:
            return None, None
        return rounds[column].iloc[0].item(), rounds[column].iloc[-1].item()

    first_share, last_share = ends("open_share")
    sug = ends("suggestive")
    adv = ends("advice")
    return Progress(
        rounds=len(rounds),
        first_open_share=first_share,
        last_open_share=last_share,
        suggestive_first=sug[0],
        suggestive_last=sug[1],
        advice_first=adv[0],
        advice_last=adv[1],
        exercises_done=len(exercises),
        exercise_sets=exercises["set"].nunique() if not exercises.empty else 0,
    )


def progress_chart(frame: pd.DataFrame, lang: str = "nl") -> bytes | None:
    """A PNG of a :func:`practice_frame`: share of open questions per round (line), suggestive and advice (bars)."""
    if frame.empty:
        return None
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    en = lang == "en"
    fig = Figure(figsize=(7, 3.4), dpi=110)
    ax = fig.add_subplot()
    x = list(frame.index)
    width = 0.38
    ax.bar(
        [i - width / 2 for i in x],
        frame["suggestive"],
        width,
        color="#e0a030",
        label="suggestive" if en else "suggestief",
    )
    ax.bar([i + width / 2 for i in x], frame["advice"], width, color="#c0504d", label="advice" if en else "advies")
    ax.set_xlabel("practice round" if en else "oefenronde")
    ax.set_ylabel("number per round" if en else "aantal per ronde")
    ax.set_xticks(x)
    share = ax.twinx()
    share.plot(x, frame["open_share"] * 100, marker="o", color="#1f6f8b", linewidth=2, label="open %")
    share.set_ylim(0, 100)
    share.set_ylabel("open questions (%)" if en else "open vragen (%)")
    handles = ax.get_legend_handles_labels()[0] + share.get_legend_handles_labels()[0]
    labels = ax.get_legend_handles_labels()[1] + share.get_legend_handles_labels()[1]
    ax.legend(handles, labels, loc="upper left", fontsize="small", frameon=False)
    ax.set_title("Your practice over time" if en else "Je oefening door de tijd")
    fig.tight_layout()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    return buffer.getvalue()
