"""Taking the groups along: a printable list per group, a CSV, and a trajectory plan per group.

Exports show only the groups: name, region, group and facilitator. No manager, team, function,
experience or wish leaves the page, so a printed list on a table at the startdag says nothing about
anyone's working relations. Everything typed is escaped in the HTML; CSV cells that a spreadsheet would
run as a formula are quoted.
"""

from __future__ import annotations

import csv
import html
import io
from collections.abc import Iterable, Sequence
from datetime import date

from ..content.models import Method
from ..i18n import pick
from ..trajectory import Plan, Settings, plan
from .model import Assignment, Participant, by_name

__all__ = ["group_plans", "groups_csv", "groups_html"]

TEXTS: dict[str, tuple[str, str]] = {
    "title": ("Intervisiegroepen", "Intervisie groups"),
    "group": ("Groep {n}", "Group {n}"),
    "facilitator": ("Begeleider", "Facilitator"),
    "none": ("nog niet gekozen", "not chosen yet"),
    "name": ("Naam", "Name"),
    "region": ("Regio", "Region"),
    "csv.group": ("groep", "group"),
    "csv.facilitator": ("begeleider", "facilitator"),
    "csv.name": ("naam", "name"),
    "csv.region": ("regio", "region"),
}
_CSS = (
    "body{font-family:system-ui,sans-serif;margin:2em;color:#222}section{page-break-inside:avoid;"
    "margin-bottom:1.5em}h2{border-bottom:1px solid #999}table{border-collapse:collapse;width:100%}"
    "td,th{border:1px solid #bbb;padding:.3em .5em;text-align:left}@media print{section{page-break-after:always}}"
)


def _x(key: str, lang: str, **params: object) -> str:
    text = pick(TEXTS[key], lang)
    return text.format(**params) if params else text


def _cell(text: str) -> str:
    """A spreadsheet runs a cell starting with = + - @ as a formula; a leading quote keeps it text."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def groups_csv(assignment: Assignment, participants: Sequence[Participant], lang: str = "nl") -> bytes:
    people = by_name(participants)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([_x(k, lang) for k in ("csv.group", "csv.facilitator", "csv.name", "csv.region")])
    for g in assignment.groups:
        for name in g.members:
            region = people[name].region if name in people else ""
            writer.writerow([str(g.number), _cell(g.facilitator), _cell(name), _cell(region)])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def groups_html(assignment: Assignment, participants: Sequence[Participant], lang: str = "nl") -> str:
    """A standalone page to print: one section per group with its facilitator and members."""
    e = html.escape
    people = by_name(participants)
    sections = []
    for g in assignment.groups:
        rows = "".join(
            f"<tr><td>{e(name)}</td><td>{e(people[name].region if name in people else '')}</td></tr>"
            for name in g.members
        )
        facilitator = g.facilitator or _x("none", lang)
        sections.append(
            f"<section data-group='{g.number}'><h2>{e(_x('group', lang, n=g.number))}</h2>"
            f"<p>{e(_x('facilitator', lang))}: {e(facilitator)}</p>"
            f"<table><thead><tr><th>{e(_x('name', lang))}</th><th>{e(_x('region', lang))}</th></tr></thead>"
            f"<tbody>{rows}</tbody></table></section>"
        )
    title = _x("title", lang)
    return (
        f'<!DOCTYPE html>\n<html lang="{"en" if lang == "en" else "nl"}"><head><meta charset="utf-8">'
        f"<title>{e(title)}</title><style>{_CSS}</style></head><body><h1>{e(title)}</h1>"
        f"{''.join(sections)}</body></html>\n"
    )


def group_plans(assignment: Assignment, start: date, methods: Iterable[Method], lang: str = "nl") -> list[Plan]:
    """A trajectory plan (page 08) per group, with its facilitator and members, all starting on ``start``.
    Raises :class:`~intervisie_kit.trajectory.PlanError` when a group cannot be planned."""
    methods = tuple(methods)
    return [
        plan(
            Settings(
                members=g.members,
                start=start,
                group_name=_x("group", lang, n=g.number),
                facilitator=g.facilitator,
            ),
            methods,
        )
        for g in assignment.groups
    ]
