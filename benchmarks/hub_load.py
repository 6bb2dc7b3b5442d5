"""The kit on a real JupyterHub under a class's start: N users log in and open the start page at once.

It starts the same hub the tests use (``tests/hubtest.py``: ``deploy/jupyterhub/jupyterhub_config.py``
with a local spawner, the Python proxy, a fresh database on the PostgreSQL test server named by
``INTERVISIE_KIT_TEST_POSTGRES``) and creates ``--users`` users through the hub's REST API. Each user,
``--concurrency`` at a time (default: all at once, as when a class starts), then:

1. logs in through ``/hub/login`` (an HTTP client with cookies, no browser);
2. asks the hub to start their server (``POST /hub/api/users/<name>/server``) and waits until it is ready;
3. opens ``/user/<name>/`` through the proxy: the OAuth redirects, the server's redirect to the kit's
   start page, and Voila's render of ``00_start.ipynb`` (the notebook has run when the HTML arrives);
4. connects to the page's kernel websocket through the proxy and asks for the kernel's widget comms
   (``comm_info_request``, as the page's widget manager does first); the page is usable when the reply
   lists the start page's widgets.

"Time to a usable start page" runs from step 1 to step 4, without a browser: a browser would add the
same JavaScript start per user (1.5-2 s on this machine, see ``benchmarks/page_ready.py``) and, on two
cores, measure mostly Chromium. Afterwards, with every user's start page open, it measures memory: per
user the single-user server and its kernels (RSS and PSS, psutil), and the hub, the proxy and the services.

    python benchmarks/hub_load.py [--users 10] [--concurrency 10] [--json results.json]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import platform
import re
import shutil
import statistics
import sys
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from intervisie_kit.hub.database import namespace  # noqa: E402
from tests.hubtest import Hub, HubSession, hub_database, hub_tmp, running_hub  # noqa: E402

START_PAGE = "voila/render/00_start.ipynb"
WIDGET_TARGET = "jupyter.widget"
WS_TIMEOUT = 60.0
MB = 1024 * 1024


@dataclass
class Timing:
    user: str
    login_s: float
    ready_s: float  # server ready (from the start)
    page_s: float  # start page HTML rendered (from the start)
    usable_s: float  # kernel websocket answered with the page's widgets (from the start)
    widgets: int
    also_s: list[float]  # each further page (--also), from its request until usable


@dataclass
class Memory:
    name: str
    processes: int
    rss_mb: float
    pss_mb: float | None
    cpu_s: float  # user + system CPU time the processes used so far


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def widget_comms(hub: Hub, session: HubSession, user: str, kernel_id: str) -> int:
    """Ask the kernel, through the proxy and with the user's cookies, how many widget comms it holds."""
    from tornado.httpclient import HTTPRequest
    from tornado.websocket import websocket_connect

    cookies = "; ".join(f"{c.name}={c.value}" for c in session.http.cookies)
    ws_url = hub.url.replace("http://", "ws://") + f"/user/{user}/api/kernels/{kernel_id}/channels"
    msg_id = uuid.uuid4().hex
    header = {"msg_id": msg_id, "msg_type": "comm_info_request", "username": user, "session": uuid.uuid4().hex}
    message = {
        "header": {**header, "date": "", "version": "5.3"},
        "parent_header": {},
        "metadata": {},
        "content": {"target_name": WIDGET_TARGET},
        "channel": "shell",
        "buffers": [],
    }

    async def run() -> int:
        request = HTTPRequest(ws_url, headers={"Cookie": cookies, "Origin": hub.url}, request_timeout=WS_TIMEOUT)
        conn = await websocket_connect(request)
        try:
            await conn.write_message(json.dumps(message))
            while True:
                raw = await asyncio.wait_for(conn.read_message(), WS_TIMEOUT)
                if raw is None:
                    raise RuntimeError(f"{user}: the kernel websocket closed")
                if isinstance(raw, bytes):
                    continue
                reply = json.loads(raw)
                if reply.get("parent_header", {}).get("msg_id") == msg_id and reply["msg_type"] == "comm_info_reply":
                    comms = reply["content"].get("comms", {})
                    return sum(1 for c in comms.values() if c.get("target_name") == WIDGET_TARGET)
        finally:
            conn.close()

    return asyncio.run(run())


