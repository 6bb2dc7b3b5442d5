"""A real JupyterHub for the hub tests and the hub benchmark (``docs/hub.md``, part D).

Not a test module: tests and ``benchmarks/hub_load.py`` import it (like ``tests/_workshop_client.py``).

* :func:`hub_database` creates a fresh PostgreSQL database on the test server
  (``INTERVISIE_KIT_TEST_POSTGRES``), runs ``HubDatabase(url).prepare()`` on it, and afterwards drops the
  database and every role of its namespace (``ik_<sha256(database)[:6]>_*``; roles are cluster-wide and
  other engineers and tests share the server).
* :func:`running_hub` writes a test configuration that loads the institute's
  ``deploy/jupyterhub/jupyterhub_config.py`` and overrides only what a test must: a tiny authenticator with
  one password per user, ``SimpleLocalProcessSpawner`` with homes in a temporary folder, the Python
  ``configurable-http-proxy``, the hub's own sqlite database, free ports, and a ``hubtest`` service token
  with admin scopes for the test's REST calls. It starts ``jupyterhub`` with a log file, waits for
  ``/hub/health``, and on exit stops the hub and checks with psutil that every single-user server, kernel
  and service it started is gone (SIGTERM, then SIGKILL for whatever outlived it; those are reported in
  :attr:`Hub.forced`).
* :class:`Hub` helps with users, groups, servers and kernels through the hub's REST API;
  :class:`HubSession` is a logged-in HTTP client (``requests``: it keeps the hub's and the servers'
  cookies through the OAuth redirects); :func:`browser_login` logs a Playwright page in through
  ``/hub/login``.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

import psutil
import requests

from intervisie_kit.hub import ADMIN_DB_ENV
from intervisie_kit.hub.database import namespace

from .conftest import free_port, in_ci, wait_until

ROOT = Path(__file__).resolve().parents[1]
DEPLOY_CONFIG = ROOT / "deploy" / "jupyterhub" / "jupyterhub_config.py"
PG_ENV = "INTERVISIE_KIT_TEST_POSTGRES"
TEST_SERVICE = "hubtest"  # the test's own hub service: its token creates users and groups
HUB_START_TIMEOUT = 60.0
SERVER_READY_TIMEOUT = 90.0  # one single-user server start takes several seconds on a busy 2-core machine
STOP_TIMEOUT = 30.0
HTTP_TIMEOUT = 60.0
LOGIN_PAGE = "/hub/login"

#: Scopes of the test's service token: users, groups and servers through the REST API, and the servers'
#: own API (to count a user's kernels).
TEST_SCOPES = [
    "admin:users",
    "admin:groups",
    "admin:servers",
    "list:users",
    "list:groups",
    "read:users",
    "read:groups",
    "access:servers",
    "access:services",
]


def postgres_server() -> str:
    """The test server's superuser URL; skip without one, except in CI where that fails the run."""
    import pytest

    server = os.environ.get(PG_ENV)
    if server:
        return server
    if in_ci():
        pytest.fail(f"{PG_ENV} is not set: .ci/run starts a PostgreSQL for the hub tests")
    pytest.skip(f'no PostgreSQL: set {PG_ENV} (eval "$(.ci/postgres.sh)")')


def alive(proc: psutil.Process) -> bool:
    """Still running: a zombie has ended and only waits for its parent (or init) to reap it."""
    try:
        return proc.is_running() and proc.status() != psutil.STATUS_ZOMBIE
    except psutil.Error:
        return False


# -- the database ----------------------------------------------------------------------------------------


def namespace_roles(server: str, database: str) -> list[str]:
    import sqlalchemy as sa

    engine = sa.create_engine(server, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                sa.text("SELECT rolname FROM pg_roles WHERE starts_with(rolname, :prefix) ORDER BY rolname"),
                {"prefix": namespace(database) + "_"},
            )
            return [row[0] for row in rows]
    finally:
        engine.dispose()


