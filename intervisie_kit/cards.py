"""Method cards: one page per method with its phases, minutes, who speaks, what is allowed, roles and fit.

The fit includes what the method is *not* for ("Niet geschikt voor"), so a printed card warns as the
method page does.

``card_html`` is the card as an HTML fragment (the Methoden page shows it); ``cards_document`` is a
printable HTML file with one card per page; ``cards_pdf`` is the same set as a PDF, made with fpdf2
and the DejaVu font that matplotlib ships, so Dutch and English typography prints on any machine.
All content text is escaped: a card never runs what a content file contains.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from pathlib import Path

from .content.models import Contribution, Experience, Method, OnlineFit, Trust
from .i18n import minutes_text, pick

__all__ = [
    "CONTRIBUTION_WORDS",
    "card_html",
    "cards_document",
    "cards_pdf",
    "dejavu_pdf",
    "fit_lines",
    "phase_rows",
]

CONTRIBUTION_WORDS: dict[Contribution, tuple[str, str]] = {
    Contribution.STORY: ("vertellen", "telling"),
    Contribution.OPEN_QUESTION: ("open vragen", "open questions"),
    Contribution.CLOSED_QUESTION: ("feitelijke vragen", "factual questions"),
    Contribution.SUMMARY: ("samenvatten", "summarising"),
    Contribution.WRITING: ("in stilte schrijven", "writing in silence"),
    Contribution.ASSOCIATION: ("associaties en beelden", "associations and images"),
    Contribution.ANALYSIS: ("analyse, hypothesen", "analysis, hypotheses"),
    Contribution.OPINION: ("een eigen oordeel", "an own view"),
    Contribution.ADVICE: ("advies", "advice"),
    Contribution.EXPERIENCE: ("eigen ervaringen", "own experiences"),
    Contribution.APPRECIATION: ("waardering, kwaliteiten", "appreciation, qualities"),
    Contribution.ROLEPLAY: ("rollenspel", "role play"),
    Contribution.CHOICE: ("kiezen", "choosing"),
    Contribution.EVALUATION: ("evalueren", "evaluating"),
}
LEVEL_WORDS = {
    Experience.NEW: ("nieuw", "new"),
    Experience.SOME: ("enige ervaring", "some experience"),
    Experience.EXPERIENCED: ("ervaren", "experienced"),
}
TRUST_WORDS = {Trust.LOW: ("laag", "low"), Trust.MEDIUM: ("gemiddeld", "medium"), Trust.HIGH: ("hoog", "high")}
ONLINE_WORDS = {
    OnlineFit.GOOD: ("goed", "good"),
    OnlineFit.ADAPTED: ("met aanpassingen", "with adaptations"),
    OnlineFit.UNSUITABLE: ("niet geschikt", "not suitable"),
}
LABELS = {
    "phase": ("Fase", "Phase"),
    "minutes": ("Min.", "Min."),
    "speaks": ("Wie spreekt", "Who speaks"),
    "allowed": ("Toegestaan", "Allowed"),
    "roles": ("Rollen", "Roles"),
    "fit": ("Past bij", "Fits"),
    "not_for": ("Niet geschikt voor", "Not for"),
    "group": ("Groep", "Group"),
    "people": ("{min}-{max} personen", "{min}-{max} people"),
    "experience": ("ervaring", "experience"),
    "trust": ("vertrouwen", "trust"),
    "online": ("Online", "Online"),
    "materials": ("Materiaal", "Materials"),
    "total": ("{minutes} minuten", "{minutes} minutes"),
    "title": ("Methodekaarten intervisie-kit", "Method cards intervisie kit"),
}


def _l(key: str, lang: str, **params: object) -> str:
    return pick(LABELS[key], lang).format(**params)


def phase_rows(method: Method, lang: str) -> list[tuple[str, str, str, str]]:
    """(phase name, minutes, who speaks, what is allowed) per phase, as plain text."""
    role_names = {r.id: r.name.get(lang) for r in method.roles}
    return [
        (
            p.name.get(lang),
            minutes_text(p.minutes, lang),
            ", ".join(role_names.get(s, s) for s in p.speakers),
            ", ".join(pick(CONTRIBUTION_WORDS[c], lang) for c in p.allowed),
        )
        for p in method.phases
    ]


def fit_lines(method: Method, lang: str) -> list[str]:
    """The method's fit in short plain-text lines."""
    group = _l("people", lang, min=method.group_size.min, max=method.group_size.max)
    return [
        f"{_l('group', lang)}: {group}; {_l('experience', lang)} {pick(LEVEL_WORDS[method.experience], lang)}; "
        f"{_l('trust', lang)} {pick(TRUST_WORDS[method.trust], lang)}",
        f"{_l('online', lang)}: {pick(ONLINE_WORDS[method.online], lang)}",
    ]