def open_page(hub: Hub, session: HubSession, user: str, path: str, expect: str) -> int:
    """Open a page through the proxy until it is usable; the number of widgets its kernel holds."""
    with session.get(f"/user/{user}/{path}") as response:
        if response.status_code != 200 or not response.url.endswith(expect):
            raise RuntimeError(f"{user}: {expect} answered {response.status_code} at {response.url}")
        html = response.text
    found = re.search(r'kernelId": "([0-9a-f-]{36})"', html)
    if not found:
        raise RuntimeError(f"{user}: no kernel id in {expect}")
    widgets = widget_comms(hub, session, user, found.group(1))
    if widgets < 1:
        raise RuntimeError(f"{user}: the kernel of {expect} holds no widgets")
    return widgets


def one_user(hub: Hub, user: str, also: list[str]) -> Timing:
    start = time.perf_counter()
    session = HubSession(hub)
    session.login(user, hub.passwords[user])
    login = time.perf_counter() - start
    hub.start_server(user)
    hub.wait_ready(user)
    ready = time.perf_counter() - start
    with session.get(f"/user/{user}/") as response:  # the hub's redirects to the server's default URL
        if response.status_code != 200 or not response.url.endswith(START_PAGE):
            raise RuntimeError(f"{user}: the start page answered {response.status_code} at {response.url}")
        html = response.text
    page = time.perf_counter() - start
    found = re.search(r'kernelId": "([0-9a-f-]{36})"', html)
    if not found:
        raise RuntimeError(f"{user}: no kernel id in the start page")
    widgets = widget_comms(hub, session, user, found.group(1))
    if widgets < 1:
        raise RuntimeError(f"{user}: the start page's kernel holds no widgets")
    usable = time.perf_counter() - start
    more = []
    for notebook in also:
        before = time.perf_counter()
        open_page(hub, session, user, f"voila/render/{notebook}", notebook)
        more.append(time.perf_counter() - before)
    session.close()
    return Timing(user, login, ready, page, usable, widgets, more)


def memory_of(name: str, processes: list[psutil.Process]) -> Memory:
    rss = pss = cpu = 0.0
    have_pss = True
    counted = 0
    for proc in processes:
        try:
            info = proc.memory_full_info()
        except psutil.AccessDenied:
            info, have_pss = proc.memory_info(), False
        except psutil.NoSuchProcess:
            continue
        with contextlib.suppress(psutil.Error):
            times = proc.cpu_times()
            cpu += times.user + times.system
        counted += 1
        rss += info.rss
        if have_pss and hasattr(info, "pss"):
            pss += info.pss
        else:
            have_pss = False
    return Memory(name, counted, rss / MB, pss / MB if have_pss else None, cpu)


def is_kernel(proc: psutil.Process) -> bool:
    try:
        return "ipykernel" in " ".join(proc.cmdline())
    except psutil.Error:
        return False


def infrastructure(hub: Hub, users: list[str]) -> list[Memory]:
    """The hub itself, the proxy, and each hub-managed service (everything in the tree that serves no user)."""
    by_user = {p.pid for user in users for p in hub.user_processes(user)}
    hub_proc = psutil.Process(hub.proc.pid)
    groups: dict[str, list[psutil.Process]] = {"jupyterhub": [hub_proc]}
    for proc in hub.processes():
        if proc.pid in by_user:
            continue
        try:
            line = " ".join(proc.cmdline())
        except psutil.Error:
            continue
        if "configurable-http-proxy" in line:
            key = "proxy (configurable-http-proxy, Python)"
        elif "hub-trainer" in line or "trainer" in line:
            key = "service intervisie-trainer"
        elif "startdag" in line:
            key = "service intervisie-startdag"
        elif "idle" in line and "cull" in line:
            key = "service idle-culler"
        else:
            key = "other: " + line[:60]
        groups.setdefault(key, []).append(proc)
    return [memory_of(name, procs) for name, procs in groups.items()]


