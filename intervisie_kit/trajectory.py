"""The trajectory planner: a group's series of intervisie meetings, from kick-off to final evaluation.

:func:`plan` turns :class:`Settings` (members, start date, number of meetings, interval, length, dates to
skip) into a :class:`Plan`:

- meeting 1 is the **kick-off**: introductions, expectations and learning goals, and the group's agreements
  on confidentiality, attendance and preparation (the *groepscontract*);
- halfway there is a **tussenevaluatie** (mid-term evaluation), the last meeting is the **eindevaluatie**;
- every other slot is a case (*casus*): a **fair rota** gives every member a turn as *inbrenger* before
  anyone gets a second, as far as the number of case slots allows (a warning says who misses out);
- from the **handover** meeting on a member leads (*gespreksleider*) and the facilitator stays in the
  background, so the group grows self-steering; the lead rotates fairly and never falls to that
  meeting's inbrenger;
- each case slot gets a **suggested method** from the selectiewijzer, for a group whose experience and
  trust grow over the trajectory, preferring methods the group has not used yet.

A meeting that falls on a date to skip (a holiday) moves on by a week until it is free; later meetings
follow from the moved date. Exports: :func:`to_ics` (a calendar), :func:`overview_html` (a printable
overview) and :func:`contract_html` (a groepscontract to fill in and print). Pure Python; the page
``ui/trajectory.py`` only shows and downloads these. All text a user typed is escaped in the HTML.
"""

from __future__ import annotations

import html
import math
import re
import uuid
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum

from .calendar_nl import holiday_name
from .content.models import Experience, Material, Method, QuestionType, Trust
from .i18n import pick
from .selector import Group, Question, Situation, recommend

__all__ = [
    "DEFAULT_INTERVAL_WEEKS",
    "DEFAULT_MEETINGS",
    "DateRange",
    "Meeting",
    "MeetingKind",
    "Notice",
    "Plan",
    "PlanError",
    "Settings",
    "Slot",
    "contract_html",
    "overview_html",
    "parse_dates",
    "plan",
    "to_ics",
]

DEFAULT_MEETINGS, MEETINGS_RANGE = 8, (6, 12)
DEFAULT_INTERVAL_WEEKS, INTERVAL_RANGE = 6, (4, 10)
DEFAULT_MINUTES, MINUTES_RANGE = 120, (120, 180)  # two to three hours
MEMBERS_WARN = (4, 10)  # fewer is fragile when someone cancels; more leaves too little airtime
MEMBERS_LIMIT = (2, 40)
#: A meeting that keeps landing on skipped dates gives up after this many weeks.
MAX_PUSH_WEEKS = 52
#: The first meeting lies in this range of years: a typo like 9999 is an impossible date, not a crash.
START_YEARS = (2000, 2100)
#: Characters in one member's name, and in the group name, facilitator and location fields.
MAX_NAME_CHARS, MAX_FIELD_CHARS = 80, 200

# Agenda blocks in minutes. A case slot needs about an hour; a shorter remainder still holds one if it is
# at least SLOT_MIN (a 45-50 minute method).
CHECK_IN, CLOSING = 15, 10
KICKOFF_BLOCKS = (("kickoff.intro", 30), ("kickoff.goals", 25), ("kickoff.agreements", 25))
MIDTERM_MINUTES = 30
FINAL_MINUTES, FAREWELL_MINUTES = 45, 15
SLOT_TARGET, SLOT_MIN = 60, 45

#: The kinds of question cycled through for the suggested methods, so the plan shows variety.
QUESTION_CYCLE = (
    QuestionType.OWN_BEHAVIOUR,
    QuestionType.OTHER_PERSON,
    QuestionType.DILEMMA,
    QuestionType.SUCCESS,
    QuestionType.OWN_BEHAVIOUR,
    QuestionType.KNOWLEDGE,
)
_LEVELS = (Experience.NEW, Experience.SOME, Experience.EXPERIENCED)


