"""Interface texts in Dutch (first) and English, and how a page learns which language to show.

Content texts live in the YAML files; this catalogue holds only what the interface itself says.
A page starts in the language asked for in its address (``?lang=en``) or in ``INTERVISIE_KIT_LANG``,
and Dutch otherwise; the language switch in every page header changes it on the spot.
"""

from __future__ import annotations

import os
from urllib.parse import parse_qs

__all__ = ["LANGS", "TEXTS", "initial_lang", "query_params", "t"]

LANGS = ("nl", "en")
LANG_ENV = "INTERVISIE_KIT_LANG"

TEXTS: dict[str, tuple[str, str]] = {
    "kit.name": ("Intervisie-kit", "Intervisie kit"),
    "kit.home": ("Naar de startpagina", "To the start page"),
    "header.lang": ("Taal", "Language"),
    "header.large": ("Groot", "Large"),
    "header.large.tip": ("Grote letters, voor een beamer of presentatie", "Large type, for a projector"),
    "start.pages": ("Wat je in deze kit vindt", "What you will find in this kit"),
    "start.open": ("Openen", "Open"),
    "start.for": ("Voor", "For"),
    "start.content": (
        "In de kit: {methods} methoden, {cases} casussen en {exercises} oefensets.",
        "In the kit: {methods} methods, {cases} cases and {exercises} exercise sets.",
    ),
    "problems.title": ("Er zijn problemen met de inhoud", "There are problems with the content"),
    "problems.intro": (
        "Onderdelen met een fout zijn overgeslagen; de rest van de kit werkt gewoon. "
        "Herstel het bestand en laad de pagina opnieuw.",
        "Items with an error were skipped; the rest of the kit works as usual. Fix the file and reload the page.",
    ),
    "content.ok": ("Alle inhoud is in orde.", "All content is valid."),
    "content.kind.methods": ("Methoden", "Methods"),
    "content.kind.cases": ("Casussen", "Cases"),
    "content.kind.exercises": ("Oefensets", "Exercise sets"),
    "content.col.id": ("Id", "Id"),
    "content.col.name": ("Naam", "Name"),
    "content.col.file": ("Bestand", "File"),
    "content.own": (
        "Eigen materiaal: start de kit met <code>intervisie-kit serve --content MAP</code> "
        "(of zet de map in <code>INTERVISIE_KIT_CONTENT</code>). De map bevat <code>methods/</code>, "
        "<code>cases/</code> en/of <code>exercises/</code>; eigen bestanden met hetzelfde id vervangen die van de kit. "
        "Controleer een map vooraf met <code>intervisie-kit validate MAP</code>.",
        "Your own material: start the kit with <code>intervisie-kit serve --content DIR</code> "
        "(or put the folder in <code>INTERVISIE_KIT_CONTENT</code>). The folder holds <code>methods/</code>, "
        "<code>cases/</code> and/or <code>exercises/</code>; your files with the same id replace the kit's. "
        "Check a folder beforehand with <code>intervisie-kit validate DIR</code>.",
    ),
    "content.extra": ("Extra inhoudsmappen: {dirs}", "Extra content folders: {dirs}"),
    "content.noextra": ("Geen eigen inhoudsmap ingesteld.", "No content folder of your own is set."),
    "audience.trainer": ("trainers", "trainers"),
    "audience.trainee": ("deelnemers in opleiding", "trainees"),
    "audience.facilitator": ("(nieuwe) begeleiders", "(new) facilitators"),
}


def t(key: str, lang: str = "nl", **params: object) -> str:
    nl, en = TEXTS[key]
    text = en if lang == "en" else nl
    return text.format(**params) if params else text


def query_params() -> dict[str, str]:
    """The page address's query parameters, as Voila passes them to the kernel (first value of each)."""
    raw = os.environ.get("QUERY_STRING") or ""
    return {k: v[0] for k, v in parse_qs(raw).items() if v}


def initial_lang() -> str:
    lang = query_params().get("lang") or os.environ.get(LANG_ENV, "nl")
    return lang if lang in LANGS else "nl"
