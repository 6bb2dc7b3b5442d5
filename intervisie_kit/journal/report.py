"""Reports for the supervisor: the reflectieverslag of one meeting and the eindevaluatie of a trajectory.

A report holds only the entries the trainee chose to share (the caller passes them; :func:`build_report`
refuses private ones), plus their practice figures and chart. It is built once as plain data and then
written as Markdown, HTML or PDF; trainee text is escaped for each format, never interpreted.
"""

from __future__ import annotations

import base64
import html
import io
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from ..content.models import ReflectionFieldKind, ReflectionTemplate
from ..i18n import pick
from ..text import md_literal
from .progress import exercise_frame, practice_frame, progress_chart, summarise
from .store import Context, Entry, JournalError, Trainee

__all__ = [
    "Block",
    "Report",
    "ReportKind",
    "block_items_html",
    "build_report",
    "entry_blocks",
    "format_date",
    "report_html",
    "report_markdown",
    "report_pdf",
]


class ReportKind(StrEnum):
    MEETING = "verslag"  # reflectieverslag of one meeting
    FINAL = "eindevaluatie"  # eindevaluatie of the trajectory


@dataclass(frozen=True)
class Block:
    """One shared entry: a heading, a line about when and what, and (question, answer) pairs."""

    heading: str
    meta: str
    items: tuple[tuple[str, str], ...]
    markdown: bool = False  # the answers are the kit's own Markdown summary (see KIT_SUMMARIES)


@dataclass(frozen=True)
class Report:
    kind: ReportKind
    title: str
    subtitle: str
    note: str
    blocks: tuple[Block, ...]
    progress_heading: str
    progress_lines: tuple[str, ...]
    chart_png: bytes | None = field(default=None, repr=False)

    def filename(self, suffix: str) -> str:
        stem = re.sub(r"[^a-z0-9]+", "-", self.title.lower()).strip("-")[:60] or "reflectie"
        return f"{stem}.{suffix}"


_T = {
    "meeting": ("Reflectieverslag", "Reflection report"),
    "final": ("Eindevaluatie", "Final evaluation"),
    "of": ("van", "by"),
    "anon": ("(geen naam ingevuld)", "(no name given)"),
    "note": (
        "Dit verslag bevat alleen wat de deelnemer zelf koos om te delen. Behandel het vertrouwelijk: wat in "
        "intervisie gezegd wordt, blijft in de groep.",
        "This report contains only what the trainee chose to share. Treat it as confidential: what is said "
        "in intervisie stays in the group.",
    ),
    "progress": ("Oefening met de vraagcoach", "Practice with the question coach"),
    "made": ("gemaakt op", "made on"),
    "nothing": ("Er is (nog) niets gedeeld voor dit verslag.", "Nothing has been shared for this report (yet)."),
    "saved": ("bewaard op", "saved on"),
    "edited": ("bewerkt op", "edited on"),
    "summary": ("Samenvatting", "Summary"),
}
CONTEXT_NAMES = {
    Context.MEETING: ("Bijeenkomst", "Meeting"),
    Context.EXERCISE: ("Oefenset", "Exercise set"),
    Context.PRACTICE: ("Oefenronde vraagcoach", "Practice round"),
    Context.SESSION: ("Sessie begeleid", "Session facilitated"),
    Context.STARTDAG: ("Startdag", "Start day"),
    Context.TRAJECTORY: ("Traject", "Trajectory"),
    Context.OTHER: ("Overig", "Other"),
}


def _t(key: str, lang: str) -> str:
    return pick(_T[key], lang)


def format_date(moment: datetime, lang: str) -> str:
    return moment.strftime("%d-%m-%Y") if lang != "en" else moment.strftime("%Y-%m-%d")


#: Entries the kit's pages save (practice round, exercise set, session): their summary is Markdown.
KIT_SUMMARIES = frozenset({"oefenronde", "oefenset", "sessie", "startdag-vragenmuur"})