# code -> (Dutch, English)
MESSAGES: dict[str, tuple[str, str]] = {
    # errors
    "too_few_members": (
        "Vul minstens {min} namen in (één per regel); intervisie doe je samen.",
        "Fill in at least {min} names (one per line); intervisie is done together.",
    ),
    "too_many_members": (
        "{n} leden is te veel voor één groep (hooguit {max}); verdeel ze over meer groepen.",
        "{n} members is too many for one group (at most {max}); split them over more groups.",
    ),
    "duplicate_member": ("{name} staat twee keer in de lijst.", "{name} is listed twice."),
    "name_too_long": (
        "De naam '{name}…' is te lang ({n} tekens, hooguit {max}). Je invoer staat er nog; maak hem korter.",
        "The name '{name}…' is too long ({n} characters, at most {max}). What you typed is still there; shorten it.",
    ),
    "field_too_long": (
        "Het veld '{field}' is te lang ({n} tekens, hooguit {max}). Je invoer staat er nog; maak het korter.",
        "The field '{field}' is too long ({n} characters, at most {max}). What you typed is still there; shorten it.",
    ),
    "start_range": (
        "De eerste bijeenkomst moet tussen {min} en {max} liggen, niet op {got}. Kies een andere startdatum.",
        "The first meeting must fall between {min} and {max}, not on {got}. Choose another start date.",
    ),
    "meetings_range": (
        "Het aantal bijeenkomsten moet tussen {min} en {max} liggen, niet {got}.",
        "The number of meetings must be between {min} and {max}, not {got}.",
    ),
    "interval_range": (
        "De tijd tussen bijeenkomsten moet tussen {min} en {max} weken liggen, niet {got}.",
        "The time between meetings must be between {min} and {max} weeks, not {got}.",
    ),
    "minutes_range": (
        "Een bijeenkomst duurt twee tot drie uur ({min} tot {max} minuten, in stappen van een kwartier), "
        "niet {got} minuten.",
        "A meeting lasts two to three hours ({min} to {max} minutes, in steps of a quarter), not {got} minutes.",
    ),
    "handover_range": (
        "De overdracht kan vanaf bijeenkomst 2 tot en met {max}, niet {got}: de startbijeenkomst leidt de "
        "begeleider altijd zelf.",
        "The handover can be from meeting 2 up to {max}, not {got}: the facilitator always leads the kick-off.",
    ),
    "range_order": (
        "De periode {start} t/m {end} eindigt voor hij begint.",
        "The period {start} to {end} ends before it starts.",
    ),
    "bad_date": (
        "'{text}' is geen datum. Schrijf bijvoorbeeld 24-12-2025 of 2025-12-24, of een periode als "
        "21-07-2025 t/m 29-08-2025.",
        "'{text}' is not a date. Write for example 24-12-2025 or 2025-12-24, or a period such as "
        "21-07-2025 to 29-08-2025.",
    ),
    "all_skipped": (
        "Bijeenkomst {n} valt een jaar lang op over te slaan data; kijk de lijst met data nog eens na.",
        "Meeting {n} falls on dates to skip for a whole year; check the list of dates.",
    ),
    "bad_time": ("'{text}' is geen tijd; schrijf bijvoorbeeld 13:30.", "'{text}' is not a time; write e.g. 13:30."),
    # warnings
    "small_group": (
        "Met {n} leden is de groep kwetsbaar: als er iemand afzegt, blijft er weinig over. Vijf à zes is ideaal.",
        "With {n} members the group is fragile: when someone cancels, little is left. Five or six is ideal.",
    ),
    "large_group": (
        "Met {n} leden krijgt ieder weinig ruimte. Overweeg twee groepen, of werk soms in subgroepen.",
        "With {n} members everyone gets little room. Consider two groups, or work in subgroups at times.",
    ),
    "rota_short": (
        "Er zijn {slots} casusplekken voor {n} leden: {names} brengt (brengen) in dit traject geen casus in. "
        "Kies meer of langere bijeenkomsten.",
        "There are {slots} case slots for {n} members: {names} will not bring a case in this trajectory. "
        "Choose more or longer meetings.",
    ),
    "lead_short": (
        "Niet iedereen leidt een bijeenkomst voor het einde ({names}); zet de overdracht eerder als iedereen "
        "die rol moet oefenen.",
        "Not everyone leads a meeting before the end ({names}); move the handover earlier if everyone should "
        "practise that role.",
    ),
    "moved": (
        "Bijeenkomst {n} is verschoven van {old} naar {new} (over te slaan datum).",
        "Meeting {n} moved from {old} to {new} (a date to skip).",
    ),
    "weekend": (
        "Bijeenkomst {n} valt in het weekend: {date_nl}. Kies een andere startdatum of sla die dag over.",
        "Meeting {n} falls in the weekend: {date_en}. Choose another start date or skip that day.",
    ),
    "holiday": (
        "Bijeenkomst {n} valt op een feestdag: {date_nl} is {name_nl}. Sla die dag over als de groep dan vrij is.",
        "Meeting {n} falls on a public holiday: {date_en} is {name_en}. Skip that day if the group has it off.",
    ),
}


class PlanError(ValueError):
    """Input the planner cannot use, with a message in Dutch and English (``str()`` is Dutch)."""

    def __init__(self, code: str, **params: object):
        self.code = code
        self.params = {k: str(v) for k, v in params.items()}
        super().__init__(self.message("nl"))

    def message(self, lang: str = "nl") -> str:
        return pick(MESSAGES[self.code], lang).format(**self.params)


@dataclass(frozen=True)
class Notice:
    """A warning or a note about the plan; ``text(lang)`` renders it."""

    code: str
    params: Mapping[str, str] = field(default_factory=dict)
    level: str = "warn"  # warn | info

    def text(self, lang: str = "nl") -> str:
        return pick(MESSAGES[self.code], lang).format(**self.params)


