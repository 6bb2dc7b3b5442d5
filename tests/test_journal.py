"""The reflection journal: storage on SQLite and PostgreSQL, migrations, confidentiality, reports.

PostgreSQL: the tests marked with the ``journal_url`` fixture run against a real server when
``INTERVISIE_KIT_TEST_POSTGRES`` names one (``.ci/postgres.sh`` starts one; ``.ci/run`` always does).
In CI a missing server fails the run instead of skipping.
"""

from __future__ import annotations

import io
import os
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from intervisie_kit.content import load
from intervisie_kit.journal import Context, Journal, JournalError, Share
from intervisie_kit.journal.privacy import Kind, find_identifying, pseudonymise
from intervisie_kit.journal.progress import practice_frame, progress, progress_chart
from intervisie_kit.journal.report import build_report, report_html, report_markdown, report_pdf
from intervisie_kit.journal.store import HEAD, JOURNAL_ENV, MAX_TEXT, journal_url

from .conftest import in_ci

DATA = Path(__file__).parent / "data"
PG_ENV = "INTERVISIE_KIT_TEST_POSTGRES"
HOSTILE = "<script>alert('x')</script><img src=x onerror=alert(1)>"
TEMPLATES = load(include_env=False).reflection


@pytest.fixture(params=["sqlite", "postgresql"])
def journal_url_for_test(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty journal location on each backend."""
    if request.param == "sqlite":
        yield str(tmp_path / "journal.sqlite")
        return
    server = os.environ.get(PG_ENV)
    if not server:
        if in_ci():
            pytest.fail(f"{PG_ENV} is not set: .ci/run starts a PostgreSQL for the journal tests")
        pytest.skip(f'no PostgreSQL: set {PG_ENV} (eval "$(.ci/postgres.sh)")')
    name = f"ik_test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f"CREATE DATABASE {name}")
    url = sa.make_url(server).set(database=name).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.dispose()
        # Migration 0004 made the database's (cluster-wide) hub roles: they go with it.
        from intervisie_kit.hub.database import drop_namespace_roles

        drop_namespace_roles(server, name)


@pytest.fixture
def journal(journal_url_for_test: str) -> Iterator[Journal]:
    with Journal(journal_url_for_test) as j:
        yield j


# -- storage -------------------------------------------------------------------------------------------


def test_round_trip(journal: Journal) -> None:
    trainee = journal.rename(journal.local_trainee().id, "Noor")
    answers = {"wat-gebeurde": "Een casus over werkdruk.\nTweede regel: ë ü ß 漢字", "veiligheid": 4}
    entry = journal.add(trainee.id, template="bijeenkomst", answers=answers, title="B1", context_label="Bijeenkomst 1")
    again = journal.get(trainee.id, entry.id)
    assert again == entry
    assert again.answers == answers and again.share is Share.PRIVATE and again.context_kind is Context.MEETING
    edited = journal.update(trainee.id, entry.id, answers={"wat-gebeurde": "Anders"}, title="B1*")
    assert edited.answers == {"wat-gebeurde": "Anders"} and edited.title == "B1*"
    assert journal.set_share(trainee.id, entry.id, "supervisor").shared_at is not None
    assert [e.id for e in journal.entries(trainee.id, shared_only=True)] == [entry.id]
    journal.delete(trainee.id, entry.id)
    assert journal.entries(trainee.id) == []
    assert journal.local_trainee().id == trainee.id  # the laptop keeps one identity


def test_no_trainee_reaches_another_trainees_entries(journal: Journal) -> None:
    a, b = journal.add_trainee("A"), journal.add_trainee("B")
    entry = journal.add(a.id, template="bijeenkomst", answers={"x": "van A"}, share="supervisor")
    assert journal.entries(b.id) == [] and journal.entries(b.id, shared_only=True) == []
    for attempt in (
        lambda: journal.get(b.id, entry.id),
        lambda: journal.update(b.id, entry.id, answers={"x": "overschreven"}),
        lambda: journal.set_share(b.id, entry.id, "private"),
        lambda: journal.delete(b.id, entry.id),
    ):
        with pytest.raises(JournalError):
            attempt()
    assert journal.get(a.id, entry.id).answers == {"x": "van A"}


def test_bad_input_is_refused_with_a_message(journal: Journal) -> None:
    trainee = journal.local_trainee()
    with pytest.raises(JournalError, match="te lang"):
        journal.add(trainee.id, template="bijeenkomst", answers={"x": "a" * (MAX_TEXT + 1)})
    with pytest.raises(JournalError, match="tekst of een getal"):
        journal.add(trainee.id, template="bijeenkomst", answers={"x": object()})
    with pytest.raises(JournalError, match="bestaat niet"):
        journal.add("nobody", template="bijeenkomst", answers={"x": "y"})
    assert journal.entries(trainee.id) == []


def test_erase_leaves_no_rows_behind(journal: Journal) -> None:
    me, other = journal.add_trainee("Ik"), journal.add_trainee("Ander")
    for i in range(5):
        journal.add(
            me.id, template="bijeenkomst", answers={"x": f"GEHEIM-{i}"}, share="supervisor" if i % 2 else "private"
        )
    journal.add(other.id, template="bijeenkomst", answers={"x": "blijft"})
    erased = journal.erase_trainee(me.id)
    assert (erased.entries, erased.shared_entries, erased.trainee) == (5, 2, True)
    with journal.engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM entries WHERE trainee_id = :t"), {"t": me.id}).scalar() == 0
        assert conn.execute(sa.text("SELECT count(*) FROM trainees WHERE id = :t"), {"t": me.id}).scalar() == 0
        assert conn.execute(sa.text("SELECT count(*) FROM entries")).scalar() == 1
    if journal.path is not None:  # nothing of the erased text is left in the file either
        journal.close()
        for path in journal.path.parent.glob(journal.path.name + "*"):
            assert b"GEHEIM" not in path.read_bytes(), path


# -- where the journal lives ---------------------------------------------------------------------------


def test_new_sqlite_file_is_private_to_the_user(tmp_path: Path) -> None:
    path = tmp_path / "nieuw" / "journal.sqlite"
    with Journal(path) as j:
        j.add(j.local_trainee().id, template="bijeenkomst", answers={"x": "y"})
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    for side in path.parent.glob("journal.sqlite-*"):  # -wal / -shm, when present, follow the file
        assert stat.S_IMODE(side.stat().st_mode) & 0o077 == 0, side


def test_location_option_environment_and_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(JOURNAL_ENV, str(tmp_path / "env.sqlite"))
    assert journal_url() == f"sqlite:///{tmp_path / 'env.sqlite'}"
    assert journal_url(tmp_path / "opt.sqlite") == f"sqlite:///{tmp_path / 'opt.sqlite'}"
    monkeypatch.delenv(JOURNAL_ENV)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert journal_url() == f"sqlite:///{tmp_path / 'xdg' / 'intervisie-kit' / 'journal.sqlite'}"


def test_a_journal_inside_the_repository_is_refused() -> None:
    repo = Path(__file__).resolve().parents[1]
    with pytest.raises(JournalError, match="niet in de map van de kit"):
        Journal(repo / "notebooks" / "journal.sqlite")
    assert not (repo / "notebooks" / "journal.sqlite").exists()


# -- migrations ----------------------------------------------------------------------------------------


def test_head_constant_matches_the_newest_migration() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from intervisie_kit.journal.store import MIGRATIONS

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    assert ScriptDirectory.from_config(config).get_heads() == [HEAD]


def test_a_journal_from_kit_0_1_opens_and_upgrades(tmp_path: Path) -> None:
    old = tmp_path / "journal.sqlite"
    shutil.copy(DATA / "journal_v1.sqlite", old)
    with sqlite3.connect(old) as raw:
        assert raw.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    with Journal(old) as j:
        assert j.schema_version() == HEAD
        noor = j.local_trainee()
        assert noor.name == "Noor"
        first, second = j.entries(noor.id)
        assert first.title == "Eerste bijeenkomst" and first.share is Share.SUPERVISOR
        assert second.share is Share.PRIVATE and second.answers["volgende-keer"] == "Wat-vragen"
        assert first.updated == first.created and first.context_kind is Context.MEETING
        j.add(noor.id, template="bijeenkomst", answers={"vorige-stap": "Lukte half"})  # and it is writable
    with sqlite3.connect(old) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone() == ("ok",)


# -- many writers, and a crash -------------------------------------------------------------------------

WRITER = """
import sys
from intervisie_kit.journal import Journal
path, trainee, worker, count = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
with Journal(path) as j:
    for i in range(count):
        j.add(trainee, template="bijeenkomst", answers={"w": worker, "i": i, "t": "x" * 500})
        print(i, flush=True)
"""


def test_eight_processes_writing_200_entries_each_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite"
    with Journal(path) as j:
        trainee = j.local_trainee().id
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), trainee, str(w), "200"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for w in range(8)
    ]
    for p in procs:
        _, err = p.communicate(timeout=300)
        assert p.returncode == 0, err.decode()
    with Journal(path) as j:
        rows = j.entries(trainee)
    assert len(rows) == 1600
    assert {(e.answers["w"], e.answers["i"]) for e in rows} == {(w, i) for w in range(8) for i in range(200)}


def test_a_writer_killed_mid_write_leaves_the_store_consistent(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite"
    with Journal(path) as j:
        trainee = j.local_trainee().id
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), trainee, "0", "100000"], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    confirmed = -1
    for line in proc.stdout:  # wait until it is busy writing, then kill it without warning
        confirmed = int(line)
        if confirmed >= 150:
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    proc.stdout.close()
    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    with Journal(path) as j:
        numbers = sorted(e.answers["i"] for e in j.entries(trainee))
    # Every confirmed entry is there, whole; at most the one in flight may also have landed.
    assert numbers == list(range(len(numbers)))
    assert confirmed + 1 <= len(numbers) <= confirmed + 2


# -- privacy check -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "found"),
    [
        ("Mail me op j.de.vries@zorggroep.nl als het kan.", Kind.EMAIL, "j.de.vries@zorggroep.nl"),
        ("Haar nummer is 06-12345678.", Kind.PHONE, "06-12345678"),
        ("Bel 06 1234 5678 na vijven.", Kind.PHONE, "06 1234 5678"),
        ("Het vaste nummer: 020-1234567.", Kind.PHONE, "020-1234567"),
        ("Of +31 6 12345678.", Kind.PHONE, "+31 6 12345678"),
        ("Zijn BSN is 111222333, staat in het dossier.", Kind.BSN, "111222333"),
        ("Cliënt is geboren op 12-03-1948 in Zwolle.", Kind.BIRTHDATE, "12-03-1948"),
        ("Geboortedatum 3 maart 1951.", Kind.BIRTHDATE, "3 maart 1951"),
        ("Ik sprak mevrouw Jansen over haar zoon.", Kind.NAME, "Jansen"),
        ("Toen zei Pieter van Dam dat hij wilde stoppen.", Kind.NAME, "Pieter van Dam"),
        ("Ik vroeg aan collega Fatima hoe zij dat zag.", Kind.NAME, "Fatima"),
    ],
)
def test_privacy_check_finds_what_identifies_people(text: str, kind: Kind, found: str) -> None:
    assert (kind, found) in {(f.kind, f.text) for f in find_identifying(text)}


@pytest.mark.parametrize(
    "text",
    [
        "Ik vond het lastig om open vragen te stellen.",
        "Op maandag 12 maart was de tweede bijeenkomst.",  # a meeting date is not a birth date
        "We werkten met de Balintmethode. Wat ik leerde: minder waarom-vragen.",
        "Het dossier telt 123456789 tekens.",  # nine digits that fail the elfproef
        "De bijeenkomst duurde 120 minuten en we waren met 6 mensen.",
    ],
)
def test_privacy_check_leaves_ordinary_reflection_text_alone(text: str) -> None:
    assert find_identifying(text) == []


def test_case_character_names_are_found_also_at_the_start_of_a_sentence() -> None:
    findings = find_identifying("Ruben voelde zich overvallen. Ik snap Ruben wel.", names=["Ruben Hoekstra"])
    assert [f.text for f in findings] == ["Ruben", "Ruben"]


def test_pseudonyms_are_consistent_across_texts() -> None:
    texts = ["Mevrouw Jansen belde 06-12345678.", "Later kwam Jansen terug met Kees.", "Kees lachte."]
    new, mapping = pseudonymise(texts)
    assert new == [
        "Mevrouw Persoon A belde [telefoonnummer].",
        "Later kwam Persoon A terug met Persoon B.",
        "Persoon B lachte.",
    ]
    assert mapping == {"Jansen": "Persoon A", "Kees": "Persoon B"}


# -- reports and progress ------------------------------------------------------------------------------


def _practice(journal: Journal, trainee: str, figures: list[tuple[int, int, int]]) -> None:
    for opened, suggestive, advice in figures:
        journal.add(
            trainee,
            template="oefenronde",
            answers={"summary": "ronde"},
            context="practice",
            figures={"case": "c", "turns": 10, "open": opened, "counts": {"suggestive": suggestive, "advice": advice}},
        )


def test_progress_over_time(journal: Journal) -> None:
    me = journal.local_trainee().id
    _practice(journal, me, [(3, 4, 3), (5, 3, 1), (8, 1, 0)])
    journal.add(me, template="oefenset", answers={}, context="exercise", figures={"set": "a", "right": 3, "total": 5})
    journal.add(me, template="oefenset", answers={}, context="exercise", figures={"set": "a", "right": 5, "total": 5})
    frame = practice_frame(journal.entries(me))
    assert list(frame["open_share"]) == [0.3, 0.5, 0.8]
    assert list(frame["suggestive"]) == [4, 3, 1] and list(frame["advice"]) == [3, 1, 0]
    summary = progress(journal.entries(me))
    assert (summary.rounds, summary.exercises_done, summary.exercise_sets) == (3, 2, 1)
    assert "30% → 80%" in summary.lines("nl")[0]
    png = progress_chart(frame)
    assert png is not None and png.startswith(b"\x89PNG")


def test_an_export_holds_only_the_shared_entries(journal: Journal) -> None:
    me = journal.rename(journal.local_trainee().id, "Noor").id
    journal.add(
        me, template="bijeenkomst", answers={"wat-gebeurde": "GEDEELD-1"}, context_label="B3", share="supervisor"
    )
    journal.add(me, template="bijeenkomst", answers={"wat-gebeurde": "PRIVE-1"}, context_label="B3")
    journal.add(
        me,
        template="bijeenkomst",
        answers={"wat-gebeurde": "ANDERE-BIJEENKOMST"},
        context_label="B4",
        share="supervisor",
    )
    _practice(journal, me, [(4, 2, 1)])
    shared = journal.entries(me, shared_only=True)
    report = build_report(
        "verslag", journal.trainee(me), shared, TEMPLATES, all_entries=journal.entries(me), label="B3"
    )
    pdf_text = _pdf_text(report_pdf(report))
    for document in (report_markdown(report), report_html(report), pdf_text):
        assert "GEDEELD-1" in document
        assert "PRIVE-1" not in document and "ANDERE-BIJEENKOMST" not in document
    final = build_report("eindevaluatie", journal.trainee(me), shared, TEMPLATES, all_entries=journal.entries(me))
    assert "ANDERE-BIJEENKOMST" in report_markdown(final) and "PRIVE-1" not in report_markdown(final)
    with pytest.raises(JournalError):
        build_report("verslag", journal.trainee(me), journal.entries(me), TEMPLATES)


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_trainee_text_is_text_in_every_format(tmp_path: Path) -> None:
    with Journal(tmp_path / "j.sqlite") as j:
        me = j.rename(j.local_trainee().id, HOSTILE).id
        j.add(me, template="bijeenkomst", answers={"wat-gebeurde": HOSTILE}, title=HOSTILE, share="supervisor")
        report = build_report("eindevaluatie", j.trainee(me), j.entries(me), TEMPLATES)
    page = report_html(report)
    assert "<script>" not in page and "<img" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    markdown = report_markdown(report)
    assert "<script>" not in markdown and "\\<script\\>" in markdown
    import markdown_it

    rendered = markdown_it.MarkdownIt("commonmark").render(markdown)  # what a Markdown viewer would show
    assert "<script>" not in rendered and "&lt;script&gt;" in rendered
    assert "<script>alert('x')</script>" in _pdf_text(report_pdf(report)).replace("\n", "")


def test_the_pdf_opens_and_contains_the_text(tmp_path: Path) -> None:
    with Journal(tmp_path / "j.sqlite") as j:
        me = j.rename(j.local_trainee().id, "Noor").id
        j.add(me, template="zonder-schrijven", answers={"veiligheid": 4, "kaart": "lamp"}, share="supervisor")
        _practice(j, me, [(4, 2, 1), (7, 1, 0)])
        report = build_report(
            "eindevaluatie", j.trainee(me), j.entries(me, shared_only=True), TEMPLATES, all_entries=j.entries(me)
        )
    data = report_pdf(report)
    assert data.startswith(b"%PDF")
    text = _pdf_text(data)
    for expected in ("Eindevaluatie", "Noor", "Hoe veilig voelde de groep?", "4 / 5", "De lamp", "Oefenrondes: 2"):
        assert expected in text
    from pypdf import PdfReader

    assert any(page.images for page in PdfReader(io.BytesIO(data)).pages)  # the chart


def test_reflection_templates_cover_the_issue() -> None:
    assert {"bijeenkomst", "alact", "starrt", "gibbs", "zonder-schrijven", "eindevaluatie"} <= set(TEMPLATES)
    meeting = {f.id: f for f in TEMPLATES["bijeenkomst"].fields}
    assert meeting["vorige-stap"].follows_up == "volgende-keer"
    kinds = {f.kind.value for f in TEMPLATES["zonder-schrijven"].fields}
    assert {"scale", "choice"} <= kinds and not TEMPLATES["zonder-schrijven"].writing


def test_importing_the_kit_does_not_load_the_journal() -> None:
    code = "import sys, intervisie_kit; print('sqlalchemy' in sys.modules, 'pandas' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


def test_serve_refuses_a_journal_inside_the_kit() -> None:
    repo = Path(__file__).resolve().parents[1]
    result = subprocess.run(
        [sys.executable, "-m", "intervisie_kit.cli", "serve", "--journal", str(repo / "journal.sqlite")],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "INTERVISIE_KIT_LANG": "nl"},
    )
    assert result.returncode == 2 and "niet in de map van de kit" in result.stderr
    assert not (repo / "journal.sqlite").exists()
