"""A startdag under load: 30 phones join, ask questions, the inbrenger rates, the wall follows.

A 2-core machine cannot run 30 browsers, so this drives the traffic the pages make at the protocol
level: the join page and its form post, the phone page with its script and style sheet, the phone's long
poll (``/workshop/api/me``), question posts with idempotency keys, the inbrenger's ratings, and the
projector's long poll (``/workshop/api/wall``). It starts a real ``intervisie-kit workshop`` server on a
free port with a fresh journal in a temporary folder, opens round 1 as the trainer's regie page would
(through the store), and prints:

- join-to-usable p50/p95: from opening the join address until the phone page, its files and its first
  state have arrived;
- question-to-wall p50/p95: from sending a question until the wall's long poll has shown it;
- questions accepted vs stored vs shown (they must be equal);
- the memory of the server and all its kernels (peak RSS sum);
- with ``--kernel-pages K``: the alternative of a kernel per participant, measured: K participants open a
  kernel page (page 04) at once; time until the page is complete, and memory per kernel.

    python benchmarks/workshop_load.py [--participants 30] [--questions 5] [--duration 120] [--kernel-pages 4]

Targets on this machine (issue 15): join-to-usable p95 <= 5 s, question-to-wall p95 <= 1 s, nothing lost,
<= 3 GB in total.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import re
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

import psutil
from tornado.httpclient import AsyncHTTPClient, HTTPClientError, HTTPRequest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

QUESTIONS = [
    "Wat maakt dat dit je zo raakt?",
    "Hoe reageerde je collega toen je het zei?",
    "Heb je het al met je leidinggevende besproken?",
    "Waarom heb je niet eerder ingegrepen?",
    "Wat zou je willen dat er anders was gegaan?",
    "Je moet gewoon duidelijker zijn.",
    "Welke overwegingen speelden toen mee?",
    "Wat had je op dat moment nodig?",
    "Is het niet gewoon een kwestie van tijd?",
    "Wie in het team merkt hier het meest van?",
]
RATINGS = ("koud", "neutraal", "warm")
POLL_TIMEOUT = 40.0  # seconds a long poll may take before the client gives up (the server answers within 25)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


class Browser:
    """One phone (or the projector): a cookie jar and the kit's XSRF header."""

    def __init__(self, base: str):
        self.base = base
        self.cookies: dict[str, str] = {}
        self.client = AsyncHTTPClient(force_instance=True, max_clients=4)

    def _headers(self, extra: dict[str, str] | None = None) -> dict[str, str]:
        headers = {"Host": self.base.split("//", 1)[1]}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if "_xsrf" in self.cookies:
            headers["X-XSRFToken"] = self.cookies["_xsrf"]
        headers.update(extra or {})
        return headers

    async def request(self, method: str, path: str, body: object | None = None, timeout: float = 30.0):  # type: ignore[no-untyped-def]
        data = None if body is None else json.dumps(body)
        extra = {"Content-Type": "application/json"} if body is not None else None
        req = HTTPRequest(
            self.base + path,
            method=method,
            body=data if method == "POST" else None,
            headers=self._headers(extra),
            request_timeout=timeout,
            follow_redirects=False,
        )
        try:
            response = await self.client.fetch(req, raise_error=False)
        except HTTPClientError as exc:  # pragma: no cover - raise_error=False returns responses
            response = exc.response
        for header in response.headers.get_list("Set-Cookie"):
            jar = SimpleCookie()
            jar.load(header)
            for key, morsel in jar.items():
                self.cookies[key] = morsel.value
        return response

    async def json(self, method: str, path: str, body: object | None = None, timeout: float = 30.0):  # type: ignore[no-untyped-def]
        response = await self.request(method, path, body, timeout)
        self.retry_after = float(response.headers.get("Retry-After") or 1)
        payload = json.loads(response.body or b"{}") if response.body else {}
        return response.code, payload


def static_files(html: str) -> list[str]:
    """The kit's own scripts and style sheets a page loads."""
    return re.findall(r'(?:src|href)="(/workshop/static/[^"?#]+)', html)


class Room:
    def __init__(self, base: str, code: str):
        self.base, self.code = base, code
        self.join_times: list[float] = []
        self.sent: dict[int, float] = {}  # question id -> when its post was sent
        self.shown: dict[int, float] = {}  # question id -> when the wall first showed it
        self.accepted = 0
        self.refused: list[str] = []
        self.ratings = 0
        self.done = asyncio.Event()


async def wall(room: Room) -> None:
    projector = Browser(room.base)  # loopback: the trainer's own machine
    await projector.request("GET", "/workshop/wall")
    since = 0
    while not room.done.is_set():
        code, view = await projector.json("GET", f"/workshop/api/wall?since={since}&lang=nl", timeout=POLL_TIMEOUT)
        now = time.perf_counter()
        if code != 200:
            await asyncio.sleep(0.2)
            continue
        since = view.get("version", since)
        for question in view.get("questions", []):
            room.shown.setdefault(question["id"], now)