@dataclass(frozen=True)
class DateRange:
    """Dates to skip, both ends included; a single date has ``start == end``."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise PlanError("range_order", start=_nl_date(self.start), end=_nl_date(self.end))

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end


_RANGE_SPLIT = re.compile(r"\s+(?:t/m|tot en met|tm|tot|to|until|-)\s+|\s*(?:–|—|\.\.)\s*", re.IGNORECASE)
_DMY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_YMD = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


def parse_dates(text: str) -> tuple[DateRange, ...]:
    """Dates and periods to skip, one per line (or separated by ``;``): ``24-12-2025``, ``2025-12-24``,
    ``21-07-2025 t/m 29-08-2025``. Blank lines are ignored; anything else raises :class:`PlanError`."""
    ranges = []
    for item in re.split(r"[\n;]", text):
        item = item.strip()
        if not item:
            continue
        parts = [p for p in _RANGE_SPLIT.split(item) if p.strip()]
        if len(parts) == 1:
            day = _parse_date(parts[0])
            ranges.append(DateRange(day, day))
        elif len(parts) == 2:
            ranges.append(DateRange(_parse_date(parts[0]), _parse_date(parts[1])))
        else:
            raise PlanError("bad_date", text=item)
    return tuple(ranges)


def _parse_date(text: str) -> date:
    text = text.strip()
    try:
        if m := _DMY.match(text):
            return date(int(m[3]), int(m[2]), int(m[1]))
        if m := _YMD.match(text):
            return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        pass
    raise PlanError("bad_date", text=text)


def parse_time(text: str) -> time:
    """``13:30``, ``13.30`` or ``9:00``."""
    m = re.fullmatch(r"\s*(\d{1,2})[:.](\d{2})\s*", text)
    if m and int(m[1]) < 24 and int(m[2]) < 60:
        return time(int(m[1]), int(m[2]))
    raise PlanError("bad_time", text=text.strip())


def parse_members(text: str) -> tuple[str, ...]:
    """Names, one per line or separated by commas; blank entries are dropped."""
    return tuple(" ".join(n.split()) for n in re.split(r"[\n,;]", text) if n.strip())


@dataclass(frozen=True)
class Settings:
    """What the facilitator fills in. Checked by :func:`plan`."""

    members: tuple[str, ...]
    start: date
    meetings: int = DEFAULT_MEETINGS
    interval_weeks: int = DEFAULT_INTERVAL_WEEKS
    minutes: int = DEFAULT_MINUTES
    start_time: time = time(14, 0)
    skip: tuple[DateRange, ...] = ()
    handover_from: int | None = None  # None: the meeting after the tussenevaluatie
    experience: Experience = Experience.NEW  # the group's intervisie experience at the start
    group_name: str = ""
    facilitator: str = ""
    location: str = ""
    online: bool = False
    materials: frozenset[Material] = frozenset({Material.PAPER, Material.POST_ITS, Material.FLIPCHART})


class MeetingKind(StrEnum):
    KICKOFF = "kickoff"
    CASES = "cases"
    MIDTERM = "midterm"
    FINAL = "final"


@dataclass(frozen=True)
class Slot:
    """One case in a meeting: who brings it, how long it may take, and a suggested method."""

    inbrenger: str
    minutes: int
    method: Method | None
    question: QuestionType  # the kind of question the suggestion assumed


@dataclass(frozen=True)
class AgendaItem:
    key: str  # a key of AGENDA
    minutes: int


@dataclass(frozen=True)
class Meeting:
    number: int
    day: date
    kind: MeetingKind
    start: datetime
    end: datetime
    agenda: tuple[AgendaItem, ...]
    slots: tuple[Slot, ...]
    leader: str | None  # a member from the handover on; None: the facilitator leads
    experience: Experience  # the level the method suggestions assumed
    moved_from: date | None = None

    @property
    def self_steering(self) -> bool:
        return self.leader is not None


@dataclass(frozen=True)
class Plan:
    settings: Settings
    meetings: tuple[Meeting, ...]
    notices: tuple[Notice, ...]
    midterm: int
    handover_from: int

    @property
    def warnings(self) -> tuple[Notice, ...]:
        return tuple(n for n in self.notices if n.level == "warn")

    def inbreng_counts(self) -> Counter[str]:
        counts = Counter({m: 0 for m in self.settings.members})
        for meeting in self.meetings:
            counts.update(s.inbrenger for s in meeting.slots)
        return counts

    def lead_counts(self) -> Counter[str]:
        counts = Counter({m: 0 for m in self.settings.members})
        counts.update(m.leader for m in self.meetings if m.leader is not None)
        return counts

    @property
    def slot_count(self) -> int:
        return sum(len(m.slots) for m in self.meetings)


AGENDA: dict[str, tuple[str, str]] = {
    "check_in": ("Opening en rondje: hoe zit iedereen erbij?", "Opening and check-in round"),
    "kickoff.intro": ("Welkom en kennismaking", "Welcome and introductions"),
    "kickoff.goals": ("Verwachtingen en leerdoelen", "Expectations and learning goals"),
    "kickoff.agreements": (
        "Groepsafspraken: vertrouwelijkheid, aanwezigheid en voorbereiding (groepscontract)",
        "Group agreements: confidentiality, attendance and preparation (group contract)",
    ),
    "kickoff.method": (
        "Uitleg van de werkwijze, de rollen en het rooster",
        "How we work: the roles and the rota",
    ),
    "case": ("Casus", "Case"),
    "midterm": (
        "Tussenevaluatie: wat leren we, hoe veilig is de groep, wat willen we anders?",
        "Mid-term evaluation: what do we learn, how safe is the group, what should change?",
    ),
    "final": (
        "Eindevaluatie: wat heeft het traject ieder opgeleverd, hoe gaan we verder?",
        "Final evaluation: what did the trajectory give each of us, how do we go on?",
    ),
    "farewell": ("Afronding en afscheid", "Rounding off and farewell"),
    "closing": (
        "Afsluiting: wat neem je mee, wie brengt de volgende keer in?",
        "Closing: what do you take away, who brings a case next time?",
    ),
}


def plan(settings: Settings, methods: Iterable[Method]) -> Plan:
    """Plan the trajectory; raises :class:`PlanError` for input it cannot use."""
    s = _checked(settings)
    methods = tuple(methods)
    n = s.meetings
    midterm = (n + 1) // 2
    handover = s.handover_from if s.handover_from is not None else midterm + 1
    if not 2 <= handover <= n:
        raise PlanError("handover_range", max=n, got=handover)

    notices: list[Notice] = []
    size = len(s.members)
    if size < MEMBERS_WARN[0]:
        notices.append(Notice("small_group", {"n": str(size)}))
    elif size > MEMBERS_WARN[1]:
        notices.append(Notice("large_group", {"n": str(size)}))

    days = _dates(s, notices)
    notices += _calendar_warnings([day for day, _ in days])
    kinds = [_kind(i, n, midterm) for i in range(1, n + 1)]
    layouts = [_layout(kind, s.minutes) for kind in kinds]
    total_slots = sum(len(slot_minutes) for _, slot_minutes in layouts)

    # Rota: members in the order given, round-robin over all case slots; nobody brings twice in one meeting
    # as long as the group is larger than a meeting's number of slots.
    inbrengers = [s.members[i % size] for i in range(total_slots)]
    if total_slots < size:
        left_out = s.members[total_slots:]
        notices.append(Notice("rota_short", {"slots": str(total_slots), "n": str(size), "names": ", ".join(left_out)}))

    meetings: list[Meeting] = []
    used: Counter[str] = Counter()
    leads: Counter[str] = Counter()
    slot_index = 0
    last_leader: str | None = None
    for number, (day, moved_from), kind, (agenda, slot_minutes) in zip(
        range(1, n + 1), days, kinds, layouts, strict=True
    ):
        level = _level(s.experience, slot_index, total_slots)
        trust = Trust.HIGH if number > midterm else Trust.MEDIUM
        slots = []
        for minutes in slot_minutes:
            question = QUESTION_CYCLE[slot_index % len(QUESTION_CYCLE)]
            method = _suggest(methods, s, level, trust, minutes, question, used)
            if method is not None:
                used[method.id] += 1
            slots.append(Slot(inbrengers[slot_index], minutes, method, question))
            slot_index += 1
        leader = None
        if number >= handover:
            leader = _next_leader(s.members, leads, {sl.inbrenger for sl in slots}, last_leader)
            if leader is not None:
                leads[leader] += 1
                last_leader = leader
        start = datetime.combine(day, s.start_time)
        meetings.append(
            Meeting(
                number=number,
                day=day,
                kind=kind,
                start=start,
                end=start + timedelta(minutes=s.minutes),
                agenda=agenda,
                slots=tuple(slots),
                leader=leader,
                experience=level,
                moved_from=moved_from,
            )
        )
    never_led = [m for m in s.members if leads[m] == 0]
    if never_led:
        notices.append(Notice("lead_short", {"names": ", ".join(never_led)}, level="info"))
    return Plan(s, tuple(meetings), tuple(notices), midterm, handover)


def _checked(s: Settings) -> Settings:
    members = tuple(" ".join(str(m).split()) for m in s.members if str(m).strip())
    seen: set[str] = set()
    for name in members:
        if name.casefold() in seen:
            raise PlanError("duplicate_member", name=name)
        seen.add(name.casefold())
    for name in members:
        if len(name) > MAX_NAME_CHARS:
            raise PlanError("name_too_long", name=name[:20], n=len(name), max=MAX_NAME_CHARS)
    for label, value in (("groep", s.group_name), ("begeleider", s.facilitator), ("locatie", s.location)):
        if len(value or "") > MAX_FIELD_CHARS:
            raise PlanError("field_too_long", field=label, n=len(value), max=MAX_FIELD_CHARS)
    if len(members) < MEMBERS_LIMIT[0]:
        raise PlanError("too_few_members", min=MEMBERS_LIMIT[0])
    if len(members) > MEMBERS_LIMIT[1]:
        raise PlanError("too_many_members", n=len(members), max=MEMBERS_LIMIT[1])
    if not isinstance(s.start, date) or isinstance(s.start, datetime):
        raise PlanError("bad_date", text=s.start)
    if not START_YEARS[0] <= s.start.year < START_YEARS[1]:
        raise PlanError(
            "start_range", min=f"1-1-{START_YEARS[0]}", max=f"31-12-{START_YEARS[1] - 1}", got=_nl_date(s.start)
        )
    if not _int_in(s.meetings, MEETINGS_RANGE):
        raise PlanError("meetings_range", min=MEETINGS_RANGE[0], max=MEETINGS_RANGE[1], got=s.meetings)
    if not _int_in(s.interval_weeks, INTERVAL_RANGE):
        raise PlanError("interval_range", min=INTERVAL_RANGE[0], max=INTERVAL_RANGE[1], got=s.interval_weeks)
    if not _int_in(s.minutes, MINUTES_RANGE) or s.minutes % 15:
        raise PlanError("minutes_range", min=MINUTES_RANGE[0], max=MINUTES_RANGE[1], got=s.minutes)
    return Settings(**{**s.__dict__, "members": members})


def _int_in(value: object, bounds: tuple[int, int]) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and bounds[0] <= value <= bounds[1]


def _dates(s: Settings, notices: list[Notice]) -> list[tuple[date, date | None]]:
    out: list[tuple[date, date | None]] = []
    for number in range(1, s.meetings + 1):
        wanted = s.start if number == 1 else out[-1][0] + timedelta(weeks=s.interval_weeks)
        day = wanted
        pushes = 0
        while any(day in r for r in s.skip):
            day += timedelta(weeks=1)
            pushes += 1
            if pushes > MAX_PUSH_WEEKS:
                raise PlanError("all_skipped", n=number)
        moved = wanted if day != wanted else None
        if moved is not None:
            notices.append(
                Notice("moved", {"n": str(number), "old": _nl_date(wanted), "new": _nl_date(day)}, level="info")
            )
        out.append((day, moved))
    return out


def _calendar_warnings(days: Sequence[date]) -> list[Notice]:
    """A warning for each meeting on a Saturday, a Sunday or a Dutch public holiday."""
    out = []
    for number, day in enumerate(days, start=1):
        when = {"n": str(number), "date_nl": date_text(day, "nl"), "date_en": date_text(day, "en")}
        name = holiday_name(day)
        if name is not None:
            out.append(Notice("holiday", {**when, "name_nl": name, "name_en": holiday_name(day, "en") or name}))
        elif day.weekday() >= 5:
            out.append(Notice("weekend", when))
    return out


def _kind(number: int, total: int, midterm: int) -> MeetingKind:
    if number == 1:
        return MeetingKind.KICKOFF
    if number == total:
        return MeetingKind.FINAL
    if number == midterm:
        return MeetingKind.MIDTERM
    return MeetingKind.CASES


def _layout(kind: MeetingKind, minutes: int) -> tuple[tuple[AgendaItem, ...], tuple[int, ...]]:
    """The agenda of a meeting and the minutes of each case slot in it; the items add up to ``minutes``."""
    if kind is MeetingKind.KICKOFF:
        before = [AgendaItem(key, m) for key, m in KICKOFF_BLOCKS]
        after: list[AgendaItem] = []
        fixed = sum(m for _, m in KICKOFF_BLOCKS) + CLOSING
    elif kind is MeetingKind.MIDTERM:
        before = [AgendaItem("check_in", CHECK_IN), AgendaItem("midterm", MIDTERM_MINUTES)]
        after = []
        fixed = CHECK_IN + MIDTERM_MINUTES + CLOSING
    elif kind is MeetingKind.FINAL:
        before = [AgendaItem("check_in", CHECK_IN)]
        after = [AgendaItem("final", FINAL_MINUTES), AgendaItem("farewell", FAREWELL_MINUTES)]
        fixed = CHECK_IN + FINAL_MINUTES + FAREWELL_MINUTES
    else:
        before, after = [AgendaItem("check_in", CHECK_IN)], []
        fixed = CHECK_IN + CLOSING
    free = minutes - fixed
    count = free // SLOT_TARGET or (1 if free >= SLOT_MIN else 0)
    slots = tuple(free // count for _ in range(count)) if count else ()
    rest = free - sum(slots)
    items = list(before)
    if kind is MeetingKind.KICKOFF and rest:
        items.append(AgendaItem("kickoff.method", rest))
        rest = 0
    items.extend(AgendaItem("case", m) for m in slots)
    items.extend(after)
    if kind is not MeetingKind.FINAL:
        items.append(AgendaItem("closing", CLOSING + rest))
    elif rest:
        items[-1] = AgendaItem("farewell", FAREWELL_MINUTES + rest)
    return tuple(items), slots


def _level(start: Experience, index: int, total: int) -> Experience:
    """The group's experience at case slot ``index``: it grows one level per equal share of the trajectory."""
    first = _LEVELS.index(start)
    steps = len(_LEVELS) - first
    if total <= 0:
        return start
    return _LEVELS[min(len(_LEVELS) - 1, first + math.floor(index * steps / total))]


