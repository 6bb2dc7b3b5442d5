"""The journal under pressure: another process writing, a reader holding the file during an erase, paths
and URLs that point into the kit, files that others can read.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from intervisie_kit.journal import store
from intervisie_kit.journal.store import BUSY, LAUNCH_DIR_ENV, WRITE_WAIT, Journal, JournalError, journal_url
from intervisie_kit.paths import PACKAGE_DIR

KIT = PACKAGE_DIR.parent

HOLD_WRITE = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
conn.execute("INSERT INTO trainees (id, name, created) VALUES ('holder', 'x', '2026-01-01 00:00:00')")
print("holding", flush=True)
sys.stdin.readline()  # hold the write lock until the test says so
conn.execute("ROLLBACK")
"""


@pytest.fixture
def writer_holding_the_lock(tmp_path: Path) -> Iterator[tuple[Path, str, subprocess.Popen]]:
    """A journal with one entry, and another process in the middle of a write transaction on it."""
    path = tmp_path / "journal.sqlite"
    with Journal(path) as journal:
        me = journal.local_trainee()
        journal.add(me.id, template="bijeenkomst", answers={"wat-gebeurde": "al bewaard"})
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD_WRITE, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "holding"
    try:
        yield path, me.id, proc
    finally:
        if proc.poll() is None:
            proc.communicate("done\n", timeout=30)


def test_reads_never_wait_for_a_writer(writer_holding_the_lock) -> None:  # type: ignore[no-untyped-def]
    path, me, _ = writer_holding_the_lock
    started = time.monotonic()
    with Journal(path) as journal:
        assert [e.answers["wat-gebeurde"] for e in journal.entries(me)] == ["al bewaard"]
        assert journal.local_trainee().id == me
        assert journal.trainee(me).id == me
    assert time.monotonic() - started < 1.0


