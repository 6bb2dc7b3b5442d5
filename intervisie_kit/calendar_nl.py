"""Dutch public holidays and working days, for planning meetings.

Computed here rather than taken from a package: the list is short and stable, and the kit then needs
nothing more to run offline. Source for which days count: the Algemene termijnenwet (art. 3), which names
Nieuwjaarsdag, Tweede Paasdag, Hemelvaartsdag, Tweede Pinksterdag, Eerste en Tweede Kerstdag, Koningsdag
and Bevrijdingsdag (5 May, every year, although many collective agreements give it off only every fifth
year); Eerste Paasdag and Eerste Pinksterdag fall on a Sunday anyway. Goede Vrijdag is not in that law but
is a day off for many, so it is listed too: for a planner a warning too many costs less than one too few.

Easter is computed with the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

__all__ = ["holiday_name", "holidays", "is_working_day", "next_working_day"]


def easter(year: int) -> date:
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return date(year, month, day)


@cache
def holidays(year: int) -> dict[date, tuple[str, str]]:
    """The Dutch public holidays of ``year``, each with its name in Dutch and English."""
    e = easter(year)
    kings = date(year, 4, 27)
    if kings.weekday() == 6:  # on a Sunday, Koningsdag is the Saturday before
        kings = date(year, 4, 26)
    days = {
        date(year, 1, 1): ("Nieuwjaarsdag", "New Year's Day"),
        e - timedelta(days=2): ("Goede Vrijdag", "Good Friday"),
        e: ("Eerste Paasdag", "Easter Sunday"),
        e + timedelta(days=1): ("Tweede Paasdag", "Easter Monday"),
        kings: ("Koningsdag", "King's Day"),
        date(year, 5, 5): ("Bevrijdingsdag", "Liberation Day"),
        e + timedelta(days=39): ("Hemelvaartsdag", "Ascension Day"),
        e + timedelta(days=49): ("Eerste Pinksterdag", "Whit Sunday"),
        e + timedelta(days=50): ("Tweede Pinksterdag", "Whit Monday"),
        date(year, 12, 25): ("Eerste Kerstdag", "Christmas Day"),
        date(year, 12, 26): ("Tweede Kerstdag", "Boxing Day"),
    }
    return dict(sorted(days.items()))


def holiday_name(day: date, lang: str = "nl") -> str | None:
    names = holidays(day.year).get(day)
    if names is None:
        return None
    return names[1] if lang == "en" else names[0]


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in holidays(day.year)


def next_working_day(day: date) -> date:
    """``day`` itself when it is a working day, otherwise the first working day after it."""
    while not is_working_day(day):
        day += timedelta(days=1)
    return day
