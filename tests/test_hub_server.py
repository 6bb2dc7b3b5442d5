"""The single-user server of the hub (part B of ``docs/hub.md``) and the deployment files.

A plain ``jupyter server`` with the kit's extension stands in for ``jupyterhub-singleuser`` (which needs a
running hub; the end-to-end hub tests are in the other ``test_hub_*`` modules). It runs with the same
extension switches as ``intervisie-kit singleuser``, under the base URL a hub gives (``/user/<name>/``)
and with a token, so jupyter_server's own XSRF and authentication apply as they do on a hub.
"""

from __future__ import annotations

import asyncio
import http.client
import json
import os
import re
import secrets
import stat
import subprocess
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from traitlets.config import Config, PyFileConfigLoader

from intervisie_kit import cli
from intervisie_kit.hub import ADMIN_DB_ENV, DB_HOST_ENV, HUB_ENV, STARTDAG_SERVICE, TRAINER_SERVICE, spawner
from intervisie_kit.hub.extension import START_URL
from intervisie_kit.hub.hubconfig import CULLER_SERVICE, SINGLEUSER_CMD
from intervisie_kit.paths import notebooks_dir, share_dir

from .conftest import PAGE_TIMEOUT_MS, free_port, guard_page, wait_until

ROOT = Path(__file__).resolve().parents[1]
DEPLOY = ROOT / "deploy" / "jupyterhub"
BASE = "/user/alice/"
START_TIMEOUT = 60.0


@dataclass
class SingleUser:
    proc: subprocess.Popen
    port: int
    token: str
    runtime: Path
    log_path: Path

    def url(self, path: str = "") -> str:
        return f"http://127.0.0.1:{self.port}{BASE}{path}"

    def request(self, method: str, path: str, body: Any = None, *, token: bool = True) -> tuple[int, dict, bytes]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        headers = {"Authorization": f"token {self.token}"} if token else {}
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        try:
            conn.request(method, BASE + path, body=data, headers=headers)
            response = conn.getresponse()
            content = response.read()
            return response.status, dict(response.getheaders()), content
        finally:
            conn.close()

    def kernels(self) -> list[str]:
        status, _, body = self.request("GET", "api/kernels")
        assert status == 200, body[:300]
        return [k["id"] for k in json.loads(body)]

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")


def singleuser_args() -> list[str]:
    """The switches ``intervisie-kit singleuser`` gives jupyterhub-singleuser, for a plain jupyter server."""
    argv, _env = cli.singleuser_command([], {"JUPYTER_RUNTIME_DIR": "/unused"})
    return [a for a in argv[3:] if a.startswith("--ServerApp.")]


@pytest.fixture(scope="module")
def single_user(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SingleUser]:
    folder = tmp_path_factory.mktemp("singleuser")
    runtime = folder / "runtime"
    port, token = free_port(), secrets.token_hex(16)
    env = {k: v for k, v in os.environ.items() if k not in ("INTERVISIE_KIT_CONTENT", "JUPYTER_PATH")}
    env.update(JUPYTER_RUNTIME_DIR=str(runtime), JUPYTER_CONFIG_DIR=str(folder / "config"))
    log_path = folder / "server.log"
    args = [
        sys.executable,
        "-m",
        "jupyter_server",
        "--no-browser",
        f"--port={port}",
        "--ServerApp.ip=127.0.0.1",
        "--ServerApp.port_retries=0",
        f"--ServerApp.base_url={BASE}",
        f"--IdentityProvider.token={token}",
        *singleuser_args(),
    ]
    if os.geteuid() == 0:
        args.append("--allow-root")
    with log_path.open("w", encoding="utf-8") as log:
        proc = subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT, cwd=folder, env=env)
    server = SingleUser(proc, port, token, runtime, log_path)

    def ready() -> bool:
        if proc.poll() is not None:
            return True
        try:
            return server.request("GET", "api/status")[0] == 200
        except OSError:
            return False

    try:
        wait_until(ready, START_TIMEOUT, "the single-user server")
        assert proc.poll() is None, f"the server exited early:\n{server.log()[-3000:]}"
        yield server
    finally:
        proc.terminate()
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)
    serving = server.log().split("Handle signal", 1)[0]
    assert "Traceback" not in serving, serving[-4000:]
    assert "403 POST" not in serving, serving[-4000:]