def _suggest(
    methods: tuple[Method, ...],
    s: Settings,
    level: Experience,
    trust: Trust,
    minutes: int,
    question: QuestionType,
    used: Counter[str],
) -> Method | None:
    """The best-ranked method the group has used least, for this kind of question and this slot."""
    group = Group(size=len(s.members), experience=level, trust=trust, facilitator=Experience.SOME)
    situation = Situation(minutes=minutes, preparation=True, online=s.online, materials=s.materials)
    ranked = recommend(methods, group, Question(kind=question), situation).ranked
    # Methods that fit the slot without squeezing and fill at least half of it, when there are any.
    fitting = (
        [r for r in ranked if minutes / 2 <= r.method.total_minutes <= minutes]
        or [r for r in ranked if r.method.total_minutes <= minutes]
        or list(ranked)
    )
    if not fitting:
        return None
    best = min(fitting, key=lambda r: (used[r.method.id], -r.score, r.method.total_minutes, r.method.id))
    return best.method


def _next_leader(members: tuple[str, ...], leads: Counter[str], inbrengers: set[str], last: str | None) -> str | None:
    candidates = [m for m in members if m not in inbrengers]
    if not candidates:
        return None  # everyone brings a case: the facilitator leads this one
    fresh = [m for m in candidates if m != last] or candidates
    return min(fresh, key=lambda m: (leads[m], members.index(m)))


