"""The trajectory planner: dates, meeting kinds, rota fairness, handover, warnings and the exports."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, time, timedelta

import pytest
from icalendar import Calendar

from intervisie_kit.calendar_nl import holiday_name, is_working_day, next_working_day
from intervisie_kit.content import load
from intervisie_kit.content.models import Experience
from intervisie_kit.trajectory import (
    DateRange,
    MeetingKind,
    PlanError,
    Settings,
    contract_html,
    overview_html,
    parse_dates,
    parse_members,
    parse_time,
    plan,
    to_ics,
)

CONTENT = load(include_env=False, strict=False)
METHODS = tuple(CONTENT.methods.values())
SIX = ("Anna", "Bram", "Cem", "Dewi", "Eva", "Fleur")
START = date(2026, 1, 13)  # a Tuesday


def make(**kw: object):  # type: ignore[no-untyped-def]
    settings = Settings(**{"members": SIX, "start": START, **kw})  # type: ignore[arg-type]
    return plan(settings, METHODS)


def test_defaults_eight_meetings_six_weeks_apart() -> None:
    p = make()
    assert len(p.meetings) == 8
    assert [m.day for m in p.meetings] == [START + timedelta(weeks=6 * i) for i in range(8)]
    assert all(m.day.weekday() == START.weekday() for m in p.meetings)
    first = p.meetings[0]
    assert first.start == datetime(2026, 1, 13, 14, 0) and first.end == datetime(2026, 1, 13, 16, 0)
    assert p.warnings == ()


@pytest.mark.parametrize("meetings", [6, 7, 8, 10, 12])
def test_kickoff_evaluations_and_handover_are_placed(meetings: int) -> None:
    p = make(meetings=meetings)
    kinds = [m.kind for m in p.meetings]
    assert kinds[0] is MeetingKind.KICKOFF and kinds[-1] is MeetingKind.FINAL
    assert kinds.count(MeetingKind.MIDTERM) == 1
    mid = kinds.index(MeetingKind.MIDTERM) + 1
    assert mid == p.midterm and abs(mid - (meetings + 1) / 2) <= 0.5
    assert p.handover_from == mid + 1
    assert all(m.leader is None for m in p.meetings[: p.handover_from - 1])
    assert all(m.leader is not None for m in p.meetings[p.handover_from - 1 :])
    keys = {item.key for m in p.meetings for item in m.agenda}
    assert {"kickoff.intro", "kickoff.goals", "kickoff.agreements", "midterm", "final"} <= keys


@pytest.mark.parametrize("minutes", [120, 135, 150, 165, 180])
@pytest.mark.parametrize("meetings", [6, 8, 12])
def test_every_agenda_adds_up_to_the_meeting_length(minutes: int, meetings: int) -> None:
    for m in make(minutes=minutes, meetings=meetings).meetings:
        assert sum(item.minutes for item in m.agenda) == minutes
        case_items = [i.minutes for i in m.agenda if i.key == "case"]
        assert case_items == [s.minutes for s in m.slots]
        assert all(s >= 45 for s in case_items)


@pytest.mark.parametrize("members", [4, 5, 6, 7])
@pytest.mark.parametrize("minutes", [120, 150, 180])
def test_rota_is_fair_and_everyone_brings_a_case_when_there_are_enough_slots(members: int, minutes: int) -> None:
    names = tuple(f"Lid{i}" for i in range(members))
    p = plan(Settings(members=names, start=START, minutes=minutes), METHODS)
    counts = p.inbreng_counts()
    assert sum(counts.values()) == p.slot_count
    assert max(counts.values()) - min(counts.values()) <= 1
    if p.slot_count >= members:
        assert min(counts.values()) >= 1
        assert not any(n.code == "rota_short" for n in p.notices)
    for m in p.meetings:
        inbrengers = [s.inbrenger for s in m.slots]
        assert len(inbrengers) == len(set(inbrengers)), "nobody brings two cases in one meeting"
        assert m.leader not in inbrengers, "the inbrenger never leads"


def test_too_few_slots_for_everyone_is_warned_with_the_names() -> None:
    names = tuple(f"Lid{i}" for i in range(9))
    p = plan(Settings(members=names, start=START, meetings=6), METHODS)
    assert p.slot_count == 5
    short = [n for n in p.warnings if n.code == "rota_short"]
    assert len(short) == 1
    assert "Lid5, Lid6, Lid7, Lid8" in short[0].text("nl") and "5 casusplekken voor 9 leden" in short[0].text("nl")
    assert "5 case slots for 9 members" in short[0].text("en")


def test_leading_rotates_fairly_after_the_handover() -> None:
    p = make(meetings=12, handover_from=3)
    leads = p.lead_counts()
    assert sum(leads.values()) == 10
    assert max(leads.values()) - min(leads.values()) <= 1
    leaders = [m.leader for m in p.meetings if m.leader]
    assert all(a != b for a, b in itertools.pairwise(leaders)), "nobody leads twice in a row"
    assert not any(n.code == "lead_short" for n in p.notices)
    assert any(n.code == "lead_short" for n in make().notices)  # 4 led meetings for 6 members: a note


@pytest.mark.parametrize(("size", "code"), [(2, "small_group"), (3, "small_group"), (11, "large_group")])
def test_group_size_warnings(size: int, code: str) -> None:
    p = plan(Settings(members=tuple(f"L{i}" for i in range(size)), start=START), METHODS)
    assert code in [n.code for n in p.warnings]


@pytest.mark.parametrize("size", [4, 6, 10])
def test_no_size_warning_in_the_usual_range(size: int) -> None:
    p = plan(Settings(members=tuple(f"L{i}" for i in range(size)), start=START, minutes=180), METHODS)
    assert not {"small_group", "large_group"} & {n.code for n in p.warnings}


def test_skipped_dates_move_a_meeting_by_a_week_and_later_ones_follow() -> None:
    holiday = parse_dates("24-02-2026\n2026-07-01 t/m 2026-08-31")
    p = make(skip=holiday)
    days = [m.day for m in p.meetings]
    assert not any(day in r for day in days for r in holiday)
    assert p.meetings[1].day == date(2026, 3, 3) and p.meetings[1].moved_from == date(2026, 2, 24)
    assert p.meetings[2].day == date(2026, 4, 14)  # six weeks after the moved meeting
    assert all(b - a >= timedelta(weeks=6) for a, b in itertools.pairwise(days))
    moved = [n for n in p.notices if n.code == "moved"]
    assert moved and moved[0].level == "info"
    summer = [m for m in p.meetings if m.moved_from and m.moved_from.month in (7, 8)]
    assert summer and all(m.day == date(2026, 9, 1) or m.day > date(2026, 8, 31) for m in summer)


def test_a_skipped_start_date_moves_the_kickoff() -> None:
    p = make(skip=(DateRange(START, START),))
    assert p.meetings[0].day == START + timedelta(weeks=1) and p.meetings[0].kind is MeetingKind.KICKOFF


def test_a_year_of_skipped_dates_is_refused() -> None:
    with pytest.raises(PlanError, match="een jaar lang"):
        make(skip=(DateRange(date(2026, 1, 1), date(2027, 12, 31)),))


def test_methods_vary_and_grow_with_the_group() -> None:
    p = make(minutes=180, meetings=10)
    slots = [s for m in p.meetings for s in m.slots]
    ids = [s.method.id for s in slots if s.method]
    assert len(ids) == len(slots)
    assert len(set(ids)) == len(ids), "no method twice while there are unused ones that fit"
    levels = [m.experience for m in p.meetings if m.slots]
    assert levels[0] is Experience.NEW and levels[-1] is Experience.EXPERIENCED
    assert levels == sorted(levels, key=[Experience.NEW, Experience.SOME, Experience.EXPERIENCED].index)
    first = CONTENT.methods[ids[0]]
    assert first.experience is Experience.NEW
    for m in p.meetings:
        for s in m.slots:
            assert s.minutes / 2 <= s.method.total_minutes <= s.minutes  # the suggestion fits its slot


def test_an_experienced_group_starts_higher() -> None:
    p = make(experience=Experience.EXPERIENCED)
    assert {m.experience for m in p.meetings} == {Experience.EXPERIENCED}


def test_the_plan_is_deterministic() -> None:
    assert make() == make()


@pytest.mark.parametrize(
    ("kw", "code"),
    [
        ({"meetings": 5}, "meetings_range"),
        ({"meetings": 13}, "meetings_range"),
        ({"interval_weeks": 3}, "interval_range"),
        ({"interval_weeks": 11}, "interval_range"),
        ({"minutes": 90}, "minutes_range"),
        ({"minutes": 200}, "minutes_range"),
        ({"minutes": 125}, "minutes_range"),
        ({"handover_from": 1}, "handover_range"),
        ({"handover_from": 9}, "handover_range"),
        ({"members": ("Anna",)}, "too_few_members"),
        ({"members": ("Anna", " ", "")}, "too_few_members"),
        ({"members": ("Anna", "Bram", "anna")}, "duplicate_member"),
        ({"members": tuple(f"L{i}" for i in range(41))}, "too_many_members"),
        ({"start": "13-01-2026"}, "bad_date"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(kw: dict, code: str) -> None:
    with pytest.raises(PlanError) as err:
        make(**kw)
    assert err.value.code == code
    assert isinstance(err.value, ValueError)
    assert err.value.message("nl") != err.value.message("en")


def test_messages_name_the_allowed_range() -> None:
    with pytest.raises(PlanError) as err:
        make(meetings=20)
    assert str(err.value) == "Het aantal bijeenkomsten moet tussen 6 en 12 liggen, niet 20."


def test_parse_dates_members_and_time() -> None:
    assert parse_dates("") == ()
    assert parse_dates("27-4-2026; 2026-05-05\n\n20-07-2026 t/m 28-08-2026\n01/09/2026 - 02/09/2026") == (
        DateRange(date(2026, 4, 27), date(2026, 4, 27)),
        DateRange(date(2026, 5, 5), date(2026, 5, 5)),
        DateRange(date(2026, 7, 20), date(2026, 8, 28)),
        DateRange(date(2026, 9, 1), date(2026, 9, 2)),
    )
    assert parse_dates("2026-07-20 – 2026-07-24")[0].end == date(2026, 7, 24)
    for bad in ("31-02-2026", "morgen", "2026-13-01", "1-1-2026 t/m 2-1-2026 t/m 3-1-2026"):
        with pytest.raises(PlanError) as err:
            parse_dates(bad)
        assert err.value.code == "bad_date"
    with pytest.raises(PlanError, match="eindigt voor hij begint"):
        parse_dates("10-08-2026 t/m 01-08-2026")
    assert parse_members(" Anna \nBram, Cem;;\n\n  Dewi  de Vries ") == ("Anna", "Bram", "Cem", "Dewi de Vries")
    assert parse_time("9.30") == time(9, 30)
    with pytest.raises(PlanError, match="geen tijd"):
        parse_time("25:00")


# -- exports ---------------------------------------------------------------------------------------------------


def test_ics_parses_back_with_every_meeting() -> None:
    p = make(
        group_name="Team Noord", location="Zaal 2, Utrecht", start_time=time(13, 30), skip=parse_dates("24-02-2026")
    )
    stamp = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)
    data = to_ics(p, "nl", stamp=stamp)
    cal = Calendar.from_ical(data)
    assert str(cal["prodid"]) == "-//intervisie-kit//traject//NL" and str(cal["version"]) == "2.0"
    events = cal.walk("VEVENT")
    assert len(events) == 8
    for meeting, event in zip(p.meetings, events, strict=True):
        assert event.decoded("dtstart") == meeting.start
        assert event.decoded("dtend") - event.decoded("dtstart") == timedelta(minutes=120)
        assert str(event["location"]) == "Zaal 2, Utrecht"
        assert event.decoded("dtstamp") == stamp
        assert str(event["summary"]).startswith(f"Team Noord: Bijeenkomst {meeting.number} van 8")
    assert events[1].decoded("dtstart") == datetime(2026, 3, 3, 13, 30)
    description = str(events[1]["description"])
    assert "Anna (voorgestelde methode:" in description and "Gespreksleider: de begeleider" in description
    assert "Groepsafspraken: vertrouwelijkheid" in str(events[0]["description"])
    assert len({str(e["uid"]) for e in events}) == 8
    assert to_ics(p, "nl", stamp=stamp) == data, "same plan, same file: a re-import updates, not doubles"
    assert "Meeting 1 of 8" in str(Calendar.from_ical(to_ics(p, "en", stamp=stamp)).walk("VEVENT")[0]["summary"])


HOSTILE = "<script>alert(1)</script>"


def test_overview_and_contract_escape_everything_typed() -> None:
    p = make(
        members=(HOSTILE, "Bram", "Cem", "Dewi"),
        group_name=f"Groep {HOSTILE}",
        facilitator="<b>Fien</b>",
        location="<img src=x onerror=alert(1)>",
    )
    filled = {"goal": "Samen <em>leren</em>", "cancel_with": "Bram & Cem", "extra": ""}
    for doc in (overview_html(p, "nl"), contract_html(p, "nl", filled), overview_html(p, "en")):
        assert "<script>" not in doc and "<img" not in doc and "<b>" not in doc and "<em>" not in doc
        assert "&lt;script&gt;" in doc
    contract = contract_html(p, "nl", filled)
    assert "Samen &lt;em&gt;leren&lt;/em&gt;" in contract and "Bram &amp; Cem" in contract


def test_overview_lists_every_meeting_for_printing() -> None:
    doc = overview_html(make(), "nl")
    assert doc.startswith("<!DOCTYPE html>") and "@media print" in doc
    assert doc.count("<tr data-meeting=") == 8
    assert "dinsdag 13 januari 2026" in doc and "Startbijeenkomst" in doc and "Eindevaluatie" in doc
    assert "Vanaf bijeenkomst 5 leidt een groepslid" in doc


def test_contract_has_the_agreements_open_fields_and_a_line_per_member() -> None:
    p = make(facilitator="Fien")
    doc = contract_html(p, "nl")
    for heading in ("Vertrouwelijkheid", "Aanwezigheid en afmelden", "Voorbereiding", "Ons doel", "Ondertekening"):
        assert f"<h2>{heading}</h2>" in doc
    assert doc.count("<div class='blank'></div>") == 4 + 1 + 5
    assert all(f"<tr><td>{name}</td><td></td><td></td></tr>" in doc for name in (*SIX, "Fien"))
    assert "Tussenevaluatie op dinsdag 19 mei 2026" in doc
    filled = contract_html(p, "en", {"goal": "Learn to ask", "cancel_with": "Fien", "extra": "Tea"})
    assert "data-field='goal'>Learn to ask<" in filled and "<div class='blank'></div>" not in filled
    assert "<h2>Confidentiality</h2>" in filled


# -- weekends and Dutch public holidays ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "name"),
    [
        (date(2025, 4, 20), "Eerste Paasdag"),
        (date(2026, 4, 6), "Tweede Paasdag"),
        (date(2025, 4, 26), "Koningsdag"),  # 27 April 2025 is a Sunday
        (date(2026, 4, 27), "Koningsdag"),
        (date(2026, 5, 5), "Bevrijdingsdag"),
        (date(2026, 5, 14), "Hemelvaartsdag"),
        (date(2026, 5, 25), "Tweede Pinksterdag"),
        (date(2027, 3, 26), "Goede Vrijdag"),
        (date(2026, 12, 26), "Tweede Kerstdag"),
        (date(2027, 1, 1), "Nieuwjaarsdag"),
    ],
)
def test_dutch_public_holidays(day: date, name: str) -> None:
    assert holiday_name(day) == name
    assert not is_working_day(day)


def test_working_days() -> None:
    assert holiday_name(date(2025, 4, 27)) is None  # Koningsdag moved to the Saturday
    assert is_working_day(date(2026, 4, 28))
    assert next_working_day(date(2026, 4, 25)) == date(2026, 4, 28)  # Sat, Sun, Koningsdag on Monday
    assert next_working_day(date(2026, 12, 24)) == date(2026, 12, 24)


def test_a_meeting_on_a_weekend_or_a_holiday_is_warned() -> None:
    p = make(start=date(2026, 4, 27), interval_weeks=4)  # Koningsdag, then Mondays four weeks apart
    warned = {n.params["n"]: n for n in p.warnings if n.code in ("holiday", "weekend")}
    assert warned["1"].code == "holiday" and warned["1"].level == "warn"
    assert "maandag 27 april 2026 is Koningsdag" in warned["1"].text("nl")
    assert "Monday 27 April 2026 is King's Day" in warned["1"].text("en")
    assert warned["2"].code == "holiday" and "Tweede Pinksterdag" in warned["2"].text("nl")  # 25 May
    saturday = make(start=date(2026, 1, 17))
    assert [n.code for n in saturday.warnings].count("weekend") == 8
    assert "valt in het weekend: zaterdag 17 januari 2026" in saturday.warnings[0].text("nl")