def entry_blocks(entry: Entry, templates: Mapping[str, ReflectionTemplate], lang: str = "nl") -> Block:
    """An entry as questions and answers in the words of its template."""
    template = templates.get(entry.template)
    context = pick(CONTEXT_NAMES[entry.context_kind], lang)
    heading = entry.title or (template.name.get(lang) if template else context)
    meta_parts = [context + (f": {entry.context_label}" if entry.context_label else "")]
    if template is not None:
        meta_parts.append(template.name.get(lang))
    meta_parts.append(f"{_t('saved', lang)} {format_date(entry.created, lang)}")
    items: list[tuple[str, str]] = []
    if template is not None:
        for f in template.fields:
            value = entry.answers.get(f.id)
            if value in (None, ""):
                continue
            if f.kind is ReflectionFieldKind.SCALE:
                text = f"{value} / 5 (1 = {f.low.get(lang) if f.low else ''}, 5 = {f.high.get(lang) if f.high else ''})"
            elif f.kind is ReflectionFieldKind.CHOICE:
                option = next((o for o in f.options if o.id == value), None)
                text = option.text.get(lang) if option else str(value)
            else:
                text = str(value)
            items.append((f.label.get(lang), text))
    else:
        for key, value in entry.answers.items():
            if value not in (None, ""):
                items.append((_t("summary", lang) if key == "summary" else key, str(value)))
    markdown = template is None and entry.template in KIT_SUMMARIES
    return Block(heading=heading, meta=" · ".join(meta_parts), items=tuple(items), markdown=markdown)


def build_report(
    kind: ReportKind | str,
    trainee: Trainee,
    shared: Sequence[Entry],
    templates: Mapping[str, ReflectionTemplate],
    *,
    lang: str = "nl",
    all_entries: Iterable[Entry] | None = None,
    label: str | None = None,
    today: datetime | None = None,
    chart: bool = True,
) -> Report:
    """The report from the entries the trainee shared.

    ``all_entries`` feeds only the practice figures and chart (counts, never text). ``label`` picks the
    meeting of a reflectieverslag. ``chart=False`` leaves the chart out (drawing it takes a few tenths of a
    second: a page that shows many trainees' reports at once draws none and links to each one's own).
    """
    kind = ReportKind(kind)
    private = [e for e in shared if not e.shared]
    if private:
        raise JournalError(
            "Een verslag kan alleen gedeelde reflecties bevatten.", "A report can only hold shared reflections."
        )
    chosen = list(shared)
    if kind is ReportKind.MEETING and label is not None:
        chosen = [e for e in chosen if e.context_label == label]
    if kind is ReportKind.FINAL:  # the final evaluation itself first, then the rest in order
        chosen.sort(key=lambda e: (e.template != "eindevaluatie", e.created, e.id))
    name = trainee.name or _t("anon", lang)
    title = _t("meeting" if kind is ReportKind.MEETING else "final", lang)
    if kind is ReportKind.MEETING and label:
        title = f"{title}: {label}"
    when = today or datetime.now()
    figures_source = list(all_entries) if all_entries is not None else chosen
    rounds = practice_frame(figures_source)
    return Report(
        kind=kind,
        title=title,
        subtitle=f"{_t('of', lang)} {name} · {_t('made', lang)} {format_date(when, lang)}",
        note=_t("note", lang),
        blocks=tuple(entry_blocks(e, templates, lang) for e in chosen),
        progress_heading=_t("progress", lang),
        progress_lines=tuple(summarise(rounds, exercise_frame(figures_source)).lines(lang)),
        chart_png=progress_chart(rounds, lang) if chart else None,
    )


# -- Markdown ----------------------------------------------------------------------------------------


def _md(text: str) -> str:
    """Trainee text as literal Markdown: every special character escaped, line breaks kept."""
    return md_literal(text)


def report_markdown(report: Report, lang: str = "nl") -> str:
    parts = [f"# {_md(report.title)}", "", f"*{_md(report.subtitle)}*", "", f"> {_md(report.note)}", ""]
    if not report.blocks:
        parts += [_t("nothing", lang), ""]
    for block in report.blocks:
        parts += [f"## {_md(block.heading)}", "", f"*{_md(block.meta)}*", ""]
        for question, answer in block.items:
            parts += [f"**{_md(question)}**", "", _md(_plain(block, answer)), ""]
    parts += [f"## {_md(report.progress_heading)}", ""]
    parts += [f"- {_md(line)}" for line in report.progress_lines]
    if report.chart_png:
        data = base64.b64encode(report.chart_png).decode()
        parts += ["", f"![{_md(report.progress_heading)}](data:image/png;base64,{data})"]
    return "\n".join(parts) + "\n"


# -- HTML --------------------------------------------------------------------------------------------