def test_a_write_that_cannot_get_the_lock_says_so(writer_holding_the_lock, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    path, me, _ = writer_holding_the_lock
    assert WRITE_WAIT >= 5  # many kernels writing at a startdag must not turn into "busy" messages
    monkeypatch.setattr(store, "WRITE_WAIT", 1.0)
    with Journal(path) as journal:
        started = time.monotonic()
        with pytest.raises(JournalError) as caught:
            journal.add(me, template="bijeenkomst", answers={"x": "nieuw"})
        assert 0.5 < time.monotonic() - started < 4
        assert caught.value is BUSY
        assert "bezet" in caught.value.text("nl") and "busy" in caught.value.text("en")
        assert len(journal.entries(me)) == 1  # nothing half-written


def test_page_06_opens_and_lists_entries_while_another_process_writes(writer_holding_the_lock, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from intervisie_kit.content import load
    from intervisie_kit.ui import journal as journal_ui
    from intervisie_kit.ui.shell import PageState

    path, _, _ = writer_holding_the_lock
    monkeypatch.setenv(store.JOURNAL_ENV, str(path))
    # A page that waited for the writer would take WRITE_WAIT (5 s) and then fail; building the page itself
    # takes ~0.5 s here and up to 1.5 s while the full suite loads both cores, so the bound is 3 s.
    monkeypatch.setattr(store, "WRITE_WAIT", 5.0)
    started = time.monotonic()
    page = journal_ui.reflection(PageState(lang="nl", content=load(include_env=False)))
    view = page.children[0]
    assert time.monotonic() - started < 3.0
    assert isinstance(view, journal_ui.JournalView)
    assert "al bewaard" in view.browser.detail.value
    # Saving now cannot get the lock: the page says so and keeps the text.
    editor = view.editor
    first = next(w for w in editor.inputs.values() if isinstance(w.value, str))
    first.value = "mijn nieuwe reflectie"
    monkeypatch.setattr(store, "WRITE_WAIT", 1.0)
    editor.save.click()
    assert "bezet" in editor.status.value
    assert first.value == "mijn nieuwe reflectie"


# -- where the journal may live --------------------------------------------------------------------


@pytest.mark.parametrize(
    "location",
    [
        f"sqlite:///{KIT}/journal.sqlite",
        f"sqlite:///{KIT}/notebooks/journal.sqlite",
        f"sqlite+pysqlite:///{KIT}/data/../journal.sqlite",
        str(KIT / "tests" / "journal.sqlite"),
    ],
)
def test_no_url_or_path_reaches_inside_the_kit(location: str) -> None:
    with pytest.raises(JournalError, match="map van de kit"):
        journal_url(location)


def test_relative_locations_mean_the_folder_serve_was_started_in(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(KIT / "notebooks")  # where Voila runs a page's kernel
    monkeypatch.setenv(LAUNCH_DIR_ENV, str(tmp_path))
    assert journal_url("sqlite:///mijn.sqlite") == f"sqlite:///{tmp_path / 'mijn.sqlite'}"
    assert journal_url("mijn.sqlite") == f"sqlite:///{tmp_path / 'mijn.sqlite'}"
    monkeypatch.delenv(LAUNCH_DIR_ENV)
    with pytest.raises(JournalError, match="map van de kit"):  # never silently inside notebooks/
        journal_url("sqlite:///mijn.sqlite")


def test_serve_passes_an_absolute_location_to_the_pages(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from intervisie_kit import cli, server

    monkeypatch.setattr(server, "run", lambda argv: None)
    monkeypatch.chdir(tmp_path)
    for name in (store.JOURNAL_ENV, LAUNCH_DIR_ENV):
        monkeypatch.setenv(name, "")
    assert cli.main(["serve", "--journal", "sqlite:///rel/j.sqlite"]) == 0
    assert os.environ[store.JOURNAL_ENV] == f"sqlite:///{tmp_path.resolve() / 'rel' / 'j.sqlite'}"
    assert os.environ[LAUNCH_DIR_ENV] == str(tmp_path.resolve())
    assert cli.main(["serve", "--journal", f"sqlite:///{KIT}/j.sqlite"]) == 2


def test_a_journal_others_can_read_is_tightened_with_a_notice(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    own = tmp_path / "data" / "journal.sqlite"
    monkeypatch.setattr(store, "default_location", lambda: own)
    Journal(own).close()
    own.chmod(0o644)
    own.parent.chmod(0o755)
    journal = Journal(own)
    assert stat.S_IMODE(own.stat().st_mode) == 0o600
    assert stat.S_IMODE(own.parent.stat().st_mode) == 0o700
    texts = " ".join(n.text("nl") for n in journal.notices)
    assert "leesbaar voor andere" in texts and "map van je dagboek" in texts
    journal.close()
    assert Journal(own).notices == []  # said once, not on every page

    chosen = tmp_path / "gedeeld" / "j.sqlite"  # a folder the trainee chose stays theirs: only mentioned
    chosen.parent.mkdir()
    chosen.parent.chmod(0o755)
    notes = Journal(chosen).notices
    assert stat.S_IMODE(chosen.parent.stat().st_mode) == 0o755
    assert any("kunnen de map" in n.text("nl") for n in notes)


# -- erase while another connection holds the file -----------------------------------------------------


def _raw_bytes(path: Path) -> bytes:
    return b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*") if p.is_file())


def test_an_erase_blocked_by_a_reader_says_so_and_finishes_later(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite"
    journal = Journal(path)
    me = journal.local_trainee()
    for i in range(3):
        journal.add(me.id, template="bijeenkomst", answers={"x": f"GEHEIM-{i}-" + "z" * 500})
    reader = sqlite3.connect(path, isolation_level=None)
    reader.execute("BEGIN")
    assert reader.execute("SELECT count(*) FROM entries").fetchone()[0] == 3  # a snapshot with the text
    erased = journal.erase_trainee(me.id)
    assert (erased.entries, erased.compacted) == (3, False)
    assert journal.entries(me.id) == []
    reader.execute("ROLLBACK")
    reader.close()
    assert journal.finish_compaction()  # the next open or close of the journal does this
    assert b"GEHEIM" not in _raw_bytes(path)
    assert not (tmp_path / "journal.sqlite-compact-pending").exists()
    journal.close()


def test_the_erase_message_on_the_page_says_when_cleaning_waits(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from intervisie_kit.content import load
    from intervisie_kit.ui import journal as journal_ui

    path = tmp_path / "journal.sqlite"
    monkeypatch.setenv(store.JOURNAL_ENV, str(path))
    page = journal_ui.open_page_journal(load(include_env=False))
    page.journal.add(page.trainee_id, template="bijeenkomst", answers={"x": "GEHEIM"})
    data = journal_ui.DataView(page, "nl")
    reader = sqlite3.connect(path, isolation_level=None)
    reader.execute("BEGIN")
    reader.execute("SELECT * FROM entries").fetchall()
    data.agree.value = True
    data.erase.click()
    assert "Gewist: 1 reflectie" in data.result.value
    assert "zodra" in data.result.value  # the file is cleaned once the other connection closes
    reader.execute("ROLLBACK")
    reader.close()
    journal_ui.open_page_journal(load(include_env=False)).journal.close()  # the next page finishes it
    assert b"GEHEIM" not in _raw_bytes(path)


def test_an_overlong_name_is_refused_on_the_page_and_kept(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from intervisie_kit.content import load
    from intervisie_kit.ui import journal as journal_ui

    monkeypatch.setenv(store.JOURNAL_ENV, str(tmp_path / "journal.sqlite"))
    page = journal_ui.open_page_journal(load(include_env=False))
    data = journal_ui.DataView(page, "en")
    data.name.value = "N" * (store.MAX_NAME + 1)
    data.save_name.click()
    assert "too long" in data.name_status.value and str(store.MAX_NAME) in data.name_status.value
    assert data.name.value == "N" * (store.MAX_NAME + 1)
    data.name.value = "Sanne"
    data.save_name.click()
    assert "saved" in data.name_status.value.lower()
    assert page.journal.trainee(page.trainee_id).name == "Sanne"
