"""Shared fixtures: a real `intervisie-kit serve` process and pages in the system Chromium.

Browser tests are marked ``browser``. Without a Chromium they are skipped with a reason that says how to
install one, except in CI (``CI=true``), where a missing browser fails the run.
"""

from __future__ import annotations

import http.client
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import weakref
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOCAL_PREFIXES = ("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:", "about:")
# Only requests leaving the machine are intercepted. The driver matches this pattern itself, so local
# requests (and the kernel-shutdown beacon sent while a tab closes) never wait for Python to answer.
NON_LOCAL = re.compile(r"^(?!http://127\.0\.0\.1[:/]|ws://127\.0\.0\.1[:/]|data:|blob:|about:)")
INSTALL_HINT = (
    "Chromium niet gevonden / not found: install it with `sudo apt-get install -y chromium` "
    "or point CHROMIUM_PATH at a Chromium binary."
)
SERVER_START_TIMEOUT = 60.0
PAGE_TIMEOUT_MS = 60_000


def pytest_configure(config: pytest.Config) -> None:
    """Tests, their kit servers and nbval's kernels write reflections to a throwaway journal, never the
    user's own (and never into the repository)."""
    if not os.environ.get("INTERVISIE_KIT_TEST_KEEP_JOURNAL"):
        folder = tempfile.mkdtemp(prefix="ik-test-journal-")
        os.environ["INTERVISIE_KIT_JOURNAL"] = str(Path(folder) / "journal.sqlite")
    # The content cache too: tests start from an empty one and leave the user's cache folder alone.
    os.environ.setdefault("INTERVISIE_KIT_CACHE", tempfile.mkdtemp(prefix="ik-test-cache-"))


def chromium_path() -> str | None:
    configured = os.environ.get("CHROMIUM_PATH")
    if configured:
        return configured if Path(configured).exists() else None
    return shutil.which("chromium") or shutil.which("chromium-browser")


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if chromium_path() is not None:
        return
    browser_items = [item for item in items if item.get_closest_marker("browser")]
    if browser_items and in_ci():
        raise pytest.UsageError(f"CI needs the browser tests. {INSTALL_HINT}")
    for item in browser_items:
        item.add_marker(pytest.mark.skip(reason=INSTALL_HINT))


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    """pytest-playwright: use the system Chromium (a browser download is not possible here)."""
    return {**browser_type_launch_args, "executable_path": chromium_path(), "args": CHROMIUM_ARGS}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until(condition: Callable[[], bool], timeout: float, what: str, interval: float = 0.05) -> None:
    """Wait for a condition (never a fixed sleep); fail with ``what`` when it does not come."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(interval)


@dataclass
class KitServer:
    """A running `intervisie-kit serve` process."""

    proc: subprocess.Popen
    port: int
    log_path: Path
    log_file: object = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def page_url(self, notebook: str, query: str = "") -> str:
        return f"{self.url}voila/render/{notebook}{query}"

    def kernels(self) -> list:
        import psutil

        try:
            children = psutil.Process(self.proc.pid).children(recursive=True)
        except psutil.NoSuchProcess:
            return []
        found = []
        for child in children:
            try:
                if "ipykernel" in " ".join(child.cmdline()):
                    found.append(child)
            except (psutil.NoSuchProcess, psutil.ZombieProcess):
                continue
        return found

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def responds(self) -> bool:
        """The root answers with the redirect to the start page (asked without following it)."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
        try:
            conn.request("GET", "/")
            response = conn.getresponse()
            response.close()  # the response holds its own reference to the socket
            return response.status == 301
        except OSError:
            return False
        finally:
            conn.close()

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
        if self.log_file is not None:
            self.log_file.close()  # type: ignore[attr-defined]