def run_async(coroutine: Any) -> Any:
    """Run a coroutine in its own thread: Playwright's sync API keeps an event loop in the test thread."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def _shutdown_all(server: SingleUser) -> None:
    for kernel_id in server.kernels():
        assert server.request("DELETE", f"api/kernels/{kernel_id}")[0] == 204


# -- the extension in a jupyter server -----------------------------------------------------------------


def test_start_page_renders_with_the_kit_template_and_settings(single_user: SingleUser) -> None:
    status, headers, body = single_user.request("GET", START_URL)
    try:
        assert status == 200, body[:500]
        page = body.decode("utf-8")
        assert f"{BASE}voila/templates/intervisie/static/index.css" in page  # the kit's template, under the base URL
        assert "shell.PageState.create()" not in page  # strip_sources from the kit's voila.json
        # The page sets the xsrf cookie the shutdown beacon sends back, on the server's base URL.
        assert re.search(r"_xsrf=[^;]+;.*Path=/user/alice/", headers.get("Set-Cookie", "")), headers
        (kernel_id,) = single_user.kernels()
        connection = json.loads((single_user.runtime / f"kernel-{kernel_id}.json").read_text())
        assert connection["transport"] == "ipc"  # voila.json: KernelManager.transport
        assert "Culling kernels with idle durations > 900 seconds" in single_user.log()
    finally:
        _shutdown_all(single_user)


@pytest.mark.parametrize("path", ["", "voila", "voila/tree", "voila/tree/data", "tree", "tree/x"])
def test_listings_redirect_to_the_start_page(single_user: SingleUser, path: str) -> None:
    status, headers, _ = single_user.request("GET", path)
    assert status in (301, 302), status
    assert headers["Location"].partition("?")[0].endswith(f"{BASE}{START_URL}"), headers["Location"]


@pytest.mark.parametrize(
    "path", ["api/contents", "api/contents/00_start.ipynb", "voila/api/contents", "lab", "api/terminals"]
)
def test_no_listing_no_lab_no_terminal(single_user: SingleUser, path: str) -> None:
    status, _, _ = single_user.request("GET", path)
    assert status == 404


def test_pages_need_the_token(single_user: SingleUser) -> None:
    status, _, _ = single_user.request("GET", START_URL, token=False)
    assert status in (302, 403), status
    assert not single_user.kernels()


async def _channel_answers(server: SingleUser, kernel_id: str, messages: list[dict]) -> list[str]:
    """Send ``messages`` on the kernel's websocket; the types of what comes back until kernel_info_reply."""
    from tornado.httpclient import HTTPRequest
    from tornado.websocket import websocket_connect

    url = f"ws://127.0.0.1:{server.port}{BASE}api/kernels/{kernel_id}/channels"
    ws = await websocket_connect(HTTPRequest(url, headers={"Authorization": f"token {server.token}"}))
    try:
        for message in messages:
            await ws.write_message(json.dumps(message))
        seen: list[str] = []
        while "kernel_info_reply" not in seen:
            raw = await asyncio.wait_for(ws.read_message(), timeout=30)
            assert raw is not None, "the websocket closed"
            seen.append(json.loads(raw)["header"]["msg_type"])
        return seen
    finally:
        ws.close()


def _message(kind: str, content: dict) -> dict:
    header = {"msg_id": uuid.uuid4().hex, "msg_type": kind, "session": "s", "username": "u", "version": "5.3"}
    return {"header": header, "parent_header": {}, "metadata": {}, "content": content, "channel": "shell"}