# -- exports -----------------------------------------------------------------------------------------------

_WEEKDAYS = {
    "nl": ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
_MONTHS = {
    "nl": ("januari februari maart april mei juni juli augustus september oktober november december".split()),
    "en": "January February March April May June July August September October November December".split(),
}

EXPORT: dict[str, tuple[str, str]] = {
    "group": ("Intervisiegroep", "Intervisie group"),
    "meeting": ("Bijeenkomst {n} van {total}", "Meeting {n} of {total}"),
    "kind.kickoff": ("Startbijeenkomst", "Kick-off"),
    "kind.cases": ("Casusbijeenkomst", "Case meeting"),
    "kind.midterm": ("Casus en tussenevaluatie", "Case and mid-term evaluation"),
    "kind.final": ("Eindevaluatie", "Final evaluation"),
    "leader": ("Gespreksleider", "Leads the meeting"),
    "leader.facilitator": ("de begeleider", "the facilitator"),
    "leader.member": ("{name} (de begeleider op de achtergrond)", "{name} (the facilitator in the background)"),
    "inbrenger": ("Inbrenger", "Inbrenger"),
    "method": ("voorgestelde methode", "suggested method"),
    "no_method": ("methode kiezen met de methodekiezer", "choose a method with the method chooser"),
    "agenda": ("Agenda", "Agenda"),
    "overview": ("Trajectoverzicht", "Trajectory overview"),
    "col.nr": ("Nr.", "No."),
    "col.date": ("Datum en tijd", "Date and time"),
    "col.what": ("Wat", "What"),
    "col.cases": ("Casus: inbrenger en voorgestelde methode", "Case: inbrenger and suggested method"),
    "col.leader": ("Leiding", "Lead"),
    "members": ("Leden", "Members"),
    "facilitator": ("Begeleider", "Facilitator"),
    "location": ("Plaats", "Location"),
    "rhythm": (
        "{n} bijeenkomsten van {minutes} minuten, elke {weeks} weken",
        "{n} meetings of {minutes} minutes, every {weeks} weeks",
    ),
    "handover": (
        "Vanaf bijeenkomst {n} leidt een groepslid; de begeleider blijft op de achtergrond.",
        "From meeting {n} a member leads; the facilitator stays in the background.",
    ),
    "methods_note": (
        "De methoden zijn voorstellen die passen bij de groeiende ervaring van de groep. Kies de methode pas "
        "definitief als de vraag van de inbrenger bekend is (pagina Methodekiezer).",
        "The methods are suggestions that fit the group's growing experience. Settle on a method once the "
        "inbrenger's question is known (Method chooser page).",
    ),
    "moved": ("verschoven van {date}", "moved from {date}"),
    "notes": ("Let op", "Please note"),
    "contract": ("Groepscontract", "Group contract"),
    "contract.intro": (
        "Dit contract maken we samen in de startbijeenkomst. Vul de open plekken in, bespreek het en zet "
        "je handtekening. We kijken er bij de tussenevaluatie opnieuw naar.",
        "We draw up this contract together at the kick-off. Fill in the blanks, discuss it and sign. We look "
        "at it again at the mid-term evaluation.",
    ),
    "contract.group": ("Onze groep", "Our group"),
    "contract.period": ("Periode", "Period"),
    "contract.goal": ("Ons doel", "Our goal"),
    "contract.goal.q": (
        "Wat willen we samen leren? Wat wil ieder voor zich leren?",
        "What do we want to learn together? What does each of us want to learn?",
    ),
    "contract.confidential": ("Vertrouwelijkheid", "Confidentiality"),
    "contract.confidential.text": (
        "Wat in de groep wordt verteld, blijft in de groep. Buiten de groep praten we niet over de casussen of "
        "over wat iemand vertelde, ook niet zonder namen, tenzij de inbrenger dat zelf goedvindt. Wie over een "
        "casus iets wil vastleggen, doet dat zonder namen van cliënten of collega's.",
        "What is said in the group stays in the group. Outside the group we do not talk about the cases or about "
        "what someone told, not even without names, unless the inbrenger agrees. Whoever wants to note down "
        "something about a case leaves out the names of clients and colleagues.",
    ),
    "contract.attendance": ("Aanwezigheid en afmelden", "Attendance and cancelling"),
    "contract.attendance.text": (
        "We zijn bij elke bijeenkomst, op tijd, en zonder telefoon op tafel. Wie toch niet kan, meldt zich zo "
        "vroeg mogelijk af bij:",
        "We attend every meeting, on time, without phones on the table. Whoever cannot come cancels as early "
        "as possible with:",
    ),
    "contract.preparation": ("Voorbereiding", "Preparation"),
    "contract.preparation.text": (
        "Wie volgens het rooster inbrengt, bereidt een intervisievraag voor: recent, concreet, in de ik-vorm en "
        "over een situatie waarop je zelf invloed hebt, en stuurt die uiterlijk een paar dagen vooraf rond.",
        "Whoever brings a case according to the rota prepares an intervisie question: recent, concrete, in the "
        "first person and about a situation you can influence, and sends it round a few days ahead.",
    ),
    "contract.roles": ("Rollen", "Roles"),
    "contract.roles.text": (
        "De begeleider leidt de eerste bijeenkomsten. Vanaf bijeenkomst {n} leidt een groepslid volgens het "
        "rooster; de inbrenger leidt nooit zijn of haar eigen casus.",
        "The facilitator leads the first meetings. From meeting {n} a member leads according to the rota; the "
        "inbrenger never leads their own case.",
    ),
    "contract.manners": ("Hoe we met elkaar omgaan", "How we treat each other"),
    "contract.manners.text": (
        "In de vragenronde stellen we open vragen, één tegelijk, en bewaren we advies en oordeel voor later. "
        "De inbrenger bepaalt zelf wat hij of zij met de opbrengst doet. We spreken elkaar aan als een afspraak "
        "niet wordt nagekomen.",
        "In the question round we ask open questions, one at a time, and keep advice and judgement for later. "
        "The inbrenger decides what to do with the outcome. We speak up when an agreement is not kept.",
    ),
    "contract.evaluation": ("Evaluatie", "Evaluation"),
    "contract.evaluation.text": (
        "Tussenevaluatie op {mid}; eindevaluatie op {end}.",
        "Mid-term evaluation on {mid}; final evaluation on {end}.",
    ),
    "contract.extra": ("Verdere afspraken", "Further agreements"),
    "contract.sign": ("Ondertekening", "Signatures"),
    "contract.name": ("Naam", "Name"),
    "contract.signature": ("Handtekening", "Signature"),
    "contract.date": ("Datum", "Date"),
    "ics.cases": ("Casussen", "Cases"),
}


def _x(key: str, lang: str, **params: object) -> str:
    text = pick(EXPORT[key], lang)
    return text.format(**params) if params else text


def _nl_date(day: date) -> str:
    return day.strftime("%d-%m-%Y")


def date_text(day: date, lang: str = "nl", *, weekday: bool = True) -> str:
    """``dinsdag 3 maart 2026`` / ``Tuesday 3 March 2026``, independent of the machine's locale."""
    lang = "en" if lang == "en" else "nl"
    text = f"{day.day} {_MONTHS[lang][day.month - 1]} {day.year}"
    return f"{_WEEKDAYS[lang][day.weekday()]} {text}" if weekday else text


def kind_text(kind: MeetingKind, lang: str = "nl") -> str:
    return _x(f"kind.{kind.value}", lang)


def agenda_text(key: str, lang: str = "nl") -> str:
    return pick(AGENDA[key], lang)


def leader_text(meeting: Meeting, lang: str = "nl") -> str:
    if meeting.leader is None:
        return _x("leader.facilitator", lang)
    return _x("leader.member", lang, name=meeting.leader)


def slot_text(slot: Slot, lang: str = "nl") -> str:
    method = slot.method.name.get(lang) if slot.method is not None else _x("no_method", lang)
    label = _x("method", lang) if slot.method is not None else ""
    return f"{slot.inbrenger} ({label}: {method})" if label else f"{slot.inbrenger} ({method})"


def group_name(plan_: Plan, lang: str = "nl") -> str:
    return plan_.settings.group_name or _x("group", lang)


def to_ics(plan_: Plan, lang: str = "nl", *, stamp: datetime | None = None) -> bytes:
    """The meetings as an iCalendar file. Times are local ('floating'), as a group agrees on them.

    UIDs follow from the group, the start date and the meeting number, so importing an updated plan
    replaces the earlier events instead of doubling them.
    """
    from icalendar import Calendar, Event

    stamp = stamp or datetime.now(UTC)
    name = group_name(plan_, lang)
    cal = Calendar()
    cal.add("prodid", "-//intervisie-kit//traject//NL")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    total = len(plan_.meetings)
    seed = f"{plan_.settings.group_name}|{plan_.settings.start.isoformat()}|{','.join(plan_.settings.members)}"
    for meeting in plan_.meetings:
        event = Event()
        uid = uuid.uuid5(uuid.NAMESPACE_URL, f"intervisie-kit:{seed}:{meeting.number}")
        event.add("uid", f"{uid}@intervisie-kit")
        event.add("dtstamp", stamp)
        event.add("dtstart", meeting.start)
        event.add("dtend", meeting.end)
        event.add(
            "summary",
            f"{name}: {_x('meeting', lang, n=meeting.number, total=total)} · {kind_text(meeting.kind, lang)}",
        )
        event.add("description", _description(meeting, lang))
        if plan_.settings.location:
            event.add("location", plan_.settings.location)
        cal.add_component(event)
    return cal.to_ical()


def _description(meeting: Meeting, lang: str) -> str:
    lines = [f"{_x('agenda', lang)}:"]
    for item in meeting.agenda:
        lines.append(f"- {agenda_text(item.key, lang)} ({item.minutes} min)")
    if meeting.slots:
        lines.append("")
        lines.append(f"{_x('ics.cases', lang)}:")
        lines.extend(f"- {slot_text(s, lang)}" for s in meeting.slots)
    lines.append("")
    lines.append(f"{_x('leader', lang)}: {leader_text(meeting, lang)}")
    return "\n".join(lines)


_PRINT_CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #16202a; margin: 2em;
  line-height: 1.45; font-size: 12pt; }