async def phone_poll(room: Room, phone: Browser, inbrenger: bool) -> None:
    """The phone's long poll; the inbrenger rates every question that arrives."""
    since = 0
    rated: set[int] = set()
    while not room.done.is_set():
        code, view = await phone.json("GET", f"/workshop/api/me?since={since}&lang=nl", timeout=POLL_TIMEOUT)
        if code != 200:
            await asyncio.sleep(0.2)
            continue
        since = view.get("version", since)
        if inbrenger:
            for question in view.get("to_rate", []):
                if question["id"] in rated:
                    continue
                rated.add(question["id"])
                status, _ = await phone.json(
                    "POST", "/workshop/api/ratings", {"question": question["id"], "rating": random.choice(RATINGS)}
                )
                room.ratings += status == 200


async def participant(room: Room, number: int, start_delay: float, args: argparse.Namespace, store) -> None:  # type: ignore[no-untyped-def]
    await asyncio.sleep(start_delay)
    phone = Browser(room.base)
    began = time.perf_counter()
    await phone.request("GET", f"/join?{urlencode({'code': room.code})}")
    code, answer = await phone.json("POST", "/workshop/api/join", {"code": room.code, "name": f"Deelnemer {number}"})
    if code != 200:
        room.refused.append(f"join {number}: {code} {answer}")
        return
    page = await phone.request("GET", "/workshop/phone")
    await asyncio.gather(*(phone.request("GET", path) for path in static_files(page.body.decode())))
    code, _view = await phone.json("GET", "/workshop/api/me?since=0&lang=nl")
    if code != 200:
        room.refused.append(f"first state {number}: {code}")
        return
    room.join_times.append(time.perf_counter() - began)
    inbrenger = number == 0
    if inbrenger:  # the trainer makes the first participant the inbrenger, as on page 11
        pid = next(p.id for p in store.participants() if p.name == f"Deelnemer {number}")
        store.set_inbrenger(pid)
    poll = asyncio.ensure_future(phone_poll(room, phone, inbrenger))
    if not inbrenger:
        moments = sorted(random.uniform(0, args.duration) for _ in range(args.questions))
        t0 = time.perf_counter()
        for i, moment in enumerate(moments):
            await asyncio.sleep(max(0.0, moment - (time.perf_counter() - t0)))
            key = uuid.uuid4().hex
            text = f"{random.choice(QUESTIONS)} ({number}.{i})"
            sent = time.perf_counter()
            status, answer = await phone.json("POST", "/workshop/api/questions", {"text": text, "key": key})
            while status == 429 and answer.get("error", {}).get("code") == "too_fast":
                # What a person does on "even rustig": wait the seconds the phone names, press send again.
                await asyncio.sleep(phone.retry_after)
                sent = time.perf_counter()
                status, answer = await phone.json("POST", "/workshop/api/questions", {"text": text, "key": key})
            if status == 200 and not answer.get("repeat"):
                room.accepted += 1
                room.sent[answer["question"]["id"]] = sent
            else:
                room.refused.append(f"question {number}.{i}: {status} {answer.get('error', answer)}")
    await room.done.wait()
    poll.cancel()


async def kernel_pages(base: str, count: int) -> list[float]:
    """The alternative: a kernel per participant. ``count`` participants open page 04 at once."""
    times: list[float] = []

    async def one() -> None:
        phone = Browser(base)  # loopback, so the trainer's own machine: allowed to open every page
        began = time.perf_counter()
        response = await phone.request("GET", "/voila/render/04_vragen_oefenen.ipynb", timeout=120)
        if response.code == 200:
            times.append(time.perf_counter() - began)

    await asyncio.gather(*(one() for _ in range(count)))
    return times


def tree_rss(proc: psutil.Process) -> int:
    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        with contextlib.suppress(psutil.NoSuchProcess):
            total += p.memory_info().rss
    return total


