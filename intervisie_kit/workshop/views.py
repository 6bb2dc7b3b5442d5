"""The JSON the phone page and the wall page show, built from the store's records. Pure functions.

The shapes are the contract in ``docs/workshop.md`` ("Views"). Two rules hold here:

* The **phone** of one participant sees its own questions (with the coach's verdict), the case, the
  round, and - for the inbrenger only - the room's questions to rate, without names or ids of anyone
  else. Page 05's live state reaches it without the role table (only the participant's own role).
* The **wall** shows names only when the trainer chose so; hidden questions stay in the list with
  ``hidden: true`` so the trainer can show them again, and count in no tally.

Words come from the kit's one table (``terms.KIND_LABELS``); a verdict's markup from
``ui.verdict.verdict_html`` (escaped there); tallies from ``coach.tally`` ("open" = plainly open).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, NamedTuple

from ..coach import Verdict, classify
from ..coach.tally import tally
from ..terms import KIND_LABELS, TurnKind
from . import MAX_NAME, MAX_PER_ROUND, MAX_QUESTION, MIN_INTERVAL, RATINGS
from .model import Participant, Round, Workshop

__all__ = ["QuestionRow", "kind_label", "phone_view", "verdict_of", "wall_view"]

#: The participant's role when page 05 names none.
ROLE_WORDS = {
    "inbrenger": ("inbrenger", "inbrenger (brings the case)"),
    "deelnemer": ("deelnemer", "participant"),
}


class QuestionRow(NamedTuple):
    """A stored question as the views need it: with its round's number and the inbrenger's rating (or
    None). Flat and without times, so building the wall of a full room stays cheap."""

    id: int
    round_id: int
    round_number: int
    participant_id: str
    text: str
    kind: str
    flags: tuple[str, ...]
    hidden: bool
    pinned: bool
    rating: str | None


@lru_cache(maxsize=4096)
def verdict_of(text: str) -> Verdict:
    """The coach's verdict on a question. Deterministic, so the phone view judges the stored text again
    (cached) rather than storing the feedback and reformulation."""
    return classify(text)


_LABELS = {kind.value: words for kind, words in KIND_LABELS.items()}


def kind_label(kind: str, lang: str) -> str:
    words = _LABELS.get(kind, KIND_LABELS[TurnKind.OTHER])
    return words[1] if lang == "en" else words[0]


def _round(current: Round | None) -> dict[str, Any] | None:
    return {"id": current.id, "number": current.number, "rule": current.rule} if current is not None else None


def _case(workshop: Workshop) -> dict[str, Any]:
    return {"title": workshop.case_title, "text": workshop.case_text, "id": workshop.case_id}


def _session_for_phone(session: dict[str, Any] | None) -> dict[str, Any] | None:
    if session is None:
        return None
    return {key: value for key, value in session.items() if key != "roles"}


def phone_view(
    *,
    workshop: Workshop,
    me: Participant,
    current: Round | None,
    mine: list[QuestionRow],
    to_rate: list[QuestionRow] | None,
    lang: str,
) -> dict[str, Any]:
    """One participant's phone: ``mine`` are their own questions, ``to_rate`` the room's visible
    questions when they are the inbrenger (else None)."""
    from ..ui.verdict import verdict_html  # ipywidgets comes along; loaded on the first view, not on import

    inbrenger = workshop.inbrenger_id == me.id
    session = workshop.live_session
    roles = (session or {}).get("roles") or {}
    role = roles.get(me.id) if isinstance(roles, dict) else None
    if not isinstance(role, str) or not role:
        pair = ROLE_WORDS["inbrenger" if inbrenger else "deelnemer"]
        role = pair[1] if lang == "en" else pair[0]
    asked_now = sum(1 for row in mine if current is not None and row.round_id == current.id)
    return {
        "version": workshop.version,
        "workshop": {
            "title": workshop.title,
            "joining_open": workshop.joining_open,
            "case": _case(workshop),
            "round": _round(current),
            "inbrenger": inbrenger,
            "session": _session_for_phone(session),
        },
        "me": {"name": me.name, "role": role},
        "questions": [
            {
                "id": row.id,
                "round": row.round_number,
                "text": row.text,
                "kind": row.kind,
                "kind_label": kind_label(row.kind, lang),
                "flags": list(row.flags),
                "verdict_html": verdict_html(verdict_of(row.text), lang, live=False),
                "rating": row.rating,
            }
            for row in mine
        ],
        "to_rate": [
            {"id": row.id, "round": row.round_number, "text": row.text, "rating": row.rating} for row in to_rate
        ]
        if to_rate is not None
        else [],
        "limits": {
            "max_question": MAX_QUESTION,
            "min_interval": MIN_INTERVAL,
            "max_per_round": MAX_PER_ROUND,
            "max_name": MAX_NAME,
            "left_in_round": max(0, MAX_PER_ROUND - asked_now) if current is not None else 0,
        },
    }


def _verdict(row: QuestionRow) -> Verdict:
    """Enough of a verdict for a tally: kind and flags as stored (no need to judge again)."""
    return Verdict(TurnKind(row.kind), frozenset(row.flags))


def _session_for_wall(session: dict[str, Any] | None, names: dict[str, str], show_names: bool) -> dict[str, Any] | None:
    if session is None:
        return None
    out = {key: value for key, value in session.items() if key != "roles"}
    roles = session.get("roles")
    if show_names and isinstance(roles, dict):
        out["roles"] = [{"name": names[pid], "role": role} for pid, role in roles.items() if pid in names]
    return out


def wall_view(
    *,
    workshop: Workshop,
    participants: list[Participant],
    rounds: list[Round],
    questions: list[QuestionRow],
    join_url: str,
    qr_svg: str,
    lang: str,
) -> dict[str, Any]:
    """The projector: join details, the case, per-round tallies side by side, the questions."""
    names = {p.id: p.name for p in participants}
    visible = [row for row in questions if not row.hidden]
    by_round: dict[int, list[Verdict]] = {r.id: [] for r in rounds}
    for row in visible:
        by_round.setdefault(row.round_id, []).append(_verdict(row))
    current = next((r for r in rounds if r.open), None)
    tallies = []
    for r in rounds:
        counted = tally(by_round[r.id])
        tallies.append(
            {
                "number": r.number,
                "rule": r.rule,
                "turns": counted.turns,
                "open": counted.open,
                "open_flagged": counted.open_flagged,
                "open_share": round(counted.open_share, 4),
                "counts": counted.counts,
                "closed": not r.open,
            }
        )
    ratings = dict.fromkeys(RATINGS, 0)
    for row in visible:
        if row.rating in ratings:
            ratings[row.rating] += 1
    listed = []
    for q in questions:
        item: dict[str, Any] = {
            "id": q.id,
            "round": q.round_number,
            "text": q.text,
            "kind": q.kind,
            "kind_label": kind_label(q.kind, lang),
            "flags": list(q.flags),
            "hidden": q.hidden,
            "pinned": q.pinned,
            "rating": q.rating,
        }
        if workshop.show_names:
            item["name"] = names.get(q.participant_id, "")
        listed.append(item)
    inbrenger = names.get(workshop.inbrenger_id or "")
    return {
        "version": workshop.version,
        "title": workshop.title,
        "join": {"url": join_url, "code": workshop.code, "open": workshop.joining_open, "qr_svg": qr_svg},
        "case": _case(workshop),
        "show_names": workshop.show_names,
        "participants": len(participants),
        "inbrenger": inbrenger if workshop.show_names else None,
        "has_inbrenger": inbrenger is not None,
        "round": _round(current),
        "rounds": tallies,
        "questions": listed,
        "ratings": ratings,
        "session": _session_for_wall(workshop.live_session, names, workshop.show_names),
    }