_CSS = """
body { font-family: "DejaVu Sans", Arial, sans-serif; color: #16202a; max-width: 46em; margin: 2em auto;
       padding: 0 1em; line-height: 1.5; }
h1 { font-size: 1.7em; margin-bottom: .2em; }
h2 { font-size: 1.25em; margin-top: 1.6em; border-bottom: 1px solid #ccd; }
.meta, .subtitle { color: #4a5563; font-style: italic; }
.note { border-left: 4px solid #1f6f8b; padding: .4em .8em; background: #eef5f8; }
dt { font-weight: bold; margin-top: .8em; } dd { margin: .2em 0 0 0; white-space: pre-wrap; }
dd.ik-md { white-space: normal; }
img { max-width: 100%; }
@media print { body { margin: 0; } h2 { break-after: avoid; } }
"""


def _h(text: str) -> str:
    return html.escape(text, quote=True)


def _plain(block: Block, answer: str) -> str:
    """An answer as text: the kit's Markdown summaries without their marks (the exports show text literally)."""
    if not block.markdown:
        return answer
    from .markdown import markdown_text

    return markdown_text(answer).rstrip("\n")


def block_items_html(block: Block) -> str:
    """An entry's questions and answers as an HTML definition list, every text escaped; the kit's own
    Markdown summaries are rendered as formatted text (with any HTML in them still shown as text)."""
    if block.markdown:
        from .markdown import markdown_html

        rows = "".join(f"<dt>{_h(q)}</dt><dd class='ik-md'>{markdown_html(a)}</dd>" for q, a in block.items)
    else:
        rows = "".join(f"<dt>{_h(q)}</dt><dd>{_h(a)}</dd>" for q, a in block.items)
    return f"<dl>{rows}</dl>"


def report_html(report: Report, lang: str = "nl") -> str:
    body = [
        f"<h1>{_h(report.title)}</h1>",
        f"<p class='subtitle'>{_h(report.subtitle)}</p>",
        f"<p class='note'>{_h(report.note)}</p>",
    ]
    if not report.blocks:
        body.append(f"<p>{_h(_t('nothing', lang))}</p>")
    for block in report.blocks:
        body.append(
            f"<section class='entry'><h2>{_h(block.heading)}</h2><p class='meta'>{_h(block.meta)}</p>"
            f"{block_items_html(block)}</section>"
        )
    lines = "".join(f"<li>{_h(line)}</li>" for line in report.progress_lines)
    body.append(f"<section class='progress'><h2>{_h(report.progress_heading)}</h2><ul>{lines}</ul>")
    if report.chart_png:
        data = base64.b64encode(report.chart_png).decode()
        body.append(f"<img alt='{_h(report.progress_heading)}' src='data:image/png;base64,{data}'>")
    body.append("</section>")
    return (
        f"<!DOCTYPE html>\n<html lang='{'en' if lang == 'en' else 'nl'}'><head><meta charset='utf-8'>"
        f"<title>{_h(report.title)}</title><style>{_CSS}</style></head><body>{''.join(body)}</body></html>\n"
    )


# -- PDF ---------------------------------------------------------------------------------------------


def report_pdf(report: Report, lang: str = "nl") -> bytes:
    """The report as a PDF (fpdf2 with the DejaVu font matplotlib ships, so all Dutch letters print)."""
    from ..cards import dejavu_pdf

    pdf = dejavu_pdf(report.title, margin=15, italic=True)
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin

    def para(text: str, style: str = "", size: float = 10.5, gap: float = 1.5) -> None:
        pdf.set_font("DejaVu", style, size)
        pdf.multi_cell(width, size * 0.5, text, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(gap)

    para(report.title, "B", 18, 1)
    para(report.subtitle, "I", 10, 3)
    para(report.note, "", 9.5, 4)
    if not report.blocks:
        para(_t("nothing", lang))
    for block in report.blocks:
        para(block.heading, "B", 13, 0.5)
        para(block.meta, "I", 9, 2)
        for question, answer in block.items:
            para(question, "B", 10.5, 0.5)
            para(_plain(block, answer), "", 10.5, 2.5)
    para(report.progress_heading, "B", 13, 1)
    for line in report.progress_lines:
        para(f"• {line}", "", 10.5, 0.5)
    if report.chart_png:
        pdf.ln(2)
        pdf.image(io.BytesIO(report.chart_png), w=min(width, 170))
    return bytes(pdf.output())