def test_a_browser_can_send_its_kernel_only_widget_messages(single_user: SingleUser) -> None:
    status, _, body = single_user.request("POST", "api/kernels", {"name": "python3"})
    assert status == 201, body[:300]
    kernel_id = json.loads(body)["id"]
    try:
        code = {"code": "print('ran')", "silent": False, "store_history": False}
        # The kernel answers shell messages in order: a passed-on execute_request would be answered first.
        seen = run_async(
            _channel_answers(
                single_user, kernel_id, [_message("execute_request", code), _message("kernel_info_request", {})]
            )
        )
        assert "execute_reply" not in seen and "stream" not in seen, seen
        assert "Dropped a 'execute_request' message from the browser" in single_user.log()
    finally:
        _shutdown_all(single_user)


@pytest.mark.browser
def test_closing_the_page_frees_its_kernel(single_user: SingleUser, page) -> None:  # type: ignore[no-untyped-def]
    guard = guard_page(page)
    page.goto(single_user.url(START_URL) + f"?token={single_user.token}")
    page.locator(".ik-header").wait_for()
    page.locator(".ik-page").last.wait_for()
    assert len(single_user.kernels()) == 1
    with page.expect_event("close", timeout=PAGE_TIMEOUT_MS):
        page.close(run_before_unload=True)
    wait_until(lambda: not single_user.kernels(), 20, "the closed page's kernel to end")
    assert "403 POST" not in single_user.log()
    assert guard.external == [] and guard.page_errors == [], (guard.external, guard.page_errors)


# -- the command line ----------------------------------------------------------------------------------


def test_singleuser_command_runs_only_the_kit() -> None:
    argv, env = cli.singleuser_command(["--debug"], {"JUPYTER_PATH": "/elsewhere", "JUPYTER_RUNTIME_DIR": "/r"})
    assert argv[:3] == [sys.executable, "-m", "jupyterhub.singleuser"]
    assert argv[-1] == "--debug"  # the spawner's own arguments come last
    assert "--ServerApp.jpserver_extensions=intervisie_kit.hub.extension=True" in argv
    for off in ("voila", "voila.server_extension", "jupyterlab", "jupyter_server_terminals", "jupyter_lsp"):
        assert f"--ServerApp.jpserver_extensions={off}=False" in argv
    assert "--ServerApp.terminals_enabled=False" in argv
    assert f"--ServerApp.root_dir={notebooks_dir()}" in argv
    assert f"--ServerApp.default_url=/{START_URL}" in argv
    assert (notebooks_dir() / "00_start.ipynb").is_file()
    assert env["JUPYTER_PATH"].split(os.pathsep) == [str(share_dir() / "jupyter"), "/elsewhere"]
    assert env["JUPYTERHUB_ROOT_DIR"] == str(notebooks_dir())
    assert env[HUB_ENV] == "1"


def test_kernel_sockets_get_a_short_private_folder() -> None:
    """An IPC socket path holds 107 bytes: a long home folder (TLJH: /home/jupyter-<name>) must not count."""
    _argv, env = cli.singleuser_command([], {"HOME": "/home/jupyter-" + "a" * 60})
    runtime = Path(env["JUPYTER_RUNTIME_DIR"])
    try:
        assert runtime.is_dir() and len(str(runtime)) <= cli.MAX_RUNTIME_DIR
        assert stat.S_IMODE(runtime.stat().st_mode) == 0o700
        longest_socket = runtime / f"kernel-{'0' * 36}-ipc-9999"
        assert len(str(longest_socket).encode()) < 107
    finally:
        runtime.rmdir()
    # An administrator's own choice stays.
    assert cli.singleuser_command([], {"JUPYTER_RUNTIME_DIR": "/srv/rt"})[1]["JUPYTER_RUNTIME_DIR"] == "/srv/rt"


def test_hub_service_commands_run_the_services_main(monkeypatch: pytest.MonkeyPatch) -> None:
    import types

    calls: list[list[str]] = []
    fake = types.ModuleType("intervisie_kit.hub._fake_service")
    fake.main = lambda argv: calls.append(argv) or 0  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, fake.__name__, fake)
    monkeypatch.setitem(cli._HUB_SERVICES, "hub-trainer", fake.__name__)
    assert cli.main(["hub-trainer", "--port", "1", "--help"]) == 0
    assert calls == [["--port", "1", "--help"]]


