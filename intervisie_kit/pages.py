"""The kit's pages: which notebook, what it offers and for whom, in both languages.

The start page lists the pages whose notebook exists, so it never links to a page that is not there.
"""

from __future__ import annotations

from dataclasses import dataclass

from .paths import notebooks_dir

__all__ = ["PAGES", "ROUTES", "Page", "Route", "available_pages", "neighbours", "page_number", "page_url"]


@dataclass(frozen=True)
class Page:
    notebook: str
    title: tuple[str, str]
    summary: tuple[str, str]
    audience: tuple[str, ...]

    def text(self, field: str, lang: str) -> str:
        nl, en = getattr(self, field)
        return en if lang == "en" else nl


PAGES: tuple[Page, ...] = (
    Page(
        "00_start.ipynb",
        ("Start", "Start"),
        ("Wat de kit is en wat elke pagina biedt.", "What the kit is and what each page offers."),
        ("trainer", "trainee", "facilitator"),
    ),
    Page(
        "01_wat_is_intervisie.ipynb",
        ("Wat is intervisie?", "What is intervisie?"),
        (
            "De uitgangspunten (geen advies, geen oordeel, vertrouwelijkheid), de rollen en de fasen van een "
            "bijeenkomst en van een traject, met een korte zelftoets.",
            "The principles (no advice, no judgement, confidentiality), the roles and the phases of a meeting and "
            "of a trajectory, with a short self-check.",
        ),
        ("trainee", "facilitator"),
    ),
    Page(
        "02_methodekiezer.ipynb",
        ("Methodekiezer", "Method chooser"),
        (
            "Beantwoord een paar vragen over de groep, de casus en de tijd en zie welke methoden passen, en waarom.",
            "Answer a few questions about the group, the case and the time, and see which methods fit, and why.",
        ),
        ("facilitator", "trainer"),
    ),
    Page(
        "03_methoden.ipynb",
        ("Methoden", "Methods"),
        (
            "Blader door de methoden en loop elke methode fase voor fase door aan de hand van een uitgewerkte casus.",
            "Browse the methods and step through each one, phase by phase, with a worked example case.",
        ),
        ("trainee", "facilitator", "trainer"),
    ),
    Page(
        "04_vragen_oefenen.ipynb",
        ("Vragen oefenen", "Practise questions"),
        (
            "Oefen open vragen stellen bij een casus; de vraagcoach zegt meteen wat voor vraag je stelde.",
            "Practise asking open questions about a case; the question coach tells you at once what kind of "
            "question you asked.",
        ),
        ("trainee", "facilitator"),
    ),
    Page(
        "05_sessie_begeleiden.ipynb",
        ("Sessie begeleiden", "Run a session"),
        (
            "Begeleid een bijeenkomst met een fasetimer, rollen en een presentatiemodus voor de beamer.",
            "Run a meeting with a phase timer, roles and a projector mode.",
        ),
        ("trainer", "facilitator"),
    ),
    Page(
        "06_reflectie.ipynb",
        ("Reflectie", "Reflection"),
        (
            "Je persoonlijke, vertrouwelijke reflectiedagboek, met verslagen voor je begeleider als jij dat kiest.",
            "Your personal, confidential reflection journal, with reports for your supervisor when you choose so.",
        ),
        ("trainee",),
    ),
    Page(
        "07_oefensets.ipynb",
        ("Oefensets", "Exercise sets"),
        (
            "Korte oefeningen met directe feedback: verkapt advies herkennen, advies en waarom-vragen omzetten in "
            "open vragen, vragen in vijf richtingen, één vraag tegelijk en doorvragen.",
            "Short exercises with instant feedback: spot disguised advice, turn advice and why-questions into open "
            "questions, ask in five directions, one question at a time, and follow up.",
        ),
        ("trainee", "facilitator", "trainer"),
    ),
    Page(
        "08_traject_plannen.ipynb",
        ("Traject plannen", "Plan a trajectory"),
        (
            "Plan de bijeenkomsten van een groep, met rooster, evaluaties, agenda-export en groepscontract.",
            "Plan a group's meetings, with rota, evaluations, calendar export and group contract.",
        ),
        ("facilitator", "trainer"),
    ),
    Page(
        "09_groepen_indelen.ipynb",
        ("Groepen indelen", "Form groups"),
        (
            "Verdeel de deelnemers van een startdag over intervisiegroepen: niet met je leidinggevende of "
            "teamgenoot, zoveel mogelijk per regio, met de redenen erbij en een trajectplan per groep.",
            "Divide a startdag's participants into intervisie groups: not with one's manager or teammate, by "
            "region where possible, with the reasons shown and a trajectory plan per group.",
        ),
        ("trainer",),
    ),
    Page(
        "10_het_vak.ipynb",
        ("Het vak van begeleider", "The facilitator's craft"),
        (
            "Een goede intervisievraag, luisteren-samenvatten-doorvragen, de fasen van een groep, lastige momenten "
            "met modelinterventies, en intervisie naast supervisie, coaching en werkoverleg.",
            "A good intervisie question, listening-summarising-asking further, the stages of a group, difficult "
            "moments with model interventions, and intervisie next to supervision, coaching and team meetings.",
        ),
        ("facilitator", "trainee", "trainer"),
    ),
    Page(
        "11_startdag.ipynb",
        ("Startdag geven", "Running a startdag"),
        (
            "De regie van een startdag: deelnemers doen mee met hun telefoon, jij zet de casus op de muur, start "
            "vragenrondes en sluit de dag af, waarbij hun gegevens van je laptop worden gewist.",
            "The control room of a startdag: participants join with their phones, you put the case on the wall, "
            "start question rounds and end the day, which erases their data from your laptop.",
        ),
        ("trainer",),
    ),
    Page(
        "99_inhoud.ipynb",
        ("Inhoud en eigen materiaal", "Content and your own material"),
        (
            "Welke methoden, casussen en oefeningen geladen zijn, uit welk bestand, en of er fouten in zitten.",
            "Which methods, cases and exercises are loaded, from which file, and whether any contain errors.",
        ),
        ("trainer",),
    ),
)