h1 { font-size: 20pt; margin-bottom: 0.2em; } h2 { font-size: 14pt; margin-top: 1.4em; }
table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #9aa5b1; padding: 6px 8px;
  text-align: left; vertical-align: top; } th { background: #e7f0fa; }
ul { margin: 0; padding-left: 1.1em; } .muted { color: #3f4b57; }
.blank { border-bottom: 1px solid #16202a; height: 1.8em; margin: 0.2em 0; }
.filled { white-space: pre-wrap; border-left: 3px solid #0a4f96; padding-left: 0.6em; }
.sign td { height: 2.6em; }
@media print { body { margin: 0; } h2 { break-after: avoid; } tr { break-inside: avoid; } }
"""


def _doc(title: str, body: str, lang: str) -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="{"en" if lang == "en" else "nl"}"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title><style>{_PRINT_CSS}</style></head><body>{body}</body></html>\n"
    )


def overview_table(plan_: Plan, lang: str = "nl") -> str:
    """The meetings as an HTML table (the page shows it; the printable overview wraps it)."""
    e = html.escape
    rows = []
    for m in plan_.meetings:
        when = f"{date_text(m.day, lang)}<br>{m.start:%H:%M}–{m.end:%H:%M}"
        if m.moved_from is not None:
            when += f"<br><span class='muted'>{e(_x('moved', lang, date=date_text(m.moved_from, lang)))}</span>"
        agenda = "".join(
            f"<li>{e(agenda_text(i.key, lang))} ({i.minutes} min)</li>" for i in m.agenda if i.key != "case"
        )
        # A list holds only list items: a meeting without case slots shows a dash, not a list (axe "list").
        cases = f"<ul>{''.join(f'<li>{e(slot_text(s, lang))}</li>' for s in m.slots)}</ul>" if m.slots else "–"
        rows.append(
            f"<tr data-meeting='{m.number}' data-kind='{m.kind.value}'><td>{m.number}</td><td>{when}</td>"
            f"<td><strong>{e(kind_text(m.kind, lang))}</strong><ul>{agenda}</ul></td>"
            f"<td>{cases}</td><td>{e(leader_text(m, lang))}</td></tr>"
        )
    head = "".join(f"<th>{e(_x(k, lang))}</th>" for k in ("col.nr", "col.date", "col.what", "col.cases", "col.leader"))
    return f"<table class='ik-table ik-plan-table'><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _group_facts(
    plan_: Plan, lang: str, before_rhythm: Sequence[str] = (), after_rhythm: Sequence[str] = ()
) -> list[str]:
    """The group's facts as list items, for the overview and the contract: members, the facilitator if
    named, the meeting rhythm (with the given items before and after it), the location if given."""
    e = html.escape
    s = plan_.settings
    facts = [f"<li>{e(_x('members', lang))}: {e(', '.join(s.members))}</li>"]
    if s.facilitator:
        facts.append(f"<li>{e(_x('facilitator', lang))}: {e(s.facilitator)}</li>")
    facts.extend(before_rhythm)
    facts.append(f"<li>{e(_x('rhythm', lang, n=s.meetings, minutes=s.minutes, weeks=s.interval_weeks))}</li>")
    facts.extend(after_rhythm)
    if s.location:
        facts.append(f"<li>{e(_x('location', lang))}: {e(s.location)}</li>")
    return facts


def overview_html(plan_: Plan, lang: str = "nl") -> str:
    """A printable, standalone overview of the whole trajectory."""
    e = html.escape
    name = group_name(plan_, lang)
    facts = _group_facts(plan_, lang, after_rhythm=[f"<li>{e(_x('handover', lang, n=plan_.handover_from))}</li>"])
    notes = ""
    if plan_.notices:
        notes = (
            f"<h2>{e(_x('notes', lang))}</h2><ul>"
            + "".join(f"<li>{e(n.text(lang))}</li>" for n in plan_.notices)
            + "</ul>"
        )
    body = (
        f"<h1>{e(_x('overview', lang))}: {e(name)}</h1><ul>{''.join(facts)}</ul>"
        f"{overview_table(plan_, lang)}<p class='muted'>{e(_x('methods_note', lang))}</p>{notes}"
    )
    return _doc(f"{_x('overview', lang)}: {name}", body, lang)


#: The open fields of the groepscontract a group can fill in on the page (the rest is printed blank).
CONTRACT_FIELDS = ("goal", "cancel_with", "extra")


def contract_html(plan_: Plan, lang: str = "nl", filled: Mapping[str, str] | None = None) -> str:
    """The groepscontract: the plan's facts, the usual agreements, open fields and a signature table.

    ``filled`` may hold text for the open fields (``goal``, ``cancel_with``, ``extra``); an empty field
    is printed as lines to write on.
    """
    e = html.escape
    filled = filled or {}
    s = plan_.settings
    name = group_name(plan_, lang)
    first, last = plan_.meetings[0], plan_.meetings[-1]
    mid = plan_.meetings[plan_.midterm - 1]
    last_day = date_text(last.day, lang)

    def open_field(key: str, lines: int) -> str:
        text = (filled.get(key) or "").strip()
        if text:
            return f"<div class='filled' data-field='{key}'>{e(text)}</div>"
        return "".join("<div class='blank'></div>" for _ in range(lines))

    def section(title_key: str, inner: str) -> str:
        return f"<h2>{e(_x(title_key, lang))}</h2>{inner}"

    period = f"{e(date_text(first.day, lang))} – {e(date_text(last.day, lang))}"
    group_facts = _group_facts(plan_, lang, before_rhythm=[f"<li>{e(_x('contract.period', lang))}: {period}</li>"])
    signatures = "".join(f"<tr><td>{e(m)}</td><td></td><td></td></tr>" for m in s.members)
    if s.facilitator:
        signatures += f"<tr><td>{e(s.facilitator)}</td><td></td><td></td></tr>"
    body = "".join(
        [
            f"<h1>{e(_x('contract', lang))}: {e(name)}</h1>",
            f"<p class='muted'>{e(_x('contract.intro', lang))}</p>",
            section("contract.group", f"<ul>{''.join(group_facts)}</ul>"),
            section("contract.goal", f"<p>{e(_x('contract.goal.q', lang))}</p>{open_field('goal', 4)}"),
            section("contract.confidential", f"<p>{e(_x('contract.confidential.text', lang))}</p>"),
            section(
                "contract.attendance",
                f"<p>{e(_x('contract.attendance.text', lang))}</p>{open_field('cancel_with', 1)}",
            ),
            section("contract.preparation", f"<p>{e(_x('contract.preparation.text', lang))}</p>"),
            section("contract.roles", f"<p>{e(_x('contract.roles.text', lang, n=plan_.handover_from))}</p>"),
            section("contract.manners", f"<p>{e(_x('contract.manners.text', lang))}</p>"),
            section(
                "contract.evaluation",
                f"<p>{e(_x('contract.evaluation.text', lang, mid=date_text(mid.day, lang), end=last_day))}</p>",
            ),
            section("contract.extra", open_field("extra", 5)),
            section(
                "contract.sign",
                f"<table class='sign'><thead><tr><th>{e(_x('contract.name', lang))}</th>"
                f"<th>{e(_x('contract.signature', lang))}</th><th>{e(_x('contract.date', lang))}</th></tr></thead>"
                f"<tbody>{signatures}</tbody></table>",
            ),
        ]
    )
    return _doc(f"{_x('contract', lang)}: {name}", body, lang)