def test_a_missing_hub_service_says_so(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    monkeypatch.setitem(cli._HUB_SERVICES, "hub-startdag", "intervisie_kit.hub._absent_for_this_test")
    monkeypatch.setenv("INTERVISIE_KIT_LANG", "en")
    assert cli.main(["hub-startdag"]) == 2
    assert "hub-startdag: this part (intervisie_kit.hub._absent_for_this_test) is not in this installation" in (
        capsys.readouterr().err
    )


# -- the pre-spawn hook ---------------------------------------------------------------------------------


class _FakeUser:
    def __init__(self, name: str, groups: tuple[str, ...] = ()) -> None:
        self.name = name
        self.groups = [type("G", (), {"name": g})() for g in groups]


class _FakeSpawner:
    def __init__(self, user: _FakeUser) -> None:
        import logging

        self.user = user
        self.environment: dict[str, str] = {"KEEP": "me"}
        self.log = logging.getLogger("fake-spawner")


class _FakeDatabase:
    def __init__(self, fail: bool = False) -> None:
        self.fail = fail
        self.prepared = 0
        self.calls: list[tuple[str, str]] = []

    def prepare(self) -> None:
        self.prepared += 1

    def user_url(self, hub_user: str, *, display_name: str | None = None, origin: str = "hub") -> str:
        if self.fail:
            raise RuntimeError("connection to db.internal:5432 failed for role ik_owner")
        self.calls.append((hub_user, origin))
        return "postgresql+psycopg://ik_abc_u_123:s3cret@db.internal:5432/intervisie"


@pytest.fixture
def fake_database(monkeypatch: pytest.MonkeyPatch) -> _FakeDatabase:
    database = _FakeDatabase()
    monkeypatch.setenv(ADMIN_DB_ENV, "postgresql+psycopg://owner:pw@db.internal/intervisie")
    monkeypatch.delenv(DB_HOST_ENV, raising=False)
    monkeypatch.setattr(spawner, "hub_database", lambda url: database)
    return database


def test_pre_spawn_hook_gives_the_server_its_own_role(fake_database: _FakeDatabase) -> None:
    target = _FakeSpawner(_FakeUser("alice"))
    run_async(spawner.pre_spawn_hook(target))
    assert fake_database.calls == [("alice", "hub")]
    assert target.environment == {
        "KEEP": "me",
        HUB_ENV: "1",
        spawner.JOURNAL_ENV: "postgresql+psycopg://ik_abc_u_123:s3cret@db.internal:5432/intervisie",
    }
    assert ADMIN_DB_ENV not in target.environment


def test_pre_spawn_hook_marks_startdag_participants(fake_database: _FakeDatabase) -> None:
    run_async(spawner.pre_spawn_hook(_FakeSpawner(_FakeUser("anna", groups=("cohort-2026", "startdag-42")))))
    run_async(spawner.pre_spawn_hook(_FakeSpawner(_FakeUser("startdag-x1"))))
    run_async(spawner.pre_spawn_hook(_FakeSpawner(_FakeUser("bram", groups=("cohort-2026",)))))
    assert fake_database.calls == [("anna", "startdag"), ("startdag-x1", "startdag"), ("bram", "hub")]


def test_pre_spawn_hook_failures_name_no_database_details(
    fake_database: _FakeDatabase, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_database.fail = True
    with pytest.raises(spawner.SpawnRefused) as refused:
        run_async(spawner.pre_spawn_hook(_FakeSpawner(_FakeUser("alice"))))
    assert "db.internal" not in str(refused.value) and "Je dagboek" in str(refused.value)
    monkeypatch.delenv(ADMIN_DB_ENV)
    with pytest.raises(spawner.SpawnRefused, match=ADMIN_DB_ENV):
        run_async(spawner.pre_spawn_hook(_FakeSpawner(_FakeUser("alice"))))


def test_hub_start_and_spawns_on_postgresql(monkeypatch: pytest.MonkeyPatch) -> None:
    """The real database: prepared at hub start; each spawn a new password for the user's own role."""
    import sqlalchemy as sa

    from intervisie_kit.hub.database import role_name

    from .hubtest import drop_database, postgres_server
    from .test_hub_database import _new_database

    server = postgres_server()
    name, owner = _new_database(server)
    monkeypatch.setenv(ADMIN_DB_ENV, owner)
    monkeypatch.delenv(DB_HOST_ENV, raising=False)

    def whoami(url: str) -> tuple[str, list[str]]:
        engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
        try:
            with engine.connect() as conn:
                user = conn.exec_driver_sql("SELECT current_user").scalar_one()
                rows = [r[0] for r in conn.exec_driver_sql("SELECT hub_user FROM trainees")]
                return user, rows
        finally:
            engine.dispose()

    try:
        assert spawner.prepare_database() is True  # what the hub configuration runs at start
        first, second = _FakeSpawner(_FakeUser("alice")), _FakeSpawner(_FakeUser("bob"))
        run_async(spawner.pre_spawn_hook(first))
        run_async(spawner.pre_spawn_hook(second))
        alice_url = first.environment[spawner.JOURNAL_ENV]
        assert sa.make_url(owner).password not in alice_url
        assert whoami(alice_url) == (role_name(name, "alice"), ["alice"])  # her role, only her row
        assert whoami(second.environment[spawner.JOURNAL_ENV]) == (role_name(name, "bob"), ["bob"])
        run_async(spawner.pre_spawn_hook(first))  # a restart: a new password, the old one is void
        assert first.environment[spawner.JOURNAL_ENV] != alice_url
        with pytest.raises(sa.exc.OperationalError):
            whoami(alice_url)
        assert whoami(first.environment[spawner.JOURNAL_ENV])[0] == role_name(name, "alice")
    finally:
        database = spawner._databases.pop(owner, None)
        if database is not None:
            database.close()
        drop_database(server, name)


# -- the deployment files -------------------------------------------------------------------------------


def _load_deploy_config(tmp_path: Path, overrides: str = "") -> Config:
    """Load the deploy config the way a test or site config does: ``load_subconfig`` and then overrides."""
    site = tmp_path / "site_config.py"
    site.write_text(
        f"c = get_config()\nload_subconfig({str(DEPLOY / 'jupyterhub_config.py')!r})\n{overrides}", encoding="utf-8"
    )
    return PyFileConfigLoader(site.name, path=str(tmp_path)).load_config()


@pytest.fixture
def hub_env(monkeypatch: pytest.MonkeyPatch) -> None:
    from intervisie_kit.hub import hubconfig

    monkeypatch.setattr(hubconfig, "_installed", lambda module: True)  # every part, merged or not yet
    for name in (
        ADMIN_DB_ENV,
        "INTERVISIE_KIT_TRAINER_GROUP",
        "INTERVISIE_KIT_LANG",
        "INTERVISIE_KIT_CULL_TIMEOUT",
        "INTERVISIE_KIT_CULLER",
    ):
        monkeypatch.delenv(name, raising=False)  # no database: loading the config must not reach one
    monkeypatch.setenv("INTERVISIE_KIT_TRAINER_PORT", "12101")
    monkeypatch.setenv("INTERVISIE_KIT_STARTDAG_PORT", "12102")


def test_deploy_config_loads_and_wires_the_kit(tmp_path: Path, hub_env: None, monkeypatch: pytest.MonkeyPatch) -> None:
    c = _load_deploy_config(tmp_path, 'c.JupyterHub.authenticator_class = "dummy"\n')
    assert c.Spawner.cmd == SINGLEUSER_CMD == ["intervisie-kit", "singleuser"]
    assert c.Spawner.default_url == f"/{START_URL}"
    assert c.Spawner.pre_spawn_hook is spawner.pre_spawn_hook
    assert c.JupyterHub.allow_named_servers is False
    assert c.JupyterHub.authenticator_class == "dummy"  # the site's choice stays
    services = {s["name"]: s for s in c.JupyterHub.services}
    assert set(services) == {TRAINER_SERVICE, STARTDAG_SERVICE, CULLER_SERVICE}
    assert services[TRAINER_SERVICE]["url"] == "http://127.0.0.1:12101"
    assert services[STARTDAG_SERVICE]["url"] == "http://127.0.0.1:12102"
    assert services[TRAINER_SERVICE]["command"][-1] == "hub-trainer"
    assert services[STARTDAG_SERVICE]["command"][-1] == "hub-startdag"
    assert services[CULLER_SERVICE]["command"][1:4] == ["-m", "jupyterhub_idle_culler", "--timeout=3600"]
    monkeypatch.setenv("INTERVISIE_KIT_CULLER", "0")  # a hub that culls by other means (the Z2JH chart)
    without = _load_deploy_config(tmp_path)
    assert CULLER_SERVICE not in {s["name"] for s in without.JupyterHub.services}
    assert f"{CULLER_SERVICE}-service" not in {r["name"] for r in without.JupyterHub.load_roles}
    roles = {r["name"]: r for r in c.JupyterHub.load_roles}
    assert roles["intervisie-trainers"]["groups"] == ["trainers"]
    assert f"access:services!service={TRAINER_SERVICE}" in roles["intervisie-trainers"]["scopes"]
    assert f"access:services!service={TRAINER_SERVICE}" not in roles["user"]["scopes"]
    assert roles[f"{CULLER_SERVICE}-service"]["scopes"] == [
        "list:users",
        "read:users:activity",
        "read:servers",
        "delete:servers",
    ]
    assert {"read:users:groups", "read:groups"} <= set(roles[f"{TRAINER_SERVICE}-service"]["scopes"])
    assert not any(s.startswith("admin:") for s in roles[f"{TRAINER_SERVICE}-service"]["scopes"])


def test_deploy_config_takes_its_settings_from_the_environment(
    tmp_path: Path, hub_env: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("INTERVISIE_KIT_TRAINER_GROUP", "opleiders")
    monkeypatch.setenv("INTERVISIE_KIT_CULL_TIMEOUT", "900")
    monkeypatch.setenv("INTERVISIE_KIT_LANG", "en")
    c = _load_deploy_config(tmp_path)
    roles = {r["name"]: r for r in c.JupyterHub.load_roles}
    assert roles["intervisie-trainers"]["groups"] == ["opleiders"]
    culler = next(s for s in c.JupyterHub.services if s["name"] == CULLER_SERVICE)
    assert "--timeout=900" in culler["command"]
    assert c.Spawner.environment["INTERVISIE_KIT_LANG"] == "en"
    trainer = next(s for s in c.JupyterHub.services if s["name"] == TRAINER_SERVICE)
    assert trainer["environment"]["INTERVISIE_KIT_TRAINER_GROUP"] == "opleiders"
    monkeypatch.setenv("INTERVISIE_KIT_CULL_TIMEOUT", "soon")
    with pytest.raises(ValueError, match="INTERVISIE_KIT_CULL_TIMEOUT must be a whole number"):
        _load_deploy_config(tmp_path)


def test_the_institutes_own_pre_spawn_hook_runs_first(hub_env: None, fake_database: _FakeDatabase) -> None:
    from intervisie_kit.hub.hubconfig import configure_hub

    def theirs(spawner: _FakeSpawner) -> None:
        spawner.environment["INSTITUTE"] = "ja"

    # As in the TLJH plugin or the Z2JH extraConfig: the same config object, an institute hook already set.
    c = Config()
    c.Spawner.pre_spawn_hook = theirs
    configure_hub(c)
    configure_hub(c)
    target = _FakeSpawner(_FakeUser("alice"))
    run_async(c.Spawner.pre_spawn_hook(target))
    assert target.environment["INSTITUTE"] == "ja" and target.environment[HUB_ENV] == "1"
    assert fake_database.calls == [("alice", "hub")]  # configured twice, the kit's hook runs once
    assert fake_database.prepared == 2  # the database is prepared whenever the hub loads the configuration


def test_the_startdag_join_page_is_added_to_the_configured_authenticator(
    hub_env: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    import types

    from jupyterhub.auth import DummyAuthenticator

    from intervisie_kit.hub.hubconfig import configure_hub, use_startdag

    fake = types.ModuleType("intervisie_kit.hub.startdag")
    exec(  # the wrapper's class is made in the startdag module, as part E's is
        "def with_startdag(cls):\n    return type('Startdag' + cls.__name__, (cls,), {})\n", fake.__dict__
    )
    monkeypatch.setitem(sys.modules, fake.__name__, fake)
    c = Config()
    assert use_startdag(c) is False  # no authenticator chosen yet: nothing to wrap
    c.JupyterHub.authenticator_class = "dummy"  # an entry-point name, as institutes write them
    configure_hub(c)
    wrapped = c.JupyterHub.authenticator_class
    assert wrapped.__name__ == "StartdagDummyAuthenticator" and issubclass(wrapped, DummyAuthenticator)
    assert use_startdag(c) is True and c.JupyterHub.authenticator_class is wrapped  # never wrapped twice


def test_a_service_whose_part_is_missing_is_left_out(
    tmp_path: Path, hub_env: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from intervisie_kit.hub import hubconfig

    # A managed service that exits at once stops the hub: a missing part must not be configured.
    monkeypatch.setattr(hubconfig, "_installed", lambda module: module != "intervisie_kit.hub.startdag")
    c = _load_deploy_config(tmp_path)
    assert {s["name"] for s in c.JupyterHub.services} == {TRAINER_SERVICE, CULLER_SERVICE}
    roles = {r["name"]: r for r in c.JupyterHub.load_roles}
    assert f"{STARTDAG_SERVICE}-service" not in roles and "user" not in roles
    assert roles["intervisie-trainers"]["scopes"] == [f"access:services!service={TRAINER_SERVICE}"]


def test_z2jh_values_and_dockerfile_name_the_same_server(hub_env: None) -> None:
    values = yaml.safe_load((DEPLOY / "z2jh-values.yaml").read_text(encoding="utf-8"))
    single = values["singleuser"]
    assert single["cmd"] == SINGLEUSER_CMD
    assert single["defaultUrl"] == f"/{START_URL}"
    image = f"{single['image']['name']}:{single['image']['tag']}"
    dockerfile = (DEPLOY / "Dockerfile").read_text(encoding="utf-8")
    assert f"CMD {json.dumps(SINGLEUSER_CMD)}" in dockerfile
    assert image in dockerfile  # the build command in its header names the image the chart pulls
    assert re.search(r"^USER (?!root)\S+", dockerfile, re.M), "the image runs as a non-root user"
    hub = values["hub"]
    assert "configure_hub(c)" in "".join(hub["extraConfig"].values())
    env_names = {e["name"] for e in hub["extraEnv"]} if isinstance(hub["extraEnv"], list) else set(hub["extraEnv"])
    assert ADMIN_DB_ENV in env_names
    # The chart culls idle servers itself; the kit's own culler service is switched off there.
    assert values["cull"]["enabled"] is True
    assert {"name": "INTERVISIE_KIT_CULLER", "value": "0"} in hub["extraEnv"]


def test_tljh_plugin_applies_the_same_configuration(hub_env: None) -> None:
    sys.path.insert(0, str(DEPLOY / "tljh"))
    try:
        import tljh_intervisie_kit as plugin
    finally:
        sys.path.remove(str(DEPLOY / "tljh"))
    assert plugin.tljh_extra_user_pip_packages() == ["intervisie-kit[postgres]"]
    c = Config()
    c.JupyterHub.authenticator_class = "dummy"
    plugin.tljh_custom_jupyterhub_config(c)
    assert c.Spawner.cmd == SINGLEUSER_CMD
    # TLJH culls with its own service; the kit adds none.
    assert {s["name"] for s in c.JupyterHub.services} == {TRAINER_SERVICE, STARTDAG_SERVICE}
