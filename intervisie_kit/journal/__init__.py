"""The confidential reflection journal: entries, share choices, the privacy check, reports and progress.

* :mod:`.store` - the :class:`Journal` (SQLite by default, PostgreSQL by URL), migrations, erase.
* :mod:`.privacy` - finds text that identifies people and replaces it with pseudonyms.
* :mod:`.progress` - practice figures over time as a pandas frame and a chart.
* :mod:`.report` - the reflectieverslag and the eindevaluatie as Markdown, HTML and PDF.

Importing this package loads only the store; pandas and matplotlib load when progress is asked for.
"""

from .store import JOURNAL_ENV, Context, Entry, Erased, Journal, JournalError, Share, Trainee, default_location

__all__ = [
    "JOURNAL_ENV",
    "Context",
    "Entry",
    "Erased",
    "Journal",
    "JournalError",
    "Share",
    "Trainee",
    "default_location",
]