def start_server(
    tmp_dir: Path, *args: str, env: dict[str, str] | None = None, command: str = "serve", port: int | None = None
) -> KitServer:
    port = port or free_port()
    log_path = tmp_dir / f"{command}-{port}-{len(list(tmp_dir.glob('*.log')))}.log"
    # A developer's own content folder must not leak into the tests.
    full_env = {k: v for k, v in os.environ.items() if k != "INTERVISIE_KIT_CONTENT"}
    full_env.update(env or {})
    log = log_path.open("w", encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "intervisie_kit.cli", command, "--port", str(port), *args],
        stdout=log,
        stderr=subprocess.STDOUT,
        cwd=tmp_dir,  # the kit must not depend on the working directory
        env=full_env,
    )
    server = KitServer(proc, port, log_path, log)
    try:
        wait_until(lambda: server.responds() or proc.poll() is not None, SERVER_START_TIMEOUT, "the kit server")
    except AssertionError:
        server.stop()
        raise
    if proc.poll() is not None:
        raise AssertionError(f"intervisie-kit {command} exited early:\n{server.log()}")
    return server


def assert_clean_log(server: KitServer) -> None:
    """No kernel died, no port clash, no refused shutdown beacon, no traceback while serving.

    After the stop signal, preheated kernels still waiting for a request are killed mid-cell and log a
    ZMQ error; that is shutdown noise, so only the log before the stop is checked for tracebacks.
    """
    log = server.log()
    serving = log.split("Handle signal", 1)[0]
    for bad in ("died", "Address already in use", "403 POST"):
        assert bad not in log, f"server log contains {bad!r}:\n{log[-4000:]}"
    assert "Traceback" not in serving, f"traceback while serving:\n{serving[-4000:]}"


@pytest.fixture(scope="session")
def kit_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KitServer]:
    server = start_server(tmp_path_factory.mktemp("kit"))
    yield server
    try:
        # Every test closed its tabs the way a person does; none may have left a kernel behind.
        wait_until(lambda: not server.kernels(), 20, "all kernels of closed tabs to end")
    finally:
        server.stop()
    assert_clean_log(server)


@dataclass
class OfflineGuard:
    """Records every request that would leave the machine, and every error thrown in the page."""

    external: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)


def guard_page(page) -> OfflineGuard:  # type: ignore[no-untyped-def]
    guard = OfflineGuard()

    def refuse(route) -> None:  # type: ignore[no-untyped-def]
        guard.external.append(route.request.url)
        route.abort()

    page.route(NON_LOCAL, refuse)
    page.on("pageerror", lambda exc: guard.page_errors.append(str(exc)))
    page.set_default_timeout(PAGE_TIMEOUT_MS)
    return guard


# Which server each open page was loaded from, so closing it can check that its kernel ends.
_SERVER_OF: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def open_page(page, server: KitServer, notebook: str, query: str = "") -> None:  # type: ignore[no-untyped-def]
    """Load a page and wait until its last widget is rendered (the notebook ran to the end)."""
    _SERVER_OF[page] = server
    page.goto(server.page_url(notebook, query))
    page.locator(".ik-header").wait_for()
    page.locator(".ik-page").last.wait_for()


def close_like_a_person(page) -> None:  # type: ignore[no-untyped-def]
    """Close the tab with its unload handlers, and wait until the server has ended the tab's kernel.

    The kernel-shutdown beacon is a keep-alive request that outlives the tab but not the browser
    context, and Playwright does not report it once the tab is gone; so the wait is on the server side,
    before anything closes the context. It doubles as a check that every closed tab frees its kernel.
    """
    if page.is_closed():
        return
    server = _SERVER_OF.get(page)
    before = len(server.kernels()) if server is not None else 0
    with page.expect_event("close", timeout=PAGE_TIMEOUT_MS):
        page.close(run_before_unload=True)
    if server is not None and before:
        wait_until(lambda: len(server.kernels()) < before, 20, "the closed tab's kernel to end")


@pytest.fixture
def kit_page(page) -> Iterator:  # type: ignore[no-untyped-def]
    """A Playwright page that refuses non-local requests; the test fails on any attempt or page error.

    The page is closed with ``run_before_unload`` so the kernel-shutdown beacon is sent, as when a person
    closes the tab.
    """
    guard = guard_page(page)
    yield page
    close_like_a_person(page)
    assert guard.external == [], f"the page tried to reach beyond this machine: {guard.external}"
    assert guard.page_errors == [], f"errors in the page: {guard.page_errors}"