def card_html(method: Method, lang: str = "nl") -> str:
    """One method card as an HTML fragment (``<article class="ik-method-card">``)."""
    e = html.escape
    rows = "".join(
        f"<tr><td>{e(name)}</td><td class='ik-num'>{e(mins)}</td><td>{e(who)}</td><td>{e(allowed)}</td></tr>"
        for name, mins, who, allowed in phase_rows(method, lang)
    )
    roles = "".join(f"<li><strong>{e(r.name.get(lang))}</strong>: {e(r.task.get(lang))}</li>" for r in method.roles)
    fit = "".join(f"<li>{e(line)}</li>" for line in fit_lines(method, lang))
    materials = "".join(f"<li>{e(m.get(lang))}</li>" for m in method.materials)
    materials_block = f"<h4>{e(_l('materials', lang))}</h4><ul>{materials}</ul>" if materials else ""
    return (
        f'<article class="ik-method-card" data-method="{e(method.id)}">'
        f"<header><h3>{e(method.name.get(lang))}</h3>"
        f'<p class="ik-total">{e(_l("total", lang, minutes=minutes_text(method.total_minutes, lang)))}</p></header>'
        f"<p>{e(method.summary.get(lang))}</p>"
        '<div class="ik-table-wrap"><table class="ik-table">'
        f"<thead><tr><th>{e(_l('phase', lang))}</th><th>{e(_l('minutes', lang))}</th>"
        f"<th>{e(_l('speaks', lang))}</th><th>{e(_l('allowed', lang))}</th></tr></thead>"
        f"<tbody>{rows}</tbody></table></div>"
        f"<h4>{e(_l('roles', lang))}</h4><ul>{roles}</ul>"
        f"<h4>{e(_l('fit', lang))}</h4><ul>{fit}</ul>"
        f'<section class="ik-not-for"><h4>{e(_l("not_for", lang))}</h4><p>{e(method.not_for.get(lang))}</p></section>'
        f"{materials_block}"
        "</article>"
    )


_PRINT_CSS = """
@page { size: A4; margin: 14mm; }
body { font-family: "DejaVu Sans", Arial, sans-serif; color: #16202a; font-size: 11pt; line-height: 1.4; }
.ik-method-card { page-break-after: always; break-after: page; }
.ik-method-card:last-child { page-break-after: auto; break-after: auto; }
.ik-method-card header { display: flex; justify-content: space-between; align-items: baseline;
  border-bottom: 2px solid #0a4f96; margin-bottom: 6px; }
.ik-method-card h3 { font-size: 20pt; margin: 0; }
.ik-total { font-weight: bold; font-size: 13pt; margin: 0; }
.ik-table { border-collapse: collapse; width: 100%; margin: 8px 0; }
.ik-table th, .ik-table td { border: 1px solid #c9d3dd; padding: 4px 6px; text-align: left; vertical-align: top; }
.ik-table th { background: #e7f0fa; }
.ik-num { text-align: right; white-space: nowrap; }
h4 { margin: 10px 0 2px; }
ul { margin: 2px 0; padding-left: 18px; }
.ik-not-for { border-left: 4px solid #6b3a00; background: #fff3df; color: #6b3a00; padding: 2px 10px; margin: 8px 0; }
.ik-not-for p { margin: 2px 0 6px; }
"""


def cards_document(methods: Iterable[Method], lang: str = "nl") -> str:
    """A complete, printable HTML page with one card per method (one per printed page)."""
    body = "".join(card_html(m, lang) for m in methods)
    title = html.escape(_l("title", lang))
    return (
        f'<!DOCTYPE html><html lang="{html.escape(lang)}"><head><meta charset="utf-8">'
        f"<title>{title}</title><style>{_PRINT_CSS}</style></head><body>{body}</body></html>"
    )


def _font_dir() -> Path:
    import matplotlib

    return Path(matplotlib.get_data_path()) / "fonts" / "ttf"


def dejavu_pdf(title: str, *, margin: float = 14, italic: bool = False):  # type: ignore[no-untyped-def]
    """An A4 fpdf2 document with the DejaVu font (regular, bold, optionally oblique as "I")."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=True, margin=margin)
    pdf.add_font("DejaVu", "", str(_font_dir() / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(_font_dir() / "DejaVuSans-Bold.ttf"))
    if italic:
        pdf.add_font("DejaVu", "I", str(_font_dir() / "DejaVuSans-Oblique.ttf"))
    pdf.set_title(title)
    pdf.set_creator("intervisie-kit")
    return pdf


def cards_pdf(methods: Iterable[Method], lang: str = "nl") -> bytes:
    """The method cards as a PDF, one A4 page per method."""
    from fpdf.fonts import FontFace

    pdf = dejavu_pdf(_l("title", lang))
    pdf.set_margins(14, 14, 14)
    width = pdf.w - pdf.l_margin - pdf.r_margin
    for method in methods:
        pdf.add_page()
        pdf.set_font("DejaVu", "B", 18)
        pdf.multi_cell(width, 9, method.name.get(lang), new_x="LMARGIN", new_y="NEXT", align="L")
        pdf.set_font("DejaVu", "B", 12)
        pdf.cell(
            width, 7, _l("total", lang, minutes=minutes_text(method.total_minutes, lang)), new_x="LMARGIN", new_y="NEXT"
        )
        pdf.set_font("DejaVu", "", 10)
        pdf.multi_cell(width, 5, method.summary.get(lang), new_x="LMARGIN", new_y="NEXT", align="L")
        pdf.ln(2)
        pdf.set_font("DejaVu", "", 9)
        heading = FontFace(emphasis="BOLD", fill_color=(231, 240, 250))
        with pdf.table(col_widths=(34, 8, 24, 34), headings_style=heading, line_height=4.6, text_align="LEFT") as table:
            table.row([_l("phase", lang), _l("minutes", lang), _l("speaks", lang), _l("allowed", lang)])
            for row in phase_rows(method, lang):
                table.row(list(row))
        for title, lines in (
            (_l("roles", lang), [f"{r.name.get(lang)}: {r.task.get(lang)}" for r in method.roles]),
            (_l("fit", lang), fit_lines(method, lang)),
            (_l("not_for", lang), [method.not_for.get(lang)]),
            (_l("materials", lang), [m.get(lang) for m in method.materials]),
        ):
            if not lines:
                continue
            pdf.ln(2)
            pdf.set_font("DejaVu", "B", 11)
            pdf.cell(width, 6, title, new_x="LMARGIN", new_y="NEXT")
            pdf.set_font("DejaVu", "", 9)
            for line in lines:
                pdf.multi_cell(width, 4.6, f"• {line}", new_x="LMARGIN", new_y="NEXT", align="L")
    return bytes(pdf.output())
