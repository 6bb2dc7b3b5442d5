"""One PostgreSQL journal for a hub: every hub user's own role reaches only that user's rows (docs/hub.md).

Against a real PostgreSQL (``INTERVISIE_KIT_TEST_POSTGRES``, a superuser URL; skipped without it, failing
in CI). The module makes its own database, owned by a role that is no superuser but may create roles (as
an institute's hub database would be), and drops the database and every role of its namespace afterwards.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from intervisie_kit.hub.database import (
    USER_CONNECTION_LIMIT,
    HubDatabase,
    namespace,
    role_name,
)
from intervisie_kit.journal import Journal, JournalError, Share
from intervisie_kit.journal.store import HEAD, NOT_SET_UP
from intervisie_kit.ui import journal as journal_page
from intervisie_kit.ui import shell

from .hubtest import drop_database, postgres_server

HOSTILE_USER = "x'; DROP TABLE trainees; --\"ë"


def _new_database(server: str) -> tuple[str, str]:
    """A new database owned by a new CREATEROLE (not superuser) role of its namespace: (name, owner URL)."""
    name = f"ik_hub_{uuid.uuid4().hex[:12]}"
    owner, password = f"{namespace(name)}_owner", uuid.uuid4().hex
    admin = sa.create_engine(server, isolation_level="AUTOCOMMIT", poolclass=sa.pool.NullPool)
    with admin.connect() as conn:
        conn.exec_driver_sql(f"CREATE ROLE {owner} LOGIN CREATEROLE PASSWORD '{password}'")
        conn.exec_driver_sql(f"CREATE DATABASE {name} OWNER {owner}")
    admin.dispose()
    url = sa.make_url(server).set(database=name, username=owner, password=password)
    return name, url.render_as_string(hide_password=False)


class Hub:
    """The module's database: the owner's HubDatabase, two hub users A and B with rows, and helpers."""

    def __init__(self, server: str, name: str, owner_url: str):
        self.server, self.name, self.owner_url = server, name, owner_url
        self.db = HubDatabase(owner_url)
        self.db.prepare()
        self.a_url = self.db.user_url("anna", display_name="Anna")
        self.b_url = self.db.user_url("bram", display_name="Bram")
        with Journal(owner_url) as j:  # the owner (hub, services) reaches everything
            self.a = j.hub_trainee("anna")
            self.b = j.hub_trainee("bram")
            self.a_private = j.add(self.a.id, template="bijeenkomst", answers={"x": "A-PRIVE"}).id
            self.a_shared = j.add(self.a.id, template="bijeenkomst", answers={"x": "A-GEDEELD"}, share="supervisor").id
            self.b_private = j.add(self.b.id, template="bijeenkomst", answers={"x": "B-PRIVE"}).id
            self.b_shared = j.add(self.b.id, template="bijeenkomst", answers={"x": "B-GEDEELD"}, share="supervisor").id

    def run(self, url: str, statement: str, **params: Any) -> sa.CursorResult[Any]:
        """One statement in its own transaction as the role of ``url``; the result, fetched."""
        engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
        try:
            with engine.begin() as conn:
                result = conn.execute(sa.text(statement), params)
                rows = result.all() if result.returns_rows else None
                return rows if rows is not None else result.rowcount  # type: ignore[return-value]
        finally:
            engine.dispose()

    def owner(self, statement: str, **params: Any) -> Any:
        return self.run(self.owner_url, statement, **params)


@pytest.fixture(scope="module")
def hub() -> Iterator[Hub]:
    server = postgres_server()
    name, owner_url = _new_database(server)
    try:
        made = Hub(server, name, owner_url)
        yield made
        made.db.close()
    finally:
        drop_database(server, name)


def _refused(hub: Hub, url: str, statement: str, **params: Any) -> None:
    """The statement fails with insufficient_privilege (42501): no grant, or a row-level security check."""
    with pytest.raises(sa.exc.ProgrammingError) as caught:
        hub.run(url, statement, **params)
    assert getattr(caught.value.orig, "sqlstate", None) == "42501", caught.value


# -- names -------------------------------------------------------------------------------------------------


def test_role_names_are_hashes_in_the_database_namespace() -> None:
    role = role_name("ik_hub_x", HOSTILE_USER)
    assert role.startswith(namespace("ik_hub_x") + "_u_") and len(role) == len("ik_abcdef_u_") + 20
    assert role.replace("_", "").isalnum() and role == role_name("ik_hub_x", HOSTILE_USER)
    assert role != role_name("ik_hub_y", HOSTILE_USER)  # another database, another role


# -- one user's role -----------------------------------------------------------------------------------


def test_a_user_sees_only_their_own_trainee_and_entries(hub: Hub) -> None:
    assert hub.run(hub.a_url, "SELECT id, hub_user FROM trainees") == [(hub.a.id, "anna")]
    seen = hub.run(hub.a_url, "SELECT id FROM entries ORDER BY id")
    assert [r[0] for r in seen] == [hub.a_private, hub.a_shared]
    with Journal(hub.a_url) as j:
        assert j.hub_trainee("anna").id == hub.a.id
        with pytest.raises(JournalError, match="nog niet ingericht"):
            j.hub_trainee("bram")  # exists, but not for A
        assert j.entries(hub.b.id) == []
        assert [e.id for e in j.entries(hub.a.id)] == [hub.a_private, hub.a_shared]


def test_another_users_ids_select_update_and_delete_nothing(hub: Hub) -> None:
    b_entry, b_id = hub.b_shared, hub.b.id
    assert hub.run(hub.a_url, "SELECT * FROM entries WHERE id = :e", e=b_entry) == []
    assert hub.run(hub.a_url, "SELECT * FROM trainees WHERE id = :t", t=b_id) == []
    assert hub.run(hub.a_url, "UPDATE entries SET title = 'weg' WHERE id = :e RETURNING id", e=b_entry) == []
    assert hub.run(hub.a_url, "UPDATE entries SET title = 'weg' WHERE trainee_id = :t", t=b_id) == 0
    assert hub.run(hub.a_url, "DELETE FROM entries WHERE id = :e RETURNING id", e=b_entry) == []
    assert hub.run(hub.a_url, "DELETE FROM entries WHERE trainee_id = :t", t=b_id) == 0
    assert hub.run(hub.a_url, "UPDATE trainees SET name = 'weg' WHERE id = :t", t=b_id) == 0
    with Journal(hub.a_url) as j:
        for attempt in (
            lambda: j.get(b_id, b_entry),
            lambda: j.get(hub.a.id, b_entry),
            lambda: j.update(b_id, b_entry, answers={"x": "overschreven"}),
            lambda: j.set_share(b_id, b_entry, "private"),
            lambda: j.delete(b_id, b_entry),
            lambda: j.trainee(b_id),
        ):
            with pytest.raises(JournalError):
                attempt()
    rows = hub.owner("SELECT title, answers->>'x', share FROM entries WHERE trainee_id = :t ORDER BY id", t=b_id)
    assert rows == [("", "B-PRIVE", "private"), ("", "B-GEDEELD", "supervisor")]
    assert hub.owner("SELECT name FROM trainees WHERE id = :t", t=b_id) == [("Bram",)]


def test_an_entry_for_another_trainee_is_refused(hub: Hub) -> None:
    insert = (
        "INSERT INTO entries (trainee_id, created, updated, template, context_kind, context_label, title, "
        "answers, share) VALUES (:t, now(), now(), 'bijeenkomst', 'meeting', '', 'ingeschoven', '{}', 'private')"
    )
    _refused(hub, hub.a_url, insert, t=hub.b.id)  # new row violates row-level security policy
    _refused(hub, hub.a_url, "UPDATE entries SET trainee_id = :b WHERE id = :e", b=hub.b.id, e=hub.a_private)
    with Journal(hub.a_url) as j, pytest.raises(JournalError, match="bestaat niet"):
        j.add(hub.b.id, template="bijeenkomst", answers={"x": "ingeschoven"})
    assert hub.owner("SELECT count(*) FROM entries WHERE title = 'ingeschoven' OR answers->>'x' = 'ingeschoven'") == [
        (0,)
    ]
    assert hub.owner("SELECT trainee_id FROM entries WHERE id = :e", e=hub.a_private) == [(hub.a.id,)]


def test_a_user_cannot_change_who_they_are_nor_make_or_remove_trainees(hub: Hub) -> None:
    role_b = hub.db.role_name("bram")
    _refused(hub, hub.a_url, "UPDATE trainees SET db_role = :r", r=role_b)
    _refused(hub, hub.a_url, "UPDATE trainees SET hub_user = 'bram2'")
    _refused(hub, hub.a_url, "INSERT INTO trainees (id, name, created, db_role) VALUES ('x', 'x', now(), current_user)")
    _refused(hub, hub.a_url, "DELETE FROM trainees")
    _refused(hub, hub.a_url, "SELECT * FROM workshops")  # the workshop tables: the owner's only
    _refused(hub, hub.a_url, "SELECT * FROM workshop_participants")
    with Journal(hub.a_url) as j:  # the name is the user's own to change
        assert j.rename(hub.a.id, "Anna K.").name == "Anna K."
        j.rename(hub.a.id, "Anna")
    assert hub.owner("SELECT hub_user, db_role FROM trainees WHERE id = :t", t=hub.a.id) == [
        ("anna", hub.db.role_name("anna"))
    ]


def test_a_role_logs_in_only_with_its_own_newest_password(hub: Hub) -> None:
    a, b = sa.make_url(hub.a_url), sa.make_url(hub.b_url)
    with_b_password = a.set(password=b.password).render_as_string(hide_password=False)
    with pytest.raises(sa.exc.OperationalError, match="password authentication failed"):
        hub.run(with_b_password, "SELECT 1")
    fresh = hub.db.user_url("anna")
    with pytest.raises(sa.exc.OperationalError, match="password authentication failed"):
        hub.run(hub.a_url, "SELECT 1")  # the password of the previous spawn
    assert hub.run(fresh, "SELECT current_user") == [(hub.db.role_name("anna"),)]
    limits = hub.owner("SELECT rolconnlimit, rolcreaterole, rolsuper FROM pg_roles WHERE rolname = current_user")
    assert hub.run(
        fresh, "SELECT rolconnlimit, rolcreaterole, rolsuper FROM pg_roles WHERE rolname = current_user"
    ) == [(USER_CONNECTION_LIMIT, False, False)] and limits == [(-1, True, False)]
    hub.a_url = fresh  # the module's other tests go on with the valid one
    # The same row: a new spawn neither makes a second trainee nor overwrites the name the user chose.
    assert hub.owner("SELECT count(*), min(name) FROM trainees WHERE hub_user = 'anna'") == [(1, "Anna")]


# -- the trainers' reader role ---------------------------------------------------------------------------


def test_the_reader_sees_every_trainee_and_only_shared_entries_and_writes_nothing(hub: Hub) -> None:
    reader = hub.db.reader_url()
    assert sorted(r[0] for r in hub.run(reader, "SELECT hub_user FROM trainees")) == ["anna", "bram"]
    shared = hub.run(reader, "SELECT id, share FROM entries ORDER BY id")
    assert shared == [(hub.a_shared, "supervisor"), (hub.b_shared, "supervisor")]
    assert hub.run(reader, "SELECT * FROM entries WHERE id IN (:a, :b)", a=hub.a_private, b=hub.b_private) == []
    with Journal(reader) as j:  # the store's own reads, as the trainer service would use them
        assert [e.id for e in j.entries(hub.a.id)] == [hub.a_shared]
        assert all(e.share is Share.SUPERVISOR for e in j.entries(hub.b.id))
    _refused(hub, reader, "UPDATE entries SET title = 'x'")
    _refused(hub, reader, "DELETE FROM entries")
    _refused(hub, reader, "UPDATE trainees SET name = 'x'")
    _refused(hub, reader, "INSERT INTO trainees (id, name, created) VALUES ('r', 'r', now())")
    _refused(hub, reader, "SELECT * FROM workshops")


# -- preparing and erasing -------------------------------------------------------------------------------


def test_prepare_twice_and_at_once_in_two_threads() -> None:
    server = postgres_server()
    name, owner_url = _new_database(server)
    try:
        start = threading.Barrier(2)
        errors: list[BaseException] = []

        def prepare() -> None:
            try:
                with HubDatabase(owner_url) as db:
                    start.wait()
                    db.prepare()
                    start.wait()
                    db.user_url("same-user")  # and the same user's spawn, at once
            except BaseException as exc:  # reported below
                errors.append(exc)

        threads = [threading.Thread(target=prepare) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        assert not errors, errors
        with HubDatabase(owner_url) as db:
            db.prepare()  # and once more, later
            url = db.user_url("same-user")
        with Journal(url) as j:
            assert j.schema_version() == HEAD
            assert j.hub_trainee("same-user").id
        engine = sa.create_engine(owner_url, poolclass=sa.pool.NullPool)
        with engine.connect() as conn:
            policies = conn.exec_driver_sql("SELECT count(*) FROM pg_policies").scalar()
            rows = conn.exec_driver_sql("SELECT count(*) FROM trainees").scalar()
        engine.dispose()
        assert (policies, rows) == (4, 1)
    finally:
        drop_database(server, name)


def test_erase_user_removes_rows_and_role(hub: Hub) -> None:
    url = hub.db.user_url(HOSTILE_USER, display_name="<b>Weg</b>\x00\n" + "n" * 500)
    role = hub.db.role_name(HOSTILE_USER)
    with Journal(url) as j:
        me = j.hub_trainee(HOSTILE_USER)
        assert me.name == "<b>Weg</b>" + "n" * (200 - len("<b>Weg</b>"))  # as text, cut to MAX_NAME
        j.add(me.id, template="bijeenkomst", answers={"x": "1"})
        j.add(me.id, template="bijeenkomst", answers={"x": "2"}, share="supervisor")
    assert hub.db.erase_user(HOSTILE_USER) == 2
    assert hub.owner("SELECT count(*) FROM trainees WHERE hub_user = :u", u=HOSTILE_USER) == [(0,)]
    assert hub.owner("SELECT count(*) FROM entries WHERE trainee_id = :t", t=me.id) == [(0,)]
    assert hub.owner("SELECT count(*) FROM pg_roles WHERE rolname = :r", r=role) == [(0,)]
    with pytest.raises(sa.exc.OperationalError):
        hub.run(url, "SELECT 1")
    assert hub.db.erase_user(HOSTILE_USER) == 0  # twice is fine
    assert hub.owner("SELECT count(*) FROM trainees") == [(2,)]  # A and B untouched


def test_the_host_for_single_user_servers_can_be_overridden(hub: Hub, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INTERVISIE_KIT_HUB_DB_HOST", "journal-db.hub.svc:6543")
    url = sa.make_url(hub.db.reader_url("host-test"))
    assert (url.host, url.port, url.database) == ("journal-db.hub.svc", 6543, hub.name)
    monkeypatch.setenv("INTERVISIE_KIT_HUB_DB_HOST", "pods-db")
    url = sa.make_url(hub.db.reader_url("host-test"))
    assert (url.host, url.port) == ("pods-db", sa.make_url(hub.owner_url).port)


def test_bad_names_are_refused_before_any_sql(hub: Hub) -> None:
    for bad in ("", " ", "a" * 201, "a\nb", None):
        with pytest.raises(ValueError):
            hub.db.user_url(bad)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        hub.db.user_url("anna", origin="local")
    for other in ("sqlite:///x.sqlite", "postgresql+psycopg2://u@h/db", "postgresql+psycopg://u@h"):
        with pytest.raises(JournalError, match="PostgreSQL"):
            HubDatabase(other)
    with HubDatabase("postgresql://u@h/db") as plain:  # SQLAlchemy would pick psycopg2; the hub uses psycopg 3
        assert plain.url.drivername == "postgresql+psycopg"


# -- page 06 as a hub user ------------------------------------------------------------------------------


def _as_user(monkeypatch: pytest.MonkeyPatch, user: str | None, url: str) -> None:
    monkeypatch.setenv("INTERVISIE_KIT_HUB", "1")
    if user is None:
        monkeypatch.delenv("JUPYTERHUB_USER", raising=False)
    else:
        monkeypatch.setenv("JUPYTERHUB_USER", user)
    monkeypatch.setenv("INTERVISIE_KIT_JOURNAL", url)


def _page() -> Any:
    box = journal_page.reflection(shell.PageState.create(lang="nl"))
    return box.children[0]


def _write(view: Any, text: str, *, shared: bool) -> None:
    editor = view.editor
    editor.inputs["wat-gebeurde"].value = text
    editor.shared.value = shared
    assert editor.submit() is not None, editor.status.value


def test_page_06_as_hub_users(hub: Hub, monkeypatch: pytest.MonkeyPatch) -> None:
    url_c, url_d = hub.db.user_url("carla"), hub.db.user_url("daan")
    _as_user(monkeypatch, "carla", url_c)
    view = _page()
    try:
        intro = view.children[0].value
        assert "database van de hub" in intro and hub.name not in intro and "ik_" not in intro
        _write(view, "Privé van Carla", shared=False)
        _write(view, "Gedeeld van Carla", shared=True)
        assert view.browser.list.options[0][0].endswith("gedeeld")
    finally:
        view.editor.page.journal.close()
    stored = hub.owner(
        "SELECT t.hub_user, e.answers->>'wat-gebeurde', e.share FROM entries e JOIN trainees t ON t.id = e.trainee_id "
        "WHERE t.hub_user IN ('carla', 'daan') ORDER BY e.id"
    )
    assert stored == [("carla", "Privé van Carla", "private"), ("carla", "Gedeeld van Carla", "supervisor")]
    _as_user(monkeypatch, "daan", url_d)
    view = _page()
    try:
        assert view.browser.list.options == () and "nog geen reflecties" in view.browser.detail.value
        assert view.editor.page.entries() == []
    finally:
        view.editor.page.journal.close()
    # Naming another user while holding one's own role gives nothing: the role decides, not the name.
    _as_user(monkeypatch, "carla", url_d)
    box = journal_page.reflection(shell.PageState.create(lang="nl"))
    assert "nog niet ingericht" in box.children[0].value


def test_page_06_erase_on_a_hub_empties_the_users_journal(hub: Hub, monkeypatch: pytest.MonkeyPatch) -> None:
    url = hub.db.user_url("erik", display_name="Erik")
    _as_user(monkeypatch, "erik", url)
    view = _page()
    try:
        _write(view, "Weg ermee", shared=True)
        assert "op de hub" in view.data.children[2].value
        view.data.agree.value = True
        view.data.erase.click()
        assert "Gewist: 1 reflectie(s), waarvan 1 gedeeld" in view.data.result.value
    finally:
        view.editor.page.journal.close()
    assert hub.owner("SELECT name, db_role IS NOT NULL FROM trainees WHERE hub_user = 'erik'") == [("", True)]
    assert hub.owner(
        "SELECT count(*) FROM entries e JOIN trainees t ON t.id = e.trainee_id WHERE t.hub_user = 'erik'"
    ) == [(0,)]


def test_hub_mode_without_a_hub_user_is_a_clear_error(hub: Hub, monkeypatch: pytest.MonkeyPatch) -> None:
    _as_user(monkeypatch, None, hub.a_url)
    box = journal_page.reflection(shell.PageState.create(lang="en"))
    assert "JUPYTERHUB_USER is missing" in box.children[0].value
    with Journal(hub.a_url) as j, pytest.raises(JournalError) as caught:
        j.local_trainee()  # never on a hub: it would make a row
    assert caught.value is NOT_SET_UP


# -- SQLite ----------------------------------------------------------------------------------------------


def test_a_sqlite_journal_at_0003_migrates_to_0004(tmp_path: Path) -> None:
    from alembic import command
    from alembic.config import Config

    from intervisie_kit.journal.store import MIGRATIONS

    path = tmp_path / "journal.sqlite"
    engine = sa.create_engine(f"sqlite:///{path}", poolclass=sa.pool.NullPool)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0003")
        conn.exec_driver_sql("INSERT INTO trainees (id, name, created) VALUES ('t1', 'Noor', '2026-01-01 10:00:00')")
    engine.dispose()
    with Journal(path) as j:
        assert j.schema_version() == HEAD == "0004"
        noor = j.local_trainee()
        assert (noor.id, noor.name, noor.origin) == ("t1", "Noor", "local")
        j.add(noor.id, template="bijeenkomst", answers={"x": "y"})
        inspector = sa.inspect(j.engine)
        assert {"hub_user", "db_role"} <= {c["name"] for c in inspector.get_columns("trainees")}
        assert any(i["unique"] and i["column_names"] == ["hub_user"] for i in inspector.get_indexes("trainees"))
        with pytest.raises(JournalError):
            j.hub_trainee("anna")


def test_identity_in_hub_mode_on_any_journal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from intervisie_kit.journal.store import trainees
    from intervisie_kit.workshop import identity

    path = tmp_path / "journal.sqlite"
    with Journal(path) as j:
        local = j.local_trainee()  # a laptop trainee exists too: the hub never serves it
        with j.engine.begin() as conn:
            conn.execute(
                trainees.insert().values(id="h1", name="Hanna", created=local.created, origin="hub", hub_user="hanna")
            )
        assert j.local_trainee().id == local.id  # and the laptop never picks a hub user's row
        _as_user(monkeypatch, "hanna", str(path))
        assert identity.current_trainee(j) == "h1"
        assert identity.serves_trainer(j) is False
        with pytest.raises(JournalError) as caught:
            j.local_trainee()
        assert caught.value is NOT_SET_UP
        _as_user(monkeypatch, "henk", str(path))
        with pytest.raises(JournalError, match="nog niet ingericht"):
            identity.current_trainee(j)
        _as_user(monkeypatch, None, str(path))
        with pytest.raises(JournalError, match="JUPYTERHUB_USER ontbreekt"):
            identity.current_trainee(j)
        monkeypatch.delenv("INTERVISIE_KIT_HUB")
        assert identity.current_trainee(j) == local.id and identity.serves_trainer(j) is True