def database_connections(db_url: str) -> dict[str, int]:
    """Open connections to the hub's database, by kind of role: users' roles, the reader, the owner."""
    import sqlalchemy as sa

    url = sa.make_url(db_url)
    ns = namespace(url.database or "")
    engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                sa.text(
                    "SELECT usename, count(*) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid() GROUP BY usename"
                )
            ).all()
    finally:
        engine.dispose()
    counts = {"user roles": 0, "reader (trainer service)": 0, "owner (hub, services)": 0}
    for name, count in rows:
        if name.startswith(f"{ns}_u_"):
            counts["user roles"] += count
        elif name.startswith(f"{ns}_svc_"):
            counts["reader (trainer service)"] += count
        else:
            counts["owner (hub, services)"] += count
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=10)
    parser.add_argument("--concurrency", type=int, default=0, help="users starting at once (default: all)")
    parser.add_argument(
        "--also", action="append", default=[], help="a further page each user opens, e.g. 06_reflectie.ipynb"
    )
    parser.add_argument("--json", type=Path, default=None, help="also write the figures to this file")
    args = parser.parse_args()
    if not os.environ.get("INTERVISIE_KIT_TEST_POSTGRES"):
        parser.error('set INTERVISIE_KIT_TEST_POSTGRES (eval "$(.ci/postgres.sh)")')
    concurrency = args.concurrency or args.users
    users = [f"user{i:02d}" for i in range(1, args.users + 1)]
    passwords = {user: uuid.uuid4().hex for user in users}

    folder = hub_tmp()
    with hub_database() as db_url, running_hub(folder, passwords, db_url=db_url) as hub:
        hub.create_users(*users)
        before = time.perf_counter()
        with ThreadPoolExecutor(concurrency) as pool:
            timings = list(pool.map(lambda u: one_user(hub, u, args.also), users))
        wall = time.perf_counter() - before
        per_user, servers, kernels = [], [], []
        for user in users:
            procs = hub.user_processes(user)
            in_kernel = [p for p in procs if is_kernel(p)]
            per_user.append(memory_of(user, procs))
            servers.append(memory_of(user, [p for p in procs if p not in in_kernel]))
            kernels.append(memory_of(user, in_kernel))
        infra = infrastructure(hub, users)
        connections = database_connections(db_url)
        cpu_count = psutil.cpu_count()
        total_mb = psutil.virtual_memory().total / MB

    shutil.rmtree(folder, ignore_errors=True)  # kept (with the hub's log) only when the run failed
    usable = [t.usable_s for t in timings]
    ready = [t.ready_s for t in timings]
    page = [t.page_s for t in timings]
    measured = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    machine = f"{platform.platform()}, Python {platform.python_version()}, {cpu_count} cores, {total_mb / 1024:.0f} GiB"
    print(f"hub load: {args.users} users, {concurrency} at a time; {measured}; {machine}")
    print(f"all {args.users} usable after {wall:.1f} s\n")
    print(f"{'':<34}{'p50 s':>8}{'p95 s':>8}{'max s':>8}")
    for label, values in (
        ("server ready", ready),
        ("start page rendered", page),
        ("usable (widgets answer)", usable),
    ):
        print(f"{label:<34}{pct(values, 0.5):>8.2f}{pct(values, 0.95):>8.2f}{max(values):>8.2f}")
    for i, notebook in enumerate(args.also):
        values = [t.also_s[i] for t in timings]
        label = f"then {notebook}"[:33]
        print(f"{label:<34}{pct(values, 0.5):>8.2f}{pct(values, 0.95):>8.2f}{max(values):>8.2f}")
    columns = ("kernels", "server RSS", "kernel RSS", "total RSS", "total PSS", "CPU s")
    print(f"\n{'per user, pages open':<26}" + "".join(f"{c:>11}" for c in columns))
    rows = []
    for mem, server, kernel in zip(per_user, servers, kernels, strict=True):
        pss = mem.pss_mb if mem.pss_mb is not None else float("nan")
        rows.append((kernel.processes, server.rss_mb, kernel.rss_mb, mem.rss_mb, pss, mem.cpu_s))
        print(f"{mem.name:<26}" + "".join(f"{v:>11.0f}" if i else f"{v:>11d}" for i, v in enumerate(rows[-1])))
    medians = [statistics.median(row[i] for row in rows) for i in range(1, len(columns))]
    print(f"{'median (MB, CPU-seconds)':<26}{'':>11}" + "".join(f"{v:>11.1f}" for v in medians))
    print(f"\n{'hub side':<40}{'procs':>6}{'RSS MB':>9}{'PSS MB':>9}{'CPU s':>9}")
    for mem in infra:
        pss = f"{mem.pss_mb:>9.0f}" if mem.pss_mb is not None else f"{'n/a':>9}"
        print(f"{mem.name:<40}{mem.processes:>6}{mem.rss_mb:>9.0f}{pss}{mem.cpu_s:>9.1f}")

    print(f"\nPostgreSQL connections to the hub's database: {connections}")

    if args.json:
        figures = {
            "database_connections": connections,
            "measured": measured,
            "machine": machine,
            "users": args.users,
            "concurrency": concurrency,
            "wall_s": wall,
            "timings": [asdict(t) for t in timings],
            "usable_p50_s": pct(usable, 0.5),
            "usable_p95_s": pct(usable, 0.95),
            "memory_per_user": [asdict(m) for m in per_user],
            "memory_server": [asdict(m) for m in servers],
            "memory_kernels": [asdict(m) for m in kernels],
            "hub_side": [asdict(m) for m in infra],
        }
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