@dataclass(frozen=True)
class Route:
    """A suggested order through the pages for one purpose, shown on the start page."""

    title: tuple[str, str]
    steps: tuple[str, ...]  # notebooks, in order

    def text(self, lang: str) -> str:
        nl, en = self.title
        return en if lang == "en" else nl


#: Suggested ways through the kit. Self-study: learn what intervisie is, meet the methods, practise asking
#: (the heart of the craft), drill the hard parts, then reflect. A trainer preparing a startdag: choose
#: methods for the group, read them, pick exercise sets for the day, rehearse the session runner and plan
#: the group's trajectory.
ROUTES: tuple[Route, ...] = (
    Route(
        ("Zelfstudie", "Self-study"),
        (
            "01_wat_is_intervisie.ipynb",
            "03_methoden.ipynb",
            "04_vragen_oefenen.ipynb",
            "07_oefensets.ipynb",
            "06_reflectie.ipynb",
        ),
    ),
    Route(
        ("Een startdag voorbereiden", "Preparing a startdag"),
        (
            "02_methodekiezer.ipynb",
            "03_methoden.ipynb",
            "07_oefensets.ipynb",
            "05_sessie_begeleiden.ipynb",
            "08_traject_plannen.ipynb",
        ),
    ),
)


def page_number(notebook: str) -> str:
    """The page's number as people say it: ``04`` for ``04_vragen_oefenen.ipynb``."""
    return notebook.split("_", 1)[0]


def neighbours(notebook: str) -> tuple[Page | None, Page | None]:
    """The pages before and after ``notebook`` among the pages that exist (``None`` at either end)."""
    pages = available_pages()
    names = [p.notebook for p in pages]
    if notebook not in names:
        return None, None
    i = names.index(notebook)
    return (pages[i - 1] if i > 0 else None), (pages[i + 1] if i + 1 < len(pages) else None)


def available_pages() -> tuple[Page, ...]:
    folder = notebooks_dir()
    return tuple(p for p in PAGES if (folder / p.notebook).is_file())


def page_url(notebook: str, lang: str = "nl") -> str:
    """A link from one page to another; pages are siblings under ``/voila/render/``."""
    return notebook if lang == "nl" else f"{notebook}?lang={lang}"