async def main_async(args: argparse.Namespace) -> int:
    from intervisie_kit.journal import Journal
    from intervisie_kit.workshop.store import WorkshopStore

    tmp = Path(tempfile.mkdtemp(prefix="workshop-load-"))
    journal_path = tmp / "journal.sqlite"
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "INTERVISIE_KIT_CONTENT"}
    log = (tmp / "server.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "intervisie_kit.cli", "workshop", "--port", str(port), "--journal", str(journal_path)],
        stdout=log,
        stderr=subprocess.STDOUT,
        cwd=tmp,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        probe = Browser(base)
        while True:
            if server.poll() is not None:
                print((tmp / "server.log").read_text()[-3000:])
                return 1
            try:
                if (await probe.request("GET", "/join", timeout=2)).code == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                print("the workshop server did not start in 60 s")
                return 1
            await asyncio.sleep(0.2)
        journal = Journal(journal_path)
        store = WorkshopStore(journal)
        workshop = store.active() or store.open_workshop("Belasting test")
        store.set_case("Een lastige overdracht", "Mijn collega neemt mijn cliënten over en ik twijfel of ...")
        store.set_joining(True)
        store.start_round("all")
        room = Room(base, workshop.code)
        proc = psutil.Process(server.pid)
        peak = tree_rss(proc)

        async def sample() -> None:
            nonlocal peak
            while not room.done.is_set():
                peak = max(peak, tree_rss(proc))
                await asyncio.sleep(0.5)

        sampler = asyncio.ensure_future(sample())
        watcher = asyncio.ensure_future(wall(room))
        people = [
            asyncio.ensure_future(participant(room, i, random.uniform(0, args.join_spread), args, store))
            for i in range(args.participants)
        ]
        while any(not p.done() for p in people) and len(room.join_times) + len(room.refused) < args.participants:
            await asyncio.sleep(0.5)
        end = time.perf_counter() + args.duration + args.join_spread + 30
        while time.perf_counter() < end:
            expected = (args.participants - 1) * args.questions
            if room.accepted + len([r for r in room.refused if r.startswith("question")]) >= expected:
                break
            await asyncio.sleep(0.5)
        settle = time.perf_counter() + 5
        while time.perf_counter() < settle and set(room.sent) - set(room.shown):
            await asyncio.sleep(0.1)
        kernel_times: list[float] = []
        kernel_rss = 0
        if args.kernel_pages:
            before = tree_rss(proc)
            kernel_times = await kernel_pages(base, args.kernel_pages)
            kernel_rss = max(0, tree_rss(proc) - before)
            peak = max(peak, tree_rss(proc))
        room.done.set()
        await asyncio.gather(sampler, watcher, *people, return_exceptions=True)
        stored = store.question_count() if hasattr(store, "question_count") else len(store.wall_view("nl")["questions"])
        delays = [room.shown[q] - room.sent[q] for q in room.sent if q in room.shown]
        rows = [
            ("participants joined", f"{len(room.join_times)} / {args.participants}"),
            ("join-to-usable p50 / p95", f"{pct(room.join_times, 0.5):.2f} s / {pct(room.join_times, 0.95):.2f} s"),
            ("question-to-wall p50 / p95", f"{pct(delays, 0.5) * 1000:.0f} ms / {pct(delays, 0.95) * 1000:.0f} ms"),
            ("questions accepted / stored / shown", f"{room.accepted} / {stored} / {len(room.shown)}"),
            ("ratings stored by the inbrenger", str(room.ratings)),
            ("server + kernels memory (peak)", f"{peak / 2**20:.0f} MB"),
        ]
        if args.kernel_pages:
            rows += [
                (
                    f"kernel page x{args.kernel_pages} at once p50 / p95",
                    f"{pct(kernel_times, 0.5):.2f} s / {pct(kernel_times, 0.95):.2f} s ({len(kernel_times)} ok)",
                ),
                ("memory per kernel page", f"{kernel_rss / max(1, args.kernel_pages) / 2**20:.0f} MB"),
            ]
        width = max(len(k) for k, _ in rows)
        print(
            f"\nworkshop load: {args.participants} participants x {args.questions} questions over {args.duration:.0f} s"
        )
        for key, value in rows:
            print(f"  {key.ljust(width)}  {value}")
        if room.refused:
            print(f"\n{len(room.refused)} refused (first 5):")
            for line in room.refused[:5]:
                print("  ", line)
        lost = not (room.accepted == stored == len(room.shown))
        slow = pct(room.join_times, 0.95) > 5 or pct(delays, 0.95) > 1 or peak > 3 * 2**30
        verdict = ("LOST QUESTIONS" if lost else "nothing lost", "over target" if slow else "within target")
        print("\nverdict:", " / ".join(verdict))
        journal.close()
        return 1 if lost else 0
    finally:
        server.terminate()
        try:
            server.wait(20)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--participants", type=int, default=30)
    parser.add_argument("--questions", type=int, default=5, help="questions per participant (not the inbrenger)")
    parser.add_argument("--duration", type=float, default=120.0, help="seconds over which the questions are spread")
    parser.add_argument("--join-spread", type=float, default=10.0, help="seconds over which people join")
    parser.add_argument("--kernel-pages", type=int, default=4, help="also measure a kernel per participant (0: no)")
    parser.add_argument("--seed", type=int, default=15)
    args = parser.parse_args()
    random.seed(args.seed)
    return asyncio.run(main_async(args))


if __name__ == "__main__":
    raise SystemExit(main())
