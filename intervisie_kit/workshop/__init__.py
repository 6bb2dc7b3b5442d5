"""Startdag workshop mode: one trainer's laptop serves a room of trainees on their phones (issue 15).

The design and the contract between the parts is ``docs/workshop.md``. This module holds only the
named limits and constants every part shares; it imports nothing heavy (no SQLAlchemy, no Tornado), so
the server, the pages and the tests can read the limits cheaply.

* :mod:`.model` - frozen records (Workshop, Participant, Round, Question, Rating, ...) and WorkshopError.
* :mod:`.store` - :class:`~.store.WorkshopStore`: the workshop tables in the journal database.
* :mod:`.views` - the JSON the phone page and the wall page show, built from stored rows.
* :mod:`.report` - a participant's own report and the journal entry "Startdag: vragenmuur".

Words: the *inbrenger* is the participant who brings the case; the *vragenmuur* is the question wall.
"""

from __future__ import annotations

__all__ = [
    "CODE_DIGITS",
    "JOIN_ATTEMPTS",
    "JOIN_GLOBAL",
    "JOIN_WINDOW",
    "MAX_BODY",
    "MAX_CASE_TEXT",
    "MAX_CASE_TITLE",
    "MAX_NAME",
    "MAX_PARTICIPANTS",
    "MAX_PER_ROUND",
    "MAX_QUESTION",
    "MAX_TITLE",
    "MIN_INTERVAL",
    "RATINGS",
    "RULES",
    "WORKSHOP_ENV",
]

#: Set to "1" by the ``workshop`` command: this server runs a workshop (and listens beyond loopback).
WORKSHOP_ENV = "INTERVISIE_KIT_WORKSHOP"

#: How the inbrenger rates a question: already asked or answered, new, an eye-opener.
RATINGS = ("koud", "neutraal", "warm")
#: What a round accepts: every question, or (a second round) "nu alleen open vragen" - shown as the rule;
#: the coach's verdict tells the participant whether their question was open, nothing is refused for it.
RULES = ("all", "open")

CODE_DIGITS = 6  # digits in the join code
MAX_NAME = 40  # characters in a participant's name or pseudonym
MAX_QUESTION = 400  # characters in one question on the wall
MIN_INTERVAL = 3  # seconds between two questions of one participant
MAX_PER_ROUND = 12  # questions per participant per round
MAX_PARTICIPANTS = 60  # participants in one workshop at the same time
MAX_BODY = 8192  # bytes in one API request
JOIN_ATTEMPTS = 5  # wrong join codes per client address per JOIN_WINDOW
JOIN_WINDOW = 600  # seconds
JOIN_GLOBAL = 200  # wrong join codes per JOIN_WINDOW in total; then joining pauses until a new code
MAX_TITLE = 120  # characters in the workshop's title
MAX_CASE_TITLE = 200  # characters in the projected case's title
MAX_CASE_TEXT = 6000  # characters in the projected case's text
