"""How tests/data/journal_v1.sqlite was made: a journal as kit 0.1 (schema 0001) wrote it.

Kept for the record; the fixture file itself is committed and must not be regenerated with a newer
schema. Run from the repository root: ``.venv/bin/python tests/data/make_journal_v1.py``.
"""

from datetime import datetime
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config

from intervisie_kit.journal.store import MIGRATIONS

target = Path(__file__).with_name("journal_v1.sqlite")
target.unlink(missing_ok=True)
engine = sa.create_engine(f"sqlite:///{target}")
config = Config()
config.set_main_option("script_location", str(MIGRATIONS))
with engine.begin() as conn:
    config.attributes["connection"] = conn
    command.upgrade(config, "0001")
    conn.execute(
        sa.text("INSERT INTO trainees (id, name, created) VALUES ('a1b2c3', 'Noor', :t)"),
        {"t": datetime(2026, 3, 2, 20)},
    )
    rows = [
        ("Eerste bijeenkomst", '{"wat-gebeurde": "We kozen de casus van Ruben over werkdruk."}', 1),
        (
            "Tweede bijeenkomst",
            '{"wat-gebeurde": "Ik stelde te veel waarom-vragen.", "volgende-keer": "Wat-vragen"}',
            0,
        ),
    ]
    for i, (title, answers, shared) in enumerate(rows, start=1):
        conn.execute(
            sa.text(
                "INSERT INTO entries (trainee_id, created, template, title, answers, shared) "
                "VALUES ('a1b2c3', :t, 'bijeenkomst', :title, :answers, :shared)"
            ),
            {"t": datetime(2026, 3, 2 + 7 * i, 21), "title": title, "answers": answers, "shared": shared},
        )
engine.dispose()
print(f"wrote {target}")
