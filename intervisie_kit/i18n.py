"""Interface texts in Dutch (first) and English, and how a page learns which language to show.

Content texts live in the YAML files; this catalogue holds only what the interface itself says.
A page starts in the language asked for in its address (``?lang=en``) or in ``INTERVISIE_KIT_LANG``,
and Dutch otherwise; the language switch in every page header changes it on the spot.
"""

from __future__ import annotations

import os
from urllib.parse import parse_qs

from .terms import FLAG_LABELS, KIND_LABELS

__all__ = ["LANGS", "TEXTS", "initial_lang", "minutes_text", "pick", "query_params", "register", "t"]

LANGS = ("nl", "en")
LANG_ENV = "INTERVISIE_KIT_LANG"

TEXTS: dict[str, tuple[str, str]] = {
    "kit.name": ("Intervisie-kit", "Intervisie kit"),
    "kit.home": ("Naar de startpagina", "To the start page"),
    "header.lang": ("Taal", "Language"),
    "error.title": ("Dat lukte niet", "That did not work"),
    "error.text": (
        "Er ging iets mis bij wat je net deed. Wat je hebt getypt staat er nog. Probeer het opnieuw; lukt het "
        "dan nog niet, laad de pagina opnieuw. De technische details staan in het venster waarin de kit draait.",
        "Something went wrong with what you just did. What you typed is still here. Try again; if it still "
        "fails, reload the page. The technical details are in the window where the kit is running.",
    ),
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
    "content.kind.craft": ("Het vak van begeleider (vak/)", "The facilitator's craft (vak/)"),
    "content.kind.scenes": ("Lastige momenten (vak/momenten/)", "Difficult moments (vak/momenten/)"),
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
    "level.new": ("nieuwe groep", "new group"),
    "level.some": ("enige ervaring", "some experience"),
    "level.experienced": ("ervaren groep", "experienced group"),
    "trust.low": ("laag", "low"),
    "trust.medium": ("gemiddeld", "medium"),
    "trust.high": ("hoog", "high"),
    "methods.search": ("Zoek een methode (naam of beschrijving)", "Search a method (name or description)"),
    "methods.question": ("Vraag", "Question"),
    "methods.any_question": ("elke soort vraag", "any kind of question"),
    "methods.group": ("Groep", "Group"),
    "methods.any_group": ("elke groep", "any group"),
    "methods.time": ("Tijd", "Time"),
    "methods.any_time": ("elke duur", "any length"),
    "methods.max_minutes": ("hooguit {n} minuten", "at most {n} minutes"),
    "methods.count": ("{n} van de {total} methoden", "{n} of {total} methods"),
    "methods.unknown": ("Methode '{id}' bestaat niet in deze kit.", "There is no method '{id}' in this kit."),
    "methods.direct_link": ("Directe link naar deze methode", "Direct link to this method"),
    "methods.card_html": ("Methodekaart (HTML)", "Method card (HTML)"),
    "methods.card_pdf": ("Methodekaart (PDF)", "Method card (PDF)"),
    "methods.all_cards": ("Alle methodekaarten", "All method cards"),
    "methods.download": ("Download {file}", "Download {file}"),
    "methods.prompt": ("De gespreksleider", "The facilitator"),
    "methods.phases_prompts": ("Fasen en wat de gespreksleider zegt", "Phases and what the facilitator says"),
    "methods.pitfalls": ("Valkuilen", "Pitfalls"),
    "methods.origin": ("Herkomst en bronnen", "Origin and sources"),
    "stepper.heading": ("Uitgewerkt voorbeeld", "Worked example"),
    "stepper.question": ("Vraag van de inbrenger", "The inbrenger's question"),
    "stepper.counter": ("Fase {n} van {total}", "Phase {n} of {total}"),
    "stepper.allowed": ("Toegestaan in deze fase", "Allowed in this phase"),
    "stepper.back": ("Vorige fase", "Previous phase"),
    "stepper.next": ("Volgende fase", "Next phase"),
    "stepper.outcome": ("Wat het de inbrenger opleverde", "What it gave the inbrenger"),
    "stepper.facilitator": ("Gespreksleider", "Facilitator"),
    "stepper.your_question": ("Typ hier jouw vraag ...", "Type your question here ..."),
    "stepper.reveal": ("Laat zien wat de groep zei", "Show what the group said"),
    "stepper.you_asked": ("Jouw vraag", "Your question"),
    "stepper.check": ("Beoordeel mijn vraag", "Judge my question"),
    "stepper.type_first": (
        "Typ eerst je eigen vraag; of kijk meteen wat de groep zei.",
        "Type your own question first; or look at what the group said straight away.",
    ),
    "chooser.group": ("De groep", "The group"),
    "chooser.size": ("Aantal deelnemers", "Number of participants"),
    "chooser.experience": ("Ervaring met intervisie", "Experience with intervisie"),
    "chooser.trust": ("Vertrouwen en veiligheid in de groep", "Trust and safety in the group"),
    "chooser.facilitator": ("Jouw ervaring als begeleider", "Your experience as a facilitator"),
    "chooser.facilitator.new": ("beginnend", "beginning"),
    "chooser.facilitator.some": ("enige ervaring", "some experience"),
    "chooser.facilitator.experienced": ("ervaren", "experienced"),
    "chooser.question": ("De vraag van de inbrenger", "The inbrenger's question"),
    "chooser.kind": ("Waar gaat de vraag over?", "What is the question about?"),
    "chooser.focus": ("Boven- of onderstroom?", "Bovenstroom or onderstroom?"),
    "chooser.focus.unknown": ("weet ik nog niet", "not sure yet"),
    "chooser.vague": ("De vraag is nog vaag", "The question is still vague"),
    "chooser.emotional": ("Er zit veel emotie in", "It carries strong emotions"),
    "chooser.incident": ("Het gaat om een recent, concreet voorval", "It is about a recent, concrete incident"),
    "chooser.practise": (
        "De inbrenger wil oefenen hoe hij of zij iets zegt of doet",
        "The inbrenger wants to practise how to say or do something",
    ),
    "chooser.situation": ("De situatie", "The situation"),
    "chooser.minutes": ("Minuten voor deze casus", "Minutes for this case"),
    "chooser.preparation": ("Voorbereiding vooraf is mogelijk", "Preparation beforehand is possible"),
    "chooser.online": ("We werken online", "We meet online"),
    "chooser.materials": ("Aanwezig materiaal", "Materials at hand"),
    "chooser.best": ("Deze methoden passen het best", "These methods fit best"),
    "chooser.none": (
        "Geen enkele methode past bij deze combinatie; kijk bij 'niet mogelijk' waarom.",
        "No method fits this combination; see 'not possible' for why.",
    ),
    "chooser.min": ("{n} min", "{n} min"),
    "chooser.open": ("Bekijk de methode", "View the method"),
    "chooser.others": ("Andere mogelijke methoden ({n})", "Other possible methods ({n})"),
    "chooser.ruled_out": ("Nu niet mogelijk ({n})", "Not possible now ({n})"),
    "quiz.right": ("Goed.", "Right."),
    "quiz.not_quite": ("Niet helemaal.", "Not quite."),
    "quiz.coach_says": ("Zo noemt de vraagcoach “{turn}”:", "This is what the question coach calls “{turn}”:"),
    "quiz.score": (
        "{right} van de {answered} beantwoorde vragen goed ({total} in totaal).",
        "{right} of the {answered} answered questions right ({total} in all).",
    ),
    "quiz.missing": ("De toets '{id}' ontbreekt in de inhoud.", "The quiz '{id}' is missing from the content."),
    **{f"kind.{kind.value}": words for kind, words in KIND_LABELS.items()},
    **{f"flag.{flag}": words for flag, words in FLAG_LABELS.items()},
    "tally.open": ("{open} van {turns} open", "{open} of {turns} open"),
    "tally.open_flagged": ("open, met aandachtspunt {n}", "open, with a point of attention {n}"),
    "dimension.facts": ("feiten", "facts"),
    "dimension.feelings": ("gevoelens", "feelings"),
    "dimension.thoughts": ("gedachten", "thoughts"),
    "dimension.motives": ("drijfveren", "motives"),
    "dimension.alternatives": ("alternatieven", "alternatives"),
    "coach.explores": ("Verkent: {dimension}", "Explores: {dimension}"),
    "coach.try": ("Probeer eens:", "Try:"),
    "practice.case": ("Casus", "Case"),
    "practice.limit": ("Beurten in deze ronde", "Turns in this round"),
    "practice.new": ("Nieuwe ronde", "New round"),
    "practice.input": ("Jouw vraag", "Your question"),
    "practice.placeholder": ("Typ je vraag en druk op Enter", "Type your question and press Enter"),
    "practice.ask": ("Vraag stellen", "Ask"),
    "practice.question": ("De vraag van {name}", "{name}'s question"),
    "practice.you": ("Jij", "You"),
    "practice.left": ("nog {left} beurten", "{left} turns left"),
    "practice.openness": ("{name} is nu: {state}", "{name} is now: {state}"),
    "practice.openness.0": ("dichtgeklapt", "closed up"),
    "practice.openness.1": ("terughoudend", "guarded"),
    "practice.openness.2": ("op zijn gemak", "at ease"),
    "practice.openness.3": ("open", "open"),
    "practice.done": ("De ronde is klaar", "The round is over"),
    "practice.missed": ("Waar je niet naar vroeg", "What you did not ask about"),
    "practice.all_asked": (
        "Je hebt naar alle kanten van de casus gevraagd: feiten, gevoelens, gedachten, drijfveren en alternatieven.",
        "You asked about every side of the case: facts, feelings, thoughts, motives and alternatives.",
    ),
    "practice.download": ("Download je samenvatting (Markdown)", "Download your summary (Markdown)"),
    "practice.keep": (
        "De kit bewaart niets van deze ronde, tenzij jij hem in je reflecties bewaart; daar is hij privé.",
        "The kit keeps nothing of this round unless you save it to your reflections, where it is private.",
    ),
    "practice.entry_title": ("Oefenronde: {case}", "Practice round: {case}"),
    "exercise.entry_title": ("Oefenset: {name}", "Exercise set: {name}"),
    "practice.nocases": (
        "Er is geen casus met antwoorden van de inbrenger gevonden.",
        "No case with the inbrenger's answers was found.",
    ),
    "practice.line": ("Zo kijkt de coach naar een beurt", "How the coach looks at a turn"),
    "exercise.set": ("Oefenset", "Exercise set"),
    "exercise.check": ("Controleer", "Check"),
    "exercise.your_answer": ("Jouw vraag", "Your question"),
    "exercise.right": ("Goed.", "Right."),
    "exercise.not_yet": ("Nog niet.", "Not yet."),
    "exercise.model": ("Een mogelijk antwoord:", "A possible answer:"),
    "exercise.answer": ("De inbrenger zei:", "The inbrenger said:"),
    "exercise.score": ("{right} van de {total} goed.", "{right} of {total} right."),
    "exercise.problem.kind": (
        "De coach hoort hier een {kind}, geen open vraag.",
        "The coach hears a {kind} here, not an open question.",
    ),
    "exercise.problem.stacked": ("Stel één vraag tegelijk.", "Ask one question at a time."),
    "exercise.problem.why": (
        "Voorwaarde van deze oefening: geen 'waarom'. Er zit nog een 'waarom' in; probeer 'Wat maakte dat ...?'.",
        "Condition of this exercise: no 'why'. There is still a 'why'; try 'What made you ...?'.",
    ),
    "exercise.problem.incomplete": (
        "Maak er een hele vraag van over deze situatie.",
        "Make it a whole question about this situation.",
    ),
    "exercise.problem.too_short": (
        "Je vraag is nog te kort: schrijf een hele vraag over deze situatie (minstens {n} woorden).",
        "Your question is too short: write a whole question about this situation (at least {n} words).",
    ),
    "exercise.problem.other_answer": (
        "Dit is het voorbeeldantwoord van een andere oefening; bedenk een vraag bij deze situatie.",
        "This is the model answer of another exercise; think of a question for this situation.",
    ),
    "exercise.problem.off_topic": (
        "Je vraag gaat nog niet over deze situatie: gebruik iets uit de situatie of uit wat de inbrenger zei.",
        "Your question is not about this situation yet: use something from the situation or from what the "
        "inbrenger said.",
    ),
    "exercise.problem.dimension": (
        "Je vraag gaat vooral over {got}; gevraagd was een vraag over {want}.",
        "Your question is mainly about {got}; the task asks about {want}.",
    ),
    "exercise.problem.follow_up": (
        "Pak een woord uit het antwoord van de inbrenger op, bijvoorbeeld '{word}'.",
        "Pick up a word from the inbrenger's answer, for example '{word}'.",
    ),
    "exercise.problem.copy": ("Dat is de oorspronkelijke zin; herschrijf hem.", "That is the original; rewrite it."),
    "exercise.problem.empty": ("Typ eerst een vraag.", "Type a question first."),
    "exercise.missing": ("Geen oefensets gevonden.", "No exercise sets found."),
    "audience.trainer": ("trainers", "trainers"),
    "audience.trainee": ("deelnemers in opleiding", "trainees"),
    "audience.facilitator": ("(nieuwe) begeleiders", "(new) facilitators"),
}