def drop_database(server: str, database: str) -> None:
    """Drop the database and then every role of its namespace (the kit's own clean-up)."""
    import sqlalchemy as sa

    from intervisie_kit.hub.database import drop_namespace_roles

    engine = sa.create_engine(server, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
    finally:
        engine.dispose()
    drop_namespace_roles(server, database)


@contextlib.contextmanager
def hub_database(*, prepare: bool = True) -> Iterator[str]:
    """A fresh database ``ik_hub_<random>`` on the test server, prepared for the hub; its owner URL.

    The superuser URL of the test server is the owner here (in an institute it is the kit's owner role).
    On exit the database and the roles of its namespace are dropped.
    """
    import sqlalchemy as sa

    server = postgres_server()
    name = f"ik_hub_{uuid.uuid4().hex[:12]}"
    engine = sa.create_engine(server, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    finally:
        engine.dispose()
    url = sa.make_url(server).set(database=name).render_as_string(hide_password=False)
    try:
        if prepare:
            from intervisie_kit.hub.database import HubDatabase

            db = HubDatabase(url)
            try:
                db.prepare()
            finally:
                db.close()
        yield url
    finally:
        drop_database(server, name)


# -- the hub ---------------------------------------------------------------------------------------------


_AUTHENTICATOR = '''
import hmac as _hmac

from jupyterhub.auth import Authenticator as _Authenticator


class HubtestAuthenticator(_Authenticator):
    """Test only: one password per user (tests/hubtest.py wrote them here); anyone else is refused."""

    passwords = {passwords!r}

    async def authenticate(self, handler, data):
        name = str(data.get("username", ""))
        given = str(data.get("password", "")).encode("utf-8")
        known = self.passwords.get(name)
        if known is None or not _hmac.compare_digest(known.encode("utf-8"), given):
            return None
        return name
'''


@dataclass(frozen=True)
class HubPorts:
    proxy: int  # the public address (the browser's)
    proxy_api: int
    hub: int  # the hub's own API, reached by the proxy, services and servers


def write_config(
    folder: Path,
    *,
    passwords: dict[str, str],
    token: str,
    ports: HubPorts,
    homes: Path,
    extra: str = "",
    base_config: Path = DEPLOY_CONFIG,
) -> Path:
    """The test configuration: the deploy config, then the test's overrides (see the module docstring)."""
    proxy = shutil.which("configurable-http-proxy", path=str(Path(sys.executable).parent)) or shutil.which(
        "configurable-http-proxy"
    )
    assert proxy, "configurable-http-proxy (the Python implementation, pip) is not installed"
    text = f"""
# Written by tests/hubtest.py: the institute's configuration with the test's overrides.
c = get_config()  # noqa: F821
load_subconfig({str(base_config)!r})  # noqa: F821
{_AUTHENTICATOR.format(passwords=passwords)}
c.JupyterHub.authenticator_class = HubtestAuthenticator
c.Authenticator.allow_all = True
c.Authenticator.admin_users = set()
c.JupyterHub.spawner_class = "jupyterhub.spawner.SimpleLocalProcessSpawner"
c.SimpleLocalProcessSpawner.home_dir_template = {str(homes / "{username}")!r}
# This machine (and CI) runs the tests as root; jupyter_server refuses that without --allow-root.
if __import__("os").geteuid() == 0:
    c.Spawner.args = [*(list(c.Spawner.args) if "args" in c.Spawner else []), "--ServerApp.allow_root=True"]
c.Spawner.start_timeout = {int(SERVER_READY_TIMEOUT)}
c.Spawner.http_timeout = {int(SERVER_READY_TIMEOUT)}
c.JupyterHub.bind_url = "http://127.0.0.1:{ports.proxy}"
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = {ports.hub}
c.JupyterHub.hub_connect_ip = "127.0.0.1"
c.ConfigurableHTTPProxy.command = [{proxy!r}]
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{ports.proxy_api}"
c.ConfigurableHTTPProxy.pid_file = {str(folder / "proxy.pid")!r}
c.ConfigurableHTTPProxy.auth_token = {secrets.token_hex(24)!r}
c.JupyterHub.db_url = "sqlite:///{folder / "jupyterhub.sqlite"}"
c.JupyterHub.cookie_secret_file = {str(folder / "jupyterhub_cookie_secret")!r}
c.JupyterHub.pid_file = {str(folder / "jupyterhub.pid")!r}
c.JupyterHub.cleanup_servers = True
c.JupyterHub.cleanup_proxy = True

# The deploy config's own services keep their names and commands; only their ports move to free ones.
def _free_port():
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


_services = []
for _service in list(c.JupyterHub.services) if "services" in c.JupyterHub else []:
    _service = dict(_service)
    if _service.get("url"):
        _service["url"] = "http://127.0.0.1:%d" % _free_port()
    _services.append(_service)
c.JupyterHub.services = [*_services, {{"name": {TEST_SERVICE!r}, "api_token": {token!r}}}]
c.JupyterHub.load_roles = [
    *(list(c.JupyterHub.load_roles) if "load_roles" in c.JupyterHub else []),
    {{"name": "hubtest-admin", "scopes": {TEST_SCOPES!r}, "services": [{TEST_SERVICE!r}]}},
]
"""
    text += textwrap.dedent(extra)
    path = folder / "jupyterhub_test_config.py"
    path.write_text(text, encoding="utf-8")
    return path


@dataclass
class Hub:
    """A running JupyterHub (see :func:`running_hub`)."""

    proc: subprocess.Popen
    folder: Path
    ports: HubPorts
    token: str
    passwords: dict[str, str]
    db_url: str
    log_path: Path
    log_file: Any = None
    forced: list[str] = field(default_factory=list)  # processes that outlived the hub's own shutdown

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.ports.proxy}"

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    # -- REST API --------------------------------------------------------------------------------------

    def api(self, method: str, path: str, body: Any = None, *, ok: tuple[int, ...] = (200, 201, 202, 204)) -> Any:
        """Call ``/hub/api/<path>`` with the test's token; the decoded answer (``None`` when empty)."""
        response = requests.request(
            method,
            f"{self.url}/hub/api/{path.lstrip('/')}",
            headers={"Authorization": f"token {self.token}"},
            json=body,
            timeout=HTTP_TIMEOUT,
        )
        with response:
            if response.status_code not in ok:
                raise AssertionError(f"{method} /hub/api/{path}: {response.status_code} {response.text[:500]}")
            return response.json() if response.content else None

    def create_users(self, *names: str) -> None:
        self.api("POST", "users", {"usernames": list(names)}, ok=(201,))

    def create_group(self, name: str, users: list[str]) -> None:
        """Create the group with these members; a group the configuration already made gets them added."""
        if name not in {group["name"] for group in self.api("GET", "groups")}:
            self.api("POST", f"groups/{quote(name, safe='')}", {"users": users}, ok=(201,))
        elif users:
            self.add_to_group(name, *users)

    def add_to_group(self, group: str, *users: str) -> None:
        self.api("POST", f"groups/{quote(group, safe='')}/users", {"users": list(users)})

    def remove_from_group(self, group: str, *users: str) -> None:
        self.api("DELETE", f"groups/{quote(group, safe='')}/users", {"users": list(users)})

    def user(self, name: str) -> dict[str, Any]:
        return self.api("GET", f"users/{quote(name, safe='')}")

    def server_ready(self, name: str) -> bool:
        server = self.user(name).get("servers", {}).get("")
        return bool(server and server.get("ready"))

    def start_server(self, name: str) -> None:
        """Ask the hub to start ``name``'s server (returns while it is still starting)."""
        self.api("POST", f"users/{quote(name, safe='')}/server", ok=(201, 202, 400))

    def wait_ready(self, name: str, timeout: float = SERVER_READY_TIMEOUT) -> None:
        def ready() -> bool:
            if self.proc.poll() is not None:
                raise AssertionError(f"the hub exited:\n{self.log()[-4000:]}")
            return self.server_ready(name)

        wait_until(ready, timeout, f"{name}'s server", interval=0.25)

    def stop_server(self, name: str) -> None:
        self.api("DELETE", f"users/{quote(name, safe='')}/server", ok=(202, 204))
        wait_until(lambda: "" not in self.user(name).get("servers", {}), STOP_TIMEOUT, f"{name}'s server to stop")

    def server_api(self, name: str, path: str) -> Any:
        """``/user/<name>/api/<path>`` of a user's own server, with the test's ``access:servers`` token."""
        response = requests.get(
            f"{self.url}/user/{quote(name, safe='')}/api/{path.lstrip('/')}",
            headers={"Authorization": f"token {self.token}"},
            timeout=HTTP_TIMEOUT,
            allow_redirects=False,
        )
        with response:
            assert response.status_code == 200, f"{name}'s server API {path}: {response.status_code}"
            return response.json()

    def kernels(self, name: str) -> list[dict[str, Any]]:
        """The kernels running in ``name``'s server (its own ``/api/kernels``)."""
        return self.server_api(name, "kernels")

    # -- processes -------------------------------------------------------------------------------------

    def processes(self) -> list[psutil.Process]:
        """The hub's process tree: proxy, services, single-user servers and their kernels."""
        try:
            return psutil.Process(self.proc.pid).children(recursive=True)
        except psutil.NoSuchProcess:
            return []

    def user_processes(self, name: str) -> list[psutil.Process]:
        """``name``'s single-user server and its kernels (found by the hub's ``JUPYTERHUB_USER``)."""
        found = []
        for proc in self.processes():
            with contextlib.suppress(psutil.Error):
                if proc.environ().get("JUPYTERHUB_USER") == name:
                    found.append(proc)
        return found

    def stop(self) -> None:
        """SIGTERM the hub (it stops its servers and services), then end whatever outlived it."""
        tree = [self.proc, *self.processes()]
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
                self.forced.append(f"jupyterhub (pid {self.proc.pid})")
        # What the hub started may still be ending: give it the same time, then force it.
        deadline = time.monotonic() + STOP_TIMEOUT
        while any(alive(p) for p in tree[1:]) and time.monotonic() < deadline:
            psutil.wait_procs([p for p in tree[1:] if alive(p)], timeout=0.5)
        left = [p for p in tree[1:] if alive(p)]
        for proc in left:
            with contextlib.suppress(psutil.Error):
                self.forced.append(f"{' '.join(proc.cmdline())[:200]} (pid {proc.pid})")
                proc.terminate()
        psutil.wait_procs(left, timeout=10)
        for proc in left:
            if alive(proc):
                with contextlib.suppress(psutil.Error):
                    proc.kill()
        if self.log_file is not None:
            self.log_file.close()
            self.log_file = None

    # -- clients ---------------------------------------------------------------------------------------

    def session(self, name: str) -> HubSession:
        """An HTTP client logged in as ``name`` through ``/hub/login``."""
        session = HubSession(self)
        session.login(name, self.passwords[name])
        return session


class HubSession:
    """A person's HTTP client: one cookie jar across the hub and every server (all behind one proxy)."""

    def __init__(self, hub: Hub) -> None:
        self.hub = hub
        self.http = requests.Session()

    def get(self, path: str, **kwargs: Any) -> requests.Response:
        kwargs.setdefault("timeout", HTTP_TIMEOUT)
        return self.http.get(f"{self.hub.url}{path}", **kwargs)

    def post(self, path: str, **kwargs: Any) -> requests.Response:
        kwargs.setdefault("timeout", HTTP_TIMEOUT)
        return self.http.post(f"{self.hub.url}{path}", **kwargs)

    def login(self, name: str, password: str) -> requests.Response:
        with self.get(LOGIN_PAGE) as page:
            assert page.status_code == 200, f"login page: {page.status_code}"
        xsrf = self.http.cookies.get("_xsrf", path="/hub/") or self.http.cookies.get("_xsrf")
        response = self.post(
            f"{LOGIN_PAGE}?next=",
            data={"username": name, "password": password, "_xsrf": xsrf or ""},
            allow_redirects=False,
        )
        with response:
            assert response.status_code == 302, f"login as {name}: {response.status_code} {response.text[:300]}"
        return response

    def close(self) -> None:
        self.http.close()


def browser_login(page: Any, hub: Hub, name: str, *, next_path: str = "") -> None:
    """Log a Playwright page in through the hub's login form; it ends wherever the hub sends it next."""
    target = f"{hub.url}{LOGIN_PAGE}"
    if next_path:
        target += f"?next={quote(next_path, safe='')}"
    page.goto(target)
    page.locator("#username_input").fill(name)
    page.locator("#password_input").fill(hub.passwords[name])
    with page.expect_navigation():
        page.locator("#login_submit").click()


@contextlib.contextmanager
def running_hub(
    folder: Path,
    passwords: dict[str, str],
    *,
    db_url: str,
    extra_config: str = "",
    env: dict[str, str] | None = None,
    base_config: Path = DEPLOY_CONFIG,
) -> Iterator[Hub]:
    """Start JupyterHub on free ports with the test configuration; stop it and all it started on exit.

    ``passwords`` are the users who can log in (create them in the hub with :meth:`Hub.create_users`).
    ``db_url`` is the kit's PostgreSQL owner URL (:func:`hub_database`), given to the hub as
    ``INTERVISIE_KIT_HUB_DB``.
    """
    folder.mkdir(parents=True, exist_ok=True)
    token = secrets.token_hex(32)
    ports = HubPorts(
        proxy=free_port(),
        proxy_api=free_port(),
        hub=free_port(),
    )
    # Kernels talk over IPC sockets in $HOME/.local/share/jupyter/runtime, and a socket path may hold
    # only 107 bytes: the homes live in a short folder of their own, not in pytest's long tmp paths.
    homes = Path(tempfile.mkdtemp(prefix="ikh-", dir="/tmp"))
    config = write_config(
        folder, passwords=passwords, token=token, ports=ports, homes=homes, extra=extra_config, base_config=base_config
    )
    full_env = {k: v for k, v in os.environ.items() if k not in ("INTERVISIE_KIT_CONTENT", "JUPYTERHUB_API_TOKEN")}
    full_env[ADMIN_DB_ENV] = db_url
    # The kit runs from this checkout (the editable install points at another one).
    full_env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)
    full_env["PATH"] = os.pathsep.join((str(Path(sys.executable).parent), os.environ.get("PATH", "")))
    full_env.update(env or {})
    log_path = folder / "jupyterhub.log"
    log = log_path.open("w", encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "jupyterhub", "-f", str(config)],
        stdout=log,
        stderr=subprocess.STDOUT,
        cwd=folder,
        env=full_env,
    )
    hub = Hub(proc, folder, ports, token, dict(passwords), db_url, log_path, log)
    try:

        def healthy() -> bool:
            if proc.poll() is not None:
                raise AssertionError(f"jupyterhub exited early:\n{hub.log()[-6000:]}")
            try:
                with requests.get(f"{hub.url}/hub/health", timeout=2) as response:
                    return response.status_code == 200
            except requests.RequestException:
                return False

        wait_until(healthy, HUB_START_TIMEOUT, "JupyterHub's /hub/health", interval=0.25)
        yield hub
    finally:
        hub.stop()
        shutil.rmtree(homes, ignore_errors=True)


def hub_tmp() -> Path:
    """A temporary folder for a hub outside pytest (the benchmark)."""
    return Path(tempfile.mkdtemp(prefix="ik-hub-"))
