"""A participant's own record of the startdag, as Markdown: for their journal and for the download.

Everything the participant typed is escaped with :func:`intervisie_kit.text.md_literal`, so a ``*``,
``<script>`` or ``[link](javascript:...)`` in a question stays the text it was. The journal entry uses
the kit-summary form (``answers = {"summary": markdown}``) that reports and page 06 already show.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from ..i18n import pick
from ..journal.store import Context, Entry
from ..text import md_literal
from .model import Participant, Workshop
from .views import QuestionRow, verdict_of

__all__ = ["CONTEXT", "TEMPLATE", "journal_entry", "participant_report", "questions_markdown"]

#: The journal entry "Startdag: vragenmuur" (one per participant; saving again updates it).
TEMPLATE = "startdag-vragenmuur"
CONTEXT = Context.STARTDAG

_T = {
    "title": ("Startdag: vragenmuur", "Start day: question wall"),
    "report": ("Mijn startdag", "My start day"),
    "questions": ("Mijn vragen", "My questions"),
    "none": ("Je hebt (nog) geen vragen gesteld.", "You have not asked any questions (yet)."),
    "round": ("Ronde {n}", "Round {n}"),
    "rating": ("beoordeling van de inbrenger: {r}", "the inbrenger's rating: {r}"),
    "try": ("Probeer:", "Try:"),
    "case": ("Casus", "Case"),
    "entries": ("Wat ik in mijn dagboek schreef", "What I wrote in my journal"),
    "no_entries": ("Geen reflecties geschreven tijdens de startdag.", "No reflections written during the start day."),
    "note": (
        "Dit verslag is alleen voor jou. Het staat niet meer op de laptop van de trainer zodra de workshop "
        "eindigt; bewaar het zelf als je het wilt houden.",
        "This report is for you alone. It is erased from the trainer's laptop when the workshop ends; keep it "
        "yourself if you want it.",
    ),
    "made": ("Gemaakt op {when} (UTC).", "Made on {when} (UTC)."),
}
RATING_WORDS = {
    "koud": ("koud (al gevraagd of beantwoord)", "koud - cold (already asked or answered)"),
    "neutraal": ("neutraal (nieuw)", "neutraal - neutral (new)"),
    "warm": ("warm (een eye-opener)", "warm (an eye-opener)"),
}


def _t(key: str, lang: str, **params: object) -> str:
    text = pick(_T[key], lang)
    return text.format(**params) if params else text


def questions_markdown(rows: Sequence[QuestionRow], lang: str) -> str:
    """The questions as a Markdown list: round, the coach's verdict, the rating, the text, a suggestion."""
    if not rows:
        return _t("none", lang)
    lines = []
    for row in rows:
        verdict = verdict_of(row.text)
        head = f"**{_t('round', lang, n=row.round_number)}** · {md_literal(verdict.words(lang), one_line=True)}"
        if row.rating in RATING_WORDS:
            head += f" · {_t('rating', lang, r=pick(RATING_WORDS[row.rating], lang))}"
        lines.append(f"- {head}  \n  {md_literal(row.text, one_line=True)}")
        if verdict.suggestion:
            lines.append(f"  \n  *{_t('try', lang)}* {md_literal(verdict.suggestion, one_line=True)}")
    return "\n".join(lines)


def journal_entry(workshop: Workshop, rows: Sequence[QuestionRow], lang: str) -> tuple[str, dict[str, str]]:
    """The title and answers of the participant's journal entry for this workshop."""
    parts = []
    if workshop.case_title:
        parts.append(f"{_t('case', lang)}: {md_literal(workshop.case_title, one_line=True)}\n")
    parts.append(questions_markdown(rows, lang))
    return _t("title", lang), {"summary": "\n".join(parts)}


def participant_report(
    workshop: Workshop,
    me: Participant,
    rows: Sequence[QuestionRow],
    written: Sequence[Entry],
    lang: str,
    *,
    now: datetime | None = None,
) -> str:
    """The download: the participant's questions and the journal entries they wrote since joining."""
    from ..journal.report import entry_blocks

    moment = now or datetime.now()
    title = workshop.title or _t("title", lang)
    out = [
        f"# {_t('report', lang)}: {md_literal(title, one_line=True)}",
        "",
        f"{md_literal(me.name, one_line=True)} · {_t('made', lang, when=moment.strftime('%Y-%m-%d %H:%M'))}",
        "",
        f"*{_t('note', lang)}*",
        "",
    ]
    if workshop.case_title or workshop.case_text:
        out += [f"## {_t('case', lang)}: {md_literal(workshop.case_title, one_line=True)}", ""]
        if workshop.case_text:
            out += [md_literal(workshop.case_text), ""]
    out += [f"## {_t('questions', lang)}", "", questions_markdown(rows, lang), "", f"## {_t('entries', lang)}", ""]
    if not written:
        out.append(_t("no_entries", lang))
    for entry in written:
        block = entry_blocks(entry, _templates(), lang)
        out += [f"### {md_literal(block.heading, one_line=True)}", "", f"*{md_literal(block.meta, one_line=True)}*", ""]
        for question, answer in block.items:
            body = answer if block.markdown else md_literal(answer)
            out += [f"**{md_literal(question, one_line=True)}**", "", body, ""]
    return "\n".join(out).rstrip() + "\n"


def _templates():  # type: ignore[no-untyped-def]
    """The reflection templates (labels of the questions in an entry), loaded once per process."""
    global _TEMPLATES
    if _TEMPLATES is None:
        from ..content import load

        _TEMPLATES = load().reflection
    return _TEMPLATES


_TEMPLATES = None