def register(texts: dict[str, tuple[str, str]]) -> None:
    """Add a feature's interface texts (its UI module calls this on import); a key may be defined once."""
    clash = sorted(k for k in texts if k in TEXTS and TEXTS[k] != texts[k])
    if clash:
        raise ValueError(f"interface text keys defined twice: {', '.join(clash)}")
    TEXTS.update(texts)


def pick(pair: tuple[str, str], lang: str = "nl") -> str:
    """The Dutch or English half of a ``(nl, en)`` pair."""
    return pair[1] if lang == "en" else pair[0]


def t(key: str, lang: str = "nl", **params: object) -> str:
    text = pick(TEXTS[key], lang)
    return text.format(**params) if params else text


def minutes_text(minutes: float, lang: str = "nl") -> str:
    """Whole minutes without decimals; half minutes as 7,5 (Dutch) or 7.5 (English)."""
    if float(minutes).is_integer():
        return str(int(minutes))
    return str(minutes).replace(".", ",") if lang == "nl" else str(minutes)


def query_params() -> dict[str, str]:
    """The page address's query parameters, as Voila passes them to the kernel (first value of each)."""
    raw = os.environ.get("QUERY_STRING") or ""
    return {k: v[0] for k, v in parse_qs(raw).items() if v}


def initial_lang() -> str:
    lang = query_params().get("lang") or os.environ.get(LANG_ENV, "nl")
    return lang if lang in LANGS else "nl"
