"""Participant lists in: a CSV or Excel file, or text typed on the page, read into :class:`Participant`.

Columns have Dutch names (the template) and English names are accepted too; headers are matched without
regard to case, spaces or dashes (``Niet met`` = ``niet_met``). A bad row gets a message with its row
number (as a spreadsheet shows it: the header is row 1) and its column, and the rest still loads:
a row without a name or with a duplicate name is skipped; a bad value in another column is dropped or
read as the default, and said so.

pandas (and openpyxl for Excel) are imported inside the functions, so ``import intervisie_kit`` stays light.
The later workshop mode can hand its joined participants straight to the page as ``Participant`` records;
nothing here depends on where a list came from.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping
from dataclasses import dataclass

from .messages import Message, message
from .model import (
    MAX_FACILITATORS,
    MAX_FIELD,
    MAX_PARTICIPANTS,
    MAX_TRAVEL_MINUTES,
    MAX_WISHES,
    Experience,
    Facilitator,
    Participant,
)

__all__ = [
    "COLUMNS",
    "MAX_FILE_BYTES",
    "ImportResult",
    "parse_facilitators",
    "parse_travel",
    "read_file",
    "read_text",
    "template_csv",
]

#: Bytes read from one uploaded file (200 participants are about 20 kB).
MAX_FILE_BYTES = 2_000_000
#: Characters of typed text (participants, facilitators or travel times).
MAX_TYPED = 200_000
MAX_FACILITATOR_GROUPS = 10

#: field -> accepted column names (normalised), Dutch first; the first is the template's header.
COLUMNS: dict[str, tuple[str, ...]] = {
    "name": ("naam", "name", "volledige_naam", "full_name"),
    "region": ("regio", "region"),
    "place": ("plaats", "woonplaats", "standplaats", "place", "city", "location"),
    "organisation": ("organisatie", "werkgever", "organisation", "organization", "employer"),
    "team": ("team", "afdeling", "department"),
    "function": ("functie", "rol", "function", "role", "job"),
    "manager": ("leidinggevende", "manager"),
    "experience": ("ervaring", "ervaring_met_intervisie", "intervisie_ervaring", "experience"),
    "not_with": ("niet_met", "not_with"),
    "prefer_with": ("graag_met", "prefer_with", "preferably_with"),
}
_EXPERIENCE = {
    Experience.NONE: {"", "0", "geen", "nee", "nieuw", "none", "no", "new", "nvt"},
    Experience.SOME: {"1", "enige", "wat", "beetje", "een beetje", "weinig", "some", "a little", "little"},
    Experience.MUCH: {"2", "veel", "ervaren", "ja", "much", "a lot", "experienced", "yes", "lots"},
}
_TEMPLATE_ROWS = (
    (
        "Anna de Vries",
        "Noord",
        "Groningen",
        "Zorggroep Noord",
        "Wijkzorg",
        "wijkverpleegkundige",
        "Bram Smit",
        "geen",
        "",
        "",
    ),
    ("Bram Smit", "Noord", "Assen", "Zorggroep Noord", "Wijkzorg", "teamleider", "", "veel", "", ""),
    ("Cem Yilmaz", "Oost", "Zwolle", "Gemeente Zwolle", "Jeugd", "jeugdconsulent", "", "enige", "Anna de Vries", ""),
)

#: The English template: the English column names the reader accepts, and example rows in English.
_TEMPLATE_HEADER_EN = {
    "name": "name",
    "region": "region",
    "place": "place",
    "organisation": "organisation",
    "team": "team",
    "function": "function",
    "manager": "manager",
    "experience": "experience",
    "not_with": "not_with",
    "prefer_with": "prefer_with",
}
_TEMPLATE_WORDS_EN = {
    "wijkverpleegkundige": "district nurse",
    "teamleider": "team leader",
    "jeugdconsulent": "youth worker",
    "geen": "none",
    "veel": "much",
    "enige": "some",
}


@dataclass(frozen=True)
class ImportResult:
    participants: tuple[Participant, ...]
    problems: tuple[Message, ...]  # per row and column; the participants above are what did load


def template_csv(lang: str = "nl") -> bytes:
    """A CSV to fill in: headers and three example rows in ``lang`` (semicolons, as Dutch Excel writes)."""
    if lang == "en":
        header = [_TEMPLATE_HEADER_EN[f] for f in COLUMNS]
        rows = [[_TEMPLATE_WORDS_EN.get(cell, cell) for cell in row] for row in _TEMPLATE_ROWS]
    else:
        header = [COLUMNS[f][0] for f in COLUMNS]
        rows = [list(row) for row in _TEMPLATE_ROWS]
    lines = [";".join(header)] + [";".join(row) for row in rows]
    return ("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8")


def read_file(data: bytes, filename: str) -> ImportResult:
    """A participant list from an uploaded file: ``.xlsx``/``.xlsm`` as Excel, anything else as CSV."""
    if len(data) > MAX_FILE_BYTES:
        return ImportResult((), (message("import.too_big", size=len(data) // 1000, max=MAX_FILE_BYTES // 1000),))
    import pandas as pd

    try:
        if filename.lower().endswith((".xlsx", ".xlsm")):
            frame = pd.read_excel(io.BytesIO(data), dtype=str, keep_default_na=False, engine="openpyxl")
        else:
            frame = _read_csv(data)
    except Exception as exc:  # pandas and openpyxl raise many kinds; all mean "not a table I can read"
        return ImportResult((), (message("import.unreadable", detail=_short(str(exc) or type(exc).__name__)),))
    return _from_rows([str(c) for c in frame.columns], frame.astype(str).values.tolist())


def read_text(text: str) -> ImportResult:
    """A participant list typed or pasted on the page: CSV text with a header row."""
    if len(text) > MAX_TYPED:
        return ImportResult((), (message("import.typed_too_long", n=len(text), max=MAX_TYPED),))
    return read_file(text.encode("utf-8"), "typed.csv")


def _read_csv(data: bytes):  # type: ignore[no-untyped-def]
    import pandas as pd

    for encoding in ("utf-8-sig", "cp1252"):  # Dutch Excel saves CSV in Windows-1252 unless told otherwise
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    first = text.splitlines()[0] if text.strip() else ""
    sep = max((";", ",", "\t"), key=first.count)
    return pd.read_csv(io.StringIO(text), sep=sep, dtype=str, keep_default_na=False, skip_blank_lines=True)


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _normal(header: str) -> str:
    return re.sub(r"[\s\-]+", "_", header.strip().casefold()).strip("_")


def _clean(value: object) -> str:
    text = "" if value is None else str(value)
    return " ".join(text.split()) if text.casefold() not in ("nan", "none") else ""


def _from_rows(headers: list[str], rows: list[list[object]]) -> ImportResult:
    problems: list[Message] = []
    normal = [_normal(h) for h in headers]
    where: dict[str, int] = {}
    for field_, aliases in COLUMNS.items():
        for i, h in enumerate(normal):
            if h in aliases:
                where.setdefault(field_, i)
    if "name" not in where:
        shown = ", ".join(h for h in headers if h.strip())[:300] or "-"
        return ImportResult((), (message("import.no_name_column", columns=shown),))
    if not rows:
        return ImportResult((), (message("import.empty"),))
    if len(rows) > MAX_PARTICIPANTS:
        problems.append(message("import.too_many", n=len(rows), max=MAX_PARTICIPANTS))
        rows = rows[:MAX_PARTICIPANTS]

    def column(field_: str) -> str:
        return headers[where[field_]].strip() if field_ in where else COLUMNS[field_][0]

    def cell(row: list[object], field_: str, number: int) -> str:
        if field_ not in where:
            return ""
        value = _clean(row[where[field_]])
        if len(value) > MAX_FIELD and field_ != "name":
            problems.append(message("import.too_long", row=number, column=column(field_), max=MAX_FIELD))
            value = value[:MAX_FIELD].rstrip()
        return value

    # First pass: who is on the list (names are the identity, so a row needs a unique one).
    first_row: dict[str, int] = {}
    kept: list[tuple[int, list[object], str]] = []
    for offset, row in enumerate(rows):
        number = offset + 2  # the header is row 1
        if all(_clean(v) == "" for v in row):
            continue
        name = cell(row, "name", number)
        if not name:
            problems.append(message("import.missing_name", row=number, column=column("name")))
            continue
        if len(name) > MAX_FIELD:
            problems.append(message("import.name_too_long", row=number, column=column("name"), max=MAX_FIELD))
            continue
        key = name.casefold()
        if key in first_row:
            problems.append(
                message("import.duplicate", row=number, column=column("name"), value=name, first=first_row[key])
            )
            continue
        first_row[key] = number
        kept.append((number, row, name))
    canonical = {name.casefold(): name for _, _, name in kept}

    # Second pass: the other columns, with references resolved against the names that loaded.
    people: list[Participant] = []
    for number, row, name in kept:
        region = cell(row, "region", number) or cell(row, "place", number)
        if not region and ("region" in where or "place" in where):
            problems.append(
                message("import.no_region", row=number, column=column("region" if "region" in where else "place"))
            )
        manager = _reference(cell(row, "manager", number), name, canonical, number, column("manager"), problems)
        experience = _experience(cell(row, "experience", number), number, column("experience"), problems)
        not_with = _wishes(row, "not_with", name, canonical, number, column("not_with"), problems, where)
        prefer = _wishes(row, "prefer_with", name, canonical, number, column("prefer_with"), problems, where)
        people.append(
            Participant(
                name=name,
                region=region,
                organisation=cell(row, "organisation", number),
                team=cell(row, "team", number),
                function=cell(row, "function", number),
                manager=manager,
                experience=experience,
                not_with=not_with,
                prefer_with=tuple(n for n in prefer if n not in not_with),
            )
        )
    return ImportResult(tuple(people), tuple(problems))


def _reference(
    value: str, name: str, canonical: Mapping[str, str], number: int, column: str, problems: list[Message]
) -> str:
    if not value:
        return ""
    found = canonical.get(value.casefold())
    if found is None:
        problems.append(message("import.unknown_person", row=number, column=column, value=value))
        return ""
    if found == name:
        problems.append(message("import.self", row=number, column=column))
        return ""
    return found


def _experience(value: str, number: int, column: str, problems: list[Message]) -> Experience:
    key = value.casefold()
    for level, words in _EXPERIENCE.items():
        if key in words:
            return level
    problems.append(message("import.bad_experience", row=number, column=column, value=value))
    return Experience.NONE


def _wishes(
    row: list[object],
    field_: str,
    name: str,
    canonical: Mapping[str, str],
    number: int,
    column: str,
    problems: list[Message],
    where: Mapping[str, int],
) -> tuple[str, ...]:
    if field_ not in where:
        return ()
    raw = "" if row[where[field_]] is None else str(row[where[field_]])
    items = [_clean(part) for part in re.split(r"[;,/\n]|\s+en\s+|\s+and\s+", raw)]
    items = [i for i in items if i and i.casefold() != "nan"]
    if len(items) > MAX_WISHES:
        problems.append(message("import.too_many_wishes", row=number, column=column, max=MAX_WISHES))
        items = items[:MAX_WISHES]
    out: list[str] = []
    for item in items:
        found = _reference(item[:MAX_FIELD], name, canonical, number, column, problems)
        if found and found not in out:
            out.append(found)
    return tuple(out)


def parse_facilitators(text: str) -> tuple[tuple[Facilitator, ...], tuple[Message, ...]]:
    """One facilitator per line: ``naam; regio, regio; aantal groepen`` (regions and number optional)."""
    found: list[Facilitator] = []
    problems: list[Message] = []
    names: set[str] = set()
    for number, line in enumerate(text[:MAX_TYPED].splitlines(), start=1):
        if not line.strip():
            continue
        parts = [p.strip() for p in line.split(";")]
        name = _clean(parts[0])[:MAX_FIELD]
        regions = tuple(r for r in (_clean(x)[:MAX_FIELD] for x in parts[1].split(",")) if r) if len(parts) > 1 else ()
        count = parts[2] if len(parts) > 2 and parts[2] else "1"
        if not name or len(parts) > 3 or not count.isdigit() or not 1 <= int(count) <= MAX_FACILITATOR_GROUPS:
            problems.append(message("import.facilitator_line", row=number, value=_short(line, 80)))
            continue
        if name.casefold() in names:
            continue
        if len(found) >= MAX_FACILITATORS:
            problems.append(message("import.too_many_facilitators", max=MAX_FACILITATORS))
            break
        names.add(name.casefold())
        found.append(Facilitator(name, regions, int(count)))
    return tuple(found), tuple(problems)


def parse_travel(text: str) -> tuple[dict[tuple[str, str], int], tuple[Message, ...]]:
    """Travel minutes between regions, one pair per line: ``Noord; Oost; 45`` (both directions)."""
    table: dict[tuple[str, str], int] = {}
    problems: list[Message] = []
    for number, line in enumerate(text[:MAX_TYPED].splitlines(), start=1):
        if not line.strip():
            continue
        parts = [_clean(p) for p in re.split(r"[;\t]", line)]
        ok = len(parts) == 3 and all(parts) and parts[2].isdigit() and int(parts[2]) <= MAX_TRAVEL_MINUTES
        if not ok:
            problems.append(message("import.travel_line", row=number, value=_short(line, 80), max=MAX_TRAVEL_MINUTES))
            continue
        table[(parts[0][:MAX_FIELD], parts[1][:MAX_FIELD])] = int(parts[2])
    return table, tuple(problems)
